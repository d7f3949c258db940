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

    let created = call(&main, "create_draft", json!({ "kind": "citizen" }))
        .expect("create_draft succeeds")["record"]
        .clone();
    assert_eq!(created["state"], "draft");
    assert_eq!(created["meeting"]["kind"], "citizen");

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
        call(&main, "create_draft", json!({ "kind": "employee" })).unwrap()["record"]["id"].clone()
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
    assert_eq!(err["code"], "out_of_range");
    assert_eq!(err["field"], "query.limit");
    assert_eq!(err["params"], json!({ "min": "1", "max": "500" }));

    let long = "x".repeat(201);
    let err = call(
        &main,
        "list_records",
        json!({ "query": { "text": long, "limit": 10 } }),
    )
    .expect_err("overlong search text is refused");
    assert_eq!(err["code"], "text_too_long");
    assert_eq!(err["field"], "query.text");
    assert_eq!(err["params"], json!({ "max": "200", "actual": "201" }));

    let err = call(
        &main,
        "list_records",
        json!({ "query": { "text": "a\u{7}b", "limit": 10 } }),
    )
    .expect_err("control characters are refused");
    assert_eq!(err["code"], "text_control_character");
    assert_eq!(err["params"]["code_point"], "U+0007");

    // An unknown meeting kind never reaches the core: deserialisation rejects it at the
    // boundary, before the command runs.
    let err = call(&main, "create_draft", json!({ "kind": "party" }))
        .expect_err("unknown kind is refused");
    assert!(err.to_string().contains("unknown variant `party`"), "{err}");
    let err = call(
        &main,
        "list_records",
        json!({ "query": { "limit": 10, "extra": 1 } }),
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

    let empty = call(&main, "create_draft", json!({ "kind": "citizen" })).unwrap();
    let view = call(&main, "get_record", json!({ "id": empty["record"]["id"] })).unwrap();
    assert!(
        !view["violations"].as_array().unwrap().is_empty(),
        "an empty draft has open rules"
    );
    let err = call(
        &main,
        "finish_record",
        json!({ "id": empty["record"]["id"] }),
    )
    .expect_err("there is no way to finish a record without signing it");
    assert!(err.to_string().contains("finish_record"), "{err}");

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

    assert_eq!(saved["record"]["state"], "draft");
}

#[test]
fn a_misspelled_field_is_refused_and_named_not_dropped() {
    let dir = TestDir::new();
    let app = app(&dir);
    let main = window(&app, "main");
    let mut record = finishable_draft(&main, "citizen-asked-first-allowed.json");
    record["meeting"]["casenumber"] = json!("27.00.00-G01-1-26");
    let err = call(&main, "save_draft", json!({ "record": record })).expect_err("refused");
    assert_eq!(err["code"], "unknown_field");
    assert_eq!(err["field"], "meeting.casenumber");
    let mut settings = call(&main, "get_settings", json!({})).unwrap()["settings"].clone();
    settings["shareFolder"] = json!("/x");
    let err = call(&main, "save_settings", json!({ "settings": settings })).expect_err("refused");
    assert_eq!(err["code"], "unknown_field");
    assert_eq!(err["field"], "shareFolder");
}

#[test]
fn a_time_outside_2000_to_2099_is_refused_and_named() {
    let dir = TestDir::new();
    let app = app(&dir);
    let main = window(&app, "main");
    let mut record = finishable_draft(&main, "citizen-asked-first-allowed.json");
    for (field, time) in [
        ("starts_at", "-262143-01-01T00:00:00Z"),
        ("ends_at", "2100-01-01T00:00:00Z"),
        ("starts_at", "1999-12-31T23:59:59Z"),
    ] {
        let mut bad = record.clone();
        bad["meeting"][field] = json!(time);
        let err = call(&main, "save_draft", json!({ "record": bad })).expect_err(time);
        assert_eq!(err["code"], "time_out_of_range", "{time}: {err}");
        assert_eq!(err["field"], format!("meeting.{field}"));
    }
    record["meeting"]["ends_at"] = json!("2099-12-31T23:59:59Z");
    call(&main, "save_draft", json!({ "record": record })).expect("the last second is fine");
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
    assert_eq!(err["code"], "text_control_character");
    assert_eq!(err["field"], "meeting.counterpart");
    let view = call(&main, "get_record", json!({ "id": record["id"] })).unwrap();
    assert_eq!(
        view["record"]["meeting"]["counterpart"],
        fixture("citizen-asked-first-allowed.json")["meeting"]["counterpart"],
        "what was saved before is still there"
    );

    let err = call(&main, "get_record", json!({ "id": "not-a-ulid" })).expect_err("bad id");
    assert_eq!(err["code"], "bad_id");
    let err = call(
        &main,
        "get_record",
        json!({ "id": "01ARZ3NDEKTSV4RRFFQ69G5FAV" }),
    )
    .expect_err("unknown id");
    assert_eq!(err["code"], "not_found");
}

#[test]
fn cpr_looking_text_is_refused_before_it_is_saved() {
    let dir = TestDir::new();
    let app = app(&dir);
    let main = window(&app, "main");
    let mut record = finishable_draft(&main, "citizen-asked-first-allowed.json");
    record["meeting"]["counterpart"] = json!("Jens Hansen 070390-1234");
    let err = call(&main, "save_draft", json!({ "record": record })).expect_err("refused");
    assert_eq!(err["code"], "text_cpr_number");
    assert_eq!(err["field"], "meeting.counterpart");
    let stored = call(&main, "get_record", json!({ "id": record["id"] })).unwrap();
    assert_ne!(
        stored["record"]["meeting"]["counterpart"],
        record["meeting"]["counterpart"]
    );
}

#[test]
fn settings_round_trip_and_name_the_staff_member_in_new_drafts() {
    let dir = TestDir::new();
    let app = app(&dir);
    let main = window(&app, "main");
    let view = call(&main, "get_settings", json!({})).unwrap();
    assert_eq!(view["settings"]["language"], "da");
    assert!(view["effective_share_dir"]
        .as_str()
        .unwrap()
        .ends_with("share"));

    let settings = json!({
        "staff": { "name": " Mette Sørensen ", "initials": "MESO" },
        "units": ["Borgerservice", "borgerservice", "Jobcenter"],
        "rooms": ["Mødelokale 1"],
        "language": "en",
        "share_dir": ""
    });
    let saved = call(&main, "save_settings", json!({ "settings": settings })).unwrap();
    assert_eq!(saved["settings"]["staff"]["name"], "Mette Sørensen");
    assert_eq!(
        saved["settings"]["units"],
        json!(["Borgerservice", "Jobcenter"])
    );

    let bad = json!({
        "staff": { "name": "X", "initials": "X" }, "units": [], "rooms": [],
        "language": "da", "share_dir": "relativ/mappe"
    });
    let err = call(&main, "save_settings", json!({ "settings": bad })).expect_err("relative");
    assert_eq!(err["code"], "bad_path");
    assert_eq!(err["field"], "share_dir");

    let created = call(&main, "create_draft", json!({ "kind": "citizen" })).unwrap();
    assert_eq!(created["record"]["meeting"]["lead"]["initials"], "MESO");
    // Prefilled in the one "created" event, not by a second write.
    let store = samtalenotat_core::store::Store::open(
        &dir.data_dir()
            .join(samtalenotat_core::store::DATABASE_FILE_NAME),
    )
    .unwrap();
    let id = created["record"]["id"].as_str().unwrap().parse().unwrap();
    assert_eq!(store.record_events(id).unwrap().len(), 1);
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
            "language": "da", "share_dir": share.to_str().unwrap()
        }})
    };
    let share = dir.path().join("faelles");
    let err = call(&main, "save_settings", settings(&share)).expect_err("no such folder");
    assert_eq!(err["code"], "share_missing");
    assert_eq!(err["field"], "share_dir");
    assert!(!share.exists(), "the share folder itself is never created");
    let before = call(&main, "get_settings", json!({})).unwrap();
    assert_eq!(before["settings"]["share_dir"], "", "nothing was saved");

    std::fs::create_dir(&share).unwrap();
    let saved = call(&main, "save_settings", settings(&share)).unwrap();
    assert_eq!(saved["effective_share_dir"], share.to_str().unwrap());
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
