//! `describeSource`: what a finding's `source` id names, so the popup and the overlay can show a title and a link.

use super::error::to_js;
use crate::source;
use wasm_bindgen::prelude::*;

#[wasm_bindgen(typescript_custom_section)]
const TS_SOURCE: &'static str = r#"
/** One entry of the source registry: the publication a `source` id names. */
export interface Source {
  /** Stable kebab-case id: what a finding's `source` holds. */
  id: string;
  /** The page's title as an admin would name it. */
  title: string;
  /** Public https address; absent when none is known. */
  url?: string;
  kind: "official" | "sdk" | "third-party";
  /** YYYY-MM-DD on which the page was last seen at `url`. */
  checked?: string;
}
"#;

/// The registry entry a `source` id names, or `undefined` when the text is not an id (data the user gave).
#[wasm_bindgen(js_name = describeSource, unchecked_return_type = "Source | undefined")]
pub fn describe_source(id: &str) -> Result<JsValue, JsValue> {
    match source::lookup(id) {
        Some(found) => to_js(found),
        None => Ok(JsValue::UNDEFINED),
    }
}
