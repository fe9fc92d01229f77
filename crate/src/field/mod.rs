//! The field model: CRM field types with their JSON shape, limits and sources ([`CrmFieldType`]), the types of
//! fields in an external app ([`SourceType`]), module schemas parsed from Zoho's `GET /settings/fields` reply
//! ([`ModuleSchema`]), and the built-in standard fields of Leads, Contacts, Accounts and Deals ([`builtin`]).
//!
//! ```
//! use zoho_connector_kit::field::{builtin, CrmFieldType};
//!
//! let leads = builtin::schema("Leads").unwrap();
//! let last_name = leads.field("Last_Name").unwrap();
//! assert!(last_name.mandatory);
//! assert_eq!(last_name.data_type, CrmFieldType::Text);
//! assert_eq!(CrmFieldType::Text.info().max_chars, Some(255));
//! ```

pub mod builtin;
mod crm_type;
mod schema;
mod source_type;

pub use crm_type::{CrmFieldType, JsonShape, TypeInfo};
pub use schema::{parse_fields_reply, CrmField, CrmSchemaInput, ModuleSchema};
pub use source_type::{SourceField, SourceSchema, SourceType};
