//! The fourth phase of detection: the answer columns (a flag column with answer words, or the
//! はい・いいえ・対象外 columns holding marks) and the remark column; and the reading of a row's
//! answer and remark from them.

use std::collections::{HashMap, HashSet};
use std::path::Path;

use super::super::grid::Grid;
use super::super::{Mapping, Skip, xl_norm};
use super::bad_mapping;
use super::rows::{Line, Rows};
use super::words::{ANSWER_WORDS, answer_word, is_mark};
use crate::domain::answer::AnswerValue;
use crate::domain::text::fold_width;
use crate::io::xlsx::{XlsxError, col_index};

/// Where the answers and remarks are (0-based columns).
#[derive(Debug, Clone, Copy, Default)]
pub(super) struct Columns {
    /// A column holding answer words (はい/いいえ/対象外/該当/非該当).
    pub flag: Option<u16>,
    /// The はい, いいえ, 対象外 columns holding marks (read when there is no flag column).
    pub marks: Option<[u16; 3]>,
    pub remark: Option<u16>,
}

/// The answer and remark read from a row, and what was wrong with it.
pub(super) struct RowAnswer {
    pub value: AnswerValue,
    pub remark: String,
    pub problem: Option<Skip>,
}

/// Finds the columns: headings above the first question, else a column of varying answer
/// words; the mapping's columns win.
pub(super) fn find_columns(
    path: &Path,
    grid: &Grid,
    rows: &Rows,
    given: &Mapping,
) -> Result<Columns, XlsxError> {
    let mut found = from_headings(grid, rows.first_question_row.unwrap_or(0));
    if found.flag.is_none() {
        found.flag = unlabelled_flag_column(grid, rows, found.marks);
    }
    // Given mapping wins.
    let parse_col = |c: &Option<String>, what: &str| -> Result<Option<u16>, XlsxError> {
        c.as_ref()
            .map(|s| {
                col_index(s)
                    .ok_or_else(|| bad_mapping(path, format!("{what}: {s:?} is not a column")))
            })
            .transpose()
    };
    if let Some(c) = parse_col(&given.flag_column, "flag_column")? {
        found.flag = Some(c);
    }
    if let Some(cols) = &given.mark_columns {
        let mut out = [0u16; 3];
        for (slot, c) in out.iter_mut().zip(cols) {
            *slot = col_index(c).ok_or_else(|| bad_mapping(path, format!("mark column {c:?}")))?;
        }
        found.marks = Some(out);
        if given.flag_column.is_none() {
            found.flag = None;
        }
    }
    if let Some(c) = parse_col(&given.remark_column, "remark_column")? {
        found.remark = Some(c);
    }
    Ok(found)
}

/// Answer columns from headings in the rows before `end`: a row with はい/いいえ/対象外, a
/// フラグ (or 回答) heading, 備考 headings.
fn from_headings(grid: &Grid, end: u32) -> Columns {
    let mut found = Columns::default();
    for r in 0..end {
        let cells = grid.cells(r);
        let find = |w: &str| {
            cells
                .iter()
                .find(|(_, v)| fold_width(v).trim() == w)
                .map(|(c, _)| *c)
        };
        if let (Some(y), Some(n), Some(na)) = (find("はい"), find("いいえ"), find("対象外"))
        {
            found.marks = Some([y, n, na]);
        }
        for (c, v) in &cells {
            let f = fold_width(v);
            if f.contains("フラグ") || f.trim() == "回答" {
                found.flag = Some(*c);
            }
            if f.contains("備考") {
                // The rightmost 備考 heading (the input 記入欄 when there are two).
                found.remark = Some(found.remark.map_or(*c, |old| old.max(*c)));
            }
        }
    }
    found
}

/// Without headings: a column whose cells on question and option rows hold varying answer
/// words (a column of one word beside a column of others is a printed label).
fn unlabelled_flag_column(grid: &Grid, rows: &Rows, marks: Option<[u16; 3]>) -> Option<u16> {
    let answer_rows = rows.lines.iter().filter_map(|(r, l)| match l {
        Line::Question(_) | Line::Option { .. } => Some(*r),
        Line::Section { .. } => None,
    });
    let mut per_col: HashMap<u16, Vec<AnswerValue>> = HashMap::new();
    for r in answer_rows {
        for (c, v) in grid.cells(r) {
            let plain = fold_width(v);
            if ANSWER_WORDS.contains(&plain.trim()) {
                per_col
                    .entry(c)
                    .or_default()
                    .push(AnswerValue::parse(plain.trim()).unwrap_or_default());
            }
        }
    }
    let label_cols: Vec<u16> = marks.map(|m| m.to_vec()).unwrap_or_default();
    let mut candidates: Vec<(u16, usize)> = per_col
        .iter()
        .filter(|(c, vals)| {
            let distinct: HashSet<_> = vals.iter().collect();
            !label_cols.contains(c) && (distinct.len() > 1 || !is_static_label_col(&per_col, **c))
        })
        .map(|(c, v)| (*c, v.len()))
        .collect();
    candidates.sort_by_key(|(c, n)| (std::cmp::Reverse(*n), std::cmp::Reverse(*c)));
    candidates.first().map(|(c, _)| *c)
}

/// A column that shows the same answer word on every row is a printed label (e.g. the はい of a
/// はい いいえ 対象外 display), not an answer.
fn is_static_label_col(per_col: &HashMap<u16, Vec<AnswerValue>>, c: u16) -> bool {
    let Some(vals) = per_col.get(&c) else {
        return false;
    };
    let Some(first) = vals.first() else {
        return false;
    };
    let neighbours = [c.wrapping_sub(1), c + 1];
    vals.iter().all(|v| v == first)
        && neighbours.iter().any(|n| {
            per_col
                .get(n)
                .is_some_and(|nv| nv.len() == vals.len() && nv.iter().all(|v| v != first))
        })
}

impl Columns {
    /// Reads the answer and remark of a row whose text is in `text_col`.
    pub(super) fn read(&self, grid: &Grid, r: u32, text_col: u16) -> RowAnswer {
        let (value, problem) = self.read_value(grid, r);
        let cells = grid.cells(r);
        let mut remark = String::new();
        if let Some(rc) = self.remark.filter(|rc| *rc > text_col || text_col == 0) {
            remark = grid.get(r, rc).to_string();
        } else if let Some(pos) = cells
            .iter()
            .position(|(c, v)| *c > text_col && fold_width(v).trim() == "備考")
        {
            remark = cells
                .get(pos + 1)
                .map(|(_, v)| v.to_string())
                .unwrap_or_default();
        }
        if remark.trim() == "-" || remark.trim() == "－" {
            remark.clear();
        }
        RowAnswer {
            value,
            remark: xl_norm(&remark),
            problem,
        }
    }

    /// The answer of a row: the flag column's word, else the one marked column.
    fn read_value(&self, grid: &Grid, r: u32) -> (AnswerValue, Option<Skip>) {
        let mut value = AnswerValue::Unanswered;
        let mut problem = None;
        if let Some(fc) = self.flag {
            let v = grid.get(r, fc).trim();
            if !v.is_empty() {
                match answer_word(v).or_else(|| AnswerValue::parse(v)) {
                    Some(a) => value = a,
                    None => {
                        problem = Some(Skip::FlagNotAnswer {
                            flag: v.to_string(),
                        })
                    }
                }
            }
        } else if let Some([y, n, na]) = self.marks {
            let marked: Vec<usize> = [y, n, na]
                .iter()
                .enumerate()
                .filter(|(_, c)| is_mark(grid.get(r, **c)))
                .map(|(i, _)| i)
                .collect();
            // A gate row shows 該当/非該当 in the first two columns.
            let gate = answer_word(grid.get(r, y)) == Some(AnswerValue::Applies)
                || answer_word(grid.get(r, n)) == Some(AnswerValue::DoesNotApply);
            match marked.as_slice() {
                [i] => {
                    value = match (gate, i) {
                        (true, 0) => AnswerValue::Applies,
                        (true, 1) => AnswerValue::DoesNotApply,
                        (_, 0) => AnswerValue::Yes,
                        (_, 1) => AnswerValue::No,
                        _ => AnswerValue::NotApplicable,
                    }
                }
                [] => {}
                _ => problem = Some(Skip::SeveralMarks),
            }
        }
        (value, problem)
    }
}
