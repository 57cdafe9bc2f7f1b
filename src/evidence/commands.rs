//! The read-only commands whose outputs the evidence checks read, filled with what the request
//! declares so far (a draft counts: a value not yet valid becomes a placeholder). The page shows
//! them beside each paste area; the guide's first step holds the same.

use serde::Serialize;
use serde_json::Value;

use crate::ids::EndpointServiceName;
use crate::regions::{self, Cloud, Lookup};
use crate::shell::CommandLine;

use super::Kind;

/// One command to run, and where its output belongs.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct EvidenceCommand {
    /// `""` for the request as a whole, or `endpoint_services[i]`.
    #[serde(rename = "attachTo")]
    pub attach_to: String,
    /// What the output is (see [`Kind::as_str`]).
    pub kind: &'static str,
    /// One line of POSIX shell, read-only; request values validated or quoted.
    pub command: String,
    /// What the output proves.
    pub purpose: String,
}

// Placeholders for what the request does not hold yet.
const REGION: &str = "<region>";
const SERVICE_ID: &str = "<vpce-svc-id>";
const SUBSCRIPTION: &str = "<subscription-id>";
const PLS_ID: &str = "<private-link-service-resource-id>";

fn text(v: Option<&Value>) -> Option<&str> {
    v.and_then(Value::as_str).map(str::trim)
}

/// The commands for document `doc` (checked or not); none before its cloud is known.
pub fn commands(doc: &Value) -> Vec<EvidenceCommand> {
    let Some(cloud) = doc
        .get("cloud")
        .and_then(Value::as_str)
        .and_then(Cloud::parse)
    else {
        return Vec::new();
    };
    let region =
        doc.get("region")
            .and_then(Value::as_str)
            .and_then(|r| match regions::lookup(cloud, r) {
                Lookup::Code(r) | Lookup::DisplayName(r) => Some(r.code),
                _ => None,
            });
    let mut out = Vec::new();
    let mut push = |attach_to: String, kind: Kind, line: CommandLine, purpose: String| {
        out.push(EvidenceCommand {
            attach_to,
            kind: kind.as_str(),
            command: line.render(),
            purpose,
        })
    };
    match cloud {
        Cloud::Aws => push(
            String::new(),
            Kind::CallerIdentity,
            CommandLine::new("aws sts get-caller-identity --output=json"),
            "The account the AWS CLI runs in: confirms the AWS account ID.".into(),
        ),
        Cloud::Azure => {
            let sub = text(doc.get("account_id")).filter(|s| crate::text::is_uuid(s));
            push(
                String::new(),
                Kind::AzureAccount,
                CommandLine::new("az account show")
                    .opt("--subscription", sub, SUBSCRIPTION)
                    .fixed("--output=json"),
                "The subscription: confirms its ID, that it is enabled and in Azure's public cloud."
                    .into(),
            )
        }
    }
    let services = doc.get("endpoint_services").and_then(Value::as_array);
    let bidirectional =
        text(doc.get("connection_type")).is_some_and(|c| c.eq_ignore_ascii_case("bidirectional"));
    for (i, s) in services
        .into_iter()
        .flatten()
        .enumerate()
        .filter(|_| bidirectional)
    {
        let at = format!("endpoint_services[{i}]");
        let name = text(s.get("name"));
        match cloud {
            Cloud::Aws => {
                let sid = name
                    .and_then(|n| EndpointServiceName::parse_aws(n).ok())
                    .and_then(|n| n.service_id().map(|i| i.as_str().to_string()));
                let config = || {
                    CommandLine::new("aws ec2 describe-vpc-endpoint-service-configurations")
                        .opt("--service-ids", sid.clone(), SERVICE_ID)
                        .opt("--region", region, REGION)
                };
                push(
                    at.clone(),
                    Kind::ServiceConfigurations,
                    config().fixed("--output=json"),
                    "The endpoint service: confirms its name, that it is Available, and the region and account of its Network Load Balancer.".into(),
                );
                push(
                    at.clone(),
                    Kind::ServicePermissions,
                    CommandLine::new("aws ec2 describe-vpc-endpoint-service-permissions")
                        .opt("--service-id", sid.clone(), SERVICE_ID)
                        .opt("--region", region, REGION)
                        .fixed("--output=json"),
                    "Who may connect: confirms that Adobe's principal arn:aws:iam::402592597372:root is allowed.".into(),
                );
                let nlb = config().fixed(
                    "--query='ServiceConfigurations[0].NetworkLoadBalancerArns[0]' --output=text",
                );
                push(
                    at,
                    Kind::Listeners,
                    CommandLine::captured("nlb", nlb)
                        .fixed("aws elbv2 describe-listeners --load-balancer-arn=\"$nlb\"")
                        .opt("--region", region, REGION)
                        .fixed("--output=json"),
                    "The listeners of its Network Load Balancer: confirms each port and protocol."
                        .into(),
                );
            }
            Cloud::Azure => {
                let line = match name.and_then(|n| EndpointServiceName::parse_azure(n).ok()) {
                    Some(EndpointServiceName::AzureAlias { alias, .. }) => {
                        // The alias is checked (letters, digits, `.-_`), so it cannot end the
                        // JMESPath string.
                        CommandLine::new("az network private-link-service list").opt(
                            "--query",
                            Some(format!("[?alias=='{alias}'] | [0]")),
                            PLS_ID,
                        )
                    }
                    named => CommandLine::new("az network private-link-service show").opt(
                        "--ids",
                        named.map(|n| n.to_string()),
                        PLS_ID,
                    ),
                };
                push(
                    at,
                    Kind::PrivateLinkService,
                    line.fixed("--output=json"),
                    "The Private Link service: confirms its resource ID, region and provisioning, and its load balancer frontend.".into(),
                );
            }
        }
    }
    out
}
