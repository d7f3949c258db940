//! The boundaries the architecture asks for, checked on the source: `note/` (note format)
//! and `store/` (persistence) do not import each other, and core has no `unsafe`.

use std::path::{Path, PathBuf};

fn sources(dir: &Path) -> Vec<PathBuf> {
    let mut out = Vec::new();
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            out.extend(sources(&path));
        } else if path.extension().is_some_and(|e| e == "rs") {
            out.push(path);
        }
    }
    out
}

fn offenders(module: &str, forbidden: &[&str]) -> Vec<String> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("src")
        .join(module);
    let mut found = Vec::new();
    for file in sources(&dir) {
        let text = std::fs::read_to_string(&file).unwrap();
        for (n, line) in text.lines().enumerate() {
            let code = line.split("//").next().unwrap_or("");
            if forbidden.iter().any(|f| code.contains(f)) {
                found.push(format!("{}:{}: {}", file.display(), n + 1, line.trim()));
            }
        }
    }
    found
}

#[test]
fn note_does_not_import_store() {
    let found = offenders("note", &["crate::store", "super::super::store"]);
    assert!(
        found.is_empty(),
        "note/ imports store/:\n{}",
        found.join("\n")
    );
}

#[test]
fn store_does_not_import_note() {
    let found = offenders("store", &["crate::note", "super::super::note"]);
    assert!(
        found.is_empty(),
        "store/ imports note/:\n{}",
        found.join("\n")
    );
}

#[test]
fn domain_imports_neither_store_nor_note_nor_app() {
    let found = offenders(
        "domain",
        &["crate::store", "crate::note", "crate::app", "crate::sync"],
    );
    assert!(
        found.is_empty(),
        "domain/ is not pure:\n{}",
        found.join("\n")
    );
}

#[test]
fn core_forbids_unsafe_code() {
    let lib =
        std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join("src/lib.rs")).unwrap();
    assert!(lib.contains("#![forbid(unsafe_code)]"));
}
