//! The `signed_artifacts` table: a signed note's files (note.json, note.pdf, their
//! signatures, signer.pub), written once in the transaction that finishes the record and
//! never changed (SQLite triggers refuse UPDATE and DELETE). The outbox publishes from here.

use rusqlite::{params, Transaction};

use super::{Store, StoreError};

/// An artifact to store with a finishing record.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NewArtifact {
    /// A fixed ASCII name (`note.json`, ...), never user text.
    pub name: &'static str,
    pub bytes: Vec<u8>,
}

/// A stored artifact.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Artifact {
    pub note_id: String,
    pub name: String,
    pub bytes: Vec<u8>,
    /// SHA-256 (hex) of `bytes`, computed when stored.
    pub sha256: String,
    pub created_at: String,
}

/// Inserts artifacts inside the caller's transaction (used by `Store::finish_record_with`).
pub(crate) fn insert(
    tx: &Transaction<'_>,
    note_id: &str,
    created_at: &str,
    artifacts: &[NewArtifact],
) -> Result<(), StoreError> {
    let mut stmt = tx.prepare_cached(
        "INSERT INTO signed_artifacts (note_id, name, bytes, sha256, created_at)
         VALUES (?1, ?2, ?3, ?4, ?5)",
    )?;
    for a in artifacts {
        let sha = crate::digest::sha256_hex(&a.bytes);
        stmt.execute(params![note_id, a.name, a.bytes, sha, created_at])?;
    }
    Ok(())
}

impl Store {
    /// A note's artifacts, by name.
    pub fn artifacts(&self, note_id: &str) -> Result<Vec<Artifact>, StoreError> {
        let mut stmt = self.connection().prepare_cached(
            "SELECT note_id, name, bytes, sha256, created_at FROM signed_artifacts
             WHERE note_id = ?1 ORDER BY name",
        )?;
        let rows = stmt.query_map([note_id], |r| {
            Ok(Artifact {
                note_id: r.get(0)?,
                name: r.get(1)?,
                bytes: r.get(2)?,
                sha256: r.get(3)?,
                created_at: r.get(4)?,
            })
        })?;
        Ok(rows.collect::<Result<_, _>>()?)
    }

    /// One artifact, if stored.
    pub fn artifact(&self, note_id: &str, name: &str) -> Result<Option<Artifact>, StoreError> {
        Ok(self
            .artifacts(note_id)?
            .into_iter()
            .find(|a| a.name == name))
    }
}

/// The outbox "note" id under which a staff key is queued for publishing on its own, before
/// any note is signed with it (so the administration can endorse it). Not a ULID, so it is
/// never mistaken for a note.
pub fn key_publication_id(key_id: &str) -> String {
    format!("key-{key_id}")
}

impl Store {
    /// Queues a staff member's public key for the share (`keys/<KEYID>.pub`), once.
    pub fn queue_key_publication(
        &mut self,
        key_id: &str,
        public_key: &[u8],
        created_at: &str,
    ) -> Result<(), StoreError> {
        let tx = self.write_transaction()?;
        let note_id = key_publication_id(key_id);
        let exists: bool = tx.query_row(
            "SELECT count(*) > 0 FROM signed_artifacts WHERE note_id = ?1",
            [&note_id],
            |r| r.get(0),
        )?;
        if !exists {
            insert(
                &tx,
                &note_id,
                created_at,
                &[NewArtifact {
                    name: "signer.pub",
                    bytes: public_key.to_vec(),
                }],
            )?;
        }
        tx.commit()?;
        Ok(())
    }
}
