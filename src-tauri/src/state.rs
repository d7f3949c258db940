//! What the shell keeps between commands: the open store and the policy in force.

use std::path::{Path, PathBuf};
use std::sync::{Mutex, MutexGuard};

use samtalenotat_core::clock::{Clock, SystemClock};
use samtalenotat_core::domain::Policy;
use samtalenotat_core::settings::Settings;
use samtalenotat_core::store::{Store, StoreError, DATABASE_FILE_NAME};

pub struct AppState {
    /// One connection, used by one command at a time: SQLite serialises writers anyway, and
    /// every command here is a short transaction.
    store: Mutex<Store>,
    pub clock: Box<dyn Clock>,
    pub policy: &'static Policy,
    pub data_dir: PathBuf,
}

impl AppState {
    pub fn open(data_dir: &Path) -> Result<AppState, StoreError> {
        let store = Store::open(&data_dir.join(DATABASE_FILE_NAME))?;
        Ok(AppState {
            store: Mutex::new(store),
            clock: Box::new(SystemClock),
            policy: Policy::builtin(),
            data_dir: data_dir.to_path_buf(),
        })
    }

    /// The store, for one command's work.
    pub fn store(&self) -> MutexGuard<'_, Store> {
        // A panic while holding the lock cannot leave SQLite half-written (transactions roll
        // back), so the connection is still good to use.
        self.store
            .lock()
            .unwrap_or_else(|poisoned| poisoned.into_inner())
    }
}

impl AppState {
    /// Who the event log names for a change made in this window: the staff member set in the
    /// settings, or (until someone is set) the operating-system account.
    pub fn actor(&self, store: &Store) -> String {
        let staff = store.load_settings().map(|s| s.staff).unwrap_or_default();
        match (staff.initials.is_empty(), staff.name.is_empty()) {
            (false, _) => staff.initials,
            (true, false) => staff.name,
            (true, true) => os_account(),
        }
    }

    /// The share folder in effect: the configured one, or `<data>/share` so the app works
    /// offline out of the box.
    pub fn share_dir(&self, settings: &Settings) -> PathBuf {
        if settings.share_dir.is_empty() {
            self.data_dir.join(DEFAULT_SHARE_DIR_NAME)
        } else {
            PathBuf::from(&settings.share_dir)
        }
    }
}

/// The default local share folder's name inside the data folder.
pub const DEFAULT_SHARE_DIR_NAME: &str = "share";

fn os_account() -> String {
    ["USER", "USERNAME"]
        .iter()
        .find_map(|k| std::env::var(k).ok().filter(|v| !v.trim().is_empty()))
        .unwrap_or_else(|| "ukendt".to_owned())
}
