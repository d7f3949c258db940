//! End-to-end tests in the real app window (WebKitGTK) through tauri-driver.
//! Run by scripts/test.sh: `xvfb-run cargo test --test app -- --ignored --test-threads=1`.

use std::path::{Path, PathBuf};
use std::time::Duration;

use crate::harness::TestDir;
use crate::webdriver::{Driver, Session};

const APP: &str = env!("CARGO_BIN_EXE_samtalenotat");
const WAIT: Duration = Duration::from_secs(20);

/// Where screenshots go: `SAMTALENOTAT_E2E_ARTIFACTS`, or the test's temp dir.
fn artifacts(dir: &TestDir) -> PathBuf {
    std::env::var_os("SAMTALENOTAT_E2E_ARTIFACTS")
        .map(PathBuf::from)
        .unwrap_or_else(|| dir.path().to_path_buf())
}

fn driver_for(dir: &TestDir) -> Driver {
    let data = dir.data_dir();
    Driver::start(
        &[("SAMTALENOTAT_DATA_DIR", data.as_path())],
        dir.path().join("tauri-driver.log"),
    )
}

fn open_app(driver: &Driver) -> Session {
    Session::start(driver, Path::new(APP))
}

#[test]
#[ignore = "end-to-end: needs a display and tauri-driver; run by scripts/test.sh"]
fn start_screen_create_draft_and_it_survives_a_restart() {
    let dir = TestDir::new();
    let driver = driver_for(&dir);

    let app = open_app(&driver);
    let heading = app.wait_for("h2", WAIT);
    assert_eq!(
        app.text(&heading),
        "Mødenotater",
        "the start screen is Danish"
    );
    app.wait_for("[data-testid=empty-state]", WAIT);
    app.screenshot(&artifacts(&dir).join("start-screen-empty.png"));

    app.click(&app.wait_for("[data-testid=new-meeting]", WAIT));
    app.click(&app.wait_for("[data-testid=kind-citizen]", WAIT));
    let rows = app.wait_for_count("[data-testid=record-row]", 1, WAIT);
    let id = app.attribute(&rows[0], "data-record-id").expect("row id");
    assert_eq!(
        app.attribute(&rows[0], "data-state").as_deref(),
        Some("draft")
    );
    // Rendered text (the kind label is shown in capitals by CSS).
    let row_text = app.text(&rows[0]).to_lowercase();
    assert!(row_text.contains("borgermøde"), "{row_text}");
    assert!(row_text.contains("kladde"), "{row_text}");
    app.screenshot(&artifacts(&dir).join("start-screen-one-draft.png"));

    // Typing in the search field reaches the store's full-text search.
    app.type_text(&app.wait_for("[data-testid=search]", WAIT), "bådplads");
    app.wait_for("[data-testid=empty-state][data-reason=no-match]", WAIT);
    app.wait_for_count("[data-testid=record-row]", 0, WAIT);
    app.quit();

    // What the window showed is really in the database file.
    let store = samtalenotat_core::store::Store::open(
        &dir.data_dir()
            .join(samtalenotat_core::store::DATABASE_FILE_NAME),
    )
    .expect("open the app's database");
    let record = store.get_record(id.parse().expect("ULID")).expect("stored");
    assert_eq!(record.state, samtalenotat_core::domain::RecordState::Draft);
    drop(store);

    let app = open_app(&driver);
    let rows = app.wait_for_count("[data-testid=record-row]", 1, WAIT);
    assert_eq!(
        app.attribute(&rows[0], "data-record-id").as_deref(),
        Some(id.as_str()),
        "the draft is still there after a restart"
    );
    app.quit();
}
