//! Listing a folder for the in-app file browser (used where no native file dialog exists).

use std::path::Path;

use super::read::ReadError;

/// One entry of a folder: its name and whether it is a folder (links followed).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FolderEntry {
    pub name: String,
    pub is_dir: bool,
}

/// The entries of a folder, in no particular order. Entries whose name is not valid Unicode
/// or whose type cannot be read are left out (they cannot be typed into the path field either).
pub fn list_folder(dir: &Path) -> Result<Vec<FolderEntry>, ReadError> {
    let io = |source| ReadError::Io {
        path: dir.to_path_buf(),
        source,
    };
    let mut out = Vec::new();
    for entry in std::fs::read_dir(dir).map_err(io)? {
        let entry = match entry {
            Ok(entry) => entry,
            Err(e) => {
                log::info!("file browser: an entry of {}: {e}", dir.display());
                continue;
            }
        };
        let Ok(name) = entry.file_name().into_string() else {
            log::info!("file browser: {} is not Unicode", entry.path().display());
            continue;
        };
        // A link counts as what it points to.
        let meta = match std::fs::metadata(entry.path()) {
            Ok(meta) => meta,
            Err(e) => {
                log::info!("file browser: {}: {e}", entry.path().display());
                continue;
            }
        };
        out.push(FolderEntry {
            name,
            is_dir: meta.is_dir(),
        });
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lists_files_and_folders_and_names_the_folder_it_cannot_read() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::create_dir(dir.path().join("sub")).unwrap();
        std::fs::write(dir.path().join("a.json"), "{}").unwrap();
        let mut got = list_folder(dir.path()).unwrap();
        got.sort_by(|a, b| a.name.cmp(&b.name));
        assert_eq!(
            got,
            vec![
                FolderEntry {
                    name: "a.json".into(),
                    is_dir: false
                },
                FolderEntry {
                    name: "sub".into(),
                    is_dir: true
                },
            ]
        );
        let missing = dir.path().join("missing");
        match list_folder(&missing) {
            Err(ReadError::Io { path, .. }) => assert_eq!(path, missing),
            other => panic!("{other:?}"),
        }
    }
}
