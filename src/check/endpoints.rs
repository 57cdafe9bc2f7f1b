//! Bidirectional connections: the customer's endpoint services, Adobe's principal and the
//! prerequisites the customer confirms.

use serde_json::{Map, Value};

use crate::diagnostic::Diagnostic;
use crate::ids::{EndpointServiceName, NameError};
use crate::regions::{Cloud, Region};
use crate::request::{Connection, EndpointService};
use crate::rules;
use crate::text::quote;

use super::ports::Direction;
use super::Checker;

/// The fields of one endpoint service entry.
const ENDPOINT_FIELDS: &[&str] = &["name", "ports", "principal_allowed"];
/// The fields of `prerequisites`.
const PREREQUISITE_FIELDS: &[&str] = &["nlb", "endpoint_service", "interface_endpoint"];

/// The bidirectional prerequisites the customer confirms before the ticket, and what each is on
/// each cloud (AWS, Azure). `interface_endpoint` is not one: the customer's endpoint to Adobe's
/// service can only be made once Adobe has sent its name, after the ticket.
const PREREQUISITES: &[(&str, &str, &str)] = &[
    (
        "nlb",
        "a Network Load Balancer in front of your application",
        "a Standard Load Balancer (frontend IP configuration) in front of your application",
    ),
    (
        "endpoint_service",
        "an endpoint service configuration for your application",
        "a Private Link service for your application",
    ),
];

impl Checker {
    pub(super) fn connection(
        &mut self,
        connection_type: Option<&str>,
        cloud: Option<Cloud>,
        region: Option<&'static Region>,
        obj: &Map<String, Value>,
    ) -> Option<Connection> {
        let services = obj.get("endpoint_services").filter(|v| !v.is_null());
        let prerequisites = obj.get("prerequisites").filter(|v| !v.is_null());
        match connection_type? {
            "unidirectional" => {
                if services.is_some_and(|v| v.as_array().is_none_or(|a| !a.is_empty())) {
                    self.push(Diagnostic::new(
                        &rules::ENDPOINT_SERVICES_IGNORED,
                        "endpoint_services",
                        "Endpoint services are listed, but a unidirectional connection does not use them.",
                    ));
                }
                if prerequisites.is_some() {
                    self.push(Diagnostic::new(
                        &rules::PREREQUISITES_IGNORED,
                        "prerequisites",
                        "Prerequisites are given, but a unidirectional connection does not need them.",
                    ));
                }
                Some(Connection::Unidirectional)
            }
            _ => {
                let list = self.endpoint_services(services, cloud, region);
                let prereqs_ok = self.prerequisites(prerequisites, cloud);
                Some(Connection::Bidirectional(list.filter(|_| prereqs_ok)?))
            }
        }
    }

    pub(super) fn endpoint_services(
        &mut self,
        v: Option<&Value>,
        cloud: Option<Cloud>,
        region: Option<&'static Region>,
    ) -> Option<Vec<EndpointService>> {
        let items = self.required_list(
            v,
            "endpoint_services",
            "a list of {name, ports, principal_allowed} entries",
            &rules::ENDPOINT_SERVICES_MISSING,
            if cloud == Some(Cloud::Azure) {
                "A bidirectional connection needs at least one Private Link service for Adobe to connect to."
            } else {
                "A bidirectional connection needs at least one endpoint service for Adobe to connect to."
            },
        )?;
        let errors_before = self.error_count();
        let mut out = Vec::with_capacity(items.len());
        let mut seen: Vec<String> = Vec::new();
        for (i, item) in items.iter().enumerate() {
            let at = format!("endpoint_services[{i}]");
            let Some(entry) = item.as_object() else {
                self.wrong_type(
                    &at,
                    "an object with name, ports and principal_allowed",
                    item,
                );
                continue;
            };
            let name_path = format!("{at}.name");
            let name = self.endpoint_name(entry.get("name"), &name_path, cloud, region);
            self.alias_warning(name.as_ref(), &name_path);
            if let Some(n) = &name {
                let norm = n.to_string().to_ascii_lowercase();
                if seen.contains(&norm) {
                    self.push(Diagnostic::new(
                        &rules::ENDPOINT_DUPLICATE,
                        name_path,
                        format!(
                            "The endpoint service {} is listed more than once.",
                            quote(&n.to_string())
                        ),
                    ));
                } else {
                    seen.push(norm);
                }
            }
            let ports = self.ports(
                entry.get("ports"),
                &format!("{at}.ports"),
                cloud,
                Direction::FromAdobe,
            );
            self.principal(
                entry.get("principal_allowed"),
                &format!("{at}.principal_allowed"),
                cloud,
            );
            self.unknown_fields(entry, ENDPOINT_FIELDS, &at);
            if let (Some(name), Some(ports)) = (name, ports) {
                out.push(EndpointService { name, ports });
            }
        }
        (self.error_count() == errors_before).then_some(out)
    }

    pub(crate) fn endpoint_name(
        &mut self,
        v: Option<&Value>,
        path: &str,
        cloud: Option<Cloud>,
        region: Option<&'static Region>,
    ) -> Option<EndpointServiceName> {
        let s = self.required(
            v,
            path,
            &rules::ENDPOINT_NAME_MISSING,
            "The endpoint service name is missing.",
        )?;
        let cloud = cloud?;
        let parsed = match cloud {
            Cloud::Aws => EndpointServiceName::parse_aws(s),
            Cloud::Azure => EndpointServiceName::parse_azure(s),
        };
        let name = match parsed {
            Ok(n) => n,
            Err(NameError::OtherCloud) => {
                let other = if cloud == Cloud::Aws { "Azure" } else { "AWS" };
                self.push(Diagnostic::new(
                    &rules::ENDPOINT_OTHER_CLOUD,
                    path,
                    format!(
                        "{} is an {other} name, but the cloud is {}.",
                        quote(s),
                        cloud.label()
                    ),
                ));
                return None;
            }
            Err(NameError::ChinaPartition) => {
                self.push(Diagnostic::new(
                    &rules::ENDPOINT_OTHER_PARTITION,
                    path,
                    format!(
                        "{} is in the AWS China partition, which Adobe's principal cannot reach.",
                        quote(s)
                    ),
                ));
                return None;
            }
            Err(NameError::Format(why)) => {
                let rule = if cloud == Cloud::Aws {
                    &rules::AWS_ENDPOINT_FORMAT
                } else {
                    &rules::AZURE_ENDPOINT_FORMAT
                };
                let what = if cloud == Cloud::Aws {
                    "an AWS endpoint service name"
                } else {
                    "an Azure Private Link service alias or resource ID"
                };
                let mut d =
                    Diagnostic::new(rule, path, format!("{} is not {what}: {why}.", quote(s)));
                if cloud == Cloud::Aws {
                    let mut lower = s.to_ascii_lowercase().replace(' ', "");
                    // A bare service ID: put the declared region's prefix in front of it.
                    if let (true, Some(r)) = (lower.starts_with("vpce-svc-"), region) {
                        lower = format!("com.amazonaws.vpce.{}.{lower}", r.code);
                    }
                    if let Ok(n) = EndpointServiceName::parse_aws(&lower) {
                        d = d.with_suggestion(n.to_string());
                    }
                }
                self.push(d);
                return None;
            }
        };
        if let (Some(inside), Some(declared)) = (name.region(), region) {
            if inside != declared.code {
                let msg = match name.known_region() {
                    Some(r) if r.cloud == Cloud::Aws && !r.is_selectable() => format!(
                        "{} is in {inside}, outside the commercial AWS partition, and the request's region is {}.",
                        quote(s),
                        declared.code
                    ),
                    Some(_) => format!(
                        "{} is in {inside}, but the request's region is {}.",
                        quote(s),
                        declared.code
                    ),
                    // Not a known region: any text, so quoted like every user value.
                    None => format!(
                        "{} names the region {}, which is not an {} region; the request's region is {}.",
                        quote(s),
                        quote(inside),
                        cloud.label(),
                        declared.code
                    ),
                };
                self.push(Diagnostic::new(&rules::ENDPOINT_REGION_MISMATCH, path, msg));
                return None;
            }
        }
        Some(name)
    }

    /// Warns when a customer's Azure target is given by its alias rather than its resource ID.
    pub(crate) fn alias_warning(&mut self, name: Option<&EndpointServiceName>, path: &str) {
        if let Some(n @ EndpointServiceName::AzureAlias { .. }) = name {
            self.push(Diagnostic::new(
                &rules::AZURE_ALIAS,
                path,
                format!(
                    "{} is the alias of a Private Link service; Adobe asks for its resource ID.",
                    quote(&n.to_string())
                ),
            ));
        }
    }

    /// Checks the confirmation that Adobe's AWS principal is allowed. On Azure there is nothing
    /// to confirm before the ticket (Adobe names its subscription afterwards): any boolean, or
    /// none, is accepted.
    pub(crate) fn principal(&mut self, v: Option<&Value>, path: &str, cloud: Option<Cloud>) {
        match v {
            Some(Value::Bool(true)) => {}
            None | Some(Value::Null) | Some(Value::Bool(false)) if cloud != Some(Cloud::Aws) => {}
            None | Some(Value::Null) | Some(Value::Bool(false)) => self.push(Diagnostic::new(
                &rules::PRINCIPAL_NOT_ALLOWED,
                path,
                "Adobe's principal arn:aws:iam::402592597372:root is not confirmed as allowed on this endpoint service.",
            )),
            Some(other) => self.wrong_type(path, "true or false", other),
        }
    }

    /// Checks the bidirectional prerequisites; true when all are confirmed.
    pub(super) fn prerequisites(&mut self, v: Option<&Value>, cloud: Option<Cloud>) -> bool {
        let empty = Map::new();
        let obj = match v {
            None => &empty,
            Some(Value::Object(o)) => o,
            Some(other) => {
                self.wrong_type(
                    "prerequisites",
                    "an object of true/false confirmations",
                    other,
                );
                return false;
            }
        };
        let mut ok = true;
        let azure = cloud == Some(Cloud::Azure);
        for (field, aws, az) in PREREQUISITES {
            let what = if azure { az } else { aws };
            let path = format!("prerequisites.{field}");
            match obj.get(*field) {
                Some(Value::Bool(true)) => {}
                None | Some(Value::Null) | Some(Value::Bool(false)) => {
                    self.push(Diagnostic::new(
                        &rules::PREREQUISITE_MISSING,
                        path,
                        format!(
                            "You have not confirmed {what} in your {}, which a bidirectional connection needs.",
                            cloud.unwrap_or(Cloud::Aws).network()
                        ),
                    ));
                    ok = false;
                }
                Some(other) => {
                    self.wrong_type(&path, "true or false", other);
                    ok = false;
                }
            }
        }
        match obj.get("interface_endpoint") {
            Some(Value::Bool(false)) => self.push(Diagnostic::new(
                &rules::INTERFACE_ENDPOINT_LATER,
                "prerequisites.interface_endpoint",
                if azure {
                    "Your private endpoint to Adobe's Private Link service is made after the ticket, once Adobe sends its name."
                } else {
                    "Your interface endpoint to Adobe's endpoint service is made after the ticket, once Adobe sends its name."
                },
            )),
            None | Some(Value::Null) | Some(Value::Bool(true)) => {}
            Some(other) => {
                self.wrong_type("prerequisites.interface_endpoint", "true or false", other);
                ok = false;
            }
        }
        self.unknown_fields(obj, PREREQUISITE_FIELDS, "prerequisites");
        ok
    }
}
