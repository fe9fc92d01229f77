// Loads the Wasm core once and re-exports its API with its published TypeScript types.
// The core holds all Zoho knowledge; the extension only displays what it answers.
import init, * as api from '../../pkg/web/zoho_connector_kit.js';
import { extensionUrl } from './browser';
export type * from '../../pkg/web/zoho_connector_kit.js';

let ready: Promise<typeof api> | null = null;

/** Called when a Wasm call traps or overflows the stack (a bug). The next call runs on a fresh instance. */
let onPanic: ((report: string) => void) | null = null;
export function setPanicHandler(handler: (report: string) => void): void {
  onPanic = handler;
}

/**
 * True for the errors after which the Wasm instance may be dead: a trap (WebAssembly.RuntimeError: a Rust panic,
 * `unreachable`) and a stack overflow (RangeError: Maximum call stack size exceeded). An overflow unwinds through
 * the Wasm frames without restoring Rust's own stack pointer or releasing what the frames held, so after a few
 * the instance fails every call (issue 12). Both are treated alike: a report, and a fresh instance.
 */
export function isInstanceFailure(e: unknown): boolean {
  return e instanceof WebAssembly.RuntimeError || e instanceof RangeError;
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

/** The instance failed; the next call starts a fresh one first. */
let broken = false;
/** How many instances were started (1 after the first load): for the tests and the report. */
let instances = 0;
export function instanceCount(): number {
  return instances;
}
let failure: unknown = null;
let reportQueued = false;

/** Replaces a failed instance with a fresh one from the compiled module (the page keeps its state). */
function renew(): void {
  api.__wbg_reset_state();
  broken = false;
  instances++;
  queueReport();
}

/** Reports the failure from a fresh task: a stack overflow leaves no stack to build a report on. */
function queueReport(): void {
  if (reportQueued || failure === null) return;
  setTimeout(report, 0);
  reportQueued = true;
}

function report(): void {
  reportQueued = false;
  const e = failure;
  failure = null;
  if (e !== null) onPanic?.(panicReport(e));
}

/** Records a failure from a promise (a fresh stack). */
function failed(e: unknown): void {
  if (!isInstanceFailure(e)) return;
  broken = true;
  failure ??= e;
  queueReport();
}

/** Every export, guarded: a trap or a stack overflow marks the instance for renewal and is reported before it is
 *  rethrown; the next call starts a fresh instance first. */
function guarded(module: typeof api): typeof api {
  return new Proxy(module, {
    get(target, prop, receiver) {
      const value = Reflect.get(target, prop, receiver) as unknown;
      if (typeof value !== 'function' || prop === '__wbg_reset_state') return value;
      return (...args: unknown[]) => {
        if (broken) renew();
        try {
          const out = (value as (...a: unknown[]) => unknown)(...args);
          if (out instanceof Promise) {
            return out.catch((e: unknown) => {
              failed(e);
              throw e;
            });
          }
          return out;
        } catch (e) {
          // Inline, without calls: near the stack's limit a call here could overflow again and lose the flag.
          if (e instanceof WebAssembly.RuntimeError || e instanceof RangeError) {
            broken = true;
            failure ??= e;
          }
          try {
            queueReport();
          } catch {
            // No stack left even for setTimeout: the renewal on the next call queues the report.
          }
          throw e;
        }
      };
    },
  });
}

/** Resolves the Wasm file inside the extension, or next to the page in the demo (no chrome.runtime there). */
export function wasmUrl(): string {
  return extensionUrl('wasm/zoho_connector_kit_bg.wasm');
}

/** The instance's linear memory, once started (for the benchmark's memory figure). */
let memory: WebAssembly.Memory | null = null;

function start(source: string | BufferSource): Promise<typeof api> {
  ready ??= init({ module_or_path: source }).then((exports) => {
    instances = 1;
    memory = exports.memory;
    return guarded(api);
  });
  return ready;
}

/** The initialised API; the Wasm is compiled on the first call only. */
export function core(): Promise<typeof api> {
  return start(wasmUrl());
}

/**
 * The initialised API from the module's bytes, for the content script: it cannot fetch the extension's files (they
 * are not web-accessible), so the service worker hands it the bytes. Rejects where the page's CSP forbids Wasm.
 */
export function coreFromBytes(bytes: BufferSource): Promise<typeof api> {
  return start(bytes);
}

/** Bytes of linear memory the started instance holds (0 before it starts). */
export function coreMemoryBytes(): number {
  return memory?.buffer.byteLength ?? 0;
}

/**
 * Codes of the findings the extension makes itself (JSON it parses before the core sees it, messages it refuses, an
 * instance failure). The core's codes are `FindingCode`, generated from its Rust table; the two lists do not overlap.
 */
export type ExtensionCode = 'json.syntax' | 'import.syntax' | 'import.shape' | 'import.invalid' | 'preview.syntax'
  | 'preview.unwrapped' | 'preview.single' | 'preview.shape' | 'internal.error' | 'internal.crash' | 'message.refused';

/** A finding an extension page shows: one of the core's, or one the extension made (`ExtensionCode`). */
export type Finding = Omit<api.Diagnostic, 'code'> & { code: api.FindingCode | ExtensionCode };

/** The plain sentence shown for an instance failure, wherever it happens (popup, overlay). */
export const CRASH_MESSAGE = 'zoho-connector-kit hit an internal error (a bug, not something you did). Nothing you saved is affected.';

/** Turns anything thrown by the core into a plain error record (ZckError carries code and diagnostics); a trap or a
 *  stack overflow becomes `internal.crash` with the plain sentence and a copyable report. */
export function errorRecord(e: unknown): { code: api.FindingCode | ExtensionCode; message: string; diagnostics?: api.Diagnostic[]; report?: string } {
  if (isInstanceFailure(e)) return { code: 'internal.crash', message: CRASH_MESSAGE, report: panicReport(e) };
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
