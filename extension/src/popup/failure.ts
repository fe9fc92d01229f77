// Turns anything an API call threw into findings to show (a ZckError carries its own diagnostics).
import type { Finding } from '../core';
import { errorRecord } from '../core';

/** The thrown error's diagnostics, or one finding made of its code and message. */
export function failureFindings(e: unknown): Finding[] {
  const err = errorRecord(e);
  return err.diagnostics ?? [{ code: err.code, severity: 'error', path: '', message: err.message, fix: 'Check the input; if it looks right, report this message.' }];
}

/** The nodes that are present (for `replaceChildren` with optional parts). */
export function present(...nodes: (Node | string | null | undefined)[]): (Node | string)[] {
  return nodes.filter((n): n is Node | string => n !== null && n !== undefined);
}
