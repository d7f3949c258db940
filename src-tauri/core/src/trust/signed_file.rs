//! The administration's signed files on the share: endorsements and revocations of staff
//! keys (and, later, the policy). Each is a JSON document with a detached minisign signature
//! by the administration key whose one-line trusted comment binds the kind, the subject and the
//! document's hash:
//!
//! ```text
//! samtalenotat-trust v1 kind=endorsement subject=<KEYID> sha256=<hex> admin=<ADMIN KEYID>
//! ```
//!
//! So a valid signature cannot be moved to another document, another kind or another key.

use minisign_verify::Signature;

use crate::digest::sha256_hex;
use crate::note::keys::{KeyId, PublicKeyFile, UnlockedKey};
use crate::note::sign::sign_with_comment;
use crate::note::NoteError;

const PREFIX: &str = "samtalenotat-trust v1";

/// What an administration file is about.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SignedKind {
    Endorsement,
    Revocation,
    Policy,
}

impl SignedKind {
    pub fn as_str(self) -> &'static str {
        match self {
            SignedKind::Endorsement => "endorsement",
            SignedKind::Revocation => "revocation",
            SignedKind::Policy => "policy",
        }
    }
}

/// The trusted comment line for a document of `kind` about `subject`.
pub fn comment_line(kind: SignedKind, subject: &str, bytes: &[u8], admin: KeyId) -> String {
    format!(
        "{PREFIX} kind={} subject={subject} sha256={} admin={admin}",
        kind.as_str(),
        sha256_hex(bytes)
    )
}

/// Signs an administration document; returns the `.minisig` file's bytes.
pub fn sign(
    admin: &UnlockedKey,
    kind: SignedKind,
    subject: &str,
    bytes: &[u8],
) -> Result<Vec<u8>, NoteError> {
    let line = comment_line(kind, subject, bytes, admin.key_id());
    sign_with_comment(admin, bytes, &line)
}

/// Why an administration file is not believed.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum SignedFileError {
    #[error("the signature file is not a minisign signature: {0}")]
    Malformed(String),
    #[error("not signed by the administration key {expected} (signed by {found})")]
    OtherSigner { expected: KeyId, found: String },
    #[error("the signature does not verify (the file or its signed comment was changed)")]
    Invalid,
    #[error("the signed comment does not describe this file: {0}")]
    WrongComment(String),
}

/// Checks that `sig` is the administration key's signature of `bytes` as a document of
/// `kind` about `subject`.
pub fn verify(
    admin: &PublicKeyFile,
    kind: SignedKind,
    subject: &str,
    bytes: &[u8],
    sig: &[u8],
) -> Result<(), SignedFileError> {
    let text =
        std::str::from_utf8(sig).map_err(|_| SignedFileError::Malformed("not text".into()))?;
    let signature =
        Signature::decode(text).map_err(|e| SignedFileError::Malformed(e.to_string()))?;
    let signer = minisign::SignatureBox::from_string(text)
        .ok()
        .and_then(|b| <[u8; 8]>::try_from(b.keynum()).ok().map(KeyId));
    if signer != Some(admin.key_id) {
        return Err(SignedFileError::OtherSigner {
            expected: admin.key_id,
            found: signer.map_or_else(|| "?".into(), |k| k.to_string()),
        });
    }
    admin
        .key
        .verify(bytes, &signature, false)
        .map_err(|_| SignedFileError::Invalid)?;
    let expected = comment_line(kind, subject, bytes, admin.key_id);
    if signature.trusted_comment() != expected {
        return Err(SignedFileError::WrongComment(
            signature.trusted_comment().chars().take(200).collect(),
        ));
    }
    Ok(())
}
