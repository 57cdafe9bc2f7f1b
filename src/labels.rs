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

/// Every field the form shows, in the order of the document: one line per field,
/// `field|label` or `field|AWS label|Azure label`. A field with a case in parentheses,
/// `changes[].environment(add_environment)`, is the form's control for that case alone (the
/// form asks for it in other words there); no document path has parentheses, so messages name
/// the field by its plain label. One text rather than a table of `&str`s: the
/// module is smaller without the pointers.
const TABLE: &str = concat!(
    "kind|What do you need?\n",
    "company|Company name\n",
    "project_id|Adobe Commerce project ID\n",
    "plan|Plan\n",
    "environments|Environments to connect\n",
    "environments[]|Environments to connect\n",
    "environments(additional)|Additional staging environment (optional)\n",
    "cloud|Cloud platform\n",
    "region|Region\n",
    "account_id|AWS account ID|Azure subscription ID\n",
    "azure|Azure details\n",
    "azure.cluster_id|Cluster ID\n",
    "azure.subscription_ids|Other subscriptions that will connect (optional)\n",
    "azure.subscription_ids[]|Additional subscription ID {n}\n",
    "connection_type|Connection type\n",
    "ports|Services and ports Adobe must open\n",
    "ports[]|Port {n}\n",
    "ports[].service|Service\n",
    "ports[].port|Port\n",
    "ports[].protocol|Protocol\n",
    "endpoint_services|Endpoint services in your network|Private Link services in your virtual network\n",
    "endpoint_services[]|Endpoint service {n}|Private Link service {n}\n",
    "endpoint_services[].name|Endpoint service name|Private Link service alias or resource ID\n",
    "endpoint_services[].ports|Ports of this service\n",
    "endpoint_services[].ports[]|Port {n}\n",
    "endpoint_services[].ports[].service|Service\n",
    "endpoint_services[].ports[].port|Port\n",
    "endpoint_services[].ports[].protocol|Protocol\n",
    "endpoint_services[].principal_allowed|I have allowed arn:aws:iam::402592597372:root on this endpoint service|Adobe may connect to this service\n",
    "endpoint_services[].evidence|Cloud outputs about this service\n",
    "endpoint_services[].evidence[]|Cloud output {n}\n",
    "endpoint_services[].evidence[].source|Source\n",
    "endpoint_services[].evidence[].output|Output\n",
    "prerequisites|Confirm what already exists in your network\n",
    "prerequisites.nlb|A Network Load Balancer in front of the application|A Standard Load Balancer (frontend IP configuration) in front of the application\n",
    "prerequisites.endpoint_service|A VPC endpoint service on that load balancer|A Private Link service on that load balancer\n",
    "prerequisites.interface_endpoint|An interface endpoint|A private endpoint\n",
    "changes|Changes\n",
    "changes[]|Change {n}\n",
    "changes[].action|What changes\n",
    "changes[].environment|Environment\n",
    "changes[].environment(add_environment)|Environment to connect\n",
    "changes[].environment(remove_connection)|Environment to disconnect\n",
    "changes[].environments|Environments it applies to (optional)\n",
    "changes[].environments(additional)|Additional staging environments (optional)\n",
    "changes[].environments[]|Environments it applies to\n",
    "changes[].from_account_id|AWS account ID allowed today|Azure subscription ID allowed today\n",
    "changes[].to_account_id|New AWS account ID|New Azure subscription ID\n",
    "changes[].name|Endpoint service name|Private Link service alias or resource ID\n",
    "changes[].name(ports)|Endpoint service (optional)|Private Link service (optional)\n",
    "changes[].ports|Ports of this service\n",
    "changes[].ports[]|Port {n}\n",
    "changes[].ports[].service|Service\n",
    "changes[].ports[].port|Port\n",
    "changes[].ports[].protocol|Protocol\n",
    "changes[].principal_allowed|I have allowed arn:aws:iam::402592597372:root on this endpoint service|Adobe may connect to this service\n",
    "customer_network|Your network\n",
    "customer_network.vpc_id|VPC ID\n",
    "customer_network.subnet_ids|Subnet IDs\n",
    "customer_network.subnet_ids[]|Subnet ID {n}\n",
    "customer_network.security_group_ids|Security group IDs\n",
    "customer_network.security_group_ids[]|Security group ID {n}\n",
    "customer_network.resource_group|Resource group\n",
    "customer_network.vnet_name|Virtual network name\n",
    "customer_network.subnet_name|Subnet name\n",
    "adobe_endpoint_service|Adobe’s endpoint service name|Adobe’s Private Link service (resource ID or alias)\n",
    "evidence|Cloud command outputs\n",
    "evidence[]|Cloud output {n}\n",
    "evidence[].source|Source\n",
    "evidence[].output|Output\n",
);

/// Every field's label, in the order of the document.
pub fn all() -> impl Iterator<Item = Label> {
    TABLE.lines().filter_map(|line| {
        let mut parts = line.split('|');
        let field = parts.next()?;
        let aws = parts.next()?;
        Some(Label {
            field,
            aws,
            azure: parts.next().unwrap_or(aws),
        })
    })
}

/// The label of `field` (a document path such as `changes[1].to_account_id`) on `cloud`, with
/// `{n}` filled in; `None` for a field the form does not show.
pub fn label(field: &str, cloud: Option<Cloud>) -> Option<String> {
    let pattern = crate::rules::without_indices(field);
    let l = all().find(|l| l.field == pattern)?.on(cloud);
    Some(fill(l, field, cloud, &[("n", &last_position(field))]))
}

/// The position from 1 of the last list index of `field`: `ports[2]` -> `3`.
fn last_position(field: &str) -> String {
    let mut n: usize = 0;
    for b in field.bytes() {
        match b {
            b'[' => n = 0,
            b'0'..=b'9' => n = n.saturating_mul(10).saturating_add(usize::from(b - b'0')),
            _ => {}
        }
    }
    n.saturating_add(1).to_string()
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
    fn only_list_indices_are_read_as_positions() {
        // A key of the document's own with a digit (unknown, e.g. a typo) has no label: the
        // message names its path, not the label of the field it resembles.
        assert_eq!(label("ports[0].port2", Some(Cloud::Aws)), None);
        assert_eq!(label("ports2[0].port", Some(Cloud::Aws)), None);
        assert_eq!(
            label("ports[10]", Some(Cloud::Aws)).as_deref(),
            Some("Port 11")
        );
        assert_eq!(
            label("ports[10].port", Some(Cloud::Aws)).as_deref(),
            Some("Port")
        );
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
