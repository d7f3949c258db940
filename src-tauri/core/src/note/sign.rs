//! Detached minisign signatures whose trusted comment binds the signature to its note.
//!
//! The trusted comment is signed together with the signature (minisign's global signature),
//! so whatever it says is as trustworthy as the signature itself, once verified. It is one
//! ASCII line:
//!
//! ```text
//! samtalenotat-note v1 note=<ULID> artifact=note.json sha256=<hex> key=<KEYID>
//! samtalenotat-note v1 note=<ULID> artifact=note.pdf sha256=<hex> json_sha256=<hex> key=<KEYID>
//! ```
//!
//! minisign itself does not check the `sha256=` values: the verifier recomputes them from the
//! files and compares (`verify.rs`). Binding the note id and the artifact name means a valid
//! signature from one note, or for the other file of the same note, fails when moved. The
//! untrusted comment (first line) is fixed and carries nothing.

use super::keys::UnlockedKey;
use super::NoteError;

/// The fixed, meaningless untrusted comment.
pub const UNTRUSTED_COMMENT: &str = "signature from samtalenotat";
const PREFIX: &str = "samtalenotat-note v1";

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TrustedComment {
    pub note_id: String,
    /// `note.json` or `note.pdf`.
    pub artifact: String,
    /// SHA-256 (hex) of the signed file.
    pub sha256: String,
    /// For the PDF: SHA-256 of the note.json it renders.
    pub json_sha256: Option<String>,
    pub key_id: String,
}

impl TrustedComment {
    pub fn to_line(&self) -> String {
        let mut line = format!(
            "{PREFIX} note={} artifact={} sha256={}",
            self.note_id, self.artifact, self.sha256
        );
        if let Some(j) = &self.json_sha256 {
            line.push_str(&format!(" json_sha256={j}"));
        }
        line.push_str(&format!(" key={}", self.key_id));
        line
    }

    /// Parses exactly the form [`Self::to_line`] writes; anything else is refused.
    pub fn parse(line: &str) -> Result<TrustedComment, String> {
        let rest = line
            .strip_prefix(PREFIX)
            .and_then(|r| r.strip_prefix(' '))
            .ok_or("trusted comment is not a samtalenotat note comment")?;
        let mut fields = rest.split(' ');
        let mut take = |name: &str| -> Result<String, String> {
            let field = fields
                .next()
                .ok_or_else(|| format!("trusted comment lacks {name}="))?;
            field
                .strip_prefix(name)
                .and_then(|v| v.strip_prefix('='))
                .map(str::to_owned)
                .ok_or_else(|| format!("trusted comment has `{field}` where {name}= belongs"))
        };
        let note_id = take("note")?;
        let artifact = take("artifact")?;
        let sha256 = take("sha256")?;
        let (json_sha256, key_id) = if artifact == super::NOTE_PDF {
            (Some(take("json_sha256")?), take("key")?)
        } else {
            (None, take("key")?)
        };
        if fields.next().is_some() {
            return Err("trusted comment has extra fields".into());
        }
        let comment = TrustedComment {
            note_id,
            artifact,
            sha256,
            json_sha256,
            key_id,
        };
        if comment.to_line() != line {
            return Err("trusted comment is not in canonical form".into());
        }
        Ok(comment)
    }
}

/// Signs `bytes`; returns the `.minisig` file's bytes.
pub fn sign_bytes(
    key: &UnlockedKey,
    bytes: &[u8],
    comment: &TrustedComment,
) -> Result<Vec<u8>, NoteError> {
    sign_with_comment(key, bytes, &comment.to_line())
}

/// Signs `bytes` with a trusted comment of the caller's (one ASCII line); returns the
/// `.minisig` file's bytes. The administration's signed files use this with their own comment.
pub fn sign_with_comment(
    key: &UnlockedKey,
    bytes: &[u8],
    line: &str,
) -> Result<Vec<u8>, NoteError> {
    // A newline would break the signature file; the comment is built from ASCII codes, so
    // this is a defect guard, not input validation.
    if !line.is_ascii() || line.contains(['\n', '\r']) {
        return Err(NoteError::Sign(
            "trusted comment must be one ASCII line".into(),
        ));
    }
    let signature = minisign::sign(
        Some(&key.public),
        &key.secret,
        bytes,
        Some(line),
        Some(UNTRUSTED_COMMENT),
    )
    .map_err(|e| NoteError::Sign(e.to_string()))?;
    Ok(signature.into_string().into_bytes())
}
