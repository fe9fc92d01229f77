// `npm run package`: the extension as an admin installs it, without Rust or Node on their machine.
//   dist/zoho-connector-kit-extension-<version>.zip   store-ready: manifest.json at the root, icons 16–128 px
//   dist/zoho-connector-kit-extension-<version>/      the same files as a folder for "Load unpacked"
// Builds first unless `--no-build` (then extension/dist must exist). The version is the crate's, stamped into the
// manifest by scripts/build.mjs.
import { cpSync, existsSync, mkdirSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { ROOT, paths, run, step } from './lib.mjs';
import { writeZip } from './zip.mjs';

if (!process.argv.includes('--no-build')) {
  run('node', [join(ROOT, 'scripts', 'setup.mjs')]);
  run('node', [join(ROOT, 'scripts', 'build.mjs')]);
}
if (!existsSync(join(paths.extDist, 'manifest.json'))) {
  console.error('extension/dist is missing: run `npm run build` first (or drop --no-build)');
  process.exit(1);
}

step('package: extension zip and Load-unpacked folder');
const manifest = JSON.parse(readFileSync(join(paths.extDist, 'manifest.json'), 'utf8'));
const name = `zoho-connector-kit-extension-${manifest.version}`;
const out = join(ROOT, 'dist');
const folder = join(out, name);
rmSync(folder, { recursive: true, force: true });
mkdirSync(out, { recursive: true });
cpSync(paths.extDist, folder, { recursive: true });

const files = [];
const walk = (dir) => {
  for (const entry of readdirSync(dir).sort()) {
    const full = join(dir, entry);
    if (statSync(full).isDirectory()) walk(full);
    else files.push(full);
  }
};
walk(folder);
const entries = files.map((full) => ({ name: relative(folder, full).split(sep).join('/'), data: readFileSync(full) }));
const zipPath = join(out, `${name}.zip`);
writeFileSync(zipPath, writeZip(entries));
const kib = (n) => `${(n / 1024).toFixed(1)} KiB`;
console.log(`${relative(ROOT, zipPath)}  ${entries.length} files, ${kib(statSync(zipPath).size)}  (upload to the Chrome Web Store, or attach to a release)`);
console.log(`${relative(ROOT, folder)}${sep}  (chrome://extensions → Developer mode → Load unpacked → this folder)`);
