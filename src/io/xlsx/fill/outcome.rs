//! What a fill reports besides the copy — values it had no cell for, unread cells it replaced —
//! and the value of a target: the leaves the fill's planning, checking and errors share.

use crate::domain::answer::AnswerValue;
use crate::domain::condition::ConditionWords;
use crate::domain::project::{AnswerDate, HeaderField, Project};

/// A cell whose content the import could not read, replaced because its question was answered
/// in the app.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Replaced {
    /// The cell (`K12`).
    pub cell: String,
    /// The question's number as printed, and the option's label for an option.
    pub number: String,
    pub option: Option<String>,
    /// What the cell held, and what it is to hold.
    pub old: String,
    pub new: String,
}

/// A value of the statement the workbook has no cell for (no remark column, no answer column,
/// no header label): not written, and said.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Unwritten {
    /// The 備考 of a question (its number, and the option's label for an option).
    Remark {
        number: String,
        option: Option<String>,
    },
    /// The answer of a question.
    Answer {
        number: String,
        option: Option<String>,
    },
    /// The 確認日 or 目標日 of a question.
    Date {
        number: String,
        which: AnswerDate,
    },
    Header(HeaderField),
    /// A formula cell (`sheet`, `cell` as `K12`) that shows a value computed from a changed
    /// cell in a shape kaijisho does not evaluate: it shows its old value until the workbook is
    /// recalculated (Excel does so on opening the filled copy).
    Formula {
        sheet: String,
        cell: String,
    },
}

/// The value a statement holds for a target (a question, or one of its options), and its
/// remark cell: a question's condition (条件付き回答) first, in `words` (〔条件〕…。).
pub(super) fn value_of(
    p: &Project,
    (question, option): (&str, Option<&str>),
    words: &ConditionWords,
) -> (AnswerValue, String) {
    let Some(a) = p.answers.get(question) else {
        return (AnswerValue::Unanswered, String::new());
    };
    match option {
        None => (a.value, words.join(&a.condition, &a.remark)),
        Some(o) => a
            .options
            .get(o)
            .map(|oa| (oa.value, oa.remark.clone()))
            .unwrap_or_default(),
    }
}

/// A question's 確認日 and 目標日 (in [`AnswerDate::ALL`]'s order), trimmed.
pub(super) fn dates_of(p: &Project, question: &str) -> [String; 2] {
    let a = p.answers.get(question);
    AnswerDate::ALL.map(|w| a.map_or("", |a| a.date(w)).trim().to_string())
}

/// A question's number as printed, and an option's label, for what is said about them.
pub(super) fn number_and_option(
    c: &crate::domain::catalogue::Catalogue,
    question: &str,
    option: Option<&str>,
) -> (String, Option<String>) {
    let q = c.question(question);
    let number = q.map_or_else(|| question.to_string(), |q| q.number.clone());
    let option = option.map(|o| {
        q.and_then(|q| q.answer.options().iter().find(|x| x.id == o))
            .map_or_else(|| o.to_string(), |x| x.label.clone())
    });
    (number, option)
}
