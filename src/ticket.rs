//! Renders the support ticket for a checked request: plain text, Markdown, or JSON.

use serde::Serialize;

use crate::pretty::{self, Pretty, ToJson};

use crate::ids::ADOBE_PRINCIPAL;
use crate::regions::Cloud;
#[cfg(feature = "evidence")]
use crate::request::Verified;
use crate::request::{Account, Connection, Enablement, PortSpec, Request};
use crate::text::{escape_markdown, pad};

/// The ticket of a change request (`src/ticket/change.rs`).
mod change;

/// The output formats of a ticket.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Format {
    /// Plain text for the support form.
    Text,
    /// Markdown, with every user value escaped.
    Markdown,
    /// A JSON document for tools: the subject, the body as plain text and as Markdown, and the
    /// normalised request.
    Json,
}

impl Format {
    /// Reads `text`, `markdown` (or `md`) or `json`.
    pub fn parse(s: &str) -> Option<Format> {
        match s {
            "text" | "txt" => Some(Format::Text),
            "markdown" | "md" => Some(Format::Markdown),
            "json" => Some(Format::Json),
            _ => None,
        }
    }
}

/// A rendered ticket.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Ticket {
    /// The one-line subject, as text (what goes into the support form's subject field).
    pub subject: String,
    /// The body in the requested format.
    pub body: String,
    /// The whole ticket as one file, as the CLI prints it and the page downloads it: a line
    /// `Subject: <subject>` (escaped like every user value in Markdown), a blank line, then the
    /// body; in JSON, the body alone (it holds the subject).
    pub file: String,
}

impl Ticket {
    fn new(subject: String, body: String, format: Format) -> Self {
        let file = match format {
            Format::Json => body.clone(),
            Format::Text => format!("Subject: {subject}\n\n{body}"),
            Format::Markdown => format!("Subject: {}\n\n{body}", escape_markdown(&subject)),
        };
        Ticket {
            subject,
            body,
            file,
        }
    }
}

/// Renders `request` in `format`. Deterministic: the same request gives the same bytes.
pub fn render(request: &Request, format: Format) -> Ticket {
    match request {
        Request::Enablement(e) => {
            let subject = format!("PrivateLink support for {}", e.company);
            let body = match format {
                Format::Text => enablement_body(e, &mut Text::default()),
                Format::Markdown => enablement_body(e, &mut Markdown::default()),
                Format::Json => json(
                    &subject,
                    &enablement_body(e, &mut Text::default()),
                    &enablement_body(e, &mut Markdown::default()),
                    e,
                ),
            };
            Ticket::new(subject, body, format)
        }
        #[cfg(feature = "change")]
        Request::Change(c) => change::render(c, format),
    }
}

/// One line explaining the connection type.
fn connection_line(c: &Connection, cloud: Cloud) -> String {
    let net = cloud.network();
    match c {
        Connection::Unidirectional => format!(
            "Unidirectional: our {net} connects to the Adobe Commerce {net}; Adobe does not connect back."
        ),
        Connection::Bidirectional(_) => format!(
            "Bidirectional: our {net} connects to the Adobe Commerce {net}, and Adobe connects to the {} in our {net} listed below.",
            services(cloud)
        ),
    }
}

/// What the customer's services that Adobe connects to are called on each cloud.
fn services(cloud: Cloud) -> &'static str {
    match cloud {
        Cloud::Aws => "endpoint services",
        Cloud::Azure => "Private Link services",
    }
}

/// What the customer does on Azure, where Adobe's access is by subscription and is given after
/// the ticket: there is no principal to grant beforehand.
pub(crate) const AZURE_ACCESS: &str = "Please name the Azure subscription Adobe connects from: we will then add it to the visibility of each Private Link service (and, if we choose, to its auto-approval), or approve Adobe's pending connection.";

/// The two text renderings differ only in how they mark things up.
trait Style {
    fn out(&mut self) -> &mut String;
    /// User-supplied free text (company, service names).
    fn user(&self, s: &str) -> String;
    /// An identifier in a checked format.
    fn id(&self, s: &str) -> String;
    fn heading(&mut self, s: &str);
    fn field(&mut self, label: &str, value: &str);
    fn table(&mut self, header: [&str; 3], rows: &[[String; 3]]);
    fn item(&mut self, s: &str);
    fn line(&mut self, s: &str) {
        let o = self.out();
        o.push_str(s);
        o.push('\n');
    }
    fn para(&mut self, s: &str) {
        let o = self.out();
        o.push_str(s);
        o.push_str("\n\n");
    }
}

#[derive(Default)]
struct Text(String);

impl Style for Text {
    fn out(&mut self) -> &mut String {
        &mut self.0
    }
    fn user(&self, s: &str) -> String {
        s.into()
    }
    fn id(&self, s: &str) -> String {
        s.into()
    }
    fn heading(&mut self, s: &str) {
        self.0.push_str(s);
        self.0.push('\n');
        for _ in s.chars() {
            self.0.push('-');
        }
        self.0.push('\n');
    }
    fn field(&mut self, label: &str, value: &str) {
        pad(&mut self.0, &format!("{label}:"), 24);
        self.0.push_str(value);
        self.0.push('\n');
    }
    fn table(&mut self, header: [&str; 3], rows: &[[String; 3]]) {
        let mut widths = header.map(crate::text::char_count);
        for r in rows {
            for (w, cell) in widths.iter_mut().zip(r) {
                *w = (*w).max(crate::text::char_count(cell));
            }
        }
        let line = |cells: [&str; 3], out: &mut String| {
            out.push_str("  ");
            pad(out, cells[0], widths[0] + 2);
            pad(out, cells[1], widths[1] + 2);
            out.push_str(cells[2]);
            out.push('\n');
        };
        line(header, &mut self.0);
        for r in rows {
            line([&r[0], &r[1], &r[2]], &mut self.0);
        }
    }
    fn item(&mut self, s: &str) {
        self.0.push_str("  - ");
        self.0.push_str(s);
        self.0.push('\n');
    }
}

#[derive(Default)]
struct Markdown(String);

impl Style for Markdown {
    fn out(&mut self) -> &mut String {
        &mut self.0
    }
    fn user(&self, s: &str) -> String {
        escape_markdown(s)
    }
    fn id(&self, s: &str) -> String {
        // Checked identifiers never hold a backtick, so a code span is safe.
        format!("`{s}`")
    }
    fn heading(&mut self, s: &str) {
        self.0.push_str("## ");
        self.0.push_str(s);
        self.0.push('\n');
    }
    fn field(&mut self, label: &str, value: &str) {
        self.0.push_str("- **");
        self.0.push_str(label);
        self.0.push_str(":** ");
        self.0.push_str(value);
        self.0.push('\n');
    }
    fn table(&mut self, header: [&str; 3], rows: &[[String; 3]]) {
        self.0.push_str(&format!(
            "| {} | {} | {} |\n|---|---:|---|\n",
            header[0], header[1], header[2]
        ));
        for r in rows {
            self.0
                .push_str(&format!("| {} | {} | {} |\n", r[0], r[1], r[2]));
        }
    }
    fn item(&mut self, s: &str) {
        self.0.push_str("- ");
        self.0.push_str(s);
        self.0.push('\n');
    }
}

fn port_rows(style: &dyn Style, ports: &[PortSpec]) -> Vec<[String; 3]> {
    ports
        .iter()
        .map(|p| {
            [
                style.user(&p.service),
                p.port.to_string(),
                p.protocol.label().to_string(),
            ]
        })
        .collect()
}

fn enablement_body(e: &Enablement, s: &mut dyn Style) -> String {
    let cloud = e.cloud();
    let product = cloud.product();
    s.para(&format!(
        "Please enable {product} for our Adobe Commerce Pro project. All the data the enablement needs is below."
    ));
    s.heading("Request");
    let company = s.user(&e.company);
    s.field("Company", &company);
    s.field("Cloud", product);
    let region = format!("{}, {}", s.id(e.region.code), e.region.name);
    s.field("Region", &region);
    let account = s.id(e.account.as_str());
    s.field(e.account.label(), &account);
    let project = s.id(e.project_id.as_str());
    s.field("Project ID", &project);
    s.field("Plan", "Pro");
    let envs: Vec<String> = e.environments.iter().map(|v| s.user(&v.label())).collect();
    s.field("Environments", &crate::text::join(&envs, ", "));
    s.field("Connection type", &connection_line(&e.connection, cloud));
    s.out().push('\n');

    s.heading("Services and ports to open in the Adobe Commerce environments");
    let rows = port_rows(s, &e.ports);
    s.table(["Service", "Port", "Protocol"], &rows);
    s.out().push('\n');

    if let Connection::Bidirectional(list) = &e.connection {
        s.heading(match cloud {
            Cloud::Aws => "Endpoint services in our VPC for Adobe to connect to",
            Cloud::Azure => "Private Link services in our virtual network for Adobe to connect to",
        });
        for (i, svc) in list.iter().enumerate() {
            let name = s.id(&svc.name.to_string());
            s.para(&format!("{}. {} ({})", i + 1, name, svc.name.form()));
            let rows = port_rows(s, &svc.ports);
            s.table(["Service", "Port", "Protocol"], &rows);
            s.out().push('\n');
        }
        match cloud {
            Cloud::Aws => {
                let principal = s.id(ADOBE_PRINCIPAL);
                s.para(&format!(
                    "Adobe's principal {principal} is granted access on each endpoint service listed above."
                ));
            }
            Cloud::Azure => s.para(AZURE_ACCESS),
        }
        s.line(&format!(
            "Prerequisites in place in our {}:",
            cloud.network()
        ));
        match cloud {
            Cloud::Aws => {
                s.item("a Network Load Balancer in front of each endpoint service");
                s.item("an endpoint service configuration for the application");
            }
            Cloud::Azure => {
                s.item("a Standard Load Balancer (frontend IP configuration) in front of each Private Link service");
                s.item("a Private Link service for the application");
            }
        }
        s.out().push('\n');
    }
    s.para(match cloud {
        Cloud::Aws => "Please send the name of Adobe's endpoint service in this ticket: we create our interface endpoint to it once we have it.",
        Cloud::Azure => "Please send the resource ID or alias of Adobe's Private Link service in this ticket: we create our private endpoint to it once we have it.",
    });

    if let (Some(az), Account::Azure(main)) = (&e.azure, &e.account) {
        s.heading("Azure details");
        let cluster = s.id(az.cluster_id.as_str());
        s.field("Cluster ID", &cluster);
        s.out().push('\n');
        let mut subs = vec![s.id(main.as_str())];
        subs.extend(
            az.subscription_ids
                .iter()
                .filter(|x| *x != main)
                .map(|x| s.id(x.as_str())),
        );
        s.line("Subscriptions that will create Private Endpoint connections:");
        for sub in &subs {
            s.item(sub);
        }
        s.out().push('\n');
    }
    #[cfg(feature = "evidence")]
    verified_section(&e.verified, s);
    closing(s)
}

/// The heading of the section that lists what the customer's cloud outputs confirmed.
#[cfg(feature = "evidence")]
pub const VERIFIED_HEADING: &str = "Verified from the customer's own cloud output";

/// What evidence confirmed, one line per fact with the command it came from; nothing when no
/// evidence confirmed anything. Every part is the tool's own words or a checked value. Without
/// the feature `evidence` a request never holds any.
#[cfg(feature = "evidence")]
fn verified_section(list: &[Verified], s: &mut dyn Style) {
    if list.is_empty() {
        return;
    }
    s.heading(VERIFIED_HEADING);
    s.para("Each line was read from the output of a read-only command run in our own account; nothing else in this ticket is verified.");
    for v in list {
        let line = format!(
            "{} {}: {} (from {})",
            v.label,
            s.id(&v.value),
            v.fact,
            s.id(v.command)
        );
        s.item(&line);
    }
    s.out().push('\n');
}

/// Ends a body with the closing line; the body then ends with exactly one newline.
fn closing(s: &mut dyn Style) -> String {
    s.para("Thank you.");
    let mut body = std::mem::take(s.out());
    while body.ends_with('\n') {
        body.pop();
    }
    body.push('\n');
    body
}

struct JsonTicket<'a, R> {
    subject: &'a str,
    /// The plain-text body, as the text format renders it.
    body: &'a str,
    /// The Markdown body, as the markdown format renders it.
    markdown: &'a str,
    request: R,
    /// What the customer's cloud outputs confirmed; absent when nothing was.
    #[cfg(feature = "evidence")]
    verified: &'a [JsonVerified<'a>],
}

/// One verified fact of the JSON ticket.
#[cfg(feature = "evidence")]
struct JsonVerified<'a> {
    /// The declared field it confirms, e.g. `account_id`.
    field: &'a str,
    label: &'a str,
    value: &'a str,
    fact: &'a str,
    /// The command whose output showed it.
    command: &'a str,
    /// The evidence entry, e.g. `evidence[0]`.
    evidence: &'a str,
}

#[cfg(feature = "evidence")]
impl ToJson for JsonVerified<'_> {
    fn to_json(&self, w: &mut Pretty) {
        w.object(|w| {
            w.field("field", self.field);
            w.field("label", self.label);
            w.field("value", self.value);
            w.field("fact", self.fact);
            w.field("command", self.command);
            w.field("evidence", self.evidence);
        });
    }
}

impl<R: ToJson> ToJson for JsonTicket<'_, R> {
    fn to_json(&self, w: &mut Pretty) {
        w.object(|w| {
            w.field("subject", self.subject);
            w.field("body", self.body);
            w.field("markdown", self.markdown);
            w.field("request", &self.request);
            #[cfg(feature = "evidence")]
            w.field_list("verified", self.verified);
        });
    }
}

/// The JSON format of a ticket: `{subject, body, markdown, request}`, pretty, one final newline.
fn json_ticket<R: ToJson>(
    subject: &str,
    body: &str,
    markdown: &str,
    request: R,
    #[cfg(feature = "evidence")] verified: &[JsonVerified],
) -> String {
    let doc = JsonTicket {
        subject,
        body,
        markdown,
        request,
        #[cfg(feature = "evidence")]
        verified,
    };
    let mut s = pretty::to_string(&doc);
    s.push('\n');
    s
}

struct JsonRequest<'a> {
    version: u8,
    kind: &'static str,
    company: &'a str,
    cloud: &'static str,
    region: &'static str,
    region_name: &'static str,
    account_id: &'a str,
    project_id: &'a str,
    plan: &'static str,
    environments: Vec<&'a str>,
    connection_type: &'static str,
    ports: Vec<JsonPort<'a>>,
    endpoint_services: Option<Vec<JsonEndpoint<'a>>>,
    prerequisites: Option<JsonPrerequisites>,
    azure: Option<JsonAzure<'a>>,
}

impl ToJson for JsonRequest<'_> {
    fn to_json(&self, w: &mut Pretty) {
        w.object(|w| {
            w.field("version", &self.version);
            w.field("kind", self.kind);
            w.field("company", self.company);
            w.field("cloud", self.cloud);
            w.field("region", self.region);
            w.field("region_name", self.region_name);
            w.field("account_id", self.account_id);
            w.field("project_id", self.project_id);
            w.field("plan", self.plan);
            w.field("environments", &self.environments);
            w.field("connection_type", self.connection_type);
            w.field("ports", &self.ports);
            w.field_opt("endpoint_services", &self.endpoint_services);
            w.field_opt("prerequisites", &self.prerequisites);
            w.field_opt("azure", &self.azure);
        });
    }
}

struct JsonPort<'a> {
    service: &'a str,
    port: u16,
    protocol: &'static str,
}

impl ToJson for JsonPort<'_> {
    fn to_json(&self, w: &mut Pretty) {
        w.object(|w| {
            w.field("service", self.service);
            w.field("port", &self.port);
            w.field("protocol", self.protocol);
        });
    }
}

struct JsonEndpoint<'a> {
    name: String,
    ports: Vec<JsonPort<'a>>,
    /// AWS only: that Adobe's principal is allowed, and which it is.
    principal_allowed: Option<bool>,
    principal: Option<&'static str>,
}

impl ToJson for JsonEndpoint<'_> {
    fn to_json(&self, w: &mut Pretty) {
        w.object(|w| {
            w.field("name", &self.name);
            w.field("ports", &self.ports);
            w.field_opt("principal_allowed", &self.principal_allowed);
            w.field_opt("principal", &self.principal);
        });
    }
}

/// `principal_allowed` and `principal` of an endpoint service on `cloud`: on AWS `true` and
/// Adobe's principal; absent on Azure, where Adobe's access is given after the ticket.
pub(crate) fn json_principal(cloud: Cloud) -> (Option<bool>, Option<&'static str>) {
    match cloud {
        Cloud::Aws => (Some(true), Some(ADOBE_PRINCIPAL)),
        Cloud::Azure => (None, None),
    }
}

/// What the customer confirmed in place; the endpoint to Adobe's service comes after the ticket
/// and is never claimed.
struct JsonPrerequisites {
    nlb: bool,
    endpoint_service: bool,
}

impl ToJson for JsonPrerequisites {
    fn to_json(&self, w: &mut Pretty) {
        w.object(|w| {
            w.field("nlb", &self.nlb);
            w.field("endpoint_service", &self.endpoint_service);
        });
    }
}

struct JsonAzure<'a> {
    cluster_id: &'a str,
    subscription_ids: Vec<&'a str>,
}

impl ToJson for JsonAzure<'_> {
    fn to_json(&self, w: &mut Pretty) {
        w.object(|w| {
            w.field("cluster_id", self.cluster_id);
            w.field("subscription_ids", &self.subscription_ids);
        });
    }
}

fn json_ports(ports: &[PortSpec]) -> Vec<JsonPort<'_>> {
    ports
        .iter()
        .map(|p| JsonPort {
            service: &p.service,
            port: p.port,
            protocol: p.protocol.as_str(),
        })
        .collect()
}

fn json(subject: &str, body: &str, markdown: &str, e: &Enablement) -> String {
    let (endpoint_services, prerequisites) = match &e.connection {
        Connection::Unidirectional => (None, None),
        Connection::Bidirectional(list) => (
            Some(
                list.iter()
                    .map(|s| JsonEndpoint {
                        name: s.name.to_string(),
                        ports: json_ports(&s.ports),
                        principal_allowed: json_principal(e.cloud()).0,
                        principal: json_principal(e.cloud()).1,
                    })
                    .collect(),
            ),
            Some(JsonPrerequisites {
                nlb: true,
                endpoint_service: true,
            }),
        ),
    };
    let request = JsonRequest {
        version: 1,
        kind: "enablement",
        company: &e.company,
        cloud: e.cloud().as_str(),
        region: e.region.code,
        region_name: e.region.name,
        account_id: e.account.as_str(),
        project_id: e.project_id.as_str(),
        plan: "pro",
        environments: e.environments.iter().map(|v| v.as_str()).collect(),
        connection_type: e.connection.as_str(),
        ports: json_ports(&e.ports),
        endpoint_services,
        prerequisites,
        azure: e.azure.as_ref().map(|a| JsonAzure {
            cluster_id: a.cluster_id.as_str(),
            subscription_ids: a.subscription_ids.iter().map(|x| x.as_str()).collect(),
        }),
    };
    #[cfg(feature = "evidence")]
    let verified: Vec<JsonVerified> = e
        .verified
        .iter()
        .map(|v| JsonVerified {
            field: &v.field,
            label: v.label,
            value: &v.value,
            fact: &v.fact,
            command: v.command,
            evidence: &v.evidence,
        })
        .collect();
    json_ticket(
        subject,
        body,
        markdown,
        request,
        #[cfg(feature = "evidence")]
        &verified,
    )
}
