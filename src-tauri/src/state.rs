//! What the shell keeps between commands: the open store and the policy in force.

use std::path::{Path, PathBuf};
use std::sync::{Mutex, MutexGuard};

use samtalenotat_core::clock::{Clock, SystemClock};
use samtalenotat_core::domain::Policy;
use samtalenotat_core::store::{Store, StoreError, DATABASE_FILE_NAME};

pub struct AppState {
    /// One connection, used by one command at a time: SQLite serialises writers anyway, and
    /// every command here is a short transaction.
    store: Mutex<Store>,
    pub clock: Box<dyn Clock>,
    pub policy: &'static Policy,
    pub data_dir: PathBuf,
    /// Who the event log names for changes made in this window. Until staff identity is
    /// chosen in the settings, the operating-system account is the best available answer.
    pub actor: String,
}

impl AppState {
    pub fn open(data_dir: &Path) -> Result<AppState, StoreError> {
        let store = Store::open(&data_dir.join(DATABASE_FILE_NAME))?;
        Ok(AppState {
            store: Mutex::new(store),
            clock: Box::new(SystemClock),
            policy: Policy::builtin(),
            data_dir: data_dir.to_path_buf(),
            actor: os_account(),
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

fn os_account() -> String {
    ["USER", "USERNAME"]
        .iter()
        .find_map(|k| std::env::var(k).ok().filter(|v| !v.trim().is_empty()))
        .unwrap_or_else(|| "ukendt".to_owned())
}
