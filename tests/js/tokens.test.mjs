// Token requests, responses, limits, throttling and store through the npm API, over the same data files as the
// Rust tests (crate/tests/data/token/).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createRequire } from 'node:module';
import { readFileSync } from 'node:fs';

const zck = createRequire(import.meta.url)('../../pkg/node/zoho_connector_kit.js');
// The source registry the package ships beside the module: id → { title, url, kind }.
const REGISTRY = new Map(createRequire(import.meta.url)('zoho-connector-kit/sources.json').map((s) => [s.id, s]));
const describeSource = (id) => REGISTRY.get(id);
const data = (name) => JSON.parse(readFileSync(new URL(`../../crate/tests/data/token/${name}`, import.meta.url), 'utf8'));
const sorted = (a) => [...a].sort();

for (const c of data('requests.json')) {
  test(`buildTokenRequests: ${c.name}`, () => {
    const r = zck.buildTokenRequests(c.input);
    for (const kind of ['exchange', 'refresh', 'revoke']) {
      const want = c[kind];
      if (!want) continue;
      const got = r[kind];
      assert.equal(got.url, want.url);
      assert.equal(got.method, 'POST');
      if (want.body) assert.equal(got.body, want.body);
      assert.deepEqual(got.missing, want.missing);
      assert.ok(got.curl.startsWith(`curl -X POST '${want.url}'`));
      assert.ok(got.deluge.includes(`url: "${want.url}"`));
    }
    assert.deepEqual(sorted(r.diagnostics.map((d) => d.code)), sorted(c.codes));
    const text = JSON.stringify(r);
    for (const kind of c.absent ?? []) assert.equal(r[kind], undefined, `a ${kind} request was built`);
    for (const s of c.forbidden ?? []) assert.ok(!text.includes(s), `the output names ${s}`);
    for (const s of c.secrets) assert.ok(!text.includes(s), 'a secret leaked');
  });
}

test('curl masks client_secret and refresh_token unless reveal', () => {
  const input = { dataCenter: 'us', clientId: '1000.GMB0YULZHJK411248S8I5GZ4CHUEX0', clientSecret: 'abc123secret', refreshToken: '1000.rt.rt' };
  const masked = zck.buildTokenRequests(input).refresh.curl;
  assert.ok(masked.includes("'client_secret=[redacted]'") && masked.includes("'refresh_token=[redacted]'"));
  assert.ok(!masked.includes('abc123secret') && !masked.includes('1000.rt.rt'));
  const shown = zck.buildTokenRequests({ ...input, reveal: true }).refresh.curl;
  assert.ok(shown.includes("'client_secret=abc123secret'") && shown.includes("'refresh_token=1000.rt.rt'"));
});

for (const c of data('responses.json')) {
  test(`parseTokenResponse: ${c.name}`, () => {
    const r = zck.parseTokenResponse(c.input);
    assert.equal(r.ok, c.ok);
    if (c.expiresInMs !== undefined) assert.equal(r.expiresInMs, c.expiresInMs);
    if (c.unit) assert.equal(r.expiresInUnit, c.unit);
    if (c.expiresAt !== undefined) {
      assert.equal(r.expiresAt, c.expiresAt);
      assert.equal(r.refreshAt, c.refreshAt);
    }
    if (c.apiDomain) assert.equal(r.apiDomain, c.apiDomain);
    if (c.header) assert.equal(r.authorizationHeader.value, c.header);
    if (c.errorCode) {
      assert.equal(r.error.code, c.errorCode);
      assert.equal(r.error.likelyCauses[0].id, c.firstCause);
    }
    assert.deepEqual(sorted(r.diagnostics.map((d) => d.code)), sorted(c.codes));
    const text = JSON.stringify(r);
    for (const s of c.secrets) assert.ok(!text.includes(s), 'a token leaked');
  });
}

for (const c of data('throttle.json')) {
  test(`checkThrottle: ${c.name}`, () => {
    const a = zck.checkThrottle(c.input);
    assert.equal(a.throttled, c.throttled);
    assert.equal(a.counted, c.counted);
    assert.equal(a.passesAt, c.passesAt);
    assert.equal(a.evictsOldest, c.evictsOldest ?? false);
    assert.deepEqual(a.diagnostics.map((d) => d.code), c.codes ?? []);
  });
}

test('tokenLimits shows 10, 15 and 30 with sources', () => {
  const active = zck.tokenLimits().find((l) => l.id === 'activeAccessTokensPerRefreshToken');
  assert.deepEqual(active.values.map((v) => v.value), ['10', '15', '30']);
  assert.equal(active.sourcesAgree, false);
  // Each value cites a registry entry the popup can link to.
  assert.ok(active.values.every((v) => describeSource(v.source)?.url?.startsWith('https://')), JSON.stringify(active.values));
});

test('checkThrottle cites one registry id and lists every source of a limit whose sources differ', () => {
  const a = zck.checkThrottle({ kind: 'refreshToken', events: [{ at: 0 }], at: 1 });
  assert.equal(a.source, 'zoho-crm-v8-token-validity');
  assert.deepEqual(a.sources, ['zoho-crm-v8-token-validity', 'zoho-crm-v2-token-validity']);
  assert.ok(a.sources.every((id) => describeSource(id)));
});

test('tokenStoreSchema gives the oauthtoken DDL', () => {
  const s = zck.tokenStoreSchema();
  assert.equal(s.table, 'oauthtoken');
  assert.ok(s.ddl.includes('expiry_time varchar(20)'));
  assert.deepEqual(s.extensionRecord.filter((c) => c.secret).map((c) => c.name), ['accessToken', 'refreshToken']);
});

test('bad input throws ZckError with code and path', () => {
  assert.throws(() => zck.checkThrottle({ kind: 'accessToken', events: [{ at: 'yesterday' }] }), (err) => {
    assert.ok(err instanceof Error);
    assert.equal(err.name, 'ZckError');
    assert.equal(err.code, 'input.invalid_type');
    assert.equal(err.path, 'events[0].at');
    return true;
  });
  assert.throws(() => zck.buildTokenRequests({ client_secret: 'x' }), (err) => err.name === 'ZckError' && err.code === 'input.unknown_field');
});

// Issue 15, point 3: every preset (external services too) has a sourced first API call, and the npm API writes
// it as Deluge that our own checker accepts; an external service's call never names Zoho.
test('every preset has a sourced first call whose Deluge passes the checker', () => {
  const registry = new Set(JSON.parse(readFileSync(new URL('../../crate/data/sources.json', import.meta.url), 'utf8')).map((s) => s.id));
  for (const p of zck.listPresets()) {
    assert.ok(p.firstCall, `${p.id}: no first call`);
    assert.ok(registry.has(p.firstCall.source), `${p.id}: ${p.firstCall.source} is not a registry id`);
    const url = p.firstCall.value.url.replace('{api}', 'https://www.zohoapis.eu').replace('{shop}', 'your-store');
    const s = zck.generateInvokeUrl({ url, method: p.firstCall.value.method, connection: p.id });
    assert.ok(s.deluge, `${p.id}: ${JSON.stringify(s.diagnostics)}`);
    assert.deepEqual(zck.checkDeluge(s.deluge).filter((d) => d.severity === 'error'), [], s.deluge);
    if (p.provider === 'external') assert.ok(!s.deluge.includes('zoho'), s.deluge);
  }
});
