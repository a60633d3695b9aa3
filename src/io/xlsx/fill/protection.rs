//! Protected sheets: on a sheet whose protection is on (`<sheetProtection sheet="1">`), a cell
//! whose style is locked (every style is, unless its `<protection locked="0">` says otherwise)
//! cannot be typed into in Excel. A fill writing such a cell is said, and done only when the
//! user agrees.

use std::collections::{BTreeSet, HashMap};

use quick_xml::Reader;
use quick_xml::events::Event;

use super::sheet_xml::{SheetEdit, attr, cell_column, row_number};

/// Most cell formats read from the styles part (Excel's own limit is 64,000).
const MAX_FORMATS: usize = 65_536;

fn is_true(v: Option<String>) -> bool {
    v.is_some_and(|v| matches!(v.trim(), "1" | "true"))
}

/// Whether the sheet's protection is on.
pub fn is_protected(xml: &[u8]) -> Result<bool, SheetEdit> {
    let mut reader = Reader::from_reader(xml.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(xml));
    loop {
        match reader
            .read_event()
            .map_err(|e| SheetEdit::Xml(e.to_string()))?
        {
            Event::Start(e) | Event::Empty(e) if e.local_name().as_ref() == "sheetProtection" => {
                return Ok(is_true(attr(&e, "sheet")?));
            }
            Event::Eof => return Ok(false),
            _ => {}
        }
    }
}

/// For each cell format of the styles part (`<cellXfs>`, in order), whether it is locked.
pub fn locked_formats(styles: &[u8]) -> Result<Vec<bool>, SheetEdit> {
    let bad = |e: &dyn std::fmt::Display| SheetEdit::Xml(format!("styles: {e}"));
    let mut reader = Reader::from_reader(styles.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(styles));
    let mut out = Vec::new();
    let mut inside = false;
    loop {
        match reader.read_event().map_err(|e| bad(&e))? {
            Event::Start(e) if e.local_name().as_ref() == "cellXfs" => inside = true,
            Event::End(e) if e.local_name().as_ref() == "cellXfs" => return Ok(out),
            Event::Start(e) | Event::Empty(e) if inside && e.local_name().as_ref() == "xf" => {
                if out.len() >= MAX_FORMATS {
                    return Err(bad(&format!("more than {MAX_FORMATS} cell formats")));
                }
                out.push(true);
            }
            Event::Start(e) | Event::Empty(e)
                if inside && e.local_name().as_ref() == "protection" =>
            {
                let locked = attr(&e, "locked")?;
                if let (Some(last), Some(v)) = (out.last_mut(), locked) {
                    *last = !matches!(v.trim(), "0" | "false");
                }
            }
            Event::Eof => return Ok(out),
            _ => {}
        }
    }
}

/// The cell format each of `cells` shows with: its own (`s`), else — for a cell the sheet does
/// not hold yet — its row's (when the row has its own format) or its column's, else the first.
pub fn formats_of(
    xml: &[u8],
    cells: &BTreeSet<(u32, u16)>,
) -> Result<HashMap<(u32, u16), usize>, SheetEdit> {
    let mut reader = Reader::from_reader(xml.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(xml));
    let number = |v: Option<String>| v.and_then(|s| s.trim().parse::<usize>().ok());
    let mut found: HashMap<(u32, u16), usize> = HashMap::new();
    let mut rows: HashMap<u32, usize> = HashMap::new();
    let mut cols: Vec<(u16, u16, usize)> = Vec::new();
    let (mut row, mut last_row, mut next_col) = (None::<u32>, None::<u32>, 0u16);
    loop {
        match reader
            .read_event()
            .map_err(|e| SheetEdit::Xml(e.to_string()))?
        {
            Event::Start(e) | Event::Empty(e) if e.local_name().as_ref() == "col" => {
                let n = |a: &str| attr(&e, a).map(number);
                if let (Some(min), Some(max), Some(s)) = (n("min")?, n("max")?, n("style")?) {
                    let col = |v: usize| u16::try_from(v.saturating_sub(1)).unwrap_or(u16::MAX);
                    cols.push((col(min), col(max), s));
                }
            }
            Event::Start(e) | Event::Empty(e) if e.local_name().as_ref() == "row" => {
                let r = row_number(&e, last_row)?;
                (last_row, next_col) = (Some(r), 0);
                row = Some(r);
                if is_true(attr(&e, "customFormat")?)
                    && let Some(s) = number(attr(&e, "s")?)
                {
                    rows.insert(r, s);
                }
            }
            Event::Start(e) | Event::Empty(e) if e.local_name().as_ref() == "c" => {
                let Some(r) = row else { continue };
                let c = cell_column(&e, r, next_col)?;
                next_col = c.saturating_add(1);
                if cells.contains(&(r, c)) {
                    found.insert((r, c), number(attr(&e, "s")?).unwrap_or(0));
                }
            }
            Event::Eof => break,
            _ => {}
        }
    }
    for &(r, c) in cells {
        found.entry((r, c)).or_insert_with(|| {
            rows.get(&r)
                .copied()
                .or_else(|| {
                    cols.iter()
                        .find(|(a, b, _)| (*a..=*b).contains(&c))
                        .map(|(_, _, s)| *s)
                })
                .unwrap_or(0)
        });
    }
    Ok(found)
}

/// The cells of `cells` a protected sheet keeps locked (none when the sheet is not protected).
pub fn locked_cells(
    xml: &[u8],
    styles: Option<&[u8]>,
    cells: &BTreeSet<(u32, u16)>,
) -> Result<Vec<(u32, u16)>, SheetEdit> {
    if cells.is_empty() || !is_protected(xml)? {
        return Ok(Vec::new());
    }
    let locked = match styles {
        Some(s) => locked_formats(s)?,
        None => Vec::new(),
    };
    let formats = formats_of(xml, cells)?;
    Ok(cells
        .iter()
        .filter(|c| {
            let f = formats.get(c).copied().unwrap_or(0);
            // A format the styles do not list is Excel's default: locked.
            locked.get(f).copied().unwrap_or(true)
        })
        .copied()
        .collect())
}

#[cfg(test)]
mod tests {
    use super::*;

    const STYLES: &str = "<styleSheet><cellStyleXfs count=\"1\"><xf/></cellStyleXfs><cellXfs count=\"3\">\
        <xf numFmtId=\"0\"/><xf applyProtection=\"1\"><protection locked=\"0\"/></xf><xf><protection hidden=\"1\"/></xf>\
        </cellXfs></styleSheet>";

    #[test]
    fn locked_cells_of_a_protected_sheet_by_their_format() {
        assert_eq!(
            locked_formats(STYLES.as_bytes()).unwrap(),
            vec![true, false, true]
        );
        let sheet = "<worksheet><cols><col min=\"4\" max=\"4\" style=\"1\"/></cols><sheetData>\
            <row r=\"2\"><c r=\"A2\" s=\"1\"/><c r=\"B2\" s=\"2\"/><c r=\"C2\"/></row>\
            <row r=\"3\" s=\"1\" customFormat=\"1\"/></sheetData>\
            <sheetProtection sheet=\"1\" objects=\"1\"/></worksheet>";
        let cells: BTreeSet<(u32, u16)> = [(1, 0), (1, 1), (1, 2), (1, 3), (2, 5)].into();
        let locked = locked_cells(sheet.as_bytes(), Some(STYLES.as_bytes()), &cells).unwrap();
        // A2 unlocked by its format, D2 by its column's, F3 by its row's.
        assert_eq!(locked, vec![(1, 1), (1, 2)]);
        let open = sheet.replace("sheet=\"1\" ", "");
        assert!(
            locked_cells(open.as_bytes(), Some(STYLES.as_bytes()), &cells)
                .unwrap()
                .is_empty()
        );
    }
}
