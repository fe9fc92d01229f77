//! The file itself: its format version, and the rules of the preset it started from.

use super::fields::present;
use crate::authorization::ScopesInput;
use crate::code::Code;
use crate::connection::config::CONFIG_SCHEMA_VERSION;
use crate::connection::ConnectionConfigInput;
use crate::diagnostic::Diagnostic;

pub(super) fn check_preset_and_version(input: &ConnectionConfigInput, out: &mut Vec<Diagnostic>) {
    if let Some(v) = input.schema_version.filter(|v| *v > CONFIG_SCHEMA_VERSION) {
        out.push(
            Diagnostic::error(
                Code::ConnectionSchemaNewer,
                "schemaVersion",
                format!(
                    "This file uses format version {v}; this version of the tool reads up to {}.",
                    CONFIG_SCHEMA_VERSION
                ),
            )
            .with_fix("Update zoho-connector-kit, or export the profile again from the version that reads it."),
        );
    }
    let Some(id) = present(&input.preset) else { return };
    let Some(preset) = crate::preset::find(id) else {
        out.push(crate::preset::unknown(id));
        return;
    };
    let scopes = input.scopes.as_ref().map(ScopesInput::to_list).unwrap_or_default();
    let view = crate::preset::PresetCheck {
        urls: [
            ("authorizeUrl", input.authorize_url.as_deref()),
            ("tokenUrl", input.token_url.as_deref()),
            ("refreshUrl", input.refresh_url.as_deref()),
            ("revokeUrl", input.revoke_url.as_deref()),
        ],
        scopes: &scopes,
        scope_delimiter: input.scope_delimiter.as_deref().map(str::trim),
    };
    out.extend(crate::preset::check(preset, &view));
}
