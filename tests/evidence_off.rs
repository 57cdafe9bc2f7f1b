//! Without the cargo features `evidence` and `change` (the page's main module): a document that
//! holds evidence, or a change request, gets one clear error rather than a verdict that ignores
//! what this build cannot check. Run with `cargo test --no-default-features --test evidence_off`.
#![cfg(not(any(feature = "evidence", feature = "change")))]

mod common;

use common::request;
use privatelink_prep::check;
use serde_json::{json, Value};

fn doc() -> Value {
    serde_json::from_str(&request("aws-bidirectional.json")).unwrap()
}

fn errors(d: &Value) -> Vec<(&'static str, String, String)> {
    check(d)
        .report
        .diagnostics
        .into_iter()
        .filter(|d| d.code.starts_with("PL8"))
        .map(|d| (d.code, d.field, d.message))
        .collect()
}

#[test]
fn evidence_anywhere_is_one_error_pl899() {
    let output = json!({"UserId": "AIDASAMPLEUSERID", "Account": "123456789012", "Arn": "arn:aws:iam::123456789012:user/DevAdmin"});
    let mut d = doc();
    d["evidence"] = json!([{ "output": output }]);
    d["endpoint_services"][1]["evidence"] = json!([{ "output": output }]);
    assert_eq!(
        errors(&d),
        [(
            "PL899",
            "evidence".to_string(),
            "The request holds cloud command outputs, which this build does not read: a verdict without them could be wrong."
                .to_string()
        )]
    );
    assert!(!check(&d).report.valid);
    let mut d = doc();
    d["endpoint_services"][1]["evidence"] = json!([{ "output": output }]);
    let got = errors(&d);
    assert_eq!(got.len(), 1);
    assert_eq!(got[0].1, "endpoint_services[1].evidence");
    // An empty list holds nothing: the request is checked as usual.
    let mut d = doc();
    d["evidence"] = json!([]);
    assert!(errors(&d).is_empty());
    assert!(check(&d).report.valid);
    // Nor does null, in either place.
    let mut d = doc();
    d["evidence"] = Value::Null;
    d["endpoint_services"][0]["evidence"] = Value::Null;
    assert!(errors(&d).is_empty());
    assert!(check(&d).report.valid);
}

#[test]
fn a_change_request_is_one_error_pl599() {
    for name in ["change-aws.json", "change-azure.json"] {
        let d: Value = serde_json::from_str(&request(name)).unwrap();
        let checked = check(&d);
        assert!(checked.request.is_none(), "{name}");
        let got: Vec<_> = checked
            .report
            .diagnostics
            .iter()
            .map(|d| (d.code, d.field.as_str(), d.message.as_str()))
            .collect();
        assert_eq!(
            got,
            [(
                "PL599",
                "kind",
                "The request is a change request, which this build does not check: a verdict without those checks could be wrong."
            )],
            "{name}"
        );
    }
    // An enablement is checked as usual, and its accessors answer as in the full build.
    let checked = check(&doc());
    assert!(checked.report.valid);
    let request = checked.request.unwrap();
    let company = request.as_enablement().map(|e| e.company.as_str());
    assert_eq!(company, Some(request.company()));
    assert_eq!(request.company(), "Acme Outdoor, Inc.");
    assert_eq!(request.region().code, "us-east-1");
    assert!(request.as_change().is_none());
}
