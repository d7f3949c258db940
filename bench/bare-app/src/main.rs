//! Baseline for start-up and memory benchmarks: nothing but a window and one command.

use std::sync::Once;
use std::time::{SystemTime, UNIX_EPOCH};

static FIRST_CALL: Once = Once::new();

#[tauri::command]
fn ready() -> &'static str {
    "ready"
}

fn main() {
    let handler: fn(tauri::ipc::Invoke) -> bool = tauri::generate_handler![ready];
    tauri::Builder::default()
        .invoke_handler(move |invoke| {
            FIRST_CALL.call_once(|| {
                if let Some(path) = std::env::var_os("SAMTALENOTAT_READY_FILE") {
                    let nanos = SystemTime::now()
                        .duration_since(UNIX_EPOCH)
                        .map_or(0, |d| d.as_nanos());
                    let _ = std::fs::write(path, nanos.to_string());
                }
            });
            handler(invoke)
        })
        .run(tauri::generate_context!())
        .expect("bare app failed");
}
