//! Import of kaijisho's own exports. The hidden sheet holds the project and the catalogue as
//! chunked JSON and a map of the visible sheet's rows; the import is exact, with the user's
//! edits of the input cells (flags, remarks, header) applied on top.
//!
//! Every count in the hidden sheet (chunks, map entries) and every row number in the map is
//! checked against the sheet's real height and the row limit before anything loops over it.
//!
//! Nothing typed in the sheet is passed over without a word: a row the map cannot place, a
//! kind of row or a question this version does not know, and a cell the statement cannot take
//! each become a line of the import report (naming what the cells hold), and the statement
//! keeps what was exported there.

use std::collections::HashMap;

use super::grid::{Book, Grid, MAX_ROWS};
use super::imported::Imported;
use super::report::{ImportReport, Note, Skip, Skipped, count_answers, is_filled, xl_norm};
use crate::domain::answer::AnswerValue;
use crate::domain::catalogue::{AnswerKind, Catalogue};
use crate::domain::edit::Edit;
use crate::domain::project::Project;
use crate::io::json::{catalogue_from_bytes, project_from_bytes};
use crate::io::xlsx::{
    COL_FLAG, COL_NUMBER, COL_REMARK_IN, COL_TEXT, MAIN_SHEET, RowRole, XlsxError,
};

/// The row of the hidden sheet where the chunked documents start (after the marker, the
/// catalogue id, its version and its hash).
const FIRST_DOCUMENT_ROW: u32 = 4;

/// The error for a damaged hidden sheet, naming the file.
fn hidden_err(book: &Book, detail: impl Into<String>) -> XlsxError {
    XlsxError::Hidden {
        path: book.path.clone(),
        detail: detail.into(),
    }
}

/// The last of the `count` rows that follow `row` in the hidden sheet, or an error when the
/// sheet ends before them (a crafted count must not drive a loop of billions of rows).
fn last_of_rows_after(
    book: &Book,
    hidden: &Grid,
    row: u32,
    count: u64,
    what: &str,
) -> Result<u32, XlsxError> {
    let room = hidden.height().saturating_sub(row.saturating_add(1));
    u32::try_from(count)
        .ok()
        .filter(|n| *n <= room)
        .map(|n| row + n)
        .ok_or_else(|| {
            hidden_err(
                book,
                format!(
                    "row {}: the {what} is said to span {count} rows, but only {room} rows follow",
                    u64::from(row) + 1
                ),
            )
        })
}

/// Reads a chunked JSON document from the hidden sheet starting at `row` (a `name, count` row).
fn chunks(book: &Book, hidden: &Grid, row: &mut u32, name: &str) -> Result<String, XlsxError> {
    if hidden.get(*row, 0) != name {
        return Err(hidden_err(
            book,
            format!("row {} should start the {name}", u64::from(*row) + 1),
        ));
    }
    let n: u32 = hidden.get(*row, 1).parse().map_err(|e| {
        let found = hidden.get(*row, 1);
        hidden_err(book, format!("chunk count of {name}: {found:?} ({e})"))
    })?;
    let last = last_of_rows_after(book, hidden, *row, u64::from(n), name)?;
    let mut s = String::new();
    for r in *row + 1..=last {
        s.push_str(hidden.get(r, 1));
    }
    *row = last + 1;
    Ok(s)
}

/// An entry of the row map: a row of the visible sheet (0-based), what it holds, and the text
/// that identifies it there (number, `-option label`, header label; empty in older exports).
struct MappedRow {
    sheet_row: u32,
    role: RowRole,
    key: String,
}

/// The row map: the entries read, and the rows (0-based) whose entry names a kind of row this
/// version does not know, with that kind.
#[derive(Default)]
struct RowMap {
    entries: Vec<MappedRow>,
    unknown: Vec<(u32, String)>,
}

/// Reads the row map that starts at `row` (a `rows, count` row). A count or an entry that
/// cannot be read is a note of the report (and logged); a count beyond the sheet or a row
/// beyond the row limit is an error.
fn row_map(
    book: &Book,
    hidden: &Grid,
    row: u32,
    report: &mut ImportReport,
) -> Result<RowMap, XlsxError> {
    if hidden.get(row, 0) != "rows" {
        return Err(hidden_err(book, "row map missing"));
    }
    // Read wide so that a count beyond u32 is refused as too large, not taken as no entries.
    let count_cell = hidden.get(row, 1);
    let count: u64 = match count_cell.parse() {
        Ok(n) => n,
        Err(e) => {
            log::warn!(
                "{}: the row map's count {count_cell:?} is not a number ({e}); no edits applied",
                book.path.display()
            );
            report.notes.push(Note::RowMapUnreadable {
                found: count_cell.to_string(),
            });
            return Ok(RowMap::default());
        }
    };
    let last = last_of_rows_after(book, hidden, row, count, "row map")?;
    let mut map = RowMap::default();
    for r in row + 1..=last {
        let cell = hidden.get(r, 1);
        let Ok(sheet_row) = cell.parse::<u32>() else {
            log::warn!(
                "{}: row {} of the row map has no row number ({cell:?}); its row not read",
                book.path.display(),
                r + 1
            );
            report.notes.push(Note::RowMapEntryUnreadable {
                entry: r + 1,
                found: cell.to_string(),
            });
            continue;
        };
        if sheet_row >= MAX_ROWS {
            return Err(hidden_err(
                book,
                format!(
                    "row {} of the row map names row {}, beyond the {MAX_ROWS} rows read",
                    r + 1,
                    u64::from(sheet_row) + 1
                ),
            ));
        }
        let Some(role) = RowRole::decode(hidden.get(r, 2), hidden.get(r, 3), hidden.get(r, 4))
        else {
            log::warn!(
                "{}: row {} of the row map has an unknown role {:?}; its row not read",
                book.path.display(),
                r + 1,
                hidden.get(r, 2)
            );
            map.unknown.push((sheet_row, hidden.get(r, 2).to_string()));
            continue;
        };
        map.entries.push(MappedRow {
            sheet_row,
            role,
            key: hidden.get(r, 5).to_string(),
        });
    }
    Ok(map)
}

/// Imports an export of ours from its hidden sheet (`hidden`, whose first cell is the marker).
pub(super) fn import_own(
    book: &mut Book,
    hidden: &Grid,
    vocab: &super::Vocabulary,
) -> Result<Imported, XlsxError> {
    let mut row = FIRST_DOCUMENT_ROW;
    let project_json = chunks(book, hidden, &mut row, "project")?;
    let catalogue_json = chunks(book, hidden, &mut row, "catalogue")?;
    let mut project = project_from_bytes(&book.path, project_json.as_bytes())
        .map_err(|e| hidden_err(book, e.to_string()))?;
    let catalogue = catalogue_from_bytes(&book.path, catalogue_json.as_bytes())
        .map_err(|e| hidden_err(book, e.to_string()))?;
    if catalogue.content_hash() != project.catalogue.hash {
        return Err(hidden_err(book, "the catalogue does not match the project"));
    }
    let mut report = ImportReport {
        file: book.path.display().to_string(),
        method: "kaijisho-export".into(),
        sheet: MAIN_SHEET.into(),
        ..ImportReport::default()
    };
    let map = row_map(book, hidden, row, &mut report)?;
    let main = book.grid(MAIN_SHEET)?;
    for (sheet_row, role) in map.unknown {
        let cells = Input::of(&main, sheet_row);
        report.skipped.push(Skipped {
            row: sheet_row + 1,
            reason: Skip::UnknownRowKind {
                role,
                flag: cells.flag.to_string(),
                remark: cells.remark.to_string(),
            },
        });
    }
    let entries = map.entries;
    apply_row_map(
        (book, &main, vocab),
        &entries,
        &catalogue,
        &mut project,
        &mut report,
    );
    report.answers = count_answers(&project);
    report.filled = is_filled(&project, report.answers);
    Ok(Imported {
        catalogue,
        project,
        report,
        targets: None,
        view: None,
    })
}

/// The column of the visible sheet that identifies a mapped row, and the text it must hold.
fn identity(entry: &MappedRow, catalogue: &Catalogue) -> Option<(u16, String)> {
    match &entry.role {
        RowRole::Header(_) if !entry.key.is_empty() => Some((COL_NUMBER, entry.key.clone())),
        RowRole::Question(q) => catalogue
            .question(q)
            .map(|q| (COL_NUMBER, q.number.clone())),
        RowRole::Option(q, o) => catalogue
            .question(q)
            .and_then(|q| q.answer.options().iter().find(|x| x.id == *o))
            .map(|o| (COL_TEXT, format!("-{}", o.label))),
        _ => None,
    }
}

/// The first mapped row that no longer holds what the map says (a row was inserted, deleted or
/// the rows sorted after the export): its 1-based row, what it should hold, and what it holds.
fn first_moved(main: &Grid, entries: &[MappedRow], catalogue: &Catalogue) -> Option<Note> {
    entries.iter().find_map(|e| {
        let (col, want) = identity(e, catalogue)?;
        let found = main.get(e.sheet_row, col);
        (found.trim() != want.trim()).then(|| Note::RowsMoved {
            row: e.sheet_row + 1,
            expected: want,
            found: found.to_string(),
        })
    })
}

/// Finds each mapped row by what it holds instead of where the map says: questions by their
/// number, options by their label below their question, header fields by their label. Rows
/// not found are reported and keep the exported answer.
fn relocate(
    main: &Grid,
    entries: &[MappedRow],
    catalogue: &Catalogue,
    report: &mut ImportReport,
) -> Vec<MappedRow> {
    let mut by_key: HashMap<(u16, String), Vec<u32>> = HashMap::new();
    for row in 0..main.height() {
        for col in [COL_NUMBER, COL_TEXT] {
            let text = main.get(row, col).trim();
            if !text.is_empty() {
                by_key.entry((col, text.to_string())).or_default().push(row);
            }
        }
    }
    // The rows that hold a number (question rows): an option belongs to the block between its
    // question's row and the next of these.
    let numbered: Vec<u32> = (0..main.height())
        .filter(|r| !main.get(*r, COL_NUMBER).trim().is_empty())
        .collect();
    let block_end = |row: u32| {
        let i = numbered.partition_point(|r| *r <= row);
        numbered.get(i).copied().unwrap_or(u32::MAX)
    };
    let mut located = Vec::new();
    let mut taken: std::collections::HashSet<u32> = std::collections::HashSet::new();
    let mut question_row: HashMap<&str, u32> = HashMap::new();
    for e in entries {
        let Some((col, want)) = identity(e, catalogue) else {
            // Title, disclaimer, headings, sections (and header rows of older exports, which
            // carry no label to look for) stay where the map puts them.
            located.push(MappedRow {
                sheet_row: e.sheet_row,
                role: e.role.clone(),
                key: e.key.clone(),
            });
            continue;
        };
        let rows = by_key.get(&(col, want.trim().to_string()));
        let free = |r: &u32| !taken.contains(r);
        let found = match &e.role {
            // An option: a row with its label within its question's block, not yet taken.
            RowRole::Option(q, _) => question_row.get(q.as_str()).copied().and_then(|at| {
                let end = block_end(at);
                rows.and_then(|r| r.iter().copied().find(|r| *r > at && *r < end && free(r)))
            }),
            _ => rows.and_then(|r| r.iter().copied().find(free)),
        };
        match found {
            Some(row) => {
                taken.insert(row);
                if let RowRole::Question(q) = &e.role {
                    question_row.insert(q.as_str(), row);
                }
                located.push(MappedRow {
                    sheet_row: row,
                    role: e.role.clone(),
                    key: e.key.clone(),
                });
            }
            None => report.skipped.push(Skipped {
                row: e.sheet_row + 1,
                reason: Skip::RowNotFound { what: want },
            }),
        }
    }
    located
}

/// Applies the input cells of the visible sheet to the project, row by row of the map — after
/// checking that every mapped row still holds what it held when exported; when one does not,
/// the rows are found by content instead, and the report says so.
fn apply_row_map(
    (book, main, vocab): (&Book, &Grid, &super::Vocabulary),
    entries: &[MappedRow],
    catalogue: &Catalogue,
    project: &mut Project,
    report: &mut ImportReport,
) {
    let relocated;
    let entries = match first_moved(main, entries, catalogue) {
        None => entries,
        Some(note) => {
            log::warn!("{}: {note:?}; rows found by content", book.path.display());
            report.notes.push(note);
            report.method = "kaijisho-export-moved".into();
            relocated = relocate(main, entries, catalogue, report);
            &relocated
        }
    };
    for MappedRow {
        sheet_row, role, ..
    } in entries
    {
        let sheet_row = *sheet_row;
        match role {
            RowRole::Header(field) => {
                let cell = main.get(sheet_row, COL_TEXT);
                if xl_norm(cell) != xl_norm(project.header.get(*field)) {
                    let edit = Edit::Header {
                        field: *field,
                        text: xl_norm(cell),
                    };
                    apply_edit(project, catalogue, &edit, (sheet_row, cell), report);
                }
            }
            RowRole::Section => report.sections += 1,
            RowRole::Question(qid) => {
                report.questions += 1;
                let Some(q) = catalogue.question(qid) else {
                    log::warn!(
                        "{}: the row map names question {qid:?}, which the catalogue lacks; \
                         row {} not read",
                        book.path.display(),
                        sheet_row + 1
                    );
                    let cells = Input::of(main, sheet_row);
                    report.skipped.push(Skipped {
                        row: sheet_row + 1,
                        reason: Skip::UnknownQuestion {
                            question: qid.clone(),
                            flag: cells.flag.to_string(),
                            remark: cells.remark.to_string(),
                        },
                    });
                    continue;
                };
                if !matches!(q.answer, AnswerKind::Options(_)) {
                    let cells = Input::of(main, sheet_row);
                    apply_input(project, (catalogue, vocab), (qid, None), cells, report);
                }
            }
            RowRole::Option(qid, oid) => {
                report.options += 1;
                let cells = Input::of(main, sheet_row);
                apply_input(project, (catalogue, vocab), (qid, Some(oid)), cells, report);
            }
            _ => {}
        }
    }
}

/// The input cells of a row: the flag and the remark, and where they are.
struct Input<'a> {
    flag: &'a str,
    remark: &'a str,
    row: u32,
}

impl<'a> Input<'a> {
    fn of(main: &'a Grid, row: u32) -> Input<'a> {
        Input {
            flag: main.get(row, COL_FLAG),
            remark: main.get(row, COL_REMARK_IN),
            row,
        }
    }
}

/// Applies an edit through the one edit path. A refusal (a value the question cannot take, an
/// option it does not have) is a line naming the row (0-based `row`), the cell's `text` and
/// why; the answer stays as exported.
fn apply_edit(
    project: &mut Project,
    catalogue: &Catalogue,
    edit: &Edit,
    (row, text): (u32, &str),
    report: &mut ImportReport,
) {
    match project.apply(catalogue, edit) {
        Ok(_) => {}
        Err(error) => {
            log::warn!("import: row {}: {error}; {text:?} not taken", row + 1);
            report.skipped.push(Skipped {
                row: row + 1,
                reason: Skip::NotTaken {
                    text: text.to_string(),
                    error,
                },
            });
        }
    }
}

/// Applies an input flag and remark to a question or option: an empty flag is 未回答, an
/// unreadable one is reported and leaves the answer as it was; a remark that only differs by
/// Excel's line breaks leaves the stored text as it was. Only what changed is applied, so an
/// unchanged carried answer keeps its re-check mark.
fn apply_input(
    project: &mut Project,
    (catalogue, vocab): (&Catalogue, &super::Vocabulary),
    (question, option): (&str, Option<&String>),
    cells: Input<'_>,
    report: &mut ImportReport,
) {
    let (value, remark, condition) = {
        let a = project.answers.get(question);
        match option {
            Some(o) => a
                .and_then(|a| a.options.get(o))
                .map(|o| (o.value, o.remark.clone(), String::new())),
            None => a.map(|a| (a.value, a.remark.clone(), a.condition.clone())),
        }
        .unwrap_or_default()
    };
    let flag = cells.flag.trim();
    let read = if flag.is_empty() {
        Some(AnswerValue::Unanswered)
    } else {
        AnswerValue::parse(flag)
    };
    match read {
        Some(v) if v != value => {
            let edit = Edit::Value {
                question: question.to_string(),
                option: option.cloned(),
                value: v,
            };
            apply_edit(project, catalogue, &edit, (cells.row, cells.flag), report);
        }
        Some(_) => {}
        None => report.skipped.push(Skipped {
            row: cells.row + 1,
            reason: Skip::FlagNotAnswer {
                flag: flag.to_string(),
            },
        }),
    }
    // A plain question's remark cell holds its condition first (〔条件〕…。).
    let conditional = option.is_none()
        && catalogue
            .question(question)
            .is_some_and(|q| matches!(q.answer, AnswerKind::YesNoNa));
    let written = if conditional {
        vocab.condition_words().join(&condition, &remark)
    } else {
        remark.clone()
    };
    if xl_norm(cells.remark) == xl_norm(&written) {
        return;
    }
    let cell = xl_norm(cells.remark);
    let (new_condition, new_remark) = if conditional {
        vocab
            .split_condition(&cell)
            .unwrap_or_else(|| (String::new(), cell.clone()))
    } else {
        (condition.clone(), cell.clone())
    };
    if new_condition != condition {
        let edit = Edit::Condition {
            question: question.to_string(),
            text: new_condition,
        };
        apply_edit(project, catalogue, &edit, (cells.row, cells.remark), report);
    }
    if xl_norm(&new_remark) != xl_norm(&remark) {
        let edit = Edit::Remark {
            question: question.to_string(),
            option: option.cloned(),
            text: new_remark,
        };
        apply_edit(project, catalogue, &edit, (cells.row, cells.remark), report);
    }
}
