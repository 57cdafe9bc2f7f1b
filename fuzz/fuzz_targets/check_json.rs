//! Fuzz target: any bytes, read as UTF-8 (lossy), through `check_json`; when the request is
//! valid, through every renderer. Beyond "no panic", it asserts the invariants the page and the
//! CLI rely on, so a wrong report counts as a crash too.
#![no_main]

use libfuzzer_sys::fuzz_target;
use privatelink_prep::rules;
use privatelink_prep::{check_json, render, Format, Severity};

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    let Ok(checked) = check_json(&text) else {
        return;
    };
    let report = &checked.report;
    assert_eq!(report.valid, checked.request.is_some());
    assert_eq!(
        report.valid,
        !report
            .diagnostics
            .iter()
            .any(|d| d.severity == Severity::Error)
    );
    for d in &report.diagnostics {
        let rule = rules::find(d.code).expect("a catalogued code");
        assert_eq!(rule.severity, d.severity);
        assert!(!d.message.trim().is_empty() && !d.help.trim().is_empty());
        assert!(!d.message.chars().any(char::is_control), "{:?}", d.message);
    }
    let Some(request) = &checked.request else {
        return;
    };
    for format in [Format::Text, Format::Markdown, Format::Json] {
        let ticket = render(request, format);
        assert!(!ticket.subject.chars().any(char::is_control));
        assert!(ticket.subject.ends_with(request.company()));
        if format == Format::Json {
            let v: serde_json::Value = serde_json::from_str(&ticket.body).expect("JSON ticket");
            assert_eq!(v["subject"].as_str(), Some(ticket.subject.as_str()));
        }
    }
});
