//! The Zoho OAuth authorization URL (`{accounts}/oauth/v2/auth?…`).
//!
//! Raw input ([`AuthorizationInput`], camelCase JSON) goes through [`build_authorization_url`], which checks it and
//! builds the URL with the `url` crate (never by string concatenation). `access_type` is `offline` unless asked
//! otherwise — without it the connection dies after an hour — and `state` is drawn from the platform's CSPRNG
//! unless given.
//!
//! ```
//! use zoho_connector_kit::{build_authorization_url, AuthorizationInput};
//!
//! let input: AuthorizationInput = serde_json::from_value(serde_json::json!({
//!     "dataCenter": "eu",
//!     "clientId": "1000.GMB0YULZHJK411248S8I5GZ4CHUEX0",
//!     "scopes": ["ZohoCRM.modules.ALL", "ZohoCRM.settings.READ"],
//!     "redirectUri": "https://example.com/callback",
//!     "state": "abc"
//! })).unwrap();
//! let result = build_authorization_url(&input);
//! assert_eq!(
//!     result.url.as_deref(),
//!     Some("https://accounts.zoho.eu/oauth/v2/auth?response_type=code&client_id=1000.GMB0YULZHJK411248S8I5GZ4CHUEX0\
//! &scope=ZohoCRM.modules.ALL%2CZohoCRM.settings.READ&redirect_uri=https%3A%2F%2Fexample.com%2Fcallback\
//! &access_type=offline&state=abc")
//! );
//! ```

use crate::code::Code;
use crate::data_center::{self, DataCenterId};
use crate::diagnostic::Diagnostic;
use serde::{Deserialize, Serialize};

/// `access_type` of the authorization request (ACC web-apps/authorization.html).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum AccessType {
    /// Access and refresh token: the connection keeps working.
    Offline,
    /// Access token only: it expires after one hour.
    Online,
}

/// `prompt` of the authorization request.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Prompt {
    /// Always show the consent page, so that a new refresh token is issued.
    Consent,
}

/// Scopes as a list, or as one string delimited by commas, spaces or plus signs.
///
/// ```
/// use zoho_connector_kit::authorization::ScopesInput;
/// let s: ScopesInput = serde_json::from_str("\"ZohoCRM.modules.ALL, ZohoCRM.users.READ\"").unwrap();
/// assert_eq!(s.to_list(), vec!["ZohoCRM.modules.ALL", "ZohoCRM.users.READ"]);
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(untagged)]
pub enum ScopesInput {
    /// `["ZohoCRM.modules.ALL", …]`.
    List(Vec<String>),
    /// `"ZohoCRM.modules.ALL,ZohoCRM.users.READ"`.
    Text(String),
}

// Written by hand rather than `#[serde(untagged)]`: the derive buffers the value and answers "data did not match any
// variant" with no position, so the finding could not name `scopes[1]`; this reads the list item by item.
impl<'de> Deserialize<'de> for ScopesInput {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        deserializer.deserialize_any(ScopesVisitor)
    }
}

struct ScopesVisitor;

impl<'de> serde::de::Visitor<'de> for ScopesVisitor {
    type Value = ScopesInput;

    fn expecting(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("a list of scopes or one string of scopes")
    }

    fn visit_str<E: serde::de::Error>(self, v: &str) -> Result<ScopesInput, E> {
        Ok(ScopesInput::Text(v.to_string()))
    }

    fn visit_seq<A: serde::de::SeqAccess<'de>>(self, mut seq: A) -> Result<ScopesInput, A::Error> {
        let mut items = Vec::new();
        while let Some(item) = seq.next_element::<String>()? {
            items.push(item);
        }
        Ok(ScopesInput::List(items))
    }
}

impl ScopesInput {
    /// The scopes, trimmed, empty items dropped. A string is split on commas, whitespace and plus signs.
    ///
    /// ```
    /// use zoho_connector_kit::authorization::ScopesInput;
    /// assert_eq!(ScopesInput::Text("a.b.READ+c.d.ALL".into()).to_list(), vec!["a.b.READ", "c.d.ALL"]);
    /// ```
    pub fn to_list(&self) -> Vec<String> {
        match self {
            ScopesInput::List(items) => items.iter().map(|s| s.trim().to_string()).filter(|s| !s.is_empty()).collect(),
            ScopesInput::Text(text) => text
                .split(|c: char| c == ',' || c == '+' || c.is_whitespace())
                .filter(|s| !s.is_empty())
                .map(str::to_string)
                .collect(),
        }
    }
}

/// What the admin gives to build an authorization URL. Unknown fields are refused.
///
/// `dataCenter` takes a key (`eu`) or anything [`data_center::detect`] understands (an accounts URL, a CRM
/// page URL, a domain).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "camelCase")]
pub struct AuthorizationInput {
    /// Data center key or any Zoho URL or domain.
    #[serde(default)]
    pub data_center: Option<String>,
    /// The OAuth client id from the API console.
    #[serde(default)]
    pub client_id: Option<String>,
    /// The scopes to ask for.
    #[serde(default)]
    pub scopes: Option<ScopesInput>,
    /// The redirect URI registered for the client.
    #[serde(default)]
    pub redirect_uri: Option<String>,
    /// `offline` (default) or `online`.
    #[serde(default)]
    pub access_type: Option<AccessType>,
    /// `consent` to force the consent page (and a new refresh token).
    #[serde(default)]
    pub prompt: Option<Prompt>,
    /// The `state` to round-trip; random when absent.
    #[serde(default)]
    pub state: Option<String>,
}

impl AuthorizationInput {
    /// The input read from a whole connection config (the file the extension's Export JSON writes): the data
    /// center (where the account lives; read from the URLs with the `connection.data_center_guessed` warning
    /// when `dataCenter` is absent), client ID, scopes, redirect URI, and `access_type` / `prompt` from the
    /// authorize URL. A config for an external service gives `auth.external_provider`: this builds Zoho's URL.
    /// When `dataCenter` is given, the config's URLs on another data center give the same findings as
    /// [`crate::connection::validate_connection`] (`connection.zoho_dc_mismatch` and the like).
    ///
    /// ```
    /// use zoho_connector_kit::{AuthorizationInput, ConnectionConfigInput};
    /// let config: ConnectionConfigInput = serde_json::from_value(serde_json::json!({
    ///     "serviceName": "Zoho CRM", "clientId": "1000.GMB0YULZHJK411248S8I5GZ4CHUEX0",
    ///     "authorizeUrl": "https://accounts.zoho.eu/oauth/v2/auth?access_type=offline&prompt=consent",
    ///     "scopes": "ZohoCRM.modules.ALL", "redirectUri": "https://dre.zoho.eu/delugeauth/callback"
    /// })).unwrap();
    /// let (input, found) = AuthorizationInput::from_config(&config);
    /// assert_eq!(input.data_center.as_deref(), Some("eu"));
    /// assert_eq!(found[0].code, "connection.data_center_guessed");
    ///
    /// // An EU account with the US accounts server in its token URL: the wrong-DC error, as validate gives it.
    /// let eu: ConnectionConfigInput = serde_json::from_value(serde_json::json!({
    ///     "authType": "oauth2", "dataCenter": "eu", "clientId": "1000.GMB0YULZHJK411248S8I5GZ4CHUEX0", "scopes": "ZohoCRM.modules.ALL",
    ///     "authorizeUrl": "https://accounts.zoho.eu/oauth/v2/auth", "tokenUrl": "https://accounts.zoho.com/oauth/v2/token"
    /// })).unwrap();
    /// let (_, found) = AuthorizationInput::from_config(&eu);
    /// assert!(found.iter().any(|d| d.code == "connection.zoho_dc_mismatch" && d.path == "tokenUrl"));
    /// ```
    pub fn from_config(config: &crate::connection::ConnectionConfigInput) -> (AuthorizationInput, Vec<Diagnostic>) {
        let mut found = Vec::new();
        let provider = config.provider();
        if provider.kind == crate::connection::ProviderKind::External {
            let name = config.service_name.as_deref().unwrap_or("This service");
            let url = config.authorize_url.as_deref().unwrap_or("");
            found.push(
                Diagnostic::error(
                    Code::AuthExternalProvider,
                    "authorizeUrl",
                    format!("{name} is not Zoho, and this builds Zoho's authorization URL. Zoho opens {name}'s ({url}) when you connect."),
                )
                .with_fix("Check this config with zck validate; connect it from Zoho's Connections page."),
            );
        }
        let resolved = config.resolve_data_center();
        found.extend(resolved.diagnostics.iter().cloned());
        crate::connection::account_dc::guessed_data_center(config, &resolved, &mut found);
        // Where the account lives was said: the config's URLs on another data center are the same errors
        // `validate_connection` gives (the classic `invalid_client`), not a clean URL for the right one.
        if config.data_center.as_deref().is_some_and(|t| !t.trim().is_empty()) {
            let wrong_dc =
                [Code::ConnectionZohoDcMismatch, Code::ConnectionRedirectWrongDc, Code::ConnectionAuthorizeMultiDc];
            found.extend(
                crate::connection::validate_connection(config)
                    .diagnostics
                    .into_iter()
                    .filter(|d| wrong_dc.contains(&d.code)),
            );
        }
        let query: Vec<(String, String)> = config
            .authorize_url
            .as_deref()
            .and_then(|u| crate::url_text::parse(u.trim()).ok())
            .map(|u| u.query_pairs().into_owned().collect())
            .unwrap_or_default();
        let param = |name: &str| query.iter().find(|(k, _)| k == name).map(|(_, v)| v.clone());
        let input = AuthorizationInput {
            data_center: resolved.id.map(|id| id.key().to_string()),
            client_id: config.client_id.clone(),
            scopes: config.scopes.clone(),
            redirect_uri: config.redirect_uri.clone(),
            access_type: param("access_type").and_then(|v| serde_json::from_value(serde_json::Value::String(v)).ok()),
            prompt: param("prompt").and_then(|v| serde_json::from_value(serde_json::Value::String(v)).ok()),
            state: None,
        };
        (input, found)
    }
}

/// The built URL and what was found on the way.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct AuthorizationUrl {
    /// The URL to open; absent when an error finding prevents it.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub url: Option<String>,
    /// The data center used.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub data_center: Option<DataCenterId>,
    /// The `state` in the URL (keep it to compare with the redirect).
    pub state: String,
    /// Findings, errors first.
    pub diagnostics: Vec<Diagnostic>,
}

const CLIENT_ID_SRC: &str = "zoho-accounts-authorization";
const AUTH_SRC: &str = "zoho-accounts-authorization";

/// Checks the input and builds the authorization URL.
///
/// Never fails: problems are findings. The URL is present when no finding is an error.
///
/// ```
/// use zoho_connector_kit::{build_authorization_url, AuthorizationInput};
/// let input = AuthorizationInput { data_center: Some("accounts.zoho.au".into()), ..Default::default() };
/// let r = build_authorization_url(&input);
/// assert!(r.url.is_none());
/// let codes: Vec<&str> = r.diagnostics.iter().map(|d| d.code.as_str()).collect();
/// assert!(codes.contains(&"dc.wrong_host") && codes.contains(&"auth.missing_client_id"));
/// ```
pub fn build_authorization_url(input: &AuthorizationInput) -> AuthorizationUrl {
    let mut diagnostics = Vec::new();

    let data_center = resolve_data_center(input.data_center.as_deref(), &mut diagnostics);
    let client_id = check_client_id(input.client_id.as_deref(), &mut diagnostics);
    let scopes = check_scopes(input.scopes.as_ref(), &mut diagnostics);
    let redirect = check_redirect(input.redirect_uri.as_deref(), &mut diagnostics);

    let access_type = input.access_type.unwrap_or(AccessType::Offline);
    match access_type {
        AccessType::Online => diagnostics.push(
            Diagnostic::warning(
                Code::AuthAccessTypeOnline,
                "accessType",
                "With access_type=online Zoho issues no refresh token, so the connection stops working after one hour.",
            )
            .with_fix("Use accessType \"offline\" unless you really want a one-hour token.")
            .with_source(AUTH_SRC),
        ),
        AccessType::Offline if input.prompt.is_none() => diagnostics.push(
            Diagnostic::info(
                Code::AuthPromptConsentHint,
                "prompt",
                "Zoho returns a refresh token only the first time a user authorizes this client, unless prompt=consent is sent.",
            )
            .with_fix("Set prompt \"consent\" if you need a new refresh token for a user who already authorized.")
            .with_source(AUTH_SRC),
        ),
        AccessType::Offline => {}
    }

    let state = match input.state.as_deref() {
        Some(s) if !s.is_empty() => s.to_string(),
        _ => match random_state() {
            Ok(s) => s,
            Err(d) => {
                diagnostics.push(d);
                String::new()
            }
        },
    };

    crate::diagnostic::sort_by_severity(&mut diagnostics);
    let url = match (data_center, client_id, scopes, redirect) {
        (Some(dc), Some(id), Some(scopes), Some(redirect)) if !Diagnostic::has_errors(&diagnostics) => {
            let mut url = crate::url_text::parse(&data_center::lookup(dc).authorize_url()).ok();
            if let Some(url) = url.as_mut() {
                let mut q = url.query_pairs_mut();
                q.append_pair("response_type", "code");
                q.append_pair("client_id", id);
                q.append_pair("scope", &scopes.join(","));
                q.append_pair("redirect_uri", redirect);
                q.append_pair(
                    "access_type",
                    match access_type {
                        AccessType::Offline => "offline",
                        AccessType::Online => "online",
                    },
                );
                if input.prompt == Some(Prompt::Consent) {
                    q.append_pair("prompt", "consent");
                }
                q.append_pair("state", &state);
            }
            url.map(String::from)
        }
        _ => None,
    };
    AuthorizationUrl { url, data_center, state, diagnostics }
}

fn resolve_data_center(text: Option<&str>, out: &mut Vec<Diagnostic>) -> Option<DataCenterId> {
    let Some(text) = text.map(str::trim).filter(|t| !t.is_empty()) else {
        out.push(Diagnostic::error(Code::AuthMissingDataCenter, "dataCenter", "No data center was given.").with_fix(
            "Choose the data center of the Zoho account (us, eu, in, au, cn, jp, ca, sa) or paste a Zoho URL.",
        ));
        return None;
    };
    if let Ok(id) = text.parse::<DataCenterId>() {
        let detection = data_center::detect(id.key());
        out.extend(detection.diagnostics.into_iter().map(|d| at_path(d, "dataCenter")));
        return Some(id);
    }
    let detection = data_center::detect(text);
    out.extend(detection.diagnostics.into_iter().map(|d| at_path(d, "dataCenter")));
    if detection.data_center.is_none() {
        if let Some(last) = out.last_mut() {
            last.code = Code::DcUnknown;
        }
    }
    // A corrected host carries its own error, so no URL is built; the data center is still reported.
    detection.data_center
}

fn at_path(mut d: Diagnostic, path: &str) -> Diagnostic {
    if d.path.is_empty() {
        d.path = path.to_string();
    }
    d
}

fn check_client_id<'a>(client_id: Option<&'a str>, out: &mut Vec<Diagnostic>) -> Option<&'a str> {
    let Some(id) = client_id.map(str::trim).filter(|t| !t.is_empty()) else {
        out.push(
            Diagnostic::error(Code::AuthMissingClientId, "clientId", "No client ID was given.")
                .with_fix("Copy the Client ID of your OAuth client from the API console of your data center."),
        );
        return None;
    };
    if !looks_like_zoho_client_id(id) {
        out.push(
            Diagnostic::warning(
                Code::AuthClientIdShape,
                "clientId",
                "This client ID does not look like Zoho's: every Zoho example is `1000.` followed by 30 uppercase letters and digits.",
            )
            .with_fix("Copy the Client ID again from the API console, without spaces or quotes.")
            .with_source(CLIENT_ID_SRC),
        );
    }
    Some(id)
}

/// `1000.` + 30 uppercase alphanumerics (observed format, docs/facts.md §2).
///
/// ```
/// use zoho_connector_kit::authorization::looks_like_zoho_client_id;
/// assert!(looks_like_zoho_client_id("1000.GMB0YULZHJK411248S8I5GZ4CHUEX0"));
/// assert!(!looks_like_zoho_client_id("1000.gmb0yulzhjk411248s8i5gz4chuex0"));
/// ```
pub fn looks_like_zoho_client_id(id: &str) -> bool {
    id.strip_prefix("1000.")
        .is_some_and(|rest| rest.len() == 30 && rest.bytes().all(|b| b.is_ascii_uppercase() || b.is_ascii_digit()))
}

fn check_scopes(scopes: Option<&ScopesInput>, out: &mut Vec<Diagnostic>) -> Option<Vec<String>> {
    let list = scopes.map(ScopesInput::to_list).unwrap_or_default();
    if list.is_empty() {
        out.push(
            Diagnostic::error(Code::AuthMissingScopes, "scopes", "No scope was given; Zoho requires at least one.")
                .with_fix("Add the scopes the connection needs, e.g. ZohoCRM.modules.ALL.")
                .with_source(AUTH_SRC),
        );
        return None;
    }
    if let Some(ScopesInput::List(items)) = scopes {
        for (i, item) in items.iter().enumerate() {
            if item.trim().contains(|c: char| c == ',' || c == '+' || c.is_whitespace()) {
                out.push(
                    Diagnostic::error(
                        Code::AuthScopeHasDelimiter,
                        format!("scopes[{i}]"),
                        format!("`{}` holds several scopes in one list item.", item.trim()),
                    )
                    .with_fix("Give one scope per list item.")
                    .with_source("zoho-accounts-authorization"),
                );
            }
        }
    }
    Some(list)
}

fn check_redirect<'a>(redirect: Option<&'a str>, out: &mut Vec<Diagnostic>) -> Option<&'a str> {
    let Some(uri) = redirect.map(str::trim).filter(|t| !t.is_empty()) else {
        out.push(
            Diagnostic::error(Code::AuthMissingRedirectUri, "redirectUri", "No redirect URI was given.")
                .with_fix("Give the redirect URI exactly as registered for the client in the API console.")
                .with_source(AUTH_SRC),
        );
        return None;
    };
    match crate::url_text::parse(uri) {
        Ok(u) if u.scheme() == "https" || u.scheme() == "http" => Some(uri),
        Ok(u) => {
            out.push(
                Diagnostic::error(
                    Code::AuthRedirectScheme,
                    "redirectUri",
                    format!("The redirect URI uses `{}:`; Zoho accepts only http:// and https://.", u.scheme()),
                )
                .with_fix("Use an https:// redirect URI registered for the client.")
                .with_source(AUTH_SRC),
            );
            None
        }
        Err(e) => {
            out.push(
                Diagnostic::error(
                    Code::AuthRedirectInvalid,
                    "redirectUri",
                    format!("The redirect URI is not a URL ({e})."),
                )
                .with_fix("Give a full URL starting with https://, exactly as registered for the client.")
                .with_source(AUTH_SRC),
            );
            None
        }
    }
}

/// 16 random bytes from the platform CSPRNG (the OS natively, `crypto.getRandomValues` in Wasm), as 32 hex digits.
///
/// ```
/// let s = zoho_connector_kit::authorization::random_state().unwrap();
/// assert_eq!(s.len(), 32);
/// assert_ne!(s, zoho_connector_kit::authorization::random_state().unwrap());
/// ```
pub fn random_state() -> Result<String, Diagnostic> {
    let mut bytes = [0u8; 16];
    getrandom::getrandom(&mut bytes).map_err(|e| {
        Diagnostic::error(Code::AuthNoRandomness, "state", format!("No secure random source is available ({e})."))
            .with_fix("Give a `state` value yourself.")
    })?;
    Ok(bytes.iter().map(|b| format!("{b:02x}")).collect())
}
