//! Reading workbooks back (calamine).
//!
//! - Our own exports carry a hidden sheet with the project, the catalogue and the row map: the
//!   import is exact, with the user's edits of the input cells (flags, remarks, header) applied.
//! - Official-style workbooks are read by content: the sheet with the most question rows; header
//!   fields by their labels; question rows by their numbering (`4. 1. 2.`, `1. 1`, `1.1`,
//!   full-width digits, numbers stored as numbers) and text; section rows by a trailing guideline
//!   reference; option rows by a leading dash; answers from a flag column (はい/いいえ/対象外 …)
//!   or from marks (○ ● ✓ ■ 1 …) in the はい・いいえ・対象外 columns; remarks from the 備考 column
//!   or the cell after a 備考 label. What was found is reported with row numbers, and the
//!   mapping (sheet, columns, header cells) can be corrected with a small JSON file.

mod archive;
mod detect;
pub mod grid;
mod own;
pub mod view;
pub mod vocabulary;

use std::collections::BTreeMap;
use std::path::Path;

use serde::Serialize;

pub use archive::{MAX_FILE_BYTES, MAX_PARTS, MAX_UNPACKED_BYTES, read_workbook};
pub use grid::{Book, Grid, MAX_CELLS, MAX_COLS, MAX_MERGES, MAX_ROWS};
pub use view::{RowKind, SheetView};
pub use vocabulary::Vocabulary;

use super::{HIDDEN_SHEET, MARKER, XlsxError};
use crate::domain::answer::AnswerValue;
use crate::domain::catalogue::Catalogue;
use crate::domain::project::{HeaderField, Project};

pub use crate::domain::source::Mapping;

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

/// Where a statement's values sit in the workbook it was detected in: what filling that
/// workbook writes to. Rows and columns are 0-based.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Targets {
    pub sheet: String,
    /// The answer-word column, or the はい/いいえ/対象外 mark columns.
    pub flag: Option<u16>,
    pub marks: Option<[u16; 3]>,
    pub answers: Vec<AnswerTarget>,
    /// Header field key → value cell (`B3`, `表紙!B3`).
    pub header: BTreeMap<String, String>,
}

/// The cells of one question's (or option's) answer.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AnswerTarget {
    pub question: String,
    pub option: Option<String>,
    pub row: u32,
    pub remark: Option<(u32, u16)>,
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

/// The result of an import.
#[derive(Debug, Clone, PartialEq)]
pub struct Imported {
    pub catalogue: Catalogue,
    pub project: Project,
    pub report: ImportReport,
    /// Where the values sit (detected imports only).
    pub targets: Option<Targets>,
    /// The sheet as detection saw it, for the mapping wizard (detected imports only).
    pub view: Option<SheetView>,
}

/// Imports a workbook: exact for our own exports, by detection otherwise (with the words of
/// `vocab`, the shipped `assets::import_vocabulary()`). A detected import records its source
/// (file name, SHA-256, sheet, mapping) in the project.
pub fn import_workbook(
    path: &Path,
    bytes: Vec<u8>,
    mapping: Option<&Mapping>,
    vocab: &Vocabulary,
) -> Result<Imported, XlsxError> {
    let mut book = read_workbook(path, bytes)?;
    if mapping.is_none() && book.sheets.iter().any(|(n, _)| n == HIDDEN_SHEET) {
        let hidden = book.grid(HIDDEN_SHEET)?;
        if hidden.get(0, 0) == MARKER {
            return own::import_own(&mut book, &hidden);
        }
    }
    detect::import_detected(&mut book, mapping, vocab)
}

/// Reads a file (within the size limit) and imports it.
pub fn import_file(
    path: &Path,
    mapping: Option<&Mapping>,
    vocab: &Vocabulary,
) -> Result<Imported, crate::io::FileError> {
    let bytes = crate::io::atomic::read_limited(path, MAX_FILE_BYTES)?;
    Ok(import_workbook(path, bytes, mapping, vocab)?)
}

/// Text as Excel keeps it: CR LF and CR become LF.
fn xl_norm(s: &str) -> String {
    s.replace("\r\n", "\n").replace('\r', "\n")
}

/// Answered questions and options.
fn count_answers(p: &Project) -> usize {
    p.answers
        .values()
        .map(|a| {
            usize::from(a.value.is_answered())
                + a.options.values().filter(|o| o.value.is_answered()).count()
        })
        .sum()
}

/// The workbook holds answers or header values (a filled statement, not a blank form).
fn is_filled(p: &Project, answers: usize) -> bool {
    answers > 0
        || HeaderField::ALL
            .iter()
            .any(|f| !p.header.get(*f).is_empty())
}
