//! Who may sign: the municipality's administration key, and the staff keys it endorses.
//!
//! A minisign key id is 8 bytes anyone can choose, and anyone who can write to the share can
//! put a key file there. So nothing is trusted because it lies on the share: a staff key
//! counts as a known person's only when an endorsement signed by the administration key says
//! so, and the administration key reaches each PC by deployment (a file IT places) or is
//! entered once in the settings and confirmed by its fingerprint, never from the share.
//!
//! On the share (`docs/trust.md`):
//!
//! ```text
//! <share>/samtalenotat/v1/trust/endorsements/<KEYID>.json (+ .json.minisig)
//! <share>/samtalenotat/v1/trust/revocations/<KEYID>.json  (+ .json.minisig)
//! ```
//!
//! [`TrustSet::load`] reads them read-only, believes only what the administration key signed,
//! and answers for a note folder ([`NoteChecker`]) whether its signer was endorsed, and not
//! revoked, when the note was signed. Two different keys under one key id are refused: such an
//! id is distrusted altogether.

pub mod admin;
pub mod signed_file;

use std::collections::BTreeMap;
use std::fs;
use std::path::{Path, PathBuf};

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::digest::sha256_hex;
use crate::domain::time::timestamp;
use crate::note::canonical::NoteDocument;
use crate::note::keys::{KeyId, PublicKeyFile};
use crate::note::{
    verify_folder, verify_share_folder, Check, TrustedKeys, VerifyCode, VerifyReport, NOTE_JSON,
    SIGNER_PUB,
};
use crate::sync::layout::ROOT;
use signed_file::SignedKind;

/// The folder of the administration's files under the share.
pub fn trust_dir(share: &Path) -> PathBuf {
    share.join(ROOT).join("trust")
}

pub const ENDORSEMENTS: &str = "endorsements";
pub const REVOCATIONS: &str = "revocations";
pub const ENDORSEMENT_FORMAT: &str = "samtalenotat-endorsement";
pub const REVOCATION_FORMAT: &str = "samtalenotat-revocation";

/// The administration's public key and how people recognise it.
#[derive(Debug, Clone)]
pub struct AdminKey {
    pub key: PublicKeyFile,
}

impl AdminKey {
    pub fn parse(text: &str) -> Result<AdminKey, String> {
        Ok(AdminKey {
            key: PublicKeyFile::parse(text)?,
        })
    }

    /// What IT reads out (or prints) so a user can confirm the key they entered: the key id
    /// and the first 128 bits of the SHA-256 of the key line, in groups of four.
    pub fn fingerprint(&self) -> String {
        fingerprint(&self.key)
    }
}

/// See [`AdminKey::fingerprint`].
pub fn fingerprint(key: &PublicKeyFile) -> String {
    let hash = sha256_hex(key.base64.as_bytes());
    let groups: Vec<&str> = (0..8).map(|i| &hash[i * 4..i * 4 + 4]).collect();
    format!("{} {}", key.key_id, groups.join(" ").to_uppercase())
}

/// Compares fingerprints the way people type them: spaces, dashes and case do not matter.
pub fn same_fingerprint(a: &str, b: &str) -> bool {
    let norm = |s: &str| {
        s.chars()
            .filter(char::is_ascii_alphanumeric)
            .map(|c| c.to_ascii_uppercase())
            .collect::<String>()
    };
    let (a, b) = (norm(a), norm(b));
    !a.is_empty() && a == b
}

/// "This key belongs to this staff member from this time": signed by the administration.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Endorsement {
    pub format: String,
    pub format_version: u32,
    pub key_id: String,
    /// The key line of the staff member's minisign public key (the key material itself).
    pub public_key: String,
    pub name: String,
    pub initials: String,
    pub valid_from: String,
    pub endorsed_at: String,
    pub admin_key_id: String,
}

/// "Notes signed by this key from this time are not to be believed": signed by the
/// administration.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Revocation {
    pub format: String,
    pub format_version: u32,
    pub key_id: String,
    pub public_key: String,
    pub reason: String,
    pub revoked_from: String,
    pub revoked_at: String,
    pub admin_key_id: String,
}

impl Endorsement {
    pub fn new(
        key: &PublicKeyFile,
        name: &str,
        initials: &str,
        valid_from: DateTime<Utc>,
        endorsed_at: DateTime<Utc>,
        admin: KeyId,
    ) -> Endorsement {
        Endorsement {
            format: ENDORSEMENT_FORMAT.into(),
            format_version: 1,
            key_id: key.key_id.to_string(),
            public_key: key.base64.clone(),
            name: name.into(),
            initials: initials.into(),
            valid_from: timestamp(valid_from),
            endorsed_at: timestamp(endorsed_at),
            admin_key_id: admin.to_string(),
        }
    }
}

impl Revocation {
    pub fn new(
        key: &PublicKeyFile,
        reason: &str,
        revoked_from: DateTime<Utc>,
        revoked_at: DateTime<Utc>,
        admin: KeyId,
    ) -> Revocation {
        Revocation {
            format: REVOCATION_FORMAT.into(),
            format_version: 1,
            key_id: key.key_id.to_string(),
            public_key: key.base64.clone(),
            reason: reason.into(),
            revoked_from: timestamp(revoked_from),
            revoked_at: timestamp(revoked_at),
            admin_key_id: admin.to_string(),
        }
    }
}

/// The bytes a document is stored and signed as: compact JSON and a newline.
pub fn document_bytes<T: Serialize>(doc: &T) -> Vec<u8> {
    let mut bytes = serde_json::to_vec(doc).expect("a trust document serialises");
    bytes.push(b'\n');
    bytes
}

/// A staff key the administration endorsed, with its revocation if there is one.
#[derive(Debug, Clone)]
pub struct EndorsedKey {
    pub key: PublicKeyFile,
    pub name: String,
    pub initials: String,
    pub valid_from: DateTime<Utc>,
    pub revoked: Option<(DateTime<Utc>, String)>,
}

/// An administration file that is not believed, and why.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct TrustProblem {
    /// Relative to the share folder.
    pub path: String,
    pub detail: String,
}

/// Where a note's signer stands with the administration, at the time the note was signed.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(tag = "standing", rename_all = "snake_case")]
pub enum SignerStanding {
    /// Endorsed, and the note was signed while the endorsement was in force.
    Endorsed { name: String, initials: String },
    /// No endorsement for this key (or the key differs from the endorsed one with its id).
    Unknown,
    /// The note was signed before the key's endorsement took effect.
    SignedBeforeEndorsement,
    /// The note was signed after the key was revoked.
    SignedAfterRevocation { reason: String },
}

/// The answer for one note folder: the cryptographic checks and the signer's standing.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct NoteVerdict {
    pub report: VerifyReport,
    pub signer: SignerStanding,
}

impl NoteVerdict {
    /// Intact, bound, and signed by an endorsed, unrevoked key.
    pub fn trusted(&self) -> bool {
        self.report.ok && matches!(self.signer, SignerStanding::Endorsed { .. })
    }
}

/// Checks a complete note folder (as it lies on the share, or exported with `signer.pub`).
pub trait NoteChecker: Sync {
    fn check(&self, folder: &Path) -> NoteVerdict;
}

/// A checker that treats every key of a [`TrustedKeys`] as endorsed from the beginning of
/// time (tests and tools that have no administration key).
pub struct KeysChecker(pub TrustedKeys);

impl NoteChecker for KeysChecker {
    fn check(&self, folder: &Path) -> NoteVerdict {
        let report = verify_share_folder(folder, &self.0);
        let signer = if report.signer_known {
            SignerStanding::Endorsed {
                name: String::new(),
                initials: String::new(),
            }
        } else {
            SignerStanding::Unknown
        };
        NoteVerdict { report, signer }
    }
}

/// What the administration vouches for, as read from one share.
#[derive(Debug, Clone, Default)]
pub struct TrustSet {
    endorsed: BTreeMap<KeyId, EndorsedKey>,
    /// Ids seen with two different keys (in endorsements or revocations): nothing under
    /// such an id is trusted.
    contested: Vec<KeyId>,
    /// The endorsed keys as the verifier takes them.
    keys: TrustedKeys,
    pub problems: Vec<TrustProblem>,
}

fn parse_time(s: &str) -> Option<DateTime<Utc>> {
    DateTime::parse_from_rfc3339(s)
        .ok()
        .map(|t| t.with_timezone(&Utc))
}

/// Reads the signed documents of one folder: `(key id from the file name, document, its
/// key)`, every problem recorded.
fn read_signed<T: serde::de::DeserializeOwned>(
    share: &Path,
    folder: &str,
    kind: SignedKind,
    admin: &AdminKey,
    problems: &mut Vec<TrustProblem>,
) -> Vec<(KeyId, T)> {
    let dir = trust_dir(share).join(folder);
    let rel = |name: &str| format!("{ROOT}/trust/{folder}/{name}");
    let Ok(entries) = fs::read_dir(&dir) else {
        return Vec::new();
    };
    let mut names: Vec<String> = entries
        .flatten()
        .filter_map(|e| e.file_name().into_string().ok())
        .collect();
    names.sort();
    let mut out = Vec::new();
    for name in &names {
        let Some(stem) = name.strip_suffix(".json") else {
            if !name.ends_with(".json.minisig") && !crate::sync::layout::is_temp_name(name) {
                problems.push(TrustProblem {
                    path: rel(name),
                    detail: "not a file of the administration's".into(),
                });
            }
            continue;
        };
        let mut problem = |detail: String| {
            problems.push(TrustProblem {
                path: rel(name),
                detail,
            })
        };
        let Ok(id) = stem.parse::<KeyId>() else {
            problem("the file name is not a key id".into());
            continue;
        };
        let path = dir.join(name);
        let sig_path = dir.join(format!("{name}.minisig"));
        // Never through a link: what counts must really be in the trust folder.
        let plain = |p: &Path| fs::symlink_metadata(p).is_ok_and(|m| m.file_type().is_file());
        if !plain(&path) || !plain(&sig_path) {
            if sig_path.exists() || fs::symlink_metadata(&path).is_ok_and(|m| m.is_symlink()) {
                problem("not a plain file (a link?), not followed".into());
            }
            // No signature yet: being written, or never signed; not believed either way.
            continue;
        }
        let (Ok(bytes), Ok(sig)) = (fs::read(&path), fs::read(&sig_path)) else {
            problem("cannot be read".into());
            continue;
        };
        if let Err(e) = signed_file::verify(&admin.key, kind, stem, &bytes, &sig) {
            problem(e.to_string());
            continue;
        }
        match serde_json::from_slice::<T>(&bytes) {
            Ok(doc) => out.push((id, doc)),
            Err(e) => problem(format!("not a document of this kind: {e}")),
        }
    }
    out
}

impl TrustSet {
    /// Reads the endorsements and revocations on `share`, believing only what `admin`
    /// signed. Never writes. A missing trust folder is an empty set.
    pub fn load(admin: &AdminKey, share: &Path) -> TrustSet {
        let mut set = TrustSet::default();
        let mut problems = Vec::new();
        let endorsements: Vec<(KeyId, Endorsement)> = read_signed(
            share,
            ENDORSEMENTS,
            SignedKind::Endorsement,
            admin,
            &mut problems,
        );
        let revocations: Vec<(KeyId, Revocation)> = read_signed(
            share,
            REVOCATIONS,
            SignedKind::Revocation,
            admin,
            &mut problems,
        );
        let path = |folder: &str, id: KeyId| format!("{ROOT}/trust/{folder}/{id}.json");
        for (id, e) in endorsements {
            let key = PublicKeyFile::parse(&format!(
                "untrusted comment: endorsed key\n{}\n",
                e.public_key
            ));
            let (Ok(key), Some(valid_from)) = (key, parse_time(&e.valid_from)) else {
                problems.push(TrustProblem {
                    path: path(ENDORSEMENTS, id),
                    detail: "the endorsement's key or time cannot be read".into(),
                });
                continue;
            };
            if e.format != ENDORSEMENT_FORMAT || key.key_id != id || e.key_id != id.to_string() {
                problems.push(TrustProblem {
                    path: path(ENDORSEMENTS, id),
                    detail: format!("the endorsed key is not key {id}"),
                });
                continue;
            }
            set.endorsed.insert(
                id,
                EndorsedKey {
                    key,
                    name: e.name,
                    initials: e.initials,
                    valid_from,
                    revoked: None,
                },
            );
        }
        for (id, r) in revocations {
            let Some(from) = parse_time(&r.revoked_from) else {
                problems.push(TrustProblem {
                    path: path(REVOCATIONS, id),
                    detail: "the revocation's time cannot be read".into(),
                });
                continue;
            };
            if r.format != REVOCATION_FORMAT || r.key_id != id.to_string() {
                problems.push(TrustProblem {
                    path: path(REVOCATIONS, id),
                    detail: format!("the revocation is not about key {id}"),
                });
                continue;
            }
            match set.endorsed.get_mut(&id) {
                Some(k) if k.key.base64 != r.public_key => {
                    // The administration signed two different keys under one id.
                    set.contested.push(id);
                    problems.push(TrustProblem {
                        path: path(REVOCATIONS, id),
                        detail: format!("revokes a different key than the one endorsed as {id}"),
                    });
                }
                Some(k) => k.revoked = Some((from, r.reason)),
                // Revoking a key that was never endorsed: nothing to do, nothing wrong.
                None => {}
            }
        }
        for id in &set.contested {
            set.endorsed.remove(id);
        }
        for k in set.endorsed.values() {
            // One file per key id, so `add` cannot meet a second key here.
            let _ = set.keys.add(k.key.clone());
        }
        set.problems = problems;
        set
    }

    pub fn endorsed(&self, id: KeyId) -> Option<&EndorsedKey> {
        self.endorsed.get(&id)
    }

    pub fn len(&self) -> usize {
        self.endorsed.len()
    }

    pub fn is_empty(&self) -> bool {
        self.endorsed.is_empty()
    }

    /// The endorsed keys, revoked ones included (a note signed before the revocation still
    /// verifies), as the verifier takes them.
    pub fn keys(&self) -> &TrustedKeys {
        &self.keys
    }

    /// Where a signer with `key` stood at `signed_at`.
    pub fn standing(&self, key: &PublicKeyFile, signed_at: DateTime<Utc>) -> SignerStanding {
        let Some(e) = self
            .endorsed
            .get(&key.key_id)
            .filter(|e| e.key.base64 == key.base64)
        else {
            return SignerStanding::Unknown;
        };
        if signed_at < e.valid_from {
            return SignerStanding::SignedBeforeEndorsement;
        }
        if let Some((from, reason)) = &e.revoked {
            if signed_at >= *from {
                return SignerStanding::SignedAfterRevocation {
                    reason: reason.clone(),
                };
            }
        }
        SignerStanding::Endorsed {
            name: e.name.clone(),
            initials: e.initials.clone(),
        }
    }
}

impl NoteChecker for TrustSet {
    /// Verifies against the endorsed keys (a folder's own `signer.pub`, when there is one,
    /// is checked for integrity but vouches for nobody), then says where the signer stood when
    /// the note says it was signed, and that the note names the person the key was endorsed
    /// for.
    ///
    /// The signing time is the signer's own claim: a revocation protects the notes made before
    /// it, but someone who has a stolen key can date a note back before its revocation. Only
    /// the share's own order (a note that appears after the revocation) can tell; the overview
    /// shows when each note first appeared.
    fn check(&self, folder: &Path) -> NoteVerdict {
        let exported = fs::symlink_metadata(folder.join(SIGNER_PUB)).is_ok_and(|m| m.is_file());
        let mut report = if exported {
            verify_folder(folder, &self.keys, true)
        } else {
            verify_share_folder(folder, &self.keys)
        };
        let doc = fs::read(folder.join(NOTE_JSON))
            .ok()
            .and_then(|b| NoteDocument::parse_canonical(&b).ok());
        let key = report
            .signer_key_id
            .as_deref()
            .and_then(|id| id.parse::<KeyId>().ok())
            .and_then(|id| self.endorsed.get(&id))
            .map(|e| e.key.clone());
        let signed_at = doc.as_ref().and_then(|d| parse_time(&d.signed_at));
        let signer = match (key, signed_at) {
            (Some(key), Some(at)) if report.signer_known || !exported => self.standing(&key, at),
            _ => SignerStanding::Unknown,
        };
        if let (SignerStanding::Endorsed { name, initials }, Some(doc)) = (&signer, &doc) {
            if doc.signer.name != *name || doc.signer.initials != *initials {
                report.ok = false;
                report.checks.push(Check {
                    file: NOTE_JSON.into(),
                    ok: false,
                    code: Some(VerifyCode::SignerMismatch),
                    reason: Some(format!(
                        "note.json names the signer {} ({}), but the key is endorsed for {name} ({initials})",
                        doc.signer.name, doc.signer.initials
                    )),
                });
            }
        }
        NoteVerdict { report, signer }
    }
}
