//! Every user value in every Markdown output (the ticket file with its `Subject:` line, the
//! change ticket, the guide) renders as plain text, checked with a real renderer: comrak, a port
//! of GitHub's cmark-gfm, both as strict CommonMark and with GitHub's extensions (tables,
//! extended autolinks for `www.`, `http://` and bare e-mail addresses, strikethrough, task lists,
//! footnotes, the tag filter).
//!
//! The check is structural: a document rendered with a hostile value in one slot must give
//! exactly the HTML of the same document with a harmless marker in that slot, with the marker
//! replaced by the value as escaped text. Any markup, link, autolink, image, HTML or lost
//! character the value caused would change that HTML.
#![cfg(not(target_arch = "wasm32"))]

mod common;

use privatelink_prep::{check, guide, render, Format};
use serde_json::Value;

/// Letters only: the same in Markdown and in HTML, and valid in every slot.
const MARKER: &str = "Zqmarkerq";

fn corpus() -> Vec<&'static str> {
    include_str!("xss-payloads.txt").lines().collect()
}

/// Hostile values that are still valid names and tokens: Azure resource group, network and
/// Private Link service names, the cluster ID.
const NAMES: &[&str] = &[
    "www.evil.example",
    "evil.example.com",
    "admin.evil.example",
    "rg(www.evil.example)",
    "a_b-c.d",
    "www.x",
    "-rf",
    "x__y__z",
    "a_b_",
    "http",
];

/// The HTML of `md`; raw HTML is kept (as GitHub keeps much of it) so that any shows.
fn html(md: &str, gfm: bool) -> String {
    let mut o = comrak::Options::default();
    o.render.r#unsafe = true;
    if gfm {
        o.extension.autolink = true;
        o.extension.table = true;
        o.extension.strikethrough = true;
        o.extension.tagfilter = true;
        o.extension.tasklist = true;
        o.extension.footnotes = true;
    }
    comrak::markdown_to_html(md, &o)
}

/// Text as comrak writes it into HTML.
fn escape_html(s: &str) -> String {
    s.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
}

/// Where a value goes: a JSON pointer into the document, and how the value is written there
/// (`{}` stands for it).
struct Slot {
    pointer: &'static str,
    template: &'static str,
    values: &'static str,
}

const TEXT: &str = "corpus";
const NAME: &str = "names";

const fn text(pointer: &'static str) -> Slot {
    Slot {
        pointer,
        template: "{}",
        values: TEXT,
    }
}

const fn name(pointer: &'static str, template: &'static str) -> Slot {
    Slot {
        pointer,
        template,
        values: NAME,
    }
}

const PLS: &str = "/subscriptions/0f8fad5b-d9cb-469f-a165-70867728950e/resourceGroups/{}/providers/Microsoft.Network/privateLinkServices/pls-erp";
const PLS_NAMED: &str = "/subscriptions/0f8fad5b-d9cb-469f-a165-70867728950e/resourceGroups/rg/providers/Microsoft.Network/privateLinkServices/{}";

fn set(doc: &Value, slot: &Slot, value: &str) -> Value {
    let mut doc = doc.clone();
    *doc.pointer_mut(slot.pointer).expect(slot.pointer) =
        Value::String(slot.template.replace("{}", value));
    doc
}

/// Every Markdown output of a valid document.
fn outputs(doc: &Value) -> Option<Vec<(&'static str, String)>> {
    let request = check(doc).request?;
    Some(vec![
        ("ticket", render(&request, Format::Markdown).file),
        ("guide", guide::render(&request, Format::Markdown)),
    ])
}

/// Checks every value of the slot's set; returns how many were valid (and so rendered).
fn check_slot(example: &str, doc: &Value, slot: &Slot) -> usize {
    let marked = outputs(&set(doc, slot, MARKER))
        .unwrap_or_else(|| panic!("{example}: the marker is not valid in {}", slot.pointer));
    assert!(
        marked.iter().any(|(_, md)| md.contains(MARKER)),
        "{example}: no output shows {}",
        slot.pointer
    );
    let values = if slot.values == TEXT {
        corpus()
    } else {
        NAMES.to_vec()
    };
    let mut valid = 0;
    for value in &values {
        let Some(got) = outputs(&set(doc, slot, value)) else {
            continue;
        };
        valid += 1;
        for ((what, md), (_, marked_md)) in got.iter().zip(&marked) {
            for gfm in [false, true] {
                let want = outside_code(&html(marked_md, gfm)).replace(MARKER, &escape_html(value));
                let rendered = outside_code(&html(md, gfm));
                assert!(
                    rendered == want,
                    "{example} {what} ({}): {value:?} in {} does not render as plain text:\n{}",
                    if gfm { "GFM" } else { "CommonMark" },
                    slot.pointer,
                    first_difference(&rendered, &want)
                );
            }
        }
    }
    valid
}

/// The HTML with the content of each code block left out: there a value is a shell word,
/// quoted as the shell needs (tests/guide.rs checks the commands), and a code block is inert
/// as long as it stays one, which the comparison of the rest shows.
fn outside_code(html: &str) -> String {
    let mut out = String::with_capacity(html.len());
    let mut rest = html;
    while let Some(start) = rest.find("<pre>") {
        let end = rest[start..]
            .find("</pre>")
            .map(|e| start + e + "</pre>".len())
            .expect("a closed code block");
        out.push_str(&rest[..start]);
        out.push_str("<pre>…</pre>");
        rest = &rest[end..];
    }
    out.push_str(rest);
    out
}

fn first_difference(got: &str, want: &str) -> String {
    for (g, w) in got.lines().zip(want.lines()) {
        if g != w {
            return format!("got:  {g}\nwant: {w}");
        }
    }
    format!(
        "got {} lines, want {}",
        got.lines().count(),
        want.lines().count()
    )
}

fn run(example: &str, slots: &[Slot]) {
    let doc: Value = serde_json::from_str(&common::request(example)).unwrap();
    for slot in slots {
        let valid = check_slot(example, &doc, slot);
        let total = if slot.values == TEXT {
            corpus().len()
        } else {
            NAMES.len()
        };
        // Most values are valid, or the comparison would prove little.
        assert!(
            valid * 10 >= total * 8,
            "{example}: only {valid} of {total} values valid in {}",
            slot.pointer
        );
    }
}

#[test]
fn aws_enablement() {
    run(
        "guide-aws-bidirectional-network.json",
        &[
            text("/company"),
            text("/ports/0/service"),
            text("/endpoint_services/0/ports/1/service"),
        ],
    );
}

#[test]
fn azure_enablement() {
    run(
        "guide-azure-bidirectional-network.json",
        &[
            text("/company"),
            text("/ports/0/service"),
            text("/endpoint_services/0/ports/0/service"),
            name("/customer_network/resource_group", "{}"),
            name("/customer_network/vnet_name", "{}"),
            name("/customer_network/subnet_name", "{}"),
            name("/azure/cluster_id", "{}"),
            name("/endpoint_services/0/name", PLS),
            name("/endpoint_services/0/name", PLS_NAMED),
            name("/adobe_endpoint_service", PLS),
        ],
    );
}

#[test]
fn aws_change() {
    run(
        "change-aws.json",
        &[text("/company"), text("/changes/2/ports/1/service")],
    );
}

#[test]
fn azure_change() {
    run(
        "change-azure.json",
        &[
            text("/company"),
            text("/changes/2/ports/0/service"),
            name("/changes/2/name", PLS),
        ],
    );
}

#[test]
fn the_comparison_catches_live_markdown() {
    // Unescaped, the renderer turns these into a link, an autolink and HTML: the structural
    // comparison sees each.
    for (raw, tag) in [
        ("[x](https://evil.example)", "<a"),
        ("www.evil.example", "<a"),
        ("admin@evil.example", "<a"),
        ("<b>x</b>", "<b>"),
    ] {
        let got = html(&format!("Subject: {raw}\n"), true);
        assert!(got.contains(tag), "{got}");
        assert_ne!(
            got,
            html(&format!("Subject: {MARKER}\n"), true).replace(MARKER, &escape_html(raw))
        );
    }
    // Escaped, they are text.
    let escaped = r"Subject: www\.evil\.example admin\@evil\.example";
    assert_eq!(
        html(escaped, true),
        "<p>Subject: www.evil.example admin@evil.example</p>\n"
    );
}
