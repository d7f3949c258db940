//! The background sync worker: one thread that publishes the outbox to the share.
//!
//! It never runs on the UI thread and never holds the app's store mutex: it has its own
//! SQLite connection (WAL and the busy timeout let it work beside the window's), and all share
//! I/O inside [`sync_once`] runs on a further thread with a timeout per operation, so a hung
//! share can neither freeze the window nor block saving.
//!
//! When it runs: on demand ([`SyncWorker::wake_now`], "Synkronisér nu", ignoring the backoff);
//! within [`TICK`] of a note being signed (the outbox grew); and every [`POLL`] otherwise, which
//! is how a share that comes back after days is noticed. A poll with nothing due does not touch
//! the share at all.

use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{mpsc, Arc, Mutex};
use std::time::{Duration, Instant};

use samtalenotat_core::clock::{Clock, SystemClock};
use samtalenotat_core::store::{Store, DATABASE_FILE_NAME};
use samtalenotat_core::sync::share_io::PREPARED_MARKER;
use samtalenotat_core::sync::{sync_once, SyncOptions};

use crate::state::DEFAULT_SHARE_DIR_NAME;

/// How often the worker looks at the outbox for newly signed notes.
pub const TICK: Duration = Duration::from_secs(2);
/// How often it tries the share when nothing new happened.
pub const POLL: Duration = Duration::from_secs(30);

pub struct SyncWorker {
    wake: Mutex<mpsc::Sender<()>>,
    running: Arc<AtomicBool>,
}

impl SyncWorker {
    /// Starts the worker thread for the data folder `data_dir`.
    pub fn start(data_dir: PathBuf) -> SyncWorker {
        let (tx, rx) = mpsc::channel::<()>();
        let running = Arc::new(AtomicBool::new(false));
        let flag = running.clone();
        let spawned = std::thread::Builder::new()
            .name("samtalenotat-sync".into())
            .spawn(move || worker_loop(&data_dir, &rx, &flag));
        if let Err(e) = spawned {
            eprintln!("samtalenotat: the sync worker could not start: {e}");
        }
        SyncWorker {
            wake: Mutex::new(tx),
            running,
        }
    }

    /// Asks for a sync now (ignoring the backoff); returns at once.
    pub fn wake_now(&self) {
        self.running.store(true, Ordering::SeqCst);
        let tx = self.wake.lock().unwrap_or_else(|p| p.into_inner());
        let _ = tx.send(());
    }

    /// A run is in progress or requested.
    pub fn is_running(&self) -> bool {
        self.running.load(Ordering::SeqCst)
    }
}

/// The share folder in effect and whether the user configured it. The default `<data>/share`
/// is the app's own local folder: created and prepared here. A configured share is never
/// created, and must have been prepared (settings): an unmounted share must show as missing.
fn share_dir(data_dir: &Path, store: &Store) -> (PathBuf, bool) {
    let configured = store
        .load_settings()
        .map(|s| s.share_dir)
        .unwrap_or_default();
    if configured.is_empty() {
        let dir = data_dir.join(DEFAULT_SHARE_DIR_NAME);
        let _ = std::fs::create_dir_all(dir.join(PREPARED_MARKER));
        (dir, false)
    } else {
        (PathBuf::from(configured), true)
    }
}

fn outbox_len(store: &Store) -> i64 {
    store
        .connection()
        .query_row("SELECT count(*) FROM outbox", [], |r| r.get(0))
        .unwrap_or(-1)
}

fn worker_loop(data_dir: &Path, wake: &mpsc::Receiver<()>, running: &AtomicBool) {
    let mut store: Option<Store> = None;
    let mut last_run: Option<Instant> = None;
    let mut last_len = -1;
    loop {
        let forced = match wake.recv_timeout(TICK) {
            Ok(()) => true,
            Err(mpsc::RecvTimeoutError::Timeout) => false,
            Err(mpsc::RecvTimeoutError::Disconnected) => return,
        };
        if store.is_none() {
            match Store::open(&data_dir.join(DATABASE_FILE_NAME)) {
                Ok(s) => store = Some(s),
                Err(e) => {
                    eprintln!("samtalenotat: sync worker cannot open the database: {e}");
                    running.store(false, Ordering::SeqCst);
                    continue;
                }
            }
        }
        let Some(store) = store.as_ref() else {
            continue;
        };
        let len = outbox_len(store);
        let grew = len != last_len;
        let poll_due = last_run.is_none_or(|t| t.elapsed() >= POLL);
        if !(forced || grew || poll_due) {
            continue;
        }
        // Several wake-ups queued while running count as one.
        while wake.try_recv().is_ok() {}
        running.store(true, Ordering::SeqCst);
        let (share, configured) = share_dir(data_dir, store);
        let options = SyncOptions {
            force: forced,
            expect_prepared_share: configured,
            ..SyncOptions::default()
        };
        if let Err(e) = sync_once(store, &share, SystemClock.now(), &options, &mut |_| {}) {
            eprintln!("samtalenotat: sync failed: {e}");
        }
        last_run = Some(Instant::now());
        last_len = len;
        running.store(false, Ordering::SeqCst);
    }
}
