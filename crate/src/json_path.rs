//! The field path (`fields[2].transforms[0].op`) at a position in JSON text.
//!
//! `serde_json` reports where an error happened as a line and a column; the user needs the field. Reading the text
//! again up to that position, keeping a stack of the objects and arrays that are open and of the key or index being
//! read in each, names it. This replaced `serde_path_to_error`, whose wrapper around every deserializer cost about
//! 110 KB of the Wasm module (issue 8); the paths it printed (`a.b[1].c`, a leading `[0]` for a top-level array) are
//! kept.
//!
//! Where `serde_json` stands when it reports (checked by the tests in `crate/src/input.rs`):
//! - a wrong value (`invalid type`, `unknown variant`, a number out of range): just after the value it read, or just
//!   before a value it refused by its first character; either way inside the key or index that holds it;
//! - an unknown field: just after the key's closing quote, so the path ends with the unknown key;
//! - a missing field or a wrong array length: just after the object's `}` or the array's `]`, so the path is the
//!   object's or the array's own.

/// One open object or array.
struct Frame {
    /// The key being read in an object (`None` before the first key and after a comma), or `None` in an array.
    key: Option<String>,
    /// The index of the element being read in an array; `None` in an object or in an empty array.
    index: Option<usize>,
    array: bool,
}

/// The path at byte offset `end` of `text` (everything before `end` has been read), as `serde_path_to_error` printed
/// it: keys joined by `.`, indexes as `[i]`, the empty string at the top level.
///
/// Tolerates broken JSON: it never fails, it names what was open when the text stopped making sense.
pub(crate) fn path_at(text: &str, end: usize) -> String {
    let bytes = text.as_bytes();
    let end = end.min(bytes.len());
    let mut stack: Vec<Frame> = Vec::new();
    let mut i = 0;
    while i < end {
        let Some(&b) = bytes.get(i) else { break };
        match b {
            b'{' => {
                stack.push(Frame { key: None, index: None, array: false });
                i += 1;
            }
            b'[' => {
                // The first element is open from the `[` on, unless the array is empty.
                let rest = bytes.get(i + 1..).unwrap_or_default();
                let empty = rest.iter().find(|c| !c.is_ascii_whitespace()) == Some(&b']');
                stack.push(Frame { key: None, index: (!empty).then_some(0), array: true });
                i += 1;
            }
            b'}' | b']' => {
                stack.pop();
                i += 1;
            }
            b',' => {
                if let Some(top) = stack.last_mut() {
                    if top.array {
                        top.index = Some(top.index.map_or(0, |n| n.saturating_add(1)));
                    } else {
                        top.key = None;
                    }
                }
                i += 1;
            }
            b'"' => {
                let (string, next) = read_string(bytes, i + 1, end);
                if let Some(top) = stack.last_mut() {
                    if !top.array && top.key.is_none() {
                        top.key = Some(string);
                    }
                }
                i = next;
            }
            _ => i += 1,
        }
    }
    let mut path = String::new();
    for frame in &stack {
        if let Some(key) = &frame.key {
            if !path.is_empty() {
                path.push('.');
            }
            path.push_str(key);
        } else if let Some(index) = frame.index {
            path.push('[');
            path.push_str(&index.to_string());
            path.push(']');
        }
    }
    path
}

/// Reads a JSON string whose opening quote is just before `start`, stopping at `end`; returns its text (escapes
/// decoded; a broken escape kept as written) and the offset after the closing quote.
fn read_string(bytes: &[u8], start: usize, end: usize) -> (String, usize) {
    let mut out: Vec<u8> = Vec::new();
    let mut i = start;
    while i < end {
        let Some(&b) = bytes.get(i) else { break };
        match b {
            b'"' => return (String::from_utf8_lossy(&out).into_owned(), i + 1),
            b'\\' => {
                let escaped = bytes.get(i + 1).copied().unwrap_or(b'\\');
                let simple = match escaped {
                    b'n' => Some(b'\n'),
                    b't' => Some(b'\t'),
                    b'r' => Some(b'\r'),
                    b'b' => Some(8),
                    b'f' => Some(12),
                    b'u' => None,
                    other => Some(other),
                };
                if let Some(c) = simple {
                    out.push(c);
                    i += 2;
                } else {
                    let (c, used) = unicode_escape(bytes, i);
                    let mut buf = [0; 4];
                    out.extend_from_slice(c.encode_utf8(&mut buf).as_bytes());
                    i += used;
                }
            }
            _ => {
                out.push(b);
                i += 1;
            }
        }
    }
    (String::from_utf8_lossy(&out).into_owned(), end)
}

/// The character of the `\uXXXX` escape (or surrogate pair) at `at`, and how many bytes it takes.
fn unicode_escape(bytes: &[u8], at: usize) -> (char, usize) {
    let hex = |from: usize| -> Option<u32> {
        let digits = bytes.get(from..from + 4)?;
        u32::from_str_radix(std::str::from_utf8(digits).ok()?, 16).ok()
    };
    match hex(at + 2) {
        Some(high @ 0xD800..=0xDBFF) => {
            if bytes.get(at + 6..at + 8) == Some(b"\\u") {
                if let Some(low @ 0xDC00..=0xDFFF) = hex(at + 8) {
                    let c = 0x10000 + ((high - 0xD800) << 10) + (low - 0xDC00);
                    return (char::from_u32(c).unwrap_or('\u{FFFD}'), 12);
                }
            }
            ('\u{FFFD}', 6)
        }
        Some(c) => (char::from_u32(c).unwrap_or('\u{FFFD}'), 6),
        None => ('\u{FFFD}', 2),
    }
}

/// The byte offset of a 1-based `line` and a `column` counted in bytes from the line's start (`serde_json`'s
/// convention: the column is how many bytes of the line were read).
pub(crate) fn offset_of(text: &str, line: usize, column: usize) -> usize {
    let mut start = 0;
    for _ in 1..line {
        match text.get(start..).and_then(|rest| rest.find('\n')) {
            Some(n) => start += n + 1,
            None => return text.len(),
        }
    }
    (start + column).min(text.len())
}

#[cfg(test)]
mod tests {
    use super::{offset_of, path_at};

    fn at_marker(text: &str) -> String {
        let end = text.find('|').unwrap();
        path_at(&text.replace('|', ""), end)
    }

    #[test]
    fn names_keys_and_indexes_of_what_is_open() {
        assert_eq!(at_marker(r#"{"fields": [{"a": 1}, {"op": "x"|}]}"#), "fields[1].op");
        assert_eq!(at_marker(r#"[1, 3|00]"#), "[1]");
        assert_eq!(at_marker(r#"[|"x"]"#), "[0]");
        assert_eq!(at_marker(r#"{"a": {"b": 1}|}"#), "a");
        assert_eq!(at_marker(r#"{"a": {"b": 1}}|"#), "");
        assert_eq!(at_marker(r#"{"a": []|, "b": 2}"#), "a");
        assert_eq!(at_marker(r#"{"a": 1, "b"|: 2}"#), "b");
    }

    #[test]
    fn decodes_escaped_keys_and_ignores_brackets_inside_strings() {
        assert_eq!(at_marker(r#"{"a\"b": {"x]": "}{,", "c\u00e9": 1|}}"#), "a\"b.c\u{e9}");
        assert_eq!(at_marker(r#"{"\ud83d\ude00": 1|}"#), "\u{1F600}");
    }

    #[test]
    fn broken_text_never_fails() {
        for text in ["{", "[", "\"", "{\"a", "{\"a\\u12", "]]]}}", "{\"a\": [1, {\"b\": \"\\ud800\""] {
            for end in 0..=text.len() + 2 {
                let _ = path_at(text, end);
            }
        }
    }

    #[test]
    fn line_and_column_become_an_offset() {
        let text = "{\n  \"a\": 1,\n  \"b\": 2\n}";
        assert_eq!(&text[..offset_of(text, 3, 5)], "{\n  \"a\": 1,\n  \"b\"");
        assert_eq!(offset_of(text, 9, 0), text.len());
    }
}
