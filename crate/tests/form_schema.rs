//! The form schema is the one list of config fields: the serde input type, the published TypeScript declaration
//! and the schema must name the same keys in the same order, with the same allowed values.
#![cfg(not(target_arch = "wasm32"))]
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)] // tests: a panic is the failure report

use serde::de::{self, Deserializer, Visitor};
use std::collections::BTreeSet;
use zoho_connector_kit::connection::{ConfigField, ConnectionConfigInput, FieldGroup, ValueKind};

/// A deserializer that only records the field names a struct asks for.
struct FieldNames<'a>(&'a mut &'static [&'static str]);

impl<'de> Deserializer<'de> for FieldNames<'_> {
    type Error = de::value::Error;
    fn deserialize_any<V: Visitor<'de>>(self, _: V) -> Result<V::Value, Self::Error> {
        Err(de::Error::custom("not a struct"))
    }
    fn deserialize_struct<V: Visitor<'de>>(
        self,
        _: &'static str,
        fields: &'static [&'static str],
        _: V,
    ) -> Result<V::Value, Self::Error> {
        *self.0 = fields;
        Err(de::Error::custom("names recorded"))
    }
    serde::forward_to_deserialize_any! {
        bool i8 i16 i32 i64 i128 u8 u16 u32 u64 u128 f32 f64 char str string bytes byte_buf option unit unit_struct
        newtype_struct seq tuple tuple_struct map enum identifier ignored_any
    }
}

fn serde_keys() -> Vec<&'static str> {
    let mut names: &'static [&'static str] = &[];
    let _ = <ConnectionConfigInput as serde::Deserialize>::deserialize(FieldNames(&mut names));
    names.to_vec()
}

fn schema_keys() -> Vec<&'static str> {
    ConfigField::ALL.iter().map(|f| f.key()).collect()
}

#[test]
fn the_input_type_reads_exactly_the_schema_fields_in_order() {
    assert_eq!(serde_keys(), schema_keys());
}

const WASM_CONNECTION: &str = include_str!("../src/wasm/connection.rs");

/// The body of `export interface NAME { … }` in the published declarations.
fn interface(name: &str) -> &'static str {
    let start = WASM_CONNECTION.find(&format!("export interface {name} {{")).expect(name);
    let body = &WASM_CONNECTION[start..];
    let open = body.find('{').unwrap();
    let close = body.find("\n}").unwrap();
    &body[open + 1..close]
}

/// `key?: type;` lines of the ConnectionConfig declaration, comments skipped.
fn declared() -> Vec<(String, String)> {
    interface("ConnectionConfig")
        .lines()
        .map(str::trim)
        .filter(|l| !l.is_empty() && !l.starts_with("/**") && !l.starts_with('*'))
        .map(|l| {
            let (key, ty) = l.split_once("?: ").unwrap_or_else(|| panic!("not an optional field: {l}"));
            (key.to_string(), ty.trim_end_matches(';').to_string())
        })
        .collect()
}

fn union(ty: &str) -> BTreeSet<String> {
    ty.split(" | ").map(|v| v.trim_matches('"').to_string()).collect()
}

#[test]
fn the_typescript_declaration_names_the_schema_fields_in_order() {
    let keys: Vec<String> = declared().into_iter().map(|(k, _)| k).collect();
    assert_eq!(keys, schema_keys());
}

#[test]
fn the_typescript_types_are_the_schema_kinds_and_values() {
    for (key, ty) in declared() {
        let spec = ConfigField::parse(&key).unwrap().spec();
        match spec.kind {
            ValueKind::Choice if spec.field == ConfigField::DataCenter => assert_eq!(ty, "string", "{key}"),
            ValueKind::Choice => {
                let values: BTreeSet<String> = spec.choices.iter().map(|c| c.value.to_string()).collect();
                assert_eq!(union(&ty), values, "{key}");
            }
            ValueKind::Scopes => assert_eq!(ty, "string[] | string", "{key}"),
            ValueKind::Number => assert_eq!(ty, "number", "{key}"),
            ValueKind::Text | ValueKind::Url => assert_eq!(ty, "string", "{key}"),
        }
    }
}

#[test]
fn the_typescript_schema_declaration_lists_every_group_and_kind() {
    let body = interface("FormField");
    let line = |name: &str| body.lines().find(|l| l.trim_start().starts_with(name)).unwrap().to_string();
    let groups = union(line("group:").trim().trim_start_matches("group: ").trim_end_matches(';'));
    let kinds = union(line("kind:").trim().trim_start_matches("kind: ").trim_end_matches(';'));
    let used_groups: BTreeSet<String> = ConfigField::ALL.iter().map(|f| f.spec().group.as_str().to_string()).collect();
    let used_kinds: BTreeSet<String> = ConfigField::ALL.iter().map(|f| f.spec().kind.as_str().to_string()).collect();
    assert_eq!(groups, used_groups);
    assert_eq!(kinds, used_kinds);
    assert!(groups.contains(FieldGroup::Connection.as_str()));
}

#[test]
fn the_schema_answer_carries_labels_values_and_secrets() {
    let json: serde_json::Value =
        serde_json::from_str(&zoho_connector_kit::connection::form_schema::FormSchema.to_json()).unwrap();
    let fields = json["fields"].as_array().unwrap();
    let secrets: Vec<&str> =
        fields.iter().filter(|f| f["secret"] == true).map(|f| f["key"].as_str().unwrap()).collect();
    assert_eq!(secrets, ["clientSecret", "password"]);
    let token = fields.iter().find(|f| f["key"] == "tokenUrl").unwrap();
    assert_eq!(token["labels"][0]["text"], "Access Token URL");
    assert_eq!(token["authTypes"], serde_json::json!(["oauth2"]));
    assert_eq!(token["group"], "service");
    let auth = fields.iter().find(|f| f["key"] == "authType").unwrap();
    assert_eq!(auth["choices"][2]["zoho"][0]["text"], "Basic Authentication");
    assert_eq!(auth["authTypes"].as_array().unwrap().len(), 4);
    let dc = fields.iter().find(|f| f["key"] == "dataCenter").unwrap();
    assert_eq!(dc["choices"].as_array().unwrap().len(), 10);
    assert_eq!(dc["choices"][0]["value"], "us");
}
