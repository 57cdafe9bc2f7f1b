//! One pasted output, read against a request: what it is, the facts in it, the empty fields it
//! would fill, and what it contradicts. The page calls this (`evidenceRead`) as the customer
//! pastes, before the output is part of the document.

use serde::Serialize;
use serde_json::{json, Map, Value};

use super::{aws, facts, recognise, Fact, Output};
use crate::diagnostic::Diagnostic;

/// What an output is.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Recognised {
    /// See [`super::Kind::as_str`].
    pub kind: &'static str,
    /// The command that prints it.
    pub command: &'static str,
}

/// A field of the request that is empty and that the output would fill.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Fill {
    /// The document path, e.g. `account_id` or `endpoint_services[0].ports`.
    pub field: String,
    /// The value, as the document holds it.
    pub value: Value,
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
    let entry = json!([{ "output": output }]);
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

/// True when `v` holds nothing: absent, null, blank text or an empty list.
fn empty(v: Option<&Value>) -> bool {
    match v {
        None | Some(Value::Null) => true,
        Some(Value::String(s)) => s.trim().is_empty(),
        Some(Value::Array(a)) => a.is_empty(),
        _ => false,
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
    let mut fill = |field: String, present: Option<&Value>, value: Value| {
        if empty(present) {
            out.push(Fill { field, value });
        }
    };
    let cloud = output.kind().cloud().as_str();
    match output {
        Output::CallerIdentity(c) => {
            fill("cloud".into(), doc.get("cloud"), cloud.into());
            fill(
                "account_id".into(),
                doc.get("account_id"),
                c.account.clone().into(),
            );
        }
        Output::AzureAccount(a) => {
            fill("cloud".into(), doc.get("cloud"), cloud.into());
            fill(
                "account_id".into(),
                doc.get("account_id"),
                a.subscription.clone().into(),
            );
        }
        _ => {}
    }
    let Some(s) = service else { return out };
    let field = |f: &str| format!("{at}.{f}");
    match output {
        Output::ServiceConfigurations(list) => {
            if let [one] = list.as_slice() {
                fill(field("name"), s.get("name"), one.name.clone().into());
                if let Some(lb) = one.load_balancers.first() {
                    fill("region".into(), doc.get("region"), lb.region.clone().into());
                }
            }
        }
        Output::ServicePermissions(p)
            if aws::allows_adobe(p) && s.get("principal_allowed") != Some(&Value::Bool(true)) =>
        {
            out.push(Fill {
                field: field("principal_allowed"),
                value: true.into(),
            });
        }
        Output::Listeners(list) => {
            // The service of each port is the customer's to name: left empty.
            let ports: Vec<Value> = list
                .iter()
                .filter(|l| matches!(l.protocol.as_str(), "TCP" | "TLS" | "UDP" | "TCP_UDP"))
                .map(|l| {
                    let protocol = if l.protocol == "UDP" { "udp" } else { "tcp" };
                    json!({"service": "", "port": l.port, "protocol": protocol})
                })
                .collect();
            if !ports.is_empty() {
                fill(field("ports"), s.get("ports"), ports.into());
            }
        }
        Output::PrivateLinkService(p) => {
            fill(field("name"), s.get("name"), p.id.clone().into());
            if let Some(loc) = &p.location {
                let code: String = loc.chars().filter(|c| *c != ' ').collect();
                fill(
                    "region".into(),
                    doc.get("region"),
                    code.to_ascii_lowercase().into(),
                );
            }
        }
        _ => {}
    }
    out
}
