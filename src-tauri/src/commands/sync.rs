//! Commands on sync to the share: the status line and "Synkronisér nu".
//!
//! Neither waits for the share: the status comes from the outbox in the local database, and
//! `sync_now` only wakes the background worker ([`crate::sync_worker`]).

use samtalenotat_core::store::outbox::OutboxStatus;
use serde::Serialize;
use tauri::State;

use super::error::IpcError;
use crate::sync_worker::SyncWorker;
use crate::AppState;

/// `{ pending, oldestPendingAgeSeconds, lastSuccessAt, lastError: {kind, message} | null,
///    conflicts: [{noteId, file, detectedAt}], running, shareDir }`.
/// `file` is the conflicting file's path relative to `shareDir`.
#[derive(Debug, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct SyncStatusView {
    #[serde(flatten)]
    pub outbox: OutboxStatus,
    pub running: bool,
    pub share_dir: String,
}

fn status(state: &AppState, worker: &SyncWorker) -> Result<SyncStatusView, IpcError> {
    let store = state.store();
    let settings = store.load_settings()?;
    let outbox = store.outbox_status(state.clock.now())?;
    Ok(SyncStatusView {
        outbox,
        running: worker.is_running(),
        share_dir: state.share_dir(&settings).display().to_string(),
    })
}

#[tauri::command]
pub async fn sync_status(
    state: State<'_, AppState>,
    worker: State<'_, SyncWorker>,
) -> Result<SyncStatusView, IpcError> {
    status(&state, &worker)
}

#[tauri::command]
pub async fn sync_now(
    state: State<'_, AppState>,
    worker: State<'_, SyncWorker>,
) -> Result<SyncStatusView, IpcError> {
    worker.wake_now();
    status(&state, &worker)
}
