// Shared helpers for the project scripts: run commands, find tools, paths.
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { homedir } from 'node:os';

export const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
export const CARGO_BIN = join(process.env.CARGO_HOME ?? join(homedir(), '.cargo'), 'bin');
export const ENV = { ...process.env, PATH: `${CARGO_BIN}:${join(ROOT, 'node_modules', '.bin')}:${process.env.PATH}` };
export const CRATE = 'zoho_connector_kit';
export const WASM_TARGET = 'wasm32-unknown-unknown';

/** Prints a step header with the elapsed time. */
const T0 = Date.now();
export function step(title) {
  console.log(`\n=== [${((Date.now() - T0) / 1000).toFixed(0)}s] ${title}`);
}

/** Runs a command with inherited output; exits the process on failure unless `allowFail`. */
export function run(cmd, args, { cwd = ROOT, env = {}, allowFail = false } = {}) {
  const r = spawnSync(cmd, args, { cwd, stdio: 'inherit', env: { ...ENV, ...env } });
  if (r.error) {
    console.error(`cannot run ${cmd}: ${r.error.message}`);
    if (!allowFail) process.exit(1);
    return 1;
  }
  if (r.status !== 0 && !allowFail) {
    console.error(`\nfailed (exit ${r.status}): ${cmd} ${args.join(' ')}`);
    process.exit(r.status ?? 1);
  }
  return r.status ?? 1;
}

/** Runs a command and returns its trimmed stdout, or null when it cannot run. */
export function capture(cmd, args, { cwd = ROOT } = {}) {
  const r = spawnSync(cmd, args, { cwd, encoding: 'utf8', env: ENV });
  return r.status === 0 ? r.stdout.trim() : null;
}

export function has(cmd) {
  return capture('sh', ['-c', `command -v ${cmd}`]) !== null;
}

/** The wasm-bindgen version pinned in Cargo.lock (the CLI must equal it exactly). */
export function wasmBindgenVersion() {
  const lock = readFileSync(join(ROOT, 'Cargo.lock'), 'utf8');
  const m = lock.match(/name = "wasm-bindgen"\nversion = "([^"]+)"/);
  if (!m) throw new Error('wasm-bindgen is not in Cargo.lock');
  return m[1];
}

export const paths = {
  wasmRaw: join(ROOT, 'target', WASM_TARGET, 'release', `${CRATE}.wasm`),
  pkgWeb: join(ROOT, 'pkg', 'web'),
  pkgNode: join(ROOT, 'pkg', 'node'),
  shippedWasm: join(ROOT, 'pkg', 'web', `${CRATE}_bg.wasm`),
  extSrc: join(ROOT, 'extension'),
  extDist: join(ROOT, 'extension', 'dist'),
  zck: join(ROOT, 'target', 'release', 'zck'),
  artifacts: join(ROOT, 'test-artifacts'),
};

export { existsSync };
