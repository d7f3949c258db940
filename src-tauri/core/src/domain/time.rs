//! Times in records: the one stored spelling and the range a record's times may lie in.
//!
//! Why a range: a record is a legal note about a meeting that happened (or is happening).
//! A time in year −262143 or 9999 is a typo or hostile input, and arithmetic on the extremes
//! of `chrono` panics. So every time in a record lies in [`EARLIEST`, [`LATEST`]), front ends
//! refuse anything else before it is stored, and the validator reports it (never panics).

use chrono::{DateTime, SecondsFormat, Utc};

use super::record::MeetingRecord;

/// 2000-01-01T00:00:00Z: no record can be older than the app.
pub const EARLIEST: DateTime<Utc> = match DateTime::from_timestamp(946_684_800, 0) {
    Some(t) => t,
    None => panic!("2000-01-01 is a valid time"),
};

/// 2100-01-01T00:00:00Z, exclusive.
pub const LATEST: DateTime<Utc> = match DateTime::from_timestamp(4_102_444_800, 0) {
    Some(t) => t,
    None => panic!("2100-01-01 is a valid time"),
};

/// Whether `t` may appear in a record.
pub fn in_bounds(t: DateTime<Utc>) -> bool {
    (EARLIEST..LATEST).contains(&t)
}

/// Timestamps are stored as fixed-width RFC 3339 UTC strings with milliseconds, so that text
/// order is time order (within [`EARLIEST`, [`LATEST`]), where years have four digits).
pub fn timestamp(t: DateTime<Utc>) -> String {
    t.to_rfc3339_opts(SecondsFormat::Millis, true)
}

/// Every time in a record with its dotted field path.
pub fn record_times(record: &MeetingRecord) -> Vec<(String, DateTime<Utc>)> {
    let mut out = vec![
        ("created_at".to_owned(), record.created_at),
        ("updated_at".to_owned(), record.updated_at),
    ];
    let optional = [
        ("finished_at", record.finished_at),
        ("meeting.starts_at", record.meeting.starts_at),
        ("meeting.ends_at", record.meeting.ends_at),
        (
            "recording.disclosure_encouraged_at",
            record.recording.disclosure_encouraged_at,
        ),
        ("refusal.reason_given_at", record.refusal.reason_given_at),
        ("legal_help.consulted_at", record.legal_help.consulted_at),
        ("case_filed_at", record.case_filed_at),
    ];
    out.extend(
        optional
            .into_iter()
            .filter_map(|(path, t)| t.map(|t| (path.to_owned(), t))),
    );
    out.extend(
        record
            .notices
            .iter()
            .map(|(id, t)| (format!("notices.{id}"), *t)),
    );
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bounds_are_the_years_2000_to_2099() {
        assert_eq!(timestamp(EARLIEST), "2000-01-01T00:00:00.000Z");
        assert_eq!(timestamp(LATEST), "2100-01-01T00:00:00.000Z");
        assert!(in_bounds(EARLIEST));
        assert!(!in_bounds(LATEST));
        assert!(!in_bounds(DateTime::<Utc>::MIN_UTC));
    }
}
