//! The in-app file browser of the path prompt, for systems without a native file dialog:
//! the folder, its sub-folders and the files a prompt works with (filtered by extension,
//! folders first, sorted by name), and a file name. The window draws it; this is its logic.

use std::path::Path;

use crate::io::folder::FolderEntry;

use super::files::extension_of;

pub use super::view::FileBrowser;

/// The entries a browser shows: no hidden ones, folders first, files only with one of
/// `extensions` (any case), each group sorted by name (case folded).
pub fn shown_entries(mut all: Vec<FolderEntry>, extensions: &[&str]) -> Vec<FolderEntry> {
    all.retain(|e| {
        !e.name.starts_with('.')
            && (e.is_dir || extensions.contains(&extension_of(Path::new(&e.name)).as_str()))
    });
    all.sort_by_cached_key(|e| (!e.is_dir, e.name.to_lowercase(), e.name.clone()));
    all
}

#[cfg(test)]
mod tests {
    use super::*;

    fn e(name: &str, is_dir: bool) -> FolderEntry {
        FolderEntry {
            name: name.into(),
            is_dir,
        }
    }

    #[test]
    fn folders_first_then_matching_files_by_name_without_hidden_ones() {
        let all = vec![
            e("b.JSON", false),
            e("notes.txt", false),
            e("Zeta", true),
            e(".hidden", true),
            e("a.json", false),
            e("alpha", true),
            e("c.xlsx", false),
        ];
        let names: Vec<String> = shown_entries(all, &["json"])
            .into_iter()
            .map(|e| e.name)
            .collect();
        assert_eq!(names, ["alpha", "Zeta", "a.json", "b.JSON"]);
    }
}
