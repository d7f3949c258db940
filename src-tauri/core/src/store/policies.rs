//! The `policies` table: policy files this PC adopted from the administration, by hash, with
//! their exact text (a record names the policy it was made under by its hash).

use rusqlite::{params, OptionalExtension};

use super::{Store, StoreError};

/// An adopted policy file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AdoptedPolicy {
    pub hash: String,
    pub id: String,
    pub version: String,
    pub text: String,
    pub adopted_at: String,
}

impl Store {
    /// Keeps a policy's text (once; adopting the same file again changes nothing).
    pub fn adopt_policy(&self, policy: &AdoptedPolicy) -> Result<(), StoreError> {
        self.connection().execute(
            "INSERT OR IGNORE INTO policies (hash, id, version, text, adopted_at)
             VALUES (?1, ?2, ?3, ?4, ?5)",
            params![
                policy.hash,
                policy.id,
                policy.version,
                policy.text,
                policy.adopted_at
            ],
        )?;
        Ok(())
    }

    pub fn adopted_policy(&self, hash: &str) -> Result<Option<AdoptedPolicy>, StoreError> {
        Ok(self
            .connection()
            .query_row(
                "SELECT hash, id, version, text, adopted_at FROM policies WHERE hash = ?1",
                [hash],
                |r| {
                    Ok(AdoptedPolicy {
                        hash: r.get(0)?,
                        id: r.get(1)?,
                        version: r.get(2)?,
                        text: r.get(3)?,
                        adopted_at: r.get(4)?,
                    })
                },
            )
            .optional()?)
    }
}
