//! Property: a connection config exported the way the extension exports it (`exportText` in
//! `extension/src/popup/profiles.ts`: the JSON object, pretty-printed, with `schemaVersion: 1` and without
//! `clientSecret`/`password`) imports back to the same config, and import → export → import is the identity.
//! Native only (proptest).
#![cfg(not(target_arch = "wasm32"))]
#![allow(clippy::unwrap_used, clippy::expect_used)] // tests: a panic is the failure report

use proptest::prelude::*;
use serde_json::{Map, Value};
use zoho_connector_kit::authorization::ScopesInput;
use zoho_connector_kit::input::parse_json_text;
use zoho_connector_kit::{validate_connection, ConnectionConfigInput, Secret};

/// The exported file. Destructures every field (no `..`), so a new config field fails to compile here until the
/// export says what happens to it.
fn export(config: &ConnectionConfigInput) -> String {
    let ConnectionConfigInput {
        service_name,
        link_name,
        auth_type,
        grant_type,
        data_center,
        client_id,
        client_secret: _, // never exported unless the user asks
        authorize_url,
        token_url,
        refresh_url,
        revoke_url,
        redirect_uri,
        scopes,
        scope_delimiter,
        param_type,
        key_name,
        placement,
        username,
        password: _, // never exported unless the user asks
        preset,
        schema_version: _, // the export writes the current version
    } = config;
    let mut file = Map::new();
    let mut put = |key: &str, value: &Option<String>| {
        if let Some(v) = value {
            file.insert(key.to_string(), Value::String(v.clone()));
        }
    };
    put("serviceName", service_name);
    put("linkName", link_name);
    put("authType", auth_type);
    put("grantType", grant_type);
    put("dataCenter", data_center);
    put("clientId", client_id);
    put("authorizeUrl", authorize_url);
    put("tokenUrl", token_url);
    put("refreshUrl", refresh_url);
    put("revokeUrl", revoke_url);
    put("redirectUri", redirect_uri);
    put("scopeDelimiter", scope_delimiter);
    put("paramType", param_type);
    put("keyName", key_name);
    put("placement", placement);
    put("username", username);
    put("preset", preset);
    if let Some(s) = scopes {
        file.insert("scopes".into(), serde_json::to_value(s).unwrap());
    }
    file.insert("schemaVersion".into(), Value::from(1));
    format!("{}\n", serde_json::to_string_pretty(&Value::Object(file)).unwrap())
}

fn text() -> impl Strategy<Value = String> {
    prop_oneof![
        3 => prop::sample::select(&[
            "", " ", "oauth2", "apiKey", "basic", "oauth1", "authorizationCode", "clientCredentials", "eu", "us",
            "comma", "space", "plus", "query", "header", "formData", "hubspot", "shopify", "zoho_crm_eu",
            "Zoho CRM (EU)", "1000.GMB0YULZHJK411248S8I5GZ4CHUEX0", "https://accounts.zoho.eu/oauth/v2/auth",
            "https://accounts.zoho.eu/oauth/v2/token", "https://deluge.zoho.eu/delugeauth/callback",
            "ZohoCRM.modules.ALL,ZohoCRM.settings.fields.READ", "a+b c", "\"quoted\"\n\u{2028}", "ß🦀",
        ][..]).prop_map(str::to_string),
        1 => any::<String>(),
    ]
}

fn opt_text() -> impl Strategy<Value = Option<String>> {
    prop::option::weighted(0.6, text())
}

fn scopes() -> impl Strategy<Value = Option<ScopesInput>> {
    prop::option::weighted(
        0.6,
        prop_oneof![
            text().prop_map(ScopesInput::Text),
            prop::collection::vec(text(), 0..4).prop_map(ScopesInput::List),
        ],
    )
}

fn config() -> impl Strategy<Value = ConnectionConfigInput> {
    (
        (opt_text(), opt_text(), opt_text(), opt_text(), opt_text(), opt_text(), opt_text()),
        (opt_text(), opt_text(), opt_text(), opt_text(), opt_text(), scopes(), opt_text()),
        (opt_text(), opt_text(), opt_text(), opt_text(), opt_text(), opt_text(), prop::option::of(any::<u32>())),
    )
        .prop_map(|(a, b, c)| ConnectionConfigInput {
            service_name: a.0,
            link_name: a.1,
            auth_type: a.2,
            grant_type: a.3,
            data_center: a.4,
            client_id: a.5,
            client_secret: a.6.map(Secret::new),
            authorize_url: b.0,
            token_url: b.1,
            refresh_url: b.2,
            revoke_url: b.3,
            redirect_uri: b.4,
            scopes: b.5,
            scope_delimiter: b.6,
            param_type: c.0,
            key_name: c.1,
            placement: c.2,
            username: c.3,
            password: c.4.map(Secret::new),
            preset: c.5,
            schema_version: c.6,
        })
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 256, ..ProptestConfig::default() })]

    #[test]
    fn import_export_import_is_the_identity(config in config()) {
        let exported = export(&config);
        let file: Value = serde_json::from_str(&exported).unwrap();
        prop_assert!(file.get("clientSecret").is_none() && file.get("password").is_none());
        prop_assert_eq!(&file["schemaVersion"], &Value::from(1));

        let imported: ConnectionConfigInput = parse_json_text(&exported)
            .unwrap_or_else(|e| panic!("the exported file does not import: {:?}\n{exported}", e.diagnostic));
        let expected = ConnectionConfigInput {
            client_secret: None,
            password: None,
            schema_version: Some(1),
            ..config.clone()
        };
        prop_assert_eq!(&imported, &expected);
        // Export again: the same file; import again: the same config.
        prop_assert_eq!(&export(&imported), &exported);
        let again: ConnectionConfigInput = parse_json_text(&export(&imported)).unwrap();
        prop_assert_eq!(&again, &imported);
        // The doctor reads the re-imported file like the original one, apart from the missing secrets.
        let report = validate_connection(&imported);
        prop_assert!(report.diagnostics.iter().all(|d| d.code != "connection.schema_newer"), "{:?}", report.diagnostics);
        let without_secrets = |c: &ConnectionConfigInput| {
            let mut codes: Vec<String> = validate_connection(c).diagnostics.into_iter()
                .filter(|d| !d.path.starts_with("clientSecret") && !d.path.starts_with("password") && d.code != "connection.schema_newer")
                .map(|d| format!("{} {}", d.code, d.path)).collect();
            codes.sort();
            codes
        };
        prop_assert_eq!(without_secrets(&imported), without_secrets(&expected));
    }
}
