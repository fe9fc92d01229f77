//! `listPresets`, `startFromPreset`: the service presets for JavaScript.

use super::error::to_js;
use crate::data_center::DataCenterId;
use crate::preset;
use wasm_bindgen::prelude::*;

#[wasm_bindgen(typescript_custom_section)]
const TS_PRESET: &'static str = r#"
export interface Sourced<T> { value: T; source: string; }
/** A preset's first API call as Deluge, or the finding that none is known. */
export interface PresetFirstCall { deluge?: string; source?: string; diagnostics: Diagnostic[]; }
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
  /** A first, read-only API call to try once connected; null when no source gives one. */
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

/// The preset's first, read-only API call as Deluge `invokeurl` through the connection `linkName` (default: the
/// preset id), for a data center (key such as "eu"); `undefined` for an unknown preset.
#[wasm_bindgen(js_name = presetFirstCall, unchecked_return_type = "PresetFirstCall | undefined")]
pub fn preset_first_call(id: &str, data_center: Option<String>, link_name: Option<String>) -> Result<JsValue, JsValue> {
    let Some(p) = preset::find(id) else { return Ok(JsValue::UNDEFINED) };
    let dc = data_center.and_then(|d| d.parse::<DataCenterId>().ok());
    let link = link_name.unwrap_or_else(|| p.id.clone());
    let answer = match preset::first_call_deluge(p, dc, &link) {
        Ok(deluge) => serde_json::json!({
            "deluge": deluge,
            "source": p.first_call.as_ref().map(|c| c.source.clone()),
            "diagnostics": []
        }),
        Err(d) => serde_json::json!({ "diagnostics": [d] }),
    };
    to_js(&answer)
}
