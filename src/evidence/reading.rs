//! One pasted output, read against a request: what it is, the facts in it, the empty fields it
//! would fill, and what it contradicts. The page calls this (`evidenceRead`) as the customer
//! pastes, before the output is part of the document.

use serde::Serialize;
use serde_json::{Map, Value};

use super::{aws, facts, recognise, Fact, Output};
use crate::diagnostic::Diagnostic;
use crate::pretty::{Pretty, ToJson};

/// What an output is.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Recognised {
    /// See [`super::Kind::as_str`].
    pub kind: &'static str,
    /// The command that prints it.
    pub command: &'static str,
}

/// A field of the request that is empty and that the output would fill.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Fill {
    /// The document path, e.g. `account_id` or `endpoint_services[0].ports`.
    pub field: String,
    /// The value, as the document holds it.
    pub value: FillValue,
}

/// A value a fill puts into the document. Not a `serde_json::Value`: serializing one would
/// bring float formatting into the module.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[serde(untagged)]
pub enum FillValue {
    /// `account_id`, `cloud`, `region`, a service's `name`.
    Text(String),
    /// `principal_allowed`.
    Bool(bool),
    /// A service's `ports`, from its listeners; the service names are the customer's to type.
    Ports(Vec<FillPort>),
}

/// One port of [`FillValue::Ports`].
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct FillPort {
    /// Empty.
    pub service: &'static str,
    pub port: u16,
    /// `tcp` or `udp`.
    pub protocol: &'static str,
}

/// One output read against a request.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Reading {
    /// What the output is; `None` when it is not recognised (a diagnostic says why).
    pub recognised: Option<Recognised>,
    /// The facts read from it.
    pub facts: Vec<Fact>,
    /// The empty fields it would fill.
    pub fills: Vec<Fill>,
    /// The evidence diagnostics of the request with this output as its only evidence, attached
    /// to `attached_to`: what it contradicts or confirms, or why it cannot be read.
    pub diagnostics: Vec<Diagnostic>,
}

/// Reads `output` (the text the customer pasted) as evidence of `doc`, attached to the request
/// as a whole (`attached_to` empty) or to `endpoint_services[i]`. `Err` names a wrong
/// `attached_to`.
pub fn read(doc: &Value, attached_to: &str, output: &str) -> Result<Reading, String> {
    let service = match attached_to {
        "" => None,
        _ => Some(
            attached_to
                .strip_prefix("endpoint_services[")
                .and_then(|r| r.strip_suffix(']'))
                .and_then(|i| i.parse::<usize>().ok())
                .filter(|i| i.to_string().len() == attached_to.len() - 19)
                .ok_or("attachTo must be \"\" or endpoint_services[i].")?,
        ),
    };
    if output.len() > super::MAX_OUTPUT_BYTES {
        // Not copied into a document that it would make too large to check.
        let path = match service {
            Some(i) => format!("endpoint_services[{i}].evidence[0]"),
            None => "evidence[0]".into(),
        };
        let kib = (output.len() / 1024).to_string();
        let max = (super::MAX_OUTPUT_BYTES / 1024).to_string();
        let d = Diagnostic::of(
            &crate::rules::EVIDENCE_NOT_JSON,
            path,
            2,
            &[("kib", &kib), ("max", &max)],
            None,
        );
        return Ok(Reading {
            recognised: None,
            facts: Vec::new(),
            fills: Vec::new(),
            diagnostics: vec![d],
        });
    }
    // The document with this output as its only evidence: its diagnostics are this output's.
    let mut alone = doc.clone();
    let mut item = Map::new();
    item.insert("output".into(), Value::String(output.into()));
    let entry = Value::Array(vec![Value::Object(item)]);
    if let Some(obj) = alone.as_object_mut() {
        obj.remove("evidence");
        let services = obj
            .get_mut("endpoint_services")
            .and_then(Value::as_array_mut);
        for s in services
            .into_iter()
            .flatten()
            .filter_map(Value::as_object_mut)
        {
            s.remove("evidence");
        }
        match service {
            None => {
                obj.insert("evidence".into(), entry);
            }
            Some(i) => {
                if let Some(s) = obj
                    .get_mut("endpoint_services")
                    .and_then(|v| v.get_mut(i))
                    .and_then(Value::as_object_mut)
                {
                    s.insert("evidence".into(), entry);
                }
            }
        }
    }
    let diagnostics = crate::check(&alone)
        .report
        .diagnostics
        .into_iter()
        .filter(|d| d.code.starts_with("PL8"))
        .collect();
    let output = serde_json::from_str::<Value>(output)
        .ok()
        .and_then(|v| recognise(&v));
    let Some(output) = output else {
        return Ok(Reading {
            recognised: None,
            facts: Vec::new(),
            fills: Vec::new(),
            diagnostics,
        });
    };
    let kind = output.kind();
    let target = match service {
        Some(i) => doc.get("endpoint_services").and_then(|v| v.get(i)),
        None => None,
    };
    Ok(Reading {
        recognised: Some(Recognised {
            kind: kind.as_str(),
            command: kind.command(),
        }),
        facts: facts(&output),
        fills: fills(doc, &output, target.and_then(Value::as_object), attached_to),
        diagnostics,
    })
}

/// True when `v` holds nothing: absent, null, blank text, or a list of blank rows only (the
/// form always sends the rows it shows, and a new endpoint service shows one blank port row).
fn empty(v: Option<&Value>) -> bool {
    match v {
        None | Some(Value::Null) => true,
        Some(Value::String(s)) => s.trim().is_empty(),
        Some(Value::Array(a)) => a.iter().all(blank_row),
        _ => false,
    }
}

/// A list entry with nothing typed in it: every field empty but `protocol`, which the form
/// always sets.
fn blank_row(v: &Value) -> bool {
    match v {
        Value::Object(row) => row.iter().all(|(k, v)| k == "protocol" || empty(Some(v))),
        v => empty(Some(v)),
    }
}

/// The empty fields `output` would fill: of the request, and of the endpoint service it is
/// attached to (`service`, at `at`).
fn fills(
    doc: &Value,
    output: &Output,
    service: Option<&Map<String, Value>>,
    at: &str,
) -> Vec<Fill> {
    let mut out = Vec::new();
    let mut fill = |field: String, present: Option<&Value>, value: FillValue| {
        if empty(present) {
            out.push(Fill { field, value });
        }
    };
    let cloud = output.kind().cloud().as_str();
    match output {
        Output::CallerIdentity(c) => {
            fill(
                "cloud".into(),
                doc.get("cloud"),
                FillValue::Text(cloud.into()),
            );
            fill(
                "account_id".into(),
                doc.get("account_id"),
                FillValue::Text(c.account.clone()),
            );
        }
        Output::AzureAccount(a) => {
            fill(
                "cloud".into(),
                doc.get("cloud"),
                FillValue::Text(cloud.into()),
            );
            fill(
                "account_id".into(),
                doc.get("account_id"),
                FillValue::Text(a.subscription.clone()),
            );
        }
        _ => {}
    }
    let Some(s) = service else { return out };
    let field = |f: &str| format!("{at}.{f}");
    match output {
        Output::ServiceConfigurations(list) => {
            if let [one] = list.as_slice() {
                fill(
                    field("name"),
                    s.get("name"),
                    FillValue::Text(one.name.clone()),
                );
                if let Some(lb) = one.load_balancers.first() {
                    let region = FillValue::Text(lb.region.clone());
                    fill("region".into(), doc.get("region"), region);
                }
            }
        }
        Output::ServicePermissions(p)
            if aws::allows_adobe(p) && s.get("principal_allowed") != Some(&Value::Bool(true)) =>
        {
            out.push(Fill {
                field: field("principal_allowed"),
                value: FillValue::Bool(true),
            });
        }
        Output::Listeners(list) => {
            // The service of each port is the customer's to name: left empty.
            let ports: Vec<FillPort> = list
                .iter()
                .filter(|l| matches!(l.protocol.as_str(), "TCP" | "TLS" | "UDP" | "TCP_UDP"))
                .map(|l| {
                    let protocol = if l.protocol == "UDP" { "udp" } else { "tcp" };
                    FillPort {
                        service: "",
                        port: l.port,
                        protocol,
                    }
                })
                .collect();
            if !ports.is_empty() {
                fill(field("ports"), s.get("ports"), FillValue::Ports(ports));
            }
        }
        Output::PrivateLinkService(p) => {
            fill(field("name"), s.get("name"), FillValue::Text(p.id.clone()));
            if let Some(loc) = &p.location {
                let code: String = loc.chars().filter(|c| *c != ' ').collect();
                fill(
                    "region".into(),
                    doc.get("region"),
                    FillValue::Text(code.to_ascii_lowercase()),
                );
            }
        }
        _ => {}
    }
    out
}

// The JSON the page reads (`evidenceRead`) is written like the module's other outputs
// (`crate::pretty`) rather than through serde's derived serializers: the same text, less code.

impl ToJson for Reading {
    fn to_json(&self, w: &mut Pretty) {
        w.object(|w| {
            w.field("recognised", &self.recognised);
            w.field("facts", &self.facts);
            w.field("fills", &self.fills);
            w.field("diagnostics", &self.diagnostics);
        });
    }
}

impl ToJson for Recognised {
    fn to_json(&self, w: &mut Pretty) {
        w.object(|w| {
            w.field("kind", self.kind);
            w.field("command", self.command);
        });
    }
}

impl ToJson for Fact {
    fn to_json(&self, w: &mut Pretty) {
        w.object(|w| {
            w.field("fact", self.fact);
            w.field("label", &self.label);
            w.field("value", &self.value);
        });
    }
}

impl ToJson for Fill {
    fn to_json(&self, w: &mut Pretty) {
        w.object(|w| {
            w.field("field", &self.field);
            w.field("value", &self.value);
        });
    }
}

impl ToJson for FillValue {
    fn to_json(&self, w: &mut Pretty) {
        match self {
            FillValue::Text(s) => s.to_json(w),
            FillValue::Bool(b) => b.to_json(w),
            FillValue::Ports(p) => p.to_json(w),
        }
    }
}

impl ToJson for FillPort {
    fn to_json(&self, w: &mut Pretty) {
        w.object(|w| {
            w.field("service", self.service);
            w.field("port", &self.port);
            w.field("protocol", self.protocol);
        });
    }
}
