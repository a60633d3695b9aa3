//! The in-app file browser of the path prompt, for systems without a native file dialog:
//! the folder, its sub-folders and the files a prompt works with (filtered by extension,
//! folders first, sorted by name), and a file name. The window draws it; this is its logic.

use std::path::{Path, PathBuf};

use crate::i18n::Localize;
use crate::io::folder::{FolderEntry, list_folder};

use super::files::{extension_of, start_folder};
use super::state::AppState;
use super::view::PathPrompt;

/// What the browser shows.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct FileBrowser {
    pub folder: PathBuf,
    /// Sub-folders, then matching files, each sorted by name.
    pub entries: Vec<FolderEntry>,
    /// The file name (typed, clicked or suggested).
    pub name: String,
    /// Why the folder could not be listed (in the user's language).
    pub error: Option<String>,
}

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

impl PathPrompt {
    /// The file name in the browser changed: the path becomes that name in its folder.
    pub fn set_browser_name(&mut self, name: String) {
        if let Some(b) = &mut self.browser {
            self.text = b.folder.join(&name).display().to_string();
            b.name = name;
        }
    }
}

impl AppState {
    /// Shows `folder` in the prompt's browser (opening the browser at the folder of the typed
    /// path, or the start folder, when `folder` is `None`).
    pub(super) fn browse(&mut self, folder: Option<PathBuf>) {
        let start = start_folder(&self.settings);
        let Some(prompt) = &mut self.view.prompt else {
            return;
        };
        let typed = PathBuf::from(prompt.text.trim());
        let name = match &prompt.browser {
            Some(b) => b.name.clone(),
            None if typed.is_dir() => String::new(),
            None => typed
                .file_name()
                .map(|n| n.to_string_lossy().into_owned())
                .unwrap_or_default(),
        };
        let from_text = if typed.is_dir() {
            Some(typed.clone())
        } else {
            typed.parent().filter(|p| p.is_dir()).map(Path::to_path_buf)
        };
        let Some(folder) = folder.or(from_text.filter(|p| p.is_absolute())).or(start) else {
            return;
        };
        let (entries, error) = match list_folder(&folder) {
            Ok(all) => (shown_entries(all, prompt.purpose.extensions()), None),
            Err(e) => (Vec::new(), Some(e.localize(&self.loc))),
        };
        if let Some(e) = &error {
            log::warn!("{e}");
        }
        prompt.browser = Some(FileBrowser {
            folder,
            entries,
            name: String::new(),
            error,
        });
        prompt.set_browser_name(name);
    }

    /// The native file dialog is not there (no portal, no helper): the in-app browser instead,
    /// now and for the rest of the session.
    pub(super) fn native_dialog_missing(&mut self) {
        log::warn!("no native file dialog: using the in-app file browser");
        self.view.native_dialog_missing = true;
        self.browse(None);
    }
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
