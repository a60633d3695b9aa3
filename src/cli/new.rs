//! `kaijisho new`: an empty project on a catalogue.

use std::path::Path;
use std::process::ExitCode;

use super::catalogue_arg;
use super::error::CliError;
use super::output::emit;
use crate::domain::project::{Header, Project};
use crate::i18n::Localizer;
use crate::io::json;

/// Creates a project on a catalogue (refusing to replace a file without `--force`).
pub(super) fn run(
    l: &Localizer,
    catalogue: &str,
    output: &Path,
    header: Header,
    force: bool,
) -> Result<ExitCode, CliError> {
    super::check_outputs(&[Some(output)], &[Path::new(catalogue)])?;
    let (cat, embed) = catalogue_arg(catalogue)?;
    if output.exists() && !force {
        return Err(CliError::OutputExists(output.to_path_buf()));
    }
    let project = Project::new(&cat, header, embed);
    json::save_project(output, &project)?;
    emit(&format!(
        "{}\n",
        l.ta(
            "new-done",
            &[
                ("file", output.display().to_string().into()),
                ("catalogue", cat.id.clone().into()),
                ("count", cat.question_count().into()),
            ],
        )
    ))?;
    Ok(ExitCode::SUCCESS)
}
