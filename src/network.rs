//! The optional fields that fill in the guide's commands: the customer's network IDs
//! (`customer_network`) and the name of Adobe's endpoint service (`adobe_endpoint_service`).
//!
//! Neither is needed for the ticket; both are checked by format when given, so that every value
//! that reaches a command line is a known shape. Field by cloud:
//!
//! | field | cloud | format |
//! |---|---|---|
//! | `customer_network.vpc_id` | AWS | `vpc-` and 8 or 17 lowercase hex digits |
//! | `customer_network.subnet_ids` | AWS | list of `subnet-` and 8 or 17 lowercase hex digits |
//! | `customer_network.security_group_ids` | AWS | list of `sg-` and 8 or 17 lowercase hex digits |
//! | `customer_network.resource_group` | Azure | resource group: 1-90 letters, digits, `-_.()`, not ending with `.` |
//! | `customer_network.vnet_name` | Azure | virtual network: 2-64 of `[A-Za-z0-9._-]`, starting alphanumeric, ending alphanumeric or `_` |
//! | `customer_network.subnet_name` | Azure | subnet: 1-80, same characters and ends |
//! | `adobe_endpoint_service` | both | the cloud's endpoint service format, in the request's region |
//!
//! The other cloud's network fields are ignored with a warning.

use serde_json::{Map, Value};

use crate::check::{Checker, Got};
use crate::diagnostic::Diagnostic;
use crate::ids::{is_resource_group, is_resource_name, EndpointServiceName};
use crate::regions::{Cloud, Region};
use crate::request::EndpointService;
use crate::rules::{self, Rule};
use crate::text::quote;

/// An AWS network resource ID: a fixed prefix and 8 or 17 lowercase hexadecimal digits.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct AwsResourceId(String);

impl AwsResourceId {
    /// Reads `<prefix>-` followed by 8 or 17 lowercase hex digits.
    pub fn parse(kind: AwsResource, s: &str) -> Option<Self> {
        let hex = s.strip_prefix(kind.prefix())?;
        (matches!(hex.len(), 8 | 17) && hex.bytes().all(|b| matches!(b, b'0'..=b'9' | b'a'..=b'f')))
            .then(|| AwsResourceId(s.into()))
    }

    /// The ID.
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

/// The AWS network resources the guide names.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum AwsResource {
    /// A VPC, `vpc-…`.
    Vpc,
    /// A subnet, `subnet-…`.
    Subnet,
    /// A security group, `sg-…`.
    SecurityGroup,
}

impl AwsResource {
    const ALL: [AwsResource; 3] = [
        AwsResource::Vpc,
        AwsResource::Subnet,
        AwsResource::SecurityGroup,
    ];

    /// The ID prefix, dash included.
    pub fn prefix(self) -> &'static str {
        match self {
            AwsResource::Vpc => "vpc-",
            AwsResource::Subnet => "subnet-",
            AwsResource::SecurityGroup => "sg-",
        }
    }

    /// What people call it, with its article.
    fn label(self) -> &'static str {
        match self {
            AwsResource::Vpc => "a VPC ID",
            AwsResource::Subnet => "a subnet ID",
            AwsResource::SecurityGroup => "a security group ID",
        }
    }

    fn rule(self) -> &'static Rule {
        match self {
            AwsResource::Vpc => &rules::VPC_ID_FORMAT,
            AwsResource::Subnet => &rules::SUBNET_ID_FORMAT,
            AwsResource::SecurityGroup => &rules::SECURITY_GROUP_ID_FORMAT,
        }
    }
}

/// An Azure resource group, virtual network or subnet name, checked against the naming rules.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct AzureName(String);

impl AzureName {
    /// The name.
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

/// The Azure network names the guide uses.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum AzureResource {
    /// A resource group.
    ResourceGroup,
    /// A virtual network.
    VirtualNetwork,
    /// A subnet of a virtual network.
    Subnet,
}

impl AzureResource {
    /// Reads a name of this kind.
    pub fn parse(self, s: &str) -> Option<AzureName> {
        let ok = match self {
            AzureResource::ResourceGroup => is_resource_group(s),
            AzureResource::VirtualNetwork => s.len() >= 2 && is_resource_name(s, 64),
            AzureResource::Subnet => is_resource_name(s, 80),
        };
        ok.then(|| AzureName(s.into()))
    }

    fn field(self) -> &'static str {
        match self {
            AzureResource::ResourceGroup => "resource_group",
            AzureResource::VirtualNetwork => "vnet_name",
            AzureResource::Subnet => "subnet_name",
        }
    }

    fn describe(self) -> &'static str {
        match self {
            AzureResource::ResourceGroup => "a resource group name: 1 to 90 letters, digits, dashes, underscores, dots or parentheses, not ending with a dot",
            AzureResource::VirtualNetwork => "a virtual network name: 2 to 64 letters, digits, dots, dashes or underscores, starting with a letter or digit and ending with a letter, digit or underscore",
            AzureResource::Subnet => "a subnet name: 1 to 80 letters, digits, dots, dashes or underscores, starting with a letter or digit and ending with a letter, digit or underscore",
        }
    }
}

/// The customer's own network, as far as the document gives it. Only the fields of the
/// request's cloud are kept.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct CustomerNetwork {
    /// AWS: the VPC the interface endpoint goes into.
    pub vpc_id: Option<AwsResourceId>,
    /// AWS: the subnets of the interface endpoint (one per Availability Zone).
    pub subnet_ids: Vec<AwsResourceId>,
    /// AWS: the security groups of the interface endpoint.
    pub security_group_ids: Vec<AwsResourceId>,
    /// Azure: the resource group of the private endpoint (and of the virtual network).
    pub resource_group: Option<AzureName>,
    /// Azure: the virtual network of the private endpoint.
    pub vnet_name: Option<AzureName>,
    /// Azure: the subnet of the private endpoint.
    pub subnet_name: Option<AzureName>,
}

impl CustomerNetwork {
    fn is_empty(&self) -> bool {
        *self == CustomerNetwork::default()
    }
}

const AWS_NETWORK_FIELDS: &[&str] = &["vpc_id", "subnet_ids", "security_group_ids"];
const AZURE_NETWORK_FIELDS: &[&str] = &["resource_group", "vnet_name", "subnet_name"];

impl Checker {
    /// Checks `customer_network`. `Some(None)` when it is absent or gives nothing; `None` when it
    /// has an error.
    pub(crate) fn customer_network(
        &mut self,
        cloud: Option<Cloud>,
        v: Option<&Value>,
    ) -> Option<Option<CustomerNetwork>> {
        let obj = match v {
            None | Some(Value::Null) => return Some(None),
            Some(Value::Object(o)) => o,
            Some(other) => {
                self.wrong_type(
                    "customer_network",
                    "an object such as {\"vpc_id\": ..., \"subnet_ids\": [...], \"security_group_ids\": [...]}",
                    other,
                );
                return None;
            }
        };
        let errors_before = self.error_count();
        let mut net = CustomerNetwork::default();
        let (mine, theirs) = match cloud {
            Some(Cloud::Aws) => (AWS_NETWORK_FIELDS, AZURE_NETWORK_FIELDS),
            Some(Cloud::Azure) => (AZURE_NETWORK_FIELDS, AWS_NETWORK_FIELDS),
            None => (&[][..], &[][..]),
        };
        if let Some(cloud) = cloud {
            let other = match cloud {
                Cloud::Aws => Cloud::Azure,
                Cloud::Azure => Cloud::Aws,
            };
            for field in theirs {
                if obj.get(*field).is_some_and(|v| !v.is_null()) {
                    // Labelled as on the other cloud's form, where the field belongs.
                    let path = format!("customer_network.{field}");
                    let d = Diagnostic::of(
                        &rules::NETWORK_OTHER_CLOUD,
                        path,
                        0,
                        &[("other", other.label()), ("cloud", cloud.label())],
                        Some(other),
                    );
                    self.push(d);
                }
            }
        }
        // With an unknown cloud, the format of every given field is still checked.
        let wanted = |f: &str| cloud.is_none() || mine.contains(&f);
        if wanted("vpc_id") {
            net.vpc_id = self.aws_id(
                obj.get("vpc_id"),
                "customer_network.vpc_id",
                AwsResource::Vpc,
            );
        }
        if wanted("subnet_ids") {
            net.subnet_ids = self.aws_ids(obj, "subnet_ids", AwsResource::Subnet);
        }
        if wanted("security_group_ids") {
            net.security_group_ids =
                self.aws_ids(obj, "security_group_ids", AwsResource::SecurityGroup);
        }
        for kind in [
            AzureResource::ResourceGroup,
            AzureResource::VirtualNetwork,
            AzureResource::Subnet,
        ] {
            if !wanted(kind.field()) {
                continue;
            }
            let name = self.azure_name(obj, kind);
            match kind {
                AzureResource::ResourceGroup => net.resource_group = name,
                AzureResource::VirtualNetwork => net.vnet_name = name,
                AzureResource::Subnet => net.subnet_name = name,
            }
        }
        let known: Vec<&str> = AWS_NETWORK_FIELDS
            .iter()
            .chain(AZURE_NETWORK_FIELDS)
            .copied()
            .collect();
        self.unknown_fields(obj, &known, "customer_network");
        if self.error_count() > errors_before {
            return None;
        }
        Some((!net.is_empty()).then_some(net))
    }

    /// One AWS ID; `None` when absent or wrong (the error is reported).
    fn aws_id(
        &mut self,
        v: Option<&Value>,
        path: &str,
        kind: AwsResource,
    ) -> Option<AwsResourceId> {
        let Got::Ok(s) = self.text(v, path) else {
            return None;
        };
        self.aws_id_text(s, path, kind)
    }

    fn aws_id_text(&mut self, s: &str, path: &str, kind: AwsResource) -> Option<AwsResourceId> {
        if let Some(id) = AwsResourceId::parse(kind, s) {
            return Some(id);
        }
        let lower = s.to_ascii_lowercase();
        let other = AwsResource::ALL
            .into_iter()
            .find(|k| *k != kind && AwsResourceId::parse(*k, &lower).is_some());
        let value = quote(s);
        let mut d = match other {
            Some(o) => self.diag(
                kind.rule(),
                path,
                0,
                &[("value", &value), ("other", o.label())],
            ),
            None => self.diag(kind.rule(), path, 1, &[("value", &value)]),
        };
        if other.is_none() {
            if let Some(fixed) = AwsResourceId::parse(kind, &lower) {
                d = d.with_suggestion(fixed.as_str());
            }
        }
        self.push(d);
        None
    }

    /// A list of AWS IDs at `customer_network.<field>`; blank entries are skipped, repeats warn.
    fn aws_ids(
        &mut self,
        obj: &Map<String, Value>,
        field: &str,
        kind: AwsResource,
    ) -> Vec<AwsResourceId> {
        let path = format!("customer_network.{field}");
        let items = match obj.get(field) {
            None | Some(Value::Null) => return Vec::new(),
            Some(Value::Array(items)) => items,
            Some(other) => {
                self.wrong_type(&path, "a list of IDs", other);
                return Vec::new();
            }
        };
        let mut out: Vec<AwsResourceId> = Vec::new();
        for (i, item) in items.iter().enumerate() {
            let at = format!("{path}[{i}]");
            let Got::Ok(s) = self.text(Some(item), &at) else {
                continue;
            };
            let Some(id) = self.aws_id_text(s, &at, kind) else {
                continue;
            };
            if out.contains(&id) {
                self.emit(&rules::NETWORK_ID_DUPLICATE, at, 0, &[("id", id.as_str())]);
            } else {
                out.push(id);
            }
        }
        out
    }

    fn azure_name(&mut self, obj: &Map<String, Value>, kind: AzureResource) -> Option<AzureName> {
        let path = format!("customer_network.{}", kind.field());
        let Got::Ok(s) = self.text(obj.get(kind.field()), &path) else {
            return None;
        };
        let name = kind.parse(s);
        if name.is_none() {
            self.emit(
                &rules::AZURE_NETWORK_NAME_FORMAT,
                path,
                0,
                &[("value", &quote(s)), ("what", kind.describe())],
            );
        }
        name
    }

    /// Checks `adobe_endpoint_service` with the rules of every endpoint service name (format of
    /// the cloud, region of the request), and that it is not one of the customer's own services.
    /// `Some(None)` when absent; `None` when it has an error. `added`: the customer's services
    /// are the ones a change request adds (else those of the enablement's list).
    pub(crate) fn adobe_endpoint_service(
        &mut self,
        v: Option<&Value>,
        cloud: Option<Cloud>,
        region: Option<&'static Region>,
        customer_services: &[EndpointService],
        added: bool,
    ) -> Option<Option<EndpointServiceName>> {
        const PATH: &str = "adobe_endpoint_service";
        match self.text(v, PATH) {
            Got::Missing => return Some(None),
            Got::Reported => return None,
            Got::Ok(_) => {}
        }
        let name = self.endpoint_name(v, PATH, cloud, region)?;
        let norm = name.to_string().to_ascii_lowercase();
        if customer_services
            .iter()
            .any(|s| s.name.to_string().to_ascii_lowercase() == norm)
        {
            self.emit(
                &rules::ADOBE_SERVICE_IS_CUSTOMERS,
                PATH,
                usize::from(added),
                &[("value", &quote(&name.to_string()))],
            );
            return None;
        }
        Some(Some(name))
    }
}
