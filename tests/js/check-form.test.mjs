// The overlay's form check (extension/src/check-form.ts), the one function the service worker and, where the page
// allows Wasm, the content script run: bundled as the extension build does, called with the built npm package
// (the same Wasm and API as the extension's).
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
const SOURCES = new Map(JSON.parse(readFileSync(join(ROOT, 'crate', 'data', 'sources.json'), 'utf8')).map((s) => [s.id, s]));
const sourceOf = (id) => SOURCES.get(id);
const config = (name) => structuredClone(CASES.find((x) => x.name === name).config);

let checkForm;
before(async () => {
  const { outputFiles } = await build({
    entryPoints: [join(ROOT, 'extension', 'src', 'check-form.ts')],
    bundle: true, format: 'esm', platform: 'neutral', target: 'node20', write: false, logLevel: 'silent',
  });
  ({ checkForm } = await import(`data:text/javascript;base64,${Buffer.from(outputFiles[0].text).toString('base64')}`));
});

test('a form on crm.zoho.eu without a data center: the page host gives EU, and a US token URL is the error', () => {
  const c = config('EU data center, token URL on the US accounts server');
  delete c.dataCenter;
  const reply = checkForm(zck, { type: 'zck:check-form', config: c, pageHost: 'crm.zoho.eu' }, sourceOf);
  assert.equal(reply.ok, true);
  assert.equal(reply.detection.dataCenter, 'eu');
  const mismatch = reply.report.diagnostics.find((d) => d.path === 'tokenUrl');
  assert.equal(mismatch?.code, 'connection.zoho_dc_mismatch', JSON.stringify(reply.report.diagnostics));
  // The right value for EU is offered for the token URL.
  const fix = reply.assist.suggestions.find((s) => s.field === 'tokenUrl');
  assert.match(fix.value, /^https:\/\/accounts\.zoho\.eu\//);
  // Every registry page the findings cite comes along, so the panel can link it.
  const cited = reply.report.diagnostics.map((d) => d.source).filter((s) => SOURCES.has(s));
  assert.ok(cited.length > 0);
  assert.deepEqual(Object.keys(reply.sources).sort(), [...new Set(cited)].sort());
  assert.ok(reply.checkMs >= 0);
});

test('the data center the form names wins over the page host; an unknown host names none', () => {
  const c = config('EU data center, token URL on the US accounts server');
  const onUs = checkForm(zck, { type: 'zck:check-form', config: c, pageHost: 'crm.zoho.com' }, sourceOf);
  assert.equal(onUs.report.diagnostics.find((d) => d.path === 'tokenUrl')?.code, 'connection.zoho_dc_mismatch');
  delete c.dataCenter;
  const nowhere = checkForm(zck, { type: 'zck:check-form', config: c, pageHost: 'example.test' }, sourceOf);
  assert.equal(nowhere.detection.dataCenter ?? null, null);
  assert.ok(!nowhere.report.diagnostics.some((d) => d.code === 'connection.zoho_dc_mismatch' && d.path === 'tokenUrl'),
    'with no data center known, the US token URL is not called the wrong one');
});

test('typing in Client ID or Client Secret reuses the last assist; any other field asks the core again, and the answers equal a fresh check', () => {
  let calls = 0;
  const counted = { ...zck, assistConnection: (c) => { calls++; return zck.assistConnection(c); } };
  const c = config('EU data center, token URL on the US accounts server');
  const check = (over) => checkForm(counted, { type: 'zck:check-form', config: { ...c, ...over }, pageHost: 'crm.zoho.eu' }, sourceOf);
  const first = check({ clientId: '1000.A' });
  const before = calls;
  const typed = ['1000.AB', '1000.ABC'].map((clientId) => check({ clientId }));
  check({ clientId: '1000.ABC', clientSecret: 'secret-typed' });
  assert.equal(calls, before, 'no assist asked for keystrokes in Client ID / Client Secret');
  for (const r of [first, ...typed]) assert.deepEqual(r.assist, zck.assistConnection({ ...c, clientId: 'anything' }));
  // A keystroke in the token URL changes what assist says (the suggestion now matches): asked again.
  const fixed = check({ clientId: '1000.ABC', tokenUrl: 'https://accounts.zoho.eu/oauth/v2/token' });
  assert.equal(calls, before + 1);
  assert.equal(fixed.assist.suggestions.find((s) => s.field === 'tokenUrl')?.matches, true);
  assert.equal(first.assist.suggestions.find((s) => s.field === 'tokenUrl')?.matches, false);
});
