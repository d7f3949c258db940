//! A finished record without its signed note is impossible: refused by the store in the
//! finishing transaction, and by the database itself for anything that goes around it.

use chrono::{DateTime, Utc};
use samtalenotat_core::domain::{MeetingKind, MeetingRecord, Policy, RecordId, RecordState};
use samtalenotat_core::store::artifacts::NewArtifact;
use samtalenotat_core::store::{Store, StoreError};

fn fixture() -> MeetingRecord {
    let path = format!(
        "{}/../../tests/fixtures/records/citizen-asked-first-allowed.json",
        env!("CARGO_MANIFEST_DIR")
    );
    serde_json::from_str(&std::fs::read_to_string(path).unwrap()).unwrap()
}

fn now() -> DateTime<Utc> {
    "2026-11-02T10:50:00Z".parse().unwrap()
}

fn stored_draft(store: &mut Store) -> RecordId {
    let mut record = fixture();
    record.policy = Policy::builtin().reference();
    store.insert_record(&record, "test").unwrap();
    record.id
}

#[test]
fn finishing_without_artifacts_is_refused_and_changes_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let mut store = Store::open(&dir.path().join("db.sqlite3")).unwrap();
    let id = stored_draft(&mut store);
    let err = store
        .finish_record_with(id, now(), "test", Policy::builtin(), |_| {
            Ok::<_, StoreError>(Vec::new())
        })
        .unwrap_err();
    assert!(matches!(err, StoreError::NoArtifacts(_)), "{err}");
    assert_eq!(store.get_record(id).unwrap().state, RecordState::Draft);
    assert_eq!(
        store.record_events(id).unwrap().len(),
        1,
        "no event was written"
    );
}

#[test]
fn the_database_refuses_a_finished_row_without_artifacts() {
    let dir = tempfile::tempdir().unwrap();
    let mut store = Store::open(&dir.path().join("db.sqlite3")).unwrap();
    let id = stored_draft(&mut store);
    let err = store
        .connection()
        .execute(
            "UPDATE records SET state = 'finished' WHERE id = ?1",
            [id.to_string()],
        )
        .unwrap_err();
    assert!(err.to_string().contains("signed artifacts"), "{err}");
    // Inserting a finished record directly is refused too.
    let mut other = MeetingRecord::new_draft(
        RecordId(ulid::Ulid::from_parts(1_780_000_000_000, 9)),
        now(),
        MeetingKind::Citizen,
        Policy::builtin().reference(),
    );
    other.state = RecordState::Finished;
    let err = store
        .connection()
        .execute(
            "INSERT INTO records (id, state, kind, created_at, updated_at, unit, case_number,
                                  subject, counterpart, body)
             VALUES (?1, 'finished', 'citizen', '', '', '', '', '', '', '{}')",
            [other.id.to_string()],
        )
        .unwrap_err();
    assert!(err.to_string().contains("signed artifacts"), "{err}");
}

#[test]
fn with_its_artifacts_the_record_is_finished() {
    let dir = tempfile::tempdir().unwrap();
    let mut store = Store::open(&dir.path().join("db.sqlite3")).unwrap();
    let id = stored_draft(&mut store);
    let finished = store
        .finish_record_with(id, now(), "test", Policy::builtin(), |_| {
            Ok::<_, StoreError>(vec![NewArtifact {
                name: "note.json",
                bytes: b"{}".to_vec(),
            }])
        })
        .unwrap();
    assert_eq!(finished.state, RecordState::Finished);
    assert_eq!(store.artifacts(&id.to_string()).unwrap().len(), 1);
}
