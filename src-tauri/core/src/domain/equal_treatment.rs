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
    pub origin: Option<RecordingOrigin>,
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
        if matches!(
            facts.origin,
            None | Some(RecordingOrigin::None | RecordingOrigin::MunicipalityWants)
        ) {
            return;
        }
        self.requests += 1;
        if matches!(
            facts.origin,
            Some(RecordingOrigin::OpenWithoutAsking | RecordingOrigin::DiscoveredHidden)
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

/// How far back earlier decisions count as comparable: the guideline's promise is about
/// practice, and practice two years old may no longer be it.
pub const COMPARABLE_PERIOD_DAYS: i64 = 730;
/// The most comparable cases listed (newest first); the counts cover them all.
pub const MAX_LISTED_CASES: usize = 20;

/// One earlier case comparable with a draft, as staff see it: when, where, what was decided
/// and on which grounds. No names: a case is reached by its id.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct ComparableCase {
    #[ts(type = "string")]
    pub record_id: RecordId,
    pub finished_at: Option<DateTime<Utc>>,
    pub unit: String,
    pub decision: Option<Decision>,
    pub grounds: Vec<RefusalGround>,
}

/// G-EQUAL for one draft: the earlier comparable cases in the period, and how they went.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct EqualTreatmentAdvice {
    pub period_from: DateTime<Utc>,
    pub period_to: DateTime<Utc>,
    pub allowed: u32,
    pub refused: u32,
    /// Newest first, at most [`MAX_LISTED_CASES`].
    pub cases: Vec<ComparableCase>,
}

impl DecisionFacts {
    /// Comparable in the guideline's sense ("de samme hensyn"), as far as records can tell:
    /// the same meeting kind, the same medium asked for, the same answer on whether others'
    /// personal matters are discussed (the consideration behind ground b), and the same way
    /// the recording came up (asked first, or recording without asking). Units are not
    /// compared: equal treatment is municipality-wide.
    pub fn comparable_with(&self, other: &DecisionFacts) -> bool {
        let asked = |o: Option<RecordingOrigin>| o == Some(RecordingOrigin::AskedFirst);
        self.same_situation(other) && asked(self.origin) == asked(other.origin)
    }
}

/// The earlier comparable decisions for `draft` within the period before `now`.
pub fn comparable_cases(
    draft: &MeetingRecord,
    history: &[DecisionFacts],
    now: DateTime<Utc>,
) -> EqualTreatmentAdvice {
    let facts = DecisionFacts::from_record(draft);
    let period_from = now
        .checked_sub_signed(chrono::Duration::days(COMPARABLE_PERIOD_DAYS))
        .unwrap_or(now);
    let mut cases: Vec<&DecisionFacts> = history
        .iter()
        .filter(|h| h.record_id != draft.id && h.decision.is_some())
        .filter(|h| h.finished_at.is_some_and(|t| t >= period_from && t <= now))
        .filter(|h| facts.comparable_with(h))
        .collect();
    cases.sort_by_key(|c| std::cmp::Reverse(c.finished_at));
    let count = |d: Decision| cases.iter().filter(|c| c.decision == Some(d)).count() as u32;
    EqualTreatmentAdvice {
        period_from,
        period_to: now,
        allowed: count(Decision::Allowed),
        refused: count(Decision::Refused),
        cases: cases
            .iter()
            .take(MAX_LISTED_CASES)
            .map(|c| ComparableCase {
                record_id: c.record_id,
                finished_at: c.finished_at,
                unit: c.unit.clone(),
                decision: c.decision,
                grounds: c.grounds.clone(),
            })
            .collect(),
    }
}

/// For a draft about to be refused: an advisory G-EQUAL violation when recording was allowed
/// in a comparable earlier case in the period ([`comparable_cases`]; staff see the cases, not
/// only the warning). Advisory, not blocking: ground (a) rests on the person's own history,
/// which no other record shares, so a prior allowance may well be no reason to allow; staff
/// must look, not obey.
pub fn equal_treatment_violations(
    draft: &MeetingRecord,
    history: &[DecisionFacts],
    now: DateTime<Utc>,
) -> Vec<Violation> {
    if draft.recording.decision != Some(Decision::Refused)
        || comparable_cases(draft, history, now).allowed == 0
    {
        return Vec::new();
    }
    vec![Violation::advisory(
        RuleId::Equal,
        "recording.decision",
        ViolationCode::EqualTreatmentPriorAllowed,
    )]
}
