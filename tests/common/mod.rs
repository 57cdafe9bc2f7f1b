//! Helpers shared by the integration tests.
#![allow(dead_code)]

use std::path::PathBuf;

/// The folder of a test asset, relative to the crate root.
pub fn path(rel: &str) -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join(rel)
}

/// Reads `tests/requests/<name>`. The main examples are compiled in, so that the tests that use
/// them also run under wasm-bindgen-test, where there is no file system.
pub fn request(name: &str) -> String {
    match name {
        "aws-unidirectional.json" => return include_str!("../requests/aws-unidirectional.json").into(),
        "aws-bidirectional.json" => return include_str!("../requests/aws-bidirectional.json").into(),
        "azure-unidirectional.json" => {
            return include_str!("../requests/azure-unidirectional.json").into()
        }
        "azure-bidirectional.json" => {
            return include_str!("../requests/azure-bidirectional.json").into()
        }
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
