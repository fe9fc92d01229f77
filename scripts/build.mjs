// Builds everything: the Wasm (web + nodejs bindings, wasm-opt), the zck CLI, and the extension into
// extension/dist (loadable with "Load unpacked").
import { cpSync, mkdirSync, rmSync, copyFileSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { ROOT, CRATE, capture, paths, run, step } from './lib.mjs';
import { ICON_SIZES, iconPng } from './icons.mjs';

const only = process.argv.slice(2);
const want = (part) => only.length === 0 || only.includes(part);

if (want('wasm')) {
  step('build: wasm (release)');
  run('cargo', ['build', '--release', '--target', 'wasm32-unknown-unknown', '-p', 'zoho-connector-kit', '--features', 'wasm', '--lib']);
  rmSync(join(ROOT, 'pkg'), { recursive: true, force: true });
  // The web glue (the extension's) can start a fresh instance from the compiled module: after a trap or a stack
  // overflow the old one may be dead (issue 12). The .wasm is byte-identical with or without this flag.
  run('wasm-bindgen', ['--target', 'web', '--experimental-reset-state-function', '--out-dir', paths.pkgWeb, paths.wasmRaw]);
  run('wasm-bindgen', ['--target', 'nodejs', '--out-dir', paths.pkgNode, paths.wasmRaw]);
  // The nodejs glue is CommonJS while the root package is "type": "module".
  writeFileSync(join(paths.pkgNode, 'package.json'), '{ "type": "commonjs" }\n');
  step('build: wasm-opt -Oz (npm binaryen; Debian\'s wasm-opt breaks the externref table)');
  // Measured (issue 8): merging similar functions first and running -Oz to a fixed point cuts ~2.5 KB gzipped;
  // -Os, -O3 and --gufa were larger.
  run('node', [join(ROOT, 'node_modules', 'binaryen', 'bin', 'wasm-opt'), '--merge-similar-functions', '-Oz',
    '--converge', '--enable-reference-types',
    '--enable-bulk-memory', '--enable-nontrapping-float-to-int', '--enable-sign-ext', '--enable-mutable-globals',
    '--enable-multivalue',
    paths.shippedWasm, '-o', paths.shippedWasm]);
  copyFileSync(paths.shippedWasm, join(paths.pkgNode, `${CRATE}_bg.wasm`));
  // The source registry travels as data beside the module (`zoho-connector-kit/sources.json`), not inside it: only
  // the pages that show a source's title and link need it.
  copyFileSync(join(ROOT, 'crate', 'data', 'sources.json'), join(ROOT, 'pkg', 'sources.json'));
  // The Deluge built-ins' descriptions likewise (`zoho-connector-kit/deluge-builtins.json`); their argument counts are
  // in the Wasm, and crate/tests/deluge_builtins.rs keeps the two equal.
  copyFileSync(join(ROOT, 'crate', 'data', 'deluge-builtins.json'), join(ROOT, 'pkg', 'deluge-builtins.json'));
}

if (want('cli')) {
  step('build: zck CLI (release)');
  run('cargo', ['build', '--release', '-p', 'zoho-connector-kit', '--features', 'cli', '--bin', 'zck']);
}

if (want('extension')) {
  step('build: extension -> extension/dist');
  const dist = paths.extDist;
  rmSync(dist, { recursive: true, force: true });
  mkdirSync(join(dist, 'wasm'), { recursive: true });
  const src = join(paths.extSrc, 'src');
  // The form schema for pages that show Zoho's form (the overlay reads its captions, localized captions and
  // display texts from it): the core's connectionFormSchema() fields plus the connection part and the localized
  // captions, printed from the Rust data by a native example so this display text stays out of the Wasm (issue
  // 13). The content script bundles it; npm ships it as `zoho-connector-kit/form-schema.json`. With the CLI built
  // (the step above) this only links the example.
  const schema = capture('cargo', ['run', '-q', '--release', '--features', 'cli', '--example', 'form_schema_json',
    '-p', 'zoho-connector-kit']);
  if (!schema) throw new Error('cargo run --example form_schema_json gave nothing');
  writeFileSync(join(ROOT, 'pkg', 'form-schema.json'), `${JSON.stringify(JSON.parse(schema), null, 1)}\n`);
  const esbuild = join(ROOT, 'node_modules', '.bin', 'esbuild');
  const common = ['--bundle', '--minify', '--target=chrome120', '--log-level=warning', '--legal-comments=none', '--charset=utf8'];
  // Service worker, popup and options are ES modules; the content script must be a classic script (IIFE).
  run(esbuild, [join(src, 'background.ts'), join(src, 'popup.ts'), join(src, 'options.ts'), '--format=esm',
    `--outdir=${dist}`, ...common]);
  // The content script starts the core from bytes the service worker hands it (overlay/local.ts), never from the
  // glue's default `new URL(…, import.meta.url)`, which an IIFE leaves empty: that warning is expected there.
  run(esbuild, [join(src, 'content.ts'), '--format=iife', `--outdir=${dist}`, '--log-override:empty-import-meta=silent', ...common]);
  for (const f of readdirSync(join(paths.extSrc, 'static'))) cpSync(join(paths.extSrc, 'static', f), join(dist, f), { recursive: true });
  copyFileSync(paths.shippedWasm, join(dist, 'wasm', `${CRATE}_bg.wasm`));
  copyFileSync(join(ROOT, 'crate', 'data', 'sources.json'), join(dist, 'sources.json'));
  copyFileSync(join(ROOT, 'crate', 'data', 'deluge-builtins.json'), join(dist, 'deluge-builtins.json'));
  // The content script's hosts come from the data-center registry (the core), not from a second list here.
  const core = createRequire(import.meta.url)(join(paths.pkgNode, `${CRATE}.js`));
  const manifest = JSON.parse(readFileSync(join(paths.extSrc, 'static', 'manifest.json'), 'utf8'));
  manifest.content_scripts[0].matches = core.listDataCenters()
    .filter((dc) => dc.crmWebHost).map((dc) => `${dc.crmWebHost.value}/*`);
  // Host permissions only for the Zoho CRM API domains, for the live connection test.
  manifest.host_permissions = core.listDataCenters()
    .flatMap((dc) => [dc.apiDomain, dc.sandboxApiDomain, dc.developerApiDomain])
    .filter(Boolean).map((f) => `${f.value}/*`);
  manifest.version = core.version();
  // Toolbar and store icons, drawn by scripts/icons.mjs (no binary image in the repository).
  mkdirSync(join(dist, 'icons'), { recursive: true });
  manifest.icons = {};
  for (const size of ICON_SIZES) {
    writeFileSync(join(dist, 'icons', `icon-${size}.png`), iconPng(size));
    manifest.icons[size] = `icons/icon-${size}.png`;
  }
  manifest.action.default_icon = Object.fromEntries(Object.entries(manifest.icons).filter(([size]) => +size <= 48));
  writeFileSync(join(dist, 'manifest.json'), `${JSON.stringify(manifest, null, 2)}\n`);
  console.log(`extension built: ${dist}`);
}
