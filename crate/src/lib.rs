//! # zoho-connector-kit
//!
//! Check Zoho CRM connections before they fail at run time: data centers, OAuth authorization URLs, and (as the
//! crate grows) whole connection configs, token requests, field mappings and Deluge.
//!
//! The core is plain Rust: no browser, no network. The same API is published to JavaScript (feature `wasm`, the
//! npm package `zoho-connector-kit`) and as the `zck` command-line tool (feature `cli`).
//!
//! ## Contents
//! - [`data_center`]: the registry of Zoho data centers, each host with its source, and [`data_center::detect`].
//! - [`authorization`]: [`build_authorization_url()`], the Zoho authorize URL.
//! - [`deluge`]: generate `invokeurl` calls and payloads ([`deluge::generate_invoke_url()`],
//!   [`deluge::string_literal()`]), check pasted Deluge ([`deluge::check_deluge()`]), format it.
//! - [`diagnostic`]: [`Diagnostic`], the one shape of every finding; [`code`]: [`code::Code`], every finding code.
//! - [`connection_test`]: the live connection test, over the [`http::HttpClient`] the platform provides.
//! - [`preset`]: presets for MailChimp, Shopify, HubSpot, SurveyMonkey, Zoho Desk and Zoho CRM, as data.
//! - [`secret`]: [`secret::Secret`], values that print `[redacted]`.
//! - [`input`]: reading JSON into the `…Input` types with findings that name the field.
//! - [`field`]: CRM field types with JSON shape, limits and sources; source field types; module schemas from
//!   `GET /settings/fields`; built-in standard fields of Leads, Contacts, Accounts, Deals.
//! - [`mapping`]: [`FieldMapping`], [`validate_mapping`], [`apply_mapping`] (payload batches of 100 with per-record
//!   findings).
//! - [`webhook`]: [`webhook::validate_webhook`], the webhook JSON of the setup guide and a receiving Deluge skeleton.
//! - [`connection`]: the connection doctor: [`connection::ConnectionConfigInput`] and its checks.
//! - [`scope`]: Zoho OAuth scope grammar and the sourced ZohoCRM scope catalogue.
//! - [`text_distance`]: the one edit distance behind every "did you mean".
//! - [`token`]: token requests (exchange, refresh, revoke), token responses, token limits and throttling, token store.
//! - [`explain`]: [`explain_error`], what a Zoho error means and its likely causes.
//! - [`source`]: the registry of sources (id, title, public address, kind) that `source` fields name; the facts
//!   themselves, restated with the same ids, are in `docs/facts.md`.
//!
//! ## Example: detect a data center
//! ```
//! use zoho_connector_kit::data_center::{detect, DataCenterId};
//! assert_eq!(detect("https://accounts.zoho.eu/oauth/v2/auth").data_center, Some(DataCenterId::Eu));
//! ```
//!
//! ## Example: build an authorization URL from JSON
//! ```
//! use zoho_connector_kit::{build_authorization_url, input::parse_json_text, AuthorizationInput};
//! let input: AuthorizationInput = parse_json_text(r#"{
//!     "dataCenter": "us",
//!     "clientId": "1000.GMB0YULZHJK411248S8I5GZ4CHUEX0",
//!     "scopes": "ZohoCRM.modules.ALL",
//!     "redirectUri": "https://deluge.zoho.com/delugeauth/callback"
//! }"#).unwrap();
//! let result = build_authorization_url(&input);
//! assert!(result.url.unwrap().contains("access_type=offline"));
//! ```

pub mod authorization;
pub mod code;
pub mod connection;
pub mod connection_test;
pub mod data_center;
pub mod deluge;
pub mod diagnostic;
pub mod explain;
pub mod field;
pub mod http;
pub mod input;
mod json_path;
pub mod mapping;
pub mod preset;
pub mod scope;
pub mod secret;
pub mod source;
pub mod text_distance;
pub mod token;
mod url_text;
pub mod webhook;

#[cfg(feature = "wasm")]
pub mod wasm;

pub use authorization::{build_authorization_url, AuthorizationInput, AuthorizationUrl};
pub use connection::{validate_connection, ConnectionConfigInput, ConnectionReport};
pub use data_center::{DataCenter, DataCenterId, Detection};
pub use diagnostic::{Diagnostic, Severity};
pub use explain::{explain_error, ExplainInput, Explanation};
pub use mapping::{apply_mapping, validate_mapping, FieldMapping};
pub use secret::Secret;
pub use token::{build_token_requests, parse_token_response, TokenRequestInput, TokenResponseInput};

/// The crate version, as shown by the CLI and the extension.
///
/// ```
/// assert!(!zoho_connector_kit::VERSION.is_empty());
/// ```
pub const VERSION: &str = env!("CARGO_PKG_VERSION");

/// A JSON object of `pairs` (a later pair replaces an earlier one with the same key, as `collect` does). Inserts one
/// by one: `collect` into a map sorts first, and each call site's sort is its own copy of the standard library's
/// stable sort in the Wasm module (1.5–3 KB each).
pub(crate) fn json_map(
    pairs: impl IntoIterator<Item = (String, serde_json::Value)>,
) -> serde_json::Map<String, serde_json::Value> {
    let mut map = serde_json::Map::new();
    map.extend(pairs);
    map
}

// The examples of the crate's README run as doctests, so the page crates.io shows cannot drift from the API.
#[cfg(doctest)]
#[doc = include_str!("../README.md")]
struct ReadmeDoctests;

#[cfg(test)]
mod tests {
    #[test]
    fn json_map_is_what_collect_makes() {
        let pairs = || {
            [("b", 1), ("a", 2), ("b", 3), ("c", 4), ("a", 5)].map(|(k, v)| (k.to_string(), serde_json::Value::from(v)))
        };
        let collected: serde_json::Map<String, serde_json::Value> = pairs().into_iter().collect();
        assert_eq!(super::json_map(pairs()), collected);
        assert_eq!(serde_json::Value::Object(super::json_map(pairs())).to_string(), r#"{"a":5,"b":3,"c":4}"#);
    }
}
