//! The browser module's guide and date functions, through wasm-bindgen-test in Node and in
//! headless Chromium: plain JS values in, the core's results out, errors thrown as the page
//! expects.
#![cfg(target_arch = "wasm32")]

use js_sys::{Reflect, JSON};
use privatelink_prep::wasm::{add_business_days, expected_completion, guide, guide_data};
use privatelink_prep::{check_json, Format};
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_test::wasm_bindgen_test as test;

const AWS: &str = include_str!("requests/guide-aws-bidirectional-network.json");
const AZURE: &str = include_str!("requests/guide-azure-unidirectional.json");
const CHANGE: &str = include_str!("requests/change-azure.json");

fn js(json: &str) -> JsValue {
    JSON::parse(json).unwrap()
}

fn message(err: &JsValue) -> String {
    err.unchecked_ref::<js_sys::Error>()
        .message()
        .as_string()
        .unwrap()
}

#[test]
fn guide_renders_every_format_as_the_core_does() {
    for doc in [AWS, AZURE, CHANGE] {
        let req = check_json(doc).unwrap().request.unwrap();
        for name in ["text", "markdown", "json"] {
            let out = guide(js(doc), Some(name.into()))
                .unwrap()
                .as_string()
                .unwrap();
            let want = privatelink_prep::guide::render(&req, Format::parse(name).unwrap());
            assert_eq!(out, want, "{name}");
        }
    }
}

#[test]
fn guide_data_is_a_plain_object_of_the_guide() {
    for doc in [AWS, AZURE, CHANGE] {
        let req = check_json(doc).unwrap().request.unwrap();
        let data = guide_data(js(doc)).unwrap();
        let got: serde_json::Value =
            serde_json::from_str(&JSON::stringify(&data).unwrap().as_string().unwrap()).unwrap();
        let want = serde_json::to_value(privatelink_prep::guide::guide(&req)).unwrap();
        assert_eq!(got, want);
    }
}

#[test]
fn an_invalid_request_throws_with_its_report() {
    for err in [
        guide(
            js(r#"{"kind": "change", "company": "Acme"}"#),
            Some("text".into()),
        )
        .unwrap_err(),
        guide_data(js(r#"{"kind": "change", "company": "Acme"}"#)).unwrap_err(),
    ] {
        assert!(err.is_instance_of::<js_sys::Error>());
        assert_eq!(
            message(&err),
            "The request has 4 errors; no guide was rendered."
        );
        let report = Reflect::get(&err, &JsValue::from_str("report")).unwrap();
        assert_eq!(
            Reflect::get(&report, &JsValue::from_str("valid")).unwrap(),
            JsValue::FALSE
        );
    }
}

#[test]
fn an_unknown_format_throws() {
    let err = guide(js(AWS), Some("html".into())).unwrap_err();
    assert_eq!(
        message(&err),
        "Unknown guide format: use text, markdown or json."
    );
}

#[test]
fn business_days() {
    assert_eq!(
        add_business_days("2025-12-27".into(), 5.0).unwrap(),
        "2026-01-02"
    );
    assert_eq!(
        add_business_days("2028-02-28".into(), 1.0).unwrap(),
        "2028-02-29"
    );
    assert_eq!(
        add_business_days("2026-03-07".into(), 0.0).unwrap(),
        "2026-03-07"
    );
    assert_eq!(
        expected_completion("2026-03-07".into()).unwrap(),
        "2026-03-13"
    );
    assert_eq!(
        expected_completion("2025-12-29".into()).unwrap(),
        "2026-01-05"
    );
}

#[test]
fn bad_dates_and_counts_throw() {
    for (date, n) in [
        ("2025-02-29", 1.0),
        ("29/02/2028", 1.0),
        ("2026-01-01", 1.5),
        ("2026-01-01", -1.0),
        ("2026-01-01", f64::NAN),
        ("9999-12-31", 1.0),
    ] {
        let err = add_business_days(date.into(), n).unwrap_err();
        assert!(err.is_instance_of::<js_sys::Error>(), "{date} {n}");
    }
    assert_eq!(
        message(&expected_completion("2026-1-1".into()).unwrap_err()),
        "Not a date: write it as YYYY-MM-DD."
    );
}
