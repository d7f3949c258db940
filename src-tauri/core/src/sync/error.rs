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

/// Maps an `io::Error` to a kind, by errno where the standard kinds are too coarse.
pub fn classify(e: &io::Error) -> ErrorKind {
    if let Some(code) = e.raw_os_error() {
        match code {
            libc::ENOSPC | libc::EDQUOT | libc::EFBIG => return ErrorKind::DiskFull,
            libc::EROFS | libc::EACCES | libc::EPERM => return ErrorKind::Permission,
            libc::ETIMEDOUT => return ErrorKind::Timeout,
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
            | libc::ENXIO => return ErrorKind::ShareMissing,
            _ => {}
        }
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

#[cfg(test)]
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
