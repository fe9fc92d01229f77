//! Connection doctor: checks a whole Deluge custom-service config before it costs an afternoon.
//!
//! - [`config`]: the input ([`ConnectionConfigInput`]), its typed fields, the data center and the provider kind.
//! - [`form_schema`]: [`ConfigField`] and the form schema: each field's key, Zoho's labels, group, values, secrecy.
//! - [`link_name`]: the link-name rule and a valid name suggested from the service name.
//! - [`validate`]: [`validate_connection`], every check with its own code.
//! - [`assist`]: what the overlay offers: values to fill, callbacks to register, a first Deluge call.
//! - [`export`]: the file the extension's Export JSON writes, accepted as it is by other commands.
//! - [`summary`]: [`ConnectionSummary`]: data center, provider kind, what to register, the URL to try.
//!
//! ```
//! use zoho_connector_kit::connection::{validate_connection, ConnectionConfigInput};
//! let config = ConnectionConfigInput { data_center: Some("jp".into()), ..Default::default() };
//! assert_eq!(config.data_center().map(|d| d.key()), Some("jp"));
//! assert!(validate_connection(&config).has_errors());
//! ```

pub(crate) mod account_dc;
pub mod assist;
pub mod config;
pub mod export;
pub mod form_schema;
pub mod link_name;
pub mod summary;
pub mod validate;

pub use config::{
    AuthType, ConnectionConfigInput, GrantType, KeyPlacement, ParamType, Provider, ProviderKind, ResolvedDataCenter,
    ScopeDelimiter,
};
pub use form_schema::{Choice, ConfigField, FieldGroup, FieldSpec, Label, ValueKind};
pub use summary::ConnectionSummary;
pub use validate::{validate_connection, ConnectionReport};
