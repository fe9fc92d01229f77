// Content script on the CRM web hosts. It wakes only where a connection form is on the page, reads that form
// (and nothing else), asks the extension's service worker to check it (it never compiles Wasm here: Zoho's page
// CSP may forbid it), and shows the answer beside the fields. It changes a field only when the admin clicks Fill,
// never stores anything, and writes text only.
import { findFields, isConnectionForm, type FieldElement, type FieldKey } from './overlay/form';
import { fillField, readConfig } from './overlay/read';
import { mount, place, render, showError, type Answer, type View } from './overlay/render';
import type { Reply } from './messages';
import { askCheck } from './overlay/channel';

let fields: Partial<Record<FieldKey, FieldElement>> = {};
let view: View | null = null;
let sequence = 0;
let lastAnswer: Answer | null = null;
let lastSent = '';
/** When the keystroke that the next check answers happened (event time, same clock as performance.now()). */
let pendingInputAt: number | null = null;

const actions = {
  fill(key: FieldKey, value: string) {
    const f = fields[key];
    if (f) fillField(f, value);
  },
  focus(key: FieldKey) {
    const f = fields[key];
    f?.scrollIntoView({ block: 'center' });
    f?.focus();
  },
  copy(text: string, button: HTMLButtonElement) {
    const label = button.textContent ?? 'Copy';
    navigator.clipboard.writeText(text).then(
      () => { button.textContent = 'Copied ✓'; },
      () => { button.textContent = 'Copy failed'; },
    ).finally(() => setTimeout(() => { button.textContent = label; }, 1500));
  },
};

async function check(): Promise<void> {
  const config = readConfig(fields);
  const key = JSON.stringify(config);
  if (key === lastSent && lastAnswer && view) {
    // Same form, same values (the page re-rendered something else): only move the markers.
    place(view, fields);
    return;
  }
  lastSent = key;
  const mine = ++sequence;
  const inputAt = pendingInputAt;
  pendingInputAt = null;
  let reply: Reply<'zck:check-form'>;
  const sentAt = performance.now();
  try {
    reply = await askCheck({ type: 'zck:check-form', config, pageUrl: location.href });
  } catch (e) {
    if (view) showError(view, `The extension's service worker did not answer (${e instanceof Error ? e.message : String(e)}).`);
    return;
  }
  if (mine !== sequence || !view) return; // a newer check is on its way
  const repliedAt = performance.now();
  if (!reply.ok) {
    showError(view, `${reply.error.code}: ${reply.error.message}`);
    return;
  }
  lastAnswer = { detection: reply.detection, report: reply.report, assist: reply.assist };
  render(view, lastAnswer, fields, actions);
  // For the end-to-end tests: how long from the reply to the findings being in the DOM.
  view.host.dataset.seq = String(mine);
  view.host.dataset.renderMs = (performance.now() - repliedAt).toFixed(2);
  view.host.dataset.checkMs = reply.checkMs.toFixed(3);
  view.host.dataset.roundTripMs = (repliedAt - sentAt).toFixed(2);
  // Keystroke to findings painted: measured at the next frame after the render.
  if (inputAt !== null) {
    const host = view.host;
    requestAnimationFrame(() => { host.dataset.keystrokeMs = (performance.now() - inputAt).toFixed(2); });
  }
}

let scheduled = false;
/** At most one look per animation frame, however busy the page is. */
function schedule(): void {
  if (scheduled) return;
  scheduled = true;
  requestAnimationFrame(() => {
    scheduled = false;
    const found = findFields(document);
    if (!isConnectionForm(found)) return;
    fields = found;
    view ??= mount();
    if (!view.host.isConnected) view = mount();
    void check();
  });
}

let queued = false;
/** A keystroke in a known field is checked at once (coalesced per task), not a frame later. */
function checkSoon(): void {
  if (queued) return;
  queued = true;
  queueMicrotask(() => {
    queued = false;
    void check();
  });
}

document.addEventListener('input', (e) => {
  if (!isOurField(e.target)) return;
  pendingInputAt ??= e.timeStamp;
  if (view && Object.values(fields).includes(e.target as FieldElement)) checkSoon();
  else schedule();
}, true);
document.addEventListener('change', (e) => { if (isOurField(e.target)) schedule(); }, true);
function isOurField(target: EventTarget | null): boolean {
  return Object.values(fields).includes(target as FieldElement) || !view;
}

const FORM_NODES = 'input, select, textarea, label, form, table, tr, td';

/** Only DOM changes that add or remove form parts matter; a page animating elsewhere costs nothing. */
function relevant(records: MutationRecord[]): boolean {
  for (const r of records) {
    if (view && (r.target === view.host || view.host.contains(r.target))) continue;
    for (const n of [...Array.from(r.addedNodes), ...Array.from(r.removedNodes)]) {
      if (n instanceof Element && (n.matches(FORM_NODES) || n.querySelector(FORM_NODES))) return true;
    }
  }
  return false;
}

// Forms render late, re-render and swap their inputs: look again when form parts come and go.
new MutationObserver((records) => {
  if (relevant(records)) schedule();
}).observe(document.documentElement, { childList: true, subtree: true });

window.addEventListener('scroll', () => { if (view) place(view, fields); }, { passive: true });
window.addEventListener('resize', () => { if (view) place(view, fields); });
schedule();
