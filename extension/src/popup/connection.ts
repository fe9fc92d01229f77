// Tab "Connection": the whole custom-service connection config as a form, checked by the core on every keystroke.
// The summary (data center, provider, what to register, the URL to try) sits on top; each finding sits beside its
// field. Start from a preset, save as a profile (the secret only when the box is ticked), or copy the JSON that
// `zck validate` reads. The config is shared with the Tokens and Explain tabs through ./current.
import type { Api } from './tabs';
import type { ConnectionConfig, ConnectionReport, Diagnostic, Finding, Preset } from '../core';
import { errorRecord } from '../core';
import { emit, on } from './bus';
import { copyButton, findingsList, h, placeFindings } from './dom';
import { setCurrentConfig } from './current';
import { failureFindings, present } from './failure';
import { saveProfile, withoutSecrets, type Profile } from '../profiles/store';

type Group = 'common' | 'oauth' | 'apiKey' | 'basic';
type Control = HTMLInputElement | HTMLSelectElement | HTMLTextAreaElement;

interface FieldSpec {
  path: keyof ConnectionConfig;
  label: string;
  group: Group;
  control: () => Control;
  hint?: string;
}

const text = (placeholder: string, type = 'text') => () =>
  h('input', { type, placeholder, autocomplete: 'off', spellcheck: 'false' });
const choice = (options: [string, string][]) => () =>
  h('select', {}, ...options.map(([value, label]) => h('option', { value }, label)));

function fieldSpecs(api: Api): FieldSpec[] {
  const centers = api.listDataCenters();
  return [
    { path: 'serviceName', label: 'Service name', group: 'common', control: text('Zoho CRM EU') },
    { path: 'linkName', label: 'Link name', group: 'common', control: text('zoho_crm_eu'), hint: 'Used in Deluge: invokeurl [ … connection: "link_name" ].' },
    { path: 'authType', label: 'Authentication type', group: 'common', control: choice([['oauth2', 'OAuth 2'], ['apiKey', 'API key'], ['basic', 'Basic authentication'], ['oauth1', 'OAuth 1 (not checked)'], ['', 'Not set']]) },
    { path: 'dataCenter', label: 'Data center (yours)', group: 'common', control: choice([['', 'Detect from the URLs'], ...centers.map((d): [string, string] => [d.id, `${d.id.toUpperCase()} — ${d.name}`])]) },
    { path: 'grantType', label: 'Grant type', group: 'oauth', control: choice([['authorizationCode', 'Authorization code'], ['clientCredentials', 'Client credentials']]) },
    { path: 'clientId', label: 'Client ID', group: 'oauth', control: text('1000.XXXXXXXXXXXXXXXXXXXXXXXXXXXXXX') },
    { path: 'clientSecret', label: 'Client secret', group: 'oauth', control: text('', 'password'), hint: 'Kept in this popup only; saved with a profile only when you tick the box below.' },
    { path: 'authorizeUrl', label: 'Authorize URL', group: 'oauth', control: text('https://accounts.zoho.eu/oauth/v2/auth?access_type=offline', 'url') },
    { path: 'tokenUrl', label: 'Access token URL', group: 'oauth', control: text('https://accounts.zoho.eu/oauth/v2/token', 'url') },
    { path: 'refreshUrl', label: 'Refresh token URL', group: 'oauth', control: text('https://accounts.zoho.eu/oauth/v2/token', 'url') },
    { path: 'revokeUrl', label: 'Revoke token URL', group: 'oauth', control: text('https://accounts.zoho.eu/oauth/v2/token/revoke', 'url') },
    { path: 'redirectUri', label: 'Redirect URI', group: 'oauth', control: text('https://…/delugeauth/callback', 'url') },
    { path: 'scopes', label: 'Scopes', group: 'oauth', control: () => h('textarea', { rows: '3', spellcheck: 'false', placeholder: 'ZohoCRM.modules.ALL\nZohoCRM.settings.fields.READ' }), hint: 'One per line, or one line delimited as below.' },
    { path: 'scopeDelimiter', label: 'Scope delimiter', group: 'oauth', control: choice([['comma', 'Comma (,)'], ['space', 'Space'], ['plus', 'Plus (+)']]) },
    { path: 'paramType', label: 'Parameter type', group: 'oauth', control: choice([['', 'Not set'], ['header', 'Header'], ['query', 'Query string']]) },
    { path: 'keyName', label: 'Key name', group: 'apiKey', control: text('api_key') },
    { path: 'placement', label: 'Key placement', group: 'apiKey', control: choice([['', 'Not set'], ['query', 'Query string'], ['header', 'Header'], ['formData', 'Form data']]) },
    { path: 'username', label: 'User name', group: 'basic', control: text('') },
    { path: 'password', label: 'Password', group: 'basic', control: text('', 'password'), hint: 'Kept in this popup only; saved with a profile only when you tick the box below.' },
  ];
}

/** Scopes as the admin typed them: several lines are a list; one line with a delimiter stays one string. */
function readScopes(value: string): string[] | string | undefined {
  const lines = value.split('\n').map((s) => s.trim()).filter(Boolean);
  if (lines.length === 0) return undefined;
  if (lines.length === 1 && /[,+\s]/.test(lines[0] ?? '')) return lines[0];
  return lines;
}

function groupOf(authType: string): Group | null {
  if (authType === 'oauth2') return 'oauth';
  if (authType === 'apiKey') return 'apiKey';
  if (authType === 'basic') return 'basic';
  return null;
}

export function mountConnection(panel: HTMLElement, api: Api): void {
  const specs = fieldSpecs(api);
  const controls = new Map<string, Control>();
  const groups = new Map<Group, HTMLElement>();
  /** Values the form has no control for but must keep (the preset the config started from). */
  let extra: Pick<ConnectionConfig, 'preset'> = {};
  let loadedProfile: Profile | null = null;

  // Preset picker.
  const presets: Preset[] = api.listPresets();
  const presetSelect = h('select', { id: 'c-preset' }, h('option', { value: '' }, 'Choose a service…'),
    ...presets.map((p) => h('option', { value: p.id }, `${p.name} (${p.provider === 'zoho' ? 'Zoho' : 'external'})`)));
  const presetFill = h('button', { type: 'button', class: 'copy', id: 'c-preset-fill', disabled: true }, 'Fill the form');
  const quirks = h('div', { class: 'quirks', 'aria-live': 'polite' });

  // The summary on top.
  const summary = h('section', { class: 'summary', 'aria-label': 'Summary', 'aria-live': 'polite' });
  const general = h('div', { class: 'general' });

  // The form.
  const form = h('form', { class: 'form', autocomplete: 'off' });
  for (const g of ['common', 'oauth', 'apiKey', 'basic'] as Group[]) {
    const box = h('div', { class: `group group-${g}`, 'data-group': g });
    groups.set(g, box);
    form.append(box);
  }
  for (const spec of specs) {
    const control = spec.control();
    control.id = `c-${spec.path}`;
    control.name = spec.path;
    controls.set(spec.path, control);
    groups.get(spec.group)?.append(h('div', { class: 'field' },
      h('label', { for: control.id }, spec.label),
      control,
      spec.hint ? h('div', { class: 'hint' }, spec.hint) : null,
      h('div', { class: 'slot', 'data-findings-for': spec.path })));
  }

  // Save and export.
  const keepSecret = h('input', { type: 'checkbox', id: 'c-keep-secret' });
  const save = h('button', { type: 'button', class: 'copy', id: 'c-save' }, 'Save as profile');
  const saved = h('p', { class: 'hint saved', role: 'status' });
  const exportButton = copyButton('Export JSON', () => exportJson());
  exportButton.id = 'c-export';

  panel.append(
    h('div', { class: 'preset' },
      h('div', { class: 'field' }, h('label', { for: 'c-preset' }, 'Start from a preset'),
        h('div', { class: 'row' }, presetSelect, presetFill)),
      quirks),
    summary,
    form,
    h('section', { class: 'save', 'aria-label': 'Save and export' },
      h('div', { class: 'field check' }, h('label', { for: 'c-keep-secret' }, keepSecret,
        ' Keep the client secret (or password) with this profile')),
      h('div', { class: 'actions' }, save, exportButton),
      h('p', { class: 'hint' }, 'Export JSON copies the file `zck validate` reads, without the secret.'),
      saved),
  );

  const value = (path: string): string => controls.get(path)?.value ?? '';

  /** The config as shown: only the fields of the chosen auth type, only what is filled in. */
  function readForm(): ConnectionConfig {
    const visible = new Set<Group>(['common']);
    const g = groupOf(value('authType'));
    if (g) visible.add(g);
    const out: Record<string, unknown> = {};
    for (const spec of specs) {
      if (!visible.has(spec.group)) continue;
      const v = value(spec.path);
      if (spec.path === 'scopes') {
        const scopes = readScopes(v);
        if (scopes !== undefined) out.scopes = scopes;
      } else if (v !== '') out[spec.path] = v;
    }
    if (extra.preset) out.preset = extra.preset;
    return out as ConnectionConfig;
  }

  function setForm(config: ConnectionConfig): void {
    const defaults: Record<string, string> = { authType: 'oauth2', grantType: 'authorizationCode', scopeDelimiter: 'comma' };
    for (const spec of specs) {
      const control = controls.get(spec.path);
      if (!control) continue;
      const v = config[spec.path];
      let text = Array.isArray(v) ? v.join('\n') : typeof v === 'string' ? v : (defaults[spec.path] ?? '');
      if (control instanceof HTMLSelectElement && !Array.from(control.options).some((o) => o.value === text)) {
        control.append(h('option', { value: text }, text)); // a value the list does not offer: shown, and checked
      }
      control.value = text;
    }
    extra = config.preset ? { preset: config.preset } : {};
    // The picker shows the preset the config started from (and its quirks), or none.
    presetSelect.value = presets.some((p) => p.id === config.preset) ? (config.preset ?? '') : '';
    showQuirks();
    update();
  }

  function exportJson(): string {
    return `${JSON.stringify({ ...withoutSecrets(readForm() as Record<string, unknown>), schemaVersion: 1 }, null, 2)}\n`;
  }

  function showGroups(): void {
    const g = groupOf(value('authType'));
    for (const [name, box] of groups) box.hidden = name !== 'common' && name !== g;
  }

  let shown: string | null = null;
  function update(): void {
    showGroups();
    const config = readForm();
    // A `change` after an `input` (on blur) repeats the same config: keep the rendered nodes (and focus) as they are.
    const key = JSON.stringify(config);
    if (key === shown) return;
    shown = key;
    // The selects' defaults alone are not a config: the other tabs show their empty state until something is typed.
    const typed = specs.some((s) => !['authType', 'grantType', 'scopeDelimiter'].includes(s.path) && value(s.path) !== '');
    setCurrentConfig(typed ? config : {});
    if (!typed) {
      placeFindings(form, [], general);
      summary.replaceChildren(h('p', { class: 'empty' },
        'Choose a preset above, open a saved profile, or fill in the fields below. Findings appear beside each field as you type.'));
      panel.dataset.errors = '0';
      panel.dataset.warnings = '0';
      panel.dataset.state = 'empty';
      panel.dataset.ready = '1';
      return;
    }
    let report: ConnectionReport;
    try {
      report = api.validateConnection(config);
    } catch (e) {
      const diagnostics: Finding[] = failureFindings(e);
      placeFindings(form, diagnostics, general);
      summary.replaceChildren(h('p', { class: 'verdict', 'data-ok': 'false' }, 'The config could not be checked.'), general);
      panel.dataset.state = 'failed';
      return;
    }
    placeFindings(form, report.diagnostics, general);
    renderSummary(report);
    panel.dataset.errors = String(report.summary.counts.errors);
    panel.dataset.warnings = String(report.summary.counts.warnings);
    panel.dataset.state = 'checked';
    panel.dataset.ready = '1';
  }

  function useButton(label: string, path: string, v: string): HTMLButtonElement {
    const b = h('button', { type: 'button', class: 'link' }, label);
    b.addEventListener('click', () => {
      const c = controls.get(path);
      if (!c) return;
      c.value = v;
      update();
      c.focus();
    });
    return b;
  }

  function renderSummary(report: ConnectionReport): void {
    const s = report.summary;
    const { errors, warnings, infos } = s.counts;
    const plural = (n: number, one: string) => `${n} ${one}${n === 1 ? '' : 's'}`;
    const verdict = errors + warnings === 0
      ? `No errors or warnings${infos ? ` (${plural(infos, 'note')})` : ''}.`
      : [errors ? plural(errors, 'error') : '', warnings ? plural(warnings, 'warning') : '', infos ? plural(infos, 'note') : ''].filter(Boolean).join(', ');
    const providerLabel = { zoho: 'Zoho itself', external: 'External service', undetermined: 'Not determined yet' }[s.provider.kind];
    const dc = s.dataCenter
      ? `${s.dataCenter.toUpperCase()} — ${s.dataCenterName ?? ''}${s.dataCenterFrom ? ` (from ${s.dataCenterFrom})` : ''}`
      : 'Not determined: choose one, or enter a Zoho URL.';
    const reg = s.register;
    const redirects = h('ul', { class: 'candidates' });
    for (const c of reg.redirectUris) {
      redirects.append(h('li', { 'data-value': c.value },
        h('code', {}, c.value), ' ',
        value('redirectUri') === c.value ? h('span', { class: 'badge' }, 'in use') : useButton('Use', 'redirectUri', c.value),
        h('span', { class: 'src' }, c.source)));
    }
    const tryUrl = h('output', { class: 'url', id: 'c-try-url', 'data-empty': s.tryUrl ? 'false' : 'true' }, s.tryUrl ?? s.tryUrlNote);
    const copyTry = copyButton('Copy URL', () => s.tryUrl ?? '');
    copyTry.id = 'c-copy-try';
    copyTry.disabled = !s.tryUrl;
    summary.replaceChildren(...present(
      h('p', { class: 'verdict', 'data-ok': String(errors === 0) }, verdict),
      h('dl', { class: 'facts' },
        h('dt', {}, 'Data center'), h('dd', { 'data-fact': 'dataCenter' }, dc),
        h('dt', {}, 'Provider'), h('dd', { 'data-fact': 'provider', 'data-kind': s.provider.kind },
          h('strong', {}, providerLabel), h('span', { class: 'why' }, s.provider.reason)),
        s.linkNameSuggested && s.linkName
          ? h('dt', {}, 'Link name') : null,
        s.linkNameSuggested && s.linkName
          ? h('dd', { 'data-fact': 'linkName' }, 'Suggested: ', h('code', {}, s.linkName), ' ', useButton('Use', 'linkName', s.linkName)) : null,
        h('dt', {}, 'Register at'), h('dd', { 'data-fact': 'register' },
          h('span', {}, reg.at), reg.clientType ? h('span', { class: 'why' }, `Client type: ${reg.clientType}`) : null),
        h('dt', {}, reg.redirectUris.length > 1 ? 'Redirect URIs' : 'Redirect URI'),
        h('dd', { 'data-fact': 'redirectUris', 'data-status': reg.redirectStatus ?? '' },
          reg.redirectStatus === 'conflicting' ? h('span', { class: 'why' }, 'Sources disagree: register both.') : null,
          reg.redirectUris.length ? redirects : h('span', { class: 'why' }, 'No source gives it: copy it from the provider\'s or Zoho\'s connection page.')),
        reg.homepage ? h('dt', {}, 'Homepage') : null,
        reg.homepage ? h('dd', { 'data-fact': 'homepage' }, reg.homepage) : null,
      ),
      reg.notes.length ? h('ul', { class: 'notes' }, ...reg.notes.map((n) => h('li', {}, n))) : null,
      h('div', { class: 'try' }, h('label', { for: 'c-try-url' }, 'URL to try'), tryUrl,
        s.tryUrl ? h('p', { class: 'hint' }, s.tryUrlNote) : null,
        h('div', { class: 'actions' }, copyTry)),
      general.childElementCount && general.querySelector('li') ? h('h3', {}, 'Other findings') : null,
      general,
    ));
  }

  // Presets.
  function showQuirks(): void {
    const p = presets.find((x) => x.id === presetSelect.value);
    presetFill.disabled = !p;
    quirks.replaceChildren();
    if (!p) return;
    quirks.append(h('p', { class: 'hint' }, `${p.name}: API base ${p.apiBase.value}.`));
    if (p.quirks.length) {
      quirks.append(h('ul', { class: 'quirk-list' }, ...p.quirks.map((q) =>
        h('li', {}, h('span', {}, q.text), h('span', { class: 'src' }, `Source: ${q.source}`)))));
    }
  }
  presetSelect.addEventListener('change', showQuirks);
  presetFill.addEventListener('click', () => {
    const id = presetSelect.value;
    const dc = value('dataCenter');
    try {
      const config = api.startFromPreset(id, dc || undefined);
      if (!config) return;
      loadedProfile = null;
      setForm(config);
      const p = presets.find((x) => x.id === id);
      saved.textContent = `Filled from the ${p?.name ?? id} preset${dc ? ` for ${dc.toUpperCase()}` : ''}. Add your client ID and secret.`;
      panel.dataset.preset = id;
    } catch (e) {
      saved.textContent = `The preset could not be loaded: ${errorRecord(e).message}`;
    }
  });

  // Profiles.
  save.addEventListener('click', () => {
    const config = readForm();
    const name = config.serviceName?.trim() || 'Untitled connection';
    const replace = loadedProfile && loadedProfile.name === name ? loadedProfile.id : undefined;
    saveProfile({ ...(replace ? { id: replace } : {}), name, kind: 'connection', data: config as Record<string, unknown>, keepSecret: keepSecret.checked })
      .then((p) => {
        loadedProfile = p;
        saved.textContent = `Saved "${p.name}"${p.keepSecret ? ' with its secret' : ' without its secret'}. It is in the Profiles tab.`;
        panel.dataset.saved = p.id;
        emit('profiles:changed', undefined);
      })
      .catch((e: unknown) => { saved.textContent = `Not saved: ${errorRecord(e).message}`; });
  });
  on('profile:open', (p) => {
    if (p.kind !== 'connection') return;
    loadedProfile = p;
    keepSecret.checked = p.keepSecret;
    setForm(p.data as ConnectionConfig);
    saved.textContent = `Opened "${p.name}"${p.keepSecret ? '' : ': enter the secret, it was not kept'}.`;
    panel.dataset.opened = p.id;
    emit('tab:select', 'connection');
  });

  form.addEventListener('input', update);
  form.addEventListener('change', update);
  form.addEventListener('submit', (e) => e.preventDefault());
  setForm({});
}

