//! Evidence behaviour that mutation testing (`bash scripts/mutants.sh`) found unchecked, asserted
//! as the user sees it: the exact evidence diagnostics.
#![cfg(all(feature = "evidence", not(target_arch = "wasm32")))]

mod common;

use privatelink_prep::check;
use privatelink_prep::evidence::MAX_OUTPUT_BYTES;
use serde_json::{json, Value};

const PLS: &str = "/subscriptions/7c9e6679-7425-40de-944b-e07fc1f90ae7/resourceGroups/rg-erp/providers/Microsoft.Network/privateLinkServices/pls-erp";

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

/// The empty fields a pasted output fills (`evidenceRead`): `fills` of `output` (a file of
/// tests/evidence) read against `doc` attached at `at`.
fn fills(doc: &Value, at: &str, output: &str) -> Vec<(String, Value)> {
    let text = std::fs::read_to_string(common::path("tests/evidence").join(output)).unwrap();
    privatelink_prep::evidence::read(doc, at, &text)
        .unwrap()
        .fills
        .into_iter()
        .map(|f| (f.field, serde_json::to_value(f.value).unwrap()))
        .collect()
}

/// What each kind of output fills, and that a blank text or null counts as empty.
#[test]
fn each_output_fills_the_empty_fields_it_knows() {
    // AWS: one endpoint service configuration gives the service's name and the region; a
    // permission that allows Adobe ticks the box.
    let mut doc: Value = serde_json::from_str(&common::request("aws-bidirectional.json")).unwrap();
    doc.as_object_mut().unwrap().remove("region");
    doc["endpoint_services"][0]["name"] = json!("  ");
    doc["endpoint_services"][0]["principal_allowed"] = json!(false);
    assert_eq!(
        fills(
            &doc,
            "endpoint_services[0]",
            "aws-service-configurations.json"
        ),
        [
            (
                "endpoint_services[0].name".to_string(),
                json!("com.amazonaws.vpce.us-east-1.vpce-svc-0a1b2c3d4e5f60718")
            ),
            ("region".to_string(), json!("us-east-1")),
        ]
    );
    assert_eq!(
        fills(&doc, "endpoint_services[0]", "aws-service-permissions.json"),
        [(
            "endpoint_services[0].principal_allowed".to_string(),
            json!(true)
        )]
    );
    doc["endpoint_services"][0]["principal_allowed"] = json!(true);
    assert_eq!(
        fills(&doc, "endpoint_services[0]", "aws-service-permissions.json"),
        []
    );
    // Azure: the account gives the cloud and the subscription; a Private Link service its
    // resource ID and region.
    let mut doc: Value =
        serde_json::from_str(&common::request("azure-bidirectional.json")).unwrap();
    let obj = doc.as_object_mut().unwrap();
    obj.remove("cloud");
    obj.remove("account_id");
    obj.remove("region");
    doc["endpoint_services"][0]["name"] = Value::Null;
    assert_eq!(
        fills(&doc, "", "azure-account.json"),
        [
            ("cloud".to_string(), json!("azure")),
            (
                "account_id".to_string(),
                json!("7c9e6679-7425-40de-944b-e07fc1f90ae7")
            ),
        ]
    );
    assert_eq!(
        fills(
            &doc,
            "endpoint_services[0]",
            "azure-private-link-service-rest.json"
        ),
        [
            ("endpoint_services[0].name".to_string(), json!(PLS)),
            ("region".to_string(), json!("eastus2")),
        ]
    );
}

/// A paste of 256 KiB is read; one byte more is refused before it is parsed.
#[test]
fn a_paste_of_256_kib_is_read() {
    let doc: Value = serde_json::from_str(&common::request("aws-bidirectional.json")).unwrap();
    let mut text = serde_json::to_string(&output("aws-caller-identity.json")).unwrap();
    text.push_str(&" ".repeat(MAX_OUTPUT_BYTES - text.len()));
    let r = privatelink_prep::evidence::read(&doc, "", &text).unwrap();
    assert_eq!(r.recognised.map(|k| k.kind), Some("aws-caller-identity"));
    text.push(' ');
    let r = privatelink_prep::evidence::read(&doc, "", &text).unwrap();
    assert_eq!(r.recognised, None);
    let messages: Vec<_> = r
        .diagnostics
        .iter()
        .map(|d| (d.code, d.field.as_str(), d.message.as_str()))
        .collect();
    assert_eq!(
        messages,
        [("PL808", "evidence[0]", "Cloud output 1 is 256 KiB long, more than the 256 KiB of an output read; it is ignored.")]
    );
}

/// A UDP listener does not carry a TCP port (PL824), as a TCP listener does not carry UDP.
#[test]
fn a_udp_listener_does_not_carry_tcp() {
    let mut listeners = output("aws-listeners.json");
    listeners["Listeners"][0]["Protocol"] = json!("UDP");
    assert_eq!(
        found(&on_service("aws-bidirectional.json", &[listeners])),
        [(
            "PL824".to_string(),
            "endpoint_services[0].ports[0].protocol".to_string(),
            "Cloud output 1 of endpoint service 1 (aws elbv2 describe-listeners) has the listener UDP 8443 on port 8443, which does not carry TCP.".to_string()
        )]
    );
}
