// validateConnection through the npm package, on the same data file as crate/tests/connection.rs and the CLI
// test; where the zck binary is built, the CLI's JSON answer must equal the npm answer for every case.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createRequire } from 'node:module';
import { readFileSync, existsSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { dirname, join } from 'node:path';

const require = createRequire(import.meta.url);
const zck = require('../../pkg/node/zoho_connector_kit.js');
const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const cases = JSON.parse(readFileSync(join(root, 'crate/tests/data/connections/cases.json'), 'utf8'));

const key = (d) => `${d.code}@${d.path}`;
/** The secret fields, as the core's form schema marks them. */
const SECRETS = zck.connectionFormSchema().fields.filter((f) => f.secret).map((f) => f.key);

test('the data file has at least 60 configs', () => {
  assert.ok(cases.length >= 60, `${cases.length} cases`);
});

for (const c of cases) {
  test(`validateConnection: ${c.name}`, () => {
    if (c.expect.inputError) {
      assert.throws(() => zck.validateConnection(c.config), (e) => {
        assert.ok(e instanceof Error);
        assert.equal(e.name, 'ZckError');
        assert.equal(`${e.code}@${e.path}`, c.expect.inputError);
        return true;
      });
      return;
    }
    const report = zck.validateConnection(c.config);
    const findings = report.diagnostics.filter((d) => d.severity !== 'info').map(key).sort();
    assert.deepEqual(findings, [...c.expect.findings].sort());
    const infos = report.diagnostics.filter((d) => d.severity === 'info').map(key);
    for (const info of c.expect.infos) assert.ok(infos.includes(info), `missing note ${info}: ${infos}`);
    if (c.expect.providerKind) assert.equal(report.summary.provider.kind, c.expect.providerKind);
    if ('dataCenter' in c.expect) assert.equal(report.summary.dataCenter ?? null, c.expect.dataCenter);
    if (c.expect.clean) assert.ok(report.diagnostics.every((d) => d.severity === 'info'));
    if (c.expect.tryUrl) assert.match(report.summary.tryUrl, /^https:\/\//);
    if (c.expect.linkName) assert.equal(report.summary.linkName, c.expect.linkName);
    if (c.expect.messageContains) {
      assert.ok(report.diagnostics.some((d) => d.message.includes(c.expect.messageContains) || d.fix.includes(c.expect.messageContains)));
    }
    const text = JSON.stringify(report);
    for (const field of SECRETS) {
      const v = typeof c.config[field] === 'string' ? c.config[field].trim() : '';
      const alsoPublic = Object.entries(c.config).some(([k, x]) => k !== field && typeof x === 'string' && x.includes(v));
      if (v.length >= 3 && !alsoPublic) assert.ok(!text.includes(v), `${field} leaked`);
    }
  });
}

test('CLI and npm API agree on every data file case', (t) => {
  const bin = ['target/debug/zck', 'target/release/zck'].map((p) => join(root, p)).find(existsSync);
  if (!bin) {
    t.skip('zck is not built (cargo build --features cli)');
    return;
  }
  for (const c of cases) {
    const run = spawnSync(bin, ['validate', '-', '--format', 'json'], { input: JSON.stringify(c.config), encoding: 'utf8' });
    const cli = JSON.parse(run.stdout);
    if (c.expect.inputError) {
      assert.equal(run.status, 2, c.name);
      let code;
      try { zck.validateConnection(c.config); } catch (e) { code = `${e.code}@${e.path}`; }
      assert.equal(`${cli.diagnostics[0].code}@${cli.diagnostics[0].path}`, code, c.name);
      continue;
    }
    const npm = zck.validateConnection(c.config);
    assert.deepEqual(cli, npm, c.name);
    assert.equal(run.status, npm.summary.counts.errors > 0 ? 1 : 0, c.name);
  }
});

test('unknown field throws a ZckError naming it', () => {
  assert.throws(() => zck.validateConnection({ serviceName: 'X', redirectURL: 'https://x' }), (e) => {
    assert.equal(e.name, 'ZckError');
    assert.equal(e.code, 'input.unknown_field');
    assert.equal(e.path, 'redirectURL');
    assert.ok(Array.isArray(e.diagnostics));
    return true;
  });
});

test('connectionFormSchema: every config field once, with Zoho labels, values and secrets', () => {
  const { fields } = zck.connectionFormSchema();
  const keys = fields.map((f) => f.key);
  assert.equal(new Set(keys).size, keys.length);
  assert.deepEqual(SECRETS, ['clientSecret', 'password']);
  // Every key is a field validateConnection reads: an unknown key would throw input.unknown_field.
  for (const k of keys) zck.validateConnection({ [k]: k === 'scopes' ? [] : k === 'schemaVersion' ? 1 : '' });
  const byKey = Object.fromEntries(fields.map((f) => [f.key, f]));
  assert.equal(byKey.linkName.labels[0].text, 'Service Link Name');
  assert.equal(byKey.scopes.group, 'connection');
  assert.deepEqual(byKey.keyName.authTypes, ['apiKey']);
  assert.deepEqual(byKey.authType.choices.map((c) => c.value), ['oauth2', 'apiKey', 'basic', 'oauth1']);
  for (const f of fields) for (const l of [...f.labels, ...f.choices.flatMap((c) => c.zoho)]) assert.ok(l.source, `${f.key}: ${l.text}`);
  assert.deepEqual(byKey.dataCenter.choices.map((c) => c.value), zck.listDataCenters().map((d) => d.id));
});
