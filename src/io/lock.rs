//! Advisory locks around a read-modify-write of a file, so that two kaijisho processes (two
//! `kaijisho answer` commands, two windows) never lose each other's changes.
//!
//! The lock is a companion file `.<name>.lock` beside the target (after symlinks are followed),
//! locked with the operating system's advisory file lock (`flock` on Unix, `LockFileEx` on
//! Windows). The lock file is removed when the lock is released; a waiter that got the lock on a
//! file removed in the meantime notices (the name no longer leads to the file it holds) and
//! tries again, so two processes never both believe they hold it. Other programs do not look at
//! the lock: changes they make are caught by comparing digests before a save
//! ([`super::atomic::atomic_write_checked`]).

use std::fs::{File, TryLockError};
use std::io;
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

pub use super::error::LockError;
use super::error::SaveError;
use super::read::{ReadError, open_regular};
use super::target::{folder_of, resolve_target};

/// How long a command waits for another kaijisho to finish writing the same file.
pub const WAIT: Duration = Duration::from_secs(10);

/// A held lock on a file; released when dropped.
#[derive(Debug)]
pub struct FileLock {
    file: File,
    lock_path: PathBuf,
    target: PathBuf,
}

/// Opens the lock file, creating it when missing. An existing one is opened for reading only:
/// advisory locks need no write access, so a lock file another user left behind (a killed
/// process cannot remove it) never stands in the way. Something other than a regular file in
/// its place (a named pipe would block every save, a device would be locked instead) is
/// refused, without blocking.
fn open_lock_file(lock_path: &Path) -> Result<File, LockOpen> {
    let open_existing = || match open_regular(lock_path) {
        Ok((file, _)) => Ok(file),
        Err(ReadError::Io { source, .. }) => Err(LockOpen::Io(source)),
        Err(_) => Err(LockOpen::NotAFile),
    };
    match open_existing() {
        Err(LockOpen::Io(e)) if e.kind() == io::ErrorKind::NotFound => match File::options()
            .read(true)
            .write(true)
            .create_new(true)
            .open(lock_path)
        {
            Err(e) if e.kind() == io::ErrorKind::AlreadyExists => open_existing(),
            other => other.map_err(LockOpen::Io),
        },
        other => other,
    }
}

/// Why the lock file could not be opened.
enum LockOpen {
    Io(io::Error),
    NotAFile,
}

/// `.<name>.lock` beside `target`.
fn lock_path_of(target: &Path) -> PathBuf {
    let mut name = std::ffi::OsString::from(".");
    name.push(target.file_name().unwrap_or_default());
    name.push(".lock");
    target.with_file_name(name)
}

impl FileLock {
    /// Locks the file `path` leads to (see [`resolve_target`]), waiting up to [`WAIT`].
    pub fn acquire(path: &Path) -> Result<FileLock, SaveError> {
        Self::acquire_within(path, WAIT)
    }

    /// [`FileLock::acquire`] with a chosen wait.
    pub fn acquire_within(path: &Path, wait: Duration) -> Result<FileLock, SaveError> {
        let target = resolve_target(path)?;
        if !folder_of(&target).is_dir() {
            return Err(SaveError::NoFolder {
                path: path.to_path_buf(),
            });
        }
        let lock_path = lock_path_of(&target);
        // An error of the lock file itself names it, so the user can see what is in the way.
        let io_err = |source| LockError::Io {
            path: lock_path.clone(),
            source,
        };
        let start = Instant::now();
        let mut pause = Duration::from_millis(2);
        loop {
            match open_lock_file(&lock_path) {
                Ok(file) => match file.try_lock() {
                    Ok(()) if still_named(&file, &lock_path) => {
                        return Ok(FileLock {
                            file,
                            lock_path,
                            target,
                        });
                    }
                    // The holder removed this lock file before we got it: wait for the new one.
                    Ok(()) | Err(TryLockError::WouldBlock) => {}
                    Err(TryLockError::Error(e)) => return Err(io_err(e).into()),
                },
                Err(LockOpen::NotAFile) => {
                    return Err(LockError::NotAFile { path: lock_path }.into());
                }
                // Removed between looking and opening: try again.
                Err(LockOpen::Io(e)) if e.kind() == io::ErrorKind::NotFound => {}
                // A folder that cannot take files: said as the write's own error would.
                Err(LockOpen::Io(e))
                    if matches!(
                        e.kind(),
                        io::ErrorKind::PermissionDenied | io::ErrorKind::ReadOnlyFilesystem
                    ) && !lock_path.exists() =>
                {
                    return Err(SaveError::Write {
                        path: target.clone(),
                        source: e,
                    });
                }
                Err(LockOpen::Io(e)) => return Err(io_err(e).into()),
            }
            if start.elapsed() >= wait {
                return Err(LockError::Busy {
                    path: path.to_path_buf(),
                }
                .into());
            }
            std::thread::sleep(pause);
            pause = (pause * 2).min(Duration::from_millis(50));
        }
    }

    /// The file the lock guards (symlinks followed).
    pub fn target(&self) -> &Path {
        &self.target
    }
}

/// Whether `path` still names the open `file` (it was not removed and replaced meanwhile).
#[cfg(unix)]
fn still_named(file: &File, path: &Path) -> bool {
    use std::os::unix::fs::MetadataExt;
    match (file.metadata(), std::fs::metadata(path)) {
        (Ok(a), Ok(b)) => a.dev() == b.dev() && a.ino() == b.ino(),
        _ => false,
    }
}

/// On Windows the lock file is never removed, so the name always leads to the file held.
#[cfg(not(unix))]
fn still_named(_file: &File, _path: &Path) -> bool {
    true
}

impl Drop for FileLock {
    fn drop(&mut self) {
        // On Unix removed while still held, so that a waiter that opens it afterwards sees a
        // stale name ([`still_named`]). Windows keeps it: a waiter there cannot tell a removed
        // file from the new one.
        #[cfg(unix)]
        if let Err(e) = std::fs::remove_file(&self.lock_path)
            && e.kind() != io::ErrorKind::NotFound
        {
            log::debug!("lock file {}: {e}", self.lock_path.display());
        }
        if let Err(e) = self.file.unlock() {
            log::warn!("unlocking {}: {e}", self.lock_path.display());
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::fs;
    use std::sync::Arc;
    use std::sync::atomic::{AtomicUsize, Ordering};

    #[test]
    fn a_second_lock_waits_then_fails_busy_and_the_lock_file_goes_away() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("a.json");
        let held = FileLock::acquire(&path).unwrap();
        assert!(dir.path().join(".a.json.lock").exists());
        let err = FileLock::acquire_within(&path, Duration::from_millis(50)).unwrap_err();
        assert!(
            matches!(err, SaveError::Lock(LockError::Busy { .. })),
            "{err}"
        );
        drop(held);
        #[cfg(unix)]
        assert!(!dir.path().join(".a.json.lock").exists());
        FileLock::acquire_within(&path, Duration::from_millis(50)).unwrap();
    }

    #[test]
    fn the_lock_excludes_across_threads_so_no_increment_is_lost() {
        let dir = tempfile::tempdir().unwrap();
        let path = Arc::new(dir.path().join("n.txt"));
        fs::write(&*path, "0").unwrap();
        let done = Arc::new(AtomicUsize::new(0));
        let workers: Vec<_> = (0..4)
            .map(|_| {
                let path = Arc::clone(&path);
                let done = Arc::clone(&done);
                std::thread::spawn(move || {
                    for _ in 0..25 {
                        let _held = FileLock::acquire(&path).unwrap();
                        let n: u32 = fs::read_to_string(&*path).unwrap().parse().unwrap();
                        std::thread::yield_now();
                        fs::write(&*path, (n + 1).to_string()).unwrap();
                        done.fetch_add(1, Ordering::SeqCst);
                    }
                })
            })
            .collect();
        for w in workers {
            w.join().unwrap();
        }
        assert_eq!(done.load(Ordering::SeqCst), 100);
        assert_eq!(fs::read_to_string(&*path).unwrap(), "100");
    }

    #[cfg(unix)]
    #[test]
    fn the_lock_sits_beside_the_symlink_target() {
        let dir = tempfile::tempdir().unwrap();
        let real = dir.path().join("real");
        fs::create_dir(&real).unwrap();
        fs::write(real.join("a.json"), "{}").unwrap();
        let link = dir.path().join("link.json");
        std::os::unix::fs::symlink(real.join("a.json"), &link).unwrap();
        let held = FileLock::acquire(&link).unwrap();
        assert_eq!(held.target(), real.join("a.json"));
        assert!(real.join(".a.json.lock").exists());
    }
}

#[cfg(all(test, unix))]
mod left_behind {
    use super::*;
    use std::fs;
    use std::os::unix::fs::PermissionsExt;

    /// A lock file a killed process left behind, read-only to us, does not block a save.
    #[test]
    fn a_read_only_lock_file_left_behind_does_not_block() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("a.json");
        let stale = dir.path().join(".a.json.lock");
        fs::write(&stale, b"").unwrap();
        fs::set_permissions(&stale, fs::Permissions::from_mode(0o444)).unwrap();
        let held = FileLock::acquire_within(&path, Duration::from_millis(200)).unwrap();
        drop(held);
        assert!(!stale.exists(), "removed on release");
    }
}
