//! Tauri commands, one file per area. Each validates its arguments, makes one call into
//! `samtalenotat-core`, and maps the error to [`error::IpcError`].

pub mod error;
pub mod policy;
pub mod records;
pub mod settings;
