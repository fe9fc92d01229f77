// Content script on the CRM web hosts. It looks at the page only when the DOM changes, and only at what changed
// (overlay/scan.ts), so typing elsewhere in CRM costs nothing. Where a connection form is on the page it reads that
// form (and nothing else), asks the extension's service worker to check it (it never compiles Wasm here: Zoho's page
// CSP may forbid it), and shows the answer beside the fields. It changes a field only when the admin clicks Fill,
// never stores anything, and writes text only.
import { isConnectionForm, type FieldElement, type FieldKey } from './overlay/form';
import { LabelScanner, hiddenByMarkup } from './overlay/scan';
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
    reply = await askCheck({ type: 'zck:check-form', config, pageHost: location.hostname });
  } catch (e) {
    if (view) showError(view, `The extension's service worker did not answer (${e instanceof Error ? e.message : String(e)}).`);
    return;
  }
  if (mine !== sequence || !view) return; // a newer check is on its way
  const repliedAt = performance.now();
  if (!reply.ok) {
    lastSent = ''; // the next keystroke asks again, even with the same values
    if (reply.error.report) showError(view, reply.error.message, { report: reply.error.report, copy: actions.copy });
    else showError(view, `${reply.error.code}: ${reply.error.message}`);
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

const fieldSet = new Set<EventTarget>();
const scanner = new LabelScanner(document, (node) => node === view?.host);

/** Makes `found` the form's fields and checks it, if it is a connection form different from the one shown. */
function adopt(found: Partial<Record<FieldKey, FieldElement>>): void {
  if (!isConnectionForm(found)) return; // a form half-rendered or gone: keep what is shown
  const same = view?.host.isConnected
    && (Object.keys(found) as FieldKey[]).length === Object.keys(fields).length
    && (Object.keys(found) as FieldKey[]).every((k) => found[k] === fields[k]);
  if (same) return;
  fields = found;
  fieldSet.clear();
  for (const f of Object.values(fields)) fieldSet.add(f);
  if (!view?.host.isConnected) {
    view = mount();
    lastSent = ''; // a new panel is empty: check again even if the values did not change
  }
  void check();
}

/** What the last DOM changes asked for: walk new subtrees (in the scanner's queue), re-resolve the labels. */
let resolveWanted = false;
let idleScheduled = false;
const SLICE_MS = 6;

/** At most one look per idle period (or per 100 ms on a page that is never idle), in slices of SLICE_MS. */
function scheduleLook(): void {
  if (idleScheduled) return;
  idleScheduled = true;
  const run = () => {
    idleScheduled = false;
    const done = scanner.work(performance.now() + SLICE_MS);
    if (!done) {
      scheduleLook();
      return;
    }
    const lostField = Object.values(fields).some((f) => !f.isConnected);
    if (scanner.changed || lostField || resolveWanted) {
      resolveWanted = false;
      adopt(scanner.resolve());
    }
  };
  if (typeof requestIdleCallback === 'function') requestIdleCallback(run, { timeout: 100 });
  else setTimeout(run, 16);
}

// A keystroke in the form's own fields is checked at once (coalesced per task). Keystrokes anywhere else cost one
// Set lookup: the page is never searched because someone typed.
let queued = false;
function checkSoon(): void {
  if (queued) return;
  queued = true;
  queueMicrotask(() => {
    queued = false;
    void check();
  });
}
document.addEventListener('input', (e) => {
  if (!e.target || !fieldSet.has(e.target)) return;
  pendingInputAt ??= e.timeStamp;
  checkSoon();
}, true);
document.addEventListener('change', (e) => {
  if (e.target && fieldSet.has(e.target)) checkSoon();
}, true);

const VISIBILITY_ATTRIBUTES = ['hidden', 'inert', 'aria-hidden', 'style', 'class'];

// Forms render late, re-render, swap their inputs and come out of hiding: look again at what changed, and only
// at that. The callback itself only queues nodes; the walk happens at idle time.
new MutationObserver((records) => {
  let wanted = false;
  for (const r of records) {
    if (r.type === 'childList') {
      if (view && (r.target === view.host || view.host.contains(r.target))) continue;
      for (const n of Array.from(r.addedNodes)) {
        if (n !== view?.host) {
          scanner.add(n);
          wanted = true;
        }
      }
      if (r.removedNodes.length > 0 && fieldSet.size > 0) wanted = true;
    } else if (r.type === 'attributes') {
      const el = r.target as Element;
      const name = r.attributeName ?? '';
      if (name === 'class' || name === 'style') {
        // A style sheet may have shown a label already seen; an inline `display: none` may have been lifted.
        if (name === 'style' && r.oldValue && /none/i.test(r.oldValue) && !hiddenByMarkup(el)) {
          scanner.add(el);
          wanted = true;
        } else if (scanner.hiddenCandidates && fieldSet.size === 0) {
          resolveWanted = true;
          wanted = true;
        }
      } else if (!hiddenByMarkup(el)) {
        // hidden, inert or aria-hidden lifted: the subtree was skipped, walk it now.
        scanner.add(el);
        wanted = true;
      }
    }
  }
  if (wanted) scheduleLook();
}).observe(document.documentElement, {
  childList: true, subtree: true, attributes: true, attributeFilter: VISIBILITY_ATTRIBUTES, attributeOldValue: true,
});

window.addEventListener('scroll', () => { if (view) place(view, fields); }, { passive: true });
window.addEventListener('resize', () => { if (view) place(view, fields); });
scanner.add(document.body ?? document.documentElement);
scheduleLook();
