//! Presets: a config started from any preset, on any data center of Zoho's CRM SDKs, and completed as an admin
//! would, is clean; the preset's own rules catch what is specific to its service. Natively and in Chromium.
#![allow(clippy::unwrap_used, clippy::expect_used)] // tests: a panic is the failure report

#[cfg(target_arch = "wasm32")]
use wasm_bindgen_test::wasm_bindgen_test as test;

use zoho_connector_kit::connection::{validate_connection, ConnectionConfigInput};
use zoho_connector_kit::data_center::DataCenterId;
use zoho_connector_kit::input::parse_json_value;
use zoho_connector_kit::preset::{find, presets, start_config};
use zoho_connector_kit::Severity;

/// The data centers of Zoho's CRM SDKs, from the registry (not a second list).
fn sdk_dcs() -> Vec<DataCenterId> {
    zoho_connector_kit::data_center::list().iter().filter(|d| d.in_crm_sdks).map(|d| d.id).collect()
}

/// What the admin adds to a preset: client credentials, the shop name, and (where sources disagree or have
/// nothing) the callback their Connections page shows.
fn complete(mut config: serde_json::Value, dc: DataCenterId) -> serde_json::Value {
    let zoho = config["authorizeUrl"].as_str().unwrap().contains("zoho");
    config["clientId"] = if zoho { "1000.GMB0YULZHJK411248S8I5GZ4CHUEX0".into() } else { "483920175634".into() };
    config["clientSecret"] = "5d2e0c1f9a7b3e4d6c8a0b2e4f6a8c0d1e3f5a7b9c".into();
    for key in ["authorizeUrl", "tokenUrl", "refreshUrl", "revokeUrl"] {
        if let Some(url) = config[key].as_str().map(|u| u.replace("{shop}", "acme-outdoor")) {
            config[key] = url.into();
        }
    }
    if config.get("redirectUri").is_none() {
        let dc = zoho_connector_kit::data_center::lookup(dc);
        config["redirectUri"] = match dc.deluge_callbacks.first() {
            Some(first) => first.value.into(),
            None => format!("https://deluge.zoho.{}/delugeauth/callback", dc.id.key()).into(),
        };
    }
    config
}

#[test]
fn every_preset_on_every_sdk_data_center_is_clean_once_completed() {
    assert!(presets().len() >= 6);
    for preset in presets() {
        for dc in sdk_dcs() {
            let config = complete(start_config(preset, Some(dc)), dc);
            let input: ConnectionConfigInput = parse_json_value(config.clone()).unwrap();
            let report = validate_connection(&input);
            let loud: Vec<String> = report
                .diagnostics
                .iter()
                .filter(|d| d.severity >= Severity::Warning)
                .map(|d| format!("{} {}: {}", d.code, d.path, d.message))
                .collect();
            assert!(loud.is_empty(), "{} on {dc}: {loud:#?}\n{config:#}", preset.id);
        }
    }
}

fn codes_for(preset: &str, patch: serde_json::Value) -> Vec<(String, String)> {
    let mut config = complete(start_config(find(preset).unwrap(), Some(DataCenterId::Us)), DataCenterId::Us);
    for (k, v) in patch.as_object().unwrap() {
        config[k] = v.clone();
    }
    let input: ConnectionConfigInput = parse_json_value(config).unwrap();
    validate_connection(&input)
        .diagnostics
        .into_iter()
        .filter(|d| d.code.as_str().starts_with("preset.") || d.code == "connection.schema_newer")
        .map(|d| (d.code.to_string(), d.path))
        .collect()
}

#[test]
fn hubspot_needs_the_space_delimiter() {
    let found = codes_for("hubspot", serde_json::json!({"scopeDelimiter": "comma"}));
    assert_eq!(found, [("preset.scope_delimiter".to_string(), "scopeDelimiter".to_string())]);
}

#[test]
fn shopify_placeholder_and_foreign_host() {
    let found = codes_for(
        "shopify",
        serde_json::json!({
            "authorizeUrl": "https://{shop}.myshopify.com/admin/oauth/authorize",
            "tokenUrl": "https://accounts.shopify.com/admin/oauth/access_token"
        }),
    );
    assert_eq!(
        found,
        [
            ("preset.placeholder".to_string(), "authorizeUrl".to_string()),
            ("preset.host".to_string(), "tokenUrl".to_string())
        ]
    );
}

#[test]
fn mailchimp_takes_no_scopes_and_no_refresh() {
    let found = codes_for(
        "mailchimp",
        serde_json::json!({"scopes": ["campaigns"], "refreshUrl": "https://login.mailchimp.com/oauth2/token"}),
    );
    assert!(found.contains(&("preset.no_scopes".to_string(), "scopes".to_string())), "{found:?}");
    assert!(found.contains(&("preset.no_refresh".to_string(), "refreshUrl".to_string())), "{found:?}");
}

#[test]
fn desk_scopes_must_be_desk_scopes() {
    let found = codes_for("zoho_desk", serde_json::json!({"scopes": ["Desk.tickets.READ", "ZohoCRM.modules.ALL"]}));
    assert_eq!(found, [("preset.scope_service".to_string(), "scopes[1]".to_string())]);
}

#[test]
fn unknown_preset_and_newer_file_version_are_errors() {
    assert_eq!(
        codes_for("hubspot", serde_json::json!({"preset": "hubspott"})),
        [("preset.unknown".to_string(), "preset".to_string())]
    );
    assert_eq!(
        codes_for("hubspot", serde_json::json!({"schemaVersion": 2})),
        [("connection.schema_newer".to_string(), "schemaVersion".to_string())]
    );
    assert!(codes_for("hubspot", serde_json::json!({"schemaVersion": 1})).is_empty());
}

/// Every preset, external ones included, offers a first API call whose source is a registry entry, and its Deluge
/// (through the connection) passes our own checker (issue 15, point 3).
#[test]
fn every_preset_has_a_sourced_first_call_whose_deluge_passes_the_checker() {
    use zoho_connector_kit::data_center::DataCenterId;
    for p in zoho_connector_kit::preset::presets() {
        let call = p.first_call.as_ref().unwrap_or_else(|| panic!("{}: no first call", p.id));
        assert_eq!(call.value.method, "GET", "{}", p.id);
        assert!(
            zoho_connector_kit::source::lookup(&call.source).is_some(),
            "{}: {} is not a registry id",
            p.id,
            call.source
        );
        let deluge = zoho_connector_kit::preset::first_call_deluge(p, Some(DataCenterId::Eu), &p.id).unwrap();
        assert!(deluge.contains(&format!("connection: \"{}\"", p.id)), "{deluge}");
        let errors: Vec<_> =
            zoho_connector_kit::deluge::check_deluge(&deluge).into_iter().filter(|d| d.is_error()).collect();
        assert!(errors.is_empty(), "{}: {deluge}\n{errors:#?}", p.id);
        if p.provider == "external" {
            assert!(!deluge.contains("zoho"), "{}: an external first call names Zoho: {deluge}", p.id);
        }
    }
    let crm = zoho_connector_kit::preset::find("zoho_crm").unwrap();
    let eu = zoho_connector_kit::preset::first_call_deluge(crm, Some(DataCenterId::Eu), "zoho_crm").unwrap();
    assert!(eu.contains("https://www.zohoapis.eu/crm/v8/settings/fields?module=Leads"), "{eu}");
}

/// A preset whose sources give no first call gets `preset.no_first_call`, never an invented URL.
#[test]
fn a_preset_without_a_sourced_first_call_says_so() {
    let mut p = zoho_connector_kit::preset::find("hubspot").unwrap().clone();
    p.first_call = None;
    let err = zoho_connector_kit::preset::first_call_deluge(&p, None, "hubspot").unwrap_err();
    assert_eq!(err.code, zoho_connector_kit::code::Code::PresetNoFirstCall);
    assert!(err.message.contains("HubSpot"), "{}", err.message);
}
