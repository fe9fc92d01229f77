// Where the connection form's labels are, found at a cost the page does not feel (issue 12: the old search ran
// every selector pass of every label on each keystroke anywhere in CRM; 650 ms per keystroke on a page of 50,000
// elements). Here:
// - the page is looked at only when its DOM changes, and then only the parts that changed (the content script
//   feeds `add` from a MutationObserver), in slices of a few milliseconds at idle time;
// - one walk over the changed subtree reads only short text nodes (a label is a few words), never `textContent`
//   of a container (which is the whole subtree again, quadratic on nested markup);
// - subtrees the admin cannot see are skipped: `hidden`, `inert`, `aria-hidden="true"`, an inline
//   `display: none`, and <script>, <style>, <template>, <noscript>. A label hidden by a style sheet is walked
//   but not used (`checkVisibility` when the fields are resolved).
// What is found is kept as candidates; turning candidates into fields (`resolve`) touches only those few elements.
import { captionsOf, cleanCaption, firstFieldIn, isConnectionForm, isField, isTextField, keyByValue, normalizeLabel, type FieldElement, type FieldKey } from './form';
import { fieldForCaption, fieldForControl, type Field } from './field';
import { FORM_FIELDS, FIELD_KEYS, englishLabel } from './schema';

/** A label text node longer than this is not a label (the longest, with `*`, `:` and indentation, is ~30). */
export const MAX_LABEL_CHARS = 64;
const SKIPPED_TAGS = new Set(['SCRIPT', 'STYLE', 'TEMPLATE', 'NOSCRIPT']);
/** Every caption of the core's form schema (English and localized) → its field. A caption two fields share
 *  ("Param Type": OAuth 2's parameter type, an API key's placement) names the first in schema order. */
const KEY_BY_LABEL = new Map<string, FieldKey>();
for (const f of FORM_FIELDS) {
  for (const c of f.captions) if (!KEY_BY_LABEL.has(normalizeLabel(c))) KEY_BY_LABEL.set(normalizeLabel(c), f.key);
}
/** The first letters of the labels (lowercase char codes); `| 0x20` lowercases an ASCII letter. Stored with the
 *  same `| 0x20` the lookup applies, so a first letter outside ASCII (ア, É) is found as well. */
const FIRST_LETTERS = new Set([...KEY_BY_LABEL.keys()].map((l) => l.charCodeAt(0) | 0x20));
/** How many free-standing (not <label>) candidates of one label are tried per resolve. */
const GENERIC_TRIES = 50;
/** Elements whose text names something else than the field after them. */
const NOT_CAPTIONS = new Set(['OPTION', 'BUTTON', 'A', 'SELECT', 'TEXTAREA']);
const INLINE_DISPLAY_NONE = /display\s*:\s*none/i;

/** True for an element whose subtree the admin cannot see or reach, told from its markup alone (no style read). */
export function hiddenByMarkup(el: Element): boolean {
  if (SKIPPED_TAGS.has(el.tagName) || el.hasAttribute('hidden') || el.hasAttribute('inert')
    || el.getAttribute('aria-hidden') === 'true') return true;
  const style = el.getAttribute('style');
  return style !== null && INLINE_DISPLAY_NONE.test(style);
}

/** A label the admin can see: rendered, and not inside a hidden, inert or aria-hidden subtree. */
function visible(el: Element): boolean {
  if (el.closest('[hidden], [inert], [aria-hidden="true"]')) return false;
  return typeof el.checkVisibility === 'function' ? el.checkVisibility() : true;
}

export class LabelScanner {
  /** Elements whose own text is a field's label, by field. */
  private readonly labels = new Map<FieldKey, Set<Element>>();
  /** Fields named by aria-label (by the label's field), and fields named by aria-labelledby. */
  private readonly ariaLabelled = new Map<FieldKey, Set<FieldElement>>();
  private readonly ariaReferring = new Set<FieldElement>();
  /** Text fields whose value shows what they are (a Zoho client ID, a Zoho accounts URL): for pages whose
   *  captions are in a language this tool has no table for. Filled as subtrees are walked and as admins type. */
  private readonly valued = new Map<FieldElement, FieldKey>();
  /** The fields of the last resolve that were named by their value, and how many text fields near them were not
   *  named at all (the panel says so). */
  byValue: FieldKey[] = [];
  unnamed = 0;
  /** Captions seen on the form whose row has no control this tool can read: reported as not read, never guessed. */
  notBound: FieldKey[] = [];
  private readonly captionOnly = new Map<FieldKey, Element>();
  private lastShownCaption: Element | null = null;
  /** Subtrees still to walk, and the walk in progress. */
  private readonly queue: Node[] = [];
  private walker: TreeWalker | null = null;
  /** The next node the walk will read (the walker already stands on it). */
  private next: Node | null = null;
  /** The last resolve passed over a label hidden by a style sheet (a class or style change may show it). */
  hiddenCandidates = false;
  /** Something was found since the last resolve (a label, an aria field, or any field a known label may name). */
  changed = false;

  constructor(private readonly doc: Document, private readonly skip: (node: Node) => boolean = () => false) {}

  /** Queues a subtree that appeared (or became visible). */
  add(node: Node): void {
    this.queue.push(node);
  }

  /** True while subtrees are queued or being walked. */
  get busy(): boolean {
    return this.walker !== null || this.queue.length > 0;
  }

  /** Walks queued subtrees until `deadline` (performance.now() time); returns true when all are done. */
  work(deadline: number): boolean {
    let n = 0;
    for (;;) {
      if (!this.walker) {
        const root = this.queue.shift();
        if (!root) return true;
        if (!root.isConnected || this.skip(root)) continue;
        if (root.nodeType === Node.TEXT_NODE) {
          this.text(root as Text);
          continue;
        }
        if (root.nodeType !== Node.ELEMENT_NODE || hiddenByMarkup(root as Element)) continue;
        this.element(root as Element);
        this.walker = this.doc.createTreeWalker(root, NodeFilter.SHOW_ELEMENT | NodeFilter.SHOW_TEXT);
        this.next = this.walker.nextNode();
      } else if (this.next && !this.walker.root.contains(this.next)) {
        // The page moved or removed the part not yet walked: walk this subtree again from its start.
        if (this.walker.root.isConnected) this.queue.push(this.walker.root);
        this.walker = null;
        continue;
      }
      const w = this.walker;
      let node = this.next;
      while (node) {
        // performance.now() every 256 nodes: cheap enough, and a slice overruns its deadline by microseconds only.
        if ((++n & 255) === 0 && performance.now() >= deadline) {
          this.next = node;
          return false;
        }
        if (node.nodeType === Node.TEXT_NODE) {
          this.text(node as Text);
          node = w.nextNode();
        } else if (hiddenByMarkup(node as Element) || this.skip(node)) {
          node = skipSubtree(w);
        } else {
          this.element(node as Element);
          node = w.nextNode();
        }
      }
      this.walker = null;
      this.next = null;
    }
  }

  private text(t: Text): void {
    const len = t.length;
    if (len < 3 || len > MAX_LABEL_CHARS) return;
    // Most short texts on a CRM page are names, numbers and states: reject them on their first letter.
    const data = t.data;
    let i = 0;
    while (i < len && data.charCodeAt(i) <= 32) i++;
    if (!FIRST_LETTERS.has(data.charCodeAt(i) | 0x20)) return;
    const key = KEY_BY_LABEL.get(normalizeLabel(data));
    const parent = t.parentElement;
    if (!key || !parent) return;
    let set = this.labels.get(key);
    if (!set) this.labels.set(key, (set = new Set()));
    set.add(parent);
    this.changed = true;
  }

  /** A text field's value changed (a keystroke outside the known fields): true when it now shows what it is. */
  noteValue(el: EventTarget): boolean {
    // Inputs only: client IDs and URLs are typed in one-line boxes, and a textarea may hold megabytes.
    if (!(el instanceof HTMLInputElement) || !isTextField(el)) return false;
    const f = el as FieldElement;
    const key = keyByValue(f.value);
    if (!key || this.valued.get(f) === key) return false;
    this.valued.set(f, key);
    return true;
  }

  private element(el: Element): void {
    if (!isTextField(el)) return;
    if (el.value) this.noteValue(el);
    // A new field may be the one a label seen earlier names (forms that render labels and inputs apart).
    if (this.labels.size > 0) this.changed = true;
    const aria = el.getAttribute('aria-label');
    const key = aria !== null && aria.length <= MAX_LABEL_CHARS ? KEY_BY_LABEL.get(normalizeLabel(aria)) : undefined;
    if (key) {
      let set = this.ariaLabelled.get(key);
      if (!set) this.ariaLabelled.set(key, (set = new Set()));
      set.add(el);
      this.changed = true;
    }
    if (el.hasAttribute('aria-labelledby')) {
      this.ariaReferring.add(el);
      this.changed = true;
    }
  }

  /** The fields the known labels name, in the order the old full search used: <label>, aria-label,
   *  aria-labelledby, then any element whose own text is the label (table cells, captions). */
  resolve(): Partial<Record<FieldKey, Field>> {
    this.changed = false;
    this.hiddenCandidates = false;
    for (const set of this.labels.values()) for (const el of set) if (!el.isConnected) set.delete(el);
    for (const set of this.ariaLabelled.values()) for (const f of set) if (!f.isConnected) set.delete(f);
    for (const f of this.ariaReferring) if (!f.isConnected) this.ariaReferring.delete(f);
    for (const f of this.valued.keys()) if (!f.isConnected) this.valued.delete(f);
    const found: Partial<Record<FieldKey, Field>> = {};
    for (const key of FIELD_KEYS) {
      const f = this.resolveOne(key);
      if (f) found[key] = f;
    }
    this.byValue = [];
    this.unnamed = 0;
    if (!isConnectionForm(found) && this.valued.size > 0) this.addByValue(found);
    // A caption inside the form (the smallest element holding its fields) with no readable control in its row.
    this.notBound = [];
    const anchors = Object.values(found).map((f) => f.anchor);
    let box: Element | null = anchors[0] ?? null;
    while (box && !anchors.every((a) => box?.contains(a))) box = box.parentElement;
    if (box && box !== this.doc.body && box !== this.doc.documentElement) {
      for (const [key, caption] of this.captionOnly) if (!found[key] && box.contains(caption)) this.notBound.push(key);
    }
    this.captionOnly.clear();
    return found;
  }

  /**
   * A form whose captions could not be read (another language): named by what was typed into it. It takes a Zoho
   * client ID and a Zoho accounts URL, so a settings page holding only a
   * client ID stays untouched. Two token-endpoint URLs: the first in the page is the Access Token URL, the next
   * the Refresh Token URL (the order of Zoho's form; both are the same endpoint for Zoho).
   */
  private addByValue(found: Partial<Record<FieldKey, Field>>): void {
    const taken = new Set(Object.values(found).map((f) => f.input));
    const shown = [...this.valued].filter(([f]) => !taken.has(f) && this.shown(f))
      .sort(([a], [b]) => (a.compareDocumentPosition(b) & Node.DOCUMENT_POSITION_FOLLOWING ? -1 : 1));
    const add: Partial<Record<FieldKey, FieldElement>> = {};
    for (const [f, k] of shown) {
      let key: FieldKey = k;
      if (key === 'tokenUrl' && (add.tokenUrl || found.tokenUrl)) key = 'refreshUrl';
      if (!found[key] && !add[key]) add[key] = f;
    }
    const urls = (['authorizeUrl', 'tokenUrl', 'refreshUrl', 'revokeUrl'] as FieldKey[]).filter((k) => add[k] || found[k]);
    if (!(add.clientId || found.clientId) || urls.length === 0) return;
    for (const [key, f] of Object.entries(add) as [FieldKey, FieldElement][]) {
      found[key] = fieldForControl(key, f);
      this.byValue.push(key);
    }
    // The text fields around them that nothing named: the smallest element holding the named ones.
    const els = Object.values(found).map((f) => f.anchor);
    let box: Element | null = els[0] ?? null;
    while (box && box !== this.doc.body && !els.every((e) => box?.contains(e))) box = box.parentElement;
    if (box && box !== this.doc.body) {
      let n = 0;
      for (const el of Array.from(box.querySelectorAll('input, textarea, select'))) if (isTextField(el) && !taken.has(el as FieldElement) && !els.includes(el as HTMLElement)) n++;
      this.unnamed = n;
    }
  }

  /** Whether the admin can see a label; remembers a label hidden by a style sheet. */
  private shown(el: Element): boolean {
    if (!el.isConnected) return false;
    if (visible(el)) return true;
    this.hiddenCandidates = true;
    return false;
  }

  /** True when `row` holds the caption of a field other than `key` (then `row` is more than one field's row). */
  private holdsOtherCaption(key: FieldKey, caption: Element, row: Element): boolean {
    for (const [k, set] of this.labels) {
      if (k === key) continue;
      let n = 0;
      for (const el of set) {
        if (++n > GENERIC_TRIES) break;
        if (el !== caption && !caption.contains(el) && row.contains(el)) return true;
      }
    }
    for (const [k, set] of this.ariaLabelled) if (k !== key) for (const f of set) if (row.contains(f)) return true;
    return false;
  }

  /** The control after `caption` in its own field row (never one in another row). */
  private rowField(key: FieldKey, caption: Element): Field | null {
    const next = caption.nextElementSibling;
    if (isTextField(next)) return fieldForControl(key, next);
    return fieldForCaption(key, caption, (row) => this.holdsOtherCaption(key, caption, row));
  }

  private resolveOne(key: FieldKey): Field | null {
    this.lastShownCaption = null;
    const f = this.resolveBound(key);
    if (!f && this.lastShownCaption) this.captionOnly.set(key, this.lastShownCaption);
    return f;
  }

  /** The field of `key` and the caption that named it. */
  private resolveBound(key: FieldKey): Field | null {
    // Only the captions that name this field (a shared caption names the first field that has it).
    const wants = new Set(captionsOf(key).map(normalizeLabel).filter((c) => KEY_BY_LABEL.get(c) === key));
    const named = (f: Field | null, caption: string | null | undefined): Field | null => {
      if (f) f.caption = cleanCaption(caption?.slice(0, MAX_LABEL_CHARS * 2)) || englishLabel(key);
      return f;
    };
    const labels = this.labels.get(key) ?? new Set<Element>();
    for (const el of labels) {
      const label = el.closest('label');
      if (!label || !this.shown(el)) continue;
      this.lastShownCaption ??= el;
      const byFor = label.htmlFor ? this.doc.getElementById(label.htmlFor) : null;
      if (isField(byFor)) return named(fieldForControl(key, byFor), el.textContent);
      const inside = firstFieldIn(label);
      if (inside) return named(fieldForControl(key, inside), el.textContent);
      const f = this.rowField(key, label);
      if (f) return named(f, el.textContent);
    }
    for (const f of this.ariaLabelled.get(key) ?? []) return named(fieldForControl(key, f), f.getAttribute('aria-label'));
    for (const f of this.ariaReferring) {
      const ids = (f.getAttribute('aria-labelledby') ?? '').split(/\s+/).filter(Boolean);
      if (ids.length === 0 || ids.length > 8) continue;
      const text = ids.map((id) => this.doc.getElementById(id)?.textContent?.slice(0, MAX_LABEL_CHARS * 2) ?? '').join(' ');
      if (wants.has(normalizeLabel(text))) return named(fieldForControl(key, f), text);
    }
    // Any element whose own text is the label (table cells, captions). A list view may repeat a label-like word in
    // every row: the first GENERIC_TRIES of them are tried, in document order.
    let tries = 0;
    for (const el of labels) {
      if (el.closest('label') || NOT_CAPTIONS.has(el.tagName)) continue;
      if (++tries > GENERIC_TRIES) break;
      if (!this.shown(el)) continue;
      this.lastShownCaption ??= el;
      const row = el.closest('tr');
      const rowFirst = row ? firstFieldIn(row) : null;
      const f = rowFirst ? fieldForControl(key, rowFirst) : this.rowField(key, el);
      if (f) return named(f, el.textContent);
    }
    return null;
  }
}

/** Moves the walker past the current node's subtree; the next node in document order within the root, or null. */
function skipSubtree(w: TreeWalker): Node | null {
  for (;;) {
    const sibling = w.nextSibling();
    if (sibling) return sibling;
    if (!w.parentNode()) return null;
  }
}
