//! G-WEIGH: "Hvis samtalen ikke kun handler om borgeren/den ansatte, skal der dog ske en
//! interesseafvejning." When others' personal matters are discussed and the recording goes
//! ahead, the weighing of interests is written down, and the note prints it.

use samtalenotat_core::domain::policy::Lang;
use samtalenotat_core::domain::rules::{note_statements, RuleId, ViolationCode};
use samtalenotat_core::domain::{MeetingKind, MeetingRecord, RecordingOrigin};

use super::{
    allowed_record, assert_rule, at, blocking, check, note_of, note_text_of, policy, refused_record,
};

const WEIGHING: &str = "Mødet drejer sig også om borgerens søns skolegang. Borgeren har svært \
                        ved at huske aftaler og har brug for optagelsen; sønnen er 17 år og har \
                        sagt ja til, at samtalen optages. Borgerens behov vejer tungest.";

/// Allowed, others' personal matters discussed, the interesseafvejning written: valid.
fn weighed() -> MeetingRecord {
    let mut r = allowed_record();
    r.meeting.others_matters_discussed = true;
    r.recording.interest_weighing = WEIGHING.into();
    r
}

fn missing() -> super::Violation {
    blocking(
        RuleId::Weigh,
        "recording.interest_weighing",
        ViolationCode::InterestWeighingMissing,
    )
}

fn not_applicable() -> super::Violation {
    blocking(
        RuleId::Weigh,
        "recording.interest_weighing",
        ViolationCode::InterestWeighingNotApplicable,
    )
}

#[test]
fn g_weigh_required_when_others_matters_are_discussed_and_the_recording_goes_ahead() {
    assert_eq!(check(&weighed()), vec![]);
    let mut broken = weighed();
    broken.recording.interest_weighing = "  ".into();
    assert_rule(&broken, &weighed(), missing());
    // An unannounced recording goes ahead too (allowed by default, even before a decision).
    for origin in [
        RecordingOrigin::OpenWithoutAsking,
        RecordingOrigin::DiscoveredHidden,
    ] {
        let mut unannounced = broken.clone();
        unannounced.recording.origin = Some(origin);
        unannounced.recording.disclosure_encouraged_at = Some(at(2, 10, 1));
        let mut fixed = unannounced.clone();
        fixed.recording.interest_weighing = WEIGHING.into();
        assert_rule(&unannounced, &fixed, missing());
        assert_eq!(check(&fixed), vec![], "{origin:?}");
    }
    // The employee's meeting too ("borgeren/den ansatte").
    let mut employee = broken.clone();
    employee.meeting.kind = MeetingKind::Employee;
    employee.meeting.official_character = Some(true);
    assert!(check(&employee).contains(&missing()));
    let message = policy().violation_message(&missing(), Lang::Da, MeetingKind::Employee);
    assert!(
        message.contains("interesseafvejningen") && message.contains("den ansattes"),
        "{message}"
    );
}

#[test]
fn g_weigh_a_weighing_where_none_applies_is_refused() {
    // Only the counterpart's own matters: nothing to weigh.
    let mut only_own = allowed_record();
    only_own.recording.interest_weighing = WEIGHING.into();
    assert_rule(&only_own, &allowed_record(), not_applicable());
    // Refused: the weighing behind a refusal is its concrete assessment (G-REFUSE-ASSESS).
    let mut refused = refused_record();
    refused.meeting.others_matters_discussed = true;
    assert_eq!(check(&refused), vec![]);
    let mut with_text = refused.clone();
    with_text.recording.interest_weighing = WEIGHING.into();
    assert_rule(&with_text, &refused, not_applicable());
    // No recording at all.
    let mut none = weighed();
    none.recording.origin = Some(RecordingOrigin::None);
    none.recording.decision = None;
    none.notices.clear();
    none.oral_decision.made = None;
    let mut none_fixed = none.clone();
    none_fixed.recording.interest_weighing.clear();
    assert_rule(&none, &none_fixed, not_applicable());
    assert_eq!(check(&none_fixed), vec![]);
}

#[test]
fn g_weigh_the_note_prints_the_interesseafvejning() {
    assert!(note_statements(&weighed()).contains(&(RuleId::Weigh, "interest_weighing")));
    let doc = note_of(&weighed(), Lang::Da);
    assert_eq!(doc.recording.interest_weighing.as_deref(), Some(WEIGHING));
    let statement = doc
        .statements
        .iter()
        .find(|s| s.key == "interest_weighing")
        .expect("the G-WEIGH statement");
    assert_eq!(statement.rule, "G-WEIGH");
    assert!(
        statement.text.contains("ikke kun om borgeren")
            && statement.text.contains("interesseafvejning"),
        "{}",
        statement.text
    );
    let text = note_text_of(&weighed(), Lang::Da);
    let heading = text.find("Interesseafvejning\n").expect("its own heading");
    let said = text.find(&statement.text).expect("the statement printed");
    let weighing = text.find(WEIGHING).expect("the weighing printed");
    assert!(heading < said && said < weighing, "{text}");
    let en = note_text_of(&weighed(), Lang::En);
    assert!(en.contains("Weighing of interests\n") && en.contains(WEIGHING));

    // Without others' matters the note has no weighing, and its JSON no such field.
    let plain = note_of(&allowed_record(), Lang::Da);
    assert_eq!(plain.recording.interest_weighing, None);
    let json = String::from_utf8(plain.to_canonical_json()).unwrap();
    assert!(!json.contains("interest_weighing"), "{json}");
    assert!(!note_text_of(&allowed_record(), Lang::Da).contains("Interesseafvejning"));
}
