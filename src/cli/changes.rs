//! `kaijisho changes`: what changed since the last submission in a statement carried forward
//! from an earlier one — listed by section, and written as a PDF and/or workbook on request.

use std::path::Path;
use std::process::ExitCode;

use super::error::CliError;
use super::open;
use super::output::{emit, emit_pdf_notes, written};
use crate::app::changes::changes_wording;
use crate::assets;
use crate::domain::changes::{ChangeKind, Changes, changes};
use crate::i18n::Localizer;
use crate::io::changes::{ChangesWording, Para, number_text, row_cells, section_starts};
use crate::io::clock;

/// A cell's paragraphs on one line.
fn one_line(paras: &[Para]) -> String {
    paras
        .iter()
        .map(|p| p.text.replace(['\n', '\r'], " "))
        .collect::<Vec<_>>()
        .join(" / ")
}

/// The list as text: the section titles, a line per row (kind, number, question, earlier
/// answer → answer now), then the counts.
fn text(l: &Localizer, c: &Changes, w: &ChangesWording) -> String {
    let mut out = String::new();
    for (row, starts) in c.rows.iter().zip(section_starts(c)) {
        if let Some(title) = starts {
            out.push_str(&format!("■ {title}\n"));
        }
        let [_, _, question, before, after] = row_cells(row, w);
        out.push_str(&l.ta(
            "changes-line",
            &[
                ("kind", w.kinds.get(row.kind).into()),
                ("number", number_text(row, w).into()),
                ("question", one_line(&question).into()),
                ("before", one_line(&before).into()),
                ("after", one_line(&after).into()),
            ],
        ));
        out.push('\n');
    }
    if c.rows.is_empty() {
        out.push_str(&w.nothing);
        out.push('\n');
    }
    out.push_str(&l.ta(
        "changes-summary",
        &[
            ("new", c.count(ChangeKind::New).into()),
            ("reworded", c.count(ChangeKind::Reworded).into()),
            ("answer", c.count(ChangeKind::Answer).into()),
            ("dropped", c.count(ChangeKind::Dropped).into()),
        ],
    ));
    out.push('\n');
    out
}

/// Lists the changes of `statement` (exit 0), writes them where asked; a statement that was
/// not carried forward is an error naming it (exit 2).
pub(super) fn run(
    l: &Localizer,
    statement: &Path,
    (pdf, xlsx): (Option<&Path>, Option<&Path>),
) -> Result<ExitCode, CliError> {
    super::check_outputs(&[xlsx, pdf], &[statement])?;
    let (p, c) = open(l, statement)?;
    let found = changes(&c, &p).ok_or_else(|| CliError::NotCarried(statement.to_path_buf()))?;
    let w = changes_wording(l);
    let mut out = text(l, &found, &w);
    let now = clock::now();
    if let Some(path) = xlsx {
        let form = assets::form()?;
        crate::io::xlsx::export_changes_xlsx(path, &found, &w, &form.workbook.font, &now)?;
        out.push_str(&written(l, path));
    }
    if let Some(path) = pdf {
        let font = assets::print_font()?;
        let notes = crate::io::pdf::export_changes_pdf(path, &found, &w, font, &now)?;
        emit_pdf_notes(l, path, &notes);
        out.push_str(&written(l, path));
    }
    emit(&out)?;
    Ok(ExitCode::SUCCESS)
}
