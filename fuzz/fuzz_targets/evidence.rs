//! Fuzz target for the evidence checks (issue 14): any bytes, read as UTF-8 (lossy), as a pasted
//! cloud command output. It is recognised or not (`evidence::recognise`), read against the
//! example requests (`evidence::read`, as the page's `evidenceRead`), and attached to them as
//! evidence of the request and of an endpoint service (`check`, then every renderer when the
//! request stays valid). Beyond "no panic", the invariants the page relies on are asserted.
#![no_main]

use libfuzzer_sys::fuzz_target;
use privatelink_prep::{check, evidence, render, rules, Format, Severity};
use serde_json::{json, Value};

const AWS: &str = include_str!("../../tests/requests/aws-bidirectional.json");
const AZURE: &str = include_str!("../../tests/requests/azure-bidirectional.json");

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    if let Ok(v) = serde_json::from_str::<Value>(&text) {
        if let Some(out) = evidence::recognise(&v) {
            assert!(!evidence::facts(&out).is_empty());
        }
    }
    for base in [AWS, AZURE] {
        let doc: Value = serde_json::from_str(base).unwrap();
        for attach in ["", "endpoint_services[0]"] {
            let reading = evidence::read(&doc, attach, &text).expect("a valid target");
            assert!(reading.diagnostics.iter().all(|d| d.code.starts_with("PL8")));
            if reading.recognised.is_none() {
                assert!(reading.facts.is_empty() && reading.fills.is_empty());
            }
            // The example requests are complete: nothing to fill but a false checkbox.
            assert!(reading.fills.iter().all(|f| f.field.ends_with("principal_allowed")));
        }
        let mut with = doc.clone();
        with["evidence"] = json!([{ "output": &*text }]);
        with["endpoint_services"][0]["evidence"] = json!([{ "output": &*text }]);
        let checked = check(&with);
        let report = &checked.report;
        assert_eq!(report.valid, checked.request.is_some());
        assert_eq!(
            report.valid,
            !report.diagnostics.iter().any(|d| d.severity == Severity::Error)
        );
        for d in &report.diagnostics {
            let rule = rules::find(d.code).expect("a catalogued code");
            assert_eq!(rule.severity, d.severity);
            assert!(rule.concerns(&d.field), "{} on {}", d.code, d.field);
            assert!(!d.message.chars().any(char::is_control), "{:?}", d.message);
        }
        if let Some(request) = &checked.request {
            for format in [Format::Text, Format::Markdown, Format::Json] {
                render(request, format);
            }
        }
    }
});
