//! `apply_mapping`: source records → CRM payloads in `{"data":[…]}` batches of at most 100, with a finding per
//! record and field. One bad record never stops the others: it is left out of the batches and reported.

use super::path;
use super::record::{read_records, Rec};
use super::sources::{Slot, Sources};
use super::spec::{FieldMap, FieldMapping, Transform};
use super::validate::{unknown_field, writes_to_crm};
use super::value::{self, Out, Val};
use crate::code::Code;
use crate::diagnostic::Severity;
use crate::field::{CrmField, CrmFieldType, ModuleSchema, TypeInfo};
use crate::input::InputError;
use crate::Diagnostic;
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
///     code: zoho_connector_kit::code::Code::ApplyBadEmail, severity: zoho_connector_kit::Severity::Error,
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
    pub code: Code,
    /// `error`: the record is left out; `warning` or `info` (a note, e.g. a blank optional value left out): it
    /// is sent.
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
    /// Findings about the mapping itself, once for all records: a target that is not a field of the schema
    /// (`mapping.unknown_field`, as [`super::validate_mapping`] reports it) is not written into any record.
    pub mapping_findings: Vec<Diagnostic>,
    /// Where the batch size comes from.
    pub batch_source: &'static str,
}

/// Applies a mapping to records. A field map whose target is not a field of the schema writes nothing and is
/// reported once in [`MappingPreview::mapping_findings`].
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
///
/// let typo: FieldMapping = serde_json::from_value(json!({
///   "module": "Leads", "fields": [{"source": "last", "target": "Last_Name"}, {"source": "mail", "target": "Emial"}]
/// })).unwrap();
/// let preview = apply_mapping(&typo, &builtin::schema("Leads").unwrap(), &[json!({"last": "Ito", "mail": "a@b.co"})]);
/// assert_eq!(preview.mapping_findings[0].code, "mapping.unknown_field");
/// assert!(preview.mapping_findings[0].message.contains("did you mean `Email`"));
/// ```
pub fn apply_mapping(mapping: &FieldMapping, schema: &ModuleSchema, records: &[Value]) -> MappingPreview {
    let plan = Plan::new(mapping, schema);
    let mut preview =
        MappingPreview { batch_source: SRC_BATCH, mapping_findings: plan.unknown.clone(), ..Default::default() };
    let mut rows: Vec<Value> = Vec::new();
    for (index, record) in records.iter().enumerate() {
        let record = Rec::from_value(record);
        let (mut row, mut found) = (Vec::new(), Vec::new());
        if plan.map_record(index, &record, &mut preview.findings, &mut row, &mut found) {
            preview.skipped.push(index);
        } else {
            preview.sent.push(index);
            let mut object = Map::new();
            for (key, out) in plan.keys.iter().zip(row) {
                if let Some(out) = out {
                    object.insert((*key).to_string(), out.into_value());
                }
            }
            rows.push(Value::Object(object));
        }
    }
    let mut rows = rows.into_iter().peekable();
    while rows.peek().is_some() {
        let mut body = Map::new();
        body.insert("data".into(), Value::Array(rows.by_ref().take(BATCH_SIZE).collect()));
        preview.batches.push(Value::Object(body));
    }
    preview
}

/// [`apply_mapping`] on records given as JSON text (an array), answering the JSON text of the [`MappingPreview`]:
/// the same text as `serde_json::to_string(&apply_mapping(…))`, several times faster, because neither the records
/// nor the rows become `serde_json::Value` trees. Unreadable records give the finding of
/// [`crate::input::parse_json_text`].
///
/// ```
/// use zoho_connector_kit::field::builtin;
/// use zoho_connector_kit::mapping::{apply_mapping, apply_mapping_to_json, FieldMapping};
/// let mapping: FieldMapping = serde_json::from_str(
///     r#"{"module": "Leads", "fields": [{"source": "last", "target": "Last_Name", "transforms": [{"op": "trim"}]}]}"#,
/// ).unwrap();
/// let leads = builtin::schema("Leads").unwrap();
/// let records = r#"[{"last": " Ito "}, {"first": "Ana"}]"#;
/// let text = apply_mapping_to_json(&mapping, &leads, records).unwrap();
/// assert!(text.starts_with(r#"{"batches":[{"data":[{"Last_Name":"Ito"}]}],"sent":[0],"skipped":[1]"#));
/// let values: Vec<serde_json::Value> = serde_json::from_str(records).unwrap();
/// assert_eq!(text, serde_json::to_string(&apply_mapping(&mapping, &leads, &values)).unwrap());
/// assert_eq!(apply_mapping_to_json(&mapping, &leads, "[1,").unwrap_err().diagnostic.code, "input.syntax");
/// ```
pub fn apply_mapping_to_json(
    mapping: &FieldMapping,
    schema: &ModuleSchema,
    records_json: &str,
) -> Result<String, InputError> {
    let records = read_records(records_json)?;
    apply_mapping_json(mapping, schema, &records).map_err(|e| InputError {
        diagnostic: Diagnostic::error(Code::InternalSerialize, "", format!("The answer could not be written ({e})."))
            .with_fix("This is a bug in zoho-connector-kit; please report it."),
    })
}

/// [`apply_mapping_to_json`] on records already read (the npm API reads them first, to report input errors in
/// the order of its parameters).
pub(crate) fn apply_mapping_json(
    mapping: &FieldMapping,
    schema: &ModuleSchema,
    records: &[Rec<'_>],
) -> Result<String, serde_json::Error> {
    let plan = Plan::new(mapping, schema);
    let mut findings = Vec::new();
    let (mut sent, mut skipped) = (Vec::new(), Vec::new());
    // About 24 bytes per key and record (issue 8's Shopify records: 22), so the answer is seldom copied to grow.
    let mut out: Vec<u8> = Vec::with_capacity(records.len().saturating_mul(plan.keys.len() * 24 + 2) + 256);
    out.extend_from_slice(b"{\"batches\":[");
    let (mut row, mut found) = (Vec::new(), Vec::new());
    for (index, record) in records.iter().enumerate() {
        if plan.map_record(index, record, &mut findings, &mut row, &mut found) {
            skipped.push(index);
            continue;
        }
        out.extend_from_slice(match sent.len() % BATCH_SIZE {
            0 if sent.is_empty() => b"{\"data\":[",
            0 => b"]},{\"data\":[",
            _ => b",",
        });
        sent.push(index);
        out.push(b'{');
        let mut first = true;
        for (key, value) in plan.quoted_keys.iter().zip(row.drain(..)) {
            let Some(value) = value else { continue };
            // `,"Key":"`, without its comma for the first field and without its quote for a value that is not
            // plain text: usually one copy for the key and one for the text (each a call in Wasm).
            let key = key.as_bytes().get(usize::from(first)..).unwrap_or_default();
            first = false;
            let plain = match &value {
                Out::Text(t) => Some(t.as_ref()),
                Out::Json(Value::String(t)) => Some(t.as_str()),
                Out::Json(_) => None,
            }
            .filter(|t| !needs_escape(t));
            if let Some(text) = plain {
                out.extend_from_slice(key);
                out.extend_from_slice(text.as_bytes());
                out.push(b'"');
                continue;
            }
            out.extend_from_slice(key.get(..key.len().saturating_sub(1)).unwrap_or_default());
            // Text with an escape in it, or a number, boolean, array or object: as serde_json writes it.
            match value {
                Out::Text(t) => serde_json::to_writer(&mut out, t.as_ref())?,
                Out::Json(j) => serde_json::to_writer(&mut out, &j)?,
            }
        }
        out.push(b'}');
    }
    if !sent.is_empty() {
        out.extend_from_slice(b"]}");
    }
    out.extend_from_slice(b"],\"sent\":");
    serde_json::to_writer(&mut out, &sent)?;
    out.extend_from_slice(b",\"skipped\":");
    serde_json::to_writer(&mut out, &skipped)?;
    out.extend_from_slice(b",\"findings\":");
    serde_json::to_writer(&mut out, &findings)?;
    out.extend_from_slice(b",\"mappingFindings\":");
    serde_json::to_writer(&mut out, &plan.unknown)?;
    out.extend_from_slice(b",\"batchSource\":");
    serde_json::to_writer(&mut out, SRC_BATCH)?;
    out.push(b'}');
    String::from_utf8(out).map_err(|e| serde::ser::Error::custom(e.to_string()))
}

/// Whether serde_json writes `text` with an escape (control characters, `"` and `\\`).
fn needs_escape(text: &str) -> bool {
    text.bytes().any(|b| b < 0x20 || b == b'"' || b == b'\\')
}

/// One field map, resolved against the schema once for all records.
struct Planned<'m> {
    field: &'m CrmField,
    info: TypeInfo,
    /// Plain text fields take empty text as it is; any other type leaves a blank value out.
    keeps_blank: bool,
    /// Index of the field in [`Plan::keys`].
    slot: usize,
    /// Where the source's value is found; `None` when there is no source or it can never match.
    source: Option<Slot>,
    transforms: &'m [Transform],
    /// For each transform, where its `concat` `with` paths' values are found (empty for other transforms).
    with: Vec<Vec<Option<Slot>>>,
}

/// A mapping compiled against a schema: targets resolved, paths read, the output's keys ordered once.
struct Plan<'m> {
    fields: Vec<Planned<'m>>,
    /// Every path the fields read, found in a record in one pass.
    sources: Sources<'m>,
    /// The distinct api_names written, in the order a `serde_json::Map` keeps them (sorted).
    keys: Vec<&'m str>,
    /// The same keys as `,"Key":"` (a comma, the key as a JSON string, a colon, a quote).
    quoted_keys: Vec<String>,
    /// Mandatory fields of the schema, with their slot when the mapping writes them.
    mandatory: Vec<(&'m str, Option<usize>)>,
    writes: bool,
    /// `mapping.unknown_field` for each target that is not a field of the schema.
    unknown: Vec<Diagnostic>,
}

impl<'m> Plan<'m> {
    fn new(mapping: &'m FieldMapping, schema: &'m ModuleSchema) -> Plan<'m> {
        let mut unknown = Vec::new();
        let resolved: Vec<(&FieldMap, &CrmField)> = mapping
            .fields
            .iter()
            .enumerate()
            .filter_map(|(i, map)| {
                let target = map.target.as_deref().map(str::trim).filter(|t| !t.is_empty())?;
                match schema.field(target) {
                    Some(field) => Some((map, field)),
                    None => {
                        unknown.push(unknown_field(target, format!("fields[{i}].target"), schema));
                        None
                    }
                }
            })
            .collect();
        let mut keys: Vec<&str> = resolved.iter().map(|(_, f)| f.api_name.as_str()).collect();
        keys.sort_unstable();
        keys.dedup();
        let slot = |name: &str| keys.binary_search(&name).ok();
        let mut sources = Sources::new();
        let fields = resolved
            .iter()
            .filter_map(|(map, field)| {
                let slot = slot(&field.api_name)?;
                let source = map.source.as_deref().and_then(|s| path::compile(s.trim())).map(|s| sources.add(&s));
                let with = map
                    .transforms
                    .iter()
                    .map(|t| match t {
                        Transform::Concat { with, .. } => {
                            with.iter().map(|p| path::compile(p).map(|s| sources.add(&s))).collect()
                        }
                        _ => Vec::new(),
                    })
                    .collect();
                let info = field.data_type.info();
                let keeps_blank =
                    matches!(field.data_type, CrmFieldType::Text | CrmFieldType::Textarea | CrmFieldType::Mediumtext);
                Some(Planned { field, info, keeps_blank, slot, source, transforms: &map.transforms, with })
            })
            .collect();
        sources.finish();
        let mandatory =
            schema.fields.iter().filter(|f| f.mandatory).map(|f| (f.api_name.as_str(), slot(&f.api_name))).collect();
        let quoted_keys =
            keys.iter().map(|k| format!(",{}:\"", serde_json::to_string(k).unwrap_or_default())).collect();
        Plan { fields, sources, keys, quoted_keys, mandatory, writes: writes_to_crm(mapping), unknown }
    }

    /// Maps one record into `row` (one slot per key) and adds its findings; true when an error leaves it out.
    /// `found` is room for the values of the record's source paths.
    fn map_record<'r>(
        &'r self,
        index: usize,
        record: &'r Rec<'r>,
        findings: &mut Vec<RecordFinding>,
        row: &mut Vec<Option<Out<'r>>>,
        found: &mut Vec<Option<&'r Rec<'r>>>,
    ) -> bool {
        let before = findings.len();
        row.clear();
        row.resize_with(self.keys.len(), || None);
        let mut finding = |field: &str, value: Value, code: Code, reason: String, severity: Severity| {
            findings.push(RecordFinding { record: index, field: field.to_string(), value, reason, code, severity });
        };
        if !matches!(record, Rec::Object(_)) {
            let reason = "the record is not a JSON object".into();
            finding("", record.to_value(), Code::ApplyNotAnObject, reason, Severity::Error);
            return true;
        }
        self.sources.resolve(record, found);
        let found = &*found;
        let at = |slot: Option<Slot>| slot.and_then(|s| found.get(s).copied().flatten());
        for planned in &self.fields {
            let field = planned.field;
            let raw = at(planned.source);
            if matches!(field.data_type, CrmFieldType::Bigint) {
                if let Some(n) = raw.and_then(Rec::as_f64).filter(|n| n.abs() > 9_007_199_254_740_992.0) {
                    finding(
                        &field.api_name,
                        raw.map_or(Value::Null, Rec::to_value),
                        Code::ApplyBigintAsNumber,
                        format!("{n} came as a JSON number above 2^53; its last digits may already be wrong"),
                        Severity::Warning,
                    );
                }
            }
            let mut current = raw.and_then(Val::from_rec);
            let mut failed = false;
            for (t, with) in planned.transforms.iter().zip(&planned.with) {
                if let Err(p) = value::run(t, &mut current, with.iter().map(|s| at(*s))) {
                    let shown = current.as_ref().map_or(Value::Null, Val::to_json);
                    finding(&field.api_name, shown, p.code, format!("{}: {}", t.name(), p.reason), Severity::Error);
                    failed = true;
                    break;
                }
            }
            if failed {
                continue;
            }
            let Some(v) = current else { continue };
            if !self.writes {
                continue;
            }
            if value::is_blank(&v) {
                if field.mandatory {
                    // Zoho answers MANDATORY_NOT_FOUND ("required field not found", zoho-facts.md §7b: OAS [OFF]) for
                    // a mandatory field sent blank.
                    let reason = format!(
                        "the mandatory field {} is blank; Zoho answers MANDATORY_NOT_FOUND (give a value or a `default`)",
                        field.api_name
                    );
                    finding(&field.api_name, v.to_json(), Code::ApplyMandatoryBlank, reason, Severity::Error);
                    continue;
                }
                if !planned.keeps_blank {
                    let reason = format!("blank: left out of the record ({} takes no empty text)", field.data_type);
                    finding(&field.api_name, v.to_json(), Code::ApplyBlankLeftOut, reason, Severity::Info);
                    continue;
                }
            }
            match value::to_crm_with(&v, field, &planned.info) {
                Ok((shape, notes)) => {
                    if !notes.is_empty() {
                        let shown = v.to_json();
                        for n in notes {
                            let severity = if n.blocking { Severity::Error } else { Severity::Warning };
                            finding(&field.api_name, shown.clone(), n.code, n.reason, severity);
                        }
                    }
                    if let Some(slot) = row.get_mut(planned.slot) {
                        *slot = Some(v.into_out(shape));
                    }
                }
                Err(p) => finding(&field.api_name, v.to_json(), p.code, p.reason, Severity::Error),
            }
        }
        if self.writes {
            for (api_name, slot) in &self.mandatory {
                let written = slot.and_then(|s| row.get(s)).is_some_and(Option::is_some);
                if !written && !findings[before..].iter().any(|f| f.field == *api_name) {
                    findings.push(RecordFinding {
                        record: index,
                        field: (*api_name).to_string(),
                        value: Value::Null,
                        reason: format!("the mandatory field {api_name} has no value"),
                        code: Code::ApplyMandatoryMissing,
                        severity: Severity::Error,
                    });
                }
            }
        }
        findings[before..].iter().any(|f| f.severity == Severity::Error)
    }
}
