//! JavaScript bindings of [`crate::deluge`]: generate, check and format Deluge.

use super::error::{input_error, to_js};
use super::read;
use crate::deluge::{coql, format, generate, record_call};
use crate::input::{check_size, without_bom, MAX_DELUGE_BYTES};
use wasm_bindgen::prelude::*;

#[wasm_bindgen(typescript_custom_section)]
const TS_DELUGE: &'static str = r#"
export type HttpMethod = "GET" | "POST" | "PUT" | "PATCH" | "DELETE";

/** One invokeurl call to generate. */
export interface InvokeUrlSpec {
  url?: string;
  /** Default "GET". */
  method?: HttpMethod;
  /** The connection's link name. */
  connection?: string;
  headers?: Record<string, string>;
  /** Encoded into the URL. */
  query?: Record<string, string | number | boolean>;
  body?: unknown;
  /** Default "text" for a string body, else "json". */
  bodyMode?: "json" | "form" | "text";
  detailed?: boolean;
  /** Default "response". */
  responseVar?: string;
  /** Default "putLines". */
  style?: "putLines" | "literal";
  /** Named in the comment header only. */
  scopes?: string[];
  /** Default true. */
  handleResponse?: boolean;
}

/** Generated Deluge, or the findings that prevented it. */
export interface Snippet {
  deluge?: string;
  diagnostics: Diagnostic[];
}

export interface RecordCallSpec {
  dataCenter?: string;
  /** Default "v8". */
  apiVersion?: string;
  module?: string;
  operation?: "insert" | "update" | "upsert" | "get" | "search" | "coql";
  /** At most 100. */
  records?: Record<string, unknown>[];
  id?: string;
  trigger?: ("workflow" | "approval" | "blueprint")[];
  duplicateCheckFields?: string[];
  criteria?: string;
  query?: string;
  connection?: string;
  style?: "putLines" | "literal";
  detailed?: boolean;
  responseVar?: string;
}

export interface CoqlQuery {
  select?: string[];
  from?: string;
  where?: string;
  orderBy?: string[];
  limit?: number;
  offset?: number;
  /** When given, the /coql invokeurl is generated too. */
  dataCenter?: string;
  apiVersion?: string;
  connection?: string;
}

export interface CoqlAnswer {
  query?: string;
  deluge?: string;
  diagnostics: Diagnostic[];
}

/** How `formatDeluge` lays Deluge out: "zoho" (default) as Zoho's editor saves it (`if(`, `put("a",1)`,
 *  `url :"…"`), "spaced" with a space after `,` and `:` and in `if (`. */
export interface FormatOptions {
  layout?: "zoho" | "spaced";
}

/**
 * Formats Deluge text: by default in the layout Zoho's editor saves; `{ layout: "spaced" }` for the earlier one.
 * Text with syntax errors is refused with the findings (`formatted` absent).
 * @example formatDeluge('if (a) { m.put("k", 1); }').formatted // 'if(a)\n{\n\tm.put("k",1);\n}\n'
 */
export function formatDeluge(text: string, options?: FormatOptions): Formatted;

/** Formatted Deluge, or the error findings that prevented formatting. */
export interface Formatted {
  formatted?: string;
  changed: boolean;
  diagnostics: Diagnostic[];
}
"#;

/// Generates one invokeurl call.
#[wasm_bindgen(js_name = generateInvokeUrl, unchecked_return_type = "Snippet")]
pub fn generate_invoke_url(
    #[wasm_bindgen(unchecked_param_type = "InvokeUrlSpec")] spec: JsValue,
) -> Result<JsValue, JsValue> {
    let spec: generate::InvokeUrlSpec = read(spec)?;
    to_js(&generate::invoke_url_snippet(&spec))
}

/// Generates a CRM record call.
#[wasm_bindgen(js_name = generateRecordCall, unchecked_return_type = "Snippet")]
pub fn generate_record_call(
    #[wasm_bindgen(unchecked_param_type = "RecordCallSpec")] spec: JsValue,
) -> Result<JsValue, JsValue> {
    let spec: record_call::RecordCallSpec = read(spec)?;
    to_js(&record_call::generate_record_call(&spec))
}

/// Builds and checks a COQL query (and its invokeurl when a data center is given).
#[wasm_bindgen(js_name = buildCoql, unchecked_return_type = "CoqlAnswer")]
pub fn build_coql(#[wasm_bindgen(unchecked_param_type = "CoqlQuery")] query: JsValue) -> Result<JsValue, JsValue> {
    let query: coql::CoqlQuery = read(query)?;
    to_js(&coql::build_coql(&query))
}

/// Deluge or COQL text as the checker reads it: without a leading byte order mark, and refused (`ZckError` with
/// `input.too_large`) over [`MAX_DELUGE_BYTES`] (issue 12).
fn deluge_text(text: &str) -> Result<&str, JsValue> {
    check_size(text.len(), MAX_DELUGE_BYTES, "Deluge").map_err(input_error)?;
    Ok(without_bom(text))
}

/// Checks COQL text.
#[wasm_bindgen(js_name = checkCoql, unchecked_return_type = "Diagnostic[]")]
pub fn check_coql(text: &str) -> Result<JsValue, JsValue> {
    to_js(&coql::check_coql(deluge_text(text)?))
}

/// Checks Deluge text.
#[wasm_bindgen(js_name = checkDeluge, unchecked_return_type = "Diagnostic[]")]
pub fn check_deluge(text: &str) -> Result<JsValue, JsValue> {
    to_js(&crate::deluge::check_deluge(deluge_text(text)?))
}

/// The catalogue built-ins a Deluge text calls (names, in catalogue order). Their descriptions, argument counts and
/// sources are in `zoho-connector-kit/deluge-builtins.json`.
#[wasm_bindgen(js_name = delugeBuiltinsUsed, unchecked_return_type = "string[]")]
pub fn deluge_builtins_used(text: &str) -> Result<JsValue, JsValue> {
    to_js(&crate::deluge::check::builtins_used(deluge_text(text)?))
}

/// Formats Deluge text (`options.layout`: "zoho", the default, or "spaced"). Its TypeScript signature, with the
/// options optional, is written in the custom section above.
#[wasm_bindgen(js_name = formatDeluge, skip_typescript)]
pub fn format_deluge(text: &str, options: JsValue) -> Result<JsValue, JsValue> {
    let options: format::FormatOptions =
        if options.is_undefined() || options.is_null() { Default::default() } else { read(options)? };
    let answer = format::format_answer_with(deluge_text(text)?, options);
    let Some(formatted) = &answer.formatted else { return to_js(&answer) };
    // The same object `to_js` would build, but the script goes over as one JS string: as JSON text it would be
    // escaped, copied and parsed again, which took ~0.4 ms of ~2.5 ms for a 64 KiB script (issue 8).
    let object = js_sys::Object::new();
    let set = |key: &str, value: &JsValue| js_sys::Reflect::set(&object, &JsValue::from_str(key), value);
    set("formatted", &JsValue::from_str(formatted))?;
    set("changed", &JsValue::from_bool(answer.changed))?;
    set("diagnostics", &to_js(&answer.diagnostics)?)?;
    Ok(object.into())
}
