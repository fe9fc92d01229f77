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

impl<'de> Deserialize<'de> for Secret {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        String::deserialize(deserializer).map(Secret)
    }
}
