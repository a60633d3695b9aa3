//! Training: the exercise copy of the open statement, the 答え合わせ window (a class of
//! participants' files checked against the model, see [`crate::app::exercise_class`]) and its
//! report.

use crate::app::command::{Command, Purpose};
use crate::app::compare::{PreparedExport, write_prepared};
use crate::app::documents::ExportFormat;
use crate::app::exercise_class::{
    ClassError, ClassRun, ExerciseView, Given, ModelChoice, class_report_lines, class_tables,
    run_class,
};
use crate::app::state::AppState;
use crate::app::tasks::{Outcome, TaskKind};
use crate::app::view::{ClassTab, ExerciseForm};
use crate::domain::exercise::exercise_copy;
use crate::i18n::Localize;
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

    /// 「答え合わせ…」: the window where the participants' files are gathered.
    pub(crate) fn show_exercise(&mut self) {
        if self.view.exercise.is_none() {
            self.view.exercise = Some(ExerciseForm::default());
        }
    }

    /// Checks the open statement and `files` as a class, in the background: the open
    /// statement is the model, or (an exercise copy) one participant, the model then being
    /// the one file of the list that is not a copy.
    pub(crate) fn check_exercise(&mut self, files: Vec<PathBuf>) {
        let Some(d) = &self.doc else { return };
        let Some(first) = files.first().cloned() else {
            return;
        };
        let given = Given {
            opened: (d.project.clone(), d.catalogue.clone()),
            file: d.path.clone(),
        };
        let choice = if d.project.exercise.is_some() {
            ModelChoice::AmongFiles(given)
        } else {
            ModelChoice::Given(given)
        };
        let shipped = self.catalogues.clone();
        let unnamed = self.loc.t("exercise-unnamed");
        self.compare_generation += 1;
        let generation = self.compare_generation;
        self.tasks.spawn(TaskKind::Compare, first, move |progress| {
            Outcome::ClassChecked {
                generation,
                result: run_class(choice, &files, &shipped, progress, &unnamed).map(Box::new),
            }
        });
    }

    /// A class check finished: show it (what could not be checked is listed in the window).
    pub(crate) fn class_checked(
        &mut self,
        generation: u64,
        result: Result<Box<ClassRun>, ClassError>,
    ) {
        if generation != self.compare_generation {
            log::info!("an earlier 答え合わせ finished after a newer one was asked for");
            return;
        }
        match result {
            Ok(run) => {
                let unnamed = self.loc.t("exercise-unnamed");
                for r in run.refusals(&self.loc, &unnamed) {
                    log::warn!("{r}");
                }
                if let Some(form) = &mut self.view.exercise
                    && matches!(form.tab, ClassTab::Participant(i) if i >= run.class.participants.len())
                {
                    form.tab = ClassTab::Participants;
                }
                let date = crate::io::clock::japanese(self.clock.now().date());
                self.exercise = Some(ExerciseView { run: *run, date });
            }
            Err(e) => {
                let msg = e.localize(&self.loc);
                self.fail(msg);
            }
        }
    }

    /// Writes the 答え合わせ as PDF or workbook in the background (its words are taken here, in
    /// the user's language).
    pub(crate) fn export_exercise(&mut self, path: PathBuf, format: ExportFormat) {
        let inputs = self.inputs_of(Purpose::ExercisePdf);
        if self.refuse_inputs(&path, &inputs) {
            return;
        }
        let Some(view) = &self.exercise else { return };
        let prepared = match format {
            ExportFormat::Pdf => {
                let title = self.loc.ta(
                    "exercise-class-title",
                    &[("product", view.run.product.clone().into())],
                );
                let head = self.report_head(title.clone());
                let mut lines = provenance_lines(&self.loc, &view.run, &head);
                lines.extend(class_report_lines(&self.loc, &view.run, &view.date));
                PreparedExport::PdfHeaded { head, title, lines }
            }
            ExportFormat::Xlsx => {
                let mut tables = class_tables(&self.loc, &view.run, &view.date);
                // Who printed it and when, above the first sheet's table as on the PDF's pages.
                let head = self.report_head(String::new());
                if let Some(t) = tables.first_mut() {
                    let lines = provenance_lines(&self.loc, &view.run, &head);
                    t.lines.splice(0..0, lines.into_iter().map(|l| l.text));
                }
                PreparedExport::Xlsx(tables)
            }
        };
        let file = path.clone();
        self.tasks
            .spawn(TaskKind::Export, path, move |_| Outcome::Exported {
                result: write_prepared(&prepared, &file),
                path: file,
            });
    }

    /// Closes the 答え合わせ window and forgets its result.
    pub(crate) fn close_exercise(&mut self) {
        self.view.exercise = None;
        self.exercise = None;
    }
}

/// Who printed the 答え合わせ and when, and the model and each copy checked with its
/// fingerprint.
fn provenance_lines(
    l: &crate::i18n::Localizer,
    run: &crate::app::exercise_class::ClassRun,
    head: &crate::io::pdf::RunningHead,
) -> Vec<crate::io::pdf::ReportLine> {
    use crate::app::provenance::{head_lines, statement_line};
    use crate::io::pdf::{ReportLine, Style};
    let statements = run
        .identities
        .iter()
        .enumerate()
        .map(|(i, (file, id))| statement_line(l, i + 1, file, id));
    head_lines(head)
        .into_iter()
        .chain(statements)
        .map(|t| ReportLine::new(Style::Detail, t, false))
        .collect()
}
