//! Detection for official-style workbooks, in phases that hand typed results on:
//!
//! 1. [`sheet`]: the sheet and the rows to read → [`sheet::Layout`];
//! 2. [`headings`]: column headings and the roles they give → [`headings::HeadingRoles`];
//! 3. [`rows`]: each row a section, question or option → [`rows::Rows`];
//! 4. [`header`]: the header fields by their labels, on any sheet → [`header::HeaderFound`];
//! 5. [`columns`]: the answer, remark and reference columns → [`columns::Columns`];
//! 6. [`build`]: sections, questions, options and answers → [`build::Built`];
//! 7. [`catalogue`]: the catalogue and the project;
//! 8. [`correspondence`]: a 第5.2版 ↔ 第6.0版 table, when one parses.
//!
//! The words the phases recognise come in as a [`Vocabulary`]; [`words`] holds the shapes
//! of numbers and question texts, [`version`] the edition and form version found in titles.

mod build;
mod catalogue;
mod columns;
mod correspondence;
mod forms;
mod header;
mod headings;
mod rows;
mod sheet;
mod version;
mod words;

use sha2::{Digest, Sha256};

use super::Mapping;
use super::grid::Book;
use super::imported::{AnswerTarget, Imported, Targets};
use super::report::{ImportReport, Note, Skip, count_answers, is_filled};
use super::view::{RowKind, SheetView};
use super::vocabulary::Vocabulary;
use crate::domain::catalogue::hex;
use crate::domain::source::{Correspondence, UnreadCell, WorkbookSource};
use crate::io::xlsx::{XlsxError, col_name};

/// Imports an official-style workbook by detection, corrected by the mapping's fields.
pub(super) fn import_detected(
    book: &mut Book,
    mapping: Option<&Mapping>,
    vocab: &Vocabulary,
) -> Result<Imported, XlsxError> {
    let path = book.path.clone();
    let given = mapping.cloned().unwrap_or_default();
    let layout = sheet::choose_sheet(book, &given, vocab)?;
    let mut report = ImportReport {
        file: path.display().to_string(),
        method: "detected".into(),
        sheet: layout.sheet.clone(),
        sheets: layout.candidates.clone(),
        ..ImportReport::default()
    };
    if let Some(b) = layout.grid.beyond() {
        let col = |c: u32| col_name(u16::try_from(c).unwrap_or(u16::MAX));
        report.notes.push(Note::CellsBeyondLastColumn {
            sheet: layout.sheet.clone(),
            cells: b.cells,
            first: format!("{}{}", col(b.first.1), u64::from(b.first.0) + 1),
            last: col_name(super::grid::MAX_COLS),
        });
    }
    let headings = headings::find_headings(&layout, vocab);
    let given_rows = given_rows(&path, &given)?;
    let mut rows = rows::classify(&layout, vocab, &headings, &given_rows);
    report.skipped.append(&mut rows.skipped);
    let found = header::read_header(
        book,
        &layout.sheet,
        &layout.grid,
        rows.first_question_row,
        &given,
        vocab,
    )?;
    if found.cells.is_empty() {
        report.notes.push(Note::NoHeaderLabels);
        report.uncertain = true;
    }
    let columns = columns::find_columns(&path, &layout.grid, &rows, &headings, &given, vocab)?;
    if columns.flag.is_none() && columns.marks.is_none() {
        report.notes.push(Note::NoAnswerColumn);
        report.uncertain = true;
    }
    report.mapping = Mapping {
        sheet: Some(layout.sheet.clone()),
        header: found.cells.clone(),
        flag_column: columns.flag.map(col_name),
        mark_columns: columns.marks.map(|m| m.map(col_name)),
        remark_column: columns.remark.map(col_name),
        reference_column: columns.reference.map(col_name),
        form: given.form,
        date_column: columns.date.map(col_name),
        due_date_column: columns.due_date.map(col_name),
        first_row: Some(layout.first_row + 1),
        last_row: Some(layout.last_row + 1),
        number_column: given.number_column.clone(),
        text_column: given.text_column.clone(),
        rows: given.rows.clone(),
    };

    let mut built = build::build_sections(&layout.grid, &rows.lines, &columns, vocab, &mut report);
    let kind = catalogue::detect_kind(
        given.form,
        &rows.title_texts,
        &found.kind_votes,
        vocab,
        &path,
    );
    // The form read is recorded: filling a renamed copy reads it as the same form.
    report.mapping.form = Some(kind);
    let other_form = forms::keep_form(
        &mut built,
        &layout.grid,
        (&headings, vocab),
        kind,
        &mut report,
    );
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
    // The chosen sheet's count is what was read, not the first estimate.
    if let Some(c) = report.sheets.iter_mut().find(|c| c.sheet == layout.sheet) {
        c.questions = report.questions;
    }
    note_other_sheets(&layout, &mut report);
    correspondence::read_correspondence(book, vocab, &mut report)?;
    let targets = targets_of(&layout.sheet, &columns, &built, &found.cells);
    let catalogue = catalogue::make_catalogue(
        book,
        &layout.sheet,
        &rows.title_texts,
        kind,
        vocab,
        built.sections,
    )?;
    let unread: Vec<UnreadCell> = built
        .answers
        .iter()
        .filter_map(|a| {
            let (cell, text) = match a.unread.as_ref()? {
                Skip::UnreadAnswer { cell, text } => (cell.clone(), text.clone()),
                _ => (String::new(), String::new()),
            };
            Some(UnreadCell {
                question: a.question.clone(),
                option: a.option.clone(),
                cell,
                text,
            })
        })
        .collect();
    let mut project =
        catalogue::make_project(&catalogue, found.header, built.answers, vocab, &mut report);
    let mut source = source_of(&path, &book.bytes, &layout.sheet, &report);
    source.unread = unread;
    project.source = Some(source);
    report.answers = count_answers(&project);
    report.filled = is_filled(&project, report.answers);
    if report.skipped.len() > report.questions {
        report.uncertain = true;
    }
    let view = sheet_view(&layout, &rows, &headings, (&targets, &other_form), &report);
    let mut imported = Imported {
        catalogue,
        project,
        report,
        targets: Some(targets),
        view: Some(view),
    };
    let reading = imported.reading();
    if let Some(source) = imported.project.source.as_mut() {
        source.reading = reading;
    }
    Ok(imported)
}

/// Where the values sit: what filling the workbook writes to.
fn targets_of(
    sheet: &str,
    columns: &columns::Columns,
    built: &build::Built,
    header: &std::collections::BTreeMap<String, String>,
) -> Targets {
    Targets {
        sheet: sheet.to_string(),
        flag: columns.flag,
        marks: if columns.flag.is_none() {
            columns.marks
        } else {
            None
        },
        answers: built
            .answers
            .iter()
            .map(|a| AnswerTarget {
                question: a.question.clone(),
                option: a.option.clone(),
                row: a.row,
                remark: a.remark_cell,
                dates: a.dates.clone().map(|(_, cell)| cell),
                unread: a.unread.is_some(),
            })
            .collect(),
        header: header.clone(),
    }
}

/// Where the statement came from: the file, its hash, the sheet, the mapping and the
/// correspondence read (what was read as a whole is set once it is known).
fn source_of(
    path: &std::path::Path,
    bytes: &[u8],
    sheet: &str,
    report: &ImportReport,
) -> WorkbookSource {
    WorkbookSource {
        file_name: path
            .file_name()
            .map(|f| f.to_string_lossy().into_owned())
            .unwrap_or_default(),
        sha256: format!("sha256:{}", hex(&Sha256::digest(bytes))),
        sheet: sheet.to_string(),
        mapping: report.mapping.clone(),
        reading: String::new(),
        unread: Vec::new(),
        correspondence: report
            .correspondence
            .iter()
            .map(|p| Correspondence {
                old: p.old.clone(),
                new: p.new.clone(),
            })
            .collect(),
        correspondence_sheet: report
            .notes
            .iter()
            .find_map(|n| match n {
                Note::Correspondence { sheet, .. } => Some(sheet.clone()),
                _ => None,
            })
            .unwrap_or_default(),
    }
}

/// What the mapping says about rows: its number and text columns (one that is no column is
/// an error naming it) and the rows it gives a role.
fn given_rows<'m>(
    path: &std::path::Path,
    given: &'m Mapping,
) -> Result<rows::Given<'m>, XlsxError> {
    let column = |c: &Option<String>, what: &str| -> Result<Option<u16>, XlsxError> {
        c.as_ref()
            .map(|s| {
                crate::io::xlsx::col_index(s).ok_or_else(|| {
                    XlsxError::bad_mapping(path, format!("{what}: {s:?} is not a column"))
                })
            })
            .transpose()
    };
    // Each row looks its role up among the ranges: their count is bounded before use.
    let limit = crate::domain::source::MAX_ROW_RANGES;
    if given.rows.len() > limit {
        return Err(XlsxError::bad_mapping(
            path,
            format!("rows: {} ranges, more than {limit}", given.rows.len()),
        ));
    }
    Ok(rows::Given {
        number_col: column(&given.number_column, "number_column")?,
        text_col: column(&given.text_column, "text_column")?,
        mapping: given,
    })
}

/// The sheet with what each shown row was taken as, for the mapping wizard.
fn sheet_view(
    layout: &sheet::Layout,
    rows: &rows::Rows,
    headings: &headings::HeadingRoles,
    (targets, other_form): (&Targets, &[u32]),
    report: &ImportReport,
) -> SheetView {
    let mut view = SheetView::of(&layout.sheet, layout.names.clone(), &layout.grid);
    for r in layout.first_row..=layout.last_row.min(view.cells.len() as u32) {
        view.set(r, RowKind::Plain);
    }
    if let Some(r) = headings.row {
        view.set(r, RowKind::Heading);
    }
    for (r, line) in &rows.lines {
        match line {
            rows::Line::Section { .. } => view.set(*r, RowKind::Section),
            rows::Line::Question(q) => {
                view.text_col = view.text_col.or(Some(q.text_col));
                view.number_col = view.number_col.or(Some(q.number_col));
                // A question of another form (not in the statement) is no question here.
                let left_out = other_form.iter().any(|o| (*r..=q.last_row).contains(o));
                let kind = if left_out {
                    RowKind::Plain
                } else {
                    RowKind::Question
                };
                for below in *r..=q.last_row {
                    view.set(below, kind.clone());
                }
            }
            rows::Line::Option { .. } => view.set(*r, RowKind::Option),
        }
    }
    for s in &report.skipped {
        let row = s.row.saturating_sub(1);
        match &s.reason {
            // The question was read; only its answer cell was not: the cell says so.
            Skip::UnreadAnswer { cell, .. } => {
                if let Some(at) = crate::io::xlsx::cell_index(cell) {
                    view.unread.push((at, s.reason.clone()));
                }
            }
            Skip::SeveralMarks => {
                let cols = targets.marks.into_iter().flatten().chain(targets.flag);
                view.unread
                    .extend(cols.map(|c| ((row, c), s.reason.clone())));
            }
            _ => view.set(row, RowKind::Skipped(s.reason.clone())),
        }
    }
    view.header_cells = targets
        .header
        .values()
        .filter_map(|c| match crate::io::xlsx::sheet_cell(c) {
            Some((None, r, c)) => Some((r, c)),
            Some((Some(s), r, c)) if s == layout.sheet => Some((r, c)),
            _ => None,
        })
        .collect();
    view.sign(headings.row, rows.first_question_row);
    view
}

/// Names the other sheets holding questions, with their counts, when there are any.
fn note_other_sheets(layout: &sheet::Layout, report: &mut ImportReport) {
    let others: Vec<String> = layout
        .candidates
        .iter()
        .filter(|c| c.sheet != layout.sheet)
        .map(|c| format!("{} ({})", c.sheet, c.questions))
        .collect();
    if !others.is_empty() {
        report.notes.push(Note::OtherQuestionSheets {
            sheet: layout.sheet.clone(),
            others: others.join(", "),
        });
    }
}
