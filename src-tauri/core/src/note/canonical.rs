//! The canonical note document (`note.json`), format `samtalenotat-note` version 1.
//!
//! This structure is FROZEN: field names, their order and their meaning are part of a signed,
//! legal format (docs/note-format.md). The golden files in `tests/fixtures/notes/` fail the
//! build's tests when anything here changes; a change means a new `format_version`, and
//! readers keep reading the old one.
//!
//! Canonical form: serde_json's compact output of these structs, in declaration order, UTF-8,
//! every string NFC-normalised, no floats anywhere (counts are integers, times are RFC 3339
//! UTC strings with milliseconds: `2026-11-05T10:00:00.000Z`). Parsing then re-serialising a
//! canonical document gives the same bytes; the verifier insists on it.
//!
//! The document is self-contained: coded values carry the label that was printed, notices
//! and grounds carry their policy text, so a reader needs neither the app nor the policy file
//! to know what the note said. The policy is still named by id, version and SHA-256.

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use unicode_normalization::UnicodeNormalization;

use super::NoteError;
use crate::domain::rules::{note_statements, situation};
use crate::domain::time::timestamp;
use crate::domain::{
    Lang, MeetingKind, MeetingRecord, Policy, PolicyRef, RecordState, Situation, StaffMember,
};

/// The `format` field's value.
pub const NOTE_FORMAT: &str = "samtalenotat-note";
/// The version of the structure written by this build (docs/note-format.md, "Versions").
/// Version 1 notes on the share are still read and verified: every field version 2 added is
/// optional and absent from them, so they parse and re-serialise to the same bytes.
pub const NOTE_FORMAT_VERSION: u32 = 2;
/// The versions this build reads.
pub const NOTE_FORMAT_VERSIONS_READ: &[u32] = &[1, 2];

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct NoteDocument {
    /// Always [`NOTE_FORMAT`].
    pub format: String,
    /// [`NOTE_FORMAT_VERSION`] for this structure.
    pub format_version: u32,
    /// The record's ULID; also the folder name on the share and in exports.
    pub note_id: String,
    /// The language the texts are in.
    pub lang: Lang,
    pub municipality: String,
    pub title: String,
    /// `recorded`, `refused`, `no_recording` or `outside_guideline`.
    pub situation: String,
    /// Set when this note corrects an earlier signed note (SPEC 2: a signed addendum).
    pub addendum_to: Option<NoteReference>,
    /// The policy the rules were checked with and the texts taken from.
    pub policy: PolicyRef,
    /// The words for the two parties in this meeting kind (G-SCOPE).
    pub roles: NoteRoles,
    pub meeting: NoteMeeting,
    pub recording: NoteRecording,
    /// The notices that apply to the situation (policy order), each with when it was given.
    pub notices: Vec<NoteNotice>,
    pub oral_decision: Option<NoteOralDecision>,
    pub refusal: Option<NoteRefusal>,
    pub legal_help: Option<NoteLegalHelp>,
    /// The statements the guideline requires the note to make (`rules::note_statements`),
    /// e.g. the procesbeslutning statement of a refusal (G-REFUSE-NATURE).
    pub statements: Vec<NoteStatement>,
    pub record: NoteRecordInfo,
    pub signer: NoteSigner,
    pub signed_at: String,
}

/// A coded value with the words printed for it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Coded {
    pub code: String,
    pub label: String,
}

/// Points from an addendum to the note it corrects.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct NoteReference {
    pub note_id: String,
    /// SHA-256 (hex) of the original's `note.json` (or, for a record finished before notes
    /// were signed, of its stored record JSON).
    pub content_hash: String,
    /// Version 2: why the note is corrected.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub reason: Option<String>,
    /// Version 2: the fields the correction changes, old and new.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub changes: Option<Vec<NoteChange>>,
}

/// One changed field of a correction.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct NoteChange {
    pub field: String,
    pub old: String,
    pub new: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct NoteRoles {
    pub counterpart: String,
    pub counterpart_definite: String,
    pub staff: String,
    pub staff_definite: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct NoteStaff {
    pub name: String,
    pub initials: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct NoteMeeting {
    pub kind: Coded,
    pub official_character: Option<bool>,
    pub channel: Option<Coded>,
    pub starts_at: Option<String>,
    pub ends_at: Option<String>,
    pub room: String,
    pub unit: String,
    pub subject: String,
    pub case_number: String,
    pub kle_number: String,
    pub lead: NoteStaff,
    pub counterpart: String,
    pub bisidder_present: bool,
    pub bisidder_name: String,
    pub others_matters_discussed: bool,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct NoteRecording {
    pub origin: Coded,
    /// Absent (version 2) when no recording took place: there is no medium to speak of.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub medium: Option<Coded>,
    pub decision: Option<Coded>,
    pub video_scope: Option<Coded>,
    pub reasons: Vec<Coded>,
    pub disclosure_encouraged_at: Option<String>,
    /// Version 2, G-WEIGH: the interesseafvejning when others' personal matters are
    /// discussed and the recording went ahead.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub interest_weighing: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct NoteNotice {
    pub id: String,
    pub rule: String,
    /// `required` or `recommended`.
    pub level: String,
    pub title: String,
    /// What the note says about the notice in this situation.
    pub text: String,
    /// When it was given; `null` only for a recommended notice that was not given.
    pub given_at: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct NoteOralDecision {
    pub made: bool,
    pub what: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct NoteGround {
    pub code: String,
    /// The guideline's letter: a, b, c.
    pub label: String,
    pub title: String,
    pub text: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct NoteRefusal {
    pub grounds: Vec<NoteGround>,
    pub other_ground: String,
    pub assessment: String,
    pub co_decider: NoteStaff,
    pub reason_given_at: Option<String>,
    pub reason_text: String,
    pub room_instruction: bool,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct NoteLegalHelp {
    pub consulted_at: String,
    pub note: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct NoteStatement {
    pub rule: String,
    /// The policy text's key, e.g. `procesbeslutning`.
    pub key: String,
    pub text: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct NoteRecordInfo {
    pub created_at: String,
    pub finished_at: String,
    /// SHA-256 (hex) of the finished record's JSON as stored (`store::records::content_hash`),
    /// linking the note to the record and its event log on the device that made it.
    pub record_hash: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct NoteSigner {
    pub name: String,
    pub initials: String,
    /// The minisign key id (16 upper-case hex digits), as in `signer.pub`.
    pub key_id: String,
}

/// Why bytes are not a canonical note document.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum ParseError {
    #[error("not a note document: {0}")]
    Json(String),
    #[error("format is `{0}`, expected `samtalenotat-note`")]
    Format(String),
    #[error("format_version {0} is not known to this program (it reads version 1)")]
    Version(u32),
    #[error("not in canonical form (field order, spacing, escaping or normalisation differs)")]
    NotCanonical,
}

fn nfc(s: &str) -> String {
    s.nfc().collect()
}

fn time(t: DateTime<Utc>) -> String {
    timestamp(t)
}

fn staff(s: &StaffMember) -> NoteStaff {
    NoteStaff {
        name: nfc(&s.name),
        initials: nfc(&s.initials),
    }
}

/// The wire name of a coded value (its serde name).
fn code_of<T: Serialize>(value: &T) -> String {
    match serde_json::to_value(value) {
        Ok(serde_json::Value::String(s)) => s,
        other => panic!("coded value serialises as a string, got {other:?}"),
    }
}

impl NoteDocument {
    /// The note of a finished record. `signed_at` is passed in (deterministic output).
    pub fn build(
        record: &MeetingRecord,
        policy: &Policy,
        signer: NoteSigner,
        lang: Lang,
        signed_at: DateTime<Utc>,
    ) -> Result<NoteDocument, NoteError> {
        let finished_at = match (record.state, record.finished_at) {
            (RecordState::Finished, Some(t)) => t,
            _ => return Err(NoteError::NotFinished),
        };
        let kind = record.meeting.kind;
        let coded = |group: &str, code: String| Coded {
            label: nfc(policy.label(group, &code, lang).unwrap_or(&code)),
            code,
        };
        let text = |s: String| nfc(&s);
        let situation_now = situation(record);
        let outside = crate::domain::rules::is_outside_guideline(record);
        let situation_code = match (outside, situation_now) {
            (true, _) => "outside_guideline",
            (false, Some(Situation::Recorded)) => "recorded",
            (false, Some(Situation::Refused)) => "refused",
            (false, None) => "no_recording",
        };
        let words = policy.role_words(kind, lang);
        let m = &record.meeting;
        let meeting = NoteMeeting {
            kind: coded("kind", kind.as_str().to_owned()),
            official_character: match kind {
                MeetingKind::Employee => m.official_character,
                MeetingKind::Citizen => None,
            },
            channel: m.channel.map(|c| coded("channel", code_of(&c))),
            starts_at: m.starts_at.map(time),
            ends_at: m.ends_at.map(time),
            room: nfc(&m.room),
            unit: nfc(&m.unit),
            subject: nfc(&m.subject),
            case_number: nfc(&m.case_number),
            kle_number: nfc(&m.kle_number),
            lead: staff(&m.lead),
            counterpart: nfc(&m.counterpart),
            bisidder_present: m.bisidder_present,
            bisidder_name: if m.bisidder_present {
                nfc(&m.bisidder_name)
            } else {
                String::new()
            },
            others_matters_discussed: m.others_matters_discussed,
        };
        let r = &record.recording;
        let recording = NoteRecording {
            origin: coded(
                "origin",
                code_of(&r.origin.unwrap_or(crate::domain::RecordingOrigin::None)),
            ),
            medium: situation_now.map(|_| coded("medium", code_of(&r.medium))),
            decision: r.decision.map(|d| coded("decision", code_of(&d))),
            video_scope: r.video_scope.map(|v| coded("video_scope", code_of(&v))),
            reasons: r
                .reasons
                .iter()
                .map(|x| coded("reason", code_of(x)))
                .collect(),
            disclosure_encouraged_at: r.disclosure_encouraged_at.map(time),
            interest_weighing: crate::domain::rules::weighing_required(record)
                .then(|| nfc(&r.interest_weighing)),
        };
        let notices = match situation_now.filter(|_| !outside) {
            None => Vec::new(),
            Some(sit) => policy
                .notices_for(sit)
                .map(|n| NoteNotice {
                    id: n.id.clone(),
                    rule: n.rule.as_str().to_owned(),
                    level: code_of(&n.level),
                    title: nfc(n.title.get(lang)),
                    text: text(
                        policy
                            .notice_text(&n.id, sit, lang, kind)
                            .unwrap_or_default(),
                    ),
                    given_at: record.notices.get(&n.id).copied().map(time),
                })
                .collect(),
        };
        let oral_decision = match (situation_now, record.oral_decision.made) {
            (Some(Situation::Recorded), Some(made)) if !outside => Some(NoteOralDecision {
                made,
                what: if made {
                    nfc(&record.oral_decision.what)
                } else {
                    String::new()
                },
            }),
            _ => None,
        };
        let refusal = (situation_now == Some(Situation::Refused) && !outside).then(|| {
            let f = &record.refusal;
            let mut grounds = f.grounds.clone();
            grounds.sort();
            grounds.dedup();
            NoteRefusal {
                grounds: grounds
                    .iter()
                    .map(|g| {
                        let def = policy.ground(*g);
                        NoteGround {
                            code: code_of(g),
                            label: nfc(&def.label),
                            title: nfc(def.title.get(lang)),
                            text: text(policy.ground_text(*g, lang, kind)),
                        }
                    })
                    .collect(),
                other_ground: nfc(&f.other_ground),
                assessment: nfc(&f.assessment),
                co_decider: staff(&f.co_decider),
                reason_given_at: f.reason_given_at.map(time),
                reason_text: nfc(&f.reason_text),
                room_instruction: f.room_instruction,
            }
        });
        let legal_help = record.legal_help.consulted_at.map(|t| NoteLegalHelp {
            consulted_at: time(t),
            note: nfc(&record.legal_help.note),
        });
        let statements = note_statements(record)
            .into_iter()
            .map(|(rule, key)| NoteStatement {
                rule: rule.as_str().to_owned(),
                key: key.to_owned(),
                text: text(policy.text(key, lang, kind).unwrap_or_default()),
            })
            .collect();
        Ok(NoteDocument {
            format: NOTE_FORMAT.to_owned(),
            format_version: NOTE_FORMAT_VERSION,
            note_id: record.id.to_string(),
            lang,
            municipality: nfc(policy.municipality(lang)),
            title: text(policy.note_title(record, lang)),
            situation: situation_code.to_owned(),
            addendum_to: record.addendum_to.as_ref().map(|a| NoteReference {
                note_id: a.record_id.to_string(),
                content_hash: a.content_hash.clone(),
                reason: Some(nfc(&a.reason)),
                changes: Some(
                    a.changes
                        .iter()
                        .map(|c| NoteChange {
                            field: c.field.clone(),
                            old: nfc(&c.old),
                            new: nfc(&c.new),
                        })
                        .collect(),
                ),
            }),
            policy: policy.reference(),
            roles: NoteRoles {
                counterpart: nfc(&words.counterpart),
                counterpart_definite: nfc(&words.counterpart_definite),
                staff: nfc(&words.staff),
                staff_definite: nfc(&words.staff_definite),
            },
            meeting,
            recording,
            notices,
            oral_decision,
            refusal,
            legal_help,
            statements,
            record: NoteRecordInfo {
                created_at: time(record.created_at),
                finished_at: time(finished_at),
                record_hash: record.content_hash(),
            },
            signer: NoteSigner {
                name: nfc(&signer.name),
                initials: nfc(&signer.initials),
                key_id: signer.key_id,
            },
            signed_at: time(signed_at),
        })
    }

    /// The canonical bytes: compact JSON in declaration order. Their SHA-256 is the note's
    /// content hash.
    pub fn to_canonical_json(&self) -> Vec<u8> {
        serde_json::to_vec(self).expect("a note document always serialises")
    }

    /// Parses `note.json` and checks that it is a note of a version this build reads, in
    /// canonical form.
    pub fn parse_canonical(bytes: &[u8]) -> Result<NoteDocument, ParseError> {
        let value: serde_json::Value =
            serde_json::from_slice(bytes).map_err(|e| ParseError::Json(e.to_string()))?;
        match value.get("format").and_then(|f| f.as_str()) {
            Some(NOTE_FORMAT) => {}
            Some(other) => return Err(ParseError::Format(other.to_owned())),
            None => return Err(ParseError::Json("no `format` field".into())),
        }
        match value.get("format_version").and_then(|v| v.as_u64()) {
            Some(v) if NOTE_FORMAT_VERSIONS_READ.contains(&(v as u32)) && v <= 2 => {}
            Some(v) => return Err(ParseError::Version(v.min(u64::from(u32::MAX)) as u32)),
            None => return Err(ParseError::Json("no `format_version` field".into())),
        }
        let doc: NoteDocument =
            serde_json::from_slice(bytes).map_err(|e| ParseError::Json(e.to_string()))?;
        if doc.to_canonical_json() != bytes || !is_nfc_everywhere(&value) {
            return Err(ParseError::NotCanonical);
        }
        Ok(doc)
    }
}

fn is_nfc_everywhere(value: &serde_json::Value) -> bool {
    use unicode_normalization::is_nfc;
    match value {
        serde_json::Value::String(s) => is_nfc(s),
        serde_json::Value::Array(items) => items.iter().all(is_nfc_everywhere),
        serde_json::Value::Object(map) => {
            map.iter().all(|(k, v)| is_nfc(k) && is_nfc_everywhere(v))
        }
        _ => true,
    }
}
