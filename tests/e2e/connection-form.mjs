// Shared by the Connection, Tokens and Explain tests: fill the Connection tab's form like an admin would.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT } from './harness.mjs';

/** The connection data files (crate/tests/data/connections/cases.json), by case name. */
export const CASES = JSON.parse(readFileSync(join(ROOT, 'crate', 'tests', 'data', 'connections', 'cases.json'), 'utf8'));
export const caseConfig = (name) => {
  const c = CASES.find((x) => x.name === name);
  if (!c) throw new Error(`no connection case named ${name}`);
  return c.config;
};

/** Auth type first (it decides which fields are shown), then every field: selects chosen, the rest typed. */
export async function fillConfig(page, config) {
  await page.click('#tab-connection');
  await page.selectOption('#c-authType', config.authType ?? '');
  for (const [key, value] of Object.entries(config)) {
    if (key === 'authType') continue;
    const sel = `#c-${key}`;
    const tag = await page.$eval(sel, (el) => el.tagName);
    if (tag === 'SELECT') await page.selectOption(sel, value);
    else await page.fill(sel, Array.isArray(value) ? value.join('\n') : value);
  }
}
