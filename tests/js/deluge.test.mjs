// Deluge generate / check / format through the built npm package, on the same data files as crate/tests/deluge.rs.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createRequire } from 'node:module';
import { readFileSync } from 'node:fs';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const DATA = join(ROOT, 'crate', 'tests', 'data', 'deluge');
const zck = createRequire(import.meta.url)('../../pkg/node/zoho_connector_kit.js');
const data = (name) => JSON.parse(readFileSync(join(DATA, name), 'utf8'));
const corpus = (file) => readFileSync(join(DATA, 'corpus', file), 'utf8');
const codes = (list) => list.map((d) => d.code);

function assertCleanAndFormatted(name, deluge) {
  const hasConnection = deluge.includes('\tconnection: ');
  for (const d of zck.checkDeluge(deluge)) {
    assert.ok(!hasConnection && d.code === 'deluge.invokeurl.no_connection', `${name}: finding ${d.code}\n${deluge}`);
  }
  // The generator writes the spaced layout (issue 16 item 5 changed only the formatter's default).
  assert.equal(zck.formatDeluge(deluge, { layout: 'spaced' }).formatted, deluge, `${name}: generated Deluge is not formatted`);
}

test('generateInvokeUrl: generate.json cases', () => {
  for (const c of data('generate.json')) {
    const s = zck.generateInvokeUrl(c.spec);
    assert.deepEqual(codes(s.diagnostics), c.codes, c.name);
    if (s.deluge) {
      for (const want of c.contains) assert.ok(s.deluge.includes(want), `${c.name}: missing ${want}`);
      assertCleanAndFormatted(c.name, s.deluge);
    } else {
      assert.ok(c.codes.length > 0, c.name);
    }
  }
});

test('generateRecordCall: record.json cases', () => {
  for (const c of data('record.json')) {
    const s = zck.generateRecordCall(c.spec);
    assert.deepEqual(codes(s.diagnostics), c.codes, c.name);
    if (s.deluge) {
      for (const want of c.contains) assert.ok(s.deluge.includes(want), `${c.name}: missing ${want}`);
      assertCleanAndFormatted(c.name, s.deluge);
    }
  }
});

test('checkDeluge: check.json cases carry line and column', () => {
  for (const c of data('check.json')) {
    const found = zck.checkDeluge(c.text);
    assert.deepEqual(codes(found), c.codes, c.name);
    for (const d of found) assert.ok(d.line >= 1 && d.column >= 1, c.name);
  }
});

test('checkDeluge and formatDeluge: the corpus, seeded mistakes included', () => {
  for (const c of data('corpus.json')) {
    const text = corpus(c.file);
    const got = zck.checkDeluge(text).map((d) => ({ code: d.code, line: d.line, column: d.column }));
    assert.deepEqual(got, c.diagnostics, c.file);
    // The corpus files are written in the spaced layout.
    const f = zck.formatDeluge(text, { layout: 'spaced' });
    if (c.formatted) {
      assert.equal(f.formatted, text, c.file);
      assert.equal(f.changed, false);
    } else {
      assert.equal(f.formatted, undefined, `${c.file}: text with syntax errors must be refused`);
      assert.ok(f.diagnostics.length > 0);
    }
  }
});

test('formatDeluge: format.json cases in their layout (Zoho\'s by default), idempotent', () => {
  for (const c of data('format.json')) {
    const options = c.layout ? { layout: c.layout } : undefined;
    const once = zck.formatDeluge(c.input, options);
    assert.equal(once.formatted, c.output, c.name);
    assert.equal(zck.formatDeluge(once.formatted, options).changed, false, c.name);
  }
  assert.equal(zck.formatDeluge('if (a) { m.put("k", 1); }').formatted, 'if(a)\n{\n\tm.put("k",1);\n}\n');
  assert.throws(() => zck.formatDeluge('info 1;', { layout: 'tabs' }), (e) => e.name === 'ZckError');
});

test('checkCoql: coql.json cases; buildCoql emits the /coql invokeurl', () => {
  for (const c of data('coql.json')) assert.deepEqual(codes(zck.checkCoql(c.text)), c.codes, c.text);
  const a = zck.buildCoql({ select: ['Last_Name', 'Email'], from: 'Leads', where: "Lead_Source = 'Web'", limit: 200, dataCenter: 'jp', connection: 'zoho_crm' });
  assert.equal(a.query, "select Last_Name, Email from Leads where Lead_Source = 'Web' limit 200");
  assert.ok(a.deluge.includes('url: "https://www.zohoapis.jp/crm/v8/coql"'), a.deluge);
});

test('unknown fields are ZckError objects with a code', () => {
  for (const call of [() => zck.generateInvokeUrl({ uri: 'x' }), () => zck.generateRecordCall({ modul: 'Leads' }), () => zck.buildCoql({ fields: [] })]) {
    assert.throws(call, (e) => e instanceof Error && e.name === 'ZckError' && e.code === 'input.unknown_field');
  }
  assert.throws(() => zck.generateInvokeUrl({ method: 'FETCH' }), (e) => e.name === 'ZckError' && e.code === 'input.invalid_value');
});

test('the 2,000-line corpus file checks in well under a second', () => {
  const text = corpus('large_sync.dg');
  const start = performance.now();
  assert.deepEqual(zck.checkDeluge(text), []);
  assert.ok(performance.now() - start < 1000);
});
