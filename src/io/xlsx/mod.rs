//! Excel workbooks: export in the official layout, import of our own exports (exact) and of
//! official-style workbooks (detected by content, correctable by a mapping).

pub mod comparison;
pub mod export;
pub mod fill;
pub mod import;
pub mod table;

use std::path::{Path, PathBuf};

use crate::domain::catalogue::Kind;
use crate::domain::form::FormText;
use crate::domain::project::HeaderField;
use crate::io::FileError;
use crate::io::atomic::read_limited;
use crate::io::json::{parse_value, typed};

pub use comparison::{ComparisonHeadings, comparison_table};
pub use export::statement_xlsx;
pub use fill::{Filled, Unwritten, export_into, fill_workbook};
pub use import::{
    AnswerTarget, ImportReport, Imported, Mapping, Note, RefPair, SheetQuestions, Skip, Skipped,
    Targets, Vocabulary, import_file, import_workbook, read_workbook,
};
pub use table::{PrintTable, Span, TableRow, add_print_table, tables_xlsx};

/// The visible sheet of an export.
pub const MAIN_SHEET: &str = "開示書";
/// The hidden sheet that makes re-import exact.
pub const HIDDEN_SHEET: &str = "kaijisho";
/// First cell of the hidden sheet.
pub const MARKER: &str = "kaijisho-workbook";
/// Characters per cell of the JSON kept in the hidden sheet (Excel's limit is 32,767).
pub const CHUNK: usize = 8000;

pub const COL_NUMBER: u16 = 0;
pub const COL_TEXT: u16 = 1;
pub const COL_YES: u16 = 2;
pub const COL_NO: u16 = 3;
pub const COL_NA: u16 = 4;
pub const COL_REMARK: u16 = 5;
pub const COL_FLAG: u16 = 7;
pub const COL_REMARK_IN: u16 = 8;

/// The header rows of an export, in order (rows 2–6).
pub const HEADER_ROWS: [HeaderField; 5] = [
    HeaderField::Created,
    HeaderField::Vendor,
    HeaderField::Product,
    HeaderField::Version,
    HeaderField::Contact,
];

/// The label of a header field as printed on the form.
pub fn header_label(form: &FormText, kind: Kind, field: HeaderField) -> String {
    match field {
        HeaderField::Created => form.labels.created.clone(),
        HeaderField::Vendor => form.labels.vendor.get(kind).to_string(),
        HeaderField::Product => form.labels.product.get(kind).to_string(),
        HeaderField::Version => form.labels.version.clone(),
        HeaderField::Contact => form.labels.contact.clone(),
    }
}

/// What a row of the exported sheet holds (recorded in the hidden sheet).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum RowRole {
    Title,
    Header(HeaderField),
    Disclaimer,
    ColumnHeads,
    Section,
    Question(String),
    Option(String, String),
}

impl RowRole {
    pub fn encode(&self) -> (&'static str, String, String) {
        match self {
            RowRole::Title => ("title", String::new(), String::new()),
            RowRole::Header(f) => ("header", f.key().to_string(), String::new()),
            RowRole::Disclaimer => ("disclaimer", String::new(), String::new()),
            RowRole::ColumnHeads => ("heads", String::new(), String::new()),
            RowRole::Section => ("section", String::new(), String::new()),
            RowRole::Question(q) => ("question", q.clone(), String::new()),
            RowRole::Option(q, o) => ("option", q.clone(), o.clone()),
        }
    }

    pub fn decode(kind: &str, a: &str, b: &str) -> Option<RowRole> {
        Some(match kind {
            "title" => RowRole::Title,
            "header" => RowRole::Header(HeaderField::ALL.into_iter().find(|f| f.key() == a)?),
            "disclaimer" => RowRole::Disclaimer,
            "heads" => RowRole::ColumnHeads,
            "section" => RowRole::Section,
            "question" => RowRole::Question(a.to_string()),
            "option" => RowRole::Option(a.to_string(), b.to_string()),
            _ => return None,
        })
    }
}

/// Everything that can go wrong writing or reading a workbook. Each names the file (or the
/// question) and the problem.
#[derive(Debug, thiserror::Error)]
pub enum XlsxError {
    #[error(
        "question {number}: the {what} has {chars} characters, more than Excel's 32,767 per cell"
    )]
    CellTooLong {
        number: String,
        what: String,
        chars: usize,
    },
    /// More rows than the import reads back ([`import::grid::MAX_ROWS`]): anything kaijisho
    /// writes, it must read.
    #[error(
        "{questions} questions need {rows} rows, more than the {limit} a workbook may have here"
    )]
    TooManyRows {
        questions: usize,
        rows: usize,
        limit: u32,
    },
    /// An export error, with the file it was for.
    #[error("{}: {source}", .path.display())]
    InFile {
        path: PathBuf,
        source: Box<XlsxError>,
    },
    #[error("cannot build the workbook: {0}")]
    Write(String),
    #[error("cannot serialise: {0}")]
    Json(String),
    #[error("{}: not an Excel workbook (.xlsx)", .path.display())]
    NotXlsx { path: PathBuf },
    #[error("{}: password-protected, or an old .xls file; save it as an unprotected .xlsx", .path.display())]
    Encrypted { path: PathBuf },
    #[error("{}: the archive inside is damaged: {detail}", .path.display())]
    Malformed { path: PathBuf, detail: String },
    #[error("{}: too large to read safely ({detail})", .path.display())]
    TooLarge { path: PathBuf, detail: String },
    #[error("{}: no sheet holds MDS/SDS questions (sheets: {sheets})", .path.display())]
    NoQuestions { path: PathBuf, sheets: String },
    #[error("{}: the mapping names sheet {sheet}, which the workbook lacks", .path.display())]
    NoSuchSheet { path: PathBuf, sheet: String },
    #[error("{}: the mapping is not valid: {detail}", .path.display())]
    BadMapping { path: PathBuf, detail: String },
    #[error("{}: the kaijisho sheet is damaged: {detail}", .path.display())]
    Hidden { path: PathBuf, detail: String },
    #[error("the statement was not imported from a workbook; there is none to fill")]
    NotFromWorkbook,
    #[error("{}: not the workbook the statement was imported from ({recorded}): it changed since; import it again", .path.display())]
    SourceChanged { path: PathBuf, recorded: String },
    #[error("{}: the questions read from it now differ from the statement's; import it again", .path.display())]
    SourceMismatch { path: PathBuf },
    #[error("{}: cell {cell} holds a formula; kaijisho does not overwrite formulas", .path.display())]
    FormulaCell { path: PathBuf, cell: String },
    #[error("{}: the workbook's structure is password-protected; remove the protection first", .path.display())]
    StructureProtected { path: PathBuf },
    #[error("{}: the original workbook is never overwritten; export under another name", .path.display())]
    OverOriginal { path: PathBuf },
}

impl From<rust_xlsxwriter::XlsxError> for XlsxError {
    fn from(e: rust_xlsxwriter::XlsxError) -> Self {
        XlsxError::Write(e.to_string())
    }
}

impl XlsxError {
    pub fn path(&self) -> Option<&Path> {
        match self {
            XlsxError::NotXlsx { path }
            | XlsxError::Encrypted { path }
            | XlsxError::Malformed { path, .. }
            | XlsxError::TooLarge { path, .. }
            | XlsxError::NoQuestions { path, .. }
            | XlsxError::NoSuchSheet { path, .. }
            | XlsxError::BadMapping { path, .. }
            | XlsxError::Hidden { path, .. }
            | XlsxError::SourceChanged { path, .. }
            | XlsxError::SourceMismatch { path }
            | XlsxError::FormulaCell { path, .. }
            | XlsxError::StructureProtected { path }
            | XlsxError::OverOriginal { path }
            | XlsxError::InFile { path, .. } => Some(path),
            _ => None,
        }
    }
}

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
    crate::io::atomic::atomic_write(path, |w| w.write_all(&bytes))?;
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

/// Column letters of a 0-based column (`0` → `A`, `27` → `AB`).
pub fn col_name(col: u16) -> String {
    let mut name = String::new();
    let mut c = u32::from(col) + 1;
    while c > 0 {
        let rem = (c - 1) % 26;
        name.insert(0, char::from(b'A' + rem as u8));
        c = (c - 1) / 26;
    }
    name
}

/// 0-based column of column letters (`A` → 0); `None` for anything else.
pub fn col_index(name: &str) -> Option<u16> {
    let name = name.trim().to_ascii_uppercase();
    if name.is_empty() || name.len() > 3 || !name.chars().all(|c| c.is_ascii_uppercase()) {
        return None;
    }
    let mut n: u32 = 0;
    for c in name.chars() {
        n = n * 26 + (c as u32 - 'A' as u32 + 1);
    }
    u16::try_from(n - 1).ok()
}

/// `B3` → (row 2, col 1), 0-based.
pub fn cell_index(name: &str) -> Option<(u32, u16)> {
    let name = name.trim();
    let split = name.find(|c: char| c.is_ascii_digit())?;
    let col = col_index(&name[..split])?;
    let row: u32 = name[split..].parse().ok()?;
    Some((row.checked_sub(1)?, col))
}

/// `B3` or `表紙!B3` (`'My sheet'!B3`) → (sheet, row 2, col 1), 0-based.
pub fn sheet_cell(name: &str) -> Option<(Option<&str>, u32, u16)> {
    match name.rsplit_once('!') {
        Some((sheet, cell)) => {
            let sheet = sheet
                .strip_prefix('\'')
                .and_then(|s| s.strip_suffix('\''))
                .unwrap_or(sheet);
            let (r, c) = cell_index(cell)?;
            (!sheet.is_empty()).then_some((Some(sheet), r, c))
        }
        None => cell_index(name).map(|(r, c)| (None, r, c)),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn column_and_cell_names() {
        assert_eq!(col_name(0), "A");
        assert_eq!(col_name(7), "H");
        assert_eq!(col_name(27), "AB");
        for c in [0, 7, 25, 26, 27, 300] {
            assert_eq!(col_index(&col_name(c)), Some(c));
        }
        assert_eq!(cell_index("B3"), Some((2, 1)));
        assert_eq!(cell_index("b3"), Some((2, 1)));
        assert_eq!(cell_index("3B"), None);
        assert_eq!(cell_index("B0"), None);
        assert_eq!(col_index("1"), None);
        assert_eq!(sheet_cell("表紙!C4"), Some((Some("表紙"), 3, 2)));
        assert_eq!(sheet_cell("'A b'!A1"), Some((Some("A b"), 0, 0)));
        assert_eq!(sheet_cell("B3"), Some((None, 2, 1)));
        assert_eq!(sheet_cell("!B3"), None);
    }
}
