// Content script on the CRM web hosts. It looks at the page only when the DOM changes, and only at what changed
// (overlay/scan.ts), so typing elsewhere in CRM costs nothing. Where a connection form is on the page it reads that
// form (and nothing else), checks it — inside the page once the core's module has arrived and where the page's CSP
// allows Wasm, else in the extension's service worker (overlay/local.ts) — and shows the answer beside the fields.
// It changes a field only when the admin clicks Fill, never stores anything, and writes text only.
import { isConnectionForm, type FieldKey } from './overlay/form';
import { LabelScanner, hiddenByMarkup } from './overlay/scan';
import { fillField, readForm, type FormReading } from './overlay/read';
import { readField, type Field, type Reading } from './overlay/field';
import { mount, place, render, setData, showError, unmount, type Answer, type View } from './overlay/render';
import type { Reply, Request } from './messages';
import { instanceCount, type ConnectionConfig, type Diagnostic } from './core';
import { checkFormAnywhere, checkPlace, pageCore, startPageCore, warmUp } from './overlay/local';

let fields: Partial<Record<FieldKey, Field>> = {};
let view: View | null = null;
let sequence = 0;
let lastAnswer: Answer | null = null;
let lastSent = '';
/** When the keystroke that the next check answers happened (event time, same clock as performance.now()). */
let pendingInputAt: number | null = null;

const actions = {
  fill(key: FieldKey, value: string) {
    const f = fields[key]?.input;
    if (f) fillField(f, value);
  },
  focus(key: FieldKey) {
    const f = fields[key];
    f?.anchor.scrollIntoView({ block: 'center' });
    (f?.input ?? f?.anchor)?.focus();
  },
  copy(text: string, button: HTMLButtonElement) {
    const label = button.textContent ?? 'Copy';
    navigator.clipboard.writeText(text).then(
      () => { button.textContent = 'Copied ✓'; },
      () => { button.textContent = 'Copy failed'; },
    ).finally(() => setTimeout(() => { button.textContent = label; }, 1500));
  },
};

/** The request that checks `config` as a form on this page (the page's host names the data center the form does
 *  not): the keystroke's check, the service link name's, and the warm-up's. */
function formCheck(config: ConnectionConfig): Extract<Request, { type: 'zck:check-form' }> {
  return { type: 'zck:check-form', config, pageHost: location.hostname };
}

/** The service link name's own findings on a two-part form (the config's link name is the connection's there):
 *  the link-name rules from a check of the service link name alone, asked again only when it changes. */
let serviceLink: { value: string; findings: Diagnostic[] } = { value: '', findings: [] };
async function serviceLinkFindings(reading: FormReading): Promise<Diagnostic[]> {
  const value = reading.connection.serviceLinkName ?? '';
  if (!fields.connectionLinkName || !value) return [];
  if (value === serviceLink.value) return serviceLink.findings;
  try {
    const r = await checkFormAnywhere(formCheck({ linkName: value }));
    const findings = r.ok
      ? r.report.diagnostics.filter((d) => d.path === 'linkName' && d.code.startsWith('connection.link_name'))
        .map((d) => ({ ...d, path: 'serviceLinkName' }))
      : [];
    serviceLink = { value, findings };
    return findings;
  } catch {
    return [];
  }
}

/**
 * The readings of the widget fields (radios, dropdowns, comboboxes, chips), kept until an event on one of their
 * controls or a mutation in their row says they changed: a keystroke in Client ID then reads one text box, not
 * every radio group, listbox and chip of the form again. Text fields are always read (their value is one property
 * read, and a page script may set it without an event).
 */
const readings = new Map<Field, Reading>();
function readCached(f: Field): Reading {
  if (f.kind === 'text') return readField(f);
  let r = readings.get(f);
  if (!r) readings.set(f, (r = readField(f)));
  return r;
}
/** Forgets the readings of the fields `target` belongs to (an event on it, a mutation inside their rows). */
function changedAt(target: Node | EventTarget): void {
  if (readings.size === 0) return;
  for (const f of readings.keys()) {
    if (f.targets.includes(target) || (target instanceof Node && (f.row === target || f.row.contains(target)))) readings.delete(f);
  }
}

async function check(): Promise<void> {
  const reading: FormReading = readForm(fields, readCached);
  if (scanner.byValue.length) reading.named = { byValue: scanner.byValue, unnamed: scanner.unnamed };
  for (const key of scanner.notBound) reading.notRead.push({ key, why: 'no control this tool can read in its row' });
  const config = reading.config;
  const key = JSON.stringify(reading);
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
    reply = await checkFormAnywhere(formCheck(config));
  } catch (e) {
    if (view) showError(view, `The extension's service worker did not answer (${e instanceof Error ? e.message : String(e)}).`);
    return;
  }
  if (mine !== sequence || !view) return; // a newer check is on its way
  const repliedAt = performance.now();
  // For the tests: where the check ran ('page' or 'worker'), why not in the page, its memory (written on change).
  const where = checkPlace();
  setData(view.host, 'via', where.place);
  setData(view.host, 'pageCoreUnavailable', where.why || undefined);
  setData(view.host, 'pageCoreKib', where.memoryKiB ? String(where.memoryKiB) : undefined);
  if (!reply.ok) {
    lastSent = ''; // the next keystroke asks again, even with the same values
    if (reply.error.report) showError(view, reply.error.message, { report: reply.error.report, copy: actions.copy });
    else showError(view, `${reply.error.code}: ${reply.error.message}`);
    return;
  }
  const extra = await serviceLinkFindings(reading);
  if (mine !== sequence || !view) return;
  lastAnswer = { detection: reply.detection, report: reply.report, assist: reply.assist, reading, extra, sources: reply.sources };
  render(view, lastAnswer, fields, actions);
  // For the tests: a new answer is in the DOM (one attribute per check; the timings stay out of the page's DOM).
  view.host.dataset.seq = String(mine);
  // No animation-frame callback to time the paint: in a trace of the form in a frame, that one callback per
  // keystroke ran inside the very frame it timed (about 0.1 ms of its main-thread work). The benchmark times the
  // paint from the page instead (scripts/bench-browser.mjs).
  timings.push({
    via: where.place, check: reply.checkMs, roundTrip: repliedAt - sentAt, render: performance.now() - repliedAt,
    read: inputAt === null ? null : sentAt - inputAt,
  });
  if (timings.length > 1000) timings.shift();
}

/** One check's timings in ms: where it ran, the check, asked → answered, answer → findings in the DOM, the
 *  keystroke → check asked (the form read). */
interface Timing { via: string; check: number; roundTrip: number; render: number; read: number | null }
/** The last 1,000 checks' timings, for the benchmark and the tests, which read them from this content script's
 *  isolated world over DevTools (tests/e2e/harness.mjs `overlayTimings`); pages cannot see this world. The tests
 *  also reach the page's core there (like the worker's `__zckWorker`), to overflow its stack. */
const timings: Timing[] = [];
(globalThis as { __zckOverlay?: unknown }).__zckOverlay = { timings, pageCore, instanceCount, warmUp };

const fieldSet = new Set<EventTarget>();
/** The rows of fields read from widgets (radios, dropdowns, chips): a change inside one is a change of value. */
const rows = new Set<Element>();

/** Removes the panel and markers at once (in the mutation callback, so before the next frame is painted). */
function dropView(): void {
  if (view) unmount(view);
  view = null;
  fields = {};
  readings.clear();
  fieldSet.clear();
  rows.clear();
  observe();
  followScrolls();
  lastSent = '';
  lastAnswer = null;
  formGone = true;
}
/** The form was there and left (or was hidden): class and style changes may bring it back. */
let formGone = false;

function anchors(): HTMLElement[] {
  return Object.values(fields).map((f) => f.anchor);
}

/** True when the form shown is no longer on the page or no longer rendered. */
function formLost(): boolean {
  const all = Object.values(fields);
  if (all.length === 0) return false;
  let shown = 0;
  for (const f of all) {
    if (!f.anchor.isConnected) continue;
    if (typeof f.anchor.checkVisibility === 'function' && !f.anchor.checkVisibility()) continue;
    shown++;
  }
  return shown === 0 || !isConnectionForm(Object.fromEntries(all.filter((f) => f.anchor.isConnected).map((f) => [f.key, f])));
}
const scanner = new LabelScanner(document, (node) => node === view?.host);

/** Makes `found` the form's fields and checks it, if it is a connection form different from the one shown. */
function adopt(found: Partial<Record<FieldKey, Field>>): void {
  if (!isConnectionForm(found)) {
    // The form left the page (or is hidden): nothing may stay shown for it.
    if (view) dropView();
    return;
  }
  const same = view?.host.isConnected
    && (Object.keys(found) as FieldKey[]).length === Object.keys(fields).length
    && (Object.keys(found) as FieldKey[]).every((k) => found[k]?.anchor === fields[k]?.anchor
      && found[k]?.kind === fields[k]?.kind);
  if (same) return;
  fields = found;
  readings.clear();
  fieldSet.clear();
  rows.clear();
  for (const f of Object.values(fields)) {
    for (const t of f.targets) fieldSet.add(t);
    if (f.kind !== 'text') rows.add(f.row);
  }
  observe();
  followScrolls();
  // Checks move into the page once its core is ready: check again there (the panel then says so in its data).
  startPageCore(() => {
    lastSent = '';
    if (view) checkSoon();
  }, () => (view ? formCheck(readForm(fields, readCached).config) : null));
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
    const lostField = Object.values(fields).some((f) => !f.anchor.isConnected);
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
  if (!e.target) return;
  if (!fieldSet.has(e.target)) {
    // A form in a language without a caption table is recognised by what is typed: one pattern test on the
    // value of the input typed in, never a look at the page.
    if (scanner.noteValue(e.target)) {
      resolveWanted = true;
      scheduleLook();
    }
    return;
  }
  pendingInputAt ??= e.timeStamp;
  changedAt(e.target);
  checkSoon();
}, true);
document.addEventListener('change', (e) => {
  if (!e.target || !fieldSet.has(e.target)) return;
  changedAt(e.target);
  checkSoon();
}, true);

const VISIBILITY_ATTRIBUTES = ['hidden', 'inert', 'aria-hidden', 'style', 'class'];
/** Attributes through which a widget shows its choice (ARIA and the native ones; no framework's own names). */
const CHOICE_ATTRIBUTES = new Set(['aria-activedescendant', 'aria-selected', 'aria-checked', 'checked', 'selected']);

// Forms render late, re-render, swap their inputs and come out of hiding: look again at what changed, and only
// at that. The callback itself only queues nodes; the walk happens at idle time.
const observer = new MutationObserver((records) => {
  let wanted = false;
  let valueChanged = false;
  // Checked once per batch, not per record (a page may restyle thousands of elements per keystroke): was a node
  // removed, and which elements changed a visibility attribute.
  let removed = false;
  const restyled = new Set<Node>();
  let moved = false;
  for (const r of records) {
    if (view && (r.target === view.host || view.host.contains(r.target))) continue;
    moved = true;
    if (rows.size > 0) {
      // A dropdown's button text, a radio's state, a chip added or removed: read the form again (only its rows).
      for (const row of rows) {
        if (row.contains(r.target)) {
          valueChanged = true;
          changedAt(r.target);
          break;
        }
      }
    }
    if (r.type === 'attributes' && CHOICE_ATTRIBUTES.has(r.attributeName ?? '')) {
      // A choice shown outside the rows (a dropdown's list at the end of <body>): read the widgets again.
      readings.clear();
      continue;
    }
    if (fieldSet.size > 0) {
      if (r.type === 'childList' && r.removedNodes.length > 0) removed = true;
      else if (r.type === 'attributes') restyled.add(r.target);
    }
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
        } else if ((scanner.hiddenCandidates || formGone) && fieldSet.size === 0) {
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
  // The form removed or hidden: the panel and markers go now, not at the next idle look.
  const maybeLost = view !== null && (removed || restyled.size > 0) && anchors().some((a) => {
    if (removed && !a.isConnected) return true;
    if (restyled.size > 0) for (let e: Node | null = a; e; e = e.parentNode) if (restyled.has(e)) return true;
    return false;
  });
  if (maybeLost && view && formLost()) {
    dropView();
    wanted = true;
  }
  if (valueChanged && view) checkSoon();
  // Something above the fields may have grown or gone (a banner, an error line): the markers follow at the next
  // frame, at the cost of reading the fields' boxes when nothing moved.
  if (moved && view) {
    followScrolls();
    placeSoon(true);
  }
  if (wanted) scheduleLook();
});
/** Text edits are watched only while a widget's row is (a dropdown button whose text node is rewritten in place). */
let watchingText: boolean | null = null;
function observe(): void {
  const text = rows.size > 0;
  if (text === watchingText) return;
  watchingText = text;
  observer.observe(document.documentElement, {
    childList: true, subtree: true, characterData: text, attributes: true,
    attributeFilter: [...VISIBILITY_ATTRIBUTES, ...CHOICE_ATTRIBUTES], attributeOldValue: true,
  });
}
observe();

// Markers follow their fields when anything scrolls (a pane, a dialog body, the page) or resizes, and when the
// page's DOM changes: once a frame. `ifMoved` (DOM changes): only when a field moved; a pane shrunk around fields
// that stayed put is seen at the next scroll, resize or change shown (those always place).
let placeQueued: 'ifMoved' | 'always' | null = null;
function placeSoon(ifMoved = false): void {
  if (!view) return;
  if (placeQueued) {
    if (!ifMoved) placeQueued = 'always';
    return;
  }
  placeQueued = ifMoved ? 'ifMoved' : 'always';
  requestAnimationFrame(() => {
    const unlessUnmoved = placeQueued === 'ifMoved';
    placeQueued = null;
    if (view) place(view, fields, unlessUnmoved);
  });
}
const placeNow = (): void => placeSoon();
/**
 * Markers follow a scroll of anything holding a field: one passive listener on each of the fields' ancestors (a
 * pane, a dialog body, a shadow host, the document), not one on the whole document in capture. An ancestor that
 * cannot scroll never fires; and a text box scrolling its own text as the admin types in it (every keystroke once
 * the Client ID is wider than its box) calls nothing here. Traced on the Lyte form, the capture listener cost
 * 0.1 ms of each such keystroke just to be called into this script's world and return. The set follows the
 * fields (adopt) and the page's DOM changes (a field moved to another pane).
 */
const scrollTargets = new Set<EventTarget>();
function followScrolls(): void {
  const want = new Set<EventTarget>();
  for (const a of anchors()) {
    for (let n: Node | null = a.parentNode; n && !want.has(n); n = n instanceof ShadowRoot ? n.host : n.parentNode) {
      want.add(n);
    }
  }
  for (const t of scrollTargets) {
    if (want.has(t)) continue;
    t.removeEventListener('scroll', placeNow);
    scrollTargets.delete(t);
  }
  for (const t of want) {
    if (scrollTargets.has(t)) continue;
    t.addEventListener('scroll', placeNow, { passive: true });
    scrollTargets.add(t);
  }
}
window.addEventListener('resize', placeNow);
// In a same-origin frame the panel is kept inside the part of the frame the top page shows: follow its scroll.
try {
  if (window.frameElement && window.parent !== window) {
    window.parent.addEventListener('scroll', placeNow, { passive: true, capture: true });
    window.parent.addEventListener('resize', placeNow);
  }
} catch {
  // A cross-origin parent: the frame's own viewport is all there is.
}
scanner.add(document.body ?? document.documentElement);
scheduleLook();
