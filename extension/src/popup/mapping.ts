// Tab "Mapping": a two-column editor (source field path ↔ CRM field with its type) with transforms per row and the
// setup guide's sync rules; the core's findings beside the row they concern; a preview of the CRM payload for pasted
// sample records; the generated Deluge, calling the current connection's API domain with its link name (both
// editable here); save as / open from a profile. Every check and value comes from the core.
//
// The tab's input and the core calls are in ./mapping-input (no DOM). This file: the view (elements built once),
// readers (DOM → input), renderers (answer → DOM), and mountMapping, which only wires events.
import type { Api } from './tabs';
import type { CrmField, CrmSchemaInput, DataCenter, Finding, FieldMapping, MappingPreview, ModuleSchema, TargetSuggestion, Transform } from '../core';
import { emit, on } from './bus';
import { copyButton, dataCenterSelect, findingsList, h, placeFindings } from './dom';
import { currentConfig, onConfigChange } from './current';
import { connectionFacts, followed, type ConnectionFacts } from './follow';
import { saveProfile, type Profile } from '../profiles/store';
import { sourceNode } from '../sources';
import {
  OTHER, checkMapping, crmSchemaInput, delugeOptions, editorOf, fieldMapping, leafPaths, mappingDeluge, moduleOf,
  offeredLinkName, parseValue, previewMapping, readValueMap, resolveSchema, sampleRecords, showValue, suggestTargets,
  tallyText, targetNote, type DelugeAnswer, type DelugeTarget, type MappingApi, type Row, type Sync,
} from './mapping-input';

type Op = Transform['op'];

/** What each transform is called in the editor, and what a new one starts as. */
const OPS: { op: Op; label: string; make: () => Transform }[] = [
  { op: 'trim', label: 'Trim spaces', make: () => ({ op: 'trim' }) },
  { op: 'case', label: 'Change case', make: () => ({ op: 'case', to: 'lower' }) },
  { op: 'parseDate', label: 'Read date', make: () => ({ op: 'parseDate' }) },
  { op: 'parseDatetime', label: 'Read date-time', make: () => ({ op: 'parseDatetime' }) },
  { op: 'formatDate', label: 'Format date', make: () => ({ op: 'formatDate', format: 'yyyy-MM-dd' }) },
  { op: 'parseNumber', label: 'Read number', make: () => ({ op: 'parseNumber' }) },
  { op: 'formatNumber', label: 'Round number', make: () => ({ op: 'formatNumber', decimalPlaces: 2 }) },
  { op: 'parseBoolean', label: 'Read yes/no', make: () => ({ op: 'parseBoolean' }) },
  { op: 'valueMap', label: 'Map values', make: () => ({ op: 'valueMap', map: {} }) },
  { op: 'default', label: 'Default value', make: () => ({ op: 'default', value: '' }) },
  { op: 'concat', label: 'Join other fields', make: () => ({ op: 'concat', with: [] }) },
  { op: 'split', label: 'Split into list', make: () => ({ op: 'split', separator: ',' }) },
  { op: 'toLookup', label: 'Wrap as lookup id', make: () => ({ op: 'toLookup' }) },
];
const opLabel = (op: Op): string => OPS.find((o) => o.op === op)?.label ?? op;

const SYNC: { key: keyof Sync; label: string; options: [string, string][] }[] = [
  { key: 'direction', label: 'Direction', options: [['toCrm', 'To CRM'], ['fromCrm', 'From CRM'], ['twoWay', 'Two-way'], ['manual', 'Manual']] },
  { key: 'fieldAccess', label: 'Field access', options: [['both', 'Read and write'], ['readOnly', 'Read-only'], ['writeOnly', 'Write-only']] },
  { key: 'trigger', label: 'Trigger', options: [['onChange', 'On change'], ['schedule', 'On a schedule'], ['manual', 'Manual']] },
  { key: 'conflictPolicy', label: 'On conflict', options: [['latestWins', 'Latest change wins'], ['sourceWins', 'Source wins'], ['crmWins', 'CRM wins']] },
];

const words = (text: string): string[] => text.split(',').map((s) => s.trim()).filter(Boolean);

const short = (v: unknown): string => {
  const t = v === undefined ? '—' : JSON.stringify(v) ?? String(v);
  return t.length > 40 ? `${t.slice(0, 39)}…` : t;
};

// ── The view: every element of the tab, built once ─────────────────────────────────────────────────────────────────

interface MappingView {
  moduleSelect: HTMLSelectElement; otherName: HTMLInputElement; otherField: HTMLElement;
  reply: HTMLTextAreaElement; replyBox: HTMLDetailsElement; schemaStatus: HTMLElement; schemaSlot: HTMLElement;
  tally: HTMLElement; rowList: HTMLElement; empty: HTMLElement; addRow: HTMLButtonElement; paths: HTMLDataListElement;
  syncSelects: Map<keyof Sync, HTMLSelectElement>; general: HTMLElement; editor: HTMLElement; after: HTMLElement;
  records: HTMLTextAreaElement; previewOut: HTMLElement; suggest: HTMLButtonElement; suggestOut: HTMLElement;
  dataCenter: HTMLSelectElement; connection: HTMLInputElement; targetNote: HTMLElement; apiSource: HTMLElement;
  delugeSection: HTMLElement; deluge: HTMLTextAreaElement; delugeFindings: HTMLElement; copyDeluge: HTMLButtonElement;
  profileName: HTMLInputElement; save: HTMLButtonElement; saveOut: HTMLElement;
}

function buildEditor(builtIns: readonly ModuleSchema[]): Omit<MappingView, 'after' | 'records' | 'previewOut' | 'suggest' | 'suggestOut' | 'dataCenter' | 'connection' | 'targetNote' | 'apiSource' | 'delugeSection' | 'deluge' | 'delugeFindings' | 'copyDeluge' | 'profileName' | 'save' | 'saveOut'> {
  const moduleSelect = h('select', { id: 'm-module' }, h('option', { value: '' }, 'Choose a module…'),
    ...builtIns.map((s) => h('option', { value: s.module }, `${s.module} — built-in standard fields`)),
    h('option', { value: OTHER }, 'Another module (paste its fields)'));
  const otherName = h('input', { type: 'text', id: 'm-module-name', placeholder: 'Module API name, e.g. Vendors', autocomplete: 'off', spellcheck: 'false' });
  const otherField = h('div', { class: 'field', hidden: true }, h('label', { for: 'm-module-name' }, 'Module API name'), otherName);
  const reply = h('textarea', { id: 'm-reply', rows: '4', spellcheck: 'false', placeholder: '{ "fields": [ { "api_name": "Last_Name", "data_type": "text", … } ] }' });
  const replyBox = h('details', { class: 'reply' },
    h('summary', {}, 'Use your org\'s fields (custom fields, picklist values)'),
    h('div', { class: 'field' },
      h('label', { for: 'm-reply' }, 'Reply of GET /crm/v8/settings/fields?module=…'),
      reply,
      h('div', { class: 'hint' }, 'Paste the whole JSON reply; the editor then lists your fields with their types and picklist values.')));
  const schemaStatus = h('p', { class: 'hint schema-status', 'aria-live': 'polite' });
  const schemaSlot = h('div', { class: 'slot', 'data-findings-for': 'module' });
  const tally = h('span', { class: 'tally', 'aria-live': 'polite' });
  const rowList = h('ol', { class: 'map-rows', 'aria-label': 'Field map' });
  const empty = h('p', { class: 'empty' });
  const addRow = h('button', { type: 'button', id: 'm-add-row', class: 'secondary' }, '+ Add field');
  const paths = h('datalist', { id: 'm-paths' });
  const syncSelects = new Map<keyof Sync, HTMLSelectElement>();
  const syncGrid = h('div', { class: 'sync-grid' });
  for (const s of SYNC) {
    const sel = h('select', { id: `m-sync-${s.key}` }, h('option', { value: '' }, '(not set)'),
      ...s.options.map(([v, l]) => h('option', { value: v }, l)));
    syncSelects.set(s.key, sel);
    syncGrid.append(h('div', { class: 'field' }, h('label', { for: sel.id }, s.label), sel,
      h('div', { class: 'slot', 'data-findings-for': `sync.${s.key}` })));
  }
  const general = h('div', { class: 'general' });
  const editor = h('section', { class: 'map-editor', 'aria-label': 'Mapping editor' },
    h('div', { class: 'field' }, h('label', { for: 'm-module' }, 'CRM module'), moduleSelect),
    otherField, replyBox, schemaStatus, schemaSlot,
    h('div', { class: 'map-head' }, h('h2', {}, 'Fields'), tally),
    h('div', { class: 'slot', 'data-findings-for': 'fields' }),
    empty,
    h('div', { class: 'map-cols', 'aria-hidden': 'true' }, h('span', {}, 'Source field path'), h('span', {}), h('span', {}, 'CRM field')),
    rowList,
    h('div', { class: 'actions' }, addRow),
    paths,
    h('h2', {}, 'Sync rules'),
    syncGrid,
    h('div', { class: 'slot', 'data-findings-for': 'sync' }),
    general);
  return { moduleSelect, otherName, otherField, reply, replyBox, schemaStatus, schemaSlot, tally, rowList, empty, addRow, paths, syncSelects, general, editor };
}

function buildView(panel: HTMLElement, builtIns: readonly ModuleSchema[], centers: readonly DataCenter[]): MappingView {
  const records = h('textarea', { id: 'm-records', rows: '5', spellcheck: 'false', placeholder: '[ { "first_name": "Ana", "last_name": "Silva", "email": "ana@example.com" } ]' });
  const previewOut = h('div', { class: 'preview-out', 'aria-live': 'polite' });
  const suggest = h('button', { type: 'button', id: 'm-suggest', class: 'secondary' }, 'Suggest CRM fields from the first record');
  const suggestOut = h('div', { class: 'suggestions', id: 'm-suggestions', 'aria-live': 'polite' });
  const usApi = centers.find((c) => c.id === 'us')?.apiDomain?.value;
  const dataCenter = dataCenterSelect(centers, { id: 'm-dataCenter' }, `Not chosen${usApi ? ` (calls ${usApi})` : ''}`);
  const connection = h('input', { type: 'text', id: 'm-connection', placeholder: 'zoho_crm', autocomplete: 'off', spellcheck: 'false' });
  const targetNote = h('p', { class: 'hint', id: 'm-target-note', 'aria-live': 'polite' });
  const apiSource = h('div', { class: 'hint' });
  const deluge = h('textarea', { id: 'm-deluge', rows: '10', readonly: true, spellcheck: 'false', class: 'code' });
  const delugeFindings = h('div', { class: 'deluge-findings' });
  const copyDeluge = copyButton('Copy Deluge', () => deluge.value);
  copyDeluge.id = 'm-copy-deluge';
  const delugeSection = h('div', { class: 'deluge-target' },
    h('div', { class: 'row two' },
      h('div', { class: 'field' }, h('label', { for: 'm-dataCenter' }, 'Data center of the CRM'), dataCenter, apiSource),
      h('div', { class: 'field' }, h('label', { for: 'm-connection' }, 'Connection link name'), connection,
        h('div', { class: 'slot', 'data-findings-for': 'connection' }))),
    targetNote,
    h('div', { class: 'field' }, h('label', { for: 'm-deluge' }, 'Function body: the same transforms, then insert into the CRM'), deluge),
    h('div', { class: 'actions' }, copyDeluge),
    delugeFindings);
  const profileName = h('input', { type: 'text', id: 'm-profile-name', autocomplete: 'off', placeholder: 'e.g. Shopify customers → Leads' });
  const save = h('button', { type: 'button', id: 'm-save', class: 'copy' }, 'Save as profile');
  const saveOut = h('p', { class: 'hint', role: 'status' });
  const after = h('div', { class: 'map-after' },
    h('h2', {}, 'Preview'),
    h('div', { class: 'field' }, h('label', { for: 'm-records' }, 'Sample source records (JSON array)'), records,
      h('div', { class: 'hint' }, 'Paste a few records as your app sends them; they stay in this popup.')),
    h('div', { class: 'actions' }, suggest),
    suggestOut,
    previewOut,
    h('h2', {}, 'Generated Deluge'),
    delugeSection,
    h('h2', {}, 'Save'),
    h('div', { class: 'field' }, h('label', { for: 'm-profile-name' }, 'Profile name'), profileName),
    h('div', { class: 'actions' }, save),
    saveOut);
  const editor = buildEditor(builtIns);
  panel.append(editor.editor, after);
  return { ...editor, after, records, previewOut, suggest, suggestOut, dataCenter, connection, targetNote, apiSource, delugeSection,
    deluge, delugeFindings, copyDeluge, profileName, save, saveOut };
}

/** read (DOM → input): the module, the schema input and the mapping the view and the rows describe. */
export function readMapping(v: Pick<MappingView, 'moduleSelect' | 'otherName' | 'reply'>, rows: readonly Row[], sync: Sync): { module: string; crm: CrmSchemaInput; mapping: FieldMapping } {
  const module = moduleOf(v.moduleSelect.value, v.otherName.value);
  return { module, crm: crmSchemaInput(module, v.reply.value), mapping: fieldMapping(module, rows, sync) };
}

/** read (DOM → input): where the Deluge sends the record, as the two fields show it. */
export function readTarget(v: Pick<MappingView, 'dataCenter' | 'connection'>): DelugeTarget {
  return { dataCenter: v.dataCenter.value, connection: v.connection.value };
}

// ── Renderers: answer → DOM ────────────────────────────────────────────────────────────────────────────────────────

/** Places the findings (see placeFindings) and marks each row with its worst severity. */
function place(root: HTMLElement, diagnostics: Finding[], rest: HTMLElement): void {
  placeFindings(root, diagnostics, rest);
  for (const row of root.querySelectorAll<HTMLElement>('.map-row')) {
    const sev = ['error', 'warning', 'info'].find((x) => row.querySelector(`.finding.${x}`));
    if (sev) row.dataset.severity = sev;
    else delete row.dataset.severity;
  }
}

/** render: the editor's findings beside their rows, the tally, the empty state and what depends on a module. */
export function renderEditor(v: MappingView, module: string, hasSchema: boolean, rowCount: number, findings: Finding[]): void {
  v.empty.hidden = Boolean(module && rowCount);
  v.empty.textContent = !module
    ? 'Pick a module, then map your first field.'
    : 'Map your first field: add a row, type the source path (e.g. customer.email) and choose the CRM field it fills.';
  v.addRow.disabled = !hasSchema;
  v.after.hidden = !module; // preview, Deluge and save follow once there is a module
  place(v.editor, findings, v.general);
  v.tally.textContent = module ? tallyText(findings, rowCount > 0) : '';
  v.tally.dataset.ok = String(!findings.some((d) => d.severity === 'error'));
  v.save.disabled = !module;
}

function targetOptions(select: HTMLSelectElement, schema: ModuleSchema | null, current: string): void {
  select.replaceChildren(h('option', { value: '' }, 'Choose a CRM field…'));
  const fields = schema?.fields ?? [];
  for (const f of fields) {
    const flags = [f.dataType, f.mandatory ? 'required' : '', f.readOnly ? 'read-only' : ''].filter(Boolean).join(', ');
    select.append(h('option', { value: f.apiName, title: f.label }, `${f.apiName} · ${flags}`));
  }
  if (current && !fields.some((f) => f.apiName === current)) select.append(h('option', { value: current }, `${current} (not in this schema)`));
  select.value = current;
}

function badges(field: CrmField | undefined): HTMLElement {
  const box = h('span', { class: 'badges' });
  if (!field) return box;
  box.append(h('span', { class: 'badge type', 'data-type': field.dataType, title: field.source }, field.dataType));
  if (field.mandatory) box.append(h('span', { class: 'badge req' }, 'required'));
  if (field.readOnly) box.append(h('span', { class: 'badge ro' }, 'read-only'));
  if (field.length) box.append(h('span', { class: 'badge' }, `≤ ${field.length}`));
  if (field.pickListValues.length) box.append(h('span', { class: 'badge', title: field.pickListValues.join(', ') }, `${field.pickListValues.length} values`));
  return box;
}

type Control = HTMLInputElement | HTMLSelectElement | HTMLTextAreaElement;
const text = (value: string | undefined, placeholder = ''): HTMLInputElement =>
  h('input', { type: 'text', value: value ?? '', placeholder, autocomplete: 'off', spellcheck: 'false' });
const choice = (value: string, options: [string, string][]): HTMLSelectElement => {
  const s = h('select', {}, ...options.map(([v, l]) => h('option', { value: v }, l)));
  s.value = value;
  return s;
};

/** The labelled parameters of a transform; editing one sets it on `t`, then calls `changed`. */
export function transformParams(t: Transform, id: string, changed: () => void): HTMLElement[] {
  const param = (key: string, label: string, control: Control, set: (v: string) => void): HTMLElement => {
    control.id = `${id}-${key}`;
    control.addEventListener(control instanceof HTMLSelectElement ? 'change' : 'input', () => {
      set(control.value);
      changed();
    });
    return h('span', { class: 'tf-param' }, h('label', { for: control.id }, label), control);
  };
  const opt = (v: string): string | undefined => v.trim() || undefined;
  switch (t.op) {
    case 'case':
      return [param('to', 'to', choice(t.to, [['lower', 'lower case'], ['upper', 'UPPER CASE'], ['title', 'Title Case']]), (v) => { t.to = v as 'lower'; })];
    case 'parseDate':
      return [param('format', 'pattern', text(t.format, 'ISO yyyy-MM-dd'), (v) => { t.format = opt(v); })];
    case 'parseDatetime':
      return [
        param('format', 'pattern', text(t.format, 'ISO 8601'), (v) => { t.format = opt(v); }),
        param('zone', 'zone if none', text(t.zone, '+00:00'), (v) => { t.zone = opt(v); }),
        param('toOffset', 'convert to', text(t.toOffset, 'keep'), (v) => { t.toOffset = opt(v); }),
      ];
    case 'formatDate':
      return [param('format', 'pattern', text(t.format, 'yyyy-MM-dd'), (v) => { t.format = v; })];
    case 'parseNumber':
      return [
        param('dec', 'decimal sep.', text(t.decimalSeparator, '.'), (v) => { t.decimalSeparator = opt(v); }),
        param('group', 'group sep.', text(t.groupSeparator, 'none'), (v) => { t.groupSeparator = opt(v); }),
      ];
    case 'formatNumber': {
      const n = h('input', { type: 'number', min: '0', max: '16', step: '1', value: String(t.decimalPlaces) });
      return [param('places', 'decimals', n, (v) => { t.decimalPlaces = Math.max(0, Number.parseInt(v, 10) || 0); })];
    }
    case 'parseBoolean':
      return [
        param('true', 'true words', text(t.true?.join(', '), 'true, yes, y, 1'), (v) => { t.true = words(v).length ? words(v) : undefined; }),
        param('false', 'false words', text(t.false?.join(', '), 'false, no, n, 0'), (v) => { t.false = words(v).length ? words(v) : undefined; }),
      ];
    case 'valueMap': {
      const area = h('textarea', { rows: String(Math.max(2, Object.keys(t.map).length + 1)), spellcheck: 'false', placeholder: 'web = Online Store\npos = Partner' });
      area.value = Object.entries(t.map).map(([k, v]) => `${k} = ${showValue(v)}`).join('\n');
      return [
        param('map', 'source = CRM value, one per line', area, (v) => { t.map = readValueMap(v); }),
        param('otherwise', 'other values', choice(t.otherwise ?? 'keep', [['keep', 'keep as they are'], ['drop', 'leave the field out'], ['error', 'skip the record']]),
          (v) => { t.otherwise = v as 'keep'; }),
      ];
    }
    case 'default':
      return [param('value', 'value', text(showValue(t.value), 'text, or true/false/numbers'), (v) => { t.value = parseValue(v); })];
    case 'concat':
      return [
        param('with', 'append paths', text(t.with.join(', '), 'customer.last_name'), (v) => { t.with = words(v); }),
        param('sep', 'separator', text(t.separator, 'one space'), (v) => { t.separator = v === '' ? undefined : v; }),
      ];
    case 'split':
      return [param('sep', 'separator', text(t.separator, ','), (v) => { t.separator = v; })];
    default:
      return [];
  }
}

/** What a row's controls may do to the editor. */
interface RowContext {
  rows: Row[];
  schema: ModuleSchema | null;
  /** A value changed: recompute the findings, the preview and the Deluge. */
  changed(): void;
  /** The rows changed shape: render them again, then focus what `focus` finds. */
  redraw(focus: () => HTMLElement | null | undefined): void;
}

/** render: one row of the editor, with its controls, transforms and the slots its findings go to. */
export function renderRow(row: Row, i: number, ctx: RowContext): HTMLElement {
  const byId = (id: string) => document.getElementById(id);
  const src = h('input', { type: 'text', id: `m-src-${i}`, value: row.source, list: 'm-paths', placeholder: 'customer.email', autocomplete: 'off', spellcheck: 'false' });
  const tgt = h('select', { id: `m-tgt-${i}` });
  targetOptions(tgt, ctx.schema, row.target);
  const fieldOf = (name: string) => ctx.schema?.fields.find((f) => f.apiName === name);
  const badgeBox = h('span', { class: 'badge-slot' }, badges(fieldOf(row.target)));
  src.addEventListener('input', () => { row.source = src.value; ctx.changed(); });
  tgt.addEventListener('change', () => {
    row.target = tgt.value;
    badgeBox.replaceChildren(badges(fieldOf(row.target)));
    ctx.changed();
  });
  const remove = h('button', { type: 'button', class: 'icon', 'aria-label': `Remove field ${i + 1}`, title: 'Remove this field' }, '×');
  remove.addEventListener('click', () => {
    ctx.rows.splice(i, 1);
    ctx.redraw(() => byId(`m-src-${Math.min(i, ctx.rows.length - 1)}`) ?? byId('m-add-row'));
  });
  const tfList = h('ul', { class: 'transforms' }, ...row.transforms.map((t, j) => {
    const drop = h('button', { type: 'button', class: 'icon', 'aria-label': `Remove ${opLabel(t.op)} from field ${i + 1}`, title: 'Remove this transform' }, '×');
    drop.addEventListener('click', () => {
      row.transforms.splice(j, 1);
      ctx.redraw(() => byId(`m-add-tf-${i}`));
    });
    return h('li', { class: 'transform', 'data-op': t.op },
      h('span', { class: 'tf-name' }, `${j + 1}. ${opLabel(t.op)}`),
      ...transformParams(t, `m-tf-${i}-${j}`, ctx.changed),
      drop,
      h('div', { class: 'slot', 'data-findings-for': `fields[${i}].transforms[${j}]` }));
  }));
  const addTf = h('select', { id: `m-add-tf-${i}`, class: 'add-tf' }, h('option', { value: '' }, 'Add a transform…'),
    ...OPS.map((o) => h('option', { value: o.op }, o.label)));
  addTf.addEventListener('change', () => {
    const o = OPS.find((x) => x.op === addTf.value);
    if (!o) return;
    row.transforms.push(o.make());
    const j = row.transforms.length - 1;
    ctx.redraw(() => document.querySelector<HTMLElement>(`#m-tf-${i}-${j}-to, [id^="m-tf-${i}-${j}-"]`) ?? byId(`m-add-tf-${i}`));
  });
  return h('li', { class: 'map-row', 'data-index': String(i) },
    h('div', { class: 'map-pair' },
      h('div', { class: 'cell' }, h('label', { for: src.id, class: 'small' }, `Source ${i + 1}`), src,
        h('div', { class: 'slot', 'data-findings-for': `fields[${i}].source` })),
      h('span', { class: 'arrow', 'aria-hidden': 'true' }, '→'),
      h('div', { class: 'cell' }, h('label', { for: tgt.id, class: 'small' }, `CRM field ${i + 1}`), tgt, badgeBox,
        h('div', { class: 'slot', 'data-findings-for': `fields[${i}].target` })),
      remove),
    tfList,
    h('div', { class: 'tf-add' }, h('label', { for: addTf.id, class: 'small' }, `Transforms of field ${i + 1}, applied in order`), addTf),
    h('div', { class: 'slot', 'data-findings-for': `fields[${i}].transforms` }),
    h('div', { class: 'slot', 'data-findings-for': `fields[${i}]` }));
}

/** render: the preview of the payload (or why there is none); `sent`/`skipped` for the panel's data attributes. */
export function renderPreview(records: number | null, note: Finding | null, ready: boolean, answer: { preview: MappingPreview } | { findings: Finding[] } | null): { nodes: Node[]; sent?: number; skipped?: number } {
  const notes = note ? [findingsList([note])] : [];
  if (records === null || !ready || !answer) {
    return { nodes: [...notes, h('p', { class: 'empty' }, records === null
      ? 'Paste sample records to see the exact payload Zoho would receive, record by record.'
      : 'Map at least one field to see the payload.')] };
  }
  if ('findings' in answer) {
    return { nodes: [...notes, h('p', { class: 'verdict', 'data-ok': 'false' }, 'No preview yet:'), findingsList(answer.findings)] };
  }
  const p = answer.preview;
  const sent = p.batches.flatMap((b) => b.data);
  const shown = sent.slice(0, 3);
  const batchWord = p.batches.length === 1 ? 'batch' : 'batches';
  const nodes: Node[] = [...notes, h('p', { class: 'verdict', 'data-ok': String(p.skipped.length === 0) },
    `${records} record${records === 1 ? '' : 's'}: ${p.sent.length} sent in ${p.batches.length} ${batchWord}, ${p.skipped.length} skipped.`)];
  if (p.findings.length) {
    const table = h('table', { class: 'record-findings' },
      h('thead', {}, h('tr', {}, h('th', {}, 'Record'), h('th', {}, 'Field'), h('th', {}, 'Value'), h('th', {}, 'Why'))),
      h('tbody', {}, ...p.findings.map((f) => h('tr', { class: `finding-row ${f.severity}`, 'data-code': f.code, 'data-record': String(f.record), 'data-field': f.field },
        h('td', {}, `${f.record + 1}${p.skipped.includes(f.record) ? ' (skipped)' : ''}`),
        h('td', {}, f.field || '—'),
        h('td', { class: 'value', title: JSON.stringify(f.value) ?? '' }, short(f.value)),
        h('td', {}, h('span', { class: 'sev' }, f.severity), ' ', f.reason)))));
    nodes.push(h('div', { class: 'table-wrap' }, table));
  }
  if (shown.length) {
    const which = p.sent.slice(0, shown.length).map((r) => r + 1).join(', ');
    nodes.push(h('p', { class: 'hint' }, `Payload of record${shown.length === 1 ? '' : 's'} ${which}${sent.length > shown.length ? ` (first ${shown.length} of ${sent.length})` : ''}:`),
      h('pre', { class: 'payload', tabindex: '0', 'aria-label': 'CRM payload' }, JSON.stringify({ data: shown }, null, 2)));
  }
  return { nodes, sent: p.sent.length, skipped: p.skipped.length };
}

/** render: the generated Deluge, or the placeholder and findings that say why there is none. */
export function renderDeluge(v: MappingView, out: DelugeAnswer | null): void {
  v.deluge.value = out?.deluge ?? '';
  v.deluge.placeholder = out ? 'Fix the errors below to get the Deluge.' : 'Map a field to get a Deluge function that does the same.';
  v.copyDeluge.disabled = !out?.deluge;
  placeFindings(v.delugeSection, out?.diagnostics ?? [], v.delugeFindings);
}

/** render: the target fields' note and the source of the chosen data center's API domain. */
export function renderTarget(v: MappingView, facts: ConnectionFacts, centers: readonly DataCenter[]): void {
  const target = readTarget(v);
  v.targetNote.textContent = targetNote(facts, target);
  const api = centers.find((c) => c.id === target.dataCenter)?.apiDomain;
  v.apiSource.replaceChildren(...(api ? [`Calls ${api.value}. `, sourceNode(api.source)] : []));
}

/** render: the CRM fields the core suggests for the first record, each with an Add button that calls `add`. */
export function renderSuggestions(answer: { suggestions: TargetSuggestion[] } | { findings: Finding[] }, taken: Set<string>, add: (s: TargetSuggestion) => void): Node[] {
  if ('findings' in answer) return [findingsList(answer.findings)];
  const all = answer.suggestions;
  const fresh = all.filter((f) => !taken.has(f.target));
  if (!fresh.length) {
    return [h('p', { class: 'empty' }, all.length
      ? 'Every field the record suggests is already mapped.'
      : 'No CRM field of this module matches the record\'s names and value types; map them by hand.')];
  }
  return [h('ul', { class: 'suggestion-list' }, ...fresh.map((f) => {
    const button = h('button', { type: 'button', class: 'secondary small', 'data-target': f.target }, 'Add');
    button.addEventListener('click', () => {
      add(f);
      button.closest('li')?.remove();
    });
    return h('li', { 'data-source': f.source },
      h('code', {}, f.source), ' → ', h('code', {}, f.target), ` (${f.dataType})`,
      f.transform ? ` after ${f.transform}` : '', ' ', button);
  }))];
}

// ── The tab: state and events ──────────────────────────────────────────────────────────────────────────────────────

/** What the editor holds besides its controls: the rows, sync rules, the resolved schema, the profile it edits. */
interface MappingState {
  rows: Row[];
  sync: Sync;
  schema: ModuleSchema | null;
  profileId: string | undefined;
  /** The current connection's data center and link name, for the Deluge's target. */
  facts: ConnectionFacts;
}

/** Shows a stored mapping in the editor (the caller then reloads the schema and rows). */
function openProfile(v: MappingView, state: MappingState, p: Profile, builtIns: readonly ModuleSchema[]): void {
  const e = editorOf(p.data as FieldMapping, builtIns);
  // A pasted fields reply is org data, not part of the profile: keep it only for the same module.
  if (e.module.toLowerCase() !== moduleOf(v.moduleSelect.value, v.otherName.value).toLowerCase()) v.reply.value = '';
  v.moduleSelect.value = e.chosen;
  v.otherName.value = e.otherName;
  state.rows.splice(0, state.rows.length, ...e.rows);
  state.sync = e.sync;
  for (const [k, sel] of v.syncSelects) sel.value = (state.sync[k] as string | undefined) ?? '';
  v.profileName.value = p.name;
  state.profileId = p.id;
  v.saveOut.textContent = `Opened "${p.name}".${v.reply.value.trim() || !e.module ? '' : ` Paste the ${e.module} fields reply if it maps custom fields.`}`;
}

/** Saves the mapping as a profile (the same one again until the name changes) and says so. */
function saveMapping(v: MappingView, state: MappingState, panel: HTMLElement): void {
  const { module, mapping } = readMapping(v, state.rows, state.sync);
  const name = v.profileName.value.trim() || `${module} mapping`;
  v.save.disabled = true;
  saveProfile({ id: state.profileId, name, kind: 'mapping', data: mapping as Record<string, unknown> })
    .then((p) => {
      state.profileId = p.id;
      v.profileName.value = p.name;
      v.saveOut.textContent = `Saved "${p.name}". It is listed in the Profiles tab.`;
      panel.dataset.saved = p.id;
      emit('profiles:changed', undefined);
    })
    .catch((e: unknown) => { v.saveOut.textContent = `Not saved: ${e instanceof Error ? e.message : String(e)}`; })
    .finally(() => { v.save.disabled = false; });
}

/** The suggestions for the first pasted record; Add puts a row with the transform the core asked for, then `added`. */
function showSuggestions(api: MappingApi, v: MappingView, state: MappingState, added: () => void): void {
  const { list, note } = sampleRecords(v.records.value);
  const first = list?.find((r) => typeof r === 'object' && r !== null && !Array.isArray(r));
  if (!first) {
    v.suggestOut.replaceChildren(...(note ? [findingsList([note])] : []), h('p', { class: 'empty' }, 'Paste at least one record (a JSON object) first.'));
    return;
  }
  const answer = suggestTargets(api, first as Record<string, unknown>, readMapping(v, state.rows, state.sync).crm);
  v.suggestOut.replaceChildren(...renderSuggestions(answer, new Set(state.rows.map((r) => r.target).filter(Boolean)), (f) => {
    // The same starting parameters as "Add a transform…".
    const tf = OPS.find((o) => o.op === f.transform)?.make();
    state.rows.push({ source: f.source, target: f.target, transforms: tf ? [tf] : [] });
    added();
  }));
}

export function mountMapping(panel: HTMLElement, api: Api): void {
  const builtIns: ModuleSchema[] = api.listModuleSchemas();
  const centers: DataCenter[] = api.listDataCenters();
  const v = buildView(panel, builtIns, centers);
  const state: MappingState = { rows: [], sync: { direction: 'toCrm' }, schema: null, profileId: undefined, facts: connectionFacts(api, {}) };
  const dcFollow = followed(v.dataCenter);
  const linkFollow = followed(v.connection);
  const read = () => readMapping(v, state.rows, state.sync);
  const ctx: RowContext = { rows: state.rows, schema: null, changed: () => update(), redraw: (focus) => { renderRows(); focus()?.focus(); } };

  function loadSchema(): void {
    v.otherField.hidden = v.moduleSelect.value !== OTHER;
    if (v.moduleSelect.value === OTHER) v.replyBox.open = true;
    const r = resolveSchema(api, read().crm, v.moduleSelect.value === OTHER);
    state.schema = ctx.schema = r.schema;
    v.schemaStatus.textContent = r.status;
    v.schemaSlot.replaceChildren(...(r.findings.length ? [findingsList(r.findings)] : []));
  }
  function renderRows(): void {
    v.rowList.replaceChildren(...state.rows.map((row, i) => renderRow(row, i, ctx)));
    update();
  }
  function showPreview(): void {
    const { module, crm, mapping } = read();
    const { list, note } = sampleRecords(v.records.value);
    if (list) v.paths.replaceChildren(...leafPaths(list).map((p) => h('option', { value: p })));
    const ready = Boolean(list && module && mapping.fields?.length);
    const r = renderPreview(list ? list.length : null, note, ready, ready && list ? previewMapping(api, mapping, list, crm) : null);
    v.previewOut.replaceChildren(...r.nodes);
    if (r.sent === undefined) delete panel.dataset.sent;
    else Object.assign(panel.dataset, { sent: String(r.sent), skipped: String(r.skipped) });
  }
  function showDeluge(): void {
    const { module, crm, mapping } = read();
    renderTarget(v, state.facts, centers);
    const ready = module && mapping.fields?.length && state.schema;
    renderDeluge(v, ready ? mappingDeluge(api, mapping, crm, delugeOptions(readTarget(v), centers)) : null);
  }
  function update(): void {
    const { module, crm, mapping } = read();
    const findings = checkMapping(api, mapping, crm, state.schema, state.rows.length > 0);
    renderEditor(v, module, Boolean(state.schema), state.rows.length, findings);
    showPreview();
    showDeluge();
    Object.assign(panel.dataset, { rows: String(state.rows.length), errors: String(findings.filter((d) => d.severity === 'error').length), ready: '1' });
  }
  function followConnection(): void {
    state.facts = connectionFacts(api, currentConfig());
    dcFollow.follow(state.facts.dataCenter ?? '');
    linkFollow.follow(offeredLinkName(state.facts));
    showDeluge();
  }
  function schemaChanged(): void {
    loadSchema();
    renderRows();
  }

  for (const [key, sel] of v.syncSelects) {
    sel.value = state.sync[key] ?? '';
    sel.addEventListener('change', () => {
      if (sel.value) (state.sync as Record<string, string>)[key] = sel.value;
      else delete state.sync[key];
      update();
    });
  }
  v.addRow.addEventListener('click', () => {
    state.rows.push({ source: '', target: '', transforms: [] });
    ctx.redraw(() => document.getElementById(`m-src-${state.rows.length - 1}`));
  });
  v.suggest.addEventListener('click', () => showSuggestions(api, v, state, renderRows));
  v.moduleSelect.addEventListener('change', () => {
    if (!v.profileName.value) v.profileName.placeholder = `e.g. Shopify customers → ${read().module || 'Leads'}`;
    schemaChanged();
  });
  v.otherName.addEventListener('input', schemaChanged);
  v.reply.addEventListener('input', schemaChanged);
  v.records.addEventListener('input', showPreview);
  v.dataCenter.addEventListener('change', showDeluge);
  v.connection.addEventListener('input', showDeluge);
  v.save.addEventListener('click', () => saveMapping(v, state, panel));
  v.profileName.addEventListener('input', () => { state.profileId = undefined; }); // a new name saves a new profile
  on('profile:open', (p) => {
    if (p.kind !== 'mapping') return;
    openProfile(v, state, p, builtIns);
    schemaChanged();
    panel.dataset.opened = p.id;
    emit('tab:select', 'mapping');
  });
  onConfigChange(followConnection);

  loadSchema();
  followConnection();
  renderRows();
}
