//! Evidence behaviour that mutation testing (`bash scripts/mutants.sh`) found unchecked, asserted
//! as the user sees it: the exact evidence diagnostics.
#![cfg(all(feature = "evidence", not(target_arch = "wasm32")))]

mod common;

use privatelink_prep::check;
use privatelink_prep::evidence::MAX_OUTPUT_BYTES;
use serde_json::{json, Value};

fn output(name: &str) -> Value {
    let p = common::path("tests/evidence").join(name);
    serde_json::from_str(&std::fs::read_to_string(&p).unwrap()).unwrap()
}

/// The AWS bidirectional example with `outputs` as its document-level evidence.
fn aws(outputs: &[Value]) -> Value {
    let mut doc: Value = serde_json::from_str(&common::request("aws-bidirectional.json")).unwrap();
    doc["evidence"] = outputs.iter().map(|o| json!({ "output": o })).collect();
    doc
}

/// The evidence diagnostics (PL8xx) as (code, field, message).
fn found(doc: &Value) -> Vec<(String, String, String)> {
    check(doc)
        .report
        .diagnostics
        .into_iter()
        .filter(|d| d.code.starts_with("PL8"))
        .map(|d| (d.code.to_string(), d.field, d.message))
        .collect()
}

/// An output given as JSON (not as text) is read up to 256 KiB of compact JSON, at the byte.
#[test]
fn a_json_output_of_exactly_256_kib_is_read() {
    let mut ci = output("aws-caller-identity.json");
    ci["UserId"] = json!("");
    let short = MAX_OUTPUT_BYTES - serde_json::to_string(&ci).unwrap().len();
    ci["UserId"] = json!("x".repeat(short));
    assert_eq!(serde_json::to_string(&ci).unwrap().len(), MAX_OUTPUT_BYTES);
    assert_eq!(found(&aws(&[ci.clone()])), []);
    ci["UserId"] = json!("x".repeat(short + 1));
    assert_eq!(
        found(&aws(&[ci])),
        [(
            "PL808".to_string(),
            "evidence[0]".to_string(),
            "Cloud output 1 is 256 KiB long, more than the 256 KiB of an output read; it is ignored."
                .to_string()
        )]
    );
}
