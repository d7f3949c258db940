//! The settings of one PC: who is working here, the unit and room lists offered in the
//! forms, the language, and the share folder notes sync to.
//!
//! A meeting-room PC is shared, so "who" is a setting the staff member confirms, not the
//! operating-system account; it names the actor in the event log and prefills the meeting lead.

use std::path::Path;

use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::domain::input::{
    clean_text, InputError, MAX_INITIALS_CHARS, MAX_NAME_CHARS, MAX_SHORT_TEXT_CHARS,
};
use crate::domain::{Lang, StaffMember};
use crate::store::{Store, StoreError};

/// The most entries a unit or room list may hold.
pub const MAX_LIST_ENTRIES: usize = 200;
/// The longest share folder path accepted.
pub const MAX_PATH_CHARS: usize = 1024;

const SETTINGS_KEY: &str = "settings";

#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(deny_unknown_fields)]
pub struct Settings {
    pub staff: StaffMember,
    pub units: Vec<String>,
    pub rooms: Vec<String>,
    pub language: Lang,
    /// The share folder; empty means the default local folder inside the data folder.
    /// (Stored as `shareDir` by builds before the wire became snake_case.)
    #[serde(alias = "shareDir")]
    pub share_dir: String,
}

#[derive(Debug, thiserror::Error)]
pub enum SettingsError {
    #[error(transparent)]
    Input(#[from] InputError),
    #[error("{field}: at most {max} entries")]
    TooManyEntries { field: &'static str, max: usize },
    #[error("share_dir: must be an absolute folder path")]
    RelativeShareDir,
}

impl Settings {
    /// A cleaned copy: text trimmed, NFC, bounded, free of control characters; lists without
    /// empty entries or duplicates, sorted the Danish way is left to the UI.
    pub fn clean(&self) -> Result<Settings, SettingsError> {
        let list = |field: &'static str, items: &[String]| -> Result<Vec<String>, SettingsError> {
            if items.len() > MAX_LIST_ENTRIES {
                return Err(SettingsError::TooManyEntries {
                    field,
                    max: MAX_LIST_ENTRIES,
                });
            }
            let mut out: Vec<String> = Vec::with_capacity(items.len());
            for item in items {
                let item = clean_text(field, item, MAX_SHORT_TEXT_CHARS)?;
                if !item.is_empty() && !out.iter().any(|o| o.to_lowercase() == item.to_lowercase())
                {
                    out.push(item);
                }
            }
            Ok(out)
        };
        let share_dir = clean_text("share_dir", &self.share_dir, MAX_PATH_CHARS)?;
        if !share_dir.is_empty() && !Path::new(&share_dir).is_absolute() {
            return Err(SettingsError::RelativeShareDir);
        }
        Ok(Settings {
            staff: StaffMember {
                name: clean_text("staff.name", &self.staff.name, MAX_NAME_CHARS)?,
                initials: clean_text("staff.initials", &self.staff.initials, MAX_INITIALS_CHARS)?,
            },
            units: list("units", &self.units)?,
            rooms: list("rooms", &self.rooms)?,
            language: self.language,
            share_dir,
        })
    }
}

impl Store {
    pub fn load_settings(&self) -> Result<Settings, StoreError> {
        Ok(self.setting(SETTINGS_KEY)?.unwrap_or_default())
    }

    pub fn save_settings(&self, settings: &Settings) -> Result<(), StoreError> {
        self.set_setting(SETTINGS_KEY, settings)
    }

    /// Saves settings that send the notes to another share, and queues every signed artifact
    /// again in the same transaction: "on the share" means on the share in use, and a note
    /// confirmed on the old one is not on the new one until a sync has read it back there.
    /// Publishing is create-only, so a file that is already there is confirmed, not copied
    /// twice. Returns how many artifacts were queued again.
    pub fn save_settings_for_new_share(&self, settings: &Settings) -> Result<u64, StoreError> {
        let tx = self.write_transaction()?;
        let json = serde_json::to_string(settings).expect("settings serialise");
        tx.execute(
            "INSERT INTO settings (key, value) VALUES (?1, ?2)
             ON CONFLICT (key) DO UPDATE SET value = excluded.value",
            [SETTINGS_KEY, &json],
        )?;
        let queued = tx.execute(
            "UPDATE outbox SET state = 'pending', attempts = 0, next_attempt_at = NULL,
                    last_error_kind = NULL, last_error = NULL, published_at = NULL,
                    confirmed_at = NULL, conflict_at = NULL, conflict_size = NULL",
            [],
        )?;
        tx.commit()?;
        Ok(queued as u64)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn clean_trims_dedupes_and_names_the_bad_field() {
        let raw = Settings {
            staff: StaffMember {
                name: " Mette Sørensen ".into(),
                initials: "MESO".into(),
            },
            units: vec![
                "Borgerservice".into(),
                " borgerservice ".into(),
                "".into(),
                "HR".into(),
            ],
            rooms: vec![],
            language: Lang::En,
            share_dir: "/mnt/faelles".into(),
        };
        let clean = raw.clean().unwrap();
        assert_eq!(clean.staff.name, "Mette Sørensen");
        assert_eq!(clean.units, ["Borgerservice", "HR"]);

        let bad = Settings {
            share_dir: "relative/dir".into(),
            ..clean.clone()
        };
        assert!(matches!(bad.clean(), Err(SettingsError::RelativeShareDir)));
        let bad = Settings {
            units: vec!["a\u{0}".into()],
            ..clean
        };
        assert!(bad.clean().unwrap_err().to_string().contains("units"));
    }

    #[test]
    fn settings_round_trip_through_the_store() {
        let dir = tempfile::tempdir().unwrap();
        let store = Store::open(&dir.path().join("db.sqlite3")).unwrap();
        assert_eq!(store.load_settings().unwrap(), Settings::default());
        let s = Settings {
            staff: StaffMember {
                name: "Ali Hansen".into(),
                initials: "ALHA".into(),
            },
            units: vec!["Jobcenter".into()],
            rooms: vec!["Mødelokale 1".into()],
            language: Lang::Da,
            share_dir: String::new(),
        };
        store.save_settings(&s).unwrap();
        assert_eq!(store.load_settings().unwrap(), s);
    }
}
