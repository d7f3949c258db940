//! G-EQUAL: "once one person was allowed to record, others in the same situation must be too".
//!
//! The guideline admits this is hard to administer across many decentral units. The app helps
//! in two ways, both pure functions over facts the store (or the central overview) supplies:
//! a summary of how the unit and the whole municipality decided before, and, for a draft about
//! to be refused, the prior records that allowed a recording in the same situation, raised as
//! an advisory violation so staff see it before they sign.

use std::collections::BTreeMap;

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use super::record::{
    Decision, Medium, MeetingKind, MeetingRecord, RecordId, RecordingOrigin, RefusalGround,
};
use super::rules::{RuleId, Violation, ViolationCode};

/// The facts of one finished record that equal treatment compares. Small on purpose: the
/// overview builds these from notes on the share without holding whole records.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct DecisionFacts {
    pub record_id: RecordId,
    pub unit: String,
    pub kind: MeetingKind,
    pub decision: Option<Decision>,
    pub grounds: Vec<RefusalGround>,
    pub origin: RecordingOrigin,
    pub medium: Medium,
    pub others_matters_discussed: bool,
    pub finished_at: Option<DateTime<Utc>>,
}

impl DecisionFacts {
    pub fn from_record(record: &MeetingRecord) -> Self {
        DecisionFacts {
            record_id: record.id,
            unit: record.meeting.unit.clone(),
            kind: record.meeting.kind,
            decision: record.recording.decision,
            grounds: record.refusal.grounds.clone(),
            origin: record.recording.origin,
            medium: record.recording.medium,
            others_matters_discussed: record.meeting.others_matters_discussed,
            finished_at: record.finished_at,
        }
    }

    /// "The same situation" in the guideline's sense, as far as the record can tell: the same
    /// kind of meeting, the same medium asked for, and whether others' personal matters were
    /// discussed (the consideration behind ground b). Units are deliberately not compared:
    /// equal treatment is municipality-wide.
    pub fn same_situation(&self, other: &DecisionFacts) -> bool {
        self.kind == other.kind
            && self.medium == other.medium
            && self.others_matters_discussed == other.others_matters_discussed
    }
}

/// Counts of decisions for one scope (a unit or the whole municipality).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct DecisionCounts {
    /// Records where a recording came up at all (asked, open or hidden).
    pub requests: u32,
    pub allowed: u32,
    pub refused: u32,
    /// Refusals per ground. A refusal may rest on several grounds, so the sum can exceed
    /// `refused`.
    pub refused_by_ground: BTreeMap<RefusalGround, u32>,
    /// Recordings made without asking first (open or hidden).
    pub unannounced: u32,
}

impl DecisionCounts {
    fn add(&mut self, facts: &DecisionFacts) {
        if facts.origin == RecordingOrigin::None {
            return;
        }
        self.requests += 1;
        if matches!(
            facts.origin,
            RecordingOrigin::OpenWithoutAsking | RecordingOrigin::DiscoveredHidden
        ) {
            self.unannounced += 1;
        }
        match facts.decision {
            Some(Decision::Allowed) => self.allowed += 1,
            Some(Decision::Refused) => {
                self.refused += 1;
                for ground in &facts.grounds {
                    *self.refused_by_ground.entry(*ground).or_default() += 1;
                }
            }
            None => {}
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct EqualTreatmentSummary {
    pub unit_name: String,
    pub unit: DecisionCounts,
    pub municipality: DecisionCounts,
}

/// How `unit` and the municipality decided, over the given history. Units are compared as
/// entered, after trimming and ignoring case ("Jobcenter" = "jobcenter ").
pub fn summarize(unit: &str, history: &[DecisionFacts]) -> EqualTreatmentSummary {
    let key = unit_key(unit);
    let mut summary = EqualTreatmentSummary {
        unit_name: unit.trim().to_owned(),
        unit: DecisionCounts::default(),
        municipality: DecisionCounts::default(),
    };
    for facts in history {
        summary.municipality.add(facts);
        if unit_key(&facts.unit) == key {
            summary.unit.add(facts);
        }
    }
    summary
}

fn unit_key(unit: &str) -> String {
    unit.split_whitespace()
        .map(str::to_lowercase)
        .collect::<Vec<_>>()
        .join(" ")
}

/// Prior records in the same situation as `draft` where recording was allowed (the draft
/// itself excluded), oldest history order kept.
pub fn prior_allowed_in_same_situation<'a>(
    draft: &MeetingRecord,
    history: &'a [DecisionFacts],
) -> Vec<&'a DecisionFacts> {
    let facts = DecisionFacts::from_record(draft);
    history
        .iter()
        .filter(|h| h.record_id != draft.id)
        .filter(|h| h.decision == Some(Decision::Allowed) && facts.same_situation(h))
        .collect()
}

/// For a draft about to be refused: an advisory G-EQUAL violation when recording was allowed
/// before in the same situation. Advisory, not blocking: ground (a) rests on the person's own
/// history, which no other record shares, so a prior allowance may well be no reason to
/// allow; staff must look, not obey.
pub fn equal_treatment_violations(
    draft: &MeetingRecord,
    history: &[DecisionFacts],
) -> Vec<Violation> {
    if draft.recording.decision != Some(Decision::Refused)
        || prior_allowed_in_same_situation(draft, history).is_empty()
    {
        return Vec::new();
    }
    vec![Violation::advisory(
        RuleId::Equal,
        "recording.decision",
        ViolationCode::EqualTreatmentPriorAllowed,
    )]
}
