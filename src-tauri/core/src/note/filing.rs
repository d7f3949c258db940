//! The receipt that a signed note was filed in the case (G-NOTICE-CASE): a small JSON
//! document signed by the staff member who filed it, synced to the share beside the note.
//!
//! The note itself is the notation in the case; what the guideline further needs to be
//! provable is that it was actually put there, and when. The record cannot say so (it is
//! immutable once signed), so the receipt does: `filing.json` with `filing.json.minisig`, whose
//! trusted comment binds the note id and the receipt's hash:
//!
//! ```text
//! samtalenotat-filing v1 note=<ULID> sha256=<hex> key=<KEYID>
//! ```

use serde::{Deserialize, Serialize};

use super::keys::UnlockedKey;
use super::sign::sign_with_comment;
use super::{sha256_hex, NoteError, NoteSigner};

pub const FILING_JSON: &str = "filing.json";
pub const FILING_SIG: &str = "filing.json.minisig";
pub const FILING_FORMAT: &str = "samtalenotat-filing";

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct FilingReceipt {
    pub format: String,
    pub format_version: u32,
    pub note_id: String,
    /// SHA-256 of the note's `note.json`: the receipt is about exactly that note.
    pub note_content_hash: String,
    pub case_number: String,
    /// When the note was filed in the case system (as staff state it).
    pub filed_at: String,
    /// The case system's document number; empty when not given.
    pub document_number: String,
    /// When the receipt was made.
    pub recorded_at: String,
    pub signer: NoteSigner,
}

/// The receipt's bytes and signature file.
pub fn sign_receipt(
    key: &UnlockedKey,
    receipt: &FilingReceipt,
) -> Result<(Vec<u8>, Vec<u8>), NoteError> {
    let mut bytes = serde_json::to_vec(receipt).expect("a receipt serialises");
    bytes.push(b'\n');
    let line = format!(
        "samtalenotat-filing v1 note={} sha256={} key={}",
        receipt.note_id,
        sha256_hex(&bytes),
        key.key_id()
    );
    let sig = sign_with_comment(key, &bytes, &line)?;
    Ok((bytes, sig))
}
