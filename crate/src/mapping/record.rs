//! A source record as a borrowed JSON tree: strings and keys point into the JSON text (or into a
//! `serde_json::Value`), so reading 10,000 records does not allocate a `String` per key and value (issue 8: building
//! `Value` trees was most of the time of `applyMapping`). Only what a mapping sends is copied.

use crate::code::Code;
use crate::input::{parse_json_text, InputError};
use crate::Diagnostic;
use serde::de::{self, Deserialize, DeserializeSeed, Deserializer, MapAccess, SeqAccess, Visitor};
use serde_json::{Map, Number, Value};
use std::borrow::Cow;
use std::fmt;

/// One JSON value of a record. Objects keep their keys in input order; a repeated key finds its last value, as a
/// `serde_json::Value` read from the same text would.
#[derive(Debug, Clone, PartialEq)]
pub(crate) enum Rec<'a> {
    Null,
    Bool(bool),
    Number(Number),
    Text(Cow<'a, str>),
    Array(Vec<Rec<'a>>),
    Object(Vec<(Cow<'a, str>, Rec<'a>)>),
}

impl<'a> Rec<'a> {
    /// A view of a `Value` (no string is copied).
    pub(crate) fn from_value(value: &'a Value) -> Rec<'a> {
        match value {
            Value::Null => Rec::Null,
            Value::Bool(b) => Rec::Bool(*b),
            Value::Number(n) => Rec::Number(n.clone()),
            Value::String(s) => Rec::Text(Cow::Borrowed(s)),
            Value::Array(a) => Rec::Array(a.iter().map(Rec::from_value).collect()),
            Value::Object(o) => {
                Rec::Object(o.iter().map(|(k, v)| (Cow::Borrowed(k.as_str()), Rec::from_value(v))).collect())
            }
        }
    }

    /// The same value as a `serde_json::Value` (copies).
    pub(crate) fn to_value(&self) -> Value {
        match self {
            Rec::Null => Value::Null,
            Rec::Bool(b) => Value::Bool(*b),
            Rec::Number(n) => Value::Number(n.clone()),
            Rec::Text(s) => Value::String(s.to_string()),
            Rec::Array(a) => Value::Array(a.iter().map(Rec::to_value).collect()),
            Rec::Object(o) => Value::Object(object_map(o)),
        }
    }

    /// The value of `key` in an object.
    #[cfg(test)]
    pub(crate) fn get(&self, key: &str) -> Option<&Rec<'a>> {
        match self {
            Rec::Object(o) => {
                // Length and first byte first: most keys differ there, without a call to compare memory. The `Cow`
                // is matched here because its `Deref` was not inlined in Wasm (a call per key).
                let key = key.as_bytes();
                let same = |k: &Cow<'_, str>| {
                    let k = match k {
                        Cow::Borrowed(b) => b.as_bytes(),
                        Cow::Owned(o) => o.as_bytes(),
                    };
                    k.len() == key.len() && k.first() == key.first() && k == key
                };
                o.iter().rev().find(|(k, _)| same(k)).map(|(_, v)| v)
            }
            _ => None,
        }
    }

    /// Item `index` of an array.
    pub(crate) fn index(&self, index: usize) -> Option<&Rec<'a>> {
        match self {
            Rec::Array(a) => a.get(index),
            _ => None,
        }
    }

    /// A number as `f64`.
    pub(crate) fn as_f64(&self) -> Option<f64> {
        match self {
            Rec::Number(n) => n.as_f64(),
            _ => None,
        }
    }
}

/// Reads an array of records from JSON text. A refused text gets the finding `parse_json_text` would give for
/// `Vec<Value>` (same code, path, line and column).
pub(crate) fn read_records(text: &str) -> Result<Vec<Rec<'_>>, InputError> {
    serde_json::from_str(text).map_err(|_| match parse_json_text::<Vec<Value>>(text) {
        Err(e) => e,
        // Not expected: both read the same grammar. Say so rather than guess.
        Ok(_) => InputError {
            diagnostic: Diagnostic::error(Code::InputInvalidValue, "", "The records cannot be read.")
                .with_fix("This is a bug in zoho-connector-kit; please report it with the records."),
        },
    })
}

/// An object's entries as a map (a repeated key keeps its last value).
pub(crate) fn object_map(entries: &[(Cow<'_, str>, Rec<'_>)]) -> Map<String, Value> {
    let mut map = Map::new();
    for (k, v) in entries {
        map.insert(k.to_string(), v.to_value());
    }
    map
}

impl<'de> Deserialize<'de> for Rec<'de> {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        deserializer.deserialize_any(RecVisitor)
    }
}

struct RecVisitor;

impl<'de> Visitor<'de> for RecVisitor {
    type Value = Rec<'de>;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("any valid JSON value")
    }

    fn visit_bool<E>(self, v: bool) -> Result<Rec<'de>, E> {
        Ok(Rec::Bool(v))
    }

    fn visit_i64<E>(self, v: i64) -> Result<Rec<'de>, E> {
        Ok(Rec::Number(v.into()))
    }

    fn visit_u64<E>(self, v: u64) -> Result<Rec<'de>, E> {
        Ok(Rec::Number(v.into()))
    }

    fn visit_f64<E>(self, v: f64) -> Result<Rec<'de>, E> {
        // As serde_json's own `Value` does: a float JSON cannot hold becomes null.
        Ok(Number::from_f64(v).map_or(Rec::Null, Rec::Number))
    }

    fn visit_borrowed_str<E>(self, v: &'de str) -> Result<Rec<'de>, E> {
        Ok(Rec::Text(Cow::Borrowed(v)))
    }

    fn visit_str<E>(self, v: &str) -> Result<Rec<'de>, E> {
        Ok(Rec::Text(Cow::Owned(v.to_string())))
    }

    fn visit_string<E>(self, v: String) -> Result<Rec<'de>, E> {
        Ok(Rec::Text(Cow::Owned(v)))
    }

    fn visit_none<E>(self) -> Result<Rec<'de>, E> {
        Ok(Rec::Null)
    }

    fn visit_unit<E>(self) -> Result<Rec<'de>, E> {
        Ok(Rec::Null)
    }

    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Rec<'de>, A::Error> {
        let mut items = Vec::new();
        while let Some(item) = seq.next_element()? {
            items.push(item);
        }
        Ok(Rec::Array(items))
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Rec<'de>, A::Error> {
        let mut entries = Vec::with_capacity(8);
        while let Some(key) = map.next_key_seed(KeySeed)? {
            entries.push((key, map.next_value()?));
        }
        Ok(Rec::Object(entries))
    }
}

/// An object key, borrowed from the text when it has no escapes.
struct KeySeed;

impl<'de> DeserializeSeed<'de> for KeySeed {
    type Value = Cow<'de, str>;

    fn deserialize<D: Deserializer<'de>>(self, deserializer: D) -> Result<Self::Value, D::Error> {
        deserializer.deserialize_str(self)
    }
}

impl<'de> Visitor<'de> for KeySeed {
    type Value = Cow<'de, str>;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a string key")
    }

    fn visit_borrowed_str<E: de::Error>(self, v: &'de str) -> Result<Self::Value, E> {
        Ok(Cow::Borrowed(v))
    }

    fn visit_str<E: de::Error>(self, v: &str) -> Result<Self::Value, E> {
        Ok(Cow::Owned(v.to_string()))
    }

    fn visit_string<E: de::Error>(self, v: String) -> Result<Self::Value, E> {
        Ok(Cow::Owned(v))
    }
}

#[cfg(test)]
mod tests {
    use super::Rec;
    use serde_json::Value;

    #[test]
    fn reads_like_serde_json_value_and_borrows_plain_strings() {
        let text = r#"[{"a":"x","b":[1,-2,2.5,1e300,-0.0,true,null],"a":"last","c":{"d\u00e9":"\"q\""}}, 18446744073709551615]"#;
        let recs: Vec<Rec<'_>> = serde_json::from_str(text).unwrap();
        let values: Vec<Value> = serde_json::from_str(text).unwrap();
        assert_eq!(recs.iter().map(Rec::to_value).collect::<Vec<_>>(), values);
        assert_eq!(recs[0].get("a"), Some(&Rec::Text("last".into())));
        assert!(matches!(recs[0].get("a"), Some(Rec::Text(std::borrow::Cow::Borrowed(_)))));
        let view: Vec<Rec<'_>> = values.iter().map(Rec::from_value).collect();
        assert_eq!(view.iter().map(Rec::to_value).collect::<Vec<_>>(), values);
        // Both refuse a number no float holds.
        assert!(serde_json::from_str::<Vec<Rec<'_>>>("[1e400]").is_err());
        assert!(serde_json::from_str::<Vec<Value>>("[1e400]").is_err());
    }
}
