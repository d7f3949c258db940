//! Sync to a real SMB share: a throw-away Samba server on 127.0.0.1, mounted through FUSE
//! (rclone), started by `tests/support/smb-share-up.sh` and torn down by PID on drop, even when
//! a test fails. Results are checked on the SERVER side (the exported folder), not only
//! through the mount.
//!
//! Needs root, /dev/fuse, samba, smbclient, rclone, fuse3 (scripts/setup.sh installs them), so
//! these tests are `#[ignore]`d in a plain `cargo test`; scripts/test.sh runs them with
//! `cargo test -p samtalenotat-core --test core sync_smb:: -- --ignored --test-threads=1`.

use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::{Duration, Instant};

use samtalenotat_core::store::Store;
use samtalenotat_core::sync::{sync_once, ErrorKind, SyncOptions, SyncReport};

use crate::harness::TestDir;
use crate::share_fixture::*;

const KEY: u64 = 0x0123_4567_89AB_CDEF;

fn support(script: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../../tests/support")
        .join(script)
}

/// A running Samba server and its FUSE mount; stopped by PID when dropped.
struct SmbShare {
    _state_parent: TestDir,
    state: PathBuf,
    mount: PathBuf,
    export: PathBuf,
}

impl SmbShare {
    fn start() -> SmbShare {
        let parent = TestDir::new();
        let state = parent.path().join("state");
        let mount = parent.path().join("mnt");
        let mut share = SmbShare {
            export: state.join("export"),
            _state_parent: parent,
            state,
            mount,
        };
        share.up();
        share
    }

    fn up(&mut self) {
        let out = Command::new("bash")
            .arg(support("smb-share-up.sh"))
            .arg(&self.mount)
            .env("SMB_STATE_DIR", &self.state)
            .output()
            .expect("bash runs");
        let stdout = String::from_utf8_lossy(&out.stdout);
        assert!(
            out.status.success(),
            "smb-share-up failed:\n{stdout}\n{}",
            String::from_utf8_lossy(&out.stderr)
        );
        let export = stdout
            .lines()
            .find_map(|l| l.strip_prefix("SMB_EXPORT_DIR="))
            .expect("the script names the export folder");
        assert_eq!(Path::new(export), self.export);
    }

    fn down(&self, keep_state: bool) {
        let _ = Command::new("bash")
            .arg(support("smb-share-down.sh"))
            .arg(&self.mount)
            .env("SMB_STATE_DIR", &self.state)
            .env("SMB_KEEP_STATE", if keep_state { "1" } else { "0" })
            .status();
    }

    /// smbd puts itself in its own process group: signal all of it (the per-connection
    /// children serve the mount).
    fn signal_server(&self, signal: &str) {
        let pid = std::fs::read_to_string(self.state.join("smbd.pid")).unwrap();
        let status = Command::new("kill")
            .args([&format!("-{signal}"), "--", &format!("-{}", pid.trim())])
            .status()
            .unwrap();
        assert!(status.success(), "kill -{signal} smbd");
    }
}

impl Drop for SmbShare {
    fn drop(&mut self) {
        // If a test left the server stopped, wake it so it can be terminated cleanly.
        if self.state.join("smbd.pid").exists() {
            let pid = std::fs::read_to_string(self.state.join("smbd.pid")).unwrap_or_default();
            let _ = Command::new("kill")
                .args(["-CONT", "--", &format!("-{}", pid.trim())])
                .status();
        }
        self.down(false);
    }
}

fn smb_options(timeout_s: u64) -> SyncOptions {
    SyncOptions {
        op_timeout: Duration::from_secs(timeout_s),
        ..options()
    }
}

fn signed(dir: &Path, ids: &[String], pdf: usize) -> Store {
    let store = open(dir, "a.db");
    for id in ids {
        sign_note(&store, id, pdf, KEY);
    }
    store
}

fn run(store: &Store, share: &Path, opts: &SyncOptions) -> SyncReport {
    sync_once(store, share, now(), opts, &mut |_| {}).unwrap()
}

#[test]
#[ignore = "needs root, FUSE and Samba: run by scripts/test.sh"]
fn publishes_through_smb_and_the_server_has_exactly_our_bytes() {
    let dir = TestDir::new();
    let smb = SmbShare::start();
    let ids: Vec<String> = (0..20).map(note_id).collect();
    let store = signed(dir.path(), &ids, 20_000);
    // A foreign file planted on the server under one of our names (same size).
    let planted_id = note_id(99);
    sign_note(&store, &planted_id, 20_000, KEY);
    let planted = expected_files(std::slice::from_ref(&planted_id), 20_000, KEY)
        .into_keys()
        .find(|p| p.ends_with("/note.pdf"))
        .unwrap();
    let foreign = vec![0x42u8; 20_000];
    std::fs::create_dir_all(smb.export.join(&planted).parent().unwrap()).unwrap();
    std::fs::write(smb.export.join(&planted), &foreign).unwrap();

    let started = Instant::now();
    let r = run(&store, &smb.mount, &smb_options(20));
    eprintln!("20 notes through SMB in {:?}", started.elapsed());
    assert_eq!(r.conflicts, 1, "{r:?}");
    assert_eq!(r.failed, 0, "{r:?}");
    assert_eq!(std::fs::read(smb.export.join(&planted)).unwrap(), foreign);

    // Server side: every file ours, byte for byte; no temp files; the planted file intact;
    // the conflicting note has no marker.
    let mut expected = expected_files(&ids, 20_000, KEY);
    let server = files_under(&smb.export);
    assert!(temp_files(&server).is_empty(), "{:?}", temp_files(&server));
    for (path, bytes) in &expected {
        assert!(
            server.get(path) == Some(bytes),
            "server side differs: {path}"
        );
    }
    let planted_files = expected_files(std::slice::from_ref(&planted_id), 20_000, KEY);
    for (path, bytes) in planted_files {
        if path == planted {
            continue;
        }
        if path.ends_with("note.json.minisig") {
            assert!(
                !server.contains_key(&path),
                "incomplete folder got its marker"
            );
        } else {
            assert!(server.get(&path) == Some(&bytes), "{path}");
            expected.insert(path, bytes);
        }
    }
    expected.insert(planted.clone(), foreign);
    assert_eq!(server.len(), expected.len(), "no other files on the server");

    // A replay from a copy of the database writes nothing.
    let copy = dir.path().join("copy.db");
    store
        .connection()
        .execute("VACUUM INTO ?1", [copy.to_str().unwrap()])
        .unwrap();
    let copy = Store::open(&copy).unwrap();
    let r = run(&copy, &smb.mount, &smb_options(20));
    assert_eq!((r.written, r.failed), (0, 0), "{r:?}");
    assert_eq!(files_under(&smb.export), server);
}

#[test]
#[ignore = "needs root, FUSE and Samba: run by scripts/test.sh"]
fn the_server_going_away_mid_sync_is_handled_and_finished_later() {
    let dir = TestDir::new();
    let mut smb = SmbShare::start();
    let ids: Vec<String> = (0..120).map(note_id).collect();
    let store = signed(dir.path(), &ids, 8_000);
    let expected = expected_files(&ids, 8_000, KEY);

    // Kill the whole Samba server once a quarter of the work is done.
    let mut killed = false;
    let started = Instant::now();
    let report = sync_once(&store, &smb.mount, now(), &smb_options(5), &mut |p| {
        if !killed && p.done >= p.total / 4 && p.total > 0 {
            killed = true;
            smb.signal_server("KILL");
        }
    })
    .unwrap();
    assert!(killed);
    assert!(
        started.elapsed() < Duration::from_secs(90),
        "took {:?}",
        started.elapsed()
    );
    let kind = report.error.as_ref().map(|e| e.kind);
    assert!(
        matches!(
            kind,
            Some(ErrorKind::ShareMissing | ErrorKind::Timeout | ErrorKind::Io)
        ),
        "{report:?}"
    );
    assert!(report.written > 0 && report.written < expected.len());
    let status = store.outbox_status(now()).unwrap();
    assert!(status.pending > 0 && status.last_error.is_some());
    // Server side: nothing wrong under a final name.
    assert_no_wrong_bytes(&smb.export, &expected);

    // The server comes back (same export folder); the next run finishes the job.
    smb.down(true);
    smb.up();
    let r = run(&store, &smb.mount, &smb_options(20));
    assert!(r.all_ok(), "{r:?}");
    let server = files_under(&smb.export);
    assert!(temp_files(&server).is_empty(), "{:?}", temp_files(&server));
    assert!(server == expected, "server side is not exactly our files");
    assert_eq!(store.outbox_status(now()).unwrap().pending, 0);
}

#[test]
#[ignore = "needs root, FUSE and Samba: run by scripts/test.sh"]
fn a_hung_server_times_out_without_blocking_the_caller() {
    let dir = TestDir::new();
    let smb = SmbShare::start();
    let ids: Vec<String> = (0..3).map(note_id).collect();
    let store = signed(dir.path(), &ids, 1_000);
    smb.signal_server("STOP");
    let started = Instant::now();
    let r = run(&store, &smb.mount, &smb_options(2));
    let took = started.elapsed();
    smb.signal_server("CONT");
    assert_eq!(
        r.error.as_ref().map(|e| e.kind),
        Some(ErrorKind::Timeout),
        "{r:?}"
    );
    assert!(took < Duration::from_secs(6), "blocked for {took:?}");
    // Once the server answers again (and the abandoned call has returned), all goes through.
    let deadline = Instant::now() + Duration::from_secs(60);
    loop {
        let r = run(&store, &smb.mount, &smb_options(20));
        if r.all_ok() {
            break;
        }
        assert!(Instant::now() < deadline, "never recovered: {r:?}");
        std::thread::sleep(Duration::from_secs(2));
    }
    assert!(files_under(&smb.export) == expected_files(&ids, 1_000, KEY));
}
