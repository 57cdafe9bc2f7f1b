//! The customer's words: messages name the form's labels (never a document path), normalised
//! values are quiet notes, and what the hints invite (a city for a region, a pasted ARN or
//! Cloud Console address) comes back with the value to use.

mod common;

#[cfg(target_arch = "wasm32")]
use wasm_bindgen_test::wasm_bindgen_test as test;

use privatelink_prep::labels;
use privatelink_prep::rules::RULES;
use privatelink_prep::{check, Diagnostic, Severity};
use serde_json::{json, Value};

use Severity::{Error as E, Info as I};

/// The diagnostics of `base` patched with `patch`.
fn diags(base: &str, patch: Value) -> Vec<Diagnostic> {
    check(&common::doc(base, patch)).report.diagnostics
}

/// Exactly one diagnostic, with this code, severity, field, message and choices.
fn one(base: &str, patch: Value, expected: (&str, Severity, &str, &str, &[&str])) {
    let got = diags(base, patch.clone());
    let (code, severity, field, message, choices) = expected;
    assert_eq!(got.len(), 1, "patch {patch}: {got:#?}");
    let d = &got[0];
    assert_eq!(
        (d.code, d.severity, d.field.as_str(), d.message.as_str()),
        (code, severity, field, message),
        "patch {patch}"
    );
    // One choice is `suggestion` alone; `suggestions` lists two or more (the page offers them).
    let listed: Vec<&str> = d.suggestions.iter().map(String::as_str).collect();
    let want: &[&str] = if choices.len() > 1 { choices } else { &[] };
    assert_eq!(listed, want, "patch {patch}: suggestions");
    assert_eq!(
        d.suggestion.as_deref(),
        choices.first().copied(),
        "patch {patch}"
    );
}

#[test]
fn a_city_or_country_names_its_region() {
    one(
        "aws-unidirectional.json",
        json!({"region": "Ireland"}),
        (
            "PL129",
            E,
            "region",
            "\"Ireland\" is a place, not a region; its AWS region is eu-west-1, Europe (Ireland).",
            &["eu-west-1"],
        ),
    );
    one(
        "aws-unidirectional.json",
        json!({"region": "frankfurt"}),
        (
            "PL129",
            E,
            "region",
            "\"frankfurt\" is a place, not a region; its AWS region is eu-central-1, Europe (Frankfurt).",
            &["eu-central-1"],
        ),
    );
    one(
        "azure-unidirectional.json",
        json!({"region": "Tokyo"}),
        (
            "PL129",
            E,
            "region",
            "\"Tokyo\" is a place, not a region; its Azure region is japaneast, Japan East.",
            &["japaneast"],
        ),
    );
    one(
        "azure-unidirectional.json",
        json!({"region": "Ireland"}),
        (
            "PL129",
            E,
            "region",
            "\"Ireland\" is a place, not a region; its Azure region is northeurope, North Europe.",
            &["northeurope"],
        ),
    );
    one(
        "aws-unidirectional.json",
        json!({"region": "Japan"}),
        (
            "PL129",
            E,
            "region",
            "\"Japan\" is a place, not a region; its AWS regions are ap-northeast-1, Asia Pacific (Tokyo); or ap-northeast-3, Asia Pacific (Osaka): choose the one your Adobe Commerce instance runs in.",
            &["ap-northeast-1", "ap-northeast-3"],
        ),
    );
    one(
        "azure-unidirectional.json",
        json!({"region": "Japan"}),
        (
            "PL129",
            E,
            "region",
            "\"Japan\" is a place, not a region; its Azure regions are japaneast, Japan East; or japanwest, Japan West: choose the one your Adobe Commerce instance runs in.",
            &["japaneast", "japanwest"],
        ),
    );
    one(
        "aws-unidirectional.json",
        json!({"region": "Virginia"}),
        (
            "PL129",
            E,
            "region",
            "\"Virginia\" is a place, not a region; its AWS region is us-east-1, US East (N. Virginia).",
            &["us-east-1"],
        ),
    );
    // A region announced but not yet in service (PL128) is named, never offered as a choice.
    one(
        "aws-unidirectional.json",
        json!({"region": "Saudi Arabia"}),
        (
            "PL129",
            E,
            "region",
            "\"Saudi Arabia\" is a place, not a region; its AWS region me-west-1, Middle East (Saudi Arabia), is announced but not yet in service.",
            &[],
        ),
    );
    one(
        "azure-unidirectional.json",
        json!({"region": "Chile"}),
        (
            "PL129",
            E,
            "region",
            "\"Chile\" is a place, not a region; its Azure region is chilecentral, Chile Central.",
            &["chilecentral"],
        ),
    );
    // Microsoft's list: a United States geography and a state of Australia that both clouds serve.
    one(
        "aws-unidirectional.json",
        json!({"region": "Victoria"}),
        (
            "PL129",
            E,
            "region",
            "\"Victoria\" is a place, not a region; its AWS region is ap-southeast-4, Asia Pacific (Melbourne).",
            &["ap-southeast-4"],
        ),
    );
    let usa = diags("azure-unidirectional.json", json!({"region": "USA"}));
    assert_eq!(usa.len(), 1, "{usa:#?}");
    assert_eq!(
        usa[0].suggestions,
        [
            "centralus",
            "eastus",
            "eastus2",
            "northcentralus",
            "southcentralus",
            "westcentralus",
            "westus",
            "westus2",
            "westus3"
        ]
    );
    assert!(
        usa[0]
            .message
            .contains("westus2, West US 2; or westus3, West US 3: choose"),
        "{}",
        usa[0].message
    );
    // A display name is still read as before, quietly.
    one(
        "azure-unidirectional.json",
        json!({"region": "Germany West Central"}),
        (
            "PL123",
            I,
            "region",
            "\"Germany West Central\" is sent as the region code germanywestcentral.",
            &[],
        ),
    );
}

#[test]
fn an_arn_or_caller_identity_yields_the_account() {
    one(
        "aws-unidirectional.json",
        json!({"account_id": "arn:aws:iam::123456789012:user/admin"}),
        (
            "PL139",
            E,
            "account_id",
            "\"arn:aws:iam::123456789012:user/admin\" is an ARN; the AWS account ID in it is 123456789012.",
            &["123456789012"],
        ),
    );
    let pasted = r#"{ "UserId": "AIDASAMPLEUSERID", "Account": "123456789012", "Arn": "arn:aws:iam::123456789012:user/DevAdmin" }"#;
    let got = diags("aws-unidirectional.json", json!({ "account_id": pasted }));
    assert_eq!(got.len(), 1, "{got:#?}");
    assert_eq!((got[0].code, got[0].severity), ("PL139", E));
    assert!(
        got[0].message
            == "This is the output of `aws sts get-caller-identity`; the AWS account ID in it is 123456789012.",
        "{}",
        got[0].message
    );
    assert_eq!(got[0].suggestion.as_deref(), Some("123456789012"));
    // Adobe's own principal pasted: named as Adobe's account, not offered.
    one(
        "aws-unidirectional.json",
        json!({"account_id": "arn:aws:iam::402592597372:root"}),
        (
            "PL137",
            E,
            "account_id",
            "402592597372 is Adobe's own AWS account, not yours.",
            &[],
        ),
    );
}

#[test]
fn a_cloud_console_address_yields_the_project_id() {
    one(
        "aws-unidirectional.json",
        json!({"project_id": "https://console.adobecommerce.com/acme/yw1unoukjcawe/production"}),
        (
            "PL149",
            E,
            "project_id",
            "This is an address of the Cloud Console; the project ID in it is yw1unoukjcawe.",
            &["yw1unoukjcawe"],
        ),
    );
    one(
        "aws-unidirectional.json",
        json!({"project_id": "https://eu-3.magento.cloud/projects/yw1unoukjcawe/environments/staging"}),
        (
            "PL149",
            E,
            "project_id",
            "This is an address of the Cloud Console; the project ID in it is yw1unoukjcawe.",
            &["yw1unoukjcawe"],
        ),
    );
}

#[test]
fn a_port_list_protocol_or_range_is_explained_with_the_ports() {
    let port = |v: &str| json!({"ports": [{"service": "Web", "port": v}]});
    // The row's protocol (TCP when left out) is the one typed: the port alone is the fix.
    one(
        "aws-unidirectional.json",
        port("443/tcp"),
        (
            "PL202",
            E,
            "ports[0].port",
            "\"443/tcp\" names the protocol too, TCP, which the row has already: enter the port alone, 443.",
            &["443"],
        ),
    );
    // Another protocol typed than the row's: both must change, so no "Use 514" that would
    // keep TCP.
    one(
        "azure-unidirectional.json",
        port("514/UDP"),
        (
            "PL202",
            E,
            "ports[0].port",
            "\"514/UDP\" names the protocol too: enter the port alone, 514, and choose UDP as the protocol.",
            &[],
        ),
    );
    one(
        "azure-unidirectional.json",
        json!({"ports": [{"service": "Syslog", "port": "udp 514", "protocol": "UDP"}]}),
        (
            "PL202",
            E,
            "ports[0].port",
            "\"udp 514\" names the protocol too, UDP, which the row has already: enter the port alone, 514.",
            &["514"],
        ),
    );
    // Not a port at all: explained, nothing offered.
    one(
        "aws-unidirectional.json",
        port("http"),
        (
            "PL202",
            E,
            "ports[0].port",
            "\"http\" is not a port number; a port is a whole number such as 3306.",
            &[],
        ),
    );
}

/// The one port diagnostic of `patch`: its field, message, suggestion and the rows it splits
/// into.
fn split_of(base: &str, patch: Value) -> (String, String, Option<String>, Vec<String>) {
    let mut got = diags(base, patch.clone());
    got.retain(|d| d.code == "PL202");
    assert_eq!(got.len(), 1, "patch {patch}: {got:#?}");
    let d = got.into_iter().next().unwrap();
    assert_eq!((d.code, d.severity), ("PL202", E), "patch {patch}");
    assert!(d.suggestions.is_empty(), "patch {patch}");
    (d.field, d.message, d.suggestion, d.split)
}

#[test]
fn a_port_list_or_short_range_splits_into_rows_wherever_ports_are_listed() {
    let rows = |v: &[&str]| v.iter().map(|s| s.to_string()).collect::<Vec<_>>();
    let row = |v: &str| json!([{"service": "Web", "port": v}]);
    assert_eq!(
        split_of("aws-unidirectional.json", json!({"ports": row("80,443")})),
        (
            "ports[0].port".into(),
            "\"80,443\" lists 2 ports, 80 and 443, and a row holds one: split it into a row for each.".into(),
            None,
            rows(&["80", "443"]),
        )
    );
    // Any separator, leading zeros dropped, a port named twice split once.
    assert_eq!(
        split_of("aws-unidirectional.json", json!({"ports": row("80; 0443 8080 80")})),
        (
            "ports[0].port".into(),
            "\"80; 0443 8080 80\" lists 3 ports, 80, 443 and 8080, and a row holds one: split it into a row for each.".into(),
            None,
            rows(&["80", "443", "8080"]),
        )
    );
    let services = json!({"endpoint_services": [{"name": "com.amazonaws.vpce.us-east-1.vpce-svc-0a1b2c3d4e5f60718", "ports": row("2222,3306")}]});
    let (field, _, suggestion, split) = split_of("aws-bidirectional.json", services);
    assert_eq!(
        (field.as_str(), suggestion, split),
        (
            "endpoint_services[0].ports[0].port",
            None,
            rows(&["2222", "3306"])
        )
    );
    // Change requests: only where the change checks are built (the CLI, not the page's main module).
    #[cfg(feature = "change")]
    {
        let change = json!({"changes": [{"action": "open_ports", "ports": row("8000-8003")}]});
        assert_eq!(
            split_of("change-azure.json", change),
            (
                "changes[0].ports[0].port".into(),
                "\"8000-8003\" is a range of 4 ports, 8000, 8001, 8002 and 8003; Adobe opens single ports, not ranges: split it into a row for each.".into(),
                None,
                rows(&["8000", "8001", "8002", "8003"]),
            )
        );
    }
    // Ten ports split; eleven are explained, with nothing to apply.
    let (_, _, _, ten) = split_of(
        "azure-unidirectional.json",
        json!({"ports": row("8000-8009")}),
    );
    assert_eq!(ten.len(), 10);
    assert_eq!(
        split_of("azure-unidirectional.json", json!({"ports": row("8000-8010")})),
        (
            "ports[0].port".into(),
            "\"8000-8010\" is a range of 11 ports; Adobe opens single ports, not ranges: add a row for each port your services listen on.".into(),
            None,
            Vec::new(),
        )
    );
}

#[test]
fn normalised_values_are_quiet_notes() {
    for (patch, code) in [
        (json!({"account_id": "1234-5678-9012"}), "PL133"),
        (json!({"project_id": "YW1UNOUKJCAWE"}), "PL143"),
        (json!({"region": "Europe (Ireland)"}), "PL123"),
    ] {
        let checked = check(&common::doc("aws-unidirectional.json", patch.clone()));
        let d = &checked.report.diagnostics;
        assert_eq!(d.len(), 1, "{patch}");
        assert_eq!((d[0].code, d[0].severity), (code, I), "{patch}");
        assert!(d[0].message.contains(" is sent as "), "{}", d[0].message);
        assert!(checked.request.is_some(), "{patch}");
    }
}

/// A document path as it could leak into a sentence: a field name with an underscore or a dot
/// (`to_account_id`, `customer_network.vpc_id`), or a top-level name in backticks.
fn document_paths() -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    for l in labels::all() {
        for part in l.field.split(['.', '[', ']']).filter(|p| p.contains('_')) {
            if !out.iter().any(|o| o == part) {
                out.push(part.to_string());
            }
        }
        if !l.field.contains(['.', '[']) {
            out.push(format!("`{}`", l.field));
        }
    }
    out.push("list production, staging".into());
    out
}

/// `template` without its `{@field}` placeholders.
fn without_label_refs(template: &str) -> String {
    let mut out = String::new();
    let mut rest = template;
    while let Some((before, after)) = rest.split_once("{@") {
        out.push_str(before);
        rest = after.split_once('}').map_or("", |(_, tail)| tail);
    }
    out + rest
}

/// Whether `text` has `path` as a word of its own (`endpoint_service`, not the action
/// `add_endpoint_service`, a value the change form's menu offers by its own words).
fn names(text: &str, path: &str) -> bool {
    let word = |c: char| c.is_ascii_alphanumeric() || c == '_';
    text.match_indices(path)
        .any(|(i, _)| !text[..i].ends_with(word) && !text[i + path.len()..].starts_with(word))
}

/// Rules about the document's own shape, reported only on a file: they name its keys.
const DOCUMENT_RULES: &[&str] = &["PL001", "PL002", "PL003", "PL004", "PL006"];

#[test]
fn no_message_or_help_names_a_document_path() {
    let paths = document_paths();
    for r in RULES.iter().filter(|r| !DOCUMENT_RULES.contains(&r.code)) {
        for template in r.messages.iter().chain([&r.help]) {
            // `{@field}` is filled with that field's label.
            let text = without_label_refs(template);
            for p in &paths {
                assert!(
                    !names(&text, p),
                    "{}: {text:?} names the document path {p}",
                    r.code
                );
            }
        }
    }
}

#[test]
fn every_rule_has_its_message_in_the_catalogue() {
    let missing: Vec<&str> = RULES
        .iter()
        .filter(|r| r.messages.is_empty())
        .map(|r| r.code)
        .collect();
    assert!(
        missing.is_empty(),
        "rules without a message template: {missing:?}"
    );
}

#[test]
fn labels_follow_the_cloud_and_the_row() {
    use privatelink_prep::regions::Cloud;
    assert_eq!(
        labels::label("changes[0].to_account_id", Some(Cloud::Aws)).as_deref(),
        Some("New AWS account ID")
    );
    assert_eq!(
        labels::label("changes[0].to_account_id", Some(Cloud::Azure)).as_deref(),
        Some("New Azure subscription ID")
    );
    assert_eq!(
        labels::label("customer_network.subnet_ids[2]", Some(Cloud::Aws)).as_deref(),
        Some("Subnet ID 3")
    );
    // A help names the fields by their labels, on the request's cloud (a change request's).
    #[cfg(feature = "change")]
    {
        let d = diags(
            "change-azure.json",
            json!({"changes": [{"action": "change_account",
                "from_account_id": "11111111-2222-3333-4444-555555555555",
                "to_account_id": "11111111-2222-3333-4444-555555555555"}]}),
        );
        let unchanged = d.iter().find(|d| d.code == "PL507").expect("PL507");
        assert_eq!(
            unchanged.help,
            "New Azure subscription ID is for the account that connects from now on; it must differ from Azure subscription ID allowed today."
        );
    }
    // A label in a message follows the request's cloud.
    let d = diags(
        "azure-unidirectional.json",
        json!({"account_id": 123456789012_u64}),
    );
    assert_eq!(
        d[0].message,
        "Azure subscription ID must be text in quotes, not a number, so that leading zeros are kept."
    );
}
