//! Integration tests of the whole desktop app, in one test binary.
//!
//! - `ipc`: the real command handlers and capabilities on Tauri's mock runtime (no window).
//! - `sync_ipc`: the sync commands and the background worker, on the mock runtime.
//! - `e2e`: the real app window driven through WebDriver (tauri-driver + WebKitWebDriver).
//!   These need a display and tauri-driver, so they are `#[ignore]`d in a plain `cargo test`
//!   and run by `scripts/test.sh` under `xvfb-run` with `--ignored`.

mod e2e;
mod harness;
mod installed;
mod ipc;
mod mock_app;
mod note_ipc;
mod shell_shape;
mod sync_ipc;
mod webdriver;
