//! Verifying a note folder: every artifact present, each signature valid against an allowed
//! key, the trusted comments naming this note, this artifact and its hash, and the PDF bound to
//! the JSON's hash. The report names each file and what is wrong with it; it is what the CLI
//! prints and what the app shows.
//!
//! Trust: signatures are checked against [`TrustedKeys`] (e.g. the share's published keys or
//! `--keys DIR`). The folder's own `signer.pub` is trusted only when the caller says so
//! (`trust_folder_key`): then the check proves the files are intact and consistent, but not
//! who signed them, because anyone can make a key. Signature checks use `minisign-verify`,
//! an implementation independent of the signing crate.

use std::fs;
use std::path::Path;

use serde::Serialize;
use ts_rs::TS;

use super::canonical::NoteDocument;
use super::keys::{KeyId, PublicKeyFile};
use super::sign::{TrustedComment, UNTRUSTED_COMMENT};
use super::{sha256_hex, NOTE_JSON, NOTE_JSON_SIG, NOTE_PDF, NOTE_PDF_SIG, SIGNER_PUB};

/// What is wrong with a file, as a code the window shows in Danish or English. The English
/// `reason` beside it (with the numbers) is what the command line prints.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum VerifyCode {
    /// The file is not in the folder.
    Missing,
    /// The file cannot be read.
    Unreadable,
    /// `signer.pub` is not a minisign public key.
    NotAPublicKey,
    /// A file is not in the exact form Samtalenotat writes (a part outside the signature
    /// was changed).
    NotCanonical,
    /// The signing key differs from the trusted key with the same id (a forgery).
    KeyDiffersFromTrusted,
    /// The signing key is not among the trusted keys.
    KeyNotTrusted,
    /// `note.json` is not a note of this format.
    NoteInvalid,
    /// The note's id differs from its folder's name.
    FolderMismatch,
    /// `note.json` names another signer key than the one that signed.
    SignerMismatch,
    /// A `.minisig` file is not a minisign signature.
    SignatureMalformed,
    /// The file's content differs from what was signed.
    ContentChanged,
    /// The signature does not verify (signature or trusted comment changed, or made for
    /// another file).
    SignatureInvalid,
    /// The signed comment is not one Samtalenotat writes, or names another file.
    CommentInvalid,
    /// The signature belongs to another note.
    OtherNote,
    /// The PDF is not bound to this note.json.
    PdfNotBound,
}

/// One finding. A file that passed every check gets one `ok: true` entry.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct Check {
    pub file: String,
    pub ok: bool,
    pub code: Option<VerifyCode>,
    /// English, with the details (key ids, hashes).
    pub reason: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct VerifyReport {
    pub ok: bool,
    pub note_id: Option<String>,
    /// The key id `note.json` names as its signer's.
    pub signer_key_id: Option<String>,
    pub checks: Vec<Check>,
    /// Whether the signing key is one of the trusted keys (published on the share, or this
    /// PC's own). When only the folder's own `signer.pub` vouches for it, the files are
    /// intact but who signed is not confirmed: the UI says so.
    pub signer_known: bool,
}

impl VerifyReport {
    /// One line per failure: `FILE: reason`.
    pub fn failure_lines(&self) -> Vec<String> {
        self.checks
            .iter()
            .filter(|c| !c.ok)
            .map(|c| format!("{}: {}", c.file, c.reason.as_deref().unwrap_or("failed")))
            .collect()
    }
}

/// The public keys signatures may come from. One key per key id: a second, different key
/// under an id already held is refused (a minisign key id is 8 bytes anyone can choose, so
/// "the first file with this id" would let a crafted key stand in for a real one).
#[derive(Debug, Clone, Default)]
pub struct TrustedKeys {
    keys: Vec<PublicKeyFile>,
    /// Ids seen with two different keys: no key with such an id is trusted.
    distrusted: Vec<KeyId>,
}

/// A key file that was not taken, and why.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SkippedKey {
    pub path: std::path::PathBuf,
    pub reason: SkipReason,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum SkipReason {
    /// Not readable, or not a minisign public key (the detail says which).
    Unparsable(String),
    /// A different key with the same key id is held already (from this folder or before).
    DuplicateKeyId(KeyId),
    /// A symbolic link or something else than a plain file: never followed.
    NotAFile,
}

impl std::fmt::Display for SkippedKey {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match &self.reason {
            SkipReason::Unparsable(d) => {
                write!(f, "{}: not a public key: {d}", self.path.display())
            }
            SkipReason::DuplicateKeyId(id) => write!(
                f,
                "{}: another key with id {id} is known already; both are distrusted",
                self.path.display()
            ),
            SkipReason::NotAFile => write!(f, "{}: not a plain file", self.path.display()),
        }
    }
}

/// What loading a key folder did.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct KeyLoadReport {
    pub added: usize,
    pub skipped: Vec<SkippedKey>,
}

/// Adding a key whose id is held by a different key.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("a different key with id {0} is known already")]
pub struct DuplicateKeyId(pub KeyId);

impl TrustedKeys {
    pub fn new() -> Self {
        Self::default()
    }

    /// Adds a key. The same key again is fine; a different key under a held id is refused
    /// and the id is distrusted altogether (neither key can be told to be the real one).
    pub fn add(&mut self, key: PublicKeyFile) -> Result<(), DuplicateKeyId> {
        match self.keys.iter().position(|k| k.key_id == key.key_id) {
            Some(i) if self.keys[i].base64 == key.base64 => Ok(()),
            Some(i) => {
                self.keys.remove(i);
                self.distrusted.push(key.key_id);
                Err(DuplicateKeyId(key.key_id))
            }
            None if self.distrusted.contains(&key.key_id) => Err(DuplicateKeyId(key.key_id)),
            None => {
                self.keys.push(key);
                Ok(())
            }
        }
    }

    /// Every `*.pub` file in `dir` (minisign format). A file that cannot be used is
    /// reported and skipped; it never drops the others. `Err` only when the folder itself
    /// cannot be read.
    pub fn from_dir(dir: &Path) -> Result<(TrustedKeys, KeyLoadReport), String> {
        let mut keys = TrustedKeys::new();
        let report = keys.add_dir(dir)?;
        Ok((keys, report))
    }

    pub fn add_dir(&mut self, dir: &Path) -> Result<KeyLoadReport, String> {
        let entries = fs::read_dir(dir).map_err(|e| format!("{}: {e}", dir.display()))?;
        let mut paths: Vec<_> = entries
            .filter_map(Result::ok)
            .map(|e| e.path())
            .filter(|p| p.extension().is_some_and(|x| x == "pub"))
            .collect();
        paths.sort();
        let mut report = KeyLoadReport::default();
        for path in paths {
            let skip = |reason| SkippedKey {
                path: path.clone(),
                reason,
            };
            // Never follow a link: a key "lying there" must be a file someone put there.
            match fs::symlink_metadata(&path) {
                Ok(m) if m.file_type().is_file() => {}
                Ok(_) => {
                    report.skipped.push(skip(SkipReason::NotAFile));
                    continue;
                }
                Err(e) => {
                    report
                        .skipped
                        .push(skip(SkipReason::Unparsable(e.to_string())));
                    continue;
                }
            }
            let parsed = fs::read_to_string(&path)
                .map_err(|e| e.to_string())
                .and_then(|text| PublicKeyFile::parse(&text));
            match parsed {
                Ok(key) => match self.add(key) {
                    Ok(()) => report.added += 1,
                    Err(DuplicateKeyId(id)) => {
                        report.skipped.push(skip(SkipReason::DuplicateKeyId(id)))
                    }
                },
                Err(detail) => report.skipped.push(skip(SkipReason::Unparsable(detail))),
            }
        }
        Ok(report)
    }

    pub fn len(&self) -> usize {
        self.keys.len()
    }

    pub fn is_empty(&self) -> bool {
        self.keys.is_empty()
    }

    fn by_id(&self, id: KeyId) -> Option<&PublicKeyFile> {
        self.keys.iter().find(|k| k.key_id == id)
    }
}

struct Findings(Vec<Check>);

impl Findings {
    fn fail(&mut self, file: &str, code: VerifyCode, reason: impl Into<String>) {
        self.0.push(Check {
            file: file.to_owned(),
            ok: false,
            code: Some(code),
            reason: Some(reason.into()),
        });
    }
}

/// Verifies the note folder `dir`. `trust_folder_key`: accept the folder's own `signer.pub`
/// as a signing key (integrity only; see the module comment).
pub fn verify_folder(dir: &Path, trusted: &TrustedKeys, trust_folder_key: bool) -> VerifyReport {
    verify(dir, trusted, trust_folder_key, true)
}

/// Verifies a note folder as it lies on the share: there the signer's key is not in the
/// folder (it is published once, under `keys/`), so the signing key is looked up among
/// `trusted` by the key id in the signatures, and `signer.pub` is neither needed nor read.
pub fn verify_share_folder(dir: &Path, trusted: &TrustedKeys) -> VerifyReport {
    verify(dir, trusted, false, false)
}

fn verify(
    dir: &Path,
    trusted: &TrustedKeys,
    trust_folder_key: bool,
    with_signer_pub: bool,
) -> VerifyReport {
    let mut f = Findings(Vec::new());
    let read = |name: &str, f: &mut Findings| -> Option<Vec<u8>> {
        match fs::read(dir.join(name)) {
            Ok(bytes) => Some(bytes),
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
                f.fail(name, VerifyCode::Missing, "missing");
                None
            }
            Err(e) => {
                f.fail(name, VerifyCode::Unreadable, format!("cannot be read: {e}"));
                None
            }
        }
    };
    let json = read(NOTE_JSON, &mut f);
    let json_sig = read(NOTE_JSON_SIG, &mut f);
    let pdf = read(NOTE_PDF, &mut f);
    let pdf_sig = read(NOTE_PDF_SIG, &mut f);
    let public = if with_signer_pub {
        read(SIGNER_PUB, &mut f)
    } else {
        None
    };

    // The signer's public key, and which keys may have signed.
    let mut allowed = trusted.clone();
    let folder_key = public.as_ref().and_then(|bytes| {
        match std::str::from_utf8(bytes)
            .map_err(|_| "not text".to_owned())
            .and_then(PublicKeyFile::parse)
        {
            Ok(key) => Some(key),
            Err(e) => {
                f.fail(
                    SIGNER_PUB,
                    VerifyCode::NotAPublicKey,
                    format!("not a minisign public key: {e}"),
                );
                None
            }
        }
    });
    if let Some(key) = &folder_key {
        let text = std::str::from_utf8(public.as_deref().unwrap_or_default()).unwrap_or("");
        if !is_canonical_public_key(text) {
            f.fail(
                SIGNER_PUB,
                VerifyCode::NotCanonical,
                "not in the exact form minisign writes (the comment line or spelling was changed)",
            );
        }
        match trusted.by_id(key.key_id) {
            Some(known) if known.base64 != key.base64 => f.fail(
                SIGNER_PUB,
                VerifyCode::KeyDiffersFromTrusted,
                format!(
                    "key {} differs from the trusted key with the same id",
                    key.key_id
                ),
            ),
            Some(_) => {}
            None if trust_folder_key => {
                if allowed.add(key.clone()).is_err() {
                    f.fail(
                        SIGNER_PUB,
                        VerifyCode::KeyDiffersFromTrusted,
                        format!("two different keys claim the id {}", key.key_id),
                    );
                }
            }
            None => f.fail(
                SIGNER_PUB,
                VerifyCode::KeyNotTrusted,
                format!("key {} is not among the trusted keys", key.key_id),
            ),
        }
    }

    // The canonical document.
    let doc = json
        .as_ref()
        .and_then(|bytes| match NoteDocument::parse_canonical(bytes) {
            Ok(doc) => Some(doc),
            Err(e) => {
                f.fail(NOTE_JSON, VerifyCode::NoteInvalid, e.to_string());
                None
            }
        });
    if let Some(doc) = &doc {
        if let Some(name) = dir.file_name().and_then(|n| n.to_str()) {
            if name.len() == 26 && ulid::Ulid::from_string(name).is_ok() && name != doc.note_id {
                f.fail(
                    NOTE_JSON,
                    VerifyCode::FolderMismatch,
                    format!(
                        "note id {} does not match the folder name {name}",
                        doc.note_id
                    ),
                );
            }
        }
        if let Some(key) = &folder_key {
            if doc.signer.key_id != key.key_id.to_string() {
                f.fail(
                    NOTE_JSON,
                    VerifyCode::SignerMismatch,
                    format!(
                        "names signer key {} but signer.pub is key {}",
                        doc.signer.key_id, key.key_id
                    ),
                );
            }
        }
    }
    let json_hash = json.as_deref().map(sha256_hex);

    for (name, sig_name, bytes, sig) in [
        (NOTE_JSON, NOTE_JSON_SIG, &json, &json_sig),
        (NOTE_PDF, NOTE_PDF_SIG, &pdf, &pdf_sig),
    ] {
        let (Some(bytes), Some(sig)) = (bytes, sig) else {
            continue;
        };
        check_signature(
            &mut f,
            SignedFile {
                name,
                sig_name,
                bytes,
                sig,
            },
            &allowed,
            doc.as_ref(),
            json_hash.as_deref(),
        );
    }

    let failed: Vec<String> = f.0.iter().map(|c| c.file.clone()).collect();
    let files: &[&str] = if with_signer_pub {
        &[NOTE_JSON, NOTE_JSON_SIG, NOTE_PDF, NOTE_PDF_SIG, SIGNER_PUB]
    } else {
        &[NOTE_JSON, NOTE_JSON_SIG, NOTE_PDF, NOTE_PDF_SIG]
    };
    for name in files.iter().copied() {
        if !failed.iter().any(|n| n == name) {
            f.0.push(Check {
                file: name.to_owned(),
                ok: true,
                code: None,
                reason: None,
            });
        }
    }
    let ok = f.0.iter().all(|c| c.ok);
    let signer_key_id = doc.as_ref().map(|d| d.signer.key_id.clone());
    let signer_known = match &folder_key {
        Some(k) => trusted
            .by_id(k.key_id)
            .is_some_and(|t| t.base64 == k.base64),
        // On the share: known when the signing key is among the trusted and it verified.
        None => {
            !with_signer_pub
                && signer_key_id
                    .as_deref()
                    .and_then(|id| id.parse::<KeyId>().ok())
                    .is_some_and(|id| trusted.by_id(id).is_some())
                && !f
                    .0
                    .iter()
                    .any(|c| c.code == Some(VerifyCode::KeyNotTrusted))
        }
    };
    VerifyReport {
        ok,
        note_id: doc.map(|d| d.note_id),
        signer_key_id,
        checks: f.0,
        signer_known,
    }
}

struct SignedFile<'a> {
    name: &'a str,
    sig_name: &'a str,
    bytes: &'a [u8],
    sig: &'a [u8],
}

fn check_signature(
    f: &mut Findings,
    file: SignedFile<'_>,
    allowed: &TrustedKeys,
    doc: Option<&NoteDocument>,
    json_hash: Option<&str>,
) {
    let SignedFile {
        name,
        sig_name,
        bytes,
        sig,
    } = file;
    let Ok(sig_text) = std::str::from_utf8(sig) else {
        f.fail(
            sig_name,
            VerifyCode::SignatureMalformed,
            "not a minisign signature (not text)",
        );
        return;
    };
    let signature = match minisign_verify::Signature::decode(sig_text) {
        Ok(s) => s,
        Err(e) => {
            f.fail(
                sig_name,
                VerifyCode::SignatureMalformed,
                format!("not a minisign signature: {e}"),
            );
            return;
        }
    };
    let key_id = minisign::SignatureBox::from_string(sig_text)
        .ok()
        .and_then(|b| <[u8; 8]>::try_from(b.keynum()).ok().map(KeyId));
    let Some(key_id) = key_id else {
        f.fail(
            sig_name,
            VerifyCode::SignatureMalformed,
            "not a minisign signature: no key id",
        );
        return;
    };
    let Some(key) = allowed.by_id(key_id) else {
        f.fail(
            sig_name,
            VerifyCode::KeyNotTrusted,
            format!("signed by key {key_id}, which is not a trusted key"),
        );
        return;
    };
    // Every byte counts: the untrusted comment and the base64 spelling are not covered by
    // minisign's signatures, so the file must be exactly what samtalenotat writes.
    let canonical = minisign::SignatureBox::from_string(sig_text)
        .ok()
        .filter(|b| b.untrusted_comment().ok().as_deref() == Some(UNTRUSTED_COMMENT))
        .is_some_and(|b| b.to_string() == sig_text);
    let actual = sha256_hex(bytes);
    // Parsed before verification only to say WHICH file changed; nothing passes on it.
    let claimed = TrustedComment::parse(signature.trusted_comment());
    if key.key.verify(bytes, &signature, false).is_err() {
        match &claimed {
            Ok(c) if c.sha256 != actual && c.artifact == name => f.fail(
                name, VerifyCode::ContentChanged,
                format!("content differs from what was signed (signature is for sha256 {})", c.sha256),
            ),
            _ => f.fail(
                sig_name, VerifyCode::SignatureInvalid,
                format!("signature does not verify for {name} with key {key_id} (signature or trusted comment changed, or signed for another file)"),
            ),
        }
        return;
    }
    if !canonical {
        f.fail(
            sig_name, VerifyCode::NotCanonical,
            "not in the exact form samtalenotat writes (a line outside the signed part was changed)",
        );
    }
    let comment = match claimed {
        Ok(c) => c,
        Err(e) => {
            f.fail(sig_name, VerifyCode::CommentInvalid, e);
            return;
        }
    };
    if comment.artifact != name {
        f.fail(
            sig_name,
            VerifyCode::CommentInvalid,
            format!("signature is for {}, not {name}", comment.artifact),
        );
    }
    if comment.sha256 != actual {
        f.fail(
            name,
            VerifyCode::ContentChanged,
            format!("sha256 {actual} differs from the signed {}", comment.sha256),
        );
    }
    if comment.key_id != key_id.to_string() {
        f.fail(
            sig_name,
            VerifyCode::CommentInvalid,
            format!(
                "trusted comment names key {} but key {key_id} signed",
                comment.key_id
            ),
        );
    }
    if let Some(doc) = doc {
        if comment.note_id != doc.note_id {
            f.fail(
                sig_name,
                VerifyCode::OtherNote,
                format!(
                    "signature belongs to note {}, not {}",
                    comment.note_id, doc.note_id
                ),
            );
        }
        if doc.signer.key_id != key_id.to_string() {
            f.fail(
                sig_name,
                VerifyCode::SignerMismatch,
                format!(
                    "signed by key {key_id}, but note.json names signer key {}",
                    doc.signer.key_id
                ),
            );
        }
    }
    if name == NOTE_PDF {
        match (comment.json_sha256.as_deref(), json_hash) {
            (Some(bound), Some(json)) if bound != json => f.fail(
                NOTE_PDF,
                VerifyCode::PdfNotBound,
                format!("the PDF is bound to note.json sha256 {bound}, but note.json has {json}"),
            ),
            (None, _) => f.fail(
                sig_name,
                VerifyCode::PdfNotBound,
                "trusted comment does not bind the PDF to note.json",
            ),
            _ => {}
        }
    }
}

/// `text` is exactly minisign's public key file for the key it holds.
fn is_canonical_public_key(text: &str) -> bool {
    minisign::PublicKeyBox::from_string(text)
        .and_then(minisign::PublicKey::from_box)
        .and_then(|k| k.to_box())
        .is_ok_and(|b| b.into_string() == text)
}
