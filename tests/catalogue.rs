//! The rule catalogue: one table in code, `docs/rules.md` generated from it.
#![cfg(not(target_arch = "wasm32"))]

mod common;

use privatelink_prep::rules::{self, RULES};

// docs/rules.md holds the whole catalogue, evidence rules included.
#[cfg(feature = "evidence")]
#[test]
fn docs_rules_md_is_current() {
    let path = common::path("docs/rules.md");
    let generated = rules::catalogue_markdown();
    if std::env::var_os("UPDATE_SNAPSHOTS").is_some_and(|v| v == "1") {
        std::fs::write(&path, &generated).unwrap();
    }
    let committed = std::fs::read_to_string(&path).unwrap_or_default();
    assert!(
        committed == generated,
        "docs/rules.md is stale: run `cargo run -q -- rules --format markdown > docs/rules.md`"
    );
}

#[test]
fn codes_are_unique_ordered_and_well_formed() {
    for pair in RULES.windows(2) {
        assert!(
            pair[0].code < pair[1].code,
            "{} before {}",
            pair[0].code,
            pair[1].code
        );
    }
    for r in RULES {
        assert!(
            r.code.len() == 5
                && r.code.starts_with("PL")
                && r.code[2..].bytes().all(|b| b.is_ascii_digit()),
            "{}",
            r.code
        );
        assert!(
            !r.title.is_empty() && !r.help.is_empty() && !r.source.is_empty(),
            "{}",
            r.code
        );
        assert!(
            r.help.ends_with('.'),
            "{} help should be a sentence",
            r.code
        );
        assert_eq!(rules::find(r.code), Some(*r));
    }
}

/// `Rule::concerns`: list indices compare as `[]`, `*` stands for any run of characters, the empty
/// pattern for the document. (Every exact-diagnostic case also asserts it for what it reports.)
#[test]
fn a_rule_concerns_the_fields_it_names() {
    let ssh = &rules::PORT_SSH;
    assert!(ssh.concerns("ports[0].port"));
    // SSH into Adobe only; port 22 on the customer's own service is PL213's.
    assert!(!ssh.concerns("endpoint_services[12].ports[3].port"));
    assert!(rules::PORT_22_OUTBOUND.concerns("endpoint_services[12].ports[3].port"));
    assert!(ssh.concerns("changes[2].ports[0].port"));
    assert!(!ssh.concerns("ports[0].service"));
    assert!(!ssh.concerns("ports"));
    assert!(!ssh.concerns("endpoint_services[0].port"));
    assert!(rules::UNKNOWN_FIELD.concerns("anything[3].at_all"));
    assert!(rules::NOT_AN_OBJECT.concerns(""));
    assert!(!rules::NOT_AN_OBJECT.concerns("company"));
    assert!(rules::NETWORK_ID_DUPLICATE.concerns("customer_network.subnet_ids[4]"));
    assert!(!rules::NETWORK_ID_DUPLICATE.concerns("customer_network.vpc_id"));
    assert!(rules::CHANGE_FIELD_MISSING.concerns("changes[0].environment"));
    assert!(!rules::CHANGE_FIELD_MISSING.concerns("changes"));
    assert_eq!(
        rules::AWS_ACCOUNT_FORMAT.fields().collect::<Vec<_>>(),
        [
            "account_id",
            "changes[].from_account_id",
            "changes[].to_account_id"
        ]
    );
}

/// Every rule is asserted by at least one test: its code appears quoted in a test file.
#[test]
fn every_rule_is_tested() {
    let mut sources = String::new();
    for entry in std::fs::read_dir(common::path("tests")).unwrap() {
        let p = entry.unwrap().path();
        if p.extension().is_some_and(|e| e == "rs") && !p.ends_with("catalogue.rs") {
            sources.push_str(&std::fs::read_to_string(p).unwrap());
        }
    }
    let untested: Vec<&str> = RULES
        .iter()
        .map(|r| r.code)
        .filter(|c| !sources.contains(&format!("\"{c}\"")))
        .collect();
    assert!(untested.is_empty(), "rules without a test: {untested:?}");
}
