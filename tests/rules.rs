//! Every rule, with the exact diagnostic a user sees for a bad value.
//!
//! Each case starts from a valid example in `tests/requests/`, applies a JSON merge patch
//! (RFC 7386: `null` removes a field), and expects exactly these diagnostics, in order.

mod common;

// Under wasm32 the same cases run in Node and in Chromium through wasm-bindgen-test.
#[cfg(target_arch = "wasm32")]
use wasm_bindgen_test::wasm_bindgen_test as test;

use common::Expect;
use privatelink_prep::Severity;
use serde_json::{json, Value};

use Severity::{Error as E, Info as I, Warning as W};

fn expand(v: Value) -> Value {
    match v {
        Value::String(s) if s == "BIG" => Value::String("x".repeat(1 << 20)),
        Value::String(s) if s == "WIDE" => {
            Value::Array((0..300).map(|_| Value::String("w".repeat(4000))).collect())
        }
        Value::String(s) if s == "LONG" => Value::String("r".repeat(1001)),
        Value::String(s) if s == "C101" => Value::String("C".repeat(101)),
        Value::String(s) if s == "MANY51" => Value::Array(
            (0..51)
                .map(|i| json!({"service": format!("Service {i}"), "port": 10000 + i}))
                .collect(),
        ),
        Value::Object(m) => Value::Object(m.into_iter().map(|(k, v)| (k, expand(v))).collect()),
        other => other,
    }
}

/// Checks `base` patched with `patch` and compares every diagnostic.
fn case(base: &str, patch: &str, expected: &[Expect]) {
    let doc: Value = if let Some(raw) = patch.strip_prefix("RAW:") {
        serde_json::from_str(raw).unwrap()
    } else {
        let mut doc: Value = serde_json::from_str(&common::request(base)).unwrap();
        common::merge(&mut doc, expand(serde_json::from_str(patch).unwrap()));
        doc
    };
    common::assert_case(&doc, expected, &format!("patch {patch}"));
}

#[test]
fn document_not_object() {
    case(
        "aws-unidirectional.json",
        r#"RAW:[1,2]"#,
        &[(
            "PL001",
            E,
            "",
            "The document is a list, not a JSON object of request fields.",
            None,
        )],
    );
}

#[test]
fn document_too_large() {
    case(
        "aws-unidirectional.json",
        r#"{"company": "BIG"}"#,
        &[(
            "PL002",
            E,
            "company",
            "Company name is 1024 KiB long, which puts the document over the 1 MiB limit of a request.",
            None,
        )],
    );
}

#[test]
fn document_too_large_spread_over_fields() {
    case(
        "aws-unidirectional.json",
        r#"{"environments": "WIDE"}"#,
        &[(
            "PL002",
            E,
            "",
            "The document is larger than 1 MiB, far beyond the few kilobytes of any request.",
            None,
        )],
    );
}

#[test]
fn version_2() {
    case(
        "aws-unidirectional.json",
        r#"{"version": 2}"#,
        &[(
            "PL003",
            E,
            "version",
            "Format version 2 is not supported; this tool reads version 1.",
            None,
        )],
    );
}

#[test]
fn version_text() {
    case(
        "aws-unidirectional.json",
        r#"{"version": "one"}"#,
        &[(
            "PL003",
            E,
            "version",
            "The format version must be the number 1, not the text \"one\".",
            None,
        )],
    );
}

#[test]
fn unknown_field() {
    case(
        "aws-unidirectional.json",
        r#"{"acount_id": "x", "notes": "hi"}"#,
        &[
            (
                "PL004",
                W,
                "acount_id",
                "The field \"acount_id\" is not part of the request and is ignored; did you mean account_id?",
                None,
            ),
            (
                "PL004",
                W,
                "notes",
                "The field \"notes\" is not part of the request and is ignored.",
                None,
            ),
        ],
    );
}

#[test]
fn wrong_type_port() {
    case(
        "aws-unidirectional.json",
        r#"{"ports": [{"service": "Web", "port": true}]}"#,
        &[(
            "PL005",
            E,
            "ports[0].port",
            "Port: give a port number, not true.",
            None,
        )],
    );
}

#[test]
fn wrong_type_environments() {
    case(
        "aws-unidirectional.json",
        r#"{"environments": "production"}"#,
        &[
            ("PL005", E, "environments", "Environments to connect: give a list such as [\"production\", \"staging\"], not the text \"production\".", None),
        ],
    );
}

#[test]
fn bad_kind() {
    case(
        "aws-unidirectional.json",
        r#"{"kind": "removal"}"#,
        &[(
            "PL006",
            E,
            "kind",
            "The request kind \"removal\" is not known; a request is an enablement (the default) or a change.",
            None,
        )],
    );
}

#[test]
fn too_long_region() {
    case(
        "aws-unidirectional.json",
        r#"{"region": "LONG"}"#,
        &[(
            "PL007",
            E,
            "region",
            "Region is 1001 characters long, more than the 1000 allowed.",
            None,
        )],
    );
}

#[test]
fn company_missing() {
    case(
        "aws-unidirectional.json",
        r#"{"company": "   "}"#,
        &[(
            "PL101",
            E,
            "company",
            "The company name is missing; the ticket subject needs it.",
            None,
        )],
    );
}

#[test]
fn company_newline() {
    case(
        "aws-unidirectional.json",
        r#"{"company": "Acme\nEvil: header"}"#,
        &[
            ("PL102", E, "company", "The company name \"Acme\\nEvil: header\" has a line break, a control character or a character that reorders text, but the ticket subject is one line.", None),
        ],
    );
}

#[test]
fn company_too_long() {
    case(
        "aws-unidirectional.json",
        r#"{"company": "C101"}"#,
        &[(
            "PL103",
            E,
            "company",
            "The company name is 101 characters long, more than the 100 allowed.",
            None,
        )],
    );
}

#[test]
fn company_trimmed() {
    case("aws-unidirectional.json", r#"{"company": "  Acme  "}"#, &[]);
}

#[test]
fn cloud_missing() {
    case(
        "aws-unidirectional.json",
        r#"{"cloud": null}"#,
        &[(
            "PL111",
            E,
            "cloud",
            "The cloud is missing; choose AWS or Azure.",
            None,
        )],
    );
}

#[test]
fn cloud_unknown() {
    case(
        "aws-unidirectional.json",
        r#"{"cloud": "gcp"}"#,
        &[(
            "PL112",
            E,
            "cloud",
            "The cloud \"gcp\" is neither AWS nor Azure.",
            None,
        )],
    );
}

#[test]
fn cloud_amazon() {
    case(
        "aws-unidirectional.json",
        r#"{"cloud": "Amazon Web Services"}"#,
        &[(
            "PL112",
            E,
            "cloud",
            "The cloud \"Amazon Web Services\" is neither AWS nor Azure.",
            Some("aws"),
        )],
    );
}

#[test]
fn region_missing() {
    case(
        "aws-unidirectional.json",
        r#"{"region": ""}"#,
        &[(
            "PL121",
            E,
            "region",
            "The region is missing; enter the region of your Adobe Commerce instance.",
            None,
        )],
    );
}

#[test]
fn region_typo() {
    case(
        "aws-unidirectional.json",
        r#"{"region": "eu-west1"}"#,
        &[(
            "PL122",
            E,
            "region",
            "\"eu-west1\" is not an AWS region; did you mean eu-west-1, Europe (Ireland)?",
            Some("eu-west-1"),
        )],
    );
}

#[test]
fn region_unknown() {
    case(
        "aws-unidirectional.json",
        r#"{"region": "mars-north-1"}"#,
        &[(
            "PL122",
            E,
            "region",
            "\"mars-north-1\" is not an AWS region.",
            None,
        )],
    );
}

#[test]
fn region_case() {
    case(
        "aws-unidirectional.json",
        r#"{"region": "  EU-WEST-1 "}"#,
        &[],
    );
}

#[test]
fn region_display_aws() {
    case(
        "aws-unidirectional.json",
        r#"{"region": "Europe (Ireland)"}"#,
        &[(
            "PL123",
            I,
            "region",
            "\"Europe (Ireland)\" is sent as the region code eu-west-1.",
            None,
        )],
    );
}

#[test]
fn region_display_azure() {
    case(
        "azure-unidirectional.json",
        r#"{"region": "West Europe"}"#,
        &[(
            "PL123",
            I,
            "region",
            "\"West Europe\" is sent as the region code westeurope.",
            None,
        )],
    );
}

#[test]
fn region_govcloud() {
    case(
        "aws-unidirectional.json",
        r#"{"region": "us-gov-west-1"}"#,
        &[
            ("PL124", E, "region", "us-gov-west-1, AWS GovCloud (US-West), is in the aws-us-gov partition, which Adobe's principal cannot reach.", None),
        ],
    );
}

#[test]
fn region_china() {
    case(
        "aws-unidirectional.json",
        r#"{"region": "cn-north-1"}"#,
        &[
            ("PL124", E, "region", "cn-north-1, China (Beijing), is in the aws-cn partition, which Adobe's principal cannot reach.", None),
        ],
    );
}

#[test]
fn region_eusc() {
    case(
        "aws-unidirectional.json",
        r#"{"region": "eusc-de-east-1"}"#,
        &[
            ("PL124", E, "region", "eusc-de-east-1, AWS European Sovereign Cloud (Germany), is in the aws-eusc partition, which Adobe's principal cannot reach.", None),
        ],
    );
}

#[test]
fn region_sovereign() {
    case(
        "azure-unidirectional.json",
        r#"{"region": "usgovvirginia"}"#,
        &[
            ("PL125", E, "region", "usgovvirginia, US Gov Virginia, is in the AzureUSGovernment sovereign cloud, which Adobe Commerce cannot reach.", None),
        ],
    );
}

#[test]
fn region_restricted() {
    case(
        "azure-unidirectional.json",
        r#"{"region": "norwaywest"}"#,
        &[(
            "PL126",
            W,
            "region",
            "norwaywest, Norway West, is an Azure region that needs an access request.",
            None,
        )],
    );
}

#[test]
fn region_other_cloud() {
    case(
        "aws-unidirectional.json",
        r#"{"region": "eastus"}"#,
        &[(
            "PL127",
            E,
            "region",
            "\"eastus\" is an Azure region, but the cloud is AWS.",
            None,
        )],
    );
}

#[test]
fn region_azure_typo() {
    case(
        "azure-unidirectional.json",
        r#"{"region": "westeruope"}"#,
        &[(
            "PL122",
            E,
            "region",
            "\"westeruope\" is not an Azure region; did you mean westeurope, West Europe?",
            Some("westeurope"),
        )],
    );
}

#[test]
fn account_missing() {
    case(
        "aws-unidirectional.json",
        r#"{"account_id": null}"#,
        &[(
            "PL131",
            E,
            "account_id",
            "The AWS account ID is missing; Adobe must know which one to allow.",
            None,
        )],
    );
}

#[test]
fn aws_account_short() {
    case(
        "aws-unidirectional.json",
        r#"{"account_id": "12345"}"#,
        &[
            ("PL132", E, "account_id", "\"12345\" is not an AWS account ID: it has 5 digits, and an AWS account ID has exactly 12.", None),
        ],
    );
}

#[test]
fn aws_account_letters() {
    case(
        "aws-unidirectional.json",
        r#"{"account_id": "12345678901a"}"#,
        &[(
            "PL132",
            E,
            "account_id",
            "\"12345678901a\" is not an AWS account ID: it must be exactly 12 digits.",
            None,
        )],
    );
}

#[test]
fn aws_account_dashes() {
    case(
        "aws-unidirectional.json",
        r#"{"account_id": "0123-4567-8901"}"#,
        &[(
            "PL133",
            I,
            "account_id",
            "\"0123-4567-8901\" is sent as 012345678901.",
            Some("012345678901"),
        )],
    );
}

#[test]
fn aws_account_number() {
    case(
        "aws-unidirectional.json",
        r#"{"account_id": 123456789012}"#,
        &[(
            "PL005",
            E,
            "account_id",
            "AWS account ID must be text in quotes, not a number, so that leading zeros are kept.",
            Some("123456789012"),
        )],
    );
}

#[test]
fn aws_account_uuid() {
    case(
        "aws-unidirectional.json",
        r#"{"account_id": "7c9e6679-7425-40de-944b-e07fc1f90ae7"}"#,
        &[
            ("PL134", E, "account_id", "\"7c9e6679-7425-40de-944b-e07fc1f90ae7\" is an Azure subscription ID, but the cloud is AWS.", None),
        ],
    );
}

#[test]
fn aws_account_adobe() {
    case(
        "aws-unidirectional.json",
        r#"{"account_id": "402592597372"}"#,
        &[(
            "PL137",
            E,
            "account_id",
            "402592597372 is Adobe's own AWS account, not yours.",
            None,
        )],
    );
}

#[test]
fn azure_subscription_bad() {
    case(
        "azure-unidirectional.json",
        r#"{"account_id": "not-a-subscription"}"#,
        &[
            ("PL135", E, "account_id", "\"not-a-subscription\" is not an Azure subscription ID, which reads 8-4-4-4-12 hexadecimal digits.", None),
        ],
    );
}

#[test]
fn azure_subscription_nodashes() {
    case(
        "azure-unidirectional.json",
        r#"{"account_id": "7c9e6679742540de944be07fc1f90ae7"}"#,
        &[
            ("PL135", E, "account_id", "\"7c9e6679742540de944be07fc1f90ae7\" is not an Azure subscription ID, which reads 8-4-4-4-12 hexadecimal digits.", Some("7c9e6679-7425-40de-944b-e07fc1f90ae7")),
        ],
    );
}

#[test]
fn azure_subscription_aws() {
    case(
        "azure-unidirectional.json",
        r#"{"account_id": "123456789012"}"#,
        &[(
            "PL136",
            E,
            "account_id",
            "\"123456789012\" is an AWS account ID, but the cloud is Azure.",
            None,
        )],
    );
}

#[test]
fn project_missing() {
    case(
        "aws-unidirectional.json",
        r#"{"project_id": null}"#,
        &[(
            "PL141",
            E,
            "project_id",
            "The project ID is missing; Adobe needs it to find your project.",
            None,
        )],
    );
}

#[test]
fn project_short() {
    case(
        "aws-unidirectional.json",
        r#"{"project_id": "abc"}"#,
        &[(
            "PL142",
            E,
            "project_id",
            "\"abc\" is not a project ID: it has 3 characters, and a project ID has 13.",
            None,
        )],
    );
}

#[test]
fn project_symbols() {
    case(
        "aws-unidirectional.json",
        r#"{"project_id": "abc_defghijkl"}"#,
        &[(
            "PL142",
            E,
            "project_id",
            "\"abc_defghijkl\" is not a project ID: only the letters a-z and digits may appear.",
            None,
        )],
    );
}

#[test]
fn project_upper() {
    case(
        "aws-unidirectional.json",
        r#"{"project_id": "YW1UNOUKJCAWE"}"#,
        &[(
            "PL143",
            I,
            "project_id",
            "\"YW1UNOUKJCAWE\" is sent as yw1unoukjcawe.",
            Some("yw1unoukjcawe"),
        )],
    );
}

#[test]
fn plan_missing() {
    case(
        "aws-unidirectional.json",
        r#"{"plan": null}"#,
        &[(
            "PL151",
            E,
            "plan",
            "The plan is missing; PrivateLink needs the Pro plan.",
            None,
        )],
    );
}

#[test]
fn plan_starter() {
    case(
        "aws-unidirectional.json",
        r#"{"plan": "Starter"}"#,
        &[(
            "PL152",
            E,
            "plan",
            "PrivateLink is not available on Starter projects, only on Pro.",
            None,
        )],
    );
}

#[test]
fn plan_unknown() {
    case(
        "aws-unidirectional.json",
        r#"{"plan": "pro plus"}"#,
        &[(
            "PL153",
            E,
            "plan",
            "The plan \"pro plus\" is neither Pro nor Starter.",
            Some("pro"),
        )],
    );
}

#[test]
fn environments_missing() {
    case(
        "aws-unidirectional.json",
        r#"{"environments": []}"#,
        &[(
            "PL161",
            E,
            "environments",
            "No environment is chosen; choose Production, Staging or both.",
            None,
        )],
    );
}

#[test]
fn environment_integration() {
    case(
        "aws-unidirectional.json",
        r#"{"environments": ["production", "integration", "master", "local", "prod", "qa"]}"#,
        &[
            ("PL162", E, "environments[1]", "Integration environments cannot use PrivateLink; only Production and Staging can.", None),
            ("PL162", E, "environments[2]", "\"master\" is the Integration environment's main branch, and Integration cannot use PrivateLink.", None),
            ("PL162", E, "environments[3]", "Local environments cannot use PrivateLink; only Production and Staging can.", None),
            ("PL162", E, "environments[4]", "\"prod\" is not an environment name; did you mean production?", Some("production")),
            ("PL162", E, "environments[5]", "\"qa\" is not an environment PrivateLink can use; only Production, Staging and additional staging environments can.", None),
        ],
    );
}

/// Second staging environments (an add-on sold for Private Link) are accepted with a note;
/// `stage` still suggests staging, and a staging ID must be one token.
#[test]
fn environment_additional_staging() {
    case(
        "aws-unidirectional.json",
        r#"{"environments": ["production", "Staging2", "staging-eu", "stage", "staging 2"]}"#,
        &[
            ("PL164", I, "environments[1]", "\"staging2\" is read as an additional staging environment; check that it is the ID the Cloud Console shows.", None),
            ("PL164", I, "environments[2]", "\"staging-eu\" is read as an additional staging environment; check that it is the ID the Cloud Console shows.", None),
            ("PL162", E, "environments[3]", "\"stage\" is not an environment name; did you mean staging?", Some("staging")),
            ("PL162", E, "environments[4]", "\"staging 2\" is not an environment PrivateLink can use; did you mean staging?", Some("staging")),
        ],
    );
    case(
        "aws-unidirectional.json",
        r#"{"environments": ["staging", "staging2"]}"#,
        &[("PL164", I, "environments[1]", "\"staging2\" is read as an additional staging environment; check that it is the ID the Cloud Console shows.", None)],
    );
}

#[test]
fn environment_duplicate() {
    case(
        "aws-unidirectional.json",
        r#"{"environments": ["production", "Production"]}"#,
        &[(
            "PL163",
            W,
            "environments[1]",
            "Production is listed more than once.",
            None,
        )],
    );
}

#[test]
fn connection_missing() {
    case(
        "aws-unidirectional.json",
        r#"{"connection_type": null}"#,
        &[(
            "PL171",
            E,
            "connection_type",
            "The connection type is missing; choose Unidirectional or Bidirectional.",
            None,
        )],
    );
}

#[test]
fn connection_unknown() {
    case(
        "aws-unidirectional.json",
        r#"{"connection_type": "two-way"}"#,
        &[(
            "PL172",
            E,
            "connection_type",
            "The connection type \"two-way\" is neither unidirectional nor bidirectional.",
            Some("bidirectional"),
        )],
    );
}

#[test]
fn ports_missing() {
    case(
        "aws-unidirectional.json",
        r#"{"ports": []}"#,
        &[(
            "PL201",
            E,
            "ports",
            "No port is listed; add a row for each service and its port.",
            None,
        )],
    );
}

#[test]
fn port_not_number() {
    case(
        "aws-unidirectional.json",
        r#"{"ports": [{"service": "Web", "port": "eighty"}, {"service": "Web2", "port": 80.5}, {"service": "Web3"}]}"#,
        &[
            (
                "PL202",
                E,
                "ports[0].port",
                "\"eighty\" is not a port number; a port is a whole number such as 3306.",
                None,
            ),
            (
                "PL202",
                E,
                "ports[1].port",
                "The port has a fraction; a port is a whole number such as 3306.",
                None,
            ),
            (
                "PL202",
                E,
                "ports[2].port",
                "The port number is missing.",
                None,
            ),
        ],
    );
}

#[test]
fn port_range_aws() {
    case(
        "aws-unidirectional.json",
        r#"{"ports": [{"service": "Web", "port": 0}, {"service": "Web2", "port": 65536}, {"service": "Web3", "port": 65535}]}"#,
        &[
            (
                "PL203",
                E,
                "ports[0].port",
                "Port 0 is out of range; ports run from 1 to 65535 on AWS.",
                None,
            ),
            (
                "PL203",
                E,
                "ports[1].port",
                "Port 65536 is out of range; ports run from 1 to 65535 on AWS.",
                None,
            ),
        ],
    );
}

#[test]
fn port_range_azure() {
    case(
        "azure-unidirectional.json",
        r#"{"ports": [{"service": "Web", "port": 65535}, {"service": "Web2", "port": -1}]}"#,
        &[
            (
                "PL203",
                E,
                "ports[0].port",
                "Port 65535 is out of range; ports run from 1 to 65534 on Azure.",
                None,
            ),
            (
                "PL203",
                E,
                "ports[1].port",
                "Port -1 is out of range; ports run from 1 to 65534 on Azure.",
                None,
            ),
        ],
    );
}

#[test]
fn port_ssh() {
    case(
        "aws-unidirectional.json",
        r#"{"ports": [{"service": "Shell", "port": 22}, {"service": "OpenSSH bastion", "port": 2200}, {"service": "SFTP", "port": 2222}]}"#,
        &[
            ("PL204", E, "ports[0].port", "Port 22 is SSH into the Adobe Commerce environment, which cannot go over PrivateLink.", None),
            ("PL204", E, "ports[1].port", "The service \"OpenSSH bastion\" looks like SSH, and SSH into the Adobe Commerce environment cannot go over PrivateLink on any port.", None),
        ],
    );
    // A name that mentions SFTP is file transfer, whatever else it says; port 22 into Adobe
    // stays an error whatever the name.
    case(
        "aws-unidirectional.json",
        r#"{"ports": [{"service": "SFTP (SSH file transfer)", "port": 2222}, {"service": "SFTP", "port": 22}]}"#,
        &[(
            "PL204",
            E,
            "ports[1].port",
            "Port 22 is SSH into the Adobe Commerce environment, which cannot go over PrivateLink.",
            None,
        )],
    );
}

/// Adobe connecting out to the customer's SFTP server on 22: a warning, not an error.
#[test]
fn port_22_outbound() {
    case(
        "aws-bidirectional.json",
        r#"{"endpoint_services": [{"name": "com.amazonaws.vpce.us-east-1.vpce-svc-0a1b2c3d4e5f60718", "ports": [{"service": "SFTP", "port": 22}, {"service": "SSH jump host", "port": 2200}, {"service": "SFTP over SSH", "port": 2222}], "principal_allowed": true}]}"#,
        &[
            ("PL206", I, "ports[1].port", "Port 443 (HTTPS) is supported on AWS, though older guidance excluded it.", None),
            ("PL213", W, "endpoint_services[0].ports[0].port", "Adobe's page does not say whether Adobe connects to a server of yours on port 22 (SSH).", None),
            ("PL213", W, "endpoint_services[0].ports[1].port", "The service \"SSH jump host\" looks like SSH, and Adobe's page does not say whether Adobe connects to an SSH server of yours.", None),
        ],
    );
}

#[test]
fn port_443_azure() {
    case(
        "azure-unidirectional.json",
        r#"{"ports": [{"service": "HTTPS", "port": 443}]}"#,
        &[(
            "PL205",
            E,
            "ports[0].port",
            "Port 443 (HTTPS) into Adobe Commerce cannot be opened over Private Link on Azure.",
            None,
        )],
    );
}

/// On Azure, 443 is refused into Adobe Commerce only: Adobe connecting out to the customer's own
/// Private Link service on 443 is not what Fastly origin cloaking concerns.
#[test]
fn port_443_azure_outbound_is_allowed() {
    case(
        "azure-bidirectional.json",
        r#"{"endpoint_services": [{"name": "/subscriptions/7c9e6679-7425-40de-944b-e07fc1f90ae7/resourceGroups/rg-integration/providers/Microsoft.Network/privateLinkServices/pls-crm", "ports": [{"service": "CRM API", "port": 443}]}]}"#,
        &[],
    );
}

#[test]
fn port_443_aws() {
    case(
        "aws-unidirectional.json",
        r#"{"ports": [{"service": "HTTPS", "port": "443"}]}"#,
        &[(
            "PL206",
            I,
            "ports[0].port",
            "Port 443 (HTTPS) is supported on AWS, though older guidance excluded it.",
            None,
        )],
    );
}

#[test]
fn port_duplicate() {
    case(
        "aws-unidirectional.json",
        r#"{"ports": [{"service": "Web", "port": 80}, {"service": "Web again", "port": "80", "protocol": "TCP"}, {"service": "Web UDP", "port": 80, "protocol": "udp"}]}"#,
        &[
            (
                "PL207",
                E,
                "ports[1].port",
                "Port 80/TCP is listed more than once.",
                None,
            ),
            (
                "PL212",
                W,
                "ports[2].protocol",
                "AWS PrivateLink carries UDP, but Adobe's page does not say whether Adobe accepts it.",
                None,
            ),
        ],
    );
}

#[test]
fn ports_too_many() {
    case(
        "aws-unidirectional.json",
        r#"{"ports": "MANY51"}"#,
        &[(
            "PL208",
            E,
            "ports",
            "51 ports are listed, but one AWS endpoint service can carry at most 50.",
            None,
        )],
    );
    // The limit is an AWS Network Load Balancer's; Azure's Standard Load Balancer allows more.
    case("azure-unidirectional.json", r#"{"ports": "MANY51"}"#, &[]);
}

#[test]
fn service_missing() {
    case(
        "aws-unidirectional.json",
        r#"{"ports": [{"port": 80}]}"#,
        &[(
            "PL209",
            E,
            "ports[0].service",
            "The service name is missing; say what runs on this port.",
            None,
        )],
    );
}

#[test]
fn service_multiline() {
    case(
        "aws-unidirectional.json",
        r#"{"ports": [{"service": "Web\tserver", "port": 80}]}"#,
        &[(
            "PL210",
            E,
            "ports[0].service",
            "The service name \"Web\\tserver\" must be one line of at most 100 characters.",
            None,
        )],
    );
}

#[test]
fn protocol_unknown() {
    case(
        "aws-unidirectional.json",
        r#"{"ports": [{"service": "Web", "port": 80, "protocol": "sctp"}]}"#,
        &[(
            "PL211",
            E,
            "ports[0].protocol",
            "The protocol \"sctp\" is neither TCP nor UDP.",
            None,
        )],
    );
}

#[test]
fn protocol_udp_aws() {
    case(
        "aws-unidirectional.json",
        r#"{"ports": [{"service": "Syslog", "port": 514, "protocol": "udp"}]}"#,
        &[(
            "PL212",
            W,
            "ports[0].protocol",
            "AWS PrivateLink carries UDP, but Adobe's page does not say whether Adobe accepts it.",
            None,
        )],
    );
}

#[test]
fn protocol_udp_azure() {
    case(
        "azure-unidirectional.json",
        r#"{"ports": [{"service": "Syslog", "port": 514, "protocol": "udp"}]}"#,
        &[],
    );
}

#[test]
fn endpoint_services_missing() {
    case(
        "aws-bidirectional.json",
        r#"{"endpoint_services": []}"#,
        &[
            ("PL206", I, "ports[1].port", "Port 443 (HTTPS) is supported on AWS, though older guidance excluded it.", None),
            ("PL301", E, "endpoint_services", "A bidirectional connection needs at least one endpoint service for Adobe to connect to.", None),
        ],
    );
}

#[test]
fn endpoint_services_ignored() {
    case(
        "aws-unidirectional.json",
        r#"{"endpoint_services": [{"name": "x"}], "prerequisites": {"nlb": true}}"#,
        &[
            (
                "PL302",
                W,
                "endpoint_services",
                "Endpoint services in your network are listed, but a unidirectional connection does not use them.",
                None,
            ),
            (
                "PL322",
                W,
                "prerequisites",
                "Prerequisites are given, but a unidirectional connection does not need them.",
                None,
            ),
        ],
    );
}

#[test]
fn endpoint_name_missing() {
    case(
        "aws-bidirectional.json",
        r#"{"endpoint_services": [{"ports": [{"service": "API", "port": 8443}], "principal_allowed": true}]}"#,
        &[
            (
                "PL206",
                I,
                "ports[1].port",
                "Port 443 (HTTPS) is supported on AWS, though older guidance excluded it.",
                None,
            ),
            (
                "PL303",
                E,
                "endpoint_services[0].name",
                "Endpoint service name is missing.",
                None,
            ),
        ],
    );
}

#[test]
fn endpoint_aws_format() {
    case(
        "aws-bidirectional.json",
        r#"{"endpoint_services": [{"name": "com.amazonaws.vpce.us-east-1.vpce-svc-0a1b2c", "ports": [{"service": "API", "port": 8443}], "principal_allowed": true}]}"#,
        &[
            ("PL206", I, "ports[1].port", "Port 443 (HTTPS) is supported on AWS, though older guidance excluded it.", None),
            ("PL304", E, "endpoint_services[0].name", "\"com.amazonaws.vpce.us-east-1.vpce-svc-0a1b2c\" is not an AWS endpoint service name: the service ID must be vpce-svc- followed by 17 lowercase hexadecimal digits.", None),
        ],
    );
}

#[test]
fn endpoint_aws_upper() {
    case(
        "aws-bidirectional.json",
        r#"{"endpoint_services": [{"name": "com.amazonaws.vpce.us-east-1.VPCE-SVC-0A1B2C3D4E5F60718", "ports": [{"service": "API", "port": 8443}], "principal_allowed": true}]}"#,
        &[
            ("PL206", I, "ports[1].port", "Port 443 (HTTPS) is supported on AWS, though older guidance excluded it.", None),
            ("PL304", E, "endpoint_services[0].name", "\"com.amazonaws.vpce.us-east-1.VPCE-SVC-0A1B2C3D4E5F60718\" is not an AWS endpoint service name: the service ID after the region must start with vpce-svc-.", Some("com.amazonaws.vpce.us-east-1.vpce-svc-0a1b2c3d4e5f60718")),
        ],
    );
}

#[test]
fn endpoint_aws_prefix() {
    case(
        "aws-bidirectional.json",
        r#"{"endpoint_services": [{"name": "vpce-svc-0a1b2c3d4e5f60718", "ports": [{"service": "API", "port": 8443}], "principal_allowed": true}]}"#,
        &[
            ("PL206", I, "ports[1].port", "Port 443 (HTTPS) is supported on AWS, though older guidance excluded it.", None),
            ("PL304", E, "endpoint_services[0].name", "\"vpce-svc-0a1b2c3d4e5f60718\" is not an AWS endpoint service name: it must begin with com.amazonaws.vpce, then the region and the service ID.", Some("com.amazonaws.vpce.us-east-1.vpce-svc-0a1b2c3d4e5f60718")),
        ],
    );
}

#[test]
fn endpoint_region_mismatch() {
    case(
        "aws-bidirectional.json",
        r#"{"endpoint_services": [{"name": "com.amazonaws.vpce.eu-west-1.vpce-svc-0a1b2c3d4e5f60718", "ports": [{"service": "API", "port": 8443}], "principal_allowed": true}]}"#,
        &[
            ("PL206", I, "ports[1].port", "Port 443 (HTTPS) is supported on AWS, though older guidance excluded it.", None),
            ("PL305", E, "endpoint_services[0].name", "\"com.amazonaws.vpce.eu-west-1.vpce-svc-0a1b2c3d4e5f60718\" is in eu-west-1, but the request's region is us-east-1.", None),
        ],
    );
}

#[test]
fn endpoint_region_govcloud() {
    case(
        "aws-bidirectional.json",
        r#"{"endpoint_services": [{"name": "com.amazonaws.vpce.us-gov-west-1.vpce-svc-0a1b2c3d4e5f60718", "ports": [{"service": "API", "port": 8443}], "principal_allowed": true}]}"#,
        &[
            ("PL206", I, "ports[1].port", "Port 443 (HTTPS) is supported on AWS, though older guidance excluded it.", None),
            ("PL305", E, "endpoint_services[0].name", "\"com.amazonaws.vpce.us-gov-west-1.vpce-svc-0a1b2c3d4e5f60718\" is in us-gov-west-1, outside the commercial AWS partition, and the request's region is us-east-1.", None),
        ],
    );
}

#[test]
fn endpoint_china() {
    case(
        "aws-bidirectional.json",
        r#"{"endpoint_services": [{"name": "cn.com.amazonaws.vpce.cn-north-1.vpce-svc-0a1b2c3d4e5f60718", "ports": [{"service": "API", "port": 8443}], "principal_allowed": true}]}"#,
        &[
            ("PL206", I, "ports[1].port", "Port 443 (HTTPS) is supported on AWS, though older guidance excluded it.", None),
            ("PL310", E, "endpoint_services[0].name", "\"cn.com.amazonaws.vpce.cn-north-1.vpce-svc-0a1b2c3d4e5f60718\" is in the AWS China partition, which Adobe's principal cannot reach.", None),
        ],
    );
}

#[test]
fn endpoint_azure_on_aws() {
    case(
        "aws-bidirectional.json",
        r#"{"endpoint_services": [{"name": "erp.3f2504e0-4f89-11d3-9a0c-0305e82c3301.eastus.azure.privatelinkservice", "ports": [{"service": "API", "port": 8443}], "principal_allowed": true}]}"#,
        &[
            ("PL206", I, "ports[1].port", "Port 443 (HTTPS) is supported on AWS, though older guidance excluded it.", None),
            ("PL309", E, "endpoint_services[0].name", "\"erp.3f2504e0-4f89-11d3-9a0c-0305e82c3301.eastus.azure.privat…\" is an Azure name, but the cloud is AWS.", None),
        ],
    );
}

#[test]
fn endpoint_azure_format() {
    case(
        "azure-bidirectional.json",
        r#"{"endpoint_services": [{"name": "my-private-link", "ports": [{"service": "API", "port": 8443}], "principal_allowed": true}]}"#,
        &[
            ("PL306", E, "endpoint_services[0].name", "\"my-private-link\" is not an Azure Private Link service alias or resource ID: an alias ends with .azure.privatelinkservice and a resource ID starts with /subscriptions/.", None),
        ],
    );
}

#[test]
fn endpoint_azure_alias_region() {
    case(
        "azure-bidirectional.json",
        r#"{"endpoint_services": [{"name": "erp.3f2504e0-4f89-11d3-9a0c-0305e82c3301.westus.azure.privatelinkservice", "ports": [{"service": "API", "port": 8443}], "principal_allowed": true}]}"#,
        &[
            ("PL305", E, "endpoint_services[0].name", "\"erp.3f2504e0-4f89-11d3-9a0c-0305e82c3301.westus.azure.privat…\" is in westus, but the request's region is eastus2.", None),
        ],
    );
}

#[test]
fn endpoint_azure_resource_bad() {
    case(
        "azure-bidirectional.json",
        r#"{"endpoint_services": [{"name": "/subscriptions/nope/resourceGroups/rg/providers/Microsoft.Network/privateLinkServices/pls", "ports": [{"service": "API", "port": 8443}], "principal_allowed": true}]}"#,
        &[
            ("PL306", E, "endpoint_services[0].name", "\"/subscriptions/nope/resourceGroups/rg/providers/Microsoft.Ne…\" is not an Azure Private Link service alias or resource ID: the subscription in the resource ID must be a UUID.", None),
        ],
    );
}

#[test]
fn endpoint_aws_on_azure() {
    case(
        "azure-bidirectional.json",
        r#"{"endpoint_services": [{"name": "com.amazonaws.vpce.eastus2.vpce-svc-0a1b2c3d4e5f60718", "ports": [{"service": "API", "port": 8443}], "principal_allowed": true}]}"#,
        &[
            ("PL309", E, "endpoint_services[0].name", "\"com.amazonaws.vpce.eastus2.vpce-svc-0a1b2c3d4e5f60718\" is an AWS name, but the cloud is Azure.", None),
        ],
    );
}

/// An alias still connects, so it is accepted; Adobe asks for resource IDs, so it is a warning.
#[test]
fn azure_alias_asks_for_the_resource_id() {
    case(
        "azure-bidirectional.json",
        r#"{"endpoint_services": [{"name": "erp-pls.3f2504e0-4f89-11d3-9a0c-0305e82c3301.eastus2.azure.privatelinkservice", "ports": [{"service": "ERP", "port": 8080}]}]}"#,
        &[("PL311", W, "endpoint_services[0].name", "\"erp-pls.3f2504e0-4f89-11d3-9a0c-0305e82c3301.eastus2.azure.p…\" is the alias of a Private Link service; Adobe asks for its resource ID.", None)],
    );
}

/// On Azure, Adobe's access is by subscription and is given after the ticket: there is no AWS
/// principal to confirm, so false or absent is no error (a wrong type still is).
#[test]
fn principal_is_aws_only() {
    case(
        "azure-bidirectional.json",
        r#"{"endpoint_services": [{"name": "/subscriptions/7c9e6679-7425-40de-944b-e07fc1f90ae7/resourceGroups/rg-erp/providers/Microsoft.Network/privateLinkServices/pls-erp", "ports": [{"service": "ERP", "port": 8080}], "principal_allowed": false}, {"name": "/subscriptions/7c9e6679-7425-40de-944b-e07fc1f90ae7/resourceGroups/rg-erp/providers/Microsoft.Network/privateLinkServices/pls-crm", "ports": [{"service": "CRM", "port": 5671}], "principal_allowed": "yes"}]}"#,
        &[(
            "PL005",
            E,
            "endpoint_services[1].principal_allowed",
            "Adobe may connect to this service: give true or false, not the text \"yes\".",
            None,
        )],
    );
}

/// me-west-1 and sa-west-1 are in botocore's partitions.json but not in its endpoints.json.
#[test]
fn region_announced() {
    case(
        "aws-unidirectional.json",
        r#"{"region": "me-west-1"}"#,
        &[("PL128", W, "region", "me-west-1, Middle East (Saudi Arabia), is an AWS region that is announced but not yet in service.", None)],
    );
    case(
        "aws-unidirectional.json",
        r#"{"region": "South America (Chile)"}"#,
        &[
            ("PL123", I, "region", "\"South America (Chile)\" is sent as the region code sa-west-1.", None),
            ("PL128", W, "region", "sa-west-1, South America (Chile), is an AWS region that is announced but not yet in service.", None),
        ],
    );
}

#[test]
fn principal_false() {
    case(
        "aws-bidirectional.json",
        r#"{"endpoint_services": [{"name": "com.amazonaws.vpce.us-east-1.vpce-svc-0a1b2c3d4e5f60718", "ports": [{"service": "API", "port": 8443}], "principal_allowed": false}, {"name": "com.amazonaws.vpce.us-east-1.vpce-svc-0fedcba9876543210", "ports": [{"service": "API", "port": 8443}]}]}"#,
        &[
            (
                "PL206",
                I,
                "ports[1].port",
                "Port 443 (HTTPS) is supported on AWS, though older guidance excluded it.",
                None,
            ),
            (
                "PL307",
                E,
                "endpoint_services[0].principal_allowed",
                "Adobe's principal is not confirmed as allowed on this endpoint service.",
                None,
            ),
            (
                "PL307",
                E,
                "endpoint_services[1].principal_allowed",
                "Adobe's principal is not confirmed as allowed on this endpoint service.",
                None,
            ),
        ],
    );
}

#[test]
fn endpoint_duplicate() {
    case(
        "aws-bidirectional.json",
        r#"{"endpoint_services": [{"name": "com.amazonaws.vpce.us-east-1.vpce-svc-0a1b2c3d4e5f60718", "ports": [{"service": "API", "port": 8443}], "principal_allowed": true}, {"name": "com.amazonaws.vpce.us-east-1.vpce-svc-0a1b2c3d4e5f60718", "ports": [{"service": "DB", "port": 5432}], "principal_allowed": true}]}"#,
        &[
            ("PL206", I, "ports[1].port", "Port 443 (HTTPS) is supported on AWS, though older guidance excluded it.", None),
            ("PL308", E, "endpoint_services[1].name", "\"com.amazonaws.vpce.us-east-1.vpce-svc-0a1b2c3d4e5f60718\" is listed more than once.", None),
        ],
    );
}

#[test]
fn endpoint_ports() {
    case(
        "aws-bidirectional.json",
        r#"{"endpoint_services": [{"name": "com.amazonaws.vpce.us-east-1.vpce-svc-0a1b2c3d4e5f60718", "ports": [{"service": "SSH", "port": 22}], "principal_allowed": true}]}"#,
        &[
            (
                "PL206",
                I,
                "ports[1].port",
                "Port 443 (HTTPS) is supported on AWS, though older guidance excluded it.",
                None,
            ),
            (
                "PL213",
                W,
                "endpoint_services[0].ports[0].port",
                "Adobe's page does not say whether Adobe connects to a server of yours on port 22 (SSH).",
                None,
            ),
        ],
    );
}

#[test]
fn prerequisites_missing() {
    case(
        "aws-bidirectional.json",
        r#"{"prerequisites": {"nlb": false, "interface_endpoint": "yes"}}"#,
        &[
            ("PL206", I, "ports[1].port", "Port 443 (HTTPS) is supported on AWS, though older guidance excluded it.", None),
            ("PL212", W, "endpoint_services[0].ports[1].protocol", "AWS PrivateLink carries UDP, but Adobe's page does not say whether Adobe accepts it.", None),
            ("PL321", E, "prerequisites.nlb", "A bidirectional connection needs a Network Load Balancer in front of your application, in your VPC; confirm it once it is in place.", None),
            ("PL005", E, "prerequisites.interface_endpoint", "An interface endpoint: give true or false, not the text \"yes\".", None),
        ],
    );
}

/// The customer's endpoint to Adobe's service is made after the ticket: not confirming it is not
/// an error; saying it is not there yet gets a note.
#[test]
fn prerequisites_interface_endpoint_later() {
    case(
        "aws-bidirectional.json",
        r#"{"prerequisites": {"interface_endpoint": false}}"#,
        &[
            ("PL206", I, "ports[1].port", "Port 443 (HTTPS) is supported on AWS, though older guidance excluded it.", None),
            ("PL212", W, "endpoint_services[0].ports[1].protocol", "AWS PrivateLink carries UDP, but Adobe's page does not say whether Adobe accepts it.", None),
            ("PL323", I, "prerequisites.interface_endpoint", "Your interface endpoint to Adobe's endpoint service is made after the ticket, once Adobe sends its name.", None),
        ],
    );
    case(
        "azure-bidirectional.json",
        r#"{"prerequisites": {"interface_endpoint": false}}"#,
        &[
            ("PL323", I, "prerequisites.interface_endpoint", "Your private endpoint to Adobe's Private Link service is made after the ticket, once Adobe sends its name.", None),
        ],
    );
    case(
        "aws-unidirectional.json",
        r#"{"connection_type": "bidirectional", "endpoint_services": [{"name": "com.amazonaws.vpce.eu-central-1.vpce-svc-0a1b2c3d4e5f60718", "ports": [{"service": "ERP", "port": 8443}], "principal_allowed": true}], "prerequisites": {"nlb": true, "endpoint_service": true}}"#,
        &[],
    );
}

#[test]
fn prerequisites_absent() {
    case(
        "azure-bidirectional.json",
        r#"{"prerequisites": null}"#,
        &[
            ("PL321", E, "prerequisites.nlb", "A bidirectional connection needs a Standard Load Balancer (frontend IP configuration) in front of your application, in your virtual network; confirm it once it is in place.", None),
            ("PL321", E, "prerequisites.endpoint_service", "A bidirectional connection needs a Private Link service for your application, in your virtual network; confirm it once it is in place.", None),
        ],
    );
}

#[test]
fn cluster_missing() {
    case(
        "azure-unidirectional.json",
        r#"{"azure": null}"#,
        &[(
            "PL401",
            E,
            "azure.cluster_id",
            "The Azure cluster ID is missing; Adobe needs it to find your cluster.",
            None,
        )],
    );
}

#[test]
fn cluster_format() {
    case(
        "azure-unidirectional.json",
        r#"{"azure": {"cluster_id": "pro cluster 7"}}"#,
        &[
            ("PL402", E, "azure.cluster_id", "\"pro cluster 7\" is not a cluster ID: it must be one word of letters, digits, dots, dashes and underscores.", None),
        ],
    );
}

#[test]
fn azure_subscription_extra() {
    case(
        "azure-unidirectional.json",
        r#"{"azure": {"cluster_id": "c1", "subscription_ids": ["1b4e28ba-2fa1-11d2-883f-0016d3cca427", "nope", "1B4E28BA-2FA1-11D2-883F-0016D3CCA427", ""]}}"#,
        &[
            (
                "PL403",
                E,
                "azure.subscription_ids[1]",
                "\"nope\" is not a subscription ID, which reads 8-4-4-4-12 hexadecimal digits.",
                None,
            ),
            (
                "PL405",
                W,
                "azure.subscription_ids[2]",
                "The subscription 1b4e28ba-2fa1-11d2-883f-0016d3cca427 is listed more than once.",
                None,
            ),
        ],
    );
}

#[test]
fn azure_on_aws() {
    case(
        "aws-unidirectional.json",
        r#"{"azure": {"cluster_id": "c1"}}"#,
        &[(
            "PL404",
            W,
            "azure",
            "Azure details are given, but the cloud is AWS; they are ignored.",
            None,
        )],
    );
}

#[test]
fn cloud_unknown_no_cascade() {
    case(
        "aws-bidirectional.json",
        r#"{"cloud": "oracle", "region": "nowhere", "account_id": "x"}"#,
        &[(
            "PL112",
            E,
            "cloud",
            "The cloud \"oracle\" is neither AWS nor Azure.",
            None,
        )],
    );
}

#[test]
fn version_of_every_json_type() {
    let must = |what: &str| format!("The format version must be the number 1, not {what}.");
    for (patch, message) in [
        (r#"{"version": -3}"#, must("the number -3")),
        (
            r#"{"version": -9223372036854775808}"#,
            must("the number -9223372036854775808"),
        ),
        (r#"{"version": 1.5}"#, must("a number with a fraction")),
        (r#"{"version": 1e300}"#, must("a very large number")),
        (r#"{"version": true}"#, must("true")),
        (r#"{"version": [1]}"#, must("a list")),
        (r#"{"version": {"v": 1}}"#, must("an object")),
        (
            r#"{"version": 18446744073709551615}"#,
            "Format version 18446744073709551615 is not supported; this tool reads version 1."
                .to_string(),
        ),
    ] {
        let message: &'static str = Box::leak(message.into_boxed_str());
        case(
            "aws-unidirectional.json",
            patch,
            &[("PL003", E, "version", message, None)],
        );
    }
    // Absent, null or 1: no finding.
    for patch in [r#"{"version": null}"#, r#"{"version": 1}"#] {
        case("aws-unidirectional.json", patch, &[]);
    }
}

#[test]
fn text_is_read_up_to_1000_characters() {
    case(
        "aws-unidirectional.json",
        &format!(r#"{{"company": "{}"}}"#, "C".repeat(1000)),
        &[(
            "PL103",
            E,
            "company",
            "The company name is 1000 characters long, more than the 100 allowed.",
            None,
        )],
    );
    case(
        "aws-unidirectional.json",
        &format!(r#"{{"company": "{}"}}"#, "é".repeat(1001)),
        &[(
            "PL007",
            E,
            "company",
            "Company name is 1001 characters long, more than the 1000 allowed.",
            None,
        )],
    );
}

#[test]
fn kind_enablement_in_any_case_is_the_default() {
    case("aws-unidirectional.json", r#"{"kind": "ENABLEMENT"}"#, &[]);
    case(
        "aws-unidirectional.json",
        r#"{"kind": " enablement "}"#,
        &[],
    );
}

#[test]
fn unknown_fields_suggest_a_near_field_name() {
    let mut doc: Value = serde_json::from_str(&common::request("aws-unidirectional.json")).unwrap();
    common::merge(
        &mut doc,
        json!({"acount_id": "x", "PORTS": 1, "connection_typ": 2, "zzzzzzz": 3}),
    );
    let report = privatelink_prep::check(&doc).report;
    let messages: Vec<(&str, &str)> = report
        .diagnostics
        .iter()
        .map(|d| (d.field.as_str(), d.message.as_str()))
        .collect();
    let ignored = "is not part of the request and is ignored";
    assert_eq!(
        messages,
        [
            (
                "PORTS",
                &*format!("The field \"PORTS\" {ignored}; did you mean ports?")
            ),
            (
                "acount_id",
                &*format!("The field \"acount_id\" {ignored}; did you mean account_id?")
            ),
            (
                "connection_typ",
                &*format!("The field \"connection_typ\" {ignored}; did you mean connection_type?")
            ),
            ("zzzzzzz", &*format!("The field \"zzzzzzz\" {ignored}.")),
        ]
    );
    assert!(report
        .diagnostics
        .iter()
        .all(|d| d.help == privatelink_prep::rules::UNKNOWN_FIELD.help));
}

#[test]
fn a_subscription_id_without_dashes_is_repaired_only_when_it_is_32_hex_digits() {
    let msg = |s: &str| -> &'static str {
        Box::leak(
            format!("\"{s}\" is not an Azure subscription ID, which reads 8-4-4-4-12 hexadecimal digits.")
                .into_boxed_str(),
        )
    };
    for (typed, suggestion) in [
        (
            "{7C9E6679742540DE944BE07FC1F90AE7}",
            Some("7c9e6679-7425-40de-944b-e07fc1f90ae7"),
        ),
        ("7c9e6679742540de944be07fc1f90aeg", None),
        ("7c9e6679742540de944be07fc1f90ae", None),
        ("7c9e6679742540de944be07fc1f90ae70", None),
    ] {
        case(
            "azure-unidirectional.json",
            &format!(r#"{{"account_id": "{typed}"}}"#),
            &[("PL135", E, "account_id", msg(typed), suggestion)],
        );
    }
}
