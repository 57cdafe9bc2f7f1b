//! The XSS corpus (`tests/xss-payloads.txt`, one payload a line) in every free-text field of a
//! valid request: company and the service names, of enablement (AWS and Azure, bidirectional) and
//! change requests. The check treats each payload as plain text (valid, or a clear diagnostic on
//! that field only); the text ticket carries it literally; the Markdown ticket escapes it so that
//! unescaping gives it back and no markup character of it is left raw; the JSON ticket round-trips
//! it.
#![cfg(not(target_arch = "wasm32"))]

use privatelink_prep::rules;
use privatelink_prep::{check, render, Format, Request, Severity};
use serde_json::Value;

fn payloads() -> Vec<&'static str> {
    let all: Vec<&str> = include_str!("xss-payloads.txt").lines().collect();
    assert!(all.len() >= 60, "the corpus has {} payloads", all.len());
    for p in &all {
        assert!(
            !p.is_empty() && p.trim() == *p,
            "payload {p:?} is blank or padded"
        );
    }
    all
}

fn example(name: &str) -> Value {
    let path = format!("{}/tests/requests/{name}", env!("CARGO_MANIFEST_DIR"));
    serde_json::from_str(&std::fs::read_to_string(path).unwrap()).unwrap()
}

/// CommonMark: a backslash before ASCII punctuation stands for that character.
fn unescape(md: &str) -> String {
    let mut out = String::with_capacity(md.len());
    let mut chars = md.chars().peekable();
    while let Some(c) = chars.next() {
        if c == '\\' {
            if let Some(&n) = chars.peek() {
                if n.is_ascii_punctuation() {
                    out.push(n);
                    chars.next();
                    continue;
                }
            }
        }
        out.push(c);
    }
    out
}

/// The characters that would make user text markup, a link, an image, code or HTML.
const MARKUP: &[char] = &[
    '<', '>', '[', ']', '(', ')', '`', '*', '_', '!', '&', '#', '|', '\\', '{', '}', '~', '$',
];

/// Fails when `seg` (user text as rendered in Markdown) has a markup character not escaped.
fn assert_escaped(seg: &str, payload: &str) {
    let mut chars = seg.chars();
    while let Some(c) = chars.next() {
        if c == '\\' {
            assert!(
                chars.next().is_some_and(|n| n.is_ascii_punctuation()),
                "dangling backslash in {seg:?} for {payload:?}"
            );
        } else {
            assert!(
                !MARKUP.contains(&c),
                "raw {c:?} in the Markdown {seg:?} of {payload:?}"
            );
        }
    }
    assert_eq!(
        unescape(seg),
        payload,
        "Markdown does not unescape to the payload"
    );
}

/// The Markdown text from `start` up to the first unescaped `end` character.
fn until_unescaped(s: &str, end: char) -> &str {
    let mut escaped = false;
    for (i, c) in s.char_indices() {
        match c {
            _ if escaped => escaped = false,
            '\\' => escaped = true,
            c if c == end => return &s[..i],
            _ => {}
        }
    }
    s
}

fn line_after<'a>(body: &'a str, prefix: &str) -> &'a str {
    body.lines()
        .find_map(|l| l.strip_prefix(prefix))
        .unwrap_or_else(|| panic!("no line starting {prefix:?} in\n{body}"))
}

/// The service cell of the Markdown table row of `port`.
fn table_service(body: &str, port: u16) -> &str {
    let marker = format!(" | {port} | ");
    let line = body
        .lines()
        .find(|l| l.starts_with("| ") && l.contains(&marker))
        .unwrap_or_else(|| panic!("no table row for port {port} in\n{body}"));
    let end = line.find(&marker).unwrap();
    &line[2..end]
}

/// Where a payload goes in a document, and how to find it again in the tickets.
struct Slot {
    /// The document path, as diagnostics name it.
    field: &'static str,
    set: fn(&mut Value, &str),
    /// The value in the JSON ticket's `request`.
    json: fn(&Value) -> &Value,
    /// The payload as rendered in the Markdown body.
    markdown: fn(&str) -> &str,
    /// True for the company (which is also in the subject).
    company: bool,
}

const PORT: u16 = 4321;
const ES_PORT: u16 = 4322;

/// The company: in both kinds of request, and in the subject too.
fn company_slot() -> Slot {
    Slot {
        field: "company",
        set: |d, p| d["company"] = p.into(),
        json: |r| &r["company"],
        markdown: |b| line_after(b, "- **Company:** "),
        company: true,
    }
}

fn enablement_slots() -> Vec<Slot> {
    vec![
        company_slot(),
        Slot {
            field: "ports[0].service",
            set: |d, p| {
                d["ports"][0]["service"] = p.into();
                d["ports"][0]["port"] = PORT.into();
            },
            json: |r| &r["ports"][0]["service"],
            markdown: |b| table_service(b, PORT),
            company: false,
        },
        Slot {
            field: "endpoint_services[0].ports[0].service",
            set: |d, p| {
                d["endpoint_services"][0]["ports"][0]["service"] = p.into();
                d["endpoint_services"][0]["ports"][0]["port"] = ES_PORT.into();
            },
            json: |r| &r["endpoint_services"][0]["ports"][0]["service"],
            markdown: |b| table_service(b, ES_PORT),
            company: false,
        },
    ]
}

fn change_slots() -> Vec<Slot> {
    vec![
        company_slot(),
        Slot {
            field: "changes[2].ports[0].service",
            set: |d, p| {
                d["changes"][2]["ports"][0]["service"] = p.into();
                d["changes"][2]["ports"][0]["port"] = PORT.into();
            },
            json: |r| &r["changes"][2]["ports"][0]["service"],
            markdown: |b| {
                let marker = format!("{PORT}/TCP (");
                let at = b.find(&marker).expect("the port of the added service") + marker.len();
                until_unescaped(&b[at..], ')')
            },
            company: false,
        },
    ]
}

/// Checks one payload in one slot of one example; true when the request stayed valid.
fn check_payload(example_name: &str, doc: &Value, slot: &Slot, payload: &str) -> bool {
    let mut doc = doc.clone();
    (slot.set)(&mut doc, payload);
    let checked = check(&doc);
    let Some(request) = &checked.request else {
        // Not valid: only because of this field, with a clear diagnostic on it.
        let errors: Vec<_> = checked
            .report
            .diagnostics
            .iter()
            .filter(|d| d.severity == Severity::Error)
            .collect();
        assert!(!errors.is_empty());
        for d in errors {
            assert!(
                d.field == slot.field
                    || (d.code == rules::PORT_SSH.code
                        && d.field == slot.field.replace(".service", ".port")),
                "{example_name}: {payload:?} in {} gave {d:?}",
                slot.field
            );
            assert!(!d.message.is_empty() && !d.help.is_empty());
        }
        return false;
    };
    let subject = match request {
        Request::Enablement(_) => "PrivateLink support for ",
        Request::Change(_) => "PrivateLink change for ",
    };

    let text = render(request, Format::Text);
    assert!(
        text.body.contains(payload),
        "{example_name}: text ticket lacks {payload:?} from {}",
        slot.field
    );
    if slot.company {
        assert_eq!(text.subject, format!("{subject}{payload}"));
        assert!(text
            .body
            .lines()
            .any(|l| l.starts_with("Company:") && l.ends_with(payload)));
    }

    let md = render(request, Format::Markdown);
    assert_escaped((slot.markdown)(&md.body), payload);

    let json = render(request, Format::Json);
    let parsed: Value = serde_json::from_str(&json.body).expect("the JSON ticket parses");
    assert_eq!((slot.json)(&parsed["request"]).as_str(), Some(payload));
    if slot.company {
        assert_eq!(parsed["subject"].as_str(), Some(text.subject.as_str()));
    }
    true
}

fn run(example_name: &str, slots: Vec<Slot>) {
    let doc = example(example_name);
    assert!(check(&doc).report.valid, "{example_name} is not valid");
    let payloads = payloads();
    for slot in &slots {
        let valid = payloads
            .iter()
            .filter(|p| check_payload(example_name, &doc, slot, p))
            .count();
        // The same payloads made too long for the field: a clear diagnostic on that field only.
        for p in &payloads {
            let long = format!("{p} {}", "x".repeat(100));
            assert!(!check_payload(example_name, &doc, slot, &long));
        }
        // Nearly all payloads are short, one-line text: they must be accepted and rendered, or
        // the assertions above would prove nothing.
        assert!(
            valid * 10 >= payloads.len() * 9,
            "{example_name}: only {valid} of {} payloads valid in {}",
            payloads.len(),
            slot.field
        );
    }
}

#[test]
fn xss_corpus_in_aws_bidirectional() {
    run("aws-bidirectional.json", enablement_slots());
}

#[test]
fn xss_corpus_in_azure_bidirectional() {
    run("azure-bidirectional.json", enablement_slots());
}

#[test]
fn xss_corpus_in_change_request() {
    run("change-aws.json", change_slots());
}

#[test]
fn the_markdown_checks_catch_raw_markup() {
    assert_eq!(unescape(r"\<b\> \\ \a"), r"<b> \ \a");
    assert_eq!(until_unescaped(r"a \) b) c", ')'), r"a \) b");
    let raw = std::panic::catch_unwind(|| assert_escaped("<b>", "<b>"));
    assert!(raw.is_err());
    let wrong = std::panic::catch_unwind(|| assert_escaped(r"\<b\>", "<i>"));
    assert!(wrong.is_err());
    assert_escaped(r"\<b\> \[x\]\(y\) \`z\`", "<b> [x](y) `z`");
}
