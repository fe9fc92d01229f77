//! The file the extension's Export JSON writes: a whole connection config (camelCase, `schemaVersion`, no
//! secret). Commands whose own input has another shape (`zck auth-url`, `zck token requests`) accept it as it is.

/// Fields only a connection config has (neither `zck auth-url`'s nor `zck token requests`' own input has them): an object with one of them (and no `config` wrapper) is a whole config.
pub const CONFIG_ONLY_FIELDS: [&str; 12] = [
    "serviceName",
    "linkName",
    "authType",
    "grantType",
    "authorizeUrl",
    "scopeDelimiter",
    "paramType",
    "keyName",
    "placement",
    "username",
    "password",
    "schemaVersion",
];

/// Whether `value` is a whole connection config as Export JSON writes it, rather than a command's own input.
///
/// ```
/// use zoho_connector_kit::connection::export::is_config_shape;
/// let exported = serde_json::json!({"serviceName": "Zoho CRM", "authorizeUrl": "https://accounts.zoho.eu/oauth/v2/auth", "schemaVersion": 1});
/// assert!(is_config_shape(&exported));
/// assert!(!is_config_shape(&serde_json::json!({"dataCenter": "eu", "clientId": "1000.X"})));
/// assert!(!is_config_shape(&serde_json::json!({"preset": "mailchimp", "code": "x"})));
/// assert!(!is_config_shape(&serde_json::json!({"config": {"serviceName": "x"}})));
/// ```
pub fn is_config_shape(value: &serde_json::Value) -> bool {
    value
        .as_object()
        .is_some_and(|o| !o.contains_key("config") && o.keys().any(|k| CONFIG_ONLY_FIELDS.contains(&k.as_str())))
}
