//! The Azure details: cluster ID and extra subscription IDs.

use serde_json::{Map, Value};

use crate::ids::{ClusterId, SubscriptionId};
use crate::regions::Cloud;
use crate::request::AzureDetails;
use crate::rules;
use crate::text::quote;

use super::{uuid_repair, Checker, Got};

/// The fields of `azure`.
const AZURE_FIELDS: &[&str] = &["cluster_id", "subscription_ids"];

impl Checker {
    /// Checks the `azure` block. `Some(None)` means "nothing needed" (AWS).
    pub(super) fn azure(
        &mut self,
        cloud: Option<Cloud>,
        v: Option<&Value>,
    ) -> Option<Option<AzureDetails>> {
        let v = v.filter(|v| !v.is_null());
        match cloud? {
            Cloud::Aws => {
                if v.is_some() {
                    self.emit(&rules::AZURE_ON_AWS, "azure", 0, &[]);
                }
                Some(None)
            }
            Cloud::Azure => {
                let empty = Map::new();
                let obj = match v {
                    None => &empty,
                    Some(Value::Object(o)) => o,
                    Some(other) => {
                        self.wrong_type(
                            "azure",
                            "an object with cluster_id and subscription_ids",
                            other,
                        );
                        return None;
                    }
                };
                let cluster = self.cluster_id(obj.get("cluster_id"));
                let subs = self.subscription_ids(obj.get("subscription_ids"));
                self.unknown_fields(obj, AZURE_FIELDS, "azure");
                Some(Some(AzureDetails {
                    cluster_id: cluster?,
                    subscription_ids: subs?,
                }))
            }
        }
    }

    pub(super) fn cluster_id(&mut self, v: Option<&Value>) -> Option<ClusterId> {
        let s = self.present(v, "azure.cluster_id", &rules::CLUSTER_MISSING)?;
        let id = ClusterId::parse(s);
        if id.is_none() {
            self.emit(
                &rules::CLUSTER_FORMAT,
                "azure.cluster_id",
                0,
                &[("value", &quote(s))],
            );
        }
        id
    }

    pub(super) fn subscription_ids(&mut self, v: Option<&Value>) -> Option<Vec<SubscriptionId>> {
        let items = match v {
            None | Some(Value::Null) => return Some(Vec::new()),
            Some(Value::Array(items)) => items,
            Some(other) => {
                self.wrong_type(
                    "azure.subscription_ids",
                    "a list of subscription IDs",
                    other,
                );
                return None;
            }
        };
        let mut out: Vec<SubscriptionId> = Vec::new();
        let mut ok = true;
        for (i, item) in items.iter().enumerate() {
            let path = format!("azure.subscription_ids[{i}]");
            let s = match self.text(Some(item), &path) {
                Got::Ok(s) => s,
                // A blank row of the form's list is not a subscription: skip it.
                Got::Missing => continue,
                Got::Reported => {
                    ok = false;
                    continue;
                }
            };
            let Some(id) = SubscriptionId::parse(s) else {
                let mut d = self.diag(
                    &rules::AZURE_EXTRA_SUBSCRIPTION_FORMAT,
                    path,
                    0,
                    &[("value", &quote(s))],
                );
                if let Some(fixed) = uuid_repair(s) {
                    d = d.with_suggestion(fixed);
                }
                self.push(d);
                ok = false;
                continue;
            };
            if out.contains(&id) {
                self.emit(
                    &rules::AZURE_SUBSCRIPTION_DUPLICATE,
                    path,
                    0,
                    &[("id", id.as_str())],
                );
            } else {
                out.push(id);
            }
        }
        ok.then_some(out)
    }
}
