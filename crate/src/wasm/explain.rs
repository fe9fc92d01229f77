//! JS binding of [`crate::explain`]: what a Zoho error means.

use super::error::to_js;
use super::read;
use crate::explain;
use wasm_bindgen::prelude::*;

#[wasm_bindgen(typescript_custom_section)]
const TS_EXPLAIN: &'static str = r#"
export type CauseId =
  | "wrong_data_center" | "redirect_mismatch" | "code_expired_or_reused" | "missing_offline_access"
  | "scope_missing" | "token_expired" | "token_revoked" | "rate_limited" | "token_limit" | "invalid_field_value"
  | "missing_required_field" | "duplicate_value" | "permission" | "invalid_module" | "invalid_url"
  | "wrong_client_credentials" | "server_error" | "unknown";

export interface ExplainContext {
  /** A whole connection config; its dataCenter, URLs and scopes are used when the fields below are absent. */
  config?: Record<string, unknown>;
  /** The config's data center: a key or any Zoho URL. */
  dataCenter?: string;
  tokenUrl?: string;
  authorizeUrl?: string;
  scopes?: string[] | string;
  /** Where the account lives: a key or any Zoho URL. */
  accountDataCenter?: string;
  /** The redirect's `location` parameter. */
  location?: string;
  /** The redirect's `accounts-server` parameter. */
  accountsServer?: string;
  /** The whole redirect URL. */
  redirectUrl?: string;
  /** The URL the failing request went to. */
  requestUrl?: string;
  request?: "exchange" | "refresh" | "revoke";
}

export interface ExplainInput {
  status?: number;
  /** The response body: JSON value or text (JSON or not). */
  body?: unknown;
  context?: ExplainContext;
}

export interface Explanation {
  /** As Zoho sent it ("INVALID_TOKEN", "invalid_client", "8535"), or "HTTP 401" for a bare status. */
  code: string;
  title: string;
  /** Most likely first. */
  likelyCauses: { id: CauseId; explanation: string }[];
  fixes: string[];
  /** details.api_name (or param_name). */
  field?: string;
  expectedDataType?: string;
  maximumLength?: number;
  message?: string;
  /** e.g. "data[1]" */
  path?: string;
  status?: number;
  family: "http" | "crm" | "tokenEndpoint" | "analytics" | "crmV1" | "undocumented" | "unknown";
  recognised: boolean;
  notes: string[];
  otherErrors?: { index: number; code: string; field?: string; message?: string }[];
  source?: string;
}
"#;

/// Explains a Zoho error from its status and/or body; never throws for an unknown code.
#[wasm_bindgen(js_name = explainError, unchecked_return_type = "Explanation")]
pub fn explain_error(
    #[wasm_bindgen(unchecked_param_type = "ExplainInput")] input: JsValue,
) -> Result<JsValue, JsValue> {
    let input: explain::ExplainInput = read(input)?;
    to_js(&explain::explain_error(&input))
}
