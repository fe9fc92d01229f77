//! Generating `invokeurl` calls and their payloads as Deluge text.
//!
//! One generator serves every face: the snippet builder, the CRM record calls ([`super::record_call`]), COQL
//! ([`super::coql`]) and the token requests of the connection doctor. Every snippet it writes passes
//! [`super::check_deluge`] with no error and is already in [`super::format_deluge`] layout.
//!
//! Facts (docs/facts.md §6.1, zoho.com/deluge/help/deluge-invoke-url.html \[OFF\]): parameters `url`, `type`
//! (GET/POST/PUT/PATCH/DELETE, default GET), `headers`, `parameters`, `connection`, `detailed`; a JSON body is a
//! map sent as `parameters: map.toString()` with a JSON content-type header (invokeurl-api-task.html \[OFF\],
//! toString practice \[3P\]); a KEY-VALUE `parameters` is sent form-encoded by default (invokeurl-api-task.html
//! \[OFF\]).
//!
//! ```
//! use zoho_connector_kit::deluge::generate::{generate_invoke_url, HttpMethod, InvokeUrlSpec};
//! let spec = InvokeUrlSpec {
//!     url: Some("https://api.example.com/v1/orders".into()),
//!     method: Some(HttpMethod::Post),
//!     connection: Some("example_api".into()),
//!     body: Some(serde_json::json!({"id": 7, "note": "say \"hi\""})),
//!     ..InvokeUrlSpec::default()
//! };
//! let deluge = generate_invoke_url(&spec).unwrap();
//! assert!(deluge.contains("payload.put(\"note\", \"say \\\"hi\\\"\");"));
//! assert!(deluge.contains("\tparameters: payload.toString()\n"));
//! assert!(deluge.contains("\tconnection: \"example_api\"\n"));
//! ```

use super::literal::{is_identifier, is_reserved_any_case, string_literal, IDENTIFIER_SOURCE, RESERVED_SOURCE};
use crate::code::Code;
use crate::Diagnostic;
use serde::{Deserialize, Serialize};
use serde_json::{Map, Value};
use std::collections::{BTreeMap, BTreeSet};

const INVOKE_SOURCE: &str = "deluge-invoke-url";
const LINK_NAME_SOURCE: &str = "zoho-qengine-connections";

/// The HTTP method (`type` of invokeurl). Serialized in capitals: `"POST"`.
///
/// ```
/// use zoho_connector_kit::deluge::generate::HttpMethod;
/// assert_eq!(HttpMethod::Patch.as_str(), "PATCH");
/// assert_eq!(HttpMethod::default(), HttpMethod::Get);
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "UPPERCASE")]
pub enum HttpMethod {
    /// GET (the default, docs/facts.md §6.1).
    #[default]
    Get,
    /// POST.
    Post,
    /// PUT.
    Put,
    /// PATCH.
    Patch,
    /// DELETE.
    Delete,
}

impl HttpMethod {
    /// The method as written after `type:`.
    ///
    /// ```
    /// assert_eq!(zoho_connector_kit::deluge::generate::HttpMethod::Delete.as_str(), "DELETE");
    /// ```
    pub fn as_str(self) -> &'static str {
        match self {
            HttpMethod::Get => "GET",
            HttpMethod::Post => "POST",
            HttpMethod::Put => "PUT",
            HttpMethod::Patch => "PATCH",
            HttpMethod::Delete => "DELETE",
        }
    }
}

/// How the body is sent.
///
/// ```
/// use zoho_connector_kit::deluge::generate::BodyMode;
/// assert_eq!(serde_json::to_string(&BodyMode::Form).unwrap(), "\"form\"");
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub enum BodyMode {
    /// A map built from the JSON value, sent as `payload.toString()` with `Content-Type: application/json`.
    Json,
    /// A map of text values, sent form-encoded (the default for a KEY-VALUE `parameters`).
    Form,
    /// The body text as it is.
    Text,
}

/// How maps and lists are written.
///
/// ```
/// use zoho_connector_kit::deluge::generate::Style;
/// assert_eq!(serde_json::to_string(&Style::PutLines).unwrap(), "\"putLines\"");
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub enum Style {
    /// `m = Map();` then one `m.put(key, value);` a line (lists with `add`).
    #[default]
    PutLines,
    /// One literal: `{"key": value, …}`.
    Literal,
}

/// What to generate: one `invokeurl` call. Every field is optional; missing required ones become findings.
///
/// ```
/// use zoho_connector_kit::deluge::generate::InvokeUrlSpec;
/// use zoho_connector_kit::input::parse_json_text;
/// let spec: InvokeUrlSpec = parse_json_text(r#"{"url": "https://api.example.com", "bodyMode": "form"}"#).unwrap();
/// assert!(spec.body_mode.is_some());
/// assert!(parse_json_text::<InvokeUrlSpec>(r#"{"uri": "x"}"#).is_err());
/// ```
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "camelCase")]
pub struct InvokeUrlSpec {
    /// The URL, `http` or `https`, without the query (see `query`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub url: Option<String>,
    /// GET when absent.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub method: Option<HttpMethod>,
    /// The connection's link name.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub connection: Option<String>,
    /// Request headers.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub headers: Option<BTreeMap<String, String>>,
    /// Query parameters, encoded into the URL (text, numbers and booleans).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub query: Option<Map<String, Value>>,
    /// The body: any JSON value (json), an object of text values (form) or a string (text).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub body: Option<Value>,
    /// How to send the body; `text` for a string body and `json` otherwise when absent.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub body_mode: Option<BodyMode>,
    /// `detailed: true`: the response is a map with `responseCode`, `responseHeader`, `responseText`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub detailed: Option<bool>,
    /// The response variable, `response` when absent.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub response_var: Option<String>,
    /// `putLines` when absent.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub style: Option<Style>,
    /// Scopes the call needs, named in the comment header only.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub scopes: Option<Vec<String>>,
    /// Whether to add response handling (`info`, `responseCode` check, `get("data")`); true when absent.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub handle_response: Option<bool>,
}

/// A generated snippet, or the findings that prevented it.
///
/// ```
/// use zoho_connector_kit::deluge::generate::{invoke_url_snippet, InvokeUrlSpec};
/// let s = invoke_url_snippet(&InvokeUrlSpec::default());
/// assert!(s.deluge.is_none());
/// assert_eq!(s.diagnostics[0].code, "deluge.generate.missing_url");
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Snippet {
    /// The Deluge text; absent when an error finding prevents it.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub deluge: Option<String>,
    /// Findings about the spec.
    pub diagnostics: Vec<Diagnostic>,
}

/// [`generate_invoke_url`] as one answer value (for JavaScript and the CLI).
///
/// ```
/// use zoho_connector_kit::deluge::generate::{invoke_url_snippet, InvokeUrlSpec};
/// let spec = InvokeUrlSpec { url: Some("https://api.example.com/ping".into()), ..Default::default() };
/// assert!(invoke_url_snippet(&spec).deluge.unwrap().contains("type: GET"));
/// ```
pub fn invoke_url_snippet(spec: &InvokeUrlSpec) -> Snippet {
    match generate_invoke_url(spec) {
        Ok(deluge) => Snippet { deluge: Some(deluge), diagnostics: Vec::new() },
        Err(diagnostics) => Snippet { deluge: None, diagnostics },
    }
}

/// Writes the Deluge of one `invokeurl` call: comment header, headers map, payload, the call, response handling.
///
/// ```
/// use zoho_connector_kit::deluge::generate::{generate_invoke_url, BodyMode, HttpMethod, InvokeUrlSpec};
/// // The OAuth token request of the connection doctor: a form body POSTed to the accounts server.
/// let spec = InvokeUrlSpec {
///     url: Some("https://accounts.zoho.eu/oauth/v2/token".into()),
///     method: Some(HttpMethod::Post),
///     body_mode: Some(BodyMode::Form),
///     body: Some(serde_json::json!({"grant_type": "refresh_token", "client_id": "1000.X"})),
///     ..Default::default()
/// };
/// let deluge = generate_invoke_url(&spec).unwrap();
/// assert!(deluge.contains("form.put(\"grant_type\", \"refresh_token\");"));
/// assert!(deluge.contains("\tparameters: form\n"));
/// assert!(zoho_connector_kit::deluge::check_deluge(&deluge).is_empty());
/// ```
pub fn generate_invoke_url(spec: &InvokeUrlSpec) -> Result<String, Vec<Diagnostic>> {
    let mut g =
        Generator { out: String::new(), names: Names::default(), diagnostics: Vec::new(), style: Style::default() };
    let plan = g.validate(spec);
    match plan {
        Some(plan) if !Diagnostic::has_errors(&g.diagnostics) => {
            g.write(spec, &plan);
            Ok(g.out)
        }
        _ => Err(g.diagnostics),
    }
}

/// A JSON value as a one-line Deluge expression: `{"k": v}` maps, `{a, b}` lists, `Map()` / `List()` when empty,
/// text through [`string_literal`].
///
/// ```
/// use zoho_connector_kit::deluge::generate::value_literal;
/// let v = serde_json::json!({"a": [1, 2.5, true, null], "b": {}, "c": "x\ny"});
/// assert_eq!(value_literal(&v), r#"{"a": {1, 2.5, true, null}, "b": Map(), "c": "x\ny"}"#);
/// ```
pub fn value_literal(value: &Value) -> String {
    let mut out = String::new();
    write_literal(&mut out, value, None);
    out
}

fn number_literal(n: &serde_json::Number) -> String {
    let text = n.to_string();
    if !n.is_f64() {
        return text;
    }
    // serde_json writes large and small decimals with an exponent (`1e20`, `1.5e-7`); Deluge has none that is
    // documented, so expand it. Using serde_json's text (not f64 `Display`) keeps core's float formatter out of
    // the Wasm. A decimal point is kept so that the value stays a decimal.
    let plain = expand_exponent(&text);
    if plain.contains('.') {
        plain
    } else {
        format!("{plain}.0")
    }
}

/// `1.5e-7` → `0.00000015`, `-2e20` → `-200000000000000000000`; text without an exponent is returned as is.
fn expand_exponent(text: &str) -> String {
    let Some((mantissa, exp)) = text.split_once(['e', 'E']) else { return text.to_string() };
    let Ok(exp) = exp.trim_start_matches('+').parse::<i32>() else { return text.to_string() };
    let (sign, mantissa) = match mantissa.strip_prefix('-') {
        Some(m) => ("-", m),
        None => ("", mantissa),
    };
    let (int, frac) = mantissa.split_once('.').unwrap_or((mantissa, ""));
    let digits = format!("{int}{frac}");
    let point = i64::try_from(int.len()).unwrap_or(0) + i64::from(exp);
    let body = if point <= 0 {
        let zeros = usize::try_from(-point).unwrap_or(0);
        format!("0.{}{digits}", "0".repeat(zeros))
    } else {
        let point = usize::try_from(point).unwrap_or(0);
        if point >= digits.len() {
            format!("{digits}{}", "0".repeat(point - digits.len()))
        } else {
            format!("{}.{}", digits.get(..point).unwrap_or(""), digits.get(point..).unwrap_or(""))
        }
    };
    let trimmed = body.trim_start_matches('0');
    let body = if trimmed.is_empty() || trimmed.starts_with('.') { format!("0{trimmed}") } else { trimmed.to_string() };
    format!("{sign}{body}")
}

fn scalar_literal(value: &Value) -> Option<String> {
    Some(match value {
        Value::Null => "null".to_string(),
        Value::Bool(b) => b.to_string(),
        Value::Number(n) => number_literal(n),
        Value::String(s) => string_literal(s),
        Value::Array(a) if a.is_empty() => "List()".to_string(),
        Value::Object(o) if o.is_empty() => "Map()".to_string(),
        _ => return None,
    })
}

/// Writes a literal; `indent` = Some(level) lays out large maps and lists one entry a line.
fn write_literal(out: &mut String, value: &Value, indent: Option<usize>) {
    if let Some(s) = scalar_literal(value) {
        out.push_str(&s);
        return;
    }
    let flat = {
        let mut flat = String::new();
        if indent.is_some() {
            write_literal(&mut flat, value, None);
        }
        flat
    };
    let multi = match indent {
        Some(level) => flat.len() + level * 4 > 80,
        None => false,
    };
    if indent.is_some() && !multi {
        out.push_str(&flat);
        return;
    }
    let inner = indent.map(|l| l + 1);
    let sep = |out: &mut String, first: bool| {
        if !first {
            out.push(',');
        }
        if let Some(l) = inner {
            out.push('\n');
            push_indent(out, l);
        } else if !first {
            out.push(' ');
        }
    };
    out.push('{');
    match value {
        Value::Object(map) => {
            for (i, (k, v)) in map.iter().enumerate() {
                sep(out, i == 0);
                out.push_str(&string_literal(k));
                out.push_str(": ");
                write_literal(out, v, inner);
            }
        }
        Value::Array(items) => {
            for (i, v) in items.iter().enumerate() {
                sep(out, i == 0);
                write_literal(out, v, inner);
            }
        }
        _ => {}
    }
    if let Some(l) = indent {
        out.push('\n');
        push_indent(out, l);
    }
    out.push('}');
}

#[cfg(test)]
mod tests {
    use super::expand_exponent;

    #[test]
    fn exponents_expand_to_plain_decimals() {
        assert_eq!(expand_exponent("1e20"), "100000000000000000000");
        assert_eq!(expand_exponent("1.5e-7"), "0.00000015");
        assert_eq!(expand_exponent("-2.25e1"), "-22.5");
        assert_eq!(expand_exponent("12.5"), "12.5");
    }
}

fn push_indent(out: &mut String, level: usize) {
    for _ in 0..level {
        out.push('\t');
    }
}

/// Variable names: valid identifiers ([`IDENTIFIER_SOURCE`]), never reserved, unique within the snippet.
#[derive(Default)]
struct Names {
    used: BTreeSet<String>,
}

/// Statement words that are not in the reserved list but would read badly as names.
const AVOID: [&str; 8] = ["info", "invokeurl", "each", "for", "break", "continue", "sendmail", "input"];

impl Names {
    fn fresh(&mut self, wanted: &str) -> String {
        let mut base: String =
            wanted.chars().map(|c| if c.is_ascii_alphanumeric() || c == '_' { c } else { '_' }).collect();
        if !base.starts_with(|c: char| c.is_ascii_alphabetic() || c == '_') {
            base.insert_str(0, "v_");
        }
        if base.len() > 40 {
            base.truncate(40);
        }
        let mut name = base.clone();
        let mut n = 2u32;
        while self.taken(&name) {
            name = format!("{base}{n}");
            n = n.saturating_add(1);
        }
        self.used.insert(name.to_ascii_lowercase());
        name
    }

    fn taken(&self, name: &str) -> bool {
        is_reserved_any_case(name)
            || AVOID.iter().any(|w| w.eq_ignore_ascii_case(name))
            || self.used.contains(&name.to_ascii_lowercase())
    }
}

struct Plan {
    url: String,
    method: HttpMethod,
    mode: Option<BodyMode>,
    response_var: String,
    is_crm: bool,
}

struct Generator {
    out: String,
    names: Names,
    diagnostics: Vec<Diagnostic>,
    style: Style,
}

impl Generator {
    fn error(&mut self, code: Code, path: &str, message: String, fix: &str, source: Option<&str>) {
        let mut d = Diagnostic::error(code, path, message).with_fix(fix);
        if let Some(s) = source {
            d = d.with_source(s);
        }
        self.diagnostics.push(d);
    }

    fn validate(&mut self, spec: &InvokeUrlSpec) -> Option<Plan> {
        self.style = spec.style.unwrap_or_default();
        let method = spec.method.unwrap_or_default();
        let response_var = spec.response_var.clone().unwrap_or_else(|| "response".to_string());
        if !is_identifier(&response_var) {
            self.error(
                Code::DelugeGenerateBadResponseVar,
                "responseVar",
                format!("`{response_var}` is not a valid Deluge variable name."),
                "Use a name that starts with a letter or `_` and has only letters, digits and `_`.",
                Some(IDENTIFIER_SOURCE),
            );
        } else if is_reserved_any_case(&response_var) || AVOID.iter().any(|w| w.eq_ignore_ascii_case(&response_var)) {
            self.error(
                Code::DelugeGenerateReservedResponseVar,
                "responseVar",
                format!("`{response_var}` is a Deluge keyword and cannot be a variable name."),
                "Choose another name, such as `response`.",
                Some(RESERVED_SOURCE),
            );
        }
        if let Some(link) = &spec.connection {
            if !is_link_name(link) {
                self.error(
                    Code::DelugeGenerateBadConnection,
                    "connection",
                    format!("`{link}` is not a connection link name."),
                    "Use the connection's link name: a lowercase letter first, then lowercase letters, digits or \
                     `_`, at most 50 characters.",
                    Some(LINK_NAME_SOURCE),
                );
            }
        }
        let url = self.validate_url(spec)?;
        let mode = self.validate_body(spec, method);
        if let Some(headers) = &spec.headers {
            for name in headers.keys() {
                if name.is_empty() || name.chars().any(|c| c.is_control() || c == ':' || c.is_whitespace()) {
                    self.error(
                        Code::DelugeGenerateBadHeaderName,
                        &format!("headers.{name}"),
                        format!("`{name}` is not a valid HTTP header name."),
                        "Use a header name without spaces, colons or control characters.",
                        None,
                    );
                }
            }
        }
        let is_crm = crate::url_text::parse(&url)
            .ok()
            .is_some_and(|u| u.path().starts_with("/crm/") && u.host_str().is_some_and(|h| h.contains("zohoapis.")));
        Some(Plan { url, method, mode, response_var, is_crm })
    }

    fn validate_url(&mut self, spec: &InvokeUrlSpec) -> Option<String> {
        let Some(raw) = spec.url.as_deref().map(str::trim).filter(|u| !u.is_empty()) else {
            self.error(
                Code::DelugeGenerateMissingUrl,
                "url",
                "No URL was given.".to_string(),
                "Give the full URL, e.g. https://www.zohoapis.com/crm/v8/Leads.",
                Some(INVOKE_SOURCE),
            );
            return None;
        };
        let parsed = match crate::url_text::parse(raw) {
            Ok(u) if u.scheme() == "https" || u.scheme() == "http" => u,
            _ => {
                self.error(
                    Code::DelugeGenerateBadUrl,
                    "url",
                    format!("`{raw}` is not an http(s) URL."),
                    "Give the full URL starting with https://.",
                    None,
                );
                return None;
            }
        };
        let mut url = parsed.to_string();
        if raw.ends_with(|c: char| c != '/') && url.ends_with('/') && parsed.path() == "/" && !raw.contains('?') {
            url.pop();
        }
        let mut pairs = Vec::new();
        if let Some(query) = &spec.query {
            for (key, value) in query {
                let text = match value {
                    Value::String(s) => s.clone(),
                    Value::Number(n) => n.to_string(),
                    Value::Bool(b) => b.to_string(),
                    _ => {
                        self.error(
                            Code::DelugeGenerateBadQueryValue,
                            &format!("query.{key}"),
                            format!("The query parameter `{key}` must be text, a number or a boolean."),
                            "Join lists into one text value, e.g. \"Last_Name,Email\".",
                            None,
                        );
                        continue;
                    }
                };
                let k: String = url::form_urlencoded::byte_serialize(key.as_bytes()).collect();
                let v: String = url::form_urlencoded::byte_serialize(text.as_bytes()).collect();
                pairs.push(format!("{k}={v}"));
            }
        }
        if !pairs.is_empty() {
            url.push(if url.contains('?') { '&' } else { '?' });
            url.push_str(&pairs.join("&"));
        }
        Some(url)
    }

    fn validate_body(&mut self, spec: &InvokeUrlSpec, method: HttpMethod) -> Option<BodyMode> {
        let body = spec.body.as_ref()?;
        let mode = spec.body_mode.unwrap_or(if body.is_string() { BodyMode::Text } else { BodyMode::Json });
        if method == HttpMethod::Get {
            self.error(
                Code::DelugeGenerateBodyOnGet,
                "body",
                "A GET call has no body.".to_string(),
                "Put the values in `query`, or use POST, PUT or PATCH.",
                None,
            );
        }
        match (mode, body) {
            (BodyMode::Form, Value::Object(map)) => {
                for (k, v) in map {
                    if !matches!(v, Value::String(_) | Value::Number(_) | Value::Bool(_)) {
                        self.error(
                            Code::DelugeGenerateBadFormValue,
                            &format!("body.{k}"),
                            format!("The form field `{k}` must be text, a number or a boolean."),
                            "Use bodyMode \"json\" for nested values.",
                            None,
                        );
                    }
                }
            }
            (BodyMode::Form, _) => self.error(
                Code::DelugeGenerateBadFormBody,
                "body",
                "A form body must be an object of field names and values.".to_string(),
                "Give an object such as {\"grant_type\": \"refresh_token\"}, or use bodyMode \"json\" or \"text\".",
                None,
            ),
            (BodyMode::Text, Value::String(_)) | (BodyMode::Json, _) => {}
            (BodyMode::Text, _) => self.error(
                Code::DelugeGenerateBadTextBody,
                "body",
                "A text body must be a string.".to_string(),
                "Give the body as one string, or use bodyMode \"json\".",
                None,
            ),
        }
        Some(mode)
    }

    fn line(&mut self, text: &str) {
        self.out.push_str(text);
        self.out.push('\n');
    }

    fn write(&mut self, spec: &InvokeUrlSpec, plan: &Plan) {
        self.names.used.insert(plan.response_var.to_ascii_lowercase());
        self.line(&format!("// {} {}", plan.method.as_str(), comment_text(&plan.url)));
        match &spec.connection {
            Some(c) => self.line(&format!("// Connection (link name): {c}")),
            None => self.line("// No connection: the call carries no Zoho-managed authorization."),
        }
        if let Some(scopes) = spec.scopes.as_ref().filter(|s| !s.is_empty()) {
            let list: Vec<String> = scopes.iter().map(|s| comment_text(s)).collect();
            self.line(&format!("// Scopes the connection needs: {}", list.join(", ")));
        }
        let mut headers: Vec<(String, String)> =
            spec.headers.iter().flatten().map(|(k, v)| (k.clone(), v.clone())).collect();
        if plan.mode == Some(BodyMode::Json) && !headers.iter().any(|(k, _)| k.eq_ignore_ascii_case("content-type")) {
            headers.insert(0, ("Content-Type".to_string(), "application/json".to_string()));
        }
        let headers_var = if headers.is_empty() {
            None
        } else {
            let map: Map<String, Value> = headers.into_iter().map(|(k, v)| (k, Value::String(v))).collect();
            Some(self.build("headers", &Value::Object(map), 0))
        };
        let parameters = match (plan.mode, &spec.body) {
            (Some(BodyMode::Json), Some(body @ (Value::Object(_) | Value::Array(_)))) => {
                let var = self.build("payload", body, 0);
                Some(format!("{var}.toString()"))
            }
            (Some(BodyMode::Json), Some(scalar)) => Some(string_literal(&scalar.to_string())),
            (Some(BodyMode::Form), Some(body)) => Some(self.build("form", body, 0)),
            (Some(BodyMode::Text), Some(Value::String(text))) => Some(string_literal(text)),
            _ => None,
        };
        let r = plan.response_var.clone();
        if !self.out.ends_with("\n") || self.out.lines().last().is_some_and(|l| !l.starts_with("//")) {
            self.out.push('\n');
        }
        self.line(&format!("{r} = invokeurl"));
        self.line("[");
        self.line(&format!("\turl: {}", string_literal(&plan.url)));
        self.line(&format!("\ttype: {}", plan.method.as_str()));
        if let Some(h) = headers_var {
            self.line(&format!("\theaders: {h}"));
        }
        if let Some(p) = parameters {
            self.line(&format!("\tparameters: {p}"));
        }
        if let Some(c) = &spec.connection {
            self.line(&format!("\tconnection: {}", string_literal(c)));
        }
        let detailed = spec.detailed == Some(true);
        if detailed {
            self.line("\tdetailed: true");
        }
        self.line("];");
        if spec.handle_response == Some(false) {
            return;
        }
        self.out.push('\n');
        if detailed {
            // docs/facts.md §6.1: `detailed: true` gives responseCode / responseHeader / responseText (getUrl docs
            // [OFF]; for invokeurl [?]).
            let code = self.names.fresh("responseCode");
            self.line(&format!("{code} = {r}.get(\"responseCode\");"));
            self.line(&format!("if ({code} >= 200 && {code} < 300)"));
            self.line("{");
            self.line(&format!("\tinfo {r}.get(\"responseText\");"));
            self.line("}");
            self.line("else");
            self.line("{");
            self.line(&format!("\tinfo \"HTTP \" + {code} + \": \" + {r}.get(\"responseText\");"));
            self.line("}");
        } else if plan.is_crm {
            // CRM replies wrap records in "data" (docs/facts.md §5: OAS record.json Body_Wrapper).
            let data = self.names.fresh("data");
            self.line(&format!("{data} = {r}.get(\"data\");"));
            self.line(&format!("info {data};"));
        } else {
            self.line(&format!("info {r};"));
        }
    }

    /// Writes statements that build `value` into a fresh variable named after `wanted`; returns the name.
    fn build(&mut self, wanted: &str, value: &Value, depth: usize) -> String {
        let var = self.names.fresh(wanted);
        if self.style == Style::Literal || depth > 64 {
            let mut text = String::new();
            write_literal(&mut text, value, Some(0));
            self.line(&format!("{var} = {text};"));
            return var;
        }
        match value {
            Value::Object(map) => {
                self.line(&format!("{var} = Map();"));
                for (k, v) in map {
                    let item = self.put_value(k, v, depth);
                    self.line(&format!("{var}.put({}, {item});", string_literal(k)));
                }
            }
            Value::Array(items) => {
                self.line(&format!("{var} = List();"));
                let wanted_item = singular(&var);
                for v in items {
                    let item = self.put_value(&wanted_item, v, depth);
                    self.line(&format!("{var}.add({item});"));
                }
            }
            scalar => {
                let text = scalar_literal(scalar).unwrap_or_default();
                self.line(&format!("{var} = {text};"));
            }
        }
        var
    }

    fn put_value(&mut self, wanted: &str, value: &Value, depth: usize) -> String {
        match scalar_literal(value) {
            Some(text) => text,
            None => self.build(wanted, value, depth + 1),
        }
    }
}

fn singular(name: &str) -> String {
    let trimmed = name.trim_end_matches(|c: char| c.is_ascii_digit());
    match trimmed.strip_suffix('s') {
        Some(s) if !s.is_empty() => s.to_string(),
        _ => format!("{trimmed}_item"),
    }
}

/// Comment text on one line: control characters become spaces.
fn comment_text(s: &str) -> String {
    s.chars().map(|c| if c.is_control() { ' ' } else { c }).collect()
}

/// The connection link-name rule (docs/facts.md §6.3): a lowercase letter first, then lowercase letters, digits,
/// `_`; at most 50 characters.
///
/// ```
/// use zoho_connector_kit::deluge::generate::is_link_name;
/// assert!(is_link_name("zoho_crm_2"));
/// assert!(!is_link_name("ZohoCRM"));
/// ```
pub fn is_link_name(name: &str) -> bool {
    name.len() <= 50
        && name.starts_with(|c: char| c.is_ascii_lowercase())
        && name.chars().all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '_')
}
