//! Evidence behaviour that mutation testing (`bash scripts/mutants.sh`) found unchecked, asserted
//! as the user sees it: the exact evidence diagnostics.
#![cfg(all(feature = "evidence", not(target_arch = "wasm32")))]

mod common;

use privatelink_prep::check;
use privatelink_prep::evidence::MAX_OUTPUT_BYTES;
use serde_json::{json, Value};

fn output(name: &str) -> Value {
    let p = common::path("tests/evidence").join(name);
    serde_json::from_str(&std::fs::read_to_string(&p).unwrap()).unwrap()
}

/// The AWS bidirectional example with `outputs` as its document-level evidence.
fn aws(outputs: &[Value]) -> Value {
    let mut doc: Value = serde_json::from_str(&common::request("aws-bidirectional.json")).unwrap();
    doc["evidence"] = outputs.iter().map(|o| json!({ "output": o })).collect();
    doc
}

/// The evidence diagnostics (PL8xx) as (code, field, message).
fn found(doc: &Value) -> Vec<(String, String, String)> {
    check(doc)
        .report
        .diagnostics
        .into_iter()
        .filter(|d| d.code.starts_with("PL8"))
        .map(|d| (d.code.to_string(), d.field, d.message))
        .collect()
}

/// An output given as JSON (not as text) is read up to 256 KiB of compact JSON, at the byte.
#[test]
fn a_json_output_of_exactly_256_kib_is_read() {
    let mut ci = output("aws-caller-identity.json");
    ci["UserId"] = json!("");
    let short = MAX_OUTPUT_BYTES - serde_json::to_string(&ci).unwrap().len();
    ci["UserId"] = json!("x".repeat(short));
    assert_eq!(serde_json::to_string(&ci).unwrap().len(), MAX_OUTPUT_BYTES);
    assert_eq!(found(&aws(std::slice::from_ref(&ci))), []);
    ci["UserId"] = json!("x".repeat(short + 1));
    assert_eq!(
        found(&aws(&[ci])),
        [(
            "PL808".to_string(),
            "evidence[0]".to_string(),
            "Cloud output 1 is 256 KiB long, more than the 256 KiB of an output read; it is ignored."
                .to_string()
        )]
    );
}

/// `doc` (a request of tests/requests) with `outputs` as the evidence of endpoint service 0.
fn on_service(base: &str, outputs: &[Value]) -> Value {
    let mut doc: Value = serde_json::from_str(&common::request(base)).unwrap();
    doc["endpoint_services"][0]["evidence"] =
        outputs.iter().map(|o| json!({ "output": o })).collect();
    doc
}

/// PL821 names at most three of the principals an endpoint service allows, then how many more.
#[test]
fn the_principals_allowed_instead_are_named_three_at_most() {
    let principals = |n: usize| {
        let list: Vec<Value> = (0..n)
            .map(|i| json!({"PrincipalType": "Account", "Principal": format!("arn:aws:iam::12345678901{i}:root")}))
            .collect();
        found(&on_service(
            "aws-bidirectional.json",
            &[json!({ "AllowedPrincipals": list })],
        ))
    };
    let pl821 = |list: &str| {
        vec![(
            "PL821".to_string(),
            "endpoint_services[0].principal_allowed".to_string(),
            format!("Cloud output 1 of endpoint service 1 (aws ec2 describe-vpc-endpoint-service-permissions) allows {list}, not Adobe's principal arn:aws:iam::402592597372:root."),
        )]
    };
    assert_eq!(
        principals(3),
        pl821("\"arn:aws:iam::123456789010:root\", \"arn:aws:iam::123456789011:root\", \"arn:aws:iam::123456789012:root\"")
    );
    assert_eq!(
        principals(4),
        pl821("\"arn:aws:iam::123456789010:root\", \"arn:aws:iam::123456789011:root\", \"arn:aws:iam::123456789012:root\" and 1 more")
    );
}

/// A Private Link service output that does not say its provisioning state verifies nothing.
#[test]
fn a_private_link_service_without_its_state_is_not_verified() {
    let mut pls = output("azure-private-link-service-rest.json");
    let verified = |pls: &Value| {
        let checked = check(&on_service(
            "azure-bidirectional.json",
            std::slice::from_ref(pls),
        ));
        let request = checked
            .request
            .unwrap_or_else(|| panic!("{:#?}", checked.report));
        request
            .as_enablement()
            .unwrap()
            .verified
            .iter()
            .map(|v| format!("{}: {}", v.field, v.fact))
            .collect::<Vec<_>>()
    };
    assert_eq!(
        verified(&pls),
        ["endpoint_services[0].name: provisioned (Succeeded) in eastus2, on a load balancer frontend"]
    );
    pls["properties"]
        .as_object_mut()
        .unwrap()
        .remove("provisioningState");
    assert_eq!(verified(&pls), Vec::<String>::new());
}

/// A service named by its alias, shown another alias: PL831 names the alias the output shows.
#[test]
fn another_alias_is_named_by_its_alias() {
    let mut doc = on_service(
        "azure-bidirectional.json",
        &[{
            let mut p = output("azure-private-link-service-rest.json");
            p["properties"]["alias"] = json!(
                "pls-erp.4b7e9a3c-21d5-4f0e-9c6a-8d2b1e5f7a91.eastus2.azure.privatelinkservice"
            );
            p
        }],
    );
    doc["endpoint_services"][0]["name"] =
        json!("pls-erp.4b7e9a3c-21d5-4f0e-9c6a-8d2b1e5f7a90.eastus2.azure.privatelinkservice");
    assert_eq!(
        found(&doc),
        [(
            "PL831".to_string(),
            "endpoint_services[0].name".to_string(),
            "Cloud output 1 of Private Link service 1 (az network private-link-service show) describes \"…1d5-4f0e-9c6a-8d2b1e5f7a91.eastus2.azure.privatelinkservice\", not \"…1d5-4f0e-9c6a-8d2b1e5f7a90.eastus2.azure.privatelinkservice\".".to_string()
        )]
    );
}

/// An output of no known command is named by its shape: an object by its first three fields.
#[test]
fn an_unrecognised_object_is_named_by_its_first_fields() {
    let pl807 = |what: &str| {
        vec![(
            "PL807".to_string(),
            "evidence[0]".to_string(),
            format!("Cloud output 1 is {what}, not the output of a command this tool reads; it is ignored."),
        )]
    };
    assert_eq!(found(&aws(&[json!({})])), pl807("an empty object"));
    assert_eq!(
        found(&aws(&[json!({"a": 1, "b": 2, "c": 3})])),
        pl807("an object with the fields \"a\", \"b\", \"c\"")
    );
    assert_eq!(
        found(&aws(&[json!({"a": 1, "b": 2, "c": 3, "d": 4})])),
        pl807("an object with the fields \"a\", \"b\", \"c\", ...")
    );
}

/// The facts the page lists for a pasted output name each endpoint service by its position.
#[test]
fn each_endpoint_service_of_an_output_is_named_by_its_position() {
    use privatelink_prep::evidence::{facts, recognise};
    let mut configurations = output("aws-service-configurations.json");
    let first = configurations["ServiceConfigurations"][0].clone();
    configurations["ServiceConfigurations"] = json!([first.clone(), first]);
    let labels: Vec<String> = facts(&recognise(&configurations).expect("recognised"))
        .into_iter()
        .map(|f| f.label)
        .filter(|l| l.ends_with(": name"))
        .collect();
    assert_eq!(
        labels,
        ["Endpoint service 1: name", "Endpoint service 2: name"]
    );
}
