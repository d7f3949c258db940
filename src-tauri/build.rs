// Listing the app's own commands makes tauri-build generate allow-/deny- permissions for each,
// and from then on a command is reachable only when a capability grants it.
const COMMANDS: &[&str] = &[
    "list_records",
    "create_draft",
    "get_record",
    "save_draft",
    "equal_treatment",
    "get_settings",
    "save_settings",
    "policy_texts",
    "sync_status",
    "sync_now",
    "key_status",
    "create_key",
    "replace_key",
    "finish_and_sign",
    "export_note",
    "open_exported",
    "overview",
    "cancel_overview",
    "export_overview_csv",
    "verify_note_folder",
    "admin_key_status",
    "discard_draft",
    "leave_draft",
    "create_addendum",
    "mark_filed",
    "confirm_admin_key",
];

fn main() {
    tauri_build::try_build(
        tauri_build::Attributes::new()
            .capabilities_path_pattern("src-tauri/capabilities/**/*")
            .app_manifest(tauri_build::AppManifest::new().commands(COMMANDS)),
    )
    .expect("tauri-build failed");
}
