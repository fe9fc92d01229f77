//! Timings (figures, not a test) of `check_deluge` and `format_deluge` on the 2,000-line corpus file.
//! Run: `cargo bench --bench deluge` (text), or with `-- --json` for one JSON line that
//! `scripts/bench.mjs` reads: `{"lines":…,"bytes":…,"runs":…,"checkMs":…,"formatMs":…,"checkMeanMs":…,"formatMeanMs":…}`
//! (`…Ms` are medians of single runs, `…MeanMs` means).
#![allow(clippy::print_stdout)] // a benchmark prints its figures

use std::time::Instant;
use zoho_connector_kit::deluge::{check_deluge, format_deluge};

const LARGE: &str = include_str!("../tests/data/deluge/corpus/large_sync.dg");

/// Median and mean of `runs` timed calls, in milliseconds, after one warm-up call.
fn time(runs: usize, f: &dyn Fn()) -> (f64, f64) {
    f();
    let mut samples: Vec<f64> = (0..runs)
        .map(|_| {
            let start = Instant::now();
            f();
            start.elapsed().as_secs_f64() * 1000.0
        })
        .collect();
    samples.sort_by(f64::total_cmp);
    let median = samples.get(samples.len() / 2).copied().unwrap_or(f64::NAN);
    let mean = samples.iter().sum::<f64>() / samples.len().max(1) as f64;
    (median, mean)
}

fn main() {
    let json = std::env::args().any(|a| a == "--json");
    let runs = 200;
    let (check, check_mean) = time(runs, &|| assert!(check_deluge(LARGE).is_empty()));
    let (format, format_mean) = time(runs, &|| assert!(format_deluge(LARGE).is_ok()));
    let (lines, bytes) = (LARGE.lines().count(), LARGE.len());
    if json {
        println!(
            "{{\"lines\":{lines},\"bytes\":{bytes},\"runs\":{runs},\"checkMs\":{check:.4},\"formatMs\":{format:.4},\
             \"checkMeanMs\":{check_mean:.4},\"formatMeanMs\":{format_mean:.4}}}"
        );
        return;
    }
    println!("large_sync.dg: {lines} lines, {bytes} bytes");
    println!("check_deluge:  {check:.3} ms median, {check_mean:.3} ms mean of {runs}");
    println!("format_deluge: {format:.3} ms median, {format_mean:.3} ms mean of {runs}");
}
