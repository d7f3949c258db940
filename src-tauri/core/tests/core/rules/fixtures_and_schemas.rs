//! The example records in `tests/fixtures/records/`: every situation of SPEC section 1, with its
//! exact violation list, stored in canonical form under the built-in policy. And the JSON Schema
//! golden files of the record and incident formats in `docs/`. Both are golden files
//! (`crate::golden`): `SAMTALENOTAT_UPDATE_GOLDEN=1` rewrites them after an intended change.

use samtalenotat_core::domain::incident::{validate_incident, MisuseIncident};
use samtalenotat_core::domain::rules::{RuleId, Violation, ViolationCode};
use samtalenotat_core::domain::{
    Medium, MeetingKind, MeetingRecord, RecordingOrigin, RefusalGround,
};

use super::{blocking, check, now, policy};
use crate::golden::assert_golden;
use crate::harness::{record_fixture as load_record, record_fixture_path, repo_root};

#[test]
fn fixtures_validate_exactly_as_expected() {
    use RuleId as R;
    use ViolationCode as C;
    let advisory = Violation::advisory;
    let expected: Vec<(&str, Vec<Violation>)> = vec![
        ("citizen-asked-first-allowed.json", vec![]),
        (
            "citizen-open-without-asking.json",
            vec![advisory(
                R::NoticeData,
                "notices.data",
                C::NoticeRecommended,
            )],
        ),
        ("citizen-discovered-hidden.json", vec![]),
        ("citizen-others-matters-weighed.json", vec![]),
        ("employee-refused-discovered-hidden.json", vec![]),
        ("no-recording.json", vec![]),
        ("video-allowed.json", vec![]),
        ("refused-ground-a-harassment.json", vec![]),
        ("refused-ground-b-others-matters.json", vec![]),
        ("refused-ground-c-other.json", vec![]),
        ("employee-official-sygefravaer.json", vec![]),
        (
            "employee-not-official.json",
            vec![blocking(
                R::Scope,
                "meeting.official_character",
                C::OutsideGuideline,
            )],
        ),
        ("video-requested-decided.json", vec![]),
        ("oral-decision-made.json", vec![]),
        (
            "refused-incomplete.json",
            vec![
                blocking(R::Record, "meeting.counterpart", C::CprNumber),
                blocking(
                    R::RefuseGrounds,
                    "refusal.other_ground",
                    C::RefusalOtherGroundMissing,
                ),
                blocking(
                    R::RefuseAssess,
                    "refusal.assessment",
                    C::RefusalAssessmentTooShort,
                ),
                blocking(
                    R::RefuseLeader,
                    "refusal.co_decider.name",
                    C::RefusalLeaderIsLead,
                ),
                blocking(
                    R::RefuseReason,
                    "refusal.reason_given_at",
                    C::RefusalReasonTimeMissing,
                ),
                blocking(
                    R::RefuseReason,
                    "refusal.reason_text",
                    C::RefusalReasonTextMissing,
                ),
            ],
        ),
    ];
    let mut files: Vec<String> = std::fs::read_dir(repo_root().join("tests/fixtures/records"))
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|n| n.ends_with(".json") && !n.starts_with("incident-"))
        .collect();
    files.sort();
    let mut listed: Vec<String> = expected.iter().map(|(n, _)| n.to_string()).collect();
    listed.sort();
    assert_eq!(files, listed, "every record fixture has an expectation");
    for (name, want) in expected {
        let record = load_record(name);
        assert_eq!(check(&record), want, "{name}");
        // Fixtures are stored exactly as the types serialize them (2-space JSON).
        let reserialized = serde_json::to_string_pretty(&record).unwrap() + "\n";
        assert_golden(&format!("tests/fixtures/records/{name}"), &reserialized);
    }
}

#[test]
fn fixtures_cover_every_situation_of_the_spec() {
    let origin = |n: &str| load_record(n).recording.origin;
    assert_eq!(
        origin("citizen-asked-first-allowed.json"),
        Some(RecordingOrigin::AskedFirst)
    );
    assert_eq!(
        origin("citizen-open-without-asking.json"),
        Some(RecordingOrigin::OpenWithoutAsking)
    );
    assert_eq!(
        origin("citizen-discovered-hidden.json"),
        Some(RecordingOrigin::DiscoveredHidden)
    );
    for (name, ground) in [
        (
            "refused-ground-a-harassment.json",
            RefusalGround::Harassment,
        ),
        (
            "refused-ground-b-others-matters.json",
            RefusalGround::OthersMatters,
        ),
        ("refused-ground-c-other.json", RefusalGround::Other),
    ] {
        assert_eq!(load_record(name).refusal.grounds, vec![ground]);
    }
    let official = load_record("employee-official-sygefravaer.json");
    assert_eq!(
        (official.meeting.kind, official.meeting.official_character),
        (MeetingKind::Employee, Some(true))
    );
    assert_eq!(
        load_record("video-requested-decided.json").recording.medium,
        Medium::VideoRequested
    );
    assert_eq!(
        load_record("oral-decision-made.json").oral_decision.made,
        Some(true)
    );
    // Record format 2's situations: the interesseafvejning (G-WEIGH), "no recording" chosen
    // explicitly, video allowed, and a hidden recording refused (an employee's).
    let weighed = load_record("citizen-others-matters-weighed.json");
    assert!(weighed.meeting.others_matters_discussed);
    assert!(!weighed.recording.interest_weighing.is_empty());
    assert_eq!(
        load_record("no-recording.json").recording.origin,
        Some(RecordingOrigin::None)
    );
    assert_eq!(
        load_record("video-allowed.json").recording.video_scope,
        Some(samtalenotat_core::domain::VideoScope::VideoAllowed)
    );
    let hidden = load_record("employee-refused-discovered-hidden.json");
    assert_eq!(
        (
            hidden.meeting.kind,
            hidden.recording.origin,
            hidden.recording.decision
        ),
        (
            MeetingKind::Employee,
            Some(RecordingOrigin::DiscoveredHidden),
            Some(samtalenotat_core::domain::Decision::Refused)
        )
    );
}

#[test]
fn fixtures_name_the_builtin_policy_they_were_written_under() {
    // A policy edit changes its hash; the examples should then say so too (replace the
    // "hash" value in every fixture with the one printed here).
    let reference = policy().reference();
    for entry in std::fs::read_dir(repo_root().join("tests/fixtures/records")).unwrap() {
        let path = entry.unwrap().path();
        let value: serde_json::Value =
            serde_json::from_str(&std::fs::read_to_string(&path).unwrap()).unwrap();
        assert_eq!(
            value["policy"],
            serde_json::to_value(&reference).unwrap(),
            "{}: policy reference is not the built-in policy's ({})",
            path.display(),
            reference.hash
        );
    }
}

#[test]
fn incident_fixture_is_valid() {
    let name = "incident-misuse-shared.json";
    let text = std::fs::read_to_string(record_fixture_path(name)).unwrap();
    let incident: MisuseIncident = serde_json::from_str(&text).unwrap();
    assert_eq!(validate_incident(&incident, now()), vec![]);
    let reserialized = serde_json::to_string_pretty(&incident).unwrap() + "\n";
    assert_golden(&format!("tests/fixtures/records/{name}"), &reserialized);
}

#[test]
fn record_schema_matches_the_golden_file() {
    let schema = schemars::schema_for!(MeetingRecord);
    let text = serde_json::to_string_pretty(&schema).unwrap() + "\n";
    assert_golden("docs/record.schema.json", &text);
}

#[test]
fn incident_schema_matches_the_golden_file() {
    let schema = schemars::schema_for!(MisuseIncident);
    let text = serde_json::to_string_pretty(&schema).unwrap() + "\n";
    assert_golden("docs/incident.schema.json", &text);
}
