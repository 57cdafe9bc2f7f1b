//! The browser binding: converts JS values to the core's types and back, nothing more.

use serde::Serialize;
use wasm_bindgen::prelude::*;

use js_sys::{Array, Object};
use serde_json::{Map, Number, Value};

use crate::check::MAX_DOCUMENT_BYTES;
use crate::regions::{self, Cloud};
use crate::rules::RULES;
use crate::{check, render, Format, Report};

#[wasm_bindgen(typescript_custom_section)]
const TS_TYPES: &str = r#"
/** A request document, format version 1 (see schema/privatelink-request.schema.json). */
export type Request = Record<string, unknown>;
/** How much a finding matters; only "error" makes a request invalid. */
export type Severity = "error" | "warning" | "info";
/** One finding about one field. */
export interface Diagnostic {
  code: string;
  severity: Severity;
  /** Path into the document, e.g. "ports[1].port"; "" for the whole document. */
  field: string;
  message: string;
  help: string;
  suggestion?: string;
}
/** Everything found in one document. */
export interface Report {
  valid: boolean;
  diagnostics: Diagnostic[];
}
/** A rendered ticket. */
export interface Ticket {
  /** The one-line subject, as text. */
  subject: string;
  body: string;
  /** The ticket as one file: `Subject: ` and the subject (escaped in Markdown), a blank line, the body; in JSON the body. */
  file: string;
}
/** The Error thrown by renderTicket for an invalid request. */
export interface InvalidRequestError extends Error {
  report: Report;
}
export type TicketFormat = "text" | "markdown" | "json";
/** One rule of the catalogue. */
export interface Rule {
  code: string;
  severity: Severity;
  field: string;
  /** Other fields the rule is reported on, e.g. "endpoint_services[].ports[].port". */
  other_fields: string[];
  title: string;
  help: string;
  source: string;
}
/** A region a request may name. */
export interface RegionInfo {
  code: string;
  name: string;
  restricted: boolean;
}
"#;

/// Core output as a JS value, by way of JSON text. serde_json's pretty serializer is in the module
/// anyway (the JSON ticket and guide), and `JSON.parse` costs less than a second, JS-facing
/// serializer (serde-wasm-bindgen: about 3 KB gzip); pretty rather than compact for the same reason.
fn to_js<T: Serialize + ?Sized>(value: &T) -> Result<JsValue, JsValue> {
    // Cannot fail: every map key the core serializes is a string.
    let text = serde_json::to_string_pretty(value)
        .map_err(|_| JsError::new("The result could not be written as JSON."))?;
    js_sys::JSON::parse(&text)
}

/// Why a JS value could not be read as a request document.
enum Unreadable {
    /// More than eight times [`MAX_DOCUMENT_BYTES`] of text.
    TooLarge,
    /// Something JSON cannot hold (function, symbol, BigInt) or nesting deeper than 64 levels.
    NotJson,
}

/// Reads a JS value as JSON data. Written by hand rather than with serde's deserializer: that
/// path brings serde's error formatting (and float printing) into the module, several KB gzip.
fn to_json(v: &JsValue, depth: u8, budget: &mut usize) -> Result<Value, Unreadable> {
    if v.is_null() || v.is_undefined() {
        return Ok(Value::Null);
    }
    if let Some(b) = v.as_bool() {
        return Ok(Value::Bool(b));
    }
    if let Some(f) = v.as_f64() {
        // Whole numbers stay integers, as JSON.parse would have read them.
        if f.fract() == 0.0 && f.abs() <= 9_007_199_254_740_991.0 {
            return Ok(Value::from(f as i64));
        }
        return Ok(Number::from_f64(f).map_or(Value::Null, Value::Number));
    }
    if let Some(s) = v.as_string() {
        *budget = budget.checked_sub(s.len()).ok_or(Unreadable::TooLarge)?;
        return Ok(Value::String(s));
    }
    let depth = depth.checked_sub(1).ok_or(Unreadable::NotJson)?;
    if Array::is_array(v) {
        let items = Array::from(v);
        let mut out = Vec::with_capacity(items.length().min(1024) as usize);
        for item in items.iter() {
            out.push(to_json(&item, depth, budget)?);
        }
        return Ok(Value::Array(out));
    }
    if v.is_object() && !v.is_function() {
        let mut out = Map::new();
        for entry in Object::entries(v.unchecked_ref::<Object>()).iter() {
            let pair = Array::from(&entry);
            let key = pair.get(0).as_string().ok_or(Unreadable::NotJson)?;
            *budget = budget.checked_sub(key.len()).ok_or(Unreadable::TooLarge)?;
            out.insert(key, to_json(&pair.get(1), depth, budget)?);
        }
        return Ok(Value::Object(out));
    }
    Err(Unreadable::NotJson)
}

fn checked(request: &JsValue) -> crate::Checked {
    // The core decides what is too large (and on which field); this cap only keeps an absurd
    // value from being copied into the module's memory.
    let mut budget = 8 * MAX_DOCUMENT_BYTES;
    match to_json(request, 64, &mut budget) {
        Ok(doc) => check(&doc),
        Err(Unreadable::TooLarge) => crate::check::too_large(),
        // Reported the way the core reports any document that is not a request object.
        Err(Unreadable::NotJson) => check(&Value::Null),
    }
}

/// Checks a request document and returns its report.
#[wasm_bindgen(unchecked_return_type = "Report")]
pub fn validate(
    #[wasm_bindgen(unchecked_param_type = "Request")] request: JsValue,
) -> Result<JsValue, JsValue> {
    to_js(&checked(&request).report)
}

/// Renders the ticket of a valid request; throws an `Error` with a `report` property otherwise.
#[wasm_bindgen(js_name = renderTicket, unchecked_return_type = "Ticket")]
pub fn render_ticket(
    #[wasm_bindgen(unchecked_param_type = "Request")] request: JsValue,
    #[wasm_bindgen(unchecked_param_type = "TicketFormat")] format: &str,
) -> Result<JsValue, JsValue> {
    let Some(format) = Format::parse(format) else {
        return Err(JsError::new("Unknown ticket format: use text, markdown or json.").into());
    };
    to_js(&render(&checked_request(&request, "ticket")?, format))
}

/// The `Error` thrown for an invalid request: says that no `what` was rendered, and carries the
/// report as its `report` property.
fn invalid(report: &Report, what: &str) -> Result<JsValue, JsValue> {
    let errors = report.count(crate::Severity::Error);
    let message = if errors == 1 {
        format!("The request has 1 error; no {what} was rendered.")
    } else {
        format!("The request has {errors} errors; no {what} was rendered.")
    };
    let err = js_sys::Error::new(&message);
    js_sys::Reflect::set(&err, &JsValue::from_str("report"), &to_js(report)?)?;
    Ok(err.into())
}

/// The rule catalogue.
#[wasm_bindgen(unchecked_return_type = "Rule[]")]
pub fn rules() -> Result<JsValue, JsValue> {
    to_js(RULES)
}

#[derive(Serialize)]
struct RegionInfo {
    code: &'static str,
    name: &'static str,
    restricted: bool,
}

/// The regions of `cloud` (`aws` or `azure`) that a request may name; empty for another cloud.
#[wasm_bindgen(unchecked_return_type = "RegionInfo[]")]
pub fn regions(cloud: &str) -> Result<JsValue, JsValue> {
    let list: Vec<RegionInfo> = Cloud::parse(cloud)
        .map(|c| {
            regions::selectable(c)
                .map(|r| RegionInfo {
                    code: r.code,
                    name: r.name,
                    restricted: r.availability == regions::Availability::Restricted,
                })
                .collect()
        })
        .unwrap_or_default();
    to_js(&list)
}

/// The version of privatelink-prep.
#[wasm_bindgen]
pub fn version() -> String {
    crate::VERSION.to_string()
}

#[wasm_bindgen(typescript_custom_section)]
const TS_GUIDE_TYPES: &str = r#"
export type GuideFormat = "text" | "markdown" | "json";
/** Who acts at a step of the workflow. */
export type Actor = "customer" | "adobe";
/** One command line of POSIX shell; request values in it are validated or single-quoted. */
export interface GuideCommand {
  /** What it does and where it runs. */
  purpose: string;
  command: string;
  /** Placeholders still in the command, e.g. "<your-vpc-id>", each once. */
  placeholders: string[];
  /** What the output shows when all is well / when it is not. */
  success?: string;
  failure?: string;
}
/** One step of the workflow after the ticket. */
export interface GuideStep {
  /** Stable key, e.g. "send-ticket", "create-endpoint", "test-production", "change-2-grant-access". */
  id: string;
  actor: Actor;
  title: string;
  explanation: string;
  /** True for the steps only a bidirectional connection has. */
  bidirectional: boolean;
  commands: GuideCommand[];
  /** What to check when a test fails. */
  checklist: string[];
}
/** A placeholder of the commands and what to put there. */
export interface GuidePlaceholder {
  token: string;
  meaning: string;
}
/** The guide of a valid request: guideData(request), or JSON.parse(guide(request, "json")). */
export interface Guide {
  title: string;
  kind: "enablement" | "change";
  cloud: "aws" | "azure";
  region: string;
  region_name: string;
  /** Enablement guides only. */
  connection_type?: "unidirectional" | "bidirectional";
  summary: string;
  /** Enablement takes up to this many business days from the ticket (5). */
  business_days: number;
  placeholders: GuidePlaceholder[];
  steps: GuideStep[];
}
/** One port of a ticket's JSON body. */
export interface TicketPort {
  service: string;
  port: number;
  protocol: "tcp" | "udp";
}
/** An environment ID: "production", "staging", or an additional staging environment ("staging2"). */
export type EnvironmentId = "production" | "staging" | `staging${string}`;
/** AWS only: Adobe's principal is allowed on the endpoint service. Absent on Azure, where Adobe
 * names its subscription after the ticket. */
export interface TicketPrincipal {
  principal_allowed?: true;
  principal?: string;
}
/** One change of a change ticket's JSON body; `summary` is its line of the text ticket.
 * `environments` is absent when the change applies to every environment connected today; `name`
 * of open_ports / close_ports is absent for ports on Adobe's side. */
export type TicketChange =
  | { action: "add_environment" | "remove_connection"; environment: EnvironmentId; summary: string }
  | { action: "change_account"; from_account_id: string; to_account_id: string; summary: string }
  | ({ action: "add_endpoint_service"; name: string; ports: TicketPort[];
      environments?: EnvironmentId[]; summary: string } & TicketPrincipal)
  | { action: "remove_endpoint_service"; name: string; environments?: EnvironmentId[]; summary: string }
  | { action: "open_ports" | "close_ports"; name?: string; ports: TicketPort[];
      environments?: EnvironmentId[]; summary: string };
/** JSON.parse(renderTicket(changeRequest, "json").body) for a request of kind "change". */
export interface ChangeTicketDocument {
  /** "PrivateLink change for <company>". */
  subject: string;
  /** The plain-text body, as renderTicket(request, "text").body. */
  body: string;
  /** The Markdown body, as renderTicket(request, "markdown").body. */
  markdown: string;
  request: {
    version: 1;
    kind: "change";
    company: string;
    cloud: "aws" | "azure";
    region: string;
    region_name: string;
    project_id: string;
    changes: TicketChange[];
  };
}
/** JSON.parse(renderTicket(enablementRequest, "json").body): the subject, both bodies and the
 * normalised request (itself a valid request document). */
export interface EnablementTicketDocument {
  /** "PrivateLink support for <company>". */
  subject: string;
  body: string;
  markdown: string;
  request: {
    version: 1;
    kind: "enablement";
    company: string;
    cloud: "aws" | "azure";
    region: string;
    region_name: string;
    account_id: string;
    project_id: string;
    plan: "pro";
    environments: EnvironmentId[];
    connection_type: "unidirectional" | "bidirectional";
    ports: TicketPort[];
    endpoint_services?: ({ name: string; ports: TicketPort[] } & TicketPrincipal)[];
    /** The endpoint to Adobe's service is made after the ticket and never claimed here. */
    prerequisites?: { nlb: true; endpoint_service: true };
    azure?: { cluster_id: string; subscription_ids: string[] };
  };
}
"#;

/// The typed request of a valid document; for an invalid one, the `Error` that says no `what`
/// (ticket, guide) was rendered.
fn checked_request(request: &JsValue, what: &str) -> Result<crate::Request, JsValue> {
    let checked = checked(request);
    match checked.request {
        Some(req) => Ok(req),
        None => Err(invalid(&checked.report, what)?),
    }
}

/// Renders the guide of a valid request (the steps after the ticket, with commands filled in);
/// throws an `Error` with a `report` property otherwise.
#[wasm_bindgen(unchecked_return_type = "string")]
pub fn guide(
    #[wasm_bindgen(unchecked_param_type = "Request")] request: JsValue,
    #[wasm_bindgen(unchecked_param_type = "GuideFormat")] format: &str,
) -> Result<JsValue, JsValue> {
    let Some(format) = Format::parse(format) else {
        return Err(JsError::new("Unknown guide format: use text, markdown or json.").into());
    };
    let req = checked_request(&request, "guide")?;
    Ok(JsValue::from_str(&crate::guide::render(&req, format)))
}

/// The guide of a valid request as an object; throws like `guide`.
#[wasm_bindgen(js_name = guideData, unchecked_return_type = "Guide")]
pub fn guide_data(
    #[wasm_bindgen(unchecked_param_type = "Request")] request: JsValue,
) -> Result<JsValue, JsValue> {
    let req = checked_request(&request, "guide")?;
    // The JSON rendering is the guide's data; parsing it in JS reuses that one serializer
    // instead of monomorphizing a second one for the module (a few KB).
    js_sys::JSON::parse(&crate::guide::render(&req, Format::Json))
}

fn date(iso: &str) -> Result<crate::dates::Date, JsValue> {
    crate::dates::Date::parse(iso)
        .ok_or_else(|| JsError::new("Not a date: write it as YYYY-MM-DD.").into())
}

fn iso(d: Option<crate::dates::Date>) -> Result<String, JsValue> {
    d.map(|d| d.to_string())
        .ok_or_else(|| JsError::new("The date is past 9999-12-31.").into())
}

/// The date `n` business days (Monday to Friday) after `isoDate` (`YYYY-MM-DD`), as
/// `YYYY-MM-DD`; from a Saturday or Sunday, counting starts on the Monday. Throws for a date
/// that is not `YYYY-MM-DD` or a count that is not a whole number from 0 to 100000.
#[wasm_bindgen(js_name = addBusinessDays)]
pub fn add_business_days(
    #[wasm_bindgen(js_name = isoDate)] iso_date: &str,
    n: f64,
) -> Result<String, JsValue> {
    if n.fract() != 0.0 || !(0.0..=100_000.0).contains(&n) {
        return Err(JsError::new(
            "The number of business days must be a whole number from 0 to 100000.",
        )
        .into());
    }
    iso(crate::dates::add_business_days(date(iso_date)?, n as u32))
}

/// When enablement should be complete for a ticket sent on `isoDate`: five business days later.
#[wasm_bindgen(js_name = expectedCompletion)]
pub fn expected_completion(
    #[wasm_bindgen(js_name = isoDate)] iso_date: &str,
) -> Result<String, JsValue> {
    iso(crate::dates::expected_completion(date(iso_date)?))
}
