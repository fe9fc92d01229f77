// The Mapping tab's input and answers, without the DOM: what the editor holds (rows, sync rules, the module, the
// pasted sample) read as the core's input; where the generated Deluge goes; and the core calls, each answering a
// value or the findings of why it could not. ./mapping renders them and wires the events.
import type { Api } from './tabs';
import type { CrmSchemaInput, DataCenter, Finding, FieldMapping, MappingPreview, ModuleSchema, TargetSuggestion, Transform } from '../core';
import { errorRecord } from '../core';
import type { ConnectionFacts } from './follow';

export type Sync = NonNullable<FieldMapping['sync']>;
/** One row of the editor: a source path, the CRM field it fills, and the transforms in between. */
export interface Row { source: string; target: string; transforms: Transform[] }

/** The module select's value for "Another module (paste its fields)". */
export const OTHER = '__other__';

// ── Pure readers (no DOM, no core) ─────────────────────────────────────────────────────────────────────────────────

/** Text typed into a value box → JSON value: true/false/null, numbers, "quoted", [..] and {..} are JSON; the rest is text. */
export function parseValue(text: string): unknown {
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
export function showValue(v: unknown): string {
  if (typeof v === 'string') return parseValue(v) === v ? v : JSON.stringify(v);
  return JSON.stringify(v) ?? '';
}
/** `lines` of a value-map box (`web = Online Store`) → the map; lines without `=` are left out. */
export function readValueMap(text: string): Record<string, unknown> {
  const map: Record<string, unknown> = {};
  for (const line of text.split('\n')) {
    const at = line.indexOf('=');
    if (at > 0) map[line.slice(0, at).trim()] = parseValue(line.slice(at + 1).trim());
  }
  return map;
}

/** Dotted paths of the leaves of sample records (depth ≤ 3), for the source inputs' suggestions. */
export function leafPaths(records: unknown[]): string[] {
  const out = new Set<string>();
  const walk = (v: unknown, prefix: string, depth: number): void => {
    if (v && typeof v === 'object' && !Array.isArray(v) && depth < 3) {
      for (const [k, x] of Object.entries(v)) walk(x, prefix ? `${prefix}.${k}` : k, depth + 1);
    } else if (prefix) out.add(prefix);
  };
  for (const r of records.slice(0, 20)) walk(r, '', 0);
  return [...out].sort();
}

/** The pasted sample → a list of records, and a note on how it was read (or why it could not be). */
export function sampleRecords(text: string): { list: unknown[] | null; note: Finding | null } {
  const t = text.trim();
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

/** The module the editor maps to: the chosen built-in one, or the typed API name of another. */
export function moduleOf(chosen: string, otherName: string): string {
  return chosen === OTHER ? otherName.trim() : chosen;
}

/** The core's schema input: the module and, when pasted, the org's fields reply (text the core explains if bad). */
export function crmSchemaInput(module: string, replyText: string): CrmSchemaInput {
  const text = replyText.trim();
  if (!text) return { module };
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    parsed = text; // the core explains what is wrong with it
  }
  return { module, reply: parsed };
}

/** The mapping the rows and sync rules describe: blank sources, targets and transform lists are left out. */
export function fieldMapping(module: string, rows: readonly Row[], sync: Sync): FieldMapping {
  const s: Sync = {};
  for (const [k, v] of Object.entries(sync)) if (v) (s as Record<string, string>)[k] = v;
  return {
    module: module || undefined,
    fields: rows.map((r) => ({
      ...(r.source.trim() ? { source: r.source.trim() } : {}),
      ...(r.target ? { target: r.target } : {}),
      ...(r.transforms.length ? { transforms: r.transforms } : {}),
    })),
    sync: s,
  };
}

/** A stored mapping profile → what the editor shows: the module (built-in or other), its rows and sync rules. */
export function editorOf(data: FieldMapping, builtIns: readonly ModuleSchema[]): { chosen: string; otherName: string; module: string; rows: Row[]; sync: Sync } {
  const module = typeof data.module === 'string' ? data.module : '';
  const builtIn = builtIns.find((s) => s.module.toLowerCase() === module.toLowerCase());
  return {
    chosen: builtIn ? builtIn.module : module ? OTHER : '',
    otherName: builtIn ? '' : module,
    module,
    rows: (Array.isArray(data.fields) ? data.fields : []).map((f) => ({
      source: typeof f.source === 'string' ? f.source : '',
      target: typeof f.target === 'string' ? f.target : '',
      transforms: Array.isArray(f.transforms) ? structuredClone(f.transforms) : [],
    })),
    sync: { ...(data.sync ?? {}) },
  };
}

/** Where the generated Deluge sends the record: a data center (its API domain) and a connection link name. */
export interface DelugeTarget { dataCenter: string; connection: string }

/**
 * The generator's options for a target: the chosen data center's API domain (from the core's registry) and the link
 * name; absent values leave the core's defaults.
 *
 * ```ts
 * delugeOptions({ dataCenter: 'eu', connection: 'zoho_crm_eu' }, centers)
 * // → { apiDomain: 'https://www.zohoapis.eu', connection: 'zoho_crm_eu' }
 * ```
 */
export function delugeOptions(target: DelugeTarget, centers: readonly DataCenter[]): { apiDomain?: string; connection?: string } {
  const apiDomain = centers.find((c) => c.id === target.dataCenter)?.apiDomain?.value;
  const connection = target.connection.trim();
  return { ...(apiDomain ? { apiDomain } : {}), ...(connection ? { connection } : {}) };
}

/** What the Deluge section says about where its target came from. */
export function targetNote(facts: ConnectionFacts, target: DelugeTarget): string {
  const name = facts.serviceName ? `"${facts.serviceName}"` : 'the Connection tab\'s connection';
  const parts: string[] = [];
  if (facts.dataCenter) {
    const dc = facts.dataCenter.toUpperCase();
    const from = facts.dataCenterGiven ? '' : ' (read from its URLs)';
    parts.push(target.dataCenter === facts.dataCenter ? `Data center ${dc} from ${name}${from}.` : `Data center changed here; ${name} is on ${dc}${from}.`);
  } else if (!target.dataCenter) {
    parts.push('Choose the data center your Zoho account is on (or fill in the Connection tab): the Deluge calls its API domain.');
  }
  if (facts.provider === 'external') {
    parts.push(`${name[0]?.toUpperCase()}${name.slice(1)} is to an external service: give the link name of a Zoho CRM connection.`);
  } else if (facts.linkName) {
    parts.push(target.connection === facts.linkName ? `Link name ${facts.linkName} from ${name}.` : `Link name changed here; ${name} uses ${facts.linkName}.`);
  }
  return parts.join(' ');
}

/** The link name the current connection offers the mapping: only a connection to Zoho can call the CRM. */
export function offeredLinkName(facts: ConnectionFacts): string {
  return facts.provider === 'external' ? '' : (facts.linkName ?? '');
}

/** The count above the rows: errors and warnings, or that there are none. */
export function tallyText(findings: readonly Finding[], hasRows: boolean): string {
  if (!hasRows) return '';
  const errors = findings.filter((d) => d.severity === 'error').length;
  const warnings = findings.filter((d) => d.severity === 'warning').length;
  return errors + warnings === 0 ? 'no problems found' : `${errors} error${errors === 1 ? '' : 's'}, ${warnings} warning${warnings === 1 ? '' : 's'}`;
}

// ── Core calls: each answers a value, or the findings of why it could not ──────────────────────────────────────────

export type MappingApi = Pick<Api, 'resolveCrmSchema' | 'validateMapping' | 'applyMapping' | 'generateMappingDeluge' | 'suggestTargets'>;
/** What a failed core call says: its own findings, or one made of its code and message with this path and fix. */
function failed(e: unknown, path: string, fix: string): Finding[] {
  const err = errorRecord(e);
  return err.diagnostics ?? [{ code: err.code, severity: 'error', path, message: err.message, fix } as Finding];
}

/** The module's fields (built-in or from the pasted reply), a status line and the findings about them. */
export function resolveSchema(api: MappingApi, crm: CrmSchemaInput, otherChosen: boolean): { schema: ModuleSchema | null; status: string; findings: Finding[] } {
  if (!crm.module) return { schema: null, status: otherChosen ? 'Type the module\'s API name and paste its fields.' : '', findings: [] };
  try {
    const r = api.resolveCrmSchema(crm);
    const mandatory = r.schema.fields.filter((f) => f.mandatory).map((f) => f.apiName);
    const status = `${r.schema.module}: ${r.schema.fields.length} fields (${r.schema.builtIn ? 'built-in standard fields' : 'from your pasted reply'})`
      + (mandatory.length ? `; required: ${mandatory.join(', ')}` : '');
    return { schema: r.schema, status, findings: r.diagnostics };
  } catch (e) {
    return { schema: null, status: 'No field list to map to yet.', findings: failed(e, 'module', 'Pick a built-in module or paste the fields reply.') };
  }
}

/** The core's findings on the mapping (none before there is a module and its fields). */
export function checkMapping(api: MappingApi, m: FieldMapping, crm: CrmSchemaInput, schema: ModuleSchema | null, hasRows: boolean): Finding[] {
  if (!crm.module || !schema) return [];
  let findings: Finding[];
  try {
    findings = api.validateMapping(m, crm, undefined);
  } catch (e) {
    findings = failed(e, '', 'Fix the mapping.');
  }
  return hasRows ? findings : findings.filter((d) => d.code !== 'mapping.no_fields'); // the empty state says it
}

/** The payload Zoho would receive for the sample records, or why there is none. */
export function previewMapping(api: MappingApi, m: FieldMapping, list: unknown[], crm: CrmSchemaInput): { preview: MappingPreview } | { findings: Finding[] } {
  try {
    return { preview: api.applyMapping(m, list as never[], crm) };
  } catch (e) {
    return { findings: failed(e, '', 'Fix the mapping above.') };
  }
}

/** The generator's answer; its findings may also be the extension's own (a failed call). */
export type DelugeAnswer = { deluge?: string; diagnostics: Finding[] };

/** The Deluge function of the mapping for a target, checked by the core's Deluge checker. */
export function mappingDeluge(api: MappingApi, m: FieldMapping, crm: CrmSchemaInput, options: { apiDomain?: string; connection?: string }): DelugeAnswer {
  try {
    return api.generateMappingDeluge(m, { crmSchema: crm, ...options });
  } catch (e) {
    return { diagnostics: failed(e, '', 'Fix the mapping above.') };
  }
}

/** The CRM fields the core suggests for a sample record's values, by name and type. */
export function suggestTargets(api: MappingApi, record: Record<string, unknown>, crm: CrmSchemaInput): { suggestions: TargetSuggestion[] } | { findings: Finding[] } {
  try {
    return { suggestions: api.suggestTargets(record, crm) };
  } catch (e) {
    return { findings: failed(e, '', 'Check the input; if it looks right, report this message.') };
  }
}
