//! Every input the fuzzers (and the property tests) found crashing, kept in `data/fuzz-regressions/`, run
//! through the same harness as the fuzz target its file name starts with (`deluge-…`, `mapping-…`, …).
//! Native only: it lists the directory, so that a new crashing input is kept by copying the file in.
#![cfg(not(target_arch = "wasm32"))]
#![allow(clippy::unwrap_used, clippy::expect_used)] // tests: a panic is the failure report

mod fuzz_harness;

use std::path::Path;

#[test]
fn every_kept_crashing_input_now_passes() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/data/fuzz-regressions");
    let mut names: Vec<_> = std::fs::read_dir(&dir).unwrap().map(|e| e.unwrap().file_name()).collect();
    names.sort();
    let mut ran = 0;
    for name in names {
        let name = name.to_string_lossy().into_owned();
        if name.ends_with(".md") {
            continue;
        }
        let target = name.split_once('-').map_or(name.as_str(), |(t, _)| t);
        let data = std::fs::read(dir.join(&name)).unwrap();
        assert!(fuzz_harness::run(target, &data), "{name}: no harness `{target}` (or not UTF-8)");
        ran += 1;
    }
    assert!(ran >= 1, "no regression inputs in {}", dir.display());
}

/// The `live_test` harness's property ("a request goes only to a registry API domain over https; a redirect is never
/// ok") on every row of the attack table, with every selector byte (each input role, environment and reply).
#[test]
fn live_test_harness_holds_on_the_attack_table() {
    let table: Vec<serde_json::Value> =
        serde_json::from_str(include_str!("data/connection-test/api-domain-attacks.json")).unwrap();
    for row in &table {
        let text = row["input"].as_str().unwrap();
        for selector in 0..=u8::MAX {
            let mut data = vec![selector];
            data.extend_from_slice(text.as_bytes());
            fuzz_harness::live_test(&data);
        }
    }
}
