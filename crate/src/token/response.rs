//! Reading a token-endpoint response (docs/facts.md §2, §2e): lifetime, expiry and refresh time, the
//! `Authorization` header, and the API domain to call.
//!
//! The core has no clock: the caller passes the time the token was issued (`issuedAt`, epoch milliseconds).
//!
//! ```
//! use zoho_connector_kit::token::{parse_token_response, TokenResponseInput};
//! let input: TokenResponseInput = serde_json::from_value(serde_json::json!({
//!     "body": {"access_token": "1000.a.b", "api_domain": "https://www.zohoapis.eu", "token_type": "Bearer",
//!              "expires_in": 3600},
//!     "issuedAt": 1_700_000_000_000u64
//! })).unwrap();
//! let r = parse_token_response(&input);
//! assert!(r.ok);
//! assert_eq!(r.expires_at, Some(1_700_003_600_000));
//! assert_eq!(r.refresh_at, Some(1_700_003_000_000)); // 10 minutes before
//! assert_eq!(r.authorization_header.unwrap().value, "Zoho-oauthtoken [redacted]");
//! ```

use super::request::{Header, RequestKind};
use super::shown;
use crate::code::Code;
use crate::diagnostic::Diagnostic;
use crate::explain::{explain_error, ExplainInput, Explanation};
use crate::Secret;
use serde::{Deserialize, Serialize};
use serde_json::Value;

const RESPONSE_SRC: &str = "zoho-accounts-access-token";
const LEGACY_SRC: &str = "zoho-crm-python-sdk-8-oauth-token";
const LIFETIME_SRC: &str = "zoho-accounts-access-token";

/// The default refresh margin: refresh this long before expiry.
///
/// ```
/// assert_eq!(zoho_connector_kit::token::DEFAULT_REFRESH_MARGIN_MINUTES, 10);
/// ```
pub const DEFAULT_REFRESH_MARGIN_MINUTES: u32 = 10;

/// A token response and what to compute from it. Unknown fields are refused.
///
/// ```
/// use zoho_connector_kit::token::TokenResponseInput;
/// let input: TokenResponseInput =
///     serde_json::from_str(r#"{"body": "{\"error\":\"invalid_code\"}", "status": 200}"#).unwrap();
/// assert_eq!(input.status, Some(200));
/// ```
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "camelCase")]
pub struct TokenResponseInput {
    /// The response body: a JSON object, or its text.
    #[serde(default)]
    pub body: Option<Value>,
    /// The HTTP status, when known.
    #[serde(default)]
    pub status: Option<u16>,
    /// When the token was issued (epoch milliseconds); without it no expiry time is computed.
    #[serde(default)]
    pub issued_at: Option<u64>,
    /// Refresh this many minutes before expiry (default 10).
    #[serde(default)]
    pub refresh_margin_minutes: Option<u32>,
    /// A URL the caller means to call with the token; warned about when it is not on `api_domain`.
    #[serde(default)]
    pub call_url: Option<String>,
    /// Which request produced the response (`exchange` or `refresh`); sharpens the refresh-token check.
    #[serde(default)]
    pub grant: Option<RequestKind>,
    /// Show the tokens in the output. Default false.
    #[serde(default)]
    pub reveal: Option<bool>,
}

/// How `expires_in` was read.
///
/// ```
/// use zoho_connector_kit::token::ExpiryUnit;
/// assert_eq!(serde_json::to_string(&ExpiryUnit::Milliseconds).unwrap(), "\"milliseconds\"");
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub enum ExpiryUnit {
    /// `expires_in` in seconds (the current format).
    Seconds,
    /// `expires_in` in milliseconds, because the legacy `expires_in_sec` is present.
    Milliseconds,
    /// No lifetime in the response: one hour assumed.
    Assumed,
}

/// What the response says and what follows from it.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct TokenResponse {
    /// True when an access token was issued.
    pub ok: bool,
    /// The access token (masked unless revealed).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub access_token: Option<String>,
    /// The refresh token (masked unless revealed).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub refresh_token: Option<String>,
    /// Where to send API calls (`https://www.zohoapis.eu`).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub api_domain: Option<String>,
    /// `token_type` as sent (Zoho says `Bearer`, but the header prefix is `Zoho-oauthtoken`).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub token_type: Option<String>,
    /// Granted scopes (`scope` is space-separated in token responses).
    pub scopes: Vec<String>,
    /// Lifetime in milliseconds.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub expires_in_ms: Option<u64>,
    /// How the lifetime was read.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub expires_in_unit: Option<ExpiryUnit>,
    /// `issuedAt` as given.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub issued_at: Option<u64>,
    /// When the access token expires (epoch ms).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub expires_at: Option<u64>,
    /// When to refresh it (epoch ms): expiry minus the margin, not before `issuedAt`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub refresh_at: Option<u64>,
    /// The margin used, in milliseconds.
    pub refresh_margin_ms: u64,
    /// `Authorization: Zoho-oauthtoken …` (masked unless revealed); the prefix is `Zoho-oauthtoken`, not `Bearer`
    /// (docs/facts.md §2: PY8/NODE8 constants OAUTH_HEADER_PREFIX; guide errata 13).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub authorization_header: Option<Header>,
    /// The explanation of an error body.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub error: Option<Explanation>,
    /// Findings, errors first.
    pub diagnostics: Vec<Diagnostic>,
    /// The tokens themselves, for the token store; never serialized.
    #[serde(skip)]
    pub secrets: TokenSecrets,
}

/// The tokens of a response, kept out of every serialized output.
///
/// ```
/// let s = zoho_connector_kit::token::TokenSecrets::default();
/// assert!(s.access_token.is_none());
/// ```
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct TokenSecrets {
    /// The access token.
    pub access_token: Option<Secret>,
    /// The refresh token.
    pub refresh_token: Option<Secret>,
}

/// Reads a token response. Never fails: a body that is not JSON, an `error` body (even with HTTP 200) and missing
/// fields are findings.
///
/// ```
/// use zoho_connector_kit::token::{parse_token_response, TokenResponseInput};
/// // Legacy shape: expires_in_sec present, so expires_in is milliseconds.
/// let input: TokenResponseInput = serde_json::from_value(serde_json::json!({
///     "body": {"access_token": "x", "api_domain": "https://www.zohoapis.com", "expires_in_sec": 3600,
///              "expires_in": 3600000},
///     "issuedAt": 0
/// })).unwrap();
/// assert_eq!(parse_token_response(&input).expires_at, Some(3_600_000));
///
/// let input: TokenResponseInput = serde_json::from_value(serde_json::json!({
///     "body": "{\"error\":\"invalid_client\"}", "status": 200
/// })).unwrap();
/// let r = parse_token_response(&input);
/// assert!(!r.ok);
/// assert_eq!(r.error.unwrap().code, "invalid_client");
/// ```
pub fn parse_token_response(input: &TokenResponseInput) -> TokenResponse {
    let reveal = input.reveal.unwrap_or(false);
    let margin_ms = u64::from(input.refresh_margin_minutes.unwrap_or(DEFAULT_REFRESH_MARGIN_MINUTES)) * 60_000;
    let mut out = TokenResponse {
        ok: false,
        access_token: None,
        refresh_token: None,
        api_domain: None,
        token_type: None,
        scopes: Vec::new(),
        expires_in_ms: None,
        expires_in_unit: None,
        issued_at: input.issued_at,
        expires_at: None,
        refresh_at: None,
        refresh_margin_ms: margin_ms,
        authorization_header: None,
        error: None,
        diagnostics: Vec::new(),
        secrets: TokenSecrets::default(),
    };
    let body = match &input.body {
        None => {
            out.diagnostics.push(
                Diagnostic::error(Code::TokenMissingBody, "body", "No response body was given.")
                    .with_fix("Paste the JSON the token endpoint answered."),
            );
            return out;
        }
        Some(Value::String(text)) => match serde_json::from_str::<Value>(text) {
            Ok(v) => v,
            Err(_) => {
                explain_into(&mut out, input, Value::String(text.clone()));
                out.diagnostics.insert(
                    0,
                    Diagnostic::error(Code::TokenBodyNotJson, "body", "The token endpoint's answer is not JSON.")
                        .with_fix(
                            "Check the URL: the token endpoint is POST {accounts}/oauth/v2/token and answers JSON.",
                        )
                        .with_source(RESPONSE_SRC),
                );
                return out;
            }
        },
        Some(v) => v.clone(),
    };
    let Some(object) = body.as_object() else {
        out.diagnostics.push(
            Diagnostic::error(Code::TokenBodyNotObject, "body", "The response body is not a JSON object.")
                .with_fix("Paste the whole JSON object the token endpoint answered.")
                .with_source(RESPONSE_SRC),
        );
        return out;
    };

    if let Some(error) = object.get("error") {
        let code = error.as_str().map_or_else(|| error.to_string(), str::to_string);
        let with_200 = if input.status == Some(200) {
            " Zoho sends token errors with HTTP 200 too: read the body, not the status."
        } else {
            ""
        };
        out.diagnostics.push(
            Diagnostic::error(
                Code::TokenErrorResponse,
                "body.error",
                format!("Zoho refused the request: `{code}`.{with_200}"),
            )
            .with_fix("See the explanation in `error` for the likely causes and fixes.")
            .with_source("third-party-token-errors"),
        );
        explain_into(&mut out, input, body.clone());
        return out;
    }

    match text_field(object, "access_token") {
        Some(token) => {
            let secret = Secret::new(token);
            out.ok = true;
            out.access_token = Some(shown(&secret, reveal).to_string());
            out.authorization_header = Some(Header {
                name: "Authorization".into(),
                value: format!("Zoho-oauthtoken {}", shown(&secret, reveal)),
            });
            out.secrets.access_token = Some(secret);
        }
        None => out.diagnostics.push(
            Diagnostic::error(
                Code::TokenMissingAccessToken,
                "body.access_token",
                "The response holds no access_token.",
            )
            .with_fix("A successful token response always has access_token; check the request and the body you pasted.")
            .with_source(RESPONSE_SRC),
        ),
    }
    if let Some(token) = text_field(object, "refresh_token") {
        let secret = Secret::new(token);
        out.refresh_token = Some(shown(&secret, reveal).to_string());
        out.secrets.refresh_token = Some(secret);
    } else if input.grant == Some(RequestKind::Exchange) && out.ok {
        out.diagnostics.push(
            Diagnostic::warning(
                Code::TokenNoRefreshToken,
                "body.refresh_token",
                "The code exchange returned no refresh token, so this connection stops working after one hour.",
            )
            .with_fix(
                "Authorize with access_type=offline; if the user authorized this client before, add prompt=consent.",
            )
            .with_source("zoho-accounts-authorization"),
        );
    }
    out.token_type = text_field(object, "token_type");
    out.scopes =
        text_field(object, "scope").map(|s| s.split_whitespace().map(str::to_string).collect()).unwrap_or_default();

    read_lifetime(object, &mut out);
    if out.ok {
        match text_field(object, "api_domain") {
            Some(domain) => {
                // Whoever calls the CRM with this token will call api_domain: it must be a Zoho API host of the
                // registry, or a crafted response steers the token elsewhere (issue 12).
                if let Err(refusal) = crate::data_center::registry_api_domain(&domain) {
                    out.diagnostics.push(refusal.diagnostic(crate::data_center::ApiDomainUse::TokenResponse, "body.api_domain"));
                }
                out.api_domain = Some(domain);
            }
            None => out.diagnostics.push(
                Diagnostic::warning(Code::TokenMissingApiDomain, "body.api_domain", "The response holds no api_domain.")
                    .with_fix("Call the CRM API domain of the account's data center (e.g. https://www.zohoapis.com); always prefer api_domain from the token response.")
                    .with_source("zoho-accounts-access-token"),
            ),
        }
    }

    match (input.issued_at, out.expires_in_ms) {
        (Some(issued), Some(life)) => {
            let expires = issued.saturating_add(life);
            out.expires_at = Some(expires);
            out.refresh_at = Some(expires.saturating_sub(margin_ms).max(issued));
            if margin_ms >= life {
                out.diagnostics.push(
                    Diagnostic::warning(
                        Code::TokenMarginTooLarge,
                        "refreshMarginMinutes",
                        "The refresh margin is as long as the token's whole life, so it would be refreshed at once.",
                    )
                    .with_fix("Use a margin well under the token lifetime (the default is 10 minutes of 60)."),
                );
            }
        }
        (None, Some(_)) if out.ok => out.diagnostics.push(
            Diagnostic::info(
                Code::TokenNoIssuedAt,
                "issuedAt",
                "No issuedAt was given, so no expiry time is computed.",
            )
            .with_fix("Give issuedAt: the time the response arrived, in epoch milliseconds."),
        ),
        _ => {}
    }

    if let Some(call) = input.call_url.as_deref().map(str::trim).filter(|c| !c.is_empty()) {
        check_call_url(call, out.api_domain.as_deref(), &mut out.diagnostics);
    }
    crate::diagnostic::sort_by_severity(&mut out.diagnostics);
    out
}

fn explain_into(out: &mut TokenResponse, input: &TokenResponseInput, body: Value) {
    out.error = Some(explain_error(&ExplainInput { status: input.status, body: Some(body), context: None }));
}

fn text_field(object: &serde_json::Map<String, Value>, key: &str) -> Option<String> {
    match object.get(key)? {
        Value::String(s) if !s.trim().is_empty() => Some(s.trim().to_string()),
        _ => None,
    }
}

fn number_field(object: &serde_json::Map<String, Value>, key: &str) -> Option<Result<u64, String>> {
    let value = object.get(key)?;
    let parsed = match value {
        Value::Number(n) => {
            n.as_u64().or_else(|| n.as_f64().filter(|f| *f >= 0.0 && f.fract() == 0.0).map(|f| f as u64))
        }
        Value::String(s) => s.trim().parse::<u64>().ok(),
        _ => None,
    };
    Some(parsed.ok_or_else(|| value.to_string()))
}

fn read_lifetime(object: &serde_json::Map<String, Value>, out: &mut TokenResponse) {
    let expires_in = number_field(object, "expires_in");
    let expires_in_sec = number_field(object, "expires_in_sec");
    for (key, value) in [("expires_in", &expires_in), ("expires_in_sec", &expires_in_sec)] {
        if let Some(Err(raw)) = value {
            out.diagnostics.push(
                Diagnostic::error(
                    Code::TokenInvalidExpiresIn,
                    format!("body.{key}"),
                    format!("{key} is not a whole number ({raw})."),
                )
                .with_fix("Paste the response unchanged; expires_in is a number of seconds.")
                .with_source(RESPONSE_SRC),
            );
        }
    }
    let expires_in = expires_in.and_then(Result::ok);
    let expires_in_sec = expires_in_sec.and_then(Result::ok);
    match (expires_in, expires_in_sec) {
        (Some(ms), Some(sec)) => {
            out.expires_in_ms = Some(ms);
            out.expires_in_unit = Some(ExpiryUnit::Milliseconds);
            out.diagnostics.push(
                Diagnostic::info(
                    Code::TokenLegacyExpiresInSec,
                    "body.expires_in_sec",
                    "Legacy response: expires_in_sec is present, so expires_in is read as milliseconds.",
                )
                .with_source(LEGACY_SRC),
            );
            if ms.abs_diff(sec.saturating_mul(1000)) > 1000 {
                out.diagnostics.push(
                    Diagnostic::warning(
                        Code::TokenExpiryInconsistent,
                        "body.expires_in",
                        format!("expires_in ({ms} ms) and expires_in_sec ({sec} s) disagree."),
                    )
                    .with_fix("expires_in (in milliseconds) is used, as Zoho's SDKs do; refresh early if in doubt.")
                    .with_source(LEGACY_SRC),
                );
            }
        }
        (None, Some(sec)) => {
            out.expires_in_ms = Some(sec.saturating_mul(1000));
            out.expires_in_unit = Some(ExpiryUnit::Seconds);
        }
        (Some(sec), None) => {
            out.expires_in_ms = Some(sec.saturating_mul(1000));
            out.expires_in_unit = Some(ExpiryUnit::Seconds);
            if sec > 86_400 {
                out.diagnostics.push(
                    Diagnostic::warning(
                        Code::TokenExpiresInLooksLikeMs,
                        "body.expires_in",
                        format!("expires_in is {sec}: read as seconds that is more than a day, but Zoho access tokens live one hour."),
                    )
                    .with_fix("If this came with expires_in_sec, paste that field too (then expires_in is milliseconds).")
                    .with_source(LEGACY_SRC),
                );
            }
        }
        (None, None) if out.ok => {
            out.expires_in_ms = Some(3_600_000);
            out.expires_in_unit = Some(ExpiryUnit::Assumed);
            out.diagnostics.push(
                Diagnostic::warning(
                    Code::TokenMissingExpiresIn,
                    "body.expires_in",
                    "The response has no expires_in; one hour is assumed.",
                )
                .with_fix("Refresh before the hour is up, or on the first INVALID_TOKEN answer.")
                .with_source(LIFETIME_SRC),
            );
        }
        (None, None) => {}
    }
}

fn check_call_url(call: &str, api_domain: Option<&str>, out: &mut Vec<Diagnostic>) {
    let Ok(call_url) = crate::url_text::parse(call) else {
        out.push(
            Diagnostic::warning(Code::TokenInvalidCallUrl, "callUrl", "The call URL is not a URL.")
                .with_fix("Give the full URL you mean to call, e.g. https://www.zohoapis.com/crm/v8/Leads."),
        );
        return;
    };
    let Some(domain) = api_domain.and_then(|d| crate::url_text::parse(d).ok()) else {
        return;
    };
    let (call_host, api_host) = (call_url.host_str().unwrap_or(""), domain.host_str().unwrap_or(""));
    if !call_host.eq_ignore_ascii_case(api_host) {
        out.push(
            Diagnostic::warning(
                Code::TokenCallHostMismatch,
                "callUrl",
                format!("The call goes to {call_host}, but this token's api_domain is {api_host}: Zoho will refuse the token there."),
            )
            .with_fix(format!("Send the call to {}{}.", domain.origin().ascii_serialization(), call_url.path()))
            .with_source("zoho-accounts-multi-dc-client-authorization"),
        );
    }
}
