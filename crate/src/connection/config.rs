//! The connection config an admin gives (the file the popup exports and `zck validate` reads), and the few
//! decisions every other part of the crate needs from it: its data center and whether the provider is Zoho itself
//! or an external service.
//!
//! [`ConnectionConfigInput`] is the raw JSON shape: every field optional and a plain string, so that a wrong value
//! becomes a finding with a fix rather than a serde error. The typed enums ([`AuthType`], [`GrantType`], …) read
//! those strings; [`crate::connection::validate_connection`] reports everything that is wrong.
//!
//! ```
//! use zoho_connector_kit::connection::{AuthType, ConnectionConfigInput, ProviderKind};
//! use zoho_connector_kit::data_center::DataCenterId;
//! use zoho_connector_kit::input::parse_json_text;
//!
//! let config: ConnectionConfigInput = parse_json_text(r#"{
//!     "serviceName": "Zoho CRM (EU)",
//!     "linkName": "zoho_crm_eu",
//!     "authType": "oauth2",
//!     "clientId": "1000.GMB0YULZHJK411248S8I5GZ4CHUEX0",
//!     "clientSecret": "5d2e0c1f9a7b3e4d6c8a0b2e4f6a8c0d1e3f5a7b9c",
//!     "authorizeUrl": "https://accounts.zoho.eu/oauth/v2/auth?access_type=offline",
//!     "tokenUrl": "https://accounts.zoho.eu/oauth/v2/token",
//!     "scopes": "ZohoCRM.modules.ALL,ZohoCRM.settings.fields.READ"
//! }"#).unwrap();
//! assert_eq!(config.auth_type(), Some(AuthType::OAuth2));
//! assert_eq!(config.data_center(), Some(DataCenterId::Eu)); // detected from the URLs
//! assert_eq!(config.provider().kind, ProviderKind::Zoho);
//! assert_eq!(format!("{:?}", config.client_secret), "Some([redacted])");
//! ```

use crate::authorization::ScopesInput;
use crate::code::Code;
use crate::data_center::{self, DataCenterId, HostRole, Match};
use crate::diagnostic::Diagnostic;
use crate::secret::Secret;
use serde::{Deserialize, Serialize};

/// A Deluge custom-service connection as the admin fills it in. Unknown fields are refused.
///
/// Every field is optional here; which ones are required depends on `authType` and is checked by
/// [`crate::connection::validate_connection`]. Secrets are [`Secret`]s and never print.
///
/// ```
/// use zoho_connector_kit::connection::ConnectionConfigInput;
/// use zoho_connector_kit::input::parse_json_value;
/// let err = parse_json_value::<ConnectionConfigInput>(serde_json::json!({"clientID": "x"})).unwrap_err();
/// assert_eq!(err.diagnostic.code, "input.unknown_field");
/// assert_eq!(err.diagnostic.path, "clientID");
/// ```
#[derive(Debug, Clone, Default, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "camelCase")]
pub struct ConnectionConfigInput {
    /// Display name of the service (≤ 50 characters).
    #[serde(default)]
    pub service_name: Option<String>,
    /// Link name used in Deluge as `connection: "<linkName>"`.
    #[serde(default)]
    pub link_name: Option<String>,
    /// `oauth2`, `apiKey`, `basic` (`oauth1` is recognised but not checked).
    #[serde(default)]
    pub auth_type: Option<String>,
    /// `authorizationCode` (default) or `clientCredentials`; OAuth 2 only.
    #[serde(default)]
    pub grant_type: Option<String>,
    /// The admin's data center: a key (`eu`) or any Zoho URL or domain. Detected from the URLs when absent.
    #[serde(default)]
    pub data_center: Option<String>,
    /// OAuth client id.
    #[serde(default)]
    pub client_id: Option<String>,
    /// OAuth client secret.
    #[serde(default)]
    pub client_secret: Option<Secret>,
    /// Authorize URL (the consent page).
    #[serde(default)]
    pub authorize_url: Option<String>,
    /// Access-token URL.
    #[serde(default)]
    pub token_url: Option<String>,
    /// Refresh-token URL.
    #[serde(default)]
    pub refresh_url: Option<String>,
    /// Revoke-token URL.
    #[serde(default)]
    pub revoke_url: Option<String>,
    /// The redirect (callback) URI registered at the provider.
    #[serde(default)]
    pub redirect_uri: Option<String>,
    /// Scopes: a list, or one delimited string.
    #[serde(default)]
    pub scopes: Option<ScopesInput>,
    /// `comma` (default), `space` or `plus`.
    #[serde(default)]
    pub scope_delimiter: Option<String>,
    /// How the access token is sent: `query` or `header`.
    #[serde(default)]
    pub param_type: Option<String>,
    /// API key: the parameter or header name.
    #[serde(default)]
    pub key_name: Option<String>,
    /// API key: `query`, `header` or `formData`.
    #[serde(default)]
    pub placement: Option<String>,
    /// Basic authentication: user name.
    #[serde(default)]
    pub username: Option<String>,
    /// Basic authentication: password.
    #[serde(default)]
    pub password: Option<Secret>,
    /// The preset the config started from (`hubspot`, `shopify`, …); its own rules are applied.
    #[serde(default)]
    pub preset: Option<String>,
    /// The version of the file format (exported profiles carry it). Absent means 1.
    #[serde(default)]
    pub schema_version: Option<u32>,
}

/// The newest config file format this version reads.
pub const CONFIG_SCHEMA_VERSION: u32 = 1;

/// Reads a JSON string field value against a fixed list of camelCase names.
fn exact<T: Copy>(text: Option<&str>, table: &[(&str, T)]) -> Option<T> {
    let text = text?.trim();
    table.iter().find(|(name, _)| *name == text).map(|(_, v)| *v)
}

/// The authentication type of the custom service (zoho-facts.md §8c: QEngine and Writer articles).
///
/// ```
/// use zoho_connector_kit::connection::AuthType;
/// assert_eq!(AuthType::parse("apiKey"), Some(AuthType::ApiKey));
/// assert_eq!(AuthType::parse("API Key"), None);
/// assert_eq!(AuthType::OAuth2.as_str(), "oauth2");
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub enum AuthType {
    /// OAuth 2.
    #[serde(rename = "oauth2")]
    OAuth2,
    /// OAuth 1: recognised, not checked.
    #[serde(rename = "oauth1")]
    OAuth1,
    /// API key.
    #[serde(rename = "apiKey")]
    ApiKey,
    /// Basic authentication.
    #[serde(rename = "basic")]
    Basic,
}

impl AuthType {
    /// Every value with its JSON name.
    pub const NAMES: [(&'static str, AuthType); 4] = [
        ("oauth2", AuthType::OAuth2),
        ("oauth1", AuthType::OAuth1),
        ("apiKey", AuthType::ApiKey),
        ("basic", AuthType::Basic),
    ];

    /// Reads the exact JSON name.
    ///
    /// ```
    /// assert!(zoho_connector_kit::connection::AuthType::parse("basic").is_some());
    /// ```
    pub fn parse(text: &str) -> Option<Self> {
        exact(Some(text), &Self::NAMES)
    }

    /// The JSON name.
    ///
    /// ```
    /// assert_eq!(zoho_connector_kit::connection::AuthType::Basic.as_str(), "basic");
    /// ```
    pub fn as_str(self) -> &'static str {
        Self::NAMES.iter().find(|(_, v)| *v == self).map_or("oauth2", |(n, _)| n)
    }
}

/// The OAuth 2 grant type (zoho-facts.md §8c: Writer custom-service article).
///
/// ```
/// use zoho_connector_kit::connection::GrantType;
/// assert_eq!(GrantType::parse("clientCredentials"), Some(GrantType::ClientCredentials));
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub enum GrantType {
    /// Authorization code: a user consents once; refresh tokens keep the connection alive.
    AuthorizationCode,
    /// Client credentials: no user, no redirect.
    ClientCredentials,
}

impl GrantType {
    /// Every value with its JSON name.
    pub const NAMES: [(&'static str, GrantType); 2] =
        [("authorizationCode", GrantType::AuthorizationCode), ("clientCredentials", GrantType::ClientCredentials)];

    /// Reads the exact JSON name.
    ///
    /// ```
    /// assert!(zoho_connector_kit::connection::GrantType::parse("authorization_code").is_none());
    /// ```
    pub fn parse(text: &str) -> Option<Self> {
        exact(Some(text), &Self::NAMES)
    }
}

/// The character Deluge puts between scopes (zoho-facts.md §8c: comma, space or plus; default comma).
///
/// ```
/// use zoho_connector_kit::connection::ScopeDelimiter;
/// assert_eq!(ScopeDelimiter::parse("plus").map(ScopeDelimiter::as_char), Some('+'));
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub enum ScopeDelimiter {
    /// `,` (the default).
    Comma,
    /// ` `.
    Space,
    /// `+`.
    Plus,
}

impl ScopeDelimiter {
    /// Every value with its JSON name.
    pub const NAMES: [(&'static str, ScopeDelimiter); 3] =
        [("comma", ScopeDelimiter::Comma), ("space", ScopeDelimiter::Space), ("plus", ScopeDelimiter::Plus)];

    /// Reads the exact JSON name.
    ///
    /// ```
    /// assert!(zoho_connector_kit::connection::ScopeDelimiter::parse("space").is_some());
    /// ```
    pub fn parse(text: &str) -> Option<Self> {
        exact(Some(text), &Self::NAMES)
    }

    /// The character itself.
    ///
    /// ```
    /// assert_eq!(zoho_connector_kit::connection::ScopeDelimiter::Comma.as_char(), ',');
    /// ```
    pub fn as_char(self) -> char {
        match self {
            ScopeDelimiter::Comma => ',',
            ScopeDelimiter::Space => ' ',
            ScopeDelimiter::Plus => '+',
        }
    }

    /// The JSON name.
    ///
    /// ```
    /// assert_eq!(zoho_connector_kit::connection::ScopeDelimiter::Space.as_str(), "space");
    /// ```
    pub fn as_str(self) -> &'static str {
        match self {
            ScopeDelimiter::Comma => "comma",
            ScopeDelimiter::Space => "space",
            ScopeDelimiter::Plus => "plus",
        }
    }
}

/// How the access token is sent to the provider's API (zoho-facts.md §8c: query string or header).
///
/// ```
/// use zoho_connector_kit::connection::ParamType;
/// assert_eq!(ParamType::parse("header"), Some(ParamType::Header));
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub enum ParamType {
    /// In the query string.
    Query,
    /// In a header.
    Header,
}

impl ParamType {
    /// Every value with its JSON name.
    pub const NAMES: [(&'static str, ParamType); 2] = [("query", ParamType::Query), ("header", ParamType::Header)];

    /// Reads the exact JSON name.
    ///
    /// ```
    /// assert!(zoho_connector_kit::connection::ParamType::parse("Header").is_none());
    /// ```
    pub fn parse(text: &str) -> Option<Self> {
        exact(Some(text), &Self::NAMES)
    }
}

/// Where an API key goes (zoho-facts.md §8c: query string, form data, header).
///
/// ```
/// use zoho_connector_kit::connection::KeyPlacement;
/// assert_eq!(KeyPlacement::parse("formData"), Some(KeyPlacement::FormData));
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub enum KeyPlacement {
    /// Query string.
    Query,
    /// Header.
    Header,
    /// Form data.
    FormData,
}

impl KeyPlacement {
    /// Every value with its JSON name.
    pub const NAMES: [(&'static str, KeyPlacement); 3] =
        [("query", KeyPlacement::Query), ("header", KeyPlacement::Header), ("formData", KeyPlacement::FormData)];

    /// Reads the exact JSON name.
    ///
    /// ```
    /// assert!(zoho_connector_kit::connection::KeyPlacement::parse("body").is_none());
    /// ```
    pub fn parse(text: &str) -> Option<Self> {
        exact(Some(text), &Self::NAMES)
    }
}

/// Who issues the tokens.
///
/// ```
/// use zoho_connector_kit::connection::ProviderKind;
/// assert_eq!(serde_json::to_string(&ProviderKind::External).unwrap(), "\"external\"");
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub enum ProviderKind {
    /// Zoho's own accounts server (scopes like `ZohoCRM.modules.ALL`).
    Zoho,
    /// Another service (MailChimp, Shopify, …): Zoho is the OAuth client; the redirect is Zoho's Deluge callback.
    External,
    /// Nothing in the config tells.
    Undetermined,
}

/// The provider decision and what it rests on.
///
/// ```
/// use zoho_connector_kit::connection::{ConnectionConfigInput, ProviderKind};
/// let config = ConnectionConfigInput {
///     auth_type: Some("oauth2".into()),
///     token_url: Some("https://login.mailchimp.com/oauth2/token".into()),
///     ..Default::default()
/// };
/// let p = config.provider();
/// assert_eq!(p.kind, ProviderKind::External);
/// assert_eq!(p.field.as_deref(), Some("tokenUrl"));
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Provider {
    /// The decision.
    pub kind: ProviderKind,
    /// The field it rests on, when one.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub field: Option<String>,
    /// One sentence saying why.
    pub reason: String,
}

/// Where the data center comes from.
///
/// ```
/// use zoho_connector_kit::connection::ConnectionConfigInput;
/// let config = ConnectionConfigInput { data_center: Some("https://crm.zoho.in/crm/org1".into()), ..Default::default() };
/// let r = config.resolve_data_center();
/// assert_eq!(r.field.as_deref(), Some("dataCenter"));
/// assert!(r.diagnostics.is_empty());
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct ResolvedDataCenter {
    /// The data center, when known.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub id: Option<DataCenterId>,
    /// The field it was read or detected from (`dataCenter`, `tokenUrl`, `redirectUri`, …).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub field: Option<String>,
    /// Findings about `dataCenter` itself (unknown value, wrong host). Empty when it was detected.
    pub diagnostics: Vec<Diagnostic>,
}

/// The OAuth URL fields, in the order the provider and data center are read from them.
pub const OAUTH_URL_FIELDS: [&str; 4] = ["tokenUrl", "authorizeUrl", "refreshUrl", "revokeUrl"];

impl ConnectionConfigInput {
    /// The auth type, when it is one of the exact JSON names.
    ///
    /// ```
    /// use zoho_connector_kit::connection::{AuthType, ConnectionConfigInput};
    /// let c = ConnectionConfigInput { auth_type: Some("basic".into()), ..Default::default() };
    /// assert_eq!(c.auth_type(), Some(AuthType::Basic));
    /// ```
    pub fn auth_type(&self) -> Option<AuthType> {
        self.auth_type.as_deref().and_then(AuthType::parse)
    }

    /// The grant type; `authorizationCode` when absent or not recognised.
    ///
    /// ```
    /// use zoho_connector_kit::connection::{ConnectionConfigInput, GrantType};
    /// assert_eq!(ConnectionConfigInput::default().grant_type(), GrantType::AuthorizationCode);
    /// ```
    pub fn grant_type(&self) -> GrantType {
        self.grant_type.as_deref().and_then(GrantType::parse).unwrap_or(GrantType::AuthorizationCode)
    }

    /// The scope delimiter; `comma` when absent or not recognised (zoho-facts.md §8c).
    ///
    /// ```
    /// use zoho_connector_kit::connection::{ConnectionConfigInput, ScopeDelimiter};
    /// assert_eq!(ConnectionConfigInput::default().scope_delimiter(), ScopeDelimiter::Comma);
    /// ```
    pub fn scope_delimiter(&self) -> ScopeDelimiter {
        self.scope_delimiter.as_deref().and_then(ScopeDelimiter::parse).unwrap_or(ScopeDelimiter::Comma)
    }

    /// The scopes as a list (a string is split on commas, spaces and plus signs).
    ///
    /// ```
    /// use zoho_connector_kit::connection::ConnectionConfigInput;
    /// use zoho_connector_kit::authorization::ScopesInput;
    /// let c = ConnectionConfigInput { scopes: Some(ScopesInput::Text("a.b.READ c.d.ALL".into())), ..Default::default() };
    /// assert_eq!(c.scope_list(), ["a.b.READ", "c.d.ALL"]);
    /// ```
    pub fn scope_list(&self) -> Vec<String> {
        self.scopes.as_ref().map(ScopesInput::to_list).unwrap_or_default()
    }

    /// The value of one of the URL fields by its JSON name (`tokenUrl`, `redirectUri`, …), trimmed; `None` when
    /// blank or when `name` is not a URL field.
    ///
    /// ```
    /// use zoho_connector_kit::connection::ConnectionConfigInput;
    /// let c = ConnectionConfigInput { token_url: Some("https://x".into()), ..Default::default() };
    /// assert_eq!(c.url_field("tokenUrl"), Some("https://x"));
    /// assert_eq!(c.url_field("serviceName"), None);
    /// ```
    pub fn url_field(&self, name: &str) -> Option<&str> {
        let field = super::ConfigField::parse(name).filter(|f| f.spec().kind == super::ValueKind::Url)?;
        self.text(field).map(str::trim).filter(|s| !s.is_empty())
    }

    /// The text of a field as given (not trimmed); `None` when absent, and for the fields that are not plain text
    /// (the secrets, the scopes, the format version).
    ///
    /// ```
    /// use zoho_connector_kit::connection::{ConfigField, ConnectionConfigInput};
    /// let c = ConnectionConfigInput { key_name: Some("api_key".into()), ..Default::default() };
    /// assert_eq!(c.text(ConfigField::KeyName), Some("api_key"));
    /// assert_eq!(c.text(ConfigField::ClientSecret), None);
    /// ```
    pub fn text(&self, field: super::ConfigField) -> Option<&str> {
        use super::ConfigField as F;
        let value = match field {
            F::ServiceName => &self.service_name,
            F::LinkName => &self.link_name,
            F::AuthType => &self.auth_type,
            F::GrantType => &self.grant_type,
            F::DataCenter => &self.data_center,
            F::ClientId => &self.client_id,
            F::AuthorizeUrl => &self.authorize_url,
            F::TokenUrl => &self.token_url,
            F::RefreshUrl => &self.refresh_url,
            F::RevokeUrl => &self.revoke_url,
            F::RedirectUri => &self.redirect_uri,
            F::ScopeDelimiter => &self.scope_delimiter,
            F::ParamType => &self.param_type,
            F::KeyName => &self.key_name,
            F::Placement => &self.placement,
            F::Username => &self.username,
            F::Preset => &self.preset,
            F::ClientSecret | F::Password | F::Scopes | F::SchemaVersion => &None,
        };
        value.as_deref()
    }

    /// True when the field holds a value: text that is not blank, a secret that is not empty, at least one scope.
    ///
    /// ```
    /// use zoho_connector_kit::connection::{ConfigField, ConnectionConfigInput};
    /// let c = ConnectionConfigInput { client_id: Some("  ".into()), token_url: Some("https://x".into()), ..Default::default() };
    /// assert!(!c.given(ConfigField::ClientId));
    /// assert!(c.given(ConfigField::TokenUrl));
    /// ```
    pub fn given(&self, field: super::ConfigField) -> bool {
        use super::ConfigField as F;
        let secret = |v: &Option<Secret>| v.as_ref().is_some_and(|s| !s.is_empty());
        match field {
            F::ClientSecret => secret(&self.client_secret),
            F::Password => secret(&self.password),
            F::Scopes => !self.scope_list().is_empty(),
            F::SchemaVersion => self.schema_version.is_some(),
            F::ServiceName
            | F::LinkName
            | F::AuthType
            | F::GrantType
            | F::DataCenter
            | F::ClientId
            | F::AuthorizeUrl
            | F::TokenUrl
            | F::RefreshUrl
            | F::RevokeUrl
            | F::RedirectUri
            | F::ScopeDelimiter
            | F::ParamType
            | F::KeyName
            | F::Placement
            | F::Username
            | F::Preset => self.text(field).is_some_and(|s| !s.trim().is_empty()),
        }
    }

    /// The admin's data center: `dataCenter` when given (a key or any Zoho URL or domain), otherwise detected from
    /// a Zoho accounts URL among the OAuth URLs, otherwise from a Deluge callback in `redirectUri`.
    ///
    /// ```
    /// use zoho_connector_kit::connection::ConnectionConfigInput;
    /// use zoho_connector_kit::data_center::DataCenterId;
    /// let c = ConnectionConfigInput {
    ///     redirect_uri: Some("https://dre.zoho.com.au/delugeauth/callback".into()),
    ///     ..Default::default()
    /// };
    /// assert_eq!(c.data_center(), Some(DataCenterId::Au));
    /// let bad = ConnectionConfigInput { data_center: Some("mars".into()), ..Default::default() };
    /// assert_eq!(bad.data_center(), None);
    /// ```
    pub fn data_center(&self) -> Option<DataCenterId> {
        self.resolve_data_center().id
    }

    /// [`Self::data_center`] with where it came from and the findings about `dataCenter`.
    ///
    /// ```
    /// use zoho_connector_kit::connection::ConnectionConfigInput;
    /// let c = ConnectionConfigInput { data_center: Some("accounts.zoho.au".into()), ..Default::default() };
    /// let r = c.resolve_data_center();
    /// assert_eq!(r.diagnostics[0].code, "dc.wrong_host");
    /// assert_eq!(r.diagnostics[0].path, "dataCenter");
    /// ```
    pub fn resolve_data_center(&self) -> ResolvedDataCenter {
        if let Some(text) = self.data_center.as_deref().map(str::trim).filter(|t| !t.is_empty()) {
            let field = Some("dataCenter".to_string());
            if let Ok(id) = text.parse::<DataCenterId>() {
                return ResolvedDataCenter { id: Some(id), field, diagnostics: Vec::new() };
            }
            let found = data_center::detect(text);
            let mut diagnostics: Vec<Diagnostic> = found
                .diagnostics
                .into_iter()
                .filter(|d| d.code != Code::DcNotInCrmSdks)
                .map(|mut d| {
                    d.path = "dataCenter".into();
                    d
                })
                .collect();
            if found.data_center.is_none() {
                for d in &mut diagnostics {
                    if d.code == Code::DcNotRecognised {
                        d.code = Code::DcUnknown;
                    }
                }
            }
            return ResolvedDataCenter { id: found.data_center, field, diagnostics };
        }
        for field in OAUTH_URL_FIELDS {
            if let Some(url) = self.url_field(field) {
                let found = data_center::detect(url);
                let accounts = found.role == Some(HostRole::AccountsServer)
                    || (found.matched == Some(Match::Corrected)
                        && found.host.as_deref().is_some_and(|h| h.starts_with("accounts.")));
                if accounts && found.data_center.is_some() {
                    return ResolvedDataCenter {
                        id: found.data_center,
                        field: Some(field.to_string()),
                        diagnostics: Vec::new(),
                    };
                }
            }
        }
        if let Some(url) = self.url_field("redirectUri") {
            let found = data_center::detect(url);
            if found.role == Some(HostRole::DelugeCallback) {
                return ResolvedDataCenter {
                    id: found.data_center,
                    field: Some("redirectUri".into()),
                    diagnostics: Vec::new(),
                };
            }
        }
        ResolvedDataCenter { id: None, field: None, diagnostics: Vec::new() }
    }

    /// Decides whether the provider is Zoho itself or an external service, and says why.
    ///
    /// API keys and basic authentication are credentials of an external service. For OAuth, a Zoho host in any
    /// of the OAuth URLs means Zoho; any other host means an external service; with no URL, Zoho-style scopes
    /// (`ZohoCRM.modules.ALL`) mean Zoho.
    ///
    /// ```
    /// use zoho_connector_kit::connection::{ConnectionConfigInput, ProviderKind};
    /// use zoho_connector_kit::authorization::ScopesInput;
    /// let c = ConnectionConfigInput {
    ///     scopes: Some(ScopesInput::List(vec!["Desk.tickets.READ".into()])),
    ///     ..Default::default()
    /// };
    /// assert_eq!(c.provider().kind, ProviderKind::Zoho);
    /// assert_eq!(ConnectionConfigInput::default().provider().kind, ProviderKind::Undetermined);
    /// ```
    pub fn provider(&self) -> Provider {
        if let Some(kind @ (AuthType::ApiKey | AuthType::Basic)) = self.auth_type() {
            return Provider {
                kind: ProviderKind::External,
                field: Some("authType".into()),
                reason: format!(
                    "authType {} holds the credentials of an external service; Zoho signs its requests with them.",
                    kind.as_str()
                ),
            };
        }
        let mut external: Option<(&str, String)> = None;
        for field in OAUTH_URL_FIELDS {
            let Some(text) = self.url_field(field) else { continue };
            let Some(host) = host_of(text) else { continue };
            if is_zoho_host(&host) {
                return Provider {
                    kind: ProviderKind::Zoho,
                    field: Some(field.into()),
                    reason: format!("{field} is on the Zoho host {host}, so Zoho's accounts server issues the tokens."),
                };
            }
            if external.is_none() {
                external = Some((field, host));
            }
        }
        if let Some((field, host)) = external {
            return Provider {
                kind: ProviderKind::External,
                field: Some(field.into()),
                reason: format!(
                    "{field} is on {host}, not a Zoho host: an external service issues the tokens and Zoho is its OAuth client."
                ),
            };
        }
        if let Some(scope) = self.scope_list().into_iter().find(|s| crate::scope::is_zoho_scope(s)) {
            return Provider {
                kind: ProviderKind::Zoho,
                field: Some("scopes".into()),
                reason: format!("No OAuth URL is given, but {scope} is a Zoho scope."),
            };
        }
        Provider {
            kind: ProviderKind::Undetermined,
            field: None,
            reason: "Neither the OAuth URLs nor the scopes tell whether the provider is Zoho or an external service."
                .into(),
        }
    }
}

/// The host of a URL (lowercase, no trailing dot), also for text without a scheme.
pub(crate) fn host_of(text: &str) -> Option<String> {
    let text = text.trim();
    let with_scheme = if text.contains("://") { text.to_string() } else { format!("https://{text}") };
    let url = crate::url_text::parse(&with_scheme).ok()?;
    url.host_str().map(|h| h.trim_end_matches('.').to_ascii_lowercase())
}

/// True for hosts under a Zoho domain, including the known wrong ones (`accounts.zoho.au`).
pub(crate) fn is_zoho_host(host: &str) -> bool {
    data_center::detect(host).data_center.is_some()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn wrong_accounts_host_still_gives_the_data_center_it_means() {
        let c = ConnectionConfigInput {
            token_url: Some("https://accounts.zoho.au/oauth/v2/token".into()),
            ..Default::default()
        };
        let r = c.resolve_data_center();
        assert_eq!((r.id, r.field.as_deref()), (Some(DataCenterId::Au), Some("tokenUrl")));
        assert_eq!(c.provider().kind, ProviderKind::Zoho);
    }

    #[test]
    fn api_domain_is_not_taken_as_the_accounts_server() {
        let c = ConnectionConfigInput {
            token_url: Some("https://www.zohoapis.eu/oauth/v2/token".into()),
            ..Default::default()
        };
        assert_eq!(c.data_center(), None);
        assert_eq!(c.provider().kind, ProviderKind::Zoho);
    }
}
