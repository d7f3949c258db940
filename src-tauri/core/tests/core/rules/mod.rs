//! The guideline's rules, proven one by one.
//!
//! Every rule ID has at least one test named after it (`g_refuse_leader_…`) that breaks the rule
//! on an otherwise valid record, asserts the exact violation, fixes it and asserts the violation
//! is gone. The tests are grouped by topic in the submodules; the valid records they start from
//! and the assertion they share are here. Beside the rules: the example records in
//! `tests/fixtures/records/` with their exact violation lists and the JSON Schema golden files
//! (`fixtures_and_schemas`), policy loading (`policy_file`), the CLI's `validate` (`cli`), and
//! property tests that nothing panics (`properties`).
//!
//! Some rules are about what the application layer does, not only what `validate` says: CPR
//! numbers and invisible characters refused before anything is saved (`text_input`), addenda
//! (`addendum`), discarded and upgraded drafts (`drafts`), filing in the case (`filing`). Those
//! tests drive an [`App`](samtalenotat_core::app::App) on a fresh data folder with the
//! harness's helpers (`crate::harness::app_with_key` and friends).

mod addendum;
mod cli;
mod drafts;
mod filing;
mod fixtures_and_schemas;
mod legal_help_and_equal;
mod misuse;
mod notices;
mod policy_file;
mod properties;
mod record_facts_and_input;
mod refusal;
mod scope_and_default;
mod text_input;
mod unannounced;
mod weigh;

use chrono::{DateTime, TimeZone, Utc};
use samtalenotat_core::domain::equal_treatment::{equal_treatment_violations, DecisionFacts};
use samtalenotat_core::domain::incident::{validate_incident, MisuseIncident};
use samtalenotat_core::domain::policy::{Lang, Policy};
use samtalenotat_core::domain::rules::{
    can_finish, validate, RuleId, Severity, Violation, ViolationCode,
};
use samtalenotat_core::domain::{
    Channel, Decision, Medium, MeetingKind, MeetingRecord, RecordId, RecordingOrigin,
    RecordingReason, RefusalGround, StaffMember,
};
use samtalenotat_core::note::canonical::{NoteDocument, NoteSigner};

// ---------------------------------------------------------------------------------------------
// Builders

fn at(day: u32, hour: u32, minute: u32) -> DateTime<Utc> {
    Utc.with_ymd_and_hms(2026, 11, day, hour, minute, 0)
        .unwrap()
}

/// The validator's "now" for all tests: after every fixture's timestamps.
fn now() -> DateTime<Utc> {
    at(28, 12, 0)
}

fn policy() -> &'static Policy {
    Policy::builtin()
}

fn id(n: u128) -> RecordId {
    RecordId(ulid::Ulid::from(n))
}

/// A citizen meeting, asked first, allowed, every notice given: no violations at all.
fn allowed_record() -> MeetingRecord {
    let mut r = MeetingRecord::new_draft(
        id(1),
        at(2, 9, 55),
        MeetingKind::Citizen,
        policy().reference(),
    );
    let m = &mut r.meeting;
    m.channel = Some(Channel::InPerson);
    m.starts_at = Some(at(2, 10, 0));
    m.ends_at = Some(at(2, 10, 45));
    m.room = "Mødelokale 2".into();
    m.unit = "Borgerservice".into();
    m.subject = "Boligstøtte".into();
    m.case_number = "27.12.00-A00-1234-26".into();
    m.lead = StaffMember {
        name: "Mette Sørensen".into(),
        initials: "MESO".into(),
    };
    m.counterpart = "Jens Ærø".into();
    r.recording.origin = Some(RecordingOrigin::AskedFirst);
    r.recording.decision = Some(Decision::Allowed);
    r.recording.reasons = vec![RecordingReason::NoteTakingDifficulty];
    for (notice, minute) in [("legal", 2), ("disclosure", 3), ("data", 4)] {
        r.notices.insert(notice.into(), at(2, 10, minute));
    }
    r.oral_decision.made = Some(false);
    r
}

/// A refusal on ground (a) with everything the refusal rules need: no violations.
fn refused_record() -> MeetingRecord {
    let mut r = allowed_record();
    r.recording.decision = Some(Decision::Refused);
    r.recording.reasons.clear();
    // A refusal has no notices: nothing is recorded to warn about.
    r.notices.clear();
    r.oral_decision.made = None;
    let f = &mut r.refusal;
    f.grounds = vec![RefusalGround::Harassment];
    f.assessment =
        "Borgeren har tidligere delt optagelser af medarbejdere med truende kommentarer; \
                    behovet kan dækkes af en bisidder og et skriftligt referat."
            .into();
    f.co_decider = StaffMember {
        name: "Lars Holm".into(),
        initials: "LAHO".into(),
    };
    f.reason_given_at = Some(at(2, 10, 5));
    f.reason_text =
        "Tidligere optagelser er delt med trusler; borgeren kan medbringe en bisidder.".into();
    r
}

fn history_allowed(n: u128, unit: &str) -> DecisionFacts {
    let mut r = allowed_record();
    r.id = id(n);
    r.meeting.unit = unit.into();
    // Finished within the comparable period before `now()`.
    r.finished_at = Some(at(3, 12, 0));
    DecisionFacts::from_record(&r)
}

/// `record` finished at `now()`, as the note is made of it.
fn finished(mut record: MeetingRecord) -> MeetingRecord {
    record.state = samtalenotat_core::domain::RecordState::Finished;
    record.finished_at = Some(now());
    record.updated_at = now();
    record
}

/// The note document of `record` (finished first), signed by a fixed test signer.
fn note_of(record: &MeetingRecord, lang: Lang) -> NoteDocument {
    NoteDocument::build(
        &finished(record.clone()),
        policy(),
        NoteSigner {
            name: "Mette Sørensen".into(),
            initials: "MESO".into(),
            key_id: "0123456789ABCDEF".into(),
        },
        lang,
        now(),
    )
    .unwrap()
}

/// The note's text (as the PDF lays it out) of `record`.
fn note_text_of(record: &MeetingRecord, lang: Lang) -> String {
    let doc = note_of(record, lang);
    samtalenotat_core::note::text::note_text(&doc, "0")
}

fn check(record: &MeetingRecord) -> Vec<Violation> {
    validate(record, policy(), now())
}

fn blocking(rule: RuleId, field: &str, code: ViolationCode) -> Violation {
    Violation::blocking(rule, field, code)
}

/// Asserts that `violation` is reported for `broken` and not for `fixed`.
fn assert_rule(broken: &MeetingRecord, fixed: &MeetingRecord, violation: Violation) {
    let before = check(broken);
    assert!(
        before.contains(&violation),
        "expected {violation:?} in {before:#?}"
    );
    if violation.severity == Severity::Blocking {
        assert!(!can_finish(&before));
    }
    let after = check(fixed);
    assert!(
        !after.contains(&violation),
        "expected {violation:?} gone, got {after:#?}"
    );
}

/// The policy file's text without the section under `header` (up to the next blank line or
/// section), for policies that lack something.
fn remove_section(text: &str, header: &str) -> String {
    let mut out = String::new();
    let mut skipping = false;
    for line in text.lines() {
        if line.trim() == header {
            skipping = true;
            continue;
        }
        if skipping && (line.starts_with('[') || line.trim().is_empty()) {
            skipping = false;
        }
        if !skipping {
            out.push_str(line);
            out.push('\n');
        }
    }
    out
}

// ---------------------------------------------------------------------------------------------
// Across all rules

#[test]
fn the_valid_builders_have_no_violations() {
    assert_eq!(check(&allowed_record()), vec![]);
    assert_eq!(check(&refused_record()), vec![]);
    assert!(can_finish(&check(&allowed_record())));
}

#[test]
fn every_rule_id_is_reachable_by_a_violation_or_a_policy_check() {
    // G-REFUSE-NATURE is enforced through the policy and the note statements (tests above);
    // every other rule ID is the rule of some violation produced in these tests' records.
    let mut seen = std::collections::BTreeSet::new();
    for r in [allowed_record(), refused_record()] {
        let mut broken = r.clone();
        broken.meeting.kind = MeetingKind::Employee;
        broken.recording.medium = Medium::VideoRequested;
        broken.recording.origin = Some(RecordingOrigin::OpenWithoutAsking);
        broken.meeting.others_matters_discussed = true;
        broken.notices.clear();
        broken.refusal = Default::default();
        broken.refusal.room_instruction = r.recording.decision == Some(Decision::Allowed);
        broken.legal_help.note = "x".into();
        broken.meeting.unit.clear();
        broken.meeting.case_number.clear();
        broken.oral_decision.made = None;
        seen.extend(check(&broken).into_iter().map(|v| v.rule));
    }
    seen.extend(
        equal_treatment_violations(&refused_record(), &[history_allowed(9, "A")], now())
            .into_iter()
            .map(|v| v.rule),
    );
    seen.extend(
        validate_incident(
            &MisuseIncident::new_draft(id(5), id(1), at(2, 9, 0), policy().reference()),
            now(),
        )
        .into_iter()
        .map(|v| v.rule),
    );
    seen.insert(RuleId::RefuseNature);
    let missing: Vec<_> = RuleId::ALL.iter().filter(|r| !seen.contains(r)).collect();
    assert!(missing.is_empty(), "rules never reported: {missing:?}");
}
