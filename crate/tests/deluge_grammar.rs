//! Deluge as admins write it (issue 16) and expressions too deep to check (issue 12 item 3): function headers,
//! try/catch, sendmail without `;`, collections, `in` / `not in`, `=` in conditions, Creator statements, recovery
//! after a broken statement, task parameters checked in every form, and 1 MB operator chains. Every script here is
//! written for this test. Runs natively and, with `--target wasm32-unknown-unknown`, in headless Chromium.
#![allow(clippy::unwrap_used, clippy::expect_used)] // tests: a panic is the failure report

#[cfg(target_arch = "wasm32")]
use wasm_bindgen_test::wasm_bindgen_test as test;

use zoho_connector_kit::deluge::format::{format_deluge_with, FormatOptions, Layout};
use zoho_connector_kit::deluge::lexer::lex;
use zoho_connector_kit::deluge::{check_deluge, format_deluge};
use zoho_connector_kit::{Diagnostic, Severity};

fn errors(text: &str) -> Vec<Diagnostic> {
    check_deluge(text).into_iter().filter(|d| d.severity == Severity::Error).collect()
}

fn codes(found: &[Diagnostic]) -> Vec<&str> {
    found.iter().map(|d| d.code.as_str()).collect()
}

fn significant(text: &str) -> Vec<String> {
    lex(text).tokens.iter().filter(|t| !t.kind.is_comment()).map(|t| t.text.to_string()).collect()
}

/// No error, and the formatter keeps its promises on it: check-clean output, idempotent, same tokens.
fn assert_valid(text: &str) {
    let found = errors(text);
    assert!(found.is_empty(), "unexpected errors in:\n{text}\n{found:#?}");
    for layout in [Layout::Zoho, Layout::Spaced] {
        let options = FormatOptions { layout };
        let out = format_deluge_with(text, options).unwrap_or_else(|e| panic!("format refused:\n{text}\n{e:#?}"));
        assert!(errors(&out).is_empty(), "formatted text has errors ({layout:?}):\n{out}");
        assert_eq!(format_deluge_with(&out, options).unwrap(), out, "not idempotent ({layout:?})");
        assert_eq!(significant(&out), significant(text), "tokens changed ({layout:?}):\n{out}");
    }
}

#[test]
fn function_definitions_with_return_type_and_typed_parameters() {
    assert_valid("void automation.tag_big_deal(Int deal_id)\n{\n\tdeal = zoho.crm.getRecordById(\"Deals\", deal_id);\n\tinfo deal;\n}\n");
    assert_valid("string standalone.greet(String who, Map extra)\n{\n\treturn \"Hi \" + who;\n}\n");
    assert_valid("map summarize()\n{\n\tm = Map();\n\treturn m;\n}\n");
    assert_valid("string button.send_quote(String quote_id)\n{\n\treturn \"sent\";\n}\n");
    // Creator: a form record as a parameter type, a namespace, no arguments.
    assert_valid("void billing.close_order(Orders order)\n{\n\torder.Status = \"Closed\";\n}\n");
    assert_valid("list helpers.empty()\n{\n\treturn List();\n}\n");
    // The body is checked like any other code.
    let found = check_deluge(
        "void automation.ping(Int id)\n{\n\tr = invokeurl\n\t[\n\t\turl: \"https://www.zohoapis.com/crm/v8/Leads\"\n\t\ttype: FETCH\n\t];\n}\n",
    );
    assert_eq!(codes(&found), ["deluge.invokeurl.bad_type"]);
}

#[test]
fn try_catch_is_valid_and_both_blocks_are_checked() {
    assert_valid("try\n{\n\tx = 10 / 0;\n}\ncatch (err)\n{\n\tinfo err;\n}\n");
    assert_valid("try {\n\tx = 1;\n} catch (e) {\n\tinfo e;\n}\n");
    let found = errors("try\n{\n\tx = ;\n}\ncatch (e)\n{\n\ty = ;\n}\n");
    let lines: Vec<u32> = found.iter().filter_map(|d| d.line).collect();
    assert_eq!(lines, [3, 7], "{found:#?}");
    let found = errors("try\n{\n\tx = 1;\n}\ninfo x;\n");
    assert_eq!(found.len(), 1, "{found:#?}");
    assert!(found[0].message.contains("catch"), "{found:#?}");
}

#[test]
fn sendmail_in_its_documented_form() {
    let mail = "sendmail\n[\n\tfrom: zoho.adminuserid\n\tto: \"ops@example.com\", zoho.loginuserid\n\treply to: \"help@example.com\"\n\tsubject: \"Order \" + id\n\tmessage: \"<b>Done</b>\"\n\tcontent type: HTML\n\tattachments: file: input.Invoice_Pdf\n]\ninfo \"sent\";\n";
    assert_valid(mail);
    // `;` after `]` is fine too.
    assert_valid(
        "sendmail\n[\n\tfrom: zoho.adminuserid\n\tto: \"a@example.com\"\n\tsubject: \"s\"\n\tmessage: \"m\"\n];\n",
    );
    // Something after `]` on the same line still needs a `;`.
    assert_eq!(codes(&errors("sendmail [ from: zoho.adminuserid to: \"a@example.com\" ] info 1;")), ["deluge.syntax"]);
}

#[test]
fn collections_in_and_not_in() {
    assert_valid("versions = Collection(\"Creator\" : 5, \"CRM\" : 7);\nversions.insert(\"Books\" : 3);\nnames = Collection(\"a\", \"b\");\n");
    assert_valid(
        "if (\"CRM\" in names)\n{\n\tinfo 1;\n}\nif (status not in {\"Closed\", \"Lost\"})\n{\n\tinfo 2;\n}\n",
    );
}

#[test]
fn equals_in_a_condition_is_a_warning_not_an_error() {
    let found = check_deluge("if (stage = \"Won\")\n{\n\tinfo stage;\n}\n");
    assert_eq!(codes(&found), ["deluge.assign_in_condition"]);
    assert_eq!(found[0].severity, Severity::Warning);
    assert_eq!((found[0].line, found[0].column), (Some(1), Some(11)));
    assert!(found[0].source.is_some());
    // Outside a condition `=` is still an assignment, and `x = = 1` still an error.
    assert_eq!(codes(&errors("x = = 1;")), ["deluge.syntax"]);
}

#[test]
fn creator_statements_parse_with_one_info_finding() {
    let script = "new_id = insert into Orders\n[\n\tAdded_User = zoho.loginuser\n\tCustomer = input.Customer\n];\nfor each line in Order_Lines[Order == new_id && Qty > 0] sort by Added_Time desc\n{\n\tline.Status = \"Open\";\n}\nlatest = Orders[ID != 0] range from 1 to 10;\nOrders[ID == new_id].Status = \"Open\";\ndelete from Drafts[Owner == zoho.loginuser];\nalert \"Saved\";\nopenUrl(\"https://creatorapp.zoho.com/\", \"same window\");\ncancel submit;\n";
    assert_valid(script);
    let found = check_deluge(script);
    assert_eq!(codes(&found), ["deluge.creator_not_checked"], "{found:#?}");
    assert_eq!(found[0].severity, Severity::Info);
    assert!(found[0].message.starts_with("Creator statement: not checked"));
}

#[test]
fn an_error_in_a_header_or_statement_does_not_hide_the_rest() {
    // A broken function header: the body and the code after it are still checked.
    let text = "void automation.sync(Int id\n{\n\tr = invokeurl\n\t[\n\t\turl: \"https://www.zohoapis.com/crm/v8/Leads\"\n\t\ttype: FETCH\n\t];\n}\nr2 = invokeurl\n[\n\ttpye: GET\n];\n";
    let found = check_deluge(text);
    assert!(found.iter().any(|d| d.is_error() && d.line == Some(1)), "{found:#?}");
    assert!(found.iter().any(|d| d.code == "deluge.invokeurl.bad_type" && d.line == Some(6)), "{found:#?}");
    assert!(found.iter().any(|d| d.code == "deluge.invokeurl.unknown_parameter" && d.line == Some(11)), "{found:#?}");
    // A broken `if` header: the loop check inside still runs.
    let found =
        check_deluge("if (x >)\n{\n\tfor each r in rows\n\t{\n\t\tzoho.crm.updateRecord(\"Leads\", r, m);\n\t}\n}\n");
    assert!(found.iter().any(|d| d.code == "deluge.call_in_loop"), "{found:#?}");
}

#[test]
fn task_blocks_are_checked_in_statement_and_assignment_form_alike() {
    for text in [
        "invokeUrl\n[\n\turl: \"https://www.zohoapis.com/crm/v8/Leads\"\n\ttpye: GET\n]\n",
        "r = invokeUrl\n[\n\turl: \"https://www.zohoapis.com/crm/v8/Leads\"\n\ttpye: GET\n];\n",
        "invokeurl\n[\n\turl: \"https://www.zohoapis.com/crm/v8/Leads\"\n\ttpye: GET\n];\n",
    ] {
        assert_eq!(codes(&errors(text)), ["deluge.invokeurl.unknown_parameter"], "{text}");
    }
    // On one line too.
    assert_eq!(codes(&errors("sendmial [ to: \"a@example.com\" ]\n")), ["deluge.unknown_task"]);
    let found = errors("sendmial\n[\n\tfrom: zoho.adminuserid\n\tto: \"a@example.com\"\n]\n");
    assert_eq!(codes(&found), ["deluge.unknown_task"]);
    assert!(found[0].fix.contains("Did you mean `sendmail`?"), "{found:#?}");
    let found = errors("sendmail\n[\n\tfrom: zoho.adminuserid\n\tto: \"a@example.com\"\n\tsubjct: \"Hi\"\n]\n");
    assert_eq!(codes(&found), ["deluge.sendmail.unknown_parameter"]);
    assert!(found[0].fix.contains("`subject`"), "{found:#?}");
    assert_eq!((found[0].line, found[0].column), (Some(5), Some(2)));
    let found = errors("sendmail\n[\n\tfrom: zoho.adminuserid\n\tsubject: \"Hi\"\n]\n");
    assert_eq!(codes(&found), ["deluge.sendmail.missing_parameter"]);
    assert!(found[0].message.contains("`to`"));
    // A parameter given twice is a warning on its line.
    let mail =
        "sendmail\n[\n\tfrom: zoho.adminuserid\n\tto: \"a@example.com\"\n\tsubject: \"Hi\"\n\tsubject: \"Hello\"\n]\n";
    let warned: Vec<Diagnostic> = check_deluge(mail).into_iter().filter(|d| d.severity == Severity::Warning).collect();
    assert_eq!(codes(&warned), ["deluge.sendmail.duplicate_parameter"], "{warned:#?}");
    assert_eq!(warned[0].line, Some(6));
    assert!(warned[0].message.contains("`subject`"));
}

/// `a = 1 + 1 + …;` (or another chain) of about `bytes` bytes, then a statement with a known finding.
fn chain(first: &str, link: &str, bytes: usize) -> String {
    let mut text = String::with_capacity(bytes + 100);
    text.push_str(first);
    while text.len() < bytes {
        text.push_str(link);
    }
    text.push_str(";\nreturn = 1;\n");
    text
}

/// Deep chains get one `deluge.too_deep` finding on line 1, and the statement after them is still checked.
fn assert_too_deep(text: &str) {
    let found = check_deluge(text);
    let deep: Vec<&Diagnostic> = found.iter().filter(|d| d.code == "deluge.too_deep").collect();
    assert_eq!(deep.len(), 1, "{:#?}", &found[..found.len().min(5)]);
    assert_eq!(deep[0].line, Some(1));
    assert!(deep[0].column.is_some_and(|c| c > 1));
    assert!(!deep[0].fix.is_empty() && deep[0].message.contains("too"));
    assert!(found.iter().any(|d| d.line == Some(2)), "the statement after the chain was not checked: {found:#?}");
    assert!(format_deluge(text).is_err());
}

fn deep_inputs() -> Vec<String> {
    const MB: usize = 1 << 20;
    vec![
        chain("a = 1", " + 1", MB),
        chain("ok = true", " && true", MB),
        chain("v = m", ".get(1)", MB),
        chain("s = x", " || !y && z * 2 - 1", MB),
        chain("w = ", "(", 300_000),
    ]
}

#[test]
fn one_megabyte_chains_give_a_finding_not_a_crash() {
    // On a thread with the stack the shipped Wasm has (1 MB), natively; the Wasm run of this file checks the same
    // inputs with the real Wasm stack.
    let handle = std::thread::Builder::new().stack_size(1 << 20).spawn(|| {
        for text in deep_inputs() {
            assert_too_deep(&text);
        }
    });
    #[cfg(not(target_arch = "wasm32"))]
    handle.unwrap().join().unwrap();
    #[cfg(target_arch = "wasm32")]
    {
        drop(handle);
        for text in deep_inputs() {
            assert_too_deep(&text);
        }
    }
    // In a condition: one finding for the chain, and the block after it is read normally.
    let mut text = String::from("if (x");
    while text.len() < 1 << 20 {
        text.push_str(" && x");
    }
    text.push_str(")\n{\n\treturn = 1;\n}\n");
    let found = errors(&text);
    assert_eq!(codes(&found), ["deluge.too_deep", "deluge.reserved_name"], "{found:#?}");
    assert_eq!(found[1].line, Some(3));
    // The checker answers normally afterwards (in Wasm: the same instance), and chains below the bound are read
    // whole.
    assert_valid(&chain("a = 1", " + 1", 1_500).replace("return = 1;\n", ""));
}

#[test]
fn crm_tasks_with_the_wrong_number_of_arguments() {
    assert_valid("d = zoho.crm.getRecordById(\"Deals\", id);\nu = zoho.crm.updateRecord(\"Deals\", id, m, {\"trigger\": {\"workflow\"}}, \"crm\");\nl = zoho.crm.getRecords(\"Leads\");\ns = zoho.crm.searchRecords(\"Leads\", \"(Email:equals:a@example.com)\", 1, 10);\n");
    let found = errors("d = zoho.crm.getRecordById(\"Deals\");\nu = zoho.crm.updateRecord(\"Deals\", m);\nc = zoho.crm.createRecord(\"Leads\", m, {}, \"crm\", 5);\n");
    assert_eq!(codes(&found), ["deluge.task.argument_count"; 3], "{found:#?}");
    assert_eq!((found[1].line, found[1].column), (Some(2), Some(5)));
    assert_eq!(found[1].message, "`zoho.crm.updateRecord` takes 3 to 5 arguments; this call has 2.");
    assert!(found[1].fix.contains("module, record ID, values map"));
    assert_eq!(found[1].source.as_deref(), Some("deluge-crm-update-record"));
    assert!(zoho_connector_kit::source::describe("deluge-crm-update-record")
        .contains("/deluge/help/crm/update-record.html"));
}
