//! Change requests (`"kind": "change"`): every change rule with its exact diagnostic, the rules
//! shared with enablement requests applied at their change paths, the typed result, and the
//! ticket snapshots.
#![cfg(not(target_arch = "wasm32"))]

mod common;

use common::case;
use privatelink_prep::request::{Account, ChangeAction, Environment};
use privatelink_prep::{render, Format, Request, Severity};
use serde_json::json;

use Severity::{Error as E, Info as I, Warning as W};

const AWS: &str = "change-aws.json";
const AZURE: &str = "change-azure.json";
const SVC_A: &str = "com.amazonaws.vpce.us-east-1.vpce-svc-0a1b2c3d4e5f60718";
const SVC_B: &str = "com.amazonaws.vpce.us-east-1.vpce-svc-0fedcba9876543210";

#[test]
fn the_examples_are_valid_and_typed() {
    let checked = case(AWS, json!({}), &[]);
    let Some(Request::Change(c)) = checked.request else {
        panic!("not a change request")
    };
    assert_eq!(c.company, "Acme Outdoor, Inc.");
    assert_eq!(c.region.code, "us-east-1");
    assert_eq!(c.project_id.as_str(), "abcdefghij123");
    assert_eq!(c.changes.len(), 7);
    assert_eq!(
        c.changes[0],
        ChangeAction::RemoveConnection(Environment::Staging)
    );
    let ChangeAction::ChangeAccount {
        from: Account::Aws(from),
        to: Account::Aws(to),
    } = &c.changes[1]
    else {
        panic!("not an AWS account change")
    };
    assert_eq!(
        (from.as_str(), to.as_str()),
        ("123456789012", "210987654321")
    );
    let ChangeAction::AddEndpointService(svc, _) = &c.changes[2] else {
        panic!("not an added endpoint service")
    };
    assert_eq!(svc.name.to_string(), SVC_A);
    assert_eq!(svc.ports.len(), 2);
    assert_eq!(
        c.changes
            .iter()
            .map(ChangeAction::action)
            .collect::<Vec<_>>(),
        [
            "remove_connection",
            "change_account",
            "add_endpoint_service",
            "remove_endpoint_service",
            "add_environment",
            "open_ports",
            "close_ports"
        ]
    );

    let checked = case(AZURE, json!({}), &[]);
    let Some(Request::Change(c)) = checked.request else {
        panic!("not a change request")
    };
    // The subscription ID is normalised to lowercase, as in an enablement request.
    let ChangeAction::ChangeAccount { to, .. } = &c.changes[1] else {
        panic!("not an account change")
    };
    assert_eq!(to.as_str(), "1b4e28ba-2fa1-11d2-883f-0016d3cca427");
}

/// `Request::as_change` and `as_enablement`, the accessors a host uses instead of a `match`.
#[test]
fn a_request_is_one_kind_or_the_other() {
    let change = case(AWS, json!({}), &[]).request.unwrap();
    assert_eq!(
        change.as_change().map(|c| c.company.as_str()),
        Some("Acme Outdoor, Inc.")
    );
    assert_eq!(change.as_enablement(), None);
    let enablement = case("aws-unidirectional.json", json!({}), &[])
        .request
        .unwrap();
    assert_eq!(
        enablement.as_enablement().map(|e| e.company.as_str()),
        Some("Example Retail GmbH")
    );
    assert_eq!(enablement.as_change(), None);
}

#[test]
fn kind_is_case_insensitive() {
    case(AWS, json!({"kind": "Change"}), &[]);
}

#[test]
fn enablement_fields_are_unknown_in_a_change_request() {
    case(
        AWS,
        json!({"account_id": "123456789012", "plan": "pro"}),
        &[
            (
                "PL004",
                W,
                "account_id",
                "The field \"account_id\" is not part of the request and is ignored.",
                None,
            ),
            (
                "PL004",
                W,
                "plan",
                "The field \"plan\" is not part of the request and is ignored.",
                None,
            ),
        ],
    );
}

#[test]
fn shared_document_rules_apply() {
    case(
        AWS,
        json!({"company": null, "cloud": "gcp", "region": "eu-west1", "project_id": "ABCDEFGHIJ123"}),
        &[
            (
                "PL101",
                E,
                "company",
                "The company name is missing; the ticket subject needs it.",
                None,
            ),
            (
                "PL112",
                E,
                "cloud",
                "The cloud \"gcp\" is neither AWS nor Azure.",
                None,
            ),
            (
                "PL143",
                I,
                "project_id",
                "\"ABCDEFGHIJ123\" is sent as abcdefghij123.",
                Some("abcdefghij123"),
            ),
        ],
    );
    case(
        AWS,
        json!({"region": "eu-west1"}),
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
fn pl501_no_changes() {
    for patch in [json!({"changes": []}), json!({"changes": null})] {
        case(
            AWS,
            patch,
            &[(
                "PL501",
                E,
                "changes",
                "No change is listed; a change request needs at least one.",
                None,
            )],
        );
    }
}

#[test]
fn changes_of_the_wrong_type() {
    case(
        AWS,
        json!({"changes": {"action": "remove_connection"}}),
        &[(
            "PL005",
            E,
            "changes",
            "Changes: give a list, one entry per change, not an object.",
            None,
        )],
    );
    case(
        AWS,
        json!({"changes": ["remove_connection"]}),
        &[(
            "PL005",
            E,
            "changes[0]",
            "Change 1: give an object with an action and its fields, not the text \"remove_connection\".",
            None,
        )],
    );
    case(
        AWS,
        json!({"changes": [{"action": 3}]}),
        &[(
            "PL005",
            E,
            "changes[0].action",
            "What changes: give text, not the number 3.",
            None,
        )],
    );
}

#[test]
fn pl502_action_missing() {
    for change in [json!({"environment": "staging"}), json!({"action": "  "})] {
        case(
            AWS,
            json!({"changes": [change]}),
            &[(
                "PL502",
                E,
                "changes[0].action",
                "This change has no action; say what should change.",
                None,
            )],
        );
    }
}

#[test]
fn pl503_action_unknown() {
    case(
        AWS,
        json!({"changes": [{"action": "remove-connection", "environment": "staging"}]}),
        &[(
            "PL503",
            E,
            "changes[0].action",
            "\"remove-connection\" is not a change action; did you mean remove_connection?",
            Some("remove_connection"),
        )],
    );
    case(
        AWS,
        json!({"changes": [{"action": "add_endpoint_servce"}]}),
        &[(
            "PL503",
            E,
            "changes[0].action",
            "\"add_endpoint_servce\" is not a change action; did you mean add_endpoint_service?",
            Some("add_endpoint_service"),
        )],
    );
    case(
        AWS,
        json!({"changes": [{"action": "upgrade_plan"}]}),
        &[(
            "PL503",
            E,
            "changes[0].action",
            "\"upgrade_plan\" is not a change action; the actions are add_environment, remove_connection, change_account, add_endpoint_service, remove_endpoint_service, open_ports and close_ports.",
            None,
        )],
    );
}

#[test]
fn actions_ignore_case() {
    case(
        AWS,
        json!({"changes": [{"action": "Remove_Connection", "environment": "Staging"}]}),
        &[],
    );
}

#[test]
fn pl504_field_missing() {
    case(
        AWS,
        json!({"changes": [{"action": "remove_connection"}]}),
        &[(
            "PL504",
            E,
            "changes[0].environment",
            "This change needs the environment it concerns (production, staging or an additional staging environment).",
            None,
        )],
    );
    case(
        AWS,
        json!({"changes": [{"action": "change_account", "from_account_id": ""}]}),
        &[
            (
                "PL504",
                E,
                "changes[0].from_account_id",
                "This change needs the account allowed today.",
                None,
            ),
            (
                "PL504",
                E,
                "changes[0].to_account_id",
                "This change needs the account to allow instead.",
                None,
            ),
        ],
    );
}

#[test]
fn endpoint_service_fields_missing_use_the_endpoint_rules() {
    case(
        AWS,
        json!({"changes": [{"action": "add_endpoint_service"}, {"action": "remove_endpoint_service"}]}),
        &[
            (
                "PL303",
                E,
                "changes[0].name",
                "Endpoint service name is missing.",
                None,
            ),
            (
                "PL201",
                E,
                "changes[0].ports",
                "No port is listed; add a row for each service and its port.",
                None,
            ),
            (
                "PL307",
                E,
                "changes[0].principal_allowed",
                "Adobe's principal is not confirmed as allowed on this endpoint service.",
                None,
            ),
            (
                "PL303",
                E,
                "changes[1].name",
                "Endpoint service name is missing.",
                None,
            ),
        ],
    );
}

#[test]
fn pl505_same_change_twice() {
    case(
        AWS,
        json!({"changes": [
            {"action": "remove_connection", "environment": "staging"},
            {"action": "remove_connection", "environment": "STAGING"}
        ]}),
        &[(
            "PL505",
            E,
            "changes[1].environment",
            "Removing the connection from Staging is listed more than once.",
            None,
        )],
    );
    case(
        AWS,
        json!({"changes": [
            {"action": "change_account", "from_account_id": "123456789012", "to_account_id": "210987654321"},
            {"action": "change_account", "from_account_id": "1234-5678-9012", "to_account_id": "333333333333"}
        ]}),
        &[
            (
                "PL133",
                I,
                "changes[1].from_account_id",
                "\"1234-5678-9012\" is sent as 123456789012.",
                Some("123456789012"),
            ),
            (
                "PL505",
                E,
                "changes[1].from_account_id",
                "Changing the account 123456789012 is listed more than once.",
                None,
            ),
        ],
    );
    case(
        AWS,
        json!({"changes": [
            {"action": "add_endpoint_service", "name": SVC_A, "ports": [{"service": "ERP", "port": 8443}], "principal_allowed": true},
            {"action": "add_endpoint_service", "name": SVC_A, "ports": [{"service": "ERP", "port": 8444}], "principal_allowed": true}
        ]}),
        &[(
            "PL505",
            E,
            "changes[1].name",
            "Adding \"com.amazonaws.vpce.us-east-1.vpce-svc-0a1b2c3d4e5f60718\" is listed more than once.",
            None,
        )],
    );
    case(
        AZURE,
        json!({"changes": [
            {"action": "remove_endpoint_service", "name": "erp-pls.3f2504e0-4f89-11d3-9a0c-0305e82c3301.eastus2.azure.privatelinkservice"},
            {"action": "remove_endpoint_service", "name": "ERP-PLS.3F2504E0-4F89-11D3-9A0C-0305E82C3301.EASTUS2.azure.privatelinkservice"}
        ]}),
        &[(
            "PL505",
            E,
            "changes[1].name",
            "Removing \"ERP-PLS.3F2504E0-4F89-11D3-9A0C-0305E82C3301.EASTUS2.azure.p…\" is listed more than once.",
            None,
        )],
    );
}

#[test]
fn pl506_added_and_removed() {
    case(
        AWS,
        json!({"changes": [
            {"action": "remove_endpoint_service", "name": SVC_B},
            {"action": "add_endpoint_service", "name": SVC_B, "ports": [{"service": "ERP", "port": 8443}], "principal_allowed": true}
        ]}),
        &[(
            "PL506",
            E,
            "changes[1].name",
            "\"com.amazonaws.vpce.us-east-1.vpce-svc-0fedcba9876543210\" is both added and removed in this request.",
            None,
        )],
    );
}

#[test]
fn pl507_account_unchanged() {
    case(
        AWS,
        json!({"changes": [{"action": "change_account", "from_account_id": "123456789012", "to_account_id": "1234 5678 9012"}]}),
        &[
            (
                "PL133",
                I,
                "changes[0].to_account_id",
                "\"1234 5678 9012\" is sent as 123456789012.",
                Some("123456789012"),
            ),
            (
                "PL507",
                E,
                "changes[0].to_account_id",
                "The new account 123456789012 is the account allowed today, so nothing would change.",
                None,
            ),
        ],
    );
    // Azure subscription IDs compare without regard to case.
    case(
        AZURE,
        json!({"changes": [{"action": "change_account",
            "from_account_id": "7c9e6679-7425-40de-944b-e07fc1f90ae7",
            "to_account_id": "7C9E6679-7425-40DE-944B-E07FC1F90AE7"}]}),
        &[(
            "PL507",
            E,
            "changes[0].to_account_id",
            "The new account 7c9e6679-7425-40de-944b-e07fc1f90ae7 is the account allowed today, so nothing would change.",
            None,
        )],
    );
}

#[test]
fn account_rules_apply_at_change_paths() {
    case(
        AWS,
        json!({"changes": [{"action": "change_account", "from_account_id": "12345678901", "to_account_id": "402592597372"}]}),
        &[
            (
                "PL132",
                E,
                "changes[0].from_account_id",
                "\"12345678901\" is not an AWS account ID: it has 11 digits, and an AWS account ID has exactly 12.",
                None,
            ),
            (
                "PL137",
                E,
                "changes[0].to_account_id",
                "402592597372 is Adobe's own AWS account, not yours.",
                None,
            ),
        ],
    );
    case(
        AWS,
        json!({"changes": [{"action": "change_account", "from_account_id": 123456789012u64, "to_account_id": "7c9e6679-7425-40de-944b-e07fc1f90ae7"}]}),
        &[
            (
                "PL005",
                E,
                "changes[0].from_account_id",
                "AWS account ID allowed today must be text in quotes, not a number, so that leading zeros are kept.",
                Some("123456789012"),
            ),
            (
                "PL134",
                E,
                "changes[0].to_account_id",
                "\"7c9e6679-7425-40de-944b-e07fc1f90ae7\" is an Azure subscription ID, but the cloud is AWS.",
                None,
            ),
        ],
    );
    case(
        AZURE,
        json!({"changes": [{"action": "change_account", "from_account_id": "123456789012", "to_account_id": "7c9e6679742540de944be07fc1f90ae7"}]}),
        &[
            (
                "PL136",
                E,
                "changes[0].from_account_id",
                "\"123456789012\" is an AWS account ID, but the cloud is Azure.",
                None,
            ),
            (
                "PL135",
                E,
                "changes[0].to_account_id",
                "\"7c9e6679742540de944be07fc1f90ae7\" is not an Azure subscription ID, which reads 8-4-4-4-12 hexadecimal digits.",
                Some("7c9e6679-7425-40de-944b-e07fc1f90ae7"),
            ),
        ],
    );
}

#[test]
fn environment_rules_apply_at_change_paths() {
    case(
        AWS,
        json!({"changes": [
            {"action": "remove_connection", "environment": "integration"},
            {"action": "remove_connection", "environment": "prod"},
            {"action": "remove_connection", "environment": ["staging"]}
        ]}),
        &[
            (
                "PL162",
                E,
                "changes[0].environment",
                "Integration environments cannot use PrivateLink; only Production and Staging can.",
                None,
            ),
            (
                "PL162",
                E,
                "changes[1].environment",
                "\"prod\" is not an environment name; did you mean production?",
                Some("production"),
            ),
            (
                "PL005",
                E,
                "changes[2].environment",
                "Environment: give text, not a list.",
                None,
            ),
        ],
    );
}

#[test]
fn port_and_endpoint_rules_apply_at_change_paths() {
    case(
        AWS,
        json!({"changes": [{
            "action": "add_endpoint_service",
            "name": "com.amazonaws.vpce.eu-west-1.vpce-svc-0a1b2c3d4e5f60718",
            "ports": [{"service": "Shell", "port": 22}, {"service": "DB", "port": "70000"}, {"service": "Web", "port": 443}],
            "principal_allowed": false
        }]}),
        &[
            (
                "PL305",
                E,
                "changes[0].name",
                "\"com.amazonaws.vpce.eu-west-1.vpce-svc-0a1b2c3d4e5f60718\" is in eu-west-1, but the request's region is us-east-1.",
                None,
            ),
            (
                "PL213",
                W,
                "changes[0].ports[0].port",
                "Adobe's page does not say whether Adobe connects to a server of yours on port 22 (SSH).",
                None,
            ),
            (
                "PL203",
                E,
                "changes[0].ports[1].port",
                "Port 70000 is out of range; ports run from 1 to 65535 on AWS.",
                None,
            ),
            (
                "PL307",
                E,
                "changes[0].principal_allowed",
                "Adobe's principal is not confirmed as allowed on this endpoint service.",
                None,
            ),
        ],
    );
    case(
        AZURE,
        json!({"changes": [{"action": "remove_endpoint_service", "name": SVC_A}]}),
        &[(
            "PL309",
            E,
            "changes[0].name",
            "\"com.amazonaws.vpce.us-east-1.vpce-svc-0a1b2c3d4e5f60718\" is an AWS name, but the cloud is Azure.",
            None,
        )],
    );
    // Adobe connecting out to the customer's Private Link service on 443 is allowed on Azure,
    // and no principal is asked for; 443 into Adobe Commerce (open_ports without a name) is not.
    case(
        AZURE,
        json!({"changes": [{"action": "add_endpoint_service",
            "name": "/subscriptions/7c9e6679-7425-40de-944b-e07fc1f90ae7/resourceGroups/rg/providers/Microsoft.Network/privateLinkServices/pls",
            "ports": [{"service": "HTTPS", "port": 443}]},
            {"action": "open_ports", "ports": [{"service": "HTTPS", "port": 443}]}]}),
        &[(
            "PL205",
            E,
            "changes[1].ports[0].port",
            "Port 443 (HTTPS) into Adobe Commerce cannot be opened over Private Link on Azure.",
            None,
        )],
    );
}

/// The changes Adobe's "for example" list leaves out: another environment, ports opened or
/// closed on Adobe's side or on an endpoint service; each with the environments it applies to.
#[test]
fn new_changes_are_checked() {
    case(
        AWS,
        json!({"changes": [
            {"action": "add_environment", "environment": "integration"},
            {"action": "add_environment"},
            {"action": "open_ports"},
            {"action": "open_ports", "ports": [{"service": "SSH", "port": 22}], "environments": ["staging", "Staging", "master"]},
            {"action": "close_ports", "name": "com.amazonaws.vpce.us-east-1.vpce-svc-0a1b2c3d4e5f60718", "ports": [{"service": "SFTP", "port": 22}], "environments": "production"}
        ]}),
        &[
            ("PL162", E, "changes[0].environment", "Integration environments cannot use PrivateLink; only Production and Staging can.", None),
            ("PL504", E, "changes[1].environment", "This change needs the environment it concerns (production, staging or an additional staging environment).", None),
            ("PL504", E, "changes[2].ports", "This change needs the ports to open or close.", None),
            ("PL204", E, "changes[3].ports[0].port", "Port 22 is SSH into the Adobe Commerce environment, which cannot go over PrivateLink.", None),
            ("PL163", W, "changes[3].environments[1]", "Staging is listed more than once.", None),
            ("PL162", E, "changes[3].environments[2]", "\"master\" is the Integration environment's main branch, and Integration cannot use PrivateLink.", None),
            ("PL213", W, "changes[4].ports[0].port", "Adobe's page does not say whether Adobe connects to a server of yours on port 22 (SSH).", None),
            ("PL005", E, "changes[4].environments", "Environments it applies to (optional): give a list such as [\"production\"], not the text \"production\".", None),
        ],
    );
    case(
        AWS,
        json!({"changes": [{"action": "add_environment", "environment": "staging-b"}]}),
        &[("PL164", Severity::Info, "changes[0].environment", "\"staging-b\" is read as an additional staging environment; check that it is the ID the Cloud Console shows.", None)],
    );
}

/// Changes that undo each other, and port changes listed twice.
#[test]
fn new_changes_conflict_and_repeat() {
    case(
        AWS,
        json!({"changes": [
            {"action": "add_environment", "environment": "staging"},
            {"action": "remove_connection", "environment": "Staging"},
            {"action": "open_ports", "ports": [{"service": "Redis", "port": 6379}, {"service": "DB", "port": 3306}]},
            {"action": "close_ports", "ports": [{"service": "MySQL", "port": 3306}]},
            {"action": "close_ports", "name": SVC_A, "ports": [{"service": "MySQL", "port": 3306}]},
            {"action": "open_ports", "ports": [{"service": "DB", "port": 3306}, {"service": "Redis", "port": 6379}]},
            {"action": "open_ports", "ports": [{"service": "Redis", "port": 6379}], "environments": ["production"]}
        ]}),
        &[
            (
                "PL506",
                E,
                "changes[1].environment",
                "The Staging environment is both added and removed in this request.",
                None,
            ),
            (
                "PL506",
                E,
                "changes[3].ports[0].port",
                "Port 3306/TCP is both opened and closed in this request.",
                None,
            ),
            (
                "PL505",
                E,
                "changes[5].ports",
                "Opening these ports is listed more than once.",
                None,
            ),
        ],
    );
}

#[test]
fn fields_of_another_action_are_unknown() {
    case(
        AWS,
        json!({"changes": [{"action": "remove_connection", "environment": "staging", "name": SVC_A}]}),
        &[(
            "PL004",
            W,
            "changes[0].name",
            "The field \"name\" is not part of the request and is ignored.",
            None,
        )],
    );
}

#[test]
fn every_problem_is_reported_at_once() {
    let checked = case(
        AWS,
        json!({"changes": [
            {"action": "remove_connection"},
            {"action": "nope"},
            {"action": "change_account", "from_account_id": "123456789012", "to_account_id": "123456789012"}
        ]}),
        &[
            (
                "PL504",
                E,
                "changes[0].environment",
                "This change needs the environment it concerns (production, staging or an additional staging environment).",
                None,
            ),
            (
                "PL503",
                E,
                "changes[1].action",
                "\"nope\" is not a change action; the actions are add_environment, remove_connection, change_account, add_endpoint_service, remove_endpoint_service, open_ports and close_ports.",
                None,
            ),
            (
                "PL507",
                E,
                "changes[2].to_account_id",
                "The new account 123456789012 is the account allowed today, so nothing would change.",
                None,
            ),
        ],
    );
    assert_eq!(checked.report.count(E), 3);
}

fn ticket_snapshots(base: &str, name: &str) {
    let checked = privatelink_prep::check_json(&common::request(base)).unwrap();
    let request = checked.request.expect("valid example");
    for (format, ext) in [
        (Format::Text, "txt"),
        (Format::Markdown, "md"),
        (Format::Json, "json"),
    ] {
        let t = render(&request, format);
        assert_eq!(
            t.subject,
            format!("PrivateLink change for {}", request.company())
        );
        let body = if format == Format::Json {
            t.body
        } else {
            format!("Subject: {}\n\n{}", t.subject, t.body)
        };
        common::assert_snapshot(&format!("ticket-{name}.{ext}"), &body);
    }
}

#[test]
fn ticket_change_aws() {
    ticket_snapshots(AWS, "change-aws");
}

#[test]
fn ticket_change_azure() {
    ticket_snapshots(AZURE, "change-azure");
}

#[test]
fn change_ticket_markdown_escapes_user_text() {
    let checked = privatelink_prep::check_json(&common::request(AZURE)).unwrap();
    let t = render(&checked.request.unwrap(), Format::Markdown);
    assert!(t.body.contains("Fabrikam \\<Wholesale\\> \\& \\*Sons\\*"));
    assert!(t.body.contains("CRM \\[events\\]"));
    assert!(!t.body.contains("<Wholesale>"));
}

#[test]
fn change_ticket_json_has_one_entry_per_change() {
    let checked = privatelink_prep::check_json(&common::request(AWS)).unwrap();
    let t = render(checked.request.as_ref().unwrap(), Format::Json);
    let v: serde_json::Value = serde_json::from_str(&t.body).unwrap();
    assert_eq!(v["subject"], "PrivateLink change for Acme Outdoor, Inc.");
    assert_eq!(v["request"]["kind"], "change");
    // The bodies ride along, so an integration can post the ticket as it is.
    assert_eq!(
        v["body"],
        render(checked.request.as_ref().unwrap(), Format::Text).body
    );
    assert_eq!(
        v["markdown"],
        render(checked.request.as_ref().unwrap(), Format::Markdown).body
    );
    let changes = v["request"]["changes"].as_array().unwrap();
    assert_eq!(changes.len(), 7);
    assert_eq!(changes[0]["action"], "remove_connection");
    assert_eq!(changes[0]["environment"], "staging");
    assert_eq!(changes[1]["to_account_id"], "210987654321");
    assert_eq!(changes[2]["principal"], "arn:aws:iam::402592597372:root");
    assert_eq!(changes[2]["environments"], json!(["production"]));
    assert_eq!(changes[3]["name"], SVC_B);
    assert_eq!(
        changes[4],
        json!({"action": "add_environment", "environment": "production", "summary": "Connect the Production environment through AWS PrivateLink too, with the setup of the environments connected today (account, ports and endpoint services)."})
    );
    assert_eq!(changes[5]["name"], serde_json::Value::Null);
    assert_eq!(changes[6]["name"], SVC_A);
    // The normalised request is itself a valid change document.
    let again = privatelink_prep::check_json(&v["request"].to_string()).unwrap();
    assert!(
        again.report.diagnostics.iter().all(|d| d.severity != E),
        "{:?}",
        again.report
    );
}

/// On Azure the change ticket never mentions the AWS principal, and its JSON carries none.
#[test]
fn azure_change_ticket_has_no_principal() {
    let checked = privatelink_prep::check_json(&common::request(AZURE)).unwrap();
    let request = checked.request.unwrap();
    for f in [Format::Text, Format::Markdown, Format::Json] {
        let body = render(&request, f).body;
        assert!(!body.contains("principal"), "{body}");
        assert!(!body.contains("402592597372"), "{body}");
        assert!(!body.contains("endpoint service"), "{body}");
    }
    let v: serde_json::Value = serde_json::from_str(&render(&request, Format::Json).body).unwrap();
    assert!(v["request"]["changes"][2]
        .get("principal_allowed")
        .is_none());
}

#[test]
fn pl506_removed_after_being_added() {
    case(
        AWS,
        json!({"changes": [
            {"action": "add_endpoint_service", "name": SVC_B, "ports": [{"service": "ERP", "port": 8443}], "principal_allowed": true},
            {"action": "remove_endpoint_service", "name": SVC_B}
        ]}),
        &[(
            "PL506",
            E,
            "changes[1].name",
            "\"com.amazonaws.vpce.us-east-1.vpce-svc-0fedcba9876543210\" is both added and removed in this request.",
            None,
        )],
    );
}

#[test]
fn different_endpoint_services_may_be_added_and_removed() {
    let checked = case(
        AWS,
        json!({"changes": [
            {"action": "remove_endpoint_service", "name": SVC_A},
            {"action": "add_endpoint_service", "name": SVC_B, "ports": [{"service": "ERP", "port": 8443}], "principal_allowed": true},
            {"action": "remove_connection", "environment": "staging"},
            {"action": "remove_connection", "environment": "production"}
        ]}),
        &[],
    );
    let Some(Request::Change(change)) = checked.request else {
        panic!("a change request");
    };
    assert_eq!(change.changes.len(), 4);
}

#[test]
fn pl504_null_counts_as_missing() {
    case(
        AWS,
        json!({"changes": [{"action": "REMOVE_CONNECTION", "environment": null}]}),
        &[(
            "PL504",
            E,
            "changes[0].environment",
            "This change needs the environment it concerns (production, staging or an additional staging environment).",
            None,
        )],
    );
}

/// The same conflicts listed the other way round, and the clashing port found by number and
/// protocol wherever it is in the list.
#[test]
fn conflicts_in_either_order() {
    case(
        AWS,
        json!({"changes": [
            {"action": "remove_connection", "environment": "staging"},
            {"action": "add_environment", "environment": "Staging"},
            {"action": "close_ports", "ports": [{"service": "DB", "port": 3306}]},
            {"action": "open_ports", "ports": [
                {"service": "Web", "port": 8080},
                {"service": "DNS", "port": 3306, "protocol": "udp"},
                {"service": "MySQL", "port": 3306}
            ]}
        ]}),
        &[
            (
                "PL506",
                E,
                "changes[1].environment",
                "The Staging environment is both added and removed in this request.",
                None,
            ),
            (
                "PL212",
                W,
                "changes[3].ports[1].protocol",
                "AWS PrivateLink carries UDP, but Adobe's page does not say whether Adobe accepts it.",
                None,
            ),
            (
                "PL506",
                E,
                "changes[3].ports[2].port",
                "Port 3306/TCP is both opened and closed in this request.",
                None,
            ),
        ],
    );
}

#[test]
fn only_opening_ports_on_an_azure_alias_warns() {
    let alias = "erp-pls.3f2504e0-4f89-11d3-9a0c-0305e82c3301.eastus2.azure.privatelinkservice";
    let checked = privatelink_prep::check(&common::doc(
        AZURE,
        json!({"changes": [
            {"action": "close_ports", "name": alias, "ports": [{"service": "ERP", "port": 8443}]}
        ]}),
    ));
    assert_eq!(checked.report.diagnostics, vec![], "closing");
    let checked = privatelink_prep::check(&common::doc(
        AZURE,
        json!({"changes": [
            {"action": "open_ports", "name": alias, "ports": [{"service": "ERP", "port": 8443}]}
        ]}),
    ));
    let codes: Vec<(&str, &str)> = checked
        .report
        .diagnostics
        .iter()
        .map(|d| (d.code, d.field.as_str()))
        .collect();
    assert_eq!(codes, [("PL311", "changes[0].name")], "opening");
}
