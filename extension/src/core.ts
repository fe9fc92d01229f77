// Loads the Wasm core once and re-exports its API with its published TypeScript types.
// The core holds all Zoho knowledge; the extension only displays what it answers.
import init, * as api from '../../pkg/web/zoho_connector_kit.js';
export type * from '../../pkg/web/zoho_connector_kit.js';

let ready: Promise<typeof api> | null = null;

/** Resolves the Wasm file inside the extension, or next to the page in the demo (no chrome.runtime there). */
function wasmUrl(): string {
  const path = 'wasm/zoho_connector_kit_bg.wasm';
  const rt = (globalThis as { chrome?: typeof chrome }).chrome?.runtime;
  return rt?.getURL ? rt.getURL(path) : new URL(path, (globalThis as { location?: Location }).location?.href).href;
}

/** The initialised API; the Wasm is compiled on the first call only. */
export function core(): Promise<typeof api> {
  ready ??= init({ module_or_path: wasmUrl() }).then(() => api);
  return ready;
}

/** Turns anything thrown by the core into a plain error record (ZckError carries code and diagnostics). */
export function errorRecord(e: unknown): { code: string; message: string; diagnostics?: api.Diagnostic[] } {
  if (e instanceof Error) {
    const z = e as Error & { code?: unknown; diagnostics?: unknown };
    return {
      code: typeof z.code === 'string' ? z.code : 'internal.error',
      message: e.message,
      ...(Array.isArray(z.diagnostics) ? { diagnostics: z.diagnostics as api.Diagnostic[] } : {}),
    };
  }
  return { code: 'internal.error', message: String(e) };
}
