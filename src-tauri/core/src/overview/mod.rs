//! The central overview (SPEC §5): reads the share read-only, verifies every complete note
//! against the administration's endorsed keys, keeps a local index, counts per unit and
//! period, and lists every problem by note and path. docs/overview.md describes it.

pub mod aggregate;
pub mod export;
pub mod facts;
pub mod index;
pub mod problems;
pub mod scan;

pub use aggregate::{aggregate, Aggregate, Counts, OverviewQuery, OverviewRow, Period, UnitSignal};
pub use index::{Index, INDEX_FILE_NAME};
pub use problems::{Problem, ProblemKind};
pub use scan::{scan_share, ScanProgress, ScanReport};

#[derive(Debug, thiserror::Error)]
pub enum OverviewError {
    #[error("the share's notes folder is not there: {0}")]
    ShareMissing(String),
    #[error("the overview was cancelled")]
    Cancelled,
    #[error("{path}: {detail}")]
    Io { path: String, detail: String },
    #[error("the overview's index: {0}")]
    Index(#[from] rusqlite::Error),
    #[error("CSV: {0}")]
    Csv(#[from] csv::Error),
}
