//! Start-up measurement for `bench/`: when `SAMTALENOTAT_READY_FILE` is set, the wall-clock
//! time of the first IPC call from the page is written there once, so a script can measure
//! exec → page ready from outside. The bare comparison app in bench/ does the same.

use std::sync::Once;
use std::time::{SystemTime, UNIX_EPOCH};

static FIRST_CALL: Once = Once::new();

pub fn first_ipc_answered() {
    FIRST_CALL.call_once(|| {
        if let Some(path) = std::env::var_os("SAMTALENOTAT_READY_FILE") {
            let nanos = SystemTime::now()
                .duration_since(UNIX_EPOCH)
                .map_or(0, |d| d.as_nanos());
            // A benchmark aid only: failing to write must never disturb the app.
            let _ = std::fs::write(path, nanos.to_string());
        }
    });
}
