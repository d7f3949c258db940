//! G-MISUSE: a recording was misused (manipulated, used to harass, shared).
//!
//! The guideline says HR/Jura must then be contacted to assess whether the matter should be
//! reported to the police. An incident is its own record, linked to the meeting it concerns,
//! and becomes its own signed note; like a meeting record it starts as a draft and may be
//! finished only when [`validate_incident`] finds nothing blocking.

use chrono::{DateTime, Utc};
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use super::input::{self, InputError, MAX_LONG_TEXT_CHARS, MAX_NAME_CHARS};
use super::record::{PolicyRef, RecordId, RecordState};
use super::rules::{RuleId, Violation, ViolationCode};

/// The version of the incident JSON structure written by this build.
pub const INCIDENT_FORMAT_VERSION: u32 = 1;

/// What happened to the recording (the guideline's three examples, plus other).
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize, JsonSchema,
)]
#[serde(rename_all = "snake_case")]
pub enum MisuseKind {
    /// The recording was edited or cut to misrepresent the meeting.
    Manipulated,
    /// The recording was used to harass or threaten staff or others.
    Harassment,
    /// The recording was passed on or published (e.g. on social media).
    Shared,
    Other,
}

impl MisuseKind {
    pub const ALL: &'static [MisuseKind] = &[
        MisuseKind::Manipulated,
        MisuseKind::Harassment,
        MisuseKind::Shared,
        MisuseKind::Other,
    ];
}

/// HR/Jura's assessment of a police report.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum PoliceReportAssessment {
    /// HR/Jura has not concluded yet.
    Pending,
    Recommended,
    NotRecommended,
    /// The matter has been reported to the police.
    Reported,
}

impl PoliceReportAssessment {
    pub const ALL: &'static [PoliceReportAssessment] = &[
        PoliceReportAssessment::Pending,
        PoliceReportAssessment::Recommended,
        PoliceReportAssessment::NotRecommended,
        PoliceReportAssessment::Reported,
    ];
}

/// What happened: coded kinds for counting, and a bounded text for the note.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct MisuseDescription {
    pub kinds: Vec<MisuseKind>,
    pub text: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct MisuseIncident {
    pub format_version: u32,
    pub id: RecordId,
    /// The meeting record whose recording was misused.
    pub meeting_id: RecordId,
    pub state: RecordState,
    pub created_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
    pub finished_at: Option<DateTime<Utc>>,
    pub policy: PolicyRef,
    /// When the misuse came to the municipality's knowledge (defaults to when the incident
    /// record was opened).
    pub reported_at: DateTime<Utc>,
    pub description: MisuseDescription,
    pub hr_jura_contacted_at: Option<DateTime<Utc>>,
    /// Name of the person at HR/Jura who was contacted.
    pub hr_jura_contact: String,
    pub police_report_assessment: PoliceReportAssessment,
    /// HR/Jura's assessment in words (required once it is concluded).
    pub assessment_note: String,
}

impl MisuseIncident {
    pub fn new_draft(
        id: RecordId,
        meeting_id: RecordId,
        now: DateTime<Utc>,
        policy: PolicyRef,
    ) -> Self {
        MisuseIncident {
            format_version: INCIDENT_FORMAT_VERSION,
            id,
            meeting_id,
            state: RecordState::Draft,
            created_at: now,
            updated_at: now,
            finished_at: None,
            policy,
            reported_at: now,
            description: MisuseDescription::default(),
            hr_jura_contacted_at: None,
            hr_jura_contact: String::new(),
            police_report_assessment: PoliceReportAssessment::Pending,
            assessment_note: String::new(),
        }
    }
}

/// Free-text fields of an incident: (path, value, max chars, multi-line).
fn incident_text_fields(incident: &MisuseIncident) -> [(&'static str, &str, usize, bool); 3] {
    [
        (
            "description.text",
            &incident.description.text,
            MAX_LONG_TEXT_CHARS,
            true,
        ),
        (
            "hr_jura_contact",
            &incident.hr_jura_contact,
            MAX_NAME_CHARS,
            false,
        ),
        (
            "assessment_note",
            &incident.assessment_note,
            MAX_LONG_TEXT_CHARS,
            true,
        ),
    ]
}

/// Checks an incident (G-MISUSE). HR/Jura must have been contacted, by name and time, before
/// the incident note can be finished; a still-pending police-report assessment is allowed (the
/// note is filed without delay) but flagged.
pub fn validate_incident(incident: &MisuseIncident, now: DateTime<Utc>) -> Vec<Violation> {
    let rule = RuleId::Misuse;
    let mut out = Vec::new();
    if incident.format_version != INCIDENT_FORMAT_VERSION {
        out.push(Violation::blocking(
            RuleId::Record,
            "format_version",
            ViolationCode::FormatVersionUnsupported,
        ));
    }
    if incident.description.kinds.is_empty() {
        out.push(Violation::blocking(
            rule,
            "description.kinds",
            ViolationCode::MisuseKindMissing,
        ));
    }
    if incident.description.text.trim().is_empty() {
        out.push(Violation::blocking(
            rule,
            "description.text",
            ViolationCode::MisuseDescriptionMissing,
        ));
    }
    for (path, value, max, multiline) in incident_text_fields(incident) {
        let cleaned = if multiline {
            input::clean_multiline_text(path, value, max)
        } else {
            input::clean_text(path, value, max)
        };
        let code = match cleaned {
            Err(InputError::TooLong { .. }) => Some(ViolationCode::TextTooLong),
            Err(InputError::ControlCharacter { .. }) => Some(ViolationCode::TextControlCharacter),
            Ok(c) if c != value => Some(ViolationCode::TextNotNormalized),
            _ => None,
        };
        if let Some(code) = code {
            out.push(Violation::blocking(rule, path, code));
        }
        if input::looks_like_cpr(value) {
            out.push(Violation::blocking(
                RuleId::Record,
                path,
                ViolationCode::CprNumber,
            ));
        }
    }
    match incident.hr_jura_contacted_at {
        None => out.push(Violation::blocking(
            rule,
            "hr_jura_contacted_at",
            ViolationCode::MisuseHrJuraNotContacted,
        )),
        Some(contacted) => {
            if contacted < incident.reported_at {
                out.push(Violation::blocking(
                    rule,
                    "hr_jura_contacted_at",
                    ViolationCode::MisuseHrJuraContactedBeforeReport,
                ));
            }
        }
    }
    if incident.hr_jura_contact.trim().is_empty() {
        out.push(Violation::blocking(
            rule,
            "hr_jura_contact",
            ViolationCode::MisuseHrJuraContactMissing,
        ));
    }
    match incident.police_report_assessment {
        PoliceReportAssessment::Pending => out.push(Violation::advisory(
            rule,
            "police_report_assessment",
            ViolationCode::MisusePoliceAssessmentPending,
        )),
        _ if incident.assessment_note.trim().is_empty() => out.push(Violation::blocking(
            rule,
            "assessment_note",
            ViolationCode::MisuseAssessmentNoteMissing,
        )),
        _ => {}
    }
    // Misuse may come to light long after the meeting, so only the future is out of bounds.
    let times = [
        ("created_at", Some(incident.created_at)),
        ("reported_at", Some(incident.reported_at)),
        ("hr_jura_contacted_at", incident.hr_jura_contacted_at),
    ];
    for (field, at) in times {
        if at.is_some_and(|at| at > now) {
            out.push(Violation::blocking(
                rule,
                field,
                ViolationCode::TimeInFuture,
            ));
        }
    }
    out
}
