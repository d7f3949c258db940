//! G-LEGAL-HELP (advice from HR/Jura, noted with its time) and G-EQUAL (alike requests decided
//! alike: the hint when refusing, the summary by unit and municipality).

use samtalenotat_core::domain::equal_treatment::{
    comparable_cases, equal_treatment_violations, summarize, DecisionFacts,
};
use samtalenotat_core::domain::rules::{note_statements, RuleId, Violation, ViolationCode};
use samtalenotat_core::domain::{RecordingOrigin, RefusalGround};

use super::{
    allowed_record, assert_rule, at, blocking, check, history_allowed, id, now, refused_record,
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
        equal_treatment_violations(&draft, &history, now()),
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
        equal_treatment_violations(&other_situation, &history, now()),
        vec![]
    );
    // Allowing needs no hint; no history needs no hint.
    assert_eq!(
        equal_treatment_violations(&allowed_record(), &history, now()),
        vec![]
    );
    assert_eq!(equal_treatment_violations(&draft, &[], now()), vec![]);
    assert_eq!(comparable_cases(&draft, &history, now()).cases.len(), 1);
}

#[test]
fn g_equal_summary_counts_unit_and_municipality() {
    let mut refused = refused_record();
    refused.id = id(20);
    refused.meeting.unit = "Jobcenter".into();
    refused.refusal.grounds = vec![RefusalGround::Harassment, RefusalGround::Other];
    let mut hidden = allowed_record();
    hidden.id = id(21);
    hidden.recording.origin = Some(RecordingOrigin::DiscoveredHidden);
    let mut nothing = allowed_record();
    nothing.id = id(22);
    nothing.recording.origin = Some(RecordingOrigin::None);
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

#[test]
fn g_legal_help_consultation_is_allowed_in_every_situation_with_its_own_time() {
    use chrono::Duration;
    use samtalenotat_core::domain::policy::Lang;
    let mut unannounced = allowed_record();
    unannounced.recording.origin = Some(RecordingOrigin::OpenWithoutAsking);
    unannounced.recording.disclosure_encouraged_at = Some(at(2, 10, 1));
    let mut none = allowed_record();
    none.recording.origin = Some(RecordingOrigin::None);
    none.recording.decision = None;
    none.recording.reasons.clear();
    none.notices.clear();
    none.oral_decision.made = None;
    let situations = [
        ("allowed", allowed_record()),
        ("refused", refused_record()),
        ("unannounced", unannounced),
        ("no recording", none),
    ];
    for (name, base) in situations {
        // Consulted three days before the record was even made: its own time, not bounded
        // by the meeting's ("kan der søges juridisk bistand hos HR/Jura").
        let consulted = base.created_at - Duration::days(3);
        let mut r = base.clone();
        r.legal_help.consulted_at = Some(consulted);
        r.legal_help.note = "Drøftet med HR/Jura før mødet.".into();
        assert_eq!(check(&r), vec![], "{name}");
        assert!(
            note_statements(&r).contains(&(RuleId::LegalHelp, "legal_help")),
            "{name}"
        );
        let doc = super::note_of(&r, Lang::Da);
        let help = doc.legal_help.as_ref().expect(name);
        assert_eq!(help.consulted_at, "2026-10-30T09:55:00.000Z", "{name}");
        let text = super::note_text_of(&r, Lang::Da);
        assert!(
            text.contains("Konsulteret: 30.10.2026 kl. 10.55")
                && text.contains("Drøftet med HR/Jura før mødet."),
            "{name}: {text}"
        );
        // Only the future is out of bounds.
        let mut future = r.clone();
        future.legal_help.consulted_at = Some(super::now() + Duration::minutes(5));
        assert_eq!(
            check(&future),
            vec![blocking(
                RuleId::LegalHelp,
                "legal_help.consulted_at",
                ViolationCode::TimeInFuture
            )],
            "{name}"
        );
    }
}

/// An allowed, finished earlier case like `allowed_record()` but with `change` applied.
fn allowed_case(
    n: u128,
    change: fn(&mut samtalenotat_core::domain::MeetingRecord),
) -> DecisionFacts {
    let mut r = allowed_record();
    r.id = id(n);
    r.meeting.unit = "Jobcenter".into();
    r.finished_at = Some(at(10, 12, 0));
    change(&mut r);
    DecisionFacts::from_record(&r)
}

#[test]
fn g_equal_compares_like_with_like() {
    use samtalenotat_core::domain::{Decision, Medium, MeetingKind};
    let draft = refused_record();
    // Unrelated allowed meetings: another kind, another medium, another answer on others'
    // matters, recorded without asking, before the period, or the draft itself.
    let unrelated = vec![
        allowed_case(30, |r| {
            r.meeting.kind = MeetingKind::Employee;
            r.meeting.official_character = Some(true);
        }),
        allowed_case(31, |r| r.recording.medium = Medium::VideoRequested),
        allowed_case(32, |r| r.meeting.others_matters_discussed = true),
        allowed_case(33, |r| {
            r.recording.origin = Some(RecordingOrigin::OpenWithoutAsking)
        }),
        allowed_case(34, |r| {
            r.finished_at = Some(at(10, 12, 0) - chrono::Duration::days(800))
        }),
        allowed_case(1, |_| {}),
    ];
    assert_eq!(
        equal_treatment_violations(&draft, &unrelated, now()),
        vec![],
        "nothing comparable was allowed"
    );
    let advice = comparable_cases(&draft, &unrelated, now());
    assert_eq!((advice.allowed, advice.refused), (0, 0));
    assert!(advice.cases.is_empty());
    assert_eq!(advice.period_to, now());
    assert_eq!(advice.period_from, now() - chrono::Duration::days(730));

    // A comparable allowed case (another unit: equal treatment is municipality-wide) and a
    // comparable refusal: the advisory, and both cases listed, newest first.
    let mut history = unrelated.clone();
    history.push(allowed_case(40, |r| r.meeting.unit = "Ydelse".into()));
    let mut earlier_refusal = refused_record();
    earlier_refusal.id = id(41);
    earlier_refusal.finished_at = Some(at(20, 9, 0));
    history.push(DecisionFacts::from_record(&earlier_refusal));
    assert_eq!(
        equal_treatment_violations(&draft, &history, now()),
        vec![Violation::advisory(
            RuleId::Equal,
            "recording.decision",
            ViolationCode::EqualTreatmentPriorAllowed
        )]
    );
    let advice = comparable_cases(&draft, &history, now());
    assert_eq!((advice.allowed, advice.refused), (1, 1));
    let listed: Vec<_> = advice
        .cases
        .iter()
        .map(|c| (c.record_id, c.decision, c.unit.as_str()))
        .collect();
    assert_eq!(
        listed,
        vec![
            (id(41), Some(Decision::Refused), "Borgerservice"),
            (id(40), Some(Decision::Allowed), "Ydelse"),
        ]
    );
    assert_eq!(advice.cases[0].grounds, vec![RefusalGround::Harassment]);
    assert_eq!(advice.cases[1].finished_at, Some(at(10, 12, 0)));
}

#[test]
fn g_equal_a_refusal_draft_in_the_app_lists_the_comparable_signed_cases() {
    use samtalenotat_core::domain::{Medium, VideoScope};
    let dir = crate::harness::TestDir::new();
    let (app, clock) = crate::harness::app_with_key(dir.path(), now());
    let allowed = crate::harness::signed_in_app(&app, &clock, allowed_record(), now());
    let mut video = allowed_record();
    video.recording.medium = Medium::VideoRequested;
    video.recording.video_scope = Some(VideoScope::SoundOnly);
    let video = crate::harness::signed_in_app(&app, &clock, video, now());
    let draft = crate::harness::draft_in_app(&app, &clock, refused_record(), now());
    let view = app.get_record(&draft.to_string()).unwrap();
    let advice = view.equal_treatment.expect("shown for a refusal draft");
    let listed: Vec<_> = advice.cases.iter().map(|c| c.record_id).collect();
    assert_eq!(listed, vec![allowed], "the video meeting is not comparable");
    assert_ne!(listed[0], video);
    assert!(view
        .violations
        .iter()
        .any(|v| v.code == ViolationCode::EqualTreatmentPriorAllowed && !v.is_blocking()));
    // An allowed draft is not offered the comparison.
    let other = crate::harness::draft_in_app(&app, &clock, allowed_record(), now());
    assert!(app
        .get_record(&other.to_string())
        .unwrap()
        .equal_treatment
        .is_none());
}
