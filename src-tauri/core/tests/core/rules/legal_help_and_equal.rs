//! G-LEGAL-HELP (advice from HR/Jura, noted with its time) and G-EQUAL (alike requests decided
//! alike: the hint when refusing, the summary by unit and municipality).

use samtalenotat_core::domain::equal_treatment::{
    equal_treatment_violations, prior_allowed_in_same_situation, summarize, DecisionFacts,
};
use samtalenotat_core::domain::rules::{note_statements, RuleId, Violation, ViolationCode};
use samtalenotat_core::domain::{RecordingOrigin, RefusalGround};

use super::{
    allowed_record, assert_rule, at, blocking, check, history_allowed, id, refused_record,
};

#[test]
fn g_legal_help_note_needs_a_time_and_is_bounded() {
    let mut no_time = refused_record();
    no_time.legal_help.note = "Drøftet med HR/Jura.".into();
    let mut fixed = no_time.clone();
    fixed.legal_help.consulted_at = Some(at(1, 14, 0));
    assert_rule(
        &no_time,
        &fixed,
        blocking(
            RuleId::LegalHelp,
            "legal_help.consulted_at",
            ViolationCode::LegalHelpTimeMissing,
        ),
    );
    assert_eq!(check(&fixed), vec![]);
    assert!(note_statements(&fixed).contains(&(RuleId::LegalHelp, "legal_help")));
    let mut long = fixed.clone();
    long.legal_help.note = "x".repeat(4001);
    assert_rule(
        &long,
        &fixed,
        blocking(
            RuleId::LegalHelp,
            "legal_help.note",
            ViolationCode::TextTooLong,
        ),
    );
}

#[test]
fn g_equal_prior_allowed_in_same_situation_is_shown_when_refusing() {
    let draft = refused_record();
    let history = vec![history_allowed(10, "Jobcenter")];
    assert_eq!(
        equal_treatment_violations(&draft, &history),
        vec![Violation::advisory(
            RuleId::Equal,
            "recording.decision",
            ViolationCode::EqualTreatmentPriorAllowed
        )]
    );
    // Not the same situation (others' matters discussed): no hint.
    let mut other_situation = draft.clone();
    other_situation.meeting.others_matters_discussed = true;
    assert_eq!(
        equal_treatment_violations(&other_situation, &history),
        vec![]
    );
    // Allowing needs no hint; no history needs no hint.
    assert_eq!(
        equal_treatment_violations(&allowed_record(), &history),
        vec![]
    );
    assert_eq!(equal_treatment_violations(&draft, &[]), vec![]);
    assert_eq!(prior_allowed_in_same_situation(&draft, &history).len(), 1);
}

#[test]
fn g_equal_summary_counts_unit_and_municipality() {
    let mut refused = refused_record();
    refused.id = id(20);
    refused.meeting.unit = "Jobcenter".into();
    refused.refusal.grounds = vec![RefusalGround::Harassment, RefusalGround::Other];
    let mut hidden = allowed_record();
    hidden.id = id(21);
    hidden.recording.origin = RecordingOrigin::DiscoveredHidden;
    let mut nothing = allowed_record();
    nothing.id = id(22);
    nothing.recording.origin = RecordingOrigin::None;
    nothing.recording.decision = None;
    let history = vec![
        history_allowed(10, "Jobcenter"),
        history_allowed(11, " jobcenter "),
        DecisionFacts::from_record(&refused),
        DecisionFacts::from_record(&hidden),
        DecisionFacts::from_record(&nothing),
    ];
    let s = summarize("Jobcenter", &history);
    assert_eq!(
        (
            s.unit.requests,
            s.unit.allowed,
            s.unit.refused,
            s.unit.unannounced
        ),
        (3, 2, 1, 0)
    );
    assert_eq!(
        s.unit.refused_by_ground.get(&RefusalGround::Harassment),
        Some(&1)
    );
    assert_eq!(
        s.unit.refused_by_ground.get(&RefusalGround::Other),
        Some(&1)
    );
    let m = &s.municipality;
    assert_eq!(
        (m.requests, m.allowed, m.refused, m.unannounced),
        (4, 3, 1, 1)
    );
    // The JSON the UI reads: grounds as plain keys.
    let json = serde_json::to_value(&s).unwrap();
    assert_eq!(json["unit"]["refused_by_ground"]["harassment"], 1);
}
