//! `zck dc` and `zck auth-url` as an admin runs them: output, exit codes, and JSON errors with line and column.
#![cfg(all(feature = "cli", not(target_arch = "wasm32")))]
#![allow(clippy::unwrap_used, clippy::expect_used)] // tests: a panic is the failure report

mod zck_run;
use zck_run::{stdout, zck};

#[test]
fn detect_eu_from_an_authorize_url() {
    let o = zck(&["dc", "detect", "https://accounts.zoho.eu/oauth/v2/auth"], None);
    assert_eq!(o.status.code(), Some(0));
    assert!(stdout(&o).starts_with("EU (Europe)"), "{}", stdout(&o));
    // Both conflicting EU callback candidates are shown.
    assert!(stdout(&o).contains("dre.zoho.eu") && stdout(&o).contains("deluge.zoho.eu"));
}

#[test]
fn detect_wrong_au_host_says_au_with_the_corrected_host() {
    let o = zck(&["dc", "detect", "accounts.zoho.au"], None);
    assert_eq!(o.status.code(), Some(1), "a wrong host is an error finding");
    let out = stdout(&o);
    assert!(out.starts_with("AU (Australia)"), "{out}");
    assert!(out.contains("error[dc.wrong_host]") && out.contains("Replace accounts.zoho.au with accounts.zoho.com.au"));
}

#[test]
fn detect_nothing_recognised_exits_1() {
    let o = zck(&["dc", "detect", "https://example.com"], None);
    assert_eq!(o.status.code(), Some(1));
    assert!(stdout(&o).contains("dc.not_recognised"));
}

#[test]
fn dc_list_has_every_data_center() {
    let o = zck(&["dc"], None);
    assert_eq!(o.status.code(), Some(0));
    for host in ["accounts.zoho.com ", "accounts.zohocloud.ca", "www.zohoapis.com.au", "accounts.zoho.uk"] {
        assert!(stdout(&o).contains(host), "{host}");
    }
    let json: serde_json::Value = serde_json::from_slice(&zck(&["dc", "--format", "json"], None).stdout).unwrap();
    assert_eq!(json.as_array().unwrap().len(), 10);
}

#[test]
fn auth_url_prints_exactly_the_asked_parameters() {
    let config = r#"{"dataCenter":"in","clientId":"1000.GMB0YULZHJK411248S8I5GZ4CHUEX0",
        "scopes":["ZohoCRM.modules.ALL","ZohoCRM.settings.fields.READ"],
        "redirectUri":"https://deluge.zoho.in/delugeauth/callback","prompt":"consent","state":"a b"}"#;
    let o = zck(&["auth-url", "-"], Some(config));
    assert_eq!(o.status.code(), Some(0));
    let first = stdout(&o).lines().next().unwrap().to_string();
    assert_eq!(
        first,
        "https://accounts.zoho.in/oauth/v2/auth?response_type=code&client_id=1000.GMB0YULZHJK411248S8I5GZ4CHUEX0\
&scope=ZohoCRM.modules.ALL%2CZohoCRM.settings.fields.READ&redirect_uri=https%3A%2F%2Fdeluge.zoho.in%2Fdelugeauth%2Fcallback\
&access_type=offline&prompt=consent&state=a+b"
    );
}

#[test]
fn auth_url_with_an_error_finding_exits_1_without_a_url() {
    let o = zck(&["auth-url", "-"], Some(r#"{"dataCenter":"eu"}"#));
    assert_eq!(o.status.code(), Some(1));
    assert!(!stdout(&o).contains("https://accounts"));
    assert!(stdout(&o).contains("clientId: error[auth.missing_client_id]"));
}

#[test]
fn auth_url_bad_json_exits_2_with_line_and_column() {
    let o = zck(&["auth-url", "-"], Some("{\n  \"dataCenter\": \"eu\"\n  \"clientId\": \"x\"\n}"));
    assert_eq!(o.status.code(), Some(2));
    let err = String::from_utf8_lossy(&o.stderr);
    assert!(err.contains(":3:3: error[input.syntax]"), "{err}");
}

#[test]
fn auth_url_unknown_field_exits_2_naming_it() {
    let o = zck(&["auth-url", "-", "--format", "json"], Some(r#"{"dataCenter":"eu","scope":"x"}"#));
    assert_eq!(o.status.code(), Some(2));
    let json: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
    assert_eq!(json["diagnostics"][0]["code"], "input.unknown_field");
    assert_eq!(json["diagnostics"][0]["path"], "scope");
}

#[test]
fn missing_file_exits_2() {
    let o = zck(&["auth-url", "/nonexistent/config.json"], None);
    assert_eq!(o.status.code(), Some(2));
}
