//! The `privatelink-prep` command: output and exit codes.
#![cfg(not(target_arch = "wasm32"))]

mod common;

use common::{example, run, text};

#[test]
fn check_valid_exits_0() {
    let out = run(&["check", &example("aws-unidirectional.json")], None);
    assert_eq!(out.status.code(), Some(0));
    assert_eq!(text(&out.stdout), "valid: 0 errors, 0 warnings, 0 infos\n");
}

#[test]
fn check_with_warnings_is_still_valid() {
    let out = run(&["check", &example("aws-bidirectional.json")], None);
    assert_eq!(out.status.code(), Some(0));
    assert!(text(&out.stdout).ends_with("valid: 0 errors, 1 warning, 1 info\n"));
}

#[test]
fn check_invalid_exits_1_with_rustc_like_text() {
    let doc = r#"{"company":"Acme","cloud":"aws","region":"eu-west1","account_id":"12345","project_id":"yw1unoukjcawe","plan":"pro","environments":["production"],"connection_type":"unidirectional","ports":[{"service":"HTTP","port":80}]}"#;
    let out = run(&["check", "-"], Some(doc));
    assert_eq!(out.status.code(), Some(1));
    common::assert_snapshot("cli-check-invalid.txt", &text(&out.stdout));
}

#[test]
fn check_json_format_is_the_report() {
    let out = run(
        &["check", "--format", "json", "-"],
        Some(r#"{"company":"Acme"}"#),
    );
    assert_eq!(out.status.code(), Some(1));
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(v["valid"], false);
    assert_eq!(v["diagnostics"][0]["code"], "PL111");
    assert_eq!(v["diagnostics"][0]["field"], "cloud");
    assert_eq!(v["diagnostics"][0]["severity"], "error");
}

#[test]
fn not_json_exits_2_with_a_clear_message() {
    let out = run(&["check", "-"], Some("{\"company\": "));
    assert_eq!(out.status.code(), Some(2));
    assert_eq!(
        text(&out.stderr),
        "privatelink-prep: standard input is not valid JSON: EOF while parsing a value (line 1, column 12)\n"
    );
    assert!(out.stdout.is_empty());
}

#[test]
fn unreadable_file_exits_2() {
    let out = run(&["check", "/nonexistent/request.json"], None);
    assert_eq!(out.status.code(), Some(2));
    assert!(
        text(&out.stderr).starts_with("privatelink-prep: cannot read /nonexistent/request.json:")
    );
}

#[test]
fn non_utf8_input_exits_2() {
    let out = run(&["check", "-"], Some("\u{0}"));
    assert_eq!(out.status.code(), Some(2));
}

#[test]
fn oversized_input_is_refused_with_the_rule() {
    let big = format!("{{\"company\": \"{}\"}}", "x".repeat(1 << 20));
    let out = run(&["check", "--format", "json", "-"], Some(&big));
    assert_eq!(out.status.code(), Some(1));
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(v["diagnostics"][0]["code"], "PL002");
}

#[test]
fn usage_errors_exit_2() {
    for args in [
        &[][..],
        &["frobnicate"][..],
        &["check"][..],
        &["check", "--format", "yaml", "-"][..],
        &["ticket", "--bogus", "-"][..],
        &["check", "a.json", "b.json"][..],
    ] {
        let out = run(args, None);
        assert_eq!(out.status.code(), Some(2), "{args:?}");
        assert!(
            text(&out.stderr).starts_with("privatelink-prep: "),
            "{args:?}"
        );
    }
}

#[test]
fn ticket_prints_subject_and_body() {
    for (format, ext) in [("text", "txt"), ("markdown", "md")] {
        let out = run(
            &[
                "ticket",
                "--format",
                format,
                &example("aws-bidirectional.json"),
            ],
            None,
        );
        assert_eq!(out.status.code(), Some(0));
        let expected = std::fs::read_to_string(
            common::path("tests/snapshots").join(format!("ticket-aws-bidirectional.{ext}")),
        )
        .unwrap();
        assert_eq!(
            text(&out.stdout),
            format!("Subject: {expected}"),
            "{format}"
        );
    }
}

#[test]
fn ticket_json_is_the_json_body() {
    let out = run(
        &[
            "ticket",
            "--format=json",
            &example("azure-bidirectional.json"),
        ],
        None,
    );
    assert_eq!(out.status.code(), Some(0));
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(
        v["subject"],
        "PrivateLink support for Fabrikam <Wholesale> & *Sons*"
    );
}

#[test]
fn ticket_of_an_invalid_request_exits_1_with_the_report_on_stderr() {
    let out = run(
        &["ticket", "-"],
        Some(r#"{"company": "Acme", "plan": "starter"}"#),
    );
    assert_eq!(out.status.code(), Some(1));
    assert!(out.stdout.is_empty());
    let err = text(&out.stderr);
    assert!(
        err.contains(
            "error[PL152]: PrivateLink is not available on Starter projects, only on Pro."
        ),
        "{err}"
    );
    assert!(
        err.ends_with("invalid: 8 errors, 0 warnings, 0 infos\n"),
        "{err}"
    );
}

#[test]
fn rules_lists_the_catalogue() {
    let out = run(&["rules"], None);
    assert_eq!(out.status.code(), Some(0));
    let s = text(&out.stdout);
    assert_eq!(s.lines().count(), privatelink_prep::rules::RULES.len());
    assert!(s.starts_with("PL001  error    The document is not a JSON object  ["));
    let json = run(&["rules", "--format", "json"], None);
    let v: serde_json::Value = serde_json::from_slice(&json.stdout).unwrap();
    assert_eq!(
        v.as_array().unwrap().len(),
        privatelink_prep::rules::RULES.len()
    );
}

#[test]
fn version_and_help() {
    let out = run(&["--version"], None);
    assert_eq!(
        text(&out.stdout),
        format!("privatelink-prep {}\n", env!("CARGO_PKG_VERSION"))
    );
    let out = run(&["--help"], None);
    assert_eq!(out.status.code(), Some(0));
    assert!(text(&out.stdout).contains("privatelink-prep check"));
}
