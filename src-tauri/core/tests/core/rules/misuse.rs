//! G-MISUSE: a misuse incident (a recording shared or misused) and HR/Jura's part in it.

use samtalenotat_core::domain::incident::{
    validate_incident, MisuseIncident, MisuseKind, PoliceReportAssessment,
};
use samtalenotat_core::domain::rules::{can_finish, RuleId, Violation, ViolationCode};

use super::{at, blocking, id, now, policy};

fn valid_incident() -> MisuseIncident {
    let mut i = MisuseIncident::new_draft(id(100), id(1), at(20, 9, 0), policy().reference());
    i.reported_at = at(19, 15, 10);
    i.description.kinds = vec![MisuseKind::Shared];
    i.description.text = "Et klip af optagelsen er delt på sociale medier.".into();
    i.hr_jura_contacted_at = Some(at(20, 9, 15));
    i.hr_jura_contact = "Karen Lund".into();
    i.police_report_assessment = PoliceReportAssessment::Recommended;
    i.assessment_note = "Politianmeldelse anbefales.".into();
    i
}

#[test]
fn g_misuse_hr_jura_must_be_contacted_and_named() {
    assert_eq!(validate_incident(&valid_incident(), now()), vec![]);
    let mut broken = valid_incident();
    broken.hr_jura_contacted_at = None;
    broken.hr_jura_contact.clear();
    let violations = validate_incident(&broken, now());
    assert_eq!(
        violations,
        vec![
            blocking(
                RuleId::Misuse,
                "hr_jura_contacted_at",
                ViolationCode::MisuseHrJuraNotContacted
            ),
            blocking(
                RuleId::Misuse,
                "hr_jura_contact",
                ViolationCode::MisuseHrJuraContactMissing
            ),
        ]
    );
    assert!(!can_finish(&violations));
}

#[test]
fn g_misuse_incident_needs_what_happened_and_an_assessment() {
    let mut broken = valid_incident();
    broken.description.kinds.clear();
    broken.description.text.clear();
    broken.assessment_note.clear();
    broken.hr_jura_contacted_at = Some(at(19, 15, 0));
    assert_eq!(
        validate_incident(&broken, now()),
        vec![
            blocking(
                RuleId::Misuse,
                "description.kinds",
                ViolationCode::MisuseKindMissing
            ),
            blocking(
                RuleId::Misuse,
                "description.text",
                ViolationCode::MisuseDescriptionMissing
            ),
            blocking(
                RuleId::Misuse,
                "hr_jura_contacted_at",
                ViolationCode::MisuseHrJuraContactedBeforeReport
            ),
            blocking(
                RuleId::Misuse,
                "assessment_note",
                ViolationCode::MisuseAssessmentNoteMissing
            ),
        ]
    );
    // A pending assessment is flagged but does not block: the note goes to the case now.
    let mut pending = valid_incident();
    pending.police_report_assessment = PoliceReportAssessment::Pending;
    pending.assessment_note.clear();
    let violations = validate_incident(&pending, now());
    assert_eq!(
        violations,
        vec![Violation::advisory(
            RuleId::Misuse,
            "police_report_assessment",
            ViolationCode::MisusePoliceAssessmentPending
        )]
    );
    assert!(can_finish(&violations));
}
