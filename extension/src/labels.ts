// The core's findings in the words of the form the admin is looking at: "`tokenUrl` is on …" becomes "Access token
// URL is on …" in the popup (its labels) and "Access Token URL is on …" on Zoho's page (Zoho's labels). The words
// come from the core's form schema (`connectionFormSchema()`), so a new config field needs no change here.
// Text in, text out: nothing here builds HTML.
import type { ConnectionFormSchema, FormField } from './core';
import { remember } from './memo';

/** What a form calls each config key (`tokenUrl` → "Access token URL"). */
export type FieldWords = Readonly<Record<string, string>>;

/**
 * The words of a form built from the schema: `popup` uses the titles the popup's Connection tab shows, `zoho` the
 * label Zoho's own form shows (its first sourced label; the title when no source gives one). `overrides` replaces
 * some (a form that asks for a field in other words).
 *
 * @example
 * const words = fieldWords(api.connectionFormSchema(), 'zoho');
 * words.tokenUrl; // "Access Token URL"
 */
export function fieldWords(
  schema: Pick<ConnectionFormSchema, 'fields'>,
  form: 'popup' | 'zoho',
  overrides: Partial<Record<string, string>> = {},
): FieldWords {
  const words: Record<string, string> = {};
  for (const f of schema.fields as FormField[]) words[f.key] = form === 'zoho' ? (f.labels[0]?.text ?? f.title) : f.title;
  for (const [k, v] of Object.entries(overrides)) if (v !== undefined) words[k] = v;
  return words;
}

const cache = new WeakMap<FieldWords, RegExp>();

/** Keys that are unmistakably JSON when bare: camelCase (`tokenUrl`). A one-word key (`scopes`, `password`) is
 *  also an English word, so it is read as a key only in backticks or with a list index (`scopes[1]`). */
const isCamel = (key: string): boolean => /[a-z][A-Z]/.test(key);
const escape = (k: string): string => k.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** One pattern for the keys of `words`, longest first (so `redirectUri` wins over a shorter key it contains). */
function patternOf(words: FieldWords): RegExp {
  let re = cache.get(words);
  if (!re) {
    const keys = Object.keys(words).sort((a, b) => b.length - a.length);
    const all = keys.map(escape).join('|');
    const camel = keys.filter(isCamel).map(escape).join('|') || '(?!)';
    re = new RegExp([
      // "(dataCenter, or --account-dc in zck)": a parenthesis naming a key and the CLI's flag says
      // nothing on a form.
      ` ?\\((?:${all}), or --[^)]*\\)`,
      // `key`, `key[2]`, key[2], and a bare camelCase key.
      `\`(${all})(?:\\[\\d+\\])?\``,
      `\\b(${all})\\[\\d+\\]`,
      `\\b(${camel})\\b`,
    ].join('|'), 'g');
    cache.set(words, re);
  }
  re.lastIndex = 0;
  return re;
}

/**
 * A core message in the form's words: every config key (in backticks, with a list index, or bare when it is
 * camelCase) becomes the form's label; a parenthesis that only repeats a key for the CLI goes; a label that
 * starts a sentence starts with a capital.
 *
 * @example
 * inFormWords('tokenUrl is on US, but dataCenter is EU.', { tokenUrl: 'Access Token URL', dataCenter: 'your data center' });
 * // "Access Token URL is on US, but your data center is EU."
 */
export function inFormWords(text: string, words: FieldWords): string {
  // The overlay asks for the same sentences on every keystroke: each is rewritten once per set of words.
  let done = rewritten.get(words);
  if (!done) rewritten.set(words, (done = new Map()));
  return remember(done, text, 500, () => rewrite(text, words));
}
const rewritten = new WeakMap<FieldWords, Map<string, string>>();

function rewrite(text: string, words: FieldWords): string {
  return text.replace(patternOf(words), (match: string, ...groups: unknown[]) => {
    const offset = groups[3] as number;
    const key = (groups.slice(0, 3) as (string | undefined)[]).find((g) => g !== undefined);
    if (key === undefined) return '';
    const word = words[key] ?? match;
    const startsSentence = /(^|[.!?:]\s+)$/.test(text.slice(0, offset));
    return startsSentence ? word.charAt(0).toUpperCase() + word.slice(1) : word;
  });
}

/** The first config key `text` still names as JSON does (camelCase, or in backticks), or null. For the tests. */
export function namesAKey(text: string, words: FieldWords): string | null {
  const m = patternOf(words).exec(text);
  return m ? m[0] : null;
}
