// The one wrapper around the browser APIs the extension pages use. In the extension they are chrome.*; on the demo
// page (`npm start`, a plain web page without chrome.*) storage is localStorage and there is no runtime. Every
// other module asks here instead of testing for chrome.* itself.

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
