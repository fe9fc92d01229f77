//! Tokens: the requests to Zoho's token endpoint, reading its answers, the limits Zoho puts on tokens, and where
//! tokens are stored (zoho-facts.md §2, §4).
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
mod secret;
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
pub use secret::{Secret, REDACTED};
pub use store::{read_stored_token, token_store_schema, StoreColumn, StoredToken, TokenStoreSchema};
