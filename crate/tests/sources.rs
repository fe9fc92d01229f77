//! Sources (issue 13, point 3): every `source` the crate can hand to a user, and the registry
//! (`crate/data/sources.json`) those values are to be ids of.
//!
//! `scripts/sources-migrate.mjs` replaced the old `zoho-facts.md §…` strings by registry ids; the two tests that
//! demand ids (every reachable source, every emitted finding) now run.

#![allow(clippy::unwrap_used, clippy::expect_used)] // tests: a panic is the failure report

#[cfg(target_arch = "wasm32")]
use wasm_bindgen_test::wasm_bindgen_test as test;

use serde::Deserialize;
use zoho_connector_kit::code::Code;
use zoho_connector_kit::connection::{validate_connection, ConnectionConfigInput};
use zoho_connector_kit::deluge::check_deluge;
use zoho_connector_kit::explain::{explain_error, ExplainInput};
use zoho_connector_kit::field::{builtin, CrmFieldType};
use zoho_connector_kit::input::parse_json_value;
use zoho_connector_kit::source::{self, SourceKind};
use zoho_connector_kit::token::{ThrottleInput, TokenRequestInput, TokenResponseInput};
use zoho_connector_kit::webhook::{validate_webhook, WebhookInput};
use zoho_connector_kit::{data_center, preset, scope, token, Diagnostic};

/// Every `source` value reachable from the crate's data without any input: data-center hosts, presets, token
/// limits, the token store, scope families, CRM field types, the built-in module schemas and the explanation of
/// every error in the shared error cases. Each item is `(where, value)`.
fn reachable_sources() -> Vec<(String, String)> {
    let mut out = Vec::new();
    let mut add = |place: String, value: &str| out.push((place, value.to_string()));
    for dc in data_center::list() {
        let k = dc.id.key();
        add(format!("data center {k}: accounts server"), dc.accounts_server.source);
        for (what, fact) in [
            ("API domain", &dc.api_domain),
            ("sandbox API domain", &dc.sandbox_api_domain),
            ("developer API domain", &dc.developer_api_domain),
            ("file host", &dc.file_host),
            ("CRM web host", &dc.crm_web_host),
            ("API console", &dc.api_console),
        ] {
            if let Some(f) = fact {
                add(format!("data center {k}: {what}"), f.source);
            }
        }
        for f in dc.deluge_callbacks {
            add(format!("data center {k}: Deluge callback {}", f.value), f.source);
        }
    }
    for p in preset::presets() {
        let id = &p.id;
        add(format!("preset {id}: authorizeUrl"), &p.authorize_url.source);
        add(format!("preset {id}: tokenUrl"), &p.token_url.source);
        for (what, v) in
            [("refreshUrl", &p.refresh_url), ("revokeUrl", &p.revoke_url), ("scopeDelimiter", &p.scope_delimiter)]
        {
            if let Some(v) = v {
                add(format!("preset {id}: {what}"), &v.source);
            }
        }
        add(format!("preset {id}: scopes"), &p.scopes.source);
        add(format!("preset {id}: apiBase"), &p.api_base.source);
        if let Some(call) = &p.first_call {
            add(format!("preset {id}: firstCall"), &call.source);
        }
        for (i, q) in p.quirks.iter().enumerate() {
            add(format!("preset {id}: quirks[{i}]"), &q.source);
        }
    }
    for limit in token::token_limits() {
        for v in limit.values {
            add(format!("token limit {:?}: {}", limit.id, v.value), v.source);
        }
    }
    add("token store schema".into(), token::token_store_schema().source);
    for f in &scope::CRM_FAMILIES {
        add(format!("scope family {}", f.name), f.source);
    }
    for name in [
        "text",
        "textarea",
        "email",
        "phone",
        "website",
        "mediumtext",
        "profileimage",
        "autonumber",
        "integer",
        "bigint",
        "double",
        "currency",
        "percent",
        "boolean",
        "date",
        "datetime",
        "picklist",
        "multiselectpicklist",
        "lookup",
        "ownerlookup",
        "userlookup",
        "multiuserlookup",
        "multiselectlookup",
        "subform",
        "fileupload",
        "imageupload",
        "formula",
    ] {
        let info = CrmFieldType::from_api(name).info();
        add(format!("field type {name}"), info.source);
        if let Some(s) = info.limit_source {
            add(format!("field type {name}: limit"), s);
        }
    }
    for schema in builtin::all() {
        for f in &schema.fields {
            add(format!("built-in field {}.{}", schema.module, f.api_name), &f.source);
        }
    }
    for case in error_cases() {
        let input = ExplainInput { status: case.status, body: serde_json::from_str(&case.body).ok(), context: None };
        if let Some(s) = explain_error(&input).source {
            add(format!("explanation of {}", case.name), &s);
        }
    }
    out
}

#[derive(Deserialize)]
struct ErrorCase {
    name: String,
    #[serde(default)]
    status: Option<u16>,
    body: String,
}

fn error_cases() -> Vec<ErrorCase> {
    // Only the fields this test needs; the explain test checks the rest of each case.
    let all: Vec<serde_json::Value> = serde_json::from_str(include_str!("data/errors/cases.json")).unwrap();
    all.into_iter().map(|v| serde_json::from_value(v).unwrap()).collect()
}

/// Findings the crate emits for realistic input: every connection case and every Deluge corpus file.
fn emitted_diagnostics() -> Vec<Diagnostic> {
    let mut out = Vec::new();
    let cases: Vec<serde_json::Value> = serde_json::from_str(include_str!("data/connections/cases.json")).unwrap();
    for case in cases {
        if let Ok(input) = parse_json_value::<ConnectionConfigInput>(case["config"].clone()) {
            out.extend(validate_connection(&input).diagnostics);
        }
    }
    for text in [
        include_str!("data/deluge/corpus/crm_fetch_update.dg"),
        include_str!("data/deluge/corpus/external_api.dg"),
        include_str!("data/deluge/corpus/loops_maps.dg"),
        include_str!("data/deluge/corpus/large_sync.dg"),
        include_str!("data/deluge/corpus/mistakes_syntax.dg"),
        include_str!("data/deluge/corpus/mistakes_invokeurl.dg"),
        include_str!("data/deluge/corpus/mistakes_names_loops.dg"),
    ] {
        out.extend(check_deluge(text));
    }
    // Webhooks and the three token checks: every case of their shared tables (each case holds an `input`).
    let inputs = |json: &str| -> Vec<serde_json::Value> {
        let cases: Vec<serde_json::Value> = serde_json::from_str(json).unwrap();
        cases.into_iter().map(|c| c["input"].clone()).collect()
    };
    for input in inputs(include_str!("data/mapping/webhook.json")) {
        if let Ok(input) = parse_json_value::<WebhookInput>(input) {
            out.extend(validate_webhook(&input).diagnostics);
        }
    }
    for input in inputs(include_str!("data/token/requests.json")) {
        if let Ok(input) = parse_json_value::<TokenRequestInput>(input) {
            out.extend(token::build_token_requests(&input).diagnostics);
        }
    }
    for input in inputs(include_str!("data/token/responses.json")) {
        if let Ok(input) = parse_json_value::<TokenResponseInput>(input) {
            out.extend(token::parse_token_response(&input).diagnostics);
        }
    }
    for input in inputs(include_str!("data/token/throttle.json")) {
        if let Ok(input) = parse_json_value::<ThrottleInput>(input) {
            let answer = token::check_throttle(&input);
            // The answer's own source too, as a finding-like value, so a joined text would be caught.
            if !answer.source.is_empty() {
                out.push(Diagnostic::info(Code::ScopeUnverified, "throttle.source", "x").with_source(answer.source));
            }
            out.extend(answer.diagnostics);
        }
    }
    out
}

/// The findings whose `source` is set but is not an id of the registry, as `code@path: source` lines.
///
/// [`emitted_diagnostics`] covers the connection, Deluge, webhook and token tables; the mapping, preset and
/// connection-test findings are not fed in yet (their sources are constants and data checked by
/// `every_reachable_source_is_a_registry_id`, but a runtime-built text there would not be caught).
fn unknown_sources(diagnostics: &[Diagnostic]) -> Vec<String> {
    let mut out: Vec<String> = diagnostics
        .iter()
        .filter_map(|d| d.source.as_deref().map(|s| (d, s)))
        .filter(|(_, s)| source::lookup(s).is_none())
        .map(|(d, s)| format!("{}@{}: {s}", d.code, d.path))
        .collect();
    out.sort();
    out.dedup();
    out
}

/// Fails, naming each offender, when a finding cites something that is not a registry id.
fn assert_sources_are_registry_ids(diagnostics: &[Diagnostic]) {
    let unknown = unknown_sources(diagnostics);
    assert!(
        unknown.is_empty(),
        "{} finding(s) cite a source that is not in crate/data/sources.json:\n{}",
        unknown.len(),
        unknown.join("\n")
    );
}

#[test]
fn the_registry_is_sound_and_sdk_entries_are_zoho_code_on_github() {
    assert_eq!(source::problems(source::all()), Vec::<String>::new());
    for s in source::all().iter().filter(|s| s.kind == SourceKind::Sdk) {
        let url = s.url.as_deref().unwrap_or("");
        assert!(
            url.starts_with("https://github.com/zoho/"),
            "{}: an SDK source must be Zoho's code on GitHub, not {url:?}",
            s.id
        );
    }
    for s in source::all().iter().filter(|s| s.url.is_none()) {
        assert!(s.title.len() > 10, "{}: an entry without an address needs a title that says what it is", s.id);
    }
}

#[test]
fn every_reachable_fact_has_a_source() {
    let all = reachable_sources();
    assert!(all.len() > 150, "the scan lost its reach: {} values", all.len());
    let empty: Vec<&String> = all.iter().filter(|(_, v)| v.trim().is_empty()).map(|(w, _)| w).collect();
    assert!(empty.is_empty(), "facts without a source: {empty:?}");
}

#[test]
fn the_finding_check_accepts_registry_ids_and_names_everything_else() {
    let good = Diagnostic::info(Code::ScopeUnverified, "x", "Fine.").with_source("zoho-accounts-token-limits");
    let none = Diagnostic::info(Code::ScopeDeprecated, "y", "No source at all is not this check's business.");
    let old =
        Diagnostic::warning(Code::ScopeRedundant, "z", "Old.").with_source("zoho-facts.md §4: ACC token-limits.html");
    let typo = Diagnostic::error(Code::ScopeGrammar, "w", "Typo.").with_source("zoho-accounts-token-limit");
    assert!(unknown_sources(&[good.clone(), none]).is_empty());
    assert_eq!(
        unknown_sources(&[good, old, typo]),
        ["scope.grammar@w: zoho-accounts-token-limit", "scope.redundant@z: zoho-facts.md §4: ACC token-limits.html"]
    );
    // The assertion itself fails on such a list (native only: a panic in Wasm aborts the whole run).
    #[cfg(not(target_arch = "wasm32"))]
    assert!(std::panic::catch_unwind(|| {
        assert_sources_are_registry_ids(&[Diagnostic::info(Code::ScopeUnverified, "", "Q.").with_source("nope")]);
    })
    .is_err());
    assert_sources_are_registry_ids(
        &[Diagnostic::info(Code::ScopeUnverified, "", "Q.").with_source("deluge-keywords")],
    );
}

#[test]
fn every_reachable_source_is_a_registry_id() {
    let unknown: Vec<String> = reachable_sources()
        .into_iter()
        .filter(|(_, v)| source::lookup(v).is_none())
        .map(|(w, v)| format!("{w}: {v}"))
        .collect();
    assert!(unknown.is_empty(), "{} source value(s) are not registry ids:\n{}", unknown.len(), unknown.join("\n"));
}

#[test]
fn every_emitted_finding_cites_a_registry_id() {
    let diagnostics = emitted_diagnostics();
    assert!(
        diagnostics.iter().filter(|d| d.source.is_some()).count() > 20,
        "the inputs no longer produce sourced findings"
    );
    assert_sources_are_registry_ids(&diagnostics);
}

/// docs/facts.md cites every registry entry, and only registry entries. (Native only: the file is outside the
/// crate, so it is read from disk; `cargo package` builds without it and this test is then skipped loudly.)
#[cfg(not(target_arch = "wasm32"))]
#[test]
fn the_facts_document_cites_every_source_and_only_registry_ids() {
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../docs/facts.md");
    let Ok(doc) = std::fs::read_to_string(&path) else {
        eprintln!("skipped: {} is not here (a packaged crate)", path.display());
        return;
    };
    let mut cited = Vec::new();
    for part in doc.split('[').skip(1) {
        let Some((id, _)) = part.split_once(']') else { continue };
        if id.contains('-') && source::is_kebab_case(id) {
            cited.push(id.to_string());
        }
    }
    let unknown: Vec<&String> = cited.iter().filter(|id| source::lookup(id).is_none()).collect();
    assert!(unknown.is_empty(), "docs/facts.md cites ids the registry lacks: {unknown:?}");
    let uncited: Vec<&str> =
        source::all().iter().map(|s| s.id.as_str()).filter(|id| !cited.iter().any(|c| c == id)).collect();
    assert!(uncited.is_empty(), "registry entries docs/facts.md never cites: {uncited:?}");
}

/// A preset's findings cite the registry id of the fact they rest on. Before, they were built at run time as
/// "preset {id}: {source}", a text no renderer can look up.
#[test]
fn preset_findings_cite_registry_ids() {
    use zoho_connector_kit::preset::{check, PresetCheck};
    let scopes = vec!["a".to_string(), "b".to_string()];
    let mut found = Vec::new();
    for p in preset::presets() {
        let view = PresetCheck {
            // Hosts no preset expects, scopes with a delimiter most presets refuse: as many findings as it gets.
            urls: [
                ("authorizeUrl", Some("https://example.com/authorize")),
                ("tokenUrl", Some("https://example.com/token")),
                ("refreshUrl", None),
                ("revokeUrl", None),
            ],
            scopes: &scopes,
            scope_delimiter: Some("plus"),
        };
        found.extend(check(p, &view));
    }
    assert!(found.iter().filter(|d| d.source.is_some()).count() >= 4, "{found:#?}");
    assert_sources_are_registry_ids(&found);
}
