// The live connection test from the real popup: the service worker (no window there) calls a mock Zoho API
// served under the real API host names, and the popup reports status, latency, scopes and errors.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { launch, ARTIFACTS } from './harness.mjs';
import { caseConfig, fillConfig } from './connection-form.mjs';

const USER = { users: [{ full_name: 'Ada Lovelace', email: 'ada@example.com', id: '4150868000000225013' }] };
const ORG = { org: [{ company_name: 'Analytical Engines Ltd', id: '4150868000000000001' }] };
const INVALID_TOKEN = { code: 'INVALID_TOKEN', details: {}, message: 'invalid oauth token', status: 'error' };
const SCOPE = { code: 'OAUTH_SCOPE_MISMATCH', details: {}, message: 'invalid oauth scope to access this URL', status: 'error' };
const seen = [];

/** Requests that reached a host other than a Zoho API host (issue 12: there must be none with a token). */
const elsewhere = [];

/**
 * Mock Zoho CRM API: the token chooses the scenario. Any other host (example.test) plays the attacker: it allows
 * every cross-origin request (so a leaked token would arrive) and records what reached it.
 */
function zoho(req, res) {
  const host = req.headers.host ?? '';
  if (!host.includes('zohoapis.')) {
    elsewhere.push({ host, method: req.method, url: req.url, auth: req.headers.authorization ?? '' });
    res.writeHead(req.method === 'OPTIONS' ? 204 : 200, {
      'access-control-allow-origin': req.headers.origin ?? '*',
      'access-control-allow-headers': 'authorization, accept',
      'access-control-allow-methods': 'GET',
      'content-type': 'application/json',
    }).end(req.method === 'OPTIONS' ? '' : JSON.stringify({ users: [{ full_name: 'Mallory' }], org: [{ company_name: 'Evil' }] }));
    return true;
  }
  const auth = req.headers.authorization ?? '';
  seen.push({ host, url: req.url, auth });
  const token = auth.replace(/^Zoho-oauthtoken /, '');
  const json = (status, body) => res.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(body));
  const isUser = req.url.startsWith('/crm/v8/users?type=CurrentUser');
  const isOrg = req.url === '/crm/v8/org';
  if (!isUser && !isOrg) { json(404, { code: 'INVALID_URL_PATTERN', status: 'error' }); return true; }
  switch (token) {
    case 'good': json(200, isUser ? USER : ORG); break;
    case 'expired': json(401, INVALID_TOKEN); break;
    case 'no-org-scope': isUser ? json(200, USER) : json(401, SCOPE); break;
    case 'error-in-200': json(200, { error: 'invalid_code' }); break;
    case 'slow': setTimeout(() => json(200, isUser ? USER : ORG), 2300); break;
    case 'drop': req.socket.destroy(); break;
    case 'redirect': res.writeHead(302, { location: `https://example.test${req.url}` }).end(); break;
    default: json(401, INVALID_TOKEN);
  }
  return true;
}

let browser;
let page;
before(async () => {
  browser = await launch({ extraRoutes: zoho });
  page = await browser.context.newPage();
  await page.goto(`chrome-extension://${browser.extensionId}/popup.html`);
  await page.waitForSelector('body[data-ready="1"]');
  await page.click('#tab-test');
});
after(async () => { await browser?.close(); });

async function runTest({ dc = '', apiDomain = '', token }) {
  await page.selectOption('#t-dataCenter', dc);
  await page.fill('#t-apiDomain', apiDomain);
  await page.fill('#t-token', token);
  await page.evaluate(() => { delete document.getElementById('panel-test').dataset.tested; });
  await page.click('#panel-test button[type=submit]');
  await page.waitForSelector('#panel-test[data-tested]', { timeout: 20000 });
  const calls = await page.$$eval('#panel-test tr[data-call]', (rows) => rows.map((r) => ({
    name: r.dataset.call, ok: r.dataset.ok === 'true', cells: [...r.children].map((c) => c.textContent) })));
  const codes = await page.$$eval('#panel-test .finding', (els) => els.map((e) => e.dataset.code));
  return { verdict: await page.textContent('#panel-test .verdict'), calls, codes, text: await page.textContent('#panel-test .test-out') };
}

test('the service worker has no window, and it is what calls Zoho', async () => {
  assert.equal(await browser.serviceWorker.evaluate(() => typeof window), 'undefined');
  seen.length = 0;
  const r = await runTest({ dc: 'eu', token: 'good' });
  assert.match(r.verdict, /Connected to https:\/\/www\.zohoapis\.eu/);
  assert.deepEqual(seen.map((s) => `${s.host} ${s.url} ${s.auth}`), [
    'www.zohoapis.eu /crm/v8/users?type=CurrentUser Zoho-oauthtoken good',
    'www.zohoapis.eu /crm/v8/org Zoho-oauthtoken good',
  ]);
  assert.deepEqual(r.calls.map((c) => [c.name, c.ok, c.cells[1]]), [['currentUser', true, '200'], ['org', true, '200']]);
  assert.match(r.text, /Ada Lovelace/);
  await page.screenshot({ path: join(ARTIFACTS, 'popup-test-ok.png'), fullPage: true });
});

test('the api_domain of the token response is preferred', async () => {
  seen.length = 0;
  await runTest({ dc: 'us', apiDomain: 'https://www.zohoapis.com.au', token: 'good' });
  assert.ok(seen.every((s) => s.host === 'www.zohoapis.com.au'));
});

test('401 INVALID_TOKEN', async () => {
  const r = await runTest({ dc: 'in', token: 'expired' });
  assert.match(r.verdict, /failed/);
  assert.deepEqual(r.calls.map((c) => c.cells[3]), ['INVALID_TOKEN', 'INVALID_TOKEN']);
  assert.deepEqual(r.codes, ['test.call_failed', 'test.call_failed']);
  // The error explainer's answer, once for the two identical failures.
  const explained = await page.$$eval('#panel-test section.explanation', (els) => els.map((e) => ({ code: e.dataset.code, first: e.querySelector('li')?.dataset.cause })));
  assert.deepEqual(explained, [{ code: 'INVALID_TOKEN', first: 'token_expired' }]);
});

test('OAUTH_SCOPE_MISMATCH names the missing scope', async () => {
  const r = await runTest({ dc: 'jp', token: 'no-org-scope' });
  assert.match(r.text, /Scopes that seem missing: ZohoCRM\.org\.READ/);
  assert.deepEqual(r.codes, ['test.scope_missing']);
  assert.equal(await page.$eval('#panel-test section.explanation li', (li) => li.dataset.cause), 'scope_missing');
  await page.screenshot({ path: join(ARTIFACTS, 'popup-test-scope.png'), fullPage: true });
});

test('HTTP 200 with an error body is a failure', async () => {
  const r = await runTest({ dc: 'us', token: 'error-in-200' });
  assert.deepEqual(r.calls.map((c) => [c.cells[1], c.cells[3]]), [['200', 'invalid_code'], ['200', 'invalid_code']]);
  assert.match(r.text, /HTTP 200 but the body is the error invalid_code/);
});

test('a slow reply is flagged against the 2-second target', async () => {
  const r = await runTest({ dc: 'au', token: 'slow' });
  assert.match(r.verdict, /Connected/);
  assert.ok(r.codes.includes('test.slow'));
  const ms = Number(r.calls[0].cells[2].replace(/ ms$/, ''));
  assert.ok(ms >= 2000, `latency ${ms}`);
});

test('a dropped connection is reported, not thrown', async () => {
  const r = await runTest({ dc: 'ca', token: 'drop' });
  assert.deepEqual(r.codes, ['test.unreachable', 'test.unreachable']);
});

test('issue 12: a redirect from the Zoho API host is a failure and is not followed', async () => {
  elsewhere.length = 0;
  const r = await runTest({ dc: 'eu', token: 'redirect' });
  assert.match(r.verdict, /failed/);
  assert.deepEqual(r.codes, ['test.redirected', 'test.redirected']);
  assert.deepEqual(elsewhere, []);
});

test('issue 12: a typed API domain hiding another host sends nothing anywhere', async () => {
  for (const [apiDomain, code] of [
    ['https://www.zohoapis.eu\t@example.test', 'test.api_domain_invalid_character'],
    ['https://www.zohoapis.eu @example.test', 'test.api_domain_invalid_character'],
    ['http://www.zohoapis.eu', 'test.api_domain_not_https'],
    ['https://www.zohoapis.eu:444', 'test.api_domain_port'],
    ['https://www.zohoapis.eu.example.test', 'test.api_domain_not_zoho'],
  ]) {
    seen.length = 0;
    elsewhere.length = 0;
    const r = await runTest({ dc: '', apiDomain, token: 'good' });
    assert.match(r.verdict, /failed/, apiDomain);
    assert.deepEqual(r.codes, [code], apiDomain);
    assert.deepEqual(seen, [], apiDomain);
    assert.deepEqual(elsewhere, [], apiDomain);
  }
  // Upper case names the same registry host: the call goes to the registry's value.
  seen.length = 0;
  await runTest({ dc: '', apiDomain: 'HTTPS://WWW.ZOHOAPIS.EU/', token: 'good' });
  assert.deepEqual(seen.map((s) => s.host), ['www.zohoapis.eu', 'www.zohoapis.eu']);
});

test('issue 15: the data center starts as the Connection tab\'s, until it is chosen here', async () => {
  await page.goto(`chrome-extension://${browser.extensionId}/popup.html`);
  await page.waitForSelector('body[data-ready="1"]');
  await fillConfig(page, caseConfig('clean: Zoho CRM as provider, EU'));
  await page.click('#tab-test');
  const run = async () => {
    seen.length = 0;
    await page.evaluate(() => { delete document.getElementById('panel-test').dataset.tested; });
    await page.click('#panel-test button[type=submit]');
    await page.waitForSelector('#panel-test[data-tested]', { timeout: 20000 });
    return seen.map((s) => s.host);
  };
  await page.fill('#t-token', 'good');
  assert.deepEqual(await run(), ['www.zohoapis.eu', 'www.zohoapis.eu']);
  assert.equal(await page.inputValue('#t-dataCenter'), 'eu');
  // Chosen here: the choice stays when the Connection tab changes.
  await page.selectOption('#t-dataCenter', 'in');
  await page.click('#tab-connection');
  await page.selectOption('#c-dataCenter', 'au');
  await page.click('#tab-test');
  assert.equal(await page.inputValue('#t-dataCenter'), 'in');
  assert.deepEqual(await run(), ['www.zohoapis.in', 'www.zohoapis.in']);
});
