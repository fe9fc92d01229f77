//! `zck token` and `zck explain`: output and exit codes, over the same data files as the other tiers.
#![cfg(all(feature = "cli", not(target_arch = "wasm32")))]
#![allow(clippy::unwrap_used, clippy::expect_used)] // tests: a panic is the failure report

use std::process::Output;

mod zck_run;
use zck_run::stdout;

fn zck(args: &[&str], stdin: &str) -> Output {
    zck_run::zck(args, Some(stdin))
}

const SECRET: &str = "f3a9c0e1d2b4a6978c5e3f1a2b4c6d8e0f1a2b3c4d";
const REFRESH: &str = "1000.8cbc1e6c0b7f4a0e9d2a3b4c5d6e7f80.1a2b3c4d5e6f70819a0b1c2d3e4f5a6b";

fn config() -> String {
    serde_json::json!({
        "dataCenter": "eu", "clientId": "1000.GMB0YULZHJK411248S8I5GZ4CHUEX0", "clientSecret": SECRET,
        "refreshToken": REFRESH, "redirectUri": "https://dre.zoho.eu/delugeauth/callback"
    })
    .to_string()
}

#[test]
fn explain_agrees_with_every_error_data_file_case() {
    let cases: Vec<serde_json::Value> = serde_json::from_str(include_str!("data/errors/cases.json")).unwrap();
    let dir = std::env::temp_dir().join(format!("zck-explain-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    for (i, case) in cases.iter().enumerate() {
        let mut args = vec!["explain".to_string(), "-".to_string(), "--format".to_string(), "json".to_string()];
        if let Some(status) = case["status"].as_u64() {
            args.extend(["--status".to_string(), status.to_string()]);
        }
        if let Some(context) = case.get("context") {
            let path = dir.join(format!("context-{i}.json"));
            std::fs::write(&path, context.to_string()).unwrap();
            args.extend(["--context".to_string(), path.display().to_string()]);
        }
        let args: Vec<&str> = args.iter().map(String::as_str).collect();
        let out = zck(&args, case["body"].as_str().unwrap());
        assert_eq!(out.status.code(), Some(0), "{}", case["name"]);
        let json: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
        assert_eq!(json["code"], case["code"], "{}", case["name"]);
        assert_eq!(json["likelyCauses"][0]["id"], case["firstCause"], "{}", case["name"]);
    }
    std::fs::remove_dir_all(&dir).ok();
}

#[test]
fn explain_text_reads_like_a_diagnosis() {
    let out = zck(&["explain", "-", "--status", "200"], r#"{"error":"invalid_client"}"#);
    let text = stdout(&out);
    assert!(text.starts_with("invalid_client: Zoho does not know this client\n"), "{text}");
    assert!(text.contains("  1. wrong_client_credentials: "), "{text}");
    assert!(text.contains("note: Zoho sent this token error with HTTP 200"), "{text}");
    assert_eq!(out.status.code(), Some(0));
}

#[test]
fn explain_unreadable_file_and_bad_context_exit_2() {
    let out = zck(&["explain", "/nonexistent/zck/body.json"], "");
    assert_eq!(out.status.code(), Some(2));
    let dir = std::env::temp_dir().join(format!("zck-ctx-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let ctx = dir.join("ctx.json");
    std::fs::write(&ctx, "{\n  \"dataCentre\": \"eu\"\n}").unwrap();
    let out = zck(&["explain", "-", "--context", ctx.to_str().unwrap()], "{}");
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("dataCentre") && err.contains(":2:"), "{err}");
    std::fs::remove_dir_all(&dir).ok();
}

#[test]
fn token_requests_masks_secrets_unless_revealed() {
    for format in ["text", "json"] {
        let out = zck(&["token", "requests", "-", "--format", format], &config());
        let text = stdout(&out);
        assert_eq!(out.status.code(), Some(0), "{text}");
        assert!(!text.contains(SECRET) && !text.contains(REFRESH), "{format}: a secret leaked");
        assert!(text.contains("client_secret=[redacted]"), "{text}");
    }
    let out = zck(&["token", "requests", "-", "--reveal"], &config());
    let text = stdout(&out);
    assert!(text.contains(&format!("'client_secret={SECRET}'")) && text.contains(REFRESH));
    assert!(text.contains("token.secrets_revealed"));
}

#[test]
fn token_requests_text_has_curl_and_deluge_for_each_request() {
    let text = stdout(&zck(&["token", "requests", "-"], &config()));
    assert!(text.contains("# refresh: POST https://accounts.zoho.eu/oauth/v2/token\ncurl -X POST"), "{text}");
    assert!(text.contains("# revoke: POST https://accounts.zoho.eu/oauth/v2/token/revoke"), "{text}");
    assert!(text.contains("url: \"https://accounts.zoho.eu/oauth/v2/token/revoke\""), "{text}");
}

#[test]
fn token_requests_without_secret_exits_1_and_bad_json_exits_2() {
    let out = zck(&["token", "requests", "-"], r#"{"dataCenter": "us", "clientId": "1000.X"}"#);
    assert_eq!(out.status.code(), Some(1));
    assert!(stdout(&out).contains("clientSecret: error[token.missing_client_secret]"));
    let out = zck(&["token", "requests", "-"], "{\"dataCenter\": \"us\",\n \"clientID\": \"x\"}");
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("clientID"));
}

#[test]
fn token_parse_computes_expiry_and_explains_errors() {
    let body = r#"{"access_token":"1000.aa.bb","refresh_token":"1000.cc.dd","api_domain":"https://www.zohoapis.com","token_type":"Bearer","expires_in":3600}"#;
    let out = zck(&["token", "parse", "-", "--issued-at", "1700000000000"], body);
    let text = stdout(&out);
    assert_eq!(out.status.code(), Some(0), "{text}");
    assert!(text.contains("Authorization: Zoho-oauthtoken [redacted]"), "{text}");
    assert!(text.contains("expires at: 1700003600000 (epoch ms); refresh at: 1700003000000"), "{text}");
    assert!(!text.contains("1000.aa.bb") && !text.contains("1000.cc.dd"));
    let out = zck(&["token", "parse", "-", "--status", "200"], r#"{"error":"invalid_code"}"#);
    assert_eq!(out.status.code(), Some(1));
    assert!(stdout(&out).contains("invalid_code: Grant code or refresh token not accepted"));
}

#[test]
fn token_throttle_exit_code_follows_the_answer() {
    let cases: Vec<serde_json::Value> = serde_json::from_str(include_str!("data/token/throttle.json")).unwrap();
    for case in cases {
        let out = zck(&["token", "throttle", "-", "--format", "json"], &case["input"].to_string());
        let json: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
        assert_eq!(json["throttled"], case["throttled"], "{}", case["name"]);
        assert_eq!(json.get("passesAt"), case.get("passesAt"), "{}", case["name"]);
        let has_error = case.get("codes").is_some();
        let want = if case["throttled"] == true || has_error { 1 } else { 0 };
        assert_eq!(out.status.code(), Some(want), "{}", case["name"]);
    }
}

/// The throttle answer in text names every source of the limit as title and address; refresh tokens have two.
#[test]
fn token_throttle_text_prints_every_source_as_title_and_address() {
    let out = zck(&["token", "throttle", "-"], r#"{"kind": "refreshToken", "events": [{"at": 0}], "at": 1}"#);
    let text = stdout(&out);
    let sources: Vec<&str> = text.lines().filter(|l| l.starts_with("source: ")).collect();
    assert_eq!(sources.len(), 2, "{text}");
    assert!(sources[0].contains("Zoho CRM API v8: Token validity <https://www.zoho.com/crm/"), "{text}");
    assert!(sources[1].contains("Zoho CRM API v2: Token validity <https://www.zoho.com/crm/"), "{text}");
}

#[test]
fn token_limits_and_schema() {
    let text = stdout(&zck(&["token", "limits"], ""));
    assert!(text.contains("Active access tokens per refresh token (per refresh token) — sources differ, all shown"));
    for v in ["  10: ", "  15: ", "  30: ", "  2 minutes: ", "  3 minutes: "] {
        assert!(text.contains(v), "{v} in {text}");
    }
    let text = stdout(&zck(&["token", "schema"], ""));
    assert!(text.contains("CREATE TABLE oauthtoken (\n  id varchar(10) NOT NULL,"), "{text}");
}

#[test]
fn help_has_examples() {
    for args in [
        vec!["explain", "--help"],
        vec!["token", "--help"],
        vec!["token", "requests", "--help"],
        vec!["token", "parse", "--help"],
        vec!["token", "throttle", "--help"],
        vec!["token", "limits", "--help"],
        vec!["token", "schema", "--help"],
    ] {
        let text = stdout(&zck(&args, ""));
        assert!(text.contains("Examples:\n  zck "), "{args:?}: {text}");
    }
}

/// The MailChimp config the popup exports, as it is (flat, with its preset and the EU account's data center):
/// `token requests` accepts it, builds the code exchange to MailChimp, and no request goes to a Zoho accounts
/// server — no refresh (MailChimp has none), no revoke (no endpoint known). Issue 15, points 3 and 6.
#[test]
fn mailchimp_export_gets_no_zoho_fallback_and_no_refresh_or_revoke() {
    let exported = serde_json::json!({
        "serviceName": "Mailchimp", "linkName": "mailchimp", "authType": "oauth2", "grantType": "authorizationCode",
        "preset": "mailchimp", "dataCenter": "eu", "clientId": "483920175634",
        "authorizeUrl": "https://login.mailchimp.com/oauth2/authorize", "tokenUrl": "https://login.mailchimp.com/oauth2/token",
        "redirectUri": "https://deluge.zoho.eu/delugeauth/callback", "schemaVersion": 1
    })
    .to_string();
    let o = zck(&["token", "requests", "-"], &exported);
    let out = stdout(&o);
    assert_eq!(o.status.code(), Some(1), "no client secret in an export is an error finding: {out}");
    assert!(out.contains("# exchange: POST https://login.mailchimp.com/oauth2/token"), "{out}");
    assert!(!out.contains("accounts.zoho"), "a MailChimp request goes to Zoho: {out}");
    assert!(!out.contains("# refresh") && !out.contains("# revoke"), "{out}");
    assert!(out.contains("token.refresh_none") && out.contains("token.no_revoke"), "{out}");
}

/// `--account-dc` on `token requests`: an exported Zoho config with accounts.zoho.com URLs, for an EU account,
/// is told that its token URL belongs to another data center.
#[test]
fn token_requests_take_the_account_dc_flag() {
    let exported = serde_json::json!({
        "serviceName": "Zoho CRM", "linkName": "zoho_crm", "authType": "oauth2",
        "clientId": "1000.GMB0YULZHJK411248S8I5GZ4CHUEX0", "clientSecret": SECRET,
        "authorizeUrl": "https://accounts.zoho.com/oauth/v2/auth?access_type=offline",
        "tokenUrl": "https://accounts.zoho.com/oauth/v2/token", "schemaVersion": 1
    })
    .to_string();
    let plain = stdout(&zck(&["token", "requests", "-"], &exported));
    assert!(!plain.contains("token.url_dc_mismatch"), "{plain}");
    let eu = stdout(&zck(&["token", "requests", "-", "--account-dc", "eu"], &exported));
    assert!(eu.contains("warning[token.url_dc_mismatch]") && eu.contains("https://accounts.zoho.eu"), "{eu}");
    assert!(!eu.contains(SECRET), "{eu}");
    let bad = zck(&["token", "requests", "-", "--account-dc", "mars"], &exported);
    assert_eq!(bad.status.code(), Some(2));
}
