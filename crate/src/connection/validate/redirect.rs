//! The redirect URI: Zoho's Deluge callback of the data center, or a custom client's own URI.

use super::url::shown;
use super::{AUTH_SRC, CALLBACK_SRC};
use crate::code::Code;
use crate::connection::config::{host_of, is_zoho_host};
use crate::connection::{ConnectionConfigInput, ProviderKind};
use crate::data_center::{self, CallbackStatus, DataCenterId, HostRole};
use crate::diagnostic::{Diagnostic, Severity};

fn is_callback_shape(url: &url::Url) -> bool {
    url.path().trim_end_matches('/') == "/delugeauth/callback"
}

fn candidates_text(dc: DataCenterId) -> String {
    let entry = data_center::lookup(dc);
    let list: Vec<&str> = entry.deluge_callbacks.iter().map(|f| f.value).collect();
    match entry.callback_status {
        CallbackStatus::Conflicting => format!("sources disagree for {}: {}", entry.name, list.join(" or ")),
        CallbackStatus::Unknown => {
            format!("no source gives it for {}; copy it from your Developer Hub Connections page", entry.name)
        }
        _ => list.join(" or "),
    }
}

pub(super) fn check_redirect(
    input: &ConnectionConfigInput,
    kind: ProviderKind,
    dc: Option<DataCenterId>,
    redirect: Option<&url::Url>,
    out: &mut Vec<Diagnostic>,
) {
    let Some(redirect) = redirect else {
        if input.url_field("redirectUri").is_some() {
            return; // present but unreadable: already reported
        }
        let message = match dc {
            Some(d) => format!("No redirect URI is given. For a Deluge connection the provider must have Zoho's callback registered: {}.", candidates_text(d)),
            None => "No redirect URI is given. For a Deluge connection the provider must have Zoho's callback for your data center registered.".into(),
        };
        out.push(
            Diagnostic::info(Code::ConnectionRedirectUriMissing, "redirectUri", message)
                .with_fix("Register Zoho's callback as the redirect URI at the provider, and give it here to have it checked.")
                .with_source(CALLBACK_SRC),
        );
        if let Some(d) = dc {
            push_callback_notes(d, None, out);
        }
        return;
    };
    let found = data_center::detect(redirect.as_str());
    let deluge_like = found.role == Some(HostRole::DelugeCallback)
        || (is_callback_shape(redirect) && host_of(redirect.as_str()).is_some_and(|h| is_zoho_host(&h)));
    if kind == ProviderKind::Zoho && !deluge_like {
        custom_client_advice(redirect, out);
        return;
    }
    let Some(d) = dc else { return };
    let entry = data_center::lookup(d);
    let text = redirect.as_str();
    if entry.deluge_callbacks.iter().any(|f| f.value == text) {
        push_callback_notes(d, Some(text), out);
        return;
    }
    // Close to a candidate: only the slash, scheme or letter case differ.
    let loose = |s: &str| s.to_ascii_lowercase().replace("http://", "https://").trim_end_matches('/').to_string();
    if let Some(near) = entry.deluge_callbacks.iter().find(|f| loose(f.value) == loose(text)) {
        out.push(
            Diagnostic::error(
                Code::ConnectionRedirectMismatch,
                "redirectUri",
                format!("The redirect URI differs from Zoho's callback {} only in a trailing slash, http/https or letter case, and providers compare it exactly.", near.value),
            )
            .with_fix(format!("Use exactly {}.", near.value))
            .with_source(CALLBACK_SRC),
        );
        return;
    }
    if deluge_like && found.data_center.is_some_and(|other| other != d) {
        let other = found.data_center.map_or_else(String::new, |o| o.to_string());
        out.push(
            Diagnostic::error(
                Code::ConnectionRedirectWrongDc,
                "redirectUri",
                format!("The redirect URI is the Deluge callback of {other}, but your Zoho account is in {d}; the callback must be your data center's ({}).", candidates_text(d)),
            )
            .with_fix("Register your data center's callback at the provider and use it here.")
            .with_source(CALLBACK_SRC),
        );
        return;
    }
    if entry.callback_status == CallbackStatus::Unknown && deluge_like {
        out.push(
            Diagnostic::info(
                Code::ConnectionRedirectCallbackUnverified,
                "redirectUri",
                format!(
                    "No source gives the Deluge callback for {}; yours has the expected /delugeauth/callback shape.",
                    entry.name
                ),
            )
            .with_fix("Confirm it against the redirect URL shown on your Developer Hub Connections page.")
            .with_source("zoho-facts.md §1b (no entry for this data center)"),
        );
        return;
    }
    out.push(
        Diagnostic::error(
            Code::ConnectionRedirectNotCallback,
            "redirectUri",
            format!(
                "For a Deluge connection the redirect URI must be Zoho's callback for {} ({}), not {}.",
                entry.name,
                candidates_text(d),
                shown(redirect)
            ),
        )
        .with_fix("Register Zoho's callback as the redirect URI at the provider and use the same value here.")
        .with_source(CALLBACK_SRC),
    );
}

/// The notes on a data center's callback: conflicting sources (both candidates), a single source, or none.
fn push_callback_notes(d: DataCenterId, used: Option<&str>, out: &mut Vec<Diagnostic>) {
    let entry = data_center::lookup(d);
    match entry.callback_status {
        CallbackStatus::Conflicting => {
            // The admin's value is one of the candidates (or none is given): a note, not a warning; both are shown.
            let mut note = data_center::callback_conflict(entry);
            note.severity = Severity::Info;
            if let Some(used) = used {
                note.message = format!("{} Yours is {used}.", note.message);
            }
            out.push(note);
        }
        CallbackStatus::SingleSource => out.push(
            Diagnostic::info(
                Code::ConnectionRedirectSingleSource,
                "redirectUri",
                format!("The Deluge callback for {} comes from a single third-party source.", entry.name),
            )
            .with_fix("Confirm it against the redirect URL shown on your Developer Hub Connections page.")
            .with_source(CALLBACK_SRC),
        ),
        CallbackStatus::Unknown => out.push(
            Diagnostic::info(
                Code::ConnectionRedirectCallbackUnknown,
                "redirectUri",
                format!("No source gives the Deluge callback URL for {}.", entry.name),
            )
            .with_fix("Copy the redirect URL from your Developer Hub Connections page and register it at the provider.")
            .with_source("zoho-facts.md §1b (no entry for this data center)"),
        ),
        CallbackStatus::Consistent => {}
    }
}

fn custom_client_advice(redirect: &url::Url, out: &mut Vec<Diagnostic>) {
    let host = redirect.host_str().unwrap_or("");
    let local = host == "localhost" || host == "127.0.0.1" || host == "[::1]";
    if local {
        out.push(
            Diagnostic::info(
                Code::ConnectionRedirectLocalhost,
                "redirectUri",
                "The redirect URI points at this computer: it works only where the browser runs, and a Deluge connection cannot use it.",
            )
            .with_fix("Use it for local development only; register the production URL as a second redirect URI.")
            .with_source(AUTH_SRC),
        );
    } else if redirect.scheme() == "http" {
        out.push(
            Diagnostic::warning(
                Code::ConnectionRedirectHttp,
                "redirectUri",
                "The redirect URI uses http://: Zoho accepts it, but the grant code then travels unencrypted.",
            )
            .with_fix(format!("Register and use {}.", shown(redirect).replacen("http://", "https://", 1)))
            .with_source(AUTH_SRC),
        );
    }
    out.push(
        Diagnostic::info(
            Code::ConnectionRedirectExactMatch,
            "redirectUri",
            "This is your own client's redirect URI: Zoho compares it exactly with the one registered in the API console (trailing slash, http or https, letter case, port).",
        )
        .with_fix("Copy it character for character into the API console; a Deluge connection would need Zoho's callback instead.")
        .with_source(AUTH_SRC),
    );
}
