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

/// The largest JSON text read: 20 MiB. Larger text is refused before parsing (`input.too_large`), so a huge paste
/// or file cannot take gigabytes of memory (issue 12; not a Zoho limit).
pub const MAX_JSON_BYTES: usize = 20 * 1024 * 1024;

/// The largest Deluge (or COQL) text read: 5 MiB (issue 12; Zoho's own editor limits scripts far below this).
pub const MAX_DELUGE_BYTES: usize = 5 * 1024 * 1024;

/// Refuses a text of `len` bytes over `limit` with `input.too_large`; `what` names the input in the sentence.
///
/// ```
/// use zoho_connector_kit::input::{check_size, MAX_DELUGE_BYTES};
/// assert!(check_size(10, MAX_DELUGE_BYTES, "Deluge").is_ok());
/// let err = check_size(MAX_DELUGE_BYTES + 1, MAX_DELUGE_BYTES, "Deluge").unwrap_err();
/// assert_eq!(err.diagnostic.code, "input.too_large");
/// assert!(err.diagnostic.message.contains("5 MiB"));
/// ```
pub fn check_size(len: usize, limit: usize, what: &str) -> Result<(), InputError> {
    if len <= limit {
        return Ok(());
    }
    let mib = |n: usize| n as f64 / (1024.0 * 1024.0);
    Err(InputError {
        diagnostic: Diagnostic::error(
            Code::InputTooLarge,
            "",
            format!(
                "The {what} input is {:.1} MiB; inputs over {} MiB are refused before they are read.",
                mib(len),
                limit / (1024 * 1024)
            ),
        )
        .with_fix(format!("Split the input into parts under {} MiB.", limit / (1024 * 1024))),
    })
}

/// The text without a leading UTF-8 byte order mark (U+FEFF), which some editors on Windows write at the start of a
/// file and which is no part of the JSON or Deluge.
///
/// ```
/// assert_eq!(zoho_connector_kit::input::without_bom("\u{feff}{}"), "{}");
/// assert_eq!(zoho_connector_kit::input::without_bom("{}"), "{}");
/// ```
pub fn without_bom(text: &str) -> &str {
    text.strip_prefix('\u{feff}').unwrap_or(text)
}

/// Reads JSON text into `T`, naming the field and the line and column of any error.
///
/// A leading byte order mark is skipped (columns of line 1 are then counted without it, as editors show them);
/// text over [`MAX_JSON_BYTES`] is refused with `input.too_large` before parsing.
///
/// ```
/// use zoho_connector_kit::input::parse_json_text;
/// let v: Vec<u8> = parse_json_text("[1, 2]").unwrap();
/// assert_eq!(v, vec![1, 2]);
/// let err = parse_json_text::<Vec<u8>>("[1, 300]").unwrap_err();
/// assert_eq!(err.diagnostic.path, "[1]");
/// ```
pub fn parse_json_text<T: DeserializeOwned>(text: &str) -> Result<T, InputError> {
    // Only the reading itself depends on `T`: what comes before and after is written once, not once per input type
    // (each is its own copy in the Wasm module).
    let text = readable_json_text(text)?;
    let mut de = serde_json::Deserializer::from_str(text);
    T::deserialize(&mut de).and_then(|value| de.end().map(|()| value)).map_err(|e| json_error_in(text, &e))
}

/// The text without a byte order mark, or the finding for a text over [`MAX_JSON_BYTES`].
fn readable_json_text(text: &str) -> Result<&str, InputError> {
    check_size(text.len(), MAX_JSON_BYTES, "JSON")?;
    Ok(without_bom(text))
}

/// The finding for a serde_json error in `text`.
#[inline(never)]
fn json_error_in(text: &str, e: &serde_json::Error) -> InputError {
    // serde_json says where (line and column); the path is read from the text up to there.
    let path = if e.line() > 0 {
        json_path::path_at(text, json_path::offset_of(text, e.line(), e.column()))
    } else {
        String::new()
    };
    from_json_error(&path, e)
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
    // A wrong value of a secret field is still a secret: serde quotes values (``integer `12345678` ``), so they are
    // cut from the sentence (issue 12). `Secret` fields already refuse without quoting; this covers secret-like
    // fields read as plain text (a webhook's custom parameter values).
    let sentence = if code.as_str().starts_with("input.invalid_") && is_secret_path(&path) {
        redacted(&sentence)
    } else {
        sentence
    };
    let mut diagnostic = Diagnostic::error(code, path, sentence).with_fix(fix);
    if error.line() > 0 {
        diagnostic = diagnostic.at(clamp(error.line()), clamp(error.column()));
    }
    InputError { diagnostic }
}

/// Whether the field at `path` holds a secret: its last key names a secret, token, password, key or grant code,
/// or it lies inside a webhook's custom parameters (their values are often tokens).
fn is_secret_path(path: &str) -> bool {
    let last = path.rsplit('.').next().unwrap_or(path);
    let last = last.split('[').next().unwrap_or(last).to_ascii_lowercase();
    ["secret", "password", "token", "apikey", "api_key"].iter().any(|w| last.contains(w))
        || last == "code"
        || path.to_ascii_lowercase().contains("customparameters")
}

/// The sentence with every `` `quoted` `` value replaced by "(value not shown)".
fn redacted(sentence: &str) -> String {
    let mut out = String::with_capacity(sentence.len());
    let mut rest = sentence;
    while let Some(start) = rest.find('`') {
        let Some(len) = rest[start + 1..].find('`') else { break };
        out.push_str(&rest[..start]);
        out.push_str("(value not shown)");
        rest = &rest[start + 1 + len + 1..];
    }
    out.push_str(rest);
    out
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
