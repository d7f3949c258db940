//! The `case_filings` table: when a signed note was filed in the case (G-NOTICE-CASE), and
//! the case system's document number. Written once, with the signed receipt's artifacts in the
//! same transaction (the outbox takes them to the share like the note's own files); never
//! changed. Kept apart from the record, which is immutable once finished.

use rusqlite::{params, OptionalExtension};

use super::artifacts::{self, NewArtifact};
use super::{Store, StoreError};

/// A note's filing in the case.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CaseFiling {
    pub note_id: String,
    pub filed_at: String,
    pub document_number: String,
    pub recorded_at: String,
    pub actor: String,
}

impl Store {
    /// Records the filing and stores its receipt's artifacts, in one transaction. A note is
    /// filed once: a second filing is refused ([`StoreError::Immutable`]).
    pub fn record_filing(
        &mut self,
        filing: &CaseFiling,
        receipt: &[NewArtifact],
    ) -> Result<(), StoreError> {
        let tx = self.write_transaction()?;
        let exists: bool = tx
            .query_row(
                "SELECT 1 FROM case_filings WHERE note_id = ?1",
                [&filing.note_id],
                |_| Ok(true),
            )
            .optional()?
            .unwrap_or(false);
        if exists {
            return Err(StoreError::Immutable(filing.note_id.clone()));
        }
        tx.execute(
            "INSERT INTO case_filings (note_id, filed_at, document_number, recorded_at, actor)
             VALUES (?1, ?2, ?3, ?4, ?5)",
            params![
                filing.note_id,
                filing.filed_at,
                filing.document_number,
                filing.recorded_at,
                filing.actor
            ],
        )?;
        artifacts::insert(&tx, &filing.note_id, &filing.recorded_at, receipt)?;
        tx.commit()?;
        Ok(())
    }

    pub fn filing(&self, note_id: &str) -> Result<Option<CaseFiling>, StoreError> {
        Ok(self
            .connection()
            .query_row(
                "SELECT note_id, filed_at, document_number, recorded_at, actor
                 FROM case_filings WHERE note_id = ?1",
                [note_id],
                |r| {
                    Ok(CaseFiling {
                        note_id: r.get(0)?,
                        filed_at: r.get(1)?,
                        document_number: r.get(2)?,
                        recorded_at: r.get(3)?,
                        actor: r.get(4)?,
                    })
                },
            )
            .optional()?)
    }
}
