//! G-RECORD, corrections: "A signed record never changes; a correction is a signed addendum
//! that points to the original by its hash." Made through the application layer and the
//! CLI, pointing to the original's signed note.json, never to itself, with a reason and the
//! changed fields listed old and new in the note.

use samtalenotat_core::app::ErrorCode;
use samtalenotat_core::domain::policy::Lang;
use samtalenotat_core::domain::rules::{RuleId, ViolationCode};
use samtalenotat_core::domain::{AddendumTo, FieldCorrection, RecordState};
use samtalenotat_core::note::canonical::NoteDocument;
use samtalenotat_core::note::text::note_text;
use samtalenotat_core::note::{sha256_hex, NOTE_JSON};
use samtalenotat_core::store::Store;
use zeroize::Zeroizing;

use super::{allowed_record, assert_rule, blocking, check, id, now, policy};
use crate::harness::{app_with_key, signed_in_app, TestDir, PASSPHRASE};

fn passphrase() -> Zeroizing<String> {
    Zeroizing::new(PASSPHRASE.to_owned())
}

const HASH: &str = "4f9a1c0d2e3b4a5968778695a4b3c2d1e0f1a2b3c4d5e6f708192a3b4c5d6e7f";

/// `allowed_record()` as an addendum to record 9.
fn addendum_record() -> samtalenotat_core::domain::MeetingRecord {
    let mut r = allowed_record();
    r.addendum_to = Some(AddendumTo {
        record_id: id(9),
        content_hash: HASH.into(),
        reason: "Forkert sagsnummer.".into(),
        changes: Vec::new(),
    });
    r
}

#[test]
fn g_record_an_addendum_is_made_from_the_signed_note_and_lists_what_it_changes() {
    let dir = TestDir::new();
    let (app, clock) = app_with_key(dir.path(), now());
    let original = signed_in_app(&app, &clock, allowed_record(), now());
    let store = Store::open(&app.config().database_path()).unwrap();
    let signed_json = store
        .artifact(&original.to_string(), NOTE_JSON)
        .unwrap()
        .unwrap()
        .bytes;
    let signed_hash = sha256_hex(&signed_json);
    let base = store.get_record(original).unwrap();

    // A draft with the original's facts, pointing to its signed content hash.
    let view = app
        .create_addendum(&original.to_string(), "Forkert sagsnummer ved en fejl.")
        .unwrap();
    let draft = view.record;
    assert_eq!(draft.state, RecordState::Draft);
    assert_ne!(draft.id, original, "a new record, never the original");
    let to = draft.addendum_to.clone().unwrap();
    assert_eq!(
        (to.record_id, to.content_hash.as_str(), to.reason.as_str()),
        (
            original,
            signed_hash.as_str(),
            "Forkert sagsnummer ved en fejl."
        )
    );
    assert!(to.changes.is_empty());
    assert_eq!(draft.meeting, base.meeting);
    assert_eq!(draft.recording, base.recording);
    assert_eq!(draft.notices, base.notices);
    assert_eq!(draft.oral_decision, base.oral_decision);
    assert_eq!(
        view.violations,
        vec![],
        "unchanged, it can be signed as it is"
    );

    // Edited: the changes are worked out by the app, whatever the front end claims, and the
    // pointer cannot be moved (not to the addendum itself, not to another hash).
    let mut edited = draft.clone();
    edited.meeting.case_number = "27.12.00-A00-9999-26".into();
    edited.meeting.subject = "Boligstøtte, rettet".into();
    edited.addendum_to = Some(AddendumTo {
        record_id: draft.id,
        content_hash: "0".repeat(64),
        reason: "Sagsnummeret var forkert.".into(),
        changes: vec![FieldCorrection {
            field: "meeting.unit".into(),
            old: "x".into(),
            new: "y".into(),
        }],
    });
    let saved = app
        .save_draft(serde_json::to_value(&edited).unwrap())
        .unwrap()
        .record;
    let to = saved.addendum_to.clone().unwrap();
    assert_eq!(to.record_id, original, "never points to itself");
    assert_eq!(to.content_hash, signed_hash);
    assert_eq!(to.reason, "Sagsnummeret var forkert.");
    let mut changes = to.changes.clone();
    changes.sort_by(|a, b| a.field.cmp(&b.field));
    assert_eq!(
        changes,
        vec![
            FieldCorrection {
                field: "meeting.case_number".into(),
                old: "27.12.00-A00-1234-26".into(),
                new: "27.12.00-A00-9999-26".into(),
            },
            FieldCorrection {
                field: "meeting.subject".into(),
                old: "Boligstøtte".into(),
                new: "Boligstøtte, rettet".into(),
            },
        ]
    );

    // Signed: the note says it is an addendum, why, and what changed, old and new.
    app.finish_and_sign(&saved.id.to_string(), passphrase())
        .unwrap();
    let json = store
        .artifact(&saved.id.to_string(), NOTE_JSON)
        .unwrap()
        .unwrap()
        .bytes;
    let doc = NoteDocument::parse_canonical(&json).unwrap();
    assert_eq!(doc.title, "Tillæg: Notat om lydoptagelse af samtale");
    let reference = doc.addendum_to.clone().unwrap();
    assert_eq!(reference.note_id, original.to_string());
    assert_eq!(reference.content_hash, signed_hash);
    assert_eq!(
        reference.reason.as_deref(),
        Some("Sagsnummeret var forkert.")
    );
    assert_eq!(reference.changes.as_ref().map(Vec::len), Some(2));
    let statement = doc
        .statements
        .iter()
        .find(|s| s.key == "addendum_statement")
        .expect("the policy's addendum statement");
    assert_eq!(statement.rule, "G-RECORD");
    let text = note_text(&doc, &sha256_hex(&json));
    for line in [
        "Tilføjelse\n",
        statement.text.as_str(),
        "Grund til rettelsen: Sagsnummeret var forkert.",
        "Rettede oplysninger\n",
        "meeting.case_number: før: 27.12.00-A00-1234-26 · nu: 27.12.00-A00-9999-26",
        "meeting.subject: før: Boligstøtte · nu: Boligstøtte, rettet",
        signed_hash.as_str(),
    ] {
        assert!(text.contains(line), "{line:?} in {text}");
    }
    assert_eq!(
        text.matches(statement.text.as_str()).count(),
        1,
        "printed once"
    );
    // The original is untouched.
    assert_eq!(
        store
            .artifact(&original.to_string(), NOTE_JSON)
            .unwrap()
            .unwrap()
            .bytes,
        signed_json
    );
    // Only a signed note can be corrected.
    let draft_only = crate::harness::draft_in_app(&app, &clock, allowed_record(), now());
    let err = app
        .create_addendum(&draft_only.to_string(), "x")
        .unwrap_err();
    assert_eq!(err.code, ErrorCode::RecordNotFinished);
}

#[test]
fn g_record_an_addendum_needs_a_reason_and_the_originals_signed_hash() {
    let dir = TestDir::new();
    let (app, clock) = app_with_key(dir.path(), now());
    let original = signed_in_app(&app, &clock, allowed_record(), now());
    // No reason yet: blocked until one is written.
    let view = app.create_addendum(&original.to_string(), "  ").unwrap();
    let missing = blocking(
        RuleId::Record,
        "addendum_to.reason",
        ViolationCode::AddendumReasonMissing,
    );
    assert_eq!(view.violations, vec![missing.clone()]);
    let err = app
        .finish_and_sign(&view.record.id.to_string(), passphrase())
        .unwrap_err();
    assert_eq!(err.code, ErrorCode::RuleViolation);
    let mut with_reason = view.record.clone();
    with_reason.addendum_to.as_mut().unwrap().reason = "Mødets sluttid var forkert.".into();
    let saved = app
        .save_draft(serde_json::to_value(&with_reason).unwrap())
        .unwrap();
    assert_eq!(saved.violations, vec![]);

    // A well-formed hash that is not the original's signed content: refused when signing.
    let mut store = Store::open(&app.config().database_path()).unwrap();
    let forged = store
        .create_addendum(
            AddendumTo {
                record_id: original,
                content_hash: HASH.into(),
                reason: "Rettelse.".into(),
                changes: Vec::new(),
            },
            id(77),
            now(),
            policy().reference(),
            "test",
        )
        .unwrap();
    let err = app
        .finish_and_sign(&forged.id.to_string(), passphrase())
        .unwrap_err();
    assert_eq!(
        (err.code, err.field.as_deref()),
        (ErrorCode::InvalidInput, Some("addendum_to.content_hash"))
    );
    assert_eq!(
        store.get_record(forged.id).unwrap().state,
        RecordState::Draft
    );
    // The one with the true hash signs.
    app.finish_and_sign(&saved.record.id.to_string(), passphrase())
        .unwrap();
}

#[test]
fn g_record_an_addendum_never_points_to_itself_and_its_hash_is_64_hex_digits() {
    assert_eq!(check(&addendum_record()), vec![]);
    let malformed = blocking(
        RuleId::Record,
        "addendum_to.content_hash",
        ViolationCode::AddendumHashMalformed,
    );
    for hash in [
        "",
        &HASH[..63],
        &format!("{HASH}0"),
        &HASH.to_uppercase(),
        &format!("{}g", &HASH[..63]),
        &format!("sha256:{}", &HASH[7..]),
    ] {
        let mut broken = addendum_record();
        broken.addendum_to.as_mut().unwrap().content_hash = hash.to_owned();
        assert_rule(&broken, &addendum_record(), malformed.clone());
    }
    let mut itself = addendum_record();
    itself.addendum_to.as_mut().unwrap().record_id = itself.id;
    assert_rule(
        &itself,
        &addendum_record(),
        blocking(
            RuleId::Record,
            "addendum_to.record_id",
            ViolationCode::AddendumPointsToItself,
        ),
    );
    let mut no_reason = addendum_record();
    no_reason.addendum_to.as_mut().unwrap().reason = " ".into();
    assert_rule(
        &no_reason,
        &addendum_record(),
        blocking(
            RuleId::Record,
            "addendum_to.reason",
            ViolationCode::AddendumReasonMissing,
        ),
    );
    // The CLI's validate says the same of a file.
    let dir = TestDir::new();
    let mut file = addendum_record();
    file.addendum_to.as_mut().unwrap().content_hash = "abc".into();
    let path = dir.join("addendum.json");
    std::fs::write(&path, serde_json::to_string_pretty(&file).unwrap()).unwrap();
    let out = dir
        .cli()
        .args([
            "validate",
            path.to_str().unwrap(),
            "--now",
            &now().to_rfc3339(),
        ])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    let stdout = String::from_utf8(out.stdout).unwrap();
    assert!(
        stdout.starts_with("G-RECORD  addendum_to.content_hash  "),
        "{stdout}"
    );
    // Its title says it is a correction.
    assert_eq!(
        policy().note_title(&addendum_record(), Lang::En),
        "Addendum: Note on the audio recording of a meeting"
    );
}

#[test]
fn g_record_the_cli_starts_an_addendum_of_a_signed_note() {
    let dir = TestDir::new();
    let (app, clock) = app_with_key(dir.path(), now());
    let original = signed_in_app(&app, &clock, allowed_record(), now());
    let db = app.config().database_path();
    let signed_hash = Store::open(&db)
        .unwrap()
        .artifact(&original.to_string(), NOTE_JSON)
        .unwrap()
        .unwrap()
        .sha256;
    let out = dir
        .cli()
        .arg("addendum")
        .arg("--db")
        .arg(&db)
        .arg(original.to_string())
        .args(["--reason", "Forkert sagsnummer."])
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let stdout = String::from_utf8(out.stdout).unwrap();
    let made = stdout
        .strip_prefix("addendum ")
        .and_then(|rest| rest.split_whitespace().next())
        .unwrap_or_else(|| panic!("{stdout}"));
    assert!(stdout.contains(&format!("to note {original}")), "{stdout}");
    let record = app.get_record(made).unwrap().record;
    let to = record.addendum_to.unwrap();
    assert_eq!(
        (to.record_id, to.content_hash, to.reason.as_str()),
        (original, signed_hash, "Forkert sagsnummer.")
    );
    // A draft cannot be corrected; a bad id is named.
    let draft = crate::harness::draft_in_app(&app, &clock, allowed_record(), now());
    let out = dir
        .cli()
        .arg("addendum")
        .arg("--db")
        .arg(&db)
        .arg(draft.to_string())
        .args(["--reason", "x"])
        .output()
        .unwrap();
    assert!(!out.status.success());
    assert!(
        String::from_utf8_lossy(&out.stderr).contains("record_not_finished"),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let out = dir
        .cli()
        .args(["addendum", "--db"])
        .arg(&db)
        .args(["not-an-id", "--reason", "x"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    let out = dir.cli().args(["addendum", "--help"]).output().unwrap();
    assert!(String::from_utf8_lossy(&out.stdout).contains("Usage: samtalenotat-cli addendum"));
}
