// `npm test`: every tier, each runnable alone (`node scripts/test.mjs rust wasm js e2e size types`).
//   types  tsc --noEmit on the extension and on a typed caller of the npm package
//   rust   native cargo test: core without features, and with the CLI
//   wasm   the same Rust tests (and the JS-facing API) in headless Chromium via wasm-bindgen-test
//   js     node --test on the built npm package (same data files as the Rust tests)
//   e2e    Playwright (playwright-core + Debian's Chromium) on the built extension and the demo
//   size   the shipped .wasm against the gzip budget in scripts/budgets.mjs
//   lint   `npm run lint`: cargo fmt --check, clippy (native and wasm32) and rustdoc with warnings denied, tsc
import { readFileSync, readdirSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { join } from 'node:path';
import { ROOT, paths, run, step } from './lib.mjs';
import { WASM_GZIP_BUDGET_KIB } from './budgets.mjs';

const ALL = ['types', 'rust', 'wasm', 'js', 'e2e', 'size', 'lint'];
const chosen = process.argv.slice(2).filter((a) => ALL.includes(a));
const tiers = chosen.length ? chosen : ALL;
const results = [];

function tier(name, fn) {
  if (!tiers.includes(name)) return;
  step(`test: ${name}`);
  const ok = fn() === 0;
  results.push([name, ok]);
  if (!ok) console.error(`tier ${name} FAILED`);
}

const files = (dir, suffix) => readdirSync(join(ROOT, dir)).filter((f) => f.endsWith(suffix)).map((f) => join(dir, f));
const tsc = join(ROOT, 'node_modules', '.bin', 'tsc');

tier('types', () => run(tsc, ['-p', 'extension'], { allowFail: true }) || run(tsc, ['-p', 'tests/js'], { allowFail: true }));
tier('rust', () => run('cargo', ['test', '--workspace'], { allowFail: true })
  || run('cargo', ['test', '--workspace', '--features', 'cli'], { allowFail: true }));
tier('wasm', () => run('cargo', ['test', '--target', 'wasm32-unknown-unknown', '-p', 'zoho-connector-kit', '--features', 'wasm', '--tests'],
  { allowFail: true, env: { WASM_BINDGEN_USE_BROWSER: '1', CHROMEDRIVER: '/usr/bin/chromedriver' } }));
tier('js', () => run('node', ['--test', ...files('tests/js', '.test.mjs')], { allowFail: true }));
tier('e2e', () => run('node', ['--test', '--test-concurrency=1', ...files('tests/e2e', '.test.mjs')], { allowFail: true }));
tier('size', () => {
  const wasm = readFileSync(paths.shippedWasm);
  const gz = gzipSync(wasm, { level: 9 }).length;
  const kib = (n) => (n / 1024).toFixed(1);
  console.log(`shipped wasm: ${kib(wasm.length)} KiB raw, ${kib(gz)} KiB gzipped (budget ${WASM_GZIP_BUDGET_KIB} KiB)`);
  if (gz > WASM_GZIP_BUDGET_KIB * 1024) {
    console.error(`over budget by ${kib(gz - WASM_GZIP_BUDGET_KIB * 1024)} KiB: see \`npm run bench\` for the breakdown`);
    return 1;
  }
  return 0;
});

tier('lint', () => run('node', [join(ROOT, 'scripts', 'lint.mjs')], { allowFail: true }));

step('test: summary');
for (const [name, ok] of results) console.log(`  ${ok ? 'ok  ' : 'FAIL'} ${name}`);
const failed = results.filter(([, ok]) => !ok).length;
console.log(`tiers: ${results.length - failed} passed, ${failed} failed`);
process.exit(failed ? 1 : 0);
