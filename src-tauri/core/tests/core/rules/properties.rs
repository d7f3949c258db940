//! Property tests: the validator and the text cleaning never panic, are deterministic and
//! idempotent, and the CPR detector tells a CPR number from a longer digit run.

use chrono::{DateTime, Duration, Utc};
use proptest::prelude::*;
use samtalenotat_core::domain::input::{
    clean_multiline_text, clean_text, cpr_warnings, looks_like_cpr,
};
use samtalenotat_core::domain::policy::Lang;
use samtalenotat_core::domain::rules::{note_statements, validate};
use samtalenotat_core::domain::{
    Channel, Decision, Medium, MeetingKind, MeetingRecord, RecordingOrigin, RefusalGround,
    VideoScope,
};

use super::{at, id, now, policy};

fn text_strategy() -> impl Strategy<Value = String> {
    prop_oneof![
        Just(String::new()),
        "[a-zA-ZæøåÆØÅ .,-]{0,30}",
        "\\PC{0,40}",
        ".{0,40}",
        "[0-9 -]{0,14}",
        Just("010190-1234".to_owned()),
        Just("x".repeat(5000)),
    ]
}

fn time_strategy() -> impl Strategy<Value = Option<DateTime<Utc>>> {
    proptest::option::of((-3_000i64..3_000).prop_map(|m| at(2, 10, 0) + Duration::minutes(m)))
}

prop_compose! {
    fn record_strategy()(
        employee in any::<bool>(),
        official in proptest::option::of(any::<bool>()),
        channel in proptest::option::of(prop_oneof![Just(Channel::InPerson), Just(Channel::Phone)]),
        times in (time_strategy(), time_strategy()),
        texts in proptest::collection::vec(text_strategy(), 17),
        origin in proptest::option::of(prop_oneof![
            Just(RecordingOrigin::None),
            Just(RecordingOrigin::AskedFirst),
            Just(RecordingOrigin::OpenWithoutAsking),
            Just(RecordingOrigin::DiscoveredHidden),
            Just(RecordingOrigin::MunicipalityWants)
        ]),
        medium in prop_oneof![Just(Medium::Sound), Just(Medium::VideoRequested)],
        decision in proptest::option::of(prop_oneof![Just(Decision::Allowed), Just(Decision::Refused)]),
        video_scope in proptest::option::of(prop_oneof![Just(VideoScope::SoundOnly), Just(VideoScope::VideoAllowed)]),
        notices in proptest::collection::btree_map(
            prop_oneof![Just("legal"), Just("disclosure"), Just("case"), Just("data"), Just("other")],
            time_strategy().prop_map(|t| t.unwrap_or_else(|| at(2, 10, 0))),
            0..5,
        ),
        flags in (any::<bool>(), any::<bool>(), proptest::option::of(any::<bool>()), any::<bool>()),
        grounds in proptest::collection::vec(
            prop_oneof![Just(RefusalGround::Harassment), Just(RefusalGround::OthersMatters), Just(RefusalGround::Other)],
            0..4,
        ),
        more_times in (time_strategy(), time_strategy(), time_strategy(), time_strategy()),
        format_version in prop_oneof![Just(1u32), any::<u32>()],
    ) -> MeetingRecord {
        let kind = if employee { MeetingKind::Employee } else { MeetingKind::Citizen };
        let mut r = MeetingRecord::new_draft(id(7), at(2, 9, 55), kind, policy().reference());
        r.format_version = format_version;
        let m = &mut r.meeting;
        m.official_character = official;
        m.channel = channel;
        (m.starts_at, m.ends_at) = times;
        let mut t = texts.into_iter();
        let mut next = || t.next().unwrap();
        m.room = next(); m.unit = next(); m.subject = next(); m.case_number = next();
        m.kle_number = next(); m.lead.name = next(); m.lead.initials = next();
        m.counterpart = next(); m.bisidder_name = next();
        m.bisidder_present = flags.0;
        m.others_matters_discussed = flags.1;
        r.oral_decision.made = flags.2;
        r.oral_decision.what = next();
        r.refusal.other_ground = next(); r.refusal.assessment = next();
        r.refusal.co_decider.name = next(); r.refusal.co_decider.initials = next();
        r.refusal.reason_text = next(); r.legal_help.note = next();
        r.recording.interest_weighing = next();
        r.refusal.room_instruction = flags.3;
        r.refusal.grounds = grounds;
        r.recording.origin = origin;
        r.recording.medium = medium;
        r.recording.decision = decision;
        r.recording.video_scope = video_scope;
        r.notices = notices.into_iter().map(|(k, v)| (k.to_owned(), v)).collect();
        (r.recording.disclosure_encouraged_at, r.refusal.reason_given_at,
         r.legal_help.consulted_at, r.case_filed_at) = more_times;
        r
    }
}

proptest! {
    #[test]
    fn validator_never_panics_and_is_deterministic(record in record_strategy()) {
        let a = validate(&record, policy(), now());
        let b = validate(&record, policy(), now());
        prop_assert_eq!(&a, &b);
        // Every message code has a text in both languages for every violation produced.
        for v in &a {
            for lang in [Lang::Da, Lang::En] {
                let text = policy().violation_message(v, lang, record.meeting.kind);
                let complete = !text.is_empty() && !text.contains('{');
                prop_assert!(complete, "{}", text);
            }
        }
        let _ = note_statements(&record);
        let _ = policy().note_title(&record, Lang::Da);
        let _ = cpr_warnings(&record);
    }

    #[test]
    fn clean_text_never_panics_and_is_idempotent(value in "\\PC{0,60}|.{0,60}|[ \t\r\n\u{2000}a\u{301}]{0,20}") {
        for multiline in [false, true] {
            let clean = |v: &str| if multiline {
                clean_multiline_text("f", v, 50)
            } else {
                clean_text("f", v, 50)
            };
            if let Ok(once) = clean(&value) {
                prop_assert_eq!(clean(&once), Ok(once.clone()));
                prop_assert!(once.chars().count() <= 50);
                prop_assert_eq!(once.trim(), once.as_str());
            }
        }
    }

    #[test]
    fn looks_like_cpr_never_panics(value in ".{0,40}|[0-9 -]{0,30}") {
        let _ = looks_like_cpr(&value);
    }

    #[test]
    fn a_cpr_number_embedded_in_a_longer_digit_run_is_not_flagged(
        prefix in "[0-9]{1,4}", suffix in "[0-9]{1,4}"
    ) {
        // Digits are read across separators (spaced digits are one number), so a run is
        // only ended by other characters, e.g. a comma or a word.
        let embedded = format!("{prefix}0101901234{suffix}");
        let spaced = format!("ref {prefix} 0101901234 {suffix}");
        let separate = format!("ref {prefix}, 0101901234, nr. {suffix}");
        prop_assert!(!looks_like_cpr(&embedded), "{}", embedded);
        prop_assert!(!looks_like_cpr(&spaced), "{}", spaced);
        prop_assert!(looks_like_cpr(&separate), "{}", separate);
    }
}
