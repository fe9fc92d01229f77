//! `--account-dc` on the commands that need the account's data center (issue 15, point 1): the flag wins over
//! the file and changes what is printed.
#![cfg(all(feature = "cli", not(target_arch = "wasm32")))]
#![allow(clippy::unwrap_used, clippy::expect_used)] // tests: a panic is the failure report

mod zck_run;
use zck_run::{stdout, zck};

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
