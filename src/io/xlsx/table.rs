//! A table sheet that prints well: a title and lines above, optional spanning headings over
//! groups of columns, column headings, rows with wrapped text whose heights fit their text,
//! A4 landscape (or portrait) one page wide, headings repeated on every page, page numbers.
//! The review sheet, the comparison workbook and other reports are written through it.

use rust_xlsxwriter::{Format, FormatAlign, FormatBorder, Workbook};

use super::XlsxError as ExportError;

/// The format every cell starts from: the form's font (from the wording passed in), its size,
/// centred vertically.
pub(super) fn base(font: &str) -> Format {
    Format::new()
        .set_font_name(font)
        .set_font_size(10)
        .set_align(FormatAlign::VerticalCenter)
}

/// One body row: its cells, and whether it is highlighted (a difference, an item to act on).
#[derive(Debug, Clone, Default, PartialEq)]
pub struct TableRow {
    pub cells: Vec<String>,
    pub marked: bool,
}

/// A heading spanning columns `first..=last` above the column headings.
#[derive(Debug, Clone, PartialEq)]
pub struct Span {
    pub first: u16,
    pub last: u16,
    pub text: String,
}

/// Everything a printable table sheet shows; the words come from the caller.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct PrintTable {
    pub sheet: String,
    pub title: String,
    /// Lines under the title (who, when, counts, fingerprint), each across the table's width.
    pub lines: Vec<String>,
    pub spans: Vec<Span>,
    /// Column headings and widths (Excel character units).
    pub columns: Vec<(String, f64)>,
    pub rows: Vec<TableRow>,
    pub landscape: bool,
}

/// Points per printed line of 10-point text, with the cell's padding.
const LINE_PT: f64 = 13.5;
const PAD_PT: f64 = 4.0;
/// Rows taller than this many lines are capped (Excel's row limit is 409 points).
const MAX_LINES: usize = 30;

/// Display width in half-width units (full-width characters count 2).
fn display_width(s: &str) -> usize {
    s.chars().map(|c| if c.is_ascii() { 1 } else { 2 }).sum()
}

/// The lines `text` takes wrapped in a column `width` characters wide. A little narrower than
/// the width, because viewers substitute fonts (LibreOffice lacks the form's Windows font).
pub(super) fn wrapped_lines(text: &str, width: f64) -> usize {
    let per_line = (width * 0.9).max(4.0) as usize;
    text.split('\n')
        .map(|l| display_width(l).div_ceil(per_line).max(1))
        .sum()
}

/// Row height (points) for wrapped texts, each in a column of the given width.
pub(super) fn wrapped_height(texts: &[(&str, f64)]) -> f64 {
    let lines = texts
        .iter()
        .map(|(t, width)| wrapped_lines(t, *width))
        .max()
        .unwrap_or(1);
    (lines.min(MAX_LINES) as f64 * LINE_PT + PAD_PT).max(18.0)
}

pub(super) fn bordered(f: Format) -> Format {
    f.set_border(FormatBorder::Thin).set_border_color("#A0A0A0")
}

/// Adds the table as a new sheet of `wb`, in `font` (the form's: `FormText::workbook.font`).
pub fn add_print_table(wb: &mut Workbook, font: &str, t: &PrintTable) -> Result<(), ExportError> {
    let base = || base(font);
    let ws = wb.add_worksheet();
    ws.set_name(&t.sheet)?;
    let last_col = t.columns.len().saturating_sub(1) as u16;
    let total_width: f64 = t.columns.iter().map(|(_, w)| w).sum();
    let title = base().set_bold().set_font_size(14);
    let line = base().set_text_wrap().set_align(FormatAlign::Top);
    let head = bordered(
        base()
            .set_bold()
            .set_background_color("#DDE3EC")
            .set_text_wrap()
            .set_align(FormatAlign::Center),
    );
    let plain = bordered(base().set_text_wrap().set_align(FormatAlign::Top));
    let marked = plain.clone().set_background_color("#FCE4D6");

    for (c, (_, w)) in t.columns.iter().enumerate() {
        ws.set_column_width(c as u16, *w)?;
    }
    let mut r: u32 = 0;
    if last_col > 0 {
        ws.merge_range(r, 0, r, last_col, &t.title, &title)?;
    } else {
        ws.write_string_with_format(r, 0, &t.title, &title)?;
    }
    ws.set_row_height(r, 24.0)?;
    r += 1;
    for text in &t.lines {
        if last_col > 0 {
            ws.merge_range(r, 0, r, last_col, text, &line)?;
        } else {
            ws.write_string_with_format(r, 0, text, &line)?;
        }
        ws.set_row_height(r, wrapped_height(&[(text, total_width)]))?;
        r += 1;
    }
    r += 1;
    let first_head = r;
    if !t.spans.is_empty() {
        let mut texts = Vec::new();
        for s in &t.spans {
            let width: f64 = t
                .columns
                .get(s.first as usize..=s.last as usize)
                .map(|cols| cols.iter().map(|(_, w)| w).sum())
                .unwrap_or(10.0);
            texts.push((s.text.as_str(), width));
            if s.last > s.first {
                ws.merge_range(r, s.first, r, s.last, &s.text, &head)?;
            } else {
                ws.write_string_with_format(r, s.first, &s.text, &head)?;
            }
        }
        ws.set_row_height(r, wrapped_height(&texts))?;
        r += 1;
    }
    let head_row = r;
    for (c, (h, _)) in t.columns.iter().enumerate() {
        ws.write_string_with_format(r, c as u16, h, &head)?;
    }
    let texts: Vec<(&str, f64)> = t.columns.iter().map(|(h, w)| (h.as_str(), *w)).collect();
    ws.set_row_height(r, wrapped_height(&texts))?;
    r += 1;
    for row in &t.rows {
        let f = if row.marked { &marked } else { &plain };
        for (c, text) in row.cells.iter().enumerate().take(t.columns.len()) {
            ws.write_string_with_format(r, c as u16, text, f)?;
        }
        // Cells the row leaves empty still get the border.
        for c in row.cells.len()..t.columns.len() {
            ws.write_blank(r, c as u16, f)?;
        }
        let texts: Vec<(&str, f64)> = row
            .cells
            .iter()
            .zip(&t.columns)
            .map(|(text, (_, w))| (text.as_str(), *w))
            .collect();
        ws.set_row_height(r, wrapped_height(&texts))?;
        r += 1;
    }
    let last_row = r.saturating_sub(1).max(head_row);

    // Printing: A4, one page wide, as many pages down as needed, headings on every page.
    ws.set_paper_size(9);
    if t.landscape {
        ws.set_landscape();
    } else {
        ws.set_portrait();
    }
    ws.set_print_area(0, 0, last_row, last_col)?;
    ws.set_repeat_rows(first_head, head_row)?;
    ws.set_print_fit_to_pages(1, 0);
    ws.set_print_center_horizontally(true);
    ws.set_margins(0.4, 0.4, 0.5, 0.5, 0.3, 0.3);
    ws.set_footer("&C&P / &N");
    ws.set_freeze_panes(head_row + 1, 0)?;
    if !t.columns.is_empty() {
        ws.autofilter(head_row, 0, last_row, last_col)?;
    }
    Ok(())
}

/// The longest sheet name Excel accepts, in characters.
const MAX_SHEET_NAME: usize = 31;

/// `name` made a valid sheet name not yet in `taken` (which it joins): the characters Excel
/// refuses (`[]:*?/\`) become 「_」, leading and trailing apostrophes go, at most 31 characters,
/// and 「 (2)」, 「 (3)」 … after a name already taken (compared case-insensitively, as Excel
/// does). An empty name becomes 「_」.
pub fn unique_sheet_name(name: &str, taken: &mut std::collections::HashSet<String>) -> String {
    let clean: String = name
        .chars()
        .map(|c| {
            if "[]:*?/\\".contains(c) || c.is_control() {
                '_'
            } else {
                c
            }
        })
        .collect();
    let clean = clean.trim_matches('\'').trim();
    let clean = if clean.is_empty() { "_" } else { clean };
    let mut n = 1usize;
    loop {
        let suffix = if n == 1 {
            String::new()
        } else {
            format!(" ({n})")
        };
        let room = MAX_SHEET_NAME.saturating_sub(suffix.chars().count());
        let candidate: String = clean.chars().take(room).collect::<String>() + &suffix;
        if taken.insert(candidate.to_lowercase()) {
            return candidate;
        }
        n += 1;
    }
}

/// A workbook of these tables, a sheet each, in `font`.
pub fn tables_xlsx(tables: &[PrintTable], font: &str) -> Result<Vec<u8>, ExportError> {
    let mut wb = Workbook::new();
    for t in tables {
        add_print_table(&mut wb, font, t)?;
    }
    Ok(wb.save_to_buffer()?)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sheet_names_are_valid_and_unique() {
        let mut taken = std::collections::HashSet::new();
        assert_eq!(unique_sheet_name("山田 [A]/B", &mut taken), "山田 _A__B");
        assert_eq!(
            unique_sheet_name("山田 [A]/B", &mut taken),
            "山田 _A__B (2)"
        );
        assert_eq!(unique_sheet_name("'", &mut taken), "_");
        let long = "あ".repeat(40);
        let first = unique_sheet_name(&long, &mut taken);
        assert_eq!(first.chars().count(), 31);
        let second = unique_sheet_name(&long, &mut taken);
        assert_eq!(second.chars().count(), 31);
        assert!(second.ends_with(" (2)"));
        assert_eq!(unique_sheet_name("Class", &mut taken), "Class");
        assert_eq!(unique_sheet_name("class", &mut taken), "class (2)");
    }

    #[test]
    fn heights_grow_with_the_wrapped_text() {
        let one = wrapped_height(&[("短い", 20.0)]);
        let long = "あ".repeat(60);
        let many = wrapped_height(&[(long.as_str(), 20.0)]);
        // 120 half-width units in a 20-unit column (18 per line): 7 lines.
        assert_eq!(wrapped_lines(&long, 20.0), 7);
        assert!(many > one * 3.0);
        assert_eq!(wrapped_lines("a\nb\nc", 50.0), 3);
    }
}
