// Finds the fields of a Developer Hub connection form by their visible labels, never by ids or class names
// (Zoho's markup changes without notice). Works on the document it is given, so it runs inside iframes too.

/** The labels the connection form shows, as the admin sees them. */
export const FIELD_LABELS = {
  serviceName: 'Service Name',
  linkName: 'Service Link Name',
  authType: 'Authentication Type',
  grantType: 'Grant Type',
  clientId: 'Client ID',
  clientSecret: 'Client Secret',
  authorizeUrl: 'Authorize URL',
  tokenUrl: 'Access Token URL',
  refreshUrl: 'Refresh Token URL',
  revokeUrl: 'Revoke Token URL',
  scopes: 'Scope',
  scopeDelimiter: 'Scope Delimiter',
  paramType: 'Param Type',
} as const;

export type FieldKey = keyof typeof FIELD_LABELS;
export type FieldElement = HTMLInputElement | HTMLTextAreaElement | HTMLSelectElement;

/** Lowercase, single-spaced, without the required-marker `*` and a trailing colon. */
export function normalizeLabel(text: string | null | undefined): string {
  return (text ?? '').replace(/[*:]/g, ' ').replace(/\s+/g, ' ').trim().toLowerCase();
}

function isField(el: Element | null): el is FieldElement {
  return el instanceof HTMLInputElement || el instanceof HTMLTextAreaElement || el instanceof HTMLSelectElement;
}

function firstFieldIn(root: Element): FieldElement | null {
  const el = root.querySelector('input:not([type=hidden]):not([type=button]):not([type=submit]), textarea, select');
  return isField(el) ? el : null;
}

/** The field following `el` in document order, within `limit` elements. */
function nextField(el: Element, limit = 40): FieldElement | null {
  const doc = el.ownerDocument;
  const walker = doc.createTreeWalker(doc.body ?? doc.documentElement, NodeFilter.SHOW_ELEMENT);
  walker.currentNode = el;
  for (let i = 0; i < limit; i++) {
    const n = walker.nextNode();
    if (!n) return null;
    if (isField(n as Element) && (n as HTMLInputElement).type !== 'hidden') return n as FieldElement;
  }
  return null;
}

/** Finds the input of one label: <label for>, a wrapping <label>, aria-label, aria-labelledby, a table row, or
 *  any element whose whole visible text is the label followed by a field. */
export function findField(doc: Document, label: string): FieldElement | null {
  const want = normalizeLabel(label);
  for (const l of Array.from(doc.querySelectorAll('label'))) {
    if (normalizeLabel(l.textContent) !== want) continue;
    const byFor = l.htmlFor ? doc.getElementById(l.htmlFor) : null;
    if (isField(byFor)) return byFor;
    const inner = firstFieldIn(l);
    if (inner) return inner;
    const next = nextField(l);
    if (next) return next;
  }
  for (const el of Array.from(doc.querySelectorAll('[aria-label]'))) {
    if (isField(el) && normalizeLabel(el.getAttribute('aria-label')) === want) return el;
  }
  for (const el of Array.from(doc.querySelectorAll('[aria-labelledby]'))) {
    if (!isField(el)) continue;
    const ids = (el.getAttribute('aria-labelledby') ?? '').split(/\s+/);
    const text = ids.map((id) => doc.getElementById(id)?.textContent ?? '').join(' ');
    if (normalizeLabel(text) === want) return el;
  }
  // Table layouts and free-standing captions: the smallest element whose own text is exactly the label.
  for (const el of Array.from(doc.querySelectorAll('td, th, dt, span, div, p, strong, b'))) {
    if (el.children.length > 2 || normalizeLabel(el.textContent) !== want) continue;
    const row = el.closest('tr');
    if (row) {
      const f = firstFieldIn(row);
      if (f) return f;
    }
    const next = nextField(el);
    if (next) return next;
  }
  return null;
}

/** Every labelled field found on the page. */
export function findFields(doc: Document): Partial<Record<FieldKey, FieldElement>> {
  const found: Partial<Record<FieldKey, FieldElement>> = {};
  for (const [key, label] of Object.entries(FIELD_LABELS) as [FieldKey, string][]) {
    const f = findField(doc, label);
    if (f) found[key] = f;
  }
  return found;
}

/** A connection form is on the page when the Client ID field and one more connection field are present. */
export function isConnectionForm(fields: Partial<Record<FieldKey, FieldElement>>): boolean {
  const others: FieldKey[] = ['linkName', 'authorizeUrl', 'tokenUrl', 'clientSecret', 'serviceName'];
  return Boolean(fields.clientId) && others.some((k) => fields[k]);
}
