//! Reads a request document and checks it against every rule, producing the report and, when
//! there is no error, the typed [`Request`].
//!
//! This module holds the entry points, the document's top level and the helpers every check
//! reads fields with; the checks themselves are by part of the document: `fields` (company to
//! connection type), `ports`, `endpoints` (bidirectional) and `azure`, plus `crate::change` and
//! `crate::network`.

use serde_json::{Map, Value};

use crate::diagnostic::{Diagnostic, Report, Severity};
use crate::regions::Cloud;
use crate::request::{Connection, Enablement, Request};
use crate::rules::{self, Rule};
use crate::text::{edit_distance, is_blank, quote};

// Each is a further `impl Checker` block.
mod azure;
mod endpoints;
#[cfg(feature = "evidence")]
mod evidence;
mod fields;
mod memo;
mod ports;
mod read;

pub(crate) use memo::Memo;

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
/// The most diagnostics a report lists; one closing diagnostic counts the rest.
pub const MAX_DIAGNOSTICS: usize = 200;
/// The deepest nesting of lists and objects read (a request needs five); the CLI and the page
/// refuse anything deeper with the same diagnostic.
pub const MAX_DEPTH: usize = 64;

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
    if too_deep_text(text) {
        return Ok(too_deep());
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
    let mut diagnostics = repeated_keys(&parsed.repeated);
    diagnostics.append(&mut checked.report.diagnostics);
    // Repeated keys count towards the report's limit too.
    checked.report = Report::new(listed(diagnostics));
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
    checked(doc, None).0
}

/// Checks a parsed document with what was found in its endpoint services last time (see
/// [`Memo`]), and returns what was found this time beside the outcome.
pub(crate) fn check_again(doc: &Value, memo: Memo) -> (Checked, Memo) {
    let (checked, memo) = checked(doc, Some(memo));
    (checked, memo.unwrap_or_default())
}

fn checked(doc: &Value, memo: Option<Memo>) -> (Checked, Option<Memo>) {
    // One walk for both bounds: as two, they were a fifth of the check of the largest documents.
    let Shape { size, deep } = shape_of(doc, MAX_DOCUMENT_BYTES);
    if size > MAX_DOCUMENT_BYTES {
        // When one value holds most of it (a paste gone wrong), say which, so the page can
        // show the message on that field.
        let checked = match largest_text(doc) {
            Some((path, len)) if len > MAX_DOCUMENT_BYTES / 2 => too_large_at(&path, len),
            _ => too_large(),
        };
        return (checked, None);
    }
    if deep {
        return (too_deep(), None);
    }
    let mut c = Checker {
        memo,
        ..Checker::default()
    };
    let request = match doc.as_object() {
        Some(obj) => c.document(obj),
        None => {
            c.push(Diagnostic::of(
                &rules::NOT_AN_OBJECT,
                "",
                0,
                &[("what", &describe(doc))],
                None,
            ));
            None
        }
    };
    let memo = c.memo.take();
    let report = Report::new(c.finish());
    let request = if report.valid { request } else { None };
    (Checked { report, request }, memo)
}

/// The outcome for a document over [`MAX_DOCUMENT_BYTES`], refused before it is read.
pub fn too_large() -> Checked {
    let d = Diagnostic::of(&rules::TOO_LARGE, "", 0, &[], None);
    Checked {
        report: Report::new(vec![d]),
        request: None,
    }
}

/// The document over [`MAX_DOCUMENT_BYTES`] because of the text at `path`, `len` bytes long.
pub fn too_large_at(path: &str, len: usize) -> Checked {
    let kib = (len / 1024).to_string();
    let d = Diagnostic::of(&rules::TOO_LARGE, path, 1, &[("kib", &kib)], None);
    Checked {
        report: Report::new(vec![d]),
        request: None,
    }
}

/// The outcome for a document with lists and objects nested deeper than [`MAX_DEPTH`]: refused
/// before it is read, by the CLI and the page alike.
pub fn too_deep() -> Checked {
    let max = MAX_DEPTH.to_string();
    let d = Diagnostic::of(&rules::TOO_DEEP, "", 0, &[("max", &max)], None);
    Checked {
        report: Report::new(vec![d]),
        request: None,
    }
}

/// True when brackets nest deeper than [`MAX_DEPTH`] in JSON text (strings skipped): checked
/// before parsing, so that the parser's own recursion limit never decides.
fn too_deep_text(text: &str) -> bool {
    let (mut depth, mut in_string, mut escaped) = (0usize, false, false);
    for b in text.bytes() {
        if in_string {
            match b {
                _ if escaped => escaped = false,
                b'\\' => escaped = true,
                b'"' => in_string = false,
                _ => {}
            }
            continue;
        }
        match b {
            b'"' => in_string = true,
            b'[' | b'{' => {
                depth += 1;
                if depth > MAX_DEPTH {
                    return true;
                }
            }
            b']' | b'}' => depth = depth.saturating_sub(1),
            _ => {}
        }
    }
    false
}

/// One step of a field path: an object's key or a list's index.
pub(crate) enum Segment<'a> {
    Key(&'a str),
    Index(usize),
}

impl Segment<'_> {
    /// Appends the step to a path the way every field path is written: `a.b`, `a[0]`.
    pub(crate) fn push_to(&self, path: &mut String) {
        match self {
            Segment::Key(k) => {
                if !path.is_empty() {
                    path.push('.');
                }
                path.push_str(k);
            }
            Segment::Index(i) => {
                path.push('[');
                path.push_str(&i.to_string());
                path.push(']');
            }
        }
    }
}

/// The closing diagnostic of a report with `unlisted` more findings than it lists, `errors` of
/// them errors; nothing when there are none.
/// The path of member `key` of the object at `path`: `path.key`. Written out rather than with
/// `format!`: the checker names the fields of every port this way, and the formatting machinery
/// took a quarter of the time of checking 100 services of 50 ports.
pub(crate) fn member(path: &str, key: &str) -> String {
    let mut s = String::with_capacity(path.len() + 1 + key.len());
    s.push_str(path);
    s.push('.');
    s.push_str(key);
    s
}

pub(crate) fn unlisted(unlisted: usize, errors: usize) -> Option<Diagnostic> {
    if unlisted == 0 {
        return None;
    }
    let more = if unlisted == 1 {
        "1 more finding is".to_string()
    } else {
        format!("{unlisted} more findings are")
    };
    let (max, count) = (MAX_DIAGNOSTICS.to_string(), errors.to_string());
    let args = [
        ("max", max.as_str()),
        ("more", more.as_str()),
        ("errors", count.as_str()),
    ];
    let rule = if errors > 0 {
        &rules::MORE_ERRORS
    } else {
        &rules::MORE_FINDINGS
    };
    Some(Diagnostic::of(rule, "", 0, &args, None))
}

/// `diags` cut to [`MAX_DIAGNOSTICS`], with the closing diagnostic that counts the rest.
pub(crate) fn listed(mut diags: Vec<Diagnostic>) -> Vec<Diagnostic> {
    if diags.len() > MAX_DIAGNOSTICS {
        let rest = diags.split_off(MAX_DIAGNOSTICS);
        let errors = rest
            .iter()
            .filter(|d| d.severity == Severity::Error)
            .count();
        diags.extend(unlisted(rest.len(), errors));
    }
    diags
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
    shape_of(v, limit).size
}

/// What [`check`] bounds before it reads a document: its size as [`json_size`] counts it, and
/// whether lists and objects nest deeper than [`MAX_DEPTH`] in it (known only while the size is
/// within `limit`: the walk stops there).
struct Shape {
    size: usize,
    deep: bool,
}

fn shape_of(v: &Value, limit: usize) -> Shape {
    fn walk(v: &Value, depth: usize, shape: &mut Shape, limit: usize) {
        if shape.size > limit {
            return;
        }
        let nested = matches!(v, Value::Array(_) | Value::Object(_));
        if nested && depth == MAX_DEPTH {
            shape.deep = true;
        }
        match v {
            Value::Null | Value::Bool(true) => shape.size += 4,
            Value::Bool(false) => shape.size += 5,
            Value::Number(n) => shape.size += number_size(n),
            Value::String(s) => shape.size += s.len() + 2,
            // Brackets and a comma between each two items.
            Value::Array(items) => {
                shape.size += 2 + items.len().saturating_sub(1);
                for i in items {
                    walk(i, depth + 1, shape, limit);
                }
            }
            // Braces, a comma between each two entries, and each key quoted with its colon.
            Value::Object(map) => {
                shape.size += 2 + map.len().saturating_sub(1);
                for (k, i) in map {
                    shape.size += k.len() + 3;
                    walk(i, depth + 1, shape, limit);
                }
            }
        }
    }
    let mut shape = Shape {
        size: 0,
        deep: false,
    };
    walk(v, 0, &mut shape, limit);
    shape
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
    "evidence",
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
    /// The first [`MAX_DIAGNOSTICS`] findings.
    diags: Vec<Diagnostic>,
    /// How many more there were, and how many of those are errors: counted, not kept, so that a
    /// document of 300,000 empty entries costs neither the memory nor the time of a huge report.
    unlisted: usize,
    unlisted_errors: usize,
    /// The request's cloud once it is read: the labels of some fields depend on it.
    pub(crate) cloud: Option<Cloud>,
    /// What the endpoint services were found to hold in the last check of a session.
    memo: Option<Memo>,
    /// What the evidence checks need from the rest of the document, and what they confirmed.
    #[cfg(feature = "evidence")]
    pub(crate) evidence: evidence::State,
}

impl Checker {
    #[inline(never)]
    pub(crate) fn push(&mut self, d: Diagnostic) {
        if self.diags.len() < MAX_DIAGNOSTICS {
            self.diags.push(d);
        } else {
            self.unlisted += 1;
            self.unlisted_errors += usize::from(d.severity == Severity::Error);
        }
    }

    /// A diagnostic of `rule` on `path` in the catalogue's words (see [`Diagnostic::of`]).
    pub(crate) fn diag(
        &self,
        rule: &Rule,
        path: impl Into<String>,
        variant: usize,
        args: &[(&str, &str)],
    ) -> Diagnostic {
        Diagnostic::of(rule, path, variant, args, self.cloud)
    }

    /// Reports `rule` on `path` in the catalogue's words.
    #[inline(never)]
    pub(crate) fn emit(
        &mut self,
        rule: &Rule,
        path: impl Into<String>,
        variant: usize,
        args: &[(&str, &str)],
    ) {
        let d = self.diag(rule, path, variant, args);
        self.push(d);
    }

    pub(crate) fn error_count(&self) -> usize {
        self.unlisted_errors
            + self
                .diags
                .iter()
                .filter(|d| d.severity == Severity::Error)
                .count()
    }

    /// The diagnostics of the report, the closing one that counts the unlisted included.
    fn finish(mut self) -> Vec<Diagnostic> {
        self.diags
            .extend(unlisted(self.unlisted, self.unlisted_errors));
        self.diags
    }

    pub(crate) fn wrong_type(&mut self, path: &str, expected: &str, v: &Value) {
        self.emit(
            &rules::WRONG_TYPE,
            path,
            0,
            &[("expected", expected), ("what", &describe(v))],
        );
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
                member(prefix, k)
            };
            let lower = k.to_ascii_lowercase();
            let near = known.iter().find(|f| edit_distance(&lower, f) <= 2);
            let value = quote(k);
            match near {
                Some(near) => self.emit(
                    &rules::UNKNOWN_FIELD,
                    path,
                    1,
                    &[("value", &value), ("near", near)],
                ),
                None => self.emit(&rules::UNKNOWN_FIELD, path, 0, &[("value", &value)]),
            }
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
                } else if crate::text::char_count(t) > MAX_TEXT_CHARS {
                    let count = crate::text::char_count(t).to_string();
                    let max = MAX_TEXT_CHARS.to_string();
                    self.emit(
                        &rules::TOO_LONG,
                        path,
                        0,
                        &[("count", &count), ("max", &max)],
                    );
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

    /// Reads a required text field, reporting `missing` (its first message) when it is absent.
    pub(crate) fn present<'a>(
        &mut self,
        v: Option<&'a Value>,
        path: &str,
        missing: &Rule,
    ) -> Option<&'a str> {
        match self.text(v, path) {
            Got::Ok(s) => Some(s),
            Got::Missing => {
                self.emit(missing, path, 0, &[]);
                None
            }
            Got::Reported => None,
        }
    }

    /// Reads a list that must hold at least one entry: absent, null or `[]` reports `missing` by
    /// its first message (filled with `args`); another type reports the expected shape.
    pub(crate) fn present_list<'a>(
        &mut self,
        v: Option<&'a Value>,
        path: &str,
        expected: &str,
        missing: &Rule,
        args: &[(&str, &str)],
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
            self.emit(missing, path, 0, args);
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
            #[cfg(feature = "change")]
            Kind::Change => {
                let request = self.change(obj);
                self.unknown_fields(obj, crate::change::CHANGE_DOCUMENT_FIELDS, "");
                request.map(Request::Change)
            }
            // The page's main module: its second module, which has the change checks, answers.
            #[cfg(not(feature = "change"))]
            Kind::Change => {
                self.emit(&rules::CHANGE_UNAVAILABLE, "kind", 0, &[]);
                None
            }
        }
    }

    fn version(&mut self, v: Option<&Value>) {
        match v {
            None | Some(Value::Null) => {}
            // `1.0` and `1e0` are the number 1 too, as JavaScript reads them.
            Some(Value::Number(n)) if whole_u64(n) == Some(1) => {}
            Some(other) => match other {
                Value::Number(n) if whole_u64(n).is_some() => {
                    self.emit(&rules::BAD_VERSION, "version", 0, &[("n", &number_text(n))])
                }
                o => self.emit(&rules::BAD_VERSION, "version", 1, &[("what", &describe(o))]),
            },
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
                self.emit(&rules::BAD_KIND, "kind", 0, &[("value", &quote(k))]);
                None
            }
        }
    }

    fn enablement(&mut self, obj: &Map<String, Value>) -> Option<Enablement> {
        let errors_before = self.error_count();
        let company = self.company(obj.get("company"));
        let cloud = self.cloud(obj.get("cloud"));
        self.cloud = cloud;
        let region = self.region(cloud, obj.get("region"));
        let account = self.account(cloud, obj.get("account_id"), "account_id");
        #[cfg(feature = "evidence")]
        {
            self.evidence.account = account.clone();
            self.evidence.subscriptions = other_subscriptions(obj);
        }
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
            false,
        );
        let verified = self.verified(obj, region);
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
            verified,
        })
    }

    /// The request-level evidence, and what all evidence confirmed.
    #[cfg(feature = "evidence")]
    fn verified(
        &mut self,
        obj: &Map<String, Value>,
        region: Option<&'static crate::regions::Region>,
    ) -> Vec<crate::request::Verified> {
        self.request_evidence(obj.get("evidence"), region)
    }

    /// Without the evidence checks, a document that holds evidence gets one error saying so:
    /// its verdict would otherwise ignore what the outputs contradict.
    #[cfg(not(feature = "evidence"))]
    fn verified(
        &mut self,
        obj: &Map<String, Value>,
        _: Option<&'static crate::regions::Region>,
    ) -> Vec<crate::request::Verified> {
        let held = |v: Option<&Value>| {
            v.is_some_and(|v| v.as_array().is_none_or(|a| !a.is_empty()) && !v.is_null())
        };
        let services = obj.get("endpoint_services").and_then(Value::as_array);
        let path = if held(obj.get("evidence")) {
            Some("evidence".to_string())
        } else {
            services
                .into_iter()
                .flatten()
                .enumerate()
                .find_map(|(i, s)| {
                    held(s.get("evidence")).then(|| format!("endpoint_services[{i}].evidence"))
                })
        };
        if let Some(path) = path {
            self.emit(&rules::EVIDENCE_UNAVAILABLE, path, 0, &[]);
        }
        Vec::new()
    }
}

/// The entries of `azure.subscription_ids` for the evidence checks, by position (`None` where
/// an entry is not a valid ID).
#[cfg(feature = "evidence")]
fn other_subscriptions(obj: &Map<String, Value>) -> Vec<Option<crate::ids::SubscriptionId>> {
    obj.get("azure")
        .and_then(|a| a.get("subscription_ids"))
        .and_then(Value::as_array)
        .into_iter()
        .flatten()
        .map(|s| crate::ids::SubscriptionId::parse(s.as_str()?.trim()))
        .collect()
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

/// PL008 for each key given twice in one object (`(field path, key)`), on the key's field: the
/// CLI's file reading and the page's imported text (`host::text_findings`) say it alike.
pub(crate) fn repeated_keys(found: &[(String, String)]) -> Vec<Diagnostic> {
    found
        .iter()
        .map(|(path, key)| {
            Diagnostic::of(
                &rules::REPEATED_KEY,
                path.as_str(),
                0,
                &[("value", &quote(key))],
                None,
            )
        })
        .collect()
}
