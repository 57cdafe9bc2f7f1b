//! Behaviour that mutation testing (`bash scripts/mutants.sh`) found unchecked, asserted as the
//! user sees it: the exact diagnostic, with the labels and quoted values its message holds.
#![cfg(not(target_arch = "wasm32"))]

mod common;

use common::case;
use privatelink_prep::Severity::{Error as E, Info as I};
use serde_json::{json, Value};

const SVC_A: &str = "com.amazonaws.vpce.us-east-1.vpce-svc-0a1b2c3d4e5f60718";
const SVC_B: &str = "com.amazonaws.vpce.us-east-1.vpce-svc-0fedcba9876543210";

/// A label's position counts from the last list index only: the third port of the second
/// endpoint service is "Port 3", not "Port 13".
#[test]
fn a_nested_entry_is_named_by_its_own_position() {
    case(
        "aws-bidirectional.json",
        json!({"endpoint_services": [
            {"name": SVC_A, "ports": [{"service": "ERP API", "port": 8443}], "principal_allowed": true},
            {"name": SVC_B, "ports": [
                {"service": "PIM database", "port": 5432},
                {"service": "PIM admin", "port": 5433},
                "x"
            ], "principal_allowed": true}
        ]}),
        &[
            (
                "PL206",
                I,
                "ports[1].port",
                "Port 443 (HTTPS) is supported on AWS, though older guidance excluded it.",
                None,
            ),
            (
                "PL005",
                E,
                "endpoint_services[1].ports[2]",
                "Port 3: give an object with service, port and protocol, not the text \"x\".",
                None,
            ),
        ],
    );
}

/// Only the digits of a list index are dropped when a field is matched against the catalogue and
/// the labels: `ports[0].port2` (an unknown field) is not the port of `ports[0]`.
#[test]
fn a_field_with_digits_in_its_name_is_not_a_shorter_one() {
    use privatelink_prep::{labels, rules};
    let ssh = &rules::PORT_SSH;
    assert!(ssh.concerns("ports[0].port"));
    assert!(!ssh.concerns("ports[0].port2"));
    assert!(!ssh.concerns("ports[10].port22"));
    assert_eq!(
        labels::label("ports[0].port", None).as_deref(),
        Some("Port")
    );
    assert_eq!(labels::label("ports[0].port2", None), None);
    assert_eq!(labels::name("ports[0].port2", None), "ports[0].port2");
}

/// The names the browser binding gives the values JSON cannot hold (`Unjson::parse`), each read
/// as its kind: the diagnostic names what the host passed.
#[test]
fn each_value_json_cannot_hold_is_named() {
    use privatelink_prep::host::{check_marked, Kind, Mark, Step, Unjson};
    let mut doc: serde_json::Value =
        serde_json::from_str(&common::request("aws-unidirectional.json")).unwrap();
    doc["company"] = serde_json::Value::Null;
    let text = doc.to_string();
    let company = |name: &str| {
        let kind = Unjson::parse(name).unwrap_or_else(|| panic!("{name} is a mark"));
        let checked = check_marked(
            &text,
            &[Mark {
                steps: vec![Step::Key("company".into())],
                kind: Kind::Unjson(kind),
            }],
        );
        assert!(checked.request.is_none());
        checked
            .report
            .diagnostics
            .iter()
            .map(|d| format!("{} {}: {}", d.code, d.field, d.message))
            .collect::<Vec<_>>()
    };
    for (name, what) in [
        ("bigint", "a BigInt"),
        ("symbol", "a Symbol"),
        ("function", "a function"),
        ("nan", "NaN"),
        ("infinity", "an infinite number"),
        ("cycle", "a list or object that contains itself"),
    ] {
        assert_eq!(
            company(name),
            [format!(
                "PL015 company: Company name is {what}, which JSON cannot hold."
            )],
            "{name}"
        );
    }
    // A value cut for its depth gives the report the CLI gives for the same nesting.
    assert_eq!(
        company("deep"),
        ["PL017 : The document nests lists and objects more than 64 deep; no field of a request is nested more than five."]
    );
    for other in ["", "BigInt", "undefined", "number"] {
        assert_eq!(Unjson::parse(other), None, "{other}");
    }
}

/// JSON text is read with its negative numbers: the message quotes the number the user wrote.
#[test]
fn a_negative_number_in_json_text_is_read() {
    let checked = privatelink_prep::check_json(
        r#"{"kind": "enablement", "version": 1, "ports": [{"service": "Web", "port": -1}]}"#,
    )
    .unwrap();
    let port: Vec<_> = checked
        .report
        .diagnostics
        .iter()
        .filter(|d| d.field == "ports[0].port")
        .map(|d| (d.code, d.message.as_str()))
        .collect();
    assert_eq!(
        port,
        [(
            "PL203",
            "Port -1 is out of range; ports run from 1 to 65535."
        )]
    );
}

/// The AWS limit of 50 ports per endpoint service, at the port: 50 are fine, 51 are refused.
#[test]
fn fifty_ports_are_allowed_and_fifty_one_refused() {
    let ports = |n: u16| {
        json!({"ports": (0..n)
            .map(|i| json!({"service": format!("S{i}"), "port": 10000 + i}))
            .collect::<Vec<_>>()})
    };
    case("aws-unidirectional.json", ports(50), &[]);
    case(
        "aws-unidirectional.json",
        ports(51),
        &[(
            "PL208",
            E,
            "ports",
            "51 ports are listed, but one AWS endpoint service can carry at most 50.",
            None,
        )],
    );
}

/// A service name of 100 characters is kept; one more is refused, quoted shortened.
#[test]
fn a_service_name_of_100_characters_is_the_longest() {
    let service = |n: usize| json!({"ports": [{"service": "s".repeat(n), "port": 8443}]});
    case("aws-unidirectional.json", service(100), &[]);
    let message = format!(
        "The service name \"{}…\" must be one line of at most 100 characters.",
        "s".repeat(60)
    );
    let message: &'static str = Box::leak(message.into_boxed_str());
    case(
        "aws-unidirectional.json",
        service(101),
        &[("PL210", E, "ports[0].service", message, None)],
    );
}

/// A port is read from JSON text however the number is written: `8443.0` is port 8443 and
/// `70000.0` is out of range as 70000 is; text that is no number is named as such.
#[test]
fn a_port_is_read_however_it_is_written() {
    let port = |p: &str| {
        let text = format!(
            r#"{{"kind": "enablement", "version": 1, "cloud": "aws", "ports": [{{"service": "Web", "port": {p}}}]}}"#
        );
        privatelink_prep::check_json(&text)
            .unwrap()
            .report
            .diagnostics
            .iter()
            .filter(|d| d.field == "ports[0].port")
            .map(|d| format!("{} {}", d.code, d.message))
            .collect::<Vec<_>>()
    };
    assert_eq!(port("8443.0"), Vec::<String>::new());
    assert_eq!(port("8.443e3"), Vec::<String>::new());
    // As text: digits, trimmed, up to 20 of them (u64::MAX has 20).
    assert_eq!(port("\" 3306 \""), Vec::<String>::new());
    assert_eq!(
        port("\"99999999999999999999\""),
        ["PL203 Port 99999999999999999999 is out of range; ports run from 1 to 65535 on AWS."]
    );
    assert_eq!(
        port("\"000000000000000000003306\""),
        ["PL202 \"000000000000000000003306\" is not a port number; a port is a whole number such as 3306."]
    );
    assert_eq!(
        port("70000.0"),
        ["PL203 Port 70000 is out of range; ports run from 1 to 65535 on AWS."]
    );
    assert_eq!(
        port("\"-5\""),
        ["PL203 Port -5 is out of range; ports run from 1 to 65535 on AWS."]
    );
    assert_eq!(
        port("\"http\""),
        ["PL202 \"http\" is not a port number; a port is a whole number such as 3306."]
    );
}

/// A company name of 100 characters is the longest.
#[test]
fn a_company_name_of_100_characters_is_the_longest() {
    case(
        "aws-unidirectional.json",
        json!({"company": "c".repeat(100)}),
        &[],
    );
    case(
        "aws-unidirectional.json",
        json!({"company": "c".repeat(101)}),
        &[(
            "PL103",
            E,
            "company",
            "The company name is 101 characters long, more than the 100 allowed.",
            None,
        )],
    );
}

/// A cloud named in other words is guessed from any of them: the suggestion is the cloud meant.
#[test]
fn a_cloud_in_other_words_is_guessed() {
    for (cloud, message, guess) in [
        (
            "AWS PrivateLink",
            "The cloud \"AWS PrivateLink\" is neither AWS nor Azure.",
            "aws",
        ),
        (
            "Amazon",
            "The cloud \"Amazon\" is neither AWS nor Azure.",
            "aws",
        ),
        (
            "Azure Private Link",
            "The cloud \"Azure Private Link\" is neither AWS nor Azure.",
            "azure",
        ),
        (
            "Microsoft Cloud",
            "The cloud \"Microsoft Cloud\" is neither AWS nor Azure.",
            "azure",
        ),
    ] {
        case(
            "aws-unidirectional.json",
            json!({ "cloud": cloud }),
            &[("PL112", E, "cloud", message, Some(guess))],
        );
    }
}

/// An AWS account ID given as a number is refused; the text form is offered only when the
/// number is twelve digits, which is what an account ID is.
#[test]
fn an_account_number_is_offered_as_text_only_when_it_has_12_digits() {
    const MESSAGE: &str =
        "AWS account ID must be text in quotes, not a number, so that leading zeros are kept.";
    let account = |n: Value| json!({ "account_id": n });
    case(
        "aws-unidirectional.json",
        account(json!(123456789012_u64)),
        &[("PL005", E, "account_id", MESSAGE, Some("123456789012"))],
    );
    for n in [
        json!(12345),
        json!(-12345678901_i64),
        json!(1234567890123_u64),
    ] {
        case(
            "aws-unidirectional.json",
            account(n),
            &[("PL005", E, "account_id", MESSAGE, None)],
        );
    }
}

/// A connection type in other words is guessed from its start or from "one way" / "two way".
#[test]
fn a_connection_type_in_other_words_is_guessed() {
    for (value, guess) in [
        ("one way", Some("unidirectional")),
        ("uni", Some("unidirectional")),
        ("Two-Way", Some("bidirectional")),
        ("bi", Some("bidirectional")),
        ("sideways", None),
    ] {
        let message =
            format!("The connection type \"{value}\" is neither unidirectional nor bidirectional.");
        let message: &'static str = Box::leak(message.into_boxed_str());
        case(
            "aws-unidirectional.json",
            json!({ "connection_type": value }),
            &[("PL172", E, "connection_type", message, guess)],
        );
    }
}

/// Text that is not one port is explained only when it is one valid port with its protocol, a
/// range, or a list of valid ports; anything else reads as not a port number.
#[test]
fn only_a_port_with_its_protocol_a_range_or_a_list_is_explained() {
    let port = |p: &str| {
        let doc = json!({"kind": "enablement", "version": 1, "cloud": "aws",
            "ports": [{"service": "Web", "port": p}]});
        privatelink_prep::check(&doc)
            .report
            .diagnostics
            .iter()
            .filter(|d| d.field == "ports[0].port")
            .map(|d| (d.code, d.message.clone(), d.suggestion.clone()))
            .collect::<Vec<_>>()
    };
    let not_a_port = |p: &str| {
        vec![(
            "PL202",
            format!("\"{p}\" is not a port number; a port is a whole number such as 3306."),
            None,
        )]
    };
    assert_eq!(
        port("443/tcp"),
        [(
            "PL202",
            "\"443/tcp\" names the protocol too, TCP, which the row has already: enter the port alone, 443.".to_string(),
            Some("443".to_string())
        )]
    );
    assert_eq!(
        port("80 443"),
        [(
            "PL202",
            "\"80 443\" lists 2 ports, 80 and 443, and a row holds one: split it into a row for each.".to_string(),
            None
        )]
    );
    assert_eq!(
        port("8000-8001"),
        [(
            "PL202",
            "\"8000-8001\" is a range of 2 ports, 8000 and 8001; Adobe opens single ports, not ranges: split it into a row for each.".to_string(),
            None
        )]
    );
    assert_eq!(
        port("8000-8010"),
        [(
            "PL202",
            "\"8000-8010\" is a range of 11 ports; Adobe opens single ports, not ranges: add a row for each port your services listen on.".to_string(),
            None
        )]
    );
    // A port out of range, six digits, two protocols, one number alone, a list with a number
    // that is no port, a range the wrong way round or of one port.
    for p in [
        "70000/tcp",
        "000443/tcp",
        "443 tcp udp",
        "80;",
        "80,70000",
        "8010-8000",
        "8000-8000",
    ] {
        assert_eq!(port(p), not_a_port(p), "{p}");
    }
}

/// A whole number written as a float is read exactly up to 2^53 - 1, the largest integer every
/// float below it holds; from 2^53 on it is "a very large number" (no digits it may not hold).
#[test]
fn whole_floats_are_named_exactly_below_two_to_the_53() {
    let base = common::request("aws-unidirectional.json");
    let message = |field: &str, from: &str, to: &str| {
        let text = base.replacen(from, to, 1);
        assert_ne!(text, base, "{from}");
        let checked = privatelink_prep::check_json(&text).unwrap();
        let d = checked
            .report
            .diagnostics
            .into_iter()
            .find(|d| d.field == field)
            .unwrap_or_else(|| panic!("{field} in {to}"));
        d.message
    };
    assert_eq!(
        message(
            "ports[0].port",
            "\"port\": 80",
            "\"port\": 9007199254740991.0"
        ),
        "Port 9007199254740991 is out of range; ports run from 1 to 65535 on AWS."
    );
    assert_eq!(
        message(
            "ports[0].port",
            "\"port\": 80",
            "\"port\": 9007199254740992.0"
        ),
        "The port is a very large number, out of range; ports run from 1 to 65535 on AWS."
    );
    assert_eq!(
        message(
            "version",
            "\"version\": 1",
            "\"version\": 9007199254740991.0"
        ),
        "Format version 9007199254740991 is not supported; this tool reads version 1."
    );
    assert_eq!(
        message(
            "version",
            "\"version\": 1",
            "\"version\": 9007199254740992.0"
        ),
        "The format version must be the number 1, not a very large number."
    );
}
