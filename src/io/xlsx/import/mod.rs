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
pub mod imported;
mod own;
pub mod report;
pub mod view;
pub mod vocabulary;

use std::path::Path;

pub use archive::{
    MAX_FILE_BYTES, MAX_PARTS, MAX_UNPACKED_BYTES, MAX_XML_PART_BYTES, read_workbook,
};
pub use grid::{Book, Grid, MAX_CELLS, MAX_COLS, MAX_MERGES, MAX_ROWS};
pub use imported::{AnswerTarget, Imported, Targets};
pub use report::{ImportReport, Note, RefPair, SheetQuestions, Skip, Skipped};
pub use view::{RowKind, SheetView};
pub use vocabulary::Vocabulary;

use super::{HIDDEN_SHEET, MARKER, XlsxError};

pub use crate::domain::source::Mapping;

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
    // The signature's hidden sheet (a filled, signed workbook) is no checklist: taken out
    // first, its signature given to the statement.
    let signature = super::signature_sheet::take_signature(&mut book)?;
    let mut imported = if mapping.is_none() && book.sheets.iter().any(|(n, _)| n == HIDDEN_SHEET) {
        let hidden = book.grid(HIDDEN_SHEET)?;
        if hidden.get(0, 0) == MARKER {
            own::import_own(&mut book, &hidden, vocab)?
        } else {
            detect::import_detected(&mut book, mapping, vocab)?
        }
    } else {
        detect::import_detected(&mut book, mapping, vocab)?
    };
    if imported.project.signature.is_none()
        && let Some(cms) = signature
    {
        imported.project.signature = Some(crate::domain::project::StoredSignature { cms });
    }
    Ok(imported)
}

/// Reads a file (within the size limit) and imports it.
pub fn import_file(
    path: &Path,
    mapping: Option<&Mapping>,
    vocab: &Vocabulary,
) -> Result<Imported, crate::io::FileError> {
    let bytes = crate::io::read::read_limited(path, MAX_FILE_BYTES)?;
    Ok(import_workbook(path, bytes, mapping, vocab)?)
}
