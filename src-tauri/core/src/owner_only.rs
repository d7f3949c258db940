//! Files and folders only their owner may read: the database, the key folder, exported notes.
//!
//! Personal data and secret keys live in these, and a meeting-room PC is shared; so they are
//! created private, and a folder found wider than that is tightened. On Windows the user's
//! profile folders carry per-user ACLs already; there these calls only create (untested here:
//! no Windows build can be made on the development machine).

use std::fs;
use std::path::{Path, PathBuf};

/// A file or folder that could not be made private.
#[derive(Debug, thiserror::Error)]
#[error("cannot use {path}: {source}")]
pub struct PrivatePathError {
    pub path: PathBuf,
    #[source]
    pub source: std::io::Error,
}

fn error(path: &Path) -> impl FnOnce(std::io::Error) -> PrivatePathError + '_ {
    move |source| PrivatePathError {
        path: path.to_path_buf(),
        source,
    }
}

/// Creates `dir` (and parents) so that only the user can enter the last level; an existing
/// `dir` is tightened to that.
pub fn create_private_dir(dir: &Path) -> Result<(), PrivatePathError> {
    #[cfg(unix)]
    {
        use std::os::unix::fs::{DirBuilderExt, PermissionsExt};
        if dir.is_dir() {
            let mode = fs::metadata(dir).map_err(error(dir))?.permissions().mode();
            if mode & 0o077 != 0 {
                fs::set_permissions(dir, fs::Permissions::from_mode(0o700)).map_err(error(dir))?;
            }
            return Ok(());
        }
        fs::DirBuilder::new()
            .recursive(true)
            .mode(0o700)
            .create(dir)
            .map_err(error(dir))
    }
    #[cfg(not(unix))]
    {
        fs::create_dir_all(dir).map_err(error(dir))
    }
}

/// Sets mode 0600 on `path` and on SQLite's side files when they exist.
pub fn restrict_to_owner(path: &Path) -> Result<(), PrivatePathError> {
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let mut paths = vec![path.to_path_buf()];
        for suffix in ["-wal", "-shm"] {
            let mut side = path.as_os_str().to_owned();
            side.push(suffix);
            paths.push(PathBuf::from(side));
        }
        for p in paths.iter().filter(|p| p.exists()) {
            fs::set_permissions(p, fs::Permissions::from_mode(0o600)).map_err(error(p))?;
        }
    }
    #[cfg(not(unix))]
    let _ = path;
    Ok(())
}
