//! `zck snippet`: the Deluge of an invokeurl call (or a CRM record call) from a JSON spec.

use crate::account_dc::AccountDc;
use crate::output::{line, print_diagnostics, print_json, read_json, Exit, Format};
use clap::Args;
use zoho_connector_kit::deluge::generate::{invoke_url_snippet, InvokeUrlSpec};
use zoho_connector_kit::deluge::record_call::{generate_record_call, RecordCallSpec};

#[derive(Debug, Args)]
#[command(after_help = "\
The spec is JSON. For an invokeurl call: url, method (GET|POST|PUT|PATCH|DELETE), connection (link name),
headers, query, body, bodyMode (json|form|text), detailed, responseVar, style (putLines|literal), scopes,
handleResponse:

  {\"url\": \"https://api.example.com/v1/orders\", \"method\": \"POST\", \"connection\": \"example_api\",
   \"body\": {\"id\": 7}}

With --record, a CRM call: dataCenter (or --account-dc), apiVersion, module, operation (insert|update|upsert|get|search|coql),
records, id, trigger, duplicateCheckFields, criteria, query, connection, style, detailed, responseVar.

Examples:
  zck snippet call.json
  echo '{\"url\": \"https://api.example.com/ping\"}' | zck snippet -
  zck snippet --record insert-leads.json --format json
  zck snippet --record insert-leads.json --account-dc eu      the same call for an EU account

Exit codes: 0 Deluge printed, 1 an error finding (no Deluge), 2 the file cannot be read or parsed.")]
pub struct SnippetArgs {
    /// The JSON spec file, or `-` for standard input.
    spec: String,
    /// The spec is a CRM record call (generateRecordCall) rather than one invokeurl.
    #[arg(long)]
    record: bool,
    /// With --record: where your Zoho account lives; wins over the spec's dataCenter.
    #[command(flatten)]
    dc: AccountDc,
    /// Output format.
    #[arg(long, value_enum, default_value_t = Format::Text)]
    format: Format,
}

pub fn run(args: SnippetArgs) -> Exit {
    let snippet = if args.record {
        match read_json::<RecordCallSpec>(&args.spec, args.format) {
            Ok(mut spec) => {
                if let Some(key) = args.dc.key() {
                    spec.data_center = Some(key);
                }
                generate_record_call(&spec)
            }
            Err(exit) => return exit,
        }
    } else {
        match read_json::<InvokeUrlSpec>(&args.spec, args.format) {
            Ok(spec) => invoke_url_snippet(&spec),
            Err(exit) => return exit,
        }
    };
    let exit = Exit::from_diagnostics(&snippet.diagnostics);
    if args.format == Format::Json {
        print_json(&snippet);
        return exit;
    }
    if let Some(deluge) = &snippet.deluge {
        line(deluge.trim_end());
    }
    print_diagnostics(&snippet.diagnostics);
    exit
}
