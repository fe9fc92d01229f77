// The source registry (crate/data/sources.json, copied next to the extension's pages by scripts/build.mjs): what a
// finding's `source` id names, so a finding can show the page's title as a link the admin can open. Loaded once;
// until it has arrived (or when a `source` is not an id, e.g. data the admin gave), the text is shown as it is.
import { fetchList, keyedList } from './data';

/** One entry of the registry. */
export interface Source {
  id: string;
  title: string;
  /** Public https address; absent when none is known. */
  url?: string;
  kind: 'official' | 'sdk' | 'third-party';
  /** YYYY-MM-DD on which the page was last seen at `url`. */
  checked?: string;
}

let registry: Map<string, Source> | null = null;
let loading: Promise<void> | null = null;

/** Loads the registry (once). Never rejects: without it, sources are shown as text. */
export function loadSources(): Promise<void> {
  loading ??= fetchList('sources.json').then(useSources);
  return loading;
}

/** Every entry of the loaded registry (empty before it has arrived): the service worker hands it to the content
 *  script with the core, as the content script cannot read the extension's files. */
export function allSources(): Source[] {
  return registry ? [...registry.values()] : [];
}

/** Uses `list` as the registry (the content script's copy, from the service worker). Entries without an id are
 *  left out. */
export function useSources(list: unknown): void {
  registry = keyedList<Source>(list, 'id');
  loading ??= Promise.resolve();
}

/** The registry entry a `source` id names, when the registry is loaded and the text is an id. */
export function sourceOf(id: string): Source | undefined {
  return registry?.get(id);
}

/** Words for how far the source can be trusted, shown after its title. */
export function kindLabel(kind: Source['kind']): string {
  return kind === 'official' ? 'Zoho documentation' : kind === 'sdk' ? 'Zoho SDK' : 'third party (unverified)';
}

/**
 * A `Source:` line for a finding: the page's title as a link that opens in a new tab (a registry address, never
 * page data), its kind, or the text itself when it is not an id.
 */
export function sourceNode(source: string, { prefix = 'Source: ', tag = 'span' }: { prefix?: string; tag?: 'span' | 'p' | 'td' } = {}): HTMLElement {
  const span = document.createElement(tag);
  span.className = 'src';
  if (prefix) span.append(prefix);
  const found = sourceOf(source);
  if (!found) {
    span.append(source);
    return span;
  }
  span.dataset.sourceId = found.id;
  if (found.url?.startsWith('https://')) {
    const a = document.createElement('a');
    a.href = found.url;
    a.target = '_blank';
    a.rel = 'noopener noreferrer';
    a.textContent = found.title;
    span.append(a);
  } else {
    span.append(found.title);
  }
  span.append(` (${kindLabel(found.kind)})`);
  return span;
}
