//! Field mapping between an external app and a Zoho CRM module: the spec ([`FieldMapping`]), its checks
//! ([`validate_mapping`]), its preview on records ([`apply_mapping`], or [`apply_mapping_to_json`] from and to JSON
//! text), and a Deluge function doing the same
//! ([`generate_mapping_deluge`]).
//!
//! ```
//! use zoho_connector_kit::field::builtin;
//! use zoho_connector_kit::mapping::{apply_mapping, validate_mapping, FieldMapping};
//! use serde_json::json;
//!
//! let mapping: FieldMapping = serde_json::from_value(json!({
//!   "module": "Deals",
//!   "fields": [
//!     {"source": "name", "target": "Deal_Name"},
//!     {"source": "financial_status", "target": "Stage",
//!      "transforms": [{"op": "valueMap", "map": {"paid": "Closed Won", "pending": "Negotiation/Review"}}]},
//!     {"source": "total_price", "target": "Amount", "transforms": [{"op": "parseNumber"}]},
//!     {"source": "created_at", "target": "Closing_Date", "transforms": [{"op": "formatDate", "format": "yyyy-MM-dd"}]}
//!   ],
//!   "sync": {"direction": "toCrm", "trigger": "onChange"}
//! })).unwrap();
//! let deals = builtin::schema("Deals").unwrap();
//! assert!(!zoho_connector_kit::Diagnostic::has_errors(&validate_mapping(&mapping, &deals, None)));
//!
//! let order = json!({"name": "#1001", "financial_status": "paid", "total_price": "199.90",
//!                    "created_at": "2024-05-02T23:10:00-04:00"});
//! let preview = apply_mapping(&mapping, &deals, &[order]);
//! assert_eq!(preview.batches[0]["data"][0]["Amount"], json!(199.9));
//! assert_eq!(preview.batches[0]["data"][0]["Closing_Date"], "2024-05-02");
//! ```

mod apply;
mod compatibility;
mod datetime;
mod decimal;
mod deluge;
mod path;
mod record;
mod sources;
mod spec;
mod suggestion;
mod transform_json;
mod trim;
mod validate;
mod value;

#[cfg(feature = "wasm")]
pub(crate) use apply::apply_mapping_json;
pub use apply::{apply_mapping, apply_mapping_to_json, MappingPreview, RecordFinding, BATCH_SIZE};
pub use compatibility::{compatibility, Compatibility, ValueKind};
pub use deluge::{generate_mapping_deluge, lookup_search_deluge, MappingDeluge};
#[cfg(feature = "wasm")]
pub(crate) use record::read_records;
pub use spec::{
    CaseStyle, ConflictPolicy, Direction, FieldAccess, FieldMap, FieldMapping, Otherwise, SyncRules, Transform, Trigger,
};
pub use suggestion::{suggest_targets, TargetSuggestion};
pub use validate::validate_mapping;
