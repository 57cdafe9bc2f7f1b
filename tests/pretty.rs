//! The core's own JSON writer (`privatelink_prep::pretty`) writes exactly what
//! `serde_json::to_string_pretty` writes for the same value: reports (with values full of
//! escapes), the rule catalogue and guides of every example request. (The JSON ticket's body,
//! written from private types, is held by the ticket snapshots; a ticket itself reaches
//! JavaScript as its three strings, not as JSON text.)

use privatelink_prep::check_json;
use privatelink_prep::guide::guide;
use privatelink_prep::pretty;
use privatelink_prep::rules::RULES;

fn same<T: serde::Serialize + pretty::ToJson + ?Sized>(value: &T, what: &str) {
    assert_eq!(
        pretty::to_string(value),
        serde_json::to_string_pretty(value).unwrap(),
        "{what}"
    );
}

fn examples() -> Vec<(String, String)> {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/requests");
    let mut out: Vec<(String, String)> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|x| x == "json"))
        .map(|p| {
            (
                p.display().to_string(),
                std::fs::read_to_string(&p).unwrap(),
            )
        })
        .collect();
    out.sort();
    out
}

#[test]
fn the_catalogue_is_written_as_serde_json_writes_it() {
    same(RULES, "rules");
}

#[test]
fn reports_and_guides_are_written_as_serde_json_writes_them() {
    for (name, text) in examples() {
        let checked = check_json(&text).unwrap();
        same(&checked.report, &name);
        let Some(req) = checked.request else { continue };
        same(&guide(&req), &name);
    }
}

#[test]
fn every_escape_is_written_as_serde_json_writes_it() {
    let all: String = (0u32..0x80)
        .filter_map(char::from_u32)
        .chain("\u{a0}\u{2028}\u{2029}\u{200b}\u{feff}é😀\u{10ffff}".chars())
        .collect();
    for value in [all.as_str(), "", "\"", "\\", "a\u{0}b", "\u{1f}\u{7f}"] {
        let doc = serde_json::json!({ "company": value, value: value, "ports": [value] });
        let checked = privatelink_prep::check(&doc);
        same(&checked.report, value);
        same(value, value);
    }
    same(&Vec::<String>::new(), "empty list");
    same(&[Some(1u32), None][..], "options");
}

/// A finding's choices (`suggestions`) and the rows a field splits into (`split`): the page's
/// buttons and `--format json` read them. No example request has either.
#[test]
fn a_findings_choices_and_split_are_written_as_serde_json_writes_them() {
    let doc = r#"{"version": 1, "company": "X", "cloud": "aws", "region": "United States",
        "account_id": "012345678901", "project_id": "yw1unoukjcawe", "plan": "pro",
        "environments": ["production"], "connection_type": "unidirectional",
        "ports": [{"service": "Web", "port": "80,443"}]}"#;
    let report = check_json(doc).unwrap().report;
    same(&report, "choices and split");
    let text = pretty::to_string(&report);
    for part in [
        concat!(
            "      \"suggestion\": \"us-east-1\",\n",
            "      \"suggestions\": [\n",
            "        \"us-east-1\",\n",
            "        \"us-east-2\",\n",
            "        \"us-west-1\",\n",
            "        \"us-west-2\"\n",
            "      ]\n",
            "    },\n",
        ),
        concat!(
            "      \"split\": [\n",
            "        \"80\",\n",
            "        \"443\"\n",
            "      ]\n",
            "    }\n",
            "  ]\n",
            "}",
        ),
    ] {
        assert!(text.contains(part), "{part}\nnot in\n{text}");
    }
}
