// `npm run bench`: figures, never pass/fail (only the size budget can fail `npm test`).
// Prints one table and writes the same as JSON to bench-results/latest.json.
import { readFileSync, mkdirSync, writeFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import os from 'node:os';
import { ROOT, CRATE, paths, capture, step } from './lib.mjs';
import { WASM_GZIP_BUDGET_KIB } from './budgets.mjs';
import { benchMapping } from './bench-mapping.mjs';

const rows = [];
const add = (figure, value, unit, note = '') => rows.push({ figure, value, unit, note });
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

// Size of what ships (after wasm-opt), raw and gzipped.
const wasm = readFileSync(paths.shippedWasm);
const gz = gzipSync(wasm, { level: 9 }).length;
add('shipped .wasm, raw', +(wasm.length / 1024).toFixed(1), 'KiB');
add('shipped .wasm, gzip -9', +(gz / 1024).toFixed(1), 'KiB', `budget ${WASM_GZIP_BUDGET_KIB} KiB (${((gz / 1024 / WASM_GZIP_BUDGET_KIB) * 100).toFixed(0)}%)`);

// Instantiate time in Node, as a user of the npm package pays it: a fresh `require` of the package reads the
// module, compiles and instantiates it and runs its start function. Median of 20.
const glue = join(paths.pkgNode, `${CRATE}.js`);
const requireFresh = createRequire(import.meta.url);
const times = [];
for (let i = 0; i < 20; i++) {
  delete requireFresh.cache[requireFresh.resolve(glue)];
  const t = performance.now();
  requireFresh(glue).version();
  times.push(performance.now() - t);
}
add('Wasm instantiate, Node', +median(times).toFixed(2), 'ms', 'fresh require of the npm package (read, compile, instantiate, start), median of 20');

// Throughput through the npm API.
const zck = createRequire(import.meta.url)(join(paths.pkgNode, `${CRATE}.js`));
function perSecond(fn, ms = 500) {
  let n = 0;
  const end = performance.now() + ms;
  while (performance.now() < end) { fn(); n++; }
  return Math.round(n / (ms / 1000));
}
const samples = ['https://accounts.zoho.eu/oauth/v2/auth', 'https://crm.zoho.com.au/crm/org1/tab/Home', 'accounts.zoho.au', 'https://example.com'];
let k = 0;
add('detectDataCenter via npm', perSecond(() => zck.detectDataCenter(samples[k++ % samples.length])), 'calls/s');
const input = { dataCenter: 'eu', clientId: '1000.GMB0YULZHJK411248S8I5GZ4CHUEX0', scopes: ['ZohoCRM.modules.ALL', 'ZohoCRM.users.READ'], redirectUri: 'https://dre.zoho.eu/delugeauth/callback', state: 's' };
add('buildAuthorizationUrl via npm', perSecond(() => zck.buildAuthorizationUrl(input)), 'calls/s');

// Deluge check and format of the ~2,000-line corpus file: through the npm package (Wasm in Node) and natively
// (`cargo bench --bench deluge`, release profile). Issue 8's target: check <= 5 ms.
const CHECK_TARGET_MS = 5;
const large = readFileSync(join(ROOT, 'crate', 'tests', 'data', 'deluge', 'corpus', 'large_sync.dg'), 'utf8');
const largeNote = `large_sync.dg, ${large.split('\n').length - 1} lines, ${(large.length / 1024).toFixed(0)} KiB`;
function medianMs(fn, runs = 200) {
  fn(); // warm-up
  const xs = [];
  for (let i = 0; i < runs; i++) {
    const t = performance.now();
    fn();
    xs.push(performance.now() - t);
  }
  return median(xs);
}
const wasmCheck = medianMs(() => zck.checkDeluge(large));
const wasmFormat = medianMs(() => zck.formatDeluge(large));
step('bench: native Deluge figures (cargo bench --bench deluge -- --json)');
const nativeText = capture('cargo', ['bench', '--quiet', '--bench', 'deluge', '-p', 'zoho-connector-kit', '--', '--json']);
let native = null;
try { native = nativeText ? JSON.parse(nativeText.split('\n').pop()) : null; } catch { native = null; }
const vsTarget = (ms) => `target check <= ${CHECK_TARGET_MS} ms: ${ms <= CHECK_TARGET_MS ? 'within' : 'over'} (${((ms / CHECK_TARGET_MS) * 100).toFixed(0)}%)`;
add('checkDeluge via npm (Wasm)', +wasmCheck.toFixed(3), 'ms', `median of 200; ${largeNote}; ${vsTarget(wasmCheck)}`);
add('formatDeluge via npm (Wasm)', +wasmFormat.toFixed(3), 'ms', `median of 200; ${largeNote}`);
if (native) {
  add('check_deluge native', +native.checkMs.toFixed(3), 'ms', `median of ${native.runs}; ${vsTarget(native.checkMs)}`);
  add('format_deluge native', +native.formatMs.toFixed(3), 'ms', `median of ${native.runs}`);
  add('check: Wasm / native', +(wasmCheck / native.checkMs).toFixed(2), '×', 'how much slower the npm package is than native');
  add('format: Wasm / native', +(wasmFormat / native.formatMs).toFixed(2), '×', '');
} else {
  add('check_deluge native', 'n/a', 'ms', 'cargo bench --bench deluge -- --json did not answer');
}

// Browser and native figures (Chromium with the built extension; the native example).
if (!process.argv.includes('--no-browser')) {
  const { browserFigures } = await import('./bench-browser.mjs');
  rows.push(...(await browserFigures()));
}
// Field mapping (issue 5): 30 fields × 10,000 records through the npm API vs the same mapping in plain JS.
benchMapping(zck, add, median);

const result = { date: new Date().toISOString(), machine: { cpus: os.cpus().length, model: os.cpus()[0]?.model ?? '', memGiB: Math.round(os.totalmem() / 2 ** 30), node: process.version }, rows };
mkdirSync(join(ROOT, 'bench-results'), { recursive: true });
writeFileSync(join(ROOT, 'bench-results', 'latest.json'), `${JSON.stringify(result, null, 2)}\n`);
console.log(`\nzoho-connector-kit benchmark — ${result.date} — ${result.machine.cpus} × ${result.machine.model}, Node ${process.version}`);
console.log(`${'figure'.padEnd(34)} ${'value'.padStart(12)}  unit     note`);
for (const r of rows) console.log(`${r.figure.padEnd(34)} ${String(r.value).padStart(12)}  ${r.unit.padEnd(8)} ${r.note}`);
console.log('(also written to bench-results/latest.json)');

// Where the bytes are (issue 8): the 15 largest functions and data segments of the shipped module, by name.
// Figures only. The names come from a `-g` rebuild of the same module (wasm-bindgen --keep-debug, then the build's
// wasm-opt passes with -g), read from its name section here in JS, so no extra tool is needed.
{
  const { mkdtempSync, rmSync } = await import('node:fs');
  const { tmpdir } = await import('node:os');
  const { spawnSync } = await import('node:child_process');
  const { ENV } = await import('./lib.mjs');
  const dir = mkdtempSync(join(tmpdir(), 'zck-size-'));
  const sh = (cmd, args) => spawnSync(cmd, args, { env: ENV, stdio: ['ignore', 'ignore', 'inherit'] }).status === 0;
  const named = join(dir, 'named.wasm');
  const ok = sh('wasm-bindgen', ['--target', 'web', '--keep-debug', '--out-dir', dir, paths.wasmRaw])
    && sh('node', [join(ROOT, 'node_modules', 'binaryen', 'bin', 'wasm-opt'), '--merge-similar-functions', '-Oz',
      '--converge', '-g', '--enable-reference-types', '--enable-bulk-memory', '--enable-nontrapping-float-to-int',
      '--enable-sign-ext', '--enable-mutable-globals', '--enable-multivalue', join(dir, `${CRATE}_bg.wasm`), '-o', named]);
  if (!ok) {
    console.log('\n(size breakdown skipped: the named build failed)');
  } else {
    const items = sizeItems(readFileSync(named));
    const top = items.sort((a, b) => b.bytes - a.bytes).slice(0, 15);
    console.log(`\nlargest items of the shipped module (${items.length} functions and data segments; bytes before gzip)`);
    for (const it of top) console.log(`${String(it.bytes).padStart(8)}  ${it.kind.padEnd(4)} ${it.name.slice(0, 110)}`);
    writeFileSync(join(ROOT, 'bench-results', 'size-top.json'), `${JSON.stringify(top, null, 2)}\n`);
    console.log('(also written to bench-results/size-top.json)');
  }
  rmSync(dir, { recursive: true, force: true });
}

/** Functions (body bytes) and data segments (payload bytes) of a Wasm module, named from its name section. */
function sizeItems(buf) {
  let p = 8;
  const leb = () => { let r = 0; let s = 0; let b; do { b = buf[p++]; r += (b & 0x7f) * 2 ** s; s += 7; } while (b & 0x80); return r; };
  const str = () => { const n = leb(); const t = buf.toString('utf8', p, p + n); p += n; return t; };
  const skipInitExpr = () => { while (buf[p] !== 0x0b) p++; p++; };
  let imported = 0;
  const bodies = [];
  const segments = [];
  const fnNames = new Map();
  const dataNames = new Map();
  while (p < buf.length) {
    const id = buf[p++];
    const len = leb();
    const end = p + len;
    if (id === 2) { // imports: functions take the first indices
      for (let n = leb(), i = 0; i < n; i++) {
        str(); str();
        const kind = buf[p++];
        if (kind === 0) { leb(); imported++; } else if (kind === 1) { p++; const f = leb(); leb(); if (f & 1) leb(); }
        else if (kind === 2) { const f = leb(); leb(); if (f & 1) leb(); } else if (kind === 3) { p += 2; } else { p++; leb(); }
      }
    } else if (id === 10) {
      for (let n = leb(), i = 0; i < n; i++) { const size = leb(); bodies.push(size); p += size; }
    } else if (id === 11) {
      for (let n = leb(), i = 0; i < n; i++) {
        const flag = leb();
        if (flag === 2) leb();
        if (flag !== 1) skipInitExpr();
        const size = leb();
        segments.push(size);
        p += size;
      }
    } else if (id === 0 && str() === 'name') {
      while (p < end) {
        const sub = buf[p++];
        const size = leb();
        const subEnd = p + size;
        if (sub === 1 || sub === 9) {
          const map = sub === 1 ? fnNames : dataNames;
          for (let n = leb(), i = 0; i < n; i++) { const idx = leb(); map.set(idx, str()); }
        }
        p = subEnd;
      }
    }
    p = end;
  }
  return [
    ...bodies.map((bytes, i) => ({ kind: 'fn', bytes, name: fnNames.get(i + imported) ?? `func[${i + imported}]` })),
    ...segments.map((bytes, i) => ({ kind: 'data', bytes, name: dataNames.get(i) ?? `data[${i}]` })),
  ];
}
