//! Checks kept apart from [`super::validate`]: the data center guessed from the URLs, and the secret an exported
//! config leaves out.
//!
//! - When the config gives no `dataCenter` and one was read from the URLs, the admin never said where the
//!   account lives: an EU account with `accounts.zoho.com` URLs is the classic `invalid_client`. That is a warning
//!   (`connection.data_center_guessed`), not a silent default.
//! - The extension's Export JSON writes the config without the client secret (or password) and with
//!   `schemaVersion`; in such a file the missing secret is a note (`connection.secret_not_exported`), not an error.
//!
//! ```
//! use zoho_connector_kit::connection::{validate_connection, ConnectionConfigInput};
//! let config: ConnectionConfigInput = serde_json::from_value(serde_json::json!({
//!     "serviceName": "Zoho CRM", "linkName": "zoho_crm", "authType": "oauth2",
//!     "clientId": "1000.GMB0YULZHJK411248S8I5GZ4CHUEX0", "clientSecret": "9f8e7d6c5b4a39281706f5e4d3c2b1a0",
//!     "authorizeUrl": "https://accounts.zoho.com/oauth/v2/auth?access_type=offline",
//!     "tokenUrl": "https://accounts.zoho.com/oauth/v2/token",
//!     "scopes": "ZohoCRM.modules.ALL"
//! })).unwrap();
//! let report = validate_connection(&config);
//! assert!(report.diagnostics.iter().any(|d| d.code == "connection.data_center_guessed"));
//! ```

use super::config::{ConnectionConfigInput, ResolvedDataCenter};
use crate::code::Code;
use crate::data_center;
use crate::diagnostic::{Diagnostic, Severity};

const MULTI_DC_SRC: &str = "zoho-accounts-multi-dc";

/// Adds the guessed-data-center warning and turns the missing-secret error of an exported config into a note.
pub(crate) fn check(input: &ConnectionConfigInput, resolved: &ResolvedDataCenter, out: &mut Vec<Diagnostic>) {
    guessed_data_center(input, resolved, out);
    exported_without_secret(input, out);
}

pub(crate) fn guessed_data_center(
    input: &ConnectionConfigInput,
    resolved: &ResolvedDataCenter,
    out: &mut Vec<Diagnostic>,
) {
    let given = input.data_center.as_deref().is_some_and(|t| !t.trim().is_empty());
    let (Some(id), Some(field)) = (resolved.id, resolved.field.as_deref()) else { return };
    if given || field == "dataCenter" {
        return;
    }
    let entry = data_center::lookup(id);
    out.push(
        Diagnostic::warning(
            Code::ConnectionDataCenterGuessed,
            "dataCenter",
            format!(
                "The data center ({}) was guessed from the URLs ({field}); where your Zoho account lives was never given.",
                entry.name
            ),
        )
        .with_fix(format!(
            "Say where the account lives: set Data center (dataCenter, or --account-dc in zck). If it is not {}, \
             these URLs give invalid_client.",
            id.key()
        ))
        .with_source(MULTI_DC_SRC),
    );
}

fn exported_without_secret(input: &ConnectionConfigInput, out: &mut [Diagnostic]) {
    if input.schema_version.is_none() {
        return;
    }
    for d in out.iter_mut() {
        let secret_field = d.path == "clientSecret" || d.path == "password";
        if d.code == Code::ConnectionMissingField && secret_field {
            let field = d.path.clone();
            *d = Diagnostic::info(
                Code::ConnectionSecretNotExported,
                field.clone(),
                format!("This exported config has no {field}: Export JSON leaves secrets out."),
            )
            .with_fix(format!("Type the {field} into Zoho's connection form; never share it in the file."));
            debug_assert_eq!(d.severity, Severity::Info);
        }
    }
}
