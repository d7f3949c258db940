//! The installed package, driven in the real window: run by `tests/package/check.sh` after it
//! has installed the .deb with apt, with `SAMTALENOTAT_INSTALLED_APP` naming the installed
//! binary (`/usr/bin/samtalenotat`). A short check: the start screen, and a draft that survives
//! a restart. `#[ignore]`d in a plain `cargo test` (it needs the package installed).

use std::path::{Path, PathBuf};
use std::time::Duration;

use crate::harness::TestDir;
use crate::webdriver::{Driver, Session};

const WAIT: Duration = Duration::from_secs(30);

fn installed_app() -> PathBuf {
    let path = std::env::var_os("SAMTALENOTAT_INSTALLED_APP")
        .map(PathBuf::from)
        .expect("SAMTALENOTAT_INSTALLED_APP names the installed binary (tests/package/check.sh)");
    assert!(path.is_file(), "{} is not installed", path.display());
    path
}

#[test]
#[ignore = "needs the .deb installed (tests/package/check.sh)"]
fn the_installed_package_starts_and_keeps_a_draft() {
    let app_path = installed_app();
    let dir = TestDir::new();
    // The package check keeps the data folder to see that removing the package leaves it.
    let data = std::env::var_os("SAMTALENOTAT_INSTALLED_DATA")
        .map(PathBuf::from)
        .unwrap_or_else(|| dir.data_dir());
    let driver = Driver::start(
        &[("SAMTALENOTAT_DATA_DIR", data.as_path())],
        dir.path().join("tauri-driver.log"),
    );
    let app = Session::start(&driver, &app_path);
    let heading = app.wait_for("h2", WAIT);
    assert_eq!(
        app.text(&heading),
        "Mødenotater",
        "the start screen, in Danish"
    );
    app.wait_for("[data-testid=empty-state]", WAIT);

    app.click(&app.wait_for("[data-testid=new-meeting]", WAIT));
    app.click(&app.wait_for("[data-testid=kind-citizen]", WAIT));
    let editor = app.wait_for("[data-testid=editor][data-state=draft]", WAIT);
    let id = app.attribute(&editor, "data-record-id").expect("record id");
    app.type_text(
        &app.wait_for("[data-testid=f-meeting-subject]", WAIT),
        "Pakketest af installationen",
    );
    // Back to the list: the editor saves what is unsaved first.
    app.click(&app.wait_for("[data-testid=back]", WAIT));
    app.wait_for_count("[data-testid=record-row]", 1, WAIT);
    app.quit();

    let app = Session::start(&driver, Path::new(&app_path));
    let rows = app.wait_for_count("[data-testid=record-row]", 1, WAIT);
    assert_eq!(
        app.attribute(&rows[0], "data-record-id").as_deref(),
        Some(id.as_str()),
        "the draft is still there after a restart of the installed app"
    );
    assert!(app.text(&rows[0]).contains("Pakketest"));
    app.quit();
}
