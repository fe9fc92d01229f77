// `node scripts/structure.mjs [ROOT]`: the structure figures of issue 13 for a checkout (this one by default; give
// another tree, e.g. a `git worktree` at an older commit, to compare). Figures, never pass/fail:
// - the largest files and the longest functions (by lines) of crate/src and extension/src;
// - the lines of hand-written TypeScript declarations: `typescript_custom_section` text written in crate/src/wasm
//   (a section whose value is a Rust constant, like the generated `FindingCode` union, is not counted) and the type
//   and interface declarations of extension/src/core.ts.
// Functions are found by their opening line and measured to the matching brace, skipping strings and comments
// roughly: good for comparing trees, not a parser.
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { ROOT } from './lib.mjs';

const root = resolve(process.argv[2] ?? ROOT);
const TOP = 8;

function files(dir, ext) {
  const out = [];
  const walk = (d) => {
    for (const f of readdirSync(d)) {
      const p = join(d, f);
      if (statSync(p).isDirectory()) walk(p);
      else if (ext.test(f)) out.push(p);
    }
  };
  if (existsSync(dir)) walk(dir);
  return out;
}

const RUST_FN = /^\s*(pub(\([^)]*\))?\s+)?(const\s+)?(async\s+)?fn\s+(\w+)/;
const TS_FN = /^\s*(?:export\s+)?(?:async\s+)?function\*?\s+(\w+)|^\s*(?:export\s+)?const\s+(\w+)\s*=\s*(?:async\s*)?(?:\([^)]*\)|\w+)\s*(?::\s*[^=]+)?=>\s*\{\s*$|^\s*(?:(?:private|public|static|async)\s+)*(\w+)\s*\([^)]*\)\s*(?::\s*[^{]+)?\{\s*$/;
const NOT_FUNCTIONS = new Set(['if', 'for', 'while', 'switch', 'catch', 'function']);

/** `{ name, line, lines }` for every function of a file. */
function functions(path) {
  const rust = path.endsWith('.rs');
  const lines = readFileSync(path, 'utf8').split('\n');
  const found = [];
  for (let i = 0; i < lines.length; i++) {
    const m = lines[i].match(rust ? RUST_FN : TS_FN);
    const name = m && (rust ? m[5] : (m[1] ?? m[2] ?? m[3]));
    if (!name || (!rust && NOT_FUNCTIONS.has(name))) continue;
    let depth = 0;
    let opened = false;
    let j = i;
    for (; j < lines.length; j++) {
      // Rust's single quotes are characters or lifetimes; TypeScript's are strings.
      const quoted = rust ? /'(\\.|[^'\\])'/g : /'(\\.|[^'\\])*'/g;
      const code = lines[j].replace(/"(\\.|[^"\\])*"/g, '""').replace(quoted, "''").replace(/`(\\.|[^`\\])*`/g, '``')
        .replace(/\/\/.*$/, '');
      for (const c of code) {
        if (c === '{') { depth++; opened = true; } else if (c === '}') depth--;
      }
      if (rust && !opened && /;\s*$/.test(code)) break; // a declaration without a body
      if (opened && depth <= 0) break;
    }
    if (opened) found.push({ name, line: i + 1, lines: j - i + 1 });
  }
  return found;
}

/** Non-blank lines of `typescript_custom_section` text written out in a Rust file. */
function customSectionLines(path) {
  const text = readFileSync(path, 'utf8');
  let n = 0;
  for (const m of text.matchAll(/#\[wasm_bindgen\(typescript_custom_section\)\]\s*const\s+\w+:\s*&(?:'static\s+)?str\s*=\s*r#"([\s\S]*?)"#/g)) {
    n += m[1].split('\n').filter((l) => l.trim() !== '').length;
  }
  return n;
}

/** Lines of `type`/`interface` declarations in a TypeScript file. */
function declarationLines(path) {
  if (!existsSync(path)) return 0;
  let n = 0;
  let depth = 0;
  let inside = false;
  for (const l of readFileSync(path, 'utf8').split('\n')) {
    if (!inside && /^\s*(export\s+)?(declare\s+)?(interface|type)\s+\w+/.test(l)) { inside = true; depth = 0; }
    if (!inside) continue;
    n++;
    depth += (l.match(/[{(]/g) ?? []).length - (l.match(/[})]/g) ?? []).length;
    if (depth <= 0 && /[;}]\s*$/.test(l)) inside = false;
  }
  return n;
}

const sources = [...files(join(root, 'crate', 'src'), /\.rs$/), ...files(join(root, 'extension', 'src'), /\.ts$/)];
const fileRows = sources.map((p) => ({ file: relative(root, p), lines: readFileSync(p, 'utf8').split('\n').length - 1 }));
const fnRows = sources.flatMap((p) => functions(p).map((f) => ({ ...f, file: relative(root, p) })));
fileRows.sort((a, b) => b.lines - a.lines);
fnRows.sort((a, b) => b.lines - a.lines);

console.log(`structure of ${root}`);
console.log(`\nlargest files (lines):`);
for (const r of fileRows.slice(0, TOP)) console.log(`${String(r.lines).padStart(6)}  ${r.file}`);
console.log(`\nlongest functions (lines):`);
for (const r of fnRows.slice(0, TOP)) console.log(`${String(r.lines).padStart(6)}  ${r.file}:${r.line} ${r.name}`);
const wasmDir = join(root, 'crate', 'src', 'wasm');
const perFile = files(wasmDir, /\.rs$/).map((p) => [relative(root, p), customSectionLines(p)]).filter(([, n]) => n > 0);
const written = perFile.reduce((s, [, n]) => s + n, 0);
console.log('\nhand-written TypeScript declarations (non-blank lines):');
console.log(`${String(written).padStart(6)}  typescript_custom_section text in crate/src/wasm (${perFile.map(([f, n]) => `${f.split('/').pop()} ${n}`).join(', ')})`);
console.log(`${String(declarationLines(join(root, 'extension', 'src', 'core.ts'))).padStart(6)}  type/interface lines in extension/src/core.ts`);
