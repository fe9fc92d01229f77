// Small DOM helpers for the extension pages. Text only: nothing here parses HTML.
import type { Finding } from '../core';
import { sourceNode } from '../sources';
import { inFormWords, type FieldWords } from '../labels';

type Attrs = Record<string, string | boolean | undefined>;

/** Creates an element with attributes and text or child nodes. */
export function h<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  attrs: Attrs = {},
  ...children: (Node | string | null | undefined)[]
): HTMLElementTagNameMap[K] {
  const el = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) {
    if (v === undefined || v === false) continue;
    el.setAttribute(k, v === true ? '' : v);
  }
  for (const c of children) if (c !== null && c !== undefined) el.append(c);
  return el;
}

/** How every list of the extension's pages names a data center: "EU — Europe". */
export function dataCenterLabel(d: { id: string; name: string }): string {
  return `${d.id.toUpperCase()} — ${d.name}`;
}

/**
 * A data-center `<select>`: first an option with value '' saying `none`, then every data center of the core's
 * registry (`api.listDataCenters()`), in its order.
 *
 * @example
 * const dc = dataCenterSelect(api.listDataCenters(), { id: 't-dataCenter' }, 'Choose…');
 */
export function dataCenterSelect(centers: readonly { id: string; name: string }[], attrs: Attrs, none: string): HTMLSelectElement {
  return h('select', attrs, h('option', { value: '' }, none), ...centers.map((d) => h('option', { value: d.id }, dataCenterLabel(d))));
}

/** Renders findings as a list; each item shows severity, message, fix and its source (a link to the page). With
 *  `words`, the config keys in the texts are said with the labels of the form the admin sees (../labels). */
export function findingsList(diagnostics: Finding[], words?: FieldWords): HTMLUListElement {
  const list = h('ul', { class: 'findings' });
  const say = (text: string) => (words ? inFormWords(text, words) : text);
  for (const d of diagnostics) {
    list.append(
      h('li', { class: `finding ${d.severity}`, 'data-code': d.code },
        h('span', { class: 'sev' }, d.severity),
        h('span', { class: 'msg' }, say(d.message)),
        d.fix ? h('span', { class: 'fix' }, say(d.fix)) : null,
        d.source ? sourceNode(d.source) : null,
      ),
    );
  }
  return list;
}

/** The config key a finding's path starts with (`scopes[1]` → `scopes`, `fields[2].x` → `fields`). */
export function fieldOfPath(path: string): string {
  return path.replace(/[[.].*$/, '');
}

/**
 * Puts each finding beside the most specific slot (`[data-findings-for]`) whose path equals or contains its path
 * (`fields[2].transforms[0].map.vip` → `fields[2].transforms[0]` → `fields[2]` → `fields`); the rest go to `rest`.
 * The one renderer of findings beside fields, for every tab. `words`: see findingsList.
 */
export function placeFindings(root: HTMLElement, diagnostics: Finding[], rest: HTMLElement, words?: FieldWords): void {
  const slots = new Map<string, HTMLElement>();
  for (const s of root.querySelectorAll<HTMLElement>('[data-findings-for]')) slots.set(s.dataset.findingsFor ?? '', s);
  const placed = new Map<HTMLElement, Finding[]>();
  const unplaced: Finding[] = [];
  for (const d of diagnostics) {
    let p = d.path;
    let slot = slots.get(p);
    while (!slot && p) {
      const up = p.replace(/(\.[^.[\]]*|\[\d+\])$/, '');
      if (up === p) break;
      p = up;
      slot = slots.get(p);
    }
    if (slot) placed.set(slot, [...(placed.get(slot) ?? []), d]);
    else unplaced.push(d);
  }
  for (const s of slots.values()) {
    const ds = placed.get(s) ?? [];
    s.replaceChildren(...(ds.length ? [findingsList(ds, words)] : []));
  }
  rest.replaceChildren(...(unplaced.length ? [findingsList(unplaced, words)] : []));
}

/** A copy button that confirms with "Copied" (or says why it could not). */
export function copyButton(label: string, text: () => string): HTMLButtonElement {
  const b = h('button', { type: 'button', class: 'copy' }, label);
  b.addEventListener('click', () => {
    navigator.clipboard.writeText(text()).then(
      () => flash(b, 'Copied ✓', label),
      () => flash(b, 'Copy failed: select and copy by hand', label),
    );
  });
  return b;
}

function flash(b: HTMLButtonElement, text: string, label: string): void {
  b.textContent = text;
  b.dataset.state = 'done';
  setTimeout(() => {
    b.textContent = label;
    delete b.dataset.state;
  }, 1500);
}
