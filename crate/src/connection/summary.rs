//! The summary of a connection check: data center, provider kind, what to register at the provider, and a URL
//! to try in a browser.
//!
//! ```
//! use zoho_connector_kit::connection::{validate_connection, ConnectionConfigInput};
//! let config = ConnectionConfigInput {
//!     service_name: Some("Shopify".into()),
//!     auth_type: Some("oauth2".into()),
//!     data_center: Some("eu".into()),
//!     ..Default::default()
//! };
//! let summary = validate_connection(&config).summary;
//! assert_eq!(summary.link_name.as_deref(), Some("shopify"));
//! assert!(summary.link_name_suggested);
//! // EU: sources disagree on the callback, so both candidates are listed.
//! assert_eq!(summary.register.redirect_uris.len(), 2);
//! ```

use super::config::{AuthType, ConnectionConfigInput, GrantType, Provider, ProviderKind, ResolvedDataCenter};
use super::link_name::{link_name_problems, suggest_link_name};
use crate::authorization::{build_authorization_url, AuthorizationInput, ScopesInput};
use crate::data_center::{self, CallbackStatus, DataCenterId};
use crate::diagnostic::{Diagnostic, Severity};
use serde::Serialize;

/// A redirect URI to register, with where it comes from.
///
/// ```
/// use zoho_connector_kit::connection::summary::RedirectCandidate;
/// let c = RedirectCandidate { value: "https://deluge.zoho.com/delugeauth/callback".into(), source: "x".into() };
/// assert!(serde_json::to_string(&c).unwrap().contains("\"value\""));
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct RedirectCandidate {
    /// The URI.
    pub value: String,
    /// Its source.
    pub source: String,
}

/// What to register at the provider.
///
/// ```
/// use zoho_connector_kit::connection::{validate_connection, ConnectionConfigInput};
/// let config = ConnectionConfigInput { data_center: Some("sa".into()), auth_type: Some("oauth2".into()),
///     token_url: Some("https://api.hubapi.com/oauth/v1/token".into()), ..Default::default() };
/// let r = validate_connection(&config).summary.register;
/// assert!(r.redirect_uris.is_empty());
/// assert_eq!(r.redirect_status.map(|s| format!("{s:?}")).as_deref(), Some("Unknown"));
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Registration {
    /// Where the OAuth client is registered.
    pub at: String,
    /// The client type to choose, for Zoho.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub client_type: Option<String>,
    /// The redirect URIs to register (more than one when sources disagree; empty when unknown).
    pub redirect_uris: Vec<RedirectCandidate>,
    /// What is known of the Deluge callback of the data center.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub redirect_status: Option<CallbackStatus>,
    /// What to enter as the homepage URL.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub homepage: Option<String>,
    /// Further advice.
    pub notes: Vec<String>,
}

/// How many findings of each severity.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Counts {
    /// Errors.
    pub errors: usize,
    /// Warnings.
    pub warnings: usize,
    /// Notes.
    pub infos: usize,
}

/// The summary of [`crate::connection::validate_connection`].
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct ConnectionSummary {
    /// The link name as given when valid, else one suggested from the service name.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub link_name: Option<String>,
    /// Whether `link_name` is a suggestion.
    pub link_name_suggested: bool,
    /// The auth type, when recognised.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub auth_type: Option<AuthType>,
    /// The grant type, for OAuth 2.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub grant_type: Option<GrantType>,
    /// The admin's data center.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub data_center: Option<DataCenterId>,
    /// Its plain name.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub data_center_name: Option<&'static str>,
    /// The field the data center was read or detected from.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub data_center_from: Option<String>,
    /// Zoho itself or an external service, and why.
    pub provider: Provider,
    /// What to register at the provider.
    pub register: Registration,
    /// A URL to open in a browser to test the client, redirect URI and scopes (only when no finding is an error).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub try_url: Option<String>,
    /// What the try URL does, or why there is none.
    pub try_url_note: String,
    /// How Deluge code uses the connection.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub deluge_usage: Option<String>,
    /// How many findings of each severity.
    pub counts: Counts,
    /// No error and no warning: the one line to show ("Looks right") instead of a wall of notes. The notes stay
    /// in the findings, for whoever opens them.
    pub looks_right: bool,
    /// One sentence for the admin: "Looks right.", or how many errors and warnings there are to fix or check.
    pub verdict: String,
}

/// Fixed `state` of the try URL: it is for a manual check in a browser, not for a real authorization.
pub const TRY_STATE: &str = "zck-validate";

pub(crate) fn summarize(
    input: &ConnectionConfigInput,
    auth: Option<AuthType>,
    provider: &Provider,
    resolved: &ResolvedDataCenter,
    diagnostics: &[Diagnostic],
) -> ConnectionSummary {
    let given_link = input.link_name.as_deref().map(str::trim).filter(|l| !l.is_empty());
    let (link_name, link_name_suggested) = match given_link {
        Some(l) if link_name_problems(l).is_empty() => (Some(l.to_string()), false),
        Some(l) => (Some(suggest_link_name(input.service_name.as_deref().unwrap_or(l))), true),
        None => (input.service_name.as_deref().map(suggest_link_name), true),
    };
    let count = |s| diagnostics.iter().filter(|d| d.severity == s).count();
    let counts =
        Counts { errors: count(Severity::Error), warnings: count(Severity::Warning), infos: count(Severity::Info) };
    let grant_type = (auth == Some(AuthType::OAuth2)).then(|| input.grant_type());
    let dc = resolved.id;
    let register = registration(input, auth, provider.kind, dc);
    let (try_url, try_url_note) = try_url(input, auth, grant_type, provider.kind, dc, counts.errors > 0);
    ConnectionSummary {
        deluge_usage: link_name.as_ref().map(|l| format!("invokeurl [ url: \"…\" type: GET connection: \"{l}\" ];")),
        link_name,
        link_name_suggested,
        auth_type: auth,
        grant_type,
        data_center: dc,
        data_center_name: dc.map(|d| data_center::lookup(d).name),
        data_center_from: resolved.field.clone(),
        provider: provider.clone(),
        register,
        try_url,
        try_url_note,
        counts,
        looks_right: counts.errors == 0 && counts.warnings == 0,
        verdict: verdict(counts),
    }
}

/// "Looks right." when nothing is an error or a warning; else what is left to fix or check.
///
/// ```
/// use zoho_connector_kit::connection::{validate_connection, ConnectionConfigInput};
/// let report = validate_connection(&ConnectionConfigInput::default());
/// assert!(!report.summary.looks_right);
/// assert!(report.summary.verdict.contains("to fix"));
/// ```
fn verdict(counts: Counts) -> String {
    let plural = |n: usize, word: &str| if n == 1 { format!("1 {word}") } else { format!("{n} {word}s") };
    match (counts.errors, counts.warnings) {
        (0, 0) => "Looks right.".to_string(),
        (0, w) => format!("No error; {} to check.", plural(w, "warning")),
        (e, 0) => format!("{} to fix.", plural(e, "error")),
        (e, w) => format!("{} to fix, {} to check.", plural(e, "error"), plural(w, "warning")),
    }
}

fn registration(
    input: &ConnectionConfigInput,
    auth: Option<AuthType>,
    kind: ProviderKind,
    dc: Option<DataCenterId>,
) -> Registration {
    if matches!(auth, Some(AuthType::ApiKey | AuthType::Basic)) {
        return Registration {
            at: "Nothing to register: create the API key or user at the external service and enter it when connecting."
                .into(),
            client_type: None,
            redirect_uris: Vec::new(),
            redirect_status: None,
            homepage: None,
            notes: Vec::new(),
        };
    }
    let entry = dc.map(data_center::lookup);
    let own_redirect = kind == ProviderKind::Zoho
        && input
            .url_field("redirectUri")
            .is_some_and(|r| data_center::detect(r).role != Some(data_center::HostRole::DelugeCallback));
    let (redirect_uris, redirect_status) = match (own_redirect, entry) {
        (true, _) => (
            input
                .url_field("redirectUri")
                .map(|r| RedirectCandidate { value: r.to_string(), source: "your config (redirectUri)".into() })
                .into_iter()
                .collect(),
            None,
        ),
        (false, Some(e)) => (
            e.deluge_callbacks
                .iter()
                .map(|f| RedirectCandidate { value: f.value.to_string(), source: f.source.to_string() })
                .collect(),
            Some(e.callback_status),
        ),
        (false, None) => (Vec::new(), None),
    };
    let mut notes: Vec<String> = Vec::new();
    if let Some(e) = entry {
        if redirect_status.is_some() {
            notes.extend(e.notes.iter().map(|n| n.to_string()));
        }
    }
    match kind {
        ProviderKind::Zoho => {
            let console = entry.and_then(|e| e.api_console.map(|c| c.value)).unwrap_or("https://api-console.zoho.com");
            notes.push(
                "Client name: no special characters except _ and & (Zoho CRM developer community, Kaizen #4: Troubleshooting OAuth 2.0); avoid \"Zoho\" in it (Square Labs' guide to Zoho custom connections, third party)."
                    .into(),
            );
            notes.push("Editing a custom service later can revoke existing connections (Square Labs' guide to Zoho custom connections, third party).".into());
            Registration {
                at: format!("Zoho API console {console} (Zoho Accounts: Client registration)"),
                client_type: Some("Server-based Applications (Zoho Accounts: Client registration)".into()),
                redirect_uris,
                redirect_status,
                homepage: Some(
                    "Required for a server-based client (Zoho Cliq API: Register a client): any URL of your organisation."
                        .into(),
                ),
                notes,
            }
        }
        _ => Registration {
            at: "The external service's developer or app settings: create an OAuth app there.".into(),
            client_type: None,
            redirect_uris,
            redirect_status,
            homepage: Some("If the service asks for a homepage or website URL: your organisation's site.".into()),
            notes,
        },
    }
}

fn try_url(
    input: &ConnectionConfigInput,
    auth: Option<AuthType>,
    grant: Option<GrantType>,
    kind: ProviderKind,
    dc: Option<DataCenterId>,
    has_errors: bool,
) -> (Option<String>, String) {
    if auth != Some(AuthType::OAuth2) {
        return (None, "Only OAuth 2 connections have an authorization URL to try.".into());
    }
    if grant == Some(GrantType::ClientCredentials) {
        return (None, "The client-credentials grant has no consent page; test it with a token request.".into());
    }
    if has_errors {
        return (None, "Fix the errors first; then a URL to try is shown here.".into());
    }
    let Some(redirect) = input.url_field("redirectUri") else {
        return (None, "Give redirectUri to get a URL to try.".into());
    };
    match kind {
        ProviderKind::Zoho => {
            let scopes = input.scope_list();
            let auth_input = AuthorizationInput {
                data_center: dc.map(|d| d.key().to_string()),
                client_id: input.client_id.as_deref().map(|s| s.trim().to_string()),
                scopes: Some(ScopesInput::List(scopes)),
                redirect_uri: Some(redirect.to_string()),
                access_type: None,
                prompt: None,
                state: Some(TRY_STATE.into()),
            };
            let built = build_authorization_url(&auth_input);
            match built.url {
                Some(url) => (
                    Some(url),
                    "Open it signed in to Zoho: the consent page proves the client ID, redirect URI and scopes are accepted. Do not finish a real connection with it; Deluge builds its own request."
                        .into(),
                ),
                None => (None, "The authorization URL could not be built from this config.".into()),
            }
        }
        ProviderKind::External => {
            let Some(authorize) = input.url_field("authorizeUrl") else {
                return (None, "Give authorizeUrl to get a URL to try.".into());
            };
            let Ok(mut url) = crate::url_text::parse(authorize) else {
                return (None, "The authorize URL cannot be read.".into());
            };
            let existing: Vec<String> = url.query_pairs().map(|(k, _)| k.into_owned()).collect();
            let delimiter = input.scope_delimiter().as_char().to_string();
            let scopes = input.scope_list().join(&delimiter);
            {
                let mut q = url.query_pairs_mut();
                let mut add = |k: &str, v: &str| {
                    if !existing.iter().any(|e| e == k) && !v.is_empty() {
                        q.append_pair(k, v);
                    }
                };
                add("response_type", "code");
                add("client_id", input.client_id.as_deref().unwrap_or("").trim());
                add("redirect_uri", redirect);
                add("scope", &scopes);
            }
            (
                Some(url.to_string()),
                "The standard OAuth 2 authorization request (RFC 6749 §4.1.1) built from your fields; the provider may need more parameters. Open it to see that the provider accepts the client ID and redirect URI."
                    .into(),
            )
        }
        ProviderKind::Undetermined => (None, "The provider is undetermined, so no URL can be built.".into()),
    }
}
