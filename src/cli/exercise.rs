//! `kaijisho exercise new` (an exercise copy of a model, answers removed) and `kaijisho
//! exercise check` (participants' copies against the model, optionally as PDF and workbook).

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use super::args::ExerciseAction;
use super::error::CliError;
use super::output::{emit, emit_err, written};
use super::{open, refuse_overwrite};
use crate::app::compare::{PreparedExport, write_prepared};
use crate::app::exercise::report_lines;
use crate::app::exercise_class::{
    ClassRun, Given, ModelChoice, class_report_lines, class_tables, run_class,
};
use crate::app::progress::Progress;
use crate::assets;

/// Runs one `exercise` action.
pub(super) fn run(l: &Localizer, action: ExerciseAction) -> Result<ExitCode, CliError> {
    match action {
        ExerciseAction::New {
            model,
            output,
            force,
        } => new(l, &model, &output, force),
        ExerciseAction::Check {
            model,
            answered,
            pdf,
            xlsx,
            pass,
        } => check(
            l,
            &model,
            &answered,
            Outputs {
                pdf: pdf.as_deref(),
                xlsx: xlsx.as_deref(),
            },
            pass,
        ),
    }
}
use crate::domain::exercise::exercise_copy;
use crate::i18n::{Localize, Localizer};
use crate::io::pdf::{ReportLine, Style};
use crate::io::{clock, json};

/// Writes the exercise copy of `model` to `output`.
fn new(l: &Localizer, model: &Path, output: &Path, force: bool) -> Result<ExitCode, CliError> {
    super::check_outputs(&[Some(output)], &[model])?;
    refuse_overwrite(Some(output), force)?;
    let (p, c) = open(l, model)?;
    let copy = exercise_copy(&c, &p);
    json::save_project(output, &copy)?;
    emit(&written(l, output))?;
    Ok(ExitCode::SUCCESS)
}

/// Where `exercise check` writes its report.
pub(super) struct Outputs<'a> {
    pub pdf: Option<&'a Path>,
    pub xlsx: Option<&'a Path>,
}

/// Checks each file of `answered` against `model`: one participant, per section and question
/// (same / different / unanswered, the model's answer beside theirs); a class, each
/// participant's score and per question how the class answered. PDF and workbook on request.
/// Exit code 1 when a participant is below `pass`, 2 when a file could not be checked (the
/// others are still reported).
fn check(
    l: &Localizer,
    model: &Path,
    answered: &[PathBuf],
    outputs: Outputs<'_>,
    pass: Option<u8>,
) -> Result<ExitCode, CliError> {
    let mut inputs: Vec<&Path> = vec![model];
    inputs.extend(answered.iter().map(PathBuf::as_path));
    super::check_outputs(&[outputs.pdf, outputs.xlsx], &inputs)?;
    let opened = open(l, model)?;
    let shipped = assets::shipped_catalogues()?;
    let unnamed = l.t("exercise-unnamed");
    let given = Given {
        opened,
        file: Some(model.to_path_buf()),
    };
    let run = run_class(
        ModelChoice::Given(given),
        answered,
        &shipped,
        &Progress::default(),
        &unnamed,
    )
    .map_err(|e| CliError::Said(e.localize(l)))?;
    let refusals = run.refusals(l, &unnamed);
    if run.class.participants.is_empty() {
        return Err(CliError::Said(refusals.join("\n")));
    }
    for r in &refusals {
        emit_err(r);
    }
    let date = clock::japanese(clock::now().date());
    let mut out = match run.class.participants.as_slice() {
        [one] => text_of(&report_lines(l, &one.check)),
        _ => text_of(&class_lines(l, &run, &date)),
    };
    let title = l.ta(
        "exercise-class-title",
        &[("product", run.product.clone().into())],
    );
    if let Some(path) = outputs.pdf {
        let export = PreparedExport::Pdf {
            title,
            lines: class_report_lines(l, &run, &date),
        };
        let notes = write_prepared(&export, path).map_err(|e| CliError::Said(e.localize(l)))?;
        super::output::emit_pdf_notes(l, path, &notes);
        out.push_str(&written(l, path));
    }
    if let Some(path) = outputs.xlsx {
        let export = PreparedExport::Xlsx(class_tables(l, &run, &date));
        write_prepared(&export, path).map_err(|e| CliError::Said(e.localize(l)))?;
        out.push_str(&written(l, path));
    }
    let below = pass
        .map(|p| run.class.below(usize::from(p)))
        .unwrap_or_default();
    if let Some(p) = pass {
        let names: Vec<String> = below
            .iter()
            .filter_map(|i| run.class.participants.get(*i))
            .map(|p| p.label.clone())
            .collect();
        out.push_str(&if names.is_empty() {
            l.ta("exercise-all-passed", &[("pass", p.into())])
        } else {
            l.ta(
                "exercise-below-pass",
                &[("pass", p.into()), ("names", names.join("、").into())],
            )
        });
        out.push('\n');
    }
    emit(&out)?;
    Ok(if !refusals.is_empty() {
        ExitCode::from(2)
    } else if !below.is_empty() {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    })
}

/// A class on the command line: each participant's score, then per question how the class
/// answered (each participant's own sheet is in the PDF and the workbook).
fn class_lines(l: &Localizer, run: &ClassRun, date: &str) -> Vec<ReportLine> {
    let mut lines = class_report_lines(l, run, date);
    if let Some(i) = lines.iter().position(|r| r.style == Style::PageHeading) {
        lines.truncate(i);
    }
    lines
}

/// Report lines as text: details indented, a blank line before each heading.
fn text_of(lines: &[ReportLine]) -> String {
    let mut out = String::new();
    for line in lines {
        if line.style == Style::Detail {
            out.push_str("    ");
        }
        if matches!(line.style, Style::Heading | Style::PageHeading) {
            out.push('\n');
        }
        out.push_str(&line.text);
        out.push('\n');
    }
    out
}
