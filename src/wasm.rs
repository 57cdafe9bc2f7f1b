//! The browser binding: converts JS values to the core's types and back, nothing more.

use serde::Serialize;
use serde_wasm_bindgen::Serializer;
use wasm_bindgen::prelude::*;

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
  subject: string;
  body: string;
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

fn to_js<T: Serialize + ?Sized>(value: &T) -> Result<JsValue, JsValue> {
    value
        .serialize(&Serializer::json_compatible())
        .map_err(|e| JsError::new(&e.to_string()).into())
}

fn checked(request: JsValue) -> crate::Checked {
    match serde_wasm_bindgen::from_value::<serde_json::Value>(request) {
        Ok(doc) => check(&doc),
        // Values JSON cannot hold (functions, symbols, BigInt): treat the document as not an object.
        Err(_) => check(&serde_json::Value::Null),
    }
}

/// Checks a request document and returns its report.
#[wasm_bindgen(unchecked_return_type = "Report")]
pub fn validate(
    #[wasm_bindgen(unchecked_param_type = "Request")] request: JsValue,
) -> Result<JsValue, JsValue> {
    to_js(&checked(request).report)
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
    let checked = checked(request);
    match checked.request {
        Some(req) => to_js(&render(&req, format)),
        None => Err(invalid(&checked.report)?),
    }
}

fn invalid(report: &Report) -> Result<JsValue, JsValue> {
    let errors = report.count(crate::Severity::Error);
    let message = if errors == 1 {
        "The request has 1 error; no ticket was rendered.".to_string()
    } else {
        format!("The request has {errors} errors; no ticket was rendered.")
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
