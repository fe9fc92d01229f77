// Benchmark piece of `npm run bench` (issue 5/8): a 30-field mapping applied to 10,000 generated Shopify-like
// customers through the npm API (`applyMapping`, JSON across the boundary included), against a plain-JS
// implementation of the same mapping written here (same transforms, same checks on this data, same output shape:
// {"data":[…]} batches of 100, sent, skipped, per-record findings). Both run in the same process, interleaved;
// medians of repeated runs. A figure, never pass/fail. The outputs are compared so the ratio compares equal work.
import { deepStrictEqual } from 'node:assert/strict';
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

// ── The same mapping in plain JavaScript ──────────────────────────────────────────────────────────────────────────
const TYPES = Object.fromEntries(FIELDS.map(([api, type, length, mandatory]) => [api, { type, length, mandatory: Boolean(mandatory) }]));
const get = (rec, path) => path.split('.').reduce((v, k) => (v && typeof v === 'object' ? v[k] : undefined), rec);
const present = (v) => v !== undefined && v !== null && v !== '';
const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2}))?(?:Z|[+-]\d{2}:\d{2})?)?$/;
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
const sentence = (text) => text;

function transform(t, v, rec) {
  switch (t.op) {
    case 'trim': return typeof v === 'string' ? v.trim() : v;
    case 'case': return typeof v === 'string' ? (t.to === 'upper' ? v.toUpperCase() : v.toLowerCase()) : v;
    case 'default': return present(v) ? v : t.value;
    case 'valueMap': {
      if (v === undefined) return v;
      const key = typeof v === 'string' ? v : JSON.stringify(v);
      if (Object.hasOwn(t.map, key)) return t.map[key];
      if (t.otherwise === 'error') throw ['apply.unmapped_value', `valueMap: \`${key}\` is not in the value map`];
      return t.otherwise === 'drop' ? undefined : v;
    }
    case 'parseNumber': {
      if (typeof v !== 'string') return v;
      const n = Number(v.split(t.groupSeparator ?? '\u0000').join('').replace(t.decimalSeparator ?? '.', '.'));
      if (!Number.isFinite(n)) throw ['apply.bad_number', `parseNumber: \`${v}\` is not a number`];
      return n;
    }
    case 'formatNumber': return typeof v === 'number' ? Math.sign(v) * Math.round(Math.abs(v) * 10 ** t.decimalPlaces) / 10 ** t.decimalPlaces : v;
    case 'formatDate': {
      if (!present(v)) return v;
      const m = ISO_DATE.exec(String(v));
      if (!m) throw ['apply.bad_date', `formatDate: \`${v}\` is not an ISO 8601 date or date-time`];
      return `${m[1]}-${m[2]}-${m[3]}`;
    }
    case 'split': return typeof v === 'string' ? v.split(t.separator).map((s) => s.trim()).filter(Boolean) : v;
    case 'parseBoolean': {
      const s = String(v).toLowerCase();
      if (['true', 'yes', 'y', '1'].includes(s)) return true;
      if (['false', 'no', 'n', '0'].includes(s)) return false;
      throw ['apply.bad_boolean', `parseBoolean: \`${v}\` is not a yes/no word`];
    }
    case 'concat': {
      const parts = [v, ...t.with.map((p) => get(rec, p))].filter(present);
      return parts.length ? parts.join(t.separator ?? ' ') : undefined;
    }
    default: throw ['apply.unsupported', t.op];
  }
}

/** Checks and converts a value to the JSON the CRM field takes (errors skip the record, notes are warnings). */
function toCrm(v, api, notes) {
  const { type, length } = TYPES[api];
  switch (type) {
    case 'text': case 'textarea': case 'phone': case 'website': case 'email': {
      const s = typeof v === 'string' ? v : String(v);
      if (length && [...s].length > length) throw ['apply.too_long', `${s.length} characters; ${api} takes ${length}`];
      if (type === 'email' && !EMAIL.test(s)) throw ['apply.bad_email', `\`${s}\` is not an email address`];
      return s;
    }
    case 'picklist':
      if (!PICK[api].includes(v)) notes.push(['apply.picklist_value', `\`${v}\` is not in the picklist of ${api}`]);
      return String(v);
    case 'multiselectpicklist':
      for (const x of v) if (!PICK[api].includes(x)) notes.push(['apply.picklist_value', `\`${x}\` is not in the picklist of ${api}`]);
      return v;
    case 'integer':
      if (!Number.isInteger(v)) throw ['apply.not_integer', `${v} is not an integer`];
      return v;
    case 'currency':
      if (typeof v !== 'number') throw ['apply.not_number', `${v} is not a number`];
      return v;
    case 'boolean':
      if (typeof v !== 'boolean') throw ['apply.needs_transform', `${v} is not a boolean`];
      return v;
    case 'date':
      if (!/^\d{4}-\d{2}-\d{2}$/.test(v)) throw ['apply.bad_date', `${v} is not yyyy-MM-dd`];
      return v;
    default: return v;
  }
}

export function applyPlain(mapping, records) {
  const findings = [];
  const sent = [];
  const skipped = [];
  const rows = [];
  records.forEach((rec, index) => {
    const row = {};
    let failed = false;
    const add = (field, value, code, reason, severity) => {
      findings.push({ record: index, field, value: value ?? null, reason: sentence(reason), code, severity });
      if (severity === 'error') failed = true;
    };
    for (const m of mapping.fields) {
      let v = get(rec, m.source);
      if (v === null) v = undefined;
      let bad = false;
      for (const t of m.transforms ?? []) {
        try {
          v = transform(t, v, rec);
        } catch ([code, reason]) {
          add(m.target, v, code, reason, 'error');
          bad = true;
          break;
        }
      }
      if (bad || v === undefined || v === null) continue;
      const notes = [];
      try {
        row[m.target] = toCrm(v, m.target, notes);
        for (const [code, reason] of notes) add(m.target, v, code, reason, 'warning');
      } catch ([code, reason]) {
        add(m.target, v, code, reason, 'error');
      }
    }
    for (const [api, { mandatory }] of Object.entries(TYPES)) {
      if (mandatory && !(api in row) && !findings.some((x) => x.record === index && x.field === api)) {
        add(api, null, 'apply.mandatory_missing', `the mandatory field ${api} has no value`, 'error');
      }
    }
    if (failed) skipped.push(index);
    else { sent.push(index); rows.push(row); }
  });
  const batches = [];
  for (let i = 0; i < rows.length; i += 100) batches.push({ data: rows.slice(i, i + 100) });
  return { batches, sent, skipped, findings };
}

/** Runs both, interleaved, `runs` times each; adds the figures with `add(figure, value, unit, note)`. */
export function benchMapping(zck, add, median, { records = 10_000, runs = 9 } = {}) {
  const input = customers(records);
  const crm = { module: 'Leads', reply: REPLY };
  const wasm = () => zck.applyMapping(MAPPING, input, crm);
  const plain = () => applyPlain(MAPPING, input);
  // Same work? Compare what the CRM would receive and which records are skipped and why.
  const a = wasm();
  const b = plain();
  let same = 'outputs identical';
  try {
    deepStrictEqual(a.batches, b.batches);
    deepStrictEqual([a.sent, a.skipped], [b.sent, b.skipped]);
    const key = (x) => `${x.record}/${x.field}/${x.code}/${x.severity}`;
    deepStrictEqual(a.findings.map(key).sort(), b.findings.map(key).sort());
  } catch (e) {
    same = `OUTPUTS DIFFER: ${String(e.message).split('\n').slice(0, 6).join(' ').slice(0, 300)}`;
  }
  const tw = [];
  const tp = [];
  for (let i = 0; i < runs; i++) {
    let t = performance.now();
    wasm();
    tw.push(performance.now() - t);
    t = performance.now();
    plain();
    tp.push(performance.now() - t);
  }
  // How much of the npm call is JSON text across the boundary, JS side only (stringify in, parse out).
  const resultText = JSON.stringify(a);
  const tj = [];
  for (let i = 0; i < runs; i++) {
    const t = performance.now();
    JSON.stringify(input);
    JSON.parse(resultText);
    tj.push(performance.now() - t);
  }
  const mw = median(tw);
  const mp = median(tp);
  const note = `30 fields × ${records.toLocaleString('en')} records, median of ${runs}`;
  add('applyMapping via npm', +mw.toFixed(1), 'ms', `${note}; ${a.sent.length} sent, ${a.skipped.length} skipped, ${a.findings.length} findings`);
  add('same mapping, plain JS', +mp.toFixed(1), 'ms', `${note}; ${same}`);
  add('  of which JSON in/out (JS side)', +median(tj).toFixed(1), 'ms', `JSON.stringify of the records + JSON.parse of the answer (${(resultText.length / 2 ** 20).toFixed(1)} MiB)`);
  add('applyMapping speed vs plain JS', +(mp / mw).toFixed(2), '×', `plain ms / npm ms (>1 = npm API faster); issue 8 target ≥ 1.5×; load avg ${loadavg()[0].toFixed(1)}`);
  add('applyMapping throughput via npm', Math.round(records / (mw / 1000)), 'records/s', note);
  return { same, wasmMs: mw, plainMs: mp };
}
