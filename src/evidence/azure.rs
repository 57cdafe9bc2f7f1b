//! The Azure CLI's outputs: the account, and a Private Link service in the CLI's flattened shape
//! or the REST API's shape with `properties`.

use serde_json::{Map, Value};

use super::{objects, text, texts, Output};
use crate::text::is_uuid;

/// `az account show`: the subscription the CLI runs in.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Account {
    /// `id`: the subscription ID, lowercase.
    pub subscription: String,
    /// `state`: `Enabled`, `Disabled`, `Warned`...
    pub state: Option<String>,
    /// `environmentName`: `AzureCloud`, or a sovereign cloud.
    pub environment: Option<String>,
}

/// Which of the two shapes a Private Link service output has.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Shape {
    /// The Azure CLI's: the properties beside `id` and `name`.
    Cli,
    /// The REST API's: the properties under `properties`.
    Rest,
}

impl Shape {
    /// `az CLI` or `REST API`.
    pub fn as_str(self) -> &'static str {
        match self {
            Shape::Cli => "Azure CLI",
            Shape::Rest => "REST API (properties)",
        }
    }
}

/// `az network private-link-service show`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PrivateLinkService {
    /// `id`: its resource ID.
    pub id: String,
    /// `location`: its region.
    pub location: Option<String>,
    /// `alias`.
    pub alias: Option<String>,
    /// `visibility.subscriptions`.
    pub visibility: Vec<String>,
    /// `autoApproval.subscriptions`.
    pub auto_approval: Vec<String>,
    /// The IDs of `loadBalancerFrontendIpConfigurations`.
    pub frontends: Vec<String>,
    /// `provisioningState`: `Succeeded`, `Failed`, `Updating`...
    pub provisioning_state: Option<String>,
    /// The shape it came in.
    pub shape: Shape,
}

/// The lists of subscriptions at `key.subscriptions` of `o`.
fn subscriptions(o: &Map<String, Value>, key: &str) -> Vec<String> {
    o.get(key)
        .and_then(Value::as_object)
        .map(|v| texts(v, "subscriptions"))
        .unwrap_or_default()
}

pub(super) fn recognise(o: &Map<String, Value>) -> Option<Output> {
    let id = text(o, "id")?;
    if is_uuid(id) && o.contains_key("tenantId") {
        return Some(Output::AzureAccount(Account {
            subscription: id.to_ascii_lowercase(),
            state: text(o, "state").map(str::to_owned),
            environment: text(o, "environmentName").map(str::to_owned),
        }));
    }
    let lower = id.to_ascii_lowercase();
    let (_, name) = lower.split_once("/providers/microsoft.network/privatelinkservices/")?;
    if name.is_empty() || name.contains('/') {
        return None;
    }
    let (props, shape) = match o.get("properties").and_then(Value::as_object) {
        Some(p) => (p, Shape::Rest),
        None => (o, Shape::Cli),
    };
    Some(Output::PrivateLinkService(PrivateLinkService {
        id: id.into(),
        location: text(o, "location").map(str::to_owned),
        alias: text(props, "alias").map(str::to_owned),
        visibility: subscriptions(props, "visibility"),
        auto_approval: subscriptions(props, "autoApproval"),
        frontends: objects(props, "loadBalancerFrontendIpConfigurations")
            .map(|f| f.filter_map(|x| text(x, "id").map(str::to_owned)).collect())
            .unwrap_or_default(),
        provisioning_state: text(props, "provisioningState").map(str::to_owned),
        shape,
    }))
}
