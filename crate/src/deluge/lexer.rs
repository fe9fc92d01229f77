//! The Deluge lexer: text to tokens with 1-based lines and columns, comments kept (the formatter needs them).
//!
//! Lexical facts (zoho-facts.md §8b): text in double quotes with backslash escapes
//! (zoho.com/deluge/help/datatypes/text.html [OFF]); date-times in single quotes (lexer.dart [3P]); comments
//! `//` and `/* */` (official examples); identifiers letter or `_` first (lexer.dart [3P]). Never panics: anything
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
        self.kind == TokenKind::Punct && self.text == p
    }

    /// True when the token is the identifier or keyword `word`.
    ///
    /// ```
    /// assert!(zoho_connector_kit::deluge::lexer::lex("if").tokens[0].is_word("if"));
    /// ```
    pub fn is_word(&self, word: &str) -> bool {
        self.kind == TokenKind::Ident && self.text == word
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

const TWO_CHAR: [&str; 10] = ["==", "!=", "<=", ">=", "&&", "||", "+=", "-=", "*=", "/="];
const ONE_CHAR: &str = "()[]{},;:.=<>+-*/%!?";

/// Splits Deluge text into tokens. Never fails: problems become diagnostics.
///
/// ```
/// let lexed = zoho_connector_kit::deluge::lexer::lex("x = \"open");
/// assert_eq!(lexed.diagnostics[0].code, "deluge.unterminated_text");
/// assert_eq!(lexed.diagnostics[0].column, Some(5));
/// ```
pub fn lex(text: &str) -> Lexed<'_> {
    let mut lexer = Lexer { text, pos: 0, line: 1, column: 1, tokens: Vec::new(), diagnostics: Vec::new() };
    lexer.run();
    Lexed { tokens: lexer.tokens, diagnostics: lexer.diagnostics }
}

struct Lexer<'a> {
    text: &'a str,
    pos: usize,
    line: u32,
    column: u32,
    tokens: Vec<Token<'a>>,
    diagnostics: Vec<Diagnostic>,
}

impl<'a> Lexer<'a> {
    fn peek(&self) -> Option<char> {
        self.text.get(self.pos..).and_then(|s| s.chars().next())
    }

    fn peek2(&self) -> Option<char> {
        self.text.get(self.pos..).and_then(|s| s.chars().nth(1))
    }

    fn bump(&mut self) -> Option<char> {
        let c = self.peek()?;
        self.pos += c.len_utf8();
        if c == '\n' {
            self.line = self.line.saturating_add(1);
            self.column = 1;
        } else {
            self.column = self.column.saturating_add(1);
        }
        Some(c)
    }

    fn run(&mut self) {
        let mut newlines = 0u32;
        while let Some(c) = self.peek() {
            if c.is_whitespace() {
                if c == '\n' {
                    newlines = newlines.saturating_add(1);
                }
                self.bump();
                continue;
            }
            let (start, line, column) = (self.pos, self.line, self.column);
            let kind = self.token(c, line, column);
            let text = self.text.get(start..self.pos).unwrap_or("");
            self.tokens.push(Token { kind, text, start, line, column, newlines_before: newlines });
            newlines = 0;
        }
    }

    fn token(&mut self, c: char, line: u32, column: u32) -> TokenKind {
        if c == '/' && self.peek2() == Some('/') {
            while let Some(c) = self.peek() {
                if c == '\n' || (c == '\r' && self.peek2() == Some('\n')) {
                    break;
                }
                self.bump();
            }
            return TokenKind::LineComment;
        }
        if c == '/' && self.peek2() == Some('*') {
            self.bump();
            self.bump();
            loop {
                match self.bump() {
                    Some('*') if self.peek() == Some('/') => {
                        self.bump();
                        return TokenKind::BlockComment;
                    }
                    Some(_) => {}
                    None => {
                        self.diagnostics.push(
                            Diagnostic::error("deluge.unterminated_comment", "", "This `/*` comment is never closed.")
                                .with_fix("Close the comment with `*/`.")
                                .at(line, column),
                        );
                        return TokenKind::Unknown;
                    }
                }
            }
        }
        if c.is_alphabetic() || c == '_' {
            while self.peek().is_some_and(|c| c.is_alphanumeric() || c == '_') {
                self.bump();
            }
            return TokenKind::Ident;
        }
        if c.is_ascii_digit() {
            while self.peek().is_some_and(|c| c.is_ascii_digit()) {
                self.bump();
            }
            if self.peek() == Some('.') && self.peek2().is_some_and(|c| c.is_ascii_digit()) {
                self.bump();
                while self.peek().is_some_and(|c| c.is_ascii_digit()) {
                    self.bump();
                }
            }
            return TokenKind::Number;
        }
        if c == '"' {
            return self.text_literal(line, column);
        }
        if c == '\'' {
            self.bump();
            loop {
                match self.bump() {
                    Some('\'') => return TokenKind::DateTime,
                    Some(_) => {}
                    None => {
                        self.diagnostics.push(
                            Diagnostic::error(
                                "deluge.unterminated_datetime",
                                "",
                                "This `'` date-time is never closed.",
                            )
                            .with_fix("Close the date-time with `'`.")
                            .with_source("zoho-facts.md §8b: lexer.dart date-time literals [3P]")
                            .at(line, column),
                        );
                        return TokenKind::Unknown;
                    }
                }
            }
        }
        let rest = self.text.get(self.pos..).unwrap_or("");
        if TWO_CHAR.iter().any(|p| rest.starts_with(p)) {
            self.bump();
            self.bump();
            return TokenKind::Punct;
        }
        self.bump();
        if ONE_CHAR.contains(c) {
            return TokenKind::Punct;
        }
        self.diagnostics.push(
            Diagnostic::error("deluge.unexpected_character", "", format!("`{c}` cannot appear here in Deluge."))
                .with_fix("Remove the character, or put it inside a text literal in double quotes.")
                .at(line, column),
        );
        TokenKind::Unknown
    }

    fn text_literal(&mut self, line: u32, column: u32) -> TokenKind {
        self.bump();
        loop {
            let (esc_line, esc_column) = (self.line, self.column);
            match self.bump() {
                Some('"') => return TokenKind::Text,
                Some('\\') => match self.bump() {
                    Some(e) if unescape(e).is_some() => {}
                    Some(e) => self.diagnostics.push(
                        Diagnostic::info(
                            "deluge.unknown_escape",
                            "",
                            format!("`\\{e}` is not one of the known escapes; Deluge may keep or drop the backslash."),
                        )
                        .with_fix("Write `\\\\` for a backslash, or use one of \\\" \\\\ \\/ \\b \\f \\n \\r \\t.")
                        .with_source(ESCAPE_SOURCE)
                        .at(esc_line, esc_column),
                    ),
                    None => break,
                },
                Some(_) => {}
                None => break,
            }
        }
        self.diagnostics.push(
            Diagnostic::error("deluge.unterminated_text", "", "This text literal is never closed.")
                .with_fix("Close the text with `\"`; write `\\\"` for a quote inside the text.")
                .with_source(ESCAPE_SOURCE)
                .at(line, column),
        );
        TokenKind::Unknown
    }
}
