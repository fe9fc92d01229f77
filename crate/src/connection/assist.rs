//! What the overlay offers beside a connection form: the right values for the detected data center (to fill on an
//! explicit click), the callback URLs to register at the provider, and a first Deluge call through the connection.
//!
//! ```
//! use zoho_connector_kit::connection::{assist::assist, ConnectionConfigInput};
//! let config = ConnectionConfigInput {
//!     data_center: Some("eu".into()),
//!     link_name: Some("zoho_crm_eu".into()),
//!     authorize_url: Some("https://accounts.zoho.com/oauth/v2/auth".into()),
//!     ..Default::default()
//! };
//! let a = assist(&config);
//! let authorize = a.suggestions.iter().find(|s| s.field == "authorizeUrl").unwrap();
//! assert_eq!(authorize.value, "https://accounts.zoho.eu/oauth/v2/auth?access_type=offline");
//! assert!(a.deluge.unwrap().contains("connection: \"zoho_crm_eu\""));
//! ```

use super::config::{ConnectionConfigInput, ProviderKind};
use super::summary::RedirectCandidate;
use crate::data_center::{self, DataCenterId};
use crate::deluge::generate::{generate_invoke_url, InvokeUrlSpec};
use crate::preset::{self, Preset};
use serde::Serialize;

/// A value for one field, with its source.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Suggestion {
    /// The config field (`authorizeUrl`, `scopeDelimiter`, …).
    pub field: &'static str,
    /// The value to put there.
    pub value: String,
    /// Where it comes from.
    pub source: String,
    /// Whether the field already holds exactly this value.
    pub matches: bool,
}

/// The overlay's help for one config.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Assist {
    /// The data center used.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub data_center: Option<DataCenterId>,
    /// Zoho itself or an external service.
    pub provider: ProviderKind,
    /// The preset recognised from the URLs, when one.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub preset: Option<String>,
    /// Values to fill, field by field.
    pub suggestions: Vec<Suggestion>,
    /// Callback URLs to register at an external provider (several when sources disagree).
    pub callbacks: Vec<RedirectCandidate>,
    /// A first Deluge call through this connection.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub deluge: Option<String>,
}

const ZOHO_URLS_SRC: &str = "zoho-accounts-authorization";

/// The preset whose URLs are on the same host as the config's authorize or token URL.
fn recognise(config: &ConnectionConfigInput) -> Option<&'static Preset> {
    let host = |u: &str| crate::url_text::parse(u).ok().and_then(|u| u.host_str().map(str::to_ascii_lowercase));
    let given: Vec<String> =
        [&config.authorize_url, &config.token_url].into_iter().flatten().filter_map(|u| host(u)).collect();
    if let Some(id) = config.preset.as_deref() {
        return preset::find(id);
    }
    preset::presets().iter().filter(|p| p.provider == "external").find(|p| {
        let want = host(&p.authorize_url.value.replace("{shop}", "shop"));
        match (&p.rules.host_suffix, want) {
            (Some(suffix), _) => given.iter().any(|g| g.ends_with(suffix.as_str())),
            (None, Some(w)) => given.contains(&w),
            _ => false,
        }
    })
}

/// Builds the overlay's help. Never fails; what cannot be known is left out.
///
/// See the module example.
pub fn assist(config: &ConnectionConfigInput) -> Assist {
    let provider = config.provider().kind;
    let dc = config.data_center();
    let recognised = recognise(config);
    let current = |field: &str| super::ConfigField::parse(field).and_then(|f| config.text(f)).map(str::trim);
    let mut suggestions = Vec::new();
    let mut push = |field: &'static str, value: String, source: String| {
        let matches = current(field) == Some(value.as_str());
        suggestions.push(Suggestion { field, value, source, matches });
    };
    match (provider, dc) {
        (ProviderKind::Zoho, Some(id)) => {
            let entry = data_center::lookup(id);
            push("authorizeUrl", format!("{}?access_type=offline", entry.authorize_url()), ZOHO_URLS_SRC.into());
            push("tokenUrl", entry.token_url(), ZOHO_URLS_SRC.into());
            push("refreshUrl", entry.token_url(), ZOHO_URLS_SRC.into());
            push("revokeUrl", entry.revoke_url(), ZOHO_URLS_SRC.into());
        }
        _ => {
            if let Some(p) = recognised.filter(|p| p.provider == "external") {
                for (field, fact) in [
                    ("authorizeUrl", Some(&p.authorize_url)),
                    ("tokenUrl", Some(&p.token_url)),
                    ("refreshUrl", p.refresh_url.as_ref()),
                    ("revokeUrl", p.revoke_url.as_ref()),
                ] {
                    // A per-shop URL keeps the shop the admin typed.
                    if let Some(f) = fact.filter(|f| !f.value.contains('{')) {
                        push(field, f.value.clone(), f.source.clone());
                    }
                }
                if let Some(d) = &p.scope_delimiter {
                    push("scopeDelimiter", d.value.clone(), d.source.clone());
                }
            }
        }
    }
    let callbacks = match (provider, dc) {
        (ProviderKind::Zoho, _) | (_, None) => Vec::new(),
        (_, Some(id)) => data_center::lookup(id)
            .deluge_callbacks
            .iter()
            .map(|f| RedirectCandidate { value: f.value.into(), source: f.source.into() })
            .collect(),
    };
    let link = config.link_name.as_deref().map(str::trim).filter(|l| !l.is_empty());
    let deluge = link.and_then(|link| {
        // Zoho: the current-user call of the connection test (scope ZohoCRM.users.READ, docs/facts.md §3).
        let (url, query, comment_scopes) = match (provider, dc) {
            (ProviderKind::Zoho, Some(id)) => (
                data_center::lookup(id).api_domain.map(|a| format!("{}/crm/v8/users", a.value))?,
                Some(crate::json_map([("type".to_string(), serde_json::Value::from("CurrentUser"))])),
                Some(vec!["ZohoCRM.users.READ".to_string()]),
            ),
            _ => {
                let base = recognised.map(|p| p.api_base.value.clone())?;
                if base.contains('{') || base.contains('<') {
                    return None;
                }
                (base, None, None)
            }
        };
        let spec = InvokeUrlSpec {
            url: Some(url),
            query,
            connection: Some(link.to_string()),
            scopes: comment_scopes,
            ..Default::default()
        };
        generate_invoke_url(&spec).ok()
    });
    Assist { data_center: dc, provider, preset: recognised.map(|p| p.id.clone()), suggestions, callbacks, deluge }
}
