//! `kaijisho compare`: two or more statements side by side, named by vendor / product /
//! version, differences listed (also under gates), and written as a workbook or PDF on request.

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use super::error::CliError;
use super::output::{emit, written};
use crate::app::compare::{cell_text, compare_files, prepare_comparison, write_prepared};
use crate::app::documents::ExportFormat;
use crate::domain::compare::RowFilter;
use crate::i18n::Localizer;

/// Lists the rows that differ between the statements; exit 1 when any do.
pub(super) fn run(
    l: &Localizer,
    files: &[PathBuf],
    xlsx: Option<&Path>,
    pdf: Option<&Path>,
) -> Result<ExitCode, CliError> {
    let inputs: Vec<&Path> = files.iter().map(PathBuf::as_path).collect();
    super::check_outputs(&[xlsx, pdf], &inputs)?;
    let shipped = crate::assets::shipped_catalogues()?;
    let progress = crate::app::tasks::Progress::default();
    let view = compare_files(files, &shipped, &progress)?;
    let mut out = String::new();
    for (i, c) in view.columns.iter().enumerate() {
        out.push_str(&l.ta(
            "compare-statement-line",
            &[("n", (i + 1).into()), ("title", c.with_file().into())],
        ));
        out.push('\n');
    }
    for row in view.table.differences() {
        let short: String = row.text.chars().take(40).collect();
        out.push_str(&format!("{} {short}\n", row.number));
        for (col, cell) in view.columns.iter().zip(&row.cells) {
            match cell {
                Some(c) => {
                    let remark = if c.remark.is_empty() {
                        "-".to_string()
                    } else {
                        c.remark.replace('\n', " ")
                    };
                    let answer = cell_text(l, c).replace('\n', " ");
                    out.push_str(&format!("  {}: {answer} | {remark}\n", col.title));
                }
                None => out.push_str(&format!("  {}: {}\n", col.title, l.t("compare-missing"))),
            }
        }
    }
    let n = view.table.differences().count();
    out.push_str(&l.ta(
        "compare-summary",
        &[
            ("differences", n.into()),
            ("rows", view.table.rows.len().into()),
        ],
    ));
    out.push('\n');
    // The files hold every row; differences are highlighted in them.
    for (path, format) in [(xlsx, ExportFormat::Xlsx), (pdf, ExportFormat::Pdf)] {
        let Some(path) = path else { continue };
        let prepared = prepare_comparison(l, &view, RowFilter::default(), format);
        let notes = write_prepared(&prepared, path).map_err(|e| CliError::Said(e.localize(l)))?;
        super::output::emit_pdf_notes(l, path, &notes);
        out.push_str(&written(l, path));
    }
    emit(&out)?;
    Ok(if n == 0 {
        ExitCode::SUCCESS
    } else {
        ExitCode::from(1)
    })
}
