//! Where things go on the share. Every path is built from a ULID, a fixed ASCII file name or a
//! key id in hex: nothing typed by a user ever becomes part of a path.
//!
//! ```text
//! <share>/samtalenotat/v1/notes/<YYYY>/<MM>/<note-ulid>/note.json
//!                                                      /note.pdf
//!                                                      /note.pdf.minisig
//!                                                      /note.json.minisig   (written last)
//! <share>/samtalenotat/v1/keys/<KEYID>.pub
//! <share>/samtalenotat/v1/filings/<YYYY>/<MM>/<note-ulid>/filing.json (+ .minisig)
//! ```
//!
//! Year and month are those of the note id's ULID timestamp, in UTC: the id is fixed when the
//! record is created and is part of every artifact's key, so the folder can be computed from
//! the key alone, on any device, forever (a `created_at` spelled differently could not move
//! it). All names are short, ASCII, and unique without regard to case (Samba and Windows shares
//! are case-insensitive).

use std::fmt;
use std::path::{Path, PathBuf};

use chrono::{DateTime, Datelike, Utc};
use ulid::Ulid;

use crate::note::filing::{FILING_JSON, FILING_SIG};
use crate::note::keys::PublicKeyFile;

/// The folder under the share that belongs to this program and format version.
pub const ROOT: &str = "samtalenotat/v1";
/// The artifact whose presence marks a note folder complete; it is published last.
pub const COMPLETION_MARKER: &str = "note.json.minisig";
/// The signer's public key artifact; it goes to `keys/<KEYID>.pub`, not into the note folder.
pub const SIGNER_KEY: &str = "signer.pub";
/// Temporary files start with this; nothing else on the share is ever deleted.
pub const TEMP_PREFIX: &str = ".samtalenotat-tmp-";
/// The longest artifact name accepted.
pub const MAX_NAME_LEN: usize = 64;

/// A path relative to the share folder, `/`-separated, of safe ASCII components only.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct RelPath(String);

impl RelPath {
    /// Builds from components, each checked with [`is_safe_component`].
    pub fn from_components<S: AsRef<str>>(parts: &[S]) -> Option<RelPath> {
        let mut s = String::new();
        for part in parts {
            let part = part.as_ref();
            if !is_safe_component(part) {
                return None;
            }
            if !s.is_empty() {
                s.push('/');
            }
            s.push_str(part);
        }
        (!s.is_empty()).then_some(RelPath(s))
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }

    /// The folder holding this path (`None` at the top).
    pub fn parent(&self) -> Option<RelPath> {
        self.0.rsplit_once('/').map(|(p, _)| RelPath(p.to_owned()))
    }

    /// The last component.
    pub fn file_name(&self) -> &str {
        self.0.rsplit_once('/').map_or(&self.0, |(_, n)| n)
    }

    pub fn join(&self, name: &str) -> Option<RelPath> {
        is_safe_component(name).then(|| RelPath(format!("{}/{name}", self.0)))
    }

    /// The real path under `share`.
    pub fn under(&self, share: &Path) -> PathBuf {
        let mut p = share.to_path_buf();
        p.extend(self.0.split('/'));
        p
    }
}

impl fmt::Display for RelPath {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

/// ASCII letters, digits, `.`, `_`, `-`; not empty, not `.`/`..`, at most 64 bytes, no
/// trailing dot (Windows drops it).
pub fn is_safe_component(s: &str) -> bool {
    !s.is_empty()
        && s.len() <= MAX_NAME_LEN
        && s != "."
        && s != ".."
        && !s.ends_with('.')
        && s.bytes()
            .all(|b| b.is_ascii_alphanumeric() || matches!(b, b'.' | b'_' | b'-'))
}

/// Whether `name` is one of our temporary files: the prefix and a ULID, nothing else.
pub fn is_temp_name(name: &str) -> bool {
    name.strip_prefix(TEMP_PREFIX)
        .is_some_and(|rest| rest.len() == 26 && Ulid::from_string(rest).is_ok())
}

/// A fresh temporary file name.
pub fn temp_name(id: Ulid) -> String {
    format!("{TEMP_PREFIX}{id}")
}

/// Why an artifact cannot be placed on the share.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum LayoutError {
    #[error("note id {0:?} is not a ULID")]
    NoteId(String),
    #[error("artifact name {0:?} is not a lower-case ASCII file name")]
    Name(String),
    #[error("signer.pub is not a minisign public key: {0}")]
    PublicKey(String),
}

/// `samtalenotat/v1/notes/<YYYY>/<MM>/<ULID>` for a note id.
pub fn note_folder(note_id: &str) -> Result<RelPath, LayoutError> {
    let ulid = Ulid::from_string(note_id).map_err(|_| LayoutError::NoteId(note_id.into()))?;
    // Only the canonical spelling: `from_string` also accepts lower case.
    if ulid.to_string() != note_id {
        return Err(LayoutError::NoteId(note_id.into()));
    }
    let ms = i64::try_from(ulid.timestamp_ms()).map_err(|_| LayoutError::NoteId(note_id.into()))?;
    let t: DateTime<Utc> =
        DateTime::from_timestamp_millis(ms).ok_or_else(|| LayoutError::NoteId(note_id.into()))?;
    let (year, month) = (format!("{:04}", t.year()), format!("{:02}", t.month()));
    let path = format!("{ROOT}/notes/{year}/{month}/{note_id}");
    Ok(RelPath(path))
}

/// The key folder.
pub fn keys_folder() -> RelPath {
    RelPath(format!("{ROOT}/keys"))
}

/// Where an artifact goes. `signer_pub` is needed (only) for `signer.pub`: its file on the
/// share is named after the key id inside it.
pub fn target_path(
    note_id: &str,
    name: &str,
    signer_pub: Option<&[u8]>,
) -> Result<RelPath, LayoutError> {
    if name == SIGNER_KEY {
        let key_id = minisign_key_id(signer_pub.unwrap_or_default())?;
        return Ok(RelPath(format!("{ROOT}/keys/{key_id}.pub")));
    }
    if name == FILING_JSON || name == FILING_SIG {
        // A receipt comes after the note is complete: beside it, a note folder would change
        // after its completion marker; so receipts have a tree of their own.
        let folder = note_folder(note_id)?;
        let under = folder.as_str().replacen("/notes/", "/filings/", 1);
        return Ok(RelPath(format!("{under}/{name}")));
    }
    let folder = note_folder(note_id)?;
    let lower_ascii = name
        .bytes()
        .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || matches!(b, b'.' | b'_' | b'-'));
    if !lower_ascii || name.starts_with('.') || !is_safe_component(name) {
        return Err(LayoutError::Name(name.into()));
    }
    Ok(RelPath(format!("{folder}/{name}")))
}

/// The key id of a minisign public key file, as minisign shows it (16 upper-case hex digits),
/// read from the key itself by the one minisign key parser ([`PublicKeyFile::parse`]).
pub fn minisign_key_id(file: &[u8]) -> Result<String, LayoutError> {
    let text = std::str::from_utf8(file).map_err(|_| LayoutError::PublicKey("not UTF-8".into()))?;
    PublicKeyFile::parse(text)
        .map(|k| k.key_id.to_string())
        .map_err(LayoutError::PublicKey)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn note_folder_comes_from_the_ulid_timestamp_in_utc() {
        // 2026-01-31T23:30:00Z
        let id = Ulid::from_parts(1_769_902_200_000, 7).to_string();
        assert_eq!(
            note_folder(&id).unwrap().as_str(),
            format!("samtalenotat/v1/notes/2026/01/{id}")
        );
        assert!(note_folder("not-a-ulid").is_err());
        assert!(note_folder(&id.to_lowercase()).is_err());
        assert!(note_folder("../../etc/passwd").is_err());
    }

    #[test]
    fn names_are_checked_and_user_text_cannot_escape() {
        let id = Ulid::from_parts(1_769_902_200_000, 7).to_string();
        assert!(target_path(&id, "note.pdf", None).is_ok());
        for bad in [
            "../x", "a/b", "Note.pdf", ".hidden", "x.", "æ.pdf", "", "con:",
        ] {
            assert!(target_path(&id, bad, None).is_err(), "{bad}");
        }
        assert!(target_path(&id, "signer.pub", Some(b"junk")).is_err());
    }

    #[test]
    fn key_id_is_little_endian_upper_hex() {
        use base64::Engine;
        let mut raw = b"Ed".to_vec();
        raw.extend_from_slice(&[0x01, 0x02, 0x03, 0x04, 0x05, 0x06, 0x07, 0x08]);
        raw.extend_from_slice(&[9u8; 32]);
        let file = format!(
            "untrusted comment: minisign public key 0807060504030201\n{}\n",
            base64::engine::general_purpose::STANDARD.encode(&raw)
        );
        assert_eq!(
            minisign_key_id(file.as_bytes()).unwrap(),
            "0807060504030201"
        );
        let id = Ulid::nil().to_string();
        assert_eq!(
            target_path(&id, SIGNER_KEY, Some(file.as_bytes()))
                .unwrap()
                .as_str(),
            "samtalenotat/v1/keys/0807060504030201.pub"
        );
    }

    #[test]
    fn temp_names_are_recognised_by_their_own_pattern_only() {
        let t = temp_name(Ulid::from_parts(1, 2));
        assert!(is_temp_name(&t));
        assert!(!is_temp_name(".samtalenotat-tmp-"));
        assert!(!is_temp_name(".samtalenotat-tmp-notaulid"));
        assert!(!is_temp_name("note.pdf"));
        assert!(!is_temp_name(&format!("{t}x")));
        assert!(!is_temp_name(
            ".samtalenotat-tmp-01ARZ3NDEKTSV4RRFFQ69G5FA/"
        ));
    }
}
