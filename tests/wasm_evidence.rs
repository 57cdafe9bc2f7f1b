//! The evidence exports of the browser module (feature `evidence`): `evidenceRead`,
//! `evidenceCommands`, and `validate`/`renderTicket` reading evidence in the document.
#![cfg(all(target_arch = "wasm32", feature = "evidence"))]

mod common;

use js_sys::{Reflect, JSON};
use privatelink_prep::wasm::{evidence_commands, evidence_read, render_ticket, validate};
use wasm_bindgen::JsValue;
use wasm_bindgen_test::wasm_bindgen_test as test;

const CALLER: &str = include_str!("evidence/aws-caller-identity.json");
const PERMISSIONS: &str = include_str!("evidence/aws-service-permissions.json");

fn js(json: &str) -> JsValue {
    JSON::parse(json).unwrap()
}

fn get(v: &JsValue, key: &str) -> JsValue {
    Reflect::get(v, &JsValue::from_str(key)).unwrap()
}

fn stringify(v: &JsValue) -> String {
    JSON::stringify(v).unwrap().as_string().unwrap()
}

fn doc() -> serde_json::Value {
    serde_json::from_str(&common::request("aws-bidirectional.json")).unwrap()
}

#[test]
fn evidence_read_recognises_reads_and_fills() {
    let mut d = doc();
    d.as_object_mut().unwrap().remove("account_id");
    d["endpoint_services"][0]["principal_allowed"] = false.into();
    let request = js(&d.to_string());
    let r = evidence_read(request.clone(), "".into(), CALLER.into()).unwrap();
    assert_eq!(
        stringify(&get(&r, "recognised")),
        r#"{"kind":"aws-caller-identity","command":"aws sts get-caller-identity"}"#
    );
    assert_eq!(
        stringify(&get(&r, "fills")),
        r#"[{"field":"account_id","value":"123456789012"}]"#
    );
    assert_eq!(
        stringify(&get(&r, "facts")),
        r#"[{"fact":"account","label":"AWS account ID","value":"123456789012"},{"fact":"partition","label":"AWS partition","value":"aws"}]"#
    );
    let r = evidence_read(request, "endpoint_services[0]".into(), PERMISSIONS.into()).unwrap();
    assert_eq!(
        stringify(&get(&r, "fills")),
        r#"[{"field":"endpoint_services[0].principal_allowed","value":true}]"#
    );
    assert_eq!(stringify(&get(&r, "diagnostics")), "[]");
}

#[test]
fn evidence_read_reports_contradictions_and_unreadable_pastes() {
    let request = js(&doc().to_string());
    let other = CALLER.replace("\"123456789012\"", "\"111122223333\"");
    let r = evidence_read(request.clone(), "".into(), other.into()).unwrap();
    let d = JSON::parse(&stringify(&get(&r, "diagnostics"))).unwrap();
    let first = Reflect::get_u32(&d, 0).unwrap();
    assert_eq!(get(&first, "code"), "PL801");
    assert_eq!(get(&first, "field"), "account_id");
    let r = evidence_read(request.clone(), "".into(), "Account 1234".into()).unwrap();
    assert_eq!(get(&r, "recognised"), JsValue::NULL);
    let first = Reflect::get_u32(&get(&r, "diagnostics"), 0).unwrap();
    assert_eq!(get(&first, "code"), "PL808");
    // A wrong target or a non-string output throws, and the module stays usable.
    assert!(evidence_read(request.clone(), "ports[0]".into(), CALLER.into()).is_err());
    assert!(evidence_read(request.clone(), "".into(), JsValue::from(7)).is_err());
    assert!(evidence_read(request, "".into(), CALLER.into()).is_ok());
}

#[test]
fn evidence_commands_are_filled_with_the_request() {
    let list = evidence_commands(js(&doc().to_string())).unwrap();
    let first = Reflect::get_u32(&list, 0).unwrap();
    assert_eq!(get(&first, "attachTo"), "");
    assert_eq!(
        get(&first, "command"),
        "aws sts get-caller-identity --output=json"
    );
    let second = Reflect::get_u32(&list, 1).unwrap();
    assert_eq!(get(&second, "attachTo"), "endpoint_services[0]");
    assert_eq!(
        get(&second, "command"),
        "aws ec2 describe-vpc-endpoint-service-configurations --service-ids=vpce-svc-0a1b2c3d4e5f60718 --region=us-east-1 --output=json"
    );
}

#[test]
fn validate_and_the_ticket_read_evidence_in_the_document() {
    let mut d = doc();
    d["evidence"] = serde_json::json!([{ "output": serde_json::from_str::<serde_json::Value>(CALLER).unwrap() }]);
    let report = validate(js(&d.to_string())).unwrap();
    assert_eq!(get(&report, "valid"), JsValue::TRUE);
    let ticket = render_ticket(js(&d.to_string()), Some("text".into())).unwrap();
    let body = get(&ticket, "body").as_string().unwrap();
    assert!(
        body.contains("Verified from the customer's own cloud output"),
        "{body}"
    );
    d["evidence"][0]["output"]["Account"] = "111122223333".into();
    let report = validate(js(&d.to_string())).unwrap();
    assert_eq!(get(&report, "valid"), JsValue::FALSE);
}

/// The commands read the request as `validate` does, up to the host's budget (8 MiB of text, a
/// list of at most half a million items); a request beyond it is read as empty: no cloud, so no
/// command.
#[test]
fn evidence_commands_read_the_request_up_to_the_hosts_budget() {
    let eval = |expr: &str| {
        js_sys::Function::new_no_args(&format!("return ({expr});"))
            .call0(&JsValue::NULL)
            .unwrap()
    };
    let region = "cloud: 'aws', region: 'us-east-1', connection_type: 'bidirectional'";
    let ids =
        "endpoint_services: [{ name: 'com.amazonaws.vpce.us-east-1.vpce-svc-0a1b2c3d4e5f60718' }]";
    // Two MiB of company: more than the checks take, but read.
    let big = eval(&format!(
        "{{ {region}, {ids}, company: 'x'.repeat(2 << 20) }}"
    ));
    let list = stringify(&evidence_commands(big).unwrap());
    assert!(
        list.contains("--service-ids=vpce-svc-0a1b2c3d4e5f60718 --region=us-east-1"),
        "{list}"
    );
    // A list over half a million items: not read.
    let over = eval(&format!("{{ {region}, {ids}, ports: new Array(524289) }}"));
    assert_eq!(stringify(&evidence_commands(over).unwrap()), "[]");
}
