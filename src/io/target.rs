//! Which file a write replaces: symbolic links followed to the file they name, a folder, a
//! device, a FIFO or a socket refused before anything is written; whether two names are one
//! file. Used by the atomic writes ([`super::atomic`]) and the locks ([`super::lock`]).

use std::fs;
use std::io;
use std::path::{Path, PathBuf};

use super::error::SaveError;

/// The folder of `path` (`.` for a bare file name).
pub(super) fn folder_of(path: &Path) -> &Path {
    match path.parent() {
        Some(p) if !p.as_os_str().is_empty() => p,
        _ => Path::new("."),
    }
}

/// How many symbolic links are followed before giving up (Linux's own limit).
const MAX_LINKS: usize = 40;

/// The file a write to `path` must replace: `path` itself, or the file its symlinks lead to.
/// Refuses a folder, a device, a FIFO, a socket or a terminal (`/dev/null`, `/dev/stdout`).
pub fn resolve_target(path: &Path) -> Result<PathBuf, SaveError> {
    // `metadata` follows every link, also the kernel's own (/dev/stdout → a pipe).
    match fs::metadata(path) {
        Ok(m) if m.is_dir() => {
            return Err(SaveError::IsFolder {
                path: path.to_path_buf(),
            });
        }
        Ok(m) if !m.is_file() => {
            return Err(SaveError::NotAFile {
                path: path.to_path_buf(),
            });
        }
        _ => {}
    }
    let mut current = path.to_path_buf();
    for _ in 0..MAX_LINKS {
        match fs::symlink_metadata(&current) {
            Ok(m) if m.file_type().is_symlink() => {
                let link = fs::read_link(&current).map_err(|source| SaveError::Write {
                    path: current.clone(),
                    source,
                })?;
                current = if link.is_absolute() {
                    link
                } else {
                    folder_of(&current).join(link)
                };
            }
            Ok(m) if m.is_dir() => return Err(SaveError::IsFolder { path: current }),
            Ok(m) if !m.is_file() => return Err(SaveError::NotAFile { path: current }),
            // A regular file, or a name not taken yet (a new file, or a dangling link's target).
            Ok(_) => return Ok(current),
            Err(e) if e.kind() == io::ErrorKind::NotFound => return Ok(current),
            Err(source) => {
                return Err(SaveError::Write {
                    path: current,
                    source,
                });
            }
        }
    }
    Err(SaveError::LinkLoop {
        path: path.to_path_buf(),
    })
}

/// Whether `a` and `b` name the same existing file (through links, other spellings, hard links).
pub fn is_same_file(a: &Path, b: &Path) -> bool {
    #[cfg(unix)]
    {
        use std::os::unix::fs::MetadataExt;
        if let (Ok(x), Ok(y)) = (fs::metadata(a), fs::metadata(b)) {
            return x.dev() == y.dev() && x.ino() == y.ino();
        }
    }
    match (fs::canonicalize(a), fs::canonicalize(b)) {
        (Ok(x), Ok(y)) => x == y,
        _ => false,
    }
}
