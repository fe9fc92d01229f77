// Reads the connection form as the admin filled it in, into a ConnectionConfig. The option texts of the form's
// selects ("OAuth2", "Query String", …) are page wording, mapped here to the config's values.
import type { ConnectionConfig } from '../core';
import { normalizeLabel, type FieldElement, type FieldKey } from './form';

const CHOICES: Partial<Record<FieldKey, [RegExp, string][]>> = {
  authType: [[/^oauth ?2/, 'oauth2'], [/^oauth ?1/, 'oauth1'], [/^api ?key/, 'apiKey'], [/^basic/, 'basic']],
  grantType: [[/^authori[sz]ation code/, 'authorizationCode'], [/^client credentials/, 'clientCredentials']],
  scopeDelimiter: [[/^comma/, 'comma'], [/^space/, 'space'], [/^plus/, 'plus']],
  paramType: [[/^query/, 'query'], [/^header/, 'header']],
};

/** The visible value of a field: a select's chosen option text, else the typed text. */
export function fieldText(el: FieldElement): string {
  if (el instanceof HTMLSelectElement) return el.selectedOptions[0]?.textContent ?? el.value;
  return el.value;
}

function choice(key: FieldKey, text: string): string {
  const t = normalizeLabel(text);
  for (const [re, value] of CHOICES[key] ?? []) if (re.test(t)) return value;
  return text.trim();
}

/** The config the form describes; empty fields are left out. */
export function readConfig(fields: Partial<Record<FieldKey, FieldElement>>): ConnectionConfig {
  const config: Record<string, unknown> = {};
  for (const [key, el] of Object.entries(fields) as [FieldKey, FieldElement][]) {
    const text = fieldText(el).trim();
    if (!text) continue;
    config[key] = CHOICES[key] ? choice(key, text) : text;
  }
  // A form without an Authentication Type field that asks for a client and OAuth URLs is an OAuth 2 form.
  if (!fields.authType && (fields.clientId || fields.authorizeUrl || fields.tokenUrl)) config.authType = 'oauth2';
  return config as ConnectionConfig;
}

/** Sets a field's value as if typed, so the page's own scripts (React, Angular…) see the change. */
export function fillField(el: FieldElement, value: string): void {
  const proto = Object.getPrototypeOf(el) as object;
  const setter = Object.getOwnPropertyDescriptor(proto, 'value')?.set;
  if (setter) setter.call(el, value);
  else el.value = value;
  el.dispatchEvent(new Event('input', { bubbles: true }));
  el.dispatchEvent(new Event('change', { bubbles: true }));
}
