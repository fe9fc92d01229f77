//! `zck token`: token requests, token responses, limits, throttling and the token store.

use crate::account_dc::AccountDc;
use crate::output::{line, print_diagnostics, print_json, read_json, read_text, report_input_error, Exit, Format};
use clap::{Args, Subcommand};
use zoho_connector_kit::connection::export::is_config_shape;
use zoho_connector_kit::connection::ConnectionConfigInput;
use zoho_connector_kit::input::parse_json_value;
use zoho_connector_kit::token::{
    build_token_requests, check_throttle, parse_token_response, token_limits, token_store_schema, RequestKind,
    ThrottleInput, TokenRequestInput, TokenResponseInput,
};

#[derive(Debug, Args)]
#[command(after_help = "\
Examples:
  zck token requests tokens.json                  code exchange, refresh and revoke as curl + Deluge
  zck token parse response.json --issued-at 1700000000000
  zck token throttle events.json                  would the next token request be refused?
  zck token limits                                Zoho's token limits with their sources
  zck token schema                                the SDKs' oauthtoken table as SQL")]
pub struct TokenArgs {
    #[command(subcommand)]
    command: TokenCommand,
    /// Output format.
    #[arg(long, value_enum, default_value_t = Format::Text, global = true)]
    format: Format,
}

#[derive(Debug, Subcommand)]
enum TokenCommand {
    /// Build the code-exchange, refresh and revoke requests (secrets masked unless --reveal).
    #[command(after_help = "\
The input is JSON with dataCenter (or tokenUrl/refreshUrl/revokeUrl), clientId, clientSecret, redirectUri,
code, refreshToken, token, preset — or a whole connection config under \"config\" with those beside it:

  {\"config\": {\"dataCenter\": \"eu\", \"clientId\": \"1000.GMB0YULZHJK411248S8I5GZ4CHUEX0\", \"clientSecret\": \"…\"},
   \"refreshToken\": \"1000.…\"}

— or the connection config the extension's Export JSON writes, as it is (placeholders stand in for the secret,
the grant code and the refresh token). For a service that is not Zoho (MailChimp, Shopify, HubSpot,
SurveyMonkey), the URLs come from the file or its preset only: a request whose endpoint is not known is not
built, and nothing is sent to a Zoho URL.

Examples:
  zck token requests tokens.json
  zck token requests tokens.json --reveal           show the secrets (do not paste the output anywhere)
  zck token requests exported.json --account-dc eu  the exported connection config, for an EU account
  zck token requests mailchimp.json                 MailChimp: the code exchange only (no refresh, no revoke)
  cat tokens.json | zck token requests - --format json

Exit codes: 0 built, 1 an error finding (e.g. no client secret), 2 the file cannot be read or parsed.")]
    Requests {
        /// The JSON input file, or `-` for standard input.
        input: String,
        /// Show secrets in the body, curl line and Deluge.
        #[arg(long)]
        reveal: bool,
        #[command(flatten)]
        dc: AccountDc,
    },
    /// Read a token response: expiry, refresh time, Authorization header, API domain, or the error explained.
    #[command(after_help = "\
The file holds the token endpoint's response body as sent.

Examples:
  zck token parse response.json --issued-at 1700000000000
  zck token parse response.json --issued-at 1700000000000 --margin-minutes 5 --grant exchange
  zck token parse response.json --call-url https://www.zohoapis.com/crm/v8/Leads
  echo '{\"error\":\"invalid_code\"}' | zck token parse - --status 200

Exit codes: 0 a token was issued, 1 an error body or an error finding, 2 the file cannot be read.")]
    Parse {
        /// The response body file, or `-` for standard input.
        input: String,
        /// The HTTP status.
        #[arg(long)]
        status: Option<u16>,
        /// When the token was issued, epoch milliseconds.
        #[arg(long)]
        issued_at: Option<u64>,
        /// Refresh this many minutes before expiry (default 10).
        #[arg(long)]
        margin_minutes: Option<u32>,
        /// A URL to be called with the token (checked against api_domain).
        #[arg(long)]
        call_url: Option<String>,
        /// Which request produced the response.
        #[arg(long, value_parser = ["exchange", "refresh"])]
        grant: Option<String>,
        /// Show the tokens.
        #[arg(long)]
        reveal: bool,
    },
    /// Would the next token request be throttled, and from when would it pass?
    #[command(after_help = "\
The input is JSON: {\"kind\": \"accessToken\" | \"grantCode\" | \"refreshToken\", \"events\": [{\"at\": epochMs}], \"at\": epochMs}

Examples:
  zck token throttle events.json
  zck token throttle events.json --format json

Exit codes: 0 the request passes, 1 it would be throttled (or the input has an error), 2 unreadable input.")]
    Throttle {
        /// The JSON input file, or `-` for standard input.
        input: String,
    },
    /// Zoho's token limits, every value with its source (conflicting sources all shown).
    #[command(after_help = "\
Examples:
  zck token limits
  zck token limits --format json")]
    Limits,
    /// The official SDKs' token table (oauthtoken) as SQL, and the extension's stored record.
    #[command(after_help = "\
Examples:
  zck token schema > oauthtoken.sql
  zck token schema --format json")]
    Schema,
}

pub fn run(args: TokenArgs) -> Exit {
    let format = args.format;
    match args.command {
        TokenCommand::Requests { input, reveal, dc } => requests(&input, reveal, dc, format),
        TokenCommand::Parse { input, status, issued_at, margin_minutes, call_url, grant, reveal } => {
            let text = match read_text(&input) {
                Ok(t) => t,
                Err(exit) => return exit,
            };
            let grant = match grant.as_deref() {
                Some("exchange") => Some(RequestKind::Exchange),
                Some("refresh") => Some(RequestKind::Refresh),
                _ => None,
            };
            let input = TokenResponseInput {
                body: Some(serde_json::Value::String(text)),
                status,
                issued_at,
                refresh_margin_minutes: margin_minutes,
                call_url,
                grant,
                reveal: Some(reveal),
            };
            parse(&input, format)
        }
        TokenCommand::Throttle { input } => {
            let input: ThrottleInput = match read_json(&input, format) {
                Ok(i) => i,
                Err(exit) => return exit,
            };
            let answer = check_throttle(&input);
            let exit = if answer.throttled { Exit::Findings } else { Exit::from_diagnostics(&answer.diagnostics) };
            if format == Format::Json {
                print_json(&answer);
                return exit;
            }
            if answer.kind.is_some() {
                if answer.throttled {
                    line(&format!("throttled at {}: passes at {}", answer.at, answer.passes_at.unwrap_or(answer.at)));
                } else if answer.evicts_oldest {
                    line(&format!("passes at {}, but evicts the oldest refresh token", answer.at));
                } else {
                    line(&format!("passes at {}", answer.at));
                }
                line(&answer.note);
                // Every source of the limit, the applied one first (refresh tokens: CRM v3 and v2 differ).
                for source in &answer.sources {
                    line(&format!("source: {}", zoho_connector_kit::source::describe(source)));
                }
            }
            print_diagnostics(&answer.diagnostics);
            exit
        }
        TokenCommand::Limits => {
            if format == Format::Json {
                print_json(token_limits());
                return Exit::Ok;
            }
            for limit in token_limits() {
                let per = if limit.per.is_empty() { String::new() } else { format!(" (per {})", limit.per) };
                let agree = if limit.sources_agree { "" } else { " — sources differ, all shown" };
                line(&format!("{}{per}{agree}", limit.title));
                for v in limit.values {
                    line(&format!("  {}: {} [{}]", v.value, v.detail, zoho_connector_kit::source::describe(v.source)));
                }
            }
            Exit::Ok
        }
        TokenCommand::Schema => {
            let schema = token_store_schema();
            if format == Format::Json {
                print_json(&schema);
                return Exit::Ok;
            }
            line(&format!(
                "-- database {} (default of the official SDKs); source: {}",
                schema.database,
                zoho_connector_kit::source::describe(schema.source)
            ));
            line(schema.ddl.trim_end());
            line("-- the extension's stored record (JSON); fields marked secret only when the user opts in:");
            for c in schema.extension_record {
                line(&format!(
                    "--   {}: {}{} — {}",
                    c.name,
                    c.sql_type,
                    if c.secret { " (secret)" } else { "" },
                    c.meaning
                ));
            }
            Exit::Ok
        }
    }
}

fn requests(path: &str, reveal: bool, dc: AccountDc, format: Format) -> Exit {
    let value: serde_json::Value = match read_json(path, format) {
        Ok(v) => v,
        Err(exit) => return exit,
    };
    // The file Export JSON writes is a whole connection config: take it as `config`, as it is.
    let parsed = if is_config_shape(&value) {
        parse_json_value::<ConnectionConfigInput>(value)
            .map(|config| TokenRequestInput { config: Some(config), ..TokenRequestInput::default() })
    } else {
        parse_json_value::<TokenRequestInput>(value)
    };
    let mut input = match parsed {
        Ok(i) => i,
        Err(e) => return report_input_error(path, e, format),
    };
    if let Some(key) = dc.key() {
        input.data_center = Some(key);
    }
    if reveal {
        input.reveal = Some(true);
    }
    let result = build_token_requests(&input);
    let exit = Exit::from_diagnostics(&result.diagnostics);
    if format == Format::Json {
        print_json(&result);
        return exit;
    }
    for (name, request) in [("exchange", &result.exchange), ("refresh", &result.refresh), ("revoke", &result.revoke)] {
        let Some(request) = request else { continue };
        line(&format!("# {name}: {} {}", request.method, request.url));
        line(&request.curl);
        if let Some(deluge) = &request.deluge {
            line(&format!("// {name} in Deluge"));
            line(deluge.trim_end());
        }
        line("");
    }
    print_diagnostics(&result.diagnostics);
    exit
}

fn parse(input: &TokenResponseInput, format: Format) -> Exit {
    let r = parse_token_response(input);
    let exit = if r.ok { Exit::from_diagnostics(&r.diagnostics) } else { Exit::Findings };
    if format == Format::Json {
        print_json(&r);
        return exit;
    }
    if r.ok {
        if let Some(h) = &r.authorization_header {
            line(&format!("{}: {}", h.name, h.value));
        }
        if let Some(domain) = &r.api_domain {
            line(&format!("api_domain: {domain}"));
        }
        if let Some(ms) = r.expires_in_ms {
            line(&format!("lifetime: {} s", ms / 1000));
        }
        if let (Some(exp), Some(refresh)) = (r.expires_at, r.refresh_at) {
            line(&format!("expires at: {exp} (epoch ms); refresh at: {refresh}"));
        }
        line(&format!("refresh token: {}", r.refresh_token.as_deref().unwrap_or("none")));
        if !r.scopes.is_empty() {
            line(&format!("scopes: {}", r.scopes.join(", ")));
        }
    }
    if let Some(e) = &r.error {
        line(&format!("{}: {}", e.code, e.title));
        for (i, cause) in e.likely_causes.iter().enumerate() {
            line(&format!("  {}. {}", i + 1, cause.explanation));
        }
        for fix in &e.fixes {
            line(&format!("fix: {fix}"));
        }
    }
    print_diagnostics(&r.diagnostics);
    exit
}
