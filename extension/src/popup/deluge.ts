// Tab "Deluge": build an invokeurl call (form, spec JSON, CRM record call or COQL) and copy the Deluge; paste a
// script to see its findings by line and its formatted version. Every Deluge text and finding comes from the core.
import type { Api } from './tabs';
import type { CoqlQuery, Finding, InvokeUrlSpec, RecordCallSpec } from '../core';
import { errorRecord } from '../core';
import { copyButton, dataCenterLabel, h, placeFindings } from './dom';
import { loadSettings } from '../settings';
import { currentConfig, followLinkName, onConfigChange } from './current';
import { connectionFacts, followed } from './follow';
import { sourceNode } from '../sources';
import { fetchList, keyedList } from '../data';

type Mode = 'form' | 'spec' | 'record' | 'coql';
interface Answer { deluge?: string | undefined; diagnostics: Finding[]; query?: string | undefined }

const MODES: [Mode, string][] = [['form', 'invokeurl form'], ['spec', 'Spec JSON'], ['record', 'CRM record'], ['coql', 'COQL']];
const METHODS = ['GET', 'POST', 'PUT', 'PATCH', 'DELETE'] as const;
const OPERATIONS = ['insert', 'update', 'upsert', 'get', 'search', 'coql'] as const;

/** A labelled field with a slot for the findings about `path`. */
function field(id: string, label: string, path: string, control: HTMLElement, hint?: string): HTMLElement {
  control.id = id;
  return h('div', { class: 'field' },
    h('label', { for: id }, label),
    control,
    hint ? h('div', { class: 'hint' }, hint) : null,
    h('div', { class: 'slot', 'data-findings-for': path }),
  );
}

function text(attrs: Record<string, string> = {}): HTMLInputElement {
  return h('input', { type: 'text', autocomplete: 'off', spellcheck: 'false', ...attrs });
}

function select(options: readonly (string | [string, string])[]): HTMLSelectElement {
  const s = h('select', {});
  for (const o of options) {
    const [value, label] = typeof o === 'string' ? [o, o] : o;
    s.append(h('option', { value }, label));
  }
  return s;
}

/** Splits a list typed one per line or comma-separated. */
function list(value: string): string[] {
  return value.split(/[\n,]/).map((s) => s.trim()).filter(Boolean);
}

/** Key/value rows (headers, query parameters, form fields) with add and remove buttons. */
function rows(prefix: string, what: string, keyPlaceholder: string, valuePlaceholder: string): { root: HTMLElement; read(): Record<string, string> | undefined; set(pairs: [string, string][]): void } {
  const body = h('div', { class: 'kv-rows' });
  let n = 0;
  function add(k = '', v = ''): HTMLElement {
    n += 1;
    const key = text({ placeholder: keyPlaceholder, 'aria-label': `${what} ${n} name`, id: `${prefix}-k${n}` });
    const value = text({ placeholder: valuePlaceholder, 'aria-label': `${what} ${n} value`, id: `${prefix}-v${n}` });
    key.value = k;
    value.value = v;
    const remove = h('button', { type: 'button', class: 'icon', 'aria-label': `Remove ${what} ${n}`, title: `Remove this ${what}` }, '×');
    const row = h('div', { class: 'kv' }, key, value, remove);
    remove.addEventListener('click', () => {
      row.remove();
      body.dispatchEvent(new Event('input', { bubbles: true }));
    });
    body.append(row);
    return key;
  }
  const addButton = h('button', { type: 'button', class: 'link add' }, `+ Add ${what}`);
  addButton.addEventListener('click', () => add().focus());
  return {
    root: h('div', { class: 'kv-box' }, body, addButton),
    read() {
      const out: Record<string, string> = {};
      for (const row of Array.from(body.children)) {
        const [k, v] = Array.from(row.querySelectorAll('input')).map((i) => i.value);
        if (k?.trim() || v) out[(k ?? '').trim()] = v ?? '';
      }
      return Object.keys(out).length ? out : undefined;
    },
    set(pairs) {
      body.replaceChildren();
      for (const [k, v] of pairs) add(k, v);
    },
  };
}

/** JSON.parse with the position turned into line and column (JSON syntax, no Zoho knowledge). */
function parseJson(source: string, path: string, what: string): { value?: unknown; error?: Finding } {
  try {
    return { value: JSON.parse(source) as unknown };
  } catch (e) {
    const message = e instanceof Error ? e.message : String(e);
    const at = /position (\d+)/.exec(message);
    const pos = at ? Number(at[1]) : source.length;
    const before = source.slice(0, pos).split('\n');
    const line = before.length;
    const column = (before[before.length - 1]?.length ?? 0) + 1;
    return { error: { code: 'json.syntax', severity: 'error', path, line, column,
      message: `${what} is not valid JSON (line ${line}, column ${column}): ${message.replace(/^JSON\.parse: /, '')}`,
      fix: 'Use double quotes around names and text, and no trailing commas.' } };
  }
}

/** Runs a core call that may throw a ZckError; its diagnostics become the answer. */
function attempt(call: () => Answer): Answer {
  try {
    return call();
  } catch (e) {
    const err = errorRecord(e);
    return { diagnostics: err.diagnostics ?? [{ code: err.code, severity: 'error', path: '', message: err.message, fix: 'Correct the input and try again.' }] };
  }
}

/** Selects line `line` (1-based) of a textarea and scrolls it into view. */
function selectLine(area: HTMLTextAreaElement, line: number): void {
  const lines = area.value.split('\n');
  let start = 0;
  for (let i = 0; i < line - 1 && i < lines.length; i++) start += (lines[i]?.length ?? 0) + 1;
  const end = start + (lines[line - 1]?.length ?? 0);
  area.focus();
  area.setSelectionRange(start, end);
  const lineHeight = parseFloat(getComputedStyle(area).lineHeight) || 16;
  area.scrollTop = Math.max(0, (line - 3) * lineHeight);
}

// ---- Build a call: read (DOM → input), ask the core, render (answer → DOM) ---------------------------------------

type Rows = ReturnType<typeof rows>;

/** The build section's controls. */
export interface BuildForm {
  modeInputs: Map<Mode, HTMLInputElement>;
  url: HTMLInputElement; method: HTMLSelectElement; connection: HTMLInputElement; headers: Rows; query: Rows;
  bodyMode: HTMLSelectElement; body: HTMLTextAreaElement; formBody: Rows; detailed: HTMLInputElement;
  responseVar: HTMLInputElement; style: HTMLSelectElement; scopes: HTMLInputElement;
  spec: HTMLTextAreaElement;
  rDc: HTMLSelectElement; rVersion: HTMLInputElement; rModule: HTMLInputElement; rOperation: HTMLSelectElement;
  rRecords: HTMLTextAreaElement; rId: HTMLInputElement; rCriteria: HTMLInputElement; rQuery: HTMLTextAreaElement;
  rTrigger: HTMLInputElement; rDup: HTMLInputElement; rConnection: HTMLInputElement; rStyle: HTMLSelectElement;
  rDetailed: HTMLInputElement; rResponseVar: HTMLInputElement;
  cSelect: HTMLInputElement; cFrom: HTMLInputElement; cWhere: HTMLInputElement; cOrder: HTMLInputElement;
  cLimit: HTMLInputElement; cOffset: HTMLInputElement; cDc: HTMLSelectElement; cVersion: HTMLInputElement;
  cConnection: HTMLInputElement; cText: HTMLTextAreaElement;
}

/** What the build section asks the core, by mode; `empty` when nothing is filled in yet. `bodyMode` and
 *  `operation` decide which fields show. */
export type BuildInput = { empty: boolean; bodyMode: string; operation: string } & (
  | { mode: 'form'; spec: InvokeUrlSpec; local: Finding[] }
  | { mode: 'spec'; text: string }
  | { mode: 'record'; spec: RecordCallSpec; local: Finding[] }
  | { mode: 'coql'; pasted: string; query: CoqlQuery; call: RecordCallSpec });

/** The invokeurl form as a spec, with JSON mistakes of the body as local findings. */
function readInvokeUrlForm(f: BuildForm): { spec: InvokeUrlSpec; local: Finding[] } {
  const local: Finding[] = [];
  const s: InvokeUrlSpec = { method: f.method.value as InvokeUrlSpec['method'] };
  if (f.url.value.trim()) s.url = f.url.value.trim();
  if (f.connection.value.trim()) s.connection = f.connection.value.trim();
  const hs = f.headers.read();
  if (hs) s.headers = hs;
  const qs = f.query.read();
  if (qs) s.query = qs;
  const m = f.bodyMode.value as 'json' | 'form' | 'text';
  if (m === 'form') {
    const fb = f.formBody.read();
    if (fb) { s.body = fb; s.bodyMode = 'form'; }
  } else if (f.body.value.trim()) {
    s.bodyMode = m;
    if (m === 'text') s.body = f.body.value;
    else {
      const parsed = parseJson(f.body.value, 'body', 'The body');
      if (parsed.error) local.push(parsed.error);
      else s.body = parsed.value;
    }
  }
  if (f.detailed.checked) s.detailed = true;
  if (f.responseVar.value.trim()) s.responseVar = f.responseVar.value.trim();
  if (f.style.value === 'literal') s.style = 'literal';
  const sc = list(f.scopes.value);
  if (sc.length) s.scopes = sc;
  return { spec: s, local };
}

/** The CRM record call form as a spec, with JSON mistakes of the records as local findings. */
function readRecordForm(f: BuildForm): { spec: RecordCallSpec; local: Finding[] } {
  const local: Finding[] = [];
  const op = f.rOperation.value as NonNullable<RecordCallSpec['operation']>;
  const s: RecordCallSpec = { operation: op };
  if (f.rDc.value) s.dataCenter = f.rDc.value;
  if (f.rVersion.value.trim()) s.apiVersion = f.rVersion.value.trim();
  if (f.rConnection.value.trim()) s.connection = f.rConnection.value.trim();
  if (f.rResponseVar.value.trim()) s.responseVar = f.rResponseVar.value.trim();
  if (f.rStyle.value === 'literal') s.style = 'literal';
  if (f.rDetailed.checked) s.detailed = true;
  if (op !== 'coql' && f.rModule.value.trim()) s.module = f.rModule.value.trim();
  if (op === 'insert' || op === 'update' || op === 'upsert') {
    if (f.rRecords.value.trim()) {
      const parsed = parseJson(f.rRecords.value, 'records', 'The records');
      if (parsed.error) local.push(parsed.error);
      else s.records = parsed.value as Record<string, unknown>[];
    }
    const t = list(f.rTrigger.value);
    if (t.length) s.trigger = t as NonNullable<RecordCallSpec['trigger']>;
    if (op === 'upsert') {
      const d = list(f.rDup.value);
      if (d.length) s.duplicateCheckFields = d;
    }
  }
  if (op === 'get' && f.rId.value.trim()) s.id = f.rId.value.trim();
  if (op === 'search' && f.rCriteria.value.trim()) s.criteria = f.rCriteria.value.trim();
  if (op === 'coql' && f.rQuery.value.trim()) s.query = f.rQuery.value.trim();
  return { spec: s, local };
}

/** read (DOM → input): the chosen mode and what its pane describes. */
export function readBuild(f: BuildForm): BuildInput {
  const mode = MODES.find(([m]) => f.modeInputs.get(m)?.checked)?.[0] ?? 'form';
  const shown = { bodyMode: f.bodyMode.value, operation: f.rOperation.value };
  if (mode === 'form') return { mode, ...shown, empty: !f.url.value.trim(), ...readInvokeUrlForm(f) };
  if (mode === 'spec') return { mode, ...shown, empty: !f.spec.value.trim(), text: f.spec.value };
  if (mode === 'record') {
    return { mode, ...shown, empty: !f.rModule.value.trim() && !f.rQuery.value.trim() && !f.rRecords.value.trim(), ...readRecordForm(f) };
  }
  const call: RecordCallSpec = { operation: 'coql' };
  if (f.cDc.value) call.dataCenter = f.cDc.value;
  if (f.cVersion.value.trim()) call.apiVersion = f.cVersion.value.trim();
  if (f.cConnection.value.trim()) call.connection = f.cConnection.value.trim();
  const q: CoqlQuery = {};
  const fields = list(f.cSelect.value);
  if (fields.length) q.select = fields;
  if (f.cFrom.value.trim()) q.from = f.cFrom.value.trim();
  if (f.cWhere.value.trim()) q.where = f.cWhere.value.trim();
  const order = list(f.cOrder.value);
  if (order.length) q.orderBy = order;
  if (f.cLimit.value !== '') q.limit = Number(f.cLimit.value);
  if (f.cOffset.value !== '') q.offset = Number(f.cOffset.value);
  if (call.dataCenter) q.dataCenter = call.dataCenter;
  if (call.apiVersion) q.apiVersion = call.apiVersion;
  if (call.connection) q.connection = call.connection;
  const pasted = f.cText.value.trim();
  return { mode, ...shown, empty: !pasted && !f.cSelect.value.trim() && !f.cFrom.value.trim(), pasted, query: q, call };
}

/** Asks the core for the Deluge (and COQL query) an input describes. */
export function answerBuild(api: Api, input: BuildInput): Answer {
  if (input.mode === 'form') {
    const a = attempt(() => api.generateInvokeUrl(input.spec));
    return { deluge: input.local.length ? undefined : a.deluge, diagnostics: [...input.local, ...a.diagnostics] };
  }
  if (input.mode === 'spec') {
    const parsed = parseJson(input.text, 'spec', 'The spec');
    if (parsed.error) return { diagnostics: [parsed.error] };
    return attempt(() => api.generateInvokeUrl(parsed.value as InvokeUrlSpec));
  }
  if (input.mode === 'record') {
    const a = attempt(() => api.generateRecordCall(input.spec));
    return { deluge: input.local.length ? undefined : a.deluge, diagnostics: [...input.local, ...a.diagnostics] };
  }
  if (input.pasted) {
    const found = api.checkCoql(input.pasted);
    if (found.some((d) => d.severity === 'error') || !input.call.dataCenter) return { query: input.pasted, diagnostics: found };
    const call = attempt(() => api.generateRecordCall({ ...input.call, query: input.pasted }));
    return { query: input.pasted, deluge: call.deluge, diagnostics: call.diagnostics };
  }
  return attempt(() => api.buildCoql(input.query));
}

/** The build section's output elements. */
export interface BuildView {
  panel: HTMLElement;
  section: HTMLElement;
  panes: Record<Mode, HTMLElement>;
  bodyField: HTMLElement;
  formBodyField: HTMLElement;
  recordPane: HTMLElement;
  general: HTMLElement;
  out: HTMLTextAreaElement;
  status: HTMLElement;
  queryOut: HTMLOutputElement;
  copy: HTMLButtonElement;
  toChecker: HTMLButtonElement;
}

/** render (answer → DOM): the chosen pane and its fields, the findings beside their fields, the Deluge (and COQL
 *  query) or what to fix first. `a` is absent while nothing is filled in. */
export function renderBuild(v: BuildView, input: BuildInput, a: Answer | undefined): void {
  const m = input.mode;
  for (const [k, pane] of Object.entries(v.panes)) pane.hidden = k !== m;
  v.bodyField.hidden = input.bodyMode === 'form';
  v.formBodyField.hidden = input.bodyMode !== 'form';
  for (const el of Array.from(v.recordPane.querySelectorAll<HTMLElement>('[data-ops]'))) {
    el.hidden = !(el.dataset.ops ?? '').split(' ').includes(input.operation);
  }
  const pane = v.panes[m];
  v.section.dataset.mode = m;
  if (!a) {
    placeFindings(pane, [], v.general);
    v.out.value = '';
    v.out.placeholder = m === 'spec'
      ? 'Paste a spec JSON above, or start from the invokeurl form.'
      : m === 'record' ? 'Choose the data center and module to generate the CRM call.'
      : m === 'coql' ? 'Give the fields and module, or paste a COQL query.' : 'Type the URL to generate the invokeurl call.';
    v.status.textContent = '';
    v.queryOut.value = '';
    v.queryOut.dataset.empty = 'true';
    v.section.dataset.state = 'empty';
    v.copy.disabled = v.toChecker.disabled = true;
    v.section.dataset.count = '0';
    v.panel.dataset.ready = '1';
    return;
  }
  placeFindings(pane, a.diagnostics, v.general);
  const errors = a.diagnostics.filter((d) => d.severity === 'error').length;
  if (m === 'coql') {
    v.queryOut.value = a.query ?? 'Fix the findings to get the query.';
    v.queryOut.dataset.empty = a.query ? 'false' : 'true';
  }
  v.out.value = a.deluge ?? '';
  if (a.deluge) {
    v.status.textContent = a.diagnostics.length ? `${a.diagnostics.length} note(s) above` : 'Ready to paste into a Deluge function.';
  } else if (m === 'coql' && a.query && !errors) {
    v.status.textContent = '';
    v.out.placeholder = 'Choose a data center to get the /coql invokeurl as well.';
  } else {
    v.status.textContent = '';
    v.out.placeholder = `Fix the ${errors === 1 ? 'error' : `${errors} errors`} above to get the Deluge.`;
  }
  v.section.dataset.state = a.deluge ? 'ok' : errors ? 'errors' : 'partial';
  v.copy.disabled = v.toChecker.disabled = !a.deluge;
  v.section.dataset.count = String(a.diagnostics.length);
  v.panel.dataset.ready = '1';
}

// ---- Check a script: read (DOM → input), ask the core, render (answer → DOM) ----------------------------------

/** One Deluge built-in as `deluge-builtins.json` (shipped beside the module) describes it. */
export interface BuiltinInfo {
  name: string;
  kind: 'task' | 'method';
  min: number;
  max: number;
  syntax: string;
  /** The arguments' data types as the Zoho page names them, when it gives them all. */
  types?: string[];
  description: string;
  source: string;
}

let builtins: Map<string, BuiltinInfo> | null = null;
let loadingBuiltins: Promise<void> | null = null;

/** Loads the built-ins' descriptions (once). Never rejects: without them, findings show without a description. */
export function loadBuiltins(): Promise<void> {
  loadingBuiltins ??= fetchList('deluge-builtins.json').then((list) => {
    builtins = keyedList<BuiltinInfo>(list, 'name', (k) => k.toLowerCase());
  });
  return loadingBuiltins;
}

/** The description of a built-in by name (any case), once loaded. */
export function builtinInfo(name: string): BuiltinInfo | undefined {
  return builtins?.get(name.replace(/^\./, '').toLowerCase());
}

/** The built-in an argument-count finding is about: its message starts with the name in backticks. */
function builtinOfFinding(d: Finding): BuiltinInfo | undefined {
  if (d.code !== 'deluge.task.argument_count' && d.code !== 'deluge.method.argument_count') return undefined;
  const m = /^`\.?([\w.]+)`/.exec(d.message);
  return m?.[1] ? builtinInfo(m[1]) : undefined;
}

/** The check section's controls. */
export interface CheckForm {
  script: HTMLTextAreaElement;
  layout: HTMLSelectElement;
}

/** What the check section asks the core about. */
export interface CheckInput {
  text: string;
  layout: 'zoho' | 'spaced';
}

/** read (DOM → input): the pasted script and the layout to format it in. */
export function readCheck(f: CheckForm): CheckInput {
  return { text: f.script.value, layout: f.layout.value === 'spaced' ? 'spaced' : 'zoho' };
}

/** The core's answer about a script. */
export interface CheckAnswer {
  findings: Finding[];
  formatted?: string | undefined;
  changed: boolean;
  /** Error findings that prevented formatting. */
  refused: Finding[];
  /** Catalogue built-ins the script calls, in catalogue order. */
  used: string[];
}

function failure(e: unknown): Finding[] {
  const err = errorRecord(e);
  return err.diagnostics ?? [{ code: err.code, severity: 'error', path: '', message: err.message, fix: '' }];
}

/** Asks the core: findings, the formatted text (or why not), the built-ins used. A thrown ZckError becomes findings. */
export function answerCheck(api: Api, input: CheckInput): CheckAnswer {
  let findings: Finding[];
  try { findings = api.checkDeluge(input.text); } catch (e) { findings = failure(e); }
  let used: string[] = [];
  try { used = api.delugeBuiltinsUsed(input.text); } catch { used = []; }
  try {
    const f = api.formatDeluge(input.text, { layout: input.layout });
    return { findings, formatted: f.formatted, changed: f.changed, refused: f.formatted === undefined ? f.diagnostics : [], used };
  } catch (e) {
    return { findings, changed: false, refused: failure(e), used };
  }
}

/** The check section's output elements. */
export interface CheckView {
  section: HTMLElement;
  summary: HTMLElement;
  list: HTMLOListElement;
  builtins: HTMLElement;
  formatBox: HTMLElement;
  formatted: HTMLTextAreaElement;
  formatNote: HTMLElement;
  useFormatted: HTMLButtonElement;
  refused: HTMLElement;
}

/** A built-in as an admin reads it: the call with its arguments, what it does, how many arguments, its page. */
function builtinNode(b: BuiltinInfo, tag: 'li' | 'div'): HTMLElement {
  const call = b.kind === 'task' ? b.name : `.${b.name}`;
  const count = b.min === b.max ? String(b.min) : `${b.min} to ${b.max}`;
  return h(tag, { class: 'builtin', 'data-builtin': b.name },
    h('code', {}, `${call}(${b.syntax})`),
    h('span', { class: 'desc' }, ` ${b.description} `),
    h('span', { class: 'hint' }, `Arguments: ${count}${b.types ? ` (${b.types.join(', ')})` : ''}. `),
    sourceNode(b.source));
}

/** render (answer → DOM): summary, findings by line (an argument-count finding with the built-in's description),
 *  the built-ins used, and the formatted text or why formatting was refused. `selectAt` selects a line. */
export function renderCheck(v: CheckView, input: CheckInput, a: CheckAnswer, selectAt: (line: number) => void): void {
  if (!input.text.trim()) {
    v.summary.textContent = 'Paste a Deluge function (or use “Check this snippet below”) to see its findings by line and its formatted version.';
    v.summary.dataset.state = 'empty';
    v.list.replaceChildren();
    v.builtins.replaceChildren();
    v.formatBox.hidden = true;
    v.refused.replaceChildren();
    v.section.dataset.count = '0';
    v.section.dataset.formatted = 'empty';
    return;
  }
  const found = a.findings;
  const count = (s: string): number => found.filter((d) => d.severity === s).length;
  const [errors, warnings, infos] = [count('error'), count('warning'), count('info')];
  const lines = input.text.split('\n').length;
  v.summary.dataset.state = errors ? 'error' : warnings ? 'warning' : 'ok';
  v.summary.textContent = found.length
    ? `${lines} lines: ${[[errors, 'error'], [warnings, 'warning'], [infos, 'note']].filter(([n]) => n).map(([n, w]) => `${n} ${w}${n === 1 ? '' : 's'}`).join(', ')}. Click a finding to select its line.`
    : `${lines} lines: no findings.`;
  v.list.replaceChildren(...found.map((d) => {
    const where = d.line ? `Line ${d.line}${d.column ? `:${d.column}` : ''}` : 'Script';
    const go = h('button', { type: 'button', class: 'at', title: d.line ? `Select line ${d.line} in the script` : undefined }, where);
    if (d.line) go.addEventListener('click', () => selectAt(d.line ?? 1));
    else go.disabled = true;
    const about = builtinOfFinding(d);
    return h('li', { class: `finding ${d.severity}`, 'data-code': d.code, 'data-line': d.line ? String(d.line) : undefined },
      h('div', { class: 'head' }, go, h('span', { class: 'sev' }, d.severity), h('code', { class: 'code-id' }, d.code)),
      h('span', { class: 'msg' }, d.message),
      d.fix ? h('span', { class: 'fix' }, d.fix) : null,
      about ? builtinNode(about, 'div') : null,
      d.source ? sourceNode(d.source) : null);
  }));
  v.section.dataset.count = String(found.length);
  const described = a.used.map(builtinInfo).filter((b): b is BuiltinInfo => b !== undefined);
  v.builtins.replaceChildren(...(described.length
    ? [h('h3', {}, 'Built-ins used'), h('ul', { class: 'builtins' }, ...described.map((b) => builtinNode(b, 'li')))]
    : []));
  if (a.formatted !== undefined) {
    v.formatBox.hidden = false;
    v.refused.replaceChildren();
    v.formatted.value = a.formatted;
    v.formatNote.textContent = a.changed
      ? `${input.layout === 'zoho' ? 'Zoho’s layout' : 'Spaced layout'}: indentation and spacing; comments kept.`
      : 'Already formatted: nothing to change.';
    v.useFormatted.hidden = !a.changed;
    v.section.dataset.formatted = a.changed ? 'changed' : 'unchanged';
  } else {
    v.formatBox.hidden = true;
    v.formatted.value = '';
    const syntax = a.refused.filter((d) => d.severity === 'error');
    v.refused.replaceChildren(
      h('p', { class: 'refused-title' }, 'Formatting refused'),
      h('p', {}, `The script has ${syntax.length} syntax error${syntax.length === 1 ? '' : 's'}: formatting it could change its meaning, so it is left as it is. Fix ${syntax.length === 1 ? 'it' : 'them'} first, then the formatted version appears here.`),
      h('ul', { class: 'findings compact' }, ...syntax.map((d) => h('li', { class: `finding ${d.severity}`, 'data-code': d.code },
        h('span', { class: 'msg' }, `${d.line ? `Line ${d.line}${d.column ? `:${d.column}` : ''}: ` : ''}${d.message}`)))));
    v.section.dataset.formatted = 'refused';
  }
}

export function mountDeluge(panel: HTMLElement, api: Api): void {
  const centers = api.listDataCenters();
  const dcOptions: [string, string][] = [['', 'Choose…'], ...centers.map((d): [string, string] => [d.id, dataCenterLabel(d)])];

  // ---- Build a call -------------------------------------------------------------------------------------------
  const modeBar = h('div', { class: 'segmented', role: 'radiogroup', 'aria-label': 'What to build' });
  const modeInputs = new Map<Mode, HTMLInputElement>();
  for (const [mode, label] of MODES) {
    const input = h('input', { type: 'radio', name: 'dg-mode', id: `dg-mode-${mode}`, value: mode, checked: mode === 'form' });
    modeInputs.set(mode, input);
    modeBar.append(input, h('label', { for: `dg-mode-${mode}` }, label));
  }

  // invokeurl form
  const url = text({ placeholder: 'https://api.example.com/v1/orders', inputmode: 'url' });
  const method = select(METHODS);
  const connection = text({ placeholder: 'link name, e.g. example_api' });
  const headers = rows('dg-h', 'header', 'Header', 'Value');
  const query = rows('dg-q', 'query parameter', 'Name', 'Value');
  const bodyMode = select([['json', 'JSON'], ['form', 'form fields'], ['text', 'text']]);
  const body = h('textarea', { rows: '5', spellcheck: 'false', placeholder: '{\n  "customer": {"name": "Acme"},\n  "total": 12.5\n}' });
  const formBody = rows('dg-fb', 'form field', 'Field', 'Value');
  const bodyField = field('dg-body', 'Body', 'body', body, 'JSON: objects, lists, numbers, true/false, null.');
  const formBodyField = h('fieldset', { class: 'field' }, h('legend', {}, 'Form fields'), formBody.root, h('div', { class: 'slot', 'data-findings-for': 'body' }));
  const detailed = h('input', { type: 'checkbox', id: 'dg-detailed' });
  const responseVar = text({ placeholder: 'response' });
  const style = select([['putLines', 'Map() + put lines'], ['literal', 'literal {…}']]);
  const scopes = text({ placeholder: 'for the comment header, e.g. one per comma' });
  const formPane = h('div', { class: 'mode-pane', 'data-mode': 'form' },
    field('dg-url', 'URL', 'url', url),
    h('div', { class: 'row2' },
      field('dg-method', 'Method', 'method', method),
      field('dg-connection', 'Connection link name', 'connection', connection)),
    h('fieldset', { class: 'field' }, h('legend', {}, 'Headers'), headers.root, h('div', { class: 'slot', 'data-findings-for': 'headers' })),
    h('fieldset', { class: 'field' }, h('legend', {}, 'Query parameters'), h('div', { class: 'hint' }, 'Encoded into the URL.'), query.root, h('div', { class: 'slot', 'data-findings-for': 'query' })),
    field('dg-bodyMode', 'Body mode', 'bodyMode', bodyMode),
    bodyField,
    formBodyField,
    h('div', { class: 'row2' },
      field('dg-responseVar', 'Response variable', 'responseVar', responseVar),
      field('dg-style', 'Payload style', 'style', style)),
    field('dg-scopes', 'Scopes (named in the comment)', 'scopes', scopes),
    h('div', { class: 'field check' }, h('label', { for: 'dg-detailed' }, detailed, ' detailed: true (check responseCode)'),
      h('div', { class: 'slot', 'data-findings-for': 'detailed' })),
  );

  // spec JSON
  const spec = h('textarea', { rows: '9', spellcheck: 'false', placeholder: '{\n  "url": "https://api.example.com/v1/orders",\n  "method": "POST",\n  "connection": "example_api",\n  "body": {"name": "Acme"}\n}' });
  const fromForm = h('button', { type: 'button', class: 'link' }, 'Start from the invokeurl form');
  const specPane = h('div', { class: 'mode-pane', 'data-mode': 'spec' },
    field('dg-spec', 'Spec JSON', 'spec', spec, 'The same object as generateInvokeUrl and `zck snippet` read.'),
    fromForm);

  // CRM record call
  const rDc = select(dcOptions);
  const rVersion = text({ placeholder: 'v8' });
  const rModule = text({ placeholder: 'Leads' });
  const rOperation = select(OPERATIONS);
  const rRecords = h('textarea', { rows: '5', spellcheck: 'false', placeholder: '[\n  {"Last_Name": "Weber", "Email": "weber@example.com"}\n]' });
  const rId = text({ placeholder: 'record id (digits)', inputmode: 'numeric' });
  const rCriteria = text({ placeholder: '(Email:equals:weber@example.com)' });
  const rQuery = h('textarea', { rows: '3', spellcheck: 'false', placeholder: "select Last_Name, Email from Leads where Lead_Source = 'Web' limit 200" });
  const rTrigger = text({ placeholder: 'e.g. workflow (empty: leave out)' });
  const rDup = text({ placeholder: 'e.g. Email' });
  const rConnection = text({ placeholder: 'link name, e.g. zoho_crm' });
  const rStyle = select([['putLines', 'Map() + put lines'], ['literal', 'literal {…}']]);
  const rDetailed = h('input', { type: 'checkbox', id: 'dg-r-detailed' });
  const rResponseVar = text({ placeholder: 'response' });
  const only = (ops: string[], el: HTMLElement): HTMLElement => { el.dataset.ops = ops.join(' '); return el; };
  const recordPane = h('div', { class: 'mode-pane', 'data-mode': 'record' },
    h('div', { class: 'row2' },
      field('dg-r-dataCenter', 'Data center', 'dataCenter', rDc),
      field('dg-r-apiVersion', 'API version', 'apiVersion', rVersion)),
    h('div', { class: 'row2' },
      field('dg-r-operation', 'Operation', 'operation', rOperation),
      only(['insert', 'update', 'upsert', 'get', 'search'], field('dg-r-module', 'Module API name', 'module', rModule))),
    only(['insert', 'update', 'upsert'], field('dg-r-records', 'Records (JSON list)', 'records', rRecords)),
    only(['insert', 'update', 'upsert'], field('dg-r-trigger', 'Trigger', 'trigger', rTrigger, 'Comma-separated.')),
    only(['upsert'], field('dg-r-dup', 'Duplicate check fields', 'duplicateCheckFields', rDup, 'Field API names, comma-separated.')),
    only(['get'], field('dg-r-id', 'Record id', 'id', rId)),
    only(['search'], field('dg-r-criteria', 'Search criteria', 'criteria', rCriteria)),
    only(['coql'], field('dg-r-query', 'COQL query', 'query', rQuery)),
    h('div', { class: 'row2' },
      field('dg-r-connection', 'Connection link name', 'connection', rConnection),
      field('dg-r-responseVar', 'Response variable', 'responseVar', rResponseVar)),
    field('dg-r-style', 'Payload style', 'style', rStyle),
    h('div', { class: 'field check' }, h('label', { for: 'dg-r-detailed' }, rDetailed, ' detailed: true (check responseCode)')),
  );

  // COQL
  const cSelect = text({ placeholder: 'Last_Name, Email' });
  const cFrom = text({ placeholder: 'Leads' });
  const cWhere = text({ placeholder: "(Lead_Source = 'Web' and Rating = 'Hot')" });
  const cOrder = text({ placeholder: 'Created_Time desc' });
  const cLimit = h('input', { type: 'number', min: '0', step: '1', placeholder: '200', inputmode: 'numeric' });
  const cOffset = h('input', { type: 'number', min: '0', step: '1', placeholder: '0', inputmode: 'numeric' });
  const cDc = select([['', 'none: the query only'], ...dcOptions.slice(1)]);
  const cVersion = text({ placeholder: 'v8' });
  const cConnection = text({ placeholder: 'link name, e.g. zoho_crm' });
  const cText = h('textarea', { rows: '3', spellcheck: 'false', placeholder: "select Last_Name from Leads where Email is not null limit 10" });
  const cQueryOut = h('output', { id: 'dg-c-query', class: 'coql-query', 'data-empty': 'true' });
  const coqlPane = h('div', { class: 'mode-pane', 'data-mode': 'coql' },
    h('div', { class: 'coql-parts' },
      field('dg-c-select', 'Select fields', 'select', cSelect, 'Field API names, comma-separated.'),
      field('dg-c-from', 'From module', 'from', cFrom),
      field('dg-c-where', 'Where', 'where', cWhere),
      h('div', { class: 'row2' },
        field('dg-c-orderBy', 'Order by', 'orderBy', cOrder),
        h('div', { class: 'row2' }, field('dg-c-limit', 'Limit', 'limit', cLimit), field('dg-c-offset', 'Offset', 'offset', cOffset)))),
    field('dg-c-text', '…or paste a COQL query to check', 'query', cText, 'When filled, this query is used instead of the fields above.'),
    h('div', { class: 'field' }, h('label', { for: 'dg-c-query' }, 'Query'), cQueryOut),
    h('div', { class: 'row2' },
      field('dg-c-dataCenter', 'Data center (for the /coql call)', 'dataCenter', cDc),
      field('dg-c-apiVersion', 'API version', 'apiVersion', cVersion)),
    field('dg-c-connection', 'Connection link name', 'connection', cConnection),
  );

  const panes: Record<Mode, HTMLElement> = { form: formPane, spec: specPane, record: recordPane, coql: coqlPane };
  const buildOut = h('textarea', { id: 'dg-out', class: 'code', readonly: true, rows: '12', spellcheck: 'false', wrap: 'off', 'aria-label': 'Generated Deluge' });
  const buildGeneral = h('div', { class: 'general' });
  const buildStatus = h('p', { class: 'hint status', 'aria-live': 'polite' });
  const toChecker = h('button', { type: 'button', class: 'link' }, 'Check this snippet below');
  const copyDeluge = copyButton('Copy Deluge', () => buildOut.value);
  const build = h('section', { class: 'dg-build', 'aria-labelledby': 'dg-build-title' },
    h('h2', { id: 'dg-build-title' }, 'Build a call'),
    modeBar,
    h('form', { class: 'form', autocomplete: 'off' }, formPane, specPane, recordPane, coqlPane),
    buildGeneral,
    h('div', { class: 'out-head' }, h('label', { for: 'dg-out' }, 'Deluge'), buildStatus),
    buildOut,
    h('div', { class: 'actions' }, copyDeluge, toChecker),
  );

  // ---- Check a script -----------------------------------------------------------------------------------------
  const script = h('textarea', { id: 'dg-script', class: 'code', rows: '12', spellcheck: 'false', wrap: 'off',
    placeholder: 'resp = invokeurl\n[\n\turl: "https://www.zohoapis.com/crm/v8/Leads"\n\ttype: GET\n\tconnection: "zoho_crm"\n];\ninfo resp;' });
  const checkSummary = h('p', { class: 'summary', 'aria-live': 'polite' });
  const checkList = h('ol', { class: 'findings by-line' });
  const formatted = h('textarea', { id: 'dg-formatted', class: 'code', readonly: true, rows: '12', spellcheck: 'false', wrap: 'off' });
  const formatNote = h('p', { class: 'hint format-note' });
  const useFormatted = h('button', { type: 'button', class: 'link' }, 'Replace the script with this');
  const formatBox = h('div', { class: 'format-box' },
    h('div', { class: 'out-head' }, h('label', { for: 'dg-formatted' }, 'Formatted'), formatNote),
    formatted,
    h('div', { class: 'actions' }, copyButton('Copy formatted', () => formatted.value), useFormatted));
  const refused = h('div', { class: 'refused', role: 'status' });
  const layout = select([['zoho', 'Zoho’s layout (as the editor saves)'], ['spaced', 'Spaced layout']]);
  layout.id = 'dg-layout';
  const builtinsBox = h('div', { class: 'dg-builtins', 'aria-live': 'polite' });
  const check = h('section', { class: 'dg-check', 'aria-labelledby': 'dg-check-title' },
    h('h2', { id: 'dg-check-title' }, 'Check a script'),
    h('div', { class: 'field' }, h('label', { for: 'dg-script' }, 'Deluge script'), script),
    checkSummary,
    checkList,
    builtinsBox,
    h('div', { class: 'field' }, h('label', { for: 'dg-layout' }, 'Format in'), layout),
    formatBox,
    refused,
  );

  panel.append(build, check);

  // ---- Build logic --------------------------------------------------------------------------------------------
  const buildForm: BuildForm = { modeInputs, url, method, connection, headers, query, bodyMode, body, formBody, detailed,
    responseVar, style, scopes, spec, rDc, rVersion, rModule, rOperation, rRecords, rId, rCriteria, rQuery, rTrigger,
    rDup, rConnection, rStyle, rDetailed, rResponseVar, cSelect, cFrom, cWhere, cOrder, cLimit, cOffset, cDc, cVersion,
    cConnection, cText };
  const buildView: BuildView = { panel, section: build, panes, bodyField, formBodyField, recordPane, general: buildGeneral,
    out: buildOut, status: buildStatus, queryOut: cQueryOut, copy: copyDeluge, toChecker };
  function updateBuild(): void {
    const input = readBuild(buildForm);
    renderBuild(buildView, input, input.empty ? undefined : answerBuild(api, input));
  }

  fromForm.addEventListener('click', () => {
    spec.value = JSON.stringify(readInvokeUrlForm(buildForm).spec, null, 2);
    updateBuild();
  });
  toChecker.addEventListener('click', () => {
    if (!buildOut.value) return;
    script.value = buildOut.value;
    updateCheck();
    script.focus();
    script.scrollIntoView({ block: 'start' });
  });
  build.addEventListener('input', updateBuild);
  build.addEventListener('change', updateBuild);

  // ---- Check logic --------------------------------------------------------------------------------------------
  const checkForm: CheckForm = { script, layout };
  const checkView: CheckView = { section: check, summary: checkSummary, list: checkList, builtins: builtinsBox, formatBox,
    formatted, formatNote, useFormatted, refused };
  function updateCheck(): void {
    const input = readCheck(checkForm);
    renderCheck(checkView, input, input.text.trim() ? answerCheck(api, input) : { findings: [], changed: false, refused: [], used: [] },
      (line) => selectLine(script, line));
  }
  useFormatted.addEventListener('click', () => {
    script.value = formatted.value;
    updateCheck();
  });
  script.addEventListener('input', updateCheck);
  layout.addEventListener('change', updateCheck);
  // The descriptions arrive once; the findings shown meanwhile are redrawn with them.
  void loadBuiltins().then(updateCheck);

  updateBuild();
  updateCheck();
  // The Connection tab's link name, until the admin types another (issue 15, item 2).
  for (const input of [connection, rConnection, cConnection]) followLinkName(input);
  // And its data center for the record and COQL calls, until the admin picks another there.
  const dcFollows = [rDc, cDc].map((s) => followed(s));
  const followDc = (): void => {
    const dc = connectionFacts(api, currentConfig()).dataCenter;
    if (!dc || !dcFollows.some((f) => f.following)) return;
    for (const f of dcFollows) f.follow(dc);
    updateBuild();
  };
  followDc();
  onConfigChange(followDc);
  // Start from the defaults of the options page (Deluge style, data center), unless the admin already chose.
  void loadSettings().then(({ settings }) => {
    for (const s of [style, rStyle]) if (s.value === 'putLines') s.value = settings.delugeStyle;
    for (const s of [rDc, cDc]) if (!s.value && settings.defaultDataCenter) s.value = settings.defaultDataCenter;
    updateBuild();
  });
}
