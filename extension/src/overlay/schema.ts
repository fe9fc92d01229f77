// The connection form as Zoho shows it, from the core's form schema (issue 13): which fields the overlay looks for,
// their captions (English first, then the localized ones Zoho's own help gives, each sourced) and the display texts
// of their allowed values. The data is the Rust schema (crate/src/connection/form_schema.rs), written at build time
// to pkg/form-schema.json by scripts/build.mjs and bundled into the content script, which never loads the Wasm.
// Nothing here lists a caption: a caption added to the Rust schema is read on the page after the next build.
import raw from '../../../pkg/form-schema.json';
import type { ConnectionConfig, ConnectionFormSchema, FormChoice, FormLabel } from '../core';
import { remember } from '../memo';

/** The fields of the connection part of Zoho's two-part form that are not config fields (form_schema.rs
 *  `PAGE_FIELDS`; tests/js/form-schema.test.mjs checks this list against it). */
export type PageFieldKey = 'connectionName' | 'connectionLinkName';
/** A field the overlay may find on the page. */
export type FieldKey = keyof ConnectionConfig | PageFieldKey;

export interface PageField {
  key: PageFieldKey;
  title: string;
  labels: FormLabel[];
  group: 'service' | 'connection';
  /** The config field its value is checked as (the connection link name is Deluge's `connection:`). */
  checkedAs?: keyof ConnectionConfig;
}

/** A caption in another language, from Zoho's localized help. */
export interface LocalizedCaption { key: FieldKey; lang: string; text: string; source: string }

/** `connectionFormSchema()`'s fields, plus the page-only parts (`FormSchema::page_json` in the core). */
export interface PageSchema extends ConnectionFormSchema {
  pageFields: PageField[];
  localized: LocalizedCaption[];
}

export const SCHEMA = raw as unknown as PageSchema;

/** One field the overlay looks for on the page. */
export interface FormFieldSpec {
  key: FieldKey;
  /** Every caption it may have: Zoho's English labels first, then the localized ones (no duplicates). */
  captions: string[];
  /** Its allowed values with Zoho's display texts (empty for text fields). */
  choices: FormChoice[];
  /** The authentication types that use it (absent for the page-only fields). */
  authTypes?: string[];
}

function unique(xs: string[]): string[] {
  return [...new Set(xs)];
}

function localizedOf(key: FieldKey): string[] {
  return SCHEMA.localized.filter((l) => l.key === key).map((l) => l.text);
}

/** The fields Zoho's form shows, in schema order: every config field with a label on the form, then the
 *  connection part. (Fields only in the config file, or with no sourced label, are never looked for.) */
export const FORM_FIELDS: FormFieldSpec[] = [
  ...SCHEMA.fields.filter((f) => f.group !== 'file' && f.labels.length > 0).map((f) => ({
    key: f.key as FieldKey,
    captions: unique([...f.labels.map((l) => l.text), ...localizedOf(f.key as FieldKey)]),
    choices: f.choices,
    authTypes: f.authTypes,
  })),
  ...SCHEMA.pageFields.map((f) => ({ key: f.key, captions: unique([...f.labels.map((l) => l.text), ...localizedOf(f.key)]), choices: [] })),
];

const BY_KEY = new Map<FieldKey, FormFieldSpec>(FORM_FIELDS.map((f) => [f.key, f]));

/** The keys of FORM_FIELDS, in order. */
export const FIELD_KEYS: FieldKey[] = FORM_FIELDS.map((f) => f.key);

/** True for a key of a field the overlay looks for. */
export function isFieldKey(key: string): key is FieldKey {
  return BY_KEY.has(key as FieldKey);
}

/** Every caption a field may have on the page, English first. */
export function captionsOf(key: FieldKey): string[] {
  return BY_KEY.get(key)?.captions ?? [];
}

/** The caption Zoho's pages give first (English), or the schema's title for a field without one. */
export function englishLabel(key: FieldKey): string {
  return BY_KEY.get(key)?.captions[0] ?? SCHEMA.fields.find((f) => f.key === key)?.title ?? key;
}

/** The localized captions, as sourced. */
export const LOCALIZED: LocalizedCaption[] = SCHEMA.localized;

/** True for a field whose value is one of a list (a radio group, a dropdown). */
export function isChoice(key: FieldKey): boolean {
  return (BY_KEY.get(key)?.choices.length ?? 0) > 0;
}

/** Letters and digits only, lowercase: "Comma (,)" → "comma", "OAuth 2.0" → "oauth20". */
function squash(text: string): string {
  return text.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, '');
}

/**
 * The config value of a choice as the page words it: the choice whose Zoho wording, title or value is the text
 * (letters and digits compared, case ignored), or whose wording of 4 or more letters the text starts with ("OAuth
 * 2.0" for "OAuth 2"); the longest such wording wins. null when the text names no choice.
 */
export function choiceValue(key: FieldKey, text: string): string | null {
  // Asked for every choice field on every keystroke, with the same few texts: each is matched once.
  return remember(chosen, `${key}\n${text}`, 200, () => matchChoice(key, text));
}
const chosen = new Map<string, string | null>();

function matchChoice(key: FieldKey, text: string): string | null {
  const t = squash(text);
  if (!t) return null;
  let best: { value: string; len: number } | null = null;
  for (const c of BY_KEY.get(key)?.choices ?? []) {
    for (const w of [...c.zoho.map((z) => z.text), c.title, c.value]) {
      const s = squash(w);
      if (!s || (t !== s && !(s.length >= 4 && t.startsWith(s)))) continue;
      if (!best || s.length > best.len) best = { value: c.value, len: s.length };
    }
  }
  return best?.value ?? null;
}

/**
 * The field a value read under `key` belongs to on a form of authentication type `auth`: `key` itself when the
 * schema says `auth` uses it, else the field that shares one of its captions and is used by `auth` ("Param Type"
 * names OAuth 2's parameter type first, and an API key's placement on an API-key form); null when none is.
 */
export function fieldForAuth(key: FieldKey, auth: string): FieldKey | null {
  const spec = BY_KEY.get(key);
  if (!spec?.authTypes || spec.authTypes.includes(auth)) return null;
  const mine = new Set(spec.captions.map((c) => c.toLowerCase()));
  const other = FORM_FIELDS.find((f) => f.key !== key && f.authTypes?.includes(auth) && f.captions.some((c) => mine.has(c.toLowerCase())));
  return other?.key ?? null;
}
