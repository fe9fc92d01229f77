// The Deluge tab in the real extension: build an invokeurl call from the form (exact Deluge, string escaping),
// CRM record and COQL calls with findings beside their fields, spec JSON; check a script (findings by line that
// select their line, the corpus's seeded mistakes), format it (copyable) or refuse to format on syntax errors.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { launch, ARTIFACTS, ROOT } from './harness.mjs';

const CORPUS = join(ROOT, 'crate', 'tests', 'data', 'deluge', 'corpus');
const corpus = (name) => readFileSync(join(CORPUS, name), 'utf8');
const expected = JSON.parse(readFileSync(join(ROOT, 'crate', 'tests', 'data', 'deluge', 'corpus.json'), 'utf8'));

// What an admin pastes for a POST with a JSON body: a name with quotes and a note with a line break.
const BODY = '{"customer": {"name": "Zoë \\"Z\\" Weber", "note": "line one\\nline two"}, "total": 12.5}';
const POST_DELUGE = [
  '// POST https://api.example.com/v1/orders',
  '// Connection (link name): example_api',
  'headers = Map();',
  'headers.put("Content-Type", "application/json");',
  'payload = Map();',
  'customer = Map();',
  'customer.put("name", "Zoë \\"Z\\" Weber");',
  'customer.put("note", "line one\\nline two");',
  'payload.put("customer", customer);',
  'payload.put("total", 12.5);',
  '',
  'response = invokeurl',
  '[',
  '\turl: "https://api.example.com/v1/orders"',
  '\ttype: POST',
  '\theaders: headers',
  '\tparameters: payload.toString()',
  '\tconnection: "example_api"',
  '];',
  '',
  'info response;',
  '',
].join('\n');

let browser;
let page;
const pageErrors = [];
before(async () => {
  browser = await launch({ withServer: false });
  await browser.context.grantPermissions(['clipboard-read', 'clipboard-write']);
  page = await browser.context.newPage();
  page.on('pageerror', (e) => pageErrors.push(e));
  await page.setViewportSize({ width: 520, height: 800 });
  await page.goto(`chrome-extension://${browser.extensionId}/popup.html`);
  await page.waitForSelector('body[data-ready="1"]');
  await page.click('#tab-deluge');
  await page.waitForSelector('#panel-deluge[data-ready="1"]');
});
after(async () => { await browser?.close(); });

/** A screenshot of the whole popup at its width (the viewport grows to the page, so no scrollbar is cut in). */
async function shot(name) {
  const height = await page.evaluate(() => document.documentElement.scrollHeight);
  await page.setViewportSize({ width: 520, height });
  await page.screenshot({ path: join(ARTIFACTS, `popup-deluge-${name}.png`) });
  await page.setViewportSize({ width: 520, height: 800 });
}
const clipboard = () => page.evaluate(() => navigator.clipboard.readText());
const value = (sel) => page.inputValue(sel);
const codesIn = (sel) => page.$$eval(`${sel} li.finding`, (els) => els.map((e) => e.dataset.code));

test('empty state teaches the next step in both sections', async () => {
  assert.equal(await page.getAttribute('.dg-build', 'data-state'), 'empty');
  assert.match(await page.getAttribute('#dg-out', 'placeholder'), /Type the URL/);
  assert.match(await page.textContent('.dg-check .summary'), /Paste a Deluge function/);
  assert.equal(await page.isVisible('.format-box'), false);
  await shot('empty');
});

test('form: a POST JSON call with a connection gives the exact Deluge, strings escaped, and copies it', async () => {
  await page.fill('#dg-url', 'https://api.example.com/v1/orders');
  await page.selectOption('#dg-method', 'POST');
  await page.fill('#dg-connection', 'example_api');
  await page.fill('#dg-body', BODY);
  await page.waitForSelector('.dg-build[data-state="ok"]');
  assert.equal(await value('#dg-out'), POST_DELUGE);
  await page.click('.dg-build button.copy');
  await page.waitForSelector('.dg-build button.copy[data-state="done"]');
  assert.equal(await page.textContent('.dg-build button.copy'), 'Copied ✓');
  assert.equal(await clipboard(), POST_DELUGE);
  await shot('build');
});

test('form: findings sit beside the field they concern and hold back the Deluge', async () => {
  await page.fill('#dg-responseVar', 'list');
  await page.waitForSelector('.dg-build[data-state="errors"]');
  assert.deepEqual(await codesIn('[data-mode="form"] [data-findings-for="responseVar"]'), ['deluge.generate.reserved_response_var']);
  assert.equal(await value('#dg-out'), '');
  assert.match(await page.getAttribute('#dg-out', 'placeholder'), /Fix the error above/);
  await page.fill('#dg-responseVar', '');
  // A body that is not JSON is named beside the body with its line and column.
  await page.fill('#dg-body', '{"total": 12.5,}');
  assert.deepEqual(await codesIn('[data-mode="form"] [data-findings-for="body"]'), ['json.syntax']);
  assert.match(await page.textContent('[data-findings-for="body"] .msg'), /line 1, column 16/);
  // A header row: the generated map carries it, a bad header name is flagged beside the headers.
  await page.fill('#dg-body', BODY);
  await page.click('button:text("+ Add header")');
  await page.fill('#dg-h-k1', 'X-Request-Id');
  await page.fill('#dg-h-v1', 'a1');
  assert.match(await value('#dg-out'), /headers\.put\("X-Request-Id", "a1"\);/);
  await page.fill('#dg-h-k1', 'X Request');
  assert.deepEqual(await codesIn('[data-mode="form"] [data-findings-for="headers"]'), ['deluge.generate.bad_header_name']);
  await page.click('button[aria-label="Remove header 1"]');
  await page.waitForSelector('.dg-build[data-state="ok"]');
  assert.equal(await value('#dg-out'), POST_DELUGE);
});

test('a generated snippet pasted into the checker has no error and is already formatted', async () => {
  // The generator writes the spaced layout; the format box can show that layout too.
  await page.selectOption('#dg-layout', 'spaced');
  await page.click('button:text("Check this snippet below")');
  assert.equal(await value('#dg-script'), POST_DELUGE);
  await page.waitForSelector('.dg-check[data-formatted="unchanged"]');
  assert.deepEqual(await codesIn('.dg-check ol.by-line'), []);
  assert.match(await page.textContent('.dg-check .summary'), /22 lines: no findings/);
  assert.equal(await value('#dg-formatted'), POST_DELUGE);
});

test('seeded mistakes from the corpus show their codes at their lines; clicking selects the line', async () => {
  const text = corpus('mistakes_invokeurl.dg');
  await page.fill('#dg-script', text);
  const want = expected.find((e) => e.file === 'mistakes_invokeurl.dg').diagnostics;
  const shown = await page.$$eval('.dg-check ol.by-line li.finding', (els) => els.map((e) => ({
    code: e.dataset.code, line: Number(e.dataset.line), at: e.querySelector('button.at').textContent })));
  assert.deepEqual(shown, want.map((d) => ({ code: d.code, line: d.line, at: `Line ${d.line}:${d.column}` })));
  await page.click('.dg-check li.finding[data-code="deluge.invokeurl.bad_type"] button.at');
  const selected = await page.$eval('#dg-script', (t) => ({ text: t.value.slice(t.selectionStart, t.selectionEnd), focused: document.activeElement === t }));
  assert.deepEqual(selected, { text: '\ttype: FETCH', focused: true });
  assert.match(await page.textContent('.dg-check .summary'), /3 errors, 2 warnings/);
  await shot('check');
});

test('format: a de-indented script is shown re-indented and copies exactly', async () => {
  const clean = corpus('crm_fetch_update.dg');
  await page.fill('#dg-script', clean.split('\n').map((l) => l.trim()).join('\n'));
  await page.waitForSelector('.dg-check[data-formatted="changed"]');
  assert.equal(await value('#dg-formatted'), clean);
  await page.click('.format-box button.copy');
  await page.waitForSelector('.format-box button.copy[data-state="done"]');
  assert.equal(await clipboard(), clean);
  await page.click('button:text("Replace the script with this")');
  assert.equal(await value('#dg-script'), clean);
  await page.waitForSelector('.dg-check[data-formatted="unchanged"]');
});

test('a script with syntax errors is not formatted, and the page says why', async () => {
  await page.fill('#dg-script', corpus('mistakes_syntax.dg'));
  await page.waitForSelector('.dg-check[data-formatted="refused"]');
  assert.equal(await page.isVisible('.format-box'), false);
  assert.match(await page.textContent('.refused'), /Formatting refused.*5 syntax errors.*could change its meaning/s);
  assert.deepEqual(await codesIn('.refused'), ['deluge.syntax', 'deluge.syntax', 'deluge.unbalanced_bracket', 'deluge.syntax', 'deluge.syntax']);
  assert.match(await page.textContent('.refused li.finding'), /^Line 1:10: Expected `;`/);
  await shot('refused');
});

test('CRM record call: insert on the EU domain; an update without ids is flagged beside the records', async () => {
  await page.click('label[for="dg-mode-record"]');
  assert.equal(await page.getAttribute('.dg-build', 'data-state'), 'empty');
  await page.selectOption('#dg-r-dataCenter', 'eu');
  await page.fill('#dg-r-module', 'Leads');
  await page.fill('#dg-r-records', '[{"Last_Name": "Weber", "Email": "weber@example.com"}]');
  await page.fill('#dg-r-trigger', 'workflow');
  await page.fill('#dg-r-connection', 'zoho_crm');
  await page.waitForSelector('.dg-build[data-state="ok"]');
  const deluge = await value('#dg-out');
  assert.match(deluge, /url: "https:\/\/www\.zohoapis\.eu\/crm\/v8\/Leads"/);
  assert.match(deluge, /trigger\.add\("workflow"\);/);
  assert.equal(await page.isVisible('#dg-r-id'), false, 'the record id is for get only');
  await page.selectOption('#dg-r-operation', 'update');
  await page.waitForSelector('.dg-build[data-state="errors"]');
  assert.deepEqual(await codesIn('[data-mode="record"] [data-findings-for="records"]'), ['deluge.record.missing_id']);
  await page.fill('#dg-r-trigger', 'workflows');
  assert.deepEqual(await codesIn('[data-mode="record"] [data-findings-for="trigger"]'), ['deluge.record.bad_trigger']);
  await shot('record');
});

test('COQL: a pasted query over the limit is flagged beside it; built from parts it gives the /coql call', async () => {
  await page.click('label[for="dg-mode-coql"]');
  await page.fill('#dg-c-text', 'select Last_Name from Leads limit 2001');
  assert.deepEqual(await codesIn('[data-mode="coql"] [data-findings-for="query"]'), ['coql.limit_too_high']);
  await page.fill('#dg-c-text', '');
  await page.fill('#dg-c-select', 'Last_Name, Email');
  await page.fill('#dg-c-from', 'Leads');
  await page.fill('#dg-c-where', "Lead_Source = 'Web'");
  await page.fill('#dg-c-limit', '200');
  assert.equal(await page.textContent('#dg-c-query'), "select Last_Name, Email from Leads where Lead_Source = 'Web' limit 200");
  assert.match(await page.getAttribute('#dg-out', 'placeholder'), /Choose a data center/);
  await page.selectOption('#dg-c-dataCenter', 'us');
  await page.fill('#dg-c-connection', 'zoho_crm');
  await page.waitForSelector('.dg-build[data-state="ok"]');
  assert.match(await value('#dg-out'), /url: "https:\/\/www\.zohoapis\.com\/crm\/v8\/coql"/);
  await shot('coql');
});

test('spec JSON: starts from the form, and unknown fields are named', async () => {
  await page.click('label[for="dg-mode-spec"]');
  await page.click('button:text("Start from the invokeurl form")');
  await page.waitForSelector('.dg-build[data-state="ok"]');
  assert.equal(await value('#dg-out'), POST_DELUGE);
  const spec = JSON.parse(await value('#dg-spec'));
  await page.fill('#dg-spec', JSON.stringify({ ...spec, conection: 'x' }));
  await page.waitForSelector('.dg-build[data-state="errors"]');
  assert.deepEqual(await codesIn('.dg-build [data-mode="spec"]'), []);
  assert.deepEqual(await codesIn('.dg-build > .general'), ['input.unknown_field']);
  assert.match(await page.textContent('.dg-build > .general li.finding'), /conection/);
});

test('dark mode screenshot', async () => {
  await page.emulateMedia({ colorScheme: 'dark' });
  await page.click('label[for="dg-mode-form"]');
  await page.fill('#dg-script', corpus('mistakes_names_loops.dg'));
  await page.waitForSelector('.dg-check[data-count="4"]');
  const bg = await page.evaluate(() => getComputedStyle(document.body).backgroundColor);
  assert.equal(bg, 'rgb(30, 31, 34)');
  await shot('dark');
  await page.emulateMedia({ colorScheme: 'light' });
});

test('the options page\'s Deluge style and data center are the starting values', async () => {
  await browser.serviceWorker.evaluate(() => chrome.storage.local.set({ 'zck.settings': { defaultDataCenter: 'eu', defaultScopes: [], delugeStyle: 'literal' } }));
  await page.reload();
  await page.waitForSelector('body[data-ready="1"]');
  await page.click('#tab-deluge');
  await page.waitForFunction(() => document.querySelector('#dg-style')?.value === 'literal');
  assert.equal(await value('#dg-r-dataCenter'), 'eu');
  await page.fill('#dg-url', 'https://api.example.com/v1/orders');
  await page.selectOption('#dg-method', 'POST');
  await page.fill('#dg-body', '{"a": [1, {"b": "line\\nbreak"}]}');
  await page.waitForSelector('.dg-build[data-state="ok"]');
  assert.match(await value('#dg-out'), /payload = \{"a": \{1, \{"b": "line\\nbreak"\}\}\};/);
});

// A CRM workflow function as Zoho's editor shows it: its signature line, a fetch, a condition, an update in
// try/catch, a loop over related records (issue 15 item 7). Written in the layout the editor saves.
const WORKFLOW_FUNCTION = [
  'void automation.sync_deal_owner(int dealId, string note)',
  '{',
  '\tdeal = zoho.crm.getRecordById("Deals",dealId);',
  '\towner = deal.get("Owner");',
  '\tif(owner != null && note != "")',
  '\t{',
  '\t\tupdate = Map();',
  '\t\tupdate.put("Owner_Email",owner.get("email"));',
  '\t\tupdate.put("Description",note.subString(0,200));',
  '\t\ttry',
  '\t\t{',
  '\t\t\tresp = zoho.crm.updateRecord("Deals",dealId,update);',
  '\t\t\tinfo resp;',
  '\t\t}',
  '\t\tcatch (e)',
  '\t\t{',
  '\t\t\tinfo "update failed: " + e;',
  '\t\t}',
  '\t}',
  '\tcontacts = zoho.crm.searchRecords("Contacts","(Account_Name:equals:" + deal.get("Account_Name").get("name") + ")");',
  '\tfor each  c in contacts',
  '\t{',
  '\t\tinfo c.get("Email");',
  '\t}',
  '}',
  '',
].join('\n');

test('a whole function pasted with its signature line has no finding and is already in Zoho\'s layout', async () => {
  await page.selectOption('#dg-layout', 'zoho');
  await page.fill('#dg-script', WORKFLOW_FUNCTION);
  await page.waitForSelector('.dg-check[data-formatted="unchanged"]');
  assert.deepEqual(await codesIn('.dg-check ol.by-line'), []);
  assert.match(await page.textContent('.dg-check .summary'), /26 lines: no findings/);
  assert.equal(await value('#dg-formatted'), WORKFLOW_FUNCTION);
  // The built-ins it calls, each with what it does and its Zoho page.
  await page.waitForSelector('.dg-builtins li.builtin');
  const used = await page.$$eval('.dg-builtins li.builtin', (els) => els.map((e) => e.dataset.builtin));
  assert.deepEqual(used, ['zoho.crm.getRecordById', 'zoho.crm.searchRecords', 'zoho.crm.updateRecord', 'put', 'get', 'subString']);
  const sub = await page.textContent('.dg-builtins li[data-builtin="subString"]');
  assert.match(sub, /^\.subString\(start index\[, end index\]\) Returns the characters from the start index/);
  assert.match(sub, /Arguments: 1 to 2 \(NUMBER, NUMBER\)\..*Deluge: subString function \(Zoho documentation\)/);
  assert.equal(await page.getAttribute('.dg-builtins li[data-builtin="subString"] a', 'href'), 'https://www.zoho.com/deluge/help/functions/string/substring.html');
  await shot('builtins');
});

test('a built-in called with the wrong number of arguments shows its finding and what the built-in takes', async () => {
  await page.fill('#dg-script', 'orgId = "20071234";\ninv = zoho.books.getRecordsByID("invoices",invoiceId);\ninfo inv;\n');
  await page.waitForSelector('.dg-check li.finding[data-code="deluge.task.argument_count"] .builtin');
  assert.deepEqual(await codesIn('.dg-check ol.by-line'), ['deluge.task.argument_count']);
  const finding = '.dg-check li.finding[data-code="deluge.task.argument_count"]';
  assert.equal(await page.textContent(`${finding} button.at`), 'Line 2:7');
  assert.equal(await page.textContent(`${finding} .msg`), '`zoho.books.getRecordsByID` takes 3 to 4 arguments; this call has 2.');
  assert.match(await page.textContent(`${finding} .builtin`), /^zoho\.books\.getRecordsByID\(module, organization ID, record ID\[, connection\]\) Fetches one Zoho Books record by its ID\./);
  assert.equal(await page.getAttribute(`${finding} .builtin a`, 'href'), 'https://www.zoho.com/deluge/help/books/fetch-record-by-id.html');
});

test('nothing threw in the page', () => {
  assert.deepEqual(pageErrors.map(String), []);
});
