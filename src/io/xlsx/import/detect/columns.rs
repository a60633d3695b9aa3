//! The fifth phase of detection: the answer columns (a flag column with answer words, or the
//! はい・いいえ・対象外 columns holding marks), the remark column (by its heading, or inferred
//! from free text right of the question) and the reference column; and the reading of a row's
//! answer and remark from them.

use std::collections::{HashMap, HashSet};
use std::path::Path;

use super::super::Mapping;
use super::super::grid::Grid;
use super::super::report::{Skip, xl_norm};
use super::super::vocabulary::Vocabulary;
use super::headings::HeadingRoles;
use super::rows::{Line, Rows};
use crate::domain::answer::AnswerValue;
use crate::domain::refs::RefGroup;
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
    /// A column of guideline references beside the text.
    pub reference: Option<u16>,
    /// A date column (確認日): never the remark.
    pub date: Option<u16>,
    /// A target date column (目標日): never the remark.
    pub due_date: Option<u16>,
}

/// The answer and remark read from a row, and what was wrong with it.
pub(super) struct RowAnswer {
    pub value: AnswerValue,
    pub remark: String,
    pub problem: Option<Skip>,
    /// The cell the remark was read from (row, column), when there is one.
    pub remark_cell: Option<(u32, u16)>,
    /// The row the answer was read from.
    pub answer_row: u32,
    /// The 確認日 and 目標日 as shown, and their cells (first non-empty on the question's
    /// rows, else the first row's).
    pub dates: [(String, Option<(u32, u16)>); 2],
}

/// Finds the columns: headings above the first question, else a column of varying answer
/// words, a column of references, a column of free text; the mapping's columns win.
pub(super) fn find_columns(
    path: &Path,
    grid: &Grid,
    rows: &Rows,
    headings: &HeadingRoles,
    given: &Mapping,
    vocab: &Vocabulary,
) -> Result<Columns, XlsxError> {
    let mut found = Columns {
        flag: headings.answer,
        marks: headings.marks,
        remark: headings.remark,
        reference: headings.reference,
        date: headings.date,
        due_date: headings.due_date,
    };
    if found.flag.is_none() {
        found.flag = unlabelled_flag_column(grid, rows, found.marks, vocab);
    }
    if found.reference.is_none() {
        found.reference = reference_column(grid, rows);
    }
    let parse_col = |c: &Option<String>, what: &str| -> Result<Option<u16>, XlsxError> {
        c.as_ref()
            .map(|s| {
                col_index(s).ok_or_else(|| {
                    XlsxError::bad_mapping(path, format!("{what}: {s:?} is not a column"))
                })
            })
            .transpose()
    };
    if let Some(c) = parse_col(&given.flag_column, "flag_column")? {
        found.flag = Some(c);
    }
    if let Some(cols) = &given.mark_columns {
        let mut out = [0u16; 3];
        for (slot, c) in out.iter_mut().zip(cols) {
            *slot = col_index(c)
                .ok_or_else(|| XlsxError::bad_mapping(path, format!("mark column {c:?}")))?;
        }
        if out[0] == out[1] || out[1] == out[2] || out[0] == out[2] {
            return Err(XlsxError::bad_mapping(
                path,
                format!("mark_columns {cols:?}: each answer needs its own column"),
            ));
        }
        found.marks = Some(out);
        if given.flag_column.is_none() {
            found.flag = None;
        }
    }
    if let Some(c) = parse_col(&given.remark_column, "remark_column")? {
        found.remark = Some(c);
    }
    if let Some(c) = parse_col(&given.reference_column, "reference_column")? {
        found.reference = Some(c);
    }
    if let Some(c) = parse_col(&given.date_column, "date_column")? {
        found.date = Some(c);
    }
    if let Some(c) = parse_col(&given.due_date_column, "due_date_column")? {
        found.due_date = Some(c);
    }
    if found.remark.is_none() && given.remark_column.is_none() {
        found.remark = unlabelled_remark_column(grid, rows, &found, vocab);
    }
    Ok(found)
}

/// Rows of questions and options, with the column of their text.
fn answer_rows(rows: &Rows) -> impl Iterator<Item = (u32, u16)> + '_ {
    rows.lines.iter().filter_map(|(r, l)| match l {
        Line::Question(q) => Some((*r, q.text_col)),
        Line::Option { .. } => Some((*r, 0)),
        Line::Section { .. } => None,
    })
}

/// Without headings: a column whose cells on question and option rows hold varying answer
/// words (a column of one word beside a column of others is a printed label).
fn unlabelled_flag_column(
    grid: &Grid,
    rows: &Rows,
    marks: Option<[u16; 3]>,
    vocab: &Vocabulary,
) -> Option<u16> {
    let mut per_col: HashMap<u16, Vec<AnswerValue>> = HashMap::new();
    for (r, _) in answer_rows(rows) {
        for (c, v) in grid.cells(r) {
            if vocab.is_answer_word(v)
                && let Some(a) = vocab.answer_word(v)
            {
                per_col.entry(c).or_default().push(a);
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

/// A column right of the text where most question rows hold a guideline reference alone.
fn reference_column(grid: &Grid, rows: &Rows) -> Option<u16> {
    let mut per_col: HashMap<u16, usize> = HashMap::new();
    let mut questions = 0usize;
    for (r, l) in &rows.lines {
        let Line::Question(q) = l else { continue };
        questions += 1;
        for (c, v) in grid.cells(*r) {
            if c > q.text_col && is_reference(v) {
                *per_col.entry(c).or_default() += 1;
            }
        }
    }
    per_col
        .into_iter()
        .filter(|(_, n)| *n * 2 > questions)
        .max_by_key(|(c, n)| (*n, std::cmp::Reverse(*c)))
        .map(|(c, _)| c)
}

/// A cell that is a guideline reference and nothing else (`6.5.C1`, `シス8①`).
pub(super) fn is_reference(v: &str) -> bool {
    v.chars().count() <= 60 && !RefGroup::parse(v).refs.is_empty()
}

/// Without a 備考 heading or label: the column right of the question text (and of the answer
/// columns) whose cells on question rows most often hold free text — not an answer word, a
/// mark, a reference or a date.
fn unlabelled_remark_column(
    grid: &Grid,
    rows: &Rows,
    found: &Columns,
    vocab: &Vocabulary,
) -> Option<u16> {
    let mut taken: Vec<u16> = [found.flag, found.reference, found.date, found.due_date]
        .into_iter()
        .flatten()
        .collect();
    taken.extend(found.marks.into_iter().flatten());
    let mut per_col: HashMap<u16, usize> = HashMap::new();
    for (r, text_col) in answer_rows(rows) {
        let cells = grid.cells(r);
        if cells.iter().any(|(_, v)| fold_width(v).trim() == "備考") {
            // The form prints 備考 with the remark after it: read there instead.
            return None;
        }
        for (c, v) in cells {
            let free = c > text_col
                && !taken.contains(&c)
                && !vocab.is_answer_word(v)
                && !vocab.is_mark(v)
                && !vocab.is_blank_remark(v)
                && !is_reference(v)
                && !looks_like_date(v);
            if free {
                *per_col.entry(c).or_default() += 1;
            }
        }
    }
    let right_of = taken.iter().copied().max().unwrap_or(0);
    per_col
        .into_iter()
        .filter(|(c, _)| *c > right_of || taken.is_empty())
        .max_by_key(|(c, n)| (*n, *c))
        .map(|(c, _)| c)
}

/// The problem of an answer cell whose text reads as no answer.
fn unread(r: u32, c: u16, text: &str) -> Skip {
    Skip::UnreadAnswer {
        cell: format!("{}{}", crate::io::xlsx::col_name(c), u64::from(r) + 1),
        text: text.to_string(),
    }
}

/// The date shown in column `col` on rows `r..=last` (the first that holds one) and its
/// cell; a cell covered by a merged range is not the question's own.
fn date_in(grid: &Grid, (r, last): (u32, u32), col: Option<u16>) -> (String, Option<(u32, u16)>) {
    let Some(col) = col else {
        return (String::new(), None);
    };
    let own = |row: u32| grid.covered_by(row, col).is_none();
    (r..=last.max(r))
        .filter(|row| own(*row))
        .find(|row| !grid.get(*row, col).trim().is_empty())
        .map(|row| (grid.get(row, col).trim().to_string(), Some((row, col))))
        .unwrap_or_else(|| (String::new(), own(r).then_some((r, col))))
}

/// `2024年4月1日`, `2024/4/1`, `2024-04-01`: a date, not a remark.
fn looks_like_date(v: &str) -> bool {
    let f = fold_width(v);
    let digits = f.chars().filter(char::is_ascii_digit).count();
    digits >= 4
        && f.chars()
            .all(|c| c.is_ascii_digit() || matches!(c, '/' | '-' | '.' | '年' | '月' | '日' | ' '))
}

impl Columns {
    /// Reads the answer and remark of a question or option in rows `r..=last` whose text is in
    /// `text_col` (a merged question may hold its answer on any of its rows).
    pub(super) fn read(
        &self,
        grid: &Grid,
        (r, last): (u32, u32),
        text_col: u16,
        vocab: &Vocabulary,
    ) -> RowAnswer {
        let mut answer_row = r;
        let mut found = (AnswerValue::Unanswered, None);
        for row in r..=last.max(r) {
            let read = self.read_value(grid, row, vocab);
            if read.0.is_answered() || read.1.is_some() {
                found = read;
                answer_row = row;
                break;
            }
        }
        let (value, problem) = found;
        let mut remark = String::new();
        let mut remark_cell = None;
        for row in r..=last.max(r) {
            let (text, cell) = self.read_remark(grid, (row, r), text_col, vocab);
            remark_cell = remark_cell.or(cell);
            if !text.is_empty() {
                remark = text;
                remark_cell = cell;
                break;
            }
        }
        RowAnswer {
            value,
            remark: xl_norm(&remark),
            problem,
            remark_cell,
            answer_row,
            // A dash (－) in a date cell says "no date".
            dates: [self.date, self.due_date].map(|col| {
                let (text, cell) = date_in(grid, (r, last), col);
                if vocab.is_blank_remark(&text) {
                    (String::new(), cell)
                } else {
                    (text, cell)
                }
            }),
        }
    }

    /// The remark of one row and its cell: the remark column, else the cell after a 備考
    /// label.
    /// A cell covered by a merged range is read (and later written) at the range's first
    /// cell, when that cell is the question's own (on its rows, right of its text); else it
    /// has none.
    fn read_remark(
        &self,
        grid: &Grid,
        (r, first): (u32, u32),
        text_col: u16,
        vocab: &Vocabulary,
    ) -> (String, Option<(u32, u16)>) {
        let mut cell = None;
        let mut remark = String::new();
        if let Some(rc) = self.remark.filter(|rc| *rc > text_col || text_col == 0) {
            let shown = match grid.covered_by(r, rc) {
                None => Some((r, rc)),
                Some((r0, c0)) => {
                    let answer_col =
                        self.flag == Some(c0) || self.marks.is_some_and(|m| m.contains(&c0));
                    (r0 >= first && (c0 > text_col || c0 == rc) && !answer_col).then_some((r0, c0))
                }
            };
            if let Some((r0, c0)) = shown {
                remark = grid.get(r0, c0).to_string();
                cell = Some((r0, c0));
            }
        } else {
            let cells = grid.cells(r);
            if let Some(pos) = cells
                .iter()
                .position(|(c, v)| *c > text_col && fold_width(v).trim() == "備考")
                && let Some((c, v)) = cells.get(pos + 1)
            {
                remark = v.to_string();
                cell = Some((r, *c));
            }
        }
        if vocab.is_blank_remark(&remark) {
            remark.clear();
        }
        (remark, cell)
    }

    /// The answer of a row: the flag column's word, else the one marked column.
    fn read_value(&self, grid: &Grid, r: u32, vocab: &Vocabulary) -> (AnswerValue, Option<Skip>) {
        let mut value = AnswerValue::Unanswered;
        let mut problem = None;
        if let Some(fc) = self.flag {
            let v = grid.get(r, fc).trim();
            if !v.is_empty() {
                // A word, or a choice inside the cell (「■はい　□いいえ」) with one or none ticked.
                let choice = || vocab.choice_in_cell(v).and_then(|c| c.chosen());
                match vocab
                    .answer_word(v)
                    .or_else(|| AnswerValue::parse(v))
                    .or_else(choice)
                {
                    Some(a) => value = a,
                    None => problem = Some(unread(r, fc, v)),
                }
            }
        } else if let Some([y, n, na]) = self.marks {
            // Text that is no mark, box, printed word or dash: what it says is not known.
            let odd = [y, n, na].into_iter().find(|c| {
                let v = grid.get(r, *c).trim();
                !v.is_empty()
                    && !vocab.is_mark(v)
                    && vocab.answer_word(v).is_none()
                    && !vocab.is_box(v)
                    && !vocab.is_blank_remark(v)
            });
            if let Some(c) = odd {
                return (value, Some(unread(r, c, grid.get(r, c).trim())));
            }
            let marked: Vec<usize> = [y, n, na]
                .iter()
                .enumerate()
                .filter(|(_, c)| vocab.is_mark(grid.get(r, **c)))
                .map(|(i, _)| i)
                .collect();
            // A gate row shows 該当/非該当 in the first two columns.
            let gate = vocab.answer_word(grid.get(r, y)) == Some(AnswerValue::Applies)
                || vocab.answer_word(grid.get(r, n)) == Some(AnswerValue::DoesNotApply);
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
