//! Sheets as grids of cell text: the reading of cells within the row and cell limits, and the
//! conversion of Excel's values (numbers, dates, booleans) to the text they show.

use std::io::Cursor;
use std::path::PathBuf;

use calamine::{Data, Xlsx};

use crate::io::xlsx::XlsxError;

/// Most rows and columns read from a sheet.
pub const MAX_ROWS: u32 = 20_000;
pub const MAX_COLS: u16 = 200;
/// Non-empty cells read from one sheet.
pub const MAX_CELLS: usize = 400_000;
/// Most characters in one cell: Excel's own limit (kaijisho's exports keep to it too).
pub const MAX_CELL_CHARS: usize = 32_767;
/// Most text read from one sheet: a shared string is stored once in the file but copied into
/// every cell that uses it, so 300 cells of one 4 MB string must not become 1.2 GB.
pub const MAX_SHEET_TEXT_BYTES: usize = 64 * 1024 * 1024;

/// Most merged ranges read from one sheet.
pub const MAX_MERGES: usize = 50_000;

/// A merged range (0-based, inclusive).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Merge {
    pub first_row: u32,
    pub last_row: u32,
    pub first_col: u16,
    pub last_col: u16,
}

/// A sheet as a dense grid of strings, 0-based absolute coordinates, with its merged ranges.
#[derive(Debug, Clone, Default)]
pub struct Grid {
    rows: Vec<Vec<String>>,
    /// Sorted by their first row.
    merges: Vec<Merge>,
    /// For each merge (in `merges`' order), the last row any merge up to it reaches: where a
    /// search for the ranges covering a row may stop.
    reach: Vec<u32>,
    beyond: Option<Beyond>,
}

/// The cells holding something right of the last column read ([`MAX_COLS`]): not read, and
/// said.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Beyond {
    pub cells: usize,
    /// The first of them (0-based row and column).
    pub first: (u32, u32),
}

impl Grid {
    pub fn get(&self, row: u32, col: u16) -> &str {
        self.rows
            .get(row as usize)
            .and_then(|r| r.get(col as usize))
            .map(String::as_str)
            .unwrap_or("")
    }

    pub fn height(&self) -> u32 {
        self.rows.len() as u32
    }

    /// Columns up to the last non-empty cell of any row.
    pub fn width(&self) -> u16 {
        self.rows.iter().map(Vec::len).max().unwrap_or(0) as u16
    }

    /// The cells right of the last column read, if any held something.
    pub fn beyond(&self) -> Option<Beyond> {
        self.beyond
    }

    /// The merged ranges (within [`MAX_MERGES`]).
    pub fn merges(&self) -> &[Merge] {
        &self.merges
    }

    /// The top-left cell of the merged range that covers `(row, col)` without starting there:
    /// a cell no viewer shows (what it holds is hidden under the range's first cell).
    pub fn covered_by(&self, row: u32, col: u16) -> Option<(u32, u16)> {
        let upto = self.merges.partition_point(|m| m.first_row <= row);
        let mut i = upto;
        while i > 0 {
            i -= 1;
            if self.reach.get(i).is_none_or(|r| *r < row) {
                break;
            }
            let m = self.merges.get(i)?;
            let inside = (m.first_row..=m.last_row).contains(&row)
                && (m.first_col..=m.last_col).contains(&col);
            if inside {
                return ((m.first_row, m.first_col) != (row, col))
                    .then_some((m.first_row, m.first_col));
            }
        }
        None
    }

    /// A grid of these rows and merged ranges (rows of cells, 0-based).
    pub fn from_rows(rows: Vec<Vec<String>>, merges: Vec<Merge>) -> Grid {
        let mut grid = Grid {
            rows,
            merges: Vec::new(),
            reach: Vec::new(),
            beyond: None,
        };
        grid.set_merges(merges);
        grid
    }

    fn set_merges(&mut self, mut merges: Vec<Merge>) {
        merges.sort_by_key(|m| (m.first_row, m.first_col));
        let mut reach = 0;
        self.reach = merges
            .iter()
            .map(|m| {
                reach = reach.max(m.last_row);
                reach
            })
            .collect();
        self.merges = merges;
    }

    /// The merged range starting at this cell, if one does.
    pub fn merge_at(&self, row: u32, col: u16) -> Option<Merge> {
        let from = self.merges.partition_point(|m| m.first_row < row);
        self.merges
            .get(from..)?
            .iter()
            .take_while(|m| m.first_row == row)
            .find(|m| m.first_col == col)
            .copied()
    }

    /// The last row of a vertical merge starting at this cell (the cell's own row when it
    /// starts none).
    pub fn merged_down(&self, row: u32, col: u16) -> u32 {
        self.merges
            .iter()
            .find(|m| m.first_row == row && m.first_col == col)
            .map_or(row, |m| m.last_row.max(row))
    }

    /// Non-empty cells of a row: (col, trimmed text).
    pub(super) fn cells(&self, row: u32) -> Vec<(u16, &str)> {
        self.rows
            .get(row as usize)
            .map(|r| {
                r.iter()
                    .enumerate()
                    .filter(|(_, v)| !v.trim().is_empty())
                    .map(|(c, v)| (c as u16, v.trim()))
                    .collect()
            })
            .unwrap_or_default()
    }
}

/// Excel's serial date (1900 system) → `2023年10月4日`.
fn serial_date(serial: f64) -> Option<String> {
    if !(1.0..2_958_466.0).contains(&serial) {
        return None;
    }
    let base = jiff::civil::date(1899, 12, 30);
    let d = base
        .checked_add(jiff::Span::new().days(serial.floor() as i64))
        .ok()?;
    Some(format!("{}年{}月{}日", d.year(), d.month(), d.day()))
}

fn float_text(f: f64) -> String {
    if f.fract() == 0.0 && f.abs() < 1e15 {
        format!("{}", f as i64)
    } else {
        format!("{f}")
    }
}

fn data_text(d: &Data) -> String {
    match d {
        Data::Empty | Data::Error(_) => String::new(),
        Data::String(s) => s.clone(),
        Data::Int(i) => i.to_string(),
        Data::Float(f) => float_text(*f),
        Data::Bool(b) => if *b { "TRUE" } else { "FALSE" }.to_string(),
        Data::DateTime(dt) => {
            let f = dt.as_f64();
            if dt.is_datetime() {
                serial_date(f).unwrap_or_else(|| float_text(f))
            } else {
                float_text(f)
            }
        }
        Data::DateTimeIso(s) | Data::DurationIso(s) => s.clone(),
    }
}

/// An opened workbook: sheet names (visible ones first) and their grids, read lazily.
pub struct Book {
    pub(in crate::io::xlsx) path: PathBuf,
    pub(super) bytes: Vec<u8>,
    pub(super) xlsx: Xlsx<Cursor<Vec<u8>>>,
    pub sheets: Vec<(String, bool)>,
}

impl Book {
    /// The sheet's cells as a grid, read cell by cell: a sheet is never expanded to its
    /// bounding box (a lone cell at XFD1048576 would otherwise ask for billions of cells), and
    /// the row and cell limits stop the reading as soon as they are passed.
    pub fn grid(&mut self, name: &str) -> Result<Grid, XlsxError> {
        let path = self.path.clone();
        let malformed = |e: calamine::XlsxError| XlsxError::Malformed {
            path: path.clone(),
            detail: e.to_string(),
        };
        let mut reader = match self.xlsx.worksheet_cells_reader(name) {
            Ok(r) => r,
            // A chart sheet or dialog sheet has no cells.
            Err(calamine::XlsxError::NotAWorksheet(_)) => return Ok(Grid::default()),
            Err(e) => return Err(malformed(e)),
        };
        let mut rows: Vec<Vec<String>> = Vec::new();
        let mut cells = 0usize;
        let mut text_bytes = 0usize;
        // Numbers with a fraction: shown by their number format (1.10, not 1.1).
        let mut fractions: Vec<(u32, u32, f64)> = Vec::new();
        let mut beyond: Option<Beyond> = None;
        while let Some(cell) = reader.next_cell().map_err(malformed)? {
            let (r, c) = cell.get_position();
            if r >= MAX_ROWS {
                return Err(XlsxError::TooLarge {
                    path: path.clone(),
                    detail: format!("sheet {name} has more than {MAX_ROWS} rows"),
                });
            }
            let data = Data::from(cell.get_value().clone());
            if c > u32::from(MAX_COLS) {
                if !data_text(&data).trim().is_empty() {
                    let b = beyond.get_or_insert(Beyond {
                        cells: 0,
                        first: (r, c),
                    });
                    b.cells += 1;
                }
                continue;
            }
            if let Data::Float(f) = data
                && f.fract() != 0.0
            {
                fractions.push((r, c, f));
            }
            let text = data_text(&data);
            if text.is_empty() {
                continue;
            }
            let chars = text.chars().count();
            if chars > MAX_CELL_CHARS {
                return Err(XlsxError::TooLarge {
                    path: path.clone(),
                    detail: format!(
                        "sheet {name}, cell {}{}: {chars} characters, more than Excel's {MAX_CELL_CHARS} per cell",
                        crate::io::xlsx::col_name(c as u16),
                        u64::from(r) + 1
                    ),
                });
            }
            text_bytes += text.len();
            if text_bytes > MAX_SHEET_TEXT_BYTES {
                return Err(XlsxError::TooLarge {
                    path: path.clone(),
                    detail: format!(
                        "sheet {name} holds more than {MAX_SHEET_TEXT_BYTES} bytes of text"
                    ),
                });
            }
            cells += 1;
            if cells > MAX_CELLS {
                return Err(XlsxError::TooLarge {
                    path: path.clone(),
                    detail: format!("sheet {name} has more than {MAX_CELLS} cells"),
                });
            }
            let (r, c) = (r as usize, c as usize);
            if rows.len() <= r {
                rows.resize_with(r + 1, Vec::new);
            }
            if let Some(row) = rows.get_mut(r) {
                if row.len() <= c {
                    row.resize(c + 1, String::new());
                }
                if let Some(slot) = row.get_mut(c) {
                    *slot = text;
                }
            }
        }
        drop(reader);
        if let Some(b) = beyond {
            log::warn!(
                "{}: sheet {name}: {} cells right of column {} not read (the first at row {}, \
                 column {})",
                path.display(),
                b.cells,
                MAX_COLS + 1,
                b.first.0 + 1,
                b.first.1 + 1
            );
        }
        let mut grid = Grid::from_rows(rows, self.merges(name)?);
        grid.beyond = beyond;
        if !fractions.is_empty() {
            self.show_fractions(name, &mut grid, &fractions)?;
        }
        Ok(grid)
    }

    /// The sheet's merged ranges (at most [`MAX_MERGES`]).
    fn merges(&mut self, name: &str) -> Result<Vec<Merge>, XlsxError> {
        // Merged ranges that cannot be read are an error, never none: a fill would otherwise
        // write into cells no one sees.
        let found = match self.xlsx.merge_cells_by_sheet_name(name) {
            Ok(found) => found,
            Err(calamine::XlsxError::NotAWorksheet(_)) => Vec::new(),
            Err(e) => {
                return Err(XlsxError::Malformed {
                    path: self.path.clone(),
                    detail: format!("sheet {name}: merged cells: {e}"),
                });
            }
        };
        if found.len() > MAX_MERGES {
            return Err(XlsxError::TooLarge {
                path: self.path.clone(),
                detail: format!("sheet {name} has more than {MAX_MERGES} merged ranges"),
            });
        }
        Ok(found
            .iter()
            .filter_map(|d| {
                // A range written last cell first (D6:C5) covers the same cells.
                let (r0, r1) = (d.start.0.min(d.end.0), d.start.0.max(d.end.0));
                let (c0, c1) = (d.start.1.min(d.end.1), d.start.1.max(d.end.1));
                Some(Merge {
                    first_row: r0,
                    last_row: r1,
                    first_col: u16::try_from(c0).ok()?,
                    last_col: u16::try_from(c1).ok()?,
                })
            })
            .collect())
    }

    /// Numbers with a fraction shown as their number format shows them: `1.1` formatted
    /// `0.00` reads `1.10` (a question number, not a value). The styles are read only when
    /// such numbers exist, after counting the cells (within [`MAX_CELLS`]).
    fn show_fractions(
        &mut self,
        name: &str,
        grid: &mut Grid,
        fractions: &[(u32, u32, f64)],
    ) -> Result<(), XlsxError> {
        let path = self.path.clone();
        let malformed = |e: calamine::XlsxError| XlsxError::Malformed {
            path: path.clone(),
            detail: e.to_string(),
        };
        let mut reader = self.xlsx.worksheet_cells_reader(name).map_err(malformed)?;
        let mut styled = 0usize;
        while reader.next_style_id().map_err(malformed)?.is_some() {
            styled += 1;
            if styled > MAX_CELLS {
                return Err(XlsxError::TooLarge {
                    path: path.clone(),
                    detail: format!("sheet {name} has more than {MAX_CELLS} cells"),
                });
            }
        }
        drop(reader);
        let styles = self.xlsx.worksheet_style(name).map_err(malformed)?;
        for (r, c, f) in fractions {
            let decimals = styles
                .get((*r, *c))
                .and_then(|s| s.number_format.as_ref())
                .map_or(0, |n| format_decimals(&n.format_code));
            let shown = format!("{f:.decimals$}");
            if decimals > 0
                && shown.len() > float_text(*f).len()
                && let Some(slot) = grid
                    .rows
                    .get_mut(*r as usize)
                    .and_then(|row| row.get_mut(*c as usize))
            {
                *slot = shown;
            }
        }
        Ok(())
    }
}

/// The decimals a number format shows (`0.00` → 2, `#,##0.0` → 1, `General` → 0).
fn format_decimals(code: &str) -> usize {
    let first = code.split(';').next().unwrap_or_default();
    let mut in_quote = false;
    let mut after_point = false;
    let mut decimals = 0;
    for ch in first.chars() {
        match ch {
            '"' => in_quote = !in_quote,
            '.' if !in_quote => after_point = true,
            '0' | '#' if !in_quote && after_point => decimals += 1,
            _ if after_point && !in_quote => break,
            _ => {}
        }
    }
    decimals.min(15)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn number_format_decimals() {
        assert_eq!(format_decimals("0.00"), 2);
        assert_eq!(format_decimals("#,##0.0_ ;[Red]-#,##0.0"), 1);
        assert_eq!(format_decimals("General"), 0);
        assert_eq!(format_decimals("\"No.\"0"), 0);
    }

    #[test]
    fn a_covered_cell_names_its_ranges_first_cell() {
        let m = |first_row, last_row, first_col, last_col| Merge {
            first_row,
            last_row,
            first_col,
            last_col,
        };
        // A tall range early on, short ones after it, given out of order.
        let g = Grid::from_rows(
            Vec::new(),
            vec![m(10, 11, 0, 3), m(0, 30, 5, 5), m(20, 20, 1, 2)],
        );
        assert_eq!(g.covered_by(10, 0), None, "the first cell shows");
        assert_eq!(g.covered_by(11, 3), Some((10, 0)));
        assert_eq!(g.covered_by(25, 5), Some((0, 5)));
        assert_eq!(g.covered_by(20, 2), Some((20, 1)));
        assert_eq!(g.covered_by(20, 3), None);
        assert_eq!(g.covered_by(31, 5), None);
    }

    #[test]
    fn serial_dates() {
        assert_eq!(serial_date(45203.0).as_deref(), Some("2023年10月4日"));
    }
}
