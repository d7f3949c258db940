//! The central overview as a user action: scan the share in effect (read-only) against the
//! administration's endorsed keys, count, and export the counts as CSV.

use std::path::Path;
use std::sync::atomic::AtomicBool;

use serde::Serialize;
use ts_rs::TS;

use super::error::{AppError, ErrorCode};
use super::input::from_json_value;
use super::trust::TrustBasis;
use super::App;
use crate::overview::{
    aggregate, export, scan_share, Aggregate, Index, OverviewError, OverviewQuery, ScanProgress,
    ScanReport,
};

/// What the "Overblik" screen shows.
#[derive(Debug, Clone, Serialize, TS)]
pub struct OverviewView {
    pub aggregate: Aggregate,
    pub scan: ScanReport,
    /// When the share was read (RFC 3339).
    pub scanned_at: String,
    pub share_dir: String,
}

impl App {
    /// Reads the share in effect into this PC's overview index and counts. Slow on a cold run
    /// (every note is verified): `progress` is told as folders are done, and `cancel` stops
    /// the run between folders.
    pub fn overview(
        &self,
        query: serde_json::Value,
        cancel: &AtomicBool,
        progress: &mut dyn FnMut(ScanProgress),
    ) -> Result<OverviewView, AppError> {
        let query = parse_query(query)?;
        let trust = self.trust_set().map_err(|basis| match basis {
            TrustBasis::NoAdminKey => AppError::new(
                ErrorCode::AdminKeyMissing,
                "the overview needs the administration key on this PC",
            ),
            _ => AppError::new(ErrorCode::ShareMissing, "the share cannot be read now"),
        })?;
        let share = self.share_in_effect().path;
        let mut index = Index::open(self.data_dir()).map_err(overview_error)?;
        let now = self.now();
        let scan = scan_share(&share, &trust, &mut index, now, cancel, progress)
            .map_err(overview_error)?;
        let aggregate = aggregate(&index, &query).map_err(overview_error)?;
        Ok(OverviewView {
            aggregate,
            scan,
            scanned_at: crate::domain::time::timestamp(now),
            share_dir: share.display().to_string(),
        })
    }

    /// Writes the counts of the last scan as CSV into `folder` (`overblik-<date>.csv`, or
    /// `overblik-<date>-excel.csv` in the Danish Excel form) and returns the file's path, as
    /// the window shows it.
    pub fn export_overview_csv(
        &self,
        query: serde_json::Value,
        danish_excel: bool,
        folder: &Path,
    ) -> Result<String, AppError> {
        let query = parse_query(query)?;
        if !folder.is_absolute() {
            return Err(AppError::field(
                ErrorCode::BadPath,
                "folder",
                "folder: must be an absolute path",
            ));
        }
        let index = Index::open(self.data_dir()).map_err(overview_error)?;
        let bytes = export::to_csv(
            &aggregate(&index, &query).map_err(overview_error)?,
            danish_excel,
        )
        .map_err(overview_error)?;
        let day = crate::note::localtime::copenhagen(self.now()).format("%Y-%m-%d");
        let name = if danish_excel {
            format!("overblik-{day}-excel.csv")
        } else {
            format!("overblik-{day}.csv")
        };
        let path = folder.join(name);
        std::fs::write(&path, bytes).map_err(|e| {
            AppError::new(ErrorCode::FileAccess, format!("{}: {e}", path.display()))
        })?;
        Ok(path.display().to_string())
    }
}

fn parse_query(query: serde_json::Value) -> Result<OverviewQuery, AppError> {
    let query: OverviewQuery = from_json_value(query)?;
    for (field, value) in [("query.from", &query.from), ("query.to", &query.to)] {
        if let Some(v) = value {
            let ok = v.len() == 7
                && v.as_bytes()[4] == b'-'
                && v[..4].bytes().all(|b| b.is_ascii_digit())
                && matches!(v[5..].parse::<u32>(), Ok(1..=12));
            if !ok {
                return Err(AppError::field(
                    ErrorCode::BadDate,
                    field,
                    format!("{field}: must be a month, YYYY-MM"),
                ));
            }
        }
    }
    if let Some(kind) = &query.kind {
        if kind != "citizen" && kind != "employee" {
            return Err(AppError::field(
                ErrorCode::InvalidInput,
                "query.kind",
                "query.kind: must be \"citizen\" or \"employee\"",
            ));
        }
    }
    Ok(query)
}

fn overview_error(e: OverviewError) -> AppError {
    match e {
        OverviewError::ShareMissing(_) => AppError::new(ErrorCode::ShareMissing, e.to_string()),
        OverviewError::Cancelled => AppError::new(ErrorCode::Cancelled, e.to_string()),
        OverviewError::Io { .. } => AppError::new(ErrorCode::FileAccess, e.to_string()),
        OverviewError::Index(_) | OverviewError::Csv(_) => {
            AppError::new(ErrorCode::Storage, e.to_string())
        }
    }
}
