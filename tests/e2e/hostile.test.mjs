// Pages that attack the overlay: HTML and script in labels and values, a 1 MB value, thousands of fields, a part
// of the page that mutates every frame, look-alike messages. Nothing executes, nothing leaks, page and overlay stay
// responsive. And the manifest asks for exactly what it needs.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createRequire } from 'node:module';
import { launch, ROOT, EXT, evaluateInContentScript } from './harness.mjs';

let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser?.close(); });

const shadow = (page) => page.evaluate(() => {
  const host = document.querySelector('zck-overlay');
  if (!host) return null;
  const root = host.shadowRoot;
  return {
    seq: Number(host.dataset.seq ?? 0),
    elements: [...root.querySelectorAll('*')].map((e) => e.tagName.toLowerCase()),
    text: root.textContent,
    markers: Object.fromEntries([...root.querySelectorAll('.marker')].map((m) => [m.dataset.field, m.dataset.codes])),
  };
});

async function until(page, predicate, what, ms = 15000) {
  const end = Date.now() + ms;
  let last;
  while (Date.now() < end) {
    last = await shadow(page);
    if (last && predicate(last)) return last;
    await new Promise((r) => setTimeout(r, 50));
  }
  assert.fail(`timed out waiting for ${what}: ${JSON.stringify(last)?.slice(0, 500)}`);
}

test('HTML and script in labels and values never execute and are shown as text', async () => {
  const page = await browser.context.newPage();
  const requests = [];
  page.on('request', (r) => requests.push(r.url()));
  await page.goto('https://crm.zoho.eu/crm/org1/hostile');
  await until(page, (s) => s.seq > 0, 'the overlay');
  const evil = '"><img src=x onerror="window.__pwned=\'value\'"><script>window.__pwned=\'script\'</script>';
  await page.fill('#b', evil);
  await page.fill('#g', 'https://accounts.zoho.eu/oauth/v2/token');
  const s = await until(page, (x) => (x.markers.linkName ?? '').includes('connection.link_name'), 'the link-name finding');
  assert.ok(s.text.includes('<img src=x') || s.text.includes('onerror'), 'the value is shown literally as text');
  assert.ok(!s.elements.includes('img') && !s.elements.includes('script'), `no element built from page data: ${[...new Set(s.elements)]}`);
  assert.equal(await page.evaluate(() => window.__pwned ?? null), 'label', 'only the page\'s own label image ran; nothing we wrote did');
  assert.ok(requests.every((u) => u.startsWith('https://crm.zoho.eu/') || u.startsWith('chrome-extension://')), `unexpected requests: ${requests}`);
  await page.close();
});

test('a 1 MB value, 3,000 other fields and a page that mutates every frame stay responsive', async () => {
  const page = await browser.context.newPage();
  await page.goto('https://crm.zoho.eu/crm/org1/hostile');
  await until(page, (s) => s.seq > 0, 'the overlay');
  const framesBefore = await page.evaluate(() => window.frameCount());
  const t0 = Date.now();
  await page.evaluate(() => {
    const el = document.getElementById('a');
    el.value = 'x'.repeat(1 << 20);
    el.dispatchEvent(new Event('input', { bubbles: true }));
  });
  const s = await until(page, (x) => (x.markers.serviceName ?? '').includes('connection.service_name_too_long'), 'the too-long finding');
  const took = Date.now() - t0;
  assert.ok(took < 5000, `the overlay answered a 1 MB value in ${took} ms`);
  assert.ok(s.text.length < 200000, `the overlay does not echo the megabyte (${s.text.length} chars)`);
  await page.waitForTimeout(1000);
  const frames = (await page.evaluate(() => window.frameCount())) - framesBefore;
  const seconds = (Date.now() - t0) / 1000;
  assert.ok(frames / seconds > 20, `the page kept animating: ${(frames / seconds).toFixed(0)} frames/s`);
  // Typing still updates the findings promptly.
  await page.fill('#a', 'Mailchimp');
  await until(page, (x) => !(x.markers.serviceName ?? '').includes('too_long'), 'findings to follow typing', 3000);
  await page.close();
});

test('page scripts cannot reach the extension; look-alike window messages do nothing', async () => {
  const page = await browser.context.newPage();
  await page.goto('https://crm.zoho.eu/crm/org1/hostile');
  await until(page, (s) => s.seq > 0, 'the overlay');
  assert.equal(await page.evaluate(() => window.pageCanReachExtensions), false);
  const before = (await shadow(page)).seq;
  await page.waitForTimeout(600); // six look-alike messages
  assert.equal((await shadow(page)).seq, before, 'window messages never trigger a check');
  await page.close();
});

test('the service worker refuses malformed requests and the token test from outside its own pages', async () => {
  const page = await browser.context.newPage();
  await page.goto(`chrome-extension://${browser.extensionId}/popup.html`);
  await page.waitForSelector('body[data-ready="1"]');
  const replies = await page.evaluate(async () => Promise.all([
    chrome.runtime.sendMessage({ type: 'zck:evil' }),
    chrome.runtime.sendMessage({ type: 'zck:detect', text: 'x'.repeat(5000) }),
    chrome.runtime.sendMessage('zck:detect'),
  ]));
  for (const r of replies) assert.equal(r.error?.code, 'message.refused');
  await page.close();
});

test('a panic in the popup shows a clear, copyable report, and the popup works again after reopening', async () => {
  const page = await browser.context.newPage();
  await page.goto(`chrome-extension://${browser.extensionId}/popup.html`);
  await page.waitForSelector('body[data-ready="1"]');
  const thrown = await page.evaluate(() => { try { window.__zck.__panicForTests(); return null; } catch (e) { return e.constructor.name; } });
  assert.equal(thrown, 'RuntimeError');
  await page.waitForSelector('body[data-ready="panic"]');
  const report = await page.textContent('pre.report');
  assert.match(report, /internal error/);
  assert.match(report, /version: \d+\.\d+\.\d+/);
  assert.match(await page.textContent('.fatal'), /Close and reopen/);
  assert.ok(await page.locator('.fatal button.copy').isVisible());
  await page.reload();
  await page.waitForSelector('body[data-ready="1"]');
  assert.ok(await page.locator('[role=tab]').count() >= 3);
  await page.close();
});

test('a secret kept with a profile cannot be read by the content script (storage is for trusted contexts only)', async () => {
  // As the Profiles tab stores it when "keep the secret" is ticked: in chrome.storage.local.
  const secret = '5d2e0c1f9a7b3e4d6c8a0b2e4f6a8c0d1e3f5a7b9c';
  await browser.serviceWorker.evaluate((s) => chrome.storage.local.set({ 'zck.probe': { clientSecret: s } }), secret);
  const page = await browser.context.newPage();
  await page.goto('https://crm.zoho.eu/crm/org1/connection-form');
  await until(page, (s) => s.seq > 0, 'the overlay (the content script runs here)');
  // Run in the content script's own world: every storage area the extension could keep a secret in.
  const seen = await evaluateInContentScript(page, browser.extensionId, `(async () => {
    const out = {};
    for (const name of ['local', 'sync', 'session']) {
      try { out[name] = JSON.stringify(await chrome.storage[name].get(null)); } catch (e) { out[name] = 'refused: ' + e.message; }
    }
    return out;
  })()`);
  for (const name of ['local', 'sync', 'session']) {
    assert.ok(!seen[name].includes(secret), `the content script read the secret from storage.${name}`);
    assert.match(seen[name], /^refused: /, `storage.${name} is closed to the content script: ${seen[name]}`);
  }
  // The extension's own pages still read it.
  const own = await browser.serviceWorker.evaluate(() => chrome.storage.local.get('zck.probe'));
  assert.equal(own['zck.probe'].clientSecret, secret);
  await browser.serviceWorker.evaluate(() => chrome.storage.local.remove('zck.probe'));
  await page.close();
});

/** Calls `f` at every stack depth down from the deepest reachable one until it succeeds: the calls near the limit
 *  overflow the stack partway, inside the Wasm (a RangeError, as deep Deluge gave before the parser bounded its
 *  depth; Deluge nested 200 deep recurses far enough and answers "nested too deeply"). Three rounds, each followed
 *  by an ordinary call as the popup would make next. Before the fix those ordinary calls failed ("memory access out
 *  of bounds", then "unreachable"): the overflows had left the instance dead. */
const OVERFLOW_EVERYWHERE = `(f) => {
  const src = 'x = ' + '('.repeat(200) + '1' + ')'.repeat(200) + ';';
  f(src); // once with room: the wrapper is compiled, so the overflows below happen in the call itself
  let first = null;
  let inWasm = false;
  const next = [];
  for (let round = 0; round < 3; round++) {
    const deep = () => {
      try { return deep(); } catch {
        try { return f(src); } catch (e) {
          first ??= e.name + ': ' + e.message;
          inWasm ||= e instanceof RangeError && String(e.stack).includes('wasm-function[');
          throw e;
        }
      }
    };
    try { deep(); } catch (e) { next.push('overflow round threw ' + e.name + ': ' + e.message); }
    try { next.push(Array.isArray(f('x = 1;\\ninfo x;')) ? 'answered' : 'no answer'); } catch (e) { next.push(e.name + ': ' + e.message); }
  }
  return { first, inWasm, next };
}`;

test('a stack overflow in a Wasm call is treated like a trap in the popup: the report, and a fresh instance next', async () => {
  const page = await browser.context.newPage();
  await page.goto(`chrome-extension://${browser.extensionId}/popup.html`);
  await page.waitForSelector('body[data-ready="1"]');
  const r = await page.evaluate((src) => {
    const before = window.__zckInstances?.() ?? 1;
    return { before, ...(0, eval)(src)(window.__zck.checkDeluge), after: window.__zckInstances?.() ?? 1 };
  }, OVERFLOW_EVERYWHERE);
  assert.match(r.first, /^RangeError: Maximum call stack size exceeded/);
  assert.ok(r.inWasm, 'the stack overflowed inside the Wasm');
  assert.deepEqual(r.next, ['answered', 'answered', 'answered'], 'every call after an overflow answers');
  assert.ok(r.after > r.before, `a fresh instance was started (${r.before} → ${r.after})`);
  await page.waitForSelector('body[data-ready="panic"]', { timeout: 5000 });
  const report = await page.textContent('pre.report');
  assert.match(report, /error: RangeError: Maximum call stack size exceeded/);
  assert.match(await page.textContent('.fatal'), /internal error \(a bug, not something you did\)/);
  assert.ok(await page.locator('.fatal button.copy').isVisible());
  assert.equal(await page.evaluate(() => typeof window.__zck.version()), 'string');
  await page.close();
});

test('a stack overflow in the service worker: the next call runs on a fresh instance, and the overlay still answers', async () => {
  const r = await browser.serviceWorker.evaluate(async (src) => {
    const { core, instanceCount } = globalThis.__zckWorker;
    const api = await core();
    const before = instanceCount();
    return { before, ...(0, eval)(src)(api.checkDeluge), dc: api.detectDataCenter('crm.zoho.eu').dataCenter, after: instanceCount() };
  }, OVERFLOW_EVERYWHERE);
  assert.match(r.first, /^RangeError: Maximum call stack size exceeded/);
  assert.ok(r.inWasm, 'the stack overflowed inside the Wasm');
  assert.deepEqual(r.next, ['answered', 'answered', 'answered'], 'every call after an overflow answers');
  assert.equal(r.dc, 'eu');
  assert.ok(r.after > r.before, `a fresh instance was started (${r.before} → ${r.after})`);
  const page = await browser.context.newPage();
  await page.goto('https://crm.zoho.eu/crm/org1/connection-form');
  await until(page, (s) => s.seq > 0 && s.text.includes('Zoho EU data center'), 'the overlay after the overflow');
  await page.close();
});

test('a stack overflow in the core running in the page: the next check runs on a fresh instance there', async () => {
  const page = await browser.context.newPage();
  await page.goto('https://crm.zoho.eu/crm/org1/connection-form');
  await page.waitForFunction(() => document.querySelector('zck-overlay')?.dataset.pageCoreKib, null, { timeout: 10000 });
  const r = await evaluateInContentScript(page, browser.extensionId, `(() => {
    const { pageCore, instanceCount } = globalThis.__zckOverlay;
    const before = instanceCount();
    return { before, ...(${OVERFLOW_EVERYWHERE})(pageCore().checkDeluge), after: instanceCount() };
  })()`);
  assert.ok(!r.exception, r.exception);
  assert.match(r.first, /^RangeError: Maximum call stack size exceeded/);
  assert.ok(r.inWasm, 'the stack overflowed inside the Wasm');
  assert.deepEqual(r.next, ['answered', 'answered', 'answered'], 'every call after an overflow answers');
  assert.ok(r.after > r.before, `a fresh instance was started (${r.before} → ${r.after})`);
  // The form is still checked in the page, on the fresh instance.
  const seq = await page.evaluate(() => Number(document.querySelector('zck-overlay').dataset.seq));
  await page.fill('#s8', 'https://accounts.zoho.eu/oauth/v2/token');
  await page.fill('#s5', 'not-a-zoho-client');
  await until(page, (s) => s.seq > seq && s.markers.clientId?.includes('connection.client_id_shape'), 'the overlay after the overflow');
  assert.equal(await page.evaluate(() => document.querySelector('zck-overlay').dataset.via), 'page');
  await page.close();
});

test('the manifest asks for exactly what it needs', () => {
  const m = JSON.parse(readFileSync(join(EXT, 'manifest.json'), 'utf8'));
  const core = createRequire(import.meta.url)(join(ROOT, 'pkg', 'node', 'zoho_connector_kit.js'));
  const dcs = core.listDataCenters();
  assert.equal(m.manifest_version, 3);
  assert.deepEqual(m.permissions, ['storage']);
  assert.deepEqual(m.host_permissions, dcs.flatMap((d) => [d.apiDomain, d.sandboxApiDomain, d.developerApiDomain]).filter(Boolean).map((f) => `${f.value}/*`));
  assert.ok(m.host_permissions.every((h) => /^https:\/\/[a-z]+\.zohoapis\.[a-z.]+\/\*$/.test(h)), 'only Zoho API hosts');
  assert.equal(m.content_scripts.length, 1);
  assert.deepEqual(m.content_scripts[0].matches, dcs.filter((d) => d.crmWebHost).map((d) => `${d.crmWebHost.value}/*`));
  assert.deepEqual(m.content_scripts[0].js, ['content.js']);
  assert.equal(m.web_accessible_resources, undefined, 'no extension resource is exposed to pages');
  assert.equal(m.externally_connectable, undefined, 'no page or extension may message us');
  assert.equal(m.content_security_policy.extension_pages, "script-src 'self' 'wasm-unsafe-eval'; object-src 'none'; base-uri 'none'; frame-ancestors 'none'");
  assert.deepEqual(Object.keys(m).sort(), ['action', 'background', 'content_scripts', 'content_security_policy', 'description', 'host_permissions', 'icons', 'manifest_version', 'minimum_chrome_version', 'name', 'options_page', 'permissions', 'version']);
  // No remote code and no eval in anything shipped.
  for (const f of ['background.js', 'popup.js', 'options.js', 'content.js']) {
    const js = readFileSync(join(EXT, f), 'utf8');
    assert.ok(!/\beval\s*\(|new Function\s*\(/.test(js), `${f} uses eval`);
    assert.ok(!/import\s*\(\s*['"]https?:|from\s+['"]https?:/.test(js), `${f} loads remote code`);
  }
  for (const f of ['popup.html', 'options.html']) {
    const html = readFileSync(join(EXT, f), 'utf8');
    assert.ok(!/src=["']https?:/.test(html), `${f} loads a remote script`);
  }
});
