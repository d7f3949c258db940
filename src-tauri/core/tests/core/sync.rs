//! Sync to a local folder share: the whole matrix (crashes at every step, read-only, full,
//! missing, planted files, two devices, 1,000 notes across restarts, a hung share).
//!
//! Read-only and full shares need real mounts (a read-only bind mount, a 64 KiB tmpfs): root
//! ignores permission bits, so chmod would prove nothing. Those tests need root and fail
//! without it (a test that skips and passes would hide a gap; CI runs as root).

use std::os::unix::fs::MetadataExt;
use std::path::Path;
use std::process::Command;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::Arc;
use std::time::{Duration, Instant};

use samtalenotat_core::store::outbox::{ItemKey, ItemState};
use samtalenotat_core::sync::layout::{minisign_key_id, target_path, temp_name, SIGNER_KEY};
use samtalenotat_core::sync::{sync_once, ErrorKind, Step, SyncError, SyncOptions};

use crate::harness::TestDir;
use crate::share_fixture::*;

const KEY: u64 = 0x1122_3344_5566_7788;

fn notes(n: u64) -> Vec<String> {
    (0..n).map(note_id).collect()
}

fn signed(dir: &Path, db: &str, ids: &[String], pdf: usize) -> samtalenotat_core::store::Store {
    let store = open(dir, db);
    for id in ids {
        sign_note(&store, id, pdf, KEY);
    }
    store
}

#[test]
fn every_signed_artifact_is_enqueued_in_the_same_transaction() {
    let dir = TestDir::new();
    let store = signed(dir.path(), "a.db", &notes(2), 100);
    assert_eq!(store.outbox_count(ItemState::Pending).unwrap(), 10);
    let status = store.outbox_status(now()).unwrap();
    assert_eq!(status.pending, 2);
    assert!(status.oldest_pending_age_seconds.unwrap() > 0);
    assert!(status.last_success_at.is_none());
    // A failed signing transaction leaves nothing in the outbox either.
    let tx = store.connection().unchecked_transaction().unwrap();
    tx.execute(
        "INSERT INTO signed_artifacts VALUES ('X', 'note.json', x'00', ?1, 't')",
        ["0".repeat(64)],
    )
    .unwrap();
    drop(tx);
    assert_eq!(store.outbox_count(ItemState::Pending).unwrap(), 10);
}

#[test]
fn key_id_matches_what_minisign_prints() {
    let dir = TestDir::new();
    let (pk, sk) = (dir.path().join("k.pub"), dir.path().join("k.sec"));
    let out = match dir
        .command("minisign")
        .args(["-G", "-W", "-p"])
        .arg(&pk)
        .arg("-s")
        .arg(&sk)
        .stdin(std::process::Stdio::null())
        .output()
    {
        Ok(o) => o,
        Err(e) => panic!("minisign is needed (scripts/setup.sh installs it): {e}"),
    };
    assert!(
        out.status.success(),
        "minisign -G: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    let file = std::fs::read(&pk).unwrap();
    let id = minisign_key_id(&file).unwrap();
    let comment = String::from_utf8_lossy(&file);
    assert!(
        comment.lines().next().unwrap().ends_with(&id),
        "{comment} vs {id}"
    );
}

#[test]
fn publishes_in_the_layout_and_a_replay_writes_nothing() {
    let dir = TestDir::new();
    let share = share_dir(dir.path());
    let ids = notes(3);
    let store = signed(dir.path(), "a.db", &ids, 2000);
    // A consistent copy (the database is in WAL mode: copying the file alone is not).
    let copy_path = dir.path().join("copy.db");
    store
        .connection()
        .execute("VACUUM INTO ?1", [copy_path.to_str().unwrap()])
        .unwrap();
    let r = sync(&store, &share);
    assert!(r.all_ok(), "{r:?}");
    assert_eq!(r.written, 3 * 4 + 1, "one key file for all three notes");
    let expected = expected_files(&ids, 2000, KEY);
    assert_complete(&store, &share, &expected);
    assert!(expected
        .keys()
        .any(|p| p == &format!("samtalenotat/v1/keys/{KEY:016X}.pub")));
    let status = store.outbox_status(now()).unwrap();
    assert_eq!(status.pending, 0);
    assert!(status.last_success_at.is_some() && status.last_error.is_none());

    // Nothing left: the next run does not even touch the share.
    assert_eq!(sync(&store, &share).planned, 0);

    // The same outbox again (a restored backup): everything is found, nothing written.
    let inodes: Vec<u64> = expected
        .keys()
        .map(|p| std::fs::metadata(share.join(p)).unwrap().ino())
        .collect();
    let copy = open(dir.path(), "copy.db");
    let r = sync(&copy, &share);
    assert!(r.all_ok(), "{r:?}");
    assert_eq!((r.written, r.already_there), (0, 13));
    assert_complete(&copy, &share, &expected);
    let after: Vec<u64> = expected
        .keys()
        .map(|p| std::fs::metadata(share.join(p)).unwrap().ino())
        .collect();
    assert_eq!(inodes, after, "files were replaced");
}

#[test]
fn a_crash_at_every_step_is_finished_by_the_next_run() {
    let steps = [
        Step::TempWritten,
        Step::TempSynced,
        Step::Placed,
        Step::TempRemoved,
        Step::ReadBack,
        Step::BeforeMark,
    ];
    let ids = notes(2);
    let expected = expected_files(&ids, 500, KEY);
    for step in steps {
        // Crash at the 1st, 2nd, ... hit of this step, through every file of the run.
        for nth in 1..=9 {
            let dir = TestDir::new();
            let share = share_dir(dir.path());
            let store = signed(dir.path(), "a.db", &ids, 500);
            let hits = Arc::new(AtomicUsize::new(0));
            let h = hits.clone();
            let mut opts = options();
            opts.batch = 3;
            opts.failpoint = Some(Arc::new(move |s, _| {
                s == step && h.fetch_add(1, Ordering::SeqCst) + 1 == nth
            }));
            let crashed = sync_once(&store, &share, now(), &opts, &mut |_| {});
            let fired = hits.load(Ordering::SeqCst) >= nth;
            assert_eq!(
                matches!(crashed, Err(SyncError::Crashed)),
                fired,
                "{step:?} #{nth}"
            );
            // Never wrong bytes under a final name, even right after the crash.
            assert_no_wrong_bytes(&share, &expected);
            // "Restart": a new connection, a normal run.
            drop(store);
            let store = open(dir.path(), "a.db");
            let r = sync(&store, &share);
            assert!(r.all_ok(), "{step:?} #{nth}: {r:?}");
            assert_complete(&store, &share, &expected);
            if !fired {
                break;
            }
        }
    }
}

#[test]
fn a_killed_sync_process_is_finished_by_the_next_run() {
    let dir = TestDir::new();
    let share = share_dir(dir.path());
    let ids = notes(150);
    let store = signed(dir.path(), "a.db", &ids, 4000);
    drop(store);
    let expected = expected_files(&ids, 4000, KEY);
    for delay_ms in [30, 80, 150, 250] {
        let mut child = dir
            .cli()
            .args(["sync", "--db"])
            .arg(dir.path().join("a.db"))
            .arg("--share")
            .arg(&share)
            .stdout(std::process::Stdio::null())
            .stderr(std::process::Stdio::null())
            .spawn()
            .unwrap();
        std::thread::sleep(Duration::from_millis(delay_ms));
        let _ = child.kill();
        child.wait().unwrap();
        assert_no_wrong_bytes(&share, &expected);
    }
    let store = open(dir.path(), "a.db");
    let r = sync(&store, &share);
    assert!(r.all_ok(), "{r:?}");
    assert_complete(&store, &share, &expected);
}

#[test]
fn a_configured_share_must_be_prepared_so_an_unmounted_mount_point_gets_nothing() {
    let dir = TestDir::new();
    // What an unmounted mount point looks like: an empty local folder.
    let share = dir.path().join("mnt-share");
    std::fs::create_dir(&share).unwrap();
    let ids = notes(2);
    let store = signed(dir.path(), "a.db", &ids, 100);
    let configured = SyncOptions {
        expect_prepared_share: true,
        ..options()
    };
    let r = sync_once(&store, &share, now(), &configured, &mut |_| {}).unwrap();
    assert_eq!(r.error.as_ref().unwrap().kind, ErrorKind::ShareMissing);
    assert_eq!(
        std::fs::read_dir(&share).unwrap().count(),
        0,
        "nothing written"
    );
    assert_eq!(store.outbox_status(now()).unwrap().pending, 2);

    // Preparing never creates the share folder itself.
    let absent = dir.path().join("absent");
    assert!(samtalenotat_core::sync::prepare_share(&absent, Duration::from_secs(5)).is_err());
    assert!(!absent.exists());

    samtalenotat_core::sync::prepare_share(&share, Duration::from_secs(5)).unwrap();
    samtalenotat_core::sync::prepare_share(&share, Duration::from_secs(5)).unwrap();
    let r = sync_once(&store, &share, now(), &configured, &mut |_| {}).unwrap();
    assert!(r.all_ok(), "{r:?}");
    assert_complete(&store, &share, &expected_files(&ids, 100, KEY));
}

#[test]
fn a_missing_share_is_reported_and_nothing_changes_until_it_is_back() {
    let dir = TestDir::new();
    let share = dir.path().join("not-mounted");
    let ids = notes(2);
    let store = signed(dir.path(), "a.db", &ids, 100);
    let r = sync(&store, &share);
    assert_eq!(r.error.as_ref().unwrap().kind, ErrorKind::ShareMissing);
    assert!(!share.exists(), "the share folder must not be created");
    let status = store.outbox_status(now()).unwrap();
    assert_eq!(status.last_error.unwrap().kind, "share_missing");
    assert_eq!(status.pending, 2);
    // Not the items' fault: no backoff was started.
    assert!(store
        .outbox_open_items()
        .unwrap()
        .iter()
        .all(|i| i.attempts == 0));

    std::fs::create_dir(&share).unwrap();
    let r = sync(&store, &share);
    assert!(r.all_ok(), "{r:?}");
    assert_complete(&store, &share, &expected_files(&ids, 100, KEY));
    assert!(store.outbox_status(now()).unwrap().last_error.is_none());
}

/// Mounts for a test and unmounts on drop, even after a failed assertion.
struct Mount(std::path::PathBuf);

impl Mount {
    fn run(args: &[&str]) -> bool {
        Command::new("mount")
            .args(args)
            .status()
            .is_ok_and(|s| s.success())
    }
}

impl Drop for Mount {
    fn drop(&mut self) {
        let _ = Command::new("umount").arg(&self.0).status();
    }
}

#[test]
fn a_read_only_share_is_a_permission_error_and_nothing_is_written() {
    assert!(is_root(), "this test needs root for a read-only bind mount");
    let dir = TestDir::new();
    let backing = share_dir(dir.path());
    let share = dir.path().join("ro");
    std::fs::create_dir(&share).unwrap();
    let s = share.to_str().unwrap();
    assert!(Mount::run(&["--bind", backing.to_str().unwrap(), s]));
    let mount = Mount(share.clone());
    assert!(Mount::run(&["-o", "remount,bind,ro", s]));
    let ids = notes(2);
    let store = signed(dir.path(), "a.db", &ids, 100);
    let r = sync(&store, &share);
    assert!(!r.all_ok());
    assert_eq!(r.failures[0].kind, ErrorKind::Permission, "{r:?}");
    assert!(files_under(&backing).is_empty());
    let status = store.outbox_status(now()).unwrap();
    assert_eq!(status.last_error.unwrap().kind, "permission");
    let items = store.outbox_open_items().unwrap();
    assert!(items
        .iter()
        .any(|i| i.attempts == 1 && i.next_attempt_at.is_some()));

    // Without force the backoff holds; with write access back everything goes through.
    let r = sync_once(&store, &share, now(), &SyncOptions::default(), &mut |_| {}).unwrap();
    assert_eq!(r.written, 0);
    assert!(Mount::run(&["-o", "remount,bind,rw", s]));
    let r = sync(&store, &share);
    assert!(r.all_ok(), "{r:?}");
    drop(mount);
    assert_complete(&store, &backing, &expected_files(&ids, 100, KEY));
}

#[test]
fn a_full_share_is_disk_full_with_no_partial_files_left() {
    assert!(is_root(), "this test needs root for a small tmpfs");
    let dir = TestDir::new();
    let share = share_dir(dir.path());
    let s = share.to_str().unwrap();
    assert!(Mount::run(&["-t", "tmpfs", "-o", "size=64k", "tmpfs", s]));
    let _mount = Mount(share.clone());
    let ids = notes(4);
    let store = signed(dir.path(), "a.db", &ids, 30_000);
    let expected = expected_files(&ids, 30_000, KEY);
    let r = sync(&store, &share);
    assert_eq!(r.error.as_ref().unwrap().kind, ErrorKind::DiskFull, "{r:?}");
    let files = files_under(&share);
    assert!(
        temp_files(&files).is_empty(),
        "our failed temp file is removed"
    );
    assert_no_wrong_bytes(&share, &expected);
    assert_eq!(
        store.outbox_status(now()).unwrap().last_error.unwrap().kind,
        "disk_full"
    );
    assert!(Mount::run(&["-o", "remount,size=1m", s]));
    let r = sync(&store, &share);
    assert!(r.all_ok(), "{r:?}");
    assert_complete(&store, &share, &expected);
}

#[test]
fn a_conflicting_file_is_never_overwritten_and_blocks_the_marker() {
    let dir = TestDir::new();
    let share = share_dir(dir.path());
    let ids = notes(1);
    let store = signed(dir.path(), "a.db", &ids, 1000);
    let expected = expected_files(&ids, 1000, KEY);
    let pdf = target_path(&ids[0], "note.pdf", None)
        .unwrap()
        .under(&share);
    let json = target_path(&ids[0], "note.json", None)
        .unwrap()
        .under(&share);
    std::fs::create_dir_all(pdf.parent().unwrap()).unwrap();
    let foreign_pdf = vec![b'x'; 1000]; // same size: only reading tells
    let foreign_json = b"someone else's".to_vec();
    std::fs::write(&pdf, &foreign_pdf).unwrap();
    std::fs::write(&json, &foreign_json).unwrap();
    for _ in 0..2 {
        let r = sync(&store, &share);
        assert_eq!(r.conflicts, 2, "{r:?}");
        assert!(!r.all_ok());
        assert_eq!(std::fs::read(&pdf).unwrap(), foreign_pdf);
        assert_eq!(std::fs::read(&json).unwrap(), foreign_json);
        let marker = target_path(&ids[0], "note.json.minisig", None).unwrap();
        assert!(
            !marker.under(&share).exists(),
            "the folder must not look complete"
        );
    }
    let status = store.outbox_status(now()).unwrap();
    let files: Vec<&str> = status.conflicts.iter().map(|c| c.file.as_str()).collect();
    assert_eq!(files.len(), 2);
    assert!(files
        .iter()
        .any(|f| f.ends_with("/note.pdf") && f.starts_with("samtalenotat/v1/notes/")));
    assert_eq!(status.pending, 1, "the marker still waits");

    // What the user is told to do: move the foreign files away, then sync.
    std::fs::rename(&pdf, dir.path().join("moved.pdf")).unwrap();
    std::fs::remove_file(&json).unwrap();
    let r = sync(&store, &share);
    assert!(r.all_ok(), "{r:?}");
    assert_complete(&store, &share, &expected);
}

#[test]
fn an_identical_file_already_there_is_confirmed_and_untouched() {
    let dir = TestDir::new();
    let share = share_dir(dir.path());
    let ids = notes(1);
    let store = signed(dir.path(), "a.db", &ids, 1000);
    let expected = expected_files(&ids, 1000, KEY);
    let (rel, bytes) = expected
        .iter()
        .find(|(p, _)| p.ends_with("note.pdf"))
        .unwrap();
    let path = share.join(rel);
    std::fs::create_dir_all(path.parent().unwrap()).unwrap();
    std::fs::write(&path, bytes).unwrap();
    let before = std::fs::metadata(&path).unwrap();
    std::thread::sleep(Duration::from_millis(20));
    let r = sync(&store, &share);
    assert!(r.all_ok(), "{r:?}");
    assert_eq!(r.already_there, 1);
    let after = std::fs::metadata(&path).unwrap();
    assert_eq!(
        (before.ino(), before.mtime_nsec(), before.ctime_nsec()),
        (after.ino(), after.mtime_nsec(), after.ctime_nsec())
    );
    assert_complete(&store, &share, &expected);
}

#[test]
fn only_our_own_stray_temp_files_are_removed() {
    let dir = TestDir::new();
    let share = share_dir(dir.path());
    let ids = notes(1);
    let store = signed(dir.path(), "a.db", &ids, 100);
    let folder = target_path(&ids[0], "note.pdf", None)
        .unwrap()
        .parent()
        .unwrap()
        .under(&share);
    std::fs::create_dir_all(&folder).unwrap();
    let ours = folder.join(temp_name(ulid::Ulid::new()));
    let lookalike = folder.join(".samtalenotat-tmp-not-ours");
    let other = folder.join("readme.txt");
    for p in [&ours, &lookalike, &other] {
        std::fs::write(p, b"x").unwrap();
    }
    // A young temp file may be another device's publish in progress: left alone.
    let mut opts = options();
    opts.temp_grace = chrono::Duration::minutes(10);
    let r = sync_once(&store, &share, now(), &opts, &mut |_| {}).unwrap();
    assert_eq!(r.temps_removed, 0);
    assert!(ours.exists());
    let r = sync_once(
        &store,
        &share,
        now() + chrono::Duration::minutes(11),
        &opts,
        &mut |_| {},
    )
    .unwrap();
    assert!(r.all_ok());
    assert!(!ours.exists(), "our stale temp file is removed");
    assert!(
        lookalike.exists() && other.exists(),
        "nothing else is ever deleted"
    );
}

#[test]
fn two_devices_syncing_to_one_share_at_once() {
    let dir = TestDir::new();
    let share = share_dir(dir.path());
    let a_ids: Vec<String> = (0..60).map(note_id).collect();
    let b_ids: Vec<String> = (100..160).map(note_id).collect();
    // Both devices also hold one identical note (a copied database) and the same key.
    let shared = note_id(500);
    let a = signed(
        dir.path(),
        "a.db",
        &[a_ids.clone(), vec![shared.clone()]].concat(),
        3000,
    );
    let b = signed(
        dir.path(),
        "b.db",
        &[b_ids.clone(), vec![shared.clone()]].concat(),
        3000,
    );
    drop((a, b));
    let handles: Vec<_> = ["a.db", "b.db"]
        .into_iter()
        .map(|db| {
            let (d, s) = (dir.path().to_path_buf(), share.clone());
            std::thread::spawn(move || {
                let store = open(&d, db);
                let r = sync(&store, &s);
                assert!(r.all_ok(), "{db}: {r:?}");
                r
            })
        })
        .collect();
    let reports: Vec<_> = handles.into_iter().map(|h| h.join().unwrap()).collect();
    let all: Vec<String> = [a_ids, b_ids, vec![shared]].concat();
    let expected = expected_files(&all, 3000, KEY);
    // Each file was written by exactly one device; the other found it.
    let written: usize = reports.iter().map(|r| r.written).sum();
    assert_eq!(written, expected.len());
    assert_complete(&open(dir.path(), "a.db"), &share, &expected);
    assert_complete(&open(dir.path(), "b.db"), &share, &expected);
}

#[test]
fn a_thousand_notes_wait_across_two_restarts_then_go_exactly_once() {
    let dir = TestDir::new();
    let share = dir.path().join("share");
    let ids = notes(1000);
    {
        let store = open(dir.path(), "a.db");
        let tx = store.connection().unchecked_transaction().unwrap();
        drop(tx);
        for id in &ids {
            sign_note(&store, id, 300, KEY);
        }
    }
    for _restart in 0..2 {
        let store = open(dir.path(), "a.db");
        let r = sync(&store, &share);
        assert_eq!(r.error.unwrap().kind, ErrorKind::ShareMissing);
        assert_eq!(store.outbox_status(now()).unwrap().pending, 1000);
    }
    std::fs::create_dir(&share).unwrap();
    let store = open(dir.path(), "a.db");
    let r = sync(&store, &share);
    assert!(r.all_ok(), "{r:?}");
    assert_eq!(r.written, 4001, "every file written exactly once");
    assert_eq!(r.already_there, 0);
    assert_eq!(r.confirmed_items, 5000);
    assert_complete(&store, &share, &expected_files(&ids, 300, KEY));
    assert_eq!(sync(&store, &share).written, 0);
}

#[test]
fn a_hung_share_times_out_without_blocking_and_is_finished_later() {
    let dir = TestDir::new();
    let share = share_dir(dir.path());
    let ids = notes(2);
    let store = signed(dir.path(), "a.db", &ids, 100);
    let mut opts = options();
    opts.op_timeout = Duration::from_millis(300);
    let once = Arc::new(AtomicUsize::new(0));
    let o = once.clone();
    opts.failpoint = Some(Arc::new(move |s, _| {
        if s == Step::TempSynced && o.fetch_add(1, Ordering::SeqCst) == 0 {
            // The server hangs for a while, then the call completes on its own.
            std::thread::sleep(Duration::from_millis(1500));
        }
        false
    }));
    let started = Instant::now();
    let r = sync_once(&store, &share, now(), &opts, &mut |_| {}).unwrap();
    assert!(
        started.elapsed() < Duration::from_millis(1200),
        "the caller was blocked"
    );
    assert_eq!(r.error.as_ref().unwrap().kind, ErrorKind::Timeout);
    let item = ItemKey::new(ids[0].clone(), SIGNER_KEY);
    let row = store
        .outbox_open_items()
        .unwrap()
        .into_iter()
        .find(|i| i.key.note_id == item.note_id && i.last_error_kind.is_some())
        .expect("the timed-out item records the error");
    assert_eq!(row.last_error_kind.as_deref(), Some("timeout"));
    std::thread::sleep(Duration::from_millis(1600));
    // The abandoned call went through meanwhile; the next run verifies it and finishes.
    let r = sync(&store, &share);
    assert!(r.all_ok(), "{r:?}");
    assert_complete(&store, &share, &expected_files(&ids, 100, KEY));
}

#[test]
fn the_cli_reports_and_exits_by_outcome() {
    let dir = TestDir::new();
    let ids = notes(2);
    drop(signed(dir.path(), "a.db", &ids, 100));
    let run = |share: &Path| {
        dir.cli()
            .args(["sync", "--db"])
            .arg(dir.path().join("a.db"))
            .arg("--share")
            .arg(share)
            .output()
            .unwrap()
    };
    let missing = run(&dir.path().join("nope"));
    assert_eq!(missing.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&missing.stdout).contains("share_missing"));
    // An existing but unprepared folder (an unmounted mount point looks like this) is refused
    // until --prepare-share marks it, and nothing is written to it before that. (Its own
    // database, so the run below still has everything to publish.)
    drop(signed(dir.path(), "b.db", &ids, 100));
    let run_b = |extra: &[&str], share: &Path| {
        dir.cli()
            .arg("sync")
            .args(extra)
            .arg("--db")
            .arg(dir.path().join("b.db"))
            .arg("--share")
            .arg(share)
            .output()
            .unwrap()
    };
    let unprepared = dir.path().join("mount-point");
    std::fs::create_dir(&unprepared).unwrap();
    let refused = run_b(&[], &unprepared);
    assert_eq!(refused.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&refused.stdout).contains("share_missing"));
    assert_eq!(std::fs::read_dir(&unprepared).unwrap().count(), 0);
    let prepared = run_b(&["--prepare-share"], &unprepared);
    assert_eq!(prepared.status.code(), Some(0), "{prepared:?}");
    assert!(unprepared.join("samtalenotat/v1/keys").is_dir());

    let share = share_dir(dir.path());
    let ok = run(&share);
    let out = String::from_utf8_lossy(&ok.stdout);
    assert_eq!(ok.status.code(), Some(0), "{out}");
    assert!(
        out.contains("written 9") && out.contains("notes still pending: 0"),
        "{out}"
    );
    assert!(
        !String::from_utf8_lossy(&ok.stderr).is_empty(),
        "progress on stderr"
    );
    let no_db = dir
        .cli()
        .args(["sync", "--db", "/nonexistent.db", "--share"])
        .arg(dir.path())
        .output()
        .unwrap();
    assert_eq!(no_db.status.code(), Some(2));
}

#[test]
fn a_symlink_planted_inside_the_share_is_never_written_through() {
    let dir = TestDir::new();
    let share = share_dir(dir.path());
    let outside = dir.path().join("outside");
    std::fs::create_dir(&outside).unwrap();
    let ids = notes(1);
    let store = signed(dir.path(), "a.db", &ids, 100);
    // The year folder the note goes to is a link to a folder outside the share.
    let year = samtalenotat_core::sync::layout::note_folder(&ids[0])
        .unwrap()
        .parent()
        .unwrap()
        .parent()
        .unwrap()
        .under(&share);
    std::fs::create_dir_all(year.parent().unwrap()).unwrap();
    std::os::unix::fs::symlink(&outside, &year).unwrap();
    let r = sync(&store, &share);
    assert!(!r.all_ok(), "{r:?}");
    assert!(
        r.failures.iter().any(|f| f.kind == ErrorKind::Symlink),
        "{r:?}"
    );
    assert!(
        files_under(&outside).is_empty(),
        "nothing landed outside the share"
    );
    let status = store.outbox_status(now()).unwrap();
    assert!(status.pending >= 1, "the note is not marked confirmed");
    // The link removed, the next run publishes.
    std::fs::remove_file(&year).unwrap();
    let r = sync(&store, &share);
    assert!(r.all_ok(), "{r:?}");
}

/// Issue 12, item 1: the app's own folder on this PC is not the share. A note confirmed there
/// is "only on this PC", and choosing the real share queues it again, so it reaches the share.
#[test]
fn choosing_a_share_sends_what_was_only_in_the_local_default_folder() {
    use samtalenotat_core::app::ListQuery;

    use crate::harness::{app_with_key, record_fixture, signed_in_app};

    let dir = TestDir::new();
    let when =
        record_fixture("citizen-asked-first-allowed.json").created_at + chrono::TimeDelta::hours(2);
    let (app, clock) = app_with_key(dir.path(), when);
    let id = signed_in_app(
        &app,
        &clock,
        record_fixture("citizen-asked-first-allowed.json"),
        when,
    );
    let listed = |app: &samtalenotat_core::app::App| {
        let query = ListQuery {
            limit: 10,
            ..ListQuery::default()
        };
        app.list_records(query).unwrap()[0].sync_state.clone()
    };
    assert!(!app.share_in_effect().configured);
    let first = app.sync_once(true, None, &mut |_| {}).unwrap();
    assert!(first.confirmed_items > 0, "{first:?}");
    assert_eq!(listed(&app).as_deref(), Some("on_this_pc"));

    let share = dir.join("share");
    std::fs::create_dir_all(&share).unwrap();
    app.save_settings(serde_json::json!({
        "staff": { "name": "Mette Sørensen", "initials": "MESO" },
        "units": [], "rooms": [], "language": "da",
        "share_dir": share.display().to_string()
    }))
    .unwrap();
    assert_eq!(listed(&app).as_deref(), Some("pending"));
    let second = app.sync_once(false, None, &mut |_| {}).unwrap();
    assert_eq!(second.confirmed_items, first.confirmed_items, "{second:?}");
    assert_eq!(listed(&app).as_deref(), Some("on_share"));
    let marker = target_path(&id.to_string(), "note.json.minisig", None).unwrap();
    assert!(share.join(marker.as_str()).is_file());

    // Saving the same share again queues nothing.
    app.save_settings(serde_json::json!({
        "staff": { "name": "Mette Sørensen", "initials": "MESO" },
        "units": ["Borgerservice"], "rooms": [], "language": "da",
        "share_dir": share.display().to_string()
    }))
    .unwrap();
    assert_eq!(listed(&app).as_deref(), Some("on_share"));
}
