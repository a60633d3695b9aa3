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
pub(crate) mod grid;
mod own;

use std::collections::BTreeMap;
use std::path::Path;

use serde::{Deserialize, Serialize};

pub use archive::{MAX_FILE_BYTES, MAX_PARTS, MAX_UNPACKED_BYTES, read_workbook};
pub use grid::{Book, Grid, MAX_CELLS, MAX_COLS, MAX_ROWS};

use super::{HIDDEN_SHEET, MARKER, XlsxError};
use crate::domain::answer::AnswerValue;
use crate::domain::catalogue::Catalogue;
use crate::domain::project::{HeaderField, Project};

/// Where things are in a workbook. Detected, or given by the user (all fields optional; given
/// fields override detection). Columns are letters, cells are `B3`, rows are 1-based.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Mapping {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub sheet: Option<String>,
    /// Header field (`created`, `vendor`, `product`, `version`, `contact`) → value cell.
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub header: BTreeMap<String, String>,
    /// Input column with はい/いいえ/対象外/該当/非該当.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub flag_column: Option<String>,
    /// The はい, いいえ, 対象外 columns holding marks (when there is no flag column).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub mark_columns: Option<[String; 3]>,
    /// Column holding the remark text.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub remark_column: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub first_row: Option<u32>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub last_row: Option<u32>,
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
}

/// The result of an import.
#[derive(Debug, Clone, PartialEq)]
pub struct Imported {
    pub catalogue: Catalogue,
    pub project: Project,
    pub report: ImportReport,
}

/// Imports a workbook: exact for our own exports, by detection otherwise.
pub fn import_workbook(
    path: &Path,
    bytes: Vec<u8>,
    mapping: Option<&Mapping>,
) -> Result<Imported, XlsxError> {
    let mut book = read_workbook(path, bytes)?;
    if mapping.is_none() && book.sheets.iter().any(|(n, _)| n == HIDDEN_SHEET) {
        let hidden = book.grid(HIDDEN_SHEET)?;
        if hidden.get(0, 0) == MARKER {
            return own::import_own(&mut book, &hidden);
        }
    }
    detect::import_detected(&mut book, mapping)
}

/// Reads a file (within the size limit) and imports it.
pub fn import_file(
    path: &Path,
    mapping: Option<&Mapping>,
) -> Result<Imported, crate::io::FileError> {
    let bytes = crate::io::atomic::read_limited(path, MAX_FILE_BYTES)?;
    Ok(import_workbook(path, bytes, mapping)?)
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
