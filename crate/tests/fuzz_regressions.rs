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
