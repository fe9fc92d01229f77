//! `formatDeluge`: canonical layout. One statement a line, tab indentation, `{` of blocks on its own line (as the
//! Zoho Deluge editor lays them out), `invokeurl` blocks one parameter a line, single spaces around binary
//! operators, comments kept, at most one blank line kept between lines.
//!
//! Two layouts ([`Layout`]): by default the one Zoho's editor saves ([`Layout::Zoho`], what scripts exported from
//! Zoho look like): `if(`, `for each  r in`, `put("a",1)`, `{"k":v}`, `url :"…"`, `type :GET`,
//! `connection:"…"`, `catch (e)`, `(int id, string name)` in a function header, Creator's `Form[criteria]`,
//! `rec.Field=value` and `insert into Form [ Field=value ]` (but `input.Field = value`). [`Layout::Spaced`] is the earlier
//! layout of this crate: `if (`, `for each r in`, `put("a", 1)`, `{"k": v}`, `url: "…"`.
//!
//! Only whitespace changes: the token stream of the result is the token stream of the input (trailing spaces of
//! `//` comments aside). Maps and lists stay on one line unless a line break follows their opening bracket; then
//! they are laid out one entry a line. Text with syntax errors is refused with the findings, never mangled.
//!
//! ```
//! use zoho_connector_kit::deluge::format::{format_deluge_with, FormatOptions, Layout};
//! use zoho_connector_kit::deluge::format_deluge;
//! let text = "if(x>1){m.put(\"a\",1);}else{r=invokeurl[url:\"https://www.zohoapis.com/crm/v8/Leads\" type:GET connection:\"crm\"];}";
//! let zoho = format_deluge(text).unwrap();
//! assert_eq!(zoho, "if(x > 1)\n{\n\tm.put(\"a\",1);\n}\nelse\n{\n\tr = invokeurl\n\t[\n\t\turl :\"https://www.zohoapis.com/crm/v8/Leads\"\n\t\ttype :GET\n\t\tconnection:\"crm\"\n\t];\n}\n");
//! assert_eq!(format_deluge(&zoho).unwrap(), zoho);
//! let spaced = format_deluge_with(text, FormatOptions { layout: Layout::Spaced }).unwrap();
//! assert_eq!(spaced, "if (x > 1)\n{\n\tm.put(\"a\", 1);\n}\nelse\n{\n\tr = invokeurl\n\t[\n\t\turl: \"https://www.zohoapis.com/crm/v8/Leads\"\n\t\ttype: GET\n\t\tconnection: \"crm\"\n\t];\n}\n");
//! ```

use super::check::{bracket_balance, sort};
use super::lexer::{Token, TokenKind};
use super::parser::{parse, Role};
use crate::Diagnostic;

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
enum Sep {
    None,
    Space,
    /// Two spaces: Zoho's `for each  r in`.
    Double,
    Newline,
}

/// Which spacing the formatter writes. Indentation, line breaks and blocks are the same in both.
///
/// ```
/// use zoho_connector_kit::deluge::format::Layout;
/// assert_eq!(Layout::default(), Layout::Zoho);
/// assert_eq!(serde_json::from_str::<Layout>("\"spaced\"").unwrap(), Layout::Spaced);
/// ```
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Layout {
    /// As Zoho's Deluge editor saves scripts: `if(`, `for each  r in`, `put("a",1)`, `{"k":v}`, `url :"…"`,
    /// `type :GET`, `connection:"…"` (docs/deluge-grammar.md, measured on scripts exported from Zoho).
    #[default]
    Zoho,
    /// A space after `,` and `:` and between `if` and `(`: `if (`, `put("a", 1)`, `url: "…"`.
    Spaced,
}

/// Options of [`format_deluge_with`] (the npm `formatDeluge(text, options)` object, `zck fmt --layout`).
///
/// ```
/// use zoho_connector_kit::deluge::format::{FormatOptions, Layout};
/// let o: FormatOptions = serde_json::from_str(r#"{"layout": "spaced"}"#).unwrap();
/// assert_eq!(o.layout, Layout::Spaced);
/// assert_eq!(serde_json::from_str::<FormatOptions>("{}").unwrap(), FormatOptions::default());
/// ```
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, serde::Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct FormatOptions {
    /// Default [`Layout::Zoho`].
    #[serde(default)]
    pub layout: Layout,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Frame {
    /// Brackets that do not change the indentation: `( )`, one-line maps and lists.
    Flat,
    /// Blocks, task blocks and multi-line maps and lists.
    Indented,
    /// A multi-line map or list: also breaks after its commas.
    Entries,
}

/// Formats Deluge text in the layout Zoho's editor saves ([`Layout::Zoho`]: no space after a call's commas), or
/// returns the error findings that prevent it (syntax errors, unbalanced brackets).
///
/// ```
/// use zoho_connector_kit::deluge::format_deluge;
/// assert_eq!(format_deluge("m=Map();  m.put( \"a\" ,1 ); // keep\n\n\n\ninfo m;").unwrap(),
///            "m = Map();\nm.put(\"a\",1); // keep\n\ninfo m;\n");
/// let err = format_deluge("x = (1;").unwrap_err();
/// assert_eq!(err[0].code, "deluge.unbalanced_bracket");
/// ```
pub fn format_deluge(text: &str) -> Result<String, Vec<Diagnostic>> {
    format_deluge_with(text, FormatOptions::default())
}

/// [`format_deluge`] in the chosen [`Layout`].
///
/// ```
/// use zoho_connector_kit::deluge::format::{format_deluge_with, FormatOptions, Layout};
/// let spaced = FormatOptions { layout: Layout::Spaced };
/// assert_eq!(format_deluge_with("for each  r in rows{l.add(r,1);}", spaced).unwrap(), "for each r in rows\n{\n\tl.add(r, 1);\n}\n");
/// assert_eq!(format_deluge_with("for each r in rows{l.add(r, 1);}", FormatOptions::default()).unwrap(), "for each  r in rows\n{\n\tl.add(r,1);\n}\n");
/// ```
pub fn format_deluge_with(text: &str, options: FormatOptions) -> Result<String, Vec<Diagnostic>> {
    let parsed = parse(text);
    let mut errors: Vec<Diagnostic> = parsed.diagnostics.into_iter().filter(Diagnostic::is_error).collect();
    errors.extend(bracket_balance(&parsed.tokens));
    if !errors.is_empty() {
        sort(&mut errors);
        errors.dedup();
        return Err(errors);
    }
    Ok(layout(&parsed.tokens, &parsed.roles, options.layout))
}

/// The formatted answer for JavaScript and the CLI.
///
/// ```
/// use zoho_connector_kit::deluge::format::format_answer;
/// let a = format_answer("info  1;");
/// assert_eq!(a.formatted.as_deref(), Some("info 1;\n"));
/// assert_eq!(a.changed, true);
/// ```
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Formatted {
    /// The formatted text; absent when the input has syntax errors.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub formatted: Option<String>,
    /// Whether formatting changed the text.
    pub changed: bool,
    /// The error findings that prevented formatting.
    pub diagnostics: Vec<Diagnostic>,
}

/// [`format_deluge`] as one answer value.
///
/// ```
/// let a = zoho_connector_kit::deluge::format::format_answer("x = ;");
/// assert!(a.formatted.is_none() && !a.diagnostics.is_empty());
/// ```
pub fn format_answer(text: &str) -> Formatted {
    format_answer_with(text, FormatOptions::default())
}

/// [`format_answer`] in the chosen [`Layout`].
///
/// ```
/// use zoho_connector_kit::deluge::format::{format_answer_with, FormatOptions, Layout};
/// let a = format_answer_with("if (a) { info a; }", FormatOptions { layout: Layout::Spaced });
/// assert_eq!(a.formatted.as_deref(), Some("if (a)\n{\n\tinfo a;\n}\n"));
/// ```
pub fn format_answer_with(text: &str, options: FormatOptions) -> Formatted {
    match format_deluge_with(text, options) {
        Ok(formatted) => Formatted { changed: formatted != text, formatted: Some(formatted), diagnostics: Vec::new() },
        Err(diagnostics) => Formatted { formatted: None, changed: false, diagnostics },
    }
}

fn is_open(t: &Token<'_>) -> bool {
    t.kind == TokenKind::Punct && matches!(t.text.as_bytes(), [b'(' | b'[' | b'{'])
}

fn is_close(t: &Token<'_>) -> bool {
    t.kind == TokenKind::Punct && matches!(t.text.as_bytes(), [b')' | b']' | b'}'])
}

/// The space between two significant tokens on one line.
fn space_between(prev: &Token<'_>, prev_role: Role, cur: &Token<'_>, cur_role: Role, layout: Layout) -> Sep {
    if layout == Layout::Zoho {
        if cur_role == Role::ParamColonSpaced {
            return Sep::Space;
        }
        if cur_role == Role::FetchOpen || cur_role == Role::FieldAssign || prev_role == Role::FieldAssign {
            return Sep::None;
        }
        if (prev.is(":") && prev_role != Role::Tight) || (prev.is(",") && prev_role != Role::HeaderComma) {
            return Sep::None;
        }
        if prev_role == Role::Keyword {
            if cur.is("(") && prev.text.eq_ignore_ascii_case("if") {
                return Sep::None;
            }
            if prev.text.eq_ignore_ascii_case("each") {
                return Sep::Double;
            }
        }
    }
    if prev_role == Role::Unary || prev_role == Role::Tight || cur_role == Role::Tight {
        return Sep::None;
    }
    if prev.kind == TokenKind::Punct && matches!(prev.text.as_bytes(), [b'(' | b'[' | b'{' | b'.']) {
        return Sep::None;
    }
    if cur.kind == TokenKind::Punct && matches!(cur.text.as_bytes(), [b')' | b']' | b'}' | b',' | b';' | b'.' | b':']) {
        return Sep::None;
    }
    if cur.is("(") {
        if prev_role == Role::Keyword {
            return Sep::Space;
        }
        if prev.kind == TokenKind::Ident || is_close(prev) {
            return Sep::None;
        }
    }
    Sep::Space
}

fn layout(tokens: &[Token<'_>], roles: &[Role], style: Layout) -> String {
    let mut out = String::with_capacity(tokens.iter().map(|t| t.text.len() + 2).sum());
    let mut indent = 0usize;
    let mut frames: Vec<Frame> = Vec::new();
    let mut pending = Sep::None;
    let mut prev: Option<(Token<'_>, Role)> = None;
    // The last thing written opened an indented frame (no blank line may follow it).
    let mut after_open = true;
    for (i, t) in tokens.iter().enumerate() {
        let role = roles.get(i).copied().unwrap_or(Role::Plain);
        if t.kind.is_comment() {
            let text = if t.kind == TokenKind::LineComment { t.text.trim_end() } else { t.text };
            if t.newlines_before == 0 && !out.is_empty() {
                out.push(' ');
                out.push_str(text);
            } else {
                newline(&mut out, indent, t.newlines_before >= 2 && !after_open);
                out.push_str(text);
                pending = Sep::Space;
            }
            if t.kind == TokenKind::LineComment || tokens.get(i + 1).is_some_and(|n| n.newlines_before > 0) {
                pending = Sep::Newline;
            } else {
                pending = pending.max(Sep::Space);
            }
            after_open = false;
            continue;
        }
        let mut sep = pending;
        if matches!(role, Role::BlockOpen | Role::BlockClose | Role::TaskOpen | Role::TaskClose | Role::ParamStart) {
            sep = Sep::Newline;
        }
        if is_close(t) {
            if let Some(frame) = frames.pop() {
                if frame != Frame::Flat {
                    indent = indent.saturating_sub(1);
                    sep = Sep::Newline;
                }
            }
        }
        if let Some((p, prole)) = &prev {
            sep = sep.max(space_between(p, *prole, t, role, style));
        }
        if out.is_empty() {
            sep = Sep::None;
        }
        match sep {
            Sep::None => {}
            Sep::Space => out.push(' '),
            Sep::Double => out.push_str("  "),
            Sep::Newline => newline(&mut out, indent, t.newlines_before >= 2 && !after_open && !is_close(t)),
        }
        out.push_str(t.text);
        after_open = false;
        pending = Sep::None;
        if is_open(t) {
            let frame = match role {
                Role::BlockOpen | Role::TaskOpen => Frame::Indented,
                Role::CollectionOpen if tokens.get(i + 1).is_some_and(|n| n.newlines_before > 0) => Frame::Entries,
                _ => Frame::Flat,
            };
            if frame != Frame::Flat {
                indent += 1;
                pending = Sep::Newline;
                after_open = true;
            }
            frames.push(frame);
        } else if t.is(";") || role == Role::BlockClose || (t.is(",") && frames.last() == Some(&Frame::Entries)) {
            pending = Sep::Newline;
        } else if role == Role::TaskClose
            && !tokens
                .get(i + 1..)
                .and_then(|rest| rest.iter().find(|n| !n.kind.is_comment()))
                .is_some_and(|n| n.is(";"))
        {
            // `sendmail [ … ]` without `;`: the next statement starts on a new line.
            pending = Sep::Newline;
        }
        prev = Some((*t, role));
    }
    if !out.is_empty() {
        out.push('\n');
    }
    out
}

fn newline(out: &mut String, indent: usize, blank: bool) {
    if out.is_empty() {
        return;
    }
    out.push('\n');
    if blank {
        out.push('\n');
    }
    for _ in 0..indent {
        out.push('\t');
    }
}
