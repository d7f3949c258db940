//! G-REFUSE-*: refusing a recording (grounds, a concrete assessment, the co-deciding leader,
//! the reason given, the nature of the decision, the room instruction).

use chrono::Duration;
use samtalenotat_core::domain::policy::{Lang, Policy, PolicyError, BUILTIN_POLICY_TOML};
use samtalenotat_core::domain::rules::{note_statements, RuleId, ViolationCode};
use samtalenotat_core::domain::{MeetingKind, RefusalGround, StaffMember};

use super::{
    allowed_record, assert_rule, blocking, check, now, policy, refused_record, remove_section,
};

#[test]
fn g_refuse_grounds_a_refusal_needs_at_least_one_ground() {
    let mut broken = refused_record();
    broken.refusal.grounds.clear();
    assert_rule(
        &broken,
        &refused_record(),
        blocking(
            RuleId::RefuseGrounds,
            "refusal.grounds",
            ViolationCode::RefusalGroundsMissing,
        ),
    );
}

#[test]
fn g_refuse_grounds_other_ground_must_be_described() {
    let mut broken = refused_record();
    broken.refusal.grounds = vec![RefusalGround::Other];
    let mut fixed = broken.clone();
    fixed.refusal.other_ground = "En anden beboer i hjemmet ønsker ikke at blive optaget.".into();
    assert_rule(
        &broken,
        &fixed,
        blocking(
            RuleId::RefuseGrounds,
            "refusal.other_ground",
            ViolationCode::RefusalOtherGroundMissing,
        ),
    );
}

#[test]
fn g_refuse_grounds_others_matters_requires_others_matters_discussed() {
    let mut broken = refused_record();
    broken.refusal.grounds = vec![RefusalGround::OthersMatters];
    let mut fixed = broken.clone();
    fixed.meeting.others_matters_discussed = true;
    assert_rule(
        &broken,
        &fixed,
        blocking(
            RuleId::RefuseGrounds,
            "meeting.others_matters_discussed",
            ViolationCode::RefusalOthersMattersNotDiscussed,
        ),
    );
    assert_eq!(check(&fixed), vec![]);
}

#[test]
fn g_refuse_assess_assessment_must_be_written_and_concrete() {
    let mut missing = refused_record();
    missing.refusal.assessment = "   ".into();
    assert_rule(
        &missing,
        &refused_record(),
        blocking(
            RuleId::RefuseAssess,
            "refusal.assessment",
            ViolationCode::RefusalAssessmentMissing,
        ),
    );
    let mut short = refused_record();
    short.refusal.assessment = "Chikane.".into();
    assert_rule(
        &short,
        &refused_record(),
        blocking(
            RuleId::RefuseAssess,
            "refusal.assessment",
            ViolationCode::RefusalAssessmentTooShort,
        ),
    );
    // The threshold is the policy's, counted in characters.
    let exact = "æ".repeat(policy().min_assessment_chars());
    let mut at_threshold = refused_record();
    at_threshold.refusal.assessment = exact;
    assert_eq!(check(&at_threshold), vec![]);
}

#[test]
fn g_refuse_leader_co_decider_must_be_named() {
    let mut broken = refused_record();
    broken.refusal.co_decider = StaffMember::default();
    let violations = check(&broken);
    assert!(violations.contains(&blocking(
        RuleId::RefuseLeader,
        "refusal.co_decider.name",
        ViolationCode::RefusalCoDeciderNameMissing
    )));
    assert!(violations.contains(&blocking(
        RuleId::RefuseLeader,
        "refusal.co_decider.initials",
        ViolationCode::RefusalCoDeciderInitialsMissing
    )));
    assert_eq!(check(&refused_record()), vec![]);
}

#[test]
fn g_refuse_leader_co_decider_must_not_be_the_meeting_lead() {
    let same = blocking(
        RuleId::RefuseLeader,
        "refusal.co_decider.name",
        ViolationCode::RefusalLeaderIsLead,
    );
    // Same name, written differently.
    let mut by_name = refused_record();
    by_name.refusal.co_decider = StaffMember {
        name: "  mette   SØRENSEN ".into(),
        initials: "XY".into(),
    };
    assert_rule(&by_name, &refused_record(), same.clone());
    // Same initials, different spelling of the name.
    let mut by_initials = refused_record();
    by_initials.refusal.co_decider = StaffMember {
        name: "M. Sørensen".into(),
        initials: "meso".into(),
    };
    assert_rule(&by_initials, &refused_record(), same);
}

#[test]
fn g_refuse_reason_reason_must_be_given_with_time_and_text() {
    let mut no_time = refused_record();
    no_time.refusal.reason_given_at = None;
    assert_rule(
        &no_time,
        &refused_record(),
        blocking(
            RuleId::RefuseReason,
            "refusal.reason_given_at",
            ViolationCode::RefusalReasonTimeMissing,
        ),
    );
    let mut no_text = refused_record();
    no_text.refusal.reason_text.clear();
    assert_rule(
        &no_text,
        &refused_record(),
        blocking(
            RuleId::RefuseReason,
            "refusal.reason_text",
            ViolationCode::RefusalReasonTextMissing,
        ),
    );
    let mut future = refused_record();
    future.refusal.reason_given_at = Some(now() + Duration::hours(1));
    assert_rule(
        &future,
        &refused_record(),
        blocking(
            RuleId::RefuseReason,
            "refusal.reason_given_at",
            ViolationCode::TimeInFuture,
        ),
    );
}

#[test]
fn g_refuse_nature_the_note_of_a_refusal_states_it_is_a_procesbeslutning() {
    assert!(
        note_statements(&refused_record()).contains(&(RuleId::RefuseNature, "procesbeslutning"))
    );
    assert!(!note_statements(&allowed_record())
        .iter()
        .any(|(rule, _)| *rule == RuleId::RefuseNature));
    let da = policy().refusal_nature_statement(Lang::Da, MeetingKind::Citizen);
    assert!(da.contains("procesbeslutning"), "{da}");
    assert!(da.contains("forvaltningslovens forstand"), "{da}");
    let en = policy().refusal_nature_statement(Lang::En, MeetingKind::Employee);
    assert!(
        en.contains("procedural decision") && en.contains("the employee"),
        "{en}"
    );
}

#[test]
fn g_refuse_nature_a_policy_without_the_procesbeslutning_text_is_refused() {
    let text = remove_section(BUILTIN_POLICY_TOML, "[texts.procesbeslutning]");
    match Policy::load_from_str(&text) {
        Err(PolicyError::MissingText { key, rule }) => {
            assert_eq!(key, "procesbeslutning");
            assert_eq!(rule, RuleId::RefuseNature);
        }
        other => panic!("expected MissingText, got {other:?}"),
    }
}

#[test]
fn g_refuse_room_instruction_only_as_part_of_a_refusal() {
    let mut broken = allowed_record();
    broken.refusal.room_instruction = true;
    assert_rule(
        &broken,
        &allowed_record(),
        blocking(
            RuleId::RefuseRoom,
            "refusal.room_instruction",
            ViolationCode::RoomInstructionWithoutRefusal,
        ),
    );
    let mut refused = refused_record();
    refused.refusal.room_instruction = true;
    assert_eq!(check(&refused), vec![]);
    assert!(note_statements(&refused).contains(&(RuleId::RefuseRoom, "room_instruction")));
}

#[test]
fn g_refuse_reason_the_note_says_the_reason_was_given_to_the_counterpart() {
    // "skal begrundes overfor borgeren/den ansatte".
    let citizen = super::note_text_of(&refused_record(), Lang::Da);
    assert!(
        citizen.contains("Begrundelsen givet til borgeren: 02.11.2026 kl. 11.05"),
        "{citizen}"
    );
    let mut employee = refused_record();
    employee.meeting.kind = MeetingKind::Employee;
    employee.meeting.official_character = Some(true);
    assert_eq!(check(&employee), vec![]);
    let da = super::note_text_of(&employee, Lang::Da);
    assert!(
        da.contains("Begrundelsen givet til den ansatte: 02.11.2026 kl. 11.05"),
        "{da}"
    );
    let en = super::note_text_of(&employee, Lang::En);
    assert!(en.contains("Reason given to the employee: "), "{en}");
    let en = super::note_text_of(&refused_record(), Lang::En);
    assert!(en.contains("Reason given to the citizen: "), "{en}");
}

#[test]
fn g_refuse_grounds_refusal_details_on_a_record_that_is_not_refused_are_refused() {
    use samtalenotat_core::domain::RecordingOrigin;
    type Adds = fn(&mut samtalenotat_core::domain::MeetingRecord);
    let details: Vec<(&str, Adds)> = vec![
        ("grounds", |r| {
            r.refusal.grounds = vec![RefusalGround::Harassment]
        }),
        ("other ground", |r| {
            r.refusal.other_ground = "Noget andet.".into()
        }),
        ("assessment", |r| {
            r.refusal.assessment = "En vurdering.".into()
        }),
        ("co-decider", |r| {
            r.refusal.co_decider.name = "Lars Holm".into()
        }),
        ("reason time", |r| {
            r.refusal.reason_given_at = Some(super::at(2, 10, 5))
        }),
        ("reason", |r| r.refusal.reason_text = "Derfor.".into()),
    ];
    let violation = blocking(
        RuleId::RefuseGrounds,
        "refusal",
        ViolationCode::RefusalDetailsWithoutRefusal,
    );
    let mut none = allowed_record();
    none.recording.origin = Some(RecordingOrigin::None);
    none.recording.decision = None;
    none.recording.reasons.clear();
    none.notices.clear();
    none.oral_decision.made = None;
    for base in [allowed_record(), none] {
        assert_eq!(check(&base), vec![]);
        for (what, adds) in &details {
            let mut broken = base.clone();
            adds(&mut broken);
            assert_eq!(check(&broken), vec![violation.clone()], "{what}");
        }
    }
    // A refusal may carry them all, of course.
    assert_eq!(check(&refused_record()), vec![]);
    // And the allowed note never shows a refusal section.
    assert!(super::note_of(&allowed_record(), Lang::Da)
        .refusal
        .is_none());
}

#[test]
fn g_refuse_grounds_a_ground_ticked_twice_is_flagged_and_saved_once() {
    use samtalenotat_core::domain::input::clean_record;
    let mut twice = refused_record();
    twice.refusal.grounds = vec![
        RefusalGround::Harassment,
        RefusalGround::Other,
        RefusalGround::Harassment,
    ];
    twice.refusal.other_ground = "En anden beboer ønsker ikke at blive optaget.".into();
    let mut once = twice.clone();
    once.refusal.grounds = vec![RefusalGround::Harassment, RefusalGround::Other];
    assert_rule(
        &twice,
        &once,
        blocking(
            RuleId::RefuseGrounds,
            "refusal.grounds",
            ViolationCode::DuplicateEntry,
        ),
    );
    // The app's cleaning keeps the first of each, in order.
    assert_eq!(
        clean_record(&twice).unwrap().refusal.grounds,
        once.refusal.grounds
    );
    let dir = crate::harness::TestDir::new();
    let (app, clock) = crate::harness::app_at(dir.path(), now());
    let id = crate::harness::draft_in_app(&app, &clock, twice, now());
    let stored = app.get_record(&id.to_string()).unwrap();
    assert_eq!(stored.record.refusal.grounds, once.refusal.grounds);
    assert!(!stored
        .violations
        .iter()
        .any(|v| v.code == ViolationCode::DuplicateEntry));
}
