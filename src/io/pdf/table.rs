//! Tables as PDF — the printouts a hospital hands an inspector (comparison, check, register,
//! dossier): the same [`PrintTable`]s the workbooks are made of, on A4 (landscape when a table
//! asks for it), each table from a new page with its title and lines, its column headings
//! repeated on every page, a row kept on one page (unless taller than a page) and as tall as its
//! tallest cell. A marked row (いいえ, 要対応, outside the profile) stands out by more than colour:
//! bold text and a bar at its left edge. Every page carries the running head (what, for whom, by
//! whom), the print date and "n / N". The words come in as parameters.

use printpdf::{PdfDocument, PdfFontHandle};

use super::PdfError;
use super::font::Measure;
use super::layout::{BAND, BLACK, GREY, LIGHT, Pages, Paper, Rect, Row, Text, Unit, WARN};
use super::note::Pdf;
use super::write::{PrintFont, save};
use crate::domain::form::fill;
use crate::io::xlsx::PrintTable;

/// A4 landscape and portrait, in points, with room for the running heads.
pub(super) const LANDSCAPE: Paper = Paper {
    w: 841.89,
    h: 595.28,
    top: 46.0,
    bottom: 40.0,
};
const PORTRAIT: Paper = Paper {
    w: 595.28,
    h: 841.89,
    top: 50.0,
    bottom: 44.0,
};
pub(super) const LEFT: f32 = 30.0;
/// Space inside a cell, left and right, and above and below its text.
const PAD_X: f32 = 4.0;
const PAD_Y: f32 = 3.0;
pub(super) const SIZE: f32 = 8.0;
const RULE: f32 = 0.5;
/// The bar at the left edge of a marked row.
const BAR: f32 = 2.5;
/// A unit no taller than this stays on one page (portrait or landscape, with the headings).
const ONE_PAGE: f32 = 400.0;
/// The shading of a marked row (light: the bar and the bold text carry the mark).
const MARKED: (f32, f32, f32) = (0.99, 0.93, 0.93);

/// What every page of a report says above and below its content.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct RunningHead {
    /// What the report is (and of what), left above.
    pub title: String,
    /// For whom and by whom (the hospital, the reviewer), after the title.
    pub by: String,
    /// When it was printed, right above.
    pub printed: String,
    /// The page number below, `{ $page } / { $pages }`.
    pub page: String,
}

/// How a cell's text looks.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(super) enum Look {
    Plain,
    Quiet,
    /// Bold (and in the accent or warning colour as given).
    Bold((f32, f32, f32)),
    Colored((f32, f32, f32)),
}

impl Look {
    fn paint(self) -> ((f32, f32, f32), bool) {
        match self {
            Look::Plain => (BLACK, false),
            Look::Quiet => (GREY, false),
            Look::Bold(c) => (c, true),
            Look::Colored(c) => (c, false),
        }
    }
}

/// A table's columns on the page: where it starts and how wide each column is.
#[derive(Debug, Clone, PartialEq)]
pub(super) struct Grid {
    pub(super) left: f32,
    pub(super) widths: Vec<f32>,
}

impl Grid {
    /// Columns of `widths` (any unit) scaled to `width` points.
    pub(super) fn scaled(left: f32, width: f32, widths: &[f64]) -> Grid {
        let total: f64 = widths.iter().sum();
        let widths = widths
            .iter()
            .map(|w| {
                if total > 0.0 {
                    (w / total) as f32 * width
                } else {
                    0.0
                }
            })
            .collect();
        Grid { left, widths }
    }

    pub(super) fn width(&self) -> f32 {
        self.widths.iter().sum()
    }

    /// The left edge of each column.
    fn xs(&self) -> Vec<f32> {
        let mut x = self.left;
        self.widths
            .iter()
            .map(|w| {
                let at = x;
                x += w;
                at
            })
            .collect()
    }

    /// Shades one line across the table's width.
    pub(super) fn shade(&self, row: &mut Row, color: (f32, f32, f32)) {
        row.rects.push(Rect {
            x: self.left,
            dy: 0.0,
            w: self.width(),
            h: row.height,
            color,
        });
    }

    /// Vertical rules at every column edge, and the shading, of one line of a table row.
    fn rules(&self, row: &mut Row, fill_color: Option<(f32, f32, f32)>) {
        if let Some(color) = fill_color {
            self.shade(row, color);
        }
        for x in self.xs().into_iter().chain([self.left + self.width()]) {
            row.rects.push(Rect {
                x: x - RULE / 2.0,
                dy: 0.0,
                w: RULE,
                h: row.height,
                color: LIGHT,
            });
        }
    }

    /// One table row: every cell's paragraphs wrapped in its column, the lines side by side,
    /// a rule below; as tall as its tallest cell.
    pub(super) fn row(
        &self,
        m: &Measure,
        cells: &[Vec<(String, Look)>],
        shade: Option<(f32, f32, f32)>,
    ) -> Unit {
        let lines: Vec<Vec<(String, Look)>> = cells
            .iter()
            .zip(&self.widths)
            .map(|(paras, w)| {
                paras
                    .iter()
                    .flat_map(|(text, look)| {
                        m.wrap(text, w - 2.0 * PAD_X, SIZE)
                            .into_iter()
                            .map(|l| (l, *look))
                    })
                    .collect()
            })
            .collect();
        let count = lines.iter().map(Vec::len).max().unwrap_or(0).max(1);
        let mut unit: Unit = Vec::with_capacity(count + 2);
        unit.push(Row::gap(PAD_Y));
        let xs = self.xs();
        for i in 0..count {
            let mut row = Row::text(SIZE);
            for (cell, x) in lines.iter().zip(&xs) {
                if let Some((text, look)) = cell.get(i) {
                    let (color, bold) = look.paint();
                    row.texts.push(Text {
                        x: x + PAD_X,
                        size: SIZE,
                        text: text.clone(),
                        color,
                        bold,
                    });
                }
            }
            unit.push(row);
        }
        let mut bottom = Row::gap(PAD_Y);
        bottom.rule = Some((self.left, self.left + self.width(), LIGHT));
        unit.push(bottom);
        self.rule_unit(&mut unit, shade);
        unit
    }

    /// The shading and column rules of a unit: drawn once, as tall as the unit, when it will
    /// stay on one page (far fewer drawing operations in a long table); line by line when it
    /// may flow across pages.
    fn rule_unit(&self, unit: &mut Unit, shade: Option<(f32, f32, f32)>) {
        let height: f32 = unit.iter().map(|r| r.height).sum();
        match unit.first_mut() {
            Some(first) if height <= ONE_PAGE => {
                let line = first.height;
                first.height = height;
                self.rules(first, shade);
                first.height = line;
            }
            _ => {
                for row in unit.iter_mut() {
                    self.rules(row, shade);
                }
            }
        }
    }

    /// A line of text across the whole table (a section title), shaded.
    pub(super) fn band(&self, m: &Measure, title: &str, shade: (f32, f32, f32)) -> Unit {
        let lines = m.wrap(title, self.width() - 2.0 * PAD_X, SIZE + 1.0);
        let mut unit: Unit = vec![Row::gap(PAD_Y)];
        for l in lines {
            unit.push(Row::text(SIZE + 1.0).with(self.left + PAD_X, SIZE + 1.0, l, BLACK));
        }
        let mut bottom = Row::gap(PAD_Y);
        bottom.rule = Some((self.left, self.left + self.width(), LIGHT));
        unit.push(bottom);
        for row in &mut unit {
            self.shade(row, shade);
        }
        unit
    }

    /// The column headings, shaded, with a rule above.
    pub(super) fn headings(&self, m: &Measure, headings: &[String]) -> Unit {
        let cells: Vec<Vec<(String, Look)>> = headings
            .iter()
            .map(|h| vec![(h.clone(), Look::Plain)])
            .collect();
        self.heading_cells(m, &cells)
    }

    /// Column headings of several paragraphs each (a spanning heading above the column's own).
    fn heading_cells(&self, m: &Measure, cells: &[Vec<(String, Look)>]) -> Unit {
        let mut unit = self.row(m, cells, Some(BAND));
        let mut above = Row::gap(0.0);
        above.rule = Some((self.left, self.left + self.width(), LIGHT));
        unit.insert(0, above);
        unit
    }

    /// Marks a row as one that needs attention: a bar at its left edge (once when the row stays
    /// on one page, else on every line).
    fn bar(&self, unit: &mut Unit) {
        let height: f32 = unit.iter().map(|r| r.height).sum();
        let one = height <= ONE_PAGE;
        for row in unit.iter_mut() {
            row.rects.push(Rect {
                x: self.left,
                dy: 0.0,
                w: BAR,
                h: if one { height } else { row.height },
                color: WARN,
            });
            if one {
                break;
            }
        }
    }
}

/// Every page: the running head and the print date above, "n / N" below.
pub(super) fn running_heads(pages: &mut Pages<'_>, paper: Paper, head: &RunningHead) {
    let m = pages.m;
    let width = paper.w - 2.0 * LEFT;
    let total = pages.pages.len();
    let date_w = m.width(&head.printed, SIZE);
    let text = if head.by.is_empty() {
        head.title.clone()
    } else {
        format!("{}　{}", head.title, head.by)
    };
    let head_line = m
        .wrap(&text, width - date_w - 20.0, SIZE)
        .into_iter()
        .next()
        .unwrap_or_default();
    let above = paper.top - 18.0;
    let below = paper.h - paper.bottom + 22.0;
    for i in 0..total {
        let page = fill(
            &head.page,
            &[
                ("page", &(i + 1).to_string()),
                ("pages", &total.to_string()),
            ],
        );
        let page_w = m.width(&page, SIZE);
        for (x, y, text) in [
            (LEFT, above, head_line.clone()),
            (LEFT + width - date_w, above, head.printed.clone()),
            ((paper.w - page_w) / 2.0, below, page),
        ] {
            let t = Text {
                x,
                size: SIZE,
                text,
                color: GREY,
                bold: false,
            };
            pages.draw_text_on(i, &t, y);
        }
        pages.rule_on(i, LEFT, LEFT + width, paper.top - 12.0, LIGHT, 0.5);
    }
}

/// A table's title and the lines under it.
fn front(m: &Measure, t: &PrintTable, left: f32, width: f32) -> Unit {
    let title_w = m.width(&t.title, 13.0).min(width);
    let mut unit: Unit = vec![
        Row::text(13.0).with(left + (width - title_w) / 2.0, 13.0, &t.title, BLACK),
        Row::gap(6.0),
    ];
    for line in &t.lines {
        for l in m.wrap(line, width, 9.0) {
            unit.push(Row::text(9.0).with(left, 9.0, l, BLACK));
        }
    }
    unit.push(Row::gap(8.0));
    unit
}

/// Each column's heading, under the spanning heading that starts at it (a comparison's
/// statement above its 回答), the spanning heading in bold.
fn heading_paragraphs(t: &PrintTable) -> Vec<Vec<(String, Look)>> {
    t.columns
        .iter()
        .enumerate()
        .map(|(i, (h, _))| {
            let mut paras: Vec<(String, Look)> = t
                .spans
                .iter()
                .filter(|s| !s.text.trim().is_empty() && s.first as usize == i)
                .map(|s| (s.text.clone(), Look::Bold(BLACK)))
                .collect();
            paras.push((h.clone(), Look::Plain));
            paras
        })
        .collect()
}

/// Builds the PDF of `tables`, each from a new page, with `head` on every page. Like the
/// statement's, it comes with what it could not show as asked ([`super::PdfNote`]).
pub fn tables_pdf(
    tables: &[PrintTable],
    head: &RunningHead,
    font: &PrintFont,
) -> Result<Pdf, PdfError> {
    let font = font.copy();
    let mut doc = PdfDocument::new(&head.title);
    let font_id = doc.add_font(&font);
    let m = Measure::new(font);
    let paper = if tables.iter().any(|t| t.landscape) {
        LANDSCAPE
    } else {
        PORTRAIT
    };
    let width = paper.w - 2.0 * LEFT;
    let mut pages = Pages::on(paper, PdfFontHandle::External(font_id), &m);
    for (i, t) in tables.iter().enumerate() {
        // The previous table's headings are not repeated over this one.
        pages.repeat_on_each_page(Vec::new());
        if i > 0 {
            pages.break_page();
        }
        let widths: Vec<f64> = t.columns.iter().map(|(_, w)| *w).collect();
        let grid = Grid::scaled(LEFT, width, &widths);
        let heading_rows = grid.heading_cells(&m, &heading_paragraphs(t));
        let mut first = front(&m, t, LEFT, width);
        first.extend(heading_rows.iter().cloned());
        pages.place(&first);
        pages.repeat_on_each_page(heading_rows);
        for r in &t.rows {
            let look = if r.marked {
                Look::Bold(BLACK)
            } else {
                Look::Plain
            };
            let cells: Vec<Vec<(String, Look)>> =
                r.cells.iter().map(|c| vec![(c.clone(), look)]).collect();
            let mut unit = grid.row(&m, &cells, r.marked.then_some(MARKED));
            if r.marked {
                grid.bar(&mut unit);
            }
            pages.place(&unit);
        }
    }
    running_heads(&mut pages, paper, head);
    doc.metadata.info.document_title = head.title.clone();
    doc.metadata.info.creator = format!("kaijisho {}", env!("CARGO_PKG_VERSION"));
    Ok(save(doc, pages))
}

/// Writes [`tables_pdf`] to `path` atomically (keeping a `.bak` of a previous file); returns
/// what it could not show as asked, for the caller to say.
pub fn export_tables_pdf(
    path: &std::path::Path,
    tables: &[PrintTable],
    head: &RunningHead,
    font: &PrintFont,
) -> Result<Vec<super::PdfNote>, PdfError> {
    let pdf = tables_pdf(tables, head, font)?;
    crate::io::atomic::atomic_write(path, |out| out.write_all(&pdf.bytes))?;
    Ok(pdf.notes)
}
