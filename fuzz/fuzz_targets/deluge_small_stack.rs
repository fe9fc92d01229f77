//! cargo-fuzz target `deluge_small_stack`: the `deluge` harness on a thread with the stack the shipped Wasm has
//! (1 MB, Rust's default for wasm32), so that inputs deep enough to overflow it crash here too (issue 12 item 3: the
//! `deluge` target runs on the native 8 MB stack and never saw the Wasm overflow). `scripts/fuzz.mjs` runs it with
//! inputs up to 1 MB and seeds it with long operator chains.
#![no_main]

#[path = "../../crate/tests/fuzz_harness/mod.rs"]
mod harness;

/// The Wasm stack: rust-lld's default `stack-size` for wasm32-unknown-unknown.
const WASM_STACK: usize = 1 << 20;

libfuzzer_sys::fuzz_target!(|text: &str| {
    let text = text.to_string();
    let run = std::thread::Builder::new().stack_size(WASM_STACK).spawn(move || harness::deluge(&text));
    if let Err(panic) = run.expect("spawn the small-stack thread").join() {
        std::panic::resume_unwind(panic);
    }
});
