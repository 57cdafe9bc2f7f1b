//! Helpers shared by the integration tests.
#![allow(dead_code)]

use std::path::PathBuf;

use privatelink_prep::{check, check_json, rules, Checked, Report, Severity};
use serde_json::{json, Value};

/// The folder of a test asset, relative to the crate root.
pub fn path(rel: &str) -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join(rel)
}

/// Reads `tests/requests/<name>`. The main examples are compiled in, so that the tests that use
/// them also run under wasm-bindgen-test, where there is no file system.
pub fn request(name: &str) -> String {
    match name {
        "aws-unidirectional.json" => {
            return include_str!("../requests/aws-unidirectional.json").into()
        }
        "aws-bidirectional.json" => {
            return include_str!("../requests/aws-bidirectional.json").into()
        }
        "azure-unidirectional.json" => {
            return include_str!("../requests/azure-unidirectional.json").into()
        }
        "azure-bidirectional.json" => {
            return include_str!("../requests/azure-bidirectional.json").into()
        }
        "change-azure.json" => return include_str!("../requests/change-azure.json").into(),
        _ => {}
    }
    let p = path("tests/requests").join(name);
    std::fs::read_to_string(&p).unwrap_or_else(|e| panic!("cannot read {}: {e}", p.display()))
}

/// Compares `actual` with `tests/snapshots/<name>` byte for byte. With `UPDATE_SNAPSHOTS=1`
/// the file is (re)written instead; review the diff like code.
pub fn assert_snapshot(name: &str, actual: &str) {
    let p = path("tests/snapshots").join(name);
    if std::env::var_os("UPDATE_SNAPSHOTS").is_some_and(|v| v == "1") {
        std::fs::create_dir_all(p.parent().unwrap()).unwrap();
        std::fs::write(&p, actual).unwrap();
        return;
    }
    let expected = std::fs::read_to_string(&p).unwrap_or_else(|_| {
        panic!(
            "snapshot {} is missing; run the tests with UPDATE_SNAPSHOTS=1 and review it",
            p.display()
        )
    });
    if expected != actual {
        panic!(
            "snapshot {} differs; run with UPDATE_SNAPSHOTS=1 to accept the change after review.\n--- expected\n{expected}\n--- actual\n{actual}",
            p.display()
        );
    }
}

/// One expected diagnostic: code, severity, field, message, suggestion.
pub type Expect = (
    &'static str,
    Severity,
    &'static str,
    &'static str,
    Option<&'static str>,
);

/// Applies a JSON merge patch (RFC 7386: `null` removes a field; arrays are replaced whole).
pub fn merge(base: &mut Value, patch: Value) {
    match patch {
        Value::Object(p) => {
            if !base.is_object() {
                *base = json!({});
            }
            let obj = base.as_object_mut().unwrap();
            for (k, v) in p {
                if v.is_null() {
                    obj.remove(&k);
                } else if v.is_object() {
                    merge(obj.entry(k).or_insert(Value::Null), v);
                } else {
                    obj.insert(k, v);
                }
            }
        }
        other => *base = other,
    }
}

/// `tests/requests/<base>` with `patch` applied.
pub fn doc(base: &str, patch: Value) -> Value {
    let mut doc: Value = serde_json::from_str(&request(base)).unwrap();
    merge(&mut doc, patch);
    doc
}

/// Checks `tests/requests/<base>` patched with `patch`; every diagnostic must be as expected,
/// in order, and the request is present exactly when no error is expected.
pub fn case(base: &str, patch: Value, expected: &[Expect]) -> Checked {
    assert_case(
        &doc(base, patch.clone()),
        expected,
        &format!("patch {patch}"),
    )
}

/// Checks `doc`: every diagnostic as expected, in order, each on a field its rule names; the
/// request present exactly when no error is expected; the JSON text entry point agreeing.
/// `what` names the case in failure messages.
pub fn assert_case(doc: &Value, expected: &[Expect], what: &str) -> Checked {
    let checked = check(doc);
    let got: Vec<(String, Severity, String, String, Option<String>)> = checked
        .report
        .diagnostics
        .iter()
        .map(|d| {
            (
                d.code.to_string(),
                d.severity,
                d.field.clone(),
                d.message.clone(),
                d.suggestion.clone(),
            )
        })
        .collect();
    let want: Vec<(String, Severity, String, String, Option<String>)> = expected
        .iter()
        .map(|e| {
            (
                e.0.to_string(),
                e.1,
                e.2.to_string(),
                e.3.to_string(),
                e.4.map(str::to_string),
            )
        })
        .collect();
    assert_eq!(got, want, "{what}");
    assert_catalogued_fields(&checked.report);
    let has_error = expected.iter().any(|e| e.1 == Severity::Error);
    assert_eq!(checked.report.valid, !has_error, "{what}");
    assert_eq!(
        checked.request.is_some(),
        !has_error,
        "{what}: a valid report comes with a request"
    );
    // The same document through the JSON text entry point gives the same report.
    let again = check_json(&serde_json::to_string(doc).unwrap()).unwrap();
    assert_eq!(again.report, checked.report, "{what}");
    checked
}

/// Every diagnostic is reported on a field that its rule's catalogue entry names, so that the
/// catalogue (and `docs/rules.md`, generated from it) tells where each rule can show up.
pub fn assert_catalogued_fields(report: &Report) {
    for d in &report.diagnostics {
        let rule = rules::find(d.code).expect("every code is in the catalogue");
        assert!(
            rule.concerns(&d.field),
            "{} was reported on `{}`, which its catalogue entry does not name: {:?}",
            d.code,
            d.field,
            rule.fields().collect::<Vec<_>>()
        );
    }
}

/// Runs the `privatelink-prep` binary with `args`, feeding `stdin` when given.
#[cfg(not(target_arch = "wasm32"))]
pub fn run(args: &[&str], stdin: Option<&str>) -> std::process::Output {
    use std::io::Write;
    use std::process::{Command, Stdio};
    let mut child = Command::new(env!("CARGO_BIN_EXE_privatelink-prep"))
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let mut input = child.stdin.take().unwrap();
    if let Some(s) = stdin {
        // The command may exit before reading (a usage error): a closed pipe is no failure.
        let _ = input.write_all(s.as_bytes());
    }
    drop(input);
    child.wait_with_output().unwrap()
}

/// The path of `tests/requests/<name>`, for the CLI.
pub fn example(name: &str) -> String {
    path("tests/requests")
        .join(name)
        .to_string_lossy()
        .into_owned()
}

/// Output bytes as text.
pub fn text(b: &[u8]) -> String {
    String::from_utf8(b.to_vec()).unwrap()
}
