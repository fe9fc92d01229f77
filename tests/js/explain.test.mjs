// explainError through the npm API, over the same data file as the Rust tests (crate/tests/data/errors/).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createRequire } from 'node:module';
import { readFileSync } from 'node:fs';

const zck = createRequire(import.meta.url)('../../pkg/node/zoho_connector_kit.js');
const cases = JSON.parse(readFileSync(new URL('../../crate/tests/data/errors/cases.json', import.meta.url), 'utf8'));
const ALLOWED = new Set(['wrong_data_center', 'redirect_mismatch', 'code_expired_or_reused', 'missing_offline_access',
  'scope_missing', 'token_expired', 'token_revoked', 'rate_limited', 'token_limit', 'invalid_field_value',
  'missing_required_field', 'duplicate_value', 'permission', 'invalid_module', 'invalid_url',
  'wrong_client_credentials', 'server_error', 'unknown']);

test('at least 40 error bodies', () => assert.ok(cases.length >= 40));

for (const c of cases) {
  test(`explainError: ${c.name}`, () => {
    const input = { body: c.body };
    if (c.status !== undefined) input.status = c.status;
    if (c.context) input.context = c.context;
    const e = zck.explainError(input);
    assert.equal(e.code, c.code);
    assert.equal(e.likelyCauses[0].id, c.firstCause);
    for (const cause of e.likelyCauses) assert.ok(ALLOWED.has(cause.id), cause.id);
    assert.equal(e.field, c.field);
    if (c.family) assert.equal(e.family, c.family);
    if (c.path) assert.equal(e.path, c.path);
  });
}

test('a body passed as an object is read like its JSON text', () => {
  const body = { data: [{ code: 'MANDATORY_NOT_FOUND', details: { api_name: 'Last_Name' }, message: 'required field not found', status: 'error' }] };
  const e = zck.explainError({ status: 400, body });
  assert.equal(e.code, 'MANDATORY_NOT_FOUND');
  assert.equal(e.field, 'Last_Name');
  assert.equal(e.path, 'data[0]');
});

test('unknown input field throws a ZckError naming it', () => {
  assert.throws(() => zck.explainError({ body: '{}', statusCode: 401 }), (err) => {
    assert.ok(err instanceof Error);
    assert.equal(err.name, 'ZckError');
    assert.equal(err.code, 'input.unknown_field');
    assert.equal(err.path, 'statusCode');
    return true;
  });
});

test('an unknown code never throws', () => {
  const e = zck.explainError({ body: 'totally not json {' });
  assert.equal(e.likelyCauses[0].id, 'unknown');
});
