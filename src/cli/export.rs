//! `kaijisho export`: the printable PDF and/or the official workbook of a statement — in
//! kaijisho's own layout, or (`--into`) a copy of the workbook the statement was imported from.

use std::path::Path;
use std::process::ExitCode;

use super::error::CliError;
use super::open;
use super::output::{emit, emit_pdf_notes, written};
use crate::assets;
use crate::i18n::{Localize, Localizer};
use crate::io::clock;

/// Writes the workbook first, then the PDF; then reports each as written. `into` is the
/// original to fill, and whether cells it holds that were not read may be replaced.
pub(super) fn run(
    l: &Localizer,
    project: &Path,
    (pdf, xlsx): (Option<&Path>, Option<&Path>),
    into: Option<(&Path, crate::io::xlsx::Consent)>,
) -> Result<ExitCode, CliError> {
    let inputs: Vec<&Path> = std::iter::once(project)
        .chain(into.map(|(i, _)| i))
        .collect();
    super::check_outputs(&[xlsx, pdf], &inputs)?;
    let (p, c) = open(l, project)?;
    let form = assets::form()?;
    let mut report = String::new();
    if let Some(out) = xlsx {
        let filled = match into {
            Some((original, consent)) => {
                let vocab = assets::import_vocabulary();
                crate::io::xlsx::export_into(out, original, (&c, &p), vocab, consent)?
            }
            None => {
                crate::io::xlsx::export_xlsx(out, &c, &p, &form)?;
                crate::io::xlsx::FillReport::default()
            }
        };
        report.push_str(&written(l, out));
        for u in &filled.unwritten {
            report.push_str(&format!("  {}\n", u.localize(l)));
        }
        for r in &filled.replaced {
            report.push_str(&format!("  {}\n", r.localize(l)));
        }
        for cell in &filled.locked {
            report.push_str(&format!(
                "  {}\n",
                l.ta("export-into-locked", &[("cell", cell.as_str().into())])
            ));
        }
    }
    if let Some(out) = pdf {
        let font = assets::print_font()?;
        let notes = crate::io::pdf::export_pdf(out, &c, &p, &form, font, &clock::now())?;
        emit_pdf_notes(l, out, &notes);
        report.push_str(&written(l, out));
    }
    emit(&report)?;
    Ok(ExitCode::SUCCESS)
}
