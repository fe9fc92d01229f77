//! Error explanations, driven by the same data file as the npm tests (`tests/data/errors/cases.json`: bodies as
//! Zoho sends them, with the expected code and first cause). Runs natively and in headless Chromium.

#![allow(clippy::unwrap_used, clippy::expect_used)] // tests: a panic is the failure report

#[cfg(target_arch = "wasm32")]
use wasm_bindgen_test::wasm_bindgen_test as test;

use serde::Deserialize;
use zoho_connector_kit::explain::{explain_error, ExplainInput};
use zoho_connector_kit::input::parse_json_value;

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
#[serde(rename_all = "camelCase")]
struct Case {
    name: String,
    #[serde(default)]
    status: Option<u16>,
    body: String,
    #[serde(default)]
    context: Option<serde_json::Value>,
    code: String,
    first_cause: String,
    #[serde(default)]
    field: Option<String>,
    #[serde(default)]
    family: Option<String>,
    #[serde(default)]
    path: Option<String>,
}

const ALLOWED: [&str; 18] = [
    "wrong_data_center",
    "redirect_mismatch",
    "code_expired_or_reused",
    "missing_offline_access",
    "scope_missing",
    "token_expired",
    "token_revoked",
    "rate_limited",
    "token_limit",
    "invalid_field_value",
    "missing_required_field",
    "duplicate_value",
    "permission",
    "invalid_module",
    "invalid_url",
    "wrong_client_credentials",
    "server_error",
    "unknown",
];

fn cases() -> Vec<Case> {
    serde_json::from_str(include_str!("data/errors/cases.json")).unwrap()
}

fn input_of(case: &Case) -> ExplainInput {
    let mut input = serde_json::json!({ "body": case.body });
    if let Some(status) = case.status {
        input["status"] = status.into();
    }
    if let Some(context) = &case.context {
        input["context"] = context.clone();
    }
    parse_json_value(input).unwrap()
}

#[test]
fn every_error_body_gets_its_code_and_first_cause() {
    let cases = cases();
    assert!(cases.len() >= 40, "at least 40 error bodies, have {}", cases.len());
    for case in &cases {
        let e = explain_error(&input_of(case));
        let json = serde_json::to_value(&e).unwrap();
        assert_eq!(e.code, case.code, "code of {}", case.name);
        assert_eq!(json["likelyCauses"][0]["id"], case.first_cause.as_str(), "first cause of {}: {json:#}", case.name);
        for cause in json["likelyCauses"].as_array().unwrap() {
            assert!(ALLOWED.contains(&cause["id"].as_str().unwrap()), "{}: {cause}", case.name);
            assert!(!cause["explanation"].as_str().unwrap().is_empty(), "{}", case.name);
        }
        assert_eq!(e.field, case.field, "field of {}", case.name);
        if let Some(family) = &case.family {
            assert_eq!(json["family"], family.as_str(), "family of {}", case.name);
        }
        if let Some(path) = &case.path {
            assert_eq!(e.path.as_ref(), Some(path), "path of {}", case.name);
        }
        if e.recognised
            && !e.likely_causes.is_empty()
            && e.likely_causes[0].id != zoho_connector_kit::explain::CauseId::Unknown
        {
            assert!(!e.fixes.is_empty(), "fixes of {}", case.name);
            assert!(
                e.source.as_deref().is_some_and(|s| zoho_connector_kit::source::lookup(s).is_some()),
                "source of {} is not a registry id: {:?}",
                case.name,
                e.source
            );
        }
    }
}

#[test]
fn wrong_data_center_names_both_data_centers() {
    let case = cases().into_iter().find(|c| c.name.contains("account in EU (location)")).unwrap();
    let e = explain_error(&input_of(&case));
    let first = &e.likely_causes[0].explanation;
    assert!(first.contains("US (accounts.zoho.com)") && first.contains("EU (accounts.zoho.eu)"), "{first}");
    assert!(e.fixes[0].contains("https://accounts.zoho.eu"), "{:?}", e.fixes);
}

#[test]
fn token_error_with_http_200_says_to_read_the_body() {
    let case = cases().into_iter().find(|c| c.name == "invalid_client with HTTP 200").unwrap();
    let e = explain_error(&input_of(&case));
    assert!(e.notes.iter().any(|n| n.contains("HTTP 200")), "{:?}", e.notes);
}

#[test]
fn analytics_codes_are_called_analytics_and_8534_undocumented() {
    let e = explain_error(&parse_json_value(serde_json::json!({"body": "8535"})).unwrap());
    assert!(e.fixes[0].contains("Zoho Analytics"), "{:?}", e.fixes);
    let e = explain_error(&parse_json_value(serde_json::json!({"body": {"code": 8534}})).unwrap());
    assert!(e.likely_causes[0].explanation.contains("No Zoho page documents 8534"));
}

#[test]
fn unknown_code_is_shown_raw_and_multi_record_lists_other_failures() {
    let e = explain_error(
        &parse_json_value(serde_json::json!({"body": "{\"code\":\"ZZ_TOP\",\"message\":\"hm\"}"})).unwrap(),
    );
    assert!(e.likely_causes[0].explanation.contains("ZZ_TOP") && e.likely_causes[0].explanation.contains("hm"));
    let body = serde_json::json!({"data": [
        {"code": "MANDATORY_NOT_FOUND", "details": {"api_name": "Last_Name"}, "message": "required field not found", "status": "error"},
        {"code": "SUCCESS", "details": {"id": "1"}, "message": "record added", "status": "success"},
        {"code": "INVALID_DATA", "details": {"api_name": "Email"}, "message": "invalid data", "status": "error"}
    ]});
    let e = explain_error(&parse_json_value(serde_json::json!({"status": 207, "body": body})).unwrap());
    assert_eq!(e.path.as_deref(), Some("data[0]"));
    assert_eq!(e.other_errors.len(), 1);
    assert_eq!((e.other_errors[0].index, e.other_errors[0].field.as_deref()), (2, Some("Email")));
}

#[test]
fn never_panics_on_odd_bodies() {
    for body in [
        serde_json::json!(null),
        serde_json::json!([]),
        serde_json::json!([1, 2]),
        serde_json::json!({"data": {}}),
        serde_json::json!({"error": {}}),
        serde_json::json!({"code": null}),
        serde_json::json!("{\"data\":[{\"status\":\"error\"}]}"),
        serde_json::json!("ünïcödé invalid_client ✓"),
        serde_json::json!(42),
    ] {
        let e = explain_error(&parse_json_value(serde_json::json!({"body": body})).unwrap());
        assert!(!e.likely_causes.is_empty(), "{body}");
    }
}

#[test]
fn unknown_input_field_is_refused_with_its_name() {
    let err = parse_json_value::<ExplainInput>(serde_json::json!({"body": "x", "httpStatus": 401})).unwrap_err();
    assert_eq!((err.diagnostic.code.as_str(), err.diagnostic.path.as_str()), ("input.unknown_field", "httpStatus"));
}

/// The context only reorders the causes that can produce an error; it never adds one the error cannot have
/// (issue 15, point 5: "missing offline access" is not a cause of `invalid_client`). Anything else it noticed
/// becomes a note.
#[test]
fn context_never_adds_a_cause_the_error_cannot_have() {
    let mut with_context = 0;
    for case in cases().iter().filter(|c| c.context.is_some()) {
        with_context += 1;
        let bare = Case { context: None, ..clone_case(case) };
        let allowed: Vec<_> = explain_error(&input_of(&bare)).likely_causes.into_iter().map(|c| c.id).collect();
        let e = explain_error(&input_of(case));
        for cause in &e.likely_causes {
            assert!(
                allowed.contains(&cause.id),
                "{}: {:?} is not a cause of {} ({allowed:?})",
                case.name,
                cause.id,
                e.code
            );
        }
    }
    assert!(with_context >= 8, "the cases with a context went missing");
    let invalid_client = explain_error(
        &parse_json_value(serde_json::json!({
            "status": 200, "body": "{\"error\":\"invalid_client\"}",
            "context": {"authorizeUrl": "https://accounts.zoho.com/oauth/v2/auth?scope=ZohoCRM.modules.ALL&response_type=code"}
        }))
        .unwrap(),
    );
    let json = serde_json::to_string(&invalid_client).unwrap();
    assert!(!json.contains("missing_offline_access"), "{json}");
    assert!(invalid_client.notes.iter().any(|n| n.contains("access_type=offline")), "{:?}", invalid_client.notes);
}

fn clone_case(c: &Case) -> Case {
    Case {
        name: c.name.clone(),
        status: c.status,
        body: c.body.clone(),
        context: c.context.clone(),
        code: c.code.clone(),
        first_cause: c.first_cause.clone(),
        field: c.field.clone(),
        family: c.family.clone(),
        path: c.path.clone(),
    }
}

/// Each token-endpoint error lists only the causes its sources give (zoho-facts.md §2d): `invalid_code` is a used
/// or expired grant code or a revoked refresh token — not a redirect mismatch (that is `invalid_redirect_uri`);
/// `invalid_client` is a wrong client or another data center — not a missing `access_type=offline`.
#[test]
fn token_endpoint_errors_list_only_their_sourced_causes() {
    let causes = |error: &str| -> Vec<String> {
        let input =
            parse_json_value(serde_json::json!({ "status": 200, "body": format!("{{\"error\":\"{error}\"}}") }));
        let e = explain_error(&input.unwrap());
        let json = serde_json::to_value(&e).unwrap();
        json["likelyCauses"].as_array().unwrap().iter().map(|c| c["id"].as_str().unwrap().to_string()).collect()
    };
    assert_eq!(causes("invalid_code"), ["code_expired_or_reused", "token_revoked"]);
    assert_eq!(causes("invalid_client"), ["wrong_client_credentials", "wrong_data_center"]);
    assert_eq!(causes("invalid_redirect_uri"), ["redirect_mismatch"]);
}
