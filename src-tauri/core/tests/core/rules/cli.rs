//! The CLI's `validate` (exit 0: can be finished, 1: a blocking violation, 2: not a usable
//! file) and `--help` on every subcommand.

use std::process::Output;

use super::now;
use crate::harness::{record_fixture_path as fixture_path, TestDir};

/// Runs the CLI inside `dir`; `validate` runs as of the tests' fixed `now`, so the result does not depend on
/// the machine's clock.
fn cli(dir: &TestDir, args: &[&str]) -> Output {
    let mut command = dir.cli();
    command.args(args);
    if args.first() == Some(&"validate") && args.len() > 1 {
        command.args(["--now", &now().to_rfc3339()]);
    }
    command.output().unwrap()
}

#[test]
fn cli_validate_exit_codes_and_output() {
    let dir = TestDir::new();
    let valid = fixture_path("citizen-asked-first-allowed.json");
    let out = cli(&dir, &["validate", valid.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(0));
    assert!(out.stdout.is_empty());

    let advisory = fixture_path("citizen-open-without-asking.json");
    let out = cli(&dir, &["validate", advisory.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(0));
    let stdout = String::from_utf8(out.stdout).unwrap();
    assert!(
        stdout.starts_with("G-NOTICE-DATA  notices.data  (anbefaling) "),
        "{stdout}"
    );

    let broken = fixture_path("refused-incomplete.json");
    let out = cli(
        &dir,
        &["validate", broken.to_str().unwrap(), "--lang", "en"],
    );
    assert_eq!(out.status.code(), Some(1));
    let stdout = String::from_utf8(out.stdout).unwrap();
    assert_eq!(stdout.lines().count(), 6, "{stdout}");
    assert!(stdout.contains(
        "G-REFUSE-LEADER  refusal.co_decider.name  The nearest manager who takes part in the decision must not be the person leading the meeting."
    ));

    let outside = fixture_path("employee-not-official.json");
    let out = cli(&dir, &["validate", outside.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(1));
    assert!(String::from_utf8(out.stdout)
        .unwrap()
        .contains("uden for retningslinjerne"));

    let incident = fixture_path("incident-misuse-shared.json");
    assert_eq!(
        cli(&dir, &["validate", incident.to_str().unwrap()])
            .status
            .code(),
        Some(0)
    );
}

#[test]
fn cli_validate_reports_unreadable_and_invalid_json_with_exit_2() {
    let dir = TestDir::new();
    let bad = dir.join("bad.json");
    std::fs::write(&bad, "{\n  \"format_version\": 1,\n  oops\n}").unwrap();
    let out = cli(&dir, &["validate", bad.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(2));
    let stderr = String::from_utf8(out.stderr).unwrap();
    assert!(
        stderr.starts_with("samtalenotat-cli: invalid_input") && stderr.contains("line 3"),
        "{stderr}"
    );

    let wrong_type = dir.join("wrong.json");
    std::fs::write(&wrong_type, "{\"format_version\": \"one\"}").unwrap();
    let out = cli(&dir, &["validate", wrong_type.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(2));
    let stderr = String::from_utf8(out.stderr).unwrap();
    assert!(
        stderr.starts_with("samtalenotat-cli: invalid_input (format_version): ")
            && stderr.contains("column"),
        "{stderr}"
    );

    let missing = dir.join("missing.json");
    let out = cli(&dir, &["validate", missing.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(2));
    let stderr = String::from_utf8(out.stderr).unwrap();
    assert!(
        stderr.starts_with("samtalenotat-cli: file_access: ") && stderr.contains("missing.json"),
        "{stderr}"
    );

    assert_eq!(cli(&dir, &["validate"]).status.code(), Some(2));
    assert_eq!(cli(&dir, &["list", "--db", "x"]).status.code(), Some(2));
}

/// Split from the test above, where it held before the CLI moved onto the application layer:
/// a JSON syntax error names neither the file nor a real field any more
/// (`samtalenotat-cli: invalid_input (?): ?: key must be a string at line 3 column 3`).
#[test]
fn cli_validate_names_the_file_of_a_json_syntax_error() {
    let dir = TestDir::new();
    let bad = dir.join("bad.json");
    std::fs::write(&bad, "{\n  \"format_version\": 1,\n  oops\n}").unwrap();
    let out = cli(&dir, &["validate", bad.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(2));
    let stderr = String::from_utf8(out.stderr).unwrap();
    assert!(
        stderr.contains("bad.json") && stderr.contains("line 3"),
        "{stderr}"
    );
    assert!(!stderr.contains("(?)"), "no field to name: {stderr}");
}

#[test]
fn cli_every_subcommand_has_help() {
    let dir = TestDir::new();
    for sub in ["validate", "list", "keygen", "sign", "verify", "sync"] {
        let out = cli(&dir, &[sub, "--help"]);
        assert_eq!(out.status.code(), Some(0), "{sub} --help");
        let stdout = String::from_utf8(out.stdout).unwrap();
        assert!(
            stdout.contains(&format!("Usage: samtalenotat-cli {sub}")),
            "{sub}: {stdout}"
        );
    }
    let out = cli(&dir, &["--help"]);
    assert_eq!(out.status.code(), Some(0));
    let stdout = String::from_utf8(out.stdout).unwrap();
    for sub in ["validate", "list", "keygen", "sign", "verify", "sync"] {
        assert!(stdout.contains(sub), "{sub} listed: {stdout}");
    }
}
