//! The authentication type.

use super::fields::{present, unknown_value};
use super::FIELDS_SRC;
use crate::code::Code;
use crate::connection::{AuthType, ConnectionConfigInput};
use crate::diagnostic::Diagnostic;

pub(super) fn check_auth_type(input: &ConnectionConfigInput, out: &mut Vec<Diagnostic>) -> Option<AuthType> {
    let Some(text) = present(&input.auth_type) else {
        out.push(
            Diagnostic::error(Code::ConnectionMissingAuthType, "authType", "No authentication type was given.")
                .with_fix("Set authType to \"oauth2\", \"apiKey\" or \"basic\".")
                .with_source(FIELDS_SRC),
        );
        return None;
    };
    let parsed = AuthType::parse(text);
    if parsed.is_none() {
        let names = AuthType::NAMES.map(|(n, _)| n);
        out.push(
            unknown_value(
                Code::ConnectionUnknownAuthType,
                "authType",
                text,
                &names,
                &[
                    ("oauth20", "oauth2"),
                    ("oauth", "oauth2"),
                    ("oauth10", "oauth1"),
                    ("basicauth", "basic"),
                    ("basicauthentication", "basic"),
                    ("key", "apiKey"),
                ],
            )
            .with_source(FIELDS_SRC),
        );
    }
    parsed
}
