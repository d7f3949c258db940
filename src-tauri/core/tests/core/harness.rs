//! What every test stands on: its own fresh temporary folder, the repository's paths, the
//! command-line tool, and a clock the test sets.
//!
//! Nothing a test does touches the user's real data: every database, key, share and export
//! lives in a [`TestDir`] that is removed when the test ends, and child processes (the CLI,
//! the durability child) run inside it with `HOME` pointing into it.

use std::path::{Path, PathBuf};
use std::process::Command;
use std::sync::Mutex;

use chrono::{DateTime, Utc};
use samtalenotat_core::clock::Clock;
use samtalenotat_core::domain::MeetingRecord;

/// A fresh, empty temporary folder for one test, removed when dropped.
pub struct TestDir {
    dir: tempfile::TempDir,
}

impl TestDir {
    pub fn new() -> TestDir {
        TestDir {
            dir: tempfile::Builder::new()
                .prefix("samtalenotat-core-test-")
                .tempdir()
                .expect("temp dir"),
        }
    }

    pub fn path(&self) -> &Path {
        self.dir.path()
    }

    pub fn join(&self, relative: impl AsRef<Path>) -> PathBuf {
        self.dir.path().join(relative)
    }

    /// `program`, run inside this folder: relative paths land here, and `HOME` (and the XDG
    /// folders) point here, so not even a stray default can reach the user's own folders.
    pub fn command(&self, program: impl AsRef<std::ffi::OsStr>) -> Command {
        let home = self.join("home");
        std::fs::create_dir_all(&home).expect("home in the test dir");
        let mut command = Command::new(program);
        command
            .current_dir(self.path())
            .env("HOME", &home)
            .env("XDG_DATA_HOME", home.join(".local/share"))
            .env("XDG_CONFIG_HOME", home.join(".config"))
            .env("XDG_CACHE_HOME", home.join(".cache"));
        command
    }

    /// The crate's command-line tool, `samtalenotat-cli`, run inside this folder.
    pub fn cli(&self) -> Command {
        self.command(env!("CARGO_BIN_EXE_samtalenotat-cli"))
    }
}

/// The repository's root (the workspace; golden files and fixtures are named from here).
pub fn repo_root() -> PathBuf {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("../..");
    root.canonicalize().unwrap_or(root)
}

/// `tests/fixtures/records/<name>`: the example records, one per situation of the guideline.
pub fn record_fixture_path(name: &str) -> PathBuf {
    repo_root().join("tests/fixtures/records").join(name)
}

/// An example record, parsed.
pub fn record_fixture(name: &str) -> MeetingRecord {
    let text = std::fs::read_to_string(record_fixture_path(name))
        .unwrap_or_else(|e| panic!("{name}: {e}"));
    serde_json::from_str(&text).unwrap_or_else(|e| panic!("{name}: {e}"))
}

/// A clock the test sets and moves; the application layer reads time only through a
/// [`Clock`], so what it stores and signs is as of the test's moment.
pub struct TestClock(Mutex<DateTime<Utc>>);

impl TestClock {
    pub fn at(at: DateTime<Utc>) -> TestClock {
        TestClock(Mutex::new(at))
    }

    pub fn set(&self, at: DateTime<Utc>) {
        *self.0.lock().unwrap() = at;
    }
}

impl Clock for TestClock {
    fn now(&self) -> DateTime<Utc> {
        *self.0.lock().unwrap()
    }
}
