// Finds every source string in the code and, given a map from those strings to ids of the source registry
// (crate/data/sources.json), replaces each one by its id (issue 13, point 3).
//
//   node scripts/sources-migrate.mjs --list                 print every distinct source string as JSON
//   node scripts/sources-migrate.mjs --map MAP.json         dry run: which strings the map covers, which it does not
//   node scripts/sources-migrate.mjs --map MAP.json --write replace them in the tree
//
// MAP.json is `{ "map": { "<exact source string>": "<registry id>", ... }, "byKey": {...}, "also": {...}, "prose": {...} }`
// (a bare object of strings is accepted too). "byKey" maps, in JSON data files only, a string under a given object
// key first (`"byKey": { "revokeUrl": { "zoho-facts.md §2a": "zoho-accounts-revoke-token" } }`), for strings that
// cite a whole section and mean a different page in each place. Then "map" applies, only to exact matches of the whole string value: a
// literal whose value is not a key is listed as unmapped and left alone. "prose" lists sentences that merely mention
// the old facts file; they need rewriting by hand and are only reported.
//
// What counts as a source string (the same rules decide what is listed and what is replaced):
//   Rust (crate/src): the literal argument of `.with_source(`; the literal after a field named `source`, `*_source`
//     or `why` (also inside `Some(...)`); the second literal of `cb(` in data_center.rs; a `const` whose name
//     contains SRC or SOURCE or whose value cites the facts file; any other literal whose value starts with
//     `zoho-facts.md` (catalog rows, arguments of helper functions).
//   Any Rust literal that contains a facts-file marker (`zoho-facts.md`, `[3P]`, `[OFF`, `[SDK]`, `guide errata`)
//     and is in none of the positions above is reported as "prose" (sentences for people, not ids).
//   JSON (crate/data/*.json except sources.json): every string value of a key named "source". The value "same"
//     (and "same: ...") means the previous source in the file; it is resolved to that entry's string when listing,
//     and replaced by the previous id when writing.
//   TypeScript (extension/src): string literals containing a marker (none at the time of writing).
// Ids are written as plain string literals ("zoho-accounts-authorization"), so no code around them changes.
import { readFileSync, writeFileSync, readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = join(fileURLToPath(import.meta.url), '..', '..');
const MARKER = /zoho-facts\.md|\[3P\b|\[OFF\b|\[SDK\]|guide errata/;

function walk(dir, suffix, out = []) {
  for (const name of readdirSync(dir)) {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) walk(p, suffix, out);
    else if (name.endsWith(suffix)) out.push(p);
  }
  return out;
}

/** Unescapes the body of a normal Rust string literal, as rustc does. */
function unescapeRust(body) {
  return body.replace(/\\(\r?\n\s*|n|r|t|\\|0|"|'|x[0-9a-fA-F]{2}|u\{[0-9a-fA-F]+\})/g, (m, e) => {
    if (e[0] === '\n' || e[0] === '\r') return '';
    switch (e[0]) {
      case 'n': return '\n';
      case 'r': return '\r';
      case 't': return '\t';
      case '0': return '\0';
      case 'x': return String.fromCharCode(parseInt(e.slice(1), 16));
      case 'u': return String.fromCodePoint(parseInt(e.slice(2, -1), 16));
      default: return e;
    }
  });
}

/** Rust string literals of `text` with their span and value; comments and char literals are skipped. */
export function rustLiterals(text) {
  const out = [];
  let i = 0;
  while (i < text.length) {
    const c = text[i];
    if (c === '/' && text[i + 1] === '/') { i = text.indexOf('\n', i); if (i < 0) break; continue; }
    if (c === '/' && text[i + 1] === '*') {
      let depth = 1; i += 2;
      while (i < text.length && depth) {
        if (text.startsWith('/*', i)) { depth++; i += 2; } else if (text.startsWith('*/', i)) { depth--; i += 2; } else i++;
      }
      continue;
    }
    const raw = /^b?r(#*)"/.exec(text.slice(i, i + 12));
    if (raw && (i === 0 || !/[A-Za-z0-9_]/.test(text[i - 1]))) {
      const close = '"' + raw[1];
      const start = i; const bodyStart = i + raw[0].length;
      const end = text.indexOf(close, bodyStart);
      out.push({ start, end: end + close.length, value: text.slice(bodyStart, end) });
      i = end + close.length;
      continue;
    }
    if (c === '"') {
      const start = i; i++;
      while (i < text.length && text[i] !== '"') i += text[i] === '\\' ? 2 : 1;
      out.push({ start, end: i + 1, value: unescapeRust(text.slice(start + 1, i)) });
      i++;
      continue;
    }
    if (c === "'") {
      // char literal ('a', '\n', '\u{1F}') or a lifetime ('static): skip a char literal whole.
      const m = /^'(\\u\{[0-9a-fA-F]+\}|\\x[0-9a-fA-F]{2}|\\.|[^\\'])'/u.exec(text.slice(i, i + 12));
      i += m ? m[0].length : 1;
      continue;
    }
    i++;
  }
  return out;
}

/** How a literal is used, from the text before it: "source", "prose" or null (not a source at all). */
function rustRole(text, lit, file) {
  const before = text.slice(Math.max(0, lit.start - 200), lit.start);
  if (/\.with_source\(\s*$/.test(before)) return 'source';
  if (/\b(\w*source|why)\s*:\s*(Some\(\s*)?$/.test(before)) return 'source';
  if (/\bconst\s+(\w+)\s*:\s*&(?:'static\s+)?str\s*=\s*$/.test(before)) {
    const name = /\bconst\s+(\w+)\s*:\s*&(?:'static\s+)?str\s*=\s*$/.exec(before)[1];
    if (/SRC|SOURCE/.test(name) || /zoho-facts\.md/.test(lit.value)) return 'source';
  }
  if (file.endsWith('data_center.rs') && /\bcb\(\s*"[^"]*",\s*$/.test(before)) return 'source';
  if (lit.value.startsWith('zoho-facts.md')) return 'source'; // catalog rows, arguments of helper functions
  if (MARKER.test(lit.value)) return 'prose';
  return null;
}

/** Every source literal in the tree: { file, start, end, value, role, previous } (previous: for JSON "same"). */
export function findSources(root = ROOT) {
  const found = [];
  for (const file of walk(join(root, 'crate', 'src'), '.rs')) {
    const text = readFileSync(file, 'utf8');
    for (const lit of rustLiterals(text)) {
      const role = rustRole(text, lit, file);
      if (role) found.push({ file: relative(root, file), ...lit, role });
    }
  }
  for (const file of walk(join(root, 'crate', 'data'), '.json')) {
    if (file.endsWith('sources.json')) continue;
    const text = readFileSync(file, 'utf8');
    const re = /"source"\s*:\s*("(?:[^"\\]|\\.)*")/g;
    let m; let previous = null;
    while ((m = re.exec(text))) {
      const start = m.index + m[0].length - m[1].length;
      const value = JSON.parse(m[1]);
      const same = value === 'same' || value.startsWith('same:') || value.startsWith('same ');
      // The key of the object holding this source (`"revokeUrl": { "value": …, "source": … }`), for "byKey".
      const line = text.slice(text.lastIndexOf('\n', m.index) + 1, m.index);
      const key = /"(\w+)"\s*:\s*\{/.exec(line)?.[1] ?? null;
      found.push({ file: relative(root, file), start, end: start + m[1].length, value, role: 'source', json: true,
        previous: same ? previous : null, key });
      if (!same) previous = value;
    }
  }
  for (const file of walk(join(root, 'extension', 'src'), '.ts')) {
    const text = readFileSync(file, 'utf8');
    const re = /(['"`])((?:(?!\1)[^\\]|\\.)*)\1/g;
    let m;
    while ((m = re.exec(text))) {
      if (MARKER.test(m[2])) found.push({ file: relative(root, file), start: m.index, end: m.index + m[0].length, value: m[2], role: 'prose' });
    }
  }
  return found;
}

function main() {
  const args = process.argv.slice(2);
  const found = findSources();
  if (args.includes('--list')) {
    const sources = [...new Set(found.filter((f) => f.role === 'source').map((f) => f.value))].sort();
    const prose = [...new Set(found.filter((f) => f.role === 'prose').map((f) => f.value))].sort();
    const where = {};
    for (const f of found) (where[f.value] ??= new Set()).add(f.file);
    console.log(JSON.stringify({ sources, prose, where: Object.fromEntries(Object.entries(where).map(([k, v]) => [k, [...v]])) }, null, 1));
    return;
  }
  const mi = args.indexOf('--map');
  if (mi < 0 || !args[mi + 1]) {
    console.error('usage: node scripts/sources-migrate.mjs --list | --map MAP.json [--write]');
    process.exit(2);
  }
  let result;
  try {
    result = migrate(JSON.parse(readFileSync(args[mi + 1], 'utf8')), { write: args.includes('--write') });
  } catch (e) {
    console.error(e.message);
    process.exit(1);
  }
  const { count, files, unmapped, prose, write } = result;
  console.log(`${write ? 'replaced' : 'would replace'} ${count} source literals in ${files} files`);
  if (unmapped.length) console.log(`\nnot in the map (left as they are; map them by hand):\n${unmapped.join('\n')}`);
  if (prose.length) console.log(`\nsentences that cite the old facts file (rewrite by hand):\n${prose.join('\n')}`);
  process.exit(unmapped.length ? 1 : 0);
}

/** Applies a map file's content to the tree at `root` (dry run unless `write`). Throws on ids the registry lacks. */
export function migrate(file, { root = ROOT, write = false } = {}) {
  const found = findSources(root);
  const map = file.map ?? file;
  const byKey = file.byKey ?? {};
  const ids = new Set(JSON.parse(readFileSync(join(root, 'crate', 'data', 'sources.json'), 'utf8')).map((s) => s.id));
  const named = [...Object.values(map), ...Object.values(byKey).flatMap((m) => Object.values(m))];
  const unknownIds = [...new Set(named)].filter((id) => !ids.has(id));
  if (unknownIds.length) throw new Error(`the map names ids that are not in crate/data/sources.json: ${unknownIds.join(', ')}`);
  const unmapped = new Set();
  const edits = new Map(); // file -> [{start, end, text}]
  const lastId = new Map(); // JSON file -> id of the previous source, for "same"
  for (const f of found) {
    if (f.role !== 'source') continue;
    let id = (f.json && f.key && byKey[f.key]?.[f.value]) || map[f.value];
    if (!id && f.json && f.previous !== null) id = lastId.get(f.file);
    if (f.json && id && f.previous === null) lastId.set(f.file, id);
    if (!id) { unmapped.add(`${f.file}: ${JSON.stringify(f.value)}`); continue; }
    if (!edits.has(f.file)) edits.set(f.file, []);
    edits.get(f.file).push({ start: f.start, end: f.end, text: JSON.stringify(id) });
  }
  let count = 0;
  for (const [rel, list] of edits) {
    count += list.length;
    if (!write) continue;
    let text = readFileSync(join(root, rel), 'utf8');
    for (const e of list.sort((a, b) => b.start - a.start)) text = text.slice(0, e.start) + e.text + text.slice(e.end);
    writeFileSync(join(root, rel), text);
  }
  const prose = [...new Set(found.filter((f) => f.role === 'prose').map((f) => `${f.file}: ${JSON.stringify(f.value)}`))];
  return { count, files: edits.size, unmapped: [...unmapped], prose, write };
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) main();
