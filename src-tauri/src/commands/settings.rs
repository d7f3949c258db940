//! Commands on this PC's settings.

use std::path::Path;
use std::time::Duration;

use samtalenotat_core::settings::{Settings, SettingsError};
use samtalenotat_core::sync::prepare_share;
use serde::Serialize;
use tauri::State;

use super::error::{Code, IpcError};
use crate::AppState;

/// How long choosing a share may wait for it to answer (a hung server must not freeze the
/// settings screen).
const SHARE_CHECK_TIMEOUT: Duration = Duration::from_secs(10);

/// The settings plus the folders in effect, which the settings screen shows.
#[derive(Debug, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct SettingsView {
    pub settings: Settings,
    pub data_dir: String,
    pub effective_share_dir: String,
}

fn view(state: &AppState, settings: Settings) -> SettingsView {
    SettingsView {
        effective_share_dir: state.share_dir(&settings).display().to_string(),
        data_dir: state.data_dir.display().to_string(),
        settings,
    }
}

#[tauri::command]
pub async fn get_settings(state: State<'_, AppState>) -> Result<SettingsView, IpcError> {
    let settings = state.store().load_settings()?;
    Ok(view(&state, settings))
}

#[tauri::command]
pub async fn save_settings(
    state: State<'_, AppState>,
    settings: Settings,
) -> Result<SettingsView, IpcError> {
    let cleaned = settings.clean().map_err(|e| match e {
        SettingsError::Input(e) => IpcError::new(Code::InvalidInput, e.to_string()),
        other => IpcError::new(Code::InvalidInput, other.to_string()),
    })?;
    if !cleaned.share_dir.is_empty() {
        // Choosing a share is the moment to mark it as ours; sync later refuses a configured
        // folder without the mark (an unmounted mount point must never look like the share).
        prepare_share(Path::new(&cleaned.share_dir), SHARE_CHECK_TIMEOUT).map_err(|e| {
            IpcError::new(
                Code::InvalidInput,
                format!("shareDir: the share folder cannot be used ({e}); is the share mounted?"),
            )
        })?;
    }
    state.store().save_settings(&cleaned)?;
    Ok(view(&state, cleaned))
}
