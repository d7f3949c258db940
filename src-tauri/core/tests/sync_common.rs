//! Kept only for `benches/sync.rs`, which includes this file by path (`#[path =
//! "../tests/sync_common.rs"] mod common;`). The stand-in signed notes now live in the core
//! test binary's module `tests/core/share_fixture.rs`; once the bench includes that file
//! directly, this file can go. Not a test target (`autotests = false`).
#![allow(dead_code)]

#[path = "core/share_fixture.rs"]
mod share_fixture;

pub use share_fixture::*;
