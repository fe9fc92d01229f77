// The user's settings (options page): default data center, default scopes, Deluge style. Stored in
// chrome.storage.local (localStorage on the demo page), checked on every read: anything missing or of the wrong
// type falls back to its default, and the user is told.
import { storage } from './browser';

export interface Settings {
  /** A data-center key ("eu"), or "" for none. */
  defaultDataCenter: string;
  /** Scopes to start new configs with. */
  defaultScopes: string[];
  /** How generated Deluge builds maps: Map() with put lines, or a literal. */
  delugeStyle: 'putLines' | 'literal';
}

export const DEFAULT_SETTINGS: Settings = { defaultDataCenter: '', defaultScopes: [], delugeStyle: 'putLines' };
const KEY = 'zck.settings';

/** Reads the settings; `notices` says what was reset to its default and why. */
export async function loadSettings(): Promise<{ settings: Settings; notices: string[] }> {
  let raw: unknown;
  try {
    raw = await storage.get(KEY);
    if (typeof raw === 'string') raw = JSON.parse(raw); // the demo page keeps JSON text
  } catch {
    return { settings: { ...DEFAULT_SETTINGS }, notices: ['Saved settings could not be read; the defaults are used.'] };
  }
  if (raw === undefined || raw === null) return { settings: { ...DEFAULT_SETTINGS }, notices: [] };
  const v = (typeof raw === 'object' ? raw : {}) as Record<string, unknown>;
  const notices: string[] = [];
  const settings: Settings = { ...DEFAULT_SETTINGS };
  if (typeof v.defaultDataCenter === 'string' && /^[a-z]{0,2}$/.test(v.defaultDataCenter)) settings.defaultDataCenter = v.defaultDataCenter;
  else if (v.defaultDataCenter !== undefined) notices.push('The saved default data center was invalid and was reset.');
  if (Array.isArray(v.defaultScopes) && v.defaultScopes.every((s) => typeof s === 'string')) settings.defaultScopes = v.defaultScopes as string[];
  else if (v.defaultScopes !== undefined) notices.push('The saved default scopes were invalid and were reset.');
  if (v.delugeStyle === 'putLines' || v.delugeStyle === 'literal') settings.delugeStyle = v.delugeStyle;
  else if (v.delugeStyle !== undefined) notices.push('The saved Deluge style was invalid and was reset.');
  if (typeof raw !== 'object') notices.push('Saved settings had an unexpected shape; the defaults are used.');
  return { settings, notices };
}

export async function saveSettings(settings: Settings): Promise<void> {
  await storage.set(KEY, settings);
}
