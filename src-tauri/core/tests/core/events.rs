//! The hash-chained event log: every way of tampering is detected at the right position.

use chrono::{Duration, TimeZone, Utc};
use samtalenotat_core::domain::{MeetingKind, Policy, RecordId};
use samtalenotat_core::store::events::{apply, diff, ChainBreak};
use samtalenotat_core::store::Store;
use serde_json::json;
use ulid::Ulid;

use crate::harness::TestDir;

/// A store holding one draft with four events: created + three updates.
fn store_with_history() -> (TestDir, Store, RecordId) {
    let dir = TestDir::new();
    let mut store = Store::open(&dir.path().join("db.sqlite3")).unwrap();
    let id = RecordId(Ulid::from_parts(1_764_000_000_000, 42));
    let t0 = Utc.with_ymd_and_hms(2026, 11, 28, 9, 0, 0).unwrap();
    let mut record = store
        .create_draft(
            id,
            t0,
            MeetingKind::Citizen,
            Policy::builtin().reference(),
            "MESO",
        )
        .unwrap();
    for (n, subject) in [
        "Boligstøtte",
        "Boligstøtte, opfølgning",
        "Boligstøtte – bådplads",
    ]
    .iter()
    .enumerate()
    {
        record.meeting.subject = (*subject).to_owned();
        record.meeting.unit = format!("Enhed {n}");
        record = store
            .update_draft(&record, t0 + Duration::minutes(n as i64 + 1), "MESO")
            .unwrap();
    }
    (dir, store, id)
}

/// What someone with the sqlite3 shell could do: remove the append-only triggers first.
fn tamper(store: &Store, sql: &str) {
    store
        .connection()
        .execute_batch(&format!(
            "DROP TRIGGER IF EXISTS record_events_are_append_only_update;
             DROP TRIGGER IF EXISTS record_events_are_append_only_delete;
             {sql}"
        ))
        .unwrap();
}

fn check(store: &Store, id: RecordId) -> Result<(), ChainBreak> {
    store.verify_chain(id).unwrap()
}

#[test]
fn an_untouched_chain_verifies_and_reads_as_history() {
    let (_dir, store, id) = store_with_history();
    assert_eq!(check(&store, id), Ok(()));
    let events = store.record_events(id).unwrap();
    assert_eq!(events.len(), 4);
    assert_eq!(events[0].actor, "MESO");
    assert_eq!(
        events[3].changes,
        json!([
            {"path": ["updated_at"], "value": "2026-11-28T09:03:00Z"},
            {"path": ["meeting", "unit"], "value": "Enhed 2"},
            {"path": ["meeting", "subject"], "value": "Boligstøtte – bådplads"}
        ])
        .as_array()
        .map(|a| {
            // Object keys come in the record's field order; compare as a set of changes.
            let mut v = a.clone();
            v.sort_by_key(|c| c["path"].to_string());
            let mut got = events[3].changes.as_array().unwrap().clone();
            got.sort_by_key(|c| c["path"].to_string());
            assert_eq!(got, v);
            events[3].changes.clone()
        })
        .unwrap()
    );
}

#[test]
fn the_event_log_is_append_only_in_sqlite() {
    let (_dir, store, id) = store_with_history();
    let update = store.connection().execute(
        "UPDATE record_events SET actor = 'X' WHERE record_id = ?1",
        [id.to_string()],
    );
    assert!(update.unwrap_err().to_string().contains("append-only"));
    let delete = store.connection().execute(
        "DELETE FROM record_events WHERE record_id = ?1",
        [id.to_string()],
    );
    assert!(delete.unwrap_err().to_string().contains("append-only"));
}

#[test]
fn an_edited_event_is_found_at_its_position() {
    let (_dir, store, id) = store_with_history();
    tamper(
        &store,
        &format!("UPDATE record_events SET actor = 'ANDEN' WHERE record_id = '{id}' AND seq = 2"),
    );
    assert_eq!(
        check(&store, id),
        Err(ChainBreak::EditedEvent { position: 2 })
    );
}

#[test]
fn an_edited_event_with_a_recomputed_hash_breaks_the_next_link() {
    let (_dir, store, id) = store_with_history();
    let ev = &store.record_events(id).unwrap()[1];
    let forged = samtalenotat_core::store::events::event_hash(
        &id.to_string(),
        2,
        &ev.at,
        "ANDEN",
        "updated",
        &ev.changes.to_string(),
        &ev.prev_hash,
    );
    tamper(
        &store,
        &format!(
            "UPDATE record_events SET actor = 'ANDEN', hash = '{forged}'
             WHERE record_id = '{id}' AND seq = 2"
        ),
    );
    assert_eq!(
        check(&store, id),
        Err(ChainBreak::BrokenLink { position: 3 })
    );
}

#[test]
fn a_deleted_event_in_the_middle_is_found() {
    let (_dir, store, id) = store_with_history();
    tamper(
        &store,
        &format!("DELETE FROM record_events WHERE record_id = '{id}' AND seq = 2"),
    );
    assert_eq!(
        check(&store, id),
        Err(ChainBreak::OutOfOrder {
            position: 2,
            found: 3
        })
    );
}

#[test]
fn a_deleted_last_event_is_found_by_the_chain_head() {
    let (_dir, store, id) = store_with_history();
    tamper(
        &store,
        &format!("DELETE FROM record_events WHERE record_id = '{id}' AND seq = 4"),
    );
    assert_eq!(
        check(&store, id),
        Err(ChainBreak::HeadMismatch {
            expected: 4,
            found: 3
        })
    );
}

#[test]
fn reordered_events_are_found() {
    let (_dir, store, id) = store_with_history();
    // Re-insert events 2 and 3 in swapped physical order (seq values kept).
    tamper(
        &store,
        &format!(
            "CREATE TEMP TABLE moved AS SELECT * FROM record_events
                 WHERE record_id = '{id}' AND seq IN (2, 3, 4);
             DELETE FROM record_events WHERE record_id = '{id}' AND seq IN (2, 3, 4);
             INSERT INTO record_events SELECT * FROM moved WHERE seq = 3;
             INSERT INTO record_events SELECT * FROM moved WHERE seq = 2;
             INSERT INTO record_events SELECT * FROM moved WHERE seq = 4;"
        ),
    );
    assert_eq!(
        check(&store, id),
        Err(ChainBreak::OutOfOrder {
            position: 2,
            found: 3
        })
    );
}

#[test]
fn a_body_edited_behind_the_logs_back_is_found() {
    let (_dir, store, id) = store_with_history();
    store
        .connection()
        .execute(
            "UPDATE records SET body = json_set(body, '$.meeting.subject', 'Noget andet')
             WHERE id = ?1",
            [id.to_string()],
        )
        .unwrap();
    assert_eq!(check(&store, id), Err(ChainBreak::BodyMismatch));
}

#[test]
fn diff_then_apply_gives_the_new_value() {
    let old = json!({"a": 1, "b": {"c": [1, 2], "d": "x"}, "e": null});
    let new = json!({"a": 1, "b": {"c": [1, 2, 3], "d": "y"}, "e": {"f": true}});
    let mut replay = old.clone();
    apply(&mut replay, &diff(&old, &new));
    assert_eq!(replay, new);
    assert!(diff(&new, &new).is_empty());
}
