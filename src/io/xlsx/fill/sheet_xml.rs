//! Writing values into a worksheet's XML in one streaming pass: the bytes between the target
//! cells are copied as they are (styles, merges, validations, conditional formats, print
//! settings and every other cell untouched); a target cell is replaced by an inline-string cell
//! keeping its style and its other attributes as written, a missing cell or row is inserted in
//! order. A target holding a formula is refused; so is an attribute that cannot be read where
//! its meaning counts (a target cell's, a row's or cell's reference, a column style, a formula's
//! range) — never read past or dropped.

use std::collections::BTreeMap;

use quick_xml::Reader;
use quick_xml::events::{BytesStart, Event};

use super::formula::{Value, number_value};
use crate::io::xlsx::{cell_index, col_name};

/// Most column style ranges read from one sheet.
const MAX_COL_STYLES: usize = 16_384;

/// Most array-formula and data-table ranges remembered in one sheet.
const MAX_FORMULA_RANGES: usize = 100_000;

/// What to write into a cell: text, or nothing (the value cleared, the style kept).
pub type Writes = BTreeMap<(u32, u16), Option<String>>;

/// The values formula cells show after the fill: their cached value (`<v>`) is rewritten, the
/// formula kept as written.
pub type Cached = BTreeMap<(u32, u16), Value>;

/// Why a sheet could not be edited.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum SheetEdit {
    /// The cell (`B5`) holds a formula.
    Formula(String),
    /// The XML does not parse.
    Xml(String),
}

/// The error for an attribute of `<tag>` that cannot be read.
fn bad_attr(e: &BytesStart<'_>, detail: &dyn std::fmt::Display) -> SheetEdit {
    SheetEdit::Xml(format!(
        "<{}>: an attribute cannot be read ({detail})",
        e.name().as_ref()
    ))
}

/// The value of an attribute, as text (entities resolved). When it is not found and another
/// attribute of the tag cannot be read (it may be the one asked for), that is an error.
pub(super) fn attr(e: &BytesStart<'_>, name: &str) -> Result<Option<String>, SheetEdit> {
    let mut broken = None;
    for a in e.attributes() {
        match a {
            Ok(a) if a.key.as_ref() == name => {
                return super::workbook_xml::unescape(&a.value)
                    .map(Some)
                    .map_err(|d| bad_attr(e, &d));
            }
            Ok(_) => {}
            Err(err) => broken = broken.or(Some(err)),
        }
    }
    match broken {
        Some(err) => Err(bad_attr(e, &err)),
        None => Ok(None),
    }
}

/// A number attribute: absent is `None`; present but not a number is an error.
pub(super) fn number_attr(e: &BytesStart<'_>, name: &str) -> Result<Option<u32>, SheetEdit> {
    let Some(v) = attr(e, name)? else {
        return Ok(None);
    };
    v.trim().parse().map(Some).map_err(|err| {
        SheetEdit::Xml(format!(
            "<{} {name}=\"{v}\">: not a number ({err})",
            e.name().as_ref()
        ))
    })
}

/// The attributes a rewritten cell keeps, as written (` key="raw value"`): all but its
/// reference, its type and the metadata of the value it held (`cm`, `vm`), which the new value
/// replaces. One that cannot be read is an error: never dropped.
fn kept_attributes(e: &BytesStart<'_>) -> Result<String, SheetEdit> {
    kept_but(e, &["r", "t", "cm", "vm"])
}

/// The attributes of a tag as written, but for the unprefixed ones in `replaced`.
fn kept_but(e: &BytesStart<'_>, replaced: &[&str]) -> Result<String, SheetEdit> {
    let mut out = String::new();
    for a in e.attributes() {
        let a = a.map_err(|err| bad_attr(e, &err))?;
        let local = a.key.local_name();
        let replaced = a.key.prefix().is_none() && replaced.contains(&local.as_ref());
        if !replaced {
            let quote = if a.value.contains('"') { '\'' } else { '"' };
            out.push_str(&format!(" {}={quote}{}{quote}", a.key.as_ref(), a.value));
        }
    }
    Ok(out)
}

/// Text safe inside an XML element: markup escaped; a character XML 1.0 forbids (a control
/// character) written as Excel's `_xHHHH_`, which Excel reads back as that character.
pub(super) fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '\t' | '\n' | '\r' => out.push(c),
            c if (c as u32) < 0x20 || matches!(c, '\u{FFFE}' | '\u{FFFF}') => {
                out.push_str(&format!("_x{:04X}_", u32::from(c)));
            }
            c => out.push(c),
        }
    }
    out
}

/// The attributes of a cell that did not exist: the style it takes (its row's or column's).
fn style_attribute(style: Option<&str>) -> String {
    style
        .map(|s| format!(" s=\"{}\"", escape(s).replace('"', "&quot;")))
        .unwrap_or_default()
}

/// The XML of a cell holding `value` (or nothing), with the attributes it keeps (`kept`, each
/// with its leading space); `p` is the sheet's namespace prefix (`x:`, or nothing).
fn cell_xml(p: &str, (row, col): (u32, u16), kept: &str, value: Option<&str>) -> String {
    let r = format!("{}{}", col_name(col), u64::from(row) + 1);
    let s = kept;
    match value {
        Some(v) if !v.is_empty() => format!(
            "<{p}c r=\"{r}\"{s} t=\"inlineStr\"><{p}is><{p}t xml:space=\"preserve\">{}</{p}t></{p}is></{p}c>",
            escape(&excel_escape(v))
        ),
        _ => format!("<{p}c r=\"{r}\"{s}/>"),
    }
}

/// Text with every `_xHHHH_` that Excel would read as an escaped character written as
/// `_x005F_xHHHH_`, so it reads back as typed.
fn excel_escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(at) = rest.find("_x") {
        let (before, from) = rest.split_at(at);
        out.push_str(before);
        let looks_escaped = from.len() >= 7
            && from.is_char_boundary(6)
            && from
                .get(2..6)
                .is_some_and(|h| h.chars().all(|c| c.is_ascii_hexdigit()))
            && from.get(6..7) == Some("_");
        // The underscore itself written as an escape: `_x005F_` + `x0041_`.
        out.push_str(if looks_escaped { "_x005F_" } else { "_" });
        rest = from.get(1..).unwrap_or_default();
    }
    out.push_str(rest);
    out
}

/// A range of cells: its first and last cell (0-based row and column, inclusive).
type CellRange = ((u32, u16), (u32, u16));

/// A range of cells from `A1:C3`.
fn range_of(r: &str) -> Option<CellRange> {
    let (a, b) = r.split_once(':').unwrap_or((r, r));
    Some((cell_index(a)?, cell_index(b)?))
}

/// The namespace prefix of an element with its colon (`x:`), or nothing.
pub(super) fn prefix_of(e: &BytesStart<'_>) -> String {
    e.name()
        .prefix()
        .map(|p| format!("{}:", p.into_inner()))
        .unwrap_or_default()
}

/// The edit in progress.
struct Editor<'x> {
    xml: &'x [u8],
    out: Vec<u8>,
    copied: usize,
    pending: Writes,
    /// The sheet's namespace prefix (`x:` in some generators' files), for what is written.
    prefix: String,
    /// Cells of array formulas and data tables (their first cell holds the formula).
    formula_ranges: Vec<CellRange>,
    /// Column styles (`<col min max style>`, 0-based columns) and the current row's own style
    /// (`customFormat`): what a cell that did not exist would have shown with.
    col_styles: Vec<(u16, u16, String)>,
    row_style: Option<String>,
    /// Formula cells whose shown value changes.
    cached: &'x Cached,
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
                let style = self.row_style.clone().or_else(|| {
                    self.col_styles
                        .iter()
                        .find(|(a, b, _)| (*a..=*b).contains(&k.1))
                        .map(|(_, _, s)| s.clone())
                });
                let kept = style_attribute(style.as_deref());
                let xml = cell_xml(&self.prefix, k, &kept, v.as_deref());
                self.out.extend_from_slice(xml.as_bytes());
            }
        }
    }

    /// Writes whole new rows for the pending cells above `before` (all when `None`).
    fn new_rows(&mut self, before: Option<u32>) {
        // The pending cells are ordered: only the first needs looking at, each time.
        while let Some(&(r, _)) = self.pending.keys().next() {
            if before.is_some_and(|b| r >= b) {
                break;
            }
            let p = self.prefix.clone();
            self.out
                .extend_from_slice(format!("<{p}row r=\"{}\">", u64::from(r) + 1).as_bytes());
            self.new_cells(r, None);
            self.out.extend_from_slice(format!("</{p}row>").as_bytes());
        }
    }

    /// A cell of the sheet at `start..end` (`base` added to the reader's positions): the
    /// pending cells left of it written, then it replaced when it is a target.
    fn cell(
        &mut self,
        reader: &mut Reader<&[u8]>,
        e: &BytesStart<'_>,
        open: bool,
        (start, end, base): (usize, usize, usize),
        (r, col): (u32, u16),
    ) -> Result<(), SheetEdit> {
        self.copy_to(start);
        self.new_cells(r, Some(col));
        if let Some(v) = self.cached.get(&(r, col))
            && open
        {
            return self.cached_cell(reader, e, (end, base), (r, col), v);
        }
        let Some(value) = self.pending.remove(&(r, col)) else {
            return Ok(());
        };
        if self.in_formula_range((r, col)) {
            return Err(SheetEdit::Formula(format!(
                "{}{}",
                col_name(col),
                u64::from(r) + 1
            )));
        }
        let span_end = if open {
            skip_cell(reader, (r, col))? + base
        } else {
            end
        };
        let kept = kept_attributes(e)?;
        let new = cell_xml(&self.prefix, (r, col), &kept, value.as_deref());
        self.out.extend_from_slice(new.as_bytes());
        self.copied = span_end;
        Ok(())
    }

    /// A formula cell whose start tag ends at `end`: its value (`<v>`) and type replaced, its
    /// formula and everything else in it copied as written.
    fn cached_cell(
        &mut self,
        reader: &mut Reader<&[u8]>,
        e: &BytesStart<'_>,
        (end, base): (usize, usize),
        (r, col): (u32, u16),
        value: &Value,
    ) -> Result<(), SheetEdit> {
        let pos = |r: &Reader<&[u8]>| {
            usize::try_from(r.buffer_position())
                .map(|p| p + base)
                .map_err(|e| SheetEdit::Xml(e.to_string()))
        };
        let mut v_span = None;
        let mut after_f = end;
        let close = loop {
            let at = pos(reader)?;
            let event = reader
                .read_event()
                .map_err(|e| SheetEdit::Xml(e.to_string()))?;
            let to = pos(reader)?;
            match event {
                Event::Start(x) if x.local_name().as_ref() == "v" => {
                    reader
                        .read_to_end(x.name())
                        .map_err(|e| SheetEdit::Xml(e.to_string()))?;
                    v_span = Some((at, pos(reader)?));
                }
                Event::Empty(x) if x.local_name().as_ref() == "v" => v_span = Some((at, to)),
                Event::End(x) if x.local_name().as_ref() == "f" => after_f = to,
                Event::Empty(x) if x.local_name().as_ref() == "f" => after_f = to,
                Event::End(x) if x.local_name().as_ref() == "c" => break (at, to),
                Event::Eof => {
                    return Err(SheetEdit::Xml(format!(
                        "cell {}{} not closed",
                        col_name(col),
                        u64::from(r) + 1
                    )));
                }
                _ => {}
            }
        };
        let (kind, shown) = match value {
            Value::Text(t) => (" t=\"str\"", escape(&excel_escape(t))),
            Value::Bool(b) => (" t=\"b\"", if *b { "1" } else { "0" }.to_string()),
            Value::Number(n) => (
                "",
                number_value(*n).map_err(|_unsupported| {
                    SheetEdit::Xml(format!("{}{}: not a finite number", col_name(col), r + 1))
                })?,
            ),
            Value::Empty => (" t=\"str\"", String::new()),
        };
        let p = self.prefix.clone();
        let kept = kept_but(e, &["r", "t"])?;
        let reference = format!("{}{}", col_name(col), u64::from(r) + 1);
        let new_v = format!("<{p}v>{shown}</{p}v>");
        let xml = self.xml;
        let part = |a: usize, b: usize| xml.get(a..b).unwrap_or_default();
        self.out
            .extend_from_slice(format!("<{p}c r=\"{reference}\"{kept}{kind}>").as_bytes());
        match v_span {
            Some((a, b)) => {
                self.out.extend_from_slice(part(end, a));
                self.out.extend_from_slice(new_v.as_bytes());
                self.out.extend_from_slice(part(b, close.0));
            }
            None => {
                self.out.extend_from_slice(part(end, after_f));
                self.out.extend_from_slice(new_v.as_bytes());
                self.out.extend_from_slice(part(after_f, close.0));
            }
        }
        self.out.extend_from_slice(part(close.0, close.1));
        self.copied = close.1;
        Ok(())
    }

    /// A row starting at `start..end`: the new rows above it written, its style noted; a
    /// self-closing `<row …/>` with cells to write becomes `<row …>cells</row>`, with the
    /// row's own prefix.
    fn row(
        &mut self,
        e: &BytesStart<'_>,
        empty: bool,
        (start, end): (usize, usize),
        r: u32,
    ) -> Result<(), SheetEdit> {
        self.copy_to(start);
        self.row_style = None;
        self.new_rows(Some(r));
        let custom = attr(e, "customFormat")?.is_some_and(|v| v == "1" || v == "true");
        self.row_style = attr(e, "s")?.filter(|_| custom);
        if !empty {
            return Ok(());
        }
        if self.has_row(r) {
            let tag = self.xml.get(start..end).unwrap_or_default();
            let open = tag.strip_suffix(b"/>").unwrap_or(tag).trim_ascii_end();
            self.out.extend_from_slice(open);
            self.out.push(b'>');
            self.new_cells(r, None);
            let close = format!("</{}row>", prefix_of(e));
            self.out.extend_from_slice(close.as_bytes());
            self.copied = end;
        }
        self.row_style = None;
        Ok(())
    }

    /// Whether a cell lies inside an array formula or data table it does not start.
    fn in_formula_range(&self, cell: (u32, u16)) -> bool {
        self.formula_ranges.iter().any(|&(a, b)| {
            (a.0..=b.0).contains(&cell.0) && (a.1..=b.1).contains(&cell.1) && a != cell
        })
    }

    fn has_row(&self, row: u32) -> bool {
        self.pending
            .range((row, 0)..=(row, u16::MAX))
            .next()
            .is_some()
    }
}

/// A column style (`<col min max style>`): its first and last column (0-based) and style.
fn col_style(e: &BytesStart<'_>) -> Result<Option<(u16, u16, String)>, SheetEdit> {
    let n = |a: &str| number_attr(e, a);
    let (Some(min), Some(max), Some(style)) = (n("min")?, n("max")?, attr(e, "style")?) else {
        return Ok(None);
    };
    let col = |v: u32| u16::try_from(v.saturating_sub(1)).unwrap_or(u16::MAX);
    Ok(Some((col(min), col(max), style)))
}

/// The row a `<row>` names (0-based): its number, or — without one — the row after the last
/// (as Excel reads it). A number of 0 names no row.
pub(super) fn row_number(e: &BytesStart<'_>, last_row: Option<u32>) -> Result<u32, SheetEdit> {
    match number_attr(e, "r")? {
        Some(n) => n
            .checked_sub(1)
            .ok_or_else(|| SheetEdit::Xml("<row r=\"0\">: rows count from 1".into())),
        None => Ok(last_row.map_or(0, |l| l + 1)),
    }
}

/// The column a `<c>` in row `row` names: its reference's, or — without one — `next`. A
/// reference naming another row is refused: a reader going by the reference would see the
/// cell elsewhere than a writer going by the row.
pub(super) fn cell_column(e: &BytesStart<'_>, row: u32, next: u16) -> Result<u16, SheetEdit> {
    let Some(v) = attr(e, "r")? else {
        return Ok(next);
    };
    let (r, c) = cell_index(&v)
        .ok_or_else(|| SheetEdit::Xml(format!("<c r=\"{v}\">: not a cell reference")))?;
    if r != row {
        return Err(SheetEdit::Xml(format!(
            "<c r=\"{v}\"> inside <row r=\"{}\">: the cell names another row",
            u64::from(row) + 1
        )));
    }
    Ok(c)
}

/// The cells an array formula or data table fills (`<f t="array" ref="A1:A3">`; its other
/// cells are its results), when `e` is one. One whose range cannot be read is an error: which
/// cells it fills is unknown, and none may be written over.
fn formula_range(e: &BytesStart<'_>) -> Result<Option<CellRange>, SheetEdit> {
    let kind = attr(e, "t")?;
    if !matches!(kind.as_deref(), Some("array" | "dataTable")) {
        return Ok(None);
    }
    match attr(e, "ref")? {
        Some(r) => range_of(&r)
            .map(Some)
            .ok_or_else(|| SheetEdit::Xml(format!("<f ref=\"{r}\">: not a range of cells"))),
        None => Err(SheetEdit::Xml(
            "<f>: an array formula without its range (ref)".into(),
        )),
    }
}

/// Writes `writes` (0-based row, column → value) into the sheet XML.
pub fn edit_sheet(xml: &[u8], writes: &Writes) -> Result<Vec<u8>, SheetEdit> {
    edit_sheet_with(xml, writes, &Cached::new())
}

/// Writes `writes` into the sheet XML, and the values formula cells now show (`cached`).
pub fn edit_sheet_with(xml: &[u8], writes: &Writes, cached: &Cached) -> Result<Vec<u8>, SheetEdit> {
    let mut ed = Editor {
        cached,
        xml,
        out: Vec::with_capacity(xml.len() + writes.len() * 80),
        copied: 0,
        pending: writes.clone(),
        prefix: String::new(),
        formula_ranges: Vec::new(),
        col_styles: Vec::new(),
        row_style: None,
    };
    // quick-xml skips a byte-order mark without counting it: positions are kept in `xml`'s.
    let base = if xml.starts_with(b"\xEF\xBB\xBF") {
        3
    } else {
        0
    };
    let mut reader = Reader::from_reader(xml.get(base..).unwrap_or_default());
    let mut in_data = false;
    let mut closed = false;
    let mut row: Option<u32> = None;
    let mut last_row: Option<u32> = None;
    let mut next_col: u16 = 0;
    let bad = |e: &dyn std::fmt::Display| SheetEdit::Xml(e.to_string());
    let at = |r: &Reader<&[u8]>| {
        usize::try_from(r.buffer_position())
            .map(|p| p + base)
            .map_err(|e| bad(&e))
    };
    loop {
        let start = at(&reader)?;
        let event = reader.read_event().map_err(|e| bad(&e))?;
        let end = at(&reader)?;
        match event {
            Event::Start(ref e) | Event::Empty(ref e)
                if e.local_name().as_ref() == "col" && ed.col_styles.len() < MAX_COL_STYLES =>
            {
                if let Some(style) = col_style(e)? {
                    ed.col_styles.push(style);
                }
            }
            Event::Start(e) if e.local_name().as_ref() == "sheetData" => {
                ed.prefix = prefix_of(&e);
                in_data = true;
            }
            Event::Empty(e) if e.local_name().as_ref() == "sheetData" => {
                ed.prefix = prefix_of(&e);
                let p = ed.prefix.clone();
                ed.copy_to(start);
                ed.copied = end;
                ed.out
                    .extend_from_slice(format!("<{p}sheetData>").as_bytes());
                ed.new_rows(None);
                ed.out
                    .extend_from_slice(format!("</{p}sheetData>").as_bytes());
                closed = true;
            }
            Event::End(e) if e.local_name().as_ref() == "sheetData" => {
                ed.copy_to(start);
                ed.new_rows(None);
                in_data = false;
                closed = true;
            }
            Event::Start(ref e) | Event::Empty(ref e)
                if in_data && e.local_name().as_ref() == "row" =>
            {
                let r = row_number(e, last_row)?;
                if last_row.is_some_and(|l| r <= l) {
                    // Excel and LibreOffice never write this; a cell could land twice.
                    return Err(SheetEdit::Xml(format!(
                        "row {} out of order",
                        u64::from(r) + 1
                    )));
                }
                last_row = Some(r);
                let empty = matches!(event, Event::Empty(_));
                ed.row(e, empty, (start, end), r)?;
                if !empty {
                    row = Some(r);
                    next_col = 0;
                }
            }
            Event::End(e) if e.local_name().as_ref() == "row" => {
                ed.copy_to(start);
                if let Some(r) = row.take() {
                    ed.new_cells(r, None);
                }
                ed.row_style = None;
            }
            Event::Start(ref e) | Event::Empty(ref e) if e.local_name().as_ref() == "f" => {
                if let Some(range) = formula_range(e)? {
                    if ed.formula_ranges.len() >= MAX_FORMULA_RANGES {
                        // Past this, a cell of one could be written over unseen.
                        return Err(SheetEdit::Xml(format!(
                            "more than {MAX_FORMULA_RANGES} array formulas"
                        )));
                    }
                    ed.formula_ranges.push(range);
                }
            }
            Event::Start(ref e) | Event::Empty(ref e) if e.local_name().as_ref() == "c" => {
                let Some(r) = row else { continue };
                let col = cell_column(e, r, next_col)?;
                if col < next_col {
                    return Err(SheetEdit::Xml(format!(
                        "cell {}{} out of order",
                        col_name(col),
                        u64::from(r) + 1
                    )));
                }
                next_col = col.saturating_add(1);
                let open = matches!(event, Event::Start(_));
                ed.cell(&mut reader, e, open, (start, end, base), (r, col))?;
            }
            Event::Eof => break,
            _ => {}
        }
    }
    if !closed {
        return Err(SheetEdit::Xml(
            "the sheet has no complete <sheetData>".into(),
        ));
    }
    if let Some((r, c)) = ed.pending.keys().next() {
        // Never silently lost.
        return Err(SheetEdit::Xml(format!(
            "cell {}{} could not be written",
            col_name(*c),
            u64::from(*r) + 1
        )));
    }
    ed.copy_to(xml.len());
    Ok(ed.out)
}

/// Reads to the end of a cell, refusing one with a formula; returns the end of the cell.
fn skip_cell(reader: &mut Reader<&[u8]>, (row, col): (u32, u16)) -> Result<usize, SheetEdit> {
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
#[path = "sheet_xml_tests.rs"]
mod tests;
