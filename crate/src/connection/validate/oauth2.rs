//! OAuth 2: the grant, the fields it needs, the client, the URLs; then the provider, redirect and scope checks over
//! the [`OAuth2Connection`] read from them.

use super::client::check_client;
use super::external_provider::check_external_provider;
use super::fields::{not_used, present, require, unknown_value};
use super::redirect::check_redirect;
use super::scopes::check_scope_fields;
use super::url::{check_token_url_query, check_url};
use super::zoho_provider::check_zoho_provider;
use super::{CALLBACK_SRC, ENDPOINT_SRC};
use crate::code::Code;
use crate::connection::config::OAUTH_URL_FIELDS;
use crate::connection::{
    AuthType, ConfigField, ConnectionConfigInput, GrantType, ParamType, ProviderKind, ScopeDelimiter,
};
use crate::data_center::DataCenterId;
use crate::diagnostic::Diagnostic;

/// An OAuth 2 connection read from the input: the grant, the provider, the admin's data center and the URLs that
/// parsed. The provider, redirect and scope checks take this instead of re-reading the input.
pub(super) struct OAuth2Connection<'a> {
    /// The config as given.
    pub input: &'a ConnectionConfigInput,
    /// The grant (`authorizationCode` when absent or unknown).
    pub grant: GrantType,
    /// Who issues the tokens.
    pub kind: ProviderKind,
    /// The admin's data center, when known.
    pub dc: Option<DataCenterId>,
    /// The field the data center was read or detected from.
    pub dc_field: Option<&'a str>,
    /// The OAuth URL fields that parsed, in [`OAUTH_URL_FIELDS`] order (`authorizeUrl` skipped for client credentials).
    pub urls: Vec<(&'static str, url::Url)>,
    /// The redirect URI, when it parsed (authorization-code grant only).
    pub redirect: Option<url::Url>,
}

impl OAuth2Connection<'_> {
    pub(super) fn url(&self, field: &str) -> Option<&url::Url> {
        self.urls.iter().find(|(f, _)| *f == field).map(|(_, u)| u)
    }

    pub(super) fn authorization_code(&self) -> bool {
        self.grant == GrantType::AuthorizationCode
    }
}

pub(super) fn check_oauth2(
    input: &ConnectionConfigInput,
    kind: ProviderKind,
    dc: Option<DataCenterId>,
    dc_field: Option<&str>,
    out: &mut Vec<Diagnostic>,
) {
    let grant = check_grant(input, out);
    not_used(input, ConfigField::only_for(AuthType::ApiKey), "with OAuth 2", out);
    not_used(input, ConfigField::only_for(AuthType::Basic), "with OAuth 2", out);
    check_enum_fields(input, out);
    check_client(input, kind, out);
    let c = read_urls(input, grant, kind, dc, dc_field, out);
    match c.kind {
        ProviderKind::Zoho => check_zoho_provider(&c, out),
        ProviderKind::External => check_external_provider(input, grant, out),
        ProviderKind::Undetermined => {}
    }
    if c.authorization_code() && c.kind != ProviderKind::Undetermined {
        check_redirect(input, c.kind, c.dc, c.redirect.as_ref(), out);
    }
    let dc_given = present(&input.data_center).is_some();
    if dc.is_none() && !dc_given && kind != ProviderKind::Undetermined && c.authorization_code() {
        out.push(
            Diagnostic::warning(
                Code::ConnectionDataCenterUnknown,
                "dataCenter",
                "The data center of your Zoho account is not given and cannot be told from the URLs, so the redirect URI cannot be checked.",
            )
            .with_fix("Set dataCenter to the key of your Zoho account's data center (us, eu, in, au, cn, jp, ca, sa).")
            .with_source(CALLBACK_SRC),
        );
    }
    check_scope_fields(input, kind, out);
}

/// The grant type, and the fields it needs or does not use.
fn check_grant(input: &ConnectionConfigInput, out: &mut Vec<Diagnostic>) -> GrantType {
    use ConfigField::{AuthorizeUrl, ClientId, ClientSecret, RedirectUri, TokenUrl};
    let grant = match present(&input.grant_type) {
        None => GrantType::AuthorizationCode,
        Some(text) => match GrantType::parse(text) {
            Some(g) => g,
            None => {
                let names = GrantType::NAMES.map(|(n, _)| n);
                out.push(
                    unknown_value(Code::ConnectionUnknownGrantType, "grantType", text, &names, &[])
                        .with_source("zoho-facts.md §8c: Writer article (authorization code, client credentials)"),
                );
                GrantType::AuthorizationCode
            }
        },
    };
    match grant {
        GrantType::AuthorizationCode => {
            require(input, &[ClientId, ClientSecret, AuthorizeUrl, TokenUrl], "for OAuth 2", out)
        }
        GrantType::ClientCredentials => {
            require(input, &[ClientId, ClientSecret, TokenUrl], "for the client-credentials grant", out);
            not_used(
                input,
                [AuthorizeUrl, RedirectUri],
                "by the client-credentials grant (there is no user consent step)",
                out,
            );
        }
    }
    grant
}

/// Checks the shape of every URL and builds the connection from the ones that parsed.
fn read_urls<'a>(
    input: &'a ConnectionConfigInput,
    grant: GrantType,
    kind: ProviderKind,
    dc: Option<DataCenterId>,
    dc_field: Option<&'a str>,
    out: &mut Vec<Diagnostic>,
) -> OAuth2Connection<'a> {
    let mut urls: Vec<(&'static str, url::Url)> = Vec::new();
    for field in OAUTH_URL_FIELDS {
        if grant == GrantType::ClientCredentials && field == "authorizeUrl" {
            continue;
        }
        if let Some(url) = check_url(input, field, out) {
            urls.push((field, url));
        }
    }
    let redirect = if grant == GrantType::AuthorizationCode { check_url(input, "redirectUri", out) } else { None };
    let c = OAuth2Connection { input, grant, kind, dc, dc_field, urls, redirect };
    if let (Some(a), Some(t)) = (c.url("authorizeUrl"), c.url("tokenUrl")) {
        if a.origin() == t.origin() && a.path() == t.path() {
            out.push(
                Diagnostic::error(
                    Code::ConnectionAuthorizeEqualsToken,
                    "tokenUrl",
                    "The token URL is the same as the authorize URL: the authorize URL is the consent page, the token URL is where codes are exchanged for tokens.",
                )
                .with_fix("Give the provider's token (access-token) endpoint in tokenUrl.")
                .with_source(ENDPOINT_SRC),
            );
        }
    }
    for (field, url) in &c.urls {
        if *field != "authorizeUrl" {
            check_token_url_query(field, url, kind, out);
        }
    }
    c
}

fn check_enum_fields(input: &ConnectionConfigInput, out: &mut Vec<Diagnostic>) {
    if let Some(text) = present(&input.scope_delimiter) {
        if ScopeDelimiter::parse(text).is_none() {
            let names = ScopeDelimiter::NAMES.map(|(n, _)| n);
            out.push(
                unknown_value(
                    Code::ConnectionUnknownScopeDelimiter,
                    "scopeDelimiter",
                    text,
                    &names,
                    &[(",", "comma"), (" ", "space"), ("+", "plus")],
                )
                .with_source("zoho-facts.md §8c: Writer article (comma, space or plus; default comma)"),
            );
        }
    } else if input.scope_delimiter.as_deref() == Some(" ") {
        out.push(unknown_value(
            Code::ConnectionUnknownScopeDelimiter,
            "scopeDelimiter",
            " ",
            &["comma", "space", "plus"],
            &[(" ", "space")],
        ));
    }
    if let Some(text) = present(&input.param_type) {
        if ParamType::parse(text).is_none() {
            let names = ParamType::NAMES.map(|(n, _)| n);
            out.push(
                unknown_value(Code::ConnectionUnknownParamType, "paramType", text, &names, &[("querystring", "query")])
                    .with_source("zoho-facts.md §8c: Writer article (query string or header)"),
            );
        }
    }
}
