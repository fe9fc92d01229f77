//! `zck snippet`, `zck coql`, `zck check` and `zck fmt` as an admin runs them: output and exit codes.
#![cfg(all(feature = "cli", not(target_arch = "wasm32")))]
#![allow(clippy::unwrap_used, clippy::expect_used)] // tests: a panic is the failure report

mod zck_run;
use zck_run::{stdout, zck};

const CORPUS: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/data/deluge/corpus/");

#[test]
fn snippet_prints_the_deluge_of_a_spec() {
    let spec = r#"{"url": "https://api.example.com/v1/orders", "method": "POST", "connection": "example_api", "body": {"id": 7}}"#;
    let o = zck(&["snippet", "-"], Some(spec));
    assert_eq!(o.status.code(), Some(0));
    let out = stdout(&o);
    assert!(out.contains("payload.put(\"id\", 7);") && out.contains("\tconnection: \"example_api\""), "{out}");
}

#[test]
fn snippet_errors_exit_1_and_bad_json_exits_2() {
    let o = zck(&["snippet", "-"], Some(r#"{"method": "POST"}"#));
    assert_eq!(o.status.code(), Some(1));
    assert!(stdout(&o).contains("deluge.generate.missing_url"));
    let o = zck(&["snippet", "-", "--format", "json"], Some("{\"url\": "));
    assert_eq!(o.status.code(), Some(2));
    let o = zck(&["snippet", "-"], Some(r#"{"uri": "x"}"#));
    assert_eq!(o.status.code(), Some(2), "unknown fields are refused");
}

#[test]
fn snippet_record_builds_a_crm_insert() {
    let spec = r#"{"dataCenter": "eu", "module": "Leads", "operation": "insert", "records": [{"Last_Name": "Weber"}], "connection": "zoho_crm"}"#;
    let o = zck(&["snippet", "--record", "-"], Some(spec));
    assert_eq!(o.status.code(), Some(0));
    assert!(stdout(&o).contains("https://www.zohoapis.eu/crm/v8/Leads"));
}

#[test]
fn coql_reports_limit_and_exit_code() {
    let o = zck(&["coql", "select Email from Contacts limit 5000"], None);
    assert_eq!(o.status.code(), Some(1));
    assert!(stdout(&o).contains("coql.limit_too_high"));
    let o = zck(&["coql", "-", "--format", "json"], Some("select Email from Contacts limit 200"));
    assert_eq!(o.status.code(), Some(0));
    let v: serde_json::Value = serde_json::from_str(&stdout(&o)).unwrap();
    assert_eq!(v["diagnostics"], serde_json::json!([]));
}

#[test]
fn check_reports_each_file_with_line_and_column() {
    let bad = format!("{CORPUS}mistakes_invokeurl.dg");
    let good = format!("{CORPUS}external_api.dg");
    let o = zck(&["check", &good, &bad], None);
    assert_eq!(o.status.code(), Some(1));
    let out = stdout(&o);
    assert!(out.contains("external_api.dg: ok"), "{out}");
    assert!(out.contains("mistakes_invokeurl.dg:10:2: error[deluge.invokeurl.unknown_parameter]"), "{out}");
    let o = zck(&["check", &good, &bad, "--format", "json"], None);
    let v: serde_json::Value = serde_json::from_str(&stdout(&o)).unwrap();
    assert_eq!(v["files"][0]["diagnostics"], serde_json::json!([]));
    assert_eq!(v["files"][1]["diagnostics"][0]["line"], 4);
    let o = zck(&["check", "/nonexistent/file.dg"], None);
    assert_eq!(o.status.code(), Some(2));
}

#[test]
fn fmt_check_exits_1_when_not_formatted_and_stdin_prints_formatted() {
    // Code copied out of Zoho's editor is already formatted: `fmt --check` passes it unchanged.
    let saved = "resp = invokeurl\n[\n\turl :\"https://www.zohoapis.com/crm/v8/Deals/\" + id\n\ttype :GET\n\tconnection:\"crm\"\n];\nfor each  d in resp.get(\"data\")\n{\n\tif(d.get(\"Stage\") == \"Won\")\n\t{\n\t\tm.put(\"id\",d.get(\"id\"));\n\t}\n}\n";
    let o = zck(&["fmt", "--check", "-"], Some(saved));
    assert_eq!((o.status.code(), stdout(&o)), (Some(0), String::new()));
    let dir = std::env::temp_dir().join(format!("zck-fmt-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let file = dir.join("f.dg");
    std::fs::write(&file, "x=1;if(x>0){info x;}").unwrap();
    let path = file.to_str().unwrap();
    let o = zck(&["fmt", "--check", path], None);
    assert_eq!(o.status.code(), Some(1));
    assert!(stdout(&o).contains("not formatted"));
    let o = zck(&["fmt", path], None);
    assert_eq!(o.status.code(), Some(0));
    assert_eq!(std::fs::read_to_string(&file).unwrap(), "x = 1;\nif(x > 0)\n{\n\tinfo x;\n}\n");
    let o = zck(&["fmt", "--check", path], None);
    assert_eq!(o.status.code(), Some(0));
    // The earlier layout on request; the Zoho-layout file is then "not formatted" for it.
    let o = zck(&["fmt", "--check", "--layout", "spaced", path], None);
    assert_eq!(o.status.code(), Some(1));
    let o = zck(&["fmt", "--layout", "spaced", "-"], Some("if(x>0){m.put(\"a\",1);}"));
    assert_eq!(stdout(&o), "if (x > 0)\n{\n\tm.put(\"a\", 1);\n}\n");
    let o = zck(&["fmt", "-"], Some("info  1;"));
    assert_eq!(stdout(&o), "info 1;\n");
    let o = zck(&["fmt", "-"], Some("x = (1;"));
    assert_eq!(o.status.code(), Some(2), "syntax errors are refused, not mangled");
    std::fs::remove_dir_all(&dir).unwrap();
}

#[test]
fn describe_prints_a_built_in_with_its_page_and_refuses_unknown_names() {
    let o = zck(&["describe", "subString"], None);
    assert_eq!(o.status.code(), Some(0));
    let out = stdout(&o);
    assert!(out.starts_with("value.subString(start index[, end index])\n"), "{out}");
    assert!(
        out.contains("Arguments: 1 to 2")
            && out.contains("<https://www.zoho.com/deluge/help/functions/string/substring.html>"),
        "{out}"
    );
    let o = zck(&["describe", "zoho.desk.getrecordbyid", "--format", "json"], None);
    let json: serde_json::Value = serde_json::from_str(&stdout(&o)).unwrap();
    assert_eq!(json["name"], "zoho.desk.getRecordById");
    assert_eq!((json["min"].as_u64(), json["max"].as_u64()), (Some(3), Some(4)));
    assert_eq!(zck(&["describe", "zoho.crm.doMagic"], None).status.code(), Some(2));
}
