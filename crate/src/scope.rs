//! Zoho OAuth scopes: the grammar, a sourced catalogue of the ZohoCRM scope families, and the checks an admin
//! needs ("did you mean", deprecated and unverified scopes, duplicates, redundancies, delimiters, scopes that are
//! usually needed together).
//!
//! Grammar: `Service.scope.OPERATION` or `Service.scope.sub.OPERATION` (docs/facts.md §3: ACC scope.html; CRM-v8
//! insert-records.html), with the operation one of ALL, READ, CREATE, UPDATE, DELETE, WRITE, CUSTOM (CRM-v6
//! select-api-scopes.html). Zoho's own samples mix the case of the operation, so another case is accepted with a
//! note.
//!
//! ```
//! use zoho_connector_kit::scope::{check_scopes, parse, Operation};
//!
//! let scope = parse("ZohoCRM.modules.leads.READ").unwrap();
//! assert_eq!((scope.family.as_str(), scope.sub.as_deref(), scope.operation), ("modules", Some("leads"), Operation::Read));
//!
//! let items = vec![("scopes[0]".to_string(), "ZohoCRM.module.ALL".to_string())];
//! let found = check_scopes(&items);
//! assert_eq!(found[0].code, "scope.unknown_family");
//! assert!(found[0].message.contains("did you mean `ZohoCRM.modules.ALL`"));
//! ```

use crate::code::Code;
use crate::diagnostic::Diagnostic;
use serde::Serialize;

/// Services whose scopes appear in the sources (docs/facts.md §3: the ZohoCRM families and "Other services").
pub const ZOHO_SERVICES: [&str; 10] = [
    "ZohoCRM",
    "Desk",
    "ZohoProjects",
    "ZohoBooks",
    "ZohoCliq",
    "ZohoBigin",
    "Aaaserver",
    "ZohoFiles",
    "ZohoSearch",
    "profile",
];

const GRAMMAR_SRC: &str = "zoho-accounts-scopes";
const OPS_SRC: &str = "zoho-crm-v6-select-api-scopes";
const CASE_SRC: &str = "zoho-crm-javascript-sdk-6-cors-sample";
const SDK_USER_SRC: &str = "zoho-crm-python-sdk-8-readme";
const COQL_SRC: &str = "zoho-crm-javascript-sdk-6-cors-sample";
const FIELDS_SRC: &str = "zoho-crm-v2-scopes";

/// A scope operation (docs/facts.md §3: CRM-v6 select-api-scopes.html).
///
/// ```
/// use zoho_connector_kit::scope::Operation;
/// assert!(Operation::Write.covers(Operation::Delete));
/// assert!(!Operation::Read.covers(Operation::All));
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "UPPERCASE")]
pub enum Operation {
    /// Everything.
    All,
    /// Read.
    Read,
    /// Create.
    Create,
    /// Update.
    Update,
    /// Delete.
    Delete,
    /// CREATE + UPDATE + DELETE.
    Write,
    /// Custom operations.
    Custom,
}

impl Operation {
    /// Every operation with its canonical (uppercase) name.
    pub const NAMES: [(&'static str, Operation); 7] = [
        ("ALL", Operation::All),
        ("READ", Operation::Read),
        ("CREATE", Operation::Create),
        ("UPDATE", Operation::Update),
        ("DELETE", Operation::Delete),
        ("WRITE", Operation::Write),
        ("CUSTOM", Operation::Custom),
    ];

    /// The canonical name.
    ///
    /// ```
    /// assert_eq!(zoho_connector_kit::scope::Operation::Write.as_str(), "WRITE");
    /// ```
    pub fn as_str(self) -> &'static str {
        Self::NAMES.iter().find(|(_, op)| *op == self).map_or("ALL", |(n, _)| n)
    }

    /// Whether a scope with this operation grants what one with `other` grants: ALL covers every operation,
    /// WRITE covers CREATE, UPDATE and DELETE (CRM-v6 select-api-scopes.html).
    ///
    /// ```
    /// use zoho_connector_kit::scope::Operation;
    /// assert!(Operation::All.covers(Operation::Custom) && Operation::Read.covers(Operation::Read));
    /// ```
    pub fn covers(self, other: Operation) -> bool {
        self == other
            || self == Operation::All
            || (self == Operation::Write && matches!(other, Operation::Create | Operation::Update | Operation::Delete))
    }
}

/// One parsed scope.
///
/// ```
/// let s = zoho_connector_kit::scope::parse("ZohoCRM.settings.read").unwrap();
/// assert_eq!(s.operation_text, "read");
/// assert_eq!(s.canonical(), "ZohoCRM.settings.READ");
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Scope {
    /// `ZohoCRM`, `Desk`, …
    pub service: String,
    /// The scope name (`modules`, `settings`, …).
    pub family: String,
    /// The sub-scope (`leads` in `ZohoCRM.modules.leads.READ`).
    pub sub: Option<String>,
    /// The operation.
    pub operation: Operation,
    /// The operation as written.
    pub operation_text: String,
}

impl Scope {
    /// The scope with its operation in uppercase.
    ///
    /// ```
    /// assert_eq!(zoho_connector_kit::scope::parse("Desk.tickets.all").unwrap().canonical(), "Desk.tickets.ALL");
    /// ```
    pub fn canonical(&self) -> String {
        match &self.sub {
            Some(sub) => format!("{}.{}.{}.{}", self.service, self.family, sub, self.operation.as_str()),
            None => format!("{}.{}.{}", self.service, self.family, self.operation.as_str()),
        }
    }

    /// Whether this scope grants everything `other` grants (same service and family; no sub, or the same sub;
    /// an operation that covers the other's).
    ///
    /// ```
    /// use zoho_connector_kit::scope::parse;
    /// let all = parse("ZohoCRM.modules.ALL").unwrap();
    /// assert!(all.covers(&parse("ZohoCRM.modules.leads.READ").unwrap()));
    /// assert!(!parse("ZohoCRM.modules.READ").unwrap().covers(&parse("ZohoCRM.modules.leads.ALL").unwrap()));
    /// ```
    pub fn covers(&self, other: &Scope) -> bool {
        self.service.eq_ignore_ascii_case(&other.service)
            && self.family.eq_ignore_ascii_case(&other.family)
            && match (&self.sub, &other.sub) {
                (None, _) => true,
                (Some(a), Some(b)) => a.eq_ignore_ascii_case(b),
                (Some(_), None) => false,
            }
            && self.operation.covers(other.operation)
    }

    fn key(&self) -> String {
        self.canonical().to_ascii_lowercase()
    }
}

/// Why a scope cannot be read.
///
/// ```
/// use zoho_connector_kit::scope::{parse, ScopeError};
/// assert!(matches!(parse("ZohoCRM.modules"), Err(ScopeError::Grammar { .. })));
/// assert!(matches!(parse("ZohoCRM.modules.VIEW"), Err(ScopeError::UnknownOperation { .. })));
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ScopeError {
    /// Not `Service.scope.OPERATION` / `Service.scope.sub.OPERATION`.
    Grammar {
        /// What is wrong, in one phrase.
        reason: String,
    },
    /// The last part is not an operation.
    UnknownOperation {
        /// The last part as written.
        operation: String,
    },
}

/// Parses one scope.
///
/// ```
/// use zoho_connector_kit::scope::{parse, Operation};
/// assert_eq!(parse("ZohoCRM.mass_update.Leads.UPDATE").unwrap().operation, Operation::Update);
/// assert!(parse("ZohoCRM..READ").is_err());
/// ```
pub fn parse(text: &str) -> Result<Scope, ScopeError> {
    let text = text.trim();
    let parts: Vec<&str> = text.split('.').collect();
    if let Some(bad) = parts.iter().find(|p| p.is_empty() || !p.chars().all(|c| c.is_ascii_alphanumeric() || c == '_'))
    {
        let reason = if bad.is_empty() {
            "it has an empty part (two dots in a row, or a dot at an end)".to_string()
        } else {
            format!("`{bad}` holds a character other than letters, digits and `_`")
        };
        return Err(ScopeError::Grammar { reason });
    }
    let (service, family, sub, op) = match parts.as_slice() {
        [service, family, op] => (*service, *family, None, *op),
        [service, family, sub, op] => (*service, *family, Some(*sub), *op),
        [_] => return Err(ScopeError::Grammar { reason: "it has no dots".into() }),
        [_, _] => return Err(ScopeError::Grammar { reason: "it has only two parts; the operation is missing".into() }),
        _ => {
            return Err(ScopeError::Grammar { reason: format!("it has {} parts; at most 4 are allowed", parts.len()) })
        }
    };
    let operation = Operation::NAMES
        .iter()
        .find(|(name, _)| name.eq_ignore_ascii_case(op))
        .map(|(_, o)| *o)
        .ok_or_else(|| ScopeError::UnknownOperation { operation: op.to_string() })?;
    Ok(Scope {
        service: service.to_string(),
        family: family.to_string(),
        sub: sub.map(str::to_string),
        operation,
        operation_text: op.to_string(),
    })
}

/// True when the text looks like a Zoho scope: a known service, or `Zoho…`, then a dot.
///
/// ```
/// assert!(zoho_connector_kit::scope::is_zoho_scope("Desk.tickets.READ"));
/// assert!(zoho_connector_kit::scope::is_zoho_scope("ZohoInventory.items.READ"));
/// assert!(!zoho_connector_kit::scope::is_zoho_scope("read_products"));
/// ```
pub fn is_zoho_scope(text: &str) -> bool {
    let Some((service, rest)) = text.trim().split_once('.') else { return false };
    !rest.is_empty()
        && (ZOHO_SERVICES.iter().any(|s| s.eq_ignore_ascii_case(service))
            || service.get(..4).is_some_and(|p| p.eq_ignore_ascii_case("zoho")))
}

/// One ZohoCRM scope family of the catalogue.
///
/// ```
/// let f = zoho_connector_kit::scope::crm_family("settings").unwrap();
/// assert!(f.subs.contains(&"fields"));
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Family {
    /// The scope name (`modules`).
    pub name: &'static str,
    /// Known sub-scopes.
    pub subs: &'static [&'static str],
    /// Whether the sub-scope is a module API name (any module is accepted).
    pub any_module_sub: bool,
    /// Where it comes from.
    pub source: &'static str,
}

const SETTINGS_SUBS: &[&str] = &[
    "territories",
    "custom_views",
    "related_lists",
    "modules",
    "variables",
    "tags",
    "tab_groups",
    "fields",
    "layouts",
    "macros",
    "custom_links",
    "custom_buttons",
    "roles",
    "profiles",
    "currencies",
    "assignment_rules",
    "audit_logs",
    "business_hours",
    "clientportal",
    "emails",
    "fiscal_year",
    "global_picklist",
    "intelligence",
    "map_dependency",
    "pipeline",
    "record_locking_configurations",
    "recycle_bin",
    "storage_analytics",
    "unsubscribe",
    "user_groups",
    "users_unavailability",
    "variable_groups",
    "wizards",
];

/// The standard Zoho CRM modules, lower case without separators, as the `ZohoCRM.modules.*` scopes name them
/// (Meetings is `events`). The webhook check reads the same list.
pub(crate) const STANDARD_MODULES: [&str; 17] = [
    "leads",
    "accounts",
    "contacts",
    "deals",
    "campaigns",
    "tasks",
    "cases",
    "events",
    "calls",
    "solutions",
    "products",
    "vendors",
    "pricebooks",
    "quotes",
    "salesorders",
    "purchaseorders",
    "invoices",
];

/// `STANDARD_MODULES`, then the other module scopes.
const MODULE_SUBS: &[&str] = &join::<26>(
    &STANDARD_MODULES,
    &[
        "custom",
        "dashboards",
        "notes",
        "approvals",
        "appointments",
        "appointments_rescheduled_history",
        "services",
        "attachments",
        "emails",
    ],
);

/// `a` then `b`, as one array of `N` (a compile error unless `N` is their total length).
const fn join<const N: usize>(a: &[&'static str], b: &[&'static str]) -> [&'static str; N] {
    assert!(a.len() + b.len() == N, "join: N is not the total length");
    let mut out = [""; N];
    let mut i = 0;
    while i < N {
        out[i] = if i < a.len() { a[i] } else { b[i - a.len()] };
        i += 1;
    }
    out
}

/// The ZohoCRM scope families (docs/facts.md §3).
pub static CRM_FAMILIES: [Family; 15] = [
    Family { name: "users", subs: &[], any_module_sub: false, source: "zoho-crm-v2-scopes" },
    Family { name: "org", subs: &[], any_module_sub: false, source: "zoho-crm-v2-scopes" },
    Family { name: "settings", subs: SETTINGS_SUBS, any_module_sub: false, source: "zoho-crm-v2-scopes" },
    Family { name: "modules", subs: MODULE_SUBS, any_module_sub: false, source: "zoho-crm-v2-scopes" },
    Family { name: "coql", subs: &[], any_module_sub: false, source: COQL_SRC },
    Family { name: "bulk", subs: &["backup"], any_module_sub: false, source: "zoho-crm-oas-common" },
    Family { name: "notifications", subs: &[], any_module_sub: false, source: "zoho-crm-v7-notifications-enable" },
    Family { name: "files", subs: &[], any_module_sub: false, source: "zoho-crm-oas-common" },
    Family { name: "mass_update", subs: &[], any_module_sub: true, source: "zoho-crm-javascript-sdk-6-cors-sample" },
    Family { name: "mass_convert", subs: &[], any_module_sub: true, source: "zoho-crm-oas-common" },
    Family { name: "share", subs: &[], any_module_sub: true, source: "zoho-crm-oas-common" },
    Family {
        name: "templates",
        subs: &["email", "inventory"],
        any_module_sub: false,
        source: "zoho-crm-javascript-sdk-6-cors-sample",
    },
    Family {
        name: "send_mail",
        subs: &["all"],
        any_module_sub: false,
        source: "zoho-crm-javascript-sdk-6-cors-sample",
    },
    Family {
        name: "functions",
        subs: &["execute"],
        any_module_sub: false,
        source: "zoho-crm-javascript-sdk-6-cors-sample",
    },
    Family { name: "zia", subs: &["enrichment"], any_module_sub: false, source: "zoho-crm-oas-common" },
];

/// The catalogue entry of a ZohoCRM family (exact name).
///
/// ```
/// assert!(zoho_connector_kit::scope::crm_family("modules").is_some());
/// assert!(zoho_connector_kit::scope::crm_family("module").is_none());
/// ```
pub fn crm_family(name: &str) -> Option<&'static Family> {
    CRM_FAMILIES.iter().find(|f| f.name == name)
}

/// Edit distance of two scope words: [`crate::text_distance::edit_distance`], kept here for callers of this module.
///
/// ```
/// use zoho_connector_kit::scope::edit_distance;
/// assert_eq!(edit_distance("leeds", "leads"), 1);
/// assert_eq!(edit_distance("feilds", "fields"), 1);
/// assert_eq!(edit_distance("READ", "read"), 0);
/// ```
pub use crate::text_distance::edit_distance;

/// The closest candidate within a small edit distance (1 for words of up to 4 letters, else 2), if any.
///
/// ```
/// use zoho_connector_kit::scope::did_you_mean;
/// assert_eq!(did_you_mean("setings", ["settings", "users"]), Some("settings"));
/// assert_eq!(did_you_mean("xyz", ["settings"]), None);
/// ```
pub fn did_you_mean<'a>(word: &str, candidates: impl IntoIterator<Item = &'a str>) -> Option<&'a str> {
    let limit = if word.len() <= 4 { 1 } else { 2 };
    candidates
        .into_iter()
        .map(|c| (edit_distance(word, c), c))
        .filter(|(d, _)| *d <= limit)
        .min_by_key(|(d, _)| *d)
        .map(|(_, c)| c)
}

fn rebuild(scope: &Scope, service: &str, family: &str, sub: Option<&str>) -> String {
    let op = scope.operation.as_str();
    match sub {
        Some(sub) => format!("{service}.{family}.{sub}.{op}"),
        None => format!("{service}.{family}.{op}"),
    }
}

/// Checks a list of scopes given as `(path, scope)` pairs (each path like `scopes[2]`): grammar, operation,
/// service and ZohoCRM catalogue, deprecated and unverified scopes, duplicates, redundancies, and scopes usually
/// needed together.
///
/// ```
/// use zoho_connector_kit::scope::check_scopes;
/// let items: Vec<(String, String)> = ["ZohoCRM.modules.ALL", "ZohoCRM.modules.leads.READ", "ZohoCRM.modules.ALL"]
///     .iter().enumerate().map(|(i, s)| (format!("scopes[{i}]"), s.to_string())).collect();
/// let codes: Vec<(String, String)> = check_scopes(&items).into_iter().map(|d| (d.code.to_string(), d.path)).collect();
/// assert!(codes.contains(&("scope.redundant".into(), "scopes[1]".into())));
/// assert!(codes.contains(&("scope.duplicate".into(), "scopes[2]".into())));
/// ```
pub fn check_scopes(items: &[(String, String)]) -> Vec<Diagnostic> {
    let mut out = Vec::new();
    let mut parsed: Vec<(&str, Scope)> = Vec::new();
    for (path, text) in items {
        let text = text.trim();
        match parse(text) {
            Ok(scope) => {
                check_one(path, text, &scope, &mut out);
                parsed.push((path, scope));
            }
            Err(ScopeError::Grammar { reason }) => out.push(grammar_error(path, text, &reason)),
            Err(ScopeError::UnknownOperation { operation }) => out.push(unknown_operation(path, text, &operation)),
        }
    }
    check_duplicates(&parsed, &mut out);
    check_together(&parsed, &mut out);
    out
}

fn grammar_error(path: &str, text: &str, reason: &str) -> Diagnostic {
    Diagnostic::error(
        Code::ScopeGrammar,
        path,
        format!("`{text}` is not a Zoho scope: {reason}."),
    )
    .with_fix("Write Service.scope.OPERATION or Service.scope.sub.OPERATION, e.g. ZohoCRM.modules.ALL or ZohoCRM.modules.leads.READ.")
    .with_source(GRAMMAR_SRC)
}

fn unknown_operation(path: &str, text: &str, op: &str) -> Diagnostic {
    let names = Operation::NAMES.map(|(n, _)| n);
    let (prefix, _) = text.rsplit_once('.').unwrap_or((text, ""));
    // `ZohoCRM.modules.leads`: the operation is missing rather than misspelt.
    let looks_like_sub = CRM_FAMILIES.iter().any(|f| f.subs.iter().any(|s| s.eq_ignore_ascii_case(op)));
    let (message, fix) = if looks_like_sub {
        (
            format!("`{text}` has no operation: `{op}` is a sub-scope, not an operation."),
            format!("Add the operation, e.g. {text}.READ or {text}.ALL."),
        )
    } else if let Some(best) = did_you_mean(op, names) {
        (
            format!("`{op}` is not a scope operation in `{text}`; did you mean `{prefix}.{best}`?"),
            format!("Use {prefix}.{best}."),
        )
    } else {
        (
            format!("`{op}` is not a scope operation in `{text}`."),
            "End the scope with one of ALL, READ, CREATE, UPDATE, DELETE, WRITE, CUSTOM.".to_string(),
        )
    };
    Diagnostic::error(Code::ScopeUnknownOperation, path, message).with_fix(fix).with_source(OPS_SRC)
}

fn check_one(path: &str, text: &str, scope: &Scope, out: &mut Vec<Diagnostic>) {
    if scope.operation_text != scope.operation.as_str() {
        out.push(
            Diagnostic::info(
                Code::ScopeOperationCase,
                path,
                format!(
                    "`{text}` writes the operation as `{}`; Zoho documents `{}`, though its own samples mix the case and it is accepted.",
                    scope.operation_text,
                    scope.operation.as_str()
                ),
            )
            .with_fix(format!("Prefer {}.", scope.canonical()))
            .with_source(CASE_SRC),
        );
    }
    let service = scope.service.as_str();
    if service == "ZohoCRM" {
        check_crm(path, text, scope, out);
        return;
    }
    if ZOHO_SERVICES.contains(&service) {
        return;
    }
    let suggestion = ZOHO_SERVICES
        .iter()
        .find(|s| s.eq_ignore_ascii_case(service))
        .copied()
        .or_else(|| did_you_mean(service, ZOHO_SERVICES));
    if let Some(best) = suggestion {
        let fixed = rebuild(scope, best, &scope.family, scope.sub.as_deref());
        out.push(
            Diagnostic::warning(
                Code::ScopeUnknownService,
                path,
                format!("`{service}` is not a Zoho service name in `{text}`; did you mean `{fixed}`?"),
            )
            .with_fix(format!("Use {fixed}."))
            .with_source("zoho-crm-v2-scopes"),
        );
    }
}

fn check_crm(path: &str, text: &str, scope: &Scope, out: &mut Vec<Diagnostic>) {
    let family_name = scope.family.as_str();
    let Some(family) = crm_family(family_name) else {
        let names = CRM_FAMILIES.iter().map(|f| f.name);
        let best = CRM_FAMILIES
            .iter()
            .map(|f| f.name)
            .find(|n| n.eq_ignore_ascii_case(family_name))
            .or_else(|| did_you_mean(family_name, names));
        let d = match best {
            Some(best) => {
                let fixed = rebuild(scope, "ZohoCRM", best, scope.sub.as_deref());
                Diagnostic::warning(
                    Code::ScopeUnknownFamily,
                    path,
                    format!("`{family_name}` is not a ZohoCRM scope name in `{text}`; did you mean `{fixed}`?"),
                )
                .with_fix(format!("Use {fixed}."))
            }
            None => Diagnostic::info(
                Code::ScopeUnknownFamily,
                path,
                format!("`{family_name}` is not in the sourced catalogue of ZohoCRM scopes, so `{text}` was not checked further."),
            )
            .with_fix("Check the scope name on Zoho's CRM scopes page; Zoho refuses unknown scopes at authorization."),
        };
        out.push(d.with_source("zoho-crm-v2-scopes"));
        return;
    };
    let Some(sub) = scope.sub.as_deref() else { return };
    if family.name == "modules" && sub.eq_ignore_ascii_case("activities") {
        out.push(
            Diagnostic::error(
                Code::ScopeDeprecated,
                path,
                format!("`{text}`: the Activities module scope was deprecated in API v3; Zoho answers OAUTH_SCOPE_MISMATCH."),
            )
            .with_fix(format!(
                "Use the scopes of the activity modules instead: ZohoCRM.modules.tasks.{op}, ZohoCRM.modules.events.{op}, ZohoCRM.modules.calls.{op}.",
                op = scope.operation.as_str()
            ))
            .with_source("zoho-crm-v6-select-api-scopes"),
        );
        return;
    }
    if family.name == "modules" && sub.eq_ignore_ascii_case("visits") {
        out.push(
            Diagnostic::warning(
                Code::ScopeUnverified,
                path,
                format!("`{text}`: Visits is a CRM module, but no Zoho scope list includes `visits`."),
            )
            .with_fix("Check the scope on Zoho's CRM scopes page before relying on it; ZohoCRM.modules.ALL covers every module.")
            .with_source("zoho-crm-v2-scopes"),
        );
        return;
    }
    if family.any_module_sub || family.subs.iter().any(|s| s.eq_ignore_ascii_case(sub)) {
        return;
    }
    if family.subs.is_empty() {
        out.push(
            Diagnostic::info(
                Code::ScopeUnknownSub,
                path,
                format!(
                    "No source shows a sub-scope under ZohoCRM.{}, so `{text}` was not checked further.",
                    family.name
                ),
            )
            .with_fix(format!(
                "Check the scope; the sourced form is ZohoCRM.{}.{}.",
                family.name,
                scope.operation.as_str()
            ))
            .with_source(family.source),
        );
        return;
    }
    let d = match did_you_mean(sub, family.subs.iter().copied()) {
        Some(best) => {
            let fixed = rebuild(scope, "ZohoCRM", family.name, Some(best));
            Diagnostic::warning(
                Code::ScopeUnknownSub,
                path,
                format!("`{sub}` is not a known ZohoCRM.{} scope in `{text}`; did you mean `{fixed}`?", family.name),
            )
            .with_fix(format!("Use {fixed}."))
        }
        None => {
            let hint =
                if family.name == "modules" { " Custom modules use ZohoCRM.modules.custom.<operation>." } else { "" };
            Diagnostic::info(
                Code::ScopeUnknownSub,
                path,
                format!(
                    "`{sub}` is not in the sourced list of ZohoCRM.{} scopes, so `{text}` was not checked further.",
                    family.name
                ),
            )
            .with_fix(format!("Check the scope on Zoho's CRM scopes page.{hint}"))
        }
    };
    out.push(d.with_source(family.source));
}

fn check_duplicates(parsed: &[(&str, Scope)], out: &mut Vec<Diagnostic>) {
    for (i, (path, scope)) in parsed.iter().enumerate() {
        let earlier = parsed.get(..i).unwrap_or_default();
        if let Some((first, _)) = earlier.iter().find(|(_, s)| s.key() == scope.key()) {
            out.push(
                Diagnostic::warning(
                    Code::ScopeDuplicate,
                    *path,
                    format!("`{}` is already asked for at {first}.", scope.canonical()),
                )
                .with_fix("Remove the repeated scope."),
            );
            continue;
        }
        let others = parsed.iter().enumerate().filter(|(j, (_, s))| *j != i && s.key() != scope.key());
        if let Some((_, (by_path, by))) = others.into_iter().find(|(_, (_, s))| s.covers(scope)) {
            out.push(
                Diagnostic::info(
                    Code::ScopeRedundant,
                    *path,
                    format!("`{}` is already granted by `{}` ({by_path}).", scope.canonical(), by.canonical()),
                )
                .with_fix(format!(
                    "Remove {} unless you mean to narrow the access, in which case remove {} instead.",
                    scope.canonical(),
                    by.canonical()
                ))
                .with_source(OPS_SRC),
            );
        }
    }
}

fn grants(parsed: &[(&str, Scope)], wanted: &str) -> bool {
    parse(wanted).is_ok_and(|w| parsed.iter().any(|(_, s)| s.covers(&w)))
}

fn check_together(parsed: &[(&str, Scope)], out: &mut Vec<Diagnostic>) {
    let crm: Vec<&(&str, Scope)> = parsed.iter().filter(|(_, s)| s.service == "ZohoCRM").collect();
    let Some((first_path, _)) = crm.first() else { return };
    let reads_records = crm.iter().find(|(_, s)| {
        s.family.eq_ignore_ascii_case("modules") && matches!(s.operation, Operation::All | Operation::Read)
    });
    let any_records = crm.iter().find(|(_, s)| s.family.eq_ignore_ascii_case("modules"));
    if let Some((path, _)) = any_records {
        if !grants(parsed, "ZohoCRM.settings.fields.READ") {
            out.push(
                Diagnostic::info(
                    Code::ScopeSuggestFieldsRead,
                    *path,
                    "Record APIs usually go with field metadata (API names, data types), which needs ZohoCRM.settings.fields.READ.",
                )
                .with_fix("Add ZohoCRM.settings.fields.READ if the connection reads or maps fields.")
                .with_source(FIELDS_SRC),
            );
        }
    }
    if let Some((path, _)) = reads_records {
        if !crm.iter().any(|(_, s)| s.family.eq_ignore_ascii_case("coql")) {
            out.push(
                Diagnostic::info(
                    Code::ScopeSuggestCoqlRead,
                    *path,
                    "COQL queries need ZohoCRM.coql.READ besides the module scopes.",
                )
                .with_fix("Add ZohoCRM.coql.READ if the connection runs COQL queries.")
                .with_source(COQL_SRC),
            );
        }
    }
    let users = grants(parsed, "ZohoCRM.users.READ");
    let org = grants(parsed, "ZohoCRM.org.READ");
    if users != org {
        let missing = if users { "ZohoCRM.org.READ" } else { "ZohoCRM.users.READ" };
        out.push(
            Diagnostic::info(
                Code::ScopeSuggestUsersOrg,
                *first_path,
                format!("The official SDKs' user lookup needs both ZohoCRM.users.READ and ZohoCRM.org.READ; {missing} is missing."),
            )
            .with_fix(format!("Add {missing} if the connection is used with Zoho's SDKs.")),
        );
        if let Some(last) = out.last_mut() {
            last.source = Some(SDK_USER_SRC.into());
        }
    }
}

/// Checks how scopes are delimited. For a list: items that hold several scopes, or none. For one string: separators
/// other than `delimiter` (whitespace next to the delimiter is padding). With `zoho` set: Zoho expects commas.
///
/// ```
/// use zoho_connector_kit::authorization::ScopesInput;
/// use zoho_connector_kit::scope::check_delimiters;
/// let text = ScopesInput::Text("ZohoCRM.modules.ALL ZohoCRM.users.READ".into());
/// assert_eq!(check_delimiters(&text, ',', true)[0].code, "scope.delimiter_mismatch");
/// assert!(check_delimiters(&ScopesInput::Text("a.b.ALL, c.d.READ".into()), ',', true).is_empty());
/// ```
pub fn check_delimiters(scopes: &crate::authorization::ScopesInput, delimiter: char, zoho: bool) -> Vec<Diagnostic> {
    use crate::authorization::ScopesInput;
    let mut out = Vec::new();
    let name = |c: char| match c {
        ',' => "comma",
        '+' => "plus",
        _ => "space",
    };
    match scopes {
        ScopesInput::List(items) => {
            for (i, item) in items.iter().enumerate() {
                let t = item.trim();
                if t.is_empty() {
                    out.push(
                        Diagnostic::warning(Code::ScopeEmptyItem, format!("scopes[{i}]"), "This scope is empty.")
                            .with_fix("Remove the empty item."),
                    );
                } else if t.contains(|c: char| c == ',' || c == '+' || c.is_whitespace()) {
                    out.push(
                        Diagnostic::error(
                            Code::ScopeItemHasDelimiter,
                            format!("scopes[{i}]"),
                            format!("`{t}` holds several scopes in one list item."),
                        )
                        .with_fix("Give one scope per list item.")
                        .with_source("zoho-writer-custom-service"),
                    );
                }
            }
        }
        ScopesInput::Text(text) => {
            let mut found: Vec<char> = Vec::new();
            for run in separator_runs(text.trim()) {
                let ok = run.contains(&delimiter) && run.iter().all(|c| *c == delimiter || c.is_whitespace());
                if !ok {
                    let shown = run.iter().find(|c| !c.is_whitespace()).copied().unwrap_or(' ');
                    if !found.contains(&shown) {
                        found.push(shown);
                    }
                }
            }
            if !found.is_empty() {
                let kinds: Vec<&str> = found.iter().map(|c| name(*c)).collect();
                out.push(
                    Diagnostic::warning(
                        Code::ScopeDelimiterMismatch,
                        "scopes",
                        format!(
                            "The scopes are separated by {} but scopeDelimiter is {}: the provider would receive them glued together.",
                            kinds.join(" and "),
                            name(delimiter)
                        ),
                    )
                    .with_fix(format!(
                        "Separate the scopes with the {} delimiter only, or set scopeDelimiter to match.",
                        name(delimiter)
                    ))
                    .with_source("zoho-writer-custom-service"),
                );
            }
        }
    }
    let count = scopes.to_list().len();
    if zoho && delimiter != ',' && count > 1 {
        out.push(
            Diagnostic::warning(
                Code::ScopeZohoDelimiter,
                "scopeDelimiter",
                format!("Zoho's accounts server expects scopes separated by commas, not by {}.", name(delimiter)),
            )
            .with_fix("Set scopeDelimiter to comma.")
            .with_source("zoho-accounts-authorization"),
        );
    }
    out
}

/// The separator runs between scopes: each a list of the separator characters found there.
fn separator_runs(text: &str) -> Vec<Vec<char>> {
    let mut runs = Vec::new();
    let mut current: Vec<char> = Vec::new();
    for c in text.chars() {
        if c == ',' || c == '+' || c.is_whitespace() {
            current.push(c);
        } else if !current.is_empty() {
            runs.push(std::mem::take(&mut current));
        }
    }
    runs
}

#[cfg(test)]
mod tests {
    use super::*;

    fn codes(list: &[&str]) -> Vec<(Code, String)> {
        let items: Vec<(String, String)> =
            list.iter().enumerate().map(|(i, s)| (format!("scopes[{i}]"), s.to_string())).collect();
        check_scopes(&items).into_iter().map(|d| (d.code, d.path)).collect()
    }

    #[test]
    fn typo_in_module_suggests_the_module() {
        let items = vec![("scopes[0]".to_string(), "ZohoCRM.modules.leeds.READ".to_string())];
        let d = check_scopes(&items);
        assert_eq!(d[0].code, Code::ScopeUnknownSub);
        assert!(d[0].message.contains("ZohoCRM.modules.leads.READ"), "{}", d[0].message);
    }

    #[test]
    fn write_makes_create_redundant_but_not_read() {
        let found = codes(&["ZohoCRM.settings.WRITE", "ZohoCRM.settings.CREATE", "ZohoCRM.settings.READ"]);
        assert!(found.contains(&(Code::ScopeRedundant, "scopes[1]".into())));
        assert!(!found.iter().any(|(c, p)| *c == Code::ScopeRedundant && p == "scopes[2]"));
    }

    #[test]
    fn missing_operation_on_a_module_is_explained() {
        let items = vec![("scopes[0]".to_string(), "ZohoCRM.modules.leads".to_string())];
        let d = check_scopes(&items);
        assert_eq!(d[0].code, Code::ScopeUnknownOperation);
        assert!(d[0].fix.contains("ZohoCRM.modules.leads.READ"), "{}", d[0].fix);
    }

    #[test]
    fn plus_delimited_text_with_plus_delimiter_is_clean_for_an_external_provider() {
        let s = crate::authorization::ScopesInput::Text("read_orders+write_orders".into());
        assert!(check_delimiters(&s, '+', false).is_empty());
        assert_eq!(check_delimiters(&s, ' ', false)[0].code, Code::ScopeDelimiterMismatch);
    }
}
