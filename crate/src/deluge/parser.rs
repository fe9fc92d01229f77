//! The Deluge parser: hand-written recursive descent over [`super::lexer`] tokens, with error recovery so one
//! file yields several syntax findings, not just the first.
//!
//! It reads the Deluge admins paste into functions: assignments, expressions, maps and lists (`Map()`, `{…}`,
//! `[…]`), `info`, `return`, `if / else if / else`, `for each … in …`, `invokeurl [ … ];` and other task blocks
//! (`sendmail [ … ]`, `;` optional after the `]`), comments, text and date-time literals, `zoho.crm.*` calls, function
//! definitions with their header, `try { } catch (e) { }`, `Collection("k" : v)`, `in` / `not in`, `=` in a condition
//! (a warning) and Zoho Creator statements (docs/deluge-grammar.md). Statements end with `;` (docs/facts.md §6.2, all
//! official examples). It never panics; nesting deeper than [`MAX_DEPTH`] or chains longer than [`MAX_CHAIN`] get a
//! `deluge.too_deep` finding and the rest of that expression is skipped.
//!
//! ```
//! use zoho_connector_kit::deluge::parser::{parse, StmtKind};
//! let parsed = parse("for each rec in records\n{\n\tinfo rec.get(\"id\");\n}\n");
//! assert!(parsed.diagnostics.is_empty());
//! assert!(matches!(parsed.statements[0].kind, StmtKind::ForEach { .. }));
//! ```

use super::lexer::{lex, Token, TokenKind};
use super::literal::read_string_literal;
use crate::code::Code;
use crate::{Diagnostic, Severity};

/// Deepest nesting of blocks and expressions the parser follows.
pub const MAX_DEPTH: usize = 200;

/// Most operators and member calls one expression may chain (`a + b + …`, `.get(1).get(1)…`), summed over the
/// nested expressions that contain it. Beyond it the expression gets a `deluge.too_deep` finding and is skipped up to
/// the next `;`: the checker and the formatter walk expressions recursively, and the shipped Wasm has a 1 MB stack.
///
/// ```
/// use zoho_connector_kit::deluge::{check_deluge, parser::MAX_CHAIN};
/// let long = format!("a = 1{};", " + 1".repeat(MAX_CHAIN + 1));
/// assert_eq!(check_deluge(&long)[0].code, "deluge.too_deep");
/// assert!(check_deluge(&format!("a = 1{};", " + 1".repeat(MAX_CHAIN / 2))).is_empty());
/// ```
pub const MAX_CHAIN: usize = 1000;

/// Return types of a function definition (help.zoho.com … developer-guide/automation/articles/functions-26-4-2021:
/// Integer, Float, String, Boolean, Date, Map, List; `void` in the headers Zoho CRM shows for workflow functions).
const RETURN_TYPES: [&str; 14] = [
    "void",
    "string",
    "int",
    "integer",
    "float",
    "decimal",
    "bool",
    "boolean",
    "date",
    "datetime",
    "map",
    "list",
    "collection",
    "long",
];

/// How the formatter should treat a token; set by the parser (indexed like [`Parsed::tokens`]).
///
/// ```
/// use zoho_connector_kit::deluge::parser::{parse, Role};
/// let p = parse("x = -1;");
/// assert_eq!(p.roles[2], Role::Unary);
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Role {
    /// Nothing special.
    Plain,
    /// `{` opening a statement block.
    BlockOpen,
    /// `}` closing a statement block.
    BlockClose,
    /// `[` opening an `invokeurl` or other task block.
    TaskOpen,
    /// `]` closing a task block.
    TaskClose,
    /// First token of a task parameter name.
    ParamStart,
    /// `{` or `[` opening a map or list literal.
    CollectionOpen,
    /// `}` or `]` closing a map or list literal.
    CollectionClose,
    /// A prefix `-` or `!`.
    Unary,
    /// Written without spaces around it: `-` in `content-type`, `:` in `List:String()`.
    Tight,
    /// A keyword followed by a space even before `(`: `if`, `in`, `return`, `info`, `each`.
    Keyword,
    /// `,` between a function header's parameters: followed by a space in every layout.
    HeaderComma,
    /// The `:` after a task parameter's name, which Zoho's editor saves as `name:value`.
    ParamColon,
    /// The `=` of a Creator record update (`rec.Field = value`, not `input.Field`) or of an `insert into` field,
    /// which Zoho's editor saves without spaces: `rec.Field=value`.
    FieldAssign,
    /// The `[` of a Creator fetch `Form[criteria]`, which Zoho's editor saves right after the form's name.
    FetchOpen,
    /// The `:` after a task parameter's name which Zoho's editor saves as `name :value`: invokeurl's `url` and
    /// `type`, every sendmail parameter (as public scripts exported from Zoho show, docs/deluge-grammar.md).
    ParamColonSpaced,
}

/// An expression with the index (in [`Parsed::tokens`]) of its first token.
#[derive(Debug, Clone, PartialEq)]
pub struct Expr {
    /// What it is.
    pub kind: ExprKind,
    /// Index of its first token.
    pub tok: usize,
}

/// Expression kinds.
#[derive(Debug, Clone, PartialEq)]
pub enum ExprKind {
    /// A variable or function name.
    Name(String),
    /// A number literal.
    Number(String),
    /// A text literal, read back (escapes resolved).
    Text(String),
    /// A date-time literal, quotes included.
    DateTime(String),
    /// `true` / `false`.
    Bool(bool),
    /// `null`.
    Null,
    /// `{"k": v, …}`.
    Map(Vec<(Expr, Expr)>),
    /// `{a, b}` or `[a, b]`.
    List(Vec<Expr>),
    /// `callee(args)`; a method call has a [`ExprKind::Member`] callee.
    Call {
        /// What is called.
        callee: Box<Expr>,
        /// The arguments.
        args: Vec<Expr>,
    },
    /// `object.name`.
    Member {
        /// The object.
        object: Box<Expr>,
        /// The member name.
        name: String,
        /// Index of the name's token (where a finding about a method call points).
        name_tok: usize,
    },
    /// `-x`, `!x`.
    Unary {
        /// The operator.
        op: String,
        /// The operand.
        operand: Box<Expr>,
    },
    /// `a op b`.
    Binary {
        /// The operator.
        op: String,
        /// Left side.
        left: Box<Expr>,
        /// Right side.
        right: Box<Expr>,
    },
    /// `invokeurl [ … ]` (any keyword case: `invokeUrl`).
    InvokeUrl(Task),
    /// Zoho Creator's record fetch `Form[criteria]`, optionally followed by `sort by Field [asc|desc]` and
    /// `range from a to b` (zoho.com/deluge/help/collection-variable.html).
    Fetch {
        /// The form.
        form: Box<Expr>,
        /// The criteria, then the `sort by` and `range` values.
        criteria: Vec<Expr>,
    },
    /// Zoho Creator's `insert into Form [ Field = value … ]` used as a value (it gives the new record's ID).
    Insert(Task),
    /// Could not be parsed (a finding was made).
    Error,
}

impl Expr {
    /// The dotted name of a callee or member chain (`zoho.crm.getRecords`), if it is one.
    ///
    /// ```
    /// use zoho_connector_kit::deluge::parser::{parse, StmtKind, ExprKind};
    /// let p = parse("zoho.crm.getRecordById(\"Leads\", id);");
    /// let StmtKind::Expr(e) = &p.statements[0].kind else { panic!() };
    /// let ExprKind::Call { callee, .. } = &e.kind else { panic!() };
    /// assert_eq!(callee.dotted_name().as_deref(), Some("zoho.crm.getRecordById"));
    /// ```
    pub fn dotted_name(&self) -> Option<String> {
        match &self.kind {
            ExprKind::Name(n) => Some(n.clone()),
            ExprKind::Member { object, name, .. } => Some(format!("{}.{name}", object.dotted_name()?)),
            _ => None,
        }
    }
}

/// A task block: `invokeurl [ url: … type: … ]`, `sendmail [ … ]`.
#[derive(Debug, Clone, PartialEq)]
pub struct Task {
    /// `invokeurl`, `sendmail`, …
    pub name: String,
    /// The `key: value` lines.
    pub params: Vec<Param>,
    /// Index of the task keyword token.
    pub tok: usize,
}

/// One `key: value` line of a task block.
#[derive(Debug, Clone, PartialEq)]
pub struct Param {
    /// The key, hyphens included (`content-type`).
    pub name: String,
    /// Index of its first token.
    pub tok: usize,
    /// The value.
    pub value: Expr,
}

/// A statement with the index of its first token.
#[derive(Debug, Clone, PartialEq)]
pub struct Stmt {
    /// What it is.
    pub kind: StmtKind,
    /// Index of its first token.
    pub tok: usize,
}

/// Statement kinds.
#[derive(Debug, Clone, PartialEq)]
pub enum StmtKind {
    /// `target = value;` (also `+=`, `-=`, `*=`, `/=`).
    Assign {
        /// The assigned name or member.
        target: Expr,
        /// The operator.
        op: String,
        /// The value.
        value: Expr,
    },
    /// An expression used as a statement (`m.put("a", 1);`).
    Expr(Expr),
    /// `info value;`
    Info(Expr),
    /// `return [value];`
    Return(Option<Expr>),
    /// `if (…) {…} else if (…) {…} else {…}`
    If {
        /// Condition and body of `if` and each `else if`.
        branches: Vec<(Expr, Vec<Stmt>)>,
        /// The `else` body.
        otherwise: Option<Vec<Stmt>>,
    },
    /// `for each [index] var in iterable {…}`
    ForEach {
        /// The loop variable.
        var: String,
        /// Its token index.
        var_tok: usize,
        /// What is looped over.
        iterable: Expr,
        /// The body.
        body: Vec<Stmt>,
    },
    /// A task statement (`sendmail [ … ]`, a bare `invokeUrl [ … ]`).
    Task(Task),
    /// A function definition as Zoho shows and exports it: `void automation.name(Int id) { … }`.
    Function {
        /// The return type as written (`void`, `string`, `map`, …).
        returns: String,
        /// The dotted name (`automation.name`).
        name: String,
        /// `(type, name)` of each parameter.
        params: Vec<(String, String)>,
        /// The body.
        body: Vec<Stmt>,
    },
    /// `try { … } catch (e) { … }` (zoho.com/deluge/help/misc-statements/try-catch.html).
    Try {
        /// The guarded statements.
        body: Vec<Stmt>,
        /// The exception variable.
        var: Option<String>,
        /// The handler.
        handler: Vec<Stmt>,
    },
    /// A Zoho Creator statement (`insert into`, `delete from`, `alert`, `cancel submit`, `hide`, …): parsed, not
    /// checked, since checking needs the app's forms.
    Creator {
        /// `insert into`, `alert`, …
        what: String,
        /// The values it contains (checked like any expression).
        values: Vec<Expr>,
    },
    /// A block `{ … }` where none may stand, read so that its statements are still checked (after a finding).
    Block(Vec<Stmt>),
    /// `break;` / `continue;`
    Jump,
    /// `;` alone.
    Empty,
    /// Could not be parsed (a finding was made).
    Error,
}

/// The parse of one text.
#[derive(Debug, Clone, PartialEq)]
pub struct Parsed<'a> {
    /// All tokens, comments included.
    pub tokens: Vec<Token<'a>>,
    /// Formatting roles, one per token.
    pub roles: Vec<Role>,
    /// Top-level statements.
    pub statements: Vec<Stmt>,
    /// Lexical and syntax findings (codes `deluge.syntax`, `deluge.unterminated_text`, …).
    pub diagnostics: Vec<Diagnostic>,
}

/// Parses Deluge text. Never panics; every problem is a finding with line and column.
///
/// ```
/// use zoho_connector_kit::deluge::parser::parse;
/// let p = parse("a = 1\nb = ;\nc = (2;\n");
/// let lines: Vec<u32> = p.diagnostics.iter().filter_map(|d| d.line).collect();
/// assert_eq!(lines, [1, 2, 3]);
/// ```
pub fn parse(text: &str) -> Parsed<'_> {
    let lexed = lex(text);
    let mut sig: Vec<usize> = Vec::with_capacity(lexed.tokens.len());
    sig.extend(lexed.tokens.iter().enumerate().filter(|(_, t)| !t.kind.is_comment()).map(|(i, _)| i));
    let mut p = Parser {
        roles: vec![Role::Plain; lexed.tokens.len()],
        tokens: lexed.tokens,
        sig,
        pos: 0,
        depth: 0,
        chain: 0,
        in_condition: false,
        // A line with a lexical finding needs no syntax finding on top of it.
        diagnostics: Vec::new(),
        // Only a lexical error (an unclosed string, a stray character) explains a line better than a syntax
        // error; a warning there (an unknown escape) must not hide one, or `format_deluge` would accept broken
        // code and then refuse its own output (found by the `deluge` fuzz target).
        lexical_lines: lexed
            .diagnostics
            .iter()
            .filter(|d| d.severity == Severity::Error)
            .filter_map(|d| d.line)
            .collect(),
    };
    let mut statements = Vec::new();
    while p.pos < p.sig.len() {
        let before = p.pos;
        if p.at("}") {
            p.error_here("`}` has no matching `{`.", "Remove it or add the opening `{`.");
            p.pos += 1;
            continue;
        }
        statements.push(p.statement());
        if p.pos == before {
            p.pos += 1;
        }
    }
    let mut diagnostics = lexed.diagnostics;
    diagnostics.extend(p.diagnostics);
    Parsed { tokens: p.tokens, roles: p.roles, statements, diagnostics }
}

const MAX_SYNTAX_FINDINGS: usize = 100;

struct Parser<'a> {
    tokens: Vec<Token<'a>>,
    roles: Vec<Role>,
    /// Indices of non-comment tokens.
    sig: Vec<usize>,
    pos: usize,
    depth: usize,
    /// Chained operators and member calls in the expressions being read (bounded by [`MAX_CHAIN`]).
    chain: usize,
    /// Reading an `if` condition: `=` is read as a comparison (with a warning).
    in_condition: bool,
    diagnostics: Vec<Diagnostic>,
    /// Lines with a lexical error: no syntax error is added there.
    lexical_lines: Vec<u32>,
}

fn describe(t: Option<&Token<'_>>) -> String {
    match t {
        None => "the end of the text".to_string(),
        Some(t) => {
            let text: String = t.text.chars().take(30).collect();
            format!("`{text}`")
        }
    }
}

impl<'a> Parser<'a> {
    #[inline(always)]
    fn index(&self) -> usize {
        self.sig.get(self.pos).copied().unwrap_or(self.tokens.len())
    }

    #[inline(always)]
    fn peek_at(&self, offset: usize) -> Option<&Token<'a>> {
        self.sig.get(self.pos + offset).and_then(|&i| self.tokens.get(i))
    }

    #[inline(always)]
    fn peek(&self) -> Option<&Token<'a>> {
        self.peek_at(0)
    }

    fn at(&self, p: &str) -> bool {
        self.peek().is_some_and(|t| t.is(p))
    }

    fn at_word(&self, w: &str) -> bool {
        self.peek().is_some_and(|t| t.is_word(w))
    }

    fn set_role(&mut self, role: Role) {
        let i = self.index();
        if let Some(r) = self.roles.get_mut(i) {
            *r = role;
        }
    }

    /// Consumes the current token, giving it `role`.
    fn take(&mut self, role: Role) -> usize {
        let i = self.index();
        self.set_role(role);
        self.pos += 1;
        i
    }

    fn eat(&mut self, p: &str, role: Role) -> bool {
        if self.at(p) {
            self.take(role);
            true
        } else {
            false
        }
    }

    fn push(&mut self, line: u32, column: u32, message: String, fix: &str) {
        self.push_code(Code::DelugeSyntax, line, column, message, fix);
    }

    fn push_code(&mut self, code: Code, line: u32, column: u32, message: String, fix: &str) {
        if self.diagnostics.len() >= MAX_SYNTAX_FINDINGS
            || self.diagnostics.iter().any(|d| d.line == Some(line) && d.is_error())
            || self.lexical_lines.contains(&line)
        {
            return;
        }
        self.diagnostics.push(Diagnostic::error(code, "", message).with_fix(fix).at(line, column));
    }

    /// An expression too deep to check: one finding, then the rest of it is skipped, up to the next `;` or the
    /// bracket that closes the one it is in (so `if (a && … )` still reads its block).
    fn too_deep(&mut self, message: &str) {
        let (line, column) = self.here();
        self.push_code(
            Code::DelugeTooDeep,
            line,
            column,
            message.to_string(),
            "Split it into smaller steps with variables (e.g. add the parts to a variable a few at a time).",
        );
        let mut depth = 0usize;
        while let Some(t) = self.peek() {
            if t.kind == TokenKind::Punct {
                match t.text.as_bytes() {
                    [b'(' | b'[' | b'{'] => depth += 1,
                    [b')' | b']' | b'}'] if depth == 0 => break,
                    [b')' | b']' | b'}'] => depth -= 1,
                    [b';'] => break,
                    _ => {}
                }
            }
            self.pos += 1;
        }
    }

    fn error_here(&mut self, message: &str, fix: &str) {
        let (line, column) = self.here();
        self.push(line, column, message.to_string(), fix);
    }

    fn here(&self) -> (u32, u32) {
        match self.peek() {
            Some(t) => (t.line, t.column),
            None => self.after_previous(),
        }
    }

    /// Line and column just after the previous significant token.
    fn after_previous(&self) -> (u32, u32) {
        let prev = self.pos.checked_sub(1).and_then(|p| self.sig.get(p)).and_then(|&i| self.tokens.get(i));
        match prev {
            Some(t) => {
                let mut line = t.line;
                let mut column = t.column;
                for c in t.text.chars() {
                    if c == '\n' {
                        line = line.saturating_add(1);
                        column = 1;
                    } else {
                        column = column.saturating_add(1);
                    }
                }
                (line, column)
            }
            None => (1, 1),
        }
    }

    fn expected(&mut self, what: &str, fix: &str) {
        let found = describe(self.peek());
        let (line, column) = self.here();
        self.push(line, column, format!("Expected {what}, found {found}."), fix);
    }

    /// Skips to the end of the broken statement: past `;`, or before `}` / a statement keyword on a new line.
    fn sync(&mut self) {
        let mut depth = 0usize;
        let start = self.pos;
        while let Some(t) = self.peek().copied() {
            if depth == 0 && self.pos > start && t.newlines_before > 0 && starts_statement(&t) {
                return;
            }
            let punct: &[u8] = if t.kind == TokenKind::Punct { t.text.as_bytes() } else { &[] };
            // A block after a broken header (`{` on its own line or after `)`) is read as statements, so that what
            // is inside is still checked.
            if depth == 0 && punct == b"{" && self.pos > start {
                let after_paren = self
                    .pos
                    .checked_sub(1)
                    .and_then(|p| self.sig.get(p))
                    .and_then(|&i| self.tokens.get(i))
                    .is_some_and(|p| p.is(")"));
                if t.newlines_before > 0 || after_paren {
                    return;
                }
            }
            match punct {
                [b'(' | b'[' | b'{'] => depth += 1,
                [b')' | b']'] => depth = depth.saturating_sub(1),
                [b'}'] => {
                    if depth == 0 {
                        return;
                    }
                    depth -= 1;
                }
                [b';'] if depth == 0 => {
                    self.pos += 1;
                    return;
                }
                _ => {}
            }
            self.pos += 1;
        }
    }

    fn enter(&mut self) -> bool {
        self.depth += 1;
        if self.depth > MAX_DEPTH {
            self.too_deep("The code is nested too deeply to check.");
            return false;
        }
        true
    }

    /// One more chained operator or member call; false (after a finding) beyond [`MAX_CHAIN`].
    fn chain_one(&mut self) -> bool {
        self.chain += 1;
        if self.chain > MAX_CHAIN {
            self.too_deep(&format!(
                "This expression chains more than {MAX_CHAIN} operators or calls, too many to check."
            ));
            return false;
        }
        true
    }

    fn leave(&mut self) {
        self.depth = self.depth.saturating_sub(1);
    }

    fn end_statement(&mut self) {
        if self.eat(";", Role::Plain) {
            return;
        }
        let (line, column) = self.after_previous();
        let found = describe(self.peek());
        self.push(line, column, format!("Expected `;` to end the statement, found {found}."), "Add `;`.");
        // A statement on the next line or a closing brace: go on as if the `;` were there.
        let next_line = self.peek().is_none_or(|t| t.newlines_before > 0 || t.is("}"));
        if !next_line {
            self.sync();
        }
    }

    fn statement(&mut self) -> Stmt {
        let tok = self.index();
        if !self.enter() {
            return Stmt { kind: StmtKind::Error, tok };
        }
        let kind = self.statement_kind();
        self.leave();
        Stmt { kind, tok }
    }

    fn statement_kind(&mut self) -> StmtKind {
        let Some(t) = self.peek().copied() else { return StmtKind::Error };
        let next_is_assign = self.peek_at(1).is_some_and(|n| is_assign_op(n));
        if t.is(";") {
            self.take(Role::Plain);
            return StmtKind::Empty;
        }
        if t.kind == TokenKind::Ident && !next_is_assign {
            if self.at_function_header() {
                return self.function();
            }
            if let Some(kind) = self.creator_statement() {
                return kind;
            }
            match t.text {
                "try" if self.peek_at(1).is_some_and(|n| n.is("{")) => return self.try_statement(),
                "if" => return self.if_statement(),
                "for" => return self.for_each(),
                "info" => {
                    self.take(Role::Keyword);
                    let value = self.expression();
                    self.end_statement();
                    return StmtKind::Info(value);
                }
                "return" => {
                    self.take(Role::Keyword);
                    let value = if self.at(";") || self.at("}") || self.peek().is_none() {
                        None
                    } else {
                        Some(self.expression())
                    };
                    self.end_statement();
                    return StmtKind::Return(value);
                }
                "break" | "continue" => {
                    self.take(Role::Plain);
                    self.end_statement();
                    return StmtKind::Jump;
                }
                "else" => {
                    self.error_here("`else` without a matching `if`.", "Put `else` right after the `}` of an `if`.");
                    self.take(Role::Plain);
                    // Read its branch so that the body is checked and not reported again.
                    if self.at_word("if") {
                        self.take(Role::Keyword);
                        self.condition();
                    }
                    self.block();
                    return StmtKind::Error;
                }
                _ => {}
            }
            if self.at_task_block() {
                // `sendmail [ … ]`, `invokeUrl [ … ]`: `;` after `]` is optional (the documented sendmail form has
                // none: zoho.com/creator/help/script/fetch-and-email.html).
                let task = self.task(false);
                self.end_task();
                return StmtKind::Task(task);
            }
        }
        if t.is("{") {
            self.error_here(
                "A block `{` must follow `if`, `else`, `for each`, `try`, `catch` or a function header.",
                "Remove the braces, or put the statements under an `if` or `for each`.",
            );
            // Read the block anyway, so that the statements in it are still checked.
            return StmtKind::Block(self.block());
        }
        let expr = self.expression();
        if expr.kind == ExprKind::Error {
            self.sync();
            return StmtKind::Error;
        }
        if self.peek().is_some_and(is_assign_op) {
            let op = self.peek().map(|t| t.text.to_string()).unwrap_or_default();
            if !matches!(expr.kind, ExprKind::Name(_) | ExprKind::Member { .. }) {
                self.error_here(
                    "Only a variable can be assigned to.",
                    "Put a variable name on the left of `=`; compare with `==`.",
                );
            }
            let record_field = match &expr.kind {
                ExprKind::Member { object, .. } => {
                    matches!(&object.kind, ExprKind::Name(n) if !n.eq_ignore_ascii_case("input"))
                }
                _ => false,
            };
            self.take(if record_field && op == "=" { Role::FieldAssign } else { Role::Plain });
            let value = self.expression();
            if value.kind == ExprKind::Error {
                self.sync();
                return StmtKind::Error;
            }
            self.end_statement();
            return StmtKind::Assign { target: expr, op, value };
        }
        self.end_statement();
        StmtKind::Expr(expr)
    }

    /// `name [` opening a task block rather than a Creator fetch `Form[criteria]…` at the start of a statement: the
    /// `[` on its own line, or followed by `]` or a parameter name and `:` (`url:`, `reply to:`, `content-type:`).
    fn at_task_block(&self) -> bool {
        let Some(open) = self.peek_at(1).filter(|n| n.is("[") && n.newlines_before <= 1) else { return false };
        if open.newlines_before > 0 || self.peek_at(2).is_none_or(|n| n.is("]") || n.newlines_before > 0) {
            return true;
        }
        self.peek_at(2).is_some_and(|n| n.kind == TokenKind::Ident)
            && self.peek_at(3).is_some_and(|n| n.is(":") || n.is("-") || n.kind == TokenKind::Ident)
    }

    /// After a task block: `;` is optional, but nothing else may follow on the same line.
    fn end_task(&mut self) {
        if self.eat(";", Role::Plain) {
            return;
        }
        if self.peek().is_some_and(|t| t.newlines_before == 0 && !t.is("}")) {
            self.end_statement();
        }
    }

    /// `type name.space.name(` at the start of a statement.
    fn at_function_header(&self) -> bool {
        let Some(t) = self.peek() else { return false };
        // Most statements go `name =`, `name.` or `name(`: only `word word` can start a header.
        if !self.peek_at(1).is_some_and(|n| n.kind == TokenKind::Ident && n.newlines_before == 0)
            || !RETURN_TYPES.iter().any(|r| t.text.eq_ignore_ascii_case(r))
        {
            return false;
        }
        let mut i = 1;
        loop {
            match self.peek_at(i) {
                Some(n) if n.kind == TokenKind::Ident && n.newlines_before == 0 => i += 1,
                _ => return false,
            }
            match self.peek_at(i) {
                Some(n) if n.is(".") => i += 1,
                Some(n) if n.is("(") => return true,
                _ => return false,
            }
        }
    }

    /// `void automation.name(Int id, String note) { … }` (help.zoho.com, Functions developer guide: return type,
    /// name, typed arguments; Creator forms are also argument types).
    fn function(&mut self) -> StmtKind {
        let returns = self.peek().map(|t| t.text.to_string()).unwrap_or_default();
        self.take(Role::Plain);
        let mut name = String::new();
        while let Some(t) = self.peek().copied() {
            if t.is("(") {
                break;
            }
            name.push_str(t.text);
            self.take(Role::Plain);
        }
        self.take(Role::Plain);
        let mut params = Vec::new();
        if !self.eat(")", Role::Plain) {
            while let (Some(ty), Some(var)) = (self.peek().copied(), self.peek_at(1).copied()) {
                if ty.kind != TokenKind::Ident || var.kind != TokenKind::Ident {
                    self.expected("a parameter as `type name`", "Write each parameter as its type and name: `Int id`.");
                    self.skip_to_block();
                    break;
                }
                self.take(Role::Plain);
                self.take(Role::Plain);
                params.push((ty.text.to_string(), var.text.to_string()));
                if self.eat(",", Role::HeaderComma) {
                    continue;
                }
                if !self.eat(")", Role::Plain) {
                    self.expected("`,` or `)`", "Separate the parameters with `,` and close with `)`.");
                    self.skip_to_block();
                }
                break;
            }
        }
        if !self.at("{") {
            self.expected("`{` to start the function body", "Put the function body in `{ }`.");
            self.skip_to_block();
        }
        let body = if self.at("{") { self.block() } else { Vec::new() };
        StmtKind::Function { returns, name, params, body }
    }

    /// `try { … } catch (e) { … }`.
    fn try_statement(&mut self) -> StmtKind {
        self.take(Role::Plain);
        let body = self.block();
        let mut var = None;
        let mut handler = Vec::new();
        if self.at_word("catch") {
            self.take(Role::Keyword);
            if self.eat("(", Role::Plain) {
                match self.peek().copied() {
                    Some(t) if t.kind == TokenKind::Ident => {
                        var = Some(t.text.to_string());
                        self.take(Role::Plain);
                    }
                    _ => self.expected("the exception variable", "Name it: `catch (e)`."),
                }
                if !self.eat(")", Role::Plain) {
                    self.expected("`)`", "Write `catch (e)`.");
                    self.skip_to_block();
                }
            } else {
                self.expected("`(` after `catch`", "Write `catch (e)`.");
                self.skip_to_block();
            }
            handler = self.block();
        } else {
            self.expected("`catch` after the `try` block", "Add `catch (e) { … }` right after the `}` of `try`.");
        }
        StmtKind::Try { body, var, handler }
    }

    /// Zoho Creator statements: `insert into Form [ Field = value … ]`, `delete from Form[criteria];`,
    /// `alert "…";`, `cancel submit;`, `hide Field;` (and show, enable, disable, clear).
    fn creator_statement(&mut self) -> Option<StmtKind> {
        let t = self.peek().copied()?;
        let next = self.peek_at(1).copied();
        let next_word = next.filter(|n| n.kind == TokenKind::Ident && n.newlines_before == 0).map(|n| n.text);
        let what = match (t.text, next_word) {
            ("insert", Some("into")) => "insert into",
            ("delete", Some("from")) => "delete from",
            ("cancel", Some("submit")) => "cancel submit",
            ("alert", _) if next.is_some_and(|n| n.newlines_before == 0 && !n.is("=") && !n.is(".") && !n.is("(")) => {
                "alert"
            }
            ("hide" | "show" | "enable" | "disable" | "clear", Some(_)) => t.text,
            _ => return None,
        };
        let tok = self.index();
        let mut values = Vec::new();
        match what {
            "insert into" => {
                self.take(Role::Keyword);
                self.take(Role::Plain);
                let mut task = self.task(true);
                task.tok = tok;
                values.extend(task.params.into_iter().map(|p| p.value));
                self.end_task();
            }
            "delete from" | "alert" => {
                self.take(Role::Keyword);
                if what == "delete from" {
                    self.take(Role::Plain);
                }
                values.push(self.expression());
                self.end_statement();
            }
            _ => {
                self.take(Role::Keyword);
                if what == "cancel submit" {
                    self.take(Role::Plain);
                } else {
                    values.push(self.expression());
                }
                self.end_statement();
            }
        }
        Some(StmtKind::Creator { what: what.to_string(), values })
    }

    fn block(&mut self) -> Vec<Stmt> {
        if !self.at("{") {
            // One statement without braces.
            if self.peek().is_none() || self.at("}") {
                self.expected("`{` or a statement", "Add the statements in `{ }`.");
                return Vec::new();
            }
            return vec![self.statement()];
        }
        self.take(Role::BlockOpen);
        let mut body = Vec::new();
        loop {
            match self.peek() {
                None => {
                    self.expected("`}`", "Close the block with `}`.");
                    break;
                }
                Some(t) if t.is("}") => {
                    self.take(Role::BlockClose);
                    break;
                }
                Some(_) => {
                    let before = self.pos;
                    body.push(self.statement());
                    if self.pos == before {
                        self.pos += 1;
                    }
                }
            }
        }
        body
    }

    fn condition(&mut self) -> Expr {
        let outer = std::mem::replace(&mut self.in_condition, true);
        let e = self.condition_inner();
        self.in_condition = outer;
        e
    }

    fn condition_inner(&mut self) -> Expr {
        if !self.eat("(", Role::Plain) {
            self.expected("`(` before the condition", "Write the condition in parentheses: `if (x > 1)`.");
            let e = self.expression();
            return e;
        }
        let e = self.expression();
        if !self.eat(")", Role::Plain) {
            self.expected("`)` after the condition", "Close the condition with `)`.");
            self.skip_to_block();
        }
        e
    }

    /// After a broken header, skips to the `{` of the block (if it is on this stretch).
    fn skip_to_block(&mut self) {
        while let Some(t) = self.peek() {
            if t.is("{") || t.is(";") || t.is("}") {
                break;
            }
            self.pos += 1;
        }
    }

    fn if_statement(&mut self) -> StmtKind {
        self.take(Role::Keyword);
        let mut branches = Vec::new();
        let cond = self.condition();
        let body = self.block();
        branches.push((cond, body));
        let mut otherwise = None;
        while self.at_word("else") {
            self.take(Role::Plain);
            if self.at_word("if") {
                self.take(Role::Keyword);
                let cond = self.condition();
                let body = self.block();
                branches.push((cond, body));
            } else {
                otherwise = Some(self.block());
                break;
            }
        }
        StmtKind::If { branches, otherwise }
    }

    fn for_each(&mut self) -> StmtKind {
        self.take(Role::Plain);
        if !self.at_word("each") {
            self.expected("`each` after `for`", "Deluge loops are written `for each item in list { … }`.");
            self.sync();
            return StmtKind::Error;
        }
        self.take(Role::Keyword);
        if self.at_word("index") && self.peek_at(1).is_some_and(|t| t.kind == TokenKind::Ident && t.text != "in") {
            self.take(Role::Plain);
        }
        let var_tok = self.index();
        let var = match self.peek() {
            Some(t) if t.kind == TokenKind::Ident && t.text != "in" => {
                let v = t.text.to_string();
                self.take(Role::Plain);
                v
            }
            _ => {
                self.expected("the loop variable", "Name the loop variable: `for each rec in records`.");
                String::new()
            }
        };
        if !self.at_word("in") {
            self.expected("`in`", "Write `for each item in list`.");
            self.skip_to_block();
            let body = if self.at("{") { self.block() } else { Vec::new() };
            return StmtKind::ForEach { var, var_tok, iterable: Expr { kind: ExprKind::Error, tok: var_tok }, body };
        }
        self.take(Role::Keyword);
        let iterable = self.expression();
        if !self.at("{") {
            self.expected("`{` to start the loop body", "Put the loop body in `{ }`.");
            self.skip_to_block();
        }
        let body = if self.at("{") { self.block() } else { Vec::new() };
        StmtKind::ForEach { var, var_tok, iterable, body }
    }

    /// `name [ key: value … ]`; with `equals`, Creator's `insert into Form [ Field = value … ]` (the form name is
    /// the task name).
    fn task(&mut self, equals: bool) -> Task {
        let tok = self.index();
        let name = self.peek().map(|t| t.text.to_string()).unwrap_or_default();
        self.take(if equals { Role::Plain } else { Role::Keyword });
        let mut params = Vec::new();
        if !self.eat("[", Role::TaskOpen) {
            self.expected("`[`", "Open the task parameters with `[`.");
            return Task { name, params, tok };
        }
        loop {
            let Some(t) = self.peek().copied() else {
                self.expected("`]`", "Close the task with `]`.");
                break;
            };
            if t.is("]") {
                self.take(Role::TaskClose);
                break;
            }
            let before = self.pos;
            if t.kind != TokenKind::Ident {
                self.expected("a parameter name such as `url:`", "Write one `name: value` per line.");
                self.skip_param();
                if self.pos == before {
                    self.pos += 1;
                }
                continue;
            }
            let ptok = self.take(Role::ParamStart);
            let mut pname = t.text.to_string();
            // Hyphenated names (`content-type`, `response-format`) are written without spaces.
            while self.at("-")
                && self.peek().is_some_and(|m| m.newlines_before == 0)
                && self.peek_at(1).is_some_and(|n| n.kind == TokenKind::Ident && n.newlines_before == 0)
            {
                self.take(Role::Tight);
                let part = self.peek().map(|n| n.text).unwrap_or("");
                pname.push('-');
                pname.push_str(part);
                self.take(Role::Plain);
            }
            // Names of several words: sendmail's `reply to`, `content type`.
            while !equals
                && self.peek().is_some_and(|n| n.kind == TokenKind::Ident && n.newlines_before == 0)
                && self.peek_at(1).is_some_and(|n| n.is(":") || n.kind == TokenKind::Ident)
            {
                pname.push(' ');
                pname.push_str(self.peek().map(|n| n.text).unwrap_or(""));
                self.take(Role::Plain);
            }
            let sep = if equals { "=" } else { ":" };
            let spaced = name.eq_ignore_ascii_case("sendmail")
                || (name.eq_ignore_ascii_case("invokeurl")
                    && (pname.eq_ignore_ascii_case("url") || pname.eq_ignore_ascii_case("type")));
            let role = match (equals, spaced) {
                (true, _) => Role::FieldAssign,
                (false, true) => Role::ParamColonSpaced,
                (false, false) => Role::ParamColon,
            };
            if !self.eat(sep, role) {
                self.expected(&format!("`{sep}` after the parameter name"), &format!("Write `name {sep} value`."));
                self.skip_param();
                continue;
            }
            let mut value = self.task_value();
            // sendmail takes several addresses or attachments separated by `,` (fetch-and-email.html: "TEXT/ LIST/
            // comma-separated TEXT"); they are read as a list.
            if name.eq_ignore_ascii_case("sendmail") && self.at(",") {
                let vtok = value.tok;
                let mut items = vec![value];
                while self.eat(",", Role::Plain) {
                    items.push(self.task_value());
                }
                value = Expr { kind: ExprKind::List(items), tok: vtok };
            }
            if self.at(",") || self.at(";") {
                let (line, column) = self.here();
                let what = describe(self.peek());
                self.push(
                    line,
                    column,
                    format!("Task parameters are not separated by {what}."),
                    "Put each `name: value` on its own line, without a separator.",
                );
                self.pos += 1;
            } else if value.kind == ExprKind::Error {
                self.skip_param();
            }
            params.push(Param { name: pname, tok: ptok, value });
        }
        Task { name, params, tok }
    }

    /// A task parameter value; for sendmail attachments also `file: input.Upload`, `template: Name as PDF`,
    /// `view: Name as PDF` (zoho.com/creator/help/script/fetch-and-email.html).
    fn task_value(&mut self) -> Expr {
        if self
            .peek()
            .is_some_and(|n| n.kind == TokenKind::Ident && matches!(n.text, "file" | "template" | "view" | "report"))
            && self.peek_at(1).is_some_and(|n| n.is(":"))
        {
            self.take(Role::Plain);
            self.take(Role::Plain);
        }
        let value = self.expression();
        if self.at_word("as") && self.peek_at(1).is_some_and(|n| n.kind == TokenKind::Ident) {
            self.take(Role::Plain);
            self.take(Role::Plain);
        }
        value
    }

    /// Skips to the next line that may hold a parameter, or to `]`.
    fn skip_param(&mut self) {
        let start = self.pos;
        while let Some(t) = self.peek() {
            if t.is("]") || (self.pos > start && t.newlines_before > 0) || t.is(";") {
                break;
            }
            self.pos += 1;
        }
    }

    fn expression(&mut self) -> Expr {
        let tok = self.index();
        if !self.enter() {
            return Expr { kind: ExprKind::Error, tok };
        }
        let e = self.binary(0);
        self.leave();
        e
    }

    /// Binary operators of precedence `min` and above, left-associative (precedence climbing: one call per
    /// operand instead of one per precedence level).
    fn binary(&mut self, min: u8) -> Expr {
        let tok = self.index();
        let mut left = self.unary();
        let mut chained = 0usize;
        while let Some(t) = self.peek().copied() {
            let Some((level, op)) = self.binary_op(&t).filter(|&(l, _)| l >= min) else { break };
            if !self.chain_one() {
                chained += 1;
                left = Expr { kind: ExprKind::Error, tok };
                break;
            }
            chained += 1;
            if op == "=" {
                self.assign_in_condition(&t);
            }
            if op == "not in" {
                self.take(Role::Keyword);
            }
            self.take(if t.kind == TokenKind::Ident { Role::Keyword } else { Role::Plain });
            let right = self.binary(level + 1);
            left = Expr {
                kind: ExprKind::Binary { op: op.to_string(), left: Box::new(left), right: Box::new(right) },
                tok,
            };
        }
        self.chain -= chained;
        left
    }

    /// The binary operator at `t` with its precedence: punctuation, `in` / `not in` (seen in real scripts; no Zoho
    /// page found, docs/deluge-grammar.md), and `=` inside an `if` condition.
    fn binary_op(&self, t: &Token<'_>) -> Option<(u8, &'static str)> {
        match t.kind {
            TokenKind::Punct => binary_level(t, self.in_condition),
            TokenKind::Ident => match t.text {
                "in" => Some((2, "in")),
                "not" if self.peek_at(1).is_some_and(|n| n.is_word("in")) => Some((2, "not in")),
                _ => None,
            },
            _ => None,
        }
    }

    fn assign_in_condition(&mut self, t: &Token<'_>) {
        self.diagnostics.push(
            Diagnostic::warning(Code::DelugeAssignInCondition, "", "`=` in a condition is read as a comparison here.")
                .with_fix("Write `==` to compare; Zoho's Deluge help shows `==` in conditions and does not document `=` there.")
                .with_source("deluge-help")
                .at(t.line, t.column),
        );
    }

    fn unary(&mut self) -> Expr {
        let tok = self.index();
        if self.at("-") || self.at("!") {
            let op = self.peek().map(|t| t.text.to_string()).unwrap_or_default();
            self.take(Role::Unary);
            if !self.enter() {
                return Expr { kind: ExprKind::Error, tok };
            }
            let operand = self.unary();
            self.leave();
            return Expr { kind: ExprKind::Unary { op, operand: Box::new(operand) }, tok };
        }
        self.postfix()
    }

    fn postfix(&mut self) -> Expr {
        let start = self.chain;
        let e = self.postfix_chain();
        self.chain = start;
        e
    }

    fn postfix_chain(&mut self) -> Expr {
        let tok = self.index();
        let mut e = self.primary();
        loop {
            // One look at the next token decides the step: `[` (a Creator fetch), `.` or `(`; anything else ends it.
            let Some(t) = self.peek().copied() else { return e };
            if t.kind != TokenKind::Punct {
                return e;
            }
            let step = match t.text.as_bytes() {
                [b'['] if t.newlines_before == 0 && matches!(e.kind, ExprKind::Name(_) | ExprKind::Member { .. }) => {
                    b'['
                }
                [b'.'] => b'.',
                [b'('] if t.newlines_before == 0 || e.kind != ExprKind::Error => b'(',
                _ => return e,
            };
            if !self.chain_one() {
                return Expr { kind: ExprKind::Error, tok };
            }
            if step == b'[' {
                // Creator: `Form[criteria]`, `Form[criteria].Field`.
                self.take(Role::FetchOpen);
                // Criteria are conditions: `=` is read as a comparison, with the same warning as in `if`.
                let outer = std::mem::replace(&mut self.in_condition, true);
                let mut criteria = vec![self.expression()];
                self.in_condition = outer;
                if !self.eat("]", Role::Plain) {
                    self.expected("`]`", "Close the criteria with `]`.");
                    return Expr { kind: ExprKind::Error, tok };
                }
                if self.at_word("sort") && self.peek_at(1).is_some_and(|n| n.is_word("by")) {
                    self.take(Role::Keyword);
                    self.take(Role::Keyword);
                    criteria.push(self.expression());
                    if self.at_word("asc") || self.at_word("desc") {
                        self.take(Role::Plain);
                    }
                }
                if self.at_word("range") && self.peek_at(1).is_some_and(|n| n.is_word("from")) {
                    self.take(Role::Keyword);
                    self.take(Role::Keyword);
                    criteria.push(self.expression());
                    if self.at_word("to") {
                        self.take(Role::Keyword);
                        criteria.push(self.expression());
                    } else {
                        self.expected("`to`", "Write `range from 1 to 100`.");
                    }
                }
                e = Expr { kind: ExprKind::Fetch { form: Box::new(e), criteria }, tok };
            } else if step == b'.' {
                self.take(Role::Plain);
                match self.peek() {
                    Some(t) if t.kind == TokenKind::Ident => {
                        let name = t.text.to_string();
                        let name_tok = self.index();
                        self.take(Role::Plain);
                        e = Expr { kind: ExprKind::Member { object: Box::new(e), name, name_tok }, tok };
                    }
                    _ => {
                        self.expected("a name after `.`", "Write a function or member name after the dot.");
                        return Expr { kind: ExprKind::Error, tok };
                    }
                }
            } else {
                if e.kind == ExprKind::Error {
                    return e;
                }
                self.take(Role::Plain);
                // `Collection("k" : v, …)` holds key-value pairs (zoho.com/deluge/help/functions/collection/insert.html).
                // `collection.insert(k : v)` too (same page).
                let pairs = match &e.kind {
                    ExprKind::Name(n) => n.eq_ignore_ascii_case("collection"),
                    ExprKind::Member { name, .. } => name == "insert",
                    _ => false,
                };
                let args = self.items(")", pairs);
                e = Expr { kind: ExprKind::Call { callee: Box::new(e), args }, tok };
            }
        }
    }

    /// Comma-separated expressions up to `close` (consumed).
    fn items(&mut self, close: &str, pairs: bool) -> Vec<Expr> {
        let mut items = Vec::new();
        if self.eat(close, Role::Plain) {
            return items;
        }
        loop {
            let before = self.pos;
            let item = self.expression();
            if pairs && self.eat(":", Role::Plain) {
                let tok = item.tok;
                let value = self.expression();
                items.push(Expr { kind: ExprKind::Map(vec![(item, value)]), tok });
            } else {
                items.push(item);
            }
            if self.eat(",", Role::Plain) {
                continue;
            }
            if self.eat(close, Role::Plain) {
                break;
            }
            self.expected(
                &format!("`,` or `{close}`"),
                &format!("Separate the values with `,` and close with `{close}`."),
            );
            if self.pos == before && self.peek().is_some() {
                self.pos += 1;
            }
            break;
        }
        items
    }

    fn primary(&mut self) -> Expr {
        let tok = self.index();
        let Some(t) = self.peek().copied() else {
            self.expected("a value", "Complete the expression.");
            return Expr { kind: ExprKind::Error, tok };
        };
        let kind = match t.kind {
            TokenKind::Number => {
                self.take(Role::Plain);
                ExprKind::Number(t.text.to_string())
            }
            TokenKind::Text => {
                self.take(Role::Plain);
                let inner = t.text.get(1..t.text.len().saturating_sub(1)).unwrap_or("");
                ExprKind::Text(read_string_literal(t.text).unwrap_or_else(|| inner.to_string()))
            }
            TokenKind::DateTime => {
                self.take(Role::Plain);
                ExprKind::DateTime(t.text.to_string())
            }
            TokenKind::Ident => return self.word(t, tok),
            TokenKind::Punct if t.is("(") => {
                self.take(Role::Plain);
                let e = self.expression();
                if !self.eat(")", Role::Plain) {
                    self.expected("`)`", "Close the parenthesis.");
                }
                return e;
            }
            TokenKind::Punct if t.is("{") || t.is("[") => return self.collection(tok),
            TokenKind::Unknown => {
                // Already reported by the lexer.
                self.take(Role::Plain);
                return Expr { kind: ExprKind::Error, tok };
            }
            _ => {
                self.expected("a value", "Complete the expression.");
                return Expr { kind: ExprKind::Error, tok };
            }
        };
        Expr { kind, tok }
    }

    fn word(&mut self, t: Token<'a>, tok: usize) -> Expr {
        match t.text {
            "true" | "false" => {
                self.take(Role::Plain);
                return Expr { kind: ExprKind::Bool(t.text == "true"), tok };
            }
            "null" => {
                self.take(Role::Plain);
                return Expr { kind: ExprKind::Null, tok };
            }
            "insert" if self.peek_at(1).is_some_and(|n| n.is_word("into")) => {
                self.take(Role::Keyword);
                self.take(Role::Plain);
                return Expr { kind: ExprKind::Insert(self.task(true)), tok };
            }
            w if w.eq_ignore_ascii_case("invokeurl") && self.peek_at(1).is_some_and(|n| n.is("[")) => {
                return Expr { kind: ExprKind::InvokeUrl(self.task(false)), tok };
            }
            _ => {}
        }
        self.take(Role::Plain);
        // Typed collections: `List:String()` (docs/facts.md §6.2, lexer.dart [3P]).
        if (t.text.eq_ignore_ascii_case("list") || t.text.eq_ignore_ascii_case("map"))
            && self.at(":")
            && self.peek_at(1).is_some_and(|n| n.kind == TokenKind::Ident)
            && self.peek_at(2).is_some_and(|n| n.is("("))
        {
            self.take(Role::Tight);
            let sub = self.peek().map(|n| n.text).unwrap_or("");
            let name = format!("{}:{sub}", t.text);
            self.take(Role::Plain);
            return Expr { kind: ExprKind::Name(name), tok };
        }
        Expr { kind: ExprKind::Name(t.text.to_string()), tok }
    }

    /// `{…}` map or list, `[…]` list.
    fn collection(&mut self, tok: usize) -> Expr {
        let close = if self.at("[") { "]" } else { "}" };
        self.take(Role::CollectionOpen);
        if self.eat(close, Role::CollectionClose) {
            return Expr { kind: ExprKind::Map(Vec::new()), tok };
        }
        let mut entries = Vec::new();
        let mut items = Vec::new();
        loop {
            let before = self.pos;
            let key = self.expression();
            if self.eat(":", Role::Plain) {
                let value = self.expression();
                entries.push((key, value));
            } else {
                items.push(key);
            }
            if self.eat(",", Role::Plain) {
                continue;
            }
            if self.eat(close, Role::CollectionClose) {
                break;
            }
            self.expected(
                &format!("`,` or `{close}`"),
                &format!("Separate the entries with `,` and close with `{close}`."),
            );
            if self.pos == before && self.peek().is_some() {
                self.pos += 1;
            }
            return Expr { kind: ExprKind::Error, tok };
        }
        if !entries.is_empty() && !items.is_empty() {
            let (line, column) = self.tokens.get(tok).map(|t| (t.line, t.column)).unwrap_or((1, 1));
            self.push(
                line,
                column,
                "This literal mixes `key: value` entries and plain values.".to_string(),
                "Write a map with only `key: value` entries, or a list with only values.",
            );
        }
        if entries.is_empty() {
            Expr { kind: ExprKind::List(items), tok }
        } else {
            Expr { kind: ExprKind::Map(entries), tok }
        }
    }
}

fn is_assign_op(t: &Token<'_>) -> bool {
    t.kind == TokenKind::Punct && matches!(t.text.as_bytes(), [b'='] | [b'+' | b'-' | b'*' | b'/', b'='])
}

/// Precedence and text of a binary operator, loosest first: `||`, `&&`, `== != =` (`=` only in a condition),
/// `< > <= >=`, `+ -`, `* / %`.
fn binary_level(t: &Token<'_>, in_condition: bool) -> Option<(u8, &'static str)> {
    Some(match t.text.as_bytes() {
        b"||" => (0, "||"),
        b"&&" => (1, "&&"),
        b"==" => (2, "=="),
        b"!=" => (2, "!="),
        b"=" if in_condition => (2, "="),
        b"<" => (3, "<"),
        b">" => (3, ">"),
        b"<=" => (3, "<="),
        b">=" => (3, ">="),
        b"+" => (4, "+"),
        b"-" => (4, "-"),
        b"*" => (5, "*"),
        b"/" => (5, "/"),
        b"%" => (5, "%"),
        _ => return None,
    })
}

fn starts_statement(t: &Token<'_>) -> bool {
    t.kind == TokenKind::Ident && matches!(t.text, "if" | "for" | "info" | "return")
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The expression of `x = …;` written with full parentheses and its first-token index: `(a+(b*c))@2`.
    fn shape(e: &Expr) -> String {
        let inner = match &e.kind {
            ExprKind::Name(n) | ExprKind::Number(n) => n.clone(),
            ExprKind::Unary { op, operand } => format!("({op}{})", shape(operand)),
            ExprKind::Binary { op, left, right } => format!("({}{op}{})", shape(left), shape(right)),
            ExprKind::Call { callee, args } => {
                format!("{}[{}]", shape(callee), args.iter().map(shape).collect::<Vec<_>>().join(","))
            }
            other => format!("{other:?}"),
        };
        format!("{inner}@{}", e.tok)
    }

    fn value_shape(text: &str) -> String {
        let p = parse(text);
        assert!(p.diagnostics.is_empty(), "{:?}", p.diagnostics);
        match &p.statements[0].kind {
            StmtKind::Assign { value, .. } => shape(value),
            other => panic!("{other:?}"),
        }
    }

    #[test]
    fn binary_operators_bind_by_precedence_and_associate_left() {
        assert_eq!(
            value_shape("x = a || b && c == d < e + f * g;"),
            "(a@2||(b@4&&(c@6==(d@8<(e@10+(f@12*g@14)@12)@10)@8)@6)@4)@2"
        );
        assert_eq!(value_shape("x = a - b - c;"), "((a@2-b@4)@2-c@6)@2");
        assert_eq!(value_shape("x = a * b + c * d;"), "((a@2*b@4)@2+(c@6*d@8)@6)@2");
        assert_eq!(value_shape("x = a == b != c;"), "((a@2==b@4)@2!=c@6)@2");
        assert_eq!(
            value_shape("x = -a + f(b, c % d) <= 2 || !e;"),
            "((((-a@3)@2+f@5[b@7,(c@9%d@11)@9]@5)@2<=2@14)@2||(!e@17)@16)@2"
        );
        assert_eq!(value_shape("x = a + (b || c) * d;"), "(a@2+((b@5||c@7)@5*d@10)@4)@2");
    }
}
