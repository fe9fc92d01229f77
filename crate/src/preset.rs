//! Presets for the services admins connect most (the setup guide's MailChimp, Shopify, HubSpot, SurveyMonkey,
//! Zoho Desk, and Zoho CRM itself): URLs, scope delimiter, typical scopes, API base and quirks, each with its
//! source, plus the rules the validator applies for that service.
//!
//! The presets are data (`crate/data/presets.json`): adding one is adding an entry there, not code.
//!
//! ```
//! use zoho_connector_kit::preset::{find, presets, start_config};
//! use zoho_connector_kit::data_center::DataCenterId;
//!
//! assert!(presets().iter().any(|p| p.id == "hubspot"));
//! let hubspot = find("hubspot").unwrap();
//! assert_eq!(hubspot.scope_delimiter.as_ref().unwrap().value, "space");
//!
//! // A preset starts a connection config for the admin's data center.
//! let config = start_config(find("zoho_crm").unwrap(), Some(DataCenterId::Eu));
//! assert_eq!(config["authorizeUrl"], "https://accounts.zoho.eu/oauth/v2/auth?access_type=offline");
//! ```

use crate::code::Code;
use crate::data_center::{self, DataCenterId};
use crate::diagnostic::Diagnostic;
use serde::{Deserialize, Serialize};
use std::sync::OnceLock;

/// A value with its source.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Sourced<T> {
    /// The value.
    pub value: T,
    /// Where it comes from.
    pub source: String,
}

/// A note the admin should read, with its source.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Quirk {
    /// The note.
    pub text: String,
    /// Where it comes from.
    pub source: String,
}

/// An HTTP call: method and URL (with the preset's placeholders).
///
/// ```
/// let call = &zoho_connector_kit::preset::find("mailchimp").unwrap().first_call.as_ref().unwrap().value;
/// assert_eq!((call.method.as_str(), call.url.as_str()), ("GET", "https://login.mailchimp.com/oauth2/metadata"));
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct FirstCall {
    /// `GET`.
    pub method: String,
    /// The URL.
    pub url: String,
}

/// The checks a preset adds to the validator.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "camelCase")]
pub struct PresetRules {
    /// The service takes no scopes: scopes given are a warning.
    #[serde(default)]
    pub no_scopes: bool,
    /// The service issues no refresh token: a refresh URL is a note.
    #[serde(default)]
    pub no_refresh: bool,
    /// The source of `no_refresh`, when one is known.
    #[serde(default)]
    pub no_refresh_source: Option<String>,
    /// `access_type=offline` must be in the authorize URL (Zoho).
    #[serde(default)]
    pub require_offline: bool,
    /// The scope delimiter the service expects.
    #[serde(default)]
    pub delimiter: Option<String>,
    /// Every scope starts with this (e.g. `Desk.`).
    #[serde(default)]
    pub scope_prefix: Option<String>,
    /// The hosts the URLs must be on.
    #[serde(default)]
    pub url_hosts: Vec<String>,
    /// The URLs' host must end with this (per-shop hosts).
    #[serde(default)]
    pub host_suffix: Option<String>,
    /// A placeholder in the preset's URLs that the admin must replace.
    #[serde(default)]
    pub placeholder: Option<String>,
}

/// One preset.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "camelCase")]
pub struct Preset {
    /// Stable id (`hubspot`).
    pub id: String,
    /// Display name.
    pub name: String,
    /// `zoho` (Zoho is the provider) or `external`.
    pub provider: String,
    /// The auth type of the connection.
    pub auth_type: String,
    /// The OAuth grant type.
    pub grant_type: String,
    /// Authorize URL; `{accounts}` stands for the admin's accounts server, `{shop}` for a per-shop host.
    pub authorize_url: Sourced<String>,
    /// Access-token URL.
    pub token_url: Sourced<String>,
    /// Refresh-token URL, when the service has one.
    pub refresh_url: Option<Sourced<String>>,
    /// Revoke URL, when the service has one.
    pub revoke_url: Option<Sourced<String>>,
    /// `comma`, `space` or `plus`; absent when the service takes no scopes.
    pub scope_delimiter: Option<Sourced<String>>,
    /// Typical scopes.
    pub scopes: Sourced<Vec<String>>,
    /// Where API calls go.
    pub api_base: Sourced<String>,
    /// A first, read-only API call to try once connected (an account or metadata endpoint), when a source gives
    /// one. `{api}` stands for the data center's API domain, `{shop}` for the shop's host name.
    #[serde(default)]
    pub first_call: Option<Sourced<FirstCall>>,
    /// Notes for the admin.
    pub quirks: Vec<Quirk>,
    /// The validator's extra checks.
    pub rules: PresetRules,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields, rename_all = "camelCase")]
struct PresetFile {
    schema_version: u32,
    presets: Vec<Preset>,
}

static PRESETS: OnceLock<Vec<Preset>> = OnceLock::new();

/// Every preset, in the data file's order. (The file ships inside the crate; a malformed one fails the tests.)
///
/// ```
/// assert!(zoho_connector_kit::preset::presets().len() >= 6);
/// ```
pub fn presets() -> &'static [Preset] {
    PRESETS.get_or_init(|| {
        serde_json::from_str::<PresetFile>(include_str!("../data/presets.json"))
            .ok()
            .filter(|f| f.schema_version == 1)
            .map(|f| f.presets)
            .unwrap_or_default()
    })
}

/// The preset with this id.
///
/// ```
/// assert_eq!(zoho_connector_kit::preset::find("shopify").unwrap().name, "Shopify");
/// assert!(zoho_connector_kit::preset::find("nope").is_none());
/// ```
pub fn find(id: &str) -> Option<&'static Preset> {
    presets().iter().find(|p| p.id == id.trim())
}

fn fill(template: &str, dc: Option<DataCenterId>) -> String {
    match dc {
        Some(id) => template.replace("{accounts}", data_center::lookup(id).accounts_server.value),
        None => template.to_string(),
    }
}

/// A connection config (camelCase JSON, as `validateConnection` reads it) started from a preset for a data center:
/// URLs filled in, the typical scopes, the Deluge callback when the sources agree on one.
///
/// ```
/// use zoho_connector_kit::preset::{find, start_config};
/// use zoho_connector_kit::data_center::DataCenterId;
/// let c = start_config(find("mailchimp").unwrap(), Some(DataCenterId::Us));
/// assert_eq!(c["redirectUri"], "https://deluge.zoho.com/delugeauth/callback");
/// assert!(c.get("scopes").is_none());
/// ```
pub fn start_config(preset: &Preset, dc: Option<DataCenterId>) -> serde_json::Value {
    let mut c = serde_json::Map::new();
    let mut put = |k: &str, v: serde_json::Value| {
        c.insert(k.to_string(), v);
    };
    put("preset", preset.id.clone().into());
    put("serviceName", preset.name.clone().into());
    put("linkName", preset.id.clone().into());
    put("authType", preset.auth_type.clone().into());
    put("grantType", preset.grant_type.clone().into());
    if let Some(id) = dc {
        put("dataCenter", id.key().into());
    }
    put("authorizeUrl", fill(&preset.authorize_url.value, dc).into());
    put("tokenUrl", fill(&preset.token_url.value, dc).into());
    if let Some(u) = &preset.refresh_url {
        put("refreshUrl", fill(&u.value, dc).into());
    }
    if let Some(u) = &preset.revoke_url {
        put("revokeUrl", fill(&u.value, dc).into());
    }
    if let Some(d) = &preset.scope_delimiter {
        put("scopeDelimiter", d.value.clone().into());
    }
    if !preset.scopes.value.is_empty() {
        put("scopes", preset.scopes.value.clone().into());
    }
    if preset.provider == "external" {
        if let Some(id) = dc {
            if let [only] = data_center::lookup(id).deluge_callbacks {
                put("redirectUri", only.value.into());
            }
        }
    }
    serde_json::Value::Object(c)
}

/// The preset's first API call as Deluge `invokeurl` through the connection `link_name`, written by the Deluge
/// generator (so it passes the Deluge checker). `{accounts}` and `{api}` are filled in for `dc`; without `dc` a
/// Zoho preset's `{api}` stays a placeholder the admin must replace, as does Shopify's `{shop}`.
///
/// A preset whose sources give no first call gets a finding (`preset.no_first_call`) instead of a made-up URL.
///
/// ```
/// use zoho_connector_kit::preset::{find, first_call_deluge};
/// use zoho_connector_kit::data_center::DataCenterId;
/// let deluge = first_call_deluge(find("mailchimp").unwrap(), None, "mailchimp").unwrap();
/// assert!(deluge.contains(r#"url: "https://login.mailchimp.com/oauth2/metadata""#));
/// assert!(deluge.contains(r#"connection: "mailchimp""#));
/// let crm = first_call_deluge(find("zoho_crm").unwrap(), Some(DataCenterId::Eu), "zoho_crm").unwrap();
/// assert!(crm.contains("https://www.zohoapis.eu/crm/v8/settings/fields?module=Leads"));
/// ```
pub fn first_call_deluge(preset: &Preset, dc: Option<DataCenterId>, link_name: &str) -> Result<String, Diagnostic> {
    let Some(call) = &preset.first_call else {
        return Err(Diagnostic::info(
            Code::PresetNoFirstCall,
            "preset",
            format!("No first API call is known for {}: the preset's sources give none.", preset.name),
        )
        .with_fix("Write the call from the service's API documentation."));
    };
    let mut url = fill(&call.value.url, dc);
    if let Some(api) = dc.and_then(|id| data_center::lookup(id).api_domain.as_ref()) {
        url = url.replace("{api}", api.value);
    }
    let method = match call.value.method.as_str() {
        "GET" => crate::deluge::generate::HttpMethod::Get,
        other => {
            return Err(Diagnostic::error(
                Code::PresetNoFirstCall,
                "preset",
                format!("The first call of {} uses {other}, which this tool does not write.", preset.name),
            ))
        }
    };
    let spec = crate::deluge::generate::InvokeUrlSpec {
        url: Some(url),
        method: Some(method),
        connection: Some(link_name.trim().to_string()).filter(|l| !l.is_empty()),
        ..Default::default()
    };
    crate::deluge::generate::generate_invoke_url(&spec)
        .map_err(|mut found| found.remove(0))
        .map(|d| format!("// {} ({}): {}\n{d}", preset.name, call.source, "a first, read-only call"))
}

/// What the preset rules look at.
#[derive(Debug, Clone, Copy, Default)]
pub struct PresetCheck<'a> {
    /// `authorizeUrl`, `tokenUrl`, `refreshUrl`, `revokeUrl` with their field names.
    pub urls: [(&'a str, Option<&'a str>); 4],
    /// The scopes.
    pub scopes: &'a [String],
    /// `scopeDelimiter` as given.
    pub scope_delimiter: Option<&'a str>,
}

/// The preset's own findings on a config.
///
/// ```
/// use zoho_connector_kit::preset::{check, find, PresetCheck};
/// let scopes = vec!["contacts".to_string()];
/// let view = PresetCheck {
///     urls: [("authorizeUrl", Some("https://login.mailchimp.com/oauth2/authorize")), ("tokenUrl", None), ("refreshUrl", None), ("revokeUrl", None)],
///     scopes: &scopes,
///     scope_delimiter: None,
/// };
/// let found = check(find("mailchimp").unwrap(), &view);
/// assert_eq!(found[0].code, "preset.no_scopes");
/// ```
pub fn check(preset: &Preset, view: &PresetCheck<'_>) -> Vec<Diagnostic> {
    let mut out = Vec::new();
    let rules = &preset.rules;
    // Each finding cites the registry id of the fact it rests on (the preset's name is in the sentence already).
    let source = |s: &str| s.to_string();
    if rules.no_scopes && !view.scopes.is_empty() {
        out.push(
            Diagnostic::warning(
                Code::PresetNoScopes,
                "scopes",
                format!("{} takes no scopes in the authorize URL.", preset.name),
            )
            .with_fix("Leave Scope empty.")
            .with_source(source(&preset.scopes.source)),
        );
    }
    if let Some(want) = &rules.delimiter {
        if view.scopes.len() > 1 && view.scope_delimiter.unwrap_or("comma") != want {
            out.push(
                Diagnostic::error(
                    Code::PresetScopeDelimiter,
                    "scopeDelimiter",
                    format!(
                        "{} separates scopes with a {want}, not a {}.",
                        preset.name,
                        view.scope_delimiter.unwrap_or("comma")
                    ),
                )
                .with_fix(format!("Set Scope Delimiter to {want}."))
                .with_source(source(
                    preset.scope_delimiter.as_ref().map_or(preset.scopes.source.as_str(), |d| d.source.as_str()),
                )),
            );
        }
    }
    if let Some(prefix) = &rules.scope_prefix {
        for (i, s) in view.scopes.iter().enumerate() {
            if !s.starts_with(prefix.as_str()) {
                out.push(
                    Diagnostic::warning(
                        Code::PresetScopeService,
                        format!("scopes[{i}]"),
                        format!("`{s}` is not a {} scope (they start with {prefix}).", preset.name),
                    )
                    .with_fix(format!("Use {} scopes such as {}.", preset.name, preset.scopes.value.join(", ")))
                    .with_source(source(&preset.scopes.source)),
                );
            }
        }
    }
    for (field, url) in view.urls {
        let Some(url) = url.map(str::trim).filter(|u| !u.is_empty()) else { continue };
        if rules.no_refresh && field == "refreshUrl" {
            out.push(
                Diagnostic::info(Code::PresetNoRefresh, field, format!("{} issues no refresh token.", preset.name))
                    .with_fix("The refresh URL is not used; you may leave it empty.")
                    .with_source(source(&preset.token_url.source)),
            );
        }
        if let Some(ph) = &rules.placeholder {
            if url.contains(ph.as_str()) {
                out.push(
                    Diagnostic::error(
                        Code::PresetPlaceholder,
                        field,
                        format!("The URL still holds the placeholder {ph}."),
                    )
                    .with_fix(format!("Replace {ph} with your value, e.g. your-store in your-store.myshopify.com."))
                    .with_source(source(&preset.authorize_url.source)),
                );
                continue;
            }
        }
        let host = crate::url_text::parse(url).ok().and_then(|u| u.host_str().map(str::to_ascii_lowercase));
        let Some(host) = host else { continue };
        if let Some(suffix) = &rules.host_suffix {
            if !host.ends_with(suffix.as_str()) {
                out.push(
                    Diagnostic::error(
                        Code::PresetHost,
                        field,
                        format!("{} URLs are on the shop's own host (*{suffix}), not {host}.", preset.name),
                    )
                    .with_fix(format!("Use https://<your-store>{suffix}/… as in the preset."))
                    .with_source(source(&preset.authorize_url.source)),
                );
            }
        }
        if !rules.url_hosts.is_empty() && !rules.url_hosts.contains(&host) {
            out.push(
                Diagnostic::warning(
                    Code::PresetHost,
                    field,
                    format!("{host} is not a {} OAuth host ({}).", preset.name, rules.url_hosts.join(", ")),
                )
                .with_fix("Copy the URL from the preset.")
                .with_source(source(&preset.authorize_url.source)),
            );
        }
    }
    out
}

/// The finding for a preset id that does not exist.
pub(crate) fn unknown(id: &str) -> Diagnostic {
    let ids: Vec<&str> = presets().iter().map(|p| p.id.as_str()).collect();
    Diagnostic::error(Code::PresetUnknown, "preset", format!("`{id}` is not a preset."))
        .with_fix(format!("Use one of: {}.", ids.join(", ")))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_data_file_parses_and_every_fact_has_a_source() {
        let file: PresetFile = serde_json::from_str(include_str!("../data/presets.json")).unwrap();
        assert_eq!(file.schema_version, 1);
        assert_eq!(presets().len(), file.presets.len());
        for p in presets() {
            for s in [&p.authorize_url.source, &p.token_url.source, &p.scopes.source, &p.api_base.source] {
                assert!(s.len() > 3, "{}", p.id);
            }
            assert!(p.quirks.iter().all(|q| !q.source.is_empty()));
        }
        for id in ["zoho_crm", "zoho_desk", "mailchimp", "shopify", "hubspot", "surveymonkey"] {
            assert!(find(id).is_some(), "{id}");
        }
    }
}
