//! Explain a Zoho error: an HTTP status and/or a response body (JSON or not) → what it means, the likely causes
//! ordered by likelihood (ids from a fixed list, [`CauseId`]), and what to do.
//!
//! Recognised: the CRM HTTP statuses (docs/facts.md §5.3), the CRM JSON codes (§7b, also inside `data[i]` of
//! multi-record replies), token-endpoint errors even with HTTP 200 (§2d), `INVALID_OAUTHTOKEN` (§4), the Zoho
//! Analytics numbers the setup guide passes off as CRM codes and the CRM v1 numbers (§7c). Anything else is
//! `unknown` with the raw code shown; nothing throws.
//!
//! ```
//! use zoho_connector_kit::explain::{explain_error, CauseId, ExplainInput};
//! let input: ExplainInput = serde_json::from_value(serde_json::json!({
//!     "status": 400,
//!     "body": {"data": [{"code": "INVALID_DATA", "details": {"expected_data_type": "integer", "api_name": "Employees"},
//!                        "message": "invalid data", "status": "error"}]}
//! })).unwrap();
//! let e = explain_error(&input);
//! assert_eq!(e.code, "INVALID_DATA");
//! assert_eq!(e.field.as_deref(), Some("Employees"));
//! assert_eq!(e.likely_causes[0].id, CauseId::InvalidFieldValue);
//! assert!(e.likely_causes[0].explanation.contains("integer"));
//! ```

mod catalog;

use crate::authorization::ScopesInput;
use crate::data_center::{self, DataCenterId};
use serde::{Deserialize, Serialize};
use serde_json::Value;

/// Why an error happened: the fixed list of cause ids.
///
/// ```
/// use zoho_connector_kit::explain::CauseId;
/// assert_eq!(serde_json::to_string(&CauseId::WrongDataCenter).unwrap(), "\"wrong_data_center\"");
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum CauseId {
    /// Config and account (or token and API domain) are on different data centers.
    WrongDataCenter,
    /// The redirect URI differs from the registered one.
    RedirectMismatch,
    /// The grant code expired or was used already.
    CodeExpiredOrReused,
    /// Authorized without `access_type=offline`.
    MissingOfflineAccess,
    /// A needed scope was not granted.
    ScopeMissing,
    /// The access token expired (or is sent wrongly).
    TokenExpired,
    /// The refresh token was revoked or evicted.
    TokenRevoked,
    /// A rate or count limit.
    RateLimited,
    /// A token-count limit invalidated the token.
    TokenLimit,
    /// A value has the wrong type, format or length.
    InvalidFieldValue,
    /// A required field or parameter is missing.
    MissingRequiredField,
    /// A unique field clashes.
    DuplicateValue,
    /// The user or edition lacks permission.
    Permission,
    /// The module name is wrong.
    InvalidModule,
    /// The URL or method is wrong.
    InvalidUrl,
    /// Wrong client id or secret.
    WrongClientCredentials,
    /// An error inside Zoho.
    ServerError,
    /// Not recognised.
    Unknown,
}

/// Which kind of Zoho error it is.
///
/// ```
/// use zoho_connector_kit::explain::Family;
/// assert_eq!(serde_json::to_string(&Family::TokenEndpoint).unwrap(), "\"tokenEndpoint\"");
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub enum Family {
    /// Only an HTTP status.
    Http,
    /// A CRM API JSON code (v2–v8).
    Crm,
    /// An error of the OAuth token endpoint.
    TokenEndpoint,
    /// A Zoho Analytics code (not CRM).
    Analytics,
    /// A retired CRM API v1 numeric code.
    CrmV1,
    /// A code no Zoho page documents.
    Undocumented,
    /// Not recognised.
    Unknown,
}

/// What is known about the connection, to sharpen the explanation. Every field is optional.
///
/// The data center of the config comes from `dataCenter`, else `tokenUrl`, else `authorizeUrl`; where the
/// account lives from `accountDataCenter`, else the redirect's `location` / `accounts-server` (or a whole
/// `redirectUrl` carrying them).
///
/// ```
/// use zoho_connector_kit::explain::ExplainContext;
/// let c: ExplainContext = serde_json::from_str(r#"{"dataCenter": "us", "location": "eu"}"#).unwrap();
/// assert_eq!(c.location.as_deref(), Some("eu"));
/// ```
#[derive(Debug, Clone, Default, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "camelCase")]
pub struct ExplainContext {
    /// A whole connection config: its data center, token and authorize URLs and scopes are used when the fields
    /// below are absent.
    #[serde(default)]
    pub config: Option<crate::connection::ConnectionConfigInput>,
    /// The config's data center (key or any Zoho URL).
    #[serde(default)]
    pub data_center: Option<String>,
    /// The config's token URL.
    #[serde(default)]
    pub token_url: Option<String>,
    /// The config's authorize URL (checked for `access_type=offline`).
    #[serde(default)]
    pub authorize_url: Option<String>,
    /// The config's scopes.
    #[serde(default)]
    pub scopes: Option<ScopesInput>,
    /// Where the account lives (key or any Zoho URL).
    #[serde(default)]
    pub account_data_center: Option<String>,
    /// The redirect's `location` parameter (`eu`).
    #[serde(default)]
    pub location: Option<String>,
    /// The redirect's `accounts-server` parameter.
    #[serde(default)]
    pub accounts_server: Option<String>,
    /// The whole redirect URL (with `location` and `accounts-server`).
    #[serde(default)]
    pub redirect_url: Option<String>,
    /// The URL the failing request went to.
    #[serde(default)]
    pub request_url: Option<String>,
    /// Which token request failed: `exchange`, `refresh` or `revoke`.
    #[serde(default)]
    pub request: Option<crate::token::RequestKind>,
}

/// The error to explain. Unknown fields are refused.
///
/// ```
/// use zoho_connector_kit::explain::ExplainInput;
/// let i: ExplainInput = serde_json::from_str(r#"{"body": "not json at all"}"#).unwrap();
/// assert!(i.status.is_none());
/// ```
#[derive(Debug, Clone, Default, PartialEq, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "camelCase")]
pub struct ExplainInput {
    /// The HTTP status, when known.
    #[serde(default)]
    pub status: Option<u16>,
    /// The response body: a JSON value, or text (JSON or not).
    #[serde(default)]
    pub body: Option<Value>,
    /// What is known about the connection.
    #[serde(default)]
    pub context: Option<ExplainContext>,
}

/// One likely cause.
///
/// ```
/// use zoho_connector_kit::explain::{Cause, CauseId};
/// let c = Cause { id: CauseId::Unknown, explanation: "x".into() };
/// assert_eq!(c.id, CauseId::Unknown);
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Cause {
    /// From the fixed list.
    pub id: CauseId,
    /// Why it fits this error.
    pub explanation: String,
}

/// Another failed item of a multi-record reply.
///
/// ```
/// use zoho_connector_kit::explain::ItemError;
/// let i = ItemError { index: 1, code: "INVALID_DATA".into(), field: None, message: None };
/// assert_eq!(i.index, 1);
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ItemError {
    /// Its index in `data`.
    pub index: usize,
    /// Its code.
    pub code: String,
    /// `details.api_name`, when given.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub field: Option<String>,
    /// Zoho's message.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub message: Option<String>,
}

/// The explanation.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Explanation {
    /// The code as Zoho sent it (`INVALID_TOKEN`, `invalid_client`, `8535`), or `HTTP 401` for a bare status.
    pub code: String,
    /// Short title.
    pub title: String,
    /// Causes, most likely first.
    pub likely_causes: Vec<Cause>,
    /// What to do.
    pub fixes: Vec<String>,
    /// The field concerned (`details.api_name` or `param_name`).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub field: Option<String>,
    /// `details.expected_data_type`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub expected_data_type: Option<String>,
    /// `details.maximum_length`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub maximum_length: Option<u64>,
    /// Zoho's own message (`message`, `error_description`).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub message: Option<String>,
    /// Where in the body the error sits (`data[1]`), when not at the top.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub path: Option<String>,
    /// The HTTP status, when given.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub status: Option<u16>,
    /// What kind of error it is.
    pub family: Family,
    /// Whether the code is a known one.
    pub recognised: bool,
    /// Caveats (HTTP 200 with an error body, not a CRM code, …).
    pub notes: Vec<String>,
    /// Further failed items of a multi-record reply.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub other_errors: Vec<ItemError>,
    /// Where the meaning comes from.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub source: Option<String>,
}

/// What was found in the body.
struct Found<'a> {
    code: String,
    message: Option<String>,
    details: Option<&'a Value>,
    item: Option<usize>,
    others: Vec<ItemError>,
}

/// Explains an error. Never fails.
///
/// ```
/// use zoho_connector_kit::explain::{explain_error, CauseId, ExplainInput};
/// let input: ExplainInput = serde_json::from_value(serde_json::json!({
///     "status": 200,
///     "body": "{\"error\":\"invalid_client\"}",
///     "context": {"dataCenter": "us", "location": "eu"}
/// })).unwrap();
/// let e = explain_error(&input);
/// assert_eq!(e.likely_causes[0].id, CauseId::WrongDataCenter);
/// assert!(e.likely_causes[0].explanation.contains("US") && e.likely_causes[0].explanation.contains("EU"));
///
/// let e = explain_error(&serde_json::from_str(r#"{"body": "{\"code\":\"SOMETHING_NEW\"}"}"#).unwrap());
/// assert_eq!((e.code.as_str(), e.likely_causes[0].id), ("SOMETHING_NEW", CauseId::Unknown));
/// ```
pub fn explain_error(input: &ExplainInput) -> Explanation {
    let parsed: Option<Value> = match &input.body {
        Some(Value::String(text)) => serde_json::from_str(text).ok(),
        Some(Value::Null) | None => None,
        Some(v) => Some(v.clone()),
    };
    let text = match &input.body {
        Some(Value::String(text)) => text.trim().to_string(),
        Some(Value::Number(n)) => n.to_string(),
        _ => String::new(),
    };
    // A bare number ("8535") parses as JSON too: fall back to the text.
    let found = parsed.as_ref().and_then(find_error).or_else(|| find_in_text(&text));
    let mut explanation = match found {
        Some(found) => from_found(found, input.status),
        None => from_status(input.status, &text),
    };
    if let Some(context) = &input.context {
        apply_context(&mut explanation, context);
    }
    explanation
}

fn base(code: String, status: Option<u16>) -> Explanation {
    Explanation {
        code,
        title: String::new(),
        likely_causes: Vec::new(),
        fixes: Vec::new(),
        field: None,
        expected_data_type: None,
        maximum_length: None,
        message: None,
        path: None,
        status,
        family: Family::Unknown,
        recognised: false,
        notes: Vec::new(),
        other_errors: Vec::new(),
        source: None,
    }
}

fn fill(out: &mut Explanation, entry: &catalog::Entry) {
    out.title = entry.title.to_string();
    out.likely_causes =
        entry.causes.iter().map(|(id, text)| Cause { id: *id, explanation: (*text).to_string() }).collect();
    out.fixes = entry.fixes.iter().map(|f| (*f).to_string()).collect();
    out.family = entry.family;
    out.recognised = true;
    out.source = Some(entry.source.to_string());
}

fn lookup(code: &str) -> Option<&'static catalog::Entry> {
    catalog::ENTRIES
        .iter()
        .find(|e| e.code == code)
        .or_else(|| catalog::ENTRIES.iter().find(|e| e.code.eq_ignore_ascii_case(code)))
}

fn from_found(found: Found<'_>, status: Option<u16>) -> Explanation {
    let mut out = base(found.code.clone(), status);
    out.message = found.message;
    out.path = found.item.map(|i| format!("data[{i}]"));
    out.other_errors = found.others;
    match lookup(&found.code) {
        Some(entry) => fill(&mut out, entry),
        None => {
            out.title = format!("Unrecognised error code `{}`", found.code);
            let said = out.message.as_deref().map(|m| format!(" Zoho's message: \"{m}\".")).unwrap_or_default();
            out.likely_causes = vec![Cause {
                id: CauseId::Unknown,
                explanation: format!("`{}` is not in the documented Zoho error lists.{said}", found.code),
            }];
            if let Some(entry) = status.and_then(catalog::http_status) {
                out.likely_causes
                    .extend(entry.causes.iter().map(|(id, text)| Cause { id: *id, explanation: (*text).to_string() }));
                out.fixes = entry.fixes.iter().map(|f| (*f).to_string()).collect();
            }
            out.fixes.push("Search Zoho's documentation of the API you called for this code.".into());
        }
    }
    if let Some(details) = found.details {
        let text = |k: &str| details.get(k).and_then(Value::as_str).map(str::to_string);
        out.field = text("api_name").or_else(|| text("param_name"));
        out.expected_data_type = text("expected_data_type");
        out.maximum_length = details.get("maximum_length").and_then(Value::as_u64);
        if let Some(cause) = out.likely_causes.first_mut() {
            if let Some(field) = &out.field {
                cause.explanation.push_str(&format!(" Field: {field}."));
            }
            if let Some(t) = &out.expected_data_type {
                cause.explanation.push_str(&format!(" Zoho expects a value of type {t}."));
            }
            if let Some(n) = out.maximum_length {
                cause.explanation.push_str(&format!(" Maximum length: {n}."));
            }
        }
    }
    if out.family == Family::TokenEndpoint && status == Some(200) {
        out.notes.push(
            "Zoho sent this token error with HTTP 200: always read the body of a token response, not only the status \
             (Zoho Accounts: Get access and refresh tokens; the setup guide admins follow says otherwise)."
                .into(),
        );
    }
    if out.code == "Access Denied" || (out.family == Family::TokenEndpoint && status == Some(429)) {
        out.notes.push(
            "The token throttle answers with a JSON body (HTTP 400 or 200), not HTTP 429 (Zoho Accounts: OAuth token \
             limits; the setup guide admins follow says 429)."
                .into(),
        );
    }
    if out.family == Family::Analytics {
        out.notes.push(
            "The setup guide admins follow lists this as a CRM code; it is a Zoho Analytics code (Zoho Analytics \
                   API: Common error codes)."
                .into(),
        );
    }
    out
}

fn from_status(status: Option<u16>, text: &str) -> Explanation {
    let Some(status) = status else {
        let mut out = base(String::new(), None);
        out.title = "Nothing recognisable".into();
        let shown: String = text.chars().take(80).collect();
        out.likely_causes = vec![Cause {
            id: CauseId::Unknown,
            explanation: if shown.is_empty() {
                "No status and no body were given.".into()
            } else {
                format!("The body names no known Zoho error code: \"{shown}\".")
            },
        }];
        out.fixes = vec!["Give the HTTP status and the whole response body.".into()];
        return out;
    };
    let mut out = base(format!("HTTP {status}"), Some(status));
    match catalog::http_status(status) {
        Some(entry) => fill(&mut out, &entry),
        None => {
            out.title = format!("Unrecognised HTTP status {status}");
            out.likely_causes = vec![Cause {
                id: CauseId::Unknown,
                explanation: format!("HTTP {status} is not among the statuses Zoho CRM documents."),
            }];
            out.fixes = vec!["Read the response body for Zoho's code and message.".into()];
        }
    }
    if !text.is_empty() {
        out.notes
            .push("The body is not JSON and names no known Zoho code; the explanation rests on the status.".into());
    }
    out
}

fn is_error_item(item: &Value) -> bool {
    let status = item.get("status").and_then(Value::as_str);
    let code = item.get("code").and_then(Value::as_str);
    status == Some("error") || (code.is_some() && code != Some("SUCCESS") && status != Some("success"))
}

fn code_of(value: &Value) -> Option<String> {
    match value {
        Value::String(s) if !s.trim().is_empty() => Some(s.trim().to_string()),
        Value::Number(n) => Some(n.to_string()),
        _ => None,
    }
}

fn message_of(object: &Value) -> Option<String> {
    ["message", "error_description", "errorMessage", "summary"]
        .iter()
        .find_map(|k| object.get(*k).and_then(Value::as_str))
        .map(str::to_string)
}

fn find_error(value: &Value) -> Option<Found<'_>> {
    if let Some(items) = value.as_array() {
        return find_in_items(items);
    }
    let object = value.as_object()?;
    if let Some(error) = object.get("error") {
        if let Some(code) = code_of(error) {
            return Some(Found { code, message: message_of(value), details: None, item: None, others: Vec::new() });
        }
        if error.is_object() {
            if let Some(found) = find_error(error) {
                return Some(found);
            }
        }
    }
    if let Some(code) = object.get("errorCode").and_then(code_of) {
        return Some(Found { code, message: message_of(value), details: None, item: None, others: Vec::new() });
    }
    if let Some(code) = object.get("code").and_then(code_of) {
        if code != "SUCCESS" || !object.contains_key("data") {
            return Some(Found {
                code,
                message: message_of(value),
                details: object.get("details"),
                item: None,
                others: Vec::new(),
            });
        }
    }
    for key in ["data", "response", "result"] {
        match object.get(key) {
            Some(Value::Array(items)) => {
                if let Some(found) = find_in_items(items) {
                    return Some(found);
                }
            }
            Some(inner @ Value::Object(_)) => {
                if let Some(found) = find_error(inner) {
                    return Some(found);
                }
            }
            _ => {}
        }
    }
    None
}

fn find_in_items(items: &[Value]) -> Option<Found<'_>> {
    let mut errors = items.iter().enumerate().filter(|(_, item)| is_error_item(item));
    let Some((index, first)) = errors.next() else {
        // Every item succeeded: report the first item's code (SUCCESS).
        let first = items.first()?;
        let code = first.get("code").and_then(code_of)?;
        return Some(Found { code, message: message_of(first), details: None, item: Some(0), others: Vec::new() });
    };
    let others = errors
        .filter_map(|(i, item)| {
            Some(ItemError {
                index: i,
                code: item.get("code").and_then(code_of)?,
                field: item.get("details").and_then(|d| d.get("api_name")).and_then(Value::as_str).map(str::to_string),
                message: message_of(item),
            })
        })
        .collect();
    Some(Found {
        code: first.get("code").and_then(code_of).unwrap_or_else(|| "error".into()),
        message: message_of(first),
        details: first.get("details"),
        item: Some(index),
        others,
    })
}

/// Finds a known code in a non-JSON body: the first code word in the text (numbers only when the text is just
/// the number).
fn find_in_text(text: &str) -> Option<Found<'static>> {
    if text.is_empty() {
        return None;
    }
    let bare = text.trim();
    if bare.chars().all(|c| c.is_ascii_digit() || c == '.') {
        return Some(Found { code: bare.to_string(), message: None, details: None, item: None, others: Vec::new() });
    }
    let mut best: Option<(usize, &'static str)> = None;
    for entry in catalog::ENTRIES.iter().filter(|e| !e.code.starts_with(|c: char| c.is_ascii_digit())) {
        if entry.code == "SUCCESS" {
            continue;
        }
        if let Some(pos) = find_word(text, entry.code) {
            if best.is_none_or(|(p, _)| pos < p) {
                best = Some((pos, entry.code));
            }
        }
    }
    best.map(|(_, code)| Found { code: code.to_string(), message: None, details: None, item: None, others: Vec::new() })
}

fn find_word(text: &str, word: &str) -> Option<usize> {
    let is_word = |c: char| c.is_ascii_alphanumeric() || c == '_';
    let mut start = 0;
    while let Some(rel) = text.get(start..)?.find(word) {
        let pos = start + rel;
        let before = text.get(..pos).and_then(|t| t.chars().next_back());
        let after = text.get(pos + word.len()..).and_then(|t| t.chars().next());
        if !before.is_some_and(is_word) && !after.is_some_and(is_word) {
            return Some(pos);
        }
        start = pos + word.len();
    }
    None
}

fn detect_dc(text: Option<&str>) -> Option<DataCenterId> {
    let text = text.map(str::trim).filter(|t| !t.is_empty())?;
    text.parse::<DataCenterId>().ok().or_else(|| data_center::detect(text).data_center)
}

fn dc_name(id: DataCenterId) -> String {
    format!("{id} ({})", data_center::lookup(id).accounts_server.value.trim_start_matches("https://"))
}

/// Puts the cause `id` first with the context's own words — only when the error's catalog entry lists that cause:
/// the context reorders the causes that can produce this error, it never adds one that cannot (a missing
/// `access_type=offline` does not cause `invalid_client`). Otherwise the words become a note. Returns whether the
/// cause was listed.
fn move_first(out: &mut Explanation, id: CauseId, explanation: String) -> bool {
    let Some(pos) = out.likely_causes.iter().position(|c| c.id == id) else {
        out.notes.push(format!("Also seen in the context (not a cause of {}): {explanation}", out.code));
        return false;
    };
    out.likely_causes.remove(pos);
    out.likely_causes.insert(0, Cause { id, explanation });
    true
}

fn apply_context(out: &mut Explanation, context: &ExplainContext) {
    let config = context.config.as_ref();
    let authorize_url = context.authorize_url.as_deref().or_else(|| config.and_then(|c| c.authorize_url.as_deref()));
    // The data center the failing request was built for: the context's own words first, then the config's endpoints
    // (its URLs say where its client and tokens live), then the config's data center when it gives no URL.
    let config_dc = detect_dc(context.data_center.as_deref())
        .or_else(|| detect_dc(context.token_url.as_deref()))
        .or_else(|| detect_dc(context.authorize_url.as_deref()))
        .or_else(|| config.and_then(|c| detect_dc(c.token_url.as_deref())))
        .or_else(|| config.and_then(|c| detect_dc(c.authorize_url.as_deref())))
        .or_else(|| config.and_then(|c| detect_dc(c.refresh_url.as_deref())))
        .or_else(|| config.and_then(|c| c.data_center()));
    // Where the account lives: what Zoho's redirect or the admin said; last, the config's `dataCenter` as the admin
    // typed it ("Data center (yours)" on the form), never one guessed from its URLs.
    let account_dc = detect_dc(context.account_data_center.as_deref())
        .or_else(|| detect_dc(context.location.as_deref()))
        .or_else(|| detect_dc(context.accounts_server.as_deref()))
        .or_else(|| detect_dc(context.redirect_url.as_deref()))
        .or_else(|| config.and_then(|c| detect_dc(c.data_center.as_deref())));
    let request_dc = detect_dc(context.request_url.as_deref());
    let auth_like = matches!(
        out.code.as_str(),
        "invalid_client"
            | "invalid_client_secret"
            | "invalid_code"
            | "INVALID_TOKEN"
            | "AUTHENTICATION_FAILURE"
            | "AUTHENTICATION_FAILED"
            | "INVALID_OAUTHTOKEN"
            | "HTTP 401"
    );

    // A refresh that fails with invalid_code: the refresh token is gone, not a grant code.
    if out.code == "invalid_code" && context.request == Some(crate::token::RequestKind::Refresh) {
        if let Some(pos) = out.likely_causes.iter().position(|c| c.id == CauseId::TokenRevoked) {
            let cause = out.likely_causes.remove(pos);
            out.likely_causes.insert(0, cause);
        }
    }
    // Authorized without access_type=offline: the token dies after an hour and cannot be refreshed.
    if let Some(url) = authorize_url {
        let offline = crate::url_text::parse(url)
            .map(|u| u.query_pairs().any(|(k, v)| k == "access_type" && v == "offline"))
            .unwrap_or(false);
        if !offline && auth_like {
            move_first(
                out,
                CauseId::MissingOfflineAccess,
                "The config's authorize URL has no access_type=offline: Zoho issued no refresh token, so the \
                 connection stops working after one hour."
                    .into(),
            );
        }
    }
    if auth_like {
        let pair = match (config_dc, account_dc, request_dc) {
            (Some(c), Some(a), _) if c != a => Some((c, a, "the config")),
            (_, Some(a), Some(r)) if r != a => Some((r, a, "the request")),
            _ => None,
        };
        if let Some((used, account, what)) = pair {
            let listed = move_first(
                out,
                CauseId::WrongDataCenter,
                format!(
                    "{what} uses data center {} but the account lives in {}: tokens and clients of one data center \
                     are not valid in another.",
                    dc_name(used),
                    dc_name(account)
                ),
            );
            let at = if listed { 0 } else { out.fixes.len() };
            out.fixes.insert(
                at,
                format!(
                    "Use the {} endpoints: {} for OAuth and the api_domain of its token response for API calls.",
                    account,
                    data_center::lookup(account).accounts_server.value
                ),
            );
        } else if let (Some(c), Some(_)) = (config_dc, account_dc) {
            // Both on the same data center: the data center is not the cause.
            if let Some(pos) = out.likely_causes.iter().position(|x| x.id == CauseId::WrongDataCenter) {
                let mut cause = out.likely_causes.remove(pos);
                cause.explanation.push_str(&format!(" (Unlikely here: config and account are both on {c}.)"));
                out.likely_causes.push(cause);
            }
        }
    }
    if out.code == "OAUTH_SCOPE_MISMATCH" {
        let scopes = match (&context.scopes, config) {
            (Some(scopes), _) => scopes.to_list(),
            (None, Some(config)) => config.scope_list(),
            (None, None) => Vec::new(),
        };
        if let Some(old) = scopes.iter().find(|s| s.to_ascii_lowercase().starts_with("zohocrm.modules.activities")) {
            if let Some(cause) = out.likely_causes.iter_mut().find(|c| c.id == CauseId::ScopeMissing) {
                cause.explanation = format!(
                    "The config asks for {old}, deprecated since CRM v3: use the Tasks, Events and Calls module scopes."
                );
            }
        } else if !scopes.is_empty() {
            if let Some(cause) = out.likely_causes.iter_mut().find(|c| c.id == CauseId::ScopeMissing) {
                cause.explanation.push_str(&format!(" The config grants: {}.", scopes.join(", ")));
            }
        }
    }
}
