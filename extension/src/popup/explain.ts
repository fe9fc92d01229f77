// Tab "Explain": paste what Zoho answered (and its HTTP status); the core names the error, the likely causes in
// order, and the fixes. The Connection tab's config is used as context (its URLs and scopes), and the data center
// the admin gave there is where the account lives unless chosen otherwise here.
import type { Api } from './tabs';
import type { ConnectionConfig, ExplainContext, ExplainInput, Explanation, Finding } from '../core';
import { copyButton, dataCenterSelect, findingsList, h } from './dom';
import { currentConfig, hasConfig, onConfigChange } from './current';
import { failureFindings, present } from './failure';
import { connectionFacts, followed, type ConnectionFacts } from './follow';
import { sourceNode } from '../sources';

type Request = NonNullable<ExplainContext['request']>;

/** What the form holds, as typed. */
export interface ExplainFields { body: string; status: string; request: string; account: string; redirectUrl: string }

/**
 * The context of an explanation: the config (its scopes and the data center of its token and authorize URLs, which
 * is where the config sends the admin), where the account lives, the redirect after consent, the failed request.
 *
 * ```ts
 * explainContext({ tokenUrl: 'https://accounts.zoho.com/oauth/v2/token', dataCenter: 'eu' }, { account: 'eu', redirectUrl: '', request: '' })
 * // → { config: {…}, tokenUrl: 'https://accounts.zoho.com/oauth/v2/token', accountDataCenter: 'eu' }: US endpoints, EU account
 * ```
 */
export function explainContext(config: ConnectionConfig, f: Pick<ExplainFields, 'account' | 'redirectUrl' | 'request'>): ExplainContext | undefined {
  const typed = hasConfig(config);
  const c: ExplainContext = {
    ...(typed ? { config: config as Record<string, unknown> } : {}),
    // The config's own dataCenter is the account's (given by the admin); the endpoints it uses are its URLs'.
    ...(typed && config.tokenUrl ? { tokenUrl: config.tokenUrl } : {}),
    ...(typed && config.authorizeUrl ? { authorizeUrl: config.authorizeUrl } : {}),
    ...(f.account ? { accountDataCenter: f.account } : {}),
    ...(f.redirectUrl.trim() ? { redirectUrl: f.redirectUrl.trim() } : {}),
    ...(f.request ? { request: f.request as Request } : {}),
  };
  return Object.keys(c).length ? c : undefined;
}

/** The core's input for the form, or null while there is nothing to explain. */
export function explainInput(config: ConnectionConfig, f: ExplainFields): ExplainInput | null {
  const status = Number.parseInt(f.status, 10);
  if (!f.body.trim() && !Number.isFinite(status)) return null;
  const context = explainContext(config, f);
  return { body: f.body, ...(Number.isFinite(status) ? { status } : {}), ...(context ? { context } : {}) };
}

/** The line under the form: which config is the context, and where the account's data center came from. */
export function contextNote(config: ConnectionConfig, facts: ConnectionFacts, account: string): string {
  if (!hasConfig(config)) return 'Tip: fill in the Connection tab first; its data center, URLs and scopes sharpen the explanation.';
  const dc = typeof config.dataCenter === 'string' && config.dataCenter ? ` (${config.dataCenter.toUpperCase()})` : '';
  const fromTab = facts.dataCenterGiven && facts.dataCenter && facts.dataCenter === account
    ? ` The account's data center (${account.toUpperCase()}) is the one given there.` : '';
  return `Using the Connection tab's config${config.serviceName ? ` "${config.serviceName}"` : ''}${dc} as context.${fromTab}`;
}

/** The core's explanation, or the findings of why the response could not be read. */
export function explain(api: Pick<Api, 'explainError'>, input: ExplainInput): { explanation: Explanation } | { findings: Finding[] } {
  try {
    return { explanation: api.explainError(input) };
  } catch (e) {
    return { findings: failureFindings(e) };
  }
}

/** The text "Copy explanation" copies: code and title, causes in order, fixes. */
export function explanationText(x: Explanation): string {
  return [`${x.code}: ${x.title}`, ...x.likelyCauses.map((c, i) => `${i + 1}. ${c.explanation}`),
    ...x.fixes.map((f) => `- ${f}`)].filter(Boolean).join('\n');
}

/** render (answer → DOM): the explanation: code, title, what Zoho said, the field, causes, fixes, notes, source. */
export function renderExplanation(x: Explanation): (Node | string)[] {
  return present(
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
    h('div', { class: 'actions' }, copyButton('Copy explanation', () => explanationText(x))),
  );
}

const EMPTY = 'Paste the body Zoho answered (JSON or text) and its HTTP status. Token endpoints often answer errors with HTTP 200, so paste the body even when the status looks fine.';

interface ExplainView {
  body: HTMLTextAreaElement; status: HTMLInputElement; request: HTMLSelectElement; account: HTMLSelectElement;
  redirectUrl: HTMLInputElement; contextNote: HTMLElement; out: HTMLElement; form: HTMLFormElement;
}

function buildView(panel: HTMLElement, api: Api): ExplainView {
  const body = h('textarea', { id: 'e-body', rows: '6', spellcheck: 'false',
    placeholder: '{"error":"invalid_client"}\n\nor\n\n{"code":"INVALID_TOKEN","details":{},"message":"invalid oauth token","status":"error"}' });
  const status = h('input', { type: 'number', id: 'e-status', min: '100', max: '599', placeholder: '401' });
  const request = h('select', { id: 'e-request' },
    h('option', { value: '' }, 'An API call or not known'),
    h('option', { value: 'exchange' }, 'Grant code exchange'),
    h('option', { value: 'refresh' }, 'Token refresh'),
    h('option', { value: 'revoke' }, 'Token revoke'));
  const account = dataCenterSelect(api.listDataCenters(), { id: 'e-account' }, 'Not known');
  const redirectUrl = h('input', { type: 'url', id: 'e-redirect', autocomplete: 'off', spellcheck: 'false',
    placeholder: 'https://…?code=1000.…&location=eu&accounts-server=https%3A%2F%2Faccounts.zoho.eu' });
  const contextNote = h('p', { class: 'hint context-note' });
  const out = h('section', { class: 'explanation', 'aria-label': 'Explanation', 'aria-live': 'polite' });
  const form = h('form', { class: 'form', autocomplete: 'off' },
    h('div', { class: 'field' }, h('label', { for: 'e-body' }, 'Response body'), body),
    h('div', { class: 'row two' },
      h('div', { class: 'field' }, h('label', { for: 'e-status' }, 'HTTP status'), status),
      h('div', { class: 'field' }, h('label', { for: 'e-request' }, 'Which request failed'), request)),
    h('div', { class: 'field' }, h('label', { for: 'e-account' }, 'Where the Zoho account lives (if known)'), account,
      h('div', { class: 'hint' }, 'The data center you sign in to; the one given in the Connection tab until you choose here. Zoho\'s redirect after consent says it too (location=…).')),
    h('div', { class: 'field' }, h('label', { for: 'e-redirect' }, '…or paste the redirect URL after consent'), redirectUrl),
    contextNote);
  panel.append(form, out);
  return { body, status, request, account, redirectUrl, contextNote, out, form };
}

/** read (DOM → input): the form's fields as typed. */
export function readExplain(v: Pick<ExplainView, 'body' | 'status' | 'request' | 'account' | 'redirectUrl'>): ExplainFields {
  return { body: v.body.value, status: v.status.value, request: v.request.value, account: v.account.value, redirectUrl: v.redirectUrl.value };
}

export function mountExplain(panel: HTMLElement, api: Api): void {
  const v = buildView(panel, api);
  const account = followed(v.account);
  let facts = connectionFacts(api, {});
  let shown: string | null = null;

  function update(): void {
    const config = currentConfig();
    const fields = readExplain(v);
    v.contextNote.textContent = contextNote(config, facts, fields.account);
    const input = explainInput(config, fields);
    if (!input) {
      v.out.replaceChildren(h('p', { class: 'empty' }, EMPTY));
      shown = null;
      panel.dataset.state = 'empty';
      delete panel.dataset.code;
      return;
    }
    const key = JSON.stringify(input);
    if (key === shown) return;
    shown = key;
    const r = explain(api, input);
    if ('findings' in r) {
      v.out.replaceChildren(h('p', { class: 'verdict', 'data-ok': 'false' }, 'The response could not be read.'), findingsList(r.findings));
      panel.dataset.state = 'failed';
      return;
    }
    v.out.replaceChildren(...renderExplanation(r.explanation));
    Object.assign(panel.dataset, { state: 'explained', code: r.explanation.code, firstCause: r.explanation.likelyCauses[0]?.id ?? '' });
  }
  function followConnection(): void {
    facts = connectionFacts(api, currentConfig());
    // Only a data center the admin gave says where the account lives; one read from the URLs does not.
    account.follow(facts.dataCenterGiven && facts.dataCenter ? facts.dataCenter : '');
    update();
  }

  panel.addEventListener('input', update);
  panel.addEventListener('change', update);
  v.form.addEventListener('submit', (e) => e.preventDefault());
  onConfigChange(followConnection);
  followConnection();
  panel.dataset.ready = '1';
}
