//! The read-only commands whose outputs the evidence checks read, filled with the request's
//! values: the guide's first step holds them (before the ticket is sent), and the page's paste
//! areas show them (`crate::evidence::commands`, for a draft). Not behind the feature
//! `evidence`: the guide is the same in every build.

use crate::ids::EndpointServiceName;
use crate::regions::Cloud;
use crate::shell::CommandLine;

// Placeholders for what a draft does not hold yet (a checked request holds them all).
const REGION: &str = "<region>";
const SERVICE_ID: &str = "<vpce-svc-id>";
const SUBSCRIPTION: &str = "<subscription-id>";
const PLS_ID: &str = "<private-link-service-resource-id>";

/// What the commands are filled with.
pub struct Target<'a> {
    pub cloud: Cloud,
    /// The region code, when known.
    pub region: Option<&'static str>,
    /// Azure: the subscription ID, when valid.
    pub subscription: Option<&'a str>,
    /// Bidirectional: each endpoint service's name, when valid.
    pub services: Vec<Option<EndpointServiceName>>,
}

/// One command: where its output belongs (`""` or `endpoint_services[i]`), what it prints (the
/// kind of `crate::evidence::Kind`), the line, and what its output proves. The guide reads
/// only the line and the purpose.
#[cfg_attr(not(feature = "evidence"), allow(dead_code))]
pub struct Line {
    pub attach_to: String,
    pub kind: &'static str,
    pub line: CommandLine,
    pub purpose: &'static str,
}

/// The commands for `t`, request-level first, then each endpoint service's.
pub fn lines(t: &Target) -> Vec<Line> {
    let region = t.region;
    let mut out = Vec::new();
    let mut push = |attach_to: String, kind: &'static str, line: CommandLine, purpose| {
        out.push(Line {
            attach_to,
            kind,
            line,
            purpose,
        })
    };
    match t.cloud {
        Cloud::Aws => push(
            String::new(),
            "aws-caller-identity",
            CommandLine::new("aws sts get-caller-identity --output=json"),
            "The account the AWS CLI runs in: confirms the AWS account ID.",
        ),
        Cloud::Azure => push(
            String::new(),
            "azure-account",
            CommandLine::new("az account show")
                .opt("--subscription", t.subscription, SUBSCRIPTION)
                .fixed("--output=json"),
            "The subscription: confirms its ID, that it is enabled and in Azure's public cloud.",
        ),
    }
    for (i, name) in t.services.iter().enumerate() {
        let at = format!("endpoint_services[{i}]");
        match t.cloud {
            Cloud::Aws => {
                let sid = name
                    .as_ref()
                    .and_then(|n| n.service_id().map(|i| i.as_str().to_string()));
                let config = || {
                    CommandLine::new("aws ec2 describe-vpc-endpoint-service-configurations")
                        .opt("--service-ids", sid.clone(), SERVICE_ID)
                        .opt("--region", region, REGION)
                };
                push(
                    at.clone(),
                    "aws-endpoint-service-configurations",
                    config().fixed("--output=json"),
                    "The endpoint service: confirms its name, that it is Available, and the region and account of its Network Load Balancer.",
                );
                push(
                    at.clone(),
                    "aws-endpoint-service-permissions",
                    CommandLine::new("aws ec2 describe-vpc-endpoint-service-permissions")
                        .opt("--service-id", sid.clone(), SERVICE_ID)
                        .opt("--region", region, REGION)
                        .fixed("--output=json"),
                    "Who may connect: confirms that Adobe's principal arn:aws:iam::402592597372:root is allowed.",
                );
                let nlb = config().fixed(
                    "--query='ServiceConfigurations[0].NetworkLoadBalancerArns[0]' --output=text",
                );
                push(
                    at,
                    "aws-listeners",
                    CommandLine::captured("nlb", nlb)
                        .fixed("aws elbv2 describe-listeners --load-balancer-arn=\"$nlb\"")
                        .opt("--region", region, REGION)
                        .fixed("--output=json"),
                    "The listeners of its Network Load Balancer: confirms each port and protocol.",
                );
            }
            Cloud::Azure => {
                let line = match name {
                    Some(EndpointServiceName::AzureAlias { alias, .. }) => {
                        // The alias is checked (letters, digits, `.-_`): it cannot end the
                        // JMESPath string.
                        CommandLine::new("az network private-link-service list").opt(
                            "--query",
                            Some(format!("[?alias==`\"{alias}\"`] | [0]")),
                            PLS_ID,
                        )
                    }
                    named => CommandLine::new("az network private-link-service show").opt(
                        "--ids",
                        named.as_ref().map(|n| n.to_string()),
                        PLS_ID,
                    ),
                };
                push(
                    at,
                    "azure-private-link-service",
                    line.fixed("--output=json"),
                    "The Private Link service: confirms its resource ID, region and provisioning, and its load balancer frontend.",
                );
            }
        }
    }
    out
}
