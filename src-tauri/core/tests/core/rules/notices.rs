//! G-NOTICE-LEGAL, -DISCLOSURE, -CASE, -DATA: the notices a recording needs, their times, and
//! the oral decision the legal notice asks about.

use chrono::Duration;
use samtalenotat_core::domain::policy::{Lang, Policy};
use samtalenotat_core::domain::rules::{can_finish, RuleId, Violation, ViolationCode};
use samtalenotat_core::domain::RecordingOrigin;

use super::{allowed_record, assert_rule, at, blocking, check, now, policy, refused_record};

#[test]
fn g_notice_legal_must_be_given_when_recorded() {
    let mut broken = allowed_record();
    broken.notices.remove("legal");
    assert_rule(
        &broken,
        &allowed_record(),
        blocking(
            RuleId::NoticeLegal,
            "notices.legal",
            ViolationCode::NoticeMissing,
        ),
    );
}

#[test]
fn g_notice_legal_oral_decision_must_be_answered_and_described() {
    let mut unanswered = allowed_record();
    unanswered.oral_decision.made = None;
    assert_rule(
        &unanswered,
        &allowed_record(),
        blocking(
            RuleId::NoticeLegal,
            "oral_decision.made",
            ViolationCode::OralDecisionUnanswered,
        ),
    );
    let mut undescribed = allowed_record();
    undescribed.oral_decision.made = Some(true);
    let mut described = undescribed.clone();
    described.oral_decision.what = "Enkeltydelse bevilget mundtligt.".into();
    assert_rule(
        &undescribed,
        &described,
        blocking(
            RuleId::NoticeLegal,
            "oral_decision.what",
            ViolationCode::OralDecisionWhatMissing,
        ),
    );
    let mut contradictory = allowed_record();
    contradictory.oral_decision.what = "Noget blev afgjort.".into();
    assert_rule(
        &contradictory,
        &allowed_record(),
        blocking(
            RuleId::NoticeLegal,
            "oral_decision.what",
            ViolationCode::OralDecisionWhatWithoutDecision,
        ),
    );
}

#[test]
fn g_notice_disclosure_must_be_given_when_recorded() {
    let mut broken = allowed_record();
    broken.notices.remove("disclosure");
    assert_rule(
        &broken,
        &allowed_record(),
        blocking(
            RuleId::NoticeDisclosure,
            "notices.disclosure",
            ViolationCode::NoticeMissing,
        ),
    );
}

#[test]
fn g_notice_case_the_signed_note_is_the_notation_and_needs_the_case_number() {
    let mut no_number = allowed_record();
    no_number.meeting.case_number.clear();
    assert_rule(
        &no_number,
        &allowed_record(),
        blocking(
            RuleId::NoticeCase,
            "meeting.case_number",
            ViolationCode::CaseNumberMissing,
        ),
    );
    // A refusal is noted in the case too ("bør det fremgå af borgerens/den ansattes sag").
    let mut refused = refused_record();
    refused.meeting.case_number.clear();
    assert_rule(
        &refused,
        &refused_record(),
        blocking(
            RuleId::NoticeCase,
            "meeting.case_number",
            ViolationCode::CaseNumberMissing,
        ),
    );
    // "Noted in the case" is not something said to the counterpart: the policy has no such
    // notice (since 2026.2), and a record ticking one is refused as unknown.
    assert!(policy().notice("case").is_none());
    let mut ticked = allowed_record();
    ticked.notices.insert("case".into(), at(2, 10, 47));
    assert_rule(
        &ticked,
        &allowed_record(),
        blocking(RuleId::Record, "notices.case", ViolationCode::NoticeUnknown),
    );
}

#[test]
fn g_notice_data_is_recommended_not_required() {
    let mut broken = allowed_record();
    broken.notices.remove("data");
    let violations = check(&broken);
    assert_eq!(
        violations,
        vec![Violation::advisory(
            RuleId::NoticeData,
            "notices.data",
            ViolationCode::NoticeRecommended
        )]
    );
    assert!(can_finish(&violations));
    assert_eq!(check(&allowed_record()), vec![]);
}

#[test]
fn g_notice_no_recording_needs_no_notices() {
    let mut r = allowed_record();
    r.recording.origin = Some(RecordingOrigin::None);
    r.recording.decision = None;
    r.notices.clear();
    r.oral_decision.made = None;
    assert_eq!(check(&r), vec![]);
    assert!(policy()
        .note_title(&r, Lang::Da)
        .contains("uden lydoptagelse"));
}

#[test]
fn g_notice_timestamps_must_lie_between_creation_and_now() {
    let mut future = allowed_record();
    future
        .notices
        .insert("legal".into(), now() + Duration::minutes(1));
    assert_rule(
        &future,
        &allowed_record(),
        blocking(
            RuleId::NoticeLegal,
            "notices.legal",
            ViolationCode::TimeInFuture,
        ),
    );
    let mut early = allowed_record();
    early
        .notices
        .insert("disclosure".into(), early.created_at - Duration::hours(25));
    let mut fixed = early.clone();
    fixed
        .notices
        .insert("disclosure".into(), fixed.created_at - Duration::hours(23));
    assert_rule(
        &early,
        &fixed,
        blocking(
            RuleId::NoticeDisclosure,
            "notices.disclosure",
            ViolationCode::TimeBeforeRecord,
        ),
    );
}

#[test]
fn g_notice_every_notice_can_be_said_aloud_and_the_note_keeps_the_statement() {
    use samtalenotat_core::domain::policy::{Situation, BUILTIN_POLICY_TOML};
    use samtalenotat_core::domain::MeetingKind;
    let p = policy();
    assert!(!p.notices().is_empty());
    for notice in p.notices() {
        for situation in &notice.applies_to {
            for lang in [Lang::Da, Lang::En] {
                for kind in [MeetingKind::Citizen, MeetingKind::Employee] {
                    let say = p
                        .notice_say(&notice.id, *situation, lang, kind)
                        .unwrap_or_else(|| panic!("{}: no say text", notice.id));
                    let text = p.notice_text(&notice.id, *situation, lang, kind).unwrap();
                    assert!(
                        !say.trim().is_empty() && !say.contains('{'),
                        "{}: {say}",
                        notice.id
                    );
                    // Words to say to the counterpart, not the note's after-the-fact
                    // statement about them.
                    assert_ne!(say, text, "{}", notice.id);
                    if lang == Lang::Da {
                        assert!(text.contains("er gjort opmærksom på"), "{text}");
                        assert!(!say.contains("er gjort opmærksom på"), "{say}");
                    }
                }
            }
        }
    }
    // A refusal has no notices (nothing is recorded to warn about); noting it in the case
    // is the note itself.
    assert_eq!(p.notices_for(Situation::Refused).count(), 0);
    // What the window shows, per notice.
    let view = p.texts_for(MeetingKind::Employee, Lang::Da);
    for n in &view.notices {
        assert!(n.say_recorded.is_some(), "{}", n.id);
        assert!(n.say_refused.is_none(), "{}", n.id);
    }
    // The note states what was said (`text`), never the spoken words.
    let doc = super::note_of(&allowed_record(), Lang::Da);
    assert_eq!(doc.notices.len(), p.notices().len());
    for n in &doc.notices {
        let text = p
            .notice_text(&n.id, Situation::Recorded, Lang::Da, MeetingKind::Citizen)
            .unwrap();
        let say = p
            .notice_say(&n.id, Situation::Recorded, Lang::Da, MeetingKind::Citizen)
            .unwrap();
        assert_eq!(n.text, text);
        let note = super::note_text_of(&allowed_record(), Lang::Da);
        assert!(note.contains(&text) && !note.contains(&say), "{}", n.id);
    }
    // A policy whose notice lacks what to say aloud is refused.
    let text = super::remove_section(BUILTIN_POLICY_TOML, "[notices.say.recorded]");
    assert_ne!(text, BUILTIN_POLICY_TOML);
    let err = Policy::load_from_str(&text).unwrap_err();
    assert!(err.to_string().contains("say"), "{err}");
}

#[test]
fn g_notice_disclosure_speaks_of_nogle_oplysninger() {
    use samtalenotat_core::domain::policy::Situation;
    use samtalenotat_core::domain::MeetingKind;
    let p = policy();
    // The guideline: "det kan være strafbart at videregive nogle oplysninger uden et
    // samtykke" and "oplysninger om en anden persons rent private forhold".
    let da = p
        .notice_text(
            "disclosure",
            Situation::Recorded,
            Lang::Da,
            MeetingKind::Citizen,
        )
        .unwrap();
    assert!(
        da.contains("videregive nogle oplysninger uden samtykke"),
        "{da}"
    );
    assert!(da.contains("en anden persons rent private forhold"), "{da}");
    let say = p
        .notice_say(
            "disclosure",
            Situation::Recorded,
            Lang::Da,
            MeetingKind::Citizen,
        )
        .unwrap();
    assert!(say.contains("nogle af oplysningerne"), "{say}");
    let en = p
        .notice_text(
            "disclosure",
            Situation::Recorded,
            Lang::En,
            MeetingKind::Employee,
        )
        .unwrap();
    assert!(
        en.contains("passing on some information without consent") && en.contains("employee"),
        "{en}"
    );
    let note = super::note_text_of(&allowed_record(), Lang::Da);
    assert!(note.contains("videregive nogle oplysninger"), "{note}");
}
