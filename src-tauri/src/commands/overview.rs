//! Commands of the "Overblik" screen: read the share into the overview (with progress, and a
//! way to stop a long first run), and export the counts as CSV into a folder the user picks.

use std::sync::atomic::{AtomicBool, Ordering};

use samtalenotat_core::app::overview::OverviewView;
use samtalenotat_core::app::{App, AppError};
use samtalenotat_core::overview::ScanProgress;
use tauri::ipc::Channel;
use tauri::{AppHandle, Runtime, State};

use super::note::{pick_folder, FolderChoice, Purpose};

/// Set by "Afbryd" while a run is going; cleared when a run starts.
#[derive(Debug, Default)]
pub struct OverviewCancel(pub AtomicBool);

#[tauri::command(rename_all = "snake_case")]
pub async fn overview(
    app: State<'_, App>,
    cancel: State<'_, OverviewCancel>,
    query: serde_json::Value,
    on_progress: Channel<ScanProgress>,
) -> Result<OverviewView, AppError> {
    cancel.0.store(false, Ordering::SeqCst);
    app.overview(query, &cancel.0, &mut |p| {
        let _ = on_progress.send(p);
    })
}

#[tauri::command]
pub async fn cancel_overview(cancel: State<'_, OverviewCancel>) -> Result<(), AppError> {
    cancel.0.store(true, Ordering::SeqCst);
    Ok(())
}

/// Writes the counts as CSV into a folder the user picks; its path, or `null` on cancel.
#[tauri::command(rename_all = "snake_case")]
pub async fn export_overview_csv<R: Runtime>(
    handle: AppHandle<R>,
    app: State<'_, App>,
    choice: State<'_, FolderChoice>,
    query: serde_json::Value,
    danish_excel: bool,
) -> Result<Option<String>, AppError> {
    let start = app.last_export_dir();
    let Some(folder) = pick_folder(&handle, &choice, Purpose::Export, start).await? else {
        return Ok(None);
    };
    app.export_overview_csv(query, danish_excel, &folder)
        .map(Some)
}
