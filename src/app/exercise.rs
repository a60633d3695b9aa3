//! Training: the exercise copy of the open statement, the check of an exercise against its
//! model (the window's 「答え合わせ」 and `kaijisho exercise check`) and its report.

use crate::domain::catalogue::Catalogue;
use crate::domain::compare::Cell;
use crate::domain::exercise::{ExerciseCheck, Score, Verdict};
use crate::domain::project::Project;
use crate::i18n::Localizer;
use crate::io::pdf::{ReportLine, Style};

/// A statement opened for an exercise: its project and catalogue.
pub type Opened = (Project, Catalogue);

fn verdict_label(l: &Localizer, v: Verdict) -> String {
    l.t(&format!("exercise-{}", v.key()))
}

/// "同じ 3 · 違う 1 · 未回答 2 / 6 問 (50%)", with the questions that follow a wrong gate
/// when there are any.
pub fn score_line(l: &Localizer, s: &Score) -> String {
    l.ta(
        if s.follows_gate > 0 {
            "exercise-score-gate"
        } else {
            "exercise-score"
        },
        &[
            ("same", s.same.into()),
            ("different", s.different.into()),
            ("unanswered", s.unanswered.into()),
            ("follows", s.follows_gate.into()),
            ("total", s.total().into()),
            ("percent", s.percent().into()),
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
        format!("{}: {}", l.t("exercise-total"), score_line(l, &total)),
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
            format!("{} — {}", s.title, score_line(l, s)),
            true,
        ));
        for q in result.questions.iter().filter(|q| q.section == i) {
            let verdict = match &q.gate {
                Some(g) => format!("{} ({g})", verdict_label(l, q.verdict)),
                None => verdict_label(l, q.verdict),
            };
            lines.push(ReportLine::new(
                Style::Body,
                format!("{} [{verdict}] {}", q.number, q.text),
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
