// The one message contract between the content script, the popup and the service worker.
// Every request names its type; every reply is either { ok: true, ... } or { ok: false, error }.
import type { Detection, Diagnostic } from './core';

/** A request from the content script (overlay) to the service worker. */
export type Request =
  | { type: 'zck:detect'; text: string }
  | { type: 'zck:ping' };

/** The reply to each request type. */
export interface ReplyMap {
  'zck:detect': { detection: Detection };
  'zck:ping': { version: string };
}

export type Reply<T extends Request['type']> =
  | ({ ok: true } & ReplyMap[T])
  | { ok: false; error: { code: string; message: string; diagnostics?: Diagnostic[] } };

export const MESSAGE_TYPES: ReadonlyArray<Request['type']> = ['zck:detect', 'zck:ping'];

/** True for a well-formed request object (anything else is refused by the service worker). */
export function isRequest(value: unknown): value is Request {
  if (typeof value !== 'object' || value === null) return false;
  const v = value as { type?: unknown; text?: unknown };
  switch (v.type) {
    case 'zck:detect':
      return typeof v.text === 'string' && v.text.length <= 4096;
    case 'zck:ping':
      return true;
    default:
      return false;
  }
}
