//! The fifth phase of detection: sections, questions and options built from the classified
//! rows, with the answers read from their rows, and the gates between questions.

use std::collections::HashMap;

use super::super::grid::Grid;
use super::super::vocabulary::Vocabulary;
use super::super::{ImportReport, Skip, Skipped};
use super::columns::{Columns, RowAnswer, is_reference};
use super::rows::{Line, QuestionRow};
use crate::domain::answer::AnswerValue;
use crate::domain::catalogue::{AnswerKind, Gate, QOption, Question, Scope, Section};
use crate::domain::refs::{RefGroup, split_trailing_ref};
use crate::domain::text::fold_width;

/// An answer read from a row, set once the catalogue is built.
pub(super) struct PendingAnswer {
    pub question: String,
    pub option: Option<String>,
    pub value: AnswerValue,
    pub remark: String,
    /// The row the answer was read from (0-based) and the remark's cell.
    pub row: u32,
    pub remark_cell: Option<(u32, u16)>,
    /// The answer cells hold something that reads as no answer (kept as it is when filling),
    /// and what.
    pub unread: Option<Skip>,
    /// The 確認日 and 目標日 as shown, with their cells.
    pub dates: [(String, Option<(u32, u16)>); 2],
}

impl PendingAnswer {
    fn new(question: String, option: Option<String>, read: RowAnswer) -> PendingAnswer {
        PendingAnswer {
            question,
            option,
            value: read.value,
            remark: read.remark,
            row: read.answer_row,
            remark_cell: read.remark_cell,
            unread: read.problem.clone(),
            dates: read.dates,
        }
    }
}

/// The sections (with their questions) and the answers read.
pub(super) struct Built {
    pub sections: Vec<Section>,
    pub answers: Vec<PendingAnswer>,
    /// Each question's own row (0-based), by id.
    pub question_rows: HashMap<String, u32>,
}

/// Builds the sections from the rows; skipped rows and option counts go to the report.
pub(super) fn build_sections(
    grid: &Grid,
    lines: &[(u32, Line)],
    columns: &Columns,
    vocab: &Vocabulary,
    report: &mut ImportReport,
) -> Built {
    let mut b = Builder {
        grid,
        columns,
        vocab,
        sections: Vec::new(),
        answers: Vec::new(),
        seen: HashMap::new(),
        question_rows: HashMap::new(),
        gate_rows: Vec::new(),
        skipped_question: None,
    };
    for (idx, (r, line)) in lines.iter().enumerate() {
        match line {
            Line::Section { title } => {
                b.skipped_question = None;
                b.sections.push(Section {
                    title: title.clone(),
                    refs: None,
                    questions: Vec::new(),
                });
            }
            Line::Question(q) => {
                let has_options = matches!(lines.get(idx + 1), Some((_, Line::Option { .. })));
                b.question(*r, q, has_options, report);
            }
            Line::Option { label } => b.option(*r, label, report),
        }
    }
    let Builder {
        mut sections,
        answers,
        gate_rows,
        question_rows,
        ..
    } = b;
    link_gates(&mut sections, &gate_rows);
    sections.retain(|s| !s.questions.is_empty() || !s.title.is_empty());
    for s in &mut sections {
        let (body, refs) = split_trailing_ref(&s.title);
        if refs.is_some() {
            s.title = body.trim().to_string();
            s.refs = refs;
        }
    }
    Built {
        sections,
        answers,
        question_rows,
    }
}

struct Builder<'a> {
    grid: &'a Grid,
    columns: &'a Columns,
    vocab: &'a Vocabulary,
    sections: Vec<Section>,
    answers: Vec<PendingAnswer>,
    /// Question number → its row (1-based), to report duplicates.
    seen: HashMap<String, u32>,
    /// Question id → its row (0-based).
    question_rows: HashMap<String, u32>,
    /// Ids of the gate (該当/非該当) questions.
    gate_rows: Vec<String>,
    /// The number of the question row just skipped (a duplicate): its option rows are its
    /// own, never the question's above.
    skipped_question: Option<String>,
}

impl Builder<'_> {
    /// A question row: a new question in the last section (skipped if its number was seen).
    fn question(
        &mut self,
        r: u32,
        line: &QuestionRow,
        has_options: bool,
        report: &mut ImportReport,
    ) {
        let QuestionRow {
            printed,
            number,
            text,
            text_col,
            last_row,
            ..
        } = line;
        let text_col = *text_col;
        if let Some(first) = self.seen.get(number.as_str()) {
            report.skipped.push(Skipped {
                row: r + 1,
                reason: Skip::DuplicateNumber {
                    number: number.clone(),
                    first_row: *first,
                },
            });
            self.skipped_question = Some(printed.clone());
            return;
        }
        self.skipped_question = None;
        self.seen.insert(number.clone(), r + 1);
        if self.sections.is_empty() {
            self.sections.push(Section {
                title: String::new(),
                refs: None,
                questions: Vec::new(),
            });
        }
        let id = format!("q{number}");
        self.question_rows.insert(id.clone(), r);
        let read = self
            .columns
            .read(self.grid, (r, *last_row), text_col, self.vocab);
        if let Some(reason) = read.problem.clone() {
            report.skipped.push(Skipped { row: r + 1, reason });
        }
        let vocab = self.vocab;
        let gate_labels = self.grid.cells(r).iter().any(|(c, v)| {
            *c > text_col
                && matches!(
                    vocab.answer_word(v),
                    Some(AnswerValue::Applies | AnswerValue::DoesNotApply)
                )
                && !vocab.is_mark(v)
                || fold_width(v).trim() == "該当"
                || vocab.choice_in_cell(v).is_some_and(|c| c.offers_gate())
        });
        let is_gate =
            matches!(read.value, AnswerValue::Applies | AnswerValue::DoesNotApply) || gate_labels;
        let answer = if has_options {
            AnswerKind::Options(Vec::new())
        } else if is_gate {
            self.gate_rows.push(id.clone());
            AnswerKind::Gate
        } else {
            AnswerKind::YesNoNa
        };
        let (body, mut refs) = split_trailing_ref(text);
        if refs.is_none()
            && let Some(cell) = self.columns.reference.map(|c| self.grid.get(r, c))
            && is_reference(cell)
        {
            refs = Some(RefGroup::parse(cell));
        }
        let q = Question {
            id: id.clone(),
            number: printed.clone(),
            text: body.trim().to_string(),
            refs,
            answer,
            gate: None,
            note: None,
            scope: Scope::Both,
        };
        if !has_options {
            self.answers.push(PendingAnswer::new(id, None, read));
        }
        if let Some(s) = self.sections.last_mut() {
            s.questions.push(q);
        }
    }

    /// An option row: a new option of the last question, when that question takes options.
    fn option(&mut self, r: u32, label: &str, report: &mut ImportReport) {
        if let Some(number) = &self.skipped_question {
            log::warn!(
                "{}: row {}: option {label:?} of the skipped question {number}; not read",
                report.file,
                r + 1
            );
            report.skipped.push(Skipped {
                row: r + 1,
                reason: Skip::OptionOfSkippedQuestion {
                    number: number.clone(),
                },
            });
            return;
        }
        let Some(q) = self
            .sections
            .last_mut()
            .and_then(|s| s.questions.last_mut())
        else {
            log::warn!(
                "{}: row {}: option {label:?} has no question; not read",
                report.file,
                r + 1
            );
            report.skipped.push(Skipped {
                row: r + 1,
                reason: Skip::OptionWithoutQuestion,
            });
            return;
        };
        let AnswerKind::Options(options) = &mut q.answer else {
            log::warn!(
                "{}: row {}: option {label:?} follows question {}, which takes no options; \
                 not read",
                report.file,
                r + 1,
                q.number
            );
            report.skipped.push(Skipped {
                row: r + 1,
                reason: Skip::OptionWithoutQuestion,
            });
            return;
        };
        let oid = format!("o{}", options.len() + 1);
        options.push(QOption {
            id: oid.clone(),
            label: label.to_string(),
        });
        let read = self.columns.read(self.grid, (r, r), 0, self.vocab);
        if let Some(reason) = read.problem.clone() {
            report.skipped.push(Skipped { row: r + 1, reason });
        }
        self.answers
            .push(PendingAnswer::new(q.id.clone(), Some(oid), read));
        report.options += 1;
    }
}

/// Gates: questions numbered under a gate question depend on it being 該当 (the nearest gate
/// above, by number). Linear in the questions: each looks up the prefixes of its own number.
fn link_gates(sections: &mut [Section], gate_rows: &[String]) {
    let gate_ids: std::collections::HashSet<&str> = gate_rows.iter().map(String::as_str).collect();
    let gates: HashMap<String, String> = sections
        .iter()
        .flat_map(|s| s.questions.iter())
        .filter(|q| gate_ids.contains(q.id.as_str()))
        .map(|q| (q.number_key(), q.id.clone()))
        .collect();
    if gates.is_empty() {
        return;
    }
    for s in sections.iter_mut() {
        for q in &mut s.questions {
            let key = q.number_key();
            // The longest prefix first: `1.2.3` looks for `1.2`, then `1`.
            let parent = key
                .rmatch_indices('.')
                .map(|(at, _)| key.get(..at).unwrap_or_default())
                .find_map(|prefix| gates.get(prefix).filter(|id| **id != q.id));
            if let Some(id) = parent {
                q.gate = Some(Gate {
                    question: id.clone(),
                    value: AnswerValue::Applies,
                });
            }
        }
    }
}
