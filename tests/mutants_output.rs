//! Output that mutation testing (`bash scripts/mutants.sh`) found unchecked, asserted as the user
//! reads it: the exact lines of the ticket, the guide and the CLI.
#![cfg(not(target_arch = "wasm32"))]

mod common;

use privatelink_prep::{render, Format};
use serde_json::{json, Value};

/// The ticket of `tests/requests/<base>` patched with `patch`, in `format`; the request must be
/// valid.
fn ticket(base: &str, patch: Value, format: Format) -> String {
    let checked = privatelink_prep::check(&common::doc(base, patch));
    let request = checked
        .request
        .unwrap_or_else(|| panic!("{:?}", checked.report));
    render(&request, format).body
}

/// A change for several environments names each, the last after "and".
#[test]
fn a_change_names_every_environment_it_applies_to() {
    let change = |envs: Value| {
        json!({"changes": [{"action": "open_ports", "ports": [{"service": "Redis", "port": 6379}],
            "environments": envs}]})
    };
    let line = |envs: Value, format: Format| {
        ticket("change-aws.json", change(envs), format)
            .lines()
            .find(|l| l.contains("6379"))
            .map(str::to_string)
    };
    assert_eq!(
        line(json!(["production", "staging"]), Format::Text).as_deref(),
        Some("  - Open port 6379/TCP (Redis) in Adobe Commerce for connections from our VPC, in Production and Staging.")
    );
    assert_eq!(
        line(json!(["staging"]), Format::Markdown).as_deref(),
        Some("- Open port 6379/TCP (Redis) in Adobe Commerce for connections from our VPC, in Staging.")
    );
}

/// The format names the CLI's `--format` and the page's `renderTicket`/`renderGuide` take.
#[test]
fn every_format_name_is_read() {
    for (name, format) in [
        ("text", Format::Text),
        ("txt", Format::Text),
        ("markdown", Format::Markdown),
        ("md", Format::Markdown),
        ("json", Format::Json),
    ] {
        assert_eq!(Format::parse(name), Some(format), "{name}");
    }
    for other in ["", "Text", "html", "JSON", "mdx"] {
        assert_eq!(Format::parse(other), None, "{other}");
    }
}

/// `CommandLine::value_or`: a known value, quoted as a shell word, or the placeholder.
#[test]
fn a_command_takes_the_value_or_its_placeholder() {
    use privatelink_prep::shell::CommandLine;
    let line = |v: Option<&str>| {
        CommandLine::new("aws ec2 describe-vpcs --vpc-ids")
            .value_or(v, "<your-vpc-id>")
            .render()
    };
    assert_eq!(
        line(Some("vpc-0a1b2c3d")),
        "aws ec2 describe-vpcs --vpc-ids vpc-0a1b2c3d"
    );
    assert_eq!(
        line(Some("vpc 1; rm -rf /")),
        "aws ec2 describe-vpcs --vpc-ids 'vpc 1; rm -rf /'"
    );
    assert_eq!(line(None), "aws ec2 describe-vpcs --vpc-ids <your-vpc-id>");
}
