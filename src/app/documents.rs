//! Opening, creating, saving, importing and exporting statements. Reading workbooks and
//! writing exports run in the background (see [`super::tasks`]); their outcomes come back
//! through [`AppState::poll_tasks`].

use std::path::Path;

use crate::assets;
use crate::domain::catalogue::Catalogue;
use crate::domain::project::Project;
use crate::i18n::Localize;
use crate::io::{self};

use super::progress::BoxedError;

/// The formats a statement is exported to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ExportFormat {
    Pdf,
    Xlsx,
}

fn boxed(e: impl Localize + Send + 'static) -> BoxedError {
    Box::new(e)
}

/// Writes the printable PDF of a statement (with the shipped form wording and font), printed
/// as made at `now`, `by` at the right of each page's head (who printed it, when); returns what
/// it could not show as asked.
pub fn export_pdf(
    path: &Path,
    (c, p): (&Catalogue, &Project),
    now: &jiff::Zoned,
    by: &str,
) -> Result<Vec<io::pdf::PdfNote>, BoxedError> {
    let form = assets::form().map_err(boxed)?;
    let font = assets::print_font().map_err(boxed)?;
    io::pdf::export_pdf_by(path, c, p, (&form, font), now, by).map_err(boxed)
}

/// Writes the statement's PDF with a PAdES signature by `key` (ファイル → 署名して書き出す…).
pub fn export_signed_pdf(
    path: &Path,
    (c, p): (&Catalogue, &Project),
    key: &crate::io::signature::key::SigningKey,
    now: &jiff::Zoned,
    reason: &str,
) -> Result<Vec<io::pdf::PdfNote>, BoxedError> {
    let form = assets::form().map_err(boxed)?;
    let font = assets::print_font().map_err(boxed)?;
    let pdf =
        super::signature::signed_pdf(c, p, key, (&form, font), now, reason).map_err(
            |e| match e {
                super::signature::SignError::Pdf(e) => boxed(e),
                super::signature::SignError::Signature(e) => boxed(e),
            },
        )?;
    io::atomic::atomic_write(path, |w| w.write_all(&pdf.bytes))
        .map_err(|e| boxed(io::FileError::from(e)))?;
    Ok(pdf.notes)
}

/// Writes 「前回からの変更点」 as PDF or as a workbook, in the words given, printed as made at
/// `now`; returns what a PDF could not show as asked.
pub fn export_changes(
    path: &Path,
    c: &crate::domain::changes::Changes,
    w: &io::changes::ChangesWording,
    format: ExportFormat,
    now: &jiff::Zoned,
) -> Result<Vec<io::pdf::PdfNote>, BoxedError> {
    match format {
        ExportFormat::Pdf => {
            let font = assets::print_font().map_err(boxed)?;
            io::pdf::export_changes_pdf(path, c, w, font, now).map_err(boxed)
        }
        ExportFormat::Xlsx => {
            let form = assets::form().map_err(boxed)?;
            io::xlsx::export_changes_xlsx(path, c, w, &form.workbook.font, now).map_err(boxed)?;
            Ok(Vec::new())
        }
    }
}

/// Writes the workbook of a statement (with the shipped form wording).
pub fn export_xlsx(path: &Path, c: &Catalogue, p: &Project) -> Result<(), BoxedError> {
    let form = assets::form().map_err(boxed)?;
    io::xlsx::export_xlsx(path, c, p, &form).map_err(boxed)
}
