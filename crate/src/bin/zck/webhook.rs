//! `zck webhook`: check a CRM workflow webhook config.

use crate::output::{line, print_diagnostics, print_json, read_json, Exit, Format};
use clap::Args;
use zoho_connector_kit::webhook::{validate_webhook, WebhookInput};

#[derive(Debug, Args)]
#[command(after_help = "\
The config is JSON:

  {
    \"name\": \"NewLeadToShop\",
    \"description\": \"Send new leads to the shop\",
    \"url\": \"https://hooks.example.com/zoho/leads\",
    \"method\": \"POST\",
    \"module\": \"Leads\",
    \"customParameters\": [{ \"name\": \"token\", \"value\": \"...\" }],
    \"fields\": [\"Email\", \"Company\", \"Lead_Status\"]
  }

Limits: name alphanumeric, 100 characters (older Zoho page: 50); description 200; URL 300 (older: 200);
method POST, GET, PUT or DELETE; not for Call Logs or Notes. The setup guide adds ports 80/443 and at
most 10 fields (guide only: reported as warnings). Custom parameter values are never printed.

Examples:
  zck webhook webhook.json                  findings, then the webhook JSON and a Deluge skeleton
  zck webhook webhook.json --format json

Exit codes: 0 no error finding, 1 an error finding, 2 the file cannot be read or parsed.")]
pub struct WebhookArgs {
    /// The webhook config JSON file, or `-` for standard input.
    config: String,
    /// Output format.
    #[arg(long, value_enum, default_value_t = Format::Text)]
    format: Format,
}

pub fn run(args: WebhookArgs) -> Exit {
    let input: WebhookInput = match read_json(&args.config, args.format) {
        Ok(input) => input,
        Err(exit) => return exit,
    };
    let check = validate_webhook(&input);
    let exit = Exit::from_diagnostics(&check.diagnostics);
    if args.format == Format::Json {
        print_json(&check);
        return exit;
    }
    print_diagnostics(&check.diagnostics);
    if let Some(webhook) = &check.webhook {
        line("webhook:");
        line(&serde_json::to_string_pretty(webhook).unwrap_or_default());
    }
    if let Some(deluge) = &check.deluge {
        line("Deluge skeleton:");
        line(deluge.trim_end());
    }
    exit
}
