//! The store foundation: file set-up, pragmas, migrations, durability of drafts.

use std::os::unix::fs::PermissionsExt;

use chrono::{TimeZone, Utc};
use samtalenotat_core::domain::{MeetingKind, PolicyRef, RecordId, RecordState};
use samtalenotat_core::store::migrations::{backup_path, latest_version};
use samtalenotat_core::store::records::RecordQuery;
use samtalenotat_core::store::{Migration, Store, StoreError, MIGRATIONS};
use ulid::Ulid;

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
    let dir = tempfile::tempdir().unwrap();
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
    let dir = tempfile::tempdir().unwrap();
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
    let dir = tempfile::tempdir().unwrap();
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

#[test]
fn list_is_newest_first_and_filters_by_text() {
    let dir = tempfile::tempdir().unwrap();
    let mut store = Store::open(&dir.path().join("db.sqlite3")).unwrap();
    for n in 0..3u64 {
        let now = Utc.with_ymd_and_hms(2026, 11, 28, 10, n as u32, 0).unwrap();
        let mut record = samtalenotat_core::domain::MeetingRecord::new_draft(
            id(n),
            now,
            MeetingKind::Citizen,
            policy(),
        );
        record.meeting.case_number = format!("27.00.00-A00-{n}-26");
        record.meeting.subject = if n == 1 {
            "Bådplads 50%_rabat".into()
        } else {
            "Bolig".into()
        };
        store.insert_record(&record, "test").unwrap();
    }
    let all = store
        .list_records(&RecordQuery {
            text: None,
            limit: 10,
        })
        .unwrap();
    let ids: Vec<_> = all.iter().map(|r| r.id.clone()).collect();
    assert_eq!(ids, [id(2), id(1), id(0)].map(|i| i.to_string()));

    let hit = store
        .list_records(&RecordQuery {
            text: Some("50%_".into()),
            limit: 10,
        })
        .unwrap();
    assert_eq!(
        hit.len(),
        1,
        "LIKE wildcards in the search text are taken literally"
    );
    assert_eq!(hit[0].id, id(1).to_string());
    let none = store
        .list_records(&RecordQuery {
            text: Some("%".into()),
            limit: 10,
        })
        .unwrap();
    assert!(none.is_empty());
}

#[test]
fn finished_records_are_immutable_in_sqlite_itself() {
    let dir = tempfile::tempdir().unwrap();
    let mut store = Store::open(&dir.path().join("db.sqlite3")).unwrap();
    let now = Utc.with_ymd_and_hms(2026, 11, 28, 10, 0, 0).unwrap();
    let mut record = samtalenotat_core::domain::MeetingRecord::new_draft(
        id(7),
        now,
        MeetingKind::Citizen,
        policy(),
    );
    record.state = RecordState::Finished;
    store.insert_record(&record, "test").unwrap();
    let conn = store.connection();
    let update = conn.execute(
        "UPDATE records SET subject = 'x' WHERE id = ?1",
        [id(7).to_string()],
    );
    assert!(update.unwrap_err().to_string().contains("immutable"));
    let delete = conn.execute("DELETE FROM records WHERE id = ?1", [id(7).to_string()]);
    assert!(delete.unwrap_err().to_string().contains("immutable"));
}
