//! Two writers on one database wait for each other instead of failing.
//!
//! The window saves drafts (autosave) and signs notes on its connection while the sync worker
//! writes outcomes to the outbox on its own. Before write transactions took the write lock
//! first (`BEGIN IMMEDIATE`), SQLite answered the second writer "database is locked" at once
//! (a deferred transaction that read first cannot wait in WAL mode): an autosave loop beside
//! the worker and signing lost 1,660 of 3,000 saves and 22 of 150 signings. Here the three run
//! at once on three connections, and every single call must succeed.
//!
//! Sizes: `SAMTALENOTAT_CONCURRENCY_SAVES` (default 400) and `_SIGNINGS` (default 12); the
//! figures in the closing note come from 3,000 / 150.

use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
use std::sync::Arc;
use std::time::Instant;

use samtalenotat_core::app::{App, AppConfig};
use samtalenotat_core::clock::SystemClock;
use serde_json::{json, Value};
use zeroize::Zeroizing;

const PASSPHRASE: &str = "korrekt hest batteri";

fn count(var: &str, default: usize) -> usize {
    std::env::var(var)
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(default)
}

fn fixture(name: &str) -> Value {
    let path = format!(
        "{}/../../tests/fixtures/records/{name}",
        env!("CARGO_MANIFEST_DIR")
    );
    serde_json::from_str(&std::fs::read_to_string(path).unwrap()).unwrap()
}

/// A new draft with the fixture's content, its times moved into this meeting.
fn finishable(app: &App) -> Value {
    let view = serde_json::to_value(
        app.create_draft(samtalenotat_core::domain::MeetingKind::Citizen)
            .unwrap(),
    )
    .unwrap();
    let mut record = fixture("citizen-asked-first-allowed.json");
    for key in ["id", "created_at", "updated_at", "policy"] {
        record[key] = view["record"][key].clone();
    }
    let at = view["record"]["created_at"].clone();
    for time in record["notices"].as_object_mut().unwrap().values_mut() {
        *time = at.clone();
    }
    record["meeting"]["starts_at"] = at;
    record["meeting"]["ends_at"] = Value::Null;
    record
}

#[test]
fn autosave_signing_and_the_sync_worker_at_once_lose_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let config = AppConfig::new(dir.path().join("data"), Arc::new(SystemClock));
    let window = App::open(config.clone()).unwrap();
    window
        .save_settings(json!({
            "staff": { "name": "Mette Sørensen", "initials": "MESO" },
            "units": [], "rooms": [], "language": "da", "share_dir": ""
        }))
        .unwrap();
    window
        .create_key(Zeroizing::new(PASSPHRASE.to_owned()))
        .unwrap();
    let saves = count("SAMTALENOTAT_CONCURRENCY_SAVES", 400);
    let signings = count("SAMTALENOTAT_CONCURRENCY_SIGNINGS", 12);

    let signing_done = Arc::new(AtomicBool::new(false));
    let failures = Arc::new(AtomicUsize::new(0));
    let started = Instant::now();
    std::thread::scope(|s| {
        // The autosave loop: one draft saved over and over, on its own connection.
        let autosave = App::open(config.clone()).unwrap();
        let failures_a = failures.clone();
        let saver = s.spawn(move || {
            let mut record = finishable(&autosave);
            for i in 0..saves {
                record["meeting"]["subject"] = json!(format!("Autosave {i}"));
                if let Err(e) = autosave.save_draft(record.clone()) {
                    failures_a.fetch_add(1, Ordering::SeqCst);
                    eprintln!("save {i}: {e}");
                }
            }
        });
        // Signing, on a third connection.
        let signer = App::open(config.clone()).unwrap();
        let failures_s = failures.clone();
        let done = signing_done.clone();
        let signing = s.spawn(move || {
            // Whatever happens here, the worker below must stop.
            struct Done(Arc<AtomicBool>);
            impl Drop for Done {
                fn drop(&mut self) {
                    self.0.store(true, Ordering::SeqCst);
                }
            }
            let _done = Done(done.clone());
            for i in 0..signings {
                let record = finishable(&signer);
                let id = record["id"].as_str().unwrap().to_owned();
                let result = signer
                    .save_draft(record)
                    .and_then(|_| signer.finish_and_sign(&id, Zeroizing::new(PASSPHRASE.into())));
                if let Err(e) = result {
                    failures_s.fetch_add(1, Ordering::SeqCst);
                    eprintln!("signing {i}: {e}");
                }
            }
            done.store(true, Ordering::SeqCst);
        });
        // The sync worker's work: runs to the (default, local) share until signing is done.
        let worker = window.reopen().unwrap();
        let failures_w = failures.clone();
        let done = signing_done.clone();
        s.spawn(move || {
            let mut runs = 0;
            while !done.load(Ordering::SeqCst) || runs == 0 {
                match worker.sync_once(true, None, &mut |_| {}) {
                    Ok(report) if report.error.is_none() => {}
                    Ok(report) => {
                        failures_w.fetch_add(1, Ordering::SeqCst);
                        eprintln!("sync run {runs}: {:?}", report.error);
                    }
                    Err(e) => {
                        failures_w.fetch_add(1, Ordering::SeqCst);
                        eprintln!("sync run {runs}: {e}");
                    }
                }
                runs += 1;
            }
            // A last run publishes what the last signing queued.
            worker.sync_once(true, None, &mut |_| {}).unwrap();
            eprintln!("sync runs: {runs}");
        });
        saver.join().unwrap();
        signing.join().unwrap();
    });
    eprintln!(
        "{saves} saves, {signings} signings, sync worker alongside: {} failures in {:.1} s",
        failures.load(Ordering::SeqCst),
        started.elapsed().as_secs_f64()
    );
    assert_eq!(failures.load(Ordering::SeqCst), 0);
    let status = window.sync_status(false).unwrap();
    assert_eq!(
        status.outbox.pending, 0,
        "every signed note reached the share"
    );
    let finished = window
        .list_records(samtalenotat_core::app::ListQuery {
            limit: 500,
            state: Some(samtalenotat_core::domain::RecordState::Finished),
            ..Default::default()
        })
        .unwrap();
    assert_eq!(finished.len(), signings);
}
