//! Timings (figures, not a test) of `check_deluge` and `format_deluge` on the 2,000-line corpus file.
//! Run: `cargo run --release --example deluge_bench`.
#![allow(clippy::print_stdout)] // an example prints its figures

use std::time::Instant;
use zoho_connector_kit::deluge::{check_deluge, format_deluge};

const LARGE: &str = include_str!("../tests/data/deluge/corpus/large_sync.dg");

fn main() {
    let runs = 200u32;
    let time = |f: &dyn Fn()| {
        f();
        let start = Instant::now();
        for _ in 0..runs {
            f();
        }
        start.elapsed().as_secs_f64() * 1000.0 / f64::from(runs)
    };
    let check = time(&|| assert!(check_deluge(LARGE).is_empty()));
    let format = time(&|| assert!(format_deluge(LARGE).is_ok()));
    println!("large_sync.dg: {} lines, {} bytes", LARGE.lines().count(), LARGE.len());
    println!("check_deluge:  {check:.3} ms (mean of {runs})");
    println!("format_deluge: {format:.3} ms (mean of {runs})");
}
