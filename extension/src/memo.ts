// One bounded memo for the overlay's per-keystroke lookups that see the same few inputs again and again (the page
// host's data center, a choice's page text, a core sentence in the form's words): a Map emptied when it is full,
// so a page that keeps producing new inputs cannot grow it without end.

/**
 * The value `memo` holds for `key`, else `compute()`'s, kept; a memo holding `limit` values is emptied first.
 * Values may be null or undefined: a key is looked up by presence, not by its value.
 *
 * @example
 * const lengths = new Map<string, number>();
 * remember(lengths, 'zoho', 100, () => 'zoho'.length); // 4, computed
 * remember(lengths, 'zoho', 100, () => -1);            // 4, remembered
 */
export function remember<K, V>(memo: Map<K, V>, key: K, limit: number, compute: () => V): V {
  if (memo.has(key)) return memo.get(key) as V;
  if (memo.size >= limit) memo.clear();
  const value = compute();
  memo.set(key, value);
  return value;
}
