//! CRM field types as the API names them (`data_type` of `GET /settings/fields`), each with its JSON shape, its
//! limits and the source of every figure (docs/facts.md §5.4).

use serde::{Deserialize, Serialize};
use std::fmt;

/// Field types and JSON shapes: the Python SDK's `fill_data_type` table.
pub(crate) const SRC_TYPES: &str = "zoho-crm-python-sdk-8-utility";
/// Text 255, textarea 2,000/32,000, phone 30, date and datetime formats.
pub(crate) const SRC_KAIZEN: &str = "zoho-crm-kaizen-1-fields";
/// Integer 9, decimal 16, currency 16, long integer 18 digits.
pub(crate) const SRC_CUSTOM_FIELDS: &str = "integratetax-custom-fields";
/// Percent 5 digits (a Bigin page: Zoho's CRM pages found give no figure).
pub(crate) const SRC_PERCENT: &str = "bigin-custom-field-types";
/// `bigint`/`long` travels as a JSON string.
pub(crate) const SRC_LONG_STRING: &str = "zoho-crm-python-sdk-8-utility";

/// A CRM field type, named as the API's `data_type` (`"text"`, `"multiselectpicklist"`, …).
///
/// Types the crate has no rule for are kept by name in [`CrmFieldType::Other`].
///
/// ```
/// use zoho_connector_kit::field::CrmFieldType;
/// assert_eq!(CrmFieldType::from_api("long"), CrmFieldType::Bigint);
/// assert_eq!(CrmFieldType::from_api("consent_lookup").api_name(), "consent_lookup");
/// assert_eq!(serde_json::to_string(&CrmFieldType::Picklist).unwrap(), "\"picklist\"");
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(from = "String", into = "String")]
pub enum CrmFieldType {
    /// `text`: single line, 255 characters.
    Text,
    /// `textarea`: 2,000 (small) or 32,000 (large) characters.
    Textarea,
    /// `email`.
    Email,
    /// `phone`: up to 30 characters.
    Phone,
    /// `website`.
    Website,
    /// `mediumtext`.
    Mediumtext,
    /// `profileimage`.
    Profileimage,
    /// `autonumber`: system-generated, read-only.
    Autonumber,
    /// `integer`: 9 digits.
    Integer,
    /// `bigint` (also `long`): 18 digits, a JSON string.
    Bigint,
    /// `double` (decimal): 16 digits including decimals.
    Double,
    /// `currency`: 16 digits.
    Currency,
    /// `percent`.
    Percent,
    /// `boolean`.
    Boolean,
    /// `date`: `"yyyy-MM-dd"`.
    Date,
    /// `datetime` (also `event_reminder`): ISO 8601 with offset.
    Datetime,
    /// `picklist`: one string.
    Picklist,
    /// `multiselectpicklist`: an array of strings.
    Multiselectpicklist,
    /// `lookup`: `{"id": "…"}`.
    Lookup,
    /// `ownerlookup`: `{"id": "…"}` of a user.
    Ownerlookup,
    /// `userlookup`: `{"id": "…"}` of a user.
    Userlookup,
    /// `multiuserlookup`: an array of objects.
    Multiuserlookup,
    /// `multiselectlookup`: an array of objects.
    Multiselectlookup,
    /// `subform`: an array of objects.
    Subform,
    /// `fileupload`: an array of file objects.
    Fileupload,
    /// `imageupload`: an array.
    Imageupload,
    /// `formula`: read-only.
    Formula,
    /// Any other `data_type` (`consent_lookup`, `multi_module_lookup`, …), kept by name.
    Other(String),
}

impl CrmFieldType {
    /// Reads an API `data_type` (case-insensitive; `long` is `bigint`, `event_reminder` is `datetime`).
    ///
    /// ```
    /// use zoho_connector_kit::field::CrmFieldType;
    /// assert_eq!(CrmFieldType::from_api("DateTime"), CrmFieldType::Datetime);
    /// ```
    pub fn from_api(name: &str) -> CrmFieldType {
        use CrmFieldType::*;
        match name.trim().to_ascii_lowercase().as_str() {
            "text" => Text,
            "textarea" => Textarea,
            "email" => Email,
            "phone" => Phone,
            "website" => Website,
            "mediumtext" => Mediumtext,
            "profileimage" => Profileimage,
            "autonumber" => Autonumber,
            "integer" => Integer,
            "bigint" | "long" => Bigint,
            "double" => Double,
            "currency" => Currency,
            "percent" => Percent,
            "boolean" => Boolean,
            "date" => Date,
            "datetime" | "event_reminder" => Datetime,
            "picklist" => Picklist,
            "multiselectpicklist" => Multiselectpicklist,
            "lookup" => Lookup,
            "ownerlookup" => Ownerlookup,
            "userlookup" => Userlookup,
            "multiuserlookup" => Multiuserlookup,
            "multiselectlookup" => Multiselectlookup,
            "subform" => Subform,
            "fileupload" => Fileupload,
            "imageupload" => Imageupload,
            "formula" => Formula,
            _ => Other(name.trim().to_string()),
        }
    }

    /// The API `data_type` name.
    ///
    /// ```
    /// assert_eq!(zoho_connector_kit::field::CrmFieldType::Multiselectpicklist.api_name(), "multiselectpicklist");
    /// ```
    pub fn api_name(&self) -> &str {
        use CrmFieldType::*;
        match self {
            Text => "text",
            Textarea => "textarea",
            Email => "email",
            Phone => "phone",
            Website => "website",
            Mediumtext => "mediumtext",
            Profileimage => "profileimage",
            Autonumber => "autonumber",
            Integer => "integer",
            Bigint => "bigint",
            Double => "double",
            Currency => "currency",
            Percent => "percent",
            Boolean => "boolean",
            Date => "date",
            Datetime => "datetime",
            Picklist => "picklist",
            Multiselectpicklist => "multiselectpicklist",
            Lookup => "lookup",
            Ownerlookup => "ownerlookup",
            Userlookup => "userlookup",
            Multiuserlookup => "multiuserlookup",
            Multiselectlookup => "multiselectlookup",
            Subform => "subform",
            Fileupload => "fileupload",
            Imageupload => "imageupload",
            Formula => "formula",
            Other(name) => name,
        }
    }

    /// True for types Zoho computes itself (`formula`, `autonumber`): writing them fails.
    ///
    /// ```
    /// assert!(zoho_connector_kit::field::CrmFieldType::Formula.is_read_only());
    /// ```
    pub fn is_read_only(&self) -> bool {
        matches!(self, CrmFieldType::Formula | CrmFieldType::Autonumber)
    }

    /// The JSON shape, limits and sources of the type.
    ///
    /// ```
    /// use zoho_connector_kit::field::{CrmFieldType, JsonShape};
    /// let info = CrmFieldType::Bigint.info();
    /// assert_eq!(info.shape, JsonShape::DigitString);
    /// assert_eq!(info.max_digits, Some(18));
    /// ```
    pub fn info(&self) -> TypeInfo {
        use CrmFieldType::*;
        use JsonShape as S;
        let base = TypeInfo {
            shape: S::String,
            max_chars: None,
            large_max_chars: None,
            max_digits: None,
            format: None,
            source: SRC_TYPES,
            limit_source: None,
        };
        match self {
            Text => TypeInfo { max_chars: Some(255), limit_source: Some(SRC_KAIZEN), ..base },
            Textarea => TypeInfo {
                max_chars: Some(2_000),
                large_max_chars: Some(32_000),
                limit_source: Some(SRC_KAIZEN),
                ..base
            },
            Phone => TypeInfo {
                max_chars: Some(30),
                format: Some("digits and +; length configurable"),
                limit_source: Some(SRC_KAIZEN),
                ..base
            },
            Email => TypeInfo { format: Some("a valid email address"), ..base },
            Website | Mediumtext | Profileimage | Picklist => base,
            Autonumber => {
                TypeInfo { shape: S::ReadOnly, format: Some("system-generated (prefix/start/suffix)"), ..base }
            }
            Integer => {
                TypeInfo { shape: S::Number, max_digits: Some(9), limit_source: Some(SRC_CUSTOM_FIELDS), ..base }
            }
            Bigint => TypeInfo {
                shape: S::DigitString,
                max_digits: Some(18),
                source: SRC_LONG_STRING,
                limit_source: Some(SRC_CUSTOM_FIELDS),
                ..base
            },
            Double | Currency => TypeInfo {
                shape: S::Number,
                max_digits: Some(16),
                format: Some("16 digits including the decimals"),
                limit_source: Some(SRC_CUSTOM_FIELDS),
                ..base
            },
            Percent => TypeInfo { shape: S::Number, max_digits: Some(5), limit_source: Some(SRC_PERCENT), ..base },
            Boolean => TypeInfo { shape: S::Boolean, ..base },
            Date => TypeInfo { shape: S::Date, format: Some("yyyy-MM-dd"), limit_source: Some(SRC_KAIZEN), ..base },
            Datetime => TypeInfo {
                shape: S::Datetime,
                format: Some("yyyy-MM-ddTHH:mm:ss±HH:mm"),
                limit_source: Some(SRC_KAIZEN),
                ..base
            },
            Multiselectpicklist => TypeInfo { shape: S::StringArray, ..base },
            Lookup | Ownerlookup | Userlookup => TypeInfo { shape: S::IdObject, ..base },
            Multiuserlookup | Multiselectlookup | Subform | Fileupload | Imageupload => {
                TypeInfo { shape: S::ObjectArray, ..base }
            }
            Formula => {
                TypeInfo { shape: S::ReadOnly, format: Some("computed; formula.return_type drives the type"), ..base }
            }
            Other(_) => TypeInfo { shape: S::Special, ..base },
        }
    }
}

impl From<String> for CrmFieldType {
    fn from(name: String) -> Self {
        CrmFieldType::from_api(&name)
    }
}

impl From<CrmFieldType> for String {
    fn from(t: CrmFieldType) -> Self {
        t.api_name().to_string()
    }
}

impl fmt::Display for CrmFieldType {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.api_name())
    }
}

/// The JSON value a field takes in a record.
///
/// ```
/// use zoho_connector_kit::field::{CrmFieldType, JsonShape};
/// assert_eq!(CrmFieldType::Lookup.info().shape, JsonShape::IdObject);
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub enum JsonShape {
    /// A string.
    String,
    /// A string of digits (`bigint`): a JSON number loses precision above 2^53.
    DigitString,
    /// A JSON number.
    Number,
    /// `true` or `false`.
    Boolean,
    /// `"yyyy-MM-dd"`.
    Date,
    /// `"yyyy-MM-ddTHH:mm:ss±HH:mm"`.
    Datetime,
    /// An array of strings.
    StringArray,
    /// `{"id": "…"}`.
    IdObject,
    /// An array of objects.
    ObjectArray,
    /// Not writable.
    ReadOnly,
    /// A special object or array the crate does not check.
    Special,
}

/// What a CRM field type takes, with the sources of the figures.
///
/// ```
/// let info = zoho_connector_kit::field::CrmFieldType::Textarea.info();
/// assert_eq!((info.max_chars, info.large_max_chars), (Some(2_000), Some(32_000)));
/// assert_eq!(info.limit_source, Some("zoho-crm-kaizen-1-fields")); // a registry id
/// assert!(zoho_connector_kit::source::describe(info.limit_source.unwrap()).contains("Kaizen #1"));
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct TypeInfo {
    /// The JSON shape.
    pub shape: JsonShape,
    /// Maximum characters (for a text area: the small variant).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub max_chars: Option<u32>,
    /// Maximum characters of the large variant (text area).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub large_max_chars: Option<u32>,
    /// Maximum digits (numbers).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub max_digits: Option<u32>,
    /// The format, in words.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub format: Option<&'static str>,
    /// Source of the type and its JSON shape.
    pub source: &'static str,
    /// Source of the limits and format.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub limit_source: Option<&'static str>,
}
