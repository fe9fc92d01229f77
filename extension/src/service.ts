// What the service worker answers, as a plain function of a request (so the demo page can reuse it).
import { core, wasmUrl } from './core';
import { checkForm } from './check-form';
import type { Reply, Request } from './messages';
import { allSources, loadSources, sourceOf } from './sources';

export async function handle(request: Request): Promise<Reply<Request['type']>> {
  const [api] = await Promise.all([core(), loadSources()]);
  switch (request.type) {
    case 'zck:detect':
      return { ok: true, detection: api.detectDataCenter(request.text) };
    case 'zck:ping':
      return { ok: true, version: api.version() };
    case 'zck:check-form':
      return checkForm(api, request, sourceOf);
    case 'zck:core-module':
      return { ok: true, wasm: await moduleBase64(), sources: allSources() };
    case 'zck:connection-test':
      return { ok: true, report: await api.testConnection(request.input) };
  }
}

let moduleText: Promise<string> | null = null;
/** The core's Wasm file in base64, read once. */
function moduleBase64(): Promise<string> {
  moduleText ??= fetch(wasmUrl())
    .then((r) => {
      if (!r.ok) throw new Error(`the core's module could not be read (${r.status})`);
      return r.arrayBuffer();
    })
    .then((buffer) => {
      const bytes = new Uint8Array(buffer);
      let text = '';
      for (let i = 0; i < bytes.length; i += 0x8000) text += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
      return btoa(text);
    });
  moduleText.catch(() => { moduleText = null; });
  return moduleText;
}
