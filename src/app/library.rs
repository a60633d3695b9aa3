//! The answer library's work shared by the window and the command line: taking entries from
//! statement files, filling a statement, and checking statement files against each other and a
//! library (off the UI thread, with progress).

use std::path::{Path, PathBuf};
use std::sync::Arc;

use crate::domain::catalogue::Catalogue;
use crate::domain::date::Date;
use crate::domain::library::{Entry, Library, StatementInfo, entries_from};
use crate::domain::library_check::{CheckInput, Checked, LibraryReport, Words, check};
use crate::domain::library_fill::{FillOptions, FillPlan, plan};
use crate::domain::project::Project;
use crate::domain::source::Correspondence;
use crate::io::{self, FileError};

use super::progress::Progress;

/// How old (in months) a library entry may be before filling flags it stale, unless chosen
/// otherwise.
pub const DEFAULT_MAX_AGE_MONTHS: u32 = 12;

/// What a library is called where it is shown: its name, else its file's name.
pub fn library_label(path: Option<&Path>, lib: &Library) -> String {
    if !lib.name.trim().is_empty() {
        return lib.name.trim().to_string();
    }
    path.and_then(Path::file_name)
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default()
}

/// A file's name as a statement's source is recorded.
pub fn file_name(path: &Path) -> String {
    path.file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_else(|| path.display().to_string())
}

/// The entries of a statement's answered questions (those of `only`, when given).
pub fn entries_of(
    path: &Path,
    c: &Catalogue,
    p: &Project,
    only: Option<&[String]>,
    today: jiff::civil::Date,
) -> Vec<Entry> {
    let info = StatementInfo::of(&file_name(path), c, p);
    entries_from(c, p, &info, only, &today.to_string())
}

/// Reads a statement file (JSON or workbook) and takes an entry for each answered question.
pub fn entries_of_file(
    path: &Path,
    shipped: &[Catalogue],
    today: jiff::civil::Date,
) -> Result<Vec<Entry>, FileError> {
    let (p, c) = io::open_statement(path, shipped, crate::assets::import_vocabulary())?;
    Ok(entries_of(path, &c, &p, None, today))
}

/// What filling is asked to do.
#[derive(Debug, Clone)]
pub struct FillRequest {
    pub max_age_months: u32,
    pub overwrite: bool,
    pub today: jiff::civil::Date,
}

/// The answers the library proposes for a statement.
pub fn fill_plan(
    lib: &Library,
    lib_path: Option<&Path>,
    c: &Catalogue,
    p: &Project,
    req: &FillRequest,
) -> FillPlan {
    let rows: Vec<Correspondence> = p
        .source
        .iter()
        .flat_map(|s| s.correspondence.iter().cloned())
        .collect();
    let opt = FillOptions {
        library: library_label(lib_path, lib),
        product: p.header.product.clone(),
        today: Some(super::register::date_of(req.today)),
        max_age_months: req.max_age_months,
        overwrite: req.overwrite,
    };
    plan(lib, c, p, &rows, &opt)
}

/// A statement file the check could not read, and why.
#[derive(Debug, Clone)]
pub struct Unread {
    pub path: PathBuf,
    pub error: Arc<FileError>,
}

/// What checking statements found.
#[derive(Debug, Clone)]
pub struct CheckOutcome {
    pub report: LibraryReport,
    /// The statements read.
    pub read: Vec<PathBuf>,
    pub unread: Vec<Unread>,
    /// The library checked against, if any.
    pub library: Option<PathBuf>,
}

impl CheckOutcome {
    /// Whether anything needs a look: a finding, or a statement not read.
    pub fn has_findings(&self) -> bool {
        !self.report.findings.is_empty() || self.report.more > 0 || !self.unread.is_empty()
    }
}

/// Reads the statements and the library (a library that does not read is the error), and
/// checks them. A statement that does not read is listed, not dropped.
pub fn check_files(
    paths: &[PathBuf],
    library: Option<&Path>,
    shipped: &[Catalogue],
    words: &Words,
    today: jiff::civil::Date,
    progress: &Progress,
) -> Result<CheckOutcome, FileError> {
    let lib = library.map(io::library::load_library).transpose()?;
    progress.set_total(paths.len().saturating_add(1));
    let mut read = Vec::new();
    let mut unread = Vec::new();
    for path in paths {
        match io::open_statement(path, shipped, crate::assets::import_vocabulary()) {
            Ok((p, c)) => read.push((path.clone(), c, p)),
            Err(e) => {
                log::warn!("{e}");
                unread.push(Unread {
                    path: path.clone(),
                    error: Arc::new(e),
                })
            }
        }
        progress.step();
    }
    let checked: Vec<Checked> = read
        .iter()
        .map(|(path, c, p)| Checked {
            file: path.display().to_string(),
            catalogue: c,
            project: p,
        })
        .collect();
    let input = CheckInput {
        library: lib
            .as_ref()
            .zip(library)
            .map(|(l, path)| (l, path.display().to_string())),
        words,
        today: Some(super::register::date_of(today)),
    };
    let report = check(&checked, &input);
    progress.step();
    Ok(CheckOutcome {
        report,
        read: read.into_iter().map(|(p, _, _)| p).collect(),
        unread,
        library: library.map(Path::to_path_buf),
    })
}

/// Today as the domain's date.
pub fn today_of(d: jiff::civil::Date) -> Date {
    super::register::date_of(d)
}
