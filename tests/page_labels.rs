//! The form's labels before the module has loaded: `www/core-labels.js` is generated from the
//! core's label table (src/labels.rs, what `labels(cloud)` returns in the module), so the page can
//! show a typeable form at once and still have one place per label. Stale, this test fails;
//! `UPDATE_SNAPSHOTS=1 cargo test --test page_labels` writes it again.
#![cfg(not(target_arch = "wasm32"))]

mod common;

use privatelink_prep::labels;
use privatelink_prep::regions::Cloud;
use serde_json::{Map, Value};

/// The file's text: one object per cloud, field -> label, in the table's order.
fn generated() -> String {
    let table = |cloud: Cloud| {
        let mut out = Map::new();
        for l in labels::all() {
            out.insert(l.field.to_string(), Value::from(l.on(Some(cloud))));
        }
        Value::Object(out)
    };
    let mut both = Map::new();
    both.insert("aws".into(), table(Cloud::Aws));
    both.insert("azure".into(), table(Cloud::Azure));
    let json = serde_json::to_string_pretty(&Value::Object(both)).unwrap();
    format!(
        "// Generated from src/labels.rs by `UPDATE_SNAPSHOTS=1 cargo test --test page_labels`: do not edit.\n\
         // The core's labels(cloud) for each cloud, which the form shows until the module has loaded\n\
         // (www/labels.js); tests/page_labels.rs fails when this file is stale.\n\
         export default {json};\n"
    )
}

#[test]
fn www_core_labels_js_is_the_core_label_table() {
    let path = common::path("www/core-labels.js");
    let text = generated();
    if std::env::var_os("UPDATE_SNAPSHOTS").is_some_and(|v| v == "1") {
        std::fs::write(&path, &text).unwrap();
    }
    let committed = std::fs::read_to_string(&path).unwrap_or_default();
    assert!(
        committed == text,
        "www/core-labels.js is stale: run `UPDATE_SNAPSHOTS=1 cargo test --test page_labels`"
    );
}
