//! `zck`: the zoho-connector-kit command-line tool.
//!
//! Exit codes: 0 success, 1 an error finding, 2 the input cannot be read or parsed (or is over 20 MiB of JSON /
//! 5 MiB of Deluge), 141 the reader of the output went away (`zck dc | head -1`; quiet, as for `cat`).

// The CLI's whole job is to print: its output goes through `output.rs`, which allows printing with a reason.
mod account_dc;
mod auth_url;
mod check;
mod coql;
mod dc;
mod describe;
mod explain;
mod fmt;
mod map;
mod output;
mod preset;
mod snippet;
mod token;
mod validate;
mod webhook;

use clap::{Parser, Subcommand};

/// Check Zoho CRM connections, OAuth clients, scopes and Deluge before they fail at run time.
#[derive(Debug, Parser)]
#[command(name = "zck", version, about, long_about = None, term_width = 0, after_help = "\
Examples:
  zck dc                                   list Zoho data centers and their hosts
  zck dc detect https://accounts.zoho.eu   which data center is this?
  zck auth-url connection.json             build the OAuth authorization URL
  zck token requests connection.json       token requests as curl and Deluge (secrets masked)
  zck explain response.json --status 401   what a Zoho error means and how to fix it
  zck map validate mapping.json            check a field mapping
  zck webhook webhook.json                 check a CRM webhook config
  zck validate connection.json             check a whole connection (custom service) config
  zck snippet call.json                    the Deluge of an invokeurl call
  zck check function.dg                    check pasted Deluge
  zck fmt --check function.dg              is the Deluge formatted?
  zck describe zoho.crm.updateRecord       a Deluge built-in: arguments, what it does, its Zoho page

Inputs: a leading UTF-8 byte order mark is skipped; JSON over 20 MiB and Deluge over 5 MiB are refused unread.

Exit codes: 0 success, 1 an error finding, 2 the input cannot be read or parsed (or is too large),
141 the reader of the output went away (`zck dc | head -1`): zck stops quietly, as `cat` does.")]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Debug, Subcommand)]
enum Command {
    /// List Zoho data centers, or detect one from a URL, domain or key.
    Dc(dc::DcArgs),
    /// Build the Zoho OAuth authorization URL from a JSON config.
    AuthUrl(auth_url::AuthUrlArgs),
    /// Explain a Zoho error response: likely causes and fixes.
    Explain(explain::ExplainArgs),
    /// Token requests, token responses, limits, throttling and the token store.
    Token(token::TokenArgs),
    /// Check a whole connection (custom service) config: names, fields, URLs, redirect, scopes.
    Validate(validate::ValidateArgs),
    /// Presets for MailChimp, Shopify, HubSpot, SurveyMonkey, Zoho Desk and Zoho CRM.
    Preset(preset::PresetArgs),
    /// Check a field mapping, preview it on records, or write it as Deluge.
    Map(map::MapArgs),
    /// Check a CRM workflow webhook config; print its JSON and a receiving Deluge skeleton.
    Webhook(webhook::WebhookArgs),
    /// Print the Deluge of an invokeurl call (or, with --record, a CRM record call) from a JSON spec.
    Snippet(snippet::SnippetArgs),
    /// Check a COQL query against Zoho's limits.
    Coql(coql::CoqlArgs),
    /// Check Deluge files: syntax, invokeurl parameters, connections, loop calls, reserved names.
    Check(check::CheckArgs),
    /// Format Deluge files (`--check`: only report unformatted files).
    Fmt(fmt::FmtArgs),
    /// Describe a Deluge built-in task or method: arguments, what it does, its Zoho page.
    Describe(describe::DescribeArgs),
}

fn main() -> std::process::ExitCode {
    let cli = Cli::parse();
    let exit = match cli.command {
        Command::Dc(args) => dc::run(args),
        Command::AuthUrl(args) => auth_url::run(args),
        Command::Explain(args) => explain::run(args),
        Command::Token(args) => token::run(args),
        Command::Validate(args) => validate::run(args),
        Command::Preset(args) => preset::run(args),
        Command::Map(args) => map::run(args),
        Command::Webhook(args) => webhook::run(args),
        Command::Snippet(args) => snippet::run(args),
        Command::Coql(args) => coql::run(args),
        Command::Check(args) => check::run(args),
        Command::Fmt(args) => fmt::run(args),
        Command::Describe(args) => describe::run(args),
    };
    exit.into()
}
