//! Issue 17: the Deluge function of a mapping does what the preview does. An evaluator of the Deluge subset
//! `generate_mapping_deluge` writes (assignments, `if`/`else`, `for each`, the text, list, map, number and date
//! built-ins it calls) runs the generated function on the same records as `apply_mapping`, and the two are
//! compared record by record:
//! - a record the preview sends: the Deluge builds the same record (numbers compared by value) and no error;
//! - a record the preview refuses in a transform or for a mandatory field: the Deluge refuses it too (an
//!   `errors` entry, or a Deluge runtime error such as `toDecimal` on text that is not a number);
//! - a record the preview refuses for a check of the final value (length, email shape, whole numbers, bigint
//!   digits): the Deluge leaves that check to Zoho, so it is not compared.
//!
//! The built-ins are modelled as Deluge's help pages describe them; they are not in zoho-facts.md (the generated
//! function's header says so). Native only (proptest).
#![cfg(not(target_arch = "wasm32"))]
#![allow(clippy::unwrap_used, clippy::expect_used)] // test helpers: a broken assumption is a test failure

use proptest::prelude::*;
use serde::Deserialize;
use serde_json::{json, Value};
use zoho_connector_kit::deluge::check_deluge;
use zoho_connector_kit::deluge::parser::{parse, Expr, ExprKind, Stmt, StmtKind};
use zoho_connector_kit::field::{CrmSchemaInput, ModuleSchema};
use zoho_connector_kit::input::parse_json_value;
use zoho_connector_kit::mapping::{apply_mapping, generate_mapping_deluge, FieldMapping};
use zoho_connector_kit::Severity;

/// A Deluge value.
#[derive(Debug, Clone, PartialEq)]
enum D {
    Null,
    Bool(bool),
    Long(i128),
    Dec(f64),
    Text(String),
    List(Vec<D>),
    /// Insertion order kept, as Deluge maps do.
    Map(Vec<(String, D)>),
    Date(i32, u32, u32),
}

impl D {
    fn from_json(v: &Value) -> D {
        match v {
            Value::Null => D::Null,
            Value::Bool(b) => D::Bool(*b),
            Value::Number(n) => match n.as_i64() {
                Some(i) => D::Long(i128::from(i)),
                None => match n.as_u64() {
                    Some(u) => D::Long(i128::from(u)),
                    None => D::Dec(n.as_f64().unwrap()),
                },
            },
            Value::String(s) => D::Text(s.clone()),
            Value::Array(a) => D::List(a.iter().map(D::from_json).collect()),
            Value::Object(o) => D::Map(o.iter().map(|(k, v)| (k.clone(), D::from_json(v))).collect()),
        }
    }

    fn to_json(&self) -> Value {
        match self {
            D::Null => Value::Null,
            D::Bool(b) => Value::Bool(*b),
            D::Long(i) => json!(*i as i64),
            D::Dec(f) => json!(*f),
            D::Text(s) => Value::String(s.clone()),
            D::List(l) => Value::Array(l.iter().map(D::to_json).collect()),
            D::Map(m) => Value::Object(m.iter().map(|(k, v)| (k.clone(), v.to_json())).collect()),
            D::Date(..) => Value::String(self.text()),
        }
    }

    /// `toString()`.
    fn text(&self) -> String {
        match self {
            D::Null => String::new(),
            D::Bool(b) => b.to_string(),
            D::Long(i) => i.to_string(),
            D::Dec(f) => f.to_string(),
            D::Text(s) => s.clone(),
            D::List(l) => l.iter().map(D::text).collect::<Vec<_>>().join(","),
            D::Map(_) => self.to_json().to_string(),
            D::Date(y, m, d) => format!("{y:04}-{m:02}-{d:02}"),
        }
    }

    fn number(&self) -> Option<f64> {
        match self {
            D::Long(i) => Some(*i as f64),
            D::Dec(f) => Some(*f),
            _ => None,
        }
    }

    fn truthy(&self) -> Result<bool, String> {
        match self {
            D::Bool(b) => Ok(*b),
            other => Err(format!("not a boolean: {other:?}")),
        }
    }
}

fn equal(a: &D, b: &D) -> bool {
    match (a.number(), b.number()) {
        (Some(x), Some(y)) => x == y,
        _ => a == b,
    }
}

/// What running the function gave.
#[derive(Debug)]
enum Outcome {
    /// The record it would insert.
    Inserts(Value),
    /// It returned its errors, or stopped on a runtime error.
    Refuses(String),
}

struct Eval {
    vars: Vec<(String, D)>,
}

enum Flow {
    Next,
    Stop(Outcome),
}

impl Eval {
    fn get(&self, name: &str) -> Result<D, String> {
        self.vars.iter().rev().find(|(n, _)| n == name).map(|(_, v)| v.clone()).ok_or(format!("unknown {name}"))
    }

    fn set(&mut self, name: &str, v: D) {
        match self.vars.iter_mut().find(|(n, _)| n == name) {
            Some(slot) => slot.1 = v,
            None => self.vars.push((name.to_string(), v)),
        }
    }

    fn block(&mut self, stmts: &[Stmt]) -> Result<Flow, String> {
        for s in stmts {
            if let Flow::Stop(o) = self.stmt(s)? {
                return Ok(Flow::Stop(o));
            }
        }
        Ok(Flow::Next)
    }

    fn stmt(&mut self, s: &Stmt) -> Result<Flow, String> {
        match &s.kind {
            StmtKind::Assign { target, value, op } => {
                assert_eq!(op, "=");
                let ExprKind::Name(name) = &target.kind else { return Err(format!("assignment to {target:?}")) };
                if let ExprKind::InvokeUrl(_) = &value.kind {
                    // The insert call: what would be sent is `record`, unless errors were found before.
                    let errors = self.get("errors")?;
                    assert_eq!(errors, D::List(vec![]), "the function calls Zoho with errors");
                    return Ok(Flow::Stop(Outcome::Inserts(self.get("record")?.to_json())));
                }
                let v = self.eval(value)?;
                self.set(name, v);
            }
            StmtKind::Expr(e) => {
                self.eval(e)?;
            }
            StmtKind::If { branches, otherwise } => {
                for (cond, body) in branches {
                    if self.eval(cond)?.truthy()? {
                        return self.block(body);
                    }
                }
                if let Some(body) = otherwise {
                    return self.block(body);
                }
            }
            StmtKind::ForEach { var, iterable, body, .. } => {
                let D::List(items) = self.eval(iterable)? else { return Err("for each over a non-list".into()) };
                for item in items {
                    self.set(var, item);
                    if let Flow::Stop(o) = self.block(body)? {
                        return Ok(Flow::Stop(o));
                    }
                }
            }
            StmtKind::Return(Some(e)) => {
                let v = self.eval(e)?;
                return Ok(Flow::Stop(Outcome::Refuses(v.to_json().to_string())));
            }
            StmtKind::Empty => {}
            other => return Err(format!("statement not modelled: {other:?}")),
        }
        Ok(Flow::Next)
    }

    fn eval(&mut self, e: &Expr) -> Result<D, String> {
        Ok(match &e.kind {
            ExprKind::Null => D::Null,
            ExprKind::Bool(b) => D::Bool(*b),
            ExprKind::Text(t) => D::Text(t.clone()),
            ExprKind::Number(n) => match n.parse::<i128>() {
                Ok(i) => D::Long(i),
                Err(_) => D::Dec(n.parse().map_err(|_| format!("number {n}"))?),
            },
            ExprKind::Unary { op, operand } if op == "-" => match self.eval(operand)? {
                D::Long(i) => D::Long(-i),
                D::Dec(f) => D::Dec(-f),
                other => return Err(format!("minus {other:?}")),
            },
            ExprKind::Unary { op, operand } if op == "!" => D::Bool(!self.eval(operand)?.truthy()?),
            ExprKind::Name(n) => self.get(n)?,
            ExprKind::Map(entries) => {
                let mut m = Vec::new();
                for (k, v) in entries {
                    let D::Text(k) = self.eval(k)? else { return Err("map key".into()) };
                    let v = self.eval(v)?;
                    m.push((k, v));
                }
                D::Map(m)
            }
            ExprKind::List(items) => D::List(items.iter().map(|i| self.eval(i)).collect::<Result<_, _>>()?),
            ExprKind::Binary { op, left, right } => {
                let l = self.eval(left)?;
                // && and || stop early, as in Deluge.
                match op.as_str() {
                    "&&" if !l.truthy()? => return Ok(D::Bool(false)),
                    "||" if l.truthy()? => return Ok(D::Bool(true)),
                    "&&" | "||" => return Ok(D::Bool(self.eval(right)?.truthy()?)),
                    _ => {}
                }
                let r = self.eval(right)?;
                match op.as_str() {
                    "==" => D::Bool(equal(&l, &r)),
                    "!=" => D::Bool(!equal(&l, &r)),
                    ">" | "<" => match (l.number(), r.number()) {
                        (Some(a), Some(b)) => D::Bool(if op == ">" { a > b } else { a < b }),
                        _ => return Err(format!("{l:?} {op} {r:?}")),
                    },
                    "+" => match (&l, &r) {
                        (D::Text(a), b) => D::Text(format!("{a}{}", b.text())),
                        _ => return Err(format!("{l:?} + {r:?}")),
                    },
                    _ => return Err(format!("operator {op}")),
                }
            }
            ExprKind::Call { callee, args } => {
                let args: Vec<D> = args.iter().map(|a| self.eval(a)).collect::<Result<_, _>>()?;
                match &callee.kind {
                    ExprKind::Name(n) if n == "Map" => D::Map(Vec::new()),
                    ExprKind::Name(n) if n == "List" => D::List(Vec::new()),
                    ExprKind::Member { object, name, .. } => {
                        // Calls that change a variable in place.
                        if let (ExprKind::Name(var), "put" | "add") = (&object.kind, name.as_str()) {
                            let mut target = self.get(var)?;
                            match (&mut target, name.as_str(), args.as_slice()) {
                                (D::Map(m), "put", [D::Text(k), v]) => match m.iter_mut().find(|(key, _)| key == k) {
                                    Some(slot) => slot.1 = v.clone(),
                                    None => m.push((k.clone(), v.clone())),
                                },
                                (D::List(l), "add", [v]) => l.push(v.clone()),
                                other => return Err(format!("call {other:?}")),
                            }
                            self.set(var, target);
                            return Ok(D::Null);
                        }
                        let this = self.eval(object)?;
                        method(&this, name, &args)?
                    }
                    other => return Err(format!("call of {other:?}")),
                }
            }
            other => return Err(format!("expression not modelled: {other:?}")),
        })
    }
}

/// Deluge's built-in functions used by the generator.
fn method(this: &D, name: &str, args: &[D]) -> Result<D, String> {
    let text = || this.text();
    Ok(match (name, args) {
        ("toString", []) => D::Text(text()),
        ("toString", [D::Text(pattern)]) => match this {
            D::Date(y, m, d) => D::Text(format_date(*y, *m, *d, pattern)),
            D::List(l) => D::Text(l.iter().map(D::text).collect::<Vec<_>>().join(pattern)),
            other => return Err(format!("toString({pattern}) on {other:?}")),
        },
        ("trim", []) => D::Text(text().trim().to_string()),
        ("toUpperCase", []) => D::Text(text().to_uppercase()),
        ("toLowerCase", []) => D::Text(text().to_lowercase()),
        ("get", [D::Text(k)]) => match this {
            D::Map(m) => m.iter().find(|(key, _)| key == k).map_or(D::Null, |(_, v)| v.clone()),
            D::Null => return Err("get on null".into()),
            _ => D::Null,
        },
        ("get", [D::Long(i)]) => match this {
            D::List(l) => l.get(usize::try_from(*i).map_err(|_| "index")?).cloned().unwrap_or(D::Null),
            _ => D::Null,
        },
        ("containKey", [D::Text(k)]) => match this {
            D::Map(m) => D::Bool(m.iter().any(|(key, _)| key == k)),
            _ => return Err("containKey on a non-map".into()),
        },
        ("contains", [x]) => match this {
            D::List(l) => D::Bool(l.iter().any(|i| equal(i, x))),
            D::Text(s) => D::Bool(s.contains(&x.text())),
            _ => return Err("contains".into()),
        },
        ("size", []) => match this {
            D::List(l) => D::Long(l.len() as i128),
            D::Map(m) => D::Long(m.len() as i128),
            _ => return Err("size".into()),
        },
        ("replaceAll", [D::Text(from), D::Text(to), D::Bool(true)]) => D::Text(text().replace(from.as_str(), to)),
        ("toDecimal", []) => {
            let t = text();
            let t = t.trim();
            let ok = !t.is_empty()
                && t.trim_start_matches(['-', '+']).chars().all(|c| c.is_ascii_digit() || c == '.')
                && t.matches('.').count() <= 1
                && t.chars().any(|c| c.is_ascii_digit());
            if !ok {
                return Err(format!("toDecimal: `{t}` is not a number"));
            }
            D::Dec(t.parse().map_err(|_| format!("toDecimal {t}"))?)
        }
        ("toLong", []) => {
            let t = text();
            let t = t.trim();
            let digits = t.strip_prefix('-').unwrap_or(t);
            if digits.is_empty() || !digits.bytes().all(|b| b.is_ascii_digit()) {
                return Err(format!("toLong: `{t}` is not a whole number"));
            }
            D::Long(t.parse().map_err(|_| format!("toLong {t}"))?)
        }
        ("toDate", [D::Text(pattern)]) => {
            let (y, m, d) = parse_date(&text(), pattern).ok_or(format!("toDate: `{}` is not {pattern}", text()))?;
            D::Date(y, m, d)
        }
        ("subString", [D::Long(a), D::Long(b)]) => {
            let chars: Vec<char> = text().chars().collect();
            let (a, b) = (usize::try_from(*a).unwrap(), usize::try_from(*b).unwrap().min(chars.len()));
            D::Text(chars.get(a..b).ok_or("subString out of range")?.iter().collect())
        }
        ("toList", [D::Text(sep)]) => D::List(text().split(sep.as_str()).map(|p| D::Text(p.to_string())).collect()),
        ("matches", [D::Text(re)]) if re == "[0-9]+" => {
            D::Bool(!text().is_empty() && text().bytes().all(|b| b.is_ascii_digit()))
        }
        other => return Err(format!("built-in not modelled: {name}{other:?}")),
    })
}

fn days_in(y: i32, m: u32) -> u32 {
    match m {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        2 if (y % 4 == 0 && y % 100 != 0) || y % 400 == 0 => 29,
        2 => 28,
        _ => 0,
    }
}

/// `toDate(pattern)` for patterns of yyyy, MM, dd and literal separators (all the generator writes for the
/// table's patterns); the text must match the pattern exactly.
fn parse_date(text: &str, pattern: &str) -> Option<(i32, u32, u32)> {
    let (mut y, mut m, mut d) = (None, None, None);
    let (t, p) = (text.trim().as_bytes(), pattern.as_bytes());
    let (mut i, mut j) = (0, 0);
    while j < p.len() {
        let run = p[j..].iter().take_while(|c| **c == p[j]).count();
        if matches!(p[j], b'y' | b'M' | b'd') {
            let digits = t.get(i..i + run)?;
            if !digits.iter().all(u8::is_ascii_digit) {
                return None;
            }
            let n: u32 = std::str::from_utf8(digits).ok()?.parse().ok()?;
            match p[j] {
                b'y' => y = Some(i32::try_from(n).ok()?),
                b'M' => m = Some(n),
                _ => d = Some(n),
            }
            i += run;
        } else {
            if t.get(i..i + run)? != &p[j..j + run] {
                return None;
            }
            i += run;
        }
        j += run;
    }
    let (y, m, d) = (y?, m?, d?);
    (i == t.len() && (1..=12).contains(&m) && d >= 1 && d <= days_in(y, m)).then_some((y, m, d))
}

fn format_date(y: i32, m: u32, d: u32, pattern: &str) -> String {
    pattern.replace("yyyy", &format!("{y:04}")).replace("MM", &format!("{m:02}")).replace("dd", &format!("{d:02}"))
}

/// Runs the generated function body on one source record.
fn run(deluge: &str, record: &Value) -> Outcome {
    let parsed = parse(deluge);
    assert!(parsed.diagnostics.is_empty(), "{deluge}\n{:?}", parsed.diagnostics);
    let mut eval = Eval { vars: vec![("source".into(), D::from_json(record))] };
    match eval.block(&parsed.statements) {
        Ok(Flow::Stop(o)) => o,
        Ok(Flow::Next) => panic!("the function ended without inserting or returning"),
        Err(e) => Outcome::Refuses(format!("runtime error: {e}")),
    }
}

/// The preview's refusals that the Deluge function makes too: a transform's (its reason starts with the
/// transform's name) and a mandatory field's.
fn refused_in_both(f: &zoho_connector_kit::mapping::RecordFinding) -> bool {
    const TRANSFORMS: &[&str] =
        &["parseDate:", "formatDate:", "parseNumber:", "parseBoolean:", "valueMap:", "toLookup:", "split:", "concat:"];
    matches!(f.code.as_str(), "apply.mandatory_missing" | "apply.mandatory_blank")
        || TRANSFORMS.iter().any(|t| f.reason.starts_with(t))
}

/// Compares the preview and the Deluge function on each record; answers how many records were compared.
fn compare(name: &str, mapping: &FieldMapping, schema: &ModuleSchema, records: &[Value]) -> usize {
    let out = generate_mapping_deluge(mapping, schema, "https://www.zohoapis.com", "crm");
    let Some(deluge) = out.deluge else {
        // Refused: an error names the transform or field it cannot do.
        assert!(
            out.diagnostics.iter().any(|d| d.severity == Severity::Error
                && matches!(d.code.as_str(), "mapping.deluge_untranslatable" | "mapping.unknown_field")),
            "{name}: {:#?}",
            out.diagnostics
        );
        return 0;
    };
    assert!(check_deluge(&deluge).is_empty(), "{name}");
    let preview = apply_mapping(mapping, schema, records);
    let payloads: Vec<&Value> = preview.batches.iter().flat_map(|b| b["data"].as_array().unwrap()).collect();
    let mut compared = 0;
    for (i, record) in records.iter().enumerate() {
        if !record.is_object() {
            continue;
        }
        let outcome = run(&deluge, record);
        let errors: Vec<_> =
            preview.findings.iter().filter(|f| f.record == i && f.severity == Severity::Error).collect();
        if let Some(at) = preview.sent.iter().position(|s| *s == i) {
            let Outcome::Inserts(built) = &outcome else {
                panic!("{name}: record {i}: the preview sends {} but the Deluge {outcome:?}\n{deluge}", payloads[at])
            };
            assert!(same_json(built, payloads[at]), "{name}: record {i}: Deluge {built} vs preview {}", payloads[at]);
            compared += 1;
        } else if errors.iter().all(|f| refused_in_both(f)) {
            assert!(
                matches!(&outcome, Outcome::Refuses(why) if !why.is_empty()),
                "{name}: record {i}: the preview refuses it ({errors:#?}) but the Deluge {outcome:?}\n{deluge}"
            );
            compared += 1;
        }
    }
    compared
}

/// Equal JSON, numbers compared by value (Deluge's decimal 1299.0 is the preview's 1299).
fn same_json(a: &Value, b: &Value) -> bool {
    match (a, b) {
        (Value::Number(x), Value::Number(y)) => x.as_f64() == y.as_f64(),
        (Value::Array(x), Value::Array(y)) => x.len() == y.len() && x.iter().zip(y).all(|(a, b)| same_json(a, b)),
        (Value::Object(x), Value::Object(y)) => {
            x.len() == y.len() && x.iter().all(|(k, v)| y.get(k).is_some_and(|w| same_json(v, w)))
        }
        _ => a == b,
    }
}

#[derive(Deserialize)]
struct Case {
    name: String,
    crm: Value,
    mapping: Value,
    records: Vec<Value>,
}

fn schema_of(crm: &Value) -> ModuleSchema {
    let mut crm = crm.clone();
    if crm.get("reply").and_then(Value::as_str) == Some("leads_fields_reply") {
        crm["reply"] = serde_json::from_str(include_str!("data/mapping/leads_fields_reply.json")).unwrap();
    }
    let input: CrmSchemaInput = parse_json_value(crm).unwrap();
    input.resolve().unwrap().0
}

#[test]
fn the_deluge_function_does_what_the_preview_does_on_every_table_record() {
    let cases: Vec<Case> = serde_json::from_str(include_str!("data/mapping/apply.json")).unwrap();
    let mut compared = 0;
    let mut refused = Vec::new();
    for case in cases {
        let mapping: FieldMapping = parse_json_value(case.mapping).unwrap();
        let n = compare(&case.name, &mapping, &schema_of(&case.crm), &case.records);
        if n == 0 {
            refused.push(case.name);
        }
        compared += n;
    }
    assert!(compared >= 25, "{compared} records compared");
    // Only the mappings with parseDatetime or an unknown target are refused.
    assert_eq!(refused.len(), 2, "{refused:#?}");
}

#[test]
fn a_bigint_parsed_in_deluge_keeps_every_digit() {
    let schema = schema_of(&json!({"module": "Leads", "reply": "leads_fields_reply"}));
    let mapping: FieldMapping = serde_json::from_value(json!({"module": "Leads", "fields": [
        {"source": "last", "target": "Last_Name"},
        {"source": "id", "target": "Shopify_Customer_Id", "transforms": [{"op": "parseNumber"}]}]}))
    .unwrap();
    let records = [json!({"last": "Ito", "id": "739091234567890123"}), json!({"last": "Kim", "id": "abc"})];
    assert_eq!(compare("bigint", &mapping, &schema, &records), 2);
}

#[test]
fn untranslatable_transforms_are_refused_by_name() {
    let schema = schema_of(&json!({"module": "Leads"}));
    for (transform, name) in [
        (json!({"op": "parseDatetime", "zone": "+02:00"}), "parseDatetime"),
        (json!({"op": "formatNumber", "decimalPlaces": 0}), "formatNumber"),
        (json!({"op": "case", "to": "title"}), "case"),
    ] {
        let mapping: FieldMapping = serde_json::from_value(json!({"module": "Leads", "fields": [
            {"source": "n", "target": "Last_Name", "transforms": [transform]}]}))
        .unwrap();
        let out = generate_mapping_deluge(&mapping, &schema, "https://www.zohoapis.com", "crm");
        assert!(out.deluge.is_none(), "{name}");
        let d = out.diagnostics.iter().find(|d| d.code == "mapping.deluge_untranslatable").unwrap();
        assert_eq!(d.severity, Severity::Error);
        assert!(d.message.contains(&format!("the {name} transform")), "{}", d.message);
        assert_eq!(d.path, "fields[0].transforms[0]");
    }
}

/// Text made of letters, digits, spaces, commas, dashes, dots and slashes: the characters the transforms treat
/// specially.
fn messy_text() -> impl Strategy<Value = String> {
    proptest::string::string_regex("[a-cA-C0-9 ,./\\-]{0,12}").unwrap()
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 256, ..ProptestConfig::default() })]

    /// Every transform the generator translates, on arbitrary text: the Deluge and the preview agree.
    #[test]
    fn deluge_and_preview_agree_on_any_text(
        last in messy_text(), first in messy_text(), source in messy_text(), tags in messy_text(),
        opt in messy_text(), born in messy_text(), account in messy_text(), staff in messy_text(),
        missing in proptest::collection::vec(any::<bool>(), 8),
    ) {
        let schema = schema_of(&json!({"module": "Contacts", "reply": {"fields": [
            {"api_name": "Last_Name", "data_type": "text", "system_mandatory": true},
            {"api_name": "First_Name", "data_type": "text"},
            {"api_name": "Lead_Source", "data_type": "picklist"},
            {"api_name": "Date_of_Birth", "data_type": "date"},
            {"api_name": "Account_Name", "data_type": "lookup"},
            {"api_name": "Email", "data_type": "email"},
            {"api_name": "Tags", "data_type": "multiselectpicklist"},
            {"api_name": "Phone", "data_type": "phone"}]}}));
        let mapping: FieldMapping = serde_json::from_value(json!({"module": "Contacts", "fields": [
            {"source": "last", "target": "Last_Name", "transforms": [{"op": "trim"}, {"op": "case", "to": "upper"}]},
            {"source": "first", "target": "First_Name",
             "transforms": [{"op": "concat", "with": ["last"], "separator": "-"}, {"op": "case", "to": "lower"}]},
            {"source": "source", "target": "Lead_Source",
             "transforms": [{"op": "valueMap", "map": {"a": "Web", "b": "Partner"}, "otherwise": "drop"},
                            {"op": "default", "value": "Other"}]},
            {"source": "born", "target": "Date_of_Birth",
             "transforms": [{"op": "parseDate", "format": "dd/MM/yyyy"}, {"op": "formatDate", "format": "yyyy-MM-dd"}]},
            {"source": "account", "target": "Account_Name", "transforms": [{"op": "toLookup"}]},
            {"source": "opt", "target": "Email", "transforms": [{"op": "valueMap", "map": {"1": "a@b.co"}, "otherwise": "drop"}]},
            {"source": "tags", "target": "Tags", "transforms": [{"op": "split", "separator": ","}]},
            {"source": "staff", "target": "Phone", "transforms": [{"op": "parseBoolean"}, {"op": "valueMap", "map": {"true": "+1", "false": "+2"}}]}
        ]})).unwrap();
        let values = [last, first, source, born, account, opt, tags, staff];
        let keys = ["last", "first", "source", "born", "account", "opt", "tags", "staff"];
        let mut record = serde_json::Map::new();
        for ((k, v), gone) in keys.iter().zip(values).zip(missing) {
            if !gone {
                record.insert((*k).to_string(), Value::String(v));
            }
        }
        compare("any text", &mapping, &schema, &[Value::Object(record)]);
    }
}
