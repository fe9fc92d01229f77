//! The connection validator: every check of a custom-service config, each with its own stable code.
//!
//! ```
//! use zoho_connector_kit::connection::{validate_connection, ConnectionConfigInput, ProviderKind};
//! use zoho_connector_kit::input::parse_json_text;
//!
//! let config: ConnectionConfigInput = parse_json_text(r#"{
//!     "serviceName": "Zoho CRM EU",
//!     "linkName": "Zoho-CRM",
//!     "authType": "oauth2",
//!     "dataCenter": "eu",
//!     "clientId": "1000.GMB0YULZHJK411248S8I5GZ4CHUEX0",
//!     "clientSecret": "YOUR_CLIENT_SECRET",
//!     "authorizeUrl": "https://accounts.zoho.com/oauth/v2/auth",
//!     "tokenUrl": "https://accounts.zoho.eu/oauth/v2/token",
//!     "scopes": ["ZohoCRM.modules.ALL"]
//! }"#).unwrap();
//! let report = validate_connection(&config);
//! let codes: Vec<&str> = report.diagnostics.iter().map(|d| d.code.as_str()).collect();
//! assert!(codes.contains(&"connection.link_name_start"));
//! assert!(codes.contains(&"connection.client_secret_placeholder"));
//! assert!(codes.contains(&"connection.access_type_missing"));
//! assert_eq!(report.summary.provider.kind, ProviderKind::Zoho);
//! // The secret is never echoed.
//! assert!(report.diagnostics.iter().all(|d| !d.message.contains("YOUR_CLIENT_SECRET")));
//! ```
//!
//! One file per concern; each reads the input (or, for OAuth 2, the `OAuth2Connection` built from it:
//! grant, provider, data center and the parsed URLs) and appends its findings:
//!
//! - `names`: service name and link name; `auth_type`: the authentication type;
//! - `credentials`: API key and basic authentication; `oauth2`: the OAuth 2 fields, then per provider
//!   `zoho_provider` or `external_provider`, and `redirect`, `scopes`; `client`: client id and secret;
//! - `url`: the shape of each URL; `data_center_notes`; `file`: the preset and the file format version;
//! - `fields`: the helpers they share.

mod auth_type;
mod client;
mod credentials;
mod data_center_notes;
mod external_provider;
mod fields;
mod file;
mod names;
mod oauth2;
mod redirect;
mod scopes;
mod url;
mod zoho_provider;

use super::config::{AuthType, ConnectionConfigInput};
use super::summary::{summarize, ConnectionSummary};
use crate::code::Code;
use crate::diagnostic::Diagnostic;
use serde::Serialize;

const NAME_SRC: &str = "zoho-qengine-connections";
const FIELDS_SRC: &str = "zoho-qengine-connections";
const AUTH_SRC: &str = "zoho-accounts-authorization";
const ENDPOINT_SRC: &str = "zoho-accounts-authorization";
const OFFLINE_SRC: &str = "zoho-accounts-authorization";
const CLIENT_ID_SRC: &str = "zoho-accounts-authorization";
const CALLBACK_SRC: &str = "third-party-deluge-callback-table";
const MULTI_DC_SRC: &str = "zoho-crm-v8-multi-dc";

/// What [`validate_connection`] answers: the findings, errors first, and a summary.
///
/// ```
/// use zoho_connector_kit::connection::{validate_connection, ConnectionConfigInput};
/// let report = validate_connection(&ConnectionConfigInput::default());
/// assert!(report.has_errors());
/// assert_eq!(report.diagnostics[0].severity.as_str(), "error");
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct ConnectionReport {
    /// Findings, errors first, then warnings, then notes.
    pub diagnostics: Vec<Diagnostic>,
    /// The data center, the provider kind, what to register and the URL to try.
    pub summary: ConnectionSummary,
}

impl ConnectionReport {
    /// True when any finding is an error.
    ///
    /// ```
    /// use zoho_connector_kit::connection::{validate_connection, ConnectionConfigInput};
    /// assert!(validate_connection(&ConnectionConfigInput::default()).has_errors());
    /// ```
    pub fn has_errors(&self) -> bool {
        Diagnostic::has_errors(&self.diagnostics)
    }
}

/// Checks a whole connection config. Never fails: every problem is a finding.
///
/// ```
/// use zoho_connector_kit::connection::{validate_connection, ConnectionConfigInput};
/// use zoho_connector_kit::input::parse_json_value;
/// let config: ConnectionConfigInput = parse_json_value(serde_json::json!({
///     "serviceName": "Mailchimp", "linkName": "mailchimp", "authType": "oauth2", "dataCenter": "us",
///     "clientId": "483920175634", "clientSecret": "9f8e7d6c5b4a39281706f5e4d3c2b1a0",
///     "authorizeUrl": "https://login.mailchimp.com/oauth2/authorize",
///     "tokenUrl": "https://login.mailchimp.com/oauth2/token",
///     "redirectUri": "https://deluge.zoho.com/delugeauth/callback"
/// })).unwrap();
/// let report = validate_connection(&config);
/// assert!(report.diagnostics.iter().all(|d| d.severity.as_str() == "info"), "{:#?}", report.diagnostics);
/// ```
pub fn validate_connection(input: &ConnectionConfigInput) -> ConnectionReport {
    let mut out = Vec::new();
    names::check_names(input, &mut out);
    let auth = auth_type::check_auth_type(input, &mut out);
    let resolved = input.resolve_data_center();
    out.extend(resolved.diagnostics.iter().cloned());
    let provider = input.provider();
    let dc = resolved.id;

    match auth {
        Some(AuthType::OAuth1) => {
            out.push(
                Diagnostic::warning(
                    Code::ConnectionOauth1NotChecked,
                    "authType",
                    "OAuth 1 connections are recognised but not checked by this tool.",
                )
                .with_fix("Check the OAuth 1 request-token, authorize and access-token URLs against the provider's documentation.")
                .with_source(FIELDS_SRC),
            );
        }
        Some(AuthType::ApiKey) => credentials::check_api_key(input, &mut out),
        Some(AuthType::Basic) => credentials::check_basic(input, &mut out),
        Some(AuthType::OAuth2) => oauth2::check_oauth2(input, provider.kind, dc, resolved.field.as_deref(), &mut out),
        None => {}
    }
    if let Some(id) = dc {
        data_center_notes::check_data_center_notes(id, provider.kind, auth, &mut out);
    }
    file::check_preset_and_version(input, &mut out);
    super::account_dc::check(input, &resolved, &mut out);

    // Errors first, then warnings, then notes; the order of checks within a severity is kept.
    crate::diagnostic::sort_by_severity(&mut out);
    let summary = summarize(input, auth, &provider, &resolved, &out);
    ConnectionReport { diagnostics: out, summary }
}
