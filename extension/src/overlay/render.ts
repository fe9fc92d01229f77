// The overlay's view, in a Shadow DOM: a marker beside each field that has findings, and a compact panel with the
// summary, the right values for the data center (filled only on an explicit click), the callback URLs to register
// and the Deluge snippet. Text only: nothing here parses HTML, and page data only ever lands in textContent.
import type { Assist, ConnectionReport, Detection, Diagnostic } from '../core';
import type { FieldKey } from './form';
import { FIELD_KEYS, englishLabel, isFieldKey } from './schema';
import type { Field } from './field';
import type { FormReading } from './read';
import type { Source } from '../sources';
import { inFormWords, type FieldWords } from '../labels';

type Fields = Partial<Record<FieldKey, Field>>;

export const HOST_TAG = 'zck-overlay';

const STYLE = `
:host { all: initial; }
.marker { position: fixed; z-index: 2147483646; font: 600 11px/16px system-ui, sans-serif; color: #fff;
  border-radius: 8px; padding: 0 6px; max-width: 280px; white-space: nowrap; overflow: hidden; text-overflow: ellipsis;
  box-shadow: 0 1px 3px rgba(0,0,0,.3); pointer-events: auto; cursor: help; }
.marker.compact { min-width: 8px; text-align: center; padding: 0 4px; }
.marker.error { background: #a4262c; } .marker.warning { background: #8a5a00; } .marker.info { background: #0b5cad; }
.panel { position: fixed; right: 12px; bottom: 12px; box-sizing: border-box; z-index: 2147483647; width: 340px; max-height: 55vh; overflow: auto;
  font: 13px/1.4 system-ui, sans-serif; background: #fff; color: #1d1d1f; border: 1px solid #c7ccd1; border-radius: 10px;
  box-shadow: 0 4px 16px rgba(0,0,0,.25); }
@media (prefers-color-scheme: dark) { .panel { background: #1e1f22; color: #e8eaed; border-color: #3c4043; } }
.head { display: flex; align-items: center; gap: 8px; padding: 8px 10px; background: #0b5cad; color: #fff; border-radius: 9px 9px 0 0; }
.head .title { font-weight: 600; flex: 1; }
.head button { background: transparent; color: #fff; border: 1px solid rgba(255,255,255,.6); border-radius: 6px; font: inherit; padding: 0 6px; cursor: pointer; }
.body { padding: 8px 10px; display: flex; flex-direction: column; gap: 8px; overflow-wrap: anywhere; }
.body > * { min-width: 0; }
.counts { font-weight: 600; }
h3 { font-size: 12px; margin: 4px 0 2px; text-transform: uppercase; letter-spacing: .04em; opacity: .8; }
ul { list-style: none; padding: 0; margin: 0; display: flex; flex-direction: column; gap: 4px; }
li.finding { border-left: 3px solid #0b5cad; padding-left: 6px; }
li.finding.error { border-color: #a4262c; } li.finding.warning { border-color: #8a5a00; }
.fix { opacity: .8; font-size: 12px; }
.fix a { color: inherit; }
.row { display: flex; gap: 6px; align-items: center; }
.row code, pre { font: 11px/1.4 ui-monospace, monospace; word-break: break-all; }
pre { white-space: pre; overflow: auto; background: rgba(127,127,127,.12); padding: 6px; border-radius: 6px; margin: 0; max-height: 160px; }
button.act { font: inherit; font-size: 12px; border: 0; border-radius: 6px; padding: 2px 8px; background: #0b5cad; color: #fff; cursor: pointer; }
button:focus-visible { outline: 2px solid #f5a623; outline-offset: 2px; }
.ok { color: #1e7d32; }
.collapsed .body { display: none; }
.notread { border-left: 3px solid #6b6f76; padding-left: 6px; }
.fixall { background: #fff; color: #0b5cad; font-weight: 600; }
`;

export interface View {
  host: HTMLElement;
  shadow: ShadowRoot;
  markers: HTMLElement;
  panel: HTMLElement;
  /** What the markers and the panel show now (render redraws only what changed: a keystroke in Client ID
   *  mostly leaves the panel as it was). */
  shownMarkers?: string;
  shownPanel?: string;
  /** Where the fields and the viewport were at the last placing (see `place`'s `unlessUnmoved`). */
  placedFor?: string;
}

function el<K extends keyof HTMLElementTagNameMap>(tag: K, cls?: string, text?: string): HTMLElementTagNameMap[K] {
  const e = document.createElement(tag);
  if (cls) e.className = cls;
  if (text !== undefined) e.textContent = text;
  return e;
}

/** What each of the panel's buttons does; one listener on the panel runs it (see `morph`: a button kept from the
 *  last render takes the new render's action). */
const ACTIONS = new WeakMap<Element, (self: HTMLButtonElement) => void>();
function onClick(button: HTMLButtonElement, action: (self: HTMLButtonElement) => void): void {
  ACTIONS.set(button, action);
}

/**
 * Makes `parent`'s children equal to `next`, keeping every node that stays the same kind and writing only the texts
 * and attributes that differ. A keystroke mostly changes nothing the panel shows, or one line of it: rebuilding the
 * panel made the page lay out and repaint all of it, and the frame that shows the typed character came one frame
 * (8–16 ms) later on one keystroke in four (issue 14, Event Timing in `npm run bench`).
 */
function morph(parent: Node, next: Node[]): void {
  const old = Array.from(parent.childNodes);
  next.forEach((n, i) => {
    const o = old[i];
    if (!o) parent.appendChild(n);
    else if (o.nodeType !== n.nodeType || o.nodeName !== n.nodeName) parent.replaceChild(n, o);
    else if (o instanceof CharacterData) {
      if (o.data !== (n as CharacterData).data) o.data = (n as CharacterData).data;
    } else if (o instanceof Element && n instanceof Element) {
      for (const a of Array.from(o.attributes)) if (!n.hasAttribute(a.name)) o.removeAttribute(a.name);
      for (const a of Array.from(n.attributes)) if (o.getAttribute(a.name) !== a.value) o.setAttribute(a.name, a.value);
      const action = ACTIONS.get(n);
      if (action) ACTIONS.set(o, action);
      else ACTIONS.delete(o);
      morph(o, Array.from(n.childNodes));
    }
  });
  for (const o of old.slice(next.length)) o.remove();
}

/** Sets (or, with undefined, removes) a data attribute of the overlay's host only when it changes: the host is in
 *  the page's DOM, and every write reaches the page's own mutation observers. */
export function setData(host: HTMLElement, key: string, value: string | undefined): void {
  if (host.dataset[key] === value) return;
  if (value === undefined) delete host.dataset[key];
  else host.dataset[key] = value;
}

/** Takes the panel and markers off the page. */
export function unmount(view: View): void {
  view.host.remove();
}

export function mount(): View {
  const existing = document.querySelector(HOST_TAG) as HTMLElement | null;
  existing?.remove();
  const host = document.createElement(HOST_TAG);
  host.style.cssText = 'all: initial; position: absolute; top: 0; left: 0; width: 0; height: 0; z-index: 2147483647;';
  const shadow = host.attachShadow({ mode: 'open' });
  const style = el('style');
  style.textContent = STYLE;
  const markers = el('div', 'markers');
  const panel = el('section', 'panel');
  panel.setAttribute('role', 'complementary');
  panel.setAttribute('aria-label', 'zoho-connector-kit');
  panel.addEventListener('click', (e) => {
    const button = e.target instanceof Element ? e.target.closest('button') : null;
    const action = button ? ACTIONS.get(button) : undefined;
    if (button && action) action(button);
  });
  shadow.append(style, markers, panel);
  (document.body ?? document.documentElement).append(host);
  return { host, shadow, markers, panel };
}

function worst(ds: Diagnostic[]): Diagnostic['severity'] {
  return ds.some((d) => d.severity === 'error') ? 'error' : ds.some((d) => d.severity === 'warning') ? 'warning' : 'info';
}

/** The field key a finding's path points to (`scopes[1]` → scopes). On a two-part form the config's link name is
 *  the connection link name (overlay/read.ts), so its findings go to that field. */
function fieldOf(path: string, fields: Fields, aliases: FormReading['aliases'] = shownAliases): FieldKey | null {
  const base = path.replace(/\[\d+\].*$/, '').split('.')[0] ?? '';
  const alias = isFieldKey(base) ? aliases[base] : undefined;
  if (alias && fields[alias]) return alias;
  if (base === 'linkName' && fields.connectionLinkName) return 'connectionLinkName';
  if (base === 'serviceLinkName') return 'linkName';
  return isFieldKey(base) ? base : null;
}

/** The aliases of the answer being drawn (read.ts: a config field read from a page field of another key). */
let shownAliases: FormReading['aliases'] = {};

/** What the page calls a field: its caption there, else the English label. */
function labelOf(key: FieldKey, fields: Fields): string {
  return fields[key]?.caption ?? englishLabel(key);
}

/** The page's word for every config key, once per reading of the form. */
const pageWords = new WeakMap<Fields, FieldWords>();

/** A core message in the page's words: "`tokenUrl`" → "Access Token URL" (issue 14, item 6), by the same rules as
 *  the popup (`labels.ts`); the data center, when the page has no such field, is the one its address gives. */
export function inPageWords(text: string, fields: Fields): string {
  let words = pageWords.get(fields);
  if (!words) {
    const w: Record<string, string> = {};
    for (const key of FIELD_KEYS) w[key] = labelOf(fieldOf(key, fields) ?? key, fields);
    if (!fields.dataCenter) w.dataCenter = 'the data center (from this page\'s address)';
    words = w;
    pageWords.set(fields, words);
  }
  return inFormWords(text, words);
}

export interface Answer {
  detection: Detection;
  report: ConnectionReport;
  assist: Assist;
  reading: FormReading;
  /** Findings from a second check (the service link name on a two-part form), path `serviceLinkName`. */
  extra?: Diagnostic[];
  /** The registry entries the findings cite, from the service worker. */
  sources?: Record<string, Source>;
}

export interface Actions {
  fill(field: FieldKey, value: string): void;
  focus(field: FieldKey): void;
  copy(text: string, button: HTMLButtonElement): void;
}

/** Draws the markers beside the fields and the panel. */
export function render(view: View, answer: Answer, fields: Fields, actions: Actions): void {
  const { report, assist, detection, reading } = answer;
  shownAliases = reading.aliases ?? {};
  const byField = new Map<FieldKey, Diagnostic[]>();
  const diagnostics = [...report.diagnostics, ...(answer.extra ?? [])];
  for (const d of diagnostics) {
    const key = fieldOf(d.path, fields);
    if (key && fields[key]) byField.set(key, [...(byField.get(key) ?? []), d]);
  }

  // Markers: one per field with errors or warnings, kept from one render to the next (only their texts change).
  const specs: { key: FieldKey; cls: string; text: string; count: number; codes: string; title: string }[] = [];
  for (const [key, ds] of byField) {
    const shown = ds.filter((d) => d.severity !== 'info');
    if (shown.length === 0) continue;
    const first = inPageWords(shown[0]?.message ?? '', fields);
    specs.push({
      key,
      cls: `marker ${worst(shown)}`,
      text: shown.length > 1 ? `${shown.length} findings: ${first}` : first,
      count: shown.length,
      codes: shown.map((d) => d.code).join(' '),
      title: shown.map((d) => inPageWords(`${d.message}${d.fix ? ` — ${d.fix}` : ''}`, fields)).join('\n'),
    });
  }
  const markersKey = JSON.stringify(specs);
  const markersChanged = markersKey !== view.shownMarkers;
  if (markersChanged) {
    view.shownMarkers = markersKey;
    const old = new Map<string, HTMLElement>();
    for (const m of Array.from(view.markers.children) as HTMLElement[]) old.set(m.dataset.field ?? '', m);
    const next: HTMLElement[] = [];
    for (const sp of specs) {
      const m = old.get(sp.key) ?? el('div');
      old.delete(sp.key);
      // The class without `compact`: place() decides that from the room beside the field.
      if (m.className.replace(' compact', '') !== sp.cls) m.className = sp.cls;
      m.dataset.field = sp.key;
      m.dataset.text = sp.text;
      m.dataset.count = String(sp.count);
      m.dataset.codes = sp.codes;
      m.setAttribute('aria-label', sp.text);
      m.title = sp.title;
      next.push(m);
    }
    for (const m of old.values()) m.remove();
    if (next.some((m, i) => view.markers.children[i] !== m)) view.markers.replaceChildren(...next);
  }

  // The panel: drawn again only when what it shows changed.
  const captions = (Object.keys(fields) as FieldKey[]).map((k) => [k, fields[k]?.caption, Boolean(fields[k]?.input)]);
  // What the panel shows of the reading (not the typed values themselves: those reach it only through the findings).
  const { config: _typed, ...shownReading } = reading;
  const panelKey = JSON.stringify([report, assist, detection, shownReading, answer.extra, captions,
    Object.keys(answer.sources ?? {})]);
  const panelChanged = panelKey !== view.shownPanel || !view.panel.firstChild;
  if (panelChanged) {
    view.shownPanel = panelKey;
    renderPanel(view, answer, fields, actions, diagnostics);
  }
  // A keystroke that changed neither the markers nor the panel and moved no field needs no placing (most keystrokes
  // in a text box: the placing's layout reads were the largest part of the overlay's work per keystroke).
  place(view, fields, !markersChanged && !panelChanged);
  const errors = report.summary.counts.errors + (answer.extra ?? []).filter((d) => d.severity === 'error').length;
  setData(view.host, 'dc', detection.dataCenter ?? undefined);
  setData(view.host, 'errors', String(errors));
  // For the tests: the fields found on the page, by key.
  setData(view.host, 'fields', Object.keys(fields).join(' '));
}

function renderPanel(view: View, answer: Answer, fields: Fields, actions: Actions, diagnostics: Diagnostic[]): void {
  const { report, assist, detection, reading } = answer;
  const s = report.summary;
  const head = el('div', 'head');
  const title = el('span', 'title', detection.dataCenter
    ? `Zoho ${detection.dataCenter.toUpperCase()} data center`
    : 'zoho-connector-kit');
  const toggle = el('button', undefined, view.panel.classList.contains('collapsed') ? 'Show' : 'Hide');
  toggle.type = 'button';
  toggle.setAttribute('aria-expanded', String(!view.panel.classList.contains('collapsed')));
  onClick(toggle, (self) => {
    view.panel.classList.toggle('collapsed');
    self.textContent = view.panel.classList.contains('collapsed') ? 'Show' : 'Hide';
    self.setAttribute('aria-expanded', String(!view.panel.classList.contains('collapsed')));
  });
  // "Fix all for <DC>": every value of this data center the form does not have yet, in one click.
  // Suggestions by the field they go to on this page (a two-part form's link name is the connection's).
  const fills = assist.suggestions.filter((x) => !x.matches)
    .flatMap((x) => {
      const field = fieldOf(x.field, fields);
      return field && fields[field]?.input ? [{ ...x, field }] : [];
    });
  if (fills.length > 1 && detection.dataCenter) {
    const all = el('button', 'fixall', `Fix all for ${detection.dataCenter.toUpperCase()}`);
    all.type = 'button';
    all.dataset.fixAll = '';
    all.title = fills.map((x) => `${labelOf(x.field, fields)}: ${x.value}`).join('\n');
    onClick(all, () => { for (const x of fills) actions.fill(x.field, x.value); });
    head.append(title, all, toggle);
  } else head.append(title, toggle);

  const body = el('div', 'body');
  const extra = answer.extra ?? [];
  const errors = s.counts.errors + extra.filter((d) => d.severity === 'error').length;
  const warnings = s.counts.warnings + extra.filter((d) => d.severity === 'warning').length;
  body.append(el('div', 'counts', `${errors} error(s), ${warnings} warning(s) · ${s.provider.kind === 'zoho' ? 'Zoho is the provider' : s.provider.kind === 'external' ? 'external service' : 'provider not yet known'}`));
  if (detection.name) body.append(el('div', undefined, `${detection.name} · ${inPageWords(s.provider.reason, fields)}`));
  const read = (Object.entries(reading.choices) as [FieldKey, string][]).map(([k, v]) => `${labelOf(k, fields)}: ${v}`);
  if (read.length) body.append(el('div', 'readas', `Read as ${read.join(' · ')}`));

  const list = el('ul');
  for (const d of diagnostics.filter((x) => x.severity !== 'info')) {
    const li = el('li', `finding ${d.severity}`);
    li.dataset.code = d.code;
    const key = fieldOf(d.path, fields);
    li.append(el('div', undefined, `${key ? `${labelOf(key, fields)}: ` : ''}${inPageWords(d.message, fields)}`));
    if (d.fix) li.append(el('div', 'fix', inPageWords(d.fix, fields)));
    const src = d.source ? answer.sources?.[d.source] : undefined;
    if (src?.url?.startsWith('https://')) {
      // A page of the registry (never page data): its title as a link that opens in a new tab.
      const a = el('a', 'src', src.title);
      a.href = src.url;
      a.target = '_blank';
      a.rel = 'noopener noreferrer';
      const line = el('div', 'fix', 'Source: ');
      line.append(a);
      li.append(line);
    }
    if (key && fields[key]) {
      const go = el('button', 'act', 'Go to field');
      go.type = 'button';
      onClick(go, () => actions.focus(key));
      li.append(go);
    }
    list.append(li);
  }
  if (list.childElementCount) body.append(el('h3', undefined, 'Findings'), list);
  else body.append(el('div', 'ok', 'No errors or warnings.'));

  // Fields found on the page whose value could not be read: said, never guessed (issue 14).
  if (reading.notRead.length) {
    body.append(el('h3', undefined, 'Not read'));
    const ul = el('ul');
    for (const n of reading.notRead) {
      const li = el('li', 'notread', `${labelOf(n.key, fields)}: not read (${n.why}); not checked.`);
      li.dataset.notRead = n.key;
      ul.append(li);
    }
    body.append(ul);
  }
  if (reading.named) {
    // Captions in a language this tool has no sourced table for: say what was named how.
    const n = reading.named;
    const note = el('div', 'notread', `Named by what was typed (the captions on this page are not in a language this tool knows): ${n.byValue.map((k) => englishLabel(k)).join(', ')}.`
      + (n.unnamed ? ` ${n.unnamed} other field(s) of this form could not be named and are not checked.` : ''));
    note.dataset.namedByValue = n.byValue.join(' ');
    note.dataset.unnamed = String(n.unnamed);
    body.append(note);
  }
  if (fields.connectionLinkName || fields.connectionName) {
    const c = reading.connection;
    const part = el('div', 'connection', `Connection: ${c.name ?? '(no name yet)'} · link name ${c.linkName ?? '(none yet)'} (the name Deluge uses)`);
    body.append(part);
  }

  if (fills.length) {
    body.append(el('h3', undefined, `Right values for ${detection.dataCenter?.toUpperCase() ?? 'this service'}`));
    const ul = el('ul');
    for (const sug of fills) {
      const key = sug.field;
      const li = el('li', 'row');
      li.dataset.fill = key;
      const b = el('button', 'act', 'Fill');
      b.type = 'button';
      b.title = `Put this value in ${labelOf(key, fields)} (source: ${sug.source})`;
      onClick(b, () => actions.fill(key, sug.value));
      li.append(b, el('code', undefined, `${labelOf(key, fields)}: ${sug.value}`));
      ul.append(li);
    }
    body.append(ul);
  }

  if (assist.callbacks.length) {
    body.append(el('h3', undefined, assist.callbacks.length > 1 ? 'Callback URL to register (sources disagree: check your Connections page)' : 'Callback URL to register at the provider'));
    const ul = el('ul');
    for (const cb of assist.callbacks) {
      const li = el('li', 'row');
      const b = el('button', 'act', 'Copy');
      b.type = 'button';
      b.title = `Source: ${cb.source}`;
      onClick(b, (self) => actions.copy(cb.value, self));
      li.append(b, el('code', undefined, cb.value));
      ul.append(li);
    }
    body.append(ul);
  }

  if (assist.deluge) {
    const deluge = assist.deluge;
    body.append(el('h3', undefined, 'Deluge for this connection'));
    const b = el('button', 'act', 'Copy Deluge');
    b.type = 'button';
    onClick(b, (self) => actions.copy(deluge, self));
    body.append(el('pre', 'deluge', deluge), b);
  }

  morph(view.panel, [head, body]);
}

/** The scrolling ancestors of an element (a pane, a dialog body): a field outside their visible box is hidden. */
function clipRects(f: HTMLElement, seen: Map<Element, DOMRect | null>): DOMRect[] {
  const out: DOMRect[] = [];
  const win = f.ownerDocument.defaultView;
  for (let e = f.parentElement; e && e !== f.ownerDocument.body && e !== f.ownerDocument.documentElement; e = e.parentElement) {
    // The fields of a form share most of their ancestors: each is looked at once per placing (`seen`).
    let clip = seen.get(e);
    if (clip === undefined) {
      clip = null;
      if (e.scrollHeight > e.clientHeight || e.scrollWidth > e.clientWidth) {
        const o = win?.getComputedStyle(e);
        if (o && (o.overflowY !== 'visible' || o.overflowX !== 'visible')) clip = e.getBoundingClientRect();
      }
      seen.set(e, clip);
    }
    if (clip) out.push(clip);
  }
  return out;
}

/** Puts each marker at the right end inside its field, in viewport coordinates (position: fixed, so it never
 *  extends the page), hidden when the field is scrolled out of its pane or the window; then the panel beside the
 *  form. Called on a scroll of anything holding a field, a resize and a re-render, at most once a frame.
 *  `unlessUnmoved`: skip it when every field and the viewport are where the last placing saw them (a keystroke that
 *  changed nothing shown; a scroll or resize always places, since a pane's clip can move without its fields). */
export function place(view: View, fields: Fields, unlessUnmoved = false): void {
  // Every layout read first, then every write: a write between two reads would make the browser lay the page
  // out again for the second read (once per marker).
  const vw = document.documentElement.clientWidth;
  const vh = document.documentElement.clientHeight;
  let at = `${vw} ${vh}`;
  for (const f of Object.values(fields)) {
    const r = f.anchor.isConnected ? f.anchor.getBoundingClientRect() : null;
    at += r ? ` ${r.left},${r.top},${r.width},${r.height}` : ' -';
  }
  if (unlessUnmoved && at === view.placedFor) return;
  view.placedFor = at;
  const plans: { m: HTMLElement; hidden: boolean; compact?: boolean; left?: number; maxWidth?: number; top?: number }[] = [];
  const ancestors = new Map<Element, DOMRect | null>();
  for (const m of Array.from(view.markers.children) as HTMLElement[]) {
    const f = fields[m.dataset.field as FieldKey]?.anchor;
    if (!f || !f.isConnected) {
      plans.push({ m, hidden: true });
      continue;
    }
    const r = f.getBoundingClientRect();
    const mid = r.top + r.height / 2;
    let out = (r.width === 0 && r.height === 0) || mid < 0 || mid > vh || r.right < 0 || r.left > vw;
    const clips = out ? [] : clipRects(f, ancestors);
    let clipRight = vw;
    for (const c of clips) {
      if (mid < c.top || mid > c.bottom || r.right - 4 < c.left || r.left > c.right) out = true;
      clipRight = Math.min(clipRight, c.right);
    }
    if (out) {
      plans.push({ m, hidden: true });
      continue;
    }
    // Outside the text the admin types: right of the field when its pane has room; else a small badge ("!", or
    // the count) at the field's right end, the sentence on hover. Never over the form's buttons beside or below.
    const room = Math.min(clipRight, firstControlRightOf(fields[m.dataset.field as FieldKey]?.row, f, r)) - r.right - 10;
    const compact = room < MARKER_MIN_OUTSIDE;
    plans.push({
      m,
      hidden: false,
      compact,
      left: compact ? Math.round(Math.min(r.right, clipRight) - 4) : Math.round(r.right + 6),
      maxWidth: compact ? undefined : Math.round(Math.min(280, room)),
      top: Math.round(mid - 8),
    });
  }
  const box = formBox(fields);
  const band = frameBand(vh);
  for (const p of plans) {
    const { m } = p;
    if (m.hidden !== p.hidden) m.hidden = p.hidden;
    if (p.hidden) continue;
    const text = p.compact ? (m.dataset.count !== '1' ? m.dataset.count ?? '!' : '!') : m.dataset.text ?? '';
    if (m.textContent !== text) m.textContent = text;
    m.classList.toggle('compact', Boolean(p.compact));
    setStyle(m, 'maxWidth', p.maxWidth === undefined ? '' : `${p.maxWidth}px`);
    setStyle(m, 'left', `${p.left}px`);
    setStyle(m, 'transform', p.compact ? 'translateX(-100%)' : '');
    setStyle(m, 'top', `${p.top}px`);
  }
  placePanel(view, box, band, vw, vh);
}

/** Sets a style property only when it changes (an unchanged marker costs no style recalculation). */
function setStyle(el: HTMLElement, prop: 'left' | 'top' | 'maxWidth' | 'transform' | 'right' | 'bottom' | 'width' | 'maxHeight', value: string): void {
  if (el.style[prop] !== value) el.style[prop] = value;
}

/** The left edge of the first button or control right of the field on its line (the marker must stop before
 *  it), or Infinity. Looks only inside the field's row. */
function firstControlRightOf(row: Element | undefined, field: HTMLElement, r: DOMRect): number {
  let edge = Infinity;
  const box = row && row !== field ? (row.contains(field) && row !== field.parentElement ? row : field.parentElement?.parentElement ?? row) : field.parentElement;
  if (!box) return edge;
  for (const b of Array.from(box.querySelectorAll('button, [role="button"], a[href], input, select, textarea'))) {
    if (b === field || field.contains(b)) continue;
    const br = b.getBoundingClientRect();
    if (br.left >= r.right - 1 && br.top < r.bottom && br.bottom > r.top && br.width > 0) edge = Math.min(edge, br.left);
  }
  return edge;
}

const PANEL_WIDTH = 340;
/** A marker beside its field needs this much room; with less it is a badge inside the field's right end. */
const MARKER_MIN_OUTSIDE = 120;
/** Narrower than this the panel is not readable: it collapses instead. */
const MIN_PANEL_WIDTH = 240;

/** The part of this document's viewport its embedding page shows (one level of same-origin frame), in this
 *  document's viewport coordinates; the whole viewport outside a frame or when the parent is cross-origin. */
export function frameBand(vh: number): { top: number; bottom: number } {
  try {
    const fe = window.frameElement;
    const parentWin = fe?.ownerDocument.defaultView;
    if (!fe || !parentWin) return { top: 0, bottom: vh };
    const r = fe.getBoundingClientRect();
    const offset = r.top + fe.clientTop;
    const top = Math.max(0, -offset);
    const bottom = Math.min(vh, parentWin.innerHeight - offset);
    return bottom - top >= 60 ? { top, bottom } : { top: 0, bottom: vh };
  } catch {
    return { top: 0, bottom: vh };
  }
}

/** The form's box: the dialog holding the fields, else the smallest element holding them all. */
function formBox(fields: Fields): DOMRect | null {
  const anchors = Object.values(fields).map((f) => f.anchor).filter((a) => a.isConnected);
  const first = anchors[0];
  if (!first) return null;
  const dialog = first.closest('dialog, [role="dialog"], [aria-modal="true"]');
  if (dialog && anchors.every((a) => dialog.contains(a))) return dialog.getBoundingClientRect();
  let common: Element | null = first;
  while (common && !anchors.every((a) => common?.contains(a))) common = common.parentElement;
  const r = (common ?? first).getBoundingClientRect();
  return r.width === 0 && r.height === 0 ? null : r;
}

/** The panel beside the form where there is room (right, else left); over the form never: collapsed instead.
 *  Writes only: `box` (the form's box) and `band` (the part of the viewport the top page shows) are read before. */
function placePanel(view: View, box: DOMRect | null, band: { top: number; bottom: number }, vw: number, vh: number): void {
  const left = box ? box.left : Infinity;
  const right = box ? box.right : -Infinity;
  const p = view.panel;
  // In a same-origin frame sized to its form (taller than the window), "the bottom of the viewport" is the bottom
  // of the part of the frame the top page shows.
  setStyle(p, 'bottom', `${Math.round(vh - band.bottom + 12)}px`);
  setStyle(p, 'maxHeight', `${Math.max(120, Math.round((band.bottom - band.top) * 0.55))}px`);
  if (left === Infinity) return;
  const roomRight = vw - right - 24;
  const roomLeft = left - 24;
  const room = Math.max(roomRight, roomLeft);
  if (room >= MIN_PANEL_WIDTH) {
    const onRight = roomRight >= roomLeft;
    setStyle(p, 'right', onRight ? '12px' : 'auto');
    setStyle(p, 'left', onRight ? 'auto' : '12px');
    setStyle(p, 'width', `${Math.min(PANEL_WIDTH, room)}px`);
    delete view.host.dataset.squeezed;
  } else {
    // No room beside the form (a narrow window or a frame sized to its form): the panel shrinks to its title bar
    // in the corner until the admin opens it.
    if (view.host.dataset.squeezed !== '1' && !p.classList.contains('collapsed')) p.classList.add('collapsed');
    view.host.dataset.squeezed = '1';
    setStyle(p, 'right', '12px');
    setStyle(p, 'left', 'auto');
    setStyle(p, 'width', `${Math.min(PANEL_WIDTH, vw - 24)}px`);
  }
}

/** Shows a failure in the panel; with `crash`, the copyable report of an internal error as well. */
export function showError(view: View, message: string, crash?: { report: string; copy: Actions['copy'] }): void {
  const head = el('div', 'head');
  head.append(el('span', 'title', 'zoho-connector-kit'));
  const body = el('div', 'body', message);
  if (crash) {
    body.append(el('div', undefined, 'Keep typing to check again. Please copy the report below into a bug report.'));
    const pre = el('pre', 'report', crash.report);
    const b = el('button', 'act', 'Copy report');
    b.type = 'button';
    onClick(b, (self) => crash.copy(crash.report, self));
    body.append(pre, b);
  }
  morph(view.panel, [head, body]);
  view.shownPanel = undefined; // the next answer is drawn, even if it is the one shown before the failure
}
