//! Commands on meeting records.

use samtalenotat_core::app::{App, AppError, ListQuery, RecordView};
use samtalenotat_core::domain::policy_texts::PolicyTexts;
use samtalenotat_core::domain::{EqualTreatmentSummary, Lang, MeetingKind};
use samtalenotat_core::store::records::RecordSummary;
use tauri::State;

#[tauri::command]
pub async fn list_records(
    app: State<'_, App>,
    query: ListQuery,
) -> Result<Vec<RecordSummary>, AppError> {
    app.list_records(query)
}

#[tauri::command]
pub async fn create_draft(app: State<'_, App>, kind: MeetingKind) -> Result<RecordView, AppError> {
    app.create_draft(kind)
}

#[tauri::command]
pub async fn get_record(app: State<'_, App>, id: String) -> Result<RecordView, AppError> {
    app.get_record(&id)
}

/// The record arrives as plain JSON so that the core can name an unknown or mistyped field.
#[tauri::command]
pub async fn save_draft(
    app: State<'_, App>,
    record: serde_json::Value,
) -> Result<RecordView, AppError> {
    app.save_draft(record)
}

#[tauri::command]
pub async fn equal_treatment(
    app: State<'_, App>,
    id: String,
) -> Result<EqualTreatmentSummary, AppError> {
    app.equal_treatment(&id)
}

/// The texts of the policy with hash `policy` (a draft's own), else of the one in effect.
#[tauri::command]
pub fn policy_texts(
    app: State<'_, App>,
    kind: MeetingKind,
    lang: Lang,
    policy: Option<String>,
) -> PolicyTexts {
    app.policy_texts(kind, lang, policy.as_deref())
}

/// Throws a draft away with a reason.
#[tauri::command]
pub async fn discard_draft(
    app: State<'_, App>,
    id: String,
    reason: String,
) -> Result<(), AppError> {
    app.discard_draft(&id, &reason)
}

/// Leaving the editor: an untouched draft is discarded (returns whether it was).
#[tauri::command]
pub async fn leave_draft(app: State<'_, App>, id: String) -> Result<bool, AppError> {
    app.leave_draft(&id)
}

/// A correction (addendum) of a signed note, as a new draft.
#[tauri::command]
pub async fn create_addendum(
    app: State<'_, App>,
    original: String,
    reason: String,
) -> Result<RecordView, AppError> {
    app.create_addendum(&original, &reason)
}
