//! The ticket of a change request: subject `PrivateLink change for <company>`, then the project
//! and one line per change, in plain text, Markdown (user text escaped) or JSON.
//!
//! The JSON body is `{"subject": ..., "request": {"version": 1, "kind": "change", "company",
//! "cloud", "region", "region_name", "project_id", "changes": [...]}}`, each change an object with
//! its `action`, the normalised fields of that action, and `summary`, the change's line of the
//! plain-text ticket:
//! - `{"action": "remove_connection", "environment": "production" | "staging"}`
//! - `{"action": "change_account", "from_account_id", "to_account_id"}`
//! - `{"action": "add_endpoint_service", "name", "ports": [{service, port, protocol}],
//!   "principal_allowed": true, "principal": "arn:aws:iam::402592597372:root"}`
//! - `{"action": "remove_endpoint_service", "name"}`

use serde::Serialize;

use super::{json_ports, JsonPort, Markdown, Style, Text, Ticket};
use crate::ids::ADOBE_PRINCIPAL;
use crate::regions::Cloud;
use crate::request::{Account, Change, ChangeAction, PortSpec};
use crate::ticket::Format;

/// Renders the ticket of a change request.
pub(super) fn render(c: &Change, format: Format) -> Ticket {
    let subject = format!("PrivateLink change for {}", c.company);
    let body = match format {
        Format::Text => body(c, &mut Text::default()),
        Format::Markdown => body(c, &mut Markdown::default()),
        Format::Json => json(&subject, c),
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
    list.join(", ")
}

/// The one line that says what a change does.
fn change_line(style: &dyn Style, cloud: Cloud, change: &ChangeAction) -> String {
    let net = cloud.network();
    match change {
        ChangeAction::RemoveConnection(env) => format!(
            "Remove the {} connection from the {} environment.",
            cloud.product(),
            env.label()
        ),
        ChangeAction::ChangeAccount { from, to } => format!(
            "Change the {} allowed on {} from {} to {}.",
            account_label(from),
            adobe_service(cloud),
            style.id(from.as_str()),
            style.id(to.as_str())
        ),
        ChangeAction::AddEndpointService(svc) => format!(
            "Add a connection from the Adobe Commerce {net} to our endpoint service {} ({}) on {} {}; Adobe's principal {} is granted access on it.",
            style.id(&svc.name.to_string()),
            svc.name.form(),
            if svc.ports.len() == 1 { "port" } else { "ports" },
            ports_text(style, &svc.ports),
            style.id(ADOBE_PRINCIPAL)
        ),
        ChangeAction::RemoveEndpointService(name) => format!(
            "Remove the connection from the Adobe Commerce {net} to our endpoint service {} ({}).",
            style.id(&name.to_string()),
            name.form()
        ),
    }
}

fn body<S: Style>(c: &Change, s: &mut S) -> String {
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

#[derive(Serialize)]
struct JsonTicket<'a> {
    subject: &'a str,
    request: JsonChange<'a>,
}

#[derive(Serialize)]
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

#[derive(Serialize)]
struct JsonItem<'a> {
    #[serde(flatten)]
    action: JsonAction<'a>,
    summary: String,
}

#[derive(Serialize)]
#[serde(tag = "action", rename_all = "snake_case")]
enum JsonAction<'a> {
    RemoveConnection {
        environment: &'static str,
    },
    ChangeAccount {
        from_account_id: &'a str,
        to_account_id: &'a str,
    },
    AddEndpointService {
        name: String,
        ports: Vec<JsonPort<'a>>,
        principal_allowed: bool,
        principal: &'static str,
    },
    RemoveEndpointService {
        name: String,
    },
}

fn json(subject: &str, c: &Change) -> String {
    let plain = Text::default();
    let changes = c
        .changes
        .iter()
        .map(|change| JsonItem {
            action: match change {
                ChangeAction::RemoveConnection(env) => JsonAction::RemoveConnection {
                    environment: env.as_str(),
                },
                ChangeAction::ChangeAccount { from, to } => JsonAction::ChangeAccount {
                    from_account_id: from.as_str(),
                    to_account_id: to.as_str(),
                },
                ChangeAction::AddEndpointService(svc) => JsonAction::AddEndpointService {
                    name: svc.name.to_string(),
                    ports: json_ports(&svc.ports),
                    principal_allowed: true,
                    principal: ADOBE_PRINCIPAL,
                },
                ChangeAction::RemoveEndpointService(name) => JsonAction::RemoveEndpointService {
                    name: name.to_string(),
                },
            },
            summary: change_line(&plain, c.cloud(), change),
        })
        .collect();
    let doc = JsonTicket {
        subject,
        request: JsonChange {
            version: 1,
            kind: "change",
            company: &c.company,
            cloud: c.cloud().as_str(),
            region: c.region.code,
            region_name: c.region.name,
            project_id: c.project_id.as_str(),
            changes,
        },
    };
    let mut s = serde_json::to_string_pretty(&doc).unwrap_or_default();
    s.push('\n');
    s
}
