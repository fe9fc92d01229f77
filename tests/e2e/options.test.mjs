// The options page: defaults that the popup starts from, checked by the core, and settings validated on read.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { launch, ARTIFACTS } from './harness.mjs';

let browser;
before(async () => { browser = await launch({ withServer: false }); });
after(async () => { await browser?.close(); });

test('defaults set in the options page prefill the popup; a scope typo is pointed out', async () => {
  const page = await browser.context.newPage();
  await page.goto(`chrome-extension://${browser.extensionId}/options.html`);
  await page.waitForSelector('body[data-ready="1"]');
  assert.match(await page.textContent('#version'), /^v\d/);
  assert.equal(await page.locator('table.registry tbody tr').count(), 10);
  await page.selectOption('#o-dc', 'in');
  await page.fill('#o-scopes', 'ZohoCRM.modules.ALL\nZohoCRM.setings.fields.READ');
  await page.locator('#o-scopes').blur();
  await page.waitForSelector('#o-status:text("Saved.")');
  const typo = page.locator('.settings .finding').first();
  assert.match(await typo.getAttribute('data-code'), /^scope\./);
  assert.match(await typo.textContent(), /settings/);
  await page.screenshot({ path: join(ARTIFACTS, 'options.png'), fullPage: true });

  const popup = await browser.context.newPage();
  await popup.goto(`chrome-extension://${browser.extensionId}/popup.html`);
  await popup.waitForSelector('body[data-ready="1"]');
  await popup.click('#tab-authorize');
  await popup.waitForFunction(() => document.querySelector('#f-dataCenter')?.value === 'in');
  assert.equal(await popup.inputValue('#f-scopes'), 'ZohoCRM.modules.ALL\nZohoCRM.setings.fields.READ');
  await popup.close();
  await page.close();
});

test('wrongly-typed saved settings fall back to the defaults and the user is told', async () => {
  await browser.serviceWorker.evaluate(() => chrome.storage.local.set({ 'zck.settings': { defaultDataCenter: 42, defaultScopes: 'x', delugeStyle: 'fancy' } }));
  const page = await browser.context.newPage();
  await page.goto(`chrome-extension://${browser.extensionId}/options.html`);
  await page.waitForSelector('body[data-ready="1"]');
  const notices = await page.locator('main .finding.warning').allTextContents();
  assert.equal(notices.length, 3, notices.join(' | '));
  assert.equal(await page.inputValue('#o-dc'), '');
  assert.equal(await page.inputValue('#o-style'), 'putLines');
  await page.close();
});
