//! API key and basic authentication: the fields they need, the ones they do not use, and their values.

use super::fields::{not_used, placeholder_kind, present, require, secret_present, unknown_value};
use crate::code::Code;
use crate::connection::{AuthType, ConfigField, ConnectionConfigInput, KeyPlacement};
use crate::diagnostic::Diagnostic;

pub(super) fn check_api_key(input: &ConnectionConfigInput, out: &mut Vec<Diagnostic>) {
    require(input, &[ConfigField::KeyName, ConfigField::Placement], "for an API key", out);
    not_used(input, ConfigField::only_for(AuthType::OAuth2), "with an API key", out);
    not_used(input, ConfigField::only_for(AuthType::Basic), "with an API key", out);
    if let Some(text) = present(&input.placement) {
        if KeyPlacement::parse(text).is_none() {
            let names = KeyPlacement::NAMES.map(|(n, _)| n);
            out.push(
                unknown_value(
                    Code::ConnectionUnknownPlacement,
                    "placement",
                    text,
                    &names,
                    &[("querystring", "query"), ("body", "formData"), ("form", "formData")],
                )
                .with_source("zoho-facts.md §8c: QEngine article (query string, form data, header)"),
            );
        }
    }
    if let Some(name) = present(&input.key_name) {
        if name.trim() != name || name.contains(char::is_whitespace) {
            out.push(
                Diagnostic::warning(
                    Code::ConnectionKeyNameWhitespace,
                    "keyName",
                    format!("The key name `{name}` holds spaces; the provider will not recognise the parameter."),
                )
                .with_fix(format!(
                    "Use \"{}\" exactly as the provider documents it.",
                    name.split_whitespace().collect::<String>()
                )),
            );
        }
        if let Some(kind) = placeholder_kind(name) {
            out.push(
                Diagnostic::error(Code::ConnectionKeyNamePlaceholder, "keyName", format!("The key name is {kind}."))
                    .with_fix("Give the parameter or header name the provider documents, e.g. api_key or X-API-Key."),
            );
        }
    }
}

pub(super) fn check_basic(input: &ConnectionConfigInput, out: &mut Vec<Diagnostic>) {
    require(input, &[ConfigField::Username, ConfigField::Password], "for basic authentication", out);
    not_used(input, ConfigField::only_for(AuthType::OAuth2), "with basic authentication", out);
    not_used(input, ConfigField::only_for(AuthType::ApiKey), "with basic authentication", out);
    if let Some(user) = present(&input.username) {
        if user.contains(':') {
            out.push(
                Diagnostic::error(
                    Code::ConnectionUsernameColon,
                    "username",
                    "The user name holds a `:`; basic authentication joins user name and password with `:`, so the provider would split it wrongly.",
                )
                .with_fix("Use the user name without `:` (for API tokens, the provider's docs say which part goes where).")
                .with_source("zoho-facts.md §8c: QEngine article (user name and password base64-encoded in a header)"),
            );
        }
        if let Some(kind) = placeholder_kind(user) {
            out.push(
                Diagnostic::error(Code::ConnectionUsernamePlaceholder, "username", format!("The user name is {kind}."))
                    .with_fix("Give the real user name."),
            );
        }
    }
    if let Some(password) = secret_present(&input.password) {
        if let Some(kind) = placeholder_kind(password.expose()) {
            out.push(
                Diagnostic::error(Code::ConnectionPasswordPlaceholder, "password", format!("The password is {kind}."))
                    .with_fix("Give the real password (it is never shown in findings)."),
            );
        }
    }
}
