// `npm start`'s demo, as a newcomer sees it: the popup page and the connection-form replica with the overlay,
// served by scripts/demo.mjs on 127.0.0.1, in plain Chromium (no extension loaded).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import { ROOT, ARTIFACTS, overlayState } from './harness.mjs';

const PORT = 18765 + Math.floor(Math.random() * 1000);
let server;
let browser;

before(async () => {
  server = spawn('node', [join(ROOT, 'scripts', 'demo.mjs')], { env: { ...process.env, PORT: String(PORT) }, stdio: ['ignore', 'pipe', 'inherit'] });
  await new Promise((resolve, reject) => {
    server.stdout.on('data', (d) => { if (String(d).includes('demo: http')) resolve(); });
    server.on('exit', (code) => reject(new Error(`demo server exited with ${code}`)));
  });
  browser = await chromium.launch({ executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update'] });
});
after(async () => {
  await browser?.close();
  server?.kill();
});

test('demo: the popup page runs the Wasm core', async () => {
  const page = await browser.newPage();
  await page.goto(`http://127.0.0.1:${PORT}/popup`);
  await page.waitForSelector('body[data-ready="1"]');
  await page.click('#tab-authorize'); // the Connection tab opens first
  await page.selectOption('#f-dataCenter', 'in');
  await page.fill('#f-clientId', '1000.GMB0YULZHJK411248S8I5GZ4CHUEX0');
  await page.fill('#f-scopes', 'ZohoCRM.modules.ALL');
  await page.fill('#f-redirectUri', 'https://example.in/cb');
  assert.match(await page.locator('#panel-authorize output.url').textContent(), /^https:\/\/accounts\.zoho\.in\/oauth\/v2\/auth\?/);
  await page.close();
});

test('demo: profiles are kept in localStorage, without the secret unless asked', async () => {
  const page = await browser.newPage();
  await page.goto(`http://127.0.0.1:${PORT}/popup`);
  await page.waitForSelector('body[data-ready="1"]');
  await page.fill('#c-serviceName', 'Demo CRM');
  await page.fill('#c-clientSecret', 'demo-secret-5d2e0c1f');
  await page.click('#c-save');
  await page.waitForSelector('#panel-connection[data-saved]', { state: 'attached' });
  const stored = JSON.parse(await page.evaluate(() => localStorage.getItem('zck.profiles')));
  assert.equal(stored.schemaVersion, 1);
  assert.equal(stored.profiles[0].data.serviceName, 'Demo CRM');
  assert.ok(!JSON.stringify(stored).includes('demo-secret-5d2e0c1f'), 'the secret was stored');
  await page.close();
});

test('demo: the connection form replica shows the overlay', async () => {
  const page = await browser.newPage();
  await page.goto(`http://127.0.0.1:${PORT}/form?dc=au`);
  await page.waitForSelector('zck-overlay[data-dc]', { state: 'attached' });
  assert.equal((await overlayState(page)).dc, 'au');
  await page.screenshot({ path: join(ARTIFACTS, 'demo-form-au.png') });
  await page.close();
});
