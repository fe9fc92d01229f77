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

/**
 * A whole-page screenshot at the popup's width. The viewport is grown to the page's height first, so no scrollbar
 * takes width from the layout (a fullPage shot after a scrolled layout cuts the right edge).
 */
export async function shot(page, path) {
  const size = page.viewportSize();
  const height = await page.evaluate(() => document.documentElement.scrollHeight);
  await page.setViewportSize({ width: size.width, height: Math.max(height, 200) });
  await page.screenshot({ path });
  await page.setViewportSize(size);
}
