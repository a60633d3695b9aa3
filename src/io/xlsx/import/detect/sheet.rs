//! The first phase of detection: the sheet to read (given, or the one with the most question
//! rows) and the rows of it to read.

use super::super::Mapping;
use super::super::grid::{Book, Grid};
use super::words::question_cells;
use crate::io::xlsx::{HIDDEN_SHEET, XlsxError};

/// The sheet detection reads, and where.
pub(super) struct Layout {
    /// The chosen sheet.
    pub sheet: String,
    pub grid: Grid,
    /// Every sheet of the workbook, for an error that names them.
    pub names: Vec<String>,
    /// The first and last rows read (0-based, inclusive; `last_row` within the sheet).
    pub first_row: u32,
    pub last_row: u32,
}

/// Rows that read as questions.
fn score_sheet(grid: &Grid) -> usize {
    (0..grid.height())
        .filter(|r| question_cells(&grid.cells(*r)).is_some())
        .count()
}

/// The sheet: given, or the one with the most question rows (the hidden sheet of an export is
/// never a candidate); the rows: given, else all of them.
pub(super) fn choose_sheet(book: &mut Book, given: &Mapping) -> Result<Layout, XlsxError> {
    let path = book.path.clone();
    let names: Vec<String> = book.sheets.iter().map(|(n, _)| n.clone()).collect();
    let (sheet, grid) = match &given.sheet {
        Some(name) => {
            if !names.contains(name) {
                return Err(XlsxError::NoSuchSheet {
                    path,
                    sheet: name.clone(),
                });
            }
            (name.clone(), book.grid(name)?)
        }
        None => {
            let mut best: Option<(usize, String, Grid)> = None;
            for name in &names {
                if name == HIDDEN_SHEET {
                    continue;
                }
                let g = book.grid(name)?;
                let s = score_sheet(&g);
                if s > 0 && best.as_ref().is_none_or(|(b, _, _)| s > *b) {
                    best = Some((s, name.clone(), g));
                }
            }
            match best {
                Some((_, n, g)) => (n, g),
                None => {
                    return Err(XlsxError::NoQuestions {
                        path,
                        sheets: names.join(", "),
                    });
                }
            }
        }
    };
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
        first_row,
        last_row,
    })
}
