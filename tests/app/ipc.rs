//! Commands through the real IPC layer of the mock runtime: argument parsing, validation,
//! error shape, and the capability that restricts which webview may call what.

use samtalenotat_app::{app_builder, AppState};
use serde_json::{json, Value};
use tauri::ipc::{CallbackFn, InvokeBody};
use tauri::test::{get_ipc_response, mock_builder, MockRuntime, INVOKE_KEY};
use tauri::webview::InvokeRequest;
use tauri::{App, WebviewWindow, WebviewWindowBuilder};

use crate::harness::TestDir;

fn app(dir: &TestDir) -> App<MockRuntime> {
    let state = AppState::open(&dir.data_dir()).expect("store opens");
    app_builder(mock_builder(), state)
        .build(tauri::generate_context!())
        .expect("app builds on the mock runtime")
}

fn window(app: &App<MockRuntime>, label: &str) -> WebviewWindow<MockRuntime> {
    WebviewWindowBuilder::new(app, label, Default::default())
        .build()
        .expect("mock window")
}

fn call(window: &WebviewWindow<MockRuntime>, cmd: &str, args: Value) -> Result<Value, Value> {
    get_ipc_response(
        window,
        InvokeRequest {
            cmd: cmd.into(),
            callback: CallbackFn(0),
            error: CallbackFn(1),
            url: "tauri://localhost".parse().unwrap(),
            body: InvokeBody::Json(args),
            headers: Default::default(),
            invoke_key: INVOKE_KEY.to_string(),
        },
    )
    .map(|body| body.deserialize::<Value>().expect("json response"))
}

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
