//! The ticket of a change request: subject `PrivateLink change for <company>`, then the project
//! and one line per change, in plain text, Markdown (user text escaped) or JSON.
//!
//! The JSON body is `{"subject", "body", "markdown", "request": {"version": 1, "kind": "change",
//! "company", "cloud", "region", "region_name", "project_id", "changes": [...]}}` (`body` and
//! `markdown` are the text and Markdown bodies), each change an object with its `action`, the
//! normalised fields of that action, and `summary`, the change's line of the plain-text ticket:
//! - `{"action": "add_environment" | "remove_connection", "environment"}`
//! - `{"action": "change_account", "from_account_id", "to_account_id"}`
//! - `{"action": "add_endpoint_service", "name", "ports": [{service, port, protocol}],
//!   "environments"?}`, on AWS with `"principal_allowed": true, "principal":
//!   "arn:aws:iam::402592597372:root"` (on Azure Adobe's access is given after the ticket)
//! - `{"action": "remove_endpoint_service", "name", "environments"?}`
//! - `{"action": "open_ports" | "close_ports", "name"?, "ports", "environments"?}`: without `name`
//!   on Adobe's side
//!
//! `environments` is left out when the change applies to every environment that uses PrivateLink.

use crate::pretty::{Pretty, ToJson};

use super::{json_ports, json_principal, json_ticket, JsonPort, Markdown, Style, Text, Ticket};
use crate::ids::{EndpointServiceName, ADOBE_PRINCIPAL};
use crate::regions::Cloud;
use crate::request::{Account, Change, ChangeAction, PortSpec, PortTarget, Scope};
use crate::ticket::Format;

/// Renders the ticket of a change request.
pub(super) fn render(c: &Change, format: Format) -> Ticket {
    let subject = format!("PrivateLink change for {}", c.company);
    let body = match format {
        Format::Text => body(c, &mut Text::default()),
        Format::Markdown => body(c, &mut Markdown::default()),
        Format::Json => json(
            &subject,
            &body(c, &mut Text::default()),
            &body(c, &mut Markdown::default()),
            c,
        ),
    };
    Ticket::new(subject, body, format)
}

/// What Adobe's side of the connection is called on each cloud.
fn adobe_service(cloud: Cloud) -> &'static str {
    match cloud {
        Cloud::Aws => "Adobe's endpoint service",
        Cloud::Azure => "Adobe's Private Link service",
    }
}

fn account_label(a: &Account) -> &'static str {
    match a {
        Account::Aws(_) => "AWS account ID",
        Account::Azure(_) => "Azure subscription ID",
    }
}

/// `8443/TCP (ERP API), 514/UDP (Syslog)`.
fn ports_text(style: &dyn Style, ports: &[PortSpec]) -> String {
    let list: Vec<String> = ports
        .iter()
        .map(|p| {
            format!(
                "{}/{} ({})",
                p.port,
                p.protocol.label(),
                style.user(&p.service)
            )
        })
        .collect();
    crate::text::join(&list, ", ")
}

/// `in Production and Staging`, or `in every environment connected today`.
fn scope_text(style: &dyn Style, scope: &Scope) -> String {
    if scope.0.is_empty() {
        return "in every environment connected today".into();
    }
    let envs: Vec<String> = scope.0.iter().map(|e| style.user(&e.label())).collect();
    format!("in {}", crate::text::and_list(&envs))
}

/// `our endpoint service X (AWS endpoint service)` / `our Private Link service X (...)`.
fn our_service(style: &dyn Style, cloud: Cloud, name: &EndpointServiceName) -> String {
    format!(
        "our {} {} ({})",
        match cloud {
            Cloud::Aws => "endpoint service",
            Cloud::Azure => "Private Link service",
        },
        style.id(&name.to_string()),
        name.form()
    )
}

/// `port 8443/TCP (ERP)` or `ports ...`.
fn ports_phrase(style: &dyn Style, ports: &[PortSpec]) -> String {
    format!(
        "{} {}",
        if ports.len() == 1 { "port" } else { "ports" },
        ports_text(style, ports)
    )
}

/// The one line that says what a change does.
fn change_line(style: &dyn Style, cloud: Cloud, change: &ChangeAction) -> String {
    let net = cloud.network();
    match change {
        ChangeAction::AddEnvironment(env) => format!(
            "Connect the {} environment through {} too, with the setup of the environments connected today (account, ports and {}).",
            style.user(&env.label()),
            cloud.product(),
            match cloud {
                Cloud::Aws => "endpoint services",
                Cloud::Azure => "Private Link services",
            }
        ),
        ChangeAction::RemoveConnection(env) => format!(
            "Remove the {} connection from the {} environment.",
            cloud.product(),
            style.user(&env.label())
        ),
        ChangeAction::ChangeAccount { from, to } => format!(
            "Change the {} allowed on {} from {} to {}.",
            account_label(from),
            adobe_service(cloud),
            style.id(from.as_str()),
            style.id(to.as_str())
        ),
        ChangeAction::AddEndpointService(svc, scope) => {
            let access = match cloud {
                Cloud::Aws => format!(
                    "Adobe's principal {} is granted access on it.",
                    style.id(ADOBE_PRINCIPAL)
                ),
                Cloud::Azure => super::AZURE_ACCESS.to_string(),
            };
            format!(
                "Add a connection from the Adobe Commerce {net} to {} on {}, {}. {access}",
                our_service(style, cloud, &svc.name),
                ports_phrase(style, &svc.ports),
                scope_text(style, scope),
            )
        }
        ChangeAction::RemoveEndpointService(name, scope) => format!(
            "Remove the connection from the Adobe Commerce {net} to {}, {}.",
            our_service(style, cloud, name),
            scope_text(style, scope)
        ),
        ChangeAction::OpenPorts(PortTarget::Adobe, ports, scope) => format!(
            "Open {} in Adobe Commerce for connections from our {net}, {}.",
            ports_phrase(style, ports),
            scope_text(style, scope)
        ),
        ChangeAction::ClosePorts(PortTarget::Adobe, ports, scope) => format!(
            "Close {} in Adobe Commerce, {}.",
            ports_phrase(style, ports),
            scope_text(style, scope)
        ),
        ChangeAction::OpenPorts(PortTarget::EndpointService(name), ports, scope) => format!(
            "Connect to {} on {} as well, {}.",
            our_service(style, cloud, name),
            ports_phrase(style, ports),
            scope_text(style, scope)
        ),
        ChangeAction::ClosePorts(PortTarget::EndpointService(name), ports, scope) => format!(
            "Stop connecting to {} on {}, {}.",
            our_service(style, cloud, name),
            ports_phrase(style, ports),
            scope_text(style, scope)
        ),
    }
}

fn body(c: &Change, s: &mut dyn Style) -> String {
    let cloud = c.cloud();
    s.para(&format!(
        "Please make the changes below to the existing {} setup of our Adobe Commerce Pro project.",
        cloud.product()
    ));
    s.heading("Project");
    let company = s.user(&c.company);
    s.field("Company", &company);
    s.field("Cloud", cloud.product());
    let region = format!("{}, {}", s.id(c.region.code), c.region.name);
    s.field("Region", &region);
    let project = s.id(c.project_id.as_str());
    s.field("Project ID", &project);
    s.out().push('\n');

    s.heading("Changes");
    for change in &c.changes {
        let line = change_line(s, cloud, change);
        s.item(&line);
    }
    s.out().push('\n');
    super::closing(s)
}

struct JsonChange<'a> {
    version: u8,
    kind: &'static str,
    company: &'a str,
    cloud: &'static str,
    region: &'static str,
    region_name: &'static str,
    project_id: &'a str,
    changes: Vec<JsonItem<'a>>,
}

impl ToJson for JsonChange<'_> {
    fn to_json(&self, w: &mut Pretty) {
        w.object(|w| {
            w.field("version", &self.version);
            w.field("kind", self.kind);
            w.field("company", self.company);
            w.field("cloud", self.cloud);
            w.field("region", self.region);
            w.field("region_name", self.region_name);
            w.field("project_id", self.project_id);
            w.field("changes", &self.changes);
        });
    }
}

/// One change: its action's entries, then its line of the text ticket.
struct JsonItem<'a> {
    action: JsonAction<'a>,
    summary: String,
}

impl ToJson for JsonItem<'_> {
    fn to_json(&self, w: &mut Pretty) {
        w.object(|w| {
            self.action.fields(w);
            w.field("summary", &self.summary);
        });
    }
}

/// A change's action, written as `"action": "<snake_case name>"` and the action's fields;
/// absent options and empty environment lists are left out.
enum JsonAction<'a> {
    AddEnvironment {
        environment: &'a str,
    },
    RemoveConnection {
        environment: &'a str,
    },
    ChangeAccount {
        from_account_id: &'a str,
        to_account_id: &'a str,
    },
    AddEndpointService {
        name: String,
        ports: Vec<JsonPort<'a>>,
        principal_allowed: Option<bool>,
        principal: Option<&'static str>,
        environments: Vec<&'a str>,
    },
    RemoveEndpointService {
        name: String,
        environments: Vec<&'a str>,
    },
    OpenPorts {
        name: Option<String>,
        ports: Vec<JsonPort<'a>>,
        environments: Vec<&'a str>,
    },
    ClosePorts {
        name: Option<String>,
        ports: Vec<JsonPort<'a>>,
        environments: Vec<&'a str>,
    },
}

impl JsonAction<'_> {
    fn fields(&self, w: &mut Pretty) {
        match self {
            JsonAction::AddEnvironment { environment } => {
                w.field("action", "add_environment");
                w.field("environment", environment);
            }
            JsonAction::RemoveConnection { environment } => {
                w.field("action", "remove_connection");
                w.field("environment", environment);
            }
            JsonAction::ChangeAccount {
                from_account_id,
                to_account_id,
            } => {
                w.field("action", "change_account");
                w.field("from_account_id", from_account_id);
                w.field("to_account_id", to_account_id);
            }
            JsonAction::AddEndpointService {
                name,
                ports,
                principal_allowed,
                principal,
                environments,
            } => {
                w.field("action", "add_endpoint_service");
                w.field("name", name);
                w.field("ports", ports);
                w.field_opt("principal_allowed", principal_allowed);
                w.field_opt("principal", principal);
                w.field_list("environments", environments);
            }
            JsonAction::RemoveEndpointService { name, environments } => {
                w.field("action", "remove_endpoint_service");
                w.field("name", name);
                w.field_list("environments", environments);
            }
            JsonAction::OpenPorts {
                name,
                ports,
                environments,
            }
            | JsonAction::ClosePorts {
                name,
                ports,
                environments,
            } => {
                let action = if matches!(self, JsonAction::OpenPorts { .. }) {
                    "open_ports"
                } else {
                    "close_ports"
                };
                w.field("action", action);
                w.field_opt("name", name);
                w.field("ports", ports);
                w.field_list("environments", environments);
            }
        }
    }
}

fn envs(scope: &Scope) -> Vec<&str> {
    scope.0.iter().map(|e| e.as_str()).collect()
}

fn target_name(t: &PortTarget) -> Option<String> {
    match t {
        PortTarget::Adobe => None,
        PortTarget::EndpointService(n) => Some(n.to_string()),
    }
}

fn json(subject: &str, body: &str, markdown: &str, c: &Change) -> String {
    let plain = Text::default();
    let changes = c
        .changes
        .iter()
        .map(|change| JsonItem {
            action: match change {
                ChangeAction::AddEnvironment(env) => JsonAction::AddEnvironment {
                    environment: env.as_str(),
                },
                ChangeAction::RemoveConnection(env) => JsonAction::RemoveConnection {
                    environment: env.as_str(),
                },
                ChangeAction::ChangeAccount { from, to } => JsonAction::ChangeAccount {
                    from_account_id: from.as_str(),
                    to_account_id: to.as_str(),
                },
                ChangeAction::AddEndpointService(svc, scope) => JsonAction::AddEndpointService {
                    name: svc.name.to_string(),
                    ports: json_ports(&svc.ports),
                    principal_allowed: json_principal(c.cloud()).0,
                    principal: json_principal(c.cloud()).1,
                    environments: envs(scope),
                },
                ChangeAction::RemoveEndpointService(name, scope) => {
                    JsonAction::RemoveEndpointService {
                        name: name.to_string(),
                        environments: envs(scope),
                    }
                }
                ChangeAction::OpenPorts(t, ports, scope) => JsonAction::OpenPorts {
                    name: target_name(t),
                    ports: json_ports(ports),
                    environments: envs(scope),
                },
                ChangeAction::ClosePorts(t, ports, scope) => JsonAction::ClosePorts {
                    name: target_name(t),
                    ports: json_ports(ports),
                    environments: envs(scope),
                },
            },
            summary: change_line(&plain, c.cloud(), change),
        })
        .collect();
    let request = JsonChange {
        version: 1,
        kind: "change",
        company: &c.company,
        cloud: c.cloud().as_str(),
        region: c.region.code,
        region_name: c.region.name,
        project_id: c.project_id.as_str(),
        changes,
    };
    json_ticket(
        subject,
        body,
        markdown,
        request,
        #[cfg(feature = "evidence")]
        &[],
    )
}
