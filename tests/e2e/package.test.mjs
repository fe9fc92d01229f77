// `npm run package`: what an admin downloads — the store zip and the Load-unpacked folder — is complete, carries the
// crate's version and real icons, and the folder loads in Chromium as a working extension.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join, relative, sep } from 'node:path';
import { ROOT, launch } from './harness.mjs';
import { readZip } from '../../scripts/zip.mjs';

const core = createRequire(import.meta.url)(join(ROOT, 'pkg', 'node', 'zoho_connector_kit.js'));
const name = `zoho-connector-kit-extension-${core.version()}`;
const folder = join(ROOT, 'dist', name);

execFileSync('node', [join(ROOT, 'scripts', 'package.mjs'), '--no-build'], { cwd: ROOT, stdio: 'ignore' });
const zip = readZip(readFileSync(join(ROOT, 'dist', `${name}.zip`)));
const manifest = JSON.parse(zip.get('manifest.json')?.toString('utf8') ?? 'null');

/** Width and height from a PNG's IHDR, after checking the signature. */
function pngSize(bytes) {
  assert.deepEqual([...bytes.subarray(0, 8)], [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a], 'a PNG signature');
  return [bytes.readUInt32BE(16), bytes.readUInt32BE(20)];
}

test('the zip has manifest.json at its root with the crate version and a store-sized description', () => {
  assert.ok(manifest, `no manifest.json at the root of the zip: ${[...zip.keys()].join(', ')}`);
  assert.equal(manifest.version, core.version());
  assert.equal(manifest.manifest_version, 3);
  assert.ok(manifest.description.length > 20 && manifest.description.length <= 132, 'the store allows 132 characters');
});

test('every file the manifest names is in the zip; icons are real PNGs of their declared size', () => {
  const named = [manifest.action.default_popup, manifest.options_page, manifest.background.service_worker,
    ...manifest.content_scripts.flatMap((c) => c.js), ...Object.values(manifest.icons), ...Object.values(manifest.action.default_icon)];
  for (const file of named) assert.ok(zip.has(file), `${file} is named by the manifest but not in the zip`);
  assert.deepEqual(Object.keys(manifest.icons).map(Number), [16, 32, 48, 128]);
  for (const [size, file] of Object.entries(manifest.icons)) assert.deepEqual(pngSize(zip.get(file)), [+size, +size], file);
  assert.ok([...zip.keys()].some((f) => f.endsWith('.wasm')), 'the Wasm core is in the zip');
});

test('the Load-unpacked folder holds exactly the zip\'s files, byte for byte', () => {
  const files = [];
  const walk = (dir) => readdirSync(dir).forEach((e) => (statSync(join(dir, e)).isDirectory() ? walk(join(dir, e)) : files.push(join(dir, e))));
  walk(folder);
  assert.deepEqual(files.map((f) => relative(folder, f).split(sep).join('/')).sort(), [...zip.keys()].sort());
  for (const f of files) assert.ok(readFileSync(f).equals(zip.get(relative(folder, f).split(sep).join('/'))), f);
});

test('the Load-unpacked folder loads in Chromium: the service worker runs the core and the popup opens', async () => {
  const browser = await launch({ withServer: false, extensionDir: folder });
  try {
    const version = await browser.serviceWorker.evaluate(() => chrome.runtime.getManifest().version);
    assert.equal(version, core.version());
    const page = await browser.context.newPage();
    await page.goto(`chrome-extension://${browser.extensionId}/popup.html`);
    await page.waitForSelector('body[data-ready="1"]', { timeout: 15000 });
    const icon = await page.evaluate(async () => (await fetch(chrome.runtime.getURL('icons/icon-128.png'))).status);
    assert.equal(icon, 200);
  } finally {
    await browser.close();
  }
});
