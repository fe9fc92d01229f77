//! `validateConnection`: the connection doctor for JavaScript.

use super::error::to_js;
use super::read;
use crate::connection::{validate_connection as validate, ConnectionConfigInput};
use wasm_bindgen::prelude::*;

#[wasm_bindgen(typescript_custom_section)]
const TS_CONNECTION: &'static str = r#"
/** A Deluge custom-service connection config (the file the Connection tab exports). Unknown fields throw. */
export interface ConnectionConfig {
  /** Display name, up to 50 characters. */
  serviceName?: string;
  /** Starts with a lowercase letter; lowercase letters, digits, "_"; up to 50 characters. */
  linkName?: string;
  /** "oauth1" is recognised but not checked. */
  authType?: "oauth2" | "apiKey" | "basic" | "oauth1";
  /** OAuth 2 only; default "authorizationCode". */
  grantType?: "authorizationCode" | "clientCredentials";
  /** A key ("eu") or any Zoho URL or domain; detected from the URLs when absent. */
  dataCenter?: string;
  clientId?: string;
  /** Never echoed in findings. */
  clientSecret?: string;
  authorizeUrl?: string;
  tokenUrl?: string;
  refreshUrl?: string;
  revokeUrl?: string;
  redirectUri?: string;
  /** A list, or one string delimited by scopeDelimiter. */
  scopes?: string[] | string;
  /** Default "comma". */
  scopeDelimiter?: "comma" | "space" | "plus";
  paramType?: "query" | "header";
  /** API key: parameter or header name. */
  keyName?: string;
  placement?: "query" | "header" | "formData";
  username?: string;
  /** Never echoed in findings. */
  password?: string;
  /** The preset the config started from ("hubspot", …); its own rules are applied. */
  preset?: string;
  /** File format version (exported profiles carry it); absent means 1. */
  schemaVersion?: number;
}

export type ProviderKind = "zoho" | "external" | "undetermined";

export interface Provider {
  kind: ProviderKind;
  /** The field the decision rests on. */
  field?: string;
  reason: string;
}

export interface RedirectCandidate {
  value: string;
  source: string;
}

export interface Registration {
  /** Where to register the OAuth client. */
  at: string;
  clientType?: string;
  /** More than one when sources disagree (EU, IN); empty when no source is known (SA, UK, AE). */
  redirectUris: RedirectCandidate[];
  redirectStatus?: CallbackStatus;
  homepage?: string;
  notes: string[];
}

export interface ConnectionSummary {
  /** As given when valid, else suggested from the service name. */
  linkName?: string;
  linkNameSuggested: boolean;
  authType?: "oauth2" | "apiKey" | "basic" | "oauth1";
  grantType?: "authorizationCode" | "clientCredentials";
  dataCenter?: DataCenterId;
  dataCenterName?: string;
  /** The field the data center was read or detected from. */
  dataCenterFrom?: string;
  provider: Provider;
  register: Registration;
  /** Present only when no finding is an error. */
  tryUrl?: string;
  tryUrlNote: string;
  delugeUsage?: string;
  counts: { errors: number; warnings: number; infos: number };
  /** No error and no warning: show "Looks right" once; the notes stay in `diagnostics`. */
  looksRight: boolean;
  /** "Looks right.", or how many errors and warnings are left to fix or check. */
  verdict: string;
}

export interface ConnectionReport {
  /** Errors first, then warnings, then notes. */
  diagnostics: Diagnostic[];
  summary: ConnectionSummary;
}
"#;

/// Checks a whole connection config: `{ diagnostics, summary }`. Throws `ZckError` only for unreadable input
/// (unknown field, wrong type).
#[wasm_bindgen(js_name = validateConnection, unchecked_return_type = "ConnectionReport")]
pub fn validate_connection(
    #[wasm_bindgen(unchecked_param_type = "ConnectionConfig")] config: JsValue,
) -> Result<JsValue, JsValue> {
    let input: ConnectionConfigInput = read(config)?;
    to_js(&validate(&input))
}

#[wasm_bindgen(typescript_custom_section)]
const TS_ASSIST: &'static str = r#"
export interface Suggestion { field: string; value: string; source: string; matches: boolean; }
export interface Assist {
  dataCenter?: DataCenterId;
  provider: "zoho" | "external" | "undetermined";
  preset?: string;
  suggestions: Suggestion[];
  callbacks: { value: string; source: string }[];
  deluge?: string;
}
"#;

/// What the overlay offers for a config: values to fill, callbacks to register, a first Deluge call.
#[wasm_bindgen(js_name = assistConnection, unchecked_return_type = "Assist")]
pub fn assist_connection(
    #[wasm_bindgen(unchecked_param_type = "ConnectionConfig")] config: JsValue,
) -> Result<JsValue, JsValue> {
    let config: ConnectionConfigInput = read(config)?;
    to_js(&crate::connection::assist::assist(&config))
}
