// Reads the connection form as the admin filled it in, into a ConnectionConfig. The choices the form shows
// ("OAuth2", "Query String", …: a select's option, the checked radio's text, a dropdown button's text) are page
// wording, mapped to the config's values by the display texts of the core's form schema (overlay/schema.ts). A
// field whose control could not be read is listed, not guessed.
import type { ConnectionConfig } from '../core';
import { type FieldElement, type FieldKey } from './form';
import { readField, type Field, type Reading } from './field';
import { choiceValue, fieldForAuth, isChoice, SCHEMA } from './schema';

/** Page fields that are not config fields (the connection part), and the config field each is checked as. */
const PAGE_ONLY = new Map(SCHEMA.pageFields.map((f) => [f.key as FieldKey, f.checkedAs]));

/** The config value of a choice as the page words it; the text itself when it names no choice (the core then
 *  says it is not one of the allowed values). */
function choice(key: FieldKey, text: string): string {
  return choiceValue(key, text) ?? text.trim();
}

export interface FormReading {
  config: ConnectionConfig;
  /** Fields found on the page whose value could not be read, with why. */
  notRead: { key: FieldKey; why: string }[];
  /** The connection part's values as read (shown in the panel). */
  connection: { name?: string; linkName?: string; serviceLinkName?: string };
  /** The choices as the page shows them (radio, dropdown), and the number of scopes: "read as" in the panel. */
  choices: Partial<Record<FieldKey, string>>;
  /** Fields named by what was typed in them (their captions were not understood), and how many text fields
   *  around them were not named at all. */
  named?: { byValue: FieldKey[]; unnamed: number };
  /** Config fields read from a page field of another key (a shared caption: Param Type → placement on an API-key
   *  form), config key → page field key; findings on the config key go to that page field. */
  aliases: Partial<Record<FieldKey, FieldKey>>;
}

/** The config the form describes; empty fields are left out. `read` reads one field (the content script passes
 *  one that keeps the widgets' readings until their rows change). */
export function readForm(fields: Partial<Record<FieldKey, Field>>, read: (f: Field) => Reading = readField): FormReading {
  const config: Record<string, unknown> = {};
  const notRead: FormReading['notRead'] = [];
  const connection: FormReading['connection'] = {};
  const choices: FormReading['choices'] = {};
  const texts: Partial<Record<FieldKey, string>> = {};
  for (const [key, f] of Object.entries(fields) as [FieldKey, Field][]) {
    const r = read(f);
    if ('notRead' in r) {
      notRead.push({ key, why: r.notRead });
      continue;
    }
    if ('list' in r) {
      if (r.list.length) config[key] = r.list;
      choices[key] = `${r.list.length} scope(s)`;
      continue;
    }
    const text = r.text.trim();
    if (!text) continue;
    if (key === 'connectionName') connection.name = text;
    else if (key === 'connectionLinkName') connection.linkName = text;
    if (PAGE_ONLY.has(key)) continue;
    const chosen = isChoice(key);
    texts[key] = text;
    config[key] = chosen ? choice(key, text) : text;
    if (chosen) choices[key] = text;
  }
  // Deluge's `connection:` is the connection's link name (the schema: Connection Link Name is checked as
  // linkName): on a two-part form that is the one the core checks and puts in the snippet (the service link name
  // is then not sent; the core's config has one link name).
  if (fields.connectionLinkName && PAGE_ONLY.get('connectionLinkName') === 'linkName') {
    if (typeof config.linkName === 'string') connection.serviceLinkName = config.linkName;
    if (connection.linkName) config.linkName = connection.linkName;
    else delete config.linkName;
  }
  // A form without an Authentication Type field that asks for a client and OAuth URLs is an OAuth 2 form.
  if (!fields.authType && (fields.clientId || fields.authorizeUrl || fields.tokenUrl)) config.authType = 'oauth2';
  // A caption two fields share was read as the first of them; the form's authentication type may use the other.
  const aliases: FormReading['aliases'] = {};
  if (typeof config.authType === 'string') {
    for (const [key, text] of Object.entries(texts) as [FieldKey, string][]) {
      const to = fieldForAuth(key, config.authType);
      if (!to || to in config) continue;
      config[to] = isChoice(to) ? choice(to, text) : text;
      delete config[key];
      aliases[to] = key;
    }
  }
  return { config: config as ConnectionConfig, notRead, connection, choices, aliases };
}

/** The config alone (see readForm). */
export function readConfig(fields: Partial<Record<FieldKey, Field>>): ConnectionConfig {
  return readForm(fields).config;
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
