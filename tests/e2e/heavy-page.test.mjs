// A heavy CRM page (issue 12, item 2): 52,600 elements, 2,000 nested divs, a hidden tab, and a search box whose
// own script updates a counter and highlights rows on every keystroke. The content script must not make typing
// slower: Chromium's own timeline trace (tests/e2e/trace.mjs) attributes every call into the content script's
// file, and the figures come from there, not from the extension's word. Before the fix each keystroke ran the
// whole label search (about 1.8 s of extension time per keystroke here, tasks of 2.4 s).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { launch } from './harness.mjs';
import { trace, extensionCost } from './trace.mjs';

const KEYSTROKES = 50;
/** Issue 12's goal: no task over 16 ms caused by the extension, under 2 ms of extension time per keystroke. */
const TASK_MS = 16;
const PER_KEYSTROKE_MS = 2;
/** A long task, as the Long Tasks API counts them: the bound for the first look after load. */
const LONG_TASK_MS = 50;

let browser;
let scriptUrl;
before(async () => {
  browser = await launch();
  scriptUrl = `chrome-extension://${browser.extensionId}/content.js`;
});
after(async () => { await browser?.close(); });

/** Loads `path`, traces until the content script has gone quiet (its first look is done); returns the load's cost. */
async function loadAndSettle(page, path) {
  let loadCost = null;
  const events = await trace(page, async () => {
    await page.goto(`https://crm.zoho.eu/crm/org1/tab/Leads/${path}`);
    await page.waitForTimeout(1500);
  });
  loadCost = extensionCost(events, scriptUrl);
  for (let i = 0; i < 10; i++) {
    const quiet = extensionCost(await trace(page, () => page.waitForTimeout(400)), scriptUrl);
    if (quiet.extCalls === 0) return loadCost;
  }
  assert.fail('the content script never went quiet on an unchanging page');
}

/** Types KEYSTROKES characters into `selector` (the page's own search box) while tracing. */
async function typeTraced(page, selector) {
  await page.click(selector);
  const events = await trace(page, async () => {
    for (let i = 0; i < KEYSTROKES; i++) await page.keyboard.type(String.fromCharCode(97 + (i % 26)));
    await page.waitForTimeout(300); // anything the keystrokes queued for idle time runs inside the trace
  });
  assert.equal((await page.inputValue(selector)).length, KEYSTROKES);
  return extensionCost(events, scriptUrl);
}

function assertCheap(cost, what) {
  // The content script's input listener runs on every keystroke: the trace sees it, so it is measuring the right
  // thing (a content script that never ran would cost nothing and prove nothing).
  assert.ok(cost.extCalls >= KEYSTROKES, `${what}: the trace saw ${cost.extCalls} calls into the content script`);
  const perKeystroke = cost.extMs / KEYSTROKES;
  assert.ok(cost.longestExtTaskMs < TASK_MS,
    `${what}: the content script spent ${cost.longestExtTaskMs.toFixed(1)} ms in one task (limit ${TASK_MS} ms): ${JSON.stringify(cost)}`);
  assert.ok(perKeystroke < PER_KEYSTROKE_MS,
    `${what}: ${perKeystroke.toFixed(2)} ms of extension time per keystroke (limit ${PER_KEYSTROKE_MS} ms): ${JSON.stringify(cost)}`);
}

test('typing on a heavy CRM page without a connection form: under 2 ms of extension time per keystroke, no extension task over 16 ms', async () => {
  const page = await browser.context.newPage();
  const load = await loadAndSettle(page, 'heavy');
  assert.ok(await page.evaluate(() => window.elementCount()) > 50000);
  assertCheap(await typeTraced(page, '#search'), 'no form');
  // The first look at 52,600 elements is cut into idle-time slices of 6 ms: none of them is a long task either.
  // (Not held to 16 ms: a garbage collection of the DOM wrappers the walk made can land in a slice; 16 ms was seen.)
  assert.ok(load.longestExtTaskMs < LONG_TASK_MS, `first look: ${JSON.stringify(load)}`);

  // The content script was watching all along: a connection form rendered into a hidden tab is not looked at
  // (hidden subtrees are skipped), and gets the overlay as soon as it is shown.
  await page.evaluate(() => window.addForm(true));
  await page.waitForTimeout(600);
  assert.equal(await page.$('zck-overlay'), null, 'no overlay for a form the admin cannot see');
  await page.evaluate(() => { document.getElementById('connection').hidden = false; });
  await page.waitForSelector('zck-overlay[data-seq]', { state: 'attached', timeout: 10000 });
  assert.equal(await page.getAttribute('zck-overlay', 'data-dc'), 'eu');
  await page.close();
});

test('the same heavy page with a connection form: typing outside the form costs the same; typing in it gets findings', async () => {
  const page = await browser.context.newPage();
  const load = await loadAndSettle(page, 'heavy?form=1');
  assert.ok(load.longestExtTaskMs < LONG_TASK_MS, `first look: ${JSON.stringify(load)}`);
  await page.waitForSelector('zck-overlay[data-seq]', { state: 'attached', timeout: 10000 });
  const seq = await page.getAttribute('zck-overlay', 'data-seq');
  assertCheap(await typeTraced(page, '#search'), 'form present, typing outside it');
  assert.equal(await page.getAttribute('zck-overlay', 'data-seq'), seq, 'typing outside the form never checks the form');

  // The form's own fields still answer at once.
  await page.fill('#cf5', 'https://accounts.zoho.eu/oauth/v2/token');
  await page.fill('#cf2', 'not-a-zoho-client');
  await page.waitForFunction(() => {
    const m = document.querySelector('zck-overlay')?.shadowRoot?.querySelector('.marker[data-field="clientId"]');
    return m && !m.hidden && m.dataset.codes.includes('connection.client_id_shape');
  }, null, { timeout: 10000 });
  await page.close();
});
