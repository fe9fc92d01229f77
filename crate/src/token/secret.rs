//! [`Secret`]: a client secret, grant code, refresh or access token that never prints.

use serde::{Deserialize, Deserializer, Serialize, Serializer};
use std::fmt;

/// What a masked secret shows in every output (curl line, Deluge, JSON, `Debug`, `Display`).
///
/// ```
/// assert_eq!(zoho_connector_kit::token::REDACTED, "[redacted]");
/// ```
pub const REDACTED: &str = "[redacted]";

/// A secret value. `Debug`, `Display` and `Serialize` print `[redacted]`; only [`Secret::expose`] gives the value,
/// and callers use it only where the user asked to reveal.
///
/// ```
/// use zoho_connector_kit::token::Secret;
/// let s: Secret = serde_json::from_str("\"1000.abc.def\"").unwrap();
/// assert_eq!(format!("{s} {s:?}"), "[redacted] [redacted]");
/// assert_eq!(serde_json::to_string(&s).unwrap(), "\"[redacted]\"");
/// assert_eq!(s.expose(), "1000.abc.def");
/// ```
#[derive(Clone, PartialEq, Eq, Default)]
pub struct Secret(String);

impl Secret {
    /// Wraps a value.
    ///
    /// ```
    /// let s = zoho_connector_kit::token::Secret::new("x");
    /// assert_eq!(s.to_string(), "[redacted]");
    /// ```
    pub fn new(value: impl Into<String>) -> Self {
        Secret(value.into())
    }

    /// The value itself. Call only when the user asked to see it.
    ///
    /// ```
    /// assert_eq!(zoho_connector_kit::token::Secret::new("x").expose(), "x");
    /// ```
    pub fn expose(&self) -> &str {
        &self.0
    }

    /// The value when `reveal` is true, [`REDACTED`] otherwise.
    ///
    /// ```
    /// use zoho_connector_kit::token::Secret;
    /// assert_eq!(Secret::new("x").shown(false), "[redacted]");
    /// assert_eq!(Secret::new("x").shown(true), "x");
    /// ```
    pub fn shown(&self, reveal: bool) -> &str {
        if reveal {
            &self.0
        } else {
            REDACTED
        }
    }

    /// True when the value is empty or only spaces.
    ///
    /// ```
    /// assert!(zoho_connector_kit::token::Secret::new("  ").is_blank());
    /// ```
    pub fn is_blank(&self) -> bool {
        self.0.trim().is_empty()
    }
}

impl fmt::Debug for Secret {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(REDACTED)
    }
}

impl fmt::Display for Secret {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(REDACTED)
    }
}

impl Serialize for Secret {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(REDACTED)
    }
}

impl<'de> Deserialize<'de> for Secret {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        String::deserialize(deserializer).map(Secret)
    }
}
