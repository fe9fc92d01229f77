//! JavaScript bindings (feature `wasm`). This module converts and does not decide: every function reads a JS
//! value into an `…Input` type (refusing unknown fields with a finding that names the field), calls the core, and
//! converts the answer back. Failures reach JS as real `Error` objects with `name = "ZckError"`, a `code`, a `path`
//! and the `diagnostics` list.
//!
//! The TypeScript types of the npm package are declared in [`types`] and attached to each export with
//! `unchecked_param_type` / `unchecked_return_type`, so `tsc` checks callers against them.

mod connection;
mod deluge;
mod error;
mod explain;
mod fetch;
mod live_test;
mod mapping;
mod preset;
mod token;
mod types;

use crate::code::Code;
use crate::input::{parse_json_text, InputError};
use crate::{authorization, data_center};
use error::{input_error, to_js};
use serde::de::DeserializeOwned;
use wasm_bindgen::prelude::*;

/// Installs the panic hook so that a Rust panic shows its message in the console (a panic is a bug).
#[wasm_bindgen(start)]
pub fn start() {
    console_error_panic_hook::set_once();
}

/// Reads a JS value into `T` through its JSON text (`JSON.stringify`), so one small JSON reader serves every input
/// type. Values JSON cannot hold (undefined, functions, BigInt, cycles) are refused with a finding.
pub(crate) fn read<T: DeserializeOwned>(value: JsValue) -> Result<T, JsValue> {
    let text = json_text(&value)?;
    parse_json_text(&text).map_err(input_error_without_position)
}

/// The JSON text of a JS value (`JSON.stringify`), or the finding [`read`] gives when there is none.
pub(crate) fn json_text(value: &JsValue) -> Result<String, JsValue> {
    let text = js_sys::JSON::stringify(value).ok().and_then(|s| s.as_string());
    let text = text.ok_or_else(|| {
        input_error(InputError {
            diagnostic: crate::Diagnostic::error(Code::InputInvalidType, "", "The input cannot be read as JSON data.")
                .with_fix("Pass a plain object of strings, numbers, booleans, arrays and objects."),
        })
    })?;
    // Over 20 MiB of JSON is refused before it is parsed (issue 12).
    crate::input::check_size(text.len(), crate::input::MAX_JSON_BYTES, "JSON").map_err(input_error)?;
    Ok(text)
}

/// The JS error of an input error found in stringified text.
pub(crate) fn input_error_without_position(e: InputError) -> JsValue {
    // The position is in the stringified text, which the caller never saw: the path says where.
    input_error(e.without_position())
}

/// The crate version.
#[wasm_bindgen]
pub fn version() -> String {
    crate::VERSION.to_string()
}

/// Every Zoho data center with its hosts, each with its source.
#[wasm_bindgen(js_name = listDataCenters, unchecked_return_type = "DataCenter[]")]
pub fn list_data_centers() -> Result<JsValue, JsValue> {
    to_js(&data_center::list())
}

/// Detects the data center from any URL, domain, TLD or key.
#[wasm_bindgen(js_name = detectDataCenter, unchecked_return_type = "Detection")]
pub fn detect_data_center(text: &str) -> Result<JsValue, JsValue> {
    to_js(&data_center::detect(text))
}

/// Builds the Zoho authorization URL, with findings.
#[wasm_bindgen(js_name = buildAuthorizationUrl, unchecked_return_type = "AuthorizationUrl")]
pub fn build_authorization_url(
    #[wasm_bindgen(unchecked_param_type = "AuthorizationInput")] input: JsValue,
) -> Result<JsValue, JsValue> {
    let input: authorization::AuthorizationInput = read(input)?;
    to_js(&authorization::build_authorization_url(&input))
}

/// For the tests only: panics, so that the tests can prove a panic reaches the user as a clear, copyable report
/// and that the popup works again after reopening. Never called by the product.
#[wasm_bindgen(js_name = __panicForTests)]
pub fn panic_for_tests() {
    // A panic is a bug everywhere else; here it is the point.
    #[allow(clippy::panic)]
    {
        panic!("panic requested by a test");
    }
}
