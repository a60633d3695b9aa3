//! "What changed since the last submission" as a workbook: one sheet with a header block (both
//! statements' vendor, product, version, checklist and fingerprint; the print date; the counts
//! per kind) above the table of the PDF — kind, number (now ← earlier), question, earlier
//! answer, answer now — with section titles as full-width rows. Printed A4 landscape, one page
//! wide, the column headings on every page, the print date in the page header and "n / N" in
//! the footer; every row as tall as its wrapped text. いいえ is bold as well as red. The words
//! come in as parameters.

use rust_xlsxwriter::{Format, FormatAlign, Workbook, Worksheet};

use super::XlsxError;
use super::table::{base, bordered, wrapped_height};
use crate::domain::changes::Changes;
use crate::domain::form::fill;
use crate::io::changes::{
    ChangesWording, Para, Tone, column_headings, counts_line, header_block, printed_line,
    row_cells, section_starts,
};

/// The columns' widths (Excel character units): kind, number, question, earlier answer, now.
const COLUMNS: [f64; 5] = [14.0, 12.0, 64.0, 34.0, 34.0];
const LAST_COL: u16 = 4;

/// The font of each tone, for the parts of a cell.
struct Fonts {
    plain: Format,
    quiet: Format,
    marked: Format,
    strong: Format,
}

impl Fonts {
    fn new(font: &str) -> Fonts {
        let f = || Format::new().set_font_name(font).set_font_size(10);
        Fonts {
            plain: f(),
            quiet: f().set_font_color("#595959"),
            marked: f().set_font_color("#285F9E"),
            strong: f().set_bold().set_font_color("#B71C1C"),
        }
    }

    fn of(&self, tone: Tone) -> &Format {
        match tone {
            Tone::Plain => &self.plain,
            Tone::Quiet => &self.quiet,
            Tone::Marked => &self.marked,
            Tone::Strong => &self.strong,
        }
    }
}

/// A cell's paragraphs, one line each: plain text when they all look alike, else a rich
/// string with each paragraph in its own font.
fn write_cell(
    ws: &mut Worksheet,
    (r, c): (u32, u16),
    paras: &[Para],
    (cell, fonts): (&Format, &Fonts),
) -> Result<(), XlsxError> {
    let text = paras
        .iter()
        .map(|p| p.text.as_str())
        .collect::<Vec<_>>()
        .join("\n");
    let first = paras.first().map(|p| p.tone).unwrap_or(Tone::Plain);
    if paras.iter().all(|p| p.tone == Tone::Plain) || text.is_empty() {
        ws.write_string_with_format(r, c, &text, cell)?;
        return Ok(());
    }
    if paras.iter().all(|p| p.tone == first) {
        let one = cell.clone().set_font_color(font_color(first));
        let one = if first == Tone::Strong {
            one.set_bold()
        } else {
            one
        };
        ws.write_string_with_format(r, c, &text, &one)?;
        return Ok(());
    }
    let mut parts: Vec<(&Format, String)> = Vec::new();
    for (i, p) in paras.iter().enumerate() {
        let mut t = if i > 0 {
            "\n".to_string()
        } else {
            String::new()
        };
        t.push_str(&p.text);
        if !t.is_empty() {
            parts.push((fonts.of(p.tone), t));
        }
    }
    let segments: Vec<(&Format, &str)> = parts.iter().map(|(f, t)| (*f, t.as_str())).collect();
    ws.write_rich_string_with_format(r, c, &segments, cell)?;
    Ok(())
}

fn font_color(tone: Tone) -> &'static str {
    match tone {
        Tone::Plain => "#000000",
        Tone::Quiet => "#595959",
        Tone::Marked => "#285F9E",
        Tone::Strong => "#B71C1C",
    }
}

fn height_of(cells: &[Vec<Para>], widths: &[f64]) -> f64 {
    let texts: Vec<String> = cells
        .iter()
        .map(|paras| {
            paras
                .iter()
                .map(|p| p.text.as_str())
                .collect::<Vec<_>>()
                .join("\n")
        })
        .collect();
    let pairs: Vec<(&str, f64)> = texts
        .iter()
        .map(String::as_str)
        .zip(widths.iter().copied())
        .collect();
    wrapped_height(&pairs)
}

/// `&` doubled, as a page header's text needs (a single one starts a code).
fn header_text(s: &str) -> String {
    s.replace('&', "&&")
}

/// The title, both statements side by side (label in A:B, the earlier one in C, this one in
/// D:E), the print date and the counts. Returns the next free row.
fn front(
    ws: &mut Worksheet,
    c: &Changes,
    w: &ChangesWording,
    (font, printed): (&str, &str),
) -> Result<u32, XlsxError> {
    let title = base(font).set_bold().set_font_size(14);
    let line = base(font).set_text_wrap().set_align(FormatAlign::Top);
    let label = bordered(line.clone().set_font_color("#595959"));
    let value = bordered(line.clone());
    let head = bordered(base(font).set_bold().set_background_color("#DDE3EC"));
    let total: f64 = COLUMNS.iter().sum();
    ws.merge_range(0, 0, 0, LAST_COL, &w.title, &title)?;
    ws.set_row_height(0, 24.0)?;
    let mut r = 2;
    let block = std::iter::once((String::new(), w.before.clone(), w.after.clone()))
        .chain(header_block(c, w));
    for (i, (l, before, after)) in block.enumerate() {
        let (lf, vf) = if i == 0 {
            (&head, &head)
        } else {
            (&label, &value)
        };
        ws.merge_range(r, 0, r, 1, &l, lf)?;
        ws.write_string_with_format(r, 2, &before, vf)?;
        ws.merge_range(r, 3, r, LAST_COL, &after, vf)?;
        let [kind, number, question, earlier, now] = COLUMNS;
        let texts = [
            (l.as_str(), kind + number),
            (before.as_str(), question),
            (after.as_str(), earlier + now),
        ];
        ws.set_row_height(r, wrapped_height(&texts))?;
        r += 1;
    }
    r += 1;
    for text in [printed.to_string(), counts_line(c, w)] {
        ws.merge_range(r, 0, r, LAST_COL, &text, &line)?;
        ws.set_row_height(r, wrapped_height(&[(text.as_str(), total)]))?;
        r += 1;
    }
    Ok(r + 1)
}

/// Adds the sheet of the changes to `wb`, in `font` (the form's: `FormText::workbook.font`),
/// printed at `printed`.
pub fn add_changes_sheet(
    wb: &mut Workbook,
    c: &Changes,
    w: &ChangesWording,
    font: &str,
    printed: &jiff::Zoned,
) -> Result<(), XlsxError> {
    let printed = printed_line(w, printed);
    let ws = wb.add_worksheet();
    ws.set_name(&w.sheet)?;
    for (col, width) in (0u16..).zip(COLUMNS) {
        ws.set_column_width(col, width)?;
    }
    let mut r = front(ws, c, w, (font, &printed))?;
    let head = bordered(
        base(font)
            .set_bold()
            .set_background_color("#DDE3EC")
            .set_text_wrap()
            .set_align(FormatAlign::Center),
    );
    let cell = bordered(base(font).set_text_wrap().set_align(FormatAlign::Top));
    let section = bordered(
        base(font)
            .set_bold()
            .set_background_color("#F2F2F2")
            .set_text_wrap(),
    );
    let fonts = Fonts::new(font);
    let head_row = r;
    let headings = column_headings(w);
    for (col, h) in (0u16..).zip(headings) {
        ws.write_string_with_format(r, col, h, &head)?;
    }
    let heading_cells: Vec<Vec<Para>> = headings
        .iter()
        .map(|h| {
            vec![Para {
                text: h.to_string(),
                tone: Tone::Plain,
            }]
        })
        .collect();
    ws.set_row_height(r, height_of(&heading_cells, &COLUMNS))?;
    r += 1;
    if c.rows.is_empty() {
        ws.merge_range(r, 0, r, LAST_COL, &w.nothing, &cell)?;
        r += 1;
    }
    let total: f64 = COLUMNS.iter().sum();
    for (row, starts) in c.rows.iter().zip(section_starts(c)) {
        if let Some(title) = starts {
            ws.merge_range(r, 0, r, LAST_COL, title, &section)?;
            ws.set_row_height(r, wrapped_height(&[(title, total)]))?;
            r += 1;
        }
        let cells = row_cells(row, w);
        for (col, paras) in (0u16..).zip(&cells) {
            write_cell(ws, (r, col), paras, (&cell, &fonts))?;
        }
        ws.set_row_height(r, height_of(&cells, &COLUMNS))?;
        r += 1;
    }
    let last_row = r.saturating_sub(1).max(head_row);
    ws.set_paper_size(9);
    ws.set_landscape();
    ws.set_print_area(0, 0, last_row, LAST_COL)?;
    ws.set_repeat_rows(head_row, head_row)?;
    ws.set_print_fit_to_pages(1, 0);
    ws.set_print_center_horizontally(true);
    ws.set_margins(0.4, 0.4, 0.6, 0.6, 0.3, 0.3);
    ws.set_header(format!(
        "&L{}&R{}",
        header_text(&w.title),
        header_text(&printed)
    ));
    let page = fill(&header_text(&w.page), &[("page", "&P"), ("pages", "&N")]);
    ws.set_footer(format!("&C{page}"));
    ws.set_freeze_panes(head_row + 1, 0)?;
    Ok(())
}

/// The workbook of the changes: one sheet (see [`add_changes_sheet`]).
pub fn changes_xlsx(
    c: &Changes,
    w: &ChangesWording,
    font: &str,
    printed: &jiff::Zoned,
) -> Result<Vec<u8>, XlsxError> {
    let mut wb = Workbook::new();
    add_changes_sheet(&mut wb, c, w, font, printed)?;
    Ok(wb.save_to_buffer()?)
}

/// Writes the workbook of the changes to `path` atomically (keeping a `.bak` of a previous
/// file).
pub fn export_changes_xlsx(
    path: &std::path::Path,
    c: &Changes,
    w: &ChangesWording,
    font: &str,
    printed: &jiff::Zoned,
) -> Result<(), crate::io::FileError> {
    let bytes = changes_xlsx(c, w, font, printed).map_err(|e| XlsxError::InFile {
        path: path.to_path_buf(),
        source: Box::new(e),
    })?;
    crate::io::atomic::atomic_write_within(path, &bytes, super::import::MAX_FILE_BYTES)?;
    Ok(())
}
