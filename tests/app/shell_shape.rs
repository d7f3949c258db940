//! The shell stays thin: every command is at most 20 lines (deserialize, call one method of
//! the application layer, return), and no command maps errors by hand.

use std::path::Path;

/// `(name, lines)` of every `#[tauri::command]` function in `src-tauri/src/commands/`.
fn command_lengths() -> Vec<(String, usize)> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("src-tauri/src/commands");
    let mut out = Vec::new();
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        let text = std::fs::read_to_string(&path).unwrap();
        let lines: Vec<&str> = text.lines().collect();
        let mut i = 0;
        while i < lines.len() {
            if lines[i].trim() == "#[tauri::command]" {
                let start = i;
                let name = lines[i + 1..]
                    .iter()
                    .find_map(|l| l.split("fn ").nth(1))
                    .and_then(|rest| rest.split(['<', '(']).next())
                    .unwrap_or("?")
                    .to_owned();
                // The body ends at the first line that is exactly "}".
                let end = (start..lines.len()).find(|&j| lines[j] == "}").unwrap();
                out.push((format!("{}: {name}", path.display()), end - start + 1));
                i = end;
            }
            i += 1;
        }
    }
    out
}

#[test]
fn no_command_is_longer_than_twenty_lines() {
    let lengths = command_lengths();
    assert!(lengths.len() >= 15, "found only {lengths:?}");
    let long: Vec<_> = lengths.iter().filter(|(_, n)| *n > 20).collect();
    assert!(long.is_empty(), "commands longer than 20 lines: {long:?}");
}

#[test]
fn no_command_maps_errors_by_hand() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("src-tauri/src/commands");
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        let text = std::fs::read_to_string(&path).unwrap();
        for needle in [
            "StoreError",
            "NoteError",
            "KeyError",
            "IpcError",
            ".to_string())",
        ] {
            assert!(
                !text.contains(needle),
                "{} handles `{needle}` itself: errors come from the core as AppError",
                path.display()
            );
        }
    }
}
