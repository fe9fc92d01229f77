//! The type compatibility matrix: what a source value (after its transforms) can become in a CRM field.

use super::spec::Transform;
use crate::field::{CrmFieldType, SourceType};
use serde::Serialize;

/// What a value is, as far as a mapping can tell before seeing records.
///
/// ```
/// use zoho_connector_kit::mapping::ValueKind;
/// use zoho_connector_kit::field::SourceType;
/// assert_eq!(ValueKind::from(SourceType::Email), ValueKind::Text);
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub enum ValueKind {
    /// Text.
    Text,
    /// A whole number.
    Integer,
    /// A decimal number.
    Decimal,
    /// A number read from text or a value map (`parseNumber`): whole or not, known only per record. An integer
    /// field takes it; the preview refuses each value that is not whole (and never rounds it).
    Number,
    /// A boolean.
    Boolean,
    /// A date.
    Date,
    /// A date-time with offset.
    Datetime,
    /// A date-time without offset.
    LocalDatetime,
    /// An array of strings.
    StringArray,
    /// An object.
    Object,
    /// An id (of a record).
    IdReference,
    /// Unknown (no source schema).
    Unknown,
}

impl From<SourceType> for ValueKind {
    fn from(t: SourceType) -> Self {
        use SourceType as S;
        match t {
            S::String | S::Email | S::Phone | S::Url | S::Enum => ValueKind::Text,
            S::Integer => ValueKind::Integer,
            S::Decimal => ValueKind::Decimal,
            S::Boolean => ValueKind::Boolean,
            S::Date => ValueKind::Date,
            S::Datetime => ValueKind::Datetime,
            S::LocalDatetime => ValueKind::LocalDatetime,
            S::StringArray => ValueKind::StringArray,
            S::Object => ValueKind::Object,
            S::IdReference => ValueKind::IdReference,
        }
    }
}

impl ValueKind {
    /// The kind after a transform.
    ///
    /// ```
    /// use zoho_connector_kit::mapping::{Transform, ValueKind};
    /// // toLookup makes `{"id": "…"}`: an object, as the preview sees it.
    /// assert_eq!(ValueKind::Text.after(&Transform::ToLookup), ValueKind::Object);
    /// ```
    pub fn after(self, transform: &Transform) -> ValueKind {
        use Transform as T;
        match transform {
            T::Trim | T::Case { .. } | T::Default { .. } => self,
            T::ParseDate { .. } => ValueKind::Date,
            T::ParseDatetime { zone, .. } => {
                if zone.is_none() && matches!(self, ValueKind::LocalDatetime) {
                    ValueKind::LocalDatetime
                } else {
                    ValueKind::Datetime
                }
            }
            T::FormatDate { format } if format == "yyyy-MM-dd" => ValueKind::Date,
            T::FormatDate { .. } | T::Concat { .. } => ValueKind::Text,
            T::ParseNumber { .. } => ValueKind::Number,
            T::FormatNumber { decimal_places: 0 } => ValueKind::Integer,
            T::FormatNumber { .. } => ValueKind::Decimal,
            T::ParseBoolean { .. } => ValueKind::Boolean,
            T::ValueMap { map, .. } => {
                let all = |f: fn(&serde_json::Value) -> bool| !map.is_empty() && map.values().all(f);
                if all(serde_json::Value::is_string) {
                    ValueKind::Text
                } else if all(serde_json::Value::is_boolean) {
                    ValueKind::Boolean
                } else if all(serde_json::Value::is_number) {
                    ValueKind::Number
                } else {
                    ValueKind::Unknown
                }
            }
            T::Split { .. } => ValueKind::StringArray,
            T::ToLookup => ValueKind::Object,
        }
    }
}

/// One cell of the matrix.
///
/// ```
/// use zoho_connector_kit::mapping::{compatibility, Compatibility, ValueKind};
/// use zoho_connector_kit::field::CrmFieldType;
/// assert_eq!(compatibility(ValueKind::Text, &CrmFieldType::Date), Compatibility::NeedsTransform("parseDate"));
/// assert_eq!(compatibility(ValueKind::Integer, &CrmFieldType::Text), Compatibility::Safe);
/// assert_eq!(compatibility(ValueKind::Object, &CrmFieldType::Boolean), Compatibility::Impossible);
/// // What parseNumber gives goes into an integer field; the preview refuses each value that is not whole.
/// assert_eq!(compatibility(ValueKind::Number, &CrmFieldType::Integer), Compatibility::Safe);
/// // A bigint is a JSON string: digit text goes in exactly, never through a float.
/// assert_eq!(compatibility(ValueKind::Text, &CrmFieldType::Bigint), Compatibility::Safe);
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase", tag = "kind", content = "transform")]
pub enum Compatibility {
    /// Goes in as it is.
    Safe,
    /// Needs the named transform.
    NeedsTransform(&'static str),
    /// Cannot go in.
    Impossible,
    /// Not checked (unknown source kind, special or read-only CRM type).
    Unchecked,
}

/// The matrix: a source kind against a CRM field type. `validate_mapping` asks it with the kind a source schema
/// and the transforms give; `apply_mapping` asks it with the kind of each value it maps, so both give one answer.
///
/// ```
/// use zoho_connector_kit::mapping::{compatibility, Compatibility, ValueKind};
/// use zoho_connector_kit::field::CrmFieldType;
/// assert_eq!(compatibility(ValueKind::Text, &CrmFieldType::Multiselectpicklist), Compatibility::NeedsTransform("split"));
/// ```
pub fn compatibility(kind: ValueKind, target: &CrmFieldType) -> Compatibility {
    use Compatibility::{Impossible, NeedsTransform as Needs, Safe, Unchecked};
    use CrmFieldType as C;
    use ValueKind as K;
    if kind == K::Unknown {
        return Unchecked;
    }
    match target {
        C::Text | C::Textarea | C::Email | C::Phone | C::Website | C::Mediumtext | C::Picklist | C::Profileimage => {
            match kind {
                K::Text
                | K::Integer
                | K::Decimal
                | K::Number
                | K::Date
                | K::Datetime
                | K::LocalDatetime
                | K::IdReference => Safe,
                K::Boolean => Needs("valueMap"),
                K::StringArray | K::Object => Impossible,
                K::Unknown => Unchecked,
            }
        }
        // A parsed number goes into an integer field when it is whole; the preview checks each value.
        C::Integer | C::Bigint => match kind {
            K::Integer | K::Number => Safe,
            K::Decimal => Needs("formatNumber"),
            // A bigint is a JSON string of digits (zoho-facts.md §6): digit text goes in as it is, exactly.
            K::Text | K::IdReference if *target == C::Bigint => Safe,
            K::Text | K::IdReference => Needs("parseNumber"),
            _ => Impossible,
        },
        C::Double | C::Currency | C::Percent => match kind {
            K::Integer | K::Decimal | K::Number => Safe,
            K::Text => Needs("parseNumber"),
            _ => Impossible,
        },
        C::Boolean => match kind {
            K::Boolean => Safe,
            K::Text | K::Integer | K::Number => Needs("parseBoolean"),
            _ => Impossible,
        },
        C::Date => match kind {
            K::Date => Safe,
            K::Text => Needs("parseDate"),
            K::Datetime | K::LocalDatetime => Needs("formatDate"),
            _ => Impossible,
        },
        C::Datetime => match kind {
            K::Datetime => Safe,
            K::Text | K::LocalDatetime | K::Date => Needs("parseDatetime"),
            _ => Impossible,
        },
        C::Multiselectpicklist => match kind {
            K::StringArray => Safe,
            K::Text => Needs("split"),
            _ => Impossible,
        },
        C::Lookup | C::Ownerlookup | C::Userlookup => match kind {
            K::Object => Safe,
            // An id as text or a number still has to become `{"id": "…"}`.
            K::IdReference | K::Text | K::Integer | K::Number => Needs("toLookup"),
            _ => Impossible,
        },
        _ => Unchecked,
    }
}
