// The fields of a Developer Hub connection form, found by their visible labels, never by ids or class names
// (Zoho's markup changes without notice). overlay/scan.ts finds the label candidates in one pass over the page's
// short text nodes; this module turns those candidates into fields. Works on any document, so inside iframes too.

// Which fields, their captions (English and localized) and their choices' display texts: overlay/schema.ts, from
// the core's form schema. This module keeps what is not Zoho wording: how a caption is normalised, what a field
// element is, and the shapes of typed values.
export { captionsOf, type FieldKey } from './schema';
import type { FieldKey } from './schema';

/**
 * What admins type, for a page whose captions this tool cannot read (another language): a Zoho client ID
 * (`1000.` and 30 uppercase letters and digits, the shape crate/src/authorization.rs `looks_like_zoho_client_id`
 * checks) and OAuth URLs on a Zoho accounts host (`accounts.zoho.<tld>` or `accounts.zohocloud.ca`, the shape of
 * the accounts servers in crate/src/data_center.rs; the core, not this pattern, decides whether the host is right).
 */
const CLIENT_ID_SHAPE = /^\s*1000\.[A-Z0-9]{30}\s*$/;
const ACCOUNTS_URL = /^\s*https:\/\/accounts\.zoho(?:cloud)?\.[a-z.]{2,12}\/oauth\/v2\/(auth|token\/revoke|token)(?:[?#/]|\s*$)/;

/** The field a typed value shows it belongs to, or null. Token-endpoint URLs are `tokenUrl` (see scan.ts). */
export function keyByValue(value: string): FieldKey | null {
  if (value.length > 300) return null;
  if (CLIENT_ID_SHAPE.test(value)) return 'clientId';
  const m = ACCOUNTS_URL.exec(value);
  if (!m) return null;
  return m[1] === 'auth' ? 'authorizeUrl' : m[1] === 'token' ? 'tokenUrl' : 'revokeUrl';
}
export type FieldElement = HTMLInputElement | HTMLTextAreaElement | HTMLSelectElement;

/** The caption as shown, without the required-marker `*`, a trailing colon and extra spaces. */
export function cleanCaption(text: string | null | undefined): string {
  return (text ?? '').replace(/[*:]/g, ' ').replace(/\s+/g, ' ').trim();
}

/** Lowercase, single-spaced, without the required-marker `*` and a trailing colon; typographic apostrophes as `'`. */
export function normalizeLabel(text: string | null | undefined): string {
  return (text ?? '').replace(/[*:]/g, ' ').replace(/[’‘]/g, "'").replace(/\s+/g, ' ').trim().toLowerCase();
}

export function isField(el: Element | null): el is FieldElement {
  return el instanceof HTMLInputElement || el instanceof HTMLTextAreaElement || el instanceof HTMLSelectElement;
}

/** Input types a connection field never has: a label followed by a row's checkbox is not that field. */
const NOT_TEXT_TYPES = ['hidden', 'checkbox', 'radio', 'button', 'submit', 'reset', 'image', 'file', 'range', 'color'];
const NOT_TEXT_INPUTS = new Set(NOT_TEXT_TYPES);
const FIRST_FIELD = `input${NOT_TEXT_TYPES.map((t) => `:not([type=${t}])`).join('')}, textarea, select`;

/** A field that can hold a connection value (not a checkbox, button, hidden input…). */
export function isTextField(el: Element | null): el is FieldElement {
  return isField(el) && !NOT_TEXT_INPUTS.has((el as HTMLInputElement).type);
}

/** The first field inside `root` that can hold a connection value. */
export function firstFieldIn(root: Element): FieldElement | null {
  const el = root.querySelector(FIRST_FIELD);
  return isField(el) ? el : null;
}


/** The field following `el` in document order, within `limit` elements. */
export function nextField(el: Element, limit = 40): FieldElement | null {
  const doc = el.ownerDocument;
  const walker = doc.createTreeWalker(doc.body ?? doc.documentElement, NodeFilter.SHOW_ELEMENT);
  walker.currentNode = el;
  for (let i = 0; i < limit; i++) {
    const n = walker.nextNode();
    if (!n) return null;
    if (isTextField(n as Element)) return n as FieldElement;
  }
  return null;
}

/** A connection form is on the page when the Client ID field and one more connection field are present. */
export function isConnectionForm(fields: Partial<Record<FieldKey, unknown>>): boolean {
  const others: FieldKey[] = ['linkName', 'authorizeUrl', 'tokenUrl', 'clientSecret', 'serviceName'];
  return Boolean(fields.clientId) && others.some((k) => fields[k]);
}
