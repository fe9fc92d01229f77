// The overlay's view, in a Shadow DOM: a marker beside each field that has findings, and a compact panel with the
// summary, the right values for the data center (filled only on an explicit click), the callback URLs to register
// and the Deluge snippet. Text only: nothing here parses HTML, and page data only ever lands in textContent.
import type { Assist, ConnectionReport, Detection, Diagnostic } from '../core';
import { FIELD_LABELS, type FieldElement, type FieldKey } from './form';

export const HOST_TAG = 'zck-overlay';

const STYLE = `
:host { all: initial; }
.marker { position: absolute; z-index: 2147483646; font: 600 11px/16px system-ui, sans-serif; color: #fff;
  border-radius: 8px; padding: 0 6px; max-width: 280px; white-space: nowrap; overflow: hidden; text-overflow: ellipsis;
  box-shadow: 0 1px 3px rgba(0,0,0,.3); pointer-events: auto; cursor: help; }
.marker.error { background: #a4262c; } .marker.warning { background: #8a5a00; } .marker.info { background: #0b5cad; }
.panel { position: fixed; right: 12px; bottom: 12px; z-index: 2147483647; width: 340px; max-height: 55vh; overflow: auto;
  font: 13px/1.4 system-ui, sans-serif; background: #fff; color: #1d1d1f; border: 1px solid #c7ccd1; border-radius: 10px;
  box-shadow: 0 4px 16px rgba(0,0,0,.25); }
@media (prefers-color-scheme: dark) { .panel { background: #1e1f22; color: #e8eaed; border-color: #3c4043; } }
.head { display: flex; align-items: center; gap: 8px; padding: 8px 10px; background: #0b5cad; color: #fff; border-radius: 9px 9px 0 0; }
.head .title { font-weight: 600; flex: 1; }
.head button { background: transparent; color: #fff; border: 1px solid rgba(255,255,255,.6); border-radius: 6px; font: inherit; padding: 0 6px; cursor: pointer; }
.body { padding: 8px 10px; display: flex; flex-direction: column; gap: 8px; }
.counts { font-weight: 600; }
h3 { font-size: 12px; margin: 4px 0 2px; text-transform: uppercase; letter-spacing: .04em; opacity: .8; }
ul { list-style: none; padding: 0; margin: 0; display: flex; flex-direction: column; gap: 4px; }
li.finding { border-left: 3px solid #0b5cad; padding-left: 6px; }
li.finding.error { border-color: #a4262c; } li.finding.warning { border-color: #8a5a00; }
.fix { opacity: .8; font-size: 12px; }
.row { display: flex; gap: 6px; align-items: center; }
.row code, pre { font: 11px/1.4 ui-monospace, monospace; word-break: break-all; }
pre { white-space: pre; overflow: auto; background: rgba(127,127,127,.12); padding: 6px; border-radius: 6px; margin: 0; max-height: 160px; }
button.act { font: inherit; font-size: 12px; border: 0; border-radius: 6px; padding: 2px 8px; background: #0b5cad; color: #fff; cursor: pointer; }
button:focus-visible { outline: 2px solid #f5a623; outline-offset: 2px; }
.ok { color: #1e7d32; }
.collapsed .body { display: none; }
`;

export interface View {
  host: HTMLElement;
  shadow: ShadowRoot;
  markers: HTMLElement;
  panel: HTMLElement;
}

function el<K extends keyof HTMLElementTagNameMap>(tag: K, cls?: string, text?: string): HTMLElementTagNameMap[K] {
  const e = document.createElement(tag);
  if (cls) e.className = cls;
  if (text !== undefined) e.textContent = text;
  return e;
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
  shadow.append(style, markers, panel);
  (document.body ?? document.documentElement).append(host);
  return { host, shadow, markers, panel };
}

function worst(ds: Diagnostic[]): Diagnostic['severity'] {
  return ds.some((d) => d.severity === 'error') ? 'error' : ds.some((d) => d.severity === 'warning') ? 'warning' : 'info';
}

/** The field key a finding's path points to (`scopes[1]` → scopes). */
function fieldOf(path: string): FieldKey | null {
  const base = path.replace(/\[\d+\].*$/, '').split('.')[0] ?? '';
  return base in FIELD_LABELS ? (base as FieldKey) : null;
}

export interface Answer {
  detection: Detection;
  report: ConnectionReport;
  assist: Assist;
}

export interface Actions {
  fill(field: FieldKey, value: string): void;
  focus(field: FieldKey): void;
  copy(text: string, button: HTMLButtonElement): void;
}

/** Draws the markers beside the fields and the panel. */
export function render(view: View, answer: Answer, fields: Partial<Record<FieldKey, FieldElement>>, actions: Actions): void {
  const { report, assist, detection } = answer;
  const byField = new Map<FieldKey, Diagnostic[]>();
  const general: Diagnostic[] = [];
  for (const d of report.diagnostics) {
    const key = fieldOf(d.path);
    if (key && fields[key]) byField.set(key, [...(byField.get(key) ?? []), d]);
    else general.push(d);
  }

  view.markers.replaceChildren();
  for (const [key, ds] of byField) {
    const shown = ds.filter((d) => d.severity !== 'info');
    if (shown.length === 0) continue;
    const m = el('div', `marker ${worst(shown)}`, shown[0]?.message ?? '');
    if (shown.length > 1) m.textContent = `${shown.length} findings: ${shown[0]?.message ?? ''}`;
    m.dataset.field = key;
    m.dataset.codes = shown.map((d) => d.code).join(' ');
    m.title = shown.map((d) => `${d.message}${d.fix ? ` — ${d.fix}` : ''}`).join('\n');
    view.markers.append(m);
  }
  place(view, fields);

  const s = report.summary;
  const head = el('div', 'head');
  const title = el('span', 'title', detection.dataCenter
    ? `Zoho ${detection.dataCenter.toUpperCase()} data center`
    : 'zoho-connector-kit');
  const toggle = el('button', undefined, view.panel.classList.contains('collapsed') ? 'Show' : 'Hide');
  toggle.type = 'button';
  toggle.setAttribute('aria-expanded', String(!view.panel.classList.contains('collapsed')));
  toggle.addEventListener('click', () => {
    view.panel.classList.toggle('collapsed');
    toggle.textContent = view.panel.classList.contains('collapsed') ? 'Show' : 'Hide';
    toggle.setAttribute('aria-expanded', String(!view.panel.classList.contains('collapsed')));
  });
  head.append(title, toggle);

  const body = el('div', 'body');
  body.append(el('div', 'counts', `${s.counts.errors} error(s), ${s.counts.warnings} warning(s) · ${s.provider.kind === 'zoho' ? 'Zoho is the provider' : s.provider.kind === 'external' ? 'external service' : 'provider not yet known'}`));
  if (detection.name) body.append(el('div', undefined, `${detection.name} · ${s.provider.reason}`));

  const list = el('ul');
  for (const d of report.diagnostics.filter((x) => x.severity !== 'info')) {
    const li = el('li', `finding ${d.severity}`);
    li.dataset.code = d.code;
    const key = fieldOf(d.path);
    li.append(el('div', undefined, `${key ? `${FIELD_LABELS[key]}: ` : ''}${d.message}`));
    if (d.fix) li.append(el('div', 'fix', d.fix));
    if (key && fields[key]) {
      const go = el('button', 'act', 'Go to field');
      go.type = 'button';
      go.addEventListener('click', () => actions.focus(key));
      li.append(go);
    }
    list.append(li);
  }
  if (list.childElementCount) body.append(el('h3', undefined, 'Findings'), list);
  else body.append(el('div', 'ok', 'No errors or warnings.'));

  const fills = assist.suggestions.filter((x) => !x.matches && fields[x.field as FieldKey]);
  if (fills.length) {
    body.append(el('h3', undefined, `Right values for ${detection.dataCenter?.toUpperCase() ?? 'this service'}`));
    const ul = el('ul');
    for (const sug of fills) {
      const key = sug.field as FieldKey;
      const li = el('li', 'row');
      li.dataset.fill = key;
      const b = el('button', 'act', 'Fill');
      b.type = 'button';
      b.title = `Put this value in ${FIELD_LABELS[key]} (source: ${sug.source})`;
      b.addEventListener('click', () => actions.fill(key, sug.value));
      li.append(b, el('code', undefined, `${FIELD_LABELS[key]}: ${sug.value}`));
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
      b.addEventListener('click', () => actions.copy(cb.value, b));
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
    b.addEventListener('click', () => actions.copy(deluge, b));
    body.append(el('pre', 'deluge', deluge), b);
  }

  view.panel.replaceChildren(head, body);
  view.host.dataset.dc = detection.dataCenter ?? '';
  if (!detection.dataCenter) delete view.host.dataset.dc;
  view.host.dataset.via = 'sw';
  view.host.dataset.errors = String(s.counts.errors);
}

/** Puts each marker just right of its field (document coordinates); called on scroll, resize and re-render. */
export function place(view: View, fields: Partial<Record<FieldKey, FieldElement>>): void {
  for (const m of Array.from(view.markers.children) as HTMLElement[]) {
    const f = fields[m.dataset.field as FieldKey];
    if (!f || !f.isConnected) {
      m.hidden = true;
      continue;
    }
    const r = f.getBoundingClientRect();
    m.hidden = r.width === 0 && r.height === 0;
    // Inside the field's right end, so it never widens the page; at most 45% of the field's width.
    m.style.maxWidth = `${Math.max(24, Math.round(r.width * 0.45))}px`;
    m.style.left = `${Math.round(r.right + window.scrollX - 4)}px`;
    m.style.transform = 'translateX(-100%)';
    m.style.top = `${Math.round(r.top + window.scrollY + (r.height - 16) / 2)}px`;
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
    b.addEventListener('click', () => crash.copy(crash.report, b));
    body.append(pre, b);
  }
  view.panel.replaceChildren(head, body);
  view.host.dataset.via = 'sw';
}
