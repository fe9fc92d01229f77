// The one wrapper around the browser APIs the extension uses: its pages, the service worker and the content script.
// In the extension they are chrome.*; on the demo page (`npm start`, a plain web page without chrome.*) storage is
// localStorage and the runtime is the demo's stand-in (demo/bridge.ts: sendMessage only, no ports). Every other
// module asks here instead of testing for chrome.* itself.

type Chrome = typeof chrome;

function chromeApi(): Chrome | undefined {
  return (globalThis as { chrome?: Chrome }).chrome;
}

/** The URL of a file of the extension, or of a file next to the page on the demo page. */
export function extensionUrl(path: string): string {
  const rt = chromeApi()?.runtime;
  return rt?.getURL ? rt.getURL(path) : new URL(path, (globalThis as { location?: Location }).location?.href).href;
}

/** Sends a message to the service worker; undefined on the demo page, which has none. */
export function messenger(): ((message: unknown) => Promise<unknown>) | undefined {
  const rt = chromeApi()?.runtime;
  return rt?.sendMessage ? (m) => rt.sendMessage(m) : undefined;
}

/**
 * Local storage: chrome.storage.local in the extension, localStorage on the demo page. `get` answers the stored
 * value as chrome.storage keeps it; from localStorage it answers the stored text (undefined when absent), which the
 * caller parses and checks like any other stored value.
 */
export const storage = {
  async get(key: string): Promise<unknown> {
    const area = chromeApi()?.storage?.local;
    if (area) return (await area.get(key))[key];
    const raw = localStorage.getItem(key);
    return raw === null ? undefined : raw;
  },
  async set(key: string, value: unknown): Promise<void> {
    const area = chromeApi()?.storage?.local;
    if (area) return area.set({ [key]: value });
    localStorage.setItem(key, typeof value === 'string' ? value : JSON.stringify(value));
  },
};

/** The extension's own id (a message's `sender.id` must be it); undefined without a runtime. */
export function extensionId(): string | undefined {
  return chromeApi()?.runtime?.id;
}

/** True when `url` is a page of this extension (its popup, options page), not a content script's web page. */
export function isExtensionPage(url: string | undefined): boolean {
  const rt = chromeApi()?.runtime;
  return Boolean(url && rt?.getURL && url.startsWith(rt.getURL('')));
}

/** A long-lived port to the service worker, or null where there are none (the demo page's stand-in). */
export function connectPort(name: string): chrome.runtime.Port | null {
  const rt = chromeApi()?.runtime;
  return typeof rt?.connect === 'function' ? rt.connect({ name }) : null;
}

/** True where ports to the service worker can be opened. */
export function hasPorts(): boolean {
  return typeof chromeApi()?.runtime?.connect === 'function';
}

/** Service worker: listens to one-off messages (chrome.runtime.onMessage; return true to answer later). */
export function onMessage(listener: Parameters<Chrome['runtime']['onMessage']['addListener']>[0]): void {
  chromeApi()?.runtime.onMessage.addListener(listener);
}

/** Service worker: listens to ports opened by the extension's content scripts and pages. */
export function onConnect(listener: (port: chrome.runtime.Port) => void): void {
  chromeApi()?.runtime.onConnect.addListener(listener);
}

/**
 * Service worker: closes every storage area (local, sync, session) to content scripts, so only the service worker,
 * the popup and the options page may read them. `onError` hears each area that refused.
 */
export function closeStorageToContentScripts(onError: (area: string, e: unknown) => void): void {
  const api = chromeApi();
  if (!api?.storage) return;
  for (const name of ['local', 'sync', 'session'] as const) {
    api.storage[name].setAccessLevel({ accessLevel: 'TRUSTED_CONTEXTS' }).catch((e: unknown) => onError(name, e));
  }
}
