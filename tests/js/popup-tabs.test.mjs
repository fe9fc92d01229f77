// The popup tabs' pure readers and core calls (extension/src/popup/*.ts), run in node without a browser: esbuild
// bundles the modules as the extension build does, and the core they call is the built npm package (the same Wasm
// and API as the extension's). What touches the DOM is covered by the e2e tests of each tab.
import { test, before } from 'node:test';
import assert from 'node:assert/strict';
import { createRequire } from 'node:module';
import { readFileSync } from 'node:fs';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const zck = createRequire(import.meta.url)('../../pkg/node/zoho_connector_kit.js');
const CASES = JSON.parse(readFileSync(join(ROOT, 'crate', 'tests', 'data', 'connections', 'cases.json'), 'utf8'));
const config = (name) => {
  const c = CASES.find((x) => x.name === name);
  assert.ok(c, name);
  return c.config;
};
const EU = config('clean: Zoho CRM as provider, EU');
const HUBSPOT = config('clean: HubSpot (external, EU, space-delimited scopes, other EU callback candidate)');
const EU_WITH_US_TOKEN_URL = config('EU data center, token URL on the US accounts server');

let popup;
before(async () => {
  const { outputFiles } = await build({
    stdin: {
      contents: Object.entries({ mapping: 'mapping-input', follow: 'follow', explain: 'explain', livetest: 'live-test', profiles: 'profiles' })
        .map(([name, file]) => `export * as ${name} from './extension/src/popup/${file}.ts';`).join('\n'),
      resolveDir: ROOT,
      loader: 'ts',
      sourcefile: 'popup-tabs-under-test.ts',
    },
    bundle: true, format: 'esm', platform: 'neutral', target: 'node20', write: false, logLevel: 'silent',
  });
  popup = await import(`data:text/javascript;base64,${Buffer.from(outputFiles[0].text).toString('base64')}`);
});

test('connectionFacts: the data center given or read from the URLs, a valid link name, the provider', () => {
  const { connectionFacts } = popup.follow;
  assert.deepEqual(connectionFacts(zck, EU), { dataCenter: 'eu', dataCenterGiven: true, linkName: 'zoho_crm_eu', provider: 'zoho', serviceName: 'Zoho CRM EU' });
  // Read from the URLs, not given: the Explain tab must not take it for the account's.
  const { dataCenter, ...guessed } = EU;
  assert.deepEqual(connectionFacts(zck, guessed), { dataCenter: 'eu', dataCenterGiven: false, linkName: 'zoho_crm_eu', provider: 'zoho', serviceName: 'Zoho CRM EU' });
  assert.equal(dataCenter, 'eu');
  assert.equal(connectionFacts(zck, HUBSPOT).provider, 'external');
  // A link name Zoho refuses is not passed on (the Connection tab says why).
  assert.equal(connectionFacts(zck, { ...EU, linkName: 'Zoho CRM EU' }).linkName, undefined);
  assert.deepEqual(connectionFacts(zck, {}), { dataCenterGiven: false });
  // A config the core refuses gives no facts, never an exception.
  assert.deepEqual(connectionFacts(zck, { clientID: 'typo' }), { dataCenterGiven: false });
});

test('noteReport: the Connection tab\'s own report gives the other tabs their facts, with no second validation', () => {
  const { connectionFacts, noteReport } = popup.follow;
  let calls = 0;
  const counting = { validateConnection: (c) => { calls++; return zck.validateConnection(c); } };
  for (const c of [EU, HUBSPOT, EU_WITH_US_TOKEN_URL, { ...EU, linkName: 'Zoho CRM EU' }, {}]) {
    const typed = structuredClone(c); // a fresh object, as each change of the form reads one
    noteReport(typed, zck.validateConnection(typed));
    const before = calls;
    const noted = connectionFacts(counting, typed);
    assert.equal(calls, before, 'no validation for a config whose report was noted');
    // The same facts as asking the core afresh.
    assert.deepEqual(noted, connectionFacts(counting, structuredClone(c)), JSON.stringify(c));
  }
  assert.equal(calls, 4, 'the fresh asks validated (all but the empty config, which is not asked)');
});

test('mapping: the Deluge target from the current connection, with the checker passing it', () => {
  const m = popup.mapping;
  const facts = popup.follow.connectionFacts(zck, EU);
  const centers = zck.listDataCenters();
  const target = { dataCenter: facts.dataCenter, connection: m.offeredLinkName(facts) };
  const options = m.delugeOptions(target, centers);
  assert.deepEqual(options, { apiDomain: 'https://www.zohoapis.eu', connection: 'zoho_crm_eu' });
  const mapping = m.fieldMapping('Leads', [{ source: ' last_name ', target: 'Last_Name', transforms: [{ op: 'trim' }] }], { direction: 'toCrm' });
  const out = m.mappingDeluge(zck, mapping, m.crmSchemaInput('Leads', ''), options);
  assert.match(out.deluge, /url: "https:\/\/www\.zohoapis\.eu\/crm\/v8\/Leads"/);
  assert.match(out.deluge, /connection: "zoho_crm_eu"/);
  assert.deepEqual(zck.checkDeluge(out.deluge).filter((d) => d.severity === 'error'), []);
  assert.equal(m.targetNote(facts, target), 'Data center EU from "Zoho CRM EU". Link name zoho_crm_eu from "Zoho CRM EU".');
  // Nothing chosen: the core's defaults, and the note asks for the data center.
  assert.deepEqual(m.delugeOptions({ dataCenter: '', connection: '  ' }, centers), {});
  assert.match(m.targetNote({ dataCenterGiven: false }, { dataCenter: '', connection: '' }), /^Choose the data center your Zoho account is on/);
  // An external service's link name is never offered for a CRM call.
  const hubspot = popup.follow.connectionFacts(zck, HUBSPOT);
  assert.equal(m.offeredLinkName(hubspot), '');
  assert.match(m.targetNote(hubspot, { dataCenter: 'eu', connection: '' }), /"HubSpot" is to an external service/);
  // A link name typed wrong: no Deluge, the core's finding on `connection` (the field beside which it shows).
  const bad = m.mappingDeluge(zck, mapping, m.crmSchemaInput('Leads', ''), m.delugeOptions({ dataCenter: 'eu', connection: 'CRM Sales!' }, centers));
  assert.equal(bad.deluge, undefined);
  assert.deepEqual(bad.diagnostics.map((d) => [d.code, d.path]), [['deluge.generate.bad_connection', 'connection']]);
});

test('mapping: a pasted sample is read as the preview reads it', () => {
  const { sampleRecords } = popup.mapping;
  const customers = [{ first_name: 'Ana', email: 'ana@example.com' }, { first_name: 'Kenji' }];
  assert.deepEqual(sampleRecords(JSON.stringify(customers)), { list: customers, note: null });
  const wrapped = sampleRecords(JSON.stringify({ customers }));
  assert.deepEqual(wrapped.list, customers);
  assert.equal(wrapped.note.code, 'preview.unwrapped');
  assert.deepEqual(sampleRecords('{"first_name": "Ana"}').list, [{ first_name: 'Ana' }]);
  assert.equal(sampleRecords('[{"first_name": "Ana",').note.code, 'preview.syntax');
  assert.equal(sampleRecords('42').note.code, 'preview.shape');
  assert.deepEqual(sampleRecords('   '), { list: null, note: null });
  assert.deepEqual(popup.mapping.leafPaths([{ customer: { email: 'a', address: { city: 'Porto' } }, tags: ['x'] }]),
    ['customer.address.city', 'customer.email', 'tags']);
});

test('mapping: value boxes read back what they show; rows become the core\'s mapping', () => {
  const { parseValue, showValue, readValueMap, fieldMapping, editorOf } = popup.mapping;
  for (const v of ['VIP', 42, '42', true, 'true', null, ['a'], { tier: 1 }, '']) assert.deepEqual(parseValue(showValue(v)), v, JSON.stringify(v));
  assert.deepEqual(readValueMap('web = Online Store\npos = 3\nno equals sign\nvip = "3"'), { web: 'Online Store', pos: 3, vip: '3' });
  assert.deepEqual(fieldMapping('Leads', [{ source: ' email ', target: 'Email', transforms: [] }, { source: '', target: '', transforms: [] }], { direction: 'toCrm', trigger: '' }),
    { module: 'Leads', fields: [{ source: 'email', target: 'Email' }, {}], sync: { direction: 'toCrm' } });
  assert.equal(fieldMapping('', [], {}).module, undefined);
  const builtIns = zck.listModuleSchemas();
  const leads = editorOf({ module: 'leads', fields: [{ source: 'email', target: 'Email', transforms: [{ op: 'trim' }] }] }, builtIns);
  assert.deepEqual([leads.chosen, leads.otherName, leads.rows], ['Leads', '', [{ source: 'email', target: 'Email', transforms: [{ op: 'trim' }] }]]);
  const vendors = editorOf({ module: 'Vendors', fields: [{ target: 'Vendor_Name' }] }, builtIns);
  assert.deepEqual([vendors.chosen, vendors.otherName, vendors.rows[0].source], ['__other__', 'Vendors', '']);
  assert.equal(popup.mapping.tallyText([{ severity: 'error' }, { severity: 'warning' }, { severity: 'info' }], true), '1 error, 1 warning');
  assert.equal(popup.mapping.tallyText([{ severity: 'info' }], true), 'no problems found');
});

test('explain: the data center given in the Connection tab is the account\'s; the config\'s endpoints are its URLs\'', () => {
  const { explainContext, explainInput, contextNote } = popup.explain;
  const facts = popup.follow.connectionFacts(zck, EU_WITH_US_TOKEN_URL);
  const input = explainInput(EU_WITH_US_TOKEN_URL, { body: '{"error":"invalid_client"}', status: '200', request: '', account: facts.dataCenter, redirectUrl: '' });
  assert.equal(input.status, 200);
  assert.equal(input.context.tokenUrl, 'https://accounts.zoho.com/oauth/v2/token');
  assert.equal(input.context.accountDataCenter, 'eu');
  const x = zck.explainError(input);
  assert.equal(x.likelyCauses[0].id, 'wrong_data_center');
  assert.match(x.likelyCauses[0].explanation, /US \(accounts\.zoho\.com\) but the account lives in EU/);
  assert.match(contextNote(EU_WITH_US_TOKEN_URL, facts, 'eu'), /The account's data center \(EU\) is the one given there\.$/);
  assert.equal(explainInput({}, { body: ' ', status: '', request: '', account: '', redirectUrl: '' }), null);
  assert.equal(explainContext({}, { account: '', redirectUrl: '', request: '' }), undefined);
});

test('live test: the input leaves blanks out; one explanation per distinct failure', () => {
  const { readLiveTest, explainFailures } = popup.livetest;
  assert.deepEqual(readLiveTest({ dataCenter: 'eu', apiDomain: '  ', token: '1000.abc' }), { dataCenter: 'eu', accessToken: '1000.abc' });
  assert.deepEqual(readLiveTest({ dataCenter: '', apiDomain: ' https://www.zohoapis.eu ', token: 't' }), { apiDomain: 'https://www.zohoapis.eu', accessToken: 't' });
  const body = JSON.stringify({ code: 'INVALID_TOKEN', details: {}, message: 'invalid oauth token', status: 'error' });
  const call = (name) => ({ name, ok: false, status: 401, errorCode: 'INVALID_TOKEN', errorBody: body, latencyMs: 80, withinTarget: true });
  const explained = explainFailures(zck, { ok: false, calls: [call('currentUser'), call('org'), { ...call('x'), status: undefined }], missingScopes: [], diagnostics: [] });
  assert.deepEqual(explained.map((e) => [e.code, e.likelyCauses[0].id]), [['INVALID_TOKEN', 'token_expired']]);
});

test('profiles: an import keeps its secret only when asked; names come from the file', () => {
  const { importPlan, checkImport, exportName } = popup.profiles;
  const checked = checkImport(zck, JSON.stringify({ ...EU, schemaVersion: 1 }));
  assert.equal(checked.kind, 'connection');
  const plan = importPlan(checked, 'zoho-eu.json', false);
  assert.deepEqual([plan.name, plan.keepSecret, plan.secretDropped, 'schemaVersion' in plan.data], ['Zoho CRM EU', false, true, false]);
  assert.equal(importPlan(checked, 'zoho-eu.json', true).keepSecret, true);
  const mapping = checkImport(zck, JSON.stringify({ module: 'Contacts', fields: [{ source: 'email', target: 'Email' }], schemaVersion: 1 }));
  assert.equal(mapping.kind, 'mapping');
  assert.deepEqual([importPlan(mapping, 'm.json', false).name, importPlan(mapping, 'm.json', false).secretDropped], ['Contacts mapping', false]);
  assert.equal(checkImport(zck, '{"serviceName": ').diagnostics[0].code, 'import.syntax');
  assert.equal(exportName({ kind: 'connection', name: 'Zoho CRM EU', data: { linkName: 'zoho_crm_eu' } }), 'zoho_crm_eu');
  assert.equal(exportName({ kind: 'mapping', name: 'x', data: { module: 'Contacts' } }), 'mapping-Contacts');
});
