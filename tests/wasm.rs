//! The browser module's API, exercised through wasm-bindgen-test in Node and in headless
//! Chromium: the same functions the page calls, with plain JS objects in and out.
#![cfg(target_arch = "wasm32")]

mod common;

use js_sys::{Array, Object, Reflect, JSON};
use privatelink_prep::regions::Cloud;
use privatelink_prep::wasm::{
    check_ticket, labels, regions, render_ticket, rules, text_findings, validate, version,
};
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_test::wasm_bindgen_test as test;

fn js(json: &str) -> JsValue {
    JSON::parse(json).unwrap()
}

fn get(v: &JsValue, key: &str) -> JsValue {
    Reflect::get(v, &JsValue::from_str(key)).unwrap()
}

fn stringify(v: &JsValue) -> String {
    JSON::stringify(v).unwrap().as_string().unwrap()
}

/// The report the core gives natively for the same document, as JSON.
fn native_report(json: &str) -> String {
    let checked = privatelink_prep::check_json(json).unwrap();
    serde_json::to_string(&checked.report).unwrap()
}

#[test]
fn validate_returns_the_report_as_a_plain_object() {
    for name in [
        "aws-unidirectional.json",
        "aws-bidirectional.json",
        "azure-unidirectional.json",
        "azure-bidirectional.json",
    ] {
        let doc = common::request(name);
        let report = validate(js(&doc)).unwrap();
        assert_eq!(get(&report, "valid"), JsValue::TRUE, "{name}");
        assert_eq!(stringify(&report), native_report(&doc), "{name}");
    }
}

#[test]
fn validate_reports_a_bad_account_id_exactly() {
    let mut doc: serde_json::Value =
        serde_json::from_str(&common::request("aws-unidirectional.json")).unwrap();
    doc["account_id"] = "12345".into();
    let report = validate(js(&doc.to_string())).unwrap();
    assert_eq!(get(&report, "valid"), JsValue::FALSE);
    let d = Array::from(&get(&report, "diagnostics")).get(0);
    assert_eq!(
        stringify(&d),
        r#"{"code":"PL132","severity":"error","field":"account_id","message":"\"12345\" is not an AWS account ID: it has 5 digits, and an AWS account ID has exactly 12.","help":"An AWS account ID is exactly 12 digits, leading zeros included; copy it from the account menu of the AWS console or run `aws sts get-caller-identity`."}"#
    );
}

#[test]
fn suggestions_cross_the_boundary() {
    let report = validate(js(r#"{"cloud": "aws", "region": "eu-west1"}"#)).unwrap();
    let diags = Array::from(&get(&report, "diagnostics"));
    let region = diags.iter().find(|d| get(d, "field") == "region").unwrap();
    assert_eq!(get(&region, "suggestion"), "eu-west-1");
}

#[test]
fn numbers_and_numeric_strings_are_read_like_json() {
    let doc = r#"{"company":"A","cloud":"aws","region":"us-east-1","account_id":"123456789012","project_id":"yw1unoukjcawe","plan":"pro","environments":["production"],"connection_type":"unidirectional","ports":[{"service":"HTTP","port":"80"},{"service":"SQL","port":3306}]}"#;
    assert_eq!(get(&validate(js(doc)).unwrap(), "valid"), JsValue::TRUE);
    let bad = doc.replace("3306", "3306.5");
    assert_eq!(stringify(&validate(js(&bad)).unwrap()), native_report(&bad));
}

#[test]
fn a_megabyte_in_a_field_is_refused_as_too_large() {
    let obj = js("{}");
    Reflect::set(&obj, &"company".into(), &"x".repeat(1 << 20).into()).unwrap();
    let d = Array::from(&get(&validate(obj).unwrap(), "diagnostics")).get(0);
    assert_eq!(get(&d, "code"), "PL002");
    // On the field that holds it, so the page shows the message there.
    assert_eq!(get(&d, "field"), "company");
}

#[test]
fn render_ticket_matches_the_native_renderer() {
    let doc = common::request("azure-bidirectional.json");
    let req = privatelink_prep::check_json(&doc).unwrap().request.unwrap();
    for (format, f) in [
        ("text", privatelink_prep::Format::Text),
        ("markdown", privatelink_prep::Format::Markdown),
        ("json", privatelink_prep::Format::Json),
    ] {
        let t = render_ticket(js(&doc), Some(format.into())).unwrap();
        let native = privatelink_prep::render(&req, f);
        // The whole object, as serde writes the native ticket: its three strings, in order.
        let whole = js(&serde_json::to_string(&native).unwrap());
        assert_eq!(stringify(&t), stringify(&whole), "{format}");
        assert_eq!(get(&t, "file"), native.file.as_str());
    }
}

#[test]
fn check_ticket_gives_the_report_and_the_ticket_of_one_reading() {
    let doc = common::request("aws-bidirectional.json");
    for format in ["text", "markdown", "json"] {
        let both = check_ticket(js(&doc), Some(format.into())).unwrap();
        assert_eq!(
            stringify(&get(&both, "report")),
            native_report(&doc),
            "{format}"
        );
        let ticket = render_ticket(js(&doc), Some(format.into())).unwrap();
        assert_eq!(
            stringify(&get(&both, "ticket")),
            stringify(&ticket),
            "{format}"
        );
    }
    // Without a format, the text ticket, as renderTicket writes it.
    let both = check_ticket(js(&doc), None).unwrap();
    let text = render_ticket(js(&doc), None).unwrap();
    assert_eq!(stringify(&get(&both, "ticket")), stringify(&text));
}

#[test]
fn check_ticket_of_an_invalid_request_has_no_ticket() {
    let doc = r#"{"company": "Acme"}"#;
    let both = check_ticket(js(doc), Some("text".into())).unwrap();
    assert_eq!(get(&both, "ticket"), JsValue::NULL);
    assert_eq!(stringify(&get(&both, "report")), native_report(doc));
    let err: js_sys::Error = check_ticket(js(doc), Some("pdf".into()))
        .unwrap_err()
        .dyn_into()
        .unwrap();
    assert_eq!(
        err.message(),
        "Unknown ticket format: use text, markdown or json."
    );
}

#[test]
fn render_ticket_throws_an_error_carrying_the_report() {
    let err = render_ticket(js(r#"{"company": "Acme"}"#), Some("text".into())).unwrap_err();
    let err: js_sys::Error = err.dyn_into().unwrap();
    assert_eq!(
        err.message(),
        "The request has 8 errors; no ticket was rendered."
    );
    let report = get(&err, "report");
    assert_eq!(get(&report, "valid"), JsValue::FALSE);
    assert_eq!(Array::from(&get(&report, "diagnostics")).length(), 8);
}

#[test]
fn render_ticket_rejects_an_unknown_format() {
    let doc = common::request("aws-unidirectional.json");
    let err: js_sys::Error = render_ticket(js(&doc), Some("pdf".into()))
        .unwrap_err()
        .dyn_into()
        .unwrap();
    assert_eq!(
        err.message(),
        "Unknown ticket format: use text, markdown or json."
    );
}

#[test]
fn rules_is_the_catalogue() {
    let list = Array::from(&rules().unwrap());
    assert_eq!(list.length() as usize, privatelink_prep::rules::RULES.len());
    let first = list.get(0);
    assert_eq!(get(&first, "code"), "PL001");
    assert_eq!(get(&first, "severity"), "error");
    let ssh = list.iter().find(|r| get(r, "code") == "PL204").unwrap();
    assert_eq!(get(&ssh, "field"), "ports[].port");
    let others: Vec<String> = Array::from(&get(&ssh, "other_fields"))
        .iter()
        .map(|f| f.as_string().unwrap())
        .collect();
    // Port 22 on a customer's endpoint service is PL213 (a warning), not PL204.
    assert_eq!(others, ["changes[].ports[].port"]);
}

#[test]
fn regions_lists_the_selectable_regions_of_a_cloud() {
    let aws = Array::from(&regions("aws".into()).unwrap());
    let codes: Vec<String> = aws
        .iter()
        .map(|r| get(&r, "code").as_string().unwrap())
        .collect();
    assert!(codes.contains(&"eu-west-1".to_string()));
    assert!(!codes.contains(&"us-gov-west-1".to_string()));
    assert!(!codes.contains(&"cn-north-1".to_string()));
    let azure = Array::from(&regions("azure".into()).unwrap());
    let norway_west = azure
        .iter()
        .find(|r| get(r, "code") == "norwaywest")
        .unwrap();
    assert_eq!(get(&norway_west, "restricted"), JsValue::TRUE);
    assert_eq!(get(&norway_west, "name"), "Norway West");
    assert!(!azure.iter().any(|r| get(&r, "code") == "usgovvirginia"));
    assert_eq!(Array::from(&regions("gcp".into()).unwrap()).length(), 0);
}

#[test]
fn version_is_the_crate_version() {
    assert_eq!(version(), env!("CARGO_PKG_VERSION"));
}

#[test]
fn labels_are_the_cores_words_for_each_cloud() {
    let aws = labels("aws").unwrap();
    let azure = labels("azure").unwrap();
    // A cloud the core does not know gets the AWS words, as the d.ts says.
    let unknown = labels("gcp").unwrap();
    let mut count = 0;
    for l in privatelink_prep::labels::all() {
        assert_eq!(get(&aws, l.field), l.on(Some(Cloud::Aws)), "{}", l.field);
        assert_eq!(
            get(&azure, l.field),
            l.on(Some(Cloud::Azure)),
            "{}",
            l.field
        );
        assert_eq!(get(&unknown, l.field), l.on(None), "{}", l.field);
        count += 1;
    }
    assert_eq!(Object::keys(&aws.into()).length(), count);
    assert_eq!(
        get(&azure, "changes[].to_account_id"),
        "New Azure subscription ID"
    );
    assert_eq!(
        get(&unknown, "changes[].to_account_id"),
        "New AWS account ID"
    );
}

#[test]
fn text_findings_report_a_key_given_twice_on_its_field() {
    let text = r#"{"cloud": "aws", "company": "Acme", "company": "Acme Ltd"}"#;
    let report = text_findings(text.into()).unwrap();
    let native = privatelink_prep::check_json(text).unwrap().report;
    let repeated: Vec<_> = native
        .diagnostics
        .iter()
        .filter(|d| d.code == "PL008")
        .collect();
    assert_eq!(repeated.len(), 1);
    let d = Array::from(&get(&report, "diagnostics")).get(0);
    assert_eq!(get(&d, "code"), "PL008");
    assert_eq!(get(&d, "field"), "company");
    assert_eq!(get(&d, "message"), repeated[0].message.as_str());
    assert_eq!(get(&report, "valid"), JsValue::TRUE);
    // Nothing for text without a repeated key, nor for a value that is not text.
    for none in [
        JsValue::from_str(r#"{"company": "Acme"}"#),
        JsValue::from_f64(1.0),
    ] {
        let report = text_findings(none).unwrap();
        assert_eq!(Array::from(&get(&report, "diagnostics")).length(), 0);
    }
}
