//! The source registry: every publication a Zoho fact of this crate rests on, by a short stable id.
//!
//! A finding's `source` (and the `source` of a data-center host, a scope family, a token limit, a preset value…)
//! is meant to be one of these ids, so that the popup and the overlay can show the page's title as a link and the
//! CLI can print the title with its address. The registry is `crate/data/sources.json`, compiled in and read once
//! at first use; `docs/facts.md` restates each fact with the same ids for a reviewer.
//!
//! Each entry has an id (kebab-case), the title an admin would recognise, the public address (a Zoho page, a file
//! of one of Zoho's SDKs on GitHub, or a third-party page), the kind of source, and the date the address was last
//! seen to hold that page. A few sources have no known public address (unnamed third-party code, the admin setup
//! guide): their `url` is `None` and renderers show the title alone. Pages not re-confirmed since the facts were
//! compiled have `checked` `None`.
//!
//! ```
//! use zoho_connector_kit::source::{self, SourceKind};
//! let limits = source::lookup("zoho-accounts-token-limits").unwrap();
//! assert_eq!(limits.kind, SourceKind::Official);
//! assert!(limits.url.as_deref().unwrap().starts_with("https://www.zoho.com/accounts/"));
//! assert!(source::all().len() > 100);
//! ```

use serde::{Deserialize, Serialize};
use std::sync::OnceLock;

/// How far a source can be trusted.
///
/// ```
/// use zoho_connector_kit::source::{lookup, SourceKind};
/// assert_eq!(lookup("zoho-crm-python-sdk-8-constants").unwrap().kind, SourceKind::Sdk);
/// assert_eq!(SourceKind::ThirdParty.label(), "third party");
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, Serialize)]
#[serde(rename_all = "kebab-case")]
#[non_exhaustive]
pub enum SourceKind {
    /// Zoho's own documentation: help and developer pages, community posts by Zoho, other Zoho products' pages and
    /// the official OpenAPI specification (zoho/crm-oas).
    Official,
    /// Code of Zoho's official SDKs on GitHub.
    Sdk,
    /// Anyone else: treat as unverified.
    ThirdParty,
}

impl SourceKind {
    /// The words shown next to a source's title.
    ///
    /// ```
    /// assert_eq!(zoho_connector_kit::source::SourceKind::Sdk.label(), "Zoho SDK");
    /// ```
    pub fn label(self) -> &'static str {
        match self {
            SourceKind::Official => "Zoho documentation",
            SourceKind::Sdk => "Zoho SDK",
            SourceKind::ThirdParty => "third party",
        }
    }
}

/// One entry of the registry.
///
/// ```
/// let s = zoho_connector_kit::source::lookup("deluge-invoke-url").unwrap();
/// assert_eq!(s.title, "Deluge: invokeUrl task");
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Source {
    /// Stable id, kebab-case; what a `source` field holds.
    pub id: String,
    /// The page's title as an admin would name it.
    pub title: String,
    /// Public https address; `None` when no address is known.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub url: Option<String>,
    /// Official documentation, SDK code or third party.
    pub kind: SourceKind,
    /// `YYYY-MM-DD` on which the page was last seen at `url`; `None` when not re-confirmed (see docs/facts.md).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub checked: Option<String>,
}

impl Source {
    /// The source as one line of text for a terminal: title, then the address in angle brackets when there is one.
    ///
    /// ```
    /// let s = zoho_connector_kit::source::lookup("zoho-accounts-revoke-token").unwrap();
    /// assert_eq!(s.cite(), "Zoho Accounts: Revoke OAuth tokens <https://www.zoho.com/accounts/protocol/oauth/revoke-refresh-token.html>");
    /// ```
    pub fn cite(&self) -> String {
        match &self.url {
            Some(url) => format!("{} <{url}>", self.title),
            None => self.title.clone(),
        }
    }
}

static REGISTRY: OnceLock<Vec<Source>> = OnceLock::new();

/// Reads a registry file (a JSON array of entries). Used once for the built-in file; public so tests and tools
/// can check a candidate file with [`problems`].
///
/// ```
/// let parsed = zoho_connector_kit::source::parse(r#"[{"id":"a-b","title":"A","kind":"sdk"}]"#).unwrap();
/// assert_eq!(parsed[0].url, None);
/// assert!(zoho_connector_kit::source::parse(r#"[{"id":"a","title":"A","kind":"blog"}]"#).is_err());
/// ```
pub fn parse(text: &str) -> Result<Vec<Source>, String> {
    serde_json::from_str(text).map_err(|e| e.to_string())
}

/// Every entry, in the file's order. (The file ships inside the crate; a malformed one fails the tests and
/// leaves this list empty rather than panicking.)
///
/// ```
/// let all = zoho_connector_kit::source::all();
/// assert!(all.iter().any(|s| s.id == "zoho-crm-oas"));
/// ```
pub fn all() -> &'static [Source] {
    REGISTRY.get_or_init(|| parse(include_str!("../data/sources.json")).unwrap_or_default())
}

/// The entry with this id.
///
/// ```
/// use zoho_connector_kit::source::lookup;
/// assert_eq!(lookup("zoho-crm-v8-insert-records").unwrap().title, "Zoho CRM API v8: Insert records");
/// assert!(lookup("zoho-facts.md §2a").is_none());
/// ```
pub fn lookup(id: &str) -> Option<&'static Source> {
    all().iter().find(|s| s.id == id)
}

/// A `source` value as text for a terminal: the cited entry when the value is a registry id, the value itself
/// otherwise (sources written before the registry, or data the user gave, like "your config").
///
/// ```
/// use zoho_connector_kit::source::describe;
/// assert!(describe("deluge-keywords").starts_with("Deluge: Reserved keywords <https://"));
/// assert_eq!(describe("your config (redirectUri)"), "your config (redirectUri)");
/// ```
pub fn describe(source: &str) -> String {
    lookup(source).map_or_else(|| source.to_string(), Source::cite)
}

/// True when `id` has the registry's id form: lowercase letters and digits in words joined by single hyphens.
///
/// ```
/// use zoho_connector_kit::source::is_kebab_case;
/// assert!(is_kebab_case("zoho-crm-v8-multi-dc"));
/// assert!(!is_kebab_case("Zoho-CRM") && !is_kebab_case("a--b") && !is_kebab_case("-a") && !is_kebab_case(""));
/// ```
pub fn is_kebab_case(id: &str) -> bool {
    !id.is_empty()
        && id.split('-').all(|w| !w.is_empty() && w.bytes().all(|b| b.is_ascii_lowercase() || b.is_ascii_digit()))
}

/// What is wrong with a registry, one sentence per problem (empty when it is sound): ids unique and
/// kebab-case; titles present; every address `https://` with a host; `checked` a `YYYY-MM-DD` date.
///
/// ```
/// use zoho_connector_kit::source::{all, parse, problems};
/// assert!(problems(all()).is_empty());
/// let bad = parse(r#"[{"id":"a","title":"A","url":"http://x.example","kind":"official"},
///                    {"id":"a","title":"","kind":"sdk","checked":"1 Dec"}]"#).unwrap();
/// assert_eq!(problems(&bad).len(), 4);
/// ```
pub fn problems(entries: &[Source]) -> Vec<String> {
    let mut out = Vec::new();
    for (i, s) in entries.iter().enumerate() {
        if !is_kebab_case(&s.id) {
            out.push(format!("{}: the id is not kebab-case", s.id));
        }
        if entries[..i].iter().any(|e| e.id == s.id) {
            out.push(format!("{}: the id is used twice", s.id));
        }
        if s.title.trim().is_empty() {
            out.push(format!("{}: the title is empty", s.id));
        }
        if let Some(url) = &s.url {
            if !has_https_host(url) {
                out.push(format!("{}: the address {url} is not https:// with a host", s.id));
            }
        }
        if let Some(date) = &s.checked {
            if !is_iso_date(date) {
                out.push(format!("{}: checked \"{date}\" is not a YYYY-MM-DD date", s.id));
            }
        }
    }
    out
}

fn has_https_host(url: &str) -> bool {
    let Some(rest) = url.strip_prefix("https://") else { return false };
    let host = rest.split(['/', '?', '#']).next().unwrap_or("");
    host.contains('.')
        && !host.starts_with('.')
        && !host.ends_with('.')
        && host.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'.' || b == b'-')
        && !url.chars().any(char::is_whitespace)
}

fn is_iso_date(date: &str) -> bool {
    let b = date.as_bytes();
    b.len() == 10
        && b[4] == b'-'
        && b[7] == b'-'
        && b.iter().enumerate().all(|(i, c)| i == 4 || i == 7 || c.is_ascii_digit())
        && matches!(date[5..7].parse::<u8>(), Ok(1..=12))
        && matches!(date[8..10].parse::<u8>(), Ok(1..=31))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_built_in_registry_parses_and_is_sound() {
        let parsed = parse(include_str!("../data/sources.json")).expect("crate/data/sources.json parses");
        assert_eq!(parsed.len(), all().len());
        assert!(all().len() > 100, "the registry lost entries");
        assert_eq!(problems(all()), Vec::<String>::new());
    }

    #[test]
    fn every_kind_is_represented_and_unknown_kinds_are_rejected() {
        for kind in [SourceKind::Official, SourceKind::Sdk, SourceKind::ThirdParty] {
            assert!(all().iter().any(|s| s.kind == kind), "{kind:?}");
        }
        let err = parse(r#"[{"id":"x","title":"X","kind":"forum"}]"#).unwrap_err();
        assert!(err.contains("unknown variant"), "{err}");
        assert!(parse(r#"[{"id":"x","title":"X","kind":"sdk","note":"long text"}]"#).is_err());
    }

    #[test]
    fn addresses_must_be_https_with_a_host() {
        for bad in [
            "http://www.zoho.com/a",
            "https://",
            "https:///path",
            "https://localhost/x",
            "https://a b.com/",
            "ftp://x.com",
        ] {
            assert!(!has_https_host(bad), "{bad}");
        }
        for good in ["https://www.zoho.com/accounts/protocol/oauth/scope.html", "https://github.com/zoho/crm-oas"] {
            assert!(has_https_host(good), "{good}");
        }
    }

    #[test]
    fn checked_dates_are_iso() {
        assert!(is_iso_date("2026-12-01"));
        for bad in ["2026-13-01", "2026-12-32", "26-12-01", "2026/12/01", "2026-12-1x"] {
            assert!(!is_iso_date(bad), "{bad}");
        }
    }

    #[test]
    fn lookup_is_exact() {
        assert!(lookup("deluge-connections").is_some());
        assert!(lookup("Deluge-connections").is_none());
        assert!(lookup(" deluge-connections").is_none());
    }
}
