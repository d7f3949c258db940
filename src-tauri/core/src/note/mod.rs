//! The signed note: the municipality's legal record that a meeting was recorded (or that
//! recording was refused) and what staff said (SPEC section 3).
//!
//! A recording can be manipulated; the note must not be. So a finished record becomes:
//!
//! - `note.json`: the canonical [`NoteDocument`] (`canonical`), frozen and versioned, the
//!   record of truth. Its SHA-256 is the note's *content hash*.
//! - `note.pdf`: the same note for people and the case system (`text` lays out the words,
//!   `pdf` renders them with an embedded, subset font; deterministic bytes).
//! - `note.json.minisig`, `note.pdf.minisig`: detached minisign signatures (`sign`) whose
//!   trusted comments bind the note id, the artifact and its hash (and, for the PDF, the JSON's
//!   hash), so a signature cannot be moved to another note's file.
//! - `signer.pub`: the staff member's minisign public key (`keys`); its key id is inside it.
//!
//! `verify` checks such a folder and names exactly what fails; `export` writes one atomically.
//! Nothing here knows about windows, dialogs or the database: the application layer
//! (`crate::app`) stores what this module makes.

pub mod canonical;
pub mod export;
pub mod filing;
pub mod keys;
pub mod localtime;
pub mod pdf;
pub mod sign;
pub mod text;
pub mod verify;

use chrono::{DateTime, Utc};

pub use canonical::{NoteDocument, NoteSigner, NOTE_FORMAT, NOTE_FORMAT_VERSION};
pub use keys::{KeyError, KeyId, UnlockedKey};
pub use verify::{
    verify_folder, verify_share_folder, Check, KeyLoadReport, SkipReason, SkippedKey, TrustedKeys,
    VerifyCode, VerifyReport,
};

pub use crate::digest::sha256_hex;
use crate::domain::{Lang, MeetingRecord, Policy, StaffMember};

/// The fixed ASCII names of a note's artifacts.
pub const NOTE_JSON: &str = "note.json";
pub const NOTE_JSON_SIG: &str = "note.json.minisig";
pub const NOTE_PDF: &str = "note.pdf";
pub const NOTE_PDF_SIG: &str = "note.pdf.minisig";
pub const SIGNER_PUB: &str = "signer.pub";

/// Every artifact of a note, in the order they are written to a folder. `note.json.minisig`
/// comes LAST: a reader (the share, the overview) treats a folder as complete once it exists.
pub const ARTIFACT_WRITE_ORDER: [&str; 5] =
    [SIGNER_PUB, NOTE_PDF, NOTE_PDF_SIG, NOTE_JSON, NOTE_JSON_SIG];

#[derive(Debug, thiserror::Error)]
pub enum NoteError {
    #[error(transparent)]
    Key(#[from] KeyError),
    #[error("the record must be finished before a note is made of it")]
    NotFinished,
    /// The signer's name or initials are not clean text (`signer.name`, `signer.initials`).
    #[error(transparent)]
    Signer(crate::domain::input::InputError),
    /// A time outside the years a record may hold (`domain::time`): refused before any
    /// date arithmetic, so no input can make note building panic.
    #[error("{field}: the time lies outside 2000–2099")]
    TimeOutOfRange { field: String },
    #[error("the note cannot show the character {ch:?} (U+{code:04X}) in {place}: the note's font has no glyph for it")]
    MissingGlyph { ch: char, code: u32, place: String },
    #[error("the PDF could not be made: {0}")]
    Pdf(String),
    #[error("signing failed: {0}")]
    Sign(String),
    #[error("{path}: {source}")]
    Io {
        path: std::path::PathBuf,
        #[source]
        source: std::io::Error,
    },
    #[error("{path}: a different file with this name exists already; it was not overwritten")]
    Conflict { path: std::path::PathBuf },
}

/// A signed note's artifacts, ready to store or write.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SignedNote {
    pub note_id: String,
    pub document: NoteDocument,
    pub json: Vec<u8>,
    pub json_sig: Vec<u8>,
    pub pdf: Vec<u8>,
    pub pdf_sig: Vec<u8>,
    pub public_key: Vec<u8>,
    /// SHA-256 (hex) of `json`.
    pub content_hash: String,
}

impl SignedNote {
    /// `(name, bytes)` in [`ARTIFACT_WRITE_ORDER`].
    pub fn artifacts(&self) -> Vec<(&'static str, &[u8])> {
        vec![
            (SIGNER_PUB, &self.public_key[..]),
            (NOTE_PDF, &self.pdf[..]),
            (NOTE_PDF_SIG, &self.pdf_sig[..]),
            (NOTE_JSON, &self.json[..]),
            (NOTE_JSON_SIG, &self.json_sig[..]),
        ]
    }
}

/// Who signs, with which unlocked key, in which language the note is written.
#[derive(Clone, Copy)]
pub struct Signing<'a> {
    pub key: &'a UnlockedKey,
    pub signer: &'a StaffMember,
    pub lang: Lang,
}

/// Builds, renders and signs the note of a finished record. Pure apart from the signature's
/// randomness: the JSON and the PDF are the same bytes for the same input.
pub fn sign_note(
    record: &MeetingRecord,
    policy: &Policy,
    signing: Signing<'_>,
    signed_at: DateTime<Utc>,
) -> Result<SignedNote, NoteError> {
    let Signing { key, signer, lang } = signing;
    if !crate::domain::time::in_bounds(signed_at) {
        return Err(NoteError::TimeOutOfRange {
            field: "signed_at".into(),
        });
    }
    if let Some((field, _)) = crate::domain::time::record_times(record)
        .into_iter()
        .find(|(_, t)| !crate::domain::time::in_bounds(*t))
    {
        return Err(NoteError::TimeOutOfRange { field });
    }
    let signer = crate::domain::input::clean_signer(signer).map_err(NoteError::Signer)?;
    let document = NoteDocument::build(
        record,
        policy,
        NoteSigner {
            name: signer.name.clone(),
            initials: signer.initials.clone(),
            key_id: key.key_id().to_string(),
        },
        lang,
        signed_at,
    )?;
    let json = document.to_canonical_json();
    let content_hash = sha256_hex(&json);
    let pdf = pdf::render(&document, &content_hash)?;
    let pdf_hash = sha256_hex(&pdf);
    let note_id = document.note_id.clone();
    let json_comment = sign::TrustedComment {
        note_id: note_id.clone(),
        artifact: NOTE_JSON.to_owned(),
        sha256: content_hash.clone(),
        json_sha256: None,
        key_id: key.key_id().to_string(),
    };
    let pdf_comment = sign::TrustedComment {
        note_id: note_id.clone(),
        artifact: NOTE_PDF.to_owned(),
        sha256: pdf_hash,
        json_sha256: Some(content_hash.clone()),
        key_id: key.key_id().to_string(),
    };
    let json_sig = sign::sign_bytes(key, &json, &json_comment)?;
    let pdf_sig = sign::sign_bytes(key, &pdf, &pdf_comment)?;
    Ok(SignedNote {
        note_id,
        document,
        json,
        json_sig,
        pdf,
        pdf_sig,
        public_key: key.public_key_file().as_bytes().to_vec(),
        content_hash,
    })
}
