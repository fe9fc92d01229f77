// What the Mapping, Explain and Test tabs take from the current connection (./current, the Connection tab): its
// data center and the link name of a Zoho connection, as the core reads them; and a control that shows such a value
// until the admin changes it in that tab (the change stays local to the tab).
import type { Api } from './tabs';
import type { ConnectionConfig, ConnectionSummary, DataCenterId } from '../core';
import { hasConfig } from './current';

/** The current connection as the other tabs use it. Empty (`{ dataCenterGiven: false }`) before anything is typed. */
export interface ConnectionFacts {
  /** The connection's data center: the one the admin gave, else the one read from its Zoho URLs. */
  dataCenter?: DataCenterId;
  /** True when the admin gave the data center (where the account lives); false when it was read from the URLs. */
  dataCenterGiven: boolean;
  /** The link name as given, when it is a valid one. */
  linkName?: string;
  /** Who issues the tokens: a CRM call needs a connection to Zoho itself, not to an external service. */
  provider?: 'zoho' | 'external' | 'undetermined';
  serviceName?: string;
}

/**
 * The data center and link name of a connection config, as the core resolves them (a key or any Zoho URL in
 * `dataCenter`; else detected from the URLs). A config the core cannot read gives no facts, never an exception.
 *
 * ```ts
 * connectionFacts(api, { serviceName: 'Zoho CRM EU', linkName: 'zoho_crm_eu', dataCenter: 'https://crm.zoho.eu' })
 * // → { dataCenter: 'eu', dataCenterGiven: true, linkName: 'zoho_crm_eu', provider: 'undetermined', serviceName: 'Zoho CRM EU' }
 * ```
 */
export function connectionFacts(api: Pick<Api, 'validateConnection'>, config: ConnectionConfig): ConnectionFacts {
  // The tabs that follow the connection all ask on the same change, with the same config object: check it once.
  const known = facts.get(config);
  if (known) return known;
  const found = readFacts(api, config);
  facts.set(config, found);
  return found;
}

const facts = new WeakMap<ConnectionConfig, ConnectionFacts>();

/**
 * Keeps the facts of `config` from a report the caller already has (the Connection tab validates every change
 * itself): the tabs that follow then ask the core nothing more for that config.
 *
 * ```ts
 * const report = api.validateConnection(config);
 * noteReport(config, report);
 * connectionFacts(api, config); // from the report: no second validation
 * ```
 */
export function noteReport(config: ConnectionConfig, report: { summary: ConnectionSummary }): void {
  facts.set(config, hasConfig(config) ? factsOf(config, report.summary) : { dataCenterGiven: false });
}

function readFacts(api: Pick<Api, 'validateConnection'>, config: ConnectionConfig): ConnectionFacts {
  if (!hasConfig(config)) return { dataCenterGiven: false };
  let summary;
  try {
    summary = api.validateConnection(config).summary;
  } catch {
    return { dataCenterGiven: false };
  }
  return factsOf(config, summary);
}

function factsOf(config: ConnectionConfig, summary: ConnectionSummary): ConnectionFacts {
  return {
    ...(summary.dataCenter ? { dataCenter: summary.dataCenter } : {}),
    dataCenterGiven: Boolean(summary.dataCenter) && summary.dataCenterFrom === 'dataCenter',
    ...(summary.linkName && !summary.linkNameSuggested ? { linkName: summary.linkName } : {}),
    provider: summary.provider.kind,
    ...(config.serviceName?.trim() ? { serviceName: config.serviceName.trim() } : {}),
  };
}

/**
 * A control that shows a value of the current connection until the admin changes it (by typing or choosing); from
 * then on it keeps the admin's value. `follow(value)` sets it while it still follows.
 */
export interface Followed {
  follow(value: string): void;
  /** False once the admin changed the control. */
  readonly following: boolean;
}

export function followed(control: HTMLInputElement | HTMLSelectElement): Followed {
  let following = true;
  control.addEventListener(control instanceof HTMLSelectElement ? 'change' : 'input', () => {
    following = false;
  });
  return {
    follow(value: string): void {
      if (following) control.value = value;
    },
    get following() {
      return following;
    },
  };
}
