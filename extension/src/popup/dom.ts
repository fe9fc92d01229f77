// Small DOM helpers for the extension pages. Text only: nothing here parses HTML.
import type { Finding } from '../core';

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

/** Renders findings as a list; each item shows severity, message, fix and source as text. */
export function findingsList(diagnostics: Finding[]): HTMLUListElement {
  const list = h('ul', { class: 'findings' });
  for (const d of diagnostics) {
    list.append(
      h('li', { class: `finding ${d.severity}`, 'data-code': d.code },
        h('span', { class: 'sev' }, d.severity),
        h('span', { class: 'msg' }, d.message),
        d.fix ? h('span', { class: 'fix' }, d.fix) : null,
        d.source ? h('span', { class: 'src' }, `Source: ${d.source}`) : null,
      ),
    );
  }
  return list;
}

/** Puts each finding beside the element whose data-path equals (or prefixes) its path; the rest go to `rest`. */
export function placeFindings(root: HTMLElement, diagnostics: Finding[], rest: HTMLElement): void {
  const slots = Array.from(root.querySelectorAll<HTMLElement>('[data-findings-for]'));
  const byPath = new Map<HTMLElement, Finding[]>();
  const unplaced: Finding[] = [];
  for (const d of diagnostics) {
    const base = d.path.replace(/\[\d+\].*$/, '').split('.')[0] ?? '';
    const slot = slots.find((s) => s.dataset.findingsFor === d.path) ?? slots.find((s) => s.dataset.findingsFor === base);
    if (slot) byPath.set(slot, [...(byPath.get(slot) ?? []), d]);
    else unplaced.push(d);
  }
  for (const s of slots) s.replaceChildren(findingsList(byPath.get(s) ?? []));
  rest.replaceChildren(findingsList(unplaced));
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
