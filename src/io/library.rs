//! The answer library file (`kaijisho-library`): read checked (format, entries, limits) with
//! the digest of what was read, and written atomically only while the file still holds it.

use std::path::Path;

use super::error::{FileError, FileKind};
use super::hospital::read_kind_digest;
use super::json::typed;
use crate::domain::library::Library;

/// Largest library file read or written (the limit every hospital-side file is read with).
pub const MAX_BYTES: u64 = super::hospital::MAX_BYTES;

/// Reads an answer library and checks it, with the digest of the bytes read.
pub fn load_library_digest(path: &Path) -> Result<(Library, [u8; 32]), FileError> {
    let (bytes, sum) = read_kind_digest(path, FileKind::Library)?;
    let library: Library = typed(path, &bytes)?;
    library.check_file().map_err(|issue| FileError::Library {
        path: path.to_path_buf(),
        issue,
    })?;
    Ok((library, sum))
}

/// Reads an answer library and checks it.
pub fn load_library(path: &Path) -> Result<Library, FileError> {
    load_library_digest(path).map(|(l, _)| l)
}

/// Writes a library atomically (keeping the previous file as `.bak`), refusing when the file
/// changed on disk since it was read (`expected`; `None` for a new file). Returns the digest of
/// what was written.
pub fn save_library_checked(
    path: &Path,
    library: &Library,
    expected: Option<[u8; 32]>,
) -> Result<[u8; 32], FileError> {
    super::json::save_json_checked(path, library, expected, MAX_BYTES)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::library::Entry;

    #[test]
    fn a_library_round_trips_and_a_broken_one_is_refused_by_name() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("lib.json");
        let mut lib = Library {
            name: "回答集".into(),
            ..Library::default()
        };
        lib.entries.push(Entry {
            id: "e1".into(),
            refs: vec!["6.5.C1".into()],
            ..Entry::default()
        });
        let sum = save_library_checked(&path, &lib, None).unwrap();
        let (back, read) = load_library_digest(&path).unwrap();
        assert_eq!(back, lib);
        assert_eq!(read, sum);
        lib.entries.push(lib.entries[0].clone());
        let dup = dir.path().join("dup.json");
        std::fs::write(&dup, serde_json::to_vec(&lib).unwrap()).unwrap();
        let err = load_library(&dup).unwrap_err();
        assert!(matches!(err, FileError::Library { .. }), "{err:?}");
        assert_eq!(err.path(), dup);
        let project = dir.path().join("p.json");
        std::fs::write(&project, r#"{"schema_version":1,"answers":{}}"#).unwrap();
        assert!(matches!(
            load_library(&project),
            Err(FileError::WrongKind { .. })
        ));
    }
}
