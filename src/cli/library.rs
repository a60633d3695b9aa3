//! `kaijisho library …`: the answer library on the command line — `add` statements' answers
//! to it, `fill` a statement from it, `check` statements against each other and it.

use std::ffi::OsString;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use serde::Serialize;

use super::args::{Format, LibraryAction};
use super::error::CliError;
use super::output::{emit, written};
use super::{check_outputs, open, refuse_overwrite, text};
use crate::app::library::{FillRequest, check_files, entries_of, fill_plan, library_label};
use crate::app::progress::Progress;
use crate::assets;
use crate::domain::history::Editable;
use crate::domain::library::{Library, LibraryEdit};
use crate::domain::library_check::LibraryFinding;
use crate::i18n::{Localize, Localizer};
use crate::io::library::{load_library_digest, save_library_checked};
use crate::io::{FileError, json};

/// Runs one `library` action.
pub(super) fn run(l: &Localizer, action: LibraryAction) -> Result<ExitCode, CliError> {
    match action {
        LibraryAction::Add {
            library,
            statements,
            name,
        } => {
            let name = name.map(|n| text("--name", n)).transpose()?;
            add(l, &library, &statements, name)
        }
        LibraryAction::Fill {
            statement,
            library,
            output,
            max_age,
            overwrite,
            today,
            force,
        } => {
            let req = FillRequest {
                max_age_months: max_age,
                overwrite,
                today: today_arg(l, today)?,
            };
            fill(l, &statement, &library, output.as_deref(), &req, force)
        }
        LibraryAction::Check {
            statements,
            library,
            today,
            format,
        } => check(
            l,
            &statements,
            library.as_deref(),
            today_arg(l, today)?,
            format,
        ),
    }
}

/// `--today YYYY-MM-DD`, else the system's date.
fn today_arg(l: &Localizer, today: Option<OsString>) -> Result<jiff::civil::Date, CliError> {
    match today {
        None => Ok(crate::io::clock::now().date()),
        Some(t) => {
            let t = text("--today", t)?;
            t.trim()
                .parse::<jiff::civil::Date>()
                .map_err(|_unreadable| {
                    CliError::Said(l.ta("library-cli-bad-today", &[("date", t.into())]))
                })
        }
    }
}

/// Adds every answered question of the statements to the library (created when missing).
fn add(
    l: &Localizer,
    path: &Path,
    statements: &[PathBuf],
    name: Option<String>,
) -> Result<ExitCode, CliError> {
    let inputs: Vec<&Path> = statements.iter().map(PathBuf::as_path).collect();
    check_outputs(&[Some(path)], &inputs)?;
    let (mut lib, expected) = if path.exists() {
        let (lib, sum) = load_library_digest(path)?;
        (lib, Some(sum))
    } else {
        (Library::default(), None)
    };
    let today = crate::io::clock::now().date();
    let before = lib.entries.len();
    let mut taken = 0usize;
    for s in statements {
        let (p, c) = open(l, s)?;
        let entries = entries_of(s, &c, &p, None, today);
        taken = taken.saturating_add(entries.len());
        lib.apply_edit(&(), &LibraryEdit::Add(entries))
            .map_err(|e| CliError::Said(format!("{}: {}", path.display(), e.localize(l))))?;
    }
    if let Some(n) = name {
        lib.apply_edit(&(), &LibraryEdit::Name(n))
            .map_err(|e| CliError::Said(format!("{}: {}", path.display(), e.localize(l))))?;
    }
    save_library_checked(path, &lib, expected)?;
    let mut out = l.ta(
        "library-cli-added",
        &[
            ("taken", taken.into()),
            ("new", lib.entries.len().saturating_sub(before).into()),
            ("total", lib.entries.len().into()),
        ],
    );
    out.push('\n');
    out.push_str(&written(l, path));
    emit(&out)?;
    Ok(ExitCode::SUCCESS)
}

/// Fills a statement from the library: into the statement itself (a project file, under its
/// lock) or into `output`.
fn fill(
    l: &Localizer,
    statement: &Path,
    library: &Path,
    output: Option<&Path>,
    req: &FillRequest,
    force: bool,
) -> Result<ExitCode, CliError> {
    check_outputs(&[output], &[library])?;
    if let Some(o) = output {
        check_outputs(&[Some(o)], &[statement])?;
        refuse_overwrite(Some(o), force)?;
    } else if crate::io::is_workbook(statement) {
        return Err(CliError::Said(l.ta(
            "library-cli-fill-workbook",
            &[("file", statement.display().to_string().into())],
        )));
    }
    let (lib, _) = load_library_digest(library)?;
    let lock = match output {
        None => Some(crate::io::lock::FileLock::acquire(statement).map_err(FileError::from)?),
        Some(_) => None,
    };
    let (mut project, catalogue) = match output {
        None => json::open_project(statement, &assets::shipped_catalogues()?)?,
        Some(_) => open(l, statement)?,
    };
    let plan = fill_plan(&lib, Some(library), &catalogue, &project, req);
    if let Some(edit) = &plan.edit {
        project.apply(&catalogue, edit)?;
    }
    match (&lock, output) {
        (Some(lock), _) => json::save_project_locked(lock, &project)?,
        (None, Some(o)) => json::save_project(o, &project)?,
        (None, None) => {}
    }
    drop(lock);
    let mut out = l.ta(
        "library-cli-filled",
        &[
            ("library", library_label(Some(library), &lib).into()),
            ("filled", plan.filled.len().into()),
            ("stale", plan.stale.len().into()),
            ("offered", plan.offered.len().into()),
            ("kept", plan.kept.into()),
            ("unmatched", plan.unmatched.into()),
        ],
    );
    out.push('\n');
    out.push_str(&written(l, output.unwrap_or(statement)));
    emit(&out)?;
    Ok(ExitCode::SUCCESS)
}

#[derive(Serialize)]
struct JsonFinding<'a> {
    #[serde(flatten)]
    finding: &'a LibraryFinding,
    message: String,
}

#[derive(Serialize)]
struct JsonReport<'a> {
    statements: usize,
    library: Option<String>,
    findings: Vec<JsonFinding<'a>>,
    more: usize,
    unread: Vec<String>,
}

/// Checks the statements against each other and the library; exit 1 on any finding or a
/// statement that does not read.
fn check(
    l: &Localizer,
    statements: &[PathBuf],
    library: Option<&Path>,
    today: jiff::civil::Date,
    format: Format,
) -> Result<ExitCode, CliError> {
    let shipped = assets::shipped_catalogues()?;
    let words = assets::library_words()?;
    let outcome = check_files(
        statements,
        library,
        &shipped,
        &words,
        today,
        &Progress::default(),
    )?;
    let unread: Vec<String> = outcome.unread.iter().map(|u| u.error.localize(l)).collect();
    let out = match format {
        Format::Json => {
            let report = JsonReport {
                statements: outcome.read.len(),
                library: library.map(|p| p.display().to_string()),
                findings: outcome
                    .report
                    .findings
                    .iter()
                    .map(|f| JsonFinding {
                        finding: f,
                        message: f.localize(l),
                    })
                    .collect(),
                more: outcome.report.more,
                unread: unread.clone(),
            };
            let mut s = serde_json::to_string_pretty(&report)?;
            s.push('\n');
            s
        }
        Format::Text => {
            let mut s = String::new();
            for f in &outcome.report.findings {
                s.push_str(&f.localize(l));
                s.push('\n');
            }
            for u in &unread {
                s.push_str(u);
                s.push('\n');
            }
            s.push_str(
                &l.ta(
                    "library-cli-checked",
                    &[
                        ("statements", outcome.read.len().into()),
                        (
                            "findings",
                            outcome
                                .report
                                .findings
                                .len()
                                .saturating_add(outcome.report.more)
                                .into(),
                        ),
                        ("unread", outcome.unread.len().into()),
                    ],
                ),
            );
            s.push('\n');
            s
        }
    };
    emit(&out)?;
    Ok(if outcome.has_findings() {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    })
}
