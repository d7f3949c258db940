//! G-RECORD, input at the boundary: no CPR number reaches the database however it is
//! written, no invisible character in any text, the signer named in clean text, bounded
//! input refused at once, coded choices ticked once.

use std::time::{Duration, Instant};

use samtalenotat_core::app::ErrorCode;
use samtalenotat_core::domain::input::{
    clean_multiline_text, clean_signer, clean_text, InputError, RECORD_TEXT_FIELDS,
};
use samtalenotat_core::domain::rules::{RuleId, ViolationCode};
use samtalenotat_core::domain::{MeetingRecord, RecordingReason, StaffMember};
use samtalenotat_core::store::DATABASE_FILE_NAME;
use serde_json::Value;

use super::{allowed_record, assert_rule, blocking, check, now};
use crate::harness::{app_at, draft_in_app, TestDir};

/// 7 March 1990, serial 1234, as people write it (and as pasting leaves it).
const CPR_SPELLINGS: &[&str] = &[
    "0703901234",
    "070390-1234",
    "070390 1234",
    "070390\u{00A0}1234",  // no-break space
    "070390\u{202F}1234",  // narrow no-break space
    "070390\u{2009}1234",  // thin space
    "070390\u{2013}1234",  // en dash
    "070390\u{2011}1234",  // non-breaking hyphen
    "070390\u{2212}1234",  // minus sign
    "070390 - 1234",       // spaced hyphen
    "07.03.90-1234",       // dotted date
    "070390.1234",         // dot
    "07/03/90-1234",       // slashed date
    "070390/1234",         // slash
    "070390\u{200B}1234",  // zero-width space
    "0703\u{00AD}90-1234", // soft hyphen
    "070390\u{2060}1234",  // word joiner
    "07 03 90 12 34",      // spaced digits
    "07 03 90 - 12 34",
];

/// Sets the text at a dotted path of a record's JSON.
fn set_path(value: &mut Value, path: &str, text: &str) {
    let mut node = value;
    for key in path.split('.') {
        node = node.get_mut(key).unwrap_or_else(|| panic!("{path}"));
    }
    *node = Value::String(text.to_owned());
}

fn contains(haystack: &[u8], needle: &[u8]) -> bool {
    haystack.windows(needle.len()).any(|w| w == needle)
}

#[test]
fn g_record_a_cpr_number_in_any_spelling_is_refused_by_save_draft_and_never_stored() {
    let dir = TestDir::new();
    let (app, clock) = app_at(dir.path(), now());
    let id = draft_in_app(&app, &clock, allowed_record(), now());
    let before = app.get_record(&id.to_string()).unwrap().record;
    let events_before = {
        let store = samtalenotat_core::store::Store::open(&app.config().database_path()).unwrap();
        store.record_events(id).unwrap().len()
    };
    for path in RECORD_TEXT_FIELDS.iter().map(|s| s.path) {
        for cpr in CPR_SPELLINGS {
            let mut value = serde_json::to_value(&before).unwrap();
            // In a sentence, as a note would have it; alone in the short fields.
            let text = if path.ends_with("initials") {
                (*cpr).to_owned()
            } else {
                format!("Oplyst: {cpr}.")
            };
            set_path(&mut value, path, &text);
            let err = app.save_draft(value).unwrap_err();
            assert_eq!(err.code, ErrorCode::TextCprNumber, "{path}: {cpr:?}: {err}");
            assert_eq!(err.field.as_deref(), Some(path), "{cpr:?}");
        }
    }
    // Not even as a notice id (a map key the front end sends).
    for cpr in CPR_SPELLINGS {
        let mut value = serde_json::to_value(&before).unwrap();
        value["notices"][*cpr] = serde_json::json!("2026-11-02T10:02:00Z");
        let err = app.save_draft(value).unwrap_err();
        assert_eq!(
            (err.code, err.field.as_deref()),
            (ErrorCode::TextCprNumber, Some("notices")),
            "{cpr:?}"
        );
    }
    // The stored draft is as it was, and no change was logged.
    assert_eq!(app.get_record(&id.to_string()).unwrap().record, before);
    let store = samtalenotat_core::store::Store::open(&app.config().database_path()).unwrap();
    assert_eq!(store.record_events(id).unwrap().len(), events_before);
    assert_eq!(store.verify_chain(id).unwrap(), Ok(()));
    drop(store);

    // Nowhere in the database file or its write-ahead log, in any spelling.
    let data = app.data_dir().to_path_buf();
    let mut bytes = std::fs::read(data.join(DATABASE_FILE_NAME)).unwrap();
    let wal = data.join(format!("{DATABASE_FILE_NAME}-wal"));
    assert!(wal.is_file(), "the database runs in WAL mode");
    bytes.extend(std::fs::read(&wal).unwrap());
    let mut needles: Vec<String> = CPR_SPELLINGS.iter().map(|s| (*s).to_owned()).collect();
    needles.extend(["0703901234".into(), "070390".into(), "07.03.90".into()]);
    for needle in &needles {
        assert!(
            !contains(&bytes, needle.as_bytes()),
            "{needle:?} found in the database files"
        );
    }
}

#[test]
fn g_record_invisible_characters_are_refused_in_all_text() {
    let invisible = [
        '\u{200B}', // zero-width space
        '\u{200C}', // zero-width non-joiner
        '\u{200D}', // zero-width joiner
        '\u{00AD}', // soft hyphen
        '\u{2060}', // word joiner
        '\u{2063}', // invisible separator
        '\u{200E}', // left-to-right mark
        '\u{200F}', // right-to-left mark
        '\u{061C}', // Arabic letter mark
        '\u{180E}', // Mongolian vowel separator
        '\u{FEFF}', // zero-width no-break space
        '\u{202E}', // right-to-left override
        '\u{2066}', // left-to-right isolate
        '\u{206A}', // inhibit symmetric swapping
    ];
    for c in invisible {
        let text = format!("Bolig{c}støtte");
        for clean in [clean_text, clean_multiline_text] {
            assert_eq!(
                clean("meeting.subject", &text, 200),
                Err(InputError::ControlCharacter {
                    field: "meeting.subject".into(),
                    code_point: u32::from(c),
                }),
                "U+{:04X}",
                u32::from(c)
            );
        }
        // A record file carrying one is flagged by the validator.
        let mut file = allowed_record();
        file.meeting.subject = text.clone();
        assert_rule(
            &file,
            &allowed_record(),
            blocking(
                RuleId::Record,
                "meeting.subject",
                ViolationCode::TextControlCharacter,
            ),
        );
    }
    // Through the application layer, in every text field of the record.
    let dir = TestDir::new();
    let (app, clock) = app_at(dir.path(), now());
    let id = draft_in_app(&app, &clock, allowed_record(), now());
    let before = app.get_record(&id.to_string()).unwrap().record;
    for path in RECORD_TEXT_FIELDS.iter().map(|s| s.path) {
        for c in invisible {
            let mut value = serde_json::to_value(&before).unwrap();
            set_path(&mut value, path, &format!("AB{c}CD"));
            let err = app.save_draft(value).unwrap_err();
            assert_eq!(err.code, ErrorCode::TextControlCharacter, "{path}: {err}");
            assert_eq!(err.field.as_deref(), Some(path));
            assert_eq!(
                err.params.code_point.as_deref(),
                Some(format!("U+{:04X}", u32::from(c)).as_str()),
                "{path}"
            );
        }
    }
    assert_eq!(app.get_record(&id.to_string()).unwrap().record, before);
    // The other texts a user types: the staff member, a discard reason.
    let err = app
        .save_settings(serde_json::json!({
            "staff": { "name": "Mette\u{200B} Sørensen", "initials": "MESO" },
            "units": [], "rooms": [], "language": "da", "share_dir": ""
        }))
        .unwrap_err();
    assert_eq!(
        (err.code, err.field.as_deref()),
        (ErrorCode::TextControlCharacter, Some("staff.name"))
    );
    let err = app
        .discard_draft(&id.to_string(), "Fejl\u{00AD}oprettet")
        .unwrap_err();
    assert_eq!(
        (err.code, err.field.as_deref()),
        (ErrorCode::TextControlCharacter, Some("reason"))
    );
    // Ordinary Danish text is never hurt.
    assert_eq!(
        clean_text("f", "Ærø – Østergård, 2. sal", 200).unwrap(),
        "Ærø – Østergård, 2. sal"
    );
}

#[test]
fn g_record_the_signers_name_and_initials_are_cleaned_before_they_are_signed() {
    use samtalenotat_core::note::{sign_note, Signing};
    // Trimmed and NFC (a decomposed é becomes one character); invisible characters refused.
    let cleaned = clean_signer(&StaffMember {
        name: "  Rene\u{0301} Sørensen ".into(),
        initials: " RESO ".into(),
    })
    .unwrap();
    assert_eq!(
        (cleaned.name.as_str(), cleaned.initials.as_str()),
        ("René Sørensen", "RESO")
    );
    assert!(matches!(
        clean_signer(&StaffMember {
            name: "René Sørensen".into(),
            initials: "RE\u{200B}SO".into(),
        }),
        Err(InputError::ControlCharacter { field, .. }) if field == "signer.initials"
    ));
    assert!(matches!(
        clean_signer(&StaffMember {
            name: " ".into(),
            initials: "RESO".into(),
        }),
        Err(InputError::Empty { field }) if field == "signer.name"
    ));

    // The note names the cleaned signer, whatever the caller handed in.
    let dir = TestDir::new();
    let keys = dir.join("keys");
    let staff = StaffMember {
        name: "René Sørensen".into(),
        initials: "RESO".into(),
    };
    let info = samtalenotat_core::note::keys::generate_key(
        &keys,
        &staff,
        crate::harness::PASSPHRASE,
        now(),
    )
    .unwrap();
    let key =
        samtalenotat_core::note::keys::unlock(&info.secret_key_path, crate::harness::PASSPHRASE)
            .unwrap();
    let record = super::finished(allowed_record());
    let sign = |signer: &StaffMember| {
        sign_note(
            &record,
            super::policy(),
            Signing {
                key: &key,
                signer,
                lang: samtalenotat_core::domain::Lang::Da,
            },
            now(),
        )
    };
    let note = sign(&StaffMember {
        name: "  Rene\u{0301} Sørensen ".into(),
        initials: "RESO ".into(),
    })
    .unwrap();
    assert_eq!(note.document.signer.name, "René Sørensen");
    assert_eq!(note.document.signer.initials, "RESO");
    let err = sign(&StaffMember {
        name: "René\u{2060} Sørensen".into(),
        initials: "RESO".into(),
    })
    .unwrap_err();
    let err = samtalenotat_core::app::AppError::from(err);
    assert_eq!(
        (err.code, err.field.as_deref()),
        (ErrorCode::TextControlCharacter, Some("signer.name"))
    );

    // Settings written by an older build (which let a zero-width space through) cannot put
    // it into a signed note: finishing is refused, naming the signer, and nothing is signed.
    let (app, clock) = crate::harness::app_with_key(&dir.join("app"), now());
    let id = draft_in_app(&app, &clock, allowed_record(), now());
    let store = samtalenotat_core::store::Store::open(&app.config().database_path()).unwrap();
    let mut old = store.load_settings().unwrap();
    old.staff.name = "Mette\u{200B} Sørensen".into();
    store.save_settings(&old).unwrap();
    let err = app
        .finish_and_sign(
            &id.to_string(),
            zeroize::Zeroizing::new(crate::harness::PASSPHRASE.to_owned()),
        )
        .unwrap_err();
    assert_eq!(
        (err.code, err.field.as_deref()),
        (ErrorCode::TextControlCharacter, Some("signer.name"))
    );
    assert!(store.artifacts(&id.to_string()).unwrap().is_empty());
    // Untrimmed: signed, trimmed.
    old.staff.name = " Mette Sørensen ".into();
    store.save_settings(&old).unwrap();
    app.finish_and_sign(
        &id.to_string(),
        zeroize::Zeroizing::new(crate::harness::PASSPHRASE.to_owned()),
    )
    .unwrap();
    let json = store
        .artifact(&id.to_string(), samtalenotat_core::note::NOTE_JSON)
        .unwrap()
        .unwrap()
        .bytes;
    let doc = samtalenotat_core::note::canonical::NoteDocument::parse_canonical(&json).unwrap();
    assert_eq!(doc.signer.name, "Mette Sørensen");
}

#[test]
fn g_record_a_50_mb_field_is_refused_in_well_under_a_second() {
    let huge = "æ".repeat(25 * 1024 * 1024); // 50 MB of UTF-8
    assert_eq!(huge.len(), 50 * 1024 * 1024);
    let started = Instant::now();
    let err = clean_multiline_text("refusal.assessment", &huge, 4000).unwrap_err();
    let took = started.elapsed();
    assert!(
        matches!(err, InputError::TooLong { ref field, max: 4000, .. } if field == "refusal.assessment"),
        "{err:?}"
    );
    assert!(took < Duration::from_secs(1), "clean took {took:?}");

    // Through the application layer, as a front end would send it.
    let dir = TestDir::new();
    let (app, clock) = app_at(dir.path(), now());
    let id = draft_in_app(&app, &clock, allowed_record(), now());
    let before = app.get_record(&id.to_string()).unwrap().record;
    let mut value = serde_json::to_value(&before).unwrap();
    set_path(&mut value, "meeting.subject", &huge);
    let started = Instant::now();
    let err = app.save_draft(value).unwrap_err();
    let took = started.elapsed();
    assert_eq!(err.code, ErrorCode::TextTooLong, "{err}");
    assert!(took < Duration::from_secs(1), "save_draft took {took:?}");
    assert_eq!(app.get_record(&id.to_string()).unwrap().record, before);
}

#[test]
fn g_record_a_reason_ticked_twice_is_flagged_and_saved_once() {
    use samtalenotat_core::domain::input::clean_record;
    let mut twice: MeetingRecord = allowed_record();
    twice.recording.reasons = vec![
        RecordingReason::NoteTakingDifficulty,
        RecordingReason::MemoryOrConcentration,
        RecordingReason::NoteTakingDifficulty,
    ];
    let mut once = twice.clone();
    once.recording.reasons = vec![
        RecordingReason::NoteTakingDifficulty,
        RecordingReason::MemoryOrConcentration,
    ];
    assert_rule(
        &twice,
        &once,
        blocking(
            RuleId::Record,
            "recording.reasons",
            ViolationCode::DuplicateEntry,
        ),
    );
    assert_eq!(check(&once), vec![]);
    assert_eq!(
        clean_record(&twice).unwrap().recording.reasons,
        once.recording.reasons
    );
    let dir = TestDir::new();
    let (app, clock) = app_at(dir.path(), now());
    let id = draft_in_app(&app, &clock, twice, now());
    assert_eq!(
        app.get_record(&id.to_string())
            .unwrap()
            .record
            .recording
            .reasons,
        once.recording.reasons
    );
}
