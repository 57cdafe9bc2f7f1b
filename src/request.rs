//! The request in its checked, normalised form: what the ticket is rendered from.
//!
//! A value of these types exists only when the document had no error, so the renderers never
//! meet a missing or malformed datum.

use crate::ids::{AwsAccountId, ClusterId, EndpointServiceName, ProjectId, SubscriptionId};
use crate::network::CustomerNetwork;
use crate::regions::{Cloud, Region};

/// A checked request document.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Request {
    /// `"kind": "enablement"`: a first PrivateLink setup.
    Enablement(Enablement),
    /// `"kind": "change"`: changes to a setup that is already in place (feature `change`).
    #[cfg(feature = "change")]
    Change(Change),
}

impl Request {
    /// The company name, trimmed, one line.
    pub fn company(&self) -> &str {
        match self {
            Request::Enablement(e) => &e.company,
            #[cfg(feature = "change")]
            Request::Change(c) => &c.company,
        }
    }

    /// The region, which also tells the cloud.
    pub fn region(&self) -> &'static Region {
        match self {
            Request::Enablement(e) => e.region,
            #[cfg(feature = "change")]
            Request::Change(c) => c.region,
        }
    }

    /// The cloud of the request.
    pub fn cloud(&self) -> Cloud {
        self.region().cloud
    }

    /// The enablement, when this is one.
    pub fn as_enablement(&self) -> Option<&Enablement> {
        match self {
            Request::Enablement(e) => Some(e),
            #[cfg(feature = "change")]
            Request::Change(_) => None,
        }
    }

    /// The change request, when this is one.
    pub fn as_change(&self) -> Option<&Change> {
        match self {
            #[cfg(feature = "change")]
            Request::Change(c) => Some(c),
            Request::Enablement(_) => None,
        }
    }
}

/// Everything Adobe needs to enable PrivateLink for a project.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Enablement {
    /// Company name, trimmed, one line.
    pub company: String,
    /// The region, which also tells the cloud.
    pub region: &'static Region,
    /// The customer account Adobe must allow.
    pub account: Account,
    /// The Adobe Commerce Pro project.
    pub project_id: ProjectId,
    /// Production, Staging and additional staging environments, each once.
    pub environments: Vec<Environment>,
    /// Ports Adobe opens in the environments.
    pub ports: Vec<PortSpec>,
    /// One-way, or both ways with the customer's endpoint services.
    pub connection: Connection,
    /// Azure details; present exactly when the cloud is Azure.
    pub azure: Option<AzureDetails>,
    /// Optional: the customer's network IDs, for the commands of the guide.
    pub customer_network: Option<CustomerNetwork>,
    /// Optional: the name of Adobe's endpoint service (AWS) or Private Link service (Azure), once
    /// Adobe has sent it in the ticket.
    pub adobe_endpoint_service: Option<EndpointServiceName>,
    /// What the customer's own cloud outputs confirmed, in the document's order: request-level
    /// evidence first, then each endpoint service's. Empty without evidence.
    pub verified: Vec<Verified>,
}

/// One declared value that an attached cloud command output confirmed.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Verified {
    /// The declared field confirmed, e.g. `account_id` or `endpoint_services[0].ports`.
    pub field: String,
    /// What it is, e.g. `AWS account ID`.
    pub label: &'static str,
    /// The declared value as checked (an identifier, or ports such as `8443/TCP, 514/UDP`).
    pub value: String,
    /// What the output showed about it, e.g. `the account the AWS CLI ran in`: the tool's own
    /// words, checked values and numbers only, never text from the output.
    pub fact: String,
    /// The command whose output showed it, e.g. `aws sts get-caller-identity`.
    pub command: &'static str,
    /// The evidence entry, e.g. `evidence[0]`.
    pub evidence: String,
}

impl Enablement {
    /// The cloud of the request.
    pub fn cloud(&self) -> Cloud {
        self.region.cloud
    }
}

/// The customer account, in the form of its cloud.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Account {
    /// A 12-digit AWS account ID.
    Aws(AwsAccountId),
    /// An Azure subscription ID.
    Azure(SubscriptionId),
}

impl Account {
    /// The normalised ID.
    pub fn as_str(&self) -> &str {
        match self {
            Account::Aws(id) => id.as_str(),
            Account::Azure(id) => id.as_str(),
        }
    }

    /// How the ticket labels it.
    pub fn label(&self) -> &'static str {
        match self {
            Account::Aws(_) => "AWS account ID",
            Account::Azure(_) => "Azure subscription ID",
        }
    }
}

/// An environment that can use PrivateLink.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Environment {
    /// The Production environment.
    Production,
    /// The Staging environment.
    Staging,
    /// An additional staging environment (an add-on), by its environment ID: lowercase, starts
    /// with `staging`, then letters, digits, `-` or `_`.
    AdditionalStaging(String),
}

impl Environment {
    /// Reads an environment ID as the document gives it (any case, trimmed by the caller).
    pub fn parse(s: &str) -> Option<Environment> {
        let lower = s.to_ascii_lowercase();
        match lower.as_str() {
            "production" => Some(Environment::Production),
            "staging" => Some(Environment::Staging),
            _ if lower.len() <= 64
                && lower.strip_prefix("staging").is_some_and(|rest| {
                    rest.bytes().all(|b| {
                        b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-' || b == b'_'
                    })
                }) =>
            {
                Some(Environment::AdditionalStaging(lower))
            }
            _ => None,
        }
    }

    /// The document value: the environment ID.
    pub fn as_str(&self) -> &str {
        match self {
            Environment::Production => "production",
            Environment::Staging => "staging",
            Environment::AdditionalStaging(id) => id,
        }
    }

    /// The name people use: `Production`, `Staging`, or `staging2 (additional staging)`.
    pub fn label(&self) -> String {
        match self {
            Environment::Production => "Production".into(),
            Environment::Staging => "Staging".into(),
            Environment::AdditionalStaging(id) => format!("{id} (additional staging)"),
        }
    }
}

/// The transport protocol of a port.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Protocol {
    /// TCP, the default.
    Tcp,
    /// UDP.
    Udp,
}

impl Protocol {
    /// The document value.
    pub fn as_str(self) -> &'static str {
        match self {
            Protocol::Tcp => "tcp",
            Protocol::Udp => "udp",
        }
    }

    /// The name people use.
    pub fn label(self) -> &'static str {
        match self {
            Protocol::Tcp => "TCP",
            Protocol::Udp => "UDP",
        }
    }
}

/// A service and the port it listens on.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PortSpec {
    /// What runs there, e.g. `SFTP`.
    pub service: String,
    /// 1 to 65535 (65534 on Azure); never 22 into Adobe Commerce.
    pub port: u16,
    /// TCP or UDP.
    pub protocol: Protocol,
}

/// The connection type.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Connection {
    /// The customer VPC reaches the Adobe VPC.
    Unidirectional,
    /// Both ways: Adobe also reaches these endpoint services (on AWS each granted to Adobe's
    /// principal), with the load balancer and service confirmed.
    Bidirectional(Vec<EndpointService>),
}

impl Connection {
    /// The document value.
    pub fn as_str(&self) -> &'static str {
        match self {
            Connection::Unidirectional => "unidirectional",
            Connection::Bidirectional(_) => "bidirectional",
        }
    }
}

/// A customer endpoint service that Adobe connects to.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct EndpointService {
    /// Its name in the cloud's form.
    pub name: EndpointServiceName,
    /// The ports behind it.
    pub ports: Vec<PortSpec>,
}

/// What an Azure request adds.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct AzureDetails {
    /// From `cat /etc/platform_cluster`.
    pub cluster_id: ClusterId,
    /// Further subscriptions that will create Private Endpoint connections.
    pub subscription_ids: Vec<SubscriptionId>,
}

/// Changes to a PrivateLink setup that is already in place.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Change {
    /// Company name, trimmed, one line.
    pub company: String,
    /// The region of the setup, which also tells the cloud.
    pub region: &'static Region,
    /// The Adobe Commerce Pro project.
    pub project_id: ProjectId,
    /// The changes, in the document's order, none of them twice.
    pub changes: Vec<ChangeAction>,
    /// Optional: the customer's network IDs, for the commands of the guide.
    pub customer_network: Option<CustomerNetwork>,
    /// Optional: the name of Adobe's endpoint service the setup connects to.
    pub adobe_endpoint_service: Option<EndpointServiceName>,
}

impl Change {
    /// The cloud of the request.
    pub fn cloud(&self) -> Cloud {
        self.region.cloud
    }
}

/// One change to an existing setup.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ChangeAction {
    /// `add_environment`: connect another environment (e.g. Staging after Production) with the
    /// setup the connected ones have.
    AddEnvironment(Environment),
    /// `remove_connection`: remove PrivateLink from Production or Staging.
    RemoveConnection(Environment),
    /// `change_account`: another customer account may reach Adobe's endpoint service.
    ChangeAccount {
        /// The account allowed today.
        from: Account,
        /// The account to allow instead.
        to: Account,
    },
    /// `add_endpoint_service`: the Adobe VPC also connects to this customer endpoint service
    /// (on AWS, Adobe's principal is granted access on it).
    AddEndpointService(EndpointService, Scope),
    /// `remove_endpoint_service`: the Adobe VPC stops connecting to this customer endpoint service.
    RemoveEndpointService(EndpointServiceName, Scope),
    /// `open_ports`: open ports on Adobe's side, or on an endpoint service Adobe connects to.
    OpenPorts(PortTarget, Vec<PortSpec>, Scope),
    /// `close_ports`: close ports on Adobe's side, or on an endpoint service Adobe connects to.
    ClosePorts(PortTarget, Vec<PortSpec>, Scope),
}

/// The environments a change applies to; empty means every environment that uses PrivateLink.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Scope(pub Vec<Environment>);

/// Where ports open or close.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum PortTarget {
    /// In the Adobe Commerce environments, for connections from the customer's network.
    Adobe,
    /// On a customer endpoint service that Adobe connects to.
    EndpointService(EndpointServiceName),
}

impl ChangeAction {
    /// The document value of `action`.
    pub fn action(&self) -> &'static str {
        match self {
            ChangeAction::AddEnvironment(_) => "add_environment",
            ChangeAction::RemoveConnection(_) => "remove_connection",
            ChangeAction::ChangeAccount { .. } => "change_account",
            ChangeAction::AddEndpointService(..) => "add_endpoint_service",
            ChangeAction::RemoveEndpointService(..) => "remove_endpoint_service",
            ChangeAction::OpenPorts(..) => "open_ports",
            ChangeAction::ClosePorts(..) => "close_ports",
        }
    }
}
