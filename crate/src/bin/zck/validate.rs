//! `zck validate`: check a whole connection (custom service) config.

use crate::account_dc::AccountDc;
use crate::output::{line, print_diagnostics, print_json, read_json, Exit, Format};
use clap::Args;
use zoho_connector_kit::connection::{validate_connection, ConnectionConfigInput, ConnectionReport};

#[derive(Debug, Args)]
#[command(after_help = "\
The config is the JSON the extension's Connection tab exports (camelCase): serviceName, linkName,
authType (oauth2|apiKey|basic; oauth1 is recognised but not checked), grantType
(authorizationCode|clientCredentials), dataCenter (where the account lives; read from the URLs with a
warning when absent; --account-dc wins over it), clientId, clientSecret,
authorizeUrl, tokenUrl, refreshUrl, revokeUrl, redirectUri, scopes (a list or one delimited string),
scopeDelimiter (comma|space|plus), paramType (query|header), keyName + placement
(query|header|formData) for API keys, username + password for basic authentication.

  {
    \"serviceName\": \"Zoho CRM EU\",
    \"linkName\": \"zoho_crm_eu\",
    \"authType\": \"oauth2\",
    \"clientId\": \"1000.GMB0YULZHJK411248S8I5GZ4CHUEX0\",
    \"clientSecret\": \"…\",
    \"authorizeUrl\": \"https://accounts.zoho.eu/oauth/v2/auth?access_type=offline\",
    \"tokenUrl\": \"https://accounts.zoho.eu/oauth/v2/token\",
    \"refreshUrl\": \"https://accounts.zoho.eu/oauth/v2/token\",
    \"scopes\": \"ZohoCRM.modules.ALL,ZohoCRM.settings.fields.READ\"
  }

A file written by the extension's Export JSON (schemaVersion, no secret) is read as it is: the missing
client secret is a note, not an error.

Examples:
  zck validate connection.json                   \"Looks right.\" when nothing is an error or a warning
  zck validate connection.json --notes           the notes too
  zck validate exported.json --account-dc eu     an EU account: URLs on accounts.zoho.com are errors
  cat connection.json | zck validate -
  zck validate connection.json --format json

Secrets are never printed. Exit codes: 0 no error finding, 1 an error finding, 2 the file cannot be
read or parsed (the finding gives the line and column).")]
pub struct ValidateArgs {
    /// The JSON config file, or `-` for standard input.
    config: String,
    #[command(flatten)]
    dc: AccountDc,
    /// Show the notes (info findings) also when the config looks right.
    #[arg(long)]
    notes: bool,
    /// Output format.
    #[arg(long, value_enum, default_value_t = Format::Text)]
    format: Format,
}

pub fn run(args: ValidateArgs) -> Exit {
    let mut input: ConnectionConfigInput = match read_json(&args.config, args.format) {
        Ok(input) => input,
        Err(exit) => return exit,
    };
    if let Some(key) = args.dc.key() {
        input.data_center = Some(key);
    }
    let report = validate_connection(&input);
    let exit = Exit::from_diagnostics(&report.diagnostics);
    if args.format == Format::Json {
        print_json(&report);
        return exit;
    }
    print_summary(&report);
    if report.summary.looks_right && !args.notes {
        // One line instead of a wall of notes; they are one flag away.
        let notes = report.summary.counts.infos;
        match notes {
            0 => line("Looks right."),
            1 => line("Looks right. (1 note: --notes shows it)"),
            n => line(&format!("Looks right. ({n} notes: --notes shows them)")),
        }
        return exit;
    }
    print_diagnostics(&report.diagnostics);
    if report.diagnostics.is_empty() {
        line("no findings");
    }
    line(&report.summary.verdict);
    exit
}

fn print_summary(report: &ConnectionReport) {
    let s = &report.summary;
    let dc = match (s.data_center, s.data_center_name) {
        (Some(id), Some(name)) => {
            format!("{id} ({name}){}", s.data_center_from.as_deref().map_or(String::new(), |f| format!(", from {f}")))
        }
        _ => "unknown".into(),
    };
    line(&format!("data center: {dc}"));
    let kind = serde_json::to_value(s.provider.kind).ok().and_then(|v| v.as_str().map(str::to_string));
    line(&format!("provider:    {} — {}", kind.unwrap_or_default(), s.provider.reason));
    if let Some(link) = &s.link_name {
        line(&format!("link name:   {link}{}", if s.link_name_suggested { " (suggested)" } else { "" }));
    }
    line(&format!("register at: {}", s.register.at));
    if let Some(client_type) = &s.register.client_type {
        line(&format!("  client type:  {client_type}"));
    }
    for r in &s.register.redirect_uris {
        line(&format!("  redirect URI: {} ({})", r.value, r.source));
    }
    if let Some(home) = &s.register.homepage {
        line(&format!("  homepage:     {home}"));
    }
    for note in &s.register.notes {
        line(&format!("  note: {note}"));
    }
    match &s.try_url {
        Some(url) => line(&format!("try:         {url}\n             {}", s.try_url_note)),
        None => line(&format!("try:         {}", s.try_url_note)),
    }
    line("");
}
