// The connection config being edited in the Connection tab, shared with the Tokens and Explain tabs.
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

/** True when the config holds at least one value the admin typed or loaded. */
export function hasConfig(config: ConnectionConfig): boolean {
  return Object.values(config).some((v) => (Array.isArray(v) ? v.length > 0 : v !== undefined && v !== ''));
}
