// pkg/form-schema.json (written by the build from the Rust schema, bundled into the content script) is the
// schema connectionFormSchema() answers, plus the connection part of Zoho's form and the localized captions, every
// one of them sourced from the registry. If the two drift, the overlay reads captions the core does not know.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createRequire } from 'node:module';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { dirname, join } from 'node:path';

const require = createRequire(import.meta.url);
const zck = require('../../pkg/node/zoho_connector_kit.js');
const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const page = JSON.parse(readFileSync(join(root, 'pkg', 'form-schema.json'), 'utf8'));
const registry = new Set(JSON.parse(readFileSync(join(root, 'pkg', 'sources.json'), 'utf8')).map((s) => s.id));

test('form-schema.json: its fields are connectionFormSchema()\'s, field for field', () => {
  assert.deepEqual(page.fields, zck.connectionFormSchema().fields);
});

test('form-schema.json: the connection part and the localized captions name known fields, with registry sources', () => {
  const configKeys = page.fields.map((f) => f.key);
  const pageKeys = page.pageFields.map((f) => f.key);
  assert.deepEqual(pageKeys, ['connectionName', 'connectionLinkName']);
  for (const k of pageKeys) assert.ok(!configKeys.includes(k), `${k} is also a config key`);
  // The overlay's type of these keys (extension/src/overlay/schema.ts) lists the same ones.
  const ts = readFileSync(join(root, 'extension', 'src', 'overlay', 'schema.ts'), 'utf8');
  const union = /export type PageFieldKey = ([^;]+);/.exec(ts)?.[1] ?? '';
  assert.deepEqual(union.split('|').map((s) => s.trim().replace(/'/g, '')), pageKeys);
  assert.equal(page.pageFields.find((f) => f.key === 'connectionLinkName').checkedAs, 'linkName');
  for (const f of page.pageFields) {
    assert.ok(f.labels.length > 0, f.key);
    for (const l of f.labels) assert.ok(registry.has(l.source), `${f.key}: ${l.source}`);
  }
  assert.ok(page.localized.length >= 3);
  for (const l of page.localized) {
    assert.ok([...configKeys, ...pageKeys].includes(l.key), `${l.text}: unknown field ${l.key}`);
    assert.ok(registry.has(l.source), `${l.text}: ${l.source} is not a registry id`);
    assert.match(l.lang, /^[a-z]{2}$/);
  }
});
