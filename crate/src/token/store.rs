//! Where tokens are kept: the official SDKs' database table `oauthtoken` (docs/facts.md §4) as SQL DDL, and the
//! JSON record the extension stores ([`StoredToken`]), which holds no secret unless the user opts in.
//!
//! ```
//! let schema = zoho_connector_kit::token::token_store_schema();
//! assert_eq!(schema.table, "oauthtoken");
//! assert!(schema.ddl.starts_with("CREATE TABLE oauthtoken ("));
//! assert!(schema.ddl.contains("expiry_time varchar(20)"));
//! ```

use super::response::TokenResponse;
use crate::Secret;
use serde::{Deserialize, Serialize};

const STORE_SRC: &str = "zoho-crm-python-sdk-8-readme";

/// One column of the SDK token table.
///
/// ```
/// let schema = zoho_connector_kit::token::token_store_schema();
/// assert_eq!(schema.columns[0].name, "id");
/// assert!(schema.columns[0].primary_key);
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct StoreColumn {
    /// Column name.
    pub name: &'static str,
    /// SQL type.
    pub sql_type: &'static str,
    /// `NOT NULL` primary key.
    pub primary_key: bool,
    /// Whether the column holds a secret.
    pub secret: bool,
    /// What it holds.
    pub meaning: &'static str,
}

/// The SDK token-store schema.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct TokenStoreSchema {
    /// Default database name (`zohooauth`).
    pub database: &'static str,
    /// Table name (`oauthtoken`).
    pub table: &'static str,
    /// Columns in the SDK's insert order.
    pub columns: &'static [StoreColumn],
    /// `CREATE TABLE` statement (MySQL).
    pub ddl: String,
    /// Where it comes from.
    pub source: &'static str,
    /// The JSON record the extension stores, described field by field.
    pub extension_record: &'static [StoreColumn],
}

static COLUMNS: [StoreColumn; 10] = [
    col("id", "varchar(10) NOT NULL", true, false, "the token's id in the store"),
    col("user_name", "varchar(255)", false, false, "the user the token belongs to"),
    col("client_id", "varchar(255)", false, false, "OAuth client id"),
    col("client_secret", "varchar(255)", false, true, "OAuth client secret"),
    col("refresh_token", "varchar(255)", false, true, "refresh token"),
    col("access_token", "varchar(255)", false, true, "access token"),
    col("grant_token", "varchar(255)", false, true, "grant code"),
    col("expiry_time", "varchar(20)", false, false, "expiry as epoch milliseconds, as text (now_ms + expires_in*1000)"),
    col("redirect_url", "varchar(255)", false, false, "redirect URI"),
    col("api_domain", "varchar(255)", false, false, "API domain from the token response"),
];

static EXTENSION_RECORD: [StoreColumn; 10] = [
    col("version", "number", false, false, "record format version, 1"),
    col("clientId", "string", false, false, "OAuth client id"),
    col("apiDomain", "string?", false, false, "api_domain from the token response"),
    col("scopes", "string[]", false, false, "granted scopes"),
    col("issuedAt", "number?", false, false, "epoch ms the token was issued"),
    col("expiresAt", "number?", false, false, "epoch ms the access token expires"),
    col("refreshAt", "number?", false, false, "epoch ms to refresh (expiry minus the margin)"),
    col("hasRefreshToken", "boolean", false, false, "whether a refresh token was issued"),
    col("accessToken", "string?", false, true, "only when the user opted in to storing secrets"),
    col("refreshToken", "string?", false, true, "only when the user opted in to storing secrets"),
];

const fn col(
    name: &'static str,
    sql_type: &'static str,
    primary_key: bool,
    secret: bool,
    meaning: &'static str,
) -> StoreColumn {
    StoreColumn { name, sql_type, primary_key, secret, meaning }
}

/// The official SDKs' token table as data and as `CREATE TABLE`, with the extension's record shape.
///
/// ```
/// let schema = zoho_connector_kit::token::token_store_schema();
/// let names: Vec<&str> = schema.columns.iter().map(|c| c.name).collect();
/// assert_eq!(names, ["id", "user_name", "client_id", "client_secret", "refresh_token", "access_token",
///                    "grant_token", "expiry_time", "redirect_url", "api_domain"]);
/// assert!(schema.ddl.contains("PRIMARY KEY (id)"));
/// ```
pub fn token_store_schema() -> TokenStoreSchema {
    let mut ddl = String::from("CREATE TABLE oauthtoken (\n");
    for c in &COLUMNS {
        ddl.push_str(&format!("  {} {},\n", c.name, c.sql_type));
    }
    ddl.push_str("  PRIMARY KEY (id)\n);\n");
    TokenStoreSchema {
        database: "zohooauth",
        table: "oauthtoken",
        columns: &COLUMNS,
        ddl,
        source: STORE_SRC,
        extension_record: &EXTENSION_RECORD,
    }
}

/// The JSON record the extension keeps for a connection's token. Tokens are present only when the user opted
/// in ([`StoredToken::from_response`] with `store_secrets`); they then serialize as their values.
///
/// ```
/// use zoho_connector_kit::token::{parse_token_response, StoredToken, TokenResponseInput};
/// let input: TokenResponseInput = serde_json::from_value(serde_json::json!({
///     "body": {"access_token": "1000.a.b", "refresh_token": "1000.r.t", "expires_in": 3600,
///              "api_domain": "https://www.zohoapis.com"},
///     "issuedAt": 0
/// })).unwrap();
/// let parsed = parse_token_response(&input);
/// let record = StoredToken::from_response("1000.GMB0YULZHJK411248S8I5GZ4CHUEX0", &parsed, false);
/// let json = serde_json::to_string(&record).unwrap();
/// assert!(json.contains("\"hasRefreshToken\":true") && !json.contains("1000.r.t"));
/// let json = serde_json::to_string(&StoredToken::from_response("x", &parsed, true)).unwrap();
/// assert!(json.contains("1000.r.t"));
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct StoredToken {
    /// Record format version (1).
    pub version: u32,
    /// The OAuth client id.
    pub client_id: String,
    /// `api_domain` from the token response.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub api_domain: Option<String>,
    /// Granted scopes.
    pub scopes: Vec<String>,
    /// When the token was issued (epoch ms).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub issued_at: Option<u64>,
    /// When the access token expires (epoch ms).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub expires_at: Option<u64>,
    /// When to refresh (epoch ms).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub refresh_at: Option<u64>,
    /// Whether a refresh token was issued.
    pub has_refresh_token: bool,
    /// The access token, only when opted in.
    #[serde(skip_serializing_if = "Option::is_none", serialize_with = "exposed")]
    pub access_token: Option<Secret>,
    /// The refresh token, only when opted in.
    #[serde(skip_serializing_if = "Option::is_none", serialize_with = "exposed")]
    pub refresh_token: Option<Secret>,
}

// Serializes the value of an opted-in secret (the only place a secret is written out).
fn exposed<S: serde::Serializer>(value: &Option<Secret>, serializer: S) -> Result<S::Ok, S::Error> {
    match value {
        Some(s) => serializer.serialize_str(s.expose()),
        None => serializer.serialize_none(),
    }
}

impl StoredToken {
    /// The record for a parsed response; tokens included only when `store_secrets`.
    ///
    /// ```
    /// use zoho_connector_kit::token::{parse_token_response, StoredToken, TokenResponseInput};
    /// let parsed = parse_token_response(&TokenResponseInput::default());
    /// assert!(!StoredToken::from_response("id", &parsed, true).has_refresh_token);
    /// ```
    pub fn from_response(client_id: &str, response: &TokenResponse, store_secrets: bool) -> StoredToken {
        StoredToken {
            version: 1,
            client_id: client_id.to_string(),
            api_domain: response.api_domain.clone(),
            scopes: response.scopes.clone(),
            issued_at: response.issued_at,
            expires_at: response.expires_at,
            refresh_at: response.refresh_at,
            has_refresh_token: response.secrets.refresh_token.is_some(),
            access_token: response.secrets.access_token.clone().filter(|_| store_secrets),
            refresh_token: response.secrets.refresh_token.clone().filter(|_| store_secrets),
        }
    }
}

/// Reads a stored record back (the extension validates what it reads).
///
/// ```
/// let r = zoho_connector_kit::token::read_stored_token(r#"{"version":1,"clientId":"x","scopes":[],"hasRefreshToken":false}"#);
/// assert_eq!(r.unwrap().client_id, "x");
/// ```
pub fn read_stored_token(text: &str) -> Result<StoredToken, crate::input::InputError> {
    crate::input::parse_json_text::<StoredTokenInput>(text).map(|i| StoredToken {
        version: i.version,
        client_id: i.client_id,
        api_domain: i.api_domain,
        scopes: i.scopes,
        issued_at: i.issued_at,
        expires_at: i.expires_at,
        refresh_at: i.refresh_at,
        has_refresh_token: i.has_refresh_token,
        access_token: i.access_token,
        refresh_token: i.refresh_token,
    })
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields, rename_all = "camelCase")]
struct StoredTokenInput {
    version: u32,
    client_id: String,
    #[serde(default)]
    api_domain: Option<String>,
    #[serde(default)]
    scopes: Vec<String>,
    #[serde(default)]
    issued_at: Option<u64>,
    #[serde(default)]
    expires_at: Option<u64>,
    #[serde(default)]
    refresh_at: Option<u64>,
    #[serde(default)]
    has_refresh_token: bool,
    #[serde(default)]
    access_token: Option<Secret>,
    #[serde(default)]
    refresh_token: Option<Secret>,
}
