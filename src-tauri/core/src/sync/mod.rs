//! Sync of signed notes to the central share: outbox → plan (pure) → apply.
//!
//! Every signed artifact lands in the `outbox` table by a trigger (migration 0005). A sync run
//! ([`sync_once`]) reads the open outbox rows, lists the share folders they go to, asks the pure
//! planner ([`plan::plan`]) what to do, and carries that out ([`apply`]) with create-only
//! publishing and read-back verification. Time is passed in; all share I/O runs on a worker
//! thread with a timeout per operation ([`share_io::ShareIo`]). See `docs/sync.md` for the
//! layout, the states and the crash-safety argument.

pub mod apply;
pub mod error;
pub mod layout;
pub mod plan;
pub mod share_io;

use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;
use std::time::Duration;

use chrono::{DateTime, Utc};

pub use apply::{Failpoint, Step};
pub use error::{ErrorKind, ShareError};
use layout::{RelPath, SIGNER_KEY};
use plan::{Candidate, PlanOptions, ShareListing};
use share_io::ShareIo;

use crate::store::outbox::{LastError, OutboxStatus};
use crate::store::{Store, StoreError};

/// How a run behaves.
#[derive(Clone)]
pub struct SyncOptions {
    /// Ignore the backoff (on-demand sync).
    pub force: bool,
    /// The longest any one share operation (one file, one listing) may take.
    pub op_timeout: Duration,
    /// Our temp files younger than this are left alone (another device may be writing one).
    pub temp_grace: chrono::Duration,
    /// Outcomes are written to the outbox every this many items.
    pub batch: usize,
    /// Test hook: crash between steps.
    pub failpoint: Option<Failpoint>,
    /// Refuse a share without the `samtalenotat/` folder (see `share_io::check_prepared`).
    /// Set for every share the user configured; only the app's own default local folder,
    /// which it prepares itself, may go without.
    pub expect_prepared_share: bool,
}

impl Default for SyncOptions {
    fn default() -> Self {
        SyncOptions {
            force: false,
            op_timeout: Duration::from_secs(30),
            temp_grace: PlanOptions::default().temp_grace,
            batch: 256,
            failpoint: None,
            expect_prepared_share: false,
        }
    }
}

impl std::fmt::Debug for SyncOptions {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("SyncOptions")
            .field("force", &self.force)
            .field("op_timeout", &self.op_timeout)
            .field("temp_grace", &self.temp_grace)
            .field("batch", &self.batch)
            .field("failpoint", &self.failpoint.is_some())
            .field("expect_prepared_share", &self.expect_prepared_share)
            .finish()
    }
}

/// Where a run is, for a progress bar.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Progress {
    pub done: usize,
    pub total: usize,
    /// The share path being worked on.
    pub current: Option<String>,
}

/// What a run did.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct SyncReport {
    /// Operations planned (files, temp removals, conflicts, rejects).
    pub planned: usize,
    /// Files this run wrote to the share.
    pub written: usize,
    /// Files found already there with the right bytes (replays, shared key files).
    pub already_there: usize,
    /// Outbox items confirmed by this run.
    pub confirmed_items: usize,
    /// Items whose name holds something else.
    pub conflicts: usize,
    /// Items that failed (and will be retried after their backoff).
    pub failed: usize,
    /// Items that can never be placed.
    pub rejected: usize,
    /// Items not tried now: in backoff, or a marker waiting for its siblings.
    pub waiting: usize,
    pub temps_removed: usize,
    /// The error that stopped the run, if one did (share missing, hung, full).
    pub error: Option<ShareError>,
    /// The first failure of each kind, for the summary.
    pub failures: Vec<ShareError>,
}

impl SyncReport {
    /// Everything that was due is now confirmed on the share.
    pub fn all_ok(&self) -> bool {
        self.error.is_none() && self.failed == 0 && self.conflicts == 0 && self.rejected == 0
    }

    fn note_failure(&mut self, e: &ShareError) {
        if !self.failures.iter().any(|f| f.kind == e.kind) {
            self.failures.push(e.clone());
        }
    }

    /// The error to show as "last error": the one that stopped the run, else the first.
    pub fn last_error(&self) -> Option<LastError> {
        self.error
            .as_ref()
            .or_else(|| self.failures.first())
            .map(|e| LastError {
                kind: e.kind.as_str().into(),
                message: e.message.clone(),
            })
    }
}

#[derive(Debug, thiserror::Error)]
pub enum SyncError {
    #[error(transparent)]
    Store(#[from] StoreError),
    /// A failpoint fired (tests only): the run stopped as if the process had died.
    #[error("simulated crash")]
    Crashed,
}

/// One sync run: everything due in the outbox of `store` to the share folder `share`.
///
/// Share problems do not make this fail: they are classified, recorded in the outbox and the
/// run state, and returned in the report. `Err` means the database failed (or a test crash).
/// Prepares `share` for Samtalenotat (see `share_io::prepare_share`) on a share thread, so a
/// hung server answers with a timeout instead of blocking the caller.
pub fn prepare_share(share: &Path, timeout: Duration) -> Result<(), ShareError> {
    let mut io = ShareIo::new(timeout)?;
    let root = share.to_path_buf();
    io.call("prepare share", move || share_io::prepare_share(&root))
}

pub fn sync_once(
    store: &Store,
    share: &Path,
    now: DateTime<Utc>,
    options: &SyncOptions,
    progress: &mut dyn FnMut(&Progress),
) -> Result<SyncReport, SyncError> {
    let mut report = SyncReport::default();
    let items = store.outbox_open_items()?;
    let plan_options = PlanOptions {
        force: options.force,
        temp_grace: options.temp_grace,
    };
    let due = |next: Option<DateTime<Utc>>| options.force || next.is_none_or(|t| t <= now);
    let watched: Vec<RelPath> = store
        .temp_watch_folders()?
        .iter()
        .filter_map(|p| RelPath::from_components(&p.split('/').collect::<Vec<_>>()))
        .collect();
    if watched.is_empty() && !items.iter().any(|i| due(i.next_attempt_at)) {
        // Nothing to do: leave the share alone.
        report.waiting = items.len();
        return Ok(report);
    }

    let candidates: Vec<Candidate> = items
        .iter()
        .map(|item| {
            let stored = item
                .share_path
                .as_deref()
                .and_then(|p| RelPath::from_components(&p.split('/').collect::<Vec<_>>()));
            let target = match stored {
                Some(p) => Ok(p),
                None if item.key.name == SIGNER_KEY => match store.artifact_bytes(&item.key) {
                    Ok(bytes) => {
                        layout::target_path(&item.key.note_id, &item.key.name, Some(&bytes))
                    }
                    Err(e) => Err(layout::LayoutError::PublicKey(e.to_string())),
                },
                None => layout::target_path(&item.key.note_id, &item.key.name, None),
            };
            Candidate::new(item, target)
        })
        .collect();

    let mut io = match ShareIo::new(options.op_timeout) {
        Ok(io) => io,
        Err(e) => return finish_run(store, now, report, Some(e)),
    };
    let root = share.to_path_buf();
    let r = root.clone();
    let prepared = options.expect_prepared_share;
    let checked = io.call("share folder", move || {
        if prepared {
            share_io::check_prepared(&r)
        } else {
            share_io::check_root(&r)
        }
    });
    if let Err(e) = checked {
        return finish_run(store, now, report, Some(e));
    }

    // List the folders concerned, parents first so that a missing month folder answers for
    // all the note folders in it.
    let mut folders = plan::folders_to_list(&candidates);
    folders.extend(watched);
    let parents: BTreeSet<RelPath> = folders.iter().filter_map(RelPath::parent).collect();
    let mut parent_listing: BTreeMap<RelPath, Option<BTreeSet<String>>> = BTreeMap::new();
    for parent in parents {
        let p = parent.under(&root);
        match io.call(parent.as_str(), move || share_io::list_folder(&p)) {
            Ok(entries) => {
                parent_listing.insert(parent, entries.map(|e| e.into_keys().collect()));
            }
            Err(e) => return finish_run(store, now, report, Some(e)),
        }
    }
    let mut listing = ShareListing::default();
    for folder in folders {
        let known_missing = folder
            .parent()
            .and_then(|p| parent_listing.get(&p))
            .is_some_and(|entries| match entries {
                None => true,
                Some(names) => !names.contains(folder.file_name()),
            });
        if known_missing {
            listing.folders.insert(folder, None);
            continue;
        }
        let p = folder.under(&root);
        match io.call(folder.as_str(), move || share_io::list_folder(&p)) {
            Ok(entries) => {
                listing.folders.insert(folder, entries);
            }
            Err(e) => return finish_run(store, now, report, Some(e)),
        }
    }

    let plan = plan::plan(&candidates, &listing, now, plan_options);
    let listed: Vec<String> = listing.folders.keys().map(|f| f.to_string()).collect();
    let watch: Vec<String> = plan.watch.iter().map(|f| f.to_string()).collect();
    // Recorded before applying, so a crash during the run cannot orphan a young temp file in
    // a folder whose notes this run then confirms.
    store.update_temp_watch(&listed, &watch, now)?;
    report.planned = plan.ops.len();
    report.waiting = plan.deferred.len();
    apply::apply(
        store,
        &root,
        &plan,
        now,
        options,
        &mut io,
        &mut report,
        progress,
    )?;
    let error = report.error.clone();
    finish_run(store, now, report, error)
}

fn finish_run(
    store: &Store,
    now: DateTime<Utc>,
    mut report: SyncReport,
    error: Option<ShareError>,
) -> Result<SyncReport, SyncError> {
    if let Some(e) = error {
        report.note_failure(&e);
        report.error = Some(e);
    }
    store.record_sync_run(now, report.last_error().as_ref())?;
    Ok(report)
}

/// The outbox summary as of `now` (see [`Store::outbox_status`]).
pub fn status(store: &Store, now: DateTime<Utc>) -> Result<OutboxStatus, StoreError> {
    store.outbox_status(now)
}
