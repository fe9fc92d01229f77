//! Numbers as decimal digits: read, normalised, rounded and counted as text, never through a float, so that
//! `0.1 + 0.2`-style surprises cannot happen. Only the final JSON number is built from the digits, and it is
//! checked to print back exactly.

use super::trim::trim;
use serde_json::ser::{CompactFormatter, Formatter};
use serde_json::Number;

/// A normalised decimal: optional `-`, integer digits without leading zeros (`0` alone allowed), and, if any,
/// `.` and fraction digits without trailing zeros.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Decimal(pub String);

/// The integer and fraction digits of plain decimal text (`12.50`, `.5`, `3.`).
fn plain_digits(mantissa: &str) -> Option<(&str, &str)> {
    let (int, frac) = mantissa.split_once('.').unwrap_or((mantissa, ""));
    let plain = !(int.is_empty() && frac.is_empty())
        && int.bytes().all(|b| b.is_ascii_digit())
        && frac.bytes().all(|b| b.is_ascii_digit());
    plain.then_some((int, frac))
}

impl Decimal {
    /// Reads plain decimal text (`-12.50`, `+3`, `.5`) or a float's exponent form (`1e-7`).
    pub(crate) fn parse(text: &str) -> Option<Decimal> {
        let t = trim(text);
        let (negative, body) = match t.as_bytes().first() {
            Some(b'-') => (true, &t[1..]),
            Some(b'+') => (false, &t[1..]),
            _ => (false, t),
        };
        let Some(e) = body.bytes().position(|b| b == b'e' || b == b'E') else {
            // The common case: normalised without building the digit string.
            let (int, frac) = plain_digits(body)?;
            return Some(Decimal::from_parts(negative, int, frac));
        };
        let exponent = body.get(e + 1..)?.parse::<i32>().ok()?;
        let (int, frac) = plain_digits(&body[..e])?;
        if exponent.unsigned_abs() > 400 {
            return None;
        }
        // Shift the point by the exponent on the digit string.
        let digits = format!("{int}{frac}");
        let point = i64::try_from(int.len()).ok()? + i64::from(exponent);
        let (int, frac) = if point <= 0 {
            (String::new(), format!("{}{digits}", "0".repeat(usize::try_from(-point).ok()?)))
        } else if let Ok(p) = usize::try_from(point) {
            if p >= digits.len() {
                (format!("{digits}{}", "0".repeat(p - digits.len())), String::new())
            } else {
                (digits.get(..p)?.to_string(), digits.get(p..)?.to_string())
            }
        } else {
            return None;
        };
        Some(Decimal::from_parts(negative, &int, &frac))
    }

    fn from_parts(negative: bool, int: &str, frac: &str) -> Decimal {
        // ASCII digits: trimmed as bytes.
        let int = int.get(int.bytes().take_while(|b| *b == b'0').count()..).unwrap_or_default();
        let frac = frac.get(..frac.len() - frac.bytes().rev().take_while(|b| *b == b'0').count()).unwrap_or_default();
        let int = if int.is_empty() { "0" } else { int };
        let zero = int == "0" && frac.is_empty();
        let mut text = String::with_capacity(int.len() + frac.len() + 2);
        if negative && !zero {
            text.push('-');
        }
        text.push_str(int);
        if !frac.is_empty() {
            text.push('.');
            text.push_str(frac);
        }
        Decimal(text)
    }

    /// Reads localised text: drops the grouping separator and reads the decimal separator as `.`.
    pub(crate) fn parse_localised(text: &str, decimal: &str, group: Option<&str>) -> Option<Decimal> {
        let group = group.filter(|g| !g.is_empty()).map(str::trim);
        if decimal == "." {
            // The common case, without a `String` per step: ASCII text and no or a one-byte group separator is
            // filtered into a buffer on the stack.
            if let Some(d) = Self::parse_ascii(trim(text), group) {
                return d;
            }
        }
        let mut t = text.trim().replace(char::is_whitespace, "");
        if let Some(g) = group {
            t = t.replace(g, "");
        }
        if decimal != "." {
            if t.contains('.') {
                return None;
            }
            t = t.replace(decimal, ".");
        }
        if t.contains(['e', 'E']) {
            return None;
        }
        Decimal::parse(&t)
    }

    /// [`Decimal::parse_localised`] with `.` as decimal separator for ASCII text of at most 64 bytes whose group
    /// separator is absent or one ASCII byte; `None` when the text or separator is not of that kind.
    fn parse_ascii(text: &str, group: Option<&str>) -> Option<Option<Decimal>> {
        let group = match group.map(str::as_bytes) {
            None => None,
            Some([g]) if g.is_ascii() => Some(*g),
            Some(_) => return None,
        };
        if !text.is_ascii() || text.len() > 64 {
            return None;
        }
        let mut buffer = [0u8; 64];
        let mut n = 0;
        for b in text.bytes() {
            if b.is_ascii_whitespace() || b == b'\x0b' || Some(b) == group {
                continue;
            }
            if b == b'e' || b == b'E' {
                return Some(None);
            }
            *buffer.get_mut(n)? = b;
            n += 1;
        }
        Some(Decimal::parse(std::str::from_utf8(buffer.get(..n)?).ok()?))
    }

    fn parts(&self) -> (bool, &str, &str) {
        // Normalised ASCII text: split as bytes.
        let negative = self.0.as_bytes().first() == Some(&b'-');
        let body = self.0.get(usize::from(negative)..).unwrap_or_default();
        match body.bytes().position(|b| b == b'.') {
            Some(i) => (negative, body.get(..i).unwrap_or_default(), body.get(i + 1..).unwrap_or_default()),
            None => (negative, body, ""),
        }
    }

    /// True when there is no fraction.
    pub(crate) fn is_integer(&self) -> bool {
        !self.0.bytes().any(|b| b == b'.')
    }

    /// Digits before and after the point (leading integer zeros not counted).
    pub(crate) fn digit_counts(&self) -> (usize, usize) {
        let (_, int, frac) = self.parts();
        (if int == "0" { 0 } else { int.len() }, frac.len())
    }

    /// Rounds half away from zero to `places` decimals.
    pub(crate) fn round(&self, places: u32) -> Decimal {
        let (negative, int, frac) = self.parts();
        let places = usize::try_from(places).unwrap_or(usize::MAX);
        if frac.len() <= places {
            return self.clone();
        }
        let kept = &frac[..places];
        let round_up = frac.as_bytes().get(places).is_some_and(|d| *d >= b'5');
        let mut digits: Vec<u8> = format!("{int}{kept}").into_bytes();
        if round_up {
            let mut i = digits.len();
            loop {
                if i == 0 {
                    digits.insert(0, b'1');
                    break;
                }
                i -= 1;
                if let Some(d) = digits.get_mut(i) {
                    if *d == b'9' {
                        *d = b'0';
                    } else {
                        *d += 1;
                        break;
                    }
                }
            }
        }
        let text = String::from_utf8(digits).unwrap_or_default();
        let split = text.len().saturating_sub(places);
        Decimal::from_parts(negative, &text[..split], &text[split..])
    }

    /// The JSON number with exactly these digits, or `None` when no JSON number prints back as them (a float
    /// cannot hold all 16+ significant digits of every decimal).
    pub(crate) fn to_json_number(&self) -> Option<Number> {
        if self.is_integer() {
            if let Ok(n) = self.0.parse::<i64>() {
                return Some(Number::from(n));
            }
        }
        if let Some(float) = self.short_float() {
            return Number::from_f64(float);
        }
        self.checked_json_number()
    }

    /// The float of a decimal in its shortest text (no leading integer zero, no trailing fraction zero) with at
    /// most 15 digits, without reading or printing text (issue 8: that was most of a currency field's cost). Up
    /// to 15 digits every decimal is the one shortest text of its nearest float (DBL_DIG), so that float prints
    /// back as these digits and [`Decimal::checked_json_number`] would take it. The value is `m / 10^k`, both
    /// exact in a float: one correctly rounded division, the float parser's own fast path.
    fn short_float(&self) -> Option<f64> {
        const POWERS: [f64; 16] =
            [1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15];
        let (negative, int, frac) = self.parts();
        let int = int.as_bytes();
        let frac = frac.as_bytes();
        let shortest = (int == b"0" || int.first().is_some_and(|d| *d != b'0')) && frac.last() != Some(&b'0');
        if !shortest || int.len() + frac.len() > 15 {
            return None;
        }
        let mut m: u64 = 0;
        for d in int.iter().chain(frac) {
            if !d.is_ascii_digit() {
                return None;
            }
            m = m * 10 + u64::from(d - b'0');
        }
        let float = m as f64 / POWERS.get(frac.len())?;
        Some(if negative { -float } else { float })
    }

    /// [`Decimal::to_json_number`] by reading the text as a float and comparing the text the float prints.
    fn checked_json_number(&self) -> Option<Number> {
        let float: f64 = self.0.parse().ok()?;
        let number = Number::from_f64(float)?;
        // The text serde_json prints for the float (its `Display` and its serializer share one formatter), on the
        // stack: usually these very digits, otherwise read back and compared.
        let mut buffer = [0u8; 40];
        let mut writer = &mut buffer[..];
        CompactFormatter.write_f64(&mut writer, float).ok()?;
        let unused = writer.len();
        let printed = buffer.get(..buffer.len() - unused)?;
        if printed == self.0.as_bytes() {
            return Some(number);
        }
        let printed = std::str::from_utf8(printed).ok()?;
        (Decimal::parse(printed).as_ref() == Some(self)).then_some(number)
    }
}

#[cfg(test)]
mod tests {
    use super::Decimal;

    #[test]
    fn short_floats_are_what_the_float_check_gives() {
        let mut seed: u64 = 0x2545_F491_4F6C_DD1D;
        let mut next = || {
            seed ^= seed << 13;
            seed ^= seed >> 7;
            seed ^= seed << 17;
            seed
        };
        let mut checked = 0;
        for _ in 0..200_000 {
            let r = next();
            let digits = (r % 17) as usize + 1;
            let point = (r >> 8) as usize % (digits + 1);
            let mut text: String = (0..digits).map(|_| char::from(b'0' + (next() % 10) as u8)).collect();
            text.insert(point, '.');
            if r & (1 << 40) != 0 {
                text.insert(0, '-');
            }
            let Some(d) = Decimal::parse(&text) else { continue };
            for d in
                [d.clone(), d.round(2), d.round(1), Decimal(d.0.clone() + if d.is_integer() { ".50" } else { "0" })]
            {
                if d.short_float().is_some() {
                    checked += 1;
                }
                if !d.is_integer() {
                    assert_eq!(d.to_json_number(), d.checked_json_number(), "{}", d.0);
                }
            }
        }
        assert!(checked > 100_000, "{checked}");
    }

    #[test]
    fn normalises_rounds_and_checks_round_trip() {
        assert_eq!(Decimal::parse("007.500").unwrap().0, "7.5");
        assert_eq!(Decimal::parse("1e-7").unwrap().0, "0.0000001");
        assert_eq!(Decimal::parse("-0.00").unwrap().0, "0");
        assert_eq!(Decimal::parse("2.675").unwrap().round(2).0, "2.68");
        assert_eq!(Decimal::parse("9.995").unwrap().round(2).0, "10");
        assert_eq!(Decimal::parse_localised("1.234,56", ",", Some(".")).unwrap().0, "1234.56");
        assert_eq!(Decimal::parse("0.1").unwrap().to_json_number().unwrap().to_string(), "0.1");
        assert!(Decimal::parse("0.30000000000000001").unwrap().to_json_number().is_none());
        assert!(Decimal::parse("12a").is_none());
    }
}
