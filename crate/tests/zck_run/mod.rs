//! Running the built `zck` binary the way an admin's shell does, for the `cli_*.rs` tests (each uses part of it).
#![allow(dead_code)] // every test file uses some of these, none uses all

use std::io::Write;
use std::process::{Command, Output, Stdio};

/// Runs `zck` with `args`, writing `stdin` (if any) and closing it, and waits for it to end.
pub fn zck(args: &[&str], stdin: Option<&str>) -> Output {
    let mut child = Command::new(env!("CARGO_BIN_EXE_zck"))
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    if let Some(text) = stdin {
        // A command refused before it reads its input (a bad flag exits 2 at once) closes the pipe first: that is
        // its answer, told by its status and output, not a failure to run it (a race seen in `npm test`).
        match child.stdin.take().unwrap().write_all(text.as_bytes()) {
            Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => {}
            r => r.unwrap(),
        }
    }
    drop(child.stdin.take());
    child.wait_with_output().unwrap()
}

/// What `zck` printed on standard output.
pub fn stdout(o: &Output) -> String {
    String::from_utf8_lossy(&o.stdout).into_owned()
}

/// `code@path` of every finding above info in a JSON answer (`{"diagnostics": [...]}`), sorted: how the CLI tests
/// compare what two commands, or a command and a case table, found.
pub fn code_paths(json: &serde_json::Value) -> Vec<String> {
    let mut found: Vec<String> = json["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|d| d["severity"] != "info")
        .map(|d| format!("{}@{}", d["code"].as_str().unwrap(), d["path"].as_str().unwrap()))
        .collect();
    found.sort();
    found
}
