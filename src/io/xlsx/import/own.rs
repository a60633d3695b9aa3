//! Import of kaijisho's own exports. The hidden sheet holds the project and the catalogue as
//! chunked JSON and a map of the visible sheet's rows; the import is exact, with the user's
//! edits of the input cells (flags, remarks, header) applied on top.
//!
//! Every count in the hidden sheet (chunks, map entries) and every row number in the map is
//! checked against the sheet's real height and the row limit before anything loops over it.

use super::grid::{Book, Grid, MAX_ROWS};
use super::{ImportReport, Imported, Skip, Skipped, count_answers, is_filled, xl_norm};
use crate::domain::answer::AnswerValue;
use crate::domain::catalogue::{AnswerKind, Catalogue};
use crate::domain::project::Project;
use crate::io::json::{catalogue_from_bytes, project_from_bytes};
use crate::io::xlsx::{COL_FLAG, COL_REMARK_IN, COL_TEXT, MAIN_SHEET, RowRole, XlsxError};

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
    let n: u32 = hidden
        .get(*row, 1)
        .parse()
        .map_err(|_| hidden_err(book, format!("chunk count of {name}")))?;
    let last = last_of_rows_after(book, hidden, *row, u64::from(n), name)?;
    let mut s = String::new();
    for r in *row + 1..=last {
        s.push_str(hidden.get(r, 1));
    }
    *row = last + 1;
    Ok(s)
}

/// An entry of the row map: a row of the visible sheet (0-based) and what it holds.
struct MappedRow {
    sheet_row: u32,
    role: RowRole,
}

/// Reads the row map that starts at `row` (a `rows, count` row). Entries that cannot be read
/// are passed over (and logged); a count beyond the sheet or a row beyond the row limit is an
/// error.
fn row_map(book: &Book, hidden: &Grid, row: u32) -> Result<Vec<MappedRow>, XlsxError> {
    if hidden.get(row, 0) != "rows" {
        return Err(hidden_err(book, "row map missing"));
    }
    // Read wide so that a count beyond u32 is refused as too large, not taken as no entries.
    let count_cell = hidden.get(row, 1);
    let count: u64 = count_cell.parse().unwrap_or_else(|e| {
        log::warn!(
            "{}: the row map's count {count_cell:?} is not a number ({e}); no edits applied",
            book.path.display()
        );
        0
    });
    let last = last_of_rows_after(book, hidden, row, count, "row map")?;
    let mut entries = Vec::new();
    for r in row + 1..=last {
        let cell = hidden.get(r, 1);
        let Ok(sheet_row) = cell.parse::<u32>() else {
            log::warn!(
                "{}: row {} of the row map has no row number ({cell:?}); passed over",
                book.path.display(),
                r + 1
            );
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
                "{}: row {} of the row map has an unknown role {:?}; passed over",
                book.path.display(),
                r + 1,
                hidden.get(r, 2)
            );
            continue;
        };
        entries.push(MappedRow { sheet_row, role });
    }
    Ok(entries)
}

/// Imports an export of ours from its hidden sheet (`hidden`, whose first cell is the marker).
pub(super) fn import_own(book: &mut Book, hidden: &Grid) -> Result<Imported, XlsxError> {
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
    let entries = row_map(book, hidden, row)?;
    let main = book.grid(MAIN_SHEET)?;
    let mut report = ImportReport {
        file: book.path.display().to_string(),
        method: "kaijisho-export".into(),
        sheet: MAIN_SHEET.into(),
        ..ImportReport::default()
    };
    apply_row_map(book, &main, &entries, &catalogue, &mut project, &mut report);
    report.answers = count_answers(&project);
    report.filled = is_filled(&project, report.answers);
    Ok(Imported {
        catalogue,
        project,
        report,
    })
}

/// Applies the input cells of the visible sheet to the project, row by row of the map.
fn apply_row_map(
    book: &Book,
    main: &Grid,
    entries: &[MappedRow],
    catalogue: &Catalogue,
    project: &mut Project,
    report: &mut ImportReport,
) {
    // Applies a cell's text unless it only differs from what was exported by Excel's
    // normalisation.
    let differs = |cell: &str, kept: &str| xl_norm(cell) != xl_norm(kept);
    for MappedRow { sheet_row, role } in entries {
        let sheet_row = *sheet_row;
        match role {
            RowRole::Header(field) => {
                let cell = main.get(sheet_row, COL_TEXT);
                if differs(cell, project.header.get(*field)) {
                    project.header.set(*field, xl_norm(cell));
                }
            }
            RowRole::Section => report.sections += 1,
            RowRole::Question(qid) => {
                report.questions += 1;
                let Some(q) = catalogue.question(qid) else {
                    log::warn!(
                        "{}: the row map names question {qid:?}, which the catalogue lacks",
                        book.path.display()
                    );
                    continue;
                };
                if matches!(q.answer, AnswerKind::Options(_)) {
                    continue;
                }
                let flag = main.get(sheet_row, COL_FLAG);
                let remark = main.get(sheet_row, COL_REMARK_IN);
                let entry = project.answers.entry(qid.clone()).or_default();
                apply_input(
                    &mut entry.value,
                    &mut entry.remark,
                    flag,
                    remark,
                    report,
                    sheet_row,
                );
            }
            RowRole::Option(qid, oid) => {
                report.options += 1;
                let flag = main.get(sheet_row, COL_FLAG);
                let remark = main.get(sheet_row, COL_REMARK_IN);
                let entry = project.answers.entry(qid.clone()).or_default();
                let oa = entry.options.entry(oid.clone()).or_default();
                apply_input(
                    &mut oa.value,
                    &mut oa.remark,
                    flag,
                    remark,
                    report,
                    sheet_row,
                );
            }
            _ => {}
        }
    }
}

/// Applies an input flag and remark to an answer: an empty flag is 未回答, an unreadable one is
/// reported and leaves the answer as it was; a remark that only differs by Excel's line breaks
/// leaves the stored text as it was.
fn apply_input(
    value: &mut AnswerValue,
    remark: &mut String,
    flag: &str,
    cell_remark: &str,
    report: &mut ImportReport,
    sheet_row: u32,
) {
    let flag = flag.trim();
    let read = if flag.is_empty() {
        Some(AnswerValue::Unanswered)
    } else {
        AnswerValue::parse(flag)
    };
    match read {
        Some(v) => *value = v,
        None => report.skipped.push(Skipped {
            row: sheet_row + 1,
            reason: Skip::FlagNotAnswer {
                flag: flag.to_string(),
            },
        }),
    }
    if xl_norm(cell_remark) != xl_norm(remark) {
        *remark = xl_norm(cell_remark);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn edits_in_an_exported_workbook_are_applied() {
        let mut report = ImportReport::default();
        let mut value = AnswerValue::Yes;
        let mut remark = "一行目\r\n二行目".to_string();
        // Unchanged cells (Excel keeps line breaks as LF) leave the stored text exactly as it was.
        apply_input(
            &mut value,
            &mut remark,
            "はい",
            "一行目\n二行目",
            &mut report,
            9,
        );
        assert_eq!(
            (value, remark.as_str()),
            (AnswerValue::Yes, "一行目\r\n二行目")
        );
        // An edited flag and remark win.
        apply_input(
            &mut value,
            &mut remark,
            "いいえ",
            "理由を追記",
            &mut report,
            9,
        );
        assert_eq!((value, remark.as_str()), (AnswerValue::No, "理由を追記"));
        // A cleared flag is 未回答; an unreadable flag is reported and the answer kept.
        apply_input(&mut value, &mut remark, "", "理由を追記", &mut report, 9);
        assert_eq!(value, AnswerValue::Unanswered);
        value = AnswerValue::NotApplicable;
        apply_input(
            &mut value,
            &mut remark,
            "たぶん",
            "理由を追記",
            &mut report,
            9,
        );
        assert_eq!(value, AnswerValue::NotApplicable);
        assert_eq!(
            report.skipped,
            vec![Skipped {
                row: 10,
                reason: Skip::FlagNotAnswer {
                    flag: "たぶん".into()
                }
            }]
        );
    }
}
