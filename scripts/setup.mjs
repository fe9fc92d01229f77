// Installs what the build and the tests need, skipping what is already there:
// the wasm32 target, wasm-bindgen-cli at exactly the crate's version, npm dependencies, and (with --test)
// Debian's chromium and chromium-driver.
import { existsSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT, run, capture, has, step, wasmBindgenVersion } from './lib.mjs';

const forTests = process.argv.includes('--test');

step('setup: rust wasm32 target');
const targets = capture('rustup', ['target', 'list', '--installed']) ?? '';
if (!targets.split('\n').includes('wasm32-unknown-unknown')) run('rustup', ['target', 'add', 'wasm32-unknown-unknown']);

step('setup: wasm-bindgen-cli');
if (!existsSync(join(ROOT, 'Cargo.lock'))) run('cargo', ['generate-lockfile']);
const want = wasmBindgenVersion();
const have = (capture('wasm-bindgen', ['--version']) ?? '').split(' ')[1];
if (have !== want || !has('wasm-bindgen-test-runner')) {
  console.log(`installing wasm-bindgen-cli ${want} (have ${have ?? 'none'}); this takes a few minutes once`);
  // No --locked: the registry mirror lags behind the CLI's lock file. No default features: the test runner only
  // talks to the local chromedriver.
  run('cargo', ['install', 'wasm-bindgen-cli', '--version', want, '--no-default-features', '--force']);
}

step('setup: npm dependencies');
const stamp = join(ROOT, 'node_modules', '.package-lock.json');
const lock = join(ROOT, 'package-lock.json');
if (!existsSync(stamp) || (existsSync(lock) && statSync(lock).mtimeMs > statSync(stamp).mtimeMs)) {
  run('npm', existsSync(lock) ? ['ci', '--no-audit', '--no-fund'] : ['install', '--no-audit', '--no-fund']);
}

if (forTests) {
  step('setup: chromium and chromium-driver');
  const missing = [];
  if (!existsSync('/usr/bin/chromium')) missing.push('chromium');
  if (!existsSync('/usr/bin/chromedriver')) missing.push('chromium-driver');
  if (missing.length) {
    const line = `apt-get update && apt-get install -y --no-install-recommends ${missing.join(' ')}`;
    if (process.getuid?.() === 0) {
      run('sh', ['-c', `DEBIAN_FRONTEND=noninteractive ${line}`]);
    } else {
      console.error(`The browser tests need Debian's Chromium. Run as root:\n  sudo sh -c '${line}'`);
      process.exit(1);
    }
  }
}
