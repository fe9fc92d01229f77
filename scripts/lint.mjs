// `npm run lint`: formatting, clippy (native with every feature, and the Wasm build), rustdoc warnings, and the
// TypeScript checks. Also the `lint` tier of `npm test`, so CI enforces it.
import { run, step } from './lib.mjs';
import { join } from 'node:path';
import { ROOT } from './lib.mjs';

step('lint: cargo fmt --check');
run('cargo', ['fmt', '--all', '--', '--check']);
step('lint: clippy (native, all targets, cli)');
run('cargo', ['clippy', '--workspace', '--all-targets', '--features', 'cli', '--', '-D', 'warnings']);
step('lint: clippy (wasm32, wasm feature)');
run('cargo', ['clippy', '--target', 'wasm32-unknown-unknown', '-p', 'zoho-connector-kit', '--features', 'wasm', '--lib', '--tests', '--', '-D', 'warnings']);
step('lint: rustdoc (broken links and other doc warnings are errors)');
run('cargo', ['doc', '-p', 'zoho-connector-kit', '--no-deps', '--lib'], { env: { RUSTDOCFLAGS: '-D warnings' } });
step('lint: tsc');
run(join(ROOT, 'node_modules', '.bin', 'tsc'), ['-p', 'extension']);
run(join(ROOT, 'node_modules', '.bin', 'tsc'), ['-p', 'tests/js']);
console.log('lint: clean');
