// Tab "Tokens": the code exchange, refresh and revoke requests for the Connection tab's config (curl and Deluge,
// secrets masked until "Reveal"), the limits Zoho puts on tokens (conflicting sources side by side), and a reader
// for a pasted token response. The grant code and refresh token typed here stay in this form; nothing is stored.
import type { Api } from './tabs';
import type { ConnectionConfig, TokenLimit, TokenRequest, TokenRequests, TokenResponse } from '../core';
import { copyButton, findingsList, h, placeFindings } from './dom';
import { currentConfig, hasConfig, onConfigChange } from './current';
import { failureFindings, present } from './failure';
import { sourceNode } from '../sources';
import { fieldWords } from '../labels';

const TITLES: Record<TokenRequest['kind'], [string, string]> = {
  exchange: ['Exchange the grant code', 'Once, right after the consent page: gives the access and refresh tokens.'],
  refresh: ['Refresh the access token', 'Every hour (before the access token expires).'],
  revoke: ['Revoke the refresh token', 'When the connection is retired or a token leaked.'],
};

function time(ms: number | undefined): string {
  if (ms === undefined) return '—';
  const d = new Date(ms);
  return `${d.toLocaleString()} (${d.toISOString()})`;
}

function duration(ms: number | undefined): string {
  if (ms === undefined) return '—';
  const min = Math.round(ms / 60000);
  return min >= 120 ? `${Math.round(min / 60)} hours` : `${min} minutes`;
}

/** render (answer → DOM): one token request, as curl and Deluge. */
export function requestView(r: TokenRequest): HTMLElement {
  const [title, when] = TITLES[r.kind];
  const curlId = `k-${r.kind}-curl`;
  const delugeId = `k-${r.kind}-deluge`;
  return h('section', { class: 'request', 'data-kind': r.kind },
    h('h3', {}, title),
    h('p', { class: 'hint' }, `${when} ${r.method} ${r.url}`),
    r.missing.length ? h('p', { class: 'missing' }, `Still needed: ${r.missing.join(', ')} (a placeholder stands in).`) : null,
    h('label', { for: curlId }, 'curl'),
    h('textarea', { id: curlId, class: 'code', readonly: true, rows: String(Math.min(8, r.curl.split('\n').length + 1)), spellcheck: 'false' }, r.curl),
    h('div', { class: 'actions' }, copyButton('Copy curl', () => r.curl)),
    r.deluge ? h('label', { for: delugeId }, 'Deluge') : null,
    r.deluge ? h('textarea', { id: delugeId, class: 'code', readonly: true, rows: String(Math.min(18, r.deluge.split('\n').length)), spellcheck: 'false' }, r.deluge) : null,
    r.deluge ? h('div', { class: 'actions' }, copyButton('Copy Deluge', () => r.deluge ?? '')) : null,
    sourceNode(r.source, { tag: 'p' }));
}

/** render (answer → DOM): what a token response says: expiry, refresh time, header, API domain, or the error. */
export function renderTokenResponse(r: TokenResponse): (Node | string)[] {
  const row = (label: string, fact: string, value: Node | string) => [h('dt', {}, label), h('dd', { 'data-fact': fact }, value)];
  const unit = { seconds: 'expires_in in seconds', milliseconds: 'legacy expires_in_sec given: expires_in read as milliseconds', assumed: 'no lifetime given: assumed' };
  return present(
    h('p', { class: 'verdict', 'data-ok': String(r.ok) }, r.ok ? 'A token response.' : r.error ? `${r.error.code}: ${r.error.title}` : 'Not a usable token response.'),
    r.ok ? h('dl', { class: 'facts' },
      ...row('Expires in', 'expiresIn', `${duration(r.expiresInMs)}${r.expiresInUnit ? ` (${unit[r.expiresInUnit]})` : ''}`),
      ...row('Expires at', 'expiresAt', time(r.expiresAt)),
      ...row('Refresh at', 'refreshAt', `${time(r.refreshAt)} — ${duration(r.refreshMarginMs)} before expiry`),
      ...row('Header', 'header', r.authorizationHeader ? h('code', {}, `${r.authorizationHeader.name}: ${r.authorizationHeader.value}`) : '—'),
      ...row('API domain', 'apiDomain', r.apiDomain ? h('code', {}, r.apiDomain) : '— (none given: use your data center\'s)'),
      ...row('Refresh token', 'refreshToken', r.refreshToken ? 'included' : 'not included'),
      ...(r.scopes.length ? row('Scopes', 'scopes', r.scopes.join(', ')) : []),
    ) : null,
    r.error ? h('ol', { class: 'causes' }, ...r.error.likelyCauses.map((c) => h('li', { 'data-cause': c.id }, c.explanation))) : null,
    r.ok && r.authorizationHeader ? h('div', { class: 'actions' }, copyButton('Copy header', () => `${r.authorizationHeader?.name ?? ''}: ${r.authorizationHeader?.value ?? ''}`)) : null,
    findingsList(r.diagnostics));
}

export function mountTokens(panel: HTMLElement, api: Api): void {
  let reveal = false;
  const revealButton = h('button', { type: 'button', class: 'reveal', id: 'k-reveal', 'aria-pressed': 'false' }, 'Reveal secrets');
  const code = h('input', { type: 'password', id: 'k-code', autocomplete: 'off', spellcheck: 'false', placeholder: '1000.…' });
  const refreshToken = h('input', { type: 'password', id: 'k-refresh-token', autocomplete: 'off', spellcheck: 'false', placeholder: '1000.…' });
  const status = h('p', { class: 'hint', id: 'k-status' });
  const requests = h('div', { class: 'requests' });
  const requestFindings = h('div', { class: 'general' });

  const response = h('textarea', { id: 'k-response', rows: '5', spellcheck: 'false',
    placeholder: '{"access_token":"1000.…","refresh_token":"1000.…","api_domain":"https://www.zohoapis.eu","token_type":"Bearer","expires_in":3600}' });
  const responseStatus = h('input', { type: 'number', id: 'k-response-status', min: '100', max: '599', placeholder: '200' });
  const parsed = h('div', { class: 'parsed', 'aria-live': 'polite' });
  let issuedAt = 0;

  const requestSection = h('section', { 'aria-label': 'Token requests' },
    h('h2', {}, 'Token requests'),
    status,
    h('div', { class: 'row two' },
      h('div', { class: 'field' }, h('label', { for: 'k-code' }, 'Grant code (for the exchange)'), code,
        h('div', { class: 'slot', 'data-findings-for': 'code' })),
      h('div', { class: 'field', id: 'k-refresh-field' }, h('label', { for: 'k-refresh-token' }, 'Refresh token (refresh, revoke)'), refreshToken,
        h('div', { class: 'slot', 'data-findings-for': 'refreshToken' }))),
    h('p', { class: 'hint' }, 'Used to build the requests below only; never stored. Secrets show as [redacted] until you reveal them.'),
    h('div', { class: 'actions' }, revealButton),
    requestFindings,
    requests);
  panel.append(
    requestSection,
    h('section', { 'aria-label': 'Read a token response' },
      h('h2', {}, 'Read a token response'),
      h('div', { class: 'field' }, h('label', { for: 'k-response' }, 'Token response body (paste it)'), response),
      h('div', { class: 'field narrow' }, h('label', { for: 'k-response-status' }, 'HTTP status (optional)'), responseStatus),
      parsed),
    // Secondary: folded until asked for, so the requests fit the popup.
    h('details', { 'aria-label': 'Token limits', class: 'limits', id: 'k-limits' },
      h('summary', {}, h('h2', {}, 'Token limits')),
      h('p', { class: 'hint' }, 'Where sources differ, every value is shown with its source; none is picked for you.'),
      limitsView(api)),
  );

  // Findings in the words of the Connection tab's form and of this tab's fields.
  const words = fieldWords(api.connectionFormSchema(), 'popup',
    { dataCenter: 'your account\'s data center', code: 'Grant code', refreshToken: 'Refresh token' });

  function build(config: ConnectionConfig): void {
    if (!hasConfig(config)) {
      status.textContent = 'Fill in the Connection tab (or open a saved profile): the requests are built from its config.';
      requests.replaceChildren();
      placeFindings(requestSection, [], requestFindings);
      panel.dataset.state = 'empty';
      return;
    }
    if (config.authType && config.authType !== 'oauth2') {
      status.textContent = `Token requests are for OAuth 2 connections; this one uses ${config.authType}.`;
      requests.replaceChildren();
      placeFindings(requestSection, [], requestFindings);
      panel.dataset.state = 'not-oauth';
      return;
    }
    let result: TokenRequests;
    try {
      result = api.buildTokenRequests({
        config: config as Record<string, unknown>,
        ...(code.value.trim() ? { code: code.value.trim() } : {}),
        ...(refreshToken.value.trim() ? { refreshToken: refreshToken.value.trim() } : {}),
        reveal,
      });
    } catch (e) {
      requests.replaceChildren();
      requestFindings.replaceChildren(findingsList(failureFindings(e)));
      panel.dataset.state = 'failed';
      return;
    }
    const name = config.serviceName ? `"${config.serviceName}"` : 'the Connection tab\'s config';
    status.textContent = `Built from ${name}${result.dataCenter ? ` (${result.dataCenter.toUpperCase()})` : ''}.`;
    placeFindings(requestSection, result.diagnostics, requestFindings, words);
    // A provider without refresh and revoke requests (MailChimp's tokens do not expire) asks for no refresh token.
    const refreshField = panel.querySelector<HTMLElement>('#k-refresh-field');
    if (refreshField) refreshField.hidden = result.refresh === undefined && result.revoke === undefined;
    requests.replaceChildren(...[result.exchange, result.refresh, result.revoke]
      .filter((r): r is TokenRequest => r !== undefined)
      .map(requestView));
    panel.dataset.state = 'built';
    panel.dataset.revealed = String(result.revealed);
  }

  function parse(): void {
    const body = response.value.trim();
    if (!body) {
      parsed.replaceChildren(h('p', { class: 'empty' }, 'Paste the JSON the token endpoint answered to see when the token expires, when to refresh it, and which API domain to call.'));
      delete panel.dataset.parsed;
      return;
    }
    const statusValue = Number.parseInt(responseStatus.value, 10);
    let r: TokenResponse;
    try {
      r = api.parseTokenResponse({ body, issuedAt, reveal, ...(Number.isFinite(statusValue) ? { status: statusValue } : {}) });
    } catch (e) {
      parsed.replaceChildren(findingsList(failureFindings(e)));
      panel.dataset.parsed = 'failed';
      return;
    }
    parsed.replaceChildren(...renderTokenResponse(r));
    panel.dataset.parsed = r.ok ? 'ok' : 'error';
  }

  revealButton.addEventListener('click', () => {
    reveal = !reveal;
    revealButton.setAttribute('aria-pressed', String(reveal));
    revealButton.textContent = reveal ? 'Mask secrets' : 'Reveal secrets';
    build(currentConfig());
    parse();
  });
  code.addEventListener('input', () => build(currentConfig()));
  refreshToken.addEventListener('input', () => build(currentConfig()));
  response.addEventListener('input', () => {
    issuedAt = Date.now();
    parse();
  });
  responseStatus.addEventListener('input', parse);
  onConfigChange(build);
  build(currentConfig());
  parse();
  panel.dataset.ready = '1';
}

function limitsView(api: Api): HTMLElement {
  let limits: TokenLimit[];
  try {
    limits = api.tokenLimits();
  } catch (e) {
    return findingsList(failureFindings(e));
  }
  const list = h('ul', { class: 'limit-list' });
  for (const l of limits) {
    list.append(h('li', { class: 'limit', 'data-limit': l.id, 'data-agree': String(l.sourcesAgree) },
      h('div', { class: 'limit-head' }, h('strong', {}, l.title), h('span', { class: 'why' }, l.per)),
      l.sourcesAgree ? null : h('p', { class: 'conflict' }, 'Sources differ; each value with its source:'),
      h('div', { class: 'values' }, ...l.values.map((v) => h('div', { class: 'value', 'data-confidence': v.confidence },
        h('span', { class: 'big' }, v.value),
        h('span', {}, v.detail),
        sourceNode(v.source, { prefix: '' }), h('span', { class: 'confidence' }, ` (${v.confidence})`))))));
  }
  return list;
}
