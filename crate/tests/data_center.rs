//! Data-center detection and the authorization URL, driven by the same data files as the npm tests
//! (`tests/data/detect.json`, `tests/data/auth.json`). Runs natively and, with `--target wasm32-unknown-unknown`,
//! in headless Chromium.
#![allow(clippy::unwrap_used, clippy::expect_used)] // tests: a panic is the failure report

#[cfg(target_arch = "wasm32")]
use wasm_bindgen_test::wasm_bindgen_test as test;

use serde::Deserialize;
use zoho_connector_kit::data_center::{self, DataCenterId};
use zoho_connector_kit::input::parse_json_value;
use zoho_connector_kit::{build_authorization_url, AuthorizationInput};

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
#[serde(rename_all = "camelCase")]
struct DetectCase {
    input: String,
    data_center: Option<DataCenterId>,
    #[serde(default)]
    role: Option<String>,
    #[serde(default)]
    environment: Option<String>,
    #[serde(default)]
    matched: Option<String>,
    codes: Vec<String>,
    #[serde(default)]
    fix_contains: Option<String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct AuthCase {
    name: String,
    input: serde_json::Value,
    url: Option<String>,
    codes: Vec<String>,
}

fn json_name<T: serde::Serialize>(value: &T) -> Option<String> {
    serde_json::to_value(value).ok()?.as_str().map(str::to_string)
}

#[test]
fn detection_cases() {
    let cases: Vec<DetectCase> = serde_json::from_str(include_str!("data/detect.json")).unwrap();
    assert!(cases.len() >= 30);
    for case in cases {
        let found = data_center::detect(&case.input);
        assert_eq!(found.data_center, case.data_center, "data center of {:?}", case.input);
        if let Some(role) = &case.role {
            assert_eq!(found.role.and_then(|r| json_name(&r)).as_ref(), Some(role), "role of {:?}", case.input);
        }
        if let Some(env) = &case.environment {
            assert_eq!(found.environment.and_then(|e| json_name(&e)).as_ref(), Some(env), "env of {:?}", case.input);
        }
        if let Some(matched) = &case.matched {
            assert_eq!(found.matched.and_then(|m| json_name(&m)).as_ref(), Some(matched), "{:?}", case.input);
        }
        let codes: Vec<&str> = found.diagnostics.iter().map(|d| d.code.as_str()).collect();
        assert_eq!(codes, case.codes, "codes of {:?}", case.input);
        if let Some(fix) = &case.fix_contains {
            assert!(found.diagnostics.iter().any(|d| d.fix.contains(fix.as_str())), "fix of {:?}", case.input);
        }
    }
}

#[test]
fn authorization_cases() {
    let cases: Vec<AuthCase> = serde_json::from_str(include_str!("data/auth.json")).unwrap();
    for case in cases {
        let input: AuthorizationInput = parse_json_value(case.input).unwrap();
        let result = build_authorization_url(&input);
        assert_eq!(result.url, case.url, "{}", case.name);
        let mut codes: Vec<&str> = result.diagnostics.iter().map(|d| d.code.as_str()).collect();
        let mut want: Vec<&str> = case.codes.iter().map(String::as_str).collect();
        codes.sort_unstable();
        want.sort_unstable();
        assert_eq!(codes, want, "{}", case.name);
    }
}

#[test]
fn url_query_holds_exactly_the_asked_parameters() {
    let input: AuthorizationInput = serde_json::from_value(serde_json::json!({
        "dataCenter": "in", "clientId": "1000.GMB0YULZHJK411248S8I5GZ4CHUEX0",
        "scopes": ["ZohoCRM.modules.ALL"], "redirectUri": "https://x.example/cb?a=1&b=2"
    }))
    .unwrap();
    let result = build_authorization_url(&input);
    let url = url::Url::parse(result.url.as_deref().unwrap()).unwrap();
    let keys: Vec<String> = url.query_pairs().map(|(k, _)| k.into_owned()).collect();
    assert_eq!(keys, ["response_type", "client_id", "scope", "redirect_uri", "access_type", "state"]);
    let redirect = url.query_pairs().find(|(k, _)| k == "redirect_uri").unwrap().1;
    assert_eq!(redirect, "https://x.example/cb?a=1&b=2");
    // The random state is 128 bits of hex and differs between calls.
    assert_eq!(result.state.len(), 32);
    assert_ne!(result.state, build_authorization_url(&input).state);
}

#[test]
fn unknown_field_is_refused_with_its_name() {
    let err = parse_json_value::<AuthorizationInput>(serde_json::json!({"dataCenter": "eu", "redirectURL": "x"}))
        .unwrap_err();
    assert_eq!(err.diagnostic.code, "input.unknown_field");
    assert_eq!(err.diagnostic.path, "redirectURL");
    assert!(err.diagnostic.fix.contains("redirectUri"));
}

/// Issue 12: every API domain of the registry is accepted as itself (with its data center and environment), and
/// no other host of the registry is (accounts, files, CRM web, console, callbacks).
#[test]
fn registry_api_domain_accepts_exactly_the_registry_api_hosts() {
    use zoho_connector_kit::data_center::{list, registry_api_domain, ApiDomainRefusal, Environment};
    for dc in list() {
        for (fact, env) in [
            (dc.api_domain, Environment::Production),
            (dc.sandbox_api_domain, Environment::Sandbox),
            (dc.developer_api_domain, Environment::Developer),
        ] {
            let Some(fact) = fact else { continue };
            let found = registry_api_domain(fact.value).unwrap();
            assert_eq!((found.data_center, found.environment, found.fact), (dc.id, env, &fact), "{}", fact.value);
            assert_eq!(registry_api_domain(&fact.value.to_ascii_uppercase()).unwrap().fact.value, fact.value);
        }
        let others = [Some(dc.accounts_server), dc.file_host, dc.crm_web_host, dc.api_console];
        for fact in others.into_iter().flatten().chain(dc.deluge_callbacks.iter().copied()) {
            let origin = fact.value.split('/').take(3).collect::<Vec<_>>().join("/");
            assert!(
                matches!(registry_api_domain(&origin), Err(ApiDomainRefusal::NotZoho(_))),
                "{origin} must not be an API domain"
            );
        }
    }
}
