// Field mapping and webhooks through the built npm package, on the same data files as the Rust tests
// (crate/tests/data/mapping/*.json).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createRequire } from 'node:module';
import { readFileSync } from 'node:fs';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const zck = createRequire(import.meta.url)('../../pkg/node/zoho_connector_kit.js');
const data = (name) => JSON.parse(readFileSync(join(ROOT, 'crate', 'tests', 'data', 'mapping', name), 'utf8'));
const LEADS_REPLY = data('leads_fields_reply.json');
const SOURCES = data('source_schemas.json');
const crm = (c) => (c.reply === 'leads_fields_reply' ? { ...c, reply: LEADS_REPLY } : c);
const sorted = (xs) => [...xs].sort();

test('validateMapping: every case of validate.json', () => {
  const cases = data('validate.json');
  assert.ok(cases.length >= 12);
  for (const c of cases) {
    const found = zck.validateMapping(c.mapping, crm(c.crm), c.source ? SOURCES[c.source] : undefined);
    assert.deepEqual(sorted(found.map((d) => d.code)), sorted(c.codes), c.name);
    for (const [code, text] of Object.entries(c.messages ?? {})) {
      assert.ok(found.some((d) => d.code === code && d.message.includes(text)), `${c.name}: ${code} ~ ${text}`);
    }
    for (const [code, text] of Object.entries(c.fixes ?? {})) {
      assert.ok(found.some((d) => d.code === code && d.fix.includes(text)), `${c.name}: fix ${code} ~ ${text}`);
    }
    for (const d of found) assert.ok(d.fix.length > 0, `${c.name}: ${d.code} has no fix`);
  }
});

test('applyMapping: every case of apply.json', () => {
  for (const c of data('apply.json')) {
    const records = c.repeat ? Array.from({ length: c.repeat }, () => c.records[0]) : c.records;
    const p = zck.applyMapping(c.mapping, records, crm(c.crm));
    if (c.sent) assert.deepEqual(p.sent, c.sent, c.name);
    if (c.skipped) assert.deepEqual(p.skipped, c.skipped, c.name);
    const got = p.findings.map((f) => [f.record, f.field, f.code]).map(JSON.stringify).sort();
    assert.deepEqual(got, c.findings.map(JSON.stringify).sort(), c.name);
    assert.deepEqual(p.mappingFindings.map((d) => d.code), c.mappingFindings ?? [], c.name);
    const sizes = p.batches.map((b) => b.data.length);
    if (c.batchSizes) assert.deepEqual(sizes, c.batchSizes, c.name);
    assert.ok(sizes.every((s) => s <= 100), c.name);
    const sent = p.batches.flatMap((b) => b.data);
    (c.payloads ?? []).forEach((expected, i) => assert.deepEqual(sent[i], expected, `${c.name}: payload ${i}`));
  }
});

test('applyMappingJson: JSON text in, the same answer as applyMapping as JSON text out', () => {
  for (const c of data('apply.json')) {
    const records = c.repeat ? Array.from({ length: c.repeat }, () => c.records[0]) : c.records;
    const text = zck.applyMappingJson(c.mapping, JSON.stringify(records), crm(c.crm));
    assert.equal(typeof text, 'string');
    assert.equal(text, JSON.stringify(zck.applyMapping(c.mapping, records, crm(c.crm))), c.name);
  }
  assert.throws(() => zck.applyMappingJson({ module: 'Leads', fields: [] }, '[{"a": 1},'),
    (e) => e.name === 'ZckError' && e.code === 'input.syntax');
});

test('suggestTargets: a pasted sample record gives CRM fields by name and type', () => {
  const sample = { last_name: 'Ito', Email: 'ito@example.com', accepts_marketing: true, interests: 'Shoes, Bags', address: { phone: '+1 555' } };
  const found = zck.suggestTargets(sample, crm({ module: 'Leads', reply: 'leads_fields_reply' }));
  const by = Object.fromEntries(found.map((s) => [s.source, s]));
  assert.equal(by.last_name.target, 'Last_Name');
  assert.equal(by.Email.target, 'Email');
  assert.deepEqual([by.interests.target, by.interests.transform], ['Interests', 'split']);
  assert.equal(by['address.phone'].target, 'Phone');
  assert.throws(() => zck.suggestTargets(sample, { module: 'Notes' }), (e) => e.code === 'schema.no_built_in');
});

test('applyMapping defaults to the built-in schema of the mapping module', () => {
  const p = zck.applyMapping({ module: 'Accounts', fields: [{ source: 'org', target: 'Account_Name' }] }, [{ org: 'Acme' }, {}]);
  assert.deepEqual(p.batches, [{ data: [{ Account_Name: 'Acme' }] }]);
  assert.deepEqual(p.findings.map((f) => f.code), ['apply.mandatory_missing']);
});

test('generateMappingDeluge: a checked function body for every mapping, or an error naming what Deluge cannot do', () => {
  const fields = (c) => new Set(zck.resolveCrmSchema(crm(c.crm)).schema.fields.map((f) => f.apiName));
  let refused = 0;
  for (const c of [...data('validate.json'), ...data('apply.json')]) {
    const out = zck.generateMappingDeluge(c.mapping, { crmSchema: crm(c.crm), apiDomain: 'https://www.zohoapis.in', connection: 'crm_in' });
    const known = fields(c);
    const untranslatable = (c.mapping.fields ?? []).some((m) => (m.target && !known.has(m.target.trim()))
      || (m.transforms ?? []).some((t) => t.op === 'parseDatetime' || t.op === 'formatNumber' || (t.op === 'case' && t.to === 'title')));
    if (untranslatable) {
      assert.equal(out.deluge, undefined, c.name);
      assert.ok(out.diagnostics.some((d) => d.severity === 'error' && ['mapping.unknown_field', 'mapping.deluge_untranslatable'].includes(d.code)), c.name);
      refused += 1;
      continue;
    }
    assert.ok(out.deluge, `${c.name}: ${JSON.stringify(out.diagnostics)}`);
    assert.deepEqual(zck.checkDeluge(out.deluge), [], c.name);
    assert.match(out.deluge, /connection: "crm_in"/);
  }
  assert.ok(refused >= 3, `${refused} refused`);
});

test('validateWebhook: every case of webhook.json', () => {
  for (const c of data('webhook.json')) {
    const r = zck.validateWebhook(c.input);
    assert.deepEqual(sorted(r.diagnostics.map((d) => d.code)), sorted(c.codes), c.name);
    if (c.webhook) assert.deepEqual(r.webhook, c.webhook, c.name);
    for (const part of c.delugeContains ?? []) assert.ok(r.deluge.includes(part), `${c.name}: ${part}`);
    if (c.notContains) assert.ok(!JSON.stringify(r).includes(c.notContains), `${c.name}: secret leaked`);
    for (const [code, text] of Object.entries(c.sources ?? {})) {
      assert.ok(r.diagnostics.some((d) => d.code === code && (d.source ?? '').includes(text)), `${c.name}: source of ${code}`);
    }
  }
});

test('module schemas: four built-in, every field sourced', () => {
  const all = zck.listModuleSchemas();
  assert.deepEqual(all.map((s) => s.module), ['Leads', 'Contacts', 'Accounts', 'Deals']);
  for (const s of all) for (const f of s.fields) assert.ok(f.source.length > 10, `${s.module}.${f.apiName}`);
  assert.equal(zck.builtInSchema('deals').fields.find((f) => f.apiName === 'Stage').dataType, 'picklist');
});

test('bad input throws ZckError with a code', () => {
  const cases = [
    () => zck.validateMapping({ module: 'Leads', feilds: [] }, { module: 'Leads' }),
    () => zck.validateMapping({ module: 'Leads' }, { module: 'Invoices' }),
    () => zck.applyMapping({ fields: [] }, []),
    () => zck.applyMapping({ module: 'Leads' }, { not: 'an array' }),
    () => zck.validateWebhook({ name: 'x', secret: 'y' }),
    () => zck.builtInSchema('Notes'),
    () => zck.generateMappingDeluge({ module: 'Leads' }, { connexion: 'x' }),
  ];
  const codes = cases.map((f) => {
    try {
      f();
    } catch (e) {
      assert.ok(e instanceof Error);
      assert.equal(e.name, 'ZckError');
      return e.code;
    }
    return 'no error';
  });
  assert.deepEqual(codes, ['input.unknown_field', 'schema.no_built_in', 'schema.missing_module', 'input.invalid_type',
    'input.unknown_field', 'schema.no_built_in', 'input.unknown_field']);
});

test('resolveCrmSchema: the fields of a pasted GET /settings/fields reply, for a UI to list', () => {
  const pasted = zck.resolveCrmSchema({ module: 'Leads', reply: LEADS_REPLY });
  assert.equal(pasted.schema.builtIn, false);
  const interests = pasted.schema.fields.find((f) => f.apiName === 'Interests');
  assert.equal(interests.dataType, 'multiselectpicklist');
  assert.deepEqual(interests.pickListValues, ['Shoes', 'Bags', 'Accessories']);
  assert.equal(pasted.schema.fields.find((f) => f.apiName === 'Lead_No').readOnly, true);
  assert.ok(Array.isArray(pasted.diagnostics));
  const builtIn = zck.resolveCrmSchema({ module: 'Deals' });
  assert.deepEqual(builtIn, { schema: zck.builtInSchema('Deals'), diagnostics: [] });
  assert.throws(() => zck.resolveCrmSchema({ module: 'Notes' }), (e) => e.name === 'ZckError' && e.code === 'schema.no_built_in');
  const wrong = zck.resolveCrmSchema({ module: 'Leads', reply: { nope: [] } });
  assert.deepEqual(wrong.schema.fields, []);
  assert.deepEqual(wrong.diagnostics.map((d) => [d.code, d.severity]), [['schema.not_a_fields_reply', 'error']]);
});
