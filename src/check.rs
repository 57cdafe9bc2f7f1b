//! Reads a request document and checks it against every rule, producing the report and, when
//! there is no error, the typed [`Request`].

use serde_json::{Map, Value};

use crate::diagnostic::{Diagnostic, Report, Severity};
use crate::ids::{
    AwsAccountId, ClusterId, EndpointServiceName, NameError, ProjectId, SubscriptionId,
    ADOBE_AWS_ACCOUNT,
};
use crate::regions::{self, Availability, Cloud, Lookup, Region};
use crate::request::{
    Account, AzureDetails, Connection, Enablement, EndpointService, Environment, PortSpec,
    Protocol, Request,
};
use crate::rules::{self, Rule};
use crate::text::{edit_distance, is_one_line, is_uuid, key, quote};

/// The largest document accepted, in bytes of JSON.
pub const MAX_DOCUMENT_BYTES: usize = 1 << 20;
/// The longest text accepted in any field before its own rules apply.
pub const MAX_TEXT_CHARS: usize = 1000;
/// The longest company name.
pub const MAX_COMPANY_CHARS: usize = 100;
/// The longest service name.
pub const MAX_SERVICE_CHARS: usize = 100;
/// NLB listener limit: ports behind one endpoint service.
pub const MAX_PORTS: usize = 50;

/// The outcome of checking one document.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Checked {
    /// Every finding.
    pub report: Report,
    /// The checked request, present exactly when the report is valid.
    pub request: Option<Request>,
}

/// Why a text could not be read as JSON at all.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct JsonError {
    /// What is wrong and where (line and column).
    pub message: String,
}

/// Parses JSON text and checks it. Only text that is not JSON is an `Err`; a document over
/// [`MAX_DOCUMENT_BYTES`] is refused with a report (text over eight times that, before it is
/// parsed).
pub fn check_json(text: &str) -> Result<Checked, JsonError> {
    // Up to eight times the limit is still read, to name the field that holds the excess.
    if text.len() > 8 * MAX_DOCUMENT_BYTES {
        return Ok(too_large());
    }
    let value: Value = serde_json::from_str(text).map_err(|e| JsonError {
        message: format!(
            "not valid JSON: {} (line {}, column {})",
            describe_json_error(&e),
            e.line(),
            e.column()
        ),
    })?;
    Ok(check(&value))
}

fn describe_json_error(e: &serde_json::Error) -> String {
    let s = e.to_string();
    // serde_json appends " at line L column C"; the caller says it in its own words.
    match s.find(" at line ") {
        Some(i) => s[..i].to_string(),
        None => s,
    }
}

/// Checks a parsed document.
pub fn check(doc: &Value) -> Checked {
    let size = json_size(doc, MAX_DOCUMENT_BYTES + 1);
    if size > MAX_DOCUMENT_BYTES {
        // When one value holds most of it (a paste gone wrong), say which, so the page can
        // show the message on that field.
        return match largest_text(doc) {
            Some((path, len)) if len > MAX_DOCUMENT_BYTES / 2 => too_large_at(&path, len),
            _ => too_large(),
        };
    }
    let mut c = Checker::default();
    let request = match doc.as_object() {
        Some(obj) => c.document(obj),
        None => {
            c.push(Diagnostic::new(
                &rules::NOT_AN_OBJECT,
                "",
                format!(
                    "The document is {}, not a JSON object of request fields.",
                    describe(doc)
                ),
            ));
            None
        }
    };
    let report = Report::new(c.diags);
    let request = if report.valid { request } else { None };
    Checked { report, request }
}

/// The outcome for a document over [`MAX_DOCUMENT_BYTES`], refused before it is read.
pub fn too_large() -> Checked {
    let d = Diagnostic::new(
        &rules::TOO_LARGE,
        "",
        "The document is larger than 1 MiB, far beyond the few kilobytes of any request.",
    );
    Checked {
        report: Report::new(vec![d]),
        request: None,
    }
}

/// The document over [`MAX_DOCUMENT_BYTES`] because of the text at `path`, `len` bytes long.
pub fn too_large_at(path: &str, len: usize) -> Checked {
    let d = Diagnostic::new(
        &rules::TOO_LARGE,
        path,
        format!(
            "The value of {path} is {} KiB long, which puts the document over the 1 MiB limit of a request.",
            len / 1024
        ),
    );
    Checked {
        report: Report::new(vec![d]),
        request: None,
    }
}

/// The path and length of the longest string in `v` (an object key counts as text of its
/// object). The first one wins a tie, in the document's key order.
fn largest_text(v: &Value) -> Option<(String, usize)> {
    fn walk(v: &Value, path: &mut String, best: &mut Option<(String, usize)>) {
        fn consider(best: &mut Option<(String, usize)>, len: usize, path: &str) {
            if best.as_ref().is_none_or(|(_, b)| len > *b) {
                *best = Some((path.to_string(), len));
            }
        }
        match v {
            Value::String(s) => consider(best, s.len(), path),
            Value::Array(items) => {
                for (i, item) in items.iter().enumerate() {
                    let keep = path.len();
                    path.push('[');
                    path.push_str(&i.to_string());
                    path.push(']');
                    walk(item, path, best);
                    path.truncate(keep);
                }
            }
            Value::Object(map) => {
                for (k, item) in map {
                    let keep = path.len();
                    if !path.is_empty() {
                        path.push('.');
                    }
                    path.push_str(k);
                    consider(best, k.len(), path);
                    walk(item, path, best);
                    path.truncate(keep);
                }
            }
            _ => {}
        }
    }
    let mut best = None;
    walk(v, &mut String::new(), &mut best);
    best
}

/// The size of `v` written as compact JSON, counted up to `limit` and no further.
fn json_size(v: &Value, limit: usize) -> usize {
    fn walk(v: &Value, total: &mut usize, limit: usize) {
        if *total > limit {
            return;
        }
        match v {
            Value::Null => *total += 4,
            Value::Bool(_) => *total += 5,
            Value::Number(_) => *total += 8,
            Value::String(s) => *total += s.len() + 2,
            Value::Array(items) => {
                *total += 2 + items.len();
                for i in items {
                    walk(i, total, limit);
                }
            }
            Value::Object(map) => {
                *total += 2 + map.len();
                for (k, i) in map {
                    *total += k.len() + 3;
                    walk(i, total, limit);
                }
            }
        }
    }
    let mut total = 0;
    walk(v, &mut total, limit);
    total
}

/// A JSON number for a message: whole numbers as digits, others described, so that no float
/// formatting code is needed.
fn number_text(n: &serde_json::Number) -> String {
    match (n.as_u64(), n.as_i64(), n.as_f64()) {
        (Some(u), _, _) => u.to_string(),
        (_, Some(i), _) => i.to_string(),
        (_, _, Some(f)) if f.fract() == 0.0 => "a very large number".to_string(),
        _ => "a number with a fraction".to_string(),
    }
}

/// How a JSON value is named in messages.
fn describe(v: &Value) -> String {
    match v {
        Value::Null => "null".into(),
        Value::Bool(b) => b.to_string(),
        Value::Number(n) if n.is_f64() => number_text(n),
        Value::Number(n) => format!("the number {}", number_text(n)),
        Value::String(s) => format!("the text {}", quote(s)),
        Value::Array(_) => "a list".into(),
        Value::Object(_) => "an object".into(),
    }
}

/// The top-level fields of format version 1.
const DOCUMENT_FIELDS: &[&str] = &[
    "version",
    "kind",
    "company",
    "cloud",
    "region",
    "account_id",
    "project_id",
    "plan",
    "environments",
    "connection_type",
    "ports",
    "endpoint_services",
    "prerequisites",
    "azure",
    "customer_network",
    "adobe_endpoint_service",
];
const PORT_FIELDS: &[&str] = &["service", "port", "protocol"];
const ENDPOINT_FIELDS: &[&str] = &["name", "ports", "principal_allowed"];
const PREREQUISITES: &[(&str, &str)] = &[
    ("nlb", "a Network Load Balancer"),
    (
        "endpoint_service",
        "an endpoint service configuration for your application",
    ),
    (
        "interface_endpoint",
        "an interface endpoint (AWS) or private endpoint (Azure)",
    ),
];
const AZURE_FIELDS: &[&str] = &["cluster_id", "subscription_ids"];

/// The kinds of request document.
enum Kind {
    Enablement,
    Change,
}

/// A field as read: absent (or null or blank), already reported, or present.
pub(crate) enum Got<T> {
    Missing,
    Reported,
    Ok(T),
}

/// Collects the diagnostics of one document. The checks of change requests (`change.rs`) and of
/// the optional network fields (`network.rs`) are further `impl Checker` blocks that reuse these.
#[derive(Default)]
pub(crate) struct Checker {
    diags: Vec<Diagnostic>,
}

impl Checker {
    #[inline(never)]
    pub(crate) fn push(&mut self, d: Diagnostic) {
        self.diags.push(d);
    }

    pub(crate) fn error_count(&self) -> usize {
        self.diags
            .iter()
            .filter(|d| d.severity == Severity::Error)
            .count()
    }

    pub(crate) fn wrong_type(&mut self, path: &str, expected: &str, v: &Value) {
        let name = path.rsplit('.').next().unwrap_or(path);
        self.push(Diagnostic::new(
            &rules::WRONG_TYPE,
            path,
            format!("{name} must be {expected}, not {}.", describe(v)),
        ));
    }

    pub(crate) fn unknown_fields(
        &mut self,
        obj: &Map<String, Value>,
        known: &[&str],
        prefix: &str,
    ) {
        for k in obj.keys().filter(|k| !known.contains(&k.as_str())) {
            let path = if prefix.is_empty() {
                k.clone()
            } else {
                format!("{prefix}.{k}")
            };
            let mut d = Diagnostic::new(
                &rules::UNKNOWN_FIELD,
                path,
                format!(
                    "The field {} is not part of the request and is ignored.",
                    quote(k)
                ),
            );
            if let Some(near) = known
                .iter()
                .find(|f| edit_distance(&k.to_ascii_lowercase(), f) <= 2)
            {
                d = d.with_help(format!("Did you mean {near}? Unknown fields are ignored."));
            }
            self.push(d);
        }
    }

    /// Reads a text field, trimmed. Blank counts as missing.
    pub(crate) fn text<'a>(&mut self, v: Option<&'a Value>, path: &str) -> Got<&'a str> {
        match v {
            None | Some(Value::Null) => Got::Missing,
            Some(Value::String(s)) => {
                let t = s.trim();
                if t.is_empty() {
                    Got::Missing
                } else if t.chars().count() > MAX_TEXT_CHARS {
                    self.push(Diagnostic::new(
                        &rules::TOO_LONG,
                        path,
                        format!(
                            "The value of {path} is {} characters long, more than the {MAX_TEXT_CHARS} allowed.",
                            t.chars().count()
                        ),
                    ));
                    Got::Reported
                } else {
                    Got::Ok(t)
                }
            }
            Some(other) => {
                self.wrong_type(path, "text", other);
                Got::Reported
            }
        }
    }

    /// Reads a required text field, reporting `missing` when it is absent.
    pub(crate) fn required<'a>(
        &mut self,
        v: Option<&'a Value>,
        path: &str,
        missing: &Rule,
        msg: &str,
    ) -> Option<&'a str> {
        match self.text(v, path) {
            Got::Ok(s) => Some(s),
            Got::Missing => {
                self.push(Diagnostic::new(missing, path, msg));
                None
            }
            Got::Reported => None,
        }
    }

    /// Reads a list that must hold at least one entry: absent, null or `[]` reports `missing`
    /// with `msg`; another type reports the expected shape.
    pub(crate) fn required_list<'a>(
        &mut self,
        v: Option<&'a Value>,
        path: &str,
        expected: &str,
        missing: &Rule,
        msg: &str,
    ) -> Option<&'a [Value]> {
        let items = match v {
            None | Some(Value::Null) => &[][..],
            Some(Value::Array(items)) => items.as_slice(),
            Some(other) => {
                self.wrong_type(path, expected, other);
                return None;
            }
        };
        if items.is_empty() {
            self.push(Diagnostic::new(missing, path, msg));
            return None;
        }
        Some(items)
    }

    fn document(&mut self, obj: &Map<String, Value>) -> Option<Request> {
        self.version(obj.get("version"));
        match self.kind(obj.get("kind"))? {
            Kind::Enablement => {
                let request = self.enablement(obj);
                self.unknown_fields(obj, DOCUMENT_FIELDS, "");
                request.map(Request::Enablement)
            }
            Kind::Change => {
                let request = self.change(obj);
                self.unknown_fields(obj, crate::change::CHANGE_DOCUMENT_FIELDS, "");
                request.map(Request::Change)
            }
        }
    }

    fn version(&mut self, v: Option<&Value>) {
        match v {
            None | Some(Value::Null) => {}
            Some(Value::Number(n)) if n.as_u64() == Some(1) => {}
            Some(other) => {
                let msg = match other {
                    Value::Number(n) if n.as_u64().is_some() => format!(
                        "Format version {} is not supported; this tool reads version 1.",
                        number_text(n)
                    ),
                    o => format!(
                        "The format version must be the number 1, not {}.",
                        describe(o)
                    ),
                };
                self.push(Diagnostic::new(&rules::BAD_VERSION, "version", msg));
            }
        }
    }

    /// Checks `kind`; `None` when the document cannot be read further.
    fn kind(&mut self, v: Option<&Value>) -> Option<Kind> {
        match self.text(v, "kind") {
            Got::Missing => Some(Kind::Enablement),
            Got::Reported => None,
            Got::Ok(k) if k.eq_ignore_ascii_case("enablement") => Some(Kind::Enablement),
            Got::Ok(k) if k.eq_ignore_ascii_case("change") => Some(Kind::Change),
            Got::Ok(k) => {
                self.push(Diagnostic::new(
                    &rules::BAD_KIND,
                    "kind",
                    format!(
                        "The request kind {} is not known; a request is an enablement (the default) or a change.",
                        quote(k)
                    ),
                ));
                None
            }
        }
    }

    fn enablement(&mut self, obj: &Map<String, Value>) -> Option<Enablement> {
        let errors_before = self.error_count();
        let company = self.company(obj.get("company"));
        let cloud = self.cloud(obj.get("cloud"));
        let region = self.region(cloud, obj.get("region"));
        let account = self.account(cloud, obj.get("account_id"), "account_id");
        let project_id = self.project_id(obj.get("project_id"));
        self.plan(obj.get("plan"));
        let environments = self.environments(obj.get("environments"));
        let connection_type = self.connection_type(obj.get("connection_type"));
        let ports = self.ports(obj.get("ports"), "ports", cloud);
        let connection = self.connection(connection_type, cloud, region, obj);
        let azure = self.azure(cloud, obj.get("azure"));
        let customer_network = self.customer_network(cloud, obj.get("customer_network"));
        let adobe_endpoint_service = self.adobe_endpoint_service(
            obj.get("adobe_endpoint_service"),
            cloud,
            region,
            match &connection {
                Some(Connection::Bidirectional(list)) => list,
                _ => &[],
            },
        );
        if self.error_count() > errors_before {
            return None;
        }
        Some(Enablement {
            company: company?,
            region: region?,
            account: account?,
            project_id: project_id?,
            environments: environments?,
            ports: ports?,
            connection: connection?,
            azure: azure?,
            customer_network: customer_network?,
            adobe_endpoint_service: adobe_endpoint_service?,
        })
    }

    pub(crate) fn company(&mut self, v: Option<&Value>) -> Option<String> {
        let s = self.required(
            v,
            "company",
            &rules::COMPANY_MISSING,
            "The company name is missing; the ticket subject needs it.",
        )?;
        if !is_one_line(s) {
            self.push(Diagnostic::new(
                &rules::COMPANY_NOT_ONE_LINE,
                "company",
                format!(
                    "The company name {} has a line break or control character, but the ticket subject is one line.",
                    quote(s)
                ),
            ));
            return None;
        }
        let n = s.chars().count();
        if n > MAX_COMPANY_CHARS {
            self.push(Diagnostic::new(
                &rules::COMPANY_TOO_LONG,
                "company",
                format!("The company name is {n} characters long, more than the {MAX_COMPANY_CHARS} allowed."),
            ));
            return None;
        }
        Some(s.to_string())
    }

    pub(crate) fn cloud(&mut self, v: Option<&Value>) -> Option<Cloud> {
        let s = self.required(
            v,
            "cloud",
            &rules::CLOUD_MISSING,
            "The cloud is missing; choose aws or azure.",
        )?;
        if let Some(c) = Cloud::parse(s) {
            return Some(c);
        }
        let k = key(s);
        let guess = if k.contains("amazon") || k.contains("aws") || edit_distance(&k, "aws") <= 1 {
            Some("aws")
        } else if k.contains("azure") || k.contains("microsoft") || edit_distance(&k, "azure") <= 2
        {
            Some("azure")
        } else {
            None
        };
        let mut d = Diagnostic::new(
            &rules::CLOUD_UNKNOWN,
            "cloud",
            format!("The cloud {} is neither aws nor azure.", quote(s)),
        );
        if let Some(g) = guess {
            d = d.with_suggestion(g);
        }
        self.push(d);
        None
    }

    pub(crate) fn region(
        &mut self,
        cloud: Option<Cloud>,
        v: Option<&Value>,
    ) -> Option<&'static Region> {
        let s = self.required(
            v,
            "region",
            &rules::REGION_MISSING,
            "The region is missing; enter the region of your Adobe Commerce instance.",
        )?;
        let cloud = cloud?;
        let region = match regions::lookup(cloud, s) {
            Lookup::Code(r) => r,
            Lookup::DisplayName(r) => {
                self.push(Diagnostic::new(
                    &rules::REGION_DISPLAY_NAME,
                    "region",
                    format!(
                        "{} was read as the region code {} ({}).",
                        quote(s),
                        r.code,
                        r.name
                    ),
                ));
                r
            }
            Lookup::OtherCloud(r) => {
                self.push(Diagnostic::new(
                    &rules::REGION_OTHER_CLOUD,
                    "region",
                    format!(
                        "{} is an {} region, but the cloud is {}.",
                        quote(s),
                        r.cloud.label(),
                        cloud.label()
                    ),
                ));
                return None;
            }
            Lookup::Unknown(near) => {
                let mut d = Diagnostic::new(
                    &rules::REGION_UNKNOWN,
                    "region",
                    match near {
                        Some(n) => format!(
                            "{} is not an {} region; did you mean {} ({})?",
                            quote(s),
                            cloud.label(),
                            n.code,
                            n.name
                        ),
                        None => format!("{} is not an {} region.", quote(s), cloud.label()),
                    },
                );
                if let Some(n) = near {
                    d = d.with_suggestion(n.code);
                }
                self.push(d);
                return None;
            }
        };
        match region.availability {
            Availability::Usable => Some(region),
            Availability::Restricted => {
                self.push(Diagnostic::new(
                    &rules::REGION_RESTRICTED,
                    "region",
                    format!(
                        "{} ({}) is an Azure region that needs an access request.",
                        region.code, region.name
                    ),
                ));
                Some(region)
            }
            Availability::OtherPartition(p) => {
                self.push(Diagnostic::new(
                    &rules::REGION_OTHER_PARTITION,
                    "region",
                    format!(
                        "{} ({}) is in the {p} partition, which Adobe's principal cannot reach.",
                        region.code, region.name
                    ),
                ));
                None
            }
            Availability::Sovereign(c) => {
                self.push(Diagnostic::new(
                    &rules::REGION_SOVEREIGN,
                    "region",
                    format!(
                        "{} ({}) is in the {c} sovereign cloud, which Adobe Commerce cannot reach.",
                        region.code, region.name
                    ),
                ));
                None
            }
        }
    }

    /// Checks an account ID at `path` (`account_id`, or an account of a change).
    pub(crate) fn account(
        &mut self,
        cloud: Option<Cloud>,
        v: Option<&Value>,
        path: &str,
    ) -> Option<Account> {
        if let Some(Value::Number(n)) = v {
            // A number loses leading zeros; say so and offer the text form when it fits.
            let digits = number_text(n);
            let name = path.rsplit('.').next().unwrap_or(path);
            let mut d = Diagnostic::new(
                &rules::WRONG_TYPE,
                path,
                format!(
                    "{name} must be text in quotes, not a number, so that leading zeros are kept."
                ),
            );
            if digits.len() == 12 && digits.bytes().all(|b| b.is_ascii_digit()) {
                d = d.with_suggestion(digits);
            }
            self.push(d);
            return None;
        }
        let s = self.required(
            v,
            path,
            &rules::ACCOUNT_MISSING,
            "The account ID is missing; Adobe must know which account to allow.",
        )?;
        match cloud? {
            Cloud::Aws => self.aws_account(s, path).map(Account::Aws),
            Cloud::Azure => self.azure_account(s, path).map(Account::Azure),
        }
    }

    fn aws_account(&mut self, s: &str, path: &str) -> Option<AwsAccountId> {
        if is_uuid(s) {
            self.push(Diagnostic::new(
                &rules::AWS_ACCOUNT_IS_UUID,
                path,
                format!(
                    "{} is an Azure subscription ID, but the cloud is AWS.",
                    quote(s)
                ),
            ));
            return None;
        }
        let compact: String = s.chars().filter(|c| !matches!(c, '-' | ' ')).collect();
        let Some(id) = AwsAccountId::parse(&compact) else {
            let digits = compact.chars().filter(char::is_ascii_digit).count();
            let msg = if digits == compact.chars().count() {
                format!(
                    "{} is not an AWS account ID: it has {digits} digits, and an AWS account ID has exactly 12.",
                    quote(s)
                )
            } else {
                format!(
                    "{} is not an AWS account ID: it must be exactly 12 digits.",
                    quote(s)
                )
            };
            self.push(Diagnostic::new(&rules::AWS_ACCOUNT_FORMAT, path, msg));
            return None;
        };
        if id.as_str() == ADOBE_AWS_ACCOUNT {
            self.push(Diagnostic::new(
                &rules::ACCOUNT_IS_ADOBE,
                path,
                format!("{} is Adobe's own AWS account, not yours.", id.as_str()),
            ));
            return None;
        }
        if compact != s {
            self.push(
                Diagnostic::new(
                    &rules::AWS_ACCOUNT_NORMALISED,
                    path,
                    format!("{} was read as the account ID {}.", quote(s), id.as_str()),
                )
                .with_suggestion(id.as_str()),
            );
        }
        Some(id)
    }

    fn azure_account(&mut self, s: &str, path: &str) -> Option<SubscriptionId> {
        if let Some(id) = SubscriptionId::parse(s) {
            return Some(id);
        }
        let compact: String = s.chars().filter(|c| !matches!(c, '-' | ' ')).collect();
        if AwsAccountId::parse(&compact).is_some() {
            self.push(Diagnostic::new(
                &rules::AZURE_SUBSCRIPTION_IS_AWS,
                path,
                format!("{} is an AWS account ID, but the cloud is Azure.", quote(s)),
            ));
            return None;
        }
        let mut d = Diagnostic::new(
            &rules::AZURE_SUBSCRIPTION_FORMAT,
            path,
            format!(
                "{} is not an Azure subscription ID, which reads 8-4-4-4-12 hexadecimal digits.",
                quote(s)
            ),
        );
        if let Some(fixed) = uuid_repair(s) {
            d = d.with_suggestion(fixed);
        }
        self.push(d);
        None
    }

    pub(crate) fn project_id(&mut self, v: Option<&Value>) -> Option<ProjectId> {
        let s = self.required(
            v,
            "project_id",
            &rules::PROJECT_MISSING,
            "The project ID is missing; `magento-cloud project:info` shows it.",
        )?;
        if let Some(id) = ProjectId::parse(s) {
            return Some(id);
        }
        let lower = s.to_ascii_lowercase();
        if let Some(id) = ProjectId::parse(&lower) {
            self.push(
                Diagnostic::new(
                    &rules::PROJECT_UPPERCASE,
                    "project_id",
                    format!("{} was read as the project ID {}.", quote(s), id.as_str()),
                )
                .with_suggestion(id.as_str()),
            );
            return Some(id);
        }
        let n = s.chars().count();
        let msg = if n != 13 {
            format!(
                "{} is not a project ID: it has {n} characters, and a project ID has 13.",
                quote(s)
            )
        } else {
            format!(
                "{} is not a project ID: only the letters a-z and digits may appear.",
                quote(s)
            )
        };
        self.push(Diagnostic::new(&rules::PROJECT_FORMAT, "project_id", msg));
        None
    }

    fn plan(&mut self, v: Option<&Value>) {
        let Some(s) = self.required(
            v,
            "plan",
            &rules::PLAN_MISSING,
            "The plan is missing; PrivateLink needs the Pro plan.",
        ) else {
            return;
        };
        let k = s.to_ascii_lowercase();
        if k == "pro" {
            return;
        }
        if k == "starter" {
            self.push(Diagnostic::new(
                &rules::PLAN_STARTER,
                "plan",
                "PrivateLink is not available on Starter projects, only on Pro.",
            ));
            return;
        }
        let mut d = Diagnostic::new(
            &rules::PLAN_UNKNOWN,
            "plan",
            format!("The plan {} is neither pro nor starter.", quote(s)),
        );
        if key(s).contains("pro") {
            d = d.with_suggestion("pro");
        }
        self.push(d);
    }

    fn environments(&mut self, v: Option<&Value>) -> Option<Vec<Environment>> {
        let items = self.required_list(
            v,
            "environments",
            "a list such as [\"production\", \"staging\"]",
            &rules::ENVIRONMENTS_MISSING,
            "No environment is named; list production, staging, or both.",
        )?;
        let mut out = Vec::new();
        let mut ok = true;
        for (i, item) in items.iter().enumerate() {
            let path = format!("environments[{i}]");
            let Some(env) = self.environment(item, &path) else {
                ok = false;
                continue;
            };
            if out.contains(&env) {
                self.push(Diagnostic::new(
                    &rules::ENVIRONMENT_DUPLICATE,
                    path,
                    format!("{} is listed more than once.", env.label()),
                ));
            } else {
                out.push(env);
            }
        }
        ok.then_some(out)
    }

    /// Checks one environment name at `path`: production or staging.
    pub(crate) fn environment(&mut self, item: &Value, path: &str) -> Option<Environment> {
        let s = match self.text(Some(item), path) {
            Got::Ok(s) => s,
            Got::Missing => {
                self.push(Diagnostic::new(
                    &rules::ENVIRONMENT_NOT_ELIGIBLE,
                    path,
                    "This environment is blank; name production or staging.",
                ));
                return None;
            }
            Got::Reported => return None,
        };
        match s.to_ascii_lowercase().as_str() {
            "production" => Some(Environment::Production),
            "staging" => Some(Environment::Staging),
            other => {
                self.push(not_eligible(path.to_string(), s, other));
                None
            }
        }
    }

    fn connection_type(&mut self, v: Option<&Value>) -> Option<&'static str> {
        let s = self.required(
            v,
            "connection_type",
            &rules::CONNECTION_MISSING,
            "The connection type is missing; choose unidirectional or bidirectional.",
        )?;
        let k = key(s);
        match k.as_str() {
            "unidirectional" => return Some("unidirectional"),
            "bidirectional" => return Some("bidirectional"),
            _ => {}
        }
        let guess = if k.starts_with("uni") || k.contains("oneway") {
            Some("unidirectional")
        } else if k.starts_with("bi") || k.contains("twoway") {
            Some("bidirectional")
        } else {
            None
        };
        let mut d = Diagnostic::new(
            &rules::CONNECTION_UNKNOWN,
            "connection_type",
            format!(
                "The connection type {} is neither unidirectional nor bidirectional.",
                quote(s)
            ),
        );
        if let Some(g) = guess {
            d = d.with_suggestion(g);
        }
        self.push(d);
        None
    }

    /// Checks a list of ports at `path` (the request's `ports` or an endpoint service's).
    pub(crate) fn ports(
        &mut self,
        v: Option<&Value>,
        path: &str,
        cloud: Option<Cloud>,
    ) -> Option<Vec<PortSpec>> {
        let items = self.required_list(
            v,
            path,
            "a list of {service, port, protocol} entries",
            &rules::PORTS_MISSING,
            "No port is listed; name each service and the port Adobe must open for it.",
        )?;
        let errors_before = self.error_count();
        if items.len() > MAX_PORTS {
            self.push(Diagnostic::new(
                &rules::PORTS_TOO_MANY,
                path,
                format!(
                    "{} ports are listed, but one endpoint service can carry at most {MAX_PORTS}.",
                    items.len()
                ),
            ));
        }
        let mut out: Vec<PortSpec> = Vec::with_capacity(items.len());
        let mut seen: Vec<(u16, Protocol)> = Vec::with_capacity(items.len());
        for (i, item) in items.iter().enumerate() {
            let at = format!("{path}[{i}]");
            let Some(entry) = item.as_object() else {
                self.wrong_type(&at, "an object with service, port and protocol", item);
                continue;
            };
            let service = self.service(entry.get("service"), &format!("{at}.service"));
            let port = self.port_number(entry.get("port"), &format!("{at}.port"), cloud, service);
            let protocol = self.protocol(entry.get("protocol"), &format!("{at}.protocol"), cloud);
            self.unknown_fields(entry, PORT_FIELDS, &at);
            let (Some(port), Some(protocol)) = (port, protocol) else {
                continue;
            };
            if seen.contains(&(port, protocol)) {
                self.push(Diagnostic::new(
                    &rules::PORT_DUPLICATE,
                    format!("{at}.port"),
                    format!("Port {port}/{} is listed more than once.", protocol.label()),
                ));
                continue;
            }
            seen.push((port, protocol));
            if let Some(service) = service {
                out.push(PortSpec {
                    service: service.to_string(),
                    port,
                    protocol,
                });
            }
        }
        (self.error_count() == errors_before).then_some(out)
    }

    fn service<'a>(&mut self, v: Option<&'a Value>, path: &str) -> Option<&'a str> {
        let s = self.required(
            v,
            path,
            &rules::SERVICE_MISSING,
            "The service name is missing; say what runs on this port.",
        )?;
        if !is_one_line(s) || s.chars().count() > MAX_SERVICE_CHARS {
            self.push(Diagnostic::new(
                &rules::SERVICE_NOT_ONE_LINE,
                path,
                format!(
                    "The service name {} must be one line of at most {MAX_SERVICE_CHARS} characters.",
                    quote(s)
                ),
            ));
            return None;
        }
        Some(s)
    }

    fn port_number(
        &mut self,
        v: Option<&Value>,
        path: &str,
        cloud: Option<Cloud>,
        service: Option<&str>,
    ) -> Option<u16> {
        let number: Option<u64> = match v {
            None | Some(Value::Null) => {
                self.push(Diagnostic::new(
                    &rules::PORT_INVALID,
                    path,
                    "The port number is missing.",
                ));
                return None;
            }
            // Negative or huge whole numbers are out of range; fractions are not ports at all.
            Some(Value::Number(n)) => match (n.as_u64(), n.as_i64(), n.as_f64()) {
                (Some(u), _, _) => Some(u),
                (_, Some(_), _) => Some(0),
                (_, _, Some(f)) if f.fract() == 0.0 => Some(if f < 0.0 { 0 } else { u64::MAX }),
                _ => None,
            },
            Some(Value::String(s)) => {
                let t = s.trim();
                if t.is_empty() {
                    self.push(Diagnostic::new(
                        &rules::PORT_INVALID,
                        path,
                        "The port number is missing.",
                    ));
                    return None;
                }
                if t.len() <= 20 && t.bytes().all(|b| b.is_ascii_digit()) {
                    Some(t.parse::<u64>().unwrap_or(u64::MAX))
                } else if t.len() <= 20
                    && t.starts_with('-')
                    && t.bytes().skip(1).all(|b| b.is_ascii_digit())
                {
                    Some(0)
                } else {
                    None
                }
            }
            Some(other) => {
                self.wrong_type(path, "a port number", other);
                return None;
            }
        };
        let Some(n) = number else {
            let msg = match v {
                Some(Value::String(s)) => format!(
                    "{} is not a port number; a port is a whole number such as 3306.",
                    quote(s.trim())
                ),
                _ => "The port has a fraction; a port is a whole number such as 3306.".to_string(),
            };
            self.push(Diagnostic::new(&rules::PORT_INVALID, path, msg));
            return None;
        };
        let max: u64 = if cloud == Some(Cloud::Azure) {
            65534
        } else {
            65535
        };
        let shown = match v {
            Some(Value::Number(num)) => number_text(num),
            Some(Value::String(s)) => s.trim().to_string(),
            _ => n.to_string(),
        };
        if n == 0 || n > max {
            let on = cloud
                .map(|c| format!(" on {}", c.label()))
                .unwrap_or_default();
            let msg = if shown.starts_with('a') {
                format!("The port is {shown}, out of range; ports run from 1 to {max}{on}.")
            } else {
                format!("Port {shown} is out of range; ports run from 1 to {max}{on}.")
            };
            self.push(Diagnostic::new(&rules::PORT_OUT_OF_RANGE, path, msg));
            return None;
        }
        let port = n as u16;
        if port == 22 || service.is_some_and(is_ssh_service) {
            let msg = if port == 22 {
                "Port 22 is SSH, and SSH cannot go over PrivateLink.".to_string()
            } else {
                format!(
                    "The service {} looks like SSH, and SSH cannot go over PrivateLink on any port.",
                    quote(service.unwrap_or_default())
                )
            };
            self.push(Diagnostic::new(&rules::PORT_SSH, path, msg));
            return None;
        }
        if port == 443 {
            match cloud {
                Some(Cloud::Azure) => {
                    self.push(Diagnostic::new(
                        &rules::PORT_443_AZURE,
                        path,
                        "Port 443 (HTTPS) cannot be opened over Private Link on Azure.",
                    ));
                    return None;
                }
                Some(Cloud::Aws) => self.push(Diagnostic::new(
                    &rules::PORT_443_AWS,
                    path,
                    "Port 443 (HTTPS) is supported on AWS, though older guidance excluded it.",
                )),
                None => {}
            }
        }
        Some(port)
    }

    fn protocol(
        &mut self,
        v: Option<&Value>,
        path: &str,
        cloud: Option<Cloud>,
    ) -> Option<Protocol> {
        let p = match self.text(v, path) {
            Got::Missing => return Some(Protocol::Tcp),
            Got::Reported => return None,
            Got::Ok(s) if s.eq_ignore_ascii_case("tcp") => Protocol::Tcp,
            Got::Ok(s) if s.eq_ignore_ascii_case("udp") => Protocol::Udp,
            Got::Ok(s) => {
                self.push(Diagnostic::new(
                    &rules::PROTOCOL_UNKNOWN,
                    path,
                    format!("The protocol {} is neither tcp nor udp.", quote(s)),
                ));
                return None;
            }
        };
        if p == Protocol::Udp && cloud == Some(Cloud::Aws) {
            self.push(Diagnostic::new(
                &rules::PROTOCOL_UDP_AWS,
                path,
                "UDP over AWS PrivateLink works only behind a dual-stack Network Load Balancer.",
            ));
        }
        Some(p)
    }

    fn connection(
        &mut self,
        connection_type: Option<&str>,
        cloud: Option<Cloud>,
        region: Option<&'static Region>,
        obj: &Map<String, Value>,
    ) -> Option<Connection> {
        let services = obj.get("endpoint_services").filter(|v| !v.is_null());
        let prerequisites = obj.get("prerequisites").filter(|v| !v.is_null());
        match connection_type? {
            "unidirectional" => {
                if services.is_some_and(|v| v.as_array().is_none_or(|a| !a.is_empty())) {
                    self.push(Diagnostic::new(
                        &rules::ENDPOINT_SERVICES_IGNORED,
                        "endpoint_services",
                        "Endpoint services are listed, but a unidirectional connection does not use them.",
                    ));
                }
                if prerequisites.is_some() {
                    self.push(Diagnostic::new(
                        &rules::PREREQUISITES_IGNORED,
                        "prerequisites",
                        "Prerequisites are given, but a unidirectional connection does not need them.",
                    ));
                }
                Some(Connection::Unidirectional)
            }
            _ => {
                let list = self.endpoint_services(services, cloud, region);
                let prereqs_ok = self.prerequisites(prerequisites);
                Some(Connection::Bidirectional(list.filter(|_| prereqs_ok)?))
            }
        }
    }

    fn endpoint_services(
        &mut self,
        v: Option<&Value>,
        cloud: Option<Cloud>,
        region: Option<&'static Region>,
    ) -> Option<Vec<EndpointService>> {
        let items = self.required_list(
            v,
            "endpoint_services",
            "a list of {name, ports, principal_allowed} entries",
            &rules::ENDPOINT_SERVICES_MISSING,
            "A bidirectional connection needs at least one endpoint service for Adobe to connect to.",
        )?;
        let errors_before = self.error_count();
        let mut out = Vec::with_capacity(items.len());
        let mut seen: Vec<String> = Vec::new();
        for (i, item) in items.iter().enumerate() {
            let at = format!("endpoint_services[{i}]");
            let Some(entry) = item.as_object() else {
                self.wrong_type(
                    &at,
                    "an object with name, ports and principal_allowed",
                    item,
                );
                continue;
            };
            let name_path = format!("{at}.name");
            let name = self.endpoint_name(entry.get("name"), &name_path, cloud, region);
            if let Some(n) = &name {
                let norm = n.to_string().to_ascii_lowercase();
                if seen.contains(&norm) {
                    self.push(Diagnostic::new(
                        &rules::ENDPOINT_DUPLICATE,
                        name_path,
                        format!(
                            "The endpoint service {} is listed more than once.",
                            quote(&n.to_string())
                        ),
                    ));
                } else {
                    seen.push(norm);
                }
            }
            let ports = self.ports(entry.get("ports"), &format!("{at}.ports"), cloud);
            self.principal(
                entry.get("principal_allowed"),
                &format!("{at}.principal_allowed"),
            );
            self.unknown_fields(entry, ENDPOINT_FIELDS, &at);
            if let (Some(name), Some(ports)) = (name, ports) {
                out.push(EndpointService { name, ports });
            }
        }
        (self.error_count() == errors_before).then_some(out)
    }

    pub(crate) fn endpoint_name(
        &mut self,
        v: Option<&Value>,
        path: &str,
        cloud: Option<Cloud>,
        region: Option<&'static Region>,
    ) -> Option<EndpointServiceName> {
        let s = self.required(
            v,
            path,
            &rules::ENDPOINT_NAME_MISSING,
            "The endpoint service name is missing.",
        )?;
        let cloud = cloud?;
        let parsed = match cloud {
            Cloud::Aws => EndpointServiceName::parse_aws(s),
            Cloud::Azure => EndpointServiceName::parse_azure(s),
        };
        let name = match parsed {
            Ok(n) => n,
            Err(NameError::OtherCloud) => {
                let other = if cloud == Cloud::Aws { "Azure" } else { "AWS" };
                self.push(Diagnostic::new(
                    &rules::ENDPOINT_OTHER_CLOUD,
                    path,
                    format!(
                        "{} is an {other} name, but the cloud is {}.",
                        quote(s),
                        cloud.label()
                    ),
                ));
                return None;
            }
            Err(NameError::ChinaPartition) => {
                self.push(Diagnostic::new(
                    &rules::ENDPOINT_OTHER_PARTITION,
                    path,
                    format!(
                        "{} is in the AWS China partition, which Adobe's principal cannot reach.",
                        quote(s)
                    ),
                ));
                return None;
            }
            Err(NameError::Format(why)) => {
                let rule = if cloud == Cloud::Aws {
                    &rules::AWS_ENDPOINT_FORMAT
                } else {
                    &rules::AZURE_ENDPOINT_FORMAT
                };
                let what = if cloud == Cloud::Aws {
                    "an AWS endpoint service name"
                } else {
                    "an Azure Private Link service alias or resource ID"
                };
                let mut d =
                    Diagnostic::new(rule, path, format!("{} is not {what}: {why}.", quote(s)));
                if cloud == Cloud::Aws {
                    let mut lower = s.to_ascii_lowercase().replace(' ', "");
                    // A bare service ID: put the declared region's prefix in front of it.
                    if let (true, Some(r)) = (lower.starts_with("vpce-svc-"), region) {
                        lower = format!("com.amazonaws.vpce.{}.{lower}", r.code);
                    }
                    if let Ok(n) = EndpointServiceName::parse_aws(&lower) {
                        d = d.with_suggestion(n.to_string());
                    }
                }
                self.push(d);
                return None;
            }
        };
        if let (Some(inside), Some(declared)) = (name.region(), region) {
            if inside != declared.code {
                let msg = match name.known_region() {
                    Some(r) if r.cloud == Cloud::Aws && !r.is_selectable() => format!(
                        "{} is in {inside}, outside the commercial AWS partition, and the request's region is {}.",
                        quote(s),
                        declared.code
                    ),
                    Some(_) => format!(
                        "{} is in {inside}, but the request's region is {}.",
                        quote(s),
                        declared.code
                    ),
                    // Not a known region: any text, so quoted like every user value.
                    None => format!(
                        "{} names the region {}, which is not an {} region; the request's region is {}.",
                        quote(s),
                        quote(inside),
                        cloud.label(),
                        declared.code
                    ),
                };
                self.push(Diagnostic::new(&rules::ENDPOINT_REGION_MISMATCH, path, msg));
                return None;
            }
        }
        Some(name)
    }

    pub(crate) fn principal(&mut self, v: Option<&Value>, path: &str) {
        match v {
            Some(Value::Bool(true)) => {}
            None | Some(Value::Null) | Some(Value::Bool(false)) => self.push(Diagnostic::new(
                &rules::PRINCIPAL_NOT_ALLOWED,
                path,
                "Adobe's principal arn:aws:iam::402592597372:root is not confirmed as allowed on this endpoint service.",
            )),
            Some(other) => self.wrong_type(path, "true or false", other),
        }
    }

    /// Checks the bidirectional prerequisites; true when all are confirmed.
    fn prerequisites(&mut self, v: Option<&Value>) -> bool {
        let empty = Map::new();
        let obj = match v {
            None => &empty,
            Some(Value::Object(o)) => o,
            Some(other) => {
                self.wrong_type(
                    "prerequisites",
                    "an object of true/false confirmations",
                    other,
                );
                return false;
            }
        };
        let mut ok = true;
        for (field, what) in PREREQUISITES {
            let path = format!("prerequisites.{field}");
            match obj.get(*field) {
                Some(Value::Bool(true)) => {}
                None | Some(Value::Null) | Some(Value::Bool(false)) => {
                    self.push(Diagnostic::new(
                        &rules::PREREQUISITE_MISSING,
                        path,
                        format!("You have not confirmed {what} in your VPC, which a bidirectional connection needs."),
                    ));
                    ok = false;
                }
                Some(other) => {
                    self.wrong_type(&path, "true or false", other);
                    ok = false;
                }
            }
        }
        let known: Vec<&str> = PREREQUISITES.iter().map(|(f, _)| *f).collect();
        self.unknown_fields(obj, &known, "prerequisites");
        ok
    }

    /// Checks the `azure` block. `Some(None)` means "nothing needed" (AWS).
    fn azure(&mut self, cloud: Option<Cloud>, v: Option<&Value>) -> Option<Option<AzureDetails>> {
        let v = v.filter(|v| !v.is_null());
        match cloud? {
            Cloud::Aws => {
                if v.is_some() {
                    self.push(Diagnostic::new(
                        &rules::AZURE_ON_AWS,
                        "azure",
                        "Azure details are given, but the cloud is AWS; they are ignored.",
                    ));
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

    fn cluster_id(&mut self, v: Option<&Value>) -> Option<ClusterId> {
        let s = self.required(
            v,
            "azure.cluster_id",
            &rules::CLUSTER_MISSING,
            "The Azure cluster ID is missing; Adobe needs it to find your cluster.",
        )?;
        let id = ClusterId::parse(s);
        if id.is_none() {
            self.push(Diagnostic::new(
                &rules::CLUSTER_FORMAT,
                "azure.cluster_id",
                format!("{} is not a cluster ID: it must be one word of letters, digits, dots, dashes and underscores.", quote(s)),
            ));
        }
        id
    }

    fn subscription_ids(&mut self, v: Option<&Value>) -> Option<Vec<SubscriptionId>> {
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
                let mut d = Diagnostic::new(
                    &rules::AZURE_EXTRA_SUBSCRIPTION_FORMAT,
                    path,
                    format!(
                        "{} is not a subscription ID, which reads 8-4-4-4-12 hexadecimal digits.",
                        quote(s)
                    ),
                );
                if let Some(fixed) = uuid_repair(s) {
                    d = d.with_suggestion(fixed);
                }
                self.push(d);
                ok = false;
                continue;
            };
            if out.contains(&id) {
                self.push(Diagnostic::new(
                    &rules::AZURE_SUBSCRIPTION_DUPLICATE,
                    path,
                    format!("The subscription {} is listed more than once.", id.as_str()),
                ));
            } else {
                out.push(id);
            }
        }
        ok.then_some(out)
    }
}

/// An environment other than production or staging, explained.
fn not_eligible(path: String, typed: &str, lower: &str) -> Diagnostic {
    let (msg, suggestion) = match lower {
        "integration" => (
            "Integration environments cannot use PrivateLink; only Production and Staging can.".to_string(),
            None,
        ),
        "master" | "main" => (
            format!("{} is the Integration environment's main branch, and Integration cannot use PrivateLink.", quote(typed)),
            None,
        ),
        "local" => (
            "Local environments cannot use PrivateLink; only Production and Staging can.".to_string(),
            None,
        ),
        "prod" | "prd" | "live" => (
            format!("{} is not an environment name; did you mean production?", quote(typed)),
            Some("production"),
        ),
        "stage" | "stg" | "staging2" | "preprod" => (
            format!("{} is not an environment name; did you mean staging?", quote(typed)),
            Some("staging"),
        ),
        _ => {
            let near = ["production", "staging"]
                .into_iter()
                .find(|e| edit_distance(lower, e) <= 2);
            (
                match near {
                    Some(e) => format!("{} is not an environment PrivateLink can use; did you mean {e}?", quote(typed)),
                    None => format!("{} is not an environment PrivateLink can use; only production and staging are.", quote(typed)),
                },
                near,
            )
        }
    };
    let d = Diagnostic::new(&rules::ENVIRONMENT_NOT_ELIGIBLE, path, msg);
    match suggestion {
        Some(s) => d.with_suggestion(s),
        None => d,
    }
}

/// True for service names that mean SSH (`SSH`, `sshd`, `OpenSSH`, `Secure Shell`), but not SFTP,
/// which Adobe lists as a service to open.
fn is_ssh_service(name: &str) -> bool {
    let lower = name.to_ascii_lowercase();
    lower.contains("secure shell")
        || lower
            .split(|c: char| !c.is_ascii_alphanumeric())
            .any(|w| w == "ssh" || w == "sshd" || w == "openssh")
}

/// A UUID written without dashes or in braces, put back into its 8-4-4-4-12 form.
fn uuid_repair(s: &str) -> Option<String> {
    let hex: String = s
        .chars()
        .filter(|c| !matches!(c, '-' | '{' | '}' | ' '))
        .collect();
    if hex.len() != 32 || !hex.bytes().all(|b| b.is_ascii_hexdigit()) {
        return None;
    }
    // Dashes inserted byte by byte rather than by slicing: slicing a str links its panic path
    // (and char formatting) into the module.
    let mut out = String::with_capacity(36);
    for (i, c) in hex.chars().enumerate() {
        if matches!(i, 8 | 12 | 16 | 20) {
            out.push('-');
        }
        out.push(c.to_ascii_lowercase());
    }
    Some(out)
}
