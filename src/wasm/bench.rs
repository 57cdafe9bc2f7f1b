//! Bench only (feature `boundary-bench`): the two boundary designs `scripts/bench.sh` measures
//! beside the module's own (JSON text both ways, `validate`). Neither is safe against a hostile
//! host: both read the host's value from inside the module, so a getter that throws unwinds
//! through its frames. They exist to be measured, never in the page's module.

use js_sys::{Array, Object};
use serde_json::{Map, Number, Value};
use wasm_bindgen::prelude::*;

use crate::check::{check, MAX_DOCUMENT_BYTES};

/// Validates through the walker the module used before the JSON text boundary: value by value
/// across the boundary, the report out as JSON text and `JSON.parse`.
#[wasm_bindgen(js_name = benchValidateWalker)]
pub fn validate_walker(request: JsValue) -> Result<JsValue, JsValue> {
    let mut budget = 8 * MAX_DOCUMENT_BYTES;
    let checked = match to_json(&request, 64, &mut budget) {
        Ok(doc) => check(&doc),
        Err(Unreadable::TooLarge) => crate::check::too_large(),
        Err(Unreadable::NotJson) => check(&Value::Null),
    };
    super::to_js(&checked.report)
}

/// Validates through serde-wasm-bindgen both ways: `from_value` into a `serde_json::Value`,
/// `to_value` (maps as plain objects) for the report.
#[wasm_bindgen(js_name = benchValidateSwb)]
pub fn validate_swb(request: JsValue) -> Result<JsValue, JsValue> {
    let doc: Value = serde_wasm_bindgen::from_value(request).unwrap_or(Value::Null);
    let checked = check(&doc);
    let ser = serde_wasm_bindgen::Serializer::json_compatible();
    serde::Serialize::serialize(&checked.report, &ser).map_err(Into::into)
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
