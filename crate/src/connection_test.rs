//! The live connection test: with an access token the admin pastes (never stored), call the CRM and report what
//! happened. The only place the product touches the network, and only when asked.
//!
//! Calls `GET {api_domain}/crm/v8/users?type=CurrentUser` (needs `ZohoCRM.users.READ`) and
//! `GET {api_domain}/crm/v8/org` (needs `ZohoCRM.org.READ`) with `Authorization: Zoho-oauthtoken …`
//! (docs/facts.md §2, §3, §5).
//!
//! The token is sent only to a Zoho CRM API domain of the registry, and the URL is built from the registry's own
//! value, never from the typed text: `apiDomain` must pass [`crate::data_center::registry_api_domain`] (https, the
//! exact host, no user info, port, path, white space or control characters), or the test refuses it with a
//! `test.api_domain_…` finding and sends nothing. A redirect is never followed and is a failure (`test.redirected`,
//! `test.redirected_off_zoho`), so a report is `ok` only when the CRM itself answered.
//!
//! ```
//! use zoho_connector_kit::connection_test::{run, ConnectionTestInput};
//! use zoho_connector_kit::http::*;
//!
//! struct Zoho;
//! impl HttpClient for Zoho {
//!     async fn send(&self, r: HttpRequest) -> Result<HttpResponse, HttpError> {
//!         assert!(r.url.starts_with("https://www.zohoapis.eu/crm/v8/"));
//!         assert_eq!(r.secret_headers[0].1.expose(), "Zoho-oauthtoken 1000.x.y");
//!         let body = r#"{"users":[{"full_name":"Ada","email":"ada@example.com"}]}"#.into();
//!         Ok(HttpResponse { status: 200, body, final_url: None })
//!     }
//!     fn now_ms(&self) -> f64 { 0.0 }
//! }
//! let input: ConnectionTestInput = serde_json::from_str(r#"{"dataCenter":"eu","accessToken":"1000.x.y"}"#).unwrap();
//! let report = futures_lite_block_on(run(&Zoho, &input));
//! assert!(report.ok);
//! # fn futures_lite_block_on<F: std::future::Future>(f: F) -> F::Output {
//! #     let mut f = std::pin::pin!(f);
//! #     let mut cx = std::task::Context::from_waker(std::task::Waker::noop());
//! #     loop { if let std::task::Poll::Ready(v) = f.as_mut().poll(&mut cx) { return v; } }
//! # }
//! ```

use crate::code::Code;
use crate::data_center::{self, DataCenterId, Environment};
use crate::diagnostic::Diagnostic;
use crate::http::{HttpClient, HttpError, HttpRequest};
use crate::secret::Secret;
use serde::{Deserialize, Serialize};

/// The latency the product promises to flag: a call slower than this is reported (issue target, not a Zoho fact).
pub const LATENCY_TARGET_MS: f64 = 2000.0;
/// How long one call may take before it is abandoned.
pub const DEFAULT_TIMEOUT_MS: u32 = 10_000;

const HEADER_SRC: &str = "zoho-crm-python-sdk-8-constants";
const REDIRECT_SRC: &str = "zoho-crm-v8-multi-dc";
const SCOPE_SRC: &str = "zoho-crm-v2-scopes";

/// What the admin gives. The token is a [`Secret`]: it is never printed, serialized or stored.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "camelCase")]
pub struct ConnectionTestInput {
    /// Data center key or any Zoho URL; used when `apiDomain` is absent.
    #[serde(default)]
    pub data_center: Option<String>,
    /// The `api_domain` of the token response (preferred: Zoho says where to call).
    #[serde(default)]
    pub api_domain: Option<String>,
    /// Which environment's API domain to use with `dataCenter` (default production).
    #[serde(default)]
    pub environment: Option<EnvironmentInput>,
    /// The access token.
    #[serde(default)]
    pub access_token: Option<Secret>,
    /// Per-call timeout in milliseconds (default 10,000).
    #[serde(default)]
    pub timeout_ms: Option<u32>,
}

/// The environment named in the input.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum EnvironmentInput {
    /// `www.zohoapis.*`
    Production,
    /// `sandbox.zohoapis.*`
    Sandbox,
    /// `developer.zohoapis.*`
    Developer,
}

/// One call and what came back.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct CallResult {
    /// `currentUser` or `org`.
    pub name: &'static str,
    /// The URL called.
    pub url: String,
    /// The scope the call needs.
    pub scope: &'static str,
    /// HTTP status, when a reply came.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub status: Option<u16>,
    /// Milliseconds from sending to the whole reply (or to the failure).
    pub latency_ms: f64,
    /// Whether the latency is within [`LATENCY_TARGET_MS`].
    pub within_target: bool,
    /// Whether the call succeeded (2xx and no error body).
    pub ok: bool,
    /// The error `code` in the reply body, when there is one (`INVALID_TOKEN`, `invalid_client`, …).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub error_code: Option<String>,
    /// The error body as Zoho sent it (no secrets: Zoho does not echo the token), for the error explainer.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub error_body: Option<String>,
    /// What the reply says, for a successful call (the user's name and email; the organisation's name).
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub seen: Vec<(String, String)>,
}

/// The whole test.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct ConnectionTestReport {
    /// Every call succeeded.
    pub ok: bool,
    /// The API domain called.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub api_domain: Option<String>,
    /// Its data center.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub data_center: Option<DataCenterId>,
    /// The calls, in order.
    pub calls: Vec<CallResult>,
    /// Scopes the replies say are missing.
    pub missing_scopes: Vec<&'static str>,
    /// Findings.
    pub diagnostics: Vec<Diagnostic>,
}

struct Target {
    api_domain: String,
    data_center: Option<DataCenterId>,
}

fn resolve(input: &ConnectionTestInput, out: &mut Vec<Diagnostic>) -> Option<Target> {
    if let Some(api) = input.api_domain.as_deref().filter(|s| !s.trim().is_empty()) {
        // The URL is built from the registry's value, never from the typed text (issue 12).
        let found = match data_center::registry_api_domain(api) {
            Ok(found) => found,
            Err(refusal) => {
                out.push(refusal.diagnostic(data_center::ApiDomainUse::LiveTest, "apiDomain"));
                return None;
            }
        };
        if let Some(dc) = input
            .data_center
            .as_deref()
            .and_then(|dc_text| data_center::detect(dc_text).data_center)
            .filter(|dc| *dc != found.data_center)
        {
            out.push(
                Diagnostic::warning(
                    Code::TestDataCenterMismatch,
                    "dataCenter",
                    format!("The data center is {dc} but the API domain is on {}.", found.data_center),
                )
                .with_fix("Trust api_domain from the token response; fix the data center of the connection.")
                .with_source("zoho-accounts-multi-dc-client-authorization"),
            );
        }
        return Some(Target { api_domain: found.fact.value.to_string(), data_center: Some(found.data_center) });
    }
    let Some(dc_text) = input.data_center.as_deref().map(str::trim).filter(|s| !s.is_empty()) else {
        out.push(
            Diagnostic::error(
                Code::TestMissingTarget,
                "apiDomain",
                "Neither an API domain nor a data center was given.",
            )
            .with_fix("Paste the api_domain of the token response, or choose the data center."),
        );
        return None;
    };
    let found = data_center::detect(dc_text);
    let Some(id) = found.data_center else {
        out.extend(found.diagnostics.into_iter().map(|mut d| {
            d.path = "dataCenter".into();
            d
        }));
        return None;
    };
    let dc = data_center::lookup(id);
    let fact = match input.environment {
        Some(EnvironmentInput::Sandbox) => dc.sandbox_api_domain,
        Some(EnvironmentInput::Developer) => dc.developer_api_domain,
        _ => match found.environment {
            Some(Environment::Sandbox) => dc.sandbox_api_domain,
            Some(Environment::Developer) => dc.developer_api_domain,
            _ => dc.api_domain,
        },
    };
    match fact {
        Some(f) => Some(Target { api_domain: f.value.to_string(), data_center: Some(id) }),
        None => {
            out.push(
                Diagnostic::error(
                    Code::TestNoApiDomain,
                    "environment",
                    format!("No source gives that API domain for {}.", dc.name),
                )
                .with_fix("Paste the api_domain of the token response instead."),
            );
            None
        }
    }
}

/// Runs the test. Never fails: every problem is a finding in the report.
///
/// See the module example.
pub async fn run<H: HttpClient>(http: &H, input: &ConnectionTestInput) -> ConnectionTestReport {
    let mut diagnostics = Vec::new();
    let token = input.access_token.clone().filter(|t| !t.is_empty());
    if token.is_none() {
        diagnostics.push(
            Diagnostic::error(Code::TestMissingToken, "accessToken", "No access token was given.")
                .with_fix("Paste an access token (it is used for this test only and never stored).")
                .with_source(HEADER_SRC),
        );
    }
    let target = resolve(input, &mut diagnostics);
    let (Some(token), Some(target)) = (token, target) else {
        return ConnectionTestReport {
            ok: false,
            api_domain: None,
            data_center: None,
            calls: Vec::new(),
            missing_scopes: Vec::new(),
            diagnostics,
        };
    };
    let timeout_ms = input.timeout_ms.unwrap_or(DEFAULT_TIMEOUT_MS).clamp(500, 60_000);
    let calls_to_make: [(&'static str, &'static str, &'static str); 2] = [
        ("currentUser", "/crm/v8/users?type=CurrentUser", "ZohoCRM.users.READ"),
        ("org", "/crm/v8/org", "ZohoCRM.org.READ"),
    ];
    let mut calls = Vec::new();
    let mut missing_scopes = Vec::new();
    for (name, path, scope) in calls_to_make {
        let request = HttpRequest {
            method: "GET",
            url: format!("{}{path}", target.api_domain),
            headers: vec![("Accept".into(), "application/json".into())],
            secret_headers: vec![(
                "Authorization".into(),
                Secret::new(format!("Zoho-oauthtoken {}", token.expose().trim())),
            )],
            timeout_ms,
        };
        let url = request.url.clone();
        let started = http.now_ms();
        let reply = http.send(request).await;
        let latency_ms = (http.now_ms() - started).max(0.0);
        let within_target = latency_ms <= LATENCY_TARGET_MS;
        let mut call = CallResult {
            name,
            url,
            scope,
            status: None,
            latency_ms,
            within_target,
            ok: false,
            error_code: None,
            error_body: None,
            seen: Vec::new(),
        };
        match reply {
            Err(HttpError::Timeout) => diagnostics.push(
                Diagnostic::error(
                    Code::TestTimeout,
                    name,
                    format!("{} gave no reply within {} seconds.", call.url, timeout_ms / 1000),
                )
                .with_fix("Check the network, then try again; Zoho's status page tells of outages."),
            ),
            Err(HttpError::Network(detail)) => diagnostics.push(
                Diagnostic::error(
                    Code::TestUnreachable,
                    name,
                    format!("{} could not be reached ({detail}).", call.url),
                )
                .with_fix("Check the network and that the API domain is right for the account's data center."),
            ),
            Err(HttpError::Redirect) => diagnostics.push(redirected(name, &call.url, None)),
            Ok(response) if (300..400).contains(&response.status) => {
                call.status = Some(response.status);
                diagnostics.push(redirected(name, &call.url, Some(response.status)));
            }
            Ok(response) if left_the_host(response.final_url.as_deref(), &target.api_domain) => {
                call.status = Some(response.status);
                diagnostics.push(
                    Diagnostic::error(
                        Code::TestRedirectedOffZoho,
                        name,
                        format!(
                            "{} redirected the call to another host ({}), so its answer is not the CRM's.",
                            call.url,
                            host_of(response.final_url.as_deref().unwrap_or_default())
                        ),
                    )
                    .with_fix("Check the API domain and any proxy between this browser and Zoho; the token may have reached that host.")
                    .with_source(REDIRECT_SRC),
                );
            }
            Ok(response) => {
                call.status = Some(response.status);
                let body: Option<serde_json::Value> = serde_json::from_str(&response.body).ok();
                let code = body.as_ref().and_then(error_code);
                let success = (200..300).contains(&response.status) && code.is_none();
                if success {
                    call.ok = true;
                    call.seen = seen(name, body.as_ref());
                } else {
                    call.error_body = Some(response.body.chars().take(4000).collect());
                    if code.as_deref() == Some("OAUTH_SCOPE_MISMATCH") {
                        missing_scopes.push(scope);
                        diagnostics.push(
                            Diagnostic::error(
                                Code::TestScopeMissing,
                                name,
                                format!("The token lacks the scope {scope}, which {} needs.", call.url),
                            )
                            .with_fix(format!("Add {scope} to the connection's scopes and authorize again."))
                            .with_source(SCOPE_SRC),
                        );
                    } else {
                        let shown = code.clone().unwrap_or_else(|| format!("HTTP {}", response.status));
                        let sent_200 = (200..300).contains(&response.status) && code.is_some();
                        let message = if sent_200 {
                            format!("Zoho answered HTTP {} but the body is the error {shown}.", response.status)
                        } else {
                            format!("{} answered {shown} (HTTP {}).", call.url, response.status)
                        };
                        diagnostics.push(
                            Diagnostic::error(Code::TestCallFailed, name, message)
                                .with_fix("See the explanation of the error below.")
                                .with_source("zoho-crm-oas"),
                        );
                    }
                    call.error_code = code;
                }
            }
        }
        if !within_target && call.status.is_some() {
            diagnostics.push(
                Diagnostic::warning(
                    Code::TestSlow,
                    name,
                    format!("{} took {:.0} ms, over the 2-second target.", call.url, latency_ms),
                )
                .with_fix("Try again; if it stays slow, calls from Deluge may hit their time limits."),
            );
        }
        calls.push(call);
    }
    let ok = calls.iter().all(|c| c.ok);
    ConnectionTestReport {
        ok,
        api_domain: Some(target.api_domain),
        data_center: target.data_center,
        calls,
        missing_scopes,
        diagnostics,
    }
}

/// A reply that is a redirect: never followed, always a failure (issue 12).
fn redirected(name: &str, url: &str, status: Option<u16>) -> Diagnostic {
    let status = status.map(|s| format!(" (HTTP {s})")).unwrap_or_default();
    Diagnostic::error(
        Code::TestRedirected,
        name,
        format!(
            "{url} answered with a redirect{status}. Zoho's API answers these calls directly, so the test does not \
             follow it: the token is only ever sent to the API domain itself."
        ),
    )
    .with_fix(
        "Check the API domain (take api_domain from the token response) and any proxy between this browser and Zoho.",
    )
    .with_source(REDIRECT_SRC)
}

/// Whether a client that followed a redirect ended on a host other than the API domain's.
fn left_the_host(final_url: Option<&str>, api_domain: &str) -> bool {
    final_url.is_some_and(|u| host_of(u) != host_of(api_domain))
}

/// The host of a URL, lower case; empty when it has none (so it never equals a real host).
fn host_of(url: &str) -> String {
    crate::url_text::parse(url).ok().and_then(|u| u.host_str().map(str::to_ascii_lowercase)).unwrap_or_default()
}

/// The error code of a Zoho reply body: CRM `code` with `status: "error"`, or the token endpoint's `error`.
fn error_code(body: &serde_json::Value) -> Option<String> {
    let text = |v: &serde_json::Value| v.as_str().map(str::to_string);
    if body.get("status").and_then(|s| s.as_str()) == Some("error") {
        return body.get("code").and_then(text).or_else(|| Some("error".into()));
    }
    if let Some(e) = body.get("error").and_then(text) {
        return Some(e);
    }
    // Multi-record replies put the error in data[0].
    let first = body.get("data").and_then(|d| d.get(0))?;
    (first.get("status").and_then(|s| s.as_str()) == Some("error")).then(|| first.get("code").and_then(text))?
}

fn seen(name: &str, body: Option<&serde_json::Value>) -> Vec<(String, String)> {
    let (list, keys): (&str, &[&str]) = match name {
        "currentUser" => ("users", &["full_name", "email"]),
        _ => ("org", &["company_name", "id"]),
    };
    let Some(first) = body.and_then(|b| b.get(list)).and_then(|l| l.get(0)) else {
        return Vec::new();
    };
    keys.iter()
        .filter_map(|k| first.get(*k).and_then(|v| v.as_str()).map(|v| ((*k).to_string(), v.to_string())))
        .collect()
}
