// Loads the Wasm core once and re-exports its API with its published TypeScript types.
// The core holds all Zoho knowledge; the extension only displays what it answers.
import init, * as api from '../../pkg/web/zoho_connector_kit.js';
import { extensionUrl } from './browser';
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
  return extensionUrl('wasm/zoho_connector_kit_bg.wasm');
}

/** The initialised API; the Wasm is compiled on the first call only. */
export function core(): Promise<typeof api> {
  ready ??= init({ module_or_path: wasmUrl() }).then(() => guarded(api));
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
