//! Native figures for issue 8: the mapping of `npm run bench` on its 10,000 records, JSON text in and out, two
//! ways: through `serde_json::Value` (read, `apply_mapping`, write, each timed) and through `apply_mapping_to_json`
//! (what the npm API does). Prints one JSON object; a figure, never pass/fail.
//!
//! The input is the benchmark's own data (`scripts/bench-mapping.mjs`), written to a file once:
//!
//! ```text
//! node -e "import('./scripts/bench-mapping.mjs').then((m) => require('fs').writeFileSync('/tmp/mapping-bench.json',
//!   JSON.stringify({ mapping: m.MAPPING, crm: { module: 'Leads', reply: m.REPLY }, records: m.customers(10000) })))"
//! cargo run --release --example bench_mapping -p zoho-connector-kit -- /tmp/mapping-bench.json
//! ```
//!
//! Add `--apply-only N` to run only `apply_mapping_to_json` N times (for `perf record`); `--dump FILE` writes its
//! answer (after checking it equals the `Value` path's).
#![allow(clippy::print_stdout, clippy::unwrap_used, clippy::expect_used)] // a benchmark prints; its input is fixed

use serde_json::Value;
use std::time::Instant;
use zoho_connector_kit::field::CrmSchemaInput;
use zoho_connector_kit::input::parse_json_text;
use zoho_connector_kit::mapping::{apply_mapping, apply_mapping_to_json, FieldMapping};

fn median(mut xs: Vec<f64>) -> f64 {
    xs.sort_by(f64::total_cmp);
    xs[xs.len() / 2]
}

fn ms(f: impl FnOnce()) -> f64 {
    let start = Instant::now();
    f();
    start.elapsed().as_secs_f64() * 1000.0
}

fn main() {
    let args: Vec<String> = std::env::args().collect();
    let path = args.get(1).map_or("/tmp/mapping-bench.json", String::as_str);
    let all: Value = serde_json::from_str(&std::fs::read_to_string(path).expect("the benchmark data file")).unwrap();
    let mapping: FieldMapping = serde_json::from_value(all["mapping"].clone()).unwrap();
    let crm: CrmSchemaInput = serde_json::from_value(all["crm"].clone()).unwrap();
    let (schema, _) = crm.resolve().unwrap();
    // The npm call reads the records from their JSON text (JSON.stringify on the JS side).
    let records_text = serde_json::to_string(&all["records"]).unwrap();
    let records: Vec<Value> = parse_json_text(&records_text).unwrap();

    if let Some(i) = args.iter().position(|a| a == "--dump") {
        let text = apply_mapping_to_json(&mapping, &schema, &records_text).unwrap();
        assert_eq!(text, serde_json::to_string(&apply_mapping(&mapping, &schema, &records)).unwrap());
        std::fs::write(&args[i + 1], text).unwrap();
        return;
    }
    if let Some(i) = args.iter().position(|a| a == "--apply-only") {
        let n: usize = args.get(i + 1).and_then(|n| n.parse().ok()).unwrap_or(50);
        for _ in 0..n {
            std::hint::black_box(
                apply_mapping_to_json(&mapping, &schema, std::hint::black_box(&records_text)).unwrap(),
            );
        }
        return;
    }

    let runs = 9;
    // The same records with a mapping of no fields that writes nothing: what reading the records costs.
    let empty: FieldMapping = serde_json::from_str(r#"{"module": "Leads", "sync": {"direction": "fromCrm"}}"#).unwrap();
    let (mut read, mut apply, mut write, mut text) = (Vec::new(), Vec::new(), Vec::new(), Vec::new());
    let mut read_only = Vec::new();
    let mut answer_len = 0;
    for _ in 0..runs {
        read.push(ms(|| {
            std::hint::black_box(parse_json_text::<Vec<Value>>(&records_text).unwrap());
        }));
        let mut preview = None;
        apply.push(ms(|| preview = Some(apply_mapping(&mapping, &schema, &records))));
        write.push(ms(|| answer_len = serde_json::to_string(&preview).unwrap().len()));
        read_only.push(ms(|| {
            std::hint::black_box(apply_mapping_to_json(&empty, &schema, &records_text).unwrap());
        }));
        text.push(ms(|| {
            std::hint::black_box(apply_mapping_to_json(&mapping, &schema, &records_text).unwrap());
        }));
    }
    let (read, apply, write, text) = (median(read), median(apply), median(write), median(text));
    let read_only = median(read_only);
    println!(
        "{{\"records\": {}, \"answerBytes\": {answer_len}, \"valuePath\": {{\"readMs\": {read:.1}, \"applyMs\": {apply:.1}, \
         \"writeMs\": {write:.1}, \"totalMs\": {:.1}}}, \"textPathMs\": {text:.1}, \
         \"textPathNoFieldsMs\": {read_only:.1}}}",
        records.len(),
        read + apply + write
    );
}
