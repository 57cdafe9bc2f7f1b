//! The browser binding's own JSON reader (`host::json`) read against serde_json value by value:
//! every escape, the safe-integer bound, what `JSON.stringify` never writes (refused, so a value
//! comes in one way only) and every repeated key with its path. tests/host_json.rs holds its
//! nesting bounds through the checks.

use privatelink_prep::check::MAX_DEPTH;
use privatelink_prep::host::json::{parse, repeated_keys};
use serde_json::{json, Value};

/// `text` read by the binding's reader and by serde_json: the same value.
fn same(text: &str) -> Value {
    let ours = parse(text).unwrap_or_else(|| panic!("refused {text:?}"));
    let theirs: Value = serde_json::from_str(text).unwrap();
    assert_eq!(ours, theirs, "{text}");
    ours
}

#[test]
fn reads_what_json_stringify_writes() {
    assert_eq!(same("{}"), json!({}));
    assert_eq!(same("[]"), json!([]));
    assert_eq!(same("true"), json!(true));
    assert_eq!(same("false"), json!(false));
    assert_eq!(same("null"), json!(null));
    assert_eq!(same("0"), json!(0));
    assert_eq!(same("-7"), json!(-7));
    assert_eq!(same("443"), json!(443));
    assert_eq!(same(r#""""#), json!(""));
    assert_eq!(
        same(
            r#"{"company":"Acme","ports":[{"port":443,"protocol":"tcp"},{"port":80}],"x":[[],{}]}"#
        ),
        json!({"company": "Acme", "ports": [{"port": 443, "protocol": "tcp"}, {"port": 80}], "x": [[], {}]})
    );
    // The last of a repeated key wins, as in JSON.parse and serde_json.
    assert_eq!(same(r#"{"a":1,"a":2}"#), json!({"a": 2}));
}

#[test]
fn reads_every_escape_and_whole_utf8() {
    assert_eq!(
        same(r#""q\" b\\ s\/ \b\f\n\r\t""#),
        json!("q\" b\\ s/ \u{8}\u{c}\n\r\t")
    );
    assert_eq!(same(r#""\u0041\u00e9\u20ac""#), json!("Aé€"));
    // A surrogate pair is one character; text around escapes is kept whole.
    assert_eq!(same(r#""a\ud83d\ude00b""#), json!("a😀b"));
    assert_eq!(same("\"Zürich – 東京\""), json!("Zürich – 東京"));
    assert_eq!(same(r#"{"k\u00e9y":"v"}"#), json!({"kéy": "v"}));
    // The upper and lower bounds of the two surrogate ranges and of plain \u escapes.
    assert_eq!(same(r#""\ud7ff\ue000""#), json!("\u{d7ff}\u{e000}"));
    assert_eq!(same(r#""\ud800\udc00""#), json!("\u{10000}"));
    assert_eq!(same(r#""\udbff\udfff""#), json!("\u{10ffff}"));
    assert_eq!(same(r#""\uFFFF""#), json!("\u{ffff}"));
}

#[test]
fn refuses_what_the_binding_never_writes() {
    for text in [
        "",
        " ",
        " {}",
        "{} ",
        "{ }",
        "[ ]",
        r#"{"a": 1}"#,
        "[1, 2]",
        "{a:1}",
        r#"{"a"1}"#,
        r#"{"a":1"#,
        r#"{"a":1;"b":2}"#,
        "[1;2]",
        "[1",
        "[",
        "{",
        r#"{"a":1,}"#,
        "[1,]",
        "tru",
        "truth",
        "nul",
        "fals",
        "x",
        "-",
        "--1",
        "1.5",
        "1e3",
        "+1",
        r#""open"#,
        r#""bad \x escape""#,
        r#""\u12""#,
        r#""\u12G4""#,
        // A lone surrogate, a high one followed by no low one, and two high ones.
        r#""\ud800""#,
        r#""\ud800x""#,
        r#""\ud800\u0041""#,
        r#""\ud800\ud800""#,
        r#""\udc00""#,
        "{}{}",
        "1 2",
    ] {
        assert_eq!(parse(text), None, "{text:?}");
    }
}

#[test]
fn numbers_are_safe_integers_of_at_most_16_digits() {
    assert_eq!(same("9007199254740991"), json!(9_007_199_254_740_991_i64));
    assert_eq!(same("-9007199254740991"), json!(-9_007_199_254_740_991_i64));
    // Leading zeros: JSON.stringify never writes them; read as the digits say.
    assert_eq!(parse("0000000000000001"), Some(json!(1)));
    // One past the largest safe integer, 17 digits, and a number i64 cannot hold.
    assert_eq!(parse("9007199254740992"), None);
    assert_eq!(parse("-9007199254740992"), None);
    assert_eq!(parse("10000000000000000"), None);
    assert_eq!(parse("00000000000000001"), None);
    assert_eq!(parse("99999999999999999999"), None);
    assert_eq!(parse(r#"{"port":99999999999999999999}"#), None);
}

/// `depth` arrays, one inside the other, around `inner`.
fn nested(depth: usize, inner: &str) -> String {
    format!("{}{inner}{}", "[".repeat(depth), "]".repeat(depth))
}

#[test]
fn nesting_is_read_to_twice_the_checks_depth_and_no_deeper() {
    let bound = 2 * MAX_DEPTH;
    // `bound` levels of lists around a number: the number sits at depth `bound`, still read.
    assert!(parse(&nested(bound, "1")).is_some());
    assert!(parse(&nested(bound, "")).is_some());
    assert_eq!(parse(&nested(bound + 1, "1")), None);
    assert_eq!(parse(&nested(bound + 2, "")), None);
    let objects = |d: usize| format!("{}1{}", r#"{"a":"#.repeat(d), "}".repeat(d));
    assert!(parse(&objects(bound)).is_some());
    assert_eq!(parse(&objects(bound + 1)), None);
    // Far deeper than any stack would allow if the bound were missing.
    assert_eq!(parse(&nested(1_000_000, "")), None);
    assert_eq!(repeated_keys(&nested(1_000_000, "")), None);
    assert_eq!(repeated_keys(&nested(bound, "1")), Some(vec![]));
    assert_eq!(repeated_keys(&nested(bound + 1, "1")), None);
}

fn pairs(found: &[(&str, &str)]) -> Option<Vec<(String, String)>> {
    Some(
        found
            .iter()
            .map(|(p, k)| (p.to_string(), k.to_string()))
            .collect(),
    )
}

#[test]
fn repeated_keys_names_each_once_per_object_with_its_path() {
    assert_eq!(repeated_keys("{}"), pairs(&[]));
    assert_eq!(repeated_keys(r#"{"a":1,"b":2}"#), pairs(&[]));
    assert_eq!(
        repeated_keys(r#"{"company":"A","company":"B"}"#),
        pairs(&[("company", "company")])
    );
    // Three times in one object: reported once. Once in each of two objects: not at all.
    assert_eq!(
        repeated_keys(r#"{"a":1,"a":2,"a":3}"#),
        pairs(&[("a", "a")])
    );
    assert_eq!(repeated_keys(r#"[{"a":1},{"a":2}]"#), pairs(&[]));
    assert_eq!(
        repeated_keys(
            r#"{"ports":[{"port":80},{"port":443,"port":8443}],"endpoint_services":[{"name":"x","ports":[{"port":1,"protocol":"tcp","protocol":"udp"}]}]}"#
        ),
        pairs(&[
            ("ports[1].port", "port"),
            ("endpoint_services[0].ports[0].protocol", "protocol"),
        ])
    );
    // In the order of the second mention.
    assert_eq!(
        repeated_keys(r#"{"b":1,"a":1,"a":2,"b":2}"#),
        pairs(&[("a", "a"), ("b", "b")])
    );
}

#[test]
fn repeated_keys_reads_any_json_text() {
    // Whitespace everywhere JSON allows it, and numbers of every form.
    let text = " {\n\t\"ports\" : [ { \"port\" : 8.0e1 , \"port\" : -0.5E+2 } , 1 , true , false , null , \"s\\\"\" ] \r\n, \"x\":{ } , \"y\" : [ ] } ";
    assert_eq!(repeated_keys(text), pairs(&[("ports[0].port", "port")]));
    assert!(serde_json::from_str::<Value>(text).is_ok());
    // The value after the last key of an object ends at the number's last character.
    assert_eq!(repeated_keys(r#"{"a":12,"a":3}"#), pairs(&[("a", "a")]));
}

#[test]
fn repeated_keys_refuses_what_is_not_json() {
    for text in [
        "",
        "{",
        "[",
        r#"{"a":1"#,
        r#"{"a" 1}"#,
        r#"{a:1}"#,
        r#"{"a":1;"b":2}"#,
        "[1;2]",
        "[1 2]",
        "tru",
        "nul",
        "fals",
        "x",
        "{} x",
        r#"{"a":1,}"#,
    ] {
        assert_eq!(repeated_keys(text), None, "{text:?}");
    }
    assert_eq!(repeated_keys("[true,false,null]"), pairs(&[]));
}
