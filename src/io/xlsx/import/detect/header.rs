//! The fourth phase of detection: the header fields (作成日, 製造業者 …), found by their labels
//! with the value to their right or in the label's own cell (「製造業者名：…」), on the question
//! sheet or, when it has none, on any other sheet (a cover sheet); or read from the cells the
//! mapping gives (`B3`, or `表紙!C4` on another sheet).

use std::collections::BTreeMap;
use std::path::Path;

use super::super::Mapping;
use super::super::grid::{Book, Grid};
use super::super::vocabulary::Vocabulary;
use crate::domain::catalogue::Kind;
use crate::domain::project::{Header, HeaderField};
use crate::io::xlsx::{HIDDEN_SHEET, XlsxError, col_name, sheet_cell};

/// Header rows are looked for among the first rows only.
const HEADER_SEARCH_ROWS: u32 = 60;

/// The header fields found.
pub(super) struct HeaderFound {
    pub header: Header,
    /// The kind of form each label belongs to (製造業者 → MDS, サービス事業者 → SDS).
    pub kind_votes: Vec<Kind>,
    /// Field key → value cell (`B3`, `表紙!B3`), for the mapping shown to the user.
    pub cells: BTreeMap<String, String>,
}

/// Labels and values on one sheet; `prefix` is `表紙!` for a sheet other than the question
/// sheet.
fn scan(grid: &Grid, end: u32, prefix: &str, vocab: &Vocabulary, found: &mut HeaderFound) {
    for r in 0..end.min(HEADER_SEARCH_ROWS) {
        let cells = grid.cells(r);
        for (i, (col, v)) in cells.iter().enumerate() {
            let cell_name = |c: u16| format!("{prefix}{}{}", col_name(c), r + 1);
            if let Some((field, kind, _, value)) = vocab.label_and_value(v) {
                found.kind_votes.extend(kind);
                if !value.is_empty() && found.header.get(field).is_empty() {
                    found.header.set(field, value.to_string());
                }
                found
                    .cells
                    .entry(field.key().into())
                    .or_insert_with(|| cell_name(*col));
                continue;
            }
            let Some((field, kind)) = vocab.header_field(v) else {
                continue;
            };
            found.kind_votes.extend(kind);
            // The value follows the label (after its merge, which on 方眼紙 forms is wide).
            let reach = right_of(grid, r, *col).saturating_add(10);
            let next = cells.get(i + 1).filter(|(c, _)| *c <= reach);
            match next {
                Some((vc, value))
                    if vocab.header_field(value).is_none()
                        && found.header.get(field).is_empty() =>
                {
                    found.header.set(field, value.to_string());
                    found.cells.insert(field.key().into(), cell_name(*vc));
                }
                // No value yet (a blank form): the cell right of the label (after its merge)
                // when it is empty, so filling the workbook knows where the value goes.
                _ => {
                    let right = right_of(grid, r, *col);
                    let cell = found.cells.entry(field.key().into()).or_default();
                    if cell.is_empty() && grid.get(r, right).trim().is_empty() {
                        *cell = cell_name(right);
                    }
                }
            }
        }
    }
}

/// The column right of a cell, after the horizontal merge it starts.
fn right_of(grid: &Grid, row: u32, col: u16) -> u16 {
    grid.merges()
        .iter()
        .find(|m| (m.first_row..=m.last_row).contains(&row) && m.first_col == col)
        .map_or(col, |m| m.last_col)
        .saturating_add(1)
}

/// Reads the header fields above the first question, then on the other sheets when the
/// question sheet has none; given cells win.
pub(super) fn read_header(
    book: &mut Book,
    sheet: &str,
    grid: &Grid,
    first_question_row: Option<u32>,
    given: &Mapping,
    vocab: &Vocabulary,
) -> Result<HeaderFound, XlsxError> {
    let path = book.path.clone();
    let mut found = HeaderFound {
        header: Header::default(),
        kind_votes: Vec::new(),
        cells: BTreeMap::new(),
    };
    scan(
        grid,
        first_question_row.unwrap_or(grid.height()),
        "",
        vocab,
        &mut found,
    );
    if found.cells.values().all(String::is_empty) {
        let others: Vec<String> = book
            .sheets
            .iter()
            .map(|(n, _)| n.clone())
            .filter(|n| n != sheet && n != HIDDEN_SHEET)
            .collect();
        for other in others {
            let g = book.grid(&other)?;
            scan(&g, g.height(), &format!("{other}!"), vocab, &mut found);
        }
    }
    for (key, cell) in &given.header {
        read_given(book, &path, (sheet, grid), (key, cell), vocab, &mut found)?;
    }
    found.cells.retain(|_, v| !v.is_empty());
    Ok(found)
}

/// A header cell the mapping gives.
fn read_given(
    book: &mut Book,
    path: &Path,
    (sheet, grid): (&str, &Grid),
    (key, cell): (&str, &str),
    vocab: &Vocabulary,
    found: &mut HeaderFound,
) -> Result<(), XlsxError> {
    let field = HeaderField::ALL
        .into_iter()
        .find(|f| f.key() == key)
        .ok_or_else(|| XlsxError::bad_mapping(path, format!("header field {key:?}")))?;
    let (in_sheet, r, c) = sheet_cell(cell)
        .ok_or_else(|| XlsxError::bad_mapping(path, format!("header cell {cell:?}")))?;
    let value = match in_sheet {
        Some(other) if other != sheet => {
            if !book.sheets.iter().any(|(n, _)| n == other) {
                return Err(XlsxError::bad_mapping(
                    path,
                    format!("header cell {cell:?}: no sheet {other}"),
                ));
            }
            book.grid(other)?.get(r, c).trim().to_string()
        }
        _ => grid.get(r, c).trim().to_string(),
    };
    // A 「製造業者名：…」 cell gives what follows its label.
    let value = match vocab.label_and_value(&value) {
        Some((f, _, _, v)) if f == field => v.to_string(),
        _ => value,
    };
    found.header.set(field, value);
    found.cells.insert(key.to_string(), cell.to_string());
    Ok(())
}
