//! The size limits a user can run into, at the byte: a document of exactly 1 MiB of compact JSON
//! is read and one byte more is refused (PL002), whatever the values are made of; the refusal
//! names the value that holds more than half of it; JSON text is parsed up to 8 MiB, so that the
//! refusal can name that value, and refused unread beyond.
#![cfg(not(target_arch = "wasm32"))]

use privatelink_prep::{check, check_json, Checked, Severity};
use serde_json::{json, Value};

const MIB: usize = 1 << 20;

const WHOLE: &str =
    "The document is larger than 1 MiB, far beyond the few kilobytes of any request.";

/// The PL002 diagnostics of a report, as (field, message).
fn too_large(checked: &Checked) -> Vec<(String, String)> {
    checked
        .report
        .diagnostics
        .iter()
        .filter(|d| d.code == "PL002")
        .map(|d| {
            assert_eq!(d.severity, Severity::Error);
            (d.field.clone(), d.message.clone())
        })
        .collect()
}

/// The only diagnostic of a refused document.
fn refusal(checked: &Checked) -> (String, String) {
    assert!(!checked.report.valid);
    assert!(checked.request.is_none());
    assert_eq!(checked.report.diagnostics.len(), 1, "{:?}", checked.report);
    too_large(checked).pop().expect("PL002")
}

fn size(doc: &Value) -> usize {
    serde_json::to_string(doc).unwrap().len()
}

/// `{"pad": "…", "values": values}` padded to exactly `target` bytes of compact JSON.
fn padded(values: Value, target: usize) -> Value {
    let mut doc = json!({"pad": "", "values": values});
    let short = target
        .checked_sub(size(&doc))
        .expect("values fit in target");
    doc["pad"] = Value::String("p".repeat(short));
    assert_eq!(size(&doc), target);
    doc
}

/// Values of every kind, about `n` bytes of them.
fn shapes(n: usize) -> Vec<(&'static str, Value)> {
    let many = |item: Value| Value::Array(vec![item.clone(); n / (size(&item) + 1)]);
    vec![
        ("nulls", many(Value::Null)),
        ("trues", many(json!(true))),
        ("falses", many(json!(false))),
        ("small numbers", many(json!(7))),
        (
            "numbers of every length",
            Value::Array(
                (0..n / 13)
                    .map(|i| {
                        let digits = 10u64.pow((i % 19) as u32) + i as u64;
                        if i % 2 == 0 {
                            json!(digits)
                        } else {
                            json!(-(digits as i64))
                        }
                    })
                    .chain([json!(u64::MAX), json!(i64::MIN)])
                    .collect(),
            ),
        ),
        ("texts", many(json!("abc"))),
        ("empty lists", many(json!([]))),
        ("empty objects", many(json!({}))),
        (
            "objects",
            Value::Array(vec![json!({"a": 1, "bc": [null, "d"], "e": {}}); n / 40]),
        ),
        (
            "keys",
            Value::Object(
                (0..n / 20)
                    .map(|i| (format!("k{i}"), json!(i % 3 == 0)))
                    .collect(),
            ),
        ),
    ]
}

#[test]
fn exactly_1_mib_is_read_and_one_byte_more_is_refused() {
    // 16 KiB of each kind of value, padded with one text to the size under test: a byte
    // miscounted in any value shows at the limit.
    for (what, values) in shapes(16 << 10) {
        let at_limit = padded(values.clone(), MIB);
        assert_eq!(too_large(&check(&at_limit)), vec![], "{what}: 1 MiB");
        let over = padded(values, MIB + 1);
        let (field, message) = refusal(&check(&over));
        assert_eq!(field, "pad", "{what}: 1 MiB + 1 byte");
        assert!(
            message.starts_with("pad is 10")
                && message.ends_with(
                    " KiB long, which puts the document over the 1 MiB limit of a request."
                ),
            "{what}: {message}"
        );
    }
    // Spread over many values, the document as a whole is named.
    let many = json!({"values": vec!["x".repeat(1000); 1040]});
    let at_limit = padded(many.clone(), MIB);
    assert_eq!(too_large(&check(&at_limit)), vec![]);
    assert_eq!(
        refusal(&check(&padded(many, MIB + 1))),
        (String::new(), WHOLE.to_string())
    );
}

#[test]
fn one_long_text_at_the_limit() {
    // {"company":"…"} is 14 bytes besides the text.
    let at_limit = json!({"company": "x".repeat(MIB - 14)});
    assert_eq!(size(&at_limit), MIB);
    let checked = check(&at_limit);
    assert_eq!(too_large(&checked), vec![]);
    assert_eq!(checked.report.diagnostics[0].code, "PL007");
    assert_eq!(checked.report.diagnostics[0].field, "company");

    let over = json!({"company": "x".repeat(MIB - 13)});
    assert_eq!(
        refusal(&check(&over)),
        (
            "company".to_string(),
            "Company name is 1023 KiB long, which puts the document over the 1 MiB limit of a request."
                .to_string()
        )
    );
}

#[test]
fn a_fractional_number_counts_as_its_longest_form() {
    // 24 bytes each however it is written, so that no float formatting is needed to measure it.
    let floats = |n: usize| json!({"values": vec![json!(0.5); n]});
    // {"values":[…]} is 13 bytes besides the numbers; each but the last is followed by a comma.
    let fit = (MIB - 13 + 1) / 25;
    assert_eq!(too_large(&check(&floats(fit))), vec![]);
    assert_eq!(
        refusal(&check(&floats(fit + 1))),
        (String::new(), WHOLE.to_string())
    );
}

#[test]
fn the_document_is_measured_to_its_last_value() {
    // The measure stops early once past the limit. Here what comes before the last value, with
    // the closing brace, is exactly 1 MiB, and the last value takes the document 3 bytes over.
    let doc = json!({"aaaaa": vec![Value::Null; 209_712], "b": "s"});
    assert_eq!(size(&doc), MIB + 3);
    let text = serde_json::to_string(&doc).unwrap();
    assert_eq!(text.find("\"s\"").unwrap() + "}".len(), MIB);
    assert_eq!(refusal(&check(&doc)), (String::new(), WHOLE.to_string()));
}

#[test]
fn the_refusal_names_a_value_longer_than_half_the_limit() {
    let half = MIB / 2;
    let doc = json!({"company": "x".repeat(half + 1), "project_id": "y".repeat(half)});
    assert_eq!(
        refusal(&check(&doc)),
        (
            "company".to_string(),
            "Company name is 512 KiB long, which puts the document over the 1 MiB limit of a request."
                .to_string()
        )
    );
    // Half exactly is not "most of it": the document as a whole is too large.
    let doc = json!({"company": "x".repeat(half), "project_id": "y".repeat(half)});
    assert_eq!(refusal(&check(&doc)), (String::new(), WHOLE.to_string()));
}

#[test]
fn the_refusal_names_the_first_of_two_equal_values_and_the_path_into_lists_and_objects() {
    let big = "x".repeat(600_000);
    let doc = json!({"company": big, "project_id": big});
    assert_eq!(refusal(&check(&doc)).0, "company");
    let doc = json!({"environments": ["production", big], "company": "y".repeat(500_000)});
    assert_eq!(
        refusal(&check(&doc)),
        (
            "environments[1]".to_string(),
            "Environments to connect is 585 KiB long, which puts the document over the 1 MiB limit of a request."
                .to_string()
        )
    );
    let doc = json!({"azure": {"subscription_id": big}, "company": "y".repeat(500_000)});
    assert_eq!(refusal(&check(&doc)).0, "azure.subscription_id");
    // A key is text too.
    let doc = json!({ "company": "y".repeat(500_000), big.clone(): 1 });
    assert_eq!(refusal(&check(&doc)).0, big);
}

/// `{"company":"…"}` of exactly `len` bytes of JSON text.
fn text_of(len: usize) -> String {
    format!("{{\"company\":\"{}\"}}", "x".repeat(len - 14))
}

#[test]
fn json_text_is_read_up_to_8_mib_to_name_the_long_value() {
    let at_limit = text_of(8 * MIB);
    assert_eq!(at_limit.len(), 8 * MIB);
    assert_eq!(
        refusal(&check_json(&at_limit).unwrap()),
        (
            "company".to_string(),
            "Company name is 8191 KiB long, which puts the document over the 1 MiB limit of a request."
                .to_string()
        )
    );
    let over = text_of(8 * MIB + 1);
    assert_eq!(
        refusal(&check_json(&over).unwrap()),
        (String::new(), WHOLE.to_string())
    );
    // Refused unread: not even parsed.
    let not_json = format!("{}{{", " ".repeat(8 * MIB));
    assert_eq!(
        refusal(&check_json(&not_json).unwrap()),
        (String::new(), WHOLE.to_string())
    );
    assert!(check_json(&not_json[1..]).is_err());
}
