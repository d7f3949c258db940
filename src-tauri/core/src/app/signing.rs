//! Actions on the signed note: the staff member's key, finishing and signing in one step,
//! exporting a note to a folder, verifying a note folder.
//!
//! Passphrases arrive in `Zeroizing` buffers, are used for one scrypt call, and dropped; they
//! are never logged or stored.

use std::path::{Path, PathBuf};

use ts_rs::TS;

use zeroize::Zeroizing;

use super::error::{AppError, ErrorCode};
use super::input::parse_id;
use super::views::{ExportResult, KeyStatus, RecordView};
use super::App;
use crate::domain::rules::{can_finish, validate};
use crate::domain::{MeetingRecord, Policy, RecordId, RecordState, StaffMember};
use crate::note::export::{export_note, ExportFolderName};
use crate::note::keys::{self, KeyInfo};
use crate::note::{sign_note, SignedNote, Signing, ARTIFACT_WRITE_ORDER, NOTE_PDF};
use crate::store::artifacts::NewArtifact;
use crate::store::Store;

impl App {
    /// Whether the staff member set on this PC has a signing key.
    pub fn key_status(&self) -> Result<KeyStatus, AppError> {
        let staff = self.store().load_settings()?.staff;
        if staff.initials.is_empty() {
            return Ok(KeyStatus::of(None));
        }
        let info = keys::find_key(&self.keys_dir(), &staff.initials)?;
        Ok(self.key_status_of(info))
    }

    fn key_status_of(&self, info: Option<KeyInfo>) -> KeyStatus {
        let endorsement = info.as_ref().map(|info| {
            let public = std::fs::read_to_string(&info.public_key_path)
                .ok()
                .and_then(|t| crate::note::keys::PublicKeyFile::parse(&t).ok());
            match public {
                Some(p) => self.endorsement_of(info.key_id, &p.base64),
                None => super::trust::Endorsement::Pending,
            }
        });
        let mut status = KeyStatus::of(info);
        status.endorsement = endorsement;
        status
    }

    /// Makes the signing key of the staff member set on this PC.
    pub fn create_key(&self, passphrase: Zeroizing<String>) -> Result<KeyStatus, AppError> {
        let staff = self.store().load_settings()?.staff;
        if staff.name.is_empty() || staff.initials.is_empty() {
            return Err(no_staff());
        }
        keys::check_new_passphrase(&passphrase)?;
        let now = self.checked_now()?;
        let info = keys::generate_key(&self.keys_dir(), &staff, &passphrase, now)?;
        // Published at once (through the outbox), so the administration can endorse it before
        // the first note is signed with it.
        let public = std::fs::read(&info.public_key_path).map_err(|e| {
            AppError::new(
                ErrorCode::FileAccess,
                format!("{}: {e}", info.public_key_path.display()),
            )
        })?;
        self.store().queue_key_publication(
            &info.key_id.to_string(),
            &public,
            &crate::domain::time::timestamp(now),
        )?;
        Ok(self.key_status_of(Some(info)))
    }

    /// Replaces a lost key (forgotten passphrase): the current key is retired (moved aside, not
    /// deleted), a new one is made with `passphrase` and sent to the share for endorsement,
    /// like a first key. The passphrase is checked before anything moves.
    pub fn replace_key(&self, passphrase: Zeroizing<String>) -> Result<KeyStatus, AppError> {
        let staff = self.store().load_settings()?.staff;
        if staff.name.is_empty() || staff.initials.is_empty() {
            return Err(no_staff());
        }
        keys::check_new_passphrase(&passphrase)?;
        let now = self.checked_now()?;
        let current = keys::find_key(&self.keys_dir(), &staff.initials)?.ok_or_else(|| {
            AppError::new(
                ErrorCode::NoKey,
                format!("no signing key for {} to replace", staff.initials),
            )
        })?;
        keys::retire_key(&self.keys_dir(), &current, now)?;
        self.create_key(passphrase)
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
            let violations = validate(&record, &self.policy_for_in(&store, &record.policy), now);
            if !can_finish(&violations) {
                return Err(AppError::rule_violation(violations));
            }
            if let Some(to) = &record.addendum_to {
                // The original must still be there, signed, with the hash pointed to.
                let original = store.get_record(to.record_id)?;
                let signed = store.artifact(&to.record_id.to_string(), crate::note::NOTE_JSON)?;
                let hash = signed.map_or_else(|| original.content_hash(), |a| a.sha256);
                if original.state != RecordState::Finished || hash != to.content_hash {
                    return Err(AppError::field(
                        ErrorCode::InvalidInput,
                        "addendum_to.content_hash",
                        "the addendum does not point to the original's signed content",
                    ));
                }
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
        // The draft's own policy: the one it was started (and checked) under.
        let policy = {
            let store = self.store();
            let draft_policy = store.get_record(id)?.policy;
            drop(store);
            self.policy_for(&draft_policy)
        };
        let mut store = self.store();
        let actor = self.actor(&store);
        let (record, _note) = finish_and_store_note(&mut store, id, now, &actor, &policy, signing)?;
        Ok(self.view(&store, record))
    }

    /// Marks a signed note as filed in the case (G-NOTICE-CASE): when (as staff state it) and
    /// the case system's document number, if any, as a receipt signed with the staff key and
    /// synced like the note. Once per note.
    pub fn mark_filed(
        &self,
        id: &str,
        filed_at: &str,
        document_number: &str,
        passphrase: Zeroizing<String>,
    ) -> Result<RecordView, AppError> {
        use crate::domain::input::{clean_text, MAX_NUMBER_CHARS};
        use crate::note::filing::{
            sign_receipt, FilingReceipt, FILING_FORMAT, FILING_JSON, FILING_SIG,
        };
        let id = parse_id("id", id)?;
        let now = self.checked_now()?;
        let filed_at = chrono::DateTime::parse_from_rfc3339(filed_at)
            .map(|t| t.with_timezone(&chrono::Utc))
            .map_err(|_| AppError::field(ErrorCode::BadDate, "filed_at", "filed_at: not a time"))?;
        let document_number = clean_text("document_number", document_number, MAX_NUMBER_CHARS)?;
        let (record, note) = {
            let store = self.store();
            let record = store.get_record(id)?;
            let note = store.artifact(&id.to_string(), crate::note::NOTE_JSON)?;
            if store.filing(&id.to_string())?.is_some() {
                return Err(AppError::new(
                    ErrorCode::AlreadyFiled,
                    format!("note {id} is marked as filed already"),
                ));
            }
            (record, note)
        };
        let (Some(finished_at), Some(note)) = (record.finished_at, note) else {
            return Err(AppError::new(
                ErrorCode::RecordNotFinished,
                format!("record {id} has no signed note to file"),
            ));
        };
        // Filed after it was signed, and not in the future.
        if filed_at < finished_at || filed_at > now {
            return Err(AppError::field(
                ErrorCode::TimeOutOfRange,
                "filed_at",
                format!("filed_at: must lie between the signing ({finished_at}) and now"),
            )
            .with_params(super::ErrorParams {
                min: Some(crate::domain::time::timestamp(finished_at)),
                max: Some(crate::domain::time::timestamp(now)),
                ..Default::default()
            }));
        }
        let settings = self.store().load_settings()?;
        let staff = settings.staff;
        if staff.initials.is_empty() || staff.name.is_empty() {
            return Err(no_staff());
        }
        let key = keys::unlock(&self.staff_key(&staff)?.secret_key_path, &passphrase)?;
        drop(passphrase);
        // Named in the receipt as in a note: clean text only.
        let staff = crate::domain::input::clean_signer(&staff)?;
        let receipt = FilingReceipt {
            format: FILING_FORMAT.into(),
            format_version: 1,
            note_id: id.to_string(),
            note_content_hash: note.sha256.clone(),
            case_number: record.meeting.case_number.clone(),
            filed_at: crate::domain::time::timestamp(filed_at),
            document_number: document_number.clone(),
            recorded_at: crate::domain::time::timestamp(now),
            signer: crate::note::NoteSigner {
                name: staff.name.clone(),
                initials: staff.initials.clone(),
                key_id: key.key_id().to_string(),
            },
        };
        let (bytes, sig) = sign_receipt(&key, &receipt)?;
        let mut store = self.store();
        let actor = self.actor(&store);
        store.record_filing(
            &crate::store::filings::CaseFiling {
                note_id: id.to_string(),
                filed_at: receipt.filed_at.clone(),
                document_number,
                recorded_at: receipt.recorded_at.clone(),
                actor,
            },
            &[
                NewArtifact {
                    name: FILING_JSON,
                    bytes,
                },
                NewArtifact {
                    name: FILING_SIG,
                    bytes: sig,
                },
            ],
        )?;
        let record = store.get_record(id)?;
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

    /// Writes a signed note's files into `<parent>/<day case short-id>/` (see
    /// [`ExportFolderName`]), and remembers the parent for the next export and the folder for
    /// "Åbn PDF" / "Åbn mappe".
    pub fn export_note(&self, id: &str, parent: &Path) -> Result<ExportResult, AppError> {
        let record_id = parse_id("id", id)?;
        let id = record_id.to_string();
        if !parent.is_absolute() {
            return Err(AppError::field(
                ErrorCode::BadPath,
                "folder",
                "folder: must be an absolute path",
            ));
        }
        let store = self.store();
        let artifacts = store.artifacts(&id)?;
        if artifacts.is_empty() {
            return Err(AppError::new(
                ErrorCode::NotFound,
                format!("no signed note for record {id}"),
            ));
        }
        let record = store.get_record(record_id)?;
        let when = record.meeting.starts_at.unwrap_or(record.created_at);
        let day = crate::note::localtime::copenhagen(when).date_naive();
        let name = ExportFolderName::new(day, &record.meeting.case_number, &id)?;
        let ordered: Vec<(&str, &[u8])> = ARTIFACT_WRITE_ORDER
            .iter()
            .filter_map(|name| {
                artifacts
                    .iter()
                    .find(|a| a.name == *name)
                    .map(|a| (*name, a.bytes.as_slice()))
            })
            .collect();
        let (folder, files) = export_note(parent, &name, &ordered)?;
        let folder_text = folder.display().to_string();
        store.set_setting(LAST_EXPORT_DIR_KEY, &parent.display().to_string())?;
        store.set_setting(&exported_key(&id), &folder_text)?;
        Ok(ExportResult {
            folder: folder_text,
            files,
        })
    }

    /// The folder the last export went to, while it is still a folder (the dialog opens there).
    pub fn last_export_dir(&self) -> Option<PathBuf> {
        let dir: String = self.store().setting(LAST_EXPORT_DIR_KEY).ok().flatten()?;
        let dir = PathBuf::from(dir);
        std::fs::symlink_metadata(&dir)
            .is_ok_and(|m| m.is_dir())
            .then_some(dir)
    }

    /// What "Åbn PDF" or "Åbn mappe" may open for note `id`: only the folder this PC exported
    /// the note to, or the PDF in it, while they are still a real folder and file (never a
    /// link planted since). The page never names a path.
    pub fn exported_path(&self, id: &str, target: &str) -> Result<PathBuf, AppError> {
        let id = parse_id("id", id)?.to_string();
        let target = ExportedTarget::parse("target", target)?;
        let folder: Option<String> = self.store().setting(&exported_key(&id))?;
        let missing = || {
            AppError::new(
                ErrorCode::NotFound,
                format!("note {id} has not been exported on this PC, or the folder is gone"),
            )
        };
        let folder = PathBuf::from(folder.ok_or_else(missing)?);
        let path = match target {
            ExportedTarget::Folder => folder,
            ExportedTarget::Pdf => folder.join(NOTE_PDF),
        };
        let meta = std::fs::symlink_metadata(&path).map_err(|_| missing())?;
        let expected = match target {
            ExportedTarget::Folder => meta.is_dir(),
            ExportedTarget::Pdf => meta.is_file(),
        };
        if expected {
            Ok(path)
        } else {
            Err(missing())
        }
    }
}

/// What of an exported note to open.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum ExportedTarget {
    Pdf,
    Folder,
}

impl ExportedTarget {
    pub fn parse(field: &str, text: &str) -> Result<ExportedTarget, AppError> {
        match text {
            "pdf" => Ok(ExportedTarget::Pdf),
            "folder" => Ok(ExportedTarget::Folder),
            _ => Err(AppError::field(
                ErrorCode::InvalidInput,
                field,
                format!("{field}: must be \"pdf\" or \"folder\""),
            )),
        }
    }
}

const LAST_EXPORT_DIR_KEY: &str = "last_export_dir";

fn exported_key(id: &str) -> String {
    format!("exported.{id}")
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
