//! `zck auth-url`: the Zoho OAuth authorization URL.

use crate::output::{line, print_diagnostics, print_json, read_json, Exit, Format};
use clap::Args;
use zoho_connector_kit::{build_authorization_url, AuthorizationInput};

#[derive(Debug, Args)]
#[command(after_help = "\
The config is JSON with the fields dataCenter, clientId, scopes, redirectUri and optionally
accessType (offline|online, default offline), prompt (consent) and state (random when absent):

  {
    \"dataCenter\": \"eu\",
    \"clientId\": \"1000.GMB0YULZHJK411248S8I5GZ4CHUEX0\",
    \"scopes\": [\"ZohoCRM.modules.ALL\", \"ZohoCRM.settings.fields.READ\"],
    \"redirectUri\": \"https://dre.zoho.eu/delugeauth/callback\"
  }

Examples:
  zck auth-url connection.json
  cat connection.json | zck auth-url -
  zck auth-url connection.json --format json

Exit codes: 0 URL built, 1 an error finding (no URL), 2 the file cannot be read or parsed.")]
pub struct AuthUrlArgs {
    /// The JSON config file, or `-` for standard input.
    config: String,
    /// Output format.
    #[arg(long, value_enum, default_value_t = Format::Text)]
    format: Format,
}

pub fn run(args: AuthUrlArgs) -> Exit {
    let input: AuthorizationInput = match read_json(&args.config, args.format) {
        Ok(input) => input,
        Err(exit) => return exit,
    };
    let result = build_authorization_url(&input);
    let exit = Exit::from_diagnostics(&result.diagnostics);
    if args.format == Format::Json {
        print_json(&result);
        return exit;
    }
    if let Some(url) = &result.url {
        line(url);
    }
    print_diagnostics(&result.diagnostics);
    exit
}
