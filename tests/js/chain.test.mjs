// Tier 3: the built npm package, on the same data files as the Rust tests, and agreement with the zck CLI.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createRequire } from 'node:module';
import { readFileSync, existsSync } from 'node:fs';
import { execFileSync, spawnSync } from 'node:child_process';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const require = createRequire(import.meta.url);
const zck = require(join(ROOT, 'pkg', 'node', 'zoho_connector_kit.js'));
const data = (name) => JSON.parse(readFileSync(join(ROOT, 'crate', 'tests', 'data', name), 'utf8'));
const ZCK = join(ROOT, 'target', 'release', 'zck');

test('the package.json entry points resolve to the built files', () => {
  const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8'));
  for (const file of pkg.files) assert.ok(existsSync(join(ROOT, file)), `${file} is listed in "files" but was not built`);
  const viaName = require('zoho-connector-kit');
  assert.equal(viaName.version(), zck.version());
});

test('npm pack ships the built package, both license texts and the README, and nothing else', () => {
  const [packed] = JSON.parse(execFileSync('npm', ['pack', '--dry-run', '--json', '--ignore-scripts'], { cwd: ROOT, encoding: 'utf8' }));
  const names = packed.files.map((f) => f.path).sort();
  for (const want of ['LICENSE-MIT', 'LICENSE-APACHE', 'README.md', 'package.json', 'pkg/node/zoho_connector_kit_bg.wasm', 'pkg/web/zoho_connector_kit.d.ts']) {
    assert.ok(names.includes(want), `${want} is not in the npm package: ${names.join(', ')}`);
  }
  assert.deepEqual(names.filter((n) => !/^(pkg\/(node|web)\/|pkg\/(sources|form-schema|deluge-builtins)\.json$|LICENSE-|README\.md$|package\.json$)/.test(n)), [], 'only the package, licenses and README');
});

test('the form schema with the connection part and the localized captions ships beside the module: zoho-connector-kit/form-schema.json', () => {
  const schema = require('zoho-connector-kit/form-schema.json');
  assert.deepEqual(schema.fields, zck.connectionFormSchema().fields);
  assert.ok(schema.pageFields.some((f) => f.key === 'connectionLinkName'));
});

test('the source registry ships beside the module: zoho-connector-kit/sources.json', () => {
  const sources = require('zoho-connector-kit/sources.json');
  assert.ok(sources.length > 100, `${sources.length} entries`);
  const ids = new Set(sources.map((s) => s.id));
  assert.equal(ids.size, sources.length, 'ids are unique');
  for (const s of sources) {
    assert.match(s.id, /^[a-z0-9]+(-[a-z0-9]+)*$/);
    assert.ok(['official', 'sdk', 'third-party'].includes(s.kind), s.id);
    if (s.url !== undefined) assert.match(s.url, /^https:\/\/[^/\s]+/, s.id);
  }
});

test('the Deluge built-in descriptions ship beside the module and agree with the Wasm\'s argument counts', () => {
  const builtins = require('zoho-connector-kit/deluge-builtins.json');
  const update = builtins.find((b) => b.name === 'zoho.crm.updateRecord');
  assert.deepEqual([update.kind, update.min, update.max], ['task', 3, 5]);
  assert.match(update.description, /^Updates the fields of one Zoho CRM record/);
  // The Wasm flags one argument too few and too many, and accepts the range's ends.
  const call = (n) => `r = zoho.crm.updateRecord(${Array.from({ length: n }, (_, i) => `a${i}`).join(',')});`;
  for (const n of [update.min - 1, update.max + 1]) assert.deepEqual(zck.checkDeluge(call(n)).map((d) => d.code), ['deluge.task.argument_count'], `${n}`);
  for (const n of [update.min, update.max]) assert.deepEqual(zck.checkDeluge(call(n)), [], `${n}`);
  assert.deepEqual(zck.delugeBuiltinsUsed('m = Map();\nm.put("a",1);\nx = zoho.crm.getRecords("Leads");'), ['zoho.crm.getRecords', 'put']);
});

test('listDataCenters: eight SDK data centers plus UK and AE, every host sourced', () => {
  const all = zck.listDataCenters();
  assert.deepEqual(all.map((d) => d.id), ['us', 'eu', 'in', 'au', 'cn', 'jp', 'ca', 'sa', 'uk', 'ae']);
  assert.deepEqual(all.filter((d) => !d.inCrmSdks).map((d) => d.id), ['uk', 'ae']);
  for (const dc of all) {
    for (const fact of [dc.accountsServer, dc.apiDomain, dc.crmWebHost, ...dc.delugeCallbacks].filter(Boolean)) {
      assert.match(fact.value, /^https:\/\//);
      assert.ok(fact.source.length > 10, `${dc.id} ${fact.value} has no source`);
    }
  }
  const eu = all.find((d) => d.id === 'eu');
  assert.equal(eu.callbackStatus, 'conflicting');
  assert.equal(eu.delugeCallbacks.length, 2);
});

test('detectDataCenter: every case of detect.json', () => {
  for (const c of data('detect.json')) {
    const d = zck.detectDataCenter(c.input);
    assert.equal(d.dataCenter, c.dataCenter, c.input);
    if (c.role) assert.equal(d.role, c.role, c.input);
    if (c.environment) assert.equal(d.environment, c.environment, c.input);
    if (c.matched) assert.equal(d.matched, c.matched, c.input);
    assert.deepEqual(d.diagnostics.map((x) => x.code), c.codes, c.input);
    if (c.fixContains) assert.ok(d.diagnostics.some((x) => x.fix.includes(c.fixContains)), c.input);
    for (const x of d.diagnostics) {
      assert.ok(['error', 'warning', 'info'].includes(x.severity));
      assert.ok(x.message.endsWith('.') && x.fix.length > 0, `${x.code} needs a sentence and a fix`);
    }
  }
});

test('buildAuthorizationUrl: every case of auth.json', () => {
  for (const c of data('auth.json')) {
    const r = zck.buildAuthorizationUrl(c.input);
    assert.equal(r.url ?? null, c.url, c.name);
    assert.deepEqual(r.diagnostics.map((x) => x.code).sort(), [...c.codes].sort(), c.name);
  }
});

test('buildAuthorizationUrl: unknown and mistyped fields throw a ZckError naming the field', () => {
  const cases = [
    [{ dataCenter: 'eu', clientID: 'x' }, 'input.unknown_field', 'clientID'],
    [{ scopes: 42 }, 'input.invalid_type', 'scopes'],
    [{ accessType: 'forever' }, 'input.invalid_value', 'accessType'],
  ];
  for (const [input, code, path] of cases) {
    assert.throws(() => zck.buildAuthorizationUrl(input), (e) => {
      assert.ok(e instanceof Error);
      assert.equal(e.name, 'ZckError');
      assert.equal(e.code, code);
      assert.equal(e.path, path);
      assert.equal(e.diagnostics[0].code, code);
      assert.match(e.message, new RegExp(path));
      return true;
    });
  }
  assert.throws(() => zck.buildAuthorizationUrl('not an object'), { name: 'ZckError', code: 'input.invalid_type' });
  assert.throws(() => zck.buildAuthorizationUrl(undefined), { name: 'ZckError' });
});

test('a random state is 32 hex digits from the CSPRNG and differs per call', () => {
  const input = { dataCenter: 'us', clientId: '1000.GMB0YULZHJK411248S8I5GZ4CHUEX0', scopes: 'ZohoCRM.modules.ALL', redirectUri: 'https://x.example/cb' };
  const a = zck.buildAuthorizationUrl(input);
  const b = zck.buildAuthorizationUrl(input);
  assert.match(a.state, /^[0-9a-f]{32}$/);
  assert.notEqual(a.state, b.state);
  assert.equal(new URL(a.url).searchParams.get('state'), a.state);
});

test('the CLI and the npm API give the same answers on the same inputs', { skip: !existsSync(ZCK) && 'zck not built' }, () => {
  for (const c of data('detect.json').filter((x) => x.input.trim())) {
    const r = spawnSync(ZCK, ['dc', 'detect', c.input, '--format', 'json'], { encoding: 'utf8' });
    assert.deepEqual(JSON.parse(r.stdout), zck.detectDataCenter(c.input), c.input);
    const hasError = zck.detectDataCenter(c.input).diagnostics.some((d) => d.severity === 'error') || c.dataCenter === null;
    assert.equal(r.status, hasError ? 1 : 0, c.input);
  }
  for (const c of data('auth.json').filter((x) => x.input.state)) {
    const r = spawnSync(ZCK, ['auth-url', '-', '--format', 'json'], { input: JSON.stringify(c.input), encoding: 'utf8' });
    assert.deepEqual(JSON.parse(r.stdout), zck.buildAuthorizationUrl(c.input), c.name);
    assert.equal(r.status, c.url ? 0 : 1, c.name);
  }
  assert.deepEqual(JSON.parse(execFileSync(ZCK, ['dc', '--format', 'json'], { encoding: 'utf8' })), zck.listDataCenters());
});
