// Acceptance screenshots of the real extension (issue 15, done-criterion): the real toolbar popup, opened with
// chrome.action.openPopup and captured through DevTools on its own target at the size Chromium gives it, and the
// options page — light and dark, every tab with an EU admin's realistic content (a Zoho CRM connection copied from
// a US guide, then MailChimp; a token response; invalid_client; a Deluge function with one mistake; a Shopify
// customer mapped to Contacts). Written to test-artifacts/real-*.png with the popup's measured size
// (real-popup-size.json); each shot also checks that nothing runs off the popup's right edge and the text is 13 px.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { launch, ARTIFACTS } from './harness.mjs';
import { caseConfig } from './connection-form.mjs';
import { measureText, realPopup } from './real-popup.mjs';

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
let viewer;
let popup;
let size;
before(async () => {
  browser = await launch({ withServer: false });
  viewer = await browser.context.newPage();
  await viewer.setViewportSize({ width: 900, height: 700 });
  await viewer.goto(`chrome-extension://${browser.extensionId}/options.html`);
  await viewer.waitForSelector('body[data-ready="1"]');
  popup = await realPopup(browser, viewer);
  const m = await popup.eval(measureText);
  size = { width: m.width, height: m.height };
  writeFileSync(join(ARTIFACTS, 'real-popup-size.json'), `${JSON.stringify(size, null, 2)}\n`);
});
after(async () => {
  await popup?.close();
  await browser?.close();
});

/** One shot of what the admin sees in the real popup (scrolled to `at`), light and dark. */
async function shoot(name, at) {
  for (const scheme of ['light', 'dark']) {
    await popup.scheme(scheme);
    const m = await popup.eval((v, sel) => {
      const d = v.document;
      const el = sel ? d.querySelector(sel) : null;
      v.scrollTo(0, el ? el.getBoundingClientRect().top + v.scrollY - 8 : 0);
      return { overflow: d.documentElement.scrollWidth - d.documentElement.clientWidth, body: v.getComputedStyle(d.body).fontSize,
        bg: v.getComputedStyle(d.body).backgroundColor };
    }, at ?? null);
    assert.ok(m.overflow <= 0, `${name} (${scheme}) runs ${m.overflow} px past the popup's right edge`);
    assert.equal(m.body, '13px');
    assert.equal(m.bg, scheme === 'dark' ? 'rgb(30, 31, 34)' : 'rgb(255, 255, 255)');
    await popup.screenshot(join(ARTIFACTS, `real-popup-${name}-${scheme}.png`));
  }
  await popup.scheme('light');
}

test('the real popup renders within Chromium\'s 800 × 600 cap, wide enough for its tab bar', async () => {
  assert.ok(size.width >= 400 && size.width <= 800 && size.height <= 600, JSON.stringify(size));
  assert.equal((await popup.eval(measureText)).tabRows, 1);
});

test('Connection: the question first, then an EU admin\'s config with one US URL', async () => {
  await shoot('connection-empty');
  await popup.click('#tab-authorize');
  await shoot('authorize-empty'); // untouched: no red, one line says what is missing
  await popup.fillConfig(EU_ADMIN);
  await shoot('connection');
  await shoot('connection-findings', '#c-tokenUrl');
  await popup.fill('#c-tokenUrl', EU.tokenUrl);
});

test('Authorize and Tokens follow the connection', async () => {
  await popup.click('#tab-authorize');
  await shoot('authorize');
  await popup.click('#tab-tokens');
  await popup.fill('#k-response', TOKEN_RESPONSE);
  await shoot('tokens');
  await shoot('tokens-response', '#k-response');
});

test('Explain: invalid_client for an EU account', async () => {
  await popup.click('#tab-explain');
  await popup.fill('#e-account', 'eu');
  await popup.fill('#e-status', '400');
  await popup.fill('#e-body', '{"error":"invalid_client"}');
  await shoot('explain');
  await shoot('explain-causes', '#panel-explain ol.causes');
});

test('Deluge: a whole function with one mistake', async () => {
  await popup.click('#tab-deluge');
  await shoot('deluge');
  await popup.fill('#dg-script', FUNCTION);
  await shoot('deluge-check', '#dg-script');
});

test('Mapping: a Shopify customer to Contacts', async () => {
  await popup.click('#tab-mapping');
  await popup.fill('#m-module', 'Contacts');
  await popup.fill('#m-records', JSON.stringify([SHOPIFY_CUSTOMER], null, 2));
  await popup.click('#m-suggest');
  await popup.waitFor((v) => v.document.querySelector('#m-suggestions li'), null, 'suggestions');
  for (const source of ['last_name', 'email']) {
    await popup.eval((v, src) => v.document.querySelector(`#m-suggestions li[data-source="${src}"] button`)?.click(), source);
  }
  await shoot('mapping');
  await shoot('mapping-preview', '#m-records');
});

test('Test and Profiles', async () => {
  await popup.click('#tab-test');
  await shoot('test');
  await popup.click('#tab-connection');
  await popup.click('#c-save');
  await popup.waitFor((v) => v.document.querySelector('#panel-connection').dataset.saved, null, 'the saved profile');
  await popup.click('#tab-profiles');
  await shoot('profiles');
});

test('MailChimp for the same EU admin: Connection, Authorize and Tokens (no refresh request, no Zoho revoke)', async () => {
  await popup.click('#tab-connection');
  await popup.fill('#c-preset', 'mailchimp');
  await popup.click('#c-preset-fill');
  await popup.fill('#c-clientId', '483920175634');
  await popup.fill('#c-clientSecret', '9f8e7d6c5b4a39281706f5e4d3c2b1a0');
  await popup.fill('#c-redirectUri', 'https://dre.zoho.eu/delugeauth/callback');
  await shoot('connection-mailchimp');
  await shoot('connection-mailchimp-summary', '#panel-connection .summary');
  await popup.click('#tab-tokens');
  const kinds = await popup.eval((v) => [...v.document.querySelectorAll('#panel-tokens section.request')].map((e) => e.dataset.kind));
  assert.deepEqual(kinds, ['exchange']);
  // No refresh or revoke request exists for MailChimp, so the tab does not ask for a refresh token.
  assert.equal(await popup.eval((v) => v.document.querySelector('#k-refresh-token').checkVisibility()), false);
  await shoot('tokens-mailchimp');
  await popup.click('#tab-authorize');
  await shoot('authorize-mailchimp');
});

test('the options page, light and dark', async () => {
  for (const scheme of ['light', 'dark']) {
    await viewer.emulateMedia({ colorScheme: scheme });
    await viewer.screenshot({ path: join(ARTIFACTS, `real-options-${scheme}.png`) });
  }
});
