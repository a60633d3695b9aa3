//! `kaijisho check PROFILE STATEMENT…`: statements checked against a hospital's acceptance
//! profile — a verdict per vendor, the answers outside the profile with their remarks, whether a
//! risk assessment is needed; the report as a workbook or PDF on request.

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use super::error::CliError;
use super::output::{emit, written};
use crate::app::compare::write_prepared;
use crate::app::documents::ExportFormat;
use crate::app::hospital::{check_files, prepare_check, risk_text};
use crate::i18n::{Localize, Localizer};

/// Exit 0 when every statement is within the profile, 1 when any is not.
pub(super) fn run(
    l: &Localizer,
    profile: &Path,
    files: &[PathBuf],
    xlsx: Option<&Path>,
    pdf: Option<&Path>,
) -> Result<ExitCode, CliError> {
    let mut inputs: Vec<&Path> = files.iter().map(PathBuf::as_path).collect();
    inputs.push(profile);
    super::check_outputs(&[xlsx, pdf], &inputs)?;
    let shipped = crate::assets::shipped_catalogues()?;
    let progress = crate::app::tasks::Progress::default();
    let report = check_files(profile, files, &shipped, &progress)?;
    let mut out = String::new();
    for s in &report.statements {
        let risk = risk_text(l, &s.check);
        out.push_str(&format!(
            "{}: {}{}\n",
            s.column.with_file(),
            s.check.verdict().localize(l),
            if risk.is_empty() {
                String::new()
            } else {
                format!(" — {risk}")
            }
        ));
        for (kind, list) in [
            ("check-kind-outside", &s.check.deviations),
            ("check-kind-unanswered", &s.check.unanswered),
        ] {
            for d in list {
                let remark = if d.remark.trim().is_empty() {
                    "-".to_string()
                } else {
                    d.remark.replace('\n', " ")
                };
                let short: String = d.text.chars().take(40).collect();
                out.push_str(&format!(
                    "  [{}・{}] {} {short}: {} | {remark}\n",
                    l.t(kind),
                    d.weight.localize(l),
                    d.number,
                    crate::app::hospital::deviation_answer(l, d)
                ));
            }
        }
    }
    for (path, format) in [(xlsx, ExportFormat::Xlsx), (pdf, ExportFormat::Pdf)] {
        let Some(path) = path else { continue };
        let prepared = prepare_check(l, &report, format);
        let notes = write_prepared(&prepared, path).map_err(|e| CliError::Said(e.localize(l)))?;
        super::output::emit_pdf_notes(l, path, &notes);
        out.push_str(&written(l, path));
    }
    emit(&out)?;
    Ok(if report.all_within() {
        ExitCode::SUCCESS
    } else {
        ExitCode::from(1)
    })
}
