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
/// Longest formula text read (Excel's own limit).
const MAX_FORMULA_TEXT: usize = 8_192;

/// A formula cell: where it is, its formula (parsed, or not understood), the formula's text
/// as written in its first cell and how far this cell is from that one.
#[derive(Debug, Clone)]
pub struct FormulaCell {
    pub cell: (u32, u16),
    pub expr: Result<Expr, Unsupported>,
    text: std::rc::Rc<String>,
    offset: (i64, i64),
}

/// The formula cells of a sheet's XML. Array formulas and data tables are left out (they are
/// never written and never evaluated).
pub fn collect(xml: &[u8]) -> Result<Vec<FormulaCell>, SheetEdit> {
    let mut reader = Reader::from_reader(xml.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(xml));
    let bad = |e: &dyn std::fmt::Display| SheetEdit::Xml(e.to_string());
    let mut out = Vec::new();
    // A shared formula's first cell: where it is, its text and its formula, parsed once.
    type Master = ((u32, u16), std::rc::Rc<String>, Result<Expr, Unsupported>);
    let mut shared: HashMap<String, Master> = HashMap::new();
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
                if text.chars().count() > MAX_FORMULA_TEXT {
                    return Err(SheetEdit::Xml(format!(
                        "a formula of more than {MAX_FORMULA_TEXT} characters"
                    )));
                }
                let (master, text, parsed) = match kind.as_deref() {
                    Some("array" | "dataTable") => continue,
                    Some("shared") => {
                        let si = attr(e, "si")?.unwrap_or_default();
                        if text.trim().is_empty() {
                            match shared.get(&si) {
                                Some((m, t, p)) => (*m, t.clone(), p.clone()),
                                None => (at, std::rc::Rc::new(String::new()), Err(Unsupported)),
                            }
                        } else {
                            let text = std::rc::Rc::new(text);
                            let parsed = parse(&text);
                            shared.insert(si, (at, text.clone(), parsed.clone()));
                            (at, text, parsed)
                        }
                    }
                    _ => {
                        let parsed = parse(&text);
                        (at, std::rc::Rc::new(text), parsed)
                    }
                };
                if out.len() >= MAX_FORMULAS {
                    return Err(SheetEdit::Xml(format!("more than {MAX_FORMULAS} formulas")));
                }
                let offset = (
                    i64::from(at.0) - i64::from(master.0),
                    i64::from(at.1) - i64::from(master.1),
                );
                let expr = parsed.and_then(|e| e.shifted(offset));
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
    let mut in_name = false;
    for c in text.chars() {
        if c == '"' && !in_name {
            in_string = !in_string;
            word.clear();
            continue;
        }
        if in_string {
            continue;
        }
        // A quoted sheet name ('回答 表'!C:C) keeps its spaces and signs.
        if c == '\'' {
            in_name = !in_name;
            word.push(c);
            continue;
        }
        if in_name || c.is_alphanumeric() || matches!(c, '$' | ':' | '!' | '_' | '.') {
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
                // this cell, counts (looked up among the changed cells of its rows).
                loose_ranges(&self.text).iter().any(|(s, a, b)| {
                    on(s.as_deref(), own, sheet)
                        && [(0, 0), self.offset].iter().any(|(dr, dc)| {
                            let shift_r = |r: u32| {
                                u32::try_from((i64::from(r) + dr).max(0)).unwrap_or(u32::MAX)
                            };
                            let shift_c = |c: u16| {
                                u16::try_from((i64::from(c) + dc).max(0)).unwrap_or(u16::MAX)
                            };
                            let (r0, r1) = (shift_r(a.0), shift_r(b.0));
                            let (c0, c1) = (shift_c(a.1), shift_c(b.1));
                            changed
                                .range((r0.min(r1), 0)..=(r0.max(r1), u16::MAX))
                                .any(|(_, c)| (c0.min(c1)..=c0.max(c1)).contains(c))
                        })
                })
            }
        }
    }
}

/// A cell's value as a formula reads it from the sheet as the import saw it (its shown text):
/// nothing, or text that cannot be anything else. A number, a date, a truth value or an
/// error value is shown as text by the reader, its type lost: not evaluated.
fn shown_value(text: &str) -> Result<Value, Unsupported> {
    if text.is_empty() {
        return Ok(Value::Empty);
    }
    let t = text.trim();
    let typed = t.starts_with(|c: char| c.is_ascii_digit() || matches!(c, '-' | '+' | '.' | '#'))
        || t.eq_ignore_ascii_case("true")
        || t.eq_ignore_ascii_case("false");
    if typed {
        return Err(Unsupported);
    }
    Ok(Value::Text(text.to_string()))
}

/// The values the sheet's formula cells show after `writes`, and the cells that read a
/// changed cell but could not be evaluated (they show an old value until recalculated).
pub fn updates(
    formulas: &[FormulaCell],
    sheet: &str,
    (writes, grid): (&Writes, &Grid),
    elsewhere: &[(u32, u16)],
) -> (Cached, Vec<(u32, u16)>) {
    let mut changed: BTreeSet<(u32, u16)> = writes.keys().copied().collect();
    let mut cached: BTreeMap<(u32, u16), Value> = BTreeMap::new();
    // Cells reading a changed cell of another sheet: their value is not known here, nor the
    // value of any cell reading them.
    let mut stale: BTreeSet<(u32, u16)> = elsewhere.iter().copied().collect();
    changed.extend(elsewhere.iter().copied());
    let mut settled = false;
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
                .and_then(|e| e.eval(&get))
                .and_then(|v| match v {
                    Value::Number(n) if !n.is_finite() => Err(Unsupported),
                    v => Ok(v),
                });
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
            settled = true;
            break;
        }
    }
    if !settled {
        // Still changing after the last round (a long chain, a circle): none is trusted.
        stale.extend(cached.keys().copied());
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
        let (cached, stale) = updates(&f, "Sheet1", (&writes, &grid), &[]);
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
    fn a_cell_whose_type_the_reader_lost_or_another_sheets_change_is_never_guessed() {
        // B1 shows "1.10" (text, or a number formatted so): its value is not known.
        let xml = "<worksheet><sheetData><row r=\"1\">\
            <c r=\"C1\" t=\"str\"><f>B1&amp;A1</f><v>1.10x</v></c>\
            <c r=\"D1\" t=\"str\"><f>A1&amp;\"!\"</f><v>x!</v></c>\
            <c r=\"E1\" t=\"str\"><f>D1&amp;\"?\"</f><v>x!?</v></c></row></sheetData></worksheet>";
        let f = collect(xml.as_bytes()).unwrap();
        let grid = Grid::from_rows(
            vec![vec![
                "x".into(),
                "1.10".into(),
                "1.10x".into(),
                "x!".into(),
                "x!?".into(),
            ]],
            Vec::new(),
        );
        let writes: Writes = [((0, 0), Some("y".to_string()))].into();
        let (cached, stale) = updates(&f, "S", (&writes, &grid), &[]);
        assert_eq!(stale, vec![(0, 2)]);
        assert_eq!(cached.get(&(0, 4)), Some(&Value::Text("y!?".into())));
        // D1 also reads a changed cell of another sheet: D1 and E1, which reads it, are not
        // evaluated.
        let (cached, stale) = updates(&f, "S", (&writes, &grid), &[(0, 3)]);
        assert_eq!(stale, vec![(0, 2), (0, 3), (0, 4)]);
        assert!(cached.is_empty(), "{cached:?}");
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
        let quoted = "<worksheet><sheetData><row r=\"1\">\
            <c r=\"A1\"><f>COUNTIF('回答 表'!C:C,\"はい\")</f><v>3</v></c></row></sheetData></worksheet>";
        let f = collect(quoted.as_bytes()).unwrap();
        assert_eq!(readers_of(&f, "回答 表", &changed), vec![(0, 0)]);
    }
}
