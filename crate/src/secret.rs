//! Secrets (client secrets, passwords, tokens): a newtype that never prints its value.
//!
//! `Debug` and `Display` print `[redacted]`, so a secret cannot leak into a diagnostic, a log line or a panic
//! message by accident. The value is read only through [`Secret::expose`], which makes every use visible in review.
//!
//! ```
//! use zoho_connector_kit::Secret;
//! let s: Secret = serde_json::from_str("\"0123456789abcdef\"").unwrap();
//! assert_eq!(format!("{s:?} {s}"), "[redacted] [redacted]");
//! assert_eq!(s.expose(), "0123456789abcdef");
//! ```

use serde::Deserialize;
use std::fmt;

/// A secret string. Deserializes from a plain JSON string; is never serialized or printed.
///
/// ```
/// use zoho_connector_kit::Secret;
/// let s = Secret::new("hunter2");
/// assert!(!format!("{s:?}").contains("hunter2"));
/// assert_eq!(s.len(), 7);
/// ```
#[derive(Clone, PartialEq, Eq, Default, Deserialize)]
#[serde(transparent)]
pub struct Secret(String);

impl Secret {
    /// Wraps a value.
    ///
    /// ```
    /// assert_eq!(zoho_connector_kit::Secret::new("x").expose(), "x");
    /// ```
    pub fn new(value: impl Into<String>) -> Self {
        Secret(value.into())
    }

    /// The value itself. Call it only where the value is sent to its destination, never to show it.
    ///
    /// ```
    /// assert_eq!(zoho_connector_kit::Secret::new("abc").expose(), "abc");
    /// ```
    pub fn expose(&self) -> &str {
        &self.0
    }

    /// Length in characters (safe to show: it says nothing about the value).
    ///
    /// ```
    /// assert_eq!(zoho_connector_kit::Secret::new("äb").len(), 2);
    /// ```
    pub fn len(&self) -> usize {
        self.0.chars().count()
    }

    /// True when empty or only whitespace.
    ///
    /// ```
    /// assert!(zoho_connector_kit::Secret::new("  ").is_blank());
    /// ```
    pub fn is_blank(&self) -> bool {
        self.0.trim().is_empty()
    }

    /// True when empty.
    ///
    /// ```
    /// assert!(zoho_connector_kit::Secret::default().is_empty());
    /// ```
    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn debug_of_a_struct_holding_a_secret_hides_it() {
        #[derive(Debug)]
        #[allow(dead_code)] // read only through Debug
        struct Holder {
            secret: Secret,
        }
        let text = format!("{:?}", Holder { secret: Secret::new("5d2e0c1f9a") });
        assert_eq!(text, "Holder { secret: [redacted] }");
    }
}
