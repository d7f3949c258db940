//! The application layer: one method per user action, for every front end.
//!
//! The desktop shell's commands and the command-line tool call [`App`] and nothing else of
//! core's insides. Each method validates what it is given, does the whole action (owning the
//! transactions that span store and note), and answers with a typed view or an [`AppError`].
//! So the steps of one action live in one place: before this layer, finishing a note was
//! spelled out three times (shell, CLI, tests) and one copy finished a record without signing
//! it.
//!
//! Time comes from the [`Clock`] the front end passes in; nothing here reads the wall clock.
//! The types that cross IPC derive `ts_rs::TS`, and `ui/src/lib/bindings.ts` is generated from
//! them (a test fails when it is out of date).

pub mod bindings;
pub mod error;
pub mod files;
pub mod input;
pub mod overview;
pub mod policy;
mod records;
mod settings;
pub mod signing;
mod sync;
pub mod sync_worker;
pub mod trust;
pub mod views;

use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex, MutexGuard};

use chrono::{DateTime, Utc};

pub use error::{AppError, ErrorCode, ErrorParams};
pub use input::ListQuery;
pub use records::UNTOUCHED_DRAFT_REASON;
pub use settings::WindowSize;
pub use sync::ShareTarget;
pub use views::*;

use crate::clock::Clock;
use crate::domain::Policy;
use crate::store::{Store, DATABASE_FILE_NAME};

/// The folder in the data folder that holds the staff keys (mode 0700).
pub const KEYS_DIR_NAME: &str = "keys";
/// The default local share folder's name inside the data folder: notes wait there, on this
/// PC, until a shared folder is chosen.
pub const DEFAULT_SHARE_DIR_NAME: &str = "share";

/// What an [`App`] is opened with.
#[derive(Clone)]
pub struct AppConfig {
    /// The data folder: database, keys, the default local share.
    pub data_dir: PathBuf,
    /// The database file; `<data_dir>/samtalenotat.sqlite3` when `None`.
    pub database: Option<PathBuf>,
    /// A share folder that overrides the settings (the command line's `--share`).
    pub share_override: Option<PathBuf>,
    pub clock: Arc<dyn Clock>,
    pub policy: Arc<Policy>,
    /// Where IT places the administration's public key when installing
    /// ([`default_admin_key_path`]); it takes precedence over one confirmed in the settings.
    pub deployed_admin_key: Option<PathBuf>,
}

/// Where an installation puts the administration's public key: on Linux
/// `/etc/samtalenotat/administration.pub`, on Windows
/// `%ProgramData%\Samtalenotat\administration.pub` (docs/operations.md).
pub fn default_admin_key_path() -> Option<PathBuf> {
    #[cfg(windows)]
    {
        std::env::var_os("ProgramData").map(|d| {
            PathBuf::from(d)
                .join("Samtalenotat")
                .join("administration.pub")
        })
    }
    #[cfg(not(windows))]
    {
        Some(PathBuf::from("/etc/samtalenotat/administration.pub"))
    }
}

impl AppConfig {
    /// The data folder with the wall clock and the built-in policy.
    pub fn new(data_dir: impl Into<PathBuf>, clock: Arc<dyn Clock>) -> AppConfig {
        AppConfig {
            data_dir: data_dir.into(),
            database: None,
            share_override: None,
            clock,
            policy: Arc::new(Policy::builtin().clone()),
            deployed_admin_key: None,
        }
    }

    pub fn database_path(&self) -> PathBuf {
        self.database
            .clone()
            .unwrap_or_else(|| self.data_dir.join(DATABASE_FILE_NAME))
    }
}

impl std::fmt::Debug for AppConfig {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("AppConfig")
            .field("data_dir", &self.data_dir)
            .field("database", &self.database)
            .field("share_override", &self.share_override)
            .field("policy", &self.policy.reference())
            .finish_non_exhaustive()
    }
}

/// The open application: store, policy, clock, key folder and share settings.
pub struct App {
    /// One connection, used by one action at a time. SQLite serialises writers anyway; a
    /// second connection (the sync worker's own `App`) waits on the busy timeout.
    store: Mutex<Store>,
    config: AppConfig,
    /// Policies loaded by hash (the built-in one is `config.policy`).
    policies: Mutex<std::collections::HashMap<String, Arc<Policy>>>,
}

impl App {
    /// Opens (creating and migrating) the database.
    pub fn open(config: AppConfig) -> Result<App, AppError> {
        let store = Store::open(&config.database_path())?;
        Ok(App {
            store: Mutex::new(store),
            config,
            policies: Mutex::new(std::collections::HashMap::new()),
        })
    }

    pub fn config(&self) -> &AppConfig {
        &self.config
    }

    pub fn data_dir(&self) -> &Path {
        &self.config.data_dir
    }

    pub fn now(&self) -> DateTime<Utc> {
        self.config.clock.now()
    }

    /// The time for something that will be stored: a PC whose clock stands outside the years
    /// a record may hold (2000–2099) must not write such times into legal records.
    fn checked_now(&self) -> Result<DateTime<Utc>, AppError> {
        let now = self.now();
        if crate::domain::time::in_bounds(now) {
            Ok(now)
        } else {
            Err(AppError::field(
                ErrorCode::TimeOutOfRange,
                "clock",
                format!("this computer's clock says {now}, outside 2000–2099"),
            ))
        }
    }

    pub fn keys_dir(&self) -> PathBuf {
        self.config.data_dir.join(KEYS_DIR_NAME)
    }

    /// The store, for one action's work. A panic while holding the lock cannot leave SQLite
    /// half-written (transactions roll back), so the connection stays usable.
    fn store(&self) -> MutexGuard<'_, Store> {
        self.store.lock().unwrap_or_else(|p| p.into_inner())
    }

    /// Another `App` on the same data with its own database connection (the sync worker's:
    /// share I/O must never hold up the window's saves).
    pub fn reopen(&self) -> Result<App, AppError> {
        App::open(self.config.clone())
    }

    /// Who the event log names for a change: the staff member set on this PC, or (until
    /// someone is set) the operating-system account.
    fn actor(&self, store: &Store) -> String {
        let staff = store.load_settings().map(|s| s.staff).unwrap_or_default();
        match (staff.initials.is_empty(), staff.name.is_empty()) {
            (false, _) => staff.initials,
            (true, false) => staff.name,
            (true, true) => os_account(),
        }
    }
}

fn os_account() -> String {
    ["USER", "USERNAME"]
        .iter()
        .find_map(|k| std::env::var(k).ok().filter(|v| !v.trim().is_empty()))
        .unwrap_or_else(|| "ukendt".to_owned())
}
