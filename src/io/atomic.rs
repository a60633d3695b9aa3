//! Atomic file replacement with a backup.
//!
//! The new content goes to a temporary file in the target's folder, is flushed and fsynced,
//! the previous file is copied to `<name>.bak` (itself written atomically), and only then is the
//! temporary file renamed over the target. At every moment the target is either the old or the
//! new complete file; when anything fails the old file is untouched and the temporary file is
//! removed.

use std::fs::{self, File};
use std::io::{self, BufWriter, Write};
use std::path::{Path, PathBuf};

use tempfile::NamedTempFile;

/// What failed while saving, and where.
#[derive(Debug, thiserror::Error)]
pub enum SaveError {
    #[error("{}: the folder does not exist", .path.display())]
    NoFolder { path: PathBuf },
    #[error("{}: cannot write: {source}", .path.display())]
    Write { path: PathBuf, source: io::Error },
    #[error("{}: cannot keep the previous file as a backup: {source}", .path.display())]
    Backup { path: PathBuf, source: io::Error },
}

impl SaveError {
    pub fn path(&self) -> &Path {
        match self {
            SaveError::NoFolder { path }
            | SaveError::Write { path, .. }
            | SaveError::Backup { path, .. } => path,
        }
    }
}

/// The backup path kept beside `path`: `statement.json` → `statement.json.bak`.
pub fn backup_path(path: &Path) -> PathBuf {
    let mut name = path.file_name().unwrap_or_default().to_os_string();
    name.push(".bak");
    path.with_file_name(name)
}

fn folder_of(path: &Path) -> &Path {
    match path.parent() {
        Some(p) if !p.as_os_str().is_empty() => p,
        _ => Path::new("."),
    }
}

/// Writes a file atomically through `write`, keeping the previous version as `.bak`.
pub fn atomic_write(
    path: &Path,
    write: impl FnOnce(&mut dyn Write) -> io::Result<()>,
) -> Result<(), SaveError> {
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
    let tmp = write_temp(folder, path, write).map_err(werr)?;
    if path.exists() {
        keep_backup(path).map_err(|source| SaveError::Backup {
            path: backup_path(path),
            source,
        })?;
    }
    tmp.persist(path).map_err(|e| werr(e.error))?;
    sync_folder(folder).map_err(werr)?;
    remove_stale_temps(folder, path);
    Ok(())
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
    let Ok(entries) = fs::read_dir(folder) else {
        return;
    };
    for entry in entries.flatten() {
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
fn write_temp(
    folder: &Path,
    path: &Path,
    write: impl FnOnce(&mut dyn Write) -> io::Result<()>,
) -> io::Result<NamedTempFile> {
    let prefix = format!(
        ".{}.",
        path.file_name().unwrap_or_default().to_string_lossy()
    );
    let tmp = tempfile::Builder::new()
        .prefix(&prefix)
        .suffix(".tmp")
        .tempfile_in(folder)?;
    {
        let mut out = BufWriter::new(tmp.as_file());
        write(&mut out)?;
        out.flush()?;
    }
    tmp.as_file().sync_all()?;
    Ok(tmp)
}

/// Copies the current file to `.bak` atomically (copy to a temporary file, fsync, rename).
fn keep_backup(path: &Path) -> io::Result<()> {
    let folder = folder_of(path);
    let bak = backup_path(path);
    let tmp = write_temp(folder, &bak, |out| {
        let mut src = File::open(path)?;
        io::copy(&mut src, out)?;
        Ok(())
    })?;
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

/// Reads a file of at most `limit` bytes.
pub fn read_limited(path: &Path, limit: u64) -> Result<Vec<u8>, ReadError> {
    let meta = fs::metadata(path).map_err(|source| ReadError::Io {
        path: path.to_path_buf(),
        source,
    })?;
    if meta.is_dir() {
        return Err(ReadError::IsFolder {
            path: path.to_path_buf(),
        });
    }
    if meta.len() > limit {
        return Err(ReadError::TooLarge {
            path: path.to_path_buf(),
            size: meta.len(),
            limit,
        });
    }
    fs::read(path).map_err(|source| ReadError::Io {
        path: path.to_path_buf(),
        source,
    })
}

#[derive(Debug, thiserror::Error)]
pub enum ReadError {
    #[error("{}: cannot read: {source}", .path.display())]
    Io { path: PathBuf, source: io::Error },
    #[error("{}: is a folder, not a file", .path.display())]
    IsFolder { path: PathBuf },
    #[error("{}: {size} bytes is more than the {limit} bytes allowed", .path.display())]
    TooLarge {
        path: PathBuf,
        size: u64,
        limit: u64,
    },
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

    #[test]
    fn missing_folder_is_an_error() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("nope").join("a.json");
        assert!(matches!(
            atomic_write(&path, |w| w.write_all(b"x")),
            Err(SaveError::NoFolder { .. })
        ));
    }

    #[test]
    fn read_limits() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("big");
        fs::write(&path, vec![b'x'; 100]).unwrap();
        assert!(matches!(
            read_limited(&path, 10),
            Err(ReadError::TooLarge { size: 100, .. })
        ));
        assert_eq!(read_limited(&path, 100).unwrap().len(), 100);
        assert!(matches!(
            read_limited(dir.path(), 10),
            Err(ReadError::IsFolder { .. })
        ));
        assert!(matches!(
            read_limited(&dir.path().join("missing"), 10),
            Err(ReadError::Io { .. })
        ));
    }
}
