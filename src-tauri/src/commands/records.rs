//! Commands on meeting records: list/search, create, get, save a draft, finish.

use chrono::NaiveDate;
use samtalenotat_core::domain::input::{clean_record, clean_text, cpr_warnings};
use samtalenotat_core::domain::rules::{validate, Violation};
use samtalenotat_core::domain::{
    equal_treatment_violations, summarize, Decision, EqualTreatmentSummary, MeetingKind,
    MeetingRecord, RecordId, RecordState,
};
use samtalenotat_core::store::records::{RecordQuery, RecordSummary, MAX_LIST_LIMIT};
use samtalenotat_core::store::StoreError;
use serde::{Deserialize, Serialize};
use tauri::State;
use ulid::Ulid;

use super::error::{Code, IpcError};
use crate::AppState;

/// The longest search or filter text accepted from the UI.
pub const MAX_FILTER_CHARS: usize = 200;

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "camelCase")]
pub struct ListQuery {
    pub text: Option<String>,
    pub limit: u32,
    #[serde(default)]
    pub offset: u32,
    #[serde(default)]
    pub state: Option<RecordState>,
    #[serde(default)]
    pub unit: Option<String>,
    #[serde(default)]
    pub case_number: Option<String>,
    /// ISO dates (YYYY-MM-DD), inclusive.
    #[serde(default)]
    pub from: Option<String>,
    #[serde(default)]
    pub to: Option<String>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct CreateDraftInput {
    pub kind: MeetingKind,
}

/// A record with what the rules say about it now: what the edit and review screens show.
#[derive(Debug, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct RecordView {
    pub record: MeetingRecord,
    pub violations: Vec<Violation>,
    /// Field paths whose text looks like a CPR number: the UI warns before it is kept.
    pub cpr_warnings: Vec<String>,
}

fn optional_filter(field: &str, value: Option<String>) -> Result<Option<String>, IpcError> {
    value
        .map(|v| clean_text(field, &v, MAX_FILTER_CHARS).map_err(input_error))
        .transpose()
        .map(|v| v.filter(|t| !t.is_empty()))
}

fn optional_date(field: &str, value: Option<String>) -> Result<Option<NaiveDate>, IpcError> {
    value
        .filter(|v| !v.is_empty())
        .map(|v| {
            NaiveDate::parse_from_str(&v, "%Y-%m-%d")
                .map_err(|_| IpcError::invalid_input(field, "must be a date as YYYY-MM-DD"))
        })
        .transpose()
}

impl ListQuery {
    fn validate(self) -> Result<RecordQuery, IpcError> {
        if self.limit == 0 || self.limit > MAX_LIST_LIMIT {
            return Err(IpcError::invalid_input(
                "query.limit",
                &format!("must be between 1 and {MAX_LIST_LIMIT}"),
            ));
        }
        let from = optional_date("query.from", self.from)?;
        let to = optional_date("query.to", self.to)?;
        if let (Some(f), Some(t)) = (from, to) {
            if t < f {
                return Err(IpcError::invalid_input(
                    "query.to",
                    "must not be before query.from",
                ));
            }
        }
        Ok(RecordQuery {
            text: optional_filter("query.text", self.text)?,
            state: self.state,
            unit: optional_filter("query.unit", self.unit)?,
            case_number: optional_filter("query.caseNumber", self.case_number)?,
            from,
            to,
            limit: self.limit,
            offset: self.offset,
        })
    }
}

fn parse_id(id: &str) -> Result<RecordId, IpcError> {
    id.parse()
        .map_err(|_| IpcError::invalid_input("id", "must be a record id (26-character ULID)"))
}

fn input_error(e: samtalenotat_core::domain::InputError) -> IpcError {
    IpcError::new(Code::InvalidInput, e.to_string())
}

fn view(state: &AppState, record: MeetingRecord) -> RecordView {
    let mut violations = validate(&record, state.policy, state.clock.now());
    // G-EQUAL: when a draft is about to refuse, remind staff of alike requests that were
    // allowed before. Reading the history costs a scan, so only refusals pay it.
    if record.state == RecordState::Draft && record.recording.decision == Some(Decision::Refused) {
        if let Ok(history) = state.store().decision_history() {
            violations.extend(equal_treatment_violations(&record, &history));
        }
    }
    let cpr_warnings = cpr_warnings(&record);
    RecordView {
        record,
        violations,
        cpr_warnings,
    }
}

#[tauri::command]
pub async fn list_records(
    state: State<'_, AppState>,
    query: ListQuery,
) -> Result<Vec<RecordSummary>, IpcError> {
    let query = query.validate()?;
    Ok(state.store().list_records(&query)?)
}

#[tauri::command]
pub async fn create_draft(
    state: State<'_, AppState>,
    input: CreateDraftInput,
) -> Result<RecordSummary, IpcError> {
    let now = state.clock.now();
    let id = RecordId(Ulid::from_datetime(now.into()));
    let mut store = state.store();
    let actor = state.actor(&store);
    let mut record = store.create_draft(id, now, input.kind, state.policy.reference(), &actor)?;
    // The staff member on this PC usually leads the meeting: prefill, as an edit of the draft.
    let staff = store.load_settings()?.staff;
    if !staff.is_empty() {
        record.meeting.lead = staff;
        record = store.update_draft(&record, now, &actor)?;
    }
    Ok(RecordSummary::of(&record))
}

#[tauri::command]
pub async fn get_record(state: State<'_, AppState>, id: String) -> Result<RecordView, IpcError> {
    let id = parse_id(&id)?;
    let record = state.store().get_record(id)?;
    Ok(view(&state, record))
}

/// Saves the whole draft as the UI has it (autosave). Text is cleaned first; a field that
/// cannot be cleaned is named in the error and nothing is saved, so the stored draft stays
/// as it was.
#[tauri::command]
pub async fn save_draft(
    state: State<'_, AppState>,
    record: MeetingRecord,
) -> Result<RecordView, IpcError> {
    let cleaned = clean_record(&record).map_err(input_error)?;
    let mut store = state.store();
    let actor = state.actor(&store);
    let saved = store.update_draft(&cleaned, state.clock.now(), &actor)?;
    drop(store);
    Ok(view(&state, saved))
}

/// Finishes a draft when the guideline's rules are met; otherwise `rule_violation`, and the
/// UI shows the violations from `get_record`.
#[tauri::command]
pub async fn finish_record(state: State<'_, AppState>, id: String) -> Result<RecordView, IpcError> {
    let id = parse_id(&id)?;
    let mut store = state.store();
    let actor = state.actor(&store);
    let finished = store
        .finish_record(id, state.clock.now(), &actor, state.policy)
        .map_err(|e| match e {
            StoreError::RulesNotMet(violations) => IpcError::new(
                Code::RuleViolation,
                violations
                    .iter()
                    .filter(|v| v.is_blocking())
                    .map(|v| format!("{} {} ({})", v.rule, v.field, v.code))
                    .collect::<Vec<_>>()
                    .join("; "),
            ),
            other => other.into(),
        })?;
    drop(store);
    Ok(view(&state, finished))
}

/// G-EQUAL: how the record's unit and the whole municipality decided alike requests before,
/// from the finished records on this PC.
#[tauri::command]
pub async fn equal_treatment(
    state: State<'_, AppState>,
    id: String,
) -> Result<EqualTreatmentSummary, IpcError> {
    let id = parse_id(&id)?;
    let store = state.store();
    let record = store.get_record(id)?;
    let history = store.decision_history()?;
    Ok(summarize(&record.meeting.unit, &history))
}
