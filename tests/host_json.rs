//! The page's own JSON reader (`host::json`), natively: the nesting it reads (twice
//! `check::MAX_DEPTH`, so the checker, not the reader, words a deep document), what it refuses, and
//! the repeated keys it finds in an imported file's text, as the page's user sees them: PL017 for
//! a document nested too deeply, PL016 for text the reader cannot read, PL008 for a repeated key.

use privatelink_prep::check::MAX_DEPTH;
use privatelink_prep::host::{self, check_marked, json};
use privatelink_prep::Checked;

/// The deepest nesting the reader takes: lists and objects `2 * MAX_DEPTH + 1` deep, the
/// outermost at depth 0.
const READ: usize = 2 * MAX_DEPTH + 1;

fn lines(checked: &Checked) -> Vec<String> {
    checked
        .report
        .diagnostics
        .iter()
        .map(|d| format!("{} {} {}", d.code, d.field, d.message))
        .collect()
}

/// `levels` lists inside each other, around `inner`.
fn lists(levels: usize, inner: &str) -> String {
    format!("{}{inner}{}", "[".repeat(levels), "]".repeat(levels))
}

/// `levels` objects inside each other, each with the one key `k`, around `inner` (the innermost
/// object empty when `inner` is).
fn objects(levels: usize, inner: &str) -> String {
    if inner.is_empty() {
        return format!(
            "{}{{}}{}",
            "{\"k\":".repeat(levels - 1),
            "}".repeat(levels - 1)
        );
    }
    format!("{}{inner}{}", "{\"k\":".repeat(levels), "}".repeat(levels))
}

const TOO_DEEP: &str = "PL017  The document nests lists and objects more than 64 deep; no field of a request is nested more than five.";
const NOT_JSON: &str = "PL016  The request could not be read: its text is not JSON.";

#[test]
fn the_reader_takes_twice_the_checkers_nesting_then_refuses() {
    for (name, nest) in [
        ("lists", lists as fn(usize, &str) -> String),
        ("objects", objects),
    ] {
        // The innermost level is empty, or holds a value one level further in.
        assert!(json::parse(&nest(READ, "")).is_some(), "{name} {READ}");
        assert!(
            json::parse(&nest(READ - 1, "1")).is_some(),
            "{name} {READ} with a value"
        );
        assert_eq!(
            json::parse(&nest(READ + 1, "")),
            None,
            "{name} {}",
            READ + 1
        );
        assert_eq!(
            json::parse(&nest(READ, "1")),
            None,
            "{name} {READ} and a value"
        );
        assert_eq!(
            json::parse(&nest(10 * READ, "")),
            None,
            "{name} {}",
            10 * READ
        );
    }
}

#[test]
fn the_page_reports_deep_nesting_as_the_cli_does_and_deeper_text_as_unreadable() {
    let doc = |levels: usize| format!("{{\"company\":{}}}", lists(levels, "1"));
    // The document object is a level: MAX_DEPTH - 1 lists inside it are read and checked.
    let read = lines(&check_marked(&doc(MAX_DEPTH - 1), &[]));
    assert!(
        read.iter()
            .all(|l| !l.starts_with("PL017") && !l.starts_with("PL016")),
        "{read:?}"
    );
    // One more is the CLI's PL017, up to the deepest the reader reads.
    for levels in [MAX_DEPTH, READ - 2] {
        assert_eq!(
            lines(&check_marked(&doc(levels), &[])),
            [TOO_DEEP],
            "{levels}"
        );
    }
    // Past it the text itself cannot be read.
    for levels in [READ - 1, READ, 10_000] {
        assert_eq!(
            lines(&check_marked(&doc(levels), &[])),
            [NOT_JSON],
            "{levels}"
        );
    }
}

#[test]
fn repeated_keys_are_found_down_to_the_readers_nesting() {
    let pair = r#"{"a":1,"a":2}"#;
    let path = |levels: usize| "[0]".repeat(levels);
    // READ - 2 lists around an object around numbers: READ levels.
    assert_eq!(
        json::repeated_keys(&lists(READ - 2, pair)),
        Some(vec![(format!("{}.a", path(READ - 2)), "a".to_string())])
    );
    assert_eq!(json::repeated_keys(&lists(READ - 1, pair)), None);
    assert_eq!(json::repeated_keys(&lists(READ + 1, "")), None);
    assert_eq!(json::repeated_keys(&objects(READ, "")), Some(vec![]));
    assert_eq!(json::repeated_keys(&objects(READ + 1, "")), None);
    assert_eq!(json::repeated_keys(&objects(READ - 1, "1")), Some(vec![]));
    assert_eq!(json::repeated_keys(&objects(READ, "1")), None);
    assert_eq!(json::repeated_keys(&objects(10 * READ, "1")), None);

    // What the page shows for an imported file: PL008 at the bound, nothing past it.
    let findings = host::text_findings(&lists(READ - 2, pair));
    assert_eq!(findings.len(), 1);
    assert_eq!(findings[0].code, "PL008");
    assert!(host::text_findings(&lists(READ - 1, pair)).is_empty());
}

#[test]
fn repeated_keys_reads_every_literal_and_closes_what_it_opened() {
    assert_eq!(
        json::repeated_keys(r#"{"a":false,"a":true,"b":null,"b":-1.5e+3}"#),
        Some(vec![
            ("a".to_string(), "a".to_string()),
            ("b".to_string(), "b".to_string())
        ])
    );
    for bad in [
        "[1}",
        r#"{"a":1]"#,
        "[[1]}",
        "[1,2",
        "{\"a\":1",
        "fals",
        "[1 2]",
    ] {
        assert_eq!(json::repeated_keys(bad), None, "{bad}");
    }
}
