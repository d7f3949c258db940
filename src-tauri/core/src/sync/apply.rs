//! The effectful half of sync: carry out a [`Plan`] on the share, then record the outcomes.
//!
//! Publishing one file (all on the share thread, under one timeout):
//! 1. write the bytes to `.samtalenotat-tmp-<ULID>` in the target folder, create-only;
//! 2. `sync_all`, then `close` with its error checked;
//! 3. give it the final name only if that name is free ([`place_no_replace`]); if taken, remove
//!    our temp and compare what is there instead;
//! 4. remove the temp name (after a hard link);
//! 5. read the final file back and compare its SHA-256.
//!
//! Outcomes are collected and committed to the outbox in batches, after fsyncing every folder
//! that got a new name, so "confirmed" in the database always means "durably there". A crash
//! anywhere loses at most the unrecorded outcomes of one batch; the next run finds those files
//! under their final names with the right bytes and confirms them by reading (a replay).
//!
//! [`Failpoint`]s let tests crash the run between any two of these steps.

use std::collections::{BTreeSet, HashSet};
use std::io;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicBool, AtomicU8, Ordering};
use std::sync::Arc;

use chrono::{DateTime, Utc};
use sha2::{Digest, Sha256};
use ulid::Ulid;

use super::error::{ErrorKind, ShareError};
use super::layout::{temp_name, RelPath, COMPLETION_MARKER};
use super::plan::{Op, Placement, Plan};
use super::share_io::{self, Placed, ShareIo};
use super::{Progress, SyncError, SyncOptions, SyncReport};
use crate::store::outbox::{ItemKey, OutboxUpdate};
use crate::store::Store;

/// A point between two steps of publishing one file, where tests can simulate a crash.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Step {
    /// The temp file is written but not synced.
    TempWritten,
    /// The temp file is synced and closed.
    TempSynced,
    /// The final name exists (link or rename done); the temp name may still exist.
    Placed,
    /// The temp name is gone.
    TempRemoved,
    /// The final file was read back and compared.
    ReadBack,
    /// Outcomes are about to be written to the outbox.
    BeforeMark,
}

/// A test hook: called at each [`Step`] with the share path concerned; `true` means "crash
/// here": the run stops at once, doing nothing more on the share or in the database.
pub type Failpoint = Arc<dyn Fn(Step, &str) -> bool + Send + Sync>;

#[derive(Clone)]
struct Hooks {
    failpoint: Option<Failpoint>,
    crashed: Arc<AtomicBool>,
}

impl Hooks {
    fn hit(&self, step: Step, path: &str) -> Result<(), ShareError> {
        if let Some(fp) = &self.failpoint {
            if fp(step, path) {
                self.crashed.store(true, Ordering::SeqCst);
                return Err(ShareError::new(ErrorKind::Io, "simulated crash"));
            }
        }
        Ok(())
    }

    fn crashed(&self) -> bool {
        self.crashed.load(Ordering::SeqCst)
    }
}

/// What happened to one placement.
#[derive(Debug)]
enum FileOutcome {
    /// On the share with our bytes; `wrote` if this run put it there.
    Confirmed {
        wrote: bool,
    },
    Conflict {
        found_size: Option<u64>,
    },
    /// Our file is under the final name but could not be read back.
    Unverified(ShareError),
    Failed(ShareError),
}

struct JobResult {
    outcome: FileOutcome,
    created_dirs: Vec<PathBuf>,
}

/// Publishes (or, for `verify_first`, first compares) one file. Runs on the share thread.
fn place_file(
    root: &Path,
    target: &RelPath,
    bytes: Vec<u8>,
    sha256: &str,
    verify_first: bool,
    method: &AtomicU8,
    hooks: &Hooks,
) -> Result<JobResult, ShareError> {
    let final_path = target.under(root);
    let shown = target.as_str();
    let io_err = |e: &io::Error| ShareError::from_io(shown, e);
    let parts: Vec<&str> = target.as_str().split('/').collect();
    if let Err(e) = share_io::refuse_links(root, &parts, true) {
        return Ok(JobResult {
            outcome: FileOutcome::Failed(e),
            created_dirs: Vec::new(),
        });
    }
    let compare = |created_dirs: Vec<PathBuf>, wrote: bool| -> Result<JobResult, ShareError> {
        let outcome = match share_io::hash_file(&final_path) {
            Ok((hash, len)) => {
                hooks.hit(Step::ReadBack, shown)?;
                if hash == sha256 {
                    FileOutcome::Confirmed { wrote }
                } else {
                    FileOutcome::Conflict {
                        found_size: Some(len),
                    }
                }
            }
            Err(e) if wrote => FileOutcome::Unverified(io_err(&e)),
            Err(e) => FileOutcome::Failed(io_err(&e)),
        };
        Ok(JobResult {
            outcome,
            created_dirs,
        })
    };
    if verify_first {
        match share_io::hash_file(&final_path) {
            Ok(_) => return compare(Vec::new(), false),
            Err(e) if e.kind() == io::ErrorKind::NotFound => {}
            Err(e) => {
                return Ok(JobResult {
                    outcome: FileOutcome::Failed(io_err(&e)),
                    created_dirs: Vec::new(),
                })
            }
        }
    }
    let folder = target.parent().expect("targets are in folders");
    let temp = folder
        .join(&temp_name(Ulid::new()))
        .expect("temp names are safe")
        .under(root);
    let mut created_dirs = Vec::new();
    let failed = |e: ShareError, created_dirs| {
        Ok(JobResult {
            outcome: FileOutcome::Failed(e),
            created_dirs,
        })
    };

    // 1–2. Temp file, create-only; its folder is created on first need.
    let mut file = match std::fs::OpenOptions::new()
        .write(true)
        .create_new(true)
        .open(&temp)
    {
        Ok(f) => f,
        Err(e) if e.kind() == io::ErrorKind::NotFound => {
            let parts: Vec<&str> = folder.as_str().split('/').collect();
            created_dirs = share_io::ensure_folder(root, &parts)?;
            match std::fs::OpenOptions::new()
                .write(true)
                .create_new(true)
                .open(&temp)
            {
                Ok(f) => f,
                Err(e) => return failed(io_err(&e), created_dirs),
            }
        }
        Err(e) => return failed(io_err(&e), created_dirs),
    };
    let written = (|| -> Result<(), ShareError> {
        use std::io::Write;
        file.write_all(&bytes).map_err(|e| io_err(&e))?;
        hooks.hit(Step::TempWritten, shown)?;
        file.flush().map_err(|e| io_err(&e))?;
        file.sync_all().map_err(|e| io_err(&e))?;
        Ok(())
    })();
    if hooks.crashed() {
        return Err(ShareError::new(ErrorKind::Io, "simulated crash"));
    }
    let closed = share_io::close_checked(file).map_err(|e| io_err(&e));
    if let Err(e) = written.and(closed) {
        // Our own half-written temp file: ours to remove.
        let _ = share_io::remove_if_there(&temp);
        return failed(e, created_dirs);
    }
    hooks.hit(Step::TempSynced, shown)?;

    // 3. The final name, only if free.
    let placed = match share_io::place_no_replace(&temp, &final_path, method) {
        Ok(p) => p,
        Err(e) => {
            let _ = share_io::remove_if_there(&temp);
            return failed(io_err(&e), created_dirs);
        }
    };
    if placed == Placed::Taken {
        let _ = share_io::remove_if_there(&temp);
        return compare(created_dirs, false);
    }
    hooks.hit(Step::Placed, shown)?;

    // 4. After a hard link the temp name still exists.
    if let Err(e) = share_io::remove_if_there(&temp) {
        // The file is placed; a leftover temp is cleaned up by a later run.
        let _ = e;
    }
    hooks.hit(Step::TempRemoved, shown)?;

    // 5. Read back.
    compare(created_dirs, true)
}

/// Carries out `plan`. Returns `Err(Crashed)` only when a failpoint fired.
#[allow(clippy::too_many_arguments)]
pub(crate) fn apply(
    store: &Store,
    root: &Path,
    plan: &Plan,
    now: DateTime<Utc>,
    options: &SyncOptions,
    io: &mut ShareIo,
    report: &mut SyncReport,
    progress: &mut dyn FnMut(&Progress),
) -> Result<(), SyncError> {
    let hooks = Hooks {
        failpoint: options.failpoint.clone(),
        crashed: Arc::new(AtomicBool::new(false)),
    };
    let ops = chunked(&plan.ops);
    let total = ops.len();
    let mut pending: Vec<(ItemKey, OutboxUpdate)> = Vec::new();
    // Folders with new names not yet fsynced, and which pending outcomes depend on them.
    let mut dirty: BTreeSet<PathBuf> = BTreeSet::new();
    let mut ok_targets: HashSet<RelPath> = HashSet::new();
    let mut consecutive_failures = 0usize;

    for (i, op) in ops.into_iter().enumerate() {
        progress(&Progress {
            done: i,
            total,
            current: op.path().map(|p| p.as_str().to_owned()),
        });
        let stop = match op {
            Op::RemoveTemp { path } => {
                let p = path.under(root);
                match io.call(path.as_str(), move || {
                    share_io::remove_if_there(&p).map_err(|e| ShareError::from_io("temp", &e))
                }) {
                    Ok(()) => {
                        report.temps_removed += 1;
                        None
                    }
                    Err(e) => Some(e),
                }
                .filter(|e| e.kind.stops_the_run())
            }
            Op::Reject { items, reason } => {
                for item in items {
                    report.rejected += 1;
                    pending.push((
                        item.clone(),
                        OutboxUpdate::Failed {
                            share_path: None,
                            error_kind: ErrorKind::InvalidArtifact.as_str().into(),
                            error: reason.clone(),
                        },
                    ));
                }
                report.note_failure(&ShareError::new(ErrorKind::InvalidArtifact, reason));
                None
            }
            Op::Conflict {
                target,
                items,
                found_size,
            } => {
                report.conflicts += items.len();
                for item in items {
                    pending.push((
                        item.clone(),
                        OutboxUpdate::Conflict {
                            share_path: target.to_string(),
                            found_size: *found_size,
                        },
                    ));
                }
                None
            }
            Op::Publish(pl) | Op::Verify(pl) => {
                if !pl.requires.iter().all(|r| ok_targets.contains(r)) {
                    report.waiting += pl.items.len();
                    continue;
                }
                // The marker's siblings must be durable before the marker appears. Markers
                // come after their whole chunk of notes, so one sync serves many of them.
                let needs_sync = pl
                    .requires
                    .iter()
                    .filter_map(|r| r.parent())
                    .any(|f| dirty.contains(&f.under(root)));
                if needs_sync {
                    let folders: Vec<PathBuf> = std::mem::take(&mut dirty).into_iter().collect();
                    if let Err((e, unsynced)) = sync_folders(io, root, folders) {
                        dirty.extend(unsynced);
                        report.waiting += pl.items.len();
                        report.note_failure(&e);
                        if e.kind.stops_the_run() {
                            report.error.get_or_insert(e);
                            break;
                        }
                        continue;
                    }
                }
                let verify_first = matches!(op, Op::Verify(_));
                let outcome = place(store, root, pl, verify_first, io, &hooks);
                if hooks.crashed() {
                    return Err(SyncError::Crashed);
                }
                let (outcome, created) = match outcome {
                    Ok(r) => (r.outcome, r.created_dirs),
                    Err(e) => (FileOutcome::Failed(e), Vec::new()),
                };
                for dir in created {
                    if let Some(parent) = dir.parent() {
                        dirty.insert(parent.to_path_buf());
                    }
                }
                let file_failed = matches!(outcome, FileOutcome::Failed(_));
                let stop = record_outcome(
                    pl,
                    outcome,
                    root,
                    &mut dirty,
                    &mut ok_targets,
                    &mut pending,
                    report,
                );
                consecutive_failures = if file_failed {
                    consecutive_failures + 1
                } else {
                    0
                };
                // A per-file error may be the share going away (through FUSE a vanished
                // server shows as EIO): look at the share folder itself before going on, so a
                // dead share costs one probe, not one timeout per remaining file.
                stop.or_else(|| {
                    let last = report.failures.last().cloned();
                    file_failed
                        .then(|| still_there(io, root, consecutive_failures, last))
                        .flatten()
                })
            }
        };
        if let Some(e) = stop {
            report.error.get_or_insert(e);
            break;
        }
        if pending.len() >= options.batch.max(1) {
            commit(
                store,
                root,
                now,
                io,
                &hooks,
                &mut dirty,
                &mut pending,
                report,
            )?;
        }
    }
    commit(
        store,
        root,
        now,
        io,
        &hooks,
        &mut dirty,
        &mut pending,
        report,
    )?;
    progress(&Progress {
        done: total,
        total,
        current: None,
    });
    Ok(())
}

fn place(
    store: &Store,
    root: &Path,
    pl: &Placement,
    verify_first: bool,
    io: &mut ShareIo,
    hooks: &Hooks,
) -> Result<JobResult, ShareError> {
    let bytes = store
        .artifact_bytes(&pl.source)
        .map_err(|e| ShareError::new(ErrorKind::InvalidArtifact, e.to_string()))?;
    // The outbox row's hash must match the stored bytes; never publish what was not signed.
    let actual = hex::encode(Sha256::digest(&bytes));
    if actual != pl.sha256 {
        return Err(ShareError::new(
            ErrorKind::InvalidArtifact,
            format!("{}: stored bytes do not match their SHA-256", pl.target),
        ));
    }
    let (root, target, sha, method, hooks) = (
        root.to_path_buf(),
        pl.target.clone(),
        pl.sha256.clone(),
        io.link_method.clone(),
        hooks.clone(),
    );
    io.call(pl.target.as_str(), move || {
        place_file(&root, &target, bytes, &sha, verify_first, &method, &hooks)
    })
}

/// Note folders per chunk: their markers are published together after the rest of them.
const CHUNK_FOLDERS: usize = 32;
/// From this many folders to make durable, one `syncfs` is cheaper than a fsync each.
const SYNCFS_MIN_FOLDERS: usize = 8;

/// The plan's operations with each run of up to [`CHUNK_FOLDERS`] note folders reordered so
/// that their markers come after all their other files (the planner's order is kept
/// otherwise). A marker still follows everything it requires; one sync then makes the whole
/// chunk durable instead of one directory fsync per note.
fn chunked(ops: &[Op]) -> Vec<&Op> {
    let is_marker = |op: &Op| matches!(op, Op::Publish(pl) | Op::Verify(pl) if pl.target.file_name() == COMPLETION_MARKER);
    let note_folder = |op: &Op| {
        op.path()
            .filter(|p| p.as_str().contains("/notes/"))
            .and_then(RelPath::parent)
    };
    let mut out = Vec::with_capacity(ops.len());
    let mut rest: Vec<&Op> = Vec::new();
    let mut markers: Vec<&Op> = Vec::new();
    let mut folders: BTreeSet<RelPath> = BTreeSet::new();
    for op in ops {
        match note_folder(op) {
            None => {
                out.append(&mut rest);
                out.append(&mut markers);
                folders.clear();
                out.push(op);
            }
            Some(folder) => {
                if !folders.contains(&folder) && folders.len() >= CHUNK_FOLDERS {
                    out.append(&mut rest);
                    out.append(&mut markers);
                    folders.clear();
                }
                folders.insert(folder);
                if is_marker(op) {
                    markers.push(op);
                } else {
                    rest.push(op);
                }
            }
        }
    }
    out.append(&mut rest);
    out.append(&mut markers);
    out
}

/// Makes new names in `folders` durable: one `syncfs` for many, else a fsync per folder.
/// On failure returns the error and the folders not known to be synced.
fn sync_folders(
    io: &mut ShareIo,
    root: &Path,
    folders: Vec<PathBuf>,
) -> Result<(), (ShareError, Vec<PathBuf>)> {
    if folders.is_empty() {
        return Ok(());
    }
    if folders.len() >= SYNCFS_MIN_FOLDERS {
        let r = root.to_path_buf();
        if io
            .call("share filesystem", move || share_io::sync_filesystem(&r))
            .is_ok()
        {
            return Ok(());
        }
    }
    let mut failed: Option<ShareError> = None;
    let mut unsynced = Vec::new();
    for dir in folders {
        let d = dir.clone();
        match io.call(&dir.display().to_string(), move || {
            share_io::sync_folder(&d)
        }) {
            Ok(()) => {}
            Err(e) => {
                failed.get_or_insert(e);
                unsynced.push(dir);
            }
        }
    }
    match failed {
        None => Ok(()),
        Some(e) => Err((e, unsynced)),
    }
}

/// After so many failed files in a row the run stops even if the share folder answers.
const MAX_CONSECUTIVE_FAILURES: usize = 5;

/// `None` if the run can go on; else the error that stops it.
fn still_there(
    io: &mut ShareIo,
    root: &Path,
    consecutive_failures: usize,
    last: Option<ShareError>,
) -> Option<ShareError> {
    let r = root.to_path_buf();
    if let Err(e) = io.call("share folder", move || share_io::check_root(&r)) {
        let kind = match e.kind {
            ErrorKind::Io => ErrorKind::ShareMissing,
            other => other,
        };
        return Some(ShareError::new(
            kind,
            format!("the share stopped answering: {}", e.message),
        ));
    }
    // Stopped for repeated failures: keep their kind (e.g. permission), it says what to do.
    (consecutive_failures >= MAX_CONSECUTIVE_FAILURES).then(|| {
        let kind = last.as_ref().map_or(ErrorKind::Io, |e| e.kind);
        let why = last.map(|e| e.message).unwrap_or_default();
        ShareError::new(
            kind,
            format!("{consecutive_failures} files in a row failed, stopped; last: {why}"),
        )
    })
}

#[allow(clippy::too_many_arguments)]
fn record_outcome(
    pl: &Placement,
    outcome: FileOutcome,
    root: &Path,
    dirty: &mut BTreeSet<PathBuf>,
    ok_targets: &mut HashSet<RelPath>,
    pending: &mut Vec<(ItemKey, OutboxUpdate)>,
    report: &mut SyncReport,
) -> Option<ShareError> {
    let share_path = pl.target.to_string();
    let mut stop = None;
    for item in &pl.items {
        let update = match &outcome {
            FileOutcome::Confirmed { .. } => OutboxUpdate::Confirmed {
                share_path: share_path.clone(),
            },
            FileOutcome::Conflict { found_size } => OutboxUpdate::Conflict {
                share_path: share_path.clone(),
                found_size: *found_size,
            },
            FileOutcome::Unverified(e) => OutboxUpdate::Published {
                share_path: share_path.clone(),
                error_kind: e.kind.as_str().into(),
                error: e.message.clone(),
            },
            FileOutcome::Failed(e) => OutboxUpdate::Failed {
                share_path: Some(share_path.clone()),
                error_kind: e.kind.as_str().into(),
                error: e.message.clone(),
            },
        };
        pending.push((item.clone(), update));
    }
    match outcome {
        FileOutcome::Confirmed { wrote } => {
            if wrote {
                report.written += 1;
                if let Some(folder) = pl.target.parent() {
                    dirty.insert(folder.under(root));
                }
            } else {
                report.already_there += 1;
            }
            report.confirmed_items += pl.items.len();
            ok_targets.insert(pl.target.clone());
        }
        FileOutcome::Conflict { .. } => report.conflicts += pl.items.len(),
        FileOutcome::Unverified(e) | FileOutcome::Failed(e) => {
            report.failed += pl.items.len();
            report.note_failure(&e);
            if e.kind.stops_the_run() {
                stop = Some(e);
            }
        }
    }
    stop
}

/// fsyncs the folders with new names, then writes the outcomes in one transaction.
#[allow(clippy::too_many_arguments)]
fn commit(
    store: &Store,
    root: &Path,
    now: DateTime<Utc>,
    io: &mut ShareIo,
    hooks: &Hooks,
    dirty: &mut BTreeSet<PathBuf>,
    pending: &mut Vec<(ItemKey, OutboxUpdate)>,
    report: &mut SyncReport,
) -> Result<(), SyncError> {
    if pending.is_empty() {
        return Ok(());
    }
    let folders: Vec<PathBuf> = std::mem::take(dirty).into_iter().collect();
    let unsynced = match sync_folders(io, root, folders) {
        Ok(()) => Vec::new(),
        Err((e, unsynced)) => {
            report.note_failure(&e);
            report.error.get_or_insert(e);
            unsynced
        }
    };
    if !unsynced.is_empty() {
        // Not provably durable: keep those as published, to be verified again.
        for (_, update) in pending.iter_mut() {
            if let OutboxUpdate::Confirmed { share_path } = update {
                let folder = root.join(share_path.rsplit_once('/').map_or("", |(f, _)| f));
                if unsynced.contains(&folder) {
                    *update = OutboxUpdate::Published {
                        share_path: share_path.clone(),
                        error_kind: ErrorKind::Io.as_str().into(),
                        error: "folder could not be synced".into(),
                    };
                }
            }
        }
    }
    if hooks.hit(Step::BeforeMark, "").is_err() {
        return Err(SyncError::Crashed);
    }
    store.record_sync_outcomes(pending, now)?;
    pending.clear();
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::store::outbox::ItemState;
    use crate::sync::layout::target_path;
    use crate::sync::plan::{plan, Candidate, PlanOptions, ShareListing};

    #[test]
    fn chunking_keeps_every_marker_after_its_note_and_loses_nothing() {
        let mut candidates = Vec::new();
        for n in 0..70u64 {
            let id = ulid::Ulid::from_parts(1_778_000_000_000 + n, 1).to_string();
            for name in [
                "note.json",
                "note.pdf",
                "note.pdf.minisig",
                COMPLETION_MARKER,
            ] {
                candidates.push(Candidate {
                    key: ItemKey::new(id.clone(), name),
                    sha256: format!("{n:064}"),
                    size: 1,
                    state: ItemState::Pending,
                    next_attempt_at: None,
                    target: target_path(&id, name, None),
                });
            }
        }
        let p = plan(
            &candidates,
            &ShareListing::default(),
            chrono::DateTime::from_timestamp(0, 0).unwrap(),
            PlanOptions::default(),
        );
        let ordered = chunked(&p.ops);
        assert_eq!(ordered.len(), p.ops.len());
        for (i, op) in ordered.iter().enumerate() {
            let target = op.path().unwrap();
            if target.file_name() == COMPLETION_MARKER {
                let folder = target.parent();
                let later_sibling = ordered[i + 1..]
                    .iter()
                    .any(|o| o.path().unwrap().parent() == folder);
                assert!(!later_sibling, "a sibling after the marker of {folder:?}");
            }
        }
        // Markers are grouped: the first 32 notes' files, then their 32 markers.
        let first_marker = ordered
            .iter()
            .position(|o| o.path().unwrap().file_name() == COMPLETION_MARKER)
            .unwrap();
        assert_eq!(first_marker, 32 * 3);
    }
}
