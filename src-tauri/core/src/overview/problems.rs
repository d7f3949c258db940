//! What can be wrong on the share, one kind per fault, and how a verifier's findings map to
//! exactly one kind per note (so a planted fault is reported once, not as each check it trips).

use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::note::verify::{VerifyCode, VerifyReport};

/// The kinds of problem the overview lists (docs/overview.md, "Problems").
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum ProblemKind {
    /// A file differs from what was signed, is not in the form Samtalenotat writes, or
    /// `note.json` is not a note.
    Tampered,
    /// A signature names another note: it was moved here from another note's folder.
    SignatureFromOtherNote,
    /// Signed with a key the administration has not endorsed.
    UnknownKey,
    /// A signature does not verify with the endorsed key under its key id: made with another
    /// key that reuses the id (a forgery), or the signature itself was changed.
    ForgedSignature,
    /// Signed at or after the key's revocation took effect.
    RevokedKey,
    /// Signed before the key's endorsement took effect.
    SignedBeforeEndorsement,
    /// `note.json` names another person than the one the key was endorsed for.
    SignerMismatch,
    /// The same note id in more than one folder; this one is the extra copy.
    DuplicateNoteId,
    /// No completion marker (`note.json.minisig`), and the note id is more than a day old.
    Incomplete,
    /// A file or folder that does not belong where it is.
    UnexpectedFile,
    /// A note folder under another year/month than its id's timestamp.
    WrongFolder,
    /// A symbolic link: never followed.
    Symlink,
    /// A file or folder that cannot be read.
    Unreadable,
    /// A file of the administration's (trust folder) that is not believed.
    TrustFile,
}

impl ProblemKind {
    pub const ALL: &'static [ProblemKind] = &[
        ProblemKind::Tampered,
        ProblemKind::SignatureFromOtherNote,
        ProblemKind::UnknownKey,
        ProblemKind::ForgedSignature,
        ProblemKind::RevokedKey,
        ProblemKind::SignedBeforeEndorsement,
        ProblemKind::SignerMismatch,
        ProblemKind::DuplicateNoteId,
        ProblemKind::Incomplete,
        ProblemKind::UnexpectedFile,
        ProblemKind::WrongFolder,
        ProblemKind::Symlink,
        ProblemKind::Unreadable,
        ProblemKind::TrustFile,
    ];

    #[allow(clippy::should_implement_trait)]
    pub fn from_str(text: &str) -> Option<ProblemKind> {
        ProblemKind::ALL
            .iter()
            .copied()
            .find(|k| k.as_str() == text)
    }

    pub fn as_str(self) -> &'static str {
        match self {
            ProblemKind::Tampered => "tampered",
            ProblemKind::SignatureFromOtherNote => "signature_from_other_note",
            ProblemKind::UnknownKey => "unknown_key",
            ProblemKind::ForgedSignature => "forged_signature",
            ProblemKind::RevokedKey => "revoked_key",
            ProblemKind::SignedBeforeEndorsement => "signed_before_endorsement",
            ProblemKind::SignerMismatch => "signer_mismatch",
            ProblemKind::DuplicateNoteId => "duplicate_note_id",
            ProblemKind::Incomplete => "incomplete",
            ProblemKind::UnexpectedFile => "unexpected_file",
            ProblemKind::WrongFolder => "wrong_folder",
            ProblemKind::Symlink => "symlink",
            ProblemKind::Unreadable => "unreadable",
            ProblemKind::TrustFile => "trust_file",
        }
    }
}

/// One problem, by note and path. `detail` is English, for the log and the command line;
/// the window explains `kind` in its own words.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize, TS)]
pub struct Problem {
    pub kind: ProblemKind,
    /// The note's id when the problem concerns a note folder (its name, when it is a ULID).
    pub note_id: Option<String>,
    /// Relative to the share folder, `/`-separated.
    pub path: String,
    pub detail: String,
}

/// The one kind a failed verification is reported as, with the verifier's lines as detail.
/// `comment_names_other_note`: a signature's (unverified) trusted comment names another
/// note, which tells a swapped signature from a changed file.
pub fn classify(
    report: &VerifyReport,
    comment_names_other_note: bool,
) -> Option<(ProblemKind, String)> {
    if report.ok {
        return None;
    }
    let has = |code: VerifyCode| report.checks.iter().any(|c| c.code == Some(code));
    let kind = if comment_names_other_note || has(VerifyCode::OtherNote) {
        ProblemKind::SignatureFromOtherNote
    } else if has(VerifyCode::KeyNotTrusted) {
        ProblemKind::UnknownKey
    } else if has(VerifyCode::SignatureInvalid) || has(VerifyCode::KeyDiffersFromTrusted) {
        ProblemKind::ForgedSignature
    } else if has(VerifyCode::Unreadable) {
        ProblemKind::Unreadable
    } else if has(VerifyCode::SignerMismatch)
        && report
            .checks
            .iter()
            .all(|c| c.ok || c.code == Some(VerifyCode::SignerMismatch))
    {
        ProblemKind::SignerMismatch
    } else {
        ProblemKind::Tampered
    };
    Some((kind, report.failure_lines().join("; ")))
}
