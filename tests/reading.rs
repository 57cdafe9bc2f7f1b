//! Exact reading of a document's text: numbers however written, keys given twice, text that
//! shows nothing, and text that is not one line. Through the JSON text entry point, as the CLI
//! reads a file (the page reads the same numbers from JavaScript values).

mod common;

#[cfg(target_arch = "wasm32")]
use wasm_bindgen_test::wasm_bindgen_test as test;

use privatelink_prep::{check_json, Severity};
use serde_json::{json, Value};

use Severity::{Error as E, Warning as W};

/// `(code, severity, field, message)` of every diagnostic of `text`.
fn diagnostics(text: &str) -> Vec<(String, Severity, String, String)> {
    let checked = check_json(text).expect("JSON text");
    common::assert_catalogued_fields(&checked.report);
    checked
        .report
        .diagnostics
        .iter()
        .map(|d| {
            (
                d.code.to_string(),
                d.severity,
                d.field.clone(),
                d.message.clone(),
            )
        })
        .collect()
}

fn expect(text: &str, want: &[(&str, Severity, &str, &str)]) {
    let want: Vec<(String, Severity, String, String)> = want
        .iter()
        .map(|w| (w.0.into(), w.1, w.2.into(), w.3.into()))
        .collect();
    assert_eq!(diagnostics(text), want, "{text}");
}

/// The example request with `raw` put in as the text of field `field` (the raw JSON text of
/// its value), by textual replacement so that the number is read as written.
fn with_raw(base: &str, field: &str, raw: &str) -> String {
    let mut doc: Value = serde_json::from_str(&common::request(base)).unwrap();
    doc[field] = json!("@@RAW@@");
    serde_json::to_string(&doc)
        .unwrap()
        .replace("\"@@RAW@@\"", raw)
}

fn with_port(raw: &str) -> String {
    with_raw(
        "aws-unidirectional.json",
        "ports",
        &format!(r#"[{{"service": "Web", "port": {raw}}}]"#),
    )
}

#[test]
fn whole_numbers_are_ports_however_written() {
    for raw in ["80", "80.0", "8.0e1", "8e1", "800e-1", "80.000"] {
        let checked = check_json(&with_port(raw)).unwrap();
        assert!(checked.report.valid, "{raw}: {:?}", checked.report);
        let ticket = privatelink_prep::render(
            checked.request.as_ref().unwrap(),
            privatelink_prep::Format::Json,
        );
        let v: Value = serde_json::from_str(&ticket.body).unwrap();
        assert_eq!(v["request"]["ports"][0]["port"], 80, "{raw}");
    }
}

#[test]
fn minus_zero_is_port_zero() {
    for raw in ["-0", "-0.0", "0.0", "0e5"] {
        let shown = if raw.starts_with('-') { "-0" } else { "0" };
        expect(
            &with_port(raw),
            &[(
                "PL203",
                E,
                "ports[0].port",
                &format!("Port {shown} is out of range; ports run from 1 to 65535 on AWS."),
            )],
        );
    }
    expect(
        &with_port("65536.0"),
        &[(
            "PL203",
            E,
            "ports[0].port",
            "Port 65536 is out of range; ports run from 1 to 65535 on AWS.",
        )],
    );
    expect(
        &with_port("1e300"),
        &[(
            "PL203",
            E,
            "ports[0].port",
            "The port is a very large number, out of range; ports run from 1 to 65535 on AWS.",
        )],
    );
    expect(
        &with_port("80.5"),
        &[(
            "PL202",
            E,
            "ports[0].port",
            "The port has a fraction; a port is a whole number such as 3306.",
        )],
    );
}

#[test]
fn version_one_however_written() {
    for raw in ["1", "1.0", "1e0", "10e-1"] {
        let checked = check_json(&with_raw("aws-unidirectional.json", "version", raw)).unwrap();
        assert!(checked.report.valid, "{raw}: {:?}", checked.report);
    }
    expect(
        &with_raw("aws-unidirectional.json", "version", "2.0"),
        &[(
            "PL003",
            E,
            "version",
            "Format version 2 is not supported; this tool reads version 1.",
        )],
    );
    expect(
        &with_raw("aws-unidirectional.json", "version", "1.5"),
        &[(
            "PL003",
            E,
            "version",
            "The format version must be the number 1, not a number with a fraction.",
        )],
    );
}

#[test]
fn a_key_given_twice_is_a_warning_on_that_field() {
    let base = common::request("aws-unidirectional.json");
    // Both the top level and a nested object; the last value is the one read. The warnings
    // come in the order of the second mentions.
    let text = base.replacen(
        '{',
        r#"{"company": "First Ltd", "ports": [{"service": "Web", "port": 22, "port": 8080}],"#,
        1,
    );
    let checked = check_json(&text).unwrap();
    let got: Vec<(&str, Severity, &str, &str)> = checked
        .report
        .diagnostics
        .iter()
        .map(|d| (d.code, d.severity, d.field.as_str(), d.message.as_str()))
        .collect();
    assert_eq!(
        got,
        [
            (
                "PL008",
                W,
                "ports[0].port",
                "The field \"port\" is given more than once in the same object; only its last value is read."
            ),
            (
                "PL008",
                W,
                "company",
                "The field \"company\" is given more than once in the same object; only its last value is read."
            ),
            (
                "PL008",
                W,
                "ports",
                "The field \"ports\" is given more than once in the same object; only its last value is read."
            ),
        ]
    );
    assert!(checked.report.valid);
    let ticket = privatelink_prep::render(
        checked.request.as_ref().unwrap(),
        privatelink_prep::Format::Json,
    );
    let v: Value = serde_json::from_str(&ticket.body).unwrap();
    let doc: Value = serde_json::from_str(&base).unwrap();
    assert_eq!(v["request"]["company"], doc["company"]);
    assert_eq!(v["request"]["ports"].as_array().unwrap().len(), 3);
    assert_eq!(v["request"]["ports"][0]["port"], doc["ports"][0]["port"]);
}

#[test]
fn a_key_three_times_is_one_warning() {
    let text = r#"{"kind": "x", "kind": "y", "kind": "change", "company": 1}"#;
    let got = diagnostics(text);
    assert_eq!(got.iter().filter(|d| d.0 == "PL008").count(), 1, "{got:?}");
    assert_eq!(got[0].2, "kind");
}

#[test]
fn invisible_text_is_missing() {
    for company in [
        "\u{200b}",
        "\u{3164}",
        "\u{2060}\u{feff}",
        "\u{200b} \u{200c}\u{200d}",
        "\u{115f}\u{1160}\u{ffa0}",
        "\u{ad}\u{34f}\u{180e}",
        "\u{2800}",
        "\u{e0020}\u{e0041}",
    ] {
        let text = with_raw(
            "aws-unidirectional.json",
            "company",
            &serde_json::to_string(company).unwrap(),
        );
        expect(
            &text,
            &[(
                "PL101",
                E,
                "company",
                "The company name is missing; the ticket subject needs it.",
            )],
        );
    }
    // The same for every text field, e.g. the service name of a port.
    expect(
        &with_raw(
            "aws-unidirectional.json",
            "ports",
            r#"[{"service": "\u200b\u3164", "port": 80}]"#,
        ),
        &[(
            "PL209",
            E,
            "ports[0].service",
            "The service name is missing; say what runs on this port.",
        )],
    );
}

#[test]
fn text_that_reorders_or_breaks_is_not_one_line() {
    for (raw, shown) in [
        ("Acme\\u202egnp.exe", "Acme\\u{202e}gnp.exe"),
        ("Acme\\u2066Ltd\\u2069", "Acme\\u{2066}Ltd\\u{2069}"),
        ("Acme\\u2028Ltd", "Acme\\u{2028}Ltd"),
        ("Acme\\u2029Ltd", "Acme\\u{2029}Ltd"),
        ("Acme\\udb40\\udc41Ltd", "Acme\\u{e0041}Ltd"),
        ("Acme\\u202aLtd", "Acme\\u{202a}Ltd"),
    ] {
        expect(
            &with_raw("aws-unidirectional.json", "company", &format!("\"{raw}\"")),
            &[(
                "PL102",
                E,
                "company",
                &format!("The company name \"{shown}\" has a line break, a control character or a character that reorders text, but the ticket subject is one line."),
            )],
        );
        expect(
            &with_raw(
                "aws-unidirectional.json",
                "ports",
                &format!(r#"[{{"service": "{raw}", "port": 80}}]"#),
            ),
            &[(
                "PL210",
                E,
                "ports[0].service",
                &format!(
                    "The service name \"{shown}\" must be one line of at most 100 characters."
                ),
            )],
        );
    }
    // Visible text around an invisible joiner stays valid: only reordering is refused.
    let ok = with_raw("aws-unidirectional.json", "company", r#""Ac\u200bme""#);
    assert!(check_json(&ok).unwrap().report.valid);
}
