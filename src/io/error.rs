//! The errors of io: everything that can go wrong reading or writing a project, catalogue,
//! workbook or PDF file, each naming the file. A leaf of io (it uses only the domain), so that
//! every file of io can use it without a circle; the modules that raise an error re-export it
//! (`io::atomic::SaveError`, `io::lock::LockError`, `io::xlsx::XlsxError`, `io::pdf::PdfError`).

use std::io;
use std::path::{Path, PathBuf};

use crate::domain::catalogue::CatalogueIssue;
use crate::domain::project::ResolveError;

/// What a JSON file turned out to be.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FileKind {
    Project,
    Catalogue,
    /// An acceptance profile (`kaijisho-profile`).
    Profile,
    /// A register of received statements (`kaijisho-register`).
    Register,
    /// A hospital's review of a received statement (`kaijisho-review`).
    Review,
    /// An inspection dossier's risk notes (`kaijisho-dossier`).
    Dossier,
    /// An answer library (`kaijisho-library`).
    Library,
    /// Valid JSON, but not ours.
    Foreign,
}

/// Everything that can go wrong reading a project or catalogue file. Each names the file.
#[derive(Debug, thiserror::Error)]
pub enum FileError {
    #[error(transparent)]
    Read(#[from] ReadError),
    /// UTF-16 or UTF-32 text (Notepad's "Unicode"): kaijisho reads UTF-8.
    #[error("{}: the text is UTF-16, not UTF-8", .path.display())]
    NotUtf8 { path: PathBuf },
    #[error("{}: line {line}, column {column}: not valid JSON: {detail}", .path.display())]
    Syntax {
        path: PathBuf,
        line: usize,
        column: usize,
        detail: String,
    },
    #[error("{}: line {line}, column {column}: at {field}: {detail}", .path.display())]
    Data {
        path: PathBuf,
        line: usize,
        column: usize,
        /// Where in the document (`answers.q1.value`).
        field: String,
        detail: String,
    },
    #[error("{}: expected a kaijisho {expected:?} file, found {found:?}", .path.display())]
    WrongKind {
        path: PathBuf,
        expected: FileKind,
        found: FileKind,
    },
    #[error("{}: schema_version must be a whole number (found {found})", .path.display())]
    BadSchemaVersion { path: PathBuf, found: String },
    #[error("{}: written by a newer kaijisho (schema {version}; this one reads up to {supported})", .path.display())]
    TooNew {
        path: PathBuf,
        version: u64,
        supported: u32,
    },
    #[error("{}: the catalogue is not usable: {}", .path.display(), issues.iter().map(ToString::to_string).collect::<Vec<_>>().join("; "))]
    Catalogue {
        path: PathBuf,
        issues: Vec<CatalogueIssue>,
    },
    #[error("{}: {source}", .path.display())]
    Resolve { path: PathBuf, source: ResolveError },
    #[error("{}: the acceptance profile is not usable: {}", .path.display(), issues.iter().map(ToString::to_string).collect::<Vec<_>>().join("; "))]
    Profile {
        path: PathBuf,
        issues: Vec<crate::domain::profile::ProfileIssue>,
    },
    #[error("{}: the answer library is not usable: {issue}", .path.display())]
    Library {
        path: PathBuf,
        issue: crate::domain::library_issue::LibraryIssue,
    },
    #[error("{}: more than {limit} statements in one folder", .path.display())]
    TooManyFiles { path: PathBuf, limit: usize },
    #[error(transparent)]
    Save(#[from] SaveError),
    #[error(transparent)]
    Workbook(#[from] XlsxError),
}

impl FileError {
    /// The file the error is about.
    pub fn path(&self) -> &Path {
        match self {
            FileError::Read(ReadError::Io { path, .. })
            | FileError::Read(ReadError::IsFolder { path })
            | FileError::Read(ReadError::NotAFile { path })
            | FileError::Read(ReadError::TooLarge { path, .. })
            | FileError::NotUtf8 { path }
            | FileError::Syntax { path, .. }
            | FileError::Data { path, .. }
            | FileError::WrongKind { path, .. }
            | FileError::TooNew { path, .. }
            | FileError::BadSchemaVersion { path, .. }
            | FileError::Catalogue { path, .. }
            | FileError::Resolve { path, .. }
            | FileError::Profile { path, .. }
            | FileError::Library { path, .. }
            | FileError::TooManyFiles { path, .. } => path,
            FileError::Save(e) => e.path(),
            FileError::Workbook(e) => e.path().unwrap_or(Path::new("")),
        }
    }
}

/// serde_json appends " at line L column C"; the position is reported separately.
pub(in crate::io) fn strip_position(msg: &str) -> String {
    match msg.rfind(" at line ") {
        Some(i) => msg[..i].to_string(),
        None => msg.to_string(),
    }
}

/// A JSON syntax error, with its position.
pub(in crate::io) fn syntax_error(path: &Path, e: &serde_json::Error) -> FileError {
    FileError::Syntax {
        path: path.to_path_buf(),
        line: e.line(),
        column: e.column(),
        detail: strip_position(&e.to_string()),
    }
}

#[derive(Debug, thiserror::Error)]
pub enum ReadError {
    #[error("{}: cannot read: {source}", .path.display())]
    Io { path: PathBuf, source: io::Error },
    #[error("{}: is a folder, not a file", .path.display())]
    IsFolder { path: PathBuf },
    /// A pipe, a device, a socket or a terminal: never read (it may never end).
    #[error("{}: is not a regular file (a device, pipe or socket)", .path.display())]
    NotAFile { path: PathBuf },
    #[error("{}: {size} bytes is more than the {limit} bytes allowed", .path.display())]
    TooLarge {
        path: PathBuf,
        size: u64,
        limit: u64,
    },
}

/// What failed while saving, and where.
#[derive(Debug, thiserror::Error)]
pub enum SaveError {
    #[error("{}: the folder does not exist", .path.display())]
    NoFolder { path: PathBuf },
    #[error("{}: cannot write: {source}", .path.display())]
    Write { path: PathBuf, source: io::Error },
    #[error("{}: cannot keep the previous file as a backup: {source}", .path.display())]
    Backup { path: PathBuf, source: io::Error },
    #[error("{}: is a folder, not a file", .path.display())]
    IsFolder { path: PathBuf },
    /// A device, a FIFO, a socket or a terminal: never replaced by a file, never written to.
    #[error("{}: is not a regular file (a device, pipe or socket)", .path.display())]
    NotAFile { path: PathBuf },
    #[error("{}: too many levels of symbolic links", .path.display())]
    LinkLoop { path: PathBuf },
    #[error(transparent)]
    Lock(#[from] LockError),
    /// The file differs from the version this program read (see [`super::atomic::atomic_write_checked`]).
    #[error("{}: changed on disk since it was read", .path.display())]
    ChangedOnDisk { path: PathBuf },
    /// Larger than kaijisho reads back: never written.
    #[error("{}: would be more than the {limit} bytes kaijisho reads", .path.display())]
    TooLarge { path: PathBuf, limit: u64 },
    /// A received statement: kept as it was received, its review saved apart.
    #[error("{}: a received statement is kept as received; its review is saved in a separate file", .path.display())]
    Received { path: PathBuf },
}

impl SaveError {
    pub fn path(&self) -> &Path {
        match self {
            SaveError::NoFolder { path }
            | SaveError::Write { path, .. }
            | SaveError::Backup { path, .. }
            | SaveError::IsFolder { path }
            | SaveError::NotAFile { path }
            | SaveError::LinkLoop { path }
            | SaveError::ChangedOnDisk { path }
            | SaveError::TooLarge { path, .. }
            | SaveError::Received { path } => path,
            SaveError::Lock(e) => e.path(),
        }
    }
}

/// Why the lock could not be taken.
#[derive(Debug, thiserror::Error)]
pub enum LockError {
    #[error("{}: another kaijisho is writing this file; try again in a moment", .path.display())]
    Busy { path: PathBuf },
    #[error("{}: cannot lock the file for writing: {source}", .path.display())]
    Io { path: PathBuf, source: io::Error },
    /// The lock file's name is taken by a pipe, a device or a socket.
    #[error("{}: the lock file is not a regular file (a device, pipe or socket)", .path.display())]
    NotAFile { path: PathBuf },
}

impl LockError {
    pub fn path(&self) -> &Path {
        match self {
            LockError::Busy { path }
            | LockError::Io { path, .. }
            | LockError::NotAFile { path } => path,
        }
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
    /// More rows than the import reads back ([`super::xlsx::import::MAX_ROWS`]): anything kaijisho
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
    /// The archive stops before its end: a copy or download that did not finish.
    #[error("{}: the file ends early (cut off)", .path.display())]
    CutShort { path: PathBuf },
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
    /// A filled copy named with another extension than its original's (`extension`).
    #[error("{}: the filled copy must keep the original's extension (.{extension})", .path.display())]
    OtherExtension { path: PathBuf, extension: String },
    /// Filling would replace answer cells whose content the import could not read (the
    /// questions were answered in the app): nothing is written until the user agrees.
    #[error("{}: filling would replace {} cells whose content was not read as an answer (the first: {}); agree to replace them", .path.display(), .cells.len(), .cells.first().map(|c| format!("{} {:?}", c.cell, c.old)).unwrap_or_default())]
    WouldReplace {
        path: PathBuf,
        cells: Vec<crate::io::xlsx::fill::outcome::Replaced>,
    },
    /// Filling would write cells that their protected sheet keeps locked (`シート!C5`):
    /// nothing is written until the user agrees.
    #[error("{}: the sheet is protected and {} cells to write are locked ({}); agree to write them", .path.display(), .cells.len(), .cells.first().cloned().unwrap_or_default())]
    ProtectedCells { path: PathBuf, cells: Vec<String> },
    /// The filled copy, read back, does not hold what was written (`what`: a question's number,
    /// a header field's key, or `questions`): nothing was written.
    #[error("{}: the filled copy reads back differently at {what}: {expected:?} written, {found:?} read; nothing was written", .path.display())]
    NotVerified {
        path: PathBuf,
        what: String,
        expected: String,
        found: String,
    },
}

impl From<rust_xlsxwriter::XlsxError> for XlsxError {
    fn from(e: rust_xlsxwriter::XlsxError) -> Self {
        XlsxError::Write(e.to_string())
    }
}

impl XlsxError {
    /// The error for an import mapping that names something that cannot be.
    pub(in crate::io) fn bad_mapping(path: &Path, detail: String) -> XlsxError {
        XlsxError::BadMapping {
            path: path.to_path_buf(),
            detail,
        }
    }

    pub fn path(&self) -> Option<&Path> {
        match self {
            XlsxError::NotXlsx { path }
            | XlsxError::Encrypted { path }
            | XlsxError::CutShort { path }
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
            | XlsxError::WouldReplace { path, .. }
            | XlsxError::OtherExtension { path, .. }
            | XlsxError::ProtectedCells { path, .. }
            | XlsxError::NotVerified { path, .. }
            | XlsxError::InFile { path, .. } => Some(path),
            _ => None,
        }
    }
}

/// Everything that can go wrong building or writing the PDF.
#[derive(Debug, thiserror::Error)]
pub enum PdfError {
    #[error("the bundled font cannot be read")]
    Font,
    #[error(transparent)]
    Save(#[from] SaveError),
}
