//! Commands on sync to the share. Neither waits for the share: the status comes from the
//! outbox in the local database, and `sync_now` only wakes the background worker.

use samtalenotat_core::app::sync_worker::SyncWorker;
use samtalenotat_core::app::{App, AppError, SyncStatusView};
use tauri::State;

#[tauri::command]
pub async fn sync_status(
    app: State<'_, App>,
    worker: State<'_, SyncWorker>,
) -> Result<SyncStatusView, AppError> {
    app.sync_status(worker.is_running())
}

#[tauri::command]
pub async fn sync_now(
    app: State<'_, App>,
    worker: State<'_, SyncWorker>,
) -> Result<SyncStatusView, AppError> {
    worker.wake_now();
    app.sync_status(true)
}
