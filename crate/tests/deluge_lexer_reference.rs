//! The Deluge lexer against a reference: the first, char-by-char lexer, kept here verbatim as the oracle for the
//! byte-level lexer that replaced it for speed (issue 8). Both must give the same tokens, lines, columns and
//! findings on any text.
#![cfg(not(target_arch = "wasm32"))]
#![allow(clippy::unwrap_used, clippy::expect_used)] // tests: a panic is the failure report

use proptest::prelude::*;
use zoho_connector_kit::code::Code;
use zoho_connector_kit::deluge::lexer::{lex, Lexed, Token, TokenKind};
use zoho_connector_kit::deluge::literal::{unescape, ESCAPE_SOURCE};
use zoho_connector_kit::Diagnostic;

const TWO_CHAR: [&str; 10] = ["==", "!=", "<=", ">=", "&&", "||", "+=", "-=", "*=", "/="];
const ONE_CHAR: &str = "()[]{},;:.=<>+-*/%!?";

fn reference_lex(text: &str) -> Lexed<'_> {
    let mut lexer = Reference { text, pos: 0, line: 1, column: 1, tokens: Vec::new(), diagnostics: Vec::new() };
    lexer.run();
    Lexed { tokens: lexer.tokens, diagnostics: lexer.diagnostics }
}

struct Reference<'a> {
    text: &'a str,
    pos: usize,
    line: u32,
    column: u32,
    tokens: Vec<Token<'a>>,
    diagnostics: Vec<Diagnostic>,
}

impl<'a> Reference<'a> {
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
                            Diagnostic::error(
                                Code::DelugeUnterminatedComment,
                                "",
                                "This `/*` comment is never closed.",
                            )
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
                                Code::DelugeUnterminatedDatetime,
                                "",
                                "This `'` date-time is never closed.",
                            )
                            .with_fix("Close the date-time with `'`.")
                            .with_source("deluge-language-parser-lexer")
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
            Diagnostic::error(Code::DelugeUnexpectedCharacter, "", format!("`{c}` cannot appear here in Deluge."))
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
                            Code::DelugeUnknownEscape,
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
            Diagnostic::error(Code::DelugeUnterminatedText, "", "This text literal is never closed.")
                .with_fix("Close the text with `\"`; write `\\\"` for a quote inside the text.")
                .with_source(ESCAPE_SOURCE)
                .at(line, column),
        );
        TokenKind::Unknown
    }
}

/// Characters that matter to the lexer, non-ASCII letters, digits and whitespace included.
const SOUP: [char; 48] = [
    'a', 'Z', '_', 'n', 't', 'q', '0', '9', '.', ' ', '\t', '\r', '\n', '/', '*', '"', '\'', '\\', '(', ')', '{', '}',
    '[', ']', ';', ':', ',', '=', '<', '>', '+', '-', '!', '&', '|', '%', '?', '@', 'é', 'ß', '\u{663}', '😀',
    '\u{a0}', '\u{2028}', '\u{85}', '\u{b}', '\u{c}', '\0',
];

fn soup() -> impl Strategy<Value = String> {
    prop::collection::vec(prop::sample::select(SOUP.to_vec()), 0..80).prop_map(|v| v.into_iter().collect())
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(2000))]

    #[test]
    fn same_as_reference_on_lexer_soup(text in soup()) {
        prop_assert_eq!(lex(&text), reference_lex(&text), "input {:?}", text);
    }

    #[test]
    fn same_as_reference_on_any_text(text in any::<String>()) {
        prop_assert_eq!(lex(&text), reference_lex(&text), "input {:?}", text);
    }
}

#[test]
fn same_as_reference_on_the_corpus() {
    for text in [
        include_str!("data/deluge/corpus/large_sync.dg"),
        include_str!("data/deluge/corpus/crm_fetch_update.dg"),
        include_str!("data/deluge/corpus/external_api.dg"),
        include_str!("data/deluge/corpus/loops_maps.dg"),
        include_str!("data/deluge/corpus/mistakes_invokeurl.dg"),
        include_str!("data/deluge/corpus/mistakes_names_loops.dg"),
        include_str!("data/deluge/corpus/mistakes_syntax.dg"),
    ] {
        let lexed = lex(text);
        assert!(lexed.tokens.len() > 10);
        assert_eq!(lexed, reference_lex(text));
    }
}

#[test]
fn same_as_reference_on_edge_cases() {
    for text in [
        "",
        "//",
        "// x\r\n",
        "//\r",
        "/*/",
        "/**/",
        "/* *",
        "\"\\",
        "\"\\é\"",
        "'",
        "'a\nb'",
        "x\u{2028}y",
        "٣x",
        "x٣",
        "a&&b||c",
        "&",
        "1.",
        "1.5.2",
        "\"a\\\nb\"",
        "é\u{a0}ß",
    ] {
        assert_eq!(lex(text), reference_lex(text), "input {text:?}");
    }
}
