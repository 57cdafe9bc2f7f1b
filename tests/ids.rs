//! The identifiers' public parsers, at every edge of their formats: what each accepts, what it
//! refuses, and the reason it gives for an endpoint service name it refuses.

#[cfg(target_arch = "wasm32")]
use wasm_bindgen_test::wasm_bindgen_test as test;

use privatelink_prep::ids::{
    AwsAccountId, ClusterId, EndpointServiceId, EndpointServiceName, NameError, ProjectId,
    SubscriptionId,
};

const GUID: &str = "0f8fad5b-d9cb-469f-a165-70867728950e";

#[test]
fn aws_account_ids_are_12_digits() {
    assert_eq!(
        AwsAccountId::parse("012345678901").unwrap().as_str(),
        "012345678901"
    );
    for bad in [
        "01234567890",
        "0123456789012",
        "01234567890a",
        "",
        "0123 4567890",
    ] {
        assert_eq!(AwsAccountId::parse(bad), None, "{bad:?}");
    }
}

#[test]
fn subscription_ids_are_uuids_kept_lowercase() {
    assert_eq!(
        SubscriptionId::parse(&GUID.to_uppercase())
            .unwrap()
            .as_str(),
        GUID
    );
    for bad in [
        "",
        "0f8fad5b-d9cb-469f-a165-70867728950",
        "0f8fad5bd9cb469fa16570867728950e",
    ] {
        assert_eq!(SubscriptionId::parse(bad), None, "{bad:?}");
    }
}

#[test]
fn project_ids_are_13_lowercase_letters_and_digits() {
    assert_eq!(
        ProjectId::parse("abcdefghij123").unwrap().as_str(),
        "abcdefghij123"
    );
    assert!(ProjectId::parse("0123456789012").is_some());
    for bad in [
        "abcdefghij12",
        "abcdefghij1234",
        "Abcdefghij123",
        "abcdefghij-12",
        "",
    ] {
        assert_eq!(ProjectId::parse(bad), None, "{bad:?}");
    }
}

#[test]
fn cluster_ids_are_one_token_of_at_most_100() {
    for good in ["a", "Zz9._-", &"c".repeat(100)] {
        assert_eq!(ClusterId::parse(good).unwrap().as_str(), good);
    }
    for bad in ["", &"c".repeat(101), "a b", "a/b", "é"] {
        assert_eq!(ClusterId::parse(bad), None, "{bad:?}");
    }
}

#[test]
fn endpoint_service_ids_are_17_lowercase_hex_digits() {
    let id = "vpce-svc-0123456789abcdef0";
    assert_eq!(EndpointServiceId::parse(id).unwrap().as_str(), id);
    assert!(EndpointServiceId::parse("vpce-svc-fffffffffffffffff").is_some());
    for bad in [
        "vpce-svc-0123456789abcdef",
        "vpce-svc-0123456789abcdef01",
        "vpce-svc-0123456789ABCDEF0",
        "vpce-svc-0123456789abcdeg0",
        "vpce-0123456789abcdef0",
        "0123456789abcdef0",
    ] {
        assert_eq!(EndpointServiceId::parse(bad), None, "{bad:?}");
    }
}

fn format_error(e: Result<EndpointServiceName, NameError>) -> &'static str {
    match e {
        Err(NameError::Format(why)) => why,
        other => panic!("not a format error: {other:?}"),
    }
}

#[test]
fn aws_names() {
    let s = "com.amazonaws.vpce.eu-west-1.vpce-svc-0123456789abcdef0";
    let n = EndpointServiceName::parse_aws(s).unwrap();
    assert_eq!(n.to_string(), s);
    assert_eq!(n.region(), Some("eu-west-1"));
    assert_eq!(n.known_region().unwrap().code, "eu-west-1");
    assert_eq!(
        n.service_id().unwrap().as_str(),
        "vpce-svc-0123456789abcdef0"
    );
    assert_eq!(n.form(), "AWS endpoint service");
    // A region the table does not know is still read.
    let n =
        EndpointServiceName::parse_aws("com.amazonaws.vpce.xx-moon-1.vpce-svc-0123456789abcdef0")
            .unwrap();
    assert_eq!(n.region(), Some("xx-moon-1"));
    assert_eq!(n.known_region(), None);

    assert_eq!(
        EndpointServiceName::parse_aws(
            "cn.com.amazonaws.vpce.cn-north-1.vpce-svc-0123456789abcdef0"
        ),
        Err(NameError::ChinaPartition)
    );
    for other in [
        format!("pls.{GUID}.westeurope.azure.privatelinkservice"),
        format!("pls.{GUID}.westeurope.AZURE.PRIVATELINKSERVICE"),
        format!("/subscriptions/{GUID}/resourceGroups/rg/providers/Microsoft.Network/privateLinkServices/p"),
        format!("/SUBSCRIPTIONS/{GUID}"),
    ] {
        assert_eq!(EndpointServiceName::parse_aws(&other), Err(NameError::OtherCloud), "{other}");
    }
    for (bad, why) in [
        (
            "vpce-svc-0123456789abcdef0",
            "it must begin with com.amazonaws.vpce, then the region and the service ID",
        ),
        (
            "com.amazonaws.vpce.eu-west-1",
            "com.amazonaws.vpce must be followed by the region and the service ID",
        ),
        (
            "com.amazonaws.vpce..vpce-svc-0123456789abcdef0",
            "the region is missing",
        ),
        (
            "com.amazonaws.vpce.eu-west-1.svc-0123456789abcdef0",
            "the service ID after the region must start with vpce-svc-",
        ),
        (
            "com.amazonaws.vpce.eu-west-1.vpce-svc-0123",
            "the service ID must be vpce-svc- followed by 17 lowercase hexadecimal digits",
        ),
    ] {
        assert_eq!(
            format_error(EndpointServiceName::parse_aws(bad)),
            why,
            "{bad}"
        );
    }
}

#[test]
fn azure_aliases() {
    let s = format!(
        "My.Svc-1_.{}.WestEurope.azure.privatelinkservice",
        GUID.to_uppercase()
    );
    let n = EndpointServiceName::parse_azure(&s).unwrap();
    assert_eq!(n.to_string(), s, "the alias is kept as given");
    assert_eq!(n.region(), Some("westeurope"));
    assert_eq!(n.known_region().unwrap().code, "westeurope");
    assert_eq!(n.service_id(), None);
    assert_eq!(n.form(), "Azure Private Link service alias");
    let longest = format!("{}.{GUID}.eastus.azure.privatelinkservice", "p".repeat(80));
    assert!(EndpointServiceName::parse_azure(&longest).is_ok());

    for other in [
        "com.amazonaws.vpce.eu-west-1.vpce-svc-0123456789abcdef0",
        "cn.com.amazonaws.vpce.cn-north-1.vpce-svc-0123456789abcdef0",
    ] {
        assert_eq!(
            EndpointServiceName::parse_azure(other),
            Err(NameError::OtherCloud),
            "{other}"
        );
    }
    let prefix = "the prefix must be 1 to 80 letters, digits, dots, dashes or underscores, starting with a letter or digit";
    for (bad, why) in [
        (format!("pls.{GUID}.westeurope"), "an alias ends with .azure.privatelinkservice and a resource ID starts with /subscriptions/"),
        ("x.westeurope.azure.privatelinkservice".to_string(), "the alias has no GUID"),
        ("westeurope.azure.privatelinkservice".to_string(), "the alias has no region"),
        (".azure.privatelinkservice".to_string(), "the alias has no region"),
        ("pls.not-a-guid.westeurope.azure.privatelinkservice".to_string(), "the part before the region must be a GUID"),
        (format!("{}.{GUID}.eastus.azure.privatelinkservice", "p".repeat(81)), prefix),
        (format!(".{GUID}.eastus.azure.privatelinkservice"), prefix),
        (format!("-pls.{GUID}.eastus.azure.privatelinkservice"), prefix),
        (format!("pls-.{GUID}.eastus.azure.privatelinkservice"), prefix),
        (format!("p ls.{GUID}.eastus.azure.privatelinkservice"), prefix),
        (format!("pls.{GUID}..azure.privatelinkservice"), "the alias has no region"),
    ] {
        assert_eq!(format_error(EndpointServiceName::parse_azure(&bad)), why, "{bad}");
    }
}

fn resource_id(sub: &str, rg: &str, name: &str) -> String {
    format!("/subscriptions/{sub}/resourceGroups/{rg}/providers/Microsoft.Network/privateLinkServices/{name}")
}

#[test]
fn azure_resource_ids() {
    let n =
        EndpointServiceName::parse_azure(&resource_id(&GUID.to_uppercase(), "Rg_(1).x", "pls_"))
            .unwrap();
    assert_eq!(n.to_string(), resource_id(GUID, "Rg_(1).x", "pls_"));
    assert_eq!(n.region(), None);
    assert_eq!(n.known_region(), None);
    assert_eq!(n.service_id(), None);
    assert_eq!(n.form(), "Azure Private Link service resource ID");
    assert!(
        EndpointServiceName::parse_azure(&resource_id(GUID, &"r".repeat(90), &"n".repeat(80)))
            .is_ok()
    );
    assert!(EndpointServiceName::parse_azure(&resource_id(GUID, "grüppe", "n")).is_ok());

    let shape = "a resource ID reads /subscriptions/<id>/resourceGroups/<group>/providers/Microsoft.Network/privateLinkServices/<name>";
    let good = resource_id(GUID, "rg", "pls");
    let mut bad_shapes = vec![
        format!("{good}/extra"),
        good.rsplit_once('/').unwrap().0.to_string(),
    ];
    // Each fixed segment changed in turn.
    for (i, _) in good
        .split('/')
        .enumerate()
        .filter(|(i, _)| [1, 3, 5, 6, 7].contains(i))
    {
        let parts: Vec<String> = good
            .split('/')
            .enumerate()
            .map(|(j, p)| {
                if j == i {
                    format!("{p}s")
                } else {
                    p.to_string()
                }
            })
            .collect();
        bad_shapes.push(parts.join("/"));
    }
    for bad in &bad_shapes {
        assert_eq!(
            format_error(EndpointServiceName::parse_azure(bad)),
            shape,
            "{bad}"
        );
    }
    // Only a name that starts with a slash is read as a resource ID.
    assert_eq!(
        format_error(EndpointServiceName::parse_azure(&good[1..])),
        "an alias ends with .azure.privatelinkservice and a resource ID starts with /subscriptions/"
    );
    let group = "the resource group must be 1 to 90 letters, digits, dashes, underscores, dots or parentheses, not ending with a dot";
    let name = "the service name must be 1 to 80 letters, digits, dots, dashes or underscores, starting with a letter or digit";
    for (bad, why) in [
        (
            resource_id("not-a-uuid", "rg", "pls"),
            "the subscription in the resource ID must be a UUID",
        ),
        (resource_id(GUID, "", "pls"), group),
        (resource_id(GUID, &"r".repeat(91), "pls"), group),
        (resource_id(GUID, "rg.", "pls"), group),
        (resource_id(GUID, "r g", "pls"), group),
        (resource_id(GUID, "rg", ""), name),
        (resource_id(GUID, "rg", &"n".repeat(81)), name),
        (resource_id(GUID, "rg", "pls-"), name),
        (resource_id(GUID, "rg", "_pls"), name),
    ] {
        assert_eq!(
            format_error(EndpointServiceName::parse_azure(&bad)),
            why,
            "{bad}"
        );
    }
}
