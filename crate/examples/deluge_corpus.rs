//! Measures the Deluge checker on a directory of real scripts (kept outside the repository, see README
//! "Deluge checker on real scripts"): how many files get at least one error, and which errors.
//!
//! Run: `cargo run --release --example deluge_corpus -p zoho-connector-kit -- DIR [--broken LIST] [--list]`
//! - `DIR`: every file under it is one script.
//! - `--broken LIST`: a text file of paths (relative to `DIR`, one a line, `#` comments) judged genuinely broken by
//!   a person; they are counted apart, and each must still get an error.
//! - `--list`: print every flagged valid file with its first findings.
//!
//! It also checks the formatter on every file without errors: the output must check clean, format to itself and
//! keep the token stream.
#![allow(clippy::print_stdout)] // a measuring tool prints its figures

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};
use zoho_connector_kit::deluge::check_deluge;
use zoho_connector_kit::deluge::format::{format_deluge_with, FormatOptions, Layout};
use zoho_connector_kit::deluge::lexer::lex;
use zoho_connector_kit::Severity;

fn walk(dir: &Path, out: &mut Vec<PathBuf>) {
    let Ok(entries) = std::fs::read_dir(dir) else { return };
    let mut entries: Vec<PathBuf> = entries.filter_map(|e| e.ok().map(|e| e.path())).collect();
    entries.sort();
    for p in entries {
        if p.is_dir() {
            walk(&p, out);
        } else {
            out.push(p);
        }
    }
}

/// The message with backticked parts replaced, so that findings group by kind.
fn shape(message: &str) -> String {
    let mut out = String::new();
    let mut inside = false;
    for c in message.chars() {
        if c == '`' {
            if !inside {
                out.push_str("`…`");
            }
            inside = !inside;
        } else if !inside {
            out.push(c);
        }
    }
    out
}

fn tokens(text: &str) -> Vec<String> {
    lex(text).tokens.iter().filter(|t| !t.kind.is_comment()).map(|t| t.text.to_string()).collect()
}

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let Some(dir) = args.first().map(PathBuf::from) else {
        println!("usage: deluge_corpus DIR [--broken LIST] [--list]");
        return;
    };
    let list = args.iter().any(|a| a == "--list");
    let broken: BTreeSet<String> = args
        .iter()
        .position(|a| a == "--broken")
        .and_then(|i| args.get(i + 1))
        .and_then(|p| std::fs::read_to_string(p).ok())
        .map(|t| {
            t.lines().map(|l| l.split('#').next().unwrap_or("").trim().to_string()).filter(|l| !l.is_empty()).collect()
        })
        .unwrap_or_default();
    let mut files = Vec::new();
    walk(&dir, &mut files);
    let (mut valid, mut flagged, mut broken_caught, mut broken_missed) = (0usize, 0usize, 0usize, Vec::new());
    let mut by_kind: BTreeMap<(String, String), usize> = BTreeMap::new();
    let mut other: BTreeMap<String, usize> = BTreeMap::new();
    let (mut formatted, mut format_failures) = (0usize, Vec::new());
    // Clean files the formatter leaves as they are, per layout (Zoho, spaced).
    let mut unchanged = [0usize; 2];
    let mut repos = BTreeSet::new();
    for path in &files {
        let Ok(text) = std::fs::read_to_string(path) else { continue };
        let rel = path.strip_prefix(&dir).unwrap_or(path).to_string_lossy().to_string();
        if let Some(first) = rel.split('/').next() {
            repos.insert(first.to_string());
        }
        let found = check_deluge(&text);
        let errors: Vec<_> = found.iter().filter(|d| d.severity == Severity::Error).collect();
        for d in found.iter().filter(|d| d.severity != Severity::Error) {
            *other.entry(format!("{:?} {}", d.severity, d.code)).or_default() += 1;
        }
        if broken.contains(&rel) {
            if errors.is_empty() {
                broken_missed.push(rel);
            } else {
                broken_caught += 1;
            }
            continue;
        }
        valid += 1;
        if errors.is_empty() {
            formatted += 1;
            for (i, layout) in [Layout::Zoho, Layout::Spaced].into_iter().enumerate() {
                let options = FormatOptions { layout };
                match format_deluge_with(&text, options) {
                    Ok(out) => {
                        let again = format_deluge_with(&out, options);
                        let clean = check_deluge(&out).iter().all(|d| d.severity != Severity::Error);
                        if again.as_deref() != Ok(out.as_str()) || !clean || tokens(&out) != tokens(&text) {
                            format_failures.push(format!("{rel} ({layout:?})"));
                        }
                        // Unchanged but for line ends and trailing white space: the file was already in this layout.
                        let norm =
                            |t: &str| t.lines().map(str::trim_end).collect::<Vec<_>>().join("\n").trim().to_string();
                        if norm(&out) == norm(&text) {
                            unchanged[i] += 1;
                        }
                    }
                    Err(_) => format_failures.push(format!("{rel} ({layout:?})")),
                }
            }
            continue;
        }
        flagged += 1;
        let mut kinds = BTreeSet::new();
        for d in &errors {
            kinds.insert((d.code.to_string(), shape(&d.message)));
        }
        for k in kinds {
            *by_kind.entry(k).or_default() += 1;
        }
        if list {
            println!("{rel}");
            for d in errors.iter().take(3) {
                println!("  {}:{} {} {}", d.line.unwrap_or(0), d.column.unwrap_or(0), d.code, d.message);
            }
        }
    }
    let pct = |a: usize, b: usize| if b == 0 { 0.0 } else { a as f64 * 100.0 / b as f64 };
    println!("files: {} in {} folders", files.len(), repos.len());
    println!("judged broken: {} ({} caught, {} missed)", broken.len(), broken_caught, broken_missed.len());
    for m in &broken_missed {
        println!("  missed: {m}");
    }
    println!("valid files with >= 1 error: {flagged} of {valid} ({:.1} %)", pct(flagged, valid));
    println!(
        "formatter on clean files: {formatted} formatted in both layouts, {} property failures; already in Zoho's layout: {}, in the spaced layout: {}",
        format_failures.len(),
        unchanged[0],
        unchanged[1]
    );
    for f in format_failures.iter().take(20) {
        println!("  format property failed: {f}");
    }
    let mut kinds: Vec<_> = by_kind.into_iter().collect();
    kinds.sort_by_key(|k| std::cmp::Reverse(k.1));
    println!("errors by kind (valid files that have it):");
    for ((code, message), n) in kinds.iter().take(25) {
        println!("  {n:5}  {code}  {message}");
    }
    println!("warnings and infos (findings):");
    for (k, n) in &other {
        println!("  {n:5}  {k}");
    }
}
