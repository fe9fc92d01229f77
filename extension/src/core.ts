// Loads the Wasm core once and re-exports its API with its published TypeScript types.
// The core holds all Zoho knowledge; the extension only displays what it answers.
import init, * as api from '../../pkg/web/zoho_connector_kit.js';
export type * from '../../pkg/web/zoho_connector_kit.js';

let ready: Promise<typeof api> | null = null;

/** Called when the Wasm traps (a Rust panic: a bug). The instance must not be used again until reloaded. */
let onPanic: ((report: string) => void) | null = null;
export function setPanicHandler(handler: (report: string) => void): void {
  onPanic = handler;
}

/** A copyable report of an internal error: no user input, no secrets — only what identifies the failure. */
export function panicReport(e: unknown): string {
  const err = e instanceof Error ? e : new Error(String(e));
  return [
    'zoho-connector-kit internal error',
    `version: ${safeVersion()}`,
    `error: ${err.name}: ${err.message}`,
    `where: ${(err.stack ?? '').split('\n').slice(0, 6).join(' | ')}`,
    `browser: ${navigator.userAgent}`,
  ].join('\n');
}

function safeVersion(): string {
  try {
    return api.version();
  } catch {
    return '?';
  }
}

/** Every export, guarded: a trap (WebAssembly.RuntimeError) goes to the panic handler before it is rethrown. */
function guarded(module: typeof api): typeof api {
  return new Proxy(module, {
    get(target, prop, receiver) {
      const value = Reflect.get(target, prop, receiver) as unknown;
      if (typeof value !== 'function') return value;
      return (...args: unknown[]) => {
        try {
          const out = (value as (...a: unknown[]) => unknown)(...args);
          if (out instanceof Promise) {
            return out.catch((e: unknown) => {
              if (e instanceof WebAssembly.RuntimeError) onPanic?.(panicReport(e));
              throw e;
            });
          }
          return out;
        } catch (e) {
          if (e instanceof WebAssembly.RuntimeError) onPanic?.(panicReport(e));
          throw e;
        }
      };
    },
  });
}

/** Resolves the Wasm file inside the extension, or next to the page in the demo (no chrome.runtime there). */
function wasmUrl(): string {
  const path = 'wasm/zoho_connector_kit_bg.wasm';
  const rt = (globalThis as { chrome?: typeof chrome }).chrome?.runtime;
  return rt?.getURL ? rt.getURL(path) : new URL(path, (globalThis as { location?: Location }).location?.href).href;
}

/** The initialised API; the Wasm is compiled on the first call only. */
export function core(): Promise<typeof api> {
  ready ??= init({ module_or_path: wasmUrl() }).then(() => guarded(api));
  return ready;
}

/**
 * Codes of the findings the extension makes itself (JSON it parses before the core sees it, messages it refuses).
 * The core's codes are `FindingCode`, generated from its Rust table; the two lists do not overlap.
 */
export type ExtensionCode = 'json.syntax' | 'import.syntax' | 'import.shape' | 'import.invalid' | 'preview.syntax'
  | 'preview.unwrapped' | 'preview.single' | 'preview.shape' | 'internal.error' | 'message.refused';

/** A finding an extension page shows: one of the core's, or one the extension made (`ExtensionCode`). */
export type Finding = Omit<api.Diagnostic, 'code'> & { code: api.FindingCode | ExtensionCode };

/** Turns anything thrown by the core into a plain error record (ZckError carries code and diagnostics). */
export function errorRecord(e: unknown): { code: api.FindingCode | ExtensionCode; message: string; diagnostics?: api.Diagnostic[] } {
  if (e instanceof Error) {
    const z = e as Error & { code?: unknown; diagnostics?: unknown };
    return {
      // A ZckError's code comes from the core's table.
      code: typeof z.code === 'string' ? (z.code as api.FindingCode) : 'internal.error',
      message: e.message,
      ...(Array.isArray(z.diagnostics) ? { diagnostics: z.diagnostics as api.Diagnostic[] } : {}),
    };
  }
  return { code: 'internal.error', message: String(e) };
}
