//! Golden files: what the code produces, compared byte for byte with a committed file.
//!
//! The note's canonical JSON and text (`tests/fixtures/notes/`), the record and incident JSON
//! Schemas (`docs/*.schema.json`) and the example records' canonical form
//! (`tests/fixtures/records/`) are all checked here. When a change is intended,
//! `SAMTALENOTAT_UPDATE_GOLDEN=1 cargo test -p samtalenotat-core --test core [FILTER]` rewrites
//! the files instead of comparing; review the diff before committing it: a `.note.json`
//! change is a change to the signed, frozen note format, a schema change one to the record
//! format (describe it in docs/record-format.md).

use std::path::Path;

use crate::harness::repo_root;

/// Set to `1` to rewrite the golden files rather than compare with them.
pub const UPDATE_ENV: &str = "SAMTALENOTAT_UPDATE_GOLDEN";

/// Panics unless `actual` is byte for byte the committed file at `relative_path` (from the
/// repository root); the message says where they differ and how to update the file.
#[track_caller]
pub fn assert_golden(relative_path: &str, actual: &str) {
    if let Err(message) = check_golden(relative_path, actual) {
        panic!("{message}");
    }
}

/// [`assert_golden`] for a test that checks many files and reports every one that differs.
pub fn check_golden(relative_path: &str, actual: &str) -> Result<(), String> {
    let path = repo_root().join(relative_path);
    if updating() {
        return write(&path, actual.as_bytes());
    }
    compare(relative_path, std::fs::read(&path), actual.as_bytes())
}

/// The comparison itself, apart from the file system.
fn compare(
    relative_path: &str,
    committed: std::io::Result<Vec<u8>>,
    actual: &[u8],
) -> Result<(), String> {
    let how = format!(
        "If the change is intended, rewrite the file with\n    \
         {UPDATE_ENV}=1 cargo test -p samtalenotat-core --test core {}\n\
         and review the diff before committing it.",
        current_test()
    );
    match committed {
        Ok(expected) if expected == actual => Ok(()),
        Ok(expected) => Err(format!(
            "golden file {relative_path} differs from what the code produces, {}\n{how}",
            first_difference(&expected, actual)
        )),
        Err(e) => Err(format!(
            "golden file {relative_path} cannot be read ({e}).\n{how}"
        )),
    }
}

fn updating() -> bool {
    std::env::var_os(UPDATE_ENV).is_some_and(|v| v == "1")
}

fn write(path: &Path, bytes: &[u8]) -> Result<(), String> {
    // Unchanged files are left alone (no spurious modification times).
    if std::fs::read(path).is_ok_and(|old| old == bytes) {
        return Ok(());
    }
    let parent = path.parent().expect("a golden file has a folder");
    std::fs::create_dir_all(parent).map_err(|e| format!("{}: {e}", parent.display()))?;
    // Whole or not at all: another test may be reading the file (a record fixture) right now.
    let name = path
        .file_name()
        .expect("a golden file has a name")
        .to_string_lossy();
    let temp = parent.join(format!(".{name}.golden-tmp"));
    std::fs::write(&temp, bytes).map_err(|e| format!("{}: {e}", temp.display()))?;
    std::fs::rename(&temp, path).map_err(|e| format!("{}: {e}", path.display()))?;
    eprintln!("rewrote golden file {}", path.display());
    Ok(())
}

/// The running test's name (libtest names its thread after it), to paste as the filter.
fn current_test() -> String {
    std::thread::current()
        .name()
        .filter(|n| *n != "main")
        .unwrap_or("")
        .to_owned()
}

/// Where two byte strings first differ: line, column and a little of each side.
fn first_difference(expected: &[u8], actual: &[u8]) -> String {
    let at = expected
        .iter()
        .zip(actual)
        .position(|(e, a)| e != a)
        .unwrap_or(expected.len().min(actual.len()));
    let line = expected[..at].iter().filter(|&&b| b == b'\n').count() + 1;
    let line_start = expected[..at]
        .iter()
        .rposition(|&b| b == b'\n')
        .map_or(0, |i| i + 1);
    let excerpt = |bytes: &[u8]| {
        let start = at.saturating_sub(30).max(line_start);
        let end = (at + 50).min(bytes.len());
        let text = String::from_utf8_lossy(&bytes[start.min(end)..end]);
        format!("{:?}", text.split('\n').next().unwrap_or(""))
    };
    format!(
        "first at byte {at} (line {line}, column {}); committed {} byte(s), produced {}:\n  \
         committed: …{}\n  produced:  …{}",
        at - line_start + 1,
        expected.len(),
        actual.len(),
        excerpt(expected),
        excerpt(actual)
    )
}

#[test]
fn golden_differences_are_located_and_say_how_to_update() {
    // `compare`, not `check_golden`: with SAMTALENOTAT_UPDATE_GOLDEN=1 set, this test must not
    // write its nonsense into a real golden file.
    let message = compare("docs/x.schema.json", Ok(b"{\"a\":1}\n".to_vec()), b"{}\n").unwrap_err();
    assert!(
        message.starts_with("golden file docs/x.schema.json differs"),
        "{message}"
    );
    assert!(message.contains("line 1, column 2"), "{message}");
    assert!(
        message.contains(
            "SAMTALENOTAT_UPDATE_GOLDEN=1 cargo test -p samtalenotat-core --test core \
             golden::golden_differences_are_located_and_say_how_to_update"
        ),
        "{message}"
    );
    let missing = compare(
        "tests/fixtures/notes/x.note.json",
        Err(std::io::ErrorKind::NotFound.into()),
        b"x",
    )
    .unwrap_err();
    assert!(missing.contains("cannot be read"), "{missing}");
    assert_eq!(compare("same", Ok(b"ab".to_vec()), b"ab"), Ok(()));
    // Byte for byte: a missing final newline is a difference.
    assert!(compare("nl", Ok(b"ab\n".to_vec()), b"ab").is_err());
    assert_eq!(
        first_difference(b"ab\ncd\n", b"ab\ncX\n").lines().next(),
        Some("first at byte 4 (line 2, column 2); committed 6 byte(s), produced 6:")
    );
}
