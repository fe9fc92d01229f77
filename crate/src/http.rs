//! HTTP as a capability the platform provides. The core never opens a connection itself: the connection test takes
//! an [`HttpClient`]; the Wasm build implements it with `fetch` (gloo-net) in the extension's service worker, and
//! tests pass an in-memory client that asserts the request.
//!
//! Redirects: a client must not follow a redirect with the request's credentials (the Wasm client uses fetch's
//! `redirect: "manual"` and answers [`HttpError::Redirect`]). A client that does follow one reports where the reply
//! finally came from in [`HttpResponse::final_url`], and the connection test treats a reply from another host as a
//! failure.
//!
//! ```
//! use zoho_connector_kit::http::{HttpClient, HttpError, HttpRequest, HttpResponse};
//!
//! struct Canned;
//! impl HttpClient for Canned {
//!     async fn send(&self, request: HttpRequest) -> Result<HttpResponse, HttpError> {
//!         assert_eq!(request.method, "GET");
//!         Ok(HttpResponse { status: 200, body: "{}".into(), final_url: None })
//!     }
//!     fn now_ms(&self) -> f64 { 0.0 }
//! }
//! ```

use crate::secret::Secret;
use serde::Serialize;
use std::fmt;

/// One request. Header values that carry credentials are [`Secret`]s, so a request can be logged safely.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct HttpRequest {
    /// `GET`, `POST`, …
    pub method: &'static str,
    /// The full URL.
    pub url: String,
    /// Plain headers.
    pub headers: Vec<(String, String)>,
    /// Headers whose values are secret (`Authorization`).
    pub secret_headers: Vec<(String, Secret)>,
    /// How long to wait for the whole reply before giving up.
    pub timeout_ms: u32,
}

/// One reply.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct HttpResponse {
    /// HTTP status code.
    pub status: u16,
    /// The body as text.
    pub body: String,
    /// The URL the reply finally came from, when the client followed a redirect (fetch's `Response.url` with
    /// `redirected`); `None` when the reply is from the request's URL.
    pub final_url: Option<String>,
}

/// Why no reply came.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase", tag = "kind", content = "detail")]
pub enum HttpError {
    /// No reply within the timeout.
    Timeout,
    /// The connection failed or was dropped (DNS, TLS, reset, CORS or a missing host permission).
    Network(String),
    /// The reply was a redirect, which the client did not follow (fetch with `redirect: "manual"` gives an opaque
    /// reply: neither its status nor its target can be read).
    Redirect,
}

impl fmt::Display for HttpError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            HttpError::Timeout => f.write_str("no reply within the time limit"),
            HttpError::Network(detail) => write!(f, "the connection failed ({detail})"),
            HttpError::Redirect => f.write_str("the reply was a redirect, which is not followed"),
        }
    }
}

/// What the platform provides: sending a request and a clock for latency.
///
/// ```
/// # use zoho_connector_kit::http::*;
/// struct Offline;
/// impl HttpClient for Offline {
///     async fn send(&self, _: HttpRequest) -> Result<HttpResponse, HttpError> { Err(HttpError::Network("offline".into())) }
///     fn now_ms(&self) -> f64 { 0.0 }
/// }
/// ```
#[allow(async_fn_in_trait)] // implemented inside this crate and by tests; no Send bound is wanted in Wasm
pub trait HttpClient {
    /// Sends the request and waits for the whole reply.
    async fn send(&self, request: HttpRequest) -> Result<HttpResponse, HttpError>;
    /// Milliseconds from any fixed origin, for latency.
    fn now_ms(&self) -> f64;
}
