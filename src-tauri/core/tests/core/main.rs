//! Integration tests of the core crate (`samtalenotat-core`), in one test binary.
//!
//! One binary, not one per file: the crate and its dependencies are linked once, and the
//! modules share their helpers as ordinary modules.
//!
//! - `rules`: every guideline rule (G-…) by ID, one submodule per topic; the record fixtures,
//!   the JSON Schema goldens, policy loading, input hygiene, the CLI's `validate`, property
//!   tests.
//! - `list`: the start screen's list through the app layer: filters, conflicts, paging.
//! - `store`: the SQLite file, migrations, listing and search, finishing and addenda.
//! - `events`: the hash-chained event log against every kind of tampering.
//! - `note`: the signed note (canonical JSON and text goldens, PDF, keys, minisign, the
//!   verifier), finish-and-sign through the application layer, the CLI's keygen/sign/verify.
//! - `sync`: publishing to a local folder share, the whole failure matrix.
//! - `sync_smb`: the same against a real Samba server through FUSE. `#[ignore]`d (root,
//!   /dev/fuse, samba); run with
//!   `cargo test -p samtalenotat-core --test core sync_smb:: -- --ignored --test-threads=1`.
//! - `architecture`: module boundaries checked on the source (note/store, no `unsafe`).
//! - `cli`: the command line's help, strict parsing, escaped output, a closed pipe.
//! - `concurrency`: autosave, signing and the sync worker on one database at once.
//! - `finish_needs_note`: no finished record without its signed artifacts.
//! - `hostile_input`: hostile times never panic and are refused by field.
//! - `trusted_keys`: a bad key file is skipped, two keys under one id are refused.
//! - `durability`: a child process killed with SIGKILL mid-save loses nothing it reported.
//!   A few rounds in every run; hundreds (`#[ignore]`d) with
//!   `SAMTALENOTAT_DURABILITY_ROUNDS=300 cargo test -p samtalenotat-core --test core durability:: -- --ignored`.
//!
//! Helpers: `harness` (a fresh temp dir per test, repository paths, the CLI run inside the temp
//! dir, a settable clock), `golden` (byte-for-byte golden files;
//! `SAMTALENOTAT_UPDATE_GOLDEN=1` rewrites them), `share_fixture` (stand-in signed notes and
//! share checks for the sync tests).

mod architecture;
mod cli;
mod concurrency;
mod durability;
mod events;
mod finish_needs_note;
mod forgery;
mod golden;
mod harness;
mod hostile_input;
mod list;
mod note;
mod overview;
mod policy_per_municipality;
mod rules;
mod share_fixture;
mod store;
mod sync;
mod sync_smb;
mod trust;
mod trusted_keys;
