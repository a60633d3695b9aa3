//! `kaijisho export`: the printable PDF and/or the official workbook of a statement.

use std::path::Path;
use std::process::ExitCode;

use super::error::CliError;
use super::open;
use super::output::{emit, written};
use crate::assets;
use crate::i18n::Localizer;
use crate::io::clock;

/// Writes the workbook first, then the PDF; then reports each as written.
pub(super) fn run(
    l: &Localizer,
    project: &Path,
    pdf: Option<&Path>,
    xlsx: Option<&Path>,
) -> Result<ExitCode, CliError> {
    super::check_outputs(&[xlsx, pdf], &[project])?;
    let (p, c) = open(project)?;
    let form = assets::form()?;
    let mut report = String::new();
    if let Some(out) = xlsx {
        crate::io::xlsx::export_xlsx(out, &c, &p, &form)?;
        report.push_str(&written(l, out));
    }
    if let Some(out) = pdf {
        let font = assets::japanese_font()?;
        crate::io::pdf::export_pdf(out, &c, &p, &form, font, &clock::now())?;
        report.push_str(&written(l, out));
    }
    emit(&report)?;
    Ok(ExitCode::SUCCESS)
}
