//! Deluge literals and names: text literals escaped so they read back exactly, identifiers, reserved words.
//!
//! Sources (docs/facts.md §6.2): text literals are in double quotes and a backslash escapes a double quote
//! (zoho.com/deluge/help/datatypes/text.html \[OFF\]); the escapes `\" \\ \/ \b \f \n \r \t` are those a third-party
//! parser accepts (GuruDhanush/Deluge-Language-Parser lexer.dart \[3P\]); the reserved words come from
//! zoho.com/deluge/help/keywords.html \[OFF\]; the identifier rule (letter or `_` first, then letters, digits, `_`)
//! is third-party only (lexer.dart `IDENTIFIER` \[3P\]), no official page states it.
//!
//! ```
//! use zoho_connector_kit::deluge::literal::{read_string_literal, string_literal};
//! let text = "She said \"hi\"\n\tand left \\ 😀";
//! let lit = string_literal(text);
//! assert_eq!(lit, r#""She said \"hi\"\n\tand left \\ 😀""#);
//! assert_eq!(read_string_literal(&lit).as_deref(), Some(text));
//! ```

/// Source of the escape rules.
pub const ESCAPE_SOURCE: &str = "deluge-text";

/// Source of the reserved-word list.
pub const RESERVED_SOURCE: &str = "deluge-keywords";

/// Source of the identifier rule (third-party only).
pub const IDENTIFIER_SOURCE: &str = "deluge-language-parser-lexer";

/// Reserved keywords that cannot be used as names, as listed on zoho.com/deluge/help/keywords.html
/// (docs/facts.md §6.2). The two-word entries `else if` and `for each` appear as written.
///
/// ```
/// use zoho_connector_kit::deluge::literal::RESERVED_WORDS;
/// assert!(RESERVED_WORDS.contains(&"thisapp"));
/// ```
pub const RESERVED_WORDS: [&str; 26] = [
    "bool",
    "collection",
    "date",
    "else",
    "else if",
    "false",
    "float",
    "for each",
    "from",
    "if",
    "ifnull",
    "in",
    "int",
    "is",
    "list",
    "map",
    "null",
    "permissions",
    "portal",
    "reload",
    "return",
    "string",
    "thisapp",
    "true",
    "void",
    "zoho",
];

/// True when `name` is one of the reserved keywords (exact, lowercase match; docs/facts.md §6.2).
///
/// ```
/// use zoho_connector_kit::deluge::literal::is_reserved;
/// assert!(is_reserved("list"));
/// assert!(!is_reserved("records"));
/// ```
pub fn is_reserved(name: &str) -> bool {
    RESERVED_WORDS.contains(&name)
}

/// True when `name` is reserved in any letter case (`List`, `MAP`). The generator avoids these too, to be safe.
///
/// ```
/// use zoho_connector_kit::deluge::literal::is_reserved_any_case;
/// assert!(is_reserved_any_case("Map"));
/// ```
pub fn is_reserved_any_case(name: &str) -> bool {
    RESERVED_WORDS.iter().any(|w| w.eq_ignore_ascii_case(name))
}

/// True when `name` follows the identifier rule: an ASCII letter or `_` first, then ASCII letters, digits or `_`.
/// The rule is third-party only (lexer.dart \[3P\], docs/facts.md §6.2); reserved words are not excluded here.
///
/// ```
/// use zoho_connector_kit::deluge::literal::is_identifier;
/// assert!(is_identifier("lead_id2"));
/// assert!(!is_identifier("2nd"));
/// assert!(!is_identifier("first-name"));
/// ```
pub fn is_identifier(name: &str) -> bool {
    let mut chars = name.chars();
    match chars.next() {
        Some(c) if c.is_ascii_alphabetic() || c == '_' => chars.all(|c| c.is_ascii_alphanumeric() || c == '_'),
        _ => false,
    }
}

/// The Deluge text literal for `s`: double-quoted, with `"` and `\` escaped and newline, carriage return, tab,
/// backspace and form feed written as `\n \r \t \b \f`. Every other character, non-ASCII included, is written as
/// itself (Deluge scripts are Unicode text and no `\u` escape is documented); [`read_string_literal`] reads the
/// literal back as exactly `s`.
///
/// ```
/// use zoho_connector_kit::deluge::literal::string_literal;
/// assert_eq!(string_literal("C:\\temp\\\"x\""), r#""C:\\temp\\\"x\"""#);
/// assert_eq!(string_literal("a\r\nb"), r#""a\r\nb""#);
/// assert_eq!(string_literal("Müller"), "\"Müller\"");
/// ```
pub fn string_literal(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 2);
    out.push('"');
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            '\u{8}' => out.push_str("\\b"),
            '\u{c}' => out.push_str("\\f"),
            other => out.push(other),
        }
    }
    out.push('"');
    out
}

/// Reads a double-quoted Deluge text literal (as written by [`string_literal`] or by hand) back into its text.
/// `None` when it is not one complete literal or uses an escape outside `\" \\ \/ \b \f \n \r \t`.
///
/// ```
/// use zoho_connector_kit::deluge::literal::read_string_literal;
/// assert_eq!(read_string_literal(r#""a\/b\tc""#).as_deref(), Some("a/b\tc"));
/// assert_eq!(read_string_literal(r#""open"#), None);
/// assert_eq!(read_string_literal(r#""\q""#), None);
/// ```
pub fn read_string_literal(literal: &str) -> Option<String> {
    let inner = literal.strip_prefix('"')?.strip_suffix('"')?;
    if !inner.bytes().any(|b| b == b'\\' || b == b'"') {
        // Nothing to unescape (most literals): one copy instead of a push per character.
        return Some(inner.to_string());
    }
    let mut out = String::with_capacity(inner.len());
    let mut chars = inner.chars();
    while let Some(c) = chars.next() {
        match c {
            '\\' => out.push(unescape(chars.next()?)?),
            '"' => return None,
            other => out.push(other),
        }
    }
    Some(out)
}

/// The character an escape `\c` stands for, for the escapes listed in [`ESCAPE_SOURCE`].
///
/// ```
/// use zoho_connector_kit::deluge::literal::unescape;
/// assert_eq!(unescape('n'), Some('\n'));
/// assert_eq!(unescape('x'), None);
/// ```
pub fn unescape(c: char) -> Option<char> {
    Some(match c {
        '"' => '"',
        '\\' => '\\',
        '/' => '/',
        'b' => '\u{8}',
        'f' => '\u{c}',
        'n' => '\n',
        'r' => '\r',
        't' => '\t',
        _ => return None,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn trailing_backslash_is_escaped_so_the_quote_still_closes() {
        let lit = string_literal("path\\");
        assert_eq!(lit, "\"path\\\\\"");
        assert_eq!(read_string_literal(&lit).as_deref(), Some("path\\"));
    }

    #[test]
    fn control_characters_without_escape_stay_raw_and_round_trip() {
        let text = "a\u{1}b\u{7f}c\u{0}";
        assert_eq!(read_string_literal(&string_literal(text)).as_deref(), Some(text));
    }
}
