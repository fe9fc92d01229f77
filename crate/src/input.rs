//! Reading raw input (JSON text from a file, or a value from JavaScript) into the crate's `…Input` types.
//!
//! Every `…Input` type denies unknown fields. A shape error becomes one [`InputError`] carrying a
//! [`Diagnostic`] that names the offending field by its path (`scopes[1]`, `headers.Authorization`), and for JSON
//! text also the line and column.
//!
//! ```
//! use zoho_connector_kit::input::parse_json_text;
//! use zoho_connector_kit::AuthorizationInput;
//!
//! let err = parse_json_text::<AuthorizationInput>(r#"{"clientID": "1000.X"}"#).unwrap_err();
//! assert_eq!(err.diagnostic.code, "input.unknown_field");
//! assert_eq!(err.diagnostic.path, "clientID");
//! ```

use crate::code::Code;
use crate::diagnostic::Diagnostic;
use crate::json_path;
use serde::de::DeserializeOwned;
use std::fmt;

/// Input that could not be read into the expected shape.
///
/// ```
/// use zoho_connector_kit::input::parse_json_text;
/// let err = parse_json_text::<serde_json::Value>("{ nope").unwrap_err();
/// assert_eq!(err.diagnostic.code, "input.syntax");
/// assert_eq!(err.diagnostic.line, Some(1));
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct InputError {
    /// The finding, with `code` one of `input.syntax`, `input.unknown_field`, `input.missing_field`,
    /// `input.invalid_type`, `input.invalid_value`.
    pub diagnostic: Diagnostic,
}

impl fmt::Display for InputError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Display::fmt(&self.diagnostic, f)
    }
}

impl std::error::Error for InputError {}

impl InputError {
    /// The same finding without its line and column: for text the caller never saw (a value's own JSON text).
    pub(crate) fn without_position(mut self) -> InputError {
        self.diagnostic.line = None;
        self.diagnostic.column = None;
        self
    }
}

/// Reads JSON text into `T`, naming the field and the line and column of any error.
///
/// ```
/// use zoho_connector_kit::input::parse_json_text;
/// let v: Vec<u8> = parse_json_text("[1, 2]").unwrap();
/// assert_eq!(v, vec![1, 2]);
/// let err = parse_json_text::<Vec<u8>>("[1, 300]").unwrap_err();
/// assert_eq!(err.diagnostic.path, "[1]");
/// ```
pub fn parse_json_text<T: DeserializeOwned>(text: &str) -> Result<T, InputError> {
    let mut de = serde_json::Deserializer::from_str(text);
    match T::deserialize(&mut de).and_then(|value| de.end().map(|()| value)) {
        Ok(value) => Ok(value),
        Err(e) => {
            // serde_json says where (line and column); the path is read from the text up to there.
            let path = if e.line() > 0 {
                json_path::path_at(text, json_path::offset_of(text, e.line(), e.column()))
            } else {
                String::new()
            };
            Err(from_json_error(&path, &e))
        }
    }
}

/// Reads an already-parsed JSON value (for example one converted from JavaScript) into `T`.
///
/// The value goes through its JSON text, so the findings are the same as [`parse_json_text`]'s, without a line and
/// column (the caller never saw that text).
///
/// ```
/// use zoho_connector_kit::input::parse_json_value;
/// let err = parse_json_value::<Vec<String>>(serde_json::json!(["a", 2])).unwrap_err();
/// assert_eq!(err.diagnostic.code, "input.invalid_type");
/// assert_eq!(err.diagnostic.path, "[1]");
/// ```
pub fn parse_json_value<T: DeserializeOwned>(value: serde_json::Value) -> Result<T, InputError> {
    parse_json_text(&value.to_string()).map_err(InputError::without_position)
}

fn from_json_error(path: &str, error: &serde_json::Error) -> InputError {
    let raw = error.to_string();
    // serde_json appends " at line L column C"; keep the sentence clean and put the position in the fields.
    let message = match raw.find(" at line ") {
        Some(i) if error.line() > 0 => raw[..i].to_string(),
        _ => raw.clone(),
    };
    // A reader that knows the field a wrong value belongs to says so first ("field `separator`: invalid type …").
    let (path, message) = match message.strip_prefix("field `").and_then(|rest| rest.split_once("`: ")) {
        Some((field, rest)) if !path.is_empty() => (format!("{path}.{field}"), rest.to_string()),
        Some((field, rest)) => (field.to_string(), rest.to_string()),
        None => (path.to_string(), message),
    };
    let path = path.as_str();
    let (code, path, sentence, fix) = if error.is_syntax() || error.is_eof() {
        (
            Code::InputSyntax,
            path.to_string(),
            format!("The JSON cannot be read: {message}."),
            "Fix the JSON syntax at the line and column shown (a missing comma, quote or bracket is the usual cause)."
                .to_string(),
        )
    } else if let Some(field) = between(&message, "unknown field `", "`") {
        // The path read from the text already ends with the unknown key.
        let full = if path == field || path.ends_with(&format!(".{field}")) {
            path.to_string()
        } else if path.is_empty() {
            field.to_string()
        } else {
            format!("{path}.{field}")
        };
        let expected = message.split_once(", expected ").map(|(_, e)| e.to_string()).unwrap_or_default();
        let fix = if expected.is_empty() {
            format!("Remove `{field}`; this input takes no fields.")
        } else {
            format!("Remove `{field}` or rename it: the fields this input takes are {expected}.")
        };
        (Code::InputUnknownField, full, format!("`{field}` is not a field of this input."), fix)
    } else if let Some(field) = between(&message, "missing field `", "`") {
        let full = if path.is_empty() { field.to_string() } else { format!("{path}.{field}") };
        (Code::InputMissingField, full, format!("The required field `{field}` is missing."), format!("Add `{field}`."))
    } else if message.starts_with("invalid type")
        || message.starts_with("invalid length")
        || message.starts_with("data did not match any variant")
    {
        (
            Code::InputInvalidType,
            path.to_string(),
            format!("Wrong kind of value: {message}."),
            "Give a value of the expected kind (see the field's documentation).".to_string(),
        )
    } else {
        (
            Code::InputInvalidValue,
            path.to_string(),
            format!("Invalid value: {message}."),
            "Use one of the values the field accepts.".to_string(),
        )
    };
    let mut diagnostic = Diagnostic::error(code, path, sentence).with_fix(fix);
    if error.line() > 0 {
        diagnostic = diagnostic.at(clamp(error.line()), clamp(error.column()));
    }
    InputError { diagnostic }
}

fn clamp(n: usize) -> u32 {
    u32::try_from(n).unwrap_or(u32::MAX)
}

fn between<'a>(text: &'a str, start: &str, end: &str) -> Option<&'a str> {
    let rest = &text[text.find(start)? + start.len()..];
    Some(&rest[..rest.find(end)?])
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde::Deserialize;

    #[derive(Debug, Deserialize)]
    #[serde(deny_unknown_fields, rename_all = "camelCase")]
    #[allow(dead_code)] // fields exist to be deserialized
    struct Inner {
        client_id: String,
    }

    #[derive(Debug, Deserialize)]
    #[serde(deny_unknown_fields)]
    #[allow(dead_code)] // fields exist to be deserialized
    struct Outer {
        inner: Inner,
        list: Vec<u32>,
    }

    #[test]
    fn unknown_nested_field_names_full_path_and_position() {
        let err = parse_json_text::<Outer>("{\"inner\": {\n  \"clientID\": \"x\"}, \"list\": []}").unwrap_err();
        assert_eq!(err.diagnostic.code, Code::InputUnknownField);
        assert_eq!(err.diagnostic.path, "inner.clientID");
        assert_eq!(err.diagnostic.line, Some(2));
        assert!(err.diagnostic.fix.contains("clientId"), "{}", err.diagnostic.fix);
    }

    #[test]
    fn trailing_garbage_is_a_syntax_error() {
        let err = parse_json_text::<Vec<u32>>("[1] x").unwrap_err();
        assert_eq!(err.diagnostic.code, Code::InputSyntax);
    }

    #[test]
    fn missing_field_is_named() {
        let err = parse_json_value::<Outer>(serde_json::json!({"list": [1]})).unwrap_err();
        assert_eq!(err.diagnostic.code, Code::InputMissingField);
        assert_eq!(err.diagnostic.path, "inner");
    }
}
