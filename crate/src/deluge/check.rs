//! `checkDeluge`: findings about pasted Deluge, each with a 1-based line and column.
//!
//! ```
//! use zoho_connector_kit::deluge::check_deluge;
//! let found = check_deluge("if (x > 1)\n{\n\tinfo x;\n");
//! assert_eq!(found[0].code, "deluge.unbalanced_bracket");
//! assert_eq!((found[0].line, found[0].column), (Some(2), Some(1)));
//! ```

use super::lexer::{lex, Token, TokenKind};
use crate::Diagnostic;

/// Checks Deluge text: lexical errors and unbalanced brackets, with line and column.
///
/// ```
/// use zoho_connector_kit::deluge::check_deluge;
/// assert!(check_deluge("m = Map();\nm.put(\"a\", 1);\ninfo m;\n").is_empty());
/// assert_eq!(check_deluge("x = \"open;").len(), 1);
/// ```
pub fn check_deluge(text: &str) -> Vec<Diagnostic> {
    let lexed = lex(text);
    let mut diagnostics = lexed.diagnostics;
    diagnostics.extend(bracket_balance(&lexed.tokens));
    sort(&mut diagnostics);
    diagnostics
}

/// Sorts findings by line, then column.
pub(crate) fn sort(diagnostics: &mut [Diagnostic]) {
    diagnostics.sort_by_key(|d| (d.line.unwrap_or(0), d.column.unwrap_or(0)));
}

fn closer(open: &str) -> &'static str {
    match open {
        "(" => ")",
        "[" => "]",
        _ => "}",
    }
}

/// Unbalanced `( ) [ ] { }`: a closer without opener, a mismatched closer, an opener never closed.
pub(crate) fn bracket_balance(tokens: &[Token<'_>]) -> Vec<Diagnostic> {
    let mut stack: Vec<&Token<'_>> = Vec::new();
    let mut found = Vec::new();
    for t in tokens.iter().filter(|t| t.kind == TokenKind::Punct) {
        match t.text {
            "(" | "[" | "{" => stack.push(t),
            ")" | "]" | "}" => match stack.last() {
                Some(open) if closer(open.text) == t.text => {
                    stack.pop();
                }
                Some(open) => {
                    let open = **open;
                    found.push(
                        Diagnostic::error(
                            "deluge.unbalanced_bracket",
                            "",
                            format!(
                                "`{}` closes the `{}` opened at line {}, column {}.",
                                t.text, open.text, open.line, open.column
                            ),
                        )
                        .with_fix(format!("Close it with `{}` first, or remove `{}`.", closer(open.text), t.text))
                        .at(t.line, t.column),
                    );
                    // Recover: if the closer matches something further down, unwind to it.
                    if let Some(i) = stack.iter().rposition(|o| closer(o.text) == t.text) {
                        stack.truncate(i);
                    }
                }
                None => found.push(
                    Diagnostic::error("deluge.unbalanced_bracket", "", format!("`{}` has no opening bracket.", t.text))
                        .with_fix(format!("Remove `{}` or add its opening bracket.", t.text))
                        .at(t.line, t.column),
                ),
            },
            _ => {}
        }
    }
    for open in stack {
        found.push(
            Diagnostic::error("deluge.unbalanced_bracket", "", format!("`{}` is never closed.", open.text))
                .with_fix(format!("Add `{}` where it should end.", closer(open.text)))
                .at(open.line, open.column),
        );
    }
    found
}
