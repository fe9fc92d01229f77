//! Native figures for `npm run bench`: validateConnection and detect calls per second on the same inputs the npm
//! benchmark uses. Prints one JSON object. Run: `cargo run --release --example bench_native -p zoho-connector-kit`.
#![allow(clippy::print_stdout, clippy::unwrap_used)] // a benchmark prints its figures; its inputs are constants

use std::time::{Duration, Instant};
use zoho_connector_kit::connection::{validate_connection, ConnectionConfigInput};
use zoho_connector_kit::data_center::detect;
use zoho_connector_kit::input::parse_json_text;

/// The config the npm benchmark also uses (scripts/bench-browser.mjs reads the same file).
const CONFIG: &str = include_str!("../../scripts/bench-config.json");

fn per_second(mut f: impl FnMut()) -> f64 {
    // Warm up, then count calls in a fixed window; median of 5 windows.
    for _ in 0..200 {
        f();
    }
    let mut rates = Vec::new();
    for _ in 0..5 {
        let start = Instant::now();
        let mut n = 0u64;
        while start.elapsed() < Duration::from_millis(300) {
            f();
            n += 1;
        }
        rates.push(n as f64 / start.elapsed().as_secs_f64());
    }
    rates.sort_by(f64::total_cmp);
    rates[2]
}

fn main() {
    let config: ConnectionConfigInput = parse_json_text(CONFIG).unwrap();
    let validate = per_second(|| {
        std::hint::black_box(validate_connection(std::hint::black_box(&config)));
    });
    let samples =
        ["https://accounts.zoho.eu/oauth/v2/auth", "https://crm.zoho.com.au/crm/org1/tab/Home", "accounts.zoho.au"];
    let mut k = 0;
    let detect_rate = per_second(|| {
        std::hint::black_box(detect(samples[k % samples.len()]));
        k += 1;
    });
    println!("{{\"validateConnectionPerSec\": {validate:.0}, \"detectPerSec\": {detect_rate:.0}}}");
}
