//! Hooks for the end-to-end tests, compiled only into test builds (cargo feature
//! `test-hooks`, which `scripts/test.sh` turns on for the e2e build). A release build ignores
//! these variables: no environment variable can make a real install skip the folder dialog.
//!
//! - `SAMTALENOTAT_TEST_EXPORT_DIR` / `SAMTALENOTAT_TEST_VERIFY_DIR`: used instead of opening
//!   the folder dialog (a native dialog cannot be driven through WebDriver).
//! - `SAMTALENOTAT_TEST_NOW`: an RFC 3339 time the app's clock stands still at.
//! - `SAMTALENOTAT_TEST_OPENED_LOG`: a file "Åbn PDF" / "Åbn mappe" append the path to,
//!   instead of starting the desktop's program (there is none under Xvfb).

use std::path::PathBuf;
use std::sync::Arc;

use samtalenotat_core::clock::Clock;

pub const EXPORT_DIR_ENV: &str = "SAMTALENOTAT_TEST_EXPORT_DIR";
pub const VERIFY_DIR_ENV: &str = "SAMTALENOTAT_TEST_VERIFY_DIR";
pub const NOW_ENV: &str = "SAMTALENOTAT_TEST_NOW";
pub const OPENED_LOG_ENV: &str = "SAMTALENOTAT_TEST_OPENED_LOG";

/// Writes down a path the app was asked to open (see [`OPENED_LOG_ENV`]).
pub fn note_opened(log: &std::path::Path, path: &std::path::Path) -> std::io::Result<()> {
    use std::io::Write;
    let mut file = std::fs::OpenOptions::new()
        .create(true)
        .append(true)
        .open(log)?;
    writeln!(file, "{}", path.display())
}

/// The folder a test asks for instead of the dialog (`None` in a normal build).
pub fn folder(env: &str) -> Option<PathBuf> {
    if !cfg!(feature = "test-hooks") {
        return None;
    }
    std::env::var_os(env)
        .filter(|v| !v.is_empty())
        .map(PathBuf::from)
}

/// A fixed clock a test asks for (`None` in a normal build).
pub fn clock() -> Option<Arc<dyn Clock>> {
    if !cfg!(feature = "test-hooks") {
        return None;
    }
    let value = std::env::var(NOW_ENV).ok()?;
    let t = chrono::DateTime::parse_from_rfc3339(&value).ok()?;
    Some(Arc::new(samtalenotat_core::clock::FixedClock(
        t.with_timezone(&chrono::Utc),
    )))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hooks_work_only_in_test_builds() {
        std::env::set_var(EXPORT_DIR_ENV, "/tmp/x");
        std::env::set_var(NOW_ENV, "2026-01-01T00:00:00Z");
        assert_eq!(
            folder(EXPORT_DIR_ENV).is_some(),
            cfg!(feature = "test-hooks")
        );
        assert_eq!(clock().is_some(), cfg!(feature = "test-hooks"));
    }
}
