//! Types of the fields of the external app (the source of a mapping).

use serde::{Deserialize, Serialize};

/// The type of a source field.
///
/// ```
/// use zoho_connector_kit::field::SourceType;
/// let t: SourceType = serde_json::from_str("\"localDatetime\"").unwrap();
/// assert_eq!(t, SourceType::LocalDatetime);
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub enum SourceType {
    /// Free text.
    String,
    /// A whole number (a JSON number, or digits in a string).
    Integer,
    /// A decimal number.
    Decimal,
    /// `true`/`false`.
    Boolean,
    /// A calendar date.
    Date,
    /// A date and time with a zone or offset.
    Datetime,
    /// A date and time without a zone.
    LocalDatetime,
    /// An email address.
    Email,
    /// A phone number.
    Phone,
    /// A URL.
    Url,
    /// One of a fixed set of values (`values`).
    Enum,
    /// An array of strings.
    StringArray,
    /// A nested object.
    Object,
    /// The id of a record (in Zoho or in the source app).
    IdReference,
}

impl SourceType {
    /// The camelCase name used in JSON.
    ///
    /// ```
    /// assert_eq!(zoho_connector_kit::field::SourceType::StringArray.as_str(), "stringArray");
    /// ```
    pub fn as_str(self) -> &'static str {
        use SourceType::*;
        match self {
            String => "string",
            Integer => "integer",
            Decimal => "decimal",
            Boolean => "boolean",
            Date => "date",
            Datetime => "datetime",
            LocalDatetime => "localDatetime",
            Email => "email",
            Phone => "phone",
            Url => "url",
            Enum => "enum",
            StringArray => "stringArray",
            Object => "object",
            IdReference => "idReference",
        }
    }
}

/// One field of the source app: its path in a record (`customer.email`, `line_items[0].sku`) and type.
///
/// ```
/// use zoho_connector_kit::field::{SourceField, SourceType};
/// let f: SourceField = serde_json::from_str(r#"{"path":"financial_status","type":"enum","values":["paid","pending"]}"#).unwrap();
/// assert_eq!(f.field_type, Some(SourceType::Enum));
/// ```
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "camelCase")]
pub struct SourceField {
    /// Dotted path in a record.
    #[serde(default)]
    pub path: Option<String>,
    /// The type.
    #[serde(default, rename = "type")]
    pub field_type: Option<SourceType>,
    /// Allowed values, for `enum`.
    #[serde(default)]
    pub values: Vec<String>,
    /// Longest value the source allows, when known.
    #[serde(default)]
    pub max_length: Option<u32>,
}

/// The fields of a source app record.
///
/// ```
/// use zoho_connector_kit::field::SourceSchema;
/// let s: SourceSchema = serde_json::from_str(r#"{"name":"Shopify order","fields":[{"path":"email","type":"email"}]}"#).unwrap();
/// assert!(s.field("email").is_some());
/// ```
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "camelCase")]
pub struct SourceSchema {
    /// A name for people (`Shopify order`).
    #[serde(default)]
    pub name: Option<String>,
    /// The fields.
    #[serde(default)]
    pub fields: Vec<SourceField>,
}

impl SourceSchema {
    /// The field at `path`.
    ///
    /// ```
    /// let s = zoho_connector_kit::field::SourceSchema::default();
    /// assert!(s.field("x").is_none());
    /// ```
    pub fn field(&self, path: &str) -> Option<&SourceField> {
        self.fields.iter().find(|f| f.path.as_deref() == Some(path))
    }
}
