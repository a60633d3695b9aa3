//! The third phase of detection: the header fields (作成日, 製造業者 …), found by their labels
//! with the value to their right, or read from the cells the mapping gives.

use std::collections::BTreeMap;
use std::path::Path;

use super::super::Mapping;
use super::super::grid::Grid;
use super::bad_mapping;
use super::words::header_field;
use crate::domain::catalogue::Kind;
use crate::domain::project::{Header, HeaderField};
use crate::io::xlsx::{XlsxError, cell_index, col_name};

/// Header rows are looked for among the first rows only.
const HEADER_SEARCH_ROWS: u32 = 60;

/// The header fields found.
pub(super) struct HeaderFound {
    pub header: Header,
    /// The kind of form each label belongs to (製造業者 → MDS, サービス事業者 → SDS).
    pub kind_votes: Vec<Kind>,
    /// Field key → value cell (`B3`), for the mapping shown to the user.
    pub cells: BTreeMap<String, String>,
}

/// Reads the header fields above the first question (given cells win).
pub(super) fn read_header(
    path: &Path,
    grid: &Grid,
    first_question_row: Option<u32>,
    given: &Mapping,
) -> Result<HeaderFound, XlsxError> {
    let mut header = Header::default();
    let mut kind_votes: Vec<Kind> = Vec::new();
    let mut header_cells: BTreeMap<String, String> = BTreeMap::new();
    let end = first_question_row
        .unwrap_or(grid.height())
        .min(HEADER_SEARCH_ROWS);
    for r in 0..end {
        let cells = grid.cells(r);
        for (i, (col, v)) in cells.iter().enumerate() {
            if let Some((field, kind)) = header_field(v) {
                kind.into_iter().for_each(|k| kind_votes.push(k));
                if let Some((vc, value)) = cells.get(i + 1).filter(|(c, _)| *c <= col + 10) {
                    if header_field(value).is_none() && header.get(field).is_empty() {
                        header.set(field, value.to_string());
                        header_cells
                            .insert(field.key().into(), format!("{}{}", col_name(*vc), r + 1));
                    }
                } else {
                    header_cells.entry(field.key().into()).or_default();
                }
            }
        }
    }
    for (key, cell) in &given.header {
        let field = HeaderField::ALL
            .into_iter()
            .find(|f| f.key() == key)
            .ok_or_else(|| bad_mapping(path, format!("header field {key:?}")))?;
        let (r, c) =
            cell_index(cell).ok_or_else(|| bad_mapping(path, format!("header cell {cell:?}")))?;
        header.set(field, grid.get(r, c).trim().to_string());
        header_cells.insert(key.clone(), cell.clone());
    }
    header_cells.retain(|_, v| !v.is_empty());
    Ok(HeaderFound {
        header,
        kind_votes,
        cells: header_cells,
    })
}
