//! `zck coql`: check a COQL query against Zoho's documented limits.

use crate::output::{line, print_diagnostics, print_json, read_deluge, Exit, Format};
use clap::Args;
use zoho_connector_kit::deluge::coql::check_coql;

#[derive(Debug, Args)]
#[command(after_help = "\
Checks: select only, at most 50 fields, at most 25 criteria, brackets past two conditions, LIMIT at most 2000,
the operator list, at most 50 values in `in`.

Examples:
  zck coql \"select Last_Name, Email from Leads where Lead_Source = 'Web' limit 200\"
  cat query.txt | zck coql -
  zck coql \"select Email from Contacts limit 5000\" --format json

Exit codes: 0 no error, 1 an error finding, 2 standard input cannot be read.")]
pub struct CoqlArgs {
    /// The query text, or `-` to read it from standard input.
    query: String,
    /// Output format.
    #[arg(long, value_enum, default_value_t = Format::Text)]
    format: Format,
}

pub fn run(args: CoqlArgs) -> Exit {
    let text = if args.query == "-" {
        match read_deluge("-", args.format) {
            Ok(t) => t,
            Err(exit) => return exit,
        }
    } else {
        args.query.clone()
    };
    let found = check_coql(text.trim());
    let exit = Exit::from_diagnostics(&found);
    if args.format == Format::Json {
        print_json(&serde_json::json!({ "diagnostics": found }));
    } else if found.is_empty() {
        line("ok: no findings");
    } else {
        print_diagnostics(&found);
    }
    exit
}
