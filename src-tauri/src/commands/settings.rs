//! Commands on this PC's settings.

use samtalenotat_core::app::{App, AppError, SettingsView};
use tauri::State;

#[tauri::command]
pub async fn get_settings(app: State<'_, App>) -> Result<SettingsView, AppError> {
    app.settings()
}

/// The settings arrive as plain JSON so that the core can name an unknown or mistyped field.
#[tauri::command]
pub async fn save_settings(
    app: State<'_, App>,
    settings: serde_json::Value,
) -> Result<SettingsView, AppError> {
    app.save_settings(settings)
}
