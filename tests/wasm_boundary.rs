//! The module's boundary against a hostile or careless host, in Node and headless Chromium:
//! values JSON cannot hold are reported on their field, a request whose reading throws or
//! re-enters the checker fails that call alone, nothing leaves the module unusable, and every
//! input has a bound.
#![cfg(target_arch = "wasm32")]

mod common;

use js_sys::{Array, Function, Object, Reflect, JSON};
use privatelink_prep::wasm::{guide, regions, render_ticket, validate};
use wasm_bindgen::closure::Closure;
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_test::wasm_bindgen_test as test;

fn js(json: &str) -> JsValue {
    JSON::parse(json).unwrap()
}

/// A JS expression's value (the tests' hostile objects are easiest written in JS).
fn eval(expr: &str) -> JsValue {
    Function::new_no_args(&format!("return ({expr});"))
        .call0(&JsValue::NULL)
        .unwrap()
}

fn get(v: &JsValue, key: &str) -> JsValue {
    Reflect::get(v, &JsValue::from_str(key)).unwrap()
}

/// The report's diagnostics as `code field message` lines.
fn lines(report: &JsValue) -> Vec<String> {
    Array::from(&get(report, "diagnostics"))
        .iter()
        .map(|d| {
            format!(
                "{} {} {}",
                get(&d, "code").as_string().unwrap(),
                get(&d, "field").as_string().unwrap(),
                get(&d, "message").as_string().unwrap()
            )
        })
        .collect()
}

fn valid_doc() -> String {
    common::request("aws-unidirectional.json")
}

/// The module still answers a valid request exactly as the core does.
fn assert_still_usable() {
    let report = validate(js(&valid_doc())).unwrap();
    assert_eq!(get(&report, "valid"), JsValue::TRUE);
    let ticket = render_ticket(js(&valid_doc()), None).unwrap();
    let req = privatelink_prep::check_json(&valid_doc())
        .unwrap()
        .request
        .unwrap();
    let native = privatelink_prep::render(&req, privatelink_prep::Format::Text);
    assert_eq!(get(&ticket, "body"), native.body.as_str());
}

#[test]
fn values_json_cannot_hold_are_reported_on_their_field() {
    for (expr, what) in [
        ("10n", "a BigInt"),
        ("Symbol('x')", "a Symbol"),
        ("function () {}", "a function"),
        ("NaN", "NaN"),
        ("-Infinity", "an infinite number"),
    ] {
        let doc = eval(&format!(
            "{{ company: 'A', ports: [{{ service: 'HTTP', port: {expr} }}] }}"
        ));
        let l = lines(&validate(doc).unwrap());
        assert_eq!(
            l.iter()
                .filter(|l| l.contains("ports[0].port"))
                .collect::<Vec<_>>(),
            [&format!(
                "PL015 ports[0].port Port is {what}, which JSON cannot hold."
            )],
            "{expr}"
        );
        // The rest of the document is checked as usual.
        assert!(
            l.iter().any(|l| l.starts_with("PL111 cloud ")),
            "{expr}: {l:?}"
        );
    }
    // The whole document.
    assert_eq!(
        lines(&validate(eval("10n")).unwrap()),
        ["PL015  The document is a BigInt, which JSON cannot hold."]
    );
}

/// A value that is not plain JSON data (a boxed string, an object with a prototype of its own
/// or a `toJSON`) is read as `JSON.stringify` writes it, exactly as the plain value it stands for.
#[test]
fn values_that_are_not_plain_data_are_read_as_json_stringify_writes_them() {
    let doc = valid_doc();
    let report = validate(js(&doc)).unwrap();
    assert_eq!(get(&report, "valid"), JsValue::TRUE);
    let plain = lines(&report);
    for expr in [
        "(() => { const d = DOC; d.company = new String(d.company); return d; })()",
        "Object.assign(Object.create({ inherited: 'not read' }), DOC)",
        "({ toJSON: () => (DOC) })",
        "(() => { const d = DOC; const p = d.ports[0]; d.ports[0] = { toJSON: () => p }; return d; })()",
        "(() => { class Request { constructor(d) { Object.assign(this, d); } } return new Request(DOC); })()",
    ] {
        let value = eval(&expr.replace("DOC", &doc));
        let report = validate(value).unwrap();
        assert_eq!(lines(&report), plain, "{expr}");
        assert_eq!(get(&report, "valid"), JsValue::TRUE, "{expr}");
    }
    // An object without a prototype holding a value JSON cannot: reported on its field.
    let d = eval(&format!(
        "Object.assign(Object.create(null), {doc}, {{ ports: [{{ service: 'HTTP', port: NaN }}] }})"
    ));
    assert_eq!(
        lines(&validate(d).unwrap()),
        ["PL015 ports[0].port Port is NaN, which JSON cannot hold."]
    );
}

/// Text beyond ASCII crosses exactly as the core reads it from a file, wherever it starts in the
/// text (the module makes room for one byte a character first, then for the rest).
#[test]
fn text_beyond_ascii_is_read_exactly() {
    let doc = valid_doc();
    for company in [
        "Zürich Société",
        "東京 商事",
        "Emoji 😀 Ltd",
        "é",
        "😀😀😀😀😀😀😀😀",
    ] {
        let value = eval(&format!("Object.assign({doc}, {{ company: {company:?} }})"));
        let t = render_ticket(value, None).unwrap();
        let subject = get(&t, "subject").as_string().unwrap();
        assert_eq!(subject, format!("PrivateLink support for {company}"));
        let file = get(&t, "file").as_string().unwrap();
        assert!(file.starts_with(&format!("Subject: PrivateLink support for {company}\n\n")));
        assert!(file.ends_with(&get(&t, "body").as_string().unwrap()));
    }
}

/// A frozen piece (kept by its text after the first reading) reads as its unfrozen copy every
/// time: in a new request, deeper than before, past the size budget, and not when a getter in it
/// could give another value.
#[test]
fn a_frozen_piece_is_read_as_its_copy_every_time() {
    // Ports of about 1.5 KB each list: large enough for their text to be kept.
    let ports =
        "Array.from({ length: 40 }, (_, i) => ({ service: 'Service ' + i, port: 2000 + i }))";
    let doc = valid_doc();
    let frozen = format!(
        "globalThis.plpPiece = (() => {{ const f = (v) => {{ if (v && typeof v === 'object') {{ Object.freeze(v); Object.values(v).forEach(f); }} return v; }}; return f({ports}); }})()"
    );
    eval(&frozen);
    let with = |ports: &str, company: &str| {
        eval(&format!(
            "Object.assign({doc}, {{ company: {company}, ports: {ports} }})"
        ))
    };
    for company in ["'Example Ltd'", "'Another Ltd'", "'   '"] {
        let plain = lines(&validate(with(ports, company)).unwrap());
        for _ in 0..2 {
            let kept = lines(&validate(with("globalThis.plpPiece", company)).unwrap());
            assert_eq!(kept, plain, "{company}");
        }
    }
    // Placed deeper than the nesting limit allows, it is refused as its copy is.
    for depth in [60usize, 61, 62, 63, 64] {
        let nest = |inner: &str| format!("{}{inner}{}", "[".repeat(depth), "]".repeat(depth));
        let kept = lines(&validate(with(&nest("globalThis.plpPiece"), "'A'")).unwrap());
        let plain = lines(&validate(with(&nest(ports), "'A'")).unwrap());
        assert_eq!(kept, plain, "at depth {depth}");
    }
    // The budget counts it as it counts the copy: a request too large stays too large.
    let big = |ports: &str| {
        eval(&format!(
            "Object.assign({doc}, {{ ports: Array.from({{ length: 6000 }}, () => {ports}) }})"
        ))
    };
    assert_eq!(
        lines(&validate(big("globalThis.plpPiece")).unwrap()),
        lines(&validate(big(ports)).unwrap())
    );
    // A frozen list with a getter in it may give another value each time: read again each time.
    eval(&format!(
        "(globalThis.plpCount = 0, globalThis.plpGetter = Object.freeze([...{ports}.map(Object.freeze), \
         Object.freeze({{ get service() {{ return 'Counted ' + globalThis.plpCount++; }}, port: 443 }})]))"
    ));
    let body = || {
        let t = render_ticket(with("globalThis.plpGetter", "'A'"), None).unwrap();
        get(&t, "body").as_string().unwrap()
    };
    let (once, twice) = (body(), body());
    assert!(
        once.contains("Counted ") && twice.contains("Counted "),
        "{once}"
    );
    assert_ne!(once, twice);
    // Nor is a list that is not frozen, changed between two readings.
    eval(&format!("globalThis.plpOpen = {ports}"));
    let body = || {
        let t = render_ticket(with("globalThis.plpOpen", "'A'"), None).unwrap();
        get(&t, "body").as_string().unwrap()
    };
    let before = body();
    eval("globalThis.plpOpen[0].service = 'Changed'");
    let after = body();
    assert!(
        !before.contains("Changed") && after.contains("Changed"),
        "{after}"
    );
}

#[test]
fn a_cycle_is_reported_where_it_closes() {
    let doc = eval(&format!(
        "(() => {{ const d = {}; d.ports[0].self = d.ports; return d; }})()",
        valid_doc()
    ));
    let l = lines(&validate(doc).unwrap());
    assert_eq!(
        l,
        ["PL015 ports[0].self ports[0].self is a list or object that contains itself, which JSON cannot hold."]
    );
    // Shared (not circular) values are fine.
    let shared = eval(&format!(
        "(() => {{ const d = {}; d.environments = ['production']; d.x = d.environments; delete d.x; return d; }})()",
        valid_doc()
    ));
    assert_eq!(get(&validate(shared).unwrap(), "valid"), JsValue::TRUE);
}

#[test]
fn nesting_depth_is_refused_as_the_cli_refuses_it() {
    for depth in [63usize, 64, 65, 200, 100_000] {
        let js_doc = eval(&format!(
            "(() => {{ let v = 1; for (let i = 0; i < {}; i++) v = [v]; return {{ company: v }}; }})()",
            depth
        ));
        let text = format!(
            "{{\"company\":{}1{}}}",
            "[".repeat(depth),
            "]".repeat(depth)
        );
        let wasm = lines(&validate(js_doc).unwrap());
        if depth <= 100_000 {
            let native = privatelink_prep::check_json(&text).unwrap();
            let native: Vec<String> = native
                .report
                .diagnostics
                .iter()
                .map(|d| format!("{} {} {}", d.code, d.field, d.message))
                .collect();
            assert_eq!(wasm, native, "depth {depth}");
        }
        if depth >= 64 {
            assert_eq!(wasm.len(), 1, "depth {depth}");
            assert_eq!(
                wasm[0],
                "PL017  The document nests lists and objects more than 64 deep; no field of a request is nested more than five.",
                "depth {depth}"
            );
        }
    }
}

#[test]
fn a_throwing_getter_or_trap_fails_that_call_alone() {
    let hostile = [
        "{ get company() { throw new Error('boom'); } }",
        "new Proxy({}, { ownKeys() { throw new TypeError('no keys'); } })",
        "new Proxy({ company: 1 }, { get() { throw 'a string'; } })",
        "{ toJSON() { throw { message: 'not an Error' }; } }",
        "(() => { const p = Proxy.revocable({}, {}); p.revoke(); return p.proxy; })()",
        "{ get company() { const f = () => f() + 1; return f(); } }",
    ];
    for round in 0..40 {
        for expr in hostile {
            let l = lines(&validate(eval(expr)).unwrap());
            assert_eq!(l.len(), 1, "{expr}");
            assert!(
                l[0].starts_with(
                    "PL016  The request could not be read: reading one of its values threw"
                ),
                "{expr}: {l:?}"
            );
            let err = render_ticket(eval(expr), Some("text".into())).unwrap_err();
            assert_eq!(
                get(&err, "message"),
                "The request has 1 error; no ticket was rendered.",
                "{expr}"
            );
        }
        if round % 10 == 0 {
            assert_still_usable();
        }
    }
    assert_eq!(
        lines(&validate(eval(hostile[0])).unwrap()),
        ["PL016  The request could not be read: reading one of its values threw \"Error: boom\"."]
    );
    assert_still_usable();
}

#[test]
fn a_getter_that_calls_the_checker_again_is_refused_at_once() {
    let doc = js(&valid_doc()).unchecked_into::<Object>();
    // company's getter validates the very document it belongs to: unbounded recursion, were the
    // inner call not refused.
    let target = doc.clone();
    let getter = Closure::<dyn FnMut() -> JsValue>::new(move || {
        let inner = validate(target.clone().into()).unwrap();
        // The inner call is refused, with the core's message, not a stack overflow.
        assert_eq!(
            lines(&inner),
            ["PL016  The request could not be read: reading one of its values called the checker again before this check was done."]
        );
        JsValue::from_str("Example Ltd")
    });
    let desc = Object::new();
    Reflect::set(&desc, &"get".into(), getter.as_ref()).unwrap();
    Reflect::set(&desc, &"enumerable".into(), &JsValue::TRUE).unwrap();
    Object::define_property(&doc, &"company".into(), &desc);
    for _ in 0..100 {
        let report = validate(doc.clone().into()).unwrap();
        assert_eq!(get(&report, "valid"), JsValue::TRUE);
    }
    assert_still_usable();
}

#[test]
fn huge_lists_are_refused_at_once() {
    for expr in [
        "{ ports: new Array(1e8) }",
        "{ ports: (() => { const a = []; a.length = 2 ** 32 - 1; return a; })() }",
        "{ ports: new Uint8Array(1e8) }",
        "new Array(1e8)",
    ] {
        let l = lines(&validate(eval(expr)).unwrap());
        assert_eq!(l.len(), 1, "{expr}");
        assert!(
            l[0].starts_with("PL002  The document is larger than 1 MiB"),
            "{expr}: {l:?}"
        );
    }
    assert_still_usable();
}

/// A list longer than half a million items is refused before anything in it is written out, so
/// the document is refused as a whole, even when a field's text (here the company's) would be
/// the larger part and the core would name that field.
#[test]
fn a_list_over_half_a_million_items_is_refused_before_it_is_read() {
    let over = "{ ports: new Array(524289), company: 'x'.repeat(600000) }";
    let l = lines(&validate(eval(over)).unwrap());
    assert_eq!(l.len(), 1);
    assert!(
        l[0].starts_with("PL002  The document is larger than 1 MiB"),
        "{l:?}"
    );
    // At the limit the list is read, and the core names the field that makes it too large.
    let at = "{ ports: new Array(524288), company: 'x'.repeat(600000) }";
    let l = lines(&validate(eval(at)).unwrap());
    assert_eq!(l.len(), 1);
    assert!(l[0].starts_with("PL002 company "), "{l:?}");
    assert_still_usable();
}

#[test]
fn a_report_lists_a_few_hundred_findings_and_counts_the_rest() {
    let doc = eval(
        "{ cloud: 'aws', connection_type: 'bidirectional', endpoint_services: new Array(300000).fill(0).map(() => ({})) }",
    );
    let report = validate(doc).unwrap();
    let l = lines(&report);
    assert_eq!(l.len(), 201);
    assert!(
        l[200].starts_with("PL018  The report lists the first 200 findings; "),
        "{}",
        l[200]
    );
    assert_eq!(get(&report, "valid"), JsValue::FALSE);
}

#[test]
fn a_million_character_unknown_key_is_one_warning() {
    let doc = js(&valid_doc()).unchecked_into::<Object>();
    Reflect::set(&doc, &"x".repeat(1_000_000).into(), &JsValue::TRUE).unwrap();
    let report = validate(doc.into()).unwrap();
    assert_eq!(get(&report, "valid"), JsValue::TRUE);
    let l = lines(&report);
    assert_eq!(l.len(), 1);
    assert!(l[0].starts_with("PL004 "));
}

#[test]
fn missing_string_arguments_get_a_default_or_the_cores_message() {
    let doc = valid_doc();
    // renderTicket(req) and guide(req): text.
    let text = render_ticket(js(&doc), None).unwrap();
    let explicit = render_ticket(js(&doc), Some("text".into())).unwrap();
    assert_eq!(get(&text, "body"), get(&explicit, "body"));
    assert_eq!(
        guide(js(&doc), None).unwrap(),
        guide(js(&doc), Some("text".into())).unwrap()
    );
    // A format that is not a string: the core's message, and nothing of the host's runs.
    let err = render_ticket(js(&doc), Some(eval("{ toString() { throw 1; } }"))).unwrap_err();
    assert_eq!(
        get(&err, "message"),
        "Unknown ticket format: use text, markdown or json."
    );
    // regions(): the core's message.
    let err = regions(JsValue::UNDEFINED).unwrap_err();
    assert_eq!(
        get(&err, "message"),
        "regions(cloud) needs the cloud: \"aws\" or \"azure\"."
    );
    assert_still_usable();
}
