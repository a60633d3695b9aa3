//! Training: the exercise copy of the open statement, the check of an exercise against its
//! model (the window's 「答え合わせ」 and `kaijisho exercise check`) and its report.

use std::path::{Path, PathBuf};

use crate::assets;
use crate::domain::catalogue::Catalogue;
use crate::domain::compare::{Cell, Side};
use crate::domain::exercise::{ExerciseCheck, Verdict, check, exercise_copy, model_and_exercise};
use crate::domain::project::Project;
use crate::i18n::{Localize, Localizer};
use crate::io::FileError;
use crate::io::pdf::{ReportLine, Style, report_pdf};

use super::command::Command;
use super::state::AppState;
use super::tasks::{BoxedError, Outcome, TaskKind};

/// A statement opened for an exercise: its project and catalogue.
pub type Opened = (Project, Catalogue);

/// Checks two statements, in either order (the exercise copy is recognised by what it
/// records); the message is in the user's language.
pub fn check_pair(a: &Opened, b: &Opened, l: &Localizer) -> Result<ExerciseCheck, String> {
    fn side(o: &Opened) -> Side<'_> {
        Side {
            catalogue: &o.1,
            project: &o.0,
        }
    }
    let checked = model_and_exercise(side(a), side(b)).and_then(|(m, e)| check(m, e));
    checked.map_err(|e| e.localize(l))
}

fn verdict_label(l: &Localizer, v: Verdict) -> String {
    l.t(&format!("exercise-{}", v.key()))
}

/// "同じ 3 · 違う 1 · 未回答 2 / 6 問".
pub fn score_line(l: &Localizer, same: usize, different: usize, unanswered: usize) -> String {
    l.ta(
        "exercise-score",
        &[
            ("same", same.into()),
            ("different", different.into()),
            ("unanswered", unanswered.into()),
            ("total", (same + different + unanswered).into()),
        ],
    )
}

fn cell_line(l: &Localizer, id: &str, c: &Cell) -> String {
    let remark = if c.remark.trim().is_empty() {
        "-".to_string()
    } else {
        c.remark.replace('\n', " ")
    };
    l.ta(
        id,
        &[
            ("answer", c.answer.clone().into()),
            ("remark", remark.into()),
        ],
    )
}

/// The check as lines: the total, then per section its score and every question with the
/// participant's answer beside the model's (for the PDF and the command line).
pub fn report_lines(l: &Localizer, result: &ExerciseCheck) -> Vec<ReportLine> {
    let total = result.total();
    let mut lines = vec![ReportLine::new(
        Style::Body,
        format!(
            "{}: {}",
            l.t("exercise-total"),
            score_line(l, total.same, total.different, total.unanswered)
        ),
        true,
    )];
    if !result.model_matches {
        lines.push(ReportLine::new(
            Style::Body,
            l.t("exercise-model-changed"),
            false,
        ));
    }
    for (i, s) in result.sections.iter().enumerate() {
        lines.push(ReportLine::new(
            Style::Heading,
            format!(
                "{} — {}",
                s.title,
                score_line(l, s.same, s.different, s.unanswered)
            ),
            true,
        ));
        for q in result.questions.iter().filter(|q| q.section == i) {
            lines.push(ReportLine::new(
                Style::Body,
                format!("{} [{}] {}", q.number, verdict_label(l, q.verdict), q.text),
                true,
            ));
            lines.push(ReportLine::new(
                Style::Detail,
                cell_line(l, "exercise-yours", &q.participant),
                false,
            ));
            lines.push(ReportLine::new(
                Style::Detail,
                cell_line(l, "exercise-model-answer", &q.model),
                false,
            ));
        }
    }
    lines
}

/// The PDF of a check, for the participant; returns what it could not show as asked.
pub fn write_report_pdf(
    path: &Path,
    l: &Localizer,
    result: &ExerciseCheck,
    product: &str,
) -> Result<Vec<crate::io::pdf::PdfNote>, String> {
    let font = assets::japanese_font().map_err(|e| e.localize(l))?;
    let title = l.ta(
        "exercise-pdf-title",
        &[("product", product.to_string().into())],
    );
    let pdf = report_pdf(&title, &report_lines(l, result), font).map_err(|e| e.localize(l))?;
    crate::io::atomic::atomic_write(path, |w| w.write_all(&pdf.bytes))
        .map_err(|e| e.localize(l))?;
    Ok(pdf.notes)
}

/// The check shown in the window.
pub struct ExerciseView {
    pub result: ExerciseCheck,
    /// The product named in the statement's header (the PDF's title).
    pub product: String,
}

impl AppState {
    /// Writes the exercise copy of the open statement and opens it.
    pub(super) fn make_exercise(&mut self, path: PathBuf, now: f64) {
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
    pub(super) fn check_exercise(&mut self, path: PathBuf) {
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
    pub(super) fn exercise_opened(
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
    pub(super) fn export_exercise_pdf(&mut self, path: PathBuf) {
        let Some(view) = &self.exercise else { return };
        let title = self.loc.ta(
            "exercise-pdf-title",
            &[("product", view.product.clone().into())],
        );
        let lines = report_lines(&self.loc, &view.result);
        let file = path.clone();
        self.tasks.spawn(TaskKind::Export, path, move |_| {
            let result = (|| -> Result<Vec<crate::io::pdf::PdfNote>, BoxedError> {
                let font = assets::japanese_font().map_err(|e| Box::new(e) as BoxedError)?;
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
