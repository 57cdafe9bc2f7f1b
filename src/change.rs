//! Change requests (`"kind": "change"`): changes to a PrivateLink setup that is already in place.
//!
//! The source document lists what a ticket can change: remove the connection from Production or
//! Staging, change the customer account allowed on Adobe's endpoint service, and add or remove
//! connections from the Adobe VPC to endpoint services in the customer VPC. A change document:
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
//!     {"action": "remove_endpoint_service", "name": "com.amazonaws.vpce.eu-west-1.vpce-svc-…"}
//!   ]
//! }
//! ```
//!
//! `customer_network` and `adobe_endpoint_service` may be given as in an enablement request; the
//! guide uses them. Every field is checked by the same code as in an enablement request (the
//! `Checker` methods of `check.rs`); the rules of this file are only those of changes (PL5xx).

use serde_json::{Map, Value};

use crate::check::{Checker, Got};
use crate::diagnostic::Diagnostic;
use crate::regions::{Cloud, Region};
use crate::request::{Change, ChangeAction, EndpointService};
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
    ("remove_connection", &["environment"]),
    ("change_account", &["from_account_id", "to_account_id"]),
    (
        "add_endpoint_service",
        &["name", "ports", "principal_allowed"],
    ),
    ("remove_endpoint_service", &["name"]),
];

/// True when a field is absent, null or blank text: what the change rules call missing.
fn is_absent(v: Option<&Value>) -> bool {
    match v {
        None | Some(Value::Null) => true,
        Some(Value::String(s)) => s.trim().is_empty(),
        _ => false,
    }
}

/// What one change is about, to find repeats: the action and its normalised target.
#[derive(PartialEq, Eq)]
struct Target {
    action: &'static str,
    key: String,
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
                ChangeAction::AddEndpointService(s) => Some(s.clone()),
                _ => None,
            })
            .collect();
        let adobe_endpoint_service =
            self.adobe_endpoint_service(obj.get("adobe_endpoint_service"), cloud, region, &added);
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
        let items = self.required_list(
            v,
            "changes",
            "a list of changes",
            &rules::CHANGES_MISSING,
            "No change is listed; a change request needs at least one.",
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
                "remove_connection" => self.remove_connection(entry, &at),
                "change_account" => self.change_account(entry, &at, cloud),
                "add_endpoint_service" => self.add_endpoint_service(entry, &at, cloud, region),
                _ => self.remove_endpoint_service(entry, &at, cloud, region),
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
                self.push(Diagnostic::new(
                    &rules::CHANGE_ACTION_MISSING,
                    path,
                    "This change has no action; say what should change.",
                ));
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
        let mut d = Diagnostic::new(
            &rules::CHANGE_ACTION_UNKNOWN,
            path,
            match near {
                Some(a) => format!("{} is not a change action; did you mean {a}?", quote(s)),
                None => format!(
                    "{} is not a change action; the actions are remove_connection, change_account, add_endpoint_service and remove_endpoint_service.",
                    quote(s)
                ),
            },
        );
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
        let action = entry
            .get("action")
            .and_then(Value::as_str)
            .map(str::trim)
            .unwrap_or_default()
            .to_ascii_lowercase();
        self.push(Diagnostic::new(
            &rules::CHANGE_FIELD_MISSING,
            format!("{at}.{field}"),
            format!("{action} needs {field}, {what}."),
        ));
        false
    }

    fn remove_connection(&mut self, entry: &Map<String, Value>, at: &str) -> Option<ChangeAction> {
        if !self.needs(
            entry,
            at,
            "environment",
            "the environment to remove PrivateLink from (production or staging)",
        ) {
            return None;
        }
        let env = self.environment(entry.get("environment")?, &format!("{at}.environment"))?;
        Some(ChangeAction::RemoveConnection(env))
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
            self.push(Diagnostic::new(
                &rules::ACCOUNT_UNCHANGED,
                to_path,
                format!(
                    "The new account {} is the account allowed today, so nothing would change.",
                    to.as_str()
                ),
            ));
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
        let name = self.endpoint_name(entry.get("name"), &format!("{at}.name"), cloud, region);
        let ports = self.ports(entry.get("ports"), &format!("{at}.ports"), cloud);
        let errors_before = self.error_count();
        self.principal(
            entry.get("principal_allowed"),
            &format!("{at}.principal_allowed"),
        );
        let granted = self.error_count() == errors_before;
        Some(ChangeAction::AddEndpointService(EndpointService {
            name: name?,
            ports: ports.filter(|_| granted)?,
        }))
    }

    fn remove_endpoint_service(
        &mut self,
        entry: &Map<String, Value>,
        at: &str,
        cloud: Option<Cloud>,
        region: Option<&'static Region>,
    ) -> Option<ChangeAction> {
        let name = self.endpoint_name(entry.get("name"), &format!("{at}.name"), cloud, region)?;
        Some(ChangeAction::RemoveEndpointService(name))
    }

    /// Reports a change listed twice, or an endpoint service both added and removed; true when
    /// `change` repeats or contradicts an earlier one.
    fn repeated(&mut self, change: &ChangeAction, at: &str, seen: &mut Vec<Target>) -> bool {
        let (field, key, what) = match change {
            ChangeAction::RemoveConnection(env) => (
                "environment",
                env.as_str().to_string(),
                format!("Removing the connection from {}", env.label()),
            ),
            ChangeAction::ChangeAccount { from, .. } => (
                "from_account_id",
                from.as_str().to_string(),
                format!("Changing the account {}", from.as_str()),
            ),
            ChangeAction::AddEndpointService(s) => (
                "name",
                s.name.to_string().to_ascii_lowercase(),
                format!("Adding the endpoint service {}", quote(&s.name.to_string())),
            ),
            ChangeAction::RemoveEndpointService(n) => (
                "name",
                n.to_string().to_ascii_lowercase(),
                format!("Removing the endpoint service {}", quote(&n.to_string())),
            ),
        };
        let action = change.action();
        let path = format!("{at}.{field}");
        let target = Target { action, key };
        if seen.contains(&target) {
            self.push(Diagnostic::new(
                &rules::CHANGE_DUPLICATE,
                path,
                format!("{what} is listed more than once."),
            ));
            return true;
        }
        let opposite = match action {
            "add_endpoint_service" => Some("remove_endpoint_service"),
            "remove_endpoint_service" => Some("add_endpoint_service"),
            _ => None,
        };
        if let Some(opposite) = opposite {
            if seen
                .iter()
                .any(|t| t.action == opposite && t.key == target.key)
            {
                let name = match change {
                    ChangeAction::AddEndpointService(s) => s.name.to_string(),
                    ChangeAction::RemoveEndpointService(n) => n.to_string(),
                    _ => String::new(),
                };
                self.push(Diagnostic::new(
                    &rules::CHANGE_CONFLICT,
                    path,
                    format!(
                        "The endpoint service {} is both added and removed in this request.",
                        quote(&name)
                    ),
                ));
                return true;
            }
        }
        seen.push(target);
        false
    }
}
