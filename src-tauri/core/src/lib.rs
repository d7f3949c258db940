//! Samtalenotat's core: everything the app knows about meetings, the recording guideline,
//! storage, notes and sync, with no dependency on Tauri or any window.
//!
//! Why a separate crate: the compiler then keeps the boundary the architecture asks for. The
//! desktop shell (`src-tauri/src`) and the command-line tool (`samtalenotat-cli`) are both thin
//! callers of [`app::App`], and every rule of the guideline is enforced and tested here.
//!
//! Modules, in the direction data flows: `domain` (records, rules, policy; pure) → `store`
//! (SQLite) and `note` (canonical JSON, PDF, signatures), which do not know each other →
//! `sync` (outbox to the share) → `app`, which ties them together per user action.

// No `unsafe` anywhere in core: file-system calls beyond std go through rustix.
#![forbid(unsafe_code)]

pub mod app;
pub mod clock;
pub mod digest;
pub mod domain;
pub mod note;
pub mod overview;
pub mod owner_only;
pub mod settings;
pub mod store;
pub mod sync;
pub mod trust;
