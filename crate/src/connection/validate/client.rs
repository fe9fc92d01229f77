//! The OAuth client: its id and secret (never echoed).

use super::fields::{placeholder_kind, present, secret_present};
use super::CLIENT_ID_SRC;
use crate::authorization::looks_like_zoho_client_id;
use crate::code::Code;
use crate::connection::{ConnectionConfigInput, ProviderKind};
use crate::diagnostic::Diagnostic;

pub(super) fn check_client(input: &ConnectionConfigInput, kind: ProviderKind, out: &mut Vec<Diagnostic>) {
    let id = present(&input.client_id);
    if let Some(id) = id {
        if let Some(what) = placeholder_kind(id) {
            out.push(
                Diagnostic::error(Code::ConnectionClientIdPlaceholder, "clientId", format!("The client ID is {what}."))
                    .with_fix("Copy the Client ID from the provider's app settings (for Zoho: the API console)."),
            );
        } else if id.trim() != id || id.contains(char::is_whitespace) {
            out.push(
                Diagnostic::warning(
                    Code::ConnectionClientIdWhitespace,
                    "clientId",
                    "The client ID holds spaces or line breaks.",
                )
                .with_fix("Copy the Client ID again without surrounding spaces."),
            );
        } else if kind == ProviderKind::Zoho && !looks_like_zoho_client_id(id) {
            out.push(
                Diagnostic::warning(
                    Code::ConnectionClientIdShape,
                    "clientId",
                    "This client ID does not look like Zoho's: every Zoho example is `1000.` followed by 30 uppercase letters and digits.",
                )
                .with_fix("Copy the Client ID again from the API console of your data center.")
                .with_source(CLIENT_ID_SRC),
            );
        }
    }
    let Some(secret) = secret_present(&input.client_secret) else { return };
    let value = secret.expose();
    if let Some(what) = placeholder_kind(value) {
        out.push(
            Diagnostic::error(Code::ConnectionClientSecretPlaceholder, "clientSecret", format!("The client secret is {what}."))
                .with_fix("Copy the Client Secret from the provider's app settings (for Zoho: the API console, Client Secret tab)."),
        );
        return;
    }
    if id.is_some_and(|id| id.trim() == value.trim()) {
        out.push(
            Diagnostic::error(
                Code::ConnectionClientSecretEqualsId,
                "clientSecret",
                "The client secret is the same as the client ID.",
            )
            .with_fix("Copy the Client Secret, not the Client ID, into clientSecret."),
        );
        return;
    }
    if value.trim() != value {
        out.push(
            Diagnostic::warning(
                Code::ConnectionClientSecretWhitespace,
                "clientSecret",
                "The client secret starts or ends with spaces or a line break; the provider will reject it.",
            )
            .with_fix("Copy the Client Secret again without surrounding spaces."),
        );
    }
    let t = value.trim();
    if t.starts_with("1000.") && t.matches('.').count() == 2 {
        out.push(
            Diagnostic::warning(
                Code::ConnectionClientSecretLooksLikeToken,
                "clientSecret",
                "The client secret has the shape of a Zoho grant code or token (`1000.…….……`), not of a client secret.",
            )
            .with_fix("Copy the Client Secret from the API console; codes and tokens are not secrets of the client.")
            .with_source("zoho-facts.md §2f: observed formats of codes/tokens and secrets (not a rule)"),
        );
    } else if t.starts_with("1000.") && looks_like_zoho_client_id(t) {
        out.push(
            Diagnostic::error(
                Code::ConnectionClientSecretIsClientId,
                "clientSecret",
                "The client secret has the shape of a Zoho client ID.",
            )
            .with_fix("Copy the Client Secret, not a Client ID, into clientSecret.")
            .with_source(CLIENT_ID_SRC),
        );
    }
}
