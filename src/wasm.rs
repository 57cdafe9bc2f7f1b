//! The browser binding: converts JS values to the core's types and back, nothing more.

use wasm_bindgen::prelude::*;

#[cfg(feature = "boundary-bench")]
pub mod bench;

use serde_json::Value;

use crate::check::{Checked, MAX_DEPTH, MAX_DOCUMENT_BYTES};
use crate::host::{self, Kind, Mark, Step, Unjson, Unreadable};
use crate::pretty::{Pretty, ToJson};
use crate::regions::{self, Cloud};
use crate::rules::RULES;
use crate::{render, Format, Report};

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
  /** One sentence naming the value; fields are named by their labels (see `labels`). */
  message: string;
  help: string;
  /** The value to use instead, where one is known: the first of `suggestions`. */
  suggestion?: string;
  /** The values to choose from when there is more than one (e.g. two regions in a country). */
  suggestions?: string[];
  /** The values this field holds together that each need a row of their own (the ports of
   * "80,443"): replace the field's row with one copy per value, its other fields kept. */
  split?: string[];
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
/** What checkTicket returns: the report, and the ticket when the request is valid. */
export interface CheckedTicket {
  report: Report;
  /** The ticket in the format asked for; null when the report holds an error. */
  ticket: Ticket | null;
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
  /** Message templates: "{value}" the value, "{label}" the field's label, other names facts. */
  messages: string[];
  help: string;
  source: string;
}
/**
 * The fields' labels on the form, as messages name them: `labels(cloud)`. Keys are fields with
 * list indices written [] (e.g. "changes[].to_account_id"); in a label, "{n}" stands for the
 * entry's position in its list, from 1 ("Port {n}"). A key with a case in parentheses
 * ("changes[].environment(add_environment)") labels the form's control for that case alone.
 */
export type FieldLabels = Record<string, string>;
/** A region a request may name. */
export interface RegionInfo {
  code: string;
  name: string;
  restricted: boolean;
}
"#;

/// Core output as a JS value, by way of JSON text. The pretty JSON writer is in the module anyway
/// (the JSON ticket and guide), and `JSON.parse` costs less than a second, JS-facing serializer
/// (serde-wasm-bindgen: about 3 KB gzip); pretty rather than compact for the same reason.
fn to_js<T: ToJson + ?Sized>(value: &T) -> Result<JsValue, JsValue> {
    json_parse(&crate::pretty::to_string(value))
}

// The four JS built-ins the module calls, imported here rather than through js-sys: js-sys's
// declarations of closure-taking functions keep wasm-bindgen's closure adapters in the module's
// function table (about 2.5 KB) though the module never makes a closure.
#[wasm_bindgen]
extern "C" {
    /// `JSON.parse(text)`.
    #[wasm_bindgen(catch, js_namespace = JSON, js_name = parse)]
    fn json_parse(text: &str) -> Result<JsValue, JsValue>;
    /// `Reflect.set(target, key, value)`.
    #[wasm_bindgen(catch, js_namespace = Reflect, js_name = set)]
    fn reflect_set(target: &JsValue, key: &JsValue, value: &JsValue) -> Result<bool, JsValue>;
    /// `new Object()`.
    #[wasm_bindgen(js_name = Object)]
    type PlainObject;
    #[wasm_bindgen(constructor, js_class = "Object")]
    fn new_object() -> PlainObject;
}

#[wasm_bindgen(inline_js = r#"
// Writes a host's value as JSON text for the core. Every piece of the host's code that reading
// it can run (getters, Proxy traps, toJSON) runs here, inside one try, so nothing it throws
// unwinds through the module's frames (that would leave the module's stack pointer behind and,
// after a few dozen such calls, the module unusable). A call made while one is reading (a getter
// that calls validate) is refused at once, so re-entrant getters cannot recurse until the stack
// overflows. Values JSON cannot hold become null, with a mark [path, kind] for the core to
// report on that field; so do numbers other than safe integers, with their bits [path, "number",
// high, low], which the module puts back. Returns "ok\n<marks JSON or nothing>\n<text>", "too_large",
// "reentrant" or "threw\n<what>".
let busy = false;
const OVER = {};
const f64 = new Float64Array(1);
const u32 = new Uint32Array(f64.buffer);
// What the plain walk finds of a value: not plain (0), plain, frozen all through, holding a piece
// whose text is kept or is to be kept.
const NOT = 0;
const PLAIN = 1;
const FROZEN = 2;
const HOLDS = 4;
const KEPT_COST = 1024;
const frozenText = new WeakMap();
export function plpRead(value, budget, maxItems, maxDepth) {
  if (busy) return 'reentrant';
  busy = true;
  // The objects being written, root first, and each one's key in its parent: the path of a
  // value is known only when it is needed, for a mark. Objects the writer has left are dropped
  // lazily, when a value of an older holder comes next.
  const objs = [];
  const keys = [];
  const marks = [];
  let left = budget;
  const path = (n, key) => {
    const p = [];
    for (let i = 1; i < n; i++) p.push(Array.isArray(objs[i - 1]) ? +keys[i] : keys[i]);
    if (n) p.push(Array.isArray(objs[n - 1]) ? +key : key);
    return p;
  };
  function replacer(key, v) {
    const t = typeof v;
    left -= key.length + 8;
    if (t === 'string') left -= v.length;
    else if (t === 'object' && v !== null) {
      let n = objs.length;
      while (n && objs[n - 1] !== this) n--;
      objs.length = keys.length = n;
      for (let i = 0; i < n; i++) if (objs[i] === v) return mark(n, key, 'cycle');
      if (n >= maxDepth) return mark(n, key, 'deep');
      const items = Array.isArray(v) ? v.length : ArrayBuffer.isView(v) ? v.byteLength : 0;
      if (items > maxItems) throw OVER;
      left -= items;
      objs.push(v);
      keys.push(key);
    } else if (t === 'number') {
      if (v - v !== 0) return mark(-1, key, v !== v ? 'nan' : 'infinity', this);
      if (!Number.isSafeInteger(v)) {
        // By its bits, so the module reads exactly this number without parsing decimals.
        f64[0] = v;
        return mark(-1, key, 'number', this, u32[1], u32[0]);
      }
    } else if (t === 'bigint' || t === 'symbol' || t === 'function') {
      return mark(-1, key, t, this);
    }
    if (left < 0) throw OVER;
    return v;
  }
  function mark(n, key, kind, holder, hi, lo) {
    if (n < 0) {
      n = objs.length;
      while (n && objs[n - 1] !== holder) n--;
    }
    marks.push(kind === 'number' ? [path(n, key), kind, hi, lo] : [path(n, key), kind]);
    return null;
  }
  // The common value, plain (what the page itself passes: lists and literal objects of strings,
  // booleans and safe integers), is written by JSON.stringify without a replacer once one walk,
  // keeping the replacer's count, has found it plain: calling a replacer for every value takes
  // longer (500 endpoint services of 50 ports: checkTicket in Chromium 23.9 ms against 20.3).
  // Anything else is written with the replacer, from the start. A plain value's getters and
  // traps run twice, both times inside the try.
  // A frozen piece of plain data whose every object is frozen with data properties only cannot
  // change, so its text, once written, is kept for it (`frozenText`, by identity) and stands for
  // it in later calls: the page hands over each endpoint service it has not changed as the same
  // frozen object. Only pieces of KEPT_COST or more are kept, with their count and their height
  // (the depth of lists and objects below them), so the budget and the depth limit see exactly
  // what a walk would.
  const ancestors = [];
  let holds = null; // a Set of the objects walked that hold a kept or a new frozen piece
  let fresh = null; // a Map of the frozen pieces to keep once written, to their count and height
  let height = 0; // the height of the last value walked
  function plain(v, keyLength) {
    left -= keyLength + 8;
    const t = typeof v;
    if (t === 'string') left -= v.length;
    else if (t === 'number') {
      if (!Number.isSafeInteger(v)) return NOT;
    } else if (t === 'object' && v !== null) {
      const n = ancestors.length;
      const kept = frozenText.get(v);
      if (kept) {
        if (n + kept.height > maxDepth) return NOT;
        left -= kept.cost;
        if (left < 0) throw OVER;
        height = kept.height;
        return PLAIN | FROZEN | HOLDS;
      }
      if (n >= maxDepth || ancestors.includes(v)) return NOT;
      const list = Array.isArray(v);
      if (!list) {
        const proto = Object.getPrototypeOf(v);
        if (proto !== Object.prototype && proto !== null) return NOT;
      }
      if (typeof v.toJSON === 'function') return NOT;
      const len = list ? v.length : 0;
      if (len > maxItems) throw OVER;
      const start = left;
      left -= len;
      if (left < 0) throw OVER;
      // Frozen with data properties only: a getter could give another value the next time.
      let frozen = Object.isFrozen(v);
      if (frozen) {
        const props = Object.getOwnPropertyDescriptors(v);
        for (const k of Object.keys(props)) if (!('value' in props[k])) frozen = false;
      }
      let all = PLAIN | FROZEN; // what every value in it is
      let any = 0; // what one is
      let high = 0;
      ancestors.push(v);
      const keys = list ? null : Object.keys(v);
      const count = list ? len : keys.length;
      for (let i = 0; i < count; i++) {
        const k = list ? i : keys[i];
        const f = plain(v[k], list ? (i < 10 ? 1 : String(i).length) : k.length);
        if (!f) return NOT;
        all &= f;
        any |= f;
        if (high < height) high = height;
      }
      ancestors.length = n;
      const cost = start - left;
      height = high + 1;
      let flags = PLAIN | (any & HOLDS) | (frozen ? all & FROZEN : 0);
      if (flags & HOLDS) (holds ??= new Set()).add(v);
      if (flags & FROZEN && cost >= KEPT_COST) {
        (fresh ??= new Map()).set(v, { cost, height });
        flags |= HOLDS;
      }
      if (left < 0) throw OVER;
      return flags;
    } else if (t === 'bigint' || t === 'symbol' || t === 'function') {
      return NOT;
    }
    height = 0;
    if (left < 0) throw OVER;
    return PLAIN | FROZEN;
  }
  // What JSON.stringify writes, with the kept pieces' text in their place.
  function write(v) {
    const kept = frozenText.get(v);
    if (kept) return kept.text;
    let text;
    if (!holds?.has(v)) text = JSON.stringify(v);
    else if (Array.isArray(v)) {
      text = '[' + Array.from(v, (x) => (x === undefined ? 'null' : write(x))).join(',') + ']';
    } else {
      const parts = [];
      for (const k of Object.keys(v)) {
        const x = v[k];
        if (x !== undefined) parts.push(JSON.stringify(k) + ':' + write(x));
      }
      text = '{' + parts.join(',') + '}';
    }
    const piece = fresh?.get(v);
    if (piece) frozenText.set(v, { text, cost: piece.cost, height: piece.height });
    return text;
  }
  try {
    let text;
    const f = plain(value, 0);
    if (f & HOLDS) text = write(value);
    else if (f) text = JSON.stringify(value);
    else {
      left = budget;
      text = JSON.stringify(value, replacer);
    }
    return 'ok\n' + (marks.length ? JSON.stringify(marks) : '') + '\n' + (text === undefined ? 'null' : text);
  } catch (e) {
    if (e === OVER) return 'too_large';
    let what = '';
    try {
      what = e instanceof Error ? String(e.name) + ': ' + String(e.message) : typeof e === 'string' ? e : '';
    } catch (_) {
      what = '';
    }
    return 'threw\n' + what.slice(0, 200);
  } finally {
    busy = false;
  }
}
// The text plpRead wrote, held until the module has taken it: the module makes room for it and
// TextEncoder writes it there (wasm-bindgen's own string passing copies an ASCII string one
// character at a time in JavaScript: 4.9 ms of a keystroke at 500 endpoint services).
let pending = '';
const encoder = new TextEncoder();
export function plpReadLength(value, budget, maxItems, maxDepth) {
  pending = plpRead(value, budget, maxItems, maxDepth);
  return pending.length;
}
// Writes as much of the held text as `into` has room for; returns the bytes written, or, when
// some is left for a larger room, -1 minus them.
export function plpTake(into) {
  const { read, written } = encoder.encodeInto(pending, into);
  pending = read < pending.length ? pending.slice(read) : '';
  return pending ? -1 - written : written;
}
// The answers that carry a ticket, built here from its strings: the body and the file of 500
// endpoint services of 50 ports are 650,000 characters each, which JSON text would escape in
// the module and JSON.parse would read again. A file that ends with the body comes as what
// precedes it (`Subject: ...`), and is joined here: the body crosses once.
export function plpTicket(subject, body, file, endsWithBody) {
  return { subject, body, file: endsWithBody ? file + body : file };
}
export function plpChecked(report, ticket) {
  return { report, ticket };
}
"#)]
extern "C" {
    /// See the script above. `catch`: should anything still escape it, the call returns `Err`
    /// instead of unwinding through this module.
    #[wasm_bindgen(catch, js_name = plpReadLength)]
    fn read_length(
        value: &JsValue,
        budget: f64,
        max_items: f64,
        max_depth: f64,
    ) -> Result<f64, JsValue>;
    /// Writes the text read into `into`: see the script.
    #[wasm_bindgen(js_name = plpTake)]
    fn take(into: &mut [u8]) -> f64;
    /// `{subject, body, file}`, `file` followed by the body when `ends_with_body`.
    #[wasm_bindgen(js_name = plpTicket)]
    fn ticket_object(subject: &str, body: &str, file: &str, ends_with_body: bool) -> JsValue;
    /// `{report, ticket}`.
    #[wasm_bindgen(js_name = plpChecked)]
    fn checked_object(report: JsValue, ticket: JsValue) -> JsValue;
}

/// What `plpRead` writes of `value` (see the script), in the module's memory.
fn read(value: &JsValue, budget: f64, max_items: f64, max_depth: f64) -> Result<String, JsValue> {
    let units = read_length(value, budget, max_items, max_depth)? as usize;
    // One byte a UTF-16 unit is room enough for ASCII; three are for any text.
    let mut buf = vec![0u8; units];
    let mut at = 0;
    loop {
        let n = take(&mut buf[at..]);
        if n >= 0.0 {
            buf.truncate(at + n as usize);
            break;
        }
        at += (-1.0 - n) as usize;
        buf.resize(at + 3 * units, 0);
    }
    // SAFETY: TextEncoder writes UTF-8 and nothing else (the Encoding standard: a lone surrogate
    // becomes U+FFFD), and the loop keeps exactly what it wrote; wasm-bindgen's own string
    // passing trusts it the same way.
    Ok(unsafe { String::from_utf8_unchecked(buf) })
}

/// A ticket as the object of its three strings.
fn ticket_js(t: &crate::Ticket) -> JsValue {
    match t.file.strip_suffix(t.body.as_str()) {
        Some(head) => ticket_object(&t.subject, &t.body, head, true),
        None => ticket_object(&t.subject, &t.body, &t.file, false),
    }
}

/// The marks of the values `plpRead` replaced: `[[["ports", 0, "port"], "bigint"], ...]`, a
/// number as `[[...], "number", high, low]` (its bits).
fn marks(text: &str) -> Vec<Mark> {
    let Some(Value::Array(list)) = host::json::parse(text) else {
        return Vec::new();
    };
    list.iter()
        .filter_map(|m| {
            let steps = m.get(0)?.as_array()?;
            let name = m.get(1)?.as_str()?;
            let kind = if name == "number" {
                let bits = (m.get(2)?.as_u64()? << 32) | m.get(3)?.as_u64()?;
                Kind::Number(f64::from_bits(bits))
            } else {
                Kind::Unjson(Unjson::parse(name)?)
            };
            let steps = steps
                .iter()
                .map(|s| match s {
                    Value::String(k) => Some(Step::Key(k.clone())),
                    Value::Number(i) => i.as_u64().map(|i| Step::Index(i as usize)),
                    _ => None,
                })
                .collect::<Option<Vec<_>>>()?;
            Some(Mark { steps, kind })
        })
        .collect()
}

thread_local! {
    /// The last request checked, so that the next keystroke's check reads only what changed.
    static SESSION: std::cell::RefCell<host::Session> = std::cell::RefCell::default();
}

/// Reads and checks a host's value: one crossing each way, JSON text in, JSON text out.
fn checked(request: &JsValue) -> Checked {
    // The core decides what is too large (and on which field); the budget only keeps an absurd
    // value from being written out and copied into the module's memory.
    let read = read(
        request,
        (8 * MAX_DOCUMENT_BYTES) as f64,
        (MAX_DOCUMENT_BYTES / 2) as f64,
        MAX_DEPTH as f64,
    );
    let Ok(read) = read else {
        return host::unreadable(&Unreadable::Threw(String::new()));
    };
    let (status, rest) = read.split_once('\n').unwrap_or((read.as_str(), ""));
    match status {
        "ok" => {
            let (marked, text) = rest.split_once('\n').unwrap_or(("", rest));
            let marks = marks(marked);
            // No host code runs during a check, so the session is never in use here; were it,
            // this check would be made without it.
            SESSION.with(|s| match s.try_borrow_mut() {
                Ok(mut session) => session.check(text.to_string(), &marks),
                Err(_) => host::check_marked(text, &marks),
            })
        }
        "too_large" => crate::check::too_large(),
        "reentrant" => host::unreadable(&Unreadable::Reentrant),
        _ => host::unreadable(&Unreadable::Threw(rest.to_string())),
    }
}

/// Checks a request document and returns its report.
#[wasm_bindgen(unchecked_return_type = "Report")]
pub fn validate(
    #[wasm_bindgen(unchecked_param_type = "Request")] request: JsValue,
) -> Result<JsValue, JsValue> {
    to_js(&checked(&request).report)
}

/// A format argument: absent (`undefined` or `null`) is `text`; anything but a known format's
/// name is `None`. Read with `typeof` only, so no host code runs while the module reads it.
fn format_arg(format: Option<JsValue>) -> Option<Format> {
    match format {
        None => Some(Format::Text),
        Some(f) => Format::parse(&f.as_string()?),
    }
}

/// Renders the ticket of a valid request (in `format`, `text` when it is left out); throws an `Error` with a `report` property otherwise.
#[wasm_bindgen(js_name = renderTicket, unchecked_return_type = "Ticket")]
pub fn render_ticket(
    #[wasm_bindgen(unchecked_param_type = "Request")] request: JsValue,
    #[wasm_bindgen(unchecked_param_type = "TicketFormat")] format: Option<JsValue>,
) -> Result<JsValue, JsValue> {
    let Some(format) = format_arg(format) else {
        return Err(JsError::new("Unknown ticket format: use text, markdown or json.").into());
    };
    Ok(ticket_js(&render(
        &checked_request(&request, "ticket")?,
        format,
    )))
}

/// Checks a request and, when it is valid, renders its ticket in `format` (`text` when it is
/// left out), reading and checking the request once: `{report, ticket}`, `ticket` null when the
/// report holds an error. What `validate` and `renderTicket` give, in one call: the page's
/// keystroke path, where the two would read and check a large request twice.
#[wasm_bindgen(js_name = checkTicket, unchecked_return_type = "CheckedTicket")]
pub fn check_ticket(
    #[wasm_bindgen(unchecked_param_type = "Request")] request: JsValue,
    #[wasm_bindgen(unchecked_param_type = "TicketFormat")] format: Option<JsValue>,
) -> Result<JsValue, JsValue> {
    let Some(format) = format_arg(format) else {
        return Err(JsError::new("Unknown ticket format: use text, markdown or json.").into());
    };
    let checked = checked(&request);
    let ticket = match &checked.request {
        Some(r) => ticket_js(&render(r, format)),
        None => JsValue::NULL,
    };
    Ok(checked_object(to_js(&checked.report)?, ticket))
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
    let err: JsValue = JsError::new(&message).into();
    reflect_set(&err, &JsValue::from_str("report"), &to_js(report)?)?;
    Ok(err)
}

/// The rule catalogue.
#[wasm_bindgen(unchecked_return_type = "Rule[]")]
pub fn rules() -> Result<JsValue, JsValue> {
    to_js(RULES)
}

/// Every field's label on `cloud` (`aws` or `azure`; another value gives the AWS labels), by
/// field: the words the form shows and the messages use. Built as a plain object rather than
/// serialized (a serializer for one more type costs about 1 KB).
#[wasm_bindgen(unchecked_return_type = "FieldLabels")]
pub fn labels(cloud: &str) -> Result<JsValue, JsValue> {
    let cloud = Cloud::parse(cloud);
    let out: JsValue = PlainObject::new_object().into();
    for l in crate::labels::all() {
        reflect_set(
            &out,
            &JsValue::from_str(l.field),
            &JsValue::from_str(l.on(cloud)),
        )?;
    }
    Ok(out)
}

struct RegionInfo {
    code: &'static str,
    name: &'static str,
    restricted: bool,
}

impl ToJson for RegionInfo {
    fn to_json(&self, w: &mut Pretty) {
        w.object(|w| {
            w.field("code", self.code);
            w.field("name", self.name);
            w.field("restricted", &self.restricted);
        });
    }
}

/// The regions of `cloud` (`aws` or `azure`) that a request may name; empty for another cloud.
/// Throws when `cloud` is not a string.
#[wasm_bindgen(unchecked_return_type = "RegionInfo[]")]
pub fn regions(
    #[wasm_bindgen(unchecked_param_type = "string")] cloud: JsValue,
) -> Result<JsValue, JsValue> {
    let Some(cloud) = cloud.as_string() else {
        return Err(JsError::new("regions(cloud) needs the cloud: \"aws\" or \"azure\".").into());
    };
    let list: Vec<RegionInfo> = Cloud::parse(&cloud)
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

/// Renders the guide of a valid request (the steps after the ticket, with commands filled in;
/// `format` `text` when it is left out);
/// throws an `Error` with a `report` property otherwise.
#[wasm_bindgen(unchecked_return_type = "string")]
pub fn guide(
    #[wasm_bindgen(unchecked_param_type = "Request")] request: JsValue,
    #[wasm_bindgen(unchecked_param_type = "GuideFormat")] format: Option<JsValue>,
) -> Result<JsValue, JsValue> {
    let Some(format) = format_arg(format) else {
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
    json_parse(&crate::guide::render(&req, Format::Json))
}

fn date(iso: &JsValue) -> Result<crate::dates::Date, JsValue> {
    iso.as_string()
        .and_then(|iso| crate::dates::Date::parse(&iso))
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
    #[wasm_bindgen(js_name = isoDate, unchecked_param_type = "string")] iso_date: JsValue,
    n: f64,
) -> Result<String, JsValue> {
    if n.fract() != 0.0 || !(0.0..=100_000.0).contains(&n) {
        return Err(JsError::new(
            "The number of business days must be a whole number from 0 to 100000.",
        )
        .into());
    }
    iso(crate::dates::add_business_days(date(&iso_date)?, n as u32))
}

/// When enablement should be complete for a ticket sent on `isoDate`: five business days later.
#[wasm_bindgen(js_name = expectedCompletion)]
pub fn expected_completion(
    #[wasm_bindgen(js_name = isoDate, unchecked_param_type = "string")] iso_date: JsValue,
) -> Result<String, JsValue> {
    iso(crate::dates::expected_completion(date(&iso_date)?))
}

/// The warnings about a request file's text that its value cannot show (each key given twice in
/// one object, PL008, on that key's field), as the CLI gives them for the same file. The page
/// reads an imported file with `JSON.parse`, which keeps the last of two equal keys silently.
/// Empty for text that is not JSON or is not a string.
/// A report (of warnings only) rather than a list: the module writes reports already.
#[wasm_bindgen(js_name = textFindings, unchecked_return_type = "Report")]
pub fn text_findings(
    #[wasm_bindgen(unchecked_param_type = "string")] text: JsValue,
) -> Result<JsValue, JsValue> {
    to_js(&Report::new(host::text_findings(
        &text.as_string().unwrap_or_default(),
    )))
}

#[wasm_bindgen(typescript_custom_section)]
#[cfg(feature = "evidence")]
const TS_EVIDENCE_TYPES: &str = r#"
/** Where an output belongs: "" for the request as a whole, or "endpoint_services[i]". */
export type EvidenceTarget = "" | `endpoint_services[${number}]`;
/** One fact read from an output. */
export interface EvidenceFact {
  /** Stable name, e.g. "account", "service_name", "listener". */
  fact: string;
  label: string;
  value: string;
}
/** An empty field of the request that the output would fill, with the value as the document holds it. */
export interface EvidenceFill {
  field: string;
  value: unknown;
}
/** evidenceRead(request, attachTo, output): one pasted output read against the request. */
export interface EvidenceReading {
  /** What the output is, or null when it is not recognised (a diagnostic says why). */
  recognised: { kind: string; command: string } | null;
  facts: EvidenceFact[];
  fills: EvidenceFill[];
  /** The evidence diagnostics (PL8xx) of the request with this output as its only evidence. */
  diagnostics: Diagnostic[];
}
/** One read-only command to run; its output belongs to `attachTo`. */
export interface EvidenceCommand {
  attachTo: EvidenceTarget;
  kind: string;
  command: string;
  purpose: string;
}
"#;

/// The host's request as a JSON value (values JSON cannot hold become null); `Null` when it
/// cannot be read at all.
#[cfg(feature = "evidence")]
fn document(request: &JsValue) -> Value {
    let read = read(
        request,
        (8 * MAX_DOCUMENT_BYTES) as f64,
        (MAX_DOCUMENT_BYTES / 2) as f64,
        MAX_DEPTH as f64,
    );
    let text = read
        .ok()
        .and_then(|r| r.strip_prefix("ok\n").map(str::to_owned));
    text.and_then(|t| host::json::parse(t.split_once('\n').map_or("", |(_, t)| t)))
        .unwrap_or(Value::Null)
}

/// Reads one pasted output (`output`, the text the customer pasted) against the request, as
/// evidence of the request as a whole (`attachTo` `""`) or of `endpoint_services[i]`: what it
/// is, its facts, the empty fields it would fill, and its diagnostics. Throws for an
/// `attachTo` or `output` that is not such a string.
#[cfg(feature = "evidence")]
#[wasm_bindgen(js_name = evidenceRead, unchecked_return_type = "EvidenceReading")]
pub fn evidence_read(
    #[wasm_bindgen(unchecked_param_type = "Request")] request: JsValue,
    #[wasm_bindgen(js_name = attachTo, unchecked_param_type = "EvidenceTarget")] attach_to: JsValue,
    #[wasm_bindgen(unchecked_param_type = "string")] output: JsValue,
) -> Result<JsValue, JsValue> {
    let (Some(attach_to), Some(output)) = (attach_to.as_string(), output.as_string()) else {
        return Err(JsError::new(
            "evidenceRead(request, attachTo, output) needs attachTo and output as strings.",
        )
        .into());
    };
    let reading = crate::evidence::read(&document(&request), &attach_to, &output)
        .map_err(|e| JsValue::from(JsError::new(&e)))?;
    to_js(&reading)
}

/// The read-only commands whose outputs the evidence checks read, filled with the request's
/// values (placeholders for what it does not hold yet).
#[cfg(feature = "evidence")]
#[wasm_bindgen(js_name = evidenceCommands, unchecked_return_type = "EvidenceCommand[]")]
pub fn evidence_commands(
    #[wasm_bindgen(unchecked_param_type = "Request")] request: JsValue,
) -> Result<JsValue, JsValue> {
    to_js(&crate::evidence::commands(&document(&request)))
}
