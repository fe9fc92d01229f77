//! Every example in every `zck … --help` and in the README's CLI section runs, against the files of
//! `crate/tests/data/cli-examples/` copied into a fresh directory, and exits 0 — or with the exit code the help
//! documents for it (listed in `EXPECTED_EXIT` with the reason). Help text is not wrapped a second time by the
//! terminal width (issue 15, point 6).
#![cfg(all(feature = "cli", not(target_arch = "wasm32")))]
#![allow(clippy::unwrap_used, clippy::expect_used)] // tests: a panic is the failure report

use std::path::{Path, PathBuf};
use std::process::Command;

mod zck_run;
use zck_run::{stdout, zck};

/// Examples that exit non-zero on purpose, with the exit the help documents (1: an error finding).
const EXPECTED_EXIT: &[(&str, i32, &str)] = &[
    ("zck validate exported.json --account-dc eu", 1, "an EU account with accounts.zoho.com URLs: wrong-DC errors"),
    ("zck auth-url exported.json --account-dc eu", 1, "the same wrong-DC errors as validate: no URL"),
    ("zck validate hubspot.json", 1, "a started preset still lacks the client ID and secret"),
    ("zck dc detect accounts.zoho.au", 1, "accounts.zoho.au is not a Zoho host: dc.wrong_host"),
    ("zck token parse - --status 200", 1, "an error body (invalid_code)"),
    ("zck coql \"select Email from Contacts limit 5000\"", 1, "over the COQL row limit"),
    ("zck token requests exported.json --account-dc eu", 1, "Export JSON leaves the client secret out"),
];

/// Every command path, so that a new subcommand without examples fails here.
fn command_paths() -> Vec<Vec<String>> {
    let mut out = vec![Vec::new()];
    let mut i = 0;
    while i < out.len() {
        let path = out[i].clone();
        let mut args: Vec<&str> = path.iter().map(String::as_str).collect();
        args.push("--help");
        let help = stdout(&zck(&args, None));
        let mut in_commands = false;
        for line in help.lines() {
            if line.starts_with("Commands:") {
                in_commands = true;
                continue;
            }
            if in_commands {
                let Some(name) = line.strip_prefix("  ").and_then(|l| l.split_whitespace().next()) else {
                    break;
                };
                if name != "help" {
                    let mut child = path.clone();
                    child.push(name.to_string());
                    out.push(child);
                }
            }
        }
        i += 1;
    }
    out
}

/// The example command lines of a help text: the indented lines under `Example:` / `Examples:`, without the
/// explanation after two or more spaces.
fn examples(help: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut on = false;
    for line in help.lines() {
        if line.starts_with("Example:") || line.starts_with("Examples:") {
            on = true;
            continue;
        }
        if on {
            let Some(text) = line.strip_prefix("  ") else {
                on = false;
                continue;
            };
            let command = text.split("  ").next().unwrap_or("").trim();
            if !command.is_empty() {
                out.push(command.to_string());
            }
        }
    }
    out
}

/// The `$ zck …` lines of the README's CLI section.
fn readme_examples() -> Vec<String> {
    let readme = std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join("../README.md")).unwrap();
    let start = readme.find("## The CLI: `zck`").expect("the README has a CLI section");
    let section = &readme[start..];
    let end = section[3..].find("\n## ").map_or(section.len(), |e| e + 3);
    section[..end]
        .lines()
        .filter_map(|l| l.strip_prefix("$ "))
        .map(|l| l.split('#').next().unwrap_or("").trim().to_string())
        .collect()
}

fn fixtures() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/data/cli-examples")
}

fn copy_dir(from: &Path, to: &Path) {
    std::fs::create_dir_all(to).unwrap();
    for entry in std::fs::read_dir(from).unwrap() {
        let entry = entry.unwrap();
        let target = to.join(entry.file_name());
        if entry.file_type().unwrap().is_dir() {
            copy_dir(&entry.path(), &target);
        } else {
            std::fs::copy(entry.path(), target).unwrap();
        }
    }
}

/// Runs one example line with `sh` in a fresh copy of the fixtures, `zck` on the PATH, `pbpaste` standing in
/// for the clipboard.
fn run(example: &str, n: usize) -> (i32, String) {
    let dir = std::env::temp_dir().join(format!("zck-cli-examples-{}-{n}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    copy_dir(&fixtures(), &dir);
    let bin = Path::new(env!("CARGO_BIN_EXE_zck")).parent().unwrap().to_path_buf();
    let path = format!("{}:{}", bin.display(), std::env::var("PATH").unwrap_or_default());
    let script = format!("pbpaste() {{ cat clipboard.dg; }}\n{example}\n");
    let o = Command::new("sh").arg("-c").arg(&script).current_dir(&dir).env("PATH", path).output().unwrap();
    let _ = std::fs::remove_dir_all(&dir);
    let text = format!("{}{}", String::from_utf8_lossy(&o.stdout), String::from_utf8_lossy(&o.stderr));
    (o.status.code().unwrap_or(-1), text)
}

#[test]
fn every_help_and_readme_example_runs_and_exits_as_documented() {
    let mut all = Vec::new();
    let mut without = Vec::new();
    for path in command_paths() {
        let mut args: Vec<&str> = path.iter().map(String::as_str).collect();
        args.push("--help");
        let found = examples(&stdout(&zck(&args, None)));
        if found.is_empty() {
            without.push(path.join(" "));
        }
        all.extend(found);
    }
    assert!(without.is_empty(), "commands whose --help has no example: {without:?}");
    let readme = readme_examples();
    assert!(readme.len() >= 2, "the README's CLI section lost its examples: {readme:?}");
    all.extend(readme);
    all.sort();
    all.dedup();
    assert!(all.len() > 60, "only {} examples found: the extraction broke", all.len());
    let mut failures = Vec::new();
    for (n, example) in all.iter().enumerate() {
        let want = EXPECTED_EXIT.iter().find(|(e, _, _)| example.contains(e)).map_or(0, |(_, code, _)| *code);
        let (code, out) = run(example, n);
        if code != want {
            failures.push(format!("`{example}`: exit {code}, want {want}\n{out}"));
        }
    }
    assert!(failures.is_empty(), "{} example(s) failed:\n\n{}", failures.len(), failures.join("\n"));
}

/// Help text is written with its own line breaks; the terminal width must not break those lines again.
#[test]
fn help_text_is_not_wrapped_twice() {
    let o = Command::new(env!("CARGO_BIN_EXE_zck")).args(["validate", "--help"]).env("COLUMNS", "60").output().unwrap();
    let help = stdout(&o);
    assert!(
        help.contains(
            "The config is the JSON the extension's Connection tab exports (camelCase): serviceName, linkName,\n"
        ),
        "{help}"
    );
}
