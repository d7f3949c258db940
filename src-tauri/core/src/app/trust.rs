//! Actions on trust: the administration key this PC believes, the endorsements on the share,
//! the standing of this PC's own key, and verifying a note folder against all that.

use std::path::Path;

use serde::{Deserialize, Serialize};
use ts_rs::TS;

use super::error::{AppError, ErrorCode};
use super::App;
use crate::note::keys::KeyId;
use crate::note::{verify_folder, TrustedKeys, VerifyReport};
use crate::trust::{
    fingerprint, same_fingerprint, AdminKey, NoteChecker, SignerStanding, TrustSet,
};

const ADMIN_KEY_SETTING: &str = "admin_key";

/// The administration key as confirmed in the settings (stored locally, never from the share).
#[derive(Debug, Clone, Serialize, Deserialize)]
struct ConfirmedAdminKey {
    /// The `.pub` file's text.
    public_key: String,
    fingerprint: String,
    confirmed_at: String,
}

/// Where this PC's administration key comes from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum AdminKeySource {
    /// None yet: signers on the share cannot be confirmed.
    None,
    /// A file IT placed when installing (it takes precedence).
    Deployed,
    /// Entered in the settings and confirmed by its fingerprint.
    Confirmed,
}

#[derive(Debug, Clone, Serialize, TS)]
pub struct AdminKeyStatus {
    pub source: AdminKeySource,
    pub key_id: Option<String>,
    pub fingerprint: Option<String>,
    /// The deployed file exists but cannot be read as a key (shown, so IT can fix it).
    pub deployed_problem: Option<String>,
}

/// Where this PC's own signing key stands with the administration.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(tag = "state", rename_all = "snake_case")]
pub enum Endorsement {
    /// No administration key on this PC: nobody can say.
    NoAdminKey,
    /// The share cannot be read now.
    ShareUnavailable,
    /// Published, not yet endorsed ("afventer godkendelse").
    Pending,
    Endorsed {
        valid_from: String,
    },
    Revoked {
        from: String,
        reason: String,
    },
}

/// What the administration's files on the share say, as this PC reads them.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(tag = "basis", rename_all = "snake_case")]
pub enum TrustBasis {
    NoAdminKey,
    ShareUnavailable,
    Administration {
        endorsed_keys: u32,
        /// Files in the trust folder that are not believed.
        problems: u32,
    },
}

/// A verified note folder: the checks, and who signed it as far as the administration says.
#[derive(Debug, Clone, Serialize, TS)]
pub struct FolderVerification {
    pub report: VerifyReport,
    /// `None` when there is nothing to judge the signer by (no administration key, or the
    /// share cannot be read).
    pub signer: Option<SignerStanding>,
    pub basis: TrustBasis,
}

impl App {
    /// The administration key in effect: the deployed file, else the confirmed one.
    pub fn admin_key(&self) -> Option<AdminKey> {
        if let Some(Ok(key)) = self.deployed_admin_key() {
            return Some(key);
        }
        let confirmed: ConfirmedAdminKey = self.store().setting(ADMIN_KEY_SETTING).ok()??;
        let key = AdminKey::parse(&confirmed.public_key).ok()?;
        same_fingerprint(&key.fingerprint(), &confirmed.fingerprint).then_some(key)
    }

    fn deployed_admin_key(&self) -> Option<Result<AdminKey, String>> {
        let path = self.config.deployed_admin_key.as_ref()?;
        // Only a plain file counts (a link could be pointed elsewhere later).
        let meta = std::fs::symlink_metadata(path).ok()?;
        if !meta.is_file() {
            return Some(Err(format!("{} is not a plain file", path.display())));
        }
        Some(
            std::fs::read_to_string(path)
                .map_err(|e| e.to_string())
                .and_then(|t| AdminKey::parse(&t)),
        )
    }

    pub fn admin_key_status(&self) -> AdminKeyStatus {
        let deployed = self.deployed_admin_key();
        let deployed_problem = match &deployed {
            Some(Err(e)) => Some(e.clone()),
            _ => None,
        };
        let (source, key) = match deployed {
            Some(Ok(key)) => (AdminKeySource::Deployed, Some(key)),
            _ => match self.admin_key() {
                Some(key) => (AdminKeySource::Confirmed, Some(key)),
                None => (AdminKeySource::None, None),
            },
        };
        AdminKeyStatus {
            source,
            key_id: key.as_ref().map(|k| k.key.key_id.to_string()),
            fingerprint: key.as_ref().map(AdminKey::fingerprint),
            deployed_problem,
        }
    }

    /// Takes the administration key entered in the settings, once the user has typed the
    /// fingerprint IT gave them (out of band) and it matches.
    pub fn confirm_admin_key(
        &self,
        public_key: &str,
        confirmed_fingerprint: &str,
    ) -> Result<AdminKeyStatus, AppError> {
        if matches!(self.deployed_admin_key(), Some(Ok(_))) {
            return Err(AppError::field(
                ErrorCode::AdminKeyDeployed,
                "admin_key",
                "IT has installed the administration key on this PC; it is not changed here",
            ));
        }
        if public_key.len() > 4096 {
            return Err(AppError::field(
                ErrorCode::InvalidInput,
                "admin_key",
                "not a minisign public key",
            ));
        }
        let key = AdminKey::parse(public_key.trim()).map_err(|e| {
            AppError::field(
                ErrorCode::InvalidInput,
                "admin_key",
                format!("not a minisign public key: {e}"),
            )
        })?;
        if !same_fingerprint(&key.fingerprint(), confirmed_fingerprint) {
            return Err(AppError::field(
                ErrorCode::FingerprintMismatch,
                "admin_fingerprint",
                format!(
                    "the fingerprint typed does not match the key's ({})",
                    key.fingerprint()
                ),
            ));
        }
        let text = format!(
            "untrusted comment: samtalenotat administration\n{}\n",
            key.key.base64
        );
        self.store().set_setting(
            ADMIN_KEY_SETTING,
            &ConfirmedAdminKey {
                public_key: text,
                fingerprint: fingerprint(&key.key),
                confirmed_at: crate::domain::time::timestamp(self.now()),
            },
        )?;
        Ok(self.admin_key_status())
    }

    /// The administration's files on the share in effect, read now (read-only).
    pub fn trust_set(&self) -> Result<TrustSet, TrustBasis> {
        let Some(admin) = self.admin_key() else {
            return Err(TrustBasis::NoAdminKey);
        };
        let share = self.share_in_effect().path;
        if !share.join(crate::sync::share_io::PREPARED_MARKER).is_dir() {
            return Err(TrustBasis::ShareUnavailable);
        }
        Ok(TrustSet::load(&admin, &share))
    }

    /// Where this PC's own key stands.
    pub(super) fn endorsement_of(&self, key_id: KeyId, public_key: &str) -> Endorsement {
        let set = match self.trust_set() {
            Ok(set) => set,
            Err(TrustBasis::NoAdminKey) => return Endorsement::NoAdminKey,
            Err(_) => return Endorsement::ShareUnavailable,
        };
        match set.endorsed(key_id) {
            Some(e) if e.key.base64 == public_key => match &e.revoked {
                Some((from, reason)) => Endorsement::Revoked {
                    from: crate::domain::time::timestamp(*from),
                    reason: reason.clone(),
                },
                None => Endorsement::Endorsed {
                    valid_from: crate::domain::time::timestamp(e.valid_from),
                },
            },
            _ => Endorsement::Pending,
        }
    }

    /// Verifies a note folder (exported, with `signer.pub`, or as it lies on the share).
    /// With the administration's files: against the endorsed keys, and says where the signer
    /// stood. Without: against this PC's own keys only, and says that who signed cannot be
    /// confirmed; a key found on the share is never believed because it lies there.
    pub fn verify_note_folder(&self, folder: &Path) -> Result<FolderVerification, AppError> {
        if !folder.is_dir() {
            return Err(AppError::field(
                ErrorCode::BadPath,
                "folder",
                format!("{} is not a folder", folder.display()),
            ));
        }
        match self.trust_set() {
            Ok(set) => {
                let verdict = set.check(folder);
                Ok(FolderVerification {
                    report: verdict.report,
                    signer: Some(verdict.signer),
                    basis: TrustBasis::Administration {
                        endorsed_keys: set.len() as u32,
                        problems: set.problems.len() as u32,
                    },
                })
            }
            Err(basis) => {
                let mut own = TrustedKeys::new();
                if self.keys_dir().is_dir() {
                    // A bad file among this PC's keys only narrows what is known.
                    let _ = own.add_dir(&self.keys_dir());
                }
                let report = if folder.join(crate::note::SIGNER_PUB).is_file() {
                    verify_folder(folder, &own, true)
                } else {
                    crate::note::verify_share_folder(folder, &own)
                };
                Ok(FolderVerification {
                    report,
                    signer: None,
                    basis,
                })
            }
        }
    }
}
