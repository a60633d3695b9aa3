//! `kaijisho carry`: a new project from an earlier statement, on the same or a newer catalogue.

use std::path::Path;
use std::process::ExitCode;

use super::error::CliError;
use super::output::{emit, written};
use super::{catalogue_arg, open, refuse_overwrite};
use crate::domain::project::Header;
use crate::i18n::{Localize, Localizer};
use crate::io::clock::today_japanese;
use crate::io::json;

/// Carries an earlier statement onto a catalogue and saves the new project, listing what
/// happened to each answer.
pub(super) fn run(
    l: &Localizer,
    old: &Path,
    catalogue: &str,
    output: &Path,
    force: bool,
) -> Result<ExitCode, CliError> {
    use crate::domain::carry::{CarryInput, carry as run_carry};
    super::check_outputs(&[Some(output)], &[old, Path::new(catalogue)])?;
    refuse_overwrite(Some(output), force)?;
    let (old_p, old_c) = open(l, old)?;
    // A workbook is imported on the spot: the new statement is on its questions and
    // remembers it, to be filled; a JSON file or an id names a catalogue.
    let (new_c, embed, new_source) = if crate::io::is_workbook(Path::new(catalogue)) {
        let (p, c) = open(l, Path::new(catalogue))?;
        let own = p.answered_count();
        if own > 0 {
            eprintln!(
                "{}",
                l.ta(
                    "carry-workbook-answers",
                    &[("count", own.into()), ("file", catalogue.into())]
                )
            );
        }
        (c, true, p.source)
    } else {
        let (c, embed) = catalogue_arg(catalogue)?;
        (c, embed, None)
    };
    let header = Header {
        created: today_japanese(),
        ..old_p.header.clone()
    };
    let (project, report) = run_carry(CarryInput {
        old_c: &old_c,
        old_p: &old_p,
        new_c: &new_c,
        new_source: new_source.as_ref(),
        header,
        embed,
    });
    json::save_project(output, &project)?;
    let mut out = String::new();
    for item in &report.items {
        out.push_str(&item.localize(l));
        out.push('\n');
    }
    out.push_str(&report.localize(l));
    out.push('\n');
    out.push_str(&written(l, output));
    emit(&out)?;
    Ok(ExitCode::SUCCESS)
}
