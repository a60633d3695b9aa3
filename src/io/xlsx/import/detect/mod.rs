//! Detection for official-style workbooks, in phases that hand typed results on:
//!
//! 1. [`sheet`]: the sheet and the rows to read → [`sheet::Layout`];
//! 2. [`rows`]: each row a section, question or option → [`rows::Rows`];
//! 3. [`header`]: the header fields by their labels → [`header::HeaderFound`];
//! 4. [`columns`]: the answer and remark columns → [`columns::Columns`];
//! 5. [`build`]: sections, questions, options and answers → [`build::Built`];
//! 6. [`catalogue`]: the catalogue and the project.
//!
//! [`words`] holds the cell recognisers the phases share, [`version`] the edition and form
//! version found in titles.

mod build;
mod catalogue;
mod columns;
mod header;
mod rows;
mod sheet;
mod version;
mod words;

use std::path::Path;

use super::grid::Book;
use super::{ImportReport, Imported, Mapping, Note, count_answers, is_filled};
use crate::io::xlsx::{XlsxError, col_name};

/// The error for a mapping that names something that cannot be.
fn bad_mapping(path: &Path, detail: String) -> XlsxError {
    XlsxError::BadMapping {
        path: path.to_path_buf(),
        detail,
    }
}

/// Imports an official-style workbook by detection, corrected by the mapping's fields.
pub(super) fn import_detected(
    book: &mut Book,
    mapping: Option<&Mapping>,
) -> Result<Imported, XlsxError> {
    let path = book.path.clone();
    let given = mapping.cloned().unwrap_or_default();
    let layout = sheet::choose_sheet(book, &given)?;
    let mut report = ImportReport {
        file: path.display().to_string(),
        method: "detected".into(),
        sheet: layout.sheet.clone(),
        ..ImportReport::default()
    };
    let mut rows = rows::classify(&layout);
    report.skipped.append(&mut rows.skipped);
    let found = header::read_header(&path, &layout.grid, rows.first_question_row, &given)?;
    if found.cells.is_empty() {
        report.notes.push(Note::NoHeaderLabels);
        report.uncertain = true;
    }
    let columns = columns::find_columns(&path, &layout.grid, &rows, &given)?;
    if columns.flag.is_none() && columns.marks.is_none() {
        report.notes.push(Note::NoAnswerColumn);
        report.uncertain = true;
    }
    report.mapping = Mapping {
        sheet: Some(layout.sheet.clone()),
        header: found.cells,
        flag_column: columns.flag.map(col_name),
        mark_columns: columns.marks.map(|m| m.map(col_name)),
        remark_column: columns.remark.map(col_name),
        first_row: Some(layout.first_row + 1),
        last_row: Some(layout.last_row + 1),
    };

    let built = build::build_sections(&layout.grid, &rows.lines, &columns, &mut report);
    report.sections = built
        .sections
        .iter()
        .filter(|s| !s.title.is_empty())
        .count();
    report.questions = built.sections.iter().map(|s| s.questions.len()).sum();
    if report.questions == 0 {
        return Err(XlsxError::NoQuestions {
            path,
            sheets: layout.names.join(", "),
        });
    }
    let catalogue = catalogue::make_catalogue(
        book,
        &layout.sheet,
        &rows.title_texts,
        &found.kind_votes,
        built.sections,
    )?;
    let project = catalogue::make_project(&catalogue, found.header, built.answers, &mut report);
    report.answers = count_answers(&project);
    report.filled = is_filled(&project, report.answers);
    if report.skipped.len() > report.questions {
        report.uncertain = true;
    }
    Ok(Imported {
        catalogue,
        project,
        report,
    })
}
