//! Training: the exercise copy of the open statement, the check of an exercise against its
//! model (the window's 「答え合わせ」 and `kaijisho exercise check`) and its report.

use std::path::Path;

use crate::assets;
use crate::domain::catalogue::Catalogue;
use crate::domain::compare::{Cell, Side};
use crate::domain::exercise::{ExerciseCheck, Verdict, check, model_and_exercise};
use crate::domain::project::Project;
use crate::i18n::{Localize, Localizer};
use crate::io::pdf::{ReportLine, Style, report_pdf};

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
    let font = assets::print_font().map_err(|e| e.localize(l))?;
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
