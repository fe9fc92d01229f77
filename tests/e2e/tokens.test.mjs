// The Tokens tab in the real extension: the three token requests for the Connection tab's config as curl and
// Deluge, secrets masked until "Reveal", the grant code / refresh token never stored; the limits with conflicting
// sources side by side; a pasted token response read into expiry, refresh time, header and API domain.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { launch, ARTIFACTS, ROOT } from './harness.mjs';
import { caseConfig, fillConfig, shot } from './connection-form.mjs';

const EU = caseConfig('clean: Zoho CRM as provider, EU');
const RESPONSES = JSON.parse(readFileSync(join(ROOT, 'crate', 'tests', 'data', 'token', 'responses.json'), 'utf8'));
const CODE = '1000.5e0d2f6f7a8b9c0d1e2f3a4b5c6d7e8f.0f1e2d3c4b5a69788796a5b4c3d2e1f0';
const REFRESH = '1000.8cbc1e6c0b7f4a0e9d2a3b4c5d6e7f80.1a2b3c4d5e6f70819a0b1c2d3e4f5a6b';

let browser;
let page;
before(async () => {
  browser = await launch({ withServer: false });
  await browser.context.grantPermissions(['clipboard-read', 'clipboard-write']);
  page = await browser.context.newPage();
  await page.setViewportSize({ width: 575, height: 900 }); // the real popup's width: its 560 px body and a scroll bar
  await page.goto(`chrome-extension://${browser.extensionId}/popup.html`);
  await page.waitForSelector('body[data-ready="1"]');
});
after(async () => { await browser?.close(); });

const curl = (kind) => page.inputValue(`#k-${kind}-curl`);
const deluge = (kind) => page.inputValue(`#k-${kind}-deluge`);
/** Everything the extension keeps: chrome.storage (local, session, sync) and the popup page's web storage. */
async function everythingStored() {
  const chromeStorage = await browser.serviceWorker.evaluate(async () => JSON.stringify([
    await chrome.storage.local.get(null), await chrome.storage.session.get(null), await chrome.storage.sync.get(null)]));
  const web = await page.evaluate(() => JSON.stringify([{ ...localStorage }, { ...sessionStorage }]));
  return chromeStorage + web;
}

test('empty state: the requests come from the Connection tab', async () => {
  await page.click('#tab-tokens');
  assert.equal(await page.getAttribute('#panel-tokens', 'data-state'), 'empty');
  assert.match(await page.textContent('#k-status'), /Fill in the Connection tab/);
  assert.match(await page.textContent('#panel-tokens .parsed'), /Paste the JSON/);
});

test('the three requests for the EU config, secrets masked until Reveal', async () => {
  await fillConfig(page, EU);
  await page.click('#tab-tokens');
  assert.equal(await page.getAttribute('#panel-tokens', 'data-state'), 'built');
  assert.match(await page.textContent('#k-status'), /"Zoho CRM EU" \(EU\)/);
  const kinds = await page.$$eval('#panel-tokens section.request', (els) => els.map((e) => e.dataset.kind));
  assert.deepEqual(kinds, ['exchange', 'refresh', 'revoke']);

  const exchange = await curl('exchange');
  assert.match(exchange, /^curl -X POST 'https:\/\/accounts\.zoho\.eu\/oauth\/v2\/token'/);
  assert.match(exchange, /client_secret=\[redacted\]/);
  assert.ok(!exchange.includes(EU.clientSecret));
  assert.match(await deluge('exchange'), /form\.put\("client_secret", "\[redacted\]"\)/);
  assert.match(await curl('revoke'), /oauth\/v2\/token\/revoke/);
  // Without a grant code and refresh token the requests say what is still needed, beside the inputs.
  assert.match(await page.textContent('#panel-tokens section[data-kind=exchange] .missing'), /Still needed: code/);
  assert.deepEqual(await page.$$eval('[data-findings-for="code"] .finding', (els) => els.map((e) => e.dataset.code)), ['token.exchange_incomplete']);

  await page.fill('#k-code', CODE);
  await page.fill('#k-refresh-token', REFRESH);
  assert.equal(await page.locator('#panel-tokens .missing').count(), 0);
  assert.match(await curl('exchange'), /code=\[redacted\]/);
  assert.ok(!(await curl('refresh')).includes(REFRESH));
  await shot(page, join(ARTIFACTS, 'popup-tokens-masked.png'));

  await page.click('#k-reveal');
  assert.equal(await page.getAttribute('#k-reveal', 'aria-pressed'), 'true');
  assert.equal(await page.getAttribute('#panel-tokens', 'data-revealed'), 'true');
  assert.ok((await curl('exchange')).includes(`client_secret=${EU.clientSecret}`));
  assert.ok((await curl('exchange')).includes(`code=${CODE}`));
  assert.ok((await curl('refresh')).includes(`refresh_token=${REFRESH}`));
  assert.ok((await deluge('refresh')).includes(`"${REFRESH}"`));
  await page.locator('#panel-tokens section[data-kind=refresh] button.copy', { hasText: 'Copy curl' }).click();
  assert.equal(await page.evaluate(() => navigator.clipboard.readText()), await curl('refresh'));

  await page.click('#k-reveal');
  assert.equal(await page.getAttribute('#k-reveal', 'aria-pressed'), 'false');
  assert.ok(!(await curl('exchange')).includes(EU.clientSecret));
});

test('the secret, grant code and refresh token never land in storage unless the box is ticked', async () => {
  // Save the profile without the box: nothing secret anywhere.
  await page.click('#tab-connection');
  await page.click('#c-save');
  await page.waitForSelector('#panel-connection[data-saved]');
  let all = await everythingStored();
  assert.match(all, /Zoho CRM EU/, 'the profile itself was saved');
  for (const secret of [EU.clientSecret, CODE, REFRESH]) assert.ok(!all.includes(secret), 'nothing secret is stored');
  // With the box ticked, the client secret (only) is kept with the profile.
  await page.check('#c-keep-secret');
  await page.click('#c-save');
  await page.waitForFunction(() => document.querySelector('.saved')?.textContent?.includes('with its secret'));
  all = await everythingStored();
  assert.ok(all.includes(EU.clientSecret));
  assert.ok(!all.includes(CODE) && !all.includes(REFRESH), 'the grant code and refresh token are never stored');
});

test('the limits: conflicting sources side by side', async () => {
  await page.click('#tab-tokens');
  const active = page.locator('[data-limit=activeAccessTokensPerRefreshToken]');
  assert.equal(await active.getAttribute('data-agree'), 'false');
  assert.match(await active.textContent(), /Sources differ/);
  assert.deepEqual(await active.locator('.value .big').allTextContents(), ['10', '15', '30']);
  assert.equal(await active.locator('.value .src').count(), 3);
  assert.deepEqual(await page.locator('[data-limit=grantCodeLifetime] .value .big').allTextContents(), ['2 minutes', '3 minutes']);
  const grant = page.locator('[data-limit=grantCodesPerClient]');
  assert.equal(await grant.getAttribute('data-agree'), 'true');
  assert.equal(await grant.locator('.conflict').count(), 0);
});

test('a pasted token response: expiry, refresh time, header and API domain', async () => {
  const current = RESPONSES.find((r) => r.name === 'current shape, seconds');
  await page.fill('#k-response', current.input.body);
  assert.equal(await page.getAttribute('#panel-tokens', 'data-parsed'), 'ok');
  assert.match(await page.textContent('[data-fact=expiresIn]'), /^60 minutes \(expires_in in seconds\)/);
  const iso = (text) => Date.parse(text.match(/\((\d{4}-[^)]+Z)\)/)[1]);
  const expires = iso(await page.textContent('[data-fact=expiresAt]'));
  const refresh = iso(await page.textContent('[data-fact=refreshAt]'));
  assert.equal(expires - refresh, 10 * 60 * 1000, 'refresh 10 minutes before expiry');
  assert.ok(Math.abs(expires - Date.now() - 3600 * 1000) < 60 * 1000, 'expires an hour from now');
  assert.equal(await page.textContent('[data-fact=apiDomain]'), 'https://www.zohoapis.com');
  assert.equal(await page.textContent('[data-fact=header]'), 'Authorization: Zoho-oauthtoken [redacted]');
  await shot(page, join(ARTIFACTS, 'popup-tokens-response.png'));
  await page.click('#k-reveal');
  assert.equal(await page.textContent('[data-fact=header]'), 'Authorization: Zoho-oauthtoken 1000.a1b2.c3d4');
  await page.click('#k-reveal');

  // The legacy shape: expires_in is then milliseconds, and a finding says so.
  const legacy = RESPONSES.find((r) => r.name.startsWith('legacy expires_in_sec'));
  await page.fill('#k-response', JSON.stringify(legacy.input.body));
  assert.match(await page.textContent('[data-fact=expiresIn]'), /^60 minutes \(legacy expires_in_sec/);
  assert.equal(await page.getAttribute('#panel-tokens .parsed .finding', 'data-code'), 'token.legacy_expires_in_sec');

  // An error sent with HTTP 200 is not a token.
  await page.fill('#k-response', '{"error":"invalid_code"}');
  await page.fill('#k-response-status', '200');
  assert.equal(await page.getAttribute('#panel-tokens', 'data-parsed'), 'error');
  assert.match(await page.textContent('#panel-tokens .parsed .verdict'), /^invalid_code: /);
  assert.equal(await page.getAttribute('#panel-tokens .parsed ol.causes li', 'data-cause'), 'code_expired_or_reused');
});

test('dark mode', async () => {
  await page.fill('#k-response', RESPONSES[0].input.body);
  await page.fill('#k-response-status', '');
  await page.emulateMedia({ colorScheme: 'dark' });
  await shot(page, join(ARTIFACTS, 'popup-tokens-dark.png'));
  await page.emulateMedia({ colorScheme: 'light' });
});
