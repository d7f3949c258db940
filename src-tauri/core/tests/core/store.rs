//! The store foundation: file set-up, pragmas, migrations, durability of drafts.

use std::os::unix::fs::PermissionsExt;

use chrono::{DateTime, TimeZone, Utc};
use samtalenotat_core::domain::{
    MeetingKind, MeetingRecord, Policy, PolicyRef, RecordId, RecordState,
};
use samtalenotat_core::store::artifacts::NewArtifact;
use samtalenotat_core::store::migrations::{backup_path, latest_version};
use samtalenotat_core::store::records::RecordQuery;
use samtalenotat_core::store::{Migration, Store, StoreError, MIGRATIONS};
use ulid::Ulid;

use crate::harness::{record_fixture, TestDir};

fn policy() -> PolicyRef {
    PolicyRef {
        id: "test".into(),
        version: "1".into(),
        hash: "00".into(),
    }
}

fn id(n: u64) -> RecordId {
    RecordId(Ulid::from_parts(1_700_000_000_000 + n, u128::from(n)))
}

/// Finishes a record the only way the store allows: together with signed artifacts (here a
/// stand-in `note.json`; the real note is made by the application layer, see `note`).
fn finish(
    store: &mut Store,
    id: RecordId,
    now: DateTime<Utc>,
    policy: &Policy,
) -> Result<MeetingRecord, StoreError> {
    store.finish_record_with(id, now, "test", policy, |finished| {
        Ok::<_, StoreError>(vec![NewArtifact {
            name: "note.json",
            bytes: format!("{{\"note\":\"{}\"}}", finished.id).into_bytes(),
        }])
    })
}

fn pragma(store: &Store, name: &str) -> String {
    store
        .connection()
        .query_row(&format!("PRAGMA {name}"), [], |r| {
            r.get::<_, rusqlite::types::Value>(0)
        })
        .map(|v| match v {
            rusqlite::types::Value::Integer(i) => i.to_string(),
            rusqlite::types::Value::Text(t) => t,
            other => format!("{other:?}"),
        })
        .unwrap()
}

#[test]
fn opens_with_wal_full_sync_foreign_keys_and_owner_only_mode() {
    let dir = TestDir::new();
    let path = dir.path().join("nested/data/db.sqlite3");
    let store = Store::open(&path).unwrap();
    assert_eq!(pragma(&store, "journal_mode"), "wal");
    assert_eq!(pragma(&store, "synchronous"), "2", "FULL");
    assert_eq!(pragma(&store, "foreign_keys"), "1");
    assert_eq!(pragma(&store, "busy_timeout"), "5000");
    assert_eq!(
        pragma(&store, "user_version"),
        latest_version(MIGRATIONS).to_string()
    );
    let mode = std::fs::metadata(&path).unwrap().permissions().mode() & 0o777;
    assert_eq!(mode, 0o600);
    let dir_mode = std::fs::metadata(path.parent().unwrap())
        .unwrap()
        .permissions()
        .mode()
        & 0o777;
    assert_eq!(dir_mode, 0o700);
    assert_eq!(store.quick_check().unwrap(), "ok");
}

#[test]
fn refuses_a_database_from_a_newer_schema() {
    let dir = TestDir::new();
    let path = dir.path().join("db.sqlite3");
    drop(Store::open(&path).unwrap());
    let future = latest_version(MIGRATIONS) + 1;
    rusqlite::Connection::open(&path)
        .unwrap()
        .pragma_update(None, "user_version", future)
        .unwrap();
    match Store::open(&path) {
        Err(StoreError::NewerSchema { found, supported }) => {
            assert_eq!(found, future);
            assert_eq!(supported, latest_version(MIGRATIONS));
        }
        other => panic!("expected NewerSchema, got {other:?}"),
    }
}

#[test]
fn a_failed_migration_leaves_the_old_database_intact_and_backed_up() {
    let dir = TestDir::new();
    let path = dir.path().join("db.sqlite3");
    let now = Utc.with_ymd_and_hms(2026, 11, 28, 10, 0, 0).unwrap();
    {
        let mut store = Store::open(&path).unwrap();
        store
            .create_draft(id(1), now, MeetingKind::Citizen, policy(), "test")
            .unwrap();
    }
    let mut broken: Vec<Migration> = MIGRATIONS.to_vec();
    let next = latest_version(MIGRATIONS) + 1;
    broken.push(Migration {
        version: next,
        name: "broken",
        // The first statement succeeds, the second fails: the first must be rolled back too.
        sql: "CREATE TABLE half_done (x INTEGER); INSERT INTO no_such_table VALUES (1);",
    });
    let err = Store::open_with_migrations(&path, &broken).expect_err("migration fails");
    assert!(
        matches!(err, StoreError::Migration { version, .. } if version == next),
        "{err:?}"
    );

    let store = Store::open(&path).expect("the old program still opens it");
    assert_eq!(
        pragma(&store, "user_version"),
        latest_version(MIGRATIONS).to_string()
    );
    let half: i64 = store
        .connection()
        .query_row(
            "SELECT count(*) FROM sqlite_master WHERE name = 'half_done'",
            [],
            |r| r.get(0),
        )
        .unwrap();
    assert_eq!(
        half, 0,
        "the failed migration's first statement was rolled back"
    );
    assert_eq!(store.get_record(id(1)).unwrap().state, RecordState::Draft);

    let backup = backup_path(&path, latest_version(MIGRATIONS));
    assert!(backup.exists(), "a copy was taken before migrating");
    let mode = std::fs::metadata(&backup).unwrap().permissions().mode() & 0o777;
    assert_eq!(mode, 0o600);
    let copy = Store::open(&backup).unwrap();
    assert_eq!(copy.get_record(id(1)).unwrap().id, id(1));
}

fn query() -> RecordQuery {
    RecordQuery {
        limit: 10,
        ..RecordQuery::default()
    }
}

fn ids(rows: &[samtalenotat_core::store::records::RecordSummary]) -> Vec<String> {
    rows.iter().map(|r| r.id.clone()).collect()
}

#[test]
fn list_is_newest_first_searches_words_and_filters() {
    let dir = TestDir::new();
    let mut store = Store::open(&dir.path().join("db.sqlite3")).unwrap();
    let subjects = ["Bådplads i havnen", "Bolig, basisydelse", "Sygefravær"];
    for (n, subject) in subjects.iter().enumerate() {
        let n = n as u64;
        let now = Utc
            .with_ymd_and_hms(2026, 11, 26 + n as u32, 10, 0, 0)
            .unwrap();
        let mut record = MeetingRecord::new_draft(id(n), now, MeetingKind::Citizen, policy());
        record.meeting.case_number = format!("27.00.00-A00-{n}-26");
        record.meeting.subject = (*subject).to_owned();
        record.meeting.unit = if n == 2 {
            "HR".into()
        } else {
            "Borgerservice".into()
        };
        record.meeting.lead.name = "Mette Sørensen".into();
        store.insert_record(&record, "test").unwrap();
    }
    assert_eq!(
        ids(&store.list_records(&query()).unwrap()),
        [id(2), id(1), id(0)].map(|i| i.to_string())
    );

    let search = |text: &str| {
        ids(&store
            .list_records(&RecordQuery {
                text: Some(text.into()),
                ..query()
            })
            .unwrap())
    };
    assert_eq!(
        search("bådpl"),
        [id(0).to_string()],
        "words match as prefixes"
    );
    assert_eq!(
        search("bas"),
        [id(1).to_string()],
        "å is not folded to a: bas does not find bådplads"
    );
    assert_eq!(
        search("sørensen bolig"),
        [id(1).to_string()],
        "all words must match, across fields"
    );
    assert!(
        search("\"; DROP TABLE records; --").is_empty(),
        "FTS syntax is quoted away"
    );
    assert!(
        search("%").len() == 3,
        "no searchable word means no text filter"
    );

    let unit = store
        .list_records(&RecordQuery {
            unit: Some("HR".into()),
            ..query()
        })
        .unwrap();
    assert_eq!(ids(&unit), [id(2).to_string()]);
    let case = store
        .list_records(&RecordQuery {
            case_number: Some("27.00.00-A00-1-26".into()),
            ..query()
        })
        .unwrap();
    assert_eq!(ids(&case), [id(1).to_string()]);
    let dated = store
        .list_records(&RecordQuery {
            from: Some(chrono::NaiveDate::from_ymd_opt(2026, 11, 27).unwrap()),
            to: Some(chrono::NaiveDate::from_ymd_opt(2026, 11, 27).unwrap()),
            ..query()
        })
        .unwrap();
    assert_eq!(
        ids(&dated),
        [id(1).to_string()],
        "date range is inclusive, by day"
    );
    let finished = store
        .list_records(&RecordQuery {
            state: Some(RecordState::Finished),
            ..query()
        })
        .unwrap();
    assert!(finished.is_empty());
    let page2 = store
        .list_records(&RecordQuery {
            limit: 2,
            offset: 2,
            ..query()
        })
        .unwrap();
    assert_eq!(ids(&page2), [id(0).to_string()]);
}

#[test]
fn finishing_checks_the_rules_then_freezes_the_record_in_rust_and_in_sqlite() {
    let dir = TestDir::new();
    let mut store = Store::open(&dir.path().join("db.sqlite3")).unwrap();
    let now = Utc.with_ymd_and_hms(2026, 11, 28, 12, 0, 0).unwrap();
    let policy = Policy::builtin();

    // An empty draft cannot be finished; the error carries the violations.
    let empty = store
        .create_draft(id(1), now, MeetingKind::Citizen, policy.reference(), "test")
        .unwrap();
    match finish(&mut store, empty.id, now, policy) {
        Err(StoreError::RulesNotMet(v)) => assert!(v.iter().any(|v| v.is_blocking())),
        other => panic!("expected RulesNotMet, got {other:?}"),
    }
    assert_eq!(
        store.get_record(empty.id).unwrap().state,
        RecordState::Draft
    );

    // A complete one can, and then nothing changes it.
    let mut complete = record_fixture("citizen-asked-first-allowed.json");
    complete.id = id(2);
    complete.policy = policy.reference();
    store.insert_record(&complete, "test").unwrap();
    let finished = finish(&mut store, id(2), now, policy).unwrap();
    assert_eq!(finished.state, RecordState::Finished);
    assert_eq!(finished.finished_at, Some(now));
    assert_eq!(store.verify_chain(id(2)).unwrap(), Ok(()));

    let mut edited = finished.clone();
    edited.meeting.subject = "Ændret".into();
    assert!(matches!(
        store.update_draft(&edited, now, "test"),
        Err(StoreError::Immutable(_))
    ));
    assert!(matches!(
        finish(&mut store, id(2), now, policy),
        Err(StoreError::Immutable(_))
    ));
    let conn = store.connection();
    let update = conn.execute(
        "UPDATE records SET subject = 'x' WHERE id = ?1",
        [id(2).to_string()],
    );
    assert!(update.unwrap_err().to_string().contains("immutable"));
    let delete = conn.execute("DELETE FROM records WHERE id = ?1", [id(2).to_string()]);
    assert!(delete.unwrap_err().to_string().contains("immutable"));

    // A correction is a new draft pointing at the original by the content hash of its signed
    // note (the caller looks it up; the store knows no note format) and keeps it as given.
    let signed_hash = store
        .artifact(&id(2).to_string(), "note.json")
        .unwrap()
        .expect("finished with its artifact")
        .sha256;
    let addendum = store
        .create_addendum(
            to(id(2), &signed_hash),
            id(3),
            now,
            policy.reference(),
            "test",
        )
        .unwrap();
    let pointer = addendum.addendum_to.expect("points to the original");
    assert_eq!(pointer.record_id, id(2));
    assert_eq!(pointer.content_hash, signed_hash);
    assert_eq!(
        store.get_record(id(3)).unwrap().addendum_to,
        Some(pointer),
        "stored as made"
    );
    assert!(matches!(
        store.create_addendum(
            to(id(1), &signed_hash),
            id(4),
            now,
            policy.reference(),
            "test"
        ),
        Err(StoreError::NotFinished(_))
    ));
}

fn to(original: RecordId, hash: &str) -> samtalenotat_core::domain::AddendumTo {
    samtalenotat_core::domain::AddendumTo {
        record_id: original,
        content_hash: hash.to_owned(),
        reason: "Forkert sagsnummer".into(),
        changes: Vec::new(),
    }
}

#[test]
fn a_record_is_never_finished_without_its_signed_artifacts() {
    let dir = TestDir::new();
    let mut store = Store::open(&dir.path().join("db.sqlite3")).unwrap();
    let now = Utc.with_ymd_and_hms(2026, 11, 28, 12, 0, 0).unwrap();
    let policy = Policy::builtin();
    let mut complete = record_fixture("citizen-asked-first-allowed.json");
    complete.id = id(5);
    complete.policy = policy.reference();
    store.insert_record(&complete, "test").unwrap();

    // Nothing to store with it: refused, and nothing changed.
    let empty = store.finish_record_with(id(5), now, "test", policy, |_| {
        Ok::<_, StoreError>(Vec::new())
    });
    assert!(
        matches!(empty, Err(StoreError::NoArtifacts(_))),
        "{empty:?}"
    );
    // Making the artifacts fails: the same.
    let failed = store.finish_record_with(id(5), now, "test", policy, |_| {
        Err::<Vec<NewArtifact>, _>(StoreError::NotFound("simulated".into()))
    });
    assert!(failed.is_err());
    assert_eq!(store.get_record(id(5)).unwrap().state, RecordState::Draft);
    assert!(store.artifacts(&id(5).to_string()).unwrap().is_empty());
    assert_eq!(
        store.record_events(id(5)).unwrap().len(),
        1,
        "only 'created'"
    );

    // Around the Rust code, SQLite refuses it too: as an update and as an insert.
    let update = store.connection().execute(
        "UPDATE records SET state = 'finished' WHERE id = ?1",
        [id(5).to_string()],
    );
    assert!(update
        .unwrap_err()
        .to_string()
        .contains("finished only with its signed artifacts"),);
    let mut finished = complete.clone();
    finished.id = id(6);
    finished.state = RecordState::Finished;
    finished.finished_at = Some(now);
    assert!(matches!(
        store.insert_record(&finished, "test"),
        Err(StoreError::Immutable(_))
    ));
    let insert = store.connection().execute_batch(&format!(
        "CREATE TEMP TABLE copied AS SELECT * FROM records WHERE id = '{}';
         UPDATE copied SET id = '{}', state = 'finished';
         INSERT INTO records SELECT * FROM copied;",
        id(5),
        id(6)
    ));
    assert!(
        insert
            .as_ref()
            .unwrap_err()
            .to_string()
            .contains("finished only with its signed artifacts"),
        "{insert:?}"
    );
    assert!(matches!(
        store.get_record(id(6)),
        Err(StoreError::NotFound(_))
    ));
}

#[test]
fn cli_list_prints_the_records_of_a_database() {
    let dir = TestDir::new();
    let db = dir.path().join("db.sqlite3");
    {
        let mut store = Store::open(&db).unwrap();
        let now = Utc.with_ymd_and_hms(2026, 11, 28, 10, 0, 0).unwrap();
        for n in 0..2u64 {
            let mut record = MeetingRecord::new_draft(
                id(n),
                now + chrono::Duration::minutes(n as i64),
                MeetingKind::Employee,
                policy(),
            );
            record.meeting.subject = format!("Sygefraværssamtale {n}");
            record.meeting.unit = "Vej og Park".into();
            store.insert_record(&record, "test").unwrap();
        }
    }
    let run = |args: &[&str]| dir.cli().args(args).output().unwrap();
    let db_arg = db.to_str().unwrap();
    let out = run(&["list", "--db", db_arg]);
    assert!(out.status.success(), "{out:?}");
    let stdout = String::from_utf8(out.stdout).unwrap();
    let lines: Vec<&str> = stdout.lines().collect();
    assert_eq!(lines.len(), 2);
    assert!(lines[0].starts_with(&format!("{}\tdraft\temployee\t", id(1))));
    assert!(
        lines[0].ends_with("\tVej og Park\t\tSygefraværssamtale 1"),
        "{}",
        lines[0]
    );

    let out = run(&[
        "list",
        "--db",
        db_arg,
        "--search",
        "sygefravær",
        "--limit",
        "1",
    ]);
    assert_eq!(String::from_utf8(out.stdout).unwrap().lines().count(), 1);

    let out = run(&[
        "list",
        "--db",
        dir.path().join("missing.sqlite3").to_str().unwrap(),
    ]);
    assert_eq!(
        out.status.code(),
        Some(2),
        "a missing database is an error, not an empty list"
    );
    assert!(String::from_utf8_lossy(&out.stderr).contains("no database"));
}

#[test]
fn a_common_search_word_still_lists_newest_first_one_page_at_a_time() {
    let dir = TestDir::new();
    let mut store = Store::open(&dir.path().join("db.sqlite3")).unwrap();
    // Durability is not what this test is about; it needs 1,200 rows quickly.
    store
        .connection()
        .pragma_update(None, "synchronous", "OFF")
        .unwrap();
    let t0 = Utc.with_ymd_and_hms(2026, 1, 1, 8, 0, 0).unwrap();
    for n in 0..1200u64 {
        let mut record = MeetingRecord::new_draft(
            id(n),
            t0 + chrono::Duration::minutes(n as i64),
            MeetingKind::Citizen,
            policy(),
        );
        record.meeting.subject = if n % 600 == 0 {
            "Samtale om bådplads".into()
        } else {
            format!("Samtale om sag {n}")
        };
        store.insert_record(&record, "test").unwrap();
    }
    let page = |text: &str, offset: u32| {
        ids(&store
            .list_records(&RecordQuery {
                text: Some(text.into()),
                limit: 3,
                offset,
                ..RecordQuery::default()
            })
            .unwrap())
    };
    // "samtale" matches all 1,200 rows: the common-word plan.
    assert_eq!(
        page("samtale", 0),
        [id(1199), id(1198), id(1197)].map(|i| i.to_string())
    );
    assert_eq!(
        page("samtale", 3),
        [id(1196), id(1195), id(1194)].map(|i| i.to_string())
    );
    // "bådplads" matches two rows: the rare-word plan, same order.
    assert_eq!(page("bådplads", 0), [id(600), id(0)].map(|i| i.to_string()));
    let plan = |text: &str| {
        store
            .list_statement(&RecordQuery {
                text: Some(text.into()),
                limit: 3,
                ..RecordQuery::default()
            })
            .unwrap()
            .0
    };
    assert!(
        plan("samtale").contains("+rowid IN"),
        "common word: walk the index"
    );
    assert!(
        !plan("bådplads").contains("+rowid IN"),
        "rare word: look up by rowid"
    );
    // Both plans give the same answer for the same rows.
    assert_eq!(page("samtale bådplads", 0), page("bådplads", 0));
}

#[test]
fn the_search_index_follows_edits_of_searched_fields_only() {
    let dir = TestDir::new();
    let mut store = Store::open(&dir.path().join("db.sqlite3")).unwrap();
    let now = Utc.with_ymd_and_hms(2026, 11, 28, 10, 0, 0).unwrap();
    let mut record = store
        .create_draft(id(1), now, MeetingKind::Citizen, policy(), "test")
        .unwrap();
    let found = |store: &Store, text: &str| {
        store
            .list_records(&RecordQuery {
                text: Some(text.into()),
                limit: 10,
                ..RecordQuery::default()
            })
            .unwrap()
            .len()
    };
    record.meeting.subject = "Boligstøtte".into();
    record = store.update_draft(&record, now, "test").unwrap();
    assert_eq!(found(&store, "boligstøtte"), 1);
    record.meeting.subject = "Kontanthjælp".into();
    record = store.update_draft(&record, now, "test").unwrap();
    assert_eq!(
        found(&store, "boligstøtte"),
        0,
        "the old text left the index"
    );
    assert_eq!(found(&store, "kontanthjælp"), 1);
    // A change outside the searched fields keeps the record findable.
    record.notices.insert("legal".into(), now);
    store.update_draft(&record, now, "test").unwrap();
    assert_eq!(found(&store, "kontanthjælp"), 1);
}

#[test]
fn decision_history_has_the_facts_of_every_finished_record() {
    use samtalenotat_core::domain::DecisionFacts;
    let dir = TestDir::new();
    let mut store = Store::open(&dir.path().join("db.sqlite3")).unwrap();
    let now = Utc.with_ymd_and_hms(2026, 11, 28, 12, 0, 0).unwrap();
    let policy = Policy::builtin();
    let mut expected = Vec::new();
    for (n, name) in [
        "citizen-asked-first-allowed.json",
        "refused-ground-b-others-matters.json",
        "citizen-discovered-hidden.json",
    ]
    .iter()
    .enumerate()
    {
        let mut record = record_fixture(name);
        record.id = id(10 + n as u64);
        record.policy = policy.reference();
        store.insert_record(&record, "test").unwrap();
        expected.push(DecisionFacts::from_record(
            &finish(&mut store, record.id, now, policy).unwrap(),
        ));
    }
    // A draft is not part of the history.
    store
        .create_draft(
            id(20),
            now,
            MeetingKind::Citizen,
            policy.reference(),
            "test",
        )
        .unwrap();
    let mut history = store.decision_history().unwrap();
    history.sort_by_key(|f| f.record_id);
    assert_eq!(history, expected);
}
