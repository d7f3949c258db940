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
        broken.recording.origin = Some(origin);
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
    r.recording.origin = Some(RecordingOrigin::DiscoveredHidden);
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
    refused.recording.origin = Some(RecordingOrigin::OpenWithoutAsking);
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
    // Nothing chosen yet (null): blocked.
    let mut broken = allowed_record();
    broken.recording.origin = None;
    assert_rule(
        &broken,
        &allowed_record(),
        blocking(
            RuleId::Unannounced,
            "recording.origin",
            ViolationCode::OriginMissing,
        ),
    );
    // "No recording" chosen, yet a decision given: contradictory.
    let mut contradictory = allowed_record();
    contradictory.recording.origin = Some(RecordingOrigin::None);
    assert_rule(
        &contradictory,
        &allowed_record(),
        blocking(
            RuleId::Unannounced,
            "recording.decision",
            ViolationCode::DecisionWithoutRecording,
        ),
    );
}

#[test]
fn g_unannounced_nothing_is_preselected_and_finishing_is_blocked_until_staff_choose() {
    // A new draft: how the recording came up is unanswered (null), not "no recording".
    let fresh = samtalenotat_core::domain::MeetingRecord::new_draft(
        super::id(3),
        at(2, 9, 55),
        MeetingKind::Citizen,
        policy().reference(),
    );
    assert_eq!(fresh.recording.origin, None);
    assert_eq!(
        serde_json::to_value(&fresh).unwrap()["recording"]["origin"],
        serde_json::Value::Null
    );
    let origin_missing = blocking(
        RuleId::Unannounced,
        "recording.origin",
        ViolationCode::OriginMissing,
    );
    assert!(check(&fresh).contains(&origin_missing));
    // Everything else filled in, nothing recorded: only the unanswered origin blocks, and
    // choosing "no recording" explicitly is what clears it.
    let mut unanswered = allowed_record();
    unanswered.recording.origin = None;
    unanswered.recording.decision = None;
    unanswered.recording.reasons.clear();
    unanswered.notices.clear();
    unanswered.oral_decision.made = None;
    assert_eq!(check(&unanswered), vec![origin_missing.clone()]);
    let mut none = unanswered.clone();
    none.recording.origin = Some(RecordingOrigin::None);
    assert_rule(&unanswered, &none, origin_missing.clone());
    assert_eq!(check(&none), vec![]);
    let message = policy().violation_message(&origin_missing, Lang::Da, MeetingKind::Citizen);
    assert!(message.contains("ingen optagelse"), "{message}");

    // Through the application layer: a new draft starts unanswered and cannot be signed
    // (the rules are checked before the passphrase is even looked at).
    let dir = crate::harness::TestDir::new();
    let (app, clock) = crate::harness::app_at(dir.path(), super::now());
    let view = app.create_draft(MeetingKind::Citizen).unwrap();
    assert_eq!(view.record.recording.origin, None);
    assert!(view.violations.contains(&origin_missing));
    let id = crate::harness::draft_in_app(&app, &clock, unanswered, super::now());
    let err = app
        .finish_and_sign(&id.to_string(), zeroize::Zeroizing::new("x".repeat(20)))
        .unwrap_err();
    assert_eq!(err.code, samtalenotat_core::app::ErrorCode::RuleViolation);
    assert_eq!(err.params.violations, Some(vec![origin_missing]));
}

#[test]
fn g_unannounced_refusing_an_open_or_hidden_recording_is_not_titled_a_refused_wish() {
    use super::{note_of, refused_record};
    let asked = refused_record();
    assert_eq!(
        policy().note_title(&asked, Lang::Da),
        "Notat om afvist ønske om lydoptagelse"
    );
    for origin in [
        RecordingOrigin::OpenWithoutAsking,
        RecordingOrigin::DiscoveredHidden,
    ] {
        // Nobody asked: what is refused is a recording under way, not a wish.
        let mut refused = refused_record();
        refused.recording.origin = Some(origin);
        refused.recording.disclosure_encouraged_at = Some(at(2, 10, 1));
        assert_eq!(check(&refused), vec![], "{origin:?}");
        assert_eq!(
            policy().note_title(&refused, Lang::Da),
            "Notat om afvist lydoptagelse af samtale"
        );
        assert_eq!(
            policy().note_title(&refused, Lang::En),
            "Note on a refused recording of a meeting"
        );
        let doc = note_of(&refused, Lang::Da);
        assert_eq!(doc.title, "Notat om afvist lydoptagelse af samtale");
        assert!(!doc.title.contains("ønske"));
        // The note still says it was unannounced and is a procesbeslutning.
        let keys: Vec<&str> = doc.statements.iter().map(|s| s.key.as_str()).collect();
        assert!(
            keys.contains(&"unannounced") && keys.contains(&"procesbeslutning"),
            "{keys:?}"
        );
    }
}
