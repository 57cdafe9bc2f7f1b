//! Embeds the region tables of `data/` as the core reads them: the rows only, with the columns it
//! uses. The tables keep their source notes and every column of the reference copy; the module
//! (which the page downloads) carries neither.

use std::{env, fs, path::Path};

fn main() {
    let out = env::var("OUT_DIR").expect("cargo sets OUT_DIR");
    // AWS: region, partition, description, note (which says when a region is announced but
    // not yet in service).
    table("data/aws-regions.tsv", &[0, 1, 2, 3], &out);
    // Azure: name, cloud, display name, flags (geography and AZ support are unused).
    table("data/azure-regions.tsv", &[0, 1, 2, 5], &out);
}

fn table(path: &str, keep: &[usize], out: &str) {
    println!("cargo:rerun-if-changed={path}");
    let text = fs::read_to_string(path).unwrap_or_else(|e| panic!("cannot read {path}: {e}"));
    let mut rows = String::new();
    for line in text
        .lines()
        .filter(|l| !l.is_empty() && !l.starts_with('#'))
    {
        let cols: Vec<&str> = line.split('\t').collect();
        assert!(
            cols.len() >= 3,
            "{path}: a row has fewer than 3 columns: {line:?}"
        );
        let kept: Vec<&str> = keep
            .iter()
            .map(|&i| cols.get(i).copied().unwrap_or(""))
            .collect();
        rows.push_str(&kept.join("\t"));
        rows.push('\n');
    }
    let name = Path::new(path).file_name().expect("a file name");
    fs::write(Path::new(out).join(name), rows).expect("OUT_DIR is writable");
}
