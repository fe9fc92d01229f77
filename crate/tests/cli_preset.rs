//! `zck preset`: list, show with sources, and start a config that `zck validate` then reads.
#![cfg(all(feature = "cli", not(target_arch = "wasm32")))]
#![allow(clippy::unwrap_used, clippy::expect_used)] // tests: a panic is the failure report

mod zck_run;

fn zck(args: &[&str], stdin: Option<&str>) -> (Option<i32>, String) {
    let out = zck_run::zck(args, stdin);
    (out.status.code(), zck_run::stdout(&out))
}

#[test]
fn list_and_show_with_sources() {
    let (code, out) = zck(&["preset"], None);
    assert_eq!(code, Some(0));
    for id in ["zoho_crm", "zoho_desk", "mailchimp", "shopify", "hubspot", "surveymonkey"] {
        assert!(out.contains(id), "{id}");
    }
    let (code, out) = zck(&["preset", "show", "hubspot"], None);
    assert_eq!(code, Some(0));
    assert!(out.contains("scope delimiter space") || out.contains("space\n"), "{out}");
    // A registry id is printed as the page's title and address, so an admin can open it.
    assert!(out.contains("source: HubSpot developers: Working with OAuth <https://developers.hubspot.com/"), "{out}");
    assert_eq!(zck(&["preset", "show", "salesforce"], None).0, Some(1));
}

#[test]
fn a_started_and_completed_config_validates_clean() {
    let (code, out) = zck(&["preset", "start", "zoho_crm", "--dc", "au"], None);
    assert_eq!(code, Some(0));
    let mut config: serde_json::Value = serde_json::from_str(&out).unwrap();
    assert_eq!(config["tokenUrl"], "https://accounts.zoho.com.au/oauth/v2/token");
    config["clientId"] = "1000.GMB0YULZHJK411248S8I5GZ4CHUEX0".into();
    config["clientSecret"] = "5d2e0c1f9a7b3e4d6c8a0b2e4f6a8c0d1e3f5a7b9c".into();
    config["redirectUri"] = "https://dre.zoho.com.au/delugeauth/callback".into();
    let (code, out) = zck(&["validate", "-"], Some(&config.to_string()));
    assert_eq!(code, Some(0), "{out}");
    assert!(out.contains("0 error(s), 0 warning(s)") || !out.contains("error("), "{out}");
    assert_eq!(zck(&["preset", "start", "zoho_crm", "--dc", "mars"], None).0, Some(2));
}
