//! `kaijisho import`: a workbook into a project (and catalogue), with a report of what was read.

use std::path::Path;
use std::process::ExitCode;

use super::args::Format;
use super::error::CliError;
use super::output::{emit, written};
use super::refuse_overwrite;
use crate::i18n::{Localize, Localizer};
use crate::io::json;

/// Reads a workbook, reports what was read, and writes the project and/or catalogue asked
/// for.
/// The lines of an import report that say what was not read: skipped rows, then notes.
pub(super) fn passed_over(l: &Localizer, r: &crate::io::xlsx::ImportReport) -> Vec<String> {
    let skipped = r.skipped.iter().map(|s| {
        l.ta(
            "import-skipped",
            &[
                ("row", s.row.into()),
                ("reason", s.reason.localize(l).into()),
            ],
        )
    });
    skipped
        .chain(r.notes.iter().map(|n| n.localize(l)))
        .collect()
}

pub(super) fn run(
    l: &Localizer,
    input: &Path,
    output: Option<&Path>,
    catalogue_out: Option<&Path>,
    mapping: Option<&Path>,
    force: bool,
    format: Format,
) -> Result<ExitCode, CliError> {
    let inputs: Vec<&Path> = std::iter::once(input).chain(mapping).collect();
    super::check_outputs(&[output, catalogue_out], &inputs)?;
    refuse_overwrite(output, force)?;
    refuse_overwrite(catalogue_out, force)?;
    let mapping = match mapping {
        Some(m) => Some(crate::io::xlsx::load_mapping(m)?),
        None => None,
    };
    let imported =
        crate::io::xlsx::import_file(input, mapping.as_ref(), crate::assets::import_vocabulary())?;
    let r = &imported.report;
    let mut out = String::new();
    match format {
        Format::Json => {
            out = serde_json::to_string_pretty(r)?;
            out.push('\n');
        }
        Format::Text => {
            out.push_str(&l.ta(
                "import-summary",
                &[
                    ("file", input.display().to_string().into()),
                    ("sheet", r.sheet.clone().into()),
                    ("sections", r.sections.into()),
                    ("questions", r.questions.into()),
                    ("options", r.options.into()),
                    ("answers", r.answers.into()),
                ],
            ));
            out.push('\n');
            out.push_str(&l.t(&format!("import-method-{}", r.method)));
            out.push('\n');
            for line in passed_over(l, r) {
                out.push_str(&line);
                out.push('\n');
            }
            if !r.filled {
                out.push_str(&l.t("import-blank"));
                out.push('\n');
            }
            if r.uncertain {
                out.push_str(&l.t("import-uncertain"));
                out.push('\n');
                out.push_str(&serde_json::to_string_pretty(&r.mapping)?);
                out.push('\n');
            }
        }
    }
    if let Some(path) = output {
        json::save_project(path, &imported.project)?;
        out.push_str(&written(l, path));
    }
    if let Some(path) = catalogue_out {
        json::save_catalogue(path, &imported.catalogue)?;
        out.push_str(&written(l, path));
    }
    if output.is_none() && catalogue_out.is_none() {
        out.push_str(&l.t("import-nothing-written"));
        out.push('\n');
    }
    emit(&out)?;
    Ok(ExitCode::SUCCESS)
}
