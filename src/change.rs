//! Change requests (`"kind": "change"`): changes to a PrivateLink setup that is already in place.
//!
//! Adobe's page lists, "for example", what a ticket can change: remove the connection from
//! Production or Staging, change the customer account allowed on Adobe's endpoint service, and
//! add or remove connections from the Adobe VPC to endpoint services in the customer VPC. The list
//! is not closed, so the changes customers ask for besides are here too: connect another
//! environment (`add_environment`), and open or close ports (`open_ports`, `close_ports`) on
//! Adobe's side or, with `name`, on one of the customer's endpoint services. The changes that
//! concern endpoint services or ports take an optional `environments` list; without it they
//! apply to every environment that uses PrivateLink. A change document:
//!
//! ```json
//! {
//!   "kind": "change",
//!   "company": "Example Ltd",
//!   "cloud": "aws",
//!   "region": "eu-west-1",
//!   "project_id": "abcdefghij123",
//!   "changes": [
//!     {"action": "remove_connection", "environment": "staging"},
//!     {"action": "change_account", "from_account_id": "123456789012", "to_account_id": "210987654321"},
//!     {"action": "add_endpoint_service", "name": "com.amazonaws.vpce.eu-west-1.vpce-svc-…",
//!      "ports": [{"service": "ERP", "port": 8443}], "principal_allowed": true},
//!     {"action": "remove_endpoint_service", "name": "com.amazonaws.vpce.eu-west-1.vpce-svc-…"},
//!     {"action": "add_environment", "environment": "staging"},
//!     {"action": "open_ports", "ports": [{"service": "Redis", "port": 6379}], "environments": ["production"]},
//!     {"action": "close_ports", "name": "com.amazonaws.vpce.eu-west-1.vpce-svc-…", "ports": [{"service": "FTP", "port": 21}]}
//!   ]
//! }
//! ```
//!
//! `customer_network` and `adobe_endpoint_service` may be given as in an enablement request; the
//! guide uses them. Every field is checked by the same code as in an enablement request (the
//! `Checker` methods of `check.rs`); the rules of this file are only those of changes (PL5xx).

use serde_json::{Map, Value};

use crate::check::{Checker, Direction, Got};
use crate::regions::{Cloud, Region};
use crate::request::{
    Change, ChangeAction, EndpointService, Environment, PortSpec, PortTarget, Protocol, Scope,
};
use crate::rules;
use crate::text::{edit_distance, key, quote};

/// The top-level fields of a change document.
pub(crate) const CHANGE_DOCUMENT_FIELDS: &[&str] = &[
    "version",
    "kind",
    "company",
    "cloud",
    "region",
    "project_id",
    "changes",
    "customer_network",
    "adobe_endpoint_service",
];

/// The actions, with the fields each takes besides `action`.
const ACTIONS: &[(&str, &[&str])] = &[
    ("add_environment", &["environment"]),
    ("remove_connection", &["environment"]),
    ("change_account", &["from_account_id", "to_account_id"]),
    (
        "add_endpoint_service",
        &["name", "ports", "principal_allowed", "environments"],
    ),
    ("remove_endpoint_service", &["name", "environments"]),
    ("open_ports", &["name", "ports", "environments"]),
    ("close_ports", &["name", "ports", "environments"]),
];

/// True when a field is absent, null or blank text (or text that shows nothing): what the change
/// rules call missing.
fn is_absent(v: Option<&Value>) -> bool {
    match v {
        None | Some(Value::Null) => true,
        Some(Value::String(s)) => crate::text::is_blank(s),
        _ => false,
    }
}

/// What one change is about, to find repeats: the action, its normalised target and, for the
/// port changes, the ports (compared as sets, without sorting: sort code is large in the module).
struct Target {
    action: &'static str,
    key: String,
    ports: Vec<(u16, Protocol)>,
}

impl PartialEq for Target {
    fn eq(&self, other: &Self) -> bool {
        self.action == other.action
            && self.key == other.key
            && self.ports.len() == other.ports.len()
            && self.ports.iter().all(|p| other.ports.contains(p))
    }
}

impl Checker {
    /// Checks a change document.
    pub(crate) fn change(&mut self, obj: &Map<String, Value>) -> Option<Change> {
        let errors_before = self.error_count();
        let company = self.company(obj.get("company"));
        let cloud = self.cloud(obj.get("cloud"));
        self.cloud = cloud;
        let region = self.region(cloud, obj.get("region"));
        let project_id = self.project_id(obj.get("project_id"));
        let changes = self.changes(obj.get("changes"), cloud, region);
        let customer_network = self.customer_network(cloud, obj.get("customer_network"));
        let added: Vec<EndpointService> = changes
            .iter()
            .flatten()
            .filter_map(|c| match c {
                ChangeAction::AddEndpointService(s, _) => Some(s.clone()),
                _ => None,
            })
            .collect();
        let adobe_endpoint_service = self.adobe_endpoint_service(
            obj.get("adobe_endpoint_service"),
            cloud,
            region,
            &added,
            true,
        );
        if self.error_count() > errors_before {
            return None;
        }
        Some(Change {
            company: company?,
            region: region?,
            project_id: project_id?,
            changes: changes?,
            customer_network: customer_network?,
            adobe_endpoint_service: adobe_endpoint_service?,
        })
    }

    fn changes(
        &mut self,
        v: Option<&Value>,
        cloud: Option<Cloud>,
        region: Option<&'static Region>,
    ) -> Option<Vec<ChangeAction>> {
        let items = self.present_list(
            v,
            "changes",
            "a list, one entry per change",
            &rules::CHANGES_MISSING,
            &[],
        )?;
        let errors_before = self.error_count();
        let mut out = Vec::with_capacity(items.len());
        let mut seen: Vec<Target> = Vec::new();
        for (i, item) in items.iter().enumerate() {
            let at = format!("changes[{i}]");
            let Some(entry) = item.as_object() else {
                self.wrong_type(&at, "an object with an action and its fields", item);
                continue;
            };
            let Some((action, fields)) = self.action(entry.get("action"), &at) else {
                continue;
            };
            let known: Vec<&str> = std::iter::once("action")
                .chain(fields.iter().copied())
                .collect();
            let change = match action {
                "add_environment" => self
                    .change_environment(entry, &at)
                    .map(ChangeAction::AddEnvironment),
                "remove_connection" => self
                    .change_environment(entry, &at)
                    .map(ChangeAction::RemoveConnection),
                "change_account" => self.change_account(entry, &at, cloud),
                "add_endpoint_service" => self.add_endpoint_service(entry, &at, cloud, region),
                "remove_endpoint_service" => {
                    self.remove_endpoint_service(entry, &at, cloud, region)
                }
                _ => self.port_change(action, entry, &at, cloud, region),
            };
            self.unknown_fields(entry, &known, &at);
            let Some(change) = change else {
                continue;
            };
            if self.repeated(&change, &at, &mut seen) {
                continue;
            }
            out.push(change);
        }
        (self.error_count() == errors_before).then_some(out)
    }

    /// Reads `action`; `None` (reported) when it is missing or unknown.
    fn action(
        &mut self,
        v: Option<&Value>,
        at: &str,
    ) -> Option<(&'static str, &'static [&'static str])> {
        let path = format!("{at}.action");
        let s = match self.text(v, &path) {
            Got::Ok(s) => s,
            Got::Missing => {
                self.emit(&rules::CHANGE_ACTION_MISSING, path, 0, &[]);
                return None;
            }
            Got::Reported => return None,
        };
        if let Some(found) = ACTIONS.iter().find(|(a, _)| a.eq_ignore_ascii_case(s)) {
            return Some(*found);
        }
        // `remove-connection`, `RemoveConnection` and close typos name an action unambiguously.
        let k = key(s);
        let near = ACTIONS
            .iter()
            .map(|(a, _)| *a)
            .find(|a| key(a) == k)
            .or_else(|| {
                ACTIONS
                    .iter()
                    .map(|(a, _)| *a)
                    .find(|a| edit_distance(&k, &key(a)) <= 3)
            });
        let value = quote(s);
        let args = [
            ("value", value.as_str()),
            ("near", near.unwrap_or_default()),
        ];
        let variant = usize::from(near.is_none());
        let mut d = self.diag(&rules::CHANGE_ACTION_UNKNOWN, path, variant, &args);
        if let Some(a) = near {
            d = d.with_suggestion(a);
        }
        self.push(d);
        None
    }

    /// Reports a field its action needs; true when it is there.
    fn needs(&mut self, entry: &Map<String, Value>, at: &str, field: &str, what: &str) -> bool {
        if !is_absent(entry.get(field)) {
            return true;
        }
        self.emit(
            &rules::CHANGE_FIELD_MISSING,
            format!("{at}.{field}"),
            0,
            &[("what", what)],
        );
        false
    }

    /// The environment of `add_environment` and `remove_connection`.
    fn change_environment(&mut self, entry: &Map<String, Value>, at: &str) -> Option<Environment> {
        if !self.needs(
            entry,
            at,
            "environment",
            "the environment it concerns (production, staging or an additional staging environment)",
        ) {
            return None;
        }
        self.environment(entry.get("environment")?, &format!("{at}.environment"))
    }

    /// The optional `environments` of a change: absent, null or `[]` is every environment.
    fn scope(&mut self, entry: &Map<String, Value>, at: &str) -> Option<Scope> {
        let path = format!("{at}.environments");
        let items = match entry.get("environments") {
            None | Some(Value::Null) => return Some(Scope::default()),
            Some(Value::Array(items)) => items,
            Some(other) => {
                self.wrong_type(&path, "a list such as [\"production\"]", other);
                return None;
            }
        };
        self.environment_items(items, &path).map(Scope)
    }

    /// `open_ports` and `close_ports`: on Adobe's side, or with `name` on an endpoint service.
    fn port_change(
        &mut self,
        action: &str,
        entry: &Map<String, Value>,
        at: &str,
        cloud: Option<Cloud>,
        region: Option<&'static Region>,
    ) -> Option<ChangeAction> {
        let name_path = format!("{at}.name");
        let target = if is_absent(entry.get("name")) {
            Some(PortTarget::Adobe)
        } else {
            let name = self.endpoint_name(entry.get("name"), &name_path, cloud, region);
            if action == "open_ports" {
                self.alias_warning(name.as_ref(), &name_path);
            }
            name.map(PortTarget::EndpointService)
        };
        let dir = match target {
            Some(PortTarget::EndpointService(_)) => Direction::FromAdobe,
            _ => Direction::IntoAdobe,
        };
        let ports = if self.needs(entry, at, "ports", "the ports to open or close") {
            self.ports(entry.get("ports"), &format!("{at}.ports"), cloud, dir)
        } else {
            None
        };
        let scope = self.scope(entry, at);
        let (target, ports, scope) = (target?, ports?, scope?);
        Some(if action == "open_ports" {
            ChangeAction::OpenPorts(target, ports, scope)
        } else {
            ChangeAction::ClosePorts(target, ports, scope)
        })
    }

    fn change_account(
        &mut self,
        entry: &Map<String, Value>,
        at: &str,
        cloud: Option<Cloud>,
    ) -> Option<ChangeAction> {
        let from_path = format!("{at}.from_account_id");
        let to_path = format!("{at}.to_account_id");
        let from = if self.needs(entry, at, "from_account_id", "the account allowed today") {
            self.account(cloud, entry.get("from_account_id"), &from_path)
        } else {
            None
        };
        let to = if self.needs(entry, at, "to_account_id", "the account to allow instead") {
            self.account(cloud, entry.get("to_account_id"), &to_path)
        } else {
            None
        };
        let (from, to) = (from?, to?);
        if from == to {
            self.emit(
                &rules::ACCOUNT_UNCHANGED,
                to_path,
                0,
                &[("id", to.as_str())],
            );
            return None;
        }
        Some(ChangeAction::ChangeAccount { from, to })
    }

    fn add_endpoint_service(
        &mut self,
        entry: &Map<String, Value>,
        at: &str,
        cloud: Option<Cloud>,
        region: Option<&'static Region>,
    ) -> Option<ChangeAction> {
        let name_path = format!("{at}.name");
        let name = self.endpoint_name(entry.get("name"), &name_path, cloud, region);
        self.alias_warning(name.as_ref(), &name_path);
        let ports = self.ports(
            entry.get("ports"),
            &format!("{at}.ports"),
            cloud,
            Direction::FromAdobe,
        );
        let errors_before = self.error_count();
        self.principal(
            entry.get("principal_allowed"),
            &format!("{at}.principal_allowed"),
            cloud,
        );
        let granted = self.error_count() == errors_before;
        let scope = self.scope(entry, at);
        Some(ChangeAction::AddEndpointService(
            EndpointService {
                name: name?,
                ports: ports.filter(|_| granted)?,
            },
            scope?,
        ))
    }

    fn remove_endpoint_service(
        &mut self,
        entry: &Map<String, Value>,
        at: &str,
        cloud: Option<Cloud>,
        region: Option<&'static Region>,
    ) -> Option<ChangeAction> {
        let name = self.endpoint_name(entry.get("name"), &format!("{at}.name"), cloud, region);
        let scope = self.scope(entry, at);
        Some(ChangeAction::RemoveEndpointService(name?, scope?))
    }

    /// Reports a change listed twice, or two changes that undo each other (an endpoint service
    /// added and removed, an environment added and removed, a port opened and closed on the same
    /// side); true when `change` repeats or contradicts an earlier one.
    fn repeated(&mut self, change: &ChangeAction, at: &str, seen: &mut Vec<Target>) -> bool {
        let service = |n: &crate::ids::EndpointServiceName| n.to_string().to_ascii_lowercase();
        // Production and Staging in a fixed order, then additional staging environments.
        let scope_key = |s: &Scope| {
            let mut key = String::new();
            for env in [Environment::Production, Environment::Staging] {
                if s.0.contains(&env) {
                    key.push_str(env.as_str());
                    key.push(',');
                }
            }
            for env in
                s.0.iter()
                    .filter(|e| matches!(e, Environment::AdditionalStaging(_)))
            {
                key.push_str(env.as_str());
                key.push(',');
            }
            key
        };
        let port_key = |t: &PortTarget, s: &Scope| match t {
            PortTarget::Adobe => format!("adobe {}", scope_key(s)),
            PortTarget::EndpointService(n) => format!("{} {}", service(n), scope_key(s)),
        };
        let port_list = |ports: &[PortSpec]| -> Vec<(u16, Protocol)> {
            ports.iter().map(|p| (p.port, p.protocol)).collect()
        };
        // The field reported on, what makes two changes the same, the message of PL505 and the
        // value it names.
        let (field, key, ports, variant, named) = match change {
            ChangeAction::AddEnvironment(env) => (
                "environment",
                env.as_str().to_string(),
                Vec::new(),
                0,
                ("env", env.label()),
            ),
            ChangeAction::RemoveConnection(env) => (
                "environment",
                env.as_str().to_string(),
                Vec::new(),
                1,
                ("env", env.label()),
            ),
            ChangeAction::ChangeAccount { from, .. } => (
                "from_account_id",
                from.as_str().to_string(),
                Vec::new(),
                2,
                ("id", from.as_str().to_string()),
            ),
            ChangeAction::AddEndpointService(s, _) => (
                "name",
                service(&s.name),
                Vec::new(),
                3,
                ("value", quote(&s.name.to_string())),
            ),
            ChangeAction::RemoveEndpointService(n, _) => (
                "name",
                service(n),
                Vec::new(),
                4,
                ("value", quote(&n.to_string())),
            ),
            ChangeAction::OpenPorts(t, p, s) => (
                "ports",
                port_key(t, s),
                port_list(p),
                5,
                ("", String::new()),
            ),
            ChangeAction::ClosePorts(t, p, s) => (
                "ports",
                port_key(t, s),
                port_list(p),
                6,
                ("", String::new()),
            ),
        };
        let action = change.action();
        let target = Target { action, key, ports };
        if seen.contains(&target) {
            let args = [(named.0, named.1.as_str())];
            self.emit(
                &rules::CHANGE_DUPLICATE,
                format!("{at}.{field}"),
                variant,
                &args,
            );
            return true;
        }
        let opposite = match action {
            "add_endpoint_service" => "remove_endpoint_service",
            "remove_endpoint_service" => "add_endpoint_service",
            "add_environment" => "remove_connection",
            "remove_connection" => "add_environment",
            "open_ports" => "close_ports",
            "close_ports" => "open_ports",
            _ => "",
        };
        let clash = seen
            .iter()
            .filter(|t| t.action == opposite && t.key == target.key)
            .find_map(|t| {
                if t.ports.is_empty() {
                    Some(None)
                } else {
                    target
                        .ports
                        .iter()
                        .find(|p| t.ports.contains(p))
                        .map(|p| Some(*p))
                }
            });
        if let Some(port) = clash {
            let d = match (change, port) {
                (
                    ChangeAction::OpenPorts(_, list, _) | ChangeAction::ClosePorts(_, list, _),
                    Some((n, proto)),
                ) => {
                    let i = list
                        .iter()
                        .position(|p| p.port == n && p.protocol == proto)
                        .unwrap_or_default();
                    let args = [
                        ("port", n.to_string()),
                        ("protocol", proto.label().to_string()),
                    ];
                    let args = [
                        (args[0].0, args[0].1.as_str()),
                        (args[1].0, args[1].1.as_str()),
                    ];
                    self.diag(
                        &rules::CHANGE_CONFLICT,
                        format!("{at}.ports[{i}].port"),
                        0,
                        &args,
                    )
                }
                (ChangeAction::AddEnvironment(_) | ChangeAction::RemoveConnection(_), _) => {
                    let args = [(named.0, named.1.as_str())];
                    self.diag(
                        &rules::CHANGE_CONFLICT,
                        format!("{at}.environment"),
                        1,
                        &args,
                    )
                }
                (
                    ChangeAction::AddEndpointService(..) | ChangeAction::RemoveEndpointService(..),
                    _,
                ) => {
                    let args = [(named.0, named.1.as_str())];
                    self.diag(&rules::CHANGE_CONFLICT, format!("{at}.name"), 2, &args)
                }
                _ => self.diag(&rules::CHANGE_CONFLICT, format!("{at}.{field}"), 3, &[]),
            };
            self.push(d);
            return true;
        }
        seen.push(target);
        false
    }
}
