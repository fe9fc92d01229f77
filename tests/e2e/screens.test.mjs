// Acceptance screenshots from the real extension (issue 15, done-criterion): the popup page of the built extension
// (chrome-extension://…/popup.html) at the size the real toolbar popup renders at — measured first by opening it
// with chrome.action.openPopup — and the options page, light and dark, every tab with an EU admin's realistic
// content (a Zoho CRM connection copied from a US guide, a MailChimp token response, a Deluge function with one
// mistake, a Shopify customer mapped to Contacts). Written to test-artifacts/real-*.png; each shot also checks that
// nothing runs off the popup's right edge and that the body text is 13 px.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { launch, ARTIFACTS } from './harness.mjs';
import { caseConfig, fillConfig } from './connection-form.mjs';
import { inRealPopup, measureText, openRealPopup } from './real-popup.mjs';

const EU = caseConfig('clean: Zoho CRM as provider, EU');
const EU_ADMIN = { ...EU, tokenUrl: 'https://accounts.zoho.com/oauth/v2/token' }; // one URL copied from a US guide
const SHOPIFY_CUSTOMER = { first_name: 'Ana', last_name: 'Silva', email: 'ana.silva@example.pt', phone: '+351 21 000 0000',
  accepts_marketing: 'yes', total_spent: '1250.50', default_address: { company: 'Lisboa Flores Lda', city: 'Lisboa' } };
const FUNCTION = [
  'void automation.welcome(int contactId)',
  '{',
  '\tcontact = zoho.crm.getRecordById("Contacts", contactId);',
  '\tresp = invokeurl',
  '\t[',
  '\t\turl: "https://www.zohoapis.eu/crm/v8/Contacts/" + contactId',
  '\t\ttype: GET',
  '\t\tconnection: "zoho_crm_eu"',
  '\t];',
  '\tinfo resp.get("data")',
  '}',
].join('\n');
const TOKEN_RESPONSE = '{"access_token":"1000.2f0c7e8a9b1d3e5f7a9c1e3f5a7b9c1d.8e6f4a2c0b9d7e5f3a1c9e7f5a3b1d9f","refresh_token":"1000.8cbc1e6c0b7f4a0e9d2a3b4c5d6e7f80.1a2b3c4d5e6f70819a0b1c2d3e4f5a6b","api_domain":"https://www.zohoapis.eu","token_type":"Bearer","expires_in":3600}';

let browser;
let page;
let size;
before(async () => {
  browser = await launch({ withServer: false });
  const viewer = await browser.context.newPage();
  await viewer.goto(`chrome-extension://${browser.extensionId}/options.html`);
  await viewer.waitForSelector('body[data-ready="1"]');
  await openRealPopup(browser, viewer);
  const m = await inRealPopup(viewer, measureText);
  // The real popup's width; its height is its content's, up to Chromium's 600 px cap.
  size = { width: m.width, height: 600 };
  writeFileSync(join(ARTIFACTS, 'real-popup-size.json'), `${JSON.stringify({ measured: { width: m.width, height: m.height }, shots: size }, null, 2)}\n`);
  await viewer.close();
  page = await browser.context.newPage();
  await page.setViewportSize(size);
  await page.goto(`chrome-extension://${browser.extensionId}/popup.html`);
  await page.waitForSelector('body[data-ready="1"]');
});
after(async () => { await browser?.close(); });

/** One shot of what the admin sees (the popup's visible area, scrolled to `at`), light and dark. */
async function shoot(name, at) {
  for (const scheme of ['light', 'dark']) {
    await page.emulateMedia({ colorScheme: scheme });
    await page.evaluate((sel) => {
      const el = sel ? document.querySelector(sel) : null;
      window.scrollTo(0, el ? el.getBoundingClientRect().top + window.scrollY - 8 : 0);
    }, at ?? null);
    const m = await page.evaluate(() => ({ overflow: document.documentElement.scrollWidth - document.documentElement.clientWidth,
      body: getComputedStyle(document.body).fontSize }));
    assert.ok(m.overflow <= 0, `${name} (${scheme}) runs ${m.overflow} px past the popup's right edge`);
    assert.equal(m.body, '13px');
    await page.screenshot({ path: join(ARTIFACTS, `real-popup-${name}-${scheme}.png`) });
  }
  await page.emulateMedia({ colorScheme: 'light' });
}

test('the real popup renders within Chromium\'s 800 × 600 cap', () => {
  assert.ok(size.width >= 400 && size.width <= 800, JSON.stringify(size));
});

test('Connection: the question first, then an EU admin\'s config with one US URL', async () => {
  await shoot('connection-empty');
  await fillConfig(page, EU_ADMIN);
  await shoot('connection');
  await shoot('connection-findings', '#c-tokenUrl');
  await page.fill('#c-tokenUrl', EU.tokenUrl);
});

test('Authorize and Tokens follow the connection', async () => {
  await page.click('#tab-authorize');
  await shoot('authorize');
  await page.click('#tab-tokens');
  await page.fill('#k-response', TOKEN_RESPONSE);
  await shoot('tokens');
  await shoot('tokens-response', '#k-response');
});

test('Explain: invalid_client for an EU account', async () => {
  await page.click('#tab-explain');
  await page.selectOption('#e-account', 'eu');
  await page.fill('#e-status', '400');
  await page.fill('#e-body', '{"error":"invalid_client"}');
  await shoot('explain');
});

test('Deluge: a whole function with one mistake', async () => {
  await page.click('#tab-deluge');
  await shoot('deluge');
  await page.fill('#dg-script', FUNCTION);
  await shoot('deluge-check', '#dg-script');
});

test('Mapping: a Shopify customer to Contacts', async () => {
  await page.click('#tab-mapping');
  await page.selectOption('#m-module', 'Contacts');
  await page.fill('#m-records', JSON.stringify([SHOPIFY_CUSTOMER], null, 2));
  await page.click('#m-suggest');
  await page.waitForSelector('#m-suggestions li');
  for (const source of ['last_name', 'email']) {
    const add = page.locator(`#m-suggestions li[data-source="${source}"] button`);
    if (await add.count()) await add.first().click();
  }
  await shoot('mapping');
});

test('Test and Profiles', async () => {
  await page.click('#tab-test');
  await shoot('test');
  await page.click('#tab-connection');
  await page.click('#c-save');
  await page.waitForSelector('#panel-connection[data-saved]');
  await page.click('#tab-profiles');
  await shoot('profiles');
});

test('MailChimp for the same EU admin: Connection and Tokens (no refresh request, no Zoho revoke)', async () => {
  await page.click('#tab-connection');
  await page.selectOption('#c-preset', 'mailchimp');
  await page.click('#c-preset-fill');
  await page.fill('#c-clientId', '483920175634');
  await page.fill('#c-clientSecret', '9f8e7d6c5b4a39281706f5e4d3c2b1a0');
  await page.fill('#c-redirectUri', 'https://dre.zoho.eu/delugeauth/callback');
  await shoot('connection-mailchimp');
  await shoot('connection-mailchimp-summary', '#panel-connection .summary');
  await page.click('#tab-tokens');
  const kinds = await page.$$eval('#panel-tokens section.request', (els) => els.map((e) => e.dataset.kind));
  assert.deepEqual(kinds, ['exchange']);
  await shoot('tokens-mailchimp');
  await page.click('#tab-authorize');
  await shoot('authorize-mailchimp');
});

test('the options page, light and dark', async () => {
  const options = await browser.context.newPage();
  await options.setViewportSize({ width: 900, height: 700 });
  await options.goto(`chrome-extension://${browser.extensionId}/options.html`);
  await options.waitForSelector('body[data-ready="1"]');
  for (const scheme of ['light', 'dark']) {
    await options.emulateMedia({ colorScheme: scheme });
    await options.screenshot({ path: join(ARTIFACTS, `real-options-${scheme}.png`) });
  }
  await options.close();
});
