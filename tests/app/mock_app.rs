//! The app on Tauri's mock runtime, shared by the IPC test modules: the real builder, state,
//! commands and capabilities, without a window system.

use std::sync::Arc;

use samtalenotat_app::{app_builder_with, App, AppConfig, FolderChoice, Opener};
use samtalenotat_core::clock::SystemClock;
use serde_json::{json, Value};
use tauri::ipc::{CallbackFn, InvokeBody};
use tauri::test::{get_ipc_response, mock_builder, MockRuntime, INVOKE_KEY};
use tauri::webview::InvokeRequest;
use tauri::{WebviewWindow, WebviewWindowBuilder};

use crate::harness::TestDir;

/// The app on the mock runtime. The folder "dialogs" answer `<test dir>/eksport` (export)
/// and `<test dir>/verify` (verify); "Åbn PDF" / "Åbn mappe" only record what they would open.
pub fn app(dir: &TestDir) -> tauri::App<MockRuntime> {
    let core = App::open(AppConfig::new(dir.data_dir(), Arc::new(SystemClock))).expect("opens");
    let folders = FolderChoice::Fixed {
        export: Some(dir.path().join("eksport")),
        verify: Some(dir.path().join("verify")),
    };
    let opener = Opener::Recorded(Default::default());
    app_builder_with(mock_builder(), core, folders, opener)
        .build(tauri::generate_context!())
        .expect("app builds on the mock runtime")
}

pub fn window(app: &tauri::App<MockRuntime>, label: &str) -> WebviewWindow<MockRuntime> {
    WebviewWindowBuilder::new(app, label, Default::default())
        .build()
        .expect("mock window")
}

/// Invokes `cmd` as the page would; `Err` carries the rejection value.
pub fn call(window: &WebviewWindow<MockRuntime>, cmd: &str, args: Value) -> Result<Value, Value> {
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

pub fn fixture(name: &str) -> Value {
    let path = format!(
        "{}/tests/fixtures/records/{name}",
        env!("CARGO_MANIFEST_DIR")
    );
    serde_json::from_str(&std::fs::read_to_string(path).unwrap()).unwrap()
}

/// A saved draft with a fixture's content, its times moved to this meeting (notices are
/// given during the meeting, not at the fixture's date).
pub fn finishable_draft(main: &WebviewWindow<MockRuntime>, fixture_name: &str) -> Value {
    let view = call(main, "create_draft", json!({ "kind": "citizen" })).unwrap();
    let mut record = fixture(fixture_name);
    for key in ["id", "created_at", "updated_at", "policy"] {
        record[key] = view["record"][key].clone();
    }
    let at = view["record"]["created_at"].clone();
    for time in record["notices"].as_object_mut().unwrap().values_mut() {
        *time = at.clone();
    }
    record["meeting"]["starts_at"] = at.clone();
    record["meeting"]["ends_at"] = Value::Null;
    call(main, "save_draft", json!({ "record": record })).unwrap();
    record
}
