// Benchmark piece of `npm run bench` (issues 5/8/17): a 30-field mapping applied to 10,000 generated Shopify-like
// customers through the npm API, against the best plain-JS implementation of the same job written here (compiled
// once, same transforms and checks, same sentences): measured two ways in one run, objects in/out
// (`applyMapping`) and JSON text in/out (`applyMappingJson`), interleaved, medians of repeated runs. The answers
// must be byte-identical (`JSON.stringify`), or the bench stops. A figure, never pass/fail.
import { loadavg } from 'node:os';

const PICK = { Lead_Source: ['-None-', 'Online Store', 'Partner', 'Advertisement'], Lead_Status: ['-None-', 'Not Contacted', 'Contacted', 'Qualified'], Interests: ['Shoes', 'Bags', 'Accessories', 'Hats'] };

/** The CRM side: a `GET /settings/fields` reply with 30 fields (api_name, data_type, length, picklists). */
const FIELDS = [
  ['Last_Name', 'text', 80, true], ['First_Name', 'text', 40], ['Email', 'email', 100], ['Phone', 'phone', 30],
  ['Mobile', 'phone', 30], ['Company', 'text', 200], ['Lead_Source', 'picklist', 120], ['Lead_Status', 'picklist', 120],
  ['Annual_Revenue', 'currency', 16], ['No_of_Employees', 'integer', 9], ['Email_Opt_Out', 'boolean'],
  ['First_Order_Date', 'date'], ['Last_Order_Date', 'date'], ['Interests', 'multiselectpicklist'], ['Street', 'text', 250],
  ['City', 'text', 100], ['State', 'text', 100], ['Zip_Code', 'text', 30], ['Country', 'text', 100], ['Website', 'website', 255],
  ['Description', 'textarea', 32000], ['Orders_Count', 'integer', 9], ['Currency_Code', 'text', 3], ['Verified_Email', 'boolean'],
  ['Tax_Exempt', 'boolean'], ['Shopify_Id', 'text', 30], ['Full_Name', 'text', 120], ['Language', 'text', 10],
  ['Secondary_Email', 'email', 100], ['Total_Spent', 'currency', 16],
];
export const REPLY = {
  fields: FIELDS.map(([api, type, length, mandatory], i) => ({
    api_name: api, data_type: type, field_label: api.replace(/_/g, ' '), id: String(5843104000000003000 + i),
    system_mandatory: Boolean(mandatory), read_only: false, ...(length ? { length } : {}),
    ...(PICK[api] ? { pick_list_values: PICK[api].map((v) => ({ display_value: v, actual_value: v })) } : {}),
  })),
};

const f = (source, target, ...transforms) => ({ source, target, ...(transforms.length ? { transforms } : {}) });
const trim = { op: 'trim' };
const lower = { op: 'case', to: 'lower' };
const upper = { op: 'case', to: 'upper' };
const ymd = { op: 'formatDate', format: 'yyyy-MM-dd' };
export const MAPPING = {
  module: 'Leads',
  fields: [
    f('last_name', 'Last_Name', trim), f('first_name', 'First_Name', trim), f('email', 'Email', trim, lower),
    f('phone', 'Phone', trim), f('default_address.phone', 'Mobile', trim),
    f('default_address.company', 'Company', trim, { op: 'default', value: '(none)' }),
    f('source_name', 'Lead_Source', { op: 'valueMap', map: { web: 'Online Store', pos: 'Partner', ads: 'Advertisement' } }),
    f('state', 'Lead_Status', { op: 'valueMap', map: { enabled: 'Contacted', disabled: 'Not Contacted', invited: 'Qualified' }, otherwise: 'error' }),
    f('total_spent', 'Annual_Revenue', { op: 'parseNumber', groupSeparator: ',' }),
    f('employees', 'No_of_Employees'),
    f('accepts_marketing', 'Email_Opt_Out', { op: 'valueMap', map: { true: false, false: true } }),
    f('created_at', 'First_Order_Date', ymd), f('updated_at', 'Last_Order_Date', ymd),
    f('tags', 'Interests', { op: 'split', separator: ',' }),
    f('default_address.address1', 'Street', trim), f('default_address.city', 'City', trim),
    f('default_address.province', 'State', trim), f('default_address.zip', 'Zip_Code', trim),
    f('default_address.country_code', 'Country', upper), f('website', 'Website', trim), f('note', 'Description', trim),
    f('orders_count', 'Orders_Count'), f('currency', 'Currency_Code', upper), f('verified_email', 'Verified_Email'),
    f('tax_exempt', 'Tax_Exempt', { op: 'parseBoolean' }), f('id', 'Shopify_Id', trim),
    f('first_name', 'Full_Name', trim, { op: 'concat', with: ['last_name'], separator: ' ' }),
    f('locale', 'Language', lower), f('secondary_email', 'Secondary_Email', trim, lower),
    f('total_spent', 'Total_Spent', { op: 'parseNumber', groupSeparator: ',' }, { op: 'formatNumber', decimalPlaces: 1 }),
  ],
  sync: { direction: 'toCrm', trigger: 'onChange' },
};

/** Deterministic Shopify-like customers; every 97th has an unreadable date, every 211th an unknown state. */
export function customers(n) {
  const first = ['Ana', ' Kenji', 'Lena ', 'Omar', 'Priya', 'Chen', 'Sofia', 'Jonas'];
  const last = ['Silva', 'Ito', 'Meyer', 'Haddad', 'Rao', 'Wang', 'García', 'Berg'];
  const tags = ['Shoes, Bags', 'Accessories', 'Hats,Shoes', '', 'Bags'];
  const out = [];
  for (let i = 0; i < n; i++) {
    const fn = first[i % 8];
    const ln = last[(i * 3) % 8];
    const day = String((i % 28) + 1).padStart(2, '0');
    const month = String((i % 12) + 1).padStart(2, '0');
    out.push({
      id: String(7390912345000 + i), email: `  ${fn.trim()}.${ln}${i}@Example.COM `, first_name: fn, last_name: ln,
      phone: `+1 555 ${String(1000 + (i % 9000))}`, accepts_marketing: i % 3 === 0,
      created_at: i % 97 === 5 ? 'n/a' : `2023-${month}-${day}T10:15:00-04:00`, updated_at: `2024-${month}-${day}T08:00:00+02:00`,
      state: i % 211 === 7 ? 'declined' : ['enabled', 'disabled', 'invited'][i % 3],
      total_spent: i % 5 === 0 ? `${1 + (i % 9)},${String(i % 1000).padStart(3, '0')}.50` : `${(i % 500) + 0.25}`,
      orders_count: i % 40, employees: (i % 200) + 1, verified_email: i % 4 !== 0, tax_exempt: i % 6 === 0 ? 'yes' : 'no',
      source_name: ['web', 'pos', 'ads'][i % 3], tags: tags[i % 5], note: i % 2 ? ` Customer since ${2015 + (i % 9)} ` : null,
      currency: ['usd', 'eur', 'gbp'][i % 3], locale: ['en-US', 'DE', 'fr'][i % 3],
      ...(i % 4 === 0 ? { secondary_email: ` Alt${i}@Mail.example ` } : {}),
      ...(i % 7 ? { website: `https://shop${i}.example.com` } : {}),
      default_address: { company: i % 3 ? `Company ${i % 50}` : '', address1: ` ${i} Main St `, city: 'Springfield ', province: 'Ohio',
        zip: ` ${String(40000 + i).slice(0, 5)} `, country_code: ['us', 'de', 'fr'][i % 3], phone: i % 2 ? null : `+49 30 ${1000 + i}` },
    });
  }
  return out;
}

// ── The same job in plain JavaScript, as a good JS developer would write it (issue 17) ───────────────────────────
// The mapping is compiled once (paths split, transforms and field checks turned into closures, output keys sorted
// as the npm API writes them); per record it reads each path with a loop, keeps the values in one reused array,
// builds the output object in key order, and reports errors by return value (no throw/catch). It does the checks
// applyMapping does on this data (lengths, email shape, phone letters, picklists, whole numbers, digits, blank and
// mandatory values) with the same sentences, so `JSON.stringify` of both answers is byte-identical (asserted below).
// The core's answer names its source by registry id (crate/data/sources.json), as every finding does.
const BATCH_SOURCE = 'zoho-crm-v8-insert-records';
const ISO = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?(Z|[+-]\d{2}:\d{2})?)?$/;
const NUMBER = /^[+-]?(?:\d+\.?\d*|\.\d+)$/;
const FAIL = Symbol('fail');
let failCode = '';
let failReason = '';
const fail = (code, reason) => { failCode = code; failReason = reason; return FAIL; };
const blank = (v) => (typeof v === 'string' ? v.trim() === '' : Array.isArray(v) && v.length === 0);
const asText = (v) => (typeof v === 'string' ? v : typeof v === 'number' || typeof v === 'boolean' ? String(v) : undefined);
const daysIn = (y, m) => (m === 2 ? ((y % 4 === 0 && y % 100 !== 0) || y % 400 === 0 ? 29 : 28) : [4, 6, 9, 11].includes(m) ? 30 : 31);
function isoDate(text) {
  const m = ISO.exec(text.trim());
  if (!m) return null;
  const mo = +m[2], d = +m[3];
  return mo >= 1 && mo <= 12 && d >= 1 && d <= daysIn(+m[1], mo) ? m : null;
}
const readPath = (parts) => (parts.length === 1 ? (rec) => rec[parts[0]] : (rec) => {
  let v = rec;
  for (let i = 0; i < parts.length; i++) {
    if (v === null || typeof v !== 'object' || Array.isArray(v)) return undefined;
    v = v[parts[i]];
  }
  return v;
});

/** A transform as a function of (value, record) → value | undefined (no value) | FAIL. */
function compileTransform(t) {
  switch (t.op) {
    case 'trim': return (v) => (typeof v === 'string' ? v.trim() : v);
    case 'case': return t.to === 'upper' ? (v) => (typeof v === 'string' ? v.toUpperCase() : v) : (v) => (typeof v === 'string' ? v.toLowerCase() : v);
    case 'default': return (v) => (v === undefined || blank(v) ? (t.value ?? undefined) : v);
    case 'valueMap': {
      const map = new Map(Object.entries(t.map));
      return (v) => {
        if (v === undefined) return v;
        const key = asText(v) ?? '';
        const hit = map.has(key) ? map.get(key) : map.get(key.trim());
        if (hit !== undefined) return hit ?? undefined;
        if (t.otherwise === 'error') return fail('apply.unmapped_value', `valueMap: \`${key}\` is not in the value map`);
        return t.otherwise === 'drop' ? undefined : v;
      };
    }
    case 'parseNumber': {
      const group = t.groupSeparator ? t.groupSeparator.trim() : '';
      return (v) => {
        if (typeof v === 'number' || v === undefined) return v;
        if (typeof v !== 'string') return fail('apply.bad_number', `parseNumber: ${typeof v === 'boolean' ? 'a boolean' : 'an object'} is not a number`);
        const text = (group ? v.replaceAll(group, '') : v).trim();
        return NUMBER.test(text) ? Number(text) : fail('apply.bad_number', `parseNumber: \`${v}\` is not a number`);
      };
    }
    case 'formatNumber': {
      const scale = 10 ** t.decimalPlaces;
      return (v) => (typeof v === 'number' ? Math.sign(v) * Math.round(Math.abs(v) * scale) / scale
        : v === undefined ? v : fail('apply.bad_number', 'formatNumber: a text is not a number (add parseNumber first)'));
    }
    case 'formatDate':
      if (t.format !== 'yyyy-MM-dd') throw new Error('the bench uses formatDate yyyy-MM-dd only');
      return (v) => {
        if (typeof v !== 'string') return v;
        return isoDate(v) ? v.trim().slice(0, 10)
          : fail('apply.bad_date', `formatDate: \`${v.trim()}\` is not an ISO 8601 date or date-time (yyyy-MM-dd or yyyy-MM-ddTHH:mm:ss±HH:mm)`);
      };
    case 'split': return (v) => {
      if (typeof v !== 'string') return v;
      const out = [];
      for (const part of v.split(t.separator)) { const p = part.trim(); if (p) out.push(p); }
      return out;
    };
    case 'parseBoolean': {
      const yes = new Set(t.trueWords ?? ['true', 'yes', 'y', '1']);
      const no = new Set(t.falseWords ?? ['false', 'no', 'n', '0']);
      return (v) => {
        if (typeof v === 'boolean' || v === undefined) return v;
        const w = (asText(v) ?? '').trim().toLowerCase();
        return yes.has(w) ? true : no.has(w) ? false : fail('apply.bad_boolean', `parseBoolean: \`${w}\` is not one of the true or false words`);
      };
    }
    case 'concat': {
      const others = t.with.map((p) => readPath(p.split('.')));
      const sep = t.separator ?? ' ';
      return (v, rec) => {
        let out;
        const add = (x) => {
          const text = asText(x);
          if (text === undefined || text.trim() === '') return;
          out = out === undefined ? text : out + sep + text;
        };
        add(v);
        for (const read of others) add(read(rec));
        return out;
      };
    }
    default: throw new Error(`the bench mapping does not use ${t.op}`);
  }
}

const EMAIL = (s) => {
  const at = s.indexOf('@');
  if (at <= 0) return false;
  const domain = s.slice(at + 1);
  return !domain.includes('@') && domain.includes('.') && !domain.startsWith('.') && !domain.endsWith('.') && !/\s/.test(s);
};
const kind = (v) => (typeof v === 'string' ? 'a text' : typeof v === 'number' ? 'a number' : typeof v === 'boolean' ? 'a boolean' : Array.isArray(v) ? 'an array' : 'an object');

/** The check of a CRM field: value → value to send | FAIL; notes pushed as [code, reason]. */
function compileCheck(api, { type, length }, picklist) {
  const allowed = picklist ? new Set(picklist.filter((p) => p !== '-None-')) : null;
  const pickNote = (x, notes) => { if (allowed && !allowed.has(x)) notes.push(['apply.picklist_value', `\`${x}\` is not in the picklist of ${api}; Zoho stores it as a new value`]); };
  switch (type) {
    case 'text': case 'textarea': case 'phone': case 'website': case 'email': case 'picklist': {
      const max = length ?? (type === 'text' ? 255 : type === 'textarea' ? 32000 : type === 'phone' ? 30 : undefined);
      return (v, notes) => {
        if (typeof v === 'boolean') return fail('apply.needs_transform', `a boolean cannot go into a ${type} field without the \`valueMap\` transform`);
        const s = asText(v);
        if (s === undefined) return fail('apply.incompatible', `${kind(v)} cannot go into a ${type} field`);
        if (max !== undefined && s.length > max) {
          const chars = [...s].length;
          if (chars > max) return fail('apply.too_long', `${chars} characters; ${api} takes ${max}`);
        }
        if (type === 'email' && !EMAIL(s)) return fail('apply.bad_email', `\`${s}\` is not an email address`);
        if (type === 'phone' && /\p{L}/u.test(s)) notes.push(['apply.phone_characters', `\`${s}\` has letters; Zoho phone fields take digits and +`]);
        if (type === 'picklist') pickNote(s, notes);
        return s;
      };
    }
    case 'multiselectpicklist': return (v, notes) => {
      if (!Array.isArray(v)) return fail('apply.needs_array', `${kind(v)} cannot go into a multiselectpicklist field without the \`split\` transform`);
      for (const x of v) pickNote(x, notes);
      return v;
    };
    case 'integer': return (v) => {
      if (typeof v !== 'number') return fail('apply.needs_transform', `${kind(v)} cannot go into a integer field without the \`parseNumber\` transform`);
      if (!Number.isInteger(v)) return fail('apply.not_integer', `${v} is not a whole number; a integer field takes whole numbers only (map it to a decimal or currency field, or correct the source value)`);
      return String(Math.abs(v)).length > 9 ? fail('apply.too_many_digits', `${v} has ${String(Math.abs(v)).length} digits; a integer field takes 9`) : v;
    };
    case 'currency': return (v) => (typeof v === 'number' ? v : fail('apply.needs_transform', `${kind(v)} cannot go into a currency field without the \`parseNumber\` transform`));
    case 'boolean': return (v) => (typeof v === 'boolean' ? v : fail('apply.needs_transform', `${kind(v)} cannot go into a boolean field without the \`parseBoolean\` transform`));
    case 'date': return (v) => {
      const m = typeof v === 'string' ? isoDate(v) : null;
      if (!m) return fail('apply.bad_date', `\`${String(v).trim()}\` is not an ISO 8601 date or date-time (yyyy-MM-dd or yyyy-MM-ddTHH:mm:ss±HH:mm); add parseDate with the source's pattern`);
      if (m[4] !== undefined) return fail('apply.needs_transform', 'a text cannot go into a date field without the `formatDate` transform');
      return v.length === 10 ? v : `${m[1]}-${m[2]}-${m[3]}`;
    };
    default: throw new Error(`the bench does not use ${type} fields`);
  }
}

/** Compiles a mapping against the bench's CRM fields once. */
export function compilePlain(mapping) {
  const keys = [...new Set(mapping.fields.map((m) => m.target).filter((t) => TYPES[t]))].sort();
  const fields = mapping.fields.filter((m) => TYPES[m.target]).map((m) => ({
    target: m.target,
    slot: keys.indexOf(m.target),
    read: readPath(m.source.split('.')),
    steps: (m.transforms ?? []).map(compileTransform),
    check: compileCheck(m.target, TYPES[m.target], PICK[m.target]),
    mandatory: TYPES[m.target].mandatory,
    keepsBlank: ['text', 'textarea', 'mediumtext'].includes(TYPES[m.target].type),
    type: TYPES[m.target].type,
  }));
  const mandatory = Object.entries(TYPES).filter(([, t]) => t.mandatory).map(([api]) => [api, keys.indexOf(api)]);
  return { keys, fields, mandatory };
}

/** Objects in, objects out: the same answer as `zck.applyMapping(mapping, records, crm)`. */
export function applyPlain(plan, records) {
  const { keys, fields, mandatory } = plan;
  const findings = [];
  const sent = [];
  const skipped = [];
  const batches = [];
  let batch = null;
  const values = new Array(keys.length);
  const notes = [];
  for (let index = 0; index < records.length; index++) {
    const rec = records[index];
    const before = findings.length;
    let failed = false;
    values.fill(undefined);
    for (let f = 0; f < fields.length; f++) {
      const field = fields[f];
      let v = field.read(rec);
      if (v === null) v = undefined;
      let bad = false;
      for (let s = 0; s < field.steps.length; s++) {
        const next = field.steps[s](v, rec);
        if (next === FAIL) {
          findings.push({ record: index, field: field.target, value: v ?? null, reason: failReason, code: failCode, severity: 'error' });
          bad = failed = true;
          break;
        }
        v = next;
      }
      if (bad || v === undefined || v === null) continue;
      if (blank(v)) {
        if (field.mandatory) {
          findings.push({ record: index, field: field.target, value: v, reason: `the mandatory field ${field.target} is blank; Zoho answers MANDATORY_NOT_FOUND (give a value or a \`default\`)`, code: 'apply.mandatory_blank', severity: 'error' });
          failed = true;
          continue;
        }
        if (!field.keepsBlank) {
          findings.push({ record: index, field: field.target, value: v, reason: `blank: left out of the record (${field.type} takes no empty text)`, code: 'apply.blank_left_out', severity: 'info' });
          continue;
        }
      }
      notes.length = 0;
      const out = field.check(v, notes);
      if (out === FAIL) {
        findings.push({ record: index, field: field.target, value: v, reason: failReason, code: failCode, severity: 'error' });
        failed = true;
        continue;
      }
      for (let n = 0; n < notes.length; n++) {
        findings.push({ record: index, field: field.target, value: v, reason: notes[n][1], code: notes[n][0], severity: 'warning' });
      }
      values[field.slot] = out;
    }
    for (let m = 0; m < mandatory.length; m++) {
      const [api, slot] = mandatory[m];
      if (slot >= 0 && values[slot] !== undefined) continue;
      let reported = false;
      for (let x = before; x < findings.length; x++) if (findings[x].field === api) { reported = true; break; }
      if (!reported) {
        findings.push({ record: index, field: api, value: null, reason: `the mandatory field ${api} has no value`, code: 'apply.mandatory_missing', severity: 'error' });
        failed = true;
      }
    }
    if (failed) { skipped.push(index); continue; }
    const row = {};
    for (let k = 0; k < keys.length; k++) if (values[k] !== undefined) row[keys[k]] = values[k];
    if (sent.length % 100 === 0) { batch = []; batches.push({ data: batch }); }
    batch.push(row);
    sent.push(index);
  }
  return { batches, sent, skipped, findings, mappingFindings: [], batchSource: BATCH_SOURCE };
}

/** JSON text in, JSON text out: the same text as `zck.applyMappingJson(mapping, text, crm)`. */
export const applyPlainText = (plan, text) => JSON.stringify(applyPlain(plan, JSON.parse(text)));

const TYPES = Object.fromEntries(FIELDS.map(([api, type, length, mandatory]) => [api, { type, length, mandatory: Boolean(mandatory) }]));

/** Runs both ways, interleaved, `runs` times each; adds the figures with `add(figure, value, unit, note)`. */
export function benchMapping(zck, add, median, { records = 10_000, runs = 9 } = {}) {
  const input = customers(records);
  const text = JSON.stringify(input);
  const crm = { module: 'Leads', reply: REPLY };
  const plan = compilePlain(MAPPING);
  const ways = {
    objects: { wasm: () => zck.applyMapping(MAPPING, input, crm), plain: () => applyPlain(plan, input) },
    text: { wasm: () => zck.applyMappingJson(MAPPING, text, crm), plain: () => applyPlainText(plan, text) },
  };
  // Same work: byte-identical answers, both ways.
  const a = JSON.stringify(ways.objects.wasm());
  if (a !== JSON.stringify(ways.objects.plain())) throw new Error('bench-mapping: objects in/out: the plain JS answer differs from applyMapping');
  if (ways.text.wasm() !== ways.text.plain() || ways.text.wasm() !== a) throw new Error('bench-mapping: text in/out: the answers differ');
  const times = { objects: { wasm: [], plain: [] }, text: { wasm: [], plain: [] } };
  for (let i = 0; i < runs; i++) {
    for (const way of ['objects', 'text']) {
      for (const who of i % 2 ? ['plain', 'wasm'] : ['wasm', 'plain']) {
        const t = performance.now();
        ways[way][who]();
        times[way][who].push(performance.now() - t);
      }
    }
  }
  const answer = JSON.parse(a);
  const note = `30 fields × ${records.toLocaleString('en')} records, median of ${runs}; ${answer.sent.length} sent, ${answer.skipped.length} skipped, ${answer.findings.length} findings; answers byte-identical`;
  const out = {};
  for (const [way, label, goal] of [['objects', 'objects in/out: applyMapping', '≥ 1.0×'], ['text', 'JSON text in/out: applyMappingJson', '≥ 1.5×']]) {
    const mw = median(times[way].wasm);
    const mp = median(times[way].plain);
    add(`${label} / plain JS`, `${mw.toFixed(1)} / ${mp.toFixed(1)}`, 'ms', note);
    add(`  ${way}: npm speed vs plain JS`, +(mp / mw).toFixed(2), '×', `plain ms / npm ms (>1 = npm faster); issue 17 goal ${goal}; load avg ${loadavg()[0].toFixed(1)}`);
    out[way] = { wasmMs: mw, plainMs: mp };
  }
  // Where the objects way spends its time outside Wasm: JSON text across the boundary, JS side only.
  const tj = [];
  for (let i = 0; i < runs; i++) {
    const t = performance.now();
    JSON.stringify(input);
    JSON.parse(a);
    tj.push(performance.now() - t);
  }
  add('  objects: of which JSON.stringify in + JSON.parse out', +median(tj).toFixed(1), 'ms', `the answer is ${(a.length / 2 ** 20).toFixed(1)} MiB of JSON`);
  add('applyMappingJson throughput', Math.round(records / (out.text.wasmMs / 1000)), 'records/s', note);
  return out;
}

// `node scripts/bench-mapping.mjs [runs]`: this piece alone (the package must be built), printed as a table.
if (process.argv[1] && import.meta.url === new URL(`file://${process.argv[1]}`).href) {
  const { createRequire } = await import('node:module');
  const zck = createRequire(import.meta.url)('../pkg/node/zoho_connector_kit.js');
  const median = (xs) => { const s = [...xs].sort((a, b) => a - b); return s[Math.floor(s.length / 2)]; };
  const runs = Number(process.argv[2]) || 9;
  benchMapping(zck, (figure, value, unit, note) => console.log(`${figure.padEnd(52)} ${String(value).padStart(14)} ${unit.padEnd(9)} ${note}`), median, { runs });
}
