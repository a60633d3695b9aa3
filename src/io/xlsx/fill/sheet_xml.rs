//! Writing values into a worksheet's XML in one streaming pass: the bytes between the target
//! cells are copied as they are (styles, merges, validations, conditional formats, print
//! settings and every other cell untouched); a target cell is replaced by an inline-string cell
//! keeping its style, a missing cell or row is inserted in order. A target holding a formula is
//! refused.

use std::collections::BTreeMap;

use quick_xml::Reader;
use quick_xml::events::{BytesStart, Event};

use crate::io::xlsx::{cell_index, col_name};

/// What to write into a cell: text, or nothing (the value cleared, the style kept).
pub type Writes = BTreeMap<(u32, u16), Option<String>>;

/// Why a sheet could not be edited.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum SheetEdit {
    /// The cell (`B5`) holds a formula.
    Formula(String),
    /// The XML does not parse.
    Xml(String),
}

/// The value of an attribute, as text.
fn attr(e: &BytesStart<'_>, name: &str) -> Option<String> {
    e.attributes()
        .flatten()
        .find(|a| a.key.as_ref() == name)
        .map(|a| super::workbook_xml::unescape(&a.value))
}

/// Text safe inside an XML element: markup escaped, characters XML 1.0 forbids dropped.
fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '\t' | '\n' | '\r' => out.push(c),
            c if (c as u32) < 0x20 || matches!(c, '\u{FFFE}' | '\u{FFFF}') => {}
            c => out.push(c),
        }
    }
    out
}

/// The XML of a cell holding `value` (or nothing), with the style it had.
fn cell_xml(row: u32, col: u16, style: Option<&str>, value: Option<&str>) -> String {
    let r = format!("{}{}", col_name(col), u64::from(row) + 1);
    let s = style
        .map(|s| format!(" s=\"{}\"", escape(s)))
        .unwrap_or_default();
    match value {
        Some(v) if !v.is_empty() => format!(
            "<c r=\"{r}\"{s} t=\"inlineStr\"><is><t xml:space=\"preserve\">{}</t></is></c>",
            escape(v)
        ),
        _ => format!("<c r=\"{r}\"{s}/>"),
    }
}

/// The edit in progress.
struct Editor<'x> {
    xml: &'x [u8],
    out: Vec<u8>,
    copied: usize,
    pending: Writes,
}

impl Editor<'_> {
    /// Copies the original bytes up to `to`.
    fn copy_to(&mut self, to: usize) {
        if to > self.copied {
            self.out
                .extend_from_slice(self.xml.get(self.copied..to).unwrap_or_default());
            self.copied = to;
        }
    }

    /// Writes the pending cells of `row` left of `before` (all of them when `None`).
    fn new_cells(&mut self, row: u32, before: Option<u16>) {
        let keys: Vec<(u32, u16)> = self
            .pending
            .range((row, 0)..=(row, u16::MAX))
            .map(|(k, _)| *k)
            .filter(|(_, c)| before.is_none_or(|b| *c < b))
            .collect();
        for k in keys {
            if let Some(v) = self.pending.remove(&k) {
                let xml = cell_xml(k.0, k.1, None, v.as_deref());
                self.out.extend_from_slice(xml.as_bytes());
            }
        }
    }

    /// Writes whole new rows for the pending cells above `before` (all when `None`).
    fn new_rows(&mut self, before: Option<u32>) {
        let rows: Vec<u32> = self
            .pending
            .keys()
            .map(|(r, _)| *r)
            .filter(|r| before.is_none_or(|b| *r < b))
            .collect::<std::collections::BTreeSet<_>>()
            .into_iter()
            .collect();
        for r in rows {
            self.out
                .extend_from_slice(format!("<row r=\"{}\">", u64::from(r) + 1).as_bytes());
            self.new_cells(r, None);
            self.out.extend_from_slice(b"</row>");
        }
    }

    fn has_row(&self, row: u32) -> bool {
        self.pending
            .range((row, 0)..=(row, u16::MAX))
            .next()
            .is_some()
    }
}

/// Writes `writes` (0-based row, column → value) into the sheet XML.
pub fn edit_sheet(xml: &[u8], writes: &Writes) -> Result<Vec<u8>, SheetEdit> {
    let mut ed = Editor {
        xml,
        out: Vec::with_capacity(xml.len() + writes.len() * 80),
        copied: 0,
        pending: writes.clone(),
    };
    let mut reader = Reader::from_reader(xml);
    let mut in_data = false;
    let mut row: Option<u32> = None;
    let mut last_row: Option<u32> = None;
    let mut next_col: u16 = 0;
    let bad = |e: &dyn std::fmt::Display| SheetEdit::Xml(e.to_string());
    loop {
        let start = usize::try_from(reader.buffer_position()).map_err(|e| bad(&e))?;
        let event = reader.read_event().map_err(|e| bad(&e))?;
        let end = usize::try_from(reader.buffer_position()).map_err(|e| bad(&e))?;
        match event {
            Event::Start(e) if e.local_name().as_ref() == "sheetData" => in_data = true,
            Event::Empty(e) if e.local_name().as_ref() == "sheetData" => {
                ed.copy_to(start);
                ed.copied = end;
                ed.out.extend_from_slice(b"<sheetData>");
                ed.new_rows(None);
                ed.out.extend_from_slice(b"</sheetData>");
            }
            Event::End(e) if e.local_name().as_ref() == "sheetData" => {
                ed.copy_to(start);
                ed.new_rows(None);
                in_data = false;
            }
            Event::Start(ref e) | Event::Empty(ref e)
                if in_data && e.local_name().as_ref() == "row" =>
            {
                let r = attr(e, "r")
                    .and_then(|v| v.trim().parse::<u32>().ok())
                    .and_then(|v| v.checked_sub(1))
                    .unwrap_or_else(|| last_row.map_or(0, |l| l + 1));
                last_row = Some(r);
                ed.copy_to(start);
                ed.new_rows(Some(r));
                if matches!(event, Event::Empty(_)) {
                    if ed.has_row(r) {
                        // `<row …/>` becomes `<row …>cells</row>`.
                        let tag = xml.get(start..end).unwrap_or_default();
                        let open = tag.strip_suffix(b"/>").unwrap_or(tag);
                        ed.out.extend_from_slice(open.trim_ascii_end());
                        ed.out.push(b'>');
                        ed.new_cells(r, None);
                        ed.out.extend_from_slice(b"</row>");
                        ed.copied = end;
                    }
                } else {
                    row = Some(r);
                    next_col = 0;
                }
            }
            Event::End(e) if e.local_name().as_ref() == "row" => {
                ed.copy_to(start);
                if let Some(r) = row.take() {
                    ed.new_cells(r, None);
                }
            }
            Event::Start(ref e) | Event::Empty(ref e) if e.local_name().as_ref() == "c" => {
                let Some(r) = row else { continue };
                let col = attr(e, "r")
                    .and_then(|v| cell_index(&v))
                    .map_or(next_col, |(_, c)| c);
                next_col = col.saturating_add(1);
                ed.copy_to(start);
                ed.new_cells(r, Some(col));
                let Some(value) = ed.pending.remove(&(r, col)) else {
                    continue;
                };
                let mut span_end = end;
                if matches!(event, Event::Start(_)) {
                    span_end = skip_cell(&mut reader, r, col)?;
                }
                let style = attr(e, "s");
                let new = cell_xml(r, col, style.as_deref(), value.as_deref());
                ed.out.extend_from_slice(new.as_bytes());
                ed.copied = span_end;
            }
            Event::Eof => break,
            _ => {}
        }
    }
    ed.copy_to(xml.len());
    Ok(ed.out)
}

/// Reads to the end of a cell, refusing one with a formula; returns the end of the cell.
fn skip_cell(reader: &mut Reader<&[u8]>, row: u32, col: u16) -> Result<usize, SheetEdit> {
    let name = || format!("{}{}", col_name(col), u64::from(row) + 1);
    loop {
        match reader.read_event() {
            Ok(Event::Start(e) | Event::Empty(e)) if e.local_name().as_ref() == "f" => {
                return Err(SheetEdit::Formula(name()));
            }
            Ok(Event::End(e)) if e.local_name().as_ref() == "c" => {
                return usize::try_from(reader.buffer_position())
                    .map_err(|e| SheetEdit::Xml(e.to_string()));
            }
            Ok(Event::Eof) => return Err(SheetEdit::Xml(format!("cell {} not closed", name()))),
            Err(e) => return Err(SheetEdit::Xml(e.to_string())),
            Ok(_) => {}
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn edit(xml: &str, writes: &[((u32, u16), Option<&str>)]) -> Result<String, SheetEdit> {
        let w: Writes = writes
            .iter()
            .map(|(k, v)| (*k, v.map(str::to_string)))
            .collect();
        edit_sheet(xml.as_bytes(), &w).map(|b| String::from_utf8(b).unwrap())
    }

    const SHEET: &str = "<worksheet><sheetData>\
        <row r=\"2\" spans=\"1:3\"><c r=\"A2\" s=\"4\" t=\"s\"><v>0</v></c><c r=\"C2\" s=\"5\"/></row>\
        <row r=\"4\"/>\
        <row r=\"5\"><c r=\"B5\"><f>SUM(A1)</f><v>1</v></c></row>\
        </sheetData><mergeCells count=\"1\"><mergeCell ref=\"A2:A3\"/></mergeCells></worksheet>";

    #[test]
    fn replaces_inserts_and_keeps_the_rest() {
        let out = edit(
            SHEET,
            &[
                ((0, 0), Some("新しい行")),
                ((1, 1), Some("はい")),
                ((1, 2), Some("a<b & c")),
                ((3, 3), Some("x")),
                ((6, 0), None),
            ],
        )
        .unwrap();
        assert!(out.starts_with("<worksheet><sheetData><row r=\"1\"><c r=\"A1\" t=\"inlineStr\">"));
        assert!(out.contains(
            "<c r=\"A2\" s=\"4\" t=\"s\"><v>0</v></c><c r=\"B2\" t=\"inlineStr\"><is><t xml:space=\"preserve\">はい</t></is></c>\
             <c r=\"C2\" s=\"5\" t=\"inlineStr\"><is><t xml:space=\"preserve\">a&lt;b &amp; c</t></is></c></row>"
        ));
        assert!(out.contains("<row r=\"4\"><c r=\"D4\" t=\"inlineStr\">"));
        assert!(out.contains("<row r=\"7\"><c r=\"A7\"/></row></sheetData><mergeCells"));
        assert!(out.ends_with("<mergeCell ref=\"A2:A3\"/></mergeCells></worksheet>"));
    }

    #[test]
    fn nothing_to_write_leaves_every_byte() {
        assert_eq!(edit(SHEET, &[]).unwrap(), SHEET);
    }

    #[test]
    fn a_formula_is_refused() {
        assert_eq!(
            edit(SHEET, &[((4, 1), Some("はい"))]),
            Err(SheetEdit::Formula("B5".into()))
        );
    }
}
