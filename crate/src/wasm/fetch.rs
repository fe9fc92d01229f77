//! [`HttpClient`] over `fetch` (gloo-net), usable in a service worker (no `window`): the timeout uses the global
//! `setTimeout` and an `AbortController`. Redirects are never followed (`redirect: "manual"`): the token goes only
//! to the URL the core built, and a redirect is answered as [`HttpError::Redirect`] (issue 12).

use crate::http::{HttpClient, HttpError, HttpRequest, HttpResponse};
use wasm_bindgen::closure::Closure;
use wasm_bindgen::{JsCast, JsValue};

pub(crate) struct Fetch;

fn set_timeout(callback: &Closure<dyn FnMut()>, ms: u32) -> Option<JsValue> {
    let global = js_sys::global();
    let f =
        js_sys::Reflect::get(&global, &JsValue::from_str("setTimeout")).ok()?.dyn_into::<js_sys::Function>().ok()?;
    f.call2(&global, callback.as_ref(), &JsValue::from(ms)).ok()
}

fn clear_timeout(handle: &JsValue) {
    let global = js_sys::global();
    if let Some(f) = js_sys::Reflect::get(&global, &JsValue::from_str("clearTimeout"))
        .ok()
        .and_then(|f| f.dyn_into::<js_sys::Function>().ok())
    {
        let _ = f.call1(&global, handle);
    }
}

impl HttpClient for Fetch {
    async fn send(&self, request: HttpRequest) -> Result<HttpResponse, HttpError> {
        let controller =
            web_sys::AbortController::new().map_err(|_| HttpError::Network("no AbortController".into()))?;
        let signal = controller.signal();
        let abort = controller.clone();
        let on_timeout = Closure::<dyn FnMut()>::new(move || abort.abort());
        let handle = set_timeout(&on_timeout, request.timeout_ms);
        let mut builder = match request.method {
            "POST" => gloo_net::http::Request::post(&request.url),
            _ => gloo_net::http::Request::get(&request.url),
        };
        for (k, v) in &request.headers {
            builder = builder.header(k, v);
        }
        for (k, v) in &request.secret_headers {
            builder = builder.header(k, v.expose());
        }
        let result = builder.redirect(web_sys::RequestRedirect::Manual).abort_signal(Some(&signal)).send().await;
        let outcome = match result {
            Ok(response) if response.type_() == web_sys::ResponseType::Opaqueredirect => Err(HttpError::Redirect),
            Ok(response) => {
                let status = response.status();
                // With `manual` a redirect is never followed; should a platform follow one anyway, say where it ended.
                let final_url = response.redirected().then(|| response.url());
                match response.text().await {
                    Ok(body) => Ok(HttpResponse { status, body, final_url }),
                    Err(_) if signal.aborted() => Err(HttpError::Timeout),
                    Err(e) => Err(HttpError::Network(e.to_string())),
                }
            }
            Err(_) if signal.aborted() => Err(HttpError::Timeout),
            Err(e) => Err(HttpError::Network(e.to_string())),
        };
        if let Some(h) = handle {
            clear_timeout(&h);
        }
        drop(on_timeout);
        outcome
    }

    fn now_ms(&self) -> f64 {
        js_sys::Date::now()
    }
}
