//! The error of io: everything that can go wrong reading or writing a project, catalogue or
//! workbook file, each naming the file.

use std::path::{Path, PathBuf};

use super::atomic::{ReadError, SaveError};
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
    #[error("{}: more than {limit} statements in one folder", .path.display())]
    TooManyFiles { path: PathBuf, limit: usize },
    #[error(transparent)]
    Save(#[from] SaveError),
    #[error(transparent)]
    Workbook(#[from] crate::io::xlsx::XlsxError),
}

impl FileError {
    /// The file the error is about.
    pub fn path(&self) -> &Path {
        match self {
            FileError::Read(ReadError::Io { path, .. })
            | FileError::Read(ReadError::IsFolder { path })
            | FileError::Read(ReadError::TooLarge { path, .. })
            | FileError::NotUtf8 { path }
            | FileError::Syntax { path, .. }
            | FileError::Data { path, .. }
            | FileError::WrongKind { path, .. }
            | FileError::TooNew { path, .. }
            | FileError::Catalogue { path, .. }
            | FileError::Resolve { path, .. }
            | FileError::Profile { path, .. }
            | FileError::TooManyFiles { path, .. } => path,
            FileError::Save(e) => e.path(),
            FileError::Workbook(e) => e.path().unwrap_or(Path::new("")),
        }
    }
}
