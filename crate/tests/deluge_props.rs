//! Property tests of the Deluge module (native only: proptest does not run under wasm-bindgen-test).
//!
//! - any string → `string_literal` → read back → the same string;
//! - any JSON body → generated Deluge → a small evaluator of the map-building subset → the same JSON;
//! - the formatter is idempotent and changes layout only;
//! - the parser, checker and formatter never panic on arbitrary input.
#![cfg(not(target_arch = "wasm32"))]
#![allow(clippy::unwrap_used, clippy::expect_used)] // test helpers: a broken assumption is a test failure

use proptest::prelude::*;
use serde_json::{Map, Value};
use std::collections::HashMap;
use zoho_connector_kit::deluge::format::{format_deluge_with, FormatOptions, Layout};
use zoho_connector_kit::deluge::lexer::{lex, TokenKind};
use zoho_connector_kit::deluge::literal::read_string_literal;
use zoho_connector_kit::deluge::parser::{parse, Expr, ExprKind, StmtKind};
use zoho_connector_kit::deluge::{check_deluge, format_deluge, generate_invoke_url, string_literal};
use zoho_connector_kit::deluge::{BodyMode, HttpMethod, InvokeUrlSpec, Style};

/// Evaluates the map-building subset: `v = Map()|List()|literal;`, `v.put(k, x);`, `v.add(x);`, and returns the
/// value sent as `parameters: payload.toString()` by the invokeurl.
fn evaluate(deluge: &str) -> Value {
    let parsed = parse(deluge);
    assert!(parsed.diagnostics.is_empty(), "{deluge}\n{:?}", parsed.diagnostics);
    let mut vars: HashMap<String, Value> = HashMap::new();
    let mut sent = None;
    for s in &parsed.statements {
        match &s.kind {
            StmtKind::Assign { target, value, .. } => {
                let ExprKind::Name(name) = &target.kind else { panic!("assignment to {target:?}") };
                if let ExprKind::InvokeUrl(task) = &value.kind {
                    let p = task.params.iter().find(|p| p.name == "parameters").expect("parameters");
                    let ExprKind::Call { callee, .. } = &p.value.kind else { panic!("not toString()") };
                    let ExprKind::Member { object, name, .. } = &callee.kind else { panic!() };
                    assert_eq!(name, "toString");
                    sent = Some(eval(object, &vars));
                    break;
                } else {
                    let v = eval(value, &vars);
                    vars.insert(name.clone(), v);
                }
            }
            StmtKind::Expr(Expr { kind: ExprKind::Call { callee, args }, .. }) => {
                let ExprKind::Member { object, name, .. } = &callee.kind else { panic!() };
                let ExprKind::Name(var) = &object.kind else { panic!() };
                let values: Vec<Value> = args.iter().map(|a| eval(a, &vars)).collect();
                let target = vars.get_mut(var).expect("declared before use");
                match (name.as_str(), target, values.as_slice()) {
                    ("put", Value::Object(m), [Value::String(k), v]) => {
                        m.insert(k.clone(), v.clone());
                    }
                    ("add", Value::Array(a), [v]) => a.push(v.clone()),
                    other => panic!("unexpected call {other:?}"),
                }
            }
            _ => {}
        }
    }
    sent.expect("an invokeurl with parameters")
}

fn eval(e: &Expr, vars: &HashMap<String, Value>) -> Value {
    match &e.kind {
        ExprKind::Null => Value::Null,
        ExprKind::Bool(b) => Value::Bool(*b),
        ExprKind::Text(t) => Value::String(t.clone()),
        ExprKind::Number(n) => number(n, false),
        ExprKind::Unary { op, operand } if op == "-" => match &operand.kind {
            ExprKind::Number(n) => number(n, true),
            other => panic!("unary on {other:?}"),
        },
        ExprKind::Name(n) => vars.get(n).cloned().unwrap_or_else(|| panic!("unknown variable {n}")),
        ExprKind::Call { callee, args } if args.is_empty() => match &callee.kind {
            ExprKind::Name(n) if n == "Map" => Value::Object(Map::new()),
            ExprKind::Name(n) if n == "List" => Value::Array(Vec::new()),
            other => panic!("call {other:?}"),
        },
        ExprKind::Map(entries) => Value::Object(
            entries
                .iter()
                .map(|(k, v)| match eval(k, vars) {
                    Value::String(k) => (k, eval(v, vars)),
                    other => panic!("key {other:?}"),
                })
                .collect(),
        ),
        ExprKind::List(items) => Value::Array(items.iter().map(|i| eval(i, vars)).collect()),
        other => panic!("cannot evaluate {other:?}"),
    }
}

fn number(text: &str, negative: bool) -> Value {
    let signed = if negative { format!("-{text}") } else { text.to_string() };
    if text.contains('.') {
        Value::from(signed.parse::<f64>().unwrap())
    } else if let Ok(i) = signed.parse::<i64>() {
        Value::from(i)
    } else {
        Value::from(signed.parse::<u64>().unwrap())
    }
}

fn json_value() -> impl Strategy<Value = Value> {
    let leaf = prop_oneof![
        Just(Value::Null),
        any::<bool>().prop_map(Value::Bool),
        any::<i64>().prop_map(Value::from),
        any::<u64>().prop_map(Value::from),
        any::<f64>().prop_filter("finite", |f| f.is_finite()).prop_map(Value::from),
        any::<String>().prop_map(Value::String),
    ];
    leaf.prop_recursive(4, 40, 6, |inner| {
        prop_oneof![
            prop::collection::vec(inner.clone(), 0..6).prop_map(Value::Array),
            prop::collection::btree_map(any::<String>(), inner, 0..6)
                .prop_map(|m| Value::Object(m.into_iter().collect())),
        ]
    })
}

fn body() -> impl Strategy<Value = Value> {
    prop_oneof![
        prop::collection::vec(json_value(), 0..4).prop_map(Value::Array),
        prop::collection::btree_map(any::<String>(), json_value(), 0..6)
            .prop_map(|m| Value::Object(m.into_iter().collect())),
    ]
}

/// Tokens as (kind, text), comments with trailing spaces trimmed.
fn token_stream(text: &str) -> Vec<(TokenKind, String)> {
    lex(text)
        .tokens
        .iter()
        .map(|t| (t.kind, if t.kind.is_comment() { t.text.trim_end().to_string() } else { t.text.to_string() }))
        .collect()
}

const PIECES: [&str; 40] = [
    "x = 1;",
    "m = Map();",
    "m.put(\"a\", {\"b\": [1, 2]});",
    "info m;",
    "if (x > 1)",
    "{",
    "}",
    "else",
    "else if (y)",
    "for each rec in records",
    "return x;",
    "// note",
    "/* block\n comment */",
    "r = invokeurl",
    "[",
    "]",
    "];",
    "url: \"https://api.example.com/x\"",
    "type: POST",
    "content-type: \"application/json\"",
    "parameters: m.toString()",
    "l = {1, 2, 3};",
    "d = '01-Jan-2020 10:00:00';",
    "x = -y + !z;",
    "t = List:String();",
    "zoho.crm.getRecordById(\"Leads\", id);",
    "s = \"a\\\"b\";",
    "n = a.get(\"k\").toList();",
    "x += 2 * (3 - 4) / 5 % 6;",
    "f = x == 1 && y != 2 || z <= 3;",
    "big = {\n\"k\": 1,\n\"j\": [\n2,\n3\n]\n};",
    "break;",
    "continue;",
    ";",
    "(",
    ")",
    ",",
    "\"unterminated",
    "@",
    "x",
];

fn program() -> impl Strategy<Value = String> {
    prop::collection::vec(
        (0..PIECES.len(), prop_oneof![Just(" "), Just("\n"), Just("\n\n\n"), Just(""), Just("\t")]),
        0..30,
    )
    .prop_map(|parts| parts.into_iter().map(|(i, sep)| format!("{}{sep}", PIECES[i])).collect())
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(300))]

    #[test]
    fn literal_round_trips_any_string(s in any::<String>()) {
        let lit = string_literal(&s);
        prop_assert_eq!(read_string_literal(&lit), Some(s.clone()));
        let lexed = lex(&lit);
        prop_assert_eq!(lexed.tokens.len(), 1);
        prop_assert_eq!(lexed.tokens[0].kind, TokenKind::Text);
        prop_assert!(lexed.diagnostics.is_empty());
    }

    #[test]
    fn json_body_survives_generation_and_evaluation(body in body(), literal in any::<bool>(), detailed in any::<bool>()) {
        let spec = InvokeUrlSpec {
            url: Some("https://api.example.com/v1/things".into()),
            method: Some(HttpMethod::Post),
            connection: Some("example_api".into()),
            body: Some(body.clone()),
            body_mode: Some(BodyMode::Json),
            style: Some(if literal { Style::Literal } else { Style::PutLines }),
            detailed: Some(detailed),
            ..Default::default()
        };
        let deluge = generate_invoke_url(&spec).unwrap();
        prop_assert_eq!(evaluate(&deluge), body);
        let found = check_deluge(&deluge);
        prop_assert!(found.is_empty(), "{}\n{:?}", deluge, found);
        prop_assert_eq!(format_deluge_with(&deluge, FormatOptions { layout: Layout::Spaced }).unwrap(), deluge);
    }

    #[test]
    fn formatter_is_idempotent_and_keeps_tokens(text in program()) {
        for layout in [Layout::Zoho, Layout::Spaced] {
            let options = FormatOptions { layout };
            if let Ok(once) = format_deluge_with(&text, options) {
                prop_assert_eq!(token_stream(&once), token_stream(&text));
                let twice = format_deluge_with(&once, options);
                prop_assert_eq!(twice.as_ref(), Ok(&once), "input {:?} ({:?})", text, layout);
                prop_assert!(check_deluge(&once).iter().all(|d| d.severity != zoho_connector_kit::Severity::Error) || check_deluge(&text).iter().any(|d| d.severity == zoho_connector_kit::Severity::Error), "{:?}: formatted text has errors", layout);
            }
        }
    }

    #[test]
    fn nothing_panics_on_arbitrary_text(text in any::<String>()) {
        let _ = check_deluge(&text);
        let _ = format_deluge(&text);
    }

    #[test]
    fn nothing_panics_on_deluge_like_soup(text in program()) {
        let found = check_deluge(&text);
        for d in &found {
            prop_assert!(d.line.is_some() && d.column.is_some(), "{:?}", d);
        }
    }
}

#[test]
fn deep_nesting_is_a_finding_not_a_crash() {
    let text = format!("x = {}1{};", "(".repeat(100_000), ")".repeat(100_000));
    let found = check_deluge(&text);
    assert!(found.iter().any(|d| d.message.contains("nested too deeply")), "{found:?}");
    let text = "if (a)\n{\n".repeat(50_000);
    assert!(!check_deluge(&text).is_empty());
}
