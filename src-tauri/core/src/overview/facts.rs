//! The facts the overview counts, taken from a verified `note.json` (formats 1 and 2).
//!
//! Data minimisation: the counterpart's name, the subject, the texts and the staff names stay
//! in the note on the share; the index keeps only the note id, case number, unit, dates and
//! the coded facts below.

use chrono::{DateTime, Utc};

use crate::note::canonical::NoteDocument;
use crate::note::localtime::copenhagen;

/// How a recording request ended.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DecisionFact {
    Allowed,
    Refused,
    /// No decision in the note (no recording came up, or outside the guideline).
    None,
}

impl DecisionFact {
    pub fn as_str(self) -> &'static str {
        match self {
            DecisionFact::Allowed => "allowed",
            DecisionFact::Refused => "refused",
            DecisionFact::None => "none",
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NoteFacts {
    pub note_id: String,
    pub case_number: String,
    /// As written in the note, trimmed.
    pub unit: String,
    /// `citizen` or `employee`.
    pub kind: String,
    /// `YYYY-MM` of the meeting's start in Copenhagen time (the record's creation when the
    /// note has no start time).
    pub month: String,
    pub created_at: String,
    /// A recording came up: asked first, recording openly without asking, or discovered
    /// hidden (as `domain::equal_treatment` counts requests).
    pub requested: bool,
    pub decision: DecisionFact,
    /// Refusal grounds (a) harassment, (b) others' matters, (c) another objective ground.
    pub ground_a: bool,
    pub ground_b: bool,
    pub ground_c: bool,
    pub unannounced_open: bool,
    pub unannounced_hidden: bool,
    pub video_requested: bool,
    pub video_allowed: bool,
    pub oral_decision: bool,
    /// Misuse incidents recorded in the note. The note format carries none yet (incident
    /// notes are not produced), so always 0.
    pub incidents: u32,
}

fn parse(s: &str) -> Option<DateTime<Utc>> {
    DateTime::parse_from_rfc3339(s)
        .ok()
        .map(|t| t.with_timezone(&Utc))
}

impl NoteFacts {
    /// `None` when the note carries no time to place it in a month.
    pub fn from_note(doc: &NoteDocument) -> Option<NoteFacts> {
        let m = &doc.meeting;
        let r = &doc.recording;
        let when = m
            .starts_at
            .as_deref()
            .and_then(parse)
            .or_else(|| parse(&doc.record.created_at))?;
        let origin = r.origin.code.as_str();
        let grounds: Vec<&str> = doc
            .refusal
            .iter()
            .flat_map(|f| f.grounds.iter().map(|g| g.code.as_str()))
            .collect();
        let decision = match r.decision.as_ref().map(|d| d.code.as_str()) {
            Some("allowed") => DecisionFact::Allowed,
            Some("refused") => DecisionFact::Refused,
            _ => DecisionFact::None,
        };
        Some(NoteFacts {
            note_id: doc.note_id.clone(),
            case_number: m.case_number.clone(),
            unit: m.unit.trim().to_owned(),
            kind: m.kind.code.clone(),
            month: copenhagen(when).format("%Y-%m").to_string(),
            created_at: doc.record.created_at.clone(),
            requested: matches!(
                origin,
                "asked_first" | "open_without_asking" | "discovered_hidden"
            ),
            decision,
            ground_a: grounds.contains(&"harassment"),
            ground_b: grounds.contains(&"others_matters"),
            ground_c: grounds.contains(&"other"),
            unannounced_open: origin == "open_without_asking",
            unannounced_hidden: origin == "discovered_hidden",
            video_requested: r
                .medium
                .as_ref()
                .is_some_and(|x| x.code == "video_requested"),
            video_allowed: r
                .video_scope
                .as_ref()
                .is_some_and(|x| x.code == "video_allowed"),
            oral_decision: doc.oral_decision.as_ref().is_some_and(|o| o.made),
            incidents: 0,
        })
    }
}

/// Units are compared as `domain::equal_treatment` compares them: trimmed, whitespace
/// collapsed, ignoring case ("Jobcenter" = "jobcenter ").
pub fn unit_key(unit: &str) -> String {
    unit.split_whitespace()
        .map(str::to_lowercase)
        .collect::<Vec<_>>()
        .join(" ")
}
