//! Numbers as decimal digits: read, normalised, rounded and counted as text, never through a float, so that
//! `0.1 + 0.2`-style surprises cannot happen. Only the final JSON number is built from the digits, and it is
//! checked to print back exactly.

use serde_json::Number;

/// A normalised decimal: optional `-`, integer digits without leading zeros (`0` alone allowed), and, if any,
/// `.` and fraction digits without trailing zeros.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Decimal(pub String);

impl Decimal {
    /// Reads plain decimal text (`-12.50`, `+3`, `.5`) or a float's exponent form (`1e-7`).
    pub(crate) fn parse(text: &str) -> Option<Decimal> {
        let t = text.trim();
        let (negative, body) = match t.as_bytes().first() {
            Some(b'-') => (true, &t[1..]),
            Some(b'+') => (false, &t[1..]),
            _ => (false, t),
        };
        let (mantissa, exponent) = match body.find(['e', 'E']) {
            Some(i) => (&body[..i], body.get(i + 1..)?.parse::<i32>().ok()?),
            None => (body, 0),
        };
        let (int, frac) = mantissa.split_once('.').unwrap_or((mantissa, ""));
        if int.is_empty() && frac.is_empty()
            || !int.bytes().all(|b| b.is_ascii_digit())
            || !frac.bytes().all(|b| b.is_ascii_digit())
            || exponent.unsigned_abs() > 400
        {
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
        let int = int.trim_start_matches('0');
        let frac = frac.trim_end_matches('0');
        let int = if int.is_empty() { "0" } else { int };
        let zero = int == "0" && frac.is_empty();
        let sign = if negative && !zero { "-" } else { "" };
        if frac.is_empty() {
            Decimal(format!("{sign}{int}"))
        } else {
            Decimal(format!("{sign}{int}.{frac}"))
        }
    }

    /// Reads localised text: drops the grouping separator and reads the decimal separator as `.`.
    pub(crate) fn parse_localised(text: &str, decimal: &str, group: Option<&str>) -> Option<Decimal> {
        let mut t = text.trim().replace(char::is_whitespace, "");
        if let Some(g) = group.filter(|g| !g.is_empty()) {
            t = t.replace(g.trim(), "");
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

    fn parts(&self) -> (bool, &str, &str) {
        let (negative, body) = match self.0.strip_prefix('-') {
            Some(b) => (true, b),
            None => (false, self.0.as_str()),
        };
        let (int, frac) = body.split_once('.').unwrap_or((body, ""));
        (negative, int, frac)
    }

    /// True when there is no fraction.
    pub(crate) fn is_integer(&self) -> bool {
        !self.0.contains('.')
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
        let float: f64 = self.0.parse().ok()?;
        let number = Number::from_f64(float)?;
        (Decimal::parse(&number.to_string()).as_ref() == Some(self)).then_some(number)
    }
}

#[cfg(test)]
mod tests {
    use super::Decimal;

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
