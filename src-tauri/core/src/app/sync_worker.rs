//! The background sync worker: one thread that publishes the outbox to the share.
//!
//! It never runs on the UI thread and never holds the window's database connection: it has
//! its own [`App`] (its own SQLite connection; WAL and the busy timeout let it work beside the
//! window's), and all share I/O inside a run goes through a further thread with a timeout per
//! operation, so a hung share can neither freeze the window nor block saving.
//!
//! When it runs: on demand ([`SyncWorker::wake_now`], "Synkronisér nu", ignoring the backoff);
//! within [`TICK`] of a note being signed (the outbox grew) or of another share being chosen
//! (everything is queued again for it); and every [`POLL`] otherwise, which
//! is how a share that comes back after days is noticed. A poll with nothing due does not touch
//! the share at all.

use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{mpsc, Arc, Mutex};
use std::time::{Duration, Instant};

use super::{App, AppConfig};

/// How often the worker looks at the outbox for newly signed notes.
pub const TICK: Duration = Duration::from_secs(2);
/// How often it tries the share when nothing new happened.
pub const POLL: Duration = Duration::from_secs(30);

pub struct SyncWorker {
    wake: Mutex<mpsc::Sender<()>>,
    running: Arc<AtomicBool>,
}

impl SyncWorker {
    /// Starts the worker thread on a second connection to `app`'s data.
    pub fn start(app: &App) -> SyncWorker {
        let (tx, rx) = mpsc::channel::<()>();
        let running = Arc::new(AtomicBool::new(false));
        let flag = running.clone();
        let config = app.config().clone();
        let spawned = std::thread::Builder::new()
            .name("samtalenotat-sync".into())
            .spawn(move || worker_loop(&config, &rx, &flag));
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

fn worker_loop(config: &AppConfig, wake: &mpsc::Receiver<()>, running: &AtomicBool) {
    let mut app: Option<App> = None;
    let mut last_run: Option<Instant> = None;
    let mut last_cue = None;
    loop {
        let forced = match wake.recv_timeout(TICK) {
            Ok(()) => true,
            Err(mpsc::RecvTimeoutError::Timeout) => false,
            Err(mpsc::RecvTimeoutError::Disconnected) => return,
        };
        if app.is_none() {
            match App::open(config.clone()) {
                Ok(opened) => app = Some(opened),
                Err(e) => eprintln!("samtalenotat: sync worker cannot open the database: {e}"),
            }
        }
        let Some(app) = app.as_ref() else {
            running.store(false, Ordering::SeqCst);
            continue;
        };
        // Something was signed (the outbox grew) or another share was chosen (everything was
        // queued again for it).
        let cue = (app.outbox_len().unwrap_or(-1), app.share_in_effect().path);
        let grew = last_cue.as_ref() != Some(&cue);
        let poll_due = last_run.is_none_or(|t| t.elapsed() >= POLL);
        if !(forced || grew || poll_due) {
            continue;
        }
        // Several wake-ups queued while running count as one.
        while wake.try_recv().is_ok() {}
        running.store(true, Ordering::SeqCst);
        if let Err(e) = app.sync_once(forced, None, &mut |_| {}) {
            eprintln!("samtalenotat: sync failed: {e}");
        }
        // A policy the administration published is picked up on the same rhythm.
        if let Err(e) = app.refresh_policy() {
            eprintln!("samtalenotat: policy check failed: {e}");
        }
        last_run = Some(Instant::now());
        last_cue = Some(cue);
        running.store(false, Ordering::SeqCst);
    }
}
