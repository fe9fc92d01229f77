//! The Deluge parser: hand-written recursive descent over [`super::lexer`] tokens, with error recovery so one
//! file yields several syntax findings, not just the first.
//!
//! It reads the Deluge admins paste into functions: assignments, expressions, maps and lists (`Map()`, `{…}`,
//! `[…]`), `info`, `return`, `if / else if / else`, `for each … in …`, `invokeurl [ … ];` and other task blocks
//! (`sendmail [ … ]`), comments, text and date-time literals, `zoho.crm.*` calls. Statements end with `;`
//! (zoho-facts.md §8b, all official examples). It never panics; nesting deeper than [`MAX_DEPTH`] is reported and
//! the rest skipped.
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
    /// A keyword followed by a space even before `(`: `if`, `in`, `return`, `info`.
    Keyword,
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
    /// `invokeurl [ … ]`.
    InvokeUrl(Task),
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
            ExprKind::Member { object, name } => Some(format!("{}.{name}", object.dotted_name()?)),
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
    /// A task statement other than invokeurl (`sendmail [ … ]`).
    Task(Task),
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
        if self.diagnostics.len() >= MAX_SYNTAX_FINDINGS
            || self.diagnostics.iter().any(|d| d.line == Some(line))
            || self.lexical_lines.contains(&line)
        {
            return;
        }
        self.diagnostics.push(Diagnostic::error(Code::DelugeSyntax, "", message).with_fix(fix).at(line, column));
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
            self.error_here(
                "The code is nested too deeply to check.",
                "Split the deeply nested part into smaller steps with variables.",
            );
            self.pos = self.sig.len();
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
            match t.text {
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
            if t.text != "invokeurl" && self.peek_at(1).is_some_and(|n| n.is("[")) {
                let task = self.task();
                self.end_statement();
                return StmtKind::Task(task);
            }
        }
        if t.is("{") {
            self.error_here(
                "A block `{` must follow `if`, `else` or `for each`.",
                "Remove the braces, or put the statements under an `if` or `for each`.",
            );
            self.sync();
            return StmtKind::Error;
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
            self.take(Role::Plain);
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
        self.take(Role::Plain);
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

    /// `name [ key: value … ]`.
    fn task(&mut self) -> Task {
        let tok = self.index();
        let name = self.peek().map(|t| t.text.to_string()).unwrap_or_default();
        self.take(Role::Keyword);
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
            if !self.eat(":", Role::Plain) {
                self.expected("`:` after the parameter name", "Write `name: value`.");
                self.skip_param();
                continue;
            }
            let value = self.expression();
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
        while let Some(t) = self.peek().copied() {
            let Some(level) = binary_level(&t).filter(|&l| l >= min) else { break };
            self.take(Role::Plain);
            let right = self.binary(level + 1);
            left = Expr {
                kind: ExprKind::Binary { op: t.text.to_string(), left: Box::new(left), right: Box::new(right) },
                tok,
            };
        }
        left
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
        let tok = self.index();
        let mut e = self.primary();
        loop {
            if self.at(".") {
                self.take(Role::Plain);
                match self.peek() {
                    Some(t) if t.kind == TokenKind::Ident => {
                        let name = t.text.to_string();
                        self.take(Role::Plain);
                        e = Expr { kind: ExprKind::Member { object: Box::new(e), name }, tok };
                    }
                    _ => {
                        self.expected("a name after `.`", "Write a function or member name after the dot.");
                        return Expr { kind: ExprKind::Error, tok };
                    }
                }
            } else if self.at("(") && self.peek().is_some_and(|t| t.newlines_before == 0 || e.kind != ExprKind::Error) {
                if e.kind == ExprKind::Error {
                    return e;
                }
                self.take(Role::Plain);
                let args = self.items(")");
                e = Expr { kind: ExprKind::Call { callee: Box::new(e), args }, tok };
            } else {
                return e;
            }
        }
    }

    /// Comma-separated expressions up to `close` (consumed).
    fn items(&mut self, close: &str) -> Vec<Expr> {
        let mut items = Vec::new();
        if self.eat(close, Role::Plain) {
            return items;
        }
        loop {
            let before = self.pos;
            items.push(self.expression());
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
            "invokeurl" if self.peek_at(1).is_some_and(|n| n.is("[")) => {
                return Expr { kind: ExprKind::InvokeUrl(self.task()), tok };
            }
            _ => {}
        }
        self.take(Role::Plain);
        // Typed collections: `List:String()` (zoho-facts.md §8b, lexer.dart [3P]).
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

/// Precedence of a binary operator, loosest first: `||`, `&&`, `== !=`, `< > <= >=`, `+ -`, `* / %`.
fn binary_level(t: &Token<'_>) -> Option<u8> {
    if t.kind != TokenKind::Punct {
        return None;
    }
    Some(match t.text.as_bytes() {
        [b'|', b'|'] => 0,
        [b'&', b'&'] => 1,
        [b'=' | b'!', b'='] => 2,
        [b'<' | b'>'] | [b'<' | b'>', b'='] => 3,
        [b'+' | b'-'] => 4,
        [b'*' | b'/' | b'%'] => 5,
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
