//! `kaijisho exercise new` (an exercise copy of a model, answers removed) and `kaijisho
//! exercise check` (a participant's copy against the model, optionally as PDF).

use std::path::Path;
use std::process::ExitCode;

use super::error::CliError;
use super::output::{emit, written};
use super::{open, refuse_overwrite};
use crate::app::exercise::{check_pair, report_lines, write_report_pdf};
use crate::domain::exercise::exercise_copy;
use crate::i18n::Localizer;
use crate::io::json;
use crate::io::pdf::Style;

/// Writes the exercise copy of `model` to `output`.
pub(super) fn new(
    l: &Localizer,
    model: &Path,
    output: &Path,
    force: bool,
) -> Result<ExitCode, CliError> {
    super::check_outputs(&[Some(output)], &[model])?;
    refuse_overwrite(Some(output), force)?;
    let (p, c) = open(l, model)?;
    let copy = exercise_copy(&c, &p);
    json::save_project(output, &copy)?;
    emit(&written(l, output))?;
    Ok(ExitCode::SUCCESS)
}

/// Checks `answered` against `model`: per section and question, same / different /
/// unanswered, the model's answer beside the participant's; a PDF on request.
pub(super) fn check(
    l: &Localizer,
    model: &Path,
    answered: &Path,
    pdf: Option<&Path>,
) -> Result<ExitCode, CliError> {
    super::check_outputs(&[pdf], &[model, answered])?;
    let m = open(l, model)?;
    let a = open(l, answered)?;
    if a.0.exercise.is_none() {
        return Err(CliError::Said(l.ta(
            "err-exercise-not-copy",
            &[("file", answered.display().to_string().into())],
        )));
    }
    let result = check_pair(&m, &a, l).map_err(CliError::Said)?;
    let mut out = String::new();
    for line in report_lines(l, &result) {
        if line.style == Style::Detail {
            out.push_str("    ");
        }
        if line.style == Style::Heading {
            out.push('\n');
        }
        out.push_str(&line.text);
        out.push('\n');
    }
    if let Some(path) = pdf {
        let notes =
            write_report_pdf(path, l, &result, &a.0.header.product).map_err(CliError::Said)?;
        super::output::emit_pdf_notes(l, path, &notes);
        out.push_str(&written(l, path));
    }
    emit(&out)?;
    Ok(ExitCode::SUCCESS)
}
