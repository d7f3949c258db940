//! Staff signing keys in the minisign format: one Ed25519 key per staff member, the secret
//! part encrypted with the staff member's passphrase (scrypt, as minisign does).
//!
//! A keys folder (`<data>/keys/`, mode 0700) holds, per key, files named by the ASCII key id:
//!
//! - `<KEYID>.pub`: the public key, exactly minisign's format (`minisign -p` reads it). The
//!   key id is inside it (bytes 2..10 of the base64 line), so a reader derives the id from the
//!   file itself and the untrusted first line means nothing.
//! - `<KEYID>.sec`: the encrypted secret key, minisign's format, mode 0600.
//! - `<KEYID>.signer.json`: who the key belongs to (name, initials), mode 0600. The app finds
//!   the key of the staff member set on this PC by initials.
//!
//! The `minisign` crate's pitfalls (docs NOTES): the password is always passed as
//! `Some(..)` (None prompts on a TTY); the secret key saved is the encrypted copy made at
//! generation, never `to_box()` of an unlocked key (that would write the secret in clear);
//! the freshly saved key is reloaded from its bytes and test-signed before it is reported
//! made; files are created 0600 and never overwritten.
//!
//! Passphrases: held in `Zeroizing` buffers and dropped right after use. The minisign crate
//! takes an owned `String`, which it does not wipe; that copy lives only for the duration of
//! the scrypt call.

use std::fmt;
use std::fs;
use std::io::Write;
use std::path::{Path, PathBuf};
use std::str::FromStr;

use serde::{Deserialize, Serialize};
use zeroize::Zeroizing;

use crate::domain::StaffMember;
use crate::owner_only::create_private_dir;

/// The shortest passphrase accepted for a new key.
pub const MIN_PASSPHRASE_CHARS: usize = 8;
/// minisign's own limit.
pub const MAX_PASSPHRASE_BYTES: usize = 1024;

/// A minisign key id: 8 bytes, written as 16 upper-case hex digits (as minisign prints it).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct KeyId(pub [u8; 8]);

impl KeyId {
    fn from_keynum(keynum: &[u8]) -> Option<KeyId> {
        keynum.try_into().ok().map(KeyId)
    }
}

impl fmt::Display for KeyId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        // minisign shows the little-endian u64.
        write!(f, "{:016X}", u64::from_le_bytes(self.0))
    }
}

impl FromStr for KeyId {
    type Err = KeyError;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        if s.len() != 16 || !s.bytes().all(|b| b.is_ascii_hexdigit()) {
            return Err(KeyError::BadKeyId(s.chars().take(40).collect()));
        }
        let n = u64::from_str_radix(s, 16).map_err(|_| KeyError::BadKeyId(s.to_owned()))?;
        Ok(KeyId(n.to_le_bytes()))
    }
}

#[derive(Debug, thiserror::Error)]
pub enum KeyError {
    #[error("wrong passphrase for key {0}")]
    WrongPassphrase(KeyId),
    #[error("no signing key for {0}")]
    NoKey(String),
    #[error("a signing key for {initials} exists already ({key_id})")]
    KeyExists { initials: String, key_id: KeyId },
    #[error("passphrase: must be at least {MIN_PASSPHRASE_CHARS} characters")]
    PassphraseTooShort,
    #[error("passphrase: must be at most {MAX_PASSPHRASE_BYTES} bytes")]
    PassphraseTooLong,
    #[error("staff: a name and initials are needed to make a signing key")]
    NoStaffIdentity,
    #[error("`{0}` is not a key id (16 hexadecimal digits)")]
    BadKeyId(String),
    #[error("{path}: not a minisign key: {detail}")]
    BadKeyFile { path: PathBuf, detail: String },
    #[error("key operation failed: {0}")]
    Minisign(String),
    #[error("{path}: {source}")]
    Io {
        path: PathBuf,
        #[source]
        source: std::io::Error,
    },
}

fn io(path: &Path) -> impl FnOnce(std::io::Error) -> KeyError + '_ {
    move |source| KeyError::Io {
        path: path.to_path_buf(),
        source,
    }
}

/// Who a key belongs to (`<KEYID>.signer.json`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct KeyOwner {
    pub key_id: String,
    pub name: String,
    pub initials: String,
    pub created_at: String,
}

/// What the app shows about a staff member's key.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct KeyInfo {
    pub key_id: KeyId,
    pub owner: KeyOwner,
    pub public_key_path: PathBuf,
    pub secret_key_path: PathBuf,
}

/// A public key with its id, parsed from a `.pub` file's text.
#[derive(Debug, Clone)]
pub struct PublicKeyFile {
    pub key_id: KeyId,
    /// The verifier's key.
    pub key: minisign_verify::PublicKey,
    /// The base64 line (the key material), for comparing keys.
    pub base64: String,
}

impl PublicKeyFile {
    /// Parses minisign's public key format; the key id comes from the key bytes, not from
    /// the untrusted comment.
    pub fn parse(text: &str) -> Result<PublicKeyFile, String> {
        let mut lines = text.lines();
        let first = lines.next().ok_or("empty file")?;
        if !first.starts_with("untrusted comment:") {
            return Err("first line is not a minisign comment".into());
        }
        let b64 = lines.next().ok_or("no key line")?.trim();
        let parsed = minisign::PublicKey::from_base64(b64).map_err(|e| e.to_string())?;
        let key_id = KeyId::from_keynum(parsed.keynum()).ok_or("bad key id")?;
        let key = minisign_verify::PublicKey::from_base64(b64).map_err(|e| e.to_string())?;
        Ok(PublicKeyFile {
            key_id,
            key,
            base64: b64.to_owned(),
        })
    }
}

/// A secret key unlocked for signing, with its public half.
pub struct UnlockedKey {
    key_id: KeyId,
    pub(crate) secret: minisign::SecretKey,
    pub(crate) public: minisign::PublicKey,
    public_file: String,
}

impl fmt::Debug for UnlockedKey {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("UnlockedKey")
            .field("key_id", &self.key_id)
            .finish_non_exhaustive()
    }
}

impl UnlockedKey {
    pub fn key_id(&self) -> KeyId {
        self.key_id
    }

    /// The `.pub` file's text (exported as `signer.pub`).
    pub fn public_key_file(&self) -> &str {
        &self.public_file
    }
}

/// Checks a new passphrase's length (characters, after nothing: spaces count).
pub fn check_new_passphrase(passphrase: &str) -> Result<(), KeyError> {
    if passphrase.chars().count() < MIN_PASSPHRASE_CHARS {
        return Err(KeyError::PassphraseTooShort);
    }
    if passphrase.len() > MAX_PASSPHRASE_BYTES {
        return Err(KeyError::PassphraseTooLong);
    }
    Ok(())
}

fn write_new_file(path: &Path, bytes: &[u8], mode: u32) -> Result<(), KeyError> {
    let mut options = fs::OpenOptions::new();
    options.write(true).create_new(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt;
        options.mode(mode);
    }
    #[cfg(not(unix))]
    let _ = mode;
    let mut file = options.open(path).map_err(io(path))?;
    file.write_all(bytes).map_err(io(path))?;
    file.sync_all().map_err(io(path))?;
    Ok(())
}

fn pub_path(dir: &Path, id: KeyId) -> PathBuf {
    dir.join(format!("{id}.pub"))
}
fn sec_path(dir: &Path, id: KeyId) -> PathBuf {
    dir.join(format!("{id}.sec"))
}
fn owner_path(dir: &Path, id: KeyId) -> PathBuf {
    dir.join(format!("{id}.signer.json"))
}

/// Every key in `dir` with an owner file.
pub fn list_keys(dir: &Path) -> Result<Vec<KeyInfo>, KeyError> {
    let entries = match fs::read_dir(dir) {
        Ok(e) => e,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(Vec::new()),
        Err(e) => return Err(io(dir)(e)),
    };
    let mut out = Vec::new();
    for entry in entries {
        let entry = entry.map_err(io(dir))?;
        let name = entry.file_name();
        let Some(id) = name
            .to_str()
            .and_then(|n| n.strip_suffix(".signer.json"))
            .and_then(|n| n.parse::<KeyId>().ok())
        else {
            continue;
        };
        let path = owner_path(dir, id);
        let text = fs::read_to_string(&path).map_err(io(&path))?;
        let owner: KeyOwner = serde_json::from_str(&text).map_err(|e| KeyError::BadKeyFile {
            path: path.clone(),
            detail: e.to_string(),
        })?;
        if sec_path(dir, id).is_file() && pub_path(dir, id).is_file() {
            out.push(KeyInfo {
                key_id: id,
                owner,
                public_key_path: pub_path(dir, id),
                secret_key_path: sec_path(dir, id),
            });
        }
    }
    out.sort_by(|a, b| a.owner.created_at.cmp(&b.owner.created_at));
    Ok(out)
}

/// The key of the staff member with these initials (the newest if several).
pub fn find_key(dir: &Path, initials: &str) -> Result<Option<KeyInfo>, KeyError> {
    Ok(list_keys(dir)?
        .into_iter()
        .rfind(|k| !initials.is_empty() && k.owner.initials == initials))
}

/// Makes a new encrypted key for `staff` in `dir` (created 0700). Refuses when the staff
/// member already has one.
pub fn generate_key(
    dir: &Path,
    staff: &StaffMember,
    passphrase: &str,
    created_at: chrono::DateTime<chrono::Utc>,
) -> Result<KeyInfo, KeyError> {
    if staff.name.trim().is_empty() || staff.initials.trim().is_empty() {
        return Err(KeyError::NoStaffIdentity);
    }
    check_new_passphrase(passphrase)?;
    if let Some(existing) = find_key(dir, &staff.initials)? {
        return Err(KeyError::KeyExists {
            initials: staff.initials.clone(),
            key_id: existing.key_id,
        });
    }
    create_private_dir(dir).map_err(|e| KeyError::Io {
        path: e.path,
        source: e.source,
    })?;
    let password = Zeroizing::new(passphrase.to_owned());
    let pair = minisign::KeyPair::generate_encrypted_keypair(Some(password.to_string()))
        .map_err(|e| KeyError::Minisign(e.to_string()))?;
    let id =
        KeyId::from_keynum(pair.pk.keynum()).ok_or_else(|| KeyError::Minisign("key id".into()))?;
    // The encrypted copy made at generation is what is saved (never to_box() of an
    // unlocked key).
    let sk_text = Zeroizing::new(
        pair.sk
            .to_box(Some(&format!("samtalenotat secret key {id}")))
            .map_err(|e| KeyError::Minisign(e.to_string()))?
            .into_string(),
    );
    let pk_text = pair
        .pk
        .to_box()
        .map_err(|e| KeyError::Minisign(e.to_string()))?
        .into_string();
    // Reload from the saved form and prove it signs and verifies before keeping anything.
    let reloaded = minisign::SecretKey::from_box(
        minisign::SecretKeyBox::from_string(&sk_text)
            .map_err(|e| KeyError::Minisign(e.to_string()))?,
        Some(password.to_string()),
    )
    .map_err(|e| KeyError::Minisign(e.to_string()))?;
    let public = minisign::PublicKey::from_box(
        minisign::PublicKeyBox::from_string(&pk_text)
            .map_err(|e| KeyError::Minisign(e.to_string()))?,
    )
    .map_err(|e| KeyError::Minisign(e.to_string()))?;
    let probe = minisign::sign(
        Some(&public),
        &reloaded,
        &b"samtalenotat key check"[..],
        Some("key check"),
        None,
    )
    .map_err(|e| KeyError::Minisign(e.to_string()))?;
    drop(probe);

    let owner = KeyOwner {
        key_id: id.to_string(),
        name: staff.name.clone(),
        initials: staff.initials.clone(),
        created_at: crate::domain::time::timestamp(created_at),
    };
    write_new_file(&sec_path(dir, id), sk_text.as_bytes(), 0o600)?;
    write_new_file(&pub_path(dir, id), pk_text.as_bytes(), 0o644)?;
    let owner_json = serde_json::to_vec_pretty(&owner).expect("serialises");
    write_new_file(&owner_path(dir, id), &owner_json, 0o600)?;
    Ok(KeyInfo {
        key_id: id,
        owner,
        public_key_path: pub_path(dir, id),
        secret_key_path: sec_path(dir, id),
    })
}

/// Puts a key aside (a forgotten passphrase, a PC that left the building): its three files move
/// into `<dir>/retired/` (0700) under `<id>-<when>.*`, so [`find_key`] no longer finds it and
/// a new key can be made. Nothing is deleted: notes signed with it stay verifiable through its
/// public key on the share, and the administration revokes it there.
pub fn retire_key(
    dir: &Path,
    key: &KeyInfo,
    retired_at: chrono::DateTime<chrono::Utc>,
) -> Result<PathBuf, KeyError> {
    let retired = dir.join("retired");
    create_private_dir(&retired).map_err(|e| KeyError::Io {
        path: e.path,
        source: e.source,
    })?;
    let stem = format!("{}-{}", key.key_id, retired_at.format("%Y%m%dT%H%M%SZ"));
    // The owner file last: a key without it is not listed, so a crash half-way leaves the key
    // either in use or retired, never listed without its secret.
    for (from, ext) in [
        (owner_path(dir, key.key_id), "signer.json"),
        (sec_path(dir, key.key_id), "sec"),
        (pub_path(dir, key.key_id), "pub"),
    ] {
        let to = retired.join(format!("{stem}.{ext}"));
        if to.exists() {
            return Err(KeyError::Io {
                path: to,
                source: std::io::Error::from(std::io::ErrorKind::AlreadyExists),
            });
        }
        fs::rename(&from, &to).map_err(io(&from))?;
    }
    if let Ok(d) = fs::File::open(dir) {
        let _ = d.sync_all();
    }
    Ok(retired)
}

/// Unlocks a secret key file with its passphrase; the `.pub` beside it (same stem) gives the
/// public half. A wrong passphrase is [`KeyError::WrongPassphrase`].
pub fn unlock(secret_key_path: &Path, passphrase: &str) -> Result<UnlockedKey, KeyError> {
    let pub_file = secret_key_path.with_extension("pub");
    let public_file = fs::read_to_string(&pub_file).map_err(io(&pub_file))?;
    let parsed = PublicKeyFile::parse(&public_file).map_err(|detail| KeyError::BadKeyFile {
        path: pub_file.clone(),
        detail,
    })?;
    let sk_text = Zeroizing::new(fs::read_to_string(secret_key_path).map_err(io(secret_key_path))?);
    let bad = |detail: String| KeyError::BadKeyFile {
        path: secret_key_path.to_path_buf(),
        detail,
    };
    let sk_box = minisign::SecretKeyBox::from_string(&sk_text).map_err(|e| bad(e.to_string()))?;
    let password = Zeroizing::new(passphrase.to_owned());
    let secret = match minisign::SecretKey::from_box(sk_box, Some(password.to_string())) {
        Ok(sk) => sk,
        Err(e) if matches!(e.kind(), minisign::ErrorKind::Verify) => {
            return Err(KeyError::WrongPassphrase(parsed.key_id));
        }
        Err(e) => return Err(bad(e.to_string())),
    };
    drop(password);
    let key_id = KeyId::from_keynum(secret.keynum()).ok_or_else(|| bad("key id".into()))?;
    if parsed.key_id != key_id {
        return Err(KeyError::BadKeyFile {
            path: pub_file,
            detail: format!(
                "key id {} does not match the secret key {key_id}",
                parsed.key_id
            ),
        });
    }
    let public = minisign::PublicKey::from_base64(&parsed.base64)
        .map_err(|e| KeyError::Minisign(e.to_string()))?;
    Ok(UnlockedKey {
        key_id,
        secret,
        public,
        public_file,
    })
}
