//! The formula cells of a sheet (shared formulas moved to each cell they fill), which of them
//! show values computed from cells a fill changes, and what they show afterwards: evaluated
//! when [`formula`](super::formula) knows their shape, else named as showing an old value
//! until recalculated. Formulas of other sheets that read a changed cell are named too.

use std::collections::{BTreeMap, BTreeSet, HashMap};

use quick_xml::Reader;
use quick_xml::events::Event;

use super::formula::{Expr, Ref, Unsupported, Value, parse};
use super::sheet_xml::{Cached, SheetEdit, Writes, attr, cell_column, row_number};
use crate::io::xlsx::cell_index;
use crate::io::xlsx::import::grid::Grid;

/// Most formula cells read from one sheet.
const MAX_FORMULAS: usize = 400_000;
/// Most rounds of re-evaluation (a formula reading another formula's cell).
const MAX_ROUNDS: usize = 16;

/// A formula cell: where it is, its formula (parsed, or not understood), the formula's text
/// as written in its first cell and how far this cell is from that one.
#[derive(Debug, Clone)]
pub struct FormulaCell {
    pub cell: (u32, u16),
    pub expr: Result<Expr, Unsupported>,
    text: String,
    offset: (i64, i64),
}

/// The formula cells of a sheet's XML. Array formulas and data tables are left out (they are
/// never written and never evaluated).
pub fn collect(xml: &[u8]) -> Result<Vec<FormulaCell>, SheetEdit> {
    let mut reader = Reader::from_reader(xml.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(xml));
    let bad = |e: &dyn std::fmt::Display| SheetEdit::Xml(e.to_string());
    let mut out = Vec::new();
    let mut shared: HashMap<String, ((u32, u16), String)> = HashMap::new();
    let (mut row, mut last_row, mut next_col) = (None::<u32>, None::<u32>, 0u16);
    let mut cell: Option<(u32, u16)> = None;
    loop {
        match reader.read_event().map_err(|e| bad(&e))? {
            Event::Start(e) if e.local_name().as_ref() == "row" => {
                let r = row_number(&e, last_row)?;
                (row, last_row, next_col) = (Some(r), Some(r), 0);
            }
            Event::Empty(e) if e.local_name().as_ref() == "row" => {
                last_row = Some(row_number(&e, last_row)?);
            }
            Event::Start(e) | Event::Empty(e) if e.local_name().as_ref() == "c" => {
                if let Some(r) = row {
                    let col = cell_column(&e, r, next_col)?;
                    next_col = col.saturating_add(1);
                    cell = Some((r, col));
                }
            }
            ref ev @ (Event::Start(ref e) | Event::Empty(ref e))
                if e.local_name().as_ref() == "f" =>
            {
                let Some(at) = cell else { continue };
                let kind = attr(e, "t")?;
                let text = if matches!(ev, Event::Start(_)) {
                    let raw = reader.read_text(e.name()).map_err(|x| bad(&x))?;
                    super::workbook_xml::unescape(&raw).map_err(|x| bad(&x))?
                } else {
                    String::new()
                };
                let (master, text) = match kind.as_deref() {
                    Some("array" | "dataTable") => continue,
                    Some("shared") => {
                        let si = attr(e, "si")?.unwrap_or_default();
                        if text.trim().is_empty() {
                            match shared.get(&si) {
                                Some((m, t)) => (*m, t.clone()),
                                None => (at, String::new()),
                            }
                        } else {
                            shared.insert(si, (at, text.clone()));
                            (at, text)
                        }
                    }
                    _ => (at, text),
                };
                if out.len() >= MAX_FORMULAS {
                    return Err(SheetEdit::Xml(format!("more than {MAX_FORMULAS} formulas")));
                }
                let offset = (
                    i64::from(at.0) - i64::from(master.0),
                    i64::from(at.1) - i64::from(master.1),
                );
                let expr = parse(&text).and_then(|e| e.shifted(offset));
                out.push(FormulaCell {
                    cell: at,
                    expr,
                    text,
                    offset,
                });
            }
            Event::End(e) if e.local_name().as_ref() == "c" => cell = None,
            Event::End(e) if e.local_name().as_ref() == "row" => row = None,
            Event::Eof => break,
            _ => {}
        }
    }
    Ok(out)
}

/// Whether a reference names `sheet` (its own sheet when it names none).
fn on(r_sheet: Option<&str>, own: bool, sheet: &str) -> bool {
    match r_sheet {
        None => own,
        Some(s) => s.to_lowercase() == sheet.to_lowercase(),
    }
}

/// A range a formula names: the sheet as written (none: its own), first and last cell.
type LooseRange = (Option<String>, (u32, u16), (u32, u16));

/// The cells and ranges a formula's text names, read loosely (for a formula whose shape is
/// not understood): `(sheet, first, last)`, the sheet as written before `!`.
fn loose_ranges(text: &str) -> Vec<LooseRange> {
    let mut out = Vec::new();
    let mut in_string = false;
    let mut word = String::new();
    let flush = |word: &mut String, out: &mut Vec<_>| {
        let w = std::mem::take(word);
        let (sheet, rest) = match w.rsplit_once('!') {
            Some((s, r)) => (Some(s.trim_matches('\'').to_string()), r.to_string()),
            None => (None, w),
        };
        let plain = rest.replace('$', "");
        let (a, b) = plain.split_once(':').unwrap_or((&plain, &plain));
        let whole_column = |c: &str| crate::io::xlsx::col_index(c).map(|c| ((0, c), (u32::MAX, c)));
        let range = match (cell_index(a), cell_index(b)) {
            (Some(x), Some(y)) => Some((x, y)),
            _ => match (whole_column(a), whole_column(b)) {
                (Some(x), Some(y)) if plain.contains(':') => Some((x.0, y.1)),
                _ => None,
            },
        };
        if let Some((x, y)) = range {
            out.push((sheet, x, y));
        }
    };
    for c in text.chars() {
        if c == '"' {
            in_string = !in_string;
            word.clear();
            continue;
        }
        if in_string {
            continue;
        }
        if c.is_alphanumeric() || matches!(c, '$' | ':' | '!' | '\'' | '_' | '.') {
            word.push(c);
        } else {
            flush(&mut word, &mut out);
        }
    }
    flush(&mut word, &mut out);
    out
}

impl FormulaCell {
    /// Whether the formula reads a cell of `changed` on `sheet` (`own`: the formula's own).
    fn reads(&self, sheet: &str, own: bool, changed: &BTreeSet<(u32, u16)>) -> bool {
        match &self.expr {
            Ok(e) => e
                .refs()
                .iter()
                .any(|r| on(r.sheet.as_deref(), own, sheet) && changed.contains(&(r.row, r.col))),
            Err(_) => {
                // Not understood: every range it names, where it is written and moved to
                // this cell, counts.
                loose_ranges(&self.text).iter().any(|(s, a, b)| {
                    on(s.as_deref(), own, sheet)
                        && changed.iter().any(|&(r, c)| {
                            let inside = |(dr, dc): (i64, i64)| {
                                let (r, c) = (i64::from(r) - dr, i64::from(c) - dc);
                                (i64::from(a.0)..=i64::from(b.0)).contains(&r)
                                    && (i64::from(a.1)..=i64::from(b.1)).contains(&c)
                            };
                            inside((0, 0)) || inside(self.offset)
                        })
                })
            }
        }
    }
}

/// A cell's value as a formula reads it from the sheet as the import saw it: nothing, a
/// number, or text. A date (shown as text by the reader) is not evaluated.
fn shown_value(text: &str) -> Result<Value, Unsupported> {
    if text.is_empty() {
        return Ok(Value::Empty);
    }
    if let Ok(n) = text.trim().parse::<f64>() {
        return Ok(Value::Number(n));
    }
    let date = text.starts_with(|c: char| c.is_ascii_digit())
        && text.contains('年')
        && text.ends_with('日');
    if date {
        return Err(Unsupported);
    }
    Ok(Value::Text(text.to_string()))
}

/// The values the sheet's formula cells show after `writes`, and the cells that read a
/// changed cell but could not be evaluated (they show an old value until recalculated).
pub fn updates(
    formulas: &[FormulaCell],
    sheet: &str,
    writes: &Writes,
    grid: &Grid,
) -> (Cached, Vec<(u32, u16)>) {
    let mut changed: BTreeSet<(u32, u16)> = writes.keys().copied().collect();
    let mut cached: BTreeMap<(u32, u16), Value> = BTreeMap::new();
    let mut stale: BTreeSet<(u32, u16)> = BTreeSet::new();
    for _ in 0..MAX_ROUNDS {
        let mut more = false;
        for f in formulas {
            if writes.contains_key(&f.cell) || !f.reads(sheet, true, &changed) {
                continue;
            }
            let get = |r: &Ref| -> Result<Value, Unsupported> {
                if !on(r.sheet.as_deref(), true, sheet) {
                    return Err(Unsupported);
                }
                let at = (r.row, r.col);
                if stale.contains(&at) {
                    // What it shows after the fill is not known.
                    return Err(Unsupported);
                }
                match (writes.get(&at), cached.get(&at)) {
                    (Some(Some(t)), _) => Ok(Value::Text(t.clone())),
                    (Some(None), _) => Ok(Value::Empty),
                    (None, Some(v)) => Ok(v.clone()),
                    (None, None) => shown_value(grid.get(r.row, r.col)),
                }
            };
            let result = f
                .expr
                .as_ref()
                .map_err(Clone::clone)
                .and_then(|e| e.eval(&get));
            match result {
                Ok(v) => {
                    if cached.get(&f.cell) != Some(&v) {
                        cached.insert(f.cell, v);
                        changed.insert(f.cell);
                        more = true;
                    }
                }
                Err(Unsupported) => {
                    cached.remove(&f.cell);
                    more |= changed.insert(f.cell) | stale.insert(f.cell);
                }
            }
        }
        if !more {
            break;
        }
    }
    for c in &stale {
        cached.remove(c);
    }
    (cached, stale.into_iter().collect())
}

/// The formula cells of another sheet that read a changed cell of `sheet`.
pub fn readers_of(
    formulas: &[FormulaCell],
    sheet: &str,
    changed: &BTreeSet<(u32, u16)>,
) -> Vec<(u32, u16)> {
    formulas
        .iter()
        .filter(|f| f.reads(sheet, false, changed))
        .map(|f| f.cell)
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    const SHEET: &str = "<worksheet><sheetData>\
        <row r=\"3\"><c r=\"C3\" t=\"s\"><v>0</v></c><c r=\"D3\" t=\"str\"><f>IF(C3=\"はい\",\"■\",\"□\")</f><v>■</v></c>\
        <c r=\"E3\" t=\"str\"><f t=\"shared\" ref=\"E3:E4\" si=\"0\">D3&amp;\"!\"</f><v>■!</v></c></row>\
        <row r=\"4\"><c r=\"C4\"/><c r=\"D4\"><f>SUM(C3:C4)</f><v>0</v></c><c r=\"E4\" t=\"str\"><f t=\"shared\" si=\"0\"/><v>x!</v></c></row>\
        </sheetData></worksheet>";

    #[test]
    fn shared_formulas_move_and_changed_cells_reach_their_readers() {
        let f = collect(SHEET.as_bytes()).unwrap();
        let cells: Vec<(u32, u16)> = f.iter().map(|x| x.cell).collect();
        assert_eq!(cells, vec![(2, 3), (2, 4), (3, 3), (3, 4)]);
        // E4 reads D4, moved from the shared formula in E3.
        let e4 = f.iter().find(|x| x.cell == (3, 4)).unwrap();
        let refs: Vec<(u32, u16)> = e4
            .expr
            .as_ref()
            .unwrap()
            .refs()
            .iter()
            .map(|r| (r.row, r.col))
            .collect();
        assert_eq!(refs, vec![(3, 3)]);

        let grid = Grid::from_rows(
            vec![
                vec![],
                vec![],
                vec!["".into(), "".into(), "はい".into(), "■".into(), "■!".into()],
            ],
            Vec::new(),
        );
        let writes: Writes = [((2, 2), Some("いいえ".to_string()))].into();
        let (cached, stale) = updates(&f, "Sheet1", &writes, &grid);
        assert_eq!(cached.get(&(2, 3)), Some(&Value::Text("□".into())));
        assert_eq!(
            cached.get(&(2, 4)),
            Some(&Value::Text("□!".into())),
            "through D3"
        );
        // SUM over a range is not evaluated: D4 reads C3 and is named; so is E4, which reads D4.
        assert_eq!(stale, vec![(3, 3), (3, 4)]);
        assert!(!cached.contains_key(&(3, 3)));

        let edited =
            super::super::sheet_xml::edit_sheet_with(SHEET.as_bytes(), &writes, &cached).unwrap();
        let xml = String::from_utf8(edited).unwrap();
        assert!(
            xml.contains("<c r=\"D3\" t=\"str\"><f>IF(C3=\"はい\",\"■\",\"□\")</f><v>□</v></c>"),
            "{xml}"
        );
        assert!(xml.contains("<c r=\"E3\" t=\"str\"><f t=\"shared\" ref=\"E3:E4\" si=\"0\">D3&amp;\"!\"</f><v>□!</v></c>"), "{xml}");
        assert!(
            xml.contains("<c r=\"E4\" t=\"str\"><f t=\"shared\" si=\"0\"/><v>x!</v></c>"),
            "stale: kept: {xml}"
        );
    }

    #[test]
    fn other_sheets_readers_are_found_by_the_sheet_they_name() {
        let xml = "<worksheet><sheetData><row r=\"1\">\
            <c r=\"A1\" t=\"str\"><f>'回答 表'!C3</f><v>はい</v></c>\
            <c r=\"B1\"><f>COUNTIF(回答表!C:C,\"はい\")</f><v>3</v></c>\
            <c r=\"C1\"><f>C3</f><v>1</v></c></row></sheetData></worksheet>";
        let f = collect(xml.as_bytes()).unwrap();
        let changed: BTreeSet<(u32, u16)> = [(2, 2)].into();
        assert_eq!(readers_of(&f, "回答 表", &changed), vec![(0, 0)]);
        assert_eq!(readers_of(&f, "回答表", &changed), vec![(0, 1)]);
    }
}
