// Tab "Mapping": a two-column editor (source field path ↔ CRM field with its type) with transforms per row and the
// setup guide's sync rules; the core's findings beside the row they concern; a preview of the CRM payload for pasted
// sample records; the generated Deluge; save as / open from a profile. Every check and value comes from the core.
import type { Api } from './tabs';
import type { CrmField, CrmSchemaInput, Finding, FieldMapping, MappingPreview, ModuleSchema, TargetSuggestion, Transform } from '../core';
import { errorRecord } from '../core';
import { emit, on } from './bus';
import { copyButton, findingsList, h, placeFindings } from './dom';
import { failureFindings } from './failure';
import { saveProfile, type Profile } from '../profiles/store';

type Sync = NonNullable<FieldMapping['sync']>;
type Op = Transform['op'];
interface Row { source: string; target: string; transforms: Transform[] }

const OTHER = '__other__';

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

/** Text typed into a value box → JSON value: true/false/null, numbers, "quoted", [..] and {..} are JSON; the rest is text. */
function parseValue(text: string): unknown {
  const t = text.trim();
  if (/^(true|false|null|-?\d+(\.\d+)?([eE][+-]?\d+)?|".*"|\[.*\]|\{.*\})$/s.test(t)) {
    try {
      return JSON.parse(t) as unknown;
    } catch {
      return text;
    }
  }
  return text;
}
/** The inverse of parseValue: text that reads back as the same value. */
function showValue(v: unknown): string {
  if (typeof v === 'string') return parseValue(v) === v ? v : JSON.stringify(v);
  return JSON.stringify(v) ?? '';
}
const words = (text: string): string[] => text.split(',').map((s) => s.trim()).filter(Boolean);
const short = (v: unknown): string => {
  const t = v === undefined ? '—' : JSON.stringify(v) ?? String(v);
  return t.length > 40 ? `${t.slice(0, 39)}…` : t;
};

/** Dotted paths of the leaves of sample records (depth ≤ 3), for the source inputs' suggestions. */
function leafPaths(records: unknown[]): string[] {
  const out = new Set<string>();
  const walk = (v: unknown, prefix: string, depth: number): void => {
    if (v && typeof v === 'object' && !Array.isArray(v) && depth < 3) {
      for (const [k, x] of Object.entries(v)) walk(x, prefix ? `${prefix}.${k}` : k, depth + 1);
    } else if (prefix) out.add(prefix);
  };
  for (const r of records.slice(0, 20)) walk(r, '', 0);
  return [...out].sort();
}

/** Places the findings (see placeFindings) and marks each row with its worst severity. */
function place(root: HTMLElement, diagnostics: Finding[], rest: HTMLElement): void {
  placeFindings(root, diagnostics, rest);
  for (const row of root.querySelectorAll<HTMLElement>('.map-row')) {
    const sev = ['error', 'warning', 'info'].find((x) => row.querySelector(`.finding.${x}`));
    if (sev) row.dataset.severity = sev;
    else delete row.dataset.severity;
  }
}

export function mountMapping(panel: HTMLElement, api: Api): void {
  const builtIns: ModuleSchema[] = api.listModuleSchemas();
  let rows: Row[] = [];
  const sync: Sync = { direction: 'toCrm' };
  let schema: ModuleSchema | null = null;
  let profileId: string | undefined;

  // ── Module and schema ───────────────────────────────────────────────────────────────────────────────────────────
  const moduleSelect = h('select', { id: 'm-module' }, h('option', { value: '' }, 'Choose a module…'));
  for (const s of builtIns) moduleSelect.append(h('option', { value: s.module }, `${s.module} — built-in standard fields`));
  moduleSelect.append(h('option', { value: OTHER }, 'Another module (paste its fields)'));
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

  // ── Field map ───────────────────────────────────────────────────────────────────────────────────────────────────
  const tally = h('span', { class: 'tally', 'aria-live': 'polite' });
  const fieldsSlot = h('div', { class: 'slot', 'data-findings-for': 'fields' });
  const rowList = h('ol', { class: 'map-rows', 'aria-label': 'Field map' });
  const empty = h('p', { class: 'empty' });
  const addRow = h('button', { type: 'button', id: 'm-add-row', class: 'secondary' }, '+ Add field');
  const paths = h('datalist', { id: 'm-paths' });

  // ── Sync rules ──────────────────────────────────────────────────────────────────────────────────────────────────
  const syncSelects = new Map<keyof Sync, HTMLSelectElement>();
  const syncGrid = h('div', { class: 'sync-grid' });
  for (const s of SYNC) {
    const sel = h('select', { id: `m-sync-${s.key}` }, h('option', { value: '' }, '(not set)'));
    for (const [v, l] of s.options) sel.append(h('option', { value: v }, l));
    sel.value = sync[s.key] ?? '';
    sel.addEventListener('change', () => {
      if (sel.value) (sync as Record<string, string>)[s.key] = sel.value;
      else delete sync[s.key];
      update();
    });
    syncSelects.set(s.key, sel);
    syncGrid.append(h('div', { class: 'field' }, h('label', { for: sel.id }, s.label), sel,
      h('div', { class: 'slot', 'data-findings-for': `sync.${s.key}` })));
  }
  const syncSlot = h('div', { class: 'slot', 'data-findings-for': 'sync' });
  const general = h('div', { class: 'general' });

  // ── Preview ─────────────────────────────────────────────────────────────────────────────────────────────────────
  const records = h('textarea', { id: 'm-records', rows: '5', spellcheck: 'false', placeholder: '[ { "first_name": "Ana", "last_name": "Silva", "email": "ana@example.com" } ]' });
  const previewOut = h('div', { class: 'preview-out', 'aria-live': 'polite' });
  const suggest = h('button', { type: 'button', id: 'm-suggest', class: 'secondary' }, 'Suggest CRM fields from the first record');
  const suggestOut = h('div', { class: 'suggestions', id: 'm-suggestions', 'aria-live': 'polite' });

  // ── Deluge ──────────────────────────────────────────────────────────────────────────────────────────────────────
  const deluge = h('textarea', { id: 'm-deluge', rows: '10', readonly: true, spellcheck: 'false', class: 'code' });
  const delugeFindings = h('div', { class: 'deluge-findings' });
  const copyDeluge = copyButton('Copy Deluge', () => deluge.value);
  copyDeluge.id = 'm-copy-deluge';

  // ── Save ────────────────────────────────────────────────────────────────────────────────────────────────────────
  const profileName = h('input', { type: 'text', id: 'm-profile-name', autocomplete: 'off', placeholder: 'e.g. Shopify customers → Leads' });
  const save = h('button', { type: 'button', id: 'm-save', class: 'copy' }, 'Save as profile');
  const saveOut = h('p', { class: 'hint', role: 'status' });

  const editor = h('section', { class: 'map-editor', 'aria-label': 'Mapping editor' },
    h('div', { class: 'field' }, h('label', { for: 'm-module' }, 'CRM module'), moduleSelect),
    otherField,
    replyBox,
    schemaStatus,
    schemaSlot,
    h('div', { class: 'map-head' }, h('h2', {}, 'Fields'), tally),
    fieldsSlot,
    empty,
    h('div', { class: 'map-cols', 'aria-hidden': 'true' }, h('span', {}, 'Source field path'), h('span', {}), h('span', {}, 'CRM field')),
    rowList,
    h('div', { class: 'actions' }, addRow),
    paths,
    h('h2', {}, 'Sync rules'),
    syncGrid,
    syncSlot,
    general,
  );
  const after = h('div', { class: 'map-after' },
    h('h2', {}, 'Preview'),
    h('div', { class: 'field' }, h('label', { for: 'm-records' }, 'Sample source records (JSON array)'), records,
      h('div', { class: 'hint' }, 'Paste a few records as your app sends them; they stay in this popup.')),
    h('div', { class: 'actions' }, suggest),
    suggestOut,
    previewOut,
    h('h2', {}, 'Generated Deluge'),
    h('div', { class: 'field' }, h('label', { for: 'm-deluge' }, 'Function body: the same transforms, then insert into the CRM'), deluge),
    h('div', { class: 'actions' }, copyDeluge),
    delugeFindings,
    h('h2', {}, 'Save'),
    h('div', { class: 'field' }, h('label', { for: 'm-profile-name' }, 'Profile name'), profileName),
    h('div', { class: 'actions' }, save),
    saveOut,
  );
  panel.append(editor, after);

  // ── State → core inputs ─────────────────────────────────────────────────────────────────────────────────────────
  function moduleName(): string {
    return moduleSelect.value === OTHER ? otherName.value.trim() : moduleSelect.value;
  }
  function crmInput(): CrmSchemaInput {
    const text = reply.value.trim();
    if (!text) return { module: moduleName() };
    let parsed: unknown;
    try {
      parsed = JSON.parse(text);
    } catch {
      parsed = text; // the core explains what is wrong with it
    }
    return { module: moduleName(), reply: parsed };
  }
  function mapping(): FieldMapping {
    const s: Sync = {};
    for (const [k, v] of Object.entries(sync)) if (v) (s as Record<string, string>)[k] = v;
    return {
      module: moduleName() || undefined,
      fields: rows.map((r) => ({
        ...(r.source.trim() ? { source: r.source.trim() } : {}),
        ...(r.target ? { target: r.target } : {}),
        ...(r.transforms.length ? { transforms: r.transforms } : {}),
      })),
      sync: s,
    };
  }

  // ── Schema ──────────────────────────────────────────────────────────────────────────────────────────────────────
  function loadSchema(): void {
    otherField.hidden = moduleSelect.value !== OTHER;
    if (moduleSelect.value === OTHER) replyBox.open = true;
    schema = null;
    const name = moduleName();
    if (!name) {
      schemaStatus.textContent = moduleSelect.value === OTHER ? 'Type the module\'s API name and paste its fields.' : '';
      schemaSlot.replaceChildren();
      return;
    }
    try {
      const r = api.resolveCrmSchema(crmInput());
      schema = r.schema;
      const mandatory = r.schema.fields.filter((f) => f.mandatory).map((f) => f.apiName);
      schemaStatus.textContent = `${r.schema.module}: ${r.schema.fields.length} fields (${r.schema.builtIn ? 'built-in standard fields' : 'from your pasted reply'})`
        + (mandatory.length ? `; required: ${mandatory.join(', ')}` : '');
      schemaSlot.replaceChildren(...(r.diagnostics.length ? [findingsList(r.diagnostics)] : []));
    } catch (e) {
      const err = errorRecord(e);
      schemaStatus.textContent = 'No field list to map to yet.';
      schemaSlot.replaceChildren(findingsList(err.diagnostics ?? [{ code: err.code, severity: 'error', path: 'module', message: err.message, fix: 'Pick a built-in module or paste the fields reply.' } as Finding]));
    }
  }

  // ── Rows ────────────────────────────────────────────────────────────────────────────────────────────────────────
  function targetOptions(select: HTMLSelectElement, current: string): void {
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

  /** One labelled parameter of a transform. */
  function param(id: string, label: string, control: HTMLInputElement | HTMLSelectElement | HTMLTextAreaElement, onInput: (v: string) => void): HTMLElement {
    control.id = id;
    control.addEventListener(control instanceof HTMLSelectElement ? 'change' : 'input', () => {
      onInput(control.value);
      update();
    });
    return h('span', { class: 'tf-param' }, h('label', { for: id }, label), control);
  }
  const text = (value: string | undefined, placeholder = ''): HTMLInputElement =>
    h('input', { type: 'text', value: value ?? '', placeholder, autocomplete: 'off', spellcheck: 'false' });
  const choice = (value: string, options: [string, string][]): HTMLSelectElement => {
    const s = h('select', {}, ...options.map(([v, l]) => h('option', { value: v }, l)));
    s.value = value;
    return s;
  };

  function transformParams(t: Transform, id: string): HTMLElement[] {
    const opt = (v: string): string | undefined => v.trim() || undefined;
    switch (t.op) {
      case 'case':
        return [param(`${id}-to`, 'to', choice(t.to, [['lower', 'lower case'], ['upper', 'UPPER CASE'], ['title', 'Title Case']]), (v) => { t.to = v as 'lower'; })];
      case 'parseDate':
        return [param(`${id}-format`, 'pattern', text(t.format, 'ISO yyyy-MM-dd'), (v) => { t.format = opt(v); })];
      case 'parseDatetime':
        return [
          param(`${id}-format`, 'pattern', text(t.format, 'ISO 8601'), (v) => { t.format = opt(v); }),
          param(`${id}-zone`, 'zone if none', text(t.zone, '+00:00'), (v) => { t.zone = opt(v); }),
          param(`${id}-toOffset`, 'convert to', text(t.toOffset, 'keep'), (v) => { t.toOffset = opt(v); }),
        ];
      case 'formatDate':
        return [param(`${id}-format`, 'pattern', text(t.format, 'yyyy-MM-dd'), (v) => { t.format = v; })];
      case 'parseNumber':
        return [
          param(`${id}-dec`, 'decimal sep.', text(t.decimalSeparator, '.'), (v) => { t.decimalSeparator = opt(v); }),
          param(`${id}-group`, 'group sep.', text(t.groupSeparator, 'none'), (v) => { t.groupSeparator = opt(v); }),
        ];
      case 'formatNumber': {
        const n = h('input', { type: 'number', min: '0', max: '16', step: '1', value: String(t.decimalPlaces) });
        return [param(`${id}-places`, 'decimals', n, (v) => { t.decimalPlaces = Math.max(0, Number.parseInt(v, 10) || 0); })];
      }
      case 'parseBoolean':
        return [
          param(`${id}-true`, 'true words', text(t.true?.join(', '), 'true, yes, y, 1'), (v) => { t.true = words(v).length ? words(v) : undefined; }),
          param(`${id}-false`, 'false words', text(t.false?.join(', '), 'false, no, n, 0'), (v) => { t.false = words(v).length ? words(v) : undefined; }),
        ];
      case 'valueMap': {
        const area = h('textarea', { rows: String(Math.max(2, Object.keys(t.map).length + 1)), spellcheck: 'false', placeholder: 'web = Online Store\npos = Partner' });
        area.value = Object.entries(t.map).map(([k, v]) => `${k} = ${showValue(v)}`).join('\n');
        return [
          param(`${id}-map`, 'source = CRM value, one per line', area, (v) => {
            const map: Record<string, unknown> = {};
            for (const line of v.split('\n')) {
              const at = line.indexOf('=');
              if (at > 0) map[line.slice(0, at).trim()] = parseValue(line.slice(at + 1).trim());
            }
            t.map = map;
          }),
          param(`${id}-otherwise`, 'other values', choice(t.otherwise ?? 'keep', [['keep', 'keep as they are'], ['drop', 'leave the field out'], ['error', 'skip the record']]),
            (v) => { t.otherwise = v as 'keep'; }),
        ];
      }
      case 'default':
        return [param(`${id}-value`, 'value', text(showValue(t.value), 'text, or true/false/numbers'), (v) => { t.value = parseValue(v); })];
      case 'concat':
        return [
          param(`${id}-with`, 'append paths', text(t.with.join(', '), 'customer.last_name'), (v) => { t.with = words(v); }),
          param(`${id}-sep`, 'separator', text(t.separator, 'one space'), (v) => { t.separator = v === '' ? undefined : v; }),
        ];
      case 'split':
        return [param(`${id}-sep`, 'separator', text(t.separator, ','), (v) => { t.separator = v; })];
      default:
        return [];
    }
  }

  function renderRow(row: Row, i: number): HTMLElement {
    const src = h('input', { type: 'text', id: `m-src-${i}`, value: row.source, list: 'm-paths', placeholder: 'customer.email', autocomplete: 'off', spellcheck: 'false' });
    const tgt = h('select', { id: `m-tgt-${i}` });
    targetOptions(tgt, row.target);
    const badgeBox = h('span', { class: 'badge-slot' }, badges(schema?.fields.find((f) => f.apiName === row.target)));
    src.addEventListener('input', () => { row.source = src.value; update(); });
    tgt.addEventListener('change', () => {
      row.target = tgt.value;
      badgeBox.replaceChildren(badges(schema?.fields.find((f) => f.apiName === row.target)));
      update();
    });
    const remove = h('button', { type: 'button', class: 'icon', 'aria-label': `Remove field ${i + 1}`, title: 'Remove this field' }, '×');
    remove.addEventListener('click', () => {
      rows.splice(i, 1);
      renderRows();
      (document.getElementById(`m-src-${Math.min(i, rows.length - 1)}`) ?? addRow).focus();
    });

    const tfList = h('ul', { class: 'transforms' });
    row.transforms.forEach((t, j) => {
      const id = `m-tf-${i}-${j}`;
      const drop = h('button', { type: 'button', class: 'icon', 'aria-label': `Remove ${opLabel(t.op)} from field ${i + 1}`, title: 'Remove this transform' }, '×');
      drop.addEventListener('click', () => {
        row.transforms.splice(j, 1);
        renderRows();
        document.getElementById(`m-add-tf-${i}`)?.focus();
      });
      tfList.append(h('li', { class: 'transform', 'data-op': t.op },
        h('span', { class: 'tf-name' }, `${j + 1}. ${opLabel(t.op)}`),
        ...transformParams(t, id),
        drop,
        h('div', { class: 'slot', 'data-findings-for': `fields[${i}].transforms[${j}]` })));
    });
    const addTf = h('select', { id: `m-add-tf-${i}`, class: 'add-tf' }, h('option', { value: '' }, 'Add a transform…'),
      ...OPS.map((o) => h('option', { value: o.op }, o.label)));
    addTf.addEventListener('change', () => {
      const o = OPS.find((x) => x.op === addTf.value);
      if (!o) return;
      row.transforms.push(o.make());
      renderRows();
      const first = document.querySelector<HTMLElement>(`#m-tf-${i}-${row.transforms.length - 1}-to, [id^="m-tf-${i}-${row.transforms.length - 1}-"]`);
      (first ?? document.getElementById(`m-add-tf-${i}`))?.focus();
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

  function renderRows(): void {
    rowList.replaceChildren(...rows.map(renderRow));
    update();
  }

  addRow.addEventListener('click', () => {
    rows.push({ source: '', target: '', transforms: [] });
    renderRows();
    document.getElementById(`m-src-${rows.length - 1}`)?.focus();
  });

  // ── Suggestions: CRM fields for the pasted record's values, by name and type (the core decides) ─────────────────
  function showSuggestions(): void {
    const { list, note } = sampleRecords();
    const first = list?.find((r) => typeof r === 'object' && r !== null && !Array.isArray(r));
    if (!first) {
      suggestOut.replaceChildren(...(note ? [findingsList([note])] : []), h('p', { class: 'empty' }, 'Paste at least one record (a JSON object) first.'));
      return;
    }
    let found: TargetSuggestion[];
    try {
      found = api.suggestTargets(first as Record<string, unknown>, crmInput());
    } catch (e) {
      suggestOut.replaceChildren(findingsList(failureFindings(e)));
      return;
    }
    const taken = new Set(rows.map((r) => r.target).filter(Boolean));
    const fresh = found.filter((f) => !taken.has(f.target));
    if (!fresh.length) {
      suggestOut.replaceChildren(h('p', { class: 'empty' }, found.length
        ? 'Every field the record suggests is already mapped.'
        : 'No CRM field of this module matches the record\'s names and value types; map them by hand.'));
      return;
    }
    const items = fresh.map((f) => {
      const add = h('button', { type: 'button', class: 'secondary small', 'data-target': f.target }, 'Add');
      add.addEventListener('click', () => {
        // The transform the core asked for, with the same starting parameters as "Add a transform…".
        const tf = OPS.find((o) => o.op === f.transform)?.make();
        rows.push({ source: f.source, target: f.target, transforms: tf ? [tf] : [] });
        renderRows();
        add.closest('li')?.remove();
      });
      return h('li', { 'data-source': f.source },
        h('code', {}, f.source), ' → ', h('code', {}, f.target), ` (${f.dataType})`,
        f.transform ? ` after ${f.transform}` : '', ' ', add);
    });
    suggestOut.replaceChildren(h('ul', { class: 'suggestion-list' }, ...items));
  }
  suggest.addEventListener('click', showSuggestions);

  // ── Recompute: findings, preview, Deluge ────────────────────────────────────────────────────────────────────────
  function sampleRecords(): { list: unknown[] | null; note: Finding | null } {
    const t = records.value.trim();
    if (!t) return { list: null, note: null };
    let parsed: unknown;
    try {
      parsed = JSON.parse(t);
    } catch (e) {
      return { list: null, note: { code: 'preview.syntax', severity: 'error', path: 'records', message: `The sample is not valid JSON (${e instanceof Error ? e.message : String(e)}).`, fix: 'Paste a JSON array of records, e.g. [ { "email": "…" } ].' } as Finding };
    }
    if (Array.isArray(parsed)) return { list: parsed, note: null };
    if (parsed && typeof parsed === 'object') {
      const arrays = Object.entries(parsed).filter(([, v]) => Array.isArray(v));
      if (arrays.length === 1 && arrays[0]) {
        return { list: arrays[0][1] as unknown[], note: { code: 'preview.unwrapped', severity: 'info', path: 'records', message: `Using the "${arrays[0][0]}" array of the pasted object.`, fix: 'Nothing to do.' } as Finding };
      }
      return { list: [parsed], note: { code: 'preview.single', severity: 'info', path: 'records', message: 'One record (an object) was pasted; it is previewed as a list of one.', fix: 'Paste a JSON array to preview several.' } as Finding };
    }
    return { list: null, note: { code: 'preview.shape', severity: 'error', path: 'records', message: 'The sample is not a list of records.', fix: 'Paste a JSON array of objects.' } as Finding };
  }

  function showPreview(m: FieldMapping): void {
    const { list, note } = sampleRecords();
    const notes = note ? [findingsList([note])] : [];
    if (list) paths.replaceChildren(...leafPaths(list).map((p) => h('option', { value: p })));
    if (!list || !m.module || !m.fields?.length) {
      previewOut.replaceChildren(...notes, h('p', { class: 'empty' }, !list
        ? 'Paste sample records to see the exact payload Zoho would receive, record by record.'
        : 'Map at least one field to see the payload.'));
      delete panel.dataset.sent;
      return;
    }
    let p: MappingPreview;
    try {
      p = api.applyMapping(m, list as never[], crmInput());
    } catch (e) {
      const err = errorRecord(e);
      previewOut.replaceChildren(...notes, h('p', { class: 'verdict', 'data-ok': 'false' }, 'No preview yet:'),
        findingsList(err.diagnostics ?? [{ code: err.code, severity: 'error', path: '', message: err.message, fix: 'Fix the mapping above.' } as Finding]));
      delete panel.dataset.sent;
      return;
    }
    const sent = p.batches.flatMap((b) => b.data);
    const shown = sent.slice(0, 3);
    const batchWord = p.batches.length === 1 ? 'batch' : 'batches';
    const summary = h('p', { class: 'verdict', 'data-ok': String(p.skipped.length === 0) },
      `${list.length} record${list.length === 1 ? '' : 's'}: ${p.sent.length} sent in ${p.batches.length} ${batchWord}, ${p.skipped.length} skipped.`);
    const parts: Node[] = [...notes, summary];
    if (p.findings.length) {
      const table = h('table', { class: 'record-findings' },
        h('thead', {}, h('tr', {}, h('th', {}, 'Record'), h('th', {}, 'Field'), h('th', {}, 'Value'), h('th', {}, 'Why'))),
        h('tbody', {}, ...p.findings.map((f) => h('tr', { class: `finding-row ${f.severity}`, 'data-code': f.code, 'data-record': String(f.record), 'data-field': f.field },
          h('td', {}, `${f.record + 1}${p.skipped.includes(f.record) ? ' (skipped)' : ''}`),
          h('td', {}, f.field || '—'),
          h('td', { class: 'value', title: JSON.stringify(f.value) ?? '' }, short(f.value)),
          h('td', {}, h('span', { class: 'sev' }, f.severity), ' ', f.reason)))));
      parts.push(h('div', { class: 'table-wrap' }, table));
    }
    if (shown.length) {
      const which = p.sent.slice(0, shown.length).map((r) => r + 1).join(', ');
      parts.push(h('p', { class: 'hint' }, `Payload of record${shown.length === 1 ? '' : 's'} ${which}${sent.length > shown.length ? ` (first ${shown.length} of ${sent.length})` : ''}:`),
        h('pre', { class: 'payload', tabindex: '0', 'aria-label': 'CRM payload' }, JSON.stringify({ data: shown }, null, 2)));
    }
    previewOut.replaceChildren(...parts);
    panel.dataset.sent = String(p.sent.length);
    panel.dataset.skipped = String(p.skipped.length);
  }

  function showDeluge(m: FieldMapping): void {
    if (!m.module || !m.fields?.length || !schema) {
      deluge.value = '';
      deluge.placeholder = 'Map a field to get a Deluge function that does the same.';
      delugeFindings.replaceChildren();
      copyDeluge.disabled = true;
      return;
    }
    try {
      const out = api.generateMappingDeluge(m, { crmSchema: crmInput() });
      deluge.value = out.deluge ?? '';
      deluge.placeholder = 'Fix the errors below to get the Deluge.';
      copyDeluge.disabled = !out.deluge;
      delugeFindings.replaceChildren(...(out.diagnostics.length ? [findingsList(out.diagnostics)] : []));
    } catch (e) {
      const err = errorRecord(e);
      deluge.value = '';
      copyDeluge.disabled = true;
      delugeFindings.replaceChildren(findingsList(err.diagnostics ?? [{ code: err.code, severity: 'error', path: '', message: err.message, fix: 'Fix the mapping above.' } as Finding]));
    }
  }

  function update(): void {
    const m = mapping();
    const name = moduleName();
    empty.hidden = Boolean(name && rows.length);
    empty.textContent = !name
      ? 'Pick a module, then map your first field.'
      : 'Map your first field: add a row, type the source path (e.g. customer.email) and choose the CRM field it fills.';
    addRow.disabled = !schema;
    after.hidden = !name; // preview, Deluge and save follow once there is a module
    let findings: Finding[] = [];
    if (name && schema) {
      try {
        findings = api.validateMapping(m, crmInput(), undefined);
      } catch (e) {
        const err = errorRecord(e);
        findings = err.diagnostics ?? [{ code: err.code, severity: 'error', path: '', message: err.message, fix: 'Fix the mapping.' } as Finding];
      }
    }
    if (!rows.length) findings = findings.filter((d) => d.code !== 'mapping.no_fields'); // the empty state says it
    place(editor, findings, general);
    const errors = findings.filter((d) => d.severity === 'error').length;
    const warnings = findings.filter((d) => d.severity === 'warning').length;
    tally.textContent = !name || !rows.length ? '' : errors + warnings === 0 ? 'no problems found' : `${errors} error${errors === 1 ? '' : 's'}, ${warnings} warning${warnings === 1 ? '' : 's'}`;
    tally.dataset.ok = String(errors === 0);
    showPreview(m);
    showDeluge(m);
    save.disabled = !name;
    panel.dataset.rows = String(rows.length);
    panel.dataset.errors = String(errors);
    panel.dataset.ready = '1';
  }

  function schemaChanged(): void {
    loadSchema();
    renderRows();
  }
  moduleSelect.addEventListener('change', () => {
    if (!profileName.value) profileName.placeholder = `e.g. Shopify customers → ${moduleName() || 'Leads'}`;
    schemaChanged();
  });
  otherName.addEventListener('input', schemaChanged);
  reply.addEventListener('input', schemaChanged);
  records.addEventListener('input', () => showPreview(mapping()));

  // ── Profiles ────────────────────────────────────────────────────────────────────────────────────────────────────
  save.addEventListener('click', () => {
    const name = profileName.value.trim() || `${moduleName()} mapping`;
    save.disabled = true;
    saveProfile({ id: profileId, name, kind: 'mapping', data: mapping() as Record<string, unknown> })
      .then((p) => {
        profileId = p.id;
        profileName.value = p.name;
        saveOut.textContent = `Saved "${p.name}". It is listed in the Profiles tab.`;
        panel.dataset.saved = p.id;
        emit('profiles:changed', undefined);
      })
      .catch((e: unknown) => { saveOut.textContent = `Not saved: ${e instanceof Error ? e.message : String(e)}`; })
      .finally(() => { save.disabled = false; });
  });
  profileName.addEventListener('input', () => { profileId = undefined; }); // a new name saves a new profile

  function open(p: Profile): void {
    const data = p.data as FieldMapping;
    const name = typeof data.module === 'string' ? data.module : '';
    const builtIn = builtIns.find((s) => s.module.toLowerCase() === name.toLowerCase());
    // A pasted fields reply is org data, not part of the profile: keep it only for the same module.
    if (name.toLowerCase() !== moduleName().toLowerCase()) reply.value = '';
    moduleSelect.value = builtIn ? builtIn.module : name ? OTHER : '';
    otherName.value = builtIn ? '' : name;
    rows = (Array.isArray(data.fields) ? data.fields : []).map((f) => ({
      source: typeof f.source === 'string' ? f.source : '',
      target: typeof f.target === 'string' ? f.target : '',
      transforms: Array.isArray(f.transforms) ? structuredClone(f.transforms) : [],
    }));
    for (const k of Object.keys(sync) as (keyof Sync)[]) delete sync[k];
    Object.assign(sync, data.sync ?? {});
    for (const [k, sel] of syncSelects) sel.value = (sync[k] as string | undefined) ?? '';
    profileName.value = p.name;
    profileId = p.id;
    saveOut.textContent = `Opened "${p.name}".${reply.value.trim() || !name ? '' : ` Paste the ${name} fields reply if it maps custom fields.`}`;
    schemaChanged();
    panel.dataset.opened = p.id;
  }
  on('profile:open', (p) => {
    if (p.kind !== 'mapping') return;
    open(p);
    emit('tab:select', 'mapping');
  });

  loadSchema();
  renderRows();
}
