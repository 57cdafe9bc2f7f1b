//! The words the customer sees: each field's label, as the page's form shows it, and the
//! templates of the rule catalogue filled with them.
//!
//! The form (`www/`) reads its labels from here (`labels(cloud)` in the wasm binding), and every
//! message and help text of a diagnostic names a field by the same label, never by its document
//! path: the page and the messages cannot drift apart. The CLI prints the path beside each
//! message.

use std::borrow::Cow;

use crate::regions::Cloud;

/// One field's label. `field` is a document path with list indices written `[]`; in a label,
/// `{n}` stands for the position (from 1) of the field's last list index.
#[derive(Debug, PartialEq, Eq)]
pub struct Label {
    /// The field, e.g. `changes[].to_account_id`.
    pub field: &'static str,
    /// The label on AWS (and when the cloud is not known).
    pub aws: &'static str,
    /// The label on Azure.
    pub azure: &'static str,
}

impl Label {
    /// The label on `cloud`.
    pub fn on(&self, cloud: Option<Cloud>) -> &'static str {
        match cloud {
            Some(Cloud::Azure) => self.azure,
            _ => self.aws,
        }
    }
}

macro_rules! labels {
    ($($field:literal => $aws:literal $(| $azure:literal)?;)*) => {
        /// Every field the form shows, in the order of the document.
        pub static LABELS: &[Label] = &[$(Label {
            field: $field,
            aws: $aws,
            azure: labels!(@azure $aws $(, $azure)?),
        }),*];
    };
    (@azure $aws:literal) => { $aws };
    (@azure $aws:literal, $azure:literal) => { $azure };
}

labels! {
    "kind" => "What do you need?";
    "company" => "Company name";
    "project_id" => "Adobe Commerce project ID";
    "plan" => "Plan";
    "environments" => "Environments to connect";
    "environments[]" => "Environments to connect";
    "cloud" => "Cloud platform";
    "region" => "Region";
    "account_id" => "AWS account ID" | "Azure subscription ID";
    "azure" => "Azure details";
    "azure.cluster_id" => "Cluster ID";
    "azure.subscription_ids" => "Other subscriptions that will connect (optional)";
    "azure.subscription_ids[]" => "Additional subscription ID {n}";
    "connection_type" => "Connection type";
    "ports" => "Services and ports Adobe must open";
    "ports[]" => "Port {n}";
    "ports[].service" => "Service";
    "ports[].port" => "Port";
    "ports[].protocol" => "Protocol";
    "endpoint_services" => "Endpoint services in your network";
    "endpoint_services[]" => "Endpoint service {n}";
    "endpoint_services[].name" => "Endpoint service name" | "Private Link service alias or resource ID";
    "endpoint_services[].ports" => "Ports of this service";
    "endpoint_services[].ports[]" => "Port {n}";
    "endpoint_services[].ports[].service" => "Service";
    "endpoint_services[].ports[].port" => "Port";
    "endpoint_services[].ports[].protocol" => "Protocol";
    "endpoint_services[].principal_allowed" =>
        "I have allowed arn:aws:iam::402592597372:root on this endpoint service"
        | "Adobe (arn:aws:iam::402592597372:root) may connect to this service";
    "prerequisites" => "Confirm what already exists in your network";
    "prerequisites.nlb" => "A Network Load Balancer in front of the application";
    "prerequisites.endpoint_service" => "An endpoint service configuration for the application"
        | "A Private Link service (endpoint service configuration) for the application";
    "prerequisites.interface_endpoint" => "An interface endpoint" | "A private endpoint";
    "changes" => "What changes";
    "changes[]" => "Change {n}";
    "changes[].action" => "What changes";
    "changes[].environment" => "Environment to disconnect";
    "changes[].from_account_id" => "AWS account ID allowed today" | "Azure subscription ID allowed today";
    "changes[].to_account_id" => "New AWS account ID" | "New Azure subscription ID";
    "changes[].name" => "Endpoint service name" | "Private Link service alias or resource ID";
    "changes[].ports" => "Ports of this service";
    "changes[].ports[]" => "Port {n}";
    "changes[].ports[].service" => "Service";
    "changes[].ports[].port" => "Port";
    "changes[].ports[].protocol" => "Protocol";
    "changes[].principal_allowed" =>
        "I have allowed arn:aws:iam::402592597372:root on this endpoint service"
        | "Adobe (arn:aws:iam::402592597372:root) may connect to this service";
    "customer_network" => "Your network";
    "customer_network.vpc_id" => "VPC ID";
    "customer_network.subnet_ids" => "Subnet IDs";
    "customer_network.subnet_ids[]" => "Subnet ID {n}";
    "customer_network.security_group_ids" => "Security group IDs";
    "customer_network.security_group_ids[]" => "Security group ID {n}";
    "customer_network.resource_group" => "Resource group";
    "customer_network.vnet_name" => "Virtual network name";
    "customer_network.subnet_name" => "Subnet name";
    "adobe_endpoint_service" => "Adobe’s endpoint service name"
        | "Adobe’s Private Link service (resource ID or alias)";
}

/// The label of `field` (a document path such as `changes[1].to_account_id`) on `cloud`, with
/// `{n}` filled in; `None` for a field the form does not show.
pub fn label(field: &str, cloud: Option<Cloud>) -> Option<String> {
    let pattern = crate::rules::without_indices(field);
    let l = LABELS.iter().find(|l| l.field == pattern)?.on(cloud);
    Some(if l.contains("{n}") {
        l.replace("{n}", &last_position(field))
    } else {
        l.to_string()
    })
}

/// The position from 1 of the last list index of `field`: `ports[2]` -> `3`.
fn last_position(field: &str) -> String {
    let digits = field
        .rsplit('[')
        .next()
        .and_then(|t| t.split(']').next())
        .unwrap_or_default();
    digits
        .parse::<usize>()
        .map_or_else(|_| digits.to_string(), |i| (i + 1).to_string())
}

/// A field named in a message: its label, or, for a field the form does not show (only a
/// document can hold it), its path.
pub fn name(field: &str, cloud: Option<Cloud>) -> String {
    label(field, cloud).unwrap_or_else(|| field.to_string())
}

/// Fills a catalogue template. `{x}` takes the value of `x` in `args`; `{label}` the label of
/// `field`; `{@path}` the label of another field (a pattern such as `changes[].to_account_id`).
/// Any other braces are kept as they are, and filled-in values are not read again.
pub fn fill(template: &str, field: &str, cloud: Option<Cloud>, args: &[(&str, &str)]) -> String {
    let mut out = String::with_capacity(template.len() + 40);
    let mut rest = template;
    while let Some((before, after)) = rest.split_once('{') {
        out.push_str(before);
        let value: Option<Cow<str>> = after.split_once('}').and_then(|(key, _)| {
            if key == "label" {
                Some(Cow::Owned(name(field, cloud)))
            } else if let Some(other) = key.strip_prefix('@') {
                label(other, cloud).map(Cow::Owned)
            } else {
                args.iter()
                    .find(|(k, _)| *k == key)
                    .map(|(_, v)| Cow::Borrowed(*v))
            }
        });
        match (value, after.split_once('}')) {
            (Some(v), Some((_, tail))) => {
                out.push_str(&v);
                rest = tail;
            }
            _ => {
                out.push('{');
                rest = after;
            }
        }
    }
    out.push_str(rest);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn labels_by_cloud_and_position() {
        assert_eq!(
            label("changes[3].to_account_id", Some(Cloud::Aws)).as_deref(),
            Some("New AWS account ID")
        );
        assert_eq!(
            label("account_id", Some(Cloud::Azure)).as_deref(),
            Some("Azure subscription ID")
        );
        assert_eq!(
            label("azure.subscription_ids[1]", Some(Cloud::Azure)).as_deref(),
            Some("Additional subscription ID 2")
        );
        assert_eq!(label("version", None), None);
    }

    #[test]
    fn fill_replaces_known_placeholders_only() {
        assert_eq!(
            fill(
                "{value} in {label}; set {@changes[].to_account_id}; keep {\"a\": 1} {x",
                "account_id",
                Some(Cloud::Aws),
                &[("value", "\"{label}\"")]
            ),
            "\"{label}\" in AWS account ID; set New AWS account ID; keep {\"a\": 1} {x"
        );
    }
}
