//! The desktop shell: the only code that knows about Tauri.
//!
//! It opens the store, manages it as state, and registers commands; every command validates
//! its input, calls one function of `samtalenotat-core`, and maps the error to [`IpcError`].
//! The builder is generic over the runtime so the commands run on Tauri's mock runtime in tests.

pub mod commands;
mod startup_probe;
pub mod state;
pub mod sync_worker;
mod window_size;

use std::path::PathBuf;

use tauri::Runtime;

pub use commands::error::{Code, IpcError};
pub use state::AppState;

/// Where the app keeps its data. `None` means the platform's app-data folder.
#[derive(Debug, Clone, Default)]
pub struct AppConfig {
    pub data_dir: Option<PathBuf>,
}

impl AppConfig {
    /// `SAMTALENOTAT_DATA_DIR` overrides the data folder (tests, benchmarks, kiosk setups).
    pub fn from_env() -> Self {
        AppConfig {
            data_dir: std::env::var_os("SAMTALENOTAT_DATA_DIR")
                .filter(|v| !v.is_empty())
                .map(PathBuf::from),
        }
    }

    /// The data folder: the override, or `<platform data dir>/<identifier>`, which is what
    /// Tauri's `app_data_dir()` answers. Resolved before the app is built so the store is
    /// open (and its errors known) before any window or command exists.
    pub fn data_dir(&self, identifier: &str) -> Option<PathBuf> {
        self.data_dir
            .clone()
            .or_else(|| dirs::data_dir().map(|d| d.join(identifier)))
    }
}

/// Adds plugins, the opened state and the commands to a builder of any runtime.
pub fn app_builder<R: Runtime>(builder: tauri::Builder<R>, state: AppState) -> tauri::Builder<R> {
    let handler: fn(tauri::ipc::Invoke<R>) -> bool = tauri::generate_handler![
        commands::records::list_records,
        commands::records::create_draft,
        commands::records::get_record,
        commands::records::save_draft,
        commands::records::finish_record,
        commands::records::equal_treatment,
        commands::settings::get_settings,
        commands::settings::save_settings,
        commands::policy::policy_texts,
        commands::sync::sync_status,
        commands::sync::sync_now,
        commands::note::key_status,
        commands::note::create_key,
        commands::note::finish_and_sign,
        commands::note::export_note,
        commands::note::verify_note_folder,
    ];
    builder
        .plugin(tauri_plugin_dialog::init())
        // Sync runs on its own thread with its own database connection: never on the UI
        // thread, never holding the store mutex during share I/O. Started here rather than in
        // `setup` (which only runs once the event loop does) so it also runs under the mock
        // runtime in tests.
        .manage(sync_worker::SyncWorker::start(state.data_dir.clone()))
        .manage(state)
        .setup(|app| {
            window_size::restore(app.handle());
            Ok(())
        })
        .on_window_event(window_size::remember)
        .invoke_handler(move |invoke| {
            startup_probe::first_ipc_answered();
            handler(invoke)
        })
}

/// Starts the app. Called by `main.rs`.
pub fn run() {
    let context = tauri::generate_context!();
    let Some(data_dir) = AppConfig::from_env().data_dir(&context.config().identifier) else {
        eprintln!(
            "Samtalenotat: no data folder could be found for this user (set SAMTALENOTAT_DATA_DIR)"
        );
        std::process::exit(1);
    };
    let state = match AppState::open(&data_dir) {
        Ok(state) => state,
        Err(e) => {
            eprintln!(
                "Samtalenotat could not open its database in {}: {e}",
                data_dir.display()
            );
            std::process::exit(1);
        }
    };
    app_builder(tauri::Builder::default(), state)
        .run(context)
        .expect("Samtalenotat could not start");
}
