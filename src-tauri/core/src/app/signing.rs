//! Actions on the signed note: the staff member's key, finishing and signing in one step,
//! exporting a note to a folder, verifying a note folder.
//!
//! Passphrases arrive in `Zeroizing` buffers, are used for one scrypt call, and dropped; they
//! are never logged or stored.

use std::path::Path;

use zeroize::Zeroizing;

use super::error::{AppError, ErrorCode};
use super::input::parse_id;
use super::views::{ExportResult, KeyStatus, RecordView};
use super::App;
use crate::domain::rules::{can_finish, validate};
use crate::domain::{MeetingRecord, Policy, RecordId, RecordState, StaffMember};
use crate::note::export::export_note;
use crate::note::keys::{self, KeyInfo};
use crate::note::{
    sign_note, verify_folder, SignedNote, Signing, TrustedKeys, VerifyReport, ARTIFACT_WRITE_ORDER,
};
use crate::store::artifacts::NewArtifact;
use crate::store::Store;

impl App {
    /// Whether the staff member set on this PC has a signing key.
    pub fn key_status(&self) -> Result<KeyStatus, AppError> {
        let staff = self.store().load_settings()?.staff;
        if staff.initials.is_empty() {
            return Ok(KeyStatus::of(None));
        }
        Ok(KeyStatus::of(keys::find_key(
            &self.keys_dir(),
            &staff.initials,
        )?))
    }

    /// Makes the signing key of the staff member set on this PC.
    pub fn create_key(&self, passphrase: Zeroizing<String>) -> Result<KeyStatus, AppError> {
        let staff = self.store().load_settings()?.staff;
        if staff.name.is_empty() || staff.initials.is_empty() {
            return Err(no_staff());
        }
        keys::check_new_passphrase(&passphrase)?;
        let info = keys::generate_key(&self.keys_dir(), &staff, &passphrase, self.checked_now()?)?;
        Ok(KeyStatus::of(Some(info)))
    }

    /// One step for the user: check the rules, unlock the key, make and sign the note, and
    /// store the artifacts and the finished record in one transaction. Either the record is
    /// finished with its signed note, or nothing changed.
    pub fn finish_and_sign(
        &self,
        id: &str,
        passphrase: Zeroizing<String>,
    ) -> Result<RecordView, AppError> {
        let id = parse_id("id", id)?;
        let settings = self.store().load_settings()?;
        let now = self.checked_now()?;
        // Rules first: a record that cannot be finished needs no passphrase.
        {
            let store = self.store();
            let record = store.get_record(id)?;
            if record.state != RecordState::Draft {
                return Err(AppError::new(
                    ErrorCode::RecordFinished,
                    format!("record {id} is finished already"),
                ));
            }
            let violations = validate(&record, self.policy(), now);
            if !can_finish(&violations) {
                return Err(AppError::rule_violation(violations));
            }
        }
        let staff = settings.staff;
        if staff.initials.is_empty() || staff.name.is_empty() {
            return Err(no_staff());
        }
        let info = self.staff_key(&staff)?;
        let key = keys::unlock(&info.secret_key_path, &passphrase)?;
        drop(passphrase);
        let signing = Signing {
            key: &key,
            signer: &staff,
            lang: settings.language,
        };
        let mut store = self.store();
        let actor = self.actor(&store);
        let (record, _note) =
            finish_and_store_note(&mut store, id, now, &actor, self.policy(), signing)?;
        Ok(self.view(&store, record))
    }

    fn staff_key(&self, staff: &StaffMember) -> Result<KeyInfo, AppError> {
        keys::find_key(&self.keys_dir(), &staff.initials)?.ok_or_else(|| {
            AppError::new(
                ErrorCode::NoKey,
                format!("no signing key for {}", staff.initials),
            )
        })
    }

    /// Writes a signed note's files into `<parent>/<note id>/`.
    pub fn export_note(&self, id: &str, parent: &Path) -> Result<ExportResult, AppError> {
        let id = parse_id("id", id)?.to_string();
        if !parent.is_absolute() {
            return Err(AppError::field(
                ErrorCode::BadPath,
                "folder",
                "folder: must be an absolute path",
            ));
        }
        let artifacts = self.store().artifacts(&id)?;
        if artifacts.is_empty() {
            return Err(AppError::new(
                ErrorCode::NotFound,
                format!("no signed note for record {id}"),
            ));
        }
        let ordered: Vec<(&str, &[u8])> = ARTIFACT_WRITE_ORDER
            .iter()
            .filter_map(|name| {
                artifacts
                    .iter()
                    .find(|a| a.name == *name)
                    .map(|a| (*name, a.bytes.as_slice()))
            })
            .collect();
        let (folder, files) = export_note(parent, &id, &ordered)?;
        Ok(ExportResult {
            folder: folder.display().to_string(),
            files,
        })
    }

    /// Verifies a note folder. Trusted: this PC's own keys and the keys published on the
    /// share. A key folder that cannot be read (share offline) only narrows what is known.
    pub fn verify_note_folder(&self, folder: &Path) -> Result<VerifyReport, AppError> {
        if !folder.is_dir() {
            return Err(AppError::field(
                ErrorCode::BadPath,
                "folder",
                format!("{} is not a folder", folder.display()),
            ));
        }
        let mut trusted = TrustedKeys::new();
        let published = self
            .share_in_effect()
            .path
            .join(crate::sync::layout::ROOT)
            .join("keys");
        for dir in [self.keys_dir(), published] {
            if dir.is_dir() {
                // Problems with single files are in the load report; the rest still count.
                let _report = trusted.add_dir(&dir);
            }
        }
        Ok(verify_folder(folder, &trusted, true))
    }
}

fn no_staff() -> AppError {
    AppError::field(
        ErrorCode::NoStaff,
        "staff",
        "staff: set your name and initials in the settings first",
    )
}

/// Checks the rules, makes and signs the note of the finished record, and stores the
/// artifacts and the finished record in ONE transaction. [`App::finish_and_sign`] is this
/// plus the key and the passphrase; public for the signing benchmark, which keeps the key
/// unlocked to measure the rest.
pub fn finish_and_store_note(
    store: &mut Store,
    id: RecordId,
    now: chrono::DateTime<chrono::Utc>,
    actor: &str,
    policy: &Policy,
    signing: Signing<'_>,
) -> Result<(MeetingRecord, SignedNote), AppError> {
    let mut made = None;
    let record = store.finish_record_with(id, now, actor, policy, |finished| {
        let note = sign_note(finished, policy, signing, now)?;
        let artifacts = new_artifacts(&note);
        made = Some(note);
        Ok::<_, AppError>(artifacts)
    })?;
    let note = made.ok_or_else(|| AppError::internal("the note was not made"))?;
    Ok((record, note))
}

fn new_artifacts(note: &SignedNote) -> Vec<NewArtifact> {
    note.artifacts()
        .into_iter()
        .map(|(name, bytes)| NewArtifact {
            name,
            bytes: bytes.to_vec(),
        })
        .collect()
}
