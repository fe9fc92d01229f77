//! cargo-fuzz target `mapping_json`: records as JSON text through `apply_mapping_to_json` (a hand-written reader
//! and writer, for speed) against serde_json and `apply_mapping` — the harness of the same name in
//! `crate/tests/fuzz_harness/mod.rs`.
#![no_main]

#[path = "../../crate/tests/fuzz_harness/mod.rs"]
mod harness;

libfuzzer_sys::fuzz_target!(|text: &str| {
    harness::mapping_json(text);
});
