//! `zck dc`: list data centers, or detect one.

use crate::output::{line, print_diagnostics, print_json, Exit, Format};
use clap::{Args, Subcommand};
use zoho_connector_kit::data_center::{self, DataCenter, Fact};

#[derive(Debug, Args)]
#[command(after_help = "\
Examples:
  zck dc                                       table of every data center
  zck dc --format json                         the same, as JSON (with sources)
  zck dc detect https://accounts.zoho.eu/oauth/v2/auth
  zck dc detect accounts.zoho.au               AU, with the corrected host
  zck dc detect 'https://crm.zoho.in/crm/org123/tab/Leads'")]
pub struct DcArgs {
    #[command(subcommand)]
    command: Option<DcCommand>,
    /// Output format.
    #[arg(long, value_enum, default_value_t = Format::Text, global = true)]
    format: Format,
}

#[derive(Debug, Subcommand)]
enum DcCommand {
    /// Detect the data center from a URL, a domain, a TLD or a key.
    #[command(after_help = "\
Examples:
  zck dc detect https://www.zohoapis.com.au/crm/v8/Leads
  zck dc detect 'https://example.com/cb?code=x&location=eu&accounts-server=https%3A%2F%2Faccounts.zoho.eu'
  zck dc detect zoho.in
  zck dc detect jp --format json

Exit codes: 0 recognised, 1 not recognised or a wrong host.")]
    Detect {
        /// What to detect from.
        text: String,
    },
}

pub fn run(args: DcArgs) -> Exit {
    match args.command {
        None => {
            list(args.format);
            Exit::Ok
        }
        Some(DcCommand::Detect { text }) => detect(&text, args.format),
    }
}

fn host(fact: Option<&Fact>) -> &'static str {
    fact.map_or("—", |f| f.value.trim_start_matches("https://"))
}

fn list(format: Format) {
    let all = data_center::list();
    if format == Format::Json {
        print_json(all);
        return;
    }
    line(&format!("{:<4} {:<22} {:<24} {:<22} {:<20}", "DC", "name", "accounts server", "API domain", "CRM web"));
    for dc in all {
        line(&format!(
            "{:<4} {:<22} {:<24} {:<22} {:<20}",
            dc.id.to_string(),
            dc.name,
            host(Some(&dc.accounts_server)),
            host(dc.api_domain.as_ref()),
            host(dc.crm_web_host.as_ref()),
        ));
    }
    for dc in all {
        notes(dc);
    }
}

fn notes(dc: &DataCenter) {
    for note in dc.notes {
        line(&format!("{}: {note}", dc.id));
    }
}

fn detect(text: &str, format: Format) -> Exit {
    let found = data_center::detect(text);
    let exit = if found.data_center.is_none() { Exit::Findings } else { Exit::from_diagnostics(&found.diagnostics) };
    if format == Format::Json {
        print_json(&found);
        return exit;
    }
    match found.data_center {
        Some(id) => {
            let dc = data_center::lookup(id);
            line(&format!("{} ({})", id, dc.name));
            line(&format!("  accounts server: {}", dc.accounts_server.value));
            if let Some(api) = &dc.api_domain {
                line(&format!("  API domain:      {}", api.value));
            }
            if let Some(web) = &dc.crm_web_host {
                line(&format!("  CRM web:         {}", web.value));
            }
            for note in dc.notes {
                line(&format!("  note: {note}"));
            }
            for cb in dc.deluge_callbacks {
                line(&format!("  Deluge callback: {} ({})", cb.value, zoho_connector_kit::source::describe(cb.source)));
            }
        }
        None => line("no data center recognised"),
    }
    print_diagnostics(&found.diagnostics);
    exit
}
