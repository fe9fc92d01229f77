//! cargo-fuzz target `connection_config`: the harness of the same name in `crate/tests/fuzz_harness/mod.rs`, which
//! `crate/tests/fuzz_regressions.rs` also runs on every kept crashing input.
#![no_main]

#[path = "../../crate/tests/fuzz_harness/mod.rs"]
mod harness;

libfuzzer_sys::fuzz_target!(|text: &str| {
    harness::connection_config(text);
});
