//! Tokens: the requests to Zoho's token endpoint, reading its answers, the limits Zoho puts on tokens, and where
//! tokens are stored (docs/facts.md §2, §4).
//!
//! - [`build_token_requests`]: code exchange, refresh and revoke as data, `curl` and Deluge, secrets masked.
//! - [`parse_token_response`]: lifetime (`expires_in`, legacy `expires_in_sec`), expiry and refresh time from an
//!   `issuedAt` the caller passes (the core has no clock), the `Authorization` header, the API domain.
//! - [`token_limits`] / [`check_throttle`]: the limits with their sources, and whether a next request is refused.
//! - [`token_store_schema`] / [`StoredToken`]: the SDKs' `oauthtoken` table and the extension's record.
//!
//! ```
//! use zoho_connector_kit::token::{check_throttle, ThrottleInput, ThrottleKind};
//! let answer = check_throttle(&ThrottleInput { kind: Some(ThrottleKind::GrantCode), ..Default::default() });
//! assert!(!answer.throttled);
//! ```

mod limits;
mod request;
mod response;
mod store;

pub use limits::{
    check_throttle, token_limit, token_limits, LimitId, LimitValue, ThrottleAnswer, ThrottleInput, ThrottleKind,
    TokenEventInput, TokenLimit,
};
pub use request::{
    build_token_requests, shell_quote, FormField, Header, RequestKind, TokenRequest, TokenRequestInput, TokenRequests,
};
pub use response::{
    parse_token_response, ExpiryUnit, TokenResponse, TokenResponseInput, TokenSecrets, DEFAULT_REFRESH_MARGIN_MINUTES,
};

use crate::Secret;

/// What a masked secret shows in every output (curl line, Deluge, JSON).
///
/// ```
/// assert_eq!(zoho_connector_kit::token::REDACTED, "[redacted]");
/// ```
pub const REDACTED: &str = "[redacted]";

/// The secret's value when `reveal` is true, [`REDACTED`] otherwise.
///
/// ```
/// use zoho_connector_kit::{token::shown, Secret};
/// assert_eq!(shown(&Secret::new("x"), false), "[redacted]");
/// assert_eq!(shown(&Secret::new("x"), true), "x");
/// ```
pub fn shown(secret: &Secret, reveal: bool) -> &str {
    if reveal {
        secret.expose()
    } else {
        REDACTED
    }
}
pub use store::{read_stored_token, token_store_schema, StoreColumn, StoredToken, TokenStoreSchema};
