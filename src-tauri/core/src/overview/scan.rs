//! Walking the share's notes tree, read-only: every complete note folder is verified against
//! the endorsed keys (or taken from the index when its files did not change), every fault is
//! reported once by note and path, and nothing is followed through a symbolic link.

use std::collections::{HashMap, HashSet};
use std::fs;
use std::path::Path;
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
use std::sync::mpsc;
use std::thread;

use chrono::{DateTime, TimeDelta, Utc};
use serde::Serialize;
use ts_rs::TS;
use ulid::Ulid;

use super::facts::NoteFacts;
use super::index::{FolderEntry, Index};
use super::problems::{classify, Problem, ProblemKind};
use super::OverviewError;
use crate::digest::sha256_hex;
use crate::note::canonical::NoteDocument;
use crate::note::sign::TrustedComment;
use crate::note::{NOTE_JSON, NOTE_JSON_SIG, NOTE_PDF, NOTE_PDF_SIG};
use crate::sync::layout::{note_folder, ROOT, TEMP_PREFIX};
use crate::trust::{trust_dir, NoteChecker, SignerStanding, TrustSet};

/// Files a note folder holds; anything else there is unexpected.
const NOTE_FILES: [&str; 4] = [NOTE_JSON, NOTE_PDF, NOTE_PDF_SIG, NOTE_JSON_SIG];
/// How long a folder without its completion marker may be a publish in progress.
const INCOMPLETE_AFTER: TimeDelta = TimeDelta::days(1);
/// Folders written to the index per transaction (a cancelled run keeps what it did).
const BATCH: usize = 500;

/// One folder as a worker found it: its stamp, and what reading it found when it had to be
/// read (`None`: unchanged since the index last saw it).
struct Looked {
    i: usize,
    stamp: FolderStamp,
    fresh: Option<FolderEntry>,
}

/// Where a run is, for a progress bar.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, TS)]
pub struct ScanProgress {
    #[ts(type = "number")]
    pub done: u64,
    #[ts(type = "number")]
    pub total: u64,
}

/// What a run did.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, TS)]
pub struct ScanReport {
    /// Note folders found.
    #[ts(type = "number")]
    pub folders: u64,
    /// Folders read and verified in this run.
    #[ts(type = "number")]
    pub verified: u64,
    /// Folders taken from the index unchanged.
    #[ts(type = "number")]
    pub reused: u64,
    /// Trusted notes counted.
    #[ts(type = "number")]
    pub trusted: u64,
    pub problems: Vec<Problem>,
}

/// Scans `share` into `index`. `now` decides which incomplete folders are old enough to
/// report; `cancel` stops the run between folders (the index keeps what was done).
pub fn scan_share(
    share: &Path,
    trust: &TrustSet,
    index: &mut Index,
    now: DateTime<Utc>,
    cancel: &AtomicBool,
    progress: &mut dyn FnMut(ScanProgress),
) -> Result<ScanReport, OverviewError> {
    let notes_root = share.join(ROOT).join("notes");
    match fs::symlink_metadata(&notes_root) {
        Ok(m) if m.is_dir() => {}
        Ok(_) => {
            return Err(OverviewError::ShareMissing(
                notes_root.display().to_string(),
            ))
        }
        Err(_) => {
            return Err(OverviewError::ShareMissing(
                notes_root.display().to_string(),
            ))
        }
    }
    let mut report = ScanReport::default();
    for p in &trust.problems {
        report.problems.push(Problem {
            kind: ProblemKind::TrustFile,
            note_id: None,
            path: p.path.clone(),
            detail: p.detail.clone(),
        });
    }
    let folders = list_note_folders(&notes_root, &mut report.problems);
    report.folders = folders.len() as u64;
    let total = report.folders;
    progress(ScanProgress { done: 0, total });

    // A verdict depends on the administration's files: when they change, check again.
    let trust_stamp = tree_stamp(&trust_dir(share));
    let trust_changed = index.meta("trust_stamp")?.as_deref() != Some(trust_stamp.as_str());
    let run: i64 = index.meta("run")?.and_then(|r| r.parse().ok()).unwrap_or(0) + 1;

    // Where each note id lives when it is where the layout puts it.
    let mut at_home: HashMap<String, String> = HashMap::new();
    for f in &folders {
        if let Some(id) = &f.note_id {
            if f.at_home {
                at_home.insert(id.clone(), f.rel.clone());
            }
        }
    }

    let known = index.known_folders()?;
    let listed: HashSet<&str> = folders.iter().map(|f| f.rel.as_str()).collect();
    let gone: Vec<String> = known
        .keys()
        .filter(|path| !listed.contains(path.as_str()))
        .cloned()
        .collect();

    // Statting and verifying run on every core; this thread alone writes the index and the
    // report, in the order results come (the report is sorted at the end).
    let next = AtomicUsize::new(0);
    let workers = thread::available_parallelism()
        .map_or(1, |n| n.get())
        .min(8);
    let (send, results) = mpsc::sync_channel::<Looked>(BATCH);
    let written: Result<(), OverviewError> = thread::scope(|scope| {
        for _ in 0..workers {
            let send = send.clone();
            let (next, folders, known) = (&next, &folders, &known);
            scope.spawn(move || loop {
                if cancel.load(Ordering::SeqCst) {
                    break;
                }
                let i = next.fetch_add(1, Ordering::Relaxed);
                let Some(folder) = folders.get(i) else { break };
                let abs = share.join(&folder.rel);
                let stamp = folder_stamp(&abs);
                let unchanged = !trust_changed
                    && known
                        .get(&folder.rel)
                        .is_some_and(|k| k.stamp == stamp.text);
                let fresh = (!unchanged).then(|| {
                    let mut entry = examine(&abs, folder, &stamp, trust, now);
                    if !folder.at_home {
                        // A copy or a misplaced folder is reported, never counted.
                        entry.facts = None;
                    }
                    entry
                });
                if send.send(Looked { i, stamp, fresh }).is_err() {
                    break;
                }
            });
        }
        drop(send);
        let mut pending: Vec<(String, FolderEntry)> = Vec::new();
        let mut done = 0u64;
        for looked in results {
            let folder = &folders[looked.i];
            match looked.fresh {
                Some(entry) => {
                    report_entry(
                        folder,
                        entry.problem.as_ref(),
                        entry.facts.is_some(),
                        &at_home,
                        &looked.stamp,
                        &mut report,
                    );
                    report.verified += 1;
                    pending.push((folder.rel.clone(), entry));
                }
                None => {
                    let k = &known[&folder.rel];
                    report_entry(
                        folder,
                        k.problem.as_ref(),
                        k.trusted,
                        &at_home,
                        &looked.stamp,
                        &mut report,
                    );
                    report.reused += 1;
                }
            }
            done += 1;
            if pending.len() >= BATCH {
                index.put_all(&pending, run)?;
                pending.clear();
            }
            if done.is_multiple_of(BATCH as u64) {
                progress(ScanProgress { done, total });
            }
        }
        // A cancelled run keeps what it read.
        index.put_all(&pending, run)?;
        progress(ScanProgress { done, total });
        Ok(())
    });
    written?;
    if cancel.load(Ordering::SeqCst) {
        return Err(OverviewError::Cancelled);
    }
    index.forget(&gone)?;
    index.set_meta("run", &run.to_string())?;
    index.set_meta("trust_stamp", &trust_stamp)?;
    index.set_meta("scanned_at", &crate::domain::time::timestamp(now))?;
    report.problems.sort();
    Ok(report)
}

/// One note folder found under `notes/<YYYY>/<MM>/`.
#[derive(Debug, Clone)]
struct FoundFolder {
    /// Relative to the share, `/`-separated.
    rel: String,
    /// The folder's name when it is a note id (a canonical ULID).
    note_id: Option<String>,
    /// The layout puts this note id exactly here.
    at_home: bool,
}

/// The files of a folder as stat sees them, and what is odd about them.
struct FolderStamp {
    text: String,
    symlinks: Vec<String>,
    unexpected: Vec<String>,
    complete: bool,
}

fn list_note_folders(notes_root: &Path, problems: &mut Vec<Problem>) -> Vec<FoundFolder> {
    let rel_root = format!("{ROOT}/notes");
    let mut out = Vec::new();
    for (year, year_kind) in entries(notes_root) {
        let year_rel = format!("{rel_root}/{year}");
        if !odd_entry(&year_rel, year_kind, is_digits(&year, 4), problems) {
            continue;
        }
        for (month, month_kind) in entries(&notes_root.join(&year)) {
            let month_rel = format!("{year_rel}/{month}");
            let month_ok = is_digits(&month, 2) && (1..=12).contains(&month.parse().unwrap_or(0));
            if !odd_entry(&month_rel, month_kind, month_ok, problems) {
                continue;
            }
            for (name, kind) in entries(&notes_root.join(&year).join(&month)) {
                let rel = format!("{month_rel}/{name}");
                if name.starts_with(TEMP_PREFIX) {
                    continue; // a publish in progress; the sync removes its own leftovers
                }
                let id = Ulid::from_string(&name)
                    .ok()
                    .filter(|u| u.to_string() == name)
                    .map(|_| name.clone());
                if !odd_entry(&rel, kind, id.is_some(), problems) {
                    continue;
                }
                let at_home = id
                    .as_deref()
                    .and_then(|id| note_folder(id).ok())
                    .is_some_and(|home| home.as_str() == rel);
                out.push(FoundFolder {
                    rel,
                    note_id: id,
                    at_home,
                });
            }
        }
    }
    out.sort_by(|a, b| a.rel.cmp(&b.rel));
    out
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum EntryKind {
    Dir,
    File,
    Symlink,
}

/// Names in `dir` with what they are (never following a link), sorted.
fn entries(dir: &Path) -> Vec<(String, EntryKind)> {
    let Ok(read) = fs::read_dir(dir) else {
        return Vec::new();
    };
    let mut out: Vec<(String, EntryKind)> = read
        .filter_map(Result::ok)
        .map(|e| {
            let kind = match e.file_type() {
                Ok(t) if t.is_symlink() => EntryKind::Symlink,
                Ok(t) if t.is_dir() => EntryKind::Dir,
                _ => EntryKind::File,
            };
            (e.file_name().to_string_lossy().into_owned(), kind)
        })
        .collect();
    out.sort_by(|a, b| a.0.cmp(&b.0));
    out
}

/// Reports a link or an entry that does not belong; true when the entry is a folder to enter.
fn odd_entry(rel: &str, kind: EntryKind, name_ok: bool, problems: &mut Vec<Problem>) -> bool {
    match kind {
        EntryKind::Symlink => {
            problems.push(Problem {
                kind: ProblemKind::Symlink,
                note_id: None,
                path: rel.to_owned(),
                detail: "a symbolic link in the notes tree; not followed".into(),
            });
            false
        }
        EntryKind::Dir if name_ok => true,
        _ => {
            problems.push(Problem {
                kind: ProblemKind::UnexpectedFile,
                note_id: None,
                path: rel.to_owned(),
                detail: "does not belong in the notes tree".into(),
            });
            false
        }
    }
}

fn is_digits(s: &str, n: usize) -> bool {
    s.len() == n && s.bytes().all(|b| b.is_ascii_digit())
}

fn folder_stamp(dir: &Path) -> FolderStamp {
    let mut text = String::new();
    let mut symlinks = Vec::new();
    let mut unexpected = Vec::new();
    let mut complete = false;
    for (name, kind) in entries(dir) {
        if name.starts_with(TEMP_PREFIX) {
            continue;
        }
        match kind {
            EntryKind::Symlink => symlinks.push(name.clone()),
            _ if !NOTE_FILES.contains(&name.as_str()) || kind == EntryKind::Dir => {
                unexpected.push(name.clone())
            }
            _ => {
                if name == NOTE_JSON_SIG {
                    complete = true;
                }
            }
        }
        if let Ok(m) = fs::symlink_metadata(dir.join(&name)) {
            let mtime = m
                .modified()
                .ok()
                .and_then(|t| t.duration_since(std::time::UNIX_EPOCH).ok())
                .map(|d| d.as_nanos())
                .unwrap_or(0);
            text.push_str(&format!("{name}:{}:{mtime};", m.len()));
        }
    }
    FolderStamp {
        text,
        symlinks,
        unexpected,
        complete,
    }
}

/// A stamp of a folder tree's files (names, sizes, times): the administration's files.
fn tree_stamp(dir: &Path) -> String {
    let mut out = String::new();
    for (name, kind) in entries(dir) {
        let path = dir.join(&name);
        match kind {
            EntryKind::Dir => {
                out.push_str(&format!("{name}/[{}]", tree_stamp(&path)));
            }
            _ => {
                if let Ok(m) = fs::symlink_metadata(&path) {
                    let mtime = m
                        .modified()
                        .ok()
                        .and_then(|t| t.duration_since(std::time::UNIX_EPOCH).ok())
                        .map(|d| d.as_nanos())
                        .unwrap_or(0);
                    out.push_str(&format!("{name}:{}:{mtime};", m.len()));
                }
            }
        }
    }
    sha256_hex(out.as_bytes())
}

/// Reads and checks one folder whose files changed (or were never seen).
fn examine(
    abs: &Path,
    folder: &FoundFolder,
    stamp: &FolderStamp,
    trust: &TrustSet,
    now: DateTime<Utc>,
) -> FolderEntry {
    let mut entry = FolderEntry {
        stamp: stamp.text.clone(),
        note_id: folder.note_id.clone(),
        problem: None,
        json_sha256: None,
        facts: None,
    };
    if let Some(link) = stamp.symlinks.first() {
        // Never read through a link: the file could be anywhere.
        entry.problem = Some((
            ProblemKind::Symlink,
            format!("{link} is a symbolic link; the folder is not read"),
        ));
        return entry;
    }
    if !stamp.complete {
        let born = folder
            .note_id
            .as_deref()
            .and_then(|id| Ulid::from_string(id).ok())
            .and_then(|u| DateTime::<Utc>::from_timestamp_millis(u.timestamp_ms() as i64));
        if born.is_some_and(|b| now - b > INCOMPLETE_AFTER) {
            entry.problem = Some((
                ProblemKind::Incomplete,
                format!("no {NOTE_JSON_SIG} (completion marker) after more than a day"),
            ));
        }
        return entry;
    }
    let verdict = trust.check(abs);
    let json = fs::read(abs.join(NOTE_JSON)).ok();
    entry.json_sha256 = json.as_deref().map(sha256_hex);
    if !verdict.report.ok {
        let other = comment_names_other_note(abs, folder.note_id.as_deref());
        entry.problem = classify(&verdict.report, other);
        return entry;
    }
    match &verdict.signer {
        SignerStanding::Endorsed { .. } => {}
        SignerStanding::Unknown => {
            entry.problem = Some((
                ProblemKind::UnknownKey,
                format!(
                    "signed by key {} which the administration has not endorsed",
                    verdict.report.signer_key_id.as_deref().unwrap_or("?")
                ),
            ));
            return entry;
        }
        SignerStanding::SignedBeforeEndorsement => {
            entry.problem = Some((
                ProblemKind::SignedBeforeEndorsement,
                "signed before the key's endorsement took effect".into(),
            ));
            return entry;
        }
        SignerStanding::SignedAfterRevocation { reason } => {
            entry.problem = Some((
                ProblemKind::RevokedKey,
                format!("signed after the key was revoked ({reason})"),
            ));
            return entry;
        }
    }
    match json
        .as_deref()
        .and_then(|j| NoteDocument::parse_canonical(j).ok())
        .and_then(|doc| NoteFacts::from_note(&doc))
    {
        Some(facts) => entry.facts = Some(facts),
        None => {
            entry.problem = Some((
                ProblemKind::Tampered,
                "note.json verified but carries no meeting time".into(),
            ))
        }
    }
    entry
}

/// Whether a signature's trusted comment (read without trusting it) names another note: a
/// signature moved here from another note's folder, told apart from a changed file.
fn comment_names_other_note(abs: &Path, note_id: Option<&str>) -> bool {
    let Some(note_id) = note_id else {
        return false;
    };
    [NOTE_JSON_SIG, NOTE_PDF_SIG].iter().any(|sig| {
        fs::read_to_string(abs.join(sig))
            .ok()
            .and_then(|text| {
                text.lines()
                    .find_map(|l| l.strip_prefix("trusted comment: ").map(str::to_owned))
            })
            .and_then(|c| TrustedComment::parse(&c).ok())
            .is_some_and(|c| c.note_id != note_id)
    })
}

/// Adds what one folder contributes to the report: its problem, or its count.
fn report_entry(
    folder: &FoundFolder,
    problem: Option<&(ProblemKind, String)>,
    trusted: bool,
    at_home: &HashMap<String, String>,
    stamp: &FolderStamp,
    report: &mut ScanReport,
) {
    for name in &stamp.unexpected {
        report.problems.push(Problem {
            kind: ProblemKind::UnexpectedFile,
            note_id: folder.note_id.clone(),
            path: format!("{}/{name}", folder.rel),
            detail: "not a file of a note folder".into(),
        });
    }
    if !folder.at_home {
        // The layout puts every note id in one place: a copy elsewhere is either a duplicate
        // (the id is at home too) or a misplaced folder. Not counted either way.
        let (kind, detail) = match folder.note_id.as_deref().and_then(|id| at_home.get(id)) {
            Some(home) => (
                ProblemKind::DuplicateNoteId,
                format!("the same note id is also in {home}"),
            ),
            None => (
                ProblemKind::WrongFolder,
                "the folder is not under the year and month of its note id".into(),
            ),
        };
        report.problems.push(Problem {
            kind,
            note_id: folder.note_id.clone(),
            path: folder.rel.clone(),
            detail,
        });
        return;
    }
    if let Some((kind, detail)) = problem {
        report.problems.push(Problem {
            kind: *kind,
            note_id: folder.note_id.clone(),
            path: folder.rel.clone(),
            detail: detail.clone(),
        });
        return;
    }
    if trusted {
        report.trusted += 1;
    }
}
