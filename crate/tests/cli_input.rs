//! Issue 12, item 6: how `zck` reads and writes at the edges: a reader that goes away, a byte order mark, inputs
//! too large to read, and a secret given as the wrong kind of value.
#![cfg(all(feature = "cli", not(target_arch = "wasm32")))]
#![allow(clippy::unwrap_used, clippy::expect_used)] // tests: a panic is the failure report

use std::io::Write;
use std::process::{Command, Stdio};

mod zck_run;
use zck_run::stdout;

fn temp_file(name: &str, bytes: &[u8]) -> std::path::PathBuf {
    let dir = std::env::temp_dir().join(format!("zck-cli-input-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let path = dir.join(name);
    std::fs::write(&path, bytes).unwrap();
    path
}

/// `zck dc | head -1`: the reader is gone before zck writes. zck ends quietly with 141 (128 + SIGPIPE, what a
/// shell shows for `cat` in the same place), never with a "Broken pipe" panic (exit 101).
#[test]
fn a_closed_reader_ends_zck_quietly_with_141() {
    let dg = temp_file("pipe.dg", b"x = 1\ninfo x;\n");
    for args in [vec!["dc"], vec!["dc", "--format", "json"], vec!["check", dg.to_str().unwrap()]] {
        let (reader, writer) = std::io::pipe().unwrap();
        drop(reader);
        let out = Command::new(env!("CARGO_BIN_EXE_zck"))
            .args(&args)
            .stdin(Stdio::null())
            .stdout(writer)
            .stderr(Stdio::piped())
            .output()
            .unwrap();
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert_eq!(out.status.code(), Some(141), "{args:?}: {stderr}");
        assert_eq!(stderr, "", "{args:?}");
    }
}

/// A file saved with a UTF-8 byte order mark reads as the same file without it (JSON and Deluge, file and stdin).
#[test]
fn a_byte_order_mark_is_accepted() {
    let config = br#"{"dataCenter": "eu", "clientId": "1000.GMB0YULZHJK411248S8I5GZ4CHUEX0", "scopes": ["ZohoCRM.users.READ"], "redirectUri": "https://dre.zoho.eu/delugeauth/callback", "state": "s1"}"#;
    let with_bom = [b"\xef\xbb\xbf".as_slice(), config].concat();
    let plain = temp_file("plain.json", config);
    let bom = temp_file("bom.json", &with_bom);
    let want = zck_run::zck(&["auth-url", plain.to_str().unwrap()], None);
    assert_eq!(want.status.code(), Some(0), "{}", String::from_utf8_lossy(&want.stderr));
    let got = zck_run::zck(&["auth-url", bom.to_str().unwrap()], None);
    assert_eq!(got.status.code(), Some(0), "{}", String::from_utf8_lossy(&got.stderr));
    assert_eq!(stdout(&got), stdout(&want));
    let piped = zck_run::zck(&["auth-url", "-"], Some(std::str::from_utf8(&with_bom).unwrap()));
    assert_eq!(stdout(&piped), stdout(&want));

    let dg = temp_file("bom.dg", "\u{feff}info \"x\";\n".as_bytes());
    let checked = zck_run::zck(&["check", dg.to_str().unwrap()], None);
    assert_eq!(checked.status.code(), Some(0), "{}", stdout(&checked));
    let formatted = zck_run::zck(&["fmt", "--check", dg.to_str().unwrap()], None);
    assert_eq!(formatted.status.code(), Some(0), "{}", stdout(&formatted));
}

/// Inputs over 20 MiB (JSON) and 5 MiB (Deluge) are refused with `input.too_large` and exit 2, from a file and
/// from standard input, without reading them whole.
#[test]
fn oversized_inputs_are_refused_before_reading() {
    let json = temp_file("big.json", &vec![b' '; 20 * 1024 * 1024 + 1]);
    let out = zck_run::zck(&["validate", json.to_str().unwrap()], None);
    assert_eq!(out.status.code(), Some(2));
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(stderr.contains("input.too_large") && stderr.contains("20 MiB"), "{stderr}");

    let dg = temp_file("big.dg", &vec![b' '; 5 * 1024 * 1024 + 1]);
    let out = zck_run::zck(&["check", "--format", "json", dg.to_str().unwrap()], None);
    assert_eq!(out.status.code(), Some(2));
    let answer: serde_json::Value = serde_json::from_str(&stdout(&out)).unwrap();
    assert_eq!(answer["files"][0]["diagnostics"][0]["code"], "input.too_large");

    // Exactly at the limit is read (and is an empty config, so it is a finding, not a refusal).
    let at_limit = temp_file("limit.dg", &vec![b' '; 5 * 1024 * 1024]);
    let out = zck_run::zck(&["check", at_limit.to_str().unwrap()], None);
    assert_ne!(out.status.code(), Some(2), "{}", stdout(&out));

    // Standard input: zck stops reading after the limit, so the writer may see a closed pipe.
    let mut child = Command::new(env!("CARGO_BIN_EXE_zck"))
        .args(["validate", "-"])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let mut stdin = child.stdin.take().unwrap();
    let writer = std::thread::spawn(move || {
        let chunk = vec![b' '; 1024 * 1024];
        for _ in 0..64 {
            if stdin.write_all(&chunk).is_err() {
                break;
            }
        }
    });
    let out = child.wait_with_output().unwrap();
    writer.join().unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("input.too_large"));
}

/// `"clientSecret": 12345678` is refused without the number appearing in what zck prints.
#[test]
fn a_secret_given_as_a_number_is_not_echoed() {
    for (args, json) in [
        (vec!["validate", "-"], r#"{"clientSecret": 12345678}"#),
        (vec!["validate", "--format", "json", "-"], r#"{"authType": "basic", "password": 12345678}"#),
        (vec!["token", "requests", "-"], r#"{"refreshToken": 12345678}"#),
    ] {
        let out = zck_run::zck(&args, Some(json));
        assert_eq!(out.status.code(), Some(2), "{args:?}");
        let all = format!("{}{}", stdout(&out), String::from_utf8_lossy(&out.stderr));
        assert!(all.contains("input.invalid_type"), "{all}");
        assert!(!all.contains("12345678"), "{all}");
    }
}
