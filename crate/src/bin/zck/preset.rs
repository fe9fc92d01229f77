//! `zck preset`: the service presets, and a config started from one.

use crate::account_dc::AccountDc;
use crate::output::{line, print_diagnostics, print_json, Exit, Format};
use clap::{Args, Subcommand};
use zoho_connector_kit::preset;

#[derive(Debug, Args)]
#[command(after_help = "\
Examples:
  zck preset                          list the presets
  zck preset show hubspot             URLs, delimiter, scopes, quirks, each with its source
  zck preset start zoho_crm --account-dc eu   a connection config to complete, then check with `zck validate`
  zck preset start shopify --account-dc in > shopify.json
  zck preset first-call mailchimp             a first, read-only API call as Deluge, with its source")]
pub struct PresetArgs {
    #[command(subcommand)]
    command: Option<PresetCommand>,
    /// Output format.
    #[arg(long, value_enum, default_value_t = Format::Text, global = true)]
    format: Format,
}

#[derive(Debug, Subcommand)]
enum PresetCommand {
    /// Show one preset with the source of every fact.
    #[command(after_help = "Example:\n  zck preset show mailchimp --format json")]
    Show {
        /// The preset id (see `zck preset`).
        id: String,
    },
    /// Print a connection config (JSON) started from a preset for a data center.
    #[command(
        after_help = "Example:\n  zck preset start hubspot --account-dc au > hubspot.json && zck validate hubspot.json"
    )]
    Start {
        /// The preset id.
        id: String,
        #[command(flatten)]
        dc: AccountDc,
    },
    /// Print the preset's first, read-only API call as Deluge invokeurl through the connection, with its source.
    #[command(after_help = "\
Examples:
  zck preset first-call mailchimp
  zck preset first-call zoho_crm --account-dc eu --connection zoho_crm_eu
  zck preset first-call shopify --format json

Exit codes: 0 written, 1 no sourced first call is known for the preset (or no such preset).")]
    FirstCall {
        /// The preset id.
        id: String,
        #[command(flatten)]
        dc: AccountDc,
        /// The link name of the connection (default: the preset id).
        #[arg(long)]
        connection: Option<String>,
    },
}

fn unknown(id: &str) -> Exit {
    let ids: Vec<&str> = preset::presets().iter().map(|p| p.id.as_str()).collect();
    line(&format!("zck: no preset `{id}`; the presets are: {}", ids.join(", ")));
    Exit::Findings
}

pub fn run(args: PresetArgs) -> Exit {
    match args.command {
        None => {
            if args.format == Format::Json {
                print_json(preset::presets());
            } else {
                for p in preset::presets() {
                    line(&format!("{:<14} {:<34} {}", p.id, p.name, p.authorize_url.value));
                }
            }
            Exit::Ok
        }
        Some(PresetCommand::Show { id }) => {
            let Some(p) = preset::find(&id) else { return unknown(&id) };
            if args.format == Format::Json {
                print_json(p);
                return Exit::Ok;
            }
            line(&format!("{} ({})", p.name, p.id));
            let show = |label: &str, value: &str, source: &str| {
                let source = zoho_connector_kit::source::describe(source);
                line(&format!("  {label:<16}{value}\n  {:<16}source: {source}", ""))
            };
            show("authorize URL", &p.authorize_url.value, &p.authorize_url.source);
            show("token URL", &p.token_url.value, &p.token_url.source);
            if let Some(u) = &p.refresh_url {
                show("refresh URL", &u.value, &u.source);
            }
            if let Some(u) = &p.revoke_url {
                show("revoke URL", &u.value, &u.source);
            }
            match &p.scope_delimiter {
                Some(d) => show("scope delimiter", &d.value, &d.source),
                None => line("  scope delimiter (no scopes)"),
            }
            show("typical scopes", &p.scopes.value.join(", "), &p.scopes.source);
            show("API base", &p.api_base.value, &p.api_base.source);
            for q in &p.quirks {
                line(&format!("  note: {} (source: {})", q.text, zoho_connector_kit::source::describe(&q.source)));
            }
            Exit::Ok
        }
        Some(PresetCommand::Start { id, dc }) => {
            let Some(p) = preset::find(&id) else { return unknown(&id) };
            print_json(&preset::start_config(p, dc.account_dc));
            Exit::Ok
        }
        Some(PresetCommand::FirstCall { id, dc, connection }) => {
            let Some(p) = preset::find(&id) else { return unknown(&id) };
            let link = connection.unwrap_or_else(|| p.id.clone());
            match preset::first_call_deluge(p, dc.account_dc, &link) {
                Ok(deluge) => {
                    if args.format == Format::Json {
                        let source = p.first_call.as_ref().map(|c| c.source.as_str());
                        print_json(&serde_json::json!({ "preset": p.id, "deluge": deluge, "source": source }));
                    } else {
                        line(deluge.trim_end());
                    }
                    Exit::Ok
                }
                Err(d) => {
                    if args.format == Format::Json {
                        print_json(&serde_json::json!({ "preset": p.id, "diagnostics": [d] }));
                    } else {
                        print_diagnostics(std::slice::from_ref(&d));
                    }
                    Exit::Findings
                }
            }
        }
    }
}
