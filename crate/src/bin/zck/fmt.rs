//! `zck fmt`: format Deluge files in place (or print standard input formatted); `--check` only reports.

use crate::output::{line, print_diagnostics, read_deluge, Exit, Format};
use clap::Args;
use zoho_connector_kit::deluge::format::{format_deluge_with, FormatOptions, Layout};

#[derive(Debug, Args)]
#[command(after_help = "\
Files are rewritten in place; `-` reads standard input and prints the result. Text with syntax errors is
never changed: its findings are printed instead.

Layouts: `zoho` (default) as Zoho's Deluge editor saves scripts: `if(`, `for each  r in`, `put(\"a\",1)`,
`{\"k\":v}`, `url :\"…\"`, `type :GET`, `connection:\"…\"`; `spaced`: `if (`, `put(\"a\", 1)`, `url: \"…\"`.

Examples:
  zck fmt function.dg
  zck fmt --check functions/*.dg
  zck fmt --layout spaced function.dg
  pbpaste | zck fmt -

Exit codes: 0 formatted (or, with --check, already formatted), 1 with --check a file is not formatted,
2 a file cannot be read or has syntax errors.")]
pub struct FmtArgs {
    /// Deluge files, or `-` for standard input.
    #[arg(required = true)]
    files: Vec<String>,
    /// Only report files that are not formatted (exit 1); change nothing.
    #[arg(long)]
    check: bool,
    /// The layout to write.
    #[arg(long, value_enum, default_value_t = LayoutArg::Zoho)]
    layout: LayoutArg,
}

/// `--layout`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
enum LayoutArg {
    /// As Zoho's editor saves Deluge.
    Zoho,
    /// A space after `,` and `:`, `if (`.
    Spaced,
}

pub fn run(args: FmtArgs) -> Exit {
    let mut exit = Exit::Ok;
    for file in &args.files {
        let shown = if file == "-" { "<stdin>" } else { file.as_str() };
        let Ok(text) = read_deluge(file, Format::Text) else {
            exit = Exit::BadInput;
            continue;
        };
        let layout = match args.layout {
            LayoutArg::Zoho => Layout::Zoho,
            LayoutArg::Spaced => Layout::Spaced,
        };
        let formatted = match format_deluge_with(&text, FormatOptions { layout }) {
            Ok(f) => f,
            Err(found) => {
                let found: Vec<_> = found
                    .into_iter()
                    .map(|mut d| {
                        d.path = shown.to_string();
                        d
                    })
                    .collect();
                print_diagnostics(&found);
                exit = Exit::BadInput;
                continue;
            }
        };
        if args.check {
            if formatted != text {
                line(&format!("{shown}: not formatted"));
                if exit == Exit::Ok {
                    exit = Exit::Findings;
                }
            }
        } else if file == "-" {
            crate::output::raw(&formatted);
        } else if formatted != text {
            if let Err(e) = std::fs::write(file, &formatted) {
                line(&format!("{shown}: cannot write: {e}"));
                exit = Exit::BadInput;
            } else {
                line(&format!("{shown}: formatted"));
            }
        }
    }
    exit
}
