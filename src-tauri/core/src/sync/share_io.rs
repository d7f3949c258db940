//! Every touch of the share, on a worker thread, each with a timeout.
//!
//! A hung SMB or NFS server can block a system call for minutes and no thread can be
//! interrupted out of one. So the caller never makes the call itself: [`ShareIo`] sends each
//! operation to its own thread and waits at most `timeout`. When the time is up the caller gets
//! a `timeout` error and gives up on the run; the stuck thread is abandoned and exits whenever
//! the call returns. A global count of abandoned threads keeps a permanently hung share from
//! piling them up: above [`MAX_STUCK_THREADS`] no new run starts.
//!
//! The primitives here are the create-only publish (temporary file, write, `sync_all`, checked
//! `close`, then a link that cannot replace), the read-back, listing, and removing our own
//! temporary files.

use std::collections::BTreeMap;
use std::fs::{self, File, OpenOptions};
use std::io::{self, Read, Write};
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicU8, AtomicUsize, Ordering};
use std::sync::mpsc;
use std::sync::Arc;
use std::time::Duration;

use chrono::{DateTime, Utc};
use sha2::{Digest, Sha256};

use super::error::{ErrorKind, ShareError};
use super::plan::FileEntry;

/// Threads stuck in a share call, across all runs of this process.
static STUCK_THREADS: AtomicUsize = AtomicUsize::new(0);
/// No new run starts while this many calls are still stuck.
pub const MAX_STUCK_THREADS: usize = 4;

type Job = Box<dyn FnOnce() + Send>;

/// A thread that performs share operations one at a time, with a timeout for each.
pub struct ShareIo {
    jobs: Option<mpsc::Sender<Job>>,
    timeout: Duration,
    /// How to create a final name without replacing: learned on first use per share.
    pub(crate) link_method: Arc<AtomicU8>,
}

impl ShareIo {
    pub fn new(timeout: Duration) -> Result<ShareIo, ShareError> {
        if STUCK_THREADS.load(Ordering::SeqCst) >= MAX_STUCK_THREADS {
            return Err(ShareError::new(
                ErrorKind::Timeout,
                "earlier share calls are still not answered",
            ));
        }
        let (tx, rx) = mpsc::channel::<Job>();
        std::thread::Builder::new()
            .name("samtalenotat-share-io".into())
            .spawn(move || {
                for job in rx {
                    job();
                }
            })
            .map_err(|e| ShareError::new(ErrorKind::Io, format!("cannot start a thread: {e}")))?;
        Ok(ShareIo {
            jobs: Some(tx),
            timeout,
            link_method: Arc::new(AtomicU8::new(LINK_UNKNOWN)),
        })
    }

    /// Runs `f` on the share thread; waits at most the timeout. After a timeout this `ShareIo`
    /// refuses further calls (its thread is stuck).
    pub fn call<T: Send + 'static>(
        &mut self,
        what: &str,
        f: impl FnOnce() -> Result<T, ShareError> + Send + 'static,
    ) -> Result<T, ShareError> {
        let Some(jobs) = &self.jobs else {
            return Err(ShareError::new(
                ErrorKind::Timeout,
                format!("{what}: the share stopped answering"),
            ));
        };
        let (tx, rx) = mpsc::sync_channel(1);
        let job: Job = Box::new(move || {
            let _ = tx.send(f());
        });
        jobs.send(job)
            .map_err(|_| ShareError::new(ErrorKind::Io, format!("{what}: share thread gone")))?;
        match rx.recv_timeout(self.timeout) {
            Ok(result) => result,
            Err(mpsc::RecvTimeoutError::Timeout) => {
                // Abandon the thread: count it until its call returns.
                STUCK_THREADS.fetch_add(1, Ordering::SeqCst);
                let abandon: Job = Box::new(|| {
                    STUCK_THREADS.fetch_sub(1, Ordering::SeqCst);
                });
                let _ = jobs.send(abandon);
                self.jobs = None;
                Err(ShareError::new(
                    ErrorKind::Timeout,
                    format!("{what}: no answer within {} s", self.timeout.as_secs_f32()),
                ))
            }
            Err(mpsc::RecvTimeoutError::Disconnected) => Err(ShareError::new(
                ErrorKind::Io,
                format!("{what}: share thread ended"),
            )),
        }
    }
}

/// Threads currently stuck in a share call (for tests and diagnostics).
pub fn stuck_threads() -> usize {
    STUCK_THREADS.load(Ordering::SeqCst)
}

pub(crate) const LINK_UNKNOWN: u8 = 0;
pub(crate) const LINK_HARD: u8 = 1;
pub(crate) const LINK_RENAME_NOREPLACE: u8 = 2;
pub(crate) const LINK_CHECK_THEN_RENAME: u8 = 3;

/// The share folder must exist and be a folder; it is never created here (an unmounted share
/// must not silently become a local folder).
pub fn check_root(root: &Path) -> Result<(), ShareError> {
    match fs::metadata(root) {
        Ok(m) if m.is_dir() => Ok(()),
        Ok(_) => Err(ShareError::new(
            ErrorKind::ShareMissing,
            format!("{} is not a folder", root.display()),
        )),
        Err(e) if e.kind() == io::ErrorKind::NotFound => Err(ShareError::new(
            ErrorKind::ShareMissing,
            format!("{} does not exist", root.display()),
        )),
        Err(e) => Err(ShareError::from_io(&root.display().to_string(), &e)),
    }
}

/// The folder whose presence marks a share as prepared for Samtalenotat (the top of the
/// layout, `samtalenotat/`).
pub const PREPARED_MARKER: &str = "samtalenotat";

/// A configured share must already hold [`PREPARED_MARKER`]: an unmounted mount point is an
/// empty local folder, and publishing into it would mark notes "confirmed" on the wrong disk.
pub fn check_prepared(root: &Path) -> Result<(), ShareError> {
    check_root(root)?;
    match fs::metadata(root.join(PREPARED_MARKER)) {
        Ok(m) if m.is_dir() => Ok(()),
        Ok(_) | Err(_) => Err(ShareError::new(
            ErrorKind::ShareMissing,
            format!(
                "{} has no {PREPARED_MARKER} folder: the share is not mounted, or it has not \
                 been prepared for Samtalenotat yet",
                root.display()
            ),
        )),
    }
}

/// Marks an existing share folder as a Samtalenotat share: an explicit step (choosing the share
/// in the settings, or `samtalenotat-cli sync --prepare-share`). The share folder itself is
/// never created.
pub fn prepare_share(root: &Path) -> Result<(), ShareError> {
    check_root(root)?;
    match fs::create_dir(root.join(PREPARED_MARKER)) {
        Ok(()) => Ok(()),
        Err(e) if e.kind() == io::ErrorKind::AlreadyExists => check_prepared(root),
        Err(e) => Err(ShareError::from_io(&root.display().to_string(), &e)),
    }
}

/// Lists a folder: `None` if it does not exist.
pub fn list_folder(dir: &Path) -> Result<Option<BTreeMap<String, FileEntry>>, ShareError> {
    let entries = match fs::read_dir(dir) {
        Ok(e) => e,
        Err(e) if e.kind() == io::ErrorKind::NotFound => return Ok(None),
        Err(e) => return Err(ShareError::from_io(&dir.display().to_string(), &e)),
    };
    let mut out = BTreeMap::new();
    for entry in entries {
        let entry = entry.map_err(|e| ShareError::from_io(&dir.display().to_string(), &e))?;
        // Names that are not UTF-8 cannot be ours and cannot collide with ours.
        let Ok(name) = entry.file_name().into_string() else {
            continue;
        };
        let meta = match entry.metadata() {
            Ok(m) => m,
            // Gone between listing and stat (another device's temp file).
            Err(e) if e.kind() == io::ErrorKind::NotFound => continue,
            Err(e) => return Err(ShareError::from_io(&name, &e)),
        };
        out.insert(
            name,
            FileEntry {
                size: meta.is_file().then_some(meta.len()),
                modified: meta.modified().ok().map(DateTime::<Utc>::from),
            },
        );
    }
    Ok(Some(out))
}

/// Creates `dir` and its missing parents under `root`; returns the folders that were created
/// (their parents need an fsync for the new entries to be durable).
pub fn ensure_folder(root: &Path, rel: &[&str]) -> Result<Vec<PathBuf>, ShareError> {
    let mut created = Vec::new();
    let mut dir = root.to_path_buf();
    for part in rel {
        dir.push(part);
        match fs::create_dir(&dir) {
            Ok(()) => created.push(dir.clone()),
            Err(e) if e.kind() == io::ErrorKind::AlreadyExists => {}
            Err(e) => return Err(ShareError::from_io(&dir.display().to_string(), &e)),
        }
    }
    Ok(created)
}

/// fsyncs a folder so new names in it survive a power cut. Filesystems that cannot sync a
/// folder (some FUSE and network ones say EINVAL or ENOTSUP) are not an error: the read-back
/// is the proof there.
pub fn sync_folder(dir: &Path) -> Result<(), ShareError> {
    if !platform::FOLDERS_OPEN_AS_FILES {
        return Ok(());
    }
    let f = File::open(dir).map_err(|e| ShareError::from_io(&dir.display().to_string(), &e))?;
    match f.sync_all() {
        Ok(()) => Ok(()),
        Err(e) if platform::folder_sync_unsupported(&e) => Ok(()),
        Err(e) => Err(ShareError::from_io(&dir.display().to_string(), &e)),
    }
}

/// Flushes everything written to the filesystem holding `root` (`syncfs(2)`): one call for
/// many new names. Unsupported is an error, and the caller falls back to [`sync_folder`].
pub fn sync_filesystem(root: &Path) -> Result<(), ShareError> {
    platform::sync_filesystem(root)
        .map_err(|e| ShareError::from_io(&root.display().to_string(), &e))
}

/// Closes a file and reports the error `Drop` would swallow: on SMB through FUSE (rclone)
/// `fsync` is a no-op and a failed upload shows up only here.
pub fn close_checked(file: File) -> io::Result<()> {
    platform::close_checked(file)
}

/// Writes `bytes` to a new file (create-only), syncs and closes it, checking every step.
pub fn write_temp(path: &Path, bytes: &[u8]) -> io::Result<()> {
    let mut f = OpenOptions::new().write(true).create_new(true).open(path)?;
    f.write_all(bytes)?;
    f.flush()?;
    f.sync_all()?;
    close_checked(f)
}

/// How the final name got its file.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Placed {
    /// The final name now holds our temporary file's bytes.
    Placed,
    /// The name was taken; nothing was changed.
    Taken,
}

/// Gives `temp`'s file the name `final_path` only if that name is free; never replaces.
///
/// Tries, learning per share which works: `link(2)` (fails with EEXIST; the temp name is then
/// removed by the caller), `renameat2(RENAME_NOREPLACE)`, and last, for shares offering neither
/// (SMB through FUSE), a check for the name followed by `rename(2)`. Only the last has a race
/// (another writer between check and rename); with names made of ULIDs only the same note's
/// identical bytes from a second copy of a database can race there, and the read-back still
/// catches any difference.
pub fn place_no_replace(temp: &Path, final_path: &Path, method: &AtomicU8) -> io::Result<Placed> {
    let taken = |e: &io::Error| e.kind() == io::ErrorKind::AlreadyExists;
    let unsupported = platform::link_unsupported;
    let m = method.load(Ordering::Relaxed);
    if m == LINK_UNKNOWN || m == LINK_HARD {
        match fs::hard_link(temp, final_path) {
            Ok(()) => {
                method.store(LINK_HARD, Ordering::Relaxed);
                return Ok(Placed::Placed);
            }
            Err(e) if taken(&e) => return Ok(Placed::Taken),
            // rclone's FUSE mount answers link(2) with EIO: try the next way.
            Err(e)
                if m == LINK_UNKNOWN && (unsupported(&e) || platform::link_failed_on_fuse(&e)) => {}
            Err(e) => return Err(e),
        }
    }
    if m <= LINK_RENAME_NOREPLACE {
        match platform::rename_noreplace(temp, final_path) {
            Ok(()) => {
                method.store(LINK_RENAME_NOREPLACE, Ordering::Relaxed);
                return Ok(Placed::Placed);
            }
            Err(e) if taken(&e) => return Ok(Placed::Taken),
            Err(e) if m != LINK_RENAME_NOREPLACE && unsupported(&e) => {}
            Err(e) => return Err(e),
        }
    }
    method.store(LINK_CHECK_THEN_RENAME, Ordering::Relaxed);
    match fs::symlink_metadata(final_path) {
        Ok(_) => return Ok(Placed::Taken),
        Err(e) if e.kind() == io::ErrorKind::NotFound => {}
        Err(e) => return Err(e),
    }
    fs::rename(temp, final_path)?;
    Ok(Placed::Placed)
}

/// The system calls beyond std, per platform. Unix (Linux, where this is tested): rustix and
/// nix, no `unsafe`. Windows (untested here: no Windows build can be made on the development
/// machine; see docs/operations.md): std only, with the weaker parts said so.
#[cfg(unix)]
mod platform {
    use std::fs::File;
    use std::io;
    use std::path::Path;

    pub const FOLDERS_OPEN_AS_FILES: bool = true;

    pub fn sync_filesystem(root: &Path) -> io::Result<()> {
        let f = File::open(root)?;
        rustix::fs::syncfs(&f).map_err(io::Error::from)
    }

    pub fn close_checked(file: File) -> io::Result<()> {
        nix::unistd::close(file).map_err(|e| io::Error::from_raw_os_error(e as i32))
    }

    pub fn rename_noreplace(from: &Path, to: &Path) -> io::Result<()> {
        rustix::fs::renameat_with(
            rustix::fs::CWD,
            from,
            rustix::fs::CWD,
            to,
            rustix::fs::RenameFlags::NOREPLACE,
        )
        .map_err(io::Error::from)
    }

    /// The filesystem does not offer the call (try the next way of placing a file).
    pub fn link_unsupported(e: &io::Error) -> bool {
        matches!(
            e.raw_os_error(),
            Some(
                libc::EPERM
                    | libc::ENOSYS
                    | libc::ENOTSUP
                    | libc::EINVAL
                    | libc::EXDEV
                    | libc::EMLINK
                    | libc::EACCES
            )
        )
    }

    /// rclone's FUSE mount answers link(2) with EIO.
    pub fn link_failed_on_fuse(e: &io::Error) -> bool {
        e.raw_os_error() == Some(libc::EIO)
    }

    pub fn folder_sync_unsupported(e: &io::Error) -> bool {
        matches!(
            e.raw_os_error(),
            Some(libc::EINVAL | libc::ENOTSUP | libc::ENOSYS | libc::EBADF)
        )
    }
}

#[cfg(not(unix))]
mod platform {
    use std::fs::File;
    use std::io;
    use std::path::Path;

    /// A folder cannot be opened as a file (and synced) with std on Windows; NTFS and SMB
    /// servers make new names durable themselves, and the read-back is the proof.
    pub const FOLDERS_OPEN_AS_FILES: bool = false;

    pub fn sync_filesystem(_root: &Path) -> io::Result<()> {
        Err(io::Error::from(io::ErrorKind::Unsupported))
    }

    /// std offers no checked close on Windows: flush to the server first, where errors show.
    pub fn close_checked(file: File) -> io::Result<()> {
        file.sync_all()
    }

    /// No create-only rename in std on Windows: the caller falls back to check-then-rename
    /// (after trying a hard link, which NTFS and SMB support).
    pub fn rename_noreplace(_from: &Path, _to: &Path) -> io::Result<()> {
        Err(io::Error::from(io::ErrorKind::Unsupported))
    }

    pub fn link_unsupported(e: &io::Error) -> bool {
        matches!(
            e.kind(),
            io::ErrorKind::Unsupported | io::ErrorKind::PermissionDenied
        )
    }

    pub fn link_failed_on_fuse(_e: &io::Error) -> bool {
        false
    }

    pub fn folder_sync_unsupported(_e: &io::Error) -> bool {
        true
    }
}

/// Refuses a path under `root` whose folders (and, with `last`, the final component) include
/// a symbolic link: a link planted inside the share would send notes outside it, and they
/// would be marked confirmed. Components that do not exist yet are fine (they are created as
/// real folders). The share root itself may be a link (a mount point often is reached so).
pub fn refuse_links(root: &Path, parts: &[&str], last: bool) -> Result<(), ShareError> {
    let mut path = root.to_path_buf();
    let count = if last {
        parts.len()
    } else {
        parts.len().saturating_sub(1)
    };
    for part in &parts[..count] {
        path.push(part);
        match fs::symlink_metadata(&path) {
            Ok(m) if m.file_type().is_symlink() => {
                return Err(ShareError::new(
                    ErrorKind::Symlink,
                    format!(
                        "{} is a symbolic link; nothing is written through it",
                        path.display()
                    ),
                ))
            }
            Ok(_) => {}
            Err(e) if e.kind() == io::ErrorKind::NotFound => return Ok(()),
            Err(e) => return Err(ShareError::from_io(&path.display().to_string(), &e)),
        }
    }
    Ok(())
}

/// Reads a file and returns its SHA-256 (lower-case hex) and length. A symbolic link is not
/// followed (it fails): only a file that really is at the name counts.
pub fn hash_file(path: &Path) -> io::Result<(String, u64)> {
    let mut options = OpenOptions::new();
    options.read(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt;
        options.custom_flags(libc::O_NOFOLLOW);
    }
    #[cfg(not(unix))]
    if fs::symlink_metadata(path)?.file_type().is_symlink() {
        return Err(io::Error::other("a symbolic link is not followed"));
    }
    let mut f = options.open(path)?;
    let mut hasher = Sha256::new();
    let mut buf = vec![0u8; 64 * 1024];
    let mut len = 0u64;
    loop {
        let n = f.read(&mut buf)?;
        if n == 0 {
            break;
        }
        len += n as u64;
        hasher.update(&buf[..n]);
    }
    Ok((hex::encode(hasher.finalize()), len))
}

/// Removes a file if it is there.
pub fn remove_if_there(path: &Path) -> io::Result<()> {
    match fs::remove_file(path) {
        Err(e) if e.kind() != io::ErrorKind::NotFound => Err(e),
        _ => Ok(()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_call_that_hangs_times_out_and_the_share_io_refuses_more() {
        let mut io = ShareIo::new(Duration::from_millis(100)).unwrap();
        assert_eq!(io.call("quick", || Ok(7)).unwrap(), 7);
        let started = std::time::Instant::now();
        let err = io
            .call("hang", || {
                std::thread::sleep(Duration::from_millis(600));
                Ok(())
            })
            .unwrap_err();
        assert_eq!(err.kind, ErrorKind::Timeout);
        assert!(started.elapsed() < Duration::from_millis(500));
        assert_eq!(
            io.call("after", || Ok(1)).unwrap_err().kind,
            ErrorKind::Timeout
        );
    }

    #[test]
    fn placing_never_replaces() {
        let dir = tempfile::tempdir().unwrap();
        let (a, b, fin) = (
            dir.path().join("a"),
            dir.path().join("b"),
            dir.path().join("f"),
        );
        write_temp(&a, b"one").unwrap();
        write_temp(&b, b"two").unwrap();
        for m in [LINK_UNKNOWN, LINK_RENAME_NOREPLACE, LINK_CHECK_THEN_RENAME] {
            let _ = fs::remove_file(&fin);
            write_temp(&fin, b"theirs").unwrap();
            let method = AtomicU8::new(m);
            assert_eq!(place_no_replace(&a, &fin, &method).unwrap(), Placed::Taken);
            assert_eq!(fs::read(&fin).unwrap(), b"theirs");
        }
        fs::remove_file(&fin).unwrap();
        let method = AtomicU8::new(LINK_UNKNOWN);
        assert_eq!(place_no_replace(&a, &fin, &method).unwrap(), Placed::Placed);
        assert_eq!(method.load(Ordering::Relaxed), LINK_HARD);
        assert_eq!(fs::read(&fin).unwrap(), b"one");
        assert!(
            write_temp(&a, b"again").is_err(),
            "temp files are create-only"
        );
    }
}
