//! The command-line tool: `--help` everywhere, strict parsing with the field named, output
//! that a file cannot steer, and a closed pipe that ends it quietly.

use std::io::Read;
use std::process::{Command, Stdio};

fn cli() -> Command {
    Command::new(env!("CARGO_BIN_EXE_samtalenotat-cli"))
}

fn fixture(name: &str) -> serde_json::Value {
    let path = format!(
        "{}/../../tests/fixtures/records/{name}",
        env!("CARGO_MANIFEST_DIR")
    );
    serde_json::from_str(&std::fs::read_to_string(path).unwrap()).unwrap()
}

#[test]
fn every_subcommand_has_help() {
    for sub in ["validate", "list", "keygen", "sign", "verify", "sync"] {
        let out = cli().args([sub, "--help"]).output().unwrap();
        assert_eq!(out.status.code(), Some(0), "{sub} --help");
        let text = String::from_utf8_lossy(&out.stdout);
        assert!(text.contains("Usage:"), "{sub}: {text}");
    }
    let out = cli().arg("--help").output().unwrap();
    assert_eq!(out.status.code(), Some(0));
    assert_eq!(
        cli().arg("frobnicate").output().unwrap().status.code(),
        Some(2)
    );
}

#[test]
fn an_unknown_field_is_refused_with_exit_2_and_its_path() {
    let dir = tempfile::tempdir().unwrap();
    let mut record = fixture("citizen-asked-first-allowed.json");
    record["meeting"]["casenumber"] = "27.00".into();
    let file = dir.path().join("r.json");
    std::fs::write(&file, serde_json::to_string(&record).unwrap()).unwrap();
    let out = cli().arg("validate").arg(&file).output().unwrap();
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("unknown_field (meeting.casenumber)"), "{err}");
}

#[test]
fn text_from_a_file_cannot_paint_the_terminal() {
    let dir = tempfile::tempdir().unwrap();
    let mut record = fixture("citizen-asked-first-allowed.json");
    // A notice key carrying an escape sequence that would clear the line and print "OK".
    let notices = record["notices"].as_object_mut().unwrap();
    notices.insert(
        "x\u{1b}[2K\rOK: all good".into(),
        "2026-11-02T10:02:00Z".into(),
    );
    let file = dir.path().join("r.json");
    std::fs::write(&file, serde_json::to_string(&record).unwrap()).unwrap();
    let out = cli()
        .arg("validate")
        .arg(&file)
        .args(["--now", "2026-11-02T11:00:00Z"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1), "an unknown notice blocks");
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(
        !stdout.contains('\u{1b}') && !stdout.contains('\r'),
        "{stdout:?}"
    );
    assert!(stdout.contains("\\u{001b}[2K\\u{000d}OK"), "{stdout}");
}

#[test]
fn a_closed_pipe_ends_the_cli_quietly() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("db.sqlite3");
    {
        let mut store = samtalenotat_core::store::Store::open(&db).unwrap();
        // Far more than a pipe buffer (64 KiB) holds, so the writer really meets the closed pipe.
        for n in 0..500u128 {
            let mut record: samtalenotat_core::domain::MeetingRecord =
                serde_json::from_value(fixture("citizen-asked-first-allowed.json")).unwrap();
            record.id = samtalenotat_core::domain::RecordId(ulid::Ulid::from(1_000_000 + n));
            record.meeting.subject = format!("{n} {}", "Opfølgning på boligstøtte ".repeat(10));
            store.insert_record(&record, "test").unwrap();
        }
    }
    let mut child = cli()
        .args(["list", "--db"])
        .arg(&db)
        .args(["--limit", "500"])
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    // Read one line, then close the pipe: like `samtalenotat-cli list | head -1`.
    let mut stdout = child.stdout.take().unwrap();
    let mut first = [0u8; 16];
    stdout.read_exact(&mut first).unwrap();
    drop(stdout);
    let mut stderr = String::new();
    child
        .stderr
        .take()
        .unwrap()
        .read_to_string(&mut stderr)
        .unwrap();
    let status = child.wait().unwrap();
    assert!(!stderr.contains("panicked"), "{stderr}");
    assert_eq!(stderr, "", "quiet");
    assert_eq!(status.code(), Some(0));
}
