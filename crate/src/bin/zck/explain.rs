//! `zck explain`: what a Zoho error response means, its likely causes and fixes.

use crate::account_dc::AccountDc;
use crate::output::{line, print_json, read_json, read_text, Exit, Format};
use clap::Args;
use zoho_connector_kit::explain::{explain_error, ExplainContext, ExplainInput};

#[derive(Debug, Args)]
#[command(after_help = "\
The file holds the response body as Zoho sent it: JSON (a CRM error, a multi-record reply, a token-endpoint
error) or any text. Give the HTTP status with --status; an empty file with --status explains the status alone.

Examples:
  zck explain response.json --status 401
  echo '{\"error\":\"invalid_client\"}' | zck explain - --status 200
  zck explain body.json --context connection-context.json --format json
  printf '' | zck explain - --status 429
  echo '{\"error\":\"invalid_client\"}' | zck explain - --context context.json --account-dc eu

A context file is JSON with any of: config (a whole connection config), dataCenter, tokenUrl, authorizeUrl,
scopes, accountDataCenter, location, accountsServer, redirectUrl, requestUrl, request (exchange|refresh|revoke):

  {\"dataCenter\": \"us\", \"redirectUrl\": \"https://example.com/cb?code=x&location=eu&accounts-server=https%3A%2F%2Faccounts.zoho.eu\"}

Exit codes: 0 explained (also when the code is not recognised), 2 the file or context cannot be read.")]
pub struct ExplainArgs {
    /// The response body file, or `-` for standard input.
    body: String,
    /// The HTTP status of the response.
    #[arg(long)]
    status: Option<u16>,
    /// A JSON file describing the connection (see below).
    #[arg(long)]
    context: Option<String>,
    #[command(flatten)]
    dc: AccountDc,
    /// Output format.
    #[arg(long, value_enum, default_value_t = Format::Text)]
    format: Format,
}

pub fn run(args: ExplainArgs) -> Exit {
    let text = match read_text(&args.body) {
        Ok(text) => text,
        Err(exit) => return exit,
    };
    let mut context: Option<ExplainContext> = match &args.context {
        Some(path) => match read_json(path, args.format) {
            Ok(c) => Some(c),
            Err(exit) => return exit,
        },
        None => None,
    };
    if let Some(key) = args.dc.key() {
        context.get_or_insert_with(ExplainContext::default).account_data_center = Some(key);
    }
    let body = if text.trim().is_empty() { None } else { Some(serde_json::Value::String(text)) };
    let e = explain_error(&ExplainInput { status: args.status, body, context });
    if args.format == Format::Json {
        print_json(&e);
        return Exit::Ok;
    }
    let code = if e.code.is_empty() { "(no code)" } else { e.code.as_str() };
    line(&format!("{code}: {}", e.title));
    if let Some(path) = &e.path {
        line(&format!("  at: {path}"));
    }
    if let Some(field) = &e.field {
        line(&format!("  field: {field}"));
    }
    if let Some(message) = &e.message {
        line(&format!("  Zoho says: {message}"));
    }
    line("likely causes (most likely first):");
    for (i, cause) in e.likely_causes.iter().enumerate() {
        let id = serde_json::to_value(cause.id).ok().and_then(|v| v.as_str().map(str::to_string)).unwrap_or_default();
        line(&format!("  {}. {id}: {}", i + 1, cause.explanation));
    }
    for fix in &e.fixes {
        line(&format!("fix: {fix}"));
    }
    for note in &e.notes {
        line(&format!("note: {note}"));
    }
    for other in &e.other_errors {
        line(&format!(
            "also: data[{}] {}{}",
            other.index,
            other.code,
            other.field.as_deref().map(|f| format!(" ({f})")).unwrap_or_default()
        ));
    }
    if let Some(source) = &e.source {
        line(&format!("source: {}", zoho_connector_kit::source::describe(source)));
    }
    Exit::Ok
}
