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

/// A sheet as a dense grid of strings, 0-based absolute coordinates.
#[derive(Debug, Clone, Default)]
pub struct Grid {
    rows: Vec<Vec<String>>,
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
    pub(super) path: PathBuf,
    pub(super) bytes: Vec<u8>,
    pub(super) xlsx: Xlsx<Cursor<Vec<u8>>>,
    pub sheets: Vec<(String, bool)>,
}

impl Book {
    /// The sheet's cells as a grid, read cell by cell: a sheet is never expanded to its
    /// bounding box (a lone cell at XFD1048576 would otherwise ask for billions of cells), and
    /// the row and cell limits stop the reading as soon as they are passed.
    pub(super) fn grid(&mut self, name: &str) -> Result<Grid, XlsxError> {
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
        while let Some(cell) = reader.next_cell().map_err(malformed)? {
            let (r, c) = cell.get_position();
            if r >= MAX_ROWS {
                return Err(XlsxError::TooLarge {
                    path: path.clone(),
                    detail: format!("sheet {name} has more than {MAX_ROWS} rows"),
                });
            }
            if c > u32::from(MAX_COLS) {
                continue;
            }
            let text = data_text(&Data::from(cell.get_value().clone()));
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
        Ok(Grid { rows })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn serial_dates() {
        assert_eq!(serial_date(45203.0).as_deref(), Some("2023年10月4日"));
    }
}
