// Issue 15, items 1, 2 and 5 in the real extension: the Connection tab asks where the account lives first and
// remembers it; one current connection drives the Authorize, Tokens and Deluge tabs; an untouched form is not a wall
// of red; every finding in the popup speaks the form's words, never the config's JSON keys.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { createRequire } from 'node:module';
import { launch, ROOT } from './harness.mjs';
import { caseConfig, fillConfig } from './connection-form.mjs';

const core = createRequire(import.meta.url)(join(ROOT, 'pkg', 'node', 'zoho_connector_kit.js'));
const EU = caseConfig('clean: Zoho CRM as provider, EU');
/** An EU admin's config copied from a US guide: every URL on accounts.zoho.com, no data center said. */
const { dataCenter: _said, ...EU_WITH_US_URLS } = {
  ...EU,
  authorizeUrl: 'https://accounts.zoho.com/oauth/v2/auth?access_type=offline&prompt=consent',
  tokenUrl: 'https://accounts.zoho.com/oauth/v2/token',
  refreshUrl: 'https://accounts.zoho.com/oauth/v2/token',
  revokeUrl: 'https://accounts.zoho.com/oauth/v2/token/revoke',
  redirectUri: 'https://deluge.zoho.com/delugeauth/callback',
};
/** The config's JSON keys that no admin sees on a form (camelCase: `tokenUrl`, `dataCenter`, `redirectUri`…). */
const JSON_KEYS = core.connectionFormSchema().fields.map((f) => f.key).filter((k) => /[a-z][A-Z]/.test(k));

let browser;
before(async () => { browser = await launch({ withServer: false }); });
after(async () => { await browser?.close(); });

async function openPopup() {
  const page = await browser.context.newPage();
  await page.setViewportSize({ width: 575, height: 600 }); // the real popup's size (tests/e2e/screens.test.mjs)
  await page.goto(`chrome-extension://${browser.extensionId}/popup.html`);
  await page.waitForSelector('body[data-ready="1"]');
  // The answer remembered from last time is read before the admin starts (5 s; a build without it goes on).
  await page.waitForSelector('#panel-connection[data-settings="loaded"]', { timeout: 5000 }).catch(() => {});
  return page;
}
const codesAt = (page, panel, path) => page.$$eval(`#panel-${panel} [data-findings-for="${path}"] .finding`, (els) => els.map((e) => e.dataset.code));
const stored = () => browser.serviceWorker.evaluate(() => chrome.storage.local.get('zck.settings'));

test('the Connection tab asks where the account lives first; unsaid, the guess is a warning; EU shows the wrong-DC errors; the answer is remembered', async () => {
  const page = await openPopup();
  // The first thing in the tab is the question, with nothing chosen (no options default yet).
  const first = await page.$eval('#panel-connection', (p) => {
    const control = p.querySelector('select, input, textarea');
    return { id: control?.id, label: p.querySelector(`label[for="${control?.id}"]`)?.textContent };
  });
  assert.deepEqual(first, { id: 'c-dataCenter', label: 'Where does your Zoho account live?' });
  assert.equal(await page.inputValue('#c-dataCenter'), '');

  // The EU admin fills in a config copied from a US guide and says nothing about the data center: "US" is a
  // guess, said as a warning beside the question, not a clean US verdict.
  await fillConfig(page, EU_WITH_US_URLS);
  assert.equal(await page.getAttribute('[data-fact=dataCenter]', 'data-guessed'), 'true');
  assert.match(await page.textContent('[data-fact=dataCenter]'), /^US — United States \(guessed from the Access token URL\)/);
  assert.deepEqual(await codesAt(page, 'connection', 'dataCenter'), ['connection.data_center_guessed']);
  assert.match(await page.textContent('#panel-connection [data-findings-for=dataCenter] .finding'), /guessed from the URLs/);
  assert.notEqual(await page.getAttribute('#panel-connection', 'data-warnings'), '0');

  // Saying EU: the wrong-DC errors, beside the URLs, in the form's words.
  await page.selectOption('#c-dataCenter', 'eu');
  assert.match(await page.textContent('[data-fact=dataCenter]'), /^EU — Europe \(your answer above\)/);
  assert.deepEqual(await codesAt(page, 'connection', 'tokenUrl'), ['connection.zoho_dc_mismatch']);
  assert.deepEqual(await codesAt(page, 'connection', 'redirectUri'), ['connection.redirect_wrong_dc']);
  assert.ok(Number(await page.getAttribute('#panel-connection', 'data-errors')) >= 3);
  assert.match(await page.textContent('#panel-connection .verdict'), /errors/);
  assert.match(await page.textContent('[data-findings-for=tokenUrl] .finding'), /Access token URL is on the accounts server of US.*accounts\.zoho\.eu/);

  // Remembered (only the data center) and asked with that answer next time.
  await page.waitForSelector('#panel-connection[data-dc-saved="eu"]');
  const settings = (await stored())['zck.settings'];
  assert.equal(settings.defaultDataCenter, 'eu');
  assert.ok(!JSON.stringify(settings).includes(EU.clientSecret));
  await page.close();
  const again = await openPopup();
  assert.equal(await again.inputValue('#c-dataCenter'), 'eu');
  assert.equal(await again.getAttribute('#panel-connection', 'data-state'), 'empty', 'the data center alone is not a config');
  await again.close();
});

test('an untouched popup shows no red: Authorize counts what is missing in one line; typing shows the field\'s error', async () => {
  const page = await openPopup();
  await page.click('#tab-authorize');
  assert.equal(await page.locator('#panel-authorize .finding.error').count(), 0, 'no error beside an untouched field');
  assert.ok(Number(await page.getAttribute('#panel-authorize', 'data-errors')) >= 2, 'the errors are still counted');
  assert.match(await page.textContent('#panel-authorize .waiting'), /errors wait for fields not filled in yet: .*Client ID/);
  assert.equal(await page.getAttribute('#panel-authorize output.url', 'data-empty'), 'true');
  // Typing in a field shows that field's finding (and only that one).
  await page.fill('#f-clientId', 'my-client');
  assert.deepEqual(await codesAt(page, 'authorize', 'clientId'), ['auth.client_id_shape']);
  assert.deepEqual(await codesAt(page, 'authorize', 'scopes'), []);
  // The Connection tab likewise: a preset fills some fields; the empty client ID and secret wait.
  await page.click('#tab-connection');
  await page.selectOption('#c-preset', 'zoho_crm');
  await page.click('#c-preset-fill');
  assert.equal(await page.locator('#panel-connection [data-findings-for=clientId] .finding.error').count(), 0);
  assert.match(await page.textContent('#panel-connection .waiting'), /Client ID, Client secret/);
  await page.close();
});

test('one current connection: Authorize, Tokens and Deluge take the Connection tab\'s config', async () => {
  const page = await openPopup();
  await fillConfig(page, EU);
  await page.click('#tab-authorize');
  assert.equal(await page.getAttribute('#panel-authorize', 'data-follows'), 'connection');
  assert.equal(await page.inputValue('#f-dataCenter'), 'eu');
  assert.equal(await page.inputValue('#f-clientId'), EU.clientId);
  assert.equal(await page.inputValue('#f-scopes'), EU.scopes.join('\n'));
  assert.equal(await page.inputValue('#f-redirectUri'), EU.redirectUri);
  assert.equal(await page.isChecked('#panel-authorize input[name=prompt]'), true, 'prompt=consent from the authorize URL');
  assert.equal(await page.locator('#panel-authorize .finding.error').count(), 0);
  const url = new URL(await page.textContent('#panel-authorize output.url'));
  assert.equal(url.origin + url.pathname, 'https://accounts.zoho.eu/oauth/v2/auth');
  assert.equal(url.searchParams.get('client_id'), EU.clientId);
  assert.equal(url.searchParams.get('redirect_uri'), EU.redirectUri);

  // A field changed here stays; the others keep following the Connection tab.
  await page.fill('#f-clientId', '1000.ABCDEFGHIJKLMNOPQRSTUVWXYZ0123');
  await page.click('#tab-connection');
  await page.fill('#c-redirectUri', 'https://deluge.zoho.eu/delugeauth/callback');
  await page.click('#tab-authorize');
  assert.equal(await page.inputValue('#f-clientId'), '1000.ABCDEFGHIJKLMNOPQRSTUVWXYZ0123');
  assert.equal(await page.inputValue('#f-redirectUri'), 'https://deluge.zoho.eu/delugeauth/callback');

  await page.click('#tab-tokens');
  assert.match(await page.textContent('#k-status'), /"Zoho CRM EU" \(EU\)/);
  await page.click('#tab-deluge');
  assert.equal(await page.inputValue('#dg-connection'), EU.linkName, 'the Deluge call uses the connection\'s link name');
  // The record and COQL calls are built for the connection's data center, not the default one.
  assert.equal(await page.inputValue('#dg-r-dataCenter'), 'eu');
  assert.equal(await page.inputValue('#dg-c-dataCenter'), 'eu');
  await page.click('#tab-connection');
  await page.fill('#c-linkName', 'crm_eu_sales');
  assert.equal(await page.inputValue('#dg-connection'), 'crm_eu_sales');
  // Where the account lives, changed in the Connection tab, moves the record and COQL calls with it.
  await page.selectOption('#c-dataCenter', 'au');
  assert.equal(await page.inputValue('#dg-r-dataCenter'), 'au');
  assert.equal(await page.inputValue('#dg-c-dataCenter'), 'au');
  // (The record call's section is folded; the admin's choice is the same change event.)
  await page.$eval('#dg-r-dataCenter', (sel) => { sel.value = 'in'; sel.dispatchEvent(new Event('change', { bubbles: true })); });
  await page.click('#tab-connection');
  await page.selectOption('#c-dataCenter', 'eu');
  assert.equal(await page.inputValue('#dg-r-dataCenter'), 'in', 'a data center picked in the Deluge tab stays');
  await page.close();
});

test('a realistic wrong config: no finding in any tab names a JSON key', async () => {
  const page = await openPopup();
  const { refreshUrl: _none, ...config } = EU_WITH_US_URLS;
  await fillConfig(page, { ...config, dataCenter: 'eu', linkName: 'Zoho-CRM',
    scopes: ['ZohoCRM.modules.ALL', 'ZohoCRM.modules.leeds.READ'] });
  const texts = [];
  for (const tab of ['connection', 'authorize', 'tokens']) {
    await page.click(`#tab-${tab}`);
    texts.push(...await page.$$eval(`#panel-${tab} .finding, #panel-${tab} .summary, #panel-${tab} .waiting, #panel-${tab} .from`,
      (els) => els.map((e) => e.textContent)));
  }
  const codes = await page.$$eval('#panel-connection .finding', (els) => els.map((e) => e.dataset.code));
  for (const c of ['connection.zoho_dc_mismatch', 'connection.redirect_wrong_dc', 'scope.unknown_sub', 'connection.link_name_characters']) {
    assert.ok(codes.includes(c), `${c} in ${codes}`);
  }
  assert.ok(texts.length > 10, texts.join('\n'));
  for (const text of texts) {
    const named = JSON_KEYS.find((k) => new RegExp(`\\b${k}\\b`).test(text));
    assert.equal(named, undefined, `"${named}" in: ${text}`);
  }
  assert.ok(texts.some((t) => t.includes('Access token URL is on the accounts server of US')), texts.join('\n'));
  await page.close();
});
