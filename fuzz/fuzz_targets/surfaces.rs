//! cargo-fuzz target `surfaces`: the harness of the same name in `crate/tests/fuzz_harness/mod.rs` (byte 0 selects,
//! see there), which `crate/tests/fuzz_regressions.rs` also runs on kept inputs.
#![no_main]

#[path = "../../crate/tests/fuzz_harness/mod.rs"]
mod harness;

libfuzzer_sys::fuzz_target!(|data: &[u8]| {
    harness::surfaces(data);
});
