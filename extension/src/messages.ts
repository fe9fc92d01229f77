// The one message contract between the content script, the popup and the service worker.
// Every request names its type; every reply is either { ok: true, ... } or { ok: false, error }.
import type { Assist, ConnectionConfig, ConnectionReport, ConnectionTestInput, ConnectionTestReport, Detection, Diagnostic } from './core';
import type { Source } from './sources';
export type { ConnectionTestReport };

/** A request from the content script (overlay) to the service worker. */
export type Request =
  | { type: 'zck:detect'; text: string }
  | { type: 'zck:ping' }
  /** From the overlay: the connection form as read from the page, and the page's host name — only the host:
   *  the data center is the host's, whatever the page's path or query says (issue 12: `?location=us` on
   *  crm.zoho.eu made the panel say US, and a URL over 4,096 characters was refused). */
  | { type: 'zck:check-form'; config: ConnectionConfig; pageHost: string }
  /** From the overlay, once a connection form is found: the core's module and the source registry, so the form can
   *  be checked inside the page where its CSP allows Wasm (the content script cannot fetch the extension's files). */
  | { type: 'zck:core-module' }
  /** From the popup only: the live connection test (the token lives in this message and in memory only). */
  | { type: 'zck:connection-test'; input: ConnectionTestInput };

/** The reply to each request type. */
export interface ReplyMap {
  'zck:detect': { detection: Detection };
  'zck:ping': { version: string };
  /** checkMs: how long the core took (for the benchmark). */
  /** sources: the registry entries the findings cite (the content script cannot read the extension's files). */
  'zck:check-form': { detection: Detection; report: ConnectionReport; assist: Assist; checkMs: number; sources: Record<string, Source> };
  /** wasm: the module's bytes in base64 (messages carry JSON); sources: the whole registry. */
  'zck:core-module': { wasm: string; sources: Source[] };
  'zck:connection-test': { report: ConnectionTestReport };
}

export type Reply<T extends Request['type']> =
  | ({ ok: true } & ReplyMap[T])
  /** `report`: for `internal.crash` (a trap or a stack overflow in the core), the copyable report. */
  | { ok: false; error: { code: string; message: string; diagnostics?: Diagnostic[]; report?: string } };

export const MESSAGE_TYPES: ReadonlyArray<Request['type']> = ['zck:detect', 'zck:ping', 'zck:check-form', 'zck:core-module', 'zck:connection-test'];

/** A DNS host name as `location.hostname` gives it: letters, digits, dots and hyphens, at most 253 characters. */
const HOST_NAME = /^[a-z0-9.-]{1,253}$/i;

/** True for a well-formed request object (anything else is refused by the service worker). */
export function isRequest(value: unknown): value is Request {
  if (typeof value !== 'object' || value === null) return false;
  const v = value as { type?: unknown; text?: unknown; input?: unknown; config?: unknown; pageHost?: unknown };
  const isObject = (x: unknown) => typeof x === 'object' && x !== null && !Array.isArray(x);
  switch (v.type) {
    case 'zck:detect':
      return typeof v.text === 'string' && v.text.length <= 4096;
    case 'zck:ping':
    case 'zck:core-module':
      return true;
    case 'zck:check-form':
      return isObject(v.config) && typeof v.pageHost === 'string' && HOST_NAME.test(v.pageHost);
    case 'zck:connection-test':
      return isObject(v.input);
    default:
      return false;
  }
}
