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

/// The passphrase of every staff key the app-level tests make.
pub const PASSPHRASE: &str = "korrekt hest batteri";

/// An app on `<dir>/data` whose clock stands at `now`, with Mette Sørensen (MESO) set as the
/// staff member on this PC (no key yet).
pub fn app_at(
    dir: &Path,
    now: DateTime<Utc>,
) -> (samtalenotat_core::app::App, std::sync::Arc<TestClock>) {
    use samtalenotat_core::app::{App, AppConfig};
    let clock = std::sync::Arc::new(TestClock::at(now));
    let app = App::open(AppConfig::new(dir.join("data"), clock.clone())).unwrap();
    app.save_settings(serde_json::json!({
        "staff": { "name": "Mette Sørensen", "initials": "MESO" },
        "units": [], "rooms": [], "language": "da", "share_dir": ""
    }))
    .unwrap();
    (app, clock)
}

/// [`app_at`] with Mette Sørensen's signing key made (passphrase [`PASSPHRASE`]).
pub fn app_with_key(
    dir: &Path,
    now: DateTime<Utc>,
) -> (samtalenotat_core::app::App, std::sync::Arc<TestClock>) {
    let (app, clock) = app_at(dir, now);
    app.create_key(zeroize::Zeroizing::new(PASSPHRASE.to_owned()))
        .unwrap();
    (app, clock)
}

/// A draft in the app holding `record`'s content, created when `record` was (so its times
/// are not "before the record"); the clock is then set to `now`. Returns the draft's id.
pub fn draft_in_app(
    app: &samtalenotat_core::app::App,
    clock: &TestClock,
    mut record: MeetingRecord,
    now: DateTime<Utc>,
) -> samtalenotat_core::domain::RecordId {
    clock.set(record.created_at);
    let draft = app.create_draft(record.meeting.kind).unwrap().record;
    record.id = draft.id;
    record.policy = draft.policy;
    app.save_draft(serde_json::to_value(&record).unwrap())
        .unwrap();
    clock.set(now);
    draft.id
}

/// [`draft_in_app`], then finished and signed with [`PASSPHRASE`] at `now`.
pub fn signed_in_app(
    app: &samtalenotat_core::app::App,
    clock: &TestClock,
    record: MeetingRecord,
    now: DateTime<Utc>,
) -> samtalenotat_core::domain::RecordId {
    let id = draft_in_app(app, clock, record, now);
    app.finish_and_sign(
        &id.to_string(),
        zeroize::Zeroizing::new(PASSPHRASE.to_owned()),
    )
    .unwrap();
    id
}
