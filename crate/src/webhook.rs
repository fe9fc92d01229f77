//! CRM workflow webhooks (Setup > Automation > Actions > Webhooks): [`validate_webhook`] checks a webhook config
//! against Zoho's limits (docs/facts.md §5.5) and the setup guide's extra rules, and emits the webhook JSON the
//! setup guide shows plus a Deluge skeleton that receives it.
//!
//! Zoho's limits changed over time; the current page wins and the older figure is mentioned (docs/facts.md, list
//! of where the guide is wrong, item 16): name 100 characters (older: 50), URL 300 (older: 200), methods POST,
//! GET, PUT, DELETE (older: POST or GET).
//!
//! ```
//! use zoho_connector_kit::webhook::{validate_webhook, WebhookInput};
//! let input: WebhookInput = serde_json::from_value(serde_json::json!({
//!   "name": "NewLeadToShop",
//!   "url": "https://hooks.example.com/zoho/leads",
//!   "method": "POST",
//!   "module": "Leads",
//!   "fields": ["Email", "Company", "Lead_Status"]
//! })).unwrap();
//! let check = validate_webhook(&input);
//! assert!(check.diagnostics.is_empty(), "{:?}", check.diagnostics);
//! assert_eq!(check.webhook.unwrap()["fields"][1], "Company");
//! assert!(check.deluge.unwrap().contains("field_email = payload.get(\"Email\");"));
//! ```

use crate::code::Code;
use crate::deluge::{check_deluge, string_literal};
use crate::diagnostic::Diagnostic;
use serde::{Deserialize, Deserializer, Serialize};
use serde_json::{json, Value};
use std::fmt;

const SRC_WEBHOOK: &str = "zoho-crm-help-webhooks";
const SRC_WEBHOOK_OLD: &str = "zoho-crm-help-webhooks-old";
const SRC_GUIDE: &str = "zoho-setup-guide";
const SRC_MODULES: &str = "zoho-crm-v8-insert-records";

/// Name, current limit and older limit.
const NAME_MAX: usize = 100;
const NAME_MAX_OLD: usize = 50;
const URL_MAX: usize = 300;
const URL_MAX_OLD: usize = 200;
const DESCRIPTION_MAX: usize = 200;
/// The guide's "10 fields max" (guide only).
const FIELDS_MAX_GUIDE: usize = 10;

/// A custom parameter's value: usually an auth token, so it never prints.
///
/// ```
/// use zoho_connector_kit::webhook::SecretValue;
/// let s: SecretValue = serde_json::from_str("\"tok_live_123\"").unwrap();
/// assert_eq!(format!("{s:?} {s}"), "[redacted] [redacted]");
/// assert_eq!(s.reveal(), "tok_live_123");
/// ```
#[derive(Clone, PartialEq, Eq, Default)]
pub struct SecretValue(String);

impl SecretValue {
    /// The value itself; only for sending it.
    ///
    /// ```
    /// let s: zoho_connector_kit::webhook::SecretValue = serde_json::from_str("\"x\"").unwrap();
    /// assert_eq!(s.reveal(), "x");
    /// ```
    pub fn reveal(&self) -> &str {
        &self.0
    }
}

impl fmt::Debug for SecretValue {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("[redacted]")
    }
}

impl fmt::Display for SecretValue {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("[redacted]")
    }
}

impl<'de> Deserialize<'de> for SecretValue {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        // Through `Secret`, so a wrong-typed value is refused without being quoted (issue 12).
        crate::Secret::deserialize(d).map(|s| SecretValue(s.expose().to_string()))
    }
}

/// A custom parameter (name/value, typically an auth token).
///
/// ```
/// let p: zoho_connector_kit::webhook::CustomParameter =
///     serde_json::from_str(r#"{"name":"token","value":"abc"}"#).unwrap();
/// assert_eq!(p.name.as_deref(), Some("token"));
/// ```
#[derive(Debug, Clone, Default, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "camelCase")]
pub struct CustomParameter {
    /// Parameter name.
    #[serde(default)]
    pub name: Option<String>,
    /// Parameter value (kept secret).
    #[serde(default)]
    pub value: Option<SecretValue>,
}

/// A webhook config. Unknown fields are refused.
///
/// ```
/// let w: zoho_connector_kit::webhook::WebhookInput = serde_json::from_str(r#"{"name":"x","module":"Deals"}"#).unwrap();
/// assert_eq!(w.module.as_deref(), Some("Deals"));
/// ```
#[derive(Debug, Clone, Default, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "camelCase")]
pub struct WebhookInput {
    /// Webhook name: alphanumeric, ≤ 100 characters (older page: 50).
    #[serde(default)]
    pub name: Option<String>,
    /// Description, ≤ 200 characters.
    #[serde(default)]
    pub description: Option<String>,
    /// URL to notify, ≤ 300 characters (older page: 200).
    #[serde(default)]
    pub url: Option<String>,
    /// POST (default), GET, PUT or DELETE.
    #[serde(default)]
    pub method: Option<String>,
    /// The CRM module (API name).
    #[serde(default)]
    pub module: Option<String>,
    /// The workflow trigger shown in the guide's sample (`create`); `create` when absent.
    #[serde(default)]
    pub trigger: Option<String>,
    /// Custom parameters.
    #[serde(default)]
    pub custom_parameters: Vec<CustomParameter>,
    /// Field API names to send.
    #[serde(default)]
    pub fields: Vec<String>,
}

/// The findings, and when there is no error the webhook JSON and a Deluge skeleton.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct WebhookCheck {
    /// Findings, errors first.
    pub diagnostics: Vec<Diagnostic>,
    /// `{"module","trigger","url","fields"}` as the setup guide shows it (custom parameter values are never
    /// included).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub webhook: Option<Value>,
    /// A Deluge function that receives the webhook's fields as a map.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub deluge: Option<String>,
}

/// Checks a webhook config; never fails.
///
/// ```
/// use zoho_connector_kit::webhook::{validate_webhook, WebhookInput};
/// let input: WebhookInput = serde_json::from_value(serde_json::json!({
///   "name": "Notes hook", "url": "http://example.com:8080/x", "method": "PATCH", "module": "Notes"
/// })).unwrap();
/// let codes: Vec<String> = validate_webhook(&input).diagnostics.into_iter().map(|d| d.code.to_string()).collect();
/// for c in ["webhook.name_not_alphanumeric", "webhook.unsupported_module", "webhook.method", "webhook.not_https",
///           "webhook.port"] {
///     assert!(codes.contains(&c.to_string()), "{c} in {codes:?}");
/// }
/// ```
pub fn validate_webhook(input: &WebhookInput) -> WebhookCheck {
    let mut out = Vec::new();
    let name = check_name(input.name.as_deref(), &mut out);
    if let Some(d) = input.description.as_deref() {
        let n = d.chars().count();
        if n > DESCRIPTION_MAX {
            out.push(
                Diagnostic::error(
                    Code::WebhookDescriptionTooLong,
                    "description",
                    format!("The description has {n} characters; Zoho takes at most {DESCRIPTION_MAX}."),
                )
                .with_fix("Shorten the description.")
                .with_source(SRC_WEBHOOK),
            );
        }
    }
    let url = check_url(input.url.as_deref(), &mut out);
    let method = check_method(input.method.as_deref(), &mut out);
    let module = check_module(input.module.as_deref(), &mut out);
    check_parameters(&input.custom_parameters, &mut out);
    check_fields(&input.fields, &mut out);
    crate::diagnostic::sort_by_severity(&mut out);

    let ok = !Diagnostic::has_errors(&out);
    let trigger = input.trigger.as_deref().map(str::trim).filter(|t| !t.is_empty()).unwrap_or("create");
    let (webhook, deluge) = match (ok, name, url, module) {
        (true, Some(name), Some(url), Some(module)) => (
            Some(json!({ "module": module, "trigger": trigger, "url": url, "fields": input.fields })),
            Some(deluge_skeleton(name, module, &method, &input.fields, &input.custom_parameters)),
        ),
        _ => (None, None),
    };
    WebhookCheck { diagnostics: out, webhook, deluge }
}

fn check_name<'a>(name: Option<&'a str>, out: &mut Vec<Diagnostic>) -> Option<&'a str> {
    let Some(name) = name.map(str::trim).filter(|n| !n.is_empty()) else {
        out.push(
            Diagnostic::error(Code::WebhookMissingName, "name", "The webhook has no name.")
                .with_fix("Give a name of letters and digits.")
                .with_source(SRC_WEBHOOK),
        );
        return None;
    };
    if !name.chars().all(|c| c.is_ascii_alphanumeric()) {
        out.push(
            Diagnostic::error(
                Code::WebhookNameNotAlphanumeric,
                "name",
                format!("The name `{name}` has characters other than letters and digits."),
            )
            .with_fix("Use letters and digits only, e.g. NewLeadToShop.")
            .with_source(SRC_WEBHOOK),
        );
    }
    let n = name.chars().count();
    if n > NAME_MAX {
        out.push(
            Diagnostic::error(
                Code::WebhookNameTooLong,
                "name",
                format!(
                    "The name has {n} characters; Zoho takes at most {NAME_MAX} (the older page said {NAME_MAX_OLD})."
                ),
            )
            .with_fix(format!("Shorten the name to {NAME_MAX_OLD} characters or fewer to be safe with both limits."))
            .with_source(SRC_WEBHOOK),
        );
    } else if n > NAME_MAX_OLD {
        out.push(
            Diagnostic::info(
                Code::WebhookNameOverOldLimit,
                "name",
                format!("The name has {n} characters: within today's limit of {NAME_MAX}, over the older page's {NAME_MAX_OLD} (which the setup guide repeats)."),
            )
            .with_fix(format!("Fine on current Zoho CRM; shorten to {NAME_MAX_OLD} if the form refuses it."))
            .with_source(SRC_WEBHOOK_OLD),
        );
    }
    Some(name)
}

fn check_url<'a>(text: Option<&'a str>, out: &mut Vec<Diagnostic>) -> Option<&'a str> {
    let Some(text) = text.map(str::trim).filter(|t| !t.is_empty()) else {
        out.push(
            Diagnostic::error(Code::WebhookMissingUrl, "url", "The webhook has no URL to notify.")
                .with_fix("Give the https URL of the endpoint that receives the webhook.")
                .with_source(SRC_WEBHOOK),
        );
        return None;
    };
    let n = text.chars().count();
    if n > URL_MAX {
        out.push(
            Diagnostic::error(
                Code::WebhookUrlTooLong,
                "url",
                format!(
                    "The URL has {n} characters; Zoho takes at most {URL_MAX} (the older page said {URL_MAX_OLD})."
                ),
            )
            .with_fix("Shorten the URL; move values into custom parameters.")
            .with_source(SRC_WEBHOOK),
        );
    } else if n > URL_MAX_OLD {
        out.push(
            Diagnostic::info(
                Code::WebhookUrlOverOldLimit,
                "url",
                format!("The URL has {n} characters: within today's limit of {URL_MAX}, over the older page's {URL_MAX_OLD} (which the setup guide repeats)."),
            )
            .with_fix("Fine on current Zoho CRM.")
            .with_source(SRC_WEBHOOK_OLD),
        );
    }
    let url = match crate::url_text::parse(text) {
        Ok(u) if u.host_str().is_some() => u,
        _ => {
            out.push(
                Diagnostic::error(Code::WebhookInvalidUrl, "url", format!("`{text}` is not an absolute URL."))
                    .with_fix("Give a full URL such as https://hooks.example.com/zoho."),
            );
            return None;
        }
    };
    match url.scheme() {
        "https" => {}
        "http" => out.push(
            Diagnostic::warning(
                Code::WebhookNotHttps,
                "url",
                "The URL is http: the record data and custom parameters (often auth tokens) travel unencrypted.",
            )
            .with_fix("Use an https endpoint."),
        ),
        other => out.push(
            Diagnostic::error(
                Code::WebhookInvalidUrl,
                "url",
                format!("The scheme `{other}` cannot receive a webhook."),
            )
            .with_fix("Use an https URL."),
        ),
    }
    if let Some(port) = url.port() {
        if port != 80 && port != 443 {
            out.push(
                Diagnostic::warning(
                    Code::WebhookPort,
                    "url",
                    format!("The URL uses port {port}; the setup guide says to stick to ports 80 or 443."),
                )
                .with_fix("Serve the endpoint on 443 (https) or 80.")
                .with_source(SRC_GUIDE),
            );
        }
    }
    Some(text)
}

fn check_method(method: Option<&str>, out: &mut Vec<Diagnostic>) -> String {
    let Some(m) = method.map(str::trim).filter(|m| !m.is_empty()) else { return "POST".into() };
    let upper = m.to_ascii_uppercase();
    match upper.as_str() {
        "POST" | "GET" => {}
        "PUT" | "DELETE" => out.push(
            Diagnostic::info(
                Code::WebhookMethodNewer,
                "method",
                format!("{upper} is offered by current Zoho CRM; the older page and the setup guide list only POST and GET."),
            )
            .with_fix("Fine on current Zoho CRM.")
            .with_source(SRC_WEBHOOK),
        ),
        _ => out.push(
            Diagnostic::error(Code::WebhookMethod, "method", format!("`{m}` is not a webhook method."))
                .with_fix("Use POST (the default), GET, PUT or DELETE.")
                .with_source(SRC_WEBHOOK),
        ),
    }
    upper
}

fn check_module<'a>(module: Option<&'a str>, out: &mut Vec<Diagnostic>) -> Option<&'a str> {
    let Some(module) = module.map(str::trim).filter(|m| !m.is_empty()) else {
        out.push(
            Diagnostic::error(Code::WebhookMissingModule, "module", "The webhook names no module.")
                .with_fix("Give the module API name, e.g. Leads.")
                .with_source(SRC_WEBHOOK),
        );
        return None;
    };
    let key = module.to_ascii_lowercase().replace([' ', '_'], "");
    if matches!(key.as_str(), "calls" | "calllogs" | "notes") {
        out.push(
            Diagnostic::error(
                Code::WebhookUnsupportedModule,
                "module",
                format!("Webhooks are not available for {module}: not for Call Logs or Notes."),
            )
            .with_fix("Attach the webhook to a primary module, Meetings (Events) or Tasks.")
            .with_source(SRC_WEBHOOK),
        );
        return Some(module);
    }
    // The standard modules (Calls was refused above); Meetings' API name is Events.
    if key != "meetings" && !crate::scope::STANDARD_MODULES.contains(&key.as_str()) {
        out.push(
            Diagnostic::info(
                Code::WebhookModuleUnverified,
                "module",
                format!("{module} is not one of the standard modules checked here; custom modules may be fine."),
            )
            .with_fix("Check the module's API name in GET /settings/modules and that it offers webhooks.")
            .with_source(SRC_MODULES),
        );
    }
    Some(module)
}

fn check_parameters(params: &[CustomParameter], out: &mut Vec<Diagnostic>) {
    let mut seen: Vec<&str> = Vec::new();
    for (i, p) in params.iter().enumerate() {
        let path = format!("customParameters[{i}]");
        match p.name.as_deref().map(str::trim).filter(|n| !n.is_empty()) {
            None => out.push(
                Diagnostic::error(
                    Code::WebhookParameterWithoutName,
                    format!("{path}.name"),
                    "A custom parameter has no name.",
                )
                .with_fix("Name it as the receiving endpoint expects (e.g. token).")
                .with_source(SRC_WEBHOOK_OLD),
            ),
            Some(name) => {
                if seen.contains(&name) {
                    out.push(
                        Diagnostic::warning(
                            Code::WebhookDuplicateParameter,
                            format!("{path}.name"),
                            format!("The custom parameter `{name}` is given twice."),
                        )
                        .with_fix("Keep one of them."),
                    );
                }
                seen.push(name);
            }
        }
        if p.value.as_ref().is_none_or(|v| v.reveal().trim().is_empty()) {
            out.push(
                Diagnostic::warning(
                    Code::WebhookParameterWithoutValue,
                    format!("{path}.value"),
                    "A custom parameter has no value.",
                )
                .with_fix("Give the value (it is never printed by this tool).")
                .with_source(SRC_WEBHOOK_OLD),
            );
        }
    }
}

fn check_fields(fields: &[String], out: &mut Vec<Diagnostic>) {
    if fields.len() > FIELDS_MAX_GUIDE {
        out.push(
            Diagnostic::warning(
                Code::WebhookTooManyFields,
                "fields",
                format!("{} fields are sent; the setup guide says at most {FIELDS_MAX_GUIDE}.", fields.len()),
            )
            .with_fix("Send at most 10 fields, or confirm the limit in your Zoho CRM (Zoho's pages found give none; the older page caps appended entity parameters at 3,000 characters).")
            .with_source(SRC_GUIDE),
        );
    }
    for (i, f) in fields.iter().enumerate() {
        let path = format!("fields[{i}]");
        if f.trim().is_empty() || !f.chars().all(|c| c.is_ascii_alphanumeric() || c == '_') {
            out.push(
                Diagnostic::error(Code::WebhookInvalidField, path.clone(), format!("`{f}` is not a field API name."))
                    .with_fix("Use the api_name (letters, digits, underscores), e.g. Last_Name."),
            );
        }
        if fields[..i].contains(f) {
            out.push(
                Diagnostic::warning(Code::WebhookDuplicateField, path, format!("{f} is listed twice."))
                    .with_fix("List each field once."),
            );
        }
    }
}

fn deluge_skeleton(name: &str, module: &str, method: &str, fields: &[String], params: &[CustomParameter]) -> String {
    let function = format!("receive_{}", name.to_ascii_lowercase());
    let mut lines = vec![
        comment(&format!("Receives the Zoho CRM webhook {name} ({module}, {method}).")),
        comment(&format!(
            "Body of a Deluge function `map {function}(map payload)`: `payload` is the map of the fields sent."
        )),
    ];
    for p in params.iter().filter_map(|p| p.name.as_deref()) {
        lines.push(format!("// Compare the custom parameter {} with the value you configured.", string_literal(p)));
        lines.push(format!("received{} = payload.get({});", variable(p), string_literal(p)));
    }
    for f in fields {
        lines.push(format!("{} = payload.get({});", variable(f), string_literal(f)));
    }
    lines.push("info payload;".into());
    lines.push("result = Map();".into());
    lines.push("result.put(\"status\", \"received\");".into());
    lines.push("return result;".into());
    let text = lines.join("\n") + "\n";
    // The skeleton is generated text: it must pass the Deluge checker.
    debug_assert!(!Diagnostic::has_errors(&check_deluge(&text)), "{text}");
    text
}

/// A `//` comment line of typed text: a line break (or any control character) in a name would end the comment and
/// turn the rest of the name into code (found by the `surfaces` fuzz target), so each becomes a space.
fn comment(text: &str) -> String {
    let one_line: String =
        text.chars().map(|c| if c.is_control() || matches!(c, '\u{2028}' | '\u{2029}') { ' ' } else { c }).collect();
    format!("// {one_line}")
}

fn variable(name: &str) -> String {
    // Prefixed, so that no field name can become a reserved word (`date`, `list`) or clash with `payload`.
    let v: String =
        name.chars().map(|c| if c.is_ascii_alphanumeric() { c.to_ascii_lowercase() } else { '_' }).collect();
    format!("field_{v}")
}
