//! Conversions to JS values and JS `Error` objects.

use crate::code::Code;
use crate::input::InputError;
use crate::Diagnostic;
use serde::Serialize;
use wasm_bindgen::prelude::*;

/// Serializes an answer as plain JS objects (maps as objects, `None` fields left out).
/// Goes through JSON text (`JSON.parse`): one compact serializer serves every answer type.
pub(crate) fn to_js<T: Serialize + ?Sized>(value: &T) -> Result<JsValue, JsValue> {
    json_to_js(serde_json::to_string(value).map_err(|e| e.to_string()))
}

/// An answer already written as JSON text, parsed by `JSON.parse`; a writing error is reported as [`to_js`] does.
pub(crate) fn json_to_js(text: Result<String, String>) -> Result<JsValue, JsValue> {
    text.and_then(|t| js_sys::JSON::parse(&t).map_err(|_| "JSON.parse failed".to_string())).map_err(|e| {
        error_object(
            &Diagnostic::error(Code::InternalSerialize, "", format!("The answer could not be converted ({e})."))
                .with_fix("This is a bug in zoho-connector-kit; please report it."),
            &[],
        )
    })
}

/// A JS `Error` for input that could not be read.
pub(crate) fn input_error(error: InputError) -> JsValue {
    let d = error.diagnostic;
    error_object(&d, std::slice::from_ref(&d))
}

/// `Error` with `name = "ZckError"`, `code`, `path` and `diagnostics`.
pub(crate) fn error_object(main: &Diagnostic, diagnostics: &[Diagnostic]) -> JsValue {
    let message = if main.path.is_empty() {
        format!("{} {}", main.message, main.fix)
    } else {
        format!("{}: {} {}", main.path, main.message, main.fix)
    };
    let error = js_sys::Error::new(message.trim_end());
    error.set_name("ZckError");
    let object: &JsValue = error.as_ref();
    let set = |key: &str, value: JsValue| {
        // Setting a property on a fresh Error object cannot fail.
        let _ = js_sys::Reflect::set(object, &JsValue::from_str(key), &value);
    };
    set("code", JsValue::from_str(main.code.as_str()));
    set("path", JsValue::from_str(&main.path));
    if let Ok(value) = to_js(diagnostics) {
        set("diagnostics", value);
    }
    error.into()
}
