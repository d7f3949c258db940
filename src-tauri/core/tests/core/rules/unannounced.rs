//! G-UNANNOUNCED: a recording started openly without asking, or discovered hidden.

use samtalenotat_core::domain::policy::Lang;
use samtalenotat_core::domain::rules::{note_statements, RuleId, ViolationCode};
use samtalenotat_core::domain::{Decision, MeetingKind, RecordingOrigin};

use super::{allowed_record, assert_rule, at, blocking, check, policy};

#[test]
fn g_unannounced_open_or_hidden_recording_requires_encouraging_disclosure() {
    for origin in [
        RecordingOrigin::OpenWithoutAsking,
        RecordingOrigin::DiscoveredHidden,
    ] {
        let mut broken = allowed_record();
        broken.recording.origin = origin;
        let mut fixed = broken.clone();
        fixed.recording.disclosure_encouraged_at = Some(at(2, 10, 10));
        assert_rule(
            &broken,
            &fixed,
            blocking(
                RuleId::Unannounced,
                "recording.disclosure_encouraged_at",
                ViolationCode::DisclosureNotEncouraged,
            ),
        );
        assert_eq!(check(&fixed), vec![]);
        assert!(note_statements(&fixed).contains(&(RuleId::Unannounced, "unannounced")));
    }
}

#[test]
fn g_unannounced_recording_is_allowed_by_default_and_the_notices_still_apply() {
    // Undecided unannounced recording: the notices apply already (it is happening).
    let mut r = allowed_record();
    r.recording.origin = RecordingOrigin::DiscoveredHidden;
    r.recording.disclosure_encouraged_at = Some(at(2, 10, 10));
    r.recording.decision = None;
    r.notices.remove("legal");
    let violations = check(&r);
    assert!(violations.contains(&blocking(
        RuleId::NoticeLegal,
        "notices.legal",
        ViolationCode::NoticeMissing
    )));
    // Refusing an unannounced recording needs the full refusal rules.
    let mut refused = allowed_record();
    refused.recording.origin = RecordingOrigin::OpenWithoutAsking;
    refused.recording.disclosure_encouraged_at = Some(at(2, 10, 10));
    refused.recording.decision = Some(Decision::Refused);
    let violations = check(&refused);
    for code in [
        ViolationCode::RefusalGroundsMissing,
        ViolationCode::RefusalAssessmentMissing,
        ViolationCode::RefusalCoDeciderNameMissing,
        ViolationCode::RefusalReasonTextMissing,
    ] {
        assert!(violations.iter().any(|v| v.code == code), "{code}");
    }
    // The statement the note carries says it is not illegal and staff can only encourage.
    let text = policy().unannounced_statement(Lang::Da, MeetingKind::Citizen);
    assert!(text.contains("ikke strafbart"), "{text}");
    assert!(text.contains("kun opfordre borgeren"), "{text}");
}

#[test]
fn g_unannounced_a_decision_needs_to_know_how_the_recording_came_up() {
    let mut broken = allowed_record();
    broken.recording.origin = RecordingOrigin::None;
    assert_rule(
        &broken,
        &allowed_record(),
        blocking(
            RuleId::Unannounced,
            "recording.origin",
            ViolationCode::OriginMissing,
        ),
    );
}
