//! Tauri commands, one file per area. Each validates its arguments, makes one call into
//! `samtalenotat-core`, and maps the error to [`error::IpcError`].

pub mod error;
pub mod note;
pub mod policy;
pub mod records;
pub mod settings;
pub mod sync;
