//! An external service as the provider (Zoho is its OAuth client).

use crate::authorization::ScopesInput;
use crate::code::Code;
use crate::connection::{ConnectionConfigInput, GrantType};
use crate::diagnostic::Diagnostic;
use crate::scope;

pub(super) fn check_external_provider(input: &ConnectionConfigInput, grant: GrantType, out: &mut Vec<Diagnostic>) {
    let scopes = input.scope_list();
    if let Some((i, s)) = scopes.iter().enumerate().find(|(_, s)| scope::is_zoho_scope(s)) {
        let path = match input.scopes {
            Some(ScopesInput::List(_)) => format!("scopes[{i}]"),
            _ => "scopes".into(),
        };
        out.push(
            Diagnostic::warning(
                Code::ConnectionZohoScopeForExternal,
                path,
                format!("`{s}` is a Zoho scope, but the OAuth URLs belong to an external service, which will not know it."),
            )
            .with_fix("Use the scopes the external service documents, or point the OAuth URLs at Zoho's accounts server if Zoho is the provider."),
        );
    }
    if scopes.is_empty() {
        out.push(
            Diagnostic::info(
                Code::ConnectionNoScopes,
                "scopes",
                "No scope is given; that is fine only if the provider needs none.",
            )
            .with_fix("Add the scopes the provider documents for the APIs you call."),
        );
    }
    if grant == GrantType::AuthorizationCode && input.url_field("refreshUrl").is_none() {
        out.push(
            Diagnostic::info(
                Code::ConnectionRefreshUrlMissing,
                "refreshUrl",
                "No refresh URL is given; if the provider's access tokens expire, the connection stops working when they do.",
            )
            .with_fix("Give the provider's refresh-token URL (often the token URL) if its tokens expire."),
        );
    }
}
