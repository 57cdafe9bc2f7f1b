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
        // The snapshot is the subject, a blank line and the body; the file's subject line is
        // escaped in Markdown like every user value.
        let (_, body) = expected.split_once("\n\n").unwrap();
        let subject = match format {
            "markdown" => r"PrivateLink support for Acme Outdoor, Inc\.",
            _ => "PrivateLink support for Acme Outdoor, Inc.",
        };
        assert_eq!(
            text(&out.stdout),
            format!("Subject: {subject}\n\n{body}"),
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

// docs/rules.md holds the whole catalogue, evidence rules included.
#[cfg(feature = "evidence")]
#[test]
fn rules_markdown_is_docs_rules_md() {
    let out = run(&["rules", "--format", "markdown"], None);
    assert_eq!(out.status.code(), Some(0));
    let committed = std::fs::read_to_string(common::path("docs/rules.md")).unwrap();
    assert_eq!(text(&out.stdout), committed);
}

#[test]
fn format_is_read_as_f_and_as_format_equals() {
    let doc = r#"{"company":"Acme"}"#;
    let long = run(&["check", "--format", "json", "-"], Some(doc));
    for args in [
        &["check", "-f", "json", "-"][..],
        &["check", "--format=json", "-"][..],
    ] {
        let out = run(args, Some(doc));
        assert_eq!(out.status.code(), Some(1), "{args:?}");
        assert_eq!(text(&out.stdout), text(&long.stdout), "{args:?}");
    }
    // The last one given wins; the input may come first.
    let out = run(&["check", "-", "--format", "json", "-f", "text"], Some(doc));
    assert!(text(&out.stdout).ends_with("invalid: 8 errors, 0 warnings, 0 infos\n"));
}

#[test]
fn usage_errors_say_what_is_wrong() {
    let usage = |msg: &str| format!("privatelink-prep: {msg}\n\n");
    for (args, expected) in [
        (
            &["check", "--format"][..],
            "privatelink-prep: --format needs a value\n".to_string(),
        ),
        (
            &["check", "-f", "markdown", "-"][..],
            "privatelink-prep: unknown format \"markdown\"; use text, json\n".to_string(),
        ),
        (
            &["schema", "--format=text"][..],
            "privatelink-prep: unknown format \"text\"; use json\n".to_string(),
        ),
        (
            &["check"][..],
            "privatelink-prep: no input given: name a FILE, or - for standard input\n".to_string(),
        ),
        (
            &["ticket", "--bogus", "-"][..],
            usage("unknown option \"--bogus\""),
        ),
        (&["guide", "-", "-x"][..], usage("unknown option \"-x\"")),
        (
            &["check", "a.json", "b.json"][..],
            usage("unexpected argument \"b.json\""),
        ),
        (&["check", "-", "-"][..], usage("unexpected argument \"-\"")),
        (
            &["rules", "extra"][..],
            usage("unexpected argument \"extra\""),
        ),
        (&["schema", "-"][..], usage("unexpected argument \"-\"")),
        (&[][..], usage("no command given")),
        (&["frobnicate"][..], usage("unknown command \"frobnicate\"")),
    ] {
        let out = run(args, Some("{}"));
        assert_eq!(out.status.code(), Some(2), "{args:?}");
        assert!(out.stdout.is_empty(), "{args:?}");
        let err = text(&out.stderr);
        assert!(err.starts_with(&expected), "{args:?}: {err}");
        if expected.ends_with("\n\n") {
            assert!(err.contains("\nUsage:\n"), "{args:?}: {err}");
        } else {
            assert_eq!(err, expected, "{args:?}");
        }
    }
}

/// `{"company":"…"}` of exactly `len` bytes.
fn company_of(len: usize) -> String {
    format!("{{\"company\":\"{}\"}}", "x".repeat(len - 14))
}

#[test]
fn input_is_read_up_to_8_mib_to_name_the_long_value() {
    const MIB: usize = 1 << 20;
    let out = run(&["check", "-"], Some(&company_of(8 * MIB)));
    assert_eq!(out.status.code(), Some(1));
    assert_eq!(
        text(&out.stdout),
        "error[PL002]: Company name is 8191 KiB long, which puts the document over the 1 MiB limit of a request.\n  --> company\n"
            .to_string()
            + "  = help: "
            + privatelink_prep::rules::TOO_LARGE.help
            + "\n\ninvalid: 1 error, 0 warnings, 0 infos\n"
    );
    // One byte more is refused unread.
    let out = run(
        &["check", "--format", "json", "-"],
        Some(&company_of(8 * MIB + 1)),
    );
    assert_eq!(out.status.code(), Some(1));
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(v["diagnostics"][0]["code"], "PL002");
    assert_eq!(v["diagnostics"][0]["field"], "");
    assert_eq!(
        v["diagnostics"][0]["message"],
        "The document is larger than 1 MiB, far beyond the few kilobytes of any request."
    );
}

#[test]
fn a_byte_order_mark_is_skipped() {
    let doc = std::fs::read_to_string(example("aws-unidirectional.json")).unwrap();
    let out = run(&["check", "-"], Some(&format!("\u{feff}{doc}")));
    assert_eq!(out.status.code(), Some(0));
    assert_eq!(text(&out.stdout), "valid: 0 errors, 0 warnings, 0 infos\n");
}

#[test]
fn non_utf8_input_says_so() {
    let path = std::env::temp_dir().join(format!("plp-latin1-{}.json", std::process::id()));
    std::fs::write(&path, b"{\"company\": \"Caf\xe9\"}").unwrap();
    let name = path.to_string_lossy().into_owned();
    let out = run(&["check", &name], None);
    std::fs::remove_file(&path).unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert_eq!(
        text(&out.stderr),
        format!("privatelink-prep: cannot read {name}: it is not UTF-8 text\n")
    );
}

/// `evidence`: what an output is and the facts read from it; exit 0 recognised, 1 not, 2 not
/// JSON or unreadable.
#[cfg(feature = "evidence")]
#[test]
fn evidence_prints_what_an_output_is_and_its_facts() {
    let path = common::path("tests/evidence/aws-caller-identity.json");
    let out = run(&["evidence", path.to_str().unwrap()], None);
    assert_eq!(out.status.code(), Some(0));
    assert_eq!(
        text(&out.stdout),
        "aws-caller-identity: the output of aws sts get-caller-identity\n  AWS account ID: 123456789012\n  AWS partition: aws\n"
    );
    let listeners =
        std::fs::read_to_string(common::path("tests/evidence/aws-listeners.json")).unwrap();
    let out = run(&["evidence", "--format", "json", "-"], Some(&listeners));
    assert_eq!(out.status.code(), Some(0));
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(v["recognised"]["kind"], "aws-listeners");
    assert_eq!(v["recognised"]["command"], "aws elbv2 describe-listeners");
    assert_eq!(v["facts"][1]["value"], "UDP 514");
}

#[cfg(feature = "evidence")]
#[test]
fn evidence_exit_codes_follow_the_other_commands() {
    let out = run(&["evidence", "-"], Some(r#"{"Reservations": []}"#));
    assert_eq!(out.status.code(), Some(1));
    assert!(text(&out.stdout).starts_with("not recognised: "));
    let out = run(&["evidence", "--format=json", "-"], Some("[]"));
    assert_eq!(out.status.code(), Some(1));
    assert_eq!(
        text(&out.stdout),
        "{\n  \"recognised\": null,\n  \"facts\": []\n}\n"
    );
    let out = run(&["evidence", "-"], Some("Account  123456789012"));
    assert_eq!(out.status.code(), Some(2));
    assert_eq!(
        text(&out.stderr),
        "privatelink-prep: standard input is not valid JSON: expected value (line 1, column 1); run the command with --output=json\n"
    );
    assert!(out.stdout.is_empty());
    let big = format!("\"{}\"", "x".repeat(300 * 1024));
    let out = run(&["evidence", "-"], Some(&big));
    assert_eq!(out.status.code(), Some(2));
    assert_eq!(
        text(&out.stderr),
        "privatelink-prep: standard input is larger than 256 KiB, the most of an output that is read\n"
    );
    let out = run(&["evidence", "--format", "markdown", "-"], Some("{}"));
    assert_eq!(out.status.code(), Some(2));
}

#[cfg(feature = "evidence")]
#[test]
fn evidence_values_reach_the_terminal_escaped() {
    let doc = "{\"UserId\":\"x\",\"Account\":\"123456789012\",\"Arn\":\"arn:aws\\u001b]0;pwned\\u0007:iam::1:u\"}";
    let out = run(&["evidence", "-"], Some(doc));
    assert_eq!(out.status.code(), Some(0));
    let shown = text(&out.stdout);
    assert!(
        !shown.contains('\u{1b}') && !shown.contains('\u{7}'),
        "{shown:?}"
    );
    assert!(
        shown.contains("AWS partition: aws\\u{1b}]0;pwned\\u{7}"),
        "{shown:?}"
    );
}

#[cfg(feature = "evidence")]
#[test]
fn check_and_ticket_read_evidence_in_the_document() {
    let mut doc: serde_json::Value =
        serde_json::from_str(&common::request("aws-bidirectional.json")).unwrap();
    let caller: serde_json::Value = serde_json::from_str(
        &std::fs::read_to_string(common::path("tests/evidence/aws-caller-identity.json")).unwrap(),
    )
    .unwrap();
    doc["evidence"] =
        serde_json::json!([{ "source": "aws sts get-caller-identity", "output": caller }]);
    let out = run(&["ticket", "-"], Some(&doc.to_string()));
    assert_eq!(out.status.code(), Some(0));
    assert!(text(&out.stdout).contains("  - AWS account ID 123456789012: the account the AWS CLI ran in (from aws sts get-caller-identity)\n"));
    doc["evidence"][0]["output"]["Account"] = "111122223333".into();
    let out = run(&["check", "-"], Some(&doc.to_string()));
    assert_eq!(out.status.code(), Some(1));
    assert!(text(&out.stdout).contains("error[PL801]: Cloud output 1 (aws sts get-caller-identity) shows the AWS account 111122223333, not \"123456789012\".\n  --> account_id\n"));
}

/// An output of exactly 256 KiB is read; one byte more is refused before it is parsed.
#[cfg(feature = "evidence")]
#[test]
fn evidence_reads_an_output_of_256_kib_and_refuses_one_byte_more() {
    let identity = r#"{"UserId":"AIDAEXAMPLE","Account":"123456789012","Arn":"arn:aws:iam::123456789012:user/x"}"#;
    let padded = |len: usize| format!("{identity}{}", " ".repeat(len - identity.len()));
    let out = run(&["evidence", "-"], Some(&padded(256 * 1024)));
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    assert!(
        text(&out.stdout).contains("AWS account ID: 123456789012"),
        "{}",
        text(&out.stdout)
    );
    let out = run(&["evidence", "-"], Some(&padded(256 * 1024 + 1)));
    assert_eq!(out.status.code(), Some(2));
    assert_eq!(
        text(&out.stderr),
        "privatelink-prep: standard input is larger than 256 KiB, the most of an output that is read\n"
    );
    assert!(out.stdout.is_empty());
}

/// A finding with a choice lists every value; one whose field splits lists the rows.
#[test]
fn check_text_lists_every_choice_and_the_rows_to_split_into() {
    let doc = r#"{"version": 1, "company": "X", "cloud": "aws", "region": "United States",
        "account_id": "012345678901", "project_id": "yw1unoukjcawe", "plan": "pro",
        "environments": ["production"], "connection_type": "unidirectional",
        "ports": [{"service": "Web", "port": "80,443"}]}"#;
    let out = run(&["check", "-"], Some(doc));
    assert_eq!(out.status.code(), Some(1));
    let shown = text(&out.stdout);
    let lines: Vec<&str> = shown.lines().filter(|l| l.starts_with("  = s")).collect();
    assert_eq!(
        lines,
        [
            "  = suggestions: us-east-1, us-east-2, us-west-1, us-west-2",
            "  = split into rows: 80, 443",
        ],
        "{shown}"
    );
}
