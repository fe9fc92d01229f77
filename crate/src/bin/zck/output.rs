//! Reading inputs and printing answers, shared by every subcommand.
#![allow(clippy::print_stdout, clippy::print_stderr)] // the CLI's own output: printing is its job

use serde::Serialize;
use std::io::{Read, Write};
use std::process::ExitCode;
use zoho_connector_kit::input::{check_size, parse_json_text, InputError, MAX_DELUGE_BYTES, MAX_JSON_BYTES};
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

/// What [`read_limited`] could not do.
enum ReadError {
    /// The file or stream could not be read (missing, unreadable, not UTF-8).
    Io(String),
    /// Over the size limit: refused before reading it whole.
    TooLarge(InputError),
}

/// Reads a file, or standard input for `-`, refusing more than `limit` bytes without reading past it (a file's
/// size is checked first; a stream or special file is read at most `limit + 1` bytes). A leading UTF-8 byte order
/// mark is dropped.
fn read_limited(path: &str, limit: usize, what: &str) -> Result<String, ReadError> {
    let too_large =
        |len: u64| check_size(usize::try_from(len).unwrap_or(usize::MAX), limit, what).map_err(ReadError::TooLarge);
    let mut bytes = Vec::new();
    let cap = u64::try_from(limit).unwrap_or(u64::MAX).saturating_add(1);
    let read = if path == "-" {
        std::io::stdin().lock().take(cap).read_to_end(&mut bytes)
    } else {
        match std::fs::File::open(path) {
            Ok(file) => {
                if let Ok(meta) = file.metadata() {
                    too_large(meta.len())?;
                }
                file.take(cap).read_to_end(&mut bytes)
            }
            Err(e) => Err(e),
        }
    };
    read.map_err(|e| ReadError::Io(e.to_string()))?;
    too_large(u64::try_from(bytes.len()).unwrap_or(u64::MAX))?;
    let text = String::from_utf8(bytes).map_err(|_| ReadError::Io("stream did not contain valid UTF-8".into()))?;
    Ok(match text.strip_prefix('\u{feff}') {
        Some(rest) => rest.to_string(),
        None => text,
    })
}

fn shown(path: &str) -> &str {
    if path == "-" {
        "<stdin>"
    } else {
        path
    }
}

/// Prints why an input could not be read, on stderr (text) or as the JSON answer.
fn report_read_error(path: &str, error: ReadError, format: Format) -> Exit {
    match error {
        ReadError::Io(e) => {
            eprintln!("zck: cannot read {}: {e}", if path == "-" { "standard input" } else { path });
        }
        ReadError::TooLarge(e) => match format {
            Format::Json => print_json(&serde_json::json!({ "file": shown(path), "diagnostics": [e.diagnostic] })),
            Format::Text => eprintln!("{}: {}", shown(path), e.diagnostic),
        },
    }
    Exit::BadInput
}

/// Reads a text file (or `-`) of at most [`MAX_JSON_BYTES`] (JSON, an error body).
pub fn read_text(path: &str) -> Result<String, Exit> {
    read_limited(path, MAX_JSON_BYTES, "JSON").map_err(|e| report_read_error(path, e, Format::Text))
}

/// Reads a Deluge or COQL file (or `-`) of at most [`MAX_DELUGE_BYTES`].
pub fn read_deluge(path: &str, format: Format) -> Result<String, Exit> {
    read_limited(path, MAX_DELUGE_BYTES, "Deluge").map_err(|e| report_read_error(path, e, format))
}

/// Reads a Deluge file (or `-`) of at most [`MAX_DELUGE_BYTES`] for a command that reports per file: a file that
/// is too large is answered as its finding (not printed here); one that cannot be read is reported on stderr
/// (`Err(None)`).
pub fn read_deluge_or_finding(path: &str) -> Result<String, Option<Diagnostic>> {
    match read_limited(path, MAX_DELUGE_BYTES, "Deluge") {
        Ok(text) => Ok(text),
        Err(ReadError::TooLarge(e)) => Err(Some(e.diagnostic)),
        Err(e) => {
            report_read_error(path, e, Format::Text);
            Err(None)
        }
    }
}

/// Reads a JSON input file (or `-`) into `T`, printing the finding (with line and column) when it cannot.
pub fn read_json<T: serde::de::DeserializeOwned>(path: &str, format: Format) -> Result<T, Exit> {
    let text = read_limited(path, MAX_JSON_BYTES, "JSON").map_err(|e| report_read_error(path, e, format))?;
    parse_json_text(&text).map_err(|e: InputError| report_input_error(path, e, format))
}

/// Prints the finding of input that could not be read into its type; the exit is [`Exit::BadInput`].
pub fn report_input_error(path: &str, e: InputError, format: Format) -> Exit {
    match format {
        Format::Json => print_json(&serde_json::json!({ "file": shown(path), "diagnostics": [e.diagnostic] })),
        Format::Text => eprintln!("{}: {}", shown(path), e.diagnostic),
    }
    Exit::BadInput
}

/// Writes to standard output. When the reader has gone (`zck dc | head -1`), the command ends at once and
/// quietly with status 141, as a Unix tool killed by SIGPIPE does (128 + 13), rather than panicking: nothing is
/// printed, and a shell with `pipefail` sees the same status it sees for `cat` or `grep`.
fn write_stdout(text: &str, newline: bool) {
    let mut out = std::io::stdout().lock();
    let written = out.write_all(text.as_bytes()).and_then(|()| if newline { out.write_all(b"\n") } else { Ok(()) });
    match written {
        Ok(()) => {}
        Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => std::process::exit(141),
        Err(e) => {
            eprintln!("zck: cannot write the answer: {e}");
            std::process::exit(2);
        }
    }
}

/// Prints a value as pretty JSON.
pub fn print_json<T: Serialize + ?Sized>(value: &T) {
    match serde_json::to_string_pretty(value) {
        Ok(text) => write_stdout(&text, true),
        Err(e) => eprintln!("zck: cannot print the answer as JSON: {e}"),
    }
}

/// Prints findings compiler-style, errors first, then a count line. A source that is a registry id is printed as
/// the page's title and address (`source: Zoho Accounts: Token limits <https://…>`), so it can be opened.
pub fn print_diagnostics(diagnostics: &[Diagnostic]) {
    for d in diagnostics {
        let mut shown = d.clone();
        shown.source = d.source.as_deref().map(zoho_connector_kit::source::describe);
        write_stdout(&shown.to_string(), true);
    }
    let count = |s| diagnostics.iter().filter(|d| d.severity == s).count();
    use zoho_connector_kit::Severity::*;
    if !diagnostics.is_empty() {
        write_stdout(
            &format!("{} error(s), {} warning(s), {} note(s)", count(Error), count(Warning), count(Info)),
            true,
        );
    }
}

/// Prints a line.
pub fn line(text: &str) {
    write_stdout(text, true);
}

/// Prints text as it is (no newline added).
pub fn raw(text: &str) {
    write_stdout(text, false);
}

/// Writes a note for the person at the terminal on standard error (it is not part of the answer on stdout).
pub fn note(text: &str) {
    eprintln!("note: {text}");
}
