//! Identifiers in their checked, normalised form. Each type can only hold a valid value.

use std::fmt;

use crate::regions::{self, Region};
use crate::text::is_uuid;

/// The AWS account of Adobe's principal, which customers grant access to.
pub const ADOBE_AWS_ACCOUNT: &str = "402592597372";
/// The principal customers allow on their endpoint services.
pub const ADOBE_PRINCIPAL: &str = "arn:aws:iam::402592597372:root";

/// A 12-digit AWS account ID, leading zeros kept.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct AwsAccountId(String);

impl AwsAccountId {
    /// Reads exactly 12 ASCII digits.
    pub fn parse(s: &str) -> Option<Self> {
        (s.len() == 12 && s.bytes().all(|b| b.is_ascii_digit())).then(|| AwsAccountId(s.into()))
    }

    /// The 12 digits.
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

/// An Azure subscription ID, lowercase.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SubscriptionId(String);

impl SubscriptionId {
    /// Reads a UUID in any case.
    pub fn parse(s: &str) -> Option<Self> {
        is_uuid(s).then(|| SubscriptionId(s.to_ascii_lowercase()))
    }

    /// The lowercase UUID.
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

/// An Adobe Commerce project ID: 13 characters of `a-z0-9`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ProjectId(String);

impl ProjectId {
    /// Reads exactly 13 lowercase letters and digits.
    pub fn parse(s: &str) -> Option<Self> {
        (s.len() == 13
            && s.bytes()
                .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit()))
        .then(|| ProjectId(s.into()))
    }

    /// The project ID.
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

/// The Azure cluster ID printed by `cat /etc/platform_cluster`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ClusterId(String);

impl ClusterId {
    /// Reads one token of `[A-Za-z0-9._-]`, at most 100 characters.
    pub fn parse(s: &str) -> Option<Self> {
        (!s.is_empty()
            && s.len() <= 100
            && s.bytes()
                .all(|b| b.is_ascii_alphanumeric() || matches!(b, b'.' | b'_' | b'-')))
        .then(|| ClusterId(s.into()))
    }

    /// The cluster ID.
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

/// An AWS endpoint service ID, `vpce-svc-` and 17 lowercase hex digits.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct EndpointServiceId(String);

impl EndpointServiceId {
    /// Reads `vpce-svc-` followed by 17 lowercase hex digits.
    pub fn parse(s: &str) -> Option<Self> {
        let hex = s.strip_prefix("vpce-svc-")?;
        (hex.len() == 17 && hex.bytes().all(|b| matches!(b, b'0'..=b'9' | b'a'..=b'f')))
            .then(|| EndpointServiceId(s.into()))
    }

    /// The service ID.
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

/// A customer endpoint service that Adobe connects to, in one of the forms its cloud uses.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum EndpointServiceName {
    /// `com.amazonaws.vpce.<region>.vpce-svc-<id>`.
    Aws {
        /// The region named inside the service name.
        region: String,
        /// The service ID.
        service_id: EndpointServiceId,
    },
    /// `<prefix>.<guid>.<region>.azure.privatelinkservice`.
    AzureAlias {
        /// The alias as given (case kept, since Azure compares it case-insensitively).
        alias: String,
        /// The region named inside the alias, lowercase.
        region: String,
    },
    /// `/subscriptions/<uuid>/resourceGroups/<rg>/providers/Microsoft.Network/privateLinkServices/<name>`.
    AzureResourceId {
        /// The subscription that owns the service.
        subscription: SubscriptionId,
        /// The resource group.
        resource_group: String,
        /// The Private Link service's name.
        name: String,
    },
}

/// Why a string is not an endpoint service name.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum NameError {
    /// It is not in the cloud's format; the text says what is off.
    Format(&'static str),
    /// It is a China-partition AWS name (`cn.com.amazonaws.vpce…`).
    ChinaPartition,
    /// It is in the other cloud's format.
    OtherCloud,
}

const AWS_PREFIX: &str = "com.amazonaws.vpce.";
const AZURE_ALIAS_SUFFIX: &str = ".azure.privatelinkservice";

impl EndpointServiceName {
    /// Reads an AWS endpoint service name.
    pub fn parse_aws(s: &str) -> Result<Self, NameError> {
        if s.starts_with("cn.com.amazonaws.vpce.") {
            return Err(NameError::ChinaPartition);
        }
        if looks_azure(s) {
            return Err(NameError::OtherCloud);
        }
        let rest = s.strip_prefix(AWS_PREFIX).ok_or(NameError::Format(
            "it must begin with com.amazonaws.vpce, then the region and the service ID",
        ))?;
        let (region, id) = rest.split_once('.').ok_or(NameError::Format(
            "com.amazonaws.vpce must be followed by the region and the service ID",
        ))?;
        if region.is_empty() {
            return Err(NameError::Format("the region is missing"));
        }
        if !id.starts_with("vpce-svc-") {
            return Err(NameError::Format(
                "the service ID after the region must start with vpce-svc-",
            ));
        }
        let service_id = EndpointServiceId::parse(id).ok_or(NameError::Format(
            "the service ID must be vpce-svc- followed by 17 lowercase hexadecimal digits",
        ))?;
        Ok(EndpointServiceName::Aws {
            region: region.into(),
            service_id,
        })
    }

    /// Reads an Azure Private Link service alias or resource ID.
    pub fn parse_azure(s: &str) -> Result<Self, NameError> {
        if s.starts_with("com.amazonaws.") || s.starts_with("cn.com.amazonaws.") {
            return Err(NameError::OtherCloud);
        }
        if s.starts_with('/') {
            return parse_resource_id(s);
        }
        let lower = s.to_ascii_lowercase();
        let head = lower.strip_suffix(AZURE_ALIAS_SUFFIX).ok_or(NameError::Format(
            "an alias ends with .azure.privatelinkservice and a resource ID starts with /subscriptions/",
        ))?;
        // Parse from the right: the prefix may itself contain dots.
        let (rest, region) = head
            .rsplit_once('.')
            .ok_or(NameError::Format("the alias has no region"))?;
        let (prefix, guid) = rest
            .rsplit_once('.')
            .ok_or(NameError::Format("the alias has no GUID"))?;
        if !is_uuid(guid) {
            return Err(NameError::Format(
                "the part before the region must be a GUID",
            ));
        }
        if !is_resource_name(prefix, 80) {
            return Err(NameError::Format(
                "the prefix must be 1 to 80 letters, digits, dots, dashes or underscores, starting with a letter or digit",
            ));
        }
        if region.is_empty() {
            return Err(NameError::Format("the alias has no region"));
        }
        Ok(EndpointServiceName::AzureAlias {
            alias: s.into(),
            region: region.into(),
        })
    }

    /// The region named inside the name, if the form carries one.
    pub fn region(&self) -> Option<&str> {
        match self {
            EndpointServiceName::Aws { region, .. }
            | EndpointServiceName::AzureAlias { region, .. } => Some(region),
            EndpointServiceName::AzureResourceId { .. } => None,
        }
    }

    /// The region inside the name as a known region of the table.
    pub fn known_region(&self) -> Option<&'static Region> {
        let cloud = match self {
            EndpointServiceName::Aws { .. } => regions::Cloud::Aws,
            _ => regions::Cloud::Azure,
        };
        self.region().and_then(|r| regions::by_code(cloud, r))
    }

    /// The AWS service ID, for commands that take one.
    pub fn service_id(&self) -> Option<&EndpointServiceId> {
        match self {
            EndpointServiceName::Aws { service_id, .. } => Some(service_id),
            _ => None,
        }
    }

    /// What kind of name this is, for the ticket.
    pub fn form(&self) -> &'static str {
        match self {
            EndpointServiceName::Aws { .. } => "AWS endpoint service",
            EndpointServiceName::AzureAlias { .. } => "Azure Private Link service alias",
            EndpointServiceName::AzureResourceId { .. } => "Azure Private Link service resource ID",
        }
    }
}

impl fmt::Display for EndpointServiceName {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            EndpointServiceName::Aws { region, service_id } => {
                write!(f, "{AWS_PREFIX}{region}.{}", service_id.as_str())
            }
            EndpointServiceName::AzureAlias { alias, .. } => f.write_str(alias),
            EndpointServiceName::AzureResourceId {
                subscription,
                resource_group,
                name,
            } => write!(
                f,
                "/subscriptions/{}/resourceGroups/{resource_group}/providers/Microsoft.Network/privateLinkServices/{name}",
                subscription.as_str()
            ),
        }
    }
}

fn looks_azure(s: &str) -> bool {
    let lower = s.to_ascii_lowercase();
    lower.ends_with(AZURE_ALIAS_SUFFIX) || lower.starts_with("/subscriptions/")
}

/// 1 to `max` of `[A-Za-z0-9._-]`, starting alphanumeric, ending alphanumeric or `_`: the shape
/// of Azure Private Link service, virtual network and subnet names.
pub(crate) fn is_resource_name(s: &str, max: usize) -> bool {
    let b = s.as_bytes();
    !b.is_empty()
        && b.len() <= max
        && b[0].is_ascii_alphanumeric()
        && (b[b.len() - 1].is_ascii_alphanumeric() || b[b.len() - 1] == b'_')
        && b.iter()
            .all(|c| c.is_ascii_alphanumeric() || matches!(c, b'.' | b'-' | b'_'))
}

/// An Azure resource group name: 1 to 90 letters, digits, `-`, `_`, `.`, `(` or `)`, not ending
/// with a dot.
pub(crate) fn is_resource_group(rg: &str) -> bool {
    !rg.is_empty()
        && crate::text::char_count(rg) <= 90
        && !rg.ends_with('.')
        && rg
            .chars()
            .all(|c| c.is_alphanumeric() || matches!(c, '-' | '_' | '.' | '(' | ')'))
}

fn parse_resource_id(s: &str) -> Result<EndpointServiceName, NameError> {
    let parts: Vec<&str> = s.split('/').collect();
    let fixed = |i: usize, want: &str| parts.get(i).is_some_and(|p| p.eq_ignore_ascii_case(want));
    if parts.len() != 9
        || !parts[0].is_empty()
        || !fixed(1, "subscriptions")
        || !fixed(3, "resourceGroups")
        || !fixed(5, "providers")
        || !fixed(6, "Microsoft.Network")
        || !fixed(7, "privateLinkServices")
    {
        return Err(NameError::Format(
            "a resource ID reads /subscriptions/<id>/resourceGroups/<group>/providers/Microsoft.Network/privateLinkServices/<name>",
        ));
    }
    let subscription = SubscriptionId::parse(parts[2]).ok_or(NameError::Format(
        "the subscription in the resource ID must be a UUID",
    ))?;
    let rg = parts[4];
    if !is_resource_group(rg) {
        return Err(NameError::Format(
            "the resource group must be 1 to 90 letters, digits, dashes, underscores, dots or parentheses, not ending with a dot",
        ));
    }
    if !is_resource_name(parts[8], 80) {
        return Err(NameError::Format(
            "the service name must be 1 to 80 letters, digits, dots, dashes or underscores, starting with a letter or digit",
        ));
    }
    Ok(EndpointServiceName::AzureResourceId {
        subscription,
        resource_group: rg.into(),
        name: parts[8].into(),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn aws_name_round_trips() {
        let s = "com.amazonaws.vpce.eu-west-1.vpce-svc-0123456789abcdef0";
        let n = EndpointServiceName::parse_aws(s).unwrap();
        assert_eq!(n.to_string(), s);
        assert_eq!(n.region(), Some("eu-west-1"));
        assert_eq!(
            n.service_id().unwrap().as_str(),
            "vpce-svc-0123456789abcdef0"
        );
    }

    #[test]
    fn azure_alias_parses_from_the_right() {
        let s = "my.svc-1.0f8fad5b-d9cb-469f-a165-70867728950e.westeurope.azure.privatelinkservice";
        let n = EndpointServiceName::parse_azure(s).unwrap();
        assert_eq!(n.region(), Some("westeurope"));
    }

    #[test]
    fn azure_resource_id_fixed_segments_ignore_case() {
        let s = "/SUBSCRIPTIONS/0f8fad5b-d9cb-469f-a165-70867728950e/resourcegroups/rg-1/providers/microsoft.network/privatelinkservices/pls1";
        let n = EndpointServiceName::parse_azure(s).unwrap();
        assert_eq!(
            n.to_string(),
            "/subscriptions/0f8fad5b-d9cb-469f-a165-70867728950e/resourceGroups/rg-1/providers/Microsoft.Network/privateLinkServices/pls1"
        );
    }
}
