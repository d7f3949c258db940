//! Samtalenotat's core: everything the app knows about meetings, the recording guideline,
//! storage, notes and sync, with no dependency on Tauri or any window.
//!
//! Why a separate crate: the compiler then keeps the boundary the architecture asks for. The
//! desktop shell (`src-tauri/src`) and the command-line tool (`samtalenotat-cli`) are both thin
//! callers of this library, and every rule of the guideline is enforced and tested here.

pub mod clock;
pub mod domain;
pub mod note;
pub mod settings;
pub mod store;
pub mod sync;
