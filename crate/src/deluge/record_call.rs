//! `generateRecordCall`: the common CRM REST calls as invokeurl snippets, on the right API domain.
//!
//! Paths (docs/facts.md §5, OAS record.json \[OFF\]): insert `POST /crm/{v}/{module}`, update `PUT
//! /crm/{v}/{module}`, upsert `POST /crm/{v}/{module}/upsert` with `duplicate_check_fields`, get `GET
//! /crm/{v}/{module}/{id}`, search `GET /crm/{v}/{module}/search?criteria=…`, COQL `POST /crm/{v}/coql`. Bodies use
//! the `{"data": […], "trigger": […]}` envelope; at most 100 records per insert/update/upsert call
//! (CRM-v8 insert-records.html \[OFF\]).
//!
//! ```
//! use zoho_connector_kit::deluge::record_call::{generate_record_call, RecordCallSpec};
//! let spec: RecordCallSpec = serde_json::from_value(serde_json::json!({
//!     "dataCenter": "in", "module": "Leads", "operation": "insert", "connection": "crm",
//!     "records": [{"Last_Name": "Rao"}], "trigger": ["workflow"]
//! })).unwrap();
//! let s = generate_record_call(&spec);
//! let deluge = s.deluge.unwrap();
//! assert!(deluge.contains("url: \"https://www.zohoapis.in/crm/v8/Leads\""));
//! assert!(deluge.contains("// Scopes the connection needs: ZohoCRM.modules.leads.CREATE"));
//! ```

use super::coql::{api_domain, check_coql, check_version};
use super::generate::{invoke_url_snippet, HttpMethod, InvokeUrlSpec, Snippet, Style};
use crate::code::Code;
use crate::Diagnostic;
use serde::{Deserialize, Serialize};
use serde_json::{json, Value};

const RECORDS_SOURCE: &str = "zoho-crm-oas-record";

/// The CRM operation.
///
/// ```
/// use zoho_connector_kit::deluge::record_call::Operation;
/// assert_eq!(serde_json::to_string(&Operation::Upsert).unwrap(), "\"upsert\"");
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub enum Operation {
    /// Insert records.
    Insert,
    /// Update records (each with `id`).
    Update,
    /// Insert or update, matched on `duplicateCheckFields`.
    Upsert,
    /// Get one record by id.
    Get,
    /// Search with `criteria`.
    Search,
    /// Run a COQL `query`.
    Coql,
}

/// What to generate.
///
/// ```
/// use zoho_connector_kit::deluge::record_call::RecordCallSpec;
/// assert!(serde_json::from_str::<RecordCallSpec>(r#"{"modul": "Leads"}"#).is_err());
/// ```
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "camelCase")]
pub struct RecordCallSpec {
    /// Data center key (`eu`) or any Zoho URL.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub data_center: Option<String>,
    /// `v8` when absent.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub api_version: Option<String>,
    /// Module API name (`Leads`, `Sales_Orders`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub module: Option<String>,
    /// The operation.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub operation: Option<Operation>,
    /// Records for insert / update / upsert (at most 100).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub records: Option<Vec<Value>>,
    /// Record id for get.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub id: Option<String>,
    /// `workflow`, `approval`, `blueprint`; an empty list runs no automation.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub trigger: Option<Vec<String>>,
    /// Fields upsert matches on.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub duplicate_check_fields: Option<Vec<String>>,
    /// Search criteria, e.g. `(Email:equals:a@b.com)`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub criteria: Option<String>,
    /// COQL query text.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub query: Option<String>,
    /// Connection link name.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub connection: Option<String>,
    /// Map style.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub style: Option<Style>,
    /// `detailed: true`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub detailed: Option<bool>,
    /// Response variable.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub response_var: Option<String>,
}

/// Builds the invokeurl snippet of one CRM call, or the findings that prevent it.
///
/// ```
/// use zoho_connector_kit::deluge::record_call::{generate_record_call, Operation, RecordCallSpec};
/// let spec = RecordCallSpec { data_center: Some("us".into()), module: Some("Leads".into()),
///     operation: Some(Operation::Insert), records: Some(vec![serde_json::json!({}); 101]), ..Default::default() };
/// assert_eq!(generate_record_call(&spec).diagnostics[0].code, "deluge.record.too_many_records");
/// ```
pub fn generate_record_call(spec: &RecordCallSpec) -> Snippet {
    let mut found = Vec::new();
    let fail = |found: Vec<Diagnostic>| Snippet { deluge: None, diagnostics: found };
    let domain = match spec.data_center.as_deref() {
        Some(dc) => api_domain(dc, "dataCenter").map_err(|d| found.push(d)).ok(),
        None => {
            found.push(
                Diagnostic::error(Code::DelugeRecordMissingDataCenter, "dataCenter", "No data center was given.")
                    .with_fix("Give a key such as \"us\" or \"eu\"."),
            );
            None
        }
    };
    let version = check_version(spec.api_version.as_deref(), "apiVersion").map_err(|d| found.push(d)).ok();
    let Some(op) = spec.operation else {
        found.push(
            Diagnostic::error(Code::DelugeRecordMissingOperation, "operation", "No operation was given.")
                .with_fix("Use insert, update, upsert, get, search or coql."),
        );
        return fail(found);
    };
    let module = spec.module.as_deref().map(str::trim).filter(|m| !m.is_empty());
    if module.is_none() && op != Operation::Coql {
        found.push(
            Diagnostic::error(Code::DelugeRecordMissingModule, "module", "No module was given.")
                .with_fix("Give the module API name, e.g. \"Leads\"; read it from GET /settings/modules.")
                .with_source("zoho-crm-v8-insert-records"),
        );
    }
    let (Some(domain), Some(version)) = (domain, version) else { return fail(found) };
    let module = module.unwrap_or("");
    let scope_module: String = module.chars().filter(|c| *c != '_').collect::<String>().to_ascii_lowercase();
    let scope = |opname: &str| format!("ZohoCRM.modules.{scope_module}.{opname}");
    let base = format!("{domain}/crm/{version}");
    let mut query = None;
    let (method, path, body, scopes) = match op {
        Operation::Insert | Operation::Update | Operation::Upsert => {
            let records = spec.records.clone().unwrap_or_default();
            if records.is_empty() {
                found.push(
                    Diagnostic::error(Code::DelugeRecordMissingRecords, "records", "No record was given.")
                        .with_fix("Give at least one record object."),
                );
            }
            if records.len() > 100 {
                found.push(
                    Diagnostic::error(
                        Code::DelugeRecordTooManyRecords,
                        "records",
                        format!("{} records are given; one call takes at most 100.", records.len()),
                    )
                    .with_fix("Split the records into calls of at most 100.")
                    .with_source(RECORDS_SOURCE),
                );
            }
            for (i, r) in records.iter().enumerate() {
                match r {
                    Value::Object(m) if op == Operation::Update && !m.contains_key("id") => found.push(
                        Diagnostic::error(
                            Code::DelugeRecordMissingId,
                            format!("records[{i}]"),
                            "A record to update has no `id`.",
                        )
                        .with_fix("Add the record's `id`."),
                    ),
                    Value::Object(_) => {}
                    _ => found.push(
                        Diagnostic::error(
                            Code::DelugeRecordBadRecord,
                            format!("records[{i}]"),
                            "A record must be an object of field API names and values.",
                        )
                        .with_fix("Give each record as an object."),
                    ),
                }
            }
            let mut body = json!({ "data": records });
            if let Some(trigger) = &spec.trigger {
                for (i, t) in trigger.iter().enumerate() {
                    if !["workflow", "approval", "blueprint"].contains(&t.as_str()) {
                        found.push(
                            Diagnostic::error(
                                Code::DelugeRecordBadTrigger,
                                format!("trigger[{i}]"),
                                format!("`{t}` is not a trigger."),
                            )
                            .with_fix("Use workflow, approval or blueprint; an empty list runs no automation.")
                            .with_source("zoho-crm-help-insert-records-diff"),
                        );
                    }
                }
                body["trigger"] = json!(trigger);
            }
            let (method, path, scopes) = match op {
                Operation::Insert => (HttpMethod::Post, format!("/{module}"), vec![scope("CREATE")]),
                Operation::Update => (HttpMethod::Put, format!("/{module}"), vec![scope("UPDATE")]),
                _ => {
                    let fields = spec.duplicate_check_fields.clone().unwrap_or_default();
                    if !fields.is_empty() {
                        body["duplicate_check_fields"] = json!(fields);
                    }
                    (HttpMethod::Post, format!("/{module}/upsert"), vec![scope("CREATE"), scope("UPDATE")])
                }
            };
            (method, path, Some(body), scopes)
        }
        Operation::Get => {
            let id = spec.id.as_deref().map(str::trim).unwrap_or("");
            if id.is_empty() || !id.chars().all(|c| c.is_ascii_alphanumeric()) {
                found.push(
                    Diagnostic::error(Code::DelugeRecordBadId, "id", "A record id (digits) is needed.")
                        .with_fix("Give the record's id, e.g. \"4150868000000224001\"."),
                );
            }
            (HttpMethod::Get, format!("/{module}/{id}"), None, vec![scope("READ")])
        }
        Operation::Search => {
            let criteria = spec.criteria.as_deref().map(str::trim).unwrap_or("");
            if criteria.is_empty() {
                found.push(
                    Diagnostic::error(Code::DelugeRecordMissingCriteria, "criteria", "No search criteria were given.")
                        .with_fix("Give criteria such as \"(Email:equals:a@example.com)\"."),
                );
            }
            let mut q = serde_json::Map::new();
            q.insert("criteria".into(), Value::String(criteria.to_string()));
            query = Some(q);
            (HttpMethod::Get, format!("/{module}/search"), None, vec![scope("READ")])
        }
        Operation::Coql => {
            let text = spec.query.as_deref().map(str::trim).unwrap_or("");
            if text.is_empty() {
                found.push(
                    Diagnostic::error(Code::DelugeRecordMissingQuery, "query", "No COQL query was given.")
                        .with_fix("Give a query such as \"select Last_Name from Leads limit 200\"."),
                );
            }
            found.extend(check_coql(text));
            (
                HttpMethod::Post,
                "/coql".to_string(),
                Some(json!({ "select_query": text })),
                vec!["ZohoCRM.coql.READ".to_string()],
            )
        }
    };
    if Diagnostic::has_errors(&found) {
        return fail(found);
    }
    let spec = InvokeUrlSpec {
        url: Some(format!("{base}{path}")),
        method: Some(method),
        connection: spec.connection.clone(),
        query,
        body,
        style: spec.style,
        detailed: spec.detailed,
        response_var: spec.response_var.clone(),
        scopes: Some(scopes),
        ..Default::default()
    };
    let mut snippet = invoke_url_snippet(&spec);
    found.extend(snippet.diagnostics);
    snippet.diagnostics = found;
    snippet
}
