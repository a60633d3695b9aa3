//! What the import saw, for the mapping wizard: the chosen sheet's first rows as a grid (cell
//! text cut short, merged ranges), what each row was taken as (heading, section, question,
//! option, skipped with the reason), the columns of the number and the text, the header value
//! cells on the sheet, and a signature of the layout (sheet name and heading texts) by which a
//! layout the user confirmed is recognised in the next workbook.

use serde::Serialize;

use super::Skip;
use super::grid::{Grid, Merge};

/// Rows of the sheet shown (the rest is read, not shown).
pub const VIEW_ROWS: u32 = 300;
/// Columns shown.
pub const VIEW_COLS: u16 = 40;
/// Characters of a cell shown.
pub const VIEW_CHARS: usize = 60;

/// What a row was taken as.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(tag = "role", rename_all = "snake_case")]
pub enum RowKind {
    /// Before the first row read, or after the last.
    Outside,
    /// Read, and neither a question, a section nor an option (blank, a title).
    Plain,
    /// The column headings (No. / 設問 / 回答 …).
    Heading,
    Section,
    Question,
    Option,
    /// Skipped, or only partly read: why.
    Skipped(Skip),
}

/// The chosen sheet as the wizard shows it.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize)]
pub struct SheetView {
    pub sheet: String,
    /// Every sheet of the workbook (the user may pick another).
    pub sheets: Vec<String>,
    /// The shown rows' cells (at most [`VIEW_ROWS`] × [`VIEW_COLS`], text cut to
    /// [`VIEW_CHARS`]).
    pub cells: Vec<Vec<String>>,
    /// The sheet's height (rows beyond [`VIEW_ROWS`] are not shown).
    pub height: u32,
    #[serde(skip)]
    pub merges: Vec<Merge>,
    /// One per shown row.
    pub rows: Vec<RowKind>,
    pub number_col: Option<u16>,
    pub text_col: Option<u16>,
    /// Header value cells on this sheet (row, column).
    pub header_cells: Vec<(u32, u16)>,
    /// Answer cells of question rows that were not read as an answer, and why (the row is
    /// still a question).
    pub unread: Vec<((u32, u16), Skip)>,
    /// Sheet name and heading texts: how a confirmed layout is recognised again (empty when
    /// the sheet has no texts to tell it by).
    pub signature: String,
}

/// A cell's text cut to [`VIEW_CHARS`] characters (… when cut), on one line.
fn shown(text: &str) -> String {
    let one_line = text.trim().replace(['\n', '\r'], " ");
    if one_line.chars().count() > VIEW_CHARS {
        let cut: String = one_line.chars().take(VIEW_CHARS).collect();
        format!("{cut}…")
    } else {
        one_line
    }
}

impl SheetView {
    /// The first rows of `grid` with every row `Outside` (detection fills the roles in).
    pub(super) fn of(sheet: &str, sheets: Vec<String>, grid: &Grid) -> SheetView {
        let height = grid.height();
        let rows = height.min(VIEW_ROWS);
        let cols = grid.width().min(VIEW_COLS);
        SheetView {
            sheet: sheet.to_string(),
            sheets,
            cells: (0..rows)
                .map(|r| (0..cols).map(|c| shown(grid.get(r, c))).collect())
                .collect(),
            height,
            merges: grid
                .merges()
                .iter()
                .filter(|m| m.first_row < rows && m.first_col < cols)
                .copied()
                .collect(),
            rows: vec![RowKind::Outside; rows as usize],
            ..SheetView::default()
        }
    }

    /// Sets a shown row's role (rows beyond the view are ignored).
    pub(super) fn set(&mut self, row: u32, role: RowKind) {
        if let Some(r) = self.rows.get_mut(row as usize) {
            *r = role;
        }
    }

    /// The signature of a layout: the sheet name and the texts of its heading row, else of
    /// the first cell of each row above the first question (titles and header labels, which
    /// do not change from one vendor's copy to the next).
    pub(super) fn sign(&mut self, heading_row: Option<u32>, first_question: Option<u32>) {
        let texts: Vec<&str> = match heading_row {
            Some(r) => self
                .cells
                .get(r as usize)
                .map(|row| {
                    row.iter()
                        .map(String::as_str)
                        .filter(|t| !t.is_empty())
                        .collect()
                })
                .unwrap_or_default(),
            None => self
                .cells
                .iter()
                .take(first_question.unwrap_or(0) as usize)
                .filter_map(|row| row.iter().find(|t| !t.is_empty()).map(String::as_str))
                .collect(),
        };
        // A sheet name alone would match any workbook whose detection failed the same way.
        self.signature = if texts.is_empty() {
            String::new()
        } else {
            format!("{}|{}", self.sheet, texts.join("|"))
        };
    }

    /// The merged range a cell starts, if any.
    pub fn merge_at(&self, row: u32, col: u16) -> Option<&Merge> {
        self.merges
            .iter()
            .find(|m| m.first_row == row && m.first_col == col)
    }

    /// Whether a cell is covered by a merged range it does not start.
    pub fn covered(&self, row: u32, col: u16) -> bool {
        self.merges.iter().any(|m| {
            (m.first_row..=m.last_row).contains(&row)
                && (m.first_col..=m.last_col).contains(&col)
                && (m.first_row, m.first_col) != (row, col)
        })
    }
}
