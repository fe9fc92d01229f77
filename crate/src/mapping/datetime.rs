//! Dates and date-times for the CRM: reading with patterns or ISO 8601, calendar checks and offset conversion
//! through the `time` crate (no default features: no clock, no tz database), and writing in Zoho's formats
//! (`yyyy-MM-dd`, `yyyy-MM-ddTHH:mm:ss±HH:mm`, docs/facts.md §5.4).
//!
//! Zones are fixed offsets (`+05:30`, `Z`): IANA names such as `Europe/Berlin` need the tz database, which is too
//! large for the Wasm budget, and are refused with a finding.

use super::trim::trim;
use std::fmt;
use time::{Date, Month, OffsetDateTime, PrimitiveDateTime, Time, UtcOffset};

/// A read date or date-time; `offset` is absent when the text had none.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Stamp {
    pub date: Date,
    pub time: Option<Time>,
    pub offset: Option<UtcOffset>,
}

/// Reads a fixed offset: `Z`, `UTC`, `+05:30`, `-0400`, `+02`.
pub(crate) fn parse_offset(text: &str) -> Result<UtcOffset, String> {
    let t = trim(text);
    if t.eq_ignore_ascii_case("z") || t.eq_ignore_ascii_case("utc") || t.eq_ignore_ascii_case("gmt") {
        return Ok(UtcOffset::UTC);
    }
    let bad = || {
        format!(
            "`{t}` is not a fixed offset like +05:30, -04:00 or Z (zone names such as Europe/Berlin are not supported)"
        )
    };
    let (sign, rest) = match t.as_bytes().first() {
        Some(b'+') => (1i8, &t[1..]),
        Some(b'-') => (-1i8, &t[1..]),
        _ => return Err(bad()),
    };
    // The digits without the colons: 2 or 4 of them (no `String`: this runs once per value).
    let mut digits = [0i8; 4];
    let mut count = 0;
    for c in rest.chars().filter(|c| *c != ':') {
        let (Some(slot), Some(d)) = (digits.get_mut(count), c.to_digit(10).filter(|_| c.is_ascii_digit())) else {
            return Err(bad());
        };
        *slot = i8::try_from(d).map_err(|_| bad())?;
        count += 1;
    }
    if !(count == 2 || count == 4) || rest.len() > 5 {
        return Err(bad());
    }
    let [h1, h2, m1, m2] = digits;
    let (hours, minutes) = (h1 * 10 + h2, m1 * 10 + m2);
    UtcOffset::from_hms(sign * hours, sign * minutes, 0).map_err(|_| bad())
}

/// `text` after its first byte when that is `b` (an ASCII byte: the rest starts on a char boundary).
fn after(text: &str, b: u8) -> Option<&str> {
    if text.as_bytes().first() == Some(&b) {
        text.get(1..)
    } else {
        None
    }
}

fn take_digits(text: &str, min: usize, max: usize) -> Option<(u32, &str)> {
    let n = text.bytes().take(max).take_while(u8::is_ascii_digit).count();
    if n < min {
        return None;
    }
    // At most 4 digits: no overflow.
    let value = text.bytes().take(n).fold(0u32, |v, b| v * 10 + u32::from(b - b'0'));
    Some((value, text.get(n..)?))
}

fn build(y: u32, mo: u32, d: u32, hms: Option<(u32, u32, u32)>, offset: Option<UtcOffset>) -> Result<Stamp, String> {
    let month = u8::try_from(mo)
        .ok()
        .and_then(|m| Month::try_from(m).ok())
        .ok_or_else(|| format!("month {mo} does not exist"))?;
    let year = i32::try_from(y).map_err(|_| format!("year {y} is out of range"))?;
    let day = u8::try_from(d).map_err(|_| format!("day {d} does not exist"))?;
    let date = Date::from_calendar_date(year, month, day)
        .map_err(|_| format!("{y:04}-{mo:02}-{d:02} is not a date of the calendar"))?;
    let time = match hms {
        None => None,
        Some((h, m, s)) => Some(
            u8::try_from(h)
                .ok()
                .zip(u8::try_from(m).ok())
                .zip(u8::try_from(s).ok())
                .and_then(|((h, m), s)| Time::from_hms(h, m, s).ok())
                .ok_or_else(|| format!("{h:02}:{m:02}:{s:02} is not a time of day"))?,
        ),
    };
    Ok(Stamp { date, time, offset })
}

/// Reads ISO 8601: `yyyy-MM-dd`, optionally `T` or a space, `HH:mm[:ss[.fraction]]`, optionally `Z` or `±HH:mm`.
/// Fractions of a second are dropped (Zoho's format has none).
pub(crate) fn parse_iso(text: &str) -> Result<Stamp, String> {
    let t = trim(text);
    let bad = || format!("`{t}` is not an ISO 8601 date or date-time (yyyy-MM-dd or yyyy-MM-ddTHH:mm:ss±HH:mm)");
    let (y, rest) = take_digits(t, 4, 4).ok_or_else(bad)?;
    let rest = after(rest, b'-').ok_or_else(bad)?;
    let (mo, rest) = take_digits(rest, 2, 2).ok_or_else(bad)?;
    let rest = after(rest, b'-').ok_or_else(bad)?;
    let (d, rest) = take_digits(rest, 2, 2).ok_or_else(bad)?;
    if rest.is_empty() {
        return build(y, mo, d, None, None);
    }
    let rest = after(rest, b'T').or_else(|| after(rest, b' ')).ok_or_else(bad)?;
    let (h, rest) = take_digits(rest, 2, 2).ok_or_else(bad)?;
    let rest = after(rest, b':').ok_or_else(bad)?;
    let (mi, mut rest) = take_digits(rest, 2, 2).ok_or_else(bad)?;
    let mut s = 0;
    if let Some(r) = after(rest, b':') {
        let (sec, r) = take_digits(r, 2, 2).ok_or_else(bad)?;
        s = sec;
        rest = r;
        if let Some(frac) = after(rest, b'.') {
            let n = frac.bytes().take_while(u8::is_ascii_digit).count();
            if n == 0 {
                return Err(bad());
            }
            rest = frac.get(n..).ok_or_else(bad)?;
        }
    }
    let offset = if rest.is_empty() { None } else { Some(parse_offset(rest).map_err(|_| bad())?) };
    build(y, mo, d, Some((h, mi, s)), offset)
}

/// Reads text with a pattern of `yyyy`, `MM`/`M`, `dd`/`d`, `HH`/`H`, `mm`, `ss`; other characters must match.
pub(crate) fn parse_pattern(text: &str, pattern: &str) -> Result<Stamp, String> {
    let t = trim(text);
    let bad = || format!("`{t}` does not match the pattern `{pattern}`");
    let (mut y, mut mo, mut d) = (None, None, None);
    let (mut h, mut mi, mut s) = (None, None, None);
    let mut rest = t;
    let mut p = pattern;
    while !p.is_empty() {
        let (slot, min, max, len): (&mut Option<u32>, usize, usize, usize) = if p.starts_with("yyyy") {
            (&mut y, 4, 4, 4)
        } else if p.starts_with("MM") {
            (&mut mo, 2, 2, 2)
        } else if p.starts_with('M') {
            (&mut mo, 1, 2, 1)
        } else if p.starts_with("dd") {
            (&mut d, 2, 2, 2)
        } else if p.starts_with('d') {
            (&mut d, 1, 2, 1)
        } else if p.starts_with("HH") {
            (&mut h, 2, 2, 2)
        } else if p.starts_with('H') {
            (&mut h, 1, 2, 1)
        } else if p.starts_with("mm") {
            (&mut mi, 2, 2, 2)
        } else if p.starts_with("ss") {
            (&mut s, 2, 2, 2)
        } else {
            let c = p.chars().next().ok_or_else(bad)?;
            rest = rest.strip_prefix(c).ok_or_else(bad)?;
            p = &p[c.len_utf8()..];
            continue;
        };
        let (value, r) = take_digits(rest, min, max).ok_or_else(bad)?;
        *slot = Some(value);
        rest = r;
        p = &p[len..];
    }
    if !rest.is_empty() {
        return Err(bad());
    }
    let (Some(y), Some(mo), Some(d)) = (y, mo, d) else {
        return Err(format!("the pattern `{pattern}` needs yyyy, MM and dd"));
    };
    let time = h.map(|h| (h, mi.unwrap_or(0), s.unwrap_or(0)));
    build(y, mo, d, time, None)
}

/// Checks a pattern has only what [`parse_pattern`] understands for a date (and, if `with_time`, a time).
pub(crate) fn check_pattern(pattern: &str) -> Result<(), String> {
    if !(pattern.contains("yyyy") && pattern.contains('M') && pattern.contains('d')) {
        return Err(format!("the pattern `{pattern}` needs yyyy, MM and dd"));
    }
    if let Some(c) = pattern.chars().find(|c| c.is_ascii_alphabetic() && !"yMdHms".contains(*c)) {
        return Err(format!("`{c}` in the pattern `{pattern}` is not understood (use yyyy, MM, dd, HH, mm, ss)"));
    }
    Ok(())
}

/// Writes a date with a pattern of `yyyy`, `MM`, `M`, `dd`, `d`.
pub(crate) fn format_date(date: Date, pattern: &str) -> String {
    let mut out = String::with_capacity(pattern.len() + 2);
    write_date(&mut out, date, pattern);
    out
}

/// `n` in decimal, zero-padded to `width` digits.
fn push_number(out: &mut String, n: u32, width: usize) {
    let mut digits = [b'0'; 10];
    let mut i = digits.len();
    let mut n = n;
    while n > 0 || i == digits.len() {
        i -= 1;
        if let Some(d) = digits.get_mut(i) {
            *d = b'0' + (n % 10) as u8;
        }
        n /= 10;
    }
    for _ in digits.len() - i..width {
        out.push('0');
    }
    for d in digits.get(i..).unwrap_or_default() {
        out.push(char::from(*d));
    }
}

/// [`format_date`] into `out` (no `format!`: this runs once per value).
pub(crate) fn write_date(out: &mut String, date: Date, pattern: &str) {
    let month = u32::from(u8::from(date.month()));
    let day = u32::from(date.day());
    let mut p = pattern;
    while let Some(&first) = p.as_bytes().first() {
        // (pattern bytes used, number, digits); a year below 0 has no `u32` and is written with its sign.
        let (len, number, width) = match p.as_bytes() {
            [b'y', b'y', b'y', b'y', ..] => (4, u32::try_from(date.year()).ok(), 4),
            [b'M', b'M', ..] => (2, Some(month), 2),
            [b'M', ..] => (1, Some(month), 1),
            [b'd', b'd', ..] => (2, Some(day), 2),
            [b'd', ..] => (1, Some(day), 1),
            _ => {
                let c = if first.is_ascii() { char::from(first) } else { p.chars().next().unwrap_or_default() };
                out.push(c);
                p = p.get(c.len_utf8()..).unwrap_or_default();
                continue;
            }
        };
        match number {
            Some(n) => push_number(out, n, width),
            None => {
                let _ = fmt::Write::write_fmt(out, format_args!("{:04}", date.year()));
            }
        }
        p = p.get(len..).unwrap_or_default();
    }
}

/// `yyyy-MM-dd`.
pub(crate) fn iso_date(date: Date) -> String {
    format_date(date, "yyyy-MM-dd")
}

/// `yyyy-MM-ddTHH:mm:ss±HH:mm` (UTC as `+00:00`, the documented form).
pub(crate) fn iso_datetime(at: OffsetDateTime) -> String {
    let mut out = String::with_capacity(25);
    write_date(&mut out, at.date(), "yyyy-MM-dd");
    out.push('T');
    push_number(&mut out, u32::from(at.hour()), 2);
    out.push(':');
    push_number(&mut out, u32::from(at.minute()), 2);
    out.push(':');
    push_number(&mut out, u32::from(at.second()), 2);
    let total = at.offset().whole_minutes();
    out.push(if total < 0 { '-' } else { '+' });
    let total = u32::from(total.unsigned_abs());
    push_number(&mut out, total / 60, 2);
    out.push(':');
    push_number(&mut out, total % 60, 2);
    out
}

/// Joins a stamp with its offset (or `zone` when it has none), optionally converted to `to`.
pub(crate) fn to_offset_datetime(
    stamp: Stamp,
    zone: Option<UtcOffset>,
    to: Option<UtcOffset>,
) -> Result<OffsetDateTime, String> {
    let offset = stamp.offset.or(zone).ok_or_else(|| {
        "the value has no offset and the transform gives no `zone`, so the instant is unknown".to_string()
    })?;
    let local = PrimitiveDateTime::new(stamp.date, stamp.time.unwrap_or(Time::MIDNIGHT));
    let at = local.assume_offset(offset);
    match to {
        Some(to) => at.checked_to_offset(to).ok_or_else(|| "the converted date-time is out of range".to_string()),
        None => Ok(at),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn iso_with_offset_converts_across_the_date_line() {
        let stamp = parse_iso("2024-03-01T01:30:00+05:30").unwrap();
        let at = to_offset_datetime(stamp, None, Some(UtcOffset::UTC)).unwrap();
        assert_eq!(iso_datetime(at), "2024-02-29T20:00:00+00:00");
    }

    #[test]
    fn calendar_and_pattern_checks() {
        assert!(parse_iso("2023-02-29").unwrap_err().contains("not a date"));
        assert_eq!(iso_date(parse_pattern("7/4/2024", "M/d/yyyy").unwrap().date), "2024-07-04");
        assert!(parse_pattern("2024-07-04", "dd/MM/yyyy").is_err());
        assert!(parse_offset("Europe/Berlin").is_err());
        assert_eq!(parse_offset("-0400").unwrap().whole_minutes(), -240);
        assert_eq!(parse_iso("2016-05-10 09:40:35.123Z").unwrap().offset, Some(UtcOffset::UTC));
    }
}
