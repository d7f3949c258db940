//! G-NOTICE-LEGAL, -DISCLOSURE, -CASE, -DATA: the notices a recording needs, their times, and
//! the oral decision the legal notice asks about.

use chrono::Duration;
use samtalenotat_core::domain::policy::Lang;
use samtalenotat_core::domain::rules::{can_finish, RuleId, Violation, ViolationCode};
use samtalenotat_core::domain::RecordingOrigin;

use super::{allowed_record, assert_rule, blocking, check, now, policy, refused_record};

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
fn g_notice_case_must_be_given_and_needs_the_case_number() {
    let mut broken = allowed_record();
    broken.notices.remove("case");
    assert_rule(
        &broken,
        &allowed_record(),
        blocking(
            RuleId::NoticeCase,
            "notices.case",
            ViolationCode::NoticeMissing,
        ),
    );
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
    // A refusal is noted in the case too.
    let mut refused = refused_record();
    refused.notices.remove("case");
    assert_rule(
        &refused,
        &refused_record(),
        blocking(
            RuleId::NoticeCase,
            "notices.case",
            ViolationCode::NoticeMissing,
        ),
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
    r.recording.origin = RecordingOrigin::None;
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
