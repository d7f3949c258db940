//! Share errors, classified into the few kinds a user (or IT) can act on.

use std::io;

use serde::Serialize;

/// What went wrong, in terms of what to do about it. Serialised in `snake_case`; the UI maps
/// each kind to a Danish/English explanation.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, ts_rs::TS)]
#[serde(rename_all = "snake_case")]
#[ts(rename = "ShareErrorKind")]
pub enum ErrorKind {
    /// The share folder is not there or not reachable (not mounted, network down, server
    /// gone). Notes wait in the outbox.
    ShareMissing,
    /// The share refuses writing (no permission, or mounted read-only).
    Permission,
    /// No space left (or over quota) on the share.
    DiskFull,
    /// The share did not answer in time (a hung server); retried later.
    Timeout,
    /// Any other input/output error.
    Io,
    /// The artifact itself cannot be placed (bad id, name or key file); needs a developer.
    InvalidArtifact,
    /// A folder or file on the way to the final name is a symbolic link (someone planted it):
    /// nothing is written through it.
    Symlink,
}

impl ErrorKind {
    pub fn as_str(self) -> &'static str {
        match self {
            ErrorKind::ShareMissing => "share_missing",
            ErrorKind::Permission => "permission",
            ErrorKind::DiskFull => "disk_full",
            ErrorKind::Timeout => "timeout",
            ErrorKind::Io => "io",
            ErrorKind::InvalidArtifact => "invalid_artifact",
            ErrorKind::Symlink => "symlink",
        }
    }

    /// Whether the rest of the run is pointless after this error: the share as a whole is
    /// gone, hung or full. Other kinds are per file, so the run goes on with the next one.
    pub fn stops_the_run(self) -> bool {
        matches!(
            self,
            ErrorKind::ShareMissing | ErrorKind::Timeout | ErrorKind::DiskFull
        )
    }
}

/// A failed share operation: its kind and the technical message (for logs and support).
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{}: {message}", kind.as_str())]
pub struct ShareError {
    pub kind: ErrorKind,
    pub message: String,
}

impl ShareError {
    pub fn new(kind: ErrorKind, message: impl Into<String>) -> ShareError {
        ShareError {
            kind,
            message: message.into(),
        }
    }

    /// Classifies an I/O error of an operation on `what`.
    pub fn from_io(what: &str, e: &io::Error) -> ShareError {
        ShareError::new(classify(e), format!("{what}: {e}"))
    }
}

/// Maps an `io::Error` to a kind, by the system's error number where the standard kinds are
/// too coarse.
pub fn classify(e: &io::Error) -> ErrorKind {
    if let Some(kind) = e.raw_os_error().and_then(classify_code) {
        return kind;
    }
    match e.kind() {
        io::ErrorKind::PermissionDenied | io::ErrorKind::ReadOnlyFilesystem => {
            ErrorKind::Permission
        }
        io::ErrorKind::StorageFull | io::ErrorKind::QuotaExceeded => ErrorKind::DiskFull,
        io::ErrorKind::TimedOut => ErrorKind::Timeout,
        io::ErrorKind::NotConnected => ErrorKind::ShareMissing,
        _ => ErrorKind::Io,
    }
}

#[cfg(unix)]
fn classify_code(code: i32) -> Option<ErrorKind> {
    Some(match code {
        libc::ENOSPC | libc::EDQUOT | libc::EFBIG => ErrorKind::DiskFull,
        libc::EROFS | libc::EACCES | libc::EPERM => ErrorKind::Permission,
        libc::ETIMEDOUT => ErrorKind::Timeout,
        // A FUSE mount whose daemon died, a stale NFS handle, a vanished network.
        libc::ENOTCONN
        | libc::ESTALE
        | libc::EHOSTDOWN
        | libc::EHOSTUNREACH
        | libc::ENETDOWN
        | libc::ENETUNREACH
        | libc::ECONNREFUSED
        | libc::ECONNRESET
        | libc::ECONNABORTED
        | libc::ENODEV
        | libc::ENXIO => ErrorKind::ShareMissing,
        _ => return None,
    })
}

/// Win32 error codes (untested here: no Windows build on the development machine).
#[cfg(windows)]
fn classify_code(code: i32) -> Option<ErrorKind> {
    Some(match code {
        // ERROR_HANDLE_DISK_FULL, ERROR_DISK_FULL, ERROR_DISK_QUOTA_EXCEEDED
        39 | 112 | 1295 => ErrorKind::DiskFull,
        // ERROR_ACCESS_DENIED, ERROR_WRITE_PROTECT, ERROR_SHARING_VIOLATION
        5 | 19 | 32 => ErrorKind::Permission,
        // ERROR_SEM_TIMEOUT
        121 => ErrorKind::Timeout,
        // ERROR_BAD_NETPATH, ERROR_NETNAME_DELETED, ERROR_BAD_NET_NAME, ERROR_NOT_CONNECTED,
        // ERROR_NETWORK_UNREACHABLE, ERROR_DEV_NOT_EXIST
        53 | 64 | 67 | 2250 | 1231 | 55 => ErrorKind::ShareMissing,
        _ => return None,
    })
}

#[cfg(not(any(unix, windows)))]
fn classify_code(_code: i32) -> Option<ErrorKind> {
    None
}

#[cfg(all(test, unix))]
mod tests {
    use super::*;

    #[test]
    fn classifies_by_errno() {
        let os = io::Error::from_raw_os_error;
        assert_eq!(classify(&os(libc::ENOSPC)), ErrorKind::DiskFull);
        assert_eq!(classify(&os(libc::EDQUOT)), ErrorKind::DiskFull);
        assert_eq!(classify(&os(libc::EROFS)), ErrorKind::Permission);
        assert_eq!(classify(&os(libc::EACCES)), ErrorKind::Permission);
        assert_eq!(classify(&os(libc::ENOTCONN)), ErrorKind::ShareMissing);
        assert_eq!(classify(&os(libc::ETIMEDOUT)), ErrorKind::Timeout);
        assert_eq!(classify(&os(libc::EIO)), ErrorKind::Io);
        assert_eq!(
            serde_json::to_string(&ErrorKind::DiskFull).unwrap(),
            r#""disk_full""#
        );
    }
}
