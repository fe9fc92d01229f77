//! Property: `apply_mapping` never panics, whatever JSON the records hold, and every record is either sent or
//! skipped. Native only (proptest).
#![cfg(not(target_arch = "wasm32"))]
#![allow(clippy::unwrap_used, clippy::expect_used)] // tests: a panic is the failure report

use proptest::prelude::*;
use serde_json::{json, Value};
use zoho_connector_kit::field::{parse_fields_reply, CrmSchemaInput};
use zoho_connector_kit::input::parse_json_value;
use zoho_connector_kit::mapping::{apply_mapping, FieldMapping};

fn any_json() -> impl Strategy<Value = Value> {
    let leaf = prop_oneof![
        Just(Value::Null),
        any::<bool>().prop_map(Value::Bool),
        any::<i64>().prop_map(|n| json!(n)),
        any::<f64>().prop_filter("finite", |f| f.is_finite()).prop_map(|f| json!(f)),
        ".{0,40}".prop_map(Value::String),
        "[0-9]{1,25}([.,][0-9]{0,20})?".prop_map(Value::String),
        "[0-9]{4}-[0-9]{2}-[0-9]{2}([T ][0-9]{2}:[0-9]{2}(:[0-9]{2})?([+-][0-9]{2}:?[0-9]{2}|Z)?)?"
            .prop_map(Value::String),
    ];
    leaf.prop_recursive(3, 24, 6, |inner| {
        prop_oneof![
            prop::collection::vec(inner.clone(), 0..5).prop_map(Value::Array),
            prop::collection::btree_map("[a-z_]{1,6}", inner, 0..6)
                .prop_map(|m| Value::Object(m.into_iter().collect())),
        ]
    })
}

fn record() -> impl Strategy<Value = Value> {
    const KEYS: &[&str] = &["name", "total", "when", "tags", "flag", "id", "email", "owner"];
    let fields = prop::collection::vec((prop::sample::select(KEYS), any_json()), 0..8);
    prop_oneof![
        4 => fields.prop_map(|f| Value::Object(f.into_iter().map(|(k, v)| (k.to_string(), v)).collect())),
        1 => any_json(),
    ]
}

fn every_transform_mapping() -> FieldMapping {
    parse_json_value(json!({
      "module": "Leads",
      "fields": [
        {"source": "name", "target": "Last_Name", "transforms": [{"op": "trim"}, {"op": "case", "to": "title"},
          {"op": "concat", "with": ["email", "tags[0]"]}, {"op": "default", "value": "x"}]},
        {"source": "total", "target": "Annual_Revenue", "transforms": [{"op": "parseNumber", "decimalSeparator": ",", "groupSeparator": "."}, {"op": "formatNumber", "decimalPlaces": 2}]},
        {"source": "total", "target": "Shopify_Customer_Id", "transforms": [{"op": "parseNumber"}]},
        {"source": "id", "target": "Big_Id"},
        {"source": "when", "target": "Last_Order_At", "transforms": [{"op": "parseDatetime", "zone": "+14:00", "toOffset": "-12:00"}]},
        {"source": "when", "target": "First_Order_Date", "transforms": [{"op": "parseDate", "format": "yyyy-MM-dd"}]},
        {"source": "when", "target": "Description", "transforms": [{"op": "formatDate", "format": "d.M.yyyy"}]},
        {"source": "tags", "target": "Interests", "transforms": [{"op": "split", "separator": ","}]},
        {"source": "flag", "target": "Email_Opt_Out", "transforms": [{"op": "parseBoolean"}]},
        {"source": "flag", "target": "Lead_Source", "transforms": [{"op": "valueMap", "map": {"1": "Partner"}, "otherwise": "error"}]},
        {"source": "email", "target": "Email"},
        {"source": "owner", "target": "Owner", "transforms": [{"op": "toLookup"}]},
        {"source": "owner", "target": "Account", "transforms": []},
        {"source": "tags", "target": "Subform_Items"}
      ]
    }))
    .unwrap()
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 512, ..ProptestConfig::default() })]

    #[test]
    fn apply_mapping_never_panics(records in prop::collection::vec(record(), 0..30)) {
        let reply = json!({"fields": [
            {"api_name": "Last_Name", "data_type": "text", "length": 20, "system_mandatory": true},
            {"api_name": "Annual_Revenue", "data_type": "currency", "decimal_place": 2},
            {"api_name": "Shopify_Customer_Id", "data_type": "bigint"},
            {"api_name": "Big_Id", "data_type": "bigint"},
            {"api_name": "Last_Order_At", "data_type": "datetime"},
            {"api_name": "First_Order_Date", "data_type": "date"},
            {"api_name": "Description", "data_type": "textarea"},
            {"api_name": "Interests", "data_type": "multiselectpicklist", "pick_list_values": ["Shoes"]},
            {"api_name": "Email_Opt_Out", "data_type": "boolean"},
            {"api_name": "Lead_Source", "data_type": "picklist", "pick_list_values": [{"actual_value": "Partner"}]},
            {"api_name": "Email", "data_type": "email"},
            {"api_name": "Owner", "data_type": "ownerlookup"},
            {"api_name": "Account", "data_type": "lookup"},
            {"api_name": "Subform_Items", "data_type": "subform"}
        ]});
        let (schema, _) = parse_fields_reply("Leads", &reply);
        let preview = apply_mapping(&every_transform_mapping(), &schema, &records);
        prop_assert_eq!(preview.sent.len() + preview.skipped.len(), records.len());
        prop_assert!(preview.batches.iter().all(|b| b["data"].as_array().is_some_and(|d| d.len() <= 100)));
        // Built-in schema too (unknown targets are ignored, not fatal).
        let (leads, _) = CrmSchemaInput { module: Some("Leads".into()), reply: None }.resolve().unwrap();
        let preview = apply_mapping(&every_transform_mapping(), &leads, &records);
        prop_assert_eq!(preview.sent.len() + preview.skipped.len(), records.len());
    }
}
