//! Sync actions: which share is in effect (decided here and nowhere else), a sync run, the
//! status line.

use std::path::PathBuf;

use super::error::AppError;
use super::views::SyncStatusView;
use super::{App, DEFAULT_SHARE_DIR_NAME};
use crate::settings::Settings;
use crate::sync::share_io::PREPARED_MARKER;
use crate::sync::{sync_once, Progress, SyncOptions, SyncReport};

/// The share folder notes go to, and whether someone chose it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ShareTarget {
    pub path: PathBuf,
    /// Chosen in the settings (or on the command line). The default is the app's own folder
    /// on this PC (`<data>/share`), which it prepares itself; a configured share is never
    /// created and must carry its `samtalenotat/` folder (an unmounted share must look missing).
    pub configured: bool,
}

impl App {
    /// The share in effect now.
    pub fn share_in_effect(&self) -> ShareTarget {
        let settings = self.store().load_settings().unwrap_or_default();
        self.share_for(&settings)
    }

    pub(super) fn share_for(&self, settings: &Settings) -> ShareTarget {
        if let Some(path) = &self.config.share_override {
            return ShareTarget {
                path: path.clone(),
                configured: true,
            };
        }
        if settings.share_dir.is_empty() {
            ShareTarget {
                path: self.data_dir().join(DEFAULT_SHARE_DIR_NAME),
                configured: false,
            }
        } else {
            ShareTarget {
                path: PathBuf::from(&settings.share_dir),
                configured: true,
            }
        }
    }

    /// The status line: from the outbox in the local database, never waiting for the share.
    pub fn sync_status(&self, running: bool) -> Result<SyncStatusView, AppError> {
        let store = self.store();
        let settings = store.load_settings()?;
        let share = self.share_for(&settings);
        Ok(SyncStatusView {
            outbox: store.outbox_status(self.now())?,
            running,
            share_dir: share.path.display().to_string(),
            share_is_local_default: !share.configured,
        })
    }

    /// One sync run of everything due in the outbox to the share in effect. `force` ignores
    /// the backoff (on-demand sync). Share problems are in the report, not an error.
    pub fn sync_once(
        &self,
        force: bool,
        op_timeout: Option<std::time::Duration>,
        progress: &mut dyn FnMut(&Progress),
    ) -> Result<SyncReport, AppError> {
        let share = self.share_in_effect();
        if !share.configured {
            // The app's own local folder: made and marked here, so it works out of the box.
            std::fs::create_dir_all(share.path.join(PREPARED_MARKER)).map_err(|e| {
                AppError::new(
                    super::ErrorCode::FileAccess,
                    format!("{}: {e}", share.path.display()),
                )
            })?;
        }
        let defaults = SyncOptions::default();
        let options = SyncOptions {
            force,
            expect_prepared_share: share.configured,
            op_timeout: op_timeout.unwrap_or(defaults.op_timeout),
            ..defaults
        };
        let store = self.store();
        sync_once(&store, &share.path, self.now(), &options, progress).map_err(|e| match e {
            crate::sync::SyncError::Store(s) => AppError::from(s),
            other => AppError::internal(other.to_string()),
        })
    }

    /// Rows in the outbox (the worker's cue that something was signed).
    pub fn outbox_len(&self) -> Result<i64, AppError> {
        Ok(self.store().outbox_len()?)
    }
}
