//! The fuzz harnesses: one function per cargo-fuzz target (`fuzz/fuzz_targets/*.rs` include this file) and per
//! regression file (`crate/tests/fuzz_regressions.rs` runs every file of `data/fuzz-regressions/` through the
//! function its name starts with). Each panics only when an invariant breaks; bad input must give findings.
#![allow(dead_code)] // each fuzz target uses one function

use serde::Deserialize;
use serde_json::Value;
use std::cell::RefCell;
use zoho_connector_kit::connection::{assist::assist, ConnectionConfigInput};
use zoho_connector_kit::connection_test::{run as run_connection_test, ConnectionTestInput, EnvironmentInput};
use zoho_connector_kit::data_center::{detect, list, registry_api_domain};
use zoho_connector_kit::deluge::coql::{build_coql, CoqlQuery};
use zoho_connector_kit::deluge::format::{format_deluge_with, FormatOptions, Layout};
use zoho_connector_kit::deluge::generate::{invoke_url_snippet, InvokeUrlSpec};
use zoho_connector_kit::deluge::lexer::{lex, TokenKind};
use zoho_connector_kit::deluge::record_call::{generate_record_call, RecordCallSpec};
use zoho_connector_kit::deluge::{check_deluge, coql::check_coql};
use zoho_connector_kit::field::{builtin, CrmSchemaInput};
use zoho_connector_kit::http::{HttpClient, HttpError, HttpRequest, HttpResponse};
use zoho_connector_kit::input::parse_json_text;
use zoho_connector_kit::input::parse_json_value;
use zoho_connector_kit::mapping::{apply_mapping_to_json, generate_mapping_deluge};
use zoho_connector_kit::token::{check_throttle, ThrottleInput};
use zoho_connector_kit::webhook::{validate_webhook, WebhookInput};
use zoho_connector_kit::Secret;
use zoho_connector_kit::{
    apply_mapping, build_authorization_url, build_token_requests, explain_error, parse_token_response,
    validate_connection, validate_mapping, AuthorizationInput, Diagnostic, ExplainInput, FieldMapping,
    TokenRequestInput, TokenResponseInput,
};

/// Runs the harness named by `target` (a fuzz target name, or the prefix of a regression file name).
pub fn run(target: &str, data: &[u8]) -> bool {
    let text = std::str::from_utf8(data);
    match (target, text) {
        ("connection_config", Ok(t)) => connection_config(t),
        ("mapping", Ok(t)) => mapping(t),
        ("mapping_json", Ok(t)) => mapping_json(t),
        ("deluge", Ok(t)) => deluge(t),
        ("data_center", Ok(t)) => data_center(t),
        ("throttle", Ok(t)) => throttle(t),
        ("explain", _) => explain(data),
        ("live_test", _) => live_test(data),
        ("surfaces", _) => surfaces(data),
        _ => return false,
    }
    true
}

/// Connection config JSON text → `validate_connection`, the overlay's `assist`, and the token requests built
/// from it.
pub fn connection_config(text: &str) {
    let Ok(config) = parse_json_text::<ConnectionConfigInput>(text) else { return };
    let _ = validate_connection(&config);
    let _ = assist(&config);
    let _ = build_token_requests(&TokenRequestInput { config: Some(config), ..Default::default() });
}

#[derive(Deserialize)]
struct MappingCase {
    #[serde(default)]
    crm: Option<Value>,
    #[serde(default)]
    mapping: Option<Value>,
    #[serde(default)]
    records: Option<Vec<Value>>,
}

/// A mapping case as in `data/mapping/*.json` (`{"crm": …, "mapping": …, "records": […]}`) → `validate_mapping`,
/// `apply_mapping`, `generate_mapping_deluge`. Every record is sent or skipped, batches hold at most 100 records,
/// and the generated Deluge has no error finding.
pub fn mapping(text: &str) {
    let Ok(case) = serde_json::from_str::<MappingCase>(text) else { return };
    let Some(mapping) = case.mapping.and_then(|m| parse_json_value::<FieldMapping>(m).ok()) else { return };
    let schema = case
        .crm
        .and_then(|c| parse_json_value::<CrmSchemaInput>(c).ok())
        .and_then(|c| c.resolve().ok())
        .map(|(s, _)| s);
    let Some(schema) = schema.or_else(|| builtin::schema("Leads")) else { return };
    let _ = validate_mapping(&mapping, &schema, None);
    let records = case.records.unwrap_or_default();
    let preview = apply_mapping(&mapping, &schema, &records);
    assert_eq!(preview.sent.len() + preview.skipped.len(), records.len());
    assert!(preview.batches.iter().all(|b| b["data"].as_array().is_some_and(|d| d.len() <= 100)));
    let out = generate_mapping_deluge(&mapping, &schema, "https://www.zohoapis.com", "zoho_crm");
    if let Some(deluge) = out.deluge {
        let found = check_deluge(&deluge);
        assert!(!Diagnostic::has_errors(&found), "generated Deluge fails the checker:\n{deluge}\n{found:#?}");
    }
}

/// A mapping that reaches every kind of value the records reader meets: short keys a fuzzer finds, nested paths
/// and array items, and each transform that reads numbers, dates, booleans and text.
const MAPPING_JSON_SPEC: &str = r#"{"module": "Leads", "fields": [
  {"source": "a", "target": "Last_Name", "transforms": [{"op": "trim"}, {"op": "case", "to": "upper"}]},
  {"source": "b", "target": "Annual_Revenue", "transforms": [{"op": "parseNumber", "groupSeparator": ","}]},
  {"source": "c", "target": "No_of_Employees"},
  {"source": "d", "target": "Email_Opt_Out", "transforms": [{"op": "parseBoolean"}]},
  {"source": "e.f", "target": "Email", "transforms": [{"op": "trim"}, {"op": "case", "to": "lower"}]},
  {"source": "g[0]", "target": "Phone"},
  {"source": "a", "target": "Description", "transforms": [{"op": "concat", "with": ["b", "e.f"], "separator": " "}]},
  {"source": "h", "target": "Lead_Source", "transforms": [{"op": "valueMap", "map": {"x": "Web", "1": "Partner"}}]},
  {"source": "i", "target": "Website", "transforms": [{"op": "default", "value": "https://example.com"}]},
  {"source": "j", "target": "Company", "transforms": [{"op": "formatDate", "format": "yyyy-MM-dd"}]},
  {"source": "b", "target": "First_Name", "transforms": [{"op": "parseNumber"}, {"op": "formatNumber", "decimalPlaces": 1}]}
]}"#;

/// Records as JSON text → `apply_mapping_to_json` (its own fast reader and writer) against serde_json's reader and
/// `apply_mapping`: the same answer text to the byte, or the same finding.
pub fn mapping_json(text: &str) {
    let mapping: FieldMapping = parse_json_text(MAPPING_JSON_SPEC).unwrap();
    let Some(schema) = builtin::schema("Leads") else { return };
    let fast = apply_mapping_to_json(&mapping, &schema, text);
    let slow = parse_json_text::<Vec<Value>>(text)
        .map(|records| serde_json::to_string(&apply_mapping(&mapping, &schema, &records)).unwrap());
    match (fast, slow) {
        (Ok(fast), Ok(slow)) => assert_eq!(fast, slow, "records {text:?}"),
        (Err(fast), Err(slow)) => assert_eq!(fast.diagnostic, slow.diagnostic, "records {text:?}"),
        (fast, slow) => panic!("records {text:?}: the fast path says {fast:?}, serde_json says {slow:?}"),
    }
}

/// Tokens as (kind, text), comments without trailing spaces (the formatter trims them).
fn tokens(text: &str) -> Vec<(TokenKind, String)> {
    lex(text)
        .tokens
        .iter()
        .map(|t| (t.kind, if t.kind.is_comment() { t.text.trim_end().to_string() } else { t.text.to_string() }))
        .collect()
}

/// Deluge text → `check_deluge`, `check_coql`, `format_deluge`. Formatting keeps the token stream, and formatting
/// a formatted text changes nothing.
pub fn deluge(text: &str) {
    let _ = check_deluge(text);
    let _ = check_coql(text);
    for layout in [Layout::Zoho, Layout::Spaced] {
        let options = FormatOptions { layout };
        if let Ok(once) = format_deluge_with(text, options) {
            assert_eq!(tokens(&once), tokens(text), "formatting changed the tokens of {text:?} ({layout:?})");
            let twice = format_deluge_with(&once, options);
            assert_eq!(twice.as_ref(), Ok(&once), "formatting {text:?} is not idempotent ({layout:?})");
        }
    }
}

/// Error explainer and token response parsing. The first two bytes are the HTTP status (little endian); the rest
/// is read as a whole `ExplainInput` / `TokenResponseInput`, and as a raw body (JSON when it is JSON, else text).
pub fn explain(data: &[u8]) {
    let (status, rest) = match data {
        [a, b, rest @ ..] => (Some(u16::from_le_bytes([*a, *b])), rest),
        _ => (None, data),
    };
    let Ok(text) = std::str::from_utf8(rest) else { return };
    if let Ok(input) = parse_json_text::<ExplainInput>(text) {
        let _ = explain_error(&input);
    }
    if let Ok(input) = parse_json_text::<TokenResponseInput>(text) {
        let _ = parse_token_response(&input);
    }
    let body = serde_json::from_str::<Value>(text).unwrap_or_else(|_| Value::String(text.to_string()));
    let _ = explain_error(&ExplainInput { status, body: Some(body.clone()), context: None });
    let _ = parse_token_response(&TokenResponseInput {
        body: Some(body),
        status,
        issued_at: Some(u64::MAX - u64::from(status.unwrap_or(0))),
        refresh_margin_minutes: status.map(u32::from),
        ..Default::default()
    });
}

/// Data-center detection on any text (URLs, domains, keys, page text), directly and as an authorization input.
pub fn data_center(text: &str) {
    let _ = detect(text);
    let _ = build_authorization_url(&AuthorizationInput { data_center: Some(text.to_string()), ..Default::default() });
}

/// Token throttling on a `ThrottleInput` JSON text.
pub fn throttle(text: &str) {
    if let Ok(input) = parse_json_text::<ThrottleInput>(text) {
        let _ = check_throttle(&input);
    }
}

/// Blocks on a future whose every await is ready at once (the in-memory client below never waits).
fn block_on<F: std::future::Future>(f: F) -> F::Output {
    let mut f = std::pin::pin!(f);
    let mut cx = std::task::Context::from_waker(std::task::Waker::noop());
    loop {
        if let std::task::Poll::Ready(v) = f.as_mut().poll(&mut cx) {
            return v;
        }
    }
}

/// An in-memory CRM that records every request and answers as byte `kind` says: 0–3 a success, 4 HTTP 302, 5 a
/// followed redirect that ended on another host, 6 a redirect the client refused to follow, 7 a network failure.
struct Recorder {
    kind: u8,
    seen: RefCell<Vec<String>>,
}

impl HttpClient for Recorder {
    async fn send(&self, request: HttpRequest) -> Result<HttpResponse, HttpError> {
        self.seen.borrow_mut().push(request.url);
        let ok = |final_url: Option<&str>| HttpResponse {
            status: 200,
            body: r#"{"users":[{"full_name":"A","email":"a@example.com"}],"org":[{"company_name":"B"}]}"#.into(),
            final_url: final_url.map(str::to_string),
        };
        match self.kind {
            4 => Ok(HttpResponse { status: 302, body: String::new(), final_url: None }),
            5 => Ok(ok(Some("https://evil.example/crm/v8/org"))),
            6 => Err(HttpError::Redirect),
            7 => Err(HttpError::Network("reset".into())),
            _ => Ok(ok(None)),
        }
    }
    fn now_ms(&self) -> f64 {
        0.0
    }
}

/// The live connection test's target (issue 12). Byte 0 chooses what the rest (UTF-8) is: bit 0 the `apiDomain`,
/// bit 1 the `dataCenter` (neither: the `apiDomain`), bits 2–3 the environment, bits 4–6 the reply (see
/// [`Recorder`]). Whenever a request is sent, its URL is byte for byte a registry API domain (https, no port, no
/// user) followed by one of the two test paths; a typed `apiDomain` that was used is one the registry check
/// accepts, and the request goes to that registry value; a redirect is never `ok`; `parse_token_response` flags
/// exactly the `api_domain` values the registry check refuses.
pub fn live_test(data: &[u8]) {
    let Some((&selector, rest)) = data.split_first() else { return };
    let Ok(text) = std::str::from_utf8(rest) else { return };
    let use_api = selector & 1 != 0 || selector & 3 == 0;
    let environment = match (selector >> 2) & 3 {
        1 => Some(EnvironmentInput::Production),
        2 => Some(EnvironmentInput::Sandbox),
        3 => Some(EnvironmentInput::Developer),
        _ => None,
    };
    let input = ConnectionTestInput {
        api_domain: use_api.then(|| text.to_string()),
        data_center: (selector & 2 != 0).then(|| text.to_string()),
        environment,
        access_token: Some(Secret::new("1000.fuzz.token")),
        timeout_ms: None,
    };
    let client = Recorder { kind: (selector >> 4) & 7, seen: RefCell::new(Vec::new()) };
    let report = block_on(run_connection_test(&client, &input));
    let seen = client.seen.borrow();
    let registry: Vec<&str> = list()
        .iter()
        .flat_map(|dc| [dc.api_domain, dc.sandbox_api_domain, dc.developer_api_domain])
        .flatten()
        .map(|f| f.value)
        .collect();
    for url in seen.iter() {
        let on_registry = registry.iter().any(|origin| {
            url.strip_prefix(origin)
                .is_some_and(|path| path == "/crm/v8/users?type=CurrentUser" || path == "/crm/v8/org")
        });
        assert!(on_registry, "input {input:?} sent a request to {url:?}");
        assert!(url.starts_with("https://"), "{url:?}");
    }
    if use_api && !seen.is_empty() {
        let accepted = registry_api_domain(text);
        let origin = accepted.as_ref().map(|a| a.fact.value);
        assert!(origin.is_ok_and(|o| seen.iter().all(|u| u.starts_with(&format!("{o}/")))), "{text:?}: {seen:?}");
    }
    if (4..=6).contains(&client.kind) {
        assert!(!report.ok, "a redirect was reported ok for {input:?}");
    }
    // The token response check agrees with the registry check.
    let response = parse_token_response(&TokenResponseInput {
        body: Some(serde_json::json!({"access_token": "1000.a.b", "api_domain": text})),
        status: Some(200),
        ..Default::default()
    });
    let flagged = response.diagnostics.iter().any(|d| d.code.as_str().starts_with("token.api_domain_"));
    let refused = text.trim().is_empty() || registry_api_domain(text).is_err();
    assert_eq!(flagged, refused && !text.trim().is_empty(), "api_domain {text:?}: {:?}", response.diagnostics);
}

/// Generated Deluge must pass our own checker (team charter).
fn assert_checker_clean(what: &str, input: &str, deluge: Option<&str>) {
    if let Some(deluge) = deluge {
        let found = check_deluge(deluge);
        assert!(
            !Diagnostic::has_errors(&found),
            "{what} {input:?} generated Deluge the checker refuses:\n{deluge}\n{found:#?}"
        );
    }
}

/// The surfaces that had no target before issue 12. Byte 0 chooses (mod 5): `check_throttle`, `validate_webhook`,
/// `generate_invoke_url`, `generate_record_call`, `build_coql`; the rest is that function's JSON input. Besides not
/// panicking, every Deluge text they generate passes `check_deluge` without an error finding.
pub fn surfaces(data: &[u8]) {
    let Some((&selector, rest)) = data.split_first() else { return };
    let Ok(text) = std::str::from_utf8(rest) else { return };
    match selector % 5 {
        0 => throttle(text),
        1 => {
            if let Ok(input) = parse_json_text::<WebhookInput>(text) {
                assert_checker_clean("webhook", text, validate_webhook(&input).deluge.as_deref());
            }
        }
        2 => {
            if let Ok(spec) = parse_json_text::<InvokeUrlSpec>(text) {
                assert_checker_clean("invokeurl", text, invoke_url_snippet(&spec).deluge.as_deref());
            }
        }
        3 => {
            if let Ok(spec) = parse_json_text::<RecordCallSpec>(text) {
                assert_checker_clean("record call", text, generate_record_call(&spec).deluge.as_deref());
            }
        }
        _ => {
            if let Ok(query) = parse_json_text::<CoqlQuery>(text) {
                assert_checker_clean("coql", text, build_coql(&query).deluge.as_deref());
            }
        }
    }
}
