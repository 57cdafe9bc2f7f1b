//! Shared by the change, network and guide tests: patch an example request and compare every
//! diagnostic exactly.
#![allow(dead_code)]

use privatelink_prep::{check, check_json, Checked, Severity};
use serde_json::{json, Value};

use crate::common;

/// One expected diagnostic: code, severity, field, message, suggestion.
pub type Expect = (
    &'static str,
    Severity,
    &'static str,
    &'static str,
    Option<&'static str>,
);

/// Applies a JSON merge patch (RFC 7386: `null` removes a field; arrays are replaced whole).
pub fn merge(base: &mut Value, patch: Value) {
    match patch {
        Value::Object(p) => {
            if !base.is_object() {
                *base = json!({});
            }
            let obj = base.as_object_mut().unwrap();
            for (k, v) in p {
                if v.is_null() {
                    obj.remove(&k);
                } else if v.is_object() {
                    merge(obj.entry(k).or_insert(Value::Null), v);
                } else {
                    obj.insert(k, v);
                }
            }
        }
        other => *base = other,
    }
}

/// `tests/requests/<base>` with `patch` applied.
pub fn doc(base: &str, patch: Value) -> Value {
    let mut doc: Value = serde_json::from_str(&common::request(base)).unwrap();
    merge(&mut doc, patch);
    doc
}

/// Checks `tests/requests/<base>` patched with `patch`; every diagnostic must be as expected,
/// in order, and the request is present exactly when no error is expected.
pub fn case(base: &str, patch: Value, expected: &[Expect]) -> Checked {
    let doc = doc(base, patch.clone());
    let checked = check(&doc);
    let got: Vec<(String, Severity, String, String, Option<String>)> = checked
        .report
        .diagnostics
        .iter()
        .map(|d| {
            (
                d.code.to_string(),
                d.severity,
                d.field.clone(),
                d.message.clone(),
                d.suggestion.clone(),
            )
        })
        .collect();
    let want: Vec<(String, Severity, String, String, Option<String>)> = expected
        .iter()
        .map(|e| {
            (
                e.0.to_string(),
                e.1,
                e.2.to_string(),
                e.3.to_string(),
                e.4.map(str::to_string),
            )
        })
        .collect();
    assert_eq!(got, want, "patch {patch}");
    let has_error = expected.iter().any(|e| e.1 == Severity::Error);
    assert_eq!(checked.report.valid, !has_error, "patch {patch}");
    assert_eq!(checked.request.is_some(), !has_error, "patch {patch}");
    let again = check_json(&serde_json::to_string(&doc).unwrap()).unwrap();
    assert_eq!(again.report, checked.report);
    checked
}
