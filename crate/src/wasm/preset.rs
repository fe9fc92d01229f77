//! `listPresets`, `startFromPreset`: the service presets for JavaScript.

use super::error::to_js;
use crate::data_center::DataCenterId;
use crate::preset;
use wasm_bindgen::prelude::*;

#[wasm_bindgen(typescript_custom_section)]
const TS_PRESET: &'static str = r#"
export interface Sourced<T> { value: T; source: string; }
export interface Preset {
  id: string;
  name: string;
  provider: "zoho" | "external";
  authType: string;
  grantType: string;
  /** "{accounts}" stands for the admin's accounts server, "{shop}" for a per-shop host. */
  authorizeUrl: Sourced<string>;
  tokenUrl: Sourced<string>;
  refreshUrl: Sourced<string> | null;
  revokeUrl: Sourced<string> | null;
  scopeDelimiter: Sourced<string> | null;
  scopes: Sourced<string[]>;
  apiBase: Sourced<string>;
  /** A first, read-only API call to try once connected; null when no source gives one. Write it as Deluge with
   * generateInvokeUrl({ url, method, connection }) after replacing "{api}" (the data center's API domain) and
   * "{shop}"; `zck preset first-call` does the same natively. */
  firstCall: Sourced<{ method: string; url: string }> | null;
  quirks: { text: string; source: string }[];
  rules: Record<string, unknown>;
}
"#;

/// Every preset, with the source of each fact.
#[wasm_bindgen(js_name = listPresets, unchecked_return_type = "Preset[]")]
pub fn list_presets() -> Result<JsValue, JsValue> {
    to_js(preset::presets())
}

/// A connection config started from a preset for a data center (key such as "eu"; any other text is ignored).
#[wasm_bindgen(js_name = startFromPreset, unchecked_return_type = "ConnectionConfig | undefined")]
pub fn start_from_preset(id: &str, data_center: Option<String>) -> Result<JsValue, JsValue> {
    let dc = data_center.and_then(|d| d.parse::<DataCenterId>().ok());
    match preset::find(id) {
        Some(p) => to_js(&preset::start_config(p, dc)),
        None => Ok(JsValue::UNDEFINED),
    }
}
