//! G-SCOPE (which meetings the guideline covers, and the words for the meeting kind) and
//! G-DEFAULT (a recording that came up is decided, a video request explicitly).

use samtalenotat_core::domain::policy::Lang;
use samtalenotat_core::domain::rules::{note_statements, RuleId, ViolationCode};
use samtalenotat_core::domain::{Medium, MeetingKind, VideoScope};

use super::{allowed_record, assert_rule, blocking, check, policy};

#[test]
fn g_scope_employee_meeting_must_say_whether_it_is_of_official_character() {
    let mut broken = allowed_record();
    broken.meeting.kind = MeetingKind::Employee;
    let mut fixed = broken.clone();
    fixed.meeting.official_character = Some(true);
    assert_rule(
        &broken,
        &fixed,
        blocking(
            RuleId::Scope,
            "meeting.official_character",
            ViolationCode::OfficialCharacterUnanswered,
        ),
    );
    assert_eq!(check(&fixed), vec![]);
}

#[test]
fn g_scope_employee_meeting_not_of_official_character_is_outside_the_guideline() {
    let mut broken = allowed_record();
    broken.meeting.kind = MeetingKind::Employee;
    broken.meeting.official_character = Some(false);
    // Only the scope violation: the other rules do not apply outside the guideline.
    assert_eq!(
        check(&broken),
        vec![blocking(
            RuleId::Scope,
            "meeting.official_character",
            ViolationCode::OutsideGuideline
        )]
    );
    assert_eq!(
        note_statements(&broken),
        vec![(RuleId::Scope, "outside_guideline")]
    );
    let title = policy().note_title(&broken, Lang::Da);
    assert!(title.contains("uden for retningslinjerne"), "{title}");
}

#[test]
fn g_scope_words_follow_the_meeting_kind() {
    let p = policy();
    let v = blocking(
        RuleId::Record,
        "meeting.lead.name",
        ViolationCode::LeadNameMissing,
    );
    let citizen = p.violation_message(&v, Lang::Da, MeetingKind::Citizen);
    let employee = p.violation_message(&v, Lang::Da, MeetingKind::Employee);
    assert!(citizen.contains("den medarbejder,"), "{citizen}");
    assert!(employee.contains("den leder,"), "{employee}");
    let v = blocking(
        RuleId::Default,
        "recording.decision",
        ViolationCode::DecisionMissing,
    );
    assert!(p
        .violation_message(&v, Lang::Da, MeetingKind::Citizen)
        .contains("borgeren"));
    assert!(p
        .violation_message(&v, Lang::Da, MeetingKind::Employee)
        .contains("den ansatte"));
    assert!(p
        .violation_message(&v, Lang::En, MeetingKind::Employee)
        .contains("the employee"));
}

#[test]
fn g_default_a_recording_that_came_up_needs_a_decision() {
    let mut broken = allowed_record();
    broken.recording.decision = None;
    let fixed = allowed_record();
    assert_rule(
        &broken,
        &fixed,
        blocking(
            RuleId::Default,
            "recording.decision",
            ViolationCode::DecisionMissing,
        ),
    );
}

#[test]
fn g_default_video_request_must_be_explicitly_decided() {
    let mut broken = allowed_record();
    broken.recording.medium = Medium::VideoRequested;
    let mut fixed = broken.clone();
    fixed.recording.video_scope = Some(VideoScope::SoundOnly);
    assert_rule(
        &broken,
        &fixed,
        blocking(
            RuleId::Default,
            "recording.video_scope",
            ViolationCode::VideoScopeMissing,
        ),
    );
    assert_eq!(check(&fixed), vec![]);
    // A video scope without a video request is contradictory.
    let mut contradictory = allowed_record();
    contradictory.recording.video_scope = Some(VideoScope::VideoAllowed);
    assert_rule(
        &contradictory,
        &allowed_record(),
        blocking(
            RuleId::Default,
            "recording.video_scope",
            ViolationCode::VideoScopeInconsistent,
        ),
    );
}
