//! A CRM module's fields, read from the JSON of Zoho's `GET /crm/v8/settings/fields?module=…` reply.
//!
//! The reply is Zoho's format, not ours: real replies carry dozens of keys per field, so unknown keys are ignored
//! (a pasted reply must never be refused for them). Keys read: `api_name`, `data_type`, `field_label`, `length`,
//! `decimal_place`, `json_type` (zoho-facts.md §6, OAS fields.json) and `pick_list_values`, `system_mandatory`,
//! `read_only`/`field_read_only`, `lookup.module.api_name` (the reply's other keys the issue names; not in
//! zoho-facts.md).

use super::crm_type::CrmFieldType;
use crate::code::Code;
use crate::diagnostic::Diagnostic;
use serde::Serialize;
use serde_json::Value;

const SRC_FIELDS_API: &str = "zoho-facts.md §6: OAS fields.json (GET /crm/v8/settings/fields) [OFF]";

/// One CRM field.
///
/// ```
/// use zoho_connector_kit::field::{builtin, CrmFieldType};
/// let stage = builtin::schema("Deals").unwrap().field("Stage").unwrap().clone();
/// assert_eq!(stage.data_type, CrmFieldType::Picklist);
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct CrmField {
    /// The API name (`Last_Name`).
    pub api_name: String,
    /// The label shown in CRM.
    pub label: String,
    /// The `data_type`.
    pub data_type: CrmFieldType,
    /// `length` from the schema, when given.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub length: Option<u32>,
    /// `decimal_place`, when given.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub decimal_place: Option<u32>,
    /// The picklist's values to send: each option's `display_value` (Zoho's Kaizen #205 says create, update and
    /// upsert requests take the display value); empty when unknown (built-in schemas: they are org-specific).
    pub pick_list_values: Vec<String>,
    /// Each option's `actual_value` where it differs from its `display_value`, as `(actual, display)` pairs: a value
    /// sent as the actual value gets a note naming the display value.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub pick_list_actual_values: Vec<(String, String)>,
    /// `system_mandatory`.
    pub mandatory: bool,
    /// `read_only` or `field_read_only`, or a computed type (formula, autonumber).
    pub read_only: bool,
    /// The module a lookup points to.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub lookup_module: Option<String>,
    /// Where this field's definition comes from.
    pub source: String,
}

/// A module and its fields.
///
/// ```
/// let leads = zoho_connector_kit::field::builtin::schema("Leads").unwrap();
/// assert_eq!(leads.module, "Leads");
/// assert!(leads.field("Email").is_some());
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct ModuleSchema {
    /// The module API name (`Leads`).
    pub module: String,
    /// True for the crate's built-in standard fields, false for a pasted schema.
    pub built_in: bool,
    /// The fields.
    pub fields: Vec<CrmField>,
}

impl ModuleSchema {
    /// The field with this API name (exact match).
    ///
    /// ```
    /// let leads = zoho_connector_kit::field::builtin::schema("Leads").unwrap();
    /// assert!(leads.field("last_name").is_none());
    /// ```
    pub fn field(&self, api_name: &str) -> Option<&CrmField> {
        self.fields.iter().find(|f| f.api_name == api_name)
    }
}

/// Reads the JSON of a `GET /settings/fields` reply (`{"fields":[…]}`, or the bare array) into a schema for
/// `module`. Fields without `api_name` or `data_type` are skipped with a finding; nothing panics.
///
/// ```
/// use zoho_connector_kit::field::{parse_fields_reply, CrmFieldType};
/// let reply = serde_json::json!({"fields": [
///   {"api_name": "Last_Name", "data_type": "text", "length": 80, "system_mandatory": true, "field_label": "Last Name"},
///   {"api_name": "Lead_Status", "data_type": "picklist",
///    "pick_list_values": [{"display_value": "Contacted", "actual_value": "Contacted"}]},
///   {"data_type": "text"}
/// ]});
/// let (schema, findings) = parse_fields_reply("Leads", &reply);
/// assert_eq!(schema.fields.len(), 2);
/// assert_eq!(schema.field("Last_Name").unwrap().length, Some(80));
/// assert_eq!(schema.field("Lead_Status").unwrap().pick_list_values, vec!["Contacted"]);
/// let region = serde_json::json!([{"api_name": "Region", "data_type": "picklist",
///   "pick_list_values": [{"display_value": "East", "actual_value": "IN_East"}]}]);
/// let region = parse_fields_reply("Leads", &region).0.fields.remove(0);
/// assert_eq!(region.pick_list_values, vec!["East"]);
/// assert_eq!(region.pick_list_actual_values, vec![("IN_East".to_string(), "East".to_string())]);
/// assert_eq!(findings[0].code, "schema.field_without_api_name");
/// ```
pub fn parse_fields_reply(module: &str, reply: &Value) -> (ModuleSchema, Vec<Diagnostic>) {
    let mut diagnostics = Vec::new();
    let mut schema = ModuleSchema { module: module.to_string(), built_in: false, fields: Vec::new() };
    let list = match reply {
        Value::Array(items) => Some(items),
        Value::Object(map) => map.get("fields").and_then(Value::as_array),
        _ => None,
    };
    let Some(list) = list else {
        diagnostics.push(
            Diagnostic::error(Code::SchemaNotAFieldsReply, "", "The schema is not a `GET /settings/fields` reply.")
                .with_fix(
                    "Paste the whole JSON reply of GET /crm/v8/settings/fields?module=… (it has a \"fields\" array).",
                )
                .with_source(SRC_FIELDS_API),
        );
        return (schema, diagnostics);
    };
    for (i, item) in list.iter().enumerate() {
        let path = format!("fields[{i}]");
        let text = |key: &str| item.get(key).and_then(Value::as_str).map(str::trim).filter(|s| !s.is_empty());
        let flag = |key: &str| item.get(key).and_then(Value::as_bool).unwrap_or(false);
        let Some(api_name) = text("api_name") else {
            diagnostics.push(
                Diagnostic::warning(Code::SchemaFieldWithoutApiName, path, "A field has no `api_name`; it is skipped.")
                    .with_fix("Paste the reply unchanged: every field in it has an api_name.")
                    .with_source(SRC_FIELDS_API),
            );
            continue;
        };
        let Some(data_type) = text("data_type") else {
            diagnostics.push(
                Diagnostic::warning(
                    Code::SchemaFieldWithoutDataType,
                    format!("{path}.data_type"),
                    format!("The field `{api_name}` has no `data_type`; it is skipped."),
                )
                .with_fix("Paste the reply unchanged: every field in it has a data_type.")
                .with_source(SRC_FIELDS_API),
            );
            continue;
        };
        let data_type = CrmFieldType::from_api(data_type);
        let number = |key: &str| item.get(key).and_then(Value::as_u64).and_then(|n| u32::try_from(n).ok());
        // (display, actual) per option. Kaizen #205 (help.zoho.com, Zoho's developer series) says to send the
        // display_value in create, update and upsert requests; the v8 picklist-values reference describes both
        // keys without saying which a write takes (zoho-facts.md §6).
        let options: Vec<(String, Option<String>)> = item
            .get("pick_list_values")
            .and_then(Value::as_array)
            .map(|values| {
                values
                    .iter()
                    .filter_map(|v| match v {
                        Value::String(s) => Some((s.clone(), None)),
                        Value::Object(o) => {
                            let get = |k: &str| o.get(k).and_then(Value::as_str).map(str::to_string);
                            let actual = get("actual_value");
                            get("display_value").or_else(|| actual.clone()).map(|d| (d, actual))
                        }
                        _ => None,
                    })
                    // "-None-" is the empty choice Zoho lists first, not a value to send.
                    .filter(|(d, _)| d != "-None-")
                    .collect()
            })
            .unwrap_or_default();
        let pick_list_actual_values = options
            .iter()
            .filter_map(|(d, a)| a.as_ref().filter(|a| *a != d).map(|a| (a.clone(), d.clone())))
            .collect();
        let pick_list_values = options.into_iter().map(|(d, _)| d).collect();
        let lookup_module = item
            .pointer("/lookup/module/api_name")
            .or_else(|| item.pointer("/lookup/module"))
            .and_then(Value::as_str)
            .map(str::to_string);
        schema.fields.push(CrmField {
            api_name: api_name.to_string(),
            label: text("field_label").or(text("display_label")).unwrap_or(api_name).to_string(),
            read_only: flag("read_only") || flag("field_read_only") || data_type.is_read_only(),
            data_type,
            length: number("length"),
            decimal_place: number("decimal_place"),
            pick_list_values,
            pick_list_actual_values,
            mandatory: flag("system_mandatory"),
            lookup_module,
            source: "pasted GET /settings/fields reply".to_string(),
        });
    }
    if schema.fields.is_empty() && !Diagnostic::has_errors(&diagnostics) {
        diagnostics.push(
            Diagnostic::error(Code::SchemaNoFields, "fields", "The schema has no usable fields.")
                .with_fix("Paste the JSON reply of GET /crm/v8/settings/fields?module=… for the module you map to.")
                .with_source(SRC_FIELDS_API),
        );
    }
    (schema, diagnostics)
}

/// Which CRM schema to check against: a built-in one by module name, or a pasted `GET /settings/fields` reply.
///
/// ```
/// use zoho_connector_kit::field::CrmSchemaInput;
/// let input: CrmSchemaInput = serde_json::from_str(r#"{"module": "Contacts"}"#).unwrap();
/// let (schema, findings) = input.resolve().unwrap();
/// assert!(schema.built_in && findings.is_empty());
/// let unknown: CrmSchemaInput = serde_json::from_str(r#"{"module": "Invoices"}"#).unwrap();
/// assert_eq!(unknown.resolve().unwrap_err().code, "schema.no_built_in");
/// ```
#[derive(Debug, Clone, Default, PartialEq, serde::Deserialize)]
#[serde(deny_unknown_fields, rename_all = "camelCase")]
pub struct CrmSchemaInput {
    /// The module API name.
    #[serde(default)]
    pub module: Option<String>,
    /// The JSON reply of `GET /crm/v8/settings/fields?module=…`; the built-in schema is used when absent.
    #[serde(default)]
    pub reply: Option<Value>,
}

impl CrmSchemaInput {
    /// The schema and the findings of reading it; an error when there is no schema to use.
    ///
    /// ```
    /// let input = zoho_connector_kit::field::CrmSchemaInput::default();
    /// assert_eq!(input.resolve().unwrap_err().code, "schema.missing_module");
    /// ```
    pub fn resolve(&self) -> Result<(ModuleSchema, Vec<Diagnostic>), Diagnostic> {
        let Some(module) = self.module.as_deref().map(str::trim).filter(|m| !m.is_empty()) else {
            return Err(Diagnostic::error(Code::SchemaMissingModule, "module", "No CRM module is named.")
                .with_fix("Name the module, e.g. \"Leads\"."));
        };
        match &self.reply {
            Some(reply) => Ok(parse_fields_reply(module, reply)),
            None => super::builtin::schema(module).map(|s| (s, Vec::new())).ok_or_else(|| {
                Diagnostic::error(
                    Code::SchemaNoBuiltIn,
                    "module",
                    format!("There is no built-in schema for {module} (built in: Leads, Contacts, Accounts, Deals)."),
                )
                .with_fix("Paste the module's GET /crm/v8/settings/fields reply as `reply`.")
            }),
        }
    }
}
