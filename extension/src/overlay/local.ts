// The check inside the page (issue 14: keystroke → findings painted). A check in the service worker costs a round
// trip through the browser process (8 ms median, 14 ms p95 here) for a 0.6 ms check, so findings often missed the
// frame that shows the typed character. Once a connection form is found, the content script asks the worker for
// the core's module (its files are not web-accessible, so the bytes come in the message) and, where the page's CSP
// lets an isolated world compile Wasm, checks every later keystroke itself, in the same task as the input event.
// Where the page forbids Wasm (a CSP without 'wasm-unsafe-eval' applies to content scripts too), or until the
// module is ready, checks go to the service worker as before: the answers are the same function's (check-form.ts).
import type * as Api from '../../../pkg/web/zoho_connector_kit.js';
import { coreFromBytes, coreMemoryBytes, errorRecord } from '../core';
import { checkForm } from '../check-form';
import { sourceOf, useSources } from '../sources';
import { hasPorts, messenger } from '../browser';
import type { Reply, Request } from '../messages';
import { askCheck } from './channel';

type CheckRequest = Extract<Request, { type: 'zck:check-form' }>;
type CheckReply = Reply<'zck:check-form'>;

/** Where the overlay's checks run now. */
export type CheckPlace = 'worker' | 'page';

let api: typeof Api | null = null;
let state: 'idle' | 'loading' | 'ready' | 'unavailable' = 'idle';
let unavailable = '';
/** Where the last check ran. */
let lastPlace: CheckPlace = 'worker';

/** The smallest valid module: compiling it tells whether the page's CSP allows Wasm, without fetching anything. */
const EMPTY_MODULE = new Uint8Array([0x00, 0x61, 0x73, 0x6d, 0x01, 0x00, 0x00, 0x00]);

/** True when this content script may compile Wasm on this page. A refusal is also reported to the page's CSP
 *  reporting, once per page (this runs once, when a connection form is first found). */
export function pageAllowsWasm(): boolean {
  try {
    new WebAssembly.Module(EMPTY_MODULE);
    return true;
  } catch {
    return false;
  }
}

/** The module's bytes from base64: the browser's own decoder where it has one (Chromium 140+), else atob. */
function bytesOf(base64: string): Uint8Array<ArrayBuffer> {
  const native = (Uint8Array as { fromBase64?: (text: string) => Uint8Array<ArrayBuffer> }).fromBase64;
  if (native) return native.call(Uint8Array, base64);
  const text = atob(base64);
  const bytes = new Uint8Array(text.length);
  for (let i = 0; i < text.length; i++) bytes[i] = text.charCodeAt(i);
  return bytes;
}

/** Checks run at idle once the page's core is ready, before the admin's next keystrokes need it (see `warm`).
 *  Measured with V8's compile trace on the Lyte form in a frame, 200 keystrokes typed after the warm-up, two runs
 *  each: 300 checks left 16–19 functions to its top tier during the typing (28–80 ms of compiles), 1000 left 8–17,
 *  3000 left 2–3 (3–11 ms). 3000 checks take 0.2–0.7 s of idle CPU, once per page. */
const WARM_CHECKS = 3000;
/** How long one idle slice runs before it gives the thread back (the check under way finishes first: slices of up
 *  to 24 ms were seen). Keys typed during the warm-up (100, 30 ms apart, three runs) waited 1.0–1.7 ms p95 for
 *  their first listener; without this limit, relying on the browser's deadline and `inputPending()`, slices ran to
 *  48 ms and the wait was 1.1–2.6 ms p95. */
const WARM_SLICE_MS = 8;
let warmed = 0;
let warmMs = 0;
/** The longest idle slice so far (ms): how long a key pressed during the warm-up could have waited. */
let warmLongest = 0;
/** When the core became ready, and when its warm-up ended (performance.now()). */
let readyAt = 0;
let warmAt = 0;

/** True when a key or click is waiting for the page's thread (Chromium's `navigator.scheduling`; false elsewhere). */
function inputPending(): boolean {
  const scheduling = (navigator as { scheduling?: { isInputPending?: () => boolean } }).scheduling;
  return scheduling?.isInputPending?.() ?? false;
}

/**
 * Runs the form's check WARM_CHECKS times at idle, its results thrown away. The core's module starts in V8's
 * baseline tier (Liftoff) and is compiled to the optimising tier function by function as each one's budget runs
 * out, on background threads: without this, that happened during the admin's typing (seen in a trace: 82 ms of
 * top-tier compiles spread over 100 keystrokes, competing with the frames on a two-core machine, and each check
 * slower meanwhile). Each idle slice stops 2 ms before the browser's deadline, after WARM_SLICE_MS, or as soon as
 * input is waiting, so typing meanwhile is not held up; the Client ID is lengthened as typing would, so the same
 * paths grow hot.
 */
function warm(sample: () => CheckRequest | null): void {
  if (typeof requestIdleCallback !== 'function') return;
  const slice = (deadline: IdleDeadline) => {
    const base = sample();
    if (!api || !base) return;
    const started = performance.now();
    while (warmed < WARM_CHECKS && deadline.timeRemaining() > 2 && performance.now() - started < WARM_SLICE_MS && !inputPending()) {
      const clientId = `${base.config.clientId ?? ''}${'X'.repeat(warmed % 64)}`;
      warmed++;
      try {
        checkForm(api, { ...base, config: { ...base.config, clientId } }, sourceOf);
      } catch {
        warmed = WARM_CHECKS; // a core that traps is restarted by the next real check; stop warming
      }
    }
    const took = performance.now() - started;
    warmMs += took;
    warmLongest = Math.max(warmLongest, took);
    if (warmed < WARM_CHECKS) requestIdleCallback(slice);
    else warmAt = performance.now();
  };
  requestIdleCallback(slice);
}

/**
 * Starts the core inside the page, once (called when a connection form is found). `onReady` runs when checks move
 * into the page; then the core is warmed at idle on `sample()`, the form as it is read now. Never throws: where it
 * cannot start, checks stay with the service worker.
 */
export function startPageCore(onReady: () => void, sample: () => CheckRequest | null): void {
  if (state !== 'idle') return;
  const post = messenger();
  // The demo page has no service worker to hand over the module (and plays a CRM host it is not).
  if (!post || !hasPorts()) {
    state = 'unavailable';
    unavailable = 'no extension runtime';
    return;
  }
  if (!pageAllowsWasm()) {
    state = 'unavailable';
    unavailable = "the page's Content-Security-Policy forbids Wasm";
    return;
  }
  state = 'loading';
  post({ type: 'zck:core-module' })
    .then((reply) => {
      const r = reply as Reply<'zck:core-module'> | undefined;
      if (!r?.ok) throw new Error(r ? r.error.message : 'no reply');
      useSources(r.sources);
      return coreFromBytes(bytesOf(r.wasm));
    })
    .then((ready) => {
      api = ready;
      state = 'ready';
      readyAt = performance.now();
      onReady();
      warm(sample);
    })
    .catch((e: unknown) => {
      state = 'unavailable';
      unavailable = e instanceof Error ? e.message : String(e);
    });
}

/** Checks the form in the page when the core is ready there, else asks the service worker. */
export function checkFormAnywhere(request: CheckRequest): Promise<CheckReply> {
  lastPlace = api ? 'page' : 'worker';
  if (!api) return askCheck(request);
  let reply: CheckReply;
  try {
    reply = checkForm(api, request, sourceOf);
  } catch (e) {
    // A trap or a stack overflow: the guarded core starts a fresh instance on the next call.
    reply = { ok: false, error: errorRecord(e) };
  }
  return Promise.resolve(reply);
}

/** The guarded core running in the page, once started (null before, and where it cannot run). */
export function pageCore(): typeof Api | null {
  return api;
}

/** Where the last check ran, why checks cannot run in the page (when they cannot), and the page core's memory in
 *  KiB (0 when it has not started). */
export function checkPlace(): { place: CheckPlace; why: string; memoryKiB: number } {
  return { place: lastPlace, why: unavailable, memoryKiB: Math.round(coreMemoryBytes() / 1024) };
}

/** How far the idle warm-up of the page's core has gone: checks run of WARM_CHECKS, their time in ms, the longest
 *  idle slice in ms, and the ms from the core ready to the warm-up done (null until done). */
export function warmUp(): { checks: number; of: number; ms: number; longest: number; took: number | null } {
  return { checks: warmed, of: WARM_CHECKS, ms: warmMs, longest: warmLongest, took: warmAt ? warmAt - readyAt : null };
}
