//! cargo-fuzz target `surface_pinned`: the `surfaces` harness with its byte 0 pinned by `ZCK_FUZZ_SURFACE` (0
//! `checkThrottle`, 1 `validateWebhook`, 2 `generateInvokeUrl`, 3 `generateRecordCall`, 4 `buildCoql`), so every
//! execution of a run goes to that one API and the run's count is that API's. Under `surfaces` libFuzzer favours
//! whichever API gives new coverage: a run seeded with one API's inputs only gave it 30 % of its executions.
#![no_main]

#[path = "../../crate/tests/fuzz_harness/mod.rs"]
mod harness;

use std::sync::OnceLock;

static SURFACE: OnceLock<u8> = OnceLock::new();

libfuzzer_sys::fuzz_target!(|data: &[u8]| {
    let pinned = *SURFACE.get_or_init(|| {
        let v = std::env::var("ZCK_FUZZ_SURFACE").unwrap_or_default();
        v.parse().ok().filter(|s: &u8| *s < 5).unwrap_or_else(|| {
            eprintln!("surface_pinned: set ZCK_FUZZ_SURFACE to 0..4 (got {v:?})");
            std::process::exit(2)
        })
    });
    let mut input = data.to_vec();
    match input.first_mut() {
        Some(first) => *first = pinned,
        None => return,
    }
    harness::surfaces(&input);
});
