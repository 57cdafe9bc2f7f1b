//! What the CLI prints is inert: no control character of a document, a file name or an argument
//! reaches the terminal raw, on stdout or stderr, in any command and format; and its writes fail
//! loudly (a full disk) or quietly (a reader that closed the pipe), never with a panic.
#![cfg(not(target_arch = "wasm32"))]

mod common;

use std::io::Write;
use std::process::{Command, Stdio};

use common::{run, text};
use serde_json::{json, Value};

/// Clear screen and home, set the window title (OSC 0), write the clipboard (OSC 52), an 8-bit
/// CSI (U+009B), DEL, a bidirectional override, and a line break that starts a fake diagnostic.
const HOSTILE: &[&str] = &[
    "\u{1b}[2J\u{1b}[Hvalid: 0 errors",
    "\u{1b}]0;pwned\u{7}",
    "\u{1b}]52;c;ZWNobyBwd25lZA==\u{7}",
    "\u{9b}31m",
    "x\u{7f}y",
    "Acme\u{202e}gnp.exe",
    "ports\nerror[PL000]: fake diagnostic\n  --> company",
];

/// Fails when `out` holds a character a terminal acts on: any control character but the line
/// break, or one that reorders text; or a line that a document's text started.
fn assert_inert(out: &[u8], what: &str) {
    let s = String::from_utf8(out.to_vec()).expect("UTF-8 output");
    for c in s.chars() {
        assert!(
            c == '\n'
                || !(c.is_control()
                    || matches!(c, '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}')),
            "{what}: raw {c:?} in\n{s}"
        );
    }
    assert!(
        !s.lines().any(|l| l.starts_with("error[PL000]")),
        "{what}: a key started a line:\n{s}"
    );
}

/// A valid AWS request with every hostile text as a key (unknown fields: warnings that name
/// them) and, in `bad_company`, as the company (an error that quotes it).
fn document(bad_company: Option<&str>) -> String {
    let mut doc: Value = serde_json::from_str(&common::request("aws-bidirectional.json")).unwrap();
    for (i, h) in HOSTILE.iter().enumerate() {
        doc[*h] = json!(i);
        doc["ports"][0][*h] = json!(h);
    }
    if let Some(c) = bad_company {
        doc["company"] = json!(c);
    }
    serde_json::to_string(&doc).unwrap()
}

#[test]
fn check_escapes_keys_and_values_in_text_and_json() {
    let doc = document(None);
    let out = run(&["check", "-"], Some(&doc));
    assert_eq!(out.status.code(), Some(0));
    assert_inert(&out.stdout, "check text");
    let s = text(&out.stdout);
    // The key is named, visibly escaped, on its own `-->` line.
    assert!(
        s.contains("  --> ports\\nerror[PL000]: fake diagnostic\\n  --> company\n"),
        "{s}"
    );
    assert!(
        s.contains("  --> \\u{1b}]52;c;ZWNobyBwd25lZA==\\u{7}\n"),
        "{s}"
    );
    assert!(s.contains("  --> Acme\\u{202e}gnp.exe\n"), "{s}");
    assert!(s.contains("  --> \\u{9b}31m\n"), "{s}");

    let out = run(&["check", "--format", "json", "-"], Some(&doc));
    assert_inert(&out.stdout, "check json");
    // Still JSON, and the same report as the core's.
    let v: Value = serde_json::from_slice(&out.stdout).unwrap();
    let report = privatelink_prep::check_json(&doc).unwrap().report;
    assert_eq!(v, serde_json::to_value(&report).unwrap());
    assert!(v["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .any(|d| d["field"] == HOSTILE[2]));
}

#[test]
fn echoed_values_are_escaped_on_stdout_and_stderr() {
    for h in HOSTILE {
        let doc = document(Some(&format!("Acme {h}")));
        let out = run(&["check", "-"], Some(&doc));
        assert_eq!(out.status.code(), Some(1), "{h:?}");
        assert_inert(&out.stdout, "check");
        for command in ["ticket", "guide"] {
            for format in ["text", "markdown", "json"] {
                let out = run(&[command, "--format", format, "-"], Some(&doc));
                assert_eq!(out.status.code(), Some(1), "{command} {format} {h:?}");
                assert!(out.stdout.is_empty());
                assert_inert(&out.stderr, command);
                assert!(text(&out.stderr).contains("error[PL102]"));
            }
        }
    }
}

#[test]
fn tickets_and_guides_of_a_valid_request_are_inert() {
    // Valid, with hostile keys: the outputs carry no key, and every value is checked text.
    let doc = document(None);
    for command in ["ticket", "guide"] {
        for format in ["text", "markdown", "json"] {
            let out = run(&[command, "--format", format, "-"], Some(&doc));
            assert_eq!(out.status.code(), Some(0), "{command} {format}");
            assert_inert(&out.stdout, command);
            assert!(out.stderr.is_empty());
        }
    }
}

#[test]
fn file_names_and_arguments_are_escaped() {
    let dir = std::env::temp_dir().join(format!("plp-terminal-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let name = dir.join("req\u{1b}]0;title\u{7}\n\u{1b}[2J.json");
    // Missing, then present but not JSON.
    let out = run(&["check", name.to_str().unwrap()], None);
    assert_eq!(out.status.code(), Some(2));
    assert_inert(&out.stderr, "missing file");
    let err = text(&out.stderr);
    assert!(
        err.contains("req\\u{1b}]0;title\\u{7}\\n\\u{1b}[2J.json"),
        "{err}"
    );
    std::fs::write(&name, "{\"company\": ").unwrap();
    let out = run(&["check", name.to_str().unwrap()], None);
    assert_eq!(out.status.code(), Some(2));
    assert_inert(&out.stderr, "not JSON");
    assert!(text(&out.stderr).contains("is not valid JSON"));
    std::fs::remove_dir_all(&dir).unwrap();

    for args in [
        &["\u{1b}[2Jcheck"][..],
        &["check", "--format", "\u{1b}]0;x\u{7}", "-"][..],
        &["check", "--\u{1b}[31m", "-"][..],
        &["check", "a.json", "\u{1b}[2J"][..],
    ] {
        let out = run(args, None);
        assert_eq!(out.status.code(), Some(2), "{args:?}");
        assert_inert(&out.stderr, "arguments");
    }
}

#[test]
fn a_full_disk_is_an_error_with_its_reason() {
    let Ok(full) = std::fs::OpenOptions::new().write(true).open("/dev/full") else {
        return; // Not Linux: no /dev/full to try.
    };
    let file = common::example("aws-bidirectional.json");
    for args in [
        &["check", &file][..],
        &["guide", &file][..],
        &["rules"][..],
        &["--help"][..],
    ] {
        let out = Command::new(env!("CARGO_BIN_EXE_privatelink-prep"))
            .args(args)
            .stdout(full.try_clone().unwrap())
            .stderr(Stdio::piped())
            .output()
            .unwrap();
        assert_eq!(out.status.code(), Some(2), "{args:?}");
        let err = text(&out.stderr);
        assert!(
            err.starts_with(
                "privatelink-prep: cannot write to standard output: No space left on device"
            ),
            "{args:?}: {err}"
        );
    }
}

#[test]
fn a_closed_pipe_stays_quiet() {
    // The reader closes its end before the command has its input, so every write finds the
    // pipe closed: the `| head -c1` case without a race.
    for command in ["check", "guide"] {
        let mut child = Command::new(env!("CARGO_BIN_EXE_privatelink-prep"))
            .args([command, "-"])
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .unwrap();
        drop(child.stdout.take());
        let mut input = child.stdin.take().unwrap();
        input
            .write_all(common::request("aws-bidirectional.json").as_bytes())
            .unwrap();
        drop(input);
        let out = child.wait_with_output().unwrap();
        assert!(out.stderr.is_empty(), "{command}: {}", text(&out.stderr));
        // The verdict stands: the output was cut by its reader, not by a failure.
        assert_eq!(out.status.code(), Some(0), "{command}");
    }
}

/// `terminal::json` on text of one line (compact JSON, as a library user may write it): DEL,
/// C1 controls, overrides and separators are `\uXXXX` escapes, as in the CLI's pretty JSON.
#[test]
fn one_line_json_is_escaped_too() {
    use privatelink_prep::terminal;
    assert_eq!(
        terminal::json("{\"a\":\"x\u{7f}\u{9b}\u{202e}\u{2028}\u{e0041}y\"}"),
        "{\"a\":\"x\\u007f\\u009b\\u202e\\u2028\\udb40\\udc41y\"}"
    );
    assert_eq!(terminal::json("{\"a\":\"Zürich\"}"), "{\"a\":\"Zürich\"}");
}
