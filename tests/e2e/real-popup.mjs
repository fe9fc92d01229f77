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
