//! Reads a request document and checks it against every rule, producing the report and, when
//! there is no error, the typed [`Request`].
//!
//! This module holds the entry points, the document's top level and the helpers every check
//! reads fields with; the checks themselves are by part of the document: `fields` (company to
//! connection type), `ports`, `endpoints` (bidirectional) and `azure`, plus `crate::change` and
//! `crate::network`.

use serde_json::{Map, Value};

use crate::diagnostic::{Diagnostic, Report, Severity};
use crate::request::{Connection, Enablement, Request};
use crate::rules::{self, Rule};
use crate::text::{edit_distance, is_blank, quote};

// Each is a further `impl Checker` block.
mod azure;
mod endpoints;
mod fields;
mod ports;
mod read;

pub(crate) use ports::Direction;

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

/// Parses JSON text and checks it. A key given twice in one object is a warning on its field
/// (the last value is read). Only text that is not JSON is an `Err`; a document over
/// [`MAX_DOCUMENT_BYTES`] is refused with a report (text over eight times that, before it is
/// parsed).
pub fn check_json(text: &str) -> Result<Checked, JsonError> {
    // Up to eight times the limit is still read, to name the field that holds the excess.
    if text.len() > 8 * MAX_DOCUMENT_BYTES {
        return Ok(too_large());
    }
    let parsed = read::parse(text).map_err(|e| JsonError {
        message: format!(
            "not valid JSON: {} (line {}, column {})",
            describe_json_error(&e),
            e.line(),
            e.column()
        ),
    })?;
    let mut checked = check(&parsed.value);
    if parsed.repeated.is_empty() {
        return Ok(checked);
    }
    // Readers disagree on which of two equal keys counts: say so first, on the key's field.
    let mut diagnostics: Vec<Diagnostic> = parsed
        .repeated
        .iter()
        .map(|(path, key)| {
            Diagnostic::new(
                &rules::REPEATED_KEY,
                path.as_str(),
                format!(
                    "The field {} is given more than once in the same object; only its last value is read.",
                    quote(key)
                ),
            )
        })
        .collect();
    diagnostics.append(&mut checked.report.diagnostics);
    checked.report = Report::new(diagnostics);
    Ok(checked)
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
    let size = json_size(doc, MAX_DOCUMENT_BYTES);
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

/// The size of `v` written as compact JSON, counted until it passes `limit` (then some size over
/// `limit`, not the whole): exact, except
/// that a string's escapes count as the one character each stands for and a fractional number
/// counts as 24 bytes, the longest a 64-bit float is written (no float formatting is linked).
fn json_size(v: &Value, limit: usize) -> usize {
    fn walk(v: &Value, total: &mut usize, limit: usize) {
        if *total > limit {
            return;
        }
        match v {
            Value::Null | Value::Bool(true) => *total += 4,
            Value::Bool(false) => *total += 5,
            Value::Number(n) => *total += number_size(n),
            Value::String(s) => *total += s.len() + 2,
            // Brackets and a comma between each two items.
            Value::Array(items) => {
                *total += 2 + items.len().saturating_sub(1);
                for i in items {
                    walk(i, total, limit);
                }
            }
            // Braces, a comma between each two entries, and each key quoted with its colon.
            Value::Object(map) => {
                *total += 2 + map.len().saturating_sub(1);
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

/// The length of a JSON number as serde_json writes it; 24 for one with a fraction.
fn number_size(n: &serde_json::Number) -> usize {
    let digits = |mut u: u64| {
        let mut len = 1;
        while u >= 10 {
            u /= 10;
            len += 1;
        }
        len
    };
    match (n.as_u64(), n.as_i64()) {
        (Some(u), _) => digits(u),
        (_, Some(i)) => 1 + digits(i.unsigned_abs()),
        _ => 24,
    }
}

/// A JSON number for a message: whole numbers as digits however they were written (`80.0` and
/// `8.0e1` read `80`, `-0` reads `-0`), others described, so that no float formatting code is
/// needed.
fn number_text(n: &serde_json::Number) -> String {
    match (n.as_u64(), n.as_i64(), n.as_f64()) {
        (Some(u), _, _) => u.to_string(),
        (_, Some(i), _) => i.to_string(),
        // Below 2^53 a whole float is exactly its integer.
        (_, _, Some(f)) if f.fract() == 0.0 && f.abs() < 9_007_199_254_740_992.0 => {
            let digits = (f.abs() as u64).to_string();
            if f.is_sign_negative() {
                format!("-{digits}")
            } else {
                digits
            }
        }
        (_, _, Some(f)) if f.fract() == 0.0 => "a very large number".to_string(),
        _ => "a number with a fraction".to_string(),
    }
}

/// The JSON number as a whole number, when it is one however written (`1`, `1.0`, `1e0`).
fn whole_u64(n: &serde_json::Number) -> Option<u64> {
    n.as_u64().or_else(|| {
        n.as_f64()
            .filter(|f| f.fract() == 0.0 && *f >= 0.0 && *f < 9_007_199_254_740_992.0)
            .map(|f| f as u64)
    })
}

/// How a JSON value is named in messages.
fn describe(v: &Value) -> String {
    match v {
        Value::Null => "null".into(),
        Value::Bool(b) => b.to_string(),
        Value::Number(n) => {
            let text = number_text(n);
            if text.starts_with('a') {
                text
            } else {
                format!("the number {text}")
            }
        }
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

/// Collects the diagnostics of one document. The checks in `check/*.rs`, of change requests
/// (`change.rs`) and of the optional network fields (`network.rs`) are further `impl Checker`
/// blocks that reuse these.
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

    /// Reads a text field, trimmed. Blank counts as missing, and so does text that shows
    /// nothing (zero-width spaces, Hangul fillers and the like: [`is_blank`]).
    pub(crate) fn text<'a>(&mut self, v: Option<&'a Value>, path: &str) -> Got<&'a str> {
        match v {
            None | Some(Value::Null) => Got::Missing,
            Some(Value::String(s)) => {
                let t = s.trim();
                if is_blank(t) {
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
            // `1.0` and `1e0` are the number 1 too, as JavaScript reads them.
            Some(Value::Number(n)) if whole_u64(n) == Some(1) => {}
            Some(other) => {
                let msg = match other {
                    Value::Number(n) if whole_u64(n).is_some() => format!(
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
        let ports = self.ports(obj.get("ports"), "ports", cloud, Direction::IntoAdobe);
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
}

/// A UUID written without dashes or in braces, put back into its 8-4-4-4-12 form.
pub(super) fn uuid_repair(s: &str) -> Option<String> {
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
