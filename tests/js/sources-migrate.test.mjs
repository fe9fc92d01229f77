// scripts/sources-migrate.mjs on a small tree in a temporary folder: which literals count as sources, and what
// --write leaves behind (ids in their place, everything else untouched).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, mkdirSync, writeFileSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { findSources, migrate, rustLiterals } from '../../scripts/sources-migrate.mjs';

const RUST = String.raw`//! Doc comment citing zoho-facts.md §1 is not a literal.
const SRC_A: &str = "zoho-facts.md §2a: ACC access-token.html";
const OTHER: &str = "not a source";
const LONG: &str = "zoho-facts.md §8b: escapes \" and \\ \
    continued";
fn f() -> Diagnostic {
    let c = '"'; // a char literal holding a quote must not open a string
    let s = r#"raw "zoho-facts.md" text"#;
    Diagnostic::info("a.b", "", "Note (see zoho-facts.md §3).").with_source("zoho-facts.md §3: OAS")
}
static X: Fact = Fact { value: "https://x", source: "zoho-facts.md §1a: ACC multi-dc.html" };
`;

const PRESETS = `{
  "presets": [
    { "tokenUrl": { "value": "t", "source": "vendor guide" },
      "refreshUrl": { "value": "t", "source": "same" },
      "revokeUrl": { "value": "r", "source": "zoho-facts.md §2a" } }
  ]
}
`;

function tree() {
  const root = mkdtempSync(join(tmpdir(), 'zck-sources-'));
  mkdirSync(join(root, 'crate', 'src'), { recursive: true });
  mkdirSync(join(root, 'crate', 'data'), { recursive: true });
  mkdirSync(join(root, 'extension', 'src'), { recursive: true });
  writeFileSync(join(root, 'crate', 'src', 'a.rs'), RUST);
  writeFileSync(join(root, 'crate', 'data', 'presets.json'), PRESETS);
  writeFileSync(join(root, 'crate', 'data', 'sources.json'), JSON.stringify(
    ['acc-token', 'acc-revoke', 'acc-dc', 'oas', 'lexer', 'vendor'].map((id) => ({ id, title: id, kind: 'official' }))));
  writeFileSync(join(root, 'extension', 'src', 'a.ts'), "const s = 'plain';\n");
  return root;
}

test('Rust literals: escapes and line continuations are undone, comments and char literals skipped', () => {
  const values = rustLiterals(RUST).map((l) => l.value);
  assert.ok(values.includes('zoho-facts.md §8b: escapes " and \\ continued'));
  assert.ok(values.includes('raw "zoho-facts.md" text'));
  assert.ok(!values.some((v) => v.includes('Doc comment')));
  assert.ok(values.includes('a.b'), 'the char literal did not swallow the next string');
});

test('sources are found by position; other marker text is prose; plain strings are ignored', () => {
  const root = tree();
  try {
    const found = findSources(root);
    const sources = found.filter((f) => f.role === 'source').map((f) => f.value);
    assert.deepEqual(sources.filter((v) => !v.startsWith('vendor') && v !== 'same' && v !== 'zoho-facts.md §2a').sort(), [
      'zoho-facts.md §1a: ACC multi-dc.html',
      'zoho-facts.md §2a: ACC access-token.html',
      'zoho-facts.md §3: OAS',
      'zoho-facts.md §8b: escapes " and \\ continued',
    ]);
    const prose = found.filter((f) => f.role === 'prose').map((f) => f.value);
    assert.deepEqual(prose.sort(), ['Note (see zoho-facts.md §3).', 'raw "zoho-facts.md" text']);
    assert.ok(!found.some((f) => f.value === 'not a source'));
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
});

test('--write replaces exact matches by ids, resolves "same", applies byKey, and lists what it could not map', () => {
  const root = tree();
  try {
    const map = {
      map: {
        'zoho-facts.md §2a: ACC access-token.html': 'acc-token',
        'zoho-facts.md §3: OAS': 'oas',
        'zoho-facts.md §1a: ACC multi-dc.html': 'acc-dc',
        'vendor guide': 'vendor',
        'zoho-facts.md §2a': 'acc-token',
      },
      byKey: { revokeUrl: { 'zoho-facts.md §2a': 'acc-revoke' } },
    };
    const dry = migrate(map, { root });
    assert.equal(dry.count, 6);
    assert.equal(readFileSync(join(root, 'crate', 'src', 'a.rs'), 'utf8'), RUST, 'a dry run writes nothing');
    const done = migrate(map, { root, write: true });
    assert.deepEqual(done.unmapped, ['crate/src/a.rs: "zoho-facts.md §8b: escapes \\" and \\\\ continued"']);
    const rust = readFileSync(join(root, 'crate', 'src', 'a.rs'), 'utf8');
    assert.match(rust, /const SRC_A: &str = "acc-token";/);
    assert.match(rust, /\.with_source\("oas"\)/);
    assert.match(rust, /source: "acc-dc" \}/);
    assert.match(rust, /"Note \(see zoho-facts\.md §3\)\."/, 'prose is left for a person');
    assert.match(rust, /const OTHER: &str = "not a source";/);
    const presets = JSON.parse(readFileSync(join(root, 'crate', 'data', 'presets.json'), 'utf8')).presets[0];
    assert.deepEqual([presets.tokenUrl.source, presets.refreshUrl.source, presets.revokeUrl.source], ['vendor', 'vendor', 'acc-revoke']);
    assert.throws(() => migrate({ map: { 'vendor guide': 'no-such-id' } }, { root }), /no-such-id/);
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
});
