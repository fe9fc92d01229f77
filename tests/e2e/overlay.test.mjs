// The overlay on the Developer Hub connection pages, in real Chromium with the built extension: fields found by
// their visible labels on several DOM shapes, findings beside the fields as the admin types (in the frame that
// shows the typed character, where the page allows the check inside it), one-click fill of only the field asked,
// nothing where there is no form.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { launch, ARTIFACTS, evaluateInContentScript, overlayView as overlay, waitForOverlay as waitFor } from './harness.mjs';

let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser?.close(); });

test('label-for form (EU): findings beside the fields while typing', async () => {
  const page = await browser.context.newPage();
  await page.goto('https://crm.zoho.eu/crm/org20012345/settings/developerhub/connections/connection-form');
  await waitFor(page, (o) => o.dc === 'eu', 'the overlay');
  await page.fill('#s1', 'Zoho CRM EU');
  await page.fill('#s2', 'zoho-crm');
  let o = await waitFor(page, (x) => x.markers.linkName?.some((c) => c.startsWith('connection.link_name')), 'the link-name finding');
  assert.ok(!o.markers.linkName.includes('connection.missing_link_name'), JSON.stringify(o.markers));
  await page.fill('#s2', 'zoho_crm_eu');
  o = await waitFor(page, (x) => !x.markers.linkName, 'the link-name finding to clear');
  // Zoho is the provider (its accounts server): the client id must then look like Zoho's.
  await page.fill('#s8', 'https://accounts.zoho.eu/oauth/v2/token');
  await page.fill('#s5', 'my-client');
  o = await waitFor(page, (x) => x.markers.clientId?.includes('connection.client_id_shape'), 'the client-id finding');
  assert.deepEqual(o.markers.clientId, ['connection.client_id_shape']);
  await page.fill('#s7', 'https://accounts.zoho.com/oauth/v2/auth');
  o = await waitFor(page, (x) => x.markers.authorizeUrl?.includes('connection.access_type_missing'), 'the access_type finding');
  assert.match(o.panel, /Right values for EU/);
  assert.deepEqual(o.fills, ['authorizeUrl', 'refreshUrl', 'revokeUrl'], 'the token URL typed is already right');
  // The finding names its source as a page the admin can open: the registry's title, linked to its https address.
  const link = await page.evaluate(() => {
    const a = document.querySelector('zck-overlay').shadowRoot.querySelector('li.finding[data-code="connection.access_type_missing"] a');
    return a && { text: a.textContent, href: a.href, target: a.target };
  });
  assert.ok(link, 'a source link under the access_type finding');
  assert.match(link.href, /^https:\/\/www\.zoho\.com\/accounts\//, JSON.stringify(link));
  assert.equal(link.target, '_blank');
  assert.doesNotMatch(link.text, /zoho-facts|§/);
  await page.screenshot({ path: join(ARTIFACTS, 'overlay-findings-eu.png') });

  // Fill changes the one field asked for, and nothing else.
  const before = await page.$$eval('input, select', (els) => els.map((e) => e.value));
  const host = page.locator('zck-overlay');
  await host.locator('[data-fill="authorizeUrl"] button').click();
  await page.waitForFunction(() => document.querySelector('#s7').value.includes('access_type=offline'), null, { timeout: 5000 });
  const after = await page.$$eval('input, select', (els) => els.map((e) => e.value));
  const changed = after.map((v, i) => (v !== before[i] ? i : -1)).filter((i) => i >= 0);
  assert.deepEqual(changed, [6], 'only the Authorize URL field changes');
  assert.deepEqual(after.filter((_, i) => i !== 6), before.filter((_, i) => i !== 6));
  assert.equal(await page.inputValue('#s7'), 'https://accounts.zoho.eu/oauth/v2/auth?access_type=offline');
  o = await waitFor(page, (x) => !x.markers.authorizeUrl?.includes('connection.access_type_missing'), 'the fix to be seen');
  assert.ok(!o.fills.includes('authorizeUrl'));
  // The Deluge snippet for this connection.
  assert.match(o.deluge ?? '', /connection: "zoho_crm_eu"/);
  assert.match(o.deluge ?? '', /https:\/\/www\.zohoapis\.eu\/crm\/v8\/users/);
  await page.screenshot({ path: join(ARTIFACTS, 'overlay-filled-eu.png') });
  // Nothing typed, not even the secret, was stored.
  await page.fill('#s6', '5d2e0c1f9a7b3e4d6c8a0b2e4f6a8c0d1e3f5a7b9c');
  await waitFor(page, (x) => !x.markers.clientSecret, 'the secret to be checked');
  const stored = await browser.serviceWorker.evaluate(() => chrome.storage.local.get(null));
  assert.ok(!JSON.stringify(stored).includes('5d2e0c1f9a7b'), 'the client secret is never stored');
  await page.close();
});

test('aria-labelled form without <label> elements (US)', async () => {
  const page = await browser.context.newPage();
  await page.goto('https://crm.zoho.com/crm/org1/connection-form-aria');
  await waitFor(page, (o) => o.dc === 'us', 'the overlay');
  await page.fill('[aria-label="Client ID"]', '1000.GMB0YULZHJK411248S8I5GZ4CHUEX0');
  await page.fill('[aria-labelledby="lbl-secret"]', '1000.GMB0YULZHJK411248S8I5GZ4CHUEX0');
  const o = await waitFor(page, (x) => x.markers.clientSecret?.includes('connection.client_secret_equals_id'), 'the secret finding');
  assert.deepEqual(o.markers.clientSecret, ['connection.client_secret_equals_id']);
  await page.close();
});

test('table layout inside an iframe (IN): the overlay runs in the frame', async () => {
  const page = await browser.context.newPage();
  await page.goto('https://crm.zoho.in/crm/org1/connection-iframe');
  const frame = page.frames().find((f) => f.url().endsWith('connection-form-table.html')) ?? (await page.waitForEvent('frameattached'));
  await frame.waitForLoadState('load');
  await waitFor(frame, (o) => o.dc === 'in', 'the overlay in the frame');
  await frame.fill('input[name=f]', 'https://accounts.zoho.in/oauth/v2/auth');
  await frame.fill('input[name=i]', 'ZohoCRM.modules.leads.REED');
  const o = await waitFor(frame, (x) => x.markers.scopes?.some((c) => c.startsWith('scope.')), 'the scope finding');
  assert.ok(o.markers.scopes.some((c) => c.startsWith('scope.')), JSON.stringify(o.markers));
  assert.equal(await overlay(page), null, 'the top page has no form, so no overlay');
  await page.screenshot({ path: join(ARTIFACTS, 'overlay-iframe-in.png') });
  await page.close();
});

test('late render and a re-render that replaces the inputs (AU)', async () => {
  const page = await browser.context.newPage();
  await page.goto('https://crm.zoho.com.au/crm/org1/connection-form-late');
  assert.equal(await overlay(page), null, 'no overlay before the form exists');
  await waitFor(page, (o) => o.dc === 'au', 'the overlay after the late render');
  await page.fill('label:text("Access Token URL") + input', 'https://accounts.zoho.com.au/oauth/v2/token');
  await page.fill('label:text("Client ID") + input', 'abc');
  await waitFor(page, (x) => x.markers.clientId?.includes('connection.client_id_shape'), 'the client-id finding');
  await page.evaluate(() => window.rerender());
  assert.equal(await page.getAttribute('body', 'data-renders'), '2');
  await page.fill('label:text("Client ID") + input', '1000.GMB0YULZHJK411248S8I5GZ4CHUEX0');
  await waitFor(page, (x) => !x.markers.clientId, 'findings to follow the new inputs');
  await page.close();
});

test('strict page CSP: the overlay still works through the service worker', async () => {
  const page = await browser.context.newPage();
  await page.goto('https://crm.zoho.jp/crm/org1/connection-form?csp=strict');
  await waitFor(page, (o) => o.dc === 'jp', 'the overlay');
  await page.fill('#s8', 'https://accounts.zoho.jp/oauth/v2/token');
  await page.fill('#s5', 'nope');
  const o = await waitFor(page, (x) => x.markers.clientId?.includes('connection.client_id_shape'), 'the finding');
  assert.equal(o.via, 'worker', 'the page forbids Wasm: the service worker checks');
  assert.match(await page.evaluate(() => document.querySelector('zck-overlay').dataset.pageCoreUnavailable), /Content-Security-Policy/);
  await page.close();
});

test('where the page allows Wasm the check runs in the page: the same findings as the service worker, in the frame of the keystroke', async () => {
  // One admin's form, typed on a page that allows Wasm and on one whose CSP forbids it (checked by the worker).
  const fillForm = async (page) => {
    await page.fill('#s1', 'Zoho CRM EU');
    await page.fill('#s2', 'zoho-crm');
    await page.fill('#s5', 'my-client');
    await page.fill('#s7', 'https://accounts.zoho.com/oauth/v2/auth');
    await page.fill('#s8', 'https://accounts.zoho.com/oauth/v2/token');
  };
  const shown = (o) => ({ dc: o.dc, markers: o.markers, codes: o.codes, fills: o.fills, deluge: o.deluge });
  const views = {};
  for (const [name, query] of [['page', ''], ['worker', '?csp=strict']]) {
    const page = await browser.context.newPage();
    await page.goto(`https://crm.zoho.eu/crm/org20012345/settings/developerhub/connections/connection-form${query}`);
    await waitFor(page, (o) => o.dc === 'eu', 'the overlay');
    if (name === 'page') await page.waitForFunction(() => document.querySelector('zck-overlay')?.dataset.pageCoreKib, null, { timeout: 10000 });
    await fillForm(page);
    // Settled: the last field typed (a US token URL on an EU page) has its finding.
    const o = await waitFor(page, (x) => x.via === name && x.markers.tokenUrl?.includes('connection.zoho_dc_mismatch'), `the findings (${name})`);
    views[name] = shown(o);
    if (name === 'page') {
      // A character typed into Client ID: its findings are in the DOM before the next frame is painted, so they
      // appear with the character itself (a round trip to the worker takes longer than the rest of the frame).
      const sameFrame = await page.evaluate(async () => {
        const host = document.querySelector('zck-overlay');
        const input = document.querySelector('#s5');
        const results = [];
        for (const value of ['1000.GMB0YULZHJK411248S8I5GZ4CHUEX0', 'my-client-2', '1000.ABC']) {
          const before = host.dataset.seq;
          input.value = value;
          input.dispatchEvent(new InputEvent('input', { bubbles: true, inputType: 'insertText', data: value.slice(-1) }));
          await new Promise(requestAnimationFrame);
          results.push(host.dataset.seq !== before);
        }
        return results;
      });
      assert.deepEqual(sameFrame, [true, true, true], 'findings in the DOM before the frame that shows the character');
    }
    await page.close();
  }
  assert.ok(views.page.codes.length > 3, JSON.stringify(views.page));
  assert.deepEqual(views.page, views.worker, 'the check in the page answers exactly what the worker answers');
});

test('the page\'s core warms at idle once ready: typing meanwhile is checked as usual, and nothing shown changes', async () => {
  const page = await browser.context.newPage();
  await page.goto('https://crm.zoho.eu/crm/org20012345/settings/developerhub/connections/connection-form');
  await page.waitForFunction(() => document.querySelector('zck-overlay')?.dataset.pageCoreKib, null, { timeout: 10000 });
  const warmUp = () => evaluateInContentScript(page, browser.extensionId, 'globalThis.__zckOverlay.warmUp()');
  // The admin types at once, while the warm-up runs in idle time between the keys.
  await page.fill('#s8', 'https://accounts.zoho.eu/oauth/v2/token');
  await page.click('#s5');
  await page.keyboard.type('my-client', { delay: 30 });
  const typed = await waitFor(page, (o) => o.via === 'page' && o.markers.clientId?.includes('connection.client_id_shape'), 'the Client ID finding');
  let w = await warmUp();
  // Idle slices of at most a few ms, each ending when a key is waiting: seconds in all on this machine.
  for (let i = 0; i < 400 && w.checks < w.of; i++) {
    await page.waitForTimeout(50);
    w = await warmUp();
  }
  assert.equal(w.checks, w.of, `the warm-up ran every check at idle: ${JSON.stringify(w)}`);
  assert.ok(w.of >= 100 && w.ms > 0 && w.took !== null, JSON.stringify(w));
  // Its answers are thrown away: the overlay shows what it showed for the admin's own values, and keeps showing it.
  await page.waitForTimeout(300);
  const after = await overlay(page);
  assert.equal(after.seq, typed.seq, 'no check was rendered after the last keystroke');
  assert.deepEqual(after.markers, typed.markers);
  assert.equal(after.panel, typed.panel);
  assert.equal(await page.inputValue('#s5'), 'my-client', 'the form untouched');
  await page.close();
});

test('the service worker stopping between keystrokes does not lose a check (the overlay reconnects)', async () => {
  const page = await browser.context.newPage();
  // A strict CSP keeps the checks in the service worker (elsewhere they move into the page once the core arrives).
  await page.goto('https://crm.zoho.eu/crm/org20012345/settings/developerhub/connections/connection-form?csp=strict');
  await waitFor(page, (o) => o.dc === 'eu', 'the overlay');
  await page.fill('#s8', 'https://accounts.zoho.eu/oauth/v2/token');
  await page.fill('#s5', 'my-client');
  await waitFor(page, (x) => x.markers.clientId?.includes('connection.client_id_shape'), 'the client-id finding');
  // Chrome stops an idle extension service worker; that closes the overlay's port. Stop it the same way.
  // DevTools' "Stop" on the worker, from a page of the extension's own origin; its state comes back as events.
  const own = await browser.context.newPage();
  await own.goto(`chrome-extension://${browser.extensionId}/options.html`);
  const cdp = await browser.context.newCDPSession(own);
  const stopped = new Promise((resolve) => cdp.on('ServiceWorker.workerVersionUpdated', (e) => {
    if (e.versions.some((v) => v.scriptURL.endsWith('/background.js') && v.runningStatus === 'stopped')) resolve();
  }));
  await cdp.send('ServiceWorker.enable');
  await cdp.send('ServiceWorker.stopAllWorkers');
  await Promise.race([stopped, new Promise((_, reject) => setTimeout(() => reject(new Error('the worker did not stop')), 5000))]);
  await page.fill('#s5', '1000.GMB0YULZHJK411248S8I5GZ4CHUEX0');
  await waitFor(page, (x) => !x.markers.clientId, 'the client-id finding to clear after the worker restarted');
  await page.fill('#s5', 'still-not-a-zoho-client');
  await waitFor(page, (x) => x.markers.clientId?.includes('connection.client_id_shape'), 'the finding again on the new port');
  await own.close();
  await page.close();
});

test('the data center comes from the page\'s host only: ?location=us on crm.zoho.eu and a URL over 4,096 characters', async () => {
  const page = await browser.context.newPage();
  await page.goto('https://crm.zoho.eu/crm/org20012345/settings/developerhub/connections/connection-form?location=us');
  assert.equal((await waitFor(page, (o) => o.seq > 0, 'the overlay')).dc, 'eu', 'a short ?location=us does not steer it');
  // A redirect-style query that names the US, and enough of it to pass the old 4,096-character limit.
  const query = `?location=us&accounts-server=${encodeURIComponent('https://accounts.zoho.com')}&q=${'x'.repeat(5000)}`;
  await page.goto(`https://crm.zoho.eu/crm/org20012345/settings/developerhub/connections/connection-form${query}`);
  assert.ok(page.url().length > 4096);
  const first = await waitFor(page, (o) => o.seq > 0, 'the overlay');
  assert.doesNotMatch(first.panel, /refused|did not answer/, 'the panel is an answer, not a refusal');
  assert.equal(first.dc, 'eu');
  assert.match(first.panel, /Zoho EU data center/);
  // EU URLs are right here, and Fill offers EU values.
  await page.fill('#s8', 'https://accounts.zoho.eu/oauth/v2/token');
  await page.fill('#s7', 'https://accounts.zoho.eu/oauth/v2/auth?access_type=offline');
  await page.fill('#s5', '1000.GMB0YULZHJK411248S8I5GZ4CHUEX0');
  const o = await waitFor(page, (x) => x.panel.includes('Right values for EU') && !x.markers.clientId, 'EU values');
  assert.equal(o.markers.tokenUrl, undefined, JSON.stringify(o.markers));
  assert.equal(o.markers.authorizeUrl, undefined, JSON.stringify(o.markers));
  assert.doesNotMatch(o.panel, /zoho\.com\//, 'no US value is offered');
  await page.close();
});

test('a form hidden by a style sheet or an inline display: none gets the overlay only once it is shown', async () => {
  const page = await browser.context.newPage();
  for (const how of ['class', 'inline']) {
    await page.goto('https://crm.zoho.eu/crm/org1/no-form');
    await page.evaluate((hideBy) => {
      const style = document.createElement('style');
      style.textContent = '.zz-off { display: none; }';
      document.head.append(style);
      const box = document.createElement('div');
      box.id = 'box';
      if (hideBy === 'class') box.className = 'zz-off';
      else box.style.display = 'none';
      for (const [i, label] of ['Service Name', 'Client ID', 'Access Token URL'].entries()) {
        const l = document.createElement('label');
        l.htmlFor = `h${i}`;
        l.textContent = label;
        const input = document.createElement('input');
        input.id = `h${i}`;
        box.append(l, input);
      }
      document.body.append(box);
    }, how);
    await page.waitForTimeout(600);
    assert.equal(await overlay(page), null, `${how}: no overlay for a form the admin cannot see`);
    await page.evaluate((hideBy) => {
      const box = document.getElementById('box');
      if (hideBy === 'class') box.className = '';
      else box.style.display = '';
    }, how);
    await waitFor(page, (o) => o.dc === 'eu' && o.seq > 0, `${how}: the overlay once the form is shown`);
  }
  await page.close();
});
