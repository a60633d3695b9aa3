//! Files in by the handful: the windows' lists of files (one list of chosen statements shared
//! by the comparison and the check; the 答え合わせ's own), files dropped on the window,
//! 「受領台帳から選ぶ」, and the register opened on the open statement's folder.

use crate::app::command::{Command, FileList, Purpose};
use crate::app::compare::file_label;
use crate::app::lists::{PickEntry, RegisterPick};
use crate::app::state::AppState;
use crate::i18n::Localize;
use std::path::{Path, PathBuf};

impl AppState {
    /// The list of a window that is open: the shared list of chosen statements for the
    /// comparison and the check, the participants' files for the 答え合わせ.
    fn list_mut(&mut self, list: FileList) -> Option<&mut Vec<PathBuf>> {
        let open = match list {
            FileList::Compare => self.view.compare.is_some(),
            FileList::Check => self.hospital.check.is_some(),
            FileList::Exercise => return self.view.exercise.as_mut().map(|f| &mut f.files),
            FileList::LibraryCheck => return self.library.check.as_mut().map(|f| &mut f.files),
            // Read at once, not kept as a list.
            FileList::Library => return None,
        };
        open.then_some(&mut self.view.chosen)
    }

    /// Files for a window's list, each once (a window that is closed takes none); a folder
    /// brings its statements (`.json`, `.xlsx`; not its sub-folders).
    pub(crate) fn add_files(&mut self, list: FileList, files: Vec<PathBuf>) {
        let mut expanded = Vec::new();
        for f in files {
            if !f.is_dir() {
                expanded.push(f);
                continue;
            }
            // A folder's statements: not its register, dossier, review or profile files.
            let statements = crate::io::hospital::statement_files(&f).map(|all| {
                let register = crate::io::hospital::load_register(&f).ok();
                let profile = register.and_then(|r| r.settings.profile);
                all.into_iter()
                    .filter(|p| {
                        profile.as_deref().map(str::trim) != p.file_name().and_then(|n| n.to_str())
                    })
                    .collect::<Vec<_>>()
            });
            match statements {
                Ok(all) => expanded.extend(all),
                Err(e) => {
                    let msg = e.localize(&self.loc);
                    self.fail(msg);
                }
            }
        }
        if list == FileList::Library {
            return self.library_read_files(expanded);
        }
        let Some(target) = self.list_mut(list) else {
            log::info!("files for a window that is closed: {expanded:?}");
            return;
        };
        for f in expanded {
            if !target.contains(&f) {
                target.push(f);
            }
        }
    }

    /// 外す: a file out of a window's list.
    pub(crate) fn remove_file(&mut self, list: FileList, file: &Path) {
        if let Some(target) = self.list_mut(list) {
            target.retain(|f| f != file);
        }
    }

    /// Files dropped on the window go into the list of the window that takes files (答え合わせ,
    /// then the check, then the comparison); with none open, the first is opened.
    pub(crate) fn files_dropped(&mut self, files: Vec<PathBuf>, now: f64) {
        let list = if self.library.check.is_some() {
            Some(FileList::LibraryCheck)
        } else if self.view.exercise.is_some() {
            Some(FileList::Exercise)
        } else if self.hospital.check.is_some() {
            Some(FileList::Check)
        } else if self.view.compare.is_some() {
            Some(FileList::Compare)
        } else {
            None
        };
        match (list, files.first()) {
            (Some(list), _) => self.add_files(list, files),
            (None, Some(first)) => self.apply(Command::Open(first.clone()), now),
            (None, None) => {}
        }
    }

    /// A window of the hospital side opens with the open statement (when it has a file) among
    /// the chosen statements.
    pub(crate) fn choose_open_statement(&mut self) {
        if let Some(path) = self.doc.as_ref().and_then(|d| d.path.clone())
            && !self.view.chosen.contains(&path)
        {
            self.view.chosen.push(path);
        }
    }

    /// The register folder: the register window's, else the open statement's folder.
    pub fn register_folder(&self) -> Option<PathBuf> {
        if let Some(r) = &self.hospital.register {
            return Some(r.folder.clone());
        }
        self.doc
            .as_ref()
            .and_then(|d| d.path.as_deref())
            .and_then(Path::parent)
            .filter(|p| p.is_dir())
            .map(Path::to_path_buf)
    }

    /// ファイル → 受領台帳…: the register of the open statement's folder; a folder is asked for
    /// when no statement with a file is open. An open register stays as it is.
    pub(crate) fn show_register(&mut self) {
        if self.hospital.register.is_some() {
            return;
        }
        let folder = self
            .doc
            .as_ref()
            .and_then(|d| d.path.as_deref())
            .and_then(Path::parent)
            .filter(|p| p.is_dir())
            .map(Path::to_path_buf);
        match folder {
            Some(folder) => self.open_register(folder),
            None => self.ask(Purpose::RegisterFolder),
        }
    }

    /// 「受領台帳から選ぶ」: the statements of the register folder (as the register window
    /// lists them when it is open; else the folder's statement files, less the register's
    /// profile), each with a tick box.
    pub(crate) fn pick_from_register(&mut self, list: FileList) {
        let Some(folder) = self.register_folder() else {
            let msg = self.loc.t("lists-no-register");
            return self.fail(msg);
        };
        let register = self
            .hospital
            .register
            .as_ref()
            .filter(|r| r.folder == folder);
        let files: Vec<(PathBuf, Option<String>)> = match register {
            Some(r) => r
                .lines
                .iter()
                .map(|l| {
                    let about = l.read.as_ref().ok().map(|r| {
                        [&r.vendor, &r.product, &r.version]
                            .iter()
                            .map(|s| s.trim())
                            .filter(|s| !s.is_empty())
                            .collect::<Vec<_>>()
                            .join(" / ")
                    });
                    (l.path.clone(), about.filter(|a| !a.is_empty()))
                })
                .collect(),
            None => match self.folder_statements(&folder) {
                Ok(files) => files.into_iter().map(|f| (f, None)).collect(),
                Err(msg) => return self.fail(msg),
            },
        };
        let listed = match list {
            FileList::Exercise => self.view.exercise.as_ref().map(|f| &f.files),
            FileList::LibraryCheck => self.library.check.as_ref().map(|f| &f.files),
            FileList::Library => None,
            FileList::Compare | FileList::Check => Some(&self.view.chosen),
        };
        let entries = files
            .into_iter()
            .map(|(path, about)| PickEntry {
                file: file_label(&path),
                added: listed.is_some_and(|l| l.contains(&path)),
                path,
                about,
                ticked: false,
            })
            .collect();
        self.view.register_pick = Some(RegisterPick {
            list,
            folder,
            entries,
        });
    }

    /// The statement files of a folder, less the profile its register names.
    fn folder_statements(&self, folder: &Path) -> Result<Vec<PathBuf>, String> {
        let register =
            crate::io::hospital::load_register(folder).map_err(|e| e.localize(&self.loc))?;
        let profile = register.settings.profile.map(|p| p.trim().to_string());
        let files =
            crate::io::hospital::statement_files(folder).map_err(|e| e.localize(&self.loc))?;
        Ok(files
            .into_iter()
            .filter(|f| profile.as_deref() != Some(file_label(f).as_str()))
            .collect())
    }

    pub(crate) fn register_pick_tick(&mut self, index: usize, on: bool) {
        if let Some(p) = &mut self.view.register_pick {
            p.tick(index, on);
        }
    }

    pub(crate) fn register_pick_all(&mut self) {
        if let Some(p) = &mut self.view.register_pick {
            p.tick_all();
        }
    }

    /// The register pick's 追加 (the ticked statements into its list) or キャンセル.
    pub(crate) fn register_pick_done(&mut self, add: bool) {
        let Some(pick) = self.view.register_pick.take() else {
            return;
        };
        let files = pick.ticked();
        if !add || files.is_empty() {
            return;
        }
        let count = files.len();
        self.add_files(pick.list, files);
        let msg = self.loc.ta("lists-added", &[("count", count.into())]);
        self.say(msg);
    }
}
