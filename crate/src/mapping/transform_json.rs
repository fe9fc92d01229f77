//! Reading a [`Transform`] from JSON, written by hand for Wasm size.
//!
//! The JSON format and every finding are the same as serde's derive for an internally tagged enum
//! (`#[serde(tag = "op", rename_all_fields = "camelCase", deny_unknown_fields)]`) — the test at the end of this
//! file compares the two on valid and broken input. The derive buffers each transform through serde's private
//! `Content` and expands one visitor per variant, about 29 KB of Wasm; this reads the fields from
//! `serde_json::Value`s instead.

use super::spec::Transform;
use serde::de::{self, Deserialize, Deserializer, Error as _, MapAccess, SeqAccess, Visitor};
use serde_json::Value;
use std::fmt;

/// The `op` names, in declaration order (serde's "expected one of" list).
const OPS: &[&str] = &[
    "trim",
    "case",
    "parseDate",
    "parseDatetime",
    "formatDate",
    "parseNumber",
    "formatNumber",
    "parseBoolean",
    "valueMap",
    "default",
    "concat",
    "split",
    "toLookup",
];

/// The index of an `op` name in [`OPS`], read like serde's variant identifier.
struct Op(usize);

impl<'de> Deserialize<'de> for Op {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        deserializer.deserialize_identifier(OpVisitor)
    }
}

struct OpVisitor;

impl Visitor<'_> for OpVisitor {
    type Value = Op;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("variant identifier")
    }

    fn visit_str<E: de::Error>(self, v: &str) -> Result<Op, E> {
        OPS.iter().position(|op| *op == v).map(Op).ok_or_else(|| E::unknown_variant(v, OPS))
    }
}

/// What follows the tag: the other entries of the object, or the other items of an array.
enum Rest {
    Map(Vec<(String, Value)>),
    Seq(Vec<Value>),
}

impl<'de> Deserialize<'de> for Transform {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        // The fields are read once the whole object is (`op` may come last); an error is reported from inside the
        // object, so its position (and the path read from it) is the transform's. A wrong value names its field.
        deserializer.deserialize_any(TransformVisitor)
    }
}

struct TransformVisitor;

impl<'de> Visitor<'de> for TransformVisitor {
    type Value = Transform;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("internally tagged enum Transform")
    }

    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Self::Value, A::Error> {
        let Some(Op(op)) = seq.next_element()? else {
            return Err(A::Error::missing_field("op"));
        };
        let mut rest = Vec::new();
        while let Some(value) = seq.next_element::<Value>()? {
            rest.push(value);
        }
        build(op, Rest::Seq(rest)).map_err(A::Error::custom)
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Self::Value, A::Error> {
        let mut op = None;
        let mut rest = Vec::new();
        while let Some(key) = map.next_key::<String>()? {
            if key == "op" {
                if op.is_some() {
                    return Err(A::Error::duplicate_field("op"));
                }
                op = Some(map.next_value::<Op>()?.0);
            } else {
                let value = map.next_value::<Value>()?;
                rest.push((key, value));
            }
        }
        let Some(op) = op else {
            return Err(A::Error::missing_field("op"));
        };
        build(op, Rest::Map(rest)).map_err(A::Error::custom)
    }
}

type Error = serde_json::Error;

/// Reads the fields of a struct variant in input order, the way serde's derive does: an unknown or repeated key or
/// a wrong value fails where it occurs, then a missing required field fails. `set` converts the value of field `i`.
/// `names` are the JSON names; `optional[i]` says field `i` has `#[serde(default)]`.
fn read_fields(
    rest: Rest,
    variant: &str,
    names: &'static [&'static str],
    optional: &[bool],
    mut set: impl FnMut(usize, Value) -> Result<(), Error>,
) -> Result<(), Error> {
    let mut seen = vec![false; names.len()];
    match rest {
        Rest::Map(entries) => {
            for (key, value) in entries {
                let Some(i) = names.iter().position(|n| *n == key) else {
                    return Err(Error::unknown_field(&key, names));
                };
                if seen[i] {
                    return Err(Error::duplicate_field(names[i]));
                }
                seen[i] = true;
                set(i, value).map_err(|e| in_field(names[i], &e))?;
            }
            for ((name, seen), optional) in names.iter().zip(&seen).zip(optional) {
                if !seen && !optional {
                    return Err(Error::missing_field(name));
                }
            }
            Ok(())
        }
        Rest::Seq(items) => {
            let count = items.len();
            let mut items = items.into_iter();
            for (i, optional) in optional.iter().enumerate() {
                match items.next() {
                    Some(value) => set(i, value).map_err(|e| in_field(names[i], &e))?,
                    None if *optional => {}
                    None => {
                        let n = names.len();
                        let expecting = if n == 1 {
                            format!("struct variant Transform::{variant} with 1 element")
                        } else {
                            format!("struct variant Transform::{variant} with {n} elements")
                        };
                        return Err(Error::invalid_length(i, &expecting.as_str()));
                    }
                }
            }
            end_of_seq(count, names.len().min(count))
        }
    }
}

/// A wrong value of field `name`, worded so that `crate::input` adds the field to the path ("field `name`: …").
fn in_field(name: &str, error: &Error) -> Error {
    Error::custom(format_args!("field `{name}`: {error}"))
}

/// serde's check that an array has no items left: "invalid length N, expected M elements in sequence".
fn end_of_seq(count: usize, used: usize) -> Result<(), Error> {
    if count == used {
        return Ok(());
    }
    let expected = if used == 1 { "1 element in sequence".to_string() } else { format!("{used} elements in sequence") };
    Err(Error::invalid_length(count, &expected.as_str()))
}

fn value<T: serde::de::DeserializeOwned>(v: Value) -> Result<T, Error> {
    T::deserialize(v)
}

fn build(op: usize, rest: Rest) -> Result<Transform, Error> {
    Ok(match op {
        0 | 12 => {
            // A unit variant ignores an object's other keys, but an array must end after the tag.
            if let Rest::Seq(items) = rest {
                end_of_seq(items.len(), 0)?;
            }
            if op == 0 {
                Transform::Trim
            } else {
                Transform::ToLookup
            }
        }
        1 => {
            let mut to = None;
            read_fields(rest, "Case", &["to"], &[false], |_, v| {
                to = Some(value(v)?);
                Ok(())
            })?;
            Transform::Case { to: to.ok_or_else(|| Error::missing_field("to"))? }
        }
        2 => {
            let mut format = None;
            read_fields(rest, "ParseDate", &["format"], &[true], |_, v| {
                format = value(v)?;
                Ok(())
            })?;
            Transform::ParseDate { format }
        }
        3 => {
            let (mut format, mut zone, mut to_offset) = (None, None, None);
            let fields: (&[&str], &[bool]) = (&["format", "zone", "toOffset"], &[true, true, true]);
            read_fields(rest, "ParseDatetime", fields.0, fields.1, |i, v| {
                let v = value(v)?;
                match i {
                    0 => format = v,
                    1 => zone = v,
                    _ => to_offset = v,
                }
                Ok(())
            })?;
            Transform::ParseDatetime { format, zone, to_offset }
        }
        4 => {
            let mut format = None;
            read_fields(rest, "FormatDate", &["format"], &[false], |_, v| {
                format = Some(value(v)?);
                Ok(())
            })?;
            Transform::FormatDate { format: format.ok_or_else(|| Error::missing_field("format"))? }
        }
        5 => {
            let (mut decimal_separator, mut group_separator) = (None, None);
            let fields: (&[&str], &[bool]) = (&["decimalSeparator", "groupSeparator"], &[true, true]);
            read_fields(rest, "ParseNumber", fields.0, fields.1, |i, v| {
                let v = value(v)?;
                if i == 0 {
                    decimal_separator = v;
                } else {
                    group_separator = v;
                }
                Ok(())
            })?;
            Transform::ParseNumber { decimal_separator, group_separator }
        }
        6 => {
            let mut places = None;
            read_fields(rest, "FormatNumber", &["decimalPlaces"], &[false], |_, v| {
                places = Some(value(v)?);
                Ok(())
            })?;
            Transform::FormatNumber { decimal_places: places.ok_or_else(|| Error::missing_field("decimalPlaces"))? }
        }
        7 => {
            let (mut true_words, mut false_words) = (None, None);
            read_fields(rest, "ParseBoolean", &["true", "false"], &[true, true], |i, v| {
                let v = value(v)?;
                if i == 0 {
                    true_words = v;
                } else {
                    false_words = v;
                }
                Ok(())
            })?;
            Transform::ParseBoolean { true_words, false_words }
        }
        8 => {
            let (mut map, mut otherwise) = (None, None);
            read_fields(rest, "ValueMap", &["map", "otherwise"], &[false, true], |i, v| {
                if i == 0 {
                    map = Some(value(v)?);
                } else {
                    otherwise = Some(value(v)?);
                }
                Ok(())
            })?;
            Transform::ValueMap {
                map: map.ok_or_else(|| Error::missing_field("map"))?,
                otherwise: otherwise.unwrap_or_default(),
            }
        }
        9 => {
            let mut val = None;
            read_fields(rest, "Default", &["value"], &[false], |_, v| {
                val = Some(v);
                Ok(())
            })?;
            Transform::Default { value: val.ok_or_else(|| Error::missing_field("value"))? }
        }
        10 => {
            let (mut with, mut separator) = (None, None);
            read_fields(rest, "Concat", &["with", "separator"], &[false, true], |i, v| {
                if i == 0 {
                    with = Some(value(v)?);
                } else {
                    separator = value(v)?;
                }
                Ok(())
            })?;
            Transform::Concat { with: with.ok_or_else(|| Error::missing_field("with"))?, separator }
        }
        _ => {
            let mut separator = None;
            read_fields(rest, "Split", &["separator"], &[false], |_, v| {
                separator = Some(value(v)?);
                Ok(())
            })?;
            Transform::Split { separator: separator.ok_or_else(|| Error::missing_field("separator"))? }
        }
    })
}

#[cfg(test)]
mod tests {
    //! The hand-written reader against serde's derive (the code it replaced), on valid and broken transforms.
    use crate::code::Code;
    use crate::input::{parse_json_text, parse_json_value};
    use serde::{Deserialize, Serialize};
    use serde_json::Value;
    use std::collections::BTreeMap;

    /// `Transform` as it was derived before: the reference (same name, so serde's messages name the same type).
    #[derive(Debug, Serialize, Deserialize)]
    #[serde(tag = "op", rename_all = "camelCase", rename_all_fields = "camelCase", deny_unknown_fields)]
    enum Transform {
        Trim,
        Case {
            to: super::super::CaseStyle,
        },
        ParseDate {
            #[serde(default)]
            format: Option<String>,
        },
        ParseDatetime {
            #[serde(default)]
            format: Option<String>,
            #[serde(default)]
            zone: Option<String>,
            #[serde(default)]
            to_offset: Option<String>,
        },
        FormatDate {
            format: String,
        },
        ParseNumber {
            #[serde(default)]
            decimal_separator: Option<String>,
            #[serde(default)]
            group_separator: Option<String>,
        },
        FormatNumber {
            decimal_places: u32,
        },
        ParseBoolean {
            #[serde(default, rename = "true")]
            true_words: Option<Vec<String>>,
            #[serde(default, rename = "false")]
            false_words: Option<Vec<String>>,
        },
        ValueMap {
            map: BTreeMap<String, Value>,
            #[serde(default)]
            otherwise: super::super::Otherwise,
        },
        Default {
            value: Value,
        },
        Concat {
            with: Vec<String>,
            #[serde(default)]
            separator: Option<String>,
        },
        Split {
            separator: String,
        },
        ToLookup,
    }

    const CASES: &[&str] = &[
        // valid, every op
        r#"{"op":"trim"}"#,
        r#"{"op":"case","to":"upper"}"#,
        r#"{"to":"title","op":"case"}"#,
        r#"{"op":"parseDate"}"#,
        r#"{"op":"parseDate","format":"dd/MM/yyyy"}"#,
        r#"{"op":"parseDate","format":null}"#,
        r#"{"op":"parseDatetime","format":"MM/dd/yyyy HH:mm","zone":"+05:30","toOffset":"Z"}"#,
        r#"{"op":"formatDate","format":"dd.MM.yyyy"}"#,
        r#"{"op":"parseNumber","decimalSeparator":",","groupSeparator":"."}"#,
        r#"{"op":"formatNumber","decimalPlaces":2}"#,
        r#"{"op":"parseBoolean","true":["ja"],"false":["nein"]}"#,
        r#"{"op":"parseBoolean","true":null}"#,
        r#"{"op":"valueMap","map":{"a":"A","b":{"x":[1,2.5,-3]}},"otherwise":"drop"}"#,
        r#"{"op":"valueMap","map":{}}"#,
        r#"{"op":"default","value":null}"#,
        r#"{"op":"default","value":18446744073709551615}"#,
        r#"{"op":"concat","with":["a.b"],"separator":" - "}"#,
        r#"{"op":"split","separator":","}"#,
        r#"{"op":"toLookup"}"#,
        // unit variants ignore other keys
        r#"{"op":"trim","extra":1}"#,
        r#"{"extra":{"deep":[1]},"op":"toLookup"}"#,
        // broken
        r#"{}"#,
        r#"{"to":"upper"}"#,
        r#"{"op":"nope"}"#,
        r#"{"op":"Trim"}"#,
        r#"{"op":5}"#,
        r#"{"op":null}"#,
        r#"{"op":["trim"]}"#,
        r#"{"op":"trim","op":"trim"}"#,
        r#"{"op":"case"}"#,
        r#"{"op":"case","to":"shout"}"#,
        r#"{"op":"case","to":5}"#,
        r#"{"op":"case","to":{"upper":null}}"#,
        r#"{"op":"case","to":"upper","to":"lower"}"#,
        r#"{"op":"case","to":"upper","from":"lower"}"#,
        r#"{"op":"case","from":"lower","to":5}"#,
        r#"{"op":"case","to":5,"from":"lower"}"#,
        r#"{"op":"parseDate","format":3}"#,
        r#"{"op":"parseDatetime","to_offset":"Z"}"#,
        r#"{"op":"formatDate"}"#,
        r#"{"op":"formatDate","format":null}"#,
        r#"{"op":"parseNumber","decimalSeparator":[","]}"#,
        r#"{"op":"formatNumber","decimalPlaces":-1}"#,
        r#"{"op":"formatNumber","decimalPlaces":1.5}"#,
        r#"{"op":"formatNumber","decimalPlaces":"2"}"#,
        r#"{"op":"formatNumber","decimalPlaces":4294967296}"#,
        r#"{"op":"parseBoolean","true":"yes"}"#,
        r#"{"op":"parseBoolean","trueWords":["yes"]}"#,
        r#"{"op":"valueMap"}"#,
        r#"{"op":"valueMap","map":[]}"#,
        r#"{"op":"valueMap","map":{},"otherwise":"keepIt"}"#,
        r#"{"op":"default"}"#,
        r#"{"op":"concat","separator":" "}"#,
        r#"{"op":"concat","with":"a"}"#,
        r#"{"op":"concat","with":["a",1]}"#,
        r#"{"op":"split"}"#,
        r#"{"op":"split","separator":","}  "#,
        // not an object
        r#""trim""#,
        r#"5"#,
        r#"null"#,
        r#"true"#,
        // the array form serde also accepts
        r#"[]"#,
        r#"["trim"]"#,
        r#"["trim",1]"#,
        r#"["toLookup",1,2]"#,
        r#"["case","lower"]"#,
        r#"["case"]"#,
        r#"["case","lower","x"]"#,
        r#"["case",7]"#,
        r#"["parseDate"]"#,
        r#"["parseDatetime","yyyy",null]"#,
        r#"["parseDatetime","a","b","c","d"]"#,
        r#"["valueMap",{"a":1}]"#,
        r#"["valueMap",{"a":1},"error",3]"#,
        r#"["concat"]"#,
        r#"["nope"]"#,
        r#"[5]"#,
        // syntax
        r#"{"op":"case","to":"upper""#,
        r#"{"op":"case","to":"upper",}"#,
    ];

    /// The value read, or the finding without its path and position: those differ on purpose (below).
    fn as_text<T: Serialize>(r: &Result<Vec<T>, crate::input::InputError>) -> String {
        match r {
            Ok(v) => serde_json::to_string(v).unwrap(),
            Err(e) => format!("{} | {} | {}", e.diagnostic.code, e.diagnostic.message, e.diagnostic.fix),
        }
    }

    #[test]
    fn reads_and_refuses_exactly_like_the_serde_derive() {
        for case in CASES {
            let text = format!("[{{\"op\":\"trim\"}},\n {case}]");
            let ours = parse_json_text::<Vec<super::super::Transform>>(&text);
            let derived = parse_json_text::<Vec<Transform>>(&text);
            assert_eq!(as_text(&ours), as_text(&derived), "text: {case}");
            // The derive's error surfaces after the array has moved on (its path is the array's, or the next
            // item's); ours is reported from inside the transform, so the path names it.
            if let Err(e) = &ours {
                if e.diagnostic.code != Code::InputSyntax {
                    assert!(e.diagnostic.path.starts_with("[1]"), "{case}: {:?}", e.diagnostic.path);
                }
            }
            if let Ok(value) = serde_json::from_str::<Value>(&text) {
                let ours = parse_json_value::<Vec<super::super::Transform>>(value.clone());
                let derived = parse_json_value::<Vec<Transform>>(value);
                assert_eq!(as_text(&ours), as_text(&derived), "value: {case}");
            }
        }
    }

    #[test]
    fn a_bad_op_is_named_at_its_key() {
        let err = parse_json_text::<Vec<super::super::Transform>>(r#"[{"op":"upper"}]"#).unwrap_err();
        assert_eq!(err.diagnostic.path, "[0].op");
        assert!(err.diagnostic.message.contains("unknown variant `upper`"), "{}", err.diagnostic.message);
    }
}
