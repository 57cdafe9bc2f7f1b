//! What the page learns from an imported file's text beside its value: each key given twice in
//! one object (PL008), found by the module's own reader (`host::text_findings`), exactly as the
//! CLI's reader (`check_json`) reports them for the same text.

use privatelink_prep::{check_json, host, Diagnostic};

/// The CLI's PL008 findings for `text`.
fn cli_findings(text: &str) -> Vec<Diagnostic> {
    let checked = check_json(text).expect("JSON");
    checked
        .report
        .diagnostics
        .into_iter()
        .filter(|d| d.code == "PL008")
        .collect()
}

#[test]
fn repeated_keys_are_those_the_cli_reports() {
    let texts = [
        // Top level, pretty-printed, a number the module's compact reader does not take.
        "{\n  \"company\": \"A\",\n  \"company\": \"B\",\n  \"version\": 1.0\n}\n",
        // Nested in a list, three mentions (reported once), and in two objects.
        r#"{"ports":[{"port":80,"port":8.0e1,"port":-0},{"service":"x","service":"y"}],"cloud":"aws"}"#,
        // Keys that need escaping, a key equal to a path step, deep nesting.
        r#"{"a\"b":1,"a\"b":2,"azure":{"subscription_ids":["x"],"subscription_ids":[]},"x":{"y":{"z":1,"z":2}}}"#,
        // Nothing repeated.
        r#"{"company":"A","ports":[{"port":1},{"port":1}]}"#,
        "\t[ {\"k\" : true , \"k\" : null } ] ",
    ];
    for text in texts {
        assert_eq!(host::text_findings(text), cli_findings(text), "{text}");
    }
    assert_eq!(host::text_findings(texts[0]).len(), 1);
    assert_eq!(host::text_findings(texts[1]).len(), 2);
}

#[test]
fn text_that_is_not_json_has_no_findings() {
    for text in ["", "{", r#"{"a":1,"a":2} x"#, r#"{"a" 1}"#, "[1,]", "nul"] {
        assert_eq!(host::text_findings(text), Vec::new(), "{text:?}");
    }
}

#[test]
fn an_object_of_many_keys_is_read_at_once() {
    let mut text = String::from("{");
    for i in 0..100_000 {
        text.push_str(&format!("\"k{i}\":{i},"));
    }
    text.push_str("\"k7\":0}");
    let found = host::text_findings(&text);
    assert_eq!(found.len(), 1);
    assert_eq!(found[0].field, "k7");
}

/// Text is read for its repeated keys up to 8 MiB, as far as the CLI reads a file: exactly 8 MiB
/// has its finding, one byte more is not read at all (a bound on the work).
#[test]
fn text_is_read_up_to_8_mib() {
    let limit = 8 * privatelink_prep::check::MAX_DOCUMENT_BYTES;
    let of_len = |len: usize| {
        let start = r#"{"company":"A","company":"B","notes":""#;
        format!("{start}{}\"}}", "x".repeat(len - start.len() - 2))
    };
    let at = of_len(limit);
    assert_eq!(at.len(), limit);
    let found = host::text_findings(&at);
    assert_eq!(found.len(), 1, "{found:?}");
    assert_eq!(
        (found[0].code, found[0].field.as_str()),
        ("PL008", "company")
    );
    assert_eq!(host::text_findings(&of_len(limit + 1)), Vec::new());
}

#[test]
fn a_file_with_hundreds_of_repeated_keys_lists_the_first_200() {
    let text = format!("[{}]", vec![r#"{"k":1,"k":2}"#; 250].join(","));
    let found = host::text_findings(&text);
    assert_eq!(found.len(), 201);
    assert!(found[..200].iter().all(|d| d.code == "PL008"));
    assert_eq!(found[199].field, "[199].k");
    let last = &found[200];
    assert_eq!(
        (last.code, last.message.as_str()),
        (
            "PL019",
            "The report lists the first 200 findings; 50 more findings are not listed, none of them errors."
        )
    );
}
