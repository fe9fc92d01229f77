// The overlay on a form shaped like Zoho CRM's own (issue 14; fixture connection-form-lyte.html): fields in custom
// elements, a radio group, a button-plus-listbox dropdown with its list at the end of <body>, an ARIA combobox,
// scope chips, a two-part form (service, connection), in a modal whose body scrolls. Each check is what the admin
// sees: the panel's text, the markers beside the fields, the Deluge snippet, what Fill writes.
// ZCK_EXTENSION_DIR=<dir> runs the same checks against another build (to see them fail on an older overlay).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { launch, ARTIFACTS, overlayView as overlay, waitForOverlay as waitFor } from './harness.mjs';

let browser;
before(async () => { browser = await launch(process.env.ZCK_EXTENSION_DIR ? { extensionDir: process.env.ZCK_EXTENSION_DIR } : {}); });
after(async () => { await browser?.close(); });

const URL_BASE = 'https://crm.zoho.eu/crm/org20012345/settings/connections/connection-form-lyte';

/** Fills the service part as a Zoho-provider OAuth connection on EU. */
async function fillService(page) {
  await page.fill('#svc-name', 'Zoho CRM EU');
  await page.fill('#svc-link', 'zohocrm_service');
  await page.fill('#client-id', 'my-client');
  await page.fill('#token-url', 'https://accounts.zoho.eu/oauth/v2/token');
}

for (const order of ['oauth', 'apikey']) {
  test(`radio group (${order === 'apikey' ? 'API Key' : 'OAuth2'} listed first): the checked option is read, and a new choice is picked up`, async () => {
    const page = await browser.context.newPage();
    await page.goto(`${URL_BASE}?order=${order}`);
    await waitFor(page, (o) => o.dc === 'eu', 'the overlay');
    await fillService(page);
    // OAuth2 is checked: the OAuth checks run (the client id must look like Zoho's), nothing claims the choice
    // is not an authentication type, and no field is reported with an API key's warnings.
    const o = await waitFor(page, (x) => x.markers.clientId?.includes('connection.client_id_shape'), 'the OAuth client-id check');
    assert.match(o.readAs, /Authentication Type: OAuth2/);
    assert.ok(!o.codes.some((c) => /auth_type|unknown/.test(c)), `no auth-type finding: ${o.codes}`);
    assert.ok(!o.markers.authType, JSON.stringify(o.markers));
    assert.equal(o.notRead.length, 0, `everything read: ${o.notRead}`);
    // The admin picks API Key: the OAuth checks stop.
    await page.click('lyte-radiobutton:has-text("API Key") label');
    const k = await waitFor(page, (x) => /Authentication Type: API Key/.test(x.readAs), 'the new choice to be read');
    assert.ok(!k.markers.clientId?.includes('connection.client_id_shape'), JSON.stringify(k.markers));
    await page.click('lyte-radiobutton:has-text("OAuth2") label');
    await waitFor(page, (x) => /Authentication Type: OAuth2/.test(x.readAs) && x.markers.clientId, 'OAuth2 again');
    await page.close();
  });
}

test('button-plus-listbox dropdown and ARIA combobox: the chosen option\'s text is read, never the next text box', async () => {
  const page = await browser.context.newPage();
  await page.goto(URL_BASE);
  await waitFor(page, (o) => o.dc === 'eu', 'the overlay');
  await fillService(page);
  let o = await waitFor(page, (x) => x.markers.clientId, 'the client-id check');
  // Grant Type (a Lyte dropdown, list at the end of <body>), Scope Delimiter (combobox with
  // aria-activedescendant), Param Type (a button with a listbox in its row): each read from its own widget.
  assert.match(o.readAs, /Grant Type: Authorization Code/);
  assert.match(o.readAs, /Scope Delimiter: Comma \(,\)/);
  assert.match(o.readAs, /Param Type: Header/);
  // No field is told its value is not a grant type / delimiter / param type (the old overlay read Client ID,
  // Connection Name or Scope as those).
  for (const key of ['clientId', 'connectionName', 'scopes']) {
    assert.ok(!(o.markers[key] ?? []).some((c) => /grant|delimiter|param/.test(c)), `${key}: ${o.markers[key]}`);
  }
  assert.doesNotMatch(o.panel, /is not a value of/);
  // Choosing Client Credentials in the dropdown is picked up.
  await page.click('#btn-grant');
  await page.click('lyte-drop-box li:has-text("Client Credentials")');
  o = await waitFor(page, (x) => /Grant Type: Client Credentials/.test(x.readAs), 'the new grant type');
  // The combobox's active option changes: read again.
  await page.evaluate(() => {
    const c = document.getElementById('delim');
    c.setAttribute('aria-activedescendant', 'delim-space');
    c.value = 'Space';
  });
  await waitFor(page, (x) => /Scope Delimiter: Space/.test(x.readAs), 'the new delimiter');
  await page.close();
});

test('on an API-key form, Param Type is the key\'s placement (the schema: a caption two fields share goes to the one the authentication type uses)', async () => {
  const page = await browser.context.newPage();
  await page.goto(URL_BASE);
  await waitFor(page, (o) => o.dc === 'eu', 'the overlay');
  await fillService(page);
  await page.click('lyte-radiobutton:has-text("API Key") label');
  const o = await waitFor(page, (x) => /Authentication Type: API Key/.test(x.readAs) && x.codes.length > 0, 'the API-key form checked');
  assert.match(o.readAs, /Param Type: Header/);
  // Read as OAuth's parameter type, "Header" made the core say Param Type is not used with an API key and that
  // the key's placement is missing; read as the placement, neither is said.
  const all = await page.evaluate(() => [...document.querySelector('zck-overlay').shadowRoot.querySelectorAll('li.finding')].map((li) => li.textContent));
  assert.ok(!all.some((t) => /Param Type|placement|paramType/.test(t)), JSON.stringify(all));
  assert.ok(!o.markers.paramType, JSON.stringify(o.markers));
  await page.close();
});

test('a dropdown showing no choice is reported as not read, not guessed', async () => {
  const page = await browser.context.newPage();
  await page.goto(URL_BASE);
  await waitFor(page, (o) => o.dc === 'eu', 'the overlay');
  await page.evaluate(() => {
    document.querySelector('#btn-grant .zz-ddlabel').textContent = '';
    for (const o of document.querySelectorAll('#dd-grant [aria-selected]')) o.removeAttribute('aria-selected');
  });
  await fillService(page);
  const o = await waitFor(page, (x) => x.notRead.includes('grantType'), 'Grant Type reported as not read');
  assert.match(o.panel, /Grant Type: not read/);
  assert.doesNotMatch(o.readAs, /Grant Type/);
  await page.close();
});

test('scope chips are the scope list; a chip with a typo is found', async () => {
  const page = await browser.context.newPage();
  await page.goto(URL_BASE);
  await waitFor(page, (o) => o.dc === 'eu', 'the overlay');
  await fillService(page);
  for (const s of ['ZohoCRM.modules.ALL', 'ZohoCRM.users.READ']) {
    await page.fill('#scope-input', s);
    await page.press('#scope-input', 'Enter');
  }
  let o = await waitFor(page, (x) => /Scope: 2 scope\(s\)/.test(x.readAs), 'two chips read');
  assert.ok(!o.codes.includes('connection.missing_scopes'), `no "no scope" finding with two chips: ${o.codes}`);
  await page.fill('#scope-input', 'ZohoCRM.modules.leads.REED');
  await page.press('#scope-input', 'Enter');
  // The new chip pushes the input down, out of the dialog body's view (its marker is then hidden): scroll to it.
  await page.evaluate(() => document.getElementById('scope-input').scrollIntoView({ block: 'center' }));
  o = await waitFor(page, (x) => x.markers.scopes?.some((c) => c.startsWith('scope.')), 'the typo chip\'s finding');
  assert.match(o.readAs, /Scope: 3 scope\(s\)/);
  // Removing the chip clears it.
  await page.click('button[aria-label="Remove ZohoCRM.modules.leads.REED"]');
  await waitFor(page, (x) => !x.markers.scopes?.some((c) => c.startsWith('scope.')), 'the finding to go with the chip');
  await page.close();
});

test('two-part form: the connection link name is checked and is the one every Deluge snippet uses', async () => {
  const page = await browser.context.newPage();
  await page.goto(URL_BASE);
  await waitFor(page, (o) => o.dc === 'eu', 'the overlay');
  await fillService(page);
  await page.fill('#client-id', '1000.GMB0YULZHJK411248S8I5GZ4CHUEX0');
  await page.fill('#conn-name', 'CRM EU connection');
  await page.fill('#conn-link', 'Bad-Link');
  let o = await waitFor(page, (x) => x.markers.connectionLinkName?.some((c) => c.startsWith('connection.link_name')), 'the link-name finding on Connection Link Name');
  assert.ok(!o.markers.linkName, `the service link name is not blamed: ${JSON.stringify(o.markers)}`);
  // The service link name is checked by the same rules, on its own field.
  await page.fill('#svc-link', '9service');
  o = await waitFor(page, (x) => x.markers.linkName?.includes('connection.link_name_start'), 'the service link name\'s own finding');
  assert.match(o.panel, /Service Link Name: The link name `9service` must start with a lowercase letter/);
  await page.fill('#svc-link', 'zohocrm_service');
  o = await waitFor(page, (x) => !x.markers.linkName, 'the service link name finding to clear');
  await page.fill('#conn-link', 'crm_eu_conn');
  o = await waitFor(page, (x) => /connection: "crm_eu_conn"/.test(x.deluge ?? ''), 'the snippet with the connection link name');
  assert.doesNotMatch(o.deluge, /zohocrm_service/);
  assert.match(o.panel, /Connection: CRM EU connection · link name crm_eu_conn/);
  await page.close();
});

test('modal removed, or hidden by an inline style or a class: panel and markers go within one frame, and follow the form when it comes back', async () => {
  const page = await browser.context.newPage();
  await page.goto(URL_BASE);
  await waitFor(page, (o) => o.dc === 'eu', 'the overlay');
  await fillService(page);
  await waitFor(page, (x) => x.markers.clientId, 'the marker');
  for (const how of ['remove', 'hide', 'class']) {
    const gone = await page.evaluate(async (h) => {
      window.closeModal(h);
      await new Promise((r) => requestAnimationFrame(r));
      return document.querySelector('zck-overlay') === null;
    }, how);
    assert.ok(gone, `${how}: the overlay is gone by the next frame`);
    await page.waitForTimeout(300);
    assert.equal(await overlay(page), null, `${how}: and stays gone`);
    if (how === 'remove') await page.evaluate(() => window.openModal());
    else await page.evaluate(() => window.showModal());
    await waitFor(page, (o) => o.dc === 'eu', `${how}: the overlay for the form shown again`);
    await page.fill('#client-id', 'still-not-zoho');
    await page.fill('#token-url', 'https://accounts.zoho.eu/oauth/v2/token');
    await waitFor(page, (x) => x.markers.clientId, `${how}: markers on the new fields`);
  }
  await page.close();
});

test('markers follow their field in a scrolling dialog body, hide out of view, never extend the page or cover the buttons', async () => {
  const page = await browser.context.newPage();
  await page.goto(URL_BASE);
  await waitFor(page, (o) => o.dc === 'eu', 'the overlay');
  await fillService(page);
  await waitFor(page, (x) => x.markers.clientId, 'the marker');
  const geometry = () => page.evaluate(() => {
    const m = [...document.querySelector('zck-overlay').shadowRoot.querySelectorAll('.marker')].find((x) => x.dataset.field === 'clientId');
    const f = document.getElementById('client-id').getBoundingClientRect();
    const r = m.getBoundingClientRect();
    const cancel = document.getElementById('cancel').getBoundingClientRect();
    const hit = document.elementFromPoint(cancel.left + cancel.width / 2, cancel.top + cancel.height / 2);
    return { hidden: m.hidden, m: { top: r.top, bottom: r.bottom, left: r.left, right: r.right }, f: { top: f.top, bottom: f.bottom, left: f.left, right: f.right },
      cancelFree: hit?.id === 'cancel', pageWider: document.documentElement.scrollWidth > document.documentElement.clientWidth,
      pageTaller: document.documentElement.scrollHeight > document.documentElement.clientHeight };
  });
  const inside = (g) => g.m.top >= g.f.top - 1 && g.m.bottom <= g.f.bottom + 1 && g.m.left >= g.f.left - 1 && g.m.right <= g.f.right + 1;
  let g = await geometry();
  assert.ok(!g.hidden && inside(g), `marker on its field: ${JSON.stringify(g)}`);
  // No room right of the field in the dialog: a small badge at its right end, not a label over what was typed.
  assert.ok(g.m.right - g.m.left <= 30, `the marker is a badge over at most the field's last 30 px: ${JSON.stringify(g)}`);
  // Scroll the dialog body by 150 px: the marker moves with the field.
  await page.evaluate(() => { document.getElementById('zz-body').scrollTop = 150; });
  await page.waitForTimeout(100);
  g = await geometry();
  assert.ok(!g.hidden && inside(g), `marker follows the pane's scroll: ${JSON.stringify(g)}`);
  // Scrolled out of the pane: hidden.
  await page.evaluate(() => { document.getElementById('zz-body').scrollTop = 2000; });
  await page.waitForTimeout(100);
  g = await geometry();
  assert.ok(g.hidden, `marker hidden when its field is scrolled out of the pane: ${JSON.stringify(g)}`);
  assert.ok(g.cancelFree, 'the Cancel button is not covered');
  assert.ok(!g.pageWider && !g.pageTaller, 'the overlay does not extend the page');
  await page.evaluate(() => { document.getElementById('zz-body').scrollTop = 0; });
  await page.setViewportSize({ width: 1100, height: 700 });
  await page.waitForTimeout(100);
  g = await geometry();
  assert.ok(!g.hidden && inside(g), `marker follows a resize: ${JSON.stringify(g)}`);
  // The page puts a notice above the fields (no scroll, no resize, no keystroke): the marker is on its field again
  // in the next frame.
  const fieldTop = g.f.top;
  await page.evaluate(() => new Promise((done) => {
    const notice = document.createElement('div');
    notice.style.height = '80px';
    notice.textContent = 'Connection saved as draft';
    const body = document.getElementById('zz-body');
    body.insertBefore(notice, body.firstChild);
    requestAnimationFrame(() => requestAnimationFrame(done));
  }));
  g = await geometry();
  assert.ok(g.f.top > fieldTop + 40, `the notice moved the field down: ${JSON.stringify(g)}`);
  assert.ok(!g.hidden && inside(g), `marker follows a field moved by the page, in the next frame: ${JSON.stringify(g)}`);
  // The panel does not cover the form.
  const overlap = await page.evaluate(() => {
    const p = document.querySelector('zck-overlay').shadowRoot.querySelector('.panel').getBoundingClientRect();
    const f = document.querySelector('.zz-modal').getBoundingClientRect();
    return p.left < f.right && p.right > f.left && p.top < f.bottom && p.bottom > f.top;
  });
  assert.ok(!overlap, 'the panel is beside the dialog, not over it');
  await page.screenshot({ path: join(ARTIFACTS, 'overlay-lyte-modal.png') });
  await page.close();
});

test('a narrow panel wraps long URLs in its findings instead of scrolling sideways', async () => {
  const page = await browser.context.newPage();
  await page.setViewportSize({ width: 1100, height: 700 });
  await page.goto(URL_BASE);
  await waitFor(page, (o) => o.dc === 'eu', 'the overlay');
  await fillService(page);
  // The refresh-URL finding's fix names https://accounts.zoho.eu/oauth/v2/token, longer than a line of the panel.
  await waitFor(page, (x) => x.markers.refreshUrl?.includes('connection.missing_refresh_url'), 'the refresh URL finding');
  const box = await page.evaluate(() => {
    const p = document.querySelector('zck-overlay').shadowRoot.querySelector('.panel');
    return { client: p.clientWidth, scroll: p.scrollWidth, text: p.textContent };
  });
  assert.match(box.text, /accounts\.zoho\.eu\/oauth\/v2\/token/);
  assert.ok(box.client < 300, `the panel is narrow here (${box.client} px)`);
  assert.ok(box.scroll <= box.client, `no sideways scrolling: content ${box.scroll} px in ${box.client} px`);
  await page.close();
});

test('"Fix all for EU" fills every value the data center needs; messages name fields by their labels on the page', async () => {
  const page = await browser.context.newPage();
  await page.goto(URL_BASE);
  await waitFor(page, (o) => o.dc === 'eu', 'the overlay');
  await fillService(page);
  await page.fill('#auth-url', 'https://accounts.zoho.com/oauth/v2/auth');
  const o = await waitFor(page, (x) => x.fills.length > 1, 'several values to fill');
  // The core's sentences name config keys (`refreshUrl`, `tokenUrl`); the panel says what the page calls them.
  assert.doesNotMatch(o.panel, /\b(tokenUrl|refreshUrl|revokeUrl|authorizeUrl|clientId|grantType|linkName)\b/, o.panel);
  await page.locator('zck-overlay').locator('button[data-fix-all]').click();
  await waitFor(page, (x) => x.fills.length === 0, 'nothing left to fill');
  assert.equal(await page.inputValue('#auth-url'), 'https://accounts.zoho.eu/oauth/v2/auth?access_type=offline');
  assert.equal(await page.inputValue('#refresh-url'), 'https://accounts.zoho.eu/oauth/v2/token');
  assert.equal(await page.inputValue('#revoke-url'), 'https://accounts.zoho.eu/oauth/v2/token/revoke');
  await page.close();
});

test('German captions from Zoho\'s German help are read, and messages use them', async () => {
  const page = await browser.context.newPage();
  await page.goto('https://crm.zoho.eu/crm/org1/connection-form-intl?lang=de');
  await waitFor(page, (o) => o.dc === 'eu', 'the overlay on the German form');
  await page.fill('#g', 'https://accounts.zoho.eu/oauth/v2/token');
  await page.fill('#c', 'my-client');
  const o = await waitFor(page, (x) => x.markers.clientId?.includes('connection.client_id_shape'), 'the client-id check');
  assert.match(o.panel, /Client-ID: /, 'the finding is named by the page\'s caption');
  assert.doesNotMatch(o.panel, /\b(clientId|tokenUrl)\b/);
  await page.close();
});

test('French captions from Zoho\'s French help are read (a typographic apostrophe too), and messages use them', async () => {
  const page = await browser.context.newPage();
  await page.goto('https://crm.zoho.eu/crm/org1/connection-form-intl?lang=fr');
  await waitFor(page, (o) => o.dc === 'eu', 'the overlay on the French form');
  await page.fill('#c', 'my-client');
  // The access token URL on the US accounts server, on an EU page: the finding names the French caption.
  await page.fill('#g', 'https://accounts.zoho.com/oauth/v2/token');
  const o = await waitFor(page, (x) => x.markers.clientId?.includes('connection.client_id_shape') && x.markers.tokenUrl,
    'the client-id check and the wrong-DC finding on the access token URL');
  assert.match(o.panel, /ID client: /, 'the client-id finding is named by the page\'s caption');
  assert.match(o.panel, /URL du jeton d’accès: /, 'the token-URL finding is named by the page\'s caption');
  assert.doesNotMatch(o.panel, /\b(clientId|tokenUrl|Access Token URL)\b/);
  assert.equal(await page.evaluate(() => document.querySelector('zck-overlay').dataset.fields.split(' ').sort().join(' ')),
    'clientId clientSecret refreshUrl tokenUrl');
  await page.close();
});

test('Portuguese captions from Zoho\'s Brazilian help are read, and messages use them', async () => {
  const page = await browser.context.newPage();
  await page.goto('https://crm.zoho.eu/crm/org1/connection-form-intl?lang=pt');
  await waitFor(page, (o) => o.dc === 'eu', 'the overlay on the Portuguese form');
  await page.fill('#c', 'my-client');
  await page.fill('#h', 'https://accounts.zoho.com/oauth/v2/token');
  const o = await waitFor(page, (x) => x.markers.clientId?.includes('connection.client_id_shape') && x.markers.refreshUrl,
    'the client-id check and the wrong-DC finding on the refresh token URL');
  assert.match(o.panel, /ID do cliente: /);
  assert.match(o.panel, /URL do token de atualização: /);
  assert.doesNotMatch(o.panel, /\b(clientId|refreshUrl|Refresh Token URL)\b/);
  assert.equal(await page.evaluate(() => document.querySelector('zck-overlay').dataset.fields.split(' ').sort().join(' ')),
    'clientId clientSecret refreshUrl tokenUrl');
  await page.close();
});

test('Japanese captions from Zoho\'s Japanese help name the token URLs; the client ID is recognised by its value', async () => {
  const page = await browser.context.newPage();
  await page.goto('https://crm.zoho.eu/crm/org1/connection-form-intl?lang=ja');
  await page.waitForTimeout(300);
  // The Japanese page gives no client-ID caption: a Zoho client ID typed in its box names it.
  await page.fill('#c', '1000.GMB0YULZHJK411248S8I5GZ4CHUEX0');
  await page.fill('#g', 'https://accounts.zoho.com/oauth/v2/token');
  const o = await waitFor(page, (x) => x.markers.tokenUrl, 'the wrong-DC finding on the access token URL');
  assert.match(o.panel, /アクセストークンのURL: /, 'the finding is named by the page\'s caption');
  assert.doesNotMatch(o.panel, /\b(tokenUrl|Access Token URL)\b/);
  const fields = await page.evaluate(() => document.querySelector('zck-overlay').dataset.fields.split(' ').sort().join(' '));
  assert.equal(fields, 'clientId refreshUrl tokenUrl');
  await page.close();
});

test('captions in an unknown language: the form is recognised by what is typed, and the panel says what could not be named', async () => {
  const page = await browser.context.newPage();
  await page.goto('https://crm.zoho.eu/crm/org1/connection-form-intl');
  await page.waitForTimeout(500);
  assert.equal(await overlay(page), null, 'nothing before anything is typed');
  await page.fill('#c', '1000.GMB0YULZHJK411248S8I5GZ4CHUEX0');
  await page.waitForTimeout(400);
  assert.equal(await overlay(page), null, 'a client ID alone is not a connection form');
  await page.fill('#e', 'https://accounts.zoho.com/oauth/v2/auth');
  const o = await waitFor(page, (x) => x.markers.authorizeUrl, 'the overlay with the wrong-DC finding on the authorize URL');
  const named = await page.evaluate(() => {
    const n = document.querySelector('zck-overlay').shadowRoot.querySelector('[data-named-by-value]');
    return n ? { keys: n.dataset.namedByValue.split(' ').sort(), unnamed: Number(n.dataset.unnamed), text: n.textContent } : null;
  });
  assert.deepEqual(named?.keys, ['authorizeUrl', 'clientId']);
  assert.equal(named.unnamed, 6, 'the six other boxes are said to be unnamed');
  assert.match(o.panel, /could not be named/);
  // A URL typed into another box later joins the fields checked.
  await page.fill('#g', 'https://accounts.zoho.com/oauth/v2/token');
  await waitFor(page, (x) => x.markers.tokenUrl, 'the token URL once typed');
  await page.close();
});

test('a settings page holding only a Zoho client ID stays untouched', async () => {
  const page = await browser.context.newPage();
  await page.goto('https://crm.zoho.eu/crm/org1/settings-client-id');
  await page.fill('#other', '1000.GMB0YULZHJK411248S8I5GZ4CHUEX1');
  await page.fill('#cid', '1000.GMB0YULZHJK411248S8I5GZ4CHUEX0');
  await page.waitForTimeout(600);
  assert.equal(await overlay(page), null);
  await page.close();
});

test('in a same-origin frame sized to its form: the panel is collapsed and stays in the part of the frame the page shows', async () => {
  const page = await browser.context.newPage();
  await page.goto('https://crm.zoho.eu/crm/org1/connection-iframe-sized');
  const frame = page.frames().find((f) => f.url().includes('connection-form-lyte.html')) ?? (await page.waitForEvent('frameattached'));
  await frame.waitForLoadState('load');
  await waitFor(frame, (o) => o.dc === 'eu', 'the overlay in the frame');
  await frame.fill('#client-id', 'my-client');
  await frame.fill('#token-url', 'https://accounts.zoho.eu/oauth/v2/token');
  await waitFor(frame, (x) => x.markers.clientId, 'the marker in the frame');
  const where = async () => {
    const frameTop = await page.evaluate(() => document.getElementById('frm').getBoundingClientRect().top);
    const vh = await page.evaluate(() => innerHeight);
    const p = await frame.evaluate(() => {
      const panel = document.querySelector('zck-overlay').shadowRoot.querySelector('.panel');
      const r = panel.getBoundingClientRect();
      return { top: r.top, bottom: r.bottom, collapsed: panel.classList.contains('collapsed') };
    });
    return { top: p.top + frameTop, bottom: p.bottom + frameTop, collapsed: p.collapsed, vh };
  };
  let w = await where();
  assert.ok(w.collapsed, 'no room beside the form in a frame sized to it: collapsed');
  assert.ok(w.top >= 0 && w.bottom <= w.vh, `the panel is inside the top page's viewport: ${JSON.stringify(w)}`);
  await page.mouse.wheel(0, 400);
  await page.waitForTimeout(200);
  w = await where();
  assert.ok(w.top >= 0 && w.bottom <= w.vh, `still inside after the top page scrolled: ${JSON.stringify(w)}`);
  await page.close();
});

test('with room right of a field, its marker is drawn there, outside the text the admin types', async () => {
  const page = await browser.context.newPage();
  await page.goto('https://crm.zoho.com.au/crm/org1/connection-form-late');
  await waitFor(page, (o) => o.dc === 'au', 'the overlay');
  await page.fill('label:text("Access Token URL") + input', 'https://accounts.zoho.com.au/oauth/v2/token');
  await page.fill('label:text("Authorize URL") + input', `https://accounts.zoho.com/oauth/v2/auth?${'x'.repeat(80)}`);
  await waitFor(page, (x) => x.markers.authorizeUrl, 'the wrong-DC marker');
  const g = await page.evaluate(() => {
    const m = [...document.querySelector('zck-overlay').shadowRoot.querySelectorAll('.marker')].find((x) => x.dataset.field === 'authorizeUrl');
    const f = document.querySelector('label[for] + input[id]') && [...document.querySelectorAll('label')].find((l) => l.textContent === 'Authorize URL').nextElementSibling.getBoundingClientRect();
    const r = m.getBoundingClientRect();
    return { mLeft: r.left, mTop: r.top, mBottom: r.bottom, fRight: f.right, fTop: f.top, fBottom: f.bottom, text: m.textContent };
  });
  assert.ok(g.mLeft >= g.fRight, `the marker starts right of the field: ${JSON.stringify(g)}`);
  assert.ok(g.mTop >= g.fTop - 1 && g.mBottom <= g.fBottom + 1, `on the field's line: ${JSON.stringify(g)}`);
  assert.ok(g.text.length > 3, 'with its sentence');
  // The core's sentence says "while dataCenter is AU": the panel says it in words, not by the config key.
  const o = await overlay(page);
  assert.doesNotMatch(o.panel + g.text, /\bdataCenter\b/, o.panel);
  assert.match(o.panel, /the data center \(from this page's address\) is AU/);
  await page.close();
});

test('markers follow a scroll of the window, of a wrapper that becomes a scroll pane later, and of the pane holding re-rendered fields', async () => {
  const page = await browser.context.newPage();
  await page.goto('https://crm.zoho.com.au/crm/org1/connection-form-late');
  await waitFor(page, (o) => o.dc === 'au', 'the overlay');
  await page.fill('label:text("Access Token URL") + input', 'https://accounts.zoho.com.au/oauth/v2/token');
  await page.fill('label:text("Authorize URL") + input', 'https://accounts.zoho.com/oauth/v2/auth');
  await waitFor(page, (x) => x.markers.authorizeUrl, 'the wrong-DC marker');
  // The marker of Authorize URL against its field, read after two frames (markers move once a frame).
  const geometry = () => page.evaluate(() => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(() => {
    const m = [...document.querySelector('zck-overlay').shadowRoot.querySelectorAll('.marker')].find((x) => x.dataset.field === 'authorizeUrl');
    const f = [...document.querySelectorAll('label')].find((l) => l.textContent === 'Authorize URL').nextElementSibling.getBoundingClientRect();
    const r = m.getBoundingClientRect();
    done({ hidden: m.hidden, mTop: r.top, mBottom: r.bottom, fTop: f.top, fBottom: f.bottom });
  }))));
  const onField = (g) => !g.hidden && g.mTop >= g.fTop - 1 && g.mBottom <= g.fBottom + 1;
  let g = await geometry();
  assert.ok(onField(g), `on its field: ${JSON.stringify(g)}`);
  // Each change of the page below is followed by two frames before the scroll, so the re-placing that the change
  // itself causes is over: what moves the marker afterwards is the scroll alone.
  // The window scrolls (a page longer than the window).
  await page.evaluate(() => { const s = document.createElement('div'); s.style.height = '2000px'; document.body.append(s); });
  await geometry();
  await page.evaluate(() => scrollTo(0, 90));
  g = await geometry();
  assert.ok(onField(g) && g.fTop < 200, `follows the window's scroll: ${JSON.stringify(g)}`);
  await page.evaluate(() => scrollTo(0, 0));
  // `selector` becomes a scroll pane 120 px high, which leaves Authorize URL below its bottom (marker hidden); then
  // the pane scrolls the field to 20 px below its top.
  const paneThenScroll = async (selector) => {
    await page.evaluate((sel) => { document.querySelector(sel).style.cssText = 'display: block; overflow: auto; height: 120px'; }, selector);
    const before = await geometry();
    assert.ok(before.hidden, `below the new pane's bottom: hidden: ${JSON.stringify(before)}`);
    await page.evaluate((sel) => {
      const pane = document.querySelector(sel);
      const f = [...document.querySelectorAll('label')].find((l) => l.textContent === 'Authorize URL').nextElementSibling;
      pane.scrollTop += f.getBoundingClientRect().top - pane.getBoundingClientRect().top - 20;
    }, selector);
    return geometry();
  };
  // A wrapper of the form that could not scroll when the form was found becomes a scroll pane, and scrolls.
  g = await paneThenScroll('#root');
  assert.ok(onField(g), `follows the new pane's scroll: ${JSON.stringify(g)}`);
  await page.evaluate(() => { document.getElementById('root').scrollTop = 1000; });
  g = await geometry();
  assert.ok(g.hidden, `hidden when its field is scrolled out of the pane: ${JSON.stringify(g)}`);
  // The page re-renders the form with brand-new elements; the new form element itself becomes the scroll pane.
  await page.evaluate(() => { document.getElementById('root').style.cssText = ''; window.rerender(); });
  await page.fill('label:text("Authorize URL") + input', 'https://accounts.zoho.eu/oauth/v2/auth');
  await waitFor(page, (x) => x.markers.authorizeUrl && /accounts\.zoho\.eu/.test(x.panel), 'the new field read');
  g = await paneThenScroll('#root form');
  assert.ok(onField(g), `the re-rendered field's marker follows its new pane: ${JSON.stringify(g)}`);
  await page.close();
});

test('a button beside a field is never covered by its marker', async () => {
  const page = await browser.context.newPage();
  await page.goto('https://crm.zoho.com.au/crm/org1/connection-form-late');
  await waitFor(page, (o) => o.dc === 'au', 'the overlay');
  await page.evaluate(() => {
    const input = [...document.querySelectorAll('label')].find((l) => l.textContent === 'Authorize URL').nextElementSibling;
    const b = document.createElement('button');
    b.id = 'beside';
    b.type = 'button';
    b.textContent = 'Check';
    b.style.marginLeft = '8px';
    input.after(b);
  });
  await page.fill('label:text("Access Token URL") + input', 'https://accounts.zoho.com.au/oauth/v2/token');
  await page.fill('label:text("Authorize URL") + input', 'https://accounts.zoho.com/oauth/v2/auth');
  await waitFor(page, (x) => x.markers.authorizeUrl, 'the wrong-DC marker');
  await page.waitForTimeout(100);
  const hit = await page.evaluate(() => {
    const b = document.getElementById('beside').getBoundingClientRect();
    return document.elementFromPoint(b.left + 4, b.top + b.height / 2)?.id ?? null;
  });
  assert.equal(hit, 'beside', 'the button beside the field is not under the marker');
  await page.close();
});

test('a caption whose row holds no control this tool can read is reported as not read, and nothing else is read for it', async () => {
  const page = await browser.context.newPage();
  await page.goto(URL_BASE);
  await waitFor(page, (o) => o.dc === 'eu', 'the overlay');
  // A widget without any role: only a styled <div> showing the choice.
  await page.evaluate(() => {
    const dd = document.querySelector('#btn-grant').closest('lyte-dropdown');
    const div = document.createElement('div');
    div.textContent = 'Authorization Code';
    dd.replaceWith(div);
  });
  await fillService(page);
  const o = await waitFor(page, (x) => x.notRead.includes('grantType'), 'Grant Type reported as not read');
  assert.match(o.panel, /Grant Type: not read \(no control this tool can read in its row\)/);
  assert.doesNotMatch(o.readAs, /Grant Type/);
  assert.ok(!Object.values(o.markers).flat().some((c) => /grant/.test(c)), JSON.stringify(o.markers));
  await page.close();
});
