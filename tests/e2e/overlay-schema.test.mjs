// The overlay reads the captions of the core's form schema, not a list of its own (issue 13 item 2): the page is
// written from pkg/form-schema.json (the Rust schema, built), one row per field Zoho's form shows, once with each
// caption the schema gives (English labels, the connection part, the localized captions). A caption added to the
// Rust schema is therefore on this page at the next build, and the overlay must find its field.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { launch, ROOT, waitForOverlay as waitFor } from './harness.mjs';

let browser;
before(async () => { browser = await launch(process.env.ZCK_EXTENSION_DIR ? { extensionDir: process.env.ZCK_EXTENSION_DIR } : {}); });
after(async () => { await browser?.close(); });

const schema = JSON.parse(readFileSync(join(ROOT, 'pkg', 'form-schema.json'), 'utf8'));
/** Every field on Zoho's form with its captions: config fields with a label (not file-only), then the page fields. */
const onForm = [
  ...schema.fields.filter((f) => f.group !== 'file' && f.labels.length > 0),
  ...schema.pageFields,
].map((f) => ({
  key: f.key,
  captions: [...new Set([...f.labels.map((l) => l.text), ...schema.localized.filter((l) => l.key === f.key).map((l) => l.text)])],
}));
/** A caption two fields share names the first of them (Param Type: OAuth 2's parameter type before an API key's
 *  placement); a field none of whose captions is its own is not expected on its own row. */
const owner = new Map();
for (const f of onForm) for (const c of f.captions) if (!owner.has(c.toLowerCase())) owner.set(c.toLowerCase(), f.key);
const variants = Math.max(...onForm.map((f) => f.captions.length));

for (let v = 0; v < variants; v++) {
  const rows = onForm.map((f) => ({ key: f.key, caption: f.captions[Math.min(v, f.captions.length - 1)] }))
    .filter((r) => owner.get(r.caption.toLowerCase()) === r.key);
  test(`every caption of the form schema is read (captions #${v + 1}: ${rows.map((r) => r.caption).join(', ')})`, async () => {
    const page = await browser.context.newPage();
    await page.goto('https://crm.zoho.eu/crm/org1/settings/connections/connection-form-schema');
    await page.evaluate((list) => {
      const form = document.getElementById('f');
      for (const { caption } of list) {
        const r = document.createElement('div');
        r.className = 'r';
        const c = document.createElement('span');
        c.textContent = caption;
        r.append(c, document.createElement('input'));
        form.append(r);
      }
    }, rows);
    await page.fill('.r:nth-child(1) input', 'Zoho CRM');
    const want = rows.map((r) => r.key).sort();
    await waitFor(page, (o) => o.dc === 'eu', 'the overlay');
    // The overlay's host lists the fields it found (data-fields); wait until it has them all, or 10 s.
    await page.waitForFunction((n) => (document.querySelector('zck-overlay')?.dataset.fields ?? '').split(' ').length >= n,
      want.length, { timeout: 10000 }).catch(() => null);
    const got = (await page.evaluate(() => document.querySelector('zck-overlay')?.dataset.fields ?? '')).split(' ').sort();
    assert.deepEqual(got, want, 'the fields the overlay found on a page captioned from the schema');
    await page.close();
  });
}
