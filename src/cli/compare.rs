//! `kaijisho compare`: two or more statements side by side, differences listed (and written
//! as a workbook on request).

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use super::error::CliError;
use super::output::{emit, written};
use crate::domain::matching::MatchKind;
use crate::i18n::{Localize, Localizer};
use crate::io::FileError;
use crate::io::xlsx::ComparisonHeadings;

/// Lists the rows that differ between the statements; exit 1 when any do.
pub(super) fn run(
    l: &Localizer,
    files: &[PathBuf],
    xlsx: Option<&Path>,
) -> Result<ExitCode, CliError> {
    let inputs: Vec<&Path> = files.iter().map(PathBuf::as_path).collect();
    super::check_outputs(&[xlsx], &inputs)?;
    let shipped = crate::assets::shipped_catalogues()?;
    let progress = crate::app::tasks::Progress::default();
    let (labels, cmp) = crate::app::compare::compare_files(files, &shipped, &progress)?;
    let mut out = String::new();
    for row in cmp.differences() {
        let short: String = row.text.chars().take(40).collect();
        out.push_str(&format!("{} {short}\n", row.number));
        for (label, cell) in labels.iter().zip(&row.cells) {
            match cell {
                Some(c) => {
                    let how = c.matched.map(|m| m.localize(l)).unwrap_or_default();
                    let remark = if c.remark.is_empty() {
                        "-".to_string()
                    } else {
                        c.remark.replace('\n', " ")
                    };
                    out.push_str(&format!("  {label}: {} | {remark}", c.answer));
                    if !how.is_empty() {
                        out.push_str(&format!(" ({how})"));
                    }
                    out.push('\n');
                }
                None => out.push_str(&format!("  {label}: {}\n", l.t("compare-missing"))),
            }
        }
    }
    let n = cmp.differences().count();
    out.push_str(&l.ta(
        "compare-summary",
        &[("differences", n.into()), ("rows", cmp.rows.len().into())],
    ));
    out.push('\n');
    if let Some(path) = xlsx {
        let matched = |m: MatchKind| m.localize(l);
        let bytes =
            crate::io::xlsx::comparison_xlsx(&labels, &cmp, &comparison_headings(l), &matched)
                .map_err(FileError::from)?;
        crate::io::atomic::atomic_write(path, |w| w.write_all(&bytes)).map_err(FileError::from)?;
        out.push_str(&written(l, path));
    }
    emit(&out)?;
    Ok(if n == 0 {
        ExitCode::SUCCESS
    } else {
        ExitCode::from(1)
    })
}

/// The words of the comparison workbook, in the user's language.
fn comparison_headings(l: &Localizer) -> ComparisonHeadings {
    ComparisonHeadings {
        sheet: l.t("compare-sheet"),
        number: l.t("compare-number"),
        question: l.t("compare-question"),
        reference: l.t("compare-ref"),
        answer: l.t("compare-answer"),
        remark: l.t("compare-remark"),
        matched: l.t("compare-match"),
        missing: l.t("compare-missing"),
    }
}
