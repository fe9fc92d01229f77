// The JSON lists shipped beside the extension's pages (the source registry, the Deluge built-ins): read once, kept
// as maps by a name. One reader for all of them.
import { extensionUrl } from './browser';

/**
 * Reads a JSON file shipped with the extension. Never rejects: a file that cannot be read or parsed gives `[]`, and
 * callers then show what they have without it.
 *
 * @example
 * const list = await fetchList('sources.json'); // unknown: check each entry (see `keyedList`)
 */
export function fetchList(file: string): Promise<unknown> {
  return fetch(extensionUrl(file))
    .then((r) => (r.ok ? r.json() : []))
    .catch(() => []);
}

/**
 * The entries of `list` whose `key` is a string, by that key (passed through `norm`); anything that is not such an
 * entry is left out.
 *
 * @example
 * keyedList<{ name: string }>([{ name: 'zoho.crm.getRecords' }, 7], 'name', (k) => k.toLowerCase()).get('zoho.crm.getrecords');
 */
export function keyedList<T>(list: unknown, key: string, norm: (k: string) => string = (k) => k): Map<string, T> {
  const out = new Map<string, T>();
  if (!Array.isArray(list)) return out;
  for (const entry of list as unknown[]) {
    const k = typeof entry === 'object' && entry !== null ? (entry as Record<string, unknown>)[key] : undefined;
    if (typeof k === 'string') out.set(norm(k), entry as T);
  }
  return out;
}
