//! The region tables and how a typed region is read: by code, by display name, as the other
//! cloud's, or as a typo of the closest selectable region.

#[cfg(target_arch = "wasm32")]
use wasm_bindgen_test::wasm_bindgen_test as test;

use privatelink_prep::regions::{all, by_code, lookup, selectable, Availability, Cloud, Lookup};

fn code(l: Lookup) -> (&'static str, &'static str) {
    match l {
        Lookup::Code(r) => ("code", r.code),
        Lookup::DisplayName(r) => ("name", r.code),
        Lookup::OtherCloud(r) => ("other", r.code),
        Lookup::Unknown(Some(r)) => ("near", r.code),
        Lookup::Unknown(None) => ("unknown", ""),
        Lookup::Place(list) => ("place", list.first().map_or("", |r| r.code)),
    }
}

#[test]
fn clouds() {
    for (text, cloud) in [
        ("aws", Cloud::Aws),
        (" AWS ", Cloud::Aws),
        ("Azure", Cloud::Azure),
    ] {
        assert_eq!(Cloud::parse(text), Some(cloud), "{text:?}");
    }
    for bad in ["", "gcp", "aws azure"] {
        assert_eq!(Cloud::parse(bad), None, "{bad:?}");
    }
    assert_eq!(
        [
            Cloud::Aws.as_str(),
            Cloud::Aws.label(),
            Cloud::Aws.product(),
            Cloud::Aws.network()
        ],
        ["aws", "AWS", "AWS PrivateLink", "VPC"]
    );
    assert_eq!(
        [
            Cloud::Azure.as_str(),
            Cloud::Azure.label(),
            Cloud::Azure.product(),
            Cloud::Azure.network()
        ],
        ["azure", "Azure", "Azure Private Link", "virtual network"]
    );
}

#[test]
fn the_tables_hold_every_row_with_its_availability() {
    let count = |cloud| all().iter().filter(|r| r.cloud == cloud).count();
    assert!(count(Cloud::Aws) >= 30 && count(Cloud::Azure) >= 50);
    let aws = |c| by_code(Cloud::Aws, c).unwrap();
    let azure = |c| by_code(Cloud::Azure, c).unwrap();
    assert_eq!(aws("eu-west-1").name, "Europe (Ireland)");
    assert_eq!(aws("eu-west-1").availability, Availability::Usable);
    assert_eq!(
        aws("cn-north-1").availability,
        Availability::OtherPartition("aws-cn")
    );
    assert_eq!(aws("me-west-1").availability, Availability::Announced);
    assert_eq!(azure("westeurope").name, "West Europe");
    assert_eq!(azure("westeurope").availability, Availability::Usable);
    assert_eq!(
        azure("brazilsoutheast").availability,
        Availability::Restricted
    );
    assert!(all()
        .iter()
        .any(|r| matches!(r.availability, Availability::Sovereign(_))));
    // A code is found only in its own cloud.
    assert_eq!(by_code(Cloud::Azure, "eu-west-1"), None);
    assert_eq!(by_code(Cloud::Aws, "westeurope"), None);
    assert_eq!(by_code(Cloud::Aws, "EU-WEST-1"), None);
}

#[test]
fn selectable_regions_are_those_of_the_cloud_a_request_may_name() {
    for cloud in [Cloud::Aws, Cloud::Azure] {
        let list: Vec<_> = selectable(cloud).collect();
        assert!(!list.is_empty());
        for r in &list {
            assert_eq!(r.cloud, cloud, "{}", r.code);
            assert!(r.is_selectable(), "{}", r.code);
        }
        let expected = all()
            .iter()
            .filter(|r| {
                r.cloud == cloud
                    && matches!(
                        r.availability,
                        Availability::Usable | Availability::Restricted | Availability::Announced
                    )
            })
            .count();
        assert_eq!(list.len(), expected);
    }
    assert!(!by_code(Cloud::Aws, "cn-north-1").unwrap().is_selectable());
    assert!(by_code(Cloud::Aws, "me-west-1").unwrap().is_selectable());
    assert!(by_code(Cloud::Azure, "brazilsoutheast")
        .unwrap()
        .is_selectable());
}

#[test]
fn typed_regions() {
    for (cloud, typed, expected) in [
        (Cloud::Aws, " EU-West-1 ", ("code", "eu-west-1")),
        (Cloud::Aws, "europe (ireland)", ("name", "eu-west-1")),
        (Cloud::Azure, "westeurope", ("code", "westeurope")),
        (Cloud::Azure, "WEST EUROPE", ("name", "westeurope")),
        // Azure display names are the code spelled out.
        (Cloud::Azure, "West-Europe", ("name", "westeurope")),
        (Cloud::Aws, "westeurope", ("other", "westeurope")),
        (Cloud::Aws, "West Europe", ("other", "westeurope")),
        (Cloud::Azure, "eu-west-1", ("other", "eu-west-1")),
        (Cloud::Azure, "Europe (Ireland)", ("other", "eu-west-1")),
        // Typos: the same letters and digits, then two edits at most.
        (Cloud::Aws, "euwest1", ("near", "eu-west-1")),
        (Cloud::Aws, "eu_west_1", ("near", "eu-west-1")),
        (Cloud::Aws, "eu-wset-1", ("near", "eu-west-1")),
        (Cloud::Azure, "westeurop", ("near", "westeurope")),
        (Cloud::Azure, "Wst Europe", ("near", "westeurope")),
        // The first of two as close, in table order.
        (Cloud::Aws, "us-east-9", ("near", "us-east-1")),
        (Cloud::Aws, "xx-yyyy-9", ("unknown", "")),
        (Cloud::Aws, "", ("unknown", "")),
        (Cloud::Aws, "---", ("unknown", "")),
        // A region of another partition is not offered for a typo.
        (Cloud::Aws, "cn-north-9", ("unknown", "")),
    ] {
        assert_eq!(code(lookup(cloud, typed)), expected, "{cloud:?} {typed:?}");
    }
}

#[test]
fn a_typo_is_read_up_to_64_characters() {
    let padded = |len: usize| format!("eu-west-1{}", "-".repeat(len - 9));
    assert_eq!(code(lookup(Cloud::Aws, &padded(64))), ("near", "eu-west-1"));
    assert_eq!(code(lookup(Cloud::Aws, &padded(65))), ("unknown", ""));
}
