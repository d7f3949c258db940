//! The `outbox` and `sync_state` tables: what still has to reach the share, and how the last
//! sync run went.
//!
//! Rows are never inserted here: the `signed_artifacts_enqueue` trigger (migration 0005) queues
//! every signed artifact in the transaction that stores it. This module reads the open rows for
//! the planner, hands out an artifact's bytes for publishing, and records outcomes. Times are
//! passed in; nothing here reads the clock.

use chrono::{DateTime, SecondsFormat, Utc};
use rusqlite::{params, OptionalExtension};
use serde::Serialize;
use ts_rs::TS;

use super::{Store, StoreError};

/// Where an artifact is in its journey to the share.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum ItemState {
    /// Not yet on the share (or not yet seen there).
    Pending,
    /// Placed under its final name but not yet read back and verified.
    Published,
    /// Read back from the share with the right SHA-256. Final.
    Confirmed,
    /// A different file holds the final name. Never overwritten; re-checked on each sync, so
    /// moving the foreign file away resolves it.
    Conflict,
}

impl ItemState {
    pub fn as_str(self) -> &'static str {
        match self {
            ItemState::Pending => "pending",
            ItemState::Published => "published",
            ItemState::Confirmed => "confirmed",
            ItemState::Conflict => "conflict",
        }
    }

    fn parse(s: &str) -> Option<ItemState> {
        Some(match s {
            "pending" => ItemState::Pending,
            "published" => ItemState::Published,
            "confirmed" => ItemState::Confirmed,
            "conflict" => ItemState::Conflict,
            _ => return None,
        })
    }
}

/// Identifies one artifact: the note (record ULID) and the fixed file name.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
pub struct ItemKey {
    pub note_id: String,
    pub name: String,
}

impl ItemKey {
    pub fn new(note_id: impl Into<String>, name: impl Into<String>) -> ItemKey {
        ItemKey {
            note_id: note_id.into(),
            name: name.into(),
        }
    }
}

/// One outbox row (without the bytes, which stay in `signed_artifacts`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct OutboxItem {
    pub key: ItemKey,
    pub sha256: String,
    pub size: u64,
    pub state: ItemState,
    pub attempts: u32,
    /// `None`: due now.
    pub next_attempt_at: Option<DateTime<Utc>>,
    pub last_error_kind: Option<String>,
    pub last_error: Option<String>,
    pub enqueued_at: String,
    pub share_path: Option<String>,
}

/// What one sync did to one artifact; written by [`Store::record_sync_outcomes`].
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum OutboxUpdate {
    /// Read back with the right hash (whether this run wrote it or found it there).
    Confirmed { share_path: String },
    /// Under its final name, but the read-back did not happen or failed.
    Published {
        share_path: String,
        error_kind: String,
        error: String,
    },
    /// Another file holds the name.
    Conflict {
        share_path: String,
        found_size: Option<u64>,
    },
    /// The attempt failed; try again at `next_attempt_at`.
    Failed {
        share_path: Option<String>,
        error_kind: String,
        error: String,
    },
}

/// The first retry waits this long after a failure; each further failure doubles it ...
pub const BACKOFF_BASE_SECONDS: i64 = 30;
/// ... up to this. The worker also polls the share on its own schedule.
pub const BACKOFF_CAP_SECONDS: i64 = 3600;

/// When to try again after the `attempts`-th failed attempt (1-based): capped exponential.
pub fn next_attempt_at(now: DateTime<Utc>, attempts: u32) -> DateTime<Utc> {
    let exp = attempts.saturating_sub(1).min(20);
    let wait = (BACKOFF_BASE_SECONDS << exp).min(BACKOFF_CAP_SECONDS);
    now + chrono::Duration::seconds(wait)
}

/// A conflict, as the status line lists it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct ConflictView {
    pub note_id: String,
    /// The path on the share, relative to the share folder, `/`-separated.
    pub file: String,
    pub detected_at: String,
}

/// A classified error and its technical message.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct LastError {
    /// A `sync::ErrorKind` wire name (stored as text).
    #[ts(type = "ShareErrorKind")]
    pub kind: String,
    pub message: String,
}

/// The outbox as the UI and the CLI summarise it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct OutboxStatus {
    /// Notes with at least one artifact not yet confirmed (conflicts not counted).
    #[ts(type = "number")]
    pub pending: u64,
    /// Age of the oldest artifact not yet confirmed (conflicts included: they have not
    /// reached the case either).
    #[ts(type = "number | null")]
    pub oldest_pending_age_seconds: Option<i64>,
    pub last_success_at: Option<String>,
    pub last_error: Option<LastError>,
    pub conflicts: Vec<ConflictView>,
}

/// RFC 3339 UTC with milliseconds, the one time format this table writes.
pub fn format_time(t: DateTime<Utc>) -> String {
    t.to_rfc3339_opts(SecondsFormat::Millis, true)
}

fn parse_time(s: &str) -> Option<DateTime<Utc>> {
    DateTime::parse_from_rfc3339(s)
        .ok()
        .map(|t| t.with_timezone(&Utc))
}

impl Store {
    /// Every artifact not yet confirmed, in key order.
    pub fn outbox_open_items(&self) -> Result<Vec<OutboxItem>, StoreError> {
        let mut stmt = self.connection().prepare_cached(
            "SELECT note_id, name, sha256, size, state, attempts, next_attempt_at,
                    last_error_kind, last_error, enqueued_at, share_path
             FROM outbox WHERE state <> 'confirmed' ORDER BY note_id, name",
        )?;
        let rows = stmt.query_map([], |r| {
            Ok((
                ItemKey::new(r.get::<_, String>(0)?, r.get::<_, String>(1)?),
                r.get::<_, String>(2)?,
                r.get::<_, i64>(3)?,
                r.get::<_, String>(4)?,
                r.get::<_, i64>(5)?,
                r.get::<_, Option<String>>(6)?,
                r.get::<_, Option<String>>(7)?,
                r.get::<_, Option<String>>(8)?,
                r.get::<_, String>(9)?,
                r.get::<_, Option<String>>(10)?,
            ))
        })?;
        let mut items = Vec::new();
        for row in rows {
            let (key, sha256, size, state, attempts, next, kind, err, enq, path) = row?;
            let state = ItemState::parse(&state).ok_or_else(|| StoreError::CorruptRecord {
                id: format!("{}/{}", key.note_id, key.name),
                detail: format!("unknown outbox state {state:?}"),
            })?;
            items.push(OutboxItem {
                key,
                sha256,
                size: u64::try_from(size).unwrap_or(0),
                state,
                attempts: u32::try_from(attempts).unwrap_or(u32::MAX),
                next_attempt_at: next.as_deref().and_then(parse_time),
                last_error_kind: kind,
                last_error: err,
                enqueued_at: enq,
                share_path: path,
            });
        }
        Ok(items)
    }

    /// All outbox rows of one state (tests, support).
    /// Rows in the outbox, whatever their state.
    pub fn outbox_len(&self) -> Result<i64, StoreError> {
        Ok(self
            .connection()
            .query_row("SELECT count(*) FROM outbox", [], |r| r.get(0))?)
    }

    pub fn outbox_count(&self, state: ItemState) -> Result<u64, StoreError> {
        Ok(self.connection().query_row(
            "SELECT count(*) FROM outbox WHERE state = ?1",
            [state.as_str()],
            |r| r.get::<_, i64>(0),
        )? as u64)
    }

    /// The bytes of a signed artifact.
    pub fn artifact_bytes(&self, key: &ItemKey) -> Result<Vec<u8>, StoreError> {
        self.connection()
            .prepare_cached("SELECT bytes FROM signed_artifacts WHERE note_id = ?1 AND name = ?2")?
            .query_row(params![key.note_id, key.name], |r| r.get(0))
            .optional()?
            .ok_or_else(|| StoreError::NotFound(format!("{}/{}", key.note_id, key.name)))
    }

    /// Records what a sync did, all in one transaction.
    pub fn record_sync_outcomes(
        &self,
        outcomes: &[(ItemKey, OutboxUpdate)],
        now: DateTime<Utc>,
    ) -> Result<(), StoreError> {
        if outcomes.is_empty() {
            return Ok(());
        }
        let now_text = format_time(now);
        let tx = self.write_transaction()?;
        {
            let mut attempts =
                tx.prepare_cached("SELECT attempts FROM outbox WHERE note_id = ?1 AND name = ?2")?;
            let mut retry_at = |n: &str, m: &str| -> Result<String, StoreError> {
                let done: i64 = attempts.query_row(params![n, m], |r| r.get(0))?;
                let after = u32::try_from(done).unwrap_or(u32::MAX).saturating_add(1);
                Ok(format_time(next_attempt_at(now, after)))
            };
            let mut confirmed = tx.prepare_cached(
                "UPDATE outbox SET state = 'confirmed', share_path = ?3, confirmed_at = ?4,
                        published_at = coalesce(published_at, ?4), next_attempt_at = NULL,
                        last_error_kind = NULL, last_error = NULL
                 WHERE note_id = ?1 AND name = ?2 AND state <> 'confirmed'",
            )?;
            let mut published = tx.prepare_cached(
                "UPDATE outbox SET state = 'published', share_path = ?3,
                        published_at = coalesce(published_at, ?4), attempts = attempts + 1,
                        last_error_kind = ?5, last_error = ?6, next_attempt_at = ?7
                 WHERE note_id = ?1 AND name = ?2 AND state <> 'confirmed'",
            )?;
            let mut conflict = tx.prepare_cached(
                "UPDATE outbox SET share_path = ?3,
                        conflict_at = CASE WHEN state = 'conflict' THEN conflict_at ELSE ?4 END,
                        state = 'conflict', conflict_size = ?5, next_attempt_at = NULL,
                        last_error_kind = NULL, last_error = NULL
                 WHERE note_id = ?1 AND name = ?2 AND state <> 'confirmed'",
            )?;
            let mut failed = tx.prepare_cached(
                "UPDATE outbox SET share_path = coalesce(?3, share_path), attempts = attempts + 1,
                        last_error_kind = ?4, last_error = ?5, next_attempt_at = ?6
                 WHERE note_id = ?1 AND name = ?2 AND state <> 'confirmed'",
            )?;
            for (key, update) in outcomes {
                let (n, m) = (&key.note_id, &key.name);
                match update {
                    OutboxUpdate::Confirmed { share_path } => {
                        confirmed.execute(params![n, m, share_path, now_text])?
                    }
                    OutboxUpdate::Published {
                        share_path,
                        error_kind,
                        error,
                    } => published.execute(params![
                        n,
                        m,
                        share_path,
                        now_text,
                        error_kind,
                        error,
                        retry_at(n, m)?
                    ])?,
                    OutboxUpdate::Conflict {
                        share_path,
                        found_size,
                    } => conflict.execute(params![
                        n,
                        m,
                        share_path,
                        now_text,
                        found_size.map(|s| s as i64)
                    ])?,
                    OutboxUpdate::Failed {
                        share_path,
                        error_kind,
                        error,
                    } => failed.execute(params![
                        n,
                        m,
                        share_path,
                        error_kind,
                        error,
                        retry_at(n, m)?
                    ])?,
                };
            }
        }
        tx.commit()?;
        Ok(())
    }

    /// Records how a sync run ended: `error` is `None` when everything it tried succeeded.
    pub fn record_sync_run(
        &self,
        now: DateTime<Utc>,
        error: Option<&LastError>,
    ) -> Result<(), StoreError> {
        let now = format_time(now);
        match error {
            None => self.connection().execute(
                "UPDATE sync_state SET last_run_at = ?1, last_success_at = ?1,
                        last_error_kind = NULL, last_error = NULL WHERE id = 1",
                [&now],
            )?,
            Some(e) => self.connection().execute(
                "UPDATE sync_state SET last_run_at = ?1, last_error_kind = ?2, last_error = ?3
                 WHERE id = 1",
                params![now, e.kind, e.message],
            )?,
        };
        Ok(())
    }

    /// The summary the status line shows, as of `now`.
    pub fn outbox_status(&self, now: DateTime<Utc>) -> Result<OutboxStatus, StoreError> {
        let conn = self.connection();
        let pending: i64 = conn.query_row(
            // Keys queued on their own (`key-…`) are not notes waiting for the case.
            "SELECT count(DISTINCT note_id) FROM outbox WHERE state IN ('pending', 'published')
             AND note_id NOT LIKE 'key-%'",
            [],
            |r| r.get(0),
        )?;
        let mut oldest: Option<DateTime<Utc>> = None;
        {
            // enqueued_at is the artifact's created_at, written by the signing code: parsed
            // here rather than compared as text, so a different offset spelling still works.
            let mut stmt = conn.prepare_cached(
                "SELECT DISTINCT enqueued_at FROM outbox WHERE state <> 'confirmed'
                 AND note_id NOT LIKE 'key-%'",
            )?;
            let rows = stmt.query_map([], |r| r.get::<_, String>(0))?;
            for row in rows {
                if let Some(t) = parse_time(&row?) {
                    oldest = Some(oldest.map_or(t, |o| o.min(t)));
                }
            }
        }
        let (last_success_at, kind, message) = conn.query_row(
            "SELECT last_success_at, last_error_kind, last_error FROM sync_state WHERE id = 1",
            [],
            |r| {
                Ok((
                    r.get::<_, Option<String>>(0)?,
                    r.get::<_, Option<String>>(1)?,
                    r.get::<_, Option<String>>(2)?,
                ))
            },
        )?;
        let mut conflicts = Vec::new();
        {
            let mut stmt = conn.prepare_cached(
                "SELECT note_id, name, share_path, conflict_at FROM outbox
                 WHERE state = 'conflict' ORDER BY conflict_at, note_id, name",
            )?;
            let rows = stmt.query_map([], |r| {
                Ok(ConflictView {
                    note_id: r.get(0)?,
                    file: r
                        .get::<_, Option<String>>(2)?
                        .unwrap_or(r.get::<_, String>(1)?),
                    detected_at: r.get::<_, Option<String>>(3)?.unwrap_or_default(),
                })
            })?;
            for row in rows {
                conflicts.push(row?);
            }
        }
        Ok(OutboxStatus {
            pending: pending as u64,
            oldest_pending_age_seconds: oldest.map(|t| (now - t).num_seconds().max(0)),
            last_success_at,
            last_error: kind.map(|kind| LastError {
                kind,
                message: message.unwrap_or_default(),
            }),
            conflicts,
        })
    }

    /// The files of one note that another file holds on the share (paths relative to the
    /// share folder), in name order; empty when the note has no conflict.
    pub fn conflict_files(&self, note_id: &str) -> Result<Vec<String>, StoreError> {
        let mut stmt = self.connection().prepare_cached(
            "SELECT coalesce(share_path, name) FROM outbox
             WHERE note_id = ?1 AND state = 'conflict' ORDER BY name",
        )?;
        let rows = stmt.query_map([note_id], |r| r.get(0))?;
        Ok(rows.collect::<Result<_, _>>()?)
    }

    /// Share folders (relative, `/`-separated) watched for our own leftover temp files.
    pub fn temp_watch_folders(&self) -> Result<Vec<String>, StoreError> {
        let mut stmt = self
            .connection()
            .prepare_cached("SELECT folder FROM sync_temp_watch ORDER BY folder")?;
        let rows = stmt.query_map([], |r| r.get(0))?;
        Ok(rows.collect::<Result<_, _>>()?)
    }

    /// After a run that listed `listed`: watch exactly those of them in `watch`.
    pub fn update_temp_watch(
        &self,
        listed: &[String],
        watch: &[String],
        now: DateTime<Utc>,
    ) -> Result<(), StoreError> {
        let tx = self.write_transaction()?;
        {
            let mut del = tx.prepare_cached("DELETE FROM sync_temp_watch WHERE folder = ?1")?;
            for f in listed.iter().filter(|f| !watch.contains(f)) {
                del.execute([f])?;
            }
            let mut ins = tx.prepare_cached(
                "INSERT OR IGNORE INTO sync_temp_watch (folder, first_seen_at) VALUES (?1, ?2)",
            )?;
            for f in watch {
                ins.execute(params![f, format_time(now)])?;
            }
        }
        tx.commit()?;
        Ok(())
    }
}
