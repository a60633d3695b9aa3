//! Training: the exercise copy of the open statement, the check of an exercise against its
//! model (the window's 「答え合わせ」 and `kaijisho exercise check`) and its report.

use crate::app::command::Command;
use crate::app::exercise::*;
use crate::app::state::AppState;
use crate::app::tasks::{BoxedError, Outcome, TaskKind};
use crate::assets;
use crate::domain::catalogue::Catalogue;
use crate::domain::exercise::exercise_copy;
use crate::domain::project::Project;
use crate::i18n::Localize;
use crate::io::FileError;
use crate::io::pdf::report_pdf;
use std::path::PathBuf;

impl AppState {
    /// Writes the exercise copy of the open statement and opens it.
    pub(crate) fn make_exercise(&mut self, path: PathBuf, now: f64) {
        if self.refuse_own_file(&path) {
            return;
        }
        let Some(d) = &self.doc else { return };
        let copy = exercise_copy(&d.catalogue, &d.project);
        match crate::io::save_project(&path, &copy) {
            Ok(()) => {
                self.apply(Command::Open(path.clone()), now);
                if self.doc.as_ref().and_then(|d| d.path.as_ref()) == Some(&path) {
                    self.say_file("exercise-copied", &path);
                }
            }
            Err(e) => {
                let msg = e.localize(&self.loc);
                self.fail(msg);
            }
        }
    }

    /// Checks the open statement against the statement in `path` (one of them the model, the
    /// other an exercise copy).
    /// The other statement is read in the background; [`Self::exercise_opened`] checks it.
    pub(crate) fn check_exercise(&mut self, path: PathBuf) {
        if self.doc.is_none() {
            return;
        }
        let shipped = self.catalogues.clone();
        self.compare_generation += 1;
        let generation = self.compare_generation;
        let file = path.clone();
        self.tasks.spawn(TaskKind::Compare, path, move |_| {
            Outcome::OpenedForExercise {
                generation,
                result: crate::io::open_statement(
                    &file,
                    &shipped,
                    crate::assets::import_vocabulary(),
                )
                .map(Box::new),
            }
        });
    }

    /// The other statement of a 答え合わせ has been read: check the pair.
    pub(crate) fn exercise_opened(
        &mut self,
        generation: u64,
        result: Result<Box<(Project, Catalogue)>, FileError>,
    ) {
        if generation != self.compare_generation {
            log::info!("an earlier 答え合わせ finished after a newer one was asked for");
            return;
        }
        let Some(d) = &self.doc else { return };
        let mine = (d.project.clone(), d.catalogue.clone());
        let opened = result.map_err(|e| e.localize(&self.loc)).and_then(|other| {
            let other = *other;
            let product = if mine.0.exercise.is_some() {
                mine.0.header.product.clone()
            } else {
                other.0.header.product.clone()
            };
            check_pair(&mine, &other, &self.loc).map(|result| ExerciseView { result, product })
        });
        match opened {
            Ok(view) => self.exercise = Some(view),
            Err(msg) => self.fail(msg),
        }
    }

    /// Writes the 答え合わせ PDF in the background (its words are taken here, in the user's
    /// language).
    pub(crate) fn export_exercise_pdf(&mut self, path: PathBuf) {
        let Some(view) = &self.exercise else { return };
        let title = self.loc.ta(
            "exercise-pdf-title",
            &[("product", view.product.clone().into())],
        );
        let lines = report_lines(&self.loc, &view.result);
        let file = path.clone();
        self.tasks.spawn(TaskKind::Export, path, move |_| {
            let result = (|| -> Result<Vec<crate::io::pdf::PdfNote>, BoxedError> {
                let font = assets::print_font().map_err(|e| Box::new(e) as BoxedError)?;
                let pdf =
                    report_pdf(&title, &lines, font).map_err(|e| Box::new(e) as BoxedError)?;
                crate::io::atomic::atomic_write(&file, |w| w.write_all(&pdf.bytes))
                    .map_err(|e| Box::new(e) as BoxedError)?;
                Ok(pdf.notes)
            })();
            Outcome::Exported { path: file, result }
        });
    }
}
