//! `testConnection`: the live connection test over `fetch`.

use super::error::to_js;
use super::fetch::Fetch;
use crate::connection_test::{self, ConnectionTestInput};
use wasm_bindgen::prelude::*;

#[wasm_bindgen(typescript_custom_section)]
const TS: &'static str = r#"
export interface ConnectionTestInput {
  /** A key ("eu") or any Zoho URL; used when apiDomain is absent. */
  dataCenter?: string;
  /**
   * The api_domain of the token response (preferred): exactly a Zoho CRM API origin of the registry
   * (https://www. / sandbox. / developer.zohoapis.*), else refused with a test.api_domain_… finding and nothing is sent.
   */
  apiDomain?: string;
  environment?: "production" | "sandbox" | "developer";
  /** Used for this test only; never stored, never printed. */
  accessToken?: string;
  /** Per-call timeout, default 10000. */
  timeoutMs?: number;
}
export interface CallResult {
  name: "currentUser" | "org";
  url: string;
  scope: string;
  status?: number;
  latencyMs: number;
  withinTarget: boolean;
  ok: boolean;
  errorCode?: string;
  errorBody?: string;
  /** [key, value] pairs read from a successful reply. */
  seen?: [string, string][];
}
export interface ConnectionTestReport {
  ok: boolean;
  apiDomain?: string;
  dataCenter?: DataCenterId;
  calls: CallResult[];
  missingScopes: string[];
  diagnostics: Diagnostic[];
}
"#;

/// Calls the CRM with the given access token and reports status, latency and findings.
#[wasm_bindgen(js_name = testConnection, unchecked_return_type = "Promise<ConnectionTestReport>")]
pub async fn test_connection(
    #[wasm_bindgen(unchecked_param_type = "ConnectionTestInput")] input: JsValue,
) -> Result<JsValue, JsValue> {
    let input: ConnectionTestInput = super::read(input)?;
    to_js(&connection_test::run(&Fetch, &input).await)
}
