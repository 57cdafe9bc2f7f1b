//! The ticket: reviewed snapshots of every format for several requests, and its guarantees.
#![cfg(not(target_arch = "wasm32"))]

mod common;

use common::{assert_snapshot, request};
use privatelink_prep::{check_json, render, Format, Request};

const EXAMPLES: &[&str] = &[
    "aws-unidirectional",
    "aws-bidirectional",
    "azure-unidirectional",
    "azure-bidirectional",
];

fn valid(name: &str) -> Request {
    let checked = check_json(&request(&format!("{name}.json"))).unwrap();
    checked
        .request
        .unwrap_or_else(|| panic!("{name} should be valid: {:?}", checked.report))
}

#[test]
fn snapshots_of_every_format() {
    for name in EXAMPLES {
        let req = valid(name);
        for (format, ext) in [
            (Format::Text, "txt"),
            (Format::Markdown, "md"),
            (Format::Json, "json"),
        ] {
            let t = render(&req, format);
            assert_snapshot(
                &format!("ticket-{name}.{ext}"),
                &format!("{}\n\n{}", t.subject, t.body),
            );
        }
    }
}

#[test]
fn subject_is_exact() {
    let t = render(&valid("aws-bidirectional"), Format::Text);
    assert_eq!(t.subject, "PrivateLink support for Acme Outdoor, Inc.");
    // Markup characters in the company stay as typed in the subject of every format.
    let t = render(&valid("azure-bidirectional"), Format::Markdown);
    assert_eq!(
        t.subject,
        "PrivateLink support for Fabrikam <Wholesale> & *Sons*"
    );
    // The file's subject line is Markdown too, escaped like every user value in it.
    assert_eq!(
        t.file,
        format!(
            "Subject: PrivateLink support for Fabrikam \\<Wholesale\\> \\& \\*Sons\\*\n\n{}",
            t.body
        )
    );
}

#[test]
fn rendering_is_deterministic() {
    for name in EXAMPLES {
        let req = valid(name);
        for f in [Format::Text, Format::Markdown, Format::Json] {
            assert_eq!(render(&req, f), render(&req, f));
        }
    }
}

#[test]
fn markdown_escapes_user_text() {
    let body = render(&valid("azure-bidirectional"), Format::Markdown).body;
    assert!(
        body.contains(r"Fabrikam \<Wholesale\> \& \*Sons\*"),
        "{body}"
    );
    assert!(body.contains(r"ERP \[SOAP\]"), "{body}");
    assert!(!body.contains("<Wholesale>"));
}

#[test]
fn json_ticket_carries_the_normalised_request() {
    let body = render(&valid("azure-unidirectional"), Format::Json).body;
    let v: serde_json::Value = serde_json::from_str(&body).unwrap();
    assert_eq!(v["subject"], "PrivateLink support for Contoso Books");
    assert_eq!(v["request"]["cloud"], "azure");
    assert_eq!(
        v["request"]["account_id"],
        "0f8fad5b-d9cb-469f-a165-70867728950e"
    );
    assert_eq!(v["request"]["azure"]["cluster_id"], "pro-cluster-7f3a");
    // The normalised request is itself a valid request document.
    let again = check_json(&v["request"].to_string()).unwrap();
    assert!(again.report.valid, "{:?}", again.report);
}

#[test]
fn body_carries_every_datum() {
    let body = render(&valid("aws-bidirectional"), Format::Text).body;
    for datum in [
        "us-east-1, US East (N. Virginia)",
        "123456789012",
        "abcdefghij123",
        "Production",
        "Bidirectional:",
        "Webserver HTTP",
        "8443",
        "com.amazonaws.vpce.us-east-1.vpce-svc-0a1b2c3d4e5f60718",
        "com.amazonaws.vpce.us-east-1.vpce-svc-0fedcba9876543210",
        "arn:aws:iam::402592597372:root",
        "a Network Load Balancer",
        "UDP",
    ] {
        assert!(body.contains(datum), "missing {datum:?} in\n{body}");
    }
}

#[test]
fn an_invalid_request_renders_no_ticket() {
    let checked = check_json(r#"{"company": "Acme", "cloud": "aws"}"#).unwrap();
    assert!(!checked.report.valid);
    assert!(checked.request.is_none());
}
