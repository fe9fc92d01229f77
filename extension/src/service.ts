// What the service worker answers, as a plain function of a request (so the demo page can reuse it).
import { core } from './core';
import type { Reply, Request } from './messages';
import { loadSources, sourceOf, type Source } from './sources';

export async function handle(request: Request): Promise<Reply<Request['type']>> {
  const [api] = await Promise.all([core(), loadSources()]);
  switch (request.type) {
    case 'zck:detect':
      return { ok: true, detection: api.detectDataCenter(request.text) };
    case 'zck:ping':
      return { ok: true, version: api.version() };
    case 'zck:check-form': {
      // The page's host tells the admin's data center when the form does not. The host name alone: no path or
      // query of the page can steer it.
      const started = performance.now();
      const detection = api.detectDataCenter(request.pageHost);
      const config = { ...request.config };
      if (!config.dataCenter && detection.dataCenter) config.dataCenter = detection.dataCenter;
      const report = api.validateConnection(config);
      const assist = api.assistConnection(config);
      const sources: Record<string, Source> = {};
      for (const d of report.diagnostics) {
        const found = d.source ? sourceOf(d.source) : undefined;
        if (found) sources[found.id] = found;
      }
      return { ok: true, detection, report, assist, checkMs: performance.now() - started, sources };
    }
    case 'zck:connection-test':
      return { ok: true, report: await api.testConnection(request.input) };
  }
}
