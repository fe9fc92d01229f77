//! `zck check`: check Deluge files (syntax with recovery, invokeurl mistakes, loop calls, reserved names).

use crate::output::{line, print_diagnostics, print_json, read_deluge_or_finding, Exit, Format};
use clap::Args;
use zoho_connector_kit::deluge::check_deluge;

#[derive(Debug, Args)]
#[command(after_help = "\
Examples:
  zck check function.dg
  zck check functions/*.dg --format json
  pbpaste | zck check -

JSON output: {\"files\": [{\"file\": \"function.dg\", \"diagnostics\": [...]}]}; each finding has line and column.

Exit codes: 0 no error, 1 an error finding in any file, 2 a file cannot be read.")]
pub struct CheckArgs {
    /// Deluge files, or `-` for standard input.
    #[arg(required = true)]
    files: Vec<String>,
    /// Output format.
    #[arg(long, value_enum, default_value_t = Format::Text)]
    format: Format,
}

pub fn run(args: CheckArgs) -> Exit {
    let mut exit = Exit::Ok;
    let mut reports = Vec::new();
    for file in &args.files {
        let shown = if file == "-" { "<stdin>" } else { file.as_str() };
        let (text, refused) = match read_deluge_or_finding(file) {
            Ok(t) => (t, None),
            Err(None) => {
                exit = Exit::BadInput;
                continue;
            }
            Err(Some(too_large)) => {
                exit = Exit::BadInput;
                (String::new(), Some(too_large))
            }
        };
        let found: Vec<_> = refused
            .map_or_else(|| check_deluge(&text), |d| vec![d])
            .into_iter()
            .map(|mut d| {
                d.path = shown.to_string();
                d
            })
            .collect();
        if exit == Exit::Ok {
            exit = Exit::from_diagnostics(&found);
        }
        if args.format == Format::Text {
            if found.is_empty() {
                line(&format!("{shown}: ok"));
            } else {
                print_diagnostics(&found);
            }
        }
        reports.push(serde_json::json!({ "file": shown, "diagnostics": found }));
    }
    if args.format == Format::Json {
        print_json(&serde_json::json!({ "files": reports }));
    }
    exit
}
