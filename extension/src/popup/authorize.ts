// Tab "Authorize": pick or detect the data center, enter the client, get the authorization URL with findings
// beside the fields. Every answer comes from the Wasm core.
import type { Api } from './tabs';
import type { AuthorizationInput, DataCenter } from '../core';
import { copyButton, findingsList, h, placeFindings } from './dom';
import { loadSettings } from '../settings';

function field(label: string, path: string, control: HTMLElement, hint?: string): HTMLElement {
  const id = `f-${path}`;
  control.id = id;
  return h('div', { class: 'field' },
    h('label', { for: id }, label),
    control,
    hint ? h('div', { class: 'hint' }, hint) : null,
    h('div', { class: 'slot', 'data-findings-for': path }),
  );
}

/** The tab's controls. */
interface AuthorizeForm {
  dcSelect: HTMLSelectElement;
  clientId: HTMLInputElement;
  scopes: HTMLTextAreaElement;
  redirect: HTMLInputElement;
  accessType: HTMLSelectElement;
  consent: HTMLInputElement;
}

/** read (DOM → input): the authorization request the form describes; `state` is kept for the popup session. */
export function readAuthorize(f: AuthorizeForm, state: string): AuthorizationInput {
  return {
    dataCenter: f.dcSelect.value || undefined,
    clientId: f.clientId.value || undefined,
    scopes: f.scopes.value.split(/[\n,]/).map((s) => s.trim()).filter(Boolean),
    redirectUri: f.redirect.value || undefined,
    accessType: f.accessType.value === 'online' ? 'online' : 'offline',
    ...(f.consent.checked ? { prompt: 'consent' as const } : {}),
    ...(state ? { state } : {}),
  };
}

/** render (answer → DOM): the Deluge callbacks of a data center, each a button that `use`s it. */
export function renderCallbacks(dc: DataCenter | undefined, use: (value: string) => void): Node[] {
  if (!dc) return [];
  if (dc.delugeCallbacks.length === 0) {
    return [h('p', { class: 'hint' }, `No source gives the Deluge callback URL for ${dc.name}: copy it from your Developer Hub Connections page.`)];
  }
  const intro = dc.callbackStatus === 'conflicting'
    ? `Sources disagree on the Deluge callback for ${dc.name}; check your Connections page:`
    : 'Deluge callback for this data center:';
  return [h('p', { class: 'hint' }, intro), ...dc.delugeCallbacks.map((cb) => {
    const b = h('button', { type: 'button', class: 'link', title: cb.source }, `Use ${cb.value}`);
    b.addEventListener('click', () => use(cb.value));
    return b;
  })];
}

export function mountAuthorize(panel: HTMLElement, api: Api): void {
  const centers: DataCenter[] = api.listDataCenters();
  const dcSelect = h('select', { name: 'dataCenter' }, h('option', { value: '' }, 'Choose…'));
  for (const dc of centers) dcSelect.append(h('option', { value: dc.id }, `${dc.id.toUpperCase()} — ${dc.name}`));
  const detectInput = h('input', { type: 'text', name: 'detect', placeholder: 'https://crm.zoho.eu/crm/org…', autocomplete: 'off' });
  const detectOut = h('div', { class: 'detect-out', 'aria-live': 'polite' });
  const clientId = h('input', { type: 'text', name: 'clientId', placeholder: '1000.XXXXXXXXXXXXXXXXXXXXXXXXXXXXXX', autocomplete: 'off', spellcheck: 'false' });
  const scopes = h('textarea', { name: 'scopes', rows: '3', placeholder: 'ZohoCRM.modules.ALL\nZohoCRM.settings.fields.READ', spellcheck: 'false' });
  const redirect = h('input', { type: 'url', name: 'redirectUri', placeholder: 'https://…', autocomplete: 'off' });
  const callbacks = h('div', { class: 'callbacks' });
  const accessType = h('select', { name: 'accessType' },
    h('option', { value: 'offline' }, 'offline — access + refresh token'),
    h('option', { value: 'online' }, 'online — access token only (1 hour)'));
  const consent = h('input', { type: 'checkbox', name: 'prompt' });
  const urlOut = h('output', { class: 'url', name: 'url', for: 'f-clientId' });
  const general = h('div', { class: 'general' });
  let state = '';

  panel.append(
    h('form', { class: 'form', autocomplete: 'off' },
      field('Data center', 'dataCenter', dcSelect),
      field('…or paste any Zoho URL to detect it', 'detect', detectInput),
      detectOut,
      field('Client ID', 'clientId', clientId),
      field('Scopes', 'scopes', scopes, 'One per line, or separated by commas.'),
      field('Redirect URI', 'redirectUri', redirect),
      callbacks,
      field('Access type', 'accessType', accessType),
      h('div', { class: 'field check' },
        h('label', {}, consent, ' Force the consent page (prompt=consent) to get a new refresh token'),
        h('div', { class: 'slot', 'data-findings-for': 'prompt' })),
    ),
    h('section', { class: 'result', 'aria-label': 'Authorization URL' },
      h('h2', {}, 'Authorization URL'),
      urlOut,
      h('div', { class: 'actions' }, copyButton('Copy URL', () => urlOut.value)),
      general,
    ),
  );

  function showCallbacks(): void {
    callbacks.replaceChildren(...renderCallbacks(centers.find((c) => c.id === dcSelect.value), (value) => {
      redirect.value = value;
      update();
    }));
  }

  function update(): void {
    const input = readAuthorize({ dcSelect, clientId, scopes, redirect, accessType, consent }, state);
    const result = api.buildAuthorizationUrl(input);
    state = result.state; // one state per popup session, so the URL does not change on every keystroke
    urlOut.value = result.url ?? '';
    urlOut.dataset.empty = result.url ? 'false' : 'true';
    if (!result.url) urlOut.value = 'Fix the errors above to get the URL.';
    placeFindings(panel, result.diagnostics, general);
    panel.dataset.ready = '1';
  }

  detectInput.addEventListener('input', () => {
    const text = detectInput.value.trim();
    if (!text) {
      detectOut.replaceChildren();
      return;
    }
    const d = api.detectDataCenter(text);
    detectOut.replaceChildren(
      h('p', { class: 'detected' }, d.dataCenter ? `Detected: ${d.dataCenter.toUpperCase()} — ${d.name ?? ''}` : 'No data center recognised.'),
      findingsList(d.diagnostics),
    );
    if (d.dataCenter) {
      dcSelect.value = d.dataCenter;
      showCallbacks();
      update();
    }
  });
  dcSelect.addEventListener('change', showCallbacks);
  panel.addEventListener('input', update);
  panel.addEventListener('change', update);
  update();
  // Start from the defaults of the options page, unless the admin already typed.
  void loadSettings().then(({ settings }) => {
    if (!dcSelect.value && settings.defaultDataCenter) {
      dcSelect.value = settings.defaultDataCenter;
      showCallbacks();
    }
    if (!scopes.value && settings.defaultScopes.length) scopes.value = settings.defaultScopes.join('\n');
    update();
  });
}
