//! File I/O beside the pure domain: JSON projects and catalogues, workbooks and PDFs, written
//! atomically under a lock.

pub mod atomic;
pub mod clock;
pub mod error;
pub mod folder;
pub mod hospital;
pub mod json;
pub mod lock;
pub mod pdf;
pub mod probe;
pub mod target;
pub mod wrap;
pub mod xlsx;

pub use atomic::{ReadError, SaveError, atomic_write, backup_path};
pub use error::{FileError, FileKind};
pub use json::{load_catalogue, load_project, open_project, save_project};

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
    let mut head = [0u8; 4];
    std::fs::File::open(path)
        .and_then(|mut f| std::io::Read::read_exact(&mut f, &mut head))
        .is_ok()
        && (head.starts_with(b"PK") || head == [0xD0, 0xCF, 0x11, 0xE0])
}

/// Opens a statement from a project JSON or a workbook (read with the words of `vocab`): the
/// project and its catalogue.
pub fn open_statement(
    path: &Path,
    shipped: &[Catalogue],
    vocab: &xlsx::Vocabulary,
) -> Result<(Project, Catalogue), FileError> {
    if is_workbook(path) {
        let imported = xlsx::import_file(path, None, vocab)?;
        Ok((imported.project, imported.catalogue))
    } else {
        open_project(path, shipped)
    }
}
