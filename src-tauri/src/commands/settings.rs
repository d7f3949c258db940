//! Commands on this PC's settings.

use samtalenotat_core::settings::{Settings, SettingsError};
use serde::Serialize;
use tauri::State;

use super::error::{Code, IpcError};
use crate::AppState;

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
pub fn get_settings(state: State<'_, AppState>) -> Result<SettingsView, IpcError> {
    let settings = state.store().load_settings()?;
    Ok(view(&state, settings))
}

#[tauri::command]
pub fn save_settings(
    state: State<'_, AppState>,
    settings: Settings,
) -> Result<SettingsView, IpcError> {
    let cleaned = settings.clean().map_err(|e| match e {
        SettingsError::Input(e) => IpcError::new(Code::InvalidInput, e.to_string()),
        other => IpcError::new(Code::InvalidInput, other.to_string()),
    })?;
    state.store().save_settings(&cleaned)?;
    Ok(view(&state, cleaned))
}
