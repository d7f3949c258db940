//! What the administration does (from the command line, with its key): endorse a staff key,
//! revoke one. Each writes one signed document into the share's trust folder, create-only: an
//! endorsement or revocation once published is never replaced.

use std::path::{Path, PathBuf};

use chrono::{DateTime, Utc};

use super::signed_file::{self, SignedKind};
use super::{document_bytes, trust_dir, Endorsement, Revocation, ENDORSEMENTS, REVOCATIONS};
use crate::note::export::write_file_create_only;
use crate::note::keys::{PublicKeyFile, UnlockedKey};
use crate::note::NoteError;
use crate::sync::share_io::{refuse_links, PREPARED_MARKER};

#[derive(Debug, thiserror::Error)]
pub enum AdminError {
    #[error("{0} has no samtalenotat folder: is the share mounted, and prepared?")]
    NotAShare(PathBuf),
    #[error("{0}")]
    Link(String),
    #[error("{what} for key {key_id} is published already ({path}); it is never replaced")]
    Exists {
        what: &'static str,
        key_id: String,
        path: PathBuf,
    },
    #[error("not a policy file: {0}")]
    NotAPolicy(String),
    #[error(transparent)]
    Note(#[from] NoteError),
}

fn publish(
    share: &Path,
    folder: &str,
    kind: SignedKind,
    subject: &str,
    bytes: &[u8],
    admin: &UnlockedKey,
) -> Result<PathBuf, AdminError> {
    if !share.join(PREPARED_MARKER).is_dir() {
        return Err(AdminError::NotAShare(share.to_path_buf()));
    }
    // Trust documents go under trust/, the policy beside it.
    let (parts, dir): (Vec<&str>, PathBuf) = if kind == SignedKind::Policy {
        (
            vec!["samtalenotat", "v1", folder],
            share.join(crate::sync::layout::ROOT).join(folder),
        )
    } else {
        (
            vec!["samtalenotat", "v1", "trust", folder],
            trust_dir(share).join(folder),
        )
    };
    refuse_links(share, &parts, true).map_err(|e| AdminError::Link(e.to_string()))?;
    std::fs::create_dir_all(&dir).map_err(|source| NoteError::Io {
        path: dir.clone(),
        source,
    })?;
    let name = if kind == SignedKind::Policy {
        format!("{subject}.toml")
    } else {
        format!("{subject}.json")
    };
    let what = match kind {
        SignedKind::Endorsement => "an endorsement",
        SignedKind::Revocation => "a revocation",
        SignedKind::Policy => "a policy",
    };
    let exists = |path: PathBuf| AdminError::Exists {
        what,
        key_id: subject.to_owned(),
        path,
    };
    if dir.join(&name).exists() {
        return Err(exists(dir.join(&name)));
    }
    let sig = signed_file::sign(admin, kind, subject, bytes)?;
    // The document first, its signature last: a reader believes nothing without both.
    write_file_create_only(&dir, &name, bytes).map_err(|e| match e {
        NoteError::Conflict { path } => exists(path),
        other => other.into(),
    })?;
    write_file_create_only(&dir, &format!("{name}.minisig"), &sig)?;
    Ok(dir.join(name))
}

/// Publishes a policy file on the share, signed (`policy/<id>-<version>.toml`). The text
/// must load as a policy; a published version is never replaced.
pub fn publish_policy(
    admin: &UnlockedKey,
    share: &Path,
    text: &str,
) -> Result<PathBuf, AdminError> {
    let policy = crate::domain::Policy::load_from_str(text)
        .map_err(|e| AdminError::NotAPolicy(e.to_string()))?;
    let stem = format!("{}-{}", policy.id(), policy.version());
    if !crate::sync::layout::is_safe_component(&format!("{stem}.toml.minisig")) {
        return Err(AdminError::NotAPolicy(format!(
            "id and version must be ASCII letters, digits, dots, dashes or underscores: {stem}"
        )));
    }
    publish(
        share,
        "policy",
        SignedKind::Policy,
        &stem,
        text.as_bytes(),
        admin,
    )
}

/// Publishes the endorsement of `staff_key` for the named staff member from `valid_from`.
pub fn endorse(
    admin: &UnlockedKey,
    share: &Path,
    staff_key: &PublicKeyFile,
    name: &str,
    initials: &str,
    valid_from: DateTime<Utc>,
    now: DateTime<Utc>,
) -> Result<PathBuf, AdminError> {
    let doc = Endorsement::new(staff_key, name, initials, valid_from, now, admin.key_id());
    publish(
        share,
        ENDORSEMENTS,
        SignedKind::Endorsement,
        &staff_key.key_id.to_string(),
        &document_bytes(&doc),
        admin,
    )
}

/// Publishes the revocation of `staff_key` from `revoked_from`, with the reason.
pub fn revoke(
    admin: &UnlockedKey,
    share: &Path,
    staff_key: &PublicKeyFile,
    reason: &str,
    revoked_from: DateTime<Utc>,
    now: DateTime<Utc>,
) -> Result<PathBuf, AdminError> {
    let doc = Revocation::new(staff_key, reason, revoked_from, now, admin.key_id());
    publish(
        share,
        REVOCATIONS,
        SignedKind::Revocation,
        &staff_key.key_id.to_string(),
        &document_bytes(&doc),
        admin,
    )
}
