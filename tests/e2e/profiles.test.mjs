// Profiles in the real extension: import (checked whole first), export without the secret unless asked, rename,
// duplicate, delete with undo; bad, newer-version and corrupted data never lose what was stored.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { launch, ARTIFACTS } from './harness.mjs';

const SECRET = '5d2e0c1f9a7b3e4d6c8a0b2e4f6a8c0d1e3f5a7b9c';
const GOOD = {
  serviceName: 'Zoho CRM EU', linkName: 'zoho_crm_eu', authType: 'oauth2', dataCenter: 'eu',
  clientId: '1000.GMB0YULZHJK411248S8I5GZ4CHUEX0', clientSecret: SECRET,
  authorizeUrl: 'https://accounts.zoho.eu/oauth/v2/auth?access_type=offline',
  tokenUrl: 'https://accounts.zoho.eu/oauth/v2/token', refreshUrl: 'https://accounts.zoho.eu/oauth/v2/token',
  revokeUrl: 'https://accounts.zoho.eu/oauth/v2/token/revoke',
  redirectUri: 'https://dre.zoho.eu/delugeauth/callback', scopes: ['ZohoCRM.modules.ALL', 'ZohoCRM.settings.fields.READ'],
};

let browser;
let page;
before(async () => {
  browser = await launch({ withServer: false });
  page = await browser.context.newPage();
});
after(async () => { await browser?.close(); });

async function open() {
  await page.goto(`chrome-extension://${browser.extensionId}/popup.html`);
  await page.waitForSelector('body[data-ready="1"]');
  await page.click('#tab-profiles');
}
const stored = () => browser.serviceWorker.evaluate(() => chrome.storage.local.get(null));
const importFile = async (name, text) => {
  await page.evaluate(() => { delete document.getElementById('panel-profiles').dataset.imported; });
  await page.setInputFiles('#p-import', { name, mimeType: 'application/json', buffer: Buffer.from(text) });
  await page.waitForSelector('#panel-profiles[data-imported]');
  return page.getAttribute('#panel-profiles', 'data-imported');
};
const names = () => page.$$eval('li.profile input[type=text]', (els) => els.map((e) => e.value));

test('empty state teaches the next step', async () => {
  await open();
  assert.match(await page.textContent('li.empty'), /Save as profile/);
});

test('import a good file: stored without the secret unless the box is ticked', async () => {
  assert.equal(await importFile('zoho_crm_eu.json', JSON.stringify(GOOD)), 'ok');
  await page.waitForSelector('#panel-profiles[data-count="1"]');
  assert.deepEqual(await names(), ['Zoho CRM EU']);
  assert.match(await page.textContent('.import-out'), /secret in the file was not stored/);
  const s = await stored();
  assert.ok(!JSON.stringify(s).includes(SECRET), 'the secret must not be stored without opt-in');
  assert.equal(s['zck.profiles'].profiles[0].data.clientId, GOOD.clientId);
});

test('refused imports leave the stored profiles untouched', async () => {
  const before = JSON.stringify(await stored());
  for (const [name, text, code] of [
    ['broken.json', '{ "serviceName": "x", ', 'import.syntax'],
    ['newer.json', JSON.stringify({ ...GOOD, schemaVersion: 99 }), 'connection.schema_newer'],
    ['unknown-field.json', JSON.stringify({ ...GOOD, clientID: 'x' }), 'input.unknown_field'],
    ['list.json', '[1,2]', 'import.shape'],
  ]) {
    assert.equal(await importFile(name, text), 'refused', name);
    assert.match(await page.textContent('.import-out'), /not imported; your profiles are unchanged/);
    assert.equal(await page.getAttribute('.import-out .finding', 'data-code'), code, name);
  }
  assert.equal(JSON.stringify(await stored()), before);
});

test('export: exactly what zck validate reads, secret only on request', async () => {
  const [plain] = await Promise.all([page.waitForEvent('download'), page.click('li.profile button:text("Export")')]);
  const text = readFileSync(await plain.path(), 'utf8');
  const json = JSON.parse(text);
  assert.equal(json.schemaVersion, 1);
  assert.equal(json.clientSecret, undefined);
  assert.equal(json.linkName, 'zoho_crm_eu');
  // With the box ticked, a re-import keeps the secret, and the export carries it.
  await page.check('#p-include-secret');
  assert.equal(await importFile('with-secret.json', JSON.stringify(GOOD)), 'ok');
  const [withSecret] = await Promise.all([page.waitForEvent('download'), page.locator('li.profile button:text("Export")').nth(1).click()]);
  assert.equal(JSON.parse(readFileSync(await withSecret.path(), 'utf8')).clientSecret, SECRET);
  await page.uncheck('#p-include-secret');
});

test('rename, duplicate, delete with undo', async () => {
  await page.fill('li.profile >> nth=0 >> input[type=text]', 'EU production');
  await page.press('li.profile >> nth=0 >> input[type=text]', 'Enter');
  await page.locator('li.profile').nth(0).locator('button:text("Duplicate")').click();
  await page.waitForSelector('#panel-profiles[data-count="3"]');
  assert.deepEqual(await names(), ['EU production', 'EU production (copy)', 'Zoho CRM EU']);
  await page.locator('li.profile').nth(1).locator('button:text("Delete")').click();
  await page.waitForSelector('#panel-profiles[data-count="2"]');
  await page.screenshot({ path: join(ARTIFACTS, 'popup-profiles.png'), fullPage: true });
  await page.click('.undo button');
  await page.waitForSelector('#panel-profiles[data-count="3"]');
  assert.deepEqual(await names(), ['EU production', 'EU production (copy)', 'Zoho CRM EU']);
});

test('a mapping profile exports and imports back as a mapping', async () => {
  const mapping = { module: 'Contacts', fields: [{ source: 'last_name', target: 'Last_Name' }, { source: 'email', target: 'Email', transforms: [{ op: 'trim' }] }], sync: { direction: 'toCrm', fieldAccess: 'writeOnly', trigger: 'onChange' } };
  assert.equal(await importFile('mapping-contacts.json', JSON.stringify({ ...mapping, schemaVersion: 1 })), 'ok');
  const row = page.locator('li.profile', { hasText: 'mapping' }).first();
  assert.match(await row.textContent(), /mapping/);
  const [dl] = await Promise.all([page.waitForEvent('download'), row.locator('button:text("Export")').click()]);
  assert.equal(dl.suggestedFilename(), 'mapping-Contacts.json');
  const exported = JSON.parse(readFileSync(await dl.path(), 'utf8'));
  assert.deepEqual({ ...exported, schemaVersion: undefined }, { ...mapping, schemaVersion: undefined });
  assert.equal(await importFile('newer-mapping.json', JSON.stringify({ ...mapping, schemaVersion: 7 })), 'refused');
  assert.equal(await page.getAttribute('.import-out .finding', 'data-code'), 'mapping.schema_newer');
});

test('corrupted or wrongly-typed stored data is kept as a backup and the user is told', async () => {
  await browser.serviceWorker.evaluate(() => chrome.storage.local.set({ 'zck.profiles': '{"schemaVersion":1,"profiles":[{"id"' }));
  await open();
  assert.match(await page.textContent('.notices'), /corrupted.*kept as a backup/);
  const s = await stored();
  assert.equal(s['zck.profiles.backup'].raw, '{"schemaVersion":1,"profiles":[{"id"');

  await browser.serviceWorker.evaluate(() => chrome.storage.local.set({ 'zck.profiles': { schemaVersion: 1, profiles: [{ id: 'a', name: 'ok', kind: 'connection', data: {}, keepSecret: false, updatedAt: 1 }, { id: 7 }] } }));
  await open();
  assert.match(await page.textContent('.notices'), /1 saved profile\(s\) were damaged/);
  assert.deepEqual(await names(), ['ok']);
});

test('a store written by a newer version is left untouched, not overwritten', async () => {
  const newer = { schemaVersion: 2, profiles: [{ future: true }] };
  await browser.serviceWorker.evaluate((v) => chrome.storage.local.set({ 'zck.profiles': v }), newer);
  await open();
  assert.match(await page.textContent('.notices'), /newer version/);
  assert.equal(await importFile('zoho_crm_eu.json', JSON.stringify(GOOD)), 'refused');
  assert.match(await page.textContent('.import-out'), /newer version of the extension; not overwriting/);
  assert.deepEqual((await stored())['zck.profiles'], newer);
});
