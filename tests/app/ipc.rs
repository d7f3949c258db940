//! Commands through the real IPC layer of the mock runtime: argument parsing, validation,
//! error shape, and the capability that restricts which webview may call what.

use serde_json::{json, Value};

use crate::harness::TestDir;
use crate::mock_app::*;

#[test]
fn create_draft_then_list_returns_it() {
    let dir = TestDir::new();
    let app = app(&dir);
    let main = window(&app, "main");

    let created = call(
        &main,
        "create_draft",
        json!({ "input": { "kind": "citizen" } }),
    )
    .expect("create_draft succeeds");
    assert_eq!(created["state"], "draft");
    assert_eq!(created["kind"], "citizen");

    let list = call(
        &main,
        "list_records",
        json!({ "query": { "text": null, "limit": 50 } }),
    )
    .expect("list_records succeeds");
    let rows = list.as_array().expect("array");
    assert_eq!(rows.len(), 1);
    assert_eq!(rows[0]["id"], created["id"]);
}

#[test]
fn drafts_survive_reopening_the_database() {
    let dir = TestDir::new();
    let id = {
        let app = app(&dir);
        let main = window(&app, "main");
        call(
            &main,
            "create_draft",
            json!({ "input": { "kind": "employee" } }),
        )
        .unwrap()["id"]
            .clone()
    };
    let app = app(&dir);
    let main = window(&app, "main");
    let list = call(
        &main,
        "list_records",
        json!({ "query": { "text": null, "limit": 50 } }),
    )
    .unwrap();
    assert_eq!(list[0]["id"], id);
    assert_eq!(list[0]["kind"], "employee");
}

#[test]
fn bad_arguments_get_invalid_input_naming_the_field() {
    let dir = TestDir::new();
    let app = app(&dir);
    let main = window(&app, "main");

    let err = call(
        &main,
        "list_records",
        json!({ "query": { "text": null, "limit": 0 } }),
    )
    .expect_err("limit 0 is refused");
    assert_eq!(err["code"], "invalid_input");
    assert!(err["message"].as_str().unwrap().contains("query.limit"));

    let long = "x".repeat(201);
    let err = call(
        &main,
        "list_records",
        json!({ "query": { "text": long, "limit": 10 } }),
    )
    .expect_err("overlong search text is refused");
    assert_eq!(err["code"], "invalid_input");
    assert!(err["message"].as_str().unwrap().contains("query.text"));

    let err = call(
        &main,
        "list_records",
        json!({ "query": { "text": "a\u{7}b", "limit": 10 } }),
    )
    .expect_err("control characters are refused");
    assert_eq!(err["code"], "invalid_input");

    // An unknown meeting kind never reaches the core: deserialisation rejects it at the
    // boundary, before the command runs.
    let err = call(
        &main,
        "create_draft",
        json!({ "input": { "kind": "party" } }),
    )
    .expect_err("unknown kind is refused");
    assert!(err.to_string().contains("unknown variant `party`"), "{err}");
    let err = call(
        &main,
        "create_draft",
        json!({ "input": { "kind": "citizen", "extra": 1 } }),
    )
    .expect_err("unknown fields are refused");
    assert!(err.to_string().contains("unknown field `extra`"), "{err}");
}

#[test]
fn a_webview_without_the_capability_is_denied() {
    let dir = TestDir::new();
    let app = app(&dir);
    let other = window(&app, "other");
    let err = call(
        &other,
        "list_records",
        json!({ "query": { "text": null, "limit": 10 } }),
    )
    .expect_err("the capability only covers the main window");
    assert!(
        err.to_string().contains("not allowed"),
        "unexpected denial text: {err}"
    );
}

#[test]
fn the_database_file_is_readable_by_the_user_alone() {
    use std::os::unix::fs::PermissionsExt;
    let dir = TestDir::new();
    let _app = app(&dir);
    let db = dir
        .data_dir()
        .join(samtalenotat_core::store::DATABASE_FILE_NAME);
    let mode = std::fs::metadata(&db).unwrap().permissions().mode() & 0o777;
    assert_eq!(mode, 0o600, "database mode {mode:o}");
    let dir_mode = std::fs::metadata(dir.data_dir())
        .unwrap()
        .permissions()
        .mode()
        & 0o777;
    assert_eq!(dir_mode, 0o700, "data folder mode {dir_mode:o}");
}

#[test]
fn save_get_and_finish_a_draft_through_ipc() {
    let dir = TestDir::new();
    let app = app(&dir);
    let main = window(&app, "main");

    let empty = call(
        &main,
        "create_draft",
        json!({ "input": { "kind": "citizen" } }),
    )
    .unwrap();
    let view = call(&main, "get_record", json!({ "id": empty["id"] })).unwrap();
    assert!(
        !view["violations"].as_array().unwrap().is_empty(),
        "an empty draft has open rules"
    );
    let err = call(&main, "finish_record", json!({ "id": empty["id"] }))
        .expect_err("an empty draft cannot be finished");
    assert_eq!(err["code"], "rule_violation");
    assert!(err["message"].as_str().unwrap().contains("G-"), "{err}");

    let mut record = finishable_draft(&main, "citizen-asked-first-allowed.json");
    // Text arrives untrimmed and decomposed; it is stored trimmed and NFC.
    record["meeting"]["subject"] = json!("  Bo\u{0301}ligsag  ");
    let saved = call(&main, "save_draft", json!({ "record": record })).unwrap();
    assert_eq!(saved["record"]["meeting"]["subject"], "B\u{f3}ligsag");
    let blocking: Vec<&Value> = saved["violations"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|v| v["severity"] == "blocking")
        .collect();
    assert!(blocking.is_empty(), "{blocking:?}");

    let finished = call(&main, "finish_record", json!({ "id": record["id"] })).unwrap();
    assert_eq!(finished["record"]["state"], "finished");
    let err = call(&main, "save_draft", json!({ "record": record }))
        .expect_err("a finished record is immutable");
    assert_eq!(err["code"], "rule_violation");
}

#[test]
fn a_bad_field_is_named_and_the_stored_draft_is_kept() {
    let dir = TestDir::new();
    let app = app(&dir);
    let main = window(&app, "main");
    let mut record = finishable_draft(&main, "citizen-asked-first-allowed.json");
    call(&main, "save_draft", json!({ "record": record })).unwrap();

    record["meeting"]["counterpart"] = json!("Navn\u{1b}[31m");
    let err = call(&main, "save_draft", json!({ "record": record })).expect_err("refused");
    assert_eq!(err["code"], "invalid_input");
    assert!(
        err["message"]
            .as_str()
            .unwrap()
            .contains("meeting.counterpart"),
        "{err}"
    );
    let view = call(&main, "get_record", json!({ "id": record["id"] })).unwrap();
    assert_eq!(
        view["record"]["meeting"]["counterpart"],
        fixture("citizen-asked-first-allowed.json")["meeting"]["counterpart"],
        "what was saved before is still there"
    );

    let err = call(&main, "get_record", json!({ "id": "not-a-ulid" })).expect_err("bad id");
    assert_eq!(err["code"], "invalid_input");
    let err = call(
        &main,
        "get_record",
        json!({ "id": "01ARZ3NDEKTSV4RRFFQ69G5FAV" }),
    )
    .expect_err("unknown id");
    assert_eq!(err["code"], "not_found");
}

#[test]
fn cpr_looking_text_is_flagged_for_a_warning() {
    let dir = TestDir::new();
    let app = app(&dir);
    let main = window(&app, "main");
    let mut record = finishable_draft(&main, "citizen-asked-first-allowed.json");
    record["meeting"]["counterpart"] = json!("Jens Hansen 070390-1234");
    let saved = call(&main, "save_draft", json!({ "record": record })).unwrap();
    assert_eq!(saved["cprWarnings"], json!(["meeting.counterpart"]));
}

#[test]
fn settings_round_trip_and_name_the_staff_member_in_new_drafts() {
    let dir = TestDir::new();
    let app = app(&dir);
    let main = window(&app, "main");
    let view = call(&main, "get_settings", json!({})).unwrap();
    assert_eq!(view["settings"]["language"], "da");
    assert!(view["effectiveShareDir"]
        .as_str()
        .unwrap()
        .ends_with("share"));

    let settings = json!({
        "staff": { "name": " Mette Sørensen ", "initials": "MESO" },
        "units": ["Borgerservice", "borgerservice", "Jobcenter"],
        "rooms": ["Mødelokale 1"],
        "language": "en",
        "shareDir": ""
    });
    let saved = call(&main, "save_settings", json!({ "settings": settings })).unwrap();
    assert_eq!(saved["settings"]["staff"]["name"], "Mette Sørensen");
    assert_eq!(
        saved["settings"]["units"],
        json!(["Borgerservice", "Jobcenter"])
    );

    let bad = json!({
        "staff": { "name": "X", "initials": "X" }, "units": [], "rooms": [],
        "language": "da", "shareDir": "relativ/mappe"
    });
    let err = call(&main, "save_settings", json!({ "settings": bad })).expect_err("relative");
    assert_eq!(err["code"], "invalid_input");
    assert!(err["message"].as_str().unwrap().contains("shareDir"));

    let created = call(
        &main,
        "create_draft",
        json!({ "input": { "kind": "citizen" } }),
    )
    .unwrap();
    let view = call(&main, "get_record", json!({ "id": created["id"] })).unwrap();
    assert_eq!(view["record"]["meeting"]["lead"]["initials"], "MESO");
}

#[test]
fn policy_texts_come_resolved_for_the_meeting_kind() {
    let dir = TestDir::new();
    let app = app(&dir);
    let main = window(&app, "main");
    let texts = call(
        &main,
        "policy_texts",
        json!({ "kind": "employee", "lang": "da" }),
    )
    .unwrap();
    assert_eq!(texts["roles"]["counterpart"], "ansat");
    assert_eq!(texts["roles"]["staff"], "leder");
    assert!(texts["texts"]["procesbeslutning"]
        .as_str()
        .unwrap()
        .contains("procesbeslutning"));
}

#[test]
fn choosing_a_share_prepares_it_and_a_missing_share_is_refused() {
    let dir = TestDir::new();
    let app = app(&dir);
    let main = window(&app, "main");
    let settings = |share: &std::path::Path| {
        json!({ "settings": {
            "staff": { "name": "Ali Hansen", "initials": "ALHA" }, "units": [], "rooms": [],
            "language": "da", "shareDir": share.to_str().unwrap()
        }})
    };
    let share = dir.path().join("faelles");
    let err = call(&main, "save_settings", settings(&share)).expect_err("no such folder");
    assert_eq!(err["code"], "invalid_input");
    assert!(
        err["message"].as_str().unwrap().contains("shareDir"),
        "{err}"
    );
    assert!(!share.exists(), "the share folder itself is never created");
    let before = call(&main, "get_settings", json!({})).unwrap();
    assert_eq!(before["settings"]["shareDir"], "", "nothing was saved");

    std::fs::create_dir(&share).unwrap();
    let saved = call(&main, "save_settings", settings(&share)).unwrap();
    assert_eq!(saved["effectiveShareDir"], share.to_str().unwrap());
    assert!(
        share.join("samtalenotat").is_dir(),
        "the share is marked as ours"
    );
}

#[test]
fn the_app_refuses_a_database_from_a_newer_version_and_says_why() {
    let dir = TestDir::new();
    std::fs::create_dir_all(dir.data_dir()).unwrap();
    let db = dir
        .data_dir()
        .join(samtalenotat_core::store::DATABASE_FILE_NAME);
    {
        let store = samtalenotat_core::store::Store::open(&db).unwrap();
        store
            .connection()
            .pragma_update(None, "user_version", 999)
            .unwrap();
    }
    let before = std::fs::read(&db).unwrap();
    // No display: the message goes to stderr only (with a display it is also a message box).
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_samtalenotat"))
        .env("SAMTALENOTAT_DATA_DIR", dir.data_dir())
        .env_remove("DISPLAY")
        .env_remove("WAYLAND_DISPLAY")
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(stderr.contains("newer"), "{stderr}");
    assert_eq!(
        std::fs::read(&db).unwrap(),
        before,
        "the database is left as it was"
    );
}
