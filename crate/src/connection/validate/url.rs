//! The shape of each URL field: whitespace, placeholders, scheme, user info, fragment, https, secrets in the query.

use super::AUTH_SRC;
use crate::code::Code;
use crate::connection::{ConnectionConfigInput, ProviderKind};
use crate::diagnostic::Diagnostic;

/// Masks userinfo and secret-bearing query values, so a URL can appear in a message.
pub(super) fn shown(url: &url::Url) -> String {
    let mut u = url.clone();
    let _ = u.set_username("");
    let _ = u.set_password(None);
    if u.query().is_some() {
        let pairs: Vec<(String, String)> = u
            .query_pairs()
            .map(|(k, v)| {
                let secret = matches!(
                    k.as_ref(),
                    "client_secret" | "refresh_token" | "code" | "password" | "token" | "access_token"
                );
                (k.into_owned(), if secret { "[redacted]".into() } else { v.into_owned() })
            })
            .collect();
        u.query_pairs_mut().clear().extend_pairs(pairs);
    }
    u.to_string()
}

pub(super) fn check_url(
    input: &ConnectionConfigInput,
    field: &'static str,
    out: &mut Vec<Diagnostic>,
) -> Option<url::Url> {
    let raw = match field {
        "authorizeUrl" => input.authorize_url.as_deref(),
        "tokenUrl" => input.token_url.as_deref(),
        "refreshUrl" => input.refresh_url.as_deref(),
        "revokeUrl" => input.revoke_url.as_deref(),
        _ => input.redirect_uri.as_deref(),
    }?;
    let text = raw.trim();
    if text.is_empty() {
        return None;
    }
    if text != raw {
        out.push(
            Diagnostic::warning(
                Code::ConnectionUrlWhitespace,
                field,
                format!("{field} starts or ends with spaces or a line break."),
            )
            .with_fix("Remove the surrounding whitespace; Zoho compares URLs exactly."),
        );
    }
    if text.contains(['{', '}', '<', '>'])
        || text.to_ascii_lowercase().contains("your_")
        || text.to_ascii_lowercase().contains("your-")
    {
        out.push(
            Diagnostic::error(
                Code::ConnectionUrlPlaceholder,
                field,
                format!("{field} still holds a placeholder (`{{…}}`, `<…>` or YOUR_…)."),
            )
            .with_fix("Replace the placeholder with the real value, e.g. your store or account name."),
        );
        return None;
    }
    if !text.contains("://") {
        out.push(
            Diagnostic::error(Code::ConnectionUrlNoScheme, field, format!("{field} has no scheme: `{text}`."))
                .with_fix(format!("Write the full URL: https://{text}")),
        );
        return None;
    }
    let url = match crate::url_text::parse(text) {
        Ok(u) if u.host_str().is_some_and(|h| !h.is_empty()) => u,
        Ok(_) | Err(_) => {
            out.push(
                Diagnostic::error(Code::ConnectionUrlInvalid, field, format!("{field} is not a valid URL."))
                    .with_fix("Give a full https:// URL without spaces."),
            );
            return None;
        }
    };
    if !url.username().is_empty() || url.password().is_some() {
        out.push(
            Diagnostic::error(
                Code::ConnectionUrlUserinfo,
                field,
                format!("{field} carries a user name or password before the host."),
            )
            .with_fix("Remove the `user:password@` part; credentials belong in their own fields, never in a URL."),
        );
    }
    if url.fragment().is_some() {
        out.push(
            Diagnostic::error(
                Code::ConnectionUrlFragment,
                field,
                format!("{field} has a `#…` fragment, which is never sent to the server."),
            )
            .with_fix(format!("Remove the fragment: {}", {
                let mut u = url.clone();
                u.set_fragment(None);
                shown(&u)
            })),
        );
    }
    match url.scheme() {
        "https" => {}
        "http" if field == "redirectUri" => {} // judged with the redirect rules
        scheme => {
            let message = if field == "redirectUri" {
                format!("The redirect URI uses `{scheme}:`; only http:// and https:// are accepted.")
            } else {
                format!("{field} uses `{scheme}:`, not https: codes, secrets and tokens would travel unencrypted.")
            };
            out.push(
                Diagnostic::error(Code::ConnectionUrlNotHttps, field, message)
                    .with_fix("Use the https:// URL.")
                    .with_source(AUTH_SRC),
            );
        }
    }
    Some(url)
}

pub(super) fn check_token_url_query(field: &str, url: &url::Url, kind: ProviderKind, out: &mut Vec<Diagnostic>) {
    let keys: Vec<String> = url.query_pairs().map(|(k, _)| k.into_owned()).collect();
    if keys.is_empty() {
        return;
    }
    let secret_keys = ["client_secret", "refresh_token", "code", "password", "access_token"];
    if keys.iter().any(|k| secret_keys.contains(&k.as_str())) {
        out.push(
            Diagnostic::error(
                Code::ConnectionSecretInUrl,
                field,
                format!("{field} carries a secret (client secret, code or token) in its query string: {}.", shown(url)),
            )
            .with_fix("Remove the query string; Deluge sends the client secret and tokens in the request body.")
            .with_source("zoho-facts.md §2c: send token parameters in the body (workerly access-refresh.html)"),
        );
    } else if kind == ProviderKind::Zoho {
        out.push(
            Diagnostic::warning(
                Code::ConnectionTokenUrlQuery,
                field,
                format!("{field} carries query parameters ({}); Zoho's token endpoint takes its parameters in the form body.", keys.join(", ")),
            )
            .with_fix("Remove the query string from the URL.")
            .with_source("zoho-facts.md §2c: ACC access-token.html; SDKs send a form body"),
        );
    }
}

pub(super) fn with_param(url: &url::Url, key: &str, value: &str) -> String {
    let mut u = url.clone();
    u.query_pairs_mut().append_pair(key, value);
    shown(&u)
}
