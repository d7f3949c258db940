//! G-RECORD, drafts: "Every change to a draft is appended to an event log (who, when, what),
//! hash-chained". A draft thrown away says why, is hidden and never changes again; an
//! untouched draft left behind is thrown away; drafts of record format 1 are brought to
//! format 2 with the chain intact.

use samtalenotat_core::app::{ErrorCode, ListQuery};
use samtalenotat_core::domain::{
    MeetingKind, MeetingRecord, RecordId, RecordState, RecordingOrigin,
};
use samtalenotat_core::store::events::{event_hash, genesis_hash};
use samtalenotat_core::store::{Store, MIGRATIONS, UPGRADE_ACTOR};
use serde_json::Value;

use super::{allowed_record, now};
use crate::harness::{app_at, draft_in_app, repo_root, TestDir};

fn listed(app: &samtalenotat_core::app::App) -> Vec<String> {
    app.list_records(ListQuery {
        limit: 100,
        ..ListQuery::default()
    })
    .unwrap()
    .into_iter()
    .map(|s| s.id)
    .collect()
}

#[test]
fn g_record_a_discarded_draft_says_why_is_hidden_and_never_changes() {
    let dir = TestDir::new();
    let (app, clock) = app_at(dir.path(), now());
    let id = draft_in_app(&app, &clock, allowed_record(), now());
    let kept = draft_in_app(&app, &clock, allowed_record(), now());
    assert_eq!(listed(&app).len(), 2);

    // A reason is required, and is text like any other.
    let err = app.discard_draft(&id.to_string(), "  ").unwrap_err();
    assert_eq!(
        (err.code, err.field.as_deref()),
        (ErrorCode::TextEmpty, Some("reason"))
    );
    let err = app
        .discard_draft(&id.to_string(), "Borgerens CPR 070390-1234 stod i emnet")
        .unwrap_err();
    assert_eq!(err.code, ErrorCode::TextCprNumber);

    app.discard_draft(&id.to_string(), "Oprettet på den forkerte borger.")
        .unwrap();
    assert_eq!(listed(&app), vec![kept.to_string()], "hidden from the list");
    let record = app.get_record(&id.to_string()).unwrap().record;
    let discarded = record.discarded.clone().expect("marked as discarded");
    assert_eq!(discarded.at, now());
    assert_eq!(discarded.reason, "Oprettet på den forkerte borger.");
    assert_eq!(record.state, RecordState::Draft, "never finished");

    // Immutable: no save, no second discard, no signing; not even through SQL.
    let err = app
        .save_draft(serde_json::to_value(&record).unwrap())
        .unwrap_err();
    assert_eq!(err.code, ErrorCode::RecordDiscarded, "{err}");
    assert!(app.discard_draft(&id.to_string(), "igen").is_err());
    assert!(app
        .finish_and_sign(&id.to_string(), zeroize::Zeroizing::new("x".repeat(20)))
        .is_err());
    let store = Store::open(&app.config().database_path()).unwrap();
    let err = store
        .connection()
        .execute(
            "UPDATE records SET subject = 'x' WHERE id = ?1",
            [id.to_string()],
        )
        .unwrap_err();
    assert!(err.to_string().contains("discarded"), "{err}");
    assert_eq!(app.get_record(&id.to_string()).unwrap().record, record);

    // The event log keeps who, when and why, and still replays to the record.
    let events = store.record_events(id).unwrap();
    let last = events.last().unwrap();
    assert_eq!(last.actor, "MESO");
    assert_eq!(last.at, "2026-11-28T12:00:00.000Z");
    assert!(
        last.changes
            .to_string()
            .contains("Oprettet på den forkerte borger."),
        "{}",
        last.changes
    );
    assert_eq!(store.verify_chain(id).unwrap(), Ok(()));
}

#[test]
fn g_record_leaving_an_untouched_draft_throws_it_away() {
    let dir = TestDir::new();
    let (app, clock) = app_at(dir.path(), now());
    // Chose a meeting kind, then went back: nothing was written, nothing is kept.
    let untouched = app.create_draft(MeetingKind::Employee).unwrap().record.id;
    assert_eq!(listed(&app), vec![untouched.to_string()]);
    assert!(app.leave_draft(&untouched.to_string()).unwrap());
    assert!(listed(&app).is_empty());
    let record = app.get_record(&untouched.to_string()).unwrap().record;
    assert_eq!(
        record.discarded.map(|d| d.reason).as_deref(),
        Some(samtalenotat_core::app::UNTOUCHED_DRAFT_REASON)
    );
    // Leaving it again changes nothing.
    assert!(!app.leave_draft(&untouched.to_string()).unwrap());

    // A draft with anything written into it stays.
    let written = draft_in_app(&app, &clock, allowed_record(), now());
    assert!(!app.leave_draft(&written.to_string()).unwrap());
    assert_eq!(listed(&app), vec![written.to_string()]);
    assert!(app
        .get_record(&written.to_string())
        .unwrap()
        .record
        .discarded
        .is_none());
}

/// What a build of record format 1 wrote: the record row and its "created" event, body and
/// event exactly as that build serialised them (`case_filed_at`, no `interest_weighing`, no
/// `discarded`). The schema is the one before migration 8.
fn insert_v1_draft(store: &Store, body: &Value) -> RecordId {
    let id: RecordId = body["id"].as_str().unwrap().parse().unwrap();
    let text = body.to_string();
    let m = &body["meeting"];
    let conn = store.connection();
    conn.execute(
        "INSERT INTO records (id, state, kind, created_at, updated_at, meeting_starts_at, unit,
                              case_number, subject, counterpart, body)
         VALUES (?1, 'draft', ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)",
        rusqlite::params![
            id.to_string(),
            m["kind"].as_str(),
            body["created_at"].as_str(),
            body["updated_at"].as_str(),
            m["starts_at"].as_str(),
            m["unit"].as_str(),
            m["case_number"].as_str(),
            m["subject"].as_str(),
            m["counterpart"].as_str(),
            text,
        ],
    )
    .unwrap();
    let record_id = id.to_string();
    let at = body["created_at"].as_str().unwrap();
    let prev = genesis_hash(&record_id);
    let hash = event_hash(&record_id, 1, at, "MESO", "created", &text, &prev);
    conn.execute(
        "INSERT INTO record_events (record_id, seq, at, actor, action, changes, prev_hash, hash)
         VALUES (?1, 1, ?2, 'MESO', 'created', ?3, ?4, ?5)",
        rusqlite::params![record_id, at, text, prev, hash],
    )
    .unwrap();
    conn.execute(
        "UPDATE records SET chain_head = ?2, event_count = 1 WHERE id = ?1",
        rusqlite::params![record_id, hash],
    )
    .unwrap();
    id
}

fn v1_fixture(name: &str) -> Value {
    let path = repo_root().join("tests/fixtures/v1").join(name);
    serde_json::from_str(&std::fs::read_to_string(&path).unwrap()).unwrap()
}

#[test]
fn g_record_version_1_drafts_are_upgraded_when_the_database_opens_and_the_chain_holds() {
    let dir = TestDir::new();
    let path = dir.join("samtalenotat.sqlite3");
    let preselected = v1_fixture("draft-none-preselected.json");
    let in_progress = v1_fixture("draft-asked-first-with-case-notice.json");
    assert_eq!(preselected["format_version"], 1);
    assert_eq!(preselected["recording"]["origin"], "none");
    assert!(in_progress["notices"].get("case").is_some());
    assert!(in_progress.get("case_filed_at").is_some());
    let (a, b) = {
        // The database as a format-1 build left it (schema before migration 8).
        let old = Store::open_with_migrations(&path, &MIGRATIONS[..7]).unwrap();
        let a = insert_v1_draft(&old, &preselected);
        let b = insert_v1_draft(&old, &in_progress);
        assert_eq!(old.verify_chain(a).unwrap(), Ok(()));
        assert_eq!(old.verify_chain(b).unwrap(), Ok(()));
        (a, b)
    };

    // Opened by this build: migrated, and every format-1 draft upgraded with an event.
    let store = Store::open(&path).unwrap();
    for id in [a, b] {
        let record: MeetingRecord = store.get_record(id).unwrap();
        assert_eq!(record.format_version, 2);
        assert_eq!(record.case_filed_at, None);
        assert_eq!(store.verify_chain(id).unwrap(), Ok(()), "{id}");
        let events = store.record_events(id).unwrap();
        assert_eq!(events.len(), 2);
        assert_eq!(events[1].actor, UPGRADE_ACTOR);
        let body: Value = serde_json::from_str(
            &store
                .connection()
                .query_row(
                    "SELECT body FROM records WHERE id = ?1",
                    [id.to_string()],
                    |r| r.get::<_, String>(0),
                )
                .unwrap(),
        )
        .unwrap();
        assert!(body.get("case_filed_at").is_none(), "{body}");
        assert_eq!(body["recording"]["interest_weighing"], "");
    }
    // Format 1 preselected "no recording"; format 2 asks: not chosen yet.
    let a = store.get_record(a).unwrap();
    assert_eq!(a.recording.origin, None);
    // A choice made stays; the old "noted in the case" notice is no notice any more (the
    // signed note is the notation), so it would block the draft as unknown: it is dropped.
    let b_record = store.get_record(b).unwrap();
    assert_eq!(b_record.recording.origin, Some(RecordingOrigin::AskedFirst));
    assert!(!b_record.notices.contains_key("case"));
    assert_eq!(b_record.notices.len(), 3);
    let mut b_now = b_record.clone();
    b_now.policy = super::policy().reference();
    assert_eq!(super::check(&b_now), vec![]);

    // Opening again upgrades nothing more.
    drop(store);
    let store = Store::open(&path).unwrap();
    assert_eq!(store.record_events(b).unwrap().len(), 2);
    // And an upgraded draft is edited like any other, the chain still holding.
    let mut store = store;
    let mut edited = store.get_record(b).unwrap();
    edited.meeting.subject = "Boligstøtte, opfølgning".into();
    store.update_draft(&edited, now(), "MESO").unwrap();
    assert_eq!(store.verify_chain(b).unwrap(), Ok(()));
}

/// Once every draft is at this build's format, a later start reads no draft body again (at
/// 100,000 records that read took about a second before the list could be drawn). The only
/// way to plant a format-1 draft now is by hand: no build writing format 1 opens this schema.
#[test]
fn g_record_drafts_are_checked_for_an_old_format_once_not_on_every_start() {
    let dir = TestDir::new();
    let path = dir.join("samtalenotat.sqlite3");
    let mut store = Store::open(&path).unwrap();
    let planted = insert_v1_draft(&store, &v1_fixture("draft-none-preselected.json"));
    assert_eq!(store.upgrade_drafts(UPGRADE_ACTOR).unwrap(), 0);
    assert_eq!(store.get_record(planted).unwrap().format_version, 1);
    drop(store);
    let store = Store::open(&path).unwrap();
    assert_eq!(store.get_record(planted).unwrap().format_version, 1);
    assert_eq!(store.record_events(planted).unwrap().len(), 1);
}
