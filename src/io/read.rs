//! Reading input files: only regular files, opened once, read through a bound.
//!
//! A named pipe, a device (`/dev/zero`), a socket or a terminal — directly or through a link —
//! is refused by name: opening a pipe without a writer would block, and a device has no end.
//! The check is made on the opened handle (never on the name, which can change in between), and
//! the open itself does not block (`O_NONBLOCK`, which means nothing to a regular file). The
//! size the file system reports is not trusted either: the read stops one byte past the limit.

use std::fs::{File, Metadata};
use std::io::{self, Read};
use std::path::Path;

pub use super::error::ReadError;

/// Opens `path` for reading when it is a regular file (links followed), without blocking on
/// a pipe: the handle and its metadata.
pub fn open_regular(path: &Path) -> Result<(File, Metadata), ReadError> {
    let io_err = |source| ReadError::Io {
        path: path.to_path_buf(),
        source,
    };
    let file = open_nonblocking(path).map_err(io_err)?;
    let meta = file.metadata().map_err(io_err)?;
    if meta.is_dir() {
        return Err(ReadError::IsFolder {
            path: path.to_path_buf(),
        });
    }
    if !meta.is_file() {
        return Err(ReadError::NotAFile {
            path: path.to_path_buf(),
        });
    }
    Ok((file, meta))
}

/// `options` set not to block on opening a named pipe (`O_NONBLOCK`; nothing to do elsewhere,
/// and nothing it changes for a regular file).
pub(super) fn without_blocking(options: &mut std::fs::OpenOptions) -> &mut std::fs::OpenOptions {
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt;
        options.custom_flags(libc::O_NONBLOCK);
    }
    options
}

fn open_nonblocking(path: &Path) -> io::Result<File> {
    without_blocking(File::options().read(true)).open(path)
}

/// Reads a regular file of at most `limit` bytes; a larger one (also one that grows while it
/// is read) is [`ReadError::TooLarge`] after at most `limit + 1` bytes were read.
pub fn read_limited(path: &Path, limit: u64) -> Result<Vec<u8>, ReadError> {
    let (file, meta) = open_regular(path)?;
    let too_large = |size| ReadError::TooLarge {
        path: path.to_path_buf(),
        size,
        limit,
    };
    if meta.len() > limit {
        return Err(too_large(meta.len()));
    }
    // The reported size is a hint for the allocation, never more than the limit.
    let mut bytes = Vec::with_capacity(usize::try_from(meta.len()).unwrap_or(0));
    file.take(limit.saturating_add(1))
        .read_to_end(&mut bytes)
        .map_err(|source| ReadError::Io {
            path: path.to_path_buf(),
            source,
        })?;
    let read = bytes.len() as u64;
    if read > limit {
        return Err(too_large(read));
    }
    Ok(bytes)
}

/// The first bytes of a regular file (fewer when it is shorter); `None` when it cannot be
/// read as one.
pub fn head(path: &Path, n: usize) -> Option<Vec<u8>> {
    let (file, _) = open_regular(path).ok()?;
    let mut out = Vec::with_capacity(n);
    file.take(n as u64).read_to_end(&mut out).ok()?;
    Some(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_up_to_the_limit_and_refuses_more() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("a");
        std::fs::write(&path, vec![b'x'; 100]).unwrap();
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
        assert_eq!(head(&path, 4).unwrap(), b"xxxx");
    }

    #[cfg(target_os = "linux")]
    #[test]
    fn devices_and_pipes_are_refused_without_reading_or_blocking() {
        let dir = tempfile::tempdir().unwrap();
        let zero = dir.path().join("zero.json");
        std::os::unix::fs::symlink("/dev/zero", &zero).unwrap();
        assert!(matches!(
            read_limited(&zero, 10),
            Err(ReadError::NotAFile { .. })
        ));
        let fifo = dir.path().join("fifo.json");
        let name = std::ffi::CString::new(fifo.as_os_str().as_encoded_bytes()).unwrap();
        // SAFETY: a valid NUL-terminated path.
        assert_eq!(unsafe { libc::mkfifo(name.as_ptr(), 0o600) }, 0);
        // No writer: a blocking open would never return.
        assert!(matches!(
            read_limited(&fifo, 10),
            Err(ReadError::NotAFile { .. })
        ));
        assert_eq!(head(&fifo, 4), None);
    }
}
