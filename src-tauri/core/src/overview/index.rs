//! The reader's local index of the share: one row per note folder seen, keyed by its path and
//! a stamp of its files (names, sizes, modification times), with what checking it found. A
//! later run re-reads only folders whose stamp changed; a change in the administration's
//! files (endorsements, revocations) re-checks every folder, since a verdict depends on them.
//!
//! Its own SQLite file in the reader's data folder (mode 0600), never on the share.

use std::collections::HashMap;
use std::path::Path;

use rusqlite::{params, Connection, OptionalExtension};

use super::facts::NoteFacts;
use super::problems::ProblemKind;
use super::OverviewError;

pub const INDEX_FILE_NAME: &str = "overview-index.sqlite3";

const SCHEMA: &str = "
CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL) STRICT;
CREATE TABLE IF NOT EXISTS folders (
    path            TEXT PRIMARY KEY,
    stamp           TEXT NOT NULL,
    note_id         TEXT,
    problem_kind    TEXT,
    problem_detail  TEXT,
    json_sha256     TEXT,
    -- The facts of a trusted note (NULL otherwise). No names, no texts: data minimisation.
    case_number     TEXT,
    unit            TEXT,
    kind            TEXT,
    month           TEXT,
    requested       INTEGER,
    decision        TEXT,
    ground_a        INTEGER,
    ground_b        INTEGER,
    ground_c        INTEGER,
    unannounced_open   INTEGER,
    unannounced_hidden INTEGER,
    video_requested INTEGER,
    video_allowed   INTEGER,
    oral_decision   INTEGER,
    incidents       INTEGER,
    seen_run        INTEGER NOT NULL
) STRICT;
CREATE INDEX IF NOT EXISTS folders_note ON folders (note_id);
";

/// What decides whether a folder is read again, and what it counts for when it is not.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct KnownFolder {
    pub stamp: String,
    pub problem: Option<(ProblemKind, String)>,
    /// A trusted note, counted in the overview.
    pub trusted: bool,
}

/// What is kept for one folder.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FolderEntry {
    pub stamp: String,
    pub note_id: Option<String>,
    pub problem: Option<(ProblemKind, String)>,
    pub json_sha256: Option<String>,
    pub facts: Option<NoteFacts>,
}

pub struct Index {
    conn: Connection,
}

impl Index {
    pub fn open(data_dir: &Path) -> Result<Index, OverviewError> {
        crate::owner_only::create_private_dir(data_dir).map_err(|e| OverviewError::Io {
            path: e.path.display().to_string(),
            detail: e.source.to_string(),
        })?;
        let path = data_dir.join(INDEX_FILE_NAME);
        let conn = Connection::open(&path)?;
        restrict_to_owner(&path)?;
        conn.execute_batch("PRAGMA journal_mode = WAL; PRAGMA synchronous = NORMAL;")?;
        conn.execute_batch(SCHEMA)?;
        Ok(Index { conn })
    }

    pub fn meta(&self, key: &str) -> Result<Option<String>, OverviewError> {
        Ok(self
            .conn
            .query_row("SELECT value FROM meta WHERE key = ?1", [key], |r| r.get(0))
            .optional()?)
    }

    pub fn set_meta(&self, key: &str, value: &str) -> Result<(), OverviewError> {
        self.conn.execute(
            "INSERT INTO meta (key, value) VALUES (?1, ?2)
             ON CONFLICT (key) DO UPDATE SET value = excluded.value",
            [key, value],
        )?;
        Ok(())
    }

    /// Every folder the index holds, with what decides whether to read it again and what it
    /// contributes to a report when it is not read again. One pass over the table: a warm run
    /// then touches the index only for what changed.
    pub fn known_folders(&self) -> Result<HashMap<String, KnownFolder>, OverviewError> {
        let mut stmt = self.conn.prepare(
            "SELECT path, stamp, problem_kind, problem_detail, unit IS NOT NULL FROM folders",
        )?;
        let rows = stmt.query_map([], |r| {
            let problem_kind: Option<String> = r.get(2)?;
            let detail: Option<String> = r.get(3)?;
            Ok((
                r.get::<_, String>(0)?,
                KnownFolder {
                    stamp: r.get(1)?,
                    problem: problem_kind
                        .and_then(|k| ProblemKind::from_str(&k))
                        .map(|k| (k, detail.unwrap_or_default())),
                    trusted: r.get(4)?,
                },
            ))
        })?;
        Ok(rows.collect::<Result<_, _>>()?)
    }

    /// Writes `entries` (folders read in this run) in one transaction.
    pub fn put_all(
        &mut self,
        entries: &[(String, FolderEntry)],
        run: i64,
    ) -> Result<(), OverviewError> {
        let tx = self.conn.transaction()?;
        for (path, entry) in entries {
            Self::put(&tx, path, entry, run)?;
        }
        tx.commit()?;
        Ok(())
    }

    /// Forgets folders no longer on the share (a completed run only).
    pub fn forget(&mut self, paths: &[String]) -> Result<(), OverviewError> {
        let tx = self.conn.transaction()?;
        for path in paths {
            tx.prepare_cached("DELETE FROM folders WHERE path = ?1")?
                .execute([path])?;
        }
        tx.commit()?;
        Ok(())
    }

    fn put(
        tx: &rusqlite::Transaction<'_>,
        path: &str,
        entry: &FolderEntry,
        run: i64,
    ) -> Result<(), OverviewError> {
        let f = entry.facts.as_ref();
        tx.prepare_cached(
            "INSERT INTO folders (path, stamp, note_id, problem_kind, problem_detail, json_sha256,
                 case_number, unit, kind, month, requested, decision, ground_a, ground_b, ground_c,
                 unannounced_open, unannounced_hidden, video_requested, video_allowed,
                 oral_decision, incidents, seen_run)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17,
                     ?18, ?19, ?20, ?21, ?22)
             ON CONFLICT (path) DO UPDATE SET stamp = excluded.stamp, note_id = excluded.note_id,
                 problem_kind = excluded.problem_kind, problem_detail = excluded.problem_detail,
                 json_sha256 = excluded.json_sha256, case_number = excluded.case_number,
                 unit = excluded.unit, kind = excluded.kind, month = excluded.month,
                 requested = excluded.requested, decision = excluded.decision,
                 ground_a = excluded.ground_a, ground_b = excluded.ground_b,
                 ground_c = excluded.ground_c, unannounced_open = excluded.unannounced_open,
                 unannounced_hidden = excluded.unannounced_hidden,
                 video_requested = excluded.video_requested,
                 video_allowed = excluded.video_allowed, oral_decision = excluded.oral_decision,
                 incidents = excluded.incidents, seen_run = excluded.seen_run",
        )?
        .execute(params![
            path,
            entry.stamp,
            entry.note_id,
            entry.problem.as_ref().map(|p| p.0.as_str()),
            entry.problem.as_ref().map(|p| p.1.as_str()),
            entry.json_sha256,
            f.map(|f| f.case_number.as_str()),
            f.map(|f| f.unit.as_str()),
            f.map(|f| f.kind.as_str()),
            f.map(|f| f.month.as_str()),
            f.map(|f| f.requested),
            f.map(|f| f.decision.as_str()),
            f.map(|f| f.ground_a),
            f.map(|f| f.ground_b),
            f.map(|f| f.ground_c),
            f.map(|f| f.unannounced_open),
            f.map(|f| f.unannounced_hidden),
            f.map(|f| f.video_requested),
            f.map(|f| f.video_allowed),
            f.map(|f| f.oral_decision),
            f.map(|f| f.incidents),
            run,
        ])?;
        Ok(())
    }

    pub fn connection(&self) -> &Connection {
        &self.conn
    }
}

#[cfg(unix)]
fn restrict_to_owner(path: &Path) -> Result<(), OverviewError> {
    use std::os::unix::fs::PermissionsExt;
    std::fs::set_permissions(path, std::fs::Permissions::from_mode(0o600)).map_err(|e| {
        OverviewError::Io {
            path: path.display().to_string(),
            detail: e.to_string(),
        }
    })
}

#[cfg(not(unix))]
fn restrict_to_owner(_path: &Path) -> Result<(), OverviewError> {
    // On Windows the user's profile folder is the user's alone already.
    Ok(())
}

/// Municipality-wide decisions of one kind of meeting and medium, from the index as the last
/// overview run left it, for the staff's equal-treatment panel. `None` when this PC has no
/// index (the overview never read the share here); the index file is never created by this.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, ts_rs::TS)]
pub struct ShareFigures {
    pub allowed: u32,
    pub refused: u32,
    /// Trusted notes in the index, of every kind.
    pub notes: u32,
    /// When the overview last read the share (RFC 3339).
    pub scanned_at: String,
}

pub fn share_figures(data_dir: &Path, kind: &str, video_requested: bool) -> Option<ShareFigures> {
    let path = data_dir.join(INDEX_FILE_NAME);
    if !path.is_file() {
        return None;
    }
    let conn =
        Connection::open_with_flags(&path, rusqlite::OpenFlags::SQLITE_OPEN_READ_ONLY).ok()?;
    let scanned_at: String = conn
        .query_row("SELECT value FROM meta WHERE key = 'scanned_at'", [], |r| {
            r.get(0)
        })
        .ok()?;
    let (allowed, refused): (i64, i64) = conn
        .query_row(
            "SELECT coalesce(sum(decision = 'allowed'), 0), coalesce(sum(decision = 'refused'), 0)
             FROM folders WHERE problem_kind IS NULL AND unit IS NOT NULL
               AND kind = ?1 AND video_requested = ?2",
            params![kind, video_requested],
            |r| Ok((r.get(0)?, r.get(1)?)),
        )
        .ok()?;
    let notes: i64 = conn
        .query_row(
            "SELECT count(*) FROM folders WHERE problem_kind IS NULL AND unit IS NOT NULL",
            [],
            |r| r.get(0),
        )
        .ok()?;
    Some(ShareFigures {
        allowed: allowed as u32,
        refused: refused as u32,
        notes: notes as u32,
        scanned_at,
    })
}
