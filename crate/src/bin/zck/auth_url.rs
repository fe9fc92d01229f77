//! `zck auth-url`: the Zoho OAuth authorization URL.

use crate::account_dc::AccountDc;
use crate::output::{line, print_diagnostics, print_json, read_json, report_input_error, Exit, Format};
use clap::Args;
use serde_json::Value;
use zoho_connector_kit::connection::export::is_config_shape;
use zoho_connector_kit::input::parse_json_value;
use zoho_connector_kit::{build_authorization_url, AuthorizationInput, ConnectionConfigInput};

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

or the whole connection config the extension's Export JSON writes (as for zck validate): its data center,
client ID, scopes, redirect URI, and access_type / prompt from its authorize URL are used; with
dataCenter or --account-dc, its URLs on another data center are errors, as in zck validate.

Examples:
  zck auth-url auth.json
  zck auth-url exported.json --account-dc eu     the exported config for an EU account: its URLs on another
                                                 data center are the errors zck validate gives (no URL)
  cat auth.json | zck auth-url -
  zck auth-url auth.json --format json

Exit codes: 0 URL built, 1 an error finding (no URL), 2 the file cannot be read or parsed.")]
pub struct AuthUrlArgs {
    /// The JSON file (the fields above, or a whole connection config), or `-` for standard input.
    config: String,
    #[command(flatten)]
    dc: AccountDc,
    /// Output format.
    #[arg(long, value_enum, default_value_t = Format::Text)]
    format: Format,
}

pub fn run(args: AuthUrlArgs) -> Exit {
    let value: Value = match read_json(&args.config, args.format) {
        Ok(value) => value,
        Err(exit) => return exit,
    };
    let (mut input, mut found) = if is_config_shape(&value) {
        let mut config: ConnectionConfigInput = match parse_json_value(value) {
            Ok(c) => c,
            Err(e) => return report_input_error(&args.config, e, args.format),
        };
        if let Some(key) = args.dc.key() {
            config.data_center = Some(key);
        }
        AuthorizationInput::from_config(&config)
    } else {
        match parse_json_value::<AuthorizationInput>(value) {
            Ok(input) => (input, Vec::new()),
            Err(e) => return report_input_error(&args.config, e, args.format),
        }
    };
    if let Some(key) = args.dc.key() {
        input.data_center = Some(key);
    }
    let mut result = build_authorization_url(&input);
    if found.iter().any(|d| d.is_error()) {
        result.url = None;
    }
    found.append(&mut result.diagnostics);
    found.sort_by_key(|d| std::cmp::Reverse(d.severity));
    result.diagnostics = found;
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
