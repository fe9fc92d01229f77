//! TypeScript declarations published with the npm package. They mirror the serde types of the core; the npm
//! tests type-check a caller against them (`tests/js/types-check.ts`).

use wasm_bindgen::prelude::*;

// `export type FindingCode = …`, generated from the Rust table of codes so the two cannot drift apart.
#[wasm_bindgen(typescript_custom_section)]
const TS_FINDING_CODES: &str = crate::code::TS_FINDING_CODES;

#[wasm_bindgen(typescript_custom_section)]
const TS_TYPES: &'static str = r#"
/** How serious a finding is. */
export type Severity = "error" | "warning" | "info";

/** One finding: stable code, severity, the input field it concerns, a sentence and a fix. */
export interface Diagnostic {
  /** Stable dotted code, e.g. "dc.wrong_host": one of {@link FindingCode}. */
  code: FindingCode;
  severity: Severity;
  /** The input field, e.g. "scopes[1]"; "" for the whole input. */
  path: string;
  message: string;
  fix: string;
  /** Where the Zoho fact behind the finding comes from. */
  source?: string;
  /** 1-based line, for findings in text. */
  line?: number;
  /** 1-based column, for findings in text. */
  column?: number;
}

/** Thrown when an input cannot be read (unknown field, wrong type). */
export interface ZckError extends Error {
  name: "ZckError";
  /** e.g. "input.unknown_field". */
  code: FindingCode;
  path: string;
  diagnostics: Diagnostic[];
}

export type DataCenterId = "us" | "eu" | "in" | "au" | "cn" | "jp" | "ca" | "sa" | "uk" | "ae";
export type Confidence = "official" | "sdk" | "thirdParty";

/** A value with its source. */
export interface Fact {
  value: string;
  source: string;
  confidence: Confidence;
}

export type CallbackStatus = "consistent" | "singleSource" | "conflicting" | "unknown";

export interface DataCenter {
  id: DataCenterId;
  name: string;
  inCrmSdks: boolean;
  accountsServer: Fact;
  apiDomain: Fact | null;
  sandboxApiDomain: Fact | null;
  developerApiDomain: Fact | null;
  fileHost: Fact | null;
  crmWebHost: Fact | null;
  apiConsole: Fact | null;
  callbackStatus: CallbackStatus;
  /** Every candidate Deluge callback URL; more than one when sources conflict. */
  delugeCallbacks: Fact[];
  notes: string[];
}

export type HostRole =
  | "accountsServer" | "apiDomain" | "fileHost" | "crmWeb" | "apiConsole" | "delugeCallback" | "domainSuffix"
  | "locationKey";

export interface Detection {
  dataCenter: DataCenterId | null;
  name?: string;
  host?: string;
  role?: HostRole;
  environment?: "production" | "sandbox" | "developer";
  matched?: "exact" | "corrected" | "suffix";
  diagnostics: Diagnostic[];
}

export interface AuthorizationInput {
  /** A key ("eu") or any Zoho URL or domain. */
  dataCenter?: string;
  clientId?: string;
  /** A list, or one string delimited by commas, spaces or plus signs. */
  scopes?: string[] | string;
  redirectUri?: string;
  /** Default "offline". */
  accessType?: "offline" | "online";
  prompt?: "consent";
  /** Random (platform CSPRNG) when absent. */
  state?: string;
}

export interface AuthorizationUrl {
  /** Absent when an error finding prevents the URL. */
  url?: string;
  dataCenter?: DataCenterId;
  state: string;
  diagnostics: Diagnostic[];
}
"#;
