//! The live connection test against an in-memory Zoho that asserts every request (no network). Runs natively and
//! in headless Chromium.
#![allow(clippy::unwrap_used, clippy::expect_used)] // tests: a panic is the failure report

#[cfg(target_arch = "wasm32")]
use wasm_bindgen_test::wasm_bindgen_test as test;

use std::cell::{Cell, RefCell};
use zoho_connector_kit::connection_test::{run, ConnectionTestInput, ConnectionTestReport};
use zoho_connector_kit::http::{HttpClient, HttpError, HttpRequest, HttpResponse};
use zoho_connector_kit::token::parse_token_response;

/// One scripted reply: the path it answers, what it answers, and how long it takes.
type Scripted = (&'static str, Result<(u16, &'static str), HttpError>, f64);

/// Answers from a script keyed by path; each call advances the clock by its latency.
struct MockZoho {
    replies: Vec<Scripted>,
    clock: Cell<f64>,
    seen: RefCell<Vec<HttpRequest>>,
}

impl HttpClient for MockZoho {
    async fn send(&self, request: HttpRequest) -> Result<HttpResponse, HttpError> {
        let (_, reply, latency) = self
            .replies
            .iter()
            .find(|(path, _, _)| request.url.contains(path))
            .unwrap_or_else(|| panic!("unexpected request to {}", request.url));
        self.clock.set(self.clock.get() + latency);
        self.seen.borrow_mut().push(request);
        reply.clone().map(|(status, body)| HttpResponse { status, body: body.to_string(), final_url: None })
    }
    fn now_ms(&self) -> f64 {
        self.clock.get()
    }
}

fn mock(replies: Vec<Scripted>) -> MockZoho {
    MockZoho { replies, clock: Cell::new(0.0), seen: RefCell::new(Vec::new()) }
}

fn block_on<F: std::future::Future>(f: F) -> F::Output {
    let mut f = std::pin::pin!(f);
    let mut cx = std::task::Context::from_waker(std::task::Waker::noop());
    loop {
        if let std::task::Poll::Ready(v) = f.as_mut().poll(&mut cx) {
            return v;
        }
    }
}

fn input(json: &str) -> ConnectionTestInput {
    serde_json::from_str(json).unwrap()
}

fn codes(report: &ConnectionTestReport) -> Vec<&str> {
    report.diagnostics.iter().map(|d| d.code.as_str()).collect()
}

const USER: &str = r#"{"users":[{"full_name":"Ada Lovelace","email":"ada@example.com","id":"4150868000000225013"}]}"#;
const ORG: &str = r#"{"org":[{"company_name":"Analytical Engines Ltd","id":"4150868000000000001"}]}"#;
const TOKEN: &str = "1000.8c4b6f0f2d1e4a1b9c7d3e5f6a7b8c9d.0a1b2c3d4e5f60718293a4b5c6d7e8f9";

#[test]
fn success_sends_the_zoho_header_to_the_api_domain_and_reads_the_user() {
    let zoho = mock(vec![("/users?type=CurrentUser", Ok((200, USER)), 180.0), ("/org", Ok((200, ORG)), 120.0)]);
    let report = block_on(run(
        &zoho,
        &input(&format!(r#"{{"apiDomain":"https://www.zohoapis.com.au","accessToken":"{TOKEN}"}}"#)),
    ));
    assert!(report.ok, "{report:?}");
    assert_eq!(codes(&report), Vec::<&str>::new());
    let seen = zoho.seen.borrow();
    assert_eq!(seen[0].url, "https://www.zohoapis.com.au/crm/v8/users?type=CurrentUser");
    assert_eq!(seen[1].url, "https://www.zohoapis.com.au/crm/v8/org");
    assert_eq!(seen[0].secret_headers[0].0, "Authorization");
    assert_eq!(seen[0].secret_headers[0].1.expose(), format!("Zoho-oauthtoken {TOKEN}"));
    assert_eq!(report.calls[0].latency_ms, 180.0);
    assert!(report.calls.iter().all(|c| c.within_target));
    assert!(report.calls[0].seen.contains(&("email".to_string(), "ada@example.com".to_string())));
    // The token never appears in the report.
    assert!(!serde_json::to_string(&report).unwrap().contains("8c4b6f0f"));
}

#[test]
fn expired_token_is_reported_with_the_code() {
    let body = r#"{"code":"INVALID_TOKEN","details":{},"message":"invalid oauth token","status":"error"}"#;
    let zoho = mock(vec![("/users", Ok((401, body)), 90.0), ("/org", Ok((401, body)), 80.0)]);
    let report = block_on(run(&zoho, &input(&format!(r#"{{"dataCenter":"eu","accessToken":"{TOKEN}"}}"#))));
    assert!(!report.ok);
    assert_eq!(report.calls[0].status, Some(401));
    assert_eq!(report.calls[0].error_code.as_deref(), Some("INVALID_TOKEN"));
    assert_eq!(codes(&report), ["test.call_failed", "test.call_failed"]);
    assert_eq!(report.api_domain.as_deref(), Some("https://www.zohoapis.eu"));
}

#[test]
fn scope_mismatch_names_the_missing_scope() {
    let mismatch = r#"{"code":"OAUTH_SCOPE_MISMATCH","details":{},"message":"invalid oauth scope to access this URL","status":"error"}"#;
    let zoho = mock(vec![("/users", Ok((200, USER)), 100.0), ("/org", Ok((401, mismatch)), 100.0)]);
    let report = block_on(run(&zoho, &input(&format!(r#"{{"dataCenter":"in","accessToken":"{TOKEN}"}}"#))));
    assert_eq!(report.missing_scopes, ["ZohoCRM.org.READ"]);
    assert_eq!(codes(&report), ["test.scope_missing"]);
    assert!(report.calls[0].ok && !report.calls[1].ok);
}

#[test]
fn http_200_with_an_error_body_is_a_failure() {
    let body = r#"{"error":"invalid_code"}"#;
    let zoho = mock(vec![("/users", Ok((200, body)), 50.0), ("/org", Ok((200, ORG)), 50.0)]);
    let report = block_on(run(&zoho, &input(&format!(r#"{{"dataCenter":"us","accessToken":"{TOKEN}"}}"#))));
    assert!(!report.calls[0].ok);
    assert_eq!(report.calls[0].error_code.as_deref(), Some("invalid_code"));
    assert!(report.diagnostics[0].message.contains("HTTP 200"), "{}", report.diagnostics[0].message);
}

#[test]
fn slow_reply_is_flagged_against_the_two_second_target() {
    let zoho = mock(vec![("/users", Ok((200, USER)), 2600.0), ("/org", Ok((200, ORG)), 300.0)]);
    let report = block_on(run(&zoho, &input(&format!(r#"{{"dataCenter":"jp","accessToken":"{TOKEN}"}}"#))));
    assert!(report.ok);
    assert!(!report.calls[0].within_target && report.calls[1].within_target);
    assert_eq!(codes(&report), ["test.slow"]);
}

#[test]
fn dropped_connection_and_timeout_are_findings() {
    let zoho = mock(vec![
        ("/users", Err(HttpError::Network("connection reset".into())), 10.0),
        ("/org", Err(HttpError::Timeout), 10_000.0),
    ]);
    let report = block_on(run(&zoho, &input(&format!(r#"{{"dataCenter":"ca","accessToken":"{TOKEN}"}}"#))));
    assert_eq!(codes(&report), ["test.unreachable", "test.timeout"]);
    assert_eq!(zoho.seen.borrow()[0].url, "https://www.zohoapis.ca/crm/v8/users?type=CurrentUser");
}

#[test]
fn token_is_never_sent_outside_zoho_api_domains() {
    for api in [
        "https://evil.example",
        "https://accounts.zoho.com",
        "https://www.zohoapis.com.evil.example",
        "https://zohoapis.eu.attacker.test",
    ] {
        let zoho = mock(vec![]);
        let report = block_on(run(&zoho, &input(&format!(r#"{{"apiDomain":"{api}","accessToken":"{TOKEN}"}}"#))));
        assert!(zoho.seen.borrow().is_empty(), "{api}");
        assert_eq!(codes(&report), ["test.api_domain_not_zoho"], "{api}");
    }
}

#[test]
fn missing_token_and_target_send_nothing() {
    let zoho = mock(vec![]);
    let report = block_on(run(&zoho, &input("{}")));
    assert_eq!(codes(&report), ["test.missing_token", "test.missing_target"]);
    assert!(zoho.seen.borrow().is_empty());
}

#[test]
fn sandbox_environment_and_dc_mismatch() {
    let zoho = mock(vec![("/users", Ok((200, USER)), 1.0), ("/org", Ok((200, ORG)), 1.0)]);
    let report = block_on(run(
        &zoho,
        &input(&format!(r#"{{"dataCenter":"eu","environment":"sandbox","accessToken":"{TOKEN}"}}"#)),
    ));
    assert_eq!(report.api_domain.as_deref(), Some("https://sandbox.zohoapis.eu"));
    let zoho = mock(vec![("/users", Ok((200, USER)), 1.0), ("/org", Ok((200, ORG)), 1.0)]);
    let report = block_on(run(
        &zoho,
        &input(&format!(r#"{{"dataCenter":"eu","apiDomain":"https://www.zohoapis.com","accessToken":"{TOKEN}"}}"#)),
    ));
    assert_eq!(codes(&report), ["test.data_center_mismatch"]);
}

/// The live test's refusal codes and their twins for a token response's `api_domain`.
const TOKEN_TWIN: &[(&str, &str)] = &[
    ("test.api_domain_invalid_character", "token.api_domain_invalid_character"),
    ("test.api_domain_not_url", "token.api_domain_not_url"),
    ("test.api_domain_not_https", "token.api_domain_not_https"),
    ("test.api_domain_user_info", "token.api_domain_user_info"),
    ("test.api_domain_port", "token.api_domain_port"),
    ("test.api_domain_not_origin", "token.api_domain_not_origin"),
    ("test.api_domain_not_zoho", "token.api_domain_not_zoho"),
];

/// Issue 12: every value of the attack table is refused with the expected finding, or sent to exactly the registry
/// host (the request the mock receives is asserted, to the byte); the token never reaches another host.
#[test]
fn api_domain_attack_table_is_refused_or_sent_to_the_registry_host() {
    let table: Vec<serde_json::Value> =
        serde_json::from_str(include_str!("data/connection-test/api-domain-attacks.json")).unwrap();
    assert!(table.len() >= 50);
    for row in &table {
        let api = row["input"].as_str().unwrap();
        let expect = row["expect"].as_str().unwrap();
        let zoho = mock(vec![("/users?type=CurrentUser", Ok((200, USER)), 1.0), ("/org", Ok((200, ORG)), 1.0)]);
        let given = ConnectionTestInput {
            api_domain: Some(api.to_string()),
            access_token: Some(zoho_connector_kit::Secret::new(TOKEN)),
            ..Default::default()
        };
        let report = block_on(run(&zoho, &given));
        let urls: Vec<String> = zoho.seen.borrow().iter().map(|r| r.url.clone()).collect();
        if let Some(host) = expect.strip_prefix("sent:") {
            assert_eq!(
                urls,
                [format!("https://{host}/crm/v8/users?type=CurrentUser"), format!("https://{host}/crm/v8/org")],
                "{api:?}"
            );
            assert!(report.ok, "{api:?}: {report:?}");
            assert_eq!(report.api_domain.as_deref(), Some(format!("https://{host}").as_str()), "{api:?}");
        } else {
            let code = expect.strip_prefix("refused:").unwrap();
            assert!(urls.is_empty(), "{api:?} sent {urls:?}");
            assert!(!report.ok);
            assert_eq!(codes(&report), [code], "{api:?}");
            // The same value as a token response's api_domain is flagged with the token-area twin of that code.
            let body = serde_json::json!({ "access_token": "1000.a.b", "api_domain": api, "expires_in": 3600 });
            let parsed = parse_token_response(&serde_json::from_value(serde_json::json!({ "body": body })).unwrap());
            let token_code = TOKEN_TWIN.iter().find(|(t, _)| *t == code).map(|(_, k)| *k).unwrap();
            assert!(
                parsed.diagnostics.iter().any(|d| d.code == token_code && d.path == "body.api_domain"),
                "{api:?}: {:?}",
                parsed.diagnostics
            );
            let d = &report.diagnostics[0];
            assert_eq!(d.path, "apiDomain");
            assert!(!d.fix.is_empty() && d.source.is_some(), "{api:?}");
            // The finding never repeats control characters of the value.
            assert!(!d.message.chars().any(char::is_control), "{api:?}: {}", d.message);
        }
    }
}

/// Replies whose status is a redirect, and a client that followed a redirect to another host.
struct Redirecting {
    status: u16,
    final_url: Option<&'static str>,
    error: Option<HttpError>,
}

impl HttpClient for Redirecting {
    async fn send(&self, _: HttpRequest) -> Result<HttpResponse, HttpError> {
        if let Some(e) = &self.error {
            return Err(e.clone());
        }
        let body = if self.status == 200 { USER.to_string() } else { String::new() };
        Ok(HttpResponse { status: self.status, body, final_url: self.final_url.map(str::to_string) })
    }
    fn now_ms(&self) -> f64 {
        0.0
    }
}

#[test]
fn a_redirect_is_a_failure_never_ok() {
    let eu = input(&format!(r#"{{"apiDomain":"https://www.zohoapis.eu","accessToken":"{TOKEN}"}}"#));
    for (client, code) in [
        (Redirecting { status: 302, final_url: None, error: None }, "test.redirected"),
        (Redirecting { status: 307, final_url: None, error: None }, "test.redirected"),
        (Redirecting { status: 200, final_url: None, error: Some(HttpError::Redirect) }, "test.redirected"),
        (
            Redirecting { status: 200, final_url: Some("https://evil.example/crm/v8/org"), error: None },
            "test.redirected_off_zoho",
        ),
        (Redirecting { status: 200, final_url: Some("not a url"), error: None }, "test.redirected_off_zoho"),
    ] {
        let report = block_on(run(&client, &eu));
        assert!(!report.ok, "{code}: {report:?}");
        assert_eq!(codes(&report), [code, code]);
        assert!(report.calls.iter().all(|c| !c.ok));
    }
    // A redirect that stays on the API host (a client that followed it) is the CRM's answer.
    let same = Redirecting { status: 200, final_url: Some("https://WWW.zohoapis.eu/crm/v8/x"), error: None };
    assert!(block_on(run(&same, &eu)).ok);
}
