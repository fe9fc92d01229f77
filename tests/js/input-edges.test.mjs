// Issue 12 through the npm API: the live test's target check (no request is made for a refused API domain),
// token responses that name another host, secrets given as the wrong kind of value, a byte order mark, and inputs
// too large to read.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createRequire } from 'node:module';
import { readFileSync } from 'node:fs';

const zck = createRequire(import.meta.url)('../../pkg/node/zoho_connector_kit.js');
const attacks = JSON.parse(readFileSync(new URL('../../crate/tests/data/connection-test/api-domain-attacks.json', import.meta.url), 'utf8'));
const MiB = 1024 * 1024;

test('testConnection refuses every refused row of the attack table before any request', async () => {
  // Only refused rows: an accepted one would call the real Zoho (the e2e tier serves a mock Zoho for those).
  const refused = attacks.filter((c) => c.expect.startsWith('refused:'));
  assert.ok(refused.length >= 40);
  const realFetch = globalThis.fetch;
  const sent = [];
  globalThis.fetch = async (...args) => { sent.push(String(args[0]?.url ?? args[0])); throw new Error('no network in tests'); };
  try {
    for (const c of refused) {
      const r = await zck.testConnection({ apiDomain: c.input, accessToken: '1000.secret.token' });
      assert.equal(r.ok, false, c.what);
      assert.deepEqual(r.calls, [], c.what);
      assert.deepEqual(r.diagnostics.map((d) => d.code), [c.expect.slice('refused:'.length)], c.what);
      assert.equal(r.diagnostics[0].path, 'apiDomain');
    }
  } finally {
    globalThis.fetch = realFetch;
  }
  assert.deepEqual(sent, []);
});

test('parseTokenResponse flags an api_domain that is not a Zoho API host', () => {
  const r = zck.parseTokenResponse({ body: { access_token: '1000.a.b', api_domain: 'https://www.zohoapis.eu\t@evil.example', expires_in: 3600 }, issuedAt: 1700000000000 });
  assert.deepEqual(r.diagnostics.map((d) => d.code), ['token.api_domain_invalid_character']);
  assert.equal(r.diagnostics[0].path, 'body.api_domain');
  const ok = zck.parseTokenResponse({ body: { access_token: '1000.a.b', api_domain: 'https://www.zohoapis.eu', expires_in: 3600 }, issuedAt: 1700000000000 });
  assert.deepEqual(ok.diagnostics.map((d) => d.code), []);
});

test('a secret given as a number is refused without being quoted', () => {
  for (const [fn, input] of [
    ['validateConnection', { clientSecret: 12345678 }],
    ['validateConnection', { authType: 'basic', password: 12345678 }],
    ['buildTokenRequests', { refreshToken: 12345678 }],
    ['validateWebhook', { customParameters: [{ name: 'token', value: 12345678 }] }],
  ]) {
    assert.throws(() => zck[fn](input), (e) => {
      assert.equal(e.name, 'ZckError');
      assert.equal(e.code, 'input.invalid_type');
      assert.ok(!JSON.stringify({ m: e.message, d: e.diagnostics }).includes('12345678'), `${fn}: ${e.message}`);
      return true;
    });
  }
});

test('Deluge and COQL text with a byte order mark read as without it', () => {
  const text = 'x = 1;\ninfo x;\n';
  assert.deepEqual(zck.checkDeluge(`\uFEFF${text}`), zck.checkDeluge(text));
  assert.equal(zck.formatDeluge(`\uFEFF${text}`).formatted, zck.formatDeluge(text).formatted);
  const coql = 'select Last_Name from Leads where Email is null limit 10';
  assert.deepEqual(zck.checkCoql(`\uFEFF${coql}`), zck.checkCoql(coql));
});

test('Deluge over 5 MiB and JSON over 20 MiB are refused with input.too_large', () => {
  assert.throws(() => zck.checkDeluge(' '.repeat(5 * MiB + 1)), { name: 'ZckError', code: 'input.too_large' });
  assert.throws(() => zck.formatDeluge(' '.repeat(5 * MiB + 1)), { name: 'ZckError', code: 'input.too_large' });
  assert.doesNotThrow(() => zck.checkDeluge(' '.repeat(5 * MiB)));
  assert.throws(() => zck.validateConnection({ serviceName: 'x'.repeat(20 * MiB) }), { name: 'ZckError', code: 'input.too_large' });
  assert.throws(() => zck.applyMapping({ module: 'Leads', fields: [] }, [{ a: 'x'.repeat(20 * MiB) }]), { name: 'ZckError', code: 'input.too_large' });
});
