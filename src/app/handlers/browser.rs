//! The in-app file browser of the path prompt, for systems without a native file dialog:
//! the folder, its sub-folders and the files a prompt works with (filtered by extension,
//! folders first, sorted by name), and a file name. The window draws it; this is its logic.

use crate::app::browser::*;
use crate::app::command::Purpose;
use crate::app::files::start_folder;
use crate::app::state::AppState;
use crate::i18n::Localize;
use crate::io::folder::list_folder;
use std::path::{Path, PathBuf};

impl AppState {
    /// Shows `folder` in the prompt's browser (opening the browser at the folder of the typed
    /// path, or the start folder, when `folder` is `None`).
    pub(crate) fn browse(&mut self, folder: Option<PathBuf>) {
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
            error,
            multi: matches!(prompt.purpose, Purpose::AddFile(_)),
            ..FileBrowser::default()
        });
        prompt.set_browser_name(name);
    }

    /// A click on a file of the browser: alone, with Ctrl (`toggle`) or Shift (`range`).
    pub(crate) fn browser_click(&mut self, name: &str, toggle: bool, range: bool) {
        if let Some(p) = &mut self.view.prompt {
            p.browser_click(name, toggle, range);
        }
    }

    /// 「すべて選択」 in the browser.
    pub(crate) fn browser_select_all(&mut self) {
        if let Some(p) = &mut self.view.prompt {
            p.browser_select_all();
        }
    }

    /// The native file dialog is not there (no portal, no helper): the in-app browser instead,
    /// now and for the rest of the session.
    pub(crate) fn native_dialog_missing(&mut self) {
        log::warn!("no native file dialog: using the in-app file browser");
        self.view.native_dialog_missing = true;
        self.browse(None);
    }
}
