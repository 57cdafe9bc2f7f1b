//! A session (the page's keystroke path) gives, after any sequence of edits, exactly what a
//! fresh check of the same text gives: the same report, diagnostic for diagnostic, and the same
//! request. The edits are those a user makes: typing or deleting a character anywhere (which
//! often leaves text that is not JSON), changing one endpoint service, a top-level field, the
//! cloud or region the services are read under, adding and removing services, and enough faulty
//! services to pass the report's limit.
//!
//! 256 cases by default; `PROPTEST_CASES=5000 cargo test --release --test session` for more.
#![cfg(not(target_arch = "wasm32"))]

use proptest::prelude::*;
use serde_json::{json, Value};

use privatelink_prep::check::MAX_DIAGNOSTICS;
use privatelink_prep::host::{check_marked, Session};

const AWS_NAME: &str = "com.amazonaws.vpce.us-east-1.vpce-svc-0a1b2c3d4e5f6071";
const AZURE_ID: &str = "/subscriptions/7c9e6679-7425-40de-944b-e07fc1f90ae7/resourceGroups/rg/providers/Microsoft.Network/privateLinkServices/pls-";

/// An endpoint service entry of one of many kinds, most of them faulty in their own way.
fn service(kind: usize, n: usize) -> Value {
    let name = format!("{AWS_NAME}{}", n % 10);
    let ports = json!([{ "service": "ERP", "port": 8000 + n % 7 }]);
    match kind % 16 {
        0..=2 => json!({ "name": name, "ports": ports, "principal_allowed": true }),
        // The same name as another entry of the same `n`.
        3 => json!({ "name": format!("{AWS_NAME}0"), "ports": ports, "principal_allowed": true }),
        4 => json!({ "name": "vpce-svc-123", "ports": ports }),
        5 => json!({ "name": name, "ports": [{ "service": "SSH", "port": 22 }, { "port": "x" }] }),
        6 => json!({ "name": name, "ports": [] , "principal_allowed": false }),
        7 => json!({ "nmae": name, "ports": ports, "principal_allowed": "yes" }),
        8 => json!("com.amazonaws.vpce.us-east-1.vpce-svc-0a1b2c3d4e5f60718"),
        9 => Value::Null,
        10 => json!({ "name": format!("{AZURE_ID}{n}"), "ports": ports }),
        11 => {
            json!({ "name": format!("pls.{n}7c9e6679-7425-40de-944b-e07fc1f90ae7.eastus2.azure.privatelinkservice"), "ports": ports })
        }
        12 => json!({ "name": name, "ports": ports, "principal_allowed": true, "evidence": [] }),
        13 => {
            json!({ "name": name, "ports": ports, "evidence": [{ "source": "x", "output": {} }] })
        }
        // Enough findings in one entry to pass the report's limit with another of its kind.
        14 => {
            let bad: Vec<Value> = (0..MAX_DIAGNOSTICS / 2 + 7)
                .map(|i| json!({ "service": "", "port": 70000 + i }))
                .collect();
            json!({ "name": name, "ports": bad })
        }
        _ => {
            json!({ "name": format!("com.amazonaws.vpce.eu-west-1.vpce-svc-0a1b2c3d4e5f607{}", n % 10), "ports": ports, "principal_allowed": true })
        }
    }
}

/// A top-level change: a field set to one of a few values, or taken out.
fn top(key: usize, value: usize) -> (&'static str, Option<Value>) {
    let pick = |values: &[Value]| values.get(value % (values.len() + 1)).cloned();
    match key % 7 {
        0 => (
            "company",
            pick(&[json!("Acme"), json!(""), json!("\u{200b}"), json!(7)]),
        ),
        1 => ("cloud", pick(&[json!("aws"), json!("azure"), json!("gcp")])),
        2 => (
            "region",
            pick(&[json!("us-east-1"), json!("eastus2"), json!("eu-west-1")]),
        ),
        3 => (
            "connection_type",
            pick(&[json!("bidirectional"), json!("unidirectional")]),
        ),
        4 => (
            "account_id",
            pick(&[
                json!("123456789012"),
                json!("7c9e6679-7425-40de-944b-e07fc1f90ae7"),
            ]),
        ),
        5 => (
            "prerequisites",
            pick(&[json!({ "nlb": true, "endpoint_service": true })]),
        ),
        _ => (
            "ports",
            pick(&[json!([{ "service": "Web", "port": 80 }]), json!([])]),
        ),
    }
}

#[derive(Clone, Debug)]
enum Edit {
    /// Puts a service of a kind at a place (modulo the list's length).
    Service(usize, usize, usize),
    Top(usize, usize),
    Add(usize, usize),
    Remove(usize),
    /// Types a character at a place in the text (modulo its length).
    Type(usize, char),
    /// Deletes the character at a place in the text.
    Delete(usize),
    /// Gives the document's list of services twice: first, or last (then that one counts).
    Twice(bool),
}

fn edit() -> impl Strategy<Value = Edit> {
    prop_oneof![
        3 => (any::<usize>(), 0..16usize, 0..20usize).prop_map(|(a, k, n)| Edit::Service(a, k, n)),
        2 => (any::<usize>(), any::<usize>()).prop_map(|(k, v)| Edit::Top(k, v)),
        1 => (0..16usize, 0..20usize).prop_map(|(k, n)| Edit::Add(k, n)),
        1 => any::<usize>().prop_map(Edit::Remove),
        3 => (any::<usize>(), prop::sample::select(vec!['a', '1', '"', ',', '{', '}', ']', ' ', 'é', '\\', ':']))
            .prop_map(|(at, c)| Edit::Type(at, c)),
        2 => any::<usize>().prop_map(Edit::Delete),
        1 => any::<bool>().prop_map(Edit::Twice),
    ]
}

fn start(kinds: &[(usize, usize)]) -> Value {
    let text = include_str!("requests/aws-bidirectional.json");
    let mut doc: Value = serde_json::from_str(text).unwrap();
    doc["endpoint_services"] = kinds.iter().map(|&(k, n)| service(k, n)).collect();
    doc
}

/// The place of the character at `at` (modulo the text's length) in `text`.
fn char_at(text: &str, at: usize) -> usize {
    let places: Vec<usize> = text.char_indices().map(|(i, _)| i).collect();
    places[at % places.len()]
}

fn apply(doc: &mut Value, text: &mut String, e: &Edit) {
    let list = |doc: &mut Value| doc["endpoint_services"].as_array_mut().map(std::mem::take);
    match *e {
        Edit::Service(at, k, n) => {
            if let Some(mut items) = list(doc).filter(|l| !l.is_empty()) {
                let len = items.len();
                items[at % len] = service(k, n);
                doc["endpoint_services"] = Value::Array(items);
            }
            *text = doc.to_string();
        }
        Edit::Top(key, value) => {
            let (key, value) = top(key, value);
            match value {
                Some(v) => doc[key] = v,
                None => drop(doc.as_object_mut().unwrap().remove(key)),
            }
            *text = doc.to_string();
        }
        Edit::Add(k, n) => {
            let mut items = list(doc).unwrap_or_default();
            items.push(service(k, n));
            doc["endpoint_services"] = Value::Array(items);
            *text = doc.to_string();
        }
        Edit::Remove(at) => {
            if let Some(mut items) = list(doc).filter(|l| !l.is_empty()) {
                let len = items.len();
                items.remove(at % len);
                doc["endpoint_services"] = Value::Array(items);
            }
            *text = doc.to_string();
        }
        Edit::Type(at, c) => {
            let at = char_at(text, at);
            text.insert(at, c);
        }
        Edit::Delete(at) => {
            let at = char_at(text, at);
            text.remove(at);
        }
        Edit::Twice(first) => {
            let list = r#""endpoint_services":[{"name":"x"}]"#;
            if first {
                text.insert_str(1, &format!("{list},"));
            } else if let Some(end) = text.rfind('}') {
                text.insert_str(end, &format!(",{list}"));
            }
        }
    }
}

proptest! {
    #[test]
    fn a_session_answers_as_a_fresh_check(
        kinds in prop::collection::vec((0..16usize, 0..20usize), 0..8),
        edits in prop::collection::vec(edit(), 1..16),
    ) {
        let mut doc = start(&kinds);
        let mut text = doc.to_string();
        let mut session = Session::default();
        prop_assert_eq!(session.check(text.clone(), &[]), check_marked(&text, &[]));
        for e in &edits {
            apply(&mut doc, &mut text, e);
            let fresh = check_marked(&text, &[]);
            prop_assert_eq!(session.check(text.clone(), &[]), fresh, "after {:?}: {}", e, text);
        }
    }
}

/// Typing into a service, and into the company, of a document over the report's limit: each
/// keystroke's answer is the fresh one.
#[test]
fn keystrokes_in_a_long_faulty_request_answer_as_fresh_checks() {
    let kinds: Vec<(usize, usize)> = (0..40).map(|i| ([0, 4, 5, 14, 11][i % 5], i)).collect();
    let doc = start(&kinds);
    let mut text = doc.to_string();
    let mut session = Session::default();
    assert_eq!(session.check(text.clone(), &[]), check_marked(&text, &[]));
    assert_eq!(session.read(), text.len(), "the first check reads it all");
    // What a keystroke reads: the text around the list (with `[]` in its place), or one service.
    let mut list = serde_json::to_string(&doc["endpoint_services"])
        .unwrap()
        .len();
    let longest = doc["endpoint_services"]
        .as_array()
        .unwrap()
        .iter()
        .map(|s| s.to_string().len())
        .max()
        .unwrap();
    // Keys, and a paste of five characters (a position after an edit moves by its length).
    for (i, (what, typed)) in [
        ("Acme", "x"),
        ("Acme", "x"),
        ("vpce-svc-", "x"),
        ("vpce-svc-", "Group"),
        ("Acme", "Group"),
        ("vpce-svc-", "x"),
    ]
    .iter()
    .enumerate()
    {
        let at = text.find(what).unwrap() + what.len();
        text.insert_str(at, typed);
        let fresh = check_marked(&text, &[]);
        assert!(
            fresh.report.diagnostics.len() > MAX_DIAGNOSTICS,
            "the limit is passed"
        );
        assert_eq!(session.check(text.clone(), &[]), fresh, "key {i}");
        if *what == "Acme" {
            assert_eq!(session.read(), text.len() - list + 2, "key {i}");
        } else {
            assert!(session.read() <= longest + 6, "key {i}: {}", session.read());
            list += typed.len(); // what was typed is in the list
        }
    }
}

/// A service with a pasted output is checked again at every edit, even one outside the list:
/// what its output says is compared with the request's account (PL814), so findings kept from
/// the last check would be those of the old account.
#[cfg(feature = "evidence")]
#[test]
fn a_service_with_evidence_is_checked_again_after_an_edit_outside_the_list() {
    let mut doc: Value = serde_json::from_str(
        &std::fs::read_to_string("tests/requests/aws-bidirectional.json").unwrap(),
    )
    .unwrap();
    let output: Value = serde_json::from_str(
        &std::fs::read_to_string("tests/evidence/aws-service-configurations.json").unwrap(),
    )
    .unwrap();
    doc["endpoint_services"][0]["evidence"] = json!([{ "output": output }]);
    let text = doc.to_string();
    let pl814 =
        |c: &privatelink_prep::Checked| c.report.diagnostics.iter().any(|d| d.code == "PL814");
    let mut session = Session::default();
    let first = session.check(text.clone(), &[]);
    assert_eq!(first, check_marked(&text, &[]));
    assert!(!pl814(&first), "the output's account is the request's");
    // The account typed anew, one key: the service is not in the edit, its finding changes.
    let account = doc["account_id"].as_str().unwrap().to_string();
    let edited = text.replacen(&account, &format!("{}1", &account[..11]), 1);
    let second = session.check(edited.clone(), &[]);
    assert_eq!(second, check_marked(&edited, &[]));
    assert!(
        pl814(&second),
        "the output's account is no longer the request's"
    );
}

/// A request a few bytes under the size limit, of 500 services of 50 ports: a keystroke in the
/// company, or in one service, that takes it over is refused as a fresh check refuses it, and
/// one that brings it back is checked in full again: whatever the session keeps of the services
/// the edit did not touch, the size bound counts all of them.
#[test]
fn keystrokes_across_the_size_limit_answer_as_fresh_checks() {
    use privatelink_prep::check::MAX_DOCUMENT_BYTES;
    let mut doc: Value = serde_json::from_str(
        &std::fs::read_to_string("tests/requests/aws-bidirectional.json").unwrap(),
    )
    .unwrap();
    doc["endpoint_services"] = (0..500)
        .map(|i| {
            json!({
                "name": format!("com.amazonaws.vpce.us-east-1.vpce-svc-{i:017x}"),
                "ports": (0..50).map(|j| json!({ "service": format!("Service {j}"), "port": 2000 + j })).collect::<Vec<_>>(),
                "principal_allowed": true,
            })
        })
        .collect();
    let company = doc["company"].as_str().unwrap().to_string();
    let room = MAX_DOCUMENT_BYTES - doc.to_string().len();
    // Compact JSON of plain ASCII: the text's length is the size the limit counts.
    doc["company"] = Value::String(format!("{company}{}", "a".repeat(room - 2)));
    let mut text = doc.to_string();
    assert_eq!(text.len(), MAX_DOCUMENT_BYTES - 2);
    let too_large =
        |c: &privatelink_prep::Checked| c.report.diagnostics.iter().any(|d| d.code == "PL002");
    let mut session = Session::default();
    let first = session.check(text.clone(), &[]);
    assert_eq!(first, check_marked(&text, &[]));
    // (The company is far too long for a company, an error of its own: not the size's.)
    assert!(!too_large(&first), "{:?}", first.report.diagnostics);
    let service = text.find("vpce-svc-000000000000001f3").unwrap();
    let steps: [(&str, usize, bool); 5] = [
        ("bb", text.find("aaaa").unwrap(), false), // exactly the limit
        ("c", text.find("aaaa").unwrap(), true),   // one byte over, in the company
        ("", 0, false),                            // (the byte taken out again, below)
        ("d", service, true),                      // over by a byte typed in service 500
        ("", 0, false),
    ];
    for (i, (typed, at, over)) in steps.into_iter().enumerate() {
        if typed.is_empty() {
            // Takes out the byte typed in the step before.
            let (prev, at, _) = steps[i - 1];
            text.replace_range(at..at + prev.len(), "");
        } else {
            text.insert_str(at, typed);
        }
        let fresh = check_marked(&text, &[]);
        assert_eq!(
            too_large(&fresh),
            over,
            "step {i}: {:?}",
            fresh.report.diagnostics
        );
        assert_eq!(session.check(text.clone(), &[]), fresh, "step {i}");
    }
}
