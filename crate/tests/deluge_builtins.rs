//! The built-in catalogue (issue 16 item 4): the argument counts in the Wasm (`deluge::builtin::BUILTINS`) and the
//! descriptions shipped beside it (`crate/data/deluge-builtins.json`) say the same, every entry names a Zoho page
//! of the registry, and a wrong number of arguments is a finding an admin can act on.

#![allow(clippy::unwrap_used, clippy::expect_used)] // tests: a panic is the failure report

#[cfg(target_arch = "wasm32")]
use wasm_bindgen_test::wasm_bindgen_test as test;

use zoho_connector_kit::deluge::builtin::{describe, descriptions, BuiltinKind, BUILTINS};
use zoho_connector_kit::deluge::check::builtins_used;
use zoho_connector_kit::deluge::check_deluge;
use zoho_connector_kit::source::{lookup, SourceKind};

#[test]
fn descriptions_file_matches_the_catalogue_entry_for_entry() {
    let described = descriptions();
    assert_eq!(described.len(), BUILTINS.len(), "one description per built-in");
    for (b, d) in BUILTINS.iter().zip(&described) {
        assert_eq!(d.name, b.name);
        assert_eq!((d.kind, d.min, d.max), (b.kind, b.min, b.max), "{}", b.name);
        assert_eq!(d.syntax, b.syntax, "{}", b.name);
        assert_eq!(d.source, b.source, "{}", b.name);
        assert!(d.description.len() > 20 && d.description.ends_with('.'), "{}: {}", b.name, d.description);
        if let Some(types) = &d.types {
            assert_eq!(types.len(), b.max, "{}: one type per argument", b.name);
        }
    }
}

#[test]
fn every_entry_cites_an_official_zoho_page() {
    for b in &BUILTINS {
        let s = lookup(b.source).unwrap_or_else(|| panic!("{}: {} is not in sources.json", b.name, b.source));
        assert_eq!(s.kind, SourceKind::Official, "{}", b.name);
        assert!(s.url.as_deref().unwrap().contains("zoho.com/"), "{}", b.name);
        assert!(b.min <= b.max, "{}", b.name);
    }
}

#[test]
fn names_are_unique_per_kind() {
    for (i, b) in BUILTINS.iter().enumerate() {
        assert!(
            !BUILTINS[..i].iter().any(|o| o.kind == b.kind && o.name.eq_ignore_ascii_case(b.name)),
            "{} twice",
            b.name
        );
        assert_eq!(b.kind == BuiltinKind::Task, b.name.starts_with("zoho."), "{}", b.name);
    }
}

#[test]
fn a_wrong_count_names_the_built_in_the_count_and_the_syntax() {
    let found = check_deluge("inv = zoho.books.getRecordsByID(\"invoices\", invoiceId);\n");
    assert_eq!(found.len(), 1, "{found:?}");
    let d = &found[0];
    assert_eq!(d.code, "deluge.task.argument_count");
    assert_eq!(d.message, "`zoho.books.getRecordsByID` takes 3 to 4 arguments; this call has 2.");
    assert_eq!(d.fix, "Write `zoho.books.getRecordsByID(module, organization ID, record ID[, connection])`.");
    assert_eq!(d.source.as_deref(), Some("deluge-books-get-record-by-id"));
    assert_eq!((d.line, d.column), (Some(1), Some(7)));

    let found = check_deluge("total = 0;\nlabel = deal.get(\"Deal_Name\").subString(0, 10, 20);\n");
    assert_eq!(found.len(), 1, "{found:?}");
    assert_eq!(found[0].code, "deluge.method.argument_count");
    assert_eq!(found[0].message, "`.subString` takes 1 to 2 arguments; this call has 3.");
    // The column is the method name's, not the start of the chain.
    assert_eq!((found[0].line, found[0].column), (Some(2), Some(31)));
}

#[test]
fn used_built_ins_and_their_descriptions() {
    let script = "void automation.tag_deal(int id)\n{\n\tdeal = zoho.crm.getRecordById(\"Deals\", id);\n\tm = Map();\n\tm.put(\"Stage\", \"Won\");\n\tzoho.crm.updateRecord(\"Deals\", id, m);\n}\n";
    assert_eq!(builtins_used(script), ["zoho.crm.getRecordById", "zoho.crm.updateRecord", "put"]);
    let types = describe("zoho.desk.update").unwrap().types.unwrap();
    assert_eq!(types, ["NUMBER", "TEXT", "NUMBER", "KEY-VALUE", "TEXT"]);
    let d = describe("zoho.crm.getRecordById").unwrap();
    assert!(d.description.starts_with("Fetches one Zoho CRM record"));
    assert_eq!(describe("ZOHO.DESK.UPDATE").unwrap().name, "zoho.desk.update");
    assert!(describe("zoho.crm.getMyStuff").is_none());
}
