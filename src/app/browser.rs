//! The in-app file browser of the path prompt, for systems without a native file dialog:
//! the folder, its sub-folders and the files a prompt works with (filtered by extension,
//! folders first, sorted by name), and a file name. The window draws it; this is its logic.

use std::path::{Path, PathBuf};

use crate::io::folder::FolderEntry;

use super::files::extension_of;

pub use super::view::{FileBrowser, PathPrompt};

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

impl FileBrowser {
    /// The names of the files shown (not the folders), in order.
    fn files(&self) -> impl Iterator<Item = &str> {
        self.entries
            .iter()
            .filter(|e| !e.is_dir)
            .map(|e| e.name.as_str())
    }

    /// A click on the file `name`. Alone (or in a prompt for one file) it chooses that file;
    /// with `toggle` (Ctrl) it adds or takes away that file; with `range` (Shift) it chooses
    /// the files from the last one clicked to this one. Returns the name the field shows.
    pub fn click(&mut self, name: &str, toggle: bool, range: bool) -> String {
        if !self.files().any(|f| f == name) {
            return self.name.clone();
        }
        let anchor = self.anchor.clone().unwrap_or_else(|| name.to_string());
        let chosen: Vec<String> = if !self.multi || (!toggle && !range) {
            vec![name.to_string()]
        } else if range {
            let at = |n: &str| self.files().position(|f| f == n);
            let (a, b) = (at(&anchor).or(at(name)), at(name));
            match (a, b) {
                (Some(a), Some(b)) => self
                    .files()
                    .skip(a.min(b))
                    .take(a.abs_diff(b) + 1)
                    .map(str::to_string)
                    .collect(),
                _ => vec![name.to_string()],
            }
        } else {
            let on = !self.selected.iter().any(|s| s == name);
            self.files()
                .filter(|f| {
                    if *f == name {
                        on
                    } else {
                        self.selected.iter().any(|s| s == f)
                    }
                })
                .map(str::to_string)
                .collect()
        };
        if !range {
            self.anchor = Some(name.to_string());
        }
        let shown = if chosen.iter().any(|c| c == name) {
            name.to_string()
        } else {
            chosen.last().cloned().unwrap_or_default()
        };
        self.selected = chosen;
        shown
    }

    /// 「すべて選択」: every file shown. Returns the name the field shows.
    pub fn select_all(&mut self) -> String {
        if !self.multi {
            return self.name.clone();
        }
        self.selected = self.files().map(str::to_string).collect();
        if self.selected.contains(&self.name) {
            self.name.clone()
        } else {
            self.selected.first().cloned().unwrap_or_default()
        }
    }

    /// The files chosen (in the folder's order), when `typed` is one of them and there are
    /// several: the prompt's OK takes them all.
    pub fn chosen_with(&self, typed: &Path) -> Option<Vec<PathBuf>> {
        let paths: Vec<PathBuf> = self.selected.iter().map(|n| self.folder.join(n)).collect();
        (paths.len() > 1 && paths.iter().any(|p| p == typed)).then_some(paths)
    }
}

impl PathPrompt {
    /// A click on a file in the browser ([`FileBrowser::click`]): the path is the file shown.
    pub fn browser_click(&mut self, name: &str, toggle: bool, range: bool) {
        if let Some(b) = &mut self.browser {
            let shown = b.click(name, toggle, range);
            self.show_browser_name(shown);
        }
    }

    /// 「すべて選択」 in the browser.
    pub fn browser_select_all(&mut self) {
        if let Some(b) = &mut self.browser {
            let shown = b.select_all();
            self.show_browser_name(shown);
        }
    }

    /// The name field and the path show `name` (the selection stays as it is).
    fn show_browser_name(&mut self, name: String) {
        if let Some(b) = &mut self.browser {
            if !name.is_empty() {
                self.text = b.folder.join(&name).display().to_string();
            }
            b.name = name;
        }
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

    fn browser(multi: bool) -> FileBrowser {
        FileBrowser {
            folder: PathBuf::from("/in"),
            entries: vec![
                e("sub", true),
                e("a.json", false),
                e("b.json", false),
                e("c.json", false),
                e("d.json", false),
            ],
            multi,
            ..FileBrowser::default()
        }
    }

    #[test]
    fn ctrl_toggles_shift_selects_a_range_and_all_selects_every_file() {
        let mut b = browser(true);
        assert_eq!(b.click("b.json", false, false), "b.json");
        assert_eq!(b.click("d.json", true, false), "d.json");
        assert_eq!(b.selected, ["b.json", "d.json"]);
        // Ctrl-click on a chosen file takes it away; the field shows another chosen one.
        assert_eq!(b.click("d.json", true, false), "b.json");
        assert_eq!(b.selected, ["b.json"]);
        // Shift-click: from the last one clicked (d) to a.
        b.click("a.json", true, false);
        b.click("d.json", true, false);
        b.click("b.json", false, true);
        assert_eq!(b.selected, ["b.json", "c.json", "d.json"]);
        // A folder is never chosen; a plain click chooses one file again.
        b.click("sub", true, false);
        assert_eq!(b.selected, ["b.json", "c.json", "d.json"]);
        b.click("c.json", false, false);
        assert_eq!(b.selected, ["c.json"]);
        b.select_all();
        assert_eq!(b.selected, ["a.json", "b.json", "c.json", "d.json"]);
        let all = b.chosen_with(Path::new("/in/c.json")).unwrap();
        assert_eq!(all.len(), 4);
        assert!(b.chosen_with(Path::new("/elsewhere/c.json")).is_none());
    }

    #[test]
    fn a_prompt_for_one_file_keeps_one() {
        let mut b = browser(false);
        b.click("a.json", false, false);
        b.click("c.json", true, false);
        b.click("d.json", false, true);
        assert_eq!(b.selected, ["d.json"]);
        assert!(b.chosen_with(Path::new("/in/d.json")).is_none());
    }
}
