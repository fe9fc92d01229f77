//! The three token-endpoint requests: code exchange, refresh and revoke (docs/facts.md §2, §2c).
//!
//! Each request is built as data (method, URL, headers, `application/x-www-form-urlencoded` form), as a `curl`
//! line and as Deluge `invokeurl`. Secrets (client secret, grant code, refresh token, revoked token) are shown as
//! `[redacted]` unless the input sets `reveal: true`.
//!
//! ```
//! use zoho_connector_kit::token::{build_token_requests, TokenRequestInput};
//! let input: TokenRequestInput = serde_json::from_value(serde_json::json!({
//!     "dataCenter": "eu",
//!     "clientId": "1000.GMB0YULZHJK411248S8I5GZ4CHUEX0",
//!     "clientSecret": "0123456789abcdef0123456789abcdef0123456789",
//!     "refreshToken": "1000.aaaa.bbbb"
//! })).unwrap();
//! let r = build_token_requests(&input);
//! let refresh = r.refresh.unwrap();
//! assert_eq!(refresh.url, "https://accounts.zoho.eu/oauth/v2/token");
//! assert!(refresh.curl.contains("client_secret=[redacted]"));
//! assert!(!refresh.curl.contains("0123456789abcdef"));
//! ```

use super::shown;
use crate::code::Code;
use crate::connection::ConnectionConfigInput;
use crate::data_center::{self, DataCenterId};
use crate::deluge::generate::{generate_invoke_url, BodyMode, HttpMethod, InvokeUrlSpec};
use crate::diagnostic::Diagnostic;
use crate::preset::{self, Preset, Sourced};
use crate::Secret;
use serde::{Deserialize, Serialize};

const ENDPOINTS_SRC: &str = "zoho-accounts-revoke-token";
const BODY_SRC: &str = "zoho-accounts-access-token";

/// What the token requests are built from. Unknown fields are refused.
///
/// The fields can come from a whole connection config (`config`, the file the popup exports); a field given
/// beside it wins. The URLs come from `tokenUrl` / `refreshUrl` / `revokeUrl` when given, else from `dataCenter`
/// (a key or any Zoho URL). `revokeUrl` defaults to the token URL + `/revoke`; the revoke request sends `token`, or the refresh
/// token when `token` is absent.
///
/// ```
/// use zoho_connector_kit::token::TokenRequestInput;
/// let input: TokenRequestInput = serde_json::from_str(r#"{"dataCenter":"us","code":"1000.x.y"}"#).unwrap();
/// assert_eq!(format!("{:?}", input.code), "Some([redacted])");
/// ```
#[derive(Debug, Clone, Default, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "camelCase")]
pub struct TokenRequestInput {
    /// A whole connection config; the fields below override its values.
    #[serde(default)]
    pub config: Option<ConnectionConfigInput>,
    /// Data center key or any Zoho URL or domain.
    #[serde(default)]
    pub data_center: Option<String>,
    /// `{accounts}/oauth/v2/token`.
    #[serde(default)]
    pub token_url: Option<String>,
    /// Refresh URL; the token URL when absent.
    #[serde(default)]
    pub refresh_url: Option<String>,
    /// `{accounts}/oauth/v2/token/revoke`.
    #[serde(default)]
    pub revoke_url: Option<String>,
    /// The OAuth client id.
    #[serde(default)]
    pub client_id: Option<String>,
    /// The OAuth client secret.
    #[serde(default)]
    pub client_secret: Option<Secret>,
    /// The redirect URI registered for the client (code exchange only).
    #[serde(default)]
    pub redirect_uri: Option<String>,
    /// The grant code from the redirect (code exchange).
    #[serde(default)]
    pub code: Option<Secret>,
    /// The refresh token (refresh; revoke when `token` is absent).
    #[serde(default)]
    pub refresh_token: Option<Secret>,
    /// The token to revoke (refresh or access token).
    #[serde(default)]
    pub token: Option<Secret>,
    /// Show secrets in the body, curl line and Deluge. Default false.
    #[serde(default)]
    pub reveal: Option<bool>,
    /// The preset the connection was started from (`mailchimp`, `zoho_crm`, …). For an external service the
    /// URLs come from the input or the preset, never from a Zoho data center.
    #[serde(default)]
    pub preset: Option<String>,
}

/// Which request.
///
/// ```
/// use zoho_connector_kit::token::RequestKind;
/// assert_eq!(serde_json::to_string(&RequestKind::Exchange).unwrap(), "\"exchange\"");
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub enum RequestKind {
    /// `grant_type=authorization_code`: grant code → access + refresh token.
    Exchange,
    /// `grant_type=refresh_token`: refresh token → new access token.
    Refresh,
    /// `POST …/token/revoke` with `token`.
    Revoke,
}

/// One HTTP header.
///
/// ```
/// use zoho_connector_kit::token::Header;
/// let h = Header { name: "Content-Type".into(), value: "application/x-www-form-urlencoded".into() };
/// assert_eq!(h.name, "Content-Type");
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Header {
    /// Header name.
    pub name: String,
    /// Header value (masked when secret and not revealed).
    pub value: String,
}

/// One form field of the body.
///
/// ```
/// use zoho_connector_kit::token::FormField;
/// let f = FormField { name: "client_secret".into(), value: "[redacted]".into(), secret: true, missing: false };
/// assert!(f.secret);
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct FormField {
    /// Field name (`grant_type`, `client_id`, …).
    pub name: String,
    /// The value; `[redacted]` for a secret not revealed, `<name>` when missing.
    pub value: String,
    /// Whether the value is a secret.
    pub secret: bool,
    /// Whether the value was not given (a placeholder stands in).
    pub missing: bool,
}

/// One built request.
///
/// ```
/// use zoho_connector_kit::token::{build_token_requests, TokenRequestInput};
/// let input = TokenRequestInput { data_center: Some("in".into()), ..Default::default() };
/// let revoke = build_token_requests(&input).revoke.unwrap();
/// assert_eq!(revoke.method, "POST");
/// assert_eq!(revoke.url, "https://accounts.zoho.in/oauth/v2/token/revoke");
/// assert_eq!(revoke.missing, vec!["token"]);
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct TokenRequest {
    /// Which request.
    pub kind: RequestKind,
    /// Always `POST`.
    pub method: &'static str,
    /// The endpoint.
    pub url: String,
    /// Request headers.
    pub headers: Vec<Header>,
    /// The form fields, in the order sent.
    pub form: Vec<FormField>,
    /// The `application/x-www-form-urlencoded` body.
    pub body: String,
    /// A `curl` command line.
    pub curl: String,
    /// Deluge `invokeurl` code (from [`crate::deluge::generate::generate_invoke_url`]), secrets masked likewise.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub deluge: Option<String>,
    /// Input fields this request still needs (placeholders stand in for them).
    pub missing: Vec<String>,
    /// Where the request's shape comes from.
    pub source: &'static str,
}

/// The three requests and what was found on the way.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct TokenRequests {
    /// The data center the URLs belong to, when known.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub data_center: Option<DataCenterId>,
    /// Whether secrets are shown.
    pub revealed: bool,
    /// Grant code → tokens; absent when no token URL is known.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub exchange: Option<TokenRequest>,
    /// Refresh token → access token.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub refresh: Option<TokenRequest>,
    /// Revoke a token.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub revoke: Option<TokenRequest>,
    /// Findings, errors first.
    pub diagnostics: Vec<Diagnostic>,
}

/// A form value before masking.
enum Value<'a> {
    Plain(&'a str),
    Secret(&'a Secret),
    Missing,
}

/// Builds the code-exchange, refresh and revoke requests. Never fails: problems are findings.
///
/// ```
/// use zoho_connector_kit::token::{build_token_requests, TokenRequestInput};
/// let input: TokenRequestInput = serde_json::from_value(serde_json::json!({
///     "tokenUrl": "https://accounts.zoho.com/oauth/v2/token",
///     "clientId": "1000.GMB0YULZHJK411248S8I5GZ4CHUEX0", "clientSecret": "s3cret",
///     "redirectUri": "https://example.com/cb", "code": "1000.c.d", "reveal": true
/// })).unwrap();
/// let r = build_token_requests(&input);
/// assert_eq!(r.exchange.unwrap().body, "grant_type=authorization_code&client_id=1000.GMB0YULZHJK411248S8I5GZ4CHUEX0\
/// &client_secret=s3cret&redirect_uri=https%3A%2F%2Fexample.com%2Fcb&code=1000.c.d");
/// ```
pub fn build_token_requests(input: &TokenRequestInput) -> TokenRequests {
    let input = &input.merged();
    let mut diagnostics = Vec::new();
    let reveal = input.reveal.unwrap_or(false);
    let external = external_service(input, &mut diagnostics);
    let (data_center, token_url, refresh_url, revoke_url) = match &external {
        Some(service) => {
            let (token, refresh, revoke) = external_urls(input, service, &mut diagnostics);
            (None, token, refresh, revoke)
        }
        None => {
            let data_center = resolve_data_center(input.data_center.as_deref(), &mut diagnostics);
            let from_dc = data_center.map(data_center::lookup);
            let token_url = check_url("tokenUrl", input.token_url.as_deref(), data_center, &mut diagnostics)
                .or_else(|| from_dc.map(|dc| dc.token_url()));
            let refresh_url = check_url("refreshUrl", input.refresh_url.as_deref(), data_center, &mut diagnostics)
                .or_else(|| token_url.clone());
            let revoke_url = check_url("revokeUrl", input.revoke_url.as_deref(), data_center, &mut diagnostics)
                .or_else(|| from_dc.map(|dc| dc.revoke_url()))
                .or_else(|| token_url.as_ref().map(|u| format!("{}/revoke", u.trim_end_matches('/'))));
            (data_center, token_url, refresh_url, revoke_url)
        }
    };
    if token_url.is_none() && !diagnostics.iter().any(|d| d.path == "dataCenter" || d.path == "tokenUrl") {
        diagnostics.push(
            Diagnostic::error(Code::TokenMissingUrl, "dataCenter", "Neither a data center nor a token URL was given.")
                .with_fix("Give dataCenter (us, eu, in, au, cn, jp, ca, sa) or tokenUrl (https://accounts.zoho.…/oauth/v2/token).")
                .with_source(ENDPOINTS_SRC),
        );
    }

    let client_id = non_blank(input.client_id.as_deref());
    if client_id.is_none() {
        diagnostics.push(
            Diagnostic::error(
                Code::TokenMissingClientId,
                "clientId",
                "No client ID was given; the code exchange and the refresh need it.",
            )
            .with_fix("Copy the Client ID from the API console of your data center.")
            .with_source(BODY_SRC),
        );
    }
    let client_secret = input.client_secret.as_ref().filter(|s| !s.is_empty());
    if client_secret.is_none() {
        diagnostics.push(
            Diagnostic::error(
                Code::TokenMissingClientSecret,
                "clientSecret",
                "No client secret was given; the code exchange and the refresh need it.",
            )
            .with_fix(
                "Copy the Client Secret from the API console (it may differ per data center when multi-DC is on).",
            )
            .with_source(BODY_SRC),
        );
    }
    let id_value = client_id.map_or(Value::Missing, Value::Plain);
    let secret_value = || client_secret.map_or(Value::Missing, Value::Secret);
    let code = input.code.as_ref().filter(|s| !s.is_empty());
    let refresh_token = input.refresh_token.as_ref().filter(|s| !s.is_empty());
    let revoked = input.token.as_ref().filter(|s| !s.is_empty()).or(refresh_token);

    let exchange = token_url.as_ref().map(|url| {
        let fields = vec![
            ("grant_type", Value::Plain("authorization_code")),
            ("client_id", clone_value(&id_value)),
            ("client_secret", secret_value()),
            ("redirect_uri", non_blank(input.redirect_uri.as_deref()).map_or(Value::Missing, Value::Plain)),
            ("code", code.map_or(Value::Missing, Value::Secret)),
        ];
        build(RequestKind::Exchange, url, fields, reveal, BODY_SRC)
    });
    let refresh = refresh_url.as_ref().map(|url| {
        let fields = vec![
            ("grant_type", Value::Plain("refresh_token")),
            ("client_id", clone_value(&id_value)),
            ("client_secret", secret_value()),
            ("refresh_token", refresh_token.map_or(Value::Missing, Value::Secret)),
        ];
        build(RequestKind::Refresh, url, fields, reveal, BODY_SRC)
    });
    let revoke = revoke_url.as_ref().map(|url| {
        let fields = vec![("token", revoked.map_or(Value::Missing, Value::Secret))];
        build(RequestKind::Revoke, url, fields, reveal, ENDPOINTS_SRC)
    });

    for request in [&exchange, &refresh, &revoke].into_iter().flatten() {
        let missing: Vec<&str> =
            request.missing.iter().map(String::as_str).filter(|m| *m != "client_id" && *m != "client_secret").collect();
        if !missing.is_empty() {
            let (code, name, path) = match request.kind {
                RequestKind::Exchange => (Code::TokenExchangeIncomplete, "exchange", "code"),
                RequestKind::Refresh => (Code::TokenRefreshIncomplete, "refresh", "refreshToken"),
                RequestKind::Revoke => (Code::TokenRevokeIncomplete, "revoke", "token"),
            };
            diagnostics.push(
                Diagnostic::info(
                    code,
                    path,
                    format!("The {name} request has placeholders for: {}.", missing.join(", ")),
                )
                .with_fix("Fill those fields in to get a request you can send."),
            );
        }
    }
    if reveal {
        diagnostics.push(
            Diagnostic::warning(Code::TokenSecretsRevealed, "reveal", "Secrets are shown in this output.")
                .with_fix("Do not paste this output into tickets, chats or logs; set reveal to false to mask them."),
        );
    }
    crate::diagnostic::sort_by_severity(&mut diagnostics);
    TokenRequests { data_center, revealed: reveal, exchange, refresh, revoke, diagnostics }
}

impl TokenRequestInput {
    /// The flat fields, each taken from `config` when not given beside it.
    ///
    /// ```
    /// use zoho_connector_kit::token::TokenRequestInput;
    /// let input: TokenRequestInput = serde_json::from_value(serde_json::json!({
    ///     "config": {"serviceName": "Zoho CRM", "dataCenter": "eu", "clientId": "1000.A"},
    ///     "clientId": "1000.B"
    /// })).unwrap();
    /// let merged = input.merged();
    /// assert_eq!((merged.data_center.as_deref(), merged.client_id.as_deref()), (Some("eu"), Some("1000.B")));
    /// ```
    pub fn merged(&self) -> TokenRequestInput {
        let Some(config) = &self.config else {
            return self.clone();
        };
        let pick = |own: &Option<String>, theirs: &Option<String>| own.clone().or_else(|| theirs.clone());
        TokenRequestInput {
            config: None,
            data_center: pick(&self.data_center, &config.data_center),
            token_url: pick(&self.token_url, &config.token_url),
            refresh_url: pick(&self.refresh_url, &config.refresh_url),
            revoke_url: pick(&self.revoke_url, &config.revoke_url),
            client_id: pick(&self.client_id, &config.client_id),
            client_secret: self.client_secret.clone().or_else(|| config.client_secret.clone()),
            redirect_uri: pick(&self.redirect_uri, &config.redirect_uri),
            code: self.code.clone(),
            refresh_token: self.refresh_token.clone(),
            token: self.token.clone(),
            reveal: self.reveal,
            preset: pick(&self.preset, &config.preset),
        }
    }
}

/// An OAuth provider that is not Zoho: from the preset, or from a token URL on a host of no Zoho data center.
struct External {
    name: String,
    preset: Option<&'static Preset>,
}

fn external_service(input: &TokenRequestInput, out: &mut Vec<Diagnostic>) -> Option<External> {
    if let Some(id) = non_blank(input.preset.as_deref()) {
        match preset::find(id) {
            Some(p) if p.provider == "external" => return Some(External { name: p.name.clone(), preset: Some(p) }),
            Some(_) => return None,
            None => out.push(preset::unknown(id)),
        }
    }
    let url = crate::url_text::parse(non_blank(input.token_url.as_deref())?).ok()?;
    let host = url.host_str()?.to_ascii_lowercase();
    if data_center::detect(&host).data_center.is_some() {
        return None;
    }
    Some(External { name: host, preset: None })
}

/// The token, refresh and revoke URLs of an external service: as given, else the preset's, else none (with a
/// finding). A Zoho data center never fills one in: that would send the service's token to Zoho.
fn external_urls(
    input: &TokenRequestInput,
    service: &External,
    out: &mut Vec<Diagnostic>,
) -> (Option<String>, Option<String>, Option<String>) {
    let from_preset =
        |pick: fn(&Preset) -> Option<&Sourced<String>>| service.preset.and_then(pick).map(|v| v.value.clone());
    let token =
        check_url("tokenUrl", input.token_url.as_deref(), None, out).or_else(|| from_preset(|p| Some(&p.token_url)));
    let refresh = check_url("refreshUrl", input.refresh_url.as_deref(), None, out)
        .or_else(|| from_preset(|p| p.refresh_url.as_ref()));
    let revoke = check_url("revokeUrl", input.revoke_url.as_deref(), None, out)
        .or_else(|| from_preset(|p| p.revoke_url.as_ref()));
    for (field, url) in [("tokenUrl", &token), ("refreshUrl", &refresh), ("revokeUrl", &revoke)] {
        let placeholder = service.preset.and_then(|p| p.rules.placeholder.as_deref());
        if let (Some(url), Some(ph)) = (url, placeholder) {
            if url.contains(ph) {
                out.push(
                    Diagnostic::error(
                        Code::PresetPlaceholder,
                        field,
                        format!("The URL still holds the placeholder {ph}."),
                    )
                    .with_fix(format!("Give {field} with your value in place of {ph}."))
                    .with_source(service.preset.map_or("", |p| p.token_url.source.as_str())),
                );
            }
        }
    }
    let name = &service.name;
    if refresh.is_none() {
        let no_refresh = service.preset.filter(|p| p.rules.no_refresh);
        let found = match no_refresh {
            Some(p) => {
                let d = Diagnostic::info(
                    Code::TokenRefreshNone,
                    "refreshUrl",
                    format!("{name} issues no refresh token, so there is no refresh request."),
                )
                .with_fix("Nothing to do: the access token is used until the admin connects again.");
                match &p.rules.no_refresh_source {
                    Some(src) => d.with_source(src.as_str()),
                    None => d,
                }
            }
            None => Diagnostic::info(
                Code::TokenRefreshNone,
                "refreshUrl",
                format!("No refresh endpoint is known for {name}, so there is no refresh request."),
            )
            .with_fix("Give refreshUrl from the service's documentation if it issues refresh tokens."),
        };
        out.push(found);
    }
    if revoke.is_none() {
        out.push(
            Diagnostic::info(
                Code::TokenNoRevoke,
                "revokeUrl",
                format!("No revoke endpoint is known for {name}, so there is no revoke request."),
            )
            .with_fix(
                "Give revokeUrl from the service's documentation if it has one; never send its token to a Zoho URL.",
            ),
        );
    }
    (token, refresh, revoke)
}

fn clone_value<'a>(v: &Value<'a>) -> Value<'a> {
    match v {
        Value::Plain(s) => Value::Plain(s),
        Value::Secret(s) => Value::Secret(s),
        Value::Missing => Value::Missing,
    }
}

fn non_blank(text: Option<&str>) -> Option<&str> {
    text.map(str::trim).filter(|t| !t.is_empty())
}

fn build(
    kind: RequestKind,
    url: &str,
    fields: Vec<(&str, Value<'_>)>,
    reveal: bool,
    source: &'static str,
) -> TokenRequest {
    let form: Vec<FormField> = fields
        .into_iter()
        .map(|(name, value)| match value {
            Value::Plain(v) => FormField { name: name.into(), value: v.into(), secret: false, missing: false },
            Value::Secret(s) => {
                FormField { name: name.into(), value: shown(s, reveal).into(), secret: true, missing: false }
            }
            Value::Missing => FormField {
                name: name.into(),
                value: format!("<{name}>"),
                secret: matches!(name, "client_secret" | "code" | "refresh_token" | "token"),
                missing: true,
            },
        })
        .collect();
    let body = url::form_urlencoded::Serializer::new(String::new())
        .extend_pairs(form.iter().map(|f| (f.name.as_str(), f.value.as_str())))
        .finish();
    let headers = vec![Header { name: "Content-Type".into(), value: "application/x-www-form-urlencoded".into() }];
    let mut curl = format!("curl -X POST {}", shell_quote(url));
    for h in &headers {
        curl.push_str(&format!(" -H {}", shell_quote(&format!("{}: {}", h.name, h.value))));
    }
    for f in &form {
        curl.push_str(&format!(" --data-urlencode {}", shell_quote(&format!("{}={}", f.name, f.value))));
    }
    let missing = form.iter().filter(|f| f.missing).map(|f| f.name.clone()).collect();
    let deluge = deluge_call(url, &form);
    TokenRequest { kind, method: "POST", url: url.to_string(), headers, form, body, curl, deluge, missing, source }
}

/// The request as Deluge `invokeurl`, written by the Deluge generator: a KEY-VALUE `parameters` map is sent
/// form-encoded (docs/facts.md §6.1: invokeurl-api-task.html).
fn deluge_call(url: &str, form: &[FormField]) -> Option<String> {
    let body = crate::json_map(form.iter().map(|f| (f.name.clone(), serde_json::Value::String(f.value.clone()))));
    let spec = InvokeUrlSpec {
        url: Some(url.to_string()),
        method: Some(HttpMethod::Post),
        body: Some(serde_json::Value::Object(body)),
        body_mode: Some(BodyMode::Form),
        ..InvokeUrlSpec::default()
    };
    generate_invoke_url(&spec).ok()
}

/// Quotes a word for a POSIX shell: `'…'`, with `'` written as `'\''`.
///
/// ```
/// use zoho_connector_kit::token::shell_quote;
/// assert_eq!(shell_quote("a b"), "'a b'");
/// assert_eq!(shell_quote("it's"), r"'it'\''s'");
/// ```
pub fn shell_quote(word: &str) -> String {
    format!("'{}'", word.replace('\'', r"'\''"))
}

fn resolve_data_center(text: Option<&str>, out: &mut Vec<Diagnostic>) -> Option<DataCenterId> {
    let text = non_blank(text)?;
    if let Ok(id) = text.parse::<DataCenterId>() {
        return Some(id);
    }
    let found = data_center::detect(text);
    for mut d in found.diagnostics {
        if d.path.is_empty() {
            d.path = "dataCenter".into();
        }
        out.push(d);
    }
    found.data_center
}

fn check_url(
    path: &str,
    text: Option<&str>,
    data_center: Option<DataCenterId>,
    out: &mut Vec<Diagnostic>,
) -> Option<String> {
    let text = non_blank(text)?;
    let parsed = match crate::url_text::parse(text) {
        Ok(u) => u,
        Err(e) => {
            out.push(
                Diagnostic::error(Code::TokenInvalidUrl, path, format!("This is not a URL ({e})."))
                    .with_fix("Give the full URL, e.g. https://accounts.zoho.com/oauth/v2/token.")
                    .with_source(ENDPOINTS_SRC),
            );
            return None;
        }
    };
    if parsed.scheme() != "https" {
        out.push(
            Diagnostic::error(Code::TokenUrlNotHttps, path, "The token endpoints must be called over https.")
                .with_fix("Use https://.")
                .with_source(ENDPOINTS_SRC),
        );
    }
    let found = data_center::detect(text);
    for mut d in found.diagnostics.into_iter().filter(|d| d.code == Code::DcWrongHost) {
        d.path = path.into();
        out.push(d);
    }
    if let (Some(given), Some(url_dc)) = (data_center, found.data_center) {
        if given != url_dc {
            out.push(
                Diagnostic::warning(
                    Code::TokenUrlDcMismatch,
                    path,
                    format!("This URL belongs to data center {url_dc}, but dataCenter says {given}."),
                )
                .with_fix(format!(
                    "Use the accounts server of the data center where the account lives ({}).",
                    data_center::lookup(given).accounts_server.value
                ))
                .with_source(ENDPOINTS_SRC),
            );
        }
    }
    Some(text.to_string())
}
