//! Secrets (client secrets, access and refresh tokens, passwords) that never print.
//!
//! ```
//! use zoho_connector_kit::secret::Secret;
//! let token = Secret::new("1000.abc.def");
//! assert_eq!(format!("{token:?} {token}"), "[redacted] [redacted]");
//! assert_eq!(token.expose(), "1000.abc.def");
//! ```

use serde::{Deserialize, Deserializer, Serialize, Serializer};
use std::fmt;

/// A secret string. `Debug`, `Display` and `Serialize` print `[redacted]`; only [`Secret::expose`] gives the value,
/// so every place that uses it in clear is easy to find.
#[derive(Clone, PartialEq, Eq, Default)]
pub struct Secret(String);

impl Secret {
    /// Wraps a value.
    ///
    /// ```
    /// assert!(!zoho_connector_kit::secret::Secret::new("x").is_empty());
    /// ```
    pub fn new(value: impl Into<String>) -> Self {
        Secret(value.into())
    }

    /// The value in clear: use only to send it where it belongs.
    ///
    /// ```
    /// assert_eq!(zoho_connector_kit::secret::Secret::new("s").expose(), "s");
    /// ```
    pub fn expose(&self) -> &str {
        &self.0
    }

    /// True when the secret is empty or only white space.
    ///
    /// ```
    /// assert!(zoho_connector_kit::secret::Secret::new("  ").is_empty());
    /// ```
    pub fn is_empty(&self) -> bool {
        self.0.trim().is_empty()
    }

    /// A masked form that shows only the length and the last two characters of long values (`••••••••f3`).
    ///
    /// ```
    /// use zoho_connector_kit::secret::Secret;
    /// assert_eq!(Secret::new("1000.0123456789abcdef").masked(), "••••••••ef");
    /// assert_eq!(Secret::new("short").masked(), "••••••••");
    /// ```
    pub fn masked(&self) -> String {
        let chars: Vec<char> = self.0.chars().collect();
        if chars.len() >= 16 {
            let tail: String = chars[chars.len() - 2..].iter().collect();
            format!("••••••••{tail}")
        } else {
            "••••••••".to_string()
        }
    }
}

impl fmt::Debug for Secret {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("[redacted]")
    }
}

impl fmt::Display for Secret {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("[redacted]")
    }
}

impl Serialize for Secret {
    /// Serializes as `"[redacted]"`: a secret never leaves through serde by accident.
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str("[redacted]")
    }
}

/// Reads a secret from a string. Any other value is refused with a message that names only its kind: serde's
/// own message quotes it (``invalid type: integer `12345678`, expected a string``), and a wrong-typed secret is
/// still a secret (issue 12).
///
/// ```
/// use zoho_connector_kit::input::parse_json_text;
/// use zoho_connector_kit::Secret;
/// let err = parse_json_text::<Vec<Secret>>("[12345678]").unwrap_err();
/// assert!(!err.diagnostic.message.contains("12345678"), "{}", err.diagnostic.message);
/// ```
impl<'de> Deserialize<'de> for Secret {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        // `deserialize_any`: with `deserialize_string`, serde_json words the refusal itself and quotes the value.
        deserializer.deserialize_any(SecretVisitor)
    }
}

struct SecretVisitor;

impl SecretVisitor {
    fn refuse<E: serde::de::Error>(&self, kind: &str) -> Result<Secret, E> {
        Err(E::invalid_type(serde::de::Unexpected::Other(kind), self))
    }
}

impl<'de> serde::de::Visitor<'de> for SecretVisitor {
    type Value = Secret;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a string (the value is not shown, as it is a secret)")
    }
    fn visit_str<E: serde::de::Error>(self, v: &str) -> Result<Secret, E> {
        Ok(Secret(v.to_string()))
    }
    fn visit_string<E: serde::de::Error>(self, v: String) -> Result<Secret, E> {
        Ok(Secret(v))
    }
    fn visit_bool<E: serde::de::Error>(self, _: bool) -> Result<Secret, E> {
        self.refuse("a boolean")
    }
    fn visit_i64<E: serde::de::Error>(self, _: i64) -> Result<Secret, E> {
        self.refuse("a number")
    }
    fn visit_i128<E: serde::de::Error>(self, _: i128) -> Result<Secret, E> {
        self.refuse("a number")
    }
    fn visit_u64<E: serde::de::Error>(self, _: u64) -> Result<Secret, E> {
        self.refuse("a number")
    }
    fn visit_u128<E: serde::de::Error>(self, _: u128) -> Result<Secret, E> {
        self.refuse("a number")
    }
    fn visit_f64<E: serde::de::Error>(self, _: f64) -> Result<Secret, E> {
        self.refuse("a number")
    }
    fn visit_char<E: serde::de::Error>(self, _: char) -> Result<Secret, E> {
        self.refuse("a character")
    }
    fn visit_bytes<E: serde::de::Error>(self, _: &[u8]) -> Result<Secret, E> {
        self.refuse("bytes")
    }
}
