//! The first phase of detection: the sheet to read (given, or the one with the most question
//! rows; every sheet holding questions is listed with its count) and the rows of it to read.

use super::super::grid::{Book, Grid};
use super::super::vocabulary::Vocabulary;
use super::super::{Mapping, SheetQuestions};
use super::words::{numbered_cells, question_cells};
use crate::io::xlsx::{HIDDEN_SHEET, XlsxError};

/// The sheet detection reads, and where.
pub(super) struct Layout {
    /// The chosen sheet.
    pub sheet: String,
    pub grid: Grid,
    /// Every sheet of the workbook, for an error that names them.
    pub names: Vec<String>,
    /// Every sheet that holds question rows, with their count (most first).
    pub candidates: Vec<SheetQuestions>,
    /// The first and last rows read (0-based, inclusive; `last_row` within the sheet).
    pub first_row: u32,
    pub last_row: u32,
}

/// Rows that read as questions, and numbered rows with Japanese text.
fn score_sheet(grid: &Grid) -> (usize, usize) {
    let mut questions = 0;
    let mut numbered = 0;
    for r in 0..grid.height() {
        let cells = grid.cells(r);
        if question_cells(&cells).is_some() {
            questions += 1;
        } else if numbered_cells(&cells).is_some() {
            numbered += 1;
        }
    }
    (questions, numbered)
}

/// The sheet: given, or the one with the most question rows (the hidden sheet of an export
/// and correspondence tables are never candidates); the rows: given, else all of them.
pub(super) fn choose_sheet(
    book: &mut Book,
    given: &Mapping,
    vocab: &Vocabulary,
) -> Result<Layout, XlsxError> {
    let path = book.path.clone();
    let names: Vec<String> = book.sheets.iter().map(|(n, _)| n.clone()).collect();
    let mut best: Option<((usize, usize), String, Grid)> = None;
    // The mapping says where the questions are: a sheet need not look like a checklist.
    let hinted = given.number_column.is_some() && given.text_column.is_some()
        || given
            .rows
            .iter()
            .any(|r| r.role == crate::domain::source::RowKindGiven::Question);
    let mut candidates = Vec::new();
    for name in &names {
        if given.sheet.is_none() && (name == HIDDEN_SHEET || vocab.is_correspondence(name)) {
            continue;
        }
        if given.sheet.as_ref().is_some_and(|s| s != name) {
            continue;
        }
        let g = book.grid(name)?;
        let score = score_sheet(&g);
        if score.0 + score.1 > 0 {
            candidates.push(SheetQuestions {
                sheet: name.clone(),
                questions: score.0 + score.1,
            });
        }
        let better = best.as_ref().is_none_or(|(b, _, _)| score > *b);
        if (score.0 + score.1 > 0 || given.sheet.is_some() || hinted) && better {
            best = Some((score, name.clone(), g));
        }
    }
    let (sheet, grid) = match (best, &given.sheet) {
        (Some((_, n, g)), _) => (n, g),
        (None, Some(name)) => {
            return Err(XlsxError::NoSuchSheet {
                path,
                sheet: name.clone(),
            });
        }
        (None, None) => {
            return Err(XlsxError::NoQuestions {
                path,
                sheets: names.join(", "),
            });
        }
    };
    candidates.sort_by_key(|c| std::cmp::Reverse(c.questions));
    let first_row = given.first_row.map(|r| r.saturating_sub(1)).unwrap_or(0);
    let last_row = given
        .last_row
        .map(|r| r.saturating_sub(1))
        .unwrap_or(grid.height().saturating_sub(1))
        .min(grid.height().saturating_sub(1));
    Ok(Layout {
        sheet,
        grid,
        names,
        candidates,
        first_row,
        last_row,
    })
}
