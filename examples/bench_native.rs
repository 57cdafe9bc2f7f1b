//! Native benchmark of the core: `check_json` (parse + check), `check` (an already-parsed value,
//! what the browser's `validate` does) and `render` in each format, per call, on representative
//! requests. Prints one table of median and p95 in microseconds.
//!
//!     cargo run --release --example bench_native            # the table
//!     cargo run --release --example bench_native -- --json  # the same figures as JSON
//!     BENCH_MS=1000 cargo run --release --example bench_native   # longer per cell
//!
//! A command, not a test: nothing here asserts a time.

use std::hint::black_box;
use std::time::{Duration, Instant};

use privatelink_prep::{check, check_json, render, Format};
use serde_json::{json, Value};

/// The requests measured: the same set `scripts/bench.mjs` uses in the browser.
fn requests() -> Vec<(&'static str, String)> {
    let ports: Vec<Value> = (0..50)
        .map(|i| json!({"service": format!("Service {i}"), "port": 2000 + i}))
        .collect();
    let fifty = json!({
        "company": "Fifty Ports Ltd",
        "cloud": "aws",
        "region": "us-east-1",
        "account_id": "123456789012",
        "project_id": "abcdefghij123",
        "plan": "pro",
        "environments": ["production", "staging"],
        "connection_type": "unidirectional",
        "ports": ports,
    });
    vec![
        (
            "aws-unidirectional",
            include_str!("../tests/requests/aws-unidirectional.json").to_string(),
        ),
        (
            "aws-bidirectional",
            include_str!("../tests/requests/aws-bidirectional.json").to_string(),
        ),
        (
            "azure-bidirectional",
            include_str!("../tests/requests/azure-bidirectional.json").to_string(),
        ),
        ("invalid-many", INVALID.to_string()),
        (
            "aws-50-ports",
            serde_json::to_string_pretty(&fifty).unwrap(),
        ),
    ]
}

/// An invalid request with an error on nearly every field.
const INVALID: &str = r#"{
  "company": "Line\nbreak", "cloud": "aws", "region": "eu-west1", "account_id": "1234-5678-901",
  "project_id": "ABCDEFGHIJ12", "plan": "starter",
  "environments": ["integration", "production", "production", ""],
  "connection_type": "bidirectional",
  "ports": [{"service": "SSH", "port": 2222}, {"service": "Web", "port": 22},
            {"service": "Web", "port": 443}, {"service": "Web", "port": 443},
            {"service": "", "port": 70000, "protocol": "sctp"}],
  "endpoint_services": [{"name": "com.amazonaws.vpce.eu-west-2.vpce-svc-0A1B", "ports": [],
                         "principal_allowed": false}],
  "prerequisites": {"nlb": false, "endpoint_service": null, "interfac_endpoint": true},
  "azure": {"cluster_id": "x"}
}"#;

struct Stats {
    median_us: f64,
    p95_us: f64,
    calls: usize,
}

/// Times `f` call by call for about `budget` (at least 1,000 calls, after a warm-up).
fn measure(budget: Duration, mut f: impl FnMut()) -> Stats {
    for _ in 0..200 {
        f();
    }
    let mut samples: Vec<Duration> = Vec::with_capacity(16_384);
    let start = Instant::now();
    while samples.len() < 1_000 || (start.elapsed() < budget && samples.len() < 2_000_000) {
        let t = Instant::now();
        f();
        samples.push(t.elapsed());
    }
    samples.sort_unstable();
    let at = |q: f64| {
        let i = ((samples.len() as f64 - 1.0) * q).round() as usize;
        samples[i].as_secs_f64() * 1e6
    };
    Stats {
        median_us: at(0.5),
        p95_us: at(0.95),
        calls: samples.len(),
    }
}

fn main() {
    let as_json = std::env::args().any(|a| a == "--json");
    let budget = Duration::from_millis(
        std::env::var("BENCH_MS")
            .ok()
            .and_then(|s| s.parse().ok())
            .unwrap_or(300),
    );
    let mut rows: Vec<(&str, &str, usize, Stats)> = Vec::new();
    for (name, text) in requests() {
        let value: Value = serde_json::from_str(&text).expect("bench requests are JSON");
        let checked = check(&value);
        let diagnostics = checked.report.diagnostics.len();
        rows.push((
            name,
            "check_json (parse+check)",
            diagnostics,
            measure(budget, || {
                black_box(check_json(black_box(&text)).ok());
            }),
        ));
        rows.push((
            name,
            "check (parsed value)",
            diagnostics,
            measure(budget, || {
                black_box(check(black_box(&value)));
            }),
        ));
        if let Some(request) = &checked.request {
            for (label, format) in [
                ("render text", Format::Text),
                ("render markdown", Format::Markdown),
                ("render json", Format::Json),
            ] {
                rows.push((
                    name,
                    label,
                    diagnostics,
                    measure(budget, || {
                        black_box(render(black_box(request), format));
                    }),
                ));
            }
        }
    }

    if as_json {
        let out: Vec<Value> = rows
            .iter()
            .map(|(name, op, diags, s)| {
                json!({"request": name, "op": op, "diagnostics": diags,
                       "median_us": s.median_us, "p95_us": s.p95_us, "calls": s.calls})
            })
            .collect();
        println!("{}", serde_json::to_string_pretty(&out).unwrap());
        return;
    }
    println!(
        "privatelink-prep {} native core ({} build), per call, {} ms per cell",
        privatelink_prep::VERSION,
        if cfg!(debug_assertions) {
            "DEBUG"
        } else {
            "release"
        },
        budget.as_millis()
    );
    println!(
        "{:<22} {:<26} {:>6} {:>11} {:>11} {:>10}",
        "request", "operation", "diags", "median µs", "p95 µs", "calls"
    );
    for (name, op, diags, s) in &rows {
        println!(
            "{:<22} {:<26} {:>6} {:>11.2} {:>11.2} {:>10}",
            name, op, diags, s.median_us, s.p95_us, s.calls
        );
    }
}
