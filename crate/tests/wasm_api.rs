//! The JavaScript API as the browser sees it (feature `wasm`, run in headless Chromium): answers are plain
//! objects, failures are real `Error` objects named `ZckError` with a `code` and a `path`.
#![cfg(all(target_arch = "wasm32", feature = "wasm"))]
#![allow(clippy::unwrap_used, clippy::expect_used)] // tests: a panic is the failure report

use js_sys::{Object, Reflect};
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_test::wasm_bindgen_test as test;
use zoho_connector_kit::wasm;

fn get(value: &JsValue, key: &str) -> JsValue {
    Reflect::get(value, &JsValue::from_str(key)).unwrap()
}

fn object(json: &str) -> JsValue {
    js_sys::JSON::parse(json).unwrap()
}

#[test]
fn detect_returns_a_plain_object() {
    let d = wasm::detect_data_center("https://accounts.zoho.eu/oauth/v2/auth").unwrap();
    assert!(d.is_object());
    assert_eq!(get(&d, "dataCenter").as_string().as_deref(), Some("eu"));
    assert!(js_sys::Array::is_array(&get(&d, "diagnostics")));
}

#[test]
fn authorization_url_in_the_browser_uses_crypto_for_state() {
    let input = object(
        r#"{"dataCenter":"jp","clientId":"1000.GMB0YULZHJK411248S8I5GZ4CHUEX0","scopes":["ZohoCRM.modules.ALL"],"redirectUri":"https://x.example/cb"}"#,
    );
    let a = wasm::build_authorization_url(input.clone()).unwrap();
    let b = wasm::build_authorization_url(input).unwrap();
    let url = get(&a, "url").as_string().unwrap();
    assert!(url.starts_with("https://accounts.zoho.jp/oauth/v2/auth?"), "{url}");
    let (sa, sb) = (get(&a, "state").as_string().unwrap(), get(&b, "state").as_string().unwrap());
    assert_eq!(sa.len(), 32);
    assert_ne!(sa, sb);
}

#[test]
fn unknown_field_throws_zck_error() {
    let err = wasm::build_authorization_url(object(r#"{"dataCenter":"eu","client_id":"x"}"#)).unwrap_err();
    let error: &js_sys::Error = err.dyn_ref().expect("a real Error object");
    assert_eq!(String::from(error.name()), "ZckError");
    assert_eq!(get(&err, "code").as_string().as_deref(), Some("input.unknown_field"));
    assert_eq!(get(&err, "path").as_string().as_deref(), Some("client_id"));
    assert!(String::from(error.message()).contains("clientId"));
}

#[test]
fn non_object_input_throws_zck_error() {
    let err = wasm::build_authorization_url(JsValue::from_f64(3.0)).unwrap_err();
    assert!(err.is_instance_of::<js_sys::Error>());
    assert_eq!(get(&err, "code").as_string().as_deref(), Some("input.invalid_type"));
    let _ = Object::new();
}
