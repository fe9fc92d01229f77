// Content script on the CRM web hosts. It wakes only where a connection form is on the page, asks the service
// worker (never compiling Wasm here: Zoho's page CSP may forbid it), and shows its answer in a Shadow DOM.
// It writes text only, never HTML built from page data.
import { findFields, isConnectionForm } from './overlay/form';
import type { Reply } from './messages';
import type { Detection } from './core';

const HOST_TAG = 'zck-overlay';

function send<T extends 'zck:detect'>(message: { type: T; text: string }): Promise<Reply<T>> {
  return chrome.runtime.sendMessage(message) as Promise<Reply<T>>;
}

function badge(detection: Detection | null, error: string | null): void {
  let host = document.querySelector(HOST_TAG) as HTMLElement | null;
  if (!host) {
    host = document.createElement(HOST_TAG);
    host.style.cssText = 'all: initial; position: fixed; z-index: 2147483647; right: 12px; bottom: 12px;';
    const shadow = host.attachShadow({ mode: 'open' });
    const style = document.createElement('style');
    style.textContent = `
      .badge { font: 13px/1.4 system-ui, sans-serif; background: #0b5cad; color: #fff; border-radius: 8px;
               padding: 8px 12px; box-shadow: 0 2px 8px rgba(0,0,0,.25); max-width: 320px; }
      .badge.error { background: #a4262c; }
      .title { font-weight: 600; }
      .detail { opacity: .9; font-size: 12px; }`;
    const box = document.createElement('div');
    box.className = 'badge';
    box.setAttribute('role', 'status');
    const title = document.createElement('div');
    title.className = 'title';
    const detail = document.createElement('div');
    detail.className = 'detail';
    box.append(title, detail);
    shadow.append(style, box);
    (document.body ?? document.documentElement).append(host);
  }
  const shadow = host.shadowRoot;
  const box = shadow?.querySelector('.badge');
  const title = shadow?.querySelector('.title');
  const detail = shadow?.querySelector('.detail');
  if (!box || !title || !detail) return;
  if (detection?.dataCenter) {
    box.classList.remove('error');
    title.textContent = `Zoho ${detection.dataCenter.toUpperCase()} data center`;
    detail.textContent = `${detection.name ?? ''} · checked by zoho-connector-kit`;
    host.dataset.dc = detection.dataCenter;
  } else {
    box.classList.add('error');
    title.textContent = 'zoho-connector-kit';
    detail.textContent = error ?? 'No Zoho data center recognised for this page.';
    delete host.dataset.dc;
  }
  host.dataset.via = 'sw';
}

let started = false;

async function wake(): Promise<void> {
  if (started || !isConnectionForm(findFields(document))) return;
  started = true;
  try {
    const reply = await send({ type: 'zck:detect', text: location.href });
    if (reply.ok) badge(reply.detection, null);
    else badge(null, reply.error.message);
  } catch (e) {
    badge(null, `The extension's service worker did not answer (${e instanceof Error ? e.message : String(e)}).`);
  }
}

// Forms render late and re-render: look again on DOM changes until the form appears.
void wake();
let pending = false;
const observer = new MutationObserver(() => {
  if (started) {
    observer.disconnect();
    return;
  }
  if (pending) return;
  pending = true; // at most one look per animation frame, however busy the page is
  requestAnimationFrame(() => {
    pending = false;
    void wake();
  });
});
observer.observe(document.documentElement, { childList: true, subtree: true });
