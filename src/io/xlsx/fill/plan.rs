//! What filling writes, cell by cell. A cell is written only when the statement's value differs
//! from what the import read there — so a cell whose value did not change keeps its bytes and
//! its own words ("Yes" stays "Yes", ○ stays ○) — and only where a person can see it: a cell
//! covered by a merged range is never written (the value is said to have no cell). A changed
//! answer is written in the workbook's own words and mark. Answer cells the import could not
//! read are left as they are unless the question was answered in the app; then every cell
//! replaced is listed with what it held ([`Replaced`]), for the user to agree to.

use std::collections::{BTreeMap, HashMap};

use super::outcome::{Replaced, Unwritten, dates_of, value_of};
use super::sheet_xml::Writes;
use crate::domain::answer::AnswerValue;
use crate::domain::catalogue::Catalogue;
use crate::domain::project::{AnswerDate, HeaderField, Project};
use crate::io::xlsx::col_name;
use crate::io::xlsx::import::grid::Grid;
use crate::io::xlsx::import::{AnswerTarget, Targets, Vocabulary};

/// A value read back from the filled copy must equal this (question, option → value, remark).
pub(super) type Expected = BTreeMap<(String, Option<String>), (AnswerValue, String)>;
/// The dates read back must equal these (question → 確認日, 目標日).
pub(super) type ExpectedDates = BTreeMap<String, [String; 2]>;

/// The writes of one sheet and what the fill must read back.
#[derive(Default)]
pub(super) struct Plan {
    pub writes: Writes,
    pub unwritten: Vec<Unwritten>,
    pub replaced: Vec<Replaced>,
    pub expected: Expected,
    pub dates: ExpectedDates,
}

/// How the workbook writes its answers: the word it shows for each answer in its flag column
/// (the most used, in the column's language: Japanese or English), the mark it puts in a
/// chosen column (the most used).
pub(super) struct Words {
    words: HashMap<AnswerValue, String>,
    english: bool,
    mark: Option<String>,
}

impl Words {
    /// The words and mark the target rows of the sheet show.
    pub(super) fn of(grid: &Grid, t: &Targets, vocab: &Vocabulary) -> Words {
        let mut words: HashMap<AnswerValue, HashMap<&str, usize>> = HashMap::new();
        let mut marks: HashMap<&str, usize> = HashMap::new();
        for a in &t.answers {
            if let Some(fc) = t.flag {
                let shown = grid.get(a.row, fc).trim();
                if let Some(v) = vocab.answer_word(shown).filter(|v| v.is_answered()) {
                    *words.entry(v).or_default().entry(shown).or_default() += 1;
                }
            }
            for c in t.marks.iter().flatten() {
                let shown = grid.get(a.row, *c).trim();
                let single = shown.chars().count() == 1;
                if single && vocab.is_mark(shown) && !vocab.is_box(shown) {
                    *marks.entry(shown).or_default() += 1;
                }
            }
        }
        let most = |m: HashMap<&str, usize>| {
            m.into_iter()
                .max_by(|a, b| a.1.cmp(&b.1).then(b.0.cmp(a.0)))
                .map(|(w, _)| w.to_string())
        };
        let (ascii, other) = words.values().flatten().fold((0, 0), |(a, o), (w, n)| {
            if w.is_ascii() { (a + n, o) } else { (a, o + n) }
        });
        let english = ascii > other;
        Words {
            words: words
                .into_iter()
                .filter_map(|(v, m)| {
                    let same_language: HashMap<&str, usize> = m
                        .into_iter()
                        .filter(|(w, _)| w.is_ascii() == english)
                        .collect();
                    Some((v, most(same_language)?))
                })
                .collect(),
            english,
            mark: most(marks),
        }
    }

    /// The word written for `value` (nothing for no answer).
    fn word<'v>(&'v self, value: AnswerValue, vocab: &'v Vocabulary) -> &'v str {
        if !value.is_answered() {
            return "";
        }
        self.words
            .get(&value)
            .map(String::as_str)
            .or_else(|| {
                self.english
                    .then(|| vocab.english_word_for(value))
                    .flatten()
            })
            .or_else(|| vocab.word_for(value))
            .unwrap_or("")
    }

    fn mark<'v>(&'v self, vocab: &'v Vocabulary) -> &'v str {
        self.mark.as_deref().unwrap_or_else(|| vocab.mark())
    }
}

/// `K12` for a 0-based cell.
pub(super) fn cell_name((r, c): (u32, u16)) -> String {
    format!("{}{}", col_name(c), u64::from(r) + 1)
}

/// The question's number and the option's label, for what is said about a target.
fn named(c: &Catalogue, a: &AnswerTarget) -> (String, Option<String>) {
    super::outcome::number_and_option(c, &a.question, a.option.as_deref())
}

/// The writes for every question's and option's answer and remark: `was` is the statement as
/// the import read it from this very workbook.
pub(super) fn answer_plan(
    grid: &Grid,
    t: &Targets,
    (c, p, was): (&Catalogue, &Project, &Project),
    vocab: &Vocabulary,
) -> Plan {
    let words = Words::of(grid, t, vocab);
    let mut plan = Plan::default();
    let condition = vocab.condition_words();
    for a in &t.answers {
        let target = (a.question.as_str(), a.option.as_deref());
        let (value, remark) = value_of(p, target, &condition);
        let (old_value, old_remark) = value_of(was, target, &condition);
        let mut expected = (value, remark.clone());
        if value != old_value && !answer_cells(&mut plan, grid, (t, a), (c, value), (vocab, &words))
        {
            expected.0 = old_value;
        }
        let remark_cell = a
            .remark
            .filter(|(r, col)| grid.covered_by(*r, *col).is_none());
        if remark != old_remark {
            match remark_cell {
                Some(cell) => put(&mut plan.writes, grid, cell, &remark),
                None => {
                    let (number, option) = named(c, a);
                    plan.unwritten.push(Unwritten::Remark { number, option });
                    expected.1 = old_remark;
                }
            }
        }
        if vocab.is_blank_remark(&expected.1) {
            // A dash reads back as no remark.
            expected.1.clear();
        }
        plan.expected
            .insert((a.question.clone(), a.option.clone()), expected);
        if a.option.is_none() {
            let dates = date_cells(&mut plan, grid, (c, a), (p, was));
            plan.dates.insert(a.question.clone(), dates);
        }
    }
    plan
}

/// Writes a question's changed 確認日 and 目標日 (as text, as typed) into their cells; a date
/// without a visible cell is said and expected back as it was. Returns the dates expected.
fn date_cells(
    plan: &mut Plan,
    grid: &Grid,
    (c, a): (&Catalogue, &AnswerTarget),
    (p, was): (&Project, &Project),
) -> [String; 2] {
    let (now, then) = (dates_of(p, &a.question), dates_of(was, &a.question));
    let mut expected = now.clone();
    let slots = AnswerDate::ALL
        .into_iter()
        .zip(a.dates)
        .zip(now.iter().zip(&then))
        .zip(expected.iter_mut());
    for (((which, cell), (new, old)), kept) in slots {
        if new == old {
            continue;
        }
        match cell.filter(|(r, col)| grid.covered_by(*r, *col).is_none()) {
            Some(cell) => put(&mut plan.writes, grid, cell, new),
            None => {
                let (number, _) = named(c, a);
                plan.unwritten.push(Unwritten::Date { number, which });
                kept.clone_from(old);
            }
        }
    }
    expected
}

/// Writes a changed answer into its cells, listing the cells it replaces when the import could
/// not read them; returns false when the answer has no cell a person sees (said in
/// `unwritten`).
fn answer_cells(
    plan: &mut Plan,
    grid: &Grid,
    (t, a): (&Targets, &AnswerTarget),
    (c, value): (&Catalogue, AnswerValue),
    (vocab, words): (&Vocabulary, &Words),
) -> bool {
    let cells: Vec<((u32, u16), String)> = if let Some(fc) = t.flag {
        let shown = grid.get(a.row, fc);
        match vocab.choice_in_cell(shown) {
            // The same choice with the new answer ticked; one it does not offer has no cell.
            Some(choice) => choice
                .with(value, vocab)
                .map(|text| ((a.row, fc), text))
                .into_iter()
                .collect(),
            None => vec![((a.row, fc), words.word(value, vocab).to_string())],
        }
    } else if let Some(marks) = t.marks {
        let chosen = match value {
            AnswerValue::Yes | AnswerValue::Applies => Some(0),
            AnswerValue::No | AnswerValue::DoesNotApply => Some(1),
            AnswerValue::NotApplicable => Some(2),
            AnswerValue::Unanswered => None,
        };
        marks
            .iter()
            .enumerate()
            .map(|(i, col)| {
                let shown = grid.get(a.row, *col);
                let text = mark_text(shown, chosen == Some(i), words.mark(vocab), vocab);
                ((a.row, *col), text)
            })
            .collect()
    } else {
        Vec::new()
    };
    if cells.is_empty()
        || cells
            .iter()
            .any(|((r, col), _)| grid.covered_by(*r, *col).is_some())
    {
        let (number, option) = named(c, a);
        plan.unwritten.push(Unwritten::Answer { number, option });
        return false;
    }
    for (cell, text) in cells {
        let old = grid.get(cell.0, cell.1).trim();
        if a.unread && !old.is_empty() && old != text.trim() {
            let (number, option) = named(c, a);
            plan.replaced.push(Replaced {
                cell: cell_name(cell),
                number,
                option,
                old: old.to_string(),
                new: text.clone(),
            });
        }
        put(&mut plan.writes, grid, cell, &text);
    }
    true
}

/// Adds a write when the cell does not already show `text`.
pub(super) fn put(w: &mut Writes, grid: &Grid, (r, c): (u32, u16), text: &str) {
    if grid.get(r, c).trim() != text.trim() {
        w.insert((r, c), (!text.is_empty()).then(|| text.to_string()));
    }
}

/// What a mark cell shows: `mark` when chosen, nothing when not, a printed box kept (□ when
/// not chosen, ■ when chosen); a cell that prints its word (□はい / ■はい, 該当) keeps the word
/// with its mark before it.
fn mark_text(shown: &str, chosen: bool, mark: &str, vocab: &Vocabulary) -> String {
    let shown = shown.trim();
    let Some(w) = vocab.answer_word(shown).and_then(|v| vocab.word_for(v)) else {
        return vocab.mark_in_place(shown, chosen, mark);
    };
    let lead = shown.strip_suffix(w).unwrap_or_default().trim();
    let lead = if lead.is_empty() {
        if chosen { mark } else { "" }.to_string()
    } else {
        vocab.mark_in_place(lead, chosen, mark)
    };
    format!("{lead}{w}")
}

/// The header fields whose value changed since the import.
pub(super) fn header_changed(p: &Project, was: &Project) -> Vec<HeaderField> {
    HeaderField::ALL
        .into_iter()
        .filter(|f| p.header.get(*f) != was.header.get(*f))
        .collect()
}
