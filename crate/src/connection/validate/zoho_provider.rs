//! Zoho itself as the provider: every OAuth URL on the accounts server of the admin's data center, with Zoho's
//! paths; access_type=offline; the refresh and revoke URLs; the token in a header; at least one scope.

use super::oauth2::OAuth2Connection;
use super::url::with_param;
use super::{AUTH_SRC, ENDPOINT_SRC, MULTI_DC_SRC, OFFLINE_SRC};
use crate::code::Code;
use crate::connection::{ConfigField, ParamType};
use crate::data_center::{self, DataCenterId, HostRole, Match};
use crate::diagnostic::Diagnostic;

fn expected_path(field: &str) -> &'static str {
    match field {
        "authorizeUrl" => "/oauth/v2/auth",
        "revokeUrl" => "/oauth/v2/token/revoke",
        _ => "/oauth/v2/token",
    }
}

pub(super) fn check_zoho_provider(c: &OAuth2Connection<'_>, out: &mut Vec<Diagnostic>) {
    let given_dc = if c.dc_field == Some("dataCenter") { c.dc } else { None };
    let mut first_accounts: Option<(&'static str, String)> = None;
    for (field, url) in &c.urls {
        check_zoho_url(field, url, given_dc, &mut first_accounts, out);
    }
    if let Some(authorize) = c.url("authorizeUrl") {
        if c.authorization_code() {
            check_authorize_query(authorize, out);
        }
    }
    suggest_missing_urls(c, out);
    let input = c.input;
    if input.param_type.as_deref().and_then(ParamType::parse) == Some(ParamType::Query) {
        out.push(
            Diagnostic::warning(
                Code::ConnectionParamTypeQuery,
                "paramType",
                "Zoho APIs take the access token in the Authorization header (`Zoho-oauthtoken …`), not in the query string.",
            )
            .with_fix("Set paramType to \"header\".")
            .with_source("zoho-facts.md §2e: PY8 constants; manageengine analytics-plus refresh-token.html (Zoho IAM)"),
        );
    }
    if !input.given(ConfigField::Scopes) {
        out.push(
            Diagnostic::error(
                Code::ConnectionMissingScopes,
                "scopes",
                "No scope is given; Zoho requires at least one.",
            )
            .with_fix("Add the scopes the connection needs, e.g. ZohoCRM.modules.ALL.")
            .with_source(AUTH_SRC),
        );
    }
}

/// One OAuth URL of a Zoho provider: a Zoho host, the accounts server, the path, the data center, one server.
fn check_zoho_url(
    field: &'static str,
    url: &url::Url,
    given_dc: Option<DataCenterId>,
    first_accounts: &mut Option<(&'static str, String)>,
    out: &mut Vec<Diagnostic>,
) {
    let host = url.host_str().unwrap_or("").to_ascii_lowercase();
    let found = data_center::detect(url.as_str());
    let Some(url_dc) = found.data_center else {
        let zoho_field = first_accounts.as_ref().map_or("another URL", |(f, _)| *f);
        out.push(
            Diagnostic::error(
                Code::ConnectionZohoMixedHosts,
                field,
                format!("{field} is on {host}, but the provider is Zoho ({zoho_field} is on a Zoho host): one service issues all tokens."),
            )
            .with_fix("Put every OAuth URL on the same Zoho accounts server.")
            .with_source(ENDPOINT_SRC),
        );
        return;
    };
    let entry = data_center::lookup(given_dc.unwrap_or(url_dc));
    if found.matched == Some(Match::Corrected) {
        for d in found.diagnostics {
            if d.code == Code::DcWrongHost {
                let mut d = d;
                d.path = field.to_string();
                out.push(d);
            }
        }
        return;
    }
    if found.role != Some(HostRole::AccountsServer) {
        out.push(
            Diagnostic::error(
                Code::ConnectionZohoNotAccountsHost,
                field,
                format!(
                    "{field} is on {host}, which is not Zoho's accounts server; OAuth endpoints live on {}.",
                    entry.accounts_server.value
                ),
            )
            .with_fix(format!("Use {}{}.", entry.accounts_server.value, expected_path(field)))
            .with_source(ENDPOINT_SRC),
        );
        return;
    }
    check_zoho_path(field, url, url_dc, out);
    if let Some(expected) = given_dc.filter(|d| *d != url_dc) {
        check_zoho_dc(field, &host, url_dc, expected, out);
        return;
    }
    match first_accounts.as_ref() {
        None => *first_accounts = Some((field, host)),
        Some((first_field, first_host)) if *first_host != host => out.push(
            Diagnostic::error(
                Code::ConnectionZohoHostMismatch,
                field,
                format!("{field} is on {host} but {first_field} is on {first_host}: a grant from one accounts server cannot be exchanged or refreshed on another."),
            )
            .with_fix(format!("Put every OAuth URL on the accounts server of your data center ({first_host}?)."))
            .with_source(ENDPOINT_SRC),
        ),
        Some(_) => {}
    }
}

/// The path of a URL on Zoho's accounts server, with a hint for the usual mix-ups.
fn check_zoho_path(field: &'static str, url: &url::Url, url_dc: DataCenterId, out: &mut Vec<Diagnostic>) {
    let want = expected_path(field);
    if url.path() != want {
        let hint = match (field, url.path()) {
            (_, p) if p.trim_end_matches('/') == want => {
                " (only the trailing slash differs, and Zoho compares paths exactly)"
            }
            ("refreshUrl", "/oauth/v2/auth/refresh") => {
                " (/oauth/v2/auth/refresh is the browser SDK's implicit re-grant, not the refresh-token endpoint)"
            }
            ("refreshUrl", _) => " (refreshing uses the same endpoint as the token exchange)",
            ("authorizeUrl", "/oauth/v2/org/auth") => {
                " (/oauth/v2/org/auth is the org-level authorization, not a user's consent)"
            }
            _ => "",
        };
        out.push(
            Diagnostic::error(
                Code::ConnectionZohoWrongPath,
                field,
                format!("{field} has the path {}; Zoho's endpoint is {want}{hint}.", url.path()),
            )
            .with_fix(format!("Use {}{want}.", data_center::lookup(url_dc).accounts_server.value))
            .with_source(ENDPOINT_SRC),
        );
    }
}

/// A URL on the accounts server of another data center than the one given: an error, or the multi-DC consent start.
fn check_zoho_dc(
    field: &'static str,
    host: &str,
    url_dc: DataCenterId,
    expected: DataCenterId,
    out: &mut Vec<Diagnostic>,
) {
    let want = expected_path(field);
    let expected_entry = data_center::lookup(expected);
    let multi_dc_start = field == "authorizeUrl"
        && url_dc == DataCenterId::Us
        && !matches!(expected, DataCenterId::Cn | DataCenterId::Uk | DataCenterId::Ae);
    if multi_dc_start {
        out.push(
            Diagnostic::warning(
                Code::ConnectionAuthorizeMultiDc,
                field,
                format!(
                    "The authorize URL is on accounts.zoho.com while dataCenter is {expected}: Zoho forwards the consent to the account's data center, but the other URLs must then be on {}.",
                    expected_entry.accounts_server.value
                ),
            )
            .with_fix(format!("Use {}{} so that every URL is on one accounts server.", expected_entry.accounts_server.value, want))
            .with_source(MULTI_DC_SRC),
        );
    } else {
        let cn =
            if expected == DataCenterId::Cn { " China must start authorization at accounts.zoho.com.cn." } else { "" };
        out.push(
            Diagnostic::error(
                Code::ConnectionZohoDcMismatch,
                field,
                format!("{field} is on the accounts server of {url_dc} ({host}), but dataCenter is {expected}.{cn}"),
            )
            .with_fix(format!("Use {}{want}, or correct dataCenter.", expected_entry.accounts_server.value))
            .with_source(if cn.is_empty() { ENDPOINT_SRC } else { MULTI_DC_SRC }),
        );
    }
}

/// The refresh and revoke URLs Zoho needs, with the values of the data center.
fn suggest_missing_urls(c: &OAuth2Connection<'_>, out: &mut Vec<Diagnostic>) {
    let accounts = c.dc.map(|d| data_center::lookup(d).accounts_server.value);
    if c.authorization_code() && c.input.url_field("refreshUrl").is_none() {
        out.push(
            Diagnostic::warning(
                Code::ConnectionMissingRefreshUrl,
                "refreshUrl",
                "No refresh URL is given: Zoho access tokens last one hour, and without a refresh the connection stops working then.",
            )
            .with_fix(match accounts {
                Some(a) => format!("Set refreshUrl to {a}/oauth/v2/token (the same endpoint as the token URL)."),
                None => "Set refreshUrl to the token URL ({accounts}/oauth/v2/token).".into(),
            })
            .with_source("zoho-facts.md §2a, §2d: ACC access-token-expiry.html"),
        );
    }
    if c.input.url_field("revokeUrl").is_none() {
        out.push(
            Diagnostic::info(
                Code::ConnectionRevokeUrlSuggested,
                "revokeUrl",
                "No revoke URL is given; with one, Zoho can revoke the refresh token when the connection is removed.",
            )
            .with_fix(match accounts {
                Some(a) => format!("Set revokeUrl to {a}/oauth/v2/token/revoke."),
                None => "Set revokeUrl to {accounts}/oauth/v2/token/revoke.".into(),
            })
            .with_source(ENDPOINT_SRC),
        );
    }
}

fn check_authorize_query(url: &url::Url, out: &mut Vec<Diagnostic>) {
    let pairs: Vec<(String, String)> = url.query_pairs().map(|(k, v)| (k.into_owned(), v.into_owned())).collect();
    let access: Vec<&str> = pairs.iter().filter(|(k, _)| k == "access_type").map(|(_, v)| v.as_str()).collect();
    match access.as_slice() {
        [] => out.push(
            Diagnostic::warning(
                Code::ConnectionAccessTypeMissing,
                "authorizeUrl",
                "The authorize URL has no access_type=offline: Zoho's default is online, which issues no refresh token, so the connection dies after an hour.",
            )
            .with_fix(format!("Append ?access_type=offline: {}", with_param(url, "access_type", "offline")))
            .with_source(OFFLINE_SRC),
        ),
        ["offline"] => {}
        ["online"] => out.push(
            Diagnostic::warning(
                Code::ConnectionAccessTypeOnline,
                "authorizeUrl",
                "access_type=online issues no refresh token, so the connection dies after an hour.",
            )
            .with_fix("Use access_type=offline.")
            .with_source(OFFLINE_SRC),
        ),
        [other] => out.push(
            Diagnostic::error(
                Code::ConnectionAccessTypeInvalid,
                "authorizeUrl",
                format!("access_type={other} is not a value Zoho knows (offline or online)."),
            )
            .with_fix("Use access_type=offline.")
            .with_source(AUTH_SRC),
        ),
        _ => out.push(
            Diagnostic::warning(Code::ConnectionAccessTypeRepeated, "authorizeUrl", "access_type appears more than once in the authorize URL.")
                .with_fix("Keep one access_type=offline.")
                .with_source(AUTH_SRC),
        ),
    }
    let prompts: Vec<&str> = pairs.iter().filter(|(k, _)| k == "prompt").map(|(_, v)| v.as_str()).collect();
    match prompts.as_slice() {
        [] => out.push(
            Diagnostic::info(
                Code::ConnectionPromptConsentHint,
                "authorizeUrl",
                "Zoho returns a refresh token only the first time a user authorizes a client; reconnecting later gives none unless prompt=consent is sent.",
            )
            .with_fix("Add &prompt=consent if the connection may be re-authorized and needs a new refresh token.")
            .with_source(AUTH_SRC),
        ),
        ["consent"] => {}
        _ => out.push(
            Diagnostic::warning(Code::ConnectionPromptInvalid, "authorizeUrl", "The only documented prompt value is consent.")
                .with_fix("Use prompt=consent or remove prompt.")
                .with_source(AUTH_SRC),
        ),
    }
    for key in ["client_id", "redirect_uri", "scope", "response_type"] {
        if pairs.iter().any(|(k, _)| k == key) {
            out.push(
                Diagnostic::warning(
                    Code::ConnectionAuthorizeUrlParam,
                    "authorizeUrl",
                    format!("The authorize URL already carries {key}; Deluge adds it from the connection's own fields, so the request would hold it twice."),
                )
                .with_fix(format!("Remove {key} from the authorize URL and fill in its field instead."))
                .with_source("zoho-facts.md §8c: squarelabs guide (authorize URL is the endpoint plus access_type=offline)"),
            );
        }
    }
}
