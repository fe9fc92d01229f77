// The overlay's form check, one function wherever it runs: in the service worker (service.ts) and, where the page's
// CSP lets the content script compile Wasm, inside the page (overlay/local.ts). Synchronous: the core's calls are.
import type * as Api from '../../pkg/web/zoho_connector_kit.js';
import type { Reply, Request } from './messages';
import type { Source } from './sources';
import { remember } from './memo';

type CheckRequest = Extract<Request, { type: 'zck:check-form' }>;

/** The data center of each page host seen (a handful: one per CRM host), found once: the overlay checks on every
 *  keystroke, always from the same page. */
const byHost = new Map<string, Api.Detection>();
function detectHost(api: typeof Api, host: string): Api.Detection {
  return remember(byHost, host, 32, () => api.detectDataCenter(host));
}

/** The last assist and the config it answered, without the client ID and secret: assist never reads those (the
 *  property test in crate/tests/api_never_panics.rs asserts it), and they are what the admin types most, so a
 *  keystroke in them costs the validation alone. */
let lastAssist: { api: typeof Api; key: string; assist: Api.Assist } | null = null;
function assistFor(api: typeof Api, config: Api.ConnectionConfig): Api.Assist {
  const { clientId: _id, clientSecret: _secret, ...rest } = config;
  const key = JSON.stringify(rest);
  if (lastAssist && lastAssist.api === api && lastAssist.key === key) return lastAssist.assist;
  const assist = api.assistConnection(config);
  lastAssist = { api, key, assist };
  return assist;
}

/**
 * Checks a connection form as read from the page. The page's host tells the admin's data center when the form does
 * not; the host name alone: no path or query of the page can steer it. `sourceOf` names the registry entries the
 * findings cite (the panel shows their titles as links).
 *
 * @example
 * const reply = checkForm(api, { type: 'zck:check-form', config: { clientId: '1000.X' }, pageHost: 'crm.zoho.eu' }, sourceOf);
 * // reply.detection.dataCenter === 'eu'; reply.report.diagnostics lists the findings
 */
export function checkForm(api: typeof Api, request: CheckRequest, sourceOf: (id: string) => Source | undefined): Reply<'zck:check-form'> {
  const started = performance.now();
  const detection = detectHost(api, request.pageHost);
  const config = { ...request.config };
  if (!config.dataCenter && detection.dataCenter) config.dataCenter = detection.dataCenter;
  const report = api.validateConnection(config);
  const assist = assistFor(api, config);
  const sources: Record<string, Source> = {};
  for (const d of report.diagnostics) {
    const found = d.source ? sourceOf(d.source) : undefined;
    if (found) sources[found.id] = found;
  }
  return { ok: true, detection, report, assist, checkMs: performance.now() - started, sources };
}
