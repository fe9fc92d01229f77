// The fields of a Developer Hub connection form, found by their visible labels, never by ids or class names
// (Zoho's markup changes without notice). overlay/scan.ts finds the label candidates in one pass over the page's
// short text nodes; this module turns those candidates into fields. Works on any document, so inside iframes too.

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
  // The connection part of Zoho's two-part form (issue 14): Deluge's `connection:` is the connection's link name
  // (zoho.com/deluge/help/connections.html: "use the connection link name in invoke URL"; zoho-facts.md, invokeurl
  // grammar `connection: <TEXT connection link name>`). The core's config has one `linkName`: the overlay sends the
  // connection link name there when the page shows one (overlay/read.ts).
  connectionName: 'Connection Name',
  connectionLinkName: 'Connection Link Name',
} as const;

export type FieldKey = keyof typeof FIELD_LABELS;

/**
 * Captions in other languages, only where Zoho's own localized help gives the term (issue 14, item 6); each entry
 * names its page. Zoho's German CRM help on connectors lists these terms in its "Wichtige Terminologie"
 * (zoho.com/de/crm/help/developer/connectors/set-up.html); no Zoho page found gives the German captions of the
 * other fields, nor captions in other languages (the Japanese, Dutch pages searched keep English or give no list).
 */
export const LOCALIZED_LABELS: { key: FieldKey; text: string; lang: string; source: string }[] = [
  { key: 'clientId', text: 'Client-ID', lang: 'de', source: 'zoho.com/de/crm/help/developer/connectors/set-up.html' },
  { key: 'tokenUrl', text: 'Zugriffstoken-URL', lang: 'de', source: 'zoho.com/de/crm/help/developer/connectors/set-up.html' },
  { key: 'refreshUrl', text: 'Aktualisierungstoken-URL', lang: 'de', source: 'zoho.com/de/crm/help/developer/connectors/set-up.html' },
];

/** Every caption a field may have on the page, English first. */
export function captionsOf(key: FieldKey): string[] {
  return [FIELD_LABELS[key], ...LOCALIZED_LABELS.filter((l) => l.key === key).map((l) => l.text)];
}

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

/** Lowercase, single-spaced, without the required-marker `*` and a trailing colon. */
export function normalizeLabel(text: string | null | undefined): string {
  return (text ?? '').replace(/[*:]/g, ' ').replace(/\s+/g, ' ').trim().toLowerCase();
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
