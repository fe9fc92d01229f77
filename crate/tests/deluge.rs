//! Deluge generate / check / format, driven by the data files under `tests/data/deluge/` (the npm tests run the
//! same files). Runs natively and, with `--target wasm32-unknown-unknown`, in headless Chromium.
#![allow(clippy::unwrap_used, clippy::expect_used)] // tests: a panic is the failure report

#[cfg(target_arch = "wasm32")]
use wasm_bindgen_test::wasm_bindgen_test as test;

use serde::Deserialize;
use serde_json::Value;
use zoho_connector_kit::deluge::coql::check_coql;
use zoho_connector_kit::deluge::format::{format_deluge_with, FormatOptions, Layout};
use zoho_connector_kit::deluge::generate::invoke_url_snippet;
use zoho_connector_kit::deluge::record_call::{generate_record_call, RecordCallSpec};
use zoho_connector_kit::deluge::{check_deluge, format_deluge, InvokeUrlSpec};
use zoho_connector_kit::input::parse_json_value;
use zoho_connector_kit::Diagnostic;

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct GenCase {
    name: String,
    spec: Value,
    contains: Vec<String>,
    codes: Vec<String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct CheckCase {
    name: String,
    text: String,
    codes: Vec<String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct FormatCase {
    name: String,
    input: String,
    output: String,
    /// Default Zoho's layout.
    #[serde(default)]
    layout: Layout,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct CoqlCase {
    text: String,
    codes: Vec<String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Expected {
    code: String,
    line: u32,
    column: u32,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct CorpusCase {
    file: String,
    formatted: bool,
    diagnostics: Vec<Expected>,
}

fn codes(found: &[Diagnostic]) -> Vec<&str> {
    found.iter().map(|d| d.code.as_str()).collect()
}

fn corpus_file(name: &str) -> &'static str {
    match name {
        "crm_fetch_update.dg" => include_str!("data/deluge/corpus/crm_fetch_update.dg"),
        "external_api.dg" => include_str!("data/deluge/corpus/external_api.dg"),
        "loops_maps.dg" => include_str!("data/deluge/corpus/loops_maps.dg"),
        "large_sync.dg" => include_str!("data/deluge/corpus/large_sync.dg"),
        "mistakes_syntax.dg" => include_str!("data/deluge/corpus/mistakes_syntax.dg"),
        "mistakes_invokeurl.dg" => include_str!("data/deluge/corpus/mistakes_invokeurl.dg"),
        "mistakes_names_loops.dg" => include_str!("data/deluge/corpus/mistakes_names_loops.dg"),
        other => panic!("corpus.json names an unknown file {other}"),
    }
}

/// Generated Deluge must check clean (only the no-connection warning, for calls made without one) and already be
/// formatted.
fn assert_clean_and_formatted(name: &str, deluge: &str) {
    let found = check_deluge(deluge);
    let has_connection = deluge.contains("\tconnection: ");
    assert!(
        found.iter().all(|d| !has_connection && d.code == "deluge.invokeurl.no_connection"),
        "{name}: generated Deluge has findings {found:?}\n{deluge}"
    );
    // The generator writes the spaced layout (issue 16 item 5 changed only the formatter's default).
    let spaced = format_deluge_with(deluge, FormatOptions { layout: Layout::Spaced });
    assert_eq!(spaced.as_deref(), Ok(deluge), "{name}: generated Deluge is not formatted");
}

#[test]
fn generate_cases() {
    let cases: Vec<GenCase> = serde_json::from_str(include_str!("data/deluge/generate.json")).unwrap();
    assert!(cases.len() >= 10);
    for case in cases {
        let spec: InvokeUrlSpec = parse_json_value(case.spec).unwrap();
        let snippet = invoke_url_snippet(&spec);
        assert_eq!(codes(&snippet.diagnostics), case.codes, "{}", case.name);
        match &snippet.deluge {
            Some(deluge) => {
                for want in &case.contains {
                    assert!(deluge.contains(want.as_str()), "{}: missing {want:?} in\n{deluge}", case.name);
                }
                assert_clean_and_formatted(&case.name, deluge);
            }
            None => assert!(!case.codes.is_empty(), "{}: no Deluge and no finding", case.name),
        }
    }
}

#[test]
fn record_call_cases() {
    let cases: Vec<GenCase> = serde_json::from_str(include_str!("data/deluge/record.json")).unwrap();
    for case in cases {
        let spec: RecordCallSpec = parse_json_value(case.spec).unwrap();
        let snippet = generate_record_call(&spec);
        assert_eq!(codes(&snippet.diagnostics), case.codes, "{}", case.name);
        if let Some(deluge) = &snippet.deluge {
            for want in &case.contains {
                assert!(deluge.contains(want.as_str()), "{}: missing {want:?} in\n{deluge}", case.name);
            }
            assert_clean_and_formatted(&case.name, deluge);
        }
    }
}

#[test]
fn too_many_records_for_one_call() {
    let records: Vec<Value> = (0..101).map(|i| serde_json::json!({ "Last_Name": format!("L{i}") })).collect();
    let spec = RecordCallSpec {
        data_center: Some("us".into()),
        module: Some("Leads".into()),
        operation: Some(zoho_connector_kit::deluge::record_call::Operation::Insert),
        records: Some(records[..100].to_vec()),
        ..Default::default()
    };
    assert!(generate_record_call(&spec).deluge.is_some(), "100 records fit one call");
    let spec = RecordCallSpec { records: Some(records), ..spec };
    assert_eq!(codes(&generate_record_call(&spec).diagnostics), ["deluge.record.too_many_records"]);
}

#[test]
fn check_cases() {
    let cases: Vec<CheckCase> = serde_json::from_str(include_str!("data/deluge/check.json")).unwrap();
    for case in cases {
        let found = check_deluge(&case.text);
        assert_eq!(codes(&found), case.codes, "{}: {found:?}", case.name);
        assert!(found.iter().all(|d| d.line.is_some() && d.column.is_some()), "{}", case.name);
    }
}

#[test]
fn format_cases() {
    let cases: Vec<FormatCase> = serde_json::from_str(include_str!("data/deluge/format.json")).unwrap();
    for case in cases {
        let options = FormatOptions { layout: case.layout };
        let out = format_deluge_with(&case.input, options).unwrap_or_else(|e| panic!("{}: {e:?}", case.name));
        assert_eq!(out, case.output, "{}", case.name);
        assert_eq!(format_deluge_with(&out, options).as_deref(), Ok(out.as_str()), "{}: not idempotent", case.name);
        assert!(
            check_deluge(&out).iter().all(|d| d.severity != zoho_connector_kit::Severity::Error),
            "{}: formatted text has errors",
            case.name
        );
    }
}

#[test]
fn coql_cases() {
    let cases: Vec<CoqlCase> = serde_json::from_str(include_str!("data/deluge/coql.json")).unwrap();
    for case in cases {
        assert_eq!(codes(&check_coql(&case.text)), case.codes, "{}", case.text);
    }
}

#[test]
fn coql_limits_on_fields_criteria_and_in_values() {
    let fields: Vec<String> = (0..51).map(|i| format!("F{i}")).collect();
    let q = format!("select {} from Leads", fields.join(", "));
    assert_eq!(codes(&check_coql(&q)), ["coql.too_many_fields"]);
    let q = format!("select {} from Leads", fields[..50].join(", "));
    assert!(check_coql(&q).is_empty());
    let values: Vec<String> = (0..51).map(|i| format!("'{i}'")).collect();
    let q = format!("select a from Leads where a in ({})", values.join(", "));
    assert_eq!(codes(&check_coql(&q)), ["coql.too_many_in_values"]);
    // 26 criteria, bracketed in pairs.
    let mut criteria = "a0 = 0".to_string();
    for i in 1..26 {
        criteria = format!("({criteria} and a{i} = {i})");
    }
    let q = format!("select a from Leads where {criteria}");
    assert_eq!(codes(&check_coql(&q)), ["coql.too_many_criteria"]);
}

#[test]
fn corpus_findings_and_formatting() {
    let cases: Vec<CorpusCase> = serde_json::from_str(include_str!("data/deluge/corpus.json")).unwrap();
    for case in cases {
        let text = corpus_file(&case.file);
        let found = check_deluge(text);
        let got: Vec<(&str, u32, u32)> =
            found.iter().map(|d| (d.code.as_str(), d.line.unwrap_or(0), d.column.unwrap_or(0))).collect();
        let want: Vec<(&str, u32, u32)> =
            case.diagnostics.iter().map(|e| (e.code.as_str(), e.line, e.column)).collect();
        assert_eq!(got, want, "{}", case.file);
        // These files are written in the spaced layout.
        let formatted = format_deluge_with(text, FormatOptions { layout: Layout::Spaced });
        assert_eq!(formatted.is_ok(), format_deluge(text).is_ok(), "{}", case.file);
        if case.formatted {
            assert_eq!(formatted.as_deref(), Ok(text), "{} should already be formatted", case.file);
        } else {
            assert!(formatted.is_err(), "{}: text with syntax errors must be refused", case.file);
        }
    }
    assert!(corpus_file("large_sync.dg").lines().count() >= 1900);
}
