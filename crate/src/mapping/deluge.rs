//! `generate_mapping_deluge`: a Deluge function that does a mapping's transforms on a Deluge map (a record from a
//! webhook or an API) and inserts the result into the CRM. Text goes through the Deluge generator's
//! [`string_literal`] and [`value_literal`], the CRM call through [`generate_invoke_url`], and the whole function
//! is checked with [`check_deluge`].
//!
//! Deluge text, number and date built-ins used (`trim`, `toUpperCase`, `toLowerCase`, `toDecimal`,
//! `toDate`, `toString`, `containKey`, `toList`, `matches`) are Deluge's own functions; docs/facts.md §6 does
//! not cover them, so the header says so.
//!
//! The function does what [`super::apply_mapping`] does to a record, transform by transform (blank values and
//! blank mandatory fields included); `crate/tests/mapping_deluge_eval.rs` evaluates it on the preview's table
//! records and compares. Where Deluge cannot be made to do exactly the same (`parseDatetime`: offsets and
//! patterns; `formatNumber`: Deluge's rounding mode is not documented in our sources; `case` `title`: the word
//! rule of Deluge's `proper()` is not either), and for a target that is
//! not a field of the module, no function is written: an error names the transform or the field. The checks
//! the preview makes on the final value (length, email shape, whole numbers, bigint digits, picklist values)
//! are left to Zoho, which refuses such a record.

use super::path;
use super::spec::{CaseStyle, FieldMapping, Otherwise, Transform};
use super::validate::unknown_field;
use crate::code::Code;
use crate::deluge::check_deluge;
use crate::deluge::generate::{generate_invoke_url, value_literal, HttpMethod, InvokeUrlSpec};
use crate::deluge::string_literal;
use crate::diagnostic::Diagnostic;
use crate::field::{CrmFieldType, ModuleSchema};
use serde::Serialize;
use serde_json::json;

const SRC_INSERT: &str = "zoho-crm-oas-record";
const PLACEHOLDER: &str = "__mapped_records__";

/// The generated function, or the findings that prevented it.
///
/// ```
/// let d = zoho_connector_kit::mapping::MappingDeluge { deluge: None, diagnostics: vec![] };
/// assert!(d.deluge.is_none());
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct MappingDeluge {
    /// The Deluge function.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub deluge: Option<String>,
    /// Findings: transforms not translated, and any finding of the Deluge checker (a bug if an error).
    pub diagnostics: Vec<Diagnostic>,
}

/// Writes the Deluge function of a mapping. `api_domain` is the CRM API domain (`https://www.zohoapis.eu`),
/// `connection` the link name of a Zoho CRM connection.
///
/// ```
/// use zoho_connector_kit::field::builtin;
/// use zoho_connector_kit::mapping::{generate_mapping_deluge, FieldMapping};
/// let mapping: FieldMapping = serde_json::from_value(serde_json::json!({
///   "module": "Leads",
///   "fields": [{"source": "customer.last_name", "target": "Last_Name", "transforms": [{"op": "trim"}]}]
/// })).unwrap();
/// let out = generate_mapping_deluge(&mapping, &builtin::schema("Leads").unwrap(), "https://www.zohoapis.com", "zoho_crm");
/// let deluge = out.deluge.unwrap();
/// assert!(deluge.contains("record.put(\"Last_Name\", value);"));
/// assert!(deluge.contains("url: \"https://www.zohoapis.com/crm/v8/Leads\""));
/// assert!(zoho_connector_kit::deluge::check_deluge(&deluge).is_empty());
/// ```
pub fn generate_mapping_deluge(
    mapping: &FieldMapping,
    schema: &ModuleSchema,
    api_domain: &str,
    connection: &str,
) -> MappingDeluge {
    let mut diagnostics = Vec::new();
    let module = schema.module.clone();
    let mut body = vec!["record = Map();".to_string(), "errors = List();".to_string()];
    for (i, map) in mapping.fields.iter().enumerate() {
        let Some(target) = map.target.as_deref().map(str::trim).filter(|t| !t.is_empty()) else { continue };
        let Some(field) = schema.field(target) else {
            diagnostics.push(unknown_field(target, format!("fields[{i}].target"), schema));
            continue;
        };
        if field.read_only {
            continue;
        }
        body.push(format!("// {target} <- {}", map.source.as_deref().unwrap_or("(default)")));
        body.push("value = null;".into());
        if let Some(src) = map.source.as_deref().map(str::trim).filter(|s| !s.is_empty()) {
            body.extend(lookup_lines("value", "source", src));
        }
        for (j, t) in map.transforms.iter().enumerate() {
            let whole = matches!(field.data_type, CrmFieldType::Bigint | CrmFieldType::Integer);
            if let Some(lines) = transform_lines(t, whole, &format!("fields[{i}].transforms[{j}]"), &mut diagnostics) {
                body.extend(lines);
            }
        }
        let keeps_blank =
            matches!(field.data_type, CrmFieldType::Text | CrmFieldType::Textarea | CrmFieldType::Mediumtext);
        if field.mandatory {
            // As the preview: a blank mandatory value is refused (Zoho answers MANDATORY_NOT_FOUND).
            body.push(format!(
                "if(value != null && value.toString().trim() == \"\")\n{{\n\terrors.add({});\n\tvalue = null;\n}}",
                string_literal(&format!("{target} is blank"))
            ));
        } else if !keeps_blank {
            // As the preview: a blank optional value is left out.
            body.push("if(value != null && value.toString().trim() == \"\")\n{\n\tvalue = null;\n}".into());
        }
        if field.data_type == CrmFieldType::Bigint {
            body.push("if(value != null)\n{\n\tvalue = value.toString().trim();\n}".into());
        }
        body.push(format!("if(value != null)\n{{\n\trecord.put({}, value);\n}}", string_literal(target)));
    }
    if Diagnostic::has_errors(&diagnostics) {
        return MappingDeluge { deluge: None, diagnostics };
    }
    for field in schema.fields.iter().filter(|f| f.mandatory) {
        body.push(format!(
            "if(record.get({name}) == null && !errors.contains({blank}))\n{{\n\terrors.add({msg});\n}}",
            blank = string_literal(&format!("{} is blank", field.api_name)),
            name = string_literal(&field.api_name),
            msg = string_literal(&format!("{} is missing", field.api_name))
        ));
    }
    body.push(
        "if(errors.size() > 0)\n{\n\tresult = Map();\n\tresult.put(\"errors\", errors);\n\treturn result;\n}".into(),
    );
    body.push(format!("{PLACEHOLDER} = List();"));
    body.push(format!("{PLACEHOLDER}.add(record);"));

    let spec = InvokeUrlSpec {
        url: Some(format!("{}/crm/v8/{module}", api_domain.trim_end_matches('/'))),
        method: Some(HttpMethod::Post),
        connection: Some(connection.to_string()),
        body: Some(json!({ "data": PLACEHOLDER })),
        response_var: Some("response".into()),
        ..InvokeUrlSpec::default()
    };
    let call = match generate_invoke_url(&spec) {
        Ok(call) => call.replace(&string_literal(PLACEHOLDER), "mapped_records"),
        Err(found) => {
            diagnostics.extend(found);
            return MappingDeluge { deluge: None, diagnostics };
        }
    };
    let function = format!(
        "map_to_{}",
        module.to_ascii_lowercase().chars().filter(|c| c.is_ascii_alphanumeric() || *c == '_').collect::<String>()
    );
    let mut out = String::new();
    out.push_str(&format!(
        "// Maps a source record (a map from a webhook or an API) to a {module} record and inserts it.\n"
    ));
    out.push_str("// Generated by zoho-connector-kit. Insert body {\"data\": [...]}: ");
    out.push_str(SRC_INSERT);
    out.push_str(
        ".\n// Text, number and date functions are Deluge built-ins this kit has no source for; test before use.\n",
    );
    out.push_str(&format!(
        "// Body of a Deluge function `map {function}(map source)`: paste it into the function editor, whose\n// signature line declares the argument.\n"
    ));
    let text = body.join("\n").replace(PLACEHOLDER, "mapped_records") + "\n" + &call;
    out.push_str(text.trim_end());
    out.push_str("\nreturn response;\n");
    let found = check_deluge(&out);
    let failed = Diagnostic::has_errors(&found);
    diagnostics.extend(found);
    MappingDeluge { deluge: (!failed).then_some(out), diagnostics }
}

/// Deluge that turns a name into the id of the `module` record whose `field` equals it (for a lookup whose
/// source gives a name, not a record id): `zoho.crm.searchRecords(module, "(field:equals:value)")`, as
/// zoho.com/deluge/help/crm/search-records.html \[OFF\] describes it. The snippet reads and sets `value`.
///
/// ```
/// let snippet = zoho_connector_kit::mapping::lookup_search_deluge("Accounts", "Account_Name");
/// assert!(snippet.contains("zoho.crm.searchRecords(\"Accounts\", \"(Account_Name:equals:\" + name + \")\")"));
/// assert!(zoho_connector_kit::deluge::check_deluge(&snippet).is_empty());
/// ```
pub fn lookup_search_deluge(module: &str, field: &str) -> String {
    format!(
        "// The id of the {module} record whose {field} equals the value (zoho.com/deluge/help/crm/search-records.html).\n\
         name = value;\nvalue = null;\nfound = zoho.crm.searchRecords({}, {} + name + \")\");\n\
         if(found.size() > 0)\n{{\n\tvalue = found.get(0).get(\"id\");\n}}\n",
        string_literal(module),
        string_literal(&format!("({field}:equals:"))
    )
}

fn lookup_lines(var: &str, from: &str, source_path: &str) -> Vec<String> {
    let mut lines = Vec::new();
    let mut first = true;
    for step in path::steps(source_path) {
        let key = match step {
            path::Step::Key(k) => string_literal(k),
            path::Step::Index(i) => i.to_string(),
        };
        if first {
            lines.push(format!("{var} = {from}.get({key});"));
            first = false;
        } else {
            lines.push(format!("if({var} != null)\n{{\n\t{var} = {var}.get({key});\n}}"));
        }
    }
    lines
}

fn guarded(statement: &str) -> String {
    format!("if(value != null)\n{{\n\t{statement}\n}}")
}

/// The Deluge of one transform. `whole`: the target takes whole numbers (integer, bigint), so `parseNumber` reads
/// a Long, exactly, never through a decimal (an 18-digit bigint would lose digits in a float).
fn transform_lines(t: &Transform, whole: bool, path: &str, diagnostics: &mut Vec<Diagnostic>) -> Option<Vec<String>> {
    use Transform as T;
    Some(match t {
        T::Trim => vec![guarded("value = value.toString().trim();")],
        T::Case { to: CaseStyle::Upper } => vec![guarded("value = value.toString().toUpperCase();")],
        T::Case { to: CaseStyle::Lower } => vec![guarded("value = value.toString().toLowerCase();")],
        T::Default { value } => vec![format!(
            "if(value == null || value.toString().trim() == \"\")\n{{\n\tvalue = {};\n}}",
            value_literal(value)
        )],
        T::ValueMap { map, otherwise } => {
            let literal =
                value_literal(&serde_json::Value::Object(crate::json_map(map.iter().map(|(k, v)| (k.clone(), v.clone())))));
            let other = match otherwise {
                Otherwise::Keep => String::new(),
                Otherwise::Drop => "\nelse\n{\n\tvalue = null;\n}".into(),
                Otherwise::Error => format!(
                    "\nelse if(value != null)\n{{\n\terrors.add({} + value);\n}}",
                    string_literal("not in the value map: ")
                ),
            };
            vec![
                format!("value_map = {literal};"),
                format!("if(value != null && value_map.containKey(value.toString()))\n{{\n\tvalue = value_map.get(value.toString());\n}}\nelse if(value != null && value_map.containKey(value.toString().trim()))\n{{\n\tvalue = value_map.get(value.toString().trim());\n}}{other}"),
            ]
        }
        T::Concat { with, separator } => {
            // As the preview: blank parts are left out.
            let mut lines = vec![
                "parts = List();".to_string(),
                "if(value != null && value.toString().trim() != \"\")\n{\n\tparts.add(value.toString());\n}".into(),
            ];
            for p in with {
                lines.extend(lookup_lines("part", "source", p));
                lines.push(
                    "if(part != null && part.toString().trim() != \"\")\n{\n\tparts.add(part.toString());\n}".into(),
                );
            }
            lines.push(format!(
                "value = null;\nif(parts.size() > 0)\n{{\n\tvalue = parts.toString({});\n}}",
                string_literal(separator.as_deref().unwrap_or(" "))
            ));
            lines
        }
        // As the preview: each part trimmed, empty parts left out.
        T::Split { separator } => vec![guarded(&format!(
            "items = List();\n\tfor each item in value.toString().toList({})\n\t{{\n\t\tif(item.trim() != \"\")\n\t\t{{\n\t\t\titems.add(item.trim());\n\t\t}}\n\t}}\n\tvalue = items;",
            string_literal(separator)
        ))],
        // As the preview: only a record id (digits) becomes {"id": …}.
        T::ToLookup => vec![guarded(&format!(
            "id = value.toString().trim();\n\tif(id.matches(\"[0-9]+\"))\n\t{{\n\t\tlookup = Map();\n\t\tlookup.put(\"id\", id);\n\t\tvalue = lookup;\n\t}}\n\telse\n\t{{\n\t\terrors.add({} + id);\n\t}}",
            string_literal("not a Zoho record id (look the record up first): ")
        ))],
        T::ParseNumber { decimal_separator, group_separator } => {
            let mut s = "text = value.toString().trim();".to_string();
            if let Some(g) = group_separator.as_deref().filter(|g| !g.is_empty()) {
                s.push_str(&format!("\n\ttext = text.replaceAll({}, \"\", true);", string_literal(g)));
            }
            if let Some(d) = decimal_separator.as_deref().filter(|d| *d != ".") {
                s.push_str(&format!("\n\ttext = text.replaceAll({}, \".\", true);", string_literal(d)));
            }
            s.push_str(if whole { "\n\tvalue = text.toLong();" } else { "\n\tvalue = text.toDecimal();" });
            vec![guarded(&s)]
        }
        T::ParseBoolean { true_words, false_words } => {
            let words = |w: &Option<Vec<String>>, d: &[&str]| {
                let list: Vec<String> = w.clone().unwrap_or_else(|| d.iter().map(|s| s.to_string()).collect());
                value_literal(&json!(list.iter().map(|s| s.to_lowercase()).collect::<Vec<_>>()))
            };
            vec![
                format!("true_words = {};", words(true_words, &["true", "yes", "y", "1"])),
                format!("false_words = {};", words(false_words, &["false", "no", "n", "0"])),
                guarded(&format!(
                    "word = value.toString().trim().toLowerCase();\n\tif(true_words.contains(word))\n\t{{\n\t\tvalue = true;\n\t}}\n\telse if(false_words.contains(word))\n\t{{\n\t\tvalue = false;\n\t}}\n\telse\n\t{{\n\t\terrors.add({} + word);\n\t}}",
                    string_literal("not a true or false word: ")
                )),
            ]
        }
        T::ParseDate { format } => vec![guarded(&format!(
            "value = value.toString().toDate({}).toString(\"yyyy-MM-dd\");",
            string_literal(format.as_deref().unwrap_or("yyyy-MM-dd"))
        ))],
        T::FormatDate { format } => vec![guarded(&format!(
            "value = value.toString().subString(0, 10).toDate(\"yyyy-MM-dd\").toString({});",
            string_literal(format)
        ))],
        T::ParseDatetime { .. } | T::FormatNumber { .. } | T::Case { to: CaseStyle::Title } => {
            let why = match t {
                T::ParseDatetime { .. } => {
                    "its patterns and offset conversions have no Deluge counterpart we can check gives the same date-time"
                }
                T::FormatNumber { .. } => {
                    "Deluge's rounding mode is not documented in our sources, so the result could differ from the preview"
                }
                _ => {
                    "Deluge's proper() is not documented in our sources; the preview also starts a word after `-`, which proper() may not"
                }
            };
            diagnostics.push(
                Diagnostic::error(
                    Code::MappingDelugeUntranslatable,
                    path,
                    format!("No Deluge function is written: the {} transform cannot be done in Deluge exactly as the preview does it ({why}).", t.name()),
                )
                .with_fix(format!("Have the source send the value already converted and drop `{}`, or use the preview (applyMapping / zck map) to send the records.", t.name())),
            );
            return None;
        }
    })
}
