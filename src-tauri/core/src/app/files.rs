//! Actions on files rather than on this PC's database: what the command-line tool does with
//! a record file, a key folder or a note folder. Same parsing, rules and signing as the
//! window's actions.

use std::path::{Path, PathBuf};

use chrono::{DateTime, Utc};
use zeroize::Zeroizing;

use super::error::{AppError, ErrorCode, ErrorParams};
use super::input::{check_record_times, from_json_text, MAX_DOCUMENT_BYTES};
use crate::domain::rules::{can_finish, validate};
use crate::domain::{
    validate_incident, Lang, MeetingKind, MeetingRecord, MisuseIncident, Policy, RecordState,
    StaffMember, Violation,
};
use crate::note::export::write_note_folder;
use crate::note::keys::{self, KeyInfo, KeyOwner, PublicKeyFile};
use crate::note::{sign_note, verify_folder, Signing, TrustedKeys, VerifyReport};
use crate::trust::{AdminKey, NoteChecker, NoteVerdict, TrustSet};

/// Reads a JSON file of at most [`MAX_DOCUMENT_BYTES`].
pub fn read_document(path: &Path) -> Result<String, AppError> {
    let file_error = |e: std::io::Error| {
        AppError::new(ErrorCode::FileAccess, format!("{}: {e}", path.display())).with_params(
            ErrorParams {
                path: Some(path.display().to_string()),
                ..ErrorParams::default()
            },
        )
    };
    let len = std::fs::metadata(path).map_err(file_error)?.len();
    if len > MAX_DOCUMENT_BYTES as u64 {
        return Err(AppError::new(
            ErrorCode::TextTooLong,
            format!(
                "{}: {len} bytes, more than {MAX_DOCUMENT_BYTES}",
                path.display()
            ),
        ));
    }
    std::fs::read_to_string(path).map_err(file_error)
}

/// Parses a file's JSON as `T`; the message names the file (serde's says where in it).
fn parse_file<T: serde::de::DeserializeOwned>(path: &Path, text: &str) -> Result<T, AppError> {
    from_json_text(text).map_err(|mut e: AppError| {
        e.message = format!("{}: {}", path.display(), e.message);
        e
    })
}

/// A record file, parsed strictly (unknown fields refused, times bounded).
pub fn read_record(path: &Path) -> Result<MeetingRecord, AppError> {
    let record: MeetingRecord = parse_file(path, &read_document(path)?)?;
    check_record_times(&record)?;
    Ok(record)
}

/// What `validate` found in a file: a meeting record or a misuse incident.
#[derive(Debug, Clone)]
pub struct FileValidation {
    pub violations: Vec<Violation>,
    /// The meeting kind whose words the messages use.
    pub kind: MeetingKind,
}

impl FileValidation {
    pub fn can_finish(&self) -> bool {
        can_finish(&self.violations)
    }
}

/// Checks a meeting record (or misuse incident) file against the guideline's rules.
pub fn validate_file(
    path: &Path,
    policy: &Policy,
    now: DateTime<Utc>,
) -> Result<FileValidation, AppError> {
    let text = read_document(path)?;
    let value: serde_json::Value = parse_file(path, &text)?;
    // A misuse incident has `meeting_id`; a meeting record has `meeting`.
    if value.get("meeting_id").is_some() {
        let incident: MisuseIncident = parse_file(path, &text)?;
        return Ok(FileValidation {
            violations: validate_incident(&incident, now),
            kind: MeetingKind::Citizen,
        });
    }
    let record: MeetingRecord = parse_file(path, &text)?;
    check_record_times(&record)?;
    Ok(FileValidation {
        violations: validate(&record, policy, now),
        kind: record.meeting.kind,
    })
}

/// Makes a staff member's signing key in `dir`.
pub fn create_key_in(
    dir: &Path,
    name: &str,
    initials: &str,
    passphrase: &Zeroizing<String>,
    now: DateTime<Utc>,
) -> Result<KeyInfo, AppError> {
    use crate::domain::input::{clean_required_text, MAX_INITIALS_CHARS, MAX_NAME_CHARS};
    let staff = StaffMember {
        name: clean_required_text("name", name, MAX_NAME_CHARS)?,
        initials: clean_required_text("initials", initials, MAX_INITIALS_CHARS)?,
    };
    Ok(keys::generate_key(dir, &staff, passphrase, now)?)
}

/// A note signed from a record file.
#[derive(Debug, Clone)]
pub struct SignedFolder {
    pub note_id: String,
    pub key_id: String,
    pub content_hash: String,
    pub files: Vec<PathBuf>,
}

/// What signing a record file needs.
pub struct SignFile<'a> {
    pub record: &'a Path,
    pub key: &'a Path,
    pub out: &'a Path,
    pub lang: Lang,
    pub policy: &'a Policy,
    pub now: DateTime<Utc>,
}

/// Finishes a draft record file (it must pass the rules) and writes its signed note to
/// `out`. The signer is the key's owner file beside it, else the meeting lead.
pub fn sign_file(
    request: SignFile<'_>,
    passphrase: Zeroizing<String>,
) -> Result<SignedFolder, AppError> {
    let record = read_record(request.record)?;
    if record.state != RecordState::Draft {
        return Err(AppError::new(
            ErrorCode::RecordFinished,
            "the record is already finished; a correction is an addendum",
        ));
    }
    let violations = validate(&record, request.policy, request.now);
    if !can_finish(&violations) {
        return Err(AppError::rule_violation(violations));
    }
    let key = keys::unlock(request.key, &passphrase)?;
    drop(passphrase);
    let owner_path = request.key.with_extension("signer.json");
    let signer = std::fs::read_to_string(&owner_path)
        .ok()
        .and_then(|t| serde_json::from_str::<KeyOwner>(&t).ok())
        .map(|o| StaffMember {
            name: o.name,
            initials: o.initials,
        })
        .unwrap_or_else(|| record.meeting.lead.clone());
    let mut finished = record;
    finished.policy = request.policy.reference();
    finished.state = RecordState::Finished;
    finished.finished_at = Some(request.now);
    finished.updated_at = request.now;
    let signing = Signing {
        key: &key,
        signer: &signer,
        lang: request.lang,
    };
    let note = sign_note(&finished, request.policy, signing, request.now)?;
    let files = write_note_folder(request.out, &note.artifacts())?;
    Ok(SignedFolder {
        note_id: note.note_id.clone(),
        key_id: key.key_id().to_string(),
        content_hash: note.content_hash.clone(),
        files: files.iter().map(|f| request.out.join(f)).collect(),
    })
}

/// Verifies a note folder against the keys in `keys` (every `*.pub`), or, without, against
/// the folder's own `signer.pub` (intact, but not who signed).
pub fn verify_with_keys(dir: &Path, keys: Option<&Path>) -> Result<VerifyReport, AppError> {
    if !dir.is_dir() {
        return Err(AppError::field(
            ErrorCode::BadPath,
            "folder",
            format!("{} is not a folder", dir.display()),
        ));
    }
    let Some(keys) = keys else {
        return Ok(verify_folder(dir, &TrustedKeys::new(), true));
    };
    let mut trusted = TrustedKeys::new();
    let loaded = trusted
        .add_dir(keys)
        .map_err(|e| AppError::new(ErrorCode::FileAccess, format!("{}: {e}", keys.display())))?;
    // Keys that were there but refused (e.g. two under one id) leave a verification that
    // fails and says why; only a folder with no key file at all is a usage error.
    if loaded.added == 0 && loaded.skipped.is_empty() {
        return Err(AppError::field(
            ErrorCode::BadPath,
            "keys",
            format!("no public keys (*.pub) in {}", keys.display()),
        ));
    }
    // A folder as it lies on the share has no signer.pub: its key comes from `keys`.
    if dir.join(crate::note::SIGNER_PUB).exists() {
        Ok(verify_folder(dir, &trusted, false))
    } else {
        Ok(crate::note::verify_share_folder(dir, &trusted))
    }
}

fn read_public_key(path: &Path, field: &str) -> Result<PublicKeyFile, AppError> {
    let text = read_document(path)?;
    PublicKeyFile::parse(&text).map_err(|e| {
        AppError::field(
            ErrorCode::InvalidInput,
            field,
            format!("{}: not a minisign public key: {e}", path.display()),
        )
    })
}

/// Verifies a note folder against the administration's endorsements on `share`, believing
/// only what the administration key in `admin_pub` signed.
pub fn verify_with_administration(
    dir: &Path,
    share: &Path,
    admin_pub: &Path,
) -> Result<(NoteVerdict, TrustSet), AppError> {
    if !dir.is_dir() {
        return Err(AppError::field(
            ErrorCode::BadPath,
            "folder",
            format!("{} is not a folder", dir.display()),
        ));
    }
    let admin = AdminKey {
        key: read_public_key(admin_pub, "admin_key")?,
    };
    let set = TrustSet::load(&admin, share);
    Ok((set.check(dir), set))
}

/// The administration key's owner file says this, so a key folder shows what it holds.
const ADMIN_OWNER: (&str, &str) = ("Samtalenotat administration", "ADMIN");

/// Makes the administration key in `dir` (kept by IT or HR/Jura, off the meeting-room PCs).
pub fn create_admin_key(
    dir: &Path,
    passphrase: &Zeroizing<String>,
    now: DateTime<Utc>,
) -> Result<(KeyInfo, String), AppError> {
    let info = keys::generate_key(
        dir,
        &StaffMember {
            name: ADMIN_OWNER.0.into(),
            initials: ADMIN_OWNER.1.into(),
        },
        passphrase,
        now,
    )?;
    let public = read_public_key(&info.public_key_path, "admin_key")?;
    Ok((info, crate::trust::fingerprint(&public)))
}

/// What an endorsement or revocation is made with.
pub struct AdminAction<'a> {
    pub admin_secret: &'a Path,
    pub share: &'a Path,
    /// The staff member's public key file.
    pub staff_key: &'a Path,
    pub now: DateTime<Utc>,
}

fn admin_error(e: crate::trust::admin::AdminError) -> AppError {
    use crate::trust::admin::AdminError;
    match e {
        AdminError::NotAShare(p) => AppError::new(
            ErrorCode::ShareMissing,
            format!(
                "{} has no samtalenotat folder: is the share mounted?",
                p.display()
            ),
        ),
        AdminError::Link(m) => AppError::new(ErrorCode::ShareIo, m),
        AdminError::Exists { .. } => AppError::new(ErrorCode::ExportConflict, e.to_string()),
        AdminError::NotAPolicy(_) => {
            AppError::field(ErrorCode::InvalidInput, "policy", e.to_string())
        }
        AdminError::Note(n) => n.into(),
    }
}

/// Publishes a policy file on the share, signed with the administration key.
pub fn publish_policy(
    admin_secret: &Path,
    share: &Path,
    policy_file: &Path,
    passphrase: Zeroizing<String>,
) -> Result<PathBuf, AppError> {
    let text = read_document(policy_file)?;
    let admin = keys::unlock(admin_secret, &passphrase)?;
    drop(passphrase);
    crate::trust::admin::publish_policy(&admin, share, &text).map_err(admin_error)
}

/// Publishes the endorsement of a staff key for the named person from `valid_from`.
pub fn endorse_key(
    action: AdminAction<'_>,
    passphrase: Zeroizing<String>,
    name: &str,
    initials: &str,
    valid_from: DateTime<Utc>,
) -> Result<PathBuf, AppError> {
    use crate::domain::input::{clean_required_text, MAX_INITIALS_CHARS, MAX_NAME_CHARS};
    let name = clean_required_text("name", name, MAX_NAME_CHARS)?;
    let initials = clean_required_text("initials", initials, MAX_INITIALS_CHARS)?;
    let staff = read_public_key(action.staff_key, "key")?;
    let admin = keys::unlock(action.admin_secret, &passphrase)?;
    drop(passphrase);
    crate::trust::admin::endorse(
        &admin,
        action.share,
        &staff,
        &name,
        &initials,
        valid_from,
        action.now,
    )
    .map_err(admin_error)
}

/// Publishes the revocation of a staff key from `revoked_from`, with the reason.
pub fn revoke_key(
    action: AdminAction<'_>,
    passphrase: Zeroizing<String>,
    reason: &str,
    revoked_from: DateTime<Utc>,
) -> Result<PathBuf, AppError> {
    use crate::domain::input::{clean_required_text, MAX_LONG_TEXT_CHARS};
    let reason = clean_required_text("reason", reason, MAX_LONG_TEXT_CHARS)?;
    let staff = read_public_key(action.staff_key, "key")?;
    let admin = keys::unlock(action.admin_secret, &passphrase)?;
    drop(passphrase);
    crate::trust::admin::revoke(
        &admin,
        action.share,
        &staff,
        &reason,
        revoked_from,
        action.now,
    )
    .map_err(admin_error)
}
