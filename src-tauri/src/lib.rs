//! The desktop shell: the only code that knows about Tauri.
//!
//! It opens the application layer ([`App`] from `samtalenotat-core`), manages it as state,
//! and registers commands; every command deserializes its arguments, calls one method of
//! [`App`], and returns its answer or its [`AppError`] (`{code, field, params, message}`)
//! unchanged. The builder is generic over the runtime so the commands run on Tauri's mock
//! runtime in tests.

pub mod commands;
mod startup_probe;
mod test_hooks;
mod window_size;

use std::path::PathBuf;
use std::sync::Arc;

use samtalenotat_core::app::sync_worker::SyncWorker;
use samtalenotat_core::clock::{Clock, SystemClock};
use tauri::Runtime;

pub use commands::note::{FolderChoice, Opener};
pub use samtalenotat_core::app::{App, AppConfig, AppError, ErrorCode};

/// Where the app keeps its data, and the clock it runs on.
#[derive(Clone)]
pub struct ShellConfig {
    pub data_dir: Option<PathBuf>,
    pub clock: Arc<dyn Clock>,
    /// The administration's public key as IT deployed it.
    pub admin_key_file: Option<PathBuf>,
}

impl ShellConfig {
    /// `SAMTALENOTAT_DATA_DIR` overrides the data folder (tests, benchmarks, kiosk setups);
    /// test builds may also fix the clock (`test_hooks`).
    pub fn from_env() -> Self {
        ShellConfig {
            data_dir: std::env::var_os("SAMTALENOTAT_DATA_DIR")
                .filter(|v| !v.is_empty())
                .map(PathBuf::from),
            clock: test_hooks::clock().unwrap_or_else(|| Arc::new(SystemClock)),
            // `SAMTALENOTAT_ADMIN_KEY_FILE` points elsewhere (tests, a non-standard
            // installation); the user who sets it could as well confirm a key in the settings.
            admin_key_file: std::env::var_os("SAMTALENOTAT_ADMIN_KEY_FILE")
                .filter(|v| !v.is_empty())
                .map(PathBuf::from)
                .or_else(samtalenotat_core::app::default_admin_key_path),
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

/// Adds plugins, the opened application and the commands to a builder of any runtime.
pub fn app_builder<R: Runtime>(builder: tauri::Builder<R>, app: App) -> tauri::Builder<R> {
    app_builder_with(builder, app, FolderChoice::Dialog, Opener::System)
}

/// Like [`app_builder`], with folder choices from `folders` and files opened by `opener`
/// (tests on the mock runtime).
pub fn app_builder_with<R: Runtime>(
    builder: tauri::Builder<R>,
    app: App,
    folders: FolderChoice,
    opener: Opener,
) -> tauri::Builder<R> {
    let handler: fn(tauri::ipc::Invoke<R>) -> bool = tauri::generate_handler![
        commands::records::list_records,
        commands::records::create_draft,
        commands::records::get_record,
        commands::records::save_draft,
        commands::records::equal_treatment,
        commands::records::policy_texts,
        commands::records::discard_draft,
        commands::records::leave_draft,
        commands::records::create_addendum,
        commands::note::mark_filed,
        commands::settings::get_settings,
        commands::settings::save_settings,
        commands::sync::sync_status,
        commands::sync::sync_now,
        commands::note::key_status,
        commands::note::create_key,
        commands::note::replace_key,
        commands::note::finish_and_sign,
        commands::note::export_note,
        commands::note::open_exported,
        commands::overview::overview,
        commands::overview::cancel_overview,
        commands::overview::export_overview_csv,
        commands::note::verify_note_folder,
        commands::note::admin_key_status,
        commands::note::confirm_admin_key,
    ];
    // Sync runs on its own thread with its own database connection: never on the UI thread,
    // never holding the window's connection during share I/O. Started here rather than in
    // `setup` (which only runs once the event loop does) so it also runs under the mock
    // runtime in tests.
    let worker = SyncWorker::start(&app);
    builder
        .plugin(tauri_plugin_dialog::init())
        .manage(worker)
        .manage(app)
        .manage(folders)
        .manage(opener)
        .manage(commands::overview::OverviewCancel::default())
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
    let shell = ShellConfig::from_env();
    let Some(data_dir) = shell.data_dir(&context.config().identifier) else {
        startup_failed("no data folder could be found for this user (set SAMTALENOTAT_DATA_DIR)");
    };
    let mut config = AppConfig::new(&data_dir, shell.clock.clone());
    config.deployed_admin_key = shell.admin_key_file.clone();
    let app = match App::open(config) {
        Ok(app) => app,
        Err(e) => startup_failed(&format!(
            "the database in {} could not be opened: {e}",
            data_dir.display()
        )),
    };
    app_builder(tauri::Builder::default(), app)
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
