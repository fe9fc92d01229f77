//! `validate_mapping`: every check of a mapping against a CRM module schema and, if given, the source schema.

use super::compatibility::{compatibility, Compatibility, ValueKind};
use super::datetime;
use super::spec::{ConflictPolicy, Direction, FieldAccess, FieldMapping, Transform, SRC_GUIDE_SYNC};
use super::suggestion::closest;
use super::value::{self, Val};
use crate::code::Code;
use crate::diagnostic::Diagnostic;
use crate::field::{CrmField, CrmFieldType, JsonShape, ModuleSchema, SourceSchema};
use serde_json::Value;
use std::collections::BTreeMap;

const SRC_FIELDS_API: &str = "zoho-facts.md §6: OAS fields.json (GET /crm/v8/settings/fields) [OFF]";
const SRC_TYPES: &str = "zoho-facts.md §6: PY8 utility.py fill_data_type [SDK]";
const SRC_PICKLIST: &str = "zoho-facts.md §6: picklist takes an existing or new value (PY8 fill_data_type) [SDK]";
const SRC_BIGINT: &str = "zoho-facts.md §6: bigint/long is a string in JSON (JS6 datatype_converter.js) [SDK]";

/// True when the sync writes into the CRM (every direction but `fromCrm`).
pub(crate) fn writes_to_crm(mapping: &FieldMapping) -> bool {
    mapping.sync.as_ref().and_then(|s| s.direction) != Some(Direction::FromCrm)
}

/// Checks a mapping. Never fails: problems are findings, errors first.
///
/// ```
/// use zoho_connector_kit::field::builtin;
/// use zoho_connector_kit::mapping::{validate_mapping, FieldMapping};
/// let mapping: FieldMapping = serde_json::from_value(serde_json::json!({
///   "module": "Leads",
///   "fields": [{"source": "email", "target": "Emial"}],
///   "sync": {"direction": "toCrm"}
/// })).unwrap();
/// let findings = validate_mapping(&mapping, &builtin::schema("Leads").unwrap(), None);
/// let unknown = findings.iter().find(|d| d.code == "mapping.unknown_field").unwrap();
/// assert!(unknown.message.contains("did you mean `Email`"));
/// assert!(findings.iter().any(|d| d.code == "mapping.mandatory_unmapped" && d.message.contains("Last_Name")));
/// ```
pub fn validate_mapping(
    mapping: &FieldMapping,
    crm_schema: &ModuleSchema,
    source_schema: Option<&SourceSchema>,
) -> Vec<Diagnostic> {
    let mut out = Vec::new();
    if let Some(v) = mapping.schema_version.filter(|v| *v > super::spec::MAPPING_SCHEMA_VERSION) {
        out.push(
            Diagnostic::error(
                Code::MappingSchemaNewer,
                "schemaVersion",
                format!(
                    "This file uses format version {v}; this version of the tool reads up to {}.",
                    super::spec::MAPPING_SCHEMA_VERSION
                ),
            )
            .with_fix("Update zoho-connector-kit, or export the profile again from the version that reads it."),
        );
    }
    check_module(mapping, crm_schema, &mut out);
    check_sync(mapping, &mut out);
    let writes = writes_to_crm(mapping);
    let two_way = mapping.sync.as_ref().and_then(|s| s.direction) == Some(Direction::TwoWay);
    let mut targets: BTreeMap<&str, usize> = BTreeMap::new();

    for (i, map) in mapping.fields.iter().enumerate() {
        let path = format!("fields[{i}]");
        let has_default = map.transforms.iter().any(|t| matches!(t, Transform::Default { .. }));
        check_transforms(&map.transforms, &path, &mut out);

        let source = map.source.as_deref().map(str::trim).filter(|s| !s.is_empty());
        let mut kind = ValueKind::Unknown;
        match (source, source_schema) {
            (None, _) if !has_default => out.push(
                Diagnostic::error(
                    Code::MappingMissingSource,
                    format!("{path}.source"),
                    "The field map has no source path.",
                )
                .with_fix("Give the source path (e.g. \"customer.email\") or a `default` transform."),
            ),
            (Some(src), Some(schema)) => match schema.field(src) {
                Some(f) => {
                    kind = f.field_type.map_or(ValueKind::Unknown, ValueKind::from);
                }
                None => {
                    let hint = closest(src, schema.fields.iter().filter_map(|f| f.path.as_deref()));
                    out.push(
                        Diagnostic::error(
                            Code::MappingUnknownSourceField,
                            format!("{path}.source"),
                            format!("`{src}` is not a field of the source schema{}.", did_you_mean(hint)),
                        )
                        .with_fix(
                            hint.map_or("Use a path listed in the source schema.".to_string(), |h| {
                                format!("Use `{h}`.")
                            }),
                        ),
                    );
                }
            },
            _ => {}
        }

        let Some(target) = map.target.as_deref().map(str::trim).filter(|t| !t.is_empty()) else {
            out.push(
                Diagnostic::error(
                    Code::MappingMissingTarget,
                    format!("{path}.target"),
                    "The field map has no CRM field.",
                )
                .with_fix(format!("Give the api_name of a field of {}.", crm_schema.module)),
            );
            continue;
        };
        let target_path = format!("{path}.target");
        if let Some(first) = targets.insert(target, i) {
            out.push(
                Diagnostic::error(
                    Code::MappingDuplicateTarget,
                    target_path.clone(),
                    format!("{target} is mapped twice (also by fields[{first}]); one value would overwrite the other."),
                )
                .with_fix("Map each CRM field once; use `concat` to combine several source fields into one."),
            );
        }
        let Some(field) = crm_schema.field(target) else {
            out.push(unknown_field(target, target_path, crm_schema));
            continue;
        };

        if field.read_only || field.data_type.is_read_only() {
            if writes {
                out.push(
                    Diagnostic::error(
                        Code::MappingReadOnlyTarget,
                        target_path.clone(),
                        format!("{target} is a read-only {} field; Zoho rejects writes to it.", field.data_type),
                    )
                    .with_fix("Remove this field map, or sync it from CRM only.")
                    .with_source(field_source(field)),
                );
            }
            if two_way {
                out.push(
                    Diagnostic::error(
                        Code::SyncTwoWayReadOnly,
                        target_path.clone(),
                        format!(
                            "Two-way sync includes {target}, which is read-only in CRM, so one side cannot be written."
                        ),
                    )
                    .with_fix("Set direction \"fromCrm\" for this data or leave the field out of the two-way mapping.")
                    .with_source(SRC_GUIDE_SYNC),
                );
            }
            continue;
        }

        if kind == ValueKind::Text && map.transforms.iter().any(|t| matches!(t, Transform::ToLookup)) {
            check_lookup_from_text(field, &path, &mut out);
        }
        for t in &map.transforms {
            kind = kind.after(t);
        }
        check_type(kind, field, &path, &mut out);
        check_constants(&map.transforms, field, &path, &mut out);
        if let (Some(src), Some(schema)) = (source, source_schema) {
            if let Some(sf) = schema.field(src) {
                check_source_limits(sf, &map.transforms, field, &path, &mut out);
            }
        }
    }

    if writes {
        for field in crm_schema.fields.iter().filter(|f| f.mandatory) {
            if !targets.contains_key(field.api_name.as_str()) {
                out.push(
                    Diagnostic::error(
                        Code::MappingMandatoryUnmapped,
                        "fields",
                        format!(
                            "The mandatory field {} of {} is not mapped; Zoho rejects records without it.",
                            field.api_name, crm_schema.module
                        ),
                    )
                    .with_fix(format!("Map a source field (or a `default`) to {}.", field.api_name))
                    .with_source(field_source(field)),
                );
            }
        }
    }
    crate::diagnostic::sort_by_severity(&mut out);
    out
}

/// The finding for a target that is not a field of the schema (`validate_mapping`, `apply_mapping` and
/// `generate_mapping_deluge` give the same one).
pub(crate) fn unknown_field(target: &str, path: String, schema: &ModuleSchema) -> Diagnostic {
    let hint = closest(target, schema.fields.iter().map(|f| f.api_name.as_str()));
    Diagnostic::error(
        Code::MappingUnknownField,
        path,
        format!("`{target}` is not a field of {}{}.", schema.module, did_you_mean(hint)),
    )
    .with_fix(hint.map_or("Use the api_name from GET /settings/fields (not the label).".to_string(), |h| {
        format!("Use the api_name `{h}`.")
    }))
    .with_source(SRC_FIELDS_API)
}

fn did_you_mean(hint: Option<&str>) -> String {
    hint.map_or(String::new(), |h| format!("; did you mean `{h}`?"))
}

fn field_source(field: &CrmField) -> String {
    if field.source.starts_with("pasted") {
        format!("{} (system_mandatory/read_only/data_type); {SRC_TYPES}", field.source)
    } else {
        field.source.clone()
    }
}

fn check_module(mapping: &FieldMapping, schema: &ModuleSchema, out: &mut Vec<Diagnostic>) {
    match mapping.module.as_deref().map(str::trim).filter(|m| !m.is_empty()) {
        None => out.push(
            Diagnostic::error(Code::MappingMissingModule, "module", "The mapping names no CRM module.")
                .with_fix("Set module to the module API name, e.g. \"Leads\" (see GET /settings/modules)."),
        ),
        Some(m) if m != schema.module => out.push(
            Diagnostic::warning(
                Code::MappingModuleMismatch,
                "module",
                format!("The mapping is for {m} but the schema checked against is {}.", schema.module),
            )
            .with_fix("Check against the schema of the mapping's module."),
        ),
        Some(_) => {}
    }
    if mapping.fields.is_empty() {
        out.push(
            Diagnostic::error(Code::MappingNoFields, "fields", "The mapping maps no field.")
                .with_fix("Add field maps: {\"source\": \"…\", \"target\": \"Api_Name\"}."),
        );
    }
}

fn check_sync(mapping: &FieldMapping, out: &mut Vec<Diagnostic>) {
    let Some(sync) = &mapping.sync else {
        out.push(
            Diagnostic::info(
                Code::SyncMissingRules,
                "sync",
                "No sync rules are given; the mapping is read as one-way to CRM.",
            )
            .with_fix("Set sync.direction, fieldAccess, trigger and (for two-way) conflictPolicy.")
            .with_source(SRC_GUIDE_SYNC),
        );
        return;
    };
    if sync.direction.is_none() {
        out.push(
            Diagnostic::warning(
                Code::SyncMissingDirection,
                "sync.direction",
                "The sync direction is not set; it is read as toCrm.",
            )
            .with_fix("Set direction to toCrm, fromCrm, twoWay or manual.")
            .with_source(SRC_GUIDE_SYNC),
        );
    }
    if sync.direction == Some(Direction::TwoWay) {
        if let Some(access @ (FieldAccess::ReadOnly | FieldAccess::WriteOnly)) = sync.field_access {
            let word = if access == FieldAccess::ReadOnly { "read-only" } else { "write-only" };
            out.push(
                Diagnostic::error(
                    Code::SyncTwoWayReadOnly,
                    "sync.fieldAccess",
                    format!("Two-way sync with {word} field access: one side can never be updated."),
                )
                .with_fix("Use fieldAccess \"both\" for two-way sync, or make the sync one-way.")
                .with_source(SRC_GUIDE_SYNC),
            );
        }
        if sync.conflict_policy.is_none() {
            out.push(
                Diagnostic::error(
                    Code::SyncMissingConflictPolicy,
                    "sync.conflictPolicy",
                    "Two-way sync without a conflict policy: when both sides change, the result is undefined.",
                )
                .with_fix("Set conflictPolicy to latestWins, sourceWins or crmWins.")
                .with_source(SRC_GUIDE_SYNC),
            );
        }
    }
    if sync.conflict_policy == Some(ConflictPolicy::CrmWins) {
        out.push(
            Diagnostic::info(
                Code::SyncCrmWinsNotInGuide,
                "sync.conflictPolicy",
                "The setup guide lists only Latest Wins and Source Wins; CRM Wins is this tool's addition.",
            )
            .with_fix("Make sure the connector you configure offers CRM Wins.")
            .with_source(SRC_GUIDE_SYNC),
        );
    }
}

fn check_transforms(transforms: &[Transform], path: &str, out: &mut Vec<Diagnostic>) {
    for (j, t) in transforms.iter().enumerate() {
        let tpath = format!("{path}.transforms[{j}]");
        let mut bad = |message: String, fix: &str| {
            out.push(Diagnostic::error(Code::MappingInvalidTransform, tpath.clone(), message).with_fix(fix));
        };
        match t {
            Transform::ParseDate { format: Some(f) } | Transform::FormatDate { format: f } => {
                if let Err(e) = datetime::check_pattern(f) {
                    bad(
                        format!("The {} pattern is not usable: {e}.", t.name()),
                        "Write the pattern with yyyy, MM and dd.",
                    );
                }
            }
            Transform::ParseDatetime { format, zone, to_offset } => {
                if let Some(Err(e)) = format.as_deref().map(datetime::check_pattern) {
                    bad(format!("The parseDatetime pattern is not usable: {e}."), "Use yyyy, MM, dd, HH, mm, ss.");
                }
                for z in [zone, to_offset].into_iter().flatten() {
                    if let Err(e) = datetime::parse_offset(z) {
                        bad(format!("{e}."), "Give a fixed offset such as +05:30, -04:00 or Z.");
                    }
                }
            }
            Transform::ValueMap { map, .. } if map.is_empty() => {
                bad("The value map is empty.".into(), "List source value → CRM value pairs.")
            }
            Transform::Concat { with, .. } if with.is_empty() => {
                bad("concat names no other source path.".into(), "List the paths to append in `with`.")
            }
            Transform::Split { separator } if separator.is_empty() => {
                bad("split has an empty separator.".into(), "Give the separator, e.g. \",\" or \";\".")
            }
            _ => {}
        }
    }
}

fn check_type(kind: ValueKind, field: &CrmField, path: &str, out: &mut Vec<Diagnostic>) {
    let name = &field.api_name;
    let ty = &field.data_type;
    match compatibility(kind, ty) {
        Compatibility::Safe | Compatibility::Unchecked => {}
        Compatibility::NeedsTransform(op) => {
            let (code, message) = match ty.info().shape {
                JsonShape::StringArray => (
                    Code::MappingMultiselectNeedsArray,
                    format!(
                        "{name} is a multi-select picklist and takes an array of strings; the source gives {}.",
                        phrase(kind)
                    ),
                ),
                JsonShape::IdObject => (
                    Code::MappingLookupNeedsId,
                    format!("{name} is a {ty} and takes {{\"id\": \"…\"}}; the source gives {}.", phrase(kind)),
                ),
                _ => (
                    Code::MappingTypeNeedsTransform,
                    format!("The source gives {}, which cannot go into the {ty} field {name} as it is.", phrase(kind)),
                ),
            };
            let fix = if op == "formatNumber" {
                "Map it to a decimal or currency field; add `formatNumber` with decimalPlaces 0 only if rounding \
                 is wanted (it rounds 12.5 to 13)."
                    .to_string()
            } else {
                format!("Add the `{op}` transform.")
            };
            out.push(
                Diagnostic::error(code, format!("{path}.transforms"), message)
                    .with_fix(fix)
                    .with_source(ty.info().source),
            );
        }
        Compatibility::Impossible => out.push(
            Diagnostic::error(
                Code::MappingTypeImpossible,
                format!("{path}.target"),
                format!("The source gives {}, which cannot become the {ty} field {name}.", phrase(kind)),
            )
            .with_fix("Map a source field of a compatible type, or another CRM field.")
            .with_source(ty.info().source),
        ),
    }
    if *ty == CrmFieldType::Bigint && kind == ValueKind::Integer {
        out.push(
            Diagnostic::warning(
                Code::MappingBigintAsNumber,
                format!("{path}.source"),
                format!("{name} is a bigint: source integers above 2^53 (9007199254740992) lose precision as JSON numbers before they reach the mapping."),
            )
            .with_fix("Have the source send these ids as strings; the mapping sends bigint as a string.")
            .with_source(SRC_BIGINT),
        );
    }
}

/// toLookup on a source given as text: only record ids (digits) become lookups; names have to be looked up.
fn check_lookup_from_text(field: &CrmField, path: &str, out: &mut Vec<Diagnostic>) {
    let module = field.lookup_module.as_deref().unwrap_or("the looked-up module");
    let name_field = match module {
        "Accounts" => "Account_Name",
        "Deals" => "Deal_Name",
        "Leads" | "Contacts" => "Last_Name",
        _ => "Name",
    };
    out.push(
        Diagnostic::warning(
            Code::MappingLookupNeedsRecordId,
            format!("{path}.source"),
            format!(
                "{} is a lookup: toLookup sends only a Zoho record id (digits); a source text that is a name or a \
                 date is refused record by record.",
                field.api_name
            ),
        )
        .with_fix(format!(
            "Map a source field holding the {module} record id, or look the record up first, e.g. in Deluge \
             (match on the field you need):\n{}",
            super::deluge::lookup_search_deluge(module, name_field)
        ))
        .with_source(super::value::SRC_RECORD_ID),
    );
}

fn phrase(kind: ValueKind) -> &'static str {
    match kind {
        ValueKind::Text => "text",
        ValueKind::Integer => "an integer",
        ValueKind::Decimal => "a decimal",
        ValueKind::Number => "a number",
        ValueKind::Boolean => "a boolean",
        ValueKind::Date => "a date",
        ValueKind::Datetime => "a date-time",
        ValueKind::LocalDatetime => "a date-time without zone",
        ValueKind::StringArray => "an array of strings",
        ValueKind::Object => "an object",
        ValueKind::IdReference => "an id",
        ValueKind::Unknown => "an unknown value",
    }
}

fn check_constants(transforms: &[Transform], field: &CrmField, path: &str, out: &mut Vec<Diagnostic>) {
    for (j, t) in transforms.iter().enumerate() {
        let constants: Vec<(String, &Value)> = match t {
            Transform::Default { value } => vec![(format!("{path}.transforms[{j}].value"), value)],
            Transform::ValueMap { map, .. } => {
                map.iter().map(|(k, v)| (format!("{path}.transforms[{j}].map.{k}"), v)).collect()
            }
            _ => continue,
        };
        for (cpath, constant) in constants {
            if field.data_type == CrmFieldType::Bigint && constant.is_number() {
                out.push(
                    Diagnostic::error(
                        Code::MappingBigintAsNumber,
                        cpath.clone(),
                        format!(
                            "{} is a bigint, sent as a JSON string; the number {constant} loses precision above 2^53.",
                            field.api_name
                        ),
                    )
                    .with_fix(format!("Write it as a string: \"{constant}\"."))
                    .with_source(SRC_BIGINT),
                );
                continue;
            }
            let Some(v) = Val::from_json(constant) else { continue };
            match value::to_crm(&v, field) {
                Err(p) => out.push(
                    Diagnostic::error(
                        if p.code == Code::ApplyTooLong {
                            Code::MappingValueTooLong
                        } else {
                            Code::MappingConstantInvalid
                        },
                        cpath,
                        format!("The value {constant} does not fit {}: {}.", field.api_name, p.reason),
                    )
                    .with_fix("Change the value to one the field takes.")
                    .with_source(field.data_type.info().limit_source.unwrap_or(SRC_TYPES)),
                ),
                Ok((_, notes)) => {
                    for n in notes {
                        let picklist = n.code == Code::ApplyPicklistValue;
                        let code = match n.code {
                            Code::ApplyPicklistValue => Code::MappingPicklistValue,
                            Code::ApplyPicklistActualValue => Code::MappingPicklistActualValue,
                            _ => Code::MappingConstantNote,
                        };
                        out.push(
                            Diagnostic::warning(code, cpath.clone(), format!("{}.", n.reason))
                                .with_fix(if picklist {
                                    "Use one of the picklist's values (check the spelling and case)."
                                } else {
                                    "Check the value."
                                })
                                .with_source(if picklist { SRC_PICKLIST } else { SRC_TYPES }),
                        );
                    }
                }
            }
        }
    }
}

fn check_source_limits(
    source: &crate::field::SourceField,
    transforms: &[Transform],
    field: &CrmField,
    path: &str,
    out: &mut Vec<Diagnostic>,
) {
    let info = field.data_type.info();
    let limit = field.length.or(info.large_max_chars).or(info.max_chars);
    if let (Some(src_max), Some(max)) = (source.max_length, limit) {
        if src_max > max {
            out.push(
                Diagnostic::warning(
                    Code::MappingMayExceedLength,
                    format!("{path}.source"),
                    format!(
                        "The source allows {src_max} characters; {} takes {max}, so longer values are rejected.",
                        field.api_name
                    ),
                )
                .with_fix("Shorten the values in the source or map to a longer field (a text area).")
                .with_source(if field.length.is_some() {
                    field_source(field)
                } else {
                    info.limit_source.unwrap_or(SRC_TYPES).to_string()
                }),
            );
        }
    }
    let mapped_by_value_map = transforms.iter().any(|t| matches!(t, Transform::ValueMap { .. }));
    if field.data_type == CrmFieldType::Picklist && !mapped_by_value_map && !field.pick_list_values.is_empty() {
        for value in source.values.iter().filter(|v| !field.pick_list_values.contains(v)) {
            out.push(
                Diagnostic::warning(
                    Code::MappingPicklistValue,
                    format!("{path}.source"),
                    format!(
                        "The source value `{value}` is not in the picklist of {}; Zoho would store it as a new value.",
                        field.api_name
                    ),
                )
                .with_fix("Add a valueMap from the source values to the picklist's values.")
                .with_source(SRC_PICKLIST),
            );
        }
    }
}
