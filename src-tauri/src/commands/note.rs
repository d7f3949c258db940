//! Commands for the signed note: the staff member's key, finishing and signing in one step,
//! exporting a note to a folder the user picks, and verifying a note folder.
//!
//! The folder dialogs are opened from Rust (tauri-plugin-dialog), so the frontend never names
//! a path. Test hook: when `SAMTALENOTAT_TEST_EXPORT_DIR` / `SAMTALENOTAT_TEST_VERIFY_DIR` is
//! set, that folder is used instead of opening the dialog (docs/testing.md).
//!
//! Passphrases arrive as command arguments, are moved into `Zeroizing` buffers at once, used
//! for one scrypt call, and dropped; they are never logged or stored.

use std::path::{Path, PathBuf};

use samtalenotat_core::domain::rules::validate;
use samtalenotat_core::domain::{cpr_warnings, RecordId, StaffMember};
use samtalenotat_core::note::export::export_note as write_export;
use samtalenotat_core::note::keys::{self, KeyError, KeyInfo};
use samtalenotat_core::note::{
    self, verify_folder, NoteError, Signing, TrustedKeys, VerifyReport, ARTIFACT_WRITE_ORDER,
};
use samtalenotat_core::store::StoreError;
use serde::Serialize;
use tauri::{AppHandle, Runtime, State};
use tauri_plugin_dialog::DialogExt;
use zeroize::Zeroizing;

use super::error::{Code, IpcError};
use super::records::RecordView;
use crate::AppState;

/// Test hook: export here instead of asking with the folder dialog.
pub const TEST_EXPORT_DIR_ENV: &str = "SAMTALENOTAT_TEST_EXPORT_DIR";
/// Test hook: verify this folder instead of asking with the folder dialog.
pub const TEST_VERIFY_DIR_ENV: &str = "SAMTALENOTAT_TEST_VERIFY_DIR";

/// The folder in the data folder that holds the staff keys (mode 0700).
pub const KEYS_DIR_NAME: &str = "keys";

#[derive(Debug, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct KeyStatus {
    pub exists: bool,
    pub key_id: Option<String>,
    pub signer_name: Option<String>,
    pub signer_initials: Option<String>,
    pub public_key_path: Option<String>,
}

impl KeyStatus {
    fn of(info: Option<KeyInfo>) -> KeyStatus {
        match info {
            None => KeyStatus {
                exists: false,
                key_id: None,
                signer_name: None,
                signer_initials: None,
                public_key_path: None,
            },
            Some(info) => KeyStatus {
                exists: true,
                key_id: Some(info.key_id.to_string()),
                signer_name: Some(info.owner.name),
                signer_initials: Some(info.owner.initials),
                public_key_path: Some(info.public_key_path.display().to_string()),
            },
        }
    }
}

#[derive(Debug, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct ExportResult {
    pub folder: String,
    pub files: Vec<String>,
}

fn keys_dir(state: &AppState) -> PathBuf {
    state.data_dir.join(KEYS_DIR_NAME)
}

fn staff(state: &AppState) -> Result<StaffMember, IpcError> {
    Ok(state.store().load_settings()?.staff)
}

fn key_error(e: KeyError) -> IpcError {
    match e {
        KeyError::WrongPassphrase(_) => IpcError::new(Code::WrongPassphrase, e.to_string()),
        KeyError::NoKey(_) => IpcError::new(Code::NoKey, e.to_string()),
        KeyError::PassphraseTooShort | KeyError::PassphraseTooLong => {
            IpcError::new(Code::InvalidInput, e.to_string())
        }
        KeyError::NoStaffIdentity | KeyError::KeyExists { .. } => {
            IpcError::new(Code::InvalidInput, e.to_string())
        }
        KeyError::Io { .. } => IpcError::new(Code::Storage, e.to_string()),
        _ => IpcError::new(Code::Internal, e.to_string()),
    }
}

fn note_error(e: NoteError) -> IpcError {
    match e {
        NoteError::Store(StoreError::RulesNotMet(violations)) => IpcError::new(
            Code::RuleViolation,
            violations
                .iter()
                .filter(|v| v.is_blocking())
                .map(|v| format!("{} {} ({})", v.rule, v.field, v.code))
                .collect::<Vec<_>>()
                .join("; "),
        ),
        NoteError::Store(other) => other.into(),
        NoteError::Key(k) => key_error(k),
        // A character the note's font cannot print: the user must change the text.
        NoteError::MissingGlyph { .. } => IpcError::new(Code::InvalidInput, e.to_string()),
        NoteError::Io { .. } | NoteError::Conflict { .. } => {
            IpcError::new(Code::Storage, e.to_string())
        }
        other => IpcError::new(Code::Internal, other.to_string()),
    }
}

fn parse_id(id: &str) -> Result<RecordId, IpcError> {
    id.parse()
        .map_err(|_| IpcError::invalid_input("id", "must be a record id (26-character ULID)"))
}

/// The passphrase, bounded before it goes anywhere near scrypt.
fn passphrase(value: String) -> Result<Zeroizing<String>, IpcError> {
    let value = Zeroizing::new(value);
    if value.len() > keys::MAX_PASSPHRASE_BYTES {
        return Err(IpcError::invalid_input(
            "passphrase",
            &format!("must be at most {} bytes", keys::MAX_PASSPHRASE_BYTES),
        ));
    }
    Ok(value)
}

/// Whether the staff member set on this PC has a signing key.
#[tauri::command]
pub async fn key_status(state: State<'_, AppState>) -> Result<KeyStatus, IpcError> {
    let staff = staff(&state)?;
    if staff.initials.is_empty() {
        return Ok(KeyStatus::of(None));
    }
    let info = keys::find_key(&keys_dir(&state), &staff.initials).map_err(key_error)?;
    Ok(KeyStatus::of(info))
}

/// Makes the signing key of the staff member set on this PC.
#[tauri::command]
pub async fn create_key(
    state: State<'_, AppState>,
    passphrase: String,
) -> Result<KeyStatus, IpcError> {
    let pass = self::passphrase(passphrase)?;
    let staff = staff(&state)?;
    if staff.name.is_empty() || staff.initials.is_empty() {
        return Err(IpcError::invalid_input(
            "staff",
            "set your name and initials in the settings before making a signing key",
        ));
    }
    if pass.chars().count() < keys::MIN_PASSPHRASE_CHARS {
        return Err(IpcError::invalid_input(
            "passphrase",
            &format!("must be at least {} characters", keys::MIN_PASSPHRASE_CHARS),
        ));
    }
    let info = keys::generate_key(&keys_dir(&state), &staff, &pass, state.clock.now())
        .map_err(key_error)?;
    drop(pass);
    Ok(KeyStatus::of(Some(info)))
}

/// One step for the user: check the rules, unlock the key, make and sign the note, and store
/// the artifacts and the finished record in one transaction.
#[tauri::command]
pub async fn finish_and_sign(
    state: State<'_, AppState>,
    id: String,
    passphrase: String,
) -> Result<RecordView, IpcError> {
    let pass = self::passphrase(passphrase)?;
    let id = parse_id(&id)?;
    let settings = state.store().load_settings()?;
    let staff = settings.staff;
    // Rules first: a record that cannot be finished needs no passphrase.
    {
        let store = state.store();
        let record = store.get_record(id)?;
        let violations = validate(&record, state.policy, state.clock.now());
        if record.state == samtalenotat_core::domain::RecordState::Draft
            && violations.iter().any(|v| v.is_blocking())
        {
            return Err(note_error(NoteError::Store(StoreError::RulesNotMet(
                violations,
            ))));
        }
    }
    if staff.initials.is_empty() || staff.name.is_empty() {
        return Err(IpcError::new(
            Code::NoKey,
            "staff: no staff member is set in the settings, so there is no signing key",
        ));
    }
    let info = keys::find_key(&keys_dir(&state), &staff.initials)
        .map_err(key_error)?
        .ok_or_else(|| {
            IpcError::new(
                Code::NoKey,
                format!("no signing key for {}", staff.initials),
            )
        })?;
    let key = keys::unlock(&info.secret_key_path, &pass).map_err(key_error)?;
    drop(pass);
    let now = state.clock.now();
    let mut store = state.store();
    let actor = state.actor(&store);
    let signing = Signing {
        key: &key,
        signer: &staff,
        lang: settings.language,
    };
    let (record, _note) = note::finish_and_sign(&mut store, id, now, &actor, state.policy, signing)
        .map_err(note_error)?;
    drop(store);
    let violations = validate(&record, state.policy, now);
    let cpr_warnings = cpr_warnings(&record);
    Ok(RecordView {
        record,
        violations,
        cpr_warnings,
    })
}

async fn pick_folder<R: Runtime>(
    app: &AppHandle<R>,
    test_env: &str,
) -> Result<Option<PathBuf>, IpcError> {
    if let Some(dir) = std::env::var_os(test_env).filter(|v| !v.is_empty()) {
        return Ok(Some(PathBuf::from(dir)));
    }
    let handle = app.clone();
    // The blocking dialog must not run on the main (event loop) thread.
    let picked =
        tauri::async_runtime::spawn_blocking(move || handle.dialog().file().blocking_pick_folder())
            .await
            .map_err(|e| IpcError::new(Code::Internal, format!("folder dialog: {e}")))?;
    match picked {
        None => Ok(None),
        Some(path) => path
            .into_path()
            .map(Some)
            .map_err(|e| IpcError::new(Code::InvalidInput, format!("folder: {e}"))),
    }
}

/// Exports a signed note into `<picked folder>/<note id>/`; `null` when the user cancels.
#[tauri::command]
pub async fn export_note<R: Runtime>(
    app: AppHandle<R>,
    state: State<'_, AppState>,
    id: String,
) -> Result<Option<ExportResult>, IpcError> {
    let id = parse_id(&id)?.to_string();
    let artifacts = state.store().artifacts(&id)?;
    if artifacts.is_empty() {
        return Err(IpcError::new(
            Code::NotFound,
            format!("no signed note for record {id}"),
        ));
    }
    let Some(parent) = pick_folder(&app, TEST_EXPORT_DIR_ENV).await? else {
        return Ok(None);
    };
    let ordered: Vec<(&str, &[u8])> = ARTIFACT_WRITE_ORDER
        .iter()
        .filter_map(|name| {
            artifacts
                .iter()
                .find(|a| a.name == *name)
                .map(|a| (*name, a.bytes.as_slice()))
        })
        .collect();
    let (folder, files) = write_export(&parent, &id, &ordered).map_err(note_error)?;
    Ok(Some(ExportResult {
        folder: folder.display().to_string(),
        files,
    }))
}

/// Verifies a note folder the user picks. Keys: the folder's own signer.pub plus this PC's
/// keys folder.
#[tauri::command]
pub async fn verify_note_folder<R: Runtime>(
    app: AppHandle<R>,
    state: State<'_, AppState>,
) -> Result<Option<VerifyReport>, IpcError> {
    let Some(folder) = pick_folder(&app, TEST_VERIFY_DIR_ENV).await? else {
        return Ok(None);
    };
    // Trusted: this PC's own keys and the keys published on the share. A key directory that
    // cannot be read (share offline) only narrows what is known, it is not an error.
    let mut trusted = TrustedKeys::new();
    let settings = state.store().load_settings()?;
    let published = state
        .share_dir(&settings)
        .join(samtalenotat_core::sync::layout::ROOT)
        .join("keys");
    for dir in [keys_dir(&state), published] {
        if dir.is_dir() {
            let _ = trusted.add_dir(&dir);
        }
    }
    Ok(Some(verify_folder(Path::new(&folder), &trusted, true)))
}
