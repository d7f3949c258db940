//! No input makes the core panic: hostile times anywhere in a record, and terminal output
//! that cannot be steered by a file's content.

use std::sync::Arc;

use chrono::{DateTime, Utc};
use proptest::prelude::*;
use samtalenotat_core::app::input::parse_record;
use samtalenotat_core::app::{App, AppConfig, ErrorCode};
use samtalenotat_core::clock::FixedClock;
use samtalenotat_core::domain::time::{in_bounds, record_times};
use samtalenotat_core::domain::{validate, MeetingKind, MeetingRecord, Policy};
use serde_json::Value;

fn base_record() -> MeetingRecord {
    let path = format!(
        "{}/../../tests/fixtures/records/refused-ground-a-harassment.json",
        env!("CARGO_MANIFEST_DIR")
    );
    serde_json::from_str(&std::fs::read_to_string(path).unwrap()).unwrap()
}

/// Any instant chrono can hold, with a bias to the extremes and the bounds.
fn any_time() -> impl Strategy<Value = DateTime<Utc>> {
    let min = DateTime::<Utc>::MIN_UTC.timestamp();
    let max = DateTime::<Utc>::MAX_UTC.timestamp();
    prop_oneof![
        (min..=max).prop_map(|s| DateTime::from_timestamp(s, 0).unwrap()),
        Just(DateTime::<Utc>::MIN_UTC),
        Just(DateTime::<Utc>::MAX_UTC),
        (946_684_000i64..946_685_600).prop_map(|s| DateTime::from_timestamp(s, 0).unwrap()),
        (4_102_444_000i64..4_102_445_600).prop_map(|s| DateTime::from_timestamp(s, 0).unwrap()),
    ]
}

/// The record with time number `slot` (of every time field, notices included) set to `t`.
fn with_time(mut record: MeetingRecord, slot: usize, t: DateTime<Utc>) -> MeetingRecord {
    let slots = 10 + record.notices.len();
    match slot % slots {
        0 => record.created_at = t,
        1 => record.updated_at = t,
        2 => record.finished_at = Some(t),
        3 => record.meeting.starts_at = Some(t),
        4 => record.meeting.ends_at = Some(t),
        5 => record.recording.disclosure_encouraged_at = Some(t),
        6 => record.refusal.reason_given_at = Some(t),
        7 => record.legal_help.consulted_at = Some(t),
        8 => record.case_filed_at = Some(t),
        9 => record.meeting.kind = MeetingKind::Employee,
        n => {
            let key = record.notices.keys().nth(n - 10).unwrap().clone();
            record.notices.insert(key, t);
        }
    }
    record
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(512))]

    /// The validator answers every record, whatever its times, and front ends refuse any
    /// time outside 2000–2099 by field, before anything is stored.
    #[test]
    fn hostile_times_never_panic_and_are_refused_at_the_boundary(
        slot in 0usize..20, t in any_time(), now in any_time()
    ) {
        let record = with_time(base_record(), slot, t);
        let _ = validate(&record, Policy::builtin(), now);
        let value = serde_json::to_value(&record).unwrap();
        match parse_record(value) {
            Ok(parsed) => prop_assert!(record_times(&parsed).iter().all(|(_, t)| in_bounds(*t))),
            Err(e) => {
                prop_assert_eq!(e.code, ErrorCode::TimeOutOfRange);
                prop_assert!(e.field.is_some());
            }
        }
    }
}

#[test]
fn the_years_minus_262143_and_9999_are_refused_by_validate_and_sign_through_the_cli_layer() {
    let dir = tempfile::tempdir().unwrap();
    for created in [
        "-262143-01-01T00:00:00Z",
        "+262142-12-31T23:59:59Z",
        "9999-12-31T23:59:59Z",
    ] {
        let mut value: Value = serde_json::to_value(base_record()).unwrap();
        value["created_at"] = Value::String(created.into());
        let file = dir.path().join("record.json");
        std::fs::write(&file, serde_json::to_string(&value).unwrap()).unwrap();
        let e = samtalenotat_core::app::files::validate_file(
            &file,
            Policy::builtin(),
            DateTime::from_timestamp(1_780_000_000, 0).unwrap(),
        )
        .unwrap_err();
        assert_eq!(e.code, ErrorCode::TimeOutOfRange, "{created}");
        assert_eq!(e.field.as_deref(), Some("created_at"));
    }
}

#[test]
fn an_app_whose_clock_is_out_of_bounds_refuses_to_sign_instead_of_panicking() {
    let dir = tempfile::tempdir().unwrap();
    let clock = Arc::new(FixedClock(DateTime::<Utc>::MAX_UTC));
    let app = App::open(AppConfig::new(dir.path(), clock)).unwrap();
    let e = app.create_draft(MeetingKind::Citizen).unwrap_err();
    assert_eq!(e.code, ErrorCode::TimeOutOfRange);
    assert_eq!(e.field.as_deref(), Some("clock"));
}
