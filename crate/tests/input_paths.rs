//! A wrong input names the field where it went wrong, however deep: the path (`fields[1].transforms[1].op`) and the
//! kind of finding for each case of `data/input/paths.json`, through the same reader the npm package and the CLI use.
#![allow(clippy::unwrap_used, clippy::expect_used)] // tests: a panic is the failure report
#[cfg(target_arch = "wasm32")]
use wasm_bindgen_test::wasm_bindgen_test as test;

use serde::Deserialize;
use zoho_connector_kit::input::{parse_json_text, InputError};
use zoho_connector_kit::webhook::WebhookInput;
use zoho_connector_kit::{AuthorizationInput, ConnectionConfigInput, FieldMapping};

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Case {
    input: String,
    json: String,
    code: String,
    path: String,
}

fn read(input: &str, json: &str) -> Option<InputError> {
    match input {
        "authorization" => parse_json_text::<AuthorizationInput>(json).err(),
        "connection" => parse_json_text::<ConnectionConfigInput>(json).err(),
        "mapping" => parse_json_text::<FieldMapping>(json).err(),
        "webhook" => parse_json_text::<WebhookInput>(json).err(),
        other => panic!("unknown input kind {other}"),
    }
}

#[test]
fn every_wrong_input_names_its_field() {
    let cases: Vec<Case> = serde_json::from_str(include_str!("data/input/paths.json")).unwrap();
    assert!(cases.len() >= 15);
    let mut wrong = Vec::new();
    for case in &cases {
        let Some(err) = read(&case.input, &case.json) else {
            wrong.push(format!("{}: accepted {}", case.input, case.json));
            continue;
        };
        let d = &err.diagnostic;
        if d.code != case.code || d.path != case.path {
            wrong.push(format!(
                "{} {}: got {} at {:?} ({}), want {} at {:?}",
                case.input, case.json, d.code, d.path, d.message, case.code, case.path
            ));
        }
        assert!(d.line.is_some() && d.column.is_some(), "{}: no position", case.json);
    }
    assert!(wrong.is_empty(), "{}", wrong.join("\n"));
}

/// Issue 12: a secret given as the wrong kind of value (`"clientSecret": 12345678`) is refused without its value
/// appearing anywhere in the finding, in every input that holds a secret.
#[test]
fn a_wrong_typed_secret_is_never_quoted() {
    use zoho_connector_kit::connection_test::ConnectionTestInput;
    use zoho_connector_kit::TokenRequestInput;
    let values = ["12345678", "-98765432", "31415.9265", "true", "987654321987654321987654321", "[4242, 4343]"];
    let mut leaks = Vec::new();
    for value in values {
        let cases: Vec<(&str, String)> = vec![
            ("connection", format!(r#"{{"clientSecret": {value}}}"#)),
            ("connection", format!(r#"{{"authType": "basic", "password": {value}}}"#)),
            ("token", format!(r#"{{"clientSecret": {value}}}"#)),
            ("token", format!(r#"{{"code": {value}}}"#)),
            ("token", format!(r#"{{"refreshToken": {value}}}"#)),
            ("token", format!(r#"{{"token": {value}}}"#)),
            ("test", format!(r#"{{"accessToken": {value}}}"#)),
            ("webhook", format!(r#"{{"customParameters": [{{"name": "token", "value": {value}}}]}}"#)),
        ];
        for (kind, json) in cases {
            let err = match kind {
                "connection" => parse_json_text::<ConnectionConfigInput>(&json).err(),
                "token" => parse_json_text::<TokenRequestInput>(&json).err(),
                "test" => parse_json_text::<ConnectionTestInput>(&json).err(),
                _ => parse_json_text::<WebhookInput>(&json).err(),
            };
            let d = err.unwrap_or_else(|| panic!("{json} was accepted")).diagnostic;
            assert!(d.code.as_str().starts_with("input.invalid_"), "{json}: {d:?}");
            let text = format!("{} {} {}", d.message, d.fix, d.path);
            let digits: String = value.chars().filter(char::is_ascii_digit).take(4).collect();
            if (!digits.is_empty() && text.contains(&digits)) || text.contains("true") {
                leaks.push(format!("{json}: {}", d.message));
            }
        }
    }
    assert!(leaks.is_empty(), "secret values quoted:\n{}", leaks.join("\n"));
}
