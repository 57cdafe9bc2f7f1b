//! The guide: for a valid request, the steps that follow the ticket, in order, with who acts at
//! each (the customer or Adobe) and the customer's commands filled in with the request's values.
//!
//! The guide is data first ([`Guide`], serialised as the JSON format and returned to the page as
//! an object), then rendered as text or Markdown. Its JSON shape:
//!
//! ```text
//! Guide {
//!   title: string,                 // "PrivateLink enablement guide for <company>"
//!   kind: "enablement" | "change",
//!   cloud: "aws" | "azure",
//!   region: string, region_name: string,
//!   connection_type?: "unidirectional" | "bidirectional",   // enablement only
//!   summary: string,               // one paragraph: cloud, region, connection, environments
//!   business_days: number,         // 5: "up to five business days" from the ticket
//!   placeholders: [{token: "<your-vpc-id>", meaning: string}],  // those the commands still hold
//!   steps: [Step]
//! }
//! Step {
//!   id: string,                    // stable, e.g. "create-endpoint", "test-production"
//!   actor: "customer" | "adobe",
//!   title: string, explanation: string,
//!   bidirectional: boolean,        // true for the steps only a bidirectional setup has
//!   commands: [{purpose: string, command: string, placeholders: string[],
//!               success?: string, failure?: string}],
//!   checklist: string[]            // what to check when a test fails
//! }
//! ```
//!
//! Every command is one line of POSIX shell. The request's values in it are validated formats,
//! and each is single-quoted whenever it holds a character the shell would read
//! ([`crate::shell`]); what the request does not give is a placeholder such as `<your-vpc-id>`,
//! listed in `placeholders` with what to put there. Private DNS is not available for Adobe's
//! endpoint service, so the AWS endpoint is created with `--no-private-dns-enabled`.

use serde::Serialize;

use crate::dates::ENABLEMENT_BUSINESS_DAYS;

pub(crate) mod evidence;
use crate::ids::{EndpointServiceName, ProjectId, ADOBE_PRINCIPAL};
use crate::network::CustomerNetwork;
use crate::pretty::{self, Pretty, ToJson};
use crate::regions::{Cloud, Region};
use crate::request::{
    Account, Change, ChangeAction, Connection, Enablement, EndpointService, Environment, PortSpec,
    PortTarget, Protocol, Request, Scope,
};
use crate::shell::{CommandLine, Word};
use crate::text::{and_list, escape_markdown};
use crate::ticket::Format;

/// The steps after the ticket, for one request.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Guide {
    /// `PrivateLink enablement guide for <company>` or `PrivateLink change guide for <company>`.
    pub title: String,
    /// `enablement` or `change`.
    pub kind: &'static str,
    /// `aws` or `azure`.
    pub cloud: &'static str,
    /// The region code.
    pub region: &'static str,
    /// The region's display name.
    pub region_name: &'static str,
    /// `unidirectional` or `bidirectional`; enablement guides only.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub connection_type: Option<&'static str>,
    /// One paragraph that says what the guide is for.
    pub summary: String,
    /// The business days Adobe takes at most, counted from the ticket.
    pub business_days: u32,
    /// The placeholders the commands still hold, in order of first use, with their meaning.
    pub placeholders: Vec<Placeholder>,
    /// The steps, in order.
    pub steps: Vec<Step>,
}

impl ToJson for Guide {
    fn to_json(&self, w: &mut Pretty) {
        w.object(|w| {
            w.field("title", &self.title);
            w.field("kind", self.kind);
            w.field("cloud", self.cloud);
            w.field("region", self.region);
            w.field("region_name", self.region_name);
            w.field_opt("connection_type", &self.connection_type);
            w.field("summary", &self.summary);
            w.field("business_days", &self.business_days);
            w.field("placeholders", &self.placeholders);
            w.field("steps", &self.steps);
        });
    }
}

/// A value the reader puts into a command.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Placeholder {
    /// As written in the commands, e.g. `<your-vpc-id>`.
    pub token: &'static str,
    /// What to put there and where to find it.
    pub meaning: &'static str,
}

impl ToJson for Placeholder {
    fn to_json(&self, w: &mut Pretty) {
        w.object(|w| {
            w.field("token", self.token);
            w.field("meaning", self.meaning);
        });
    }
}

/// Who acts at a step.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Actor {
    /// The customer (the reader).
    Customer,
    /// Adobe Commerce support.
    Adobe,
}

impl ToJson for Actor {
    fn to_json(&self, w: &mut Pretty) {
        match self {
            Actor::Customer => "customer",
            Actor::Adobe => "adobe",
        }
        .to_json(w);
    }
}

impl Actor {
    fn label(self) -> &'static str {
        match self {
            Actor::Customer => "you",
            Actor::Adobe => "Adobe",
        }
    }
}

/// One step of the workflow.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Step {
    /// Stable key, e.g. `create-endpoint` or `test-production`, for trackers.
    pub id: String,
    /// Who acts.
    pub actor: Actor,
    /// What happens, in a few words.
    pub title: String,
    /// Why and how, in a paragraph.
    pub explanation: String,
    /// True for steps only a bidirectional connection has.
    pub bidirectional: bool,
    /// The commands the customer runs, in order.
    pub commands: Vec<Command>,
    /// What to check when something does not work.
    pub checklist: Vec<String>,
}

impl ToJson for Step {
    fn to_json(&self, w: &mut Pretty) {
        w.object(|w| {
            w.field("id", &self.id);
            w.field("actor", &self.actor);
            w.field("title", &self.title);
            w.field("explanation", &self.explanation);
            w.field("bidirectional", &self.bidirectional);
            w.field("commands", &self.commands);
            w.field("checklist", &self.checklist);
        });
    }
}

/// One command line.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Command {
    /// What it does and where it runs.
    pub purpose: String,
    /// One line of shell.
    pub command: String,
    /// The placeholders it holds, each once.
    pub placeholders: Vec<&'static str>,
    /// What the output shows when all is well.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub success: Option<String>,
    /// What the output shows when it is not.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub failure: Option<String>,
}

impl ToJson for Command {
    fn to_json(&self, w: &mut Pretty) {
        w.object(|w| {
            w.field("purpose", &self.purpose);
            w.field("command", &self.command);
            w.field("placeholders", &self.placeholders);
            w.field_opt("success", &self.success);
            w.field_opt("failure", &self.failure);
        });
    }
}

impl Command {
    fn new(purpose: impl Into<String>, line: CommandLine) -> Self {
        Command {
            purpose: purpose.into(),
            command: line.render(),
            placeholders: line.placeholders(),
            success: None,
            failure: None,
        }
    }

    fn success(mut self, s: impl Into<String>) -> Self {
        self.success = Some(s.into());
        self
    }

    fn failure(mut self, s: impl Into<String>) -> Self {
        self.failure = Some(s.into());
        self
    }
}

// The placeholders, and what each means on each cloud.
const ADOBE_SERVICE_AWS: &str = "<adobe-endpoint-service-name>";
const ADOBE_SERVICE_AZURE: &str = "<adobe-private-link-service>";
const VPC: &str = "<your-vpc-id>";
const SUBNETS: &str = "<your-subnet-id>";
const SECURITY_GROUPS: &str = "<your-security-group-id>";
const RESOURCE_GROUP: &str = "<your-resource-group>";
const VNET: &str = "<your-vnet-name>";
const SUBNET_NAME: &str = "<your-subnet-name>";
const YOUR_ENDPOINT_ID: &str = "<your-endpoint-id>";
const YOUR_PRIVATE_ENDPOINT: &str = "<your-private-endpoint-name>";
const ADOBE_ENDPOINT_DNS: &str = "<adobe-endpoint-dns>";
const PRIVATE_ENDPOINT_IP: &str = "<private-endpoint-ip>";
const ENDPOINT_DNS: &str = "<endpoint-dns>";
const INTERFACE: &str = "<interface>";
const SOURCE_HOST: &str = "<source-host>";
const ADOBE_ENDPOINT_ID: &str = "<adobe-endpoint-id>";
const ADOBE_SUBSCRIPTION: &str = "<adobe-subscription-id>";
const PLS_RESOURCE_GROUP: &str = "<pls-resource-group>";
const PLS_NAME: &str = "<pls-name>";
const CONNECTION_NAME: &str = "<connection-name>";
const SUBSCRIPTIONS_TO_KEEP: &str = "<subscriptions-to-keep>";
const PORT: &str = "<port>";
const SSH_ACCESS: &str = "<ssh-access>";

fn meaning(token: &str, cloud: Cloud) -> &'static str {
    let aws = cloud == Cloud::Aws;
    match token {
        ADOBE_SERVICE_AWS => "The endpoint service name Adobe sends in the ticket, com.amazonaws.vpce.<region>.vpce-svc-<id>. Add it to the request as adobe_endpoint_service to have it filled in.",
        ADOBE_SERVICE_AZURE => "The resource ID or alias of Adobe's Private Link service, which Adobe sends in the ticket. Add it to the request as adobe_endpoint_service to have it filled in.",
        VPC => "The VPC that gets the endpoint, vpc-<id> (customer_network.vpc_id fills it in).",
        SUBNETS => "The subnets of that VPC for the endpoint, one per Availability Zone, separated by spaces, subnet-<id> (customer_network.subnet_ids fills them in).",
        SECURITY_GROUPS => "The security groups of the endpoint, separated by spaces, sg-<id>; they must let your clients in on the ports above (customer_network.security_group_ids fills them in).",
        RESOURCE_GROUP => "The resource group of your virtual network and of the new private endpoint (customer_network.resource_group fills it in).",
        VNET => "The virtual network that gets the private endpoint (customer_network.vnet_name fills it in).",
        SUBNET_NAME => "The subnet of that virtual network for the private endpoint (customer_network.subnet_name fills it in).",
        YOUR_ENDPOINT_ID => "The ID of your interface endpoint to Adobe's endpoint service, vpce-<id> (aws ec2 describe-vpc-endpoints lists it).",
        YOUR_PRIVATE_ENDPOINT => "The name of your private endpoint to Adobe's Private Link service (az network private-endpoint list shows it).",
        ADOBE_ENDPOINT_DNS => "The DNS name of your interface endpoint to Adobe: the last column the describe-vpc-endpoints command prints.",
        PRIVATE_ENDPOINT_IP => "The private IP address of your private endpoint to Adobe: what the az network nic show command prints.",
        ENDPOINT_DNS => "The DNS name or IP address through which the Adobe Commerce environment reaches your endpoint service; Adobe gives it in the ticket.",
        INTERFACE => "The network interface of the machine that runs the command, e.g. eth0 (ip link lists them).",
        SOURCE_HOST if aws => "The private IP addresses of your Network Load Balancer, where Adobe's connections reach your machines from (EC2 console, Network interfaces of the load balancer).",
        SOURCE_HOST => "The NAT IP address of your Private Link service, where Adobe's connections reach your machines from (Private Link service, NAT IP configuration).",
        ADOBE_ENDPOINT_ID => "The ID of Adobe's interface endpoint waiting for your acceptance, vpce-<id>: the first column the describe-vpc-endpoint-connections command prints.",
        ADOBE_SUBSCRIPTION => "The Azure subscription Adobe connects from; Adobe gives it in the ticket when it asks for access.",
        PLS_RESOURCE_GROUP => "The resource group of your Private Link service (its alias does not name it; give the resource ID in the request to have it filled in).",
        PLS_NAME => "The name of your Private Link service (its alias does not name it; give the resource ID in the request to have it filled in).",
        CONNECTION_NAME => "The name of Adobe's pending connection: what the az network private-endpoint-connection list command shows with status Pending.",
        SUBSCRIPTIONS_TO_KEEP => "The subscription IDs that keep access to the Private Link service, separated by spaces, without Adobe's.",
        PORT => "A port Adobe opened for your project, e.g. 3306.",
        SSH_ACCESS => "What follows ssh in the SSH command the Cloud Console shows for the environment (Access site, SSH access); on Pro Staging and Production it reads like <node>.ent-<project-ID>-<environment>-<user-ID>@ssh.<region>.magento.com.",
        _ => "",
    }
}

/// How user text and identifiers are written into the guide's sentences: as they are for text
/// and JSON, escaped and in code spans for Markdown.
#[derive(Clone, Copy)]
struct Inline {
    markdown: bool,
}

impl Inline {
    /// Free text from the request (company, service names).
    fn user(self, s: &str) -> String {
        if self.markdown {
            escape_markdown(s)
        } else {
            s.to_string()
        }
    }

    /// An identifier, a command fragment or a line of output.
    fn code(self, s: &str) -> String {
        if self.markdown {
            code_span(s)
        } else {
            s.to_string()
        }
    }
}

/// A Markdown code span that holds `s` whatever backticks it has.
fn code_span(s: &str) -> String {
    let longest = s
        .split(|c| c != '`')
        .map(str::len)
        .max()
        .unwrap_or_default();
    let fence = "`".repeat(longest + 1);
    let pad = if s.starts_with('`') || s.ends_with('`') {
        " "
    } else {
        ""
    };
    format!("{fence}{pad}{s}{pad}{fence}")
}

/// What the steps need to know about the request.
struct Ctx<'a> {
    cloud: Cloud,
    region: &'static Region,
    project_id: &'a ProjectId,
    net: Option<&'a CustomerNetwork>,
    adobe: Option<&'a EndpointServiceName>,
    md: Inline,
}

impl Ctx<'_> {
    fn aws(&self) -> bool {
        self.cloud == Cloud::Aws
    }

    fn adobe_service(&self) -> Option<String> {
        self.adobe.map(|n| n.to_string())
    }

    /// The name the guide gives the customer's private endpoint on Azure.
    fn private_endpoint_name(&self) -> String {
        format!("adobe-commerce-{}", self.project_id.as_str())
    }

    fn resource_group(&self) -> Option<String> {
        self.net
            .and_then(|n| n.resource_group.as_ref())
            .map(|r| r.as_str().to_string())
    }
}

/// Builds the guide of a checked request: the data the page renders and [`render`] formats.
pub fn guide(request: &Request) -> Guide {
    build(request, Inline { markdown: false })
}

/// Renders the guide as text, Markdown or JSON. Deterministic.
pub fn render(request: &Request, format: Format) -> String {
    match format {
        Format::Json => {
            let mut s = pretty::to_string(&guide(request));
            s.push('\n');
            s
        }
        Format::Text => render_text(&guide(request)),
        Format::Markdown => render_markdown(&build(request, Inline { markdown: true })),
    }
}

fn build(request: &Request, md: Inline) -> Guide {
    match request {
        Request::Enablement(e) => enablement(e, md),
        #[cfg(feature = "change")]
        Request::Change(c) => change(c, md),
    }
}

fn finish(
    title: String,
    kind: &'static str,
    region: &'static Region,
    connection_type: Option<&'static str>,
    summary: String,
    steps: Vec<Step>,
) -> Guide {
    let mut tokens: Vec<&'static str> = Vec::new();
    for c in steps.iter().flat_map(|s| &s.commands) {
        for p in &c.placeholders {
            if !tokens.contains(p) {
                tokens.push(p);
            }
        }
    }
    Guide {
        title,
        kind,
        cloud: region.cloud.as_str(),
        region: region.code,
        region_name: region.name,
        connection_type,
        summary,
        business_days: ENABLEMENT_BUSINESS_DAYS,
        placeholders: tokens
            .into_iter()
            .map(|token| Placeholder {
                token,
                meaning: meaning(token, region.cloud),
            })
            .collect(),
        steps,
    }
}

fn enablement(e: &Enablement, md: Inline) -> Guide {
    let ctx = Ctx {
        cloud: e.cloud(),
        region: e.region,
        project_id: &e.project_id,
        net: e.customer_network.as_ref(),
        adobe: e.adobe_endpoint_service.as_ref(),
        md,
    };
    let envs: Vec<String> = e.environments.iter().map(|v| md.user(&v.label())).collect();
    let summary = format!(
        "{} in {}, {}, {} connection, for {}. Adobe completes enablement within {ENABLEMENT_BUSINESS_DAYS} business days of the ticket; incomplete or wrong data delays it.",
        ctx.cloud.product(),
        md.code(e.region.code),
        e.region.name,
        e.connection.as_str(),
        and_list(&envs)
    );
    let mut send = send_ticket(&format!("PrivateLink support for {}", e.company), md);
    send.commands = check_with_your_cloud(e);
    let mut steps = vec![
        send,
        adobe_allows(&ctx, &e.account),
        create_endpoint(&ctx, "create-endpoint".into(), None, &e.ports),
        adobe_approves(&ctx, "adobe-approves".into()),
    ];
    for env in &e.environments {
        steps.push(test_to_adobe(
            &ctx,
            format!("test-{}", env.as_str()),
            Some(env),
            &e.ports,
        ));
    }
    if let Connection::Bidirectional(services) = &e.connection {
        let names: Vec<&EndpointServiceName> = services.iter().map(|s| &s.name).collect();
        steps.push(grant_access(&ctx, "grant-access".into(), &names));
        steps.push(adobe_connects(&ctx, "adobe-connects".into(), &names));
        steps.push(accept_connections(
            &ctx,
            "accept-connections".into(),
            &names,
        ));
        for env in &e.environments {
            steps.push(test_from_adobe(
                &ctx,
                format!("test-from-adobe-{}", env.as_str()),
                Some(env),
                services,
            ));
        }
    }
    finish(
        format!("PrivateLink enablement guide for {}", md.user(&e.company)),
        "enablement",
        e.region,
        Some(e.connection.as_str()),
        summary,
        steps,
    )
}

fn change(c: &Change, md: Inline) -> Guide {
    let ctx = Ctx {
        cloud: c.cloud(),
        region: c.region,
        project_id: &c.project_id,
        net: c.customer_network.as_ref(),
        adobe: c.adobe_endpoint_service.as_ref(),
        md,
    };
    let n = c.changes.len();
    let summary = format!(
        "{} in {}, {}: {n} change{} to the existing setup. Adobe works through the ticket as for an enablement, within {ENABLEMENT_BUSINESS_DAYS} business days.",
        ctx.cloud.product(),
        md.code(c.region.code),
        c.region.name,
        if n == 1 { "" } else { "s" }
    );
    let mut steps = vec![send_ticket(
        &format!("PrivateLink change for {}", c.company),
        md,
    )];
    steps.push(Step {
        id: "adobe-applies".into(),
        actor: Actor::Adobe,
        title: "Adobe makes the changes".into(),
        explanation: format!(
            "Adobe makes the {n} change{} of the ticket and confirms each in it. The steps below are yours, change by change, once Adobe confirms.",
            if n == 1 { "" } else { "s" }
        ),
        bidirectional: false,
        commands: Vec::new(),
        checklist: Vec::new(),
    });
    for (i, change) in c.changes.iter().enumerate() {
        let k = i + 1;
        let first = steps.len();
        match change {
            ChangeAction::AddEnvironment(env) => {
                steps.push(adobe_adds_environment(&ctx, k, env));
                steps.push(test_to_adobe(
                    &ctx,
                    format!("change-{k}-test"),
                    Some(env),
                    &[],
                ));
            }
            ChangeAction::RemoveConnection(env) => steps.push(clean_up(&ctx, k, env)),
            ChangeAction::ChangeAccount { from, to } => {
                steps.push(create_endpoint(
                    &ctx,
                    format!("change-{k}-create-endpoint"),
                    Some((from, to)),
                    &[],
                ));
                steps.push(adobe_approves(&ctx, format!("change-{k}-adobe-approves")));
                steps.push(test_to_adobe(&ctx, format!("change-{k}-test"), None, &[]));
            }
            ChangeAction::AddEndpointService(svc, scope) => {
                let names = [&svc.name];
                steps.push(grant_access(
                    &ctx,
                    format!("change-{k}-grant-access"),
                    &names,
                ));
                steps.push(adobe_connects(
                    &ctx,
                    format!("change-{k}-adobe-connects"),
                    &names,
                ));
                steps.push(accept_connections(
                    &ctx,
                    format!("change-{k}-accept-connection"),
                    &names,
                ));
                for (id, env) in scoped(k, scope) {
                    steps.push(test_from_adobe(&ctx, id, env, std::slice::from_ref(svc)));
                }
            }
            ChangeAction::RemoveEndpointService(name, _) => {
                steps.push(revoke_access(&ctx, k, name));
            }
            ChangeAction::OpenPorts(PortTarget::Adobe, ports, scope) => {
                for (id, env) in scoped(k, scope) {
                    steps.push(test_to_adobe(&ctx, id, env, ports));
                }
            }
            ChangeAction::OpenPorts(PortTarget::EndpointService(name), ports, scope) => {
                steps.push(serve_ports(&ctx, k, name, ports));
                let svc = EndpointService {
                    name: name.clone(),
                    ports: ports.clone(),
                };
                for (id, env) in scoped(k, scope) {
                    steps.push(test_from_adobe(&ctx, id, env, std::slice::from_ref(&svc)));
                }
            }
            ChangeAction::ClosePorts(target, ports, _) => {
                steps.push(ports_closed(&ctx, k, target, ports));
            }
        }
        for step in &mut steps[first..] {
            step.title = format!("Change {k}: {}", step.title);
        }
    }
    finish(
        format!("PrivateLink change guide for {}", md.user(&c.company)),
        "change",
        c.region,
        None,
        summary,
        steps,
    )
}

/// The test steps of a change, with their ids: one per environment of `scope`, or one for "the
/// environment" when the change applies to every environment.
fn scoped(k: usize, scope: &Scope) -> Vec<(String, Option<&Environment>)> {
    if scope.0.is_empty() {
        return vec![(format!("change-{k}-test"), None)];
    }
    scope
        .0
        .iter()
        .map(|e| (format!("change-{k}-test-{}", e.as_str()), Some(e)))
        .collect()
}

/// Adobe connects one more environment (`add_environment`).
fn adobe_adds_environment(ctx: &Ctx, k: usize, env: &Environment) -> Step {
    let label = ctx.md.user(&env.label());
    Step {
        id: format!("change-{k}-adobe-adds-environment"),
        actor: Actor::Adobe,
        title: format!("Adobe connects {label}"),
        explanation: format!(
            "Adobe connects {label} like the environments connected today and confirms in the ticket; if it names another service, create your endpoint to it as for the enablement."
        ),
        bidirectional: false,
        commands: Vec::new(),
        checklist: Vec::new(),
    }
}

/// Before Adobe connects to new ports of a customer service: serve them behind its load balancer.
fn serve_ports(ctx: &Ctx, k: usize, name: &EndpointServiceName, ports: &[PortSpec]) -> Step {
    let md = ctx.md;
    let list = port_list(md, ports);
    let explanation = format!(
        "Adobe connects to {} on {list} once the {} behind it has {} for each, with healthy targets.",
        md.code(&name.to_string()),
        if ctx.aws() {
            "Network Load Balancer"
        } else {
            "Standard Load Balancer"
        },
        if ctx.aws() { "a listener" } else { "a rule" }
    );
    Step {
        id: format!("change-{k}-serve-ports"),
        actor: Actor::Customer,
        title: "Serve the new ports behind your load balancer".into(),
        explanation,
        bidirectional: true,
        commands: Vec::new(),
        checklist: Vec::new(),
    }
}

/// After Adobe closes ports, on its side or for a customer service.
fn ports_closed(ctx: &Ctx, k: usize, target: &PortTarget, ports: &[PortSpec]) -> Step {
    let md = ctx.md;
    let list = port_list(md, ports);
    let (explanation, bidirectional) = match target {
        PortTarget::Adobe => (
            format!(
                "Once Adobe confirms, {list} no longer answer; remove them from the {} of your endpoint to Adobe if nothing else uses them.",
                if ctx.aws() {
                    "security groups"
                } else {
                    "network security groups"
                }
            ),
            false,
        ),
        PortTarget::EndpointService(name) => (
            format!(
                "Once Adobe confirms, it no longer connects to {} on {list}; remove them from the load balancer behind it if nothing else uses them.",
                md.code(&name.to_string())
            ),
            true,
        ),
    };
    Step {
        id: format!("change-{k}-ports-closed"),
        actor: Actor::Customer,
        title: "After Adobe closes the ports, tidy up your side".into(),
        explanation,
        bidirectional,
        commands: Vec::new(),
        checklist: Vec::new(),
    }
}

/// What the customer's services Adobe connects to are called on `cloud`.
fn services_word(cloud: Cloud) -> &'static str {
    match cloud {
        Cloud::Aws => "endpoint services",
        Cloud::Azure => "Private Link services",
    }
}

fn send_ticket(subject: &str, md: Inline) -> Step {
    Step {
        id: "send-ticket".into(),
        actor: Actor::Customer,
        title: "Send the support ticket".into(),
        explanation: format!(
            // The subject ends the sentence without a full stop: a company may end in one.
            "Submit the ticket to Adobe Commerce support. Adobe uses this ticket for every exchange that follows, so keep it open and answer there. Its subject line: {}",
            md.code(subject)
        ),
        bidirectional: false,
        commands: Vec::new(),
        checklist: Vec::new(),
    }
}

/// The read-only commands to run before the ticket: their outputs, attached to the request
/// as evidence, confirm what it declares.
fn check_with_your_cloud(e: &Enablement) -> Vec<Command> {
    let services = match &e.connection {
        Connection::Bidirectional(list) => list.iter().map(|s| Some(s.name.clone())).collect(),
        Connection::Unidirectional => Vec::new(),
    };
    let target = evidence::Target {
        cloud: e.cloud(),
        region: Some(e.region.code),
        subscription: match &e.account {
            Account::Azure(s) => Some(s.as_str()),
            Account::Aws(_) => None,
        },
        services,
    };
    evidence::lines(&target)
        .into_iter()
        .map(|l| {
            Command::new(
                format!("Before you send it (read-only): {}", l.purpose),
                l.line,
            )
            .success("Attach the output to the request: what it confirms is listed in the ticket, and what it contradicts is reported on its field.")
        })
        .collect()
}

fn adobe_allows(ctx: &Ctx, account: &Account) -> Step {
    let md = ctx.md;
    let (what, service) = if ctx.aws() {
        ("AWS account", "endpoint service")
    } else {
        ("Azure subscription", "Private Link service")
    };
    let mut explanation = format!(
        "Adobe lets your {what} {} connect to the {service} of your Adobe Commerce environments in {}, and replies in the ticket with the name to connect to.",
        md.code(account.as_str()),
        md.code(ctx.region.code)
    );
    if let Some(name) = ctx.adobe {
        explanation.push_str(&format!(
            " Adobe has sent it: {}.",
            md.code(&name.to_string())
        ));
    }
    Step {
        id: "adobe-allows-account".into(),
        actor: Actor::Adobe,
        title: format!("Adobe allows your account and sends its {service} name"),
        explanation,
        bidirectional: false,
        commands: Vec::new(),
        checklist: Vec::new(),
    }
}

/// The port list of a sentence: `3306 (MySQL) and 6379 (Redis)`.
fn port_list(md: Inline, ports: &[PortSpec]) -> String {
    let items: Vec<String> = ports
        .iter()
        .map(|p| format!("{} ({})", p.port, md.user(&p.service)))
        .collect();
    and_list(&items)
}

/// The customer's endpoint to Adobe's service; `accounts` is `(from, to)` for an account change.
fn create_endpoint(
    ctx: &Ctx,
    id: String,
    accounts: Option<(&Account, &Account)>,
    ports: &[PortSpec],
) -> Step {
    let md = ctx.md;
    let region = ctx.region.code;
    let who = match accounts {
        Some((_, to)) => format!(
            "Working in the new {} {}, create",
            if ctx.aws() { "account" } else { "subscription" },
            md.code(to.as_str())
        ),
        None => "Create".to_string(),
    };
    let clients = match ports.len() {
        0 => "the ports Adobe opened".to_string(),
        1 => format!("port {}", port_list(md, ports)),
        _ => format!("ports {}", port_list(md, ports)),
    };
    if ctx.aws() {
        let net = ctx.net;
        let mut line =
            CommandLine::new("aws ec2 create-vpc-endpoint --vpc-endpoint-type Interface")
                .arg_or("--service-name", ctx.adobe_service(), ADOBE_SERVICE_AWS)
                .arg_or(
                    "--vpc-id",
                    net.and_then(|n| n.vpc_id.as_ref()).map(|v| v.as_str()),
                    VPC,
                )
                .fixed("--subnet-ids");
        line = ids_or(line, net.map(|n| &n.subnet_ids[..]), SUBNETS);
        line = line.fixed("--security-group-ids");
        line = ids_or(
            line,
            net.map(|n| &n.security_group_ids[..]),
            SECURITY_GROUPS,
        );
        line = line
            .fixed("--no-private-dns-enabled")
            .arg("--region", region);
        let create = Command::new(
            "Create the interface endpoint to Adobe's endpoint service.",
            line,
        )
        .success(format!(
            "The new endpoint is printed with its ID ({}) and {}.",
            md.code("VpcEndpointId"),
            md.code("\"State\": \"pendingAcceptance\"")
        ))
        .failure(format!(
            "{}: Adobe has not allowed your account yet, or the name or region differs from the ticket's.",
            md.code("InvalidServiceName")
        ));
        Step {
            id,
            actor: Actor::Customer,
            title: "Create the interface endpoint to Adobe's endpoint service".into(),
            explanation: format!(
                "{who} an interface endpoint in your VPC to the endpoint service Adobe named, in {}. This sends Adobe a connection request. Private DNS is not available for this service, so the command turns it off and you connect through the endpoint's own DNS names. The security groups must let your clients in on {clients}.",
                md.code(region)
            ),
            bidirectional: false,
            commands: vec![create],
            checklist: Vec::new(),
        }
    } else {
        let name = ctx.private_endpoint_name();
        let line = CommandLine::new("az network private-endpoint create")
            .arg_or("--resource-group", ctx.resource_group(), RESOURCE_GROUP)
            .arg("--name", name.clone())
            .arg("--location", region)
            .arg_or(
                "--vnet-name",
                ctx.net
                    .and_then(|n| n.vnet_name.as_ref())
                    .map(|v| v.as_str()),
                VNET,
            )
            .arg_or(
                "--subnet",
                ctx.net
                    .and_then(|n| n.subnet_name.as_ref())
                    .map(|v| v.as_str()),
                SUBNET_NAME,
            )
            .arg_or(
                "--private-connection-resource-id",
                ctx.adobe_service(),
                ADOBE_SERVICE_AZURE,
            )
            .arg("--connection-name", format!("{name}-connection"))
            .fixed("--manual-request true")
            .arg(
                "--request-message",
                format!(
                    "PrivateLink for Adobe Commerce project {}",
                    ctx.project_id.as_str()
                ),
            );
        let create = Command::new(
            "Create the private endpoint to Adobe's Private Link service, as a manual request.",
            line,
        )
        .success(format!(
            "The new private endpoint is printed; its connection shows {}.",
            md.code("\"status\": \"Pending\"")
        ))
        .failure(
            "An error that the resource is not found or not visible: Adobe has not allowed your subscription yet, or the resource ID or alias differs from the ticket's.",
        );
        Step {
            id,
            actor: Actor::Customer,
            title: "Create the private endpoint to Adobe's Private Link service".into(),
            explanation: format!(
                "{who} a private endpoint in your virtual network to the Private Link service Adobe named (its resource ID or alias), in {}. This sends Adobe a connection request with a short message naming your project. The endpoint name {} is a suggestion; any name will do. Network security groups must let your clients reach it on {clients}.",
                md.code(region),
                md.code(&name)
            ),
            bidirectional: false,
            commands: vec![create],
            checklist: Vec::new(),
        }
    }
}

/// Appends the IDs as separate words, or the placeholder when there are none.
fn ids_or(
    mut line: CommandLine,
    ids: Option<&[crate::network::AwsResourceId]>,
    placeholder: &'static str,
) -> CommandLine {
    match ids {
        Some(ids) if !ids.is_empty() => {
            for id in ids {
                line = line.value(id.as_str());
            }
            line
        }
        _ => line.placeholder(placeholder),
    }
}

fn adobe_approves(ctx: &Ctx, id: String) -> Step {
    let md = ctx.md;
    let region = ctx.region.code;
    let watch = if ctx.aws() {
        Command::new(
            "See the state of your endpoint to Adobe, and its DNS name.",
            CommandLine::new("aws ec2 describe-vpc-endpoints --filters")
                .joined(vec![
                    Word::Fixed("Name=service-name,Values="),
                    match ctx.adobe_service() {
                        Some(s) => Word::Value(s),
                        None => Word::Placeholder(ADOBE_SERVICE_AWS),
                    },
                ])
                .fixed("--query 'VpcEndpoints[].[VpcEndpointId,State,DnsEntries[0].DnsName]' --output text")
                .arg("--region", region),
        )
        .success(format!(
            "{} in the second column, then the DNS name to connect to.",
            md.code("available")
        ))
        .failure(format!(
            "{} while Adobe has not approved yet; {} or {} means you should ask in the ticket.",
            md.code("pendingAcceptance"),
            md.code("rejected"),
            md.code("failed")
        ))
    } else {
        Command::new(
            "See whether Adobe has approved your private endpoint's connection.",
            CommandLine::new("az network private-endpoint show")
                .arg_or("--resource-group", ctx.resource_group(), RESOURCE_GROUP)
                .arg("--name", ctx.private_endpoint_name())
                .fixed("--query 'manualPrivateLinkServiceConnections[0].privateLinkServiceConnectionState.status' --output tsv"),
        )
        .success(md.code("Approved"))
        .failure(format!(
            "{} while Adobe has not approved yet; {} means you should ask in the ticket.",
            md.code("Pending"),
            md.code("Rejected")
        ))
    };
    Step {
        id,
        actor: Actor::Adobe,
        title: "Adobe approves the connection request".into(),
        explanation: format!(
            "Adobe accepts the connection from your {}. You can watch for it with the command below.",
            ctx.cloud.network()
        ),
        bidirectional: false,
        commands: vec![watch],
        checklist: Vec::new(),
    }
}

fn env_label(md: Inline, env: Option<&Environment>) -> String {
    env.map(|e| md.user(&e.label()))
        .unwrap_or_else(|| "the environment".into())
}

/// Into the environment's shell. Pro Staging and Production are reached with the `ssh` command
/// the Cloud Console shows: the `magento-cloud` CLI's commands work on Starter and Pro
/// Integration only (secure-connections.md).
fn into_environment(md: Inline, env: Option<&Environment>) -> Vec<Command> {
    vec![Command::new(
        format!(
            "Open a shell in {} with the SSH command the Cloud Console shows for it (Access site, SSH access); {} reaches Starter and Pro Integration only.",
            env_label(md, env),
            md.code("magento-cloud ssh")
        ),
        CommandLine::new("ssh").placeholder(SSH_ACCESS),
    )]
}

fn curl(md: Inline, target: &'static str, port: Option<&PortSpec>, purpose: String) -> Command {
    let line = CommandLine::new("curl -v").joined(vec![
        Word::Fixed("telnet://"),
        Word::Placeholder(target),
        Word::Fixed(":"),
        match port {
            Some(p) => Word::Value(p.port.to_string()),
            None => Word::Placeholder(PORT),
        },
        Word::Fixed("/"),
    ]);
    let n = port
        .map(|p| p.port.to_string())
        .unwrap_or_else(|| PORT.into());
    Command::new(purpose, line)
        .success(format!(
            "A line {}; stop curl with Ctrl+C.",
            md.code(&format!("Connected to … port {n}"))
        ))
        .failure(format!(
            "{} (or refused): the connection does not get through.",
            md.code(&format!(
                "Failed to connect to … port {n}: Connection timed out"
            ))
        ))
}

fn netstat(md: Inline, port: Option<&PortSpec>, purpose: String) -> Command {
    let line = CommandLine::new("netstat -na | grep");
    let (line, n) = match port {
        Some(p) => (line.value(p.port.to_string()), p.port.to_string()),
        None => (line.placeholder(PORT), PORT.to_string()),
    };
    Command::new(purpose, line)
        .success(format!(
            "A line with {} in state {}.",
            md.code(&format!(":{n}")),
            md.code("LISTEN")
        ))
        .failure("No such line: nothing listens on the port.")
}

/// Which end of the connection runs tcpdump.
#[derive(Clone, Copy, PartialEq, Eq)]
enum End {
    /// The machine that opens the connection.
    Client,
    /// The machine that runs the service.
    Server,
}

fn tcpdump(
    md: Inline,
    port: Option<&PortSpec>,
    host: &'static str,
    end: End,
    purpose: String,
) -> Command {
    let line = CommandLine::new("tcpdump -i")
        .placeholder(INTERFACE)
        .fixed("-tt -nn port");
    let line = match port {
        Some(p) => line.value(p.port.to_string()),
        None => line.placeholder(PORT),
    };
    Command::new(purpose, line.fixed("and host").placeholder(host))
        .success(match end {
            End::Client => format!(
                "Packets both ways while you retry: {} out and {} back.",
                md.code("Flags [S]"),
                md.code("Flags [S.]")
            ),
            End::Server => format!(
                "Packets both ways while you retry: {} in and {} out.",
                md.code("Flags [S]"),
                md.code("Flags [S.]")
            ),
        })
        .failure("Packets one way only, or none: something between the two ends drops them.")
}

fn port_label(md: Inline, p: &PortSpec) -> String {
    format!(
        "{}/{} ({})",
        p.port,
        p.protocol.label(),
        md.user(&p.service)
    )
}

fn udp_note(md: Inline, ports: &[&PortSpec]) -> String {
    let udp: Vec<String> = ports
        .iter()
        .filter(|p| p.protocol == Protocol::Udp)
        .map(|p| p.port.to_string())
        .collect();
    if udp.is_empty() {
        String::new()
    } else {
        format!(
            " curl tests TCP only: test UDP port{} {} with your application while tcpdump watches.",
            if udp.len() == 1 { "" } else { "s" },
            md.user(&and_list(&udp))
        )
    }
}

/// The connection test from the customer's network to the Adobe Commerce environment.
fn test_to_adobe(ctx: &Ctx, id: String, env: Option<&Environment>, ports: &[PortSpec]) -> Step {
    let md = ctx.md;
    let net = ctx.cloud.network();
    let target = if ctx.aws() {
        ADOBE_ENDPOINT_DNS
    } else {
        PRIVATE_ENDPOINT_IP
    };
    let ports: Vec<Option<&PortSpec>> = if ports.is_empty() {
        vec![None]
    } else {
        ports.iter().map(Some).collect()
    };
    let label = |p: Option<&PortSpec>| match p {
        Some(p) => format!("port {}", port_label(md, p)),
        None => "the port".to_string(),
    };
    let mut commands = into_environment(md, env);
    for p in &ports {
        commands.push(netstat(
            md,
            *p,
            format!(
                "In the environment's shell: is anything listening on {}?",
                label(*p)
            ),
        ));
    }
    if !ctx.aws() {
        commands.push(
            Command::new(
                "On your side: the private IP address of your private endpoint.",
                // The interface's ID first, so that a placeholder left in that lookup stops
                // the whole command rather than running `nic show` without an ID.
                CommandLine::captured(
                    "nic",
                    CommandLine::new("az network private-endpoint show")
                        .arg_or("--resource-group", ctx.resource_group(), RESOURCE_GROUP)
                        .arg("--name", ctx.private_endpoint_name())
                        .fixed("--query 'networkInterfaces[0].id' --output tsv"),
                )
                .fixed("az network nic show --ids \"$nic\" --query 'ipConfigurations[0].privateIPAddress' --output tsv"),
            )
            .success("One private IP address of your subnet."),
        );
    }
    for p in ports
        .iter()
        .filter(|p| p.is_none_or(|p| p.protocol == Protocol::Tcp))
    {
        commands.push(curl(
            md,
            target,
            *p,
            format!(
                "From a machine in your {net}: connect to {} through the endpoint.",
                label(*p)
            ),
        ));
    }
    for p in &ports {
        commands.push(tcpdump(
            md,
            *p,
            target,
            End::Client,
            format!(
                "On that machine, when {} fails: watch the packets while you retry (needs root).",
                label(*p)
            ),
        ));
    }
    let listed: Vec<&PortSpec> = ports.iter().flatten().copied().collect();
    let port_numbers = if listed.is_empty() {
        "the ports".to_string()
    } else {
        format!(
            "{} {}",
            if listed.len() == 1 { "port" } else { "ports" },
            and_list(
                &listed
                    .iter()
                    .map(|p| p.port.to_string())
                    .collect::<Vec<_>>()
            )
        )
    };
    let checklist = if ctx.aws() {
        vec![
            format!(
                "The interface endpoint is {} (not {} or {}), in the subnets of the machines that connect.",
                md.code("available"),
                md.code("pendingAcceptance"),
                md.code("rejected")
            ),
            format!("The endpoint's security groups let your machines in on {port_numbers}; their own security groups and the subnets' network ACLs let the traffic out and back."),
            "Your machines connect to one of the endpoint's own DNS names: Private DNS is not available, so the service's public name does not lead to the endpoint.".to_string(),
        ]
    } else {
        vec![
            format!("The private endpoint's connection is {}.", md.code("Approved")),
            format!("Network security groups let your machines reach the private endpoint's IP address on {port_numbers}."),
            "Your machines connect to the private endpoint's IP address, or to a DNS record of yours that points to it.".to_string(),
        ]
    };
    Step {
        id,
        actor: Actor::Customer,
        title: format!("Test the connection from your {net} to {}", env_label(md, env)),
        explanation: format!(
            "Once the connection is approved, check each port. In {}, confirm the service listens; then, from a machine in your {net}, connect through the endpoint. When a port fails, watch the packets on your machine while you retry, and go through the checklist.{}",
            env_label(md, env),
            udp_note(md, &listed)
        ),
        bidirectional: false,
        commands,
        checklist,
    }
}

/// The customer's endpoint service, in the words of the commands that manage it.
enum ServiceRef {
    /// AWS: the service ID.
    Aws(String),
    /// Azure: resource group and name (known from a resource ID), and the subscription.
    Azure {
        resource_group: Option<String>,
        name: Option<String>,
        subscription: Option<String>,
    },
}

fn service_ref(name: &EndpointServiceName) -> ServiceRef {
    match name {
        EndpointServiceName::Aws { service_id, .. } => ServiceRef::Aws(service_id.as_str().into()),
        EndpointServiceName::AzureResourceId {
            subscription,
            resource_group,
            name,
        } => ServiceRef::Azure {
            resource_group: Some(resource_group.clone()),
            name: Some(name.clone()),
            subscription: Some(subscription.as_str().into()),
        },
        EndpointServiceName::AzureAlias { .. } => ServiceRef::Azure {
            resource_group: None,
            name: None,
            subscription: None,
        },
    }
}

/// `az network private-link-service …` aimed at one service.
fn pls_command(
    base: &'static str,
    name: &EndpointServiceName,
    name_flag: &'static str,
) -> CommandLine {
    let ServiceRef::Azure {
        resource_group,
        name: pls,
        subscription,
    } = service_ref(name)
    else {
        return CommandLine::new(base);
    };
    let mut line = CommandLine::new(base)
        .arg_or("--resource-group", resource_group, PLS_RESOURCE_GROUP)
        .arg_or(name_flag, pls, PLS_NAME);
    if let Some(sub) = subscription {
        line = line.arg("--subscription", sub);
    }
    line
}

fn aws_service_command(base: &'static str, service_id: &str) -> CommandLine {
    CommandLine::new(base).arg("--service-id", service_id)
}

fn grant_access(ctx: &Ctx, id: String, names: &[&EndpointServiceName]) -> Step {
    let md = ctx.md;
    let region = ctx.region.code;
    let mut commands = Vec::new();
    for name in names {
        let shown = md.code(&name.to_string());
        match service_ref(name) {
            ServiceRef::Aws(sid) => {
                commands.push(
                    Command::new(
                        format!("Allow Adobe's principal on {shown}."),
                        aws_service_command(
                            "aws ec2 modify-vpc-endpoint-service-permissions",
                            &sid,
                        )
                        .arg("--add-allowed-principals", ADOBE_PRINCIPAL)
                        .arg("--region", region),
                    )
                    .success(md.code("\"ReturnValue\": true")),
                );
                commands.push(Command::new(
                    format!("Check the principals allowed on {shown}."),
                    aws_service_command("aws ec2 describe-vpc-endpoint-service-permissions", &sid)
                        .arg("--region", region),
                )
                .success(format!("{} is listed as a principal.", md.code(ADOBE_PRINCIPAL)))
                .failure("It is not listed: run the command above again, in the service's account and region."));
            }
            ServiceRef::Azure { .. } => {
                commands.push(Command::new(
                    format!("Let Adobe's subscription see {shown} and connect to it."),
                    pls_command("az network private-link-service update", name, "--name")
                        .fixed("--visibility")
                        .placeholder(ADOBE_SUBSCRIPTION)
                        .fixed("--auto-approval")
                        .placeholder(ADOBE_SUBSCRIPTION),
                ).success("The Private Link service is printed with Adobe's subscription in visibility and autoApproval."));
                commands.push(Command::new(
                    format!("Check who may see {shown} and who is approved automatically."),
                    pls_command("az network private-link-service show", name, "--name")
                        .fixed("--query '{visibility: visibility.subscriptions, autoApproval: autoApproval.subscriptions}'"),
                ).success("Adobe's subscription in both lists."));
            }
        }
    }
    let (title, explanation) = if ctx.aws() {
        (
            "Check that Adobe's principal is allowed on your endpoint services",
            format!(
                "Your request confirms that {} is allowed on each endpoint service. If it is not yet, these commands add it; without it Adobe's connection is not added and setup is delayed.",
                md.code(ADOBE_PRINCIPAL)
            ),
        )
    } else {
        (
            "Let Adobe's subscription reach your Private Link services",
            "When Adobe asks for access in the ticket, it names the subscription it connects from. Add it to the visibility of each Private Link service; with auto-approval too, its connection is approved as it arrives. Both options replace the lists they set: add the subscriptions already in them, separated by spaces.".to_string(),
        )
    };
    Step {
        id,
        actor: Actor::Customer,
        title: title.into(),
        explanation,
        bidirectional: true,
        commands,
        checklist: Vec::new(),
    }
}

fn adobe_connects(ctx: &Ctx, id: String, names: &[&EndpointServiceName]) -> Step {
    let md = ctx.md;
    let list: Vec<String> = names.iter().map(|n| md.code(&n.to_string())).collect();
    Step {
        id,
        actor: Actor::Adobe,
        title: format!("Adobe connects to your {}", services_word(ctx.cloud)),
        explanation: format!(
            "Adobe adds {} to its {} account, which sends a connection request to {}.",
            and_list(&list),
            if ctx.aws() { "AWS" } else { "Azure" },
            if names.len() == 1 { "it" } else { "each" }
        ),
        bidirectional: true,
        commands: Vec::new(),
        checklist: Vec::new(),
    }
}

fn accept_connections(ctx: &Ctx, id: String, names: &[&EndpointServiceName]) -> Step {
    let md = ctx.md;
    let region = ctx.region.code;
    let mut commands = Vec::new();
    for name in names {
        let shown = md.code(&name.to_string());
        match service_ref(name) {
            ServiceRef::Aws(sid) => {
                commands.push(
                    Command::new(
                        format!("List the connection requests waiting on {shown}."),
                        CommandLine::new("aws ec2 describe-vpc-endpoint-connections --filters")
                            .joined(vec![Word::Fixed("Name=service-id,Values="), Word::Value(sid.clone())])
                            .fixed("Name=vpc-endpoint-state,Values=pendingAcceptance")
                            .fixed("--query 'VpcEndpointConnections[].[VpcEndpointId,VpcEndpointOwner]' --output text")
                            .arg("--region", region),
                    )
                    .success(format!(
                        "A line with the endpoint ID and the owner {}.",
                        md.code(crate::ids::ADOBE_AWS_ACCOUNT)
                    ))
                    .failure("No line: Adobe's request has not arrived yet, or it was accepted already."),
                );
                commands.push(
                    Command::new(
                        format!("Accept Adobe's connection to {shown}."),
                        aws_service_command("aws ec2 accept-vpc-endpoint-connections", &sid)
                            .fixed("--vpc-endpoint-ids")
                            .placeholder(ADOBE_ENDPOINT_ID)
                            .arg("--region", region),
                    )
                    .success(format!(
                        "{} (nothing failed).",
                        md.code("\"Unsuccessful\": []")
                    ))
                    .failure("An entry under Unsuccessful, with the reason."),
                );
                commands.push(
                    Command::new(
                        format!("Check that Adobe's connection to {shown} is available."),
                        CommandLine::new("aws ec2 describe-vpc-endpoint-connections --filters")
                            .joined(vec![Word::Fixed("Name=service-id,Values="), Word::Value(sid.clone())])
                            .fixed("--query 'VpcEndpointConnections[].[VpcEndpointId,VpcEndpointOwner,VpcEndpointState]' --output text")
                            .arg("--region", region),
                    )
                    .success(format!(
                        "A line with the owner {} and the state {}.",
                        md.code(crate::ids::ADOBE_AWS_ACCOUNT),
                        md.code("available")
                    ))
                    .failure(format!(
                        "{}: accept it with the command above; {} or {}: ask in the ticket.",
                        md.code("pendingAcceptance"),
                        md.code("rejected"),
                        md.code("failed")
                    )),
                );
            }
            ServiceRef::Azure { .. } => {
                commands.push(
                    Command::new(
                        format!("List the connections to {shown}."),
                        pls_command("az network private-endpoint-connection list", name, "--name")
                            .fixed("--type Microsoft.Network/privateLinkServices --query '[].{name: name, status: properties.privateLinkServiceConnectionState.status}' --output table"),
                    )
                    .success(format!("Adobe's connection, with status {} (or {} with auto-approval).", md.code("Pending"), md.code("Approved"))),
                );
                commands.push(
                    Command::new(
                        format!("Approve Adobe's connection to {shown}."),
                        pls_command(
                            "az network private-endpoint-connection approve",
                            name,
                            "--resource-name",
                        )
                        .fixed("--type Microsoft.Network/privateLinkServices --name")
                        .placeholder(CONNECTION_NAME)
                        .arg("--description", "Approved for Adobe Commerce"),
                    )
                    .success(format!(
                        "The connection is printed with status {}.",
                        md.code("Approved")
                    )),
                );
                commands.push(
                    Command::new(
                        format!("Check that Adobe's connection to {shown} is approved."),
                        pls_command("az network private-endpoint-connection list", name, "--name")
                            .fixed("--type Microsoft.Network/privateLinkServices --query '[].properties.privateLinkServiceConnectionState.status' --output tsv"),
                    )
                    .success(format!("{} for Adobe's connection.", md.code("Approved")))
                    .failure(format!("{}: approve it with the command above; {}: ask in the ticket.", md.code("Pending"), md.code("Rejected"))),
                );
            }
        }
    }
    Step {
        id,
        actor: Actor::Customer,
        title: "Approve Adobe's connection requests".into(),
        explanation: if ctx.aws() {
            "When Adobe's connection request reaches each endpoint service, accept it.".into()
        } else {
            "When Adobe's connection request reaches each Private Link service, approve it. With auto-approval for Adobe's subscription it is approved already; the list shows it.".into()
        },
        bidirectional: true,
        commands,
        checklist: Vec::new(),
    }
}

/// The connection test from the Adobe Commerce environment to the customer's endpoint services.
fn test_from_adobe(
    ctx: &Ctx,
    id: String,
    env: Option<&Environment>,
    services: &[EndpointService],
) -> Step {
    let md = ctx.md;
    let mut commands = into_environment(md, env);
    let all: Vec<(&EndpointService, &PortSpec)> = services
        .iter()
        .flat_map(|s| s.ports.iter().map(move |p| (s, p)))
        .collect();
    for (s, p) in all.iter().filter(|(_, p)| p.protocol == Protocol::Tcp) {
        commands.push(curl(
            md,
            ENDPOINT_DNS,
            Some(p),
            format!(
                "In the environment's shell: connect to port {} of {}.",
                port_label(md, p),
                md.code(&s.name.to_string())
            ),
        ));
    }
    for (_, p) in &all {
        commands.push(netstat(
            md,
            Some(p),
            format!(
                "On the machine that runs {}: is it listening on port {}?",
                md.user(&p.service),
                p.port
            ),
        ));
    }
    for (_, p) in &all {
        commands.push(tcpdump(
            md,
            Some(p),
            SOURCE_HOST,
            End::Server,
            format!(
                "On that machine, when port {} fails: watch for Adobe's packets while you retry (needs root).",
                p.port
            ),
        ));
    }
    let ports: Vec<&PortSpec> = all.iter().map(|(_, p)| *p).collect();
    let numbers: Vec<String> = ports.iter().map(|p| p.port.to_string()).collect();
    let numbers = and_list(&numbers);
    let checklist = if ctx.aws() {
        vec![
            format!(
                "Endpoint and endpoint service: Adobe's connection to each endpoint service is accepted ({}), and {} is an allowed principal.",
                md.code("available"),
                md.code(ADOBE_PRINCIPAL)
            ),
            format!("NLB settings: the Network Load Balancer behind each endpoint service has a listener on each port ({numbers}), in the Availability Zones of the endpoint service."),
            "Target groups: every target of the load balancer's target groups is healthy, and the targets' security groups let the load balancer in on the ports.".to_string(),
            format!(
                "From each machine behind the load balancer, {} to the service's own port works.",
                md.code("curl -v telnet://localhost:<port>/")
            ),
        ]
    } else {
        vec![
            format!(
                "Private Link service: Adobe's private endpoint connection is {}, and Adobe's subscription is in its visibility.",
                md.code("Approved")
            ),
            format!("Load balancer settings: the Standard Load Balancer behind each Private Link service has a rule on each port ({numbers})."),
            "Back-end pool: every instance passes the health probe, and network security groups let the Private Link service's NAT IP addresses in on the ports.".to_string(),
            format!(
                "From each machine in the back-end pool, {} to the service's own port works.",
                md.code("curl -v telnet://localhost:<port>/")
            ),
        ]
    };
    Step {
        id,
        actor: Actor::Customer,
        title: format!(
            "Test the connection from {} to your {}",
            env_label(md, env),
            services_word(ctx.cloud)
        ),
        explanation: format!(
            "Once Adobe's connections are approved, check each port of each {} from {}. When a port fails, look at the machine that runs the service: does it listen, and do Adobe's packets arrive? Then go through the checklist.{}",
            if ctx.aws() { "endpoint service" } else { "Private Link service" },
            env_label(md, env),
            udp_note(md, &ports)
        ),
        bidirectional: true,
        commands,
        checklist,
    }
}

/// After Adobe removes the connection from an environment.
fn clean_up(ctx: &Ctx, k: usize, env: &Environment) -> Step {
    let region = ctx.region.code;
    let command = if ctx.aws() {
        Command::new(
            "Delete your interface endpoint to Adobe, when nothing else uses it.",
            CommandLine::new("aws ec2 delete-vpc-endpoints --vpc-endpoint-ids")
                .placeholder(YOUR_ENDPOINT_ID)
                .arg("--region", region),
        )
        .success(ctx.md.code("\"Unsuccessful\": []"))
    } else {
        Command::new(
            "Delete your private endpoint to Adobe, when nothing else uses it.",
            CommandLine::new("az network private-endpoint delete")
                .arg_or("--resource-group", ctx.resource_group(), RESOURCE_GROUP)
                .fixed("--name")
                .placeholder(YOUR_PRIVATE_ENDPOINT),
        )
    };
    Step {
        id: format!("change-{k}-clean-up"),
        actor: Actor::Customer,
        title: format!(
            "After Adobe removes the {} connection, clean up your side",
            ctx.md.user(&env.label())
        ),
        explanation: format!(
            "Once Adobe confirms, {} no longer answers through {}. If no other environment uses your endpoint to Adobe, delete it: you pay for it while it exists.",
            ctx.md.user(&env.label()),
            ctx.cloud.product()
        ),
        bidirectional: false,
        commands: vec![command],
        checklist: Vec::new(),
    }
}

/// After Adobe stops connecting to one of the customer's endpoint services.
fn revoke_access(ctx: &Ctx, k: usize, name: &EndpointServiceName) -> Step {
    let md = ctx.md;
    let shown = md.code(&name.to_string());
    let commands = match service_ref(name) {
        ServiceRef::Aws(sid) => vec![
            Command::new(
                format!("Remove Adobe's principal from {shown}."),
                aws_service_command("aws ec2 modify-vpc-endpoint-service-permissions", &sid)
                    .arg("--remove-allowed-principals", ADOBE_PRINCIPAL)
                    .arg("--region", ctx.region.code),
            )
            .success(md.code("\"ReturnValue\": true")),
            Command::new(
                format!("Check the principals still allowed on {shown}."),
                aws_service_command("aws ec2 describe-vpc-endpoint-service-permissions", &sid)
                    .arg("--region", ctx.region.code),
            )
            .success(format!("{} is no longer listed.", md.code(ADOBE_PRINCIPAL))),
        ],
        ServiceRef::Azure { .. } => vec![Command::new(
            format!("Keep only the subscriptions that still need {shown}."),
            pls_command("az network private-link-service update", name, "--name")
                .fixed("--visibility")
                .placeholder(SUBSCRIPTIONS_TO_KEEP)
                .fixed("--auto-approval")
                .placeholder(SUBSCRIPTIONS_TO_KEEP),
        )],
    };
    Step {
        id: format!("change-{k}-revoke-access"),
        actor: Actor::Customer,
        title: "After Adobe disconnects, withdraw its access".into(),
        explanation: format!(
            "Once Adobe confirms that it no longer connects to {shown}, take back the access you gave it, so that no new connection can be made."
        ),
        bidirectional: true,
        commands,
        checklist: Vec::new(),
    }
}

fn render_text(g: &Guide) -> String {
    let mut out = String::new();
    let underline = |out: &mut String, s: &str, c: char| {
        out.push_str(s);
        out.push('\n');
        out.extend(std::iter::repeat_n(c, crate::text::char_count(s)));
        out.push('\n');
    };
    underline(&mut out, &g.title, '=');
    out.push('\n');
    out.push_str(&g.summary);
    out.push_str("\n\n");
    if !g.placeholders.is_empty() {
        out.push_str("Replace each placeholder before you run a command that holds it:\n");
        for p in &g.placeholders {
            out.push_str(&format!("  {}\n      {}\n", p.token, p.meaning));
        }
        out.push('\n');
    }
    for (i, s) in g.steps.iter().enumerate() {
        let head = format!(
            "Step {}. {} [{}{}]",
            i + 1,
            s.title,
            s.actor.label(),
            if s.bidirectional {
                ", bidirectional"
            } else {
                ""
            }
        );
        underline(&mut out, &head, '-');
        out.push_str(&s.explanation);
        out.push('\n');
        for c in &s.commands {
            out.push_str(&format!("\n  {}\n    $ {}\n", c.purpose, c.command));
            if let Some(ok) = &c.success {
                out.push_str(&format!("    Success: {ok}\n"));
            }
            if let Some(bad) = &c.failure {
                out.push_str(&format!("    Failure: {bad}\n"));
            }
        }
        if !s.checklist.is_empty() {
            out.push_str("\n  Checklist:\n");
            for item in &s.checklist {
                out.push_str(&format!("  [ ] {item}\n"));
            }
        }
        out.push('\n');
    }
    while out.ends_with("\n\n") {
        out.pop();
    }
    out
}

/// Escapes the guide's own sentences for Markdown: only what could turn into markup or HTML
/// (user text goes through the full [`escape_markdown`] instead).
fn escape_prose(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 8);
    for c in s.chars() {
        if matches!(c, '\\' | '`' | '*' | '<' | '>' | '[' | ']' | '&' | '|') {
            out.push('\\');
        }
        out.push(c);
    }
    out
}

/// A fenced code block that no backtick run inside `code` can close.
fn fenced(out: &mut String, code: &str) {
    let longest = code
        .split(|c| c != '`')
        .map(str::len)
        .max()
        .unwrap_or_default();
    let fence = "`".repeat(longest.max(2) + 1);
    out.push_str(&format!("{fence}sh\n{code}\n{fence}\n"));
}

fn render_markdown(g: &Guide) -> String {
    let mut out = format!("# {}\n\n{}\n\n", g.title, g.summary);
    if !g.placeholders.is_empty() {
        out.push_str("Replace each placeholder before you run a command that holds it:\n\n");
        for p in &g.placeholders {
            out.push_str(&format!(
                "- {}: {}\n",
                code_span(p.token),
                escape_prose(p.meaning)
            ));
        }
        out.push('\n');
    }
    for (i, s) in g.steps.iter().enumerate() {
        out.push_str(&format!(
            "## Step {}. {} ({}{})\n\n{}\n\n",
            i + 1,
            s.title,
            s.actor.label(),
            if s.bidirectional {
                ", bidirectional"
            } else {
                ""
            },
            s.explanation
        ));
        for c in &s.commands {
            out.push_str(&c.purpose);
            out.push_str("\n\n");
            fenced(&mut out, &c.command);
            out.push('\n');
            if c.success.is_some() || c.failure.is_some() {
                if let Some(ok) = &c.success {
                    out.push_str(&format!("- Success: {ok}\n"));
                }
                if let Some(bad) = &c.failure {
                    out.push_str(&format!("- Failure: {bad}\n"));
                }
                out.push('\n');
            }
        }
        if !s.checklist.is_empty() {
            out.push_str("Checklist:\n\n");
            for item in &s.checklist {
                out.push_str(&format!("- [ ] {item}\n"));
            }
            out.push('\n');
        }
    }
    while out.ends_with("\n\n") {
        out.pop();
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn code_spans_survive_backticks() {
        assert_eq!(code_span("a"), "`a`");
        assert_eq!(code_span("a`b"), "``a`b``");
        assert_eq!(code_span("`a"), "`` `a ``");
    }

    #[test]
    fn every_placeholder_has_a_meaning() {
        for token in [
            ADOBE_SERVICE_AWS,
            ADOBE_SERVICE_AZURE,
            VPC,
            SUBNETS,
            SECURITY_GROUPS,
            RESOURCE_GROUP,
            VNET,
            SUBNET_NAME,
            YOUR_ENDPOINT_ID,
            YOUR_PRIVATE_ENDPOINT,
            ADOBE_ENDPOINT_DNS,
            PRIVATE_ENDPOINT_IP,
            ENDPOINT_DNS,
            INTERFACE,
            SOURCE_HOST,
            ADOBE_ENDPOINT_ID,
            ADOBE_SUBSCRIPTION,
            PLS_RESOURCE_GROUP,
            PLS_NAME,
            CONNECTION_NAME,
            SUBSCRIPTIONS_TO_KEEP,
            PORT,
            SSH_ACCESS,
        ] {
            for cloud in [Cloud::Aws, Cloud::Azure] {
                assert!(!meaning(token, cloud).is_empty(), "{token}");
            }
        }
    }
}
