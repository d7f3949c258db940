//! The signed note: canonical JSON and text golden files, the PDF (qpdf, pdftotext, pdffonts,
//! determinism), keys, signatures checked by the real `minisign` tool, the verifier against
//! tampering and key folders, the one-transaction finish-and-sign (through the application
//! layer, `samtalenotat_core::app`, the only way a signed note gets into a database), the
//! addendum, and the CLI.
//!
//! Golden files live in `tests/fixtures/notes/`; `SAMTALENOTAT_UPDATE_GOLDEN=1 cargo test -p
//! samtalenotat-core --test core note::` rewrites them (review the diff: a change to a
//! `.note.json` file is a change to a signed, frozen format).

use std::path::{Path, PathBuf};
use std::process::{Command, Output};
use std::sync::Arc;

use chrono::{DateTime, TimeZone, Utc};
use samtalenotat_core::app::{App, AppConfig, AppError, ErrorCode};
use samtalenotat_core::domain::{Lang, MeetingRecord, Policy, RecordId, RecordState, StaffMember};
use samtalenotat_core::note::canonical::{NoteDocument, NoteSigner, ParseError};
use samtalenotat_core::note::export::write_note_folder;
use samtalenotat_core::note::export::ExportFolderName;
use samtalenotat_core::note::keys::{self, KeyError, KeyInfo};
use samtalenotat_core::note::sign::TrustedComment;
use samtalenotat_core::note::text::note_text;
use samtalenotat_core::note::{
    pdf, sha256_hex, sign_note, verify_folder, NoteError, Signing, TrustedKeys, UnlockedKey,
    NOTE_JSON, NOTE_JSON_SIG, NOTE_PDF, NOTE_PDF_SIG, SIGNER_PUB,
};
use samtalenotat_core::store::artifacts::NewArtifact;
use samtalenotat_core::store::Store;
use serde_json::json;
use zeroize::Zeroizing;

use crate::golden::check_golden;
use crate::harness::{record_fixture, record_fixture_path, repo_root, TestClock, TestDir};

const PASSPHRASE: &str = "korrekt hest batteri";

/// The situations a note is made for: every record fixture that can be finished.
const SITUATIONS: &[&str] = &[
    "citizen-asked-first-allowed",
    "citizen-discovered-hidden",
    "citizen-open-without-asking",
    "citizen-others-matters-weighed",
    "employee-official-sygefravaer",
    "employee-refused-discovered-hidden",
    "no-recording",
    "oral-decision-made",
    "refused-ground-a-harassment",
    "refused-ground-b-others-matters",
    "refused-ground-c-other",
    "video-allowed",
    "video-requested-decided",
];

fn now() -> DateTime<Utc> {
    Utc.with_ymd_and_hms(2026, 11, 28, 13, 5, 0).unwrap()
}

fn finished(name: &str) -> MeetingRecord {
    let mut r = record_fixture(&format!("{name}.json"));
    r.policy = Policy::builtin().reference();
    r.state = RecordState::Finished;
    r.finished_at = Some(now());
    r.updated_at = now();
    r
}

fn signer() -> StaffMember {
    StaffMember {
        name: "Mette Sørensen".into(),
        initials: "MESO".into(),
    }
}

fn golden_signer() -> NoteSigner {
    NoteSigner {
        name: "Mette Sørensen".into(),
        initials: "MESO".into(),
        key_id: "0123456789ABCDEF".into(),
    }
}

fn tool(name: &str) -> bool {
    Command::new(name).arg("--version").output().is_ok()
        || Command::new(name).arg("-v").output().is_ok()
}

fn require(name: &str) {
    assert!(
        tool(name),
        "`{name}` is needed for this test (scripts/setup.sh installs it)"
    );
}

/// A staff member's signing key, made in the test's own folder and unlocked. (Each test makes
/// its own: scrypt is optimised even in test builds, about 0.1 s per key and per unlock.)
struct TestKey {
    /// The keys folder (mode 0700) holding it.
    dir: PathBuf,
    info: KeyInfo,
    key: UnlockedKey,
}

impl TestKey {
    fn make(dir: &TestDir, folder: &str, staff: &StaffMember) -> TestKey {
        let keys_dir = dir.join(folder);
        let info = keys::generate_key(&keys_dir, staff, PASSPHRASE, now()).unwrap();
        let key = keys::unlock(&info.secret_key_path, PASSPHRASE).unwrap();
        TestKey {
            dir: keys_dir,
            info,
            key,
        }
    }

    /// The keys in its folder, as a verifier trusts them.
    fn trusted(&self) -> TrustedKeys {
        let (keys, report) = TrustedKeys::from_dir(&self.dir).unwrap();
        assert_eq!(
            report.skipped,
            vec![],
            "every key file in the folder is usable"
        );
        keys
    }
}

/// Mette Sørensen's key (who signs every note here), in `<dir>/keys`.
fn signer_key(dir: &TestDir) -> TestKey {
    TestKey::make(dir, "keys", &signer())
}

/// Someone else's key, in `<dir>/other-keys`.
fn other_key(dir: &TestDir) -> TestKey {
    let staff = StaffMember {
        name: "Ulla Uvedkommende".into(),
        initials: "ULUV".into(),
    };
    TestKey::make(dir, "other-keys", &staff)
}

fn sign_fixture(name: &str, key: &UnlockedKey) -> samtalenotat_core::note::SignedNote {
    sign_note(
        &finished(name),
        Policy::builtin(),
        Signing {
            key,
            signer: &signer(),
            lang: Lang::Da,
        },
        now(),
    )
    .unwrap()
}

fn write_folder(parent: &Path, note: &samtalenotat_core::note::SignedNote) -> PathBuf {
    let folder = parent.join(&note.note_id);
    write_note_folder(&folder, &note.artifacts()).unwrap();
    folder
}

// ---------------------------------------------------------------------------------------------
// Golden files

/// The note goldens: `<situation>.<lang>.note.json` (canonical JSON) and `.txt` (the note's
/// text as laid out for the PDF).
const NOTES_DIR: &str = "tests/fixtures/notes";

#[test]
fn canonical_json_and_note_text_match_the_golden_files() {
    let mut failures = Vec::new();
    let mut made = Vec::new();
    for name in SITUATIONS {
        for lang in [Lang::Da, Lang::En] {
            let doc = NoteDocument::build(
                &finished(name),
                Policy::builtin(),
                golden_signer(),
                lang,
                now(),
            )
            .unwrap();
            let json = doc.to_canonical_json();
            let hash = sha256_hex(&json);
            let suffix = match lang {
                Lang::Da => "da",
                Lang::En => "en",
            };
            let json_file = format!("{NOTES_DIR}/{name}.{suffix}.note.json");
            let text_file = format!("{NOTES_DIR}/{name}.{suffix}.txt");
            let json = String::from_utf8(json).expect("canonical JSON is UTF-8");
            failures.extend(check_golden(&json_file, &json).err());
            failures.extend(check_golden(&text_file, &note_text(&doc, &hash)).err());
            made.extend([json_file, text_file]);
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
    // And nothing else: a golden file no situation makes any more is stale.
    let mut committed: Vec<String> = std::fs::read_dir(repo_root().join(NOTES_DIR))
        .unwrap()
        .map(|e| format!("{NOTES_DIR}/{}", e.unwrap().file_name().to_string_lossy()))
        .collect();
    committed.sort();
    made.sort();
    assert_eq!(
        committed, made,
        "golden files without a situation: remove them"
    );
}

#[test]
fn the_canonical_form_is_fixed_field_by_field() {
    let doc = NoteDocument::build(
        &finished("refused-ground-a-harassment"),
        Policy::builtin(),
        golden_signer(),
        Lang::Da,
        now(),
    )
    .unwrap();
    let json = doc.to_canonical_json();
    let text = String::from_utf8(json.clone()).unwrap();
    // The top-level field order is part of the format.
    let order = [
        "format",
        "format_version",
        "note_id",
        "lang",
        "municipality",
        "title",
        "situation",
        "addendum_to",
        "policy",
        "roles",
        "meeting",
        "recording",
        "notices",
        "oral_decision",
        "refusal",
        "legal_help",
        "statements",
        "record",
        "signer",
        "signed_at",
    ];
    let value: serde_json::Value = serde_json::from_slice(&json).unwrap();
    let keys: Vec<&String> = value.as_object().unwrap().keys().collect();
    let positions: Vec<usize> = order
        .iter()
        .map(|k| text.find(&format!("\"{k}\":")).expect(k))
        .collect();
    assert_eq!(keys.len(), order.len());
    let sorted = {
        let mut p = positions.clone();
        p.sort();
        p
    };
    assert_eq!(positions, sorted, "fields appear in the frozen order");
    assert!(text.starts_with(r#"{"format":"samtalenotat-note","format_version":2,"#));
    assert!(!text.contains('\n') && !text.contains(": "), "compact");
    assert!(!value_has_float(&value), "no floats");
    assert!(text.contains("Ærø"), "UTF-8, not escaped");

    // Round trip: parse_canonical accepts exactly these bytes.
    assert_eq!(NoteDocument::parse_canonical(&json).unwrap(), doc);
    let pretty = serde_json::to_vec_pretty(&doc).unwrap();
    assert_eq!(
        NoteDocument::parse_canonical(&pretty),
        Err(ParseError::NotCanonical)
    );
    let nfd = text.replace('å', "a\u{030A}");
    assert_eq!(
        NoteDocument::parse_canonical(nfd.as_bytes()),
        Err(ParseError::NotCanonical)
    );
    let v3 = text.replace("\"format_version\":2", "\"format_version\":3");
    assert_eq!(
        NoteDocument::parse_canonical(v3.as_bytes()),
        Err(ParseError::Version(3))
    );
    let extra = text.replacen("{\"format\"", "{\"x\":1,\"format\"", 1);
    assert!(matches!(
        NoteDocument::parse_canonical(extra.as_bytes()),
        Err(ParseError::Json(_))
    ));
}

#[test]
fn version_1_notes_are_still_read_in_canonical_form() {
    // Notes signed by the previous build (format 1, policy 2026.1), kept as they were.
    for name in [
        "citizen-asked-first-allowed.en.note.json",
        "refused-ground-a-harassment.da.note.json",
    ] {
        let bytes = std::fs::read(repo_root().join("tests/fixtures/v1").join(name)).unwrap();
        let doc = NoteDocument::parse_canonical(&bytes).unwrap_or_else(|e| panic!("{name}: {e}"));
        assert_eq!(doc.format_version, 1, "{name}");
        assert!(
            doc.recording.medium.is_some(),
            "version 1 always named the medium"
        );
        assert_eq!(doc.recording.interest_weighing, None);
        // Re-serialised to exactly its bytes: its content hash and signatures still hold.
        assert_eq!(doc.to_canonical_json(), bytes, "{name}");
        assert!(doc.notices.iter().any(|n| n.id == "case"), "{name}");
        // And its text can still be laid out.
        assert!(note_text(&doc, &sha256_hex(&bytes)).contains(&doc.title));
    }
}

fn value_has_float(v: &serde_json::Value) -> bool {
    match v {
        serde_json::Value::Number(n) => n.is_f64(),
        serde_json::Value::Array(a) => a.iter().any(value_has_float),
        serde_json::Value::Object(o) => o.values().any(value_has_float),
        _ => false,
    }
}

#[test]
fn g_refuse_nature_the_refusal_note_states_it_is_a_procesbeslutning() {
    for name in [
        "refused-ground-a-harassment",
        "refused-ground-b-others-matters",
        "refused-ground-c-other",
    ] {
        let doc = NoteDocument::build(
            &finished(name),
            Policy::builtin(),
            golden_signer(),
            Lang::Da,
            now(),
        )
        .unwrap();
        let statement = doc
            .statements
            .iter()
            .find(|s| s.key == "procesbeslutning")
            .expect("the procesbeslutning statement");
        assert_eq!(statement.rule, "G-REFUSE-NATURE");
        assert!(statement.text.contains("procesbeslutning"));
        assert_eq!(doc.title, "Notat om afvist ønske om lydoptagelse");
        let text = note_text(&doc, "x");
        assert!(text.contains(&statement.text), "{name}: printed");
        assert!(doc.refusal.is_some() && doc.oral_decision.is_none());
    }
    let allowed = NoteDocument::build(
        &finished("citizen-asked-first-allowed"),
        Policy::builtin(),
        golden_signer(),
        Lang::Da,
        now(),
    )
    .unwrap();
    assert!(!allowed
        .statements
        .iter()
        .any(|s| s.key == "procesbeslutning"));
    assert_eq!(allowed.title, "Notat om lydoptagelse af samtale");
    // Every notice of the situation is there with its time.
    assert!(allowed.notices.iter().all(|n| n.given_at.is_some()));
    let employee = NoteDocument::build(
        &finished("employee-official-sygefravaer"),
        Policy::builtin(),
        golden_signer(),
        Lang::Da,
        now(),
    )
    .unwrap();
    assert_eq!(employee.roles.counterpart, "ansat");
    // One name for the lead, from the roles: "Ansvarlig leder", never "Mødeleder (leder)".
    assert!(note_text(&employee, "x").contains("Ansvarlig leder: "));
}

#[test]
fn only_a_finished_record_makes_a_note() {
    let draft = record_fixture("citizen-asked-first-allowed.json");
    assert!(matches!(
        NoteDocument::build(&draft, Policy::builtin(), golden_signer(), Lang::Da, now()),
        Err(NoteError::NotFinished)
    ));
}

// ---------------------------------------------------------------------------------------------
// PDF

#[test]
fn the_pdf_is_deterministic_valid_searchable_and_embeds_its_fonts() {
    require("qpdf");
    require("pdftotext");
    let dir = TestDir::new();
    let mut all_text = String::new();
    for name in SITUATIONS {
        let doc = NoteDocument::build(
            &finished(name),
            Policy::builtin(),
            golden_signer(),
            Lang::Da,
            now(),
        )
        .unwrap();
        let hash = sha256_hex(&doc.to_canonical_json());
        let first = pdf::render(&doc, &hash).unwrap();
        let second = pdf::render(&doc, &hash).unwrap();
        assert!(first == second, "{name}: same bytes every render");
        let path = dir.path().join(format!("{name}.pdf"));
        std::fs::write(&path, &first).unwrap();

        let check = Command::new("qpdf")
            .arg("--check")
            .arg(&path)
            .output()
            .unwrap();
        assert!(
            check.status.success(),
            "{name}: qpdf --check: {}",
            String::from_utf8_lossy(&check.stdout)
        );
        let text = Command::new("pdftotext")
            .arg(&path)
            .arg("-")
            .output()
            .unwrap();
        let text = String::from_utf8(text.stdout).unwrap();
        // Words from the note with æ, ø and å, the title and the page numbers.
        assert!(text.contains(&doc.title), "{name}: title in {text}");
        assert!(
            text.contains(&doc.meeting.counterpart),
            "{name}: counterpart"
        );
        all_text.push_str(&text);
        assert!(text.contains("Sådan kontrolleres notatet"), "{name}: å");
        assert!(text.contains("Albertslund Kommune"), "{name}: header");
        assert!(text.contains("Side 1 af "), "{name}: page numbers");
        assert!(text.contains(&hash[..40]), "{name}: content hash printed");
    }
    for word in ["Jens Ærø", "Peter Østergaard", "Sådan", "Mødet", "dækkes"] {
        assert!(all_text.contains(word), "æøå intact: {word}");
    }
    if tool("pdffonts") {
        let path = dir.path().join("refused-ground-a-harassment.pdf");
        let fonts = Command::new("pdffonts").arg(&path).output().unwrap();
        let fonts = String::from_utf8(fonts.stdout).unwrap();
        let rows: Vec<&str> = fonts.lines().skip(2).collect();
        assert!(!rows.is_empty());
        for row in rows {
            assert!(row.contains("LiberationSans"), "{row}");
            assert!(
                row.contains("yes yes yes"),
                "embedded, subset, unicode: {row}"
            );
        }
    }
}

/// Issue 12, item 8: wherever the page break falls, the signature block stays on one page;
/// every page's header names the case number and the meeting's day; the verification text
/// names the app's own "Kontrollér et notat".
#[test]
fn the_signature_block_is_never_split_and_every_page_names_the_case_and_day() {
    require("pdftotext");
    let dir = TestDir::new();
    let sentence = "Hensynet til den anden beboer i hjemmet vejer tungere end borgerens behov. ";
    let mut page_counts = std::collections::BTreeSet::new();
    for repeats in (1..=44).step_by(1) {
        let mut record = finished("refused-ground-c-other");
        record.refusal.assessment = sentence.repeat(repeats).trim_end().to_owned();
        let doc = NoteDocument::build(&record, Policy::builtin(), golden_signer(), Lang::Da, now())
            .unwrap();
        let hash = sha256_hex(&doc.to_canonical_json());
        let path = dir.path().join(format!("note-{repeats}.pdf"));
        std::fs::write(&path, pdf::render(&doc, &hash).unwrap()).unwrap();
        let all = pdftotext_pages(&path, None);
        let pages = all.matches('\u{c}').count().max(1);
        page_counts.insert(pages);
        let mut signature_pages = Vec::new();
        for page in 1..=pages {
            let text = pdftotext_pages(&path, Some(page));
            assert!(
                text.contains("Sagsnr. 27.12.00-A00-1234-26") && text.contains("09.11.2026"),
                "{repeats} repeats, page {page}: header {text}"
            );
            let parts = [
                "Underskrift\n",
                "Underskrevet af",
                "0123456789ABCDEF",
                &hash[..16],
            ];
            let found: Vec<bool> = parts.iter().map(|p| text.contains(p)).collect();
            if found.iter().any(|f| *f) {
                assert!(
                    found.iter().all(|f| *f),
                    "{repeats} repeats: the signature block is split on page {page}: {found:?}"
                );
                signature_pages.push(page);
            }
        }
        assert_eq!(signature_pages.len(), 1, "{repeats} repeats");
        assert!(all.contains("»Kontrollér et notat«"), "{repeats} repeats");
    }
    // The lengths tried move the signature across a page break.
    assert!(page_counts.len() > 1, "{page_counts:?}");
}

fn pdftotext_pages(path: &Path, page: Option<usize>) -> String {
    let mut command = Command::new("pdftotext");
    if let Some(page) = page {
        command.args(["-f", &page.to_string(), "-l", &page.to_string()]);
    }
    let out = command.arg(path).arg("-").output().unwrap();
    assert!(out.status.success());
    String::from_utf8(out.stdout).unwrap()
}

#[test]
fn a_character_the_font_lacks_is_refused_not_printed_as_a_box() {
    let mut record = finished("citizen-asked-first-allowed");
    record.meeting.subject = "Møde om 住房".into();
    let doc =
        NoteDocument::build(&record, Policy::builtin(), golden_signer(), Lang::Da, now()).unwrap();
    match pdf::render(&doc, "0") {
        Err(NoteError::MissingGlyph { ch, .. }) => assert_eq!(ch, '住'),
        other => panic!("expected MissingGlyph, got {other:?}"),
    }
}

// ---------------------------------------------------------------------------------------------
// Keys

#[test]
fn keys_are_minisign_files_owner_only_and_unlock_only_with_the_passphrase() {
    use std::os::unix::fs::PermissionsExt;
    let test_dir = TestDir::new();
    let made = signer_key(&test_dir);
    let (dir, info) = (&made.dir, &made.info);
    let mode = |p: &Path| std::fs::metadata(p).unwrap().permissions().mode() & 0o777;
    assert_eq!(mode(dir), 0o700);
    assert_eq!(mode(&info.secret_key_path), 0o600);
    assert_eq!(
        info.secret_key_path.file_name().unwrap().to_str().unwrap(),
        format!("{}.sec", info.key_id)
    );
    let pub_text = std::fs::read_to_string(&info.public_key_path).unwrap();
    let parsed = keys::PublicKeyFile::parse(&pub_text).unwrap();
    assert_eq!(
        parsed.key_id, info.key_id,
        "the key id is derivable from the .pub"
    );
    let secret = std::fs::read_to_string(&info.secret_key_path).unwrap();
    assert!(!secret.contains(PASSPHRASE));

    match keys::unlock(&info.secret_key_path, "forkert kodeord") {
        Err(KeyError::WrongPassphrase(id)) => assert_eq!(id, info.key_id),
        other => panic!("expected WrongPassphrase, got {other:?}"),
    }
    assert_eq!(made.key.key_id(), info.key_id);
    let found = keys::find_key(dir, "MESO").unwrap().unwrap();
    assert_eq!(found.key_id, info.key_id);
    assert!(keys::find_key(dir, "XXXX").unwrap().is_none());
    // One key per staff member; short passphrases and missing identity refused.
    assert!(matches!(
        keys::generate_key(dir, &signer(), PASSPHRASE, now()),
        Err(KeyError::KeyExists { .. })
    ));
    let fresh = TestDir::new();
    assert!(matches!(
        keys::generate_key(fresh.path(), &signer(), "kort", now()),
        Err(KeyError::PassphraseTooShort)
    ));
    assert!(matches!(
        keys::generate_key(fresh.path(), &StaffMember::default(), PASSPHRASE, now()),
        Err(KeyError::NoStaffIdentity)
    ));
}

// ---------------------------------------------------------------------------------------------
// Signatures and the real minisign tool

fn minisign_verify(file: &Path, pubkey: &Path) -> Output {
    Command::new("minisign")
        .arg("-Vm")
        .arg(file)
        .arg("-p")
        .arg(pubkey)
        .output()
        .unwrap()
}

fn flip(path: &Path, index: usize) {
    let mut bytes = std::fs::read(path).unwrap();
    bytes[index] ^= 0x01;
    std::fs::write(path, bytes).unwrap();
}

#[test]
fn the_real_minisign_tool_verifies_every_signature_and_rejects_any_flipped_byte() {
    require("minisign");
    let dir = TestDir::new();
    let signer_key = signer_key(&dir);
    let key = &signer_key.key;
    let parent = &dir;
    let note = sign_fixture("refused-ground-b-others-matters", key);
    let folder = write_folder(parent.path(), &note);
    let pubkey = folder.join(SIGNER_PUB);
    for file in [NOTE_JSON, NOTE_PDF] {
        let out = minisign_verify(&folder.join(file), &pubkey);
        assert!(
            out.status.success(),
            "{file}: {}",
            String::from_utf8_lossy(&out.stderr)
        );
        let stdout = String::from_utf8_lossy(&out.stdout);
        assert!(
            stdout.contains(&format!("note={}", note.note_id)),
            "{stdout}"
        );
    }

    // One flipped byte in the file, in the signature line, in the trusted comment and in the
    // global signature: each rejected.
    for (file, sig) in [(NOTE_JSON, NOTE_JSON_SIG), (NOTE_PDF, NOTE_PDF_SIG)] {
        let sig_text = std::fs::read_to_string(folder.join(sig)).unwrap();
        let lines: Vec<&str> = sig_text.lines().collect();
        let line_start = |n: usize| lines[..n].iter().map(|l| l.len() + 1).sum::<usize>();
        let file_len = std::fs::read(folder.join(file)).unwrap().len();
        let cases: Vec<(&str, usize, &str)> = vec![
            (file, 0, "first byte of the file"),
            (file, file_len / 2, "middle of the file"),
            (file, file_len - 1, "last byte of the file"),
            (sig, line_start(1) + 20, "signature"),
            (sig, line_start(2) + 40, "trusted comment"),
            (sig, line_start(3) + 10, "global signature"),
        ];
        for (target, index, what) in cases {
            let copy = TestDir::new();
            let dest = copy.path().join(&note.note_id);
            write_note_folder(&dest, &note.artifacts()).unwrap();
            flip(&dest.join(target), index);
            let out = minisign_verify(&dest.join(file), &dest.join(SIGNER_PUB));
            assert!(
                !out.status.success(),
                "{file}: {what} flipped, yet verified"
            );
        }
    }
}

#[test]
fn trusted_comments_bind_note_artifact_and_hashes() {
    let dir = TestDir::new();
    let signer_key = signer_key(&dir);
    let key = &signer_key.key;
    let note = sign_fixture("citizen-discovered-hidden", key);
    let sig = String::from_utf8(note.pdf_sig.clone()).unwrap();
    let line = sig
        .lines()
        .nth(2)
        .unwrap()
        .strip_prefix("trusted comment: ")
        .unwrap();
    let comment = TrustedComment::parse(line).unwrap();
    assert_eq!(comment.note_id, note.note_id);
    assert_eq!(comment.artifact, NOTE_PDF);
    assert_eq!(comment.sha256, sha256_hex(&note.pdf));
    assert_eq!(
        comment.json_sha256.as_deref(),
        Some(note.content_hash.as_str())
    );
    assert_eq!(comment.key_id, key.key_id().to_string());
    assert_eq!(note.document.signer.key_id, key.key_id().to_string());
    assert!(sig.starts_with("untrusted comment: signature from samtalenotat\n"));
    assert!(
        TrustedComment::parse(&line.replace("artifact=note.pdf", "artifact=note.json")).is_err()
    );
    // The JSON bytes do not depend on the key material beyond its id, and the PDF not on the
    // signature: the same note signs to the same JSON and PDF.
    let again = sign_fixture("citizen-discovered-hidden", key);
    assert_eq!(again.json, note.json);
    assert_eq!(again.pdf, note.pdf);
}

// ---------------------------------------------------------------------------------------------
// The verifier

fn failing_files(report: &samtalenotat_core::note::VerifyReport) -> Vec<String> {
    let mut files: Vec<String> = report
        .checks
        .iter()
        .filter(|c| !c.ok)
        .map(|c| c.file.clone())
        .collect();
    files.dedup();
    files
}

#[test]
fn the_verifier_passes_an_intact_note_and_catches_a_flipped_byte_anywhere() {
    let dir = TestDir::new();
    let signer_key = signer_key(&dir);
    let key = &signer_key.key;
    let parent = &dir;
    let note = sign_fixture("oral-decision-made", key);
    let folder = write_folder(parent.path(), &note);
    let report = verify_folder(&folder, &signer_key.trusted(), false);
    assert!(report.ok, "{:?}", report.failure_lines());
    assert_eq!(report.note_id.as_deref(), Some(note.note_id.as_str()));
    assert_eq!(report.checks.len(), 5);
    assert!(
        report.signer_known,
        "the signer's key is among the trusted keys"
    );
    // With only the folder's own key the files check out, but the signer is not confirmed.
    let folder_key_only = verify_folder(&folder, &TrustedKeys::new(), true);
    assert!(folder_key_only.ok);
    assert!(!folder_key_only.signer_known);

    // Every byte of every file, flipped one at a time, is caught (the PDF sampled).
    let keys = signer_key.trusted();
    for (name, bytes) in note.artifacts() {
        let step = if bytes.len() > 4000 { 37 } else { 1 };
        let path = folder.join(name);
        for index in (0..bytes.len()).step_by(step) {
            let mut changed = bytes.to_vec();
            changed[index] ^= 0x01;
            std::fs::write(&path, &changed).unwrap();
            for (keys, trust_folder) in [(&keys, false), (&TrustedKeys::new(), true)] {
                let report = verify_folder(&folder, keys, trust_folder);
                assert!(
                    !report.ok,
                    "{name} byte {index} flipped (trust folder key: {trust_folder}), yet ok"
                );
            }
        }
        std::fs::write(&path, bytes).unwrap();
    }
    assert!(verify_folder(&folder, &keys, false).ok);
}

/// `key`'s public key file with other key material under the same key id (what someone
/// who wants their key taken for a real one would publish).
fn same_id_other_key(key: &UnlockedKey) -> String {
    use base64::Engine;
    let b64 = base64::engine::general_purpose::STANDARD;
    let text = key.public_key_file();
    let (comment, line) = text.trim_end().split_once('\n').unwrap();
    let mut raw = b64.decode(line).unwrap();
    let last = raw.len() - 1;
    raw[last] ^= 0x01; // "Ed" + key id stay; the key bytes change
    format!("{comment}\n{}\n", b64.encode(raw))
}

#[test]
fn a_key_folder_skips_unusable_files_and_distrusts_an_id_held_by_two_keys() {
    use samtalenotat_core::note::SkipReason;
    let dir = TestDir::new();
    let signer_key = signer_key(&dir);
    let key = &signer_key.key;
    let parent = &dir;
    let note = sign_fixture("oral-decision-made", key);
    let folder = write_folder(parent.path(), &note);
    let keys_dir = parent.join("key-folder");
    std::fs::create_dir(&keys_dir).unwrap();
    let real = keys_dir.join("a-real.pub");
    std::fs::write(&real, key.public_key_file()).unwrap();
    std::fs::write(keys_dir.join("b-broken.pub"), "not a public key\n").unwrap();
    std::os::unix::fs::symlink(&real, keys_dir.join("c-link.pub")).unwrap();
    std::fs::write(
        keys_dir.join("readme.txt"),
        "not a .pub file: not looked at",
    )
    .unwrap();

    // A broken file and a link are skipped and reported; the good key still counts.
    let (trusted, report) = TrustedKeys::from_dir(&keys_dir).unwrap();
    assert_eq!((report.added, trusted.len()), (1, 1));
    let skipped: Vec<(String, &SkipReason)> = report
        .skipped
        .iter()
        .map(|s| {
            let name = s.path.file_name().unwrap().to_string_lossy().into_owned();
            (name, &s.reason)
        })
        .collect();
    assert!(
        matches!(
            skipped.as_slice(),
            [(b, SkipReason::Unparsable(_)), (c, SkipReason::NotAFile)]
                if b == "b-broken.pub" && c == "c-link.pub"
        ),
        "{skipped:?}"
    );
    let report = verify_folder(&folder, &trusted, false);
    assert!(
        report.ok && report.signer_known,
        "{:?}",
        report.failure_lines()
    );

    // A second, different key under the same id: neither is trusted any more.
    std::fs::write(keys_dir.join("d-same-id.pub"), same_id_other_key(key)).unwrap();
    let (trusted, report) = TrustedKeys::from_dir(&keys_dir).unwrap();
    assert!(
        trusted.is_empty(),
        "an id held by two keys is trusted for neither"
    );
    assert!(
        report
            .skipped
            .iter()
            .any(|s| s.path.ends_with("d-same-id.pub")
                && s.reason == SkipReason::DuplicateKeyId(key.key_id())),
        "{:?}",
        report.skipped
    );
    assert!(!verify_folder(&folder, &trusted, false).ok);

    // One key at a time: the same key again is fine, another under its id is refused, and
    // the id stays distrusted.
    let parse = |text: &str| keys::PublicKeyFile::parse(text).unwrap();
    let mut one = TrustedKeys::new();
    one.add(parse(key.public_key_file())).unwrap();
    one.add(parse(key.public_key_file())).unwrap();
    assert_eq!(one.len(), 1);
    let forged = same_id_other_key(key);
    assert_eq!(
        one.add(parse(&forged)).unwrap_err().0,
        key.key_id(),
        "a different key under a held id"
    );
    assert!(one.is_empty());
    assert!(one.add(parse(key.public_key_file())).is_err());

    // Only an unreadable folder is an error.
    assert!(TrustedKeys::from_dir(&parent.path().join("absent")).is_err());
}

#[test]
fn the_verifier_names_the_file_that_changed() {
    let dir = TestDir::new();
    let signer_key = signer_key(&dir);
    let key = &signer_key.key;
    let note = sign_fixture("refused-ground-c-other", key);
    let cases = [
        (NOTE_JSON, 10usize, NOTE_JSON),
        (NOTE_PDF, 2000, NOTE_PDF),
        (NOTE_PDF_SIG, 60, NOTE_PDF_SIG),
    ];
    for (target, index, expected) in cases {
        let parent = TestDir::new();
        let folder = write_folder(parent.path(), &note);
        flip(&folder.join(target), index);
        let report = verify_folder(&folder, &signer_key.trusted(), false);
        assert!(
            failing_files(&report).contains(&expected.to_owned()),
            "{target}: {:?}",
            report.failure_lines()
        );
    }
}

#[test]
fn the_verifier_catches_swapped_signatures_foreign_keys_and_missing_files() {
    let dir = TestDir::new();
    let signer_key = signer_key(&dir);
    let key = &signer_key.key;
    let a = sign_fixture("refused-ground-a-harassment", key);
    let mut b_record = finished("citizen-asked-first-allowed");
    b_record.id = RecordId(ulid::Ulid::from(42u128));
    let b = sign_note(
        &b_record,
        Policy::builtin(),
        Signing {
            key,
            signer: &signer(),
            lang: Lang::Da,
        },
        now(),
    )
    .unwrap();

    // Signatures swapped between two notes (both signed by the same, trusted key).
    for (sig, from_b) in [(NOTE_JSON_SIG, &b.json_sig), (NOTE_PDF_SIG, &b.pdf_sig)] {
        let parent = TestDir::new();
        let folder = write_folder(parent.path(), &a);
        std::fs::write(folder.join(sig), from_b).unwrap();
        let report = verify_folder(&folder, &signer_key.trusted(), false);
        assert!(!report.ok, "{sig} from another note accepted");
        assert!(
            report.failure_lines().iter().any(|l| l.contains("note.")),
            "{:?}",
            report.failure_lines()
        );
    }
    // The JSON's signature used for the PDF of the same note.
    {
        let parent = TestDir::new();
        let folder = write_folder(parent.path(), &a);
        std::fs::write(folder.join(NOTE_PDF_SIG), &a.json_sig).unwrap();
        assert!(!verify_folder(&folder, &signer_key.trusted(), false).ok);
    }
    // A whole other note's files in this note's folder: the folder name gives it away.
    {
        let parent = TestDir::new();
        let folder = parent.path().join(&a.note_id);
        write_note_folder(&folder, &b.artifacts()).unwrap();
        let report = verify_folder(&folder, &signer_key.trusted(), false);
        assert!(!report.ok);
        assert!(failing_files(&report).contains(&NOTE_JSON.to_owned()));
    }

    // Signed by a key that is not among the trusted ones, even with its own signer.pub.
    let other = other_key(&dir);
    let foreign = sign_fixture("refused-ground-a-harassment", &other.key);
    let parent = TestDir::new();
    let folder = write_folder(parent.path(), &foreign);
    let report = verify_folder(&folder, &signer_key.trusted(), false);
    assert!(!report.ok);
    assert!(
        report
            .failure_lines()
            .iter()
            .any(|l| l.contains("not among the trusted keys") || l.contains("not a trusted key")),
        "{:?}",
        report.failure_lines()
    );
    // ... and a trusted key's signer.pub put beside a foreign signature.
    std::fs::write(folder.join(SIGNER_PUB), key.public_key_file()).unwrap();
    assert!(!verify_folder(&folder, &signer_key.trusted(), false).ok);

    // Each missing artifact is named.
    for name in [NOTE_JSON, NOTE_JSON_SIG, NOTE_PDF, NOTE_PDF_SIG, SIGNER_PUB] {
        let parent = TestDir::new();
        let folder = write_folder(parent.path(), &a);
        std::fs::remove_file(folder.join(name)).unwrap();
        let report = verify_folder(&folder, &signer_key.trusted(), false);
        assert!(!report.ok);
        assert!(
            report
                .checks
                .iter()
                .any(|c| c.file == name && !c.ok && c.reason.as_deref() == Some("missing")),
            "{name}: {:?}",
            report.failure_lines()
        );
    }
}

// ---------------------------------------------------------------------------------------------
// Finishing and signing in one transaction (through the application layer); export; addendum

/// An app on a fresh data folder with Mette Sørensen (MESO) set as the staff member, with
/// her signing key.
fn app_with_key(dir: &Path) -> (App, Arc<TestClock>) {
    let clock = Arc::new(TestClock::at(now()));
    let app = App::open(AppConfig::new(dir.join("data"), clock.clone())).unwrap();
    app.save_settings(json!({
        "staff": { "name": "Mette Sørensen", "initials": "MESO" },
        "units": [], "rooms": [], "language": "da", "share_dir": ""
    }))
    .unwrap();
    app.create_key(Zeroizing::new(PASSPHRASE.to_owned()))
        .unwrap();
    (app, clock)
}

/// A draft in the app holding the fixture's content, created when the fixture was (so its
/// notice times are not "before the record"); the clock is left at `now()`.
fn draft_from_fixture(app: &App, clock: &TestClock, name: &str) -> RecordId {
    draft_from_record(app, clock, record_fixture(&format!("{name}.json")))
}

/// [`draft_from_fixture`] for a record the test has changed.
fn draft_from_record(app: &App, clock: &TestClock, mut record: MeetingRecord) -> RecordId {
    clock.set(record.created_at);
    let draft = app.create_draft(record.meeting.kind).unwrap().record;
    record.id = draft.id;
    record.policy = draft.policy;
    app.save_draft(serde_json::to_value(&record).unwrap())
        .unwrap();
    clock.set(now());
    draft.id
}

fn passphrase(text: &str) -> Zeroizing<String> {
    Zeroizing::new(text.to_owned())
}

/// A second connection to the app's database, to look at what the action stored.
fn open_store(app: &App) -> Store {
    Store::open(&app.config().database_path()).unwrap()
}

fn stored_note(store: &Store, id: RecordId) -> (Vec<u8>, NoteDocument) {
    let json = store
        .artifact(&id.to_string(), NOTE_JSON)
        .unwrap()
        .expect("a signed note.json is stored")
        .bytes;
    let doc = NoteDocument::parse_canonical(&json).unwrap();
    (json, doc)
}

#[test]
fn finish_and_sign_stores_the_finished_record_and_its_artifacts_together() {
    let dir = TestDir::new();
    let (app, clock) = app_with_key(dir.path());
    let id = draft_from_fixture(&app, &clock, "refused-ground-a-harassment");
    let view = app
        .finish_and_sign(&id.to_string(), passphrase(PASSPHRASE))
        .unwrap();
    let record = view.record;
    assert_eq!(record.state, RecordState::Finished);
    assert_eq!(record.finished_at, Some(now()));
    assert!(view.signed);
    let store = open_store(&app);
    assert_eq!(store.get_record(id).unwrap(), record);
    let (note_json, doc) = stored_note(&store, id);
    assert_eq!(doc.record.finished_at, doc.signed_at);
    assert_eq!(doc.record.record_hash, record.content_hash());
    let key_id = app.key_status().unwrap().key_id.unwrap();
    assert_eq!(
        (doc.signer.initials.as_str(), doc.signer.key_id.as_str()),
        ("MESO", key_id.as_str())
    );
    let stored = store.artifacts(&id.to_string()).unwrap();
    let mut names: Vec<&str> = stored.iter().map(|a| a.name.as_str()).collect();
    names.sort();
    assert_eq!(
        names,
        [NOTE_JSON, NOTE_JSON_SIG, NOTE_PDF, NOTE_PDF_SIG, SIGNER_PUB]
    );
    for a in &stored {
        assert_eq!(a.sha256, sha256_hex(&a.bytes));
    }
    let content_hash = sha256_hex(&note_json);
    // What is stored is a complete note signed by this PC's key.
    let exported = app.export_note(&id.to_string(), dir.path()).unwrap();
    let folder = PathBuf::from(&exported.folder);
    let report = app.verify_note_folder(&folder).unwrap().report;
    assert!(
        report.ok && report.signer_known,
        "{:?}",
        report.failure_lines()
    );
    assert_eq!(std::fs::read(folder.join(NOTE_JSON)).unwrap(), note_json);
    // Immutable in SQLite.
    let err = store
        .connection()
        .execute(
            "DELETE FROM signed_artifacts WHERE note_id = ?1",
            [id.to_string()],
        )
        .unwrap_err();
    assert!(err.to_string().contains("immutable"));
    // Signing again is refused: the record is finished.
    let again = app
        .finish_and_sign(&id.to_string(), passphrase(PASSPHRASE))
        .unwrap_err();
    assert_eq!(again.code, ErrorCode::RecordFinished, "{again}");

    // A correction is a new signed note pointing at the original's note.json hash, made
    // through the application layer weeks after the meeting (the original's times are facts
    // of the meeting, not "before the record").
    let draft = app
        .create_addendum(&id.to_string(), "Begrundelsen var ufuldstændig.")
        .unwrap()
        .record;
    let addendum_id = draft.id;
    let pointer = draft.addendum_to.clone().unwrap();
    assert_eq!(pointer.content_hash, content_hash);
    assert_eq!(pointer.record_id, id);
    let mut corrected = draft.clone();
    corrected
        .refusal
        .reason_text
        .push_str(" Tilføjet efter mødet.");
    app.save_draft(serde_json::to_value(&corrected).unwrap())
        .unwrap();
    app.finish_and_sign(&addendum_id.to_string(), passphrase(PASSPHRASE))
        .unwrap();
    let (addendum_json, addendum) = stored_note(&store, addendum_id);
    let reference = addendum.addendum_to.clone().unwrap();
    assert_eq!(reference.note_id, id.to_string());
    assert_eq!(reference.content_hash, content_hash);
    assert!(note_text(&addendum, &sha256_hex(&addendum_json)).contains(&content_hash));
    // The original's artifacts are unchanged.
    assert_eq!(stored_note(&store, id).0, note_json);
}

#[test]
fn a_failure_while_signing_leaves_the_draft_unfinished_and_nothing_stored() {
    let dir = TestDir::new();
    let mut store = Store::open(&dir.path().join("db.sqlite3")).unwrap();
    let mut record = record_fixture("citizen-asked-first-allowed.json");
    record.id = RecordId(ulid::Ulid::from(9u128));
    record.policy = Policy::builtin().reference();
    store.insert_record(&record, "test").unwrap();
    let id = record.id;
    // The error type the application layer's own note maker returns. (AppError is 224 bytes,
    // which clippy's result_large_err flags in src too: not this test's to change.)
    #[allow(clippy::result_large_err)]
    let result = store.finish_record_with(id, now(), "MESO", Policy::builtin(), |_| {
        Err::<Vec<NewArtifact>, AppError>(NoteError::Sign("simulated".into()).into())
    });
    assert!(result.is_err());
    assert_eq!(store.get_record(id).unwrap().state, RecordState::Draft);
    assert!(store.artifacts(&id.to_string()).unwrap().is_empty());

    // Through the application layer: a wrong passphrase finishes nothing.
    let (app, clock) = app_with_key(&dir.path().join("app"));
    let valid = draft_from_fixture(&app, &clock, "citizen-asked-first-allowed");
    let wrong = app
        .finish_and_sign(&valid.to_string(), passphrase("forkert kodeord"))
        .unwrap_err();
    assert_eq!(wrong.code, ErrorCode::WrongPassphrase, "{wrong}");
    assert_eq!(wrong.field.as_deref(), Some("passphrase"));
    let app_store = open_store(&app);
    assert_eq!(
        app_store.get_record(valid).unwrap().state,
        RecordState::Draft
    );
    assert!(app_store.artifacts(&valid.to_string()).unwrap().is_empty());
    // Rules still decide: an incomplete record is refused before the key is even unlocked.
    // (Its CPR number would be refused before saving: that is not what this checks.)
    let mut incomplete = record_fixture("refused-incomplete.json");
    incomplete.meeting.counterpart = "Jens Ærø".into();
    let incomplete = draft_from_record(&app, &clock, incomplete);
    for pass in [PASSPHRASE, "forkert kodeord"] {
        let err = app
            .finish_and_sign(&incomplete.to_string(), passphrase(pass))
            .unwrap_err();
        assert_eq!(err.code, ErrorCode::RuleViolation, "{err}");
        let violations = err.params.violations.unwrap_or_default();
        assert!(
            !violations.is_empty() && violations.iter().all(|v| v.is_blocking()),
            "{violations:?}"
        );
    }
    assert_eq!(
        app_store.get_record(incomplete).unwrap().state,
        RecordState::Draft
    );
    assert!(app_store
        .artifacts(&incomplete.to_string())
        .unwrap()
        .is_empty());
}

/// Issue 12, item 3: the export folder is named for what a caseworker knows (day, case
/// number, a short id), and a case number cannot make it unsafe on a Windows share.
#[test]
fn the_export_folder_is_named_from_day_case_and_short_id_safe_on_windows() {
    let day = chrono::NaiveDate::from_ymd_opt(2026, 11, 9).unwrap();
    let id = "01JCZ3K8QA0000000000000006";
    let name = |case: &str| {
        ExportFolderName::new(day, case, id)
            .unwrap()
            .as_str()
            .to_owned()
    };
    assert_eq!(name("24/1234"), "2026-11-09 24-1234 00000006");
    assert_eq!(name(""), "2026-11-09 00000006");
    assert_eq!(
        name("Sag: Ærø \"A\" <x>|?*"),
        "2026-11-09 Sag Ærø A x 00000006"
    );
    assert_eq!(name("..\\..\\windows."), "2026-11-09 windows 00000006");
    assert_eq!(name("CON"), "2026-11-09 CON 00000006");
    let long = name(&"1".repeat(200));
    assert!(long.chars().count() <= 11 + 40 + 9, "{long}");
    for case in ["a\u{0}b", "x\ny", "tab\tz", "..", "/etc/passwd"] {
        let n = name(case);
        assert!(
            !n.chars()
                .any(|c| c.is_control() || "<>:\"/\\|?*".contains(c)),
            "{n:?}"
        );
        assert!(!n.ends_with('.') && !n.ends_with(' '), "{n:?}");
    }
    assert!(ExportFolderName::new(day, "x", "../../etc").is_err());
}

/// The app remembers where the last export went (the dialog opens there) and which folder
/// each note went to, and opens only that folder or its PDF, never a link planted since.
#[test]
fn the_app_remembers_the_export_folder_and_opens_only_what_it_exported() {
    let dir = TestDir::new();
    let (app, clock) = app_with_key(dir.path());
    let id = draft_from_fixture(&app, &clock, "refused-ground-c-other");
    app.finish_and_sign(&id.to_string(), passphrase(PASSPHRASE))
        .unwrap();
    assert!(app.last_export_dir().is_none());
    assert!(app.exported_path(&id.to_string(), "pdf").is_err());
    let out = dir.join("eksport");
    std::fs::create_dir_all(&out).unwrap();
    let exported = app.export_note(&id.to_string(), &out).unwrap();
    let folder = PathBuf::from(&exported.folder);
    assert!(
        folder
            .file_name()
            .unwrap()
            .to_string_lossy()
            .starts_with("2026-11-09 27.12.00-A00-1234-26 "),
        "{}",
        folder.display()
    );
    assert_eq!(app.last_export_dir(), Some(out.clone()));
    assert_eq!(
        app.exported_path(&id.to_string(), "folder").unwrap(),
        folder
    );
    assert_eq!(
        app.exported_path(&id.to_string(), "pdf").unwrap(),
        folder.join(NOTE_PDF)
    );
    // The PDF replaced by a link: not opened.
    std::fs::remove_file(folder.join(NOTE_PDF)).unwrap();
    std::os::unix::fs::symlink("/etc/passwd", folder.join(NOTE_PDF)).unwrap();
    let err = app.exported_path(&id.to_string(), "pdf").unwrap_err();
    assert_eq!(err.code, ErrorCode::NotFound);
    let err = app
        .exported_path(&id.to_string(), "../../etc/passwd")
        .unwrap_err();
    assert_eq!(
        (err.code, err.field.as_deref()),
        (ErrorCode::InvalidInput, Some("target"))
    );
}

/// Issue 12, item 2: a lost key is replaced: the old one is put aside (not deleted), the new
/// one signs with the new passphrase and is queued for the share like a first key, and a note
/// signed with the old key still verifies.
#[test]
fn a_lost_key_is_replaced_the_old_one_retired_and_its_notes_still_verify() {
    let dir = TestDir::new();
    let (app, clock) = app_with_key(dir.path());
    let old = app.key_status().unwrap().key_id.unwrap();
    let first = draft_from_fixture(&app, &clock, "citizen-asked-first-allowed");
    app.finish_and_sign(&first.to_string(), passphrase(PASSPHRASE))
        .unwrap();

    // A passphrase that is too short moves nothing.
    let err = app.replace_key(passphrase("kort")).unwrap_err();
    assert_eq!(err.code, ErrorCode::PassphraseTooShort);
    assert_eq!(
        app.key_status().unwrap().key_id.as_deref(),
        Some(old.as_str())
    );

    let new_pass = "ny og længere adgangssætning";
    let status = app.replace_key(passphrase(new_pass)).unwrap();
    let new = status.key_id.clone().unwrap();
    assert_ne!(new, old);
    assert_eq!(
        app.key_status().unwrap().key_id.as_deref(),
        Some(new.as_str())
    );
    let retired = app.keys_dir().join("retired");
    let mut names: Vec<String> = std::fs::read_dir(&retired)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    assert_eq!(names.len(), 3, "{names:?}");
    assert!(names.iter().all(|n| n.starts_with(&old)), "{names:?}");
    let secret = names.iter().find(|n| n.ends_with(".sec")).unwrap();
    use std::os::unix::fs::PermissionsExt;
    let mode = std::fs::metadata(retired.join(secret))
        .unwrap()
        .permissions()
        .mode();
    assert_eq!(mode & 0o077, 0, "the retired secret stays owner-only");

    // The new key signs with the new passphrase only; the old passphrase no longer does.
    let second = draft_from_fixture(&app, &clock, "citizen-open-without-asking");
    let err = app
        .finish_and_sign(&second.to_string(), passphrase(PASSPHRASE))
        .unwrap_err();
    assert_eq!(err.code, ErrorCode::WrongPassphrase);
    app.finish_and_sign(&second.to_string(), passphrase(new_pass))
        .unwrap();
    let store = open_store(&app);
    for key in [&old, &new] {
        let queued: i64 = store
            .connection()
            .query_row(
                "SELECT count(*) FROM outbox WHERE note_id = ?1",
                [format!("key-{key}")],
                |r| r.get(0),
            )
            .unwrap();
        assert!(queued > 0, "key {key} is queued for the share");
    }
    // The note signed with the old key still verifies: its signer.pub travels with it.
    let out = dir.join("out");
    std::fs::create_dir_all(&out).unwrap();
    let exported = app.export_note(&first.to_string(), &out).unwrap();
    let report = samtalenotat_core::note::verify::verify_folder(
        Path::new(&exported.folder),
        &samtalenotat_core::note::verify::TrustedKeys::new(),
        true,
    );
    assert!(report.ok, "{:?}", report.failure_lines());
}

#[test]
fn export_is_create_only_idempotent_and_writes_the_json_signature_last() {
    let dir = TestDir::new();
    let signer_key = signer_key(&dir);
    let key = &signer_key.key;
    let note = sign_fixture("video-requested-decided", key);
    assert_eq!(note.artifacts().last().unwrap().0, NOTE_JSON_SIG);
    let parent = &dir;
    let name = ExportFolderName::new(
        chrono::NaiveDate::from_ymd_opt(2026, 11, 9).unwrap(),
        "27.12.00-A00-1234-26",
        &note.note_id,
    )
    .unwrap();
    let (folder, files) =
        samtalenotat_core::note::export::export_note(parent.path(), &name, &note.artifacts())
            .unwrap();
    assert_eq!(
        folder,
        parent.path().join(format!(
            "2026-11-09 27.12.00-A00-1234-26 {}",
            &note.note_id[18..]
        ))
    );
    assert_eq!(files.last().map(String::as_str), Some(NOTE_JSON_SIG));
    // Again: same bytes, fine. A different file under a final name: conflict, untouched.
    samtalenotat_core::note::export::export_note(parent.path(), &name, &note.artifacts()).unwrap();
    std::fs::write(folder.join(NOTE_PDF), b"other").unwrap();
    assert!(matches!(
        samtalenotat_core::note::export::export_note(parent.path(), &name, &note.artifacts()),
        Err(NoteError::Conflict { .. })
    ));
    assert_eq!(std::fs::read(folder.join(NOTE_PDF)).unwrap(), b"other");
    let leftovers: Vec<_> = std::fs::read_dir(&folder)
        .unwrap()
        .filter_map(Result::ok)
        .filter(|e| e.file_name().to_string_lossy().starts_with('.'))
        .collect();
    assert!(leftovers.is_empty(), "no temporary files left");
}

// ---------------------------------------------------------------------------------------------
// The CLI

#[test]
fn cli_keygen_sign_verify_round_trip_with_exit_codes() {
    require("minisign");
    let dir = TestDir::new();
    let pass = dir.path().join("pass.txt");
    std::fs::write(&pass, format!("{PASSPHRASE}\n")).unwrap();
    let keys_dir = dir.path().join("keys");
    let out = dir
        .cli()
        .args(["keygen", "--dir"])
        .arg(&keys_dir)
        .args([
            "--name",
            "Mette Sørensen",
            "--initials",
            "MESO",
            "--passphrase-file",
        ])
        .arg(&pass)
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let sec = std::fs::read_dir(&keys_dir)
        .unwrap()
        .filter_map(Result::ok)
        .map(|e| e.path())
        .find(|p| p.extension().is_some_and(|x| x == "sec"))
        .unwrap();

    // The passphrase on standard input works too; a wrong one fails with exit 2.
    let record = record_fixture_path("refused-ground-b-others-matters.json");
    let note_dir = dir.path().join("note");
    let mut child = dir
        .cli()
        .arg("sign")
        .arg(&record)
        .arg("--key")
        .arg(&sec)
        .arg("--out")
        .arg(&note_dir)
        .args(["--now", "2026-11-28T13:05:00Z"])
        .stdin(std::process::Stdio::piped())
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    use std::io::Write;
    child
        .stdin
        .take()
        .unwrap()
        .write_all(format!("{PASSPHRASE}\n").as_bytes())
        .unwrap();
    let out = child.wait_with_output().unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    for name in [NOTE_JSON, NOTE_JSON_SIG, NOTE_PDF, NOTE_PDF_SIG, SIGNER_PUB] {
        assert!(note_dir.join(name).is_file(), "{name}");
    }
    assert!(
        minisign_verify(&note_dir.join(NOTE_PDF), &note_dir.join(SIGNER_PUB))
            .status
            .success()
    );

    let wrong = dir.path().join("wrong.txt");
    std::fs::write(&wrong, "forkert kodeord\n").unwrap();
    let out = dir
        .cli()
        .arg("sign")
        .arg(&record)
        .arg("--key")
        .arg(&sec)
        .arg("--out")
        .arg(dir.path().join("other"))
        .arg("--passphrase-file")
        .arg(&wrong)
        .args(["--now", "2026-11-28T13:05:00Z"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("wrong passphrase"));

    // An unfinishable record is refused with the rule lines and exit 1.
    let out = dir
        .cli()
        .arg("sign")
        .arg(record_fixture_path("refused-incomplete.json"))
        .arg("--key")
        .arg(&sec)
        .arg("--out")
        .arg(dir.path().join("x"))
        .arg("--passphrase-file")
        .arg(&pass)
        .args(["--now", "2026-11-28T13:05:00Z"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&out.stdout).contains("G-REFUSE"));
    assert!(!dir.path().join("x").exists());

    // verify: 0 when all is well, 1 with one line per failure.
    let ok = dir
        .cli()
        .arg("verify")
        .arg(&note_dir)
        .arg("--keys")
        .arg(&keys_dir)
        .output()
        .unwrap();
    assert_eq!(
        ok.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&ok.stdout)
    );
    flip(&note_dir.join(NOTE_PDF), 500);
    std::fs::remove_file(note_dir.join(NOTE_JSON_SIG)).unwrap();
    let bad = dir
        .cli()
        .arg("verify")
        .arg(&note_dir)
        .arg("--keys")
        .arg(&keys_dir)
        .output()
        .unwrap();
    assert_eq!(bad.status.code(), Some(1));
    let stdout = String::from_utf8(bad.stdout).unwrap();
    assert!(
        stdout.lines().any(|l| l.starts_with("note.pdf: ")),
        "{stdout}"
    );
    assert!(
        stdout.lines().any(|l| l == "note.json.minisig: missing"),
        "{stdout}"
    );
    // Not trusted: another keys folder.
    let other_keys = &other_key(&dir).dir;
    let bad = dir
        .cli()
        .arg("verify")
        .arg(&note_dir)
        .arg("--keys")
        .arg(other_keys)
        .output()
        .unwrap();
    assert_eq!(bad.status.code(), Some(1));
    // The passphrase is never an argument.
    let out = dir
        .cli()
        .args([
            "keygen",
            "--dir",
            "x",
            "--name",
            "A",
            "--initials",
            "A",
            "--passphrase",
            "p",
        ])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
}
