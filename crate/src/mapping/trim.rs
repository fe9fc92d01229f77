//! Trimming on the hot path of [`super::apply_mapping`]: `str::trim` walks chars through a generic pattern
//! searcher, which was about a tenth of `applyMapping` in Wasm (issue 8). Values are nearly always ASCII at their
//! edges, where whitespace is six bytes; anything else is left to `str::trim`, so the answer is always the same.

/// The ASCII bytes `char::is_whitespace` accepts: tab, line feed, vertical tab, form feed, carriage return, space.
pub(crate) fn is_space(b: u8) -> bool {
    matches!(b, b'\t' | b'\n' | b'\x0b' | b'\x0c' | b'\r' | b' ')
}

/// Same as `text.trim()`.
pub(crate) fn trim(text: &str) -> &str {
    let bytes = text.as_bytes();
    let mut start = 0;
    while let Some(&b) = bytes.get(start) {
        if is_space(b) {
            start += 1;
        } else if b.is_ascii() {
            break;
        } else {
            return text.trim();
        }
    }
    let mut end = bytes.len();
    while end > start {
        match bytes.get(end - 1) {
            Some(&b) if is_space(b) => end -= 1,
            Some(b) if b.is_ascii() => break,
            _ => return text.trim(),
        }
    }
    // Both ends are at ASCII bytes, so on char boundaries.
    text.get(start..end).unwrap_or_else(|| text.trim())
}

#[cfg(test)]
mod tests {
    use super::trim;

    #[test]
    fn trims_exactly_like_str_trim() {
        let cases = [
            "",
            " ",
            "\t\n\x0b\x0c\r ",
            "a",
            " a ",
            "\u{a0}a\u{a0}",
            " \u{2003}a b\u{3000} ",
            "é",
            " é ",
            "a\u{85}",
            "\u{85}",
            "\x1fa\x1f",
            "  Lena ",
            "x\u{200b}",
        ];
        for case in cases {
            assert_eq!(trim(case), case.trim(), "{case:?}");
        }
        for c in (0..0x3100u32).filter_map(char::from_u32) {
            let text = format!("{c}a{c}");
            assert_eq!(trim(&text), text.trim(), "{c:?}");
            let text = format!(" {c} ");
            assert_eq!(trim(&text), text.trim(), "{c:?}");
        }
    }
}
