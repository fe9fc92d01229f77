//! `zck map validate|apply|deluge` and `zck webhook` as an admin runs them: output, exit codes, JSON.
#![cfg(all(feature = "cli", not(target_arch = "wasm32")))]
#![allow(clippy::unwrap_used, clippy::expect_used)] // tests: a panic is the failure report

use std::path::PathBuf;
use std::process::Output;

mod zck_run;
use zck_run::stdout;

fn zck(args: &[&str]) -> Output {
    zck_run::zck(args, None)
}

/// Writes a file into a fresh temporary directory for this test.
fn file(test: &str, name: &str, text: &str) -> String {
    let dir = std::env::temp_dir().join(format!("zck-cli-mapping-{}-{test}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let path: PathBuf = dir.join(name);
    std::fs::write(&path, text).unwrap();
    path.to_string_lossy().into_owned()
}

const LEADS_REPLY: &str = include_str!("data/mapping/leads_fields_reply.json");

#[test]
fn validate_reports_the_typo_with_did_you_mean_and_exits_1() {
    let mapping = file(
        "typo",
        "m.json",
        r#"{"module":"Leads","fields":[{"source":"ln","target":"LastName"}],"sync":{"direction":"toCrm"}}"#,
    );
    let o = zck(&["map", "validate", &mapping]);
    assert_eq!(o.status.code(), Some(1));
    let out = stdout(&o);
    assert!(out.starts_with("mapping to Leads (built-in schema"), "{out}");
    assert!(
        out.contains("fields[0].target: error[mapping.unknown_field]") && out.contains("did you mean `Last_Name`"),
        "{out}"
    );
    assert!(out.contains("mapping.mandatory_unmapped"), "{out}");
}

#[test]
fn validate_against_a_pasted_schema_and_source_is_clean() {
    let reply = file("clean", "leads.json", LEADS_REPLY);
    let mapping = file(
        "clean",
        "m.json",
        r#"{"module":"Leads","fields":[{"source":"last_name","target":"Last_Name"},
            {"source":"tags","target":"Interests","transforms":[{"op":"split","separator":","}]}],
            "sync":{"direction":"toCrm","trigger":"onChange"}}"#,
    );
    let source = file(
        "clean",
        "s.json",
        r#"{"fields":[{"path":"last_name","type":"string","maxLength":80},{"path":"tags","type":"string"}]}"#,
    );
    let o = zck(&["map", "validate", &mapping, "--schema", &reply, "--source", &source, "--format", "json"]);
    assert_eq!(o.status.code(), Some(0), "{}", stdout(&o));
    let json: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
    assert_eq!(json, serde_json::json!([]));
}

#[test]
fn apply_skips_the_bad_record_and_keeps_the_good_ones() {
    let mapping = file(
        "apply",
        "m.json",
        r#"{"module":"Deals","fields":[{"source":"name","target":"Deal_Name"},
            {"source":"status","target":"Stage","transforms":[{"op":"valueMap","map":{"paid":"Closed Won"},"otherwise":"error"}]},
            {"source":"total","target":"Amount","transforms":[{"op":"parseNumber"}]}]}"#,
    );
    let records = file(
        "apply",
        "r.json",
        r##"[{"name":"#1","status":"paid","total":"10.50"},{"name":"#2","status":"voided","total":"1"},{"name":"#3","status":"paid","total":"0.1"}]"##,
    );
    let o = zck(&["map", "apply", &mapping, &records]);
    assert_eq!(o.status.code(), Some(1));
    let out = stdout(&o);
    assert!(out.starts_with("3 record(s): 2 mapped into 1 batch(es) of at most 100, 1 skipped"), "{out}");
    // The second record is the bad one: counted from 1, as the popup counts (issue 15, point 6).
    assert!(out.contains("record 2: Stage: error[apply.unmapped_value]"), "{out}");
    let json: serde_json::Value =
        serde_json::from_slice(&zck(&["map", "apply", &mapping, &records, "--format", "json"]).stdout).unwrap();
    assert_eq!(json["batches"][0]["data"][1]["Amount"], serde_json::json!(0.1));
    assert_eq!(json["sent"], serde_json::json!([0, 2]));
}

#[test]
fn apply_and_deluge_report_a_target_that_is_not_a_field() {
    // Issue 17: the preview and the Deluge used to drop an unknown target silently.
    let mapping = file(
        "unknown",
        "m.json",
        r#"{"module":"Leads","fields":[{"source":"last","target":"Last_Name"},{"source":"mail","target":"Emial"}]}"#,
    );
    let records = file("unknown", "r.json", r#"[{"last":"Ito","mail":"ito@example.com"}]"#);
    let o = zck(&["map", "apply", &mapping, &records]);
    assert_eq!(o.status.code(), Some(1));
    let out = stdout(&o);
    assert!(out.contains("mapping.unknown_field") && out.contains("did you mean `Email`"), "{out}");
    let o = zck(&["map", "deluge", &mapping]);
    assert_eq!(o.status.code(), Some(1));
    let out = stdout(&o);
    assert!(out.contains("mapping.unknown_field") && !out.contains("invokeurl"), "{out}");
}

#[test]
fn unreadable_mapping_exits_2_with_line_and_column() {
    let mapping = file("bad", "m.json", "{\"module\": \"Leads\",\n \"feilds\": []}");
    let o = zck(&["map", "validate", &mapping]);
    assert_eq!(o.status.code(), Some(2));
    let err = String::from_utf8_lossy(&o.stderr);
    assert!(err.contains("feilds") && err.contains(":2:"), "{err}");
}

#[test]
fn unknown_module_without_schema_exits_1() {
    let mapping = file("nomod", "m.json", r#"{"module":"Invoices","fields":[{"source":"a","target":"Subject"}]}"#);
    let o = zck(&["map", "validate", &mapping]);
    assert_eq!(o.status.code(), Some(1));
    assert!(stdout(&o).contains("schema.no_built_in"));
}

#[test]
fn deluge_writes_a_checked_function_body() {
    let mapping = file(
        "deluge",
        "m.json",
        r#"{"module":"Contacts","fields":[{"source":"merge_fields.LNAME","target":"Last_Name","transforms":[{"op":"trim"}]}]}"#,
    );
    let o = zck(&["map", "deluge", &mapping, "--api-domain", "https://www.zohoapis.eu", "--connection", "crm_eu"]);
    assert_eq!(o.status.code(), Some(0), "{}", stdout(&o));
    let out = stdout(&o);
    assert!(
        out.contains("value = source.get(\"merge_fields\");")
            && out.contains("url: \"https://www.zohoapis.eu/crm/v8/Contacts\""),
        "{out}"
    );
    assert!(out.contains("connection: \"crm_eu\""));
}

#[test]
fn webhook_prints_json_and_skeleton_and_never_the_secret() {
    let config = file(
        "webhook",
        "w.json",
        r#"{"name":"NewLeadToShop","url":"https://hooks.example.com/zoho","module":"Leads","method":"PUT",
            "customParameters":[{"name":"token","value":"whsec_live_42"}],"fields":["Email","Company"]}"#,
    );
    let o = zck(&["webhook", &config]);
    assert_eq!(o.status.code(), Some(0));
    let out = stdout(&o);
    assert!(out.contains("info[webhook.method_newer]"), "{out}");
    assert!(
        out.contains("\"url\": \"https://hooks.example.com/zoho\"")
            && out.contains("field_company = payload.get(\"Company\");"),
        "{out}"
    );
    assert!(!out.contains("whsec_live_42"));
    let bad = file("webhook", "bad.json", r#"{"name":"Hook","url":"https://x.example.com","module":"Notes"}"#);
    let o = zck(&["webhook", &bad, "--format", "json"]);
    assert_eq!(o.status.code(), Some(1));
    let json: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
    assert_eq!(json["diagnostics"][0]["code"], "webhook.unsupported_module");
    assert!(json.get("webhook").is_none());
}

#[test]
fn help_has_examples() {
    for args in [
        &["map", "--help"][..],
        &["map", "validate", "--help"],
        &["map", "apply", "--help"],
        &["map", "deluge", "--help"],
        &["webhook", "--help"],
    ] {
        let out = stdout(&zck(args));
        assert!(out.contains("Examples:") && out.contains("zck "), "{args:?}: {out}");
    }
}

/// `map apply` takes a single record object, as the popup does, not only an array (issue 15, point 6).
#[test]
fn apply_takes_a_single_record_object() {
    let mapping = file(
        "single",
        "m.json",
        r#"{"module":"Deals","fields":[{"source":"name","target":"Deal_Name"},{"source":"stage","target":"Stage"},
            {"source":"total","target":"Amount","transforms":[{"op":"parseNumber"}]}]}"#,
    );
    let record = file("single", "r.json", r##"{"name":"#1","stage":"Closed Won","total":"10.50"}"##);
    let o = zck(&["map", "apply", &mapping, &record]);
    assert_eq!(o.status.code(), Some(0), "{}", stdout(&o));
    assert!(stdout(&o).starts_with("1 record(s): 1 mapped into 1 batch(es)"), "{}", stdout(&o));
    let scalar = file("single", "n.json", "42");
    let o = zck(&["map", "apply", &mapping, &scalar]);
    assert_eq!(o.status.code(), Some(2), "{}", stdout(&o));
    assert!(stdout(&o).contains("input.invalid_type"), "{}", stdout(&o));
}
