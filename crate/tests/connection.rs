//! The connection doctor, driven by `tests/data/connections/cases.json` — the same file the CLI test and the npm
//! test (`tests/js/connection.test.mjs`) run. Runs natively and, with `--target wasm32-unknown-unknown`, in
//! headless Chromium.

#![allow(clippy::unwrap_used, clippy::expect_used)] // tests: a panic is the failure report

#[cfg(target_arch = "wasm32")]
use wasm_bindgen_test::wasm_bindgen_test as test;

use serde::Deserialize;
use zoho_connector_kit::connection::{validate_connection, ConnectionConfigInput};
use zoho_connector_kit::input::parse_json_value;
use zoho_connector_kit::Severity;

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Case {
    name: String,
    config: serde_json::Value,
    expect: Expect,
}

#[derive(Deserialize, Default)]
#[serde(deny_unknown_fields)]
#[serde(rename_all = "camelCase")]
struct Expect {
    #[serde(default)]
    findings: Vec<String>,
    #[serde(default)]
    infos: Vec<String>,
    #[serde(default)]
    provider_kind: Option<String>,
    /// Absent: not checked; `null`: no data center.
    #[serde(default, deserialize_with = "some")]
    data_center: Option<Option<String>>,
    #[serde(default)]
    clean: bool,
    #[serde(default)]
    try_url: bool,
    #[serde(default)]
    link_name: Option<String>,
    #[serde(default)]
    link_name_suggested: Option<bool>,
    #[serde(default)]
    message_contains: Option<String>,
    #[serde(default)]
    secret_absent: Option<String>,
    #[serde(default)]
    input_error: Option<String>,
}

fn some<'de, D: serde::Deserializer<'de>>(d: D) -> Result<Option<Option<String>>, D::Error> {
    Option::<String>::deserialize(d).map(Some)
}

fn cases() -> Vec<Case> {
    serde_json::from_str(include_str!("data/connections/cases.json")).unwrap()
}

#[test]
fn every_case_gives_exactly_its_expected_findings() {
    let mut failures = Vec::new();
    for case in cases() {
        let parsed = parse_json_value::<ConnectionConfigInput>(case.config.clone());
        if let Some(want) = &case.expect.input_error {
            match parsed {
                Err(e) => assert_eq!(&format!("{}@{}", e.diagnostic.code, e.diagnostic.path), want, "{}", case.name),
                Ok(_) => failures.push(format!("{}: expected input error {want}", case.name)),
            }
            continue;
        }
        let input = parsed.unwrap_or_else(|e| panic!("{}: {e}", case.name));
        let report = validate_connection(&input);
        let mut got: Vec<String> = report
            .diagnostics
            .iter()
            .filter(|d| d.severity != Severity::Info)
            .map(|d| format!("{}@{}", d.code, d.path))
            .collect();
        got.sort();
        let mut want = case.expect.findings.clone();
        want.sort();
        if got != want {
            failures.push(format!("{}:\n  want {want:?}\n  got  {got:?}", case.name));
        }
        let infos: Vec<String> = report
            .diagnostics
            .iter()
            .filter(|d| d.severity == Severity::Info)
            .map(|d| format!("{}@{}", d.code, d.path))
            .collect();
        for info in &case.expect.infos {
            if !infos.contains(info) {
                failures.push(format!("{}: missing note {info}; notes {infos:?}", case.name));
            }
        }
        let s = &report.summary;
        if let Some(kind) = &case.expect.provider_kind {
            let got = serde_json::to_value(s.provider.kind).unwrap();
            if got != kind.as_str() {
                failures.push(format!("{}: provider {got} want {kind}", case.name));
            }
        }
        if let Some(dc) = &case.expect.data_center {
            let got = s.data_center.map(|d| d.key().to_string());
            if &got != dc {
                failures.push(format!("{}: data center {got:?} want {dc:?}", case.name));
            }
        }
        if case.expect.clean && report.diagnostics.iter().any(|d| d.severity != Severity::Info) {
            failures.push(format!("{}: not clean", case.name));
        }
        if case.expect.try_url && s.try_url.is_none() {
            failures.push(format!("{}: no try URL ({})", case.name, s.try_url_note));
        }
        if let Some(link) = &case.expect.link_name {
            assert_eq!(s.link_name.as_ref(), Some(link), "{}", case.name);
        }
        if let Some(suggested) = case.expect.link_name_suggested {
            assert_eq!(s.link_name_suggested, suggested, "{}", case.name);
        }
        if let Some(text) = &case.expect.message_contains {
            let hit =
                report.diagnostics.iter().any(|d| d.message.contains(text.as_str()) || d.fix.contains(text.as_str()));
            if !hit {
                failures.push(format!("{}: no finding mentions {text}", case.name));
            }
        }
        if let Some(secret) = &case.expect.secret_absent {
            let json = serde_json::to_string(&report).unwrap();
            assert!(!json.contains(secret.as_str()), "{}: the secret leaked into the report", case.name);
        }
        for key in ["clientSecret", "password"] {
            // A value also written in a public field (a secret pasted as the client ID) may show through that field.
            let public = |v: &str| {
                case.config.as_object().unwrap().iter().any(|(k, x)| {
                    k != "clientSecret" && k != "password" && x.as_str().is_some_and(|x| x.contains(v.trim()))
                })
            };
            if let Some(value) = case.config[key].as_str().filter(|v| v.trim().len() >= 3 && !public(v)) {
                assert!(!format!("{input:?}").contains(value.trim()), "{}: Debug shows {key}", case.name);
                let json = serde_json::to_string(&report).unwrap();
                assert!(!json.contains(value.trim()), "{}: the report shows {key}", case.name);
            }
        }
    }
    assert!(failures.is_empty(), "{} case(s) failed:\n{}", failures.len(), failures.join("\n"));
}

#[test]
fn the_data_set_covers_every_data_center_and_auth_type_cleanly() {
    let cases = cases();
    assert!(cases.len() >= 60, "only {} cases", cases.len());
    let clean: Vec<&Case> = cases.iter().filter(|c| c.expect.clean).collect();
    for dc in ["us", "eu", "in", "au", "cn", "jp", "ca", "sa"] {
        assert!(
            clean.iter().any(|c| c.expect.data_center.as_ref().is_some_and(|d| d.as_deref() == Some(dc))
                && c.expect.provider_kind.as_deref() == Some("zoho")),
            "no clean Zoho case for {dc}"
        );
    }
    let auth = |c: &Case| {
        (
            c.config["authType"].as_str().unwrap_or("").to_string(),
            c.config["grantType"].as_str().unwrap_or("").to_string(),
        )
    };
    for (a, g) in [("oauth2", "authorizationCode"), ("oauth2", "clientCredentials"), ("apiKey", ""), ("basic", "")] {
        assert!(clean.iter().any(|c| auth(c) == (a.to_string(), g.to_string())), "no clean case for {a} {g}");
    }
}

#[test]
fn secrets_never_appear_in_debug_output() {
    let input: ConnectionConfigInput = parse_json_value(serde_json::json!({
        "clientSecret": "5d2e0c1f9a7b3e4d", "password": "N7v!q2Lr#8xT"
    }))
    .unwrap();
    let text = format!("{input:?}");
    assert!(!text.contains("5d2e0c1f9a7b3e4d") && !text.contains("N7v!q2Lr#8xT"));
    assert!(text.contains("[redacted]"));
}

#[test]
fn conflicting_callback_shows_both_candidates() {
    let input: ConnectionConfigInput = parse_json_value(serde_json::json!({
        "serviceName": "HubSpot", "linkName": "hubspot", "authType": "oauth2", "dataCenter": "in",
        "clientId": "abc", "clientSecret": "c0ffee12-3456", "authorizeUrl": "https://app.hubspot.com/oauth/authorize",
        "tokenUrl": "https://api.hubapi.com/oauth/v1/token", "redirectUri": "https://www.acme.example/cb"
    }))
    .unwrap();
    let report = validate_connection(&input);
    let d = report.diagnostics.iter().find(|d| d.code == "connection.redirect_not_callback").unwrap();
    assert!(d.message.contains("deluge.zoho.in") && d.message.contains("dre.zoho.in"), "{}", d.message);
    let uris: Vec<&str> = report.summary.register.redirect_uris.iter().map(|r| r.value.as_str()).collect();
    assert_eq!(uris, ["https://deluge.zoho.in/delugeauth/callback", "https://dre.zoho.in/delugeauth/callback"]);
}

#[test]
fn zoho_try_url_is_the_authorization_url_of_the_data_center() {
    let case = cases().into_iter().find(|c| c.name == "clean: Zoho CRM as provider, AU").unwrap();
    let input: ConnectionConfigInput = parse_json_value(case.config).unwrap();
    let url = validate_connection(&input).summary.try_url.unwrap();
    assert!(url.starts_with("https://accounts.zoho.com.au/oauth/v2/auth?response_type=code&client_id=1000."), "{url}");
    assert!(url.contains("access_type=offline") && url.contains("redirect_uri=https%3A%2F%2Fdre.zoho.com.au"), "{url}");
}
