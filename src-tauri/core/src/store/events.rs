//! The `record_events` table: who changed what in a draft, and when, as a hash chain.
//!
//! Each event's hash covers its own fields and the previous event's hash; the record row keeps
//! the newest hash and the event count. So an event that is edited (its hash no longer
//! matches), deleted (the next event's `prev_hash` or the count no longer matches), or moved
//! (the sequence or chain breaks) is found, and [`verify_chain`] names the position. Replaying
//! the events must also give exactly the stored record body, so editing the body behind the
//! log's back is found as well.
//!
//! "created" events hold the whole initial record; later events hold only the changed values
//! as `{path, value}` pairs (paths into the record's JSON), which is also the readable
//! history.

use rusqlite::{params, Transaction};
use serde::{Deserialize, Serialize};
use serde_json::{Map, Value};
use sha2::{Digest, Sha256};

use super::{Store, StoreError};
use crate::domain::RecordId;

/// Domain separation for the chain's first `prev_hash`: a chain cannot be grafted onto
/// another record.
const GENESIS_PREFIX: &str = "samtalenotat/record-events/v1/";

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum EventAction {
    Created,
    Updated,
    Finished,
}

impl EventAction {
    pub fn as_str(self) -> &'static str {
        match self {
            EventAction::Created => "created",
            EventAction::Updated => "updated",
            EventAction::Finished => "finished",
        }
    }

    fn parse(s: &str) -> Option<EventAction> {
        match s {
            "created" => Some(EventAction::Created),
            "updated" => Some(EventAction::Updated),
            "finished" => Some(EventAction::Finished),
            _ => None,
        }
    }
}

/// One operation in an "updated" event: set the value at `path`, or (`removed`) delete the
/// key there. Removal is written only when a key disappears, which only a record format
/// upgrade does (record format 1's `case_filed_at`); events without it read as before.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct FieldChange {
    pub path: Vec<String>,
    pub value: Value,
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub removed: bool,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct RecordEvent {
    pub seq: i64,
    pub at: String,
    pub actor: String,
    pub action: EventAction,
    pub changes: Value,
    pub prev_hash: String,
    pub hash: String,
}

/// How the chain of one record is broken, with the 1-based position where it first fails.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum ChainBreak {
    #[error("event {position}: its content does not match its hash (edited)")]
    EditedEvent { position: i64 },
    #[error("event {position}: does not follow the event before it (removed or reordered)")]
    BrokenLink { position: i64 },
    #[error("event {position}: sequence number {found} is out of order")]
    OutOfOrder { position: i64, found: i64 },
    #[error("the record expects {expected} events ending in its chain head, found {found} (events removed at the end)")]
    HeadMismatch { expected: i64, found: i64 },
    #[error("replaying the events does not give the stored record (body edited outside the log)")]
    BodyMismatch,
    #[error("event {position}: unreadable ({detail})")]
    Unreadable { position: i64, detail: String },
}

pub fn genesis_hash(record_id: &str) -> String {
    hex::encode(Sha256::digest(format!("{GENESIS_PREFIX}{record_id}")))
}

/// The hash of one event: every field, length-prefixed so no two field lists collide.
pub fn event_hash(
    record_id: &str,
    seq: i64,
    at: &str,
    actor: &str,
    action: &str,
    changes: &str,
    prev_hash: &str,
) -> String {
    let mut h = Sha256::new();
    for part in [
        record_id,
        &seq.to_string(),
        at,
        actor,
        action,
        changes,
        prev_hash,
    ] {
        h.update((part.len() as u64).to_be_bytes());
        h.update(part.as_bytes());
    }
    hex::encode(h.finalize())
}

/// Appends one event inside `tx` and moves the record's chain head. Returns the new hash.
pub(crate) fn append(
    tx: &Transaction<'_>,
    record_id: &str,
    at: &str,
    actor: &str,
    action: EventAction,
    changes: &Value,
) -> Result<String, StoreError> {
    let (count, head): (i64, String) = tx.query_row(
        "SELECT event_count, chain_head FROM records WHERE id = ?1",
        [record_id],
        |r| Ok((r.get(0)?, r.get(1)?)),
    )?;
    let prev = if count == 0 {
        genesis_hash(record_id)
    } else {
        head
    };
    let seq = count + 1;
    let changes = changes.to_string();
    let hash = event_hash(record_id, seq, at, actor, action.as_str(), &changes, &prev);
    tx.execute(
        "INSERT INTO record_events (record_id, seq, at, actor, action, changes, prev_hash, hash)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
        params![
            record_id,
            seq,
            at,
            actor,
            action.as_str(),
            changes,
            prev,
            hash
        ],
    )?;
    tx.execute(
        "UPDATE records SET chain_head = ?2, event_count = ?3 WHERE id = ?1",
        params![record_id, hash, seq],
    )?;
    Ok(hash)
}

/// The differences from `old` to `new` as set operations, depth-first. Objects are compared
/// key by key; anything else (arrays, scalars) is replaced whole.
pub fn diff(old: &Value, new: &Value) -> Vec<FieldChange> {
    let mut out = Vec::new();
    diff_into(&mut Vec::new(), old, new, &mut out);
    out
}

fn diff_into(path: &mut Vec<String>, old: &Value, new: &Value, out: &mut Vec<FieldChange>) {
    match (old, new) {
        (Value::Object(a), Value::Object(b)) => {
            for (key, new_value) in b {
                path.push(key.clone());
                match a.get(key) {
                    Some(old_value) => diff_into(path, old_value, new_value, out),
                    None => out.push(FieldChange {
                        path: path.clone(),
                        value: new_value.clone(),
                        removed: false,
                    }),
                }
                path.pop();
            }
            // Keys disappear only when a record format drops a field: recorded as a removal,
            // so that replaying the log gives the stored record exactly.
            for key in a.keys().filter(|k| !b.contains_key(*k)) {
                let mut p = path.clone();
                p.push(key.clone());
                out.push(FieldChange {
                    path: p,
                    value: Value::Null,
                    removed: true,
                });
            }
        }
        _ if old != new => out.push(FieldChange {
            path: path.clone(),
            value: new.clone(),
            removed: false,
        }),
        _ => {}
    }
}

/// Applies set operations to `target`, creating objects along the path as needed.
pub fn apply(target: &mut Value, changes: &[FieldChange]) {
    for change in changes {
        if change.removed {
            if let Some((key, parents)) = change.path.split_last() {
                let mut node = Some(&mut *target);
                for p in parents {
                    node = node.and_then(|n| n.get_mut(p));
                }
                if let Some(Value::Object(map)) = node {
                    map.remove(key);
                }
            }
            continue;
        }
        let mut node = &mut *target;
        for key in &change.path {
            if !node.is_object() {
                *node = Value::Object(Map::new());
            }
            node = node
                .as_object_mut()
                .expect("just made an object")
                .entry(key.clone())
                .or_insert(Value::Null);
        }
        *node = change.value.clone();
    }
}

impl Store {
    /// The event log of one record, oldest first.
    pub fn record_events(&self, id: RecordId) -> Result<Vec<RecordEvent>, StoreError> {
        let mut stmt = self.connection().prepare_cached(
            "SELECT seq, at, actor, action, changes, prev_hash, hash
             FROM record_events WHERE record_id = ?1 ORDER BY rowid",
        )?;
        let rows = stmt.query_map([id.to_string()], |r| {
            Ok((
                r.get::<_, i64>(0)?,
                r.get::<_, String>(1)?,
                r.get::<_, String>(2)?,
                r.get::<_, String>(3)?,
                r.get::<_, String>(4)?,
                r.get::<_, String>(5)?,
                r.get::<_, String>(6)?,
            ))
        })?;
        let mut events = Vec::new();
        for row in rows {
            let (seq, at, actor, action, changes, prev_hash, hash) = row?;
            events.push(RecordEvent {
                seq,
                at,
                actor,
                action: EventAction::parse(&action).unwrap_or(EventAction::Updated),
                changes: serde_json::from_str(&changes).unwrap_or(Value::String(changes)),
                prev_hash,
                hash,
            });
        }
        Ok(events)
    }

    /// Checks one record's chain end to end; `Ok(Err(..))` says where it breaks.
    pub fn verify_chain(&self, id: RecordId) -> Result<Result<(), ChainBreak>, StoreError> {
        let record_id = id.to_string();
        let (count, head, body): (i64, String, String) = self.connection().query_row(
            "SELECT event_count, chain_head, body FROM records WHERE id = ?1",
            [&record_id],
            |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)),
        )?;
        // Read in physical insertion order (rowid), not by seq: a reordering shows up as a
        // sequence or link error instead of being silently sorted back.
        let mut stmt = self.connection().prepare_cached(
            "SELECT seq, at, actor, action, changes, prev_hash, hash
             FROM record_events WHERE record_id = ?1 ORDER BY rowid",
        )?;
        let mut rows = stmt.query([&record_id])?;
        let mut prev = genesis_hash(&record_id);
        let mut position = 0i64;
        let mut replayed = Value::Null;
        while let Some(r) = rows.next()? {
            position += 1;
            let seq: i64 = r.get(0)?;
            let at: String = r.get(1)?;
            let actor: String = r.get(2)?;
            let action: String = r.get(3)?;
            let changes: String = r.get(4)?;
            let prev_hash: String = r.get(5)?;
            let hash: String = r.get(6)?;
            if event_hash(&record_id, seq, &at, &actor, &action, &changes, &prev_hash) != hash {
                return Ok(Err(ChainBreak::EditedEvent { position }));
            }
            if seq != position {
                return Ok(Err(ChainBreak::OutOfOrder {
                    position,
                    found: seq,
                }));
            }
            if prev_hash != prev {
                return Ok(Err(ChainBreak::BrokenLink { position }));
            }
            let parsed: Value =
                serde_json::from_str(&changes).map_err(|e| StoreError::CorruptRecord {
                    id: record_id.clone(),
                    detail: e.to_string(),
                })?;
            match EventAction::parse(&action) {
                Some(EventAction::Created) => replayed = parsed,
                Some(EventAction::Updated | EventAction::Finished) => {
                    match serde_json::from_value::<Vec<FieldChange>>(parsed) {
                        Ok(ops) => apply(&mut replayed, &ops),
                        Err(e) => {
                            return Ok(Err(ChainBreak::Unreadable {
                                position,
                                detail: e.to_string(),
                            }))
                        }
                    }
                }
                None => {
                    return Ok(Err(ChainBreak::Unreadable {
                        position,
                        detail: format!("unknown action {action:?}"),
                    }))
                }
            }
            prev = hash;
        }
        if position != count || (count > 0 && prev != head) {
            return Ok(Err(ChainBreak::HeadMismatch {
                expected: count,
                found: position,
            }));
        }
        let stored: Value = serde_json::from_str(&body).map_err(|e| StoreError::CorruptRecord {
            id: record_id.clone(),
            detail: e.to_string(),
        })?;
        if stored != replayed {
            return Ok(Err(ChainBreak::BodyMismatch));
        }
        Ok(Ok(()))
    }
}
