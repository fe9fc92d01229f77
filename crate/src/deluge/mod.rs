//! Deluge: generate `invokeurl` calls and payloads, check pasted Deluge with a real parser, format it.
//!
//! - [`literal`]: text literals that read back exactly ([`string_literal`]), identifiers, reserved words.
//! - [`lexer`]: tokens with lines and columns.
//! - [`generate`]: [`generate_invoke_url`] from an [`InvokeUrlSpec`].
//! - [`parser`]: recursive descent with error recovery.
//! - [`check`]: [`check_deluge`], findings with line and column.
//! - [`builtin`]: the catalogue of built-in tasks and methods with their argument counts and descriptions.
//! - [`format`](mod@format): [`format_deluge`], canonical layout, idempotent.
//! - [`record_call`]: CRM insert / update / upsert / get / search / COQL calls.
//! - [`coql`]: build and check COQL queries.
//!
//! Facts come from docs/facts.md §6 (Deluge) and §5 (CRM REST API, COQL).
//!
//! ```
//! use zoho_connector_kit::deluge::{check_deluge, string_literal};
//! let script = format!("name = {};\ninfo name;\n", string_literal("O'Brien \"Jr\""));
//! assert!(check_deluge(&script).is_empty());
//! ```

pub mod builtin;
pub mod check;
pub mod coql;
pub mod format;
pub mod generate;
pub mod lexer;
pub mod literal;
pub mod parser;
pub mod record_call;

pub use check::check_deluge;
pub use format::format_deluge;
pub use generate::{generate_invoke_url, BodyMode, HttpMethod, InvokeUrlSpec, Snippet, Style};
pub use literal::string_literal;
