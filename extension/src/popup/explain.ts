// Tab "Explain": paste what Zoho answered (and its HTTP status); the core names the error, the likely causes in
// order, and the fixes. The Connection tab's config is used as context (its data center, URLs and scopes).
import type { Api } from './tabs';
import type { ConnectionConfig, ExplainContext, Explanation } from '../core';
import { copyButton, findingsList, h } from './dom';
import { currentConfig, hasConfig, onConfigChange } from './current';
import { failureFindings, present } from './failure';
import { sourceNode } from '../sources';

export function mountExplain(panel: HTMLElement, api: Api): void {
  const body = h('textarea', { id: 'e-body', rows: '6', spellcheck: 'false',
    placeholder: '{"error":"invalid_client"}\n\nor\n\n{"code":"INVALID_TOKEN","details":{},"message":"invalid oauth token","status":"error"}' });
  const status = h('input', { type: 'number', id: 'e-status', min: '100', max: '599', placeholder: '401' });
  const request = h('select', { id: 'e-request' },
    h('option', { value: '' }, 'An API call or not known'),
    h('option', { value: 'exchange' }, 'Grant code exchange'),
    h('option', { value: 'refresh' }, 'Token refresh'),
    h('option', { value: 'revoke' }, 'Token revoke'));
  const account = h('select', { id: 'e-account' }, h('option', { value: '' }, 'Not known'),
    ...api.listDataCenters().map((d) => h('option', { value: d.id }, `${d.id.toUpperCase()} — ${d.name}`)));
  const redirectUrl = h('input', { type: 'url', id: 'e-redirect', autocomplete: 'off', spellcheck: 'false',
    placeholder: 'https://…?code=1000.…&location=eu&accounts-server=https%3A%2F%2Faccounts.zoho.eu' });
  const contextNote = h('p', { class: 'hint context-note' });
  const out = h('section', { class: 'explanation', 'aria-label': 'Explanation', 'aria-live': 'polite' });

  panel.append(
    h('form', { class: 'form', autocomplete: 'off' },
      h('div', { class: 'field' }, h('label', { for: 'e-body' }, 'Response body'), body),
      h('div', { class: 'row two' },
        h('div', { class: 'field' }, h('label', { for: 'e-status' }, 'HTTP status'), status),
        h('div', { class: 'field' }, h('label', { for: 'e-request' }, 'Which request failed'), request)),
      h('div', { class: 'field' }, h('label', { for: 'e-account' }, 'Where the Zoho account lives (if known)'), account,
        h('div', { class: 'hint' }, 'The data center you sign in to. Zoho\'s redirect after consent says it too (location=…).')),
      h('div', { class: 'field' }, h('label', { for: 'e-redirect' }, '…or paste the redirect URL after consent'), redirectUrl),
      contextNote),
    out,
  );

  function context(config: ConnectionConfig): ExplainContext | undefined {
    const c: ExplainContext = {
      ...(hasConfig(config) ? { config: config as Record<string, unknown> } : {}),
      ...(account.value ? { accountDataCenter: account.value } : {}),
      ...(redirectUrl.value.trim() ? { redirectUrl: redirectUrl.value.trim() } : {}),
      ...(request.value ? { request: request.value as 'exchange' | 'refresh' | 'revoke' } : {}),
    };
    return Object.keys(c).length ? c : undefined;
  }

  let shown: string | null = null;
  function update(): void {
    const config = currentConfig();
    const dc = typeof config.dataCenter === 'string' && config.dataCenter ? ` (${config.dataCenter.toUpperCase()})` : '';
    contextNote.textContent = hasConfig(config)
      ? `Using the Connection tab's config${config.serviceName ? ` "${config.serviceName}"` : ''}${dc} as context.`
      : 'Tip: fill in the Connection tab first; its data center, URLs and scopes sharpen the explanation.';
    const text = body.value;
    const statusValue = Number.parseInt(status.value, 10);
    if (!text.trim() && !Number.isFinite(statusValue)) {
      out.replaceChildren(h('p', { class: 'empty' },
        'Paste the body Zoho answered (JSON or text) and its HTTP status. Token endpoints often answer errors with HTTP 200, so paste the body even when the status looks fine.'));
      panel.dataset.state = 'empty';
      shown = null;
      delete panel.dataset.code;
      return;
    }
    const ctx = context(config);
    const key = JSON.stringify([text, status.value, ctx]);
    if (key === shown) return;
    shown = key;
    let x: Explanation;
    try {
      x = api.explainError({ body: text, ...(Number.isFinite(statusValue) ? { status: statusValue } : {}), ...(ctx ? { context: ctx } : {}) });
    } catch (e) {
      out.replaceChildren(h('p', { class: 'verdict', 'data-ok': 'false' }, 'The response could not be read.'),
        findingsList(failureFindings(e)));
      panel.dataset.state = 'failed';
      return;
    }
    render(x);
    panel.dataset.state = 'explained';
    panel.dataset.code = x.code;
    panel.dataset.firstCause = x.likelyCauses[0]?.id ?? '';
  }

  function render(x: Explanation): void {
    const summary = [`${x.code}: ${x.title}`, ...x.likelyCauses.map((c, i) => `${i + 1}. ${c.explanation}`),
      ...x.fixes.map((f) => `- ${f}`)].filter(Boolean).join('\n');
    out.replaceChildren(...present(
      h('div', { class: 'explain-head' },
        h('code', { class: 'err-code' }, x.code || '(no code)'),
        x.status !== undefined ? h('span', { class: 'badge' }, `HTTP ${x.status}`) : null,
        h('span', { class: 'badge' }, x.recognised ? x.family : 'not recognised')),
      h('h2', { class: 'err-title' }, x.title),
      x.message ? h('p', { class: 'hint' }, `Zoho said: ${x.message}`) : null,
      x.field ? h('p', { class: 'err-field', 'data-field': x.field }, 'Field: ', h('code', {}, x.field),
        x.expectedDataType ? ` — expected ${x.expectedDataType}` : '',
        x.maximumLength !== undefined ? ` — at most ${x.maximumLength} characters` : '',
        x.path ? ` (${x.path})` : '') : null,
      h('h3', {}, 'Likely causes, most likely first'),
      h('ol', { class: 'causes' }, ...x.likelyCauses.map((c) =>
        h('li', { 'data-cause': c.id }, h('span', { class: 'cause-id' }, c.id.replace(/_/g, ' ')), h('span', {}, c.explanation)))),
      x.fixes.length ? h('h3', {}, 'Fixes') : null,
      x.fixes.length ? h('ul', { class: 'fixes' }, ...x.fixes.map((f) => h('li', {}, f))) : null,
      x.otherErrors?.length ? h('h3', {}, 'Other records in this reply') : null,
      x.otherErrors?.length ? h('ul', { class: 'fixes' }, ...x.otherErrors.map((o) =>
        h('li', {}, `data[${o.index}]: ${o.code}${o.field ? ` (${o.field})` : ''}${o.message ? ` — ${o.message}` : ''}`))) : null,
      x.notes.length ? h('ul', { class: 'notes explain-notes' }, ...x.notes.map((n) => h('li', {}, n))) : null,
      x.source ? sourceNode(x.source, { tag: 'p' }) : null,
      h('div', { class: 'actions' }, copyButton('Copy explanation', () => summary)),
    ));
  }

  panel.addEventListener('input', update);
  panel.addEventListener('change', update);
  panel.querySelector('form')?.addEventListener('submit', (e) => e.preventDefault());
  onConfigChange(update);
  update();
  panel.dataset.ready = '1';
}
