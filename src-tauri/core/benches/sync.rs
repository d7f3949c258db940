//! Sync benchmark (docs/performance.md, "Sync"): 1,000 signed notes published to an empty
//! local folder share, timed against `rsync -a --fsync` of the same files into an empty folder
//! in the same run (goal: at most 1.5× its time); and, when `SAMTALENOTAT_BENCH_SMB_SHARE`
//! names a mounted SMB share (bench/sync.sh starts one), notes per second to it.
//!
//! `cargo bench -p samtalenotat-core --bench sync`. Env: `SAMTALENOTAT_BENCH_NOTES` (1000),
//! `SAMTALENOTAT_BENCH_ROUNDS` (3), `SAMTALENOTAT_BENCH_DIR` (a folder on the disk to measure;
//! default the system temp folder).

// The same stand-in signed notes as the sync tests; the bench uses only some of it.
#[allow(dead_code)]
#[path = "../tests/core/share_fixture.rs"]
mod common;

use std::path::Path;
use std::process::Command;
use std::time::{Duration, Instant};

use common::*;
use samtalenotat_core::store::Store;
use samtalenotat_core::sync::{sync_once, SyncOptions};

const KEY: u64 = 0x5EED_0000_0000_0001;
/// A two-page note's PDF with embedded font subsets is ~40–80 KB.
const PDF_SIZE: usize = 60_000;

fn env_num(name: &str, default: usize) -> usize {
    std::env::var(name)
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(default)
}

fn flush_disk() {
    // Earlier writes must not be flushed during a measurement.
    let _ = Command::new("sync").status();
}

fn median(mut v: Vec<Duration>) -> Duration {
    v.sort();
    v[v.len() / 2]
}

fn make_db(dir: &Path, name: &str, ids: &[String]) -> Store {
    let store = Store::open(&dir.join(name)).unwrap();
    for id in ids {
        sign_note(&store, id, PDF_SIZE, KEY);
    }
    store
}

fn time_sync(store: &Store, share: &Path) -> Duration {
    let options = SyncOptions {
        force: true,
        ..SyncOptions::default()
    };
    let started = Instant::now();
    let r = sync_once(store, share, now(), &options, &mut |_| {}).unwrap();
    let took = started.elapsed();
    assert!(r.all_ok(), "{r:?}");
    took
}

fn main() {
    // `cargo bench` passes `--bench`; nothing else to parse.
    let notes = env_num("SAMTALENOTAT_BENCH_NOTES", 1000);
    let rounds = env_num("SAMTALENOTAT_BENCH_ROUNDS", 3).max(1);
    let base = std::env::var_os("SAMTALENOTAT_BENCH_DIR")
        .map(std::path::PathBuf::from)
        .unwrap_or_else(std::env::temp_dir);
    let dir = tempfile::Builder::new()
        .prefix("samtalenotat-bench-sync-")
        .tempdir_in(&base)
        .unwrap();
    let ids: Vec<String> = (0..notes as u64).map(note_id).collect();
    let files = expected_files(&ids, PDF_SIZE, KEY);
    let bytes: usize = files.values().map(Vec::len).sum();
    println!(
        "sync bench: {notes} notes, {} files, {:.1} MB, in {}",
        files.len(),
        bytes as f64 / 1e6,
        base.display()
    );

    if let Some(smb) = std::env::var_os("SAMTALENOTAT_BENCH_SMB_SHARE") {
        let smb = Path::new(&smb);
        let store = make_db(dir.path(), "smb.db", &ids);
        let took = time_sync(&store, smb);
        println!(
            "SMB share ({}): {notes} notes in {:.2} s = {:.1} notes/s ({:.1} files/s)",
            smb.display(),
            took.as_secs_f64(),
            notes as f64 / took.as_secs_f64(),
            files.len() as f64 / took.as_secs_f64()
        );
        return;
    }

    let rsync_ok = Command::new("rsync")
        .arg("--version")
        .output()
        .is_ok_and(|o| o.status.success());
    assert!(rsync_ok, "rsync is needed (scripts/setup.sh installs it)");
    let src = dir.path().join("src");
    for (path, b) in &files {
        let p = src.join(path);
        std::fs::create_dir_all(p.parent().unwrap()).unwrap();
        std::fs::write(p, b).unwrap();
    }
    let (mut ours, mut theirs) = (Vec::new(), Vec::new());
    for round in 0..rounds {
        let store = make_db(dir.path(), &format!("r{round}.db"), &ids);
        let share = dir.path().join(format!("share{round}"));
        std::fs::create_dir(&share).unwrap();
        let dst = dir.path().join(format!("rsync{round}"));
        std::fs::create_dir(&dst).unwrap();

        // Alternate who goes first, so neither always meets a busier disk.
        let rsync = |theirs: &mut Vec<Duration>| {
            flush_disk();
            let started = Instant::now();
            let status = Command::new("rsync")
                .args(["-a", "--fsync"])
                .arg(format!("{}/", src.display()))
                .arg(&dst)
                .status()
                .unwrap();
            assert!(status.success());
            theirs.push(started.elapsed());
        };
        if round % 2 == 1 {
            flush_disk();
            ours.push(time_sync(&store, &share));
            rsync(&mut theirs);
        } else {
            rsync(&mut theirs);
            flush_disk();
            ours.push(time_sync(&store, &share));
        }
        assert!(
            files_under(&share) == files,
            "the share holds exactly the files"
        );
        println!(
            "round {}: rsync -a --fsync {:.2} s, sync {:.2} s",
            round + 1,
            theirs[round].as_secs_f64(),
            ours[round].as_secs_f64()
        );
    }
    // Rounds are paired (same moment, same disk weather): the median of their ratios.
    let mut ratios: Vec<f64> = ours
        .iter()
        .zip(&theirs)
        .map(|(o, t)| o.as_secs_f64() / t.as_secs_f64())
        .collect();
    ratios.sort_by(f64::total_cmp);
    let (o, t) = (median(ours), median(theirs));
    println!(
        "local folder: sync median {:.2} s ({:.0} notes/s), rsync -a --fsync median {:.2} s; \
         median of paired ratios {:.2}x (goal <= 1.5x); ratios {:.2?}",
        o.as_secs_f64(),
        notes as f64 / o.as_secs_f64(),
        t.as_secs_f64(),
        ratios[ratios.len() / 2],
        ratios
    );
}
