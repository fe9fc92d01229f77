//! The Deluge lexer: text to tokens with 1-based lines and columns, comments kept (the formatter needs them).
//!
//! Lexical facts (docs/facts.md §6.2): text in double quotes with backslash escapes
//! (zoho.com/deluge/help/datatypes/text.html \[OFF\]); date-times in single quotes (lexer.dart \[3P\]); comments
//! `//` and `/* */` (official examples); identifiers letter or `_` first (lexer.dart \[3P\]). Never panics: anything
//! it cannot read becomes a [`TokenKind::Unknown`] token and a diagnostic.
//!
//! ```
//! use zoho_connector_kit::deluge::lexer::{lex, TokenKind};
//! let lexed = lex("x = \"a\"; // note");
//! let kinds: Vec<TokenKind> = lexed.tokens.iter().map(|t| t.kind).collect();
//! assert_eq!(kinds, [TokenKind::Ident, TokenKind::Punct, TokenKind::Text, TokenKind::Punct, TokenKind::LineComment]);
//! assert!(lexed.diagnostics.is_empty());
//! ```

use super::literal::{unescape, ESCAPE_SOURCE};
use crate::code::Code;
use crate::Diagnostic;

/// What a token is.
///
/// ```
/// use zoho_connector_kit::deluge::lexer::TokenKind;
/// assert!(TokenKind::LineComment.is_comment());
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TokenKind {
    /// A name or keyword (`response`, `if`, `invokeurl`).
    Ident,
    /// A number (`100`, `2.5`).
    Number,
    /// A double-quoted text literal, quotes included.
    Text,
    /// A single-quoted date-time literal, quotes included.
    DateTime,
    /// An operator or bracket.
    Punct,
    /// `// …` up to the end of the line.
    LineComment,
    /// `/* … */`.
    BlockComment,
    /// A character (or an unterminated literal) that cannot start a token.
    Unknown,
}

impl TokenKind {
    /// True for both comment kinds.
    ///
    /// ```
    /// assert!(!zoho_connector_kit::deluge::lexer::TokenKind::Text.is_comment());
    /// ```
    pub fn is_comment(self) -> bool {
        matches!(self, TokenKind::LineComment | TokenKind::BlockComment)
    }
}

/// One token with its place in the text.
///
/// ```
/// let t = &zoho_connector_kit::deluge::lexer::lex("\n  info x;").tokens[0];
/// assert_eq!((t.text, t.line, t.column, t.newlines_before), ("info", 2, 3, 1));
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Token<'a> {
    /// The kind.
    pub kind: TokenKind,
    /// The exact source text.
    pub text: &'a str,
    /// Byte offset in the source.
    pub start: usize,
    /// 1-based line.
    pub line: u32,
    /// 1-based column, in characters.
    pub column: u32,
    /// How many line breaks separate it from the previous token (or the start).
    pub newlines_before: u32,
}

impl Token<'_> {
    /// True when the token is the punctuation `p`.
    ///
    /// ```
    /// assert!(zoho_connector_kit::deluge::lexer::lex(";").tokens[0].is(";"));
    /// ```
    pub fn is(&self, p: &str) -> bool {
        // Punctuation is one or two bytes: compare those as one number, not through memcmp.
        self.kind == TokenKind::Punct && short_code(self.text) == short_code(p)
    }

    /// True when the token is the identifier or keyword `word`.
    ///
    /// ```
    /// assert!(zoho_connector_kit::deluge::lexer::lex("if").tokens[0].is_word("if"));
    /// ```
    pub fn is_word(&self, word: &str) -> bool {
        self.kind == TokenKind::Ident && self.text.len() == word.len() && self.text == word
    }
}

/// A text of one or two bytes as one number; `u32::MAX` for any other length.
#[inline(always)]
fn short_code(s: &str) -> u32 {
    match *s.as_bytes() {
        [a] => u32::from(a),
        [a, b] => u32::from(a) | u32::from(b) << 8,
        _ => u32::MAX,
    }
}

/// Tokens and the lexical findings.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Lexed<'a> {
    /// All tokens, comments included, in order.
    pub tokens: Vec<Token<'a>>,
    /// Unterminated literals and comments, unknown characters, unknown escapes.
    pub diagnostics: Vec<Diagnostic>,
}

const ONE_CHAR: &str = "()[]{},;:.=<>+-*/%!?";

/// Splits Deluge text into tokens. Never fails: problems become diagnostics.
///
/// ```
/// let lexed = zoho_connector_kit::deluge::lexer::lex("x = \"open");
/// assert_eq!(lexed.diagnostics[0].code, "deluge.unterminated_text");
/// assert_eq!(lexed.diagnostics[0].column, Some(5));
/// ```
pub fn lex(text: &str) -> Lexed<'_> {
    // About one token per five bytes in typical scripts; reserving avoids most regrowth copies.
    let mut lexer =
        Lexer { text, pos: 0, line: 1, column: 1, tokens: Vec::with_capacity(text.len() / 5), diagnostics: Vec::new() };
    lexer.run();
    Lexed { tokens: lexer.tokens, diagnostics: lexer.diagnostics }
}

/// Works on bytes: every byte that ends or separates a token is ASCII, and an ASCII byte never occurs inside a
/// multi-byte UTF-8 sequence, so only non-ASCII characters are decoded (to ask Unicode whether they are letters or
/// whitespace). Columns count characters: a byte counts unless it continues a UTF-8 sequence.
struct Lexer<'a> {
    text: &'a str,
    pos: usize,
    line: u32,
    column: u32,
    tokens: Vec<Token<'a>>,
    diagnostics: Vec<Diagnostic>,
}

/// True for a byte that continues a UTF-8 sequence (does not start a character).
fn is_continuation(b: u8) -> bool {
    b & 0xC0 == 0x80
}

impl<'a> Lexer<'a> {
    #[inline(always)]
    fn byte_at(&self, i: usize) -> Option<u8> {
        self.text.as_bytes().get(i).copied()
    }

    #[inline(always)]
    fn peek_byte(&self) -> Option<u8> {
        self.byte_at(self.pos)
    }

    /// The character at the current position.
    fn peek(&self) -> Option<char> {
        match self.peek_byte()? {
            b if b.is_ascii() => Some(char::from(b)),
            _ => self.text.get(self.pos..).and_then(|s| s.chars().next()),
        }
    }

    /// Moves to byte offset `end` (a character boundary), counting the lines and columns passed.
    fn advance_to(&mut self, end: usize) {
        let end = end.min(self.text.len());
        for &b in self.text.as_bytes().get(self.pos..end).unwrap_or(&[]) {
            if b == b'\n' {
                self.line = self.line.saturating_add(1);
                self.column = 1;
            } else if !is_continuation(b) {
                self.column = self.column.saturating_add(1);
            }
        }
        self.pos = end;
    }

    /// Moves past one character (no line break) of `len` bytes.
    #[inline(always)]
    fn step(&mut self, len: usize) {
        self.pos += len;
        self.column = self.column.saturating_add(1);
    }

    /// Byte offset of the first `needle` at or after `from`.
    fn find(&self, from: usize, needle: u8) -> Option<usize> {
        let rest = self.text.as_bytes().get(from..)?;
        rest.iter().position(|&b| b == needle).map(|i| from + i)
    }

    fn run(&mut self) {
        let mut newlines = 0u32;
        while let Some(b) = self.peek_byte() {
            match b {
                b'\n' => {
                    newlines = newlines.saturating_add(1);
                    self.line = self.line.saturating_add(1);
                    self.column = 1;
                    self.pos += 1;
                    continue;
                }
                b' ' | b'\t' | b'\r' | b'\x0b' | b'\x0c' => {
                    self.step(1);
                    continue;
                }
                _ => {}
            }
            let (start, line, column) = (self.pos, self.line, self.column);
            let kind = if b.is_ascii() {
                self.token(b, line, column)
            } else {
                let c = self.peek().unwrap_or(char::REPLACEMENT_CHARACTER);
                if c.is_whitespace() {
                    self.step(c.len_utf8());
                    continue;
                }
                if c.is_alphabetic() {
                    self.ident()
                } else {
                    self.step(c.len_utf8());
                    self.unexpected(c, line, column)
                }
            };
            let text = self.text.get(start..self.pos).unwrap_or("");
            self.tokens.push(Token { kind, text, start, line, column, newlines_before: newlines });
            newlines = 0;
        }
    }

    /// Letters, digits and `_` from the current position (the first one already known to start a name).
    fn ident(&mut self) -> TokenKind {
        while let Some(b) = self.peek_byte() {
            if b.is_ascii_alphanumeric() || b == b'_' {
                self.step(1);
            } else if b.is_ascii() {
                break;
            } else {
                match self.peek() {
                    Some(c) if c.is_alphanumeric() => self.step(c.len_utf8()),
                    _ => break,
                }
            }
        }
        TokenKind::Ident
    }

    fn digits(&mut self) {
        while self.peek_byte().is_some_and(|b| b.is_ascii_digit()) {
            self.step(1);
        }
    }

    /// A token starting with the ASCII byte `b` at the current position.
    fn token(&mut self, b: u8, line: u32, column: u32) -> TokenKind {
        let next = self.byte_at(self.pos + 1);
        match (b, next) {
            (b'/', Some(b'/')) => {
                // Up to the line break, leaving the `\r` of a `\r\n` out of the comment.
                let end = match self.find(self.pos, b'\n') {
                    Some(lf) if lf > self.pos + 2 && self.byte_at(lf - 1) == Some(b'\r') => lf - 1,
                    Some(lf) => lf,
                    None => self.text.len(),
                };
                self.advance_to(end);
                TokenKind::LineComment
            }
            (b'/', Some(b'*')) => {
                let mut from = self.pos + 2;
                loop {
                    match self.find(from, b'*') {
                        Some(star) if self.byte_at(star + 1) == Some(b'/') => {
                            self.advance_to(star + 2);
                            return TokenKind::BlockComment;
                        }
                        Some(star) => from = star + 1,
                        None => break,
                    }
                }
                self.advance_to(self.text.len());
                self.diagnostics.push(
                    Diagnostic::error(Code::DelugeUnterminatedComment, "", "This `/*` comment is never closed.")
                        .with_fix("Close the comment with `*/`.")
                        .at(line, column),
                );
                TokenKind::Unknown
            }
            _ if b.is_ascii_alphabetic() || b == b'_' => self.ident(),
            _ if b.is_ascii_digit() => {
                self.digits();
                if self.peek_byte() == Some(b'.') && self.byte_at(self.pos + 1).is_some_and(|b| b.is_ascii_digit()) {
                    self.step(1);
                    self.digits();
                }
                TokenKind::Number
            }
            (b'"', _) => self.text_literal(line, column),
            (b'\'', _) => {
                if let Some(close) = self.find(self.pos + 1, b'\'') {
                    self.advance_to(close + 1);
                    return TokenKind::DateTime;
                }
                self.advance_to(self.text.len());
                self.diagnostics.push(
                    Diagnostic::error(Code::DelugeUnterminatedDatetime, "", "This `'` date-time is never closed.")
                        .with_fix("Close the date-time with `'`.")
                        .with_source("deluge-language-parser-lexer")
                        .at(line, column),
                );
                TokenKind::Unknown
            }
            (b'=' | b'!' | b'<' | b'>' | b'+' | b'-' | b'*' | b'/', Some(b'='))
            | (b'&', Some(b'&'))
            | (b'|', Some(b'|')) => {
                self.step(1);
                self.step(1);
                TokenKind::Punct
            }
            _ => {
                self.step(1);
                if ONE_CHAR.as_bytes().contains(&b) {
                    TokenKind::Punct
                } else {
                    self.unexpected(char::from(b), line, column)
                }
            }
        }
    }

    fn unexpected(&mut self, c: char, line: u32, column: u32) -> TokenKind {
        self.diagnostics.push(
            Diagnostic::error(Code::DelugeUnexpectedCharacter, "", format!("`{c}` cannot appear here in Deluge."))
                .with_fix("Remove the character, or put it inside a text literal in double quotes.")
                .at(line, column),
        );
        TokenKind::Unknown
    }

    fn text_literal(&mut self, line: u32, column: u32) -> TokenKind {
        self.step(1);
        loop {
            // Plain characters up to the next quote or backslash.
            let bytes = self.text.as_bytes().get(self.pos..).unwrap_or(&[]);
            let Some(stop) = bytes.iter().position(|&b| b == b'"' || b == b'\\') else { break };
            self.advance_to(self.pos + stop);
            let (esc_line, esc_column) = (self.line, self.column);
            if self.peek_byte() == Some(b'"') {
                self.step(1);
                return TokenKind::Text;
            }
            self.step(1);
            let Some(e) = self.peek() else { break };
            self.advance_to(self.pos + e.len_utf8());
            if unescape(e).is_none() {
                self.diagnostics.push(
                    Diagnostic::info(
                        Code::DelugeUnknownEscape,
                        "",
                        format!("`\\{e}` is not one of the known escapes; Deluge may keep or drop the backslash."),
                    )
                    .with_fix("Write `\\\\` for a backslash, or use one of \\\" \\\\ \\/ \\b \\f \\n \\r \\t.")
                    .with_source(ESCAPE_SOURCE)
                    .at(esc_line, esc_column),
                );
            }
        }
        self.advance_to(self.text.len());
        self.diagnostics.push(
            Diagnostic::error(Code::DelugeUnterminatedText, "", "This text literal is never closed.")
                .with_fix("Close the text with `\"`; write `\\\"` for a quote inside the text.")
                .with_source(ESCAPE_SOURCE)
                .at(line, column),
        );
        TokenKind::Unknown
    }
}
