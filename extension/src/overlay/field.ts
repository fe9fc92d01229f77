// A connection field found on the page, by the role of its control rather than its tag (issue 14): Zoho's CRM
// builds its forms with the Lyte framework, where a field is a custom element wrapping a native input, a group of
// radio buttons, a dropdown made of a button and a hidden listbox (no <select>), or a list of chips (scopes).
// A caption binds to the control it labels, or to the first control after it *in its own field row*: the row is
// the caption's nearest ancestor holding a control, and the search stops at an ancestor holding another field's
// caption (that ancestor is the form, not the row). What cannot be read is said to be "not read", never guessed.
import { isField, isTextField, type FieldElement, type FieldKey } from './form';

/** How a field's control is read. */
export type FieldKind = 'text' | 'radio' | 'combobox' | 'button' | 'listbox' | 'chips';

export interface Field {
  key: FieldKey;
  kind: FieldKind;
  /** Where markers go: the text box, the radio group's row, the dropdown's button. */
  anchor: HTMLElement;
  /** The text box (Fill writes into it); null for widgets Fill does not change. */
  input: FieldElement | null;
  /** The row the control was found in (watched for changes of the choice). */
  row: Element;
  /** The elements whose input/change events mean the field changed. */
  targets: EventTarget[];
  /** The caption the page shows for it (messages use it); absent when the field was recognised by its value. */
  caption?: string;
}

/** What a field holds: its text, its list (chips), or why it could not be read. */
export type Reading = { text: string } | { list: string[]; text: string } | { notRead: string };

const CONTROL = 'input, textarea, select, [role="combobox"], [role="listbox"], [role="radiogroup"], [role="radio"], '
  + '[aria-haspopup], button, [role="button"]';
/** Elements that are a chip: a list item of a chip list, or a custom element named as a chip or tag. */
function isChip(el: Element): boolean {
  const tag = el.tagName.toLowerCase();
  return el.getAttribute('role') === 'listitem' || el.getAttribute('role') === 'row'
    || (tag.includes('-') && /chip|tag/.test(tag) && !/chips|tags|list|group/.test(tag));
}
const MAX_ROW_DEPTH = 5;

function hiddenUp(el: Element, stop: Element): boolean {
  for (let e: Element | null = el; e && e !== stop; e = e.parentElement) {
    if (e.hasAttribute('hidden') || e.getAttribute('aria-hidden') === 'true' || e.hasAttribute('inert')) return true;
    const style = e.getAttribute('style');
    if (style && /display\s*:\s*none|visibility\s*:\s*hidden/i.test(style)) return true;
  }
  return false;
}

/** Visible text of an element, without the text of its buttons (a chip's "×") and hidden parts. */
export function visibleText(el: Element): string {
  let out = '';
  const walk = (n: Node): void => {
    for (let c = n.firstChild; c; c = c.nextSibling) {
      if (c.nodeType === Node.TEXT_NODE) out += (c as Text).data;
      else if (c.nodeType === Node.ELEMENT_NODE) {
        const e = c as Element;
        if (e.tagName === 'BUTTON' || e.getAttribute('role') === 'button' || e.tagName === 'SCRIPT' || e.tagName === 'STYLE'
          || e.tagName === 'TEMPLATE' || e.getAttribute('role') === 'listbox' || hiddenUp(e, e.parentElement ?? e)) continue;
        walk(e);
      }
    }
  };
  walk(el);
  return out.replace(/\s+/g, ' ').trim();
}

function follows(a: Element, b: Element): boolean {
  return (a.compareDocumentPosition(b) & Node.DOCUMENT_POSITION_FOLLOWING) !== 0 && !a.contains(b);
}

/** The field `caption` names: the control it labels, or the first one after it in its field row. */
export function fieldForCaption(key: FieldKey, caption: Element, otherCaptions: (row: Element) => boolean): Field | null {
  let node: Element = caption;
  const body = caption.ownerDocument.body;
  for (let depth = 0; depth < MAX_ROW_DEPTH; depth++) {
    const up = node.parentElement;
    if (!up || up === body || up.tagName === 'FORM') return null;
    if (otherCaptions(up)) return null; // past the row: this ancestor holds another field's caption
    const f = fieldInRow(key, up, caption);
    if (f) return f;
    node = up;
  }
  return null;
}

/** The field of a native control a <label> or ARIA names directly. */
export function fieldForControl(key: FieldKey, el: FieldElement): Field {
  if (el instanceof HTMLInputElement && el.type === 'radio') return radioField(key, el, el.closest('[role="radiogroup"]') ?? el.parentElement ?? el);
  return { key, kind: 'text', anchor: el, input: el, row: el.parentElement ?? el, targets: [el] };
}

function radioField(key: FieldKey, first: HTMLInputElement, row: Element): Field {
  const radios = Array.from(row.querySelectorAll<HTMLInputElement>('input[type="radio"]'))
    .filter((r) => !first.name || r.name === first.name);
  const group = row.querySelector<HTMLElement>('[role="radiogroup"]') ?? (row as HTMLElement);
  return { key, kind: 'radio', anchor: group, input: null, row, targets: radios.length ? radios : [first] };
}

/** The first control after `caption` inside `row`, classified by its role; null when the row has none. */
function fieldInRow(key: FieldKey, row: Element, caption: Element): Field | null {
  for (const el of Array.from(row.querySelectorAll(CONTROL))) {
    if (caption.contains(el) || !follows(caption, el) || hiddenUp(el, row)) continue;
    if (el instanceof HTMLInputElement && el.type === 'radio') return radioField(key, el, row);
    const role = el.getAttribute('role');
    if (role === 'radiogroup' || role === 'radio') {
      const group = role === 'radiogroup' ? el : el.closest('[role="radiogroup"]') ?? row;
      return { key, kind: 'radio', anchor: group as HTMLElement, input: null, row: group, targets: [group] };
    }
    if (role === 'combobox') {
      const input = isTextField(el) ? el : null;
      return { key, kind: 'combobox', anchor: el as HTMLElement, input, row, targets: [el] };
    }
    if (isTextField(el)) {
      // Scopes: the typed text plus any chips the row holds now or later (Zoho adds a chip per scope entered).
      return { key, kind: key === 'scopes' ? 'chips' : 'text', anchor: el, input: el, row, targets: [el] };
    }
    if (isField(el)) continue; // a checkbox or hidden input: not a connection value
    if (role === 'listbox') return { key, kind: 'listbox', anchor: el as HTMLElement, input: null, row, targets: [el] };
    // A dropdown's button (Lyte: a button or an element with aria-haspopup; its list is hidden until opened).
    if (el.hasAttribute('aria-haspopup') || el.tagName === 'BUTTON' || role === 'button') {
      if (key === 'scopes' && chipsIn(row).length > 0) return { key, kind: 'chips', anchor: row as HTMLElement, input: null, row, targets: [] };
      if (el.closest('[role="listitem"]')) continue; // a chip's remove button
      return { key, kind: 'button', anchor: el as HTMLElement, input: null, row, targets: [el] };
    }
  }
  if (key === 'scopes' && chipsIn(row).length > 0) return { key, kind: 'chips', anchor: row as HTMLElement, input: null, row, targets: [] };
  return null;
}

function chipsIn(row: Element): Element[] {
  const out: Element[] = [];
  for (const el of Array.from(row.querySelectorAll('*'))) if (isChip(el) && !hiddenUp(el, row)) out.push(el);
  return out;
}

/** The text of the chosen option of a listbox (`aria-selected="true"`), or null. */
function selectedOption(listbox: Element | null): string | null {
  const opt = listbox?.querySelector('[aria-selected="true"]');
  return opt ? visibleText(opt) || opt.textContent?.trim() || null : null;
}

function listboxOf(el: Element): Element | null {
  const doc = el.ownerDocument;
  for (const attr of ['aria-controls', 'aria-owns']) {
    const id = el.getAttribute(attr);
    const target = id ? doc.getElementById(id) : null;
    if (target) return target.getAttribute('role') === 'listbox' ? target : target.querySelector('[role="listbox"]');
  }
  return null;
}

/** Reads what the admin chose or typed, as the admin sees it. */
export function readField(f: Field): Reading {
  switch (f.kind) {
    case 'text': {
      const el = f.input as FieldElement;
      return { text: el instanceof HTMLSelectElement ? el.selectedOptions[0]?.textContent ?? el.value : el.value };
    }
    case 'radio': {
      const checked = f.row.querySelector<HTMLElement>('input[type="radio"]:checked, [role="radio"][aria-checked="true"]');
      if (!checked) return { text: '' };
      const byFor = checked.id ? f.row.ownerDocument.querySelector(`label[for="${CSS.escape(checked.id)}"]`) : null;
      const holder = byFor ?? checked.closest('label') ?? (checked.getAttribute('role') === 'radio' ? checked : null)
        ?? closestCustom(checked, f.row);
      const text = (holder ? visibleText(holder) : '') || checked.getAttribute('aria-label') || '';
      return text ? { text } : { notRead: 'the chosen option shows no text' };
    }
    case 'combobox': {
      const doc = f.anchor.ownerDocument;
      const active = f.anchor.getAttribute('aria-activedescendant');
      const opt = active ? doc.getElementById(active) : null;
      if (opt) return { text: visibleText(opt) };
      const sel = selectedOption(listboxOf(f.anchor));
      if (sel) return { text: sel };
      const own = f.input ? f.input.value : visibleText(f.anchor);
      return own ? { text: own } : { notRead: 'no option is shown as chosen' };
    }
    case 'listbox': {
      const sel = selectedOption(f.anchor);
      return sel ? { text: sel } : { notRead: 'no option is shown as chosen' };
    }
    case 'button': {
      const sel = selectedOption(listboxOf(f.anchor)) ?? selectedOption(f.row.querySelector('[role="listbox"]'));
      if (sel) return { text: sel };
      const own = visibleText(f.anchor) || f.anchor.getAttribute('aria-label') || '';
      return own ? { text: own } : { notRead: 'the dropdown shows no text' };
    }
    case 'chips': {
      const list = chipsIn(f.row).map((c) => visibleText(c)).filter(Boolean);
      const typed = f.input?.value ?? '';
      // No chips: the text as typed (the core splits it by the delimiter).
      if (list.length === 0) return { text: typed };
      return { list: typed.trim() ? [...list, typed.trim()] : list, text: typed };
    }
  }
}

/** The custom element (Lyte's `lyte-radiobutton`) around `el`, inside `row`. */
function closestCustom(el: Element, row: Element): Element | null {
  for (let e = el.parentElement; e && e !== row; e = e.parentElement) if (e.tagName.includes('-')) return e;
  return null;
}
