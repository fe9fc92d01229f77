//! COQL: build a `select` query and check one against Zoho's documented limits, and emit the `/coql` invokeurl.
//!
//! Rules (docs/facts.md §5: CRM COQL-Overview.html; COQL-Limitations v2/v7/v8 \[OFF\]): SELECT only; clauses
//! FROM, WHERE, ORDER BY, GROUP BY, LIMIT, OFFSET; keywords case-insensitive; at most 50 fields; at most 25
//! criteria; criteria bracketed when more than two are joined; LIMIT at most 2000 (v7/v8; older versions 200);
//! operators `= != > < >= <= is null, is not null, between, in, not in, like, not like`; at most 50 values in `in`.
//!
//! ```
//! use zoho_connector_kit::deluge::coql::check_coql;
//! assert!(check_coql("select Last_Name, Email from Leads where Lead_Source = 'Web' limit 200").is_empty());
//! let found = check_coql("select Last_Name from Leads where a = 1 and b = 2 and c = 3 limit 5000");
//! let codes: Vec<&str> = found.iter().map(|d| d.code.as_str()).collect();
//! assert_eq!(codes, ["coql.unbracketed_criteria", "coql.limit_too_high"]);
//! ```

use super::generate::{generate_invoke_url, HttpMethod, InvokeUrlSpec, Style};
use crate::code::Code;
use crate::data_center::{detect, lookup, DataCenterId};
use crate::Diagnostic;
use serde::{Deserialize, Serialize};

const COQL_SOURCE: &str = "zoho-crm-v8-coql-limitations";

/// A query to build. `where` is criteria text such as `(Lead_Source = 'Web' and Rating = 'Hot')`.
///
/// ```
/// use zoho_connector_kit::deluge::coql::{build_coql, CoqlQuery};
/// let q: CoqlQuery = serde_json::from_str(r#"{"select": ["Last_Name"], "from": "Leads", "limit": 10}"#).unwrap();
/// assert_eq!(build_coql(&q).query.as_deref(), Some("select Last_Name from Leads limit 10"));
/// ```
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "camelCase")]
pub struct CoqlQuery {
    /// Field API names.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub select: Option<Vec<String>>,
    /// Module API name.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub from: Option<String>,
    /// Criteria text.
    #[serde(default, rename = "where", skip_serializing_if = "Option::is_none")]
    pub criteria: Option<String>,
    /// `Field asc|desc` items.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub order_by: Option<Vec<String>>,
    /// LIMIT.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub limit: Option<u64>,
    /// OFFSET.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub offset: Option<u64>,
    /// Data center key or URL: when given, the `/coql` invokeurl is generated too.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub data_center: Option<String>,
    /// API version, `v8` when absent.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub api_version: Option<String>,
    /// Connection link name for the invokeurl.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub connection: Option<String>,
}

/// The built query, its invokeurl and the findings.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct CoqlAnswer {
    /// The query text; absent when an error prevents it.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub query: Option<String>,
    /// The `/coql` invokeurl, when a data center was given.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub deluge: Option<String>,
    /// Findings.
    pub diagnostics: Vec<Diagnostic>,
}

/// Builds the query text, checks it with [`check_coql`], and with a data center writes the `/coql` invokeurl.
///
/// ```
/// use zoho_connector_kit::deluge::coql::{build_coql, CoqlQuery};
/// let q = CoqlQuery { select: Some(vec!["Email".into()]), from: Some("Contacts".into()),
///     data_center: Some("eu".into()), connection: Some("crm".into()), ..Default::default() };
/// let a = build_coql(&q);
/// assert!(a.deluge.unwrap().contains("url: \"https://www.zohoapis.eu/crm/v8/coql\""));
/// ```
pub fn build_coql(q: &CoqlQuery) -> CoqlAnswer {
    let mut diagnostics = Vec::new();
    let fields: Vec<&str> = q.select.iter().flatten().map(|s| s.trim()).filter(|s| !s.is_empty()).collect();
    if fields.is_empty() {
        diagnostics.push(
            Diagnostic::error(Code::CoqlMissingFields, "select", "No field to select was given.")
                .with_fix("List the field API names, e.g. [\"Last_Name\", \"Email\"]."),
        );
    }
    let module = q.from.as_deref().map(str::trim).unwrap_or("");
    if module.is_empty() {
        diagnostics.push(
            Diagnostic::error(Code::CoqlMissingModule, "from", "No module was given.")
                .with_fix("Give the module API name, e.g. \"Leads\"."),
        );
    }
    if Diagnostic::has_errors(&diagnostics) {
        return CoqlAnswer { query: None, deluge: None, diagnostics };
    }
    let mut query = format!("select {} from {module}", fields.join(", "));
    if let Some(c) = q.criteria.as_deref().map(str::trim).filter(|c| !c.is_empty()) {
        query.push_str(&format!(" where {c}"));
    }
    if let Some(order) = q.order_by.as_ref().filter(|o| !o.is_empty()) {
        query.push_str(&format!(" order by {}", order.join(", ")));
    }
    if let Some(l) = q.limit {
        query.push_str(&format!(" limit {l}"));
    }
    if let Some(o) = q.offset {
        query.push_str(&format!(" offset {o}"));
    }
    diagnostics.extend(check_coql(&query));
    if Diagnostic::has_errors(&diagnostics) {
        return CoqlAnswer { query: Some(query), deluge: None, diagnostics };
    }
    let mut deluge = None;
    if let Some(dc) = &q.data_center {
        match coql_invokeurl(dc, q.api_version.as_deref(), q.connection.clone(), &query) {
            Ok(text) => deluge = Some(text),
            Err(found) => diagnostics.extend(found),
        }
    }
    CoqlAnswer { query: Some(query), deluge, diagnostics }
}

/// The API domain of a data center given as a key (`eu`) or any Zoho URL (docs/facts.md §1).
pub(crate) fn api_domain(dc: &str, path: &str) -> Result<&'static str, Diagnostic> {
    let id = dc.parse::<DataCenterId>().ok().or_else(|| detect(dc).data_center);
    let Some(id) = id else {
        return Err(Diagnostic::error(
            Code::DelugeGenerateUnknownDataCenter,
            path,
            format!("`{dc}` names no Zoho data center."),
        )
        .with_fix("Give a key such as \"us\", \"eu\", \"in\", \"au\", \"jp\", \"ca\", \"sa\" or \"cn\"."));
    };
    match lookup(id).api_domain {
        Some(f) => Ok(f.value),
        None => Err(Diagnostic::error(
            Code::DelugeGenerateNoApiDomain,
            path,
            format!("No CRM API domain is known for the {} data center.", id.key()),
        )
        .with_fix("Use a data center that Zoho's CRM SDKs list.")
        .with_source("zoho-crm-python-sdk-8-data-centers")),
    }
}

/// CRM API versions (docs/facts.md §5).
pub(crate) fn check_version(v: Option<&str>, path: &str) -> Result<String, Diagnostic> {
    let v = v.unwrap_or("v8");
    if ["v2", "v2.1", "v3", "v4", "v5", "v6", "v7", "v8"].contains(&v) {
        Ok(v.to_string())
    } else {
        Err(Diagnostic::error(Code::DelugeGenerateBadApiVersion, path, format!("`{v}` is not a CRM API version."))
            .with_fix("Use v8 (or v2, v2.1, v3 … v7).")
            .with_source("zoho-crm-v8-insert-records"))
    }
}

fn coql_invokeurl(
    dc: &str,
    version: Option<&str>,
    connection: Option<String>,
    query: &str,
) -> Result<String, Vec<Diagnostic>> {
    let domain = api_domain(dc, "dataCenter").map_err(|d| vec![d])?;
    let version = check_version(version, "apiVersion").map_err(|d| vec![d])?;
    // docs/facts.md §5: POST /crm/v8/coql with {"select_query": "..."} (OAS coql.json).
    let spec = InvokeUrlSpec {
        url: Some(format!("{domain}/crm/{version}/coql")),
        method: Some(HttpMethod::Post),
        connection,
        body: Some(serde_json::json!({ "select_query": query })),
        style: Some(Style::PutLines),
        scopes: Some(vec!["ZohoCRM.coql.READ".to_string()]),
        ..Default::default()
    };
    generate_invoke_url(&spec)
}

#[derive(Debug, Clone, PartialEq)]
struct Word {
    text: String,
    column: u32,
    quoted: bool,
}

fn tokenize(text: &str) -> Result<Vec<Word>, Diagnostic> {
    let chars: Vec<char> = text.chars().collect();
    let mut words = Vec::new();
    let mut i = 0usize;
    while let Some(&c) = chars.get(i) {
        let column = u32::try_from(i + 1).unwrap_or(u32::MAX);
        if c.is_whitespace() {
            i += 1;
        } else if c == '\'' || c == '"' {
            let start = i;
            i += 1;
            while chars.get(i).is_some_and(|&d| d != c) {
                i += 1;
            }
            if chars.get(i).is_none() {
                return Err(Diagnostic::error(Code::CoqlSyntax, "query", "A quoted value is never closed.")
                    .with_fix("Close the value with the same quote.")
                    .at(1, column));
            }
            i += 1;
            words.push(Word { text: chars[start..i].iter().collect(), column, quoted: true });
        } else if "(),".contains(c) {
            words.push(Word { text: c.to_string(), column, quoted: false });
            i += 1;
        } else if "=!<>".contains(c) {
            let start = i;
            while chars.get(i).is_some_and(|d| "=!<>".contains(*d)) {
                i += 1;
            }
            words.push(Word { text: chars[start..i].iter().collect(), column, quoted: false });
        } else {
            let start = i;
            while chars.get(i).is_some_and(|d| !d.is_whitespace() && !"(),=!<>'\"".contains(*d)) {
                i += 1;
            }
            words.push(Word { text: chars[start..i].iter().collect(), column, quoted: false });
        }
    }
    Ok(words)
}

fn is(w: Option<&Word>, kw: &str) -> bool {
    w.is_some_and(|w| !w.quoted && w.text.eq_ignore_ascii_case(kw))
}

/// Checks COQL text against the documented rules; findings carry the column (line 1).
///
/// ```
/// use zoho_connector_kit::deluge::coql::check_coql;
/// let found = check_coql("update Leads set x = 1");
/// assert_eq!(found[0].code, "coql.not_select");
/// ```
pub fn check_coql(text: &str) -> Vec<Diagnostic> {
    let words = match tokenize(text) {
        Ok(w) => w,
        Err(d) => return vec![d],
    };
    let mut found = Vec::new();
    let err = |code: Code, msg: String, fix: &str, col: u32| {
        Diagnostic::error(code, "query", msg).with_fix(fix).with_source(COQL_SOURCE).at(1, col)
    };
    if !is(words.first(), "select") {
        let col = words.first().map(|w| w.column).unwrap_or(1);
        return vec![err(
            Code::CoqlNotSelect,
            "COQL queries must start with `select`.".into(),
            "Write `select <fields> from <module> …`; COQL only reads.",
            col,
        )];
    }
    let Some(from) = words.iter().position(|w| is(Some(w), "from")) else {
        return vec![err(
            Code::CoqlMissingFrom,
            "The query has no `from` clause.".into(),
            "Add `from <module API name>`.",
            1,
        )];
    };
    let fields = words.get(1..from).unwrap_or(&[]);
    let count = if fields.is_empty() { 0 } else { fields.iter().filter(|w| w.text == ",").count() + 1 };
    if count == 0 {
        found.push(err(
            Code::CoqlMissingFields,
            "No field is selected.".into(),
            "List field API names after `select`.",
            1,
        ));
    } else if count > 50 {
        found.push(err(
            Code::CoqlTooManyFields,
            format!("{count} fields are selected; COQL allows at most 50."),
            "Select at most 50 fields, or split the query.",
            1,
        ));
    }
    if words.get(from + 1).is_none() {
        found.push(err(Code::CoqlMissingModule, "No module follows `from`.".into(), "Add the module API name.", 1));
    }
    let clause_end = |start: usize| {
        (start..words.len())
            .find(|&i| {
                let w = words.get(i);
                (is(w, "order") || is(w, "group")) && is(words.get(i + 1), "by") || is(w, "limit") || is(w, "offset")
            })
            .unwrap_or(words.len())
    };
    if let Some(wh) = words.iter().position(|w| is(Some(w), "where")) {
        let end = clause_end(wh + 1);
        check_criteria(words.get(wh + 1..end).unwrap_or(&[]), &mut found, wh);
    }
    if let Some(li) = words.iter().position(|w| is(Some(w), "limit")) {
        let value = words.get(li + 1);
        match value.and_then(|w| w.text.parse::<u64>().ok()) {
            Some(n) if n > 2000 => found.push(err(
                Code::CoqlLimitTooHigh,
                format!("LIMIT {n} is above 2000, the most COQL returns per call (v7/v8; 200 before v7)."),
                "Use LIMIT 2000 or less and page with OFFSET.",
                value.map_or(1, |w| w.column),
            )),
            Some(_) => {}
            None => found.push(err(
                Code::CoqlSyntax,
                "LIMIT must be followed by a number.".into(),
                "Write e.g. `limit 200`.",
                words.get(li).map_or(1, |w| w.column),
            )),
        }
    }
    found
}

fn check_criteria(words: &[Word], found: &mut Vec<Diagnostic>, _where_at: usize) {
    let err = |code: Code, msg: String, fix: &str, col: u32| {
        Diagnostic::error(code, "query", msg).with_fix(fix).with_source(COQL_SOURCE).at(1, col)
    };
    let mut criteria = 0usize;
    // Per bracket level: how many conditions are joined by and/or directly at that level.
    let mut joins: Vec<(usize, u32)> = vec![(0, words.first().map_or(1, |w| w.column))];
    let mut i = 0usize;
    let mut between = false;
    while let Some(w) = words.get(i) {
        let t = w.text.to_ascii_lowercase();
        if w.quoted {
            i += 1;
            continue;
        }
        match t.as_str() {
            "(" => joins.push((0, w.column)),
            ")" => {
                if let Some((n, col)) = joins.pop() {
                    if n > 1 {
                        found.push(err(
                            Code::CoqlUnbracketedCriteria,
                            "More than two conditions are joined without brackets.".into(),
                            "Bracket the conditions in pairs, e.g. `((a = 1 and b = 2) and c = 3)`.",
                            col,
                        ));
                    }
                }
                if joins.is_empty() {
                    found.push(err(
                        Code::CoqlSyntax,
                        "`)` has no matching `(`.".into(),
                        "Remove it or add `(`.",
                        w.column,
                    ));
                    joins.push((0, w.column));
                }
            }
            "and" if between => between = false,
            "and" | "or" => {
                if let Some(top) = joins.last_mut() {
                    top.0 += 1;
                }
            }
            "between" => {
                criteria += 1;
                between = true;
            }
            "=" | "!=" | ">" | "<" | ">=" | "<=" | "like" => criteria += 1,
            "is" => criteria += 1,
            "in" => {
                criteria += 1;
                if words.get(i + 1).is_some_and(|n| n.text == "(") {
                    let mut j = i + 2;
                    let mut values = 0usize;
                    while let Some(n) = words.get(j) {
                        if n.text == ")" {
                            break;
                        }
                        if n.text != "," {
                            values += 1;
                        }
                        j += 1;
                    }
                    if values > 50 {
                        found.push(err(
                            Code::CoqlTooManyInValues,
                            format!("`in` lists {values} values; COQL allows at most 50."),
                            "Split the list over several queries.",
                            w.column,
                        ));
                    }
                    i = j + 1;
                    continue;
                }
            }
            "not"
                if words
                    .get(i + 1)
                    .is_some_and(|n| n.text.eq_ignore_ascii_case("in") || n.text.eq_ignore_ascii_case("like")) => {}
            op if op.chars().all(|c| "=!<>".contains(c)) => {
                found.push(err(
                    Code::CoqlUnknownOperator,
                    format!("`{op}` is not a COQL operator."),
                    "Use = != > < >= <= like, not like, in, not in, between, is null, is not null.",
                    w.column,
                ));
            }
            _ => {}
        }
        i += 1;
    }
    for (n, col) in joins {
        if n > 1 {
            found.push(err(
                Code::CoqlUnbracketedCriteria,
                "More than two conditions are joined without brackets.".into(),
                "Bracket the conditions in pairs, e.g. `((a = 1 and b = 2) and c = 3)`.",
                col,
            ));
        }
    }
    if criteria > 25 {
        found.push(err(
            Code::CoqlTooManyCriteria,
            format!("The WHERE clause has {criteria} criteria; COQL allows at most 25."),
            "Use at most 25 criteria.",
            1,
        ));
    }
}
