//! The policy's texts for the UI, resolved in Rust (role words, language).

use samtalenotat_core::domain::policy_texts::PolicyTexts;
use samtalenotat_core::domain::{Lang, MeetingKind};
use tauri::State;

use super::error::IpcError;
use crate::AppState;

#[tauri::command]
pub fn policy_texts(
    state: State<'_, AppState>,
    kind: MeetingKind,
    lang: Lang,
) -> Result<PolicyTexts, IpcError> {
    Ok(state.policy.texts_for(kind, lang))
}
