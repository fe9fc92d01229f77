//! `validateConnection`: the connection doctor for JavaScript; `connectionFormSchema`: the fields of its config.
//!
//! The `ConnectionConfig` declaration below is checked against [`crate::connection::ConnectionConfigInput`] and
//! the form schema by `crate/tests/form_schema.rs` (keys, order and allowed values), so it cannot drift.

use super::error::{json_to_js, to_js};
use super::read;
use crate::connection::form_schema::FormSchema;
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
const TS_FORM_SCHEMA: &'static str = r#"
/** A text as Zoho's connection form (or the setup guide) shows it, with its source. */
export interface FormLabel { text: string; source: string; }

/** One allowed value: the config value, this tool's name for it, Zoho's wording. */
export interface FormChoice { value: string; title: string; zoho: FormLabel[]; source?: string; }

/** One config field. */
export interface FormField {
  key: keyof ConnectionConfig;
  /** This tool's name for the field. */
  title: string;
  /** Its labels on Zoho's form, the one Zoho's pages give first; empty when not on the form or not sourced. */
  labels: FormLabel[];
  /** "service": the custom service; "connection": the connection made from it; "file": only in the config file. */
  group: "service" | "connection" | "file";
  kind: "text" | "url" | "scopes" | "choice" | "number";
  /** For kind "choice" (the data centers come from the data-center table). */
  choices: FormChoice[];
  /** The value assumed when the field is absent. */
  default?: string;
  /** The meaning of "no value", when the field may be left out. */
  unset?: string;
  /** Never echoed, exported or stored unless the user asks. */
  secret: boolean;
  /** The authentication types that use it (all four for the common fields). */
  authTypes: NonNullable<ConnectionConfig["authType"]>[];
}

/** Every field of ConnectionConfig, in file order. */
export interface ConnectionFormSchema { fields: FormField[]; }
"#;

/// The connection form schema: each config field's key, Zoho's labels (sourced), group, allowed values, whether
/// it is secret and which authentication types use it. The popup, the overlay and profile storage read it.
#[wasm_bindgen(js_name = connectionFormSchema, unchecked_return_type = "ConnectionFormSchema")]
pub fn connection_form_schema() -> Result<JsValue, JsValue> {
    json_to_js(Ok(FormSchema.to_json()))
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
