//! Evidence in the document: each attached output recognised (`crate::evidence`), then compared
//! with what the request declares. A contradiction is an error on the declared field; an
//! agreement becomes a [`Verified`] line of the ticket. An output that cannot be read is a
//! warning on its entry and is otherwise ignored: evidence never makes a document unreadable.

use serde_json::{Map, Value};

use crate::evidence::{self, aws, azure, Output, MAX_EVIDENCE, MAX_OUTPUT_BYTES};
use crate::ids::{EndpointServiceName, SubscriptionId, ADOBE_PRINCIPAL};
use crate::labels;
use crate::regions::{Cloud, Region};
use crate::request::{Account, PortSpec, Protocol, Verified};
use crate::rules::{self, Rule};
use crate::text::quote;

use super::{describe, json_size, read, too_deep_text, Checker};

/// The fields of one evidence entry.
const ENTRY_FIELDS: &[&str] = &["source", "output"];

/// One recognised output and where it is in the document.
pub(crate) struct Entry {
    /// `evidence[0]` or `endpoint_services[1].evidence[0]`.
    pub path: String,
    pub output: Output,
}

/// What the service checks need from the rest of the document, and what they confirmed.
#[derive(Default)]
pub(crate) struct State {
    /// The declared account, once read.
    pub account: Option<Account>,
    /// Azure: the other subscriptions that will connect, by position (`None` where invalid).
    pub subscriptions: Vec<Option<SubscriptionId>>,
    /// What the endpoint services' evidence confirmed.
    pub verified: Vec<Verified>,
}

/// The declared endpoint service that a service's evidence is compared with.
pub(crate) struct Service<'a> {
    /// `endpoint_services[i]`.
    pub at: &'a str,
    pub name: Option<&'a EndpointServiceName>,
    pub ports: Option<&'a [PortSpec]>,
    /// `principal_allowed` is `true`.
    pub principal_allowed: bool,
}

impl Checker {
    /// Reads the evidence list `v` at `path` (`evidence` or `endpoint_services[i].evidence`):
    /// the recognised outputs, each other entry warned about.
    pub(crate) fn evidence_entries(&mut self, v: Option<&Value>, path: &str) -> Vec<Entry> {
        let items = match v {
            None | Some(Value::Null) => return Vec::new(),
            Some(Value::Array(items)) => items,
            Some(other) => {
                self.wrong_type(path, "a list of {source, output} entries", other);
                return Vec::new();
            }
        };
        if items.len() > MAX_EVIDENCE {
            let (count, max) = (items.len().to_string(), MAX_EVIDENCE.to_string());
            let args = [("count", count.as_str()), ("max", max.as_str())];
            self.emit(&rules::EVIDENCE_TOO_MANY, path, 0, &args);
            return Vec::new();
        }
        let mut out = Vec::new();
        for (k, item) in items.iter().enumerate() {
            let at = format!("{path}[{k}]");
            let Some(entry) = item.as_object() else {
                self.wrong_type(&at, "an object with source and output", item);
                continue;
            };
            self.text(entry.get("source"), &format!("{at}.source"));
            self.unknown_fields(entry, ENTRY_FIELDS, &at);
            if let Some(output) = self.output(entry, &at) {
                out.push(Entry { path: at, output });
            }
        }
        out
    }

    /// The output of one entry, recognised; `None` (and a warning) when it is not.
    fn output(&mut self, entry: &Map<String, Value>, at: &str) -> Option<Output> {
        let parsed;
        let v = match entry.get("output") {
            None | Some(Value::Null) => {
                self.emit(&rules::EVIDENCE_NOT_JSON, at, 1, &[]);
                return None;
            }
            // Pasted text, kept as text: read it as JSON here.
            Some(Value::String(s)) => {
                if s.len() > MAX_OUTPUT_BYTES {
                    return self.too_large_output(at, s.len());
                }
                if s.trim().is_empty() {
                    self.emit(&rules::EVIDENCE_NOT_JSON, at, 1, &[]);
                    return None;
                }
                let why = if too_deep_text(s) {
                    Err("it nests too deeply".to_string())
                } else {
                    read::parse(s).map(|p| p.value).map_err(|e| {
                        let what = super::describe_json_error(&e);
                        format!("{what} at line {}, column {}", e.line(), e.column())
                    })
                };
                match why {
                    Ok(v) => {
                        parsed = v;
                        &parsed
                    }
                    Err(why) => {
                        self.emit(&rules::EVIDENCE_NOT_JSON, at, 0, &[("why", &why)]);
                        return None;
                    }
                }
            }
            Some(v) => {
                let size = json_size(v, MAX_OUTPUT_BYTES);
                if size > MAX_OUTPUT_BYTES {
                    return self.too_large_output(at, size);
                }
                v
            }
        };
        let output = evidence::recognise(v);
        if output.is_none() {
            let what = shape(v);
            self.emit(&rules::EVIDENCE_UNRECOGNISED, at, 0, &[("what", &what)]);
        }
        output
    }

    fn too_large_output(&mut self, at: &str, len: usize) -> Option<Output> {
        let (kib, max) = (
            (len / 1024).to_string(),
            (MAX_OUTPUT_BYTES / 1024).to_string(),
        );
        let args = [("kib", kib.as_str()), ("max", max.as_str())];
        self.emit(&rules::EVIDENCE_NOT_JSON, at, 2, &args);
        None
    }

    /// Reports an output of the other cloud on `cloud`; true when it is one.
    fn other_cloud(&mut self, e: &Entry, cloud: Option<Cloud>) -> bool {
        let (Some(cloud), kind) = (cloud, e.output.kind()) else {
            return false;
        };
        if kind.cloud() == cloud {
            return false;
        }
        let entry = entry_name(&e.path, Some(cloud));
        let args = [
            ("entry", entry.as_str()),
            ("command", kind.command()),
            ("other", kind.cloud().label()),
            ("cloud", cloud.label()),
        ];
        self.emit(&rules::EVIDENCE_OTHER_CLOUD, "cloud", 0, &args);
        true
    }

    /// A diagnostic about entry `e`, reported on `field`: `{entry}` and `{command}` filled in.
    fn about(
        &mut self,
        rule: &Rule,
        field: &str,
        variant: usize,
        e: &Entry,
        args: &[(&str, &str)],
    ) {
        let entry = entry_name(&e.path, self.cloud);
        let mut all = vec![
            ("entry", entry.as_str()),
            ("command", e.output.kind().command()),
        ];
        all.extend_from_slice(args);
        self.emit(rule, field, variant, &all);
    }

    /// The request-level evidence `v`: what it confirms, request-level facts first.
    pub(super) fn request_evidence(
        &mut self,
        v: Option<&Value>,
        region: Option<&'static Region>,
    ) -> Vec<Verified> {
        let entries = self.evidence_entries(v, "evidence");
        let mut verified = Vec::new();
        for e in &entries {
            if self.other_cloud(e, self.cloud) {
                continue;
            }
            if e.output.kind().of_service() {
                let args = [("command", e.output.kind().command())];
                self.emit(&rules::EVIDENCE_UNRECOGNISED, &e.path, 1, &args);
                continue;
            }
            self.identity(e, region, &mut verified);
        }
        verified.append(&mut self.evidence.verified);
        verified
    }

    /// An identity output (`aws sts get-caller-identity`, `az account show`), wherever attached.
    fn identity(&mut self, e: &Entry, region: Option<&'static Region>, out: &mut Vec<Verified>) {
        let account = self.evidence.account.clone();
        let verified = |field: &str, label: &'static str, value: &str, fact: String| Verified {
            field: field.into(),
            label,
            value: value.into(),
            fact,
            command: e.output.kind().command(),
            evidence: e.path.clone(),
        };
        match (&e.output, account) {
            (Output::CallerIdentity(c), account) => {
                if c.partition != "aws" && region.is_some() {
                    let p = q(&c.partition);
                    self.about(
                        &rules::EVIDENCE_PARTITION,
                        "region",
                        0,
                        e,
                        &[("partition", &p)],
                    );
                }
                match account {
                    Some(Account::Aws(a)) if a.as_str() != c.account => {
                        let args = [("account", c.account.as_str()), ("value", &q(a.as_str()))];
                        self.about(&rules::EVIDENCE_ACCOUNT, "account_id", 0, e, &args);
                    }
                    Some(Account::Aws(a)) if c.partition == "aws" => out.push(verified(
                        "account_id",
                        "AWS account ID",
                        a.as_str(),
                        "the account the AWS CLI ran in".into(),
                    )),
                    _ => {}
                }
            }
            (Output::AzureAccount(acc), account) => {
                if let Some(env) = acc.environment.as_deref().filter(|v| *v != "AzureCloud") {
                    let env = q(env);
                    self.about(
                        &rules::EVIDENCE_SOVEREIGN,
                        "region",
                        0,
                        e,
                        &[("environment", &env)],
                    );
                }
                let Some(Account::Azure(main)) = account else {
                    return;
                };
                let field = if main.as_str() == acc.subscription {
                    "account_id".to_string()
                } else if let Some(j) = self
                    .evidence
                    .subscriptions
                    .iter()
                    .position(|s| s.as_ref().is_some_and(|s| s.as_str() == acc.subscription))
                {
                    format!("azure.subscription_ids[{j}]")
                } else {
                    let args = [
                        ("subscription", q(&acc.subscription)),
                        ("value", q(main.as_str())),
                    ];
                    let args: Vec<(&str, &str)> =
                        args.iter().map(|(k, v)| (*k, v.as_str())).collect();
                    self.about(&rules::EVIDENCE_SUBSCRIPTION, "account_id", 0, e, &args);
                    return;
                };
                if let Some(state) = acc.state.as_deref().filter(|s| *s != "Enabled") {
                    let args = [("state", q(state)), ("value", q(&acc.subscription))];
                    let args: Vec<(&str, &str)> =
                        args.iter().map(|(k, v)| (*k, v.as_str())).collect();
                    self.about(&rules::EVIDENCE_SUBSCRIPTION_STATE, &field, 0, e, &args);
                    return;
                }
                out.push(verified(
                    &field,
                    "Azure subscription ID",
                    &acc.subscription,
                    "the subscription the Azure CLI ran in, enabled".into(),
                ));
            }
            _ => {}
        }
    }

    /// The evidence of one endpoint service, read and compared with it. True when an output
    /// proves Adobe's principal allowed on it (which makes `principal_allowed` true).
    pub(crate) fn service_evidence(
        &mut self,
        v: Option<&Value>,
        s: &Service,
        region: Option<&'static Region>,
    ) -> bool {
        let entries = self.evidence_entries(v, &format!("{}.evidence", s.at));
        let mut granted = false;
        let mut verified = Vec::new();
        // The load balancers a service configuration names, for the listeners' check.
        let mut balancers: Option<Vec<String>> = None;
        for e in &entries {
            if self.other_cloud(e, self.cloud) {
                continue;
            }
            match &e.output {
                Output::CallerIdentity(_) | Output::AzureAccount(_) => {
                    self.identity(e, region, &mut verified)
                }
                Output::ServiceConfigurations(list) => {
                    if let Some(c) = self.configuration(e, list, s, region, &mut verified) {
                        balancers = Some(c.load_balancers.iter().map(|l| l.arn.clone()).collect());
                    }
                }
                Output::ServicePermissions(principals) => {
                    granted |= self.permissions(e, principals, s, &mut verified);
                }
                Output::Listeners(list) => {
                    self.listeners(e, list, s, balancers.as_deref(), &mut verified)
                }
                Output::PrivateLinkService(p) => {
                    self.private_link_service(e, p, s, region, &mut verified)
                }
            }
        }
        self.evidence.verified.append(&mut verified);
        granted
    }

    fn configuration<'a>(
        &mut self,
        e: &Entry,
        list: &'a [aws::ServiceConfiguration],
        s: &Service,
        region: Option<&'static Region>,
        out: &mut Vec<Verified>,
    ) -> Option<&'a aws::ServiceConfiguration> {
        let name = s.name?;
        let value = q(&name.to_string());
        let id = name.service_id().map(|i| i.as_str());
        let Some(c) = list
            .iter()
            .find(|c| c.name.eq_ignore_ascii_case(&name.to_string()) || Some(c.id.as_str()) == id)
        else {
            let field = format!("{}.name", s.at);
            match list {
                [one] => {
                    let args = [("other", q(&one.name)), ("value", value)];
                    self.about_owned(&rules::EVIDENCE_OTHER_SERVICE, &field, 0, e, &args);
                }
                _ => {
                    let args = [("count", list.len().to_string()), ("value", value)];
                    self.about_owned(&rules::EVIDENCE_OTHER_SERVICE, &field, 1, e, &args);
                }
            }
            return None;
        };
        let errors = self.error_count();
        let field = format!("{}.name", s.at);
        if c.state != "Available" {
            let args = [("state", q(&c.state)), ("value", value.clone())];
            self.about_owned(&rules::EVIDENCE_SERVICE_STATE, &field, 0, e, &args);
        }
        if !c.load_balancers.iter().any(aws::LoadBalancer::is_network) {
            let variant = usize::from(!c.load_balancers.is_empty());
            self.about_owned(
                &rules::EVIDENCE_NO_NLB,
                "prerequisites.nlb",
                variant,
                e,
                &[("value", value.clone())],
            );
        }
        for lb in &c.load_balancers {
            if let Some(r) = region.filter(|r| r.code != lb.region) {
                let args = [
                    ("inside", q(&lb.region)),
                    ("region", r.code.into()),
                    ("value", value.clone()),
                ];
                self.about_owned(&rules::EVIDENCE_LB_REGION, &field, 0, e, &args);
            }
            match &self.evidence.account {
                Some(Account::Aws(a)) if a.as_str() != lb.account => {
                    let args = [
                        ("account", q(&lb.account)),
                        ("service", value.clone()),
                        ("value", q(a.as_str())),
                    ];
                    self.about_owned(&rules::EVIDENCE_LB_ACCOUNT, "account_id", 0, e, &args);
                }
                _ => {}
            }
        }
        if c.acceptance_required == Some(true) {
            self.about_owned(
                &rules::EVIDENCE_ACCEPTANCE,
                &field,
                0,
                e,
                &[("value", value)],
            );
        }
        if self.error_count() == errors {
            let fact = match region {
                Some(r) => format!(
                    "Available, on a Network Load Balancer of this account in {}",
                    r.code
                ),
                None => "Available, on a Network Load Balancer of this account".into(),
            };
            out.push(entry_fact(
                e,
                field,
                "Endpoint service",
                name.to_string(),
                fact,
            ));
        }
        Some(c)
    }

    fn permissions(
        &mut self,
        e: &Entry,
        principals: &[String],
        s: &Service,
        out: &mut Vec<Verified>,
    ) -> bool {
        let field = format!("{}.principal_allowed", s.at);
        if aws::allows_adobe(principals) {
            if principals.iter().any(|p| p == "*") {
                self.about(&rules::EVIDENCE_EVERYONE, &field, 0, e, &[]);
            }
            if let Some(name) = s.name {
                let fact = format!("allows Adobe's principal {ADOBE_PRINCIPAL}");
                out.push(entry_fact(
                    e,
                    field,
                    "Endpoint service",
                    name.to_string(),
                    fact,
                ));
            }
            return true;
        }
        if s.principal_allowed {
            if principals.is_empty() {
                self.about(&rules::EVIDENCE_PRINCIPAL, &field, 1, e, &[]);
            } else {
                let list = few(principals, 3, |p| q(p));
                self.about(
                    &rules::EVIDENCE_PRINCIPAL,
                    &field,
                    0,
                    e,
                    &[("principals", &list)],
                );
            }
        }
        false
    }

    fn listeners(
        &mut self,
        e: &Entry,
        list: &[aws::Listener],
        s: &Service,
        balancers: Option<&[String]>,
        out: &mut Vec<Verified>,
    ) {
        let mut seen: Vec<&str> = Vec::new();
        // Listeners of a load balancer that cannot be the service's verify none of its ports.
        let mut doubtful = false;
        for lb in list.iter().filter_map(|l| l.load_balancer.as_ref()) {
            if seen.contains(&lb.arn.as_str()) {
                continue;
            }
            seen.push(&lb.arn);
            let name = q(&lb.name);
            if !lb.is_network() {
                self.emit(&rules::EVIDENCE_NOT_NLB, &e.path, 0, &[("lb", &name)]);
                doubtful = true;
            } else if balancers.is_some_and(|b| !b.contains(&lb.arn)) {
                self.emit(&rules::EVIDENCE_OTHER_LB, &e.path, 0, &[("lb", &name)]);
                doubtful = true;
            }
        }
        let Some(ports) = s.ports else { return };
        let errors = self.error_count();
        // A load balancer has at most 50 listeners, but an output may list more: name a few.
        let all = if list.is_empty() {
            "none".to_string()
        } else {
            few(list, 6, aws::Listener::describe)
        };
        for (j, p) in ports.iter().enumerate() {
            let at = format!("{}.ports[{j}]", s.at);
            let on_port: Vec<&aws::Listener> = list.iter().filter(|l| l.port == p.port).collect();
            let carries = |l: &&aws::Listener| match p.protocol {
                Protocol::Tcp => l.carries_tcp(),
                Protocol::Udp => l.carries_udp(),
            };
            let port = p.port.to_string();
            match on_port.first() {
                None => {
                    let args = [("value", port.as_str()), ("listeners", all.as_str())];
                    self.about(&rules::EVIDENCE_PORT, &format!("{at}.port"), 0, e, &args);
                }
                Some(l) if !on_port.iter().any(carries) => {
                    let listener = l.describe();
                    let args = [
                        ("listener", listener.as_str()),
                        ("port", port.as_str()),
                        ("protocol", p.protocol.label()),
                    ];
                    self.about(
                        &rules::EVIDENCE_PROTOCOL,
                        &format!("{at}.protocol"),
                        0,
                        e,
                        &args,
                    );
                }
                Some(_) => {}
            }
        }
        let agrees = self.error_count() == errors && !ports.is_empty() && !doubtful;
        if let (Some(name), true) = (s.name, agrees) {
            let list: Vec<String> = ports
                .iter()
                .map(|p| format!("{}/{}", p.port, p.protocol.label()))
                .collect();
            let fact = format!(
                "a listener of its load balancer carries each of its ports ({})",
                list.join(", ")
            );
            out.push(entry_fact(
                e,
                format!("{}.ports", s.at),
                "Endpoint service",
                name.to_string(),
                fact,
            ));
        }
    }

    fn private_link_service(
        &mut self,
        e: &Entry,
        p: &azure::PrivateLinkService,
        s: &Service,
        region: Option<&'static Region>,
        out: &mut Vec<Verified>,
    ) {
        let Some(name) = s.name else { return };
        let field = format!("{}.name", s.at);
        let value = q(&name.to_string());
        let same = match name {
            EndpointServiceName::AzureAlias { alias, .. } => p
                .alias
                .as_deref()
                .is_some_and(|a| a.eq_ignore_ascii_case(alias)),
            _ => name.to_string().eq_ignore_ascii_case(&p.id),
        };
        if !same {
            let other = match (name, &p.alias) {
                (EndpointServiceName::AzureAlias { .. }, Some(a)) => a,
                _ => &p.id,
            };
            let args = [("other", q(other)), ("value", value)];
            self.about_owned(&rules::EVIDENCE_OTHER_PLS, &field, 0, e, &args);
            return;
        }
        let errors = self.error_count();
        if let (Some(loc), Some(r)) = (&p.location, region) {
            let compact: String = loc
                .chars()
                .filter(|c| *c != ' ')
                .collect::<String>()
                .to_ascii_lowercase();
            if compact != r.code {
                let args = [
                    ("location", q(loc)),
                    ("region", r.code.into()),
                    ("value", value.clone()),
                ];
                self.about_owned(&rules::EVIDENCE_PLS_LOCATION, &field, 0, e, &args);
            }
        }
        let subscription = subscription_of(&p.id);
        if let (Some(sub), Some(Account::Azure(main))) = (subscription, &self.evidence.account) {
            let known = main.as_str() == sub
                || self
                    .evidence
                    .subscriptions
                    .iter()
                    .any(|s| s.as_ref().is_some_and(|s| s.as_str() == sub));
            if !known {
                let args = [
                    ("service", value.clone()),
                    ("subscription", q(&sub)),
                    ("value", q(main.as_str())),
                ];
                self.about_owned(&rules::EVIDENCE_PLS_SUBSCRIPTION, "account_id", 0, e, &args);
            }
        }
        if let Some(state) = p
            .provisioning_state
            .as_deref()
            .filter(|s| *s != "Succeeded")
        {
            let args = [("state", q(state)), ("value", value.clone())];
            self.about_owned(&rules::EVIDENCE_PLS_STATE, &field, 0, e, &args);
        }
        if p.frontends.is_empty() {
            self.about_owned(
                &rules::EVIDENCE_NO_FRONTEND,
                "prerequisites.nlb",
                0,
                e,
                &[("value", value)],
            );
        }
        if self.error_count() == errors && p.provisioning_state.is_some() {
            let fact = match region {
                Some(r) => format!(
                    "provisioned (Succeeded) in {}, on a load balancer frontend",
                    r.code
                ),
                None => "provisioned (Succeeded), on a load balancer frontend".into(),
            };
            out.push(entry_fact(
                e,
                field,
                "Private Link service",
                name.to_string(),
                fact,
            ));
        }
    }

    /// [`Checker::about`] with owned values.
    fn about_owned<const N: usize>(
        &mut self,
        rule: &Rule,
        field: &str,
        variant: usize,
        e: &Entry,
        args: &[(&str, String); N],
    ) {
        let args: Vec<(&str, &str)> = args.iter().map(|(k, v)| (*k, v.as_str())).collect();
        self.about(rule, field, variant, e, &args);
    }
}

/// An entry as messages name it: `Cloud output 2`, or `Cloud output 1 of endpoint service 2`.
fn entry_name(path: &str, cloud: Option<Cloud>) -> String {
    let entry = labels::name(path, cloud);
    match path.split_once(".evidence[") {
        Some((service, _)) => {
            // `Endpoint service 2` within a sentence; `Private Link service 2` is a name.
            let service = labels::name(service, cloud).replacen("Endpoint", "endpoint", 1);
            format!("{entry} of {service}")
        }
        None => entry,
    }
}

/// A fact about a declared endpoint service, confirmed by entry `e`.
fn entry_fact(
    e: &Entry,
    field: String,
    label: &'static str,
    value: String,
    fact: String,
) -> Verified {
    Verified {
        field,
        label,
        value,
        fact,
        command: e.output.kind().command(),
        evidence: e.path.clone(),
    }
}

/// The subscription of a resource ID, lowercase.
fn subscription_of(id: &str) -> Option<String> {
    let lower = id.to_ascii_lowercase();
    let rest = lower.strip_prefix("/subscriptions/")?;
    rest.split('/').next().map(str::to_owned)
}

/// The first `max` of `items` for a message, and how many more there are: `a, b, c and 2 more`.
fn few<T>(items: &[T], max: usize, name: impl Fn(&T) -> String) -> String {
    let names: Vec<String> = items.iter().take(max).map(name).collect();
    let mut list = crate::text::join(&names, ", ");
    if items.len() > max {
        list.push_str(&format!(" and {} more", items.len() - max));
    }
    list
}

/// A value for a message, quoted: a long one (an ARN, a resource ID) by its end, where its
/// name is.
fn q(s: &str) -> String {
    let n = crate::text::char_count(s);
    if n <= 60 {
        return quote(s);
    }
    let tail: String = s.chars().skip(n - 59).collect();
    format!("\"…{}", &quote(&tail)[1..])
}

/// How an unrecognised output is named: its type, or an object by its first keys.
fn shape(v: &Value) -> String {
    match v {
        Value::Object(o) if o.is_empty() => "an empty object".into(),
        Value::Object(o) => {
            let keys: Vec<String> = o.keys().take(3).map(|k| quote(k)).collect();
            let more = if o.len() > 3 { ", ..." } else { "" };
            format!("an object with the fields {}{more}", keys.join(", "))
        }
        other => describe(other),
    }
}
