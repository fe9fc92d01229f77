// The Connection tab in the real extension: the whole config checked as the admin types (findings beside their
// fields in the same frame), the summary on top, presets, save as a profile (secret only on opt-in) and open it
// again from the Profiles tab, and the exported JSON that `zck validate` reads.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { createRequire } from 'node:module';
import { launch, ARTIFACTS, ROOT } from './harness.mjs';
import { caseConfig, fillConfig, shot } from './connection-form.mjs';

const core = createRequire(import.meta.url)(join(ROOT, 'pkg', 'node', 'zoho_connector_kit.js'));
const EU = caseConfig('clean: Zoho CRM as provider, EU');

let browser;
let page;
before(async () => {
  browser = await launch({ withServer: false });
  await browser.context.grantPermissions(['clipboard-read', 'clipboard-write']);
  page = await browser.context.newPage();
  await page.setViewportSize({ width: 575, height: 900 }); // the real popup's width: its 560 px body and a scroll bar
  await open();
});
after(async () => { await browser?.close(); });

async function open() {
  await page.goto(`chrome-extension://${browser.extensionId}/popup.html`);
  await page.waitForSelector('body[data-ready="1"]');
}

const stored = () => browser.serviceWorker.evaluate(() => chrome.storage.local.get(null));
const codesAt = (path) => page.$$eval(`#panel-connection [data-findings-for="${path}"] .finding`, (els) => els.map((e) => e.dataset.code));
const clipboard = () => page.evaluate(() => navigator.clipboard.readText());

test('Connection is the first tab, and its empty state teaches the next step', async () => {
  const tabs = await page.$$eval('[role=tab]', (els) => els.map((e) => e.id));
  assert.equal(tabs[0], 'tab-connection');
  assert.equal(tabs[1], 'tab-authorize');
  assert.equal(await page.getAttribute('#tab-connection', 'aria-selected'), 'true');
  assert.match(await page.textContent('#panel-connection .summary'), /Choose a preset.*open a saved profile/);
  assert.equal(await page.getAttribute('#panel-connection', 'data-state'), 'empty');
  await shot(page, join(ARTIFACTS, 'popup-connection-empty.png'));
});

test('a correct EU config is clean; the summary says where to register and gives a URL to try', async () => {
  await fillConfig(page, EU);
  const panel = page.locator('#panel-connection');
  assert.equal(await panel.getAttribute('data-errors'), '0');
  assert.equal(await panel.getAttribute('data-warnings'), '0');
  assert.equal(await page.locator('#panel-connection .finding.error, #panel-connection .finding.warning').count(), 0);
  assert.match(await page.textContent('[data-fact=dataCenter]'), /^EU — Europe \(your answer above\)/);
  assert.equal(await page.getAttribute('[data-fact=provider]', 'data-kind'), 'zoho');
  assert.match(await page.textContent('[data-fact=provider]'), /Zoho itself.*accounts\.zoho\.eu/);
  assert.match(await page.textContent('[data-fact=register]'), /api-console\.zoho\.eu/);
  // Sources disagree on the EU callback: both candidates, each with its source; the one in use is marked.
  assert.equal(await page.getAttribute('[data-fact=redirectUris]', 'data-status'), 'conflicting');
  const candidates = await page.$$eval('[data-fact=redirectUris] li', (els) => els.map((e) => e.dataset.value));
  assert.deepEqual(candidates, ['https://dre.zoho.eu/delugeauth/callback', 'https://deluge.zoho.eu/delugeauth/callback']);
  assert.match(await page.textContent('[data-fact=redirectUris] li[data-value="https://dre.zoho.eu/delugeauth/callback"]'), /in use/);
  // Each candidate names its source: a registry entry, shown with its title and trust level (third party here).
  const cbSource = await page.$eval('[data-fact=redirectUris] li[data-value="https://dre.zoho.eu/delugeauth/callback"] .src', (e) => ({ id: e.dataset.sourceId, text: e.textContent }));
  assert.ok(cbSource.id, cbSource.text);
  assert.match(cbSource.text, /third party/);
  // The note about conflicting callbacks sits beside the redirect URI.
  assert.deepEqual(await codesAt('redirectUri'), ['dc.callback_conflict']);

  const tryUrl = new URL(await page.textContent('#c-try-url'));
  assert.equal(tryUrl.origin + tryUrl.pathname, 'https://accounts.zoho.eu/oauth/v2/auth');
  assert.equal(tryUrl.searchParams.get('client_id'), EU.clientId);
  assert.equal(tryUrl.searchParams.get('access_type'), 'offline');
  assert.ok(!tryUrl.href.includes(EU.clientSecret), 'the URL to try never carries the secret');
  await page.click('#c-copy-try');
  await page.waitForSelector('#c-copy-try[data-state=done]');
  assert.equal(await clipboard(), tryUrl.href);
  await shot(page, join(ARTIFACTS, 'popup-connection-clean.png'));
});

test('a wrong token URL host shows its finding beside that field within the same frame', async () => {
  const codes = await page.evaluate(() => {
    const input = document.getElementById('c-tokenUrl');
    input.value = 'https://accounts.zoho.com/oauth/v2/token';
    input.dispatchEvent(new Event('input', { bubbles: true }));
    // No await, no animation frame: the findings must already be there.
    return Array.from(document.querySelectorAll('#panel-connection [data-findings-for="tokenUrl"] .finding'), (e) => e.dataset.code);
  });
  assert.deepEqual(codes, ['connection.zoho_dc_mismatch']);
  assert.match(await page.textContent('[data-findings-for="tokenUrl"] .finding'), /accounts\.zoho\.eu/);
  // Its source is a page the admin can open: the registry title as a link to Zoho's https address, and its kind.
  const src = await page.$eval('[data-findings-for="tokenUrl"] .finding .src', (e) => ({
    id: e.dataset.sourceId, text: e.textContent, href: e.querySelector('a')?.href, target: e.querySelector('a')?.target,
  }));
  assert.ok(src.id, `the source is a registry id: ${src.text}`);
  assert.match(src.href ?? '', /^https:\/\/(www\.zoho\.com|github\.com\/zoho|help\.zoho\.com)\//, src.text);
  assert.equal(src.target, '_blank');
  assert.doesNotMatch(src.text, /zoho-facts|§|\[OFF\]|\[SDK\]|\[3P\]/, 'no reference the admin cannot open');
  assert.equal(await page.getAttribute('#panel-connection', 'data-errors'), '1');
  assert.equal(await page.getAttribute('#c-try-url', 'data-empty'), 'true');
  assert.ok(await page.isDisabled('#c-copy-try'));
  // Scope typos land beside the scopes, with "did you mean".
  await page.fill('#c-scopes', 'ZohoCRM.modules.ALL\nZohoCRM.modules.leeds.READ');
  assert.equal((await codesAt('scopes'))[0], 'scope.unknown_sub');
  assert.match(await page.textContent('[data-findings-for="scopes"] .finding[data-code="scope.unknown_sub"]'), /ZohoCRM\.modules\.leads\.READ/);
  await shot(page, join(ARTIFACTS, 'popup-connection-findings.png'));
  // Typing the right host again clears the finding.
  await page.fill('#c-tokenUrl', EU.tokenUrl);
  await page.fill('#c-scopes', EU.scopes.join('\n'));
  assert.deepEqual(await codesAt('tokenUrl'), []);
  assert.equal(await page.getAttribute('#panel-connection', 'data-errors'), '0');
});

test('only the fields of the chosen auth type are shown and checked', async () => {
  await page.selectOption('#c-authType', 'apiKey');
  assert.ok(await page.isVisible('#c-keyName'));
  assert.ok(await page.isHidden('#c-clientId'));
  assert.ok(await page.isHidden('#c-username'));
  // The key name is still empty and untouched: its error is counted and said once, not shown beside it (issue 15).
  assert.deepEqual(await codesAt('keyName'), []);
  assert.match(await page.textContent('#panel-connection .waiting'), /errors? wait.*Key name/);
  assert.ok(Number(await page.getAttribute('#panel-connection', 'data-errors')) >= 1);
  await page.fill('#c-keyName', 'x');
  await page.fill('#c-keyName', '');
  assert.deepEqual(await codesAt('keyName'), ['connection.missing_field'], 'typed in, then emptied: the error shows');
  // The hidden OAuth values are not part of the config (no "field not used" for fields the admin cannot see).
  assert.equal(await page.locator('[data-code="connection.field_not_used"]').count(), 0);
  await page.selectOption('#c-authType', 'basic');
  assert.ok(await page.isVisible('#c-username'));
  assert.ok(await page.isVisible('#c-password'));
  assert.equal(await page.getAttribute('#c-password', 'type'), 'password');
  await page.selectOption('#c-authType', 'oauth2');
  assert.equal(await page.getAttribute('#panel-connection', 'data-errors'), '0');
});

test('Export JSON copies exactly what zck validate reads, without the secret', async () => {
  await page.click('#c-export');
  await page.waitForSelector('#c-export[data-state=done]');
  const json = JSON.parse(await clipboard());
  assert.equal(json.clientSecret, undefined);
  assert.equal(json.schemaVersion, 1);
  const { clientSecret, ...rest } = EU;
  assert.deepEqual({ ...json, schemaVersion: undefined }, { ...rest, schemaVersion: undefined });
  // The npm API (the same reader as `zck validate`) accepts it with no error: the secret left out of an exported
  // file is a note, not a missing field (issue 15).
  const report = core.validateConnection(json);
  assert.deepEqual(report.diagnostics.filter((d) => d.severity === 'error').map((d) => `${d.code}@${d.path}`), []);
  assert.ok(report.diagnostics.some((d) => d.code === 'connection.secret_not_exported' && d.severity === 'info'),
    JSON.stringify(report.diagnostics.map((d) => d.code)));
});

test('a preset fills the form, with its quirks and their sources', async () => {
  await page.selectOption('#c-dataCenter', 'eu');
  await page.selectOption('#c-preset', 'hubspot');
  const quirks = await page.textContent('#panel-connection .quirks');
  assert.match(quirks, /Source: /);
  await page.click('#c-preset-fill');
  const expected = core.startFromPreset('hubspot', 'eu');
  assert.equal(await page.inputValue('#c-authorizeUrl'), expected.authorizeUrl);
  assert.equal(await page.inputValue('#c-tokenUrl'), expected.tokenUrl);
  assert.equal(await page.inputValue('#c-scopeDelimiter'), 'space');
  assert.equal(await page.inputValue('#c-clientId'), '', 'the previous client ID does not leak into another service');
  assert.equal(await page.getAttribute('[data-fact=provider]', 'data-kind'), 'external');
  assert.match(await page.textContent('.saved'), /HubSpot preset for EU/);
  await shot(page, join(ARTIFACTS, 'popup-connection-preset.png'));
});

test('save as profile → Profiles tab → open fills the form again; the secret is kept only when ticked', async () => {
  await open();
  await fillConfig(page, EU);
  await page.click('#c-save');
  await page.waitForSelector('#panel-connection[data-saved]');
  let s = await stored();
  assert.ok(!JSON.stringify(s).includes(EU.clientSecret), 'no secret in chrome.storage without the box');
  assert.equal(s['zck.profiles'].profiles[0].name, 'Zoho CRM EU');
  assert.equal(s['zck.profiles'].profiles[0].data.tokenUrl, EU.tokenUrl);

  await page.click('#tab-profiles');
  await page.waitForSelector('#panel-profiles[data-count="1"]');
  assert.deepEqual(await page.$$eval('li.profile input[type=text]', (els) => els.map((e) => e.value)), ['Zoho CRM EU']);

  // Change the form, then open the profile: the form is filled again and the Connection tab is selected.
  await page.click('#tab-connection');
  await page.selectOption('#c-preset', 'mailchimp');
  await page.click('#c-preset-fill');
  assert.notEqual(await page.inputValue('#c-tokenUrl'), EU.tokenUrl);
  await page.click('#tab-profiles');
  await page.click('li.profile button:text("Open")');
  await page.waitForSelector('#tab-connection[aria-selected="true"]');
  assert.ok(await page.isVisible('#panel-connection'));
  assert.ok(await page.isHidden('#panel-profiles'));
  assert.equal(await page.inputValue('#c-tokenUrl'), EU.tokenUrl);
  assert.equal(await page.inputValue('#c-scopes'), EU.scopes.join('\n'));
  assert.equal(await page.inputValue('#c-clientSecret'), '', 'the secret was not kept');
  assert.deepEqual(await codesAt('clientSecret'), ['connection.missing_field']);
  assert.match(await page.textContent('.saved'), /enter the secret/);

  // With the box ticked the secret is stored with the profile (and comes back on open).
  await page.fill('#c-clientSecret', EU.clientSecret);
  await page.check('#c-keep-secret');
  await page.click('#c-save');
  await page.waitForFunction(() => document.querySelector('.saved')?.textContent?.includes('with its secret'));
  s = await stored();
  assert.equal(s['zck.profiles'].profiles.length, 1, 'saving the opened profile replaces it');
  assert.equal(s['zck.profiles'].profiles[0].data.clientSecret, EU.clientSecret);
  assert.equal(s['zck.profiles'].profiles[0].keepSecret, true);
});

test('dark mode', async () => {
  await page.emulateMedia({ colorScheme: 'dark' });
  await page.fill('#c-tokenUrl', 'https://accounts.zoho.com/oauth/v2/token');
  await shot(page, join(ARTIFACTS, 'popup-connection-dark.png'));
  const bg = await page.evaluate(() => getComputedStyle(document.body).backgroundColor);
  assert.equal(bg, 'rgb(30, 31, 34)');
  await page.emulateMedia({ colorScheme: 'light' });
});
