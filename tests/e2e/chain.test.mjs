// The chain, end to end in real Chromium: the built extension's popup builds an authorization URL with findings,
// and the overlay badge appears on connection-form pages served under the real Zoho host names — also under a
// strict page CSP — and nowhere else.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { launch, overlayState, ARTIFACTS } from './harness.mjs';

let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser?.close(); });

test('popup: typing a config gives the authorization URL and findings beside the fields', async () => {
  const page = await browser.context.newPage();
  await page.goto(`chrome-extension://${browser.extensionId}/popup.html`);
  await page.waitForSelector('body[data-ready="1"]');
  await page.click('#tab-authorize'); // the Connection tab opens first
  assert.match(await page.textContent('#version'), /^v\d+\.\d+\.\d+$/);

  // Detect the data center from a pasted CRM URL (folded: the data center comes from the Connection tab).
  await page.click('#panel-authorize details.detect summary');
  await page.fill('#f-detect', 'https://crm.zoho.eu/crm/org20012345/settings/developerhub/connections');
  assert.equal(await page.inputValue('#f-dataCenter'), 'eu');
  // Sources disagree on the EU callback: both candidates are offered.
  const callbacks = await page.locator('.callbacks button').allTextContents();
  assert.deepEqual(callbacks, ['Use https://dre.zoho.eu/delugeauth/callback', 'Use https://deluge.zoho.eu/delugeauth/callback']);

  await page.fill('#f-clientId', 'my-client');
  await page.fill('#f-scopes', 'ZohoCRM.modules.ALL\nZohoCRM.settings.fields.READ');
  await page.locator('.callbacks button').first().click();
  await page.selectOption('#f-accessType', 'online');

  const url = new URL(await page.locator('#panel-authorize output.url').textContent());
  assert.equal(url.origin + url.pathname, 'https://accounts.zoho.eu/oauth/v2/auth');
  assert.equal(url.searchParams.get('client_id'), 'my-client');
  assert.equal(url.searchParams.get('scope'), 'ZohoCRM.modules.ALL,ZohoCRM.settings.fields.READ');
  assert.equal(url.searchParams.get('redirect_uri'), 'https://dre.zoho.eu/delugeauth/callback');
  assert.equal(url.searchParams.get('access_type'), 'online');
  assert.match(url.searchParams.get('state'), /^[0-9a-f]{32}$/);

  // Findings sit beside their fields.
  const idSlot = page.locator('#panel-authorize [data-findings-for="clientId"] .finding');
  assert.equal(await idSlot.getAttribute('data-code'), 'auth.client_id_shape');
  const accessSlot = page.locator('#panel-authorize [data-findings-for="accessType"] .finding');
  assert.equal(await accessSlot.getAttribute('data-code'), 'auth.access_type_online');
  assert.match(await accessSlot.textContent(), /one hour/);
  await page.screenshot({ path: join(ARTIFACTS, 'popup-authorize.png'), fullPage: true });

  // An error removes the URL and says why, beside the field.
  await page.fill('#f-scopes', '');
  assert.equal(await page.locator('#panel-authorize output.url').getAttribute('data-empty'), 'true');
  assert.equal(await page.locator('#panel-authorize [data-findings-for="scopes"] .finding').getAttribute('data-code'), 'auth.missing_scopes');

  // The state stays the same while the admin types, so a copied URL stays valid.
  await page.fill('#f-scopes', 'ZohoCRM.users.READ');
  const again = new URL(await page.locator('#panel-authorize output.url').textContent());
  assert.equal(again.searchParams.get('state'), url.searchParams.get('state'));
  await page.close();
});

test('popup: a wrong accounts host is detected and corrected', async () => {
  const page = await browser.context.newPage();
  await page.goto(`chrome-extension://${browser.extensionId}/popup.html`);
  await page.waitForSelector('body[data-ready="1"]');
  await page.click('#tab-authorize');
  await page.click('#panel-authorize details.detect summary');
  await page.fill('#f-detect', 'accounts.zoho.au');
  assert.equal(await page.inputValue('#f-dataCenter'), 'au');
  const finding = page.locator('.detect-out .finding');
  assert.equal(await finding.getAttribute('data-code'), 'dc.wrong_host');
  assert.match(await finding.textContent(), /accounts\.zoho\.com\.au/);
  await page.close();
});

for (const [name, path, dc] of [
  ['EU connection form', 'https://crm.zoho.eu/crm/org20012345/settings/developerhub/connections/connection-form', 'eu'],
  ['Canada connection form (zohocloud.ca)', 'https://crm.zohocloud.ca/crm/org1/connection-form', 'ca'],
  ['connection form under a strict CSP', 'https://crm.zoho.com/crm/org1/connection-form?csp=strict', 'us'],
  ['connection form under a strict CSP that allows Wasm', 'https://crm.zoho.in/crm/org1/connection-form?csp=wasm', 'in'],
]) {
  test(`overlay: badge with the data center on the ${name}`, async () => {
    const page = await browser.context.newPage();
    const errors = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await page.goto(path);
    await page.waitForSelector('zck-overlay[data-dc]', { state: 'attached', timeout: 10000 });
    const state = await overlayState(page);
    assert.equal(state.dc, dc);
    // The first check goes to the service worker; once the core's module has arrived, checks run in the page,
    // except where the page's CSP forbids Wasm: there they stay with the worker.
    assert.ok(['worker', 'page'].includes(state.via), state.via);
    if (path.includes('csp=strict')) {
      await page.focus('input');
      await page.keyboard.type(' ');
      const why = await page.waitForFunction(() => document.querySelector('zck-overlay')?.dataset.pageCoreUnavailable, null, { timeout: 10000 });
      assert.match(await why.jsonValue(), /Content-Security-Policy forbids Wasm/);
      assert.equal((await overlayState(page)).via, 'worker', 'no Wasm where the page forbids it');
    } else {
      await page.waitForFunction(() => document.querySelector('zck-overlay')?.dataset.pageCoreKib, null, { timeout: 10000 });
      await page.focus('input');
      await page.keyboard.type(' ');
      await page.waitForFunction(() => document.querySelector('zck-overlay')?.dataset.via === 'page', null, { timeout: 10000 });
    }
    assert.match(state.text, new RegExp(`Zoho ${dc.toUpperCase()} data center`));
    assert.deepEqual(errors, []);
    await page.screenshot({ path: join(ARTIFACTS, `overlay-${dc}${path.includes('csp=') ? `-csp-${new URL(path).searchParams.get('csp')}` : ''}.png`) });
    await page.close();
  });
}

test('overlay: nothing is injected on a CRM page without a connection form', async () => {
  const page = await browser.context.newPage();
  await page.goto('https://crm.zoho.eu/crm/org1/tab/Leads/no-form');
  await page.waitForLoadState('load');
  assert.match(await page.title(), /Leads/, 'the fixture page itself must have loaded');
  await page.waitForTimeout(500); // give a late content script every chance to misbehave
  assert.equal(await overlayState(page), null);
  await page.close();
});

test('overlay: the content script does not run on hosts outside the registry (crm.zoho.ca is wrong)', async () => {
  const page = await browser.context.newPage();
  await page.goto('https://crm.zoho.ca/crm/org1/connection-form');
  await page.waitForLoadState('load');
  assert.match(await page.title(), /Developer Hub/, 'the form page itself must have loaded');
  await page.waitForTimeout(500);
  assert.equal(await overlayState(page), null);
  await page.close();
});
