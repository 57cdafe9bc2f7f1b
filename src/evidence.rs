//! Cloud command outputs the customer attaches as evidence (issue 14): each recognised by its
//! shape, never by a label the customer types, and read into the few facts the checks use.
//!
//! Only these facts ever leave this module: an output's other values (user names, tenant IDs,
//! certificate ARNs, connection descriptions) are never kept, so they cannot reach a ticket.

use serde::Serialize;
use serde_json::{Map, Value};

use crate::regions::Cloud;

pub mod aws;
pub mod azure;
mod commands;
mod reading;

pub use commands::{commands, EvidenceCommand};
pub use reading::{read, Fill, FillPort, FillValue, Reading, Recognised};

/// The most outputs one evidence list holds.
pub const MAX_EVIDENCE: usize = 20;
/// The largest output read, in bytes of JSON: a service configuration output of a busy account
/// is a few dozen kilobytes.
pub const MAX_OUTPUT_BYTES: usize = 256 * 1024;

/// What an output is: the command that prints it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Kind {
    /// `aws sts get-caller-identity`.
    CallerIdentity,
    /// `aws ec2 describe-vpc-endpoint-service-configurations`.
    ServiceConfigurations,
    /// `aws ec2 describe-vpc-endpoint-service-permissions`.
    ServicePermissions,
    /// `aws elbv2 describe-listeners`.
    Listeners,
    /// `az account show`.
    AzureAccount,
    /// `az network private-link-service show`, or the REST API's GET of the resource.
    PrivateLinkService,
}

impl Kind {
    /// The stable name of the kind, e.g. `aws-caller-identity`.
    pub fn as_str(self) -> &'static str {
        match self {
            Kind::CallerIdentity => "aws-caller-identity",
            Kind::ServiceConfigurations => "aws-endpoint-service-configurations",
            Kind::ServicePermissions => "aws-endpoint-service-permissions",
            Kind::Listeners => "aws-listeners",
            Kind::AzureAccount => "azure-account",
            Kind::PrivateLinkService => "azure-private-link-service",
        }
    }

    /// The command that prints this output, without its options.
    pub fn command(self) -> &'static str {
        match self {
            Kind::CallerIdentity => "aws sts get-caller-identity",
            Kind::ServiceConfigurations => "aws ec2 describe-vpc-endpoint-service-configurations",
            Kind::ServicePermissions => "aws ec2 describe-vpc-endpoint-service-permissions",
            Kind::Listeners => "aws elbv2 describe-listeners",
            Kind::AzureAccount => "az account show",
            Kind::PrivateLinkService => "az network private-link-service show",
        }
    }

    /// The cloud whose command prints it.
    pub fn cloud(self) -> Cloud {
        match self {
            Kind::AzureAccount | Kind::PrivateLinkService => Cloud::Azure,
            _ => Cloud::Aws,
        }
    }

    /// True for outputs about one endpoint service, which belong to `endpoint_services[i]`.
    pub fn of_service(self) -> bool {
        !matches!(self, Kind::CallerIdentity | Kind::AzureAccount)
    }
}

/// A recognised output and what was read from it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Output {
    /// The account and partition the AWS CLI runs in.
    CallerIdentity(aws::CallerIdentity),
    /// Endpoint service configurations, in the output's order.
    ServiceConfigurations(Vec<aws::ServiceConfiguration>),
    /// The principals allowed on the endpoint service the command was run for.
    ServicePermissions(Vec<String>),
    /// The listeners of a load balancer.
    Listeners(Vec<aws::Listener>),
    /// The subscription the Azure CLI runs in.
    AzureAccount(azure::Account),
    /// A Private Link service.
    PrivateLinkService(azure::PrivateLinkService),
}

impl Output {
    /// What the output is.
    pub fn kind(&self) -> Kind {
        match self {
            Output::CallerIdentity(_) => Kind::CallerIdentity,
            Output::ServiceConfigurations(_) => Kind::ServiceConfigurations,
            Output::ServicePermissions(_) => Kind::ServicePermissions,
            Output::Listeners(_) => Kind::Listeners,
            Output::AzureAccount(_) => Kind::AzureAccount,
            Output::PrivateLinkService(_) => Kind::PrivateLinkService,
        }
    }
}

/// One fact read from an output, as the CLI and the page show it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Fact {
    /// Stable name of the fact, e.g. `account`.
    pub fact: &'static str,
    /// What it is, in words.
    pub label: String,
    /// The value as the output gives it.
    pub value: String,
}

/// Recognises an output by its shape; `None` for anything else.
pub fn recognise(v: &Value) -> Option<Output> {
    let o = v.as_object()?;
    aws::recognise(o).or_else(|| azure::recognise(o))
}

/// The facts read from `output`, in the order the page lists them.
pub fn facts(output: &Output) -> Vec<Fact> {
    let mut out = Vec::new();
    let mut add =
        |fact: &'static str, label: String, value: String| out.push(Fact { fact, label, value });
    match output {
        Output::CallerIdentity(c) => {
            add("account", "AWS account ID".into(), c.account.clone());
            add("partition", "AWS partition".into(), c.partition.clone());
        }
        Output::ServiceConfigurations(list) => {
            for (i, s) in list.iter().enumerate() {
                let n = i + 1;
                add(
                    "service_name",
                    format!("Endpoint service {n}: name"),
                    s.name.clone(),
                );
                add(
                    "service_id",
                    format!("Endpoint service {n}: ID"),
                    s.id.clone(),
                );
                add(
                    "state",
                    format!("Endpoint service {n}: state"),
                    s.state.clone(),
                );
                if let Some(a) = s.acceptance_required {
                    let yes = if a { "yes" } else { "no" };
                    add(
                        "acceptance_required",
                        format!("Endpoint service {n}: acceptance required"),
                        yes.into(),
                    );
                }
                for lb in &s.load_balancers {
                    let label = format!("Endpoint service {n}: load balancer");
                    add("load_balancer", label, lb.describe());
                }
            }
        }
        Output::ServicePermissions(list) => {
            let adobe = aws::allows_adobe(list);
            add(
                "adobe_allowed",
                "Adobe's principal allowed".into(),
                if adobe { "yes" } else { "no" }.into(),
            );
            for p in list {
                add("principal", "Allowed principal".into(), p.clone());
            }
        }
        Output::Listeners(list) => {
            for l in list {
                add("listener", "Listener".into(), l.describe());
            }
        }
        Output::AzureAccount(a) => {
            add(
                "subscription",
                "Azure subscription ID".into(),
                a.subscription.clone(),
            );
            for (fact, label, v) in [
                ("state", "Subscription state", &a.state),
                ("environment", "Azure cloud", &a.environment),
            ] {
                if let Some(v) = v {
                    add(fact, label.into(), v.clone());
                }
            }
        }
        Output::PrivateLinkService(p) => {
            add("resource_id", "Resource ID".into(), p.id.clone());
            add("shape", "Output shape".into(), p.shape.as_str().into());
            for (fact, label, v) in [
                ("location", "Location", &p.location),
                ("alias", "Alias", &p.alias),
                (
                    "provisioning_state",
                    "Provisioning state",
                    &p.provisioning_state,
                ),
            ] {
                if let Some(v) = v {
                    add(fact, label.into(), v.clone());
                }
            }
            for (fact, label, list) in [
                ("visibility", "Visible to subscriptions", &p.visibility),
                (
                    "auto_approval",
                    "Auto-approved subscriptions",
                    &p.auto_approval,
                ),
            ] {
                let v = if list.is_empty() {
                    "none".into()
                } else {
                    list.join(", ")
                };
                add(fact, label.into(), v);
            }
            add(
                "frontends",
                "Load balancer frontends".into(),
                p.frontends.len().to_string(),
            );
        }
    }
    out
}

/// The text at `key` of `o`.
fn text<'a>(o: &'a Map<String, Value>, key: &str) -> Option<&'a str> {
    o.get(key)?.as_str()
}

/// The texts of the list at `key` of `o`, other items skipped; empty when absent.
fn texts(o: &Map<String, Value>, key: &str) -> Vec<String> {
    o.get(key)
        .and_then(Value::as_array)
        .map(|items| {
            items
                .iter()
                .filter_map(|v| v.as_str().map(str::to_owned))
                .collect()
        })
        .unwrap_or_default()
}

/// The objects of the list at `key` of `o`, when it is a list.
fn objects<'a>(
    o: &'a Map<String, Value>,
    key: &str,
) -> Option<impl Iterator<Item = &'a Map<String, Value>>> {
    Some(o.get(key)?.as_array()?.iter().filter_map(Value::as_object))
}
