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
        child.stdin.take().unwrap().write_all(text.as_bytes()).unwrap();
    }
    drop(child.stdin.take());
    child.wait_with_output().unwrap()
}

/// What `zck` printed on standard output.
pub fn stdout(o: &Output) -> String {
    String::from_utf8_lossy(&o.stdout).into_owned()
}
