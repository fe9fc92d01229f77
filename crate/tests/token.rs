//! Token requests, token responses and throttling, driven by the same data files as the npm tests
//! (`tests/data/token/*.json`). Runs natively and in headless Chromium.

#![allow(clippy::unwrap_used, clippy::expect_used)] // tests: a panic is the failure report

#[cfg(target_arch = "wasm32")]
use wasm_bindgen_test::wasm_bindgen_test as test;

use serde::Deserialize;
use zoho_connector_kit::input::parse_json_value;
use zoho_connector_kit::token::{
    build_token_requests, check_throttle, parse_token_response, token_limits, token_store_schema, LimitId,
    ThrottleInput, TokenRequestInput, TokenResponseInput,
};

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct ExpectedRequest {
    url: String,
    #[serde(default)]
    body: Option<String>,
    missing: Vec<String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RequestCase {
    name: String,
    input: serde_json::Value,
    #[serde(default)]
    exchange: Option<ExpectedRequest>,
    #[serde(default)]
    refresh: Option<ExpectedRequest>,
    #[serde(default)]
    revoke: Option<ExpectedRequest>,
    /// Requests that must not be built (`refresh`, `revoke`).
    #[serde(default)]
    absent: Vec<String>,
    /// Text that must appear nowhere in the output (e.g. `accounts.zoho` for an external service).
    #[serde(default)]
    forbidden: Vec<String>,
    codes: Vec<String>,
    secrets: Vec<String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
#[serde(rename_all = "camelCase")]
struct ResponseCase {
    name: String,
    input: serde_json::Value,
    ok: bool,
    #[serde(default)]
    expires_in_ms: Option<u64>,
    #[serde(default)]
    unit: Option<String>,
    #[serde(default)]
    expires_at: Option<u64>,
    #[serde(default)]
    refresh_at: Option<u64>,
    #[serde(default)]
    api_domain: Option<String>,
    #[serde(default)]
    header: Option<String>,
    #[serde(default)]
    error_code: Option<String>,
    #[serde(default)]
    first_cause: Option<String>,
    codes: Vec<String>,
    secrets: Vec<String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
#[serde(rename_all = "camelCase")]
struct ThrottleCase {
    name: String,
    input: serde_json::Value,
    throttled: bool,
    counted: u32,
    #[serde(default)]
    passes_at: Option<u64>,
    #[serde(default)]
    evicts_oldest: Option<bool>,
    #[serde(default)]
    codes: Vec<String>,
}

fn sorted(mut v: Vec<String>) -> Vec<String> {
    v.sort();
    v
}

#[test]
fn request_cases() {
    let cases: Vec<RequestCase> = serde_json::from_str(include_str!("data/token/requests.json")).unwrap();
    for case in cases {
        let input: TokenRequestInput = parse_json_value(case.input).unwrap();
        let result = build_token_requests(&input);
        let built =
            [(&case.exchange, &result.exchange), (&case.refresh, &result.refresh), (&case.revoke, &result.revoke)];
        for (want, got) in built {
            let Some(want) = want else { continue };
            let got = got.as_ref().unwrap_or_else(|| panic!("{}: request missing", case.name));
            assert_eq!(got.url, want.url, "{}", case.name);
            assert_eq!(got.method, "POST");
            assert_eq!(got.headers[0].value, "application/x-www-form-urlencoded");
            if let Some(body) = &want.body {
                assert_eq!(&got.body, body, "{}", case.name);
                // The body is real form encoding: it decodes back to the form fields.
                let decoded: Vec<(String, String)> =
                    url::form_urlencoded::parse(got.body.as_bytes()).into_owned().collect();
                let fields: Vec<(String, String)> =
                    got.form.iter().map(|f| (f.name.clone(), f.value.clone())).collect();
                assert_eq!(decoded, fields, "{}", case.name);
            }
            assert_eq!(got.missing, want.missing, "{}", case.name);
            assert!(got.curl.starts_with(&format!("curl -X POST '{}'", want.url)), "{}", case.name);
            let deluge = got.deluge.as_deref().unwrap_or_else(|| panic!("{}: no Deluge", case.name));
            assert!(deluge.contains(&format!("url: \"{}\"", want.url)) && deluge.contains("type: POST"), "{deluge}");
            assert!(zoho_connector_kit::deluge::check_deluge(deluge).iter().all(|d| !d.is_error()), "{deluge}");
        }
        let codes: Vec<String> = result.diagnostics.iter().map(|d| d.code.to_string()).collect();
        assert_eq!(sorted(codes), sorted(case.codes.clone()), "{}", case.name);
        let json = serde_json::to_string(&result).unwrap();
        for kind in &case.absent {
            let built = match kind.as_str() {
                "exchange" => result.exchange.is_some(),
                "refresh" => result.refresh.is_some(),
                "revoke" => result.revoke.is_some(),
                other => panic!("{}: unknown request {other}", case.name),
            };
            assert!(!built, "{}: a {kind} request was built", case.name);
        }
        for text in &case.forbidden {
            assert!(!json.contains(text.as_str()), "{}: the output names {text}", case.name);
        }
        for secret in &case.secrets {
            assert!(!json.contains(secret.as_str()), "{}: a secret leaked", case.name);
            assert!(!format!("{result:?}").contains(secret.as_str()), "{}: a secret leaked into Debug", case.name);
        }
    }
}

#[test]
fn curl_masks_client_secret_and_refresh_token_by_default_and_reveals_on_request() {
    let mut input: TokenRequestInput = parse_json_value(serde_json::json!({
        "dataCenter": "us", "clientId": "1000.GMB0YULZHJK411248S8I5GZ4CHUEX0",
        "clientSecret": "0f1e2d3c4b5a69788796a5b4c3d2e1f0aabbccddee", "refreshToken": "1000.rrrr.tttt"
    }))
    .unwrap();
    let refresh = build_token_requests(&input).refresh.unwrap();
    assert!(refresh.curl.contains("'client_secret=[redacted]'") && refresh.curl.contains("'refresh_token=[redacted]'"));
    assert!(!refresh.curl.contains("0f1e2d3c") && !refresh.curl.contains("rrrr"));
    assert!(!refresh.deluge.as_deref().unwrap().contains("rrrr"));
    input.reveal = Some(true);
    let refresh = build_token_requests(&input).refresh.unwrap();
    assert!(refresh.curl.contains("'client_secret=0f1e2d3c4b5a69788796a5b4c3d2e1f0aabbccddee'"));
    assert!(refresh.deluge.as_deref().unwrap().contains("\"1000.rrrr.tttt\""));
}

#[test]
fn curl_quotes_a_value_with_an_apostrophe() {
    let input: TokenRequestInput = parse_json_value(serde_json::json!({
        "dataCenter": "us", "clientId": "1000.X", "clientSecret": "s", "redirectUri": "https://x.example/it's"
    }))
    .unwrap();
    let exchange = build_token_requests(&input).exchange.unwrap();
    assert!(exchange.curl.contains(r"'redirect_uri=https://x.example/it'\''s'"), "{}", exchange.curl);
}

#[test]
fn response_cases() {
    let cases: Vec<ResponseCase> = serde_json::from_str(include_str!("data/token/responses.json")).unwrap();
    for case in cases {
        let input: TokenResponseInput = parse_json_value(case.input).unwrap();
        let r = parse_token_response(&input);
        let json = serde_json::to_value(&r).unwrap();
        assert_eq!(r.ok, case.ok, "{}", case.name);
        if let Some(ms) = case.expires_in_ms {
            assert_eq!(r.expires_in_ms, Some(ms), "{}", case.name);
        }
        if let Some(unit) = &case.unit {
            assert_eq!(json["expiresInUnit"], unit.as_str(), "{}", case.name);
        }
        if case.expires_at.is_some() {
            assert_eq!(r.expires_at, case.expires_at, "{}", case.name);
            assert_eq!(r.refresh_at, case.refresh_at, "{}", case.name);
        }
        if let Some(domain) = &case.api_domain {
            assert_eq!(r.api_domain.as_ref(), Some(domain), "{}", case.name);
        }
        if let Some(header) = &case.header {
            assert_eq!(&r.authorization_header.as_ref().unwrap().value, header, "{}", case.name);
        }
        if let Some(code) = &case.error_code {
            let e = r.error.as_ref().unwrap();
            assert_eq!(&e.code, code, "{}", case.name);
            assert_eq!(json["error"]["likelyCauses"][0]["id"], case.first_cause.as_deref().unwrap(), "{}", case.name);
        }
        let codes: Vec<String> = r.diagnostics.iter().map(|d| d.code.to_string()).collect();
        assert_eq!(sorted(codes), sorted(case.codes.clone()), "{}", case.name);
        let text = json.to_string();
        for secret in &case.secrets {
            assert!(!text.contains(secret.as_str()), "{}: a token leaked", case.name);
        }
    }
}

#[test]
fn throttle_cases() {
    let cases: Vec<ThrottleCase> = serde_json::from_str(include_str!("data/token/throttle.json")).unwrap();
    for case in cases {
        let input: ThrottleInput = parse_json_value(case.input).unwrap();
        let a = check_throttle(&input);
        assert_eq!(a.throttled, case.throttled, "{}", case.name);
        assert_eq!(a.counted, case.counted, "{}", case.name);
        assert_eq!(a.passes_at, case.passes_at, "{}", case.name);
        assert_eq!(a.evicts_oldest, case.evicts_oldest.unwrap_or(false), "{}", case.name);
        let codes: Vec<String> = a.diagnostics.iter().map(|d| d.code.to_string()).collect();
        assert_eq!(codes, case.codes, "{}", case.name);
        if let Some(passes) = a.passes_at {
            // One millisecond before the answer is still throttled; at it the request passes.
            let mut later = input.clone();
            later.at = Some(passes);
            assert!(!check_throttle(&later).throttled, "{}", case.name);
            later.at = Some(passes - 1);
            assert!(check_throttle(&later).throttled, "{}", case.name);
        }
    }
}

#[test]
fn limits_show_every_source_and_never_pick() {
    let limits = token_limits();
    let find = |id: LimitId| limits.iter().find(|l| l.id == id).unwrap();
    let active = find(LimitId::ActiveAccessTokensPerRefreshToken);
    assert_eq!(active.values.iter().map(|v| v.value).collect::<Vec<_>>(), ["10", "15", "30"]);
    assert!(!active.sources_agree);
    let grant = find(LimitId::GrantCodeLifetime);
    assert_eq!(grant.values.iter().map(|v| v.value).collect::<Vec<_>>(), ["2 minutes", "3 minutes"]);
    let refresh = find(LimitId::RefreshTokensPerUser);
    assert!(refresh.values.iter().any(|v| v.detail.contains("21st")));
    assert!(refresh.values.iter().any(|v| v.value.contains("per 10 minutes per client ID")));
    assert_eq!(find(LimitId::GrantCodesPerClient).window_ms, Some(600_000));
    assert!(limits.iter().flat_map(|l| l.values).all(|v| zoho_connector_kit::source::lookup(v.source).is_some()));
}

#[test]
fn store_schema_matches_the_sdk_table() {
    let s = token_store_schema();
    assert_eq!(
        s.ddl,
        "CREATE TABLE oauthtoken (\n  id varchar(10) NOT NULL,\n  user_name varchar(255),\n  client_id varchar(255),\n  \
         client_secret varchar(255),\n  refresh_token varchar(255),\n  access_token varchar(255),\n  \
         grant_token varchar(255),\n  expiry_time varchar(20),\n  redirect_url varchar(255),\n  \
         api_domain varchar(255),\n  PRIMARY KEY (id)\n);\n"
    );
    let secret_fields: Vec<&str> = s.extension_record.iter().filter(|c| c.secret).map(|c| c.name).collect();
    assert_eq!(secret_fields, ["accessToken", "refreshToken"]);
}

#[test]
fn unknown_input_field_is_refused_with_its_name() {
    let err = parse_json_value::<TokenRequestInput>(serde_json::json!({"dataCenter": "eu", "client_secret": "x"}))
        .unwrap_err();
    assert_eq!((err.diagnostic.code.as_str(), err.diagnostic.path.as_str()), ("input.unknown_field", "client_secret"));
    // The unknown-field message names the field, never a secret value.
    assert!(!err.diagnostic.message.contains("\"x\""));
}

/// A throttle answer's `source` is one registry id (the CLI and popup render it as a link); when the sources of a
/// limit differ, `sources` lists each, the applied one first. Before, the ids were joined with " | " into one text
/// no renderer could look up.
#[test]
fn throttle_answers_cite_registry_ids() {
    use zoho_connector_kit::token::{ThrottleKind, TokenEventInput};
    let answer = |kind| {
        check_throttle(&ThrottleInput {
            kind: Some(kind),
            events: Some(vec![TokenEventInput { at: 0, key: None }]),
            at: Some(1),
            key: None,
        })
    };
    let refresh = answer(ThrottleKind::RefreshToken);
    assert_eq!(refresh.source, "zoho-crm-v8-token-validity");
    assert_eq!(refresh.sources, ["zoho-crm-v8-token-validity", "zoho-crm-v2-token-validity"]);
    for kind in [ThrottleKind::GrantCode, ThrottleKind::AccessToken, ThrottleKind::RefreshToken] {
        let a = answer(kind);
        assert!(zoho_connector_kit::source::lookup(&a.source).is_some(), "{kind:?}: {}", a.source);
        assert!(a.sources.iter().all(|s| zoho_connector_kit::source::lookup(s).is_some()), "{kind:?}");
        assert_eq!(a.sources.first(), Some(&a.source));
    }
}
