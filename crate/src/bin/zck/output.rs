//! Reading inputs and printing answers, shared by every subcommand.
#![allow(clippy::print_stdout, clippy::print_stderr)] // the CLI's own output: printing is its job

use serde::Serialize;
use std::io::Read;
use std::process::ExitCode;
use zoho_connector_kit::input::{parse_json_text, InputError};
use zoho_connector_kit::Diagnostic;

/// How to print an answer.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum, Default)]
pub enum Format {
    /// Human-readable, compiler-style.
    #[default]
    Text,
    /// One JSON document on stdout.
    Json,
}

/// How the command ends.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Exit {
    /// Nothing wrong.
    Ok,
    /// An error finding.
    Findings,
    /// The input could not be read or parsed.
    BadInput,
}

impl From<Exit> for ExitCode {
    fn from(e: Exit) -> Self {
        ExitCode::from(match e {
            Exit::Ok => 0,
            Exit::Findings => 1,
            Exit::BadInput => 2,
        })
    }
}

impl Exit {
    /// `Findings` when any finding is an error.
    pub fn from_diagnostics(diagnostics: &[Diagnostic]) -> Exit {
        if Diagnostic::has_errors(diagnostics) {
            Exit::Findings
        } else {
            Exit::Ok
        }
    }
}

/// Reads a file, or standard input for `-`.
pub fn read_text(path: &str) -> Result<String, Exit> {
    let result = if path == "-" {
        let mut text = String::new();
        std::io::stdin().read_to_string(&mut text).map(|_| text)
    } else {
        std::fs::read_to_string(path)
    };
    result.map_err(|e| {
        eprintln!("zck: cannot read {}: {e}", if path == "-" { "standard input" } else { path });
        Exit::BadInput
    })
}

/// Reads a JSON input file (or `-`) into `T`, printing the finding (with line and column) when it cannot.
pub fn read_json<T: serde::de::DeserializeOwned>(path: &str, format: Format) -> Result<T, Exit> {
    let text = read_text(path)?;
    parse_json_text(&text).map_err(|e: InputError| {
        let shown = if path == "-" { "<stdin>" } else { path };
        match format {
            Format::Json => print_json(&serde_json::json!({ "file": shown, "diagnostics": [e.diagnostic] })),
            Format::Text => eprintln!("{shown}: {}", e.diagnostic),
        }
        Exit::BadInput
    })
}

/// Prints a value as pretty JSON.
pub fn print_json<T: Serialize + ?Sized>(value: &T) {
    match serde_json::to_string_pretty(value) {
        Ok(text) => println!("{text}"),
        Err(e) => eprintln!("zck: cannot print the answer as JSON: {e}"),
    }
}

/// Prints findings compiler-style, errors first, then a count line.
pub fn print_diagnostics(diagnostics: &[Diagnostic]) {
    for d in diagnostics {
        println!("{d}");
    }
    let count = |s| diagnostics.iter().filter(|d| d.severity == s).count();
    use zoho_connector_kit::Severity::*;
    if !diagnostics.is_empty() {
        println!("{} error(s), {} warning(s), {} note(s)", count(Error), count(Warning), count(Info));
    }
}

/// Prints a line.
pub fn line(text: &str) {
    println!("{text}");
}

/// Prints text as it is (no newline added).
pub fn raw(text: &str) {
    print!("{text}");
}
