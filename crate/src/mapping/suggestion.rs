//! "Did you mean": the closest known name within a small edit distance; and, from a sample record, the CRM
//! fields its values could go into ([`suggest_targets`]).

use super::compatibility::{compatibility, Compatibility, ValueKind};
use crate::field::ModuleSchema;
use crate::text_distance::edit_distance as distance;
use serde::Serialize;
use serde_json::Value;

/// The closest candidate within distance 2 (3 for names of 10+ characters), case-insensitive.
pub(crate) fn closest<'a>(name: &str, candidates: impl IntoIterator<Item = &'a str>) -> Option<&'a str> {
    let limit = if name.chars().count() >= 10 { 3 } else { 2 };
    candidates
        .into_iter()
        .map(|c| (distance(name, c), c))
        .filter(|(d, _)| *d <= limit)
        .min_by_key(|(d, _)| *d)
        .map(|(_, c)| c)
}

/// A CRM field a sample value could go into.
///
/// ```
/// let s = zoho_connector_kit::mapping::TargetSuggestion {
///     source: "email".into(), target: "Email".into(), data_type: "email".into(), transform: None,
/// };
/// assert_eq!(serde_json::to_value(&s).unwrap()["dataType"], "email");
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct TargetSuggestion {
    /// The source path in the sample (`customer.email`).
    pub source: String,
    /// The CRM field's api_name.
    pub target: String,
    /// The CRM field's data type.
    pub data_type: String,
    /// The transform the value needs first (`parseDate`, `split`, …), as the compatibility matrix says.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub transform: Option<&'static str>,
}

/// The kind of a sample value, as far as its JSON tells.
fn kind(value: &Value) -> ValueKind {
    match value {
        Value::String(_) => ValueKind::Text,
        Value::Number(n) if n.is_i64() || n.is_u64() => ValueKind::Integer,
        Value::Number(_) => ValueKind::Decimal,
        Value::Bool(_) => ValueKind::Boolean,
        Value::Array(items) if items.iter().all(Value::is_string) => ValueKind::StringArray,
        _ => ValueKind::Object,
    }
}

/// Lowercase letters and digits only: `Last_Name`, `lastName` and `last-name` all read `lastname`.
fn plain(name: &str) -> String {
    name.chars().filter(char::is_ascii_alphanumeric).map(|c| c.to_ascii_lowercase()).collect()
}

/// The leaf paths of a record with their values (objects walked with dotted paths; arrays are values).
fn leaves<'v>(prefix: &str, value: &'v Value, out: &mut Vec<(String, &'v Value)>) {
    match value {
        Value::Object(map) if out.len() < 500 => {
            for (k, v) in map {
                let path = if prefix.is_empty() { k.clone() } else { format!("{prefix}.{k}") };
                leaves(&path, v, out);
            }
        }
        Value::Null | Value::Object(_) => {}
        _ => out.push((prefix.to_string(), value)),
    }
}

/// From a sample record (an object), the CRM fields its values could go into: a source path whose last name
/// matches a writable field's api_name or label (ignoring case, `_`, `-` and spaces, or within a small edit
/// distance), and whose value's type can go into that field; at most one suggestion per field, in the order of
/// the source paths. `transform` names the transform the value needs first.
///
/// ```
/// use zoho_connector_kit::field::builtin;
/// use zoho_connector_kit::mapping::suggest_targets;
/// let sample = serde_json::json!({"lastName": "Ito", "email": "ito@example.com", "customer": {"phone": "+81 3 1234"},
///                                 "email_opt_out": "yes", "created_time": "2024-05-02T10:00:00Z", "shoe_size": 42});
/// let found = suggest_targets(&sample, &builtin::schema("Leads").unwrap());
/// let pairs: Vec<(&str, &str)> = found.iter().map(|s| (s.source.as_str(), s.target.as_str())).collect();
/// assert_eq!(pairs, [("customer.phone", "Phone"), ("email", "Email"), ("email_opt_out", "Email_Opt_Out"),
///                    ("lastName", "Last_Name")]);
/// // A text into a boolean field: parseBoolean first. The read-only Created_Time and the unknown shoe_size: none.
/// assert_eq!(found[2].transform, Some("parseBoolean"));
/// ```
pub fn suggest_targets(sample: &Value, schema: &ModuleSchema) -> Vec<TargetSuggestion> {
    let mut paths = Vec::new();
    leaves("", sample, &mut paths);
    let writable: Vec<_> = schema.fields.iter().filter(|f| !f.read_only && !f.data_type.is_read_only()).collect();
    let mut out: Vec<TargetSuggestion> = Vec::new();
    for (path, value) in paths {
        let last = path.rsplit('.').next().unwrap_or(&path);
        let key = plain(last);
        if key.is_empty() {
            continue;
        }
        let exact = writable.iter().find(|f| plain(&f.api_name) == key || plain(&f.label) == key);
        let field = exact.copied().or_else(|| {
            let names: Vec<String> = writable.iter().map(|f| plain(&f.api_name)).collect();
            let hit = closest(&key, names.iter().map(String::as_str))?;
            writable.iter().find(|f| plain(&f.api_name) == hit).copied()
        });
        let Some(field) = field.filter(|f| !out.iter().any(|s| s.target == f.api_name)) else { continue };
        let transform = match compatibility(kind(value), &field.data_type) {
            Compatibility::Safe | Compatibility::Unchecked => None,
            Compatibility::NeedsTransform(op) => Some(op),
            Compatibility::Impossible => continue,
        };
        out.push(TargetSuggestion {
            source: path.clone(),
            target: field.api_name.clone(),
            data_type: field.data_type.api_name().to_string(),
            transform,
        });
    }
    out
}

#[cfg(test)]
mod tests {
    #[test]
    fn suggests_close_names_only() {
        let names = ["Last_Name", "First_Name", "Lead_Source"];
        assert_eq!(super::closest("LastName", names), Some("Last_Name"));
        assert_eq!(super::closest("lead_sorce", names), Some("Lead_Source"));
        assert_eq!(super::closest("Phone", names), None);
    }
}
