// Tab "Test": calls the CRM with an access token the admin pastes. The token lives in this form and in one message
// to the service worker (which makes the calls); it is never stored. The data center starts as the current
// connection's (the Connection tab's) until it is chosen here.
import type { Api } from './tabs';
import type { ConnectionTestInput, Explanation } from '../core';
import type { ConnectionTestReport, Reply } from '../messages';
import { dataCenterSelect, findingsList, h } from './dom';
import { currentConfig, onConfigChange } from './current';
import { connectionFacts, followed } from './follow';
import { messenger } from '../browser';

type Sender = (message: unknown) => Promise<unknown>;

/** The service worker, or (in the demo page, without chrome.runtime) the core directly. */
function sender(api: Api): Sender {
  return messenger() ?? (async (m) => ({ ok: true, report: await api.testConnection((m as { input: never }).input) }));
}

/** read (DOM → input): the test the form asks for; blank fields are left out. */
export function readLiveTest(f: { dataCenter: string; apiDomain: string; token: string }): ConnectionTestInput {
  return {
    ...(f.dataCenter ? { dataCenter: f.dataCenter } : {}),
    ...(f.apiDomain.trim() ? { apiDomain: f.apiDomain.trim() } : {}),
    accessToken: f.token,
  };
}

/** The error explainer's answer for each failed call that brought a reply (the same call fails the same way once). */
export function explainFailures(api: Pick<Api, 'explainError'>, report: ConnectionTestReport): Explanation[] {
  const seen = new Set<string>();
  const out: Explanation[] = [];
  for (const c of report.calls) {
    if (c.ok || c.status === undefined) continue;
    const key = `${c.status} ${c.errorCode ?? ''}`;
    if (seen.has(key)) continue;
    seen.add(key);
    try {
      out.push(api.explainError({ status: c.status, body: c.errorBody ?? '' }));
    } catch {
      // Nothing to add: the call's own finding says it failed.
    }
  }
  return out;
}

/** render (answer → DOM): the first causes and fixes of an explanation of a failed call. */
function explanationView(e: Explanation): HTMLElement {
  return h('section', { class: 'explanation', 'data-code': e.code },
    h('p', { class: 'err-title' }, `${e.code}: ${e.title}`),
    h('ol', { class: 'causes' }, ...e.likelyCauses.slice(0, 3).map((cause) =>
      h('li', { 'data-cause': cause.id }, h('span', { class: 'cause-id' }, cause.id.replace(/_/g, ' ')), h('span', {}, cause.explanation)))),
    e.fixes.length ? h('ul', { class: 'fixes' }, ...e.fixes.slice(0, 3).map((f) => h('li', {}, f))) : null);
}

/** render (answer → DOM): the verdict, one row per call (status, latency, result), missing scopes, findings. */
export function renderLiveTest(report: ConnectionTestReport, explanations: Explanation[]): Node[] {
  const rows = report.calls.map((c) => h('tr', { 'data-call': c.name, 'data-ok': String(c.ok) },
    h('td', {}, c.name),
    h('td', {}, c.status === undefined ? '—' : String(c.status)),
    h('td', { class: c.withinTarget ? '' : 'slow' }, `${Math.round(c.latencyMs)} ms`),
    h('td', {}, c.ok ? 'ok' : (c.errorCode ?? 'failed')),
    h('td', {}, (c.seen ?? []).map(([, v]) => v).join(' · '))));
  const parts: (Node | null)[] = [
    h('p', { class: 'verdict', 'data-ok': String(report.ok) },
      report.ok ? `Connected to ${report.apiDomain ?? ''}` : 'The connection test failed.'),
    report.apiDomain ? h('p', { class: 'hint' }, `API domain: ${report.apiDomain}${report.dataCenter ? ` (${report.dataCenter.toUpperCase()})` : ''}; target under 2 s per call.`) : null,
    report.calls.length ? h('table', { class: 'registry calls' },
      h('thead', {}, h('tr', {}, h('th', {}, 'call'), h('th', {}, 'HTTP'), h('th', {}, 'latency'), h('th', {}, 'result'), h('th', {}, 'seen'))),
      h('tbody', {}, ...rows)) : null,
    report.missingScopes.length ? h('p', { class: 'missing' }, `Scopes that seem missing: ${report.missingScopes.join(', ')}`) : null,
    findingsList(report.diagnostics),
    ...explanations.map(explanationView)];
  return parts.filter((p): p is Node => p !== null);
}

export function mountLiveTest(panel: HTMLElement, api: Api): void {
  const send = sender(api);
  const dc = dataCenterSelect(api.listDataCenters(), { id: 't-dataCenter' }, 'Choose…');
  const apiDomain = h('input', { type: 'url', id: 't-apiDomain', placeholder: 'https://www.zohoapis.eu (api_domain of the token response)', autocomplete: 'off' });
  const token = h('input', { type: 'password', id: 't-token', autocomplete: 'off', spellcheck: 'false', placeholder: '1000.…' });
  const run = h('button', { type: 'submit', class: 'copy' }, 'Test connection');
  const out = h('div', { class: 'test-out', 'aria-live': 'polite' });
  const form = h('form', { class: 'form', autocomplete: 'off' },
    h('p', { class: 'hint' }, 'Calls GET /crm/v8/users?type=CurrentUser and /crm/v8/org. The token is used for this test only and never stored.'),
    h('div', { class: 'field' }, h('label', { for: 't-dataCenter' }, 'Data center'), dc,
      h('div', { class: 'hint' }, 'Starts as the Connection tab\'s data center; a choice here stays in this tab.')),
    h('div', { class: 'field' }, h('label', { for: 't-apiDomain' }, 'API domain (optional, preferred)'), apiDomain),
    h('div', { class: 'field' }, h('label', { for: 't-token' }, 'Access token'), token),
    h('div', { class: 'actions' }, run));
  panel.append(form, out);
  const dcFollow = followed(dc);
  const followConnection = () => dcFollow.follow(connectionFacts(api, currentConfig()).dataCenter ?? '');

  form.addEventListener('submit', (e) => {
    e.preventDefault();
    run.disabled = true;
    out.replaceChildren(h('p', { class: 'hint' }, 'Calling Zoho…'));
    const input = readLiveTest({ dataCenter: dc.value, apiDomain: apiDomain.value, token: token.value });
    send({ type: 'zck:connection-test', input })
      .then((reply) => {
        const r = reply as Reply<'zck:connection-test'>;
        if (!r.ok) {
          out.replaceChildren(h('p', { class: 'finding error' }, `${r.error.code}: ${r.error.message}`));
          return;
        }
        out.replaceChildren(...renderLiveTest(r.report, explainFailures(api, r.report)));
        panel.dataset.tested = r.report.ok ? 'ok' : 'failed';
      })
      .catch((err: unknown) => out.replaceChildren(h('p', { class: 'finding error' }, `The service worker did not answer: ${String(err)}`)))
      .finally(() => { run.disabled = false; });
  });
  onConfigChange(followConnection);
  followConnection();
}
