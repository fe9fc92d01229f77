// Service worker: runs the Wasm core for the popup, the options page and the content script (whose checks move into
// the page once it has the core's module, where the page's CSP allows Wasm: overlay/local.ts). Listeners are
// registered synchronously at the top level, as MV3 requires.
import { core, errorRecord, instanceCount } from './core';
import { isRequest } from './messages';
import { handle } from './service';
import { OVERLAY_PORT } from './overlay/channel';
import { closeStorageToContentScripts, extensionId, isExtensionPage, onConnect, onMessage } from './browser';

// Opt-in secrets (a profile's client secret or password, when "keep the secret" is ticked) are kept in
// chrome.storage.local, which Chromium lets content scripts read unless told otherwise; storage.sync likewise
// (only storage.session starts closed). A content script runs inside CRM pages, so close every area to it: only
// the service worker, the popup and the options page may read them. Chromium keeps the level in the extension's
// preferences; setting it at every start also covers a profile the level was never set in.
closeStorageToContentScripts((name, e) => {
  console.error(`storage.${name}.setAccessLevel failed: ${e instanceof Error ? e.message : String(e)}`);
});

onMessage((message: unknown, sender, sendResponse) => {
  // Only our own extension's pages and content scripts may ask; page scripts cannot reach this listener, and
  // another extension's messages arrive on onMessageExternal, which we do not listen to.
  const fromOurPage = isExtensionPage(sender.url);
  const allowed = sender.id === extensionId() && isRequest(message)
    // The connection test carries a token: only the extension's own pages may ask for it, never a content script.
    && (message.type !== 'zck:connection-test' || fromOurPage);
  if (!allowed) {
    sendResponse({ ok: false, error: { code: 'message.refused', message: 'Unknown or malformed request.' } });
    return false;
  }
  handle(message)
    .then(sendResponse)
    .catch((e: unknown) => sendResponse({ ok: false, error: errorRecord(e) }));
  return true; // the reply is asynchronous
});

// The overlay's checks arrive on a long-lived port (see overlay/channel.ts). Only form checks, only from this
// extension's content scripts; anything else closes the port.
onConnect((port) => {
  if (port.name !== OVERLAY_PORT || port.sender?.id !== extensionId()) {
    port.disconnect();
    return;
  }
  port.onMessage.addListener((message: unknown) => {
    const { id, request } = (message ?? {}) as { id?: unknown; request?: unknown };
    if (typeof id !== 'number' || !isRequest(request) || request.type !== 'zck:check-form') {
      port.disconnect();
      return;
    }
    const answer = (reply: unknown) => {
      try { port.postMessage({ id, reply }); } catch { /* the page went away */ }
    };
    handle(request).then(answer, (e: unknown) => answer({ ok: false, error: errorRecord(e) }));
  });
});

// Compile the Wasm early so the first overlay request is fast.
void core();

// For the end-to-end tests (like the popup's `__zck`): the guarded core and how many instances were started. The
// worker's global scope is reachable only by the extension itself and by DevTools, never by pages.
(globalThis as { __zckWorker?: unknown }).__zckWorker = { core, instanceCount };
