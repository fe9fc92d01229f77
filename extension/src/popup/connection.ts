// Tab "Connection": the whole custom-service connection config as a form, checked by the core on every keystroke.
// The summary (data center, provider, what to register, the URL to try) sits on top; each finding sits beside its
// field. Start from a preset, save as a profile (the secret only when the box is ticked), or copy the JSON that
// `zck validate` reads. The config is shared with the other tabs through ./current.
// It asks first where the admin's Zoho account lives (remembered as the options page's default data center): left
// unsaid, the data center is guessed from the URLs, and the core says so with a warning (issue 15, item 1). A
// finding shows beside a field once the admin has typed there (./touched); findings speak the form's words
// (../labels).
import type { Api } from './tabs';
import type { ConnectionConfig, ConnectionReport, Diagnostic, Finding, FormField, Preset } from '../core';
import { errorRecord } from '../core';
import { emit, on } from './bus';
import { copyButton, findingsList, h, placeFindings } from './dom';
import { setCurrentConfig } from './current';
import { noteReport } from './follow';
import { Touched, waitingNote } from './touched';
import { fieldWords, inFormWords, type FieldWords } from '../labels';
import { loadSettings, saveSettings } from '../settings';
import { failureFindings, present } from './failure';
import { saveProfile, secretFields, withoutSecrets, type Profile } from '../profiles/store';
import { sourceNode } from '../sources';

type Control = HTMLInputElement | HTMLSelectElement | HTMLTextAreaElement;
type Key = keyof ConnectionConfig;

/** The form's own decorations of some fields (example values, hints). The fields themselves, their titles, values
 *  and which auth type shows them come from the core's form schema: a new config field appears without a change here. */
const SECRET_HINT = 'Kept in this popup only; saved with a profile only when you tick the box below.';
const DECORATION: Partial<Record<Key, { placeholder?: string; hint?: string }>> = {
  serviceName: { placeholder: 'Zoho CRM EU' },
  linkName: { placeholder: 'zoho_crm_eu', hint: 'Used in Deluge: invokeurl [ … connection: "link_name" ].' },
  clientId: { placeholder: '1000.XXXXXXXXXXXXXXXXXXXXXXXXXXXXXX' },
  clientSecret: { hint: SECRET_HINT },
  authorizeUrl: { placeholder: 'https://accounts.zoho.eu/oauth/v2/auth?access_type=offline' },
  tokenUrl: { placeholder: 'https://accounts.zoho.eu/oauth/v2/token' },
  refreshUrl: { placeholder: 'https://accounts.zoho.eu/oauth/v2/token' },
  revokeUrl: { placeholder: 'https://accounts.zoho.eu/oauth/v2/token/revoke' },
  redirectUri: { placeholder: 'https://…/delugeauth/callback' },
  scopes: { placeholder: 'ZohoCRM.modules.ALL\nZohoCRM.settings.fields.READ', hint: 'One per line, or one line delimited as below.' },
  keyName: { placeholder: 'api_key' },
  password: { hint: SECRET_HINT },
};

/** The authentication type the Connection tab starts with (the schema gives the core's own defaults). */
const FORM_DEFAULTS: Partial<Record<Key, string>> = { authType: 'oauth2' };

/** The box a field sits in: "common" for the fields of every auth type, else the one auth type that uses it. */
function boxOf(field: FormField, authTypeCount: number): string {
  return field.authTypes.length === authTypeCount ? 'common' : (field.authTypes[0] ?? 'common');
}

/** The control of a field, built from its kind in the schema. */
function controlFor(field: FormField): Control {
  const placeholder = DECORATION[field.key]?.placeholder ?? '';
  if (field.kind === 'scopes') return h('textarea', { rows: '3', spellcheck: 'false', placeholder });
  if (field.kind === 'choice') {
    const options = field.choices.map((c) => h('option', { value: c.value }, c.title));
    if (field.unset !== undefined) options.unshift(h('option', { value: '' }, field.unset));
    return h('select', {}, ...options);
  }
  const type = field.secret ? 'password' : field.kind === 'url' ? 'url' : 'text';
  return h('input', { type, placeholder, autocomplete: 'off', spellcheck: 'false' });
}

/** Scopes as the admin typed them: several lines are a list; one line with a delimiter stays one string. */
function readScopes(value: string): string[] | string | undefined {
  const lines = value.split('\n').map((s) => s.trim()).filter(Boolean);
  if (lines.length === 0) return undefined;
  if (lines.length === 1 && /[,+\s]/.test(lines[0] ?? '')) return lines[0];
  return lines;
}

/** The form's fields and their controls, as built from the schema. */
export interface ConnectionForm {
  /** The schema fields the form shows (not the file-only ones). */
  specs: FormField[];
  /** How many auth types there are: a field used by all of them is common to every auth type. */
  authTypeCount: number;
  /** The value each field shows when the config has none. */
  defaults: Partial<Record<Key, string>>;
  controls: Map<string, Control>;
}

/** read (DOM → input): the config as shown: only the fields of the chosen auth type, only what is filled in. */
export function readConnection(form: ConnectionForm, preset: string | undefined): ConnectionConfig {
  const value = (key: string): string => form.controls.get(key)?.value ?? '';
  const auth = value('authType');
  const out: Record<string, unknown> = {};
  for (const spec of form.specs) {
    const g = boxOf(spec, form.authTypeCount);
    if (g !== 'common' && g !== auth) continue;
    const v = value(spec.key);
    if (spec.kind === 'scopes') {
      const scopes = readScopes(v);
      if (scopes !== undefined) out[spec.key] = scopes;
    } else if (v !== '') out[spec.key] = v;
  }
  if (preset) out.preset = preset;
  return out as ConnectionConfig;
}

/** True when something beyond the selects' defaults and the account's data center is filled in (they alone are
 *  not a config). */
export function isTyped(form: ConnectionForm): boolean {
  return form.specs.some((s) => form.defaults[s.key] === undefined && s.key !== 'dataCenter'
    && (form.controls.get(s.key)?.value ?? '') !== '');
}

/** What the Connection tab calls each config key in its findings: its labels, and the question it asks. */
export function connectionWords(schema: Parameters<typeof fieldWords>[0]): FieldWords {
  return fieldWords(schema, 'popup', { dataCenter: 'your account\'s data center' });
}

/** The question the tab asks first, and what it says about it. */
const ASK_DC = 'Where does your Zoho account live?';
const ASK_DC_HINT = 'Its data center: the address you sign in at (accounts.zoho.eu is EU). Remembered in this browser, as the options page\'s default.';
const ASK_DC_UNSET = 'Not said: guess from the URLs';

/** Shows a config in the form (every field; the default where the config has none). */
export function writeConnection(form: ConnectionForm, config: ConnectionConfig): void {
  for (const spec of form.specs) {
    const control = form.controls.get(spec.key);
    if (!control) continue;
    const v = config[spec.key];
    const text = Array.isArray(v) ? v.join('\n') : typeof v === 'string' ? v : (form.defaults[spec.key] ?? '');
    if (control instanceof HTMLSelectElement && !Array.from(control.options).some((o) => o.value === text)) {
      control.append(h('option', { value: text }, text)); // a value the list does not offer: shown, and checked
    }
    control.value = text;
  }
}

export function mountConnection(panel: HTMLElement, api: Api): void {
  // The fields the admin fills in: every field of the schema except those only in the file (preset, version).
  const schema = api.connectionFormSchema();
  const specs = schema.fields.filter((f) => f.group !== 'file');
  const authTypeCount = specs.find((f) => f.key === 'authType')?.choices.length ?? 0;
  const secrets = secretFields(schema);
  const defaults: Partial<Record<Key, string>> = { ...FORM_DEFAULTS };
  for (const f of specs) if (f.default !== undefined) defaults[f.key] ??= f.default;
  const controls = new Map<string, Control>();
  const groups = new Map<string, HTMLElement>();
  const words = connectionWords(schema);
  const touched = new Touched();
  /** The fields whose findings wait until typed in; where the account lives is asked, its findings always show. */
  const waitable = new Set(specs.map((f) => f.key).filter((k) => k !== 'dataCenter'));
  let askDc: HTMLElement | null = null;
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
  for (const spec of specs) {
    if (spec.key === 'dataCenter') {
      // Asked first, above the preset (which it picks the URLs of), in its own words.
      const control = controlFor(spec);
      control.id = 'c-dataCenter';
      control.name = spec.key;
      const unset = control instanceof HTMLSelectElement ? control.querySelector('option[value=""]') : null;
      if (unset) unset.textContent = ASK_DC_UNSET;
      controls.set(spec.key, control);
      askDc = h('section', { class: 'ask-dc field', 'aria-label': 'Your data center' },
        h('label', { for: control.id }, ASK_DC), control, h('div', { class: 'hint' }, ASK_DC_HINT),
        h('div', { class: 'slot', 'data-findings-for': spec.key }));
      continue;
    }
    const g = boxOf(spec, authTypeCount);
    let box = groups.get(g);
    if (!box) {
      box = h('div', { class: `group group-${g}`, 'data-group': g });
      groups.set(g, box);
      form.append(box);
    }
    const control = controlFor(spec);
    control.id = `c-${spec.key}`;
    control.name = spec.key;
    controls.set(spec.key, control);
    const hint = DECORATION[spec.key]?.hint;
    box.append(h('div', { class: 'field' },
      h('label', { for: control.id }, spec.title),
      control,
      hint ? h('div', { class: 'hint' }, hint) : null,
      h('div', { class: 'slot', 'data-findings-for': spec.key })));
  }

  // Save and export.
  const keepSecret = h('input', { type: 'checkbox', id: 'c-keep-secret' });
  const save = h('button', { type: 'button', class: 'copy', id: 'c-save' }, 'Save as profile');
  const saved = h('p', { class: 'hint saved', role: 'status' });
  const exportButton = copyButton('Export JSON', () => exportJson());
  exportButton.id = 'c-export';

  panel.append(
    askDc ?? '',
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

  const connectionForm: ConnectionForm = { specs, authTypeCount, defaults, controls };
  const readForm = (): ConnectionConfig => readConnection(connectionForm, extra.preset);

  /** Shows a config: where the account lives stays as answered when the config does not say it. `touch`: which
   *  fields count as typed in (a profile: all of them; a preset: those it fills). */
  function setForm(config: ConnectionConfig, touch: 'all' | 'filled' | 'none' = 'none'): void {
    const dc = config.dataCenter ?? (value('dataCenter') || undefined);
    writeConnection(connectionForm, dc ? { ...config, dataCenter: dc } : config);
    touched.clear();
    for (const spec of specs) {
      const v = config[spec.key];
      if (touch === 'all' || (touch === 'filled' && v !== undefined && v !== '')) touched.mark(spec.key);
    }
    extra = config.preset ? { preset: config.preset } : {};
    // The picker shows the preset the config started from (and its quirks), or none.
    presetSelect.value = presets.some((p) => p.id === config.preset) ? (config.preset ?? '') : '';
    showQuirks();
    update();
  }

  function exportJson(): string {
    return `${JSON.stringify({ ...withoutSecrets(readForm() as Record<string, unknown>, secrets), schemaVersion: 1 }, null, 2)}\n`;
  }

  function showGroups(): void {
    const auth = value('authType');
    for (const [name, box] of groups) box.hidden = name !== 'common' && name !== auth;
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
    const typed = isTyped(connectionForm);
    if (!typed) {
      setCurrentConfig(config.dataCenter ? { dataCenter: config.dataCenter } : {});
      placeFindings(panel, [], general);
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
      setCurrentConfig(config);
      const diagnostics: Finding[] = failureFindings(e);
      placeFindings(panel, diagnostics, general);
      summary.replaceChildren(h('p', { class: 'verdict', 'data-ok': 'false' }, 'The config could not be checked.'), general);
      panel.dataset.state = 'failed';
      return;
    }
    // The tabs that follow this connection read its data center and link name from this very report.
    noteReport(config, report);
    setCurrentConfig(config);
    const { shown: visible, waiting } = touched.split(report.diagnostics, waitable);
    placeFindings(panel, visible, general, words);
    summary.replaceChildren(...renderSummary(report, value('redirectUri'), useButton, general, words, waitingNote(waiting, words)));
    panel.dataset.waiting = String(waiting.filter((d) => d.severity !== 'info').length);
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
      touched.mark(path);
      update();
      c.focus();
    });
    return b;
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
        h('li', {}, h('span', {}, q.text), sourceNode(q.source)))));
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
      setForm(config, 'filled');
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
    setForm(p.data as ConnectionConfig, 'all');
    saved.textContent = `Opened "${p.name}"${p.keepSecret ? '' : ': enter the secret, it was not kept'}.`;
    panel.dataset.opened = p.id;
    emit('tab:select', 'connection');
  });

  const edited = (e: Event) => {
    touched.markEvent(e);
    update();
  };
  form.addEventListener('input', edited);
  form.addEventListener('change', edited);
  form.addEventListener('submit', (e) => e.preventDefault());
  const dcControl = controls.get('dataCenter');
  dcControl?.addEventListener('change', () => {
    touched.mark('dataCenter');
    update();
    // Remembered (only where the account lives, never a secret) as the options page's default data center.
    const dc = dcControl.value;
    void loadSettings().then(({ settings }) => saveSettings({ ...settings, defaultDataCenter: dc }))
      .then(() => { panel.dataset.dcSaved = dc || 'none'; }, () => { panel.dataset.dcSaved = 'failed'; });
  });
  setForm({});
  // Where the account lives, as answered before (or set on the options page), unless the admin already chose.
  void loadSettings().then(({ settings }) => {
    if (dcControl && !touched.has('dataCenter') && !dcControl.value && settings.defaultDataCenter) {
      dcControl.value = settings.defaultDataCenter;
      update();
    }
  }).finally(() => { panel.dataset.settings = 'loaded'; });
}

/** render (answer → DOM): the summary of a report: verdict, data center, provider, what to register, the URL to try,
 *  then `general` (the findings that sit beside no field). `use` makes a button that puts a value into a field. */
export function renderSummary(
report: ConnectionReport,
redirectInUse: string,
use: (label: string, key: Key, value: string) => HTMLButtonElement,
general: HTMLElement,
words: FieldWords = {},
waiting: HTMLElement | null = null,
): (Node | string)[] {
  const say = (text: string) => inFormWords(text, words);
  const s = report.summary;
  const { errors, warnings, infos } = s.counts;
  const plural = (n: number, one: string) => `${n} ${one}${n === 1 ? '' : 's'}`;
  const verdict = errors + warnings === 0
    ? `No errors or warnings${infos ? ` (${plural(infos, 'note')})` : ''}.`
    : [errors ? plural(errors, 'error') : '', warnings ? plural(warnings, 'warning') : '', infos ? plural(infos, 'note') : ''].filter(Boolean).join(', ');
  const providerLabel = { zoho: 'Zoho itself', external: 'External service', undetermined: 'Not determined yet' }[s.provider.kind];
  const guessed = s.dataCenter !== undefined && s.dataCenterFrom !== undefined && s.dataCenterFrom !== 'dataCenter';
  const from = !s.dataCenterFrom ? '' : guessed ? ` (guessed from the ${words[s.dataCenterFrom] ?? s.dataCenterFrom})` : ' (your answer above)';
  const dc = s.dataCenter
    ? `${s.dataCenter.toUpperCase()} — ${s.dataCenterName ?? ''}${from}`
    : 'Not determined: say where your account lives above, or enter a Zoho URL.';
  const reg = s.register;
  const redirects = h('ul', { class: 'candidates' });
  for (const c of reg.redirectUris) {
    redirects.append(h('li', { 'data-value': c.value },
      h('code', {}, c.value), ' ',
      redirectInUse === c.value ? h('span', { class: 'badge' }, 'in use') : use('Use', 'redirectUri', c.value),
      sourceNode(c.source, { prefix: '' })));
  }
  const tryUrl = h('output', { class: 'url', id: 'c-try-url', 'data-empty': s.tryUrl ? 'false' : 'true' }, s.tryUrl ?? say(s.tryUrlNote));
  const copyTry = copyButton('Copy URL', () => s.tryUrl ?? '');
  copyTry.id = 'c-copy-try';
  copyTry.disabled = !s.tryUrl;
  return present(
    h('p', { class: 'verdict', 'data-ok': String(errors === 0) }, verdict),
    waiting,
    h('dl', { class: 'facts' },
      h('dt', {}, 'Data center'), h('dd', { 'data-fact': 'dataCenter', 'data-guessed': String(guessed) }, dc),
      h('dt', {}, 'Provider'), h('dd', { 'data-fact': 'provider', 'data-kind': s.provider.kind },
        h('strong', {}, providerLabel), h('span', { class: 'why' }, say(s.provider.reason))),
      s.linkNameSuggested && s.linkName
        ? h('dt', {}, 'Link name') : null,
      s.linkNameSuggested && s.linkName
        ? h('dd', { 'data-fact': 'linkName' }, 'Suggested: ', h('code', {}, s.linkName), ' ', use('Use', 'linkName', s.linkName)) : null,
      h('dt', {}, 'Register at'), h('dd', { 'data-fact': 'register' },
        h('span', {}, reg.at), reg.clientType ? h('span', { class: 'why' }, `Client type: ${reg.clientType}`) : null),
      h('dt', {}, reg.redirectUris.length > 1 ? 'Redirect URIs' : 'Redirect URI'),
      h('dd', { 'data-fact': 'redirectUris', 'data-status': reg.redirectStatus ?? '' },
        reg.redirectStatus === 'conflicting'
          ? h('span', { class: 'why' }, 'Sources disagree: use the callback Zoho shows on your Connections page; it is one of these.') : null,
        reg.redirectUris.length ? redirects : h('span', { class: 'why' }, 'No source gives it: copy it from the provider\'s or Zoho\'s connection page.')),
      reg.homepage ? h('dt', {}, 'Homepage') : null,
      reg.homepage ? h('dd', { 'data-fact': 'homepage' }, reg.homepage) : null,
    ),
    reg.notes.length ? h('ul', { class: 'notes' }, ...reg.notes.map((n) => h('li', {}, say(n)))) : null,
    h('div', { class: 'try' }, h('label', { for: 'c-try-url' }, 'URL to try'), tryUrl,
      s.tryUrl ? h('p', { class: 'hint' }, say(s.tryUrlNote)) : null,
      h('div', { class: 'actions' }, copyTry)),
    general.childElementCount && general.querySelector('li') ? h('h3', {}, 'Other findings') : null,
    general,
  );
}
