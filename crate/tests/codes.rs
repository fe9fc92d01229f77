//! The table of finding codes (`code::Code`) against the code and the tests (native only: it reads the source tree).
//!
//! - every listed code is emitted somewhere in `crate/src` (a code nothing emits is a dead check or a stale row);
//! - every code is named by at least one test or case table (by its text or `Code::Variant`), except the codes in
//!   `NOT_YET_TESTED`. That list may only shrink: a code in it that a test now names fails this test until it is
//!   taken off, and a new code must come with a test.
//! - the npm package declares the same codes (`FindingCode`, checked on the built `.d.ts` when it exists).
#![cfg(not(target_arch = "wasm32"))]

use std::path::{Path, PathBuf};
use zoho_connector_kit::code::{Code, TS_FINDING_CODES};

/// Codes no test names yet (measured when the table was introduced: 61 of 292). Remove a line when you add a test.
const NOT_YET_TESTED: &[&str] = &[
    "apply.lookup_without_id",
    "mapping.picklist_actual_value",
    "apply.bad_lookup",
    "apply.bad_zone",
    "apply.datetime_without_zone",
    "apply.inexact_number",
    "apply.longer_than_small_textarea",
    "apply.phone_characters",
    "apply.read_only",
    "auth.no_randomness",
    "auth.redirect_invalid",
    "connection.access_type_repeated",
    "connection.client_id_whitespace",
    "connection.client_secret_is_client_id",
    "connection.key_name_placeholder",
    "connection.key_name_whitespace",
    "connection.prompt_invalid",
    "connection.unknown_param_type",
    "connection.url_invalid",
    "connection.username_placeholder",
    "coql.missing_fields",
    "coql.missing_module",
    "deluge.generate.bad_api_version",
    "deluge.generate.bad_form_body",
    "deluge.generate.bad_query_value",
    "deluge.generate.bad_response_var",
    "deluge.generate.bad_text_body",
    "deluge.generate.no_api_domain",
    "deluge.record.bad_id",
    "deluge.record.bad_record",
    "deluge.record.missing_criteria",
    "deluge.record.missing_data_center",
    "deluge.record.missing_module",
    "deluge.record.missing_operation",
    "deluge.record.missing_query",
    "deluge.record.missing_records",
    "internal.serialize",
    "mapping.constant_invalid",
    "mapping.constant_note",
    "mapping.missing_source",
    "mapping.missing_target",
    "schema.field_without_api_name",
    "schema.field_without_data_type",
    "schema.no_fields",
    "scope.empty_item",
    "test.no_api_domain",
    "throttle.future_events",
    "throttle.no_events",
    "token.body_not_object",
    "token.invalid_call_url",
    "token.invalid_expires_in",
    "token.invalid_url",
    "token.missing_body",
    "token.missing_client_id",
    "webhook.invalid_url",
];

fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("..")
}

fn read_tree(dir: &Path, exts: &[&str], out: &mut String) {
    let Ok(entries) = std::fs::read_dir(dir) else { return };
    for entry in entries.flatten() {
        let path = entry.path();
        if path.is_dir() {
            if path.file_name().is_some_and(|n| n == "fuzz-regressions") {
                continue;
            }
            read_tree(&path, exts, out);
        } else if path.extension().and_then(|e| e.to_str()).is_some_and(|e| exts.contains(&e))
            && !path.ends_with("codes.rs")
        {
            out.push_str(&std::fs::read_to_string(&path).unwrap_or_default());
            out.push('\n');
        }
    }
}

/// The variant name of a code, as written in Rust (`Code::DcWrongHost`).
fn variant(code: Code) -> String {
    format!("Code::{code:?}")
}

/// True when `text` names `code` as a whole word (not as the prefix of a longer code).
fn names(text: &str, code: &str) -> bool {
    text.match_indices(code).any(|(at, _)| {
        let before = text[..at].chars().next_back();
        let after = text[at + code.len()..].chars().next();
        !before.is_some_and(|c| c.is_alphanumeric() || c == '_' || c == '.')
            && !after.is_some_and(|c| c.is_alphanumeric() || c == '_')
    })
}

#[test]
fn every_listed_code_is_emitted_by_the_core() {
    let mut src = String::new();
    read_tree(&root().join("crate/src"), &["rs"], &mut src);
    let table = std::fs::read_to_string(root().join("crate/src/code.rs")).unwrap();
    let code_outside_table = src.replace(&table, "");
    let dead: Vec<&str> =
        Code::ALL.iter().filter(|c| !code_outside_table.contains(&variant(**c))).map(|c| c.as_str()).collect();
    assert!(dead.is_empty(), "listed in code.rs but emitted nowhere: {dead:?}");
}

#[test]
fn every_code_is_named_by_a_test_and_the_untested_list_only_shrinks() {
    let mut tests = String::new();
    read_tree(&root().join("crate/tests"), &["rs", "json"], &mut tests);
    read_tree(&root().join("tests"), &["mjs", "json", "ts"], &mut tests);
    let tested = |c: &Code| names(&tests, c.as_str()) || tests.contains(&variant(*c));
    let untested: Vec<&str> =
        Code::ALL.iter().filter(|c| !tested(c) && !NOT_YET_TESTED.contains(&c.as_str())).map(|c| c.as_str()).collect();
    assert!(untested.is_empty(), "no test names these codes; add a case (or, for now, list them): {untested:?}");
    let now_tested: Vec<&str> =
        NOT_YET_TESTED.iter().copied().filter(|t| Code::parse(t).is_none_or(|c| tested(&c))).collect();
    assert!(now_tested.is_empty(), "tested now (or no longer codes): take them off NOT_YET_TESTED: {now_tested:?}");
}

#[test]
fn the_npm_types_declare_every_code() {
    for code in Code::ALL {
        assert!(names(TS_FINDING_CODES, code.as_str()), "{code} missing from FindingCode");
    }
    // The built package, when this checkout has one (`npm run build`), carries the union verbatim.
    if let Ok(dts) = std::fs::read_to_string(root().join("pkg/node/zoho_connector_kit.d.ts")) {
        assert!(
            dts.contains(TS_FINDING_CODES.trim_end()),
            "pkg/node/zoho_connector_kit.d.ts is older than code.rs: rebuild"
        );
    }
}
