//! Property tests: arbitrary JSON values, arbitrary text and documents built from the real field
//! names go through the parser, the rules and the renderers. Whatever comes in, nothing panics,
//! the report is consistent with the rule catalogue, and a valid request renders a ticket whose
//! three formats keep the user's text inert.
//!
//! 256 cases per property by default; set `PROPTEST_CASES` for a longer run, e.g.
//! `PROPTEST_CASES=20000 cargo test --release --test proptest`.
#![cfg(not(target_arch = "wasm32"))]

use std::collections::BTreeSet;
use std::sync::OnceLock;

use proptest::prelude::*;
use proptest::test_runner::{Config, TestRunner};
use serde_json::{Map, Number, Value};

use privatelink_prep::rules::{self, RULES};
use privatelink_prep::{check, check_json, render, Checked, Format, Request, Severity};

/// The field names of the format, read from the JSON Schema that a test keeps equal to the Rust
/// types: the top-level fields of every kind of document, and every field name at any depth.
struct Fields {
    top: Vec<String>,
    all: Vec<String>,
}

fn fields() -> &'static Fields {
    static FIELDS: OnceLock<Fields> = OnceLock::new();
    FIELDS.get_or_init(|| {
        let path = concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/schema/privatelink-request.schema.json"
        );
        let schema: Value = serde_json::from_str(&std::fs::read_to_string(path).unwrap()).unwrap();
        let mut top = BTreeSet::new();
        for kind in schema["anyOf"]
            .as_array()
            .expect("anyOf of the document kinds")
        {
            let name = kind["$ref"].as_str().unwrap().rsplit('/').next().unwrap();
            let props = schema["$defs"][name]["properties"].as_object().unwrap();
            top.extend(props.keys().cloned());
        }
        fn walk(v: &Value, all: &mut BTreeSet<String>) {
            match v {
                Value::Object(o) => {
                    if let Some(Value::Object(props)) = o.get("properties") {
                        all.extend(props.keys().cloned());
                    }
                    o.values().for_each(|x| walk(x, all));
                }
                Value::Array(a) => a.iter().for_each(|x| walk(x, all)),
                _ => {}
            }
        }
        let mut all = BTreeSet::new();
        walk(&schema, &mut all);
        assert!(
            top.len() >= 14 && all.len() > top.len(),
            "schema fields: {top:?}"
        );
        Fields {
            top: top.into_iter().collect(),
            all: all.into_iter().collect(),
        }
    })
}

/// The example requests of `tests/requests`, each a valid document.
fn examples() -> &'static Vec<(String, Value)> {
    static EXAMPLES: OnceLock<Vec<(String, Value)>> = OnceLock::new();
    EXAMPLES.get_or_init(|| {
        let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/requests");
        let mut out: Vec<(String, Value)> = std::fs::read_dir(dir)
            .unwrap()
            .map(|e| e.unwrap().path())
            .filter(|p| p.extension().is_some_and(|x| x == "json"))
            .map(|p| {
                let text = std::fs::read_to_string(&p).unwrap();
                (
                    p.file_name().unwrap().to_string_lossy().into_owned(),
                    serde_json::from_str(&text).unwrap(),
                )
            })
            .collect();
        out.sort_by(|a, b| a.0.cmp(&b.0));
        assert!(out.len() >= 4, "too few example requests");
        out
    })
}

fn cases() -> u32 {
    std::env::var("PROPTEST_CASES")
        .ok()
        .and_then(|s| s.parse().ok())
        .unwrap_or(256)
}

fn config() -> ProptestConfig {
    ProptestConfig {
        cases: cases(),
        ..ProptestConfig::default()
    }
}

// ---------------------------------------------------------------------------------------------
// Strategies
// ---------------------------------------------------------------------------------------------

/// Text of every kind: unicode, control characters, markup, very long runs.
fn any_text() -> BoxedStrategy<String> {
    prop_oneof![
        4 => any::<String>(),
        2 => "[ -~]{0,40}",
        1 => "[\\x00-\\x1f\\x7f\u{85}\u{2028}\u{2029}\u{202e}\u{200b}\u{feff} a<>&\"']{0,12}",
        1 => prop::collection::vec(any::<char>(), 0..200).prop_map(|c| c.into_iter().collect()),
        1 => (0usize..2500, any::<char>()).prop_map(|(n, c)| c.to_string().repeat(n)),
        1 => prop::sample::select(vec![
            "", " ", "\t", "\n", "production", "staging", "aws", "azure", "pro", "tcp", "udp",
            "bidirectional", "unidirectional", "<script>alert(1)</script>", "[x](javascript:alert(1))",
            "`code`", "\u{0}", "\u{1b}[31m", "𝔘𝔫𝔦𝔠𝔬𝔡𝔢", "e\u{301}", "\u{202e}evil",
        ])
        .prop_map(String::from),
    ]
    .boxed()
}

fn any_number() -> BoxedStrategy<Value> {
    prop_oneof![
        any::<i64>().prop_map(Value::from),
        any::<u64>().prop_map(Value::from),
        (0u64..70000).prop_map(Value::from),
        (-5i64..5).prop_map(Value::from),
        any::<f64>().prop_map(|f| Number::from_f64(f).map_or(Value::Null, Value::Number)),
        (-1e6f64..1e6).prop_map(|f| Number::from_f64(f).map_or(Value::Null, Value::Number)),
        Just(Value::from(u64::MAX)),
        Just(Value::from(i64::MIN)),
    ]
    .boxed()
}

fn any_key() -> BoxedStrategy<String> {
    prop_oneof![
        3 => prop::sample::select(fields().all.clone()),
        1 => prop::sample::select(fields().all.clone()).prop_map(|f| f.to_uppercase()),
        1 => any_text(),
    ]
    .boxed()
}

/// Any JSON value, nested, with keys drawn from both the real field names and anything at all.
fn any_json() -> BoxedStrategy<Value> {
    let leaf = prop_oneof![
        Just(Value::Null),
        any::<bool>().prop_map(Value::Bool),
        any_number(),
        any_text().prop_map(Value::String),
    ];
    leaf.prop_recursive(5, 96, 10, |inner| {
        prop_oneof![
            prop::collection::vec(inner.clone(), 0..10).prop_map(Value::Array),
            prop::collection::vec((any_key(), inner), 0..12)
                .prop_map(|kv| Value::Object(kv.into_iter().collect())),
        ]
    })
    .boxed()
}

/// `good` most of the time, `bad` sometimes, and now and then an arbitrary value.
fn mostly(good: BoxedStrategy<Value>, bad: BoxedStrategy<Value>) -> BoxedStrategy<Value> {
    prop_oneof![60 => good, 2 => bad, 1 => any_json()].boxed()
}

fn strs(items: &'static [&'static str]) -> BoxedStrategy<Value> {
    prop::sample::select(items)
        .prop_map(|s| Value::String(s.into()))
        .boxed()
}

const AWS_REGIONS: &[&str] = &[
    "us-east-1",
    "eu-west-1",
    "eu-central-1",
    "ap-southeast-2",
    "ca-central-1",
];
const AWS_ODD_REGIONS: &[&str] = &[
    "eu-west1",
    "Europe (Ireland)",
    " US-EAST-1 ",
    "us-gov-west-1",
    "cn-north-1",
    "westeurope",
    "mars-north-1",
];
const AZURE_REGIONS: &[&str] = &["eastus2", "westeurope", "northeurope", "uksouth"];
const AZURE_ODD_REGIONS: &[&str] = &[
    "West Europe",
    "westeruope",
    "usgovvirginia",
    "chinaeast2",
    "australiacentral2",
    "eu-west-1",
];

fn hex(n: usize) -> BoxedStrategy<String> {
    prop::collection::vec(prop::sample::select(&b"0123456789abcdef"[..]), n)
        .prop_map(|v| String::from_utf8(v).unwrap())
        .boxed()
}

fn uuid() -> BoxedStrategy<String> {
    (hex(8), hex(4), hex(4), hex(4), hex(12), any::<bool>())
        .prop_map(|(a, b, c, d, e, upper)| {
            let s = format!("{a}-{b}-{c}-{d}-{e}");
            if upper {
                s.to_uppercase()
            } else {
                s
            }
        })
        .boxed()
}

fn service_name() -> BoxedStrategy<Value> {
    mostly(
        prop_oneof![
            strs(&["Webserver HTTP", "SFTP", "MySQL", "ERP [SOAP]", "A&B <api>"]),
            "[ -~]{1,30}".prop_map(Value::String),
        ]
        .boxed(),
        prop_oneof![
            strs(&["SSH", "ssh tunnel", "", "line\nbreak"]),
            any_text().prop_map(Value::String),
        ]
        .boxed(),
    )
}

fn port_entry() -> BoxedStrategy<Value> {
    let port = mostly(
        prop_oneof![
            (1u64..65534).prop_map(Value::from),
            (1u64..65534).prop_map(|p| Value::String(p.to_string())),
        ]
        .boxed(),
        prop_oneof![
            prop::sample::select(vec![0u64, 22, 443, 65534, 65535, 65536, 1 << 40])
                .prop_map(Value::from),
            strs(&[
                "",
                " 80 ",
                "-1",
                "80.5",
                "eighty",
                "99999999999999999999999"
            ]),
            any_number(),
            any::<bool>().prop_map(Value::Bool),
        ]
        .boxed(),
    );
    let protocol = prop_oneof![
        15 => Just(None),
        15 => Just(Some(Value::String("tcp".into()))),
        5 => Just(Some(Value::String("UDP".into()))),
        1 => any_json().prop_map(Some),
    ];
    let extra = prop::option::weighted(0.05, (any_key(), any_json()));
    (service_name(), port, protocol, extra)
        .prop_map(|(service, port, protocol, extra)| {
            let mut m = Map::new();
            m.insert("service".into(), service);
            m.insert("port".into(), port);
            if let Some(p) = protocol {
                m.insert("protocol".into(), p);
            }
            if let Some((k, v)) = extra {
                m.insert(k, v);
            }
            Value::Object(m)
        })
        .boxed()
}

fn port_list(max: usize) -> BoxedStrategy<Value> {
    prop_oneof![
        30 => prop::collection::vec(port_entry(), 1..max).prop_map(Value::Array),
        1 => prop::collection::vec(port_entry(), 0..60).prop_map(Value::Array),
        1 => any_json(),
    ]
    .boxed()
}

fn endpoint_name(azure: bool, region: String) -> BoxedStrategy<Value> {
    let good = if azure {
        let r = region.clone();
        prop_oneof![
            ("[a-z][a-z0-9-]{0,10}", uuid()).prop_map(move |(prefix, guid)| Value::String(
                format!("{prefix}.{guid}.{r}.azure.privatelinkservice")
            )),
            (uuid(), "[a-z][a-z0-9_.()-]{0,12}[a-z]", "[a-z][a-z0-9]{0,10}").prop_map(
                |(sub, rg, name)| Value::String(format!(
                    "/subscriptions/{sub}/resourceGroups/{rg}/providers/Microsoft.Network/privateLinkServices/{name}"
                ))
            ),
        ]
        .boxed()
    } else {
        let r = region.clone();
        hex(17)
            .prop_map(move |h| Value::String(format!("com.amazonaws.vpce.{r}.vpce-svc-{h}")))
            .boxed()
    };
    let bad = prop_oneof![
        hex(17).prop_map(|h| Value::String(format!("com.amazonaws.vpce.eu-west-2.vpce-svc-{h}"))),
        hex(17)
            .prop_map(|h| Value::String(format!("cn.com.amazonaws.vpce.cn-north-1.vpce-svc-{h}"))),
        (uuid(), any_text())
            .prop_map(|(g, r)| Value::String(format!("x.{g}.{r}.azure.privatelinkservice"))),
        any_text().prop_map(|r| Value::String(format!(
            "com.amazonaws.vpce.{r}.vpce-svc-0123456789abcdef0"
        ))),
        any_text().prop_map(Value::String),
    ]
    .boxed();
    mostly(good, bad)
}

fn endpoint_entry(azure: bool, region: String) -> BoxedStrategy<Value> {
    let allowed = mostly(
        Just(Value::Bool(true)).boxed(),
        prop_oneof![Just(Value::Bool(false)), Just(Value::Null)].boxed(),
    );
    (endpoint_name(azure, region), port_list(4), allowed)
        .prop_map(|(name, ports, allowed)| {
            let mut m = Map::new();
            m.insert("name".into(), name);
            m.insert("ports".into(), ports);
            m.insert("principal_allowed".into(), allowed);
            Value::Object(m)
        })
        .boxed()
}

fn prerequisites() -> BoxedStrategy<Value> {
    let flag = || {
        mostly(
            Just(Value::Bool(true)).boxed(),
            prop_oneof![Just(Value::Bool(false)), Just(Value::Null)].boxed(),
        )
    };
    (flag(), flag(), flag())
        .prop_map(|(a, b, c)| {
            serde_json::json!({"nlb": a, "endpoint_service": b, "interface_endpoint": c})
        })
        .boxed()
}

fn azure_block() -> BoxedStrategy<Value> {
    let cluster = mostly(
        "[a-z][a-z0-9._-]{3,30}".prop_map(Value::String).boxed(),
        prop_oneof![
            strs(&["", "two words", "a/b"]),
            any_text().prop_map(Value::String)
        ]
        .boxed(),
    );
    let subs = mostly(
        prop::collection::vec(uuid().prop_map(Value::String), 0..3)
            .prop_map(Value::Array)
            .boxed(),
        prop::collection::vec(any_text().prop_map(Value::String), 0..3)
            .prop_map(Value::Array)
            .boxed(),
    );
    (cluster, subs)
        .prop_map(|(c, s)| serde_json::json!({"cluster_id": c, "subscription_ids": s}))
        .boxed()
}

/// A request document built from the real field names, with values that are mostly right and
/// sometimes wrong in every way the format allows, so that both valid and invalid requests come.
fn document() -> BoxedStrategy<Value> {
    (any::<bool>(), any::<bool>())
        .prop_flat_map(|(azure, bidirectional)| {
            let cloud = mostly(
                strs(if azure {
                    &["azure", "Azure", " AZURE "]
                } else {
                    &["aws", "AWS"]
                }),
                strs(&["gcp", "amazon", "microsoft azure", ""]),
            );
            let region = prop::sample::select(if azure { AZURE_REGIONS } else { AWS_REGIONS });
            (Just(azure), Just(bidirectional), cloud, region)
        })
        .prop_flat_map(|(azure, bidirectional, cloud, region)| {
            let region_value = mostly(
                Just(Value::String(region.into())).boxed(),
                strs(if azure {
                    AZURE_ODD_REGIONS
                } else {
                    AWS_ODD_REGIONS
                }),
            );
            let account = if azure {
                mostly(
                    uuid().prop_map(Value::String).boxed(),
                    prop_oneof![strs(&["123456789012", "not-a-uuid"]), any_json()].boxed(),
                )
            } else {
                mostly(
                    prop_oneof![
                        "[0-9]{12}".prop_map(Value::String),
                        "[0-9]{4}-[0-9]{4}-[0-9]{4}".prop_map(Value::String),
                    ]
                    .boxed(),
                    prop_oneof![
                        strs(&["402592597372", "12345678901", ""]),
                        uuid().prop_map(Value::String),
                        (0u64..1_000_000_000_000).prop_map(Value::from),
                    ]
                    .boxed(),
                )
            };
            let project = mostly(
                "[a-z0-9]{13}".prop_map(Value::String).boxed(),
                prop_oneof!["[A-Z0-9]{13}", "[a-z0-9]{0,20}", "[ -~]{13}"]
                    .prop_map(Value::String)
                    .boxed(),
            );
            let plan = mostly(strs(&["pro", "Pro"]), strs(&["starter", "enterprise", ""]));
            let envs = mostly(
                prop::sample::subsequence(vec!["production", "staging"], 1..=2)
                    .prop_map(Value::from)
                    .boxed(),
                prop_oneof![
                    Just(serde_json::json!(["production", "production"])),
                    Just(serde_json::json!(["integration", "master"])),
                    Just(serde_json::json!("production")),
                    Just(serde_json::json!([])),
                ]
                .boxed(),
            );
            let connection = mostly(
                strs(if bidirectional {
                    &["bidirectional", "Bi-directional"]
                } else {
                    &["unidirectional", "Uni directional"]
                }),
                strs(&["both", "one-way", ""]),
            );
            let services = prop::collection::vec(endpoint_entry(azure, region.into()), 1..3)
                .prop_map(Value::Array);
            let services = if bidirectional {
                prop_oneof![12 => services.prop_map(Some), 1 => Just(None), 1 => any_json().prop_map(Some)].boxed()
            } else {
                prop_oneof![12 => Just(None), 1 => services.prop_map(Some)].boxed()
            };
            let prereq = if bidirectional {
                prop_oneof![12 => prerequisites().prop_map(Some), 1 => Just(None)].boxed()
            } else {
                prop_oneof![12 => Just(None), 1 => prerequisites().prop_map(Some)].boxed()
            };
            let azure_value = if azure {
                prop_oneof![12 => azure_block().prop_map(Some), 1 => Just(None)].boxed()
            } else {
                prop_oneof![12 => Just(None), 1 => azure_block().prop_map(Some)].boxed()
            };
            let company = mostly(
                prop_oneof![
                    "[A-Za-z0-9 &<>*_.,()\\[\\]`#!|-]{1,60}",
                    "[^\\p{C}]{1,40}",
                ]
                .prop_map(Value::String)
                .boxed(),
                any_text().prop_map(Value::String).boxed(),
            );
            let extra = prop::option::weighted(0.1, (any_key(), any_json()));
            let version = prop::option::weighted(
                0.2,
                prop_oneof![8 => Just(Value::from(1)), 1 => Just(Value::from(2)), 1 => any_json()],
            );
            (
                (company, Just(cloud), region_value, account, project, plan),
                (envs, connection, port_list(8), services, prereq, azure_value),
                (extra, version),
            )
        })
        .prop_map(
            |(
                (company, cloud, region, account, project, plan),
                (envs, connection, ports, services, prereq, azure),
                (extra, version),
            )| {
                let mut m = Map::new();
                m.insert("company".into(), company);
                m.insert("cloud".into(), cloud);
                m.insert("region".into(), region);
                m.insert("account_id".into(), account);
                m.insert("project_id".into(), project);
                m.insert("plan".into(), plan);
                m.insert("environments".into(), envs);
                m.insert("connection_type".into(), connection);
                m.insert("ports".into(), ports);
                for (k, v) in [
                    ("endpoint_services", services),
                    ("prerequisites", prereq),
                    ("azure", azure),
                    ("version", version),
                ] {
                    if let Some(v) = v {
                        m.insert(k.into(), v);
                    }
                }
                if let Some((k, v)) = extra {
                    m.insert(k, v);
                }
                Value::Object(m)
            },
        )
        .boxed()
}

/// One step of a path into a JSON value.
#[derive(Clone, Debug)]
enum Step {
    Key(String),
    Index(usize),
}

/// Every path into `v` except the root.
fn paths(v: &Value, prefix: &mut Vec<Step>, out: &mut Vec<Vec<Step>>) {
    match v {
        Value::Object(o) => {
            for (k, x) in o {
                prefix.push(Step::Key(k.clone()));
                out.push(prefix.clone());
                paths(x, prefix, out);
                prefix.pop();
            }
        }
        Value::Array(a) => {
            for (i, x) in a.iter().enumerate() {
                prefix.push(Step::Index(i));
                out.push(prefix.clone());
                paths(x, prefix, out);
                prefix.pop();
            }
        }
        _ => {}
    }
}

fn at<'a>(v: &'a mut Value, path: &[Step]) -> Option<&'a mut Value> {
    path.iter().try_fold(v, |v, step| match step {
        Step::Key(k) => v.get_mut(k.as_str()),
        Step::Index(i) => v.get_mut(*i),
    })
}

/// One change to a document: where (an index into its paths), what, and the material.
#[derive(Clone, Debug)]
struct Mutation {
    place: usize,
    op: u8,
    value: Value,
    text: String,
}

fn mutate(doc: &mut Value, m: &Mutation) {
    let mut all = Vec::new();
    paths(doc, &mut Vec::new(), &mut all);
    if all.is_empty() {
        return;
    }
    let path = &all[m.place % all.len()];
    let (last, parent) = path.split_last().unwrap();
    match m.op % 6 {
        // Remove the field or the list element.
        0 => match (at(doc, parent), last) {
            (Some(Value::Object(o)), Step::Key(k)) => {
                o.remove(k);
            }
            (Some(Value::Array(a)), Step::Index(i)) => {
                a.remove(*i);
            }
            _ => {}
        },
        // Repeat a list element.
        1 => {
            if let (Some(Value::Array(a)), Step::Index(i)) = (at(doc, parent), last) {
                let copy = a[*i].clone();
                a.push(copy);
            }
        }
        // Text where there was anything.
        2 => {
            if let Some(v) = at(doc, path) {
                *v = Value::String(m.text.clone());
            }
        }
        // Text added to text.
        3 => {
            if let Some(Value::String(s)) = at(doc, path) {
                s.push_str(&m.text);
            }
        }
        // Text in another case.
        4 => {
            if let Some(Value::String(s)) = at(doc, path) {
                *s = s.to_uppercase();
            }
        }
        // Any value at all.
        _ => {
            if let Some(v) = at(doc, path) {
                *v = m.value.clone();
            }
        }
    }
}

/// An example request of `tests/requests` (any kind), with 0 to 4 random changes.
fn mutated_example() -> BoxedStrategy<Value> {
    let mutation = (any::<usize>(), any::<u8>(), any_json(), any_text()).prop_map(
        |(place, op, value, text)| Mutation {
            place,
            op,
            value,
            text,
        },
    );
    (
        prop::sample::select(examples().clone()),
        prop::collection::vec(mutation, 0..5),
    )
        .prop_map(|((_, mut doc), mutations)| {
            for m in &mutations {
                mutate(&mut doc, m);
            }
            doc
        })
        .boxed()
}

/// JSON-looking text: a serialised value, sometimes cut short or with a character changed.
fn json_text() -> BoxedStrategy<String> {
    prop_oneof![
        2 => any::<String>(),
        1 => "[\\[\\]{}\",:0-9a-z .eE+-]{0,80}",
        3 => (prop_oneof![document(), mutated_example(), any_json()], any::<usize>(), any::<char>(), 0u8..3).prop_map(
            |(v, at, c, how)| {
                let s = if how == 0 {
                    serde_json::to_string_pretty(&v).unwrap()
                } else {
                    serde_json::to_string(&v).unwrap()
                };
                let chars: Vec<char> = s.chars().collect();
                let i = if chars.is_empty() { 0 } else { at % chars.len() };
                match how {
                    1 => chars[..i].iter().collect(),
                    2 => {
                        let mut c2 = chars.clone();
                        if !c2.is_empty() {
                            c2[i] = c;
                        }
                        c2.into_iter().collect()
                    }
                    _ => s,
                }
            }
        ),
    ]
    .boxed()
}

// ---------------------------------------------------------------------------------------------
// The properties
// ---------------------------------------------------------------------------------------------

/// True when `path` is the path grammar: `name([n])?(.name([n])?)*`.
fn is_path(path: &str) -> bool {
    path.split('.').all(|seg| {
        let (name, index) = match seg.split_once('[') {
            Some((n, rest)) => (n, Some(rest)),
            None => (seg, None),
        };
        !name.is_empty()
            && name.bytes().all(|b| b.is_ascii_lowercase() || b == b'_')
            && index.is_none_or(|i| {
                i.strip_suffix(']')
                    .is_some_and(|d| !d.is_empty() && d.bytes().all(|b| b.is_ascii_digit()))
            })
    })
}

fn top_segment(path: &str) -> &str {
    let end = path.find(['.', '[']).unwrap_or(path.len());
    &path[..end]
}

/// Everything that must hold of any report, whatever the input.
fn assert_report(doc: Option<&Value>, checked: &Checked) -> Result<(), TestCaseError> {
    let report = &checked.report;
    let has_error = report
        .diagnostics
        .iter()
        .any(|d| d.severity == Severity::Error);
    prop_assert_eq!(report.valid, checked.request.is_some(), "valid vs request");
    prop_assert_eq!(report.valid, !has_error, "valid vs errors");
    for d in &report.diagnostics {
        let rule = rules::find(d.code);
        prop_assert!(rule.is_some(), "unknown code {}", d.code);
        let rule = rule.unwrap();
        prop_assert!(RULES.iter().any(|r| std::ptr::eq(*r, rule)));
        prop_assert_eq!(d.severity, rule.severity, "severity of {}", d.code);
        prop_assert!(
            rule.concerns(&d.field),
            "{} on `{}`, which its catalogue entry does not name",
            d.code,
            d.field
        );
        prop_assert!(!d.message.trim().is_empty(), "empty message: {:?}", d);
        prop_assert!(
            !d.message.chars().any(char::is_control),
            "message is not one line: {:?}",
            d
        );
        prop_assert!(!d.help.trim().is_empty(), "empty help: {:?}", d);
        prop_assert!(
            d.suggestion.as_deref().is_none_or(|s| !s.is_empty()),
            "empty suggestion: {:?}",
            d
        );
        if d.field.is_empty() {
            continue;
        }
        let top_key = doc
            .and_then(Value::as_object)
            .is_some_and(|o| o.contains_key(&d.field));
        if d.code == rules::UNKNOWN_FIELD.code && top_key {
            // An unknown top-level field is named as written.
            continue;
        }
        prop_assert!(
            fields().top.iter().any(|f| f == top_segment(&d.field)),
            "field {:?} of {} does not start with a known field",
            d.field,
            d.code
        );
        if d.code != rules::UNKNOWN_FIELD.code {
            prop_assert!(is_path(&d.field), "malformed path {:?}", d.field);
        }
    }
    Ok(())
}

/// True when every `<` in a Markdown text is escaped with a backslash.
fn no_raw_angle(md: &str) -> bool {
    let mut chars = md.chars();
    while let Some(c) = chars.next() {
        match c {
            '\\' => {
                chars.next();
            }
            '<' => return false,
            _ => {}
        }
    }
    true
}

/// Everything that must hold of the tickets of a valid request.
fn assert_tickets(doc: &Value, checked: &Checked) -> Result<(), TestCaseError> {
    let Some(request) = &checked.request else {
        return Ok(());
    };
    let company = request.company();
    prop_assert_eq!(Some(company), doc["company"].as_str().map(str::trim));
    let subject = match request {
        Request::Enablement(_) => format!("PrivateLink support for {company}"),
        Request::Change(_) => format!("PrivateLink change for {company}"),
    };
    let text = render(request, Format::Text);
    let md = render(request, Format::Markdown);
    let json = render(request, Format::Json);
    for t in [&text, &md, &json] {
        prop_assert_eq!(&t.subject, &subject);
        prop_assert!(
            !t.subject.chars().any(char::is_control),
            "subject not one line"
        );
        prop_assert!(!t.body.is_empty() && t.body.ends_with('\n'));
    }
    prop_assert!(
        text.body.contains(company),
        "text body lacks the company verbatim"
    );
    prop_assert!(
        no_raw_angle(&md.body),
        "unescaped < in Markdown:\n{}",
        md.body
    );
    let parsed: Value = serde_json::from_str(&json.body)
        .map_err(|e| TestCaseError::fail(format!("JSON ticket does not parse: {e}")))?;
    prop_assert_eq!(parsed["subject"].as_str(), Some(subject.as_str()));
    prop_assert_eq!(parsed["request"]["company"].as_str(), Some(company));
    // The JSON ticket's request is itself a document that checks valid, to the same request.
    let again = check(&parsed["request"]);
    prop_assert!(
        again.report.valid,
        "JSON ticket's request is not valid: {:?}",
        again.report
    );
    // ... and renders the same tickets again: no datum of the ticket is lost or changed on the
    // way (fields the ticket does not carry, like the guide's network details, drop out).
    let again = again.request.unwrap();
    prop_assert_eq!(render(&again, Format::Json), json.clone());
    prop_assert_eq!(render(&again, Format::Text), text.clone());
    // Rendering is deterministic.
    prop_assert_eq!(render(request, Format::Markdown), md);
    Ok(())
}

fn assert_all(doc: &Value) -> Result<(), TestCaseError> {
    let checked = check(doc);
    assert_report(Some(doc), &checked)?;
    prop_assert_eq!(&check(doc), &checked, "check is not deterministic");
    let text = serde_json::to_string(doc).unwrap();
    let via_text = check_json(&text).map_err(|e| TestCaseError::fail(e.message))?;
    prop_assert_eq!(&via_text, &checked, "check_json and check disagree");
    assert_tickets(doc, &checked)
}

proptest! {
    #![proptest_config(config())]

    #[test]
    fn arbitrary_json_values(doc in any_json()) {
        assert_all(&doc)?;
    }

    #[test]
    fn arbitrary_objects_of_real_fields(
        fields in prop::collection::vec((prop::sample::select(fields().top.clone()), any_json()), 0..16),
        kind in prop::sample::select(vec![None, Some("enablement"), Some("change")]),
    ) {
        let mut doc: Map<String, Value> = fields.into_iter().collect();
        if let Some(k) = kind {
            doc.insert("kind".into(), Value::from(k));
        }
        let doc = Value::Object(doc);
        assert_all(&doc)?;
    }

    #[test]
    fn documents_of_real_fields(doc in document()) {
        assert_all(&doc)?;
    }

    #[test]
    fn example_requests_with_random_changes(doc in mutated_example()) {
        assert_all(&doc)?;
    }

    #[test]
    fn arbitrary_text_into_check_json(text in json_text()) {
        match check_json(&text) {
            Ok(checked) => {
                let doc: Option<Value> = serde_json::from_str(&text).ok();
                assert_report(doc.as_ref(), &checked)?;
                if let Some(doc) = doc {
                    assert_tickets(&doc, &checked)?;
                }
            }
            Err(e) => {
                prop_assert!(e.message.starts_with("not valid JSON"), "{}", e.message);
                prop_assert!(e.message.contains("line"), "{}", e.message);
                prop_assert!(serde_json::from_str::<Value>(&text).is_err());
            }
        }
    }
}

/// The document generator must produce valid requests often enough for the ticket properties
/// above to mean something, and invalid ones too.
#[test]
fn document_generator_yields_both_verdicts() {
    let mut runner = TestRunner::new(Config::default());
    let strategy = document();
    let (mut valid, mut invalid, mut bidirectional, mut azure) = (0, 0, 0, 0);
    for _ in 0..400 {
        let doc = strategy.new_tree(&mut runner).unwrap().current();
        let checked = check(&doc);
        if let Some(Request::Enablement(e)) = &checked.request {
            valid += 1;
            if matches!(
                e.connection,
                privatelink_prep::request::Connection::Bidirectional(_)
            ) {
                bidirectional += 1;
            }
            if e.azure.is_some() {
                azure += 1;
            }
        } else {
            invalid += 1;
        }
    }
    eprintln!("valid {valid}, invalid {invalid}, bidirectional {bidirectional}, azure {azure}");
    assert!(
        valid >= 20,
        "only {valid} of 400 generated documents were valid"
    );
    assert!(invalid >= 20, "only {invalid} of 400 were invalid");
    assert!(
        bidirectional >= 5,
        "only {bidirectional} valid bidirectional"
    );
    assert!(azure >= 5, "only {azure} valid Azure");
}

/// A document above 1 MiB is refused before it is read, with a report, not an error.
#[test]
fn oversized_text_is_refused_with_a_report() {
    let big = format!("{{\"company\": \"{}\"}}", "x".repeat(1 << 20));
    let checked = check_json(&big).expect("a report, not a JSON error");
    assert!(!checked.report.valid);
    assert_eq!(checked.report.diagnostics.len(), 1);
    assert_eq!(checked.report.diagnostics[0].code, rules::TOO_LARGE.code);
    let value: Value = serde_json::from_str(&big).unwrap();
    assert_eq!(
        check(&value).report.diagnostics[0].code,
        rules::TOO_LARGE.code
    );
}

/// Nesting deeper than the parser allows is a JSON error, not a stack overflow.
#[test]
fn deep_nesting_is_refused_before_it_is_parsed() {
    // One report for any depth past the limit (the page gives the same one), never a stack
    // overflow or the parser's own recursion limit.
    let deep = format!("{}{}", "[".repeat(100_000), "]".repeat(100_000));
    let deep_obj = format!("{}1{}", "{\"a\":".repeat(50_000), "}".repeat(50_000));
    for text in [deep, deep_obj] {
        let report = check_json(&text).unwrap().report;
        assert_eq!(report.diagnostics.len(), 1);
        assert_eq!(report.diagnostics[0].code, "PL017");
    }
}

#[test]
fn helpers_of_the_properties_work() {
    assert!(is_path("endpoint_services[3].ports[12].port"));
    assert!(is_path("azure.subscription_ids[0]"));
    assert!(!is_path("ports[].port"));
    assert!(!is_path("ports[1]x"));
    assert!(!is_path("Company"));
    assert!(no_raw_angle("a \\<b\\> \\\\\\<"));
    assert!(!no_raw_angle("a \\\\<b"));
    assert_eq!(top_segment("ports[0].port"), "ports");
    assert_eq!(top_segment("azure.cluster_id"), "azure");
    let mut doc = serde_json::json!({"a": [1, {"b": "x"}]});
    let mut all = Vec::new();
    paths(&doc, &mut Vec::new(), &mut all);
    assert_eq!(all.len(), 4);
    mutate(
        &mut doc,
        &Mutation {
            place: 3,
            op: 3,
            value: Value::Null,
            text: "y".into(),
        },
    );
    assert_eq!(doc, serde_json::json!({"a": [1, {"b": "xy"}]}));
    mutate(
        &mut doc,
        &Mutation {
            place: 1,
            op: 0,
            value: Value::Null,
            text: String::new(),
        },
    );
    assert_eq!(doc, serde_json::json!({"a": [{"b": "xy"}]}));
}

/// Found by the properties above: the region inside an Azure alias or an AWS service name went
/// into the PL305 message raw, so a control character (a terminal escape, a line break) or a
/// thousand characters reached the report. It is quoted like every other user value now.
#[test]
fn region_inside_an_endpoint_name_is_quoted_in_the_message() {
    for (cloud, region, account, name) in [
        (
            "azure",
            "eastus2",
            "7c9e6679-7425-40de-944b-e07fc1f90ae7",
            "x.0f8fad5b-d9cb-469f-a165-70867728950e.\u{1b}[31mred\nline.azure.privatelinkservice"
                .to_string(),
        ),
        (
            "aws",
            "us-east-1",
            "123456789012",
            format!(
                "com.amazonaws.vpce.{}.vpce-svc-0a1b2c3d4e5f60718",
                "\u{1b}[2J".repeat(200)
            ),
        ),
    ] {
        let mut doc: Value = serde_json::from_str(&common_request(cloud)).unwrap();
        doc["region"] = Value::from(region);
        doc["account_id"] = Value::from(account);
        doc["endpoint_services"][0]["name"] = Value::from(name);
        let report = check(&doc).report;
        let d = report
            .diagnostics
            .iter()
            .find(|d| d.code == rules::ENDPOINT_REGION_MISMATCH.code)
            .unwrap_or_else(|| panic!("no PL305 in {report:?}"));
        assert_eq!(d.field, "endpoint_services[0].name");
        assert!(!d.message.chars().any(char::is_control), "{:?}", d.message);
        assert!(d.message.chars().count() < 300, "{:?}", d.message);
    }
}

fn common_request(cloud: &str) -> String {
    let name = format!("{cloud}-bidirectional.json");
    let path = format!("{}/tests/requests/{name}", env!("CARGO_MANIFEST_DIR"));
    std::fs::read_to_string(path).unwrap()
}
