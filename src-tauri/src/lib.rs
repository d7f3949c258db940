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
        startup_failed("no data folder could be found for this user (set SAMTALENOTAT_DATA_DIR)");
    };
    let state = match AppState::open(&data_dir) {
        Ok(state) => state,
        Err(e) => startup_failed(&format!(
            "the database in {} could not be opened: {e}",
            data_dir.display()
        )),
    };
    app_builder(tauri::Builder::default(), state)
        .run(context)
        .expect("Samtalenotat could not start");
}

/// A start-up failure is shown in a native message box as well as on stderr: a user who
/// starts the app from a desktop icon never sees stderr. There is no UI yet, so the words live
/// here, in both languages; nothing has been changed or deleted at this point.
fn startup_failed(detail: &str) -> ! {
    eprintln!("Samtalenotat: {detail}");
    // Without a display a message box would wait forever for a click nobody can give.
    #[cfg(target_os = "linux")]
    if std::env::var_os("DISPLAY").is_none() && std::env::var_os("WAYLAND_DISPLAY").is_none() {
        std::process::exit(1);
    }
    let _ = rfd::MessageDialog::new()
        .set_level(rfd::MessageLevel::Error)
        .set_title("Samtalenotat kan ikke starte")
        .set_description(format!(
            "Samtalenotat kunne ikke starte. Intet er ændret eller slettet. Kontakt IT-support \
             og giv dem teksten herunder.\n\n{detail}\n\nSamtalenotat could not start. \
             Nothing was changed or deleted. Contact IT support with the text above."
        ))
        .set_buttons(rfd::MessageButtons::Ok)
        .show();
    std::process::exit(1);
}
