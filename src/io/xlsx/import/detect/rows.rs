//! The second phase of detection: each row of the chosen sheet classified as a section, a
//! question or an option; rows before the first question give the title texts, rows after it
//! that are none of these are reported as skipped.

use super::super::{Skip, Skipped};
use super::sheet::Layout;
use super::words::{answer_word, header_field, option_label, question_cells, short};
use crate::domain::refs::split_trailing_ref;

/// What a row of the chosen sheet holds.
#[derive(Debug, Clone)]
pub(super) enum Line {
    Section { title: String },
    Question(QuestionRow),
    Option { label: String },
}

/// A question row.
#[derive(Debug, Clone)]
pub(super) struct QuestionRow {
    /// The number as printed (`4. 1. 2.`) and normalised (`4.1.2`).
    pub printed: String,
    pub number: String,
    pub text: String,
    /// The column of the question text.
    pub text_col: u16,
}

/// The classified rows.
pub(super) struct Rows {
    /// Sections, questions and options with their rows (0-based), in sheet order.
    pub lines: Vec<(u32, Line)>,
    pub first_question_row: Option<u32>,
    /// The text of each row before the first question (titles, header rows).
    pub title_texts: Vec<String>,
    pub skipped: Vec<Skipped>,
}

/// Classifies the rows of the layout.
pub(super) fn classify(layout: &Layout) -> Rows {
    let grid = &layout.grid;
    let mut lines: Vec<(u32, Line)> = Vec::new();
    let mut first_question_row = None;
    let mut title_texts: Vec<String> = Vec::new();
    let mut skipped: Vec<Skipped> = Vec::new();
    for r in layout.first_row..=layout.last_row {
        let cells = grid.cells(r);
        let Some(&(_, first_text)) = cells.first() else {
            continue;
        };
        if let Some((printed, text, text_col, number)) = question_cells(&cells) {
            first_question_row.get_or_insert(r);
            lines.push((
                r,
                Line::Question(QuestionRow {
                    printed,
                    number,
                    text,
                    text_col,
                }),
            ));
            continue;
        }
        let after_start = first_question_row.is_some()
            || lines.iter().any(|(_, l)| matches!(l, Line::Section { .. }));
        if after_start && let Some((_, label)) = option_label(&cells) {
            if matches!(
                lines.last(),
                Some((_, Line::Question(_) | Line::Option { .. }))
            ) {
                lines.push((r, Line::Option { label }));
            } else {
                skipped.push(Skipped {
                    row: r + 1,
                    reason: Skip::OptionWithoutQuestion,
                });
            }
            continue;
        }
        let is_label_row = cells.iter().any(|(_, v)| header_field(v).is_some());
        if !is_label_row
            && cells.iter().all(|(_, v)| answer_word(v).is_none())
            && let (body, Some(refs)) = split_trailing_ref(first_text)
            && !body.trim().is_empty()
            && !refs.refs.is_empty()
        {
            lines.push((
                r,
                Line::Section {
                    title: first_text.to_string(),
                },
            ));
            continue;
        }
        if first_question_row.is_none() {
            title_texts.push(cells.iter().map(|(_, v)| *v).collect::<Vec<_>>().join(" "));
        } else {
            skipped.push(Skipped {
                row: r + 1,
                reason: Skip::NotARow {
                    text: short(first_text),
                },
            });
        }
    }
    Rows {
        lines,
        first_question_row,
        title_texts,
        skipped,
    }
}
