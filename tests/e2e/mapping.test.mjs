// The Mapping tab in the real extension: map a Shopify customer to Leads (with the org's pasted fields reply), see
// the core's findings beside the row they concern, preview the payload for sample records (a bad record is skipped
// with its finding while the others are sent), copy the generated Deluge, save as a profile and open it again.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createRequire } from 'node:module';
import { launch, ARTIFACTS, ROOT } from './harness.mjs';
import { caseConfig, fillConfig } from './connection-form.mjs';

const REPLY = readFileSync(join(ROOT, 'crate', 'tests', 'data', 'mapping', 'leads_fields_reply.json'), 'utf8');
const core = createRequire(import.meta.url)(join(ROOT, 'pkg', 'node', 'zoho_connector_kit.js'));
const CUSTOMERS = [
  { id: 7390912345, first_name: ' Ana ', last_name: 'Silva', email: 'ANA.SILVA@Example.com', created_at: '2024-05-02T23:10:00-04:00', tags: 'Shoes, Bags', source_name: 'web', orders_count: 3 },
  { id: 7390912346, first_name: 'Kenji', last_name: 'Ito', email: 'kenji@example.jp', created_at: 'last tuesday', tags: 'Accessories', source_name: 'pos', orders_count: 1 },
  { id: 7390912347, first_name: 'Lena', last_name: 'Meyer', email: 'lena@example.de', created_at: '2024-06-11T08:00:00+02:00', tags: 'Shoes', source_name: 'web', orders_count: 7 },
];

let browser;
let page;
before(async () => {
  browser = await launch({ withServer: false });
  page = await browser.context.newPage();
  await page.setViewportSize({ width: 576, height: 900 }); // the popup's 560 px body plus a scroll bar
  await browser.context.grantPermissions(['clipboard-read', 'clipboard-write']);
});
after(async () => { await browser?.close(); });

async function open() {
  await page.goto(`chrome-extension://${browser.extensionId}/popup.html`);
  await page.waitForSelector('body[data-ready="1"]');
  await page.click('#tab-mapping');
  await page.waitForSelector('#panel-mapping[data-ready="1"]');
}
const rows = async () => Number(await page.getAttribute('#panel-mapping', 'data-rows'));
const shot = (name) => page.screenshot({ path: join(ARTIFACTS, `popup-mapping-${name}.png`), fullPage: true });
const codesIn = (selector) => page.$$eval(`${selector} .finding`, (els) => els.map((e) => e.dataset.code));

/** Adds a row the way an admin does: button, source path, CRM field, then each transform and its parameters. */
async function addField(source, target, transforms = []) {
  await page.click('#m-add-row');
  const i = (await rows()) - 1;
  assert.equal(await page.evaluate(() => document.activeElement?.id), `m-src-${i}`, 'the new row takes the focus');
  await page.keyboard.type(source);
  await page.selectOption(`#m-tgt-${i}`, target);
  for (const [j, [op, params]] of transforms.entries()) {
    await page.selectOption(`#m-add-tf-${i}`, op);
    for (const [name, value] of Object.entries(params ?? {})) {
      const sel = `#m-tf-${i}-${j}-${name}`;
      if (await page.$eval(sel, (e) => e.tagName === 'SELECT')) await page.selectOption(sel, value);
      else await page.fill(sel, value);
    }
  }
  return i;
}

test('empty state teaches the next step', async () => {
  await open();
  assert.equal(await page.textContent('#panel-mapping p.empty'), 'Pick a module, then map your first field.');
  assert.equal(await page.isDisabled('#m-add-row'), true);
  await shot('empty');
});

test('pick Leads: built-in fields, then the org\'s pasted fields with their types', async () => {
  await page.selectOption('#m-module', 'Leads');
  assert.match(await page.textContent('.schema-status'), /^Leads: 15 fields \(built-in standard fields\); required: Last_Name$/);
  assert.match(await page.textContent('#panel-mapping p.empty'), /Map your first field/);
  await page.click('details.reply summary');
  await page.fill('#m-reply', REPLY);
  assert.match(await page.textContent('.schema-status'), /^Leads: 17 fields \(from your pasted reply\)/);
});

test('map a Shopify customer: findings appear beside the row they concern', async () => {
  await addField('first_name', 'First_Name', [['trim']]);
  await addField('email', 'Email', [['trim'], ['case', { to: 'lower' }]]);
  const date = await addField('created_at', 'First_Order_Date', [['formatDate', { format: 'yyyy-MM-dd' }]]);
  const tags = await addField('tags', 'Interests', [['split', { sep: ',' }]]);
  const source = await addField('source_name', 'Lead_Source', [['valueMap', { map: 'web = Online Store\npos = Retail Store' }]]);
  assert.equal(await rows(), 5);
  // Type badges beside the chosen CRM field.
  assert.equal(await page.textContent(`li.map-row[data-index="${date}"] .badge.type`), 'date');
  assert.equal(await page.textContent(`li.map-row[data-index="${tags}"] .badge.type`), 'multiselectpicklist');

  // Last_Name is mandatory and unmapped: said at the head of the field list, with the fix.
  assert.deepEqual(await codesIn('[data-findings-for="fields"]'), ['mapping.mandatory_unmapped']);
  assert.match(await page.textContent('[data-findings-for="fields"] .finding'), /Last_Name of Leads is not mapped/);
  // "Retail Store" is not a Lead_Source value: beside that row's value map, and the row is marked.
  assert.deepEqual(await codesIn(`[data-findings-for="fields[${source}].transforms[0]"]`), ['mapping.picklist_value']);
  assert.match(await page.textContent(`[data-findings-for="fields[${source}].transforms[0]"]`), /Retail Store/);
  assert.equal(await page.getAttribute(`li.map-row[data-index="${source}"]`, 'data-severity'), 'warning');
  assert.equal(await page.getAttribute(`li.map-row[data-index="${date}"]`, 'data-severity'), null);
  assert.equal(await page.textContent('.tally'), '1 error, 1 warning');
  await shot('findings');

  // Fix both: map last_name, and use a value of the picklist.
  await addField('last_name', 'Last_Name', [['trim']]);
  await page.fill(`#m-tf-${source}-0-map`, 'web = Online Store\npos = Partner');
  assert.deepEqual(await codesIn('.map-editor'), []);
  assert.equal(await page.textContent('.tally'), 'no problems found');
  assert.equal(await page.getAttribute('#panel-mapping', 'data-errors'), '0');
});

test('preview: transformed records with the date as yyyy-MM-dd; a bad record is skipped with its finding', async () => {
  assert.match(await page.textContent('.preview-out'), /Paste sample records/);
  await page.fill('#m-records', JSON.stringify(CUSTOMERS, null, 2));
  await page.waitForSelector('#panel-mapping[data-sent="2"][data-skipped="1"]');
  assert.equal(await page.textContent('.preview-out .verdict'), '3 records: 2 sent in 1 batch, 1 skipped.');
  const payload = JSON.parse(await page.textContent('pre.payload'));
  assert.deepEqual(payload.data[0], {
    First_Name: 'Ana', Email: 'ana.silva@example.com', First_Order_Date: '2024-05-02', Interests: ['Shoes', 'Bags'],
    Lead_Source: 'Online Store', Last_Name: 'Silva',
  });
  assert.equal(payload.data[1].Last_Name, 'Meyer');
  assert.equal(payload.data[1].First_Order_Date, '2024-06-11');
  const bad = await page.$$eval('tr.finding-row', (trs) => trs.map((tr) => [tr.dataset.record, tr.dataset.field, tr.dataset.code, tr.textContent]));
  assert.equal(bad.length, 1);
  assert.deepEqual(bad[0].slice(0, 3), ['1', 'First_Order_Date', 'apply.bad_date']);
  assert.match(bad[0][3], /^2 \(skipped\)First_Order_Date"last tuesday"error/);
  // The pasted records feed the source path suggestions.
  const suggestions = await page.$$eval('#m-paths option', (os) => os.map((o) => o.value));
  assert.ok(suggestions.includes('orders_count') && suggestions.includes('created_at'));
  await shot('preview');
  await page.emulateMedia({ colorScheme: 'dark' });
  await shot('dark');
  await page.emulateMedia({ colorScheme: 'light' });
});

test('a sample that is not JSON says so, and the editor keeps working', async () => {
  await page.fill('#m-records', '[{"first_name": "Ana",');
  assert.deepEqual(await codesIn('.preview-out'), ['preview.syntax']);
  await page.fill('#m-records', JSON.stringify({ customers: CUSTOMERS }));
  await page.waitForSelector('#panel-mapping[data-sent="2"]');
  assert.match(await page.textContent('.preview-out'), /Using the "customers" array/);
});

test('generated Deluge does the same mapping and copies', async () => {
  const deluge = await page.inputValue('#m-deluge');
  assert.match(deluge, /Leads/);
  for (const f of ['First_Name', 'Email', 'First_Order_Date', 'Interests', 'Lead_Source', 'Last_Name']) assert.ok(deluge.includes(`"${f}"`), f);
  assert.deepEqual(await codesIn('.deluge-findings'), []);
  await page.click('#m-copy-deluge');
  // The confirmation follows the clipboard's promise: wait for it rather than read at once.
  await page.waitForFunction(() => document.querySelector('#m-copy-deluge')?.textContent === 'Copied ✓', null, { timeout: 5000 });
  assert.equal(await page.evaluate(() => navigator.clipboard.readText()), deluge);
});

test('save as profile → listed as a mapping in Profiles → open restores the rows', async () => {
  await page.fill('#m-profile-name', 'Shopify customers → Leads');
  await page.click('#m-save');
  await page.waitForSelector('#panel-mapping[data-saved]');
  assert.match(await page.textContent('#panel-mapping [role=status]'), /Saved "Shopify customers → Leads"/);
  const stored = await browser.serviceWorker.evaluate(() => chrome.storage.local.get('zck.profiles'));
  const [p] = stored['zck.profiles'].profiles;
  assert.equal(p.kind, 'mapping');
  assert.equal(p.data.module, 'Leads');
  assert.deepEqual(p.data.fields[2], { source: 'created_at', target: 'First_Order_Date', transforms: [{ op: 'formatDate', format: 'yyyy-MM-dd' }] });
  assert.deepEqual(p.data.sync, { direction: 'toCrm' });

  // Empty the editor, then open the profile from the Profiles tab.
  while (await rows()) await page.click('li.map-row button.icon[aria-label^="Remove field"]');
  await page.click('#tab-profiles');
  await page.waitForSelector('#panel-profiles[data-count="1"]');
  assert.match(await page.textContent('li.profile .meta'), /^mapping/);
  assert.equal(await page.inputValue('li.profile input[type=text]'), 'Shopify customers → Leads');
  await page.click('li.profile button:text("Open")');
  await page.waitForSelector('#tab-mapping[aria-selected="true"]');
  assert.equal(await page.isVisible('#panel-mapping'), true);
  assert.equal(await rows(), 6);
  assert.equal(await page.inputValue('#m-module'), 'Leads');
  assert.deepEqual(await page.$$eval('.map-row input[id^="m-src-"]', (els) => els.map((e) => e.value)),
    ['first_name', 'email', 'created_at', 'tags', 'source_name', 'last_name']);
  assert.equal(await page.inputValue('#m-tgt-2'), 'First_Order_Date');
  // chrome.storage keeps object keys sorted; the order of a value map does not matter.
  assert.equal(await page.inputValue('#m-tf-4-0-map'), 'pos = Partner\nweb = Online Store');
  assert.equal(await page.inputValue('#m-tf-1-1-to'), 'lower');
  assert.equal(await page.inputValue('#m-sync-direction'), 'toCrm');
  assert.equal(await page.textContent('.tally'), 'no problems found');
  assert.equal(await page.getAttribute('#panel-mapping', 'data-sent'), '2');
});

test('paste a sample record first: the core suggests CRM fields by name and type, and Add maps them', async () => {
  await open();
  await page.selectOption('#m-module', 'Leads');
  const before = await rows();
  // A record as a Shopify webhook sends it: names close to the CRM's, a phone, an opt-in flag as text.
  await page.fill('#m-records', JSON.stringify([{ first_name: 'Ana', last_name: 'Silva', email: 'ana@example.com', phone: '+351 21 000 0000', email_opt_out: 'yes' }]));
  await page.click('#m-suggest');
  await page.waitForSelector('#m-suggestions li');
  const offered = await page.$$eval('#m-suggestions li', (els) => els.map((e) => e.textContent));
  assert.ok(offered.some((t) => t.includes('last_name') && t.includes('Last_Name')), offered.join(' | '));
  assert.ok(offered.some((t) => t.includes('email') && t.includes('Email')), offered.join(' | '));
  const optOut = offered.find((t) => t.includes('email_opt_out'));
  assert.ok(optOut?.includes('Email_Opt_Out') && optOut.includes('parseBoolean'), `text "yes" into a boolean field needs parseBoolean: ${optOut}`);
  await shot('suggestions');
  // Add the boolean one: a row appears with its source, target and the transform the core asked for.
  await page.click('#m-suggestions li[data-source="email_opt_out"] button');
  assert.equal(await rows(), before + 1);
  const i = before;
  assert.equal(await page.inputValue(`#m-src-${i}`), 'email_opt_out');
  assert.equal(await page.inputValue(`#m-tgt-${i}`), 'Email_Opt_Out');
  assert.deepEqual(await page.$$eval(`.map-row[data-index="${i}"] li.transform`, (els) => els.map((e) => e.dataset.op)), ['parseBoolean']);
  assert.equal(await page.locator('#m-suggestions li[data-source="email_opt_out"]').count(), 0, 'an added suggestion leaves the list');
  // Asking again offers only what is not mapped yet.
  await page.click('#m-suggest');
  const again = await page.$$eval('#m-suggestions li', (els) => els.map((e) => e.getAttribute('data-source')));
  assert.ok(!again.includes('email_opt_out'));
});

test('issue 15: the Deluge calls the current connection\'s data center with its link name; an edit here stays here', async () => {
  await open();
  await fillConfig(page, caseConfig('clean: Zoho CRM as provider, EU')); // dataCenter eu, linkName zoho_crm_eu
  await page.click('#tab-mapping');
  await page.selectOption('#m-module', 'Leads');
  await addField('last_name', 'Last_Name', [['trim']]);
  await addField('email', 'Email', [['trim'], ['case', { to: 'lower' }]]);
  let deluge = await page.inputValue('#m-deluge');
  assert.match(deluge, /url: "https:\/\/www\.zohoapis\.eu\/crm\/v8\/Leads"/);
  assert.match(deluge, /connection: "zoho_crm_eu"/);
  assert.ok(!deluge.includes('zohoapis.com') && !deluge.includes('"zoho_crm"'), deluge);
  assert.deepEqual(core.checkDeluge(deluge).filter((d) => d.severity === 'error'), [], 'the generated Deluge passes the checker');
  // The two fields that decide where the record goes are visible and filled from the Connection tab.
  assert.equal(await page.inputValue('#m-dataCenter'), 'eu');
  assert.equal(await page.inputValue('#m-connection'), 'zoho_crm_eu');
  assert.match(await page.textContent('#m-target-note'), /Data center EU from "Zoho CRM EU"\. Link name zoho_crm_eu from "Zoho CRM EU"\./);
  await shot('connection');

  // An edit in the Mapping tab is local: the Deluge follows it, the Connection tab keeps its own values.
  await page.fill('#m-connection', 'crm_in_sales');
  await page.selectOption('#m-dataCenter', 'in');
  deluge = await page.inputValue('#m-deluge');
  assert.match(deluge, /url: "https:\/\/www\.zohoapis\.in\/crm\/v8\/Leads"/);
  assert.match(deluge, /connection: "crm_in_sales"/);
  assert.match(await page.textContent('#m-target-note'), /changed here; "Zoho CRM EU" is on EU/);
  await page.click('#tab-connection');
  assert.equal(await page.inputValue('#c-linkName'), 'zoho_crm_eu');
  assert.equal(await page.inputValue('#c-dataCenter'), 'eu');
  // A later change in the Connection tab does not undo the admin's edit here.
  await page.fill('#c-serviceName', 'Zoho CRM Europe');
  await page.click('#tab-mapping');
  assert.equal(await page.inputValue('#m-connection'), 'crm_in_sales');
  assert.equal(await page.inputValue('#m-dataCenter'), 'in');

  // A link name Zoho would refuse: the core's finding beside the field, and no Deluge to copy.
  await page.fill('#m-connection', 'CRM Sales!');
  assert.deepEqual(await codesIn('[data-findings-for="connection"]'), ['deluge.generate.bad_connection']);
  assert.equal(await page.inputValue('#m-deluge'), '');
  assert.equal(await page.isDisabled('#m-copy-deluge'), true);
});

test('issue 15: an external service\'s link name is not offered for the CRM call; its data center is', async () => {
  await open();
  await fillConfig(page, caseConfig('clean: HubSpot (external, EU, space-delimited scopes, other EU callback candidate)'));
  await page.click('#tab-mapping');
  await page.selectOption('#m-module', 'Contacts');
  await addField('last_name', 'Last_Name');
  const deluge = await page.inputValue('#m-deluge');
  assert.match(deluge, /url: "https:\/\/www\.zohoapis\.eu\/crm\/v8\/Contacts"/);
  assert.ok(!deluge.includes('"hubspot"'), deluge);
  assert.equal(await page.inputValue('#m-dataCenter'), 'eu');
  assert.equal(await page.inputValue('#m-connection'), '');
  assert.match(await page.textContent('#m-target-note'), /"HubSpot" is to an external service: give the link name of a Zoho CRM connection/);
});
