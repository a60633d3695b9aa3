//! What an import reports: what it recognised, the rows it skipped or only partly read and
//! why, and what the user should know about the whole workbook; with the small rules the
//! readers share to fill it in.

use serde::Serialize;

use crate::domain::answer::AnswerValue;
use crate::domain::catalogue::Kind;
use crate::domain::project::{HeaderField, Project};
use crate::domain::source::Mapping;

/// A sheet holding question rows, and how many.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct SheetQuestions {
    pub sheet: String,
    pub questions: usize,
}

/// A row of a correspondence sheet: a 第5.2版 reference and the 第6.0版 one it became.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct RefPair {
    pub row: u32,
    pub old: String,
    pub new: String,
}

/// Why a row was not taken as it stood.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(tag = "code", rename_all = "snake_case")]
pub enum Skip {
    /// The flag cell holds something that is not an answer (the answer is left as it was).
    FlagNotAnswer {
        flag: String,
    },
    OptionWithoutQuestion,
    /// An answer cell of a detected workbook (`cell`, e.g. `K12`) holds text that reads as no
    /// answer: the question is left unanswered, and filling the workbook leaves the cell as it
    /// is unless the question is answered in the app (then the user is asked first).
    UnreadAnswer {
        cell: String,
        text: String,
    },
    /// Neither a question, an option nor a section row.
    NotARow {
        text: String,
    },
    DuplicateNumber {
        number: String,
        first_row: u32,
    },
    SeveralMarks,
    /// A row of kaijisho's own export that could not be found after rows were moved (the
    /// answer stays as exported).
    RowNotFound {
        what: String,
    },
    /// A numbered row whose text reads as no question and opens no section (no column
    /// headings say it is one).
    NotAQuestion {
        number: String,
        text: String,
    },
    /// An option row of a question row that was skipped (its `number`, as printed): not read
    /// either, never added to the question above.
    OptionOfSkippedQuestion {
        number: String,
    },
    /// A row of kaijisho's own export whose entry in the row map names a kind of row this
    /// version does not know (`role`): not read; what its input cells hold is named.
    UnknownRowKind {
        role: String,
        flag: String,
        remark: String,
    },
    /// A row of kaijisho's own export whose entry in the row map names a question the
    /// statement's catalogue lacks: not read; what its input cells hold is named.
    UnknownQuestion {
        question: String,
        flag: String,
        remark: String,
    },
    /// An input cell of kaijisho's own export that the statement cannot take (the edit was
    /// refused: `error`); the answer stays as exported, and the cell's text is named.
    NotTaken {
        text: String,
        error: crate::domain::project::EditError,
    },
}

/// A row the import skipped or only partly read (1-based row number).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Skipped {
    pub row: u32,
    #[serde(flatten)]
    pub reason: Skip,
}

/// Something the user should know about the whole import.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(tag = "code", rename_all = "snake_case")]
pub enum Note {
    NoHeaderLabels,
    NoAnswerColumn,
    /// The list marks each question's form (対象 columns): the `count` questions only of the
    /// `other` form (`numbers`: number (row), …) are not in this `form`'s statement.
    OtherForm {
        form: Kind,
        other: Kind,
        numbers: String,
        count: usize,
    },
    /// A value the question cannot take (e.g. はい on a 該当/非該当 question).
    AnswerRejected {
        number: String,
        value: AnswerValue,
    },
    /// A row of kaijisho's own export no longer holds what its row map says (rows inserted,
    /// deleted or sorted since): the rows were found by their content instead.
    RowsMoved {
        row: u32,
        expected: String,
        found: String,
    },
    /// More than one sheet holds questions: the one with most was read.
    OtherQuestionSheets {
        sheet: String,
        others: String,
    },
    /// A correspondence sheet (第5.2版 ↔ 第6.0版) was read.
    Correspondence {
        sheet: String,
        rows: usize,
    },
    /// The row map of kaijisho's own export says it holds `found` entries, which is not a
    /// number: no edit made in the sheet was read (the statement is as exported).
    RowMapUnreadable {
        found: String,
    },
    /// An entry of the row map (row `entry` of the hidden sheet, 1-based) names no row of the
    /// sheet (`found`): what was typed in that row was not read.
    RowMapEntryUnreadable {
        entry: u32,
        found: String,
    },
    /// Cells holding something right of the last column read (`last`, e.g. `GS`): not read.
    /// `first` is the first of them (`KO11`).
    CellsBeyondLastColumn {
        sheet: String,
        cells: usize,
        first: String,
        last: String,
    },
}

/// What the import recognised and what it skipped.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct ImportReport {
    pub file: String,
    /// `kaijisho-export` (exact) or `detected`.
    pub method: String,
    pub sheet: String,
    pub mapping: Mapping,
    pub sections: usize,
    pub questions: usize,
    pub options: usize,
    pub answers: usize,
    pub skipped: Vec<Skipped>,
    pub notes: Vec<Note>,
    /// Detection was not sure: show the mapping and let the user correct it.
    pub uncertain: bool,
    /// The workbook holds answers or header values (a filled statement, not a blank form).
    pub filled: bool,
    /// Every sheet holding question rows, most first.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub sheets: Vec<SheetQuestions>,
    /// The rows of a correspondence sheet, when the workbook has one that parses.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub correspondence: Vec<RefPair>,
}

/// Text as Excel keeps it: CR LF and CR become LF.
pub(super) fn xl_norm(s: &str) -> String {
    s.replace("\r\n", "\n").replace('\r', "\n")
}

/// Answered questions and options.
pub(super) fn count_answers(p: &Project) -> usize {
    p.answers
        .values()
        .map(|a| {
            usize::from(a.value.is_answered())
                + a.options.values().filter(|o| o.value.is_answered()).count()
        })
        .sum()
}

/// The workbook holds answers or header values (a filled statement, not a blank form).
pub(super) fn is_filled(p: &Project, answers: usize) -> bool {
    answers > 0
        || HeaderField::ALL
            .iter()
            .any(|f| !p.header.get(*f).is_empty())
}
