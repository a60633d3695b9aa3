//! The workbook import's words: skipped rows and notes.

use super::{Localize, Localizer, s};

impl Localize for crate::io::xlsx::Skip {
    fn localize(&self, l: &Localizer) -> String {
        use crate::io::xlsx::Skip as K;
        match self {
            K::FlagNotAnswer { flag } => l.ta("skip-flag_not_answer", &[("flag", s(flag))]),
            K::OptionWithoutQuestion => l.t("skip-option_without_question"),
            K::UnreadAnswer { cell, text } => l.ta(
                "skip-unread_answer",
                &[("cell", s(cell)), ("text", s(text))],
            ),
            K::OptionOfSkippedQuestion { number } => {
                l.ta("skip-option_of_skipped_question", &[("number", s(number))])
            }
            K::NotARow { text } => l.ta("skip-not_a_row", &[("text", s(text))]),
            K::DuplicateNumber { number, first_row } => l.ta(
                "skip-duplicate_number",
                &[("number", s(number)), ("first_row", s(first_row))],
            ),
            K::SeveralMarks => l.t("skip-several_marks"),
            K::RowNotFound { what } => l.ta("skip-row_not_found", &[("what", s(what))]),
            K::NotAQuestion { number, text } => l.ta(
                "skip-not_a_question",
                &[("number", s(number)), ("text", s(text))],
            ),
            K::UnknownRowKind { role, flag, remark } => l.ta(
                "skip-unknown_row_kind",
                &[("role", s(role)), ("flag", s(flag)), ("remark", s(remark))],
            ),
            K::UnknownQuestion {
                question,
                flag,
                remark,
            } => l.ta(
                "skip-unknown_question",
                &[
                    ("question", s(question)),
                    ("flag", s(flag)),
                    ("remark", s(remark)),
                ],
            ),
            K::NotTaken { text, error } => l.ta(
                "skip-not_taken",
                &[("text", s(text)), ("reason", s(error.localize(l)))],
            ),
        }
    }
}

impl Localize for crate::io::xlsx::Note {
    fn localize(&self, l: &Localizer) -> String {
        use crate::io::xlsx::Note as N;
        match self {
            N::NoHeaderLabels => l.t("note-no_header_labels"),
            N::NoAnswerColumn => l.t("note-no_answer_column"),
            N::OtherForm {
                form,
                other,
                numbers,
                count,
            } => l.ta(
                "note-other_form",
                &[
                    ("form", s(form.key())),
                    ("other", s(other.key())),
                    ("count", s(count)),
                    ("numbers", s(numbers)),
                ],
            ),
            N::AnswerRejected { number, value } => l.ta(
                "note-answer_rejected",
                &[("number", s(number)), ("value", s(l.value(*value)))],
            ),
            N::RowsMoved {
                row,
                expected,
                found,
            } => l.ta(
                "note-rows_moved",
                &[
                    ("row", s(row)),
                    ("expected", s(expected)),
                    ("found", s(found)),
                ],
            ),
            N::OtherQuestionSheets { sheet, others } => l.ta(
                "note-other_question_sheets",
                &[("sheet", s(sheet)), ("others", s(others))],
            ),
            N::Correspondence { sheet, rows } => l.ta(
                "note-correspondence",
                &[("sheet", s(sheet)), ("rows", s(rows))],
            ),
            N::RowMapUnreadable { found } => {
                l.ta("note-row_map_unreadable", &[("found", s(found))])
            }
            N::RowMapEntryUnreadable { entry, found } => l.ta(
                "note-row_map_entry_unreadable",
                &[("entry", s(entry)), ("found", s(found))],
            ),
            N::CellsBeyondLastColumn {
                sheet,
                cells,
                first,
                last,
            } => l.ta(
                "note-cells_beyond_last_column",
                &[
                    ("sheet", s(sheet)),
                    ("cells", s(cells)),
                    ("first", s(first)),
                    ("last", s(last)),
                ],
            ),
        }
    }
}

/// A question by its number, or one of its options (「1.2 の「記憶ID」」).
fn question_or_option(l: &Localizer, number: &str, option: Option<&str>) -> String {
    match option {
        Some(o) => l.ta(
            "unwritten-option",
            &[("number", s(number)), ("option", s(o))],
        ),
        None => number.to_string(),
    }
}

impl Localize for crate::io::xlsx::Replaced {
    fn localize(&self, l: &Localizer) -> String {
        let what = question_or_option(l, &self.number, self.option.as_deref());
        let new = if self.new.is_empty() {
            l.t("replaced-cleared")
        } else {
            l.ta("replaced-new", &[("new", s(&self.new))])
        };
        l.ta(
            "replaced-cell",
            &[
                ("cell", s(&self.cell)),
                ("what", s(what)),
                ("old", s(&self.old)),
                ("new", s(new)),
            ],
        )
    }
}

impl Localize for crate::io::xlsx::Unwritten {
    fn localize(&self, l: &Localizer) -> String {
        use crate::io::xlsx::Unwritten as U;
        let what = |number: &str, option: &Option<String>| {
            question_or_option(l, number, option.as_deref())
        };
        match self {
            U::Remark { number, option } => {
                l.ta("unwritten-remark", &[("what", s(what(number, option)))])
            }
            U::Answer { number, option } => {
                l.ta("unwritten-answer", &[("what", s(what(number, option)))])
            }
            U::Date { number, which } => l.ta(
                "unwritten-date",
                &[
                    ("number", s(number)),
                    ("date", s(l.t(crate::i18n::answer_date_id(*which)))),
                ],
            ),
            U::Formula { sheet, cell } => l.ta(
                "unwritten-formula",
                &[("sheet", s(sheet)), ("cell", s(cell))],
            ),
            U::Header(field) => l.ta(
                "unwritten-header",
                &[("field", s(l.t(&format!("header-{}", field.key()))))],
            ),
        }
    }
}
