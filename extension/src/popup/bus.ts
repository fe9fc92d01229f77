// A tiny typed event bus between the popup's tabs (e.g. the Profiles tab opening a profile in the Connection tab).
import type { Profile } from '../profiles/store';

export interface PopupEvents {
  /** Open a stored profile in the tab that edits its kind (and switch to that tab). */
  'profile:open': Profile;
  /** Switch to a tab by id. */
  'tab:select': string;
  /** The profile list changed (saved, renamed, imported, deleted). */
  'profiles:changed': void;
}

type Handler<K extends keyof PopupEvents> = (payload: PopupEvents[K]) => void;
const handlers = new Map<keyof PopupEvents, Set<Handler<never>>>();

export function on<K extends keyof PopupEvents>(event: K, handler: Handler<K>): () => void {
  const set = handlers.get(event) ?? new Set();
  set.add(handler as Handler<never>);
  handlers.set(event, set);
  return () => set.delete(handler as Handler<never>);
}

export function emit<K extends keyof PopupEvents>(event: K, payload: PopupEvents[K]): void {
  for (const h of handlers.get(event) ?? []) (h as Handler<K>)(payload);
}
