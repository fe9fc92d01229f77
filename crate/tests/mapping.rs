//! Field mapping and webhooks, driven by the same data files as the npm tests (`tests/data/mapping/*.json`).
//! Runs natively and, with `--target wasm32-unknown-unknown`, in headless Chromium.
#![allow(clippy::unwrap_used, clippy::expect_used)] // tests: a panic is the failure report

#[cfg(target_arch = "wasm32")]
use wasm_bindgen_test::wasm_bindgen_test as test;

use serde::Deserialize;
use serde_json::{json, Value};
use std::collections::BTreeMap;
use zoho_connector_kit::deluge::check_deluge;
use zoho_connector_kit::field::{builtin, CrmSchemaInput, SourceSchema};
use zoho_connector_kit::input::parse_json_value;
use zoho_connector_kit::mapping::{
    apply_mapping, generate_mapping_deluge, validate_mapping, CaseStyle, FieldMapping, Transform,
};
use zoho_connector_kit::webhook::{validate_webhook, WebhookInput};
use zoho_connector_kit::Diagnostic;

const LEADS_REPLY: &str = include_str!("data/mapping/leads_fields_reply.json");
const SOURCES: &str = include_str!("data/mapping/source_schemas.json");

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
#[serde(rename_all = "camelCase")]
struct ValidateCase {
    name: String,
    crm: Value,
    #[serde(default)]
    source: Option<String>,
    mapping: Value,
    codes: Vec<String>,
    #[serde(default)]
    messages: BTreeMap<String, String>,
    #[serde(default)]
    fixes: BTreeMap<String, String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
#[serde(rename_all = "camelCase")]
struct ApplyCase {
    name: String,
    crm: Value,
    mapping: Value,
    records: Vec<Value>,
    #[serde(default)]
    repeat: Option<usize>,
    #[serde(default)]
    sent: Option<Vec<usize>>,
    #[serde(default)]
    skipped: Option<Vec<usize>>,
    #[serde(default)]
    batch_sizes: Option<Vec<usize>>,
    findings: Vec<(usize, String, String)>,
    #[serde(default)]
    payloads: Option<Vec<Value>>,
    /// Codes of the preview's findings about the mapping itself.
    #[serde(default)]
    mapping_findings: Vec<String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
#[serde(rename_all = "camelCase")]
struct WebhookCase {
    name: String,
    input: Value,
    codes: Vec<String>,
    #[serde(default)]
    webhook: Option<Value>,
    #[serde(default)]
    deluge_contains: Vec<String>,
    #[serde(default)]
    not_contains: Option<String>,
    #[serde(default)]
    messages: BTreeMap<String, String>,
    #[serde(default)]
    sources: BTreeMap<String, String>,
}

/// `{"module": "Leads", "reply": "leads_fields_reply"}` names the data file holding the reply.
fn crm_schema(crm: &Value) -> zoho_connector_kit::field::ModuleSchema {
    let mut crm = crm.clone();
    if crm.get("reply").and_then(Value::as_str) == Some("leads_fields_reply") {
        crm["reply"] = serde_json::from_str(LEADS_REPLY).unwrap();
    }
    let input: CrmSchemaInput = parse_json_value(crm).unwrap();
    let (schema, findings) = input.resolve().unwrap();
    assert!(findings.is_empty(), "{findings:?}");
    schema
}

fn sorted(mut v: Vec<String>) -> Vec<String> {
    v.sort();
    v
}

fn check_texts(name: &str, diagnostics: &[Diagnostic], map: &BTreeMap<String, String>, part: fn(&Diagnostic) -> &str) {
    for (code, text) in map {
        assert!(
            diagnostics.iter().any(|d| &d.code == code && part(d).contains(text.as_str())),
            "{name}: no {code} containing {text:?} in {diagnostics:#?}"
        );
    }
}

#[test]
fn validate_cases() {
    let cases: Vec<ValidateCase> = serde_json::from_str(include_str!("data/mapping/validate.json")).unwrap();
    let sources: BTreeMap<String, SourceSchema> = serde_json::from_str(SOURCES).unwrap();
    assert!(cases.len() >= 12);
    for case in cases {
        let schema = crm_schema(&case.crm);
        let mapping: FieldMapping = parse_json_value(case.mapping).unwrap();
        let source = case.source.as_ref().map(|s| &sources[s]);
        let found = validate_mapping(&mapping, &schema, source);
        let codes = sorted(found.iter().map(|d| d.code.to_string()).collect());
        assert_eq!(codes, sorted(case.codes), "{}: {found:#?}", case.name);
        check_texts(&case.name, &found, &case.messages, |d| &d.message);
        check_texts(&case.name, &found, &case.fixes, |d| &d.fix);
        // Errors come first.
        assert!(found.windows(2).all(|w| w[0].severity >= w[1].severity), "{}", case.name);
    }
}

#[test]
fn apply_cases() {
    let cases: Vec<ApplyCase> = serde_json::from_str(include_str!("data/mapping/apply.json")).unwrap();
    for case in cases {
        let schema = crm_schema(&case.crm);
        let mapping: FieldMapping = parse_json_value(case.mapping).unwrap();
        let records: Vec<Value> = match case.repeat {
            Some(n) => std::iter::repeat_n(case.records[0].clone(), n).collect(),
            None => case.records,
        };
        let preview = apply_mapping(&mapping, &schema, &records);
        if let Some(sent) = &case.sent {
            assert_eq!(&preview.sent, sent, "{}: {:#?}", case.name, preview.findings);
        }
        if let Some(skipped) = &case.skipped {
            assert_eq!(&preview.skipped, skipped, "{}", case.name);
        }
        let mut got: Vec<(usize, String, String)> =
            preview.findings.iter().map(|f| (f.record, f.field.clone(), f.code.to_string())).collect();
        let mut want = case.findings.clone();
        got.sort();
        want.sort();
        assert_eq!(got, want, "{}: {:#?}", case.name, preview.findings);
        let mapping_codes: Vec<&str> = preview.mapping_findings.iter().map(|d| d.code.as_str()).collect();
        assert_eq!(mapping_codes, case.mapping_findings, "{}", case.name);
        let sizes: Vec<usize> = preview.batches.iter().map(|b| b["data"].as_array().unwrap().len()).collect();
        if let Some(expected) = &case.batch_sizes {
            assert_eq!(&sizes, expected, "{}", case.name);
        }
        assert!(sizes.iter().all(|s| *s <= 100), "{}", case.name);
        if let Some(payloads) = &case.payloads {
            let sent: Vec<&Value> = preview.batches.iter().flat_map(|b| b["data"].as_array().unwrap()).collect();
            for (i, expected) in payloads.iter().enumerate() {
                assert_eq!(sent[i], expected, "{}: payload {i}", case.name);
            }
        }
    }
}

#[test]
fn webhook_cases() {
    let cases: Vec<WebhookCase> = serde_json::from_str(include_str!("data/mapping/webhook.json")).unwrap();
    for case in cases {
        let input: WebhookInput = parse_json_value(case.input).unwrap();
        let check = validate_webhook(&input);
        let codes = sorted(check.diagnostics.iter().map(|d| d.code.to_string()).collect());
        assert_eq!(codes, sorted(case.codes), "{}: {:#?}", case.name, check.diagnostics);
        check_texts(&case.name, &check.diagnostics, &case.messages, |d| &d.message);
        check_texts(&case.name, &check.diagnostics, &case.sources, |d| d.source.as_deref().unwrap_or(""));
        assert_eq!(check.webhook.is_some(), !Diagnostic::has_errors(&check.diagnostics), "{}", case.name);
        if let Some(webhook) = &case.webhook {
            assert_eq!(check.webhook.as_ref(), Some(webhook), "{}", case.name);
        }
        let deluge = check.deluge.clone().unwrap_or_default();
        for part in &case.deluge_contains {
            assert!(deluge.contains(part.as_str()), "{}: {part} in\n{deluge}", case.name);
        }
        if let Some(secret) = &case.not_contains {
            let all = serde_json::to_string(&check).unwrap() + &format!("{input:?}");
            assert!(!all.contains(secret.as_str()), "{}: the custom parameter value leaked", case.name);
        }
    }
}

#[test]
fn built_in_schemas_have_their_mandatory_fields_with_sources() {
    for (module, mandatory) in [
        ("Leads", vec!["Last_Name"]),
        ("Contacts", vec!["Last_Name"]),
        ("Accounts", vec!["Account_Name"]),
        ("Deals", vec!["Deal_Name", "Stage"]),
    ] {
        let schema = builtin::schema(module).unwrap();
        let found: Vec<&str> = schema.fields.iter().filter(|f| f.mandatory).map(|f| f.api_name.as_str()).collect();
        assert_eq!(found, mandatory, "{module}");
        assert!(schema.fields.iter().all(|f| !f.source.is_empty()), "{module}");
    }
}

#[test]
fn pasted_reply_keeps_types_lengths_and_picklists() {
    let schema = crm_schema(&json!({"module": "Leads", "reply": "leads_fields_reply"}));
    assert_eq!(schema.fields.len(), 17);
    let source = schema.field("Lead_Source").unwrap();
    assert_eq!(source.pick_list_values, ["Advertisement", "Online Store", "Partner", "Web Download"]);
    assert!(schema.field("Lead_Score").unwrap().read_only);
    assert_eq!(schema.field("Shopify_Customer_Id").unwrap().data_type.api_name(), "bigint");
    assert_eq!(schema.field("Annual_Revenue").unwrap().decimal_place, Some(2));
}

#[test]
fn generated_deluge_passes_the_checker_for_every_mapping() {
    let validate: Vec<ValidateCase> = serde_json::from_str(include_str!("data/mapping/validate.json")).unwrap();
    let apply: Vec<ApplyCase> = serde_json::from_str(include_str!("data/mapping/apply.json")).unwrap();
    let all = validate
        .into_iter()
        .map(|c| (c.name, c.crm, c.mapping))
        .chain(apply.into_iter().map(|c| (c.name, c.crm, c.mapping)));
    let mut count = 0;
    for (name, crm, mapping) in all {
        let schema = crm_schema(&crm);
        let mapping: FieldMapping = parse_json_value(mapping).unwrap();
        let out = generate_mapping_deluge(&mapping, &schema, "https://www.zohoapis.eu", "zoho_crm_eu");
        // Issue 17: a target that is not a field, or a transform Deluge cannot do as the preview does, gets no
        // function but an error naming it.
        let untranslatable = mapping.fields.iter().any(|m| {
            m.target.as_deref().is_some_and(|t| schema.field(t.trim()).is_none())
                || m.transforms.iter().any(|t| {
                    matches!(t, Transform::ParseDatetime { .. } | Transform::FormatNumber { .. })
                        || matches!(t, Transform::Case { to: CaseStyle::Title })
                })
        });
        if untranslatable {
            assert!(out.deluge.is_none(), "{name}");
            assert!(
                out.diagnostics.iter().any(|d| d.severity == zoho_connector_kit::Severity::Error
                    && matches!(d.code.as_str(), "mapping.unknown_field" | "mapping.deluge_untranslatable")),
                "{name}: {:#?}",
                out.diagnostics
            );
            continue;
        }
        let deluge = out.deluge.unwrap_or_else(|| panic!("{name}: {:#?}", out.diagnostics));
        assert!(check_deluge(&deluge).is_empty(), "{name}:\n{deluge}\n{:#?}", check_deluge(&deluge));
        assert!(deluge.contains(&format!("url: \"https://www.zohoapis.eu/crm/v8/{}\"", schema.module)), "{name}");
        count += 1;
    }
    assert!(count >= 19);
}

#[test]
fn generated_deluge_does_the_transforms_of_the_shopify_deals_mapping() {
    let case: Vec<ApplyCase> = serde_json::from_str(include_str!("data/mapping/apply.json")).unwrap();
    let mapping: FieldMapping = parse_json_value(case[0].mapping.clone()).unwrap();
    let out = generate_mapping_deluge(&mapping, &builtin::schema("Deals").unwrap(), "https://www.zohoapis.com", "crm");
    let deluge = out.deluge.unwrap();
    for part in [
        "value_map = {\"paid\": \"Closed Won\", \"pending\": \"Negotiation/Review\", \"refunded\": \"Closed Lost\"};",
        "errors.add(\"not in the value map: \" + value);",
        "text = text.replaceAll(\",\", \"\", true);",
        "lookup.put(\"id\", id);",
        "if(record.get(\"Stage\") == null && !errors.contains(\"Stage is blank\"))",
        "payload.put(\"data\", mapped_records);",
        "connection: \"crm\"",
    ] {
        assert!(deluge.contains(part), "{part} in\n{deluge}");
    }
}

#[test]
fn webhook_deluge_skeletons_pass_the_checker() {
    let cases: Vec<WebhookCase> = serde_json::from_str(include_str!("data/mapping/webhook.json")).unwrap();
    let mut checked = 0;
    for case in cases {
        let input: WebhookInput = parse_json_value(case.input).unwrap();
        if let Some(deluge) = validate_webhook(&input).deluge {
            assert!(check_deluge(&deluge).is_empty(), "{}:\n{deluge}\n{:#?}", case.name, check_deluge(&deluge));
            checked += 1;
        }
    }
    assert!(checked >= 6);
}

/// Issue 17: `validate_mapping` and `apply_mapping` give one answer on type compatibility. For each source kind
/// (with a typical value) and each CRM type, validate refuses the type exactly when the preview refuses the value
/// for its type.
#[test]
fn validate_and_apply_share_one_type_decision() {
    let types = [
        "text",
        "email",
        "integer",
        "bigint",
        "double",
        "currency",
        "boolean",
        "date",
        "datetime",
        "picklist",
        "multiselectpicklist",
        "lookup",
    ];
    let mut reply = vec![json!({"api_name": "Last_Name", "data_type": "text", "system_mandatory": true})];
    reply.extend(types.iter().map(|t| json!({"api_name": format!("F_{t}"), "data_type": t})));
    let schema = crm_schema(&json!({"module": "Leads", "reply": {"fields": reply}}));
    // (source type, value, transforms)
    let kinds = [
        ("string", json!("12"), json!([])),
        ("string", json!("12"), json!([{"op": "parseNumber"}])),
        ("string", json!("12.5"), json!([{"op": "parseNumber"}, {"op": "formatNumber", "decimalPlaces": 0}])),
        ("integer", json!(42), json!([])),
        ("boolean", json!(true), json!([])),
        ("date", json!("2024-01-05"), json!([])),
        ("datetime", json!("2024-01-05T10:00:00+02:00"), json!([])),
        ("stringArray", json!(["a"]), json!([])),
        ("object", json!({"k": "v"}), json!([])),
        ("string", json!("5843104000000420001"), json!([{"op": "toLookup"}])),
    ];
    let validate_type_codes = [
        "mapping.type_needs_transform",
        "mapping.type_impossible",
        "mapping.multiselect_needs_array",
        "mapping.lookup_needs_id",
    ];
    let apply_type_codes = [
        "apply.needs_transform",
        "apply.incompatible",
        "apply.needs_array",
        "apply.needs_lookup_id",
        "apply.needs_single_value",
        "apply.bad_date",
        "apply.bad_datetime",
        "apply.bad_bigint",
    ];
    let mut compared = 0;
    for t in types {
        for (source_type, value, transforms) in &kinds {
            let source: SourceSchema = serde_json::from_value(
                json!({"fields": [{"path": "x", "type": source_type}, {"path": "n", "type": "string"}]}),
            )
            .unwrap();
            let mapping: FieldMapping = serde_json::from_value(json!({"module": "Leads", "fields": [
                {"source": "n", "target": "Last_Name"},
                {"source": "x", "target": format!("F_{t}"), "transforms": transforms}]}))
            .unwrap();
            let checked = validate_mapping(&mapping, &schema, Some(&source));
            let refused_by_validate = checked.iter().any(|d| validate_type_codes.contains(&d.code.as_str()));
            let preview = apply_mapping(&mapping, &schema, &[json!({"n": "Ito", "x": value})]);
            let refused_by_apply = preview.findings.iter().any(|f| apply_type_codes.contains(&f.code.as_str()));
            assert_eq!(
                refused_by_validate, refused_by_apply,
                "{source_type} {value} {transforms} -> {t}: validate {checked:#?}, apply {:#?}",
                preview.findings
            );
            assert!(
                !checked.iter().any(|d| d.fix.contains("formatNumber") && !d.fix.contains("rounds")),
                "{checked:#?}"
            );
            compared += 1;
        }
    }
    assert_eq!(compared, types.len() * kinds.len());
    // 12.5 into an integer field: refused, and the reason does not suggest rounding it.
    let mapping: FieldMapping = serde_json::from_value(json!({"module": "Leads", "fields": [
        {"source": "n", "target": "Last_Name"},
        {"source": "x", "target": "F_integer", "transforms": [{"op": "parseNumber"}]}]}))
    .unwrap();
    let preview = apply_mapping(&mapping, &schema, &[json!({"n": "Ito", "x": "12.5"})]);
    assert_eq!(preview.findings[0].code, "apply.not_integer");
    assert!(!preview.findings[0].reason.contains("formatNumber"), "{}", preview.findings[0].reason);
}

/// Issue 17: paste a sample record, get CRM fields by name and type, with the transform each needs first.
#[test]
fn a_sample_record_suggests_target_fields_by_name_and_type() {
    let schema = crm_schema(&json!({"module": "Leads", "reply": "leads_fields_reply"}));
    let sample = json!({
        "last-name": "Ito", "First Order Date": "05/02/2024", "lead_score": 5, "shopify_customer_id": "739091234567890123",
        "email_opt_out": {"nested": true}, "customer": {"company": "Acme"}, "annual_revenue": 1200.5
    });
    let found = zoho_connector_kit::mapping::suggest_targets(&sample, &schema);
    let got: Vec<(&str, &str, Option<&str>)> =
        found.iter().map(|s| (s.source.as_str(), s.target.as_str(), s.transform)).collect();
    assert_eq!(
        got,
        [
            ("First Order Date", "First_Order_Date", Some("parseDate")),
            ("annual_revenue", "Annual_Revenue", None),
            ("customer.company", "Company", None),
            ("last-name", "Last_Name", None),
            ("shopify_customer_id", "Shopify_Customer_Id", None),
        ],
        "{found:#?}"
    );
}
