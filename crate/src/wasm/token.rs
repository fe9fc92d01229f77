//! JS bindings of [`crate::token`]: token requests, token responses, limits, throttling and the token store.

use super::error::to_js;
use super::read;
use crate::token;
use wasm_bindgen::prelude::*;

#[wasm_bindgen(typescript_custom_section)]
const TS_TOKEN: &'static str = r#"
/** What the token requests are built from. Secrets are masked in every output unless `reveal` is true. */
export interface TokenRequestInput {
  /** A whole connection config (as `validateConnection` takes); the fields below override its values. */
  config?: Record<string, unknown>;
  /** A key ("eu") or any Zoho URL or domain. */
  dataCenter?: string;
  tokenUrl?: string;
  refreshUrl?: string;
  revokeUrl?: string;
  clientId?: string;
  clientSecret?: string;
  redirectUri?: string;
  /** The grant code (code exchange). */
  code?: string;
  refreshToken?: string;
  /** The token to revoke; the refresh token when absent. */
  token?: string;
  reveal?: boolean;
  /** The preset ("mailchimp", …): for an external service the URLs come from the input or the preset only. */
  preset?: string;
}

export type RequestKind = "exchange" | "refresh" | "revoke";

export interface FormField { name: string; value: string; secret: boolean; missing: boolean; }
export interface HttpHeader { name: string; value: string; }

export interface TokenRequest {
  kind: RequestKind;
  method: "POST";
  url: string;
  headers: HttpHeader[];
  form: FormField[];
  /** application/x-www-form-urlencoded */
  body: string;
  curl: string;
  deluge?: string;
  /** Input fields still needed (placeholders stand in). */
  missing: string[];
  source: string;
}

export interface TokenRequests {
  dataCenter?: DataCenterId;
  revealed: boolean;
  exchange?: TokenRequest;
  refresh?: TokenRequest;
  revoke?: TokenRequest;
  diagnostics: Diagnostic[];
}

export interface TokenResponseInput {
  /** The response body: an object, or its text. */
  body?: unknown;
  status?: number;
  /** When the token was issued, epoch ms (the core has no clock). */
  issuedAt?: number;
  /** Default 10. */
  refreshMarginMinutes?: number;
  /** A URL to be called with the token; warned about when not on api_domain. */
  callUrl?: string;
  grant?: RequestKind;
  reveal?: boolean;
}

export interface TokenResponse {
  ok: boolean;
  accessToken?: string;
  refreshToken?: string;
  apiDomain?: string;
  tokenType?: string;
  scopes: string[];
  expiresInMs?: number;
  expiresInUnit?: "seconds" | "milliseconds" | "assumed";
  issuedAt?: number;
  expiresAt?: number;
  refreshAt?: number;
  refreshMarginMs: number;
  authorizationHeader?: HttpHeader;
  error?: Explanation;
  diagnostics: Diagnostic[];
}

export type LimitId =
  | "grantCodesPerClient" | "accessTokensPerRefreshToken" | "activeAccessTokensPerRefreshToken"
  | "refreshTokensPerUser" | "grantCodeLifetime" | "accessTokenLifetime" | "refreshTokenLifetime";

export interface LimitValue { value: string; detail: string; source: string; confidence: Confidence; }

export interface TokenLimit {
  id: LimitId;
  title: string;
  per: string;
  windowMs?: number;
  /** One per source wording; several when sources differ. */
  values: LimitValue[];
  sourcesAgree: boolean;
}

export type ThrottleKind = "grantCode" | "accessToken" | "refreshToken";

export interface ThrottleInput {
  kind?: ThrottleKind;
  events?: { at: number; key?: string }[];
  /** When the next request would be sent, epoch ms; the last event's time when absent. */
  at?: number;
  key?: string;
}

export interface ThrottleAnswer {
  kind?: ThrottleKind;
  at: number;
  limit: number;
  windowMs?: number;
  counted: number;
  throttled: boolean;
  passesAt?: number;
  evictsOldest: boolean;
  note: string;
  /** Registry id of the source of the limit applied (an entry of `zoho-connector-kit/sources.json`). */
  source: string;
  /** Registry ids of every source of the limit, the applied one first; more than one when they differ. */
  sources: string[];
  diagnostics: Diagnostic[];
}

export interface StoreColumn { name: string; sqlType: string; primaryKey: boolean; secret: boolean; meaning: string; }

export interface TokenStoreSchema {
  database: string;
  table: string;
  columns: StoreColumn[];
  ddl: string;
  source: string;
  /** The JSON record the extension stores (tokens only when opted in). */
  extensionRecord: StoreColumn[];
}
"#;

/// Builds the code-exchange, refresh and revoke requests (data, curl, Deluge), secrets masked unless `reveal`.
#[wasm_bindgen(js_name = buildTokenRequests, unchecked_return_type = "TokenRequests")]
pub fn build_token_requests(
    #[wasm_bindgen(unchecked_param_type = "TokenRequestInput")] input: JsValue,
) -> Result<JsValue, JsValue> {
    let input: token::TokenRequestInput = read(input)?;
    to_js(&token::build_token_requests(&input))
}

/// Reads a token response: lifetime, expiry and refresh time, header, API domain, or the error explained.
#[wasm_bindgen(js_name = parseTokenResponse, unchecked_return_type = "TokenResponse")]
pub fn parse_token_response(
    #[wasm_bindgen(unchecked_param_type = "TokenResponseInput")] input: JsValue,
) -> Result<JsValue, JsValue> {
    let input: token::TokenResponseInput = read(input)?;
    to_js(&token::parse_token_response(&input))
}

/// Every token limit, each value with its source.
#[wasm_bindgen(js_name = tokenLimits, unchecked_return_type = "TokenLimit[]")]
pub fn token_limits() -> Result<JsValue, JsValue> {
    to_js(token::token_limits())
}

/// Would the next token request be throttled, and from when would it pass?
#[wasm_bindgen(js_name = checkThrottle, unchecked_return_type = "ThrottleAnswer")]
pub fn check_throttle(
    #[wasm_bindgen(unchecked_param_type = "ThrottleInput")] input: JsValue,
) -> Result<JsValue, JsValue> {
    let input: token::ThrottleInput = read(input)?;
    to_js(&token::check_throttle(&input))
}

/// The official SDKs' `oauthtoken` table (with DDL) and the extension's stored record.
#[wasm_bindgen(js_name = tokenStoreSchema, unchecked_return_type = "TokenStoreSchema")]
pub fn token_store_schema() -> Result<JsValue, JsValue> {
    to_js(&token::token_store_schema())
}
