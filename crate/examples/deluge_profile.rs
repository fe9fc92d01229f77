//! A loop over `check_deluge` and `format_deluge` on the 2,000-line corpus file, for `perf record`.
//! Run: `cargo build --release --example deluge_profile -p zoho-connector-kit`, then
//! `perf record -g target/release/examples/deluge_profile check 500` (or `format`).
#![allow(clippy::print_stdout)] // a profiling aid prints its figure

use std::time::Instant;
use zoho_connector_kit::deluge::{check_deluge, format_deluge};

const LARGE: &str = include_str!("../tests/data/deluge/corpus/large_sync.dg");

fn main() {
    let args: Vec<String> = std::env::args().collect();
    let what = args.get(1).map_or("check", String::as_str);
    let runs: u32 = args.get(2).and_then(|n| n.parse().ok()).unwrap_or(500);
    let start = Instant::now();
    for _ in 0..runs {
        match what {
            "format" => {
                std::hint::black_box(format_deluge(std::hint::black_box(LARGE)).is_ok());
            }
            _ => {
                std::hint::black_box(check_deluge(std::hint::black_box(LARGE)).len());
            }
        }
    }
    let ms = start.elapsed().as_secs_f64() * 1000.0 / f64::from(runs);
    println!("{what}: {ms:.3} ms per run");
}
