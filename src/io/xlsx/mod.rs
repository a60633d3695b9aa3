//! Excel workbooks: export in the official layout, import of our own exports (exact) and of
//! official-style workbooks (detected by content, correctable by a mapping).
//!
//! This file declares the modules, re-exports what callers use and holds the two file-level
//! entry points (export to a path, read a mapping); what the modules share lives in leaves
//! beside them (`layout`, `cells`, and `XlsxError` in `io::error`), never here, so that no
//! module of `xlsx` and this file refer to each other.

pub mod cells;
pub mod changes;
pub mod comparison;
pub mod export;
pub mod fill;
pub mod import;
pub mod layout;
pub mod package;
pub mod signature_sheet;
pub mod table;

use std::path::Path;

use crate::domain::form::FormText;
use crate::io::FileError;
use crate::io::json::{parse_value, typed};
use crate::io::read::read_limited;

pub use super::error::XlsxError;
pub use cells::{cell_index, col_index, col_name, sheet_cell};
pub use changes::{add_changes_sheet, changes_xlsx, export_changes_xlsx};
pub use comparison::{ComparisonHeadings, comparison_table};
pub use export::statement_xlsx;
pub use fill::{Consent, FillReport, Filled, Replaced, Unwritten, export_into, fill_workbook};
pub use import::{
    AnswerTarget, ImportReport, Imported, Mapping, Note, RefPair, SheetQuestions, Skip, Skipped,
    Targets, Vocabulary, import_file, import_workbook, read_workbook,
};
pub use layout::{
    CHUNK, COL_FLAG, COL_NA, COL_NO, COL_NUMBER, COL_REMARK, COL_REMARK_IN, COL_TEXT, COL_YES,
    HEADER_ROWS, HIDDEN_SHEET, MAIN_SHEET, MARKER, RowRole, header_label,
};
pub use table::{PrintTable, Span, TableRow, add_print_table, tables_xlsx, unique_sheet_name};

/// Writes the workbook of a statement to `path` atomically (keeping a `.bak` of a previous
/// file). `form` is the printed wording (the caller takes it from the shipped assets).
pub fn export_xlsx(
    path: &Path,
    c: &crate::domain::catalogue::Catalogue,
    p: &crate::domain::project::Project,
    form: &FormText,
) -> Result<(), FileError> {
    let bytes = statement_xlsx(c, p, form).map_err(|e| XlsxError::InFile {
        path: path.to_path_buf(),
        source: Box::new(e),
    })?;
    crate::io::atomic::atomic_write_within(path, &bytes, import::MAX_FILE_BYTES)?;
    Ok(())
}

/// Largest import mapping file read.
const MAX_MAPPING_BYTES: u64 = 1024 * 1024;

/// Reads an import mapping file (see [`Mapping`]).
pub fn load_mapping(path: &Path) -> Result<Mapping, FileError> {
    let bytes = read_limited(path, MAX_MAPPING_BYTES)?;
    parse_value(path, &bytes)?;
    typed(path, &bytes)
}
