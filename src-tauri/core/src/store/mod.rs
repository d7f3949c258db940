//! Durable storage of meeting records in one local SQLite file.
//!
//! The file is opened the way legal records deserve (see `docs/operations.md`): WAL so readers
//! never block the writer, `synchronous=FULL` so a commit that returned survives a power cut,
//! foreign keys on, a busy timeout so a second process waits instead of failing, and mode 0600
//! so only the user can read it. The database never lives on the share: WAL does not work on
//! network filesystems.
//!
//! One module per table; `migrations` owns the schema.

pub mod artifacts;
pub mod events;
pub mod filings;
pub mod migrations;
pub mod outbox;
pub mod policies;
pub mod records;
pub mod settings;

use std::path::{Path, PathBuf};
use std::time::Duration;

use rusqlite::Connection;

pub use crate::owner_only::{create_private_dir, restrict_to_owner};
pub use migrations::{Migration, MIGRATIONS};

/// Who the event log names for a draft brought up to a newer record format.
pub const UPGRADE_ACTOR: &str = "samtalenotat (format upgrade)";

/// The file name of the database inside the data folder.
pub const DATABASE_FILE_NAME: &str = "samtalenotat.sqlite3";

#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    #[error("database error: {0}")]
    Sqlite(#[from] rusqlite::Error),
    #[error("cannot use {path}: {source}")]
    Io {
        path: PathBuf,
        #[source]
        source: std::io::Error,
    },
    /// A record cannot be finished without what it is finished into (its signed note).
    #[error("record {0} cannot be finished without its signed artifacts")]
    NoArtifacts(String),
    #[error(
        "the database has schema version {found}, newer than this program knows ({supported}); \
         use a newer version of Samtalenotat"
    )]
    NewerSchema { found: i64, supported: i64 },
    #[error("migration {version} ({name}) failed; the database was left as it was: {source}")]
    Migration {
        version: i64,
        name: &'static str,
        #[source]
        source: rusqlite::Error,
    },
    #[error("stored record {id} cannot be read: {detail}")]
    CorruptRecord { id: String, detail: String },
    #[error("no record with id {0}")]
    NotFound(String),
    #[error("record {0} is finished and cannot be changed")]
    Immutable(String),
    #[error("draft {0} was discarded and cannot be changed")]
    Discarded(String),
    #[error("record {0} is not finished, so it cannot be corrected by an addendum")]
    NotFinished(String),
    #[error("the record cannot be finished: {} rule(s) not met", .0.iter().filter(|v| v.is_blocking()).count())]
    RulesNotMet(Vec<crate::domain::rules::Violation>),
}

/// An open database.
#[derive(Debug)]
pub struct Store {
    conn: Connection,
    path: PathBuf,
}

impl From<crate::owner_only::PrivatePathError> for StoreError {
    fn from(e: crate::owner_only::PrivatePathError) -> Self {
        StoreError::Io {
            path: e.path,
            source: e.source,
        }
    }
}

impl Store {
    /// Opens (creating if needed) the database at `path`, applying pending migrations.
    /// The parent folder is created with mode 0700 and the file set to 0600.
    pub fn open(path: &Path) -> Result<Store, StoreError> {
        Self::open_with_migrations(path, MIGRATIONS)
    }

    /// Like [`Store::open`] with a given migration list: lets tests prove that a failing
    /// migration leaves the old database intact.
    pub fn open_with_migrations(
        path: &Path,
        migrations: &[Migration],
    ) -> Result<Store, StoreError> {
        if let Some(parent) = path.parent().filter(|p| !p.as_os_str().is_empty()) {
            create_private_dir(parent)?;
        }
        let mut conn = Connection::open(path)?;
        restrict_to_owner(path)?;
        configure(&conn)?;
        migrations::migrate(&mut conn, path, migrations)?;
        let mut store = Store {
            conn,
            path: path.to_path_buf(),
        };
        if migrations::latest_version(migrations) == migrations::latest_version(MIGRATIONS) {
            store.upgrade_drafts(UPGRADE_ACTOR)?;
        }
        Ok(store)
    }

    pub fn path(&self) -> &Path {
        &self.path
    }

    pub fn connection(&self) -> &Connection {
        &self.conn
    }

    pub fn connection_mut(&mut self) -> &mut Connection {
        &mut self.conn
    }

    /// A write transaction that takes SQLite's write lock at `BEGIN` (`BEGIN IMMEDIATE`).
    ///
    /// Why: a deferred transaction that reads first and writes later cannot wait for another
    /// writer in WAL mode: SQLite answers "database is locked" at once instead of using the
    /// busy timeout (its snapshot may be stale). With the window's autosave and the sync
    /// worker writing to one file, that lost saves. Taking the lock first makes the second
    /// writer wait its turn.
    pub fn write_transaction(&self) -> Result<rusqlite::Transaction<'_>, StoreError> {
        Ok(rusqlite::Transaction::new_unchecked(
            &self.conn,
            rusqlite::TransactionBehavior::Immediate,
        )?)
    }

    /// `PRAGMA quick_check`: "ok" or the problems found. Slow on big files: not for the UI thread.
    pub fn quick_check(&self) -> Result<String, StoreError> {
        Ok(self
            .conn
            .query_row("PRAGMA quick_check", [], |row| row.get::<_, String>(0))?)
    }
}

fn configure(conn: &Connection) -> Result<(), StoreError> {
    conn.busy_timeout(Duration::from_secs(5))?;
    let mode: String = conn.query_row("PRAGMA journal_mode=WAL", [], |row| row.get(0))?;
    if !mode.eq_ignore_ascii_case("wal") {
        // An in-memory or unusual filesystem: still correct, only less concurrent.
        eprintln!("samtalenotat: journal_mode is {mode}, not wal");
    }
    conn.pragma_update(None, "synchronous", "FULL")?;
    conn.pragma_update(None, "foreign_keys", "ON")?;
    // Deleted text is overwritten, so purged personal data does not linger in free pages.
    conn.pragma_update(None, "secure_delete", "ON")?;
    Ok(())
}
