// The overlay's line to the service worker. A check per keystroke goes over one long-lived port: a message on an
// open port skips the channel set-up `chrome.runtime.sendMessage` does for each request (issue 8: keystroke →
// findings painted). The service worker may stop at any time, which closes the port: the next check opens a new
// one, and a check caught in flight is asked again with `sendMessage`, which wakes the worker.
import type { Reply, Request } from '../messages';
import { connectPort, hasPorts, messenger } from '../browser';

type CheckRequest = Extract<Request, { type: 'zck:check-form' }>;
type CheckReply = Reply<'zck:check-form'>;

/** The port's name; the service worker answers only checks on a port of this name from this extension. */
export const OVERLAY_PORT = 'zck:overlay';

let port: chrome.runtime.Port | null = null;
let nextId = 0;
const waiting = new Map<number, { request: CheckRequest; resolve: (r: CheckReply) => void; reject: (e: unknown) => void }>();

/** One plain request (wakes a stopped service worker). */
function send(request: CheckRequest): Promise<CheckReply> {
  const post = messenger();
  return post ? (post(request) as Promise<CheckReply>) : Promise.reject(new Error('no extension runtime'));
}

function open(): chrome.runtime.Port {
  const p = connectPort(OVERLAY_PORT);
  if (!p) throw new Error('no ports');
  p.onMessage.addListener((message: unknown) => {
    const { id, reply } = (message ?? {}) as { id?: unknown; reply?: CheckReply };
    const entry = typeof id === 'number' ? waiting.get(id) : undefined;
    if (!entry || !reply) return;
    waiting.delete(id as number);
    entry.resolve(reply);
  });
  p.onDisconnect.addListener(() => {
    if (port === p) port = null;
    // Ask again the checks this port took with it.
    const stranded = [...waiting.values()];
    waiting.clear();
    for (const entry of stranded) {
      send(entry.request).then(entry.resolve, entry.reject);
    }
  });
  return p;
}

/** Sends a form check to the service worker and resolves with its reply. */
export function askCheck(request: CheckRequest): Promise<CheckReply> {
  // The demo page's stand-in for chrome.runtime has no ports.
  if (!hasPorts()) return send(request);
  return new Promise((resolve, reject) => {
    const id = ++nextId;
    waiting.set(id, { request, resolve, reject });
    try {
      port ??= open();
      port.postMessage({ id, request });
    } catch {
      // The extension was reloaded or the port just closed: one plain request instead.
      waiting.delete(id);
      port = null;
      send(request).then(resolve, reject);
    }
  });
}
