// End-to-end harness: serves the fixture pages over HTTPS under the real Zoho host names (Chromium's
// --host-resolver-rules maps them to 127.0.0.1; the certificate is made by the test with openssl), and launches
// Debian's Chromium with the built extension (extension/dist) loaded through playwright-core.
import { chromium } from 'playwright-core';
import { createServer } from 'node:https';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, mkdirSync, readFileSync, existsSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createRequire } from 'node:module';
import assert from 'node:assert/strict';

export const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
export const EXT = join(ROOT, 'extension', 'dist');
export const ARTIFACTS = process.env.ARTIFACTS ?? join(ROOT, 'test-artifacts');
const FIXTURES = join(ROOT, 'tests', 'fixtures', 'pages');
const core = createRequire(import.meta.url)(join(ROOT, 'pkg', 'node', 'zoho_connector_kit.js'));

/** Every Zoho host the tests serve: the CRM web hosts (from the registry) plus wrong ones we must ignore. */
export const CRM_HOSTS = core.listDataCenters().filter((d) => d.crmWebHost).map((d) => new URL(d.crmWebHost.value).host);
export const API_HOSTS = core.listDataCenters().flatMap((d) => [d.apiDomain, d.accountsServer]).filter(Boolean)
  .map((f) => new URL(f.value).host);
const ALL_HOSTS = [...new Set([...CRM_HOSTS, ...API_HOSTS, 'crm.zoho.ca', 'example.test'])];

/** A throwaway certificate for every served host. */
function makeCert(dir) {
  const key = join(dir, 'key.pem');
  const cert = join(dir, 'cert.pem');
  execFileSync('openssl', ['req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-days', '2', '-subj', '/CN=zck-e2e',
    '-addext', `subjectAltName=${ALL_HOSTS.map((h) => `DNS:${h}`).join(',')}`, '-keyout', key, '-out', cert],
  { stdio: 'ignore' });
  return { key: readFileSync(key), cert: readFileSync(cert) };
}

/**
 * Starts the fixture server. Routes: any path ending in a fixture name serves it; `?csp=strict` adds a strict
 * Content-Security-Policy header (as Zoho may send), `?csp=wasm` the same with 'wasm-unsafe-eval'.
 * `extraRoutes(req, res)` may answer first (mock APIs).
 */
export async function startServer(dir, extraRoutes) {
  const tls = makeCert(dir);
  const server = createServer(tls, (req, res) => {
    if (extraRoutes?.(req, res)) return;
    const url = new URL(req.url ?? '/', `https://${req.headers.host}`);
    const name = url.pathname.split('/').filter(Boolean).pop() ?? 'index.html';
    const file = join(FIXTURES, name.endsWith('.html') ? name : `${name}.html`);
    if (!existsSync(file)) {
      res.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
      return;
    }
    const headers = { 'content-type': 'text/html; charset=utf-8' };
    if (url.searchParams.get('csp') === 'strict') {
      headers['content-security-policy'] = "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; connect-src 'self'";
    } else if (url.searchParams.get('csp') === 'wasm') {
      // As strict, but the page itself allows Wasm (as a page that runs its own Wasm must).
      headers['content-security-policy'] = "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self' 'unsafe-inline'; connect-src 'self'";
    }
    res.writeHead(200, headers).end(readFileSync(file));
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  return server;
}

/**
 * Launches Chromium with the extension and the host mapping; returns { context, extensionId, close }.
 * `extension: false` launches the same browser without it (for comparisons); `extensionDir` loads another build.
 */
export async function launch({ withServer = true, extraRoutes, extension = true, extensionDir = EXT } = {}) {
  if (extension && !existsSync(join(extensionDir, 'manifest.json'))) throw new Error(`${extensionDir} is missing: run \`npm run build\` first`);
  mkdirSync(ARTIFACTS, { recursive: true });
  const dir = mkdtempSync(join(tmpdir(), 'zck-e2e-'));
  const server = withServer ? await startServer(dir, extraRoutes) : null;
  const port = server?.address().port;
  const rules = server ? ALL_HOSTS.map((h) => `MAP ${h} 127.0.0.1:${port}`).join(',') : '';
  const context = await chromium.launchPersistentContext(join(dir, 'profile'), {
    executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
    headless: false, // --headless=new below: the old headless mode cannot load extensions
    ignoreHTTPSErrors: true,
    ignoreDefaultArgs: extension ? ['--disable-extensions'] : [],
    args: ['--headless=new', '--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking',
      '--disable-component-update', '--disable-sync', '--disable-quic', '--ignore-certificate-errors',
      ...(rules ? [`--host-resolver-rules=${rules}`] : []),
      ...(extension ? [`--disable-extensions-except=${extensionDir}`, `--load-extension=${extensionDir}`] : [])],
  });
  let sw = null;
  if (extension) {
    [sw] = context.serviceWorkers();
    if (!sw) sw = await context.waitForEvent('serviceworker', { timeout: 15000 });
  }
  const extensionId = sw ? new URL(sw.url()).host : null;
  return {
    context,
    serviceWorker: sw,
    extensionId,
    async close() {
      await context.close();
      server?.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** The shadow host of the overlay, or null. */
export async function overlayState(page) {
  return page.evaluate(() => {
    const host = document.querySelector('zck-overlay');
    if (!host) return null;
    return { dc: host.dataset.dc ?? null, via: host.dataset.via ?? null, text: host.shadowRoot?.textContent ?? '' };
  });
}

/**
 * Evaluates `expression` in the content script's isolated world of `page`'s main frame (where the extension's
 * content script runs, apart from the page's scripts) and returns its value, or { exception } with the error text.
 * Playwright cannot reach that world; DevTools' Runtime domain can, by the world's execution context id.
 * `frameUrlPart`: the world of the same-origin frame whose URL contains it instead.
 */
export async function evaluateInContentScript(page, extensionId, expression, frameUrlPart = null) {
  const cdp = await page.context().newCDPSession(page);
  try {
    const contexts = [];
    cdp.on('Runtime.executionContextCreated', (e) => contexts.push(e.context));
    await cdp.send('Runtime.enable'); // replays the contexts that exist already
    // A same-origin frame runs in the page's process: its content script's world is one more context here.
    let frameId = null;
    if (frameUrlPart) {
      const { frameTree } = await cdp.send('Page.getFrameTree');
      const walk = (t) => (t.frame.url.includes(frameUrlPart) ? t.frame.id : (t.childFrames ?? []).map(walk).find(Boolean) ?? null);
      frameId = walk(frameTree);
      if (frameId === null) throw new Error(`no frame whose URL contains ${frameUrlPart} in ${page.url()}`);
    }
    const world = contexts.find((c) => c.origin === `chrome-extension://${extensionId}` && c.auxData?.type === 'isolated'
      && (frameId === null || c.auxData?.frameId === frameId));
    if (!world) throw new Error(`no isolated world of the extension in ${page.url()} (contexts: ${contexts.map((c) => c.origin).join(', ')})`);
    const r = await cdp.send('Runtime.evaluate', { expression, contextId: world.id, awaitPromise: true, returnByValue: true });
    if (r.exceptionDetails) return { exception: r.exceptionDetails.exception?.description ?? r.exceptionDetails.text };
    return r.result.value;
  } finally {
    await cdp.detach();
  }
}

/**
 * The overlay's timings of its last checks in `page`'s main frame, or in the same-origin frame whose URL contains
 * `frameUrlPart` (content.ts keeps them in its isolated world, out of the page's DOM):
 * [{ via, check, roundTrip, render, read }] in ms, oldest first.
 */
export async function overlayTimings(page, extensionId, frameUrlPart = null) {
  const t = await evaluateInContentScript(page, extensionId, 'globalThis.__zckOverlay?.timings ?? []', frameUrlPart);
  if (t?.exception) throw new Error(`the overlay's timings: ${t.exception}`);
  return t;
}

/**
 * What the overlay shows in a frame, as the tests read it: data center, markers by field (visible ones), the
 * panel's text, what it read, the fields it could not read, the findings' codes, the Fill offers, the Deluge snippet.
 */
export function overlayView(frame) {
  return frame.evaluate(() => {
    const host = document.querySelector('zck-overlay');
    if (!host) return null;
    const root = host.shadowRoot;
    const markers = {};
    for (const m of root.querySelectorAll('.marker')) if (!m.hidden) markers[m.dataset.field] = m.dataset.codes.split(' ');
    return {
      dc: host.dataset.dc ?? null, via: host.dataset.via, seq: Number(host.dataset.seq ?? 0), markers,
      panel: root.querySelector('.panel')?.textContent ?? '',
      readAs: root.querySelector('.readas')?.textContent ?? '',
      notRead: [...root.querySelectorAll('[data-not-read]')].map((li) => li.dataset.notRead),
      codes: [...root.querySelectorAll('li.finding')].map((li) => li.dataset.code),
      fills: [...root.querySelectorAll('[data-fill]')].map((li) => li.dataset.fill),
      deluge: root.querySelector('pre.deluge')?.textContent ?? null,
    };
  });
}

/** Polls `overlayView` until `predicate` holds (10 s), failing with the last state seen. */
export async function waitForOverlay(frame, predicate, what) {
  const end = Date.now() + 10000;
  let last;
  while (Date.now() < end) {
    last = await overlayView(frame);
    if (last && predicate(last)) return last;
    await new Promise((r) => setTimeout(r, 50));
  }
  assert.fail(`timed out waiting for ${what}; last overlay state: ${JSON.stringify(last)}`);
}
