// Content script on the CRM web hosts. It wakes only where a connection form is on the page, reads that form
// (and nothing else), asks the extension's service worker to check it (it never compiles Wasm here: Zoho's page
// CSP may forbid it), and shows the answer beside the fields. It changes a field only when the admin clicks Fill,
// never stores anything, and writes text only.
import { findFields, isConnectionForm, type FieldElement, type FieldKey } from './overlay/form';
import { fillField, readConfig } from './overlay/read';
import { mount, place, render, showError, type Answer, type View } from './overlay/render';
import type { Reply } from './messages';

let fields: Partial<Record<FieldKey, FieldElement>> = {};
let view: View | null = null;
let sequence = 0;
let lastAnswer: Answer | null = null;

const actions = {
  fill(key: FieldKey, value: string) {
    const f = fields[key];
    if (f) fillField(f, value);
  },
  focus(key: FieldKey) {
    const f = fields[key];
    f?.scrollIntoView({ block: 'center' });
    f?.focus();
  },
  copy(text: string, button: HTMLButtonElement) {
    const label = button.textContent ?? 'Copy';
    navigator.clipboard.writeText(text).then(
      () => { button.textContent = 'Copied ✓'; },
      () => { button.textContent = 'Copy failed'; },
    ).finally(() => setTimeout(() => { button.textContent = label; }, 1500));
  },
};

async function check(): Promise<void> {
  const mine = ++sequence;
  const config = readConfig(fields);
  let reply: Reply<'zck:check-form'>;
  try {
    reply = await (chrome.runtime.sendMessage({ type: 'zck:check-form', config, pageUrl: location.href }) as Promise<Reply<'zck:check-form'>>);
  } catch (e) {
    if (view) showError(view, `The extension's service worker did not answer (${e instanceof Error ? e.message : String(e)}).`);
    return;
  }
  if (mine !== sequence || !view) return; // a newer check is on its way
  const repliedAt = performance.now();
  if (!reply.ok) {
    showError(view, `${reply.error.code}: ${reply.error.message}`);
    return;
  }
  lastAnswer = { detection: reply.detection, report: reply.report, assist: reply.assist };
  render(view, lastAnswer, fields, actions);
  // For the end-to-end tests: how long from the reply to the findings being in the DOM.
  view.host.dataset.seq = String(mine);
  view.host.dataset.renderMs = (performance.now() - repliedAt).toFixed(2);
}

let scheduled = false;
/** At most one look per animation frame, however busy the page is. */
function schedule(): void {
  if (scheduled) return;
  scheduled = true;
  requestAnimationFrame(() => {
    scheduled = false;
    const found = findFields(document);
    if (!isConnectionForm(found)) return;
    fields = found;
    view ??= mount();
    if (!view.host.isConnected) view = mount();
    void check();
  });
}

document.addEventListener('input', (e) => { if (isOurField(e.target)) schedule(); }, true);
document.addEventListener('change', (e) => { if (isOurField(e.target)) schedule(); }, true);
function isOurField(target: EventTarget | null): boolean {
  return Object.values(fields).includes(target as FieldElement) || !view;
}

// Forms render late, re-render and swap their inputs: look again on DOM changes (not our own overlay's).
new MutationObserver((records) => {
  if (records.every((r) => view && (r.target === view.host || view.host.contains(r.target)))) return;
  schedule();
}).observe(document.documentElement, { childList: true, subtree: true });

window.addEventListener('scroll', () => { if (view) place(view, fields); }, { passive: true });
window.addEventListener('resize', () => { if (view) place(view, fields); });
schedule();
