//! The optional fields of a request that fill in the guide: `customer_network` and
//! `adobe_endpoint_service`. Each rule with its exact diagnostic; the endpoint service rules are
//! those of every endpoint service name, applied at `adobe_endpoint_service`.
#![cfg(not(target_arch = "wasm32"))]

mod common;

use common::case;
use privatelink_prep::{Request, Severity};
use serde_json::json;

use Severity::{Error as E, Warning as W};

const AWS: &str = "guide-aws-unidirectional.json";
const AWS_BI: &str = "guide-aws-bidirectional.json";
const AZURE: &str = "guide-azure-unidirectional.json";
const ADOBE_AWS: &str = "com.amazonaws.vpce.eu-west-1.vpce-svc-0123456789abcdef0";

fn enablement(checked: privatelink_prep::Checked) -> privatelink_prep::request::Enablement {
    match checked.request {
        Some(Request::Enablement(e)) => e,
        other => panic!("not an enablement: {other:?}"),
    }
}

#[test]
fn aws_network_ids_are_kept() {
    let e = enablement(case(
        AWS,
        json!({
            "customer_network": {
                "vpc_id": "vpc-0a1b2c3d4e5f60718",
                "subnet_ids": ["subnet-12345678", "subnet-0fedcba9876543210", ""],
                "security_group_ids": ["sg-0123456789abcdef0"]
            },
            "adobe_endpoint_service": ADOBE_AWS
        }),
        &[],
    ));
    let net = e.customer_network.unwrap();
    assert_eq!(net.vpc_id.unwrap().as_str(), "vpc-0a1b2c3d4e5f60718");
    let subnets: Vec<&str> = net.subnet_ids.iter().map(|s| s.as_str()).collect();
    assert_eq!(subnets, ["subnet-12345678", "subnet-0fedcba9876543210"]);
    assert_eq!(net.security_group_ids[0].as_str(), "sg-0123456789abcdef0");
    assert_eq!(e.adobe_endpoint_service.unwrap().to_string(), ADOBE_AWS);
}

#[test]
fn azure_network_names_are_kept() {
    let e = enablement(case(
        AZURE,
        json!({
            "customer_network": {
                "resource_group": "rg-network(prod)",
                "vnet_name": "vnet-hub_",
                "subnet_name": "snet.private-endpoints"
            },
            "adobe_endpoint_service": "/subscriptions/0f8fad5b-d9cb-469f-a165-70867728950e/resourceGroups/adobe-rg/providers/Microsoft.Network/privateLinkServices/pls-magento"
        }),
        &[],
    ));
    let net = e.customer_network.unwrap();
    assert_eq!(net.resource_group.unwrap().as_str(), "rg-network(prod)");
    assert_eq!(net.vnet_name.unwrap().as_str(), "vnet-hub_");
    assert_eq!(net.subnet_name.unwrap().as_str(), "snet.private-endpoints");
    assert!(e.adobe_endpoint_service.is_some());
}

#[test]
fn absent_or_empty_fields_give_nothing() {
    let e = enablement(case(
        AWS,
        json!({"customer_network": {"subnet_ids": []}, "adobe_endpoint_service": " "}),
        &[],
    ));
    assert_eq!(e.customer_network, None);
    assert_eq!(e.adobe_endpoint_service, None);
}

#[test]
fn pl601_vpc_id() {
    case(
        AWS,
        json!({"customer_network": {"vpc_id": "vpc-123"}}),
        &[(
            "PL601",
            E,
            "customer_network.vpc_id",
            "\"vpc-123\" is not a VPC ID: it reads vpc- followed by 8 or 17 lowercase hexadecimal digits.",
            None,
        )],
    );
    case(
        AWS,
        json!({"customer_network": {"vpc_id": "VPC-0A1B2C3D"}}),
        &[(
            "PL601",
            E,
            "customer_network.vpc_id",
            "\"VPC-0A1B2C3D\" is not a VPC ID: it reads vpc- followed by 8 or 17 lowercase hexadecimal digits.",
            Some("vpc-0a1b2c3d"),
        )],
    );
    case(
        AWS,
        json!({"customer_network": {"vpc_id": "sg-0a1b2c3d"}}),
        &[(
            "PL601",
            E,
            "customer_network.vpc_id",
            "\"sg-0a1b2c3d\" is a security group ID, not a VPC ID.",
            None,
        )],
    );
}

#[test]
fn pl602_subnet_ids() {
    case(
        AWS,
        json!({"customer_network": {"subnet_ids": ["subnet-0a1b2c3d", "subnet-xyz12345", "vpc-0a1b2c3d"]}}),
        &[
            (
                "PL602",
                E,
                "customer_network.subnet_ids[1]",
                "\"subnet-xyz12345\" is not a subnet ID: it reads subnet- followed by 8 or 17 lowercase hexadecimal digits.",
                None,
            ),
            (
                "PL602",
                E,
                "customer_network.subnet_ids[2]",
                "\"vpc-0a1b2c3d\" is a VPC ID, not a subnet ID.",
                None,
            ),
        ],
    );
}

#[test]
fn pl603_security_group_ids() {
    case(
        AWS,
        json!({"customer_network": {"security_group_ids": ["sg-0123456789abcdef"]}}),
        &[(
            "PL603",
            E,
            "customer_network.security_group_ids[0]",
            "\"sg-0123456789abcdef\" is not a security group ID: it reads sg- followed by 8 or 17 lowercase hexadecimal digits.",
            None,
        )],
    );
}

#[test]
fn pl604_repeated_ids() {
    case(
        AWS,
        json!({"customer_network": {
            "subnet_ids": ["subnet-0a1b2c3d", "subnet-0a1b2c3d"],
            "security_group_ids": ["sg-0a1b2c3d", "sg-0a1b2c3d"]
        }}),
        &[
            (
                "PL604",
                W,
                "customer_network.subnet_ids[1]",
                "subnet-0a1b2c3d is listed more than once.",
                None,
            ),
            (
                "PL604",
                W,
                "customer_network.security_group_ids[1]",
                "sg-0a1b2c3d is listed more than once.",
                None,
            ),
        ],
    );
}

#[test]
fn pl605_other_clouds_fields() {
    let e = enablement(case(
        AWS,
        json!({"customer_network": {"vpc_id": "vpc-0a1b2c3d", "vnet_name": "vnet-1"}}),
        &[(
            "PL605",
            W,
            "customer_network.vnet_name",
            "The Azure field Virtual network name is ignored: the cloud is AWS.",
            None,
        )],
    ));
    assert_eq!(e.customer_network.unwrap().vnet_name, None);
    case(
        AZURE,
        json!({"customer_network": {"vpc_id": "not checked", "security_group_ids": ["sg-1"]}}),
        &[
            (
                "PL605",
                W,
                "customer_network.vpc_id",
                "The AWS field VPC ID is ignored: the cloud is Azure.",
                None,
            ),
            (
                "PL605",
                W,
                "customer_network.security_group_ids",
                "The AWS field Security group IDs is ignored: the cloud is Azure.",
                None,
            ),
        ],
    );
}

#[test]
fn pl606_azure_names() {
    case(
        AZURE,
        json!({"customer_network": {
            "resource_group": "rg-ends-with-dot.",
            "vnet_name": "v",
            "subnet_name": "-snet"
        }}),
        &[
            (
                "PL606",
                E,
                "customer_network.resource_group",
                "\"rg-ends-with-dot.\" is not a resource group name: 1 to 90 letters, digits, dashes, underscores, dots or parentheses, not ending with a dot.",
                None,
            ),
            (
                "PL606",
                E,
                "customer_network.vnet_name",
                "\"v\" is not a virtual network name: 2 to 64 letters, digits, dots, dashes or underscores, starting with a letter or digit and ending with a letter, digit or underscore.",
                None,
            ),
            (
                "PL606",
                E,
                "customer_network.subnet_name",
                "\"-snet\" is not a subnet name: 1 to 80 letters, digits, dots, dashes or underscores, starting with a letter or digit and ending with a letter, digit or underscore.",
                None,
            ),
        ],
    );
    case(
        AZURE,
        json!({"customer_network": {"vnet_name": "vnet;rm -rf /"}}),
        &[(
            "PL606",
            E,
            "customer_network.vnet_name",
            "\"vnet;rm -rf /\" is not a virtual network name: 2 to 64 letters, digits, dots, dashes or underscores, starting with a letter or digit and ending with a letter, digit or underscore.",
            None,
        )],
    );
}

#[test]
fn pl607_adobe_service_is_the_customers_own() {
    case(
        AWS_BI,
        json!({"adobe_endpoint_service": "com.amazonaws.vpce.eu-west-1.vpce-svc-0a1b2c3d4e5f60718"}),
        &[(
            "PL607",
            E,
            "adobe_endpoint_service",
            "\"com.amazonaws.vpce.eu-west-1.vpce-svc-0a1b2c3d4e5f60718\" is one of your own services under Endpoint services in your network, not Adobe's.",
            None,
        )],
    );
}

#[test]
fn adobe_service_uses_the_endpoint_name_rules() {
    case(
        AWS,
        json!({"adobe_endpoint_service": "com.amazonaws.vpce.us-east-1.vpce-svc-0123456789abcdef0"}),
        &[(
            "PL305",
            E,
            "adobe_endpoint_service",
            "\"com.amazonaws.vpce.us-east-1.vpce-svc-0123456789abcdef0\" is in us-east-1, but the request's region is eu-west-1.",
            None,
        )],
    );
    case(
        AWS,
        json!({"adobe_endpoint_service": "vpce-svc-0123456789abcdef0"}),
        &[(
            "PL304",
            E,
            "adobe_endpoint_service",
            "\"vpce-svc-0123456789abcdef0\" is not an AWS endpoint service name: it must begin with com.amazonaws.vpce, then the region and the service ID.",
            Some("com.amazonaws.vpce.eu-west-1.vpce-svc-0123456789abcdef0"),
        )],
    );
    case(
        AZURE,
        json!({"adobe_endpoint_service": ADOBE_AWS}),
        &[(
            "PL309",
            E,
            "adobe_endpoint_service",
            "\"com.amazonaws.vpce.eu-west-1.vpce-svc-0123456789abcdef0\" is an AWS name, but the cloud is Azure.",
            None,
        )],
    );
    case(
        AZURE,
        json!({"adobe_endpoint_service": "adobe.0f8fad5b-d9cb-469f-a165-70867728950e.westus.azure.privatelinkservice"}),
        &[(
            "PL305",
            E,
            "adobe_endpoint_service",
            "\"adobe.0f8fad5b-d9cb-469f-a165-70867728950e.westus.azure.priv…\" is in westus, but the request's region is westeurope.",
            None,
        )],
    );
    case(
        AZURE,
        json!({"adobe_endpoint_service": "adobe-pls"}),
        &[(
            "PL306",
            E,
            "adobe_endpoint_service",
            "\"adobe-pls\" is not an Azure Private Link service alias or resource ID: an alias ends with .azure.privatelinkservice and a resource ID starts with /subscriptions/.",
            None,
        )],
    );
}

#[test]
fn wrong_types_and_unknown_fields() {
    case(
        AWS,
        json!({"customer_network": "vpc-0a1b2c3d"}),
        &[(
            "PL005",
            E,
            "customer_network",
            "Your network: give an object such as {\"vpc_id\": ..., \"subnet_ids\": [...], \"security_group_ids\": [...]}, not the text \"vpc-0a1b2c3d\".",
            None,
        )],
    );
    case(
        AWS,
        json!({"customer_network": {"subnet_ids": "subnet-0a1b2c3d", "vpcid": "x"}, "adobe_endpoint_service": 7}),
        &[
            (
                "PL005",
                E,
                "customer_network.subnet_ids",
                "Subnet IDs: give a list of IDs, not the text \"subnet-0a1b2c3d\".",
                None,
            ),
            (
                "PL004",
                W,
                "customer_network.vpcid",
                "The field \"vpcid\" is not part of the request and is ignored; did you mean vpc_id?",
                None,
            ),
            (
                "PL005",
                E,
                "adobe_endpoint_service",
                "Adobe’s endpoint service name: give text, not the number 7.",
                None,
            ),
        ],
    );
}

#[test]
fn a_change_request_takes_the_same_optional_fields() {
    let checked = case(
        "change-aws.json",
        json!({
            "customer_network": {"vpc_id": "vpc-0a1b2c3d", "subnet_ids": ["subnet-ABCD1234"]},
            "adobe_endpoint_service": "com.amazonaws.vpce.us-east-1.vpce-svc-0a1b2c3d4e5f60718"
        }),
        &[
            (
                "PL602",
                E,
                "customer_network.subnet_ids[0]",
                "\"subnet-ABCD1234\" is not a subnet ID: it reads subnet- followed by 8 or 17 lowercase hexadecimal digits.",
                Some("subnet-abcd1234"),
            ),
            (
                "PL607",
                E,
                "adobe_endpoint_service",
                "\"com.amazonaws.vpce.us-east-1.vpce-svc-0a1b2c3d4e5f60718\" is a service of yours that this request adds, not Adobe's.",
                None,
            ),
        ],
    );
    assert!(checked.request.is_none());
}

#[test]
fn network_ids_and_names_at_their_lengths() {
    for hex in ["0a1b2c3d", "0a1b2c3d4e5f60718"] {
        case(
            AWS,
            json!({"customer_network": {"vpc_id": format!("vpc-{hex}")}}),
            &[],
        );
    }
    for hex in [
        "0a1b2c3",
        "0a1b2c3d4",
        "0a1b2c3d4e5f6071",
        "0a1b2c3d4e5f607182",
        "0a1b2c3g",
    ] {
        let id = format!("vpc-{hex}");
        let message = format!(
            "\"{id}\" is not a VPC ID: it reads vpc- followed by 8 or 17 lowercase hexadecimal digits."
        );
        let message: &'static str = Box::leak(message.into_boxed_str());
        case(
            AWS,
            json!({"customer_network": {"vpc_id": id}}),
            &[("PL601", E, "customer_network.vpc_id", message, None)],
        );
    }
    let vnet = "2 to 64 letters, digits, dots, dashes or underscores, starting with a letter or digit and ending with a letter, digit or underscore.";
    let subnet = "1 to 80 letters, digits, dots, dashes or underscores, starting with a letter or digit and ending with a letter, digit or underscore.";
    case(
        AZURE,
        json!({"customer_network": {"vnet_name": "v1", "subnet_name": "s"}}),
        &[],
    );
    case(
        AZURE,
        json!({"customer_network": {"vnet_name": "v".repeat(64), "subnet_name": "s".repeat(80)}}),
        &[],
    );
    // Quoted in a message, a value is cut to 60 characters.
    let long_vnet = "v".repeat(65);
    let long_subnet = "s".repeat(81);
    let m1: &'static str = Box::leak(
        format!(
            "\"{}…\" is not a virtual network name: {vnet}",
            &long_vnet[..60]
        )
        .into_boxed_str(),
    );
    let m2: &'static str = Box::leak(
        format!("\"{}…\" is not a subnet name: {subnet}", &long_subnet[..60]).into_boxed_str(),
    );
    case(
        AZURE,
        json!({"customer_network": {"vnet_name": long_vnet, "subnet_name": long_subnet}}),
        &[
            ("PL606", E, "customer_network.vnet_name", m1, None),
            ("PL606", E, "customer_network.subnet_name", m2, None),
        ],
    );
}
