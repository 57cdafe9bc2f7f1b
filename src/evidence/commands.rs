//! The read-only commands whose outputs the evidence checks read, for a request document that
//! may still be a draft (a value not yet valid becomes a placeholder): `evidenceCommands` on the
//! page. The lines are the guide's (`crate::guide::evidence`).

use serde::Serialize;
use serde_json::Value;

use crate::guide::evidence::{lines, Target};
use crate::ids::EndpointServiceName;
use crate::regions::{self, Cloud, Lookup};

/// One command to run, and where its output belongs.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct EvidenceCommand {
    /// `""` for the request as a whole, or `endpoint_services[i]`.
    #[serde(rename = "attachTo")]
    pub attach_to: String,
    /// What the output is (see [`super::Kind::as_str`]).
    pub kind: &'static str,
    /// One line of POSIX shell, read-only; request values validated or quoted.
    pub command: String,
    /// What the output proves.
    pub purpose: &'static str,
}

fn text(v: Option<&Value>) -> Option<&str> {
    v.and_then(Value::as_str).map(str::trim)
}

/// The commands for document `doc` (checked or not); none before its cloud is known.
pub fn commands(doc: &Value) -> Vec<EvidenceCommand> {
    let Some(cloud) = text(doc.get("cloud")).and_then(Cloud::parse) else {
        return Vec::new();
    };
    let region = text(doc.get("region")).and_then(|r| match regions::lookup(cloud, r) {
        Lookup::Code(r) | Lookup::DisplayName(r) => Some(r.code),
        _ => None,
    });
    let bidirectional =
        text(doc.get("connection_type")).is_some_and(|c| c.eq_ignore_ascii_case("bidirectional"));
    let services = doc
        .get("endpoint_services")
        .and_then(Value::as_array)
        .filter(|_| bidirectional)
        .into_iter()
        .flatten()
        .map(|s| {
            let name = text(s.get("name"))?;
            match cloud {
                Cloud::Aws => EndpointServiceName::parse_aws(name).ok(),
                Cloud::Azure => EndpointServiceName::parse_azure(name).ok(),
            }
        })
        .collect();
    let target = Target {
        cloud,
        region,
        subscription: text(doc.get("account_id")).filter(|s| crate::text::is_uuid(s)),
        services,
    };
    lines(&target)
        .into_iter()
        .map(|l| EvidenceCommand {
            attach_to: l.attach_to,
            kind: l.kind,
            command: l.line.render(),
            purpose: l.purpose,
        })
        .collect()
}

impl crate::pretty::ToJson for EvidenceCommand {
    fn to_json(&self, w: &mut crate::pretty::Pretty) {
        w.object(|w| {
            w.field("attachTo", &self.attach_to);
            w.field("kind", self.kind);
            w.field("command", &self.command);
            w.field("purpose", self.purpose);
        });
    }
}
