//! `schema/privatelink-request.schema.json` is generated from the Rust types and kept current.
//! (The example requests are validated against it with ajv in `tests/e2e/schema.test.mjs`.)
#![cfg(not(target_arch = "wasm32"))]

mod common;

use privatelink_prep::schema::request_schema;

#[test]
fn committed_schema_is_current() {
    common::assert_snapshot(
        "../../schema/privatelink-request.schema.json",
        &request_schema(),
    );
}

#[test]
fn cli_prints_the_schema() {
    let out = common::run(&["schema"], None);
    assert_eq!(out.status.code(), Some(0));
    assert_eq!(common::text(&out.stdout), request_schema());
}

#[test]
fn schema_is_draft_2020_12_with_both_kinds() {
    let v: serde_json::Value = serde_json::from_str(&request_schema()).unwrap();
    assert_eq!(v["$schema"], "https://json-schema.org/draft/2020-12/schema");
    assert_eq!(v["anyOf"].as_array().unwrap().len(), 2);
    let enablement = &v["$defs"]["Enablement"];
    for field in [
        "company",
        "cloud",
        "region",
        "account_id",
        "project_id",
        "plan",
        "environments",
        "connection_type",
        "ports",
    ] {
        assert!(
            enablement["required"]
                .as_array()
                .unwrap()
                .contains(&field.into()),
            "{field} should be required"
        );
    }
}
