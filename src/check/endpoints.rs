//! Bidirectional connections: the customer's endpoint services, Adobe's principal and the
//! prerequisites the customer confirms.

use serde_json::{Map, Value};

use crate::ids::{EndpointServiceName, NameError};
use crate::regions::{Cloud, Region};
use crate::request::{Connection, EndpointService};
use crate::rules;
use crate::text::quote;

use super::memo::{keepable, Context, Service};
use super::ports::Direction;
use super::Checker;

/// The fields of one endpoint service entry.
const ENDPOINT_FIELDS: &[&str] = &["name", "ports", "principal_allowed", "evidence"];
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
                    self.emit(
                        &rules::ENDPOINT_SERVICES_IGNORED,
                        "endpoint_services",
                        0,
                        &[],
                    );
                }
                if prerequisites.is_some() {
                    self.emit(&rules::PREREQUISITES_IGNORED, "prerequisites", 0, &[]);
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
        let noun = if cloud == Some(Cloud::Azure) {
            "Private Link service"
        } else {
            "endpoint service"
        };
        let items = self.present_list(
            v,
            "endpoint_services",
            "a list of {name, ports, principal_allowed} entries",
            &rules::ENDPOINT_SERVICES_MISSING,
            &[("noun", noun)],
        )?;
        let errors_before = self.error_count();
        let mut out = Vec::with_capacity(items.len());
        // Kept sorted: a long list of services would otherwise be compared pairwise.
        let mut seen: Vec<String> = Vec::new();
        let context = Context {
            cloud,
            region: region.map(|r| r.code),
            labels: self.cloud,
        };
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
            let kept = self.memo.as_mut().and_then(|m| m.take(i, context));
            let service = match kept {
                Some(s) => s,
                None => self.endpoint_service(entry, &at, context, region),
            };
            self.replay(&service.name_findings);
            if let Some(n) = &service.name {
                let norm = n.to_string().to_ascii_lowercase();
                if let Err(slot) = seen.binary_search(&norm) {
                    seen.insert(slot, norm);
                } else {
                    let value = quote(&n.to_string());
                    self.emit(
                        &rules::ENDPOINT_DUPLICATE,
                        format!("{at}.name"),
                        0,
                        &[("value", &value)],
                    );
                }
            }
            self.replay(&service.findings);
            if let (Some(name), Some(ports)) = (&service.name, &service.ports) {
                out.push(EndpointService {
                    name: name.clone(),
                    ports: ports.clone(),
                });
            }
            if let (true, Some(memo)) = (service.keepable, self.memo.as_mut()) {
                memo.keep(i, service);
            }
        }
        (self.error_count() == errors_before).then_some(out)
    }

    /// Checks one entry of `endpoint_services`, apart from the others (see [`Memo`]): its
    /// findings are not yet in the report.
    ///
    /// [`Memo`]: super::Memo
    fn endpoint_service(
        &mut self,
        entry: &Map<String, Value>,
        at: &str,
        context: Context,
        region: Option<&'static Region>,
    ) -> Service {
        let cloud = context.cloud;
        let (name, name_findings) = self.apart(|c| {
            let name_path = format!("{at}.name");
            let name = c.endpoint_name(entry.get("name"), &name_path, cloud, region);
            c.alias_warning(name.as_ref(), &name_path);
            name
        });
        let (ports, findings) = self.apart(|c| {
            let ports = c.ports(
                entry.get("ports"),
                &format!("{at}.ports"),
                cloud,
                Direction::FromAdobe,
            );
            let declared = entry.get("principal_allowed");
            #[cfg(feature = "evidence")]
            let granted = c.service_evidence(
                entry.get("evidence"),
                &super::evidence::Service {
                    at,
                    name: name.as_ref(),
                    ports: ports.as_deref(),
                    principal_allowed: declared == Some(&Value::Bool(true)),
                },
                region,
            );
            #[cfg(not(feature = "evidence"))]
            let granted = false;
            // A grant the permissions output proves makes the confirmation true.
            if !(granted && matches!(declared, None | Some(Value::Null | Value::Bool(_)))) {
                c.principal(declared, &format!("{at}.principal_allowed"), cloud);
            }
            c.unknown_fields(entry, ENDPOINT_FIELDS, at);
            ports
        });
        Service {
            context,
            name_findings,
            name,
            findings,
            ports,
            keepable: keepable(entry),
        }
    }

    pub(crate) fn endpoint_name(
        &mut self,
        v: Option<&Value>,
        path: &str,
        cloud: Option<Cloud>,
        region: Option<&'static Region>,
    ) -> Option<EndpointServiceName> {
        let s = self.present(v, path, &rules::ENDPOINT_NAME_MISSING)?;
        let value = quote(s);
        let cloud = cloud?;
        let parsed = match cloud {
            Cloud::Aws => EndpointServiceName::parse_aws(s),
            Cloud::Azure => EndpointServiceName::parse_azure(s),
        };
        let name = match parsed {
            Ok(n) => n,
            Err(NameError::OtherCloud) => {
                let other = if cloud == Cloud::Aws { "Azure" } else { "AWS" };
                let args = [
                    ("value", value.as_str()),
                    ("other", other),
                    ("cloud", cloud.label()),
                ];
                self.emit(&rules::ENDPOINT_OTHER_CLOUD, path, 0, &args);
                return None;
            }
            Err(NameError::ChinaPartition) => {
                self.emit(
                    &rules::ENDPOINT_OTHER_PARTITION,
                    path,
                    0,
                    &[("value", &value)],
                );
                return None;
            }
            Err(NameError::Format(why)) => {
                let rule = if cloud == Cloud::Aws {
                    &rules::AWS_ENDPOINT_FORMAT
                } else {
                    &rules::AZURE_ENDPOINT_FORMAT
                };
                let mut d = self.diag(rule, path, 0, &[("value", &value), ("why", why)]);
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
                let (variant, inside) = match name.known_region() {
                    Some(r) if r.cloud == Cloud::Aws && !r.is_selectable() => {
                        (0, inside.to_string())
                    }
                    Some(_) => (1, inside.to_string()),
                    // Not a known region: any text, so quoted like every user value.
                    None => (2, quote(inside)),
                };
                let args = [
                    ("value", value.as_str()),
                    ("inside", &inside),
                    ("region", declared.code),
                    ("cloud", cloud.label()),
                ];
                self.emit(&rules::ENDPOINT_REGION_MISMATCH, path, variant, &args);
                return None;
            }
        }
        Some(name)
    }

    /// Warns when a customer's Azure target is given by its alias rather than its resource ID.
    pub(crate) fn alias_warning(&mut self, name: Option<&EndpointServiceName>, path: &str) {
        if let Some(n @ EndpointServiceName::AzureAlias { .. }) = name {
            self.emit(
                &rules::AZURE_ALIAS,
                path,
                0,
                &[("value", &quote(&n.to_string()))],
            );
        }
    }

    /// Checks the confirmation that Adobe's AWS principal is allowed. On Azure there is nothing
    /// to confirm before the ticket (Adobe names its subscription afterwards): any boolean, or
    /// none, is accepted.
    pub(crate) fn principal(&mut self, v: Option<&Value>, path: &str, cloud: Option<Cloud>) {
        match v {
            Some(Value::Bool(true)) => {}
            None | Some(Value::Null) | Some(Value::Bool(false)) if cloud != Some(Cloud::Aws) => {}
            None | Some(Value::Null) | Some(Value::Bool(false)) => {
                self.emit(&rules::PRINCIPAL_NOT_ALLOWED, path, 0, &[])
            }
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
                    let network = cloud.unwrap_or(Cloud::Aws).network();
                    let args = [("what", *what), ("network", network)];
                    self.emit(&rules::PREREQUISITE_MISSING, path, 0, &args);
                    ok = false;
                }
                Some(other) => {
                    self.wrong_type(&path, "true or false", other);
                    ok = false;
                }
            }
        }
        match obj.get("interface_endpoint") {
            Some(Value::Bool(false)) => self.emit(
                &rules::INTERFACE_ENDPOINT_LATER,
                "prerequisites.interface_endpoint",
                usize::from(azure),
                &[],
            ),
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
