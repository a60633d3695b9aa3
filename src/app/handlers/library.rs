//! The answer library's commands: a new or opened library, its edits (checked first, undoable),
//! the entries taken from statements (「開示書から回答集に追加」) and the open statement filled
//! from it (「回答集から記入」, one undo step).

use std::path::{Path, PathBuf};

use crate::app::command::LibraryCommand;
use crate::app::document::DocKind;
use crate::app::library::{FillRequest, entries_of, entries_of_file, file_name, fill_plan};
use crate::app::library_view::{AddForm, FillForm, LibraryView};
use crate::app::state::AppState;
use crate::app::tasks::{Outcome, TaskKind};
use crate::domain::library::{Entry, LibraryEdit};
use crate::i18n::Localize;
use crate::io::FileError;

impl AppState {
    /// What each library command does (its edits go through [`Self::library_edit`]).
    pub(crate) fn library_command(&mut self, c: LibraryCommand, now: f64) {
        match c {
            LibraryCommand::New => self.new_library(),
            LibraryCommand::Open(path) => self.open_library(&path),
            LibraryCommand::Save => self.save_document(DocKind::Library, None, false, now),
            LibraryCommand::SaveAs(path) => {
                self.save_document(DocKind::Library, Some(path), false, now);
            }
            LibraryCommand::Close => self.library.view = None,
            LibraryCommand::Select(id) => self.library_select(id),
            LibraryCommand::ShowAdd => self.show_library_add(),
            LibraryCommand::AddOpen => self.library_add_open(),
            LibraryCommand::AddTick(i, on) => self.library_add_tick(i, on),
            LibraryCommand::AddAll => self.library_add_all(),
            LibraryCommand::AddDone(add) => self.library_add_done(add, now),
            LibraryCommand::ShowFill => self.show_library_fill(),
            LibraryCommand::CloseFill => self.library.fill = None,
            LibraryCommand::Fill {
                max_age_months,
                overwrite,
            } => self.library_fill(max_age_months, overwrite, now),
            LibraryCommand::ShowCheck => self.show_library_check(),
            LibraryCommand::CloseCheck => self.library.check = None,
            LibraryCommand::RunCheck(with_library) => self.run_library_check(with_library),
            LibraryCommand::OpenPlace(path, question) => self.open_library_place(path, question),
        }
    }

    /// 回答集 → 新しい回答集 (the open one was asked about first).
    pub(crate) fn new_library(&mut self) {
        self.library.view = Some(LibraryView::new());
        self.recent_edits.retain(|k| *k != DocKind::Library);
    }

    /// Reads a library file into the window (the open one was asked about first).
    pub(crate) fn open_library(&mut self, path: &Path) {
        let path = std::path::absolute(path).unwrap_or_else(|_| path.to_path_buf());
        match LibraryView::open(&path) {
            Ok(view) => {
                self.library.view = Some(view);
                self.recent_edits.retain(|k| *k != DocKind::Library);
                self.settings.used_folder_of(&path);
                self.say_file("status-opened", &path);
            }
            Err(e) => {
                let msg = e.localize(&self.loc);
                self.fail(msg);
            }
        }
    }

    /// Changes the library (checked first; undoable).
    pub(crate) fn library_edit(&mut self, edit: LibraryEdit, now: f64) {
        let Some(view) = &mut self.library.view else {
            return;
        };
        match view.edit(edit, now) {
            Ok(true) => self.edited(DocKind::Library),
            Ok(false) => {}
            Err(e) => {
                let msg = e.localize(&self.loc);
                self.fail(msg);
            }
        }
    }

    /// Chooses an entry in the library window (from its list, or a place of the check).
    pub(crate) fn library_select(&mut self, id: Option<String>) {
        let Some(view) = &mut self.library.view else {
            let msg = self.loc.t("library-none-open");
            return self.fail(msg);
        };
        if let Some(id) = &id
            && view.library().entry(id).is_none()
        {
            let msg = self
                .loc
                .ta("library-edit-no-entry", &[("entry", id.into())]);
            return self.fail(msg);
        }
        // The entry chosen is shown, whatever the filter.
        if id.is_some() {
            view.filter.clear();
        }
        view.selected = id;
    }

    /// 「開示書から回答集に追加…」: the dialog, with the open statement's answers offered.
    pub(crate) fn show_library_add(&mut self) {
        if self.library.add.is_none() {
            self.library.add = Some(AddForm::default());
        }
        if self.doc.is_some() {
            self.library_add_open();
        }
    }

    /// The open statement's answered questions, offered (ticked) in the dialog.
    pub(crate) fn library_add_open(&mut self) {
        let Some(d) = &self.doc else {
            let msg = self.loc.t("library-add-no-statement");
            return self.fail(msg);
        };
        let path = d
            .path
            .clone()
            .unwrap_or_else(|| PathBuf::from(self.loc.t("library-unsaved-statement")));
        let entries = entries_of(&path, &d.catalogue, &d.project, None, self.clock.today());
        let form = self.library.add.get_or_insert_with(AddForm::default);
        form.offer(file_name(&path), entries);
    }

    /// Statement files chosen for the dialog: read in the background, their answers offered.
    pub(crate) fn library_read_files(&mut self, files: Vec<PathBuf>) {
        let Some(first) = files.first().cloned() else {
            return;
        };
        self.library.add.get_or_insert_with(AddForm::default);
        self.library.read_generation += 1;
        let generation = self.library.read_generation;
        let shipped = self.catalogues.clone();
        let today = self.clock.today();
        self.tasks
            .spawn(TaskKind::LibraryRead, first, move |progress| {
                progress.set_total(files.len());
                let read = files
                    .into_iter()
                    .map(|f| {
                        let entries = entries_of_file(&f, &shipped, today);
                        progress.step();
                        (f, entries)
                    })
                    .collect();
                Outcome::LibraryRead { generation, read }
            });
    }

    /// Statements read for the dialog: their answers offered, what could not be read said.
    pub(crate) fn library_read(
        &mut self,
        generation: u64,
        read: Vec<(PathBuf, Result<Vec<Entry>, FileError>)>,
    ) {
        if generation != self.library.read_generation {
            log::info!("an earlier read of statements for the library finished late");
            return;
        }
        let Some(form) = &mut self.library.add else {
            log::info!("statements read for a library dialog that is closed");
            return;
        };
        let mut problems = Vec::new();
        for (path, result) in read {
            match result {
                Ok(entries) => form.offer(file_name(&path), entries),
                Err(e) => problems.push(e.localize(&self.loc)),
            }
        }
        for p in &problems {
            log::warn!("{p}");
        }
        form.problems.extend(problems.iter().cloned());
        if let Some(first) = problems.into_iter().next() {
            self.fail(first);
        }
    }

    pub(crate) fn library_add_tick(&mut self, index: usize, on: bool) {
        if let Some(f) = &mut self.library.add {
            f.tick(index, on);
        }
    }

    pub(crate) fn library_add_all(&mut self) {
        if let Some(f) = &mut self.library.add {
            f.tick_all();
        }
    }

    /// The dialog's 追加: the ticked answers into the open library (a new one when none is
    /// open), one undo step; or キャンセル.
    pub(crate) fn library_add_done(&mut self, add: bool, now: f64) {
        let Some(form) = self.library.add.take() else {
            return;
        };
        let entries = form.ticked();
        if !add || entries.is_empty() {
            return;
        }
        let view = self.library.view.get_or_insert_with(LibraryView::new);
        let before = view.library().entries.len();
        let count = entries.len();
        self.library_edit(LibraryEdit::Add(entries), now);
        let after = self
            .library
            .view
            .as_ref()
            .map_or(before, |v| v.library().entries.len());
        if self.status.as_ref().is_some_and(|s| s.error) {
            return;
        }
        let msg = self.loc.ta(
            "library-added",
            &[
                ("count", count.into()),
                ("new", after.saturating_sub(before).into()),
            ],
        );
        self.say(msg);
    }

    /// 「回答集から記入…」: the dialog (age limit, overwrite).
    pub(crate) fn show_library_fill(&mut self) {
        if self.doc.is_none() {
            let msg = self.loc.t("library-add-no-statement");
            return self.fail(msg);
        }
        self.library.fill = Some(FillForm::default());
    }

    /// Fills the open statement from the open library: every proposal in one edit (one undo
    /// step), each marked 要確認 with the entry it came from; the counts said.
    pub(crate) fn library_fill(&mut self, max_age_months: u32, overwrite: bool, now: f64) {
        let (Some(view), Some(d)) = (&self.library.view, &self.doc) else {
            let msg = self.loc.t("library-none-open");
            return self.fail(msg);
        };
        let req = FillRequest {
            max_age_months,
            overwrite,
            today: self.clock.today(),
        };
        let plan = fill_plan(view.library(), view.file(), &d.catalogue, &d.project, &req);
        self.library.fill = None;
        if let Some(edit) = plan.edit {
            self.edit(edit, now);
            if self.status.as_ref().is_some_and(|s| s.error) {
                return;
            }
        }
        let msg = self.loc.ta(
            "library-filled",
            &[
                ("filled", plan.filled.len().into()),
                ("stale", plan.stale.len().into()),
                ("offered", plan.offered.len().into()),
                ("kept", plan.kept.into()),
                ("unmatched", plan.unmatched.into()),
            ],
        );
        self.say(msg);
        // The first filled question, to confirm from.
        if let (Some(first), Some(d)) = (plan.filled.first(), &mut self.doc) {
            d.selected = Some(first.clone());
        }
    }
}
