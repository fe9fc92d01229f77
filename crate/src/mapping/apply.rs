//! `apply_mapping`: source records → CRM payloads in `{"data":[…]}` batches of at most 100, with a finding per
//! record and field. One bad record never stops the others: it is left out of the batches and reported.

use super::path;
use super::spec::FieldMapping;
use super::validate::writes_to_crm;
use super::value::{self, Val};
use crate::diagnostic::Severity;
use crate::field::{CrmFieldType, ModuleSchema};
use serde::Serialize;
use serde_json::{Map, Value};

/// At most this many records per insert, update or upsert call.
pub const BATCH_SIZE: usize = 100;
const SRC_BATCH: &str = "zoho-facts.md §5: CRM-v8 insert-records.html (max 100 records per call) [OFF]";

/// A problem with one field of one record.
///
/// ```
/// let f = zoho_connector_kit::mapping::RecordFinding {
///     record: 3, field: "Email".into(), value: serde_json::json!("x"), reason: "not an email".into(),
///     code: "apply.bad_email".into(), severity: zoho_connector_kit::Severity::Error,
/// };
/// assert_eq!(serde_json::to_value(&f).unwrap()["record"], 3);
/// ```
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct RecordFinding {
    /// 0-based index of the record in the input.
    pub record: usize,
    /// The CRM field (api_name), or the source path when no field applies.
    pub field: String,
    /// The offending value (`null` when missing).
    pub value: Value,
    /// Why, in one phrase.
    pub reason: String,
    /// Stable code (`apply.bad_date`, …).
    pub code: String,
    /// `error`: the record is left out; `warning`: it is sent.
    pub severity: Severity,
}

/// The payloads and the findings.
///
/// ```
/// let p = zoho_connector_kit::mapping::MappingPreview::default();
/// assert!(p.batches.is_empty());
/// ```
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct MappingPreview {
    /// `{"data":[…]}` bodies of at most 100 records each.
    pub batches: Vec<Value>,
    /// For each record sent, its index in the input (in batch order).
    pub sent: Vec<usize>,
    /// Indexes of records left out because of an error finding.
    pub skipped: Vec<usize>,
    /// Findings per record and field.
    pub findings: Vec<RecordFinding>,
    /// Where the batch size comes from.
    pub batch_source: &'static str,
}

/// Applies a mapping to records. Field maps whose target is missing from the schema are ignored here
/// ([`super::validate_mapping`] reports them).
///
/// ```
/// use zoho_connector_kit::field::builtin;
/// use zoho_connector_kit::mapping::{apply_mapping, FieldMapping};
/// use serde_json::json;
/// let mapping: FieldMapping = serde_json::from_value(json!({
///   "module": "Leads",
///   "fields": [
///     {"source": "last", "target": "Last_Name", "transforms": [{"op": "trim"}]},
///     {"source": "optIn", "target": "Email_Opt_Out", "transforms": [{"op": "parseBoolean"}]}
///   ]
/// })).unwrap();
/// let records = vec![json!({"last": " Ito ", "optIn": "yes"}), json!({"optIn": "no"})];
/// let preview = apply_mapping(&mapping, &builtin::schema("Leads").unwrap(), &records);
/// assert_eq!(preview.batches[0]["data"][0], json!({"Last_Name": "Ito", "Email_Opt_Out": true}));
/// assert_eq!(preview.skipped, vec![1]);
/// assert_eq!(preview.findings[0].code, "apply.mandatory_missing");
/// ```
pub fn apply_mapping(mapping: &FieldMapping, schema: &ModuleSchema, records: &[Value]) -> MappingPreview {
    let mut preview = MappingPreview { batch_source: SRC_BATCH, ..Default::default() };
    let mut rows: Vec<Value> = Vec::new();
    let writes = writes_to_crm(mapping);
    for (index, record) in records.iter().enumerate() {
        let before = preview.findings.len();
        let row = map_record(mapping, schema, index, record, writes, &mut preview.findings);
        let failed = preview.findings[before..].iter().any(|f| f.severity == Severity::Error);
        if failed {
            preview.skipped.push(index);
        } else {
            preview.sent.push(index);
            rows.push(Value::Object(row));
        }
    }
    preview.batches = rows
        .chunks(BATCH_SIZE)
        .map(|chunk| {
            let mut body = Map::new();
            body.insert("data".into(), Value::Array(chunk.to_vec()));
            Value::Object(body)
        })
        .collect();
    preview
}

fn map_record(
    mapping: &FieldMapping,
    schema: &ModuleSchema,
    index: usize,
    record: &Value,
    writes: bool,
    findings: &mut Vec<RecordFinding>,
) -> Map<String, Value> {
    let mut row = Map::new();
    let mut finding = |field: &str, value: Value, code: &str, reason: String, severity: Severity| {
        findings.push(RecordFinding {
            record: index,
            field: field.to_string(),
            value,
            reason,
            code: code.into(),
            severity,
        });
    };
    if !record.is_object() {
        finding("", record.clone(), "apply.not_an_object", "the record is not a JSON object".into(), Severity::Error);
        return row;
    }
    for map in &mapping.fields {
        let Some(field) = map.target.as_deref().and_then(|t| schema.field(t.trim())) else { continue };
        let raw = map.source.as_deref().and_then(|s| path::lookup(record, s.trim()));
        if field.data_type == CrmFieldType::Bigint {
            if let Some(n) = raw.and_then(Value::as_f64).filter(|n| n.abs() > 9_007_199_254_740_992.0) {
                finding(
                    &field.api_name,
                    raw.cloned().unwrap_or(Value::Null),
                    "apply.bigint_as_number",
                    format!("{n} came as a JSON number above 2^53; its last digits may already be wrong"),
                    Severity::Warning,
                );
            }
        }
        let mut current = raw.and_then(Val::from_json);
        let mut failed = false;
        for t in &map.transforms {
            let shown = current.as_ref().map_or(Value::Null, Val::to_json);
            match value::run(t, current.take(), record) {
                Ok(v) => current = v,
                Err(p) => {
                    finding(&field.api_name, shown, p.code, format!("{}: {}", t.name(), p.reason), Severity::Error);
                    failed = true;
                    break;
                }
            }
        }
        if failed {
            continue;
        }
        let Some(v) = current else { continue };
        if !writes {
            continue;
        }
        let shown = v.to_json();
        match value::to_crm(v, field) {
            Ok((json, notes)) => {
                for n in notes {
                    let severity = if n.blocking { Severity::Error } else { Severity::Warning };
                    finding(&field.api_name, shown.clone(), n.code, n.reason, severity);
                }
                row.insert(field.api_name.clone(), json);
            }
            Err(p) => finding(&field.api_name, shown, p.code, p.reason, Severity::Error),
        }
    }
    if writes {
        for field in schema.fields.iter().filter(|f| f.mandatory) {
            if !row.contains_key(&field.api_name)
                && !findings.iter().any(|f| f.record == index && f.field == field.api_name)
            {
                findings.push(RecordFinding {
                    record: index,
                    field: field.api_name.clone(),
                    value: Value::Null,
                    reason: format!("the mandatory field {} has no value", field.api_name),
                    code: "apply.mandatory_missing".into(),
                    severity: Severity::Error,
                });
            }
        }
    }
    row
}
