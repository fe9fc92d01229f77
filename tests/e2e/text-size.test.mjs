// Text at its real size (issue 15, item 4): Chromium gives every extension page `body { font-size: 75% }`, so a
// popup styled on :root alone shows 9.75 px text, labels smaller than their hints. Measured in the real toolbar
// popup (chrome.action.openPopup) and the options page, not in a tab standing in for them.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { launch } from './harness.mjs';
import { inRealPopup, measureText, openRealPopup } from './real-popup.mjs';

let browser;
let viewer;
before(async () => {
  browser = await launch({ withServer: false });
  viewer = await browser.context.newPage();
  await viewer.goto(`chrome-extension://${browser.extensionId}/options.html`);
  await viewer.waitForSelector('body[data-ready="1"]');
});
after(async () => { await browser?.close(); });

test('the real popup: body text 13 px, no label smaller than a hint, the tab bar on one row, no sideways scroll', async () => {
  await openRealPopup(browser, viewer);
  const m = await inRealPopup(viewer, measureText);
  assert.equal(m.body, 13, `body text is ${m.body} px in the real popup`);
  assert.ok(m.labels.length >= 5 && m.hints.length >= 2, JSON.stringify(m));
  assert.ok(Math.min(...m.labels) >= Math.max(...m.hints), `labels ${m.labels} vs hints ${m.hints}`);
  assert.ok(Math.min(...m.labels) >= 12, `labels ${m.labels}`);
  assert.equal(m.tabRows, 1, `the tab bar wraps to ${m.tabRows} rows at the popup's width (${m.width} px)`);
  assert.ok(m.tabsRight <= m.width, `the last tab ends at ${m.tabsRight} px, past the popup's ${m.width} px`);
  assert.ok(m.overflowX <= 0, `the popup scrolls sideways by ${m.overflowX} px`);
  // Chromium caps a popup at 800 × 600.
  assert.ok(m.width <= 800 && m.height <= 600, `${m.width} × ${m.height}`);
});

test('the options page: body text 13 px, labels at least as large as hints', async () => {
  const m = await viewer.evaluate(() => ({
    body: Number.parseFloat(getComputedStyle(document.body).fontSize),
    labels: [...document.querySelectorAll('label')].map((e) => Number.parseFloat(getComputedStyle(e).fontSize)),
    cells: [...document.querySelectorAll('td')].map((e) => Number.parseFloat(getComputedStyle(e).fontSize)),
  }));
  assert.equal(m.body, 13);
  assert.ok(Math.min(...m.labels) >= 13, `labels ${m.labels}`);
  assert.ok(Math.min(...m.cells) >= 12, `table cells ${[...new Set(m.cells)]}`);
});
