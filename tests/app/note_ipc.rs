//! The signed-note commands through the real IPC layer of the mock runtime: create a key,
//! finish and sign with a wrong and the right passphrase, the artifacts in the database,
//! export (the folder dialog bypassed by its documented test hook), and the real `minisign`
//! tool on the exported files.
//!
//! The folder "dialogs" answer fixed folders on the mock runtime (`mock_app::app`).

use std::path::Path;
use std::process::Command;

use serde_json::{json, Value};
use tauri::test::MockRuntime;
use tauri::{Manager, WebviewWindow};

use crate::harness::TestDir;
use crate::mock_app::*;

const PASSPHRASE: &str = "korrekt hest batteri";

fn set_staff(main: &WebviewWindow<MockRuntime>) {
    let settings = json!({
        "staff": { "name": "Mette Sørensen", "initials": "MESO" },
        "units": [], "rooms": [], "language": "da", "share_dir": ""
    });
    call(main, "save_settings", json!({ "settings": settings })).unwrap();
}

fn minisign_ok(file: &Path, key: &Path) -> bool {
    Command::new("minisign")
        .arg("-Vm")
        .arg(file)
        .arg("-p")
        .arg(key)
        .output()
        .expect("minisign is installed (scripts/setup.sh)")
        .status
        .success()
}

#[test]
fn key_then_finish_and_sign_then_export_then_minisign_verifies() {
    let dir = TestDir::new();
    let app = app(&dir);
    let main = window(&app, "main");

    // No staff member yet: no key, and none can be made.
    let status = call(&main, "key_status", json!({})).unwrap();
    assert_eq!(status["exists"], false);
    assert_eq!(status["key_id"], Value::Null);
    let err = call(&main, "create_key", json!({ "passphrase": PASSPHRASE })).unwrap_err();
    assert_eq!(err["code"], "no_staff", "{err}");
    assert_eq!(err["field"], "staff");

    set_staff(&main);
    let err = call(&main, "create_key", json!({ "passphrase": "kort" })).unwrap_err();
    assert_eq!(err["code"], "passphrase_too_short");
    assert_eq!(err["params"]["min"], "8");
    assert!(
        err["message"].as_str().unwrap().contains("passphrase"),
        "{err}"
    );

    let record = finishable_draft(&main, "citizen-asked-first-allowed.json");
    let err = call(
        &main,
        "finish_and_sign",
        json!({ "id": record["id"], "passphrase": PASSPHRASE }),
    )
    .unwrap_err();
    assert_eq!(err["code"], "no_key", "{err}");

    let made = call(&main, "create_key", json!({ "passphrase": PASSPHRASE })).unwrap();
    assert_eq!(made["exists"], true);
    assert_eq!(made["signer_initials"], "MESO");
    assert_eq!(made["signer_name"], "Mette Sørensen");
    let key_id = made["key_id"].as_str().unwrap().to_owned();
    assert_eq!(key_id.len(), 16);
    let pub_path = made["public_key_path"].as_str().unwrap().to_owned();
    assert!(
        pub_path.ends_with(&format!("keys/{key_id}.pub")),
        "{pub_path}"
    );
    assert_eq!(call(&main, "key_status", json!({})).unwrap(), made);
    let err = call(&main, "create_key", json!({ "passphrase": PASSPHRASE })).unwrap_err();
    assert_eq!(err["code"], "key_exists", "one key per staff member");
    {
        use std::os::unix::fs::PermissionsExt;
        let keys = dir.data_dir().join("keys");
        let mode = |p: &Path| std::fs::metadata(p).unwrap().permissions().mode() & 0o777;
        assert_eq!(mode(&keys), 0o700);
        assert_eq!(mode(&keys.join(format!("{key_id}.sec"))), 0o600);
    }

    // Wrong passphrase: nothing changes.
    let err = call(
        &main,
        "finish_and_sign",
        json!({ "id": record["id"], "passphrase": "forkert kodeord" }),
    )
    .unwrap_err();
    assert_eq!(err["code"], "wrong_passphrase", "{err}");
    let view = call(&main, "get_record", json!({ "id": record["id"] })).unwrap();
    assert_eq!(view["record"]["state"], "draft");

    // An unfinishable draft: the rules answer before the passphrase is tried.
    let empty = call(&main, "create_draft", json!({ "kind": "citizen" })).unwrap();
    let err = call(
        &main,
        "finish_and_sign",
        json!({ "id": empty["record"]["id"], "passphrase": PASSPHRASE }),
    )
    .unwrap_err();
    assert_eq!(err["code"], "rule_violation");

    // The right passphrase: finished and signed in one step.
    let signed = call(
        &main,
        "finish_and_sign",
        json!({ "id": record["id"], "passphrase": PASSPHRASE }),
    )
    .unwrap();
    assert_eq!(signed["record"]["state"], "finished");
    let err = call(
        &main,
        "finish_and_sign",
        json!({ "id": record["id"], "passphrase": PASSPHRASE }),
    )
    .unwrap_err();
    assert_eq!(
        err["code"], "record_finished",
        "a finished record is immutable"
    );

    // The artifacts are in the database.
    let id = record["id"].as_str().unwrap().to_owned();
    {
        let store = samtalenotat_core::store::Store::open(
            &dir.data_dir()
                .join(samtalenotat_core::store::DATABASE_FILE_NAME),
        )
        .unwrap();
        let mut names: Vec<String> = store
            .artifacts(&id)
            .unwrap()
            .into_iter()
            .map(|a| a.name)
            .collect();
        names.sort();
        assert_eq!(
            names,
            [
                "note.json",
                "note.json.minisig",
                "note.pdf",
                "note.pdf.minisig",
                "signer.pub"
            ]
        );
    }

    // Export through the dialog's test hook, then the real minisign tool.
    let export_parent = dir.path().join("eksport");
    std::fs::create_dir_all(&export_parent).unwrap();
    let exported = call(&main, "export_note", json!({ "id": id })).unwrap();
    let folder = std::path::PathBuf::from(exported["folder"].as_str().unwrap());
    // Named from the meeting's day, the case number and a short id (core tests the name).
    assert_eq!(folder.parent(), Some(export_parent.as_path()));
    let name = folder.file_name().unwrap().to_string_lossy().into_owned();
    assert!(
        name.ends_with(&id[18..]) && name.starts_with("20"),
        "{name}"
    );
    assert_eq!(
        exported["files"],
        json!([
            "signer.pub",
            "note.pdf",
            "note.pdf.minisig",
            "note.json",
            "note.json.minisig"
        ])
    );
    for file in ["note.json", "note.pdf"] {
        assert!(
            minisign_ok(&folder.join(file), &folder.join("signer.pub")),
            "{file}"
        );
    }
    assert_eq!(
        std::fs::read_to_string(folder.join("signer.pub")).unwrap(),
        std::fs::read_to_string(&pub_path).unwrap()
    );

    // "Åbn PDF" / "Åbn mappe": what was exported, from the note id alone; the page can pass
    // no path, and an unknown target is refused by name.
    call(&main, "open_exported", json!({ "id": id, "target": "pdf" })).unwrap();
    call(
        &main,
        "open_exported",
        json!({ "id": id, "target": "folder" }),
    )
    .unwrap();
    let opened = match &*app.state::<samtalenotat_app::Opener>() {
        samtalenotat_app::Opener::Recorded(opened) => opened.lock().unwrap().clone(),
        samtalenotat_app::Opener::System => panic!("the mock app records what it opens"),
    };
    assert_eq!(opened, [folder.join("note.pdf"), folder.clone()]);
    let err = call(
        &main,
        "open_exported",
        json!({ "id": id, "target": "/etc/passwd" }),
    )
    .unwrap_err();
    assert_eq!(err["code"], "invalid_input", "{err}");

    // The app's own verification of that folder (the verify "dialog" answers <dir>/verify).
    let folder = {
        let verify = dir.path().join("verify");
        std::fs::rename(&folder, &verify).unwrap();
        verify
    };
    let verified = call(&main, "verify_note_folder", json!({})).unwrap();
    // No administration key on this PC: the files are checked, who signed is not judged.
    assert_eq!(verified["basis"]["basis"], "no_admin_key");
    assert_eq!(verified["signer"], Value::Null);
    let report = &verified["report"];
    assert_eq!(report["ok"], true, "{report}");
    assert_eq!(report["note_id"], id);
    assert_eq!(report["checks"].as_array().unwrap().len(), 5);

    // A changed byte is reported with the file.
    let pdf = folder.join("note.pdf");
    let mut bytes = std::fs::read(&pdf).unwrap();
    bytes[100] ^= 1;
    std::fs::write(&pdf, bytes).unwrap();
    let report = call(&main, "verify_note_folder", json!({})).unwrap()["report"].clone();
    assert_eq!(report["ok"], false);
    assert!(
        report["checks"]
            .as_array()
            .unwrap()
            .iter()
            .any(|c| c["file"] == "note.pdf" && c["ok"] == false && c["code"] == "content_changed"),
        "{report}"
    );
    assert!(!minisign_ok(&pdf, &folder.join("signer.pub")));
}

#[test]
fn note_commands_validate_their_arguments_and_are_denied_to_other_windows() {
    let dir = TestDir::new();
    let app = app(&dir);
    let main = window(&app, "main");
    let err = call(
        &main,
        "finish_and_sign",
        json!({ "id": "not-a-ulid", "passphrase": PASSPHRASE }),
    )
    .unwrap_err();
    assert_eq!(err["code"], "bad_id");
    assert_eq!(err["field"], "id");
    let err = call(&main, "export_note", json!({ "id": "../../etc" })).unwrap_err();
    assert_eq!(err["code"], "bad_id");
    let err = call(
        &main,
        "export_note",
        json!({ "id": "01ARZ3NDEKTSV4RRFFQ69G5FAV" }),
    )
    .unwrap_err();
    assert_eq!(err["code"], "not_found", "no signed note for that id");
    let long = "x".repeat(2000);
    set_staff(&main);
    let err = call(&main, "create_key", json!({ "passphrase": long })).unwrap_err();
    assert_eq!(err["code"], "passphrase_too_long");

    let other = window(&app, "other");
    for (cmd, args) in [
        ("key_status", json!({})),
        ("create_key", json!({ "passphrase": PASSPHRASE })),
        ("export_note", json!({ "id": "01ARZ3NDEKTSV4RRFFQ69G5FAV" })),
        (
            "open_exported",
            json!({ "id": "01ARZ3NDEKTSV4RRFFQ69G5FAV", "target": "pdf" }),
        ),
        ("verify_note_folder", json!({})),
    ] {
        let err = call(&other, cmd, args).unwrap_err();
        assert!(err.to_string().contains("not allowed"), "{cmd}: {err}");
    }
}

#[test]
fn the_administration_key_is_confirmed_over_ipc_by_its_fingerprint() {
    let dir = TestDir::new();
    let app = app(&dir);
    let main = window(&app, "main");
    let status = call(&main, "admin_key_status", json!({})).unwrap();
    assert_eq!(status["source"], "none");
    let (info, fingerprint) = samtalenotat_core::app::files::create_admin_key(
        &dir.path().join("adm"),
        &zeroize::Zeroizing::new("administrationens kodeord".to_owned()),
        chrono::Utc::now(),
    )
    .unwrap();
    let public = info.public_key_path;
    let text = std::fs::read_to_string(public).unwrap();
    let err = call(
        &main,
        "confirm_admin_key",
        json!({ "public_key": text, "fingerprint": "FFFF" }),
    )
    .unwrap_err();
    assert_eq!(err["code"], "fingerprint_mismatch");
    assert_eq!(err["field"], "admin_fingerprint");
    let status = call(
        &main,
        "confirm_admin_key",
        json!({ "public_key": text, "fingerprint": fingerprint }),
    )
    .unwrap();
    assert_eq!(status["source"], "confirmed");
}
