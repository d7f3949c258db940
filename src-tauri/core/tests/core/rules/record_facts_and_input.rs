//! G-RECORD: the meeting facts every record needs, and input hygiene (clean, bounded text; no
//! CPR numbers), with the CPR detector on its own.

use samtalenotat_core::domain::input::{clean_text, cpr_warnings, looks_like_cpr, InputError};
use samtalenotat_core::domain::rules::{RuleId, ViolationCode};
use samtalenotat_core::domain::MeetingRecord;

use super::{allowed_record, assert_rule, at, blocking, check};

#[test]
fn g_record_required_meeting_facts() {
    type Breaks = fn(&mut MeetingRecord);
    let cases: Vec<(Breaks, &str, ViolationCode)> = vec![
        (
            |r| r.meeting.channel = None,
            "meeting.channel",
            ViolationCode::ChannelMissing,
        ),
        (
            |r| r.meeting.starts_at = None,
            "meeting.starts_at",
            ViolationCode::StartTimeMissing,
        ),
        (
            |r| r.meeting.unit.clear(),
            "meeting.unit",
            ViolationCode::UnitMissing,
        ),
        (
            |r| r.meeting.lead.name.clear(),
            "meeting.lead.name",
            ViolationCode::LeadNameMissing,
        ),
        (
            |r| r.meeting.lead.initials.clear(),
            "meeting.lead.initials",
            ViolationCode::LeadInitialsMissing,
        ),
        (
            |r| r.meeting.counterpart.clear(),
            "meeting.counterpart",
            ViolationCode::CounterpartMissing,
        ),
        (
            |r| r.meeting.bisidder_present = true,
            "meeting.bisidder_name",
            ViolationCode::BisidderNameMissing,
        ),
    ];
    for (breaks, field, code) in cases {
        let mut broken = allowed_record();
        breaks(&mut broken);
        assert_eq!(
            check(&broken),
            vec![blocking(RuleId::Record, field, code)],
            "{field}"
        );
    }
}

#[test]
fn g_record_end_must_be_after_start() {
    let mut broken = allowed_record();
    broken.meeting.ends_at = broken.meeting.starts_at;
    assert_rule(
        &broken,
        &allowed_record(),
        blocking(
            RuleId::Record,
            "meeting.ends_at",
            ViolationCode::EndBeforeStart,
        ),
    );
}

#[test]
fn g_record_text_must_be_clean_and_free_of_cpr_numbers() {
    let mut hidden = allowed_record();
    hidden.meeting.subject = "Bolig\u{202E}støtte".into();
    assert_rule(
        &hidden,
        &allowed_record(),
        blocking(
            RuleId::Record,
            "meeting.subject",
            ViolationCode::TextControlCharacter,
        ),
    );
    let mut untrimmed = allowed_record();
    untrimmed.meeting.unit = " Borgerservice".into();
    assert_rule(
        &untrimmed,
        &allowed_record(),
        blocking(
            RuleId::Record,
            "meeting.unit",
            ViolationCode::TextNotNormalized,
        ),
    );
    let mut cpr = allowed_record();
    cpr.meeting.counterpart = "Jens Ærø 010190-1234".into();
    assert_rule(
        &cpr,
        &allowed_record(),
        blocking(
            RuleId::Record,
            "meeting.counterpart",
            ViolationCode::CprNumber,
        ),
    );
    assert_eq!(cpr_warnings(&cpr), vec!["meeting.counterpart".to_owned()]);
    assert_eq!(cpr_warnings(&allowed_record()), Vec::<String>::new());
}

#[test]
fn g_record_unknown_notice_ids_are_refused() {
    let mut broken = allowed_record();
    broken.notices.insert("gossip".into(), at(2, 10, 5));
    assert_rule(
        &broken,
        &allowed_record(),
        blocking(
            RuleId::Record,
            "notices.gossip",
            ViolationCode::NoticeUnknown,
        ),
    );
}

#[test]
fn g_record_unknown_format_version_is_refused() {
    let mut broken = allowed_record();
    broken.format_version = 99;
    assert_rule(
        &broken,
        &allowed_record(),
        blocking(
            RuleId::Record,
            "format_version",
            ViolationCode::FormatVersionUnsupported,
        ),
    );
}

#[test]
fn cpr_detection_accepts_real_dates_in_all_forms() {
    for text in [
        "010190-1234",
        "010190 1234",
        "0101901234",
        "CPR: 311299-4321.",
        "født 290200-1234", // 29 Feb 2000
        "290204-1234",      // 29 Feb 2004 (and 1904)
        "010190--1234",     // a doubled separator is still a CPR number
    ] {
        assert!(looks_like_cpr(text), "{text}");
    }
}

#[test]
fn cpr_detection_rejects_invalid_dates_and_longer_digit_runs() {
    for text in [
        "320190-1234",          // day 32
        "011390-1234",          // month 13
        "000190-1234",          // day 0
        "290201-1234",          // 29 Feb 2001/1901: not a leap year either way
        "310490-1234",          // 31 April
        "123456789012",         // 12-digit case number
        "0101901234567",        // 13 digits
        "90101901234",          // 11 digits
        "010190-12345",         // serial too long
        "27.12.00-A00-1234-26", // a case number
        "",
        "Jens Ærø",
    ] {
        assert!(!looks_like_cpr(text), "{text}");
    }
}

#[test]
fn clean_text_errors_name_the_field_and_the_rule() {
    assert_eq!(
        clean_text("meeting.unit", &"x".repeat(11), 10),
        Err(InputError::TooLong {
            field: "meeting.unit".into(),
            max: 10,
            actual: 11
        })
    );
    let err = clean_text("meeting.room", "a\u{0}b", 10).unwrap_err();
    assert_eq!(
        err,
        InputError::ControlCharacter {
            field: "meeting.room".into(),
            code_point: 0
        }
    );
    assert!(err.to_string().contains("meeting.room"));
}
