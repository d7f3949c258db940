//! Commands for the signed note: the key, finishing and signing in one step, exporting a
//! note to a folder the user picks, verifying a note folder.
//!
//! The folder dialogs are opened here, from Rust (tauri-plugin-dialog), so the page never
//! names a path. Passphrases are moved into `Zeroizing` buffers at once.

use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex};

use samtalenotat_core::app::input::{parse_id, passphrase};
use samtalenotat_core::app::trust::{AdminKeyStatus, FolderVerification};
use samtalenotat_core::app::{App, AppError, ErrorCode, ExportResult, KeyStatus, RecordView};
use tauri::{AppHandle, Runtime, State};
use tauri_plugin_dialog::DialogExt;

use crate::test_hooks;

/// Where folder choices come from: the system dialog, or a fixed answer (tests on the mock
/// runtime, which has no dialog). Managed state, so a release build has no other way in.
#[derive(Debug, Clone, Default)]
pub enum FolderChoice {
    #[default]
    Dialog,
    Fixed {
        export: Option<PathBuf>,
        verify: Option<PathBuf>,
    },
}

#[tauri::command]
pub async fn key_status(app: State<'_, App>) -> Result<KeyStatus, AppError> {
    app.key_status()
}

#[tauri::command]
pub async fn create_key(app: State<'_, App>, passphrase: String) -> Result<KeyStatus, AppError> {
    app.create_key(self::passphrase(passphrase)?)
}

/// A new key in place of a lost one (the old one is retired, not deleted).
#[tauri::command]
pub async fn replace_key(app: State<'_, App>, passphrase: String) -> Result<KeyStatus, AppError> {
    app.replace_key(self::passphrase(passphrase)?)
}

#[tauri::command]
pub async fn finish_and_sign(
    app: State<'_, App>,
    id: String,
    passphrase: String,
) -> Result<RecordView, AppError> {
    app.finish_and_sign(&id, self::passphrase(passphrase)?)
}

#[tauri::command]
pub async fn admin_key_status(app: State<'_, App>) -> Result<AdminKeyStatus, AppError> {
    Ok(app.admin_key_status())
}

/// Takes the administration key entered in the settings when the typed fingerprint matches.
#[tauri::command(rename_all = "snake_case")]
pub async fn confirm_admin_key(
    app: State<'_, App>,
    public_key: String,
    fingerprint: String,
) -> Result<AdminKeyStatus, AppError> {
    app.confirm_admin_key(&public_key, &fingerprint)
}

/// Marks a signed note as filed in the case, with a signed receipt.
#[tauri::command(rename_all = "snake_case")]
pub async fn mark_filed(
    app: State<'_, App>,
    id: String,
    filed_at: String,
    document_number: String,
    passphrase: String,
) -> Result<RecordView, AppError> {
    app.mark_filed(
        &id,
        &filed_at,
        &document_number,
        self::passphrase(passphrase)?,
    )
}

/// Exports a signed note into `<picked folder>/<day case short-id>/`; the dialog opens where
/// the last export went; `null` when the user cancels.
#[tauri::command]
pub async fn export_note<R: Runtime>(
    handle: AppHandle<R>,
    app: State<'_, App>,
    choice: State<'_, FolderChoice>,
    id: String,
) -> Result<Option<ExportResult>, AppError> {
    parse_id("id", &id)?;
    let start = app.last_export_dir();
    let Some(folder) = pick_folder(&handle, &choice, Purpose::Export, start).await? else {
        return Ok(None);
    };
    app.export_note(&id, &folder).map(Some)
}

/// "Åbn PDF" / "Åbn mappe": opens what this PC exported for note `id`, with the desktop's
/// own program. The path comes from the core, never from the page.
#[tauri::command]
pub async fn open_exported(
    app: State<'_, App>,
    opener: State<'_, Opener>,
    id: String,
    target: String,
) -> Result<(), AppError> {
    opener.open(&app.exported_path(&id, &target)?)
}

/// How an exported file is opened: by the desktop (`open`, i.e. xdg-open / the Windows
/// shell), or, in tests, only written down.
#[derive(Debug, Clone, Default)]
pub enum Opener {
    #[default]
    System,
    Recorded(Arc<Mutex<Vec<PathBuf>>>),
}

impl Opener {
    fn open(&self, path: &Path) -> Result<(), AppError> {
        if let Opener::Recorded(opened) = self {
            opened
                .lock()
                .unwrap_or_else(|p| p.into_inner())
                .push(path.to_owned());
            return Ok(());
        }
        if let Some(log) = test_hooks::folder(test_hooks::OPENED_LOG_ENV) {
            return test_hooks::note_opened(&log, path)
                .map_err(|e| AppError::internal(format!("{}: {e}", log.display())));
        }
        open::that_detached(path)
            .map_err(|e| AppError::new(ErrorCode::OpenFailed, format!("{}: {e}", path.display())))
    }
}

/// Verifies a note folder the user picks; `null` when the user cancels.
#[tauri::command]
pub async fn verify_note_folder<R: Runtime>(
    handle: AppHandle<R>,
    app: State<'_, App>,
    choice: State<'_, FolderChoice>,
) -> Result<Option<FolderVerification>, AppError> {
    let Some(folder) = pick_folder(&handle, &choice, Purpose::Verify, None).await? else {
        return Ok(None);
    };
    app.verify_note_folder(&folder).map(Some)
}

#[derive(Clone, Copy)]
pub(crate) enum Purpose {
    Export,
    Verify,
}

/// The system folder dialog, off the event-loop thread (it blocks until the user answers).
pub(crate) async fn pick_folder<R: Runtime>(
    handle: &AppHandle<R>,
    choice: &FolderChoice,
    purpose: Purpose,
    start: Option<PathBuf>,
) -> Result<Option<PathBuf>, AppError> {
    if let FolderChoice::Fixed { export, verify } = choice {
        return Ok(match purpose {
            Purpose::Export => export.clone(),
            Purpose::Verify => verify.clone(),
        });
    }
    let env = match purpose {
        Purpose::Export => test_hooks::EXPORT_DIR_ENV,
        Purpose::Verify => test_hooks::VERIFY_DIR_ENV,
    };
    if let Some(dir) = test_hooks::folder(env) {
        return Ok(Some(dir));
    }
    let handle = handle.clone();
    let picked = tauri::async_runtime::spawn_blocking(move || {
        let dialog = handle.dialog().file();
        match start {
            Some(dir) => dialog.set_directory(dir),
            None => dialog,
        }
        .blocking_pick_folder()
    })
    .await
    .map_err(|e| AppError::internal(format!("folder dialog: {e}")))?;
    picked
        .map(|path| {
            path.into_path()
                .map_err(|e| AppError::internal(format!("folder dialog: {e}")))
        })
        .transpose()
}
