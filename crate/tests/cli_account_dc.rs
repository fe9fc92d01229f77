//! `--account-dc` on the commands that need the account's data center (issue 15, point 1): the flag wins over
//! the file and changes what is printed.
#![cfg(all(feature = "cli", not(target_arch = "wasm32")))]
#![allow(clippy::unwrap_used, clippy::expect_used)] // tests: a panic is the failure report

mod zck_run;
use zck_run::{code_paths, stdout, zck};

fn fixture(name: &str) -> String {
    format!("{}/tests/data/cli-examples/{name}", env!("CARGO_MANIFEST_DIR"))
}

#[test]
fn explain_takes_the_account_dc() {
    let body = r#"{"error":"invalid_client"}"#;
    let context = r#"{"dataCenter": "us"}"#;
    let path = std::env::temp_dir().join(format!("zck-account-dc-{}.json", std::process::id()));
    std::fs::write(&path, context).unwrap();
    let path = path.to_string_lossy().into_owned();
    let plain = stdout(&zck(&["explain", "-", "--context", &path], Some(body)));
    assert!(plain.contains("1. wrong_client_credentials"), "{plain}");
    let eu = stdout(&zck(&["explain", "-", "--context", &path, "--account-dc", "eu"], Some(body)));
    assert!(eu.contains("1. wrong_data_center") && eu.contains("accounts.zoho.eu"), "{eu}");
}

#[test]
fn snippet_record_and_map_deluge_call_the_account_dc_api_domain() {
    let record = stdout(&zck(&["snippet", "--record", &fixture("insert-leads.json")], None));
    assert!(record.contains("https://www.zohoapis.com/"), "{record}");
    let eu = stdout(&zck(&["snippet", "--record", &fixture("insert-leads.json"), "--account-dc", "eu"], None));
    assert!(eu.contains("https://www.zohoapis.eu/") && !eu.contains("zohoapis.com/"), "{eu}");

    let us = zck(&["map", "deluge", &fixture("mapping.json")], None);
    assert!(String::from_utf8_lossy(&us.stderr).contains("no --account-dc given"), "the US default is said");
    let au = zck(&["map", "deluge", &fixture("mapping.json"), "--account-dc", "au"], None);
    assert_eq!(au.status.code(), Some(0));
    assert!(stdout(&au).contains("https://www.zohoapis.com.au") && au.stderr.is_empty(), "{}", stdout(&au));
}

/// An EU admin's exported config with the US accounts URLs: `auth-url --account-dc eu` gives the same wrong-DC
/// findings as `validate --account-dc eu` (the classic `invalid_client`), not a clean EU URL; with the EU URLs
/// the URL is built.
#[test]
fn auth_url_flags_config_urls_on_another_data_center_like_validate() {
    let us_urls = serde_json::json!({
        "serviceName": "Zoho CRM", "linkName": "zoho_crm", "authType": "oauth2",
        "clientId": "1000.GMB0YULZHJK411248S8I5GZ4CHUEX0",
        "authorizeUrl": "https://accounts.zoho.com/oauth/v2/auth?access_type=offline",
        "tokenUrl": "https://accounts.zoho.com/oauth/v2/token", "refreshUrl": "https://accounts.zoho.com/oauth/v2/token",
        "redirectUri": "https://deluge.zoho.com/delugeauth/callback", "scopes": "ZohoCRM.modules.ALL", "schemaVersion": 1
    });
    let text = us_urls.to_string();
    let found_by = |args: &[&str]| -> Vec<String> {
        let o = zck(args, Some(&text));
        code_paths(&serde_json::from_slice(&o.stdout).unwrap())
    };
    let validate = found_by(&["validate", "-", "--account-dc", "eu", "--format", "json"]);
    let auth_url = found_by(&["auth-url", "-", "--account-dc", "eu", "--format", "json"]);
    assert!(validate.contains(&"connection.zoho_dc_mismatch@tokenUrl".to_string()), "{validate:?}");
    assert_eq!(auth_url, validate, "auth-url and validate disagree on the same file and account");

    let o = zck(&["auth-url", "-", "--account-dc", "eu"], Some(&text));
    let out = stdout(&o);
    assert_eq!(o.status.code(), Some(1), "{out}");
    assert!(
        out.contains("error[connection.zoho_dc_mismatch]") && out.contains("accounts.zoho.eu/oauth/v2/token"),
        "{out}"
    );
    assert!(!out.contains("https://accounts.zoho.eu/oauth/v2/auth?"), "no URL while the config is wrong: {out}");

    let eu_urls = text.replace("accounts.zoho.com", "accounts.zoho.eu").replace("deluge.zoho.com", "dre.zoho.eu");
    let o = zck(&["auth-url", "-", "--account-dc", "eu"], Some(&eu_urls));
    assert_eq!(o.status.code(), Some(0), "{}", stdout(&o));
    assert!(stdout(&o).starts_with("https://accounts.zoho.eu/oauth/v2/auth?"), "{}", stdout(&o));
}
