//! `zck validate` against the same data file as `tests/connection.rs` and `tests/js/connection.test.mjs`.
#![cfg(all(feature = "cli", not(target_arch = "wasm32")))]
#![allow(clippy::unwrap_used, clippy::expect_used)] // tests: a panic is the failure report

use std::process::{Command, Output};
use zoho_connector_kit::connection::{validate_connection, ConnectionConfigInput};
use zoho_connector_kit::input::parse_json_value;

mod zck_run;
use zck_run::{code_paths, stdout};

fn zck_stdin(args: &[&str], stdin: &str) -> Output {
    zck_run::zck(args, Some(stdin))
}

fn cases() -> Vec<serde_json::Value> {
    serde_json::from_str(include_str!("data/connections/cases.json")).unwrap()
}

#[test]
fn json_output_equals_the_library_report_and_the_expected_findings_for_every_case() {
    for case in cases() {
        let name = case["name"].as_str().unwrap();
        let config = serde_json::to_string_pretty(&case["config"]).unwrap();
        let out = zck_stdin(&["validate", "-", "--format", "json"], &config);
        let json: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap_or_else(|e| panic!("{name}: {e}"));
        if let Some(want) = case["expect"]["inputError"].as_str() {
            assert_eq!(out.status.code(), Some(2), "{name}");
            let d = &json["diagnostics"][0];
            assert_eq!(format!("{}@{}", d["code"].as_str().unwrap(), d["path"].as_str().unwrap()), want, "{name}");
            assert!(d["line"].as_u64().is_some(), "{name}: no line");
            continue;
        }
        let input: ConnectionConfigInput = parse_json_value(case["config"].clone()).unwrap();
        let report = validate_connection(&input);
        assert_eq!(json, serde_json::to_value(&report).unwrap(), "{name}");
        let got = code_paths(&json);
        let mut want: Vec<String> =
            case["expect"]["findings"].as_array().unwrap().iter().map(|v| v.as_str().unwrap().to_string()).collect();
        want.sort();
        assert_eq!(got, want, "{name}");
        let errors = json["diagnostics"].as_array().unwrap().iter().any(|d| d["severity"] == "error");
        assert_eq!(out.status.code(), Some(if errors { 1 } else { 0 }), "{name}");
    }
}

#[test]
fn text_output_reads_like_a_compiler_and_never_shows_the_secret() {
    let config = r#"{
  "serviceName": "Zoho CRM", "linkName": "Zoho-CRM", "authType": "oauth2", "dataCenter": "eu",
  "clientId": "1000.GMB0YULZHJK411248S8I5GZ4CHUEX0", "clientSecret": "3f9a1c7e5b2d8f4a6c0e9b1d7f3a5c8e2b4d6f0a1c",
  "authorizeUrl": "https://accounts.zoho.eu/oauth/v2/auth",
  "tokenUrl": "https://accounts.zoho.eu/oauth/v2/token?client_secret=3f9a1c7e5b2d8f4a6c0e9b1d7f3a5c8e2b4d6f0a1c",
  "scopes": ["ZohoCRM.modules.ALL"]
}"#;
    let out = zck_stdin(&["validate", "-"], config);
    assert_eq!(out.status.code(), Some(1));
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(
        text.contains("linkName: error[connection.link_name_start]: The link name `Zoho-CRM` must start"),
        "{text}"
    );
    assert!(text.contains("\n  fix: Use \"zoho_crm\"."), "{text}");
    assert!(text.contains("authorizeUrl: warning[connection.access_type_missing]"), "{text}");
    assert!(text.contains("tokenUrl: error[connection.secret_in_url]"), "{text}");
    assert!(text.contains("data center: EU (Europe), from dataCenter"), "{text}");
    assert!(text.contains("provider:    zoho"), "{text}");
    assert!(!text.contains("3f9a1c7e5b2d8f4a"), "the secret leaked:\n{text}");
    // Errors come before warnings and notes.
    let first_warning = text.find(": warning[").unwrap();
    assert!(text.rfind(": error[").unwrap() < first_warning, "{text}");
}

#[test]
fn clean_config_exits_zero_and_shows_the_url_to_try() {
    let case = cases().into_iter().find(|c| c["name"] == "clean: Zoho CRM as provider, US").unwrap();
    let out = zck_stdin(&["validate", "-"], &case["config"].to_string());
    assert_eq!(out.status.code(), Some(0));
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(text.contains("try:         https://accounts.zoho.com/oauth/v2/auth?response_type=code"), "{text}");
    assert!(text.contains("redirect URI: https://deluge.zoho.com/delugeauth/callback"), "{text}");
}

#[test]
fn broken_json_exits_two_with_line_and_column() {
    let out = zck_stdin(&["validate", "-"], "{\n  \"serviceName\": \"MailChimp\"\n  \"linkName\": \"mailchimp\"\n}");
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8(out.stderr).unwrap();
    assert!(err.starts_with("<stdin>: ") && err.contains(":3:3: error[input.syntax]"), "{err}");
}

#[test]
fn missing_file_exits_two() {
    let out = Command::new(env!("CARGO_BIN_EXE_zck")).args(["validate", "/nonexistent/conn.json"]).output().unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8(out.stderr).unwrap().contains("cannot read /nonexistent/conn.json"));
}

#[test]
fn help_has_examples() {
    let out = Command::new(env!("CARGO_BIN_EXE_zck")).args(["validate", "--help"]).output().unwrap();
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(text.contains("zck validate connection.json --format json"), "{text}");
}

/// The file Export JSON writes (no secret, schemaVersion) passes `zck validate` with a note for the secret and a
/// warning that the data center was guessed; with `--account-dc eu` the accounts.zoho.com URLs are the wrong-DC
/// errors (the classic `invalid_client`). `auth-url` takes the same file. Issue 15, points 1 and 6.
#[test]
fn exported_config_validates_and_account_dc_is_never_guessed_silently() {
    let exported = serde_json::json!({
        "serviceName": "Zoho CRM", "linkName": "zoho_crm", "authType": "oauth2", "grantType": "authorizationCode",
        "clientId": "1000.GMB0YULZHJK411248S8I5GZ4CHUEX0",
        "authorizeUrl": "https://accounts.zoho.com/oauth/v2/auth?access_type=offline",
        "tokenUrl": "https://accounts.zoho.com/oauth/v2/token", "refreshUrl": "https://accounts.zoho.com/oauth/v2/token",
        "redirectUri": "https://deluge.zoho.com/delugeauth/callback", "scopes": "ZohoCRM.modules.ALL", "schemaVersion": 1
    })
    .to_string();
    let o = zck_stdin(&["validate", "-"], &exported);
    let out = stdout(&o);
    assert_eq!(o.status.code(), Some(0), "{out}");
    assert!(out.contains("info[connection.secret_not_exported]"), "{out}");
    assert!(out.contains("warning[connection.data_center_guessed]") && out.contains("--account-dc"), "{out}");
    let eu = zck_stdin(&["validate", "-", "--account-dc", "eu"], &exported);
    let eu_out = stdout(&eu);
    assert_eq!(eu.status.code(), Some(1), "{eu_out}");
    assert!(eu_out.contains("data center: EU (Europe), from dataCenter"), "{eu_out}");
    assert!(eu_out.contains("error[connection.zoho_dc_mismatch]"), "{eu_out}");
    assert!(!eu_out.contains("data_center_guessed"), "{eu_out}");

    let url = zck_stdin(&["auth-url", "-"], &exported);
    assert_eq!(url.status.code(), Some(0), "{}", stdout(&url));
    assert!(stdout(&url).starts_with("https://accounts.zoho.com/oauth/v2/auth?"), "{}", stdout(&url));
    assert!(stdout(&url).contains("warning[connection.data_center_guessed]"), "{}", stdout(&url));
    // For an EU account these URLs are wrong: auth-url says so as validate does (tests/cli_account_dc.rs).
    let url_eu = zck_stdin(&["auth-url", "-", "--account-dc", "eu"], &exported);
    assert_eq!(url_eu.status.code(), Some(1), "{}", stdout(&url_eu));
    assert!(stdout(&url_eu).contains("error[connection.zoho_dc_mismatch]"), "{}", stdout(&url_eu));
}

/// `auth-url` builds Zoho's authorization URL: an exported config for an external service is refused with a
/// finding, not turned into a Zoho URL.
#[test]
fn auth_url_refuses_an_external_service_config() {
    let mailchimp = serde_json::json!({
        "serviceName": "Mailchimp", "authType": "oauth2", "clientId": "483920175634", "dataCenter": "eu",
        "authorizeUrl": "https://login.mailchimp.com/oauth2/authorize", "tokenUrl": "https://login.mailchimp.com/oauth2/token",
        "redirectUri": "https://deluge.zoho.eu/delugeauth/callback", "schemaVersion": 1
    })
    .to_string();
    let o = zck_stdin(&["auth-url", "-"], &mailchimp);
    let out = stdout(&o);
    assert_eq!(o.status.code(), Some(1), "{out}");
    assert!(out.contains("error[auth.external_provider]") && !out.contains("https://accounts.zoho"), "{out}");
}

/// `zck preset first-call`: a first Deluge call for an external service, with its source.
#[test]
fn preset_first_call_writes_checked_deluge_for_an_external_service() {
    let o = zck_stdin(&["preset", "first-call", "surveymonkey", "--connection", "sm"], "");
    let out = stdout(&o);
    assert_eq!(o.status.code(), Some(0), "{out}");
    assert!(out.contains("https://api.surveymonkey.com/v3/users/me") && out.contains("connection: \"sm\""), "{out}");
    assert!(out.contains("surveymonkey-users-api-collection"), "{out}");
}

/// A correct config says "Looks right." once instead of a wall of notes; `--notes` shows them, the JSON keeps
/// them (issue 15, point 5).
#[test]
fn a_correct_config_looks_right_once_and_keeps_its_notes_one_flag_away() {
    let case = cases()
        .into_iter()
        .find(|c| c["expect"]["clean"] == true && c["expect"]["infos"].as_array().is_some_and(|i| i.len() > 1))
        .unwrap();
    let config = case["config"].to_string();
    let o = zck_stdin(&["validate", "-"], &config);
    let out = stdout(&o);
    assert_eq!(o.status.code(), Some(0), "{out}");
    assert_eq!(out.matches("Looks right.").count(), 1, "{out}");
    assert!(!out.contains("info["), "notes shown as a wall: {out}");
    let with_notes = stdout(&zck_stdin(&["validate", "-", "--notes"], &config));
    assert!(with_notes.contains("info["), "{with_notes}");
    let json: serde_json::Value =
        serde_json::from_slice(&zck_stdin(&["validate", "-", "--format", "json"], &config).stdout).unwrap();
    assert_eq!(json["summary"]["looksRight"], true);
    assert_eq!(json["summary"]["verdict"], "Looks right.");
    assert!(json["diagnostics"].as_array().unwrap().iter().all(|d| d["severity"] == "info"));
    let guessed = cases().into_iter().find(|c| c["name"].as_str().unwrap().starts_with("guessed:")).unwrap();
    let out = stdout(&zck_stdin(&["validate", "-"], &guessed["config"].to_string()));
    assert!(!out.contains("Looks right.") && out.contains("No error; 1 warning to check."), "{out}");
}
