//! Evidence (issue 14): the public example outputs of each command, recognised by their shape,
//! the facts read from them, and each contradiction with its exact field and message.
#![cfg(all(feature = "evidence", not(target_arch = "wasm32")))]

mod common;

use common::{path, request};
use privatelink_prep::evidence::{facts, recognise, Kind};
use privatelink_prep::{check, Severity};
use serde_json::{json, Value};

fn fixture(name: &str) -> Value {
    let p = path("tests/evidence").join(name);
    serde_json::from_str(&std::fs::read_to_string(&p).unwrap()).unwrap()
}

/// `base` (a request of tests/requests) with `top` as its evidence and `services[i]` as the
/// evidence of endpoint service i.
fn with(base: &str, top: &[Value], services: &[(usize, &[Value])]) -> Value {
    let mut doc: Value = serde_json::from_str(&request(base)).unwrap();
    let wrap = |list: &[Value]| -> Value {
        list.iter().map(|o| json!({"output": o})).collect::<Vec<_>>().into()
    };
    if !top.is_empty() {
        doc["evidence"] = wrap(top);
    }
    for (i, list) in services {
        doc["endpoint_services"][*i]["evidence"] = wrap(list);
    }
    doc
}

/// Every diagnostic as (code, severity, field, message).
fn found(doc: &Value) -> Vec<(String, Severity, String, String)> {
    check(doc)
        .report
        .diagnostics
        .into_iter()
        .map(|d| (d.code.to_string(), d.severity, d.field, d.message))
        .collect()
}

#[test]
fn scratch() {
    let aws = with(
        "aws-bidirectional.json",
        &[fixture("aws-caller-identity.json")],
        &[(0, &[fixture("aws-service-configurations.json"), fixture("aws-service-permissions.json"), fixture("aws-listeners.json")])],
    );
    for d in found(&aws) { println!("{d:?}"); }
    println!("{:#?}", check(&aws).request.unwrap().as_enablement().unwrap().verified);
    let az = with(
        "azure-bidirectional.json",
        &[fixture("azure-account.json")],
        &[(0, &[fixture("azure-private-link-service-rest.json")]), (1, &[fixture("azure-private-link-service-cli.json")])],
    );
    for d in found(&az) { println!("{d:?}"); }
    for f in ["aws-caller-identity.json", "aws-service-configurations.json", "aws-service-permissions.json", "aws-listeners.json", "azure-account.json", "azure-private-link-service-rest.json", "azure-private-link-service-cli.json"] {
        let o = recognise(&fixture(f)).unwrap();
        println!("{f}: {} {:?}", o.kind().as_str(), facts(&o));
    }
    let _ = Kind::CallerIdentity;
}
