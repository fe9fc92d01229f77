//! `zck describe`: what a Deluge built-in does, its arguments and its Zoho page (the popup's descriptions).

use crate::output::{line, print_json, Exit, Format};
use clap::Args;
use zoho_connector_kit::deluge::builtin::{describe, descriptions};
use zoho_connector_kit::source;

#[derive(Debug, Args)]
#[command(after_help = "\
Names: a task by its dotted name (zoho.crm.getRecords, zoho.books.updateRecord, zoho.desk.getRecordById) or a
method by its name (subString, getJSON, put); any letter case. Without a name: the whole catalogue.

Examples:
  zck describe zoho.crm.updateRecord
  zck describe subString --format json
  zck describe

Exit codes: 0 described, 2 the name is not in the catalogue.")]
pub struct DescribeArgs {
    /// The built-in's name; leave out to list every built-in.
    name: Option<String>,
    /// Output format.
    #[arg(long, value_enum, default_value_t = Format::Text)]
    format: Format,
}

pub fn run(args: DescribeArgs) -> Exit {
    let Some(name) = args.name else {
        let all = descriptions();
        if args.format == Format::Json {
            print_json(&all);
        } else {
            for d in &all {
                line(&format!("{}({})  {}", d.name, d.syntax, d.description));
            }
        }
        return Exit::Ok;
    };
    let Some(d) = describe(&name) else {
        line(&format!("{name}: not in the catalogue of Deluge built-ins (zck describe lists them)"));
        return Exit::BadInput;
    };
    if args.format == Format::Json {
        print_json(&d);
        return Exit::Ok;
    }
    let count = if d.min == d.max { d.min.to_string() } else { format!("{} to {}", d.min, d.max) };
    let call = if d.name.starts_with("zoho.") { d.name.clone() } else { format!("value.{}", d.name) };
    line(&format!("{call}({})", d.syntax));
    line(&d.description);
    line(&format!("Arguments: {count}"));
    if let Some(types) = &d.types {
        line(&format!("Types: {}", types.join(", ")));
    }
    line(&format!("Source: {}", source::describe(&d.source)));
    Exit::Ok
}
