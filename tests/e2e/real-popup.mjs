// The real toolbar popup, as Chromium opens it from the extension's button: `chrome.action.openPopup()` from the
// service worker. Playwright does not expose that popup as a page, so an extension page opened in a tab (same
// origin) reaches its window through `chrome.extension.getViews({ type: 'popup' })` and measures it there.

/**
 * Opens the real popup and waits until it has painted its first tab. `viewer` is an extension page (options.html)
 * opened in a tab of the same browser; it must stay open while `inRealPopup` is used.
 */
export async function openRealPopup(browser, viewer) {
  await browser.serviceWorker.evaluate(() => chrome.action.openPopup());
  const end = Date.now() + 15000;
  while (Date.now() < end) {
    const ready = await viewer.evaluate(() => chrome.extension.getViews({ type: 'popup' })[0]?.document.body.dataset.ready ?? null);
    if (ready === '1') return;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error('the real popup did not open (chrome.action.openPopup)');
}

/** Runs `fn(popupWindow, arg)` in the viewer page against the real popup's window; returns its (JSON) value. */
export function inRealPopup(viewer, fn, arg) {
  return viewer.evaluate(`(${fn.toString()})(chrome.extension.getViews({ type: 'popup' })[0], ${JSON.stringify(arg ?? null)})`);
}

/** What a reader sees of the popup's text: font sizes, the tab bar's rows, the popup's size and overflow. */
export function measureText(win) {
  const d = win.document;
  const px = (el) => Number.parseFloat(win.getComputedStyle(el).fontSize);
  const visible = (el) => el.getClientRects().length > 0;
  const sizes = (sel) => [...d.querySelectorAll(sel)].filter(visible).map(px);
  const tabs = [...d.querySelectorAll('[role=tab]')];
  return {
    width: win.innerWidth,
    height: win.innerHeight,
    overflowX: d.documentElement.scrollWidth - d.documentElement.clientWidth,
    body: px(d.body),
    labels: sizes('label'),
    hints: sizes('.hint'),
    tabRows: new Set(tabs.map((t) => Math.round(t.getBoundingClientRect().top))).size,
    tabsRight: Math.max(...tabs.map((t) => t.getBoundingClientRect().right)),
  };
}

/**
 * A driver for the real toolbar popup: fill, choose, click and read through its window (as `inRealPopup`), and
 * screenshots and colour scheme through DevTools on the popup's own target (Playwright has no page for it).
 * Events are the ones a person's typing sends (`input`, then `change`), bubbling as the tabs listen for them.
 */
export async function realPopup(browser, viewer) {
  await openRealPopup(browser, viewer);
  const cdp = await browser.context.newCDPSession(viewer);
  const { targetInfos } = await cdp.send('Target.getTargets');
  const target = targetInfos.find((t) => t.type === 'page' && t.url === `chrome-extension://${browser.extensionId}/popup.html`);
  if (!target) throw new Error('no target for the real popup');
  const { sessionId } = await cdp.send('Target.attachToTarget', { targetId: target.targetId, flatten: false });
  let next = 0;
  const pending = new Map();
  cdp.on('Target.receivedMessageFromTarget', (e) => {
    const m = JSON.parse(e.message);
    const done = pending.get(m.id);
    if (!done) return;
    pending.delete(m.id);
    done(m);
  });
  const send = (method, params = {}) => new Promise((resolve, reject) => {
    const id = ++next;
    pending.set(id, (m) => (m.error ? reject(new Error(`${method}: ${m.error.message}`)) : resolve(m.result)));
    cdp.send('Target.sendMessageToTarget', { sessionId, message: JSON.stringify({ id, method, params }) }).catch(reject);
  });
  const run = (fn, arg) => inRealPopup(viewer, fn, arg);
  const popup = {
    eval: run,
    async click(selector) {
      const ok = await run((v, sel) => { const e = v.document.querySelector(sel); e?.click(); return Boolean(e); }, selector);
      if (!ok) throw new Error(`no ${selector} in the real popup`);
    },
    async fill(selector, value) {
      const ok = await run((v, [sel, text]) => {
        const e = v.document.querySelector(sel);
        if (!e) return false;
        e.focus();
        e.value = text;
        e.dispatchEvent(new v.Event('input', { bubbles: true }));
        e.dispatchEvent(new v.Event('change', { bubbles: true }));
        return true;
      }, [selector, value]);
      if (!ok) throw new Error(`no ${selector} in the real popup`);
    },
    /** Fills the Connection tab like fillConfig (tests/e2e/connection-form.mjs) does in a tab. */
    async fillConfig(config) {
      await popup.click('#tab-connection');
      await popup.fill('#c-authType', config.authType ?? '');
      for (const [key, value] of Object.entries(config)) {
        if (key !== 'authType') await popup.fill(`#c-${key}`, Array.isArray(value) ? value.join('\n') : value);
      }
    },
    /** Polls `fn(window, arg)` until it is truthy (10 s). */
    async waitFor(fn, arg, what) {
      const end = Date.now() + 10000;
      while (Date.now() < end) {
        const v = await run(fn, arg);
        if (v) return v;
        await new Promise((r) => setTimeout(r, 50));
      }
      throw new Error(`timed out waiting for ${what} in the real popup`);
    },
    async scheme(colorScheme) {
      await send('Emulation.setEmulatedMedia', { features: [{ name: 'prefers-color-scheme', value: colorScheme }] });
    },
    /** The popup as Chromium shows it, at its own size. */
    async screenshot(path) {
      const { data } = await send('Page.captureScreenshot', { format: 'png' });
      const { writeFileSync } = await import('node:fs');
      writeFileSync(path, Buffer.from(data, 'base64'));
    },
    async close() {
      await cdp.detach().catch(() => {});
    },
  };
  return popup;
}
