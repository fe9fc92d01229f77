//! The mapping spec: which source field goes to which CRM field, through which transforms, under which sync rules.

use serde::{Deserialize, Serialize};
use serde_json::Value;
use std::collections::BTreeMap;

/// Where the sync rules come from: the setup guide's "Data Change Rules" table.
pub(crate) const SRC_GUIDE_SYNC: &str = "zoho-setup-guide";

/// A field mapping between an external app and one CRM module. Unknown fields are refused.
///
/// ```
/// use zoho_connector_kit::mapping::FieldMapping;
/// let m: FieldMapping = serde_json::from_value(serde_json::json!({
///   "module": "Leads",
///   "fields": [
///     {"source": "customer.last_name", "target": "Last_Name", "transforms": [{"op": "trim"}]},
///     {"source": "customer.email", "target": "Email", "transforms": [{"op": "case", "to": "lower"}]}
///   ],
///   "sync": {"direction": "toCrm", "trigger": "onChange"}
/// })).unwrap();
/// assert_eq!(m.fields.len(), 2);
/// ```
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "camelCase")]
pub struct FieldMapping {
    /// The CRM module API name (`Leads`).
    #[serde(default)]
    pub module: Option<String>,
    /// The field maps.
    #[serde(default)]
    pub fields: Vec<FieldMap>,
    /// Sync rules (the setup guide's "Data Change Rules").
    #[serde(default)]
    pub sync: Option<SyncRules>,
    /// The version of the file format (exported profiles carry it); absent means 1.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub schema_version: Option<u32>,
}

/// The newest mapping file format this version reads.
pub const MAPPING_SCHEMA_VERSION: u32 = 1;

/// One source field to one CRM field.
///
/// ```
/// let f: zoho_connector_kit::mapping::FieldMap =
///     serde_json::from_str(r#"{"source":"total_price","target":"Amount","transforms":[{"op":"parseNumber"}]}"#).unwrap();
/// assert_eq!(f.target.as_deref(), Some("Amount"));
/// ```
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "camelCase")]
pub struct FieldMap {
    /// Dotted path in the source record (`customer.email`, `tags[0]`); may be absent when a `default` gives the value.
    #[serde(default)]
    pub source: Option<String>,
    /// The CRM field `api_name`.
    #[serde(default)]
    pub target: Option<String>,
    /// Transforms, applied in order.
    #[serde(default)]
    pub transforms: Vec<Transform>,
}

/// A transform of one value. Each is an object with an `op`.
///
/// ```
/// use zoho_connector_kit::mapping::Transform;
/// let t: Transform = serde_json::from_str(r#"{"op":"parseDate","format":"MM/dd/yyyy"}"#).unwrap();
/// assert_eq!(t.name(), "parseDate");
/// ```
///
/// `Deserialize` is written by hand in `transform_json.rs` (same format and findings, much less Wasm).
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(tag = "op", rename_all = "camelCase", rename_all_fields = "camelCase")]
pub enum Transform {
    /// Removes leading and trailing white space.
    Trim,
    /// Changes letter case.
    Case {
        /// `upper`, `lower` or `title`.
        to: CaseStyle,
    },
    /// Reads a date with a pattern (`yyyy`, `MM`, `M`, `dd`, `d`; other characters literal); ISO `yyyy-MM-dd`
    /// when no pattern is given.
    ParseDate {
        /// The pattern, e.g. `dd/MM/yyyy`.
        #[serde(default)]
        format: Option<String>,
    },
    /// Reads a date and time (ISO 8601 when no pattern; a pattern may add `HH`, `mm`, `ss`). A value without an
    /// offset takes `zone`; `toOffset` converts the result.
    ParseDatetime {
        /// The pattern, e.g. `MM/dd/yyyy HH:mm`.
        #[serde(default)]
        format: Option<String>,
        /// Offset of values that carry none: `+05:30`, `-04:00`, `Z`/`UTC`.
        #[serde(default)]
        zone: Option<String>,
        /// Offset to convert to before sending.
        #[serde(default)]
        to_offset: Option<String>,
    },
    /// Writes a date (or the date of a date-time) with a pattern.
    FormatDate {
        /// The pattern, e.g. `dd.MM.yyyy`.
        format: String,
    },
    /// Reads a number from text, kept as decimal digits (never through a float).
    ParseNumber {
        /// Decimal separator, `.` by default.
        #[serde(default)]
        decimal_separator: Option<String>,
        /// Grouping separator to drop (`,` or `.` or a space).
        #[serde(default)]
        group_separator: Option<String>,
    },
    /// Rounds a number half away from zero to a number of decimals.
    FormatNumber {
        /// Decimals to keep.
        decimal_places: u32,
    },
    /// Reads a boolean from text or 0/1: only this transform turns "yes"/"true"/1 into `true`.
    ParseBoolean {
        /// Words read as true (case-insensitive); default `true`, `yes`, `y`, `1`.
        #[serde(default, rename = "true")]
        true_words: Option<Vec<String>>,
        /// Words read as false; default `false`, `no`, `n`, `0`.
        #[serde(default, rename = "false")]
        false_words: Option<Vec<String>>,
    },
    /// Maps values (for picklists): the key is the value as text.
    ValueMap {
        /// Source value → CRM value.
        map: BTreeMap<String, Value>,
        /// What to do with a value not in the map; default `keep`.
        #[serde(default)]
        otherwise: Otherwise,
    },
    /// The value to use when the source has none (missing, null or empty text).
    Default {
        /// The value.
        value: Value,
    },
    /// Appends the values of other source paths (missing ones skipped).
    Concat {
        /// The other source paths.
        with: Vec<String>,
        /// Put between the parts; one space by default.
        #[serde(default)]
        separator: Option<String>,
    },
    /// Splits text into an array (for multi-select picklists).
    Split {
        /// The separator, e.g. `,`.
        separator: String,
    },
    /// Wraps an id into the `{"id": "…"}` a lookup takes.
    ToLookup,
}

impl Transform {
    /// The `op` name.
    ///
    /// ```
    /// assert_eq!(zoho_connector_kit::mapping::Transform::ToLookup.name(), "toLookup");
    /// ```
    pub fn name(&self) -> &'static str {
        match self {
            Transform::Trim => "trim",
            Transform::Case { .. } => "case",
            Transform::ParseDate { .. } => "parseDate",
            Transform::ParseDatetime { .. } => "parseDatetime",
            Transform::FormatDate { .. } => "formatDate",
            Transform::ParseNumber { .. } => "parseNumber",
            Transform::FormatNumber { .. } => "formatNumber",
            Transform::ParseBoolean { .. } => "parseBoolean",
            Transform::ValueMap { .. } => "valueMap",
            Transform::Default { .. } => "default",
            Transform::Concat { .. } => "concat",
            Transform::Split { .. } => "split",
            Transform::ToLookup => "toLookup",
        }
    }
}

/// Letter case.
///
/// ```
/// let c: zoho_connector_kit::mapping::CaseStyle = serde_json::from_str("\"title\"").unwrap();
/// assert_eq!(c, zoho_connector_kit::mapping::CaseStyle::Title);
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub enum CaseStyle {
    /// `ACME`.
    Upper,
    /// `acme`.
    Lower,
    /// `Acme Corp`.
    Title,
}

/// What a value map does with a value it does not list.
///
/// ```
/// assert_eq!(zoho_connector_kit::mapping::Otherwise::default(), zoho_connector_kit::mapping::Otherwise::Keep);
/// ```
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub enum Otherwise {
    /// Keep it unchanged.
    #[default]
    Keep,
    /// Drop it (the field is left out).
    Drop,
    /// Report it and skip the record.
    Error,
}

/// The setup guide's sync rules ("Data Change Rules": Updates, Fields, Triggers, Conflicts).
///
/// ```
/// let s: zoho_connector_kit::mapping::SyncRules = serde_json::from_str(
///     r#"{"direction":"twoWay","fieldAccess":"both","trigger":"schedule","conflictPolicy":"latestWins"}"#).unwrap();
/// assert!(s.conflict_policy.is_some());
/// ```
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "camelCase")]
pub struct SyncRules {
    /// Which way data flows.
    #[serde(default)]
    pub direction: Option<Direction>,
    /// What the sync may do with the mapped fields.
    #[serde(default)]
    pub field_access: Option<FieldAccess>,
    /// When a sync runs.
    #[serde(default)]
    pub trigger: Option<Trigger>,
    /// Who wins when both sides changed.
    #[serde(default)]
    pub conflict_policy: Option<ConflictPolicy>,
}

/// Data flow ("Updates": the guide's One-way is split into its two directions).
///
/// ```
/// assert_eq!(serde_json::to_string(&zoho_connector_kit::mapping::Direction::TwoWay).unwrap(), "\"twoWay\"");
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub enum Direction {
    /// Source app → CRM.
    ToCrm,
    /// CRM → source app.
    FromCrm,
    /// Both ways.
    TwoWay,
    /// Only when someone runs it.
    Manual,
}

/// Field access ("Fields": Read-only, Write-only, Both).
///
/// ```
/// let a: zoho_connector_kit::mapping::FieldAccess = serde_json::from_str("\"readOnly\"").unwrap();
/// assert_eq!(a, zoho_connector_kit::mapping::FieldAccess::ReadOnly);
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub enum FieldAccess {
    /// Fields are only read.
    ReadOnly,
    /// Fields are only written.
    WriteOnly,
    /// Read and written.
    Both,
}

/// When a sync runs ("Triggers": On Change, Schedule, Manual).
///
/// ```
/// let t: zoho_connector_kit::mapping::Trigger = serde_json::from_str("\"onChange\"").unwrap();
/// assert_eq!(t, zoho_connector_kit::mapping::Trigger::OnChange);
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub enum Trigger {
    /// When a record changes.
    OnChange,
    /// On a schedule.
    Schedule,
    /// By hand.
    Manual,
}

/// Conflict policy ("Conflicts": the guide lists Latest Wins and Source Wins; CRM Wins is the issue's addition).
///
/// ```
/// let p: zoho_connector_kit::mapping::ConflictPolicy = serde_json::from_str("\"crmWins\"").unwrap();
/// assert_eq!(p, zoho_connector_kit::mapping::ConflictPolicy::CrmWins);
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub enum ConflictPolicy {
    /// The most recent change wins.
    LatestWins,
    /// The source app wins.
    SourceWins,
    /// The CRM wins.
    CrmWins,
}
