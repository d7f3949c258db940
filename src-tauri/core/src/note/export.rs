//! Writing a note's artifacts to a folder: atomically, create-only, in a fixed order.
//!
//! Each file is written to a temporary name, flushed to disk, then linked to its final name
//! with create-only semantics (a hard link fails if the name exists; `rename` would replace
//! it). A final name that exists with the same bytes counts as done (exporting twice is
//! harmless); with different bytes it is a conflict: never overwritten, reported. The folder
//! is synced at the end. `note.json.minisig` is written last, so a reader that treats the
//! folder as complete when it exists never sees half a note.

use std::fs;
use std::io::Write;
use std::path::{Path, PathBuf};

use super::NoteError;

fn io(path: &Path) -> impl FnOnce(std::io::Error) -> NoteError + '_ {
    move |source| NoteError::Io {
        path: path.to_path_buf(),
        source,
    }
}

/// A name we write: fixed ASCII, no path separators (never user text).
fn check_name(name: &str) -> Result<(), NoteError> {
    let ok = !name.is_empty()
        && !name.starts_with('.')
        && name
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || b == b'.' || b == b'-' || b == b'_');
    if ok {
        Ok(())
    } else {
        Err(NoteError::Io {
            path: PathBuf::from(name),
            source: std::io::Error::new(std::io::ErrorKind::InvalidInput, "not a safe file name"),
        })
    }
}

fn same_content(path: &Path, bytes: &[u8]) -> Result<bool, NoteError> {
    Ok(fs::read(path).map_err(io(path))? == bytes)
}

/// Writes one file create-only and durably. Returns without error when the same bytes are
/// there already.
pub fn write_file_create_only(folder: &Path, name: &str, bytes: &[u8]) -> Result<(), NoteError> {
    check_name(name)?;
    let target = folder.join(name);
    if target.exists() {
        return if same_content(&target, bytes)? {
            Ok(())
        } else {
            Err(NoteError::Conflict { path: target })
        };
    }
    let temp = folder.join(format!(".{name}.partial"));
    // A leftover from a crash is ours (the name is not a final name): start over.
    match fs::remove_file(&temp) {
        Ok(()) => {}
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => {}
        Err(e) => return Err(io(&temp)(e)),
    }
    {
        let mut file = fs::OpenOptions::new()
            .write(true)
            .create_new(true)
            .open(&temp)
            .map_err(io(&temp))?;
        file.write_all(bytes).map_err(io(&temp))?;
        file.sync_all().map_err(io(&temp))?;
    }
    let linked = fs::hard_link(&temp, &target);
    let result = match linked {
        Ok(()) => Ok(()),
        Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists => {
            if same_content(&target, bytes)? {
                Ok(())
            } else {
                Err(NoteError::Conflict {
                    path: target.clone(),
                })
            }
        }
        // No hard links on this filesystem: check, then rename (a narrow race, but never a
        // partial file under the final name).
        Err(_) if !target.exists() => fs::rename(&temp, &target).map_err(io(&target)),
        Err(e) => Err(io(&target)(e)),
    };
    let _ = fs::remove_file(&temp);
    result?;
    // Read back: only what is on disk counts.
    if !same_content(&target, bytes)? {
        return Err(NoteError::Io {
            path: target,
            source: std::io::Error::other("read-back differs from what was written"),
        });
    }
    Ok(())
}

fn sync_dir(dir: &Path) {
    // Makes the new names durable; not supported everywhere (then best effort).
    if let Ok(d) = fs::File::open(dir) {
        let _ = d.sync_all();
    }
}

/// Writes `artifacts` (in the given order) into `folder`, which is created if needed.
/// Returns the file names written (or found identical).
pub fn write_note_folder(
    folder: &Path,
    artifacts: &[(&str, &[u8])],
) -> Result<Vec<String>, NoteError> {
    fs::create_dir_all(folder).map_err(io(folder))?;
    let mut names = Vec::new();
    for (name, bytes) in artifacts {
        write_file_create_only(folder, name, bytes)?;
        names.push((*name).to_owned());
    }
    sync_dir(folder);
    if let Some(parent) = folder.parent() {
        sync_dir(parent);
    }
    Ok(names)
}

/// The name of an exported note's folder: the meeting's day, the case number and a short id,
/// e.g. `2026-11-09 27.12.00-A00-1234-26 QA000006`, so a caseworker finds it by what they
/// know. Safe on Windows shares and Linux alike: the case number (user text) keeps letters,
/// digits, `-`, `.` and `_`; a slash becomes `-`, anything else a space; no name can end in a
/// dot or a space or
/// be a reserved device name (it starts with the date). Built only by [`ExportFolderName::new`].
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ExportFolderName(String);

/// The longest case number kept in a folder name (Windows paths stay short).
const MAX_CASE_CHARS: usize = 40;

impl ExportFolderName {
    /// `day` is `YYYY-MM-DD`; `note_id` a ULID (its last 8 characters, the random part, make
    /// two notes of one day and case distinct).
    pub fn new(
        day: chrono::NaiveDate,
        case_number: &str,
        note_id: &str,
    ) -> Result<Self, NoteError> {
        if ulid::Ulid::from_string(note_id).is_err() {
            return Err(NoteError::Io {
                path: PathBuf::from(note_id),
                source: std::io::Error::new(std::io::ErrorKind::InvalidInput, "not a note id"),
            });
        }
        // A slash is the usual separator inside case numbers ("24/1234"): it becomes `-`.
        // Anything else unsafe becomes a space; runs of spaces become one.
        let mut case = String::new();
        for c in case_number.trim().chars().take(MAX_CASE_CHARS) {
            let c = match c {
                '/' | '\\' => '-',
                c if c.is_alphanumeric() || c == '-' || c == '.' || c == '_' => c,
                _ => ' ',
            };
            if !(c == ' ' && case.ends_with(' ')) {
                case.push(c);
            }
        }
        let case = case.trim_matches(|c| c == '.' || c == '-' || c == ' ');
        let short = &note_id[note_id.len() - 8..];
        let day = day.format("%Y-%m-%d");
        Ok(ExportFolderName(if case.is_empty() {
            format!("{day} {short}")
        } else {
            format!("{day} {case} {short}")
        }))
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

/// Exports into `<parent>/<folder name>/`.
pub fn export_note(
    parent: &Path,
    folder_name: &ExportFolderName,
    artifacts: &[(&str, &[u8])],
) -> Result<(PathBuf, Vec<String>), NoteError> {
    let folder = parent.join(folder_name.as_str());
    let files = write_note_folder(&folder, artifacts)?;
    Ok((folder, files))
}
