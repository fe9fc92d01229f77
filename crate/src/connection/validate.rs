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

use super::config::{
    host_of, AuthType, ConnectionConfigInput, GrantType, KeyPlacement, ParamType, ProviderKind, ScopeDelimiter,
    OAUTH_URL_FIELDS,
};
use super::link_name::{self, link_name_problems, suggest_link_name, LinkNameProblem};
use super::summary::{summarize, ConnectionSummary};
use crate::authorization::{looks_like_zoho_client_id, ScopesInput};
use crate::code::Code;
use crate::data_center::{self, CallbackStatus, DataCenterId, HostRole, Match};
use crate::diagnostic::{Diagnostic, Severity};
use crate::scope;
use crate::secret::Secret;
use serde::Serialize;

const NAME_SRC: &str = "zoho-facts.md §8c: help.zoho.com QEngine connections article";
const FIELDS_SRC: &str = "zoho-facts.md §8c: QEngine and Writer custom-service articles";
const AUTH_SRC: &str = "zoho-facts.md §2b: ACC web-apps/authorization.html";
const ENDPOINT_SRC: &str = "zoho-facts.md §2a: ACC authorization.html, access-token.html, revoke-refresh-token.html";
const OFFLINE_SRC: &str = "zoho-facts.md §2b: ACC authorization.html (default online); §8c squarelabs guide";
const CLIENT_ID_SRC: &str = "zoho-facts.md §2f: observed in all Zoho examples (ACC), not a documented rule";
const CALLBACK_SRC: &str = "zoho-facts.md §1b and guide errata 8";
const MULTI_DC_SRC: &str = "zoho-facts.md §1a notes: CRM multi-dc.html";

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
    check_names(input, &mut out);
    let auth = check_auth_type(input, &mut out);
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
        Some(AuthType::ApiKey) => check_api_key(input, &mut out),
        Some(AuthType::Basic) => check_basic(input, &mut out),
        Some(AuthType::OAuth2) => check_oauth2(input, provider.kind, dc, resolved.field.as_deref(), &mut out),
        None => {}
    }
    if let Some(id) = dc {
        check_data_center_notes(id, provider.kind, auth, &mut out);
    }
    check_preset_and_version(input, &mut out);
    super::account_dc::check(input, &resolved, &mut out);

    // Errors first, then warnings, then notes; the order of checks within a severity is kept.
    crate::diagnostic::sort_by_severity(&mut out);
    let summary = summarize(input, auth, &provider, &resolved, &out);
    ConnectionReport { diagnostics: out, summary }
}

fn check_preset_and_version(input: &ConnectionConfigInput, out: &mut Vec<Diagnostic>) {
    if let Some(v) = input.schema_version.filter(|v| *v > super::config::CONFIG_SCHEMA_VERSION) {
        out.push(
            Diagnostic::error(
                Code::ConnectionSchemaNewer,
                "schemaVersion",
                format!(
                    "This file uses format version {v}; this version of the tool reads up to {}.",
                    super::config::CONFIG_SCHEMA_VERSION
                ),
            )
            .with_fix("Update zoho-connector-kit, or export the profile again from the version that reads it."),
        );
    }
    let Some(id) = present(&input.preset) else { return };
    let Some(preset) = crate::preset::find(id) else {
        out.push(crate::preset::unknown(id));
        return;
    };
    let scopes = input.scopes.as_ref().map(ScopesInput::to_list).unwrap_or_default();
    let view = crate::preset::PresetCheck {
        urls: [
            ("authorizeUrl", input.authorize_url.as_deref()),
            ("tokenUrl", input.token_url.as_deref()),
            ("refreshUrl", input.refresh_url.as_deref()),
            ("revokeUrl", input.revoke_url.as_deref()),
        ],
        scopes: &scopes,
        scope_delimiter: input.scope_delimiter.as_deref().map(str::trim),
    };
    out.extend(crate::preset::check(preset, &view));
}

fn present(value: &Option<String>) -> Option<&str> {
    value.as_deref().filter(|s| !s.trim().is_empty())
}

fn secret_present(value: &Option<Secret>) -> Option<&Secret> {
    value.as_ref().filter(|s| !s.is_empty())
}

// ---------------------------------------------------------------------------------------------------------------
// Names

fn check_names(input: &ConnectionConfigInput, out: &mut Vec<Diagnostic>) {
    let service = present(&input.service_name).map(str::trim);
    match service {
        None => out.push(
            Diagnostic::error(Code::ConnectionMissingServiceName, "serviceName", "No service name was given.")
                .with_fix("Name the service as admins will see it, e.g. \"MailChimp\" (up to 50 characters).")
                .with_source(NAME_SRC),
        ),
        Some(name) if name.chars().count() > 50 => out.push(
            Diagnostic::error(
                Code::ConnectionServiceNameTooLong,
                "serviceName",
                format!("The service name has {} characters; at most 50 are allowed.", name.chars().count()),
            )
            .with_fix(format!("Shorten it, e.g. to \"{}\".", name.chars().take(50).collect::<String>().trim_end()))
            .with_source(NAME_SRC),
        ),
        Some(_) => {}
    }
    let base = service.or(present(&input.link_name)).unwrap_or("");
    let suggestion = suggest_link_name(base);
    let Some(link) = present(&input.link_name) else {
        out.push(
            Diagnostic::error(Code::ConnectionMissingLinkName, "linkName", "No link name was given.")
                .with_fix(format!("Use a link name such as \"{suggestion}\"; Deluge code refers to it as connection: \"{suggestion}\"."))
                .with_source(NAME_SRC),
        );
        return;
    };
    let link_trimmed = link.trim();
    let suggestion = if link_trimmed.is_empty() { suggestion } else { suggest_link_name(link_trimmed) };
    for problem in link_name_problems(link) {
        let (code, message) = match problem {
            LinkNameProblem::Start => {
                (Code::ConnectionLinkNameStart, format!("The link name `{link}` must start with a lowercase letter."))
            }
            LinkNameProblem::Characters => (
                Code::ConnectionLinkNameCharacters,
                format!("The link name `{link}` may hold only lowercase letters, digits and `_`."),
            ),
            LinkNameProblem::TooLong => (
                Code::ConnectionLinkNameTooLong,
                format!(
                    "The link name has {} characters; at most {} are allowed.",
                    link.chars().count(),
                    link_name::MAX_LEN
                ),
            ),
        };
        out.push(
            Diagnostic::error(code, "linkName", message)
                .with_fix(format!("Use \"{suggestion}\"."))
                .with_source(link_name::SOURCE),
        );
    }
}

// ---------------------------------------------------------------------------------------------------------------
// Auth type and enumerated fields

fn normalised(text: &str) -> String {
    text.chars().filter(char::is_ascii_alphanumeric).map(|c| c.to_ascii_lowercase()).collect()
}

/// A value not among `names`: the finding, with the intended name when the text matches one after dropping case
/// and punctuation (or through `aliases`).
fn unknown_value(code: Code, path: &str, text: &str, names: &[&str], aliases: &[(&str, &str)]) -> Diagnostic {
    let norm = normalised(text);
    let guess = names
        .iter()
        .copied()
        .find(|n| normalised(n) == norm)
        .or_else(|| aliases.iter().find(|(a, _)| *a == norm || *a == text.trim()).map(|(_, n)| *n));
    let list = names.iter().map(|n| format!("\"{n}\"")).collect::<Vec<_>>().join(", ");
    let message = match guess {
        Some(g) => format!("`{}` is not a value of {path}; did you mean \"{g}\"?", text.trim()),
        None => format!("`{}` is not a value of {path}.", text.trim()),
    };
    Diagnostic::error(code, path, message).with_fix(format!("Use one of {list}."))
}

fn check_auth_type(input: &ConnectionConfigInput, out: &mut Vec<Diagnostic>) -> Option<AuthType> {
    let Some(text) = present(&input.auth_type) else {
        out.push(
            Diagnostic::error(Code::ConnectionMissingAuthType, "authType", "No authentication type was given.")
                .with_fix("Set authType to \"oauth2\", \"apiKey\" or \"basic\".")
                .with_source(FIELDS_SRC),
        );
        return None;
    };
    let parsed = AuthType::parse(text);
    if parsed.is_none() {
        let names = AuthType::NAMES.map(|(n, _)| n);
        out.push(
            unknown_value(
                Code::ConnectionUnknownAuthType,
                "authType",
                text,
                &names,
                &[
                    ("oauth20", "oauth2"),
                    ("oauth", "oauth2"),
                    ("oauth10", "oauth1"),
                    ("basicauth", "basic"),
                    ("basicauthentication", "basic"),
                    ("key", "apiKey"),
                ],
            )
            .with_source(FIELDS_SRC),
        );
    }
    parsed
}

const OAUTH_FIELDS: [&str; 11] = [
    "grantType",
    "clientId",
    "clientSecret",
    "authorizeUrl",
    "tokenUrl",
    "refreshUrl",
    "revokeUrl",
    "redirectUri",
    "scopes",
    "scopeDelimiter",
    "paramType",
];
const API_KEY_FIELDS: [&str; 2] = ["keyName", "placement"];
const BASIC_FIELDS: [&str; 2] = ["username", "password"];

fn field_given(input: &ConnectionConfigInput, name: &str) -> bool {
    match name {
        "grantType" => present(&input.grant_type).is_some(),
        "clientId" => present(&input.client_id).is_some(),
        "clientSecret" => secret_present(&input.client_secret).is_some(),
        "authorizeUrl" | "tokenUrl" | "refreshUrl" | "revokeUrl" | "redirectUri" => input.url_field(name).is_some(),
        "scopes" => !input.scope_list().is_empty(),
        "scopeDelimiter" => present(&input.scope_delimiter).is_some(),
        "paramType" => present(&input.param_type).is_some(),
        "keyName" => present(&input.key_name).is_some(),
        "placement" => present(&input.placement).is_some(),
        "username" => present(&input.username).is_some(),
        "password" => secret_present(&input.password).is_some(),
        _ => false,
    }
}

fn require(input: &ConnectionConfigInput, fields: &[&str], why: &str, out: &mut Vec<Diagnostic>) {
    for field in fields {
        if !field_given(input, field) {
            out.push(
                Diagnostic::error(Code::ConnectionMissingField, *field, format!("{field} is required {why}."))
                    .with_fix(format!("Fill in {field}."))
                    .with_source(FIELDS_SRC),
            );
        }
    }
}

fn not_used(input: &ConnectionConfigInput, fields: &[&str], why: &str, out: &mut Vec<Diagnostic>) {
    for field in fields {
        if field_given(input, field) {
            out.push(
                Diagnostic::warning(Code::ConnectionFieldNotUsed, *field, format!("{field} is not used {why}."))
                    .with_fix(format!("Remove {field}, or change the authentication type if it was meant."))
                    .with_source(FIELDS_SRC),
            );
        }
    }
}

// ---------------------------------------------------------------------------------------------------------------
// API key and basic authentication

fn check_api_key(input: &ConnectionConfigInput, out: &mut Vec<Diagnostic>) {
    require(input, &API_KEY_FIELDS, "for an API key", out);
    not_used(input, &OAUTH_FIELDS, "with an API key", out);
    not_used(input, &BASIC_FIELDS, "with an API key", out);
    if let Some(text) = present(&input.placement) {
        if KeyPlacement::parse(text).is_none() {
            let names = KeyPlacement::NAMES.map(|(n, _)| n);
            out.push(
                unknown_value(
                    Code::ConnectionUnknownPlacement,
                    "placement",
                    text,
                    &names,
                    &[("querystring", "query"), ("body", "formData"), ("form", "formData")],
                )
                .with_source("zoho-facts.md §8c: QEngine article (query string, form data, header)"),
            );
        }
    }
    if let Some(name) = present(&input.key_name) {
        if name.trim() != name || name.contains(char::is_whitespace) {
            out.push(
                Diagnostic::warning(
                    Code::ConnectionKeyNameWhitespace,
                    "keyName",
                    format!("The key name `{name}` holds spaces; the provider will not recognise the parameter."),
                )
                .with_fix(format!(
                    "Use \"{}\" exactly as the provider documents it.",
                    name.split_whitespace().collect::<String>()
                )),
            );
        }
        if let Some(kind) = placeholder_kind(name) {
            out.push(
                Diagnostic::error(Code::ConnectionKeyNamePlaceholder, "keyName", format!("The key name is {kind}."))
                    .with_fix("Give the parameter or header name the provider documents, e.g. api_key or X-API-Key."),
            );
        }
    }
}

fn check_basic(input: &ConnectionConfigInput, out: &mut Vec<Diagnostic>) {
    require(input, &BASIC_FIELDS, "for basic authentication", out);
    not_used(input, &OAUTH_FIELDS, "with basic authentication", out);
    not_used(input, &API_KEY_FIELDS, "with basic authentication", out);
    if let Some(user) = present(&input.username) {
        if user.contains(':') {
            out.push(
                Diagnostic::error(
                    Code::ConnectionUsernameColon,
                    "username",
                    "The user name holds a `:`; basic authentication joins user name and password with `:`, so the provider would split it wrongly.",
                )
                .with_fix("Use the user name without `:` (for API tokens, the provider's docs say which part goes where).")
                .with_source("zoho-facts.md §8c: QEngine article (user name and password base64-encoded in a header)"),
            );
        }
        if let Some(kind) = placeholder_kind(user) {
            out.push(
                Diagnostic::error(Code::ConnectionUsernamePlaceholder, "username", format!("The user name is {kind}."))
                    .with_fix("Give the real user name."),
            );
        }
    }
    if let Some(password) = secret_present(&input.password) {
        if let Some(kind) = placeholder_kind(password.expose()) {
            out.push(
                Diagnostic::error(Code::ConnectionPasswordPlaceholder, "password", format!("The password is {kind}."))
                    .with_fix("Give the real password (it is never shown in findings)."),
            );
        }
    }
}

/// Describes a placeholder or masked value, without echoing it.
fn placeholder_kind(value: &str) -> Option<&'static str> {
    let v = value.trim();
    let lower = v.to_ascii_lowercase();
    if v.starts_with('<') && v.ends_with('>') {
        return Some("a <…> placeholder");
    }
    if v.contains("{{") || v.contains("${") || (v.starts_with('{') && v.ends_with('}')) {
        return Some("a template placeholder");
    }
    if lower.starts_with("your_")
        || lower.starts_with("your-")
        || lower.starts_with("your ")
        || lower.starts_with("yourclient")
    {
        return Some("a placeholder (YOUR_…)");
    }
    if v.chars().count() >= 3 && v.chars().all(|c| matches!(c, 'x' | 'X' | '*' | '•' | '●' | '.')) {
        return Some("a masked or placeholder value (xxx, ***)");
    }
    const WORDS: [&str; 14] = [
        "secret",
        "client_secret",
        "clientsecret",
        "client secret",
        "changeme",
        "password",
        "todo",
        "tbd",
        "null",
        "undefined",
        "none",
        "test",
        "placeholder",
        "client_id",
    ];
    if WORDS.contains(&lower.as_str()) {
        return Some("a placeholder word");
    }
    None
}

// ---------------------------------------------------------------------------------------------------------------
// OAuth 2

fn check_oauth2(
    input: &ConnectionConfigInput,
    kind: ProviderKind,
    dc: Option<DataCenterId>,
    dc_field: Option<&str>,
    out: &mut Vec<Diagnostic>,
) {
    let grant = match present(&input.grant_type) {
        None => GrantType::AuthorizationCode,
        Some(text) => match GrantType::parse(text) {
            Some(g) => g,
            None => {
                let names = GrantType::NAMES.map(|(n, _)| n);
                out.push(
                    unknown_value(Code::ConnectionUnknownGrantType, "grantType", text, &names, &[])
                        .with_source("zoho-facts.md §8c: Writer article (authorization code, client credentials)"),
                );
                GrantType::AuthorizationCode
            }
        },
    };
    match grant {
        GrantType::AuthorizationCode => {
            require(input, &["clientId", "clientSecret", "authorizeUrl", "tokenUrl"], "for OAuth 2", out)
        }
        GrantType::ClientCredentials => {
            require(input, &["clientId", "clientSecret", "tokenUrl"], "for the client-credentials grant", out);
            not_used(
                input,
                &["authorizeUrl", "redirectUri"],
                "by the client-credentials grant (there is no user consent step)",
                out,
            );
        }
    }
    not_used(input, &API_KEY_FIELDS, "with OAuth 2", out);
    not_used(input, &BASIC_FIELDS, "with OAuth 2", out);
    check_enum_fields(input, out);
    check_client(input, kind, out);

    // URLs: shape first; the provider checks then use the parsed URLs.
    let mut parsed: Vec<(&'static str, url::Url)> = Vec::new();
    for field in OAUTH_URL_FIELDS {
        if grant == GrantType::ClientCredentials && field == "authorizeUrl" {
            continue;
        }
        if let Some(url) = check_url(input, field, out) {
            parsed.push((field, url));
        }
    }
    let redirect = if grant == GrantType::AuthorizationCode { check_url(input, "redirectUri", out) } else { None };
    let url_of = |name: &str| parsed.iter().find(|(f, _)| *f == name).map(|(_, u)| u);
    if let (Some(a), Some(t)) = (url_of("authorizeUrl"), url_of("tokenUrl")) {
        if a.origin() == t.origin() && a.path() == t.path() {
            out.push(
                Diagnostic::error(
                    Code::ConnectionAuthorizeEqualsToken,
                    "tokenUrl",
                    "The token URL is the same as the authorize URL: the authorize URL is the consent page, the token URL is where codes are exchanged for tokens.",
                )
                .with_fix("Give the provider's token (access-token) endpoint in tokenUrl.")
                .with_source(ENDPOINT_SRC),
            );
        }
    }
    for (field, url) in &parsed {
        if *field != "authorizeUrl" {
            check_token_url_query(field, url, kind, out);
        }
    }

    match kind {
        ProviderKind::Zoho => check_zoho_provider(input, grant, dc, dc_field, &parsed, out),
        ProviderKind::External => check_external_provider(input, grant, out),
        ProviderKind::Undetermined => {}
    }
    if grant == GrantType::AuthorizationCode && kind != ProviderKind::Undetermined {
        check_redirect(input, kind, dc, redirect.as_ref(), out);
    }
    let dc_given = present(&input.data_center).is_some();
    if dc.is_none() && !dc_given && kind != ProviderKind::Undetermined && grant == GrantType::AuthorizationCode {
        out.push(
            Diagnostic::warning(
                Code::ConnectionDataCenterUnknown,
                "dataCenter",
                "The data center of your Zoho account is not given and cannot be told from the URLs, so the redirect URI cannot be checked.",
            )
            .with_fix("Set dataCenter to the key of your Zoho account's data center (us, eu, in, au, cn, jp, ca, sa).")
            .with_source(CALLBACK_SRC),
        );
    }
    check_scope_fields(input, kind, out);
}

fn check_enum_fields(input: &ConnectionConfigInput, out: &mut Vec<Diagnostic>) {
    if let Some(text) = present(&input.scope_delimiter) {
        if ScopeDelimiter::parse(text).is_none() {
            let names = ScopeDelimiter::NAMES.map(|(n, _)| n);
            out.push(
                unknown_value(
                    Code::ConnectionUnknownScopeDelimiter,
                    "scopeDelimiter",
                    text,
                    &names,
                    &[(",", "comma"), (" ", "space"), ("+", "plus")],
                )
                .with_source("zoho-facts.md §8c: Writer article (comma, space or plus; default comma)"),
            );
        }
    } else if input.scope_delimiter.as_deref() == Some(" ") {
        out.push(unknown_value(
            Code::ConnectionUnknownScopeDelimiter,
            "scopeDelimiter",
            " ",
            &["comma", "space", "plus"],
            &[(" ", "space")],
        ));
    }
    if let Some(text) = present(&input.param_type) {
        if ParamType::parse(text).is_none() {
            let names = ParamType::NAMES.map(|(n, _)| n);
            out.push(
                unknown_value(Code::ConnectionUnknownParamType, "paramType", text, &names, &[("querystring", "query")])
                    .with_source("zoho-facts.md §8c: Writer article (query string or header)"),
            );
        }
    }
}

fn check_client(input: &ConnectionConfigInput, kind: ProviderKind, out: &mut Vec<Diagnostic>) {
    let id = present(&input.client_id);
    if let Some(id) = id {
        if let Some(what) = placeholder_kind(id) {
            out.push(
                Diagnostic::error(Code::ConnectionClientIdPlaceholder, "clientId", format!("The client ID is {what}."))
                    .with_fix("Copy the Client ID from the provider's app settings (for Zoho: the API console)."),
            );
        } else if id.trim() != id || id.contains(char::is_whitespace) {
            out.push(
                Diagnostic::warning(
                    Code::ConnectionClientIdWhitespace,
                    "clientId",
                    "The client ID holds spaces or line breaks.",
                )
                .with_fix("Copy the Client ID again without surrounding spaces."),
            );
        } else if kind == ProviderKind::Zoho && !looks_like_zoho_client_id(id) {
            out.push(
                Diagnostic::warning(
                    Code::ConnectionClientIdShape,
                    "clientId",
                    "This client ID does not look like Zoho's: every Zoho example is `1000.` followed by 30 uppercase letters and digits.",
                )
                .with_fix("Copy the Client ID again from the API console of your data center.")
                .with_source(CLIENT_ID_SRC),
            );
        }
    }
    let Some(secret) = secret_present(&input.client_secret) else { return };
    let value = secret.expose();
    if let Some(what) = placeholder_kind(value) {
        out.push(
            Diagnostic::error(Code::ConnectionClientSecretPlaceholder, "clientSecret", format!("The client secret is {what}."))
                .with_fix("Copy the Client Secret from the provider's app settings (for Zoho: the API console, Client Secret tab)."),
        );
        return;
    }
    if id.is_some_and(|id| id.trim() == value.trim()) {
        out.push(
            Diagnostic::error(
                Code::ConnectionClientSecretEqualsId,
                "clientSecret",
                "The client secret is the same as the client ID.",
            )
            .with_fix("Copy the Client Secret, not the Client ID, into clientSecret."),
        );
        return;
    }
    if value.trim() != value {
        out.push(
            Diagnostic::warning(
                Code::ConnectionClientSecretWhitespace,
                "clientSecret",
                "The client secret starts or ends with spaces or a line break; the provider will reject it.",
            )
            .with_fix("Copy the Client Secret again without surrounding spaces."),
        );
    }
    let t = value.trim();
    if t.starts_with("1000.") && t.matches('.').count() == 2 {
        out.push(
            Diagnostic::warning(
                Code::ConnectionClientSecretLooksLikeToken,
                "clientSecret",
                "The client secret has the shape of a Zoho grant code or token (`1000.…….……`), not of a client secret.",
            )
            .with_fix("Copy the Client Secret from the API console; codes and tokens are not secrets of the client.")
            .with_source("zoho-facts.md §2f: observed formats of codes/tokens and secrets (not a rule)"),
        );
    } else if t.starts_with("1000.") && looks_like_zoho_client_id(t) {
        out.push(
            Diagnostic::error(
                Code::ConnectionClientSecretIsClientId,
                "clientSecret",
                "The client secret has the shape of a Zoho client ID.",
            )
            .with_fix("Copy the Client Secret, not a Client ID, into clientSecret.")
            .with_source(CLIENT_ID_SRC),
        );
    }
}

/// Masks userinfo and secret-bearing query values, so a URL can appear in a message.
fn shown(url: &url::Url) -> String {
    let mut u = url.clone();
    let _ = u.set_username("");
    let _ = u.set_password(None);
    if u.query().is_some() {
        let pairs: Vec<(String, String)> = u
            .query_pairs()
            .map(|(k, v)| {
                let secret = matches!(
                    k.as_ref(),
                    "client_secret" | "refresh_token" | "code" | "password" | "token" | "access_token"
                );
                (k.into_owned(), if secret { "[redacted]".into() } else { v.into_owned() })
            })
            .collect();
        u.query_pairs_mut().clear().extend_pairs(pairs);
    }
    u.to_string()
}

fn check_url(input: &ConnectionConfigInput, field: &'static str, out: &mut Vec<Diagnostic>) -> Option<url::Url> {
    let raw = match field {
        "authorizeUrl" => input.authorize_url.as_deref(),
        "tokenUrl" => input.token_url.as_deref(),
        "refreshUrl" => input.refresh_url.as_deref(),
        "revokeUrl" => input.revoke_url.as_deref(),
        _ => input.redirect_uri.as_deref(),
    }?;
    let text = raw.trim();
    if text.is_empty() {
        return None;
    }
    if text != raw {
        out.push(
            Diagnostic::warning(
                Code::ConnectionUrlWhitespace,
                field,
                format!("{field} starts or ends with spaces or a line break."),
            )
            .with_fix("Remove the surrounding whitespace; Zoho compares URLs exactly."),
        );
    }
    if text.contains(['{', '}', '<', '>'])
        || text.to_ascii_lowercase().contains("your_")
        || text.to_ascii_lowercase().contains("your-")
    {
        out.push(
            Diagnostic::error(
                Code::ConnectionUrlPlaceholder,
                field,
                format!("{field} still holds a placeholder (`{{…}}`, `<…>` or YOUR_…)."),
            )
            .with_fix("Replace the placeholder with the real value, e.g. your store or account name."),
        );
        return None;
    }
    if !text.contains("://") {
        out.push(
            Diagnostic::error(Code::ConnectionUrlNoScheme, field, format!("{field} has no scheme: `{text}`."))
                .with_fix(format!("Write the full URL: https://{text}")),
        );
        return None;
    }
    let url = match crate::url_text::parse(text) {
        Ok(u) if u.host_str().is_some_and(|h| !h.is_empty()) => u,
        Ok(_) | Err(_) => {
            out.push(
                Diagnostic::error(Code::ConnectionUrlInvalid, field, format!("{field} is not a valid URL."))
                    .with_fix("Give a full https:// URL without spaces."),
            );
            return None;
        }
    };
    if !url.username().is_empty() || url.password().is_some() {
        out.push(
            Diagnostic::error(
                Code::ConnectionUrlUserinfo,
                field,
                format!("{field} carries a user name or password before the host."),
            )
            .with_fix("Remove the `user:password@` part; credentials belong in their own fields, never in a URL."),
        );
    }
    if url.fragment().is_some() {
        out.push(
            Diagnostic::error(
                Code::ConnectionUrlFragment,
                field,
                format!("{field} has a `#…` fragment, which is never sent to the server."),
            )
            .with_fix(format!("Remove the fragment: {}", {
                let mut u = url.clone();
                u.set_fragment(None);
                shown(&u)
            })),
        );
    }
    match url.scheme() {
        "https" => {}
        "http" if field == "redirectUri" => {} // judged with the redirect rules
        scheme => {
            let message = if field == "redirectUri" {
                format!("The redirect URI uses `{scheme}:`; only http:// and https:// are accepted.")
            } else {
                format!("{field} uses `{scheme}:`, not https: codes, secrets and tokens would travel unencrypted.")
            };
            out.push(
                Diagnostic::error(Code::ConnectionUrlNotHttps, field, message)
                    .with_fix("Use the https:// URL.")
                    .with_source(AUTH_SRC),
            );
        }
    }
    Some(url)
}

fn check_token_url_query(field: &str, url: &url::Url, kind: ProviderKind, out: &mut Vec<Diagnostic>) {
    let keys: Vec<String> = url.query_pairs().map(|(k, _)| k.into_owned()).collect();
    if keys.is_empty() {
        return;
    }
    let secret_keys = ["client_secret", "refresh_token", "code", "password", "access_token"];
    if keys.iter().any(|k| secret_keys.contains(&k.as_str())) {
        out.push(
            Diagnostic::error(
                Code::ConnectionSecretInUrl,
                field,
                format!("{field} carries a secret (client secret, code or token) in its query string: {}.", shown(url)),
            )
            .with_fix("Remove the query string; Deluge sends the client secret and tokens in the request body.")
            .with_source("zoho-facts.md §2c: send token parameters in the body (workerly access-refresh.html)"),
        );
    } else if kind == ProviderKind::Zoho {
        out.push(
            Diagnostic::warning(
                Code::ConnectionTokenUrlQuery,
                field,
                format!("{field} carries query parameters ({}); Zoho's token endpoint takes its parameters in the form body.", keys.join(", ")),
            )
            .with_fix("Remove the query string from the URL.")
            .with_source("zoho-facts.md §2c: ACC access-token.html; SDKs send a form body"),
        );
    }
}

// ---------------------------------------------------------------------------------------------------------------
// Zoho as the provider

fn expected_path(field: &str) -> &'static str {
    match field {
        "authorizeUrl" => "/oauth/v2/auth",
        "revokeUrl" => "/oauth/v2/token/revoke",
        _ => "/oauth/v2/token",
    }
}

fn check_zoho_provider(
    input: &ConnectionConfigInput,
    grant: GrantType,
    dc: Option<DataCenterId>,
    dc_field: Option<&str>,
    parsed: &[(&'static str, url::Url)],
    out: &mut Vec<Diagnostic>,
) {
    let given_dc = if dc_field == Some("dataCenter") { dc } else { None };
    let mut first_accounts: Option<(&str, String)> = None;
    for (field, url) in parsed {
        let host = url.host_str().unwrap_or("").to_ascii_lowercase();
        let found = data_center::detect(url.as_str());
        let Some(url_dc) = found.data_center else {
            let zoho_field = first_accounts.as_ref().map_or("another URL", |(f, _)| *f);
            out.push(
                Diagnostic::error(
                    Code::ConnectionZohoMixedHosts,
                    *field,
                    format!("{field} is on {host}, but the provider is Zoho ({zoho_field} is on a Zoho host): one service issues all tokens."),
                )
                .with_fix("Put every OAuth URL on the same Zoho accounts server.")
                .with_source(ENDPOINT_SRC),
            );
            continue;
        };
        let entry = data_center::lookup(given_dc.unwrap_or(url_dc));
        if found.matched == Some(Match::Corrected) {
            for d in found.diagnostics {
                if d.code == Code::DcWrongHost {
                    let mut d = d;
                    d.path = field.to_string();
                    out.push(d);
                }
            }
            continue;
        }
        if found.role != Some(HostRole::AccountsServer) {
            out.push(
                Diagnostic::error(
                    Code::ConnectionZohoNotAccountsHost,
                    *field,
                    format!(
                        "{field} is on {host}, which is not Zoho's accounts server; OAuth endpoints live on {}.",
                        entry.accounts_server.value
                    ),
                )
                .with_fix(format!("Use {}{}.", entry.accounts_server.value, expected_path(field)))
                .with_source(ENDPOINT_SRC),
            );
            continue;
        }
        // Path.
        let want = expected_path(field);
        if url.path() != want {
            let hint = match (*field, url.path()) {
                (_, p) if p.trim_end_matches('/') == want => {
                    " (only the trailing slash differs, and Zoho compares paths exactly)"
                }
                ("refreshUrl", "/oauth/v2/auth/refresh") => {
                    " (/oauth/v2/auth/refresh is the browser SDK's implicit re-grant, not the refresh-token endpoint)"
                }
                ("refreshUrl", _) => " (refreshing uses the same endpoint as the token exchange)",
                ("authorizeUrl", "/oauth/v2/org/auth") => {
                    " (/oauth/v2/org/auth is the org-level authorization, not a user's consent)"
                }
                _ => "",
            };
            out.push(
                Diagnostic::error(
                    Code::ConnectionZohoWrongPath,
                    *field,
                    format!("{field} has the path {}; Zoho's endpoint is {want}{hint}.", url.path()),
                )
                .with_fix(format!("Use {}{want}.", data_center::lookup(url_dc).accounts_server.value))
                .with_source(ENDPOINT_SRC),
            );
        }
        // One accounts server, the one of the data center.
        if let Some(expected) = given_dc.filter(|d| *d != url_dc) {
            let expected_entry = data_center::lookup(expected);
            let multi_dc_start = *field == "authorizeUrl"
                && url_dc == DataCenterId::Us
                && !matches!(expected, DataCenterId::Cn | DataCenterId::Uk | DataCenterId::Ae);
            if multi_dc_start {
                out.push(
                    Diagnostic::warning(
                        Code::ConnectionAuthorizeMultiDc,
                        *field,
                        format!(
                            "The authorize URL is on accounts.zoho.com while dataCenter is {expected}: Zoho forwards the consent to the account's data center, but the other URLs must then be on {}.",
                            expected_entry.accounts_server.value
                        ),
                    )
                    .with_fix(format!("Use {}{} so that every URL is on one accounts server.", expected_entry.accounts_server.value, want))
                    .with_source(MULTI_DC_SRC),
                );
            } else {
                let cn = if expected == DataCenterId::Cn {
                    " China must start authorization at accounts.zoho.com.cn."
                } else {
                    ""
                };
                out.push(
                    Diagnostic::error(
                        Code::ConnectionZohoDcMismatch,
                        *field,
                        format!(
                            "{field} is on the accounts server of {url_dc} ({host}), but dataCenter is {expected}.{cn}"
                        ),
                    )
                    .with_fix(format!("Use {}{want}, or correct dataCenter.", expected_entry.accounts_server.value))
                    .with_source(if cn.is_empty() { ENDPOINT_SRC } else { MULTI_DC_SRC }),
                );
            }
            continue;
        }
        match &first_accounts {
            None => first_accounts = Some((field, host)),
            Some((first_field, first_host)) if *first_host != host => out.push(
                Diagnostic::error(
                    Code::ConnectionZohoHostMismatch,
                    *field,
                    format!("{field} is on {host} but {first_field} is on {first_host}: a grant from one accounts server cannot be exchanged or refreshed on another."),
                )
                .with_fix(format!("Put every OAuth URL on the accounts server of your data center ({first_host}?)."))
                .with_source(ENDPOINT_SRC),
            ),
            Some(_) => {}
        }
    }

    if let Some((_, authorize)) = parsed.iter().find(|(f, _)| *f == "authorizeUrl") {
        if grant == GrantType::AuthorizationCode {
            check_authorize_query(authorize, out);
        }
    }
    let accounts = dc.map(|d| data_center::lookup(d).accounts_server.value);
    if grant == GrantType::AuthorizationCode && input.url_field("refreshUrl").is_none() {
        out.push(
            Diagnostic::warning(
                Code::ConnectionMissingRefreshUrl,
                "refreshUrl",
                "No refresh URL is given: Zoho access tokens last one hour, and without a refresh the connection stops working then.",
            )
            .with_fix(match accounts {
                Some(a) => format!("Set refreshUrl to {a}/oauth/v2/token (the same endpoint as the token URL)."),
                None => "Set refreshUrl to the token URL ({accounts}/oauth/v2/token).".into(),
            })
            .with_source("zoho-facts.md §2a, §2d: ACC access-token-expiry.html"),
        );
    }
    if input.url_field("revokeUrl").is_none() {
        out.push(
            Diagnostic::info(
                Code::ConnectionRevokeUrlSuggested,
                "revokeUrl",
                "No revoke URL is given; with one, Zoho can revoke the refresh token when the connection is removed.",
            )
            .with_fix(match accounts {
                Some(a) => format!("Set revokeUrl to {a}/oauth/v2/token/revoke."),
                None => "Set revokeUrl to {accounts}/oauth/v2/token/revoke.".into(),
            })
            .with_source(ENDPOINT_SRC),
        );
    }
    if input.param_type.as_deref().and_then(ParamType::parse) == Some(ParamType::Query) {
        out.push(
            Diagnostic::warning(
                Code::ConnectionParamTypeQuery,
                "paramType",
                "Zoho APIs take the access token in the Authorization header (`Zoho-oauthtoken …`), not in the query string.",
            )
            .with_fix("Set paramType to \"header\".")
            .with_source("zoho-facts.md §2e: PY8 constants; manageengine analytics-plus refresh-token.html (Zoho IAM)"),
        );
    }
    if !field_given(input, "scopes") {
        out.push(
            Diagnostic::error(
                Code::ConnectionMissingScopes,
                "scopes",
                "No scope is given; Zoho requires at least one.",
            )
            .with_fix("Add the scopes the connection needs, e.g. ZohoCRM.modules.ALL.")
            .with_source(AUTH_SRC),
        );
    }
}

fn check_authorize_query(url: &url::Url, out: &mut Vec<Diagnostic>) {
    let pairs: Vec<(String, String)> = url.query_pairs().map(|(k, v)| (k.into_owned(), v.into_owned())).collect();
    let access: Vec<&str> = pairs.iter().filter(|(k, _)| k == "access_type").map(|(_, v)| v.as_str()).collect();
    match access.as_slice() {
        [] => out.push(
            Diagnostic::warning(
                Code::ConnectionAccessTypeMissing,
                "authorizeUrl",
                "The authorize URL has no access_type=offline: Zoho's default is online, which issues no refresh token, so the connection dies after an hour.",
            )
            .with_fix(format!("Append ?access_type=offline: {}", with_param(url, "access_type", "offline")))
            .with_source(OFFLINE_SRC),
        ),
        ["offline"] => {}
        ["online"] => out.push(
            Diagnostic::warning(
                Code::ConnectionAccessTypeOnline,
                "authorizeUrl",
                "access_type=online issues no refresh token, so the connection dies after an hour.",
            )
            .with_fix("Use access_type=offline.")
            .with_source(OFFLINE_SRC),
        ),
        [other] => out.push(
            Diagnostic::error(
                Code::ConnectionAccessTypeInvalid,
                "authorizeUrl",
                format!("access_type={other} is not a value Zoho knows (offline or online)."),
            )
            .with_fix("Use access_type=offline.")
            .with_source(AUTH_SRC),
        ),
        _ => out.push(
            Diagnostic::warning(Code::ConnectionAccessTypeRepeated, "authorizeUrl", "access_type appears more than once in the authorize URL.")
                .with_fix("Keep one access_type=offline.")
                .with_source(AUTH_SRC),
        ),
    }
    let prompts: Vec<&str> = pairs.iter().filter(|(k, _)| k == "prompt").map(|(_, v)| v.as_str()).collect();
    match prompts.as_slice() {
        [] => out.push(
            Diagnostic::info(
                Code::ConnectionPromptConsentHint,
                "authorizeUrl",
                "Zoho returns a refresh token only the first time a user authorizes a client; reconnecting later gives none unless prompt=consent is sent.",
            )
            .with_fix("Add &prompt=consent if the connection may be re-authorized and needs a new refresh token.")
            .with_source(AUTH_SRC),
        ),
        ["consent"] => {}
        _ => out.push(
            Diagnostic::warning(Code::ConnectionPromptInvalid, "authorizeUrl", "The only documented prompt value is consent.")
                .with_fix("Use prompt=consent or remove prompt.")
                .with_source(AUTH_SRC),
        ),
    }
    for key in ["client_id", "redirect_uri", "scope", "response_type"] {
        if pairs.iter().any(|(k, _)| k == key) {
            out.push(
                Diagnostic::warning(
                    Code::ConnectionAuthorizeUrlParam,
                    "authorizeUrl",
                    format!("The authorize URL already carries {key}; Deluge adds it from the connection's own fields, so the request would hold it twice."),
                )
                .with_fix(format!("Remove {key} from the authorize URL and fill in its field instead."))
                .with_source("zoho-facts.md §8c: squarelabs guide (authorize URL is the endpoint plus access_type=offline)"),
            );
        }
    }
}

fn with_param(url: &url::Url, key: &str, value: &str) -> String {
    let mut u = url.clone();
    u.query_pairs_mut().append_pair(key, value);
    shown(&u)
}

// ---------------------------------------------------------------------------------------------------------------
// External provider

fn check_external_provider(input: &ConnectionConfigInput, grant: GrantType, out: &mut Vec<Diagnostic>) {
    let scopes = input.scope_list();
    if let Some((i, s)) = scopes.iter().enumerate().find(|(_, s)| scope::is_zoho_scope(s)) {
        let path = match input.scopes {
            Some(ScopesInput::List(_)) => format!("scopes[{i}]"),
            _ => "scopes".into(),
        };
        out.push(
            Diagnostic::warning(
                Code::ConnectionZohoScopeForExternal,
                path,
                format!("`{s}` is a Zoho scope, but the OAuth URLs belong to an external service, which will not know it."),
            )
            .with_fix("Use the scopes the external service documents, or point the OAuth URLs at Zoho's accounts server if Zoho is the provider."),
        );
    }
    if scopes.is_empty() {
        out.push(
            Diagnostic::info(
                Code::ConnectionNoScopes,
                "scopes",
                "No scope is given; that is fine only if the provider needs none.",
            )
            .with_fix("Add the scopes the provider documents for the APIs you call."),
        );
    }
    if grant == GrantType::AuthorizationCode && input.url_field("refreshUrl").is_none() {
        out.push(
            Diagnostic::info(
                Code::ConnectionRefreshUrlMissing,
                "refreshUrl",
                "No refresh URL is given; if the provider's access tokens expire, the connection stops working when they do.",
            )
            .with_fix("Give the provider's refresh-token URL (often the token URL) if its tokens expire."),
        );
    }
}

// ---------------------------------------------------------------------------------------------------------------
// Redirect URI

fn is_callback_shape(url: &url::Url) -> bool {
    url.path().trim_end_matches('/') == "/delugeauth/callback"
}

fn candidates_text(dc: DataCenterId) -> String {
    let entry = data_center::lookup(dc);
    let list: Vec<&str> = entry.deluge_callbacks.iter().map(|f| f.value).collect();
    match entry.callback_status {
        CallbackStatus::Conflicting => format!("sources disagree for {}: {}", entry.name, list.join(" or ")),
        CallbackStatus::Unknown => {
            format!("no source gives it for {}; copy it from your Developer Hub Connections page", entry.name)
        }
        _ => list.join(" or "),
    }
}

fn check_redirect(
    input: &ConnectionConfigInput,
    kind: ProviderKind,
    dc: Option<DataCenterId>,
    redirect: Option<&url::Url>,
    out: &mut Vec<Diagnostic>,
) {
    let Some(redirect) = redirect else {
        if input.url_field("redirectUri").is_some() {
            return; // present but unreadable: already reported
        }
        let message = match dc {
            Some(d) => format!("No redirect URI is given. For a Deluge connection the provider must have Zoho's callback registered: {}.", candidates_text(d)),
            None => "No redirect URI is given. For a Deluge connection the provider must have Zoho's callback for your data center registered.".into(),
        };
        out.push(
            Diagnostic::info(Code::ConnectionRedirectUriMissing, "redirectUri", message)
                .with_fix("Register Zoho's callback as the redirect URI at the provider, and give it here to have it checked.")
                .with_source(CALLBACK_SRC),
        );
        if let Some(d) = dc {
            push_callback_notes(d, None, out);
        }
        return;
    };
    let found = data_center::detect(redirect.as_str());
    let deluge_like = found.role == Some(HostRole::DelugeCallback)
        || (is_callback_shape(redirect) && host_of(redirect.as_str()).is_some_and(|h| super::config::is_zoho_host(&h)));
    if kind == ProviderKind::Zoho && !deluge_like {
        custom_client_advice(redirect, out);
        return;
    }
    let Some(d) = dc else { return };
    let entry = data_center::lookup(d);
    let text = redirect.as_str();
    if entry.deluge_callbacks.iter().any(|f| f.value == text) {
        push_callback_notes(d, Some(text), out);
        return;
    }
    // Close to a candidate: only the slash, scheme or letter case differ.
    let loose = |s: &str| s.to_ascii_lowercase().replace("http://", "https://").trim_end_matches('/').to_string();
    if let Some(near) = entry.deluge_callbacks.iter().find(|f| loose(f.value) == loose(text)) {
        out.push(
            Diagnostic::error(
                Code::ConnectionRedirectMismatch,
                "redirectUri",
                format!("The redirect URI differs from Zoho's callback {} only in a trailing slash, http/https or letter case, and providers compare it exactly.", near.value),
            )
            .with_fix(format!("Use exactly {}.", near.value))
            .with_source(CALLBACK_SRC),
        );
        return;
    }
    if deluge_like && found.data_center.is_some_and(|other| other != d) {
        let other = found.data_center.map_or_else(String::new, |o| o.to_string());
        out.push(
            Diagnostic::error(
                Code::ConnectionRedirectWrongDc,
                "redirectUri",
                format!("The redirect URI is the Deluge callback of {other}, but your Zoho account is in {d}; the callback must be your data center's ({}).", candidates_text(d)),
            )
            .with_fix("Register your data center's callback at the provider and use it here.")
            .with_source(CALLBACK_SRC),
        );
        return;
    }
    if entry.callback_status == CallbackStatus::Unknown && deluge_like {
        out.push(
            Diagnostic::info(
                Code::ConnectionRedirectCallbackUnverified,
                "redirectUri",
                format!(
                    "No source gives the Deluge callback for {}; yours has the expected /delugeauth/callback shape.",
                    entry.name
                ),
            )
            .with_fix("Confirm it against the redirect URL shown on your Developer Hub Connections page.")
            .with_source("zoho-facts.md §1b (no entry for this data center)"),
        );
        return;
    }
    out.push(
        Diagnostic::error(
            Code::ConnectionRedirectNotCallback,
            "redirectUri",
            format!(
                "For a Deluge connection the redirect URI must be Zoho's callback for {} ({}), not {}.",
                entry.name,
                candidates_text(d),
                shown(redirect)
            ),
        )
        .with_fix("Register Zoho's callback as the redirect URI at the provider and use the same value here.")
        .with_source(CALLBACK_SRC),
    );
}

/// The notes on a data center's callback: conflicting sources (both candidates), a single source, or none.
fn push_callback_notes(d: DataCenterId, used: Option<&str>, out: &mut Vec<Diagnostic>) {
    let entry = data_center::lookup(d);
    match entry.callback_status {
        CallbackStatus::Conflicting => {
            // The admin's value is one of the candidates (or none is given): a note, not a warning; both are shown.
            let mut note = data_center::callback_conflict(entry);
            note.severity = Severity::Info;
            if let Some(used) = used {
                note.message = format!("{} Yours is {used}.", note.message);
            }
            out.push(note);
        }
        CallbackStatus::SingleSource => out.push(
            Diagnostic::info(
                Code::ConnectionRedirectSingleSource,
                "redirectUri",
                format!("The Deluge callback for {} comes from a single third-party source.", entry.name),
            )
            .with_fix("Confirm it against the redirect URL shown on your Developer Hub Connections page.")
            .with_source(CALLBACK_SRC),
        ),
        CallbackStatus::Unknown => out.push(
            Diagnostic::info(
                Code::ConnectionRedirectCallbackUnknown,
                "redirectUri",
                format!("No source gives the Deluge callback URL for {}.", entry.name),
            )
            .with_fix("Copy the redirect URL from your Developer Hub Connections page and register it at the provider.")
            .with_source("zoho-facts.md §1b (no entry for this data center)"),
        ),
        CallbackStatus::Consistent => {}
    }
}

fn custom_client_advice(redirect: &url::Url, out: &mut Vec<Diagnostic>) {
    let host = redirect.host_str().unwrap_or("");
    let local = host == "localhost" || host == "127.0.0.1" || host == "[::1]";
    if local {
        out.push(
            Diagnostic::info(
                Code::ConnectionRedirectLocalhost,
                "redirectUri",
                "The redirect URI points at this computer: it works only where the browser runs, and a Deluge connection cannot use it.",
            )
            .with_fix("Use it for local development only; register the production URL as a second redirect URI.")
            .with_source(AUTH_SRC),
        );
    } else if redirect.scheme() == "http" {
        out.push(
            Diagnostic::warning(
                Code::ConnectionRedirectHttp,
                "redirectUri",
                "The redirect URI uses http://: Zoho accepts it, but the grant code then travels unencrypted.",
            )
            .with_fix(format!("Register and use {}.", shown(redirect).replacen("http://", "https://", 1)))
            .with_source(AUTH_SRC),
        );
    }
    out.push(
        Diagnostic::info(
            Code::ConnectionRedirectExactMatch,
            "redirectUri",
            "This is your own client's redirect URI: Zoho compares it exactly with the one registered in the API console (trailing slash, http or https, letter case, port).",
        )
        .with_fix("Copy it character for character into the API console; a Deluge connection would need Zoho's callback instead.")
        .with_source(AUTH_SRC),
    );
}

// ---------------------------------------------------------------------------------------------------------------
// Scopes

fn check_scope_fields(input: &ConnectionConfigInput, kind: ProviderKind, out: &mut Vec<Diagnostic>) {
    let Some(scopes) = &input.scopes else { return };
    let delimiter = input.scope_delimiter.as_deref().and_then(ScopeDelimiter::parse).unwrap_or(ScopeDelimiter::Comma);
    out.extend(scope::check_delimiters(scopes, delimiter.as_char(), kind == ProviderKind::Zoho));
    if kind != ProviderKind::Zoho {
        return;
    }
    let items: Vec<(String, String)> = match scopes {
        ScopesInput::List(list) => list
            .iter()
            .enumerate()
            .filter(|(_, s)| {
                !s.trim().is_empty() && !s.trim().contains(|c: char| c == ',' || c == '+' || c.is_whitespace())
            })
            .map(|(i, s)| (format!("scopes[{i}]"), s.trim().to_string()))
            .collect(),
        ScopesInput::Text(_) => scopes.to_list().into_iter().map(|s| ("scopes".to_string(), s)).collect(),
    };
    out.extend(scope::check_scopes(&items));
}

// ---------------------------------------------------------------------------------------------------------------
// Data-center notes

fn check_data_center_notes(id: DataCenterId, kind: ProviderKind, auth: Option<AuthType>, out: &mut Vec<Diagnostic>) {
    let entry = data_center::lookup(id);
    if entry.in_crm_sdks {
        return;
    }
    out.push(
        Diagnostic::info(
            Code::ConnectionDcNotInCrmSdks,
            "dataCenter",
            format!("{} is not a data center of Zoho's CRM SDKs; its hosts are partly unverified.", entry.name),
        )
        .with_fix("Take api_domain from the token response and check hosts on your Zoho pages.")
        .with_source("zoho-facts.md §1a, guide errata 7"),
    );
    if kind == ProviderKind::Zoho
        && auth == Some(AuthType::OAuth2)
        && entry.accounts_server.confidence == data_center::Confidence::ThirdParty
    {
        out.push(
            Diagnostic::warning(
                Code::ConnectionAccountsHostUnverified,
                "tokenUrl",
                format!(
                    "The accounts server of {} ({}) is known only from third-party code.",
                    entry.name, entry.accounts_server.value
                ),
            )
            .with_fix(
                "Check the accounts server against https://accounts.zoho.com/oauth/serverinfo before relying on it.",
            )
            .with_source(entry.accounts_server.source),
        );
    }
}
