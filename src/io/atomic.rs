//! Atomic file replacement with a backup, as a careful editor writes.
//!
//! The target is resolved first: a symlink is followed to the file it names (the link stays a
//! link), and a folder, a device, a FIFO or a socket is refused before anything is written. The
//! new content goes to a temporary file in the target's folder, is flushed and fsynced, the
//! previous file is copied to `<name>.bak` (itself written atomically), and only then is the
//! temporary file renamed over the target. At every moment the target is either the old or the
//! new complete file; when anything fails the old file is untouched and the temporary file is
//! removed. An existing file keeps its mode (and owner and group where permitted); a new file
//! gets `0666` less the umask, like any other program's. The whole write runs under the file's
//! advisory lock ([`super::lock`]).

use std::fs::{self, File};
use std::io::{self, BufWriter, Write};
use std::path::{Path, PathBuf};

use tempfile::NamedTempFile;

pub use super::error::SaveError;
use super::target::folder_of;
pub use super::target::{is_same_file, resolve_target};

/// The backup path kept beside `path`: `statement.json` → `statement.json.bak`.
pub fn backup_path(path: &Path) -> PathBuf {
    let mut name = path.file_name().unwrap_or_default().to_os_string();
    name.push(".bak");
    path.with_file_name(name)
}

/// Writes a file atomically through `write`, keeping the previous version as `.bak`, under the
/// file's advisory lock.
pub fn atomic_write(
    path: &Path,
    write: impl FnOnce(&mut dyn Write) -> io::Result<()>,
) -> Result<(), SaveError> {
    let lock = super::lock::FileLock::acquire(path)?;
    atomic_write_locked(&lock, write)
}

/// [`atomic_write`] for a file only its owner may read (a private key): written with mode
/// `0600` whatever the file it replaces had, its backup too.
pub fn atomic_write_private(
    path: &Path,
    write: impl FnOnce(&mut dyn Write) -> io::Result<()>,
) -> Result<(), SaveError> {
    let lock = super::lock::FileLock::acquire(path)?;
    write_locked(&lock, write, true)
}

/// [`atomic_write`] for a caller that already holds the file's lock (a read-modify-write).
pub fn atomic_write_locked(
    lock: &super::lock::FileLock,
    write: impl FnOnce(&mut dyn Write) -> io::Result<()>,
) -> Result<(), SaveError> {
    write_locked(lock, write, false)
}

fn write_locked(
    lock: &super::lock::FileLock,
    write: impl FnOnce(&mut dyn Write) -> io::Result<()>,
    private: bool,
) -> Result<(), SaveError> {
    let path = lock.target();
    let folder = folder_of(path);
    if !folder.is_dir() {
        return Err(SaveError::NoFolder {
            path: path.to_path_buf(),
        });
    }
    let werr = |source| SaveError::Write {
        path: path.to_path_buf(),
        source,
    };
    let existing = match fs::symlink_metadata(path) {
        Ok(m) => Some(m),
        Err(e) if e.kind() == io::ErrorKind::NotFound => None,
        Err(e) => return Err(werr(e)),
    };
    let tmp = write_temp(folder, path, existing.as_ref(), write, private).map_err(werr)?;
    if existing.is_some() {
        keep_backup(path, existing.as_ref(), private).map_err(|source| SaveError::Backup {
            path: backup_path(path),
            source,
        })?;
    }
    tmp.persist(path).map_err(|e| werr(e.error))?;
    // The new file is in place; a folder that cannot be synced (some network shares) leaves
    // the rename to the system's own write-back. Logged, not an error: the save happened.
    if let Err(e) = sync_folder(folder) {
        log::warn!("{}: syncing the folder after the save: {e}", path.display());
    }
    remove_stale_temps(folder, path);
    Ok(())
}

/// The SHA-256 of a file's bytes, `None` when it does not exist: what [`atomic_write_checked`]
/// compares to notice that another program changed the file.
pub fn file_digest(path: &Path) -> io::Result<Option<[u8; 32]>> {
    use sha2::{Digest, Sha256};
    let (mut file, _) = match super::read::open_regular(path) {
        Ok(f) => f,
        Err(super::read::ReadError::Io { source, .. }) => {
            return match source.kind() {
                io::ErrorKind::NotFound => Ok(None),
                _ => Err(source),
            };
        }
        Err(e) => return Err(io::Error::other(e)),
    };
    let mut hasher = Sha256::new();
    let mut buf = vec![0u8; 64 * 1024];
    loop {
        let n = io::Read::read(&mut file, &mut buf)?;
        if n == 0 {
            break;
        }
        hasher.update(buf.get(..n).unwrap_or_default());
    }
    Ok(Some(hasher.finalize().into()))
}

/// [`atomic_write`], but when `expected` is given only while the file on disk is still the one
/// that was read (its digest is `expected`, or it is gone). Otherwise
/// [`SaveError::ChangedOnDisk`] and nothing is written. Returns the digest of what was written,
/// for the next save.
pub fn atomic_write_checked(
    path: &Path,
    expected: Option<[u8; 32]>,
    bytes: &[u8],
) -> Result<[u8; 32], SaveError> {
    use sha2::{Digest, Sha256};
    let lock = super::lock::FileLock::acquire(path)?;
    let target = lock.target();
    let now = match expected {
        Some(_) => file_digest(target).map_err(|source| SaveError::Write {
            path: target.to_path_buf(),
            source,
        })?,
        None => None,
    };
    if let (Some(now), Some(expected)) = (now, expected)
        && now != expected
    {
        return Err(SaveError::ChangedOnDisk {
            path: path.to_path_buf(),
        });
    }
    atomic_write_locked(&lock, |w| w.write_all(bytes))?;
    Ok(Sha256::digest(bytes).into())
}

/// Removes temporary files an interrupted earlier save of `path` (or of its backup) left
/// behind: `.<name>.*.tmp` older than a minute, so a save running in parallel is never touched.
fn remove_stale_temps(folder: &Path, path: &Path) {
    let name = path
        .file_name()
        .unwrap_or_default()
        .to_string_lossy()
        .into_owned();
    let prefixes = [format!(".{name}."), format!(".{name}.bak.")];
    // Housekeeping only: a folder or entry that cannot be read leaves its files where they are.
    let entries = match fs::read_dir(folder) {
        Ok(entries) => entries,
        Err(e) => {
            log::info!("stale temporary files in {}: {e}", folder.display());
            return;
        }
    };
    for entry in entries.filter_map(|e| {
        e.map_err(|err| log::info!("stale temporary files in {}: {err}", folder.display()))
            .ok()
    }) {
        let file = entry.file_name().to_string_lossy().into_owned();
        let ours = file.ends_with(".tmp") && prefixes.iter().any(|p| file.starts_with(p.as_str()));
        let old = entry
            .metadata()
            .and_then(|m| m.modified())
            .ok()
            .and_then(|t| t.elapsed().ok())
            .is_some_and(|age| age.as_secs() >= 60);
        if ours
            && old
            && let Err(e) = fs::remove_file(entry.path())
        {
            log::warn!("stale temporary file {}: {e}", entry.path().display());
        }
    }
}

/// Writes and fsyncs a temporary file next to `path`. Dropped on error, which deletes it.
/// It gets the mode (and, where permitted, the owner) of `existing`, else `0666` less the umask
/// (`private`: always `0600`).
fn write_temp(
    folder: &Path,
    path: &Path,
    existing: Option<&fs::Metadata>,
    write: impl FnOnce(&mut dyn Write) -> io::Result<()>,
    private: bool,
) -> io::Result<NamedTempFile> {
    let prefix = format!(
        ".{}.",
        path.file_name().unwrap_or_default().to_string_lossy()
    );
    let mut builder = tempfile::Builder::new();
    builder.prefix(&prefix).suffix(".tmp");
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        // The kernel takes the umask off: a new file ends as 0644 under umask 022.
        builder.permissions(fs::Permissions::from_mode(if private {
            0o600
        } else {
            0o666
        }));
    }
    let tmp = builder.tempfile_in(folder)?;
    if let Some(meta) = existing.filter(|_| !private) {
        keep_mode_and_owner(tmp.as_file(), meta)?;
    }
    {
        let mut out = BufWriter::new(tmp.as_file());
        write(&mut out)?;
        out.flush()?;
    }
    tmp.as_file().sync_all()?;
    Ok(tmp)
}

/// Gives a new file the mode of the one it replaces, and its owner and group where the
/// process may (root, or a group the user is in); a refusal to change the owner is not an error.
fn keep_mode_and_owner(file: &File, meta: &fs::Metadata) -> io::Result<()> {
    file.set_permissions(meta.permissions())?;
    #[cfg(unix)]
    {
        use std::os::unix::fs::MetadataExt;
        if std::os::unix::fs::fchown(file, Some(meta.uid()), Some(meta.gid())).is_err() {
            // Not permitted: try the group alone (a shared folder's group), then give up quietly —
            // the file is then owned by whoever saved it, as with every editor.
            if let Err(e) = std::os::unix::fs::fchown(file, None, Some(meta.gid())) {
                log::debug!("keeping the group of a replaced file: {e}");
            }
        }
    }
    Ok(())
}

/// [`atomic_write`] of `bytes`, refused with [`SaveError::TooLarge`] when they are more than
/// `limit`, the size the file's reader accepts: kaijisho never writes what it would refuse.
pub fn atomic_write_within(path: &Path, bytes: &[u8], limit: u64) -> Result<(), SaveError> {
    if bytes.len() as u64 > limit {
        return Err(SaveError::TooLarge {
            path: path.to_path_buf(),
            limit,
        });
    }
    atomic_write(path, |w| w.write_all(bytes))
}

/// Opens a log-like file for appending, creating it: only a regular file, and without blocking
/// on a named pipe in its place.
pub fn open_append(path: &Path) -> io::Result<File> {
    let file =
        super::read::without_blocking(File::options().create(true).append(true)).open(path)?;
    if file.metadata()?.is_file() {
        Ok(file)
    } else {
        Err(io::Error::new(
            io::ErrorKind::InvalidInput,
            format!("{}: not a regular file", path.display()),
        ))
    }
}

/// Copies the current file to `.bak` atomically (copy to a temporary file, fsync, rename),
/// with the current file's mode.
fn keep_backup(path: &Path, existing: Option<&fs::Metadata>, private: bool) -> io::Result<()> {
    let folder = folder_of(path);
    let bak = backup_path(path);
    let tmp = write_temp(
        folder,
        &bak,
        existing,
        |out| {
            let mut src = File::open(path)?;
            io::copy(&mut src, out)?;
            Ok(())
        },
        private,
    )?;
    tmp.persist(&bak).map_err(|e| e.error)?;
    Ok(())
}

#[cfg(unix)]
fn sync_folder(folder: &Path) -> io::Result<()> {
    File::open(folder)?.sync_all()
}

#[cfg(not(unix))]
fn sync_folder(_folder: &Path) -> io::Result<()> {
    // Windows has no directory fsync; MoveFileEx (used by persist) is durable enough there.
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn leftovers(dir: &Path) -> Vec<String> {
        let mut names: Vec<String> = fs::read_dir(dir)
            .unwrap()
            .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
            .collect();
        names.sort();
        names
    }

    #[test]
    fn writes_new_file_then_keeps_backup() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("a.json");
        atomic_write(&path, |w| w.write_all(b"one")).unwrap();
        assert_eq!(fs::read(&path).unwrap(), b"one");
        assert!(!backup_path(&path).exists());
        atomic_write(&path, |w| w.write_all(b"two")).unwrap();
        assert_eq!(fs::read(&path).unwrap(), b"two");
        assert_eq!(fs::read(backup_path(&path)).unwrap(), b"one");
        assert_eq!(leftovers(dir.path()), ["a.json", "a.json.bak"]);
    }

    #[test]
    fn failed_write_leaves_old_file_and_no_temp() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("a.json");
        atomic_write(&path, |w| w.write_all(b"old content")).unwrap();
        let err = atomic_write(&path, |w| {
            w.write_all(b"half of the new")?;
            Err(io::Error::other("disk full"))
        })
        .unwrap_err();
        assert!(matches!(err, SaveError::Write { .. }), "{err}");
        assert_eq!(err.path(), path);
        assert_eq!(fs::read(&path).unwrap(), b"old content");
        assert_eq!(leftovers(dir.path()), ["a.json"]);
    }

    #[test]
    fn stale_temporary_files_of_killed_saves_are_removed() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("a.json");
        let stale = dir.path().join(".a.json.XyZ123.tmp");
        let fresh = dir.path().join(".a.json.AbC456.tmp");
        let other = dir.path().join(".b.json.Q.tmp");
        for f in [&stale, &fresh, &other] {
            fs::write(f, b"partial").unwrap();
        }
        let hour_ago = std::time::SystemTime::now() - std::time::Duration::from_secs(3600);
        for f in [&stale, &other] {
            fs::File::options()
                .write(true)
                .open(f)
                .unwrap()
                .set_modified(hour_ago)
                .unwrap();
        }
        atomic_write(&path, |w| w.write_all(b"ok")).unwrap();
        assert!(!stale.exists(), "an old leftover of this file goes");
        assert!(fresh.exists(), "a recent one may belong to a running save");
        assert!(other.exists(), "other files' temporaries are left alone");
    }

    #[cfg(unix)]
    fn mode(path: &Path) -> u32 {
        use std::os::unix::fs::PermissionsExt;
        fs::metadata(path).unwrap().permissions().mode() & 0o7777
    }

    #[cfg(unix)]
    #[test]
    fn an_existing_file_keeps_its_mode_and_a_new_one_follows_the_umask() {
        use std::os::unix::fs::PermissionsExt;
        let dir = tempfile::tempdir().unwrap();
        // What any program gets for a new file here (0666 less this process's umask).
        let plain = dir.path().join("plain");
        fs::write(&plain, b"x").unwrap();
        let path = dir.path().join("a.json");
        atomic_write(&path, |w| w.write_all(b"one")).unwrap();
        assert_eq!(mode(&path), mode(&plain), "a new file follows the umask");
        fs::set_permissions(&path, fs::Permissions::from_mode(0o664)).unwrap();
        atomic_write(&path, |w| w.write_all(b"two")).unwrap();
        assert_eq!(mode(&path), 0o664, "a shared 0664 file stays 0664");
        assert_eq!(mode(&backup_path(&path)), 0o664);
        fs::set_permissions(&path, fs::Permissions::from_mode(0o600)).unwrap();
        atomic_write(&path, |w| w.write_all(b"three")).unwrap();
        assert_eq!(mode(&path), 0o600, "a private file stays private");
    }

    #[cfg(unix)]
    #[test]
    fn saving_through_a_symlink_updates_the_target_and_keeps_the_link() {
        let dir = tempfile::tempdir().unwrap();
        let real_dir = dir.path().join("real");
        fs::create_dir(&real_dir).unwrap();
        let real = real_dir.join("a.json");
        fs::write(&real, b"old").unwrap();
        let link = dir.path().join("link.json");
        std::os::unix::fs::symlink("real/a.json", &link).unwrap();
        atomic_write(&link, |w| w.write_all(b"new")).unwrap();
        assert!(
            fs::symlink_metadata(&link)
                .unwrap()
                .file_type()
                .is_symlink()
        );
        assert_eq!(fs::read(&real).unwrap(), b"new");
        assert_eq!(fs::read(real_dir.join("a.json.bak")).unwrap(), b"old");
        assert!(!dir.path().join("link.json.bak").exists());
        // A link to a file not there yet creates it where the link points.
        let dangling = dir.path().join("new.json");
        std::os::unix::fs::symlink("real/b.json", &dangling).unwrap();
        atomic_write(&dangling, |w| w.write_all(b"b")).unwrap();
        assert_eq!(fs::read(real_dir.join("b.json")).unwrap(), b"b");
        // A loop is an error, not a hang.
        let (x, y) = (dir.path().join("x"), dir.path().join("y"));
        std::os::unix::fs::symlink(&y, &x).unwrap();
        std::os::unix::fs::symlink(&x, &y).unwrap();
        assert!(matches!(
            atomic_write(&x, |w| w.write_all(b"z")),
            Err(SaveError::LinkLoop { .. })
        ));
    }

    #[cfg(unix)]
    #[test]
    fn devices_fifos_and_folders_are_refused_before_writing() {
        let dir = tempfile::tempdir().unwrap();
        let fifo = dir.path().join("fifo");
        let made = std::process::Command::new("mkfifo")
            .arg(&fifo)
            .status()
            .unwrap();
        assert!(made.success());
        for path in [Path::new("/dev/null"), fifo.as_path()] {
            let before = fs::symlink_metadata(path).unwrap().file_type();
            let err = atomic_write(path, |w| w.write_all(b"x")).unwrap_err();
            assert!(matches!(err, SaveError::NotAFile { .. }), "{err}");
            assert_eq!(fs::symlink_metadata(path).unwrap().file_type(), before);
        }
        let err = atomic_write(dir.path(), |w| w.write_all(b"x")).unwrap_err();
        assert!(matches!(err, SaveError::IsFolder { .. }), "{err}");
        assert!(!backup_path(dir.path()).exists());
    }

    #[test]
    fn writing_only_when_unchanged_on_disk() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("a.json");
        fs::write(&path, b"there before; the user chose to replace it").unwrap();
        let first = atomic_write_checked(&path, None, b"one").unwrap();
        assert_eq!(file_digest(&path).unwrap(), Some(first));
        let second = atomic_write_checked(&path, Some(first), b"two").unwrap();
        fs::write(&path, b"someone else").unwrap();
        let err = atomic_write_checked(&path, Some(second), b"three").unwrap_err();
        assert!(matches!(err, SaveError::ChangedOnDisk { .. }), "{err}");
        assert_eq!(fs::read(&path).unwrap(), b"someone else");
    }

    #[test]
    fn same_file_through_other_spellings() {
        let dir = tempfile::tempdir().unwrap();
        let a = dir.path().join("a.json");
        fs::write(&a, b"x").unwrap();
        let other = dir.path().join(".").join("a.json");
        assert!(is_same_file(&a, &other));
        assert!(!is_same_file(&a, &dir.path().join("b.json")));
    }

    #[test]
    fn missing_folder_is_an_error() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("nope").join("a.json");
        assert!(matches!(
            atomic_write(&path, |w| w.write_all(b"x")),
            Err(SaveError::NoFolder { .. })
        ));
    }
}
