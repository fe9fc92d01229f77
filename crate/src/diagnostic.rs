//! Findings: the one shape every check in the crate reports.
//!
//! A [`Diagnostic`] is data, not text: a stable machine `code`, a [`Severity`], the `path` of the offending input
//! field, one plain sentence, and what to do about it. The same value reaches the CLI, the npm API and the
//! extension overlay unchanged.
//!
//! ```
//! use zoho_connector_kit::{code::Code, Diagnostic, Severity};
//!
//! let d = Diagnostic::error(Code::AuthMissingClientId, "clientId", "No client ID was given.")
//!     .with_fix("Copy the Client ID from the API console (api-console.zoho.com).");
//! assert_eq!(d.severity, Severity::Error);
//! assert_eq!(d.path, "clientId");
//! assert!(Diagnostic::has_errors(&[d]));
//! ```

pub use crate::code::Code;
use serde::{Deserialize, Serialize};
use std::fmt;

/// How serious a finding is.
///
/// ```
/// use zoho_connector_kit::Severity;
/// assert!(Severity::Error > Severity::Warning && Severity::Warning > Severity::Info);
/// assert_eq!(Severity::Warning.as_str(), "warning");
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    /// Worth knowing; nothing is wrong.
    Info,
    /// Likely to fail or to surprise later (for example after an hour, when the token expires).
    Warning,
    /// Will fail: Zoho rejects it or the result cannot be built.
    Error,
}

impl Severity {
    /// The lowercase name used in JSON and in CLI output.
    ///
    /// ```
    /// assert_eq!(zoho_connector_kit::Severity::Error.as_str(), "error");
    /// ```
    pub fn as_str(self) -> &'static str {
        match self {
            Severity::Info => "info",
            Severity::Warning => "warning",
            Severity::Error => "error",
        }
    }
}

impl fmt::Display for Severity {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// One finding about the user's input.
///
/// `code` is stable and dotted (`dc.wrong_host`, `auth.access_type_online`): tests, the CLI and the overlay key on
/// it. `path` names the input field (`authorizeUrl`, `scopes[1]`); it is empty when the finding concerns the whole
/// input. `line` and `column` (1-based) are set by checks that read text, such as the Deluge checker.
///
/// ```
/// use zoho_connector_kit::{code::Code, Diagnostic};
/// let d = Diagnostic::warning(Code::AuthAccessTypeOnline, "accessType", "Online access expires after one hour.")
///     .with_fix("Use accessType \"offline\".")
///     .with_source("zoho-accounts-authorization");
/// let json = serde_json::to_value(&d).unwrap();
/// assert_eq!(json["severity"], "warning");
/// assert!(json.get("line").is_none());
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Diagnostic {
    /// Stable machine code, dotted: `area.what` (see [`Code`]).
    pub code: Code,
    /// How serious it is.
    pub severity: Severity,
    /// The input field it concerns (`scopes[1]`), or empty for the whole input.
    pub path: String,
    /// One plain sentence saying what is wrong.
    pub message: String,
    /// What to do about it.
    pub fix: String,
    /// Where the Zoho fact behind the finding comes from.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub source: Option<String>,
    /// 1-based line, for findings in text.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub line: Option<u32>,
    /// 1-based column, for findings in text.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub column: Option<u32>,
}

/// Orders findings errors first, then warnings, then infos, keeping their order within a severity.
///
/// Every check ends with this one function rather than its own `sort_by_key`: each closure would be its own copy of
/// the standard library's sort in the Wasm module (about 1–3 KB each, issue 8).
pub(crate) fn sort_by_severity(diagnostics: &mut [Diagnostic]) {
    diagnostics.sort_by_key(|d| std::cmp::Reverse(d.severity));
}

impl Diagnostic {
    /// A finding with the given severity and no fix yet.
    ///
    /// ```
    /// use zoho_connector_kit::{code::Code, Diagnostic, Severity};
    /// let d = Diagnostic::new(Severity::Info, Code::InternalSerialize, "", "Hello.");
    /// assert_eq!(d.fix, "");
    /// ```
    pub fn new(severity: Severity, code: Code, path: impl Into<String>, message: impl Into<String>) -> Self {
        Diagnostic {
            code,
            severity,
            path: path.into(),
            message: message.into(),
            fix: String::new(),
            source: None,
            line: None,
            column: None,
        }
    }

    /// An error finding.
    ///
    /// ```
    /// use zoho_connector_kit::{code::Code, Diagnostic};
    /// let d = Diagnostic::error(Code::InternalSerialize, "f", "Broken.");
    /// assert!(d.is_error());
    /// ```
    pub fn error(code: Code, path: impl Into<String>, message: impl Into<String>) -> Self {
        Self::new(Severity::Error, code, path, message)
    }

    /// A warning finding.
    ///
    /// ```
    /// use zoho_connector_kit::{code::Code, Diagnostic};
    /// let d = Diagnostic::warning(Code::ScopeUnknownService, "f", "Risky.");
    /// assert!(!d.is_error());
    /// ```
    pub fn warning(code: Code, path: impl Into<String>, message: impl Into<String>) -> Self {
        Self::new(Severity::Warning, code, path, message)
    }

    /// An informational finding.
    ///
    /// ```
    /// use zoho_connector_kit::{code::Code, Diagnostic};
    /// let d = Diagnostic::info(Code::AuthPromptConsentHint, "", "Note.");
    /// assert_eq!(d.severity.as_str(), "info");
    /// ```
    pub fn info(code: Code, path: impl Into<String>, message: impl Into<String>) -> Self {
        Self::new(Severity::Info, code, path, message)
    }

    /// Sets what the user should do.
    ///
    /// ```
    /// use zoho_connector_kit::{code::Code, Diagnostic};
    /// let d = Diagnostic::info(Code::AuthPromptConsentHint, "", "Note.").with_fix("Do this.");
    /// assert_eq!(d.fix, "Do this.");
    /// ```
    pub fn with_fix(mut self, fix: impl Into<String>) -> Self {
        self.fix = fix.into();
        self
    }

    /// Names the source of the Zoho fact behind the finding.
    ///
    /// ```
    /// use zoho_connector_kit::{code::Code, Diagnostic};
    /// let d = Diagnostic::info(Code::AuthPromptConsentHint, "", "Note.").with_source("facts §1");
    /// assert_eq!(d.source.as_deref(), Some("facts §1"));
    /// ```
    pub fn with_source(mut self, source: impl Into<String>) -> Self {
        self.source = Some(source.into());
        self
    }

    /// Places the finding at a 1-based line and column of a text.
    ///
    /// ```
    /// use zoho_connector_kit::{code::Code, Diagnostic};
    /// let d = Diagnostic::error(Code::DelugeSyntax, "", "Expected `;`.").at(3, 14);
    /// assert_eq!((d.line, d.column), (Some(3), Some(14)));
    /// ```
    pub fn at(mut self, line: u32, column: u32) -> Self {
        self.line = Some(line);
        self.column = Some(column);
        self
    }

    /// True for [`Severity::Error`].
    ///
    /// ```
    /// use zoho_connector_kit::{code::Code, Diagnostic};
    /// assert!(Diagnostic::error(Code::DelugeSyntax, "", "b").is_error());
    /// ```
    pub fn is_error(&self) -> bool {
        self.severity == Severity::Error
    }

    /// True when any finding in the list is an error.
    ///
    /// ```
    /// use zoho_connector_kit::{code::Code, Diagnostic};
    /// assert!(!Diagnostic::has_errors(&[Diagnostic::warning(Code::ScopeUnknownService, "", "b")]));
    /// ```
    pub fn has_errors(diagnostics: &[Diagnostic]) -> bool {
        diagnostics.iter().any(Diagnostic::is_error)
    }
}

impl fmt::Display for Diagnostic {
    /// Compiler-style: `path: severity[code]: message` and, on the next line, `  fix: …`.
    ///
    /// ```
    /// use zoho_connector_kit::{code::Code, Diagnostic};
    /// let d = Diagnostic::error(Code::AuthMissingScopes, "scopes", "No scope was given.")
    ///     .with_fix("Add at least one scope.");
    /// assert_eq!(d.to_string(), "scopes: error[auth.missing_scopes]: No scope was given.\n  fix: Add at least one scope.");
    /// ```
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let path = if self.path.is_empty() { "<input>" } else { &self.path };
        match (self.line, self.column) {
            (Some(l), Some(c)) => write!(f, "{path}:{l}:{c}: {}[{}]: {}", self.severity, self.code, self.message)?,
            _ => write!(f, "{path}: {}[{}]: {}", self.severity, self.code, self.message)?,
        }
        if !self.fix.is_empty() {
            write!(f, "\n  fix: {}", self.fix)?;
        }
        if let Some(source) = &self.source {
            write!(f, "\n  source: {source}")?;
        }
        Ok(())
    }
}
