//! The answer library's consistency check (「整合性チェック…」): statements checked against each
//! other and, when asked, against the open library's file, in the background; a place it names
//! opens that statement at that question.

use std::path::PathBuf;

use crate::app::library::{CheckOutcome, check_files};
use crate::app::library_view::CheckForm;
use crate::app::state::AppState;
use crate::app::tasks::{Outcome, TaskKind};
use crate::i18n::Localize;
use crate::io::FileError;

impl AppState {
    /// The check window, with the open statement (when it has a file) among its statements.
    pub(crate) fn show_library_check(&mut self) {
        let form = self.library.check.get_or_insert_with(CheckForm::default);
        if let Some(path) = self.doc.as_ref().and_then(|d| d.path.clone())
            && !form.files.contains(&path)
        {
            form.files.push(path);
        }
        if form.outcome.is_none() {
            form.with_library = self
                .library
                .view
                .as_ref()
                .is_some_and(|v| v.file().is_some());
        }
    }

    /// Checks the window's statements (and the open library's file when `with_library`) in
    /// the background.
    pub(crate) fn run_library_check(&mut self, with_library: bool) {
        let Some(form) = &mut self.library.check else {
            return;
        };
        form.with_library = with_library;
        let files = form.files.clone();
        let library = if with_library {
            match self.library.view.as_ref().map(|v| v.file()) {
                Some(Some(path)) => Some(path.to_path_buf()),
                _ => {
                    let msg = self.loc.t("library-check-no-file");
                    return self.fail(msg);
                }
            }
        } else {
            None
        };
        let Some(first) = files.first().cloned() else {
            let msg = self.loc.t("library-check-no-statements");
            return self.fail(msg);
        };
        let words = match crate::assets::library_words() {
            Ok(w) => w,
            Err(e) => {
                let msg = e.localize(&self.loc);
                return self.fail(msg);
            }
        };
        self.library.check_generation += 1;
        let generation = self.library.check_generation;
        let shipped = self.catalogues.clone();
        let today = self.clock.today();
        self.tasks
            .spawn(TaskKind::LibraryCheck, first, move |progress| {
                let result = check_files(
                    &files,
                    library.as_deref(),
                    &shipped,
                    &words,
                    today,
                    progress,
                );
                Outcome::LibraryChecked {
                    generation,
                    result: result.map(Box::new),
                }
            });
    }

    /// The check has finished: its findings shown in the window (an older one's dropped).
    pub(crate) fn library_checked(
        &mut self,
        generation: u64,
        result: Result<Box<CheckOutcome>, FileError>,
    ) {
        if generation != self.library.check_generation {
            log::info!("an earlier library check finished after a newer one");
            return;
        }
        let outcome = match result {
            Ok(o) => {
                // The statements not read were logged by the check itself.
                let msg = self.loc.ta(
                    "library-check-done",
                    &[
                        ("count", o.report.findings.len().into()),
                        ("files", o.read.len().into()),
                    ],
                );
                self.say(msg);
                Ok(*o)
            }
            Err(e) => {
                let msg = e.localize(&self.loc);
                self.fail(msg.clone());
                Err(msg)
            }
        };
        match &mut self.library.check {
            Some(form) => form.outcome = Some(outcome),
            None => log::info!("a library check finished after its window was closed"),
        }
    }

    /// A place of the check: its statement opened (to edit) at that question.
    pub(crate) fn open_library_place(&mut self, path: PathBuf, question: String) {
        self.open(path);
        self.show_opened_at(question);
    }
}
