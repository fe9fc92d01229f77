//! A value on its way from a source record to a CRM field: read from JSON, transformed, then shaped for the
//! field's type. Numbers stay decimal text, dates stay calendar values, until the last step. Text borrows from the
//! record or the mapping until a transform changes it.

use super::compatibility::{compatibility, Compatibility, ValueKind};
use super::datetime::{self, Stamp};
use super::decimal::Decimal;
use super::record::{self, Rec};
use super::spec::{CaseStyle, Otherwise, Transform};
use super::trim::{is_space, trim};
use crate::code::Code;
use crate::field::{CrmField, CrmFieldType, JsonShape, TypeInfo};
use serde_json::{Map, Value};
use std::borrow::Cow;

/// A value between transforms.
#[derive(Debug, Clone, PartialEq)]
pub(crate) enum Val<'r> {
    Text(Cow<'r, str>),
    Number(Decimal),
    Bool(bool),
    /// A date or a date-time (with or without offset).
    When(Stamp),
    Array(Vec<Value>),
    Object(Map<String, Value>),
}

/// Why a value cannot be sent, with a stable code.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Problem {
    pub code: Code,
    pub reason: String,
    /// False for a warning: the value is still sent.
    pub blocking: bool,
}

fn problem(code: Code, reason: impl Into<String>) -> Problem {
    Problem { code, reason: reason.into(), blocking: true }
}

fn note(code: Code, reason: impl Into<String>) -> Problem {
    Problem { code, reason: reason.into(), blocking: false }
}

fn number(n: &serde_json::Number) -> Val<'static> {
    // An integer's text is already normalised decimal text.
    if !n.is_f64() {
        return Val::Number(Decimal(integer_text(n).unwrap_or_else(|| n.to_string())));
    }
    match Decimal::parse(&n.to_string()) {
        Some(d) => Val::Number(d),
        None => Val::Text(Cow::Owned(n.to_string())),
    }
}

/// An integer's decimal text, as its `Display` writes it, without the formatting machinery (issue 8: a call
/// through `fmt` per integer of a record); `None` for a float.
fn integer_text(n: &serde_json::Number) -> Option<String> {
    let (negative, mut rest) = match (n.as_u64(), n.as_i64()) {
        (Some(u), _) => (false, u),
        (None, Some(i)) => (true, i.unsigned_abs()),
        _ => return None,
    };
    let mut digits = [0u8; 20];
    let mut at = digits.len();
    loop {
        at = at.checked_sub(1)?;
        *digits.get_mut(at)? = b'0' + (rest % 10) as u8;
        rest /= 10;
        if rest == 0 {
            break;
        }
    }
    let mut text = String::with_capacity(digits.len() - at + 1);
    if negative {
        text.push('-');
    }
    text.push_str(std::str::from_utf8(digits.get(at..)?).ok()?);
    Some(text)
}

impl<'r> Val<'r> {
    /// From JSON; `null` is no value.
    pub(crate) fn from_json(value: &'r Value) -> Option<Val<'r>> {
        Some(match value {
            Value::Null => return None,
            Value::String(s) => Val::Text(Cow::Borrowed(s)),
            Value::Number(n) => number(n),
            Value::Bool(b) => Val::Bool(*b),
            Value::Array(a) => Val::Array(a.clone()),
            Value::Object(o) => Val::Object(o.clone()),
        })
    }

    /// From a record's value; `null` is no value.
    pub(crate) fn from_rec(value: &'r Rec<'r>) -> Option<Val<'r>> {
        Some(match value {
            Rec::Null => return None,
            Rec::Text(s) => Val::Text(Cow::Borrowed(s)),
            Rec::Number(n) => number(n),
            Rec::Bool(b) => Val::Bool(*b),
            Rec::Array(a) => Val::Array(a.iter().map(Rec::to_value).collect()),
            Rec::Object(o) => Val::Object(record::object_map(o)),
        })
    }

    /// As text, for text fields, value maps and concatenation; `None` for arrays and objects.
    pub(crate) fn as_text(&self) -> Option<Cow<'_, str>> {
        match self {
            Val::Text(s) => Some(Cow::Borrowed(s)),
            Val::Number(d) => Some(Cow::Borrowed(&d.0)),
            Val::Bool(true) => Some(Cow::Borrowed("true")),
            Val::Bool(false) => Some(Cow::Borrowed("false")),
            Val::When(stamp) => Some(Cow::Owned(stamp_text(stamp))),
            Val::Array(_) | Val::Object(_) => None,
        }
    }

    /// The JSON shown in findings.
    pub(crate) fn to_json(&self) -> Value {
        match self {
            Val::Text(s) => Value::String(s.to_string()),
            Val::Number(d) => d.to_json_number().map_or_else(|| Value::String(d.0.clone()), Value::Number),
            Val::Bool(b) => Value::Bool(*b),
            Val::When(stamp) => Value::String(stamp_text(stamp)),
            Val::Array(a) => Value::Array(a.clone()),
            Val::Object(o) => Value::Object(o.clone()),
        }
    }
}

fn stamp_text(stamp: &Stamp) -> String {
    match (stamp.time, stamp.offset) {
        (None, _) => datetime::iso_date(stamp.date),
        (Some(_), Some(_)) => datetime::to_offset_datetime(*stamp, None, None)
            .map(datetime::iso_datetime)
            .unwrap_or_else(|_| datetime::iso_date(stamp.date)),
        (Some(t), None) => {
            format!("{}T{:02}:{:02}:{:02}", datetime::iso_date(stamp.date), t.hour(), t.minute(), t.second())
        }
    }
}

/// Text that is empty after trimming, or an empty array (what `split` makes of blank text).
pub(crate) fn is_blank(value: &Val<'_>) -> bool {
    match value {
        Val::Text(s) => trim(s).is_empty(),
        Val::Array(a) => a.is_empty(),
        _ => false,
    }
}

fn title_case(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut start = true;
    for c in text.chars() {
        if start {
            out.extend(c.to_uppercase());
        } else {
            out.extend(c.to_lowercase());
        }
        start = c.is_whitespace() || c == '-';
    }
    out
}

/// What a transform does to a value it can take.
enum Next<'r> {
    /// The value is unchanged.
    Same,
    /// The value becomes this one (`None`: dropped).
    Becomes(Option<Val<'r>>),
}

/// Runs one transform on `slot`. `with` are the record's values at `concat`'s `with` paths, in order (`None`:
/// missing). On a problem, `slot` keeps the value the transform refused, for the finding.
pub(crate) fn run<'r>(
    transform: &'r Transform,
    slot: &mut Option<Val<'r>>,
    with: impl Iterator<Item = Option<&'r Rec<'r>>>,
) -> Result<(), Problem> {
    use Transform as T;
    let Some(v) = slot.take() else {
        *slot = match transform {
            T::Default { value } => Val::from_json(value),
            T::Concat { separator, .. } => concat(None, with, separator.as_deref()),
            _ => None,
        };
        return Ok(());
    };
    match next(transform, &v, with) {
        Ok(Next::Same) => *slot = Some(v),
        Ok(Next::Becomes(n)) => *slot = n,
        Err(p) => {
            *slot = Some(v);
            return Err(p);
        }
    }
    Ok(())
}

fn next<'r>(
    transform: &'r Transform,
    v: &Val<'r>,
    with: impl Iterator<Item = Option<&'r Rec<'r>>>,
) -> Result<Next<'r>, Problem> {
    use Next::{Becomes, Same};
    use Transform as T;
    let becomes = |v: Val<'r>| Ok(Becomes(Some(v)));
    match transform {
        T::Trim => match v {
            Val::Text(s) => match s {
                _ if trim(s).len() == s.len() => Ok(Same),
                Cow::Borrowed(b) => becomes(Val::Text(Cow::Borrowed(trim(b)))),
                Cow::Owned(o) => becomes(Val::Text(Cow::Owned(trim(o).to_string()))),
            },
            _ => Ok(Same),
        },
        T::Case { to } => match v {
            // ASCII text changes case byte by byte, and text already in the case stays as it is.
            Val::Text(s) if s.is_ascii() && *to != CaseStyle::Title => {
                let upper = *to == CaseStyle::Upper;
                if !s.bytes().any(|b| if upper { b.is_ascii_lowercase() } else { b.is_ascii_uppercase() }) {
                    return Ok(Same);
                }
                becomes(Val::Text(Cow::Owned(if upper { s.to_ascii_uppercase() } else { s.to_ascii_lowercase() })))
            }
            Val::Text(s) => becomes(Val::Text(Cow::Owned(match to {
                CaseStyle::Upper => s.to_uppercase(),
                CaseStyle::Lower => s.to_lowercase(),
                CaseStyle::Title => title_case(s),
            }))),
            _ => Ok(Same),
        },
        T::Default { value } if is_blank(v) => Ok(Becomes(Val::from_json(value))),
        T::Default { .. } => Ok(Same),
        T::ParseDate { format } => match v {
            Val::Text(s) => {
                let stamp = match format {
                    Some(f) => datetime::parse_pattern(s, f),
                    None => datetime::parse_iso(s),
                }
                .map_err(|e| problem(Code::ApplyBadDate, e))?;
                becomes(Val::When(Stamp { time: None, offset: None, ..stamp }))
            }
            Val::When(stamp) => becomes(Val::When(Stamp { time: None, offset: None, ..*stamp })),
            other => Err(problem(Code::ApplyBadDate, format!("{} is not a date text", kind_word(other)))),
        },
        T::ParseDatetime { format, zone, to_offset } => {
            let stamp = match v {
                Val::Text(s) => match format {
                    Some(f) => datetime::parse_pattern(s, f),
                    None => datetime::parse_iso(s),
                }
                .map_err(|e| problem(Code::ApplyBadDatetime, e))?,
                Val::When(stamp) => *stamp,
                other => {
                    return Err(problem(
                        Code::ApplyBadDatetime,
                        format!("{} is not a date-time text", kind_word(other)),
                    ))
                }
            };
            let zone =
                zone.as_deref().map(datetime::parse_offset).transpose().map_err(|e| problem(Code::ApplyBadZone, e))?;
            let to = to_offset
                .as_deref()
                .map(datetime::parse_offset)
                .transpose()
                .map_err(|e| problem(Code::ApplyBadZone, e))?;
            let at = datetime::to_offset_datetime(stamp, zone, to)
                .map_err(|e| problem(Code::ApplyDatetimeWithoutZone, e))?;
            becomes(Val::When(Stamp { date: at.date(), time: Some(at.time()), offset: Some(at.offset()) }))
        }
        T::FormatDate { format } => match v {
            Val::When(stamp) => becomes(Val::Text(Cow::Owned(datetime::format_date(stamp.date, format)))),
            Val::Text(s) => {
                let stamp = datetime::parse_iso(s).map_err(|e| problem(Code::ApplyBadDate, e))?;
                // The commonest pattern needs no copy: read as ISO, the text starts with exactly its yyyy-MM-dd.
                if let (Cow::Borrowed(text), "yyyy-MM-dd") = (s, format.as_str()) {
                    if let Some(date) = trim(text).get(..10) {
                        return becomes(Val::Text(Cow::Borrowed(date)));
                    }
                }
                becomes(Val::Text(Cow::Owned(datetime::format_date(stamp.date, format))))
            }
            other => Err(problem(Code::ApplyBadDate, format!("{} is not a date", kind_word(other)))),
        },
        T::ParseNumber { decimal_separator, group_separator } => match v {
            Val::Text(s) => becomes(Val::Number(
                Decimal::parse_localised(s, decimal_separator.as_deref().unwrap_or("."), group_separator.as_deref())
                    .ok_or_else(|| problem(Code::ApplyBadNumber, format!("`{s}` is not a number")))?,
            )),
            Val::Number(_) => Ok(Same),
            other => Err(problem(Code::ApplyBadNumber, format!("{} is not a number", kind_word(other)))),
        },
        T::FormatNumber { decimal_places } => match v {
            Val::Number(d) => becomes(Val::Number(d.round(*decimal_places))),
            other => Err(problem(
                Code::ApplyBadNumber,
                format!("{} is not a number (add parseNumber first)", kind_word(other)),
            )),
        },
        T::ParseBoolean { true_words, false_words } => {
            let text = match v {
                Val::Bool(_) => return Ok(Same),
                other => other.as_text().unwrap_or_default(),
            };
            let text = trim(&text);
            // Lowercase ASCII (the usual `yes`, `true`, `0`) is compared as it is.
            let text = if text.bytes().all(|b| b.is_ascii() && !b.is_ascii_uppercase()) {
                Cow::Borrowed(text)
            } else {
                Cow::Owned(text.to_lowercase())
            };
            let defaults_true = ["true", "yes", "y", "1"];
            let defaults_false = ["false", "no", "n", "0"];
            // `text` has no ASCII capitals, so an ASCII word equals its lowercase form exactly when it equals
            // `text` ignoring ASCII case.
            let same = |w: &str| if w.is_ascii() { w.eq_ignore_ascii_case(&text) } else { w.to_lowercase() == *text };
            let is_in = |words: &Option<Vec<String>>, defaults: &[&str]| match words {
                Some(w) => w.iter().any(|w| same(w.trim())),
                None => defaults.contains(&text.as_ref()),
            };
            if is_in(true_words, &defaults_true) {
                becomes(Val::Bool(true))
            } else if is_in(false_words, &defaults_false) {
                becomes(Val::Bool(false))
            } else {
                Err(problem(Code::ApplyBadBoolean, format!("`{text}` is not one of the true or false words")))
            }
        }
        T::ValueMap { map, otherwise } => {
            let key = v.as_text().unwrap_or_default();
            match map.get(key.as_ref()).or_else(|| map.get(trim(&key))) {
                Some(mapped) => Ok(Becomes(Val::from_json(mapped))),
                None => match otherwise {
                    Otherwise::Keep => Ok(Same),
                    Otherwise::Drop => Ok(Becomes(None)),
                    Otherwise::Error => {
                        Err(problem(Code::ApplyUnmappedValue, format!("`{key}` is not in the value map")))
                    }
                },
            }
        }
        T::Concat { separator, .. } => Ok(Becomes(concat(Some(v), with, separator.as_deref()))),
        T::Split { separator } => match v {
            Val::Text(s) => becomes(Val::Array(
                s.split(separator.as_str())
                    .map(trim)
                    .filter(|p| !p.is_empty())
                    .map(|p| Value::String(p.to_string()))
                    .collect(),
            )),
            _ => Ok(Same),
        },
        T::ToLookup => match v {
            Val::Object(_) => Ok(Same),
            other => match other.as_text().map(|s| trim(&s).to_string()).filter(|s| !s.is_empty()) {
                Some(id) if is_record_id(&id) => {
                    let mut o = Map::new();
                    o.insert("id".into(), Value::String(id));
                    becomes(Val::Object(o))
                }
                Some(id) => Err(not_a_record_id(&id)),
                None => Err(problem(Code::ApplyBadLookup, "the value is not an id")),
            },
        },
    }
}

/// Where record ids are shown as digits: every id in Zoho's replies is a digit string (e.g. `"id":
/// "3388926000000166021"` in zoho.com/developer/help/scripting/search-records.html \[OFF\]); a lookup takes
/// `{"id": "…"}` (docs/facts.md §5.4).
pub(crate) const SRC_RECORD_ID: &str = "zoho-developer-search-records";

/// A Zoho record id: digits only.
pub(crate) fn is_record_id(text: &str) -> bool {
    !text.is_empty() && text.bytes().all(|b| b.is_ascii_digit())
}

fn not_a_record_id(id: &str) -> Problem {
    problem(
        Code::ApplyNotARecordId,
        format!(
            "`{id}` is not a Zoho record id (ids are digits); look the record up first, e.g. in Deluge \
             zoho.crm.searchRecords(module, \"(Field:equals:value)\"), and map its id"
        ),
    )
}

fn concat<'r, 'w>(
    first: Option<&Val<'_>>,
    with: impl Iterator<Item = Option<&'w Rec<'w>>>,
    separator: Option<&str>,
) -> Option<Val<'r>> {
    // The parts that are not blank, joined into one String as they come.
    let mut joined: Option<String> = None;
    let mut add = |part: &str| {
        if trim(part).is_empty() {
            return;
        }
        match &mut joined {
            Some(j) => {
                j.push_str(separator.unwrap_or(" "));
                j.push_str(part);
            }
            None => joined = Some(part.to_string()),
        }
    };
    if let Some(text) = first.and_then(Val::as_text) {
        add(&text);
    }
    for found in with {
        if let Some(v) = found.and_then(Val::from_rec) {
            if let Some(text) = v.as_text() {
                add(&text);
            }
        }
    }
    joined.map(|j| Val::Text(Cow::Owned(j)))
}

/// The kind of a value, for the compatibility matrix. Text bound for a date or date-time field is `Unknown`
/// here: the field's own check reads it as ISO once and answers as the matrix does for what it finds (a date goes
/// in, a date-time needs `formatDate`, other text `parseDate`), which the test
/// `validate_and_apply_share_one_type_decision` holds it to; reading it twice cost the preview a tenth.
pub(crate) fn kind_of(v: &Val<'_>, target: &CrmFieldType) -> ValueKind {
    let of_stamp = |stamp: &Stamp| match (stamp.time, stamp.offset) {
        (None, _) => ValueKind::Date,
        (Some(_), None) => ValueKind::LocalDatetime,
        (Some(_), Some(_)) => ValueKind::Datetime,
    };
    match v {
        Val::Text(_) if matches!(target, CrmFieldType::Date | CrmFieldType::Datetime) => ValueKind::Unknown,
        Val::Text(_) => ValueKind::Text,
        Val::Number(_) => ValueKind::Number,
        Val::Bool(_) => ValueKind::Boolean,
        Val::When(stamp) => of_stamp(stamp),
        // Its items are checked by the field's own check.
        Val::Array(_) => ValueKind::StringArray,
        Val::Object(_) => ValueKind::Object,
    }
}

fn kind_word(v: &Val<'_>) -> &'static str {
    match v {
        Val::Text(_) => "a text",
        Val::Number(_) => "a number",
        Val::Bool(_) => "a boolean",
        Val::When(s) if s.time.is_none() => "a date",
        Val::When(_) => "a date-time",
        Val::Array(_) => "an array",
        Val::Object(_) => "an object",
    }
}

/// What a field receives: the value's own text, or this JSON.
#[derive(Debug, Clone, PartialEq)]
pub(crate) enum Shape {
    /// The value as text ([`Val::into_out`]).
    Text,
    /// This JSON.
    Json(Value),
    /// The value's own JSON, moved rather than copied ([`Val::into_out`]).
    Itself,
}

/// A value ready for its field: borrowed text stays borrowed until it is written.
#[derive(Debug, Clone, PartialEq)]
pub(crate) enum Out<'r> {
    Text(Cow<'r, str>),
    Json(Value),
}

impl Out<'_> {
    /// As a JSON value.
    pub(crate) fn into_value(self) -> Value {
        match self {
            Out::Text(t) => Value::String(t.into_owned()),
            Out::Json(j) => j,
        }
    }
}

impl<'r> Val<'r> {
    /// What the field receives, given the shape [`to_crm`] chose.
    pub(crate) fn into_out(self, shape: Shape) -> Out<'r> {
        match (shape, self) {
            (Shape::Json(j), _) => Out::Json(j),
            (Shape::Itself, Val::Array(a)) => Out::Json(Value::Array(a)),
            (Shape::Itself, Val::Object(o)) => Out::Json(Value::Object(o)),
            (Shape::Itself, other) => Out::Json(other.to_json()),
            (Shape::Text, Val::Text(s)) => Out::Text(s),
            (Shape::Text, Val::Number(d)) => Out::Text(Cow::Owned(d.0)),
            (Shape::Text, other) => match other.as_text() {
                Some(t) => Out::Text(Cow::Owned(t.into_owned())),
                None => Out::Json(other.to_json()),
            },
        }
    }
}

/// Shapes a value for a CRM field. Returns what to send and any non-blocking notes.
pub(crate) fn to_crm(v: &Val<'_>, field: &CrmField) -> Result<(Shape, Vec<Problem>), Problem> {
    to_crm_with(v, field, &field.data_type.info())
}

/// [`to_crm`] with the field type's facts already looked up.
pub(crate) fn to_crm_with(v: &Val<'_>, field: &CrmField, info: &TypeInfo) -> Result<(Shape, Vec<Problem>), Problem> {
    use CrmFieldType as C;
    let mut notes = Vec::new();
    let needs = |op: &str| {
        problem(
            Code::ApplyNeedsTransform,
            format!("{} cannot go into a {} field without the `{op}` transform", kind_word(v), field.data_type),
        )
    };
    if matches!(field.data_type, C::Formula | C::Autonumber) {
        return Err(problem(
            Code::ApplyReadOnly,
            format!("{} is a read-only {} field", field.api_name, field.data_type),
        ));
    }
    if field.read_only {
        return Err(problem(Code::ApplyReadOnly, format!("{} is read-only", field.api_name)));
    }
    // The type decision is the matrix `validate_mapping` uses, asked with this value's kind.
    match compatibility(kind_of(v, &field.data_type), &field.data_type) {
        Compatibility::NeedsTransform(op) => {
            let mut p = needs(op);
            p.code = match info.shape {
                JsonShape::StringArray => Code::ApplyNeedsArray,
                JsonShape::IdObject => Code::ApplyNeedsLookupId,
                _ => Code::ApplyNeedsTransform,
            };
            return Err(p);
        }
        Compatibility::Impossible if matches!((v, &field.data_type), (Val::Array(_), C::Picklist)) => {
            return Err(problem(Code::ApplyNeedsSingleValue, "a picklist takes one value, not an array"))
        }
        Compatibility::Impossible => {
            return Err(problem(
                Code::ApplyIncompatible,
                format!("{} cannot go into a {} field", kind_word(v), field.data_type),
            ))
        }
        Compatibility::Safe | Compatibility::Unchecked => {}
    }
    let value = match &field.data_type {
        C::Formula | C::Autonumber => return Err(problem(Code::ApplyReadOnly, "read-only")),
        C::Text | C::Textarea | C::Email | C::Phone | C::Website | C::Mediumtext | C::Picklist | C::Profileimage => {
            let text = match v {
                Val::Bool(_) => return Err(needs("valueMap")),
                Val::Array(_) if matches!(field.data_type, C::Picklist) => {
                    return Err(problem(Code::ApplyNeedsSingleValue, "a picklist takes one value, not an array"))
                }
                other => other.as_text().ok_or_else(|| {
                    problem(
                        Code::ApplyIncompatible,
                        format!("{} cannot go into a {} field", kind_word(other), field.data_type),
                    )
                })?,
            };
            check_text(&text, field, info, &mut notes)?;
            return Ok((Shape::Text, notes));
        }
        C::Bigint if matches!(v, Val::Text(_)) => {
            // The documented JSON form of a bigint is a string (docs/facts.md §5.4): digits are sent exactly as
            // given, never through a float.
            let text = v.as_text().unwrap_or_default();
            let digits = trim(&text);
            let unsigned = digits.strip_prefix('-').unwrap_or(digits);
            if unsigned.is_empty() || !unsigned.bytes().all(|b| b.is_ascii_digit()) {
                return Err(problem(
                    Code::ApplyBadBigint,
                    format!("`{text}` is not a whole number; a bigint field takes digits (sent as a JSON string)"),
                ));
            }
            let max = usize::try_from(info.max_digits.unwrap_or(18)).unwrap_or(18);
            let count = unsigned.trim_start_matches('0').len();
            if count > max {
                return Err(problem(
                    Code::ApplyTooManyDigits,
                    format!("{digits} has {count} digits; a bigint field takes {max}"),
                ));
            }
            if digits.len() == text.len() {
                return Ok((Shape::Text, notes));
            }
            Value::String(digits.to_string())
        }
        C::Integer | C::Bigint => {
            let Val::Number(d) = v else { return Err(needs("parseNumber")) };
            if !d.is_integer() {
                return Err(problem(
                    Code::ApplyNotInteger,
                    format!(
                        "{} is not a whole number; a {} field takes whole numbers only (map it to a decimal or \
                         currency field, or correct the source value)",
                        d.0, field.data_type
                    ),
                ));
            }
            let (digits, _) = d.digit_counts();
            let max = usize::try_from(info.max_digits.unwrap_or(18)).unwrap_or(18);
            if digits > max {
                return Err(problem(
                    Code::ApplyTooManyDigits,
                    format!("{} has {digits} digits; a {} field takes {max}", d.0, field.data_type),
                ));
            }
            if matches!(field.data_type, C::Bigint) {
                Value::String(d.0.clone())
            } else {
                Value::Number(d.to_json_number().ok_or_else(|| problem(Code::ApplyTooManyDigits, "out of range"))?)
            }
        }
        C::Double | C::Currency | C::Percent => {
            let Val::Number(d) = v else { return Err(needs("parseNumber")) };
            let (int, frac) = d.digit_counts();
            let max = usize::try_from(info.max_digits.unwrap_or(16)).unwrap_or(16);
            if int + frac > max {
                return Err(problem(
                    Code::ApplyTooManyDigits,
                    format!(
                        "{} has {} digits; a {} field takes {max} including decimals",
                        d.0,
                        int + frac,
                        field.data_type
                    ),
                ));
            }
            if let Some(places) = field.decimal_place.and_then(|p| usize::try_from(p).ok()) {
                if frac > places {
                    notes.push(note(
                        Code::ApplyMoreDecimals,
                        format!("{} has {frac} decimals; the field keeps {places} (add formatNumber)", d.0),
                    ));
                }
            }
            Value::Number(d.to_json_number().ok_or_else(|| {
                problem(
                    Code::ApplyInexactNumber,
                    format!("{} cannot be sent as a JSON number without changing it", d.0),
                )
            })?)
        }
        C::Boolean => match v {
            Val::Bool(b) => Value::Bool(*b),
            _ => return Err(needs("parseBoolean")),
        },
        C::Date => match v {
            Val::When(stamp) if stamp.time.is_none() => Value::String(datetime::iso_date(stamp.date)),
            Val::When(_) => return Err(needs("formatDate")),
            Val::Text(s) => match datetime::parse_iso(s) {
                // Text that was read as a date without trimming is already its ISO form: sent as it is.
                Ok(stamp) if stamp.time.is_none() && s.len() == 10 => return Ok((Shape::Text, notes)),
                Ok(stamp) if stamp.time.is_none() => Value::String(datetime::iso_date(stamp.date)),
                Ok(_) => return Err(needs("formatDate")),
                Err(e) => {
                    return Err(problem(Code::ApplyBadDate, format!("{e}; add parseDate with the source's pattern")))
                }
            },
            _ => return Err(needs("parseDate")),
        },
        C::Datetime => {
            let stamp = match v {
                Val::When(stamp) => *stamp,
                Val::Text(s) => datetime::parse_iso(s).map_err(|e| problem(Code::ApplyBadDatetime, e))?,
                _ => return Err(needs("parseDatetime")),
            };
            if stamp.time.is_none() || stamp.offset.is_none() {
                // The matrix's answer for a date or a local date-time: needs parseDatetime.
                return Err(problem(
                    Code::ApplyNeedsTransform,
                    "a datetime field needs a time with an offset; add parseDatetime (with a `zone` for local times)",
                ));
            }
            let at = datetime::to_offset_datetime(stamp, None, None).map_err(|e| problem(Code::ApplyBadDatetime, e))?;
            Value::String(datetime::iso_datetime(at))
        }
        C::Multiselectpicklist => match v {
            Val::Array(items) => {
                if let Some(bad) = items.iter().find(|i| !i.is_string()) {
                    return Err(problem(Code::ApplyNeedsArray, format!("a multi-select item is {bad}, not text")));
                }
                for item in items.iter().filter_map(Value::as_str) {
                    check_picklist(item, field, &mut notes);
                }
                return Ok((Shape::Itself, notes));
            }
            _ => return Err(problem(Code::ApplyNeedsArray, "a multi-select picklist takes an array; add split")),
        },
        C::Lookup | C::Ownerlookup | C::Userlookup => match v {
            Val::Object(o) => match o.get("id") {
                Some(Value::String(id)) if is_record_id(trim(id)) && trim(id).len() == id.len() => {
                    return Ok((Shape::Itself, notes))
                }
                Some(Value::String(id)) if !trim(id).is_empty() => return Err(not_a_record_id(id)),
                Some(Value::Number(n)) if n.is_u64() => {
                    let mut o = o.clone();
                    o.insert("id".into(), Value::String(n.to_string()));
                    Value::Object(o)
                }
                _ => {
                    return Err(problem(
                        Code::ApplyLookupWithoutId,
                        "a lookup takes {\"id\": \"…\"}; the object has no id",
                    ))
                }
            },
            _ => return Err(problem(Code::ApplyNeedsLookupId, "a lookup takes {\"id\": \"…\"}; add toLookup")),
        },
        C::Multiuserlookup | C::Multiselectlookup | C::Subform | C::Fileupload | C::Imageupload => match v {
            Val::Array(_) => return Ok((Shape::Itself, notes)),
            _ => return Err(problem(Code::ApplyNeedsArray, format!("a {} field takes an array", field.data_type))),
        },
        C::Other(_) => v.to_json(),
    };
    Ok((Shape::Json(value), notes))
}

fn check_text(text: &str, field: &CrmField, info: &TypeInfo, notes: &mut Vec<Problem>) -> Result<(), Problem> {
    // A text has at most as many characters as bytes: they are counted only when it may be over a limit.
    let count = || text.chars().count();
    let limit = field.length.or(info.large_max_chars).or(info.max_chars);
    if let Some(max) = limit.and_then(|m| usize::try_from(m).ok()).filter(|max| text.len() > *max) {
        let chars = count();
        if chars > max {
            return Err(problem(Code::ApplyTooLong, format!("{chars} characters; {} takes {max}", field.api_name)));
        }
    }
    if field.length.is_none() {
        if let (Some(small), Some(_)) = (info.max_chars.and_then(|m| usize::try_from(m).ok()), info.large_max_chars) {
            let chars = if text.len() > small { count() } else { 0 };
            if chars > small {
                notes.push(note(
                    Code::ApplyLongerThanSmallTextarea,
                    format!("{chars} characters: fits only a large text area (small ones take {small})"),
                ));
            }
        }
    }
    match field.data_type {
        CrmFieldType::Email if !looks_like_email(text) => {
            return Err(problem(Code::ApplyBadEmail, format!("`{text}` is not an email address")))
        }
        CrmFieldType::Phone if has_letters(text) => notes.push(note(
            Code::ApplyPhoneCharacters,
            format!("`{text}` has letters; Zoho phone fields take digits and +"),
        )),
        CrmFieldType::Picklist => check_picklist(text, field, notes),
        _ => {}
    }
    Ok(())
}

fn check_picklist(value: &str, field: &CrmField, notes: &mut Vec<Problem>) {
    if field.pick_list_values.is_empty() || field.pick_list_values.iter().any(|p| p == value) {
        return;
    }
    if let Some((_, display)) = field.pick_list_actual_values.iter().find(|(actual, _)| actual == value) {
        notes.push(note(
            Code::ApplyPicklistActualValue,
            format!(
                "`{value}` is the actual_value of the option shown as `{display}`; Zoho's Kaizen #205 says create \
                 and update requests take the display_value `{display}` (the v8 API reference does not say)"
            ),
        ));
    } else {
        notes.push(note(
            Code::ApplyPicklistValue,
            format!("`{value}` is not in the picklist of {}; Zoho stores it as a new value", field.api_name),
        ));
    }
}

fn looks_like_email(text: &str) -> bool {
    let Some((local, domain)) = text.split_once('@') else { return false };
    !local.is_empty()
        && !domain.contains('@')
        && domain.contains('.')
        && !domain.starts_with('.')
        && !domain.ends_with('.')
        && !has_whitespace(text)
}

/// `text.chars().any(char::is_alphabetic)`, by bytes for ASCII text.
fn has_letters(text: &str) -> bool {
    if text.is_ascii() {
        text.bytes().any(|b| b.is_ascii_alphabetic())
    } else {
        text.chars().any(char::is_alphabetic)
    }
}

/// `text.chars().any(char::is_whitespace)`, by bytes for ASCII text.
fn has_whitespace(text: &str) -> bool {
    if text.is_ascii() {
        text.bytes().any(is_space)
    } else {
        text.chars().any(char::is_whitespace)
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn integer_text_is_display() {
        for n in [0i64, 7, -7, 10, -10, 1_000_000, i64::MAX, i64::MIN, -1] {
            let n = serde_json::Number::from(n);
            assert_eq!(super::integer_text(&n).unwrap(), n.to_string());
        }
        for n in [u64::MAX, 1u64 << 63, 9_007_199_254_740_993] {
            let n = serde_json::Number::from(n);
            assert_eq!(super::integer_text(&n).unwrap(), n.to_string());
        }
        assert_eq!(super::integer_text(&serde_json::Number::from_f64(1.5).unwrap()), None);
    }
}
