// Demo only (served by `npm start`, never shipped in the extension): stands in for chrome.runtime on a plain page,
// answering the content script with the same service code the real service worker runs. The demo page plays
// the role of a CRM page on the data center chosen in its URL (?dc=eu).
import { handle } from '../service';
import { isRequest } from '../messages';

const dc = new URLSearchParams(location.search).get('dc') ?? 'eu';

(globalThis as unknown as { chrome: unknown }).chrome = {
  runtime: {
    id: 'demo',
    getURL: (path: string) => new URL(`/extension/${path}`, location.href).href,
    sendMessage: async (message: unknown) => {
      if (!isRequest(message)) return { ok: false, error: { code: 'message.refused', message: 'Unknown request.' } };
      const request = message.type === 'zck:detect' ? { ...message, text: dc }
        : message.type === 'zck:check-form' ? { ...message, pageHost: dc } : message;
      return handle(request);
    },
  },
};
const script = document.createElement('script');
script.src = '/extension/content.js';
document.head.append(script);
