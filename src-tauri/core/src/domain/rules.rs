//! The guideline's rules (G-…) as a pure validator over a [`MeetingRecord`].
//!
//! `validate` answers one question: what stands between this record and a finished, signed
//! note? It returns structured [`Violation`]s (rule ID, dotted field path, message code,
//! severity) rather than sentences, so the UI can point at the field and take the words from
//! the policy (`Policy::violation_message`). A record may be finished only when no
//! [`Severity::Blocking`] violation stands ([`can_finish`]); advisory ones (a recommended
//! notice, an equal-treatment hint) are shown but do not block.
//!
//! The rule list and what each check means are documented in `docs/guideline-rules.md`; the
//! tests in `tests/core/rules/` are named after the rule they prove.

use chrono::{DateTime, Duration, Utc};
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use super::input::{self, InputError};
use super::policy::{NoticeLevel, Policy, Situation};
use super::record::{
    Decision, Medium, MeetingKind, MeetingRecord, RecordingOrigin, RefusalGround,
    RECORD_FORMAT_VERSION,
};

/// Defines a string-coded enum with its exact wire names, a list of all variants and
/// `as_str`, so the list of codes cannot drift from the enum (the policy loader checks that
/// every code has a text, and `ALL` is what it iterates).
macro_rules! coded_enum {
    ($(#[$meta:meta])* pub enum $name:ident { $($(#[$vmeta:meta])* $variant:ident => $code:literal,)* }) => {
        $(#[$meta])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize, JsonSchema, TS)]
        pub enum $name {
            $($(#[$vmeta])* #[serde(rename = $code)] $variant,)*
        }

        impl $name {
            /// Every variant, in declaration order.
            pub const ALL: &'static [$name] = &[$($name::$variant,)*];

            /// The wire name (as serialized).
            pub fn as_str(self) -> &'static str {
                match self {
                    $($name::$variant => $code,)*
                }
            }
        }

        impl std::fmt::Display for $name {
            fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                f.write_str(self.as_str())
            }
        }

        impl std::str::FromStr for $name {
            type Err = UnknownCode;
            fn from_str(s: &str) -> Result<Self, Self::Err> {
                $name::ALL
                    .iter()
                    .copied()
                    .find(|v| v.as_str() == s)
                    .ok_or_else(|| UnknownCode(s.to_owned()))
            }
        }
    };
}

/// A rule ID or message code that this build does not know.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("unknown code `{0}`")]
pub struct UnknownCode(pub String);

coded_enum! {
    /// The guideline's requirements (SPEC section 1) plus `G-RECORD` for the meeting facts of
    /// SPEC section 2. Serialized exactly as written in the spec ("G-NOTICE-LEGAL").
    pub enum RuleId {
        Scope => "G-SCOPE",
        Default => "G-DEFAULT",
        NoticeLegal => "G-NOTICE-LEGAL",
        NoticeDisclosure => "G-NOTICE-DISCLOSURE",
        NoticeCase => "G-NOTICE-CASE",
        NoticeData => "G-NOTICE-DATA",
        Weigh => "G-WEIGH",
        Unannounced => "G-UNANNOUNCED",
        RefuseGrounds => "G-REFUSE-GROUNDS",
        RefuseAssess => "G-REFUSE-ASSESS",
        RefuseLeader => "G-REFUSE-LEADER",
        RefuseReason => "G-REFUSE-REASON",
        RefuseNature => "G-REFUSE-NATURE",
        RefuseRoom => "G-REFUSE-ROOM",
        LegalHelp => "G-LEGAL-HELP",
        Equal => "G-EQUAL",
        Misuse => "G-MISUSE",
        /// Required meeting facts and input hygiene (SPEC section 2).
        Record => "G-RECORD",
    }
}

coded_enum! {
    /// What is wrong, as a stable code. The policy file holds a Danish and an English text for
    /// every code (checked when the policy is loaded).
    pub enum ViolationCode {
        // G-RECORD
        FormatVersionUnsupported => "format_version_unsupported",
        StartTimeMissing => "start_time_missing",
        EndBeforeStart => "end_before_start",
        ChannelMissing => "channel_missing",
        UnitMissing => "unit_missing",
        LeadNameMissing => "lead_name_missing",
        LeadInitialsMissing => "lead_initials_missing",
        CounterpartMissing => "counterpart_missing",
        BisidderNameMissing => "bisidder_name_missing",
        NoticeUnknown => "notice_unknown",
        TextTooLong => "text_too_long",
        TextControlCharacter => "text_control_character",
        TextNotNormalized => "text_not_normalized",
        CprNumber => "cpr_number",
        DuplicateEntry => "duplicate_entry",
        AddendumHashMalformed => "addendum_hash_malformed",
        AddendumPointsToItself => "addendum_points_to_itself",
        AddendumReasonMissing => "addendum_reason_missing",
        TimeBeforeRecord => "time_before_record",
        TimeInFuture => "time_in_future",
        // G-SCOPE
        OfficialCharacterUnanswered => "official_character_unanswered",
        OutsideGuideline => "outside_guideline",
        MunicipalityRecords => "municipality_records",
        // G-DEFAULT
        DecisionMissing => "decision_missing",
        VideoScopeMissing => "video_scope_missing",
        VideoScopeInconsistent => "video_scope_inconsistent",
        // G-UNANNOUNCED
        OriginMissing => "origin_missing",
        DecisionWithoutRecording => "decision_without_recording",
        DisclosureNotEncouraged => "disclosure_not_encouraged",
        // G-NOTICE-*
        NoticeMissing => "notice_missing",
        NoticeRecommended => "notice_recommended",
        OralDecisionUnanswered => "oral_decision_unanswered",
        OralDecisionWhatMissing => "oral_decision_what_missing",
        OralDecisionWhatWithoutDecision => "oral_decision_what_without_decision",
        CaseNumberMissing => "case_number_missing",
        // G-WEIGH
        InterestWeighingMissing => "interest_weighing_missing",
        InterestWeighingNotApplicable => "interest_weighing_not_applicable",
        // G-REFUSE-*
        RefusalGroundsMissing => "refusal_grounds_missing",
        RefusalOtherGroundMissing => "refusal_other_ground_missing",
        RefusalOthersMattersNotDiscussed => "refusal_others_matters_not_discussed",
        RefusalAssessmentMissing => "refusal_assessment_missing",
        RefusalAssessmentTooShort => "refusal_assessment_too_short",
        RefusalCoDeciderNameMissing => "refusal_co_decider_name_missing",
        RefusalCoDeciderInitialsMissing => "refusal_co_decider_initials_missing",
        RefusalLeaderIsLead => "refusal_leader_is_lead",
        RefusalReasonTimeMissing => "refusal_reason_time_missing",
        RefusalReasonTextMissing => "refusal_reason_text_missing",
        RoomInstructionWithoutRefusal => "room_instruction_without_refusal",
        RefusalDetailsWithoutRefusal => "refusal_details_without_refusal",
        // G-LEGAL-HELP
        LegalHelpTimeMissing => "legal_help_time_missing",
        // G-EQUAL
        EqualTreatmentPriorAllowed => "equal_treatment_prior_allowed",
        // G-MISUSE
        MisuseKindMissing => "misuse_kind_missing",
        MisuseDescriptionMissing => "misuse_description_missing",
        MisuseHrJuraNotContacted => "misuse_hr_jura_not_contacted",
        MisuseHrJuraContactMissing => "misuse_hr_jura_contact_missing",
        MisuseHrJuraContactedBeforeReport => "misuse_hr_jura_contacted_before_report",
        MisusePoliceAssessmentPending => "misuse_police_assessment_pending",
        MisuseAssessmentNoteMissing => "misuse_assessment_note_missing",
    }
}

/// Whether a violation stops the record from being finished.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, JsonSchema, TS)]
#[serde(rename_all = "snake_case")]
pub enum Severity {
    /// Finishing is refused while this stands.
    Blocking,
    /// Shown to staff (a recommendation, a hint), never blocks.
    Advisory,
}

/// One unmet requirement, pointing at the field to fix.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize, JsonSchema, TS)]
pub struct Violation {
    pub rule: RuleId,
    /// Dotted path into the record's JSON, e.g. `refusal.co_decider.name` or `notices.legal`.
    pub field: String,
    pub code: ViolationCode,
    pub severity: Severity,
}

impl Violation {
    pub fn blocking(rule: RuleId, field: impl Into<String>, code: ViolationCode) -> Self {
        Violation {
            rule,
            field: field.into(),
            code,
            severity: Severity::Blocking,
        }
    }

    pub fn advisory(rule: RuleId, field: impl Into<String>, code: ViolationCode) -> Self {
        Violation {
            rule,
            field: field.into(),
            code,
            severity: Severity::Advisory,
        }
    }

    pub fn is_blocking(&self) -> bool {
        self.severity == Severity::Blocking
    }
}

/// A record may be finished (signed) only when nothing blocking stands.
pub fn can_finish(violations: &[Violation]) -> bool {
    !violations.iter().any(Violation::is_blocking)
}

/// How far before the record's creation a timestamp may lie. Staff sometimes open the record
/// after the meeting has started (or the next morning); a day covers that, anything earlier is
/// a typo or a wrong clock.
pub const TIMESTAMP_GRACE_BEFORE_CREATION: Duration = Duration::days(1);

/// Which part of the guideline applies to the record's recording situation (SPEC section 1,
/// last paragraph). `None`: no recording (yet), or outside the guideline: no notices apply.
pub fn situation(record: &MeetingRecord) -> Option<Situation> {
    if is_outside_guideline(record) {
        return None;
    }
    match (record.recording.decision, record.recording.origin) {
        (_, None | Some(RecordingOrigin::None | RecordingOrigin::MunicipalityWants)) => None,
        (Some(Decision::Allowed), _) => Some(Situation::Recorded),
        (Some(Decision::Refused), _) => Some(Situation::Refused),
        // An unannounced recording is happening and is allowed by default (G-UNANNOUNCED),
        // so its notices apply even before staff record a decision.
        (None, Some(RecordingOrigin::OpenWithoutAsking | RecordingOrigin::DiscoveredHidden)) => {
            Some(Situation::Recorded)
        }
        (None, Some(RecordingOrigin::AskedFirst)) => None,
    }
}

/// A recording that went ahead without asking: openly, or hidden and discovered.
pub fn is_unannounced(record: &MeetingRecord) -> bool {
    matches!(
        record.recording.origin,
        Some(RecordingOrigin::OpenWithoutAsking | RecordingOrigin::DiscoveredHidden)
    )
}

/// G-WEIGH: others' personal matters are discussed and the recording goes ahead, so an
/// interesseafvejning must be made and written down.
pub fn weighing_required(record: &MeetingRecord) -> bool {
    situation(record) == Some(Situation::Recorded) && record.meeting.others_matters_discussed
}

/// Video allowed as well as sound: a departure from the default (G-DEFAULT).
pub fn video_allowed(record: &MeetingRecord) -> bool {
    record.recording.medium == crate::domain::record::Medium::VideoRequested
        && record.recording.video_scope == Some(crate::domain::record::VideoScope::VideoAllowed)
}

/// Statements the signed note must carry for this record, each with the rule that demands it
/// and the policy text key that holds its words. The note renderer prints exactly these, so
/// e.g. G-REFUSE-NATURE ("the note says so") is decided here and tested here.
pub fn note_statements(record: &MeetingRecord) -> Vec<(RuleId, &'static str)> {
    let mut statements = Vec::new();
    if record.recording.origin == Some(RecordingOrigin::MunicipalityWants) {
        // Not the employee-meeting statement ("not of official character"): the guideline
        // does not cover the municipality's own wish to record.
        statements.push((RuleId::Scope, "outside_guideline_municipality"));
        return statements;
    }
    if is_outside_guideline(record) {
        statements.push((RuleId::Scope, "outside_guideline"));
        return statements;
    }
    if record.addendum_to.is_some() {
        // The policy's words for a correction (the original stays as it was).
        statements.push((RuleId::Record, "addendum_statement"));
    }
    if is_unannounced(record) {
        statements.push((RuleId::Unannounced, "unannounced"));
    }
    match situation(record) {
        Some(Situation::Recorded) => {
            if video_allowed(record) {
                statements.push((RuleId::Default, "video_allowed"));
            } else {
                statements.push((RuleId::Default, "default_sound_only"));
            }
            if weighing_required(record) {
                statements.push((RuleId::Weigh, "interest_weighing"));
            }
            match record.oral_decision.made {
                Some(true) => statements.push((RuleId::NoticeLegal, "oral_decision_made")),
                Some(false) => statements.push((RuleId::NoticeLegal, "oral_decision_not_made")),
                None => {}
            }
        }
        Some(Situation::Refused) => {
            statements.push((RuleId::RefuseNature, "procesbeslutning"));
            if record.refusal.room_instruction {
                statements.push((RuleId::RefuseRoom, "room_instruction"));
            }
        }
        None => {}
    }
    if record.legal_help.consulted_at.is_some() {
        statements.push((RuleId::LegalHelp, "legal_help"));
    }
    statements
}

/// Outside the guideline: an employee meeting not of official character, or a recording the
/// municipality itself wants (the guideline covers only the counterpart's wish).
pub fn is_outside_guideline(record: &MeetingRecord) -> bool {
    (record.meeting.kind == MeetingKind::Employee
        && record.meeting.official_character == Some(false))
        || record.recording.origin == Some(RecordingOrigin::MunicipalityWants)
}

/// Checks a record against every rule. Pure: `now` is passed in (timestamps may not lie in
/// the future). The order of the result is stable: rule by rule, field by field.
pub fn validate(record: &MeetingRecord, policy: &Policy, now: DateTime<Utc>) -> Vec<Violation> {
    let mut out = Vec::new();

    if record.format_version != RECORD_FORMAT_VERSION {
        out.push(Violation::blocking(
            RuleId::Record,
            "format_version",
            ViolationCode::FormatVersionUnsupported,
        ));
    }

    // G-SCOPE first: outside the guideline, none of its other rules make sense, and a list of
    // "missing notices" would only suggest that filling them in would help.
    if record.meeting.kind == MeetingKind::Employee {
        match record.meeting.official_character {
            None => out.push(Violation::blocking(
                RuleId::Scope,
                "meeting.official_character",
                ViolationCode::OfficialCharacterUnanswered,
            )),
            Some(false) => {
                out.push(Violation::blocking(
                    RuleId::Scope,
                    "meeting.official_character",
                    ViolationCode::OutsideGuideline,
                ));
                return out;
            }
            Some(true) => {}
        }
    }
    if record.recording.origin == Some(RecordingOrigin::MunicipalityWants) {
        out.push(Violation::blocking(
            RuleId::Scope,
            "recording.origin",
            ViolationCode::MunicipalityRecords,
        ));
        return out;
    }

    check_meeting_facts(record, &mut out);
    check_text_fields(record, &mut out);
    check_recording(record, &mut out);

    let situation = situation(record);
    check_notices(record, policy, situation, &mut out);
    if situation == Some(Situation::Recorded) {
        check_oral_decision(record, &mut out);
    }
    if situation.is_some() && record.meeting.case_number.trim().is_empty() {
        // G-NOTICE-CASE: the note is the notation in the case, so it needs the case number.
        out.push(Violation::blocking(
            RuleId::NoticeCase,
            "meeting.case_number",
            ViolationCode::CaseNumberMissing,
        ));
    }
    check_weighing(record, &mut out);
    if situation == Some(Situation::Refused) {
        check_refusal(record, policy, &mut out);
    } else if has_refusal_details(record) {
        // A refusal's grounds, assessment or co-decider on a record that is not refused
        // would make the note say two things at once.
        out.push(Violation::blocking(
            RuleId::RefuseGrounds,
            "refusal",
            ViolationCode::RefusalDetailsWithoutRefusal,
        ));
    }
    if situation != Some(Situation::Refused) && record.refusal.room_instruction {
        // G-REFUSE-ROOM: the guideline allows the instruction only as part of a refusal.
        out.push(Violation::blocking(
            RuleId::RefuseRoom,
            "refusal.room_instruction",
            ViolationCode::RoomInstructionWithoutRefusal,
        ));
    }
    check_legal_help(record, &mut out);
    check_addendum(record, &mut out);
    check_timestamps(record, policy, now, &mut out);
    out
}

fn has_refusal_details(record: &MeetingRecord) -> bool {
    let r = &record.refusal;
    !r.grounds.is_empty()
        || !r.other_ground.trim().is_empty()
        || !r.assessment.trim().is_empty()
        || !r.co_decider.is_empty()
        || r.reason_given_at.is_some()
        || !r.reason_text.trim().is_empty()
}

/// G-WEIGH: "Hvis samtalen ikke kun handler om borgeren/den ansatte, skal der dog ske en
/// interesseafvejning."
fn check_weighing(record: &MeetingRecord, out: &mut Vec<Violation>) {
    let written = !record.recording.interest_weighing.trim().is_empty();
    if weighing_required(record) && !written {
        out.push(Violation::blocking(
            RuleId::Weigh,
            "recording.interest_weighing",
            ViolationCode::InterestWeighingMissing,
        ));
    } else if !weighing_required(record) && written {
        out.push(Violation::blocking(
            RuleId::Weigh,
            "recording.interest_weighing",
            ViolationCode::InterestWeighingNotApplicable,
        ));
    }
}

/// A correction points to another note by a well-formed hash and says why.
fn check_addendum(record: &MeetingRecord, out: &mut Vec<Violation>) {
    let Some(a) = &record.addendum_to else {
        return;
    };
    if !crate::digest::is_sha256_hex(&a.content_hash) {
        out.push(Violation::blocking(
            RuleId::Record,
            "addendum_to.content_hash",
            ViolationCode::AddendumHashMalformed,
        ));
    }
    if a.record_id == record.id {
        out.push(Violation::blocking(
            RuleId::Record,
            "addendum_to.record_id",
            ViolationCode::AddendumPointsToItself,
        ));
    }
    if a.reason.trim().is_empty() {
        out.push(Violation::blocking(
            RuleId::Record,
            "addendum_to.reason",
            ViolationCode::AddendumReasonMissing,
        ));
    }
}

/// G-RECORD: the meeting facts every note needs.
fn check_meeting_facts(record: &MeetingRecord, out: &mut Vec<Violation>) {
    let m = &record.meeting;
    if m.channel.is_none() {
        out.push(Violation::blocking(
            RuleId::Record,
            "meeting.channel",
            ViolationCode::ChannelMissing,
        ));
    }
    match (m.starts_at, m.ends_at) {
        (None, _) => out.push(Violation::blocking(
            RuleId::Record,
            "meeting.starts_at",
            ViolationCode::StartTimeMissing,
        )),
        (Some(start), Some(end)) if end <= start => out.push(Violation::blocking(
            RuleId::Record,
            "meeting.ends_at",
            ViolationCode::EndBeforeStart,
        )),
        _ => {}
    }
    let required = [
        ("meeting.unit", &m.unit, ViolationCode::UnitMissing),
        (
            "meeting.lead.name",
            &m.lead.name,
            ViolationCode::LeadNameMissing,
        ),
        (
            "meeting.lead.initials",
            &m.lead.initials,
            ViolationCode::LeadInitialsMissing,
        ),
        (
            "meeting.counterpart",
            &m.counterpart,
            ViolationCode::CounterpartMissing,
        ),
    ];
    for (field, value, code) in required {
        if value.trim().is_empty() {
            out.push(Violation::blocking(RuleId::Record, field, code));
        }
    }
    if m.bisidder_present && m.bisidder_name.trim().is_empty() {
        out.push(Violation::blocking(
            RuleId::Record,
            "meeting.bisidder_name",
            ViolationCode::BisidderNameMissing,
        ));
    }
}

/// Input hygiene re-checked on the whole record: a record that came from a file (CLI, import)
/// has not passed the IPC boundary, and a signed note must not carry hidden characters.
fn check_text_fields(record: &MeetingRecord, out: &mut Vec<Violation>) {
    for (spec, value) in input::record_text_values(record) {
        match spec.clean(value) {
            Err(InputError::TooLong { .. }) => out.push(Violation::blocking(
                spec.rule,
                spec.path,
                ViolationCode::TextTooLong,
            )),
            Err(InputError::ControlCharacter { .. }) => out.push(Violation::blocking(
                spec.rule,
                spec.path,
                ViolationCode::TextControlCharacter,
            )),
            // Reported once, below, for every field.
            Err(
                InputError::Empty { .. }
                | InputError::UnknownField { .. }
                | InputError::CprNumber { .. },
            ) => {}
            Ok(cleaned) if cleaned != value => out.push(Violation::blocking(
                spec.rule,
                spec.path,
                ViolationCode::TextNotNormalized,
            )),
            Ok(_) => {}
        }
        // SPEC section 2 and 6: no CPR numbers anywhere in the record, whatever the field.
        if input::looks_like_cpr(value) {
            out.push(Violation::blocking(
                RuleId::Record,
                spec.path,
                ViolationCode::CprNumber,
            ));
        }
    }
}

/// G-DEFAULT and G-UNANNOUNCED: how the recording came up and what was decided.
fn check_recording(record: &MeetingRecord, out: &mut Vec<Violation>) {
    let r = &record.recording;
    match r.origin {
        // Nothing is preselected: how the recording came up must be chosen, "no recording"
        // included, before a note can say anything about it.
        None => out.push(Violation::blocking(
            RuleId::Unannounced,
            "recording.origin",
            ViolationCode::OriginMissing,
        )),
        Some(RecordingOrigin::None) if r.decision.is_some() => out.push(Violation::blocking(
            RuleId::Unannounced,
            "recording.decision",
            ViolationCode::DecisionWithoutRecording,
        )),
        Some(RecordingOrigin::None | RecordingOrigin::MunicipalityWants) => {}
        Some(_) if r.decision.is_none() => out.push(Violation::blocking(
            RuleId::Default,
            "recording.decision",
            ViolationCode::DecisionMissing,
        )),
        Some(_) => {}
    }
    let mut seen = Vec::new();
    if r.reasons.iter().any(|x| {
        let dup = seen.contains(x);
        seen.push(*x);
        dup
    }) {
        out.push(Violation::blocking(
            RuleId::Record,
            "recording.reasons",
            ViolationCode::DuplicateEntry,
        ));
    }
    match (r.medium, r.decision, r.video_scope) {
        // Video is outside the default: when allowed, staff must say whether it is sound only
        // or video too; nothing is assumed.
        (Medium::VideoRequested, Some(Decision::Allowed), None) => out.push(Violation::blocking(
            RuleId::Default,
            "recording.video_scope",
            ViolationCode::VideoScopeMissing,
        )),
        (Medium::Sound, _, Some(_)) | (_, Some(Decision::Refused), Some(_)) => {
            out.push(Violation::blocking(
                RuleId::Default,
                "recording.video_scope",
                ViolationCode::VideoScopeInconsistent,
            ))
        }
        _ => {}
    }
    if is_unannounced(record) && r.disclosure_encouraged_at.is_none() {
        out.push(Violation::blocking(
            RuleId::Unannounced,
            "recording.disclosure_encouraged_at",
            ViolationCode::DisclosureNotEncouraged,
        ));
    }
}

/// G-NOTICE-*: which notices apply is policy data (`applies_to`, `level`).
fn check_notices(
    record: &MeetingRecord,
    policy: &Policy,
    situation: Option<Situation>,
    out: &mut Vec<Violation>,
) {
    for id in record.notices.keys() {
        if policy.notice(id).is_none() {
            out.push(Violation::blocking(
                RuleId::Record,
                format!("notices.{id}"),
                ViolationCode::NoticeUnknown,
            ));
        }
    }
    let Some(situation) = situation else { return };
    for notice in policy.notices() {
        if !notice.applies_to.contains(&situation) || record.notices.contains_key(&notice.id) {
            continue;
        }
        let field = format!("notices.{}", notice.id);
        out.push(match notice.level {
            NoticeLevel::Required => {
                Violation::blocking(notice.rule, field, ViolationCode::NoticeMissing)
            }
            NoticeLevel::Recommended => {
                Violation::advisory(notice.rule, field, ViolationCode::NoticeRecommended)
            }
        });
    }
}

/// G-NOTICE-LEGAL: staff must be clear whether guidance or a decision was given.
fn check_oral_decision(record: &MeetingRecord, out: &mut Vec<Violation>) {
    let d = &record.oral_decision;
    let what_empty = d.what.trim().is_empty();
    match d.made {
        None => out.push(Violation::blocking(
            RuleId::NoticeLegal,
            "oral_decision.made",
            ViolationCode::OralDecisionUnanswered,
        )),
        Some(true) if what_empty => out.push(Violation::blocking(
            RuleId::NoticeLegal,
            "oral_decision.what",
            ViolationCode::OralDecisionWhatMissing,
        )),
        // A decision text under "no decision was made" would make the note contradict itself.
        Some(false) if !what_empty => out.push(Violation::blocking(
            RuleId::NoticeLegal,
            "oral_decision.what",
            ViolationCode::OralDecisionWhatWithoutDecision,
        )),
        _ => {}
    }
}

/// G-REFUSE-GROUNDS, -ASSESS, -LEADER, -REASON: everything a refusal needs.
fn check_refusal(record: &MeetingRecord, policy: &Policy, out: &mut Vec<Violation>) {
    let r = &record.refusal;
    let mut seen = Vec::new();
    if r.grounds.iter().any(|g| {
        let dup = seen.contains(g);
        seen.push(*g);
        dup
    }) {
        out.push(Violation::blocking(
            RuleId::RefuseGrounds,
            "refusal.grounds",
            ViolationCode::DuplicateEntry,
        ));
    }
    if r.grounds.is_empty() {
        out.push(Violation::blocking(
            RuleId::RefuseGrounds,
            "refusal.grounds",
            ViolationCode::RefusalGroundsMissing,
        ));
    }
    if r.grounds.contains(&RefusalGround::Other) && r.other_ground.trim().is_empty() {
        out.push(Violation::blocking(
            RuleId::RefuseGrounds,
            "refusal.other_ground",
            ViolationCode::RefusalOtherGroundMissing,
        ));
    }
    if r.grounds.contains(&RefusalGround::OthersMatters) && !record.meeting.others_matters_discussed
    {
        // Ground (b) rests on others' personal matters being discussed; the meeting facts
        // must say so, or the note contradicts itself.
        out.push(Violation::blocking(
            RuleId::RefuseGrounds,
            "meeting.others_matters_discussed",
            ViolationCode::RefusalOthersMattersNotDiscussed,
        ));
    }

    let assessment_chars = r.assessment.trim().chars().count();
    if assessment_chars == 0 {
        out.push(Violation::blocking(
            RuleId::RefuseAssess,
            "refusal.assessment",
            ViolationCode::RefusalAssessmentMissing,
        ));
    } else if assessment_chars < policy.min_assessment_chars() {
        // A concrete weighing of interests does not fit in a few words; the threshold is
        // policy data so a municipality can tune it.
        out.push(Violation::blocking(
            RuleId::RefuseAssess,
            "refusal.assessment",
            ViolationCode::RefusalAssessmentTooShort,
        ));
    }

    let lead = &record.meeting.lead;
    let co = &r.co_decider;
    if co.name.trim().is_empty() {
        out.push(Violation::blocking(
            RuleId::RefuseLeader,
            "refusal.co_decider.name",
            ViolationCode::RefusalCoDeciderNameMissing,
        ));
    }
    if co.initials.trim().is_empty() {
        out.push(Violation::blocking(
            RuleId::RefuseLeader,
            "refusal.co_decider.initials",
            ViolationCode::RefusalCoDeciderInitialsMissing,
        ));
    }
    if same_person_name(&lead.name, &co.name) || same_initials(&lead.initials, &co.initials) {
        out.push(Violation::blocking(
            RuleId::RefuseLeader,
            "refusal.co_decider.name",
            ViolationCode::RefusalLeaderIsLead,
        ));
    }

    if r.reason_given_at.is_none() {
        out.push(Violation::blocking(
            RuleId::RefuseReason,
            "refusal.reason_given_at",
            ViolationCode::RefusalReasonTimeMissing,
        ));
    }
    if r.reason_text.trim().is_empty() {
        out.push(Violation::blocking(
            RuleId::RefuseReason,
            "refusal.reason_text",
            ViolationCode::RefusalReasonTextMissing,
        ));
    }
}

/// Names compared the way people write them: case and spacing do not make another person.
fn same_person_name(a: &str, b: &str) -> bool {
    let normalize = |s: &str| {
        s.split_whitespace()
            .map(str::to_lowercase)
            .collect::<Vec<_>>()
            .join(" ")
    };
    let (a, b) = (normalize(a), normalize(b));
    !a.is_empty() && a == b
}

/// Initials identify staff in Danish municipalities; equal initials are the same person.
fn same_initials(a: &str, b: &str) -> bool {
    let normalize = |s: &str| {
        s.chars()
            .filter(|c| !c.is_whitespace())
            .flat_map(char::to_lowercase)
            .collect::<String>()
    };
    let (a, b) = (normalize(a), normalize(b));
    !a.is_empty() && a == b
}

/// G-LEGAL-HELP: a note about HR/Jura without a time says nothing provable.
fn check_legal_help(record: &MeetingRecord, out: &mut Vec<Violation>) {
    let h = &record.legal_help;
    if h.consulted_at.is_none() && !h.note.trim().is_empty() {
        out.push(Violation::blocking(
            RuleId::LegalHelp,
            "legal_help.consulted_at",
            ViolationCode::LegalHelpTimeMissing,
        ));
    }
}

/// Every "when" in the record must lie between (creation − grace) and `now`: a notice ticked
/// in the future or weeks before the record existed is a wrong clock or a forged record. An
/// addendum's times are the corrected meeting's, before the addendum existed: only `now`
/// bounds them.
fn check_timestamps(
    record: &MeetingRecord,
    policy: &Policy,
    now: DateTime<Utc>,
    out: &mut Vec<Violation>,
) {
    // Checked: a hostile `created_at` near chrono's limits must give a violation, not a
    // panic (front ends refuse times outside `domain::time`'s bounds before storing them).
    // An addendum is made after the meeting it corrects, often weeks later, and carries that
    // meeting's times: for it only the upper bound applies.
    let earliest = record
        .created_at
        .checked_sub_signed(TIMESTAMP_GRACE_BEFORE_CREATION)
        .filter(|_| record.addendum_to.is_none());
    let mut check = |rule: RuleId, field: String, at: DateTime<Utc>, lower_bound: bool| {
        if lower_bound && earliest.is_some_and(|e| at < e) {
            out.push(Violation::blocking(
                rule,
                field,
                ViolationCode::TimeBeforeRecord,
            ));
        } else if at > now {
            out.push(Violation::blocking(
                rule,
                field,
                ViolationCode::TimeInFuture,
            ));
        }
    };
    check(
        RuleId::Record,
        "created_at".into(),
        record.created_at,
        false,
    );
    for (id, at) in &record.notices {
        let rule = policy.notice(id).map_or(RuleId::Record, |n| n.rule);
        check(rule, format!("notices.{id}"), *at, true);
    }
    if let Some(at) = record.recording.disclosure_encouraged_at {
        check(
            RuleId::Unannounced,
            "recording.disclosure_encouraged_at".into(),
            at,
            true,
        );
    }
    if let Some(at) = record.refusal.reason_given_at {
        check(
            RuleId::RefuseReason,
            "refusal.reason_given_at".into(),
            at,
            true,
        );
    }
    if let Some(at) = record.legal_help.consulted_at {
        // HR/Jura may well be consulted days before the meeting: no lower bound.
        check(
            RuleId::LegalHelp,
            "legal_help.consulted_at".into(),
            at,
            false,
        );
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rule_ids_serialize_as_in_the_spec() {
        assert_eq!(
            serde_json::to_string(&RuleId::NoticeLegal).unwrap(),
            "\"G-NOTICE-LEGAL\""
        );
        assert_eq!(
            "G-REFUSE-LEADER".parse::<RuleId>(),
            Ok(RuleId::RefuseLeader)
        );
        assert_eq!(RuleId::ALL.len(), 18);
    }

    #[test]
    fn violation_json_is_pinned() {
        let v = Violation::blocking(
            RuleId::RefuseLeader,
            "refusal.co_decider.name",
            ViolationCode::RefusalLeaderIsLead,
        );
        assert_eq!(
            serde_json::to_string(&v).unwrap(),
            r#"{"rule":"G-REFUSE-LEADER","field":"refusal.co_decider.name","code":"refusal_leader_is_lead","severity":"blocking"}"#
        );
    }

    #[test]
    fn names_compare_without_case_and_spacing() {
        assert!(same_person_name("Anne  Hansen", " anne hansen"));
        assert!(!same_person_name("Anne Hansen", "Anne Jensen"));
        assert!(!same_person_name("", ""));
        assert!(same_initials("AH", "a h"));
        assert!(!same_initials("", ""));
    }
}
