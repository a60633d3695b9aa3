//! File I/O beside the pure domain: JSON projects and catalogues, workbooks and PDFs, written
//! atomically under a lock.

pub mod atomic;
pub mod changes;
pub mod clock;
pub mod dossier;
pub mod error;
pub mod folder;
pub mod hospital;
pub mod json;
pub mod library;
pub mod lock;
pub mod pdf;
pub mod probe;
pub mod read;
pub mod signature;
pub mod target;
pub mod wrap;
pub mod xlsx;

pub use atomic::{SaveError, atomic_write, backup_path};
pub use error::{FileError, FileKind};
pub use json::{load_catalogue, load_project, open_project, save_project};
pub use read::ReadError;

use std::path::Path;

use crate::domain::catalogue::Catalogue;
use crate::domain::project::Project;

/// Whether a path names a workbook (by extension, or by the zip signature of its content).
pub fn is_workbook(path: &Path) -> bool {
    let ext = path
        .extension()
        .map(|e| e.to_string_lossy().to_ascii_lowercase())
        .unwrap_or_default();
    if matches!(ext.as_str(), "xlsx" | "xlsm" | "xls") {
        return true;
    }
    if ext == "json" {
        return false;
    }
    // A file that cannot be read as a regular file is not a workbook: reading it as a
    // statement then says why.
    read::head(path, 4)
        .is_some_and(|head| head.starts_with(b"PK") || head == [0xD0, 0xCF, 0x11, 0xE0])
}

/// Opens a statement from a project JSON or a workbook (read with the words of `vocab`): the
/// project and its catalogue. What a workbook's import passed over is logged; callers that can
/// show it use [`open_statement_reported`].
pub fn open_statement(
    path: &Path,
    shipped: &[Catalogue],
    vocab: &xlsx::Vocabulary,
) -> Result<(Project, Catalogue), FileError> {
    open_statement_reported(path, shipped, vocab).map(|(p, c, _)| (p, c))
}

/// [`open_statement`], with the import report of a workbook (`None` for a project file).
pub fn open_statement_reported(
    path: &Path,
    shipped: &[Catalogue],
    vocab: &xlsx::Vocabulary,
) -> Result<(Project, Catalogue, Option<xlsx::ImportReport>), FileError> {
    if is_workbook(path) {
        let imported = xlsx::import_file(path, None, vocab)?;
        let r = &imported.report;
        for s in &r.skipped {
            log::warn!(
                "{}: row {}: not read: {:?}",
                path.display(),
                s.row,
                s.reason
            );
        }
        for n in &r.notes {
            log::warn!("{}: {n:?}", path.display());
        }
        Ok((imported.project, imported.catalogue, Some(imported.report)))
    } else {
        open_project(path, shipped).map(|(p, c)| (p, c, None))
    }
}
