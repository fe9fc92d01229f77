// The connection config being edited in the Connection tab, shared with the Authorize, Tokens, Explain and Deluge
// tabs: one current connection (data center, link name, provider, scopes) drives every tab (issue 15, item 2).
// It lives in this module only (never stored): the Connection tab sets it on every keystroke, the others listen.
import type { ConnectionConfig } from '../core';

type Listener = (config: ConnectionConfig) => void;

let current: ConnectionConfig = {};
const listeners = new Set<Listener>();

/** The config as the Connection tab shows it now (an empty object before anything was typed). */
export function currentConfig(): ConnectionConfig {
  return current;
}

/** Replaces the shared config and tells every listener. */
export function setCurrentConfig(config: ConnectionConfig): void {
  current = config;
  for (const l of listeners) l(config);
}

/** Calls `listener` on every change; returns the function that stops it. */
export function onConfigChange(listener: Listener): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/** True when the config holds at least one value the admin typed or loaded, besides where the account lives (the
 *  Connection tab asks that first and remembers it, so it alone is not a config). */
export function hasConfig(config: ConnectionConfig): boolean {
  return Object.entries(config).some(([k, v]) => k !== 'dataCenter' && (Array.isArray(v) ? v.length > 0 : v !== undefined && v !== ''));
}

/**
 * Keeps `input` showing the current connection's link name (the name Deluge's `connection:` takes) until the admin
 * types in it; returns the function that stops it.
 *
 * @example
 * followLinkName(document.querySelector('#dg-connection'));
 */
export function followLinkName(input: HTMLInputElement): () => void {
  let typed = false;
  input.addEventListener('input', () => { typed = input.value !== '' && input.value !== current.linkName; });
  const fill = (config: ConnectionConfig) => {
    if (typed || !config.linkName) return;
    input.value = config.linkName;
    input.dispatchEvent(new Event('input', { bubbles: true }));
    typed = false;
  };
  fill(current);
  return onConfigChange(fill);
}
