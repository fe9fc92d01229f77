// What the extension's content script costs the page, as Chromium itself attributes it: a DevTools timeline trace
// (the Performance panel's) of the page's renderer, where every call into JavaScript from the browser (event
// listeners, MutationObserver, requestIdleCallback, timers, frames) is a `FunctionCall` event naming the script it
// runs. Calls into the content script's file are the extension's; they are summed per top-level task (`RunTask`),
// in thread CPU time when the trace has it (so another process taking the CPU does not count against us).
// Used by tests/e2e/perf.test.mjs and scripts/bench-browser.mjs.

const CATEGORIES = ['devtools.timeline', 'disabled-by-default-devtools.timeline', 'toplevel'];

/** Runs `during()` while tracing `page`; returns the trace events. */
export async function trace(page, during) {
  const cdp = await page.context().newCDPSession(page);
  const events = [];
  cdp.on('Tracing.dataCollected', (e) => { for (const ev of e.value) events.push(ev); });
  const complete = new Promise((resolve) => cdp.once('Tracing.tracingComplete', resolve));
  await cdp.send('Tracing.start', { transferMode: 'ReportEvents', traceConfig: { includedCategories: CATEGORIES } });
  try {
    await during();
  } finally {
    await cdp.send('Tracing.end');
    await complete;
    await cdp.detach();
  }
  return events;
}

const ms = (us) => us / 1000;
/** CPU time of a complete event when the trace has it, else wall time (µs). */
const cost = (e) => (typeof e.tdur === 'number' ? e.tdur : e.dur ?? 0);

/**
 * The content script's cost in `events`: `scriptUrl` is the content script's URL
 * (chrome-extension://<id>/content.js).
 * - extMs: all its calls together; extCalls: how many;
 * - longestExtTaskMs: the most of its time inside one task (what it adds to the longest task it touches);
 * - longestTaskMs: the longest task on the page's main thread, whoever ran it (wall time);
 * - tasksOver16WithExt: tasks over 16 ms (wall) in which the content script ran at all.
 */
export function extensionCost(events, scriptUrl) {
  const calls = events.filter((e) => e.ph === 'X' && e.name === 'FunctionCall'
    && (e.args?.data?.url === scriptUrl || e.args?.data?.scriptName === scriptUrl));
  const threads = new Set(calls.map((e) => `${e.pid}:${e.tid}`));
  // Only the outermost call counts (a call of ours nested in another of ours is inside its time already).
  const outer = [];
  const byThread = new Map();
  for (const c of [...calls].sort((a, b) => a.ts - b.ts)) {
    const key = `${c.pid}:${c.tid}`;
    const end = byThread.get(key) ?? -Infinity;
    if (c.ts < end) continue;
    byThread.set(key, c.ts + (c.dur ?? 0));
    outer.push(c);
  }
  const tasks = events.filter((e) => e.ph === 'X' && e.name === 'RunTask' && threads.has(`${e.pid}:${e.tid}`))
    .sort((a, b) => a.ts - b.ts);
  const perTask = new Map();
  for (const c of outer) {
    const task = tasks.find((t) => t.pid === c.pid && t.tid === c.tid && t.ts <= c.ts && c.ts + (c.dur ?? 0) <= t.ts + t.dur);
    perTask.set(task ?? c, (perTask.get(task ?? c) ?? 0) + cost(c));
  }
  let longestTask = 0;
  for (const t of tasks) longestTask = Math.max(longestTask, t.dur);
  return {
    extMs: ms(outer.reduce((sum, c) => sum + cost(c), 0)),
    extCalls: outer.length,
    longestExtTaskMs: ms(Math.max(0, ...perTask.values())),
    longestTaskMs: ms(longestTask),
    tasksOver16WithExt: [...perTask.keys()].filter((t) => t.name === 'RunTask' && t.dur > 16000).length,
  };
}

/** The longest task (wall ms) on the main thread of the page whose frame is `frameId`, for runs without the extension. */
export function longestPageTaskMs(events) {
  // The page's main thread is the one that ran its event listeners (EventDispatch with the page's frame).
  const dispatch = events.find((e) => e.name === 'EventDispatch' && e.args?.data?.type === 'input');
  if (!dispatch) return NaN;
  let longest = 0;
  for (const e of events) {
    if (e.ph === 'X' && e.name === 'RunTask' && e.pid === dispatch.pid && e.tid === dispatch.tid) longest = Math.max(longest, e.dur);
  }
  return ms(longest);
}
