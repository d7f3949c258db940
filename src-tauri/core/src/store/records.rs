//! The `records` table: one row per meeting record, the JSON body (the record of truth) plus
//! columns projected from it for listing, filtering and full-text search.
//!
//! Every write goes through a transaction that also appends to the event log
//! (`store::events`) and refreshes the search index, so the three never disagree.

use chrono::{DateTime, NaiveDate, Utc};
use rusqlite::{params, types::Value as SqlValue, OptionalExtension, Row, Transaction};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use super::artifacts::{self, NewArtifact};
use super::events::{self, EventAction};
use super::{Store, StoreError};
use crate::domain::rules::{can_finish, validate};
use crate::domain::{
    AddendumTo, DecisionFacts, MeetingKind, MeetingRecord, Policy, PolicyRef, RecordId, RecordState,
};

pub use crate::domain::time::timestamp;

/// What the record list shows: enough to recognise a record without loading its body.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct RecordSummary {
    pub id: String,
    #[ts(type = "RecordState")]
    pub state: String,
    #[ts(type = "MeetingKind")]
    pub kind: String,
    pub created_at: String,
    pub updated_at: String,
    pub subject: String,
    pub unit: String,
    pub case_number: String,
    pub counterpart: String,
    /// When the meeting started (what the list shows as its time), if set.
    pub meeting_starts_at: Option<String>,
    /// `allowed` / `refused`, or `None` (no recording, or not decided yet).
    #[ts(type = "Decision | null")]
    pub decision: Option<String>,
    /// Where the signed note is on its way to the share: `on_share` (every file confirmed),
    /// `pending`, `conflict`; `None` for a draft. The app layer says `on_this_pc` instead of
    /// `on_share` while the share in use is the app's own folder on this PC.
    #[ts(type = "\"on_share\" | \"on_this_pc\" | \"pending\" | \"conflict\" | null")]
    pub sync_state: Option<String>,
    /// When the note was marked as filed in the case.
    pub filed_at: Option<String>,
    /// For a note in conflict: the files on the share (relative to the share folder) that
    /// another file already holds, so the list can say which file to move. Empty otherwise;
    /// filled in by the app layer.
    pub conflict_files: Vec<String>,
}

impl RecordSummary {
    pub fn of(record: &MeetingRecord) -> Self {
        let m = &record.meeting;
        RecordSummary {
            id: record.id.to_string(),
            state: record.state.as_str().to_owned(),
            kind: m.kind.as_str().to_owned(),
            created_at: timestamp(record.created_at),
            updated_at: timestamp(record.updated_at),
            subject: m.subject.clone(),
            unit: m.unit.clone(),
            case_number: m.case_number.clone(),
            counterpart: m.counterpart.clone(),
            meeting_starts_at: m.starts_at.map(timestamp),
            decision: record.recording.decision.and_then(|d| {
                serde_json::to_value(d)
                    .ok()
                    .and_then(|v| v.as_str().map(str::to_owned))
            }),
            sync_state: None,
            filed_at: None,
            conflict_files: Vec::new(),
        }
    }
}

/// Which records the list shows: the start screen's choice "Alle" / "Kladder" / "Ikke sendt" /
/// "Ikke journaliseret".
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum ListFilter {
    #[default]
    All,
    /// Records not finished yet.
    Drafts,
    /// Finished notes not yet confirmed on the share: waiting, or held back by a conflict.
    NotSent,
    /// Finished notes not yet marked as filed in the case.
    NotFiled,
}

impl ListFilter {
    /// The condition on `records` (no arguments). Kept apart from `list_statement`'s other
    /// clauses: the same outbox and filing facts the summary columns read.
    fn clause(self) -> &'static str {
        match self {
            ListFilter::All => "",
            ListFilter::Drafts => " AND state = 'draft'",
            ListFilter::NotSent => {
                " AND state = 'finished'
                  AND (NOT EXISTS (SELECT 1 FROM outbox o WHERE o.note_id = records.id)
                       OR EXISTS (SELECT 1 FROM outbox o WHERE o.note_id = records.id
                                  AND o.state <> 'confirmed'))"
            }
            ListFilter::NotFiled => {
                " AND state = 'finished'
                  AND NOT EXISTS (SELECT 1 FROM case_filings f WHERE f.note_id = records.id)"
            }
        }
    }
}

/// A list request; every filter is optional and they combine with AND. Dates filter on the
/// meeting's start, or on the record's creation while no start is set.
#[derive(Debug, Clone, Default)]
pub struct RecordQuery {
    /// Full-text search over subject, case number, unit, counterpart, room, lead and notes;
    /// each word matches as a prefix.
    pub text: Option<String>,
    pub filter: ListFilter,
    pub state: Option<RecordState>,
    pub unit: Option<String>,
    pub case_number: Option<String>,
    pub from: Option<NaiveDate>,
    /// Inclusive.
    pub to: Option<NaiveDate>,
    pub limit: u32,
    pub offset: u32,
}

pub const MAX_LIST_LIMIT: u32 = 500;

/// The `settings` row that says which record format every draft has been upgraded to.
const DRAFTS_FORMAT_KEY: &str = "store.drafts_format";

/// From this many full-text matches on, a search is treated as "common" (see `list_statement`).
const FTS_COMMON_MATCHES: i64 = 1000;

fn body_json(record: &MeetingRecord) -> String {
    record.stored_json()
}

/// Turns user words into an FTS5 query: every word quoted (so no FTS syntax can be
/// injected) and matched as a prefix.
pub fn fts_query(text: &str) -> Option<String> {
    let words: Vec<String> = text
        .split_whitespace()
        .map(|w| w.replace('"', ""))
        .filter(|w| w.chars().any(char::is_alphanumeric))
        .map(|w| format!("\"{w}\"*"))
        .collect();
    (!words.is_empty()).then(|| words.join(" "))
}

/// The text the search index holds for a record, in the index's column order.
fn search_columns(record: &MeetingRecord) -> [String; 7] {
    let m = &record.meeting;
    [
        m.subject.clone(),
        m.case_number.clone(),
        m.unit.clone(),
        m.counterpart.clone(),
        m.room.clone(),
        format!("{} {}", m.lead.name, m.lead.initials),
        format!(
            "{} {} {}",
            record.oral_decision.what, record.refusal.reason_text, record.refusal.other_ground
        ),
    ]
}

/// Writes the record row (insert when `previous` is `None`, else update) and keeps the search
/// index in step. Autosave mostly changes fields that are not searched (notices, times), so
/// the index is rewritten only when its text changed.
fn project(
    tx: &Transaction<'_>,
    record: &MeetingRecord,
    previous: Option<&MeetingRecord>,
) -> Result<(), StoreError> {
    let m = &record.meeting;
    let id = record.id.to_string();
    let body = body_json(record);
    let values = params![
        id,
        record.state.as_str(),
        m.kind.as_str(),
        timestamp(record.created_at),
        timestamp(record.updated_at),
        m.starts_at.map(timestamp),
        m.unit,
        m.case_number,
        m.subject,
        m.counterpart,
        body,
        record.discarded.as_ref().map(|d| timestamp(d.at)),
    ];
    let sql = if previous.is_none() {
        "INSERT INTO records (id, state, kind, created_at, updated_at, meeting_starts_at,
                              unit, case_number, subject, counterpart, body, discarded_at)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12)"
    } else {
        "UPDATE records SET state = ?2, kind = ?3, created_at = ?4, updated_at = ?5,
                meeting_starts_at = ?6, unit = ?7, case_number = ?8, subject = ?9,
                counterpart = ?10, body = ?11, discarded_at = ?12
         WHERE id = ?1"
    };
    tx.prepare_cached(sql)?.execute(values)?;
    let columns = search_columns(record);
    if previous.is_some_and(|p| search_columns(p) == columns) {
        return Ok(());
    }
    let rowid: i64 = tx
        .prepare_cached("SELECT rowid FROM records WHERE id = ?1")?
        .query_row([&id], |r| r.get(0))?;
    tx.prepare_cached("DELETE FROM records_fts WHERE rowid = ?1")?
        .execute([rowid])?;
    let [subject, case_number, unit, counterpart, room, lead, notes] = columns;
    tx.prepare_cached(
        "INSERT INTO records_fts (rowid, subject, case_number, unit, counterpart, room, lead, notes)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
    )?
    .execute(params![rowid, subject, case_number, unit, counterpart, room, lead, notes])?;
    Ok(())
}

impl Store {
    /// Stores a new draft with its "created" event. Fails if the id exists. A record becomes
    /// finished only through [`Store::finish_record`], which checks the rules.
    pub fn insert_record(&mut self, record: &MeetingRecord, actor: &str) -> Result<(), StoreError> {
        if record.state != RecordState::Draft {
            return Err(StoreError::Immutable(record.id.to_string()));
        }
        let tx = self.write_transaction()?;
        project(&tx, record, None)?;
        let whole = serde_json::to_value(record).expect("a record always serialises");
        events::append(
            &tx,
            &record.id.to_string(),
            &timestamp(record.created_at),
            actor,
            EventAction::Created,
            &whole,
        )?;
        tx.commit()?;
        Ok(())
    }

    /// Creates and stores a new draft of the given kind.
    pub fn create_draft(
        &mut self,
        id: RecordId,
        now: DateTime<Utc>,
        kind: MeetingKind,
        policy: PolicyRef,
        actor: &str,
    ) -> Result<MeetingRecord, StoreError> {
        let record = MeetingRecord::new_draft(id, now, kind, policy);
        self.insert_record(&record, actor)?;
        Ok(record)
    }

    /// A new draft correcting the finished record `to.record_id`, with the meeting facts of
    /// the original and `to` (its signed content hash, which the caller looks up: the store
    /// knows no note format). The original is never changed.
    pub fn create_addendum(
        &mut self,
        to: AddendumTo,
        id: RecordId,
        now: DateTime<Utc>,
        policy: PolicyRef,
        actor: &str,
    ) -> Result<MeetingRecord, StoreError> {
        let base = self.get_record(to.record_id)?;
        if base.state != RecordState::Finished {
            return Err(StoreError::NotFinished(to.record_id.to_string()));
        }
        let mut record = MeetingRecord::new_draft(id, now, base.meeting.kind, policy);
        record.meeting = base.meeting.clone();
        record.recording = base.recording.clone();
        record.notices = base.notices.clone();
        record.oral_decision = base.oral_decision.clone();
        record.refusal = base.refusal.clone();
        record.legal_help = base.legal_help.clone();
        record.addendum_to = Some(to);
        self.insert_record(&record, actor)?;
        Ok(record)
    }

    pub fn get_record(&self, id: RecordId) -> Result<MeetingRecord, StoreError> {
        let body: Option<String> = self
            .connection()
            .query_row(
                "SELECT body FROM records WHERE id = ?1",
                [id.to_string()],
                |row| row.get(0),
            )
            .optional()?;
        let body = body.ok_or_else(|| StoreError::NotFound(id.to_string()))?;
        serde_json::from_str(&body).map_err(|e| StoreError::CorruptRecord {
            id: id.to_string(),
            detail: e.to_string(),
        })
    }

    /// Saves a new version of a draft. Identity, state, creation time and policy are kept from
    /// the stored record whatever `edited` says; only the content is taken. The change is
    /// appended to the event log. Returns the saved record (with `updated_at = now`).
    pub fn update_draft(
        &mut self,
        edited: &MeetingRecord,
        now: DateTime<Utc>,
        actor: &str,
    ) -> Result<MeetingRecord, StoreError> {
        let stored = self.get_record(edited.id)?;
        if stored.discarded.is_some() {
            return Err(StoreError::Discarded(edited.id.to_string()));
        }
        if stored.state != RecordState::Draft {
            return Err(StoreError::Immutable(edited.id.to_string()));
        }
        let mut next = edited.clone();
        next.discarded = None;
        next.format_version = stored.format_version;
        next.state = RecordState::Draft;
        next.created_at = stored.created_at;
        next.finished_at = None;
        next.policy = stored.policy.clone();
        // What a correction points to is fixed when it is made; its reason and the changed
        // fields (worked out by the caller) are taken.
        next.addendum_to = stored
            .addendum_to
            .clone()
            .map(|to| match &edited.addendum_to {
                Some(e) => AddendumTo {
                    reason: e.reason.clone(),
                    changes: e.changes.clone(),
                    ..to
                },
                None => to,
            });
        next.updated_at = now;
        self.write_change(&stored, &next, EventAction::Updated, actor)?;
        Ok(next)
    }

    /// Throws a draft away with a reason: hidden from the list from now on and never
    /// changed again; the event log keeps the change (who, when, why).
    pub fn discard_draft(
        &mut self,
        id: RecordId,
        reason: &str,
        now: DateTime<Utc>,
        actor: &str,
    ) -> Result<MeetingRecord, StoreError> {
        let stored = self.get_record(id)?;
        if stored.discarded.is_some() {
            return Err(StoreError::Discarded(id.to_string()));
        }
        if stored.state != RecordState::Draft {
            return Err(StoreError::Immutable(id.to_string()));
        }
        let mut next = stored.clone();
        next.discarded = Some(crate::domain::Discarded {
            at: now,
            reason: reason.to_owned(),
        });
        next.updated_at = now;
        self.write_change(&stored, &next, EventAction::Updated, actor)?;
        Ok(next)
    }

    /// Brings drafts written by an older build up to the record format of this one, each
    /// as an event in its log (so the chain still replays to the body). Version 1 preselected
    /// "no recording"; version 2 asks, so a version-1 draft's `none` becomes "not chosen yet".
    /// Finished records are never touched. Returns how many drafts were upgraded.
    pub fn upgrade_drafts(&mut self, actor: &str) -> Result<usize, StoreError> {
        // Once every draft is at this build's format, later starts need not read them all
        // again (that took about a second at 100,000 records, on every start, before the
        // window could draw its list): a build writing an older format cannot open this
        // schema (a format-1 build knows migrations up to 7 and refuses a newer schema).
        let upgraded_to: Option<u32> = self.setting(DRAFTS_FORMAT_KEY)?;
        if upgraded_to >= Some(crate::domain::RECORD_FORMAT_VERSION) {
            return Ok(0);
        }
        let ids: Vec<String> = {
            let mut stmt = self.connection().prepare(
                "SELECT id FROM records WHERE state = 'draft'
                 AND (body ->> '$.format_version') < ?1",
            )?;
            let rows = stmt.query_map([crate::domain::RECORD_FORMAT_VERSION], |r| r.get(0))?;
            rows.collect::<Result<_, _>>()?
        };
        for id in &ids {
            let record_id: RecordId = id.parse().map_err(|_| StoreError::CorruptRecord {
                id: id.clone(),
                detail: "not a ULID".into(),
            })?;
            let stored = self.get_record(record_id)?;
            let mut next = stored.clone();
            if next.format_version == 1 {
                if next.recording.origin == Some(crate::domain::RecordingOrigin::None) {
                    next.recording.origin = None;
                }
                next.case_filed_at = None;
                // Format 1's "noted in the case" notice is no notice in format 2 (the signed
                // note is the notation): kept, it would block the draft as an unknown notice
                // that the window no longer shows.
                next.notices.remove("case");
            }
            next.format_version = crate::domain::RECORD_FORMAT_VERSION;
            self.write_change(&stored, &next, EventAction::Updated, actor)?;
        }
        self.set_setting(DRAFTS_FORMAT_KEY, &crate::domain::RECORD_FORMAT_VERSION)?;
        Ok(ids.len())
    }

    /// Finishes a draft if the guideline's rules allow it, storing the artifacts `make` builds
    /// from the finished record (the signed note) in the SAME transaction: either the record
    /// is finished with its artifacts, or nothing changed. There is no way to finish without
    /// artifacts (refused here and by a trigger). `make` runs before the transaction opens
    /// (it may take milliseconds: PDF, signatures); the state is checked again inside it.
    /// From then on the record never changes.
    pub fn finish_record_with<E, F>(
        &mut self,
        id: RecordId,
        now: DateTime<Utc>,
        actor: &str,
        policy: &Policy,
        make: F,
    ) -> Result<MeetingRecord, E>
    where
        E: From<StoreError>,
        F: FnOnce(&MeetingRecord) -> Result<Vec<NewArtifact>, E>,
    {
        let stored = self.get_record(id)?;
        if stored.discarded.is_some() {
            return Err(StoreError::Discarded(id.to_string()).into());
        }
        if stored.state != RecordState::Draft {
            return Err(StoreError::Immutable(id.to_string()).into());
        }
        let violations = validate(&stored, policy, now);
        if !can_finish(&violations) {
            return Err(StoreError::RulesNotMet(violations).into());
        }
        let mut next = stored.clone();
        // The note states the policy it was made under: the one the rules were checked with.
        next.policy = policy.reference();
        next.state = RecordState::Finished;
        next.finished_at = Some(now);
        next.updated_at = now;
        let artifacts = make(&next)?;
        if artifacts.is_empty() {
            return Err(StoreError::NoArtifacts(id.to_string()).into());
        }
        self.write_change_with(&stored, &next, EventAction::Finished, actor, &artifacts)?;
        Ok(next)
    }

    fn write_change(
        &mut self,
        before: &MeetingRecord,
        after: &MeetingRecord,
        action: EventAction,
        actor: &str,
    ) -> Result<(), StoreError> {
        self.write_change_with(before, after, action, actor, &[])
    }

    fn write_change_with(
        &mut self,
        before: &MeetingRecord,
        after: &MeetingRecord,
        action: EventAction,
        actor: &str,
        artifacts: &[NewArtifact],
    ) -> Result<(), StoreError> {
        let new = serde_json::to_value(after).expect("serialises");
        let tx = self.write_transaction()?;
        // The state check and the write happen in one transaction, so a concurrent finish in
        // another process cannot be overwritten (the trigger also refuses it).
        let (state, body): (String, String) = tx.query_row(
            "SELECT state, body FROM records WHERE id = ?1",
            [before.id.to_string()],
            |r| Ok((r.get(0)?, r.get(1)?)),
        )?;
        // The change is taken from the body as stored (what the log replays to), not from
        // `before` re-serialised: a body written by an older record format has fields this
        // build no longer writes, or lacks ones it adds, and the log must say so.
        let old: serde_json::Value =
            serde_json::from_str(&body).map_err(|e| StoreError::CorruptRecord {
                id: before.id.to_string(),
                detail: e.to_string(),
            })?;
        let changes = serde_json::to_value(events::diff(&old, &new)).expect("serialises");
        if state != RecordState::Draft.as_str() {
            return Err(StoreError::Immutable(before.id.to_string()));
        }
        // The event goes first: once the row says "finished", SQLite refuses every change to
        // it, the chain head included.
        events::append(
            &tx,
            &after.id.to_string(),
            &timestamp(after.updated_at),
            actor,
            action,
            &changes,
        )?;
        // Artifacts before the row turns "finished": the database refuses a finished record
        // without them (migration 0007).
        if !artifacts.is_empty() {
            artifacts::insert(
                &tx,
                &after.id.to_string(),
                &timestamp(after.updated_at),
                artifacts,
            )?;
        }
        project(&tx, after, Some(before))?;
        tx.commit()?;
        Ok(())
    }

    /// Newest change first, filtered by `query`.
    pub fn list_records(&self, query: &RecordQuery) -> Result<Vec<RecordSummary>, StoreError> {
        let (sql, args) = self.list_statement(query)?;
        let mut stmt = self.connection().prepare_cached(&sql)?;
        let rows = stmt.query_map(rusqlite::params_from_iter(args), summary_from_row)?;
        Ok(rows.collect::<Result<_, _>>()?)
    }

    /// The SQL and arguments `list_records` runs for `query` (public so benchmarks can
    /// `EXPLAIN` exactly what runs).
    pub fn list_statement(
        &self,
        query: &RecordQuery,
    ) -> Result<(String, Vec<SqlValue>), StoreError> {
        // The sync state and filing of the page's rows only (LIMIT applies first in the
        // subquery-free form below: the correlated subqueries run per returned row).
        let mut sql = String::from(
            "SELECT id, state, kind, created_at, updated_at, subject, unit, case_number, counterpart,
                    meeting_starts_at, body ->> '$.recording.decision',
                    CASE WHEN state <> 'finished' THEN NULL
                         WHEN EXISTS (SELECT 1 FROM outbox o WHERE o.note_id = records.id
                                      AND o.state = 'conflict') THEN 'conflict'
                         WHEN EXISTS (SELECT 1 FROM outbox o WHERE o.note_id = records.id
                                      AND o.state <> 'confirmed') THEN 'pending'
                         WHEN EXISTS (SELECT 1 FROM outbox o WHERE o.note_id = records.id)
                              THEN 'on_share'
                         ELSE 'pending' END,
                    (SELECT filed_at FROM case_filings f WHERE f.note_id = records.id)
             FROM records WHERE discarded_at IS NULL",
        );
        let mut args: Vec<SqlValue> = Vec::new();
        let mut bind = |sql: &mut String, clause: &str, value: SqlValue| {
            args.push(value);
            sql.push_str(&clause.replace('?', &format!("?{}", args.len())));
        };
        if let Some(q) = query.text.as_deref().and_then(fts_query) {
            // A rare word: fetch its few matches by rowid. A common word (or a one-letter
            // prefix) matches much of the table: then sorting every match to keep one page
            // costs hundreds of milliseconds, so walk the newest-first index instead and stop
            // after a page (`+rowid` keeps SQLite from driving the query by rowid).
            let common: bool = self.connection().query_row(
                "SELECT count(*) >= ?2 FROM (SELECT rowid FROM records_fts
                                             WHERE records_fts MATCH ?1 LIMIT ?2)",
                params![q, FTS_COMMON_MATCHES],
                |r| r.get(0),
            )?;
            let clause = if common {
                " AND +rowid IN (SELECT rowid FROM records_fts WHERE records_fts MATCH ?)"
            } else {
                " AND rowid IN (SELECT rowid FROM records_fts WHERE records_fts MATCH ?)"
            };
            bind(&mut sql, clause, SqlValue::Text(q));
        }
        sql.push_str(query.filter.clause());
        if let Some(state) = query.state {
            bind(
                &mut sql,
                " AND state = ?",
                SqlValue::Text(state.as_str().into()),
            );
        }
        if let Some(unit) = query.unit.as_deref().filter(|u| !u.is_empty()) {
            bind(&mut sql, " AND unit = ?", SqlValue::Text(unit.into()));
        }
        if let Some(case) = query.case_number.as_deref().filter(|c| !c.is_empty()) {
            bind(
                &mut sql,
                " AND case_number = ?",
                SqlValue::Text(case.into()),
            );
        }
        // The expression matches the index `records_by_day` exactly, so a date range far back
        // does not walk the newest-first index row by row.
        if let Some(from) = query.from {
            bind(
                &mut sql,
                " AND coalesce(meeting_starts_at, created_at) >= ?",
                SqlValue::Text(format!("{from}T00:00:00.000Z")),
            );
        }
        if let Some(to) = query.to.and_then(|d| d.succ_opt()) {
            bind(
                &mut sql,
                " AND coalesce(meeting_starts_at, created_at) < ?",
                SqlValue::Text(format!("{to}T00:00:00.000Z")),
            );
        }
        let limit = i64::from(query.limit.clamp(1, MAX_LIST_LIMIT));
        bind(
            &mut sql,
            " ORDER BY updated_at DESC, id DESC LIMIT ?",
            SqlValue::Integer(limit),
        );
        bind(
            &mut sql,
            " OFFSET ?",
            SqlValue::Integer(i64::from(query.offset)),
        );
        Ok((sql, args))
    }

    /// The decisions of every finished record, for equal-treatment summaries (G-EQUAL).
    /// SQLite picks the few facts out of each body, so a refusal draft's autosave does not
    /// parse every finished record in full.
    pub fn decision_history(&self) -> Result<Vec<DecisionFacts>, StoreError> {
        let mut stmt = self.connection().prepare_cached(
            "SELECT id, json_object(
                 'record_id', id, 'unit', unit, 'kind', kind,
                 'decision', body -> '$.recording.decision',
                 'grounds', body -> '$.refusal.grounds',
                 'origin', body -> '$.recording.origin',
                 'medium', body -> '$.recording.medium',
                 'others_matters_discussed', body -> '$.meeting.others_matters_discussed',
                 'finished_at', body -> '$.finished_at')
             FROM records WHERE state = 'finished'",
        )?;
        let rows = stmt.query_map([], |r| Ok((r.get::<_, String>(0)?, r.get::<_, String>(1)?)))?;
        let mut out = Vec::new();
        for row in rows {
            let (id, facts) = row?;
            out.push(
                serde_json::from_str(&facts).map_err(|e| StoreError::CorruptRecord {
                    id,
                    detail: e.to_string(),
                })?,
            );
        }
        Ok(out)
    }
}

fn summary_from_row(row: &Row<'_>) -> rusqlite::Result<RecordSummary> {
    Ok(RecordSummary {
        id: row.get(0)?,
        state: row.get(1)?,
        kind: row.get(2)?,
        created_at: row.get(3)?,
        updated_at: row.get(4)?,
        subject: row.get(5)?,
        unit: row.get(6)?,
        case_number: row.get(7)?,
        counterpart: row.get(8)?,
        meeting_starts_at: row.get(9)?,
        decision: row.get(10)?,
        sync_state: row.get(11)?,
        filed_at: row.get(12)?,
        conflict_files: Vec::new(),
    })
}
