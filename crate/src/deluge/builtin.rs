//! The catalogue of Deluge built-ins the checker knows: integration tasks (`zoho.crm.*`, `zoho.books.*`,
//! `zoho.desk.*`) and text, list, map and date methods, each with the number of arguments Zoho's Deluge help gives
//! and the help page (a registry id of `crate/data/sources.json`). A built-in whose argument count could not be
//! read from a Zoho page is left out: the checker says nothing about it rather than guess.
//!
//! Only the argument counts live here (they ship in the Wasm). The sentences an admin reads about a built-in (what
//! it does) are in `crate/data/deluge-builtins.json`, shipped beside the module like `sources.json`
//! (`zoho-connector-kit/deluge-builtins.json`, `extension/dist/deluge-builtins.json`); `crate/tests/deluge_builtins.rs`
//! fails when the two disagree. [`describe`] reads that file for Rust callers.
//!
//! A method is checked by its name alone, because the checker does not know the type of the value it is called
//! on: its range is the widest any documented type allows, so a right call is never flagged.
//!
//! ```
//! use zoho_connector_kit::deluge::builtin::{lookup_method, lookup_task};
//! let t = lookup_task("zoho.books.updateRecord").unwrap();
//! assert_eq!((t.min, t.max), (4, 5));
//! assert_eq!(lookup_method("subString").unwrap().max, 2);
//! assert!(lookup_task("zoho.crm.myOwnThing").is_none());
//! ```

use serde::{Deserialize, Serialize};

/// Whether a built-in is called by its full dotted name or as a method on a value.
///
/// ```
/// use zoho_connector_kit::deluge::builtin::{BuiltinKind, lookup_method};
/// assert_eq!(lookup_method("put").unwrap().kind, BuiltinKind::Method);
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum BuiltinKind {
    /// `zoho.crm.getRecords(…)`: the name is the whole dotted callee.
    Task,
    /// `text.subString(…)`: the name follows a `.` on any value; the value is not counted as an argument.
    Method,
}

/// One built-in with its argument count range and syntax, from Zoho's Deluge help.
///
/// ```
/// let t = zoho_connector_kit::deluge::builtin::lookup_task("zoho.crm.getRecordById").unwrap();
/// assert!(t.min <= t.max);
/// assert!(zoho_connector_kit::source::describe(t.source).contains("https://www.zoho.com/"));
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Builtin {
    /// The name as Zoho writes it (`zoho.crm.getRecords`, `subString`); matched in any letter case.
    pub name: &'static str,
    /// Task or method.
    pub kind: BuiltinKind,
    /// Fewest arguments.
    pub min: usize,
    /// Most arguments.
    pub max: usize,
    /// The arguments in order, optional ones in `[ ]` (a method's value is not among them).
    pub syntax: &'static str,
    /// The Zoho help page (registry id).
    pub source: &'static str,
}

const fn task(name: &'static str, min: usize, max: usize, syntax: &'static str, source: &'static str) -> Builtin {
    Builtin { name, kind: BuiltinKind::Task, min, max, syntax, source }
}

const fn method(name: &'static str, min: usize, max: usize, syntax: &'static str, source: &'static str) -> Builtin {
    Builtin { name, kind: BuiltinKind::Method, min, max, syntax, source }
}

/// Every built-in of the catalogue (docs/deluge-grammar.md lists them with what each page says).
///
/// ```
/// use zoho_connector_kit::deluge::builtin::BUILTINS;
/// assert!(BUILTINS.iter().any(|b| b.name == "zoho.desk.getRecordById"));
/// assert!(BUILTINS.iter().all(|b| b.min <= b.max));
/// ```
pub const BUILTINS: [Builtin; 26] = [
    // Zoho CRM.
    task("zoho.crm.getRecordById", 2, 4, "module, record ID[, query map[, connection]]", "deluge-crm-get-record-by-id"),
    task(
        "zoho.crm.getRecords",
        1,
        5,
        "module[, page[, per page[, options map[, connection]]]]",
        "zoho-crm-functions-deluge-integration-tasks",
    ),
    task(
        "zoho.crm.searchRecords",
        2,
        6,
        "module, criteria[, page[, per page[, search map[, connection]]]]",
        "deluge-crm-search-records",
    ),
    task(
        "zoho.crm.createRecord",
        2,
        4,
        "module, values map[, options map[, connection]]",
        "deluge-crm-create-record-v2",
    ),
    task(
        "zoho.crm.updateRecord",
        3,
        5,
        "module, record ID, values map[, options map[, connection]]",
        "deluge-crm-update-record",
    ),
    task(
        "zoho.crm.bulkCreate",
        2,
        4,
        "module, list of value maps[, options map[, connection]]",
        "deluge-crm-bulk-create",
    ),
    task(
        "zoho.crm.upsert",
        2,
        4,
        "module, values map[, options map[, connection]]",
        "zoho-vertical-solutions-upsert-records",
    ),
    task(
        "zoho.crm.v8.createRecord",
        2,
        4,
        "module, values map[, options map[, connection]]",
        "deluge-crm-create-record-v8",
    ),
    task(
        "zoho.crm.v8.updateRecord",
        3,
        5,
        "module, record ID, values map[, options map[, connection]]",
        "deluge-crm-update-record-v8",
    ),
    // Zoho Books: the pages list the connection last; "existing integration tasks will continue to work with or
    // without the connections parameter", so it may be left out.
    task(
        "zoho.books.getRecords",
        3,
        4,
        "module, organization ID, search (map or text)[, connection]",
        "deluge-books-get-records",
    ),
    task(
        "zoho.books.getRecordsByID",
        3,
        4,
        "module, organization ID, record ID[, connection]",
        "deluge-books-get-record-by-id",
    ),
    task(
        "zoho.books.createRecord",
        3,
        4,
        "module, organization ID, values map[, connection]",
        "zoho-creator-books-create-record",
    ),
    task(
        "zoho.books.updateRecord",
        4,
        5,
        "module, organization ID, record ID, values map[, connection]",
        "deluge-books-update-record",
    ),
    // Zoho Desk.
    task(
        "zoho.desk.getRecords",
        2,
        6,
        "organization ID, module[, from index[, limit[, query map[, connection]]]]",
        "deluge-desk-get-records",
    ),
    task(
        "zoho.desk.getRecordById",
        3,
        4,
        "organization ID, module, record ID[, connection]",
        "deluge-desk-get-record-by-id",
    ),
    task(
        "zoho.desk.update",
        4,
        5,
        "organization ID, module, record ID, values map[, connection]",
        "deluge-desk-update-record",
    ),
    // Maps.
    // The page gives `put(key, value)`; `m.put(otherMap)` with one argument is in working public scripts
    // (docs/deluge-grammar.md), so one argument is not flagged either.
    method("put", 1, 2, "key, value", "deluge-map-put"),
    method("putAll", 1, 1, "other map", "deluge-map-put-all"),
    // Lists (a map's `get(key)` takes one argument too: zoho-creator-map-manipulations).
    method("get", 1, 1, "index (list) or key (map)", "deluge-list-get"),
    method("add", 1, 1, "element", "zoho-creator-list-add"),
    // Text.
    method("subString", 1, 2, "start index[, end index]", "deluge-substring"),
    method(
        "replaceAll",
        2,
        3,
        "search text, replacement[, escape special characters (boolean)]",
        "zoho-creator-replace-all",
    ),
    method("toList", 0, 1, "[separator]", "zoho-creator-to-list"),
    method("toMap", 0, 0, "", "deluge-tomap"),
    method("getJSON", 1, 1, "key", "deluge-getjson"),
    // Dates.
    method("addDay", 1, 1, "number of days", "deluge-add-day"),
];

/// The task with this dotted name (any letter case).
///
/// ```
/// assert!(zoho_connector_kit::deluge::builtin::lookup_task("ZOHO.CRM.GETRECORDS").is_some());
/// ```
pub fn lookup_task(name: &str) -> Option<&'static Builtin> {
    BUILTINS.iter().find(|b| b.kind == BuiltinKind::Task && b.name.eq_ignore_ascii_case(name))
}

/// The method with this name (any letter case: Zoho writes both `getJSON` and `getJson`).
///
/// ```
/// assert_eq!(zoho_connector_kit::deluge::builtin::lookup_method("getJson").unwrap().name, "getJSON");
/// ```
pub fn lookup_method(name: &str) -> Option<&'static Builtin> {
    BUILTINS.iter().find(|b| b.kind == BuiltinKind::Method && b.name.eq_ignore_ascii_case(name))
}

/// A built-in as an admin reads it: the catalogue entry with what it does. One entry of
/// `crate/data/deluge-builtins.json`.
///
/// ```
/// let d = zoho_connector_kit::deluge::builtin::describe("zoho.crm.updateRecord").unwrap();
/// assert_eq!(d.syntax, "module, record ID, values map[, options map[, connection]]");
/// assert!(d.description.contains("Updates"));
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct BuiltinDescription {
    /// As [`Builtin::name`].
    pub name: String,
    /// As [`Builtin::kind`].
    pub kind: BuiltinKind,
    /// As [`Builtin::min`].
    pub min: usize,
    /// As [`Builtin::max`].
    pub max: usize,
    /// As [`Builtin::syntax`].
    pub syntax: String,
    /// The arguments' data types as the Zoho page names them (`TEXT`, `NUMBER`, `KEY-VALUE`, `BOOLEAN`, `any`),
    /// one per argument up to [`Self::max`]; absent where the page read did not give them all. Shown, not checked.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub types: Option<Vec<String>>,
    /// What the built-in does, in one or two sentences (our words, after the Zoho page).
    pub description: String,
    /// As [`Builtin::source`].
    pub source: String,
}

/// The descriptions file as shipped (`deluge-builtins.json`).
pub const DESCRIPTIONS_JSON: &str = include_str!("../../data/deluge-builtins.json");

/// Every description, in the file's order (empty if the file were malformed; a test keeps it sound).
///
/// ```
/// let all = zoho_connector_kit::deluge::builtin::descriptions();
/// assert_eq!(all.len(), zoho_connector_kit::deluge::builtin::BUILTINS.len());
/// ```
pub fn descriptions() -> Vec<BuiltinDescription> {
    serde_json::from_str(DESCRIPTIONS_JSON).unwrap_or_default()
}

/// The description of a task (`zoho.crm.getRecords`) or method (`subString`, `.subString`), any letter case.
///
/// ```
/// use zoho_connector_kit::deluge::builtin::describe;
/// assert_eq!(describe(".getjson").unwrap().name, "getJSON");
/// assert!(describe("noSuchThing").is_none());
/// ```
pub fn describe(name: &str) -> Option<BuiltinDescription> {
    let name = name.trim().trim_start_matches('.');
    descriptions().into_iter().find(|d| d.name.eq_ignore_ascii_case(name))
}
