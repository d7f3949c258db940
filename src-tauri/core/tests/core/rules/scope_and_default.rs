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

#[test]
fn g_scope_the_municipality_wanting_to_record_is_outside_the_guideline() {
    use samtalenotat_core::domain::equal_treatment::{summarize, DecisionFacts};
    use samtalenotat_core::domain::rules::situation;
    use samtalenotat_core::domain::RecordingOrigin;
    // "Retningslinjerne omhandler ikke møder mellem borger og kommunen, hvor
    // medarbejderen/kommunen har et ønske om at samtalen optages".
    let mut r = allowed_record();
    r.recording.origin = Some(RecordingOrigin::MunicipalityWants);
    assert_eq!(
        check(&r),
        vec![blocking(
            RuleId::Scope,
            "recording.origin",
            ViolationCode::MunicipalityRecords
        )]
    );
    assert_eq!(situation(&r), None, "no notices apply");
    assert_eq!(
        note_statements(&r),
        vec![(RuleId::Scope, "outside_guideline_municipality")]
    );
    let statement = policy()
        .text(
            "outside_guideline_municipality",
            Lang::Da,
            MeetingKind::Citizen,
        )
        .unwrap();
    assert!(
        statement.contains("Retningslinjerne omhandler ikke møder, hvor kommunen har et ønske om")
            && statement.contains("ikke optager samtaler"),
        "{statement}"
    );
    assert!(!statement.contains("tjenstlig karakter"), "{statement}");
    assert!(policy()
        .note_title(&r, Lang::Da)
        .contains("uden for retningslinjerne"));
    let message = policy().violation_message(
        &blocking(
            RuleId::Scope,
            "recording.origin",
            ViolationCode::MunicipalityRecords,
        ),
        Lang::Da,
        MeetingKind::Employee,
    );
    assert!(message.contains("den ansattes ønske"), "{message}");
    assert_eq!(
        policy().label("origin", "municipality_wants", Lang::Da),
        Some("Kommunen ønsker at optage")
    );
    // Not a request under the guideline: equal treatment does not count it.
    let mut finished = r.clone();
    finished.finished_at = Some(super::now());
    let s = summarize("Borgerservice", &[DecisionFacts::from_record(&finished)]);
    assert_eq!((s.unit.requests, s.unit.allowed), (0, 0));
    // Changing the answer to the counterpart's own wish brings the rules back.
    assert_eq!(check(&allowed_record()), vec![]);
}

#[test]
fn g_default_video_allowed_is_titled_and_stated_as_a_departure_from_sound_only() {
    use samtalenotat_core::domain::rules::video_allowed;
    let mut video = allowed_record();
    video.recording.medium = Medium::VideoRequested;
    video.recording.video_scope = Some(VideoScope::VideoAllowed);
    assert_eq!(check(&video), vec![]);
    assert!(video_allowed(&video));
    let statements = note_statements(&video);
    assert!(statements.contains(&(RuleId::Default, "video_allowed")));
    assert!(!statements.contains(&(RuleId::Default, "default_sound_only")));
    assert_eq!(
        policy().note_title(&video, Lang::Da),
        "Notat om lyd- og videooptagelse af samtale"
    );
    assert_eq!(
        policy().note_title(&video, Lang::En),
        "Note on the audio and video recording of a meeting"
    );
    let text = super::note_text_of(&video, Lang::Da);
    let said = policy()
        .text("video_allowed", Lang::Da, MeetingKind::Citizen)
        .unwrap();
    assert!(
        said.contains("i lyd, men ikke i billeder eller video")
            && said.contains("også må optages i billeder og video"),
        "{said}"
    );
    assert!(text.contains(&said), "{text}");
    // Video asked for, sound only decided: the default's title and statement.
    let mut sound_only = video.clone();
    sound_only.recording.video_scope = Some(VideoScope::SoundOnly);
    assert_eq!(
        policy().note_title(&sound_only, Lang::Da),
        "Notat om lydoptagelse af samtale"
    );
    assert!(note_statements(&sound_only).contains(&(RuleId::Default, "default_sound_only")));
    assert!(!super::note_text_of(&sound_only, Lang::Da).contains(&said));
}

#[test]
fn g_default_a_note_without_a_recording_names_no_medium() {
    use samtalenotat_core::domain::RecordingOrigin;
    let mut none = allowed_record();
    none.recording.origin = Some(RecordingOrigin::None);
    none.recording.decision = None;
    none.recording.reasons.clear();
    none.notices.clear();
    none.oral_decision.made = None;
    assert_eq!(check(&none), vec![]);
    let doc = super::note_of(&none, Lang::Da);
    assert_eq!(doc.recording.medium, None);
    assert_eq!(doc.situation, "no_recording");
    let json: serde_json::Value = serde_json::from_slice(&doc.to_canonical_json()).unwrap();
    assert!(json["recording"].get("medium").is_none(), "{json}");
    let text = super::note_text_of(&none, Lang::Da);
    assert!(!text.contains("Optagelse: Lyd"), "{text}");
    assert!(
        text.contains("Sådan kom optagelsen på tale: Ingen optagelse"),
        "{text}"
    );
    assert_eq!(doc.title, "Notat om samtale uden lydoptagelse");
    // A recorded meeting names its medium.
    let recorded = super::note_of(&allowed_record(), Lang::Da);
    assert_eq!(
        recorded.recording.medium.as_ref().map(|m| m.code.as_str()),
        Some("sound")
    );
    assert!(super::note_text_of(&allowed_record(), Lang::Da).contains("Optagelse: Lyd"));
}
