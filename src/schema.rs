//! The JSON Schema (2020-12) of the request document, for editors and other tools.
//!
//! The types below describe the shape the checker accepts and nothing more: formats that need a
//! table (regions) or cross-field logic (the region inside an endpoint service name) are the
//! checker's. `schema/privatelink-request.schema.json` is `privatelink-prep schema`; a test keeps
//! it current and validates the example requests against it. Native only: the page does not need
//! it.

#![allow(dead_code)] // The fields exist to be described, never read.

use schemars::JsonSchema;
use serde::Deserialize;

/// Builds the schema as pretty JSON, with a trailing newline.
pub fn request_schema() -> String {
    let schema = schemars::schema_for!(RequestDocument);
    let mut s = serde_json::to_string_pretty(&schema).unwrap_or_default();
    s.push('\n');
    s
}

/// A privatelink-prep request document, format version 1: an enablement request (the default)
/// or a change request (`"kind": "change"`).
#[derive(Deserialize, JsonSchema)]
#[serde(untagged)]
#[schemars(title = "PrivateLink request")]
enum RequestDocument {
    Enablement(Enablement),
    Change(Change),
}

/// A request to enable PrivateLink for an Adobe Commerce Pro project.
#[derive(Deserialize, JsonSchema)]
#[schemars(extend("allOf" = [
    {"if": {"properties": {"connection_type": {"pattern": "^\\s*[Bb][Ii][Dd][Ii][Rr][Ee][Cc][Tt][Ii][Oo][Nn][Aa][Ll]\\s*$"}}, "required": ["connection_type"]},
     "then": {"required": ["endpoint_services", "prerequisites"]}},
    {"if": {"properties": {"cloud": {"pattern": "^\\s*[Aa][Zz][Uu][Rr][Ee]\\s*$"}}, "required": ["cloud"]},
     "then": {"required": ["azure"]}},
    {"if": {"properties": {"cloud": {"pattern": "^\\s*[Aa][Ww][Ss]\\s*$"}}, "required": ["cloud"]},
     "then": {"properties": {"ports": {"maxItems": 50}}}}
]))]
struct Enablement {
    /// Format version; only 1 exists.
    version: Option<Version>,
    /// The request kind; an enablement when left out.
    kind: Option<EnablementKind>,
    company: Company,
    cloud: CloudName,
    region: RegionName,
    /// Your AWS account ID (12 digits, kept as text) or your Azure subscription ID (a UUID).
    #[schemars(length(min = 1, max = 1000), extend("examples" = ["123456789012", "0f8fad5b-d9cb-469f-a165-70867728950e"]))]
    account_id: String,
    project_id: ProjectId,
    /// PrivateLink needs the Pro plan.
    #[schemars(regex(pattern = r"^\s*[Pp][Rr][Oo]\s*$"))]
    plan: String,
    /// The environments to connect: `production`, `staging`, and additional staging environments
    /// by their ID (which starts with `staging`).
    #[schemars(length(min = 1))]
    environments: Vec<EnvironmentName>,
    /// `unidirectional`: your network reaches Adobe; `bidirectional`: Adobe also reaches
    /// endpoint services in your network.
    #[schemars(regex(
        pattern = r"^\s*([Uu][Nn][Ii]|[Bb][Ii])[Dd][Ii][Rr][Ee][Cc][Tt][Ii][Oo][Nn][Aa][Ll]\s*$"
    ))]
    connection_type: String,
    /// The ports Adobe opens in the environments (at most 50 on AWS: an NLB's listener limit).
    #[schemars(length(min = 1))]
    ports: Vec<PortEntry>,
    /// Bidirectional only: the endpoint services in your network that Adobe connects to.
    endpoint_services: Option<Vec<EndpointService>>,
    /// Bidirectional only: the resources confirmed in place in your network.
    prerequisites: Option<Prerequisites>,
    /// Azure only.
    azure: Option<AzureDetails>,
    /// Optional: your network's IDs, to fill in the guide's commands.
    customer_network: Option<CustomerNetwork>,
    adobe_endpoint_service: Option<AdobeEndpointService>,
    /// Optional: outputs of read-only cloud commands about the request as a whole
    /// (`aws sts get-caller-identity`, `az account show`); see Evidence.
    evidence: Option<Evidence>,
}

/// Outputs of read-only cloud commands, each recognised by its shape; an output that is not
/// recognised is a warning and is ignored.
#[derive(Deserialize, JsonSchema)]
struct Evidence(#[schemars(length(max = 20))] Vec<EvidenceEntry>);

/// One cloud command output.
#[derive(Deserialize, JsonSchema)]
struct EvidenceEntry {
    /// Where it came from, for the reader (e.g. the command line); never read by the checks.
    #[schemars(length(max = 1000))]
    source: Option<String>,
    /// The command's JSON output: as JSON, or as the text it printed (at most 256 KiB).
    output: serde_json::Value,
}

/// A request to change a PrivateLink setup that is already in place.
#[derive(Deserialize, JsonSchema)]
struct Change {
    /// Format version; only 1 exists.
    version: Option<Version>,
    kind: ChangeKind,
    company: Company,
    cloud: CloudName,
    region: RegionName,
    project_id: ProjectId,
    /// What changes, one entry per change.
    #[schemars(length(min = 1))]
    changes: Vec<ChangeAction>,
    /// Optional: your network's IDs, to fill in the guide's commands.
    customer_network: Option<CustomerNetwork>,
    adobe_endpoint_service: Option<AdobeEndpointService>,
}

/// Format version 1.
#[derive(Deserialize, JsonSchema)]
struct Version(#[schemars(range(min = 1, max = 1))] u8);

#[derive(Deserialize, JsonSchema)]
#[serde(rename_all = "lowercase")]
enum EnablementKind {
    Enablement,
}

#[derive(Deserialize, JsonSchema)]
#[serde(rename_all = "lowercase")]
enum ChangeKind {
    Change,
}

/// Your company's name, one line; the ticket subject reads "PrivateLink support for <company>".
#[derive(Deserialize, JsonSchema)]
struct Company(
    #[schemars(
        length(min = 1, max = 100),
        regex(pattern = r"^[^\u0000-\u001f\u007f]*\S[^\u0000-\u001f\u007f]*$")
    )]
    String,
);

/// `aws` or `azure`, in any case.
#[derive(Deserialize, JsonSchema)]
#[schemars(extend("examples" = ["aws", "azure"]))]
struct CloudName(
    #[schemars(regex(pattern = r"^\s*([Aa][Ww][Ss]|[Aa][Zz][Uu][Rr][Ee])\s*$"))] String,
);

/// The region of your Adobe Commerce instance: a code (`eu-west-1`, `westeurope`) or a display
/// name (`Europe (Ireland)`, `West Europe`). Commercial AWS regions and Azure public regions only.
#[derive(Deserialize, JsonSchema)]
#[schemars(extend("examples" = ["eu-west-1", "us-east-1", "westeurope"]))]
struct RegionName(#[schemars(length(min = 1, max = 1000))] String);

/// The Adobe Commerce Pro project ID: 13 letters and digits (`magento-cloud project:info`).
#[derive(Deserialize, JsonSchema)]
#[schemars(extend("examples" = ["yw1unoukjcawe"]))]
struct ProjectId(#[schemars(regex(pattern = r"^\s*[A-Za-z0-9]{13}\s*$"))] String);

/// `production`, `staging`, or an additional staging environment's ID (`staging` and then
/// letters, digits, `-` or `_`), in any case.
#[derive(Deserialize, JsonSchema)]
#[schemars(extend("examples" = ["production", "staging", "staging2"]))]
struct EnvironmentName(
    #[schemars(regex(
        pattern = r"^\s*([Pp][Rr][Oo][Dd][Uu][Cc][Tt][Ii][Oo][Nn]|[Ss][Tt][Aa][Gg][Ii][Nn][Gg][A-Za-z0-9_-]{0,57})\s*$"
    ))]
    String,
);

/// A service and the port it listens on.
#[derive(Deserialize, JsonSchema)]
struct PortEntry {
    /// What runs there, e.g. `SFTP`; one line.
    #[schemars(
        length(min = 1, max = 100),
        regex(pattern = r"^[^\u0000-\u001f\u007f]*$")
    )]
    service: String,
    port: Port,
    /// `tcp` (the default) or `udp`, in any case.
    #[schemars(regex(pattern = r"^\s*([Tt][Cc][Pp]|[Uu][Dd][Pp])\s*$"))]
    protocol: Option<String>,
}

/// A port number, 1-65535 (65534 on Azure), as a number or numeric text; never 22 into Adobe
/// Commerce.
#[derive(Deserialize, JsonSchema)]
#[serde(untagged)]
enum Port {
    Number(#[schemars(range(min = 1, max = 65535))] u32),
    Text(#[schemars(regex(pattern = r"^\s*[0-9]{1,5}\s*$"))] String),
}

/// A customer endpoint service that Adobe connects to.
#[derive(Deserialize, JsonSchema)]
struct EndpointService {
    name: EndpointServiceName,
    /// The ports behind the service (at most 50 on AWS).
    #[schemars(length(min = 1))]
    ports: Vec<PortEntry>,
    principal_allowed: Option<PrincipalAllowed>,
    /// Optional: outputs of read-only cloud commands about this service (its configuration,
    /// permissions and listeners on AWS, the Private Link service on Azure).
    evidence: Option<Evidence>,
}

/// AWS: must be `true`, Adobe's principal `arn:aws:iam::402592597372:root` is allowed on the
/// endpoint service. Azure: not used; Adobe names the subscription it connects from after the
/// ticket, and the customer then adds it to the Private Link service's visibility (and
/// auto-approval) or approves Adobe's connection.
#[derive(Deserialize, JsonSchema)]
struct PrincipalAllowed(bool);

/// AWS: `com.amazonaws.vpce.<region>.vpce-svc-<17 hex>`; Azure: a Private Link service alias
/// (`<prefix>.<guid>.<region>.azure.privatelinkservice`) or resource ID.
#[derive(Deserialize, JsonSchema)]
struct EndpointServiceName(
    #[schemars(regex(
        pattern = r"^\s*(com\.amazonaws\.vpce\.[a-z0-9-]+\.vpce-svc-[0-9a-f]{17}|.+\.[0-9A-Fa-f]{8}-([0-9A-Fa-f]{4}-){3}[0-9A-Fa-f]{12}\.[A-Za-z0-9]+\.[Aa][Zz][Uu][Rr][Ee]\.[Pp][Rr][Ii][Vv][Aa][Tt][Ee][Ll][Ii][Nn][Kk][Ss][Ee][Rr][Vv][Ii][Cc][Ee]|/[Ss][Uu][Bb][Ss][Cc][Rr][Ii][Pp][Tt][Ii][Oo][Nn][Ss]/[^/]+/[Rr][Ee][Ss][Oo][Uu][Rr][Cc][Ee][Gg][Rr][Oo][Uu][Pp][Ss]/[^/]+/[Pp][Rr][Oo][Vv][Ii][Dd][Ee][Rr][Ss]/[Mm][Ii][Cc][Rr][Oo][Ss][Oo][Ff][Tt]\.[Nn][Ee][Tt][Ww][Oo][Rr][Kk]/[Pp][Rr][Ii][Vv][Aa][Tt][Ee][Ll][Ii][Nn][Kk][Ss][Ee][Rr][Vv][Ii][Cc][Ee][Ss]/[^/]+)\s*$"
    ))]
    String,
);

/// Must be `true`: the request is not ready until it is.
#[derive(Deserialize, JsonSchema)]
#[schemars(extend("const" = true))]
struct TrueOnly(bool);

/// Bidirectional prerequisites, each confirmed in place.
#[derive(Deserialize, JsonSchema)]
struct Prerequisites {
    /// The load balancer in front of your service: on AWS a Network Load Balancer, on Azure a
    /// Standard Load Balancer (frontend IP configuration).
    nlb: TrueOnly,
    /// On AWS an endpoint service configuration for your application, on Azure a Private Link
    /// service.
    endpoint_service: TrueOnly,
    /// Not a prerequisite: your interface endpoint (AWS) or private endpoint (Azure) to Adobe's
    /// service is made after the ticket, once Adobe sends its name. May be left out; `false` is
    /// noted, never an error.
    interface_endpoint: Option<bool>,
}

/// What an Azure request adds.
#[derive(Deserialize, JsonSchema)]
struct AzureDetails {
    /// What `cat /etc/platform_cluster` prints on the environment.
    #[schemars(regex(pattern = r"^\s*[A-Za-z0-9._-]{1,100}\s*$"))]
    cluster_id: String,
    /// Further subscriptions that will create Private Endpoint connections.
    subscription_ids: Option<Vec<SubscriptionId>>,
}

/// An Azure subscription ID (a UUID, any case).
#[derive(Deserialize, JsonSchema)]
struct SubscriptionId(
    #[schemars(regex(pattern = r"^\s*[0-9A-Fa-f]{8}-([0-9A-Fa-f]{4}-){3}[0-9A-Fa-f]{12}\s*$"))]
    String,
);

/// Your network's IDs: on AWS `vpc_id`, `subnet_ids`, `security_group_ids`; on Azure
/// `resource_group`, `vnet_name`, `subnet_name`.
#[derive(Deserialize, JsonSchema)]
struct CustomerNetwork {
    #[schemars(regex(pattern = r"^vpc-([0-9a-f]{8}|[0-9a-f]{17})$"))]
    vpc_id: Option<String>,
    subnet_ids: Option<Vec<AwsSubnetId>>,
    security_group_ids: Option<Vec<AwsSecurityGroupId>>,
    #[schemars(length(min = 1, max = 90))]
    resource_group: Option<String>,
    #[schemars(length(min = 2, max = 64))]
    vnet_name: Option<String>,
    #[schemars(length(min = 1, max = 80))]
    subnet_name: Option<String>,
}

#[derive(Deserialize, JsonSchema)]
struct AwsSubnetId(#[schemars(regex(pattern = r"^subnet-([0-9a-f]{8}|[0-9a-f]{17})$"))] String);

#[derive(Deserialize, JsonSchema)]
struct AwsSecurityGroupId(#[schemars(regex(pattern = r"^sg-([0-9a-f]{8}|[0-9a-f]{17})$"))] String);

/// The name of Adobe's endpoint service, once Adobe sends it; in the cloud's format and region.
#[derive(Deserialize, JsonSchema)]
struct AdobeEndpointService(EndpointServiceName);

/// One change to an existing setup.
#[derive(Deserialize, JsonSchema)]
#[serde(tag = "action", rename_all = "snake_case")]
enum ChangeAction {
    /// Connect another environment (e.g. Staging after Production) with the setup of the
    /// environments connected today.
    AddEnvironment { environment: EnvironmentName },
    /// Remove the PrivateLink connection from an environment.
    RemoveConnection { environment: EnvironmentName },
    /// Change the customer account that may reach Adobe's endpoint service.
    ChangeAccount {
        #[schemars(length(min = 1, max = 1000))]
        from_account_id: String,
        #[schemars(length(min = 1, max = 1000))]
        to_account_id: String,
    },
    /// Add a connection from Adobe to an endpoint service in your network.
    AddEndpointService {
        name: EndpointServiceName,
        #[schemars(length(min = 1))]
        ports: Vec<PortEntry>,
        principal_allowed: Option<PrincipalAllowed>,
        environments: Option<Environments>,
    },
    /// Remove the connection from Adobe to an endpoint service in your network.
    RemoveEndpointService {
        name: EndpointServiceName,
        environments: Option<Environments>,
    },
    /// Open ports: without `name` in the Adobe Commerce environments (for connections from your
    /// network), with `name` on that endpoint service of yours, which Adobe connects to.
    OpenPorts {
        name: Option<EndpointServiceName>,
        #[schemars(length(min = 1))]
        ports: Vec<PortEntry>,
        environments: Option<Environments>,
    },
    /// Close ports: without `name` in the Adobe Commerce environments, with `name` on that
    /// endpoint service of yours.
    ClosePorts {
        name: Option<EndpointServiceName>,
        #[schemars(length(min = 1))]
        ports: Vec<PortEntry>,
        environments: Option<Environments>,
    },
}

/// The environments a change applies to; left out (or empty), every environment that uses
/// PrivateLink.
#[derive(Deserialize, JsonSchema)]
struct Environments(Vec<EnvironmentName>);
