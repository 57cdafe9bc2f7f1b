//! Property tests of the evidence checks (issue 14), in the style of tests/proptest.rs: the
//! public example outputs with random changes, arbitrary JSON and arbitrary text, attached to the
//! example requests anywhere evidence goes, and pasted through `evidence::read`. Whatever comes
//! in, nothing panics, the report is consistent with the catalogue, the bounds hold, fills only
//! fill empty fields, and a verified fact is a declared value.
//!
//! 256 cases per property by default; `PROPTEST_CASES` for a longer run.
#![cfg(all(feature = "evidence", not(target_arch = "wasm32")))]

use std::sync::OnceLock;

use proptest::prelude::*;
use serde_json::{json, Value};

use privatelink_prep::evidence::{self, MAX_EVIDENCE};
use privatelink_prep::rules;
use privatelink_prep::{check, render, Format, Severity};

fn cases() -> u32 {
    std::env::var("PROPTEST_CASES")
        .ok()
        .and_then(|s| s.parse().ok())
        .unwrap_or(256)
}

fn config() -> ProptestConfig {
    ProptestConfig {
        cases: cases(),
        ..ProptestConfig::default()
    }
}

fn read(rel: &str) -> String {
    std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/").to_owned() + rel).unwrap()
}

/// The fixtures of tests/evidence, parsed.
fn fixtures() -> &'static Vec<Value> {
    static F: OnceLock<Vec<Value>> = OnceLock::new();
    F.get_or_init(|| {
        let mut names: Vec<_> =
            std::fs::read_dir(concat!(env!("CARGO_MANIFEST_DIR"), "/tests/evidence"))
                .unwrap()
                .map(|e| e.unwrap().path())
                .filter(|p| p.extension().is_some_and(|e| e == "json"))
                .collect();
        names.sort();
        names
            .iter()
            .map(|p| serde_json::from_str(&std::fs::read_to_string(p).unwrap()).unwrap())
            .collect()
    })
}

fn base(name: &str) -> Value {
    serde_json::from_str(&read(&format!("tests/requests/{name}"))).unwrap()
}

fn any_leaf() -> BoxedStrategy<Value> {
    prop_oneof![
        Just(Value::Null),
        any::<bool>().prop_map(Value::Bool),
        any::<i64>().prop_map(Value::from),
        (0u64..70000).prop_map(Value::from),
        any::<f64>()
            .prop_map(|f| serde_json::Number::from_f64(f).map_or(Value::Null, Value::Number)),
        any::<String>().prop_map(Value::String),
        "[ -~]{0,30}".prop_map(Value::String),
        prop::sample::select(vec![
            "Available",
            "Pending",
            "Failed",
            "TCP",
            "UDP",
            "TCP_UDP",
            "TLS",
            "HTTP",
            "*",
            "arn:aws:iam::402592597372:root",
            "Succeeded",
            "Enabled",
            "AzureChinaCloud",
            "123456789012",
            "us-west-2",
            "eastus2",
            "\u{1b}[2J",
            "<b>x</b>",
            "`x`",
            "_x_",
        ])
        .prop_map(|s| Value::String(s.into())),
    ]
    .boxed()
}

fn any_json() -> BoxedStrategy<Value> {
    any_leaf()
        .prop_recursive(4, 48, 6, |inner| {
            prop_oneof![
                prop::collection::vec(inner.clone(), 0..6).prop_map(Value::Array),
                prop::collection::vec(("[A-Za-z]{1,12}", inner), 0..6)
                    .prop_map(|kv| Value::Object(kv.into_iter().collect())),
            ]
        })
        .boxed()
}

/// Every leaf's position in `v`, depth first.
fn leaves(v: &Value, out: &mut usize) {
    match v {
        Value::Array(a) => a.iter().for_each(|x| leaves(x, out)),
        Value::Object(o) => o.values().for_each(|x| leaves(x, out)),
        _ => *out += 1,
    }
}

/// Replaces leaf `n` of `v` (counted as [`leaves`] counts) with `with`.
fn replace(v: &mut Value, n: &mut usize, with: &Value) -> bool {
    match v {
        Value::Array(a) => a.iter_mut().any(|x| replace(x, n, with)),
        Value::Object(o) => o.values_mut().any(|x| replace(x, n, with)),
        leaf => {
            if *n == 0 {
                *leaf = with.clone();
                return true;
            }
            *n -= 1;
            false
        }
    }
}

/// A fixture with up to three leaves changed.
fn changed_fixture() -> BoxedStrategy<Value> {
    (
        0..fixtures().len(),
        prop::collection::vec((any::<prop::sample::Index>(), any_leaf()), 0..4),
    )
        .prop_map(|(i, changes)| {
            let mut v = fixtures()[i].clone();
            for (at, with) in changes {
                let mut count = 0;
                leaves(&v, &mut count);
                if count > 0 {
                    replace(&mut v, &mut at.index(count), &with);
                }
            }
            v
        })
        .boxed()
}

/// An output as a document holds it: JSON, or text (a fixture's text cut short, or anything).
fn any_output() -> BoxedStrategy<Value> {
    prop_oneof![
        6 => changed_fixture(),
        2 => any_json(),
        1 => (changed_fixture(), any::<prop::sample::Index>()).prop_map(|(v, cut)| {
            let text = serde_json::to_string_pretty(&v).unwrap();
            let end = cut.index(text.len() + 1);
            Value::String(text.get(..end).unwrap_or(&text).to_string())
        }),
        1 => any::<String>().prop_map(Value::String),
    ]
    .boxed()
}

fn entry() -> BoxedStrategy<Value> {
    prop_oneof![
        8 => any_output().prop_map(|o| json!({"output": o})),
        1 => (any_output(), any::<String>()).prop_map(|(o, s)| json!({"source": s, "output": o})),
        1 => any_json(),
    ]
    .boxed()
}

/// An example request with evidence anywhere: up to 23 entries at the top (over the bound of
/// 20 now and then) and a few on each endpoint service.
fn document() -> BoxedStrategy<Value> {
    (
        prop::sample::select(vec!["aws-bidirectional.json", "azure-bidirectional.json", "aws-unidirectional.json"]),
        prop_oneof![4 => prop::collection::vec(entry(), 0..4), 1 => prop::collection::vec(entry(), 18..24)],
        prop::collection::vec(entry(), 0..4),
        prop::collection::vec(entry(), 0..3),
    )
        .prop_map(|(name, top, first, second)| {
            let mut doc = base(name);
            doc["evidence"] = top.into();
            if doc["endpoint_services"].is_array() {
                doc["endpoint_services"][0]["evidence"] = first.into();
                doc["endpoint_services"][1]["evidence"] = second.into();
            }
            doc
        })
        .boxed()
}

fn assert_consistent(doc: &Value) -> Result<(), TestCaseError> {
    let checked = check(doc);
    let report = &checked.report;
    let errors = report
        .diagnostics
        .iter()
        .any(|d| d.severity == Severity::Error);
    prop_assert_eq!(report.valid, !errors);
    prop_assert_eq!(report.valid, checked.request.is_some());
    for d in &report.diagnostics {
        let rule = rules::find(d.code).unwrap();
        prop_assert_eq!(rule.severity, d.severity);
        prop_assert!(rule.concerns(&d.field), "{} on {}", d.code, d.field);
        prop_assert!(!d.message.chars().any(char::is_control), "{:?}", d.message);
    }
    // Bounds: more than MAX_EVIDENCE outputs is one error on the list, and none is read.
    let top = doc["evidence"].as_array().map_or(0, Vec::len);
    let too_many = report
        .diagnostics
        .iter()
        .any(|d| d.code == "PL809" && d.field == "evidence");
    prop_assert_eq!(top > MAX_EVIDENCE, too_many);
    if top > MAX_EVIDENCE {
        prop_assert!(!report
            .diagnostics
            .iter()
            .any(|d| d.field.starts_with("evidence[")));
    }
    let Some(request) = checked.request else {
        return Ok(());
    };
    let e = request.as_enablement().unwrap();
    for v in &e.verified {
        // A verified fact is a declared value, checked.
        if v.field == "account_id" {
            prop_assert_eq!(&v.value, e.account.as_str());
        }
        prop_assert!(!v.value.chars().any(char::is_control));
        prop_assert!(v.evidence.contains("evidence["));
    }
    for format in [Format::Text, Format::Markdown, Format::Json] {
        let t = render(&request, format);
        let has = t
            .body
            .contains("Verified from the customer's own cloud output")
            || t.body.contains("\"verified\"");
        prop_assert_eq!(has, !e.verified.is_empty());
        if format == Format::Markdown {
            for v in &e.verified {
                let shown = format!("`{}`", v.value);
                prop_assert!(t.body.contains(&shown), "{}", v.value);
            }
        }
    }
    Ok(())
}

fn empty_at(doc: &Value, field: &str) -> bool {
    let mut v = Some(doc);
    for seg in field.split('.') {
        let (name, index) = match seg.split_once('[') {
            Some((n, i)) => (n, i.trim_end_matches(']').parse::<usize>().ok()),
            None => (seg, None),
        };
        v = v.and_then(|x| x.get(name));
        if let Some(i) = index {
            v = v.and_then(|x| x.get(i));
        }
    }
    match v {
        None | Some(Value::Null) => true,
        Some(Value::String(s)) => s.trim().is_empty(),
        Some(Value::Array(a)) => a.is_empty(),
        Some(Value::Bool(false)) => field.ends_with("principal_allowed"),
        _ => false,
    }
}

proptest! {
    #![proptest_config(config())]

    #[test]
    fn evidence_anywhere_keeps_the_report_consistent(doc in document()) {
        assert_consistent(&doc)?;
    }

    #[test]
    fn any_value_is_recognised_or_not_without_panicking(v in prop_oneof![changed_fixture(), any_json()]) {
        if let Some(out) = evidence::recognise(&v) {
            let facts = evidence::facts(&out);
            prop_assert!(!facts.is_empty());
        }
    }

    #[test]
    fn a_paste_fills_only_empty_fields(
        name in prop::sample::select(vec!["aws-bidirectional.json", "azure-bidirectional.json"]),
        drop in prop::sample::subsequence(vec!["account_id", "region", "cloud"], 0..3),
        clear_service in any::<bool>(),
        attach in prop::sample::select(vec!["", "endpoint_services[0]", "endpoint_services[1]", "endpoint_services[9]"]),
        output in any_output(),
    ) {
        let mut doc = base(name);
        for f in drop {
            doc.as_object_mut().unwrap().remove(f);
        }
        if clear_service {
            doc["endpoint_services"][0] = json!({"name": "", "ports": []});
        }
        let text = match &output {
            Value::String(s) => s.clone(),
            v => serde_json::to_string_pretty(v).unwrap(),
        };
        let reading = evidence::read(&doc, attach, &text).unwrap();
        for f in &reading.fills {
            prop_assert!(empty_at(&doc, &f.field), "fills {} which is not empty", f.field);
            prop_assert!(
                ["cloud", "account_id", "region"].contains(&f.field.as_str())
                    || f.field.starts_with(&format!("{attach}.")),
                "fill {} outside {attach:?}", f.field
            );
        }
        for d in &reading.diagnostics {
            prop_assert!(d.code.starts_with("PL8"));
        }
        if reading.recognised.is_none() {
            prop_assert!(reading.facts.is_empty() && reading.fills.is_empty());
        }
    }
}

#[test]
fn the_generators_reach_agreement_and_contradiction() {
    use proptest::strategy::ValueTree;
    use proptest::test_runner::TestRunner;
    let mut runner = TestRunner::deterministic();
    let (mut verified, mut contradicted) = (0, 0);
    for _ in 0..300 {
        let doc = document().new_tree(&mut runner).unwrap().current();
        let checked = check(&doc);
        match checked.request {
            Some(r) if !r.as_enablement().unwrap().verified.is_empty() => verified += 1,
            _ => {}
        }
        if checked
            .report
            .diagnostics
            .iter()
            .any(|d| d.code.starts_with("PL8") && d.severity == Severity::Error)
        {
            contradicted += 1;
        }
    }
    assert!(
        verified > 0 && contradicted > 0,
        "verified {verified}, contradicted {contradicted}"
    );
}
