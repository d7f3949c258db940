//! Actions on this PC's settings.

use std::time::Duration;

use super::error::AppError;
use super::input::from_json_value;
use super::views::SettingsView;
use super::App;
use crate::settings::Settings;
use crate::sync::prepare_share;

/// How long choosing a share may wait for it to answer (a hung server must not freeze the
/// settings screen).
const SHARE_CHECK_TIMEOUT: Duration = Duration::from_secs(10);

impl App {
    pub fn settings(&self) -> Result<SettingsView, AppError> {
        let settings = self.store().load_settings()?;
        Ok(self.settings_view(settings))
    }

    /// Saves the settings. A share folder chosen here is prepared for Samtalenotat (it must
    /// exist; its `samtalenotat/` folder is made), so an unmounted mount point can later be
    /// told from the share.
    pub fn save_settings(&self, settings: serde_json::Value) -> Result<SettingsView, AppError> {
        let settings: Settings = from_json_value(settings)?;
        let cleaned = settings.clean()?;
        if !cleaned.share_dir.is_empty() {
            prepare_share(
                std::path::Path::new(&cleaned.share_dir),
                SHARE_CHECK_TIMEOUT,
            )
            .map_err(|e| {
                let mut error = AppError::from(e);
                error.field = Some("share_dir".into());
                error
            })?;
        }
        let store = self.store();
        let before = self.share_for(&store.load_settings()?);
        if self.share_for(&cleaned).path == before.path {
            store.save_settings(&cleaned)?;
        } else {
            store.save_settings_for_new_share(&cleaned)?;
        }
        drop(store);
        Ok(self.settings_view(cleaned))
    }

    fn settings_view(&self, settings: Settings) -> SettingsView {
        let share = self.share_for(&settings);
        SettingsView {
            effective_share_dir: share.path.display().to_string(),
            share_is_local_default: !share.configured,
            data_dir: self.data_dir().display().to_string(),
            policy: self.policy_status(settings.language),
            settings,
        }
    }
}

const WINDOW_SIZE_KEY: &str = "window_size";
/// Sizes outside this range are ignored (a broken value must not hide the window).
const WINDOW_MIN: f64 = 600.0;
const WINDOW_MAX: f64 = 10_000.0;

#[derive(Debug, Clone, Copy, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct WindowSize {
    pub width: f64,
    pub height: f64,
}

impl WindowSize {
    fn is_sensible(&self) -> bool {
        (WINDOW_MIN..WINDOW_MAX).contains(&self.width)
            && (WINDOW_MIN..WINDOW_MAX).contains(&self.height)
    }
}

impl App {
    /// The size the main window was last left at, if it is a sensible one.
    pub fn window_size(&self) -> Option<WindowSize> {
        self.store()
            .setting::<WindowSize>(WINDOW_SIZE_KEY)
            .ok()
            .flatten()
            .filter(WindowSize::is_sensible)
    }

    /// Keeps the main window's size (in the data folder, so tests never touch the user's).
    pub fn remember_window_size(&self, size: WindowSize) -> Result<(), AppError> {
        if size.is_sensible() {
            self.store().set_setting(WINDOW_SIZE_KEY, &size)?;
        }
        Ok(())
    }
}
