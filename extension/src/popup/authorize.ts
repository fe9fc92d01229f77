// Tab "Authorize": the authorization URL of the Connection tab's config (data center, client ID, scopes, redirect
// URI, access type and consent from its authorize URL), with findings beside the fields. A field the admin changes
// here stays as typed; the others follow the Connection tab. An empty field the admin has not typed in shows no
// error: the URL area says what is still needed (issue 15, item 2). Every answer comes from the Wasm core.
import type { Api } from './tabs';
import type { AuthorizationInput, ConnectionConfig, DataCenter } from '../core';
import { copyButton, dataCenterSelect, findingsList, h, placeFindings } from './dom';
import { currentConfig, hasConfig, onConfigChange } from './current';
import { Touched, waitingNote } from './touched';
import { fieldWords } from '../labels';
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

/** The scopes of a config as lines (a list, or one string delimited by commas, spaces or plus signs). */
function scopeLines(scopes: ConnectionConfig['scopes']): string {
  if (Array.isArray(scopes)) return scopes.join('\n');
  return typeof scopes === 'string' ? scopes.split(/[\s,+]+/).filter(Boolean).join('\n') : '';
}

/** read (config → form values): what the Connection tab's config gives each field of this tab. */
export function fromConnection(config: ConnectionConfig, dc: string | undefined): Record<string, string> {
  let query = new URLSearchParams();
  try {
    if (config.authorizeUrl) query = new URL(config.authorizeUrl).searchParams;
  } catch { /* not a URL yet: the Connection tab says so */ }
  return {
    dataCenter: dc ?? '',
    clientId: config.clientId ?? '',
    scopes: scopeLines(config.scopes),
    redirectUri: config.redirectUri ?? '',
    accessType: query.get('access_type') === 'online' ? 'online' : 'offline',
    prompt: query.get('prompt') === 'consent' ? 'consent' : '',
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
  const dcSelect = dataCenterSelect(centers, { name: 'dataCenter' }, 'Choose…');
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
  const from = h('p', { class: 'hint from', id: 'f-from', 'aria-live': 'polite' });
  const copyUrl = copyButton('Copy URL', () => urlOut.value);
  const waitingOut = h('div', { class: 'waiting-out' });
  const words = fieldWords(api.connectionFormSchema(), 'popup', { dataCenter: 'Data center', accessType: 'Access type', prompt: 'the consent option' });
  const touched = new Touched();
  const controlOf: Record<string, HTMLInputElement | HTMLSelectElement | HTMLTextAreaElement> = {
    dataCenter: dcSelect, clientId, scopes, redirectUri: redirect, accessType };
  let state = '';

  panel.append(
    from,
    // The URL first: the fields below come from the Connection tab.
    h('section', { class: 'result', 'aria-label': 'Authorization URL' },
      h('h2', {}, 'Authorization URL'),
      urlOut,
      waitingOut,
      h('div', { class: 'actions' }, copyUrl),
      general,
    ),
    h('form', { class: 'form', autocomplete: 'off' },
      field('Data center', 'dataCenter', dcSelect),
      // Secondary now that the data center comes from the Connection tab: folded until asked for.
      h('details', { class: 'detect' }, h('summary', {}, 'Not sure? Detect it from any Zoho URL'),
        field('Paste any Zoho URL (a CRM page, the accounts server, a redirect after consent)', 'detect', detectInput),
        detectOut),
      field('Client ID', 'clientId', clientId),
      field('Scopes', 'scopes', scopes, 'One per line, or separated by commas.'),
      field('Redirect URI', 'redirectUri', redirect),
      callbacks,
      field('Access type', 'accessType', accessType),
      h('div', { class: 'field check' },
        h('label', {}, consent, ' Force the consent page (prompt=consent) to get a new refresh token'),
        h('div', { class: 'slot', 'data-findings-for': 'prompt' })),
    ),
  );

  function showCallbacks(): void {
    callbacks.replaceChildren(...renderCallbacks(centers.find((c) => c.id === dcSelect.value), (value) => {
      redirect.value = value;
      touched.mark('redirectUri');
      update();
    }));
  }

  function update(): void {
    const input = readAuthorize({ dcSelect, clientId, scopes, redirect, accessType, consent }, state);
    const result = api.buildAuthorizationUrl(input);
    state = result.state; // one state per popup session, so the URL does not change on every keystroke
    urlOut.value = result.url ?? '';
    urlOut.dataset.empty = result.url ? 'false' : 'true';
    // An empty field the admin has not typed in waits: its finding is counted below the URL, not shown beside it.
    const empty = new Set(Object.entries(controlOf).filter(([, c]) => c.value.trim() === '').map(([k]) => k));
    const { shown, waiting } = touched.split(result.diagnostics, empty);
    const note = waitingNote(waiting, words);
    if (!result.url) urlOut.value = note ? 'Fill in the fields below to get the URL.' : 'Fix the errors below to get the URL.';
    copyUrl.disabled = !result.url;
    waitingOut.replaceChildren(...(note ? [note] : []));
    placeFindings(panel, shown, general, words);
    panel.dataset.errors = String(result.diagnostics.filter((d) => d.severity === 'error').length);
    panel.dataset.shownErrors = String(shown.filter((d) => d.severity === 'error').length);
    panel.dataset.ready = '1';
  }

  /** Fills the fields the admin has not changed here from the Connection tab's config. */
  function follow(config: ConnectionConfig): void {
    let guessedDc: string | undefined;
    if (!hasConfig(config)) {
      from.textContent = config.dataCenter
        ? 'Fill in the Connection tab (or type here): its client ID, scopes and redirect URI come here.'
        : 'Fill in the Connection tab (or type here): the URL is built from its config.';
    } else {
      let report;
      try {
        report = api.validateConnection(config);
      } catch {
        report = null; // the Connection tab shows why
      }
      guessedDc = report?.summary.dataCenter;
      if (report?.summary.provider.kind === 'external') {
        from.textContent = `${config.serviceName ?? 'The Connection tab\'s service'} is not Zoho: Zoho opens its own authorize URL when you connect (the Connection tab gives the URL to try). This tab builds Zoho's URL for a Zoho client.`;
        panel.dataset.follows = 'external';
        // Its client is not a Zoho client: no field here keeps a value from an earlier Zoho config.
        for (const key of ['clientId', 'scopes', 'redirectUri']) if (!touched.has(key)) controlOf[key]!.value = '';
        update();
        return;
      }
      from.textContent = `From the Connection tab${config.serviceName ? ` ("${config.serviceName}")` : ''}; a field you change here stays as you typed it.`;
    }
    panel.dataset.follows = hasConfig(config) ? 'connection' : 'none';
    const values = fromConnection(config, config.dataCenter ?? guessedDc);
    // Untouched fields mirror the config (an emptied field there empties here); before there is a config, only
    // where the account lives is known.
    for (const [key, control] of Object.entries(controlOf)) {
      const v = values[key] ?? '';
      if (touched.has(key) || (key === 'dataCenter' ? v === '' : !hasConfig(config))) continue;
      control.value = v;
    }
    if (!touched.has('prompt') && hasConfig(config)) consent.checked = values.prompt === 'consent';
    showCallbacks();
    update();
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
      touched.mark('dataCenter');
      dcSelect.value = d.dataCenter;
      showCallbacks();
      update();
    }
  });
  dcSelect.addEventListener('change', showCallbacks);
  const edited = (e: Event) => {
    touched.markEvent(e);
    update();
  };
  panel.addEventListener('input', edited);
  panel.addEventListener('change', edited);
  follow(currentConfig());
  onConfigChange(follow);
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
