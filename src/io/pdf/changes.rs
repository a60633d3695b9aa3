//! "What changed since the last submission" as a PDF: A4 landscape, a header block naming both
//! statements (vendor, product, version, checklist, fingerprint) with the counts per kind,
//! then one table — kind, number (now ← earlier), question, earlier answer, answer now — with
//! the section titles as full-width rows and the column headings repeated on every page. A row
//! is kept on one page (unless it is taller than a page) and is as tall as its tallest cell.
//! Every page carries the print date and "n / N". The words come in as parameters.

use printpdf::{PdfDocument, PdfFontHandle};

use super::PdfError;
use super::font::Measure;
use super::layout::{ACCENT, BAND, BLACK, GREY, LIGHT, Pages, Paper, Row, Unit, WARN};
use super::note::Pdf;
use super::table::{Grid, LANDSCAPE, LEFT, Look, RunningHead, SIZE, running_heads};
use super::write::{PrintFont, save};
use crate::domain::changes::Changes;
use crate::io::changes::{
    ChangesWording, Para, Tone, column_headings, counts_line, header_block, printed_line,
    row_cells, section_starts,
};

const PAPER: Paper = LANDSCAPE;
const WIDTH: f32 = PAPER.w - 2.0 * LEFT;
/// The columns' widths: kind, number, question, earlier answer, answer now.
const COLUMNS: [f32; 5] = [90.0, 74.0, 280.0, 169.0, 168.89];
/// Space inside a cell, left and right.
const PAD_X: f32 = 4.0;
/// The shading of a section row.
const SECTION: (f32, f32, f32) = (0.95, 0.95, 0.95);

fn grid() -> Grid {
    Grid {
        left: LEFT,
        widths: COLUMNS.to_vec(),
    }
}

fn look(tone: Tone) -> Look {
    match tone {
        Tone::Plain => Look::Plain,
        Tone::Quiet => Look::Quiet,
        Tone::Marked => Look::Colored(ACCENT),
        Tone::Strong => Look::Bold(WARN),
    }
}

/// One table row of paragraphs.
fn table_row(m: &Measure, cells: &[Vec<Para>], shade: Option<(f32, f32, f32)>) -> Unit {
    let cells: Vec<Vec<(String, Look)>> = cells
        .iter()
        .map(|paras| {
            paras
                .iter()
                .map(|p| (p.text.clone(), look(p.tone)))
                .collect()
        })
        .collect();
    grid().row(m, &cells, shade)
}

/// The column headings, shaded, with a rule above.
fn heading_row(m: &Measure, w: &ChangesWording) -> Unit {
    let headings: Vec<String> = column_headings(w)
        .into_iter()
        .map(|h| h.to_string())
        .collect();
    grid().headings(m, &headings)
}

/// The title, both statements side by side, and the counts.
fn front(m: &Measure, c: &Changes, w: &ChangesWording) -> Unit {
    let title_w = m.width(&w.title, 14.0).min(WIDTH);
    let mut unit: Unit = vec![
        Row::text(14.0).with(LEFT + (WIDTH - title_w) / 2.0, 14.0, &w.title, BLACK),
        Row::gap(6.0),
    ];
    let label = vec![Para {
        text: String::new(),
        tone: Tone::Plain,
    }];
    let head = [label, plain(&w.before), plain(&w.after)];
    unit.extend(block_row(m, &head, Some(BAND)));
    for (l, before, after) in header_block(c, w) {
        let cells = [plain(&l), plain(&before), plain(&after)];
        unit.extend(block_row(m, &cells, None));
    }
    unit.push(Row::gap(6.0));
    for l in m.wrap(&counts_line(c, w), WIDTH, 9.0) {
        unit.push(Row::text(9.0).with(LEFT, 9.0, l, BLACK));
    }
    unit.push(Row::gap(8.0));
    unit
}

fn plain(text: &str) -> Vec<Para> {
    vec![Para {
        text: text.to_string(),
        tone: Tone::Plain,
    }]
}

/// A row of the header block: a label column and one column per statement.
fn block_row(m: &Measure, cells: &[Vec<Para>; 3], shade: Option<(f32, f32, f32)>) -> Unit {
    const LABEL: f32 = 84.0;
    let half = (WIDTH - LABEL) / 2.0;
    let xs = [LEFT, LEFT + LABEL, LEFT + LABEL + half];
    let widths = [LABEL, half, half];
    let lines: Vec<Vec<String>> = cells
        .iter()
        .zip(widths)
        .map(|(paras, w)| {
            paras
                .iter()
                .flat_map(|p| m.wrap(&p.text, w - 2.0 * PAD_X, SIZE))
                .collect()
        })
        .collect();
    let count = lines.iter().map(Vec::len).max().unwrap_or(1).max(1);
    let mut unit: Unit = vec![Row::gap(2.0)];
    for i in 0..count {
        let mut row = Row::text(SIZE);
        for ((cell, x), col) in lines.iter().zip(xs).zip(0..) {
            if let Some(text) = cell.get(i) {
                let color = if col == 0 { GREY } else { BLACK };
                row = row.with(x + PAD_X, SIZE, text.clone(), color);
            }
        }
        unit.push(row);
    }
    let mut bottom = Row::gap(2.0);
    bottom.rule = Some((LEFT, LEFT + WIDTH, LIGHT));
    unit.push(bottom);
    if let Some(color) = shade {
        for row in &mut unit {
            grid().shade(row, color);
        }
    }
    unit
}

/// Builds the PDF of the changes, printed at `printed` (the date on every page). Like the
/// statement's, it comes with what it could not show as asked ([`super::PdfNote`]).
pub fn changes_pdf(
    c: &Changes,
    w: &ChangesWording,
    font: &PrintFont,
    printed: &jiff::Zoned,
) -> Result<Pdf, PdfError> {
    let font = font.copy();
    let mut doc = PdfDocument::new(&w.title);
    let font_id = doc.add_font(&font);
    let m = Measure::new(font);
    let mut pages = Pages::on(PAPER, PdfFontHandle::External(font_id), &m);
    let headings = heading_row(&m, w);
    let mut first = front(&m, c, w);
    first.extend(headings.iter().cloned());
    pages.place(&first);
    pages.repeat_on_each_page(headings);
    if c.rows.is_empty() {
        pages.place(&table_row(&m, &[plain(&w.nothing)], None));
    }
    for (row, starts) in c.rows.iter().zip(section_starts(c)) {
        let mut unit = match starts {
            // A section title never stands alone at the foot of a page.
            Some(title) => grid().band(&m, title, SECTION),
            None => Vec::new(),
        };
        unit.extend(table_row(&m, &row_cells(row, w), None));
        pages.place(&unit);
    }
    let head = format!(
        "{}　{} {}",
        w.title,
        crate::domain::text::visible(c.after.header.product.trim()),
        crate::domain::text::visible(c.after.header.version.trim())
    );
    let running = RunningHead {
        title: head.clone(),
        by: String::new(),
        printed: printed_line(w, printed),
        page: w.page.clone(),
    };
    running_heads(&mut pages, PAPER, &running);
    doc.metadata.info.document_title = head;
    doc.metadata.info.creator = format!("kaijisho {}", env!("CARGO_PKG_VERSION"));
    doc.metadata.info.identifier = c.after.fingerprint.clone();
    Ok(save(doc, pages))
}

/// Writes the PDF of the changes to `path` atomically (keeping a `.bak` of a previous file);
/// returns what it could not show as asked, for the caller to say.
pub fn export_changes_pdf(
    path: &std::path::Path,
    c: &Changes,
    w: &ChangesWording,
    font: &PrintFont,
    printed: &jiff::Zoned,
) -> Result<Vec<super::PdfNote>, PdfError> {
    let pdf = changes_pdf(c, w, font, printed)?;
    crate::io::atomic::atomic_write(path, |out| out.write_all(&pdf.bytes))?;
    Ok(pdf.notes)
}
