//! Connection doctor: checks a whole Deluge custom-service config before it costs an afternoon.
//!
//! - [`config`]: the input ([`ConnectionConfigInput`]), its typed fields, the data center and the provider kind.
//!
//! ```
//! use zoho_connector_kit::connection::ConnectionConfigInput;
//! let config = ConnectionConfigInput { data_center: Some("jp".into()), ..Default::default() };
//! assert_eq!(config.data_center().map(|d| d.key()), Some("jp"));
//! ```

pub mod config;

pub use config::{
    AuthType, ConnectionConfigInput, GrantType, KeyPlacement, ParamType, Provider, ProviderKind, ResolvedDataCenter,
    ScopeDelimiter,
};
