//! The meeting record, the guideline's rules and the policy they are parameterised by.
//!
//! Everything here is pure: no I/O, no clock. The store persists these types; the shell and
//! the CLI only call in.
//!
//! - `record`: the meeting record types (the stored and signed format).
//! - `rules`: `validate(record, policy, now)` → violations by rule ID (G-…); `can_finish`.
//! - `policy`: notices, grounds and texts as versioned data (Albertslund built in).
//! - `input`: cleaning user text at the boundary; CPR-number detection.
//! - `equal_treatment`: G-EQUAL summaries and prior-decision hints.
//! - `incident`: G-MISUSE incident records and their rules.

pub mod equal_treatment;
pub mod incident;
pub mod input;
pub mod policy;
pub mod policy_texts;
pub mod record;
pub mod rules;
pub mod time;

pub use equal_treatment::{
    comparable_cases, equal_treatment_violations, summarize, ComparableCase, DecisionCounts,
    DecisionFacts, EqualTreatmentAdvice, EqualTreatmentSummary,
};
pub use incident::{
    validate_incident, MisuseDescription, MisuseIncident, MisuseKind, PoliceReportAssessment,
    INCIDENT_FORMAT_VERSION,
};
pub use input::{
    clean_multiline_text, clean_record_field, clean_required_text, clean_text, cpr_warnings,
    looks_like_cpr, InputError,
};
pub use policy::{Lang, NoticeLevel, Policy, PolicyError, Situation};
pub use record::*;
pub use rules::{
    can_finish, note_statements, validate, RuleId, Severity, Violation, ViolationCode,
};
