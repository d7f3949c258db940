//! The schema, as an append-only list of migrations embedded in the binary.
//!
//! Rules: never edit a migration that has shipped, only append; each runs in its own
//! transaction together with the `user_version` bump, so a failure leaves the database exactly
//! as it was; a database from a newer program is refused rather than guessed at; and the file is
//! copied aside before the first pending migration runs, so even a bug in a migration that
//! "succeeds" can be recovered from.

use std::path::{Path, PathBuf};

use rusqlite::Connection;

use super::StoreError;
use crate::owner_only::restrict_to_owner;

#[derive(Debug, Clone, Copy)]
pub struct Migration {
    pub version: i64,
    pub name: &'static str,
    pub sql: &'static str,
}

pub const MIGRATIONS: &[Migration] = &[
    Migration {
        version: 1,
        name: "records",
        sql: include_str!("migrations/0001_records.sql"),
    },
    Migration {
        version: 2,
        name: "events and search",
        sql: include_str!("migrations/0002_events_search.sql"),
    },
    Migration {
        version: 3,
        name: "settings",
        sql: include_str!("migrations/0003_settings.sql"),
    },
    Migration {
        version: 4,
        name: "signed artifacts",
        sql: include_str!("migrations/0004_signed_artifacts.sql"),
    },
    Migration {
        version: 5,
        name: "outbox",
        sql: include_str!("migrations/0005_outbox.sql"),
    },
    Migration {
        version: 6,
        name: "list by day",
        sql: include_str!("migrations/0006_list_by_day.sql"),
    },
    Migration {
        version: 7,
        name: "finished only with its signed note",
        sql: include_str!("migrations/0007_finish_needs_artifacts.sql"),
    },
    Migration {
        version: 8,
        name: "filings in the case, discarded drafts",
        sql: include_str!("migrations/0008_filings_discards.sql"),
    },
    Migration {
        version: 9,
        name: "adopted policies",
        sql: include_str!("migrations/0009_policies.sql"),
    },
];

/// The schema version this build writes.
pub fn latest_version(migrations: &[Migration]) -> i64 {
    migrations.last().map_or(0, |m| m.version)
}

/// The path of the copy taken before migrating from `from_version`.
pub fn backup_path(db_path: &Path, from_version: i64) -> PathBuf {
    let mut name = db_path.as_os_str().to_owned();
    name.push(format!(".before-migration-from-v{from_version}.bak"));
    PathBuf::from(name)
}

pub fn migrate(
    conn: &mut Connection,
    db_path: &Path,
    migrations: &[Migration],
) -> Result<(), StoreError> {
    let current: i64 = conn.query_row("PRAGMA user_version", [], |row| row.get(0))?;
    let latest = latest_version(migrations);
    if current > latest {
        return Err(StoreError::NewerSchema {
            found: current,
            supported: latest,
        });
    }
    let pending: Vec<&Migration> = migrations.iter().filter(|m| m.version > current).collect();
    if pending.is_empty() {
        return Ok(());
    }
    if current > 0 {
        let backup = backup_path(db_path, current);
        if !backup.exists() {
            // VACUUM INTO writes a consistent, compact copy without holding up other readers.
            conn.execute("VACUUM INTO ?1", [backup.to_string_lossy().as_ref()])?;
            restrict_to_owner(&backup)?;
        }
    }
    for migration in pending {
        let tx = conn.transaction_with_behavior(rusqlite::TransactionBehavior::Immediate)?;
        let applied = tx
            .execute_batch(migration.sql)
            .and_then(|()| tx.pragma_update(None, "user_version", migration.version));
        if let Err(source) = applied {
            // Dropping the transaction rolls it back.
            return Err(StoreError::Migration {
                version: migration.version,
                name: migration.name,
                source,
            });
        }
        tx.commit()?;
    }
    Ok(())
}
