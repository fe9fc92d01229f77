//! `checkDeluge`: findings about pasted Deluge, each with a 1-based line and column.
//!
//! Syntax errors (several per file, see [`super::parser`]), unbalanced brackets, and the mistakes that make
//! functions fail at run time: unknown `invokeurl` parameters, a missing `url`, a bad `type`, no `connection` on a
//! call to a third-party host, calls inside `for each` loops, reserved words as names, and a map sent as
//! `parameters` with a JSON content type but no `toString()`; sendmail parameters, unknown task blocks (with "did you
//! mean"), one info finding for Creator statements it cannot check. Task blocks get the same checks in statement and
//! assignment form.
//!
//! ```
//! use zoho_connector_kit::deluge::check_deluge;
//! let found = check_deluge("if (x > 1)\n{\n\tinfo x;\n");
//! assert_eq!(found[0].code, "deluge.unbalanced_bracket");
//! assert_eq!((found[0].line, found[0].column), (Some(2), Some(1)));
//! ```

use super::builtin::{lookup_method, lookup_task, Builtin, BuiltinKind, BUILTINS};
use super::lexer::{Token, TokenKind};
use super::literal::{is_reserved, RESERVED_SOURCE};
use super::parser::{parse, Expr, ExprKind, Param, Stmt, StmtKind, Task};
use crate::code::Code;
use crate::text_distance::edit_distance;
use crate::Diagnostic;
use std::collections::BTreeSet;

/// The invokeurl parameters (docs/facts.md §6.1).
pub const INVOKEURL_PARAMETERS: [&str; 11] = [
    "url",
    "type",
    "headers",
    "content-type",
    "body",
    "parameters",
    "files",
    "connection",
    "detailed",
    "response-format",
    "response-decoding",
];

/// The sendmail parameters (zoho.com/creator/help/script/fetch-and-email.html; zoho.com/developer/help/scripting/
/// send-mail-statement.html writes them capitalized, so case does not matter).
///
/// ```
/// use zoho_connector_kit::deluge::{check::SENDMAIL_PARAMETERS, check_deluge};
/// assert!(SENDMAIL_PARAMETERS.contains(&"reply to"));
/// let found = check_deluge("sendmail\n[\n\tfrom: zoho.adminuserid\n\tto: \"a@example.com\"\n\tsubjct: \"Hi\"\n]\n");
/// assert_eq!(found[0].code, "deluge.sendmail.unknown_parameter");
/// ```
pub const SENDMAIL_PARAMETERS: [&str; 9] =
    ["from", "to", "cc", "bcc", "reply to", "subject", "message", "content type", "attachments"];

/// The task blocks written `name [ … ]` that the checker knows (docs/deluge-grammar.md).
///
/// ```
/// use zoho_connector_kit::deluge::check_deluge;
/// let found = check_deluge("sendmial\n[\n\tto: \"a@example.com\"\n]\n");
/// assert_eq!(found[0].code, "deluge.unknown_task");
/// assert_eq!(found[0].fix, "Did you mean `sendmail`?");
/// ```
pub const TASK_BLOCKS: [&str; 2] = ["invokeurl", "sendmail"];

/// The reserved words that name data types (zoho.com/deluge/help/keywords.html). Used as a variable name they get
/// a warning (`deluge.reserved_type_name`), not an error: public working scripts do it (docs/deluge-grammar.md).
///
/// ```
/// use zoho_connector_kit::deluge::check_deluge;
/// assert_eq!(check_deluge("map = Map();\n")[0].code, "deluge.reserved_type_name");
/// assert_eq!(check_deluge("if = 1;\n")[0].severity, zoho_connector_kit::Severity::Error);
/// ```
pub const RESERVED_TYPE_NAMES: [&str; 8] = ["bool", "collection", "date", "float", "int", "list", "map", "string"];

const SENDMAIL_SOURCE: &str = "zoho-creator-fetch-and-email";
const CREATOR_SOURCE: &str = "deluge-collection-variable";

/// The zoho.crm record tasks of the built-in catalogue (kept for callers of the first catalogue; the whole list,
/// with `zoho.books.*`, `zoho.desk.*` and the text, list, map and date methods, is [`super::builtin::BUILTINS`]).
///
/// ```
/// use zoho_connector_kit::deluge::{check::crm_tasks, check_deluge};
/// assert!(crm_tasks().any(|t| t.name == "zoho.crm.updateRecord" && (t.min, t.max) == (3, 5)));
/// let found = check_deluge("r = zoho.crm.updateRecord(\"Leads\", m);");
/// assert_eq!(found[0].code, "deluge.task.argument_count");
/// ```
pub fn crm_tasks() -> impl Iterator<Item = &'static Builtin> {
    BUILTINS.iter().filter(|b| b.kind == BuiltinKind::Task && b.name.starts_with("zoho.crm."))
}

/// The invokeurl `type` values (docs/facts.md §6.1).
pub const INVOKEURL_TYPES: [&str; 5] = ["GET", "POST", "PUT", "PATCH", "DELETE"];

const INVOKE_SOURCE: &str = "deluge-invoke-url";
const LOOP_SOURCE: &str = "deluge-invoke-url";
const JSON_SOURCE: &str = "deluge-invokeurl-api-task";

/// Checks Deluge text. Findings are sorted by line and column; an empty list means nothing was found.
///
/// ```
/// use zoho_connector_kit::deluge::check_deluge;
/// assert!(check_deluge("m = Map();\nm.put(\"a\", 1);\ninfo m;\n").is_empty());
/// let found = check_deluge("r = invokeurl\n[\n\turl: \"https://api.example.com\"\n\ttype: FETCH\n];\n");
/// let codes: Vec<&str> = found.iter().map(|d| d.code.as_str()).collect();
/// assert_eq!(codes, ["deluge.invokeurl.no_connection", "deluge.invokeurl.bad_type"]);
/// ```
pub fn check_deluge(text: &str) -> Vec<Diagnostic> {
    run(text).0
}

/// The catalogue built-ins a script calls (tasks by their dotted name, methods by their name), each once, in the
/// catalogue's order: what the popup describes beside the findings.
///
/// ```
/// use zoho_connector_kit::deluge::check::builtins_used;
/// let used = builtins_used("r = zoho.crm.getRecordById(\"Leads\", id);\nname = r.get(\"Last_Name\").subString(0, 3);\n");
/// assert_eq!(used, ["zoho.crm.getRecordById", "get", "subString"]);
/// ```
pub fn builtins_used(text: &str) -> Vec<&'static str> {
    let used = run(text).1;
    BUILTINS.iter().map(|b| b.name).filter(|n| used.contains(n)).collect()
}

fn run(text: &str) -> (Vec<Diagnostic>, BTreeSet<&'static str>) {
    let parsed = parse(text);
    let mut diagnostics = Vec::new();
    let brackets = bracket_balance(&parsed.tokens);
    // A bracket finding explains a line better than the syntax error it causes there.
    let bracket_lines: BTreeSet<Option<u32>> = brackets.iter().map(|d| d.line).collect();
    let unclosed = brackets.iter().any(|d| d.message.ends_with("is never closed."));
    for d in parsed.diagnostics {
        let at_end = d.message.ends_with("found the end of the text.");
        if d.code == Code::DelugeSyntax && (bracket_lines.contains(&d.line) || (unclosed && at_end)) {
            continue;
        }
        diagnostics.push(d);
    }
    diagnostics.extend(brackets);
    let mut checker = Checker {
        tokens: &parsed.tokens,
        maps: BTreeSet::new(),
        json_maps: BTreeSet::new(),
        found: Vec::new(),
        creator: false,
        used: BTreeSet::new(),
    };
    checker.collect_facts(&parsed.statements);
    checker.statements(&parsed.statements, false);
    diagnostics.extend(checker.found);
    sort(&mut diagnostics);
    (diagnostics, checker.used)
}

/// Sorts findings by line, then column (stable).
pub(crate) fn sort(diagnostics: &mut [Diagnostic]) {
    diagnostics.sort_by_key(|d| (d.line.unwrap_or(0), d.column.unwrap_or(0)));
}

fn closer(open: &str) -> &'static str {
    match open.as_bytes() {
        [b'('] => ")",
        [b'['] => "]",
        _ => "}",
    }
}

/// Most bracket findings one text gets.
const MAX_BRACKET_FINDINGS: usize = 100;

/// Unbalanced `( ) [ ] { }`: a closer without opener, a mismatched closer, an opener never closed.
pub(crate) fn bracket_balance(tokens: &[Token<'_>]) -> Vec<Diagnostic> {
    let mut stack: Vec<&Token<'_>> = Vec::new();
    let mut found = Vec::new();
    for t in tokens.iter().filter(|t| t.kind == TokenKind::Punct) {
        // A megabyte of `(` would otherwise give a million findings.
        if found.len() >= MAX_BRACKET_FINDINGS {
            return found;
        }
        match t.text.as_bytes() {
            [b'(' | b'[' | b'{'] => stack.push(t),
            [b')' | b']' | b'}'] => match stack.last() {
                Some(open) if t.is(closer(open.text)) => {
                    stack.pop();
                }
                Some(open) => {
                    let open = **open;
                    found.push(
                        Diagnostic::error(
                            Code::DelugeUnbalancedBracket,
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
                    if let Some(i) = stack.iter().rposition(|o| t.is(closer(o.text))) {
                        stack.truncate(i);
                    }
                }
                None => found.push(
                    Diagnostic::error(
                        Code::DelugeUnbalancedBracket,
                        "",
                        format!("`{}` has no opening bracket.", t.text),
                    )
                    .with_fix(format!("Remove `{}` or add its opening bracket.", t.text))
                    .at(t.line, t.column),
                ),
            },
            _ => {}
        }
    }
    for open in stack.into_iter().take(MAX_BRACKET_FINDINGS.saturating_sub(found.len())) {
        found.push(
            Diagnostic::error(Code::DelugeUnbalancedBracket, "", format!("`{}` is never closed.", open.text))
                .with_fix(format!("Add `{}` where it should end.", closer(open.text)))
                .at(open.line, open.column),
        );
    }
    found
}

struct Checker<'t, 'a> {
    tokens: &'t [Token<'a>],
    /// Variables assigned a map somewhere.
    maps: BTreeSet<String>,
    /// Map variables holding a JSON `Content-Type`.
    json_maps: BTreeSet<String>,
    found: Vec<Diagnostic>,
    /// A Creator statement was already reported (one info finding per script).
    creator: bool,
    /// Catalogue built-ins called.
    used: BTreeSet<&'static str>,
}

/// The closest name within two edits, for "did you mean" (the crate's one edit distance, `text_distance`).
fn closest<'n>(name: &str, names: &[&'n str]) -> Option<&'n str> {
    names.iter().map(|n| (edit_distance(name, n), *n)).filter(|(d, _)| *d <= 2).min_by_key(|(d, _)| *d).map(|(_, n)| n)
}

/// The token of a method call's name (`subString` in `t.subString(1)`), for the finding's column.
fn callee_name_tok(callee: &Expr) -> usize {
    match &callee.kind {
        ExprKind::Member { name_tok, .. } => *name_tok,
        _ => callee.tok,
    }
}

fn is_json_type(value: &Expr) -> bool {
    matches!(&value.kind, ExprKind::Text(t) if t.to_ascii_lowercase().contains("json"))
}

fn is_content_type_key(key: &Expr) -> bool {
    matches!(&key.kind, ExprKind::Text(t) if t.eq_ignore_ascii_case("content-type"))
}

fn is_map_value(e: &Expr) -> bool {
    match &e.kind {
        ExprKind::Map(entries) => !entries.is_empty(),
        ExprKind::Call { callee, args } => {
            args.is_empty() && matches!(&callee.kind, ExprKind::Name(n) if n.eq_ignore_ascii_case("map"))
        }
        _ => false,
    }
}

/// A map literal with a JSON `Content-Type` entry.
fn literal_has_json_type(e: &Expr) -> bool {
    matches!(&e.kind, ExprKind::Map(entries) if entries.iter().any(|(k, v)| is_content_type_key(k) && is_json_type(v)))
}

/// Hosts of Zoho itself (`*.zoho.*`, `*.zohoapis.*`, `*.zohocloud.ca`), where Zoho-managed auth applies.
fn is_zoho_host(host: &str) -> bool {
    host.split('.').any(|label| matches!(label.to_ascii_lowercase().as_str(), "zoho" | "zohoapis" | "zohocloud"))
}

/// The leading text of a URL expression: `"https://x" + path` gives `https://x`.
fn leading_text(e: &Expr) -> Option<&str> {
    match &e.kind {
        ExprKind::Text(t) => Some(t),
        ExprKind::Binary { op, left, .. } if op == "+" => leading_text(left),
        _ => None,
    }
}

impl Checker<'_, '_> {
    fn at(&self, tok: usize, d: Diagnostic) -> Diagnostic {
        match self.tokens.get(tok) {
            Some(t) => d.at(t.line, t.column),
            None => d,
        }
    }

    fn push(&mut self, tok: usize, d: Diagnostic) {
        let d = self.at(tok, d);
        self.found.push(d);
    }

    /// Which variables hold maps, and which of those carry a JSON content type (flow-insensitive).
    fn collect_facts(&mut self, statements: &[Stmt]) {
        for s in statements {
            match &s.kind {
                StmtKind::Assign { target, value, .. } => {
                    if let ExprKind::Name(n) = &target.kind {
                        if is_map_value(value) {
                            self.maps.insert(n.clone());
                        }
                        if literal_has_json_type(value) {
                            self.json_maps.insert(n.clone());
                        }
                    }
                }
                StmtKind::Expr(Expr { kind: ExprKind::Call { callee, args }, .. }) => {
                    if let ExprKind::Member { object, name, .. } = &callee.kind {
                        if let (ExprKind::Name(var), "put", [k, v]) = (&object.kind, name.as_str(), args.as_slice()) {
                            if is_content_type_key(k) && is_json_type(v) {
                                self.json_maps.insert(var.clone());
                            }
                        }
                    }
                }
                StmtKind::If { branches, otherwise } => {
                    for (_, body) in branches {
                        self.collect_facts(body);
                    }
                    if let Some(body) = otherwise {
                        self.collect_facts(body);
                    }
                }
                StmtKind::ForEach { body, .. } | StmtKind::Function { body, .. } | StmtKind::Block(body) => {
                    self.collect_facts(body)
                }
                StmtKind::Try { body, handler, .. } => {
                    self.collect_facts(body);
                    self.collect_facts(handler);
                }
                _ => {}
            }
        }
    }

    fn statements(&mut self, statements: &[Stmt], in_loop: bool) {
        for s in statements {
            self.statement(s, in_loop);
        }
    }

    fn reserved_name(&mut self, name: &str, tok: usize) {
        if !is_reserved(name) {
            return;
        }
        // Zoho's keyword page lists the type names as reserved, yet working scripts published by Zoho partners
        // assign to `map`, `string` and `list` (docs/deluge-grammar.md): a warning, not an error, for those.
        let finding = if RESERVED_TYPE_NAMES.contains(&name) {
            Diagnostic::warning(
                Code::DelugeReservedTypeName,
                "",
                format!(
                    "`{name}` is listed as a reserved Deluge keyword; published scripts use it as a variable name and run, but Zoho does not promise that it keeps working."
                ),
            )
        } else {
            Diagnostic::error(
                Code::DelugeReservedName,
                "",
                format!("`{name}` is a reserved Deluge keyword and cannot be a variable name."),
            )
        };
        self.push(
            tok,
            finding.with_fix(format!("Rename the variable, e.g. `{name}Value`.")).with_source(RESERVED_SOURCE),
        );
    }

    fn statement(&mut self, s: &Stmt, in_loop: bool) {
        match &s.kind {
            StmtKind::Assign { target, value, .. } => {
                if let ExprKind::Name(n) = &target.kind {
                    self.reserved_name(n, target.tok);
                }
                self.expr(target, in_loop);
                self.expr(value, in_loop);
            }
            StmtKind::Expr(e) | StmtKind::Info(e) | StmtKind::Return(Some(e)) => self.expr(e, in_loop),
            StmtKind::If { branches, otherwise } => {
                for (cond, body) in branches {
                    self.expr(cond, in_loop);
                    self.statements(body, in_loop);
                }
                if let Some(body) = otherwise {
                    self.statements(body, in_loop);
                }
            }
            StmtKind::ForEach { var, var_tok, iterable, body } => {
                self.reserved_name(var, *var_tok);
                self.expr(iterable, in_loop);
                self.statements(body, true);
            }
            StmtKind::Task(task) => self.task(task, in_loop),
            StmtKind::Function { body, .. } | StmtKind::Block(body) => self.statements(body, in_loop),
            StmtKind::Try { body, handler, .. } => {
                self.statements(body, in_loop);
                self.statements(handler, in_loop);
            }
            StmtKind::Creator { values, .. } => {
                self.creator(s.tok);
                for v in values {
                    self.expr(v, in_loop);
                }
            }
            StmtKind::Return(None) | StmtKind::Jump | StmtKind::Empty | StmtKind::Error => {}
        }
    }

    /// A task block in statement or assignment form: the same checks for both.
    fn task(&mut self, task: &Task, in_loop: bool) {
        let name = task.name.to_ascii_lowercase();
        match name.as_str() {
            "invokeurl" => {
                if in_loop {
                    self.loop_call(task.tok, "invokeurl");
                }
                self.invokeurl(task);
            }
            "sendmail" => self.sendmail(task),
            _ => {
                let fix = match closest(&name, &TASK_BLOCKS) {
                    Some(n) => format!("Did you mean `{n}`?"),
                    None => format!("Use one of: {}.", TASK_BLOCKS.join(", ")),
                };
                self.push(
                    task.tok,
                    Diagnostic::error(
                        Code::DelugeUnknownTask,
                        "",
                        format!("`{}` is not a Deluge task written as a `[ … ]` block.", task.name),
                    )
                    .with_fix(fix)
                    .with_source("deluge-invoke-url"),
                );
            }
        }
        for p in &task.params {
            self.expr(&p.value, in_loop);
        }
    }

    fn sendmail(&mut self, task: &Task) {
        let mut seen: BTreeSet<String> = BTreeSet::new();
        for p in &task.params {
            let name = p.name.to_ascii_lowercase();
            if !SENDMAIL_PARAMETERS.contains(&name.as_str()) {
                let fix = match closest(&name, &SENDMAIL_PARAMETERS) {
                    Some(n) => format!("Did you mean `{n}`?"),
                    None => format!("Use one of: {}.", SENDMAIL_PARAMETERS.join(", ")),
                };
                self.push(
                    p.tok,
                    Diagnostic::error(
                        Code::DelugeSendmailUnknownParameter,
                        "",
                        format!("`{}` is not a sendmail parameter.", p.name),
                    )
                    .with_fix(fix)
                    .with_source(SENDMAIL_SOURCE),
                );
            } else if !seen.insert(name) {
                self.push(
                    p.tok,
                    Diagnostic::warning(
                        Code::DelugeSendmailDuplicateParameter,
                        "",
                        format!("`{}` is given more than once.", p.name),
                    )
                    .with_fix("Keep one line per parameter."),
                );
            }
        }
        for required in ["from", "to"] {
            if !task.params.iter().any(|p| p.name.eq_ignore_ascii_case(required)) {
                self.push(
                    task.tok,
                    Diagnostic::error(
                        Code::DelugeSendmailMissingParameter,
                        "",
                        format!("This sendmail has no `{required}`."),
                    )
                    .with_fix(format!("Add a line `{required}: …`."))
                    .with_source(SENDMAIL_SOURCE),
                );
            }
        }
    }

    /// One info finding per script for Creator statements, which need the app's forms to check.
    fn creator(&mut self, tok: usize) {
        if self.creator {
            return;
        }
        self.creator = true;
        self.push(
            tok,
            Diagnostic::info(
                Code::DelugeCreatorNotChecked,
                "",
                "Creator statement: not checked (forms, fields and criteria need the Creator app).",
            )
            .with_fix("Test it in the Creator app; the rest of the script is checked.")
            .with_source(CREATOR_SOURCE),
        );
    }

    fn expr(&mut self, e: &Expr, in_loop: bool) {
        match &e.kind {
            ExprKind::InvokeUrl(task) => self.task(task, in_loop),
            ExprKind::Fetch { form, criteria } => {
                self.creator(e.tok);
                self.expr(form, in_loop);
                for c in criteria {
                    self.expr(c, in_loop);
                }
            }
            ExprKind::Insert(task) => {
                self.creator(e.tok);
                for p in &task.params {
                    self.expr(&p.value, in_loop);
                }
            }
            ExprKind::Call { callee, args } => {
                let dotted = callee.dotted_name();
                if let Some(name) = dotted.as_deref().filter(|n| n.starts_with("zoho.crm.")) {
                    if in_loop {
                        self.loop_call(e.tok, name);
                    }
                }
                if let Some(task) = dotted.as_deref().and_then(lookup_task) {
                    self.argument_count(e.tok, task, args.len());
                } else if let ExprKind::Member { object, name, .. } = &callee.kind {
                    // A method on a value; not a user function called through its namespace (`thisapp.put(…)`) nor a
                    // task of a Zoho service (`zoho.books.add…`); `zoho.currentdate.addDay(1)` is a method.
                    let namespace = object.dotted_name().is_some_and(|d| {
                        let d = d.to_ascii_lowercase();
                        let mut parts = d.split('.');
                        let (first, second, rest) = (parts.next(), parts.next(), parts.next());
                        matches!(first, Some("thisapp" | "standalone" | "automation" | "button"))
                            || (first == Some("zoho")
                                && rest.is_none()
                                && !second.is_some_and(|w| w.starts_with("current")))
                    });
                    if !namespace {
                        if let Some(method) = lookup_method(name) {
                            self.argument_count(callee_name_tok(callee), method, args.len());
                        }
                    }
                }
                self.expr(callee, in_loop);
                for a in args {
                    self.expr(a, in_loop);
                }
            }
            ExprKind::Member { object, .. } => self.expr(object, in_loop),
            ExprKind::Unary { operand, .. } => self.expr(operand, in_loop),
            ExprKind::Binary { left, right, .. } => {
                self.expr(left, in_loop);
                self.expr(right, in_loop);
            }
            ExprKind::Map(entries) => {
                for (k, v) in entries {
                    self.expr(k, in_loop);
                    self.expr(v, in_loop);
                }
            }
            ExprKind::List(items) => {
                for i in items {
                    self.expr(i, in_loop);
                }
            }
            _ => {}
        }
    }

    fn argument_count(&mut self, tok: usize, builtin: &'static Builtin, count: usize) {
        self.used.insert(builtin.name);
        if (builtin.min..=builtin.max).contains(&count) {
            return;
        }
        let range = match (builtin.min, builtin.max) {
            (a, b) if a == b => a.to_string(),
            (a, b) => format!("{a} to {b}"),
        };
        let plural = if builtin.min == builtin.max && builtin.min == 1 { "argument" } else { "arguments" };
        let (code, shown, fix) = match builtin.kind {
            BuiltinKind::Task => (
                Code::DelugeTaskArgumentCount,
                format!("`{}`", builtin.name),
                format!("Write `{}({})`.", builtin.name, builtin.syntax),
            ),
            BuiltinKind::Method => (
                Code::DelugeMethodArgumentCount,
                format!("`.{}`", builtin.name),
                format!("Write `value.{}({})`.", builtin.name, builtin.syntax),
            ),
        };
        self.push(
            tok,
            Diagnostic::error(code, "", format!("{shown} takes {range} {plural}; this call has {count}."))
                .with_fix(fix)
                .with_source(builtin.source),
        );
    }

    fn loop_call(&mut self, tok: usize, what: &str) {
        self.push(
            tok,
            Diagnostic::warning(
                Code::DelugeCallInLoop,
                "",
                format!("`{what}` runs once per loop pass; large lists hit Deluge's statement and call limits."),
            )
            .with_fix("Collect the records first and make one bulk call (e.g. up to 100 records per insert), or keep the list small.")
            .with_source(LOOP_SOURCE),
        );
    }

    fn invokeurl(&mut self, task: &Task) {
        let mut seen: BTreeSet<&str> = BTreeSet::new();
        for p in &task.params {
            if !INVOKEURL_PARAMETERS.contains(&p.name.as_str()) {
                self.push(
                    p.tok,
                    Diagnostic::error(
                        Code::DelugeInvokeurlUnknownParameter,
                        "",
                        format!("`{}` is not an invokeurl parameter.", p.name),
                    )
                    .with_fix(format!("Use one of: {}.", INVOKEURL_PARAMETERS.join(", ")))
                    .with_source(INVOKE_SOURCE),
                );
            } else if !seen.insert(p.name.as_str()) {
                self.push(
                    p.tok,
                    Diagnostic::warning(
                        Code::DelugeInvokeurlDuplicateParameter,
                        "",
                        format!("`{}` is given more than once.", p.name),
                    )
                    .with_fix("Keep one line per parameter."),
                );
            }
        }
        let find = |name: &str| task.params.iter().find(|p| p.name == name);
        let url = find("url");
        if url.is_none() {
            self.push(
                task.tok,
                Diagnostic::error(Code::DelugeInvokeurlMissingUrl, "", "This invokeurl has no `url`.")
                    .with_fix("Add a line `url: \"https://…\"`.")
                    .with_source(INVOKE_SOURCE),
            );
        }
        if let Some(p) = find("type") {
            self.check_type(p);
        }
        if find("connection").is_none() {
            let host = url
                .and_then(|p| leading_text(&p.value))
                .and_then(|t| crate::url_text::parse(t).ok())
                .and_then(|u| u.host_str().map(str::to_string));
            if let Some(host) = host.filter(|h| !is_zoho_host(h)) {
                self.push(
                    task.tok,
                    Diagnostic::warning(
                        Code::DelugeInvokeurlNoConnection,
                        "",
                        format!("This call to `{host}` has no `connection`."),
                    )
                    .with_fix("Add `connection: \"<link name>\"` so Deluge authorizes the call, unless the API takes no authorization or you send a key in `headers`.")
                    .with_source("deluge-connections"),
                );
            }
        }
        let json = find("content-type").is_some_and(|p| is_json_type(&p.value))
            || find("headers").is_some_and(|p| match &p.value.kind {
                ExprKind::Name(n) => self.json_maps.contains(n),
                _ => literal_has_json_type(&p.value),
            });
        for name in ["parameters", "body"] {
            let Some(p) = find(name) else { continue };
            let is_map = match &p.value.kind {
                ExprKind::Name(n) => self.maps.contains(n),
                _ => is_map_value(&p.value),
            };
            if json && is_map {
                self.push(
                    p.tok,
                    Diagnostic::warning(
                        Code::DelugeInvokeurlJsonMapWithoutTostring,
                        "",
                        format!("A map is sent as `{name}` with a JSON content type but without `.toString()`."),
                    )
                    .with_fix("Send the map as JSON text: `parameters: payload.toString()`.")
                    .with_source(JSON_SOURCE),
                );
            }
        }
    }

    fn check_type(&mut self, p: &Param) {
        let value = match &p.value.kind {
            ExprKind::Name(n) => n.as_str(),
            ExprKind::Text(t) => t.as_str(),
            _ => return,
        };
        if !INVOKEURL_TYPES.iter().any(|t| t.eq_ignore_ascii_case(value)) {
            self.push(
                p.value.tok,
                Diagnostic::error(Code::DelugeInvokeurlBadType, "", format!("`{value}` is not an invokeurl type."))
                    .with_fix("Use GET, POST, PUT, PATCH or DELETE (GET when the line is left out).")
                    .with_source(INVOKE_SOURCE),
            );
        }
    }
}
