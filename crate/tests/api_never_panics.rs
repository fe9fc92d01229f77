//! Property: every public entry point takes any JSON (read through `input::parse_json_value` as the CLI and the
//! JS API do) without panicking, and answers either with a value or with findings; every finding is well formed.
//!
//! Inputs are the real cases of `crate/tests/data/` with random subtrees replaced, removed or added (keys and
//! values drawn mostly from the real field names and values), plus wholly arbitrary JSON. Native only (proptest).
#![cfg(not(target_arch = "wasm32"))]
#![allow(clippy::unwrap_used, clippy::expect_used)] // tests: a panic is the failure report

use proptest::prelude::*;
use serde::de::DeserializeOwned;
use serde_json::{json, Map, Value};
use zoho_connector_kit::connection::ConfigField;
use zoho_connector_kit::connection::{assist::assist, ConnectionConfigInput};
use zoho_connector_kit::data_center::{self, detect};
use zoho_connector_kit::deluge::coql::{build_coql, check_coql, CoqlQuery};
use zoho_connector_kit::deluge::record_call::{generate_record_call, RecordCallSpec};
use zoho_connector_kit::deluge::{check_deluge, format_deluge, generate_invoke_url, InvokeUrlSpec};
use zoho_connector_kit::field::{builtin, CrmSchemaInput};
use zoho_connector_kit::input::parse_json_value;
use zoho_connector_kit::mapping::generate_mapping_deluge;
use zoho_connector_kit::preset::{self, start_config};
use zoho_connector_kit::token::{check_throttle, ThrottleInput};
use zoho_connector_kit::webhook::{validate_webhook, WebhookInput};
use zoho_connector_kit::{
    apply_mapping, build_authorization_url, build_token_requests, explain_error, parse_token_response,
    validate_connection, validate_mapping, AuthorizationInput, Diagnostic, ExplainInput, FieldMapping,
    TokenRequestInput, TokenResponseInput,
};

/// Field names of the other input types (and of the Zoho replies they carry); the connection config's come from its
/// form schema (see [`keys`]), so that mutations often hit real fields.
const OTHER_KEYS: &[&str] = &[
    "accessType",
    "prompt",
    "state",
    "config",
    "code",
    "refreshToken",
    "token",
    "reveal",
    "body",
    "status",
    "issuedAt",
    "refreshMarginMinutes",
    "callUrl",
    "grant",
    "kind",
    "events",
    "at",
    "key",
    "context",
    "accountDataCenter",
    "location",
    "accountsServer",
    "redirectUrl",
    "requestUrl",
    "request",
    "module",
    "fields",
    "sync",
    "source",
    "target",
    "transforms",
    "op",
    "to",
    "format",
    "zone",
    "toOffset",
    "decimalSeparator",
    "groupSeparator",
    "decimalPlaces",
    "true",
    "false",
    "map",
    "otherwise",
    "with",
    "separator",
    "value",
    "direction",
    "fieldAccess",
    "trigger",
    "conflictPolicy",
    "name",
    "description",
    "url",
    "method",
    "customParameters",
    "headers",
    "query",
    "bodyMode",
    "detailed",
    "responseVar",
    "style",
    "handleResponse",
    "apiVersion",
    "operation",
    "records",
    "id",
    "duplicateCheckFields",
    "criteria",
    "connection",
    "select",
    "from",
    "orderBy",
    "limit",
    "offset",
    "reply",
    "crm",
    "access_token",
    "refresh_token",
    "api_domain",
    "token_type",
    "expires_in",
    "expires_in_sec",
    "error",
    "message",
    "details",
    "data",
    "api_name",
    "data_type",
    "length",
    "pick_list_values",
    "actual_value",
    "system_mandatory",
    "decimal_place",
    "read_only",
    "lookup",
];

/// Every field name mutations pick from: the connection config's (from the schema), then [`OTHER_KEYS`].
fn keys() -> Vec<&'static str> {
    ConfigField::ALL.iter().map(|f| f.key()).chain(OTHER_KEYS.iter().copied()).collect()
}

/// Real values (enum names, hosts, scopes, numbers as text) and awkward ones.
const TEXTS: &[&str] = &[
    "",
    " ",
    "oauth2",
    "oauth1",
    "apiKey",
    "basic",
    "authorizationCode",
    "clientCredentials",
    "comma",
    "space",
    "plus",
    "query",
    "header",
    "formData",
    "offline",
    "online",
    "consent",
    "exchange",
    "refresh",
    "revoke",
    "accessToken",
    "refreshToken",
    "json",
    "form",
    "text",
    "literal",
    "putLines",
    "GET",
    "POST",
    "PUT",
    "PATCH",
    "DELETE",
    "insert",
    "update",
    "upsert",
    "get",
    "search",
    "coql",
    "eu",
    "us",
    "in",
    "com",
    "jp",
    "au",
    "ca",
    "cn",
    "sa",
    "uk",
    "com.au",
    "zoho.eu",
    "Leads",
    "Contacts",
    "Deals",
    "Accounts",
    "Invoices",
    "Last_Name",
    "Email",
    "Annual_Revenue",
    "Lead_Source",
    "Closing_Date",
    "ZohoCRM.modules.ALL",
    "ZohoCRM.settings.fields.READ",
    "ZohoCRM.modules.leads.CREATE,ZohoCRM.users.READ",
    "a.b.READ+c.d.ALL",
    "https://accounts.zoho.eu/oauth/v2/auth",
    "https://accounts.zoho.com/oauth/v2/token",
    "https://accounts.zoho.in/oauth/v2/token/revoke",
    "https://deluge.zoho.com/delugeauth/callback",
    "https://dre.zoho.eu/delugeauth/callback",
    "https://www.zohoapis.com",
    "https://crm.zoho.eu/crm/org1/tab/Leads",
    "https://login.mailchimp.com/oauth2/token",
    "https://{shop}.myshopify.com/admin/oauth/authorize",
    "http://[::1]:99999/x",
    "https://accounts.zoho.xyz/",
    "accounts.zoho.com.cn",
    "https://",
    "://",
    "%zz",
    "1000.GMB0YULZHJK411248S8I5GZ4CHUEX0",
    "1000.a1b2.c3d4",
    "zoho_crm",
    "9zoho crm",
    "trim",
    "case",
    "upper",
    "lower",
    "title",
    "parseDate",
    "parseDatetime",
    "formatDate",
    "parseNumber",
    "formatNumber",
    "parseBoolean",
    "valueMap",
    "split",
    "concat",
    "default",
    "toLookup",
    "error",
    "skip",
    "keep",
    "toCrm",
    "fromCrm",
    "twoWay",
    "onChange",
    "onCreate",
    "crmWins",
    "sourceWins",
    "create",
    "edit",
    "yyyy-MM-dd",
    "dd/MM/yyyy HH:mm",
    "d.M.yyyy",
    "yyyyyyyy",
    "+05:30",
    "-12:00",
    "+14:00",
    "Z",
    "UTC",
    "+99:99",
    "2024-05-02T23:10:00-04:00",
    "2024-02-30",
    "0000-01-01",
    "9999-12-31T23:59:59+14:00",
    "1,299.00",
    "1.299,00",
    "-0.5",
    "1e400",
    "99999999999999999999999",
    "0.000000000000000000000001",
    "true",
    "yes",
    "no",
    "INVALID_TOKEN",
    "invalid_code",
    "invalid_client",
    "Access Denied",
    "OAUTH_SCOPE_MISMATCH",
    "INVALID_DATA",
    "MANDATORY_NOT_FOUND",
    "DUPLICATE_DATA",
    "select Last_Name from Leads where Email is not null limit 10",
    "Email = 'a@b.c'",
    "(Email:equals:a@b.c)",
    "hubspot",
    "mailchimp",
    "shopify",
    "surveymonkey",
    "zohodesk",
    "zohocrm",
    "\u{0}",
    "\u{202e}",
    "ß",
    "🦀",
    "line\nbreak",
    "\"quoted\"",
    "a,b,,c",
    ".",
    "..",
    "[0]",
    "a.b[1].c",
    "customer.last_name",
];

fn leaf() -> impl Strategy<Value = Value> {
    prop_oneof![
        4 => prop::sample::select(TEXTS).prop_map(|s| Value::String(s.to_string())),
        1 => any::<String>().prop_map(Value::String),
        1 => Just(Value::Null),
        1 => any::<bool>().prop_map(Value::Bool),
        1 => prop_oneof![Just(0i64), Just(-1), Just(1), Just(200), Just(401), Just(65_535), Just(65_536),
                         Just(i64::MAX), Just(i64::MIN), Just(1_700_000_000_000)].prop_map(Value::from),
        1 => any::<i64>().prop_map(Value::from),
        1 => prop_oneof![Just(u64::MAX), Just(u64::from(u32::MAX) + 1)].prop_map(Value::from),
        1 => any::<f64>().prop_filter("finite", |f| f.is_finite()).prop_map(Value::from),
    ]
}

/// Arbitrary JSON whose object keys are mostly real field names.
fn value() -> impl Strategy<Value = Value> {
    let key = prop_oneof![4 => prop::sample::select(keys()).prop_map(str::to_string), 1 => "[a-zA-Z_]{0,8}"];
    leaf().prop_recursive(4, 48, 6, move |inner| {
        prop_oneof![
            prop::collection::vec(inner.clone(), 0..6).prop_map(Value::Array),
            prop::collection::vec((key.clone(), inner), 0..8).prop_map(|kv| Value::Object(kv.into_iter().collect())),
        ]
    })
}

/// One change to a JSON tree: at the node with preorder index `at % count`, `kind` 0–2 replaces it, 3 removes it
/// (from its object or array), 4 adds `key: value` to it (or pushes `value`), 5 replaces it with its own
/// stringified JSON (types confused the way a hand-written file confuses them).
type Mutation = (usize, u8, String, Value);

fn mutation() -> impl Strategy<Value = Mutation> {
    (any::<usize>(), 0u8..6, prop::sample::select(keys()).prop_map(str::to_string), value())
}

fn count(v: &Value) -> usize {
    1 + match v {
        Value::Array(a) => a.iter().map(count).sum(),
        Value::Object(m) => m.values().map(count).sum(),
        _ => 0,
    }
}

/// Applies `m` at preorder index `*at` (counting down); true when done.
fn apply_at(v: &mut Value, at: &mut usize, m: &Mutation) -> bool {
    if *at == 0 {
        let (_, kind, key, new) = m;
        match (kind, &mut *v) {
            (4, Value::Object(map)) => {
                map.insert(key.clone(), new.clone());
            }
            (4, Value::Array(items)) => items.push(new.clone()),
            (5, _) => *v = Value::String(v.to_string()),
            _ => *v = new.clone(),
        }
        return true;
    }
    *at -= 1;
    match v {
        Value::Array(items) => {
            for i in 0..items.len() {
                if *at == 0 && m.1 == 3 {
                    items.remove(i);
                    return true;
                }
                if apply_at(&mut items[i], at, m) {
                    return true;
                }
            }
        }
        Value::Object(map) => {
            let keys: Vec<String> = map.keys().cloned().collect();
            for k in keys {
                if *at == 0 && m.1 == 3 {
                    map.remove(&k);
                    return true;
                }
                if apply_at(map.get_mut(&k).unwrap(), at, m) {
                    return true;
                }
            }
        }
        _ => {}
    }
    false
}

fn mutate(mut v: Value, mutations: &[Mutation]) -> Value {
    for m in mutations {
        let mut at = m.0 % count(&v);
        apply_at(&mut v, &mut at, m);
    }
    v
}

/// The real cases of a data file (the value under `field`, or the whole item when `field` is empty), mutated; or
/// arbitrary JSON.
fn input_from(data: &'static str, field: &'static str) -> impl Strategy<Value = Value> {
    let cases: Vec<Value> = serde_json::from_str::<Vec<Value>>(data)
        .unwrap()
        .into_iter()
        .map(|c| if field.is_empty() { c } else { c[field].clone() })
        .collect();
    assert!(!cases.is_empty());
    prop_oneof![
        6 => (prop::sample::select(cases), prop::collection::vec(mutation(), 0..4)).prop_map(|(c, m)| mutate(c, &m)),
        1 => value(),
    ]
}

/// Every finding names a stable dotted code, says something and (errors) says what to do.
fn assert_well_formed(what: &str, diagnostics: &[Diagnostic]) {
    for d in diagnostics {
        let code = d.code.as_str();
        assert!(
            code.contains('.') && !code.starts_with('.') && !code.ends_with('.') && !code.contains(' '),
            "{what}: code {:?}",
            d.code
        );
        assert!(!d.message.trim().is_empty(), "{what}: empty message in {d:?}");
        assert!(!d.is_error() || !d.fix.trim().is_empty(), "{what}: error without a fix: {d:?}");
        assert!(d.line.is_none_or(|l| l >= 1) && d.column.is_none_or(|c| c >= 1), "{what}: 0-based position {d:?}");
    }
}

/// Reads `v` the way the CLI and JS API do; a refusal must itself be a well-formed finding.
fn read<T: DeserializeOwned>(what: &str, v: Value) -> Option<T> {
    match parse_json_value::<T>(v) {
        Ok(t) => Some(t),
        Err(e) => {
            assert_well_formed(what, std::slice::from_ref(&e.diagnostic));
            assert!(e.diagnostic.is_error(), "{what}: {:?}", e.diagnostic);
            None
        }
    }
}

const CONNECTIONS: &str = include_str!("data/connections/cases.json");
const AUTH: &str = include_str!("data/auth.json");
const DETECT: &str = include_str!("data/detect.json");
const TOKEN_REQUESTS: &str = include_str!("data/token/requests.json");
const TOKEN_RESPONSES: &str = include_str!("data/token/responses.json");
const THROTTLE: &str = include_str!("data/token/throttle.json");
const ERRORS: &str = include_str!("data/errors/cases.json");
const MAPPING_APPLY: &str = include_str!("data/mapping/apply.json");
const MAPPING_VALIDATE: &str = include_str!("data/mapping/validate.json");
const WEBHOOKS: &str = include_str!("data/mapping/webhook.json");
const GENERATE: &str = include_str!("data/deluge/generate.json");
const RECORD: &str = include_str!("data/deluge/record.json");
const COQL: &str = include_str!("data/deluge/coql.json");
const LEADS_REPLY: &str = include_str!("data/mapping/leads_fields_reply.json");

fn check_connection(config: &ConnectionConfigInput) {
    let report = validate_connection(config);
    assert_well_formed("validate_connection", &report.diagnostics);
    let help = assist(config);
    if let Some(deluge) = &help.deluge {
        assert!(!Diagnostic::has_errors(&check_deluge(deluge)), "assist Deluge fails the checker:\n{deluge}");
    }
    // The overlay keeps the last assist while only the client ID or secret changes (extension/src/check-form.ts):
    // its answer must not depend on them.
    for (id, secret) in [(None, None), (Some("1000.OTHERCLIENT"), Some("s3cr3t"))] {
        let other = ConnectionConfigInput {
            client_id: id.map(String::from),
            client_secret: secret.map(zoho_connector_kit::secret::Secret::new),
            ..config.clone()
        };
        assert_eq!(assist(&other), help, "assist changed with the client ID or secret: {config:?}");
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 96, ..ProptestConfig::default() })]

    #[test]
    fn connection_config(v in input_from(CONNECTIONS, "config")) {
        if let Some(config) = read::<ConnectionConfigInput>("connection", v) {
            check_connection(&config);
        }
    }

    #[test]
    fn authorization_url(v in input_from(AUTH, "input")) {
        if let Some(input) = read::<AuthorizationInput>("authorization", v) {
            let answer = build_authorization_url(&input);
            assert_well_formed("build_authorization_url", &answer.diagnostics);
            prop_assert!(answer.url.is_some() || Diagnostic::has_errors(&answer.diagnostics), "{:?}", answer);
            if let Some(url) = &answer.url {
                let parsed = url::Url::parse(url);
                prop_assert!(parsed.is_ok(), "{}", url);
            }
        }
    }

    #[test]
    fn data_center_detection(v in input_from(DETECT, "input")) {
        let text = match &v { Value::String(s) => s.clone(), other => other.to_string() };
        let found = detect(&text);
        assert_well_formed("detect", &found.diagnostics);
        if let Some(id) = found.data_center {
            prop_assert_eq!(data_center::lookup(id).id, id);
        }
    }

    #[test]
    fn token_requests(v in input_from(TOKEN_REQUESTS, "input")) {
        if let Some(input) = read::<TokenRequestInput>("token requests", v) {
            let answer = build_token_requests(&input);
            assert_well_formed("build_token_requests", &answer.diagnostics);
            prop_assert!(
                answer.exchange.is_some() || answer.refresh.is_some() || answer.revoke.is_some()
                    || !answer.diagnostics.is_empty(),
                "{:?}", answer
            );
        }
    }

    #[test]
    fn token_response(v in input_from(TOKEN_RESPONSES, "input")) {
        if let Some(input) = read::<TokenResponseInput>("token response", v) {
            let answer = parse_token_response(&input);
            assert_well_formed("parse_token_response", &answer.diagnostics);
            prop_assert!(answer.ok || answer.error.is_some() || Diagnostic::has_errors(&answer.diagnostics), "{:?}", answer);
        }
    }

    #[test]
    fn throttle(v in input_from(THROTTLE, "input")) {
        if let Some(input) = read::<ThrottleInput>("throttle", v) {
            let answer = check_throttle(&input);
            assert_well_formed("check_throttle", &answer.diagnostics);
            prop_assert!(!answer.throttled || answer.counted >= answer.limit, "{:?}", answer);
        }
    }

    #[test]
    fn error_explainer(v in input_from(ERRORS, "")) {
        let v = match v {
            Value::Object(mut m) => {
                m.retain(|k, _| k == "status" || k == "body" || k == "context");
                Value::Object(m)
            }
            other => other,
        };
        if let Some(input) = read::<ExplainInput>("explain", v) {
            let e = explain_error(&input);
            // The code is empty when the body names none; there is always a title, and a cause unless it is a success.
            prop_assert!(!e.title.trim().is_empty(), "{:?}", e);
            let success = e.status.is_some_and(|s| (200..300).contains(&s)) && e.code.as_str().starts_with("HTTP ");
            prop_assert!(success || !e.likely_causes.is_empty(), "{:?}", e);
            prop_assert!(e.likely_causes.iter().all(|c| !c.explanation.trim().is_empty()), "{:?}", e);
        }
    }

    #[test]
    fn mapping(v in prop_oneof![input_from(MAPPING_APPLY, ""), input_from(MAPPING_VALIDATE, "")]) {
        let mut crm = v.get("crm").cloned().unwrap_or(Value::Null);
        if crm.get("reply").and_then(Value::as_str) == Some("leads_fields_reply") {
            crm["reply"] = serde_json::from_str(LEADS_REPLY).unwrap();
        }
        let schema = read::<CrmSchemaInput>("crm schema", crm)
            .and_then(|c| c.resolve().ok())
            .map(|(s, findings)| { assert_well_formed("schema", &findings); s })
            .unwrap_or_else(|| builtin::schema("Deals").unwrap());
        let records: Vec<Value> = match v.get("records") { Some(Value::Array(r)) => r.clone(), _ => Vec::new() };
        if let Some(mapping) = read::<FieldMapping>("mapping", v.get("mapping").cloned().unwrap_or(Value::Null)) {
            assert_well_formed("validate_mapping", &validate_mapping(&mapping, &schema, None));
            let preview = apply_mapping(&mapping, &schema, &records);
            prop_assert_eq!(preview.sent.len() + preview.skipped.len(), records.len());
            let out = generate_mapping_deluge(&mapping, &schema, "https://www.zohoapis.eu", "zoho_crm_eu");
            assert_well_formed("generate_mapping_deluge", &out.diagnostics);
            match &out.deluge {
                Some(deluge) => prop_assert!(!Diagnostic::has_errors(&check_deluge(deluge)), "{}", deluge),
                None => prop_assert!(Diagnostic::has_errors(&out.diagnostics), "{:?}", out),
            }
        }
    }

    #[test]
    fn webhook(v in input_from(WEBHOOKS, "input")) {
        if let Some(input) = read::<WebhookInput>("webhook", v) {
            let check = validate_webhook(&input);
            assert_well_formed("validate_webhook", &check.diagnostics);
            prop_assert!(check.webhook.is_some() || Diagnostic::has_errors(&check.diagnostics), "{:?}", check);
        }
    }

    #[test]
    fn invoke_url(v in input_from(GENERATE, "spec")) {
        if let Some(spec) = read::<InvokeUrlSpec>("invoke url", v) {
            match generate_invoke_url(&spec) {
                Ok(deluge) => prop_assert!(!Diagnostic::has_errors(&check_deluge(&deluge)), "{}", deluge),
                Err(found) => {
                    assert_well_formed("generate_invoke_url", &found);
                    prop_assert!(Diagnostic::has_errors(&found));
                }
            }
        }
    }

    #[test]
    fn record_call(v in input_from(RECORD, "spec")) {
        if let Some(spec) = read::<RecordCallSpec>("record call", v) {
            let snippet = generate_record_call(&spec);
            assert_well_formed("generate_record_call", &snippet.diagnostics);
            match &snippet.deluge {
                Some(deluge) => prop_assert!(!Diagnostic::has_errors(&check_deluge(deluge)), "{}", deluge),
                None => prop_assert!(Diagnostic::has_errors(&snippet.diagnostics), "{:?}", snippet),
            }
        }
    }

    #[test]
    fn coql(v in input_from(COQL, "text"), q in value()) {
        let text = match &v { Value::String(s) => s.clone(), other => other.to_string() };
        assert_well_formed("check_coql", &check_coql(&text));
        let q = match q {
            Value::Object(mut m) => { m.insert("select".into(), json!(["Last_Name"])); m.insert("from".into(), json!("Leads")); Value::Object(m) }
            other => other,
        };
        for q in [json!({"select": ["Last_Name", "Email"], "from": "Leads", "where": text}), json!({"criteria": text, "from": "Leads", "select": ["Email"]}), q] {
            if let Some(query) = read::<CoqlQuery>("coql", q) {
                let answer = build_coql(&query);
                assert_well_formed("build_coql", &answer.diagnostics);
                prop_assert!(answer.query.is_some() || Diagnostic::has_errors(&answer.diagnostics), "{:?}", answer);
            }
        }
    }

    #[test]
    fn deluge_text_from_values(v in value()) {
        // Arbitrary text is covered by deluge_props.rs; here JSON-ish text, which looks like Deluge maps and lists.
        let text = v.to_string();
        assert_well_formed("check_deluge", &check_deluge(&text));
        if let Err(found) = format_deluge(&text) {
            assert_well_formed("format_deluge", &found);
            prop_assert!(!found.is_empty());
        }
    }

    #[test]
    fn preset_lookup_and_start(name in prop_oneof![prop::sample::select(TEXTS).prop_map(str::to_string), any::<String>()]) {
        let _ = preset::find(&name);
    }
}

#[test]
fn every_preset_starts_a_config_the_doctor_reads() {
    let dcs: Vec<_> = std::iter::once(None).chain(data_center::list().iter().map(|d| Some(d.id))).collect();
    let mut n = 0;
    for p in preset::presets() {
        for dc in &dcs {
            let config: Value = start_config(p, *dc);
            let mut file = config.as_object().cloned().unwrap_or_else(Map::new);
            file.insert("clientId".into(), json!("1000.GMB0YULZHJK411248S8I5GZ4CHUEX0"));
            let config: ConnectionConfigInput =
                parse_json_value(Value::Object(file)).unwrap_or_else(|e| panic!("{} {dc:?}: {:?}", p.id, e.diagnostic));
            check_connection(&config);
            n += 1;
        }
    }
    assert!(n >= 6 * 2, "{n}");
}
