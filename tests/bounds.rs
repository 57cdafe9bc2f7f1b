//! Bounded work for any input (tests/limits.rs holds the size limits): a report lists at most a few hundred findings and counts the
//! rest, nesting has one limit for the CLI and the page, and "did you mean" never compares
//! texts of very different lengths.

// Native only: proptest does not build for wasm32 (tests/wasm_boundary.rs has the page side).
#![cfg(not(target_arch = "wasm32"))]

use privatelink_prep::check::{MAX_DEPTH, MAX_DIAGNOSTICS};
use privatelink_prep::host::{check_marked, json, Kind, Mark, Step, Unjson, Unreadable};
use privatelink_prep::{check_json, Severity};
use proptest::prelude::*;

fn lines(text: &str) -> Vec<String> {
    lines_of(&check_json(text).unwrap())
}

fn lines_of(checked: &privatelink_prep::Checked) -> Vec<String> {
    checked
        .report
        .diagnostics
        .iter()
        .map(|d| format!("{} {} {}", d.code, d.field, d.message))
        .collect()
}

#[test]
fn a_report_lists_the_first_findings_and_counts_the_rest() {
    let services = vec!["{}"; 300_000].join(",");
    let doc = format!(
        r#"{{"cloud": "aws", "connection_type": "bidirectional", "endpoint_services": [{services}]}}"#
    );
    let checked = check_json(&doc).unwrap();
    let d = &checked.report.diagnostics;
    assert_eq!(d.len(), MAX_DIAGNOSTICS + 1);
    assert!(!checked.report.valid);
    let last = d.last().unwrap();
    assert_eq!(
        (last.code, last.severity, last.field.as_str()),
        ("PL018", Severity::Error, "")
    );
    assert!(
        last.message
            .starts_with("The report lists the first 200 findings; ")
            && last.message.ends_with(" of them errors."),
        "{}",
        last.message
    );
}

#[test]
fn unlisted_warnings_do_not_change_the_verdict() {
    let base: serde_json::Value =
        serde_json::from_str(include_str!("requests/aws-unidirectional.json")).unwrap();
    let mut doc = base.as_object().unwrap().clone();
    for i in 0..250 {
        doc.insert(format!("extra_{i}"), serde_json::Value::Bool(true));
    }
    let checked = check_json(&serde_json::Value::Object(doc).to_string()).unwrap();
    assert!(checked.report.valid);
    assert!(checked.request.is_some());
    let last = checked.report.diagnostics.last().unwrap();
    assert_eq!((last.code, last.severity), ("PL019", Severity::Info));
    assert_eq!(
        format!("{} {:?} {}", last.code, last.severity, last.message),
        "PL019 Info The report lists the first 200 findings; 50 more findings are not listed, none of them errors."
    );
}

/// A parsed value (what the page hands the core: no text to count brackets in) nested past the
/// limit is refused too, by lists or by objects; over the size limit as well, the size is said.
#[test]
fn a_parsed_value_nested_deeper_than_the_limit_is_refused() {
    use serde_json::json;
    let nest = |depth: usize, list: bool| {
        let mut v = json!(1);
        for _ in 0..depth {
            v = if list { json!([v]) } else { json!({ "a": v }) };
        }
        json!({ "company": v })
    };
    let refused = "PL017  The document nests lists and objects more than 64 deep; no field of a request is nested more than five.";
    for list in [true, false] {
        let read = lines_of(&privatelink_prep::check(&nest(MAX_DEPTH - 1, list)));
        assert!(
            read.iter().all(|l| !l.starts_with("PL017")),
            "{list}: {read:?}"
        );
        for depth in [MAX_DEPTH, MAX_DEPTH + 1, 200] {
            let read = lines_of(&privatelink_prep::check(&nest(depth, list)));
            assert_eq!(read, [refused], "{list} {depth}");
        }
    }
    // Deep after a long list of shallow values: the walk reaches it.
    let mut doc = json!({ "ports": vec![json!({ "service": "SQL", "port": 3306 }); 1000] });
    doc["zone"] = nest(MAX_DEPTH, true);
    assert_eq!(lines_of(&privatelink_prep::check(&doc)), [refused]);
    // Deep and over the size limit: the size is said.
    doc["notes"] = json!("x".repeat(privatelink_prep::check::MAX_DOCUMENT_BYTES));
    assert_eq!(
        lines_of(&privatelink_prep::check(&doc)),
        ["PL002 notes notes is 1024 KiB long, which puts the document over the 1 MiB limit of a request."]
    );
}

#[test]
fn nesting_deeper_than_the_limit_is_refused_before_parsing() {
    let nest = |depth: usize| {
        format!(
            "{{\"company\":{}1{}}}",
            "[".repeat(depth),
            "]".repeat(depth)
        )
    };
    // The document object is one level: MAX_DEPTH - 1 lists inside it are still read.
    assert!(lines(&nest(MAX_DEPTH - 1))
        .iter()
        .all(|l| !l.starts_with("PL017")));
    for depth in [MAX_DEPTH, 127, 128, 1000, 1_000_000] {
        assert_eq!(
            lines(&nest(depth)),
            ["PL017  The document nests lists and objects more than 64 deep; no field of a request is nested more than five."],
            "{depth}"
        );
    }
    // Brackets inside strings are text.
    let in_text = format!("{{\"company\": \"{}\"}}", "[".repeat(500));
    assert!(lines(&in_text).iter().all(|l| !l.starts_with("PL017")));
    // An escaped quote does not end the string, nor does an escaped backslash start an escape.
    for escapes in [r#"\""#, r#"\\\""#, r#"a\"b"#] {
        let in_text = format!("{{\"company\": \"{escapes}{}\"}}", "[".repeat(500));
        assert!(
            lines(&in_text).iter().all(|l| !l.starts_with("PL017")),
            "{in_text:.20}"
        );
    }
    // After an escaped backslash the quote ends the string: brackets after it nest.
    let after = format!(
        "{{\"company\": \"\\\\\", \"x\": {}1{}}}",
        "[".repeat(100),
        "]".repeat(100)
    );
    assert_eq!(lines(&after)[0].split("  ").next(), Some("PL017"));
}

#[test]
fn a_million_character_unknown_key_is_one_warning_without_a_guess() {
    let doc = format!(r#"{{"{}": 1, "portz": []}}"#, "x".repeat(1_000_000));
    let checked = check_json(&doc).unwrap();
    let unknown: Vec<_> = checked
        .report
        .diagnostics
        .iter()
        .filter(|d| d.code == "PL004")
        .collect();
    assert_eq!(unknown.len(), 2);
    let (long, short): (Vec<&&privatelink_prep::Diagnostic>, Vec<_>) =
        unknown.iter().partition(|d| d.field.len() > 100);
    assert!(!long[0].message.contains("did you mean"));
    // The short one still gets its guess.
    assert_eq!(
        short[0].message,
        "The field \"portz\" is not part of the request and is ignored; did you mean ports?"
    );
}

#[test]
fn marks_replace_the_findings_on_their_field() {
    // Compact, as JSON.stringify writes it.
    let text = r#"{"company":"A","ports":[{"service":"HTTP","port":null}]}"#;
    let marked = check_marked(
        text,
        &[Mark {
            steps: vec![
                Step::Key("ports".into()),
                Step::Index(0),
                Step::Key("port".into()),
            ],
            kind: Kind::Unjson(Unjson::BigInt),
        }],
    );
    let l = lines_of(&marked);
    let plain = lines(text);
    // Where the null's own finding was, the mark's; everything else as without it.
    let at = plain
        .iter()
        .position(|l| l.contains(" ports[0].port "))
        .unwrap();
    assert_eq!(
        l[at],
        "PL015 ports[0].port Port is a BigInt, which JSON cannot hold."
    );
    let mut rest = l.clone();
    rest.remove(at);
    let mut plain_rest = plain.clone();
    plain_rest.remove(at);
    assert_eq!(rest, plain_rest);
    // An optional field's mark, which no finding concerned, goes last; the verdict is an error.
    let valid: serde_json::Value =
        serde_json::from_str(include_str!("requests/aws-unidirectional.json")).unwrap();
    let marked = check_marked(
        &valid.to_string(),
        &[Mark {
            steps: vec![Step::Key("adobe_endpoint_service".into())],
            kind: Kind::Unjson(Unjson::Symbol),
        }],
    );
    assert!(!marked.report.valid && marked.request.is_none());
    assert_eq!(marked.report.diagnostics.last().unwrap().code, "PL015");
    assert_eq!(
        lines_of(&marked).last().unwrap(),
        "PL015 adobe_endpoint_service Adobe’s endpoint service name is a Symbol, which JSON cannot hold."
    );
}

#[test]
fn an_unreadable_request_is_one_error_on_the_document() {
    let checked = privatelink_prep::host::unreadable(&Unreadable::Reentrant);
    assert_eq!(checked.report.diagnostics[0].code, "PL016");
    assert_eq!(
        lines_of(&privatelink_prep::host::unreadable(&Unreadable::Threw("Error: boom".into()))),
        ["PL016  The request could not be read: reading one of its values threw \"Error: boom\"."]
    );
}

#[test]
fn numbers_passed_by_their_bits_are_read_exactly() {
    // 80.00000000000001 is the float after 80: a port with a fraction, not port 80.
    let text = include_str!("requests/aws-unidirectional.json");
    let mut doc: serde_json::Value = serde_json::from_str(text).unwrap();
    doc["ports"][0]["port"] = serde_json::Value::Null;
    let marked = check_marked(
        &doc.to_string(),
        &[Mark {
            steps: vec![
                Step::Key("ports".into()),
                Step::Index(0),
                Step::Key("port".into()),
            ],
            kind: Kind::Number(80.00000000000001),
        }],
    );
    let mut native = doc.clone();
    native["ports"][0]["port"] = serde_json::json!(80.00000000000001);
    assert_eq!(marked, check_json(&native.to_string()).unwrap());
    assert!(!marked.report.valid);
}

/// The binding's reader gives what serde_json gives for the compact JSON `JSON.stringify`
/// writes (numbers other than safe integers never reach it: they are passed by their bits).
fn same_as_serde(v: &serde_json::Value) {
    let text = serde_json::to_string(v).unwrap();
    assert_eq!(json::parse(&text).as_ref(), Some(v), "{text}");
}

#[test]
fn the_binding_reader_reads_every_request_as_serde_json_does() {
    for entry in std::fs::read_dir(concat!(env!("CARGO_MANIFEST_DIR"), "/tests/requests")).unwrap()
    {
        let text = std::fs::read_to_string(entry.unwrap().path()).unwrap();
        same_as_serde(&serde_json::from_str(&text).unwrap());
    }
    // JSON.stringify's own escapes, and the lone surrogate it writes as an escape.
    assert_eq!(
        json::parse(
            r#"["\b\f\n\r\t\"\\\/\u0001\ud83d\ude00é😀",-0,9007199254740991,-9007199254740991]"#
        ),
        Some(serde_json::json!([
            "\u{8}\u{c}\n\r\t\"\\/\u{1}😀é😀",
            0,
            9007199254740991i64,
            -9007199254740991i64
        ]))
    );
    for bad in [
        "\"\\ud800\"",
        "9007199254740992",
        "1.5",
        "1e3",
        "[1,]",
        "{\"a\":1,}",
        "tru",
        "",
        "[1] x",
    ] {
        assert_eq!(json::parse(bad), None, "{bad}");
    }
}

fn json_value() -> impl Strategy<Value = serde_json::Value> {
    let leaf = prop_oneof![
        Just(serde_json::Value::Null),
        any::<bool>().prop_map(serde_json::Value::Bool),
        (-9_007_199_254_740_991i64..=9_007_199_254_740_991).prop_map(serde_json::Value::from),
        any::<String>().prop_map(serde_json::Value::String),
    ];
    leaf.prop_recursive(4, 64, 8, |inner| {
        prop_oneof![
            prop::collection::vec(inner.clone(), 0..8).prop_map(serde_json::Value::Array),
            prop::collection::btree_map(any::<String>(), inner, 0..8)
                .prop_map(|m| serde_json::Value::Object(m.into_iter().collect())),
        ]
    })
}

proptest! {
    #[test]
    fn the_binding_reader_agrees_with_serde_json(v in json_value()) {
        same_as_serde(&v);
    }
}
