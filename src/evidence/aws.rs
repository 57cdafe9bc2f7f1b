//! The AWS CLI's outputs: caller identity, endpoint service configurations and permissions,
//! load balancer listeners.

use serde_json::{Map, Value};

use super::{objects, text, texts, Output};
use crate::ids::{AwsAccountId, ADOBE_PRINCIPAL};

/// `aws sts get-caller-identity`: who the CLI runs as.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct CallerIdentity {
    /// The 12-digit account ID.
    pub account: String,
    /// The partition from the caller's ARN, e.g. `aws` or `aws-cn`.
    pub partition: String,
}

/// One entry of `aws ec2 describe-vpc-endpoint-service-configurations`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ServiceConfiguration {
    /// `ServiceName`, e.g. `com.amazonaws.vpce.us-east-1.vpce-svc-...`.
    pub name: String,
    /// `ServiceId`.
    pub id: String,
    /// `ServiceState`: `Available`, `Pending`, `Deleting`, `Failed`...
    pub state: String,
    /// `AcceptanceRequired`.
    pub acceptance_required: Option<bool>,
    /// `NetworkLoadBalancerArns` (and `GatewayLoadBalancerArns`), those that are load balancer
    /// ARNs.
    pub load_balancers: Vec<LoadBalancer>,
}

/// A load balancer, from its ARN
/// `arn:<partition>:elasticloadbalancing:<region>:<account>:loadbalancer/<type>/<name>/<id>`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct LoadBalancer {
    /// The whole ARN.
    pub arn: String,
    /// Its region.
    pub region: String,
    /// Its account.
    pub account: String,
    /// `net` (Network), `app` (Application) or `gwy` (Gateway).
    pub kind: String,
    /// Its name.
    pub name: String,
}

impl LoadBalancer {
    /// Reads a load balancer ARN.
    pub fn parse(arn: &str) -> Option<LoadBalancer> {
        let mut parts = arn.splitn(6, ':');
        let (Some("arn"), Some(_), Some("elasticloadbalancing"), Some(region), Some(account)) = (
            parts.next(),
            parts.next(),
            parts.next(),
            parts.next(),
            parts.next(),
        ) else {
            return None;
        };
        let mut path = parts.next()?.strip_prefix("loadbalancer/")?.split('/');
        let (kind, name) = (path.next()?, path.next()?);
        Some(LoadBalancer {
            arn: arn.into(),
            region: region.into(),
            account: account.into(),
            kind: kind.into(),
            name: name.into(),
        })
    }

    /// True for a Network Load Balancer, the kind an interface endpoint service uses.
    pub fn is_network(&self) -> bool {
        self.kind == "net"
    }

    /// The ARN with its region and account, in words.
    pub fn describe(&self) -> String {
        format!(
            "{} (region {}, account {})",
            self.arn, self.region, self.account
        )
    }
}

/// One entry of `aws elbv2 describe-listeners`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Listener {
    /// `Port`.
    pub port: u16,
    /// `Protocol`, uppercase: `TCP`, `UDP`, `TCP_UDP`, `TLS` (an NLB), `HTTP`, `HTTPS` (not).
    pub protocol: String,
    /// `LoadBalancerArn`, when it is one.
    pub load_balancer: Option<LoadBalancer>,
}

impl Listener {
    /// Whether the listener carries TCP (`TCP`, `TLS`, `TCP_UDP`, and HTTP(S) over TCP).
    pub fn carries_tcp(&self) -> bool {
        self.protocol != "UDP"
    }

    /// Whether the listener carries UDP (`UDP`, `TCP_UDP`).
    pub fn carries_udp(&self) -> bool {
        matches!(self.protocol.as_str(), "UDP" | "TCP_UDP")
    }

    /// `TCP 8443`. A protocol that is not one short word of capitals (AWS's are) is the
    /// document's own text, so it is quoted: it may hold anything, a control character included.
    pub fn describe(&self) -> String {
        let word = (1..=16).contains(&self.protocol.len())
            && self
                .protocol
                .bytes()
                .all(|b| b.is_ascii_uppercase() || b.is_ascii_digit() || b == b'_');
        if word {
            format!("{} {}", self.protocol, self.port)
        } else {
            format!("{} {}", crate::text::quote(&self.protocol), self.port)
        }
    }
}

/// True when `principals` allow Adobe's principal: by its ARN, or everyone (`*`).
pub fn allows_adobe(principals: &[String]) -> bool {
    principals.iter().any(|p| p == ADOBE_PRINCIPAL || p == "*")
}

pub(super) fn recognise(o: &Map<String, Value>) -> Option<Output> {
    if let (Some(account), Some(arn), true) =
        (text(o, "Account"), text(o, "Arn"), o.contains_key("UserId"))
    {
        let partition = arn.strip_prefix("arn:")?.split(':').next()?;
        AwsAccountId::parse(account)?;
        return Some(Output::CallerIdentity(CallerIdentity {
            account: account.into(),
            partition: partition.into(),
        }));
    }
    if let Some(items) = objects(o, "ServiceConfigurations") {
        let list = items
            .map(|s| {
                let mut arns = texts(s, "NetworkLoadBalancerArns");
                arns.extend(texts(s, "GatewayLoadBalancerArns"));
                Some(ServiceConfiguration {
                    name: text(s, "ServiceName")?.into(),
                    id: text(s, "ServiceId")?.into(),
                    state: text(s, "ServiceState").unwrap_or_default().into(),
                    acceptance_required: s.get("AcceptanceRequired").and_then(Value::as_bool),
                    load_balancers: arns.iter().filter_map(|a| LoadBalancer::parse(a)).collect(),
                })
            })
            .collect::<Option<Vec<_>>>()?;
        return Some(Output::ServiceConfigurations(list));
    }
    if let Some(items) = objects(o, "AllowedPrincipals") {
        let list = items
            .map(|p| text(p, "Principal").map(str::to_owned))
            .collect::<Option<Vec<_>>>()?;
        return Some(Output::ServicePermissions(list));
    }
    if let Some(items) = objects(o, "Listeners") {
        let list = items
            .map(|l| {
                let port = l
                    .get("Port")?
                    .as_u64()
                    .and_then(|p| u16::try_from(p).ok())?;
                Some(Listener {
                    port,
                    protocol: text(l, "Protocol")?.to_ascii_uppercase(),
                    load_balancer: text(l, "LoadBalancerArn").and_then(LoadBalancer::parse),
                })
            })
            .collect::<Option<Vec<_>>>()?;
        return Some(Output::Listeners(list));
    }
    None
}
