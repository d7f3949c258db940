//! Commands on meeting records.

use samtalenotat_core::domain::{MeetingKind, RecordId};
use samtalenotat_core::store::records::{RecordQuery, RecordSummary, MAX_LIST_LIMIT};
use serde::Deserialize;
use tauri::State;
use ulid::Ulid;

use super::error::{Code, IpcError};
use crate::AppState;

/// The longest search text accepted from the UI.
pub const MAX_SEARCH_CHARS: usize = 200;

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ListQuery {
    pub text: Option<String>,
    pub limit: u32,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct CreateDraftInput {
    pub kind: MeetingKind,
}

impl ListQuery {
    fn validate(self) -> Result<RecordQuery, IpcError> {
        if self.limit == 0 || self.limit > MAX_LIST_LIMIT {
            return Err(IpcError::invalid_input(
                "query.limit",
                &format!("must be between 1 and {MAX_LIST_LIMIT}"),
            ));
        }
        let text = match self.text {
            None => None,
            Some(t) => {
                let cleaned = samtalenotat_core::domain::input::clean_text(
                    "query.text",
                    &t,
                    MAX_SEARCH_CHARS,
                )
                .map_err(|e| IpcError::new(Code::InvalidInput, e.to_string()))?;
                Some(cleaned).filter(|t| !t.is_empty())
            }
        };
        Ok(RecordQuery {
            text,
            limit: self.limit,
            ..RecordQuery::default()
        })
    }
}

#[tauri::command]
pub fn list_records(
    state: State<'_, AppState>,
    query: ListQuery,
) -> Result<Vec<RecordSummary>, IpcError> {
    let query = query.validate()?;
    let store = state.store.lock().map_err(|_| poisoned())?;
    Ok(store.list_records(&query)?)
}

#[tauri::command]
pub fn create_draft(
    state: State<'_, AppState>,
    input: CreateDraftInput,
) -> Result<RecordSummary, IpcError> {
    let now = state.clock.now();
    let id = RecordId(Ulid::from_datetime(now.into()));
    let mut store = state.store.lock().map_err(|_| poisoned())?;
    let record = store.create_draft(id, now, input.kind, state.policy.clone(), &state.actor)?;
    Ok(RecordSummary::of(&record))
}

fn poisoned() -> IpcError {
    IpcError::new(
        Code::Internal,
        "the store lock was poisoned by an earlier failure",
    )
}
