//! Behaviour that mutation testing (`bash scripts/mutants.sh`) found unchecked, asserted as the
//! user sees it: the exact diagnostic, with the labels and quoted values its message holds.
#![cfg(not(target_arch = "wasm32"))]

mod common;

use common::case;
use privatelink_prep::Severity::{Error as E, Info as I};
use serde_json::json;

const SVC_A: &str = "com.amazonaws.vpce.us-east-1.vpce-svc-0a1b2c3d4e5f60718";
const SVC_B: &str = "com.amazonaws.vpce.us-east-1.vpce-svc-0fedcba9876543210";

/// A label's position counts from the last list index only: the third port of the second
/// endpoint service is "Port 3", not "Port 13".
#[test]
fn a_nested_entry_is_named_by_its_own_position() {
    case(
        "aws-bidirectional.json",
        json!({"endpoint_services": [
            {"name": SVC_A, "ports": [{"service": "ERP API", "port": 8443}], "principal_allowed": true},
            {"name": SVC_B, "ports": [
                {"service": "PIM database", "port": 5432},
                {"service": "PIM admin", "port": 5433},
                "x"
            ], "principal_allowed": true}
        ]}),
        &[
            (
                "PL206",
                I,
                "ports[1].port",
                "Port 443 (HTTPS) is supported on AWS, though older guidance excluded it.",
                None,
            ),
            (
                "PL005",
                E,
                "endpoint_services[1].ports[2]",
                "Port 3 must be an object with service, port and protocol, not the text \"x\".",
                None,
            ),
        ],
    );
}

/// Only the digits of a list index are dropped when a field is matched against the catalogue and
/// the labels: `ports[0].port2` (an unknown field) is not the port of `ports[0]`.
#[test]
fn a_field_with_digits_in_its_name_is_not_a_shorter_one() {
    use privatelink_prep::{labels, rules};
    let ssh = &rules::PORT_SSH;
    assert!(ssh.concerns("ports[0].port"));
    assert!(!ssh.concerns("ports[0].port2"));
    assert!(!ssh.concerns("ports[10].port22"));
    assert_eq!(
        labels::label("ports[0].port", None).as_deref(),
        Some("Port")
    );
    assert_eq!(labels::label("ports[0].port2", None), None);
    assert_eq!(labels::name("ports[0].port2", None), "ports[0].port2");
}
